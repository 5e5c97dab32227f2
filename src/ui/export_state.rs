//! Where the dossier export started from the app stands: idle, running, written (path, pages,
//! size) or failed (the message). A leaf: the Dossier step shows it, the app's lifecycle sets it.

use std::path::PathBuf;

/// What happens to the dossier export running in the background.
#[derive(Clone, Debug, Default, PartialEq)]
pub enum ExportState {
    /// Nothing running.
    #[default]
    Idle,
    /// Running.
    Running,
    /// Written: the path, pages and size.
    Done {
        /// The PDF.
        path: PathBuf,
        /// Its pages.
        pages: usize,
        /// Its size in bytes.
        bytes: usize,
        /// The format written.
        format: crate::session::Format,
    },
    /// Failed, with the message.
    Failed(String),
}
