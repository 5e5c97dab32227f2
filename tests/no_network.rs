//! The app makes no network connection: no HTTP client in the dependency tree, and the commands
//! that read and write files work in a network namespace with no interface at all.

use std::path::Path;
use std::process::Command;

#[test]
fn the_dependency_tree_has_no_http_client() {
    let lock = std::fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join("Cargo.lock"))
        .expect("Cargo.lock");
    for client in [
        "reqwest",
        "ureq",
        "hyper",
        "curl",
        "isahc",
        "attohttpc",
        "surf",
        "minreq",
        "http-req",
    ] {
        let needle = format!("name = \"{client}\"");
        assert!(
            !lock.contains(&needle),
            "{client} is in the dependency tree"
        );
    }
}

// Network namespaces (`unshare -n`) are Linux's.
#[cfg(target_os = "linux")]
#[test]
fn check_and_export_run_without_any_network_interface() {
    let probe = Command::new("unshare").args(["-n", "true"]).status();
    if !probe.is_ok_and(|s| s.success()) {
        eprintln!("unshare -n is not available here (needs root or user namespaces): not run");
        return;
    }
    let sample =
        Path::new(env!("CARGO_MANIFEST_DIR")).join("assets/sample/commune-exemple.aipd.ron");
    let dir = tempfile::tempdir().expect("temp dir");
    let pdf = dir.path().join("dossier.pdf");
    let exe = env!("CARGO_BIN_EXE_gardefou");
    let check = Command::new("unshare")
        .args([
            "-n",
            exe,
            "check",
            sample.to_str().expect("utf-8"),
            "--json",
            "--today",
            "2026-11-23",
        ])
        .output()
        .expect("run check");
    assert_eq!(
        check.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&check.stderr)
    );
    let export = Command::new("unshare")
        .args([
            "-n",
            exe,
            "export",
            sample.to_str().expect("utf-8"),
            "-o",
            pdf.to_str().expect("utf-8"),
        ])
        .output()
        .expect("run export");
    assert_eq!(
        export.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&export.stderr)
    );
    assert!(pdf.is_file());
}
