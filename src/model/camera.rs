//! The camera inventory: one row per camera, and the summary counts the rules and the dossier use.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

use super::ids::CameraId;
use super::processing::PurposeKind;

/// The physical kind of camera.
#[derive(
    Clone, Copy, Debug, Default, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize,
)]
pub enum CameraKind {
    /// A fixed camera: one field of view that no operator can steer.
    #[default]
    Fixed,
    /// Pan-tilt-zoom (dome) camera that an operator can steer.
    Ptz,
    /// Multi-sensor / panoramic camera.
    Panoramic,
    /// Nomadic camera moved between sites.
    Nomadic,
}

/// Where a camera films, as the prefecture's form counts them: inside a building, outside on
/// private ground (a place open to the public, its car park), or the public road.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub enum CameraSetting {
    /// Films the public road (the public highway).
    PublicRoad,
    /// Outside, on private ground open to the public or not.
    Outside,
    /// Inside a building.
    Inside,
}

impl CameraSetting {
    /// Every setting, in the order the app offers them.
    pub const ALL: [CameraSetting; 3] = [
        CameraSetting::PublicRoad,
        CameraSetting::Outside,
        CameraSetting::Inside,
    ];
}

/// One camera of the inventory.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct Camera {
    /// The controller's number for it, unique in the inventory.
    pub camera_id: CameraId,
    /// Where it is (street, building) — may be confidential in the public version.
    pub location: String,
    /// Perimeter it belongs to in the prefectoral order.
    pub perimeter: String,
    /// Fixed, PTZ, panoramic or nomadic.
    pub kind: CameraKind,
    /// Its stream goes to the analytics software.
    pub is_analytics_coupled: bool,
    /// Purposes it serves.
    pub purposes: Vec<PurposeKind>,
    /// Its field of view includes dwellings (windows, entrances).
    pub views_dwellings: bool,
    /// Private areas are masked irreversibly (L.251-3).
    pub has_privacy_masking: bool,
    /// Anything worth noting.
    pub notes: String,
    /// Who operates the camera when it is not the controller: a shopping centre, a transport
    /// operator, a landlord whose images the controller receives or indexes (a joint-controller
    /// arrangement is then asked for, GDPR art. 26). Empty for the controller's own cameras,
    /// which are the only ones its own orders must cover.
    #[serde(skip_serializing_if = "String::is_empty")]
    pub operator: String,
    /// When it was put into service, when known (open-data inventories give it: « Date de mise
    /// en service »); `None` when unknown.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub commissioned_on: Option<super::Date>,
    /// Where it stands on Earth, as the inventory's source gave it (longitude / latitude or
    /// Lambert-93), when known: the plans' pixels are derived from it through their
    /// georeference, and the inventory's exports write it back.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub geo: Option<super::GeoPoint>,
    /// Where it films: the public road, outside on private ground, or inside; `None` until
    /// said (the request to the prefect counts them).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub setting: Option<CameraSetting>,
}

impl Camera {
    /// The camera belongs to a third party (its operator is named), not to the controller.
    pub fn is_third_party(&self) -> bool {
        !self.operator.trim().is_empty()
    }
}

/// Counts over the inventory, for the rules, the summary and the dossier.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct InventorySummary {
    /// Cameras in the inventory.
    pub total: usize,
    /// Cameras whose stream goes to the analytics software.
    pub analytics_coupled: usize,
    /// Cameras that view dwellings with no masking.
    pub dwellings_unmasked: usize,
    /// Cameras per perimeter, sorted by perimeter name.
    pub per_perimeter: BTreeMap<String, usize>,
}

/// Computes the summary counts of an inventory.
pub fn summarise(cameras: &[Camera]) -> InventorySummary {
    let mut summary = InventorySummary {
        total: cameras.len(),
        ..InventorySummary::default()
    };
    for camera in cameras {
        if camera.is_analytics_coupled {
            summary.analytics_coupled += 1;
        }
        if camera.views_dwellings && !camera.has_privacy_masking {
            summary.dwellings_unmasked += 1;
        }
        *summary
            .per_perimeter
            .entry(camera.perimeter.clone())
            .or_default() += 1;
    }
    summary
}

/// Camera ids that appear more than once, sorted.
pub fn duplicate_ids(cameras: &[Camera]) -> Vec<CameraId> {
    let mut seen = BTreeMap::<&CameraId, usize>::new();
    for camera in cameras {
        *seen.entry(&camera.camera_id).or_default() += 1;
    }
    seen.into_iter()
        .filter(|(_, count)| *count > 1)
        .map(|(id, _)| id.clone())
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn camera(id: &str, perimeter: &str, coupled: bool) -> Camera {
        Camera {
            camera_id: CameraId::new(id),
            perimeter: perimeter.to_owned(),
            is_analytics_coupled: coupled,
            ..Camera::default()
        }
    }

    #[test]
    fn summary_counts_coupled_cameras_and_perimeters() {
        let cameras = vec![
            camera("A", "Centre", true),
            camera("B", "Centre", false),
            camera("C", "Gare", true),
        ];
        let summary = summarise(&cameras);
        assert_eq!(summary.total, 3);
        assert_eq!(summary.analytics_coupled, 2);
        assert_eq!(summary.per_perimeter.get("Centre"), Some(&2));
    }

    #[test]
    fn finds_duplicate_camera_ids() {
        let cameras = vec![
            camera("A", "", false),
            camera("B", "", false),
            camera("A", "", false),
        ];
        assert_eq!(duplicate_ids(&cameras), vec![CameraId::new("A")]);
    }
}
