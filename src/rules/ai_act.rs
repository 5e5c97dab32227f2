//! AI Act screening (Regulation 2024/1689): the art. 5 prohibited practices a video-analytics
//! suite can fall into, the Annex III point 1 (biometrics) high-risk category, and the art. 27
//! fundamental-rights impact assessment a public body must add to its AIPD.

use super::finding::{Finding, Severity};
use super::text::{self, Texts};
use crate::knowledge::ids::capability::{
    K01_LIVE_FACE_RECOGNITION, K02_FACE_SEARCH, K03_ATTRIBUTE_SEARCH, K12_INDEXING,
};
use crate::knowledge::KnowledgeBase;
use crate::model::path;
use crate::model::{Assessment, CapabilityRecord, Date};

/// Six months, in days: the least a deployer of a high-risk system keeps its logs (AI Act art.
/// 26(6), to verify).
pub const MIN_LOG_DAYS: u32 = 183;

/// AI Act findings.
pub fn ai_act(a: &Assessment, kb: &KnowledgeBase, today: Date) -> Vec<Finding> {
    let texts = Texts { kb };
    let mut out = Vec::new();
    let is_biometric = |r: &&CapabilityRecord| {
        kb.capability(&r.capability_id)
            .is_some_and(|def| def.is_biometric)
    };
    let mut biometric: Vec<&CapabilityRecord> = a
        .capabilities
        .iter()
        .filter(is_biometric)
        .filter(|r| r.is_present())
        .collect();
    biometric.sort_by(|x, y| x.capability_id.cmp(&y.capability_id));
    let mut usable: Vec<&CapabilityRecord> = biometric
        .iter()
        .copied()
        .filter(|r| r.is_usable())
        .collect();
    // Attribute search whose filters are inferred from the body (sex, age, gait) is
    // categorisation in Annex III point 1(b)'s sense, as K15 is.
    if let Some(attributes) = a
        .capability(K03_ATTRIBUTE_SEARCH)
        .filter(|r| r.is_usable())
        .filter(|_| a.video_system.searches.has_body_inferred_filters == Some(true))
    {
        usable.push(attributes);
        usable.sort_by(|x, y| x.capability_id.cmp(&y.capability_id));
    }
    let locked: Vec<&CapabilityRecord> = biometric
        .iter()
        .copied()
        .filter(|r| !r.is_usable())
        .collect();
    let field = |r: &CapabilityRecord| path::capability(&r.capability_id, Some("state"));

    // Art. 5(1)(h): live facial recognition usable in public space.
    if let Some(live) = a
        .capability(K01_LIVE_FACE_RECOGNITION)
        .filter(|r| r.is_usable() && a.screening.films_public_space != Some(false))
    {
        out.push(texts.finding(
            "AIA-5-1-H",
            Severity::Blocking,
            &[("capability", texts.capability(&live.capability_id))],
            vec![field(live)],
        ));
    }

    // Art. 5(1)(e): face search plus indexing of every passer-by at ingest.
    let indexing = a.capability(K12_INDEXING).filter(|r| r.is_enabled());
    if let (Some(face), Some(index)) = (
        a.capability(K02_FACE_SEARCH).filter(|r| r.is_usable()),
        indexing,
    ) {
        out.push(texts.finding(
            "AIA-5-1-E",
            Severity::High,
            &[("capability", texts.capability(&face.capability_id))],
            vec![field(face), field(index)],
        ));
    }

    if !usable.is_empty() {
        let names: Vec<_> = usable
            .iter()
            .map(|r| texts.capability(&r.capability_id))
            .collect();
        let fields: Vec<crate::model::path::FieldPath> = usable.iter().map(|r| field(r)).collect();
        out.push(texts.finding(
            "AIA-ANNEX-III-1",
            Severity::High,
            &[("capabilities", text::join(&names))],
            fields.clone(),
        ));
        // A FRIA is asked only for what may stay usable: a capability the engine says must be
        // locked (R09, R10) is to be locked first, not assessed.
        let (lock_first, assessed): (Vec<&CapabilityRecord>, Vec<&CapabilityRecord>) = usable
            .iter()
            .copied()
            .partition(|r| super::capabilities::must_be_locked(r, kb));
        if a.project.organisation_kind.owes_fria() && a.screening.has_fria != Some(true) {
            if !assessed.is_empty() {
                let names: Vec<_> = assessed
                    .iter()
                    .map(|r| texts.capability(&r.capability_id))
                    .collect();
                let mut fields: Vec<crate::model::path::FieldPath> =
                    assessed.iter().map(|r| field(r)).collect();
                fields.push(path::screening::HAS_FRIA);
                // In service: art. 111(2) leaves until 2 August 2030 unless significantly changed
                // (to anticipate); planned or not said: due before it starts after 2 Dec 2027.
                let in_service =
                    a.project.deployment_stage == crate::model::DeploymentStage::InOperation;
                let severity = if in_service {
                    Severity::Medium
                } else {
                    Severity::High
                };
                out.push(texts.finding(
                    "R26",
                    severity,
                    &[
                        ("capabilities", text::join(&names)),
                        ("dates", annex_iii_dates(texts, today, in_service)),
                    ],
                    fields,
                ));
            }
            if !lock_first.is_empty() {
                let names: Vec<_> = lock_first
                    .iter()
                    .map(|r| texts.capability(&r.capability_id))
                    .collect();
                out.push(texts.finding(
                    "R26-LOCK-FIRST",
                    Severity::Info,
                    &[("capabilities", text::join(&names))],
                    lock_first.iter().map(|r| field(r)).collect(),
                ));
            }
        }
        // Art. 26(6): a deployer keeps the system's logs for six months at least (to verify).
        let log_days = a.video_system.control_centre.log_retention_days;
        if let Some(days) = log_days.filter(|days| *days < MIN_LOG_DAYS) {
            out.push(texts.finding(
                "AIA-26-6",
                Severity::Medium,
                &[
                    ("days", text::number(days)),
                    ("minimum", text::number(MIN_LOG_DAYS)),
                ],
                vec![path::video_system::control_centre::LOG_RETENTION_DAYS],
            ));
        }
    }
    if !locked.is_empty() {
        let names: Vec<_> = locked
            .iter()
            .map(|r| texts.capability(&r.capability_id))
            .collect();
        out.push(texts.finding(
            "AIA-ANNEX-III-1-LOCKED",
            Severity::Info,
            &[("capabilities", text::join(&names))],
            locked.iter().map(|r| field(r)).collect(),
        ));
    }
    out
}

/// The day Annex III obligations (arts 26 and 27 included) apply, as amended by Regulation
/// 2026/1744 (secondary sources, to verify in the OJ).
pub fn annex_iii_applies_on() -> Option<Date> {
    Date::from_ymd(2027, 12, 2)
}

/// The end of the art. 111(2) transition for a public authority's system already in service,
/// unless significantly changed (same sources).
pub fn transition_ends_on() -> Option<Date> {
    Date::from_ymd(2030, 8, 2)
}

/// When art. 27 applies to this system, as of `today`: before or after 2 December 2027, and for
/// a system in service the 2 August 2030 transition.
fn annex_iii_dates(texts: Texts, today: Date, in_service: bool) -> crate::knowledge::Bilingual {
    let applies = annex_iii_applies_on().is_some_and(|d| today >= d);
    let phrase = match (in_service, applies) {
        (true, false) => "r26.in_service_before",
        (true, true) => "r26.in_service_after",
        (false, false) => "r26.planned_before",
        (false, true) => "r26.planned_after",
    };
    texts.phrase(phrase, &[("today", text::date(today))])
}
