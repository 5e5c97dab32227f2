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
    for command in ["open", "validate", "check", "sample"] {
        assert!(help.contains(command), "--help lacks {command}:\n{help}");
    }
}

fn sample_path() -> String {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("assets/sample/commune-exemple.aipd.ron")
        .display()
        .to_string()
}

#[test]
fn check_json_has_the_documented_shape() {
    // The sample with one criterion set by the user, to show the « override » origin.
    let dir = tempfile::tempdir().expect("temp dir");
    let project = dir.path().join("avec-derogation.aipd.ron");
    let mut sample = gardefou::sample::sample().expect("sample");
    sample
        .screening
        .overrides
        .push(gardefou::model::CriterionOverride {
            criterion_id: gardefou::model::CriterionId::new("C9"),
            is_met: false,
            reason: "Aucun service ni droit n'est refusé du fait du traitement (droit d'opposition : voir l'avis du DPD)".into(),
        });
    gardefou::storage::save(&project, &sample).expect("save");
    let output = gardefou(&[
        "check",
        project.to_str().expect("utf-8"),
        "--json",
        "--today",
        "2026-11-23",
        "--lang",
        "fr",
    ]);
    assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
    let value: serde_json::Value = serde_json::from_slice(&output.stdout).expect("JSON on stdout");
    assert_eq!(value["verdict"], "required");
    assert_eq!(value["art90_required"], true);
    let art90 = value["art90_purposes"].as_array().expect("art90_purposes");
    assert!(!art90.is_empty());
    assert!(art90
        .iter()
        .any(|p| p["verdict"] == "required" && p["purpose"].as_str().is_some()));
    let criteria = value["criteria"].as_array().expect("criteria");
    assert_eq!(criteria.len(), 9);
    assert_eq!(criteria[2]["id"], "C3");
    assert_eq!(criteria[2]["met"], true);
    assert_eq!(criteria[2]["origin"], "derived");
    assert_eq!(criteria[8]["origin"], "override");
    assert!(criteria[8]["because"][0]
        .as_str()
        .expect("reason")
        .contains("droit d'opposition"));
    let findings = value["findings"].as_array().expect("findings");
    let r06 = findings
        .iter()
        .find(|f| f["id"] == "R06")
        .expect("R06 on the sample");
    assert_eq!(r06["severity"], "medium");
    assert!(r06["message"]
        .as_str()
        .expect("message")
        .contains("14/03/2027"));
    assert_eq!(r06["sources"][0], "CSI-L252-4");
    assert_eq!(
        r06["fields"][0],
        "video_system.authorisation.is_renewal_filed"
    );
    assert_eq!(value["completeness"]["percent"], 99);
    assert_eq!(value["completeness"]["missing"][0], "screening.has_fria");
    let risks = value["risks"].as_array().expect("risks");
    assert_eq!(risks[0]["id"], "RISK-ACCESS");
    assert_eq!(risks[0]["severity"], 3);
    assert_eq!(risks[0]["residual_likelihood"], 2);
}

#[test]
fn check_exits_one_on_a_blocking_finding_and_names_it() {
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join("retention.aipd.ron");
    let mut sample = gardefou::sample::sample().expect("sample");
    sample.video_system.image_retention_days = Some(45);
    gardefou::storage::save(&path, &sample).expect("save");
    let output = gardefou(&[
        "--lang",
        "en",
        "check",
        path.to_str().expect("utf-8"),
        "--today",
        "2026-11-23",
    ]);
    assert_eq!(output.status.code(), Some(1));
    let text = String::from_utf8_lossy(&output.stdout);
    assert!(text.contains("[BLOCKING] R01"), "{text}");
    assert!(text.contains("CSI, art. L.252-5"), "{text}");
}

#[test]
fn check_uses_the_given_date_for_the_authorisation() {
    let expired = |today: &str| {
        let output = gardefou(&["check", &sample_path(), "--json", "--today", today]);
        let value: serde_json::Value = serde_json::from_slice(&output.stdout).expect("JSON");
        value["findings"]
            .as_array()
            .expect("findings")
            .iter()
            .any(|f| f["id"] == "R05-EXPIRED")
    };
    // Granted on 14 March 2022 for five years: 14 March 2027 is its last day covered.
    assert!(!expired("2027-03-14"), "the expiry day is still covered");
    assert!(expired("2027-03-15"), "expired from the day after");
    let output = gardefou(&["check", &sample_path(), "--json", "--today", "2027-03-15"]);
    assert_eq!(output.status.code(), Some(1));
}

#[test]
fn check_exits_two_on_an_unreadable_file_with_the_validate_message() {
    let output = gardefou(&["check", "/nonexistent/x.aipd.ron", "--json"]);
    assert_eq!(output.status.code(), Some(2));
    assert!(stderr(&output).starts_with("/nonexistent/x.aipd.ron"));
    assert!(output.stdout.is_empty());
}

#[test]
fn check_refuses_a_malformed_date() {
    let output = gardefou(&["check", &sample_path(), "--today", "2026-13-01"]);
    assert_eq!(output.status.code(), Some(2));
    assert!(stderr(&output).contains("2026-13-01"));
}

#[test]
fn check_text_shows_no_raw_key_in_either_language() {
    for lang in ["fr", "en"] {
        let output = gardefou(&[
            "--lang",
            lang,
            "check",
            &sample_path(),
            "--today",
            "2026-11-23",
        ]);
        let text = String::from_utf8_lossy(&output.stdout);
        for raw in ["cli.", "severity.", "verdict.", "enum.", "crit.", "{"] {
            assert!(!text.contains(raw), "{lang}: raw « {raw} » in:\n{text}");
        }
    }
}

#[test]
fn a_pia_export_opens_like_a_project_and_round_trips_through_the_cli() {
    let dir = tempfile::tempdir().expect("temp dir");
    let fixture = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/pia/complete.json");
    let project = dir.path().join("from-pia.aipd.ron");
    let output = gardefou(&[
        "import-pia",
        fixture.to_str().expect("utf-8"),
        "-o",
        project.to_str().expect("utf-8"),
    ]);
    assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
    let back = dir.path().join("back.json");
    let output = gardefou(&[
        "export-pia",
        project.to_str().expect("utf-8"),
        "-o",
        back.to_str().expect("utf-8"),
    ]);
    assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
    let mut first = gardefou::storage::load(&project).expect("imported project");
    let mut again = gardefou::session::read_assessment(&back).expect("the exported JSON opens");
    // Each import keeps the file it read, which differs; the assessment must not.
    assert!(!first.project.imported_pia.is_empty());
    first.project.imported_pia.clear();
    again.project.imported_pia.clear();
    assert!(
        again == first,
        "import-pia -> export-pia -> open changed the assessment"
    );
    let output = gardefou(&[
        "--lang",
        "en",
        "check",
        back.to_str().expect("utf-8"),
        "--json",
    ]);
    assert_ne!(
        output.status.code(),
        Some(2),
        "check reads a PIA export: {}",
        stderr(&output)
    );
    let output = gardefou(&[
        "--lang",
        "fr",
        "validate",
        Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("tests/pia/server.json")
            .to_str()
            .expect("utf-8"),
    ]);
    assert_eq!(output.status.code(), Some(2));
    assert!(
        stderr(&output).contains("édition serveur"),
        "{}",
        stderr(&output)
    );
}

#[test]
fn export_document_writes_each_derived_document_as_pdf_or_text() {
    let dir = tempfile::tempdir().expect("temp dir");
    let sample = sample_path();
    for document in ["register", "notice"] {
        let pdf = dir.path().join(format!("{document}.pdf"));
        let output = gardefou(&[
            "--lang",
            "fr",
            "export",
            &sample,
            "--document",
            document,
            "-o",
            pdf.to_str().expect("utf-8 path"),
            "--today",
            "2026-11-23",
        ]);
        assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
        let bytes = std::fs::read(&pdf).expect("written");
        assert!(bytes.starts_with(b"%PDF-"), "{document} is a PDF");
        let text = dir.path().join(format!("{document}.txt"));
        let output = gardefou(&[
            "--lang",
            "fr",
            "export",
            &sample,
            "--document",
            document,
            "-o",
            text.to_str().expect("utf-8 path"),
        ]);
        assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
        let written = std::fs::read_to_string(&text).expect("plain text");
        assert!(
            written.contains("Commune de Saint-Aubin-sur-Lys"),
            "{written}"
        );
    }
}

#[test]
fn export_document_consultation_is_refused_when_nothing_calls_for_it() {
    // GDPR purposes only, no residual risk high nor at the maximum severity: neither art. 36
    // nor art. 90 applies, and there is no ground for a voluntary request either.
    let dir = tempfile::tempdir().expect("temp dir");
    let mut a = gardefou::sample::sample().expect("sample");
    a.processing
        .purposes
        .retain(|p| p.regime != gardefou::model::Regime::PoliceJustice);
    for risk in &mut a.risks {
        if risk.residual_severity == Some(gardefou::model::Level::Maximum) {
            risk.residual_severity = Some(gardefou::model::Level::Significant);
        }
    }
    let project = dir.path().join("rgpd.aipd.ron");
    gardefou::storage::save(&project, &a).expect("save");
    let out = dir.path().join("letter.pdf");
    let output = gardefou(&[
        "export",
        project.to_str().expect("utf-8 path"),
        "--document",
        "consultation",
        "-o",
        out.to_str().expect("utf-8 path"),
    ]);
    assert_eq!(output.status.code(), Some(2));
    assert!(
        stderr(&output).contains("no prior consultation"),
        "{}",
        stderr(&output)
    );
    assert!(!out.exists(), "nothing written");
}

#[test]
fn export_document_refuses_an_unknown_document_and_the_public_flag() {
    let dir = tempfile::tempdir().expect("temp dir");
    let out = dir.path().join("x.pdf");
    let sample = sample_path();
    for (args, expected) in [
        (vec!["--document", "memo"], "memo"),
        (
            vec!["--document", "notice", "--public"],
            "cannot be used with",
        ),
    ] {
        let mut all = vec!["export", &sample, "-o", out.to_str().expect("utf-8 path")];
        all.extend(args);
        let output = gardefou(&all);
        assert_eq!(output.status.code(), Some(2), "{all:?}");
        assert!(stderr(&output).contains(expected), "{}", stderr(&output));
        assert!(!out.exists(), "nothing written");
    }
}

#[test]
fn check_json_says_undetermined_for_an_unanswered_screening() {
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join("vide.aipd.ron");
    gardefou::storage::save(&path, &gardefou::model::Assessment::default()).expect("save");
    let output = gardefou(&[
        "check",
        path.to_str().expect("utf-8"),
        "--json",
        "--today",
        "2026-11-23",
    ]);
    let value: serde_json::Value = serde_json::from_slice(&output.stdout).expect("JSON");
    assert_eq!(value["verdict"], "undetermined");
}

#[test]
fn diff_prints_what_changed_between_two_versions_as_text_and_json() {
    use gardefou::model::{Camera, CameraId, ProjectStatus};
    use gardefou::session::Session;
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join("commune.aipd.ron");
    let kb = std::sync::Arc::new(gardefou::knowledge::KnowledgeBase::bundled().expect("kb"));
    let sample = gardefou::sample::sample().expect("sample");
    let today: gardefou::model::Date = "2026-11-23".parse().expect("date");
    let mut session = Session::new(sample, None, kb, today);
    session.assessment.project.status = ProjectStatus::Draft;
    let review = |s: &mut Session| {
        for to in [ProjectStatus::InReview, ProjectStatus::DpoOpinionGiven] {
            s.change_status(to, "Claire", "").expect("step");
        }
    };
    review(&mut session);
    session.validate("1.0", "Hervé", "").expect("1.0");
    session
        .change_status(ProjectStatus::UnderRevision, "Claire", "")
        .expect("revision");
    session.assessment.video_system.software.version = "5.8.0".into();
    for n in 0..20 {
        session.assessment.cameras.push(Camera {
            camera_id: CameraId::new(format!("NEW-{n:02}")),
            ..Camera::default()
        });
    }
    review(&mut session);
    session.validate("1.1", "Hervé", "").expect("1.1");
    session.save_as(&path).expect("save");
    let file = path.to_str().expect("utf-8");

    let output = gardefou(&[
        "diff",
        file,
        "--from",
        "1.0",
        "--to",
        "1.1",
        "--json",
        "--today",
        "2026-11-23",
    ]);
    assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
    let value: serde_json::Value = serde_json::from_slice(&output.stdout).expect("JSON");
    assert_eq!(value["from"], "1.0");
    assert_eq!(value["to"], "1.1");
    let changes = value["changes"].as_array().expect("changes");
    assert!(changes
        .iter()
        .any(|c| c["path"] == "video_system.software.version"
            && c["old"] == "5.7.2"
            && c["new"] == "5.8.0"));
    assert_eq!(value["cameras"]["added"].as_array().map(Vec::len), Some(20));

    let output = gardefou(&["diff", file, "--lang", "fr", "--today", "2026-11-23"]);
    let text = String::from_utf8_lossy(&output.stdout);
    assert!(
        text.contains("Aucun changement"),
        "1.1 is the current content: {text}"
    );
    let output = gardefou(&["diff", file, "--from", "2.0"]);
    assert_eq!(
        output.status.code(),
        Some(2),
        "an unknown version is an error"
    );
}

#[test]
fn export_chooses_the_format_from_the_extension_or_format_and_refuses_an_unknown_one() {
    let dir = tempfile::tempdir().expect("temp dir");
    let sample = sample_path();
    let path = |name: &str| dir.path().join(name).to_str().expect("utf-8").to_owned();
    for (args, file, starts_with, says) in [
        (vec![], "dossier.odt", &b"PK"[..], "OpenDocument (ODT)"),
        (vec!["--public"], "public.DOCX", &b"PK"[..], "Word (DOCX)"),
        (
            vec!["--format", "docx"],
            "forced.bin",
            &b"PK"[..],
            "Word (DOCX)",
        ),
        (
            vec!["--format", "pdf"],
            "forced.odt",
            &b"%PDF-"[..],
            "pages",
        ),
        (vec![], "dossier.txt", "Analyse".as_bytes(), "plain text"),
        (
            vec!["--document", "notice"],
            "notice.html",
            &b"<!DOCTYPE html>"[..],
            "web page",
        ),
        (
            vec!["--document", "register"],
            "register.odt",
            &b"PK"[..],
            "OpenDocument (ODT)",
        ),
    ] {
        let out = path(file);
        let mut all = vec!["export", &sample, "-o", &out, "--today", "2026-11-23"];
        all.extend(args.iter().copied());
        let output = gardefou(&all);
        assert_eq!(
            output.status.code(),
            Some(0),
            "{all:?}: {}",
            stderr(&output)
        );
        let stdout = String::from_utf8_lossy(&output.stdout);
        assert!(stdout.contains(says), "{all:?}: {stdout}");
        let bytes = std::fs::read(&out).expect("written");
        assert!(bytes.starts_with(starts_with), "{all:?}: wrong format");
    }
    let odt = std::fs::read(path("dossier.odt")).expect("odt");
    assert!(
        odt[..80]
            .windows(39)
            .any(|w| w == b"application/vnd.oasis.opendocument.text"),
        "the ODT's mimetype is its first entry"
    );
    let out = path("x.rtf");
    let output = gardefou(&["export", &sample, "-o", &out, "--format", "rtf"]);
    assert_eq!(output.status.code(), Some(2));
    assert!(stderr(&output).contains("expected pdf, odt, docx, txt or html"));
    assert!(!Path::new(&out).exists(), "nothing written");
}

#[test]
fn a_branded_project_exports_with_its_logo_and_a_broken_logo_stops_unless_no_logo() {
    let dir = tempfile::tempdir().expect("temp dir");
    let logo = dir.path().join("logo.png");
    let mut png = Vec::new();
    image::RgbImage::from_pixel(120, 40, image::Rgb([15, 92, 77]))
        .write_to(&mut std::io::Cursor::new(&mut png), image::ImageFormat::Png)
        .expect("encode");
    std::fs::write(&logo, &png).expect("write");
    let mut a = gardefou::sample::sample().expect("sample");
    a.project.branding = gardefou::model::Branding {
        firm_name: "Cabinet Lumen".to_owned(),
        logo_path: logo.display().to_string(),
        accent: "#0F5C4D".to_owned(),
        footer_line: "lumen-conformite.fr".to_owned(),
    };
    let project = dir.path().join("branded.aipd.ron");
    gardefou::storage::save(&project, &a).expect("save");
    let out = dir.path().join("branded.pdf");
    let run = |extra: &[&str]| {
        let mut args = vec![
            "export",
            project.to_str().expect("utf-8"),
            "-o",
            out.to_str().expect("utf-8"),
        ];
        args.extend(extra);
        gardefou(&args)
    };
    let output = run(&[]);
    assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
    let pdf = std::fs::read(&out).expect("written");
    assert!(
        pdf.windows(12)
            .any(|w| w == b"/Subtype /Im" || w == b"/Subtype/Ima"),
        "the logo is in the PDF"
    );
    std::fs::remove_file(&out).expect("remove");
    std::fs::write(&logo, b"not a picture").expect("break the logo");
    let output = run(&[]);
    assert_eq!(output.status.code(), Some(2));
    assert!(stderr(&output).contains("--no-logo"), "{}", stderr(&output));
    assert!(!out.exists(), "nothing written");
    let output = run(&["--no-logo"]);
    assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
    assert!(out.exists());
}

/// A demonstration portfolio written by `sample --portfolio`.
fn demo_portfolio() -> tempfile::TempDir {
    let dir = tempfile::tempdir().expect("temp dir");
    let output = gardefou(&[
        "sample",
        "--portfolio",
        "-o",
        dir.path().to_str().expect("utf-8"),
    ]);
    assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
    dir
}

#[test]
fn portfolio_json_has_the_documented_shape_and_exits_one_on_a_blocking_finding() {
    let dir = demo_portfolio();
    std::fs::write(dir.path().join("abime.aipd.ron"), "pas un projet").expect("write");
    let folder = dir.path().to_str().expect("utf-8");
    let output = gardefou(&["portfolio", folder, "--json", "--today", "2026-12-01"]);
    assert_eq!(output.status.code(), Some(1), "{}", stderr(&output));
    let json: serde_json::Value = serde_json::from_slice(&output.stdout).expect("JSON");
    assert_eq!(json["today"], "2026-12-01");
    let assessments = json["assessments"].as_array().expect("assessments");
    assert_eq!(assessments.len(), 12);
    let keys = [
        "path",
        "kind",
        "modified",
        "organisation",
        "title",
        "version",
        "status",
        "verdict",
        "blocking",
        "high",
        "completeness",
        "cameras",
        "authorisation_expires_on",
        "authorisation_days_left",
        "renewal_filing_due_on",
        "review_due_on",
        "urgency",
        "deadlines",
        "findings",
        "modified_since_validation",
        "copies",
    ];
    for a in assessments {
        for key in keys {
            assert!(a.get(key).is_some(), "{key} missing in {a}");
        }
        for d in a["deadlines"].as_array().expect("deadlines") {
            for key in [
                "kind",
                "date",
                "days_left",
                "urgency",
                "measure_id",
                "label",
            ] {
                assert!(d.get(key).is_some(), "{key} missing in {d}");
            }
        }
    }
    let first = assessments
        .iter()
        .find(|a| a["path"] == "01-saint-aubin-sur-lys.aipd.ron")
        .expect("first commune");
    // Granted on 2021-06-01 for five years: expired six months before the day of the check.
    assert_eq!(first["authorisation_expires_on"], "2026-06-01");
    assert_eq!(first["authorisation_days_left"], -183);
    assert_eq!(first["urgency"], "overdue");
    assert!(first["findings"]
        .as_array()
        .expect("findings")
        .iter()
        .any(|f| f["id"] == "R05-EXPIRED" && f["severity"] == "blocking"));
    let unreadable = json["unreadable"].as_array().expect("unreadable");
    assert_eq!(unreadable.len(), 1);
    assert_eq!(unreadable[0]["path"], "abime.aipd.ron");
    assert!(unreadable[0]["error"]
        .as_str()
        .expect("error")
        .contains("abime.aipd.ron"));
    let summary = &json["summary"];
    assert_eq!(summary["assessments"], 12);
    assert_eq!(summary["unreadable"], 1);
    let with_blocking = assessments.iter().filter(|a| a["blocking"] != 0).count();
    assert_eq!(summary["with_blocking"], with_blocking);
    assert!(with_blocking > 0);
}

#[test]
fn portfolio_exits_zero_without_blocking_and_two_on_a_folder_it_cannot_read() {
    let dir = tempfile::tempdir().expect("temp dir");
    let sample =
        Path::new(env!("CARGO_MANIFEST_DIR")).join("assets/sample/commune-exemple.aipd.ron");
    std::fs::copy(&sample, dir.path().join("commune.aipd.ron")).expect("copy");
    let folder = dir.path().to_str().expect("utf-8");
    let output = gardefou(&["--lang", "fr", "portfolio", folder, "--today", "2026-12-01"]);
    assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
    let text = String::from_utf8_lossy(&output.stdout);
    assert!(text.contains("Commune de Saint-Aubin-sur-Lys"), "{text}");
    assert!(
        text.contains("Fin de l’autorisation\u{a0}: 14/03/2027"),
        "{text}"
    );
    let missing = dir.path().join("absent");
    let output = gardefou(&["portfolio", missing.to_str().expect("utf-8"), "--json"]);
    assert_eq!(output.status.code(), Some(2));
    assert!(stderr(&output).contains("absent"), "{}", stderr(&output));
    assert!(
        output.stdout.is_empty(),
        "no JSON for a folder that cannot be read"
    );
}

#[test]
fn portfolio_writes_the_csv_the_report_and_the_calendar_beside_the_json() {
    let dir = demo_portfolio();
    let out = tempfile::tempdir().expect("temp dir");
    let csv = out.path().join("portefeuille.csv");
    let pdf = out.path().join("portefeuille.pdf");
    let ics = out.path().join("portefeuille.ics");
    let output = gardefou(&[
        "--lang",
        "fr",
        "portfolio",
        dir.path().to_str().expect("utf-8"),
        "--json",
        "--today",
        "2026-12-01",
        "--csv",
        csv.to_str().expect("utf-8"),
        "-o",
        pdf.to_str().expect("utf-8"),
        "--ics",
        ics.to_str().expect("utf-8"),
    ]);
    assert_eq!(output.status.code(), Some(1), "{}", stderr(&output));
    serde_json::from_slice::<serde_json::Value>(&output.stdout).expect("stdout stays pure JSON");
    let mut reader = csv::Reader::from_path(&csv).expect("csv");
    let header: Vec<String> = reader
        .headers()
        .expect("header")
        .iter()
        .map(str::to_owned)
        .collect();
    assert_eq!(header, gardefou::portfolio::csv::HEADER);
    let records: Vec<csv::StringRecord> = reader.records().map(|r| r.expect("record")).collect();
    assert_eq!(records.len(), 12);
    assert!(records
        .iter()
        .any(|r| &r[2] == "Commune de Montcalm-sur-Orne" && &r[11] == "2026-12-12"));
    let text = std::process::Command::new("pdftotext")
        .args([pdf.to_str().expect("utf-8"), "-"])
        .output()
        .expect("pdftotext");
    // Table cells wrap: compare with the line breaks taken out.
    let text = String::from_utf8_lossy(&text.stdout)
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ");
    for expected in [
        "Portefeuille des analyses d’impact",
        "Calendrier des échéances sur douze mois",
        "Décembre 2026",
        "Novembre 2027",
        "Renouvellement de l’autorisation à déposer",
        "Commune de Champfleury-la-Rivière",
        "R05-EXPIRED",
    ] {
        assert!(
            text.contains(expected),
            "« {expected} » not in the report:\n{text}"
        );
    }
    let calendar = std::fs::read_to_string(&ics).expect("ics");
    assert!(calendar.starts_with("BEGIN:VCALENDAR\r\n"));
    assert!(
        calendar.contains("DTSTAMP:20261201T000000Z"),
        "--today stamps the file"
    );
    let again = tempfile::tempdir().expect("temp dir");
    let ics2 = again.path().join("again.ics");
    let output = gardefou(&[
        "--lang",
        "fr",
        "portfolio",
        dir.path().to_str().expect("utf-8"),
        "--today",
        "2026-12-01",
        "--ics",
        ics2.to_str().expect("utf-8"),
    ]);
    assert_eq!(output.status.code(), Some(1));
    assert_eq!(
        std::fs::read_to_string(&ics2).expect("ics"),
        calendar,
        "the same folder gives the same file"
    );
}

/// Run as an ordinary user (root reads everything): unreadable files and folders are rows.
#[cfg(unix)]
#[test]
fn portfolio_lists_permission_errors_as_rows() {
    use std::os::unix::fs::PermissionsExt;
    let is_root = std::process::Command::new("id")
        .arg("-u")
        .output()
        .is_ok_and(|o| String::from_utf8_lossy(&o.stdout).trim() == "0");
    let setpriv = Path::new("/usr/bin/setpriv");
    if !is_root || !setpriv.exists() {
        eprintln!("skipped: needs root and setpriv to run as another user");
        return;
    }
    let dir = tempfile::tempdir().expect("temp dir");
    let root = dir.path();
    let sample =
        Path::new(env!("CARGO_MANIFEST_DIR")).join("assets/sample/commune-exemple.aipd.ron");
    std::fs::copy(&sample, root.join("lisible.aipd.ron")).expect("copy");
    std::fs::copy(&sample, root.join("ferme.aipd.ron")).expect("copy");
    std::fs::create_dir(root.join("prive")).expect("folder");
    std::fs::copy(&sample, root.join("prive/cache.aipd.ron")).expect("copy");
    let mode = |path: &Path, bits| {
        std::fs::set_permissions(path, std::fs::Permissions::from_mode(bits)).expect("chmod")
    };
    mode(root, 0o755);
    mode(&root.join("lisible.aipd.ron"), 0o644);
    mode(&root.join("ferme.aipd.ron"), 0o000);
    mode(&root.join("prive"), 0o000);
    let output = std::process::Command::new(setpriv)
        .args(["--reuid=65534", "--regid=65534", "--clear-groups"])
        .arg(env!("CARGO_BIN_EXE_gardefou"))
        .args([
            "--lang",
            "en",
            "portfolio",
            root.to_str().expect("utf-8"),
            "--json",
        ])
        .env("LANG", "C.UTF-8")
        .output()
        .expect("run as nobody");
    mode(&root.join("prive"), 0o755);
    assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
    let json: serde_json::Value = serde_json::from_slice(&output.stdout).expect("JSON");
    assert_eq!(json["assessments"].as_array().expect("rows").len(), 1);
    let unreadable: Vec<(String, String)> = json["unreadable"]
        .as_array()
        .expect("unreadable")
        .iter()
        .map(|u| {
            (
                u["path"].as_str().unwrap_or("").to_owned(),
                u["error"].to_string(),
            )
        })
        .collect();
    assert_eq!(unreadable.len(), 2, "{unreadable:?}");
    assert_eq!(unreadable[0].0, "ferme.aipd.ron");
    assert_eq!(unreadable[1].0, "prive");
    for (_, error) in &unreadable {
        assert!(error.contains("ermission denied"), "{error}");
    }
}

/// Issue 33, item 5: `import-cameras` reads an open-data CSV with the app's reader into a new
/// project, then into that project again (where every camera now exists); refused rows are
/// named with their line, the exit code says whether any was, and nothing is written on a bad
/// `--map` or over an existing file with `-o`.
#[test]
fn import_cameras_scripts_the_apps_csv_import() {
    let dir = tempfile::tempdir().expect("temp dir");
    let csv = dir.path().join("paris.csv");
    std::fs::write(
        &csv,
        "Code postal;Numéro;Implantation;Date de mise en service;lat;lon;Marque\n\
         75008;46685;Place de la Concorde;08/07/16;48.8656;2.3212;Axis\n\
         75008;46686;Rue Royale;inconnue;48.8680;2.3225;Axis\n\
         75001;46687;Rue de Rivoli;32/13/16;48.8620;2.3360;Bosch\n",
    )
    .expect("csv");
    let project = dir.path().join("ville.aipd.ron");
    let (csv, project_arg) = (
        csv.to_str().expect("utf-8"),
        project.to_str().expect("utf-8"),
    );
    let output = gardefou(&["import-cameras", csv, "-o", project_arg]);
    assert_eq!(output.status.code(), Some(1), "a row was refused");
    assert!(stderr(&output).contains(":4: "), "{}", stderr(&output));
    let a = gardefou::storage::load(&project).expect("the new project");
    let ids: Vec<&str> = a.cameras.iter().map(|c| c.camera_id.as_str()).collect();
    assert_eq!(ids, ["46685", "46686"]);
    assert_eq!(a.cameras[0].perimeter, "75008");
    assert_eq!(
        a.cameras[0].commissioned_on,
        gardefou::model::Date::from_ymd(2016, 7, 8)
    );
    assert_eq!(a.plans.len(), 1, "placed on their perimeter's plan");

    // Again, into the same project: every camera is already there, said row by row.
    let output = gardefou(&["import-cameras", csv, "--into", project_arg, "--json"]);
    assert_eq!(output.status.code(), Some(1));
    let report: serde_json::Value = serde_json::from_slice(&output.stdout).expect("json");
    assert_eq!(report["imported"], 0);
    assert_eq!(report["updated"], 0);
    assert_eq!(report["ignored_columns"][0], "Marque");
    let refused = report["refused"].as_array().expect("refused");
    assert_eq!(refused.len(), 3);
    assert!(refused[0]["message"]
        .as_str()
        .is_some_and(|m| m.contains("already in the inventory")));

    // With --update, the cameras already there are updated from the file instead.
    std::fs::write(
        csv,
        "Code postal;Numéro;Implantation;Date de mise en service;lat;lon;Marque\n\
         75008;46685;Place de la Concorde, angle rue Royale;08/07/16;48.8656;2.3212;Axis\n",
    )
    .expect("csv");
    let output = gardefou(&[
        "import-cameras",
        csv,
        "--into",
        project_arg,
        "--update",
        "--json",
    ]);
    assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
    let report: serde_json::Value = serde_json::from_slice(&output.stdout).expect("json");
    assert_eq!(
        (report["imported"].as_u64(), report["updated"].as_u64()),
        (Some(0), Some(1))
    );
    let a = gardefou::storage::load(&project).expect("the project");
    assert_eq!(
        a.cameras[0].location,
        "Place de la Concorde, angle rue Royale"
    );
    assert_eq!(a.cameras.len(), 2);

    // -o never writes over a file; a bad --map writes nothing.
    let before = std::fs::read(&project).expect("read");
    let output = gardefou(&["import-cameras", csv, "-o", project_arg]);
    assert_eq!(output.status.code(), Some(2));
    let other = dir.path().join("autre.aipd.ron");
    let output = gardefou(&[
        "import-cameras",
        csv,
        "-o",
        other.to_str().expect("utf-8"),
        "--map",
        "Marque=modèle",
    ]);
    assert_eq!(output.status.code(), Some(2));
    assert!(!other.exists());
    assert_eq!(std::fs::read(&project).expect("read"), before);
}

/// Issue 33, items 4 and 5: `import-cameras` reads a GIS's GeoJSON as it reads a CSV — its
/// properties as columns, its points as longitude / latitude kept on the cameras — and names a
/// refused feature by its number.
#[test]
fn import_cameras_reads_a_gis_geojson_and_keeps_its_coordinates() {
    let dir = tempfile::tempdir().expect("temp dir");
    let geojson = dir.path().join("cameras.geojson");
    std::fs::write(
        &geojson,
        r#"{"type": "FeatureCollection", "features": [
          {"type": "Feature", "geometry": {"type": "Point", "coordinates": [2.3212, 48.8656]},
           "properties": {"numero": 46685, "adresse": "Place de la Concorde", "code_postal": "75008", "date_de_mise_en_service": "08/07/16", "type": "Dôme"}},
          {"type": "Feature", "geometry": {"type": "MultiPoint", "coordinates": [[2.3225, 48.868]]},
           "properties": {"numero": 46686, "adresse": "Rue Royale", "code_postal": "75008"}},
          {"type": "Feature", "geometry": {"type": "LineString", "coordinates": [[2.33, 48.86], [2.34, 48.86]]},
           "properties": {"numero": 46687, "adresse": "Rue de Rivoli", "code_postal": "75001"}}
        ]}"#,
    )
    .expect("geojson");
    let project = dir.path().join("ville.aipd.ron");
    let output = gardefou(&[
        "import-cameras",
        geojson.to_str().expect("utf-8"),
        "-o",
        project.to_str().expect("utf-8"),
        "--json",
    ]);
    assert_eq!(output.status.code(), Some(1), "{}", stderr(&output));
    let report: serde_json::Value = serde_json::from_slice(&output.stdout).expect("json");
    assert_eq!(report["imported"], 2);
    assert_eq!(report["placed"], 2);
    assert_eq!(report["refused"][0]["feature"], 3);
    assert!(report["refused"][0]["message"]
        .as_str()
        .is_some_and(|m| m.contains("LineString")));
    let a = gardefou::storage::load(&project).expect("the new project");
    let concorde = &a.cameras[0];
    assert_eq!(concorde.camera_id.as_str(), "46685");
    assert_eq!(concorde.perimeter, "75008");
    assert_eq!(concorde.kind, gardefou::model::CameraKind::Ptz);
    assert_eq!(
        concorde.commissioned_on,
        gardefou::model::Date::from_ymd(2016, 7, 8)
    );
    assert_eq!(
        concorde.geo,
        Some(gardefou::model::GeoPoint::Wgs84 {
            longitude: 2.3212,
            latitude: 48.8656
        })
    );
    assert!(a.plans[0].georef.is_some());
}

/// `gardefou sample --city N` writes a fictional city's open-data inventory that
/// `import-cameras` reads without a refused row, never over an existing file.
#[test]
fn sample_city_writes_an_open_data_inventory_import_cameras_takes_whole() {
    let dir = tempfile::tempdir().expect("temp dir");
    let csv = dir.path().join("ville.csv");
    let csv_arg = csv.to_str().expect("utf-8");
    let output = gardefou(&[
        "sample",
        "--city",
        "300",
        "--perimeters",
        "3",
        "-o",
        csv_arg,
    ]);
    assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
    let text = std::fs::read_to_string(&csv).expect("written");
    assert!(text.starts_with("Code postal;Numéro;Implantation;Date de mise en service;lat;lon\n"));
    assert_eq!(text.lines().count(), 301);
    let output = gardefou(&["sample", "--city", "10", "-o", csv_arg]);
    assert_eq!(output.status.code(), Some(2), "never over a file");
    assert_eq!(std::fs::read_to_string(&csv).expect("kept"), text);
    let project = dir.path().join("ville.aipd.ron");
    let output = gardefou(&[
        "import-cameras",
        csv_arg,
        "-o",
        project.to_str().expect("utf-8"),
        "--json",
    ]);
    assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
    let report: serde_json::Value = serde_json::from_slice(&output.stdout).expect("json");
    assert_eq!(
        (report["imported"].as_u64(), report["placed"].as_u64()),
        (Some(300), Some(300))
    );
    assert_eq!(report["plans_added"].as_array().map(Vec::len), Some(3));
}

/// Issue 31: two copies of the sample edited apart — the inventory by the police chief, the
/// risks by the DPO, both the retention — merge from the command line: the conflict is listed
/// and nothing written until a side is preferred; then the merged copy reopens with both sets of
/// changes, and the copies merged are left as they were.
#[test]
fn merge_lists_the_conflict_writes_nothing_until_told_then_keeps_both_sides_changes() {
    use gardefou::storage;
    let dir = tempfile::tempdir().expect("temp dir");
    let sample = storage::parse_text(gardefou::sample::TEXT, Path::new("sample")).expect("sample");
    let mut police = sample.clone();
    police.cameras[3].location = "Rue Nationale, angle rue du Marché".into();
    police.video_system.image_retention_days = Some(14);
    let mut dpo = sample.clone();
    dpo.risks[0].title = "Usage détourné des recherches".into();
    dpo.video_system.image_retention_days = Some(10);
    let path = |name: &str| dir.path().join(name);
    storage::save(&path("base.aipd.ron"), &sample).expect("save");
    storage::save(&path("police.aipd.ron"), &police).expect("save");
    storage::save(&path("dpo.aipd.ron"), &dpo).expect("save");
    let before = std::fs::read(path("police.aipd.ron")).expect("read");
    let out = path("fusion.aipd.ron");
    let arg = |p: &Path| p.to_str().expect("utf-8").to_owned();
    let (base, mine, theirs, output) = (
        arg(&path("base.aipd.ron")),
        arg(&path("police.aipd.ron")),
        arg(&path("dpo.aipd.ron")),
        arg(&out),
    );
    let run = gardefou(&["merge", &base, &mine, &theirs, "-o", &output, "--json"]);
    assert_eq!(run.status.code(), Some(1), "{}", stderr(&run));
    assert!(!out.exists(), "nothing written while a conflict is open");
    let report: serde_json::Value = serde_json::from_slice(&run.stdout).expect("one JSON object");
    assert_eq!(report["written"], false);
    assert_eq!(
        report["conflicts"][0]["path"],
        "video_system.image_retention_days"
    );
    assert_eq!(report["conflicts"][0]["mine"], 14);
    assert_eq!(report["conflicts"][0]["theirs"], 10);
    let run = gardefou(&[
        "merge", &base, &mine, &theirs, "-o", &output, "--prefer", "theirs",
    ]);
    assert_eq!(run.status.code(), Some(0), "{}", stderr(&run));
    let merged = storage::load(&out).expect("the merged copy reopens");
    assert_eq!(
        merged.cameras[3].location,
        "Rue Nationale, angle rue du Marché"
    );
    assert_eq!(merged.risks[0].title, "Usage détourné des recherches");
    assert_eq!(merged.video_system.image_retention_days, Some(10));
    assert_eq!(
        std::fs::read(path("police.aipd.ron")).expect("read"),
        before
    );
    // Never over one of the copies.
    let run = gardefou(&[
        "merge", &base, &mine, &theirs, "-o", &mine, "--prefer", "mine",
    ]);
    assert_eq!(run.status.code(), Some(2));
    assert_eq!(
        std::fs::read(path("police.aipd.ron")).expect("read"),
        before
    );
    // Two copies sharing no validated version: every difference is a conflict.
    let run = gardefou(&["merge", &mine, &theirs, "-o", &output, "--json"]);
    assert_eq!(run.status.code(), Some(1), "{}", stderr(&run));
    let report: serde_json::Value = serde_json::from_slice(&run.stdout).expect("JSON");
    assert_eq!(report["base"], serde_json::Value::Null);
    let paths: Vec<&str> = report["conflicts"]
        .as_array()
        .expect("conflicts")
        .iter()
        .filter_map(|c| c["path"].as_str())
        .collect();
    assert!(paths.contains(&"risks[RISK-ACCESS].title"), "{paths:?}");
    assert!(paths.contains(&"cameras[CAM-004].location"), "{paths:?}");
}

/// Issue 31, contributions from the command line: `contribute` writes the copy and its
/// questionnaire (the project untouched, unknown parts refused); the copy, edited in its parts
/// and outside them, merges back with no common version in the histories — against the
/// assessment as sent — its inventory change taken, its risk change left out and listed.
#[test]
fn a_contributor_s_copy_is_written_and_merged_back_from_the_command_line() {
    use gardefou::storage;
    let dir = tempfile::tempdir().expect("temp dir");
    let path = |name: &str| dir.path().join(name);
    let arg = |p: &Path| p.to_str().expect("utf-8").to_owned();
    let project = path("commune.aipd.ron");
    std::fs::write(&project, gardefou::sample::TEXT).expect("written");
    let before = std::fs::read(&project).expect("read");
    let (p, copy, odt) = (
        arg(&project),
        arg(&path("police.aipd.ron")),
        arg(&path("q.odt")),
    );
    let run = gardefou(&[
        "contribute",
        &p,
        "--to",
        "Commissaire Lefèvre",
        "--parts",
        "inventory,gossip",
        "-o",
        &copy,
    ]);
    assert_eq!(run.status.code(), Some(2));
    assert!(stderr(&run).contains("gossip"), "{}", stderr(&run));
    let run = gardefou(&[
        "contribute",
        &p,
        "--to",
        "Commissaire Lefèvre",
        "--parts",
        "inventory",
        "--by",
        "Claire Vasseur",
        "-o",
        &copy,
        "--questionnaire",
        &odt,
    ]);
    assert_eq!(run.status.code(), Some(0), "{}", stderr(&run));
    assert_eq!(
        std::fs::read(&project).expect("read"),
        before,
        "the project is only read"
    );
    assert!(
        std::fs::metadata(path("q.odt"))
            .expect("questionnaire")
            .len()
            > 0
    );
    let mut theirs = storage::load(&path("police.aipd.ron")).expect("the copy reads");
    theirs.cameras[3].location = "Rue Nationale, angle rue du Marché".into();
    theirs.risks[0].title = "Changé par la police".into();
    storage::save(&path("police.aipd.ron"), &theirs).expect("saved");
    let out = arg(&path("fusion.aipd.ron"));
    let run = gardefou(&["merge", &p, &copy, "-o", &out, "--json"]);
    assert_eq!(run.status.code(), Some(0), "{}", stderr(&run));
    let report: serde_json::Value = serde_json::from_slice(&run.stdout).expect("one JSON object");
    assert_eq!(
        report["base"]["contribution"]["contributor"],
        "Commissaire Lefèvre"
    );
    assert_eq!(report["base"]["contribution"]["parts"][0], "inventory");
    assert_eq!(report["protected"][0], "risks[RISK-ACCESS].title");
    let merged = storage::load(&path("fusion.aipd.ron")).expect("reopens");
    assert_eq!(
        merged.cameras[3].location,
        "Rue Nationale, angle rue du Marché"
    );
    let sample = storage::parse_text(gardefou::sample::TEXT, Path::new("sample")).expect("sample");
    assert_eq!(merged.risks[0].title, sample.risks[0].title);
    assert!(merged.project.contribution.is_none());
}
