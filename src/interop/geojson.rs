//! Camera positions from a GeoJSON file (RFC 7946), the usual export of a city's GIS: a
//! `FeatureCollection` of `Point` features in longitude / latitude (WGS 84), each naming its
//! camera in a property (`camera_id`, `id`, `ref`, `name`, `numero`), and optionally its
//! direction, angle and range. The points are projected onto a plan locally (an
//! equirectangular projection around their centre: metres east and south, exact enough over a
//! town), then to the plan's pixels with its scale. Input is bounded: the file's size, the
//! number of features; a feature without a usable point or name is a warning, never an abort.

use serde_json::Value;

use crate::model::geometry::Point;
use crate::model::site_plan::{GeoPlacement, GeoSheet};
use crate::model::{CameraId, GeoPoint, GeoSystem, Georef};

/// The largest GeoJSON file read, in bytes.
pub const MAX_BYTES: usize = 16 * 1024 * 1024;

/// The most features read; a file with more is refused.
pub const MAX_FEATURES: usize = 100_000;

use crate::model::geo::METRES_PER_DEGREE;

/// Why no position could be read.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum GeoJsonError {
    /// Over [`MAX_BYTES`].
    #[error("the file is {0} bytes, over the {MAX_BYTES} a GeoJSON file may have")]
    TooLarge(usize),
    /// Not JSON; the parser's message.
    #[error("not JSON: {0}")]
    NotJson(String),
    /// JSON, but not a GeoJSON `FeatureCollection` or `Feature`.
    #[error("not a GeoJSON FeatureCollection")]
    NotGeoJson,
    /// Over [`MAX_FEATURES`] features.
    #[error("{0} features, over the {MAX_FEATURES} read")]
    TooManyFeatures(usize),
}

/// A feature that gave no position, and why.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum GeoJsonWarning {
    /// The feature at this index is not a Point (a line, a polygon…).
    NotAPoint(usize),
    /// The feature at this index has no camera id in its properties.
    NoId(usize),
    /// The point of this camera has no usable longitude / latitude.
    BadCoordinates(String),
    /// This camera appears twice; the first point is kept.
    Duplicate(String),
}

/// A camera's position as the file gives it.
#[derive(Clone, Debug, PartialEq)]
pub struct GeoCamera {
    /// The camera.
    pub camera_id: CameraId,
    /// Where it stands (longitude / latitude in a GeoJSON file).
    pub position: GeoPoint,
    /// Direction in degrees clockwise from north, if given.
    pub direction: Option<f64>,
    /// Angle of view in degrees, if given.
    pub angle: Option<f64>,
    /// Range in metres, if given.
    pub range: Option<f64>,
}

/// What a file gave.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct GeoPositions {
    /// The cameras with a usable point, in the file's order.
    pub cameras: Vec<GeoCamera>,
    /// The features that gave none.
    pub warnings: Vec<GeoJsonWarning>,
}

fn id_of(properties: &Value) -> Option<String> {
    ["camera_id", "id", "ref", "name", "numero", "camera"]
        .iter()
        .find_map(|key| match properties.get(key)? {
            Value::String(s) if !s.trim().is_empty() => Some(s.trim().to_owned()),
            Value::Number(n) => Some(n.to_string()),
            _ => None,
        })
}

fn number(properties: &Value, keys: &[&str]) -> Option<f64> {
    keys.iter().find_map(|key| {
        let value = properties.get(key)?;
        let n = match value {
            Value::Number(n) => n.as_f64(),
            Value::String(s) => s.trim().replace(',', ".").parse().ok(),
            _ => None,
        }?;
        n.is_finite().then_some(n)
    })
}

/// The features of a GeoJSON file's bytes (a `FeatureCollection`'s, or a lone `Feature`),
/// bounded in size and number.
fn features(bytes: &[u8]) -> Result<Vec<Value>, GeoJsonError> {
    if bytes.len() > MAX_BYTES {
        return Err(GeoJsonError::TooLarge(bytes.len()));
    }
    let mut value: Value =
        serde_json::from_slice(bytes).map_err(|e| GeoJsonError::NotJson(e.to_string()))?;
    let features = match value.get("type").and_then(Value::as_str) {
        Some("FeatureCollection") => match value.get_mut("features").map(Value::take) {
            Some(Value::Array(features)) => features,
            _ => return Err(GeoJsonError::NotGeoJson),
        },
        Some("Feature") => vec![value],
        _ => return Err(GeoJsonError::NotGeoJson),
    };
    if features.len() > MAX_FEATURES {
        return Err(GeoJsonError::TooManyFeatures(features.len()));
    }
    Ok(features)
}

/// The most property columns a table of features has; further properties are left out.
pub const MAX_COLUMNS: usize = 200;

/// A GeoJSON file as a table, for the inventory's import: the columns `longitude` and
/// `latitude` (the point's), then each property met (in the order met, a feature's own
/// alphabetically; at most [`MAX_COLUMNS`]); one row a feature, in the file's order. A feature without geometry gives
/// empty coordinates; a `MultiPoint` of one point is that point; another geometry gives its
/// type instead of cells.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct FeatureTable {
    /// The columns' titles.
    pub header: Vec<String>,
    /// The cells of each feature, or the type of its geometry when it is no point.
    pub rows: Vec<Result<Vec<String>, String>>,
}

/// Reads a GeoJSON file's features as a table (see [`FeatureTable`]).
pub fn feature_table(bytes: &[u8]) -> Result<FeatureTable, GeoJsonError> {
    let features = features(bytes)?;
    let mut header = vec!["longitude".to_owned(), "latitude".to_owned()];
    let mut columns = std::collections::HashMap::<String, usize>::new();
    let mut rows = Vec::with_capacity(features.len());
    for feature in &features {
        let geometry = feature.get("geometry").unwrap_or(&Value::Null);
        let point = match geometry.get("type").and_then(Value::as_str) {
            None => Some(None),
            Some("Point") => Some(geometry.get("coordinates")),
            Some("MultiPoint") => match geometry.get("coordinates").and_then(Value::as_array) {
                Some(points) if points.len() == 1 => Some(points.first()),
                _ => None,
            },
            Some(_) => None,
        };
        let Some(point) = point else {
            let kind = geometry.get("type").and_then(Value::as_str).unwrap_or("?");
            rows.push(Err(clip(kind)));
            continue;
        };
        let coordinate = |index: usize| {
            point
                .and_then(|p| p.get(index))
                .map_or_else(String::new, cell_text)
        };
        let mut row = vec![coordinate(0), coordinate(1)];
        if let Some(properties) = feature.get("properties").and_then(Value::as_object) {
            for (key, value) in properties {
                let column = match columns.get(key) {
                    Some(column) => *column,
                    None if columns.len() < MAX_COLUMNS => {
                        header.push(clip(key));
                        columns.insert(key.clone(), header.len() - 1);
                        header.len() - 1
                    }
                    None => continue,
                };
                if row.len() <= column {
                    row.resize(column + 1, String::new());
                }
                row[column] = cell_text(value);
            }
        }
        rows.push(Ok(row));
    }
    Ok(FeatureTable { header, rows })
}

/// A property's value as a cell: text as it is, numbers and booleans written out, a list's
/// items joined by commas (« 1°, 5° »), nothing for null, an object as its JSON.
fn cell_text(value: &Value) -> String {
    let text = match value {
        Value::Null => String::new(),
        Value::String(s) => s.clone(),
        Value::Number(n) => n.to_string(),
        Value::Bool(b) => b.to_string(),
        Value::Array(items) => items.iter().map(cell_text).collect::<Vec<_>>().join(", "),
        Value::Object(_) => value.to_string(),
    };
    clip(&text)
}

/// At most 2,000 characters, as a CSV cell.
fn clip(text: &str) -> String {
    text.trim().chars().take(2_000).collect()
}

/// Reads the camera positions of a GeoJSON file's bytes.
pub fn read(bytes: &[u8]) -> Result<GeoPositions, GeoJsonError> {
    let features = features(bytes)?;
    let mut out = GeoPositions::default();
    let mut seen = std::collections::BTreeSet::new();
    for (index, feature) in features.iter().enumerate() {
        let geometry = feature.get("geometry").unwrap_or(&Value::Null);
        if geometry.get("type").and_then(Value::as_str) != Some("Point") {
            out.warnings.push(GeoJsonWarning::NotAPoint(index));
            continue;
        }
        let properties = feature.get("properties").unwrap_or(&Value::Null);
        let Some(id) = id_of(properties) else {
            out.warnings.push(GeoJsonWarning::NoId(index));
            continue;
        };
        let coordinates = geometry.get("coordinates").and_then(Value::as_array);
        let lon_lat = coordinates.and_then(|c| {
            let lon = c.first()?.as_f64()?;
            let lat = c.get(1)?.as_f64()?;
            (lon.is_finite() && lat.is_finite() && lon.abs() <= 180.0 && lat.abs() <= 90.0)
                .then_some((lon, lat))
        });
        let Some((longitude, latitude)) = lon_lat else {
            out.warnings.push(GeoJsonWarning::BadCoordinates(id));
            continue;
        };
        if !seen.insert(id.clone()) {
            out.warnings.push(GeoJsonWarning::Duplicate(id));
            continue;
        }
        out.cameras.push(GeoCamera {
            camera_id: CameraId::new(id),
            position: GeoPoint::Wgs84 {
                longitude,
                latitude,
            },
            direction: number(properties, &["direction", "azimut", "azimuth", "bearing"]),
            angle: number(properties, &["angle", "fov", "angle_de_vue"]),
            range: number(properties, &["range", "portee", "portée"]),
        });
    }
    Ok(out)
}

/// The cameras placed on a sheet: each position in pixels, with a margin of 10 % all round;
/// the sheet's size and the scale (metres per pixel) chosen so the whole set fits `width`
/// pixels across (its height follows the points' extent, at least 400 pixels), and the
/// georeference that ties the sheet to longitude / latitude.
#[derive(Clone, Debug, PartialEq)]
pub struct Projected {
    /// The cameras and their positions in pixels.
    pub positions: Vec<(GeoCamera, Point)>,
    /// The sheet's width in pixels.
    pub width: u32,
    /// The sheet's height in pixels.
    pub height: u32,
    /// Metres per pixel.
    pub metres_per_pixel: f64,
    /// The sheet's pixels as longitude / latitude.
    pub georef: Georef,
}

impl Projected {
    /// The sheet and the placements an import puts on a plan.
    pub fn sheet(self) -> GeoSheet {
        GeoSheet {
            width: self.width,
            height: self.height,
            metres_per_pixel: self.metres_per_pixel,
            georef: Some(self.georef),
            cameras: self
                .positions
                .into_iter()
                .map(|(c, at)| GeoPlacement {
                    camera_id: c.camera_id,
                    at,
                    geo: Some(c.position),
                    direction: c.direction,
                    angle: c.angle,
                    range: c.range,
                })
                .collect(),
        }
    }
}

/// Projects `cameras` onto a sheet `width` pixels wide (see [`Projected`]); `None` without any.
/// The projection is equirectangular around the points' centre — affine in longitude and
/// latitude, so the sheet's georeference is exact for it, and within a few parts in ten
/// thousand of the ground over a town.
pub fn project(cameras: &[GeoCamera], width: u32) -> Option<Projected> {
    if cameras.is_empty() {
        return None;
    }
    let degrees: Vec<(f64, f64)> = cameras.iter().map(|c| c.position.wgs84()).collect();
    let n = degrees.len() as f64;
    let lon0 = degrees.iter().map(|d| d.0).sum::<f64>() / n;
    let lat0 = degrees.iter().map(|d| d.1).sum::<f64>() / n;
    let east = METRES_PER_DEGREE * lat0.to_radians().cos();
    let metres: Vec<(f64, f64)> = degrees
        .iter()
        .map(|(lon, lat)| ((lon - lon0) * east, (lat0 - lat) * METRES_PER_DEGREE))
        .collect();
    let (x0, y0, x1, y1) = metres.iter().fold(
        (f64::MAX, f64::MAX, f64::MIN, f64::MIN),
        |(a, b, c, d), (x, y)| (a.min(*x), b.min(*y), c.max(*x), d.max(*y)),
    );
    // At least 100 m across, so one camera or a street of them still gets a readable sheet.
    let span_x = (x1 - x0).max(100.0);
    let span_y = (y1 - y0).max(100.0);
    let width = width.clamp(400, crate::model::site_plan::MAX_SIDE);
    let usable = f64::from(width) * 0.8;
    let scale = span_x.max(span_y) / usable;
    let margin = f64::from(width) * 0.1;
    let height = ((span_y / scale) + 2.0 * margin)
        .clamp(400.0, f64::from(crate::model::site_plan::MAX_SIDE)) as u32;
    // col = ((lon − lon0)·east − x0) / scale + margin; row = ((lat0 − lat)·M − y0) / scale + margin
    let georef = Georef {
        system: GeoSystem::Wgs84,
        a: scale / east,
        b: 0.0,
        c: lon0 + (x0 - margin * scale) / east,
        d: 0.0,
        e: -scale / METRES_PER_DEGREE,
        f: lat0 - (y0 - margin * scale) / METRES_PER_DEGREE,
    };
    let positions = cameras
        .iter()
        .zip(metres)
        .map(|(c, (x, y))| {
            (
                c.clone(),
                Point::new(
                    ((x - x0) / scale + margin).round(),
                    ((y - y0) / scale + margin).round(),
                ),
            )
        })
        .collect();
    Some(Projected {
        positions,
        width,
        height,
        metres_per_pixel: scale,
        georef,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn collection(features: &str) -> Vec<u8> {
        format!(r#"{{"type": "FeatureCollection", "features": [{features}]}}"#).into_bytes()
    }

    fn point(id: &str, lon: f64, lat: f64) -> String {
        format!(
            r#"{{"type": "Feature", "geometry": {{"type": "Point", "coordinates": [{lon}, {lat}]}}, "properties": {{"camera_id": "{id}", "azimut": "90", "portee": 25}}}}"#
        )
    }

    #[test]
    fn points_become_cameras_and_the_rest_warnings() {
        let bytes = collection(&format!(
            r#"{}, {}, {}, {{"type": "Feature", "geometry": {{"type": "LineString", "coordinates": []}}, "properties": {{}}}}, {{"type": "Feature", "geometry": {{"type": "Point", "coordinates": [3.1, 50.7]}}, "properties": {{}}}}, {}"#,
            point("CAM-001", 3.17, 50.69),
            point("CAM-002", 3.171, 50.6905),
            point("CAM-003", 200.0, 50.0),
            point("CAM-001", 3.0, 50.0),
        ));
        let read = read(&bytes).expect("read");
        let ids: Vec<_> = read
            .cameras
            .iter()
            .map(|c| c.camera_id.to_string())
            .collect();
        assert_eq!(ids, ["CAM-001", "CAM-002"]);
        assert_eq!(read.cameras[0].direction, Some(90.0));
        assert_eq!(read.cameras[0].range, Some(25.0));
        assert_eq!(
            read.warnings,
            vec![
                GeoJsonWarning::BadCoordinates("CAM-003".into()),
                GeoJsonWarning::NotAPoint(3),
                GeoJsonWarning::NoId(4),
                GeoJsonWarning::Duplicate("CAM-001".into()),
            ]
        );
    }

    #[test]
    fn projection_keeps_distances_and_north_up() {
        // 0.001° of longitude at 50.69° N is about 70 m; 0.0005° of latitude about 56 m.
        let read = read(&collection(&format!(
            "{}, {}",
            point("A", 3.170, 50.6900),
            point("B", 3.171, 50.6905)
        )))
        .expect("read");
        let p = project(&read.cameras, 2000).expect("projected");
        let (a, b) = (p.positions[0].1, p.positions[1].1);
        assert!(b.x > a.x, "B is east of A");
        assert!(b.y < a.y, "B is north of A, higher on the sheet");
        let metres = a.distance(b) * p.metres_per_pixel;
        assert!((metres - 89.9).abs() < 2.0, "{metres} m");
        // The sheet's georeference gives each camera back its position (to the rounding of
        // its pixel, under half a pixel).
        for (camera, at) in &p.positions {
            let back = p.georef.to_geo(*at);
            let apart = back.metres_to(camera.position);
            assert!(apart < p.metres_per_pixel * 0.71, "{apart} m");
            let exact = p.georef.to_plan(camera.position).expect("invertible");
            assert!(exact.distance(*at) <= 0.71, "{exact:?} vs {at:?}");
        }
    }

    #[test]
    fn hostile_files_are_refused_with_a_reason() {
        assert!(matches!(read(b"{"), Err(GeoJsonError::NotJson(_))));
        assert_eq!(read(b"[1, 2]"), Err(GeoJsonError::NotGeoJson));
        assert_eq!(
            read(br#"{"type": "Polygon"}"#),
            Err(GeoJsonError::NotGeoJson)
        );
        let huge = vec![b' '; MAX_BYTES + 1];
        assert_eq!(read(&huge), Err(GeoJsonError::TooLarge(MAX_BYTES + 1)));
        let many = collection(&vec!["{}"; MAX_FEATURES + 1].join(","));
        assert_eq!(
            read(&many),
            Err(GeoJsonError::TooManyFeatures(MAX_FEATURES + 1))
        );
    }
}
