//! The camera inventory's CSV section: the file's path with « read » and « export » (both sent to
//! the update, which reads and writes the file after the frame), the outcome, and the import
//! being previewed — its column mapping, the cameras it gives, its refused rows by line — until
//! the user confirms it (one structural edit) or cancels it.

use egui::RichText;

use super::inventory::InventoryState;
use crate::i18n::{tr, tr_with, Lang};
use crate::model::{Assessment, Camera};
use crate::session::CsvImport;
use crate::ui::action::Action;
use crate::ui::steps::StepCtx;
use crate::ui::theme;

/// What the user answered to the import preview this frame.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
struct Answer {
    /// « Import n cameras » was clicked.
    is_confirmed: bool,
    /// « Cancel » was clicked.
    is_cancelled: bool,
}

/// Draws the CSV section under the camera table.
pub fn csv_ui(ui: &mut egui::Ui, cx: &mut StepCtx, a: &mut Assessment) {
    let lang = cx.base.lang;
    let state = &mut *cx.inventory;
    ui.add_space(6.0);
    ui.horizontal_wrapped(|ui| {
        let label = ui.label(tr(lang, "ui.csv_file"));
        ui.add(egui::TextEdit::singleline(&mut state.csv_path).desired_width(300.0))
            .labelled_by(label.id);
        // The files are read and written by the update, after the frame.
        let path = std::path::PathBuf::from(state.csv_path.trim());
        if ui.button(tr(lang, "ui.csv_read")).clicked() {
            cx.base.actions.push(Action::ImportCamerasCsv(path.clone()));
        }
        if ui.button(tr(lang, "ui.csv_export")).clicked() {
            cx.base.actions.push(Action::ExportCamerasCsv(path));
        }
    });
    if let Some((message, is_error)) = &state.message {
        let colour = if *is_error {
            theme::palette(ui.ctx()).bad
        } else {
            theme::palette(ui.ctx()).good
        };
        ui.label(RichText::new(message).color(colour));
    }
    let answer = match &mut state.import {
        Some(import) => import_ui(ui, lang, import, &a.cameras),
        None => Answer::default(),
    };
    if answer.is_confirmed {
        confirm(state, cx.base.actions);
    }
    if answer.is_cancelled {
        state.import = None;
    }
}

/// Sends the previewed cameras and their positions to the update as one import (the app says
/// what went in).
fn confirm(state: &mut InventoryState, actions: &mut Vec<Action>) {
    if let Some(import) = state.import.take() {
        actions.push(Action::ImportCameras(Box::new(import.preview)));
    }
}

/// The import being previewed: mapping, preview, and the confirm and cancel buttons.
fn import_ui(ui: &mut egui::Ui, lang: Lang, import: &mut CsvImport, cameras: &[Camera]) -> Answer {
    egui::Frame::group(ui.style())
        .show(ui, |ui| {
            ui.label(RichText::new(tr(lang, "ui.csv_mapping")).strong());
            if mapping_ui(ui, lang, import) {
                import.remap(cameras);
            }
            let ignored = import.ignored_columns();
            if !ignored.is_empty() {
                ui.label(
                    RichText::new(tr_with(
                        lang,
                        "ui.csv_ignored_columns",
                        &[("columns", &ignored.join(", "))],
                    ))
                    .small(),
                );
            }
            if kinds_ui(ui, lang, import) {
                import.remap(cameras);
            }
            if ui
                .checkbox(
                    &mut import.update_existing,
                    tr(lang, "ui.csv_update_existing"),
                )
                .on_hover_text(tr(lang, "ui.csv_update_existing_hint"))
                .changed()
            {
                import.remap(cameras);
            }
            preview_ui(ui, lang, import);
            ui.horizontal(|ui| {
                let (new, updates) = (import.preview.cameras.len(), import.preview.updates.len());
                let text = if updates == 0 {
                    crate::i18n::tr_count(lang, "ui.csv_confirm", new, &[])
                } else {
                    tr(lang, "ui.csv_confirm_update").to_owned()
                };
                let is_enabled = new + updates > 0;
                Answer {
                    is_confirmed: ui
                        .add_enabled(is_enabled, egui::Button::new(text))
                        .clicked(),
                    is_cancelled: ui.button(tr(lang, "ui.cancel")).clicked(),
                }
            })
            .inner
        })
        .inner
}

/// One combo box per camera field, choosing the column that fills it; true when one changed.
fn mapping_ui(ui: &mut egui::Ui, lang: Lang, import: &mut CsvImport) -> bool {
    let none = || tr(lang, "ui.csv_none").to_owned();
    let header = &import.table.header;
    let mut changed = false;
    egui::Grid::new("csv_mapping")
        .num_columns(2)
        .show(ui, |ui| {
            for (field, column) in &mut import.mapping {
                let label = ui.label(tr(lang, &format!("ui.csv_field.{field:?}")));
                let shown = column
                    .and_then(|c| header.get(c).cloned())
                    .unwrap_or_else(none);
                egui::ComboBox::from_id_salt(("csv_field", *field as u8))
                    .selected_text(shown)
                    .show_ui(ui, |ui| {
                        changed |= ui.selectable_value(column, None, none()).changed();
                        for (index, title) in header.iter().enumerate() {
                            changed |= ui.selectable_value(column, Some(index), title).changed();
                        }
                    })
                    .response
                    .labelled_by(label.id);
                ui.end_row();
            }
        });
    changed
}

/// How each text of the type column is read, one choice each (« Dôme » → « Fixe » when the
/// file's « dôme » is a fixed dome); true when the user changed one.
fn kinds_ui(ui: &mut egui::Ui, lang: Lang, import: &mut CsvImport) -> bool {
    use crate::model::CameraKind;
    let readings = import.preview.kind_readings.clone();
    if readings.is_empty() {
        return false;
    }
    let mut changed = false;
    ui.label(tr(lang, "ui.csv_kinds_title"));
    egui::Grid::new("csv_kinds").num_columns(2).show(ui, |ui| {
        for reading in &readings {
            let text = if reading.text.is_empty() {
                tr(lang, "ui.csv_empty_cell").to_owned()
            } else {
                tr_with(lang, "ui.quoted", &[("text", &reading.text)])
            };
            let label = ui.label(format!(
                "{text} ({})",
                crate::i18n::tr_count(lang, "ui.csv_kind_rows", reading.rows, &[])
            ));
            let mut kind = reading.kind;
            let name = |k: CameraKind| tr(lang, &format!("enum.camera_kind.{k:?}")).to_owned();
            egui::ComboBox::from_id_salt(("csv_kind", reading.text.as_str()))
                .selected_text(name(kind))
                .show_ui(ui, |ui| {
                    for choice in [
                        CameraKind::Fixed,
                        CameraKind::Ptz,
                        CameraKind::Panoramic,
                        CameraKind::Nomadic,
                    ] {
                        ui.selectable_value(&mut kind, choice, name(choice));
                    }
                })
                .response
                .labelled_by(label.id);
            if kind != reading.kind {
                import.kinds.insert(reading.text.clone(), kind);
                changed = true;
            }
            ui.end_row();
        }
    });
    changed
}

/// The counts of the preview, its first cameras, and every refused row with its line.
fn preview_ui(ui: &mut egui::Ui, lang: Lang, import: &CsvImport) {
    let preview = &import.preview;
    let mut counts = vec![crate::i18n::tr_count(
        lang,
        "ui.csv_preview_ready",
        preview.cameras.len(),
        &[],
    )];
    if !preview.updates.is_empty() {
        counts.push(crate::i18n::tr_count(
            lang,
            "ui.csv_preview_updates",
            preview.updates.len(),
            &[],
        ));
    }
    counts.push(crate::i18n::tr_count(
        lang,
        "ui.csv_preview_refused",
        preview.errors.len(),
        &[],
    ));
    ui.label(counts.join(", "));
    if !preview.positions.is_empty() {
        ui.label(crate::i18n::tr_count(
            lang,
            "ui.csv_preview_positions",
            preview.positions.len(),
            &[],
        ));
    }
    if !preview.unlocated.is_empty() {
        let ids: Vec<&str> = preview
            .unlocated
            .iter()
            .take(20)
            .map(|c| c.as_str())
            .collect();
        let mut ids = ids.join(", ");
        if preview.unlocated.len() > 20 {
            ids.push_str(", …");
        }
        ui.label(
            RichText::new(crate::i18n::tr_count(
                lang,
                "ui.csv_unlocated",
                preview.unlocated.len(),
                &[("ids", &ids)],
            ))
            .color(theme::palette(ui.ctx()).warn),
        );
    }
    for camera in preview.cameras.iter().take(5) {
        let line = format!(
            "{} — {} — {}",
            camera.camera_id, camera.location, camera.perimeter
        );
        ui.label(RichText::new(line).small());
    }
    egui::ScrollArea::vertical()
        .id_salt("csv_errors")
        .max_height(120.0)
        .show(ui, |ui| {
            let key = if import.table.rows_are_features {
                "ui.csv_feature_error"
            } else {
                "ui.csv_line_error"
            };
            for error in &preview.errors {
                let line = tr_with(
                    lang,
                    key,
                    &[
                        ("line", &error.line.to_string()),
                        ("message", &crate::messages::csv_row_error(error, lang)),
                    ],
                );
                ui.label(RichText::new(line).color(theme::palette(ui.ctx()).bad));
            }
        });
}
