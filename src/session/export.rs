//! The one export pipeline: the dossier (full or public) or a derived document (register entry,
//! public notice, prior-consultation letter) as PDF, Word (DOCX), OpenDocument (ODT) or plain
//! text — every format from the same document model — and the CNIL PIA file.
//! A job takes what it needs from the session up front, so the command line runs it in place and
//! the app runs the dossier (the long one) on a background thread. Every file is written
//! atomically: a failed export never leaves half a file where a good one was.

use std::path::{Path, PathBuf};
use std::sync::Arc;

use crate::documents::{self, DocumentError, DocumentKind};
use crate::dossier::{self, Dossier};
use crate::knowledge::KnowledgeBase;
use crate::model::{Assessment, Date, Lang};
use crate::office::{self, OfficeError};
use crate::pdf::{self, RenderError};
use crate::rules::Report;
use crate::storage;

/// What to export.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ExportKind {
    /// The PDF dossier; the public version leaves out confidential fields and the project.
    Dossier {
        /// True for the public version, false for the full one that carries the project file.
        is_public: bool,
    },
    /// A derived document as PDF.
    Document(DocumentKind),
    /// A derived document as plain text.
    DocumentText(DocumentKind),
    /// The file the CNIL PIA tool imports (JSON).
    Pia,
    /// The entry sheet of the request to the prefect, as CSV (frame, field, value, state).
    EntrySheet,
}

/// The file format of a dossier or derived document.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub enum Format {
    /// The signed original, with the project attached to the full dossier.
    #[default]
    Pdf,
    /// Word (Office Open XML), editable.
    Docx,
    /// OpenDocument text (ODF 1.3), editable; what French public bodies are told to prefer.
    Odt,
    /// Plain UTF-8 text, to paste into a register, a website or a letter.
    Text,
    /// One self-contained, accessible web page (no script, no external resource), to publish
    /// on the controller's website.
    Html,
}

impl Format {
    /// Every format, in the order the app offers them.
    pub const ALL: [Format; 5] = [
        Format::Pdf,
        Format::Odt,
        Format::Docx,
        Format::Text,
        Format::Html,
    ];

    /// The format a file name's extension names (`.pdf`, `.docx`, `.odt`, `.txt`; any case).
    pub fn from_path(path: &Path) -> Option<Format> {
        let extension = path.extension()?.to_str()?.to_ascii_lowercase();
        Format::parse(&extension)
    }

    /// The format of a name given on the command line (`pdf`, `docx`, `odt`, `txt`).
    pub fn parse(name: &str) -> Option<Format> {
        match name.trim().to_ascii_lowercase().as_str() {
            "pdf" => Some(Format::Pdf),
            "docx" => Some(Format::Docx),
            "odt" => Some(Format::Odt),
            "txt" | "text" => Some(Format::Text),
            "html" | "htm" => Some(Format::Html),
            _ => None,
        }
    }

    /// The key of the format's name in the interface catalogue (`format.pdf`…).
    pub fn label_key(self) -> &'static str {
        match self {
            Format::Pdf => "format.pdf",
            Format::Docx => "format.docx",
            Format::Odt => "format.odt",
            Format::Text => "format.txt",
            Format::Html => "format.html",
        }
    }

    /// The key of the format's name in the app's format choice (`ui.format.pdf`…).
    pub fn choice_key(self) -> &'static str {
        match self {
            Format::Pdf => "ui.format.pdf",
            Format::Docx => "ui.format.docx",
            Format::Odt => "ui.format.odt",
            Format::Text => "ui.format.txt",
            Format::Html => "ui.format.html",
        }
    }

    /// The file extension, without the dot.
    pub fn extension(self) -> &'static str {
        match self {
            Format::Pdf => "pdf",
            Format::Docx => "docx",
            Format::Odt => "odt",
            Format::Text => "txt",
            Format::Html => "html",
        }
    }

    /// The format an export to `output` writes: the one asked for, else the one the output's
    /// extension names, else PDF. The one place this is decided, for the app, the command line
    /// and the session.
    pub fn of_output(output: &Path, asked: Option<Format>) -> Format {
        asked
            .or_else(|| Format::from_path(output))
            .unwrap_or(Format::Pdf)
    }

    /// `path` ending with this format's extension: unchanged when it already does (or is empty,
    /// which the export then refuses), else with the extension replaced or added. The app's
    /// export path follows the format chosen so.
    pub fn fit(self, path: PathBuf) -> PathBuf {
        if path.as_os_str().is_empty() || Format::from_path(&path) == Some(self) {
            path
        } else {
            self.apply_to(&path)
        }
    }

    /// The path with this format's extension in place of a known document extension (or added).
    pub fn apply_to(self, path: &Path) -> PathBuf {
        if Format::from_path(path).is_some() {
            path.with_extension(self.extension())
        } else {
            let mut name = path.as_os_str().to_owned();
            name.push(".");
            name.push(self.extension());
            PathBuf::from(name)
        }
    }
}

/// What an export wrote.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Exported {
    /// The file written.
    pub path: PathBuf,
    /// Its size in bytes.
    pub bytes: usize,
    /// Its pages, for a PDF.
    pub pages: Option<usize>,
    /// The format written (`None` for the PIA file).
    pub format: Option<Format>,
}

/// Why nothing was written.
#[derive(Debug, thiserror::Error)]
pub enum ExportError {
    /// The letter was asked for but neither GDPR art. 36 nor LIL art. 90 calls for it.
    #[error("no prior consultation is required")]
    ConsultationNotRequired,
    /// A questionnaire was asked of a project that is not a contributor's copy.
    #[error("this project is not a copy written for a contributor")]
    NotAContribution,
    /// The assessment could not be turned into the text attached to the dossier (a bug).
    #[error("cannot write the project as RON: {0}")]
    Serialize(String),
    /// The PDF could not be made.
    #[error(transparent)]
    Render(#[from] RenderError),
    /// The DOCX or ODT package could not be made.
    #[error(transparent)]
    Office(#[from] OfficeError),
    /// The output is the file the assessment was read from (the same file, whatever the name
    /// it is given): it is left as it was.
    #[error("{path}: not written, it is the file the assessment was read from")]
    OutputIsInput {
        /// The output asked for.
        path: PathBuf,
    },
    /// The output is a Garde-fou project file: an export never replaces a project.
    #[error("{path}: not written, it is a Garde-fou project file")]
    OutputIsProject {
        /// The output asked for.
        path: PathBuf,
    },
    /// The file could not be written; an older file there is untouched.
    #[error("{path}: {source}")]
    Write {
        /// The file that could not be written.
        path: PathBuf,
        /// The system's error.
        source: std::io::Error,
    },
}

impl From<DocumentError> for ExportError {
    fn from(error: DocumentError) -> ExportError {
        match error {
            DocumentError::ConsultationNotRequired => ExportError::ConsultationNotRequired,
            DocumentError::NotAContribution => ExportError::NotAContribution,
        }
    }
}

/// An export ready to run: a snapshot of the assessment and its report.
#[derive(Clone, Debug)]
pub struct ExportJob {
    /// The assessment as it was when the job was made.
    pub assessment: Assessment,
    /// The engine's report on it.
    pub report: Report,
    /// The knowledge base the report was computed with; the document's texts come from it too.
    pub kb: Arc<KnowledgeBase>,
    /// The document's date.
    pub today: Date,
    /// The document's language (the project's dossier language unless changed).
    pub lang: Lang,
    /// What to export.
    pub kind: ExportKind,
    /// The file format of a dossier or derived document (ignored for the PIA file; plain text
    /// for `ExportKind::DocumentText`).
    pub format: Format,
    /// Where to write it.
    pub output: PathBuf,
    /// The firm's branding of the document (`None`: as always).
    pub branding: Option<dossier::Branding>,
    /// The project file (`None`: untitled work), which the plans' backgrounds are found from.
    pub project_file: Option<PathBuf>,
    /// The file the assessment was read from (a project, a dossier PDF, a PIA export), never
    /// written over.
    pub source_file: Option<PathBuf>,
}

impl ExportJob {
    /// The same job with a firm's branding (resolved by `crate::branding::resolve`).
    pub fn with_branding(mut self, branding: Option<dossier::Branding>) -> ExportJob {
        self.branding = branding;
        self
    }

    /// The same job in another file format.
    pub fn in_format(mut self, format: Format) -> ExportJob {
        self.format = format;
        self
    }

    /// The file format this job writes (`None` for the PIA file).
    pub fn effective_format(&self) -> Option<Format> {
        match self.kind {
            ExportKind::Pia | ExportKind::EntrySheet => None,
            ExportKind::DocumentText(_) => Some(Format::Text),
            _ => Some(self.format),
        }
    }

    /// The same job in another language.
    pub fn in_lang(mut self, lang: Lang) -> ExportJob {
        self.lang = lang;
        self
    }

    /// The document model of a dossier or derived document (`None` for the PIA file).
    pub fn document(&self) -> Result<Option<Dossier>, ExportError> {
        let built = match self.kind {
            ExportKind::Dossier { is_public } => {
                let source_text = storage::to_text(&self.assessment)
                    .map_err(|error| ExportError::Serialize(error.to_string()))?;
                let options = dossier::DossierOptions {
                    lang: self.lang,
                    is_public,
                    today: self.today,
                    source_text: Some(source_text),
                };
                let mut built = dossier::build(&self.assessment, &self.kb, &self.report, &options);
                if !is_public {
                    // A background that cannot be read keeps its note under the plan.
                    let (pictures, _) = super::plan_background::for_pages(
                        self.project_file.as_deref(),
                        &self.assessment,
                    );
                    dossier::attach_backgrounds(&mut built, &pictures);
                }
                built
            }
            ExportKind::Document(kind) | ExportKind::DocumentText(kind) => {
                let mut built = documents::build(
                    kind,
                    &self.assessment,
                    &self.kb,
                    &self.report,
                    self.lang,
                    self.today,
                )?;
                // The request's plans are drawn on their backgrounds, as in the dossier.
                if matches!(
                    kind,
                    DocumentKind::Authorisation | DocumentKind::Questionnaire
                ) {
                    let (pictures, _) = super::plan_background::for_pages(
                        self.project_file.as_deref(),
                        &self.assessment,
                    );
                    dossier::attach_backgrounds(&mut built, &pictures);
                }
                built
            }
            ExportKind::Pia | ExportKind::EntrySheet => return Ok(None),
        };
        let mut built = built;
        built.meta.branding = self.branding.clone();
        Ok(Some(built))
    }

    /// The bytes the export writes.
    pub fn bytes(&self) -> Result<Vec<u8>, ExportError> {
        if self.kind == ExportKind::Pia {
            let json = crate::interop::pia::export(
                &self.assessment,
                &self.kb,
                &self.report,
                self.lang,
                self.today,
            );
            return Ok(json.into_bytes());
        }
        if self.kind == ExportKind::EntrySheet {
            let csv = documents::authorisation_entry_sheet_csv(
                &self.assessment,
                &self.kb,
                &self.report,
                self.today,
            );
            return Ok(csv.into_bytes());
        }
        let Some(built) = self.document()? else {
            return Ok(Vec::new());
        };
        match self.effective_format() {
            Some(Format::Text) => Ok(dossier::text::plain_text(&built).into_bytes()),
            Some(Format::Html) => Ok(dossier::web::page(&built).into_bytes()),
            Some(Format::Docx) => Ok(office::docx::docx(&built)?),
            Some(Format::Odt) => Ok(office::odt::odt(&built)?),
            Some(Format::Pdf) | None => Ok(pdf::render(&built)?),
        }
    }

    /// Why the output may not be written, checked before anything is built: it is the file
    /// the assessment came from (or its project file), by identity rather than by name, or it
    /// reads as a Garde-fou project.
    pub fn refuse_output(&self) -> Result<(), ExportError> {
        let output = &self.output;
        let inputs = [self.source_file.as_deref(), self.project_file.as_deref()];
        if inputs
            .into_iter()
            .flatten()
            .any(|input| storage::same_file(input, output))
        {
            return Err(ExportError::OutputIsInput {
                path: output.clone(),
            });
        }
        if storage::looks_like_project(output) {
            return Err(ExportError::OutputIsProject {
                path: output.clone(),
            });
        }
        Ok(())
    }

    /// Builds, renders and writes the export.
    pub fn run(self) -> Result<Exported, ExportError> {
        self.refuse_output()?;
        let bytes = self.bytes()?;
        storage::write_atomic(&self.output, &bytes).map_err(|source| ExportError::Write {
            path: self.output.clone(),
            source,
        })?;
        let is_pdf = self.effective_format() == Some(Format::Pdf);
        Ok(Exported {
            pages: is_pdf.then(|| pdf::reopen::page_count(&bytes).unwrap_or(0)),
            bytes: bytes.len(),
            format: self.effective_format(),
            path: self.output,
        })
    }
}

/// The file a derived document or the PIA file is written to beside the dossier:
/// `dossier.pdf` + `registre` → `dossier-registre.pdf`; a folder as the dossier path puts
/// `aipd-registre.pdf` inside it.
pub fn sibling_path(dossier_path: &Path, suffix: &str, extension: &str) -> PathBuf {
    if dossier_path.is_dir() {
        return dossier_path.join(format!("aipd-{suffix}.{extension}"));
    }
    let stem = dossier_path
        .file_stem()
        .map(|s| s.to_string_lossy().into_owned())
        .filter(|s| !s.is_empty())
        .unwrap_or_else(|| "aipd".to_owned());
    dossier_path.with_file_name(format!("{stem}-{suffix}.{extension}"))
}

/// The dossier's file name for the full or the public version: `commune.pdf` ↔
/// `commune-public.pdf`, so the public version never takes the full (signed) one's name.
pub fn public_path(path: &Path, is_public: bool) -> PathBuf {
    let Some(stem) = path.file_stem().map(|s| s.to_string_lossy().into_owned()) else {
        return path.to_owned();
    };
    let base = stem.strip_suffix("-public").unwrap_or(&stem);
    let stem = if is_public {
        format!("{base}-public")
    } else {
        base.to_owned()
    };
    match path.extension() {
        Some(extension) => path.with_file_name(format!("{stem}.{}", extension.to_string_lossy())),
        None => path.with_file_name(stem),
    }
}

/// What a file an export is about to replace holds, for the question asked before replacing it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Existing {
    /// For a PDF: `Some(true)` a full dossier (its project attached), `Some(false)` a PDF
    /// without one (a public version or another document); `None` for other files.
    pub is_full_dossier: Option<bool>,
    /// Its pages, for a PDF.
    pub pages: Option<usize>,
    /// When it was last written.
    pub modified: Option<std::time::SystemTime>,
}

/// What is at `path` now, when a regular file is there (read only as far as needed, capped).
pub fn existing_output(path: &Path) -> Option<Existing> {
    let metadata = std::fs::metadata(path)
        .ok()
        .filter(std::fs::Metadata::is_file)?;
    let modified = metadata.modified().ok();
    let bytes = crate::files::read_capped(path, storage::MAX_FILE_BYTES * 4).ok();
    let is_pdf = bytes.as_deref().is_some_and(|b| b.starts_with(b"%PDF-"));
    let (is_full_dossier, pages) = match bytes.filter(|_| is_pdf) {
        Some(bytes) => (
            Some(pdf::reopen::attached_project(&bytes, crate::dossier::ATTACHMENT_NAME).is_ok()),
            pdf::reopen::page_count(&bytes).ok(),
        ),
        None => (None, None),
    };
    Some(Existing {
        is_full_dossier,
        pages,
        modified,
    })
}

/// The dossier PDF beside a project file (`commune.aipd.ron` → `commune.pdf`), or
/// `dossier-aipd.pdf` in the current folder for an untitled project.
pub fn default_dossier_path(project: Option<&Path>) -> PathBuf {
    match project {
        Some(path) => {
            let name = path
                .file_name()
                .map(|n| n.to_string_lossy().into_owned())
                .unwrap_or_default();
            let stem = name.strip_suffix(".aipd.ron").unwrap_or(&name).to_owned();
            path.with_file_name(format!("{stem}.pdf"))
        }
        None => PathBuf::from("dossier-aipd.pdf"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_format_is_decided_once_from_what_was_asked_then_the_extension() {
        let odt = Path::new("dossier.odt");
        assert_eq!(Format::of_output(odt, None), Format::Odt);
        assert_eq!(Format::of_output(odt, Some(Format::Text)), Format::Text);
        assert_eq!(Format::of_output(Path::new("dossier"), None), Format::Pdf);
        // The app's path follows the chosen format; an empty path stays empty (refused later).
        assert_eq!(
            Format::Docx.fit(PathBuf::from("aipd.pdf")),
            PathBuf::from("aipd.docx")
        );
        assert_eq!(
            Format::Pdf.fit(PathBuf::from("aipd.pdf")),
            PathBuf::from("aipd.pdf")
        );
        assert_eq!(
            Format::Odt.fit(PathBuf::from("aipd")),
            PathBuf::from("aipd.odt")
        );
        assert_eq!(Format::Odt.fit(PathBuf::new()), PathBuf::new());
    }

    #[test]
    fn derived_files_sit_beside_the_dossier() {
        assert_eq!(
            sibling_path(Path::new("/tmp/x/commune.pdf"), "registre", "pdf"),
            PathBuf::from("/tmp/x/commune-registre.pdf")
        );
        assert_eq!(
            sibling_path(Path::new(""), "pia", "json"),
            PathBuf::from("aipd-pia.json")
        );
        assert_eq!(
            default_dossier_path(Some(Path::new("/d/ville.aipd.ron"))),
            PathBuf::from("/d/ville.pdf")
        );
        assert_eq!(
            public_path(Path::new("/d/ville.pdf"), true),
            PathBuf::from("/d/ville-public.pdf")
        );
        assert_eq!(
            public_path(Path::new("/d/ville-public.pdf"), false),
            PathBuf::from("/d/ville.pdf")
        );
        assert_eq!(
            public_path(Path::new("/d/ville-public.odt"), true),
            PathBuf::from("/d/ville-public.odt")
        );
    }
}
