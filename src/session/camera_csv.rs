//! The camera inventory to and from CSV files, against the open assessment. Reading a file gives
//! an import draft whose rows are checked against the cameras already there (an id taken is a
//! refused row); the assessment changes only when the user confirms the draft, as an
//! [`Edit::ImportCameras`](crate::edit::Edit::ImportCameras). Exporting writes the whole
//! inventory atomically.

use std::path::Path;

use super::Session;
use crate::model::Camera;
use crate::storage::camera_csv::{self, CsvFileError, CsvTable, ImportPreview, Mapping};

/// A camera CSV read and waiting for the user to check its mapping and confirm it.
#[derive(Clone, Debug, PartialEq)]
pub struct CsvImport {
    /// The file's header and rows.
    pub table: CsvTable,
    /// Which column fills which camera field (guessed from the header, then the user's).
    pub mapping: Mapping,
    /// The cameras the rows give with `mapping`, and the rows refused.
    pub preview: ImportPreview,
}

impl CsvImport {
    /// A draft of `table` with the mapping guessed from its header; the ids of `existing`
    /// count as taken.
    pub fn new(table: CsvTable, existing: &[Camera]) -> CsvImport {
        let mapping = camera_csv::guess_mapping(&table.header);
        let preview = camera_csv::preview(&table, &mapping, existing);
        CsvImport {
            table,
            mapping,
            preview,
        }
    }

    /// Maps the rows again after the user changed `mapping`; the ids of `existing` count as
    /// taken.
    pub fn remap(&mut self, existing: &[Camera]) {
        self.preview = camera_csv::preview(&self.table, &self.mapping, existing);
    }
}

impl Session {
    /// Reads the camera CSV at `path` into an import draft checked against the inventory.
    /// Nothing in the assessment changes.
    pub fn read_cameras_csv(&self, path: &Path) -> Result<CsvImport, CsvFileError> {
        let table = camera_csv::read_file(path)?;
        Ok(CsvImport::new(table, &self.assessment.cameras))
    }

    /// Writes the whole inventory to `path` as CSV and returns how many cameras it holds. A
    /// failed write leaves the file that was there as it was.
    pub fn export_cameras_csv(&self, path: &Path) -> Result<usize, CsvFileError> {
        camera_csv::write_file(path, &self.assessment.cameras)?;
        Ok(self.assessment.cameras.len())
    }
}
