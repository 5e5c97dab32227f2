//! The camera inventory's table: sortable column titles, and one row per camera shown, laid out
//! only when visible so that 10,000 cameras scroll smoothly. A camera's id is the checkbox that
//! selects it for the bulk edits; a click anywhere else on its row opens its form, and selects
//! nothing (a selection never builds up behind the user's back).

use crate::model::path;
use std::collections::BTreeSet;

use egui::RichText;
use egui_extras::{Column, TableBuilder, TableRow};

use super::inventory::InventoryState;
use super::inventory_sort::{Sort, SortKey};
use crate::i18n::{tr, Lang};
use crate::model::{Camera, CameraId};
use crate::ui::theme;

/// The camera table: sortable headers, and only the visible rows laid out. On the frame
/// « go to the field » asks for (`should_scroll`), the row of the camera the highlight points
/// at is brought into view (Ctrl+F on a camera, a finding on one).
pub fn table_ui(
    ui: &mut egui::Ui,
    lang: Lang,
    state: &mut InventoryState,
    (rows, cameras): (&[usize], &[Camera]),
    highlight: Option<&str>,
    should_scroll: bool,
) {
    let points_at = |camera: &Camera| {
        highlight.is_some_and(|h| h.starts_with(path::camera(&camera.camera_id, None).as_str()))
    };
    let pointed_row = should_scroll
        .then(|| rows.iter().position(|&i| points_at(&cameras[i])))
        .flatten();
    ui.push_id("inventory_table", |ui| {
        if let (Some(_), Some(path)) = (pointed_row, highlight) {
            crate::ui::windows::note_landed(ui.ctx(), path);
        }
        let mut builder = TableBuilder::new(ui);
        if let Some(row) = pointed_row {
            builder = builder.scroll_to_row(row, Some(egui::Align::Center));
        }
        builder
            .striped(true)
            .sense(egui::Sense::click())
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
                    header.col(|ui| header_cell_ui(ui, lang, &mut state.sort, key, sort));
                }
            })
            .body(|body| {
                body.rows(20.0, rows.len(), |mut row| {
                    let camera = &cameras[rows[row.index()]];
                    let is_pointed = points_at(camera);
                    camera_row_ui(
                        &mut row,
                        lang,
                        &mut state.selected,
                        &mut state.editing,
                        camera,
                        is_pointed,
                    );
                });
            });
    });
}

/// A column title; a sortable one is a button showing the order, which sorts by it.
fn header_cell_ui(
    ui: &mut egui::Ui,
    lang: Lang,
    order: &mut Sort,
    key: &str,
    sort: Option<SortKey>,
) {
    let title = tr(lang, key);
    let Some(sort_key) = sort else {
        ui.label(RichText::new(title).strong());
        return;
    };
    let arrow = match *order {
        Sort {
            key,
            is_descending: true,
        } if key == sort_key => " ▼",
        Sort {
            key,
            is_descending: false,
        } if key == sort_key => " ▲",
        _ => "",
    };
    let button = egui::Button::new(RichText::new(format!("{title}{arrow}")).strong()).frame(false);
    if ui.add(button).clicked() {
        *order = order.clicked(sort_key);
    }
}

/// One camera's row; its id is the checkbox that selects it (and names it), in red when a
/// finding points at the camera.
fn camera_row_ui(
    row: &mut TableRow<'_, '_>,
    lang: Lang,
    selected: &mut BTreeSet<CameraId>,
    editing: &mut Option<CameraId>,
    camera: &Camera,
    is_pointed: bool,
) {
    let was_selected = selected.contains(&camera.camera_id);
    row.set_selected(was_selected || editing.as_ref() == Some(&camera.camera_id));
    let mut is_row_clicked = false;
    row.col(|ui| {
        let mut is_selected = was_selected;
        let id = RichText::new(camera.camera_id.as_str());
        let id = if is_pointed {
            id.color(theme::palette(ui.ctx()).bad).strong()
        } else {
            id
        };
        if ui.checkbox(&mut is_selected, id).changed() {
            if is_selected {
                selected.insert(camera.camera_id.clone());
            } else {
                selected.remove(&camera.camera_id);
            }
        }
    });
    row.col(|ui| {
        // Truncated in the column; the whole location on hover.
        ui.add(
            egui::Label::new(&camera.location)
                .truncate()
                .selectable(false),
        )
        .on_hover_text(&camera.location);
    });
    row.col(|ui| {
        ui.add(
            egui::Label::new(&camera.perimeter)
                .truncate()
                .selectable(false),
        );
    });
    row.col(|ui| {
        is_row_clicked |=
            cell_ui(ui, tr(lang, &format!("enum.camera_kind.{:?}", camera.kind))).clicked();
    });
    row.col(|ui| {
        let coupled = if camera.is_analytics_coupled {
            tr(lang, "ui.yes")
        } else {
            ""
        };
        is_row_clicked |= cell_ui(ui, coupled).clicked();
    });
    row.col(|ui| {
        let purposes: Vec<String> = camera.purposes.iter().map(|p| p.short_code()).collect();
        ui.add(
            egui::Label::new(purposes.join(", "))
                .truncate()
                .selectable(false),
        );
    });
    // A click anywhere on the row (outside the checkbox) opens the camera's form, or closes it
    // when it is already open; the selection is left as it is.
    if is_row_clicked || row.response().clicked() {
        if editing.as_ref() == Some(&camera.camera_id) {
            *editing = None;
        } else {
            *editing = Some(camera.camera_id.clone());
        }
    }
}

/// A cell's text, cut to its column, that selects the row when clicked.
fn cell_ui(ui: &mut egui::Ui, text: &str) -> egui::Response {
    ui.add(
        egui::Label::new(text)
            .truncate()
            .selectable(false)
            .sense(egui::Sense::click()),
    )
}
