//! The dossier export as `gardefou export` runs it (rule engine, document model, layout, PDF
//! bytes): the sample, a 470-camera dossier (Roubaix-sized) and a 10,000-camera one.

use std::time::Duration;

use crate::common::{median, times, with_cameras, Row};
use gardefou::knowledge::KnowledgeBase;
use gardefou::model::{Assessment, Date, Lang};
use gardefou::{dossier, pdf, rules, sample, storage};

fn export(a: &Assessment, kb: &KnowledgeBase, today: Date) -> Vec<u8> {
    let report = rules::evaluate(a, kb, today);
    let options = dossier::DossierOptions {
        lang: Lang::Fr,
        is_public: false,
        today,
        source_text: storage::to_text(a).ok(),
    };
    let built = dossier::build(a, kb, &report, &options);
    pdf::render(&built).unwrap_or_else(|e| panic!("{e}"))
}

/// Measures and returns the rows.
pub fn rows() -> Vec<Row> {
    let kb = KnowledgeBase::bundled().unwrap_or_else(|e| panic!("{e}"));
    let sample = sample::sample().unwrap_or_else(|e| panic!("{e}"));
    let today = Date::from_ymd(2026, 11, 23).unwrap_or_else(|| panic!("date"));
    let mut rows = Vec::new();
    // The dossier issue: at least 25× faster than LibreOffice's 5 s for a 65-page dossier.
    for (cameras, runs, target) in [
        (124, 9, None),
        (470, 7, Some(Duration::from_millis(200))),
        (10_000, 3, None),
    ] {
        let a = if cameras == sample.cameras.len() {
            sample.clone()
        } else {
            with_cameras(&sample, cameras)
        };
        let mut bytes = Vec::new();
        let runs = times(Duration::ZERO, runs, || bytes = export(&a, &kb, today));
        let pages = pdf::reopen::page_count(&bytes).unwrap_or(0);
        rows.push(Row {
            area: "dossier",
            case: format!("export PDF, {cameras} cameras"),
            median: median(&runs),
            worst: None,
            target,
            note: format!("{pages} pages, {} KB", bytes.len() / 1024),
        });
    }
    rows
}
