//! Handing a written document to the desktop's viewer (`xdg-open`, `open` on macOS, `explorer`
//! on Windows): on a background thread that waits
//! for the opener to finish (so no process is left behind), with its failure reported to the
//! user instead of swallowed.

use std::path::{Path, PathBuf};

use crate::i18n::{tr_with, Lang};
use crate::ui::task::Task;

/// Why the viewer could not be started.
#[derive(Debug, PartialEq, Eq)]
pub enum ViewerError {
    /// The opener program could not be run (not installed).
    NotFound(String),
    /// It ran and said it failed, with its exit code.
    Failed(Option<i32>),
}

/// Runs `program path` and waits for it: `xdg-open` returns once the viewer is launched.
pub fn open_with(program: &str, path: &Path) -> Result<(), ViewerError> {
    let status = std::process::Command::new(program)
        .arg(path)
        .stdin(std::process::Stdio::null())
        .stdout(std::process::Stdio::null())
        .stderr(std::process::Stdio::null())
        .status()
        .map_err(|error| ViewerError::NotFound(error.to_string()))?;
    if status.success() || cfg!(windows) {
        Ok(())
    } else {
        Err(ViewerError::Failed(status.code()))
    }
}

/// The message for a failure, in `lang`.
pub fn message(error: &ViewerError, path: &Path, lang: Lang) -> String {
    let path = path.display().to_string();
    match error {
        ViewerError::NotFound(reason) => tr_with(
            lang,
            "ui.viewer_not_found",
            &[("path", &path), ("reason", reason)],
        ),
        ViewerError::Failed(code) => tr_with(
            lang,
            "ui.viewer_failed",
            &[
                ("path", &path),
                (
                    "code",
                    &code.map_or_else(|| "?".to_owned(), |c| c.to_string()),
                ),
            ],
        ),
    }
}

/// The program that hands a file to the desktop's default application: `xdg-open` on Linux and
/// the BSDs, `open` on macOS; on Windows `explorer`, which opens a file with its default
/// application (and exits with 1 even when it succeeds, so its status is not a failure there).
const OPENER: &str = if cfg!(target_os = "macos") {
    "open"
} else if cfg!(windows) {
    "explorer"
} else {
    "xdg-open"
};

/// Opens `path` with the desktop's viewer in the background; the task ends with the error
/// message for the status bar, or `None` when the viewer opened it.
pub fn open_in_background(path: PathBuf, lang: Lang, ctx: &egui::Context) -> Task<Option<String>> {
    Task::spawn(ctx, move |_| {
        open_with(OPENER, &path)
            .err()
            .map(|error| message(&error, &path, lang))
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_missing_opener_and_a_failing_one_are_told_apart_and_waited_for() {
        let pdf = Path::new("/tmp/dossier.pdf");
        assert!(open_with("true", pdf).is_ok());
        assert_eq!(open_with("false", pdf), Err(ViewerError::Failed(Some(1))));
        assert!(matches!(
            open_with("/nonexistent/gardefou-opener", pdf),
            Err(ViewerError::NotFound(_))
        ));
        let text = message(&ViewerError::Failed(Some(4)), pdf, Lang::Fr);
        assert!(
            text.contains("/tmp/dossier.pdf") && text.contains('4'),
            "{text}"
        );
    }
}
