//! `gardefou export`: the PDF dossier (or its public version) of a project file, or one of the
//! documents derived from it (`--document register|notice|consultation`) as PDF or, for an
//! output ending in `.txt`, plain text. Written atomically so a failed export never leaves half
//! a file where a good one was.

use std::path::Path;
use std::time::Instant;

use crate::documents::{self, DocumentError, DocumentKind};
use crate::dossier::{self, Dossier};
use crate::i18n::{self, tr, tr_with, Lang};
use crate::model::Date;
use crate::{pdf, storage};

/// What to export.
pub struct Request<'a> {
    /// The project file (or dossier PDF, or PIA export).
    pub file: &'a Path,
    /// Where to write.
    pub output: &'a Path,
    /// The public version of the dossier.
    pub is_public: bool,
    /// The document's date.
    pub today: Date,
    /// The document language, when given; else the project's dossier language.
    pub dossier_lang: Option<Lang>,
    /// A derived document instead of the dossier.
    pub document: Option<DocumentKind>,
}

/// Exports and returns the exit code: 0 written, 2 on any error.
pub fn run(request: &Request, lang: Lang) -> u8 {
    let started = Instant::now();
    let Some(super::evaluated::Evaluated {
        kb,
        assessment,
        report,
    }) = super::evaluated::open_and_evaluate(request.file, request.today, lang)
    else {
        return 2;
    };
    let doc_lang = request
        .dossier_lang
        .unwrap_or(assessment.project.dossier_language);
    let built: Dossier = match request.document {
        Some(kind) => {
            match documents::build(kind, &assessment, &kb, &report, doc_lang, request.today) {
                Ok(built) => built,
                Err(DocumentError::ConsultationNotRequired) => {
                    eprintln!(
                        "{}: {}",
                        request.file.display(),
                        tr(lang, "doc.consultation.not_required")
                    );
                    return 2;
                }
            }
        }
        None => {
            let source_text = match storage::to_text(&assessment) {
                Ok(text) => Some(text),
                Err(error) => {
                    eprintln!("{}: {error}", request.file.display());
                    return 2;
                }
            };
            let options = dossier::DossierOptions {
                lang: doc_lang,
                is_public: request.is_public,
                today: request.today,
                source_text,
            };
            dossier::build(&assessment, &kb, &report, &options)
        }
    };
    let as_text = request.document.is_some() && is_text_path(request.output);
    let bytes = if as_text {
        dossier::text::plain_text(&built).into_bytes()
    } else {
        match pdf::render(&built) {
            Ok(bytes) => bytes,
            Err(error) => {
                eprintln!("gardefou: {error}");
                return 2;
            }
        }
    };
    if let Err(error) = storage::write_atomic(request.output, &bytes) {
        eprintln!(
            "{}: {}: {error}",
            request.output.display(),
            i18n::tr(lang, "error.save.io")
        );
        return 2;
    }
    let path = request.output.display().to_string();
    let message = match request.document {
        Some(kind) if as_text => tr_with(
            lang,
            "cli.document.text_ok",
            &[("path", &path), ("document", tr(lang, kind.title_key()))],
        ),
        Some(kind) => tr_with(
            lang,
            "cli.document.ok",
            &[
                ("path", &path),
                ("document", tr(lang, kind.title_key())),
                (
                    "pages",
                    &pdf::reopen::page_count(&bytes).unwrap_or(0).to_string(),
                ),
            ],
        ),
        None => tr_with(
            lang,
            "cli.export.ok",
            &[
                ("path", &path),
                (
                    "pages",
                    &pdf::reopen::page_count(&bytes).unwrap_or(0).to_string(),
                ),
                ("kb", &(bytes.len() / 1024).to_string()),
                ("ms", &started.elapsed().as_millis().to_string()),
            ],
        ),
    };
    println!("{message}");
    0
}

/// True for an output ending in `.txt`.
fn is_text_path(path: &Path) -> bool {
    path.extension()
        .is_some_and(|e| e.eq_ignore_ascii_case("txt"))
}
