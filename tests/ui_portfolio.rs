//! The portfolio view driven as a user would, headless (egui_kittest): a folder typed and read
//! in the background, the table sorted by a column and filtered, an assessment opened from its
//! row and the top bar's « Portfolio » coming back to the table as it was; the report and the
//! calendar written from the view; the remembered folder shown at start.

mod common;

use std::path::{Path, PathBuf};

use egui_kittest::kittest::Queryable as _;
use egui_kittest::Harness;
use gardefou::model::{Assessment, Lang};
use gardefou::portfolio::table::{Column, Show};
use gardefou::settings::Settings;
use gardefou::ui::GardefouApp;

fn app(lang: Lang) -> GardefouApp {
    let settings = Settings {
        lang: Some(lang),
        ..Settings::default()
    };
    GardefouApp::new(
        &egui::Context::default(),
        Assessment::default(),
        None,
        common::kb(),
        settings,
        common::day("2026-12-01"),
    )
}

fn harness(app: GardefouApp) -> Harness<'static, GardefouApp> {
    let mut harness = Harness::builder()
        .with_size(egui::vec2(1366.0, 768.0))
        .with_max_steps(12)
        .with_context_setup(|ctx| gardefou::ui::theme::install(ctx, false))
        .build_ui_state(|ui, app: &mut GardefouApp| app.frame_ui(ui), app);
    harness.run();
    harness
}

/// Seven communes of the demonstration portfolio and a damaged file.
fn folder() -> tempfile::TempDir {
    let dir = tempfile::tempdir().expect("temp dir");
    for index in 0..7 {
        let a = gardefou::sample::portfolio_member(index, 15).expect("member");
        let path = dir.path().join(format!("m{index}.aipd.ron"));
        gardefou::storage::save(&path, &a).expect("save");
    }
    std::fs::write(dir.path().join("abime.aipd.ron"), "(oops").expect("write");
    dir
}

/// Steps until the scan has ended.
fn wait_for_scan(h: &mut Harness<'static, GardefouApp>) {
    let started = std::time::Instant::now();
    h.step();
    while h.state().state.portfolio.is_scanning() {
        assert!(started.elapsed().as_secs() < 30, "the scan ends");
        std::thread::sleep(std::time::Duration::from_millis(10));
        h.step();
    }
    h.run();
}

fn y_of(h: &Harness<'static, GardefouApp>, label: &str) -> f32 {
    h.get_by_label(label).rect().center().y
}

fn type_into(h: &mut Harness<'static, GardefouApp>, label: &str, text: &str) {
    h.get_by_role_and_label(egui::accesskit::Role::TextInput, label)
        .focus();
    h.run();
    h.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::A);
    h.key_press(egui::Key::Backspace);
    h.run();
    h.get_by_role_and_label(egui::accesskit::Role::TextInput, label)
        .type_text(text);
    h.run();
}

fn read_folder(h: &mut Harness<'static, GardefouApp>, dir: &Path) {
    type_into(h, "Folder:", &dir.display().to_string());
    h.get_by_label("Scan the folder").click();
    wait_for_scan(h);
}

#[test]
fn the_portfolio_sorts_filters_opens_an_assessment_and_comes_back_as_it_was() {
    let dir = folder();
    let mut h = harness(app(Lang::En));
    h.get_by_label("Portfolio").click();
    h.run();
    assert!(h.state().state.mode.is_portfolio());
    read_folder(&mut h, dir.path());
    assert_eq!(
        h.state().state.portfolio.entries.len(),
        8,
        "seven rows and the damaged file"
    );
    assert_eq!(
        h.state().settings.portfolio_folder.as_deref(),
        Some(dir.path()),
        "the folder is remembered for the next start"
    );
    // Soonest authorisation end first: Saint-Aubin's (expired in June) above Bellerive's.
    assert!(y_of(&h, "Commune de Saint-Aubin-sur-Lys") < y_of(&h, "Commune de Bellerive"));
    assert!(
        h.query_all_by_label("OVERDUE").count() >= 2,
        "passed deadlines say so in words"
    );
    // Sorting by organisation: Bellerive first; again: last.
    h.get_by_label("Organisation").click();
    h.run();
    assert!(y_of(&h, "Commune de Bellerive") < y_of(&h, "Commune de Saint-Aubin-sur-Lys"));
    h.get_by_label("Organisation ▲").click();
    h.run();
    assert!(y_of(&h, "Commune de Vernay-les-Bois") < y_of(&h, "Commune de Bellerive"));
    h.get_by_label("Organisation ▼").click();
    h.run();
    // Only the assessments with a blocking finding: two expired, one in operation without.
    h.get_by_label("With a blocking finding").click();
    h.run();
    assert!(h.query_by_label("Commune de Bellerive").is_none());
    for kept in [
        "Commune de Saint-Aubin-sur-Lys",
        "Commune de Vernay-les-Bois",
        "Commune de Villeneuve-du-Val",
    ] {
        assert!(h.query_by_label(kept).is_some(), "{kept}");
    }
    h.get_by_label("Unreadable").click();
    h.run();
    assert!(h.query_by_label("UNREADABLE").is_some());
    assert!(h.query_by_label("abime.aipd.ron").is_some());
    h.get_by_label("All").click();
    h.run();
    type_into(&mut h, "Search:", "bellerive");
    assert!(h.query_by_label("Commune de Vernay-les-Bois").is_none());
    // Select the row, open it.
    h.get_by_label("Commune de Bellerive").click();
    h.run();
    h.get_by_label("Open the assessment").click();
    h.run();
    assert!(!h.state().state.mode.is_portfolio());
    assert_eq!(
        h.state().session.path(),
        Some(dir.path().join("m3.aipd.ron").as_path())
    );
    assert_eq!(
        h.state().session.assessment.project.organisation,
        "Commune de Bellerive"
    );
    // Back: the same folder, sort, search and selection.
    h.get_by_label("Portfolio").click();
    wait_for_scan(&mut h);
    let view = &h.state().state.portfolio;
    assert!(h.state().state.mode.is_portfolio());
    assert_eq!(view.sort.column, Column::Organisation);
    assert_eq!(view.show, Show::All);
    assert_eq!(view.query, "bellerive");
    assert_eq!(view.selected, Some(dir.path().join("m3.aipd.ron")));
    assert!(h.query_by_label("Commune de Bellerive").is_some());
}

#[test]
fn the_view_writes_the_report_and_the_calendar_file() {
    let dir = folder();
    let out = tempfile::tempdir().expect("temp dir");
    let mut h = harness(app(Lang::Fr));
    h.get_by_label("Portefeuille").click();
    h.run();
    type_into(&mut h, "Dossier\u{a0}:", &dir.path().display().to_string());
    h.get_by_label("Lire le dossier").click();
    wait_for_scan(&mut h);
    let stem: PathBuf = out.path().join("lundi.pdf");
    type_into(&mut h, "Écrire vers\u{a0}:", &stem.display().to_string());
    h.get_by_label("Rapport PDF").click();
    h.run();
    h.get_by_label("Calendrier (.ics)").click();
    h.run();
    let pdf = std::fs::read(out.path().join("lundi.pdf")).expect("the report");
    assert!(pdf.starts_with(b"%PDF-"));
    let ics = std::fs::read_to_string(out.path().join("lundi.ics")).expect("the calendar");
    assert!(ics.contains("BEGIN:VEVENT"));
    assert!(ics.contains("Commune de Bellerive"));
    for entry in std::fs::read_dir(dir.path()).expect("list").flatten() {
        let name = entry.file_name().to_string_lossy().into_owned();
        assert!(
            name.ends_with(".aipd.ron"),
            "nothing but the assessments in the folder: {name}"
        );
    }
}

#[test]
fn the_remembered_portfolio_is_shown_at_start() {
    let dir = folder();
    let ctx = egui::Context::default();
    let app = app(Lang::En).with_portfolio(&ctx, dir.path().to_owned());
    let mut h = harness(app);
    wait_for_scan(&mut h);
    assert!(h.state().state.mode.is_portfolio());
    assert!(
        h.query_by_label("Commune de Lavaud").is_none(),
        "not in this folder"
    );
    assert!(h.query_by_label("Commune de Les Aulnaies").is_some());
}
