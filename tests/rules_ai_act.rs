//! AI Act wording and citations: post-event face search and categorisation cite Annex III and
//! art. 26(10) / 5(1)(g), not the real-time prohibition of art. 5(1)(h); attribute search
//! inferred from the body is categorisation (Annex III 1(b)) and asks the FRIA question; the FRIA
//! finding says which Annex III dates are in force on the day of the check.

mod common;

use common::{capability, compliant, evaluate};
use gardefou::model::*;
use gardefou::rules::Severity;

fn sources(report: &gardefou::rules::Report, rule: &str) -> Vec<String> {
    report
        .by_rule(rule)
        .flat_map(|f| f.sources.iter().map(|s| s.as_str().to_owned()))
        .collect()
}

#[test]
fn post_event_face_search_is_not_cited_under_the_real_time_prohibition() {
    let mut a = compliant();
    a.capabilities.push(capability(
        "K02",
        Presence::Present,
        CapabilityState::DisabledByConfig,
        UnlockHolder::Controller,
    ));
    let report = evaluate(&a, "2026-11-23");
    let r09 = sources(&report, "R09");
    assert!(r09.contains(&"AIA-ANNEX-III-1".to_owned()), "{r09:?}");
    assert!(r09.contains(&"AIA-26".to_owned()), "{r09:?}");
    assert!(!r09.contains(&"AIA-5-1-H".to_owned()), "{r09:?}");
    a.capabilities[2].state = CapabilityState::Enabled;
    let report = evaluate(&a, "2026-11-23");
    let r10 = sources(&report, "R10");
    assert!(!r10.contains(&"AIA-5-1-H".to_owned()), "{r10:?}");
    assert!(r10.contains(&"AIA-5-1-G".to_owned()), "{r10:?}");
}

#[test]
fn attribute_search_inferred_from_the_body_is_categorisation_and_asks_for_the_fria() {
    let mut a = compliant();
    a.project.organisation_kind = OrganisationKind::Commune;
    let mut attributes = capability(
        "K03",
        Presence::Present,
        CapabilityState::Enabled,
        UnlockHolder::Controller,
    );
    attributes.usage_mode = UsageMode::OnRecordings;
    attributes.use_scope = UseScope::JudicialRequisitions;
    a.capabilities.push(attributes);
    a.video_system.searches.has_body_inferred_filters = Some(false);
    let report = evaluate(&a, "2026-11-23");
    assert!(report.by_rule("AIA-ANNEX-III-1").next().is_none());
    assert!(report.by_rule("R26").next().is_none());
    a.video_system.searches.has_body_inferred_filters = Some(true);
    let report = evaluate(&a, "2026-11-23");
    assert!(report.by_rule("AIA-ANNEX-III-1").next().is_some());
    assert!(report.by_rule("R26").next().is_some());
}

#[test]
fn the_fria_is_to_anticipate_for_a_system_in_service_and_due_before_a_planned_one_starts() {
    // Categorisation kept for anonymous statistics: it may stay usable, so a FRIA is asked.
    let mut a = compliant();
    let mut record = capability(
        "K15",
        Presence::Present,
        CapabilityState::Enabled,
        UnlockHolder::Controller,
    );
    record.use_scope = UseScope::AnonymousStatistics;
    a.capabilities.push(record);
    a.project.deployment_stage = DeploymentStage::InOperation;
    let report = evaluate(&a, "2026-12-06");
    let r26 = report.by_rule("R26").next().expect("R26");
    assert_eq!(r26.severity, Severity::Medium, "to anticipate");
    assert!(
        r26.message.fr.contains("2 décembre 2027"),
        "{}",
        r26.message.fr
    );
    assert!(r26.message.fr.contains("2 août 2030"), "{}", r26.message.fr);
    assert!(r26.message.fr.contains("à anticiper"), "{}", r26.message.fr);
    assert!(r26
        .sources
        .iter()
        .any(|s| s.as_str() == "AIA-OMNIBUS-2026-1744"));
    // The calendar carries it: 2 August 2030 for a system in service.
    let due = gardefou::rules::deadlines::deadlines_of(&a, &report);
    let fria = due
        .iter()
        .find(|d| d.kind == gardefou::rules::deadlines::DeadlineKind::AiActFria)
        .expect("the FRIA's deadline");
    assert_eq!(fria.date, common::day("2030-08-02"));
    // Planned: high, due before it starts after 2 December 2027.
    a.project.deployment_stage = DeploymentStage::Planned;
    let report = evaluate(&a, "2026-12-06");
    let r26 = report.by_rule("R26").next().expect("R26");
    assert_eq!(r26.severity, Severity::High);
    assert!(
        r26.message.en.contains("needs its FRIA first"),
        "{}",
        r26.message.en
    );
    let due = gardefou::rules::deadlines::deadlines_of(&a, &report);
    assert!(due.iter().any(|d| d.date == common::day("2027-12-02")));
}

#[test]
fn the_real_time_prohibition_says_the_french_law_point_is_to_verify() {
    let mut a = compliant();
    a.capabilities.push(capability(
        "K01",
        Presence::Present,
        CapabilityState::Enabled,
        UnlockHolder::Controller,
    ));
    let report = evaluate(&a, "2026-11-23");
    let finding = report.by_rule("AIA-5-1-H").next().expect("AIA-5-1-H");
    assert!(finding.message.fr.contains("est à vérifier"));
    assert!(!finding.message.en.contains("which France has not adopted"));
}
