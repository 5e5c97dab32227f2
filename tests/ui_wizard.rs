//! The wizard driven as a user would, headless (egui_kittest, no display): new assessment,
//! typing in fields, a finding appearing and disappearing, a finding that jumps to its field,
//! undo and redo, language switch, save and reopen through the path prompt, PDF export.

mod common;

use egui_kittest::kittest::Queryable as _;
use egui_kittest::Harness;
use gardefou::model::{Assessment, Lang};
use gardefou::settings::Settings;
use gardefou::ui::state::ExportState;
use gardefou::ui::steps::Step;
use gardefou::ui::GardefouApp;

const TODAY: &str = "2026-11-23";

fn app(assessment: Assessment, lang: Lang) -> GardefouApp {
    app_on(assessment, None, lang)
}

/// The app editing `assessment` from the project file `path` (`None`: untitled).
fn app_on(assessment: Assessment, path: Option<std::path::PathBuf>, lang: Lang) -> GardefouApp {
    let settings = Settings {
        lang: Some(lang),
        ..Settings::default()
    };
    GardefouApp::new(
        &egui::Context::default(),
        assessment,
        path,
        common::kb(),
        settings,
        common::day(TODAY),
    )
}

fn harness(app: GardefouApp) -> Harness<'static, GardefouApp> {
    harness_of_size(app, egui::vec2(1366.0, 768.0))
}

/// A window tall enough that a long step or findings panel needs no scrolling (clicks land on
/// what is drawn on screen).
fn tall_harness(app: GardefouApp) -> Harness<'static, GardefouApp> {
    harness_of_size(app, egui::vec2(1366.0, 6000.0))
}

fn harness_of_size(app: GardefouApp, size: egui::Vec2) -> Harness<'static, GardefouApp> {
    let mut harness = Harness::builder()
        .with_size(size)
        .with_max_steps(12)
        .with_context_setup(|ctx| gardefou::ui::theme::install(ctx, false))
        .build_ui_state(|ui, app: &mut GardefouApp| app.frame_ui(ui), app);
    harness.run();
    harness
}

fn clear_and_type(harness: &mut Harness<'static, GardefouApp>, label: &str, text: &str) {
    harness
        .get_by_role_and_label(egui::accesskit::Role::TextInput, label)
        .focus();
    harness.run();
    harness.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::A);
    harness.key_press(egui::Key::Backspace);
    harness.run();
    harness
        .get_by_role_and_label(egui::accesskit::Role::TextInput, label)
        .type_text(text);
    harness.run();
}

#[test]
fn a_new_assessment_takes_what_the_user_types() {
    let mut h = harness(app(common::sample(), Lang::En));
    h.get_by_label("New").click();
    h.run();
    assert!(h.state().session.assessment == Assessment::default());
    assert_eq!(h.state().state.step, Step::Project);
    clear_and_type(&mut h, "Title of the assessment", "AIPD — caméras du port");
    assert_eq!(
        h.state().session.assessment.project.title,
        "AIPD — caméras du port"
    );
    assert!(h.state().is_dirty());
}

#[test]
fn alt_and_a_digit_changes_step_without_typing_the_digit_into_the_field() {
    let mut h = harness(app(common::sample(), Lang::En));
    h.get_by_label("New").click();
    h.run();
    clear_and_type(&mut h, "Title of the assessment", "Dourdon");
    // What the platform sends for Alt+2 while a field has the focus: the key, and the digit as
    // typed text.
    let alt = egui::Modifiers::ALT;
    h.event(egui::Event::ModifiersChanged(alt));
    h.event(egui::Event::Key {
        key: egui::Key::Num2,
        pressed: true,
        modifiers: alt,
        repeat: false,
        physical_key: None,
    });
    h.event(egui::Event::Text("2".to_owned()));
    h.event(egui::Event::Key {
        key: egui::Key::Num2,
        pressed: false,
        modifiers: alt,
        repeat: false,
        physical_key: None,
    });
    h.event(egui::Event::ModifiersChanged(egui::Modifiers::default()));
    h.run();
    assert_eq!(h.state().session.assessment.project.title, "Dourdon");
    assert_eq!(h.state().state.step, Step::ALL[2]);
}

#[test]
fn the_references_window_shows_the_rule_book_with_what_triggers_each_rule() {
    let mut h = tall_harness(app(common::sample(), Lang::En));
    h.state_mut().state.references = Some(gardefou::ui::panels::ReferencesView::default());
    h.run();
    h.get_by_label("Engine rules").click();
    h.run();
    clear_and_type(&mut h, "Search", "R07-REVIEW");
    h.get_by_label("R07-REVIEW — Recordings consulted outside requisitions: purposes to state")
        .click();
    h.run();
    assert!(h
        .query_by_label_contains("Fires when: Recordings are consulted outside requisitions")
        .is_some());
    assert!(h.query_by_label_contains("Severity: medium").is_some());
}

/// A click where the pointer is: down, then up.
fn click_at(h: &mut Harness<'static, GardefouApp>, at: egui::Pos2) {
    h.hover_at(at);
    h.run();
    h.drag_at(at);
    h.run();
    h.drop_at(at);
    h.run();
}

#[test]
fn the_screen_holds_still_a_second_click_at_the_same_place_hits_the_same_control() {
    // Purposes: ticking one adds its block below the checklist, so the next click on the same
    // spot unticks the same purpose.
    let mut h = tall_harness(app(common::sample(), Lang::Fr));
    h.get_by_label("2. Traitement").click();
    h.run();
    let label = "7° Prévention des risques naturels ou technologiques";
    let count = |h: &Harness<'static, GardefouApp>| {
        h.state()
            .session
            .assessment
            .processing
            .purposes
            .iter()
            .filter(|p| p.kind == gardefou::model::PurposeKind::Csi7)
            .count()
    };
    assert_eq!(count(&h), 0);
    let at = h
        .get_by_role_and_label(egui::accesskit::Role::CheckBox, label)
        .rect()
        .center();
    click_at(&mut h, at);
    assert_eq!(count(&h), 1, "the first click ticks it");
    let after = h
        .get_by_role_and_label(egui::accesskit::Role::CheckBox, label)
        .rect()
        .center();
    assert_eq!(at, after, "the checkbox has not moved");
    click_at(&mut h, at);
    assert_eq!(
        count(&h),
        0,
        "the second click, same place, unticks the same purpose"
    );

    // The calendar: « › » stays put whatever the month's name.
    let mut h = tall_harness(app(common::sample(), Lang::Fr));
    h.get_by_label("3. Système vidéo").click();
    h.run();
    h.get_all_by_label("Calendrier…")
        .next()
        .expect("a calendar button")
        .click();
    h.run();
    let next = h.get_by_label("›").rect().center();
    for _ in 0..3 {
        click_at(&mut h, next);
        assert_eq!(h.get_by_label("›").rect().center(), next, "« › » moved");
    }
}

#[test]
fn a_text_area_keeps_its_height_while_the_user_types_so_the_row_under_it_stays_put() {
    use egui::accesskit::Role;
    let mut h = tall_harness(app(common::sample(), Lang::En));
    h.get_by_label("7. Opinions and validation").click();
    h.run();
    // The yes / no row under « Reasons for the decision »: the prior consultation's.
    let yes_under = |h: &Harness<'static, GardefouApp>| {
        let reasons = h
            .get_by_role_and_label(Role::MultilineTextInput, "Reasons for the decision")
            .rect();
        h.query_all_by_role_and_label(Role::RadioButton, "Yes")
            .map(|r| r.rect())
            .filter(|r| r.top() > reasons.bottom())
            .min_by(|a, b| a.top().total_cmp(&b.top()))
            .expect("a yes / no row under the reasons")
    };
    let at = yes_under(&h).center();
    let long: String = (1..=30).map(|i| format!("Reason {i}.\n")).collect();
    h.get_by_role_and_label(Role::MultilineTextInput, "Reasons for the decision")
        .focus();
    h.run();
    h.get_by_role_and_label(Role::MultilineTextInput, "Reasons for the decision")
        .type_text(&long);
    h.run();
    assert!(h
        .state()
        .session
        .assessment
        .opinions
        .decision_reasons
        .ends_with("Reason 30.\n"));
    assert_eq!(yes_under(&h).center(), at, "the row under the field moved");
    click_at(&mut h, at);
    assert_eq!(
        h.state()
            .session
            .assessment
            .opinions
            .prior_consultation
            .is_filed,
        Some(true),
        "the click where « Yes » was before the typing ticks it"
    );

    // Opened again, the field shows its text's rows (up to twelve), then holds that height.
    h.get_by_label("6. Measures").click();
    h.run();
    h.get_by_label("7. Opinions and validation").click();
    h.run();
    let tall = h
        .get_by_role_and_label(Role::MultilineTextInput, "Reasons for the decision")
        .rect()
        .height();
    let row = 14.0;
    assert!(
        tall > 10.0 * row,
        "opened again at its text's height: {tall}"
    );
}

#[test]
fn the_help_a_finding_opened_under_its_field_stays_when_the_highlight_fades() {
    use egui::accesskit::Role;
    use gardefou::model::path::opinions::PRIOR_CONSULTATION;
    let mut h = tall_harness(app(common::sample(), Lang::En));
    {
        let state = &mut h.state_mut().state;
        state.step = Step::Opinions;
        state.explained = Some(PRIOR_CONSULTATION);
        state.highlight = Some(gardefou::ui::state::Highlight {
            path: PRIOR_CONSULTATION,
            since: 0.0,
        });
    }
    h.run();
    let help = "Mandatory where the DPIA indicates";
    let reference = |h: &Harness<'static, GardefouApp>| {
        h.get_by_role_and_label(Role::TextInput, "CNIL's reference or answer")
            .rect()
    };
    assert!(h.query_by_label_contains(help).is_some());
    let before = reference(&h);
    // Six seconds later the highlight fades; the help, and the rows under it, stay.
    h.state_mut()
        .state
        .highlight
        .as_mut()
        .expect("highlighted")
        .since = -100.0;
    h.run();
    assert_eq!(h.state().state.highlight, None, "the highlight faded");
    assert!(h.query_by_label_contains(help).is_some(), "the help stays");
    assert_eq!(reference(&h), before, "the field under it did not move");
}

#[test]
fn a_finding_appears_and_disappears_with_the_answer_that_causes_it() {
    let mut h = harness(app(common::sample(), Lang::En));
    h.get_by_label("3. Video system").click();
    h.run();
    assert_eq!(h.state().state.step, Step::VideoSystem);
    let title = "R01 — Image retention beyond one month";
    assert!(h.query_by_label(title).is_none());
    clear_and_type(&mut h, "Image retention", "45");
    assert_eq!(
        h.state()
            .session
            .assessment
            .video_system
            .image_retention_days,
        Some(45)
    );
    assert!(h.state().session.report().by_rule("R01").next().is_some());
    assert!(
        h.query_by_label(title).is_some(),
        "the findings panel shows R01"
    );
    clear_and_type(&mut h, "Image retention", "21");
    assert!(h.state().session.report().by_rule("R01").next().is_none());
    assert!(h.query_by_label(title).is_none(), "R01 left the panel");
}

#[test]
fn a_finding_settled_under_the_pointer_holds_its_place_until_the_pointer_leaves() {
    let mut h = harness(app(common::sample(), Lang::En));
    h.get_by_label("3. Video system").click();
    h.run();
    clear_and_type(&mut h, "Image retention", "45");
    let r01 = "R01 — Image retention beyond one month";
    let r01_card = h.get_by_label(r01).rect();
    // The card under R01 in the findings panel, and the pointer on it.
    let title_at = |h: &Harness<'static, GardefouApp>, at: egui::Pos2| {
        h.query_all_by_label_contains(" — ")
            .find(|n| n.rect().contains(at))
            .and_then(|n| egui_kittest::kittest::NodeT::accesskit_node(&n).label())
    };
    let below = h
        .query_all_by_label_contains(" — ")
        .map(|n| n.rect())
        .filter(|r| r.left() >= r01_card.left() - 20.0 && r.top() > r01_card.bottom())
        .min_by(|a, b| a.top().total_cmp(&b.top()))
        .expect("a card under R01");
    let at = below.center();
    h.hover_at(at);
    h.run();
    let aimed = title_at(&h, at).expect("a finding's title under the pointer");
    // The user settles R01 from the keyboard; the pointer has not moved.
    clear_and_type(&mut h, "Image retention", "21");
    assert!(h.state().session.report().by_rule("R01").next().is_none());
    assert!(
        h.query_by_label(r01).is_some(),
        "R01 stays, settled, while the pointer is over the panel"
    );
    assert_eq!(
        title_at(&h, at).as_deref(),
        Some(aimed.as_str()),
        "the card under the pointer is the same"
    );
    // Once the pointer leaves the panel, the settled card goes.
    h.hover_at(egui::pos2(400.0, 400.0));
    h.run();
    assert!(h.query_by_label(r01).is_none(), "R01 left the panel");
}

#[test]
fn clicking_a_finding_lands_on_its_field() {
    let mut h = harness(app(common::sample(), Lang::En));
    h.get_by_label("R25 — Restricted capability the commune can re-enable")
        .click();
    h.run();
    assert_eq!(h.state().state.step, Step::VideoSystem);
    let highlight = h.state().state.highlight.as_ref().map(|h| h.path.clone());
    assert_eq!(highlight.as_deref(), Some("capabilities[K04].state"));
}

#[test]
fn undo_and_redo_an_edit() {
    let mut h = harness(app(common::sample(), Lang::En));
    let before = h.state().session.assessment.project.title.clone();
    clear_and_type(&mut h, "Title of the assessment", "Titre modifié");
    assert_eq!(h.state().session.assessment.project.title, "Titre modifié");
    h.get_by_label("Undo").click();
    h.run();
    assert_eq!(h.state().session.assessment.project.title, before);
    h.get_by_label("Redo").click();
    h.run();
    assert_eq!(h.state().session.assessment.project.title, "Titre modifié");
}

#[test]
fn the_interface_switches_language_at_run_time() {
    let mut h = harness(app(common::sample(), Lang::En));
    assert!(h.query_all_by_label("0. Project").next().is_some());
    h.get_by_label("FR").click();
    h.run();
    assert_eq!(h.state().lang(), Lang::Fr);
    assert!(h.query_all_by_label("0. Projet").next().is_some());
    assert!(h.query_all_by_label("Constats").next().is_some());
}

#[test]
fn save_then_reopen_through_the_path_prompt() {
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join("essai.aipd.ron");
    let mut h = harness(app(common::sample(), Lang::En));
    clear_and_type(&mut h, "Title of the assessment", "Avant enregistrement");
    h.get_by_label("Save").click();
    h.run();
    let prompt = "Path of the file (.aipd.ron, or a dossier PDF exported by Garde-fou)";
    h.get_by_role_and_label(egui::accesskit::Role::TextInput, prompt)
        .type_text(path.to_str().expect("utf-8"));
    h.run();
    h.get_all_by_label("Save")
        .last()
        .expect("save button")
        .click();
    h.run();
    assert!(!h.state().is_dirty(), "{:?}", h.state().state.status);
    let saved = gardefou::storage::load(&path).expect("saved file loads");
    assert_eq!(saved.project.title, "Avant enregistrement");

    clear_and_type(&mut h, "Title of the assessment", "Modifié après");
    h.get_by_label("Open…").click();
    h.run();
    assert!(
        h.state().state.prompt.is_some(),
        "no prompt after Open…: {:?}",
        h.state().state.status
    );
    h.get_by_role_and_label(egui::accesskit::Role::TextInput, prompt)
        .type_text(path.to_str().expect("utf-8"));
    h.run();
    h.get_all_by_label("Open…")
        .last()
        .expect("open button")
        .click();
    h.run();
    // Unsaved changes: the app asks before replacing them.
    assert_eq!(h.state().session.assessment.project.title, "Modifié après");
    h.get_by_label("Don't save").click();
    h.run();
    assert!(
        h.state().session.assessment == saved,
        "the saved file was not reopened"
    );
    assert_eq!(h.state().session.path(), Some(path.as_path()));
}

#[test]
fn the_dossier_step_exports_the_pdf_in_the_background() {
    let dir = tempfile::tempdir().expect("temp dir");
    let output = dir.path().join("dossier.pdf");
    let mut h = harness(app(common::sample(), Lang::En));
    h.get_by_label("8. Dossier").click();
    h.run();
    clear_and_type(&mut h, "Dossier file", output.to_str().expect("utf-8"));
    h.get_all_by_label("Export the dossier as PDF")
        .last()
        .expect("export button")
        .click();
    let state = wait_for_export(&mut h);
    assert!(
        matches!(state, ExportState::Done { pages, .. } if pages > 20),
        "{state:?}"
    );
    assert!(
        gardefou::session::read_assessment(&output).expect("the PDF reopens") == common::sample()
    );
}

#[test]
fn the_public_version_takes_its_own_name_and_replacing_a_dossier_is_asked_once() {
    let dir = tempfile::tempdir().expect("temp dir");
    let output = dir.path().join("dossier.pdf");
    let mut h = harness(app(common::sample(), Lang::Fr));
    h.get_by_label("8. Dossier").click();
    h.run();
    clear_and_type(
        &mut h,
        "Fichier du dossier",
        output.to_str().expect("utf-8"),
    );
    let export = |h: &mut Harness<'static, GardefouApp>| {
        h.get_all_by_label("Exporter le dossier en PDF")
            .last()
            .expect("export button")
            .click();
        h.step();
        h.step();
    };
    export(&mut h);
    assert!(matches!(wait_for_export(&mut h), ExportState::Done { .. }));
    let full = std::fs::read(&output).expect("full dossier");
    // Ticking « public version » gives the path its own name.
    h.get_by_label("Version publique (sans emplacements, noms ni références internes)")
        .click();
    h.run();
    let public = dir.path().join("dossier-public.pdf");
    assert_eq!(h.state().state.export_path, public.display().to_string());
    // Typed back over the full dossier's name, the export asks first, naming what is there,
    // and Escape keeps the file.
    clear_and_type(
        &mut h,
        "Fichier du dossier",
        output.to_str().expect("utf-8"),
    );
    export(&mut h);
    h.run();
    assert!(h
        .query_by_label_contains("un dossier complet (projet joint)")
        .is_some());
    assert!(h
        .query_by_label_contains("une version publique remplacerait le dossier complet")
        .is_some());
    h.key_press(egui::Key::Escape);
    h.run();
    assert!(h.state().state.prompt.is_none());
    assert_eq!(std::fs::read(&output).expect("kept"), full);
    // « Remplacer » goes on.
    export(&mut h);
    h.run();
    h.get_by_label("Remplacer").click();
    assert!(matches!(wait_for_export(&mut h), ExportState::Done { .. }));
    assert_ne!(std::fs::read(&output).expect("replaced"), full);
}

#[test]
fn a_new_or_opened_assessment_shows_none_of_the_last_ones_editor_state() {
    let mut h = harness(app(common::sample(), Lang::En));
    h.get_by_label("3. Video system").click();
    h.run();
    clear_and_type(&mut h, "Filter:", "Gare");
    press(&mut h, "Select the cameras shown");
    {
        let state = &mut h.state_mut().state;
        state.plans.plan = Some(gardefou::model::PlanId::new("PLAN-1"));
        state.plans.new_plan_perimeter = "75001".to_owned();
        state.plans.geojson_report = Some(("707 cameras placed".to_owned(), false));
        state.highlight = Some(gardefou::ui::state::Highlight {
            path: gardefou::model::path::CAMERAS,
            since: 0.0,
        });
        state.export_public = true;
    }
    h.get_by_label("New").click();
    h.run();
    let state = &h.state().state;
    assert!(state.inventory.selected.is_empty());
    assert!(state.inventory.filter_text.is_empty());
    assert_eq!(state.plans.plan, None);
    assert!(state.plans.new_plan_perimeter.is_empty());
    assert_eq!(state.plans.geojson_report, None);
    assert_eq!(state.highlight, None);
    assert!(!state.export_public);
    assert!(h.query_by_label_contains("707 cameras placed").is_none());
}

#[test]
fn a_received_projects_logo_outside_its_folder_is_asked_about_and_allowed_once() {
    let home = tempfile::tempdir().expect("temp dir");
    let logo = home.path().join("ailleurs").join("logo.png");
    std::fs::create_dir_all(logo.parent().expect("folder")).expect("mkdir");
    let picture = image::RgbImage::from_pixel(20, 20, image::Rgb([10, 80, 160]));
    image::DynamicImage::ImageRgb8(picture)
        .save(&logo)
        .expect("png");
    let folder = home.path().join("projet");
    std::fs::create_dir_all(&folder).expect("mkdir");
    let path = folder.join("recu.aipd.ron");
    let mut a = common::sample();
    a.project.branding.firm_name = "Cabinet X".to_owned();
    a.project.branding.logo_path = logo.display().to_string();
    gardefou::storage::save(&path, &a).expect("save");
    let output = folder.join("dossier.pdf");
    let mut app = app_on(a, Some(path.clone()), Lang::En);
    app.state.export_path = output.display().to_string();
    let mut h = harness(app);
    h.get_all_by_label("Export the dossier")
        .next()
        .expect("top bar button")
        .click();
    h.run();
    assert!(h
        .query_by_label("Logo outside the project’s folder")
        .is_some());
    assert!(!output.exists(), "nothing written before the answer");
    h.get_by_label("Allow for this project").click();
    assert!(matches!(wait_for_export(&mut h), ExportState::Done { .. }));
    let trusted = &h.state().session.assessment.project.trusted_files;
    assert_eq!(trusted.len(), 1, "recorded in the project");
    assert_eq!(trusted[0].path, logo.display().to_string());
    // Allowed for this content: the next export asks nothing (but to replace the file).
    h.get_all_by_label("Export the dossier")
        .next()
        .expect("top bar button")
        .click();
    h.run();
    assert!(h
        .query_by_label("Logo outside the project’s folder")
        .is_none());
    assert!(h.query_by_label("Replace the file?").is_some());
}

/// Steps the app until the background export is no longer running; returns its state.
fn wait_for_export(h: &mut Harness<'_, GardefouApp>) -> ExportState {
    for _ in 0..200 {
        h.step();
        if matches!(
            h.state().state.export,
            ExportState::Done { .. } | ExportState::Failed(_)
        ) {
            break;
        }
        std::thread::sleep(std::time::Duration::from_millis(50));
    }
    h.state().state.export.clone()
}

#[test]
fn the_dossier_step_exports_opendocument_and_word_and_the_documents_follow() {
    let dir = tempfile::tempdir().expect("temp dir");
    let mut h = harness(app(common::sample(), Lang::En));
    h.state_mut().state.export_path = dir.path().join("commune.pdf").display().to_string();
    h.get_by_label("8. Dossier").click();
    h.run();
    // Choosing OpenDocument changes the file's extension and the button.
    h.get_by_label("OpenDocument (ODT), editable").click();
    h.run();
    let odt = dir.path().join("commune.odt");
    assert_eq!(h.state().state.export_path, odt.display().to_string());
    assert!(h
        .query_by_label_contains("The PDF stays the signed original")
        .is_some());
    h.get_by_label("Export the dossier as OpenDocument (ODT)")
        .click();
    let state = wait_for_export(&mut h);
    assert!(
        matches!(state, ExportState::Done { ref path, format, .. } if *path == odt && format == gardefou::session::Format::Odt),
        "{state:?}"
    );
    let bytes = std::fs::read(&odt).expect("the ODT is written");
    assert!(bytes.starts_with(b"PK"), "a zip package");
    assert!(bytes[..80]
        .windows(39)
        .any(|w| w == b"application/vnd.oasis.opendocument.text"));
    h.run();
    assert!(
        h.query_by_label_contains("(OpenDocument (ODT),").is_some(),
        "the step says what was written"
    );
    assert!(h.query_by_label("Open the document").is_some());
    // The derived documents follow the format.
    h.get_all_by_label("Export as OpenDocument (ODT)")
        .next()
        .expect("register button")
        .scroll_to_me();
    h.run();
    h.get_all_by_label("Export as OpenDocument (ODT)")
        .next()
        .expect("register button")
        .click();
    h.run();
    assert!(dir.path().join("commune-registre.odt").is_file());
    // Typing a Word file name chooses Word.
    let docx = dir.path().join("rapport.docx");
    clear_and_type(&mut h, "Dossier file", docx.to_str().expect("utf-8"));
    h.run();
    assert_eq!(
        h.state().state.export_format,
        gardefou::session::Format::Docx
    );
    h.get_by_label("Export the dossier as Word (DOCX)")
        .scroll_to_me();
    h.run();
    h.get_by_label("Export the dossier as Word (DOCX)").click();
    let state = wait_for_export(&mut h);
    assert!(
        matches!(state, ExportState::Done { ref path, .. } if *path == docx),
        "{state:?}"
    );
    let bytes = std::fs::read(&docx).expect("the DOCX is written");
    let mut archive = zip::ZipArchive::new(std::io::Cursor::new(bytes)).expect("a zip");
    assert!(
        archive.by_name("word/document.xml").is_ok(),
        "a Word document"
    );
}

#[test]
fn every_step_draws_in_both_languages_without_a_raw_key() {
    let mut h = harness(app(common::sample(), Lang::En));
    for lang_button in ["EN", "FR"] {
        h.get_by_label(lang_button).click();
        h.run();
        let lang = h.state().lang();
        for step in Step::ALL {
            let index = Step::ALL.iter().position(|s| *s == step).unwrap_or(0);
            let nav = format!("{index}. {}", step.title(lang));
            h.get_all_by_label(&nav)
                .next()
                .expect("navigator entry")
                .click();
            h.run();
            assert_eq!(h.state().state.step, step);
            for prefix in [
                "enum.",
                "field.",
                "step.",
                "action.",
                "ui.",
                "column.",
                "section.",
                "severity.",
                "verdict.",
                "cli.",
                "dossier.",
            ] {
                for node in h.query_all_by_label_contains(prefix) {
                    let label = format!("{node:?}");
                    let is_key = label.match_indices(prefix).any(|(i, _)| {
                        label[..i]
                            .chars()
                            .last()
                            .is_none_or(|c| !c.is_alphanumeric())
                            && label[i + prefix.len()..]
                                .starts_with(|c: char| c.is_ascii_lowercase())
                    });
                    assert!(!is_key, "{lang:?} step {step:?}: raw key in {label}");
                }
            }
        }
    }
}

/// Scrolls a button into view, then clicks it as a pointer would.
fn press(h: &mut Harness<'static, GardefouApp>, label: &str) {
    h.get_by_label(label).scroll_to_me();
    h.run();
    h.get_by_label(label).click();
    h.run();
}

fn text_input(h: &Harness<'static, GardefouApp>, label: &str) -> usize {
    h.get_all_by_role_and_label(egui::accesskit::Role::TextInput, label)
        .count()
}

#[test]
fn a_csv_with_a_bad_row_names_the_line_and_imports_nothing_until_confirmed() {
    let dir = tempfile::tempdir().expect("temp dir");
    let csv = dir.path().join("cameras.csv");
    std::fs::write(&csv, "Identifiant;Emplacement;Périmètre;Type;Marque\nNEW-1;quai Est;Port;fixe;Axis\nNEW-2;quai Ouest;Port;sous-marine;Axis\nNEW-3;capitainerie;Port;dôme;Bosch\n").expect("write");
    let mut h = tall_harness(app(common::sample(), Lang::En));
    h.get_by_label("3. Video system").click();
    h.run();
    assert_eq!(text_input(&h, "CSV or GeoJSON file"), 1);
    clear_and_type(&mut h, "CSV or GeoJSON file", csv.to_str().expect("utf-8"));
    press(&mut h, "Read the file");
    assert!(
        h.query_all_by_label_contains("line 3:").next().is_some(),
        "the bad row's line is named"
    );
    assert_eq!(
        h.state().session.assessment.cameras.len(),
        124,
        "nothing imported before confirmation"
    );
    assert!(
        h.query_by_label("2 cameras ready, 1 row refused").is_some(),
        "counts agree with their nouns"
    );
    assert!(
        h.query_by_label("Columns not imported: Marque").is_some(),
        "the preview says which columns it leaves out"
    );
    // How the type column was read, and the user's say on it (issue 27 item 13): this
    // file's « dôme » is a fixed dome.
    let dome = "“dôme” (1 camera)";
    let combo = h.get_by_role_and_label(egui::accesskit::Role::ComboBox, dome);
    assert_eq!(combo.value().as_deref(), Some("PTZ dome"), "read as PTZ");
    combo.click();
    h.run();
    h.get_all_by_label("Fixed")
        .last()
        .expect("the kinds offered")
        .click();
    h.run();
    press(&mut h, "Import 2 cameras");
    let cameras = &h.state().session.assessment.cameras;
    assert_eq!(cameras.len(), 126);
    assert!(cameras
        .iter()
        .any(|c| c.camera_id.as_str() == "NEW-3" && c.kind == gardefou::model::CameraKind::Fixed));
}

#[test]
fn the_inventory_reads_a_csv_into_its_preview_and_names_a_file_it_cannot_read() {
    let dir = tempfile::tempdir().expect("temp dir");
    let mut h = harness(app(common::sample(), Lang::En));
    h.get_by_label("3. Video system").click();
    h.run();
    press(&mut h, "Read the file");
    assert!(
        h.query_by_label("Give the CSV or GeoJSON file to read or to write.")
            .is_some(),
        "an empty path asks for a file"
    );

    let missing = dir.path().join("absent.csv");
    clear_and_type(
        &mut h,
        "CSV or GeoJSON file",
        missing.to_str().expect("utf-8"),
    );
    press(&mut h, "Read the file");
    let error = format!("{}: no such file", missing.display());
    assert!(
        h.query_by_label(&error).is_some(),
        "the error names the file"
    );
    assert!(h.state().state.inventory.import.is_none());

    let csv = dir.path().join("cameras.csv");
    std::fs::write(
        &csv,
        "identifiant;emplacement;périmètre\nP-1;quai Est;Port\nP-2;quai Ouest;Port\nP-3;capitainerie;Port\n",
    )
    .expect("write");
    clear_and_type(&mut h, "CSV or GeoJSON file", csv.to_str().expect("utf-8"));
    press(&mut h, "Read the file");
    assert!(
        h.query_by_label("3 cameras ready, 0 rows refused")
            .is_some(),
        "the preview counts the rows"
    );
    assert!(h.query_by_label(&error).is_none(), "the error gave way");
    assert_eq!(h.state().session.assessment.cameras.len(), 124);
    press(&mut h, "Import 3 cameras");
    assert_eq!(h.state().session.assessment.cameras.len(), 127);
}

#[test]
fn the_inventory_exports_as_csv_and_names_a_file_it_cannot_write() {
    let dir = tempfile::tempdir().expect("temp dir");
    let mut h = harness(app(common::sample(), Lang::En));
    h.get_by_label("3. Video system").click();
    h.run();
    let csv = dir.path().join("inventaire.csv");
    clear_and_type(&mut h, "CSV or GeoJSON file", csv.to_str().expect("utf-8"));
    press(&mut h, "Export the inventory (.csv or .geojson)");
    let written = format!("124 cameras written to {}", csv.display());
    assert!(h.query_by_label(&written).is_some(), "{written}");
    let table = gardefou::storage::camera_csv::read_file(&csv).expect("the export reads back");
    assert_eq!(table.rows.len(), 124);

    let nowhere = dir.path().join("no-such-folder").join("inventaire.csv");
    clear_and_type(
        &mut h,
        "CSV or GeoJSON file",
        nowhere.to_str().expect("utf-8"),
    );
    press(&mut h, "Export the inventory (.csv or .geojson)");
    let error = format!("{}: cannot write the CSV", nowhere.display());
    assert!(
        h.query_all_by_label_contains(&error).next().is_some(),
        "the error names the file"
    );
}

#[test]
fn a_missing_csv_is_named_in_french() {
    let dir = tempfile::tempdir().expect("temp dir");
    let missing = dir.path().join("absent.csv");
    let mut h = harness(app(common::sample(), Lang::Fr));
    h.get_by_label("3. Système vidéo").click();
    h.run();
    clear_and_type(
        &mut h,
        "Fichier CSV ou GeoJSON",
        missing.to_str().expect("utf-8"),
    );
    press(&mut h, "Lire le fichier");
    let error = format!("{}: fichier introuvable", missing.display());
    assert!(h.query_by_label(&error).is_some(), "{error}");
}

#[test]
fn bulk_edit_couples_the_filtered_selection() {
    let mut h = harness(app(common::sample(), Lang::En));
    h.get_by_label("3. Video system").click();
    h.run();
    clear_and_type(&mut h, "Filter:", "Gare");
    press(&mut h, "Select the cameras shown");
    let selected = h.state().state.inventory.selected.len();
    assert_eq!(selected, 24, "the 24 cameras of the station perimeter");
    press(&mut h, "Couple to analytics");
    let coupled = h
        .state()
        .session
        .assessment
        .cameras
        .iter()
        .filter(|c| c.perimeter.starts_with("Gare") && c.is_analytics_coupled)
        .count();
    assert_eq!(coupled, 24);
    h.get_by_label("Undo").click();
    h.run();
    let coupled = h
        .state()
        .session
        .assessment
        .cameras
        .iter()
        .filter(|c| c.perimeter.starts_with("Gare") && c.is_analytics_coupled)
        .count();
    assert_eq!(coupled, 0, "one undo reverts the whole bulk edit");
}

#[test]
fn deleting_the_selection_never_touches_cameras_the_filter_hides() {
    let mut h = harness(app(common::sample(), Lang::Fr));
    h.get_by_label("3. Système vidéo").click();
    h.run();
    let total = h.state().session.assessment.cameras.len();
    // Every camera selected, then a filter that shows only the station's 24.
    press(&mut h, "Sélectionner les caméras affichées");
    assert_eq!(h.state().state.inventory.selected.len(), total);
    clear_and_type(&mut h, "Filtrer\u{a0}:", "Gare");
    let hidden = total - 24;
    let warning = format!(
        "dont {hidden} masquées par le filtre\u{a0}: les actions ci-dessous ne les touchent pas"
    );
    assert!(h.query_by_label(&warning).is_some(), "{warning}");
    press(&mut h, "Supprimer la sélection");
    let cameras = &h.state().session.assessment.cameras;
    assert_eq!(cameras.len(), hidden, "only the 24 shown are deleted");
    assert!(cameras.iter().all(|c| !c.perimeter.starts_with("Gare")));
    let status = h.state().state.status.clone().expect("a status line");
    assert_eq!(
        status.message,
        "24 caméra(s) supprimée(s) — Ctrl+Z pour annuler"
    );
    assert!(!status.is_error, "not an error");
    // The hidden ones stay selected (for when the filter shows them again); undo brings the
    // deleted ones back.
    assert_eq!(h.state().state.inventory.selected.len(), hidden);
    h.get_by_label("Annuler").click();
    h.run();
    assert_eq!(h.state().session.assessment.cameras.len(), total);
}

#[test]
fn a_vendor_locked_face_module_turns_from_blocking_to_a_warning_once_evidence_is_linked() {
    let mut sample = common::sample();
    let face = sample
        .capabilities
        .iter_mut()
        .find(|r| r.capability_id.as_str() == "K02")
        .expect("K02");
    face.evidence_ids.clear();
    let mut h = harness(app(sample, Lang::En));
    assert!(h
        .state()
        .session
        .report()
        .by_rule("R09")
        .any(|f| f.severity == gardefou::rules::Severity::Blocking));
    h.get_by_label("R09 — Biometric capability present without proof of locking")
        .click();
    h.run();
    let label = "K02 — Post-event face search (“appearance similarity”)";
    // The capability's last drop-down is its evidence: tick the attestation and the report.
    h.get_all_by_role_and_label(egui::accesskit::Role::ComboBox, label)
        .last()
        .expect("evidence picker")
        .click();
    h.run();
    for id in ["EV-02", "EV-04"] {
        let listed = format!("{id} — ");
        h.query_all_by_label_contains(&listed)
            .next()
            .expect("listed in the picker")
            .click();
        h.run();
    }
    assert!(
        h.state().session.report().by_rule("R09").next().is_none(),
        "no longer blocking"
    );
    assert!(
        h.state()
            .session
            .report()
            .by_rule("R09-DOCUMENTED")
            .next()
            .is_some(),
        "a warning to document instead"
    );
}

#[test]
fn a_risk_moves_on_the_map_when_its_residual_level_changes() {
    let mut h = harness(app(common::sample(), Lang::En));
    h.get_by_label("5. Risks").click();
    h.run();
    // The first risk's residual likelihood: 2 — Limited → 4 — Maximum puts it in the high band.
    let combos: Vec<_> = h.get_all_by_label("After the planned measures").collect();
    let likelihood = combos.get(1).expect("residual likelihood combo");
    likelihood.scroll_to_me();
    h.run();
    let combos: Vec<_> = h.get_all_by_label("After the planned measures").collect();
    combos[1].click();
    h.run();
    h.get_all_by_label("4 — Maximum")
        .last()
        .expect("option")
        .click();
    h.run();
    let risk = &h.state().session.assessment.risks[0];
    assert_eq!(
        risk.residual_likelihood,
        Some(gardefou::model::Level::Maximum)
    );
    assert!(risk.residual_cell().is_some_and(|c| c.is_high()));
    assert!(
        h.state().session.report().by_rule("R18").next().is_some(),
        "a high residual risk asks for prior consultation"
    );
}

#[test]
fn dragging_a_mark_on_the_risk_map_moves_the_risk_and_undo_puts_it_back() {
    use gardefou::model::{Level, MatrixCell};
    use gardefou::ui::risk_map::MapGeometry;
    let mut h = harness(app(common::sample(), Lang::En));
    h.get_by_label("5. Risks").click();
    h.run();
    let before = h.state().session.assessment.risks[0].clone();
    let from_cell = before
        .residual_cell()
        .expect("the sample's first risk is placed");
    let map = h
        .get_all_by_role_and_label(egui::accesskit::Role::Canvas, "Risk map")
        .next()
        .expect("the map is labelled")
        .rect();
    let geometry = MapGeometry::new(map);
    let target = MatrixCell {
        severity: Level::Maximum,
        likelihood: Level::Significant,
    };
    assert_ne!(from_cell, target);
    let from = geometry
        .marks(&h.state().session.assessment.risks)
        .into_iter()
        .find(|m| m.index == 0 && m.is_residual)
        .expect("the first risk's mark after measures")
        .at;
    let to = geometry.cell_rect(target).center();
    h.hover_at(from);
    h.run();
    h.drag_at(from);
    h.run();
    for step in 1..=5 {
        h.hover_at(from + (to - from) * (step as f32 / 5.0));
        h.run();
    }
    h.drop_at(to);
    h.run();
    let moved = &h.state().session.assessment.risks[0];
    assert_eq!(
        moved.residual_cell(),
        Some(target),
        "the mark after measures moved"
    );
    assert_eq!(
        moved.initial_cell(),
        before.initial_cell(),
        "the mark before measures stayed"
    );
    assert!(
        h.state().session.report().by_rule("R18").next().is_some(),
        "a residual risk in the high band asks for prior consultation"
    );
    // Undo brings it back.
    h.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::Z);
    h.run();
    assert_eq!(
        h.state().session.assessment.risks[0].residual_cell(),
        Some(from_cell)
    );
}

#[test]
fn the_dossier_step_writes_the_derived_documents_and_the_pia_file() {
    let dir = tempfile::tempdir().expect("temp dir");
    let mut h = harness(app(common::sample(), Lang::En));
    h.state_mut().state.export_path = dir.path().join("commune.pdf").display().to_string();
    h.get_by_label("8. Dossier").click();
    h.run();
    let buttons: Vec<_> = h.get_all_by_label("Export as PDF").collect();
    assert_eq!(
        buttons.len(),
        4,
        "one button per document: register, notice, letter, request to the prefect"
    );
    buttons[0].scroll_to_me();
    h.run();
    h.get_all_by_label("Export as PDF")
        .next()
        .expect("register button")
        .click();
    h.run();
    // The sample's dossier is in French, and so are the file names.
    let register = dir.path().join("commune-registre.pdf");
    let bytes = std::fs::read(&register).expect("the register entry is written");
    assert!(bytes.starts_with(b"%PDF-"));
    // The sample's Police-Justice purposes rest on video analytics: the letter is due (art. 90).
    h.get_all_by_label("Export as PDF")
        .nth(2)
        .expect("consultation button")
        .click();
    h.run();
    assert!(dir.path().join("commune-consultation-cnil.pdf").exists());
    // The request to the prefect: in French although the app is in English.
    h.get_all_by_label("Export as PDF")
        .nth(3)
        .expect("request button")
        .click();
    h.run();
    let request = dir.path().join("commune-demande-autorisation.pdf");
    let bytes = std::fs::read(&request).expect("the request file is written");
    assert!(bytes.starts_with(b"%PDF-"));
    h.get_by_label("Export in PIA format").click();
    h.run();
    let json = std::fs::read_to_string(dir.path().join("commune-pia.json")).expect("PIA file");
    let imported = gardefou::interop::pia::import(json.as_bytes(), &common::kb())
        .expect("the PIA file imports again");
    assert_eq!(
        imported.assessment.project.title,
        h.state().session.assessment.project.title
    );
}

#[test]
fn opening_a_pia_export_lists_what_could_not_be_taken_over() {
    let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/pia/malformed.json");
    let mut h = harness(app(common::sample(), Lang::En));
    h.get_by_label("New").click();
    h.run();
    let ctx = h.ctx.clone();
    h.state_mut()
        .apply(&ctx, gardefou::ui::action::Action::OpenPath(path));
    h.run();
    assert!(
        h.state().session.path().is_none(),
        "a PIA export opens untitled"
    );
    h.get_by_label("Points to check after the import");
    assert!(
        h.query_by_label_contains("unknown key “mystery” ignored")
            .is_some(),
        "the warning is listed in English"
    );
    h.get_by_label("OK").click();
    h.run();
    assert!(h
        .query_by_label("Points to check after the import")
        .is_none());
}

#[test]
fn the_consultation_letter_is_disabled_when_nothing_calls_for_it() {
    use egui_kittest::kittest::NodeT as _;
    let mut a = common::sample();
    a.processing
        .purposes
        .retain(|p| p.regime != gardefou::model::Regime::PoliceJustice);
    // Nor a residual risk at the maximum severity (that allows a voluntary request).
    for risk in &mut a.risks {
        if risk.residual_severity == Some(gardefou::model::Level::Maximum) {
            risk.residual_severity = Some(gardefou::model::Level::Significant);
        }
    }
    let mut h = harness(app(a, Lang::En));
    h.get_by_label("8. Dossier").click();
    h.run();
    let buttons: Vec<bool> = h
        .get_all_by_label("Export as PDF")
        .map(|b| b.accesskit_node().is_disabled())
        .collect();
    assert_eq!(
        buttons,
        [false, false, true, false],
        "register, notice, letter, request"
    );
    assert!(h
        .query_by_label_contains("no prior consultation of the CNIL is required")
        .is_some());
}

#[test]
fn the_unsaved_changes_prompt_names_a_validated_version_it_would_lose() {
    let mut sample = common::sample();
    sample.project.status = gardefou::model::ProjectStatus::DpoOpinionGiven;
    let mut h = tall_harness(app(sample, Lang::Fr));
    h.state_mut().settings.user_name = "Claire Vasseur".into();
    h.get_by_label("7. Avis et validation").click();
    h.run();
    h.get_by_label("Valider cette version").click();
    h.run();
    assert_eq!(h.state().session.unsaved_validation(), Some("1.0"));
    h.get_by_label("Nouveau").click();
    h.run();
    assert!(h
        .query_by_label_contains("La version 1.0 validée n’est pas encore enregistrée")
        .is_some());
}

#[test]
fn work_thrown_away_with_dont_save_is_never_offered_back() {
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join("ville.aipd.ron");
    gardefou::storage::save(&path, &common::sample()).expect("save");
    let recovery = gardefou::storage::autosave::recovery_path(&path);
    let app = app_on(common::sample(), Some(path.clone()), Lang::En)
        .with_recovery_dir(Some(dir.path().to_owned()));
    let mut h = harness(app);
    clear_and_type(&mut h, "Title of the assessment", "À jeter");
    assert!(recovery.is_file(), "unsaved work has its recovery copy");
    // Undo back to the saved state: the copy goes.
    for _ in 0..20 {
        if !h.state().is_dirty() {
            break;
        }
        h.get_by_label("Undo").click();
        h.run();
    }
    assert!(!h.state().is_dirty());
    assert!(
        !recovery.exists(),
        "back to the saved state, the copy is removed"
    );
    // Edit again, then New → « Don't save »: the copy goes with the changes.
    clear_and_type(&mut h, "Title of the assessment", "Encore à jeter");
    assert!(recovery.is_file());
    h.get_by_label("New").click();
    h.run();
    h.get_by_label("Don't save").click();
    h.run();
    assert!(h.state().session.assessment == Assessment::default());
    assert!(!recovery.exists(), "discarded work must not come back");
    let reopened = app_on(common::sample(), Some(path.clone()), Lang::En);
    assert!(
        reopened.state.prompt.is_none(),
        "nothing is offered at the next start"
    );
}

#[test]
fn the_recovery_copy_follows_a_few_seconds_after_the_last_edit() {
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join("ville.aipd.ron");
    gardefou::storage::save(&path, &common::sample()).expect("save");
    let recovery = gardefou::storage::autosave::recovery_path(&path);
    let app = app_on(common::sample(), Some(path.clone()), Lang::En)
        .with_recovery_dir(Some(dir.path().to_owned()));
    let mut h = harness(app);
    clear_and_type(&mut h, "Title of the assessment", "Premier jet");
    let title = |p: &std::path::Path| {
        gardefou::storage::load(p)
            .expect("the recovery copy loads")
            .project
            .title
    };
    for _ in 0..16 {
        h.step();
    }
    assert_eq!(title(&recovery), "Premier jet");
    clear_and_type(&mut h, "Title of the assessment", "Second jet");
    // Each frame is a quarter of a second here: 4 s after the last edit, well before 30 s.
    for _ in 0..16 {
        h.step();
    }
    assert_eq!(title(&recovery), "Second jet");
}

#[test]
fn the_start_screen_marks_a_recent_file_that_has_a_recovery_copy() {
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join("ville.aipd.ron");
    gardefou::storage::save(&path, &common::sample()).expect("save");
    let mut edited = common::sample();
    edited.project.title = "Travail non enregistré".to_owned();
    std::thread::sleep(std::time::Duration::from_millis(20));
    gardefou::storage::autosave::write_recovery(
        &gardefou::storage::autosave::recovery_path(&path),
        &edited,
    )
    .expect("recovery copy");
    let mut app = app(common::sample(), Lang::Fr);
    app.settings.recent_files = vec![path.clone()];
    app.state.mode = gardefou::ui::state::Mode::Start;
    let h = harness(app);
    assert!(h
        .query_by_label("modifications non enregistrées récupérables")
        .is_some());
}

#[test]
fn the_top_bar_export_button_exports_with_the_dossier_step_settings() {
    let dir = tempfile::tempdir().expect("temp dir");
    let output = dir.path().join("depuis-la-barre.pdf");
    let mut app = app(common::sample(), Lang::En);
    app.state.export_path = output.display().to_string();
    let mut h = harness(app);
    // The first « Export the dossier » is the top bar's; the user is on the first step.
    assert_eq!(h.state().state.step, Step::Project);
    h.get_all_by_label("Export the dossier")
        .next()
        .expect("top bar button")
        .click();
    let state = wait_for_export(&mut h);
    assert!(
        matches!(state, ExportState::Done { ref path, .. } if *path == output),
        "{state:?}"
    );
    assert!(output.is_file());
    // Said in the status bar, from the step the user is on.
    h.step();
    let status = h.state().state.status.clone().expect("a status line");
    assert!(
        status.message.contains("depuis-la-barre.pdf") && !status.is_error,
        "{status:?}"
    );
}

#[test]
fn the_shortcuts_menu_lists_every_command_that_has_one() {
    let mut h = harness(app(common::sample(), Lang::Fr));
    h.get_by_label("Aide").click();
    h.run();
    assert!(h.query_by_label("Raccourcis clavier").is_some());
    for label in [
        "Rechercher",
        "Étape suivante",
        "Nouveau",
        "Enregistrer sous…",
        "Rétablir",
        "Exporter le dossier",
        "Quitter",
    ] {
        assert!(
            h.query_all_by_label(label).count() >= 1,
            "{label} missing from the shortcuts menu"
        );
    }
    assert!(
        h.query_by_label("Quitter").is_some(),
        "Quit is only reachable from the menu"
    );
}

#[test]
fn ctrl_shift_s_asks_where_to_save_and_ctrl_shift_z_redoes() {
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join("titre.aipd.ron");
    gardefou::storage::save(&path, &common::sample()).expect("save");
    let titled = app_on(common::sample(), Some(path.clone()), Lang::En);
    let mut h = harness(titled);
    let before = h.state().session.assessment.project.title.clone();
    clear_and_type(&mut h, "Title of the assessment", "Changé");
    // Leave the field so the shortcuts reach the app, not the text editor.
    h.get_by_label("3. Video system").click();
    h.run();
    h.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::Z);
    h.run();
    assert_eq!(h.state().session.assessment.project.title, before);
    h.key_press_modifiers(
        egui::Modifiers::COMMAND | egui::Modifiers::SHIFT,
        egui::Key::Z,
    );
    h.run();
    assert_eq!(h.state().session.assessment.project.title, "Changé");
    h.key_press_modifiers(
        egui::Modifiers::COMMAND | egui::Modifiers::SHIFT,
        egui::Key::S,
    );
    h.run();
    assert!(
        matches!(
            h.state().state.prompt,
            Some(gardefou::ui::state::Prompt::Path { is_open: false, .. })
        ),
        "Ctrl+Shift+S asks for a path: {:?}",
        h.state().state.prompt
    );
}

/// The text a text box shows, found by its label.
fn text_of(harness: &Harness<'static, GardefouApp>, label: &str) -> String {
    harness
        .get_by_role_and_label(egui::accesskit::Role::TextInput, label)
        .value()
        .unwrap_or_default()
}

#[test]
fn dates_are_read_as_people_type_them_and_an_unreadable_one_is_never_erased() {
    let mut h = harness(app(common::sample(), Lang::Fr));
    let field = "Prochaine révision";
    // A French date typed the French way is recorded, and shown back in the French form.
    clear_and_type(&mut h, field, "1/10/26");
    h.key_press(egui::Key::Tab);
    h.run();
    let due =
        |h: &Harness<'static, GardefouApp>| h.state().session.assessment.project.review_due_on;
    assert_eq!(due(&h), Some(common::day("2026-10-01")));
    assert_eq!(text_of(&h, field), "01/10/2026");
    clear_and_type(&mut h, field, "15 mars 2027");
    h.key_press(egui::Key::Tab);
    h.run();
    assert_eq!(due(&h), Some(common::day("2027-03-15")));

    // A day that does not exist stays in the field after Tab, with the reason beside it, and
    // the recorded date is kept (and said to be).
    clear_and_type(&mut h, field, "31/02/2027");
    h.key_press(egui::Key::Tab);
    h.run();
    assert_eq!(
        text_of(&h, field),
        "31/02/2027",
        "what was typed is still there"
    );
    assert_eq!(due(&h), Some(common::day("2027-03-15")));
    assert!(
        h.query_by_label_contains("le 31 février 2027 n’existe pas")
            .is_some(),
        "the reason is shown beside the field"
    );
    assert!(h
        .query_by_label_contains("la date enregistrée reste le 15/03/2027")
        .is_some());
    // Going to another step and back does not lose it either.
    h.get_by_label("3. Système vidéo").click();
    h.run();
    h.get_by_label("0. Projet").click();
    h.run();
    assert_eq!(text_of(&h, field), "31/02/2027");
    clear_and_type(&mut h, field, "");
    h.key_press(egui::Key::Tab);
    h.run();
    assert_eq!(due(&h), None, "an emptied field records no date");
}

#[test]
fn purposes_are_a_checklist_of_labels_not_codes() {
    let mut h = harness(app(Assessment::default(), Lang::Fr));
    h.get_by_label("2. Traitement").click();
    h.run();
    let label = "3° Régulation des flux de transport";
    let tick = |h: &mut Harness<'static, GardefouApp>| {
        h.get_by_role_and_label(egui::accesskit::Role::CheckBox, label)
            .click();
        h.run();
    };
    tick(&mut h);
    let kinds = |h: &Harness<'static, GardefouApp>| -> Vec<gardefou::model::PurposeKind> {
        h.state()
            .session
            .assessment
            .processing
            .purposes
            .iter()
            .map(|p| p.kind)
            .collect()
    };
    assert_eq!(kinds(&h), [gardefou::model::PurposeKind::Csi3]);
    // Unticking removes it again.
    tick(&mut h);
    assert!(kinds(&h).is_empty());
    assert!(
        h.query_by_label("3°").is_none(),
        "no bare code button is left"
    );
}

#[test]
fn the_measures_catalogue_shows_titles_and_searches_them() {
    let mut h = harness(app(Assessment::default(), Lang::En));
    h.get_by_label("6. Measures").click();
    h.run();
    let kb = common::kb();
    let first = &kb.measures[0];
    let heading = format!("{} — {}", first.id, first.title.en);
    assert!(h.query_by_label(&heading).is_some(), "« {heading} » shown");
    clear_and_type(&mut h, "Search", "logging");
    let matching: Vec<_> = kb
        .measures
        .iter()
        .filter(|m| {
            [
                m.id.as_str(),
                m.title.en.as_str(),
                m.description.en.as_str(),
            ]
            .iter()
            .any(|t| t.to_lowercase().contains("logging"))
        })
        .collect();
    assert!(!matching.is_empty(), "the catalogue speaks of logging");
    for def in &kb.measures {
        let heading = format!("{} — {}", def.id, def.title.en);
        let is_shown = h.query_by_label(&heading).is_some();
        let should = matching.iter().any(|m| m.id == def.id);
        assert_eq!(is_shown, should, "{heading}");
    }
}

#[test]
fn the_whole_finding_card_goes_to_the_field_and_its_sources_open_the_references() {
    let mut h = tall_harness(app(common::sample(), Lang::En));
    let report = h.state().session.report().clone();
    let r25 = report
        .by_rule("R25")
        .next()
        .expect("R25 in the sample")
        .clone();
    // A click on the message, not the title, still lands on the field.
    h.get_by_label(r25.message.get(Lang::En)).click();
    h.run();
    assert_eq!(h.state().state.step, Step::VideoSystem);
    let highlight = h.state().state.highlight.as_ref().map(|h| h.path.clone());
    assert_eq!(highlight.as_deref(), r25.fields.first().map(|p| p.as_str()));

    // Its first source opens the references window on that entry, with its tag and date.
    let kb = common::kb();
    let source = kb.legal_ref(&r25.sources[0]).expect("source");
    h.query_all_by_label(&source.citation)
        .next()
        .expect("the source is shown on the card")
        .click();
    h.run();
    let view = h.state().state.references.clone().expect("references open");
    assert_eq!(view.selected.as_ref(), Some(&source.id));
    assert!(
        h.query_by_label("Legal references").is_some(),
        "the window is open"
    );
    let reviewed = format!("reviewed on {}", source.reviewed_on.display(Lang::En));
    assert!(
        h.query_all_by_label(&reviewed).next().is_some(),
        "{reviewed}"
    );
    let citing: Vec<&str> = kb
        .rule_texts
        .iter()
        .filter(|r| r.sources.contains(&source.id))
        .map(|r| r.id.as_str())
        .collect();
    assert!(citing.contains(&"R25"));
    let cited = format!("Cited by: {}", citing.join(", "));
    assert!(h.query_by_label(&cited).is_some(), "{cited}");
}

#[test]
fn f1_shows_the_help_of_the_field_being_filled_and_ctrl_f_finds_a_camera() {
    let mut h = tall_harness(app(common::sample(), Lang::En));
    h.get_by_label("3. Video system").click();
    h.run();
    h.get_by_role_and_label(egui::accesskit::Role::TextInput, "Image retention")
        .focus();
    h.run();
    h.key_press(egui::Key::F1);
    h.run();
    assert_eq!(
        h.state().state.help.as_deref(),
        Some("video_system.image_retention_days")
    );
    let kb = common::kb();
    let help = kb.help("video_system.image_retention_days").expect("help");
    assert!(h.query_by_label(help.help.get(Lang::En)).is_some());
    h.key_press(egui::Key::Escape);
    h.run();
    assert!(h.state().state.help.is_none());

    // The « ? » beside a label opens the same window.
    h.get_by_label("Help: Image retention").click();
    h.run();
    assert_eq!(
        h.state().state.help.as_deref(),
        Some("video_system.image_retention_days")
    );
    h.key_press(egui::Key::Escape);
    h.run();

    // Ctrl+F, a camera id, a click: the step of the inventory.
    h.get_by_label("1. Screening").click();
    h.run();
    h.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::F);
    h.run();
    let camera = h.state().session.assessment.cameras[3].clone();
    h.get_by_role_and_label(egui::accesskit::Role::TextInput, "Find")
        .type_text(camera.camera_id.as_str());
    h.run();
    h.get_by_label_contains(&format!("Camera {}", camera.camera_id))
        .click();
    h.run();
    assert_eq!(h.state().state.step, Step::VideoSystem);
    assert!(
        h.state().state.search.is_none(),
        "the search closes on a choice"
    );
}

#[test]
fn ctrl_page_keys_and_alt_digits_change_steps() {
    let mut h = harness(app(common::sample(), Lang::En));
    assert_eq!(h.state().state.step, Step::Project);
    h.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::PageDown);
    h.run();
    assert_eq!(h.state().state.step, Step::Screening);
    h.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::PageUp);
    h.run();
    assert_eq!(h.state().state.step, Step::Project);
    h.key_press_modifiers(egui::Modifiers::ALT, egui::Key::Num6);
    h.run();
    assert_eq!(h.state().state.step, Step::Measures);
}

#[test]
fn the_start_screen_offers_new_open_the_example_and_recent_files() {
    let dir = tempfile::tempdir().expect("temp dir");
    let kept = dir.path().join("commune.aipd.ron");
    gardefou::storage::save(&kept, &common::sample()).expect("save");
    let gone = dir.path().join("disparue.aipd.ron");
    let settings = Settings {
        lang: Some(Lang::Fr),
        recent_files: vec![kept.clone(), gone],
        ..Settings::default()
    };
    let app = GardefouApp::new(
        &egui::Context::default(),
        Assessment::default(),
        None,
        common::kb(),
        settings,
        common::day(TODAY),
    )
    .with_start_screen(true);
    let mut h = harness(app);
    assert!(h.query_by_label("Nouvelle analyse").is_some());
    assert!(h.query_by_label("Ouvrir l’exemple").is_some());
    assert!(h.query_by_label("commune.aipd.ron").is_some());
    assert!(
        h.query_by_label_contains("introuvable").is_some(),
        "a recent file gone from disk says so"
    );
    assert!(h.query_by_label("0. Projet").is_none(), "no wizard yet");
    h.get_by_label("Rouvrir la dernière analyse au démarrage")
        .click();
    h.run();
    assert!(h.state().settings.reopen_last);

    h.get_by_label("Ouvrir l’exemple").click();
    h.run();
    assert!(!h.state().state.mode.on_start());
    assert_eq!(
        h.state().session.assessment.project.title,
        common::sample().project.title
    );
    assert!(
        h.state().session.path().is_none(),
        "the example is untitled"
    );
    assert!(h.query_all_by_label("0. Projet").next().is_some());

    // The recent file opens from the start screen too.
    let mut h = harness(
        GardefouApp::new(
            &egui::Context::default(),
            Assessment::default(),
            None,
            common::kb(),
            Settings {
                lang: Some(Lang::Fr),
                recent_files: vec![kept.clone()],
                ..Settings::default()
            },
            common::day(TODAY),
        )
        .with_start_screen(true),
    );
    h.get_by_label("commune.aipd.ron").click();
    h.run();
    assert_eq!(h.state().session.path(), Some(kept.as_path()));
}

#[test]
fn the_last_project_reopens_only_when_the_setting_says_so() {
    let dir = tempfile::tempdir().expect("temp dir");
    let kept = dir.path().join("commune.aipd.ron");
    gardefou::storage::save(&kept, &common::sample()).expect("save");
    let kb = common::kb();
    let mut settings = Settings {
        recent_files: vec![kept.clone()],
        ..Settings::default()
    };
    let today = common::day("2026-11-23");
    assert!(gardefou::ui::start::last_project(&settings, &kb, today).is_none());
    settings.reopen_last = true;
    let (path, opened) =
        gardefou::ui::start::last_project(&settings, &kb, today).expect("reopened");
    assert_eq!(path, kept);
    assert_eq!(
        opened.session.assessment.project.title,
        common::sample().project.title
    );
    assert_eq!(
        opened.session.path(),
        Some(kept.as_path()),
        "titled, as « Open » does"
    );
    drop(opened);
    std::fs::write(&kept, "pas un projet").expect("overwrite");
    assert!(
        gardefou::ui::start::last_project(&settings, &kb, today).is_none(),
        "an unreadable last file falls back to the start screen"
    );
}

#[test]
fn the_window_title_follows_the_project_after_new() {
    let mut h = harness(app(common::sample(), Lang::En));
    let title = common::sample().project.title;
    assert_eq!(h.state().state.window_title, format!("Garde-fou — {title}"));
    h.get_by_label("New").click();
    h.run();
    assert_eq!(h.state().state.window_title, "Garde-fou — Untitled");
    clear_and_type(&mut h, "Title of the assessment", "AIPD du port");
    assert_eq!(h.state().state.window_title, "Garde-fou — AIPD du port •");
}

/// Interactive controls (buttons, boxes, fields, links…) with no accessible name, described.
fn unnamed_controls<State>(h: &Harness<'_, State>) -> (usize, Vec<String>) {
    use egui::accesskit::Role;
    use egui_kittest::kittest::NodeT as _;
    const INTERACTIVE: [Role; 9] = [
        Role::Button,
        Role::CheckBox,
        Role::RadioButton,
        Role::TextInput,
        Role::MultilineTextInput,
        Role::ComboBox,
        Role::Link,
        Role::Slider,
        Role::SpinButton,
    ];
    let controls = h
        .query_all_by(|node| INTERACTIVE.contains(&node.role()))
        .count();
    let unnamed = h
        .query_all_by(|node| {
            INTERACTIVE.contains(&node.role()) && node.label().is_none_or(|l| l.trim().is_empty())
        })
        .map(|n| {
            let node = n.accesskit_node();
            format!(
                "{:?} {:?} value={:?}",
                node.role(),
                node.bounding_box(),
                node.value()
            )
        })
        .collect();
    (controls, unnamed)
}

#[test]
fn the_unnamed_control_check_sees_an_unlabelled_field() {
    let mut text = String::new();
    // egui_kittest checks names itself on every run; off here, to see ours find the fault.
    let mut h = Harness::builder()
        .with_accessibility_check(false)
        .build_ui(|ui| {
            ui.label("Nom");
            ui.text_edit_singleline(&mut text);
        });
    h.run();
    let (controls, unnamed) = unnamed_controls(&h);
    assert_eq!(controls, 1);
    assert_eq!(unnamed.len(), 1, "a text box no label names is reported");
}

/// Every interactive control on every step, in both languages, has an accessible name (what a
/// screen reader says, and what the tests find controls by).
#[test]
fn every_interactive_control_has_an_accessible_name() {
    for lang in [Lang::Fr, Lang::En] {
        let mut h = tall_harness(app(common::sample(), lang));
        for step in Step::ALL {
            h.state_mut().state.step = step;
            h.run();
            let (controls, unnamed) = unnamed_controls(&h);
            assert!(controls > 20, "{step:?}: only {controls} controls seen");
            assert!(
                unnamed.is_empty(),
                "{lang:?}, step {step:?}: {} unnamed control(s): {unnamed:#?}",
                unnamed.len()
            );
        }
    }
}

/// Presses Tab until the focused control is the one `is_target` recognises; false after 200 Tabs.
fn tab_until(
    h: &mut Harness<'static, GardefouApp>,
    is_target: impl Fn(&egui::accesskit::Role, &str) -> bool,
) -> bool {
    use egui_kittest::kittest::NodeT as _;
    for _ in 0..200 {
        let focused = h
            .query_all_by(|node| node.is_focused())
            .map(|n| {
                let node = n.accesskit_node();
                (node.role(), node.label().unwrap_or_default())
            })
            .next();
        if let Some((role, label)) = focused {
            if is_target(&role, &label) {
                return true;
            }
        }
        h.key_press(egui::Key::Tab);
        h.run();
    }
    false
}

#[test]
fn a_minimal_assessment_can_be_filled_and_saved_with_the_keyboard_alone() {
    use egui::accesskit::Role;
    let dir = tempfile::tempdir().expect("temp dir");
    let target = dir.path().join("clavier.aipd.ron");
    let mut h = tall_harness(app(common::sample(), Lang::En));
    h.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::N);
    h.run();
    assert!(h.state().session.assessment == Assessment::default());
    assert!(tab_until(&mut h, |role, label| *role == Role::TextInput
        && label == "Title of the assessment"));
    h.event(egui::Event::Text("AIPD au clavier".into()));
    h.run();
    assert_eq!(
        h.state().session.assessment.project.title,
        "AIPD au clavier"
    );

    // Next step, first question, « Yes » with the space bar.
    h.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::PageDown);
    h.run();
    assert_eq!(h.state().state.step, Step::Screening);
    assert!(tab_until(&mut h, |role, label| *role == Role::RadioButton
        && label == "Yes"));
    h.key_press(egui::Key::Space);
    h.run();
    assert_eq!(
        h.state().session.assessment.screening.films_public_space,
        Some(true)
    );

    // Save: the path box has the keyboard, Enter confirms.
    h.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::S);
    h.run();
    assert!(h.state().state.prompt.is_some(), "asks where to save");
    h.event(egui::Event::Text(target.display().to_string()));
    h.key_press(egui::Key::Enter);
    h.run();
    assert!(h.state().state.prompt.is_none());
    let saved = gardefou::storage::load(&target).expect("saved by keyboard");
    assert_eq!(saved.project.title, "AIPD au clavier");
    assert_eq!(saved.screening.films_public_space, Some(true));

    // Escape closes a dialog without doing anything.
    h.key_press_modifiers(
        egui::Modifiers::COMMAND | egui::Modifiers::SHIFT,
        egui::Key::S,
    );
    h.run();
    assert!(h.state().state.prompt.is_some());
    h.key_press(egui::Key::Escape);
    h.run();
    assert!(h.state().state.prompt.is_none(), "Escape cancels");
}

#[test]
fn small_things_rows_select_the_expiry_line_stays_and_old_messages_go_with_the_language() {
    let mut h = tall_harness(app(common::sample(), Lang::En));
    h.get_by_label("3. Video system").click();
    h.run();
    // A click on a camera's location opens its form and selects nothing; a second click closes
    // the form.
    let camera = h.state().session.assessment.cameras[0].clone();
    h.get_by_label(&camera.location).click();
    h.run();
    assert_eq!(
        h.state().state.inventory.editing.as_ref(),
        Some(&camera.camera_id)
    );
    assert!(h.state().state.inventory.selected.is_empty());
    h.get_by_label(&camera.location).click();
    h.run();
    assert_eq!(h.state().state.inventory.editing, None);
    assert!(h.state().state.inventory.selected.is_empty());

    // The expiry line is there before the grant date, so nothing moves when it is typed.
    h.state_mut()
        .session
        .assessment
        .video_system
        .authorisation
        .granted_on = None;
    h.run();
    assert!(h
        .query_by_label_contains("computed once the grant date is entered")
        .is_some());

    // A status message worded in English does not stay on screen in French.
    h.state_mut().state.status = Some(gardefou::ui::state::Status {
        message: "Saved to x.aipd.ron".into(),
        is_error: false,
    });
    h.run();
    h.get_by_label("FR").click();
    h.run();
    assert!(h.state().state.status.is_none());
}

#[test]
fn the_public_versions_options_are_off_until_the_public_version_is_chosen() {
    use egui_kittest::kittest::NodeT as _;
    let mut h = tall_harness(app(common::sample(), Lang::En));
    h.get_by_label("8. Dossier").click();
    h.run();
    let option = "exact camera locations";
    let is_disabled = |h: &Harness<'static, GardefouApp>| {
        h.query_all_by_label_contains(option)
            .any(|n| n.accesskit_node().is_disabled())
    };
    assert!(is_disabled(&h), "unticked public version: options off");
    h.get_by_label("Public version (no locations, names or internal references)")
        .click();
    h.run();
    assert!(!is_disabled(&h), "public version: options on");
}

#[test]
fn the_biometrics_question_is_asked_positively() {
    use egui::accesskit::Role;
    let mut h = tall_harness(app(Assessment::default(), Lang::Fr));
    h.get_by_label("1. Critères").click();
    h.run();
    let question = "Le traitement met-il en œuvre des données biométriques\u{a0}?";
    let row_y = h.get_by_label(question).rect().center().y;
    // The « Non » of that question's row: no biometric data, the controller's declaration.
    let no = h
        .query_all_by_role_and_label(Role::RadioButton, "Non")
        .min_by_key(|n| (n.rect().center().y - row_y).abs() as i64)
        .expect("a « Non » on the row");
    no.click();
    h.run();
    assert_eq!(
        h.state()
            .session
            .assessment
            .screening
            .declares_no_biometrics,
        Some(true)
    );
}

#[test]
fn browse_without_a_desktop_dialog_opens_the_apps_own_picker() {
    let dir = tempfile::tempdir().expect("temp dir");
    std::fs::create_dir(dir.path().join("archives")).expect("folder");
    let project = dir.path().join("archives").join("port.aipd.ron");
    gardefou::storage::save(&project, &common::sample()).expect("save");
    let app = app(Assessment::default(), Lang::En)
        .with_dialogs(std::sync::Arc::new(gardefou::ui::file_dialog::NoDialogs));
    let mut h = harness(app);
    h.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::O);
    h.run();
    h.get_by_label("Browse…").click();
    // The « dialog » answers on its thread; the picker opens when it has.
    for _ in 0..50 {
        h.run();
        if h.state().state.file_picker.is_some() {
            break;
        }
        std::thread::sleep(std::time::Duration::from_millis(10));
    }
    assert!(
        h.state().state.file_picker.is_some(),
        "Browse always does something"
    );
    clear_and_type(&mut h, "Folder", dir.path().to_str().expect("utf-8"));
    h.key_press(egui::Key::Enter);
    h.run();
    h.get_by_label("archives/").click();
    h.run();
    h.get_by_label("port.aipd.ron").click();
    h.run();
    h.get_by_role_and_label(egui::accesskit::Role::Button, "Open")
        .click();
    h.run();
    assert!(h.state().state.file_picker.is_none());
    match &h.state().state.prompt {
        Some(gardefou::ui::state::Prompt::Path { text, .. }) => {
            assert_eq!(std::path::Path::new(text), project.as_path())
        }
        other => panic!("the path prompt holds the chosen file: {other:?}"),
    }
}

#[test]
fn evidence_is_picked_from_the_locker_and_the_locker_is_a_click_away() {
    let mut h = tall_harness(app(common::sample(), Lang::En));
    h.get_by_label("6. Measures").click();
    h.run();
    let measure = h.state().session.assessment.measures[0].clone();
    let before = measure.evidence_ids.clone();
    let evidence = h.state().session.assessment.evidence[5].clone();
    assert!(!before.contains(&evidence.evidence_id));
    // The first measure's « Evidence » drop-down lists the locker's documents by their words.
    h.query_all_by_role_and_label(egui::accesskit::Role::ComboBox, "Evidence")
        .next()
        .expect("an evidence picker")
        .click();
    h.run();
    let listed = format!("{} — ", evidence.evidence_id);
    h.query_all_by_label_contains(&listed)
        .next()
        .expect("the document is listed with its kind and description")
        .click();
    h.run();
    let after = &h.state().session.assessment.measures[0].evidence_ids;
    assert!(after.contains(&evidence.evidence_id), "{after:?}");
    assert_eq!(after.len(), before.len() + 1, "the others stay linked");
    h.get_by_label("Open the evidence locker…").click();
    h.run();
    assert_eq!(h.state().state.step, Step::VideoSystem);
    let highlight = h.state().state.highlight.as_ref().map(|h| h.path.clone());
    assert_eq!(highlight.as_deref(), Some("evidence"));
}

/// The sample in French on a 1366×768 screen zoomed by `zoom` (150 % is a 911×512-point
/// window).
fn zoomed_harness(zoom: f32) -> Harness<'static, GardefouApp> {
    harness_of_size(
        app(common::sample(), Lang::Fr),
        egui::vec2(1366.0 / zoom, 768.0 / zoom),
    )
}

/// At 150 % zoom (Ctrl+plus three times) on a 1366×768 screen, every text box of the form stays
/// inside the middle column, left of the findings panel: nothing is clipped.
#[test]
fn at_150_percent_zoom_the_middle_column_is_not_clipped() {
    use egui::accesskit::Role;
    let mut h = zoomed_harness(1.5);
    for step in [Step::Project, Step::VideoSystem, Step::Opinions] {
        h.state_mut().state.step = step;
        h.run();
        let findings_left = h.get_by_label("Constats").rect().left();
        let navigator = h.get_by_label("8. Dossier").rect();
        let form: Vec<egui::Rect> = h
            .query_all_by_role(Role::TextInput)
            .map(|n| n.rect())
            .filter(|r| r.left() > navigator.right())
            .collect();
        assert!(!form.is_empty(), "{step:?}: the form has text boxes");
        for rect in form {
            assert!(
                rect.right() <= findings_left + 1.0,
                "{step:?}: a text box {rect:?} runs under the findings panel at {findings_left}"
            );
            assert!(
                rect.width() >= 60.0,
                "{step:?}: a text box squeezed to {rect:?}"
            );
        }
    }
}

#[test]
fn a_version_is_validated_through_the_circuit_and_shown_in_the_timeline() {
    let mut sample = common::sample();
    sample.project.status = gardefou::model::ProjectStatus::Draft;
    let mut h = tall_harness(app(sample, Lang::En));
    h.get_by_label("7. Opinions and validation").click();
    h.run();
    // Without a name, a step is refused and says why.
    h.get_by_label("Move to “In review”").click();
    h.run();
    assert_eq!(
        h.state().session.assessment.project.status,
        gardefou::model::ProjectStatus::Draft
    );
    assert!(h.state().state.status.as_ref().is_some_and(|s| s.is_error));
    clear_and_type(&mut h, "Your name (on this computer)", "Claire Vasseur");
    h.get_by_label("Move to “In review”").click();
    h.run();
    h.get_by_label("Move to “DPO opinion given”").click();
    h.run();
    assert_eq!(text_of(&h, "Version number"), "1.0");
    h.get_by_label("Validate this version").click();
    h.run();
    let history = &h.state().session.assessment.history;
    assert_eq!(history.versions.len(), 1);
    assert_eq!(history.versions[0].validated_by, "Claire Vasseur");
    assert_eq!(history.versions[0].circuit.len(), 3);
    assert_eq!(
        h.state().session.assessment.project.status,
        gardefou::model::ProjectStatus::Validated
    );
    assert!(h
        .query_by_label_contains("Version 1.0 validated on")
        .is_some());
    assert_eq!(h.state().settings.user_name, "Claire Vasseur");
    // Untitled work: the message does not claim the version is in a file.
    assert_eq!(
        h.state().state.status.as_ref().map(|s| s.message.as_str()),
        Some("Version 1.0 validated — save the assessment (Ctrl+S) to keep it.")
    );
}

#[test]
fn validating_a_version_of_a_titled_project_writes_it_to_the_file_at_once() {
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join("commune.aipd.ron");
    let mut sample = common::sample();
    sample.project.status = gardefou::model::ProjectStatus::DpoOpinionGiven;
    gardefou::storage::save(&path, &sample).expect("save");
    let mut h = tall_harness(app_on(sample, Some(path.clone()), Lang::Fr));
    h.state_mut().settings.user_name = "Claire Vasseur".into();
    h.get_by_label("7. Avis et validation").click();
    h.run();
    h.get_by_label("Valider cette version").click();
    h.run();
    let on_disk = gardefou::storage::load(&path).expect("load");
    assert_eq!(
        on_disk.history.versions.len(),
        1,
        "the version is in the file"
    );
    assert!(!h.state().is_dirty());
    assert_eq!(
        h.state().state.status.as_ref().map(|s| s.message.as_str()),
        Some("Version 1.0 validée et enregistrée dans le fichier.")
    );
}

#[test]
fn a_field_is_commented_resolved_and_reopened_from_the_review_window() {
    let mut h = tall_harness(app(common::sample(), Lang::En));
    h.state_mut().settings.user_name = "Claire Vasseur".into();
    h.get_by_label("3. Video system").click();
    h.run();
    h.get_by_role_and_label(egui::accesskit::Role::TextInput, "Image retention")
        .focus();
    h.run();
    h.get_by_label("Review").click();
    h.run();
    assert!(h.query_by_label_contains("Comment on: ").is_some());
    let comment = h.get_by_role_and_label(egui::accesskit::Role::MultilineTextInput, "Comment");
    comment.focus();
    comment.type_text("Vérifier l’arrêté : 21 ou 30 jours ?");
    h.run();
    h.get_by_label("Add the comment").click();
    h.run();
    let comments = &h.state().session.assessment.history.comments;
    assert_eq!(comments.len(), 1);
    assert_eq!(comments[0].field, "video_system.image_retention_days");
    assert_eq!(comments[0].author, "Claire Vasseur");
    assert!(h.query_by_label("1 open comment").is_some());
    h.get_by_label("Resolve").click();
    h.run();
    assert!(h.state().session.assessment.history.comments[0].is_resolved);
    // Undo takes the resolution back, as any edit.
    h.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::Z);
    h.run();
    assert!(!h.state().session.assessment.history.comments[0].is_resolved);
    h.get_by_label("Go to the commented field").click();
    h.run();
    let highlight = h.state().state.highlight.as_ref().map(|h| h.path.clone());
    assert_eq!(
        highlight.as_deref(),
        Some("video_system.image_retention_days")
    );
}

#[test]
fn the_changes_since_the_validated_version_are_listed_and_lead_to_their_fields() {
    use gardefou::model::ProjectStatus;
    let mut sample = common::sample();
    sample.project.status = ProjectStatus::Draft;
    let mut h = tall_harness(app(sample, Lang::En));
    {
        let session = &mut h.state_mut().session;
        for to in [ProjectStatus::InReview, ProjectStatus::DpoOpinionGiven] {
            session.change_status(to, "Claire", "").expect("step");
        }
        session.validate("1.0", "Hervé", "").expect("1.0");
        session.assessment.video_system.software.version = "5.8.0".into();
        session.assessment.cameras.push(gardefou::model::Camera {
            camera_id: gardefou::model::CameraId::new("NEW-01"),
            ..Default::default()
        });
        let face = session
            .assessment
            .capabilities
            .iter_mut()
            .find(|r| r.capability_id.as_str() == "K02")
            .expect("K02");
        face.unlock_holder = gardefou::model::UnlockHolder::Controller;
    }
    h.run();
    assert!(h
        .state()
        .session
        .report()
        .by_rule("R20-CHANGED")
        .next()
        .is_some());
    h.get_by_label("7. Opinions and validation").click();
    h.run();
    h.get_by_label("See the changes since version 1.0").click();
    h.run();
    assert!(h.query_by_label("Changes since version 1.0").is_some());
    assert!(h.query_by_label("1 camera added").is_some());
    assert!(h.query_by_label("NEW-01").is_some());
    assert!(
        h.query_by_label_contains("! capabilities[K02].unlock_holder")
            .is_some(),
        "a change of who can unlock a capability stands out"
    );
    h.get_by_label_contains("“5.7.2” → “5.8.0”").click();
    h.run();
    assert_eq!(h.state().state.step, Step::VideoSystem);
    let highlight = h.state().state.highlight.as_ref().map(|h| h.path.clone());
    assert_eq!(highlight.as_deref(), Some("video_system.software.version"));
}

#[test]
fn the_dossier_step_offers_the_fria_where_article_27_asks_for_it() {
    let dir = tempfile::tempdir().expect("temp dir");
    let title = "Fundamental rights impact assessment (AI Act, Article 27)";
    // The sample's biometric features are locked by the vendor: no FRIA row.
    let mut h = harness(app(common::sample(), Lang::En));
    h.get_by_label("8. Dossier").click();
    h.run();
    assert!(h.query_by_label(title).is_none());
    // Face search unlocked by the commune: a public body deploying an Annex III system.
    let mut a = common::sample();
    if let Some(record) = a
        .capabilities
        .iter_mut()
        .find(|r| r.capability_id.as_str() == "K02")
    {
        record.state = gardefou::model::CapabilityState::Enabled;
        record.unlock_holder = gardefou::model::UnlockHolder::Controller;
    }
    let mut h = harness(app(a, Lang::En));
    h.state_mut().state.export_path = dir.path().join("commune.pdf").display().to_string();
    h.get_by_label("8. Dossier").click();
    h.run();
    h.get_by_label(title).scroll_to_me();
    h.run();
    let buttons: Vec<_> = h.get_all_by_label("Export as PDF").collect();
    assert_eq!(buttons.len(), 5, "register, notice, letter, FRIA, request");
    h.get_all_by_label("Export as PDF")
        .nth(3)
        .expect("FRIA button")
        .click();
    h.run();
    let fria = dir.path().join("commune-aidf.pdf");
    let bytes = std::fs::read(&fria).expect("the FRIA is written beside the dossier");
    assert!(bytes.starts_with(b"%PDF-"));
}

#[test]
fn a_logo_that_cannot_be_read_asks_before_exporting_without_it() {
    let dir = tempfile::tempdir().expect("temp dir");
    let broken = dir.path().join("logo.png");
    std::fs::write(&broken, b"\x89PNG\r\n\x1a\nnot really").expect("write");
    let output = dir.path().join("commune.pdf");
    let mut app = app(common::sample(), Lang::En);
    app.state.export_path = output.display().to_string();
    app.settings.branding.firm_name = "Cabinet Lumen".to_owned();
    app.settings.branding.logo_path = broken.display().to_string();
    let mut h = harness(app);
    h.get_by_label("8. Dossier").click();
    h.run();
    h.get_by_label("Export the dossier as PDF").click();
    h.run();
    assert!(h.query_by_label("Logo cannot be used").is_some());
    assert!(
        h.query_by_label_contains("damaged").is_some(),
        "the prompt says what is wrong"
    );
    assert!(!output.exists(), "nothing written before the user answers");
    h.get_by_label("Export without the logo").click();
    let state = wait_for_export(&mut h);
    assert!(
        matches!(state, ExportState::Done { ref path, .. } if *path == output),
        "{state:?}"
    );
    let text = std::process::Command::new("pdftotext")
        .arg(&output)
        .arg("-")
        .output()
        .expect("pdftotext");
    let text = String::from_utf8_lossy(&text.stdout);
    assert!(
        text.contains("Cabinet Lumen"),
        "the firm is named without the logo"
    );
}

#[test]
fn a_logo_typed_in_the_projects_branding_joins_the_evidence_locker() {
    let dir = tempfile::tempdir().expect("temp dir");
    let logo = dir.path().join("logo-cabinet.png");
    let picture = image::RgbImage::from_pixel(20, 20, image::Rgb([10, 80, 160]));
    image::DynamicImage::ImageRgb8(picture)
        .save(&logo)
        .expect("write the logo");
    let mut h = tall_harness(app(common::sample(), Lang::En));
    h.get_by_label("8. Dossier").click();
    h.run();
    assert!(h.query_by_label("Attach to the evidence locker").is_none());
    let field = || "Logo file (PNG or JPEG)";
    h.get_all_by_label(field())
        .next()
        .expect("project logo")
        .click();
    h.run();
    h.get_all_by_label(field())
        .next()
        .expect("project logo")
        .type_text(&logo.display().to_string());
    h.run();
    h.get_by_label("Attach to the evidence locker").click();
    h.run();
    h.run();
    let session = &h.state().session;
    let entry = session.locker_logo().expect("the logo is in the locker");
    assert_eq!(entry.kind, gardefou::model::EvidenceKind::Logo);
    assert!(session.assessment.project.branding.logo_path.is_empty());
    let line = format!(
        "{} · logo-cabinet.png, from the evidence locker",
        entry.evidence_id
    );
    assert!(h.query_by_label_contains(&line).is_some(), "{line}");
    let text_fields = |h: &Harness<'_, GardefouApp>| {
        h.get_all_by_role_and_label(egui::accesskit::Role::TextInput, field())
            .count()
    };
    assert_eq!(text_fields(&h), 1, "only the user's own logo is typed");
    h.get_by_label("Remove the logo").click();
    h.run();
    h.run();
    assert!(h.state().session.locker_logo().is_none());
    assert_eq!(text_fields(&h), 2);
}

#[test]
fn the_projects_branding_is_edited_in_the_dossier_step_over_the_users_default() {
    let mut app = app(common::sample(), Lang::En);
    app.settings.branding.firm_name = "Cabinet Lumen".to_owned();
    let mut h = tall_harness(app);
    h.get_by_label("8. Dossier").click();
    h.run();
    let firm_fields: Vec<_> = h.get_all_by_label("Firm name").collect();
    assert_eq!(firm_fields.len(), 2, "the project's and the user's");
    h.get_all_by_label("Firm name")
        .next()
        .expect("project field")
        .click();
    h.run();
    h.get_all_by_label("Firm name")
        .next()
        .expect("project field")
        .type_text("Atelier Nord");
    h.run();
    assert_eq!(
        h.state().session.assessment.project.branding.firm_name,
        "Atelier Nord"
    );
    assert_eq!(h.state().settings.branding.firm_name, "Cabinet Lumen");
    h.get_all_by_label("Accent colour (#RRGGBB)")
        .next()
        .expect("project accent")
        .focus();
    h.run();
    h.get_all_by_label("Accent colour (#RRGGBB)")
        .next()
        .expect("project accent")
        .type_text("#12345");
    h.run();
    assert!(h.query_by_label_contains("Colour not recognised").is_some());
}

#[test]
fn a_second_prefectoral_order_is_added_filled_removed_and_undone() {
    let mut h = tall_harness(app(common::sample(), Lang::En));
    h.get_by_label("3. Video system").click();
    h.run();
    let reference = "Prefectoral authorisation";
    assert_eq!(text_input(&h, reference), 1, "one order to begin with");
    press(&mut h, "Add an order");
    assert_eq!(text_input(&h, reference), 2);
    assert!(
        h.query_by_label("Order no. 2").is_some(),
        "the new order is numbered"
    );
    let role = egui::accesskit::Role::TextInput;
    h.get_all_by_role_and_label(role, reference)
        .nth(1)
        .expect("the second order's reference")
        .focus();
    h.run();
    h.get_all_by_role_and_label(role, reference)
        .nth(1)
        .expect("the second order's reference")
        .type_text("2024-GARE-07");
    h.run();
    let further = &h
        .state()
        .session
        .assessment
        .video_system
        .further_authorisations;
    assert_eq!(further.len(), 1);
    assert_eq!(further[0].reference, "2024-GARE-07");
    assert_eq!(
        h.state()
            .session
            .assessment
            .video_system
            .authorisation
            .reference,
        common::sample().video_system.authorisation.reference,
        "the first order is untouched"
    );
    press(&mut h, "Remove this order");
    assert!(h
        .state()
        .session
        .assessment
        .video_system
        .further_authorisations
        .is_empty());
    assert_eq!(text_input(&h, reference), 1);
    h.get_by_label("Undo").click();
    h.run();
    let further = &h
        .state()
        .session
        .assessment
        .video_system
        .further_authorisations;
    assert_eq!(further.len(), 1, "undo brings the removed order back");
    assert_eq!(further[0].reference, "2024-GARE-07");
}

#[test]
fn a_window_left_open_over_midnight_judges_the_assessment_on_the_new_day() {
    use std::cell::Cell;
    use std::rc::Rc;
    let a = common::sample();
    let expiry = a
        .video_system
        .authorisation
        .expires_on()
        .expect("the sample's order has a date");
    let day = Rc::new(Cell::new(expiry));
    let clock = Rc::clone(&day);
    let mut h = harness(app(a, Lang::En).with_clock(move || clock.get()));
    let expired = |h: &Harness<'static, GardefouApp>| {
        h.state()
            .session
            .report()
            .by_rule("R05-EXPIRED")
            .next()
            .is_some()
    };
    assert!(!expired(&h), "the order's last day is still covered");
    // Midnight passes while the window is open.
    day.set(expiry.add_days(1));
    h.run();
    assert_eq!(h.state().session.today(), expiry.add_days(1));
    assert!(expired(&h), "the next day, the order has expired");
}

/// « Go to the field » from every field a finding names, and every answer the completeness
/// asks for, in the sample and the scenarios: the step opens and a widget of that field (or of
/// the record holding it) is brought into view.
#[test]
fn go_to_the_field_lands_on_a_widget_for_every_path_a_finding_or_the_completeness_names() {
    use gardefou::model::path::FieldPath;
    use gardefou::ui::action::Action;
    use gardefou::ui::windows::landed;
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/scenarios");
    let mut assessments = vec![common::sample()];
    let mut names: Vec<_> = std::fs::read_dir(&dir)
        .expect("scenarios")
        .filter_map(Result::ok)
        .map(|e| e.path())
        .filter(|p| p.to_string_lossy().ends_with(".aipd.ron"))
        .collect();
    names.sort();
    for path in names {
        assessments.push(gardefou::storage::load(&path).expect("scenario"));
    }
    let mut tried = std::collections::BTreeSet::new();
    let mut lost = Vec::new();
    for a in assessments {
        let mut h = tall_harness(app(a, Lang::Fr));
        let report = h.state().session.report().clone();
        let mut paths: Vec<FieldPath> = report
            .findings
            .iter()
            .flat_map(|f| f.fields.iter().cloned())
            .collect();
        paths.extend(report.completeness.missing());
        for path in paths {
            // One path of each shape is enough (`cameras[].masks` once, not per camera).
            if !tried.insert(path.pattern()) {
                continue;
            }
            let step = Step::of_field(&path).expect("a known section");
            let ctx = h.ctx.clone();
            ctx.data_mut(|d| d.clear());
            h.state_mut()
                .apply(&ctx, Action::GoTo(step, Some(path.clone())));
            for _ in 0..4 {
                h.step();
            }
            let at = landed(&h.ctx);
            let is_there = at
                .as_deref()
                .is_some_and(|at| path.as_str() == at || path.starts_with(at));
            if h.state().state.step != step || !is_there {
                lost.push(format!("{path} → {at:?}"));
            }
        }
    }
    assert!(tried.len() > 40, "only {} paths tried", tried.len());
    assert!(
        lost.is_empty(),
        "« go to the field » landed nowhere: {lost:#?}"
    );
}

/// Issue 27, item 11: Ctrl+F finds a capability by its name, a measure by its title and text
/// typed in any field, and a click goes to that field.
#[test]
fn ctrl_f_finds_capabilities_measures_and_text_typed_in_fields() {
    use gardefou::ui::windows::landed;
    let mut h = tall_harness(app(common::sample(), Lang::Fr));
    let find = |h: &mut Harness<'static, GardefouApp>, text: &str| {
        h.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::F);
        h.run();
        let field = h.get_by_role_and_label(egui::accesskit::Role::TextInput, "Chercher");
        field.focus();
        h.run();
        // Select what an earlier search left, then type over it.
        h.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::A);
        h.get_by_role_and_label(egui::accesskit::Role::TextInput, "Chercher")
            .type_text(text);
        h.run();
    };
    let go = |h: &mut Harness<'static, GardefouApp>, line: &str| {
        h.get_all_by_label_contains(line)
            .next()
            .unwrap_or_else(|| panic!("no result « {line} »"))
            .click();
        for _ in 0..4 {
            h.step();
        }
        h.run();
    };

    // A capability by its name.
    find(&mut h, "plaques");
    go(&mut h, "Fonctionnalité K08");
    assert_eq!(h.state().state.step, Step::VideoSystem);
    assert_eq!(landed(&h.ctx).as_deref(), Some("capabilities[K08]"));

    // Text typed in a field: the people consulted.
    find(&mut h, "42 participants");
    go(&mut h, "42 participants");
    assert_eq!(h.state().state.step, Step::Opinions);
    let at = landed(&h.ctx).unwrap_or_default();
    assert!(at.starts_with("opinions."), "landed on {at}");

    // A measure by its title.
    let measure = h.state().session.assessment.measures[2].clone();
    find(&mut h, &measure.title);
    go(&mut h, &format!("Mesure {}", measure.measure_id));
    assert_eq!(h.state().state.step, Step::Measures);
    assert_eq!(
        landed(&h.ctx),
        Some(format!("measures[{}]", measure.measure_id))
    );
}

/// Issue 33, item 9: Ctrl+F on a camera far down the inventory brings its row into view (the
/// table lays out only the rows on screen, so the row exists only once scrolled to).
#[test]
fn ctrl_f_on_a_camera_brings_its_row_into_view() {
    let mut h = tall_harness(app(common::sample(), Lang::En));
    h.get_by_label("3. Video system").click();
    h.run();
    let camera = h
        .state()
        .session
        .assessment
        .cameras
        .last()
        .expect("cameras")
        .camera_id
        .to_string();
    let row = |h: &Harness<'static, GardefouApp>| {
        h.query_all_by_role_and_label(egui::accesskit::Role::CheckBox, &camera)
            .count()
    };
    assert_eq!(row(&h), 0, "{camera} is below the table's fold at first");
    h.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::F);
    h.run();
    h.get_by_role_and_label(egui::accesskit::Role::TextInput, "Find")
        .type_text(&camera);
    h.run();
    h.get_by_label_contains(&format!("Camera {camera}")).click();
    for _ in 0..4 {
        h.step();
    }
    h.run();
    assert_eq!(row(&h), 1, "{camera}'s row is shown");
    assert_eq!(
        gardefou::ui::windows::landed(&h.ctx),
        Some(format!("cameras[{camera}]"))
    );
}

/// Issue 33, item 7: a refused row says why in the user's language and with the right reason
/// — a camera the inventory already has is not « twice in the file » — and rows with neither
/// location nor perimeter are counted and named.
#[test]
fn csv_rows_are_refused_in_french_with_the_right_reason_and_unlocated_ones_named() {
    let dir = tempfile::tempdir().expect("temp dir");
    let csv = dir.path().join("cameras.csv");
    std::fs::write(
        &csv,
        "Identifiant;Emplacement;Périmètre;Analyse\nCAM-001;place;Centre;non\nN-1;;;non\nN-1;quai;Port;non\nN-2;quai;Port;peut-être\n",
    )
    .expect("write");
    let mut h = tall_harness(app(common::sample(), Lang::Fr));
    h.get_by_label("3. Système vidéo").click();
    h.run();
    clear_and_type(
        &mut h,
        "Fichier CSV ou GeoJSON",
        csv.to_str().expect("utf-8"),
    );
    press(&mut h, "Lire le fichier");
    for line in [
        "ligne 2\u{a0}: la caméra CAM-001 existe déjà dans l’inventaire",
        "ligne 4\u{a0}: la caméra N-1 figure déjà plus haut dans le fichier",
        "ligne 5\u{a0}: «\u{a0}peut-être\u{a0}» n’est ni oui ni non",
    ] {
        assert!(
            h.query_by_label(line).is_some(),
            "« {line} » not shown; shown: {:?}",
            h.query_all_by_label_contains("ligne")
                .map(|n| format!("{n:?}"))
                .collect::<Vec<_>>()
        );
    }
    assert!(h
        .query_by_label("1 caméra sans emplacement ni périmètre\u{a0}: N-1")
        .is_some());

    // The choice to update the cameras already there instead: CAM-001's row is no longer
    // refused, its location changes, the rest of its record stays.
    let purposes = h.state().session.assessment.cameras[0].purposes.clone();
    h.get_by_label("Mettre à jour les caméras déjà dans l’inventaire d’après le fichier")
        .click();
    h.run();
    assert!(h.query_by_label_contains("ligne 2\u{a0}:").is_none());
    assert!(h
        .query_by_label_contains("1 caméra de l’inventaire à mettre à jour")
        .is_some());
    press(&mut h, "Confirmer l’import et les mises à jour");
    let camera = h.state().session.assessment.cameras[0].clone();
    assert_eq!(camera.camera_id.as_str(), "CAM-001");
    assert_eq!(camera.location, "place");
    assert_eq!(camera.purposes, purposes, "not in the file: kept");
    assert!(h.query_by_label_contains("1 caméra mise à jour").is_some());
}

/// Issue 33, item 6: a camera's commissioning date is typed in its form as people write it,
/// kept in the inventory, and printed in the dossier's camera annex.
#[test]
fn a_cameras_commissioning_date_is_typed_in_its_form_and_kept() {
    let mut h = tall_harness(app(common::sample(), Lang::Fr));
    h.get_by_label("3. Système vidéo").click();
    h.run();
    let camera = h.state().session.assessment.cameras[0].clone();
    h.get_by_label(&camera.location).click();
    h.run();
    let field = h.get_by_role_and_label(egui::accesskit::Role::TextInput, "Mise en service");
    field.focus();
    h.run();
    h.get_by_role_and_label(egui::accesskit::Role::TextInput, "Mise en service")
        .type_text("8/7/16");
    h.key_press(egui::Key::Enter);
    h.run();
    let cameras = &h.state().session.assessment.cameras;
    assert_eq!(
        cameras[0].commissioned_on,
        gardefou::model::Date::from_ymd(2016, 7, 8)
    );
    let a = h.state().session.assessment.clone();
    let dossier = common::dossier(&a, Lang::Fr, false, "2026-11-23");
    let text = gardefou::dossier::text::plain_text(&dossier);
    assert!(text.contains("Mise en service"), "the annex has the column");
    assert!(text.contains("08/07/2016"), "and the date");
}

/// Issue 27, item 10: the side windows open over the form, not over the top bar or the step
/// list.
#[test]
fn side_windows_open_beside_the_step_list_and_under_the_top_bar() {
    let mut h = harness(app(common::sample(), Lang::En));
    // The step list's entry (the step's heading in the form bears the same words).
    let entry = |h: &Harness<'static, GardefouApp>| {
        h.get_all_by_label("3. Video system")
            .map(|n| n.rect())
            .min_by(|a, b| a.left().total_cmp(&b.left()))
            .expect("navigator entry")
    };
    h.get_all_by_label("3. Video system")
        .next()
        .expect("navigator")
        .click();
    h.run();
    let steps = entry(&h);
    let top_bar = h
        .get_all_by_label("Help")
        .map(|n| n.rect())
        .fold(egui::Rect::NOTHING, |a, b| a.union(b));
    h.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::F);
    h.run();
    let search = h
        .get_by_role_and_label(egui::accesskit::Role::TextInput, "Find")
        .rect();
    assert!(
        search.left() > steps.right(),
        "the search window's field at {search:?} covers the step list ending at {}",
        steps.right()
    );
    assert!(
        search.top() > top_bar.bottom(),
        "the search window's field at {search:?} is over the top bar"
    );
}

/// Issue 27, item 9: at 150 % and 200 % zoom the top bar's buttons wrap instead of overlapping,
/// the step list's entries stay whole (a long name wraps; it ran 3 points under the form at
/// 200 %), and nothing of the top bar lies under the step list.
#[test]
fn at_150_and_200_percent_zoom_the_top_bar_and_the_step_list_do_not_overlap() {
    use egui::accesskit::Role;
    for zoom in [1.5_f32, 2.0] {
        let h = zoomed_harness(zoom);
        let navigator = h
            .get_all_by_label("0. Projet")
            .map(|n| n.rect())
            .min_by(|a, b| a.left().total_cmp(&b.left()))
            .expect("the step list");
        // The top bar: the buttons above the step list's first entry.
        let buttons: Vec<(String, egui::Rect)> = h
            .query_all_by_role(Role::Button)
            .map(|n| (format!("{n:?}"), n.rect()))
            .filter(|(_, r)| r.bottom() <= navigator.top() && r.width() > 0.0)
            .collect();
        assert!(
            buttons.len() >= 8,
            "{zoom}: {} top-bar buttons",
            buttons.len()
        );
        // The step list: every entry whole, left of the form (whose heading is « 0. Projet »).
        let form = h
            .get_all_by_label("0. Projet")
            .map(|n| n.rect())
            .max_by(|a, b| a.left().total_cmp(&b.left()))
            .expect("the form's heading");
        for step in [
            "0. Projet",
            "1. Critères",
            "2. Traitement",
            "3. Système vidéo",
            "4. Nécessité et droits",
            "5. Risques",
            "6. Mesures",
            "7. Avis et validation",
            "8. Dossier",
        ] {
            let entry = h
                .get_all_by_label(step)
                .map(|n| n.rect())
                .min_by(|a, b| a.left().total_cmp(&b.left()))
                .expect("a step entry");
            assert!(
                entry.right() < form.left(),
                "{zoom}: « {step} » at {entry:?} runs under the form at {form:?}"
            );
        }
        for (i, (a, ra)) in buttons.iter().enumerate() {
            for (b, rb) in &buttons[i + 1..] {
                let overlap = ra.intersect(*rb);
                assert!(
                    overlap.width() <= 1.0 || overlap.height() <= 1.0,
                    "{zoom}: top-bar buttons overlap:\n{a} {ra:?}\n{b} {rb:?}"
                );
            }
        }
    }
}

/// Issue 27, item 8: Tab to a field below the fold brings it into view — on a 1366×768 window,
/// every control of the project step Tab reaches is on screen when it has the focus.
#[test]
fn tab_brings_each_field_it_reaches_into_view() {
    use egui_kittest::kittest::NodeT as _;
    let mut h = harness(app(common::sample(), Lang::Fr));
    h.get_by_label("Titre de l’analyse").focus();
    h.run();
    let mut seen = 0;
    for _ in 0..40 {
        h.key_press(egui::Key::Tab);
        h.run();
        let focused = h
            .query_all_by(|node| node.is_focused())
            .map(|n| (format!("{:?}", n.accesskit_node().label()), n.rect()))
            .next();
        if let Some((label, rect)) = focused {
            seen += 1;
            // Above the status bar (the window's last 26 points).
            assert!(
                rect.top() >= 0.0 && rect.bottom() <= 742.0,
                "« {label} » has the focus at {rect:?}, off the form's 742 points"
            );
        }
    }
    assert!(seen > 30, "{seen} controls focused");
}

/// Issue 27, item 8: the camera table does not trap the wheel — scrolled to its end, the wheel
/// goes on scrolling the page.
#[test]
fn the_wheel_over_the_camera_table_scrolls_the_page_once_the_table_is_at_its_end() {
    let mut h = harness(app(common::sample(), Lang::Fr));
    // The table on screen, at its first camera.
    let ctx = h.ctx.clone();
    h.state_mut().apply(
        &ctx,
        gardefou::ui::action::Action::GoTo(Step::VideoSystem, Some("cameras[CAM-001]".into())),
    );
    for _ in 0..6 {
        h.step();
    }
    h.run();
    let select_all = "Sélectionner les caméras affichées";
    let start = h.get_by_label(select_all).rect();
    let over_table = start.center() + egui::vec2(0.0, 160.0);
    h.hover_at(over_table);
    h.run();
    for _ in 0..60 {
        h.event(egui::Event::MouseWheel {
            unit: egui::MouseWheelUnit::Point,
            delta: egui::vec2(0.0, -200.0),
            phase: egui::TouchPhase::Move,
            source: egui::MouseWheelSource::Wheel,
            modifiers: egui::Modifiers::NONE,
        });
        h.run();
    }
    let moved = h
        .query_by_label(select_all)
        .map_or(f32::INFINITY, |n| start.top() - n.rect().top());
    assert!(
        moved > 100.0,
        "the page did not scroll: the table's header moved {moved} points"
    );
}

/// Issue 30: a request to the prefect is prepared from the AIPD in step 3, says what its entry
/// sheet lacks, and once granted records its order among the system's orders.
#[test]
fn a_request_is_prepared_from_the_aipd_and_its_granted_order_recorded() {
    let mut a = common::sample();
    a.video_system.requests.clear();
    let mut h = tall_harness(app(a, Lang::En));
    h.get_by_label("3. Video system").click();
    h.run();
    press(&mut h, "Prepare a request from the AIPD");
    let request = h.state().session.assessment.video_system.requests[0].clone();
    assert_eq!(request.kind, gardefou::model::RequestKind::Renewal);
    assert_eq!(
        request.current_order,
        "Arrêté préfectoral n° 2022-SIDPC-0314"
    );
    assert_eq!(request.retention_days, Some(21));
    // The entry sheet's gaps are named under the request.
    assert!(h
        .query_by_label_contains("items to complete for the entry sheet")
        .is_some_and(|n| format!("{n:?}").contains("Installer")));
    // Granted: its order becomes the system's order, renewed for five years.
    {
        let request = &mut h.state_mut().session.assessment.video_system.requests[0];
        request.status = gardefou::model::RequestStatus::Granted;
        request.decided_on = gardefou::model::Date::from_ymd(2027, 2, 1);
        request.granted_order = "Arrêté préfectoral n° 2027-SIDPC-0102".into();
    }
    h.run();
    press(&mut h, "Record the order obtained among the orders");
    let order = &h.state().session.assessment.video_system.authorisation;
    assert_eq!(order.reference, "Arrêté préfectoral n° 2027-SIDPC-0102");
    assert_eq!(
        order.expires_on(),
        gardefou::model::Date::from_ymd(2032, 2, 1)
    );
}

/// Issue 31: a copy that came back edited is merged in the app — the common validated version
/// found, the changes of each side taken, the conflicting retention chosen from the copy.
#[test]
fn a_copy_is_merged_in_the_app_with_its_conflict_chosen() {
    use gardefou::model::ProjectStatus;
    use gardefou::session::Session;
    let dir = tempfile::tempdir().expect("temp dir");
    let mut session = Session::new(
        common::sample(),
        None,
        std::sync::Arc::new(common::kb()),
        common::day(TODAY),
    );
    session.assessment.project.status = ProjectStatus::Draft;
    for to in [ProjectStatus::InReview, ProjectStatus::DpoOpinionGiven] {
        session
            .change_status(to, "Claire Vasseur", "")
            .expect("circuit step");
    }
    session
        .validate("1.0", "Claire Vasseur", "")
        .expect("validated");
    let validated = session.assessment.clone();
    // The copy sent out, edited by the DPO and saved by Garde-fou (its history then rebuilds).
    let mut theirs = Session::new(
        validated.clone(),
        None,
        std::sync::Arc::new(common::kb()),
        common::day(TODAY),
    );
    theirs.assessment.risks[0].title = "Usage détourné des recherches".into();
    theirs.assessment.video_system.image_retention_days = Some(10);
    let copy = dir.path().join("retour-dpd.aipd.ron");
    theirs.save_as(&copy).expect("save");
    // Mine, edited meanwhile.
    let mut h = tall_harness(app(validated, Lang::En));
    {
        let mine = &mut h.state_mut().session.assessment;
        mine.cameras[3].location = "Rue Nationale, angle rue du Marché".into();
        mine.video_system.image_retention_days = Some(14);
    }
    h.run();
    // From the step where versions are validated.
    h.get_by_label("7. Opinions and validation").click();
    h.run();
    press(&mut h, "Merge a copy that came back…");
    clear_and_type(&mut h, "Copy (.aipd.ron):", &copy.display().to_string());
    h.get_by_label("Compare").click();
    h.run();
    assert!(
        h.query_by_label_contains("validated version 1.0, held by both files")
            .is_some(),
        "{:?} {:?}",
        h.state().state.status,
        h.state().state.merge.as_ref().map(|m| (
            m.path.clone(),
            m.prepared.as_ref().map(|p| p.base_source.clone())
        ))
    );
    assert!(h
        .query_by_label("1 conflict: choose the value to keep")
        .is_some());
    h.get_by_label("theirs: 10").click();
    h.run();
    h.get_by_label("Merge").click();
    h.run();
    let a = &h.state().session.assessment;
    assert_eq!(
        a.video_system.image_retention_days,
        Some(10),
        "theirs chosen"
    );
    assert_eq!(a.cameras[3].location, "Rue Nationale, angle rue du Marché");
    assert_eq!(a.risks[0].title, "Usage détourné des recherches");
    assert!(h.state().is_dirty(), "unsaved until saved");
    assert!(h.state().state.merge.is_none(), "the window closed");
    // Saved, the merged file reopens with both sides' changes and its history rebuilds.
    let merged = dir.path().join("fusion.aipd.ron");
    h.state_mut().session.save_as(&merged).expect("saved");
    let reopened = gardefou::storage::load(&merged).expect("reopens");
    assert_eq!(reopened.risks[0].title, "Usage détourné des recherches");
    assert_eq!(
        reopened.cameras[3].location,
        "Rue Nationale, angle rue du Marché"
    );
    let versions = gardefou::storage::history::rebuild(&reopened).expect("history rebuilds");
    assert_eq!(versions.len(), 1);
}

/// Issue 31, contributions in the app: from step 7, « Ask for a contribution… » writes a copy
/// for the municipal police (the role's usual parts ticked); Garde-fou opens that copy showing
/// only its steps, the request on top, and only the findings of the parts asked — Alt+5 does
/// not reach the risks.
#[test]
fn a_contribution_is_asked_from_the_app_and_its_copy_opens_restricted() {
    let dir = tempfile::tempdir().expect("temp dir");
    let own = dir.path().join("commune.aipd.ron");
    gardefou::storage::save(&own, &common::sample()).expect("saved");
    let mut h = tall_harness(app_on(common::sample(), Some(own.clone()), Lang::En));
    h.state_mut().settings.user_name = "Claire Vasseur".into();
    h.get_by_label("7. Opinions and validation").click();
    h.run();
    press(&mut h, "Ask for a contribution…");
    clear_and_type(&mut h, "Contributor:", "Chief Lefèvre");
    h.get_by_label("Municipal police").click();
    h.run();
    let copy = dir.path().join("police.aipd.ron");
    clear_and_type(&mut h, "Copy (.aipd.ron):", &copy.display().to_string());
    h.get_by_label("Write the copy").click();
    h.run();
    assert!(
        h.state().state.contribution.is_none(),
        "{:?}",
        h.state().state.status
    );
    let written = gardefou::storage::load(&copy).expect("the copy reads");
    let request = written.project.contribution.expect("the request");
    assert_eq!(request.contributor, "Chief Lefèvre");
    assert_eq!(request.asked_by, "Claire Vasseur");
    assert_eq!(
        request.parts,
        vec![
            gardefou::model::Part::System,
            gardefou::model::Part::Inventory
        ]
    );

    // The chief opens it.
    let opened = gardefou::storage::load(&copy).expect("reads");
    let mut h = tall_harness(app_on(opened, Some(copy.clone()), Lang::En));
    assert!(h
        .query_by_label_contains("Contribution copy for Chief Lefèvre")
        .is_some());
    assert!(h.query_all_by_label("3. Video system").count() >= 1);
    for hidden in [
        "0. Project",
        "5. Risks",
        "7. Opinions and validation",
        "8. Dossier",
    ] {
        assert!(h.query_by_label(hidden).is_none(), "{hidden} shown");
    }
    assert_eq!(h.state().state.step, gardefou::ui::step::Step::VideoSystem);
    h.key_press_modifiers(egui::Modifiers::ALT, egui::Key::Num5);
    h.run();
    assert_eq!(h.state().state.step, gardefou::ui::step::Step::VideoSystem);
    // The findings panel: the inventory's sensitive places, not a risk's finding.
    assert!(h
        .query_by_label_contains("Sensitive places in the cameras’ view")
        .is_some());
    let report = h.state().session.report().clone();
    let asked = h
        .state()
        .session
        .assessment
        .project
        .contribution
        .clone()
        .expect("the request");
    let (inside, outside): (Vec<_>, Vec<_>) = report
        .findings
        .iter()
        .partition(|f| f.fields.iter().any(|p| asked.covers(p.as_str())));
    let hidden: Vec<String> = outside
        .iter()
        .map(|f| f.title.en.clone())
        .filter(|t| !inside.iter().any(|f| &f.title.en == t))
        .collect();
    assert!(!hidden.is_empty(), "the sample has findings elsewhere");
    for title in hidden {
        assert!(h.query_by_label_contains(&title).is_none(), "{title} shown");
    }
}
