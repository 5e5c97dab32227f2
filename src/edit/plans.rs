//! The site plans' structural edits: plans, placed cameras, zones, masks, the background and
//! positions imported from a GIS file.

use super::{fresh_id, Edit};
use crate::model::{Assessment, Placement, PlanId, SitePlan, Zone, ZoneId};

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
                for (camera, at, direction, angle, range) in &sheet.cameras {
                    // Known only when the file gives all three.
                    let mut placement = Placement {
                        camera_id: camera.clone(),
                        position: *at,
                        optics_unknown: direction.is_none()
                            || angle.is_none_or(|a| a <= 0.0)
                            || range.is_none_or(|r| r <= 0.0),
                        ..Placement::default()
                    };
                    if let Some(d) = direction {
                        placement.direction_degrees = d.rem_euclid(360.0);
                    }
                    if let Some(angle) = angle.filter(|a| *a > 0.0) {
                        placement.angle_degrees = angle.min(360.0);
                    }
                    if let Some(range) = range.filter(|r| *r > 0.0) {
                        placement.range_metres = range;
                    }
                    plan.placements.push(placement);
                }
            }
        }
        _ => {}
    }
}

fn plan_mut<'a>(a: &'a mut Assessment, id: &PlanId) -> Option<&'a mut SitePlan> {
    a.plans.iter_mut().find(|p| &p.plan_id == id)
}
