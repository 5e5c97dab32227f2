//! Recovery copies: while the user has unsaved changes, the app writes the assessment beside its
//! file as `NAME.aipd.ron.recovery` (or, for a project never saved, in the user's data folder).
//! At start-up a recovery copy newer than its file is offered for restoring.

use std::path::{Path, PathBuf};
use std::time::SystemTime;

use super::{write_atomic, SaveError};
use crate::model::Assessment;

/// Seconds between two recovery copies while the user keeps editing.
pub const INTERVAL_SECONDS: f64 = 30.0;

/// Seconds after the last edit before a recovery copy is written: a pause in typing is enough
/// for the work to be safe, without writing on every keystroke.
pub const QUIET_SECONDS: f64 = 3.0;

/// The recovery copy of a project file.
pub fn recovery_path(project: &Path) -> PathBuf {
    let mut name = project.file_name().unwrap_or_default().to_os_string();
    name.push(".recovery");
    project.with_file_name(name)
}

/// The recovery copy of a project that has no file yet, in `data_dir`.
pub fn untitled_recovery_path(data_dir: &Path) -> PathBuf {
    data_dir.join("sans-titre.aipd.ron.recovery")
}

/// Writes the recovery copy (atomically; the project file itself is never touched).
pub fn write_recovery(path: &Path, assessment: &Assessment) -> Result<(), SaveError> {
    let text = super::to_text(assessment).map_err(|error| SaveError::Serialize {
        path: path.to_owned(),
        message: error.to_string(),
    })?;
    if let Some(folder) = path.parent().filter(|p| !p.as_os_str().is_empty()) {
        std::fs::create_dir_all(folder).map_err(|source| SaveError::Io {
            path: path.to_owned(),
            source,
        })?;
    }
    write_atomic(path, text.as_bytes()).map_err(|source| SaveError::Io {
        path: path.to_owned(),
        source,
    })
}

/// A recovery copy worth offering: it exists and is newer than the project file (or the
/// project file is gone).
pub fn pending_recovery(project: &Path) -> Option<PathBuf> {
    let recovery = recovery_path(project);
    let modified = |p: &Path| std::fs::metadata(p).and_then(|m| m.modified()).ok();
    let recovery_time = modified(&recovery)?;
    match modified(project) {
        Some(project_time) if project_time >= recovery_time => None,
        _ => Some(recovery),
    }
}

/// Removes the recovery copy after a successful save or a refused restore.
pub fn discard(project: &Path) {
    // A missing recovery copy is the normal case.
    std::fs::remove_file(recovery_path(project)).ok();
}

/// The time a file was last modified, for the status bar.
pub fn modified_time(path: &Path) -> Option<SystemTime> {
    std::fs::metadata(path).and_then(|m| m.modified()).ok()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_recovery_copy_newer_than_its_file_is_offered_and_an_older_one_is_not() {
        let dir = tempfile::tempdir().expect("temp dir");
        let project = dir.path().join("p.aipd.ron");
        std::fs::write(&project, "(format_version: 1)").expect("write");
        assert_eq!(pending_recovery(&project), None);
        std::thread::sleep(std::time::Duration::from_millis(20));
        write_recovery(&recovery_path(&project), &Assessment::default()).expect("recovery");
        assert_eq!(pending_recovery(&project), Some(recovery_path(&project)));
        std::thread::sleep(std::time::Duration::from_millis(20));
        std::fs::write(&project, "(format_version: 1)").expect("write again");
        assert_eq!(pending_recovery(&project), None);
        discard(&project);
        assert!(!recovery_path(&project).exists());
    }
}
