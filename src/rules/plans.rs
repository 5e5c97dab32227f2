//! What the site plans show: which cameras see which zones, computed from the geometry
//! (`model::site_plan`), and whether the plans agree with the inventory. The sightings are
//! computed once per evaluation.
//!
//! Emits R21 (dwellings viewed without masking: from the plan for a camera placed on one with a
//! scale, its « views dwellings » answer then derived; from its answers otherwise),
//! PLAN-SENSITIVE (a school, a place of worship, a health facility or private property in
//! view), PLAN-UNKNOWN-CAMERA (a camera placed that the inventory lacks), PLAN-UNPLACED (cameras
//! of a perimeter missing from its plan), PLAN-SCALE (a plan with cameras and no scale) and
//! PLAN-OPTICS-UNKNOWN (cameras placed whose direction, angle or range is not known: R21 could
//! not be computed from the plan for them).

use std::collections::{BTreeMap, BTreeSet};

use super::finding::{Finding, Severity};
use super::text::{self, Texts};
use crate::knowledge::Bilingual;
use crate::model::path;
use crate::model::{Assessment, CameraId, PlanId, SitePlan, ZoneKind};

/// How many items a finding lists before « … (+N) ».
const LISTED: usize = 12;

/// A zone a placed camera sees.
#[derive(Clone, Debug, PartialEq)]
pub struct Sighting {
    /// The plan.
    pub plan_id: PlanId,
    /// The zone's name (or its id when unnamed).
    pub zone: String,
    /// What the zone is.
    pub kind: ZoneKind,
    /// Some of what the camera sees of it is outside its masks.
    pub is_unmasked: bool,
}

/// Every camera placed on a plan that has a scale, with its optics known, with the zones it
/// sees (possibly none). The cameras listed here have their « views dwellings » answer derived
/// from the plan; a camera whose direction, angle or range is unknown is judged on its answers.
pub fn sightings(a: &Assessment) -> BTreeMap<CameraId, Vec<Sighting>> {
    let mut out: BTreeMap<CameraId, Vec<Sighting>> = BTreeMap::new();
    for plan in a.plans.iter().filter(|p| p.scale().is_some()) {
        for placement in plan.placements.iter().filter(|p| !p.optics_unknown) {
            let seen = out.entry(placement.camera_id.clone()).or_default();
            for (zone, is_unmasked) in plan.zones_in_view(placement) {
                seen.push(Sighting {
                    plan_id: plan.plan_id.clone(),
                    zone: if zone.label.trim().is_empty() {
                        zone.zone_id.to_string()
                    } else {
                        zone.label.trim().to_owned()
                    },
                    kind: zone.kind,
                    is_unmasked,
                });
            }
        }
    }
    out
}

/// The schools and health facilities in view outside the masks, named « CAM-04 → École Jules
/// Ferry », sorted, each once: people more vulnerable than the general public (WP248
/// criterion 7), for C7 and PLAN-VULNERABLE alike.
pub fn vulnerable_places(seen: &BTreeMap<CameraId, Vec<Sighting>>) -> Vec<String> {
    let mut out: Vec<String> = seen
        .iter()
        .flat_map(|(camera, sightings)| {
            sightings
                .iter()
                .filter(|s| s.is_unmasked && matches!(s.kind, ZoneKind::School | ZoneKind::Health))
                .map(move |s| format!("{camera} → {}", s.zone))
        })
        .collect();
    out.sort();
    out.dedup();
    out
}

/// The cameras placed on a plan with a scale that see a dwelling zone unmasked, with the
/// zones' names and the plan: the geometric half of R21.
pub fn dwelling_exposure(
    sightings: &BTreeMap<CameraId, Vec<Sighting>>,
) -> Vec<(CameraId, PlanId, Vec<String>)> {
    sightings
        .iter()
        .filter_map(|(camera, seen)| {
            let zones: Vec<&Sighting> = seen
                .iter()
                .filter(|s| s.kind == ZoneKind::Dwelling && s.is_unmasked)
                .collect();
            let first = zones.first()?;
            Some((
                camera.clone(),
                first.plan_id.clone(),
                zones.iter().map(|s| s.zone.clone()).collect(),
            ))
        })
        .collect()
}

fn listed(items: Vec<String>) -> Bilingual {
    let mut text = items
        .iter()
        .take(LISTED)
        .cloned()
        .collect::<Vec<_>>()
        .join(", ");
    if items.len() > LISTED {
        text.push_str(&format!(" … (+{})", items.len() - LISTED));
    }
    Bilingual::same(text)
}

/// The findings of the plans, and R21 for every camera (from its plan when it is placed on one
/// with a scale, from its answers otherwise).
pub fn plans(a: &Assessment, texts: Texts) -> Vec<Finding> {
    plans_with(a, texts, &sightings(a))
}

/// [`plans`] from sightings already computed.
pub fn plans_with(
    a: &Assessment,
    texts: Texts,
    seen: &BTreeMap<CameraId, Vec<Sighting>>,
) -> Vec<Finding> {
    let mut out = Vec::new();
    r21(a, seen, texts, &mut out);
    if a.plans.is_empty() {
        return out;
    }
    let mut sensitive = Vec::new();
    let mut sensitive_fields = Vec::new();
    for (camera, sightings) in seen {
        for s in sightings.iter().filter(|s| s.kind.is_sensitive_place()) {
            let kind = texts.phrase(zone_phrase(s.kind), &[]);
            sensitive.push((camera.to_string(), s.zone.clone(), kind));
            sensitive_fields.push(path::placement(&s.plan_id, camera, None));
        }
    }
    // « No vulnerable people filmed » while a school or a health facility is in view.
    let vulnerable = vulnerable_places(seen);
    if a.screening.films_vulnerable_people == Some(false) && !vulnerable.is_empty() {
        out.push(texts.finding(
            "PLAN-VULNERABLE",
            Severity::Medium,
            &[("places", listed(vulnerable))],
            vec![path::screening::FILMS_VULNERABLE_PEOPLE],
        ));
    }
    if !sensitive.is_empty() {
        let text = |pick: fn(&Bilingual) -> &str| {
            sensitive
                .iter()
                .map(|(camera, zone, kind)| format!("{camera} → {zone} ({})", pick(kind)))
                .collect::<Vec<_>>()
        };
        let (fr, en) = (text(|b| &b.fr), text(|b| &b.en));
        let both = Bilingual {
            fr: listed(fr).fr,
            en: listed(en).en,
        };
        sensitive_fields.dedup();
        out.push(texts.finding(
            "PLAN-SENSITIVE",
            Severity::Info,
            &[("count", text::number(sensitive.len())), ("places", both)],
            sensitive_fields,
        ));
    }
    let inventory: BTreeSet<&CameraId> = a.cameras.iter().map(|c| &c.camera_id).collect();
    let placed: BTreeSet<&CameraId> = a
        .plans
        .iter()
        .flat_map(|p| p.placements.iter().map(|pl| &pl.camera_id))
        .collect();
    for plan in &a.plans {
        unknown_cameras(plan, &inventory, texts, &mut out);
        if !plan.placements.is_empty() && plan.scale().is_none() {
            out.push(texts.finding(
                "PLAN-SCALE",
                Severity::Medium,
                &[("plan", Bilingual::same(plan_name(plan)))],
                vec![path::plan(&plan.plan_id, "metres_per_pixel")],
            ));
        }
        let unknown_optics: Vec<String> = plan
            .placements
            .iter()
            .filter(|p| p.optics_unknown)
            .map(|p| p.camera_id.to_string())
            .collect();
        if !unknown_optics.is_empty() && plan.scale().is_some() {
            out.push(texts.finding(
                "PLAN-OPTICS-UNKNOWN",
                Severity::Medium,
                &[
                    ("plan", Bilingual::same(plan_name(plan))),
                    ("count", text::number(unknown_optics.len())),
                    ("cameras", listed(unknown_optics)),
                ],
                vec![path::plan(&plan.plan_id, "placements")],
            ));
        }
        if plan.placements.is_empty() {
            continue;
        }
        // Cameras placed here that belong to a perimeter the plan does not cover.
        let elsewhere: Vec<String> = plan
            .placements
            .iter()
            .filter_map(|p| a.cameras.iter().find(|c| c.camera_id == p.camera_id))
            .filter(|c| !plan.covers(&c.perimeter))
            .map(|c| format!("{} ({})", c.camera_id, c.perimeter.trim()))
            .collect();
        if !elsewhere.is_empty() {
            out.push(texts.finding(
                "PLAN-OTHER-PERIMETER",
                Severity::Medium,
                &[
                    ("plan", Bilingual::same(plan_name(plan))),
                    ("perimeter", Bilingual::same(plan.perimeter.trim())),
                    ("count", text::number(elsewhere.len())),
                    ("cameras", listed(elsewhere)),
                ],
                vec![
                    path::plan(&plan.plan_id, "perimeter"),
                    path::plan(&plan.plan_id, "placements"),
                ],
            ));
        }
        let missing: Vec<String> = a
            .cameras
            .iter()
            .filter(|c| !plan.perimeters().is_empty() && plan.covers(&c.perimeter))
            .filter(|c| !placed.contains(&c.camera_id))
            .map(|c| c.camera_id.to_string())
            .collect();
        if !missing.is_empty() {
            out.push(texts.finding(
                "PLAN-UNPLACED",
                Severity::Medium,
                &[
                    ("plan", Bilingual::same(plan_name(plan))),
                    ("count", text::number(missing.len())),
                    ("cameras", listed(missing)),
                ],
                vec![path::plan(&plan.plan_id, "placements")],
            ));
        }
    }
    out
}

/// The phrase naming a kind of zone.
pub fn zone_phrase(kind: ZoneKind) -> &'static str {
    match kind {
        ZoneKind::Dwelling => "plan.zone.dwelling",
        ZoneKind::School => "plan.zone.school",
        ZoneKind::Worship => "plan.zone.worship",
        ZoneKind::Health => "plan.zone.health",
        ZoneKind::PrivateProperty => "plan.zone.private_property",
    }
}

/// Emits R21 (cameras viewing dwellings without masking) and R21-PLAN (a sector on the plan
/// touching a dwelling outside the masks, not yet checked on the camera's image). A camera
/// placed on a plan with a scale is judged on the plan, then on what its image was found to
/// show; the others on their « views dwellings » and « masking » answers.
fn r21(
    a: &Assessment,
    sightings: &BTreeMap<CameraId, Vec<Sighting>>,
    texts: Texts,
    out: &mut Vec<Finding>,
) {
    // (camera id, what the finding says of it, the field that caused it)
    let mut exposed: Vec<(String, String, path::FieldPath)> = a
        .cameras
        .iter()
        .filter(|c| !sightings.contains_key(&c.camera_id))
        .filter(|c| c.views_dwellings && !c.has_privacy_masking)
        .map(|c| {
            let id = c.camera_id.to_string();
            let field = path::camera(&id, Some("has_privacy_masking"));
            (id.clone(), id, field)
        })
        .collect();
    // The plan alone shows a sector touching a dwelling's footprint, which proves neither a view
    // of its inside nor of an entrance: to verify on the camera's image (R21-PLAN, high) until
    // someone records what the image shows. Confirmed: R21 (blocking); cleared: nothing.
    let mut to_verify: Vec<(String, String, path::FieldPath)> = Vec::new();
    for (camera, plan, zones) in dwelling_exposure(sightings) {
        let id = camera.to_string();
        let check = a
            .plans
            .iter()
            .find(|p| p.plan_id == plan)
            .and_then(|p| p.placement(&camera))
            .and_then(|p| p.view_check.as_ref());
        match check {
            Some(check) if !check.sees_inside_or_entrance => {}
            Some(_) => exposed.push((
                id.clone(),
                format!("{id} → {}", zones.join(" / ")),
                path::placement(plan, id, Some("masks")),
            )),
            None => to_verify.push((
                id.clone(),
                format!("{id} → {}", zones.join(" / ")),
                path::placement(plan, id, Some("view_check")),
            )),
        }
    }
    if !to_verify.is_empty() {
        to_verify.sort();
        out.push(texts.finding(
            "R21-PLAN",
            Severity::High,
            &[
                ("count", text::number(to_verify.len())),
                (
                    "cameras",
                    listed(to_verify.iter().map(|(_, t, _)| t.clone()).collect()),
                ),
            ],
            to_verify.into_iter().map(|(_, _, f)| f).collect(),
        ));
    }
    if exposed.is_empty() {
        return;
    }
    exposed.sort();
    let mut listed = exposed
        .iter()
        .take(LISTED)
        .map(|(_, text, _)| text.as_str())
        .collect::<Vec<_>>()
        .join(", ");
    if exposed.len() > LISTED {
        listed.push_str(&format!(" … (+{})", exposed.len() - LISTED));
    }
    let fields = exposed.iter().map(|(_, _, field)| field.clone()).collect();
    out.push(texts.finding(
        "R21",
        Severity::Blocking,
        &[
            ("count", text::number(exposed.len())),
            ("cameras", Bilingual::same(listed)),
        ],
        fields,
    ));
}

fn plan_name(plan: &SitePlan) -> String {
    if plan.title.trim().is_empty() {
        plan.plan_id.to_string()
    } else {
        plan.title.trim().to_owned()
    }
}

fn unknown_cameras(
    plan: &SitePlan,
    inventory: &BTreeSet<&CameraId>,
    texts: Texts,
    out: &mut Vec<Finding>,
) {
    let unknown: Vec<String> = plan
        .placements
        .iter()
        .filter(|p| !inventory.contains(&p.camera_id))
        .map(|p| p.camera_id.to_string())
        .collect();
    if unknown.is_empty() {
        return;
    }
    let fields = unknown
        .iter()
        .map(|id| path::placement(&plan.plan_id, id, None))
        .collect();
    out.push(texts.finding(
        "PLAN-UNKNOWN-CAMERA",
        Severity::Medium,
        &[
            ("plan", Bilingual::same(plan_name(plan))),
            ("cameras", listed(unknown)),
        ],
        fields,
    ));
}
