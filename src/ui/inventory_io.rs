//! The camera inventory's CSV files, read and written by the update after the frame, never by
//! the view: reading puts the import preview (or the error naming the file) into the
//! inventory's state for the view to show; exporting reports there what was written.

use std::path::Path;

use super::GardefouApp;
use crate::i18n::tr;
use crate::messages;

impl GardefouApp {
    /// Reads the camera CSV at `path` into the inventory's import preview; on failure the
    /// preview is dropped and the error, naming the file, takes its place.
    pub(super) fn import_cameras_csv(&mut self, path: &Path) {
        let lang = self.lang();
        let inventory = &mut self.state.inventory;
        if path.as_os_str().is_empty() {
            inventory.message = Some((tr(lang, "ui.csv_path_missing").to_owned(), true));
            return;
        }
        match self.session.read_cameras_csv(path) {
            Ok(import) => {
                inventory.import = Some(import);
                inventory.message = None;
            }
            Err(error) => {
                inventory.import = None;
                inventory.message = Some((messages::camera_csv_error(&error, lang), true));
            }
        }
    }

    /// Writes the whole inventory to `path` as CSV and says in the inventory how many cameras
    /// went where, or why nothing was written.
    pub(super) fn export_cameras_csv(&mut self, path: &Path) {
        let lang = self.lang();
        let message = if path.as_os_str().is_empty() {
            (tr(lang, "ui.csv_path_missing").to_owned(), true)
        } else {
            match self.session.export_cameras_csv(path) {
                Ok(count) => (
                    crate::i18n::tr_count(
                        lang,
                        "ui.csv_exported",
                        count,
                        &[("path", &path.display().to_string())],
                    ),
                    false,
                ),
                Err(error) => (messages::camera_csv_error(&error, lang), true),
            }
        };
        self.state.inventory.message = Some(message);
    }
}
