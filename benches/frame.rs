//! Frame time (CPU: the app's UI code and egui's layout, without GPU rendering) of every wizard
//! step on the bundled sample, through egui_kittest at 1366×768. Run with
//! `cargo bench --bench frame`.

use std::time::{Duration, Instant};

use egui_kittest::kittest::Queryable as _;
use egui_kittest::Harness;
use gardefou::knowledge::KnowledgeBase;
use gardefou::model::{Date, Lang};
use gardefou::settings::Settings;
use gardefou::ui::steps::Step;
use gardefou::ui::GardefouApp;

fn main() {
    let kb = KnowledgeBase::bundled().unwrap_or_else(|e| panic!("{e}"));
    let sample = gardefou::sample::sample().unwrap_or_else(|e| panic!("{e}"));
    let today = Date::from_ymd(2026, 11, 23).unwrap_or_else(|| panic!("date"));
    let settings = Settings {
        lang: Some(Lang::Fr),
        ..Settings::default()
    };
    let app = GardefouApp::new(&egui::Context::default(), sample, None, kb, settings, today);
    let mut harness = Harness::builder()
        .with_size(egui::vec2(1366.0, 768.0))
        .with_context_setup(|ctx| gardefou::ui::theme::install(ctx, false))
        .build_ui_state(|ui, app: &mut GardefouApp| app.frame_ui(ui), app);
    harness.run();
    println!("| step | median frame | slowest of 60 |");
    println!("|---|---:|---:|");
    for (index, step) in Step::ALL.iter().enumerate() {
        let nav = format!("{index}. {}", step.title(Lang::Fr));
        if let Some(node) = harness.get_all_by_label(&nav).next() {
            node.click();
        }
        harness.run();
        let mut times: Vec<Duration> = (0..60)
            .map(|_| {
                let start = Instant::now();
                harness.step();
                start.elapsed()
            })
            .collect();
        times.sort();
        println!(
            "| {} | {:.2?} | {:.2?} |",
            step.title(Lang::Fr),
            times[times.len() / 2],
            times[times.len() - 1]
        );
    }
    large_inventory();
}

/// The video-system step with 10,000 cameras: idle, scrolling the table, filtering it.
fn large_inventory() {
    let kb = KnowledgeBase::bundled().unwrap_or_else(|e| panic!("{e}"));
    let mut assessment = gardefou::sample::sample().unwrap_or_else(|e| panic!("{e}"));
    let template = assessment.cameras.clone();
    assessment.cameras = (0..10_000)
        .map(|n| {
            let mut camera = template[n % template.len()].clone();
            camera.camera_id = gardefou::model::CameraId::new(format!("CAM-{n:05}"));
            camera
        })
        .collect();
    let today = Date::from_ymd(2026, 11, 23).unwrap_or_else(|| panic!("date"));
    let settings = Settings {
        lang: Some(Lang::Fr),
        ..Settings::default()
    };
    let app = GardefouApp::new(
        &egui::Context::default(),
        assessment,
        None,
        kb,
        settings,
        today,
    );
    let mut harness = Harness::builder()
        .with_size(egui::vec2(1366.0, 768.0))
        .with_context_setup(|ctx| gardefou::ui::theme::install(ctx, false))
        .build_ui_state(|ui, app: &mut GardefouApp| app.frame_ui(ui), app);
    harness.run();
    harness.get_by_label("3. Système vidéo").click();
    harness.run();
    harness
        .get_by_label("Sélectionner les caméras affichées")
        .scroll_to_me();
    harness.run();
    let table = harness
        .get_by_label("Sélectionner les caméras affichées")
        .rect()
        .center()
        + egui::vec2(0.0, 160.0);
    let measure = |name: &str, harness: &mut Harness<'_, GardefouApp>, scroll: bool| {
        let mut times: Vec<Duration> = (0..60)
            .map(|_| {
                if scroll {
                    harness.hover_at(table);
                    harness.event(egui::Event::MouseWheel {
                        unit: egui::MouseWheelUnit::Point,
                        delta: egui::vec2(0.0, -200.0),
                        phase: egui::TouchPhase::Move,
                        source: egui::MouseWheelSource::Wheel,
                        modifiers: egui::Modifiers::NONE,
                    });
                }
                let start = Instant::now();
                harness.step();
                start.elapsed()
            })
            .collect();
        times.sort();
        println!(
            "| 10,000 cameras, {name} | {:.2?} | {:.2?} |",
            times[times.len() / 2],
            times[times.len() - 1]
        );
    };
    measure("video system, idle", &mut harness, false);
    measure("video system, scrolling the table", &mut harness, true);
    harness.state_mut().state.inventory.filter_text = "Centre".to_owned();
    measure("video system, filtered and scrolling", &mut harness, true);
}
