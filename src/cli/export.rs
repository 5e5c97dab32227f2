//! `gardefou export`: the dossier (or its public version) of a project file, or one of the
//! documents derived from it (`--document register|notice|consultation|fria|authorisation`), as
//! PDF, OpenDocument, Word or plain text — the output's extension or `--format` decides — and the
//! request's entry sheet alone as CSV (`--document authorisation -o FILE.csv`), through the
//! session's one export pipeline.

use std::path::Path;
use std::time::Instant;

use crate::documents::DocumentKind;
use crate::i18n::{tr, tr_with, Lang};
use crate::messages;
use crate::model::Date;
use crate::session::logo::BrandingProblem;
use crate::session::{ExportKind, Format};

/// What to export.
pub struct Request<'a> {
    /// The project file (or dossier PDF, or PIA export).
    pub file: &'a Path,
    /// Where to write.
    pub output: &'a Path,
    /// The format, when forced; else the output's extension decides (PDF when it names none).
    pub format: Option<Format>,
    /// Leave out the project's logo when it cannot be used, instead of stopping.
    pub without_logo: bool,
    /// Read the project's logo even outside the project's folder (`--allow-outside`).
    pub allow_outside: bool,
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
    /// The export kind.
    fn kind(&self) -> ExportKind {
        let is_csv = self
            .output
            .extension()
            .is_some_and(|e| e.eq_ignore_ascii_case("csv"));
        match self.document {
            // The request's entry sheet alone, to copy into the online procedure.
            Some(DocumentKind::Authorisation) if is_csv => ExportKind::EntrySheet,
            Some(kind) => ExportKind::Document(kind),
            None => ExportKind::Dossier {
                is_public: self.is_public,
            },
        }
    }

    /// The file format.
    fn format(&self) -> Format {
        Format::of_output(self.output, self.format)
    }
}

/// Exports and returns the exit code: 0 written, 2 on any error.
pub fn run(request: &Request, lang: Lang) -> u8 {
    let started = Instant::now();
    let Some(session) = super::evaluated::open_session(request.file, request.today, lang) else {
        return 2;
    };
    let kind = request.kind();
    let format = request.format();
    // The command line brands with the project's branding (the user's own lives in the app).
    let branding = match session.resolve_branding(
        &crate::model::Branding::default(),
        request.without_logo,
        request.allow_outside,
    ) {
        Ok(branding) => branding,
        Err(BrandingProblem::Logo(error)) => {
            eprintln!(
                "gardefou: {}\n{}",
                messages::logo_error(&error, lang),
                tr(lang, "cli.export.no_logo_hint")
            );
            return 2;
        }
        Err(BrandingProblem::Outside { path, .. }) => {
            eprintln!(
                "gardefou: {}\n{}",
                messages::outside_logo(&path, lang),
                tr(lang, "cli.export.outside_hint")
            );
            return 2;
        }
    };
    let mut job = session
        .export_job(kind, request.output)
        .in_format(format)
        .with_branding(branding);
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
    let format_name = tr(lang, format.label_key());
    let message = match (kind, format) {
        (ExportKind::EntrySheet, _) => tr_with(lang, "cli.document.sheet_ok", &[("path", &path)]),
        (ExportKind::Document(document), Format::Text) => tr_with(
            lang,
            "cli.document.text_ok",
            &[
                ("path", &path),
                ("document", tr(lang, document.title_key())),
            ],
        ),
        (ExportKind::Document(document), Format::Pdf) => tr_with(
            lang,
            "cli.document.ok",
            &[
                ("path", &path),
                ("document", tr(lang, document.title_key())),
                ("pages", &pages),
            ],
        ),
        (ExportKind::Document(document), _) => tr_with(
            lang,
            "cli.document.file_ok",
            &[
                ("path", &path),
                ("document", tr(lang, document.title_key())),
                ("format", format_name),
            ],
        ),
        (_, Format::Pdf) => tr_with(
            lang,
            "cli.export.ok",
            &[
                ("path", &path),
                ("pages", &pages),
                ("kb", &(exported.bytes / 1024).to_string()),
                ("ms", &started.elapsed().as_millis().to_string()),
            ],
        ),
        _ => tr_with(
            lang,
            "cli.export.file_ok",
            &[
                ("path", &path),
                ("format", format_name),
                ("kb", &(exported.bytes / 1024).to_string()),
                ("ms", &started.elapsed().as_millis().to_string()),
            ],
        ),
    };
    println!("{message}");
    0
}
