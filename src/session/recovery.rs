//! Recovery copies of the session's work: written while there are unsaved changes, so a crash or
//! a kill loses at most the last interval. A copy exists only for work that would otherwise be
//! lost: it is removed when the work is saved, when the user discards it, and when the
//! assessment returns to its saved state (undo). The offer at start-up says which file and when.

use std::path::PathBuf;
use std::time::SystemTime;

use super::Session;
use crate::storage::{self, autosave, LoadError, SaveError};

/// A recovery copy found on disk, to offer to the user.
#[derive(Clone, Debug, PartialEq)]
pub struct RecoveryOffer {
    /// The copy: `NAME.aipd.ron.recovery` beside the project, or `sans-titre.aipd.ron.recovery`
    /// in the data folder for untitled work.
    pub path: PathBuf,
    /// The project file it belongs to; `None` for an assessment that was never saved.
    pub project: Option<PathBuf>,
    /// The copy's modification time; `None` when the system cannot tell.
    pub written_at: Option<SystemTime>,
}

impl Session {
    /// Where this session's recovery copy goes: beside its file, or in the data folder when it
    /// has none (`None` when there is neither).
    pub fn recovery_path(&self) -> Option<PathBuf> {
        match (&self.path, &self.untitled_recovery_dir) {
            (Some(path), _) => Some(autosave::recovery_path(path)),
            (None, Some(dir)) => Some(autosave::untitled_recovery_path(dir)),
            (None, None) => None,
        }
    }

    /// A recovery copy left by a crash, worth offering: beside the project file and newer than
    /// it, or, for an untitled session, in the data folder.
    pub fn pending_recovery(&self) -> Option<RecoveryOffer> {
        let path = match &self.path {
            Some(project) => autosave::pending_recovery(project)?,
            None => self.recovery_path().filter(|p| p.is_file())?,
        };
        Some(RecoveryOffer {
            written_at: autosave::modified_time(&path),
            project: self.path.clone(),
            path,
        })
    }

    /// Replaces the assessment by the recovery copy's (an undoable change: the file is untouched
    /// until the user saves). The copy now belongs to this session's work: saving or
    /// discarding removes it.
    pub fn restore_recovery(&mut self, offer: &RecoveryOffer) -> Result<(), LoadError> {
        self.assessment = storage::load(&offer.path)?;
        self.recovery_written = Some(offer.path.clone());
        self.refresh();
        Ok(())
    }

    /// Deletes a recovery copy the user chose not to restore.
    pub fn discard_recovery(&mut self, offer: &RecoveryOffer) {
        // Already gone is fine: the user wanted it gone.
        std::fs::remove_file(&offer.path).ok();
        if self.recovery_written.as_ref() == Some(&offer.path) {
            self.recovery_written = None;
        }
    }

    /// The user threw the unsaved changes away ("Don't save"): the copy that protected them
    /// goes too, so a later start never offers them back.
    pub fn discard_changes(&mut self) {
        if let Some(written) = self.recovery_written.take() {
            std::fs::remove_file(written).ok();
        }
        self.assessment = self.saved.clone();
        self.refresh();
    }

    /// True when this session wrote a recovery copy that is still on disk.
    pub fn has_recovery_copy(&self) -> bool {
        self.recovery_written.is_some()
    }

    /// Called on a timer: writes the recovery copy while there are unsaved changes, removes it
    /// once the assessment is back to its saved state. Returns the copy written, if any.
    pub fn autosave(&mut self) -> Result<Option<PathBuf>, SaveError> {
        if !self.is_dirty() {
            if let Some(written) = self.recovery_written.take() {
                std::fs::remove_file(written).ok();
            }
            return Ok(None);
        }
        let Some(target) = self.recovery_path() else {
            return Ok(None);
        };
        // The recovery copy carries a history that rebuilds, as a saved file does.
        let copy = self
            .with_fresh_history(self.assessment.clone())
            .unwrap_or_else(|_| self.assessment.clone());
        autosave::write_recovery(&target, &copy)?;
        self.recovery_written = Some(target.clone());
        Ok(Some(target))
    }
}
