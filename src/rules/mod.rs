//! The rule engine: `evaluate(assessment, knowledge base, today) -> Report`. Pure and
//! deterministic — no IO, no clock (today is passed in), every list sorted — so the same file
//! gives the same findings on every machine, and tests are tables of facts and expectations.

use crate::model::path;
pub mod ai_act;
pub mod capabilities;
pub mod completeness;
pub mod consistency;
pub mod consultation;
pub mod criteria;
pub mod deadlines;
pub mod finding;
pub mod orders;
pub mod plans;
pub mod red_flags;
pub mod regime;
pub mod requests;
pub mod safeguards;
pub mod text;

pub use completeness::{Completeness, StepCompleteness};
pub use criteria::{CriterionResult, Origin, ScreeningResult, Verdict};
pub use finding::{Finding, Severity};

use crate::knowledge::KnowledgeBase;
use crate::model::{Assessment, Date, Level, RiskId};

/// A risk's levels before and after the planned measures.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct RiskLevels {
    /// The assessment's risk these levels belong to.
    pub risk_id: RiskId,
    /// Severity before measures.
    pub severity: Option<Level>,
    /// Likelihood before measures.
    pub likelihood: Option<Level>,
    /// Severity after the planned measures.
    pub residual_severity: Option<Level>,
    /// Likelihood after the planned measures.
    pub residual_likelihood: Option<Level>,
    /// Severity and likelihood both 3 or more after measures: prior consultation needed.
    pub is_residual_high: bool,
}

/// Everything the engine says about an assessment.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Report {
    /// Criteria, verdict, art. 90.
    pub screening: ScreeningResult,
    /// Findings, most severe first, then by rule id and fields.
    pub findings: Vec<Finding>,
    /// Completeness per step.
    pub completeness: Completeness,
    /// Risk levels, in the assessment's order.
    pub risks: Vec<RiskLevels>,
}

impl Report {
    /// Adds `HISTORY-BROKEN` when the validated versions the file recorded (`dropped` of them)
    /// could not be rebuilt from its content — a file changed outside the app or damaged — and
    /// were set aside when it was opened: the versions and « what changed » can no longer be
    /// proved. `None`: the history was whole.
    pub fn with_broken_history(mut self, kb: &KnowledgeBase, dropped: Option<usize>) -> Report {
        if let Some(count) = dropped {
            let finding = text::Texts { kb }.finding(
                "HISTORY-BROKEN",
                Severity::High,
                &[("count", text::number(count))],
                vec![crate::model::path::HISTORY],
            );
            self.findings.push(finding);
            self.findings.sort_by(|x, y| {
                (x.severity, &x.rule_id, &x.fields).cmp(&(y.severity, &y.rule_id, &y.fields))
            });
        }
        self
    }

    /// The report with findings for attached documents that changed or went missing on disk
    /// (`statuses` comes from `storage::evidence::verify`; the engine itself does no IO).
    pub fn with_evidence(
        mut self,
        a: &Assessment,
        kb: &KnowledgeBase,
        statuses: &[(
            crate::model::EvidenceId,
            crate::model::evidence::EvidenceStatus,
        )],
    ) -> Report {
        use crate::model::evidence::EvidenceStatus;
        let texts = text::Texts { kb };
        for (id, status) in statuses {
            let rule = match status {
                EvidenceStatus::Intact => continue,
                EvidenceStatus::Changed => "EV-CHANGED",
                EvidenceStatus::Missing => "EV-MISSING",
                EvidenceStatus::NotAFile => "EV-NOT-A-FILE",
                EvidenceStatus::TooLarge => "EV-TOO-LARGE",
                EvidenceStatus::NotChecked => "EV-NOT-CHECKED",
            };
            let path = a
                .evidence_by_id(id)
                .map_or_else(String::new, |e| e.path.clone());
            let mut users: Vec<String> = a
                .capabilities
                .iter()
                .filter(|r| r.evidence_ids.contains(id))
                .map(|r| r.capability_id.to_string())
                .collect();
            users.extend(
                a.measures
                    .iter()
                    .filter(|m| m.evidence_ids.contains(id))
                    .map(|m| m.measure_id.to_string()),
            );
            self.findings.push(texts.finding(
                rule,
                Severity::High,
                &[
                    ("id", crate::knowledge::Bilingual::same(id.to_string())),
                    ("path", crate::knowledge::Bilingual::same(path)),
                    (
                        "users",
                        crate::knowledge::Bilingual::same(if users.is_empty() {
                            "—".to_owned()
                        } else {
                            users.join(", ")
                        }),
                    ),
                ],
                vec![path::evidence(id, None)],
            ));
        }
        self.findings.sort_by(|x, y| {
            (x.severity, &x.rule_id, &x.fields).cmp(&(y.severity, &y.rule_id, &y.fields))
        });
        self
    }

    /// True when at least one finding is blocking.
    pub fn has_blocking(&self) -> bool {
        self.findings
            .iter()
            .any(|f| f.severity == Severity::Blocking)
    }

    /// Findings of one severity.
    pub fn with_severity(&self, severity: Severity) -> impl Iterator<Item = &Finding> {
        self.findings.iter().filter(move |f| f.severity == severity)
    }

    /// Findings of one rule.
    pub fn by_rule<'a>(&'a self, rule_id: &'a str) -> impl Iterator<Item = &'a Finding> + 'a {
        self.findings.iter().filter(move |f| f.rule_id == rule_id)
    }
}

/// Evaluates an assessment.
pub fn evaluate(a: &Assessment, kb: &KnowledgeBase, today: Date) -> Report {
    // What placed cameras see, computed once: the plans' findings and criterion C7 read it.
    let seen = plans::sightings(a);
    let screening = criteria::screen_with(a, kb, &seen);
    let mut findings = red_flags::red_flags(a, kb, today);
    findings.extend(ai_act::ai_act(a, kb, today));
    findings.extend(safeguards::safeguards(a, kb));
    findings.extend(consistency::consistency(a, kb));
    findings.extend(plans::plans_with(a, text::Texts { kb }, &seen));
    requests::requests(a, kb, today, &mut findings);
    findings.extend(consultation::findings(a, &screening, text::Texts { kb }));
    let met = screening.met_ids();
    if met.len() >= 2 {
        findings.push(text::Texts { kb }.finding(
            "R29",
            Severity::Info,
            &[
                ("count", text::number(met.len())),
                (
                    "criteria",
                    crate::knowledge::Bilingual::same(met.join(", ")),
                ),
            ],
            vec![crate::model::path::SCREENING],
        ));
    }
    regime::cite_per_regime(a, kb, &mut findings);
    findings.sort_by(|x, y| {
        (x.severity, &x.rule_id, &x.fields).cmp(&(y.severity, &y.rule_id, &y.fields))
    });
    let risks = a
        .risks
        .iter()
        .map(|r| RiskLevels {
            risk_id: r.risk_id.clone(),
            severity: r.severity,
            likelihood: r.likelihood,
            residual_severity: r.residual_severity,
            residual_likelihood: r.residual_likelihood,
            is_residual_high: r.is_residual_high(),
        })
        .collect();
    let completeness = completeness::completeness(a, kb, &screening);
    Report {
        screening,
        findings,
        completeness,
        risks,
    }
}
