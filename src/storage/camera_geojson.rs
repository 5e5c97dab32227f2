//! The camera inventory as GeoJSON (RFC 7946), for a GIS: one `Point` feature a camera whose
//! position on Earth is known, in longitude / latitude as the RFC requires; its properties the
//! inventory's columns as the CSV export titles them (so the import reads them back), a
//! position kept in Lambert-93 also as `x_l93` / `y_l93` (so it comes back to the digit), and
//! the direction, angle and range of its plan when they are known. Cameras without a position
//! are counted, not written.

use std::path::Path;

use serde_json::{json, Map, Value};

use super::camera_csv::CsvFileError;
use super::camera_export::{export_cells, EXPORT_COLUMNS};
use crate::model::{Assessment, GeoPoint};

/// The GeoJSON text of `a`'s inventory, and how many cameras were left out for want of a
/// position on Earth.
pub fn export(a: &Assessment) -> (String, usize) {
    let mut features = Vec::new();
    let mut without = 0;
    for camera in a.cameras.iter() {
        let Some(geo) = camera.geo else {
            without += 1;
            continue;
        };
        let mut properties = Map::new();
        for (column, cell) in EXPORT_COLUMNS.iter().zip(export_cells(camera)) {
            properties.insert((*column).to_owned(), Value::String(cell));
        }
        if let GeoPoint::Lambert93 { x, y } = geo {
            properties.insert("x_l93".to_owned(), json!(x));
            properties.insert("y_l93".to_owned(), json!(y));
        }
        let optics = a
            .plans
            .iter()
            .filter_map(|p| p.placement(&camera.camera_id))
            .find(|p| !p.optics_unknown);
        if let Some(placement) = optics {
            properties.insert("direction".to_owned(), json!(placement.direction_degrees));
            properties.insert("angle".to_owned(), json!(placement.angle_degrees));
            properties.insert("portée".to_owned(), json!(placement.range_metres));
        }
        let (longitude, latitude) = geo.wgs84();
        features.push(json!({
            "type": "Feature",
            "geometry": { "type": "Point", "coordinates": [longitude, latitude] },
            "properties": properties,
        }));
    }
    let collection = json!({ "type": "FeatureCollection", "features": features });
    let text = serde_json::to_string_pretty(&collection).unwrap_or_default();
    (text, without)
}

/// Writes `a`'s inventory to `path` as GeoJSON (see [`export`]), atomically; returns how many
/// cameras were written and how many left out.
pub fn write_file(path: &Path, a: &Assessment) -> Result<(usize, usize), CsvFileError> {
    let (text, without) = export(a);
    super::write_atomic(path, text.as_bytes()).map_err(|source| CsvFileError::Write {
        path: path.to_owned(),
        source,
    })?;
    Ok((a.cameras.len() - without, without))
}
