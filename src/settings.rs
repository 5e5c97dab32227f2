//! User settings kept between sessions (in eframe's storage, not in the project file): UI
//! language, theme, recent files, the user's name and branding.

use std::path::PathBuf;

use serde::{Deserialize, Serialize};

use crate::model::Lang;

/// How many recent files are remembered.
pub const MAX_RECENT: usize = 8;

/// The settings.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct Settings {
    /// UI language.
    pub lang: Option<Lang>,
    /// Dark theme.
    pub is_dark: bool,
    /// Recently opened or saved files, most recent first.
    pub recent_files: Vec<PathBuf>,
    /// Open the last project at start instead of the start screen.
    pub reopen_last: bool,
    /// The user's name, recorded with each step of the review circuit (no accounts).
    pub user_name: String,
    /// The user's branding of the documents (a consultant's firm), which a project can override.
    pub branding: crate::model::Branding,
    /// The folder of the portfolio view, shown at start when no file is given.
    pub portfolio_folder: Option<PathBuf>,
}

impl Settings {
    /// Puts `path` first in the recent files.
    pub fn remember(&mut self, path: &std::path::Path) {
        self.recent_files.retain(|p| p != path);
        self.recent_files.insert(0, path.to_owned());
        self.recent_files.truncate(MAX_RECENT);
    }
}
