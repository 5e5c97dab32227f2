//! Risks on the CNIL scale: each feared event with its sources, threats and impacts, and its
//! severity and likelihood (1-4) before and after the planned measures.

use serde::{Deserialize, Serialize};

use super::ids::{EvidenceId, MeasureId, RiskId};

/// A level of the CNIL four-step scale, for severity (gravité) and likelihood (vraisemblance).
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub enum Level {
    /// 1 — Négligeable / Negligible.
    Negligible,
    /// 2 — Limitée / Limited.
    Limited,
    /// 3 — Importante / Significant.
    Significant,
    /// 4 — Maximale / Maximum.
    Maximum,
}

impl Level {
    /// The four levels, lowest first.
    pub const ALL: [Level; 4] = [
        Level::Negligible,
        Level::Limited,
        Level::Significant,
        Level::Maximum,
    ];

    /// The number of the level, 1 to 4.
    pub fn number(self) -> u8 {
        match self {
            Level::Negligible => 1,
            Level::Limited => 2,
            Level::Significant => 3,
            Level::Maximum => 4,
        }
    }

    /// The level with that number, if it is 1 to 4.
    pub fn from_number(number: u8) -> Option<Level> {
        Level::ALL.get(usize::from(number).checked_sub(1)?).copied()
    }
}

/// The CNIL's three feared events, or one the user adds.
#[derive(
    Clone, Copy, Debug, Default, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize,
)]
pub enum FearedEvent {
    /// Illegitimate access to data.
    #[default]
    IllegitimateAccess,
    /// Unwanted modification of data.
    UnwantedModification,
    /// Disappearance of data.
    Disappearance,
    /// Another feared event (misuse of a capability, function creep…).
    Other,
}

/// A position on the severity × likelihood map.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct MatrixCell {
    /// Severity (vertical axis of the CNIL map).
    pub severity: Level,
    /// Likelihood (horizontal axis).
    pub likelihood: Level,
}

/// The colour band of a cell of the risk map, shared by the app and the dossier.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Band {
    /// Acceptable as it stands.
    Low,
    /// To reduce: one axis high, or both middling (severity + likelihood ≥ 5).
    Moderate,
    /// Severity and likelihood both « Importante » or more: prior consultation if residual.
    High,
}

impl MatrixCell {
    /// True in the CNIL's high band: severity and likelihood both « Importante » or more.
    pub fn is_high(self) -> bool {
        self.severity >= Level::Significant && self.likelihood >= Level::Significant
    }

    /// The colour band of the cell.
    pub fn band(self) -> Band {
        if self.is_high() {
            Band::High
        } else if self.severity.number() + self.likelihood.number() >= 5 {
            Band::Moderate
        } else {
            Band::Low
        }
    }
}

/// A risk to the rights and freedoms of data subjects.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct Risk {
    /// Unique id in the assessment.
    pub risk_id: RiskId,
    /// The feared event at stake: one of the CNIL's three, or `Other`.
    pub feared_event: FearedEvent,
    /// Short title.
    pub title: String,
    /// Risk sources (who or what could cause it).
    pub sources: Vec<String>,
    /// Threats (how it could happen).
    pub threats: Vec<String>,
    /// Impacts on data subjects.
    pub impacts: Vec<String>,
    /// Measures that address it.
    pub measure_ids: Vec<MeasureId>,
    /// Severity before the planned measures.
    pub severity: Option<Level>,
    /// Likelihood before the planned measures.
    pub likelihood: Option<Level>,
    /// Severity once the planned measures are in place.
    pub residual_severity: Option<Level>,
    /// Likelihood once the planned measures are in place.
    pub residual_likelihood: Option<Level>,
    /// Why these levels.
    pub justification: String,
    /// Documents supporting the assessment.
    pub evidence_ids: Vec<EvidenceId>,
}

impl Risk {
    /// The position before measures, if both levels are set.
    pub fn initial_cell(&self) -> Option<MatrixCell> {
        Some(MatrixCell {
            severity: self.severity?,
            likelihood: self.likelihood?,
        })
    }

    /// The position after measures, if both residual levels are set.
    pub fn residual_cell(&self) -> Option<MatrixCell> {
        Some(MatrixCell {
            severity: self.residual_severity?,
            likelihood: self.residual_likelihood?,
        })
    }

    /// True when the risk stays in the high band after the planned measures (severity and
    /// likelihood both 3 or more): the test of the prior consultation (GDPR art. 36).
    pub fn is_residual_high(&self) -> bool {
        self.residual_cell().is_some_and(MatrixCell::is_high)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn level_numbers_round_trip_and_reject_out_of_range() {
        for level in Level::ALL {
            assert_eq!(Level::from_number(level.number()), Some(level));
        }
        assert_eq!(Level::from_number(0), None);
        assert_eq!(Level::from_number(5), None);
    }

    #[test]
    fn high_band_needs_both_axes_at_three() {
        let cell = |s, l| MatrixCell {
            severity: Level::from_number(s).expect("level"),
            likelihood: Level::from_number(l).expect("level"),
        };
        assert!(cell(3, 3).is_high());
        assert!(!cell(4, 2).is_high());
        assert!(!cell(2, 4).is_high());
    }
}
