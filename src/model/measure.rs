//! Measures the controller has taken or plans: from the catalogue or its own, with status, owner
//! and deadline. Planned measures ordered by deadline form the action plan.

use serde::{Deserialize, Serialize};

use super::date::Date;
use super::ids::{EvidenceId, MeasureId};

/// Legal, organisational or technical.
#[derive(
    Clone, Copy, Debug, Default, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize,
)]
pub enum MeasureKind {
    /// Juridique / legal.
    #[default]
    Legal,
    /// Organisationnelle / organisational.
    Organisational,
    /// Technique / technical.
    Technical,
}

/// Whether a measure is in place.
#[derive(
    Clone, Copy, Debug, Default, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize,
)]
pub enum MeasureStatus {
    /// Already in place.
    #[default]
    Existing,
    /// Planned, with an owner and a deadline.
    Planned,
}

/// A measure of the assessment.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct Measure {
    /// Unique id in the assessment (the catalogue id when taken from it).
    pub measure_id: MeasureId,
    /// The catalogue entry it comes from, if any.
    pub catalogue_id: Option<MeasureId>,
    /// Legal, organisational or technical.
    pub kind: MeasureKind,
    /// Short title.
    pub title: String,
    /// What is done, concretely.
    pub description: String,
    /// Existing or planned.
    pub status: MeasureStatus,
    /// Who is responsible.
    pub owner: String,
    /// When a planned measure must be in place.
    pub deadline: Option<Date>,
    /// Documents that prove it.
    pub evidence_ids: Vec<EvidenceId>,
}

/// The action plan: planned measures, soonest deadline first, undated ones last, then by id.
pub fn action_plan(measures: &[Measure]) -> Vec<&Measure> {
    let mut planned: Vec<&Measure> = measures
        .iter()
        .filter(|m| m.status == MeasureStatus::Planned)
        .collect();
    planned.sort_by(|a, b| {
        (a.deadline.is_none(), a.deadline, &a.measure_id).cmp(&(
            b.deadline.is_none(),
            b.deadline,
            &b.measure_id,
        ))
    });
    planned
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn action_plan_lists_planned_measures_by_deadline_undated_last() {
        let planned = |id: &str, deadline: Option<&str>| Measure {
            measure_id: MeasureId::new(id),
            status: MeasureStatus::Planned,
            deadline: deadline.map(|d| d.parse().expect("date")),
            ..Measure::default()
        };
        let measures = vec![
            planned("M-3", None),
            planned("M-2", Some("2027-03-01")),
            Measure {
                measure_id: MeasureId::new("M-0"),
                ..Measure::default()
            },
            planned("M-1", Some("2027-01-15")),
        ];
        let ids: Vec<&str> = action_plan(&measures)
            .iter()
            .map(|m| m.measure_id.as_str())
            .collect();
        assert_eq!(ids, ["M-1", "M-2", "M-3"]);
    }
}
