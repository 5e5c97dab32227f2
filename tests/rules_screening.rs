//! Screening: criteria derived from the facts with their « because » trail, overrides with a
//! reason, the verdict and the art. 90 analysis; completeness per step.

mod common;

use common::{capability, compliant, evaluate};
use gardefou::model::*;
use gardefou::rules::{Origin, Verdict};

const TODAY: &str = "2026-11-23";

#[test]
fn public_space_at_city_scale_requires_a_dpia_under_art_35_3_c() {
    let report = evaluate(&compliant(), TODAY);
    let s = &report.screening;
    assert_eq!(s.met_ids(), ["C3", "C5"]);
    assert_eq!(s.verdict, Verdict::Required);
    assert!(
        s.reasons.iter().any(|r| r.en.contains("35(3)(c)")),
        "{:?}",
        s.reasons
    );
    let c5 = s.criterion("C5").expect("C5");
    assert!(
        c5.because[0].en.starts_with("12 cameras"),
        "{:?}",
        c5.because
    );
}

#[test]
fn scale_starts_at_ten_cameras() {
    let mut a = compliant();
    a.cameras.truncate(9);
    let report = evaluate(&a, TODAY);
    assert!(!report.screening.criterion("C5").expect("C5").is_met);
    assert_eq!(report.screening.verdict, Verdict::Recommended);
    a.cameras.push(Camera::default());
    assert_eq!(evaluate(&a, TODAY).screening.verdict, Verdict::Required);
}

#[test]
fn no_criterion_means_no_dpia_required() {
    let mut a = compliant();
    a.screening.films_public_space = Some(false);
    // The scale question is part of the screening since the legal-depth issue.
    a.screening.is_large_scale = Some(false);
    a.capabilities.clear();
    let report = evaluate(&a, TODAY);
    assert!(report.screening.met_ids().is_empty());
    assert_eq!(report.screening.verdict, Verdict::NotRequired);
}

#[test]
fn a_usable_capability_meets_the_criteria_the_catalogue_gives_it_and_says_so() {
    let mut a = compliant();
    a.capabilities.push(capability(
        "K03",
        Presence::Present,
        CapabilityState::Enabled,
        UnlockHolder::Controller,
    ));
    let report = evaluate(&a, TODAY);
    for id in ["C1", "C6", "C8"] {
        let c = report.screening.criterion(id).expect("criterion");
        assert!(c.is_met, "{id} not met");
        assert!(
            c.because.iter().any(|b| b.fr.starts_with("K03")),
            "{id}: {:?}",
            c.because
        );
    }
}

#[test]
fn a_capability_locked_out_by_the_vendor_meets_no_criterion() {
    let mut a = compliant();
    a.capabilities.push(capability(
        "K03",
        Presence::Present,
        CapabilityState::LockedByVendor,
        UnlockHolder::Vendor,
    ));
    let report = evaluate(&a, TODAY);
    assert!(!report.screening.criterion("C1").expect("C1").is_met);
}

#[test]
fn an_override_wins_and_keeps_its_reason_and_the_derived_value() {
    let mut a = compliant();
    a.screening.overrides.push(CriterionOverride {
        criterion_id: CriterionId::new("C5"),
        is_met: false,
        reason: "Douze caméras sur un parking de mairie.".into(),
    });
    let report = evaluate(&a, TODAY);
    let c5 = report.screening.criterion("C5").expect("C5");
    assert!(!c5.is_met && c5.is_met_derived);
    assert_eq!(c5.origin, Origin::Override);
    assert_eq!(
        c5.override_reason.as_deref(),
        Some("Douze caméras sur un parking de mairie.")
    );
    assert_eq!(report.screening.verdict, Verdict::Recommended);
}

#[test]
fn sensitive_data_comes_from_facts_never_from_the_police_justice_regime_itself() {
    let mut a = compliant();
    assert!(!evaluate(&a, TODAY).screening.is_art90_required);
    // Prevention of attacks on plain cameras: Police-Justice, but nothing sensitive is
    // processed — C4 is not met, and one criterion (public space) does not make it required.
    a.processing.purposes.push(Purpose {
        kind: PurposeKind::Csi5,
        regime: Regime::PoliceJustice,
        legal_basis: LegalBasis::TitleIIIMission,
        ..Purpose::default()
    });
    let report = evaluate(&a, TODAY);
    assert!(report.screening.art90_reason.fr.contains("5°"));
    assert!(!report.screening.criterion("C4").expect("C4").is_met);
    assert!(!report.screening.is_art90_required);
    // Traffic offences established from the images: offence data (WP248 criterion 4).
    a.processing.purposes.push(Purpose {
        kind: PurposeKind::Csi4,
        regime: Regime::PoliceJustice,
        legal_basis: LegalBasis::TitleIIIMission,
        ..Purpose::default()
    });
    let report = evaluate(&a, TODAY);
    let c4 = report.screening.criterion("C4").expect("C4");
    assert!(c4.is_met);
    assert!(c4
        .because
        .iter()
        .any(|b| b.fr.contains("infractions sont constatées")));
    assert!(report.screening.is_art90_required);
}

#[test]
fn art_90_consultation_follows_the_cameras_serving_the_police_justice_purpose() {
    // Eight plain cameras serve offence prevention (Police-Justice); the analytics reach only
    // four other cameras, which serve public buildings (GDPR).
    let mut a = compliant();
    a.capabilities.push(capability(
        "K03",
        Presence::Present,
        CapabilityState::Enabled,
        UnlockHolder::Controller,
    ));
    a.processing.purposes.push(Purpose {
        kind: PurposeKind::Csi5,
        regime: Regime::PoliceJustice,
        legal_basis: LegalBasis::TitleIIIMission,
        ..Purpose::default()
    });
    for (n, camera) in a.cameras.iter_mut().enumerate() {
        if n < 8 {
            camera.purposes = vec![PurposeKind::Csi5];
            camera.is_analytics_coupled = false;
        } else {
            camera.purposes = vec![PurposeKind::Csi1];
            camera.is_analytics_coupled = true;
        }
    }
    let report = evaluate(&a, TODAY);
    assert!(
        report.screening.criterion("C8").expect("C8").is_met,
        "the system as a whole is innovative"
    );
    let art90 = &report.screening.art90_purposes;
    assert_eq!(art90.len(), 1);
    assert!(!art90[0].is_innovative, "not on the cameras serving 5°");
    assert!(report.by_rule("R18-ART90").next().is_none());
    // Couple one of them: the Police-Justice purpose now rests on the new technology.
    a.cameras[0].is_analytics_coupled = true;
    let report = evaluate(&a, TODAY);
    assert!(report.screening.art90_purposes[0].is_innovative);
    assert!(report.by_rule("R18-ART90").next().is_some());
}

#[test]
fn only_an_explicit_decision_with_its_reason_clears_the_art_90_consultation() {
    let mut a = common::sample();
    let fires = |a: &Assessment| evaluate(a, TODAY).by_rule("R18-ART90").next().is_some();
    assert!(fires(&a));
    // A note is not a decision.
    a.opinions.prior_consultation.not_needed_reason = "Consultation à déposer au T1 2027".into();
    assert!(fires(&a), "a note in the reason field clears nothing");
    // The decision without a reason is not enough either.
    a.opinions.prior_consultation.not_needed_reason.clear();
    a.opinions.prior_consultation.is_not_needed = true;
    assert!(fires(&a));
    a.opinions.prior_consultation.not_needed_reason =
        "Les caméras couplées ne servent que la finalité statistique.".into();
    assert!(!fires(&a));
    // The dossier's decision block says so.
    let kb = common::kb();
    let report = gardefou::rules::evaluate(&a, &kb, common::day(TODAY));
    let options = gardefou::dossier::DossierOptions {
        lang: Lang::Fr,
        is_public: false,
        today: common::day(TODAY),
        source_text: None,
    };
    let text =
        gardefou::dossier::text::plain_text(&gardefou::dossier::build(&a, &kb, &report, &options));
    assert!(
        text.contains("La consultation n’est pas requise\u{a0}: Les caméras couplées"),
        "decision block"
    );
}

/// Art. 90 LIL is judged per Police-Justice purpose, on the cameras that serve it: offence
/// prevention on the coupled cameras with attribute search needs the analysis; traffic offences
/// on two plain cameras inside a building only has it recommended.
#[test]
fn the_art_90_analysis_is_judged_per_police_justice_purpose() {
    let mut a = compliant();
    a.screening.films_public_space = Some(false);
    a.capabilities.push(capability(
        "K03",
        Presence::Present,
        CapabilityState::Enabled,
        UnlockHolder::Controller,
    ));
    for kind in [PurposeKind::Csi5, PurposeKind::Csi4] {
        a.processing.purposes.push(Purpose {
            kind,
            regime: Regime::PoliceJustice,
            legal_basis: LegalBasis::TitleIIIMission,
            ..Purpose::default()
        });
    }
    for (n, camera) in a.cameras.iter_mut().enumerate() {
        if n < 4 {
            camera.purposes = vec![PurposeKind::Csi5];
            camera.is_analytics_coupled = true;
        } else if n < 6 {
            camera.purposes = vec![PurposeKind::Csi4];
        }
    }
    let report = evaluate(&a, TODAY);
    let s = &report.screening;
    let verdicts: Vec<_> = s
        .art90_purposes
        .iter()
        .map(|p| (p.kind, p.verdict))
        .collect();
    assert_eq!(
        verdicts,
        [
            (PurposeKind::Csi4, Verdict::Recommended),
            (PurposeKind::Csi5, Verdict::Required)
        ]
    );
    assert!(s.is_art90_required);
    let traffic = &s.art90_purposes[0].reason.fr;
    assert!(traffic.contains("recommandée"), "{traffic}");
    assert!(
        traffic.contains(
            "servant cette finalité\u{a0}: 2, dont couplées au logiciel d’analyse\u{a0}: 0"
        ),
        "{traffic}"
    );
    // Without the coupled purpose, no Police-Justice purpose is likely to create a high risk.
    a.processing
        .purposes
        .retain(|p| p.kind != PurposeKind::Csi5);
    assert!(!evaluate(&a, TODAY).screening.is_art90_required);

    // An inventory without purposes per camera: each purpose is judged on the whole system.
    for camera in a.cameras.iter_mut() {
        camera.purposes.clear();
    }
    let report = evaluate(&a, TODAY);
    let whole = &report.screening.art90_purposes[0];
    assert_eq!(whole.verdict, Verdict::Required);
    assert!(
        whole.reason.en.contains("judged on the whole system"),
        "{}",
        whole.reason.en
    );
}

#[test]
fn biometrics_in_public_space_cites_the_cnil_list() {
    let mut a = compliant();
    a.capabilities.push(capability(
        "K02",
        Presence::Present,
        CapabilityState::DisabledByConfig,
        UnlockHolder::Controller,
    ));
    let report = evaluate(&a, TODAY);
    assert!(report
        .screening
        .reasons
        .iter()
        .any(|r| r.fr.contains("n° 11")));
}

#[test]
fn an_empty_assessment_is_mostly_incomplete_and_says_what_is_missing() {
    let report = evaluate(&Assessment::default(), TODAY);
    assert!(
        report.completeness.percent() < 10,
        "{}",
        report.completeness.percent()
    );
    let missing = report.completeness.missing();
    for path in [
        "project.title",
        "processing.purposes",
        "cameras",
        "capabilities[K02].presence",
        "necessity.minimisation",
        "rights.access.evaluation",
        "opinions.dpo_opinion",
    ] {
        assert!(
            missing.iter().any(|m| m == path),
            "{path} not listed as missing"
        );
    }
}

#[test]
fn the_sample_is_complete_but_for_the_fria_answer() {
    let mut sample = common::sample();
    let report = evaluate(&sample, TODAY);
    assert_eq!(report.completeness.missing(), ["screening.has_fria"]);
    assert_eq!(report.completeness.percent(), 99);
    sample.screening.has_fria = Some(false);
    let report = evaluate(&sample, TODAY);
    assert_eq!(report.completeness.percent(), 100);
    assert_eq!(
        report
            .completeness
            .step("screening")
            .expect("step")
            .percent(),
        100
    );
}

#[test]
fn a_planned_measure_needs_an_owner_and_a_deadline() {
    let mut a = compliant();
    a.measures.push(Measure {
        measure_id: MeasureId::new("M-X1"),
        status: MeasureStatus::Planned,
        ..Measure::default()
    });
    let missing = evaluate(&a, TODAY).completeness.missing();
    assert!(missing.iter().any(|p| p == "measures[M-X1].owner"));
    assert!(missing.iter().any(|p| p == "measures[M-X1].deadline"));
}

/// An empty assessment whose screening questions are all answered « no ».
fn answered_no() -> Assessment {
    let mut a = Assessment::default();
    a.screening.films_public_space = Some(false);
    a.screening.has_automated_decisions = Some(false);
    a.screening.has_data_matching = Some(false);
    a.screening.films_vulnerable_people = Some(false);
    a.screening.is_large_scale = Some(false);
    a
}

#[test]
fn an_unanswered_screening_is_undetermined_never_not_required() {
    let report = evaluate(&Assessment::default(), TODAY);
    assert_eq!(report.screening.verdict, Verdict::Undetermined);
    assert_eq!(report.screening.verdict.code(), "undetermined");
    assert!(report.screening.reasons[0].fr.contains("à déterminer"));
    // Every question answered « no » and nothing recorded: now « not required » can be said.
    let mut a = answered_no();
    assert_eq!(evaluate(&a, TODAY).screening.verdict, Verdict::NotRequired);
    // One question left open is enough to keep it undetermined.
    a.screening.has_data_matching = None;
    assert_eq!(evaluate(&a, TODAY).screening.verdict, Verdict::Undetermined);
}

#[test]
fn the_controllers_own_judgement_of_scale_takes_precedence_over_the_camera_count() {
    let mut a = compliant();
    // No answer: the app's heuristic, said to be one.
    let c5 = evaluate(&a, TODAY)
        .screening
        .criterion("C5")
        .cloned()
        .expect("C5");
    assert!(c5.is_met);
    assert!(
        c5.because[0].en.contains("the app’s threshold: 10 cameras"),
        "{:?}",
        c5.because
    );
    // The controller says it is not large scale: twelve cameras do not make it so.
    a.screening.is_large_scale = Some(false);
    assert!(
        !evaluate(&a, TODAY)
            .screening
            .criterion("C5")
            .expect("C5")
            .is_met
    );
    // The controller says it is, with three cameras: the factors are the trail.
    a.cameras.truncate(3);
    a.screening.is_large_scale = Some(true);
    a.screening.scale_people = "40 000 passants par jour".into();
    let c5 = evaluate(&a, TODAY)
        .screening
        .criterion("C5")
        .cloned()
        .expect("C5");
    assert!(c5.is_met);
    assert!(
        c5.because[0].fr.contains("40 000 passants par jour"),
        "{:?}",
        c5.because
    );
}

#[test]
fn categorisation_alone_is_not_recognition_for_cnil_list_item_11() {
    let mut a = compliant();
    a.cameras.truncate(3);
    a.capabilities.push(capability(
        "K15",
        Presence::Present,
        CapabilityState::Enabled,
        UnlockHolder::Controller,
    ));
    let report = evaluate(&a, TODAY);
    assert!(
        !report
            .screening
            .reasons
            .iter()
            .any(|r| r.en.contains("item 11")),
        "{:?}",
        report.screening.reasons
    );
    a.capabilities.push(capability(
        "K02",
        Presence::Present,
        CapabilityState::Enabled,
        UnlockHolder::Controller,
    ));
    let report = evaluate(&a, TODAY);
    assert!(report
        .screening
        .reasons
        .iter()
        .any(|r| r.en.contains("item 11")));
}

#[test]
fn a_capability_whose_presence_is_unknown_keeps_the_verdict_undetermined() {
    let mut a = answered_no();
    assert_eq!(evaluate(&a, TODAY).screening.verdict, Verdict::NotRequired);
    a.capabilities.push(capability(
        "K02",
        Presence::Unknown,
        CapabilityState::Unknown,
        UnlockHolder::Unknown,
    ));
    assert_eq!(evaluate(&a, TODAY).screening.verdict, Verdict::Undetermined);
}

/// Filming the control-centre staff is constant monitoring of employees: criterion C7 and CNIL
/// list item 4, which makes the AIPD required on its own.
#[test]
fn filmed_control_centre_staff_meet_c7_and_cnil_list_item_4() {
    let mut a = compliant();
    a.cameras.truncate(3);
    a.screening.films_public_space = Some(false);
    let before = evaluate(&a, TODAY).screening;
    assert!(!before.criterion("C7").expect("C7").is_met);
    assert_ne!(before.verdict, Verdict::Required);
    a.video_system.control_centre.films_staff = Some(true);
    let after = evaluate(&a, TODAY).screening;
    assert!(after.criterion("C7").expect("C7").is_met);
    assert_eq!(after.verdict, Verdict::Required);
    assert!(
        after
            .reasons
            .iter()
            .any(|r| r.fr.contains("Liste CNIL n° 4")),
        "{:?}",
        after.reasons
    );
}
