//! A multi-line text field that holds its height while the user works. A field that grew with
//! its text pushed what lies under it (a yes / no row, the next card) away while the user typed
//! and clicked; this one keeps the number of rows it was given when its step was opened — the
//! text's rows then, between the field's minimum and [`MAX_ROWS`] — and longer text scrolls
//! inside it. The heights are forgotten when the step or the project changes.

use egui::Ui;

/// The most rows a text area opens with; longer text scrolls inside.
pub const MAX_ROWS: usize = 12;

/// The rows a text area was given when first drawn on this step.
#[derive(Clone, Copy)]
struct HeldRows(usize);

/// Draws a text area of at least `min_rows` rows, with `hint` when empty; `name` tells it from
/// the others (the field's path).
pub fn text_area_ui(
    ui: &mut Ui,
    name: &str,
    text: &mut String,
    min_rows: usize,
    hint: Option<&str>,
) -> egui::Response {
    let key = egui::Id::unique(("text_area", name));
    let held = ui.data(|d| d.get_temp::<HeldRows>(key));
    let rows = held.map_or(min_rows, |HeldRows(rows)| rows);
    let row_height = ui.text_style_height(&egui::TextStyle::Body);
    // The text edit's own margin (2 points above and below) and its frame.
    let height = rows as f32 * row_height + 6.0;
    let width = ui.available_width();
    let output = egui::ScrollArea::vertical()
        .id_salt(key)
        .max_height(height)
        .min_scrolled_height(height)
        .auto_shrink([false, true])
        .show(ui, |ui| {
            let mut edit = egui::TextEdit::multiline(text)
                .id(key.with("edit"))
                .desired_rows(rows)
                .desired_width(width);
            if let Some(hint) = hint {
                edit = edit.hint_text(hint);
            }
            edit.show(ui)
        })
        .inner;
    if held.is_none() {
        let wanted = output.galley.rows.len().clamp(min_rows, MAX_ROWS);
        ui.data_mut(|d| d.insert_temp(key, HeldRows(wanted)));
        if wanted != rows {
            // Drawn again before it is shown, at its height.
            ui.ctx()
                .request_discard("text area opened at its text's height");
        }
    }
    output.response.response
}

/// Lets every text area take its text's height again (a new step or project is shown).
pub fn forget_heights(ctx: &egui::Context) {
    ctx.data_mut(|d| d.remove_by_type::<HeldRows>());
}
