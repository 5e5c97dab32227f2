//! What the rule engine says: findings with a severity, a message in both languages, the legal
//! sources they rest on and the fields that caused them.

use serde::{Deserialize, Serialize};

use crate::knowledge::Bilingual;
use crate::model::path::FieldPath;
use crate::model::LegalRefId;

/// How serious a finding is. Ordered most serious first.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub enum Severity {
    /// Unlawful as recorded: must be resolved before the processing can go on.
    Blocking,
    /// A serious gap the DPO will ask to close.
    High,
    /// To document or plan.
    Medium,
    /// For information.
    Info,
}

impl Severity {
    /// Every severity, most serious first.
    pub const ALL: [Severity; 4] = [
        Severity::Blocking,
        Severity::High,
        Severity::Medium,
        Severity::Info,
    ];

    /// The code used in `check --json`: `blocking`, `high`, `medium`, `info`.
    pub fn code(self) -> &'static str {
        match self {
            Severity::Blocking => "blocking",
            Severity::High => "high",
            Severity::Medium => "medium",
            Severity::Info => "info",
        }
    }
}

/// One finding of the engine.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Finding {
    /// The rule's id (`R05`, `AIA-5-1-H`, `CONS-BIOMETRICS`).
    pub rule_id: String,
    /// How serious: findings are sorted by it, and a `Blocking` one keeps the dossier a draft and
    /// makes `check` exit 1.
    pub severity: Severity,
    /// Short title.
    pub title: Bilingual,
    /// The finding, with the facts that caused it.
    pub message: Bilingual,
    /// Legal sources, ids of the knowledge base.
    pub sources: Vec<LegalRefId>,
    /// Paths of the fields that caused it (`video_system.image_retention_days`).
    pub fields: Vec<FieldPath>,
}

/// The findings of `these` that `those` does not have (same rule, same fields): what appeared
/// from `those` to `these`.
pub fn only_in<'a>(these: &'a [Finding], those: &[Finding]) -> Vec<&'a Finding> {
    these
        .iter()
        .filter(|f| {
            !those
                .iter()
                .any(|g| g.rule_id == f.rule_id && g.fields == f.fields)
        })
        .collect()
}
