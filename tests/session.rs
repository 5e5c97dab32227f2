//! The session as the command line and the app both use it, without egui: opening any kind of
//! file, saving (never over a file that is not a project), recovery copies that exist only for
//! work a crash would lose, the file marker, the evidence re-check and the one export pipeline.

mod common;

use std::path::Path;
use std::sync::Arc;

use gardefou::documents::DocumentKind;
use gardefou::session::{ExportError, ExportKind, FileKind, SaveFailure, Session};
use gardefou::storage::{self, autosave, lock};

fn today() -> gardefou::model::Date {
    common::day("2026-11-23")
}

fn kb() -> Arc<gardefou::knowledge::KnowledgeBase> {
    Arc::new(common::kb())
}

/// The sample saved as a project in `dir`, with its evidence documents beside it.
fn saved_sample(dir: &Path) -> std::path::PathBuf {
    let path = dir.join("commune.aipd.ron");
    storage::save(&path, &common::sample()).expect("save the sample");
    for (relative, bytes) in gardefou::sample::EVIDENCE_FILES {
        let target = dir.join(relative);
        std::fs::create_dir_all(target.parent().expect("folder")).expect("folder");
        std::fs::write(target, bytes).expect("evidence");
    }
    path
}

#[test]
fn a_project_opens_titled_and_a_dossier_pdf_or_pia_export_untitled() {
    let dir = tempfile::tempdir().expect("temp dir");
    let project = saved_sample(dir.path());
    let opened = Session::open(&project, kb(), today()).expect("project opens");
    assert_eq!(opened.kind, FileKind::Project);
    assert_eq!(opened.session.path(), Some(project.as_path()));
    assert!(!opened.session.is_dirty());

    let pdf = dir.path().join("dossier.pdf");
    opened
        .session
        .export(ExportKind::Dossier { is_public: false }, &pdf)
        .expect("export");
    let pia = dir.path().join("export.json");
    opened.session.export(ExportKind::Pia, &pia).expect("PIA");
    // Renamed files are read as what they are, not by their extension.
    let pdf_renamed = dir.path().join("dossier.aipd.ron");
    std::fs::copy(&pdf, &pdf_renamed).expect("copy");
    for (file, kind) in [
        (&pdf, FileKind::DossierPdf),
        (&pdf_renamed, FileKind::DossierPdf),
        (&pia, FileKind::PiaExport),
    ] {
        let reopened = Session::open(file, kb(), today()).expect("reopens");
        assert_eq!(reopened.kind, kind, "{}", file.display());
        assert_eq!(
            reopened.session.path(),
            None,
            "{} opens untitled",
            file.display()
        );
    }
    let from_pdf = Session::open(&pdf, kb(), today()).expect("pdf");
    assert!(from_pdf.session.assessment == common::sample());
}

#[test]
fn saving_over_a_file_that_is_not_a_project_is_refused_and_leaves_it_and_the_work_alone() {
    let dir = tempfile::tempdir().expect("temp dir");
    let notes = dir.path().join("notes.aipd.ron");
    std::fs::write(&notes, "mes notes, pas un projet").expect("write");
    let mut session = Session::new(common::sample(), None, kb(), today());
    session.assessment.project.title = "Travail en cours".into();
    let error = session.save_as(&notes).expect_err("refused");
    assert!(matches!(error, SaveFailure::NotAProject { .. }), "{error}");
    assert_eq!(
        std::fs::read_to_string(&notes).expect("read"),
        "mes notes, pas un projet"
    );
    assert_eq!(session.assessment.project.title, "Travail en cours");
    assert_eq!(session.path(), None);
    assert!(matches!(session.save(), Err(SaveFailure::Untitled)));
    let message = gardefou::messages::save_failure(&error, gardefou::model::Lang::Fr);
    assert!(message.contains("ne sera pas écrasé"), "{message}");
}

#[test]
fn a_recovery_copy_exists_only_while_there_is_unsaved_work() {
    let dir = tempfile::tempdir().expect("temp dir");
    let project = saved_sample(dir.path());
    let recovery = autosave::recovery_path(&project);
    let mut session = Session::open(&project, kb(), today())
        .expect("opens")
        .session;
    let title = session.assessment.project.title.clone();

    // Edited: the copy is written. Back to the saved state (undo): it is removed.
    session.assessment.project.title = "Modifié".into();
    assert_eq!(
        session.autosave().expect("autosave"),
        Some(recovery.clone())
    );
    assert!(recovery.is_file());
    session.assessment.project.title = title.clone();
    session.autosave().expect("autosave");
    assert!(!recovery.exists(), "back to the saved state: no copy");

    // Edited then discarded (« Don't save »): the copy goes with the changes.
    session.assessment.project.title = "Jeté".into();
    session.autosave().expect("autosave");
    assert!(recovery.is_file());
    session.discard_changes();
    assert!(!recovery.exists(), "discarded work must never come back");
    assert_eq!(session.assessment.project.title, title);

    // Edited then saved: the copy goes, the file has the work.
    session.assessment.project.title = "Enregistré".into();
    session.autosave().expect("autosave");
    session.save().expect("save");
    assert!(!recovery.exists());
    assert!(!session.is_dirty());

    // Edited, then the process dies (close without saving): the copy stays and is offered
    // on the next opening, naming the project and when it was written.
    std::thread::sleep(std::time::Duration::from_millis(20));
    session.assessment.project.title = "Perdu au plantage".into();
    session.autosave().expect("autosave");
    session.close();
    drop(session);
    assert!(recovery.is_file(), "unsaved work survives a crash");
    // The file must be older than the copy for the copy to be offered.
    let mut next = Session::open(&project, kb(), today())
        .expect("opens")
        .session;
    let offer = next.pending_recovery().expect("offered");
    assert_eq!(offer.project.as_deref(), Some(project.as_path()));
    assert!(offer.written_at.is_some());
    next.restore_recovery(&offer).expect("restore");
    assert_eq!(next.assessment.project.title, "Perdu au plantage");
    assert!(next.is_dirty());
    // Restored, then thrown away after all: nothing is offered any more.
    next.discard_changes();
    assert!(!recovery.exists());
    assert!(next.pending_recovery().is_none());
}

#[test]
fn untitled_work_is_kept_in_the_data_folder_and_offered_from_there() {
    let data = tempfile::tempdir().expect("temp dir");
    let mut session = Session::new(common::sample(), None, kb(), today());
    session.set_untitled_recovery_dir(Some(data.path().to_owned()));
    assert!(session.pending_recovery().is_none());
    session.assessment.project.title = "Sans titre".into();
    let written = session.autosave().expect("autosave").expect("written");
    assert!(written.starts_with(data.path()));
    let mut after_crash = Session::new(common::sample(), None, kb(), today());
    after_crash.set_untitled_recovery_dir(Some(data.path().to_owned()));
    let offer = after_crash.pending_recovery().expect("offered");
    assert_eq!(offer.project, None);
    after_crash.discard_recovery(&offer);
    assert!(!written.exists());
}

#[test]
fn the_app_marks_its_file_open_and_the_command_line_does_not() {
    let dir = tempfile::tempdir().expect("temp dir");
    let project = saved_sample(dir.path());
    let marker = lock::lock_path(&project);
    let reader = Session::open(&project, kb(), today())
        .expect("opens")
        .session;
    assert!(!marker.exists(), "check/export leave no marker");
    drop(reader);
    let mut editor = Session::open(&project, kb(), today())
        .expect("opens")
        .session;
    assert_eq!(editor.hold_marker(), None);
    assert!(marker.is_file());
    // Save as elsewhere: the marker follows the file.
    let other = dir.path().join("autre.aipd.ron");
    editor.save_as(&other).expect("save as");
    assert!(!marker.exists());
    assert!(lock::lock_path(&other).is_file());
    editor.close();
    assert!(!lock::lock_path(&other).exists());
}

#[test]
fn a_changed_or_missing_document_is_a_finding_after_opening_and_after_saving() {
    let dir = tempfile::tempdir().expect("temp dir");
    let project = saved_sample(dir.path());
    let session = Session::open(&project, kb(), today())
        .expect("opens")
        .session;
    assert!(session.report().by_rule("EV-MISSING").next().is_none());
    let first = dir.path().join(gardefou::sample::EVIDENCE_FILES[0].0);
    std::fs::remove_file(&first).expect("remove");
    let mut session = Session::open(&project, kb(), today())
        .expect("opens")
        .session;
    assert!(session.report().by_rule("EV-MISSING").next().is_some());
    std::fs::write(&first, gardefou::sample::EVIDENCE_FILES[0].1).expect("put back");
    session.save().expect("save");
    assert!(
        session.report().by_rule("EV-MISSING").next().is_none(),
        "saving checks the documents again"
    );
}

#[test]
fn one_pipeline_writes_the_dossier_the_documents_and_the_pia_file() {
    let dir = tempfile::tempdir().expect("temp dir");
    let session = Session::new(common::sample(), None, kb(), today());
    let full = session
        .export(
            ExportKind::Dossier { is_public: false },
            &dir.path().join("d.pdf"),
        )
        .expect("dossier");
    assert!(full.pages.is_some_and(|p| p > 20), "{full:?}");
    let public = session
        .export(
            ExportKind::Dossier { is_public: true },
            &dir.path().join("p.pdf"),
        )
        .expect("public");
    assert!(
        public.bytes < full.bytes,
        "the public version attaches no project"
    );
    let text = session
        .export(
            ExportKind::DocumentText(DocumentKind::Notice),
            &dir.path().join("n.txt"),
        )
        .expect("notice");
    assert_eq!(text.pages, None);
    let notice = std::fs::read_to_string(&text.path).expect("read");
    assert!(
        notice.contains("Commune de Saint-Aubin-sur-Lys") && notice.contains("21 jours"),
        "{notice}"
    );
    let job = session
        .export_job(
            ExportKind::Document(DocumentKind::Register),
            &dir.path().join("r.pdf"),
        )
        .in_lang(gardefou::model::Lang::En);
    let register = job.run().expect("register");
    assert!(register.pages.is_some_and(|p| p >= 1));
}

#[test]
fn a_letter_that_is_not_due_writes_nothing() {
    let dir = tempfile::tempdir().expect("temp dir");
    let session = Session::new(common::compliant(), None, kb(), today());
    let output = dir.path().join("lettre.pdf");
    let error = session
        .export(ExportKind::Document(DocumentKind::Consultation), &output)
        .expect_err("not due");
    assert!(matches!(error, ExportError::ConsultationNotRequired));
    assert!(!output.exists());
}

#[test]
fn an_export_into_a_missing_folder_fails_and_names_the_file() {
    let session = Session::new(common::sample(), None, kb(), today());
    let output = Path::new("/nonexistent-folder/dossier.pdf");
    let error = session
        .export(ExportKind::Dossier { is_public: true }, output)
        .expect_err("no folder");
    let message =
        gardefou::messages::export_error(&error, Path::new("x"), gardefou::model::Lang::En);
    assert!(
        message.starts_with("/nonexistent-folder/dossier.pdf"),
        "{message}"
    );
}

#[test]
fn a_camera_csv_is_read_against_the_inventory_and_changes_nothing_until_confirmed() {
    let dir = tempfile::tempdir().expect("temp dir");
    let session = Session::new(common::sample(), None, kb(), today());
    let taken = session.assessment.cameras[0].camera_id.as_str().to_owned();
    let csv = dir.path().join("cameras.csv");
    std::fs::write(&csv, format!("id;emplacement\nNEW-1;quai\n{taken};gare\n")).expect("write");
    let import = session.read_cameras_csv(&csv).expect("read");
    let ids: Vec<&str> = import
        .preview
        .cameras
        .iter()
        .map(|c| c.camera_id.as_str())
        .collect();
    assert_eq!(ids, ["NEW-1"]);
    let lines: Vec<u64> = import.preview.errors.iter().map(|e| e.line).collect();
    assert_eq!(lines, [3], "the id already in the inventory is refused");
    assert_eq!(session.assessment, common::sample());

    let exported = dir.path().join("inventaire.csv");
    assert_eq!(session.export_cameras_csv(&exported).expect("export"), 124);
    let table = storage::camera_csv::read_file(&exported).expect("the export reads back");
    assert_eq!(table.rows.len(), 124);
}

#[test]
fn a_camera_csv_that_cannot_be_read_or_written_is_named_in_the_message() {
    let dir = tempfile::tempdir().expect("temp dir");
    let session = Session::new(common::sample(), None, kb(), today());
    let fr = gardefou::model::Lang::Fr;
    let missing = dir.path().join("absent.csv");
    let error = session.read_cameras_csv(&missing).expect_err("missing");
    assert_eq!(
        gardefou::messages::camera_file_error(&error, fr),
        format!("{}: fichier introuvable", missing.display())
    );
    let empty = dir.path().join("vide.csv");
    std::fs::write(&empty, "\n\n").expect("write");
    let error = session.read_cameras_csv(&empty).expect_err("empty");
    let message = gardefou::messages::camera_file_error(&error, fr);
    assert!(
        message.starts_with(&format!("{}: le fichier est vide", empty.display())),
        "{message}"
    );
    let nowhere = dir.path().join("absent").join("inventaire.csv");
    let error = session.export_cameras_csv(&nowhere).expect_err("no folder");
    let message = gardefou::messages::camera_csv_error(&error, fr);
    assert!(
        message.starts_with(&format!(
            "{}: écriture du CSV impossible",
            nowhere.display()
        )),
        "{message}"
    );
    // A JSON file is read as a GIS's GeoJSON, and named with why it is not one.
    let polygon = dir.path().join("zones.geojson");
    std::fs::write(&polygon, r#"{"type": "Polygon", "coordinates": []}"#).expect("write");
    let error = session
        .read_cameras_csv(&polygon)
        .expect_err("not a collection");
    assert_eq!(
        gardefou::messages::camera_file_error(&error, fr),
        format!(
            "{}: ce n’est pas une collection d’entités GeoJSON (FeatureCollection)",
            polygon.display()
        )
    );
}

#[test]
fn a_save_that_carries_changes_sets_last_updated_to_the_day() {
    let dir = tempfile::tempdir().expect("temp dir");
    let project = saved_sample(dir.path());
    let mut session = Session::open(&project, kb(), today())
        .expect("project opens")
        .session;
    let before = session.assessment.project.updated_on;
    assert_ne!(before, Some(today()));
    // Saving an unchanged project leaves the date alone.
    session.save().expect("save");
    assert_eq!(
        storage::load(&project).expect("load").project.updated_on,
        before
    );
    session.assessment.project.title.push_str(" (révisée)");
    session.save().expect("save");
    let written = storage::load(&project).expect("load");
    assert_eq!(written.project.updated_on, Some(today()));
    assert_eq!(session.assessment.project.updated_on, Some(today()));
    assert!(!session.is_dirty(), "what is in memory is what was written");
}

#[test]
fn documents_attach_before_the_first_save_and_keep_pointing_at_their_files_after_save_as() {
    let dir = tempfile::tempdir().expect("temp dir");
    let folder = dir.path().join("dossier-port");
    std::fs::create_dir_all(folder.join("preuves")).expect("folders");
    let attestation = folder.join("preuves").join("attestation.txt");
    std::fs::write(&attestation, "attestation de l'éditeur").expect("write");
    let mut session = Session::new(gardefou::model::Assessment::default(), None, kb(), today());
    let id = session
        .attach_evidence(
            &attestation,
            gardefou::model::EvidenceKind::VendorAttestation,
            "Attestation",
        )
        .expect("attached while untitled");
    let path_of = |s: &Session| {
        s.assessment
            .evidence_by_id(&id)
            .map(|e| e.path.clone())
            .expect("evidence")
    };
    assert!(std::path::Path::new(&path_of(&session)).is_absolute());
    assert!(
        session
            .evidence_statuses()
            .iter()
            .all(|(_, s)| *s == gardefou::model::evidence::EvidenceStatus::Intact),
        "checked while untitled"
    );
    // Saved beside it: the path becomes relative.
    let project = folder.join("port.aipd.ron");
    session.save_as(&project).expect("save");
    assert_eq!(path_of(&session), "preuves/attestation.txt");
    let reread = storage::load(&project).expect("load");
    assert_eq!(
        reread.evidence_by_id(&id).map(|e| e.path.as_str()),
        Some("preuves/attestation.txt")
    );
    // Saved elsewhere: still the same file, now by its absolute path.
    let elsewhere = dir.path().join("copie").join("port.aipd.ron");
    std::fs::create_dir_all(elsewhere.parent().expect("folder")).expect("folder");
    session.save_as(&elsewhere).expect("save as");
    let moved = path_of(&session);
    assert!(std::path::Path::new(&moved).is_absolute(), "{moved}");
    assert!(
        session
            .evidence_statuses()
            .iter()
            .all(|(_, s)| *s == gardefou::model::evidence::EvidenceStatus::Intact),
        "the document is found from the new place"
    );
}

/// Issue 31, who changed what: each save records, under the name set on the computer, the
/// answers it carries — and only those; a merge keeps the later author of each answer.
#[test]
fn each_save_records_who_changed_which_answer_and_a_merge_keeps_the_later_one() {
    let dir = tempfile::tempdir().expect("temp dir");
    let path = saved_sample(dir.path());
    let (mut session, _) = {
        let opened = Session::open(&path, kb(), today()).expect("opens");
        (opened.session, ())
    };
    session.set_author("Marc Delattre");
    session.assessment.cameras[3].location = "Rue Nationale, angle rue du Marché".into();
    session.save().expect("saved");
    session.set_author("Claire Vasseur");
    session.assessment.video_system.image_retention_days = Some(14);
    session.save().expect("saved");
    let written = storage::load(&path).expect("reads");
    let authors = &written.history.authors;
    let camera = authors
        .get("cameras[CAM-004].location")
        .expect("the camera's location");
    assert_eq!(camera.by, "Marc Delattre");
    assert_eq!(
        authors
            .get("video_system.image_retention_days")
            .map(|a| a.by.as_str()),
        Some("Claire Vasseur")
    );
    assert_eq!(authors.len(), 2, "only what the saves carried: {authors:?}");
    // A camera's other columns name their record's author when asked.
    assert!(written
        .history
        .author_of("cameras[CAM-004].location")
        .is_some());

    // Merged with a copy where someone changed the same camera later: the later author.
    let mut theirs = written.clone();
    theirs.history.authors.insert(
        "cameras[CAM-004].location".to_owned(),
        gardefou::model::history::Authorship {
            by: "Inès Benali".into(),
            on: gardefou::model::Date::from_ymd(2030, 1, 1),
        },
    );
    let merged = gardefou::model::merge::merge(Some(&written), &written, &theirs, &|_| {
        gardefou::model::merge::Side::Mine
    })
    .expect("merged");
    assert!(merged.conflicts.is_empty());
    assert_eq!(
        merged.assessment.history.authors["cameras[CAM-004].location"].by,
        "Inès Benali"
    );
}

/// Issue 31, contributions: a copy written for the police chief with the system and the
/// inventory carries the request and the assessment as sent (unsaved changes included); the
/// author's file is not touched. The copy, edited and saved by the chief — a camera, the
/// retention, and a risk outside the parts asked — merges back against what it was sent as:
/// the camera and the retention are taken with the chief's name, the risk is left as mine and
/// named, the request never enters my file, and the merged file reopens with both sides' work.
#[test]
fn a_contributor_s_copy_comes_back_with_its_parts_taken_and_the_rest_protected() {
    use gardefou::model::{Contribution, Part};
    use gardefou::session::contribution::ContributionFailure;
    use gardefou::session::merge::MergeBase;
    let dir = tempfile::tempdir().expect("temp dir");
    let path = saved_sample(dir.path());
    let before = std::fs::read(&path).expect("reads");
    let mut mine = Session::open(&path, kb(), today()).expect("opens").session;
    mine.set_author("Claire Vasseur");
    mine.assessment.project.consultant = "Cabinet Vigie".into();
    let request = Contribution {
        contributor: "Commissaire Lefèvre".into(),
        parts: vec![Part::Inventory, Part::System],
        message: "Merci de vérifier l'inventaire.".into(),
        ..Contribution::default()
    };
    let copy = dir.path().join("pour-la-police.aipd.ron");
    let questionnaire = dir.path().join("pour-la-police.odt");
    let written = mine
        .write_contribution(&copy, &request, Some(&questionnaire))
        .expect("copy written");
    assert_eq!(written.copy, copy);
    assert!(written.questionnaire.is_some_and(|q| q.bytes > 0));
    assert_eq!(
        std::fs::read(&path).expect("reads"),
        before,
        "my file untouched"
    );
    assert!(mine.is_dirty(), "my unsaved change is still mine to save");

    // The chief's side.
    let mut chief = Session::open(&copy, kb(), today())
        .expect("the copy opens")
        .session;
    let asked = chief
        .assessment
        .project
        .contribution
        .clone()
        .expect("the request");
    assert_eq!(asked.asked_by, "Claire Vasseur");
    assert_eq!(asked.parts, vec![Part::System, Part::Inventory]);
    assert_eq!(chief.assessment.project.consultant, "Cabinet Vigie");
    chief.set_author("Paul Lefèvre");
    chief.assessment.cameras[0].location = "Place du Général-de-Gaulle, mât 1 côté mairie".into();
    chief.assessment.video_system.image_retention_days = Some(14);
    let risk_title = chief.assessment.risks[0].title.clone();
    chief.assessment.risks[0].title = "Changé par la police".into();
    let risk = chief.assessment.risks[0].risk_id.clone();
    chief.save().expect("the chief saves");

    // Meanwhile, mine: another risk.
    mine.assessment.risks[1].title = "Détournement des images (revu)".into();
    let prepared = mine.prepare_merge(&copy).expect("compared");
    assert!(
        matches!(prepared.base_source, MergeBase::Contribution(ref r) if r.contributor == "Commissaire Lefèvre")
    );
    assert!(prepared.conflicts.is_empty(), "{:?}", prepared.conflicts);
    assert_eq!(prepared.protected, vec![format!("risks[{risk}].title")]);
    mine.apply_merge(&prepared, &Default::default())
        .expect("merged");
    let merged = &mine.assessment;
    assert_eq!(
        merged.cameras[0].location,
        "Place du Général-de-Gaulle, mât 1 côté mairie"
    );
    assert_eq!(merged.video_system.image_retention_days, Some(14));
    assert_eq!(merged.risks[0].title, risk_title, "outside the parts asked");
    assert_eq!(merged.risks[1].title, "Détournement des images (revu)");
    assert_eq!(merged.project.consultant, "Cabinet Vigie");
    assert!(merged.project.contribution.is_none());
    assert_eq!(
        merged
            .history
            .author_of("cameras[CAM-001].location")
            .map(|a| a.by.as_str()),
        Some("Paul Lefèvre")
    );
    mine.save().expect("saved");
    let reopened = Session::open(&path, kb(), today())
        .expect("reopens")
        .session;
    assert_eq!(
        reopened.assessment.video_system.image_retention_days,
        Some(14)
    );
    assert!(reopened.assessment.project.contribution.is_none());

    // Never over my own file, never over a file that is not a project.
    assert!(matches!(
        mine.write_contribution(&path, &request, None),
        Err(ContributionFailure::IsTheProject(_))
    ));
    let notes = dir.path().join("notes.aipd.ron");
    std::fs::write(&notes, "mes notes").expect("written");
    assert!(matches!(
        mine.write_contribution(&notes, &request, None),
        Err(ContributionFailure::Save(SaveFailure::NotAProject { .. }))
    ));
    assert_eq!(std::fs::read_to_string(&notes).expect("reads"), "mes notes");
    // A questionnaire is a copy's only.
    assert!(matches!(
        mine.export(
            ExportKind::Document(DocumentKind::Questionnaire),
            &dir.path().join("q.pdf")
        ),
        Err(ExportError::NotAContribution)
    ));
}
