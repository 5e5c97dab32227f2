//! The video-system step's camera inventory: its counts, filters (text, perimeter, purpose,
//! coupling), multi-selection with bulk edits, add / duplicate / delete, and the selected
//! camera's form; the table is drawn by `inventory_table` and the CSV files by `inventory_csv`.
//! The rows shown are filtered and sorted again only when the cameras or the filter change.

use std::collections::BTreeSet;

use egui::RichText;

use super::inventory_sort::{Sort, SortKey};
use crate::edit::Edit;
use crate::i18n::{tr, tr_with, Lang};
use crate::knowledge::KnowledgeBase;
use crate::model::camera::summarise;
use crate::model::path;
use crate::model::ZoneKind;
use crate::model::{Assessment, Camera, CameraId, CameraList, InventorySummary, PurposeKind};
use crate::session::CsvImport;
use crate::ui::action::Action;
use crate::ui::steps::StepCtx;
use crate::ui::theme;
use crate::ui::widgets::subheading_ui;

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
    /// The table's order.
    pub sort: Sort,
    /// Selected cameras (their checkboxes): what the bulk edits act on, where shown.
    pub selected: BTreeSet<CameraId>,
    /// The camera whose form is open (a click on its row); not a selection.
    pub editing: Option<CameraId>,
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
    sort: Sort,
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
    let Sort { key, is_descending } = state.sort;
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

/// Draws the inventory editor: counts, filters, selection and bulk edits, the table, the
/// selected camera's form and the CSV files.
pub fn inventory_ui(ui: &mut egui::Ui, cx: &mut StepCtx, a: &mut Assessment) {
    let lang = cx.base.lang;
    let kb = cx.base.kb;
    subheading_ui(ui, &cx.t("section.cameras"));
    let summary = cx.inventory.summary(&a.cameras);
    summary_ui(ui, cx, &summary);
    let state = &mut *cx.inventory;
    filters_ui(ui, kb, lang, state, &summary);
    coupling_filter_ui(ui, lang, state);
    let rows = state.rows(&a.cameras);
    // The bulk edits act on the selected cameras the filter shows, never on hidden ones.
    let shown: BTreeSet<&CameraId> = rows.iter().map(|&i| &a.cameras[i].camera_id).collect();
    let selected: Vec<CameraId> = state
        .selected
        .iter()
        .filter(|id| shown.contains(id))
        .cloned()
        .collect();
    let hidden = state.selected.len() - selected.len();
    selection_ui(ui, lang, state, &rows, &a.cameras);
    let edits = bulk_edits_ui(ui, kb, lang, &selected);
    // Under the bulk buttons, on a line that is always there: the selected cameras the filter
    // hides, which those buttons leave alone. Appearing, it moves nothing the user clicks.
    let hidden_text = if hidden > 0 {
        tr_with(
            lang,
            "ui.selected_hidden",
            &[("hidden", &hidden.to_string())],
        )
    } else {
        " ".to_owned()
    };
    ui.label(RichText::new(hidden_text).color(theme::palette(ui.ctx()).warn));
    super::inventory_table::table_ui(
        ui,
        lang,
        state,
        (&rows, &a.cameras),
        cx.base.highlight,
        cx.base.should_scroll,
    );
    let form = state.editing.clone().or_else(|| match selected.as_slice() {
        [only] => Some(only.clone()),
        _ => None,
    });
    if let Some(camera) = form {
        camera_form_of_ui(ui, (lang, cx.base.today), a, &camera);
    }
    super::inventory_csv::csv_ui(ui, cx, a);
    for edit in edits {
        if let Edit::DeleteCameras(ids) = &edit {
            for id in ids {
                cx.inventory.selected.remove(id);
            }
            if cx
                .inventory
                .editing
                .as_ref()
                .is_some_and(|e| ids.contains(e))
            {
                cx.inventory.editing = None;
            }
            cx.base.actions.push(Action::Info(tr_with(
                lang,
                "ui.cameras_deleted",
                &[("count", &ids.len().to_string())],
            )));
        }
        cx.base.actions.push(Action::Edit(edit));
    }
}

/// The inventory's counts, scrolled to when a finding points at the cameras.
fn summary_ui(ui: &mut egui::Ui, cx: &StepCtx, summary: &InventorySummary) {
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
    cx.land_on(&summary_label, &path::CAMERAS, egui::Align::Center);
}

/// The text, perimeter and purpose filters, on one line under one label.
fn filters_ui(
    ui: &mut egui::Ui,
    kb: &KnowledgeBase,
    lang: Lang,
    state: &mut InventoryState,
    summary: &InventorySummary,
) {
    ui.horizontal_wrapped(|ui| {
        let label = ui.label(tr(lang, "ui.filter"));
        ui.add(egui::TextEdit::singleline(&mut state.filter_text).desired_width(160.0))
            .labelled_by(label.id);
        perimeter_filter_ui(ui, lang, &mut state.filter_perimeter, summary, label.id);
        purpose_filter_ui(ui, kb, lang, &mut state.filter_purpose, label.id);
    });
}

/// The perimeter filter: every perimeter with its number of cameras, or all.
fn perimeter_filter_ui(
    ui: &mut egui::Ui,
    lang: Lang,
    filter: &mut Option<String>,
    summary: &InventorySummary,
    label_id: egui::Id,
) {
    let all = || tr(lang, "ui.all_perimeters").to_owned();
    let shown = filter.clone().unwrap_or_else(all);
    egui::ComboBox::from_id_salt("filter_perimeter")
        .selected_text(shown)
        .show_ui(ui, |ui| {
            ui.selectable_value(filter, None, all());
            for (perimeter, count) in &summary.per_perimeter {
                ui.selectable_value(
                    filter,
                    Some(perimeter.clone()),
                    format!("{perimeter} ({count})"),
                );
            }
        })
        .response
        .labelled_by(label_id);
}

/// The purpose filter: every purpose of CSI L.251-2 and the others, or all.
fn purpose_filter_ui(
    ui: &mut egui::Ui,
    kb: &KnowledgeBase,
    lang: Lang,
    filter: &mut Option<PurposeKind>,
    label_id: egui::Id,
) {
    let label = |kind| purpose_label(kb, lang, kind);
    let shown = filter.map_or_else(|| tr(lang, "ui.all_purposes").to_owned(), label);
    egui::ComboBox::from_id_salt("filter_purpose")
        .selected_text(shown)
        .truncate()
        .width(180.0)
        .show_ui(ui, |ui| {
            ui.selectable_value(filter, None, tr(lang, "ui.all_purposes"));
            for kind in PurposeKind::ALL {
                ui.selectable_value(filter, Some(kind), label(kind));
            }
        })
        .response
        .labelled_by(label_id);
}

/// The coupling filter, on its own line: all cameras, coupled ones or the others.
fn coupling_filter_ui(ui: &mut egui::Ui, lang: Lang, state: &mut InventoryState) {
    ui.horizontal_wrapped(|ui| {
        ui.label(tr(lang, "column.analytics"));
        for (value, key) in [
            (None, "ui.all_cameras"),
            (Some(true), "ui.coupled_only"),
            (Some(false), "ui.uncoupled_only"),
        ] {
            ui.radio_value(&mut state.filter_coupled, value, tr(lang, key));
        }
    });
}

/// How many cameras are shown and selected, with « select the cameras shown » and « none ».
fn selection_ui(
    ui: &mut egui::Ui,
    lang: Lang,
    state: &mut InventoryState,
    rows: &[usize],
    cameras: &[Camera],
) {
    ui.horizontal_wrapped(|ui| {
        ui.label(shown_selected(lang, rows.len(), state.selected.len()));
        if ui.button(tr(lang, "ui.select_shown")).clicked() {
            state.selected = rows.iter().map(|&i| cameras[i].camera_id.clone()).collect();
        }
        if ui.button(tr(lang, "ui.select_none")).clicked() {
            state.selected.clear();
        }
    });
}

/// « Add a camera », and the edits of the selection (disabled when none is selected); returns
/// the edits clicked, for the update.
fn bulk_edits_ui(
    ui: &mut egui::Ui,
    kb: &KnowledgeBase,
    lang: Lang,
    selected: &[CameraId],
) -> Vec<Edit> {
    let t = |key: &str| tr(lang, key).to_owned();
    let mut edits = Vec::new();
    ui.horizontal_wrapped(|ui| {
        if ui.button(t("ui.add_camera")).clicked() {
            edits.push(Edit::AddCamera);
        }
        ui.add_enabled_ui(!selected.is_empty(), |ui| {
            if ui.button(t("ui.couple")).clicked() {
                edits.push(Edit::SetCoupled(selected.to_vec(), true));
            }
            if ui.button(t("ui.uncouple")).clicked() {
                edits.push(Edit::SetCoupled(selected.to_vec(), false));
            }
            if ui.button(t("ui.set_masking")).clicked() {
                edits.push(Edit::SetMasking(selected.to_vec(), true));
            }
            ui.menu_button(t("ui.set_setting"), |ui| {
                for setting in crate::model::CameraSetting::ALL {
                    let name = t(&format!("enum.camera_setting.{setting:?}"));
                    if ui.button(name).clicked() {
                        edits.push(Edit::SetSetting(selected.to_vec(), Some(setting)));
                    }
                }
            });
            ui.menu_button(t("ui.add_purpose_to_selection"), |ui| {
                for kind in PurposeKind::ALL {
                    if ui.button(purpose_label(kb, lang, kind)).clicked() {
                        edits.push(Edit::AddCameraPurpose(selected.to_vec(), kind));
                    }
                }
            });
            ui.menu_button(t("ui.remove_purpose_from_selection"), |ui| {
                for kind in PurposeKind::ALL {
                    if ui.button(purpose_label(kb, lang, kind)).clicked() {
                        edits.push(Edit::RemoveCameraPurpose(selected.to_vec(), kind));
                    }
                }
            });
            if ui.button(t("ui.duplicate")).clicked() {
                edits.push(Edit::DuplicateCameras(selected.to_vec()));
            }
            let delete =
                RichText::new(t("ui.delete_selection")).color(theme::palette(ui.ctx()).bad);
            if ui.button(delete).clicked() {
                edits.push(Edit::DeleteCameras(selected.to_vec()));
            }
        });
    });
    edits
}

/// The form of the camera `only` (the one opened, or the only one selected), edited on a copy
/// written back when it changes (borrowing the inventory mutably every frame would copy it
/// every frame).
fn camera_form_of_ui(
    ui: &mut egui::Ui,
    (lang, today): (Lang, crate::model::Date),
    a: &mut Assessment,
    only: &CameraId,
) {
    if let Some(index) = a.cameras.iter().position(|c| &c.camera_id == only) {
        let mut camera = a.cameras[index].clone();
        // Placed on a plan with a scale, its optics known: what it sees comes from the plan
        // (as the engine judges it, `rules::plans::sightings`).
        let seen: Option<Vec<(String, ZoneKind, bool)>> = a
            .plans
            .iter()
            .filter(|p| p.scale().is_some())
            .find_map(|p| {
                p.placement(only)
                    .filter(|pl| !pl.optics_unknown)
                    .map(|placement| {
                        p.zones_in_view(placement)
                            .into_iter()
                            .map(|(z, unmasked)| (z.label.trim().to_owned(), z.kind, unmasked))
                            .collect()
                    })
            });
        super::camera_form::camera_form_ui(ui, (lang, today), &mut camera, seen.as_deref());
        if camera != a.cameras[index] {
            a.cameras[index] = camera;
        }
    }
}

/// The knowledge base's name of a purpose.
fn purpose_label(kb: &KnowledgeBase, lang: Lang, kind: PurposeKind) -> String {
    kb.purpose(kind)
        .map_or_else(|| format!("{kind:?}"), |d| d.label.get(lang).to_owned())
}

/// « n shown, m selected », in the UI language.
fn shown_selected(lang: Lang, shown: usize, selected: usize) -> String {
    tr_with(
        lang,
        "ui.shown_selected",
        &[
            ("shown", &shown.to_string()),
            ("selected", &selected.to_string()),
        ],
    )
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
            sort: Sort {
                key: SortKey::Id,
                is_descending: true,
            },
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
