//! The engine never panics, whatever the assessment: thousands of generated assessments, with
//! absurd values (zero-year authorisations, huge retentions, unknown ids, dates at the ends of
//! the calendar), each evaluated and checked for its invariants.

mod common;

use gardefou::knowledge::Verification;
use gardefou::model::*;
use gardefou::rules::{self, Severity};
use proptest::prelude::*;

fn presence() -> impl Strategy<Value = Presence> {
    prop_oneof![
        Just(Presence::Unknown),
        Just(Presence::Absent),
        Just(Presence::Present)
    ]
}

fn state() -> impl Strategy<Value = CapabilityState> {
    prop_oneof![
        Just(CapabilityState::Unknown),
        Just(CapabilityState::Enabled),
        Just(CapabilityState::DisabledByConfig),
        Just(CapabilityState::LockedByVendor)
    ]
}

fn holder() -> impl Strategy<Value = UnlockHolder> {
    prop_oneof![
        Just(UnlockHolder::Unknown),
        Just(UnlockHolder::Controller),
        Just(UnlockHolder::Vendor),
        Just(UnlockHolder::Integrator),
        Just(UnlockHolder::NoOne)
    ]
}

fn scope() -> impl Strategy<Value = UseScope> {
    prop_oneof![
        Just(UseScope::Unspecified),
        Just(UseScope::ParkingPaymentControl),
        Just(UseScope::AnonymousStatistics),
        Just(UseScope::JudicialRequisitions),
        Just(UseScope::OperationalDetection)
    ]
}

fn date() -> impl Strategy<Value = Date> {
    (1i32..=9999, 1u8..=12, 1u8..=28)
        .prop_map(|(y, m, d)| Date::from_ymd(y, m, d).unwrap_or_else(|| panic!("{y}-{m}-{d}")))
}

fn capability() -> impl Strategy<Value = CapabilityRecord> {
    (
        1u8..=18,
        presence(),
        state(),
        holder(),
        scope(),
        proptest::collection::vec("EV-[0-3]", 0..3),
    )
        .prop_map(|(n, presence, state, unlock_holder, use_scope, evidence)| {
            CapabilityRecord {
                capability_id: CapabilityId::new(format!("K{n:02}")),
                presence,
                state,
                unlock_holder,
                use_scope,
                evidence_ids: evidence.into_iter().map(EvidenceId::new).collect(),
                ..CapabilityRecord::default()
            }
        })
}

fn purpose() -> impl Strategy<Value = Purpose> {
    (0usize..PurposeKind::ALL.len(), 0u8..3).prop_map(|(k, r)| Purpose {
        kind: PurposeKind::ALL[k],
        regime: [Regime::Undetermined, Regime::Gdpr, Regime::PoliceJustice][usize::from(r)],
        ..Purpose::default()
    })
}

fn risk() -> impl Strategy<Value = Risk> {
    let level = proptest::option::of(0u8..=4).prop_map(|n| n.and_then(Level::from_number));
    (
        level.clone(),
        level.clone(),
        level.clone(),
        level,
        "RISK-[0-9]",
    )
        .prop_map(|(s, l, rs, rl, id)| Risk {
            risk_id: RiskId::new(id),
            severity: s,
            likelihood: l,
            residual_severity: rs,
            residual_likelihood: rl,
            measure_ids: vec![MeasureId::new("M-404")],
            ..Risk::default()
        })
}

prop_compose! {
    fn assessment()(
        base_is_sample in any::<bool>(),
        capabilities in proptest::collection::vec(capability(), 0..20),
        purposes in proptest::collection::vec(purpose(), 0..5),
        risks in proptest::collection::vec(risk(), 0..5),
        cameras in 0usize..40,
        dwellings in any::<bool>(),
        retention in proptest::option::of(any::<u32>()),
        metadata in proptest::option::of(any::<u32>()),
        authorised in proptest::option::of(any::<u32>()),
        granted_on in proptest::option::of(date()),
        duration_years in any::<u32>(),
        flags in proptest::collection::vec(proptest::option::of(any::<bool>()), 16),
        overrides in proptest::collection::vec(("C[0-9]{1,2}", any::<bool>(), "[a-z ]{0,5}"), 0..4),
        review in proptest::option::of(date()),
    ) -> Assessment {
        let mut a = if base_is_sample { common::shared_sample().clone() } else { Assessment::default() };
        if !capabilities.is_empty() { a.capabilities = capabilities; }
        if !purposes.is_empty() { a.processing.purposes = purposes; }
        if !risks.is_empty() { a.risks = risks; }
        if cameras > 0 {
            a.cameras = (0..cameras).map(|n| Camera {
                camera_id: CameraId::new(format!("C{}", n % 7)),
                views_dwellings: dwellings && n % 3 == 0,
                is_analytics_coupled: n % 2 == 0,
                purposes: vec![PurposeKind::ALL[n % PurposeKind::ALL.len()]],
                ..Camera::default()
            }).collect();
        }
        let v = &mut a.video_system;
        v.image_retention_days = retention;
        v.metadata_retention_days = metadata;
        v.authorisation.authorised_retention_days = authorised;
        v.authorisation.granted_on = granted_on;
        v.authorisation.duration_years = duration_years;
        v.authorisation.is_renewal_filed = flags[0];
        v.public_information.has_signs = flags[1];
        v.public_information.signs_have_pictogram = flags[2];
        v.public_information.notice_mentions_statistics = flags[3];
        v.statistics.is_used = flags[4];
        v.statistics.module_has_image_access = flags[5];
        v.searches.is_requisition_only = flags[6];
        v.searches.has_sensitive_attribute_filters = flags[7];
        v.control_centre.has_access_logs = flags[8];
        let s = &mut a.screening;
        s.films_public_space = flags[9];
        s.has_automated_decisions = flags[10];
        s.declares_no_biometrics = flags[11];
        s.captures_audio = flags[12];
        s.started_before_dpia = flags[13];
        s.has_art90_dpia = flags[14];
        s.has_fria = flags[15];
        s.overrides = overrides.into_iter().map(|(id, is_met, reason)| CriterionOverride {
            criterion_id: CriterionId::new(id), is_met, reason,
        }).collect();
        a.project.review_due_on = review;
        a.project.last_review_on = review;
        a
    }
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 3000, ..ProptestConfig::default() })]

    #[test]
    fn the_engine_never_panics_and_keeps_its_invariants(a in assessment(), today in date()) {
        let kb = common::shared_kb();
        let report = rules::evaluate(&a, kb, today);
        // Sorted, most severe first.
        let severities: Vec<Severity> = report.findings.iter().map(|f| f.severity).collect();
        let mut sorted = severities.clone();
        sorted.sort();
        prop_assert_eq!(severities, sorted);
        for finding in &report.findings {
            let text = kb.rule_text(&finding.rule_id);
            prop_assert!(text.is_some(), "no text for {}", finding.rule_id);
            if kb.rule_verification(&finding.rule_id) == Verification::Unverified {
                prop_assert_ne!(finding.severity, Severity::Blocking);
            }
            prop_assert!(!finding.message.fr.contains('{') && !finding.message.en.contains('{'),
                "unfilled placeholder in {}: {}", finding.rule_id, finding.message.en);
        }
        prop_assert_eq!(report.screening.criteria.len(), 9);
        prop_assert!(report.completeness.percent() <= 100);
        prop_assert_eq!(report.has_blocking(), report.findings.iter().any(|f| f.severity == Severity::Blocking));
        // Deterministic.
        prop_assert_eq!(rules::evaluate(&a, kb, today), report);
    }
}
