//! The plan editor's tool bar (select and move, place a camera, draw a zone, draw a mask on the
//! selected camera, set the scale) and the selected camera's or zone's fields: optics, masks,
//! what it sees, the check on the camera's image.

use egui::RichText;

use super::plans::{zone_key, PlanEditorState, Selected, Tool};
use crate::edit::Edit;
use crate::i18n::{tr, tr_with, Lang};
use crate::model::{CameraId, SitePlan, ZoneKind};
use crate::ui::action::Action;
use crate::ui::theme;

pub(super) fn tools_ui(
    ui: &mut egui::Ui,
    lang: Lang,
    plan: &mut SitePlan,
    cameras: &[crate::model::Camera],
    state: &mut PlanEditorState,
    actions: &mut Vec<Action>,
) {
    ui.horizontal_wrapped(|ui| {
        for (tool, key) in [
            (Tool::Select, "ui.plan.tool.select"),
            (Tool::Place, "ui.plan.tool.place"),
            (Tool::Zone, "ui.plan.tool.zone"),
            (Tool::Mask, "ui.plan.tool.mask"),
            (Tool::Scale, "ui.plan.tool.scale"),
            (Tool::TiePoints, "ui.plan.tool.tie_points"),
        ] {
            if ui
                .selectable_label(state.tool == tool, tr(lang, key))
                .clicked()
            {
                state.tool = tool;
                state.drawing.clear();
            }
        }
    });
    ui.horizontal_wrapped(|ui| match state.tool {
        Tool::Select => {
            ui.label(RichText::new(tr(lang, "ui.plan.hint.select")).small());
        }
        Tool::Place => {
            // Cameras of the plan's perimeter not yet on it first, then the others.
            let placed: std::collections::HashSet<&CameraId> =
                plan.placements.iter().map(|p| &p.camera_id).collect();
            let mut choices: Vec<(CameraId, &str)> = cameras
                .iter()
                .filter(|c| !placed.contains(&c.camera_id))
                .map(|c| (c.camera_id.clone(), c.perimeter.trim()))
                .collect();
            choices.sort_by_key(|(id, perimeter)| (perimeter != &plan.perimeter, id.clone()));
            if state
                .camera_to_place
                .as_ref()
                .is_none_or(|c| plan.placement(c).is_some())
            {
                state.camera_to_place = choices.first().map(|(id, _)| id.clone());
            }
            let label = ui.label(tr(lang, "ui.plan.camera_to_place"));
            egui::ComboBox::from_id_salt("gardefou_camera_to_place")
                .selected_text(state.camera_to_place.as_ref().map_or_else(
                    || tr(lang, "ui.plan.all_placed").to_owned(),
                    ToString::to_string,
                ))
                .show_ui(ui, |ui| {
                    for (id, perimeter) in choices.iter().take(500) {
                        ui.selectable_value(
                            &mut state.camera_to_place,
                            Some(id.clone()),
                            format!("{id} — {perimeter}"),
                        );
                    }
                })
                .response
                .labelled_by(label.id);
            ui.label(RichText::new(tr(lang, "ui.plan.hint.place")).small());
            tray_ui(ui, lang, &plan.perimeter, &choices);
        }
        Tool::Zone => {
            zone_kind_ui(ui, lang, "gardefou_zone_kind", &mut state.zone_kind);
            let label = ui.label(tr(lang, "ui.plan.zone_label"));
            ui.add(egui::TextEdit::singleline(&mut state.zone_label).desired_width(200.0))
                .labelled_by(label.id);
            let can_finish = state.drawing.len() >= 3;
            if ui
                .add_enabled(can_finish, egui::Button::new(tr(lang, "ui.plan.finish")))
                .clicked()
            {
                actions.push(Action::Edit(Edit::AddZone(
                    plan.plan_id.clone(),
                    state.zone_kind,
                    state.zone_label.clone(),
                    std::mem::take(&mut state.drawing),
                )));
                state.zone_label.clear();
            }
            ui.label(RichText::new(tr(lang, "ui.plan.hint.polygon")).small());
        }
        Tool::Mask => {
            let Some(Selected::Camera(camera)) = state.selected.clone() else {
                ui.label(RichText::new(tr(lang, "ui.plan.hint.mask_select")).small());
                return;
            };
            let can_finish = state.drawing.len() >= 3;
            if ui
                .add_enabled(can_finish, egui::Button::new(tr(lang, "ui.plan.finish")))
                .clicked()
            {
                actions.push(Action::Edit(Edit::AddMask(
                    plan.plan_id.clone(),
                    camera.clone(),
                    std::mem::take(&mut state.drawing),
                )));
            }
            ui.label(
                RichText::new(tr_with(
                    lang,
                    "ui.plan.hint.mask",
                    &[("camera", camera.as_str())],
                ))
                .small(),
            );
        }
        Tool::Scale => {
            let label = ui.label(tr(lang, "ui.plan.distance"));
            ui.add(egui::TextEdit::singleline(&mut state.scale_metres).desired_width(80.0))
                .labelled_by(label.id);
            ui.label("m");
            let metres = state
                .scale_metres
                .trim()
                .replace(',', ".")
                .parse::<f64>()
                .ok()
                .filter(|m| m.is_finite() && *m > 0.0);
            let pixels = match state.drawing.as_slice() {
                [a, b] => Some(a.distance(*b)).filter(|d| *d > 0.0),
                _ => None,
            };
            if ui
                .add_enabled(
                    metres.is_some() && pixels.is_some(),
                    egui::Button::new(tr(lang, "ui.plan.apply_scale")),
                )
                .clicked()
            {
                if let (Some(m), Some(px)) = (metres, pixels) {
                    plan.metres_per_pixel = Some(m / px);
                    state.drawing.clear();
                }
            }
            ui.label(RichText::new(tr(lang, "ui.plan.hint.scale")).small());
        }
        Tool::TiePoints => super::plan_georef::tie_points_ui(ui, lang, plan, state, actions),
    });
    // Always there, disabled while nothing is drawn: appearing after the first vertex would
    // push the canvas down under the pointer (a rectangle became a trapezoid).
    if ui
        .add_enabled(
            !state.drawing.is_empty(),
            egui::Button::new(tr(lang, "ui.plan.clear_drawing")),
        )
        .clicked()
    {
        state.drawing.clear();
    }
}

pub(super) fn selection_ui(
    ui: &mut egui::Ui,
    lang: Lang,
    plan: &mut SitePlan,
    state: &mut PlanEditorState,
    actions: &mut Vec<Action>,
    checker: &(String, crate::model::Date),
) {
    let palette = theme::palette(ui.ctx());
    match state.selected.clone() {
        Some(Selected::Camera(camera)) => {
            let seen: Vec<(String, ZoneKind, bool)> = plan
                .placement(&camera)
                .map(|p| {
                    plan.zones_in_view(p)
                        .into_iter()
                        .map(|(z, unmasked)| (z.label.clone(), z.kind, unmasked))
                        .collect()
                })
                .unwrap_or_default();
            // Not on the plan (yet: a camera placed this frame is placed after it): nothing
            // to show, and the selection stays for when it is.
            let Some(placement) = plan.placements.iter_mut().find(|p| p.camera_id == camera) else {
                return;
            };
            ui.label(
                RichText::new(tr_with(
                    lang,
                    "ui.plan.camera",
                    &[("camera", camera.as_str())],
                ))
                .strong(),
            );
            let optics_before = (
                placement.direction_degrees,
                placement.angle_degrees,
                placement.range_metres,
            );
            ui.horizontal_wrapped(|ui| {
                for (key, value, range, suffix) in [
                    (
                        "ui.plan.x",
                        &mut placement.position.x,
                        0.0..=f64::from(plan.width),
                        "",
                    ),
                    (
                        "ui.plan.y",
                        &mut placement.position.y,
                        0.0..=f64::from(plan.height),
                        "",
                    ),
                    (
                        "ui.plan.direction",
                        &mut placement.direction_degrees,
                        0.0..=359.0,
                        " °",
                    ),
                    (
                        "ui.plan.angle",
                        &mut placement.angle_degrees,
                        1.0..=360.0,
                        " °",
                    ),
                    (
                        "ui.plan.range",
                        &mut placement.range_metres,
                        1.0..=500.0,
                        " m",
                    ),
                ] {
                    let label = ui.label(tr(lang, key));
                    ui.add(egui::DragValue::new(value).range(range).suffix(suffix))
                        .labelled_by(label.id);
                }
            });
            // Any of the three set by the user: they are known from now on.
            let optics_after = (
                placement.direction_degrees,
                placement.angle_degrees,
                placement.range_metres,
            );
            if optics_after != optics_before {
                placement.optics_unknown = false;
            }
            if placement.optics_unknown {
                ui.label(RichText::new(tr(lang, "ui.plan.optics_unknown")).color(palette.warn));
            }
            ui.horizontal_wrapped(|ui| {
                ui.label(tr_with(
                    lang,
                    "ui.plan.masks",
                    &[("count", &placement.masks.len().to_string())],
                ));
                if !placement.masks.is_empty()
                    && ui.button(tr(lang, "ui.plan.clear_masks")).clicked()
                {
                    actions.push(Action::Edit(Edit::ClearMasks(
                        plan.plan_id.clone(),
                        camera.clone(),
                    )));
                }
                if ui.button(tr(lang, "ui.plan.remove_camera")).clicked() {
                    actions.push(Action::Edit(Edit::RemovePlacement(
                        plan.plan_id.clone(),
                        camera.clone(),
                    )));
                    state.selected = None;
                }
            });
            if plan.scale().is_none() {
                ui.label(RichText::new(tr(lang, "ui.plan.no_scale")).color(palette.bad));
            } else if plan.placement(&camera).is_some_and(|p| p.optics_unknown) {
                // Nothing is computed from placeholders: « sees nothing » would be a claim.
            } else if seen.is_empty() {
                ui.label(tr(lang, "ui.plan.sees_nothing"));
            } else {
                let touches_dwelling = seen
                    .iter()
                    .any(|(_, kind, unmasked)| *unmasked && *kind == ZoneKind::Dwelling);
                for (label, kind, unmasked) in seen {
                    let (key, colour) = if unmasked && kind == ZoneKind::Dwelling {
                        ("ui.plan.sees_unmasked", palette.bad)
                    } else if unmasked {
                        ("ui.plan.sees_place", palette.warn)
                    } else {
                        ("ui.plan.sees_masked", palette.good)
                    };
                    ui.label(
                        RichText::new(tr_with(
                            lang,
                            key,
                            &[("zone", &label), ("kind", tr(lang, zone_key(kind)))],
                        ))
                        .color(colour),
                    );
                }
                if let Some(placement) = plan.placements.iter_mut().find(|p| p.camera_id == camera)
                {
                    if touches_dwelling || placement.view_check.is_some() {
                        view_check_ui(ui, lang, &mut placement.view_check, checker);
                    }
                }
            }
        }
        Some(Selected::Zone(zone_id)) => {
            let Some(zone) = plan.zones.iter_mut().find(|z| z.zone_id == zone_id) else {
                state.selected = None;
                return;
            };
            ui.horizontal_wrapped(|ui| {
                let label = ui.label(tr(lang, "ui.plan.zone_label"));
                ui.add(egui::TextEdit::singleline(&mut zone.label).desired_width(220.0))
                    .labelled_by(label.id);
                zone_kind_ui(ui, lang, "gardefou_selected_zone_kind", &mut zone.kind);
                if ui.button(tr(lang, "ui.plan.remove_zone")).clicked() {
                    actions.push(Action::Edit(Edit::RemoveZone(
                        plan.plan_id.clone(),
                        zone_id.clone(),
                    )));
                    state.selected = None;
                }
            });
        }
        None => {
            ui.label(
                RichText::new(tr_with(
                    lang,
                    "ui.plan.counts",
                    &[
                        ("cameras", &plan.placements.len().to_string()),
                        ("zones", &plan.zones.len().to_string()),
                    ],
                ))
                .small()
                .color(palette.muted),
            );
        }
    }
}

/// What the camera's own image shows of the dwellings its sector touches: recorded by the user
/// (who, when), or asked for. The plan alone never decides it (CSI L.251-3 is about the inside and
/// the entrances, which a 2-D sector cannot show).
fn view_check_ui(
    ui: &mut egui::Ui,
    lang: Lang,
    check: &mut Option<crate::model::ViewCheck>,
    (who, today): &(String, crate::model::Date),
) {
    let palette = theme::palette(ui.ctx());
    match check.clone() {
        Some(recorded) => {
            let key = if recorded.sees_inside_or_entrance {
                "ui.plan.view_confirmed_by"
            } else {
                "ui.plan.view_clear_by"
            };
            let on = recorded.on.map(|d| d.display(lang)).unwrap_or_default();
            let colour = if recorded.sees_inside_or_entrance {
                palette.bad
            } else {
                palette.good
            };
            ui.horizontal_wrapped(|ui| {
                ui.label(
                    RichText::new(tr_with(lang, key, &[("who", &recorded.by), ("date", &on)]))
                        .color(colour),
                );
                if ui
                    .small_button(tr(lang, "ui.plan.view_check_withdraw"))
                    .clicked()
                {
                    *check = None;
                }
            });
        }
        None => {
            ui.label(RichText::new(tr(lang, "ui.plan.view_check_needed")).color(palette.warn));
            let has_name = !who.is_empty();
            ui.horizontal_wrapped(|ui| {
                let record = |sees: bool| crate::model::ViewCheck {
                    sees_inside_or_entrance: sees,
                    by: who.clone(),
                    on: Some(*today),
                };
                if ui
                    .add_enabled(has_name, egui::Button::new(tr(lang, "ui.plan.view_clear")))
                    .clicked()
                {
                    *check = Some(record(false));
                }
                if ui
                    .add_enabled(
                        has_name,
                        egui::Button::new(tr(lang, "ui.plan.view_confirmed")),
                    )
                    .clicked()
                {
                    *check = Some(record(true));
                }
            });
            if !has_name {
                ui.label(RichText::new(tr(lang, "ui.plan.view_check_name")).small());
            }
        }
    }
}

/// The « kind » list of a zone, labelled.
fn zone_kind_ui(ui: &mut egui::Ui, lang: Lang, id: &str, kind: &mut ZoneKind) {
    let label = ui.label(tr(lang, "ui.plan.zone_kind"));
    egui::ComboBox::from_id_salt(id)
        .selected_text(tr(lang, zone_key(*kind)))
        .show_ui(ui, |ui| {
            for choice in ZoneKind::ALL {
                ui.selectable_value(kind, choice, tr(lang, zone_key(choice)));
            }
        })
        .response
        .labelled_by(label.id);
}

/// The perimeter's cameras not on the plan yet, each a chip to drag onto the sheet (the first
/// [`TRAY_SIZE`]; the drop-down lists them all).
fn tray_ui(ui: &mut egui::Ui, lang: Lang, perimeter: &str, choices: &[(CameraId, &str)]) {
    let tray: Vec<&CameraId> = choices
        .iter()
        .filter(|(_, p)| *p == perimeter.trim())
        .map(|(id, _)| id)
        .take(TRAY_SIZE)
        .collect();
    if tray.is_empty() {
        return;
    }
    ui.end_row();
    ui.label(RichText::new(tr(lang, "ui.plan.tray")).small());
    let palette = theme::palette(ui.ctx());
    for id in tray {
        let chip = egui::Id::unique(("gardefou_plan_tray", id.as_str()));
        ui.dnd_drag_source(chip, id.clone(), |ui| {
            egui::Frame::new()
                .stroke(egui::Stroke::new(1.0, palette.accent))
                .corner_radius(8.0)
                .inner_margin(egui::Margin::symmetric(6, 2))
                .show(ui, |ui| {
                    ui.label(RichText::new(format!("↓ {id}")).small());
                });
        })
        .response
        .on_hover_text(tr(lang, "ui.plan.tray_hint"));
    }
}

/// How many chips the tray of cameras to place shows.
const TRAY_SIZE: usize = 40;
