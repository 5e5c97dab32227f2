//! A contribution: a copy of the assessment written for one person (the police chief, the IT
//! department, the integrator, the mayor's office) with the parts they are asked to fill. The
//! copy carries the request — who asked whom, which parts, when — and the assessment as it was
//! sent, so that when it comes back it merges against what it started from, its changes taken
//! in the parts asked only. Garde-fou opens such a copy in a restricted mode showing only those
//! parts and their findings.

use serde::{Deserialize, Serialize};

use super::date::Date;
use super::path::Section;

/// A part of the assessment a contributor can be asked to fill.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub enum Part {
    /// The cover data.
    Project,
    /// The nine criteria's questions.
    Screening,
    /// Purposes, actors, data.
    Processing,
    /// The system's answers: orders, retention, information, control centre, software,
    /// searches, requests to the prefect.
    System,
    /// The camera inventory and the site plans.
    Inventory,
    /// The software's capabilities: present, enabled, who can unlock them.
    Capabilities,
    /// The evidence locker.
    Evidence,
    /// Necessity, proportionality and the people's rights.
    Necessity,
    /// The risks.
    Risks,
    /// The measures and the action plan.
    Measures,
    /// The opinions and the decision.
    Opinions,
}

impl Part {
    /// Every part, in the order of the wizard.
    pub const ALL: [Part; 11] = [
        Part::Project,
        Part::Screening,
        Part::Processing,
        Part::System,
        Part::Inventory,
        Part::Capabilities,
        Part::Evidence,
        Part::Necessity,
        Part::Risks,
        Part::Measures,
        Part::Opinions,
    ];

    /// The sections of the assessment the part holds (never the history: the circuit and the
    /// versions stay the author's).
    pub fn sections(self) -> &'static [Section] {
        match self {
            Part::Project => &[Section::Project],
            Part::Screening => &[Section::Screening],
            Part::Processing => &[Section::Processing],
            Part::System => &[Section::VideoSystem],
            Part::Inventory => &[Section::Cameras, Section::Plans],
            Part::Capabilities => &[Section::Capabilities],
            Part::Evidence => &[Section::Evidence],
            Part::Necessity => &[Section::Necessity, Section::Rights, Section::Answers],
            Part::Risks => &[Section::Risks],
            Part::Measures => &[Section::Measures],
            Part::Opinions => &[Section::Opinions],
        }
    }

    /// Its name on the command line (`--parts system,inventory`).
    pub fn key(self) -> &'static str {
        match self {
            Part::Project => "project",
            Part::Screening => "screening",
            Part::Processing => "processing",
            Part::System => "system",
            Part::Inventory => "inventory",
            Part::Capabilities => "capabilities",
            Part::Evidence => "evidence",
            Part::Necessity => "necessity",
            Part::Risks => "risks",
            Part::Measures => "measures",
            Part::Opinions => "opinions",
        }
    }

    /// The part a command-line name means (any case).
    pub fn from_key(key: &str) -> Option<Part> {
        let key = key.trim().to_ascii_lowercase();
        Part::ALL.into_iter().find(|p| p.key() == key)
    }
}

/// The request a contributor's copy carries.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct Contribution {
    /// Who is asked, e.g. « Commissaire Lefèvre, police municipale ».
    pub contributor: String,
    /// The parts they are asked to fill, in the wizard's order.
    pub parts: Vec<Part>,
    /// Who asked (the name set on the computer that wrote the copy).
    pub asked_by: String,
    /// The day the copy was written.
    pub asked_on: Option<Date>,
    /// What the author wrote to the contributor.
    pub message: String,
    /// The assessment as sent, as a project file's text: the common ancestor the copy merges
    /// against when it comes back.
    #[serde(skip_serializing_if = "String::is_empty")]
    pub sent: String,
}

impl Contribution {
    /// The sections the contributor may change.
    pub fn sections(&self) -> Vec<Section> {
        let mut sections: Vec<Section> = self
            .parts
            .iter()
            .flat_map(|p| p.sections())
            .copied()
            .collect();
        sections.sort();
        sections.dedup();
        sections
    }

    /// The field at `path` lies in a part asked.
    pub fn covers(&self, path: &str) -> bool {
        Section::of(path).is_some_and(|s| self.parts.iter().any(|p| p.sections().contains(&s)))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_part_covers_its_sections_only() {
        let c = Contribution {
            parts: vec![Part::Inventory, Part::System],
            ..Contribution::default()
        };
        assert!(c.covers("cameras[CAM-001].location"));
        assert!(c.covers("plans[PLAN-1].zones"));
        assert!(c.covers("video_system.searches.requires_requisition"));
        assert!(!c.covers("risks[R1].likelihood"));
        assert!(!c.covers("history.comments"));
        assert!(!c.covers("project.contribution"));
    }

    #[test]
    fn every_part_has_a_key_read_back() {
        for part in Part::ALL {
            assert_eq!(Part::from_key(part.key()), Some(part));
        }
        assert_eq!(Part::from_key(" Inventory "), Some(Part::Inventory));
        assert_eq!(Part::from_key("history"), None);
    }
}
