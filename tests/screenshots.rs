//! The README's pictures of the wizard, rendered by the app itself: every step of the sample in
//! French, the camera inventory, two steps in English, and the dark theme, each written to
//! `docs/screenshots/`. Built only
//! with the `screenshots` feature (wgpu on a software renderer, long to build):
//! `cargo test --features screenshots --test screenshots`.
#![cfg(feature = "screenshots")]

mod common;

use egui_kittest::kittest::Queryable as _;
use egui_kittest::Harness;
use gardefou::model::path::{self, FieldPath};
use gardefou::model::Lang;
use gardefou::settings::Settings;
use gardefou::ui::action::Action;
use gardefou::ui::steps::Step;
use gardefou::ui::GardefouApp;

/// The day the pictures show (the sample's deadlines are judged on it).
const TODAY: &str = "2026-11-23";

fn harness(lang: Lang, is_dark: bool) -> Harness<'static, GardefouApp> {
    let settings = Settings {
        lang: Some(lang),
        is_dark,
        ..Settings::default()
    };
    let app = GardefouApp::new(
        &egui::Context::default(),
        common::sample(),
        None,
        common::kb(),
        settings,
        common::day(TODAY),
    );
    let mut harness = Harness::builder()
        .with_size(egui::vec2(1366.0, 860.0))
        .with_max_steps(12)
        .with_theme(if is_dark {
            egui::Theme::Dark
        } else {
            egui::Theme::Light
        })
        .with_context_setup(move |ctx| gardefou::ui::theme::install(ctx, is_dark))
        .build_ui_state(|ui, app: &mut GardefouApp| app.frame_ui(ui), app);
    harness.run();
    harness
}

/// Opens `step` from the navigator and writes the window as `docs/screenshots/NAME.png`.
fn shoot(h: &mut Harness<'static, GardefouApp>, lang: Lang, step: Step, name: &str) {
    let index = Step::ALL.iter().position(|s| *s == step).unwrap_or(0);
    h.get_all_by_label(&format!("{index}. {}", step.title(lang)))
        .next()
        .expect("navigator entry")
        .click();
    h.run();
    assert_eq!(h.state().state.step, step, "{name}: the step did not open");
    save(h, name);
}

/// Goes to the widget of `field` (as « go to the field » does) and writes the window.
fn shoot_at(h: &mut Harness<'static, GardefouApp>, field: FieldPath, name: &str) {
    let step = Step::of_field(&field).expect("a known field");
    let ctx = h.ctx.clone();
    h.state_mut().apply(&ctx, Action::GoTo(step, Some(field)));
    for _ in 0..4 {
        h.step();
    }
    h.run();
    save(h, name);
}

fn save(h: &mut Harness<'static, GardefouApp>, name: &str) {
    // No pointer on the picture, and nothing left hovered under it.
    h.event(egui::Event::PointerGone);
    h.run();
    h.set_render_cursor(false);
    let image = h.render().expect("render");
    // A picture of a blank window would say nothing: the step's text must be on it.
    let distinct: std::collections::BTreeSet<[u8; 4]> = image.pixels().map(|p| p.0).collect();
    assert!(distinct.len() > 50, "{name}: {} colours", distinct.len());
    let out = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("docs/screenshots")
        .join(format!("{name}.png"));
    image.save(&out).expect("write the picture");
}

#[test]
fn every_step_of_the_sample_in_french_and_two_in_english_and_dark() {
    let mut h = harness(Lang::Fr, false);
    for (n, step) in Step::ALL.iter().enumerate() {
        let name = format!("wizard-{n}-{}-fr", format!("{step:?}").to_lowercase());
        shoot(&mut h, Lang::Fr, *step, &name);
    }
    shoot_at(&mut h, path::CAMERAS, "wizard-3-inventory-fr");
    let mut h = harness(Lang::En, false);
    shoot(&mut h, Lang::En, Step::Screening, "wizard-1-screening-en");
    shoot(&mut h, Lang::En, Step::Risks, "wizard-5-risks-en");
    let mut h = harness(Lang::En, true);
    shoot(&mut h, Lang::En, Step::VideoSystem, "dark-theme");
}
