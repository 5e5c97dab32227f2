//! The prior consultation of the CNIL: when it is due, and the findings that say so. One
//! function, [`ground`], decides for the engine (R18), the completeness gate and the letter of
//! `documents`.
//!
//! - GDPR art. 36(1) (and LIL art. 90 1° for Police-Justice processing): a residual risk stays in
//!   the high band (severity and likelihood both 3 or more) → R18, blocking until the
//!   consultation is filed.
//! - LIL art. 90 2° (Directive 2016/680 art. 28(1)(b)): for Police-Justice processing, the *type*
//!   of processing, notably through new technologies, presents high risks — whatever the residual
//!   map says. A Police-Justice purpose with criterion C8 met → R18-ART90, high, until the
//!   consultation is filed or the DPO records why it is not needed.
//! - A residual severity of 4 (« maximale ») outside the high band: GDPR art. 36 speaks of a high
//!   risk, not of a cell → R18-SEVERE, high: consider the consultation and give reasons.

use super::criteria::ScreeningResult;
use super::finding::{Finding, Severity};
use super::text::Texts;
use crate::knowledge::Bilingual;
use crate::model::path;
use crate::model::{Assessment, Level, Risk};

/// Why the CNIL must be consulted before the processing starts.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ConsultationGround {
    /// A residual risk stays in the high band (GDPR art. 36(1); LIL art. 90 1° as well when
    /// there are Police-Justice purposes).
    HighResidualRisk,
    /// No residual risk is high, but Police-Justice purposes rest on an innovative use of
    /// technology (criterion C8 met): LIL art. 90 2°.
    InnovativePoliceJustice,
}

/// Whether, and why, the prior consultation is due.
pub fn ground(a: &Assessment, screening: &ScreeningResult) -> Option<ConsultationGround> {
    if a.risks.iter().any(Risk::is_residual_high) {
        return Some(ConsultationGround::HighResidualRisk);
    }
    is_innovative_police_justice(a, screening)
        .then_some(ConsultationGround::InnovativePoliceJustice)
}

/// A Police-Justice purpose whose own cameras meet criterion C8 (new technologies: coupled to
/// the analytics, or C8 met for them): LIL art. 90 2°. Judged per purpose, as the art. 90
/// analysis is (`ScreeningResult::art90_purposes`): a Police-Justice purpose served by plain
/// cameras does not call for the consultation because other cameras are coupled.
pub fn is_innovative_police_justice(_a: &Assessment, screening: &ScreeningResult) -> bool {
    screening.art90_purposes.iter().any(|p| p.is_innovative)
}

/// Risks left at the maximum severity after measures but outside the high band (likelihood 1
/// or 2): the consultation is to be considered, with reasons.
pub fn severe_residual_risks(a: &Assessment) -> Vec<&Risk> {
    a.risks
        .iter()
        .filter(|r| r.residual_severity == Some(Level::Maximum) && !r.is_residual_high())
        .collect()
}

/// R18, R18-ART90 and R18-SEVERE.
pub fn findings(a: &Assessment, screening: &ScreeningResult, texts: Texts) -> Vec<Finding> {
    let consultation = &a.opinions.prior_consultation;
    let is_filed = consultation.is_filed == Some(true);
    let is_reasoned_away = consultation.is_decided_not_needed();
    let mut out = Vec::new();
    if is_filed {
        return out;
    }
    let risk_fields = |risks: &[&Risk]| -> Vec<path::FieldPath> {
        let mut fields: Vec<crate::model::path::FieldPath> = risks
            .iter()
            .map(|r| path::risk(&r.risk_id, Some("residual")))
            .collect();
        fields.push(path::opinions::PRIOR_CONSULTATION);
        fields
    };
    let names = |risks: &[&Risk]| {
        Bilingual::same(
            risks
                .iter()
                .map(|r| r.risk_id.as_str())
                .collect::<Vec<_>>()
                .join(", "),
        )
    };
    let high: Vec<&Risk> = a.risks.iter().filter(|r| r.is_residual_high()).collect();
    if !high.is_empty() {
        out.push(texts.finding(
            "R18",
            Severity::Blocking,
            &[("risks", names(&high))],
            risk_fields(&high),
        ));
    } else if is_innovative_police_justice(a, screening) && !is_reasoned_away {
        out.push(texts.finding(
            "R18-ART90",
            Severity::High,
            &[],
            vec![path::opinions::PRIOR_CONSULTATION],
        ));
    }
    let severe = severe_residual_risks(a);
    if !severe.is_empty() && !is_reasoned_away {
        out.push(texts.finding(
            "R18-SEVERE",
            Severity::High,
            &[("risks", names(&severe))],
            risk_fields(&severe),
        ));
    }
    out
}
