//! Camera positions from a GeoJSON file (RFC 7946), the usual export of a city's GIS: a
//! `FeatureCollection` of `Point` features in longitude / latitude (WGS 84), each naming its
//! camera in a property (`camera_id`, `id`, `ref`, `name`, `numero`), and optionally its
//! direction, angle and range. The points are projected onto a plan locally (an
//! equirectangular projection around their centre: metres east and south, exact enough over a
//! town), then to the plan's pixels with its scale. Input is bounded: the file's size, the
//! number of features; a feature without a usable point or name is a warning, never an abort.

use serde_json::Value;

use crate::model::geometry::Point;
use crate::model::CameraId;

/// The largest GeoJSON file read, in bytes.
pub const MAX_BYTES: usize = 16 * 1024 * 1024;

/// The most features read; a file with more is refused.
pub const MAX_FEATURES: usize = 100_000;

/// Metres per degree of latitude (mean, WGS 84).
const METRES_PER_DEGREE: f64 = 111_195.0;

/// Why no position could be read.
#[derive(Clone, Debug, PartialEq, thiserror::Error)]
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
    /// Longitude, degrees east.
    pub longitude: f64,
    /// Latitude, degrees north.
    pub latitude: f64,
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

/// Reads the camera positions of a GeoJSON file's bytes.
pub fn read(bytes: &[u8]) -> Result<GeoPositions, GeoJsonError> {
    if bytes.len() > MAX_BYTES {
        return Err(GeoJsonError::TooLarge(bytes.len()));
    }
    let value: Value =
        serde_json::from_slice(bytes).map_err(|e| GeoJsonError::NotJson(e.to_string()))?;
    let features: Vec<&Value> = match value.get("type").and_then(Value::as_str) {
        Some("FeatureCollection") => value
            .get("features")
            .and_then(Value::as_array)
            .ok_or(GeoJsonError::NotGeoJson)?
            .iter()
            .collect(),
        Some("Feature") => vec![&value],
        _ => return Err(GeoJsonError::NotGeoJson),
    };
    if features.len() > MAX_FEATURES {
        return Err(GeoJsonError::TooManyFeatures(features.len()));
    }
    let mut out = GeoPositions::default();
    let mut seen = std::collections::BTreeSet::new();
    for (index, feature) in features.into_iter().enumerate() {
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
            longitude,
            latitude,
            direction: number(properties, &["direction", "azimut", "azimuth", "bearing"]),
            angle: number(properties, &["angle", "fov", "angle_de_vue"]),
            range: number(properties, &["range", "portee", "portée"]),
        });
    }
    Ok(out)
}

/// The cameras placed on a sheet: each position in pixels, with a margin of 10 % all round;
/// the sheet's size and the scale (metres per pixel) chosen so the whole set fits `width`
/// pixels across (its height follows the points' extent, at least 400 pixels).
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
}

impl Projected {
    /// The sheet and the placements an import puts on a plan.
    pub fn sheet(self) -> crate::model::site_plan::GeoSheet {
        crate::model::site_plan::GeoSheet {
            width: self.width,
            height: self.height,
            metres_per_pixel: self.metres_per_pixel,
            cameras: self
                .positions
                .into_iter()
                .map(|(c, at)| (c.camera_id, at, c.direction, c.angle, c.range))
                .collect(),
        }
    }
}

/// Projects `cameras` onto a sheet `width` pixels wide (see [`Projected`]); `None` without any.
pub fn project(cameras: &[GeoCamera], width: u32) -> Option<Projected> {
    if cameras.is_empty() {
        return None;
    }
    let n = cameras.len() as f64;
    let lat0 = cameras.iter().map(|c| c.latitude).sum::<f64>() / n;
    let lon0 = cameras.iter().map(|c| c.longitude).sum::<f64>() / n;
    let east = METRES_PER_DEGREE * lat0.to_radians().cos();
    let metres: Vec<(f64, f64)> = cameras
        .iter()
        .map(|c| {
            (
                (c.longitude - lon0) * east,
                (lat0 - c.latitude) * METRES_PER_DEGREE,
            )
        })
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
