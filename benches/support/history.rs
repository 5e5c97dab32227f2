//! Versions inside the project file, on 10,000 cameras with 20 validated versions (a few hundred
//! cameras changed between versions): save, open (rebuild and check every version, evaluate),
//! and the diff of two versions.

use std::hint::black_box;
use std::sync::Arc;
use std::time::Duration;

use crate::common::{median, times, with_twenty_versions, Row};
use gardefou::knowledge::KnowledgeBase;
use gardefou::model::Date;
use gardefou::session::Session;
use gardefou::{sample, storage};

/// Measures and returns the rows.
pub fn rows() -> Vec<Row> {
    let kb = Arc::new(KnowledgeBase::bundled().unwrap_or_else(|e| panic!("{e}")));
    let sample = sample::sample().unwrap_or_else(|e| panic!("{e}"));
    let today = Date::from_ymd(2026, 11, 23).unwrap_or_else(|| panic!("date"));
    let dir = std::env::temp_dir().join(format!("gardefou-bench-history-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap_or_else(|e| panic!("{e}"));
    let mut session = with_twenty_versions(&sample);
    let path = dir.join("history.aipd.ron");
    session.save_as(&path).unwrap_or_else(|e| panic!("{e}"));
    let budget = Duration::from_millis(2000);
    let mut rows = Vec::new();
    let mut flip = false;
    let save = times(budget, 5, || {
        // A real edit each time, so the last version's edit script is recomputed.
        flip = !flip;
        session.assessment.project.title = format!("bench {flip}");
        session.save().unwrap_or_else(|e| panic!("{e}"));
    });
    let size = std::fs::metadata(&path).map(|m| m.len()).unwrap_or(0);
    rows.push(Row {
        area: "history",
        case: "save 10,000 cameras with 20 versions".to_owned(),
        median: median(&save),
        worst: None,
        target: Some(Duration::from_millis(150)),
        note: format!("{} KB file", size / 1024),
    });
    let open = times(budget, 5, || {
        black_box(Session::open(&path, Arc::clone(&kb), today).unwrap_or_else(|e| panic!("{e}")));
    });
    rows.push(Row {
        area: "history",
        case: "open 10,000 cameras with 20 versions (last version rebuilt and checked, rules evaluated)".to_owned(),
        median: median(&open),
        worst: None,
        target: Some(Duration::from_millis(150)),
        note: String::new(),
    });
    let loaded = storage::load(&path).unwrap_or_else(|e| panic!("{e}"));
    let texts = storage::history::rebuild(&loaded).unwrap_or_else(|e| panic!("{e}"));
    let first = storage::parse_text(&texts[0], &path).unwrap_or_else(|e| panic!("{e}"));
    let last = storage::parse_text(&texts[19], &path).unwrap_or_else(|e| panic!("{e}"));
    let diff = times(budget, 5, || {
        black_box(gardefou::model::diff::diff(
            black_box(&first),
            black_box(&last),
        ));
    });
    let changed = gardefou::model::diff::diff(&first, &last)
        .cameras_changed
        .len();
    rows.push(Row {
        area: "history",
        case: "diff of two 10,000-camera versions".to_owned(),
        median: median(&diff),
        worst: None,
        target: Some(Duration::from_millis(50)),
        note: format!("{changed} cameras changed"),
    });
    std::fs::remove_dir_all(&dir).ok();
    rows
}
