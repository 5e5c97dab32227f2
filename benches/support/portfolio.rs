//! The portfolio: a folder of 500 assessments — fictional communes with 10 to 2,000 cameras,
//! spread evenly on a logarithmic scale (most have a few dozen, a few have thousands), as a
//! mutualised DPO's folder looks — walked, read, evaluated and summed up by
//! `portfolio::scan_all` on every core, then on one thread for comparison.

#![allow(dead_code)] // the frame bench uses only the folder
use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::time::Duration;

use crate::common::{median, times, Row};
use gardefou::knowledge::KnowledgeBase;
use gardefou::model::Date;

/// The number of assessments of the benchmark's folder.
pub const COUNT: usize = 500;

/// The camera count of the `index`-th of `count` assessments: 10 to 2,000, log-uniform.
pub fn cameras(index: usize, count: usize) -> usize {
    let share = index as f64 / (count.max(2) - 1) as f64;
    (10.0 * 200f64.powf(share)).round() as usize
}

/// Writes `count` assessments (and the sample's evidence documents they refer to) into a new
/// folder under the temporary directory; returns it and the cameras in all.
pub fn folder(count: usize) -> (PathBuf, usize) {
    let dir =
        std::env::temp_dir().join(format!("gardefou-portfolio-{}-{count}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap_or_else(|e| panic!("{e}"));
    let mut total = 0;
    for index in 0..count {
        let n = cameras(index, count);
        total += n;
        let a = gardefou::sample::portfolio_member(index, n).unwrap_or_else(|e| panic!("{e}"));
        let text = gardefou::storage::to_text(&a).unwrap_or_else(|e| panic!("{e}"));
        // Sub-folders, as a consultant files them: one per client.
        let sub = dir.join(format!("client-{:02}", index % 25));
        std::fs::create_dir_all(&sub).unwrap_or_else(|e| panic!("{e}"));
        std::fs::write(sub.join(format!("aipd-{index:03}.aipd.ron")), text)
            .unwrap_or_else(|e| panic!("{e}"));
        if index < 25 {
            for (relative, bytes) in gardefou::sample::EVIDENCE_FILES {
                let target = sub.join(relative);
                if let Some(parent) = target.parent() {
                    std::fs::create_dir_all(parent).unwrap_or_else(|e| panic!("{e}"));
                }
                std::fs::write(target, bytes).unwrap_or_else(|e| panic!("{e}"));
            }
        }
    }
    (dir, total)
}

/// Measures and returns the rows.
pub fn rows() -> Vec<Row> {
    let kb = Arc::new(KnowledgeBase::bundled().unwrap_or_else(|e| panic!("{e}")));
    let today = Date::from_ymd(2026, 12, 1).unwrap_or_else(|| panic!("date"));
    let (dir, total) = folder(COUNT);
    let bytes = size(&dir);
    let mut rows = Vec::new();
    let scan = |threads: usize| {
        let entries = std::sync::Mutex::new(0usize);
        gardefou::portfolio::scan(
            &dir,
            &kb,
            today,
            threads,
            &gardefou::portfolio::Progress::default(),
            &std::sync::Mutex::default(),
            &|_| {
                if let Ok(mut n) = entries.lock() {
                    *n += 1;
                }
            },
        )
        .unwrap_or_else(|e| panic!("{e}"));
        let n = entries.into_inner().unwrap_or(0);
        assert_eq!(n, COUNT, "every assessment read");
    };
    let cores = gardefou::portfolio::cores();
    for threads in [cores, 1] {
        let measured = times(Duration::from_secs(6), 3, || scan(threads));
        rows.push(Row {
            area: "portfolio",
            case: format!(
                "scan and evaluate {COUNT} assessments (10 to 2,000 cameras), {threads} thread{}",
                if threads == 1 { "" } else { "s" }
            ),
            median: median(&measured),
            worst: measured.last().copied(),
            target: (threads == cores).then(|| Duration::from_secs(1)),
            note: format!("{total} cameras, {} MB of project files", bytes / 1_000_000),
        });
    }
    let found = gardefou::portfolio::scan_all(&dir, &kb, today).unwrap_or_else(|e| panic!("{e}"));
    for (output, what) in [
        (gardefou::portfolio::Output::Report, "PDF report"),
        (gardefou::portfolio::Output::Calendar, "calendar file"),
    ] {
        let mut size = 0;
        let measured = times(Duration::from_secs(2), 3, || {
            size = output
                .bytes(
                    &found,
                    &kb,
                    gardefou::model::Lang::Fr,
                    time::OffsetDateTime::UNIX_EPOCH,
                    &|p| p.to_string(),
                )
                .unwrap_or_else(|e| panic!("{e}"))
                .len();
        });
        rows.push(Row {
            area: "portfolio",
            case: format!("{what} of {COUNT} assessments"),
            median: median(&measured),
            worst: None,
            target: None,
            note: format!("{} KB", size / 1024),
        });
    }
    std::fs::remove_dir_all(&dir).ok();
    rows
}

fn size(dir: &Path) -> u64 {
    let mut total = 0;
    for entry in std::fs::read_dir(dir).into_iter().flatten().flatten() {
        let path = entry.path();
        total += if path.is_dir() {
            size(&path)
        } else {
            entry.metadata().map(|m| m.len()).unwrap_or(0)
        };
    }
    total
}
