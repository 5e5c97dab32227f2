//! The app's update: each `Action` applied once after the frame (`apply`), and the user's
//! `Command`s (`run_command`).

use std::sync::Arc;

use crate::i18n::tr_with;
use crate::model::Assessment;
use crate::session::save::with_project_extension;
use crate::session::Session;
use crate::ui::action::Action;
use crate::ui::command::Command;
use crate::ui::state::{Highlight, Prompt};
use crate::ui::step::Step;
use crate::ui::{action, steps, theme, viewer, windows, GardefouApp};
use crate::{edit, messages, sample};

impl GardefouApp {
    /// Applies one action.
    pub fn apply(&mut self, ctx: &egui::Context, action: Action) {
        let lang = self.lang();
        // Asking for a path is harmless; replacing the assessment is what needs the prompt.
        let replaces = matches!(
            action,
            Action::Command(Command::New | Command::Quit)
                | Action::OpenPath(_)
                | Action::OpenExample
        );
        if replaces && self.is_dirty() {
            self.state.prompt = Some(Prompt::Unsaved { then: action });
            return;
        }
        match action {
            Action::Command(command) => self.run_command(ctx, command),
            Action::OpenPath(path) => self.open_path(&path),
            Action::PrepareMerge(path) => self.prepare_merge(&path),
            Action::ApplyMerge => self.apply_merge(),
            Action::WriteContribution => self.write_contribution(),
            Action::SavePath(path, then) => {
                let path = with_project_extension(path);
                if self.save_to(Some(&path)) {
                    self.pending.extend(then.map(|then| *then));
                }
            }
            Action::SaveThen(then) => match self.session.path() {
                Some(_) => {
                    if self.save_to(None) {
                        self.pending.push(*then);
                    }
                }
                None => self.ask_path(false, String::new(), Some(then)),
            },
            Action::DiscardThen(then) => {
                self.session.discard_changes();
                self.pending.push(*then);
            }
            Action::ExportDocument(kind) => self.export_document(kind, false),
            Action::ExportWithoutLogo(action::ExportTarget::Dossier) => {
                self.start_export(ctx, true, false)
            }
            Action::ExportWithoutLogo(action::ExportTarget::Document(kind)) => {
                self.export_document(kind, true)
            }
            Action::ReplaceDossier { without_logo } => self.start_export(ctx, without_logo, true),
            Action::AllowOutsideThenExport(trust, target) => {
                let (assessment, view) = self.session.edit_view();
                edit::apply(assessment, view.kb, &edit::Edit::TrustFile(trust));
                match target {
                    action::ExportTarget::Dossier => self.start_export(ctx, false, false),
                    action::ExportTarget::Document(kind) => self.export_document(kind, false),
                }
            }
            Action::CopyDocument(kind) => self.copy_document(ctx, kind),
            Action::ExportPia => self.export_pia(),
            Action::GoTo(step, field) => {
                // A contributor's copy goes to its own steps only.
                if !self.shown_steps().contains(&step) {
                    return;
                }
                self.state.step = step;
                let now = ctx.input(|i| i.time);
                self.state.explained = field.clone();
                self.state.highlight = field.map(|path| Highlight { path, since: now });
                self.state.should_scroll = self.state.highlight.is_some();
            }
            Action::SetLang(new) => {
                // A message already shown was worded in the old language: drop it.
                self.settings.lang = Some(new);
                self.state.status = None;
            }
            Action::SetDark(is_dark) => {
                self.settings.is_dark = is_dark;
                theme::set_dark(ctx, is_dark);
            }
            Action::Edit(edit) => {
                let (assessment, view) = self.session.edit_view();
                edit::apply(assessment, view.kb, &edit);
            }
            Action::RestoreRecovery(offer) => {
                if let Err(error) = self.session.restore_recovery(&offer) {
                    self.set_status(messages::load_error(&error, lang), true);
                }
            }
            Action::DiscardRecovery(offer) => self.session.discard_recovery(&offer),
            Action::AttachEvidence(file, kind, description) => {
                match self.session.attach_evidence(&file, kind, &description) {
                    Ok(_) => self.state.evidence_form = steps::EvidenceForm::default(),
                    Err(error) => self.set_status(messages::attach_error(&error, lang), true),
                }
            }
            Action::AttachLogo(file) => {
                if let Err(error) = self.session.attach_logo(&file) {
                    self.set_status(messages::attach_logo_error(&error, lang), true);
                }
            }
            Action::ImportCameras(preview) => {
                let placed = self.session.import_cameras(&preview);
                let message = messages::csv_imported(
                    (preview.cameras.len(), preview.updates.len()),
                    &placed,
                    lang,
                );
                self.state.inventory.message = Some((message, false));
            }
            Action::SetPlanBackground(plan, file, sides) => {
                match self.session.set_plan_background(&plan, &file, sides) {
                    Ok(_) => self.georeference_beside(&plan, &file),
                    Err(error) => self.set_status(messages::attach_error(&error, lang), true),
                }
            }
            Action::GeoreferencePlan(plan, file) => self.georeference_plan(&plan, file.as_deref()),
            Action::TiePlan(plan, georef) => self.tie_plan(&plan, georef),
            Action::ImportCamerasCsv(path) => self.import_cameras_csv(&path),
            Action::ImportGeoJson(plan, path) => self.import_geojson(&plan, &path),
            Action::ExportCamerasCsv(path) => self.export_cameras_csv(&path),
            Action::ChangeStatus(to, comment) => {
                let by = self.settings.user_name.clone();
                if let Err(error) = self.session.change_status(to, &by, &comment) {
                    self.set_status(messages::circuit_error(&error, lang), true);
                }
            }
            Action::Validate(number, reason) => {
                let by = self.settings.user_name.clone();
                match self.session.validate(&number, &by, &reason) {
                    Ok(()) => {
                        self.state.circuit_form = steps::circuit::CircuitForm::default();
                        // Validating is a signature act: the version is written to the file at
                        // once. Untitled work has no file yet, and the message says so.
                        let saved = self.session.path().is_some() && self.save_to(None);
                        let key = if saved {
                            "circuit.validated"
                        } else {
                            "circuit.validated_unsaved"
                        };
                        if saved || self.session.path().is_none() {
                            self.set_status(tr_with(lang, key, &[("number", &number)]), false);
                        }
                    }
                    Err(error) => self.set_status(messages::circuit_error(&error, lang), true),
                }
            }
            Action::OpenInViewer(path) => {
                self.state.viewer = Some(viewer::open_in_background(path, lang, ctx));
            }
            Action::OpenExample => match sample::sample() {
                Ok(example) => {
                    let kb = Arc::clone(self.session.kb());
                    self.replace_session(Session::new(example, None, kb, self.session.today()));
                    self.state.step = Step::Project;
                }
                Err(error) => self.set_status(messages::load_error(&error, lang), true),
            },
            Action::Status(message) => self.set_status(message, true),
            Action::Info(message) => self.set_status(message, false),
            Action::ShowChanges => self.state.changes = self.compute_changes(),
            Action::ShowReference(selected) => {
                self.state.references = Some(windows::ReferencesView {
                    should_scroll: selected.is_some(),
                    selected,
                    filter: String::new(),
                    shows_rules: false,
                });
            }
            Action::ScanPortfolio(folder) => self.scan_portfolio(ctx, folder),
            Action::WritePortfolio(output) => self.write_portfolio(output),
            Action::Browse(purpose) => {
                self.picker
                    .start(Arc::clone(&self.dialogs), purpose, ctx.clone());
            }
        }
    }

    /// Runs a command the user gave.
    pub(in crate::ui) fn run_command(&mut self, ctx: &egui::Context, command: Command) {
        match command {
            Command::New => {
                let kb = Arc::clone(self.session.kb());
                self.replace_session(Session::new(
                    Assessment::default(),
                    None,
                    kb,
                    self.session.today(),
                ));
                self.state.step = Step::Project;
            }
            Command::Open => self.ask_path(true, String::new(), None),
            Command::Save => {
                if self.session.path().is_some() {
                    self.save_to(None);
                } else {
                    self.ask_path(false, String::new(), None);
                }
            }
            Command::SaveAs => {
                let text = self
                    .session
                    .path()
                    .map(|p| p.display().to_string())
                    .unwrap_or_default();
                self.ask_path(false, text, None);
            }
            Command::Undo => {
                if let Some(previous) = self.undoer.undo(&self.session.assessment) {
                    self.session.assessment = previous.clone();
                }
            }
            Command::Redo => {
                if let Some(next) = self.undoer.redo(&self.session.assessment) {
                    self.session.assessment = next.clone();
                }
            }
            Command::ExportDossier => self.start_export(ctx, false, false),
            Command::Quit => {
                self.session.close();
                ctx.send_viewport_cmd(egui::ViewportCommand::Close);
            }
            Command::Find => {
                self.state.search = Some(windows::SearchView {
                    text: self.state.search.take().map(|s| s.text).unwrap_or_default(),
                    should_focus: true,
                    results: None,
                });
            }
            Command::Help => {
                let focused: Option<String> =
                    ctx.data(|d| d.get_temp(egui::Id::unique(windows::FOCUSED_FIELD)));
                self.state.help = Some(focused.unwrap_or_default());
            }
            Command::References => {
                self.state.references = Some(windows::ReferencesView::default());
            }
            Command::Review => {
                self.state.review = Some(self.state.review.take().unwrap_or_default());
            }
            Command::NextStep => {
                if let Some(next) = self.state.step.next_among(&self.shown_steps()) {
                    self.state.step = next;
                }
            }
            Command::PreviousStep => {
                if let Some(previous) = self.state.step.previous_among(&self.shown_steps()) {
                    self.state.step = previous;
                }
            }
            // The portfolio, or back from it to the assessment (or the start screen).
            Command::Portfolio => {
                if self.state.mode.is_portfolio() {
                    self.state.mode = self.state.mode.without_portfolio();
                } else {
                    self.show_portfolio(ctx);
                }
            }
            Command::Merge => {
                if self.state.merge.is_none() {
                    self.state.merge = Some(crate::ui::state::MergeForm::default());
                }
            }
            Command::Contribute => {
                if self.state.contribution.is_none() {
                    self.state.contribution = Some(crate::ui::state::ContributionForm::default());
                }
            }
        }
    }
}
