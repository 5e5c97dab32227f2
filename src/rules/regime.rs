//! Citations per regime: a rule written against a GDPR article (art. 9 sensitive data, art. 22
//! automated decisions) cites, for purposes under the Police-Justice regime (LIL Title III), its
//! counterpart in the French Data Protection Act — art. 88 and art. 95 — instead of the GDPR when
//! every purpose is under that regime, beside it when both regimes are present. A counterpart
//! not read in its source cannot carry a blocking finding on its own: a rule whose
//! Police-Justice case rests on it alone (`blocks: false` in `templates/rules.ron`) is high there.

use super::finding::{Finding, Severity};
use crate::knowledge::KnowledgeBase;
use crate::model::{Assessment, Regime};

/// Which regimes the assessment's purposes fall under.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Regimes {
    /// No purpose under Police-Justice (GDPR, or not decided).
    GdprOnly,
    /// Purposes under both regimes.
    Both,
    /// Every purpose under Police-Justice.
    PoliceJusticeOnly,
}

/// The regimes of `a`'s purposes.
pub fn regimes(a: &Assessment) -> Regimes {
    let purposes = &a.processing.purposes;
    let police_justice = purposes
        .iter()
        .filter(|p| p.regime == Regime::PoliceJustice)
        .count();
    if police_justice == 0 {
        Regimes::GdprOnly
    } else if police_justice == purposes.len() {
        Regimes::PoliceJusticeOnly
    } else {
        Regimes::Both
    }
}

/// Rewrites the sources (and, under Police-Justice only, the severity and message) of the
/// findings whose rule declares Police-Justice citations.
pub fn cite_per_regime(a: &Assessment, kb: &KnowledgeBase, findings: &mut [Finding]) {
    let regimes = regimes(a);
    if regimes == Regimes::GdprOnly {
        return;
    }
    for finding in findings.iter_mut() {
        let Some(citation) = kb
            .rule_text(&finding.rule_id)
            .and_then(|text| text.police_justice.as_ref())
        else {
            continue;
        };
        for (gdpr, police_justice) in &citation.replaces {
            let Some(at) = finding.sources.iter().position(|s| s == gdpr) else {
                continue;
            };
            if finding.sources.contains(police_justice) {
                continue;
            }
            match regimes {
                Regimes::Both => finding.sources.insert(at + 1, police_justice.clone()),
                _ => finding.sources[at] = police_justice.clone(),
            }
        }
        if regimes == Regimes::PoliceJusticeOnly && !citation.blocks {
            if finding.severity == Severity::Blocking {
                finding.severity = Severity::High;
            }
            for (message, note) in [
                (&mut finding.message.fr, &citation.note.fr),
                (&mut finding.message.en, &citation.note.en),
            ] {
                if !note.trim().is_empty() {
                    message.push(' ');
                    message.push_str(note.trim());
                }
            }
        }
    }
}
