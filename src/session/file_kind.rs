//! What kind of file a user hands the app or the command line, decided once for both: by its
//! first bytes, and by its extension only when the content says nothing (an empty or unreadable
//! file).

use std::io::Read as _;
use std::path::Path;

/// The kinds of file Garde-fou opens.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum FileKind {
    /// A project file (`.aipd.ron`): opened titled, saved back in place.
    Project,
    /// A dossier PDF exported by Garde-fou, whose attached project is taken out; opens untitled.
    DossierPdf,
    /// A CNIL PIA export (JSON); opens untitled.
    PiaExport,
}

impl FileKind {
    /// `project`, `dossier_pdf` or `pia_export`, as in `portfolio --json`.
    pub fn code(self) -> &'static str {
        match self {
            FileKind::Project => "project",
            FileKind::DossierPdf => "dossier_pdf",
            FileKind::PiaExport => "pia_export",
        }
    }

    /// True when the file is the project itself, so saving writes back to it. A dossier PDF or a
    /// PIA export opens untitled: saving never writes RON over it.
    pub fn is_project(self) -> bool {
        self == FileKind::Project
    }

    /// The kind of the file at `path`: its content first, its extension second.
    pub fn detect(path: &Path) -> FileKind {
        let mut head = [0u8; 64];
        // Only a regular file is looked into: a pipe or a device named as a project is left to
        // the reader, which refuses it without waiting.
        let read = crate::files::open_regular(path, u64::MAX)
            .map_err(crate::files::Refusal::into_io)
            .and_then(|mut file| file.read(&mut head));
        match read {
            Ok(count) => {
                Self::from_head(&head[..count]).unwrap_or_else(|| Self::by_extension(path))
            }
            Err(_) => Self::by_extension(path),
        }
    }

    /// The kind the first bytes show; `None` when they show nothing (an empty or blank file).
    pub fn from_head(head: &[u8]) -> Option<FileKind> {
        if head.starts_with(b"%PDF-") {
            return Some(FileKind::DossierPdf);
        }
        let text = head.strip_prefix(b"\xef\xbb\xbf").unwrap_or(head);
        let first = text.iter().find(|b| !b.is_ascii_whitespace())?;
        Some(match first {
            b'{' | b'[' => FileKind::PiaExport,
            _ => FileKind::Project,
        })
    }

    /// The kind the extension suggests.
    pub fn by_extension(path: &Path) -> FileKind {
        let extension = path
            .extension()
            .map(|e| e.to_string_lossy().to_ascii_lowercase());
        match extension.as_deref() {
            Some("pdf") => FileKind::DossierPdf,
            Some("json") => FileKind::PiaExport,
            _ => FileKind::Project,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_content_decides_before_the_extension() {
        assert_eq!(
            FileKind::from_head(b"%PDF-1.7\n"),
            Some(FileKind::DossierPdf)
        );
        assert_eq!(
            FileKind::from_head(b"\xef\xbb\xbf  {\"pia\": 1}"),
            Some(FileKind::PiaExport)
        );
        assert_eq!(
            FileKind::from_head(b"(\n    format_version: 1,"),
            Some(FileKind::Project)
        );
        assert_eq!(FileKind::from_head(b"// notes\n("), Some(FileKind::Project));
        assert_eq!(FileKind::from_head(b" \n\t"), None);
    }

    #[test]
    fn a_renamed_file_is_read_as_what_it_is() {
        let dir = tempfile::tempdir().expect("temp dir");
        let json_named_ron = dir.path().join("export.aipd.ron");
        std::fs::write(&json_named_ron, "{\"name\": \"x\"}").expect("write");
        assert_eq!(FileKind::detect(&json_named_ron), FileKind::PiaExport);
        let ron_named_pdf = dir.path().join("projet.pdf");
        std::fs::write(&ron_named_pdf, "(format_version: 1)").expect("write");
        assert_eq!(FileKind::detect(&ron_named_pdf), FileKind::Project);
        let empty_json = dir.path().join("vide.json");
        std::fs::write(&empty_json, "").expect("write");
        assert_eq!(FileKind::detect(&empty_json), FileKind::PiaExport);
        assert_eq!(
            FileKind::detect(&dir.path().join("absent.pdf")),
            FileKind::DossierPdf
        );
    }
}
