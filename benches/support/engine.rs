//! Project load and save, and the rule engine, on the sample (124 cameras) and on a
//! 10,000-camera project derived from it.

use std::hint::black_box;
use std::time::Duration;

use crate::common::{median, times, with_cameras, Row};
use gardefou::knowledge::KnowledgeBase;
use gardefou::model::Date;
use gardefou::{rules, sample, storage};

/// Measures and returns the rows.
pub fn rows() -> Vec<Row> {
    let kb = KnowledgeBase::bundled().unwrap_or_else(|e| panic!("{e}"));
    let sample = sample::sample().unwrap_or_else(|e| panic!("{e}"));
    let today = Date::from_ymd(2026, 11, 23).unwrap_or_else(|| panic!("date"));
    let dir = std::env::temp_dir().join(format!("gardefou-bench-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap_or_else(|e| panic!("{e}"));
    let budget = Duration::from_millis(1500);
    let mut rows = Vec::new();
    for (name, assessment) in [
        ("sample", sample.clone()),
        ("10k", with_cameras(&sample, 10_000)),
    ] {
        let path = dir.join(format!("{name}.aipd.ron"));
        let n = assessment.cameras.len();
        let is_large = n >= 10_000;
        let save = times(budget, 5, || {
            storage::save(&path, black_box(&assessment)).unwrap_or_else(|e| panic!("{e}"))
        });
        let size = std::fs::metadata(&path).map(|m| m.len()).unwrap_or(0);
        rows.push(Row {
            area: "storage",
            case: format!("save {n} cameras (atomic, fsync, backup)"),
            median: median(&save),
            worst: None,
            target: is_large.then(|| Duration::from_millis(100)),
            note: format!("{} KB file", size / 1024),
        });
        let load = times(budget, 5, || {
            black_box(storage::load(&path).unwrap_or_else(|e| panic!("{e}")));
        });
        rows.push(Row {
            area: "storage",
            case: format!("load {n} cameras (parse + checks)"),
            median: median(&load),
            worst: None,
            target: is_large.then(|| Duration::from_millis(100)),
            note: String::new(),
        });
        let engine = times(budget, 5, || {
            black_box(rules::evaluate(black_box(&assessment), &kb, today));
        });
        rows.push(Row {
            area: "rules",
            case: format!("rule engine, {n} cameras"),
            median: median(&engine),
            worst: None,
            target: (!is_large).then(|| Duration::from_millis(1)),
            note: String::new(),
        });
    }
    let kb_parse = times(budget, 5, || {
        black_box(KnowledgeBase::bundled().unwrap_or_else(|e| panic!("{e}")));
    });
    rows.push(Row {
        area: "rules",
        case: "knowledge base parse (start-up)".to_owned(),
        median: median(&kb_parse),
        worst: None,
        target: None,
        note: String::new(),
    });
    std::fs::remove_dir_all(&dir).ok();
    rows
}
