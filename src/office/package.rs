//! A zip package of named parts, the container of both DOCX (OPC) and ODT (ODF): parts deflated
//! except ODF's `mimetype`, which must come first and be stored as is.

use std::io::{Cursor, Write};

use zip::write::SimpleFileOptions;
use zip::CompressionMethod;

use super::OfficeError;

/// Writes the parts, in order, into a zip archive. `stored_first` (ODF's `mimetype`) is written
/// first and uncompressed; `pictures` (already compressed) are stored after the XML parts.
pub fn zip_parts(
    stored_first: Option<(&str, &str)>,
    parts: &[(&str, String)],
    pictures: &[(&str, &[u8])],
) -> Result<Vec<u8>, OfficeError> {
    let mut zip = zip::ZipWriter::new(Cursor::new(Vec::new()));
    // A fixed timestamp: the same dossier gives the same bytes.
    let stamp = zip::DateTime::default();
    if let Some((name, text)) = stored_first {
        let stored = SimpleFileOptions::default()
            .compression_method(CompressionMethod::Stored)
            .last_modified_time(stamp);
        zip.start_file(name, stored).map_err(package_error)?;
        zip.write_all(text.as_bytes()).map_err(package_error)?;
    }
    let deflated = SimpleFileOptions::default()
        .compression_method(CompressionMethod::Deflated)
        .compression_level(Some(6))
        .last_modified_time(stamp);
    for (name, text) in parts {
        zip.start_file(*name, deflated).map_err(package_error)?;
        zip.write_all(text.as_bytes()).map_err(package_error)?;
    }
    let stored = SimpleFileOptions::default()
        .compression_method(CompressionMethod::Stored)
        .last_modified_time(stamp);
    for (name, bytes) in pictures {
        zip.start_file(*name, stored).map_err(package_error)?;
        zip.write_all(bytes).map_err(package_error)?;
    }
    let cursor = zip.finish().map_err(package_error)?;
    Ok(cursor.into_inner())
}

fn package_error(error: impl std::fmt::Display) -> OfficeError {
    OfficeError::Package(error.to_string())
}
