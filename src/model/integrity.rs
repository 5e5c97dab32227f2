//! Internal consistency of an assessment that a file can break but the types cannot prevent:
//! duplicate ids and references to evidence or measures that do not exist. A file with such
//! problems still loads (nothing the user typed is thrown away); the problems are reported.

use std::collections::BTreeSet;

use super::camera::duplicate_ids;
use super::{Assessment, EvidenceId, MeasureId};

/// One consistency problem.
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub enum Problem {
    /// Two cameras share an id.
    DuplicateCamera(String),
    /// Two capability records share a capability id.
    DuplicateCapability(String),
    /// Two measures share an id.
    DuplicateMeasure(String),
    /// Two risks share an id.
    DuplicateRisk(String),
    /// Something refers to an evidence id the locker does not hold.
    UnknownEvidence {
        /// What refers to it (`K02`, `M-T1`, `RISK-ACCESS`).
        owner: String,
        /// The missing evidence id.
        evidence_id: String,
    },
    /// A risk refers to a measure the assessment does not hold.
    UnknownMeasure {
        /// The id of the risk that lists the measure (`RISK-ACCESS`).
        owner: String,
        /// The missing measure id.
        measure_id: String,
    },
}

/// Every consistency problem of an assessment, sorted.
pub fn problems(assessment: &Assessment) -> Vec<Problem> {
    let mut out: Vec<Problem> = duplicate_ids(&assessment.cameras)
        .into_iter()
        .map(|id| Problem::DuplicateCamera(id.0))
        .collect();
    out.extend(
        duplicates(
            assessment
                .capabilities
                .iter()
                .map(|c| c.capability_id.as_str()),
        )
        .map(Problem::DuplicateCapability),
    );
    out.extend(
        duplicates(assessment.measures.iter().map(|m| m.measure_id.as_str()))
            .map(Problem::DuplicateMeasure),
    );
    out.extend(
        duplicates(assessment.risks.iter().map(|r| r.risk_id.as_str())).map(Problem::DuplicateRisk),
    );

    let evidence: BTreeSet<&EvidenceId> =
        assessment.evidence.iter().map(|e| &e.evidence_id).collect();
    let mut check_evidence = |owner: &str, ids: &[EvidenceId]| {
        for id in ids.iter().filter(|id| !evidence.contains(id)) {
            out.push(Problem::UnknownEvidence {
                owner: owner.to_owned(),
                evidence_id: id.0.clone(),
            });
        }
    };
    for record in &assessment.capabilities {
        check_evidence(record.capability_id.as_str(), &record.evidence_ids);
    }
    for measure in &assessment.measures {
        check_evidence(measure.measure_id.as_str(), &measure.evidence_ids);
    }
    for risk in &assessment.risks {
        check_evidence(risk.risk_id.as_str(), &risk.evidence_ids);
    }

    let measures: BTreeSet<&MeasureId> =
        assessment.measures.iter().map(|m| &m.measure_id).collect();
    for risk in &assessment.risks {
        for id in risk.measure_ids.iter().filter(|id| !measures.contains(id)) {
            out.push(Problem::UnknownMeasure {
                owner: risk.risk_id.0.clone(),
                measure_id: id.0.clone(),
            });
        }
    }
    out.sort();
    out
}

fn duplicates<'a>(ids: impl Iterator<Item = &'a str>) -> impl Iterator<Item = String> {
    let mut seen = BTreeSet::new();
    let mut repeated = BTreeSet::new();
    for id in ids {
        if !seen.insert(id) {
            repeated.insert(id.to_owned());
        }
    }
    repeated.into_iter()
}
