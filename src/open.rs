//! Opening what a user hands the app or the command line: a project file (`.aipd.ron`), or a
//! dossier PDF exported by Garde-fou, whose attached project is taken out and loaded.

use std::path::{Path, PathBuf};

use crate::interop::pia::PiaWarning;
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
        /// The file.
        path: PathBuf,
        /// What is wrong.
        source: crate::interop::pia::PiaError,
    },
    /// The PDF holds no usable project.
    #[error("{path}: {source}")]
    Pdf {
        /// The PDF.
        path: PathBuf,
        /// What is wrong.
        source: ReopenError,
    },
}

/// True when the file looks like a PDF (by its first bytes, else by its extension).
fn is_pdf(path: &Path) -> bool {
    use std::io::Read as _;
    let mut head = [0u8; 5];
    let read = std::fs::File::open(path).and_then(|mut f| f.read_exact(&mut head));
    match read {
        Ok(()) => &head == b"%PDF-",
        Err(_) => path
            .extension()
            .is_some_and(|e| e.eq_ignore_ascii_case("pdf")),
    }
}

/// Loads a project file, the project attached to a dossier PDF, or a CNIL PIA export (`.json`).
pub fn open(path: &Path) -> Result<Assessment, OpenError> {
    open_with_warnings(path).map(|(assessment, _)| assessment)
}

/// Like [`open`], with the warnings of a PIA import (empty for the other kinds of file).
pub fn open_with_warnings(path: &Path) -> Result<(Assessment, Vec<PiaWarning>), OpenError> {
    if path
        .extension()
        .is_some_and(|e| e.eq_ignore_ascii_case("json"))
    {
        return open_pia(path);
    }
    open_project_or_pdf(path).map(|assessment| (assessment, Vec::new()))
}

fn open_project_or_pdf(path: &Path) -> Result<Assessment, OpenError> {
    if !is_pdf(path) {
        return Ok(storage::load(path)?);
    }
    let metadata = std::fs::metadata(path).map_err(|source| LoadError::Io {
        path: path.to_owned(),
        source,
    })?;
    if metadata.len() > storage::MAX_FILE_BYTES * 4 {
        return Err(LoadError::TooLarge {
            path: path.to_owned(),
            size: metadata.len(),
            max: storage::MAX_FILE_BYTES * 4,
        }
        .into());
    }
    let bytes = std::fs::read(path).map_err(|source| LoadError::Io {
        path: path.to_owned(),
        source,
    })?;
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

fn open_pia(path: &Path) -> Result<(Assessment, Vec<PiaWarning>), OpenError> {
    let io = |source| LoadError::Io {
        path: path.to_owned(),
        source,
    };
    let bytes = std::fs::read(path).map_err(io)?;
    let kb = crate::knowledge::KnowledgeBase::bundled().unwrap_or_default();
    crate::interop::pia::import(&bytes, &kb)
        .map(|imported| (imported.assessment, imported.warnings))
        .map_err(|source| OpenError::Pia {
            path: path.to_owned(),
            source,
        })
}
