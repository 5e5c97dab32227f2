//! The project file's content and its validated versions, for the shells that compare them
//! (`gardefou diff`, the app's « changes since version N »): a project read as it is, the texts
//! of the versions asked for rebuilt from the file's history, a version's text read back.

use std::path::Path;

use crate::model::Assessment;
use crate::storage::{self, LoadError};

/// The project file at `path`, read as it is (no PDF, no PIA import).
pub fn load_project(path: &Path) -> Result<Assessment, LoadError> {
    storage::load(path)
}

/// The texts of the versions at `wanted` (indices, oldest first), and only those: see
/// `storage::history::rebuild_some`.
pub fn version_texts_at(
    a: &Assessment,
    wanted: &[usize],
) -> Result<std::collections::BTreeMap<usize, String>, String> {
    storage::history::rebuild_some(a, wanted).map_err(|e| e.to_string())
}

/// A version's text read back into an assessment; `path` names it in an error.
pub fn parse_version(text: &str, path: &Path) -> Result<Assessment, LoadError> {
    storage::parse_text(text, path)
}
