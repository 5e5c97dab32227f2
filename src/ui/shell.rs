//! The frame around the steps: the step navigator with completion and blocking marks, the
//! status bar and the prompts (unsaved changes, typed path, recovery); the top bar is in
//! `top_bar.rs`, the findings panel in `findings_panel.rs`.

use egui::RichText;

use super::action::Action;
use super::state::Prompt;
use super::step::Step;
use super::{theme, GardefouApp};
use crate::i18n::{tr, tr_with, Lang};
use crate::rules::Severity;

impl GardefouApp {
    /// The step navigator: in a scroll area, so every step stays reachable however far the
    /// window is zoomed, each step's name wrapping before its completion rather than running
    /// under the form.
    pub(super) fn navigator_ui(&mut self, ui: &mut egui::Ui, actions: &mut Vec<Action>) {
        egui::ScrollArea::vertical()
            .id_salt("steps")
            .auto_shrink([false, false])
            .show(ui, |ui| self.steps_ui(ui, actions));
    }

    fn steps_ui(&mut self, ui: &mut egui::Ui, actions: &mut Vec<Action>) {
        let lang = self.lang();
        ui.add_space(6.0);
        for step in &self.shown_steps() {
            let index = step.number();
            let keys = step.completeness_keys();
            let (answered, required) = keys
                .iter()
                .filter_map(|k| self.session.report().completeness.step(k))
                .fold((0, 0), |(a, r), s| (a + s.answered, r + s.required));
            let blocking = self
                .session
                .report()
                .with_severity(Severity::Blocking)
                .any(|f| f.fields.iter().any(|p| Step::of_field(p) == Some(*step)));
            ui.horizontal(|ui| {
                let selected = self.state.step == *step;
                let title = format!("{index}. {}", step.title(lang));
                // Room kept on the right for « 100 % » and the blocking mark.
                let room = (ui.available_width() - 44.0).max(60.0);
                let clicked = ui
                    .scope(|ui| {
                        ui.set_max_width(room);
                        ui.add(
                            egui::Button::selectable(selected, RichText::new(title).size(14.0))
                                .wrap_mode(egui::TextWrapMode::Wrap),
                        )
                        .clicked()
                    })
                    .inner;
                if clicked {
                    actions.push(Action::GoTo(*step, None));
                }
                ui.with_layout(egui::Layout::right_to_left(egui::Align::Center), |ui| {
                    if let Some(percent) = (answered * 100).checked_div(required) {
                        let colour = if percent == 100 {
                            theme::palette(ui.ctx()).good
                        } else {
                            theme::palette(ui.ctx()).muted
                        };
                        ui.label(
                            RichText::new(format!("{percent}\u{a0}%"))
                                .small()
                                .color(colour),
                        );
                    }
                    if blocking {
                        ui.label(RichText::new("●").color(theme::palette(ui.ctx()).bad))
                            .on_hover_text(tr(lang, "ui.step_has_blocking"));
                    }
                });
            });
        }
        ui.add_space(10.0);
        ui.separator();
        let percent = self.session.report().completeness.percent();
        ui.label(
            RichText::new(crate::i18n::tr_with(
                lang,
                "ui.completeness",
                &[("percent", &percent.to_string())],
            ))
            .small(),
        );
        ui.add(egui::ProgressBar::new(f32::from(percent) / 100.0).desired_height(6.0));
    }

    /// The status bar.
    pub(super) fn status_bar_ui(&mut self, ui: &mut egui::Ui) {
        let lang = self.lang();
        ui.horizontal(|ui| {
            let file = self.session.path().map_or_else(
                || tr(lang, "ui.untitled").to_owned(),
                |p| p.display().to_string(),
            );
            ui.label(RichText::new(file).small());
            ui.separator();
            let (text, colour) = if self.is_dirty() {
                (tr(lang, "ui.unsaved"), theme::palette(ui.ctx()).warn)
            } else {
                (tr(lang, "ui.saved"), theme::palette(ui.ctx()).good)
            };
            ui.label(RichText::new(text).small().color(colour));
            if let Some(label) = &self.state.last_autosave_label {
                ui.separator();
                ui.label(RichText::new(format!("{} {label}", tr(lang, "ui.autosaved"))).small());
            }
            if let Some(super::state::Status { message, is_error }) = &self.state.status {
                ui.separator();
                let colour = if *is_error {
                    theme::palette(ui.ctx()).bad
                } else {
                    theme::palette(ui.ctx()).good
                };
                ui.label(RichText::new(message).small().color(colour));
            }
        });
    }

    /// The open prompt, if any, as a modal window.
    pub(super) fn prompt_ui(&mut self, ctx: &egui::Context, actions: &mut Vec<Action>) {
        let lang = self.lang();
        let Some(prompt) = self.state.prompt.clone() else {
            return;
        };
        let mut close = false;
        let unsaved_validation = self.session.unsaved_validation().map(str::to_owned);
        // Enter confirms the dialog's first choice, Escape cancels — in every dialog.
        // The app's file picker, open above the prompt, takes the keys first.
        let is_picking = self.state.file_picker.is_some();
        let (enter, escape) = ctx.input(|i| {
            (
                i.key_pressed(egui::Key::Enter) && !is_picking,
                i.key_pressed(egui::Key::Escape) && !is_picking,
            )
        });
        egui::Modal::new(egui::Id::unique("gardefou.prompt")).show(ctx, |ui| {
            ui.set_width(460.0);
            match prompt {
                Prompt::Unsaved { then } => {
                    ui.heading(tr(lang, "ui.unsaved_title"));
                    ui.label(tr(lang, "ui.unsaved_question"));
                    // A validation is a signature act: losing it is said in so many words.
                    if let Some(number) = &unsaved_validation {
                        ui.label(
                            RichText::new(tr_with(
                                lang,
                                "ui.unsaved_validation",
                                &[("number", number)],
                            ))
                            .strong()
                            .color(theme::palette(ui.ctx()).bad),
                        );
                    }
                    ui.label(
                        RichText::new(tr(lang, "ui.enter_escape"))
                            .small()
                            .color(theme::palette(ui.ctx()).muted),
                    );
                    if escape {
                        close = true;
                    }
                    ui.horizontal(|ui| {
                        if ui.button(tr(lang, "action.save")).clicked() || (enter && !close) {
                            actions.push(Action::SaveThen(Box::new(then.clone())));
                            close = true;
                        }
                        if ui.button(tr(lang, "ui.discard")).clicked() {
                            actions.push(Action::DiscardThen(Box::new(then.clone())));
                            close = true;
                        }
                        if ui.button(tr(lang, "ui.cancel")).clicked() {
                            close = true;
                        }
                    });
                }
                Prompt::Path {
                    is_open,
                    mut text,
                    then,
                } => {
                    ui.heading(tr(
                        lang,
                        if is_open {
                            "ui.open_title"
                        } else {
                            "ui.save_title"
                        },
                    ));
                    let label = ui.label(tr(lang, "ui.path_hint"));
                    let response = ui
                        .add(
                            egui::TextEdit::singleline(&mut text)
                                .desired_width(ui.available_width()),
                        )
                        .labelled_by(label.id);
                    // The path box has the keyboard when the dialog opens; Tab still reaches
                    // the buttons.
                    if ui.memory(|m| m.focused().is_none()) {
                        response.request_focus();
                    }
                    let submitted = enter;
                    if escape {
                        close = true;
                    }
                    ui.horizontal(|ui| {
                        let ok = ui
                            .button(tr(
                                lang,
                                if is_open {
                                    "action.open"
                                } else {
                                    "action.save"
                                },
                            ))
                            .clicked();
                        if (ok || submitted) && !close && !text.trim().is_empty() {
                            let path = std::path::PathBuf::from(text.trim());
                            actions.push(if is_open {
                                Action::OpenPath(path)
                            } else {
                                Action::SavePath(path, then.clone())
                            });
                            close = true;
                        }
                        if ui.button(tr(lang, "ui.cancel")).clicked() {
                            close = true;
                        }
                        let purpose = if is_open {
                            super::file_dialog::DialogPurpose::Open
                        } else {
                            super::file_dialog::DialogPurpose::SaveProject
                        };
                        let browsing = self.picker.is_open();
                        if ui
                            .add_enabled(!browsing, egui::Button::new(tr(lang, "ui.browse")))
                            .clicked()
                        {
                            actions.push(Action::Browse(purpose));
                        }
                    });
                    if !close {
                        self.state.prompt = Some(Prompt::Path {
                            is_open,
                            text,
                            then,
                        });
                    }
                }
                Prompt::Recovery { offer } => {
                    ui.heading(tr(lang, "ui.recovery_title"));
                    ui.label(recovery_question(&offer, lang));
                    ui.label(
                        RichText::new(tr(lang, "ui.recovery_later"))
                            .small()
                            .color(theme::palette(ui.ctx()).muted),
                    );
                    // No cancel here: closing without an answer could let the next autosave
                    // replace the crash's copy. Enter restores; Escape is ignored.
                    ui.horizontal(|ui| {
                        if ui.button(tr(lang, "ui.restore")).clicked() || enter {
                            actions.push(Action::RestoreRecovery(offer.clone()));
                            close = true;
                        }
                        if ui.button(tr(lang, "ui.keep_file")).clicked() {
                            actions.push(Action::DiscardRecovery(offer.clone()));
                            close = true;
                        }
                    });
                }
                Prompt::ReplaceDossier {
                    message,
                    replaces_full_with_public,
                    without_logo,
                } => {
                    ui.heading(tr(lang, "ui.replace_title"));
                    ui.label(message);
                    if replaces_full_with_public {
                        ui.label(
                            RichText::new(tr(lang, "ui.replace_full_with_public"))
                                .strong()
                                .color(theme::palette(ui.ctx()).bad),
                        );
                    }
                    ui.horizontal(|ui| {
                        if ui.button(tr(lang, "ui.replace")).clicked() {
                            actions.push(Action::ReplaceDossier { without_logo });
                            close = true;
                        }
                        // Enter and Escape keep the file: replacing is never the default.
                        if ui.button(tr(lang, "ui.cancel")).clicked() || enter || escape {
                            close = true;
                        }
                    });
                }
                Prompt::OutsideLogo {
                    message,
                    trust,
                    target,
                } => {
                    ui.heading(tr(lang, "ui.outside_logo"));
                    ui.label(message);
                    ui.label(tr(lang, "ui.outside_logo_question"));
                    ui.horizontal(|ui| {
                        if ui.button(tr(lang, "ui.allow_for_project")).clicked() {
                            actions.push(Action::AllowOutsideThenExport(trust.clone(), target));
                            close = true;
                        }
                        // Enter takes the safe answer: nothing of this disk goes into the file.
                        if ui.button(tr(lang, "ui.export_without_logo")).clicked() || enter {
                            actions.push(Action::ExportWithoutLogo(target));
                            close = true;
                        }
                        if ui.button(tr(lang, "ui.cancel")).clicked() || escape {
                            close = true;
                        }
                    });
                }
                Prompt::LogoProblem { message, target } => {
                    ui.heading(tr(lang, "ui.logo_problem"));
                    ui.label(message);
                    ui.label(tr(lang, "ui.logo_problem_question"));
                    ui.horizontal(|ui| {
                        if ui.button(tr(lang, "ui.export_without_logo")).clicked() || enter {
                            actions.push(Action::ExportWithoutLogo(target));
                            close = true;
                        }
                        if ui.button(tr(lang, "ui.cancel")).clicked() || escape {
                            close = true;
                        }
                    });
                }
                Prompt::ImportWarnings { messages } => {
                    ui.heading(tr(lang, "ui.import_warnings"));
                    ui.label(tr(lang, "ui.import_warnings_intro"));
                    egui::ScrollArea::vertical()
                        .max_height(260.0)
                        .show(ui, |ui| {
                            for message in &messages {
                                ui.label(format!("• {message}"));
                            }
                        });
                    if ui.button(tr(lang, "ui.ok")).clicked() || enter || escape {
                        close = true;
                    }
                }
            }
        });
        if close {
            self.state.prompt = None;
        }
    }
}

/// « A recovery copy of FILE, written on DATE at TIME, was found », in the user's language.
fn recovery_question(offer: &crate::session::RecoveryOffer, lang: Lang) -> String {
    let file = offer.project.as_ref().map_or_else(
        || tr(lang, "ui.recovery_untitled").to_owned(),
        |p| p.display().to_string(),
    );
    let when = offer
        .written_at
        .map(|t| {
            let local = time::OffsetDateTime::from(t)
                .to_offset(time::UtcOffset::current_local_offset().unwrap_or(time::UtcOffset::UTC));
            let date = crate::model::Date::from(local.date());
            format!(
                "{} {:02}:{:02}",
                date.display(lang),
                local.hour(),
                local.minute()
            )
        })
        .unwrap_or_else(|| "?".to_owned());
    crate::i18n::tr_with(
        lang,
        "ui.recovery_question",
        &[
            ("file", &file),
            ("when", &when),
            ("path", &offer.path.display().to_string()),
        ],
    )
}
