//! `gardefou export`: the PDF dossier (or its public version) of a project file, written
//! atomically so a failed export never leaves half a PDF where a good one was.

use std::path::Path;
use std::time::Instant;

use crate::i18n::{self, tr_with, Lang};
use crate::model::Date;
use crate::{dossier, pdf, storage};

/// Exports and returns the exit code: 0 written, 2 on any error.
pub fn run(
    file: &Path,
    output: &Path,
    is_public: bool,
    today: Date,
    dossier_lang: Option<Lang>,
    lang: Lang,
) -> u8 {
    let started = Instant::now();
    let Some(super::evaluated::Evaluated {
        kb,
        assessment,
        report,
    }) = super::evaluated::open_and_evaluate(file, today, lang)
    else {
        return 2;
    };
    let source_text = match storage::to_text(&assessment) {
        Ok(text) => Some(text),
        Err(error) => {
            eprintln!("{}: {error}", file.display());
            return 2;
        }
    };
    let options = dossier::DossierOptions {
        lang: dossier_lang.unwrap_or(assessment.project.dossier_language),
        is_public,
        today,
        source_text,
    };
    let built = dossier::build(&assessment, &kb, &report, &options);
    let bytes = match pdf::render(&built) {
        Ok(bytes) => bytes,
        Err(error) => {
            eprintln!("gardefou: {error}");
            return 2;
        }
    };
    if let Err(error) = storage::write_atomic(output, &bytes) {
        eprintln!(
            "{}: {}: {error}",
            output.display(),
            i18n::tr(lang, "error.save.io")
        );
        return 2;
    }
    let pages = pdf::reopen::page_count(&bytes).unwrap_or(0);
    println!(
        "{}",
        tr_with(
            lang,
            "cli.export.ok",
            &[
                ("path", &output.display().to_string()),
                ("pages", &pages.to_string()),
                ("kb", &(bytes.len() / 1024).to_string()),
                ("ms", &started.elapsed().as_millis().to_string()),
            ]
        )
    );
    0
}
