//! The date field: reads dates as people type them (`01/10/2026`, `1er octobre 2026`, ISO…),
//! shows the recorded date in the interface language's form, offers a calendar, and never erases
//! what was typed — an unreadable text stays in the field, with the reason beside it and the date
//! that stays recorded.

use egui::{RichText, Ui};

use super::ctx::Ctx;
use super::theme;
use super::widgets::field_ui;
use crate::i18n::{tr, tr_with, Lang};
use crate::model::date_input::{long_form, month_name, parse_typed, DateInputError};
use crate::model::Date;

/// What is being typed in a date field, kept between frames (and when the field loses focus
/// while unreadable); dropped when the recorded date changes elsewhere (undo, another field).
#[derive(Clone)]
struct Draft {
    /// The text as typed.
    text: String,
    /// The recorded date the draft was typed against.
    model: Option<Date>,
}

/// A labelled date field with its calendar button.
pub fn date_ui(ui: &mut Ui, cx: &Ctx, path: &str, label: &str, value: &mut Option<Date>) {
    let lang = cx.lang;
    let today = cx.today;
    field_ui(ui, cx, path, label, |ui, label_id| {
        date_input_ui(ui, lang, today, path, label_id, value);
    });
}

/// The text box, the calendar button and the line under them; `label_id` names the text box.
pub fn date_input_ui(
    ui: &mut Ui,
    lang: Lang,
    today: Date,
    path: &str,
    label_id: egui::Id,
    value: &mut Option<Date>,
) {
    let id = ui.make_persistent_id(("date", path));
    let draft = ui
        .data_mut(|d| d.get_temp::<Draft>(id))
        .filter(|draft| draft.model == *value);
    let mut text = draft.map_or_else(|| shown(*value, lang), |d| d.text);
    let mut picked = None;
    let response = ui
        .horizontal(|ui| {
            let response = ui
                .add(
                    egui::TextEdit::singleline(&mut text)
                        .hint_text(tr(lang, "ui.date_format"))
                        .desired_width(130.0),
                )
                .labelled_by(label_id);
            let button = ui
                .button(tr(lang, "ui.date.calendar"))
                .on_hover_text(tr(lang, "ui.date.pick"));
            egui::Popup::from_toggle_button_response(&button)
                .close_behavior(egui::PopupCloseBehavior::CloseOnClickOutside)
                .show(|ui| {
                    picked = calendar_ui(ui, lang, today, id.with("month"), *value);
                    if picked.is_some() {
                        ui.close();
                    }
                });
            response
        })
        .inner;
    let parsed = (!text.trim().is_empty()).then(|| parse_typed(&text));
    match &parsed {
        Some(Ok(date)) if response.changed() => *value = Some(*date),
        // An emptied field clears the date once the user leaves it: emptying it to type another
        // date must not lose the recorded one if the new text turns out unreadable.
        None if response.lost_focus() => *value = None,
        _ => {}
    }
    if let Some(date) = picked {
        *value = Some(date);
        text = shown(*value, lang);
    }
    let is_unreadable = picked.is_none() && matches!(parsed, Some(Err(_)));
    match &parsed {
        Some(Err(error)) if is_unreadable => {
            let kept = value.map_or_else(
                || tr(lang, "ui.date.none_kept").to_owned(),
                |date| tr_with(lang, "ui.date.kept", &[("date", &date.display(lang))]),
            );
            ui.label(
                RichText::new(format!("{} — {kept}", reason(error, lang)))
                    .color(theme::palette(ui.ctx()).bad),
            );
        }
        Some(Ok(date)) if response.has_focus() => {
            ui.label(
                RichText::new(tr_with(
                    lang,
                    "ui.date.read_as",
                    &[("date", &long_form(*date, lang))],
                ))
                .color(theme::palette(ui.ctx()).muted),
            );
        }
        _ => {}
    }
    if is_unreadable || (response.has_focus() && picked.is_none()) {
        ui.data_mut(|d| {
            d.insert_temp(
                id,
                Draft {
                    text,
                    model: *value,
                },
            )
        });
    } else {
        // Read and recorded: show the recorded date in the language's form.
        ui.data_mut(|d| d.remove::<Draft>(id));
    }
}

/// The recorded date as the field shows it.
fn shown(value: Option<Date>, lang: Lang) -> String {
    value.map(|d| d.display(lang)).unwrap_or_default()
}

/// Why a typed text is not a date, in words.
fn reason(error: &DateInputError, lang: Lang) -> String {
    match error {
        DateInputError::Unreadable => tr(lang, "ui.date.unreadable").to_owned(),
        DateInputError::NoSuchDay { day, month, year } => tr_with(
            lang,
            "ui.date.no_such_day",
            &[
                ("day", &day.to_string()),
                ("month", month_name(u8::try_from(*month).unwrap_or(1), lang)),
                ("year", &year.to_string()),
            ],
        ),
        DateInputError::YearOutOfRange(year) => tr_with(
            lang,
            "ui.date.year_range",
            &[
                ("year", &year.to_string()),
                (
                    "first",
                    &crate::model::date_input::YEARS.start().to_string(),
                ),
                ("last", &crate::model::date_input::YEARS.end().to_string()),
            ],
        ),
    }
}

/// One month of days, Monday first, with the previous and next months a click away; returns
/// the day clicked.
fn calendar_ui(
    ui: &mut Ui,
    lang: Lang,
    today: Date,
    month_id: egui::Id,
    selected: Option<Date>,
) -> Option<Date> {
    let start = selected.unwrap_or(today).first_of_month_plus(0);
    let mut month: Date = ui.data_mut(|d| d.get_temp(month_id)).unwrap_or(start);
    let mut picked = None;
    ui.horizontal(|ui| {
        if ui
            .button("‹")
            .on_hover_text(tr(lang, "ui.date.previous_month"))
            .clicked()
        {
            month = month.first_of_month_plus(-1);
        }
        // A fixed width: « › » stays where it is whatever the month's name (« mai » / « septembre »).
        ui.add_sized(
            [150.0, ui.spacing().interact_size.y],
            egui::Label::new(
                RichText::new(format!(
                    "{} {}",
                    month_name(month.month(), lang),
                    month.year()
                ))
                .strong(),
            ),
        );
        if ui
            .button("›")
            .on_hover_text(tr(lang, "ui.date.next_month"))
            .clicked()
        {
            month = month.first_of_month_plus(1);
        }
    });
    egui::Grid::new(month_id.with("grid"))
        .num_columns(7)
        .spacing([2.0, 2.0])
        .show(ui, |ui| {
            for name in tr(lang, "ui.date.weekdays").split_whitespace() {
                ui.label(RichText::new(name).color(theme::palette(ui.ctx()).muted));
            }
            ui.end_row();
            let blanks = month.weekday_from_monday();
            for _ in 0..blanks {
                ui.label("");
            }
            for day in 1..=month.days_in_month() {
                let Some(date) = Date::from_ymd(month.year(), month.month(), day) else {
                    continue;
                };
                let text = RichText::new(format!("{day:>2}")).monospace();
                let text = if date == today {
                    text.underline()
                } else {
                    text
                };
                let response = ui
                    .selectable_label(selected == Some(date), text)
                    .on_hover_text(long_form(date, lang));
                if response.clicked() {
                    picked = Some(date);
                }
                if (blanks + day).is_multiple_of(7) {
                    ui.end_row();
                }
            }
        });
    ui.horizontal(|ui| {
        if ui.button(tr(lang, "ui.date.today")).clicked() {
            picked = Some(today);
        }
    });
    ui.data_mut(|d| d.insert_temp(month_id, month));
    picked
}
