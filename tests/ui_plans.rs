//! The plan editor driven as a user would, headless (egui_kittest): a finding about a plan
//! opens it on the camera; clearing a camera's masks raises R21 naming the dwelling, undo puts
//! them back; taking a camera off its plan raises PLAN-UNPLACED and the « place » tool puts it
//! back where the sheet is clicked; a picture typed as a plan's background is read, attached and
//! named, a damaged one refused with nothing attached. The window is tall, so every button is
//! on screen.

mod common;

use egui_kittest::kittest::Queryable as _;
use egui_kittest::Harness;
use gardefou::model::{Lang, PlanId};
use gardefou::settings::Settings;
use gardefou::ui::action::Action;
use gardefou::ui::steps::video_system::plans::{Selected, Tool};
use gardefou::ui::steps::Step;
use gardefou::ui::GardefouApp;

fn harness() -> Harness<'static, GardefouApp> {
    harness_on(common::sample(), Lang::Fr)
}

/// The app on `a`, in `lang`, in a window tall enough for every plan.
fn harness_on(a: gardefou::model::Assessment, lang: Lang) -> Harness<'static, GardefouApp> {
    let settings = Settings {
        lang: Some(lang),
        ..Settings::default()
    };
    let app = GardefouApp::new(
        &egui::Context::default(),
        a,
        None,
        common::kb(),
        settings,
        common::day("2026-11-23"),
    );
    let mut harness = Harness::builder()
        .with_size(egui::vec2(1366.0, 8000.0))
        .with_max_steps(12)
        .with_context_setup(|ctx| gardefou::ui::theme::install(ctx, false))
        .build_ui_state(|ui, app: &mut GardefouApp| app.frame_ui(ui), app);
    harness.run();
    harness
}

fn go_to(h: &mut Harness<'static, GardefouApp>, field: &str) {
    let ctx = h.ctx.clone();
    h.state_mut()
        .apply(&ctx, Action::GoTo(Step::VideoSystem, Some(field.into())));
    for _ in 0..6 {
        h.step();
    }
    h.run();
}

/// A plan picture of 1,600 × 1,000 pixels, as PNG bytes.
fn plan_png() -> Vec<u8> {
    let mut bytes = Vec::new();
    image::RgbImage::from_pixel(1600, 1000, image::Rgb([230, 225, 215]))
        .write_to(
            &mut std::io::Cursor::new(&mut bytes),
            image::ImageFormat::Png,
        )
        .expect("encode");
    bytes
}

/// Moves the pointer to `at` and clicks there (the canvas takes clicks, not widgets).
fn click_at(h: &mut Harness<'static, GardefouApp>, at: egui::Pos2) {
    h.hover_at(at);
    h.run();
    for pressed in [true, false] {
        h.event(egui::Event::PointerButton {
            pos: at,
            button: egui::PointerButton::Primary,
            pressed,
            modifiers: egui::Modifiers::NONE,
        });
        h.run();
    }
}

fn r21(h: &Harness<'static, GardefouApp>) -> Option<String> {
    finding(h, "R21")
}

fn finding(h: &Harness<'static, GardefouApp>, rule: &str) -> Option<String> {
    h.state()
        .session
        .report()
        .by_rule(rule)
        .next()
        .map(|f| f.message.fr.clone())
}

#[test]
fn a_camera_s_masks_decide_r21_and_undo_puts_them_back() {
    let mut h = harness();
    assert!(r21(&h).is_none(), "the sample's masks cover its dwellings");
    go_to(&mut h, "plans[PLAN-1].placements[CAM-003].masks");
    let plans = &h.state().state.plans;
    assert_eq!(plans.plan, Some(PlanId::new("PLAN-1")));
    assert_eq!(plans.selected, Some(Selected::Camera("CAM-003".into())));
    assert!(h.query_by_label("Caméra CAM-003").is_some());
    assert!(h
        .query_by_label("Voit Immeubles d'habitation n° 1 (habitation), masquée")
        .is_some());
    h.get_by_label("Effacer les masques").click();
    h.run();
    let masks = h.state().session.assessment.plans[0]
        .placement(&"CAM-003".into())
        .map(|p| p.masks.len());
    assert_eq!(masks, Some(0), "the masks are cleared");
    // A sector touching a dwelling on a plan proves no view of its inside or entrance: to
    // check on the image (high), never blocking by itself.
    let message = finding(&h, "R21-PLAN").expect("R21-PLAN once the masks are gone");
    assert!(
        message.contains("CAM-003 → Immeubles d'habitation n° 1"),
        "{message}"
    );
    assert!(r21(&h).is_none(), "the plan alone does not block");
    // The check is recorded with who looked: confirmed, it blocks…
    h.state_mut().settings.user_name = "Claire Vasseur".into();
    h.run();
    h.get_by_label("Confirmé\u{a0}: l’image montre l’intérieur ou une entrée")
        .click();
    h.run();
    let message = r21(&h).expect("R21 once the view is confirmed");
    assert!(message.contains("CAM-003"), "{message}");
    assert!(h
        .query_by_label_contains("Confirmé par Claire Vasseur le")
        .is_some());
    // …withdrawn then checked clear, nothing remains.
    h.get_by_label("Retirer").click();
    h.run();
    assert!(finding(&h, "R21-PLAN").is_some());
    h.get_by_label("Vérifié sur image\u{a0}: ni intérieur ni entrée")
        .click();
    h.run();
    assert!(r21(&h).is_none() && finding(&h, "R21-PLAN").is_none());
    let check = h.state().session.assessment.plans[0]
        .placement(&"CAM-003".into())
        .and_then(|p| p.view_check.clone())
        .expect("recorded");
    assert_eq!(check.by, "Claire Vasseur");
    assert!(!check.sees_inside_or_entrance);
    // Undo, step by step, brings the masks back.
    for _ in 0..10 {
        let masks = h.state().session.assessment.plans[0]
            .placement(&"CAM-003".into())
            .map_or(0, |p| p.masks.len());
        if masks > 0 {
            break;
        }
        h.get_by_label("Annuler").click();
        h.run();
    }
    let masks = h.state().session.assessment.plans[0]
        .placement(&"CAM-003".into())
        .map_or(0, |p| p.masks.len());
    assert!(masks > 0, "undo brings the masks back");
    assert!(r21(&h).is_none() && finding(&h, "R21-PLAN").is_none());
}

#[test]
fn a_camera_taken_off_its_plan_is_missed_and_placed_back_where_the_sheet_is_clicked() {
    let mut h = harness();
    go_to(&mut h, "plans[PLAN-1].placements[CAM-005]");
    h.get_by_label("Retirer du plan").click();
    h.run();
    let unplaced: Vec<String> = h
        .state()
        .session
        .report()
        .by_rule("PLAN-UNPLACED")
        .map(|f| f.message.fr.clone())
        .collect();
    assert!(
        unplaced.iter().any(|m| m.contains("CAM-005")),
        "{unplaced:?}"
    );
    h.get_by_label("Placer une caméra").click();
    h.run();
    assert_eq!(h.state().state.plans.tool, Tool::Place);
    assert_eq!(
        h.state().state.plans.camera_to_place,
        Some("CAM-005".into()),
        "the perimeter's camera not on the plan comes first"
    );
    // Click the middle of the sheet: the canvas is under the tools' hint.
    let hint = h
        .get_by_label("Cliquez sur le plan à l’emplacement de la caméra.")
        .rect();
    click_at(
        &mut h,
        egui::pos2(hint.left() + 300.0, hint.bottom() + 200.0),
    );
    let a = &h.state().session.assessment;
    let placed = a.plans[0]
        .placement(&"CAM-005".into())
        .expect("placed again");
    assert!(placed.position.x > 0.0 && placed.position.y > 0.0);
    assert!(h
        .state()
        .session
        .report()
        .by_rule("PLAN-UNPLACED")
        .next()
        .is_none());
}

/// Steps the app until `done` holds (the picture is read on a thread of its own).
fn step_until(h: &mut Harness<'static, GardefouApp>, done: impl Fn(&GardefouApp) -> bool) {
    for _ in 0..400 {
        if done(h.state()) {
            h.run();
            return;
        }
        std::thread::sleep(std::time::Duration::from_millis(25));
        h.step();
    }
    panic!("the background was not read in 10 s");
}

#[test]
fn a_picture_typed_as_background_is_checked_attached_and_drawn_and_a_broken_one_is_refused() {
    let dir = tempfile::tempdir().expect("dir");
    let mut h = harness();
    go_to(&mut h, "plans[PLAN-2]");
    let documents = h.state().session.assessment.evidence.len();

    // A damaged picture: the message says so and nothing joins the locker.
    let broken = dir.path().join("gare.png");
    std::fs::write(&broken, b"\x89PNG\r\n\x1a\n not really").expect("write");
    h.get_by_label("Image de fond\u{a0}:").focus();
    h.get_by_label("Image de fond\u{a0}:")
        .type_text(&broken.display().to_string());
    h.run();
    h.get_by_label("Poser comme fond").click();
    step_until(&mut h, |app| !app.state.plans.backgrounds.is_attaching());
    assert!(
        h.query_by_label_contains("Le fond de plan est endommagé")
            .is_some(),
        "the error is shown"
    );
    assert_eq!(h.state().session.assessment.evidence.len(), documents);

    // A real plan, 1,600 × 1,000 pixels.
    let bytes = plan_png();
    std::fs::write(&broken, &bytes).expect("write");
    h.get_by_label("Poser comme fond").click();
    step_until(&mut h, |app| {
        app.session.assessment.evidence.len() > documents
    });
    let a = &h.state().session.assessment;
    let document = a.evidence.last().expect("attached");
    assert_eq!(document.kind, gardefou::model::EvidenceKind::SitePlan);
    let plan = a
        .plans
        .iter()
        .find(|p| p.plan_id == PlanId::new("PLAN-2"))
        .expect("plan");
    assert_eq!(plan.background.as_ref(), Some(&document.evidence_id));
    assert_eq!((plan.width, plan.height), (1600, 1000));
    let shown = format!("gare.png (pièce {})", document.evidence_id);
    assert!(h.query_by_label(&shown).is_some(), "the editor names it");
    assert!(h
        .query_by_label_contains("Le fond de plan est endommagé")
        .is_none());

    // « Retirer le fond »: a blank sheet again; the document stays in the locker.
    h.get_by_label("Retirer le fond").click();
    h.run();
    let a = &h.state().session.assessment;
    assert!(a
        .plans
        .iter()
        .all(|p| p.plan_id != PlanId::new("PLAN-2") || p.background.is_none()));
    assert_eq!(a.evidence.len(), documents + 1);
    assert!(h.query_by_label("feuille blanche").is_some());
}

#[test]
fn the_risk_step_weighs_the_sensitive_places_the_plans_show_and_leads_to_the_camera() {
    let mut h = harness();
    h.state_mut().state.step = Step::Risks;
    h.run();
    // The callout, and the same finding in the findings panel.
    let shown = h
        .query_all_by_label_contains(
            "D’après les plans, 2 champ(s) de vision couvrent un lieu sensible",
        )
        .count();
    assert_eq!(shown, 2);
    h.get_by_label("Voir sur le plan").click();
    for _ in 0..6 {
        h.step();
    }
    h.run();
    assert_eq!(h.state().state.step, Step::VideoSystem);
    assert_eq!(h.state().state.plans.plan, Some(PlanId::new("PLAN-1")));
    assert!(matches!(
        &h.state().state.plans.selected,
        Some(Selected::Camera(id)) if id.as_str().starts_with("CAM-00")
    ));
}

#[test]
fn a_camera_dragged_from_the_tray_lands_where_it_is_let_go() {
    let mut h = harness();
    go_to(&mut h, "plans[PLAN-1].placements[CAM-005]");
    h.get_by_label("Retirer du plan").click();
    h.run();
    h.get_by_label("Placer une caméra").click();
    h.run();
    let chip = h.get_by_label("↓ CAM-005").rect().center();
    let target = chip + egui::vec2(250.0, 260.0);
    let press = |h: &mut Harness<'static, GardefouApp>, pos, pressed| {
        h.event(egui::Event::PointerButton {
            pos,
            button: egui::PointerButton::Primary,
            pressed,
            modifiers: egui::Modifiers::NONE,
        });
        h.step();
    };
    h.hover_at(chip);
    h.step();
    press(&mut h, chip, true);
    for n in 1..=10 {
        h.hover_at(chip + (target - chip) * (n as f32 / 10.0));
        h.step();
    }
    press(&mut h, target, false);
    h.run();
    let a = &h.state().session.assessment;
    let placed = a.plans[0]
        .placement(&"CAM-005".into())
        .expect("placed by the drop");
    let view = h.state().state.plans.views[&PlanId::new("PLAN-1")];
    // Where it was let go, on the sheet: the view maps it back within a pixel of the plan.
    assert!(
        placed.position.x > 0.0 && placed.position.y > 0.0,
        "{placed:?} {view:?}"
    );
    assert_eq!(
        h.state().state.plans.selected,
        Some(Selected::Camera("CAM-005".into()))
    );
}

#[test]
fn positions_from_a_gis_file_are_read_by_the_update_and_undone_in_one_step() {
    let dir = tempfile::tempdir().expect("dir");
    let file = dir.path().join("cameras.geojson");
    std::fs::write(
        &file,
        r#"{"type": "FeatureCollection", "features": [
        {"type": "Feature", "geometry": {"type": "Point", "coordinates": [3.1700, 50.6900]}, "properties": {"camera_id": "CAM-001"}},
        {"type": "Feature", "geometry": {"type": "Point", "coordinates": [3.1710, 50.6900]}, "properties": {"camera_id": "CAM-002"}}
    ]}"#,
    )
    .expect("write");
    let mut a = common::sample();
    a.plans.push(gardefou::model::SitePlan {
        plan_id: "PLAN-GEO".into(),
        perimeter: "Centre-ville".into(),
        ..gardefou::model::SitePlan::default()
    });
    let mut h = harness_on(a, Lang::En);
    h.run();
    let placed = |h: &Harness<'static, GardefouApp>| {
        h.state()
            .session
            .assessment
            .plans
            .iter()
            .find(|p| p.plan_id == PlanId::new("PLAN-GEO"))
            .map_or(0, |p| p.placements.len())
    };
    let ctx = h.ctx.clone();
    h.state_mut()
        .apply(&ctx, Action::ImportGeoJson(PlanId::new("PLAN-GEO"), file));
    h.run();
    assert_eq!(placed(&h), 2, "both points placed");
    let report = h
        .state()
        .state
        .plans
        .geojson_report
        .clone()
        .expect("a report");
    assert!(report.0.starts_with("2 cameras placed"), "{report:?}");
    assert!(!report.1);
    h.get_by_label("Undo").click();
    h.run();
    assert_eq!(placed(&h), 0, "one undo takes the import back");
    // A file that is not there is named, and nothing is placed.
    let ctx = h.ctx.clone();
    h.state_mut().apply(
        &ctx,
        Action::ImportGeoJson(PlanId::new("PLAN-GEO"), dir.path().join("missing.geojson")),
    );
    h.run();
    let report = h
        .state()
        .state
        .plans
        .geojson_report
        .clone()
        .expect("a report");
    assert!(
        report.1 && report.0.contains("missing.geojson"),
        "{report:?}"
    );
    assert_eq!(placed(&h), 0);
}

/// Issue 33, item 4: a picture attached as a plan's background with a world file beside it
/// (what a GIS exports) georeferences the plan: the editor says in which system and at what
/// scale, and a camera of the perimeter whose Lambert-93 position is known lands where it
/// stands; a world file that says nothing usable is named with the reason; the georeference can
/// be removed.
#[test]
fn a_background_with_its_world_file_beside_it_georeferences_the_plan() {
    let dir = tempfile::tempdir().expect("dir");
    let mut a = common::sample();
    a.cameras.push(gardefou::model::Camera {
        camera_id: "GARE-SIG".into(),
        perimeter: "Gare et pôle d'échanges".into(),
        location: "Parvis nord".into(),
        geo: Some(gardefou::model::GeoPoint::Lambert93 {
            x: 704_150.0,
            y: 7_059_900.0,
        }),
        ..gardefou::model::Camera::default()
    });
    let mut h = harness_on(a, Lang::Fr);
    go_to(&mut h, "plans[PLAN-2]");
    let bytes = plan_png();
    let picture = dir.path().join("ortho-gare.png");
    std::fs::write(&picture, &bytes).expect("write");
    // 0.25 m pixels from (704 000, 7 060 000): the camera is 600 px right, 400 px down.
    std::fs::write(
        dir.path().join("ortho-gare.pgw"),
        "0.25\n0\n0\n-0.25\n704000.125\n7059999.875\n",
    )
    .expect("write");
    h.get_by_label("Image de fond\u{a0}:").focus();
    h.get_by_label("Image de fond\u{a0}:")
        .type_text(&picture.display().to_string());
    h.run();
    // What lies under the plan's rows (the canvas follows it): measured before any report.
    let fit = h.get_by_label("Voir tout le plan").rect();
    h.get_by_label("Poser comme fond").click();
    step_until(&mut h, |app| {
        app.session
            .assessment
            .plans
            .iter()
            .any(|p| p.plan_id == PlanId::new("PLAN-2") && p.georef.is_some())
    });
    h.run();
    assert!(
        h.query_by_label("plan géoréférencé en Lambert-93 (EPSG:2154), 0,25\u{a0}m par pixel")
            .is_some(),
        "the editor says how the plan is tied"
    );
    let plan = |h: &Harness<'static, GardefouApp>| {
        h.state()
            .session
            .assessment
            .plans
            .iter()
            .find(|p| p.plan_id == PlanId::new("PLAN-2"))
            .cloned()
            .expect("plan")
    };
    let at = plan(&h)
        .placement(&"GARE-SIG".into())
        .expect("placed from its position")
        .position;
    assert!(
        (at.x - 600.0).abs() < 1e-6 && (at.y - 400.0).abs() < 1e-6,
        "{at:?}"
    );
    assert!(h
        .query_by_label_contains("1 caméra du périmètre placée d’après sa position")
        .is_some());
    assert_eq!(
        h.get_by_label("Voir tout le plan").rect(),
        fit,
        "the report and « Retirer le géoréférencement » took no new line"
    );

    // A world file with five numbers: named, with the reason; the georeference stays.
    let short = dir.path().join("court.pgw");
    std::fs::write(&short, "0.25\n0\n0\n-0.25\n704000\n").expect("write");
    let field = "Fichier world (.pgw, .jgw, .wld)\u{a0}:";
    assert_eq!(
        h.state().state.plans.georef_path,
        dir.path().join("ortho-gare.pgw").display().to_string(),
        "the field names the world file read"
    );
    h.state_mut().state.plans.georef_path.clear();
    h.run();
    h.get_by_label(field).focus();
    h.get_by_label(field)
        .type_text(&short.display().to_string());
    h.run();
    h.get_by_label("Géoréférencer").click();
    h.run();
    assert!(h
        .query_by_label_contains("un fichier world a six nombres\u{a0}; celui-ci en a 5")
        .is_some());
    assert!(plan(&h).georef.is_some());

    h.get_by_label("Retirer le géoréférencement").click();
    h.run();
    assert!(plan(&h).georef.is_none());
    assert!(h
        .query_by_label_contains("aucun\u{a0}: les positions géographiques")
        .is_some());
}

/// Issue 33, item 4: the « known points » tool georeferences a plan from two points clicked on
/// the sheet and their positions typed as people paste them (latitude, longitude for one,
/// Lambert-93 for the other): the scale follows from the ground distance.
#[test]
fn two_known_points_clicked_and_typed_georeference_the_plan() {
    let mut h = harness();
    go_to(&mut h, "plans[PLAN-2]");
    h.get_by_label("Points connus").click();
    h.run();
    let hint = h
        .get_by_label_contains("Cliquez deux points du plan dont vous connaissez la position")
        .rect();
    for dx in [200.0, 500.0] {
        click_at(&mut h, egui::pos2(hint.left() + dx, hint.bottom() + 200.0));
    }
    let clicked = h.state().state.plans.drawing.clone();
    assert_eq!(clicked.len(), 2, "{clicked:?}");
    let pixels = clicked[0].distance(clicked[1]);
    // An unreadable position is shown red in its field: nothing appears to push the row.
    let apply = "Géoréférencer par ces deux points";
    let before = h.get_by_label(apply).rect();
    h.get_by_label("Point 1\u{a0}:").focus();
    h.get_by_label("Point 1\u{a0}:").type_text("nord");
    h.run();
    assert_eq!(
        h.get_by_label(apply).rect(),
        before,
        "the button has not moved"
    );
    h.get_by_label(apply).click();
    h.run();
    assert!(
        h.state()
            .session
            .assessment
            .plans
            .iter()
            .all(|p| p.georef.is_none()),
        "nothing is tied while a position is unreadable"
    );
    h.state_mut().state.plans.tie_points[0].clear();
    h.run();
    // Notre-Dame, then 100 m east of it in Lambert-93.
    for (field, text) in [
        ("Point 1\u{a0}:", "48.8566, 2.3522"),
        ("Point 2\u{a0}:", "652569,0227 6862035,2594"),
    ] {
        h.get_by_label(field).focus();
        h.get_by_label(field).type_text(text);
        h.run();
    }
    h.get_by_label("Géoréférencer par ces deux points").click();
    h.run();
    let plan = h
        .state()
        .session
        .assessment
        .plans
        .iter()
        .find(|p| p.plan_id == PlanId::new("PLAN-2"))
        .cloned()
        .expect("plan");
    assert!(plan.georef.is_some());
    let scale = plan.scale().expect("the scale follows");
    assert!(
        (scale * pixels - 100.0).abs() < 0.01,
        "{scale} m a pixel over {pixels} pixels"
    );
    assert!(h.query_by_label_contains("Plan géoréférencé").is_some());
}
