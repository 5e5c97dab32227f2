//! Site plans: for a perimeter, a background (a GIS export or a scanned plan kept as an evidence
//! document, or a blank sheet) with a scale, the cameras placed on it with where they look, and
//! the zones drawn on it — dwellings, sensitive places, private property. What a camera sees is
//! then computed (`geometry`), not declared.

use serde::{Deserialize, Serialize};

use super::geometry::{self, Point};
use super::ids::{CameraId, EvidenceId, PlanId, ZoneId};

/// What a zone is.
#[derive(
    Clone, Copy, Debug, Default, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize,
)]
pub enum ZoneKind {
    /// Homes: windows and entrances no camera may view (CSI L.251-3).
    #[default]
    Dwelling,
    /// A school or a nursery.
    School,
    /// A place of worship.
    Worship,
    /// A hospital, a clinic, a medical centre.
    Health,
    /// Other private property (a courtyard, a car park).
    PrivateProperty,
}

impl ZoneKind {
    /// Every kind, in the order the editor offers them.
    pub const ALL: [ZoneKind; 5] = [
        ZoneKind::Dwelling,
        ZoneKind::School,
        ZoneKind::Worship,
        ZoneKind::Health,
        ZoneKind::PrivateProperty,
    ];

    /// True for the places whose presence in view the assessment must note (not dwellings,
    /// which R21 deals with).
    pub fn is_sensitive_place(self) -> bool {
        self != ZoneKind::Dwelling
    }
}

/// A zone drawn on a plan.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct Zone {
    /// Unique id on the plan.
    pub zone_id: ZoneId,
    /// What it is.
    pub kind: ZoneKind,
    /// Its name (« Résidence des Tilleuls », « École Jules-Ferry »).
    pub label: String,
    /// Its outline, in plan pixels.
    pub points: Vec<Point>,
}

/// A camera of the inventory placed on a plan.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct Placement {
    /// The camera (an id of the inventory).
    pub camera_id: CameraId,
    /// Where it is, in plan pixels.
    pub position: Point,
    /// Where it looks, in degrees clockwise from the top of the plan (0 up, 90 right).
    pub direction_degrees: f64,
    /// How wide it sees, in degrees; 360 for a PTZ's full reach.
    pub angle_degrees: f64,
    /// How far it usefully sees, in metres.
    pub range_metres: f64,
    /// The privacy masks configured on the camera, drawn on the plan (plan pixels).
    pub masks: Vec<Vec<Point>>,
    /// True while direction, angle and range are not known (a camera placed from coordinates,
    /// by a click or a drag): the three numbers above are then placeholders, never printed nor
    /// computed from — no field of view is drawn, R21 is not derived from the plan for it.
    /// Setting any of them in the editor makes them known.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub optics_unknown: bool,
    /// What was seen on the camera's own image about the dwellings its sector on the plan
    /// touches: a 2-D sector proves neither a view of the inside nor of an entrance (height,
    /// windows, what stands in between), so the plan alone only asks for this check.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub view_check: Option<ViewCheck>,
}

/// A check of a camera's image against the dwellings its plan sector touches (CSI L.251-3 bans
/// viewing the inside of dwellings and, specifically, their entrances).
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct ViewCheck {
    /// True: the image shows the inside or an entrance of a dwelling (confirmed); false: checked
    /// on the image, neither the inside nor an entrance is in view.
    pub sees_inside_or_entrance: bool,
    /// Who looked.
    pub by: String,
    /// When.
    pub on: Option<super::Date>,
}

impl Default for Placement {
    fn default() -> Self {
        Self {
            camera_id: CameraId::default(),
            position: Point::default(),
            direction_degrees: 0.0,
            angle_degrees: 60.0,
            range_metres: 30.0,
            masks: Vec::new(),
            optics_unknown: false,
            view_check: None,
        }
    }
}

/// A plan of one perimeter.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct SitePlan {
    /// Unique id in the assessment.
    pub plan_id: PlanId,
    /// Its title (« Centre-ville — plan de situation »).
    pub title: String,
    /// The perimeter of the prefectoral order it shows (as the cameras name it).
    pub perimeter: String,
    /// The background image, an evidence document (PNG or JPEG); `None`: a blank sheet.
    pub background: Option<EvidenceId>,
    /// The sheet's width in plan pixels (the image's width when there is one).
    pub width: u32,
    /// The sheet's height in plan pixels.
    pub height: u32,
    /// Metres per plan pixel, set by drawing a known distance; `None` until set.
    pub metres_per_pixel: Option<f64>,
    /// The cameras placed on it.
    pub placements: Vec<Placement>,
    /// The zones drawn on it.
    pub zones: Vec<Zone>,
    /// How its pixels map to positions on Earth (a world file, two known points, or the
    /// sheet an import of coordinates made); `None`: not georeferenced.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub georef: Option<super::Georef>,
}

impl Default for SitePlan {
    fn default() -> Self {
        Self {
            plan_id: PlanId::default(),
            title: String::new(),
            perimeter: String::new(),
            background: None,
            width: 2000,
            height: 1400,
            metres_per_pixel: None,
            placements: Vec::new(),
            zones: Vec::new(),
            georef: None,
        }
    }
}

/// Where an import of positions puts the cameras of a plan.
#[derive(Clone, Debug, PartialEq)]
pub struct GeoSheet {
    /// The sheet's width in pixels.
    pub width: u32,
    /// The sheet's height in pixels.
    pub height: u32,
    /// Metres per pixel.
    pub metres_per_pixel: f64,
    /// How the sheet's pixels map to positions on Earth.
    pub georef: Option<super::Georef>,
    /// Each camera: its point, its position on Earth, and its optics when known.
    pub cameras: Vec<GeoPlacement>,
}

/// A camera of an import: its id, its point, its position on Earth, and its direction, angle
/// and range when known.
#[derive(Clone, Debug, PartialEq)]
pub struct GeoPlacement {
    /// The camera.
    pub camera_id: CameraId,
    /// Its point on the sheet, in pixels.
    pub at: Point,
    /// Its position on Earth, as the file gave it.
    pub geo: Option<super::GeoPoint>,
    /// Where it looks, degrees clockwise from north, when given.
    pub direction: Option<f64>,
    /// Its angle of view in degrees, when given.
    pub angle: Option<f64>,
    /// Its range in metres, when given.
    pub range: Option<f64>,
}

/// The longest side a plan may have, in pixels (a background larger than that is refused).
pub const MAX_SIDE: u32 = 16_384;

/// The most points a zone or a mask may have. A plan drawn by hand or imported from a GIS has
/// tens or hundreds; what each camera sees is computed over every point, so a received file with
/// a 100,000-point zone would take seconds per camera: it is refused at load, naming the zone.
pub const MAX_POLYGON_POINTS: usize = 5_000;

/// The first zone or mask of `a` over [`MAX_POLYGON_POINTS`] points: its plan, the zone's id
/// or the masked camera's, whether it is a mask, and its number of points.
pub fn oversized_polygon(a: &super::Assessment) -> Option<(PlanId, String, bool, usize)> {
    for plan in &a.plans {
        for zone in &plan.zones {
            if zone.points.len() > MAX_POLYGON_POINTS {
                return Some((
                    plan.plan_id.clone(),
                    zone.zone_id.to_string(),
                    false,
                    zone.points.len(),
                ));
            }
        }
        for placement in &plan.placements {
            for mask in &placement.masks {
                if mask.len() > MAX_POLYGON_POINTS {
                    let camera = placement.camera_id.to_string();
                    return Some((plan.plan_id.clone(), camera, true, mask.len()));
                }
            }
        }
    }
    None
}

impl SitePlan {
    /// The perimeters the plan covers: its perimeter field split on « ; » (a plan of several
    /// perimeters), empty for a plan of the whole system.
    pub fn perimeters(&self) -> Vec<&str> {
        self.perimeter
            .split(';')
            .map(str::trim)
            .filter(|p| !p.is_empty())
            .collect()
    }

    /// True when the plan covers `perimeter` (every perimeter for a plan of the whole system).
    pub fn covers(&self, perimeter: &str) -> bool {
        let covered = self.perimeters();
        covered.is_empty() || covered.contains(&perimeter.trim())
    }

    /// The scale when it is a usable number (positive and finite).
    pub fn scale(&self) -> Option<f64> {
        self.metres_per_pixel.filter(|m| m.is_finite() && *m > 0.0)
    }

    /// The field of view of a placement as a polygon in plan pixels; empty without a scale or
    /// while its optics are unknown.
    pub fn field_of_view(&self, placement: &Placement) -> Vec<Point> {
        let Some(scale) = self.scale() else {
            return Vec::new();
        };
        if placement.optics_unknown {
            return Vec::new();
        }
        geometry::field_of_view(
            placement.position,
            placement.direction_degrees,
            placement.angle_degrees,
            placement.range_metres / scale,
        )
    }

    /// The zones a placed camera sees, with whether some of what it sees is unmasked.
    pub fn zones_in_view(&self, placement: &Placement) -> Vec<(&Zone, bool)> {
        let view = self.field_of_view(placement);
        if view.is_empty() {
            return Vec::new();
        }
        self.zones
            .iter()
            .filter(|z| geometry::polygons_meet(&view, &z.points))
            .map(|z| {
                (
                    z,
                    geometry::sees_uncovered(&view, &z.points, &placement.masks),
                )
            })
            .collect()
    }

    /// A scale bar at most `max_pixels` long on this plan: its length in metres (1, 2 or 5
    /// times a power of ten) and in plan pixels; `None` without a scale.
    pub fn scale_bar(&self, max_pixels: f64) -> Option<(f64, f64)> {
        let scale = self.scale()?;
        let metres = round_length(max_pixels * scale)?;
        Some((metres, metres / scale))
    }

    /// The placement of a camera, if it is on this plan.
    pub fn placement(&self, camera_id: &CameraId) -> Option<&Placement> {
        self.placements.iter().find(|p| &p.camera_id == camera_id)
    }
}

/// A scale bar's length as written on it, in SI units: « 100 m », « 2 km », « 0.5 m ».
pub fn length_text(metres: f64) -> String {
    if metres >= 1000.0 {
        format!("{} km", metres / 1000.0)
    } else {
        format!("{metres} m")
    }
}

/// The longest length of 1, 2 or 5 times a power of ten that is at most `max` (`None` when
/// `max` is not a positive number).
pub fn round_length(max: f64) -> Option<f64> {
    if !max.is_finite() || max <= 0.0 {
        return None;
    }
    let power = 10f64.powf(max.log10().floor());
    [5.0, 2.0, 1.0]
        .into_iter()
        .map(|m| m * power)
        .find(|length| *length <= max * (1.0 + 1e-9))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::geometry::tests::rect;

    #[test]
    fn a_scale_bar_is_a_round_length_that_fits() {
        assert_eq!(round_length(73.0), Some(50.0));
        assert_eq!(round_length(50.0), Some(50.0));
        assert_eq!(round_length(19.9), Some(10.0));
        assert_eq!(round_length(0.3), Some(0.2));
        assert_eq!(round_length(0.0), None);
        assert_eq!(round_length(f64::NAN), None);
        let plan = SitePlan {
            metres_per_pixel: Some(0.25),
            ..SitePlan::default()
        };
        // 400 pixels at 0.25 m a pixel is 100 m: a 100 m bar, 400 pixels long.
        assert_eq!(plan.scale_bar(400.0), Some((100.0, 400.0)));
        assert_eq!(plan.scale_bar(399.0), Some((50.0, 200.0)));
        assert_eq!(SitePlan::default().scale_bar(400.0), None);
    }

    #[test]
    fn the_range_in_metres_follows_the_scale() {
        let mut plan = SitePlan {
            metres_per_pixel: Some(0.5),
            zones: vec![Zone {
                zone_id: "Z-1".into(),
                label: "Résidence".into(),
                points: rect(150.0, 90.0, 20.0, 20.0),
                ..Zone::default()
            }],
            ..SitePlan::default()
        };
        let camera = Placement {
            camera_id: "CAM-1".into(),
            position: Point::new(100.0, 100.0),
            direction_degrees: 90.0,
            angle_degrees: 40.0,
            range_metres: 40.0, // 80 pixels at 0.5 m per pixel
            ..Placement::default()
        };
        assert_eq!(plan.zones_in_view(&camera).len(), 1);
        assert!(plan.zones_in_view(&camera)[0].1, "unmasked");
        plan.metres_per_pixel = Some(2.0); // 20 pixels: short of the house
        assert!(plan.zones_in_view(&camera).is_empty());
        plan.metres_per_pixel = None;
        assert!(
            plan.field_of_view(&camera).is_empty(),
            "no scale, no field of view"
        );
    }
}
