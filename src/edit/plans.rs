//! The site plans' structural edits: plans, placed cameras, zones, masks, the background and
//! positions imported from a GIS file.

use super::{fresh_id, Edit};
use crate::model::geometry::Point;
use crate::model::site_plan::GeoPlacement;
use crate::model::{
    Assessment, CameraId, GeoPoint, Georef, Placement, PlanId, SitePlan, Zone, ZoneId,
};

/// Applies one of the plans' edits (any other edit is not this module's).
pub(super) fn apply(a: &mut Assessment, edit: &Edit) {
    match edit {
        Edit::AddPlan(perimeter) => {
            let plan_id = PlanId::new(fresh_id(
                |n| format!("PLAN-{n}"),
                a.plans.iter().map(|p| p.plan_id.as_str()),
            ));
            a.plans.push(SitePlan {
                plan_id,
                title: perimeter.clone(),
                perimeter: perimeter.clone(),
                ..SitePlan::default()
            });
        }
        Edit::RemovePlan(id) => a.plans.retain(|p| &p.plan_id != id),
        Edit::PlaceCamera(plan, camera, at) => {
            follow_on_earth(a, plan, camera, *at);
            if let Some(plan) = plan_mut(a, plan) {
                match plan.placements.iter_mut().find(|p| &p.camera_id == camera) {
                    Some(placement) => placement.position = *at,
                    // Where it looks is not known from a click or a drag: said so until set.
                    None => plan.placements.push(Placement {
                        camera_id: camera.clone(),
                        position: *at,
                        optics_unknown: true,
                        ..Placement::default()
                    }),
                }
            }
        }
        Edit::RemovePlacement(plan, camera) => {
            if let Some(plan) = plan_mut(a, plan) {
                plan.placements.retain(|p| &p.camera_id != camera);
            }
        }
        Edit::AddZone(plan, kind, label, points) => {
            if let Some(plan) = plan_mut(a, plan).filter(|_| points.len() >= 3) {
                let zone_id = ZoneId::new(fresh_id(
                    |n| format!("Z-{n}"),
                    plan.zones.iter().map(|z| z.zone_id.as_str()),
                ));
                plan.zones.push(Zone {
                    zone_id,
                    kind: *kind,
                    label: label.trim().to_owned(),
                    points: points.clone(),
                });
            }
        }
        Edit::RemoveZone(plan, zone) => {
            if let Some(plan) = plan_mut(a, plan) {
                plan.zones.retain(|z| &z.zone_id != zone);
            }
        }
        Edit::AddMask(plan, camera, points) => {
            if let Some(placement) = plan_mut(a, plan)
                .and_then(|p| p.placements.iter_mut().find(|p| &p.camera_id == camera))
                .filter(|_| points.len() >= 3)
            {
                placement.masks.push(points.clone());
            }
        }
        Edit::ClearMasks(plan, camera) => {
            if let Some(placement) = plan_mut(a, plan)
                .and_then(|p| p.placements.iter_mut().find(|p| &p.camera_id == camera))
            {
                placement.masks.clear();
            }
        }
        Edit::SetPlanBackground(plan, background, width, height) => {
            let max = crate::model::site_plan::MAX_SIDE;
            if let Some(plan) = plan_mut(a, plan) {
                let (width, height) = ((*width).clamp(1, max), (*height).clamp(1, max));
                if (plan.width, plan.height) != (width, height) {
                    plan.metres_per_pixel = None;
                }
                plan.background = background.clone();
                plan.width = width;
                plan.height = height;
            }
        }
        Edit::ImportPositions(plan, sheet) => {
            if let Some(plan) = plan_mut(a, plan).filter(|p| p.placements.is_empty()) {
                plan.width = sheet.width;
                plan.height = sheet.height;
                plan.metres_per_pixel = Some(sheet.metres_per_pixel);
                plan.georef = sheet.georef;
                for camera in &sheet.cameras {
                    plan.placements.push(imported_placement(camera));
                }
            }
            // The inventory keeps each position the file gave (one pass, not one per camera).
            let positions: std::collections::HashMap<&CameraId, GeoPoint> = sheet
                .cameras
                .iter()
                .filter_map(|c| Some((&c.camera_id, c.geo?)))
                .collect();
            if !positions.is_empty() {
                for record in a.cameras.iter_mut() {
                    if let Some(geo) = positions.get(&record.camera_id) {
                        record.geo = Some(*geo);
                    }
                }
            }
        }
        Edit::SetGeoref(plan, georef) => set_georef(a, plan, *georef),
        _ => {}
    }
}

/// The placement of a camera an import of positions gives; its optics known only when the
/// file gives all three.
fn imported_placement(camera: &GeoPlacement) -> Placement {
    let mut placement = Placement {
        camera_id: camera.camera_id.clone(),
        position: camera.at,
        optics_unknown: camera.direction.is_none()
            || camera.angle.is_none_or(|a| a <= 0.0)
            || camera.range.is_none_or(|r| r <= 0.0),
        ..Placement::default()
    };
    if let Some(d) = camera.direction {
        placement.direction_degrees = d.rem_euclid(360.0);
    }
    if let Some(angle) = camera.angle.filter(|a| *a > 0.0) {
        placement.angle_degrees = angle.min(360.0);
    }
    if let Some(range) = camera.range.filter(|r| *r > 0.0) {
        placement.range_metres = range;
    }
    placement
}

/// A camera put at `at` on a georeferenced plan stands there on Earth too: its position is
/// updated, in the system it was kept in (unless `at` is where its position already puts it,
/// so a position derived from the file is kept to the digit).
fn follow_on_earth(a: &mut Assessment, plan: &PlanId, camera: &CameraId, at: Point) {
    let Some(georef) = a
        .plans
        .iter()
        .find(|p| &p.plan_id == plan)
        .and_then(|p| p.georef)
    else {
        return;
    };
    let Some(record) = a.cameras.iter_mut().find(|c| &c.camera_id == camera) else {
        return;
    };
    let unmoved = record
        .geo
        .and_then(|geo| georef.to_plan(geo))
        .is_some_and(|was| was.distance(at) < 0.01);
    if !unmoved {
        let system = record.geo.map_or(georef.system, GeoPoint::system);
        let on_earth = georef.to_geo(at).in_system(system);
        record.geo = Some(GeoPoint::of_system(system, on_earth)).filter(|g| g.is_valid());
    }
}

/// Georeferences a plan (`None`: no longer): its scale follows, and each camera on it or of
/// its perimeters whose position on Earth is known goes where that position falls on the
/// sheet — taken off when it falls outside.
fn set_georef(a: &mut Assessment, plan_id: &PlanId, georef: Option<Georef>) {
    let positions: Vec<(CameraId, String, GeoPoint)> = a
        .cameras
        .iter()
        .filter_map(|c| Some((c.camera_id.clone(), c.perimeter.clone(), c.geo?)))
        .collect();
    let placed_elsewhere: std::collections::BTreeSet<CameraId> = a
        .plans
        .iter()
        .filter(|p| &p.plan_id != plan_id)
        .flat_map(|p| p.placements.iter().map(|c| c.camera_id.clone()))
        .collect();
    let Some(plan) = plan_mut(a, plan_id) else {
        return;
    };
    plan.georef = georef;
    let Some(georef) = georef else {
        return;
    };
    let centre = Point::new(f64::from(plan.width) / 2.0, f64::from(plan.height) / 2.0);
    let scale = georef.metres_per_pixel(centre);
    plan.metres_per_pixel = (scale.is_finite() && scale > 0.0).then_some(scale);
    let (width, height) = (f64::from(plan.width), f64::from(plan.height));
    let on_sheet = |at: &Point| at.x >= 0.0 && at.y >= 0.0 && at.x <= width && at.y <= height;
    for (camera, perimeter, geo) in positions {
        let at = georef.to_plan(geo).filter(on_sheet);
        let index = plan.placements.iter().position(|p| p.camera_id == camera);
        match (index, at) {
            (Some(index), Some(at)) => plan.placements[index].position = at,
            (Some(index), None) => {
                plan.placements.remove(index);
            }
            (None, Some(at)) if plan.covers(&perimeter) && !placed_elsewhere.contains(&camera) => {
                plan.placements.push(Placement {
                    camera_id: camera,
                    position: at,
                    optics_unknown: true,
                    ..Placement::default()
                });
            }
            (None, _) => {}
        }
    }
}

fn plan_mut<'a>(a: &'a mut Assessment, id: &PlanId) -> Option<&'a mut SitePlan> {
    a.plans.iter_mut().find(|p| &p.plan_id == id)
}
