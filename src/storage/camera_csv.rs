//! The camera inventory read from CSV. Reading takes spreadsheets as municipalities keep them:
//! `;` or `,`, UTF-8 (with or without BOM) or Windows-1252, the columns mapped to camera fields
//! (guessed from the header by `camera_columns`, changeable by the user); a GIS's GeoJSON comes
//! in as the same table. Each row becomes a camera (or an update of one) or an error naming its
//! line; nothing is imported until the user confirms. Sizes are capped so a hostile file cannot
//! exhaust memory. Writing is `camera_export`'s, and reads back to the same cameras.

use std::io::Read as _;
use std::path::{Path, PathBuf};

pub use super::camera_columns::{fold, guess_mapping, CameraField, Mapping};
pub use super::camera_export::{export, export_cells, write_file, EXPORT_COLUMNS};
use crate::model::{Camera, CameraId, CameraKind, CameraSetting, PurposeKind};

/// Largest CSV file read, in bytes.
pub const MAX_CSV_BYTES: usize = 16 * 1024 * 1024;
/// Most rows read.
pub const MAX_ROWS: usize = 100_000;
/// Longest cell kept, in characters.
pub const MAX_CELL_CHARS: usize = 2_000;

/// Why the file as a whole cannot be read.
#[derive(Debug, thiserror::Error, PartialEq, Eq)]
pub enum CsvError {
    /// Over [`MAX_CSV_BYTES`].
    #[error("the file is {size} bytes, over the {max} bytes a camera CSV may have")]
    TooLarge {
        /// Its size.
        size: usize,
        /// The cap.
        max: usize,
    },
    /// No header line.
    #[error("the file is empty: a header line naming the columns is expected")]
    Empty,
    /// The header does not parse.
    #[error("line {line}: {message}")]
    Malformed {
        /// Line number.
        line: u64,
        /// What the CSV reader says.
        message: String,
    },
}

/// Why a camera CSV file could not be read or written; each names the file.
#[derive(Debug, thiserror::Error)]
pub enum CsvFileError {
    /// The file could not be read (missing, not allowed, a folder…).
    #[error("{path}: cannot read the file: {source}")]
    Read {
        /// The file.
        path: PathBuf,
        /// The system's error.
        source: std::io::Error,
    },
    /// The file was read but cannot be taken as a camera table (too large, empty, bad header).
    #[error("{path}: {source}")]
    Table {
        /// The file.
        path: PathBuf,
        /// What is wrong with its content.
        source: CsvError,
    },
    /// The export could not be written; a file already there is left as it was.
    #[error("{path}: cannot write the file: {source}")]
    Write {
        /// The file.
        path: PathBuf,
        /// The system's error.
        source: std::io::Error,
    },
}

/// One row that could not become a camera.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct RowError {
    /// Line number in the file (1 is the header).
    pub line: u64,
    /// What is wrong, in English (the command line's report).
    pub message: String,
    /// The same, one problem each, for a message in the user's language
    /// (`messages::csv_row_problem`).
    pub problems: Vec<RowProblem>,
}

impl RowError {
    fn new(line: u64, problems: Vec<RowProblem>) -> RowError {
        let message = problems
            .iter()
            .map(ToString::to_string)
            .collect::<Vec<_>>()
            .join("; ");
        RowError {
            line,
            message,
            problems,
        }
    }
}

/// What keeps a row from becoming a camera.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum RowProblem {
    /// No column gives the camera id.
    #[error("no column is mapped to the camera id")]
    NoIdColumn,
    /// The CSV reader could not read the line.
    #[error("{0}")]
    Unreadable(String),
    /// A GeoJSON feature whose geometry is not a point (its type).
    #[error("the geometry is a {0}, not a point")]
    NotAPoint(String),
    /// The id cell is empty.
    #[error("the camera id is empty")]
    EmptyId,
    /// The id is on an earlier row of the file.
    #[error("camera « {0} » appears twice in the file")]
    TwiceInFile(String),
    /// The id is a camera the inventory already has.
    #[error("camera « {0} » is already in the inventory")]
    AlreadyInInventory(String),
    /// A yes/no cell says something else.
    #[error("« {0} » is not yes or no")]
    NotYesNo(String),
    /// The type cell names no camera type.
    #[error("« {0} » is not a camera type (fixe, dôme, panoramique, nomade)")]
    NotAKind(String),
    /// The setting cell names neither the public road, outside nor inside.
    #[error("« {0} » is not a setting (voie publique, extérieur, intérieur)")]
    NotASetting(String),
    /// A purpose that is none of L.251-2's, nor erp, com, l223, stat, autre.
    #[error("« {0} » is not a purpose (1° to 11°, erp, com, l223, stat or autre)")]
    NotAPurpose(String),
    /// A purpose number outside 1° to 11°.
    #[error("« {0} »: L.251-2 has purposes 1° to 11°")]
    PurposeOutOfRange(String),
    /// A number cell that is not a number.
    #[error("« {text} » is not a number ({name})")]
    NotANumber {
        /// The column's field (`x`, `latitude`, `direction`…).
        name: String,
        /// The cell.
        text: String,
    },
    /// A number outside what the field allows.
    #[error("{name} « {text} » is outside {min} to {max}")]
    OutOfRange {
        /// The column's field.
        name: String,
        /// The cell.
        text: String,
        /// The least allowed.
        min: String,
        /// The most allowed.
        max: String,
    },
    /// x without y, or y without x.
    #[error("x and y go together: one is empty")]
    HalfPlanPosition,
    /// Latitude without longitude, or the reverse.
    #[error("latitude and longitude go together: one is empty")]
    HalfGeoPosition,
    /// Lambert-93 x without y, or the reverse.
    #[error("x_l93 and y_l93 go together: one is empty")]
    HalfLambertPosition,
    /// Latitude / longitude and Lambert-93 both given, this many metres apart.
    #[error(
        "latitude / longitude and Lambert-93 are {0} m apart: which is the camera's position?"
    )]
    PositionsDisagree(u64),
    /// A date cell that is no date.
    #[error("« {0} » is not a date (dd/mm/yyyy, yyyy-mm-dd, or « inconnue »)")]
    NotADate(String),
    /// Both kinds of position.
    #[error(
        "give x/y on the plan or a position on Earth (latitude/longitude, Lambert-93), not both"
    )]
    TwoPositions,
}

/// The file read: its header, rows and the guessed mapping.
#[derive(Clone, Debug, PartialEq)]
pub struct CsvTable {
    /// The separator found.
    pub separator: u8,
    /// True when the file was decoded as Windows-1252.
    pub was_windows_1252: bool,
    /// Column titles.
    pub header: Vec<String>,
    /// Rows of cells with their line numbers.
    pub rows: Vec<(u64, Vec<String>)>,
    /// Rows beyond [`MAX_ROWS`] that were not read.
    pub truncated_rows: usize,
    /// True when the table is a GeoJSON file's features: a row's number is then its
    /// feature's (1 the first), not a line.
    pub rows_are_features: bool,
}

/// Where a row puts its camera.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum CsvPlace {
    /// A point of the perimeter's plan, in pixels.
    Plan(crate::model::geometry::Point),
    /// A point on Earth, kept on the camera and put on the plan through its georeference.
    Geo(crate::model::GeoPoint),
}

/// A camera's position read from its row.
#[derive(Clone, Debug, PartialEq)]
pub struct CsvPosition {
    /// The camera.
    pub camera_id: CameraId,
    /// Its perimeter (whose plan it goes on).
    pub perimeter: String,
    /// Where it is.
    pub place: CsvPlace,
    /// Where it looks, degrees clockwise from north, when given.
    pub direction: Option<f64>,
    /// Its angle of view in degrees, when given.
    pub angle: Option<f64>,
    /// Its range in metres, when given.
    pub range: Option<f64>,
}

/// The outcome of mapping rows to cameras.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct ImportPreview {
    /// Cameras ready to import.
    pub cameras: Vec<Camera>,
    /// Rows refused, with their line numbers.
    pub errors: Vec<RowError>,
    /// How each distinct text of the type column was read (« Dôme » → PTZ, an empty cell →
    /// fixed), with how many ready cameras had it: shown before anything is imported.
    pub kind_readings: Vec<KindReading>,
    /// The positions the ready cameras' rows give (x/y on a plan or latitude/longitude).
    pub positions: Vec<CsvPosition>,
    /// Ready cameras whose row gives neither a location nor a perimeter: imported, but nothing
    /// says where they are (the preview names them).
    pub unlocated: Vec<CameraId>,
    /// With « update the cameras already in the inventory »: each such camera as the file
    /// leaves it — the columns the file maps over what the inventory had, the rest kept.
    pub updates: Vec<Camera>,
}

/// One distinct text of the type column and the kind it was read as.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct KindReading {
    /// The text as written in the file (trimmed).
    pub text: String,
    /// The kind it became.
    pub kind: CameraKind,
    /// How many of the ready cameras had it.
    pub rows: usize,
}

/// Decodes and splits a CSV file.
pub fn read(bytes: &[u8]) -> Result<CsvTable, CsvError> {
    if bytes.len() > MAX_CSV_BYTES {
        return Err(CsvError::TooLarge {
            size: bytes.len(),
            max: MAX_CSV_BYTES,
        });
    }
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    let (text, was_windows_1252) = match std::str::from_utf8(bytes) {
        Ok(text) => (text.to_owned(), false),
        Err(_) => {
            let (decoded, _, _) = encoding_rs::WINDOWS_1252.decode(bytes);
            (decoded.into_owned(), true)
        }
    };
    let first_line = text
        .lines()
        .find(|l| !l.trim().is_empty())
        .ok_or(CsvError::Empty)?;
    let separator = if first_line.matches(';').count() >= first_line.matches(',').count() {
        b';'
    } else {
        b','
    };
    let mut reader = csv::ReaderBuilder::new()
        .delimiter(separator)
        .flexible(true)
        .has_headers(false)
        .from_reader(text.as_bytes());
    let mut records = reader.records();
    let header = loop {
        match records.next() {
            None => return Err(CsvError::Empty),
            Some(Err(error)) => {
                return Err(CsvError::Malformed {
                    line: error.position().map_or(1, |p| p.line()),
                    message: error.to_string(),
                })
            }
            Some(Ok(record)) if record.iter().all(|c| c.trim().is_empty()) => continue,
            Some(Ok(record)) => break record.iter().map(clip).collect::<Vec<_>>(),
        }
    };
    let mut rows = Vec::new();
    let mut truncated_rows = 0;
    for record in records {
        if rows.len() >= MAX_ROWS {
            truncated_rows += 1;
            continue;
        }
        match record {
            Ok(record) => {
                let line = record.position().map_or(0, |p| p.line());
                if record.iter().all(|c| c.trim().is_empty()) {
                    continue;
                }
                rows.push((line, record.iter().map(clip).collect()));
            }
            Err(error) => {
                let line = error.position().map_or(0, |p| p.line());
                rows.push((line, vec![format!("\u{0}{error}")]));
            }
        }
    }
    Ok(CsvTable {
        separator,
        was_windows_1252,
        header,
        rows,
        truncated_rows,
        rows_are_features: false,
    })
}

impl CsvTable {
    /// The table of a GIS file's features (`interop::geojson::feature_table`): its header, then
    /// one row a feature, numbered from 1; a feature whose geometry is no point (its type) is
    /// a row refused with that reason.
    pub fn of_features(header: Vec<String>, rows: Vec<Result<Vec<String>, String>>) -> CsvTable {
        let rows = rows
            .into_iter()
            .map(|row| row.unwrap_or_else(|kind| vec![format!("{NOT_A_POINT}{kind}")]));
        CsvTable {
            separator: b',',
            was_windows_1252: false,
            header,
            rows: (1u64..).zip(rows).collect(),
            truncated_rows: 0,
            rows_are_features: true,
        }
    }
}

/// The first cell of a feature's row whose geometry is no point starts with this, then the
/// geometry's type.
const NOT_A_POINT: &str = "\u{0}\u{1}";

/// True when the bytes hold a JSON object (after a byte order mark and blanks): a GIS's
/// GeoJSON export rather than a CSV.
pub fn is_json_object(bytes: &[u8]) -> bool {
    let text = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    text.iter().find(|b| !b.is_ascii_whitespace()) == Some(&b'{')
}

fn clip(cell: &str) -> String {
    cell.trim().chars().take(MAX_CELL_CHARS).collect()
}

fn parse_bool(value: &str) -> Result<bool, RowProblem> {
    match fold(value).as_str() {
        "" | "non" | "no" | "n" | "false" | "faux" | "0" | "-" => Ok(false),
        "oui" | "yes" | "o" | "y" | "true" | "vrai" | "1" | "x" => Ok(true),
        _ => Err(RowProblem::NotYesNo(value.trim().to_owned())),
    }
}

/// A commissioning date as inventories write it (`08/07/16`, `8 juillet 2016`, `2016-07-08`);
/// empty, « inconnue » or « ? »: unknown.
fn parse_commissioned(value: &str) -> Result<Option<crate::model::Date>, RowProblem> {
    match fold(value).as_str() {
        "" | "inconnue" | "inconnu" | "unknown" | "?" | "nc" | "n/c" | "-" => Ok(None),
        _ => crate::model::date_input::parse_typed(value.trim())
            .map(Some)
            .map_err(|_| RowProblem::NotADate(value.trim().to_owned())),
    }
}

/// Where the camera films, as open data and prefecture lists write it; empty: not said.
fn parse_setting(value: &str) -> Result<Option<CameraSetting>, RowProblem> {
    let folded = fold(value);
    match folded.trim_end_matches('.') {
        "" => Ok(None),
        "voie publique" | "vp" | "voirie" | "public road" | "public" => {
            Ok(Some(CameraSetting::PublicRoad))
        }
        "exterieur" | "ext" | "outside" | "outdoor" => Ok(Some(CameraSetting::Outside)),
        "interieur" | "int" | "inside" | "indoor" => Ok(Some(CameraSetting::Inside)),
        _ => Err(RowProblem::NotASetting(value.trim().to_owned())),
    }
}

fn parse_kind(value: &str) -> Result<CameraKind, RowProblem> {
    let folded = fold(value);
    match folded.as_str() {
        "" | "fixe" | "fixed" => Ok(CameraKind::Fixed),
        "dome" | "ptz" | "dome mobile" | "mobile" => Ok(CameraKind::Ptz),
        "panoramique" | "panoramic" | "360" | "multicapteur" => Ok(CameraKind::Panoramic),
        "nomade" | "nomadic" | "deplacable" => Ok(CameraKind::Nomadic),
        _ => Err(RowProblem::NotAKind(value.trim().to_owned())),
    }
}

fn parse_purposes(value: &str) -> Result<Vec<PurposeKind>, RowProblem> {
    let mut purposes = Vec::new();
    for part in value
        .split([',', '/', '|', ' ', '+'])
        .map(str::trim)
        .filter(|p| !p.is_empty())
    {
        let folded = fold(part);
        let kind = if folded.starts_with("stat") {
            PurposeKind::AnonymousStatistics
        } else if folded.starts_with("erp") {
            PurposeKind::OpenToPublic
        } else if folded.starts_with("com") {
            PurposeKind::ShopSurroundings
        } else if folded.starts_with("l223") || folded.starts_with("l.223") {
            PurposeKind::TerrorismSurroundings
        } else if folded.starts_with("autre") || folded.starts_with("other") {
            PurposeKind::Other
        } else {
            let number: u8 = folded
                .trim_end_matches(['°', 'o', 'º'])
                .parse()
                .map_err(|_| RowProblem::NotAPurpose(part.to_owned()))?;
            let index = usize::from(number)
                .checked_sub(1)
                .filter(|i| *i < 11)
                .ok_or_else(|| RowProblem::PurposeOutOfRange(part.to_owned()))?;
            PurposeKind::ALL[index]
        };
        if !purposes.contains(&kind) {
            purposes.push(kind);
        }
    }
    Ok(purposes)
}

/// A number of a cell (a decimal comma is read as a point, as French spreadsheets write it),
/// `None` when empty, an error when not a number or outside `range`.
fn parse_number(value: &str, name: &str, range: (f64, f64)) -> Result<Option<f64>, RowProblem> {
    let value = value.trim();
    if value.is_empty() {
        return Ok(None);
    }
    let number: f64 = value
        .replace(',', ".")
        .parse()
        .map_err(|_| RowProblem::NotANumber {
            name: name.to_owned(),
            text: value.to_owned(),
        })?;
    if !number.is_finite() || number < range.0 || number > range.1 {
        return Err(RowProblem::OutOfRange {
            name: name.to_owned(),
            text: value.to_owned(),
            min: range.0.to_string(),
            max: range.1.to_string(),
        });
    }
    Ok(Some(number))
}

/// The position a row gives: x and y on the plan (both), or a position on Earth — latitude
/// and longitude (both), Lambert-93 x and y (both), or the two when they agree within
/// [`AGREEMENT_METRES`] (Lambert-93 is kept: municipal GIS keep it) — or nothing.
fn parse_place<'c>(cell: &impl Fn(CameraField) -> &'c str) -> Result<Option<CsvPlace>, RowProblem> {
    use crate::model::geo::{GeoPoint, LAMBERT93_X, LAMBERT93_Y};
    let side = f64::from(crate::model::site_plan::MAX_SIDE);
    let pair = |first: (CameraField, &str, (f64, f64)),
                second: (CameraField, &str, (f64, f64)),
                half: RowProblem| {
        let one = parse_number(cell(first.0), first.1, first.2)?;
        let two = parse_number(cell(second.0), second.1, second.2)?;
        match (one, two) {
            (Some(one), Some(two)) => Ok(Some((one, two))),
            (None, None) => Ok(None),
            _ => Err(half),
        }
    };
    let plan = pair(
        (CameraField::X, "x", (0.0, side)),
        (CameraField::Y, "y", (0.0, side)),
        RowProblem::HalfPlanPosition,
    )?;
    let degrees = pair(
        (CameraField::Longitude, "longitude", (-180.0, 180.0)),
        (CameraField::Latitude, "latitude", (-90.0, 90.0)),
        RowProblem::HalfGeoPosition,
    )?
    .map(|(longitude, latitude)| GeoPoint::Wgs84 {
        longitude,
        latitude,
    });
    let lambert = pair(
        (CameraField::XLambert93, "x_l93", LAMBERT93_X),
        (CameraField::YLambert93, "y_l93", LAMBERT93_Y),
        RowProblem::HalfLambertPosition,
    )?
    .map(|(x, y)| GeoPoint::Lambert93 { x, y });
    let geo = match (degrees, lambert) {
        (Some(degrees), Some(lambert)) => {
            let apart = degrees.metres_to(lambert);
            if apart > AGREEMENT_METRES {
                return Err(RowProblem::PositionsDisagree(apart.round() as u64));
            }
            Some(lambert)
        }
        (degrees, lambert) => lambert.or(degrees),
    };
    match (plan, geo) {
        (None, None) => Ok(None),
        (Some((x, y)), None) => Ok(Some(CsvPlace::Plan(crate::model::geometry::Point::new(
            x, y,
        )))),
        (None, Some(geo)) => Ok(Some(CsvPlace::Geo(geo))),
        (Some(_), Some(_)) => Err(RowProblem::TwoPositions),
    }
}

/// How far apart a row's latitude / longitude and Lambert-93 may be and still be one position,
/// in metres (open data often gives both, rounded).
pub const AGREEMENT_METRES: f64 = 10.0;

/// Turns the rows into cameras with `mapping`; `existing` ids count as taken.
pub fn preview(table: &CsvTable, mapping: &Mapping, existing: &[Camera]) -> ImportPreview {
    preview_with(table, mapping, &KindChoices::new(), existing, false)
}

/// The kind the user chose for a text of the type column (« Dôme » read as fixed, say),
/// instead of the one the import reads it as.
pub type KindChoices = std::collections::BTreeMap<String, CameraKind>;

/// [`preview`], the type column's texts in `kinds` read as the kind chosen there.
pub fn preview_with(
    table: &CsvTable,
    mapping: &Mapping,
    kinds: &KindChoices,
    existing: &[Camera],
    update_existing: bool,
) -> ImportPreview {
    let mut out = ImportPreview::default();
    let column = |field: CameraField| {
        mapping
            .iter()
            .find(|(f, _)| *f == field)
            .and_then(|(_, c)| *c)
    };
    let Some(id_column) = column(CameraField::Id) else {
        out.errors
            .push(RowError::new(1, vec![RowProblem::NoIdColumn]));
        return out;
    };
    let in_inventory: std::collections::HashMap<&str, &Camera> =
        existing.iter().map(|c| (c.camera_id.as_str(), c)).collect();
    let mut seen: std::collections::BTreeSet<String> = std::collections::BTreeSet::new();
    let mut readings: std::collections::BTreeMap<String, (CameraKind, usize)> =
        std::collections::BTreeMap::new();
    for (line, cells) in &table.rows {
        if let Some(kind) = cells.first().and_then(|c| c.strip_prefix(NOT_A_POINT)) {
            out.errors.push(RowError::new(
                *line,
                vec![RowProblem::NotAPoint(kind.to_owned())],
            ));
            continue;
        }
        if let Some(message) = cells.first().and_then(|c| c.strip_prefix('\u{0}')) {
            out.errors.push(RowError::new(
                *line,
                vec![RowProblem::Unreadable(message.to_owned())],
            ));
            continue;
        }
        let cell = |field: CameraField| {
            column(field)
                .and_then(|c| cells.get(c))
                .map_or("", String::as_str)
        };
        let id = cells.get(id_column).map_or("", String::as_str).trim();
        let mut problems = Vec::new();
        if id.is_empty() {
            problems.push(RowProblem::EmptyId);
        } else if in_inventory.contains_key(id) && !update_existing {
            problems.push(RowProblem::AlreadyInInventory(id.to_owned()));
        } else if !seen.insert(id.to_owned()) {
            problems.push(RowProblem::TwiceInFile(id.to_owned()));
        }
        let kind_text = cell(CameraField::Kind).trim();
        let kind = match kinds.get(kind_text) {
            Some(chosen) => *chosen,
            None => parse_kind(kind_text).unwrap_or_else(|e| {
                problems.push(e);
                CameraKind::Fixed
            }),
        };
        let mut flag = |field: CameraField| {
            parse_bool(cell(field)).unwrap_or_else(|e| {
                problems.push(e);
                false
            })
        };
        let is_analytics_coupled = flag(CameraField::Analytics);
        let views_dwellings = flag(CameraField::Dwellings);
        let has_privacy_masking = flag(CameraField::Masking);
        let purposes = parse_purposes(cell(CameraField::Purposes)).unwrap_or_else(|e| {
            problems.push(e);
            Vec::new()
        });
        let place = parse_place(&cell).unwrap_or_else(|e| {
            problems.push(e);
            None
        });
        let commissioned_on =
            parse_commissioned(cell(CameraField::Commissioned)).unwrap_or_else(|e| {
                problems.push(e);
                None
            });
        let setting = parse_setting(cell(CameraField::Setting)).unwrap_or_else(|e| {
            problems.push(e);
            None
        });
        let mut optional = |field: CameraField, name: &str, range: (f64, f64)| {
            parse_number(cell(field), name, range).unwrap_or_else(|e| {
                problems.push(e);
                None
            })
        };
        let direction = optional(CameraField::Direction, "direction", (-360.0, 360.0));
        let angle = optional(CameraField::Angle, "angle", (1.0, 360.0));
        let range = optional(CameraField::Range, "range", (1.0, 2_000.0));
        if problems.is_empty() {
            if let Some(place) = place {
                out.positions.push(CsvPosition {
                    camera_id: CameraId::new(id),
                    perimeter: cell(CameraField::Perimeter).trim().to_owned(),
                    place,
                    direction,
                    angle,
                    range,
                });
            }
            readings
                .entry(cell(CameraField::Kind).trim().to_owned())
                .or_insert((kind, 0))
                .1 += 1;
            let read = Camera {
                camera_id: CameraId::new(id),
                location: cell(CameraField::Location).to_owned(),
                perimeter: cell(CameraField::Perimeter).to_owned(),
                kind,
                is_analytics_coupled,
                purposes,
                views_dwellings,
                has_privacy_masking,
                notes: cell(CameraField::Notes).to_owned(),
                operator: cell(CameraField::Operator).trim().to_owned(),
                commissioned_on,
                setting,
                geo: match place {
                    Some(CsvPlace::Geo(geo)) => Some(geo),
                    _ => None,
                },
            };
            match in_inventory.get(id) {
                Some(had) => out
                    .updates
                    .push(updated(had, read, &|f| column(f).is_some())),
                None => {
                    if cell(CameraField::Location).trim().is_empty()
                        && cell(CameraField::Perimeter).trim().is_empty()
                    {
                        out.unlocated.push(CameraId::new(id));
                    }
                    out.cameras.push(read);
                }
            }
        } else {
            out.errors.push(RowError::new(*line, problems));
        }
    }
    out.kind_readings = readings
        .into_iter()
        .map(|(text, (kind, rows))| KindReading { text, kind, rows })
        .collect();
    out
}

/// The camera `had` of the inventory updated from its row `read`: each field a column of the
/// file fills (`is_mapped`) taken from the row, the others kept; a position only when the row
/// gives one.
fn updated(had: &Camera, read: Camera, is_mapped: &dyn Fn(CameraField) -> bool) -> Camera {
    let mut out = had.clone();
    if is_mapped(CameraField::Location) {
        out.location = read.location;
    }
    if is_mapped(CameraField::Perimeter) {
        out.perimeter = read.perimeter;
    }
    if is_mapped(CameraField::Kind) {
        out.kind = read.kind;
    }
    if is_mapped(CameraField::Analytics) {
        out.is_analytics_coupled = read.is_analytics_coupled;
    }
    if is_mapped(CameraField::Purposes) {
        out.purposes = read.purposes;
    }
    if is_mapped(CameraField::Dwellings) {
        out.views_dwellings = read.views_dwellings;
    }
    if is_mapped(CameraField::Masking) {
        out.has_privacy_masking = read.has_privacy_masking;
    }
    if is_mapped(CameraField::Notes) {
        out.notes = read.notes;
    }
    if is_mapped(CameraField::Operator) {
        out.operator = read.operator;
    }
    if is_mapped(CameraField::Commissioned) {
        out.commissioned_on = read.commissioned_on;
    }
    if is_mapped(CameraField::Setting) {
        out.setting = read.setting;
    }
    if read.geo.is_some() {
        out.geo = read.geo;
    }
    out
}

/// Reads and decodes the CSV file at `path` (see [`read`]). A file over [`MAX_CSV_BYTES`] is
/// refused from its size, before any of it is read.
pub fn read_file(path: &Path) -> Result<CsvTable, CsvFileError> {
    let bytes = read_bytes(path)?;
    read(&bytes).map_err(|source| CsvFileError::Table {
        path: path.to_owned(),
        source,
    })
}

/// The bytes of the camera file at `path` (a regular file), refused from its size when over
/// [`MAX_CSV_BYTES`], before any of it is read.
pub fn read_bytes(path: &Path) -> Result<Vec<u8>, CsvFileError> {
    let read_error = |source| CsvFileError::Read {
        path: path.to_owned(),
        source,
    };
    let file = crate::files::open_regular(path, u64::MAX)
        .map_err(|refusal| read_error(refusal.into_io()))?;
    let size = file.metadata().map_err(read_error)?.len();
    let max = MAX_CSV_BYTES as u64;
    if size > max {
        return Err(CsvFileError::Table {
            path: path.to_owned(),
            source: CsvError::TooLarge {
                size: usize::try_from(size).unwrap_or(usize::MAX),
                max: MAX_CSV_BYTES,
            },
        });
    }
    // The file may have grown since its size was taken: one byte past the cap is enough for
    // `read` to refuse it.
    let mut bytes = Vec::new();
    file.take(max + 1)
        .read_to_end(&mut bytes)
        .map_err(read_error)?;
    Ok(bytes)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn import(text: &[u8]) -> ImportPreview {
        let table = read(text).expect("readable");
        let mapping = guess_mapping(&table.header);
        preview(&table, &mapping, &[])
    }

    #[test]
    fn reads_a_semicolon_file_with_french_headers() {
        let csv = "Identifiant;Emplacement;Périmètre;Type;Analyse;Finalités\nCAM-1;place de l'Église;Centre;Dôme;oui;1°, 5°\nCAM-2;gare;Gare;fixe;non;3°\n";
        let result = import(csv.as_bytes());
        assert!(result.errors.is_empty(), "{:?}", result.errors);
        assert_eq!(result.cameras.len(), 2);
        assert_eq!(result.cameras[0].kind, CameraKind::Ptz);
        assert!(result.cameras[0].is_analytics_coupled);
        assert_eq!(
            result.cameras[0].purposes,
            [PurposeKind::Csi1, PurposeKind::Csi5]
        );
    }

    #[test]
    fn where_a_camera_films_is_read_as_written_and_refused_when_unreadable() {
        let csv = "Identifiant;Intérieur/Extérieur\nC1;Voie publique\nC2;ext.\nC3;intérieur\nC4;\nC5;toit\n";
        let result = import(csv.as_bytes());
        let settings: Vec<_> = result.cameras.iter().map(|c| c.setting).collect();
        assert_eq!(
            settings,
            [
                Some(CameraSetting::PublicRoad),
                Some(CameraSetting::Outside),
                Some(CameraSetting::Inside),
                None
            ]
        );
        assert_eq!(result.errors.len(), 1);
        assert_eq!(
            result.errors[0].problems,
            [RowProblem::NotASetting("toit".to_owned())]
        );
        // Written back by the inventory's export, read back the same.
        let written = crate::storage::camera_export::export(&result.cameras);
        let again = import(written.trim_start_matches('\u{feff}').as_bytes());
        let back: Vec<_> = again.cameras.iter().map(|c| c.setting).collect();
        assert_eq!(back, settings);
    }

    #[test]
    fn rows_of_cameras_already_there_update_only_what_the_file_fills_when_asked() {
        let had = Camera {
            camera_id: CameraId::new("46685"),
            location: "Concorde".to_owned(),
            purposes: vec![PurposeKind::Csi1],
            is_analytics_coupled: true,
            notes: "vue sur l'obélisque".to_owned(),
            ..Camera::default()
        };
        let table = read(
            "Numéro;Implantation;Date de mise en service;lat;lon\n\
             46685;Place de la Concorde;08/07/16;48.8656;2.3212\n\
             46686;Rue Royale;;;\n\
             46685;Encore;;;\n"
                .as_bytes(),
        )
        .expect("readable");
        let mapping = guess_mapping(&table.header);
        let refused = preview_with(
            &table,
            &mapping,
            &KindChoices::new(),
            std::slice::from_ref(&had),
            false,
        );
        assert_eq!(
            refused.errors[0].problems,
            [RowProblem::AlreadyInInventory("46685".to_owned())]
        );
        let kept = preview_with(
            &table,
            &mapping,
            &KindChoices::new(),
            std::slice::from_ref(&had),
            true,
        );
        assert_eq!(kept.cameras.len(), 1, "46686 is new");
        assert_eq!(kept.updates.len(), 1);
        let updated = &kept.updates[0];
        assert_eq!(updated.location, "Place de la Concorde");
        assert_eq!(
            updated.commissioned_on,
            crate::model::Date::from_ymd(2016, 7, 8)
        );
        assert!(updated.geo.is_some());
        assert_eq!(
            (
                &updated.purposes,
                updated.is_analytics_coupled,
                &updated.notes
            ),
            (&had.purposes, true, &had.notes),
            "what the file does not fill is kept"
        );
        assert_eq!(
            kept.errors[0].problems,
            [RowProblem::TwiceInFile("46685".to_owned())],
            "a second row for it is still refused"
        );
    }

    #[test]
    fn lambert_93_columns_are_told_from_plan_pixels() {
        let column = |titles: &[&str], field| {
            let header: Vec<String> = titles.iter().map(|s| (*s).to_owned()).collect();
            guess_mapping(&header)
                .into_iter()
                .find(|(f, _)| *f == field)
                .and_then(|(_, c)| c)
        };
        let gis = ["id", "X_L93", "Y_L93", "x", "y"];
        assert_eq!(column(&gis, CameraField::XLambert93), Some(1));
        assert_eq!(column(&gis, CameraField::YLambert93), Some(2));
        assert_eq!(
            column(&gis, CameraField::X),
            Some(3),
            "x_l93 is no plan pixel"
        );
        let words = [
            "Coordonnée Y (Lambert 93)",
            "Coordonnée X (Lambert 93)",
            "code_postal",
        ];
        assert_eq!(column(&words, CameraField::XLambert93), Some(1));
        assert_eq!(column(&words, CameraField::YLambert93), Some(0));
        assert_eq!(column(&words, CameraField::X), None);
        assert_eq!(column(&words, CameraField::Perimeter), Some(2));
        assert_eq!(column(&["xl93", "yl93"], CameraField::YLambert93), Some(1));
        assert_eq!(column(&["x_2154"], CameraField::XLambert93), Some(0));
        assert_eq!(column(&["lambert"], CameraField::XLambert93), None);
    }

    #[test]
    fn french_open_data_headers_are_guessed() {
        // The header of the Paris video-protection locations published as open data.
        let header: Vec<String> = [
            "Code postal",
            "Numéro",
            "Implantation",
            "Précision de l’implantation",
            "Date de mise en service",
            "lon",
            "lat",
        ]
        .iter()
        .map(|s| (*s).to_owned())
        .collect();
        let mapping = guess_mapping(&header);
        let column = |field| {
            mapping
                .iter()
                .find(|(f, _)| *f == field)
                .and_then(|(_, c)| *c)
        };
        assert_eq!(column(CameraField::Perimeter), Some(0));
        assert_eq!(column(CameraField::Id), Some(1));
        assert_eq!(column(CameraField::Location), Some(2));
        assert_eq!(column(CameraField::Longitude), Some(5));
        assert_eq!(column(CameraField::Latitude), Some(6));
    }

    #[test]
    fn reads_a_windows_1252_comma_file() {
        let mut bytes = b"id,location,perimeter\nCAM-9,all".to_vec();
        bytes.push(0xE9); // « é » in Windows-1252
        bytes.extend_from_slice(b"e des Tilleuls,Centre\n");
        let table = read(&bytes).expect("readable");
        assert!(table.was_windows_1252);
        assert_eq!(table.separator, b',');
        let result = preview(&table, &guess_mapping(&table.header), &[]);
        assert_eq!(result.cameras[0].location, "allée des Tilleuls");
    }

    #[test]
    fn a_bad_row_is_refused_with_its_line_and_the_others_kept() {
        let csv =
            "id;type;finalités\nA;fixe;1°\nB;hélicoptère;2°\nC;fixe;14°\nA;fixe;1°\nD;fixe;stat\n";
        let result = import(csv.as_bytes());
        let lines: Vec<u64> = result.errors.iter().map(|e| e.line).collect();
        assert_eq!(lines, [3, 4, 5]);
        assert!(
            result.errors[0].message.contains("hélicoptère"),
            "{}",
            result.errors[0].message
        );
        assert!(result.errors[2].message.contains("twice"));
        let ids: Vec<&str> = result
            .cameras
            .iter()
            .map(|c| c.camera_id.as_str())
            .collect();
        assert_eq!(ids, ["A", "D"]);
    }

    #[test]
    fn an_open_data_inventory_keeps_its_commissioning_dates() {
        // The Paris bulletin's columns and date form; « inconnue » is unknown, not an error.
        let csv = "Numéro;Implantation;Code postal;Date de mise en service\n46685;Place de la Concorde;75008;08/07/16\n46686;Rue de Rivoli;75001;inconnue\n46687;Quai;75004;le 31 février\n";
        let result = import(csv.as_bytes());
        assert_eq!(result.cameras.len(), 2);
        assert_eq!(
            result.cameras[0].commissioned_on,
            crate::model::Date::from_ymd(2016, 7, 8)
        );
        assert_eq!(result.cameras[1].commissioned_on, None);
        assert_eq!(result.cameras[0].perimeter, "75008");
        assert_eq!(result.cameras[0].location, "Place de la Concorde");
        assert_eq!(result.errors.len(), 1);
        assert_eq!(
            result.errors[0].problems,
            [RowProblem::NotADate("le 31 février".to_owned())]
        );
        // And back: the export writes the date, the import reads it again.
        let again = import(export(&result.cameras).as_bytes());
        assert_eq!(again.cameras, result.cameras);
    }

    #[test]
    fn export_then_import_gives_the_same_cameras() {
        let sample = crate::sample::sample().expect("sample");
        let text = export(&sample.cameras);
        let result = import(text.as_bytes());
        assert!(result.errors.is_empty(), "{:?}", result.errors);
        assert_eq!(result.cameras, *sample.cameras);
    }

    #[test]
    fn every_purpose_survives_an_export_and_an_import() {
        let cameras = vec![Camera {
            camera_id: crate::model::CameraId::new("A"),
            purposes: PurposeKind::ALL.to_vec(),
            ..Camera::default()
        }];
        let result = import(export(&cameras).as_bytes());
        assert!(result.errors.is_empty(), "{:?}", result.errors);
        assert_eq!(
            result.cameras, cameras,
            "an « other » purpose must not come back as statistics"
        );
    }

    #[test]
    fn a_written_file_reads_back_and_a_missing_or_oversized_one_names_itself() {
        let dir = tempfile::tempdir().expect("temp dir");
        let path = dir.path().join("cameras.csv");
        let sample = crate::sample::sample().expect("sample");
        write_file(&path, &sample.cameras).expect("written");
        let table = read_file(&path).expect("read back");
        let result = preview(&table, &guess_mapping(&table.header), &[]);
        assert_eq!(result.cameras, *sample.cameras);

        let missing = dir.path().join("absent.csv");
        match read_file(&missing) {
            Err(CsvFileError::Read { path, source }) => {
                assert_eq!(path, missing);
                assert_eq!(source.kind(), std::io::ErrorKind::NotFound);
            }
            other => panic!("expected a read error, got {other:?}"),
        }

        // A sparse file: its size is over the cap without writing 16 MB.
        let big = dir.path().join("big.csv");
        std::fs::File::create(&big)
            .and_then(|f| f.set_len(MAX_CSV_BYTES as u64 + 1))
            .expect("sparse file");
        assert!(matches!(
            read_file(&big),
            Err(CsvFileError::Table {
                source: CsvError::TooLarge { .. },
                ..
            })
        ));
    }

    #[test]
    fn refuses_an_empty_or_oversized_file() {
        assert_eq!(read(b"").err(), Some(CsvError::Empty));
        let big = vec![b'a'; MAX_CSV_BYTES + 1];
        assert!(matches!(read(&big), Err(CsvError::TooLarge { .. })));
    }
}
