//! The top bar: file commands, recent files, the portfolio, undo and redo, export, search,
//! review, the language switch and the help menu (help, legal texts, theme, shortcuts). It
//! wraps at high zoom rather than drawing one group over another.

use egui::RichText;

use super::action::Action;
use super::command::Command;
use super::{theme, GardefouApp};
use crate::i18n::{tr, Lang};

impl GardefouApp {
    /// The top bar.
    pub(super) fn top_bar_ui(&mut self, ui: &mut egui::Ui, actions: &mut Vec<Action>) {
        let lang = self.lang();
        ui.horizontal_wrapped(|ui| {
            ui.label(
                RichText::new("Garde-fou")
                    .size(18.0)
                    .strong()
                    .color(theme::palette(ui.ctx()).accent),
            );
            ui.separator();
            // On the start screen there is nothing yet to save, export or search.
            let has_work = !self.state.mode.on_start();
            command_button(ui, Command::New, lang, true, actions);
            command_button(ui, Command::Open, lang, true, actions);
            command_button(ui, Command::Save, lang, has_work, actions);
            command_button(ui, Command::SaveAs, lang, has_work, actions);
            ui.menu_button(tr(lang, "ui.recent"), |ui| {
                if self.settings.recent_files.is_empty() {
                    ui.label(tr(lang, "ui.no_recent"));
                }
                for path in &self.settings.recent_files {
                    if ui.button(path.display().to_string()).clicked() {
                        actions.push(Action::OpenPath(path.clone()));
                    }
                }
            });
            ui.separator();
            if ui
                .selectable_label(
                    self.state.mode.is_portfolio(),
                    Command::Portfolio.label(lang),
                )
                .on_hover_text(Command::Portfolio.hover_text(ui.ctx(), lang))
                .clicked()
            {
                actions.push(Action::Command(Command::Portfolio));
            }
            ui.separator();
            let can_undo = self.undoer.has_undo(&self.session.assessment);
            let can_redo = self.undoer.has_redo(&self.session.assessment);
            command_button(ui, Command::Undo, lang, can_undo, actions);
            command_button(ui, Command::Redo, lang, can_redo, actions);
            ui.separator();
            command_button(ui, Command::ExportDossier, lang, has_work, actions);
            ui.separator();
            command_button(ui, Command::Find, lang, has_work, actions);
            command_button(ui, Command::Review, lang, has_work, actions);
            // The language switch and the help menu sit at the right end when the row has room
            // for them; at 150–200 % zoom they follow the commands on the wrapped row instead
            // of being drawn over them.
            const RIGHT_GROUP_WIDTH: f32 = 125.0;
            // In a wrapping row, what is left of the current line (the available width is the
            // whole line's).
            let left_on_line = ui.max_rect().right() - ui.cursor().left();
            if left_on_line >= RIGHT_GROUP_WIDTH {
                ui.with_layout(egui::Layout::right_to_left(egui::Align::Center), |ui| {
                    self.language_and_help_ui(ui, lang, actions, true);
                });
            } else {
                self.language_and_help_ui(ui, lang, actions, false);
            }
        });
    }

    /// The help menu (help, legal texts, theme, shortcuts) and the language switch; `is_reversed`
    /// when drawn right to left (the menu then comes first, to stay at the far right).
    fn language_and_help_ui(
        &mut self,
        ui: &mut egui::Ui,
        lang: Lang,
        actions: &mut Vec<Action>,
        is_reversed: bool,
    ) {
        let languages: Vec<Lang> = if is_reversed {
            Lang::ALL.iter().rev().copied().collect()
        } else {
            Lang::ALL.to_vec()
        };
        if is_reversed {
            self.help_menu_ui(ui, lang, actions);
        }
        for other in languages {
            let text = other.code().to_ascii_uppercase();
            if ui
                .selectable_label(lang == other, text)
                .on_hover_text(tr(other, "ui.switch_language"))
                .clicked()
            {
                actions.push(Action::SetLang(other));
            }
        }
        if !is_reversed {
            self.help_menu_ui(ui, lang, actions);
        }
    }

    /// The « Help » menu: help, legal texts, the theme, the shortcuts.
    fn help_menu_ui(&mut self, ui: &mut egui::Ui, lang: Lang, actions: &mut Vec<Action>) {
        ui.menu_button(tr(lang, "action.help"), |ui| {
            for command in [Command::Help, Command::References] {
                if ui
                    .button(command.label(lang))
                    .on_hover_text(command.hover_text(ui.ctx(), lang))
                    .clicked()
                {
                    actions.push(Action::Command(command));
                    ui.close();
                }
            }
            // The theme lives here, so the top bar keeps room for the commands.
            let dark = self.settings.is_dark;
            let theme_text = if dark {
                tr(lang, "ui.light_theme")
            } else {
                tr(lang, "ui.dark_theme")
            };
            if ui.button(theme_text).clicked() {
                actions.push(Action::SetDark(!dark));
                ui.close();
            }
            ui.separator();
            ui.label(RichText::new(tr(lang, "ui.shortcuts")).strong());
            shortcuts_ui(ui, lang);
        });
    }
}

/// A command's button, with its tooltip and shortcut on hover.
fn command_button(
    ui: &mut egui::Ui,
    command: Command,
    lang: Lang,
    is_enabled: bool,
    actions: &mut Vec<Action>,
) {
    let text = if command == Command::ExportDossier {
        RichText::new(command.label(lang)).strong()
    } else {
        RichText::new(command.label(lang))
    };
    let hover = command.hover_text(ui.ctx(), lang);
    if ui
        .add_enabled(is_enabled, egui::Button::new(text))
        .on_hover_text(hover)
        .clicked()
    {
        actions.push(Action::Command(command));
    }
}

/// Every command with its keyboard shortcut, as the shortcut handling reads them.
fn shortcuts_ui(ui: &mut egui::Ui, lang: Lang) {
    egui::Grid::new("gardefou.shortcuts")
        .num_columns(2)
        .spacing([16.0, 4.0])
        .show(ui, |ui| {
            for command in Command::ALL {
                let Some(shortcut) = command.shortcut() else {
                    continue;
                };
                ui.label(command.label(lang))
                    .on_hover_text(command.tooltip(lang));
                ui.label(RichText::new(ui.ctx().format_shortcut(&shortcut)).monospace());
                ui.end_row();
            }
        });
}
