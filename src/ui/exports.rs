//! The exports beside the dossier: the documents derived from the AIPD (register entry, public
//! notice, prior-consultation letter) as PDF or copied as text, and the CNIL PIA file. Each is
//! written next to the dossier's PDF path, atomically, and named in the status bar.

use std::path::{Path, PathBuf};

use super::GardefouApp;
use crate::documents::{self, DocumentError, DocumentKind};
use crate::dossier::{text::plain_text, Dossier};
use crate::i18n::{tr, tr_with};
use crate::interop::pia;
use crate::{pdf, storage};

impl GardefouApp {
    /// Builds a derived document in the dossier language.
    fn document(&self, kind: DocumentKind) -> Result<Dossier, DocumentError> {
        documents::build(
            kind,
            &self.assessment,
            &self.kb,
            &self.report,
            self.assessment.project.dossier_language,
            self.today,
        )
    }

    /// Writes a derived document as PDF beside the dossier.
    pub(super) fn export_document(&mut self, kind: DocumentKind) {
        let lang = self.lang();
        let built = match self.document(kind) {
            Ok(built) => built,
            Err(DocumentError::ConsultationNotRequired) => {
                self.set_status(tr(lang, "doc.consultation.not_required").to_owned(), true);
                return;
            }
        };
        let suffix = kind.file_suffix(self.assessment.project.dossier_language);
        let output = sibling(&self.state.export_path, suffix, "pdf");
        let result = pdf::render(&built)
            .map_err(|e| e.to_string())
            .and_then(|bytes| storage::write_atomic(&output, &bytes).map_err(|e| e.to_string()));
        match result {
            Ok(()) => self.set_status(
                tr_with(
                    lang,
                    "ui.document_written",
                    &[
                        ("document", tr(lang, kind.title_key())),
                        ("path", &output.display().to_string()),
                    ],
                ),
                false,
            ),
            Err(error) => self.set_status(write_error(lang, &output, &error), true),
        }
    }

    /// Puts a derived document's plain text on the clipboard.
    pub(super) fn copy_document(&mut self, ctx: &egui::Context, kind: DocumentKind) {
        let lang = self.lang();
        match self.document(kind) {
            Ok(built) => {
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
            Err(DocumentError::ConsultationNotRequired) => {
                self.set_status(tr(lang, "doc.consultation.not_required").to_owned(), true);
            }
        }
    }

    /// Writes the CNIL PIA file beside the dossier.
    pub(super) fn export_pia(&mut self) {
        let lang = self.lang();
        let json = pia::export(
            &self.assessment,
            &self.kb,
            &self.report,
            self.assessment.project.dossier_language,
        );
        let output = sibling(&self.state.export_path, "pia", "json");
        match storage::write_atomic(&output, json.as_bytes()) {
            Ok(()) => self.set_status(
                tr_with(
                    lang,
                    "cli.export_pia.ok",
                    &[("path", &output.display().to_string())],
                ),
                false,
            ),
            Err(error) => self.set_status(write_error(lang, &output, &error.to_string()), true),
        }
    }
}

/// « path : could not write the file: why », in the user's language.
fn write_error(lang: crate::i18n::Lang, path: &Path, error: &str) -> String {
    format!("{}: {}: {error}", path.display(), tr(lang, "error.save.io"))
}

/// `dossier.pdf` + `registre` → `dossier-registre.pdf`, in the same folder; a folder as the
/// dossier path puts `aipd-registre.pdf` inside it.
pub fn sibling(dossier_path: &str, suffix: &str, extension: &str) -> PathBuf {
    let path = Path::new(dossier_path.trim());
    if path.is_dir() {
        return path.join(format!("aipd-{suffix}.{extension}"));
    }
    let stem = path
        .file_stem()
        .map(|s| s.to_string_lossy().into_owned())
        .filter(|s| !s.is_empty())
        .unwrap_or_else(|| "aipd".to_owned());
    path.with_file_name(format!("{stem}-{suffix}.{extension}"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn derived_files_sit_beside_the_dossier() {
        assert_eq!(
            sibling("/tmp/x/commune.pdf", "registre", "pdf"),
            PathBuf::from("/tmp/x/commune-registre.pdf")
        );
        assert_eq!(sibling("", "pia", "json"), PathBuf::from("aipd-pia.json"));
    }
}
