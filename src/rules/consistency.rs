//! Contradictions between answers: what one step says and another denies. Each is a finding the
//! DPO resolves by correcting one of the two answers.

use super::finding::{Finding, Severity};
use super::text::{self, Texts};
use crate::knowledge::ids::capability::{K09_COUNTING, K13_MASKING, K16_PLAIN_VIEWING};
use crate::knowledge::{Bilingual, KnowledgeBase};
use crate::model::path;
use crate::model::{integrity, Assessment, LegalBasis, PurposeKind, Regime, UseScope};

/// Consistency findings.
pub fn consistency(a: &Assessment, kb: &KnowledgeBase) -> Vec<Finding> {
    let texts = Texts { kb };
    let mut out = Vec::new();
    legal_bases(a, kb, texts, &mut out);
    camera_purposes(a, texts, &mut out);
    capability_states(a, texts, &mut out);

    let mut biometric: Vec<_> = a
        .capabilities
        .iter()
        .filter(|r| r.is_usable())
        .filter(|r| {
            kb.capability(&r.capability_id)
                .is_some_and(|d| d.is_biometric)
        })
        .collect();
    biometric.sort_by(|x, y| x.capability_id.cmp(&y.capability_id));
    if a.screening.declares_no_biometrics == Some(true) && !biometric.is_empty() {
        let names: Vec<_> = biometric
            .iter()
            .map(|r| texts.capability(&r.capability_id))
            .collect();
        let mut fields: Vec<crate::model::path::FieldPath> = biometric
            .iter()
            .map(|r| path::capability(&r.capability_id, Some("state")))
            .collect();
        fields.push(path::screening::DECLARES_NO_BIOMETRICS);
        out.push(texts.finding(
            "CONS-BIOMETRICS",
            Severity::High,
            &[("capabilities", text::join(&names))],
            fields,
        ));
    }

    let coupled = a.cameras.iter().filter(|c| c.is_analytics_coupled).count();
    let software = &a.video_system.software;
    if coupled > 0 && (software.vendor.trim().is_empty() || software.product.trim().is_empty()) {
        out.push(texts.finding(
            "CONS-SOFTWARE",
            Severity::Medium,
            &[("count", text::number(coupled))],
            vec![path::video_system::SOFTWARE],
        ));
    }

    // Plain viewing (K16) and masking (K13) need no analytics coupling.
    let mut analytics: Vec<_> = a
        .capabilities
        .iter()
        .filter(|r| {
            r.is_enabled() && ![K13_MASKING, K16_PLAIN_VIEWING].contains(&r.capability_id.as_str())
        })
        .collect();
    analytics.sort_by(|x, y| x.capability_id.cmp(&y.capability_id));
    if coupled == 0 && !a.cameras.is_empty() && !analytics.is_empty() {
        let names: Vec<_> = analytics
            .iter()
            .map(|r| texts.capability(&r.capability_id))
            .collect();
        out.push(texts.finding(
            "CONS-NO-COUPLED-CAMERA",
            Severity::Medium,
            &[("capabilities", text::join(&names))],
            vec!["cameras".into()],
        ));
    }

    let statistics = &a.video_system.statistics;
    let counting = a.capability(K09_COUNTING).filter(|r| r.is_enabled());
    if let Some(counting) = counting.filter(|_| statistics.is_used == Some(false)) {
        let reason = texts.phrase(
            "stats.not_declared",
            &[("capability", texts.capability(&counting.capability_id))],
        );
        out.push(texts.finding(
            "CONS-STATISTICS",
            Severity::Medium,
            &[("reason", reason)],
            vec![
                path::video_system::statistics::IS_USED,
                path::capability(
                    crate::knowledge::ids::capability::K09_COUNTING,
                    Some("state"),
                ),
            ],
        ));
    } else if statistics.is_used == Some(true)
        && !a
            .processing
            .purposes
            .iter()
            .any(|p| p.kind == PurposeKind::AnonymousStatistics)
    {
        out.push(texts.finding(
            "CONS-STATISTICS",
            Severity::Medium,
            &[("reason", texts.phrase("stats.no_purpose", &[]))],
            vec![
                path::processing::PURPOSES,
                path::video_system::statistics::IS_USED,
            ],
        ));
    }

    if a.video_system.searches.is_requisition_only == Some(true) {
        for record in a
            .capabilities
            .iter()
            .filter(|r| r.is_enabled() && r.use_scope == UseScope::OperationalDetection)
            // R08 (prohibited detection), R11 (plates) and R09/R10 (biometrics) already judge
            // these uses: the contradiction is not said twice.
            .filter(|r| !super::capabilities::is_prohibited_detection(r))
            .filter(|r| {
                r.capability_id.as_str() != crate::knowledge::ids::capability::K08_PLATE_READING
            })
            .filter(|r| {
                !kb.capability(&r.capability_id)
                    .is_some_and(|def| def.is_biometric)
            })
        {
            out.push(texts.finding(
                "CONS-SEARCH-SCOPE",
                Severity::High,
                &[("capability", texts.capability(&record.capability_id))],
                vec![
                    path::video_system::searches::IS_REQUISITION_ONLY,
                    path::capability(&record.capability_id, Some("use_scope")),
                ],
            ));
        }
    }

    for over in &a.screening.overrides {
        if over.reason.trim().is_empty() {
            out.push(texts.finding(
                "CONS-OVERRIDE-REASON",
                Severity::Medium,
                &[("criterion", Bilingual::same(over.criterion_id.to_string()))],
                vec![path::screening_override(&over.criterion_id)],
            ));
        }
    }

    let mut unknown: Vec<(&str, &str)> = a
        .capabilities
        .iter()
        .filter(|r| kb.capability(&r.capability_id).is_none())
        .map(|r| ("problem.unknown_capability", r.capability_id.as_str()))
        .collect();
    unknown.extend(
        a.screening
            .overrides
            .iter()
            .filter(|o| kb.criterion(&o.criterion_id).is_none())
            .map(|o| ("problem.unknown_criterion", o.criterion_id.as_str())),
    );
    for (key, id) in unknown {
        let text = texts.text(key, &[("id", id)]);
        let message = Bilingual {
            fr: capitalised(&text.fr),
            en: capitalised(&text.en),
        };
        out.push(texts.finding(
            "CONS-REFERENCE",
            Severity::Medium,
            &[("problem", message)],
            Vec::new(),
        ));
    }

    for problem in integrity::problems(a) {
        let text = problem_text(texts, &problem);
        let message = Bilingual {
            fr: capitalised(&text.fr),
            en: capitalised(&text.en),
        };
        out.push(texts.finding(
            "CONS-REFERENCE",
            Severity::Medium,
            &[("problem", message)],
            Vec::new(),
        ));
    }
    out
}

/// The text with its first letter in upper case, and a final full stop.
fn capitalised(text: &str) -> String {
    let mut chars = text.chars();
    let mut out: String = chars
        .next()
        .map(|first| first.to_uppercase().chain(chars).collect())
        .unwrap_or_default();
    if !out.ends_with('.') {
        out.push('.');
    }
    out
}

/// The message of an integrity problem, in both languages.
fn problem_text(texts: Texts, problem: &integrity::Problem) -> Bilingual {
    use integrity::Problem;
    match problem {
        Problem::DuplicateCamera(id) => texts.text("problem.duplicate_camera", &[("id", id)]),
        Problem::DuplicateCapability(id) => {
            texts.text("problem.duplicate_capability", &[("id", id)])
        }
        Problem::DuplicateMeasure(id) => texts.text("problem.duplicate_measure", &[("id", id)]),
        Problem::DuplicateRisk(id) => texts.text("problem.duplicate_risk", &[("id", id)]),
        Problem::UnknownEvidence { owner, evidence_id } => texts.text(
            "problem.unknown_evidence",
            &[("owner", owner), ("id", evidence_id)],
        ),
        Problem::UnknownMeasure { owner, measure_id } => texts.text(
            "problem.unknown_measure",
            &[("owner", owner), ("id", measure_id)],
        ),
    }
}

/// CONS-BASIS: a purpose's legal basis must belong to its regime — the Title III mission (LIL art.
/// 87) for a Police-Justice purpose, a GDPR art. 6 basis for a GDPR purpose.
fn legal_bases(a: &Assessment, kb: &KnowledgeBase, texts: Texts, out: &mut Vec<Finding>) {
    for (index, purpose) in a.processing.purposes.iter().enumerate() {
        let mismatch = match purpose.regime {
            Regime::PoliceJustice => !matches!(
                purpose.legal_basis,
                LegalBasis::TitleIIIMission | LegalBasis::Undetermined
            ),
            Regime::Gdpr => purpose.legal_basis == LegalBasis::TitleIIIMission,
            _ => false,
        };
        if !mismatch {
            continue;
        }
        let label = kb.purpose(purpose.kind).map_or_else(
            || Bilingual::same(format!("{:?}", purpose.kind)),
            |d| d.label.clone(),
        );
        out.push(texts.finding(
            "CONS-BASIS",
            Severity::High,
            &[
                ("purpose", label),
                ("regime", texts.variant("regime", purpose.regime)),
                ("basis", texts.variant("legal_basis", purpose.legal_basis)),
            ],
            vec![path::purpose(index, Some("legal_basis"))],
        ));
    }
}

/// CONS-CAMERA-PURPOSE: a camera serves a purpose the processing does not declare.
fn camera_purposes(a: &Assessment, texts: Texts, out: &mut Vec<Finding>) {
    let declared: Vec<PurposeKind> = a.processing.purposes.iter().map(|p| p.kind).collect();
    if declared.is_empty() {
        return;
    }
    let mut cameras: Vec<&str> = a
        .cameras
        .iter()
        .filter(|c| c.purposes.iter().any(|p| !declared.contains(p)))
        .map(|c| c.camera_id.as_str())
        .collect();
    if cameras.is_empty() {
        return;
    }
    let count = cameras.len();
    cameras.truncate(12);
    out.push(texts.finding(
        "CONS-CAMERA-PURPOSE",
        Severity::Medium,
        &[
            ("count", text::number(count)),
            ("cameras", Bilingual::same(cameras.join(", "))),
        ],
        vec![path::processing::PURPOSES],
    ));
}

/// Emits CAP-STATE-UNKNOWN: capabilities present in the software whose state (enabled, disabled,
/// locked) is still « to establish » — what a vendor preset leaves. Until answered, nothing is
/// told about them either way (the public notice leaves them out).
fn capability_states(a: &Assessment, texts: Texts, out: &mut Vec<Finding>) {
    let mut unknown: Vec<_> = a
        .capabilities
        .iter()
        .filter(|r| r.is_present() && r.state == crate::model::CapabilityState::Unknown)
        .collect();
    if unknown.is_empty() {
        return;
    }
    unknown.sort_by(|x, y| x.capability_id.cmp(&y.capability_id));
    out.push(
        texts.finding(
            "CAP-STATE-UNKNOWN",
            Severity::Medium,
            &[(
                "capabilities",
                text::join(
                    &unknown
                        .iter()
                        .map(|r| texts.capability(&r.capability_id))
                        .collect::<Vec<_>>(),
                ),
            )],
            unknown
                .iter()
                .map(|r| path::capability(&r.capability_id, Some("state")))
                .collect(),
        ),
    );
}
