//! Saving the session's assessment: in place, or under a new name. A save never writes over a
//! file that is not a project Garde-fou can read (someone's edits made outside the app, or
//! another file altogether); a failed save leaves the old file as it was and the work in memory.

use std::path::{Path, PathBuf};

use super::Session;
use crate::storage::{self, autosave, lock, LoadError, SaveError};

/// Why the assessment was not saved. The file on disk, if any, is untouched.
#[derive(Debug, thiserror::Error)]
pub enum SaveFailure {
    /// The assessment has no file yet: ask for one and call [`Session::save_as`].
    #[error("the assessment has no file yet")]
    Untitled,
    /// The target exists and is not a readable project: it is left alone.
    #[error("{path}: not overwritten, it is not a readable Garde-fou project: {reason}")]
    NotAProject {
        /// The file that was kept.
        path: PathBuf,
        /// Why it does not read as a project.
        reason: LoadError,
    },
    /// Writing failed.
    #[error(transparent)]
    Write(#[from] SaveError),
    /// The versions' edit scripts could not be brought up to date: nothing was written.
    #[error("the version history could not be updated: {0}")]
    History(String),
}

/// `path` with the project extension (`.aipd.ron`) added when it does not end with it.
pub fn with_project_extension(path: PathBuf) -> PathBuf {
    if path.to_string_lossy().ends_with(storage::EXTENSION) {
        path
    } else {
        PathBuf::from(format!("{}.{}", path.display(), storage::EXTENSION))
    }
}

impl Session {
    /// Saves to the session's file.
    pub fn save(&mut self) -> Result<PathBuf, SaveFailure> {
        let path = self.path.clone().ok_or(SaveFailure::Untitled)?;
        self.save_as(&path)
    }

    /// Saves to `path`, which becomes the session's file; the recovery copies of this work are
    /// removed.
    pub fn save_as(&mut self, path: &Path) -> Result<PathBuf, SaveFailure> {
        if path.is_file() {
            if let Err(reason) = storage::load(path) {
                return Err(SaveFailure::NotAProject {
                    path: path.to_owned(),
                    reason,
                });
            }
        }
        // « Last updated » is the day of the save that carried changes (not of a save that
        // changed nothing); set on what is written, and kept only once written.
        let mut written = self.assessment.clone();
        if self.is_dirty() {
            written.project.updated_on = Some(self.today);
            // Who changed what: the answers this save carries, under the name set here.
            let saved = self.saved.clone();
            written
                .history
                .record_authors(&saved, &self.assessment, &self.author, self.today);
        }
        // The documents keep pointing at the same files from the new place (and untitled
        // work's absolute paths become relative when they lie under the project's folder).
        if self.path.as_deref() != Some(path) {
            crate::storage::evidence::rebase(self.path.as_deref(), path, &mut written.evidence);
        }
        // Last, once the content written is final: the last version's edit script starts from it.
        let written = self
            .with_fresh_history(written)
            .map_err(SaveFailure::History)?;
        storage::save(path, &written)?;
        self.assessment.project.updated_on = written.project.updated_on;
        self.assessment.evidence = written.evidence.clone();
        self.assessment.history = written.history.clone();
        if self.path.as_deref() != Some(path) && self.holds_marker {
            if let Some(old) = &self.path {
                lock::release(old);
            }
            lock::acquire(path);
        }
        self.path = Some(path.to_owned());
        self.saved = written;
        if let Some(written) = self.recovery_written.take() {
            std::fs::remove_file(written).ok();
        }
        autosave::discard(path);
        self.check_evidence();
        Ok(path.to_owned())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_extension_is_added_once() {
        assert_eq!(
            with_project_extension(PathBuf::from("/tmp/ville")),
            PathBuf::from("/tmp/ville.aipd.ron")
        );
        assert_eq!(
            with_project_extension(PathBuf::from("ville.aipd.ron")),
            PathBuf::from("ville.aipd.ron")
        );
    }
}
