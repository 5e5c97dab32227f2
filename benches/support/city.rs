//! Real city data (issue 33): importing a 10,000-row open-data inventory with coordinates
//! through the session as the app and `import-cameras` do it (read, column guess, every row
//! checked, positions projected onto the 20 perimeters' plans), the dossier of a 2,000-camera
//! city on 20 plans, each with its detail pages where it is crowded, and the request to the
//! prefect (issue 30) of that city and of the sample. The frame of a plan of 2,000 clustered
//! cameras is in the frame bench.

#![allow(dead_code)] // the frame bench uses `city` alone

use std::path::Path;
use std::sync::Arc;
use std::time::Duration;

use crate::common::{median, times, Row};
use gardefou::knowledge::KnowledgeBase;
use gardefou::model::{Assessment, Date};
use gardefou::session::Session;

/// The targets: 10,000 rows imported, a 2,000-camera city's dossier, the request to the
/// prefect of the sample and of a 2,000-camera city (issue 30).
const IMPORT_TARGET: Duration = Duration::from_millis(300);
const DOSSIER_TARGET: Duration = Duration::from_secs(1);
const REQUEST_SAMPLE_TARGET: Duration = Duration::from_millis(300);
const REQUEST_CITY_TARGET: Duration = Duration::from_secs(2);

/// The request to the prefect of `session`'s assessment as PDF, timed: the row.
fn request_row(session: &Session, output: &Path, case: String, target: Duration) -> Row {
    let mut bytes = Vec::new();
    let runs = times(Duration::ZERO, 9, || {
        bytes = session
            .export_job(
                gardefou::session::ExportKind::Document(
                    gardefou::documents::DocumentKind::Authorisation,
                ),
                output,
            )
            .bytes()
            .unwrap_or_else(|e| panic!("{e}"));
    });
    Row {
        area: "city",
        case,
        median: median(&runs),
        worst: runs.last().copied(),
        target: Some(target),
        note: format!(
            "{} pages, {} KB",
            gardefou::pdf::reopen::page_count(&bytes).unwrap_or(0),
            bytes.len() / 1024
        ),
    }
}

/// A new assessment holding the city of `cameras` cameras over `perimeters` perimeters,
/// imported from its open-data CSV written at `file`.
pub fn city(file: &Path, cameras: usize, perimeters: usize, today: Date) -> Session {
    std::fs::write(file, gardefou::sample::city_csv(cameras, perimeters))
        .unwrap_or_else(|e| panic!("{e}"));
    let kb = Arc::new(KnowledgeBase::bundled().unwrap_or_else(|e| panic!("{e}")));
    let mut session = Session::new(Assessment::default(), None, kb, today);
    let import = session
        .read_cameras_csv(file)
        .unwrap_or_else(|e| panic!("{e}"));
    assert!(import.preview.errors.is_empty(), "every row is ready");
    session.import_cameras(&import.preview);
    session
}

/// Measures and returns the rows.
pub fn rows() -> Vec<Row> {
    let today = Date::from_ymd(2026, 12, 7).unwrap_or_else(|| panic!("date"));
    let dir = std::env::temp_dir().join(format!("gardefou-bench-city-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap_or_else(|e| panic!("{e}"));
    let mut rows = Vec::new();

    let file = dir.join("ville-10000.csv");
    std::fs::write(&file, gardefou::sample::city_csv(10_000, 20)).unwrap_or_else(|e| panic!("{e}"));
    let kb = Arc::new(KnowledgeBase::bundled().unwrap_or_else(|e| panic!("{e}")));
    let mut placed = 0;
    let runs = times(Duration::ZERO, 9, || {
        let mut session = Session::new(Assessment::default(), None, Arc::clone(&kb), today);
        let import = session
            .read_cameras_csv(&file)
            .unwrap_or_else(|e| panic!("{e}"));
        placed = session.import_cameras(&import.preview).placed;
    });
    rows.push(Row {
        area: "city",
        case: "import 10,000 open-data rows with coordinates, 20 perimeters' plans".to_owned(),
        median: median(&runs),
        worst: runs.last().copied(),
        target: Some(IMPORT_TARGET),
        note: format!(
            "{placed} placed; {} KB file",
            std::fs::metadata(&file).map_or(0, |m| m.len() / 1024)
        ),
    });

    let session = city(&dir.join("ville-2000.csv"), 2_000, 20, today);
    let plans = session.assessment.plans.len();
    let output = dir.join("ville.pdf");
    let mut bytes = Vec::new();
    let runs = times(Duration::ZERO, 9, || {
        bytes = session
            .export_job(
                gardefou::session::ExportKind::Dossier { is_public: false },
                &output,
            )
            .bytes()
            .unwrap_or_else(|e| panic!("{e}"));
    });
    rows.push(Row {
        area: "city",
        case: format!("export PDF, 2,000 cameras on {plans} plans with their detail pages"),
        median: median(&runs),
        worst: runs.last().copied(),
        target: Some(DOSSIER_TARGET),
        note: format!(
            "{} pages, {} KB",
            gardefou::pdf::reopen::page_count(&bytes).unwrap_or(0),
            bytes.len() / 1024
        ),
    });
    rows.push(request_row(
        &session,
        &dir.join("ville-demande.pdf"),
        format!("request to the prefect as PDF, 2,000 cameras on {plans} plans"),
        REQUEST_CITY_TARGET,
    ));

    // The sample from its folder, so the plans are drawn on their backgrounds.
    let project =
        Path::new(env!("CARGO_MANIFEST_DIR")).join("assets/sample/commune-exemple.aipd.ron");
    let sample = gardefou::storage::parse_text(gardefou::sample::TEXT, &project)
        .unwrap_or_else(|e| panic!("{e}"));
    let session = Session::new(sample, Some(project), Arc::clone(&kb), today);
    rows.push(request_row(
        &session,
        &dir.join("demande.pdf"),
        "request to the prefect as PDF, the sample (124 cameras, 5 plans, backgrounds)".to_owned(),
        REQUEST_SAMPLE_TARGET,
    ));
    std::fs::remove_dir_all(&dir).ok();
    rows
}
