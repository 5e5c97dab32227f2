//! Table-driven scenarios: each `tests/scenarios/NAME.aipd.ron` is a project file, and
//! `NAME.expect.ron` the verdict and findings a DPO expects of it — the two court cases of the
//! brief and a compliant statistics-only deployment.

mod common;

use std::fs;
use std::path::{Path, PathBuf};

use gardefou::rules::{self, Severity};
use gardefou::storage;
use serde::Deserialize;

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct Expected {
    id: String,
    severity: String,
    sources: Vec<String>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct Expectation {
    today: String,
    verdict: String,
    art90_required: bool,
    blocking: Vec<String>,
    present: Vec<Expected>,
    absent: Vec<String>,
}

fn scenarios() -> Vec<PathBuf> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/scenarios");
    let mut files: Vec<PathBuf> = fs::read_dir(dir)
        .expect("list scenarios")
        .filter_map(Result::ok)
        .map(|e| e.path())
        .filter(|p| p.to_string_lossy().ends_with(".aipd.ron"))
        .collect();
    files.sort();
    files
}

#[test]
fn every_scenario_gives_the_expected_verdict_and_findings() {
    let kb = common::kb();
    let files = scenarios();
    assert!(files.len() >= 3, "scenarios missing");
    for file in files {
        let name = file.display().to_string();
        let expect_path = PathBuf::from(name.replace(".aipd.ron", ".expect.ron"));
        let expect: Expectation =
            ron::from_str(&fs::read_to_string(&expect_path).expect("read expect"))
                .unwrap_or_else(|e| panic!("{}: {e}", expect_path.display()));
        let assessment = storage::load(&file).unwrap_or_else(|e| panic!("{e}"));
        let report = rules::evaluate(&assessment, &kb, common::day(&expect.today));

        assert_eq!(
            report.screening.verdict.code(),
            expect.verdict,
            "{name}: verdict"
        );
        assert_eq!(
            report.screening.is_art90_required, expect.art90_required,
            "{name}: art. 90"
        );
        let mut blocking: Vec<&str> = report
            .with_severity(Severity::Blocking)
            .map(|f| f.rule_id.as_str())
            .collect();
        blocking.sort_unstable();
        assert_eq!(blocking, expect.blocking, "{name}: blocking findings");
        for wanted in &expect.present {
            let found = report
                .by_rule(&wanted.id)
                .find(|f| f.severity.code() == wanted.severity)
                .unwrap_or_else(|| {
                    panic!("{name}: no {} at severity {}", wanted.id, wanted.severity)
                });
            for source in &wanted.sources {
                assert!(
                    found.sources.iter().any(|s| s.as_str() == source),
                    "{name}: {} does not cite {source}",
                    wanted.id
                );
            }
        }
        for id in &expect.absent {
            assert!(
                report.by_rule(id).next().is_none(),
                "{name}: unexpected {id}"
            );
        }
    }
}

#[test]
fn roubaix_authorisation_expires_five_years_after_its_renewal() {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/scenarios/roubaix-2023.aipd.ron");
    let assessment = storage::load(&path).expect("load");
    let kb = common::kb();
    // Its last day covered is 5 November 2024: expired from the 6th.
    let before = rules::evaluate(&assessment, &kb, common::day("2024-11-05"));
    assert!(before.by_rule("R05-EXPIRED").next().is_none());
    assert!(
        before.by_rule("R06").next().is_some(),
        "renewal not filed four months before"
    );
    let after = rules::evaluate(&assessment, &kb, common::day("2024-11-06"));
    assert!(after.by_rule("R05-EXPIRED").next().is_some());
}
