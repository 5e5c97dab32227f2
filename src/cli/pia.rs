//! `gardefou import-pia` and `gardefou export-pia`: exchange with the CNIL PIA software.

use std::path::Path;

use crate::i18n::{self, tr, tr_with, Lang};
use crate::interop::pia;
use crate::knowledge::KnowledgeBase;
use crate::model::Date;
use crate::{rules, storage};

fn kb() -> Option<KnowledgeBase> {
    match KnowledgeBase::bundled() {
        Ok(kb) => Some(kb),
        Err(error) => {
            eprintln!("gardefou: {error}");
            None
        }
    }
}

/// Imports; 0 written (warnings on stderr), 2 on error.
pub fn import(input: &Path, output: &Path, lang: Lang) -> u8 {
    let Some(kb) = kb() else { return 2 };
    let bytes = match std::fs::metadata(input).and_then(|_| std::fs::read(input)) {
        Ok(bytes) => bytes,
        Err(error) => {
            eprintln!(
                "{}: {}: {error}",
                input.display(),
                tr(lang, "error.load.io")
            );
            return 2;
        }
    };
    let imported = match pia::import(&bytes, &kb) {
        Ok(imported) => imported,
        Err(source) => {
            let error = crate::open::OpenError::Pia {
                path: input.to_owned(),
                source,
            };
            eprintln!("{}", i18n::open_error_message(&error, lang));
            return 2;
        }
    };
    for warning in &imported.warnings {
        eprintln!(
            "{}: {}: {}",
            input.display(),
            tr(lang, "cli.warning"),
            i18n::pia_warning_message(warning, lang)
        );
    }
    if let Err(error) = storage::save(output, &imported.assessment) {
        eprintln!("{}", i18n::save_error_message(&error, lang));
        return 2;
    }
    println!(
        "{}",
        tr_with(
            lang,
            "cli.import_pia.ok",
            &[
                ("path", &output.display().to_string()),
                ("warnings", &imported.warnings.len().to_string())
            ]
        )
    );
    0
}

/// Exports; 0 written, 2 on error.
pub fn export(input: &Path, output: &Path, today: Date, lang: Lang) -> u8 {
    let Some(kb) = kb() else { return 2 };
    let assessment = match crate::open::open(input) {
        Ok(assessment) => assessment,
        Err(error) => {
            eprintln!("{}", i18n::open_error_message(&error, lang));
            return 2;
        }
    };
    let report = rules::evaluate(&assessment, &kb, today);
    let json = pia::export(
        &assessment,
        &kb,
        &report,
        assessment.project.dossier_language,
    );
    if let Err(error) = storage::write_atomic(output, json.as_bytes()) {
        eprintln!(
            "{}: {}: {error}",
            output.display(),
            tr(lang, "error.save.io")
        );
        return 2;
    }
    println!(
        "{}",
        tr_with(
            lang,
            "cli.export_pia.ok",
            &[("path", &output.display().to_string())]
        )
    );
    0
}
