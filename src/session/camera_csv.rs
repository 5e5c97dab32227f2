//! The camera inventory to and from CSV files, against the open assessment. Reading a file gives
//! an import draft whose rows are checked against the cameras already there (an id taken is a
//! refused row); the assessment changes only when the user confirms the draft, as an
//! [`Edit::ImportCameras`]. Exporting writes the whole inventory atomically. The positions the
//! rows give (x/y on a plan, or latitude/longitude projected locally) are put on each
//! perimeter's plan with the cameras, a plan being added for a perimeter that has none.

use std::collections::BTreeMap;
use std::path::Path;

use super::geo_positions::GeoFileError;
use super::Session;
use crate::edit::{self, Edit};
use crate::interop::geojson::{self, GeoCamera};
use crate::knowledge::KnowledgeBase;
use crate::model::geometry::Point;
use crate::model::site_plan::MAX_SIDE;
use crate::model::{Assessment, Camera, CameraId, GeoPoint, PlanId};
use crate::storage::camera_csv::{
    self, CsvFileError, CsvPlace, CsvPosition, CsvTable, ImportPreview, Mapping,
};

/// Room left around the cameras when a blank sheet grows to take them, in pixels.
const SHEET_MARGIN: f64 = 100.0;

/// Why a position read from a CSV was not put on a plan.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum NotPlaced {
    /// The row names no perimeter, so no plan.
    NoPerimeter,
    /// x/y beyond the plan's background picture, or a position on Earth that falls outside a
    /// georeferenced picture.
    OffPicture,
    /// A position on Earth for a plan that is not georeferenced and already has cameras (they
    /// would not share a projection) or a background picture.
    PlanNotEmpty,
}

/// What placing a CSV's positions did.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct PositionsPlaced {
    /// How many cameras were put on a plan.
    pub placed: usize,
    /// The plans added for perimeters that had none, with the name a user reads (its title,
    /// else its perimeter).
    pub plans_added: Vec<(PlanId, String)>,
    /// The cameras whose position was not used, and why.
    pub not_placed: Vec<(CameraId, NotPlaced)>,
}

/// Puts `positions` on the plans of `a`: each camera on its perimeter's first plan (one is
/// added when the perimeter has none); x/y as given, a blank sheet growing to take them;
/// latitude/longitude projected locally onto an empty plan, which takes the projection's
/// sheet and scale, as a GeoJSON import does.
pub fn place_positions(
    a: &mut Assessment,
    kb: &KnowledgeBase,
    positions: &[CsvPosition],
) -> PositionsPlaced {
    let mut out = PositionsPlaced::default();
    let mut by_perimeter: BTreeMap<&str, Vec<&CsvPosition>> = BTreeMap::new();
    for position in positions {
        if position.perimeter.trim().is_empty() {
            out.not_placed
                .push((position.camera_id.clone(), NotPlaced::NoPerimeter));
        } else {
            by_perimeter
                .entry(position.perimeter.trim())
                .or_default()
                .push(position);
        }
    }
    for (perimeter, positions) in by_perimeter {
        let plan_id = match a.plans.iter().find(|p| p.perimeter.trim() == perimeter) {
            Some(plan) => plan.plan_id.clone(),
            None => {
                edit::apply(a, kb, &Edit::AddPlan(perimeter.to_owned()));
                let Some(added) = a.plans.last() else {
                    continue;
                };
                let name = if added.title.trim().is_empty() {
                    added.perimeter.trim().to_owned()
                } else {
                    added.title.trim().to_owned()
                };
                out.plans_added.push((added.plan_id.clone(), name));
                added.plan_id.clone()
            }
        };
        let mut on_plan = Vec::new();
        let mut on_earth = Vec::new();
        for position in positions {
            match position.place {
                CsvPlace::Plan(at) => on_plan.push((position, at)),
                CsvPlace::Geo(geo) => on_earth.push((position, geo)),
            }
        }
        on_plan.extend(place_on_earth(a, kb, &plan_id, &on_earth, &mut out));
        place_on_plan(a, kb, &plan_id, &on_plan, &mut out);
    }
    out
}

/// Points of the plan: as given, a blank sheet growing to take them.
fn place_on_plan(
    a: &mut Assessment,
    kb: &KnowledgeBase,
    plan_id: &PlanId,
    positions: &[(&CsvPosition, Point)],
    out: &mut PositionsPlaced,
) {
    for (position, at) in positions {
        let at = *at;
        let Some(plan) = a.plans.iter_mut().find(|p| &p.plan_id == plan_id) else {
            return;
        };
        let fits = at.x <= f64::from(plan.width) && at.y <= f64::from(plan.height);
        if (plan.background.is_some() && !fits) || at.x < 0.0 || at.y < 0.0 {
            out.not_placed
                .push((position.camera_id.clone(), NotPlaced::OffPicture));
            continue;
        }
        if !fits {
            let grow = |side: u32, coordinate: f64| {
                side.max(((coordinate + SHEET_MARGIN).ceil() as u32).min(MAX_SIDE))
            };
            plan.width = grow(plan.width, at.x);
            plan.height = grow(plan.height, at.y);
        }
        edit::apply(
            a,
            kb,
            &Edit::PlaceCamera(plan_id.clone(), position.camera_id.clone(), at),
        );
        if let Some(placement) = a
            .plans
            .iter_mut()
            .find(|p| &p.plan_id == plan_id)
            .and_then(|p| {
                p.placements
                    .iter_mut()
                    .find(|p| p.camera_id == position.camera_id)
            })
        {
            if let Some(direction) = position.direction {
                placement.direction_degrees = direction.rem_euclid(360.0);
            }
            if let Some(angle) = position.angle {
                placement.angle_degrees = angle;
            }
            if let Some(range) = position.range {
                placement.range_metres = range;
            }
            // Known only when the file gives all three; otherwise placeholders, said so.
            placement.optics_unknown = position.direction.is_none()
                || position.angle.is_none()
                || position.range.is_none();
        }
        out.placed += 1;
    }
}

/// Positions on Earth: through the plan's georeference when it has one (the points it gives
/// are returned, to be placed as points of the plan); else projected onto the plan when it is
/// empty and blank, which then takes the projection's sheet, scale and georeference.
fn place_on_earth<'p>(
    a: &mut Assessment,
    kb: &KnowledgeBase,
    plan_id: &PlanId,
    positions: &[(&'p CsvPosition, GeoPoint)],
    out: &mut PositionsPlaced,
) -> Vec<(&'p CsvPosition, Point)> {
    let Some(plan) = a.plans.iter().find(|p| &p.plan_id == plan_id) else {
        return Vec::new();
    };
    if positions.is_empty() {
        return Vec::new();
    }
    if let Some(georef) = plan.georef {
        let mut points = Vec::new();
        for (position, geo) in positions {
            match georef.to_plan(*geo) {
                Some(at) => points.push((*position, at)),
                None => out
                    .not_placed
                    .push((position.camera_id.clone(), NotPlaced::OffPicture)),
            }
        }
        return points;
    }
    if !plan.placements.is_empty() || plan.background.is_some() {
        out.not_placed.extend(
            positions
                .iter()
                .map(|(p, _)| (p.camera_id.clone(), NotPlaced::PlanNotEmpty)),
        );
        return Vec::new();
    }
    let cameras: Vec<GeoCamera> = positions
        .iter()
        .map(|(p, geo)| GeoCamera {
            camera_id: p.camera_id.clone(),
            position: *geo,
            direction: p.direction,
            angle: p.angle,
            range: p.range,
        })
        .collect();
    if let Some(projected) = geojson::project(&cameras, plan.width.max(2000)) {
        out.placed += projected.positions.len();
        edit::apply(
            a,
            kb,
            &Edit::ImportPositions(plan_id.clone(), projected.sheet()),
        );
    }
    Vec::new()
}

/// Why a camera file could not be read: as a CSV, or as the GeoJSON it looks like.
#[derive(Debug, thiserror::Error)]
pub enum CameraFileError {
    /// Unreadable, or not a usable CSV.
    #[error(transparent)]
    Csv(#[from] CsvFileError),
    /// A JSON file that is no usable GeoJSON.
    #[error(transparent)]
    GeoJson(#[from] GeoFileError),
}

/// True when the file's name says GeoJSON (`.geojson`, `.json`, any case).
pub fn is_geojson_name(path: &Path) -> bool {
    path.extension()
        .and_then(|e| e.to_str())
        .is_some_and(|e| e.eq_ignore_ascii_case("geojson") || e.eq_ignore_ascii_case("json"))
}

/// A camera CSV read and waiting for the user to check its mapping and confirm it.
#[derive(Clone, Debug, PartialEq)]
pub struct CsvImport {
    /// The file's header and rows.
    pub table: CsvTable,
    /// Which column fills which camera field (guessed from the header, then the user's).
    pub mapping: Mapping,
    /// The kinds the user chose for texts of the type column, over how they are read.
    pub kinds: camera_csv::KindChoices,
    /// The cameras the rows give with `mapping`, and the rows refused.
    pub preview: ImportPreview,
    /// Rows of cameras already in the inventory update them (the columns the file fills),
    /// instead of being refused.
    pub update_existing: bool,
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
            kinds: camera_csv::KindChoices::new(),
            preview,
            update_existing: false,
        }
    }

    /// Maps the rows again after the user changed `mapping` or a kind; the ids of `existing`
    /// count as taken.
    pub fn remap(&mut self, existing: &[Camera]) {
        self.preview = camera_csv::preview_with(
            &self.table,
            &self.mapping,
            &self.kinds,
            existing,
            self.update_existing,
        );
    }

    /// Maps the column titled `column` (as the file's header writes it, case and accents
    /// ignored) to `field`, instead of what was guessed; `false` when no column has that title.
    pub fn map_column(&mut self, column: &str, field: camera_csv::CameraField) -> bool {
        let wanted = crate::storage::camera_csv::fold(column);
        let Some(index) = self
            .table
            .header
            .iter()
            .position(|title| crate::storage::camera_csv::fold(title) == wanted)
        else {
            return false;
        };
        for (f, c) in &mut self.mapping {
            if *f == field {
                *c = Some(index);
            } else if *c == Some(index) {
                *c = None;
            }
        }
        true
    }

    /// The file's columns that no camera field reads, by their header: what the import leaves
    /// out.
    pub fn ignored_columns(&self) -> Vec<&str> {
        self.table
            .header
            .iter()
            .enumerate()
            .filter(|(index, title)| {
                !title.trim().is_empty() && !self.mapping.iter().any(|(_, c)| *c == Some(*index))
            })
            .map(|(_, title)| title.as_str())
            .collect()
    }
}

impl Session {
    /// Reads the camera file at `path` — a CSV, or a GIS's GeoJSON whose features become the
    /// rows (their properties the columns, their points longitude and latitude) — into an
    /// import draft checked against the inventory. Nothing in the assessment changes.
    pub fn read_cameras_csv(&self, path: &Path) -> Result<CsvImport, CameraFileError> {
        let bytes = camera_csv::read_bytes(path)?;
        let table = if camera_csv::is_json_object(&bytes) {
            let features =
                geojson::feature_table(&bytes).map_err(|source| GeoFileError::GeoJson {
                    path: path.to_owned(),
                    source,
                })?;
            CsvTable::of_features(features.header, features.rows)
        } else {
            camera_csv::read(&bytes).map_err(|source| CsvFileError::Table {
                path: path.to_owned(),
                source,
            })?
        };
        Ok(CsvImport::new(table, &self.assessment.cameras))
    }

    /// Imports the cameras of a confirmed CSV draft (and updates the inventory's when it was
    /// asked to) and puts the positions its rows give on the plans (see [`place_positions`]).
    pub fn import_cameras(&mut self, preview: &ImportPreview) -> PositionsPlaced {
        edit::apply(
            &mut self.assessment,
            &self.kb,
            &Edit::ImportCameras(preview.cameras.clone()),
        );
        if !preview.updates.is_empty() {
            edit::apply(
                &mut self.assessment,
                &self.kb,
                &Edit::UpdateCameras(preview.updates.clone()),
            );
        }
        place_positions(&mut self.assessment, &self.kb, &preview.positions)
    }

    /// Writes the whole inventory to `path` as CSV and returns how many cameras it holds. A
    /// failed write leaves the file that was there as it was.
    pub fn export_cameras_csv(&self, path: &Path) -> Result<usize, CsvFileError> {
        camera_csv::write_file(path, &self.assessment.cameras)?;
        Ok(self.assessment.cameras.len())
    }

    /// Writes the inventory to `path`: GeoJSON when its name ends in `.geojson` or `.json`
    /// (the cameras with a position on Earth), else CSV (all of them). Returns how many
    /// cameras were written and how many were left out for want of a position.
    pub fn export_cameras(&self, path: &Path) -> Result<(usize, usize), CsvFileError> {
        if is_geojson_name(path) {
            crate::storage::camera_geojson::write_file(path, &self.assessment)
        } else {
            self.export_cameras_csv(path).map(|count| (count, 0))
        }
    }
}
