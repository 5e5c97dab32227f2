//! Runs the real binary: exit codes, `path:line:column` on stderr, the sample command.

use std::path::Path;
use std::process::{Command, Output};

fn gardefou(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_gardefou"))
        .args(args)
        .env("LANG", "C.UTF-8")
        .output()
        .expect("run gardefou")
}

fn stderr(output: &Output) -> String {
    String::from_utf8_lossy(&output.stderr).into_owned()
}

#[test]
fn validate_accepts_the_sample_and_exits_zero() {
    let sample =
        Path::new(env!("CARGO_MANIFEST_DIR")).join("assets/sample/commune-exemple.aipd.ron");
    let output = gardefou(&["validate", sample.to_str().expect("utf-8 path")]);
    assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
    assert!(String::from_utf8_lossy(&output.stdout).contains("124 cameras"));
}

#[test]
fn validate_reports_path_line_column_and_exits_two() {
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join("broken.aipd.ron");
    std::fs::write(
        &path,
        "(\n    format_version: 1,\n    project: (title: \"x\",,),\n)",
    )
    .expect("write");
    let output = gardefou(&["validate", path.to_str().expect("utf-8 path")]);
    assert_eq!(output.status.code(), Some(2));
    let expected = format!("{}:3:", path.display());
    assert!(
        stderr(&output).starts_with(&expected),
        "{}",
        stderr(&output)
    );
}

#[test]
fn validate_speaks_french_when_asked() {
    let output = gardefou(&["--lang", "fr", "validate", "/nonexistent/x.aipd.ron"]);
    assert_eq!(output.status.code(), Some(2));
    assert!(
        stderr(&output).contains("impossible de lire le fichier"),
        "{}",
        stderr(&output)
    );
}

#[test]
fn validate_warns_about_a_duplicate_camera_but_still_loads() {
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join("dup.aipd.ron");
    let text = "(format_version: 1, cameras: [(camera_id: \"CAM-1\"), (camera_id: \"CAM-1\")])";
    std::fs::write(&path, text).expect("write");
    let output = gardefou(&[
        "--lang",
        "en",
        "validate",
        path.to_str().expect("utf-8 path"),
    ]);
    assert_eq!(output.status.code(), Some(0));
    assert!(
        stderr(&output).contains("camera CAM-1 appears more than once"),
        "{}",
        stderr(&output)
    );
}

#[test]
fn sample_writes_a_loadable_project_and_its_evidence() {
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join("exemple.aipd.ron");
    let output = gardefou(&["sample", "-o", path.to_str().expect("utf-8 path")]);
    assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
    let loaded = gardefou::storage::load(&path).expect("written sample loads");
    assert_eq!(loaded.cameras.len(), 124);
    for evidence in &loaded.evidence {
        assert!(
            dir.path().join(&evidence.path).is_file(),
            "{} missing",
            evidence.path
        );
    }
}

#[test]
fn help_documents_every_command() {
    let output = gardefou(&["--help"]);
    let help = String::from_utf8_lossy(&output.stdout);
    for command in ["open", "validate", "sample"] {
        assert!(help.contains(command), "--help lacks {command}:\n{help}");
    }
}
