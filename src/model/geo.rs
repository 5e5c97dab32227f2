//! Positions on Earth, kept as the source gave them: longitude / latitude (WGS 84, what open
//! data and GeoJSON use) or Lambert-93 metres (EPSG:2154, what French municipal GIS use:
//! `x_l93` / `y_l93`). Lambert-93 is computed with the IGN's published formulas for the conic
//! conformal projection on the GRS 80 ellipsoid (IGN, *Projection cartographique conique
//! conforme de Lambert*, NT/G 71: algorithms ALG0001, ALG0003, ALG0004, ALG0019, ALG0054);
//! RGF93 and WGS 84 are taken as one datum (they differ by centimetres). A plan's
//! georeference ([`Georef`]) ties its pixels to either system, so the pixels of a camera are
//! derived from its position, never the reverse. Pure; no IO.

use serde::{Deserialize, Serialize};

use super::geometry::Point;

/// A position on Earth, in the system its source used.
#[derive(Clone, Copy, Debug, PartialEq, Serialize, Deserialize)]
pub enum GeoPoint {
    /// Degrees east and north (WGS 84).
    Wgs84 {
        /// Degrees east.
        longitude: f64,
        /// Degrees north.
        latitude: f64,
    },
    /// Lambert-93 metres (EPSG:2154): easting and northing.
    Lambert93 {
        /// Metres east (`x_l93`).
        x: f64,
        /// Metres north (`y_l93`).
        y: f64,
    },
}

/// The coordinate system of a georeference or a position.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub enum GeoSystem {
    /// Longitude / latitude in degrees (WGS 84).
    #[default]
    Wgs84,
    /// Lambert-93 metres (EPSG:2154).
    Lambert93,
}

/// The Lambert-93 coordinates a position may have: the projection's area of use (metropolitan
/// France and Corsica, EPSG:2154) with a margin; a number outside is refused at import.
pub const LAMBERT93_X: (f64, f64) = (-400000.0, 1400000.0);
/// See [`LAMBERT93_X`].
pub const LAMBERT93_Y: (f64, f64) = (6000000.0, 7300000.0);

/// GRS 80: semi-major axis in metres.
const A: f64 = 6378137.0;
/// GRS 80: first eccentricity (from the flattening 1 / 298.257222101).
const E: f64 = 0.081_819_191_042_815_8;
/// Lambert-93: the central meridian (3° E), standard parallels (44° N, 49° N), the latitude
/// of origin (46° 30' N) and the false easting and northing.
const LON0: f64 = 3.0;
const LAT1: f64 = 44.0;
const LAT2: f64 = 49.0;
const LAT0: f64 = 46.5;
const X0: f64 = 700000.0;
const Y0: f64 = 6600000.0;

/// The isometric latitude of `phi` radians (ALG0001).
fn isometric(phi: f64) -> f64 {
    let s = E * phi.sin();
    ((std::f64::consts::FRAC_PI_4 + phi / 2.0).tan() * ((1.0 - s) / (1.0 + s)).powf(E / 2.0)).ln()
}

/// The latitude in radians of the isometric latitude `l` (ALG0002), iterated to 1e-12.
fn latitude_of(l: f64) -> f64 {
    let mut phi = 2.0 * l.exp().atan() - std::f64::consts::FRAC_PI_2;
    for _ in 0..30 {
        let s = E * phi.sin();
        let next = 2.0 * (((1.0 + s) / (1.0 - s)).powf(E / 2.0) * l.exp()).atan()
            - std::f64::consts::FRAC_PI_2;
        if (next - phi).abs() < 1e-12 {
            return next;
        }
        phi = next;
    }
    phi
}

/// The projection's constants: the cone's exponent `n`, its constant `c` and the pole's
/// northing `ys` (ALG0054).
fn cone() -> (f64, f64, f64) {
    let normal = |phi: f64| A / (1.0 - (E * phi.sin()).powi(2)).sqrt();
    let (phi1, phi2) = (LAT1.to_radians(), LAT2.to_radians());
    let (m1, m2) = (normal(phi1) * phi1.cos(), normal(phi2) * phi2.cos());
    let n = (m1.ln() - m2.ln()) / (isometric(phi2) - isometric(phi1));
    let c = m1 / n * (n * isometric(phi1)).exp();
    let ys = Y0 + c * (-n * isometric(LAT0.to_radians())).exp();
    (n, c, ys)
}

/// Lambert-93 metres of a longitude / latitude in degrees (ALG0003).
pub fn to_lambert93(longitude: f64, latitude: f64) -> (f64, f64) {
    let (n, c, ys) = cone();
    let r = c * (-n * isometric(latitude.to_radians())).exp();
    let gamma = n * (longitude - LON0).to_radians();
    (X0 + r * gamma.sin(), ys - r * gamma.cos())
}

/// Longitude / latitude in degrees of Lambert-93 metres (ALG0004).
pub fn from_lambert93(x: f64, y: f64) -> (f64, f64) {
    let (n, c, ys) = cone();
    let (dx, dy) = (x - X0, y - ys);
    let r = dx.hypot(dy);
    let gamma = dx.atan2(-dy);
    let longitude = LON0 + (gamma / n).to_degrees();
    let latitude = latitude_of(-(r / c).ln() / n).to_degrees();
    (longitude, latitude)
}

impl GeoPoint {
    /// Longitude and latitude in degrees.
    pub fn wgs84(self) -> (f64, f64) {
        match self {
            GeoPoint::Wgs84 {
                longitude,
                latitude,
            } => (longitude, latitude),
            GeoPoint::Lambert93 { x, y } => from_lambert93(x, y),
        }
    }

    /// Lambert-93 easting and northing in metres.
    pub fn lambert93(self) -> (f64, f64) {
        match self {
            GeoPoint::Wgs84 {
                longitude,
                latitude,
            } => to_lambert93(longitude, latitude),
            GeoPoint::Lambert93 { x, y } => (x, y),
        }
    }

    /// The system the position is kept in.
    pub fn system(self) -> GeoSystem {
        match self {
            GeoPoint::Wgs84 { .. } => GeoSystem::Wgs84,
            GeoPoint::Lambert93 { .. } => GeoSystem::Lambert93,
        }
    }

    /// The coordinates in `system`: (longitude, latitude) or (x, y).
    pub fn in_system(self, system: GeoSystem) -> (f64, f64) {
        match system {
            GeoSystem::Wgs84 => self.wgs84(),
            GeoSystem::Lambert93 => self.lambert93(),
        }
    }

    /// The position of coordinates `(u, v)` of `system`.
    pub fn of_system(system: GeoSystem, (u, v): (f64, f64)) -> GeoPoint {
        match system {
            GeoSystem::Wgs84 => GeoPoint::Wgs84 {
                longitude: u,
                latitude: v,
            },
            GeoSystem::Lambert93 => GeoPoint::Lambert93 { x: u, y: v },
        }
    }

    /// True when the numbers are usable: finite, degrees in range, Lambert-93 in its area.
    pub fn is_valid(self) -> bool {
        let within = |v: f64, (min, max): (f64, f64)| v.is_finite() && v >= min && v <= max;
        match self {
            GeoPoint::Wgs84 {
                longitude,
                latitude,
            } => within(longitude, (-180.0, 180.0)) && within(latitude, (-90.0, 90.0)),
            GeoPoint::Lambert93 { x, y } => within(x, LAMBERT93_X) && within(y, LAMBERT93_Y),
        }
    }

    /// A position as a user types or pastes it: « 48.8566, 2.3522 » (latitude then longitude,
    /// as map services copy it; decimal commas allowed with a space or « ; » between) or
    /// « 652469 6862035 » (Lambert-93 x then y). `None` when it is neither.
    pub fn parse_typed(text: &str) -> Option<GeoPoint> {
        let text = text.trim();
        let parts: Vec<&str> = if text.contains(';') || text.contains(char::is_whitespace) {
            text.split(|c: char| c == ';' || c.is_whitespace())
                .map(|p| p.trim_matches(','))
                .filter(|p| !p.is_empty())
                .collect()
        } else {
            text.split(',').collect()
        };
        let [first, second] = parts[..] else {
            return None;
        };
        let number = |p: &str| p.replace(',', ".").parse::<f64>().ok();
        let (a, b) = (number(first)?, number(second)?);
        let degrees = GeoPoint::Wgs84 {
            longitude: b,
            latitude: a,
        };
        let lambert = GeoPoint::Lambert93 { x: a, y: b };
        [degrees, lambert].into_iter().find(|p| p.is_valid())
    }

    /// The distance in metres to `other` (through Lambert-93 near France, else on the sphere).
    pub fn metres_to(self, other: GeoPoint) -> f64 {
        let ((lon1, lat1), (lon2, lat2)) = (self.wgs84(), other.wgs84());
        let (p1, p2) = (lat1.to_radians(), lat2.to_radians());
        let h = ((p2 - p1) / 2.0).sin().powi(2)
            + p1.cos() * p2.cos() * ((lon2 - lon1).to_radians() / 2.0).sin().powi(2);
        2.0 * 6371008.8 * h.sqrt().min(1.0).asin()
    }
}

/// A plan's georeference: the affine map from its pixels to coordinates of `system`, as a
/// world file (`.pgw`, `.jgw`, `.wld`) gives it — `u = a·col + b·row + c`,
/// `v = d·col + e·row + f`, the pixel's centre at (col + 0.5, row + 0.5) in the file's
/// convention, which [`Georef::from_world_file`] folds into `c` and `f`.
#[derive(Clone, Copy, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Georef {
    /// The system of the coordinates.
    pub system: GeoSystem,
    /// Coordinate units per pixel along a row (x scale).
    pub a: f64,
    /// Rotation term (row to u).
    pub b: f64,
    /// u of the sheet's top-left corner.
    pub c: f64,
    /// Rotation term (column to v).
    pub d: f64,
    /// Coordinate units per pixel down a column (negative: north up).
    pub e: f64,
    /// v of the sheet's top-left corner.
    pub f: f64,
}

/// Why a world file gave no georeference.
#[derive(Clone, Debug, PartialEq, thiserror::Error)]
pub enum WorldFileError {
    /// Not six numbers, one a line.
    #[error("a world file has six numbers, one a line; line {0} is not a number")]
    NotANumber(usize),
    /// Fewer than six lines.
    #[error("a world file has six numbers; this one has {0}")]
    TooShort(usize),
    /// The pixel's size is nil: the picture would be a point.
    #[error("the pixel size is zero or the picture is folded (the terms' determinant is 0)")]
    Degenerate,
    /// The origin is neither degrees nor Lambert-93 metres.
    #[error(
        "the origin ({0}, {1}) is neither longitude / latitude nor Lambert-93 (EPSG:2154) metres"
    )]
    UnknownSystem(f64, f64),
}

impl Georef {
    /// Reads a world file's text: six numbers (A, D, B, E, C, F), C and F the centre of the
    /// top-left pixel. The system is told from the origin: degrees when it is a longitude /
    /// latitude, Lambert-93 when it lies in that projection's area.
    pub fn from_world_file(text: &str) -> Result<Georef, WorldFileError> {
        let mut numbers = Vec::new();
        for (index, line) in text
            .lines()
            .enumerate()
            .filter(|(_, l)| !l.trim().is_empty())
        {
            if numbers.len() == 6 {
                break;
            }
            let number: f64 = line
                .trim()
                .replace(',', ".")
                .parse()
                .map_err(|_| WorldFileError::NotANumber(index + 1))?;
            if !number.is_finite() {
                return Err(WorldFileError::NotANumber(index + 1));
            }
            numbers.push(number);
        }
        let [a, d, b, e, c, f] = numbers[..] else {
            return Err(WorldFileError::TooShort(numbers.len()));
        };
        let degrees = GeoPoint::Wgs84 {
            longitude: c,
            latitude: f,
        };
        let system = if degrees.is_valid() && a.abs() < 1.0 {
            GeoSystem::Wgs84
        } else if (GeoPoint::Lambert93 { x: c, y: f }).is_valid() {
            GeoSystem::Lambert93
        } else {
            return Err(WorldFileError::UnknownSystem(c, f));
        };
        let georef = Georef {
            system,
            a,
            b,
            // From the centre of the top-left pixel to its corner.
            c: c - 0.5 * a - 0.5 * b,
            d,
            e,
            f: f - 0.5 * d - 0.5 * e,
        };
        if georef.determinant().abs() < 1e-30 {
            return Err(WorldFileError::Degenerate);
        }
        Ok(georef)
    }

    /// The georeference through two points of the plan whose positions are known: a
    /// similarity (scale, turn, shift) in Lambert-93, which is conformal. `None` when the two
    /// points coincide on the plan or on the ground.
    pub fn from_two_points(p1: Point, g1: GeoPoint, p2: Point, g2: GeoPoint) -> Option<Georef> {
        let ((x1, y1), (x2, y2)) = (g1.lambert93(), g2.lambert93());
        // Pixels have y downwards; take rows as -v so the map is a rotation and a scale.
        let (du, dv) = (p2.x - p1.x, -(p2.y - p1.y));
        let (dx, dy) = (x2 - x1, y2 - y1);
        let pixels = du * du + dv * dv;
        if pixels < 1e-9 || dx.hypot(dy) < 1e-6 {
            return None;
        }
        // (dx + i·dy) = (s + i·t)·(du + i·dv)
        let s = (dx * du + dy * dv) / pixels;
        let t = (dy * du - dx * dv) / pixels;
        // x = s·col − t·(−row) … with v = −row: x = s·col + t·row, y = t·col − s·row.
        let (a, b, d, e) = (s, t, t, -s);
        let c = x1 - a * p1.x - b * p1.y;
        let f = y1 - d * p1.x - e * p1.y;
        Some(Georef {
            system: GeoSystem::Lambert93,
            a,
            b,
            c,
            d,
            e,
            f,
        })
    }

    fn determinant(&self) -> f64 {
        self.a * self.e - self.b * self.d
    }

    /// The position of a point of the plan.
    pub fn to_geo(&self, at: Point) -> GeoPoint {
        let u = self.a * at.x + self.b * at.y + self.c;
        let v = self.d * at.x + self.e * at.y + self.f;
        GeoPoint::of_system(self.system, (u, v))
    }

    /// The point of the plan of a position; `None` when the map cannot be inverted.
    pub fn to_plan(&self, geo: GeoPoint) -> Option<Point> {
        let (u, v) = geo.in_system(self.system);
        let det = self.determinant();
        if det.abs() < f64::MIN_POSITIVE || !u.is_finite() || !v.is_finite() {
            return None;
        }
        let (du, dv) = (u - self.c, v - self.f);
        let at = Point::new(
            (self.e * du - self.b * dv) / det,
            (self.a * dv - self.d * du) / det,
        );
        at.is_finite().then_some(at)
    }

    /// Metres per pixel at the plan's point `at`: the square root of the area a pixel
    /// covers — in Lambert-93 grid metres (within 0.1 % of the ground across metropolitan
    /// France), or for degrees on the mean sphere's degree at that latitude (as an import's
    /// projection uses).
    pub fn metres_per_pixel(&self, at: Point) -> f64 {
        let area = match self.system {
            GeoSystem::Lambert93 => self.determinant(),
            GeoSystem::Wgs84 => {
                let (_, latitude) = self.to_geo(at).wgs84();
                let east = METRES_PER_DEGREE * latitude.to_radians().cos();
                self.determinant() * east * METRES_PER_DEGREE
            }
        };
        let metres = area.abs().sqrt();
        if metres.is_finite() {
            metres
        } else {
            0.0
        }
    }
}

/// Metres per degree of latitude on the mean sphere (what an import's local projection uses).
pub const METRES_PER_DEGREE: f64 = 111195.0;

#[cfg(test)]
mod tests {
    use super::*;

    /// Reference points computed with PROJ 9 (pyproj 3.7.2, EPSG:4326 → EPSG:2154).
    const REFERENCE: [(f64, f64, f64, f64); 7] = [
        (3.0, 46.5, 700000.0, 6600000.0),
        (2.3522, 48.8566, 652469.0227, 6862035.2594),
        (3.1746, 50.6942, 712358.7755, 7066392.0108),
        (-4.4861, 48.3904, 146632.9785, 6836262.3267),
        (7.2620, 43.7102, 1043410.1597, 6299400.0430),
        (9.45, 42.70, 1228546.0453, 6199420.6440),
        (1.4442, 43.6047, 574357.8201, 6279642.9723),
    ];

    #[test]
    fn lambert93_agrees_with_proj_to_the_millimetre() {
        for (lon, lat, x, y) in REFERENCE {
            let (px, py) = to_lambert93(lon, lat);
            assert!((px - x).abs() < 0.001, "{lon}, {lat}: x {px} ≠ {x}");
            assert!((py - y).abs() < 0.001, "{lon}, {lat}: y {py} ≠ {y}");
            let (blon, blat) = from_lambert93(x, y);
            assert!((blon - lon).abs() < 1e-8, "{x}, {y}: lon {blon} ≠ {lon}");
            assert!((blat - lat).abs() < 1e-8, "{x}, {y}: lat {blat} ≠ {lat}");
        }
    }

    #[test]
    fn a_world_file_maps_pixels_both_ways() {
        // 0.5 m pixels, north up, the top-left pixel's centre at (652 000.25, 6 863 999.75).
        let georef = Georef::from_world_file("0.5\n0\n0\n-0.5\n652000.25\n6863999.75\n")
            .expect("a world file");
        assert_eq!(georef.system, GeoSystem::Lambert93);
        let corner = georef.to_geo(Point::new(0.0, 0.0)).lambert93();
        assert!((corner.0 - 652000.0).abs() < 1e-6 && (corner.1 - 6864000.0).abs() < 1e-6);
        let notre_dame = GeoPoint::Wgs84 {
            longitude: 2.3522,
            latitude: 48.8566,
        };
        let at = georef.to_plan(notre_dame).expect("invertible");
        // 469.0227 m east and 1964.7406 m south of the corner.
        assert!(
            (at.x - 938.0454).abs() < 0.01 && (at.y - 3929.4812).abs() < 0.01,
            "{at:?}"
        );
        assert!((georef.metres_per_pixel(at) - 0.5).abs() < 1e-3);
        let back = georef.to_geo(at).wgs84();
        assert!((back.0 - 2.3522).abs() < 1e-9 && (back.1 - 48.8566).abs() < 1e-9);
    }

    #[test]
    fn world_files_that_say_nothing_usable_are_refused() {
        assert_eq!(
            Georef::from_world_file("1\n0\n0\n-1\n"),
            Err(WorldFileError::TooShort(4))
        );
        assert_eq!(
            Georef::from_world_file("1\n0\nzéro\n-1\n0\n0\n"),
            Err(WorldFileError::NotANumber(3))
        );
        assert_eq!(
            Georef::from_world_file("0\n0\n0\n0\n652000\n6863000\n"),
            Err(WorldFileError::Degenerate)
        );
        assert!(matches!(
            Georef::from_world_file("1\n0\n0\n-1\n5000000\n100\n"),
            Err(WorldFileError::UnknownSystem(..))
        ));
        let degrees = Georef::from_world_file("0.00001\n0\n0\n-0.00001\n2.35\n48.86\n");
        assert_eq!(degrees.map(|g| g.system), Ok(GeoSystem::Wgs84));
    }

    #[test]
    fn positions_are_read_as_people_paste_them() {
        let paris = Some(GeoPoint::Wgs84 {
            longitude: 2.3522,
            latitude: 48.8566,
        });
        assert_eq!(GeoPoint::parse_typed("48.8566, 2.3522"), paris);
        assert_eq!(GeoPoint::parse_typed("48.8566,2.3522"), paris);
        assert_eq!(GeoPoint::parse_typed("48,8566 ; 2,3522"), paris);
        assert_eq!(
            GeoPoint::parse_typed("652469,02 6862035,26"),
            Some(GeoPoint::Lambert93 {
                x: 652_469.02,
                y: 6_862_035.26
            })
        );
        assert_eq!(GeoPoint::parse_typed("652469"), None);
        assert_eq!(GeoPoint::parse_typed("5000 6000"), None);
        assert_eq!(GeoPoint::parse_typed("nord, sud"), None);
    }

    #[test]
    fn two_known_points_give_scale_and_turn() {
        let g1 = GeoPoint::Lambert93 {
            x: 700000.0,
            y: 6600000.0,
        };
        let g2 = GeoPoint::Lambert93 {
            x: 700100.0,
            y: 6600000.0,
        };
        // The plan is turned a quarter: east is down the sheet, 2 pixels a metre.
        let georef =
            Georef::from_two_points(Point::new(10.0, 10.0), g1, Point::new(10.0, 210.0), g2)
                .expect("two distinct points");
        let north = GeoPoint::Lambert93 {
            x: 700000.0,
            y: 6600050.0,
        };
        let at = georef.to_plan(north).expect("invertible");
        assert!(
            (at.x - 110.0).abs() < 1e-6 && (at.y - 10.0).abs() < 1e-6,
            "{at:?}"
        );
        assert!((georef.metres_per_pixel(at) - 0.5).abs() < 1e-3);
        assert!(
            Georef::from_two_points(Point::new(1.0, 1.0), g1, Point::new(1.0, 1.0), g2).is_none()
        );
    }
}
