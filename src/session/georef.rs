//! Georeferencing a plan: its pixels tied to positions on Earth by a world file (`.pgw`,
//! `.jgw`, `.wld`: what a GIS writes beside a picture it exports), read within a small cap, or
//! found beside the background picture when it is attached. The cameras whose position on
//! Earth is known then land on the picture (`edit::Edit::SetGeoref`); what moved, what was
//! placed and what fell off the sheet is reported.

use std::path::{Path, PathBuf};

use super::Session;
use crate::edit::{self, Edit};
use crate::model::geo::WorldFileError;
use crate::model::{CameraId, Georef, PlanId};

/// The largest world file read: six numbers take under 200 bytes.
const MAX_BYTES: u64 = 4096;

/// The extensions of a picture's world file, tried in turn beside it (`plan.png` →
/// `plan.pgw`, `plan.pngw`, `plan.wld`; `plan.jpg` → `plan.jgw`, `plan.jpgw`…).
fn world_extensions(picture: &Path) -> Vec<String> {
    let ext = picture
        .extension()
        .and_then(|e| e.to_str())
        .unwrap_or_default()
        .to_ascii_lowercase();
    let mut out = Vec::new();
    if let (Some(first), Some(last)) = (ext.chars().next(), ext.chars().last()) {
        out.push(format!("{first}{last}w"));
        out.push(format!("{ext}w"));
    }
    out.push("wld".to_owned());
    out
}

/// The world file beside `picture`, when there is one.
pub fn world_file_beside(picture: &Path) -> Option<PathBuf> {
    world_extensions(picture)
        .into_iter()
        .flat_map(|ext| [ext.clone(), ext.to_ascii_uppercase()])
        .map(|ext| picture.with_extension(ext))
        .find(|candidate| candidate.is_file())
}

/// Why a world file gave no georeference; each names the file.
#[derive(Debug, thiserror::Error)]
pub enum WorldFileReadError {
    /// The file could not be read (missing, a folder, too large…).
    #[error("{path}: {source}")]
    Io {
        /// The file.
        path: PathBuf,
        /// What the system said.
        source: std::io::Error,
    },
    /// The file says nothing usable.
    #[error("{path}: {source}")]
    Content {
        /// The file.
        path: PathBuf,
        /// What is wrong.
        source: WorldFileError,
    },
}

/// Reads the world file at `path`.
pub fn read_world_file(path: &Path) -> Result<Georef, WorldFileReadError> {
    let bytes =
        crate::files::read_capped(path, MAX_BYTES).map_err(|refusal| WorldFileReadError::Io {
            path: path.to_owned(),
            source: refusal.into_io(),
        })?;
    Georef::from_world_file(&String::from_utf8_lossy(&bytes)).map_err(|source| {
        WorldFileReadError::Content {
            path: path.to_owned(),
            source,
        }
    })
}

/// What georeferencing a plan did to its cameras.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct GeorefPlaced {
    /// Cameras already on the plan, moved where their position falls.
    pub moved: usize,
    /// Cameras of the plan's perimeters put on it from their position.
    pub placed: usize,
    /// Cameras of its perimeters whose position falls outside the sheet: taken off it, or not
    /// put on it.
    pub off_sheet: Vec<CameraId>,
}

impl Session {
    /// Georeferences the plan `plan` with `georef` (`None`: no longer) and says what its
    /// cameras did (see `Edit::SetGeoref`).
    pub fn georeference_plan(&mut self, plan: &PlanId, georef: Option<Georef>) -> GeorefPlaced {
        let before = self
            .assessment
            .plans
            .iter()
            .find(|p| &p.plan_id == plan)
            .map(|p| p.placements.clone())
            .unwrap_or_default();
        edit::apply(
            &mut self.assessment,
            &self.kb,
            &Edit::SetGeoref(plan.clone(), georef),
        );
        let after = self
            .assessment
            .plans
            .iter()
            .find(|p| &p.plan_id == plan)
            .map(|p| p.placements.as_slice())
            .unwrap_or_default();
        let mut out = GeorefPlaced::default();
        for placement in after {
            match before.iter().find(|b| b.camera_id == placement.camera_id) {
                Some(was) if was.position != placement.position => out.moved += 1,
                Some(_) => {}
                None => out.placed += 1,
            }
        }
        out.off_sheet = before
            .iter()
            .filter(|b| !after.iter().any(|a| a.camera_id == b.camera_id))
            .map(|b| b.camera_id.clone())
            .collect();
        // And the cameras of its perimeters with a position, on no plan: theirs is off it.
        if georef.is_some() {
            let covers = |perimeter: &str| {
                self.assessment
                    .plans
                    .iter()
                    .any(|p| &p.plan_id == plan && p.covers(perimeter))
            };
            let on_a_plan = |camera: &CameraId| {
                self.assessment
                    .plans
                    .iter()
                    .any(|p| p.placement(camera).is_some())
            };
            for camera in self.assessment.cameras.iter() {
                if camera.geo.is_some()
                    && covers(&camera.perimeter)
                    && !on_a_plan(&camera.camera_id)
                    && !out.off_sheet.contains(&camera.camera_id)
                {
                    out.off_sheet.push(camera.camera_id.clone());
                }
            }
        }
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_pictures_world_file_is_found_beside_it() {
        let dir = tempfile::tempdir().expect("temp dir");
        let picture = dir.path().join("plan.png");
        assert_eq!(world_file_beside(&picture), None);
        std::fs::write(
            dir.path().join("plan.pgw"),
            "1\n0\n0\n-1\n652000\n6863000\n",
        )
        .expect("write");
        assert_eq!(
            world_file_beside(&picture),
            Some(dir.path().join("plan.pgw"))
        );
        let jpeg = dir.path().join("vue.jpeg");
        std::fs::write(dir.path().join("vue.jpegw"), "").expect("write");
        assert_eq!(world_file_beside(&jpeg), Some(dir.path().join("vue.jpegw")));
    }

    #[test]
    fn a_world_file_is_read_within_its_cap() {
        let dir = tempfile::tempdir().expect("temp dir");
        let path = dir.path().join("plan.pgw");
        std::fs::write(&path, "0.5\n0\n0\n-0.5\n652000.25\n6863999.75\n").expect("write");
        assert!(read_world_file(&path).is_ok());
        std::fs::write(&path, "1\n".repeat(5000)).expect("write");
        assert!(matches!(
            read_world_file(&path),
            Err(WorldFileReadError::Io { .. })
        ));
        std::fs::write(&path, "un\n").expect("write");
        assert!(matches!(
            read_world_file(&path),
            Err(WorldFileReadError::Content { .. })
        ));
    }
}
