//! Frame time (CPU: the app's UI code and egui's layout, without GPU rendering) of every wizard
//! step on the sample, and of the video-system step with 10,000 cameras (idle, scrolling the
//! table, filtering it), through egui_kittest at 1366×768.
//!
//! Two clocks: the app's frame (`frame_ui`: our UI code and egui's layout of it — still paying
//! for the AccessKit nodes egui builds because the harness turns AccessKit on, which a desktop
//! session without a screen reader does not), and the whole harness step, which adds
//! tessellation and kittest's own AccessKit tree update — the conservative figure.

use std::cell::Cell;
use std::rc::Rc;
use std::time::{Duration, Instant};

use crate::common::{median, with_cameras, Row};
use egui_kittest::kittest::Queryable as _;
use egui_kittest::Harness;
use gardefou::knowledge::KnowledgeBase;
use gardefou::model::{Assessment, Date, Lang};
use gardefou::settings::Settings;
use gardefou::ui::steps::Step;
use gardefou::ui::GardefouApp;

/// The frame-time target of the issues.
const TARGET: Duration = Duration::from_millis(8);

/// A harness on `assessment`, and the clock of its last `frame_ui`.
fn harness(assessment: Assessment) -> (Harness<'static, GardefouApp>, Rc<Cell<Duration>>) {
    let kb = KnowledgeBase::bundled().unwrap_or_else(|e| panic!("{e}"));
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
    let clock = Rc::new(Cell::new(Duration::ZERO));
    let frame_clock = Rc::clone(&clock);
    let mut harness = Harness::builder()
        .with_size(egui::vec2(1366.0, 768.0))
        .with_context_setup(|ctx| gardefou::ui::theme::install(ctx, false))
        .build_ui_state(
            move |ui, app: &mut GardefouApp| {
                // Added up: egui may run more than one pass in a step.
                let start = Instant::now();
                app.frame_ui(ui);
                frame_clock.set(frame_clock.get() + start.elapsed());
            },
            app,
        );
    harness.run();
    (harness, clock)
}

/// Sorted times of the app's frame and of the whole harness step.
struct Frames {
    app: Vec<Duration>,
    step: Vec<Duration>,
}

/// Times 60 frames, each after `before` (which may queue input).
fn frames(
    (harness, clock): &mut (Harness<'static, GardefouApp>, Rc<Cell<Duration>>),
    mut before: impl FnMut(&mut Harness<'static, GardefouApp>),
) -> Frames {
    let mut app = Vec::new();
    let mut step = Vec::new();
    for _ in 0..60 {
        before(harness);
        clock.set(Duration::ZERO);
        let start = Instant::now();
        harness.step();
        step.push(start.elapsed());
        app.push(clock.get());
    }
    app.sort();
    step.sort();
    Frames { app, step }
}

fn row(case: String, frames: &Frames) -> Row {
    Row {
        area: "frame",
        case,
        median: median(&frames.app),
        worst: frames.app.last().copied(),
        target: Some(TARGET),
        note: format!(
            "60 frames; whole harness step {:.2?} median, {:.2?} slowest",
            median(&frames.step),
            frames.step.last().copied().unwrap_or_default()
        ),
    }
}

/// Measures and returns the rows.
pub fn rows() -> Vec<Row> {
    let sample = gardefou::sample::sample().unwrap_or_else(|e| panic!("{e}"));
    let mut rows = Vec::new();
    let mut harness = harness(sample.clone());
    for (index, step) in Step::ALL.iter().enumerate() {
        let nav = format!("{index}. {}", step.title(Lang::Fr));
        if let Some(node) = harness.0.get_all_by_label(&nav).next() {
            node.click();
        }
        harness.0.run();
        let times = frames(&mut harness, |_| {});
        rows.push(row(
            format!("step « {} », sample", step.title(Lang::Fr)),
            &times,
        ));
    }

    drop(harness);
    let mut harness = harness_on_video_step(with_cameras(&sample, 10_000));
    let table = harness
        .0
        .get_by_label("Sélectionner les caméras affichées")
        .rect()
        .center()
        + egui::vec2(0.0, 160.0);
    // The pointer rests over the table; each measured frame then takes one wheel event (kittest
    // runs one frame per queued event, so a hover queued too would time two frames as one).
    harness.0.hover_at(table);
    harness.0.run();
    let scroll = |h: &mut Harness<'static, GardefouApp>| {
        h.event(egui::Event::MouseWheel {
            unit: egui::MouseWheelUnit::Point,
            delta: egui::vec2(0.0, -200.0),
            phase: egui::TouchPhase::Move,
            source: egui::MouseWheelSource::Wheel,
            modifiers: egui::Modifiers::NONE,
        });
    };
    let idle = frames(&mut harness, |_| {});
    rows.push(row("video system, 10,000 cameras, idle".to_owned(), &idle));
    assert!(
        harness.0.query_by_label("CAM-00000").is_some(),
        "the table starts at its first camera"
    );
    let scrolling = frames(&mut harness, scroll);
    assert!(
        harness.0.query_by_label("CAM-00000").is_none(),
        "the wheel events scrolled the table"
    );
    rows.push(row(
        "video system, 10,000 cameras, scrolling the table".to_owned(),
        &scrolling,
    ));
    harness.0.state_mut().state.inventory.filter_text = "Centre".to_owned();
    let filtered = frames(&mut harness, scroll);
    rows.push(row(
        "video system, 10,000 cameras, filtered and scrolling".to_owned(),
        &filtered,
    ));
    drop(harness);
    rows.push(changes_window(&sample));
    rows.push(merge_window(&sample));
    rows.extend(portfolio_view());
    rows.extend(plan_view(&sample));
    rows.extend(city_plan_view());
    rows
}

/// A plan of 8,000 × 8,000 pixels with 2,000 cameras placed (a grid of 40 × 50, every kind of
/// field of view) and 400 zones; the bench draws it on an 8,000 × 8,000 picture, idle, then
/// panned and zoomed on every frame.
pub fn large_plan(sample: &Assessment) -> Assessment {
    use gardefou::model::geometry::Point;
    use gardefou::model::{Placement, SitePlan, Zone, ZoneKind};
    let mut a = with_cameras(sample, 2_000);
    let perimeter = "Centre-ville".to_owned();
    for camera in a.cameras.iter_mut() {
        camera.perimeter = perimeter.clone();
    }
    let placements = a
        .cameras
        .iter()
        .enumerate()
        .map(|(n, camera)| Placement {
            camera_id: camera.camera_id.clone(),
            position: Point::new(
                100.0 + (n % 40) as f64 * 195.0,
                100.0 + (n / 40) as f64 * 155.0,
            ),
            direction_degrees: (n * 37 % 360) as f64,
            angle_degrees: [60.0, 90.0, 180.0, 360.0][n % 4],
            range_metres: 30.0,
            masks: Vec::new(),
            optics_unknown: false,
            view_check: None,
        })
        .collect();
    let zones = (0..400)
        .map(|n| {
            let (x, y) = (
                150.0 + (n % 20) as f64 * 390.0,
                130.0 + (n / 20) as f64 * 390.0,
            );
            Zone {
                zone_id: format!("Z-{n}").as_str().into(),
                kind: ZoneKind::ALL[n % 5],
                label: format!("Zone {n}"),
                points: vec![
                    Point::new(x, y),
                    Point::new(x + 60.0, y),
                    Point::new(x + 60.0, y + 40.0),
                    Point::new(x, y + 40.0),
                ],
            }
        })
        .collect();
    a.plans = vec![SitePlan {
        plan_id: "PLAN-1".into(),
        title: "8 000 × 8 000".into(),
        perimeter,
        width: 8_000,
        height: 8_000,
        metres_per_pixel: Some(0.25),
        placements,
        zones,
        ..SitePlan::default()
    }];
    a
}

/// `a` with its first plan drawn on an 8,000 × 8,000 picture (a street grid), written in `dir`.
fn with_background(mut a: Assessment, dir: &std::path::Path) -> Assessment {
    let picture = image::RgbImage::from_fn(8_000, 8_000, |x, y| {
        if x % 400 < 24 || y % 400 < 24 {
            image::Rgb([255, 255, 255])
        } else {
            image::Rgb([217, 208, 201])
        }
    });
    let file = dir.join("plan-8000.png");
    picture.save(&file).unwrap_or_else(|e| panic!("{e}"));
    let today = gardefou::model::Date::from_ymd(2026, 11, 23).unwrap_or_else(|| panic!("date"));
    let mut document = gardefou::storage::evidence::attach(
        None,
        &file,
        gardefou::model::EvidenceKind::SitePlan,
        "8 000 × 8 000",
        today,
    )
    .unwrap_or_else(|e| panic!("{e}"));
    document.evidence_id = "EV-PLAN".into();
    a.evidence.push(document);
    if let Some(plan) = a.plans.first_mut() {
        plan.background = Some("EV-PLAN".into());
    }
    a
}

fn plan_view(sample: &Assessment) -> Vec<Row> {
    let dir = std::env::temp_dir().join(format!("gardefou-bench-plan-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap_or_else(|e| panic!("{e}"));
    let mut harness = harness(with_background(large_plan(sample), &dir));
    let ctx = harness.0.ctx.clone();
    harness.0.state_mut().apply(
        &ctx,
        gardefou::ui::action::Action::GoTo(Step::VideoSystem, Some("plans[PLAN-1]".into())),
    );
    for _ in 0..5 {
        harness.0.step();
    }
    assert!(
        harness.0.query_by_label("Voir tout le plan").is_some(),
        "the plan editor is on screen"
    );
    // The picture is read on a thread: wait until it is drawn.
    for _ in 0..600 {
        if harness
            .0
            .query_by_label("plan-8000.png (pièce EV-PLAN)")
            .is_some()
        {
            break;
        }
        std::thread::sleep(std::time::Duration::from_millis(50));
        harness.0.step();
    }
    assert!(
        harness
            .0
            .query_by_label("plan-8000.png (pièce EV-PLAN)")
            .is_some(),
        "the background is drawn"
    );
    plan_frames(
        &mut harness,
        "plan editor, 8,000² picture, 2,000 cameras, 400 zones, whole plan, idle",
        "plan editor, 8,000² picture, 2,000 cameras, panned and zoomed every frame",
    )
}

/// The plan editor on screen: its frames idle, then panned and zoomed on every frame.
fn plan_frames(
    harness: &mut (Harness<'static, GardefouApp>, Rc<Cell<Duration>>),
    idle_case: &str,
    panning_case: &str,
) -> Vec<Row> {
    let idle = frames(harness, |_| {});
    let mut n = 0u32;
    let panning = frames(harness, |h| {
        n += 1;
        let state = &mut h.state_mut().state.plans;
        for view in state.views.values_mut() {
            view.offset += egui::vec2(if n.is_multiple_of(2) { 40.0 } else { -35.0 }, 25.0);
            view.zoom *= if n.is_multiple_of(2) { 1.08 } else { 0.95 };
        }
    });
    vec![
        row(idle_case.to_owned(), &idle),
        row(panning_case.to_owned(), &panning),
    ]
}

/// The plan editor on a city's 2,000 cameras imported from its open data onto one plan (sites
/// of one to seven cameras, denser near the centre): idle, and panned and zoomed every frame.
fn city_plan_view() -> Vec<Row> {
    let dir = std::env::temp_dir().join(format!("gardefou-bench-city-plan-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap_or_else(|e| panic!("{e}"));
    let today = Date::from_ymd(2026, 12, 7).unwrap_or_else(|| panic!("date"));
    let session = crate::city::city(&dir.join("ville.csv"), 2_000, 1, today);
    std::fs::remove_dir_all(&dir).ok();
    let plan = session.assessment.plans[0].plan_id.to_string();
    let mut harness = harness(session.assessment.clone());
    let ctx = harness.0.ctx.clone();
    harness.0.state_mut().apply(
        &ctx,
        gardefou::ui::action::Action::GoTo(
            Step::VideoSystem,
            Some(format!("plans[{plan}]").into()),
        ),
    );
    for _ in 0..5 {
        harness.0.step();
    }
    assert!(
        harness.0.query_by_label("Voir tout le plan").is_some(),
        "the plan editor is on screen"
    );
    plan_frames(
        &mut harness,
        "plan editor, a city's 2,000 clustered cameras from its open data, idle",
        "plan editor, a city's 2,000 clustered cameras, panned and zoomed every frame",
    )
}

/// The portfolio view on 500 assessments: idle, and scrolling its table.
fn portfolio_view() -> Vec<Row> {
    let (dir, _) = crate::portfolio::folder(crate::portfolio::COUNT);
    let sample = gardefou::sample::sample().unwrap_or_else(|e| panic!("{e}"));
    let mut harness = harness(sample);
    let ctx = harness.0.ctx.clone();
    harness.0.state_mut().apply(
        &ctx,
        gardefou::ui::action::Action::ScanPortfolio(dir.clone()),
    );
    let started = Instant::now();
    while harness.0.state().state.portfolio.is_scanning() && started.elapsed().as_secs() < 60 {
        std::thread::sleep(Duration::from_millis(20));
        harness.0.step();
    }
    harness.0.run();
    assert_eq!(
        harness.0.state().state.portfolio.entries.len(),
        crate::portfolio::COUNT,
        "every assessment listed"
    );
    let mut rows = Vec::new();
    let idle = frames(&mut harness, |_| {});
    rows.push(row(
        "portfolio view, 500 assessments, idle".to_owned(),
        &idle,
    ));
    let table = harness.0.get_by_label("Organisme").rect().center() + egui::vec2(0.0, 200.0);
    harness.0.hover_at(table);
    harness.0.run();
    let scrolling = frames(&mut harness, |h| {
        h.event(egui::Event::MouseWheel {
            unit: egui::MouseWheelUnit::Point,
            delta: egui::vec2(0.0, -120.0),
            phase: egui::TouchPhase::Move,
            source: egui::MouseWheelSource::Wheel,
            modifiers: egui::Modifiers::NONE,
        });
    });
    rows.push(row(
        "portfolio view, 500 assessments, scrolling the table".to_owned(),
        &scrolling,
    ));
    drop(harness);
    std::fs::remove_dir_all(&dir).ok();
    rows
}

/// The « changes since version N » window open on 10,000 cameras with 20 versions, 5,000
/// cameras changed since the last one.
fn changes_window(sample: &Assessment) -> Row {
    let mut session = crate::common::with_twenty_versions(sample);
    for camera in session.assessment.cameras.iter_mut().step_by(2) {
        camera.notes = "modifiée depuis la dernière version".to_owned();
    }
    // Through a file, as the app gets it: the last version's edit script is brought up to date
    // when written.
    let path = std::env::temp_dir().join(format!("gardefou-frame-{}.aipd.ron", std::process::id()));
    session.save_as(&path).unwrap_or_else(|e| panic!("{e}"));
    let assessment = gardefou::storage::load(&path).unwrap_or_else(|e| panic!("{e}"));
    std::fs::remove_file(&path).ok();
    let mut harness = harness(assessment);
    harness.0.state_mut().state.step = Step::Opinions;
    let ctx = harness.0.ctx.clone();
    harness
        .0
        .state_mut()
        .apply(&ctx, gardefou::ui::action::Action::ShowChanges);
    harness.0.run();
    assert!(
        harness.0.state().state.changes.is_some(),
        "the changes window is open"
    );
    let times = frames(&mut harness, |_| {});
    row(
        "changes window open, 10,000 cameras, 20 versions, 5,000 changed".to_owned(),
        &times,
    )
}

/// The merge window open on a copy in 1,000 conflicts with the assessment (every camera's
/// location changed on both sides, no common version).
fn merge_window(sample: &Assessment) -> Row {
    let mine = with_cameras(sample, 1_000);
    let mut theirs = mine.clone();
    for camera in theirs.cameras.iter_mut() {
        camera.location = format!("{} (copie)", camera.location);
    }
    let dir = std::env::temp_dir().join(format!("gardefou-bench-merge-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap_or_else(|e| panic!("{e}"));
    let copy = dir.join("copie.aipd.ron");
    gardefou::storage::save(&copy, &theirs).unwrap_or_else(|e| panic!("{e}"));
    let mut harness = harness(mine);
    let ctx = harness.0.ctx.clone();
    harness.0.state_mut().state.merge = Some(gardefou::ui::state::MergeForm::default());
    harness.0.state_mut().apply(
        &ctx,
        gardefou::ui::action::Action::PrepareMerge(copy.clone()),
    );
    harness.0.run();
    let conflicts = harness
        .0
        .state()
        .state
        .merge
        .as_ref()
        .and_then(|m| m.prepared.as_ref())
        .map_or(0, |p| p.conflicts.len());
    assert!(conflicts >= 1_000, "{conflicts} conflicts");
    let times = frames(&mut harness, |_| {});
    std::fs::remove_dir_all(&dir).ok();
    row(format!("merge window open, {conflicts} conflicts"), &times)
}

/// A harness on the video-system step, its camera table in view.
fn harness_on_video_step(
    assessment: Assessment,
) -> (Harness<'static, GardefouApp>, Rc<Cell<Duration>>) {
    let (mut harness, clock) = harness(assessment);
    harness.get_by_label("3. Système vidéo").click();
    harness.run();
    harness
        .get_by_label("Sélectionner les caméras affichées")
        .scroll_to_me();
    harness.run();
    (harness, clock)
}
