//! Reading what a user hands the app or the command line into an assessment: a project file, the
//! project attached to a dossier PDF, or a CNIL PIA export. The kind comes from
//! [`FileKind::detect`], so the app and every command read a file the same way.

use std::path::{Path, PathBuf};

use super::file_kind::FileKind;
use crate::interop::pia::{PiaError, PiaWarning};
use crate::knowledge::KnowledgeBase;
use crate::model::Assessment;
use crate::pdf::reopen::{self, ReopenError};
use crate::storage::{self, LoadError};

/// Why nothing could be opened.
#[derive(Debug, thiserror::Error)]
pub enum OpenError {
    /// The project file (or the one attached to the PDF) did not load.
    #[error(transparent)]
    Load(#[from] LoadError),
    /// The JSON is not a CNIL PIA export Garde-fou can read.
    #[error("{path}: {source}")]
    Pia {
        /// The JSON file that was read.
        path: PathBuf,
        /// What is wrong.
        source: PiaError,
    },
    /// The PDF holds no usable project.
    #[error("{path}: {source}")]
    Pdf {
        /// The PDF file that was read.
        path: PathBuf,
        /// What is wrong.
        source: ReopenError,
    },
}

/// An assessment read from a file, with what the reading had to say.
#[derive(Debug)]
pub struct Read {
    /// The project itself, the one attached to the PDF, or the PIA export mapped onto the model.
    pub assessment: Assessment,
    /// What kind of file it came from.
    pub kind: FileKind,
    /// What a PIA import could not take over cleanly (empty for the other kinds).
    pub warnings: Vec<PiaWarning>,
}

/// Reads the file at `path`, whatever its kind.
pub fn read(path: &Path, kb: &KnowledgeBase) -> Result<Read, OpenError> {
    read_as(path, FileKind::detect(path), kb)
}

/// Reads the file at `path` as a file of `kind` (`import-pia` insists on a PIA export).
pub fn read_as(path: &Path, kind: FileKind, kb: &KnowledgeBase) -> Result<Read, OpenError> {
    let (assessment, warnings) = match kind {
        FileKind::Project => (storage::load(path)?, Vec::new()),
        FileKind::DossierPdf => (read_pdf(path)?, Vec::new()),
        FileKind::PiaExport => read_pia(path, kb)?,
    };
    Ok(Read {
        assessment,
        kind,
        warnings,
    })
}

/// Reads the assessment at `path` with the bundled knowledge base (for tests and tools that
/// only need the assessment).
pub fn read_assessment(path: &Path) -> Result<Assessment, OpenError> {
    let kb = KnowledgeBase::bundled().unwrap_or_default();
    read(path, &kb).map(|read| read.assessment)
}

fn read_bytes(path: &Path, max: u64) -> Result<Vec<u8>, LoadError> {
    storage::read_file(path, max)
}

fn read_pdf(path: &Path) -> Result<Assessment, OpenError> {
    let bytes = read_bytes(path, storage::MAX_FILE_BYTES * 4)?;
    let project =
        reopen::attached_project(&bytes, crate::dossier::ATTACHMENT_NAME).map_err(|source| {
            OpenError::Pdf {
                path: path.to_owned(),
                source,
            }
        })?;
    let inner = path.join(crate::dossier::ATTACHMENT_NAME);
    Ok(storage::parse_bytes(&project, &inner)?)
}

fn read_pia(path: &Path, kb: &KnowledgeBase) -> Result<(Assessment, Vec<PiaWarning>), OpenError> {
    let bytes = read_bytes(path, storage::MAX_FILE_BYTES)?;
    crate::interop::pia::import(&bytes, kb)
        .map(|imported| (imported.assessment, imported.warnings))
        .map_err(|source| OpenError::Pia {
            path: path.to_owned(),
            source,
        })
}
