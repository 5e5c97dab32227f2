//! The camera inventory written as CSV (`;`, UTF-8 with BOM, as spreadsheets in France expect),
//! in columns the import guesses back, where each camera films when said, positions on Earth in
//! the system each camera keeps.

use std::path::Path;

use super::camera_csv::CsvFileError;
use crate::model::{Camera, CameraKind, CameraSetting};

/// The columns the inventory's exports write, as French spreadsheets title them (the import
/// guesses them back).
pub const EXPORT_COLUMNS: [&str; 11] = [
    "identifiant",
    "emplacement",
    "périmètre",
    "type",
    "analyse",
    "finalités",
    "habitations",
    "masquage",
    "notes",
    "exploitant",
    "mise en service",
];

/// A camera's cells under [`EXPORT_COLUMNS`], as the import reads them back.
pub fn export_cells(camera: &Camera) -> [String; 11] {
    let yes_no = |b: bool| if b { "oui" } else { "non" }.to_owned();
    let kind = match camera.kind {
        CameraKind::Fixed => "fixe",
        CameraKind::Ptz => "dôme",
        CameraKind::Panoramic => "panoramique",
        CameraKind::Nomadic => "nomade",
    };
    let purposes: Vec<String> = camera.purposes.iter().map(|p| p.short_code()).collect();
    [
        camera.camera_id.to_string(),
        camera.location.clone(),
        camera.perimeter.clone(),
        kind.to_owned(),
        yes_no(camera.is_analytics_coupled),
        purposes.join(", "),
        yes_no(camera.views_dwellings),
        yes_no(camera.has_privacy_masking),
        camera.notes.clone(),
        camera.operator.clone(),
        camera.commissioned_on.map(|d| d.iso()).unwrap_or_default(),
    ]
}

/// The inventory as CSV (`;`, UTF-8 with BOM, as spreadsheets in France expect). When a
/// camera has a position on Earth, four columns follow — `longitude`, `latitude`, `x_l93`,
/// `y_l93` — each camera's in the system it is kept in, so the file reads back to the same
/// digits.
pub fn export(cameras: &[Camera]) -> String {
    let mut writer = csv::WriterBuilder::new()
        .delimiter(b';')
        .from_writer(Vec::new());
    let positions = cameras.iter().any(|c| c.geo.is_some());
    let settings = cameras.iter().any(|c| c.setting.is_some());
    let mut header = EXPORT_COLUMNS.to_vec();
    if settings {
        header.push("filme");
    }
    if positions {
        header.extend(["longitude", "latitude", "x_l93", "y_l93"]);
    }
    // Writing into a Vec cannot fail; a failure would only lose the row, never panic.
    writer.write_record(&header).ok();
    for camera in cameras {
        let mut record = export_cells(camera).to_vec();
        if settings {
            record.push(setting_cell(camera).to_owned());
        }
        if positions {
            let mut place = [String::new(), String::new(), String::new(), String::new()];
            match camera.geo {
                Some(crate::model::GeoPoint::Wgs84 {
                    longitude,
                    latitude,
                }) => {
                    place[0] = longitude.to_string();
                    place[1] = latitude.to_string();
                }
                Some(crate::model::GeoPoint::Lambert93 { x, y }) => {
                    place[2] = x.to_string();
                    place[3] = y.to_string();
                }
                None => {}
            }
            record.extend(place);
        }
        writer.write_record(&record).ok();
    }
    let bytes = writer.into_inner().unwrap_or_default();
    format!("\u{feff}{}", String::from_utf8_lossy(&bytes))
}

/// Where the camera films, as the import reads it back (empty when not said).
fn setting_cell(camera: &Camera) -> &'static str {
    match camera.setting {
        Some(CameraSetting::PublicRoad) => "voie publique",
        Some(CameraSetting::Outside) => "extérieur",
        Some(CameraSetting::Inside) => "intérieur",
        None => "",
    }
}

/// Writes `cameras` to `path` as CSV (see [`export`]), atomically: a failed write leaves the
/// file that was there as it was.
pub fn write_file(path: &Path, cameras: &[Camera]) -> Result<(), CsvFileError> {
    super::write_atomic(path, export(cameras).as_bytes()).map_err(|source| CsvFileError::Write {
        path: path.to_owned(),
        source,
    })
}
