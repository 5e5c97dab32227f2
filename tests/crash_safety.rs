//! Crash safety, proven: a child process saves a large project in a loop (project file and
//! recovery copy, alternating two versions); it is killed with SIGKILL at random moments, hundreds
//! of times, and after every kill the files on disk must load and equal one of the two versions.

#![cfg(unix)]

use std::io::{BufRead as _, BufReader};
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use gardefou::model::{Assessment, Camera, CameraId, PurposeKind};
use gardefou::storage::{self, autosave};

const CHILD_ENV: &str = "GARDEFOU_CRASH_CHILD";

/// Two versions of a 2,000-camera project (about 500 KB of text), differing in title and in
/// every camera's notes. Built without parsing anything, so a child starts saving at once.
fn versions() -> (Assessment, Assessment) {
    let mut a = Assessment::default();
    a.project.title = "Version A".to_owned();
    a.cameras = (0..2_000)
        .map(|n| Camera {
            camera_id: CameraId::new(format!("CAM-{n:05}")),
            location: format!("rue de l’Exemple n° {n} — « façade »"),
            perimeter: format!("Périmètre {}", n % 7),
            purposes: vec![PurposeKind::Csi1, PurposeKind::Csi5],
            notes: "d’origine".to_owned(),
            ..Camera::default()
        })
        .collect();
    let mut b = a.clone();
    b.project.title = "Version B".to_owned();
    for camera in b.cameras.iter_mut() {
        camera.notes = "modifiée".to_owned();
    }
    // A carries a history (format 2): a kill must leave it whole too. (B's would need a diff
    // of two 2,000-camera texts in every child, too slow for hundreds of kills.)
    let day = gardefou::model::Date::from_ymd(2026, 11, 23).expect("date");
    gardefou::storage::history::validate(&mut a, None, "1.0", "Claire", day, "")
        .expect("version 1.0");
    (a, b)
}

/// The child: save A and B alternately, forever, as the app saves and autosaves.
#[test]
fn crash_child() {
    let Ok(path) = std::env::var(CHILD_ENV) else {
        return; // Only runs when the parent test starts it.
    };
    let path = PathBuf::from(path);
    let (a, b) = versions();
    let recovery = autosave::recovery_path(&path);
    // Tell the parent the saving starts now, so its kills land inside saves.
    println!("ready");
    std::io::Write::flush(&mut std::io::stdout()).expect("flush");
    loop {
        for version in [&a, &b] {
            storage::save(&path, version).expect("save");
            autosave::write_recovery(&recovery, version).expect("recovery");
        }
    }
}

/// The file holds exactly the text of A or of B. Byte equality is stronger than « loads and
/// equals » (what is saved is exactly `to_text`), and fast enough to check after every kill;
/// the last round also loads each file for real.
fn assert_is_one_of(path: &Path, texts: &[String; 2], round: usize) {
    let Ok(bytes) = std::fs::read(path) else {
        return; // The recovery copy or backup may not exist yet.
    };
    assert!(
        texts.iter().any(|t| t.as_bytes() == bytes.as_slice()),
        "round {round}: {} ({} bytes) is neither version",
        path.display(),
        bytes.len()
    );
}

#[test]
fn killing_a_save_at_any_moment_leaves_a_loadable_old_or_new_file() {
    let (a, b) = versions();
    let texts = [
        storage::to_text(&a).expect("text A"),
        storage::to_text(&b).expect("text B"),
    ];
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join("projet.aipd.ron");
    storage::save(&path, &a).expect("first save");
    let exe = std::env::current_exe().expect("test binary");
    let mut seed: u64 = 0x9e37_79b9_7f4a_7c15 ^ u64::from(std::process::id());
    let started = Instant::now();
    let mut rounds = 0;
    while rounds < 300 && started.elapsed() < Duration::from_secs(45) {
        let mut child = Command::new(&exe)
            .args(["crash_child", "--exact", "--nocapture", "--test-threads=1"])
            .env(CHILD_ENV, &path)
            .stdout(Stdio::piped())
            .stderr(Stdio::null())
            .spawn()
            .expect("spawn child");
        let mut ready = String::new();
        let stdout = child.stdout.take().expect("child stdout");
        let mut reader = BufReader::new(stdout);
        while !ready.contains("ready") {
            ready.clear();
            if reader.read_line(&mut ready).expect("read child") == 0 {
                break;
            }
        }
        seed = seed
            .wrapping_mul(6_364_136_223_846_793_005)
            .wrapping_add(1_442_695_040_888_963_407);
        std::thread::sleep(Duration::from_micros((seed >> 33) % 120_000));
        child.kill().expect("SIGKILL");
        child.wait().expect("reap");
        assert_is_one_of(&path, &texts, rounds);
        assert_is_one_of(&storage::backup_path(&path), &texts, rounds);
        assert_is_one_of(&autosave::recovery_path(&path), &texts, rounds);
        rounds += 1;
    }
    eprintln!("{rounds} kills survived");
    assert!(rounds >= 200, "only {rounds} rounds in the time allowed");
    assert!(
        autosave::recovery_path(&path).exists(),
        "no kill ever landed after a recovery write"
    );
    for file in [
        path.clone(),
        storage::backup_path(&path),
        autosave::recovery_path(&path),
    ] {
        let loaded = storage::load(&file).unwrap_or_else(|e| panic!("{e}"));
        assert!(
            loaded == a || loaded == b,
            "{} loads as neither version",
            file.display()
        );
        let versions = gardefou::storage::history::rebuild(&loaded)
            .unwrap_or_else(|e| panic!("{}: history: {e}", file.display()));
        assert_eq!(
            versions.len(),
            loaded.history.versions.len(),
            "{}: every version rebuilds",
            file.display()
        );
        if loaded == a {
            assert_eq!(versions.len(), 1, "A's history survived the kills");
        }
    }
}
