//! One frame of the app: the file picker, the window title, the keyboard shortcuts, the central
//! panel and the whole frame (top bar, steps, findings, prompts), and eframe's hooks.

use std::path::PathBuf;

use crate::i18n::tr;
use crate::ui::action::Action;
use crate::ui::command::Command;
use crate::ui::ctx::Ctx;
use crate::ui::state::{Mode, Prompt};
use crate::ui::step::Step;
use crate::ui::steps::StepCtx;
use crate::ui::{evidence_choices, file_picker, steps, GardefouApp, SETTINGS_KEY, STEP_KEYS};

impl GardefouApp {
    /// The app's own file picker, above the prompt that asked for it.
    pub(in crate::ui) fn file_picker_ui(&mut self, ctx: &egui::Context) {
        let lang = self.lang();
        let Some(picker) = self.state.file_picker.as_mut() else {
            return;
        };
        match file_picker::picker_ui(ctx, picker, lang) {
            file_picker::PickerAnswer::Open => {}
            file_picker::PickerAnswer::Cancelled => self.state.file_picker = None,
            file_picker::PickerAnswer::Chosen(path) => {
                let purpose = picker.purpose.clone();
                self.state.file_picker = None;
                self.use_picked_path(purpose, path);
            }
        }
    }

    /// The window title: the project's title (or file name, or « untitled »), with a mark while
    /// there are unsaved changes; sent to the window only when it changes.
    pub(in crate::ui) fn update_title(&mut self, ctx: &egui::Context) {
        let lang = self.lang();
        let name = if self.state.mode.on_start() {
            String::new()
        } else if !self.session.assessment.project.title.trim().is_empty() {
            self.session.assessment.project.title.trim().to_owned()
        } else if let Some(path) = self.session.path() {
            path.file_name()
                .map_or_else(String::new, |n| n.to_string_lossy().into_owned())
        } else {
            tr(lang, "ui.untitled").to_owned()
        };
        let mut title = if name.is_empty() {
            "Garde-fou".to_owned()
        } else {
            format!("Garde-fou — {name}")
        };
        if self.is_dirty() {
            title.push_str(" •");
        }
        if title != self.state.window_title {
            ctx.send_viewport_cmd(egui::ViewportCommand::Title(title.clone()));
            self.state.window_title = title;
        }
    }

    pub(in crate::ui) fn shortcuts(&self, ctx: &egui::Context, actions: &mut Vec<Action>) {
        if self.state.prompt.is_some() || self.state.file_picker.is_some() {
            return;
        }
        let on_start = self.state.mode.on_start();
        ctx.input_mut(|input| {
            for command in Command::by_shortcut_precedence() {
                let is_available = !on_start
                    || matches!(
                        command,
                        Command::New
                            | Command::Open
                            | Command::Quit
                            | Command::References
                            | Command::Portfolio
                    );
                if !is_available {
                    continue;
                }
                if let Some(shortcut) = command.shortcut() {
                    if input.consume_shortcut(&shortcut) {
                        actions.push(Action::Command(command));
                    }
                }
            }
            // Alt+0 … Alt+8: straight to a step, as numbered in the navigator. The platform also
            // sends the digit as typed text: that text is taken away too, or the field that has
            // the focus would receive it (« 21 jours2 »).
            let mut digits = Vec::new();
            for (step, key) in Step::ALL.iter().zip(STEP_KEYS) {
                if input.consume_shortcut(&egui::KeyboardShortcut::new(egui::Modifiers::ALT, key)) {
                    actions.push(Action::GoTo(*step, None));
                    digits.push(key.symbol_or_name().to_owned());
                }
            }
            if !digits.is_empty() {
                input.events.retain(
                    |event| !matches!(event, egui::Event::Text(text) if digits.contains(text)),
                );
            }
        });
        let dropped: Vec<PathBuf> = ctx.input(|i| {
            i.raw
                .dropped_files
                .iter()
                .map(|f| f.path().to_owned())
                .collect()
        });
        actions.extend(
            dropped
                .into_iter()
                .filter(|p| !p.as_os_str().is_empty())
                .map(Action::OpenPath),
        );
    }

    pub(in crate::ui) fn central_ui(&mut self, ui: &mut egui::Ui, actions: &mut Vec<Action>) {
        let lang = self.lang();
        // A contributor's copy shows its own steps only.
        let shown = self.shown_steps();
        if !shown.contains(&self.state.step) {
            if let Some(first) = shown.first() {
                self.state.step = *first;
            }
        }
        let step = self.state.step;
        ui.horizontal(|ui| {
            ui.heading(
                egui::RichText::new(format!("{}. {}", step.number(), step.title(lang))).strong(),
            );
        });
        ui.separator();
        self.contribution_banner_ui(ui);
        let now = ui.input(|i| i.time);
        if self
            .state
            .highlight
            .as_ref()
            .is_some_and(|h| now - h.since > 6.0)
        {
            self.state.highlight = None;
        }
        if let Some(done) = self.state.export_task.as_ref().and_then(|task| task.take()) {
            self.state.export = done;
            self.state.export_task = None;
        }
        let export = self.state.export.clone();
        let highlight = self.state.highlight.as_ref().map(|h| h.path.clone());
        let explained = self.state.explained.clone();
        let should_scroll = std::mem::take(&mut self.state.should_scroll);
        let newly_focused = self.newly_focused_in(ui);
        let form = Some((step, self.state.project_number));
        if self.state.drawn_form != form {
            self.state.drawn_form = form;
            crate::ui::text_area::forget_heights(ui.ctx());
        }
        egui::ScrollArea::vertical()
            .id_salt(("step", step, self.state.project_number))
            .auto_shrink([false, false])
            .show(ui, |ui| {
                if let Some(rect) = newly_focused {
                    ui.scroll_to_rect(rect.expand(8.0), None);
                }
                ui.set_max_width(ui.available_width().min(900.0));
                let evidence_choices = evidence_choices(&self.session.assessment, lang);
                let (assessment, view) = self.session.edit_view();
                let mut cx = StepCtx {
                    base: Ctx {
                        lang,
                        kb: view.kb,
                        report: view.report,
                        highlight: highlight.as_deref(),
                        explained: explained.as_deref(),
                        should_scroll,
                        actions,
                        today: view.today,
                        evidence_choices: &evidence_choices,
                    },
                    export: &export,
                    export_path: &mut self.state.export_path,
                    export_public: &mut self.state.export_public,
                    export_format: &mut self.state.export_format,
                    inventory: &mut self.state.inventory,
                    evidence_form: &mut self.state.evidence_form,
                    plans: &mut self.state.plans,
                    evidence_statuses: view.evidence,
                    project_file: view.project_file,
                    user_name: &mut self.settings.user_name,
                    user_branding: &mut self.settings.branding,
                    circuit_form: &mut self.state.circuit_form,
                };
                steps::step_ui(ui, step, &mut cx, assessment);
                ui.add_space(16.0);
                ui.horizontal(|ui| {
                    if let Some(previous) = step.previous_among(&shown) {
                        if ui.button(format!("← {}", previous.title(lang))).clicked() {
                            cx.actions.push(Action::GoTo(previous, None));
                        }
                    }
                    if let Some(next) = step.next_among(&shown) {
                        if ui.button(format!("{} →", next.title(lang))).clicked() {
                            cx.actions.push(Action::GoTo(next, None));
                        }
                    }
                });
                ui.add_space(24.0);
            });
    }

    /// The steps the navigator shows: all, or a contributor's own.
    pub(in crate::ui) fn shown_steps(&self) -> Vec<Step> {
        Step::shown(self.session.assessment.project.contribution.as_ref())
    }

    /// Where the control that took the keyboard focus since the last frame was drawn, when it
    /// is in the form (`ui`'s layer and columns): Tab to a field below the fold scrolls it in.
    fn newly_focused_in(&mut self, ui: &egui::Ui) -> Option<egui::Rect> {
        let focused = ui.memory(|m| m.focused());
        let previous = std::mem::replace(&mut self.state.last_focus, focused);
        if focused == previous {
            return None;
        }
        let response = ui.ctx().read_response(focused?)?;
        let form = ui.max_rect();
        let in_form = response.layer_id == ui.layer_id()
            && response.rect.center().x >= form.left()
            && response.rect.center().x <= form.right();
        in_form.then_some(response.rect)
    }

    /// One frame, without the window (used by the tests through egui_kittest).
    pub fn frame_ui(&mut self, ui: &mut egui::Ui) {
        let ctx = ui.ctx().clone();
        self.follow_clock(&ctx);
        let mut actions = std::mem::take(&mut self.pending);
        self.shortcuts(&ctx, &mut actions);
        if ctx.input(|i| i.viewport().close_requested()) && self.is_dirty() {
            ctx.send_viewport_cmd(egui::ViewportCommand::CancelClose);
            self.state.prompt = Some(Prompt::Unsaved {
                then: Action::Command(Command::Quit),
            });
        }
        egui::Panel::top("top_bar").show(ui, |ui| {
            ui.add_space(4.0);
            self.top_bar_ui(ui, &mut actions);
            ui.add_space(4.0);
        });
        egui::Panel::bottom("status_bar").show(ui, |ui| self.status_bar_ui(ui));
        self.update_title(&ctx);
        self.poll_portfolio(&ctx);
        if self.state.mode.is_portfolio() {
            egui::CentralPanel::default().show(ui, |ui| self.portfolio_ui(ui, &mut actions));
            self.prompt_ui(&ctx, &mut actions);
            self.file_picker_ui(&ctx);
            for action in actions {
                self.apply(&ctx, action);
            }
            self.take_picked_path();
            return;
        }
        if self.state.mode == Mode::Start {
            egui::CentralPanel::default().show(ui, |ui| self.start_ui(ui, &mut actions));
            self.prompt_ui(&ctx, &mut actions);
            for action in actions {
                self.apply(&ctx, action);
            }
            self.take_picked_path();
            return;
        }
        // Side panels give way when the window is narrow or zoomed (Ctrl+plus up to 150 %), so
        // the form in the middle keeps room for its labels and fields.
        let width = ui.available_width();
        egui::Panel::left("steps")
            .resizable(true)
            .default_size(250.0)
            .min_size(150.0)
            .max_size((width * 0.2).max(150.0))
            .show(ui, |ui| {
                self.navigator_ui(ui, &mut actions);
            });
        egui::Panel::right("findings")
            .resizable(true)
            .default_size(340.0)
            .min_size(200.0)
            .max_size((width * 0.26).max(200.0))
            .show(ui, |ui| {
                self.findings_ui(ui, &mut actions);
            });
        let content = egui::CentralPanel::default()
            .show(ui, |ui| self.central_ui(ui, &mut actions))
            .response
            .rect;
        crate::ui::windows::note_content(&ctx, content);
        self.panels_ui(&ctx, &mut actions);
        self.prompt_ui(&ctx, &mut actions);
        self.file_picker_ui(&ctx);

        for action in actions {
            self.apply(&ctx, action);
        }
        self.take_picked_path();
        if let Some(failure) = self.state.viewer.as_ref().and_then(|task| task.take()) {
            self.state.viewer = None;
            if let Some(message) = failure {
                self.set_status(message, true);
            }
        }
        let now = ctx.input(|i| i.time);
        self.undoer.feed_state(now, &self.session.assessment);
        if self.session.refresh() {
            self.state.last_edit = Some(now);
        }
        self.announce_export();
        self.autosave(now);
        if self.is_dirty() {
            // Wakes the app for the recovery copy due a few seconds after the last edit.
            ctx.request_repaint_after(std::time::Duration::from_secs_f64(
                crate::session::AUTOSAVE_QUIET_SECONDS,
            ));
        }
    }
}

impl GardefouApp {
    /// A new day on the clock re-judges the assessment on it (deadlines, expiry, review); an
    /// idle window still wakes once a minute to notice midnight.
    fn follow_clock(&mut self, ctx: &egui::Context) {
        let Some(clock) = &self.clock else {
            return;
        };
        let today = clock();
        if today != self.session.today() {
            self.session.set_today(today);
        }
        ctx.request_repaint_after(std::time::Duration::from_secs(60));
    }
}

impl eframe::App for GardefouApp {
    fn ui(&mut self, ui: &mut egui::Ui, _frame: &mut eframe::Frame) {
        self.frame_ui(ui);
    }

    fn save(&mut self, storage: &mut dyn eframe::Storage) {
        eframe::set_value(storage, SETTINGS_KEY, &self.settings);
    }

    fn on_exit(&mut self, _gl: Option<&eframe::glow::Context>) {
        self.session.close();
    }
}
