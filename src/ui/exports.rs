//! The exports beside the dossier: the documents derived from the AIPD (register entry, public
//! notice, prior-consultation letter) in the dossier's format or copied as text, and the CNIL PIA file — all
//! through the session's export pipeline, written next to the dossier's PDF path and named in
//! the status bar.

use std::path::Path;

use super::action::ExportTarget;
use super::GardefouApp;
use crate::documents::DocumentKind;
use crate::dossier::text::plain_text;
use crate::i18n::{tr, tr_with, Lang};
use crate::messages;
use crate::session::export::sibling_path;
use crate::session::{ExportError, ExportKind};

impl GardefouApp {
    /// Writes a derived document beside the dossier, in the dossier's export format.
    pub(super) fn export_document(&mut self, kind: DocumentKind, without_logo: bool) {
        let lang = self.lang();
        let Some(branding) = self.branding_for(ExportTarget::Document(kind), without_logo) else {
            return;
        };
        let format = self.state.export_format;
        let suffix = kind.file_suffix(self.session.assessment.project.dossier_language);
        let output = sibling_path(
            Path::new(self.state.export_path.trim()),
            suffix,
            format.extension(),
        );
        let job = self
            .session
            .export_job(ExportKind::Document(kind), &output)
            .in_format(format)
            .with_branding(branding);
        match job.run() {
            Ok(exported) => self.set_status(
                tr_with(
                    lang,
                    "ui.document_written",
                    &[
                        ("document", tr(lang, kind.title_key())),
                        ("path", &exported.path.display().to_string()),
                    ],
                ),
                false,
            ),
            Err(error) => self.set_status(export_message(&error, &output, lang), true),
        }
    }

    /// Puts a derived document's plain text on the clipboard.
    pub(super) fn copy_document(&mut self, ctx: &egui::Context, kind: DocumentKind) {
        let lang = self.lang();
        let job = self
            .session
            .export_job(ExportKind::DocumentText(kind), Path::new(""));
        match job.document() {
            Ok(Some(built)) => {
                ctx.copy_text(plain_text(&built));
                self.set_status(
                    tr_with(
                        lang,
                        "ui.document_copied",
                        &[("document", tr(lang, kind.title_key()))],
                    ),
                    false,
                );
            }
            Ok(None) => {}
            Err(error) => self.set_status(export_message(&error, Path::new(""), lang), true),
        }
    }

    /// Writes the CNIL PIA file beside the dossier.
    pub(super) fn export_pia(&mut self) {
        let lang = self.lang();
        let output = sibling_path(Path::new(self.state.export_path.trim()), "pia", "json");
        match self.session.export(ExportKind::Pia, &output) {
            Ok(exported) => self.set_status(
                tr_with(
                    lang,
                    "cli.export_pia.ok",
                    &[("path", &exported.path.display().to_string())],
                ),
                false,
            ),
            Err(error) => self.set_status(export_message(&error, &output, lang), true),
        }
    }
}

/// An export failure for the status bar: the letter that is not due is said plainly, without a
/// file name (nothing was being written yet).
fn export_message(error: &ExportError, output: &Path, lang: Lang) -> String {
    match error {
        ExportError::ConsultationNotRequired => {
            tr(lang, "doc.consultation.not_required").to_owned()
        }
        other => messages::export_error(other, output, lang),
    }
}
