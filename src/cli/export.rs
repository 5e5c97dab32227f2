//! `gardefou export`: the PDF dossier (or its public version) of a project file, or one of the
//! documents derived from it (`--document register|notice|consultation`) as PDF or, for an
//! output ending in `.txt`, plain text — through the session's one export pipeline.

use std::path::Path;
use std::time::Instant;

use crate::documents::DocumentKind;
use crate::i18n::{tr, tr_with, Lang};
use crate::messages;
use crate::model::Date;
use crate::session::ExportKind;

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

impl Request<'_> {
    /// The export kind: a derived document as text for an output ending in `.txt`.
    fn kind(&self) -> ExportKind {
        match self.document {
            Some(kind) if is_text_path(self.output) => ExportKind::DocumentText(kind),
            Some(kind) => ExportKind::Document(kind),
            None => ExportKind::Dossier {
                is_public: self.is_public,
            },
        }
    }
}

/// Exports and returns the exit code: 0 written, 2 on any error.
pub fn run(request: &Request, lang: Lang) -> u8 {
    let started = Instant::now();
    let Some(session) = super::evaluated::open_session(request.file, request.today, lang) else {
        return 2;
    };
    let kind = request.kind();
    let mut job = session.export_job(kind, request.output);
    if let Some(doc_lang) = request.dossier_lang {
        job = job.in_lang(doc_lang);
    }
    let exported = match job.run() {
        Ok(exported) => exported,
        Err(error) => {
            eprintln!("{}", messages::export_error(&error, request.file, lang));
            return 2;
        }
    };
    let path = exported.path.display().to_string();
    let pages = exported.pages.unwrap_or(0).to_string();
    let message = match kind {
        ExportKind::DocumentText(document) => tr_with(
            lang,
            "cli.document.text_ok",
            &[
                ("path", &path),
                ("document", tr(lang, document.title_key())),
            ],
        ),
        ExportKind::Document(document) => tr_with(
            lang,
            "cli.document.ok",
            &[
                ("path", &path),
                ("document", tr(lang, document.title_key())),
                ("pages", &pages),
            ],
        ),
        ExportKind::Dossier { .. } | ExportKind::Pia => tr_with(
            lang,
            "cli.export.ok",
            &[
                ("path", &path),
                ("pages", &pages),
                ("kb", &(exported.bytes / 1024).to_string()),
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
