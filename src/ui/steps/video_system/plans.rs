//! The site plans of the video-system step: one tab per plan, its title, perimeter, sheet and
//! scale, the tool bar and the selected camera's or zone's fields (`plan_tools`), the canvas
//! (`plan_canvas`) and the pictures under it (`plan_background`). What a placed camera sees — the zones in its field of
//! view, masked or not — is read from `model::site_plan`, as the rules read it.

use std::collections::HashMap;

use egui::RichText;

use super::plan_canvas::{self, View};
use super::plan_tools;
use crate::edit::Edit;
use crate::i18n::{tr, tr_with, Lang};
use crate::model::geometry::Point;
use crate::model::path::PlanItem;
use crate::model::{Assessment, CameraId, PlanId, SitePlan, ZoneId, ZoneKind};
use crate::ui::action::Action;
use crate::ui::steps::StepCtx;
use crate::ui::theme;
use crate::ui::widgets::subheading_ui;

/// What the pointer does on the plan.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Tool {
    /// Select a camera or a zone; drag a camera to move it, its knob to turn it; drag the
    /// sheet to pan.
    #[default]
    Select,
    /// Click where the chosen camera stands.
    Place,
    /// Click the corners of a zone, then « Finish ».
    Zone,
    /// Click the corners of a mask of the selected camera, then « Finish ».
    Mask,
    /// Click both ends of a known distance, type it, then « Apply ».
    Scale,
    /// Click two points whose positions on Earth are known, type them, then « Georeference ».
    TiePoints,
}

/// What is selected on the plan.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Selected {
    /// A placed camera.
    Camera(CameraId),
    /// A zone.
    Zone(ZoneId),
}

/// What a drag is doing.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Drag {
    /// Moving the view.
    Pan,
    /// Moving the selected camera.
    Move,
    /// Turning the selected camera.
    Turn,
}

/// The plan editor's state (never saved).
#[derive(Clone, Debug, Default)]
pub struct PlanEditorState {
    /// The plan shown.
    pub plan: Option<PlanId>,
    /// Where each plan's sheet is on screen.
    pub views: HashMap<PlanId, View>,
    /// The tool in hand.
    pub tool: Tool,
    /// The camera or zone selected.
    pub selected: Option<Selected>,
    /// The points clicked so far (a zone, a mask, the scale's two ends).
    pub drawing: Vec<Point>,
    /// The kind of the zone being drawn.
    pub zone_kind: ZoneKind,
    /// The name of the zone being drawn.
    pub zone_label: String,
    /// The camera the « place » tool puts down.
    pub camera_to_place: Option<CameraId>,
    /// The distance typed for the scale, in metres.
    pub scale_metres: String,
    /// The positions typed for the two points clicked with the « known points » tool.
    pub tie_points: [String; 2],
    /// The perimeter of the next new plan.
    pub new_plan_perimeter: String,
    /// A drag under way.
    pub dragging: Option<Drag>,
    /// The GeoJSON file of positions, as typed.
    pub geojson_path: String,
    /// What the last import said, and whether it failed.
    pub geojson_report: Option<(String, bool)>,
    /// The world file to georeference the plan with, as typed.
    pub georef_path: String,
    /// What the last georeferencing said, and whether it failed.
    pub georef_report: Option<(String, bool)>,
    /// The background picture to attach, as typed.
    pub background_path: String,
    /// Why the last background chosen could not be attached.
    pub background_error: Option<String>,
    /// The background pictures read for the screen.
    pub backgrounds: super::plan_background::Backgrounds,
}

pub(super) fn zone_key(kind: ZoneKind) -> &'static str {
    match kind {
        ZoneKind::Dwelling => "ui.plan.zone.dwelling",
        ZoneKind::School => "ui.plan.zone.school",
        ZoneKind::Worship => "ui.plan.zone.worship",
        ZoneKind::Health => "ui.plan.zone.health",
        ZoneKind::PrivateProperty => "ui.plan.zone.private_property",
    }
}

/// The perimeters the inventory names, sorted, each once (asked only when a list opens: an
/// inventory may hold 10,000 cameras).
fn perimeters(cameras: &[crate::model::Camera]) -> Vec<String> {
    let mut out: Vec<String> = cameras
        .iter()
        .map(|c| c.perimeter.trim().to_owned())
        .filter(|p| !p.is_empty())
        .collect();
    out.sort();
    out.dedup();
    out
}

/// The plans section of the step.
pub fn plans_ui(ui: &mut egui::Ui, cx: &mut StepCtx, a: &mut Assessment) {
    let lang = cx.base.lang;
    subheading_ui(ui, tr(lang, "ui.plan.title"));
    ui.label(
        RichText::new(tr(lang, "ui.plan.intro"))
            .small()
            .color(theme::palette(ui.ctx()).muted),
    );
    let state = &mut *cx.plans;
    // A finding that points at a plan (`plans[PLAN-1].placements[CAM-04].masks`) shows that
    // plan, selects the camera or zone, and brings the canvas into view.
    let pointed = cx.base.highlight.and_then(pointed_at);
    if let Some((plan, selected)) = &pointed {
        if cx.base.should_scroll {
            state.plan = Some(plan.clone());
            state.tool = Tool::Select;
            if selected.is_some() {
                state.selected = selected.clone();
            }
        }
    }
    ui.horizontal_wrapped(|ui| {
        for plan in &a.plans {
            let is_shown = state.plan.as_ref() == Some(&plan.plan_id);
            let name = if plan.title.trim().is_empty() {
                plan.plan_id.to_string()
            } else {
                plan.title.clone()
            };
            if ui.selectable_label(is_shown, name).clicked() {
                state.plan = Some(plan.plan_id.clone());
                state.drawing.clear();
                state.selected = None;
            }
        }
        ui.separator();
        let label = ui.label(tr(lang, "ui.plan.new_for"));
        egui::ComboBox::from_id_salt("gardefou_new_plan_perimeter")
            .selected_text(if state.new_plan_perimeter.is_empty() {
                tr(lang, "ui.plan.choose_perimeter").to_owned()
            } else {
                state.new_plan_perimeter.clone()
            })
            .show_ui(ui, |ui| {
                for perimeter in &perimeters(&a.cameras) {
                    ui.selectable_value(
                        &mut state.new_plan_perimeter,
                        perimeter.clone(),
                        perimeter,
                    );
                }
            })
            .response
            .labelled_by(label.id);
        if ui
            .add_enabled(
                !state.new_plan_perimeter.is_empty(),
                egui::Button::new(tr(lang, "ui.plan.add")),
            )
            .clicked()
        {
            cx.base.actions.push(Action::Edit(Edit::AddPlan(
                state.new_plan_perimeter.clone(),
            )));
        }
    });
    if state.plan.is_none()
        || !a
            .plans
            .iter()
            .any(|p| Some(&p.plan_id) == state.plan.as_ref())
    {
        state.plan = a.plans.first().map(|p| p.plan_id.clone());
    }
    let Some(plan_id) = state.plan.clone() else {
        ui.label(tr(lang, "ui.plan.none"));
        return;
    };
    if let Some(attached) = state.backgrounds.attached(ui.ctx()) {
        match attached {
            Ok((plan, path, sides)) => {
                state.background_path.clear();
                cx.base
                    .actions
                    .push(Action::SetPlanBackground(plan, path, sides));
            }
            Err(error) => {
                state.background_error = Some(crate::messages::background_error(&error, lang));
            }
        }
    }
    let located = a
        .plans
        .iter()
        .find(|p| p.plan_id == plan_id)
        .and_then(|p| p.background.as_ref())
        .map(|id| crate::session::plan_background::locate(cx.project_file, a, id));
    let cameras: &[crate::model::Camera] = &a.cameras;
    let Some(plan) = a.plans.iter_mut().find(|p| p.plan_id == plan_id) else {
        return;
    };
    plan_fields_ui(ui, lang, plan, cameras, state, cx.base.actions);
    let is_untitled = cx.project_file.is_none();
    let texture = super::plan_background::background_ui(
        ui,
        lang,
        plan,
        located,
        is_untitled,
        state,
        cx.base.actions,
    );
    plan_tools::tools_ui(ui, lang, plan, cameras, state, cx.base.actions);
    let (clicked, canvas) =
        plan_canvas::canvas_ui(ui, plan, texture.as_ref(), state, cx.base.actions);
    if pointed.is_some() && cx.base.should_scroll {
        ui.scroll_to_rect(canvas, Some(egui::Align::Center));
        if let Some(path) = cx.base.highlight {
            crate::ui::windows::note_landed(ui.ctx(), path);
        }
    }
    if let Some(point) = clicked {
        state.drawing.push(point);
        if matches!(state.tool, Tool::Scale | Tool::TiePoints) && state.drawing.len() > 2 {
            state.drawing.remove(0);
        }
    }
    let checker = (cx.user_name.trim().to_owned(), cx.base.today);
    plan_tools::selection_ui(ui, lang, plan, state, cx.base.actions, &checker);
}

/// The plan and the camera or zone a field path names: `plans[ID]`, then `.placements[CAM]`
/// or `.zones[Z]` if given.
fn pointed_at(path: &str) -> Option<(PlanId, Option<Selected>)> {
    let (plan, item) = crate::model::path::plan_item(path)?;
    let selected = match item {
        PlanItem::Plan => None,
        PlanItem::Camera(camera) => Some(Selected::Camera(camera)),
        PlanItem::Zone(zone) => Some(Selected::Zone(zone)),
    };
    Some((plan, selected))
}

fn plan_fields_ui(
    ui: &mut egui::Ui,
    lang: Lang,
    plan: &mut SitePlan,
    cameras: &[crate::model::Camera],
    state: &mut PlanEditorState,
    actions: &mut Vec<Action>,
) {
    egui::Grid::new("gardefou_plan_fields")
        .num_columns(4)
        .spacing([12.0, 6.0])
        .show(ui, |ui| {
            let label = ui.label(tr(lang, "ui.plan.plan_title"));
            ui.add(egui::TextEdit::singleline(&mut plan.title).desired_width(280.0))
                .labelled_by(label.id);
            let label = ui.label(tr(lang, "ui.plan.perimeter"));
            // One perimeter, several (ticked), or the whole system (none).
            let shown = if plan.perimeters().is_empty() {
                tr(lang, "ui.plan.whole_system").to_owned()
            } else {
                plan.perimeters().join(" ; ")
            };
            egui::ComboBox::from_id_salt("gardefou_plan_perimeter")
                .selected_text(shown)
                .show_ui(ui, |ui| {
                    if ui
                        .selectable_label(
                            plan.perimeters().is_empty(),
                            tr(lang, "ui.plan.whole_system"),
                        )
                        .clicked()
                    {
                        plan.perimeter.clear();
                    }
                    for perimeter in &perimeters(cameras) {
                        let mut covered: Vec<String> =
                            plan.perimeters().into_iter().map(str::to_owned).collect();
                        let mut is_in = covered.contains(perimeter);
                        if ui.checkbox(&mut is_in, perimeter).changed() {
                            if is_in {
                                covered.push(perimeter.clone());
                            } else {
                                covered.retain(|p| p != perimeter);
                            }
                            plan.perimeter = covered.join(" ; ");
                        }
                    }
                })
                .response
                .labelled_by(label.id);
            ui.end_row();
            ui.label(tr(lang, "ui.plan.sheet"));
            ui.horizontal(|ui| {
                let max = crate::model::site_plan::MAX_SIDE;
                let label = ui.label(tr(lang, "ui.plan.width"));
                ui.add(egui::DragValue::new(&mut plan.width).range(100..=max))
                    .labelled_by(label.id);
                let label = ui.label(tr(lang, "ui.plan.height"));
                ui.add(egui::DragValue::new(&mut plan.height).range(100..=max))
                    .labelled_by(label.id);
                ui.label(tr(lang, "ui.plan.pixels"));
            });
            let label = ui.label(tr(lang, "ui.plan.scale"));
            ui.horizontal(|ui| match plan.scale() {
                Some(scale) => {
                    ui.label(tr_with(
                        lang,
                        "ui.plan.scale_value",
                        &[("metres", &lang.decimal(scale * 100.0, 1))],
                    ))
                    .labelled_by(label.id);
                }
                None => {
                    ui.label(
                        RichText::new(tr(lang, "ui.plan.no_scale"))
                            .color(theme::palette(ui.ctx()).bad),
                    )
                    .labelled_by(label.id);
                }
            });
            ui.end_row();
        });
    super::plan_georef::georef_ui(ui, lang, plan, state, actions);
    geojson_ui(ui, lang, plan, state, actions);
    ui.horizontal(|ui| {
        if ui.button(tr(lang, "ui.plan.fit")).clicked() {
            state.views.remove(&plan.plan_id);
        }
        if ui.button(tr(lang, "ui.plan.remove_plan")).clicked() {
            actions.push(Action::Edit(Edit::RemovePlan(plan.plan_id.clone())));
        }
    });
}

/// The width of a path field: 280 points, or the column's width when narrower (at a large
/// zoom the field then wraps under its label instead of running under the findings panel).
pub(super) fn path_field_width(ui: &egui::Ui) -> f32 {
    (ui.available_width() - 40.0).clamp(120.0, 280.0)
}

/// Positions from a GIS's GeoJSON export, for a plan without cameras yet.
fn geojson_ui(
    ui: &mut egui::Ui,
    lang: Lang,
    plan: &SitePlan,
    state: &mut PlanEditorState,
    actions: &mut Vec<Action>,
) {
    let field_width = path_field_width(ui);
    ui.horizontal_wrapped(|ui| {
        let label = ui.label(tr(lang, "ui.plan.geojson"));
        ui.add(egui::TextEdit::singleline(&mut state.geojson_path).desired_width(field_width))
            .labelled_by(label.id);
        let can_import = plan.placements.is_empty() && !state.geojson_path.trim().is_empty();
        let button = ui
            .add_enabled(
                can_import,
                egui::Button::new(tr(lang, "ui.plan.geojson_import")),
            )
            .on_hover_text(tr(lang, "ui.plan.geojson_hint"))
            .on_disabled_hover_text(tr(lang, "ui.plan.geojson_disabled"));
        // The file is read by the update, after the frame, never by the view.
        if button.clicked() {
            let path = std::path::PathBuf::from(state.geojson_path.trim());
            actions.push(Action::ImportGeoJson(plan.plan_id.clone(), path));
        }
    });
    super::plan_georef::report_line_ui(
        ui,
        state.geojson_report.as_ref(),
        tr(lang, "ui.plan.geojson_line"),
        tr(lang, "ui.plan.geojson_hint"),
    );
}
