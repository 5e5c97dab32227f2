//! Project files: the sample survives save → load unchanged; a failed save keeps the old file;
//! truncated, garbage, foreign and newer files are refused with a message naming the problem.

mod common;

use std::fs;
use std::path::Path;

use gardefou::model::{Assessment, FORMAT_VERSION};
use gardefou::storage::{self, LoadError};

fn load_err(text: &[u8]) -> (LoadError, String) {
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join("bad.aipd.ron");
    fs::write(&path, text).expect("write fixture");
    let error = storage::load(&path).expect_err("bad file must be refused");
    let message = error.to_string();
    (error, message)
}

#[test]
fn sample_saved_then_loaded_equals_the_original() {
    let sample = common::sample();
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join("commune.aipd.ron");
    storage::save(&path, &sample).expect("save");
    let loaded = storage::load(&path).expect("load");
    assert_eq!(loaded, sample);
    assert_eq!(loaded.cameras.len(), 124);
}

#[test]
fn bundled_sample_file_is_in_canonical_form() {
    // The shipped file is exactly what the app writes, so saving it unchanged changes nothing.
    let text = storage::to_text(&common::sample()).expect("serialize");
    assert_eq!(text, gardefou::sample::TEXT);
}

#[test]
fn quotes_backslashes_newlines_and_french_typography_survive() {
    let mut assessment = Assessment::default();
    assessment.project.title =
        "AIPD « centre-ville » : l’œuvre \"citée\" \\ C:\\chemin\nligne 2 — r#\"brut\"#".to_owned();
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join("t.aipd.ron");
    storage::save(&path, &assessment).expect("save");
    assert_eq!(storage::load(&path).expect("load"), assessment);
}

#[test]
fn saving_over_a_file_keeps_the_previous_version_as_bak() {
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join("p.aipd.ron");
    let mut first = Assessment::default();
    first.project.title = "première version".to_owned();
    storage::save(&path, &first).expect("first save");
    let mut second = first.clone();
    second.project.title = "seconde version".to_owned();
    storage::save(&path, &second).expect("second save");
    assert_eq!(storage::load(&path).expect("load"), second);
    let backup = storage::backup_path(&path);
    assert_eq!(storage::load(&backup).expect("load backup"), first);
    let leftovers: Vec<_> = fs::read_dir(dir.path())
        .expect("list")
        .filter_map(Result::ok)
        .filter(|e| e.file_name().to_string_lossy().contains(".tmp-"))
        .collect();
    assert!(leftovers.is_empty(), "temporary files left behind");
}

#[test]
fn failed_save_onto_a_path_that_is_a_folder_keeps_it_and_reports_the_path() {
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join("occupied.aipd.ron");
    fs::create_dir(&path).expect("mkdir");
    fs::write(path.join("inside.txt"), b"keep me").expect("write");
    let error = storage::save(&path, &common::sample()).expect_err("must fail");
    assert!(error.to_string().contains("occupied.aipd.ron"), "{error}");
    assert_eq!(fs::read(path.join("inside.txt")).expect("read"), b"keep me");
    let leftovers = fs::read_dir(dir.path()).expect("list").count();
    assert_eq!(leftovers, 1, "temporary file left behind");
}

#[test]
fn truncated_file_reports_line_and_column() {
    let text = gardefou::sample::TEXT;
    let cut = &text[..text.len() / 2];
    let (error, message) = load_err(cut.as_bytes());
    assert!(
        matches!(error, LoadError::Syntax { line, .. } if line > 100),
        "{message}"
    );
    assert!(message.contains("bad.aipd.ron:"), "{message}");
}

#[test]
fn garbage_bytes_are_not_text() {
    let (error, message) = load_err(&[0x28, 0xff, 0xfe, 0x00, 0x12]);
    assert!(
        matches!(
            error,
            LoadError::NotText {
                line: 1,
                column: 2,
                ..
            }
        ),
        "{message}"
    );
    assert!(message.contains("bad.aipd.ron:1:2"), "{message}");
}

#[test]
fn a_foreign_ron_file_is_not_a_project() {
    let (error, _) = load_err(b"(name: \"something else\", size: 3)");
    assert!(matches!(error, LoadError::NotAProject { .. }));
}

#[test]
fn a_json_file_is_not_a_project() {
    let (error, message) = load_err(b"{\"pia\": {\"id\": 1}}");
    assert!(matches!(error, LoadError::NotAProject { .. }), "{message}");
}

#[test]
fn a_newer_format_is_refused_with_both_versions_named() {
    let newer = FORMAT_VERSION + 1;
    let text = format!("(format_version: {newer}, project: (title: \"x\"))");
    let (error, message) = load_err(text.as_bytes());
    assert!(matches!(error, LoadError::NewerVersion { .. }), "{message}");
    assert!(
        message.contains(&newer.to_string()) && message.contains("newer"),
        "{message}"
    );
}

#[test]
fn version_zero_never_existed() {
    let (error, _) = load_err(b"(format_version: 0)");
    assert!(matches!(error, LoadError::UnknownVersion { found: 0, .. }));
}

#[test]
fn a_misspelt_field_is_reported_where_it_stands() {
    let text = "(\n    format_version: 1,\n    camers: [],\n)";
    let (error, message) = load_err(text.as_bytes());
    assert!(
        matches!(error, LoadError::Syntax { line: 3, .. }),
        "{message}"
    );
    assert!(message.contains("camers"), "{message}");
}

#[test]
fn an_impossible_date_is_reported() {
    let text = "(format_version: 1, project: (created_on: Some(\"2026-02-30\")))";
    let (_, message) = load_err(text.as_bytes());
    assert!(message.contains("2026-02-30"), "{message}");
}

#[test]
fn a_file_over_the_size_cap_is_refused_before_reading() {
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join("huge.aipd.ron");
    let file = fs::File::create(&path).expect("create");
    file.set_len(storage::MAX_FILE_BYTES + 1)
        .expect("sparse file");
    let error = storage::load(&path).expect_err("must refuse");
    assert!(matches!(error, LoadError::TooLarge { .. }));
}

#[test]
fn a_missing_file_names_the_path() {
    let error = storage::load(Path::new("/nonexistent/x.aipd.ron")).expect_err("must fail");
    assert!(error.to_string().starts_with("/nonexistent/x.aipd.ron"));
}

#[test]
fn a_minimal_file_loads_with_defaults() {
    let loaded = storage::parse_text("(format_version: 1)", Path::new("m.aipd.ron")).expect("load");
    assert_eq!(loaded, Assessment::default());
}
