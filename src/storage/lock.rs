//! A marker that a project is open in a Garde-fou window, so opening it a second time warns the
//! user instead of letting two windows overwrite each other's work. The marker names the
//! process; a marker left by a process that no longer runs is ignored (how a process is known to
//! run depends on the system: see `is_running`).

use std::path::{Path, PathBuf};

/// The marker of a project file: `.NAME.lock` beside it.
pub fn lock_path(project: &Path) -> PathBuf {
    let mut name = std::ffi::OsString::from(".");
    name.push(project.file_name().unwrap_or_default());
    name.push(".lock");
    project.with_file_name(name)
}

/// The process that holds the project open, if it still runs and is not this one.
pub fn held_by_other(project: &Path) -> Option<u32> {
    let text = std::fs::read_to_string(lock_path(project)).ok()?;
    let pid: u32 = text.trim().parse().ok()?;
    (pid != std::process::id() && is_running(pid)).then_some(pid)
}

/// True while process `pid` runs: `/proc` on Linux, `kill -0` on other Unix systems,
/// `tasklist` on Windows. When it cannot be told, the marker is taken as stale (the warning is
/// lost, never the work).
fn is_running(pid: u32) -> bool {
    if cfg!(target_os = "linux") {
        return Path::new("/proc").join(pid.to_string()).exists();
    }
    let (program, args): (&str, Vec<String>) = if cfg!(windows) {
        (
            "tasklist",
            vec!["/FI".into(), format!("PID eq {pid}"), "/NH".into()],
        )
    } else {
        ("kill", vec!["-0".into(), pid.to_string()])
    };
    let Ok(output) = std::process::Command::new(program).args(&args).output() else {
        return false;
    };
    if cfg!(windows) {
        String::from_utf8_lossy(&output.stdout).contains(&pid.to_string())
    } else {
        output.status.success()
    }
}

/// Marks the project as open by this process (best effort: a read-only folder only loses the
/// warning, never the work).
pub fn acquire(project: &Path) {
    std::fs::write(lock_path(project), std::process::id().to_string()).ok();
}

/// Removes this process's marker.
pub fn release(project: &Path) {
    let path = lock_path(project);
    let is_ours =
        std::fs::read_to_string(&path).is_ok_and(|t| t.trim() == std::process::id().to_string());
    if is_ours {
        std::fs::remove_file(path).ok();
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_marker_of_this_process_or_a_dead_one_is_not_a_conflict() {
        let dir = tempfile::tempdir().expect("temp dir");
        let project = dir.path().join("p.aipd.ron");
        acquire(&project);
        assert_eq!(held_by_other(&project), None, "our own marker");
        std::fs::write(lock_path(&project), "999999999").expect("write");
        assert_eq!(
            held_by_other(&project),
            None,
            "a process that does not exist"
        );
        std::fs::write(lock_path(&project), "1").expect("write");
        assert_eq!(held_by_other(&project), Some(1), "pid 1 always runs");
        std::fs::write(lock_path(&project), std::process::id().to_string()).expect("write");
        release(&project);
        assert!(!lock_path(&project).exists());
    }
}
