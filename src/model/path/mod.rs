//! Field paths: where an answer lives in the project file — `video_system.image_retention_days`,
//! `cameras[CAM-014].has_privacy_masking`, `plans[PLAN-1].placements[CAM-001].masks`. The rules
//! name the fields of a finding with them, the app goes to a field by them and highlights it,
//! « what changed » lists changes by them. They are built and read back here, in one place: a
//! typed [`FieldPath`], the constants for every fixed path the code names ([`names`], re-exported
//! here: `path::video_system::IMAGE_RETENTION_DAYS`), the builders for the paths of records
//! (`path::camera`, `path::capability` …), the part of the assessment a path starts in
//! (`Section`, exhaustive, so an unknown path is seen as unknown and never silently sent
//! elsewhere), the records inside a site plan, and the pattern under which the knowledge base
//! keeps a field's label and help (`FieldPath::pattern`).

use std::borrow::Cow;
use std::fmt::{self, Display};
use std::ops::Deref;

use serde::{Deserialize, Serialize};

pub mod names;
pub use names::*;

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

/// A field path, e.g. `video_system.image_retention_days` or `cameras[CAM-014].has_privacy_masking`.
/// Written and read as its text (`check --json` prints it as a string); the fixed ones are
/// constants ([`names`]), the others come from the builders below.
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(transparent)]
pub struct FieldPath(Cow<'static, str>);

impl FieldPath {
    /// A path known when the program is written (the constants of [`names`]).
    pub const fn fixed(path: &'static str) -> Self {
        FieldPath(Cow::Borrowed(path))
    }

    /// The path as text.
    pub fn as_str(&self) -> &str {
        &self.0
    }

    /// The same path followed by one of the record's fields: `cameras[CAM-1]` → `cameras[CAM-1].state`.
    pub fn field(&self, name: &str) -> FieldPath {
        FieldPath(Cow::Owned(format!("{self}.{name}")))
    }

    /// The same path followed by an optional field ([`FieldPath::field`]) or as it is.
    pub fn maybe_field(self, name: Option<&str>) -> FieldPath {
        match name {
            Some(name) => self.field(name),
            None => self,
        }
    }

    /// The section the path starts in; `None` for a path of no known section.
    pub fn section(&self) -> Option<Section> {
        Section::of(self)
    }

    /// The name under which the knowledge base keeps the field's label and help: the record ids
    /// left out (`cameras[CAM-1].state` → `cameras[].state`), a further order's answer read as
    /// the first order's (`video_system.further_authorisations[2].reference` →
    /// `video_system.authorisation.reference`).
    pub fn pattern(&self) -> String {
        if let Some((_, field)) = further_order(self) {
            return format!("{}.{field}", video_system::AUTHORISATION);
        }
        let mut pattern = String::with_capacity(self.len());
        let mut inside = false;
        for c in self.chars() {
            match c {
                '[' => {
                    inside = true;
                    pattern.push(c);
                }
                ']' => {
                    inside = false;
                    pattern.push(c);
                }
                _ if inside => {}
                _ => pattern.push(c),
            }
        }
        pattern
    }
}

impl Deref for FieldPath {
    type Target = str;

    fn deref(&self) -> &str {
        &self.0
    }
}

impl AsRef<str> for FieldPath {
    fn as_ref(&self) -> &str {
        &self.0
    }
}

impl fmt::Display for FieldPath {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

impl From<String> for FieldPath {
    fn from(path: String) -> Self {
        FieldPath(Cow::Owned(path))
    }
}

impl From<&str> for FieldPath {
    fn from(path: &str) -> Self {
        FieldPath(Cow::Owned(path.to_owned()))
    }
}

impl From<&FieldPath> for FieldPath {
    fn from(path: &FieldPath) -> Self {
        path.clone()
    }
}

impl From<FieldPath> for String {
    fn from(path: FieldPath) -> Self {
        path.0.into_owned()
    }
}

impl From<&FieldPath> for String {
    fn from(path: &FieldPath) -> Self {
        path.0.to_string()
    }
}

impl PartialEq<str> for FieldPath {
    fn eq(&self, other: &str) -> bool {
        self.0 == other
    }
}

impl PartialEq<String> for FieldPath {
    fn eq(&self, other: &String) -> bool {
        self.0 == other.as_str()
    }
}

impl PartialEq<&str> for FieldPath {
    fn eq(&self, other: &&str) -> bool {
        self.0 == *other
    }
}

fn record(prefix: &FieldPath, id: impl Display, field: Option<&str>) -> FieldPath {
    FieldPath(Cow::Owned(format!("{prefix}[{id}]"))).maybe_field(field)
}

/// A camera of the inventory: `cameras[ID]`, or `cameras[ID].FIELD`.
pub fn camera(camera: impl Display, field: Option<&str>) -> FieldPath {
    record(&CAMERAS, camera, field)
}

/// A capability of the software: `capabilities[ID]`, or `capabilities[ID].FIELD`.
pub fn capability(capability: impl Display, field: Option<&str>) -> FieldPath {
    record(&CAPABILITIES, capability, field)
}

/// A document of the evidence locker: `evidence[ID]`, or `evidence[ID].FIELD`.
pub fn evidence(evidence: impl Display, field: Option<&str>) -> FieldPath {
    record(&EVIDENCE, evidence, field)
}

/// A risk: `risks[ID]`, or `risks[ID].FIELD`.
pub fn risk(risk: impl Display, field: Option<&str>) -> FieldPath {
    record(&RISKS, risk, field)
}

/// A measure: `measures[ID]`, or `measures[ID].FIELD`.
pub fn measure(measure: impl Display, field: Option<&str>) -> FieldPath {
    record(&MEASURES, measure, field)
}

/// A purpose, by its rank in the list: `processing.purposes[N]`, or one of its fields.
pub fn purpose(index: usize, field: Option<&str>) -> FieldPath {
    record(&processing::PURPOSES, index, field)
}

/// An actor, by its rank in the list: `processing.actors[N]`, or one of its fields.
pub fn actor(index: usize, field: Option<&str>) -> FieldPath {
    record(&processing::ACTORS, index, field)
}

/// The user's decision on one screening criterion: `screening.overrides[CRITERION]`.
pub fn screening_override(criterion: impl Display) -> FieldPath {
    record(&screening::OVERRIDES, criterion, None)
}

/// A signature, by its rank: `opinions.signatures[N]`.
pub fn signature(index: usize) -> FieldPath {
    record(&opinions::SIGNATURES, index, None)
}

/// A prefectoral order's answer: the first order's (`further` is `None`):
/// `video_system.authorisation.FIELD`; a further one's: `video_system.further_authorisations[N].FIELD`.
pub fn order(further: Option<usize>, field: Option<&str>) -> FieldPath {
    match further {
        None => video_system::AUTHORISATION.maybe_field(field),
        Some(index) => record(&video_system::FURTHER_AUTHORISATIONS, index, field),
    }
}

/// A request to the prefect, by its rank: `video_system.requests[N]`, or one of its fields.
pub fn request(index: usize, field: Option<&str>) -> FieldPath {
    record(&video_system::REQUESTS, index, field)
}

/// A further order's rank and the rest of the path after it:
/// `video_system.further_authorisations[2].reference` → (2, `reference`).
pub fn further_order(path: &str) -> Option<(usize, &str)> {
    let rest = path
        .strip_prefix(video_system::FURTHER_AUTHORISATIONS.as_str())?
        .strip_prefix('[')?;
    let (index, field) = rest.split_once("].")?;
    Some((index.parse().ok()?, field))
}

/// A record of a list section and what follows its id: `cameras[CAM-1].state` read under
/// `cameras` → (`CAM-1`, `.state`); `None` when the path is not a record of that list.
pub fn record_of<'p>(path: &'p str, list: &FieldPath) -> Option<(&'p str, &'p str)> {
    let rest = path.strip_prefix(list.as_str())?.strip_prefix('[')?;
    rest.split_once(']')
}

/// A site plan's own field: `plans[ID].FIELD`.
pub fn plan(plan: impl Display, field: &str) -> FieldPath {
    record(&PLANS, plan, Some(field))
}

/// A camera placed on a plan: `plans[PLAN].placements[CAMERA]`, or one of its fields.
pub fn placement(plan: impl Display, camera: impl Display, field: Option<&str>) -> FieldPath {
    let placements = record(&PLANS, plan, Some("placements"));
    record(&placements, camera, field)
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
    let (plan, rest) = record_of(path, &PLANS)?;
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
