//! What the packages install, checked without building them: the manual page and shell
//! completions generated from the commands, the desktop entry (validated by
//! `desktop-file-validate`), `--version` naming the project-file format, and the portable
//! archive's `install-user.sh` installing and removing everything in a user's own folders.
//! (`scripts/test-deb.sh` builds and installs the Debian package itself, as root.)
#![cfg(unix)]

use std::path::{Path, PathBuf};
use std::process::Command;

fn gardefou(args: &[&str]) -> String {
    let out = Command::new(env!("CARGO_BIN_EXE_gardefou"))
        .args(args)
        .env("LANG", "C.UTF-8")
        .output()
        .expect("run gardefou");
    assert!(
        out.status.success(),
        "{args:?}: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout).expect("UTF-8")
}

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

#[test]
fn version_names_the_project_file_format_it_reads_and_writes() {
    let version = gardefou(&["--version"]);
    assert!(version.contains(env!("CARGO_PKG_VERSION")), "{version}");
    let format = gardefou::model::FORMAT_VERSION.to_string();
    assert!(version.contains(&format!("format {format}")), "{version}");
}

#[test]
fn the_manual_page_and_completions_come_from_the_commands() {
    let man = gardefou(&["man"]);
    assert!(man.contains("\n.TH gardefou 1"), "a roff page");
    for part in [
        "GARDEFOU EXPORT",
        "GARDEFOU CHECK",
        "\\-\\-no\\-logo",
        "\\-\\-format",
    ] {
        assert!(man.contains(part), "{part} missing from the manual page");
    }
    let bash = gardefou(&["completions", "bash"]);
    let dir = tempfile::tempdir().expect("temp dir");
    let script = dir.path().join("gardefou.bash");
    std::fs::write(&script, &bash).expect("write");
    let syntax = Command::new("bash")
        .arg("-n")
        .arg(&script)
        .status()
        .expect("bash");
    assert!(syntax.success(), "the bash completion parses");
    assert!(bash.contains("export-pia"));
    for shell in ["zsh", "fish"] {
        assert!(
            gardefou(&["completions", shell]).contains("export"),
            "{shell}"
        );
    }
}

#[test]
fn the_desktop_entry_passes_desktop_file_validate() {
    let entry = root().join("assets/packaging/gardefou.desktop");
    let out = Command::new("desktop-file-validate")
        .arg(&entry)
        .output()
        .expect("desktop-file-validate (package desktop-file-utils; .ci/run installs it)");
    assert!(
        out.status.success() && out.stdout.is_empty(),
        "{}{}",
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    );
    let text = std::fs::read_to_string(entry).expect("read");
    for line in [
        "Categories=Office;",
        "MimeType=application/x-aipd+ron;",
        "Name=Garde-fou",
        "Exec=gardefou open %f",
    ] {
        assert!(text.contains(line), "{line}");
    }
    assert!(text.contains("Comment[fr]=") && text.contains("Keywords[fr]=AIPD"));
}

/// The archive's layout, staged from the built binary and the packaging assets.
fn stage(dir: &Path) -> PathBuf {
    let stage = dir.join("gardefou-test");
    let share = stage.join("share");
    std::fs::create_dir_all(&share).expect("stage");
    std::fs::copy(env!("CARGO_BIN_EXE_gardefou"), stage.join("gardefou")).expect("binary");
    let assets = root().join("assets/packaging");
    for entry in std::fs::read_dir(&assets).expect("assets") {
        let path = entry.expect("entry").path();
        let name = path.file_name().expect("name").to_owned();
        if name == "install-user.sh" {
            std::fs::copy(&path, stage.join(&name)).expect("copy");
        } else {
            std::fs::copy(&path, share.join(&name)).expect("copy");
        }
    }
    let status = Command::new(root().join("scripts/gen-assets.sh"))
        .arg(stage.join("gardefou"))
        .arg(&share)
        .status()
        .expect("gen-assets");
    assert!(status.success());
    stage
}

#[test]
fn install_user_sh_installs_in_the_users_folders_and_uninstalls() {
    let dir = tempfile::tempdir().expect("temp dir");
    let stage = stage(dir.path());
    let home = dir.path().join("home");
    std::fs::create_dir_all(&home).expect("home");
    let run = |args: &[&str]| {
        Command::new("bash")
            .arg(stage.join("install-user.sh"))
            .args(args)
            .env("HOME", &home)
            .env_remove("XDG_DATA_HOME")
            .env_remove("XDG_CONFIG_HOME")
            .output()
            .expect("install-user.sh")
    };
    let out = run(&[]);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let local = home.join(".local");
    for installed in [
        "bin/gardefou",
        "share/applications/gardefou.desktop",
        "share/mime/packages/gardefou.xml",
        "share/icons/hicolor/256x256/apps/gardefou.png",
        "share/icons/hicolor/scalable/apps/gardefou.svg",
        "share/man/man1/gardefou.1.gz",
        "share/bash-completion/completions/gardefou",
    ] {
        assert!(local.join(installed).is_file(), "{installed} not installed");
    }
    let entry =
        std::fs::read_to_string(local.join("share/applications/gardefou.desktop")).expect("entry");
    let exec = format!("Exec={}/bin/gardefou open %f", local.display());
    assert!(
        entry.contains(&exec),
        "the entry runs the installed program: {entry}"
    );
    let version = Command::new(local.join("bin/gardefou"))
        .arg("--version")
        .output()
        .expect("run the installed program");
    assert!(version.status.success());
    if Command::new("xdg-mime").arg("--version").output().is_ok() {
        let default = Command::new("xdg-mime")
            .args(["query", "default", "application/x-aipd+ron"])
            .env("HOME", &home)
            .env("XDG_CURRENT_DESKTOP", "")
            .output()
            .expect("xdg-mime");
        assert_eq!(
            String::from_utf8_lossy(&default.stdout).trim(),
            "gardefou.desktop",
            "Garde-fou opens .aipd.ron files"
        );
    }
    let out = run(&["--uninstall"]);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(!local.join("bin/gardefou").exists());
    assert!(!local.join("share/applications/gardefou.desktop").exists());
}
