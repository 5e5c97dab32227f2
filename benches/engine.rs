//! Benchmarks of the command-line core: project load and save, and the rule engine, on the
//! bundled sample (124 cameras) and on a 10,000-camera project derived from it. Run with
//! `cargo bench --bench engine`; prints a table of medians over repeated runs.

use std::hint::black_box;
use std::time::{Duration, Instant};

use gardefou::knowledge::KnowledgeBase;
use gardefou::model::{Assessment, CameraId, Date};
use gardefou::{rules, sample, storage};

/// Runs `f` repeatedly for about `budget`, returns the median time of one run.
fn median(budget: Duration, mut f: impl FnMut()) -> Duration {
    let mut times = Vec::new();
    let start = Instant::now();
    while start.elapsed() < budget || times.len() < 5 {
        let t = Instant::now();
        f();
        times.push(t.elapsed());
    }
    times.sort();
    times[times.len() / 2]
}

fn large(sample: &Assessment, cameras: usize) -> Assessment {
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

fn main() {
    let kb = match KnowledgeBase::bundled() {
        Ok(kb) => kb,
        Err(error) => panic!("{error}"),
    };
    let sample = match sample::sample() {
        Ok(sample) => sample,
        Err(error) => panic!("{error}"),
    };
    let today = Date::from_ymd(2026, 11, 23).expect("valid date");
    let dir = std::env::temp_dir().join(format!("gardefou-bench-{}", std::process::id()));
    std::fs::create_dir_all(&dir).expect("temp dir");
    let budget = Duration::from_millis(1500);

    println!("| what | cameras | median | file size |");
    println!("|---|---:|---:|---:|");
    for (name, assessment) in [("sample", sample.clone()), ("10k", large(&sample, 10_000))] {
        let path = dir.join(format!("{name}.aipd.ron"));
        let n = assessment.cameras.len();
        let save = median(budget, || {
            storage::save(&path, black_box(&assessment)).expect("save")
        });
        let size = std::fs::metadata(&path).map(|m| m.len()).unwrap_or(0);
        println!(
            "| save (atomic, fsync) | {n} | {save:.2?} | {} KB |",
            size / 1024
        );
        let load = median(budget, || {
            black_box(storage::load(&path).expect("load"));
        });
        println!("| load (parse + checks) | {n} | {load:.2?} | |");
        let engine = median(budget, || {
            black_box(rules::evaluate(black_box(&assessment), &kb, today));
        });
        println!("| rule engine | {n} | {engine:.2?} | |");
    }
    let kb_parse = median(budget, || {
        black_box(KnowledgeBase::bundled().expect("kb"));
    });
    println!("| knowledge base parse | – | {kb_parse:.2?} | |");
    std::fs::remove_dir_all(&dir).ok();
}
