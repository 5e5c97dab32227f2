//! The video-system step's camera inventory: a table that lays out only its visible rows
//! (smooth at 10,000 cameras), sorting, filtering, multi-selection with bulk edits, add /
//! duplicate / delete, the selected camera's form, and CSV import (with a preview and per-line
//! errors, nothing imported until confirmed) and export.

use std::collections::BTreeSet;

use egui::RichText;
use egui_extras::{Column, TableBuilder};

use crate::edit::Edit;
use crate::model::camera::summarise;
use crate::model::{
    Assessment, Camera, CameraId, CameraKind, CameraList, InventorySummary, PurposeKind,
};
use crate::session::CsvImport;
use crate::ui::action::Action;
use crate::ui::steps::StepCtx;
use crate::ui::theme;
use crate::ui::widgets::{choice_combo_ui, subheading_ui};

/// How the table is sorted.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum SortKey {
    /// By id.
    #[default]
    Id,
    /// By location.
    Location,
    /// By perimeter.
    Perimeter,
}

/// The inventory editor's transient state.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct InventoryState {
    /// Text filter (id, location, perimeter, notes).
    pub filter_text: String,
    /// Only this perimeter.
    pub filter_perimeter: Option<String>,
    /// Only coupled (true) or uncoupled (false) cameras.
    pub filter_coupled: Option<bool>,
    /// Only cameras serving this purpose.
    pub filter_purpose: Option<PurposeKind>,
    /// Sort key, and whether it runs in descending order.
    pub sort: (SortKey, bool),
    /// Selected cameras.
    pub selected: BTreeSet<CameraId>,
    /// Path typed for CSV import or export.
    pub csv_path: String,
    /// The import being previewed, read by the update from `csv_path`.
    pub import: Option<CsvImport>,
    /// The outcome of the last CSV action (message, is an error), set by the update.
    pub message: Option<(String, bool)>,
    /// The counts of the inventory, for the revision they were computed on.
    summary_cache: Option<(u64, InventorySummary)>,
    /// The rows shown, for the revision and the filter they were computed with.
    rows_cache: Option<(RowsKey, std::sync::Arc<[usize]>)>,
}

/// What the rows shown depend on.
#[derive(Clone, Debug, PartialEq)]
struct RowsKey {
    revision: u64,
    filter_text: String,
    filter_perimeter: Option<String>,
    filter_coupled: Option<bool>,
    filter_purpose: Option<PurposeKind>,
    sort: (SortKey, bool),
}

impl InventoryState {
    /// The inventory's counts, computed again only when the cameras changed.
    fn summary(&mut self, cameras: &CameraList) -> InventorySummary {
        match &self.summary_cache {
            Some((revision, summary)) if *revision == cameras.revision() => summary.clone(),
            _ => {
                let summary = summarise(cameras);
                self.summary_cache = Some((cameras.revision(), summary.clone()));
                summary
            }
        }
    }

    /// The rows shown, filtered and sorted again only when the cameras or the filter changed:
    /// at 10,000 cameras that work would otherwise take most of every frame.
    fn rows(&mut self, cameras: &CameraList) -> std::sync::Arc<[usize]> {
        let key = RowsKey {
            revision: cameras.revision(),
            filter_text: self.filter_text.clone(),
            filter_perimeter: self.filter_perimeter.clone(),
            filter_coupled: self.filter_coupled,
            filter_purpose: self.filter_purpose,
            sort: self.sort,
        };
        match &self.rows_cache {
            Some((cached, rows)) if *cached == key => std::sync::Arc::clone(rows),
            _ => {
                let rows: std::sync::Arc<[usize]> = visible_rows(cameras, self).into();
                self.rows_cache = Some((key, std::sync::Arc::clone(&rows)));
                rows
            }
        }
    }
}

/// Indices of the cameras shown, filtered and sorted.
pub fn visible_rows(cameras: &[Camera], state: &InventoryState) -> Vec<usize> {
    let needle = state.filter_text.trim().to_lowercase();
    let mut rows: Vec<usize> = cameras
        .iter()
        .enumerate()
        .filter(|(_, c)| {
            state
                .filter_perimeter
                .as_ref()
                .is_none_or(|p| &c.perimeter == p)
        })
        .filter(|(_, c)| {
            state
                .filter_coupled
                .is_none_or(|v| c.is_analytics_coupled == v)
        })
        .filter(|(_, c)| state.filter_purpose.is_none_or(|p| c.purposes.contains(&p)))
        .filter(|(_, c)| {
            needle.is_empty()
                || [c.camera_id.as_str(), &c.location, &c.perimeter, &c.notes]
                    .iter()
                    .any(|f| f.to_lowercase().contains(&needle))
        })
        .map(|(i, _)| i)
        .collect();
    let (key, is_descending) = state.sort;
    rows.sort_by(|&a, &b| {
        let (x, y) = (&cameras[a], &cameras[b]);
        let order = match key {
            SortKey::Id => x.camera_id.cmp(&y.camera_id),
            SortKey::Location => x.location.cmp(&y.location),
            SortKey::Perimeter => x
                .perimeter
                .cmp(&y.perimeter)
                .then(x.camera_id.cmp(&y.camera_id)),
        };
        if is_descending {
            order.reverse()
        } else {
            order
        }
    });
    rows
}

/// Draws the inventory editor.
pub fn inventory_ui(ui: &mut egui::Ui, cx: &mut StepCtx, a: &mut Assessment) {
    let lang = cx.lang;
    let t = |key: &str| crate::i18n::tr(lang, key).to_owned();
    subheading_ui(ui, &t("section.cameras"));
    let summary = cx.inventory.summary(&a.cameras);
    let summary_label = ui.label(
        RichText::new(cx.tw(
            "ui.cameras_summary",
            &[
                ("total", &summary.total.to_string()),
                ("coupled", &summary.analytics_coupled.to_string()),
            ],
        ))
        .strong(),
    );
    if cx.is_highlighted("cameras") && cx.should_scroll {
        summary_label.scroll_to_me(Some(egui::Align::Center));
    }
    let state = &mut *cx.inventory;

    // Filters.
    ui.horizontal_wrapped(|ui| {
        let label = ui.label(t("ui.filter"));
        ui.add(egui::TextEdit::singleline(&mut state.filter_text).desired_width(160.0))
            .labelled_by(label.id);
        let perimeters: Vec<String> = summary.per_perimeter.keys().cloned().collect();
        let shown = state
            .filter_perimeter
            .clone()
            .unwrap_or_else(|| t("ui.all_perimeters"));
        egui::ComboBox::from_id_salt("filter_perimeter")
            .selected_text(shown)
            .show_ui(ui, |ui| {
                ui.selectable_value(&mut state.filter_perimeter, None, t("ui.all_perimeters"));
                for perimeter in perimeters {
                    let count = summary.per_perimeter.get(&perimeter).copied().unwrap_or(0);
                    ui.selectable_value(
                        &mut state.filter_perimeter,
                        Some(perimeter.clone()),
                        format!("{perimeter} ({count})"),
                    );
                }
            })
            .response
            .labelled_by(label.id);
        let purpose_label = |kind| purpose_label(cx.kb, lang, kind);
        let shown = state
            .filter_purpose
            .map_or_else(|| t("ui.all_purposes"), purpose_label);
        egui::ComboBox::from_id_salt("filter_purpose")
            .selected_text(shown)
            .truncate()
            .width(180.0)
            .show_ui(ui, |ui| {
                ui.selectable_value(&mut state.filter_purpose, None, t("ui.all_purposes"));
                for kind in PurposeKind::ALL {
                    ui.selectable_value(&mut state.filter_purpose, Some(kind), purpose_label(kind));
                }
            })
            .response
            .labelled_by(label.id);
    });
    ui.horizontal_wrapped(|ui| {
        ui.label(t("column.analytics"));
        for (value, key) in [
            (None, "ui.all_cameras"),
            (Some(true), "ui.coupled_only"),
            (Some(false), "ui.uncoupled_only"),
        ] {
            ui.radio_value(&mut state.filter_coupled, value, t(key));
        }
    });

    let rows = state.rows(&a.cameras);
    let selected: Vec<CameraId> = state.selected.iter().cloned().collect();

    // Bulk actions.
    ui.horizontal_wrapped(|ui| {
        ui.label(cx_count(lang, rows.len(), state.selected.len()));
        if ui.button(t("ui.select_shown")).clicked() {
            state.selected = rows
                .iter()
                .map(|&i| a.cameras[i].camera_id.clone())
                .collect();
        }
        if ui.button(t("ui.select_none")).clicked() {
            state.selected.clear();
        }
    });
    let mut edits = Vec::new();
    ui.horizontal_wrapped(|ui| {
        if ui.button(t("ui.add_camera")).clicked() {
            edits.push(Edit::AddCamera);
        }
        ui.add_enabled_ui(!selected.is_empty(), |ui| {
            if ui.button(t("ui.couple")).clicked() {
                edits.push(Edit::SetCoupled(selected.clone(), true));
            }
            if ui.button(t("ui.uncouple")).clicked() {
                edits.push(Edit::SetCoupled(selected.clone(), false));
            }
            if ui.button(t("ui.set_masking")).clicked() {
                edits.push(Edit::SetMasking(selected.clone(), true));
            }
            ui.menu_button(t("ui.add_purpose_to_selection"), |ui| {
                for kind in PurposeKind::ALL {
                    if ui.button(purpose_label(cx.kb, lang, kind)).clicked() {
                        edits.push(Edit::AddCameraPurpose(selected.clone(), kind));
                    }
                }
            });
            ui.menu_button(t("ui.remove_purpose_from_selection"), |ui| {
                for kind in PurposeKind::ALL {
                    if ui.button(purpose_label(cx.kb, lang, kind)).clicked() {
                        edits.push(Edit::RemoveCameraPurpose(selected.clone(), kind));
                    }
                }
            });
            if ui.button(t("ui.duplicate")).clicked() {
                edits.push(Edit::DuplicateCameras(selected.clone()));
            }
            if ui
                .button(RichText::new(t("ui.delete_selection")).color(theme::BAD))
                .clicked()
            {
                edits.push(Edit::DeleteCameras(selected.clone()));
            }
        });
    });

    // The table: only visible rows are laid out.
    let highlight = cx.highlight.map(str::to_owned);
    ui.push_id("inventory_table", |ui| {
        TableBuilder::new(ui)
            .striped(true)
            .max_scroll_height(300.0)
            .column(Column::initial(120.0).at_least(90.0))
            .column(Column::initial(200.0).at_least(120.0).clip(true))
            .column(Column::initial(150.0).at_least(90.0).clip(true))
            .column(Column::initial(90.0))
            .column(Column::initial(70.0))
            .column(Column::remainder().at_least(80.0).clip(true))
            .header(22.0, |mut header| {
                for (key, sort) in [
                    ("column.camera_id", Some(SortKey::Id)),
                    ("column.location", Some(SortKey::Location)),
                    ("column.perimeter", Some(SortKey::Perimeter)),
                    ("dossier.col.kind", None),
                    ("column.analytics", None),
                    ("dossier.col.purposes", None),
                ] {
                    header.col(|ui| {
                        let title = RichText::new(t(key)).strong();
                        match sort {
                            Some(sort_key) => {
                                let arrow = if state.sort.0 == sort_key {
                                    if state.sort.1 {
                                        " ▼"
                                    } else {
                                        " ▲"
                                    }
                                } else {
                                    ""
                                };
                                if ui
                                    .add(
                                        egui::Button::new(
                                            RichText::new(format!("{}{arrow}", t(key))).strong(),
                                        )
                                        .frame(false),
                                    )
                                    .clicked()
                                {
                                    // The same column again flips the order; another starts ascending.
                                    state.sort =
                                        (sort_key, state.sort.0 == sort_key && !state.sort.1);
                                }
                            }
                            None => {
                                ui.label(title);
                            }
                        }
                    });
                }
            })
            .body(|body| {
                body.rows(20.0, rows.len(), |mut row| {
                    let camera = &a.cameras[rows[row.index()]];
                    let mut is_selected = state.selected.contains(&camera.camera_id);
                    let is_pointed = highlight
                        .as_deref()
                        .is_some_and(|h| h.starts_with(&format!("cameras[{}]", camera.camera_id)));
                    row.col(|ui| {
                        // The id is the checkbox's text: it selects the row and names it.
                        let id = RichText::new(camera.camera_id.as_str());
                        let id = if is_pointed {
                            id.color(theme::BAD).strong()
                        } else {
                            id
                        };
                        if ui.checkbox(&mut is_selected, id).changed() {
                            if is_selected {
                                state.selected.insert(camera.camera_id.clone());
                            } else {
                                state.selected.remove(&camera.camera_id);
                            }
                        }
                    });
                    row.col(|ui| {
                        ui.add(egui::Label::new(&camera.location).truncate());
                    });
                    row.col(|ui| {
                        ui.add(egui::Label::new(&camera.perimeter).truncate());
                    });
                    row.col(|ui| {
                        ui.label(crate::i18n::tr(
                            lang,
                            &format!("enum.camera_kind.{:?}", camera.kind),
                        ));
                    });
                    row.col(|ui| {
                        ui.label(if camera.is_analytics_coupled {
                            crate::i18n::tr(lang, "ui.yes")
                        } else {
                            ""
                        });
                    });
                    row.col(|ui| {
                        let purposes: Vec<String> =
                            camera.purposes.iter().map(|p| p.short_code()).collect();
                        ui.add(egui::Label::new(purposes.join(", ")).truncate());
                    });
                });
            });
    });

    // The single selected camera, edited on a copy written back when it changes (borrowing the
    // inventory mutably every frame would copy it every frame).
    if let [only] = selected.as_slice() {
        if let Some(index) = a.cameras.iter().position(|c| &c.camera_id == only) {
            let mut camera = a.cameras[index].clone();
            camera_form_ui(ui, lang, &mut camera);
            if camera != a.cameras[index] {
                a.cameras[index] = camera;
            }
        }
    }

    csv_ui(ui, cx, a);
    for edit in edits {
        if let Edit::DeleteCameras(_) = edit {
            cx.inventory.selected.clear();
        }
        cx.actions.push(Action::Edit(edit));
    }
}

/// The knowledge base's name of a purpose.
fn purpose_label(
    kb: &crate::knowledge::KnowledgeBase,
    lang: crate::i18n::Lang,
    kind: PurposeKind,
) -> String {
    kb.purpose(kind)
        .map_or_else(|| format!("{kind:?}"), |d| d.label.get(lang).to_owned())
}

fn cx_count(lang: crate::i18n::Lang, shown: usize, selected: usize) -> String {
    crate::i18n::tr_with(
        lang,
        "ui.shown_selected",
        &[
            ("shown", &shown.to_string()),
            ("selected", &selected.to_string()),
        ],
    )
}

fn camera_form_ui(ui: &mut egui::Ui, lang: crate::i18n::Lang, camera: &mut Camera) {
    let t = |key: &str| crate::i18n::tr(lang, key).to_owned();
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
                let label = ui.label(t("dossier.col.kind"));
                choice_combo_ui(
                    ui,
                    lang,
                    "camera_kind",
                    "camera_kind",
                    &mut camera.kind,
                    &[
                        CameraKind::Fixed,
                        CameraKind::Ptz,
                        CameraKind::Panoramic,
                        CameraKind::Nomadic,
                    ],
                    label.id,
                );
                ui.end_row();
                ui.label(t("column.analytics"));
                ui.checkbox(&mut camera.is_analytics_coupled, t("ui.coupled"));
                ui.end_row();
                ui.label(t("dossier.col.dwellings"));
                ui.horizontal(|ui| {
                    ui.checkbox(&mut camera.views_dwellings, t("ui.views_dwellings"));
                    ui.checkbox(&mut camera.has_privacy_masking, t("ui.masked"));
                });
                ui.end_row();
                ui.label(t("dossier.col.purposes"));
                ui.horizontal_wrapped(|ui| {
                    for kind in PurposeKind::ALL {
                        let mut is_on = camera.purposes.contains(&kind);
                        let short = kind.csi_number().map_or_else(
                            || {
                                crate::i18n::tr(lang, &format!("enum.purpose_short.{kind:?}"))
                                    .to_owned()
                            },
                            |n| format!("{n}°"),
                        );
                        if ui.checkbox(&mut is_on, short).changed() {
                            if is_on {
                                camera.purposes.push(kind);
                                camera.purposes.sort();
                            } else {
                                camera.purposes.retain(|p| *p != kind);
                            }
                        }
                    }
                });
                ui.end_row();
                let label = ui.label(t("dossier.notes"));
                ui.add(egui::TextEdit::singleline(&mut camera.notes).desired_width(320.0))
                    .labelled_by(label.id);
                ui.end_row();
            });
    });
}

fn csv_ui(ui: &mut egui::Ui, cx: &mut StepCtx, a: &mut Assessment) {
    let lang = cx.lang;
    let t = |key: &str| crate::i18n::tr(lang, key).to_owned();
    let state = &mut *cx.inventory;
    ui.add_space(6.0);
    ui.horizontal_wrapped(|ui| {
        let label = ui.label(t("ui.csv_file"));
        ui.add(egui::TextEdit::singleline(&mut state.csv_path).desired_width(300.0))
            .labelled_by(label.id);
        // The files are read and written by the update, after the frame.
        let path = std::path::PathBuf::from(state.csv_path.trim());
        if ui.button(t("ui.csv_read")).clicked() {
            cx.actions.push(Action::ImportCamerasCsv(path.clone()));
        }
        if ui.button(t("ui.csv_export")).clicked() {
            cx.actions.push(Action::ExportCamerasCsv(path));
        }
    });
    if let Some((message, is_error)) = &state.message {
        ui.label(RichText::new(message).color(if *is_error { theme::BAD } else { theme::GOOD }));
    }
    let mut confirm = false;
    let mut cancel = false;
    if let Some(import) = &mut state.import {
        egui::Frame::group(ui.style()).show(ui, |ui| {
            ui.label(RichText::new(t("ui.csv_mapping")).strong());
            let mut changed = false;
            egui::Grid::new("csv_mapping")
                .num_columns(2)
                .show(ui, |ui| {
                    for (field, column) in &mut import.mapping {
                        let label = ui.label(t(&format!("ui.csv_field.{field:?}")));
                        let shown = column
                            .and_then(|c| import.table.header.get(c).cloned())
                            .unwrap_or_else(|| t("ui.csv_none"));
                        egui::ComboBox::from_id_salt(("csv_field", *field as u8))
                            .selected_text(shown)
                            .show_ui(ui, |ui| {
                                changed |= ui
                                    .selectable_value(column, None, t("ui.csv_none"))
                                    .changed();
                                for (index, title) in import.table.header.iter().enumerate() {
                                    changed |=
                                        ui.selectable_value(column, Some(index), title).changed();
                                }
                            })
                            .response
                            .labelled_by(label.id);
                        ui.end_row();
                    }
                });
            if changed {
                import.remap(&a.cameras);
            }
            ui.label(crate::i18n::tr_with(
                lang,
                "ui.csv_preview",
                &[
                    ("ok", &import.preview.cameras.len().to_string()),
                    ("errors", &import.preview.errors.len().to_string()),
                ],
            ));
            for camera in import.preview.cameras.iter().take(5) {
                ui.label(
                    RichText::new(format!(
                        "{} — {} — {}",
                        camera.camera_id, camera.location, camera.perimeter
                    ))
                    .small(),
                );
            }
            egui::ScrollArea::vertical()
                .id_salt("csv_errors")
                .max_height(120.0)
                .show(ui, |ui| {
                    for error in &import.preview.errors {
                        ui.label(
                            RichText::new(crate::i18n::tr_with(
                                lang,
                                "ui.csv_line_error",
                                &[
                                    ("line", &error.line.to_string()),
                                    ("message", &error.message),
                                ],
                            ))
                            .color(theme::BAD),
                        );
                    }
                });
            ui.horizontal(|ui| {
                let text = crate::i18n::tr_with(
                    lang,
                    "ui.csv_confirm",
                    &[("count", &import.preview.cameras.len().to_string())],
                );
                confirm = ui
                    .add_enabled(!import.preview.cameras.is_empty(), egui::Button::new(text))
                    .clicked();
                cancel = ui.button(t("ui.cancel")).clicked();
            });
        });
    }
    if confirm {
        if let Some(import) = state.import.take() {
            let count = import.preview.cameras.len();
            cx.actions
                .push(Action::Edit(Edit::ImportCameras(import.preview.cameras)));
            state.message = Some((
                crate::i18n::tr_with(lang, "ui.csv_imported", &[("count", &count.to_string())]),
                false,
            ));
        }
    }
    if cancel {
        state.import = None;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn camera(id: &str, perimeter: &str, coupled: bool) -> Camera {
        Camera {
            camera_id: CameraId::new(id),
            perimeter: perimeter.to_owned(),
            is_analytics_coupled: coupled,
            ..Camera::default()
        }
    }

    #[test]
    fn rows_are_filtered_then_sorted_ascending_by_default() {
        let cameras = vec![
            camera("C", "Gare", true),
            camera("A", "Centre", false),
            camera("B", "Gare", false),
        ];
        let mut state = InventoryState::default();
        assert_eq!(visible_rows(&cameras, &state), [1, 2, 0]);
        state.filter_perimeter = Some("Gare".to_owned());
        assert_eq!(visible_rows(&cameras, &state), [2, 0]);
        state.filter_coupled = Some(true);
        assert_eq!(visible_rows(&cameras, &state), [0]);
        state = InventoryState {
            filter_text: "gar".to_owned(),
            sort: (SortKey::Id, true),
            ..InventoryState::default()
        };
        assert_eq!(visible_rows(&cameras, &state), [0, 2]);
        let mut cameras = cameras;
        cameras[1].purposes = vec![PurposeKind::Csi5];
        state = InventoryState {
            filter_purpose: Some(PurposeKind::Csi5),
            ..InventoryState::default()
        };
        assert_eq!(visible_rows(&cameras, &state), [1]);
    }
}
