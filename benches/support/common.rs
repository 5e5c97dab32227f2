//! What every benchmark shares: medians over repeated runs, the 10,000-camera projects derived
//! from the sample, and the result table (one row per measure, with its target and verdict).

#![allow(dead_code)] // each bench binary uses its own part of it

use std::time::{Duration, Instant};

use gardefou::model::{Assessment, CameraId};

/// One measure. A measure that could not be taken (a tool missing) has a zero median and says
/// why in its note.
pub struct Row {
    /// Area: storage, rules, dossier, frame.
    pub area: &'static str,
    /// What was measured.
    pub case: String,
    /// The median time.
    pub median: Duration,
    /// The slowest run, when it matters (frames).
    pub worst: Option<Duration>,
    /// The target, if the issues set one.
    pub target: Option<Duration>,
    /// Anything else worth printing (file size, pages).
    pub note: String,
}

impl Row {
    /// A measure that could not be taken, and why.
    pub fn skipped(area: &'static str, case: String, why: String) -> Row {
        Row {
            area,
            case,
            median: Duration::ZERO,
            worst: None,
            target: None,
            note: format!("skipped: {why}"),
        }
    }
}

/// Runs `f` repeatedly for about `budget` (at least `min_runs` times); returns the sorted times.
pub fn times(budget: Duration, min_runs: usize, mut f: impl FnMut()) -> Vec<Duration> {
    let mut times = Vec::new();
    let start = Instant::now();
    while start.elapsed() < budget || times.len() < min_runs {
        let t = Instant::now();
        f();
        times.push(t.elapsed());
    }
    times.sort();
    times
}

/// The median of sorted times.
pub fn median(times: &[Duration]) -> Duration {
    times.get(times.len() / 2).copied().unwrap_or_default()
}

/// The sample with `cameras` cameras, copied from its own with fresh ids.
pub fn with_cameras(sample: &Assessment, cameras: usize) -> Assessment {
    let mut a = sample.clone();
    a.cameras = (0..cameras)
        .map(|n| {
            let mut camera = sample.cameras[n % sample.cameras.len()].clone();
            camera.camera_id = CameraId::new(format!("CAM-{n:05}"));
            camera
        })
        .collect();
    a
}

/// A session on the sample grown to 10,000 cameras and validated twenty times, a few hundred
/// cameras changed between versions, left « under revision » after the last.
pub fn with_twenty_versions(sample: &Assessment) -> gardefou::session::Session {
    use gardefou::model::ProjectStatus;
    let kb = std::sync::Arc::new(
        gardefou::knowledge::KnowledgeBase::bundled().unwrap_or_else(|e| panic!("{e}")),
    );
    let today = gardefou::model::Date::from_ymd(2026, 11, 23).unwrap_or_else(|| panic!("date"));
    let mut large = with_cameras(sample, 10_000);
    large.project.status = ProjectStatus::Draft;
    let mut session = gardefou::session::Session::new(large, None, kb, today);
    for version in 0..20 {
        for n in (version * 7..10_000).step_by(37) {
            if let Some(camera) = session.assessment.cameras.get_mut(n) {
                camera.notes = format!("revu en version {version}");
            }
        }
        for to in [ProjectStatus::InReview, ProjectStatus::DpoOpinionGiven] {
            session
                .change_status(to, "bench", "")
                .unwrap_or_else(|e| panic!("{e}"));
        }
        session
            .validate(&format!("1.{version}"), "bench", "bench")
            .unwrap_or_else(|e| panic!("{e}"));
        session
            .change_status(ProjectStatus::UnderRevision, "bench", "")
            .unwrap_or_else(|e| panic!("{e}"));
    }
    session
}

/// The machine the numbers come from: CPU model and core count.
pub fn machine() -> String {
    let model = std::fs::read_to_string("/proc/cpuinfo")
        .ok()
        .and_then(|info| {
            info.lines()
                .find(|l| l.starts_with("model name"))
                .and_then(|l| l.split_once(':'))
                .map(|(_, m)| m.trim().to_owned())
        })
        .unwrap_or_else(|| "unknown CPU".to_owned());
    let cores = std::thread::available_parallelism().map_or(0, |n| n.get());
    format!("{model}, {cores} cores available")
}

/// Prints the rows as one Markdown table.
pub fn print_table(rows: &[Row]) {
    println!("Machine: {}; release build.", machine());
    println!();
    println!("| area | case | median | slowest | target | verdict | notes |");
    println!("|---|---|---:|---:|---:|---|---|");
    for row in rows {
        let worst = row
            .worst
            .map_or_else(|| "–".to_owned(), |w| format!("{w:.2?}"));
        let (target, verdict) = match row.target {
            Some(target) if row.median <= target => (format!("≤ {target:.0?}"), "met"),
            Some(target) => (format!("≤ {target:.0?}"), "MISSED"),
            None => ("–".to_owned(), ""),
        };
        let median = if row.median.is_zero() {
            "–".to_owned()
        } else {
            format!("{:.2?}", row.median)
        };
        println!(
            "| {} | {} | {median} | {worst} | {target} | {verdict} | {} |",
            row.area, row.case, row.note
        );
    }
}
