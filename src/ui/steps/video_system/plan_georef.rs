//! The plan editor's georeference row: whether the plan's pixels are tied to positions on
//! Earth (and in which system), a world file to read for that, and a button to untie them;
//! and the « known points » tool: two points clicked on the sheet and their positions typed.
//! The file is read by the update, after the frame; what the cameras did is said under the row.

use egui::RichText;

use super::plans::{path_field_width, PlanEditorState};
use crate::i18n::{tr, tr_with, Lang};
use crate::model::geometry::Point;
use crate::model::{GeoPoint, GeoSystem, Georef, SitePlan};
use crate::ui::action::Action;
use crate::ui::theme;

/// Draws the row under the plan's fields.
pub fn georef_ui(
    ui: &mut egui::Ui,
    lang: Lang,
    plan: &SitePlan,
    state: &mut PlanEditorState,
    actions: &mut Vec<Action>,
) {
    let palette = theme::palette(ui.ctx());
    ui.horizontal_wrapped(|ui| {
        // As tall with « Remove » as without: the canvas under the row stays put.
        let button_height =
            ui.text_style_height(&egui::TextStyle::Button) + 2.0 * ui.spacing().button_padding.y;
        ui.set_min_height(button_height.max(ui.spacing().interact_size.y));
        let label = ui.label(tr(lang, "ui.plan.georef"));
        match &plan.georef {
            Some(georef) => {
                let centre = Point::new(f64::from(plan.width) / 2.0, f64::from(plan.height) / 2.0);
                let system = match georef.system {
                    GeoSystem::Wgs84 => tr(lang, "ui.plan.georef.wgs84"),
                    GeoSystem::Lambert93 => tr(lang, "ui.plan.georef.lambert93"),
                };
                let metres = lang.decimal(georef.metres_per_pixel(centre), 2);
                ui.label(tr_with(
                    lang,
                    "ui.plan.georef.on",
                    &[("system", system), ("metres", &metres)],
                ))
                .labelled_by(label.id);
                if ui.button(tr(lang, "ui.plan.georef.remove")).clicked() {
                    actions.push(Action::GeoreferencePlan(plan.plan_id.clone(), None));
                }
            }
            None => {
                ui.label(RichText::new(tr(lang, "ui.plan.georef.off")).color(palette.muted))
                    .labelled_by(label.id);
            }
        }
    });
    ui.horizontal_wrapped(|ui| {
        let label = ui.label(tr(lang, "ui.plan.georef.file"));
        ui.add(
            egui::TextEdit::singleline(&mut state.georef_path).desired_width(path_field_width(ui)),
        )
        .labelled_by(label.id);
        let button = ui
            .add_enabled(
                !state.georef_path.trim().is_empty(),
                egui::Button::new(tr(lang, "ui.plan.georef.read")),
            )
            .on_hover_text(tr(lang, "ui.plan.georef.hint"));
        if button.clicked() {
            let path = std::path::PathBuf::from(state.georef_path.trim());
            actions.push(Action::GeoreferencePlan(plan.plan_id.clone(), Some(path)));
        }
    });
    report_line_ui(
        ui,
        state.georef_report.as_ref(),
        tr(lang, "ui.plan.georef.hint_line"),
        tr(lang, "ui.plan.georef.hint"),
    );
}

/// One line under a file row, always there: a hint (whole on hover) until a file was read, then
/// what reading it did (whole on hover), so the canvas below does not move when the report comes.
pub fn report_line_ui(ui: &mut egui::Ui, report: Option<&(String, bool)>, hint: &str, help: &str) {
    let palette = theme::palette(ui.ctx());
    let (text, colour, hover) = match report {
        Some((message, true)) => (message.as_str(), palette.bad, message.as_str()),
        Some((message, false)) => (message.as_str(), palette.good, message.as_str()),
        None => (hint, palette.muted, help),
    };
    ui.add(egui::Label::new(RichText::new(text).color(colour)).truncate())
        .on_hover_text(hover);
}

/// The « known points » tool's fields: the position of each point clicked (latitude,
/// longitude or Lambert-93 x y), and « Georeference » once both are read.
pub fn tie_points_ui(
    ui: &mut egui::Ui,
    lang: Lang,
    plan: &SitePlan,
    state: &mut PlanEditorState,
    actions: &mut Vec<Action>,
) {
    let mut ground = Vec::new();
    for (index, key) in ["ui.plan.tie_point_1", "ui.plan.tie_point_2"]
        .iter()
        .enumerate()
    {
        let typed = state.tie_points[index].trim().to_owned();
        let read = GeoPoint::parse_typed(&typed);
        // An unreadable position turns the field's text red and says why on hover: no label
        // appears beside it to push the row (and the canvas under it) while the user types.
        let is_unread = !typed.is_empty() && read.is_none();
        let label = ui.label(tr(lang, key));
        let mut field =
            egui::TextEdit::singleline(&mut state.tie_points[index]).desired_width(170.0);
        if is_unread {
            field = field.text_color(theme::palette(ui.ctx()).bad);
        }
        let response = ui.add(field).labelled_by(label.id);
        if is_unread {
            response.on_hover_text(tr(lang, "ui.plan.tie_point_unread"));
        }
        ground.push(read);
    }
    let georef = match (state.drawing.as_slice(), ground.as_slice()) {
        ([p1, p2], [Some(g1), Some(g2)]) => Georef::from_two_points(*p1, *g1, *p2, *g2),
        _ => None,
    };
    if ui
        .add_enabled(
            georef.is_some(),
            egui::Button::new(tr(lang, "ui.plan.tie_apply")),
        )
        .clicked()
    {
        if let Some(georef) = georef {
            actions.push(Action::TiePlan(plan.plan_id.clone(), georef));
            state.drawing.clear();
        }
    }
    ui.label(RichText::new(tr(lang, "ui.plan.hint.tie_points")).small());
}
