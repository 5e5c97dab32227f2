//! Versions inside the project file: the review circuit, validation (refused while a blocking
//! finding is open unless a reason is written), every version rebuilt to its exact hash after
//! save and reopen, version-1 files migrated with an empty history, a broken history never
//! costing the current content, and the size of twenty versions of a large inventory.

mod common;

use std::sync::Arc;

use gardefou::model::{Camera, CameraId, ProjectStatus};
use gardefou::session::{CircuitError, Session};
use gardefou::storage::{self, history};

fn today() -> gardefou::model::Date {
    common::day("2026-11-23")
}

fn kb() -> Arc<gardefou::knowledge::KnowledgeBase> {
    Arc::new(common::kb())
}

/// The session brought to « DPO opinion given » by Claire.
fn reviewed(session: &mut Session) {
    for to in [ProjectStatus::InReview, ProjectStatus::DpoOpinionGiven] {
        session
            .change_status(to, "Claire Vasseur", "")
            .expect("circuit step");
    }
}

#[test]
fn the_circuit_goes_step_by_step_and_records_who_when_and_why() {
    let mut session = Session::new(common::sample(), None, kb(), today());
    session.assessment.project.status = ProjectStatus::Draft;
    assert_eq!(
        session.change_status(ProjectStatus::Validated, "Claire", ""),
        Err(CircuitError::NotAllowed {
            from: ProjectStatus::Draft,
            to: ProjectStatus::Validated
        })
    );
    assert_eq!(
        session.change_status(ProjectStatus::InReview, " ", ""),
        Err(CircuitError::NoName)
    );
    session
        .change_status(ProjectStatus::InReview, "Marc Delattre", "Relecture du DPD")
        .expect("to review");
    let step = &session.assessment.history.transitions[0];
    assert_eq!(
        (
            step.from,
            step.to,
            step.by.as_str(),
            step.on,
            step.comment.as_str()
        ),
        (
            ProjectStatus::Draft,
            ProjectStatus::InReview,
            "Marc Delattre",
            Some(today()),
            "Relecture du DPD"
        )
    );
}

#[test]
fn validating_with_a_blocking_finding_needs_a_written_reason() {
    let mut session = Session::new(common::sample(), None, kb(), today());
    session.assessment.project.status = ProjectStatus::Draft;
    session.assessment.video_system.image_retention_days = Some(45); // R01, blocking
    reviewed(&mut session);
    assert!(matches!(
        session.validate("1.0", "Hervé Martin", ""),
        Err(CircuitError::BlockingOpen(n)) if n >= 1
    ));
    session
        .validate(
            "1.0",
            "Hervé Martin",
            "Durée ramenée à 21 jours au 1er décembre",
        )
        .expect("validated with a reason");
    let version = &session.assessment.history.versions[0];
    assert_eq!(
        version.blocking_reason,
        "Durée ramenée à 21 jours au 1er décembre"
    );
    assert_eq!(
        version.circuit.len(),
        3,
        "the circuit moves into the version"
    );
    assert!(session.assessment.history.transitions.is_empty());
    assert_eq!(session.assessment.project.status, ProjectStatus::Validated);
    assert_eq!(
        session.validate("1.0", "Hervé Martin", "x"),
        Err(CircuitError::NotAllowed {
            from: ProjectStatus::Validated,
            to: ProjectStatus::Validated
        })
    );
}

#[test]
fn every_version_rebuilds_to_its_hash_after_save_and_reopen() {
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join("commune.aipd.ron");
    let mut session = Session::new(common::sample(), None, kb(), today());
    session.assessment.project.status = ProjectStatus::Draft;
    reviewed(&mut session);
    session.validate("1.0", "Hervé Martin", "").expect("1.0");
    session.save_as(&path).expect("save");
    // Version 1.1: the software changes and twenty cameras are added.
    session
        .change_status(
            ProjectStatus::UnderRevision,
            "Claire Vasseur",
            "mise à jour",
        )
        .expect("revision");
    session.assessment.video_system.software.version = "5.8.0".into();
    for n in 0..20 {
        session.assessment.cameras.push(Camera {
            camera_id: CameraId::new(format!("NEW-{n:02}")),
            perimeter: "Port".into(),
            ..Camera::default()
        });
    }
    session.save().expect("save the changes");
    reviewed(&mut session);
    session.validate("1.1", "Hervé Martin", "").expect("1.1");
    session.assessment.project.title.push_str(" (en cours)");
    session.save().expect("save again");

    let reopened = Session::open(&path, kb(), today()).expect("reopen").session;
    assert!(reopened.history_warning().is_none());
    let texts = history::rebuild(&reopened.assessment).expect("rebuilds");
    assert_eq!(texts.len(), 2);
    for (text, version) in texts.iter().zip(&reopened.assessment.history.versions) {
        assert_eq!(
            history::sha256_hex(text),
            version.sha256,
            "{}",
            version.number
        );
    }
    let v10 = storage::parse_text(&texts[0], &path).expect("1.0 parses");
    let v11 = storage::parse_text(&texts[1], &path).expect("1.1 parses");
    assert_eq!(v10.video_system.software.version, "5.7.2");
    assert_eq!(v11.video_system.software.version, "5.8.0");
    assert_eq!(v11.cameras.len(), v10.cameras.len() + 20);
    assert!(reopened.assessment.project.title.ends_with("(en cours)"));
}

#[test]
fn a_version_1_file_opens_with_an_empty_history_and_a_broken_history_costs_nothing_else() {
    let dir = tempfile::tempdir().expect("temp dir");
    let old = dir.path().join("ancien.aipd.ron");
    let text = storage::to_text(&common::sample()).expect("text").replacen(
        "format_version: 2,",
        "format_version: 1,",
        1,
    );
    std::fs::write(&old, text).expect("write");
    let migrated = storage::load(&old).expect("a version-1 file opens");
    assert_eq!(migrated.format_version, 2);
    assert!(migrated.history.versions.is_empty());

    let mut session = Session::new(common::sample(), None, kb(), today());
    session.assessment.project.status = ProjectStatus::Draft;
    reviewed(&mut session);
    session.validate("1.0", "Hervé Martin", "").expect("1.0");
    let path = dir.path().join("casse.aipd.ron");
    session.save_as(&path).expect("save");
    let mut broken = storage::load(&path).expect("load");
    broken.history.versions[0].sha256 = "0".repeat(64);
    storage::save(&path, &broken).expect("write the broken file");
    let reopened = Session::open(&path, kb(), today()).expect("opens").session;
    assert!(matches!(
        reopened.history_warning(),
        Some(history::HistoryError::Hash(number)) if number == "1.0"
    ));
    assert!(reopened.assessment.history.versions.is_empty());
    assert_eq!(
        reopened.assessment.cameras.len(),
        common::sample().cameras.len(),
        "the current content is intact"
    );
}

#[test]
fn twenty_versions_of_a_large_inventory_cost_less_than_a_second_copy() {
    let mut a = common::sample();
    let cameras: Vec<Camera> = (0..10_000)
        .map(|n| Camera {
            camera_id: CameraId::new(format!("C-{n:05}")),
            location: format!("Rue {n}"),
            perimeter: format!("Secteur {}", n % 40),
            ..Camera::default()
        })
        .collect();
    a.cameras = cameras.into_iter().collect();
    a.project.status = ProjectStatus::Draft;
    let one_version = storage::to_text(&a).expect("text").len();
    let mut session = Session::new(a, None, kb(), today());
    for version in 0..20 {
        // A few hundred cameras change between versions.
        for n in (version * 7..10_000).step_by(37) {
            if let Some(camera) = session.assessment.cameras.get_mut(n) {
                camera.notes = format!("revu en version {version}");
            }
        }
        reviewed(&mut session);
        session
            .validate(&format!("1.{version}"), "Hervé Martin", "motif")
            .expect("validated");
        session
            .change_status(ProjectStatus::UnderRevision, "Claire Vasseur", "")
            .expect("revision");
    }
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join("grande.aipd.ron");
    session.save_as(&path).expect("save");
    let size = std::fs::metadata(&path).expect("size").len() as usize;
    assert!(
        size < 2 * one_version,
        "{size} bytes with 20 versions, {one_version} for one"
    );
    let reopened = storage::load(&path).expect("load");
    let texts = history::rebuild(&reopened).expect("rebuild");
    assert_eq!(texts.len(), 20);
    // Comparing two versions rebuilds and keeps only those two (the same texts, each checked
    // against its hash), not the twenty.
    let two = history::rebuild_some(&reopened, &[3, 17]).expect("rebuild two");
    assert_eq!(two.len(), 2);
    assert_eq!(two[&3], texts[3]);
    assert_eq!(two[&17], texts[17]);
    assert!(history::rebuild_some(&reopened, &[])
        .expect("none")
        .is_empty());
}

#[test]
fn changes_after_a_validated_version_call_for_a_review_listing_them() {
    let mut session = Session::new(common::sample(), None, kb(), today());
    session.assessment.project.status = ProjectStatus::Draft;
    reviewed(&mut session);
    session.validate("1.0", "Hervé Martin", "").expect("1.0");
    assert!(session.report().by_rule("R20-CHANGED").next().is_none());
    session.assessment.video_system.software.version = "5.8.0".into();
    for n in 0..20 {
        session.assessment.cameras.push(Camera {
            camera_id: CameraId::new(format!("NEW-{n:02}")),
            ..Camera::default()
        });
    }
    session.refresh();
    let finding = session
        .report()
        .by_rule("R20-CHANGED")
        .next()
        .expect("R20-CHANGED")
        .clone();
    assert_eq!(finding.severity, gardefou::rules::Severity::High);
    let message = &finding.message.fr;
    assert!(message.contains("version 1.0"), "{message}");
    assert!(
        message.contains("5.7.2") && message.contains("5.8.0"),
        "{message}"
    );
    assert!(
        message.contains("124\u{a0}→ 144") || message.contains("124 → 144"),
        "{message}"
    );
    assert!(finding.sources.iter().any(|s| s.as_str() == "RGPD-35-11"));
}

#[test]
fn undoing_a_validation_and_saving_as_elsewhere_keep_a_history_that_rebuilds() {
    let dir = tempfile::tempdir().expect("temp dir");
    let mut session = Session::new(common::sample(), None, kb(), today());
    session.assessment.project.status = ProjectStatus::Draft;
    reviewed(&mut session);
    session.validate("1.0", "Hervé Martin", "").expect("1.0");
    let after_first = session.assessment.clone();
    session
        .change_status(ProjectStatus::UnderRevision, "Claire", "")
        .expect("revision");
    session.assessment.video_system.software.version = "5.8.0".into();
    reviewed(&mut session);
    session.validate("1.1", "Hervé Martin", "").expect("1.1");
    // Undo back to just after 1.0 (the app's undo swaps whole snapshots), then edit and save.
    session.assessment = after_first;
    session.assessment.project.title.push_str(" (repris)");
    let path = dir.path().join("a").join("projet.aipd.ron");
    std::fs::create_dir_all(path.parent().expect("folder")).expect("folder");
    session.save_as(&path).expect("save");
    let reopened = Session::open(&path, kb(), today()).expect("open").session;
    assert!(
        reopened.history_warning().is_none(),
        "{:?}",
        reopened.history_warning()
    );
    assert_eq!(reopened.assessment.history.versions.len(), 1);
    // Saved again elsewhere (evidence paths rewritten): still rebuilds.
    let elsewhere = dir.path().join("b").join("projet.aipd.ron");
    std::fs::create_dir_all(elsewhere.parent().expect("folder")).expect("folder");
    let mut reopened = reopened;
    reopened.save_as(&elsewhere).expect("save as");
    let again = storage::load(&elsewhere).expect("load");
    assert_eq!(history::rebuild(&again).expect("rebuilds").len(), 1);
    // A recovery copy of unsaved work after a validation rebuilds too.
    let recovery_dir = tempfile::tempdir().expect("recovery dir");
    let mut untitled = Session::new(common::sample(), None, kb(), today());
    untitled.set_untitled_recovery_dir(Some(recovery_dir.path().to_owned()));
    untitled.assessment.project.status = ProjectStatus::Draft;
    reviewed(&mut untitled);
    untitled.validate("1.0", "Hervé", "").expect("1.0");
    untitled.assessment.project.title.push_str(" (brouillon)");
    let copy = untitled.autosave().expect("autosave").expect("a copy");
    let restored = storage::load(&copy).expect("load the copy");
    assert_eq!(history::rebuild(&restored).expect("rebuilds").len(), 1);
}

mod property {
    use super::*;
    use proptest::prelude::*;

    /// One edit between versions: change a camera's notes, add one, remove one, or retitle.
    #[derive(Clone, Debug)]
    enum Step {
        Notes(usize, String),
        Add(String),
        Remove(usize),
        Title(String),
    }

    fn step() -> impl Strategy<Value = Step> {
        prop_oneof![
            (0usize..200, "[a-zé ]{0,12}").prop_map(|(i, s)| Step::Notes(i, s)),
            "[A-Z]{1,3}[0-9]{1,3}".prop_map(Step::Add),
            (0usize..200).prop_map(Step::Remove),
            "[a-zA-Zé ]{1,20}".prop_map(Step::Title),
        ]
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(24))]
        /// Whatever the edits between them, every version rebuilds to its recorded hash after a
        /// save and a reopen, and its text is the content that was validated.
        #[test]
        fn every_version_rebuilds_exactly(rounds in proptest::collection::vec(proptest::collection::vec(step(), 1..6), 1..5)) {
            let dir = tempfile::tempdir().expect("temp dir");
            let path = dir.path().join("p.aipd.ron");
            let mut a = common::sample();
            a.cameras.truncate(30);
            let mut session = Session::new(a, None, kb(), today());
            session.assessment.project.status = ProjectStatus::Draft;
            let mut validated = Vec::new();
            for (round, steps) in rounds.iter().enumerate() {
                for s in steps {
                    let cameras = &mut session.assessment.cameras;
                    match s {
                        Step::Notes(i, text) if !cameras.is_empty() => {
                            let n = *i % cameras.len();
                            cameras[n].notes = text.clone();
                        }
                        Step::Add(id) => cameras.push(Camera {
                            camera_id: CameraId::new(format!("{id}-{round}")),
                            ..Camera::default()
                        }),
                        Step::Remove(i) if !cameras.is_empty() => {
                            let n = *i % cameras.len();
                            cameras.remove(n);
                        }
                        Step::Title(t) => session.assessment.project.title = t.clone(),
                        _ => {}
                    }
                }
                reviewed(&mut session);
                session.validate(&format!("1.{round}"), "P", "motif").expect("validate");
                validated.push(history::content_text(&session.assessment).expect("text"));
                session.save_as(&path).expect("save");
                session.change_status(ProjectStatus::UnderRevision, "P", "").expect("revision");
                session.assessment.project.title.push('!');
            }
            session.save().expect("save");
            let loaded = storage::load(&path).expect("load");
            let texts = history::rebuild(&loaded).expect("rebuilds");
            prop_assert_eq!(&texts, &validated);
        }
    }
}

#[test]
fn a_dossier_exported_with_unsaved_changes_carries_a_history_that_rebuilds() {
    let dir = tempfile::tempdir().expect("temp dir");
    let mut session = Session::new(common::sample(), None, kb(), today());
    session.assessment.project.status = ProjectStatus::Draft;
    reviewed(&mut session);
    session.validate("1.0", "Hervé Martin", "").expect("1.0");
    session.assessment.video_system.software.version = "5.8.0".into();
    let pdf = dir.path().join("dossier.pdf");
    session
        .export(
            gardefou::session::ExportKind::Dossier { is_public: false },
            &pdf,
        )
        .expect("export");
    let reopened = Session::open(&pdf, kb(), today()).expect("reopen").session;
    assert!(
        reopened.history_warning().is_none(),
        "{:?}",
        reopened.history_warning()
    );
    assert_eq!(reopened.assessment.history.versions.len(), 1);
    assert_eq!(reopened.assessment.video_system.software.version, "5.8.0");
}

/// Issue 31, who changed what: after a validated version, the changes saved by two people are
/// named in `diff --json` and in the dossier's annex « changes since version 1.0 ».
#[test]
fn the_authors_of_the_changes_since_a_version_are_named_in_the_annex_and_by_diff() {
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join("commune.aipd.ron");
    let mut session = Session::new(common::sample(), None, kb(), today());
    session.assessment.project.status = ProjectStatus::Draft;
    reviewed(&mut session);
    session.validate("1.0", "Hervé Martin", "").expect("1.0");
    session.save_as(&path).expect("saved");
    session.set_author("Marc Delattre");
    session.assessment.video_system.image_retention_days = Some(14);
    session.save().expect("saved");
    let a = storage::load(&path).expect("reads");
    let d = common::dossier(&a, gardefou::model::Lang::Fr, false, "2026-11-23");
    let text = gardefou::dossier::text::plain_text(&d);
    assert!(text.contains("Modifié par"), "the annex's column");
    assert!(text.contains("Marc Delattre, 23/11/2026"), "who and when");
    let public = common::dossier(&a, gardefou::model::Lang::Fr, true, "2026-11-23");
    assert!(!gardefou::dossier::text::plain_text(&public).contains("Marc Delattre"));
    let output = std::process::Command::new(env!("CARGO_BIN_EXE_gardefou"))
        .args(["diff", path.to_str().expect("utf-8"), "--json"])
        .env("LANG", "C.UTF-8")
        .output()
        .expect("run");
    let report: serde_json::Value = serde_json::from_slice(&output.stdout).expect("JSON");
    let change = report["changes"]
        .as_array()
        .expect("changes")
        .iter()
        .find(|c| c["path"] == "video_system.image_retention_days")
        .expect("the retention changed");
    assert_eq!(change["by"], "Marc Delattre");
    assert_eq!(change["on"], "2026-11-23");
}
