//! Benchmarks of the dossier export: the bundled sample, a 470-camera dossier (Roubaix-sized),
//! and a 10,000-camera dossier — rule engine, document model, layout and PDF bytes together, as
//! `gardefou export` runs them. Run with `cargo bench --bench dossier`.

use std::time::{Duration, Instant};

use gardefou::knowledge::KnowledgeBase;
use gardefou::model::{Assessment, CameraId, Date, Lang};
use gardefou::{dossier, pdf, rules, sample, storage};

fn with_cameras(sample: &Assessment, cameras: usize) -> Assessment {
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

fn export(a: &Assessment, kb: &KnowledgeBase, today: Date) -> Vec<u8> {
    let report = rules::evaluate(a, kb, today);
    let options = dossier::DossierOptions {
        lang: Lang::Fr,
        is_public: false,
        today,
        source_text: storage::to_text(a).ok(),
    };
    let built = dossier::build(a, kb, &report, &options);
    match pdf::render(&built) {
        Ok(bytes) => bytes,
        Err(error) => panic!("{error}"),
    }
}

fn main() {
    let kb = KnowledgeBase::bundled().unwrap_or_else(|e| panic!("{e}"));
    let sample = sample::sample().unwrap_or_else(|e| panic!("{e}"));
    let today = Date::from_ymd(2026, 11, 23).unwrap_or_else(|| panic!("date"));
    println!("| dossier | cameras | pages | size | median export time |");
    println!("|---|---:|---:|---:|---:|");
    for (name, cameras, runs) in [
        ("sample", 124, 9),
        ("470 cameras", 470, 7),
        ("10,000 cameras", 10_000, 3),
    ] {
        let a = if cameras == sample.cameras.len() {
            sample.clone()
        } else {
            with_cameras(&sample, cameras)
        };
        let mut times = Vec::new();
        let mut bytes = Vec::new();
        for _ in 0..runs {
            let start = Instant::now();
            bytes = export(&a, &kb, today);
            times.push(start.elapsed());
        }
        times.sort();
        let median: Duration = times[times.len() / 2];
        let pages = pdf::reopen::page_count(&bytes).unwrap_or(0);
        println!(
            "| {name} | {cameras} | {pages} | {:.0} KB | {median:.2?} |",
            bytes.len() as f64 / 1024.0
        );
    }
}
