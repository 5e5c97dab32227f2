//! The wizard's steps, in order: `Step` is the single source of their order, names, the
//! completeness sections they cover and the mapping from a finding's field path to the step that
//! holds the field. A leaf of the interface: it imports nothing of it.

use crate::i18n::{tr, Lang};
use crate::model::path::Section;

/// A step of the wizard.
#[derive(
    Clone,
    Copy,
    Debug,
    Default,
    PartialEq,
    Eq,
    PartialOrd,
    Ord,
    Hash,
    serde::Serialize,
    serde::Deserialize,
)]
pub enum Step {
    /// 0 Cover data.
    #[default]
    Project,
    /// 1 The nine criteria and the verdict.
    Screening,
    /// 2 Purposes, actors, data.
    Processing,
    /// 3 Authorisation, retention, information, control centre, cameras, software, capabilities.
    VideoSystem,
    /// 4 Necessity, proportionality and rights.
    Necessity,
    /// 5 Risks.
    Risks,
    /// 6 Measures and action plan.
    Measures,
    /// 7 Opinions and validation.
    Opinions,
    /// 8 Summary and export.
    Dossier,
}

impl Step {
    /// Every step, in order.
    pub const ALL: [Step; 9] = [
        Step::Project,
        Step::Screening,
        Step::Processing,
        Step::VideoSystem,
        Step::Necessity,
        Step::Risks,
        Step::Measures,
        Step::Opinions,
        Step::Dossier,
    ];

    /// Its name in the UI.
    pub fn title(self, lang: Lang) -> String {
        let key = match self {
            Step::Project => "step.project",
            Step::Screening => "step.screening",
            Step::Processing => "step.processing",
            Step::VideoSystem => "step.video_system",
            Step::Necessity => "step.necessity",
            Step::Risks => "step.risks",
            Step::Measures => "step.measures",
            Step::Opinions => "step.opinions",
            Step::Dossier => "step.dossier",
        };
        tr(lang, key).to_owned()
    }

    /// The completeness sections (`rules::completeness`) this step covers.
    pub fn completeness_keys(self) -> &'static [&'static str] {
        match self {
            Step::Project => &["project"],
            Step::Screening => &["screening"],
            Step::Processing => &["processing"],
            Step::VideoSystem => &["video_system"],
            Step::Necessity => &["necessity", "rights"],
            Step::Risks => &["risks"],
            Step::Measures => &["measures"],
            Step::Opinions => &["opinions"],
            Step::Dossier => &[],
        }
    }

    /// The step that holds the fields of a section of the assessment.
    pub fn of_section(section: Section) -> Step {
        match section {
            Section::Project => Step::Project,
            Section::Screening => Step::Screening,
            Section::Processing => Step::Processing,
            Section::VideoSystem
            | Section::Cameras
            | Section::Capabilities
            | Section::Evidence
            | Section::Plans => Step::VideoSystem,
            Section::Necessity | Section::Rights | Section::Answers => Step::Necessity,
            Section::Risks => Step::Risks,
            Section::Measures => Step::Measures,
            Section::Opinions | Section::History => Step::Opinions,
        }
    }

    /// The step that holds a field, from the field's path; `None` for a path of no known
    /// section (never sent to some other step).
    pub fn of_field(path: &str) -> Option<Step> {
        Section::of(path).map(Step::of_section)
    }

    /// The next step, if any.
    pub fn next(self) -> Option<Step> {
        Step::ALL
            .iter()
            .position(|s| *s == self)
            .and_then(|i| Step::ALL.get(i + 1))
            .copied()
    }

    /// The previous step, if any.
    pub fn previous(self) -> Option<Step> {
        Step::ALL
            .iter()
            .position(|s| *s == self)
            .and_then(|i| i.checked_sub(1))
            .map(|i| Step::ALL[i])
    }

    /// Its number in the navigator (`Alt+` that digit goes to it).
    pub fn number(self) -> usize {
        Step::ALL.iter().position(|s| *s == self).unwrap_or(0)
    }

    /// The steps shown: every one, or in a contributor's copy only those holding the parts
    /// asked (never the circuit's validation nor the dossier, which stay the author's).
    pub fn shown(contribution: Option<&crate::model::Contribution>) -> Vec<Step> {
        match contribution {
            None => Step::ALL.to_vec(),
            Some(request) => {
                let sections = request.sections();
                Step::ALL
                    .into_iter()
                    .filter(|step| sections.iter().any(|s| Step::of_section(*s) == *step))
                    .collect()
            }
        }
    }

    /// The step after this one among `shown`.
    pub fn next_among(self, shown: &[Step]) -> Option<Step> {
        shown.iter().copied().find(|s| *s > self)
    }

    /// The step before this one among `shown`.
    pub fn previous_among(self, shown: &[Step]) -> Option<Step> {
        shown.iter().rev().copied().find(|s| *s < self)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn field_paths_map_to_their_step() {
        assert_eq!(
            Step::of_field("video_system.image_retention_days"),
            Some(Step::VideoSystem)
        );
        assert_eq!(
            Step::of_field("capabilities[K02].state"),
            Some(Step::VideoSystem)
        );
        assert_eq!(
            Step::of_field("rights.access.evaluation"),
            Some(Step::Necessity)
        );
        assert_eq!(Step::of_field("risks[RISK-1].residual"), Some(Step::Risks));
        assert_eq!(Step::of_field("screening"), Some(Step::Screening));
        assert_eq!(
            Step::of_field("camera[CAM-1]"),
            None,
            "unknown, not the Dossier step"
        );
    }
}
