//! Every rule and phrase the engine names has its text, in both languages, in
//! templates/rules.ron; every text there is used; and no rule whose legal ground is unverified
//! is ever blocking.

mod common;

use std::collections::BTreeSet;
use std::fs;
use std::path::Path;

use gardefou::knowledge::Verification;

fn engine_literals() -> BTreeSet<String> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("src/rules");
    let mut out = BTreeSet::new();
    for entry in fs::read_dir(dir).expect("list").filter_map(Result::ok) {
        let text = fs::read_to_string(entry.path()).expect("read");
        for literal in text.split('"').skip(1).step_by(2) {
            out.insert(literal.to_owned());
        }
    }
    out
}

fn is_rule_id(s: &str) -> bool {
    let r = s.len() >= 3 && s.starts_with('R') && s[1..3].chars().all(|c| c.is_ascii_digit());
    r || [
        "AIA-", "CONS-", "EV-", "REG-", "CCTV-", "RIGHTS-", "PLAN-", "CAP-", "HISTORY-", "REQ-",
    ]
    .iter()
    .any(|prefix| s.starts_with(prefix))
}

#[test]
fn every_rule_the_engine_names_has_a_text_and_every_text_is_used() {
    let kb = common::kb();
    let literals = engine_literals();
    let named: BTreeSet<&str> = literals
        .iter()
        .map(String::as_str)
        .filter(|s| is_rule_id(s))
        .collect();
    for id in &named {
        assert!(
            kb.rule_text(id).is_some(),
            "rule {id} has no text in templates/rules.ron"
        );
    }
    for text in &kb.rule_texts {
        assert!(
            named.contains(text.id.as_str()),
            "rules.ron has {} but no rule uses it",
            text.id
        );
    }
}

#[test]
fn every_phrase_the_engine_names_exists_and_every_phrase_is_used() {
    let kb = common::kb();
    let literals = engine_literals();
    let prefixes = [
        "crit.",
        "verdict.",
        "art90.",
        "r05.",
        "r07.",
        "r11.",
        "r26.",
        "r15.",
        "r20.",
        "r22.",
        "r27.",
        "stats.",
        "access_request.",
        "r09.",
        "r10.",
        "plan.",
    ];
    let named: BTreeSet<&str> = literals
        .iter()
        .map(String::as_str)
        .filter(|s| prefixes.iter().any(|p| s.starts_with(p)))
        .collect();
    for id in &named {
        assert!(
            kb.phrase(id).is_some(),
            "phrase {id} missing from templates/rules.ron"
        );
    }
    for phrase in &kb.phrases {
        assert!(
            named.contains(phrase.id.as_str()),
            "phrase {} is never used",
            phrase.id
        );
    }
}

#[test]
fn messages_keep_their_placeholders_in_both_languages() {
    let kb = common::kb();
    for text in &kb.rule_texts {
        let holes = |s: &str| -> BTreeSet<String> {
            s.split('{')
                .skip(1)
                .filter_map(|p| p.split('}').next())
                .map(str::to_owned)
                .collect()
        };
        assert_eq!(
            holes(&text.message.fr),
            holes(&text.message.en),
            "{}",
            text.id
        );
    }
}

#[test]
fn no_unverified_rule_is_blocking_on_the_scenarios() {
    let kb = common::kb();
    let mut a = common::compliant();
    a.screening.captures_audio = Some(true);
    let report = common::evaluate(&a, "2026-11-23");
    for finding in &report.findings {
        let text = kb.rule_text(&finding.rule_id).expect("text");
        if kb.rule_verification(&text.id) == Verification::Unverified {
            assert_ne!(
                finding.severity,
                gardefou::rules::Severity::Blocking,
                "{}",
                finding.rule_id
            );
        }
    }
}

#[test]
fn a_rules_verification_tag_is_the_weakest_of_its_sources() {
    let kb = common::kb();
    // CSI L.252-4 alone, read in the code: verified.
    assert_eq!(kb.rule_verification("R05-DURATION"), Verification::Verified);
    // CSI L.252-5 (read in the code) with the penalties of L.254-1 (read as quoted by a
    // ministerial answer): secondary.
    assert_eq!(kb.rule_verification("R01"), Verification::Secondary);
    // The same article plus a CNIL deliberation read second-hand: secondary, not verified.
    assert_eq!(kb.rule_verification("R02"), Verification::Secondary);
    // The register article has not been read: unverified.
    assert_eq!(kb.rule_verification("R24"), Verification::Unverified);
    assert_eq!(
        kb.rule_verification("NO-SUCH-RULE"),
        Verification::Unverified
    );
    for text in &kb.rule_texts {
        let weakest = text
            .sources
            .iter()
            .map(|id| {
                kb.legal_refs
                    .get(id)
                    .map_or(Verification::Unverified, |r| r.verification)
            })
            .max()
            .unwrap_or(Verification::Unverified);
        // Its own proposition's tag, capped by its weakest source.
        let expected = text.tag.map_or(weakest, |tag| tag.max(weakest));
        assert_eq!(kb.rule_verification(&text.id), expected, "{}", text.id);
        if text.tag.is_some() {
            assert!(
                !text.tag_reason.fr.trim().is_empty() && !text.tag_reason.en.trim().is_empty(),
                "{}: a declared tag says why",
                text.id
            );
        }
    }
    // Sound capture cites an article read in the code, for a point no source read.
    assert_eq!(kb.rule_verification("R28"), Verification::Unverified);
}

#[test]
fn every_rule_says_in_plain_words_which_answers_trigger_it() {
    let kb = common::kb();
    for text in &kb.rule_texts {
        assert!(
            text.condition.fr.trim().len() > 20 && text.condition.en.trim().len() > 20,
            "{}: no condition in plain words",
            text.id
        );
    }
}

/// The sample, the compliant baseline and every scenario of `tests/scenarios`.
fn sample_baseline_and_scenarios() -> Vec<gardefou::model::Assessment> {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/scenarios");
    let mut assessments = vec![common::sample(), common::compliant()];
    for entry in std::fs::read_dir(&dir).expect("scenarios") {
        let path = entry.expect("entry").path();
        if path.to_string_lossy().ends_with(".aipd.ron") {
            assessments.push(gardefou::storage::load(&path).expect("scenario"));
        }
    }
    assessments
}

#[test]
fn no_blocking_finding_rests_on_an_unverified_proposition_in_any_scenario() {
    let kb = common::kb();
    let assessments = sample_baseline_and_scenarios();
    for a in &assessments {
        for today in ["2026-11-23", "2028-01-10"] {
            let report = common::evaluate(a, today);
            for finding in report.with_severity(gardefou::rules::Severity::Blocking) {
                assert_ne!(
                    kb.rule_verification(&finding.rule_id),
                    Verification::Unverified,
                    "{} blocks on an unverified proposition",
                    finding.rule_id
                );
            }
        }
    }
}

#[test]
fn every_field_a_finding_names_is_in_a_known_section_of_the_assessment() {
    use gardefou::model::path::Section;
    let assessments = sample_baseline_and_scenarios();
    let mut seen = 0;
    for a in &assessments {
        for today in ["2026-11-23", "2028-01-10"] {
            for finding in &common::evaluate(a, today).findings {
                for field in &finding.fields {
                    assert!(
                        Section::of(field).is_some(),
                        "{}: « {field} » names no section: « go to the field » could not land",
                        finding.rule_id
                    );
                    seen += 1;
                }
            }
        }
    }
    assert!(seen > 100, "only {seen} fields seen");
}

#[test]
fn every_field_a_finding_names_or_the_completeness_asks_for_has_a_label_in_the_registry() {
    use gardefou::model::path::{self, FieldPath};
    let kb = common::kb();
    let records = [
        path::CAMERAS,
        path::CAPABILITIES,
        path::EVIDENCE,
        path::PLANS,
        path::RISKS,
        path::MEASURES,
    ];
    let mut unnamed = std::collections::BTreeSet::new();
    for a in &sample_baseline_and_scenarios() {
        for today in ["2026-11-23", "2028-01-10"] {
            let report = common::evaluate(a, today);
            let named = report
                .findings
                .iter()
                .flat_map(|f| f.fields.iter().map(move |p| (f.rule_id.as_str(), p)));
            let missing = report.completeness.missing();
            let asked = missing.iter().map(|p| ("completeness", p));
            for (rule_id, field) in named.chain(asked) {
                {
                    // A record's fields are named by the record (« Caméra CAM-001 — masques »).
                    let is_record = records
                        .iter()
                        .any(|list| path::record_of(field, list).is_some());
                    if !is_record && kb.question_text(field).is_none() {
                        unnamed.insert(format!(
                            "{} ({})",
                            FieldPath::from(field.as_str()).pattern(),
                            rule_id
                        ));
                    }
                }
            }
        }
    }
    assert!(
        unnamed.is_empty(),
        "fields a finding names with no entry in templates/fields.ron: {unnamed:#?}"
    );
}
