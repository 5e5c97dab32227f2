//! Field paths: where an answer lives in the project file — `video_system.image_retention_days`,
//! `cameras[CAM-014].has_privacy_masking`, `plans[PLAN-1].placements[CAM-001].masks`. The rules
//! name the fields of a finding with them, the app goes to a field by them and highlights it,
//! « what changed » lists changes by them. They are built and read back here, in one place: the
//! part of the assessment a path starts in (`Section`, exhaustive, so an unknown path is seen as
//! unknown and never silently sent elsewhere) and the records inside a site plan.

use std::fmt::Display;

use super::ids::{CameraId, PlanId, ZoneId};

/// The part of the assessment a field path starts in: one per top-level field of the project
/// file that holds answers.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Section {
    /// `project`: the cover data.
    Project,
    /// `screening`: the nine criteria's questions.
    Screening,
    /// `processing`: purposes, actors, data.
    Processing,
    /// `video_system`: orders, retention, information, control centre, software, searches.
    VideoSystem,
    /// `cameras[ID]`: the inventory.
    Cameras,
    /// `capabilities[ID]`: the software's capabilities.
    Capabilities,
    /// `evidence[ID]`: the evidence locker.
    Evidence,
    /// `plans[ID]`: the site plans.
    Plans,
    /// `necessity`: necessity and proportionality.
    Necessity,
    /// `rights`: the people's rights.
    Rights,
    /// `answers[ID]`: the answers to the knowledge base's questions.
    Answers,
    /// `risks[ID]`: the risks.
    Risks,
    /// `measures[ID]`: the measures.
    Measures,
    /// `opinions`: the DPO's and others' opinions, the decision.
    Opinions,
    /// `history`: the validated versions and the review circuit.
    History,
}

impl Section {
    /// Every section, in the order of the project file.
    pub const ALL: [Section; 15] = [
        Section::Project,
        Section::Screening,
        Section::Processing,
        Section::VideoSystem,
        Section::Cameras,
        Section::Capabilities,
        Section::Evidence,
        Section::Plans,
        Section::Necessity,
        Section::Rights,
        Section::Answers,
        Section::Risks,
        Section::Measures,
        Section::Opinions,
        Section::History,
    ];

    /// Its name at the head of a path.
    pub fn key(self) -> &'static str {
        match self {
            Section::Project => "project",
            Section::Screening => "screening",
            Section::Processing => "processing",
            Section::VideoSystem => "video_system",
            Section::Cameras => "cameras",
            Section::Capabilities => "capabilities",
            Section::Evidence => "evidence",
            Section::Plans => "plans",
            Section::Necessity => "necessity",
            Section::Rights => "rights",
            Section::Answers => "answers",
            Section::Risks => "risks",
            Section::Measures => "measures",
            Section::Opinions => "opinions",
            Section::History => "history",
        }
    }

    /// The section `path` starts in; `None` for a path of no known section.
    pub fn of(path: &str) -> Option<Section> {
        let head = path.split(['.', '[']).next().unwrap_or("");
        Section::ALL.into_iter().find(|s| s.key() == head)
    }
}

/// A camera's field in the inventory: `cameras[ID]`, or `cameras[ID].FIELD`.
pub fn camera(camera: impl Display, field: Option<&str>) -> String {
    match field {
        Some(field) => format!("cameras[{camera}].{field}"),
        None => format!("cameras[{camera}]"),
    }
}

/// A site plan's own field: `plans[ID].FIELD`.
pub fn plan(plan: impl Display, field: &str) -> String {
    format!("plans[{plan}].{field}")
}

/// A camera placed on a plan: `plans[PLAN].placements[CAMERA]`, or one of its fields.
pub fn placement(plan: impl Display, camera: impl Display, field: Option<&str>) -> String {
    match field {
        Some(field) => format!("plans[{plan}].placements[{camera}].{field}"),
        None => format!("plans[{plan}].placements[{camera}]"),
    }
}

/// What a path inside a site plan points at.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum PlanItem {
    /// The plan itself (its title, scale, sheet, the list of its placements).
    Plan,
    /// A placed camera.
    Camera(CameraId),
    /// A zone.
    Zone(ZoneId),
}

/// The plan a path points into, and what in it: `plans[P].placements[C]…` → (P, camera C),
/// `plans[P].zones[Z]…` → (P, zone Z), `plans[P].scale` → (P, the plan); `None` for a path
/// outside the plans.
pub fn plan_item(path: &str) -> Option<(PlanId, PlanItem)> {
    let rest = path.strip_prefix("plans[")?;
    let (plan, rest) = rest.split_once(']')?;
    let inner = |prefix: &str| {
        rest.strip_prefix(prefix)
            .and_then(|r| r.split_once(']'))
            .map(|(id, _)| id.to_owned())
    };
    let item = inner(".placements[")
        .map(|id| PlanItem::Camera(CameraId::new(id)))
        .or_else(|| inner(".zones[").map(|id| PlanItem::Zone(ZoneId::new(id))))
        .unwrap_or(PlanItem::Plan);
    Some((PlanId::new(plan), item))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_path_is_read_back_as_it_was_built() {
        let (plan, camera) = (PlanId::new("PLAN-1"), CameraId::new("CAM-001"));
        let masks = placement(&plan, &camera, Some("masks"));
        assert_eq!(masks, "plans[PLAN-1].placements[CAM-001].masks");
        assert_eq!(
            plan_item(&masks),
            Some((plan.clone(), PlanItem::Camera(camera.clone())))
        );
        assert_eq!(
            plan_item("plans[PLAN-1].zones[Z-3].kind"),
            Some((plan.clone(), PlanItem::Zone(ZoneId::new("Z-3"))))
        );
        assert_eq!(
            plan_item(&self::plan(&plan, "metres_per_pixel")),
            Some((plan, PlanItem::Plan))
        );
        assert_eq!(plan_item("cameras[CAM-001]"), None);
    }

    #[test]
    fn every_section_is_found_from_its_paths_and_an_unknown_head_from_none() {
        for section in Section::ALL {
            assert_eq!(Section::of(section.key()), Some(section));
            assert_eq!(Section::of(&format!("{}.x", section.key())), Some(section));
            assert_eq!(
                Section::of(&format!("{}[ID].x", section.key())),
                Some(section)
            );
        }
        assert_eq!(
            Section::of("camera[CAM-1]"),
            None,
            "a typo is not a section"
        );
        assert_eq!(Section::of(""), None);
    }
}
