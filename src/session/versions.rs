//! The project file's content and its validated versions, for the shells that compare them
//! (`gardefou diff`, the app's « changes since version N »): a project read as it is, each
//! version's text rebuilt from the file's history, a version's text read back.

use std::path::Path;

use crate::model::Assessment;
use crate::storage::{self, LoadError};

/// The project file at `path`, read as it is (no PDF, no PIA import).
pub fn load_project(path: &Path) -> Result<Assessment, LoadError> {
    storage::load(path)
}

/// The text of each validated version of `a`, oldest first, rebuilt from its history.
pub fn version_texts(a: &Assessment) -> Result<Vec<String>, String> {
    storage::history::rebuild(a).map_err(|e| e.to_string())
}

/// A version's text read back into an assessment; `path` names it in an error.
pub fn parse_version(text: &str, path: &Path) -> Result<Assessment, LoadError> {
    storage::parse_text(text, path)
}
