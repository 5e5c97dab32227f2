//! The start screen: what a DPO sees when the app opens without a file — a new assessment, open
//! a file, the fictional example, the recent files (those gone from disk said so), and the
//! setting to reopen the last project instead.

use egui::RichText;

use super::action::Action;
use super::command::Command;
use super::{theme, GardefouApp};
use crate::i18n::tr;
use crate::knowledge::KnowledgeBase;
use crate::settings::Settings;

/// The project the app opens on when the user's setting says so: the most recent file, opened
/// by the session as « Open » does, when it still reads and is a project (anything else falls
/// back to the start screen).
pub fn last_project(
    settings: &Settings,
    kb: &KnowledgeBase,
    today: crate::model::Date,
) -> Option<(std::path::PathBuf, crate::session::Opened)> {
    if !settings.reopen_last {
        return None;
    }
    let path = settings.recent_files.first()?;
    let opened =
        crate::session::Session::open(path, std::sync::Arc::new(kb.clone()), today).ok()?;
    opened.kind.is_project().then(|| (path.clone(), opened))
}

impl GardefouApp {
    /// The start screen, in place of the wizard.
    pub(super) fn start_ui(&mut self, ui: &mut egui::Ui, actions: &mut Vec<Action>) {
        let lang = self.lang();
        let palette = theme::palette(ui.ctx());
        ui.add_space(24.0);
        ui.vertical_centered(|ui| {
            ui.set_max_width(640.0);
            ui.label(
                RichText::new("Garde-fou")
                    .size(30.0)
                    .strong()
                    .color(palette.accent),
            );
            ui.label(RichText::new(tr(lang, "start.tagline")).size(15.0));
            ui.add_space(18.0);
            ui.horizontal(|ui| {
                let big = |text: &str| RichText::new(text).size(16.0);
                if ui
                    .button(big(tr(lang, "start.new")))
                    .on_hover_text(Command::New.hover_text(ui.ctx(), lang))
                    .clicked()
                {
                    actions.push(Action::Command(Command::New));
                }
                if ui
                    .button(big(tr(lang, "start.open")))
                    .on_hover_text(Command::Open.hover_text(ui.ctx(), lang))
                    .clicked()
                {
                    actions.push(Action::Command(Command::Open));
                }
                if ui
                    .button(big(tr(lang, "start.example")))
                    .on_hover_text(tr(lang, "start.example_tooltip"))
                    .clicked()
                {
                    actions.push(Action::OpenExample);
                }
                if ui
                    .button(big(tr(lang, "start.portfolio")))
                    .on_hover_text(Command::Portfolio.hover_text(ui.ctx(), lang))
                    .clicked()
                {
                    actions.push(Action::Command(Command::Portfolio));
                }
            });
            ui.add_space(18.0);
            ui.label(RichText::new(tr(lang, "start.recent")).strong());
            if self.settings.recent_files.is_empty() {
                ui.label(RichText::new(tr(lang, "ui.no_recent")).color(palette.muted));
            }
            for path in &self.settings.recent_files {
                let exists = path.is_file();
                let name = path.file_name().map_or_else(
                    || path.display().to_string(),
                    |n| n.to_string_lossy().into(),
                );
                ui.horizontal(|ui| {
                    let button = ui.add_enabled(exists, egui::Button::new(name));
                    if button.clicked() {
                        actions.push(Action::OpenPath(path.clone()));
                    }
                    let folder = path
                        .parent()
                        .map(|p| p.display().to_string())
                        .unwrap_or_default();
                    let note = if exists {
                        folder
                    } else {
                        format!("{folder} — {}", tr(lang, "start.missing"))
                    };
                    ui.label(RichText::new(note).small().color(palette.muted));
                    // Unsaved work of that file survives in a recovery copy: said here, offered
                    // when the file opens.
                    if crate::session::pending_recovery(path).is_some() {
                        ui.label(
                            RichText::new(tr(lang, "start.has_recovery"))
                                .small()
                                .color(palette.warn),
                        );
                    }
                });
            }
            ui.add_space(18.0);
            ui.checkbox(
                &mut self.settings.reopen_last,
                tr(lang, "start.reopen_last"),
            );
        });
    }
}
