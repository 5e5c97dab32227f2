//! The form of the camera being edited in the inventory: where it is, who operates it, its
//! kind, where it films (public road, outside, inside), coupling, what it sees, its purposes,
//! when it was put into service, notes.

use egui::RichText;

use super::plans::zone_key;
use crate::i18n::{tr, tr_with, Lang};
use crate::model::path;
use crate::model::{Camera, CameraKind, CameraSetting, Date, PurposeKind, ZoneKind};
use crate::ui::widgets::choice_combo_ui;

/// A camera's fields: location, perimeter, third-party operator, kind, coupling, dwellings and masking (or, for a
/// camera placed on a plan, what the plan shows it sees), purposes, commissioning date, notes.
pub(super) fn camera_form_ui(
    ui: &mut egui::Ui,
    (lang, today): (Lang, Date),
    camera: &mut Camera,
    seen: Option<&[(String, ZoneKind, bool)]>,
) {
    let t = |key: &str| tr(lang, key).to_owned();
    egui::Frame::group(ui.style()).show(ui, |ui| {
        ui.label(RichText::new(format!("{} {}", t("ui.camera"), camera.camera_id)).strong());
        egui::Grid::new("camera_form")
            .num_columns(2)
            .spacing([12.0, 4.0])
            .show(ui, |ui| {
                let label = ui.label(t("column.location"));
                ui.add(egui::TextEdit::singleline(&mut camera.location).desired_width(320.0))
                    .labelled_by(label.id);
                ui.end_row();
                let label = ui.label(t("column.perimeter"));
                ui.add(egui::TextEdit::singleline(&mut camera.perimeter).desired_width(320.0))
                    .labelled_by(label.id);
                ui.end_row();
                let label = ui.label(t("column.operator"));
                ui.add(
                    egui::TextEdit::singleline(&mut camera.operator)
                        .desired_width(320.0)
                        .hint_text(t("ui.operator_hint")),
                )
                .labelled_by(label.id)
                .on_hover_text(t("ui.operator_help"));
                ui.end_row();
                let label = ui.label(t("dossier.col.kind"));
                let kinds = [
                    CameraKind::Fixed,
                    CameraKind::Ptz,
                    CameraKind::Panoramic,
                    CameraKind::Nomadic,
                ];
                let kind = &mut camera.kind;
                choice_combo_ui(
                    ui,
                    lang,
                    "camera_kind",
                    "camera_kind",
                    kind,
                    &kinds,
                    label.id,
                );
                ui.end_row();
                let label = ui.label(t("column.setting"));
                setting_combo_ui(ui, lang, label.id, &mut camera.setting);
                ui.end_row();
                ui.label(t("column.analytics"));
                ui.checkbox(&mut camera.is_analytics_coupled, t("ui.coupled"));
                ui.end_row();
                ui.label(t("dossier.col.dwellings"));
                match seen {
                    None => {
                        ui.horizontal(|ui| {
                            ui.checkbox(&mut camera.views_dwellings, t("ui.views_dwellings"));
                            ui.checkbox(&mut camera.has_privacy_masking, t("ui.masked"));
                        });
                    }
                    Some(zones) => {
                        ui.vertical(|ui| {
                            ui.label(RichText::new(t("ui.plan.derived")).small());
                            if zones.is_empty() {
                                ui.label(t("ui.plan.sees_nothing"));
                            }
                            for (zone, kind, unmasked) in zones {
                                let key = match (kind, unmasked) {
                                    (ZoneKind::Dwelling, true) => "ui.plan.sees_unmasked",
                                    (_, true) => "ui.plan.sees_place",
                                    (_, false) => "ui.plan.sees_masked",
                                };
                                ui.label(tr_with(
                                    lang,
                                    key,
                                    &[("zone", zone), ("kind", tr(lang, zone_key(*kind)))],
                                ));
                            }
                        });
                    }
                }
                ui.end_row();
                ui.label(t("dossier.col.purposes"));
                ui.horizontal_wrapped(|ui| purpose_checkboxes_ui(ui, lang, &mut camera.purposes));
                ui.end_row();
                let label = ui.label(t("column.commissioned_on"));
                let path = path::camera(&camera.camera_id, Some("commissioned_on"));
                crate::ui::date_field::date_input_ui(
                    ui,
                    lang,
                    today,
                    &path,
                    label.id,
                    &mut camera.commissioned_on,
                );
                ui.end_row();
                let label = ui.label(t("dossier.notes"));
                ui.add(egui::TextEdit::singleline(&mut camera.notes).desired_width(320.0))
                    .labelled_by(label.id);
                ui.end_row();
            });
    });
}

/// Where the camera films: the public road, outside, inside, or not said.
fn setting_combo_ui(
    ui: &mut egui::Ui,
    lang: Lang,
    label_id: egui::Id,
    setting: &mut Option<CameraSetting>,
) {
    let name = |s: Option<CameraSetting>| match s {
        Some(s) => tr(lang, &format!("enum.camera_setting.{s:?}")).to_owned(),
        None => tr(lang, "ui.setting_unknown").to_owned(),
    };
    egui::ComboBox::from_id_salt("camera_setting")
        .selected_text(name(*setting))
        .width(220.0)
        .show_ui(ui, |ui| {
            ui.selectable_value(setting, None, name(None));
            for s in CameraSetting::ALL {
                ui.selectable_value(setting, Some(s), name(Some(s)));
            }
        })
        .response
        .labelled_by(label_id);
}

/// One checkbox per purpose, by its short code (5°, stat, autre); the list stays sorted.
fn purpose_checkboxes_ui(ui: &mut egui::Ui, lang: Lang, purposes: &mut Vec<PurposeKind>) {
    for kind in PurposeKind::ALL {
        let mut is_on = purposes.contains(&kind);
        let short = kind.csi_number().map_or_else(
            || tr(lang, &format!("enum.purpose_short.{kind:?}")).to_owned(),
            |n| format!("{n}°"),
        );
        if ui.checkbox(&mut is_on, short).changed() {
            if is_on {
                purposes.push(kind);
                purposes.sort();
            } else {
                purposes.retain(|p| *p != kind);
            }
        }
    }
}
