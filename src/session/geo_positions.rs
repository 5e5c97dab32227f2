//! Reading a GIS's GeoJSON export of camera positions for a plan: the file read with its size
//! capped, then `interop::geojson`. The plan editor projects the points and places them
//! through an `Edit`.

use std::io::Read as _;
use std::path::{Path, PathBuf};

pub use crate::interop::geojson::project;
use crate::interop::geojson::{self, GeoJsonError, GeoPositions};

/// Why the file gave no positions.
#[derive(Debug, thiserror::Error)]
pub enum GeoFileError {
    /// The file could not be read.
    #[error("{path}: {source}")]
    Io {
        /// The file.
        path: PathBuf,
        /// What the system said.
        source: std::io::Error,
    },
    /// The content is not usable GeoJSON.
    #[error("{path}: {source}")]
    GeoJson {
        /// The file.
        path: PathBuf,
        /// What is wrong.
        source: GeoJsonError,
    },
}

/// Reads the camera positions in the GeoJSON file at `path` (at most
/// [`geojson::MAX_BYTES`] + 1 bytes are read, so a huge file is refused without being loaded).
pub fn read_geojson(path: &Path) -> Result<GeoPositions, GeoFileError> {
    let io = |source| GeoFileError::Io {
        path: path.to_owned(),
        source,
    };
    let mut bytes = Vec::new();
    // One byte past the cap (the reader refuses it with the size); a pipe or device never read.
    crate::files::open_regular(path, u64::MAX)
        .map_err(|refusal| io(refusal.into_io()))?
        .take(geojson::MAX_BYTES as u64 + 1)
        .read_to_end(&mut bytes)
        .map_err(io)?;
    geojson::read(&bytes).map_err(|source| GeoFileError::GeoJson {
        path: path.to_owned(),
        source,
    })
}
