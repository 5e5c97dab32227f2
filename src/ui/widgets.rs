//! Form widgets shared by the wizard's steps. Each field row shows its label (with the knowledge
//! base's help on hover), the input — labelled for screen readers and tests — and, when a
//! finding points at this field, a highlight frame the view scrolls to.

use egui::{Color32, RichText, Ui};

use super::ctx::Ctx;
use super::theme;
use crate::i18n::tr;

/// Draws one labelled field row; `add` draws the input, labelled by the returned label id.
pub fn field_ui<R>(
    ui: &mut Ui,
    cx: &Ctx,
    path: &str,
    label: &str,
    add: impl FnOnce(&mut Ui, egui::Id) -> R,
) -> R {
    let is_highlighted = cx.is_highlighted(path);
    let frame = egui::Frame::new()
        .inner_margin(egui::Margin::symmetric(6, 4))
        .corner_radius(4.0)
        // The stroke counts in the frame's size: a transparent one of the same width keeps the
        // rows below where they are when the highlight fades.
        .stroke(egui::Stroke::new(
            2.0,
            if is_highlighted {
                theme::palette(ui.ctx()).accent
            } else {
                Color32::TRANSPARENT
            },
        ))
        .fill(if is_highlighted {
            theme::palette(ui.ctx()).highlight
        } else {
            Color32::TRANSPARENT
        });
    let row_width = ui.available_width() - 14.0;
    // The label column narrows with the form (zoom, narrow window), never below 120 points.
    let label_width = (row_width * 0.42).clamp(120.0, theme::LABEL_WIDTH);
    let help = cx.kb.help(path).map(|h| h.help.get(cx.lang).to_owned());
    let inner = frame.show(ui, |ui| {
        ui.set_max_width(row_width);
        ui.horizontal_top(|ui| {
            let label_response = ui
                .allocate_ui_with_layout(
                    egui::vec2(label_width, 18.0),
                    egui::Layout::top_down(egui::Align::Min),
                    |ui| {
                        ui.set_width(label_width);
                        ui.horizontal_wrapped(|ui| {
                            let label_response =
                                ui.add(egui::Label::new(RichText::new(label).strong()).wrap());
                            if help.is_some() {
                                help_button_ui(ui, cx, path, label);
                            }
                            label_response
                        })
                        .inner
                    },
                )
                .inner;
            let label_response = match &help {
                Some(help) => label_response.on_hover_text(help),
                None => label_response,
            };
            let input_width = (row_width - label_width - 12.0).max(120.0);
            ui.vertical(|ui| {
                ui.set_max_width(input_width);
                let value = add(ui, label_response.id);
                if let Some(help) = help.filter(|_| cx.is_explained(path)) {
                    ui.label(RichText::new(help).small().weak());
                }
                value
            })
            .inner
        })
        .inner
    });
    cx.land_on(&inner.response, path, egui::Align::Center);
    // The field the keyboard is in: F1 opens its help.
    let ctx = ui.ctx().clone();
    let focused_rect = ctx
        .memory(|m| m.focused())
        .and_then(|id| ctx.read_response(id))
        .map(|r| r.rect);
    if focused_rect.is_some_and(|rect| inner.response.rect.contains_rect(rect)) {
        ctx.data_mut(|d| {
            d.insert_temp(
                egui::Id::unique(super::windows::FOCUSED_FIELD),
                path.to_owned(),
            )
        });
    }
    inner.inner
}

/// The « ? » beside a field's label: opens the field's help (its explanation and sources).
fn help_button_ui(ui: &mut Ui, cx: &Ctx, path: &str, label: &str) {
    let name = crate::i18n::tr_with(cx.lang, "ui.help_for", &[("field", label)]);
    let response = ui
        .add(egui::Button::new(RichText::new("?").small()).small())
        .on_hover_text(&name);
    response.widget_info(|| egui::WidgetInfo::labeled(egui::Role::Button, true, &name));
    if response.clicked() {
        ui.ctx().data_mut(|d| {
            d.insert_temp(
                egui::Id::unique(super::windows::HELP_REQUEST),
                path.to_owned(),
            )
        });
    }
}

/// A single-line text field.
pub fn text_ui(ui: &mut Ui, cx: &Ctx, path: &str, label: &str, value: &mut String) {
    field_ui(ui, cx, path, label, |ui, label_id| {
        ui.add(egui::TextEdit::singleline(value).desired_width(ui.available_width()))
            .labelled_by(label_id);
    });
}

/// A multi-line text field.
pub fn multiline_ui(ui: &mut Ui, cx: &Ctx, path: &str, label: &str, value: &mut String) {
    field_ui(ui, cx, path, label, |ui, label_id| {
        super::text_area::text_area_ui(ui, path, value, 4, None).labelled_by(label_id);
    });
}

/// A list of strings edited one per line.
pub fn lines_ui(ui: &mut Ui, cx: &Ctx, path: &str, label: &str, items: &mut Vec<String>) {
    field_ui(ui, cx, path, label, |ui, label_id| {
        let mut text = items.join("\n");
        let response =
            super::text_area::text_area_ui(ui, path, &mut text, 3, None).labelled_by(label_id);
        if response.changed() {
            *items = if text.is_empty() {
                Vec::new()
            } else {
                text.split('\n').map(str::to_owned).collect()
            };
        }
        ui.label(RichText::new(tr(cx.lang, "ui.one_per_line")).small().weak());
    });
}

/// Yes / No / not answered.
pub fn yes_no_ui(ui: &mut Ui, cx: &Ctx, path: &str, label: &str, value: &mut Option<bool>) {
    let lang = cx.lang;
    field_ui(ui, cx, path, label, |ui, _label_id| {
        ui.horizontal(|ui| {
            for (choice, key) in [
                (Some(true), "ui.yes"),
                (Some(false), "ui.no"),
                (None, "ui.unanswered"),
            ] {
                ui.radio_value(value, choice, tr(lang, key));
            }
        });
    });
}

/// A box to tick, with the field's label and help beside it.
pub fn checkbox_ui(ui: &mut Ui, cx: &Ctx, path: &str, label: &str, value: &mut bool) {
    field_ui(ui, cx, path, label, |ui, label_id| {
        ui.checkbox(value, "").labelled_by(label_id);
    });
}

/// A whole number that may be left blank; anything but digits is refused as it is typed.
pub fn number_ui(
    ui: &mut Ui,
    cx: &Ctx,
    path: &str,
    label: &str,
    value: &mut Option<u32>,
    unit: &str,
) {
    field_ui(ui, cx, path, label, |ui, label_id| {
        ui.horizontal(|ui| {
            let mut text = value.map(|v| v.to_string()).unwrap_or_default();
            let response = ui
                .add(egui::TextEdit::singleline(&mut text).desired_width(80.0))
                .labelled_by(label_id);
            if response.changed() {
                let digits: String = text.chars().filter(char::is_ascii_digit).collect();
                *value = if digits.is_empty() {
                    None
                } else {
                    digits.parse().ok().or(*value)
                };
            }
            if !unit.is_empty() {
                ui.label(unit);
            }
        });
    });
}

/// A choice among enum values, each shown with its `enum.<kind>.<Variant>` label.
pub fn choice_ui<T: Copy + PartialEq + std::fmt::Debug>(
    ui: &mut Ui,
    cx: &Ctx,
    path: &str,
    label: &str,
    kind: &str,
    value: &mut T,
    choices: &[T],
) {
    let lang = cx.lang;
    field_ui(ui, cx, path, label, |ui, label_id| {
        choice_combo_ui(ui, lang, path, kind, value, choices, label_id);
    });
}

/// The combo box alone (for tables).
pub fn choice_combo_ui<T: Copy + PartialEq + std::fmt::Debug>(
    ui: &mut Ui,
    lang: crate::i18n::Lang,
    id_salt: &str,
    kind: &str,
    value: &mut T,
    choices: &[T],
    label_id: egui::Id,
) {
    let name = |v: &T| tr(lang, &format!("enum.{kind}.{v:?}")).to_owned();
    let response = egui::ComboBox::from_id_salt(id_salt)
        .selected_text(name(value))
        .width(220.0)
        .show_ui(ui, |ui| {
            for choice in choices {
                ui.selectable_value(value, *choice, name(choice));
            }
        });
    response.response.labelled_by(label_id);
}

/// A sub-heading inside a step.
/// A subheading over a list the path `path` names as a whole (`processing.purposes`): « go to
/// the field » for that path lands on it.
pub fn list_heading_ui(ui: &mut Ui, cx: &Ctx, path: &str, text: &str) {
    ui.add_space(10.0);
    let response = ui.label(
        RichText::new(text)
            .size(16.0)
            .strong()
            .color(theme::palette(ui.ctx()).accent),
    );
    ui.separator();
    if cx.should_scroll && cx.highlight == Some(path) {
        response.scroll_to_me(Some(egui::Align::TOP));
        super::windows::note_landed(ui.ctx(), path);
    }
}

/// A subheading between the groups of a step's fields.
pub fn subheading_ui(ui: &mut Ui, text: &str) {
    ui.add_space(10.0);
    ui.label(
        RichText::new(text)
            .size(16.0)
            .strong()
            .color(theme::palette(ui.ctx()).accent),
    );
    ui.separator();
}

/// Links to documents of the evidence locker, picked from the attached documents.
pub fn evidence_ids_ui(ui: &mut Ui, cx: &Ctx, path: &str, ids: &mut Vec<crate::model::EvidenceId>) {
    let label = tr(cx.lang, "dossier.evidence").to_owned();
    field_ui(ui, cx, path, &label, |ui, label_id| {
        evidence_picker_ui(ui, cx.lang, path, label_id, ids, cx.evidence_choices);
    });
}

/// The documents linked, as a drop-down of the locker's documents with a checkbox each (several
/// can be ticked); an id no longer in the locker is shown so it can be unticked.
pub fn evidence_picker_ui(
    ui: &mut Ui,
    lang: crate::i18n::Lang,
    id_salt: &str,
    label_id: egui::Id,
    ids: &mut Vec<crate::model::EvidenceId>,
    choices: &[(crate::model::EvidenceId, String)],
) {
    let shown = if ids.is_empty() {
        tr(lang, "ui.evidence_none_linked").to_owned()
    } else {
        ids.iter()
            .map(|e| e.to_string())
            .collect::<Vec<_>>()
            .join(", ")
    };
    let response = egui::ComboBox::from_id_salt(("evidence", id_salt))
        .selected_text(shown)
        .width(260.0)
        .close_behavior(egui::PopupCloseBehavior::CloseOnClickOutside)
        .height(360.0)
        .show_ui(ui, |ui| {
            // First, so a long locker never scrolls it out of sight.
            if ui.button(tr(lang, "ui.evidence_open_locker")).clicked() {
                ui.ctx().data_mut(|d| {
                    d.insert_temp(egui::Id::unique(super::windows::LOCKER_REQUEST), true)
                });
            }
            ui.separator();
            if choices.is_empty() {
                ui.label(tr(lang, "ui.evidence_locker_empty"));
            }
            for (id, words) in choices {
                let mut is_linked = ids.contains(id);
                if ui.checkbox(&mut is_linked, words).changed() {
                    if is_linked {
                        ids.push(id.clone());
                    } else {
                        ids.retain(|e| e != id);
                    }
                }
            }
            let gone: Vec<_> = ids
                .iter()
                .filter(|id| !choices.iter().any(|(c, _)| c == *id))
                .cloned()
                .collect();
            for id in gone {
                let mut is_linked = true;
                let words = crate::i18n::tr_with(lang, "ui.evidence_gone", &[("id", id.as_str())]);
                if ui.checkbox(&mut is_linked, words).changed() {
                    ids.retain(|e| e != &id);
                }
            }
        });
    response.response.labelled_by(label_id);
}
