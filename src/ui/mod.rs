//! The desktop app: a wizard that walks a DPO through the AIPD step by step, with the rule
//! engine's findings live beside the form.
//!
//! State is kept in three kinds, apart: the `Assessment` (the user's document), the `Settings`
//! (eframe storage) and the `UiState` (transient). Fields are edited in place; everything else
//! goes through `Action`s applied once after the frame. Undo/redo is egui's `Undoer` over whole
//! assessment snapshots, coalesced while typing; it is never saved.

pub mod action;
mod exports;
pub mod file_dialog;
pub mod risk_map;
mod shell;
pub mod state;
pub mod steps;
pub mod theme;
pub mod widgets;

use std::path::{Path, PathBuf};
use std::sync::Arc;

use anyhow::Context as _;
use egui::util::undoer::Undoer;

use self::action::Action;
use self::state::{ExportState, Prompt, UiState};
use self::steps::{Step, StepCtx};
use crate::i18n::{self, tr, tr_with, Lang};
use crate::knowledge::KnowledgeBase;
use crate::model::{Assessment, Date};
use crate::rules::{self, Report};
use crate::settings::Settings;
use crate::storage::autosave;
use crate::{dossier, edit, pdf, sample, storage};

/// The key of the settings in eframe's storage.
const SETTINGS_KEY: &str = "gardefou.settings";

/// The application.
pub struct GardefouApp {
    /// The assessment being edited.
    pub assessment: Assessment,
    /// Its file; `None` until first saved.
    pub path: Option<PathBuf>,
    /// The assessment as last saved or opened, to know whether there are unsaved changes.
    saved: Assessment,
    /// The assessment the report was computed for.
    evaluated: Assessment,
    /// The engine's report on `evaluated`.
    pub report: Report,
    /// The knowledge base.
    pub kb: KnowledgeBase,
    /// The reference date of the rules.
    pub today: Date,
    /// User settings.
    pub settings: Settings,
    /// Transient UI state.
    pub state: UiState,
    /// Undo history (never saved).
    undoer: Undoer<Assessment>,
    /// Where untitled recovery copies go.
    data_dir: Option<PathBuf>,
    /// Actions to apply at the next frame (the one waiting for a save, for instance).
    pending: Vec<Action>,
    /// How to ask for a path (system dialogs; none in tests).
    dialogs: Arc<dyn file_dialog::FileDialogs>,
    /// A dialog running in the background.
    picker: file_dialog::PendingPick,
}

impl GardefouApp {
    /// An app editing `assessment` (from `path`, if any).
    pub fn new(
        ctx: &egui::Context,
        assessment: Assessment,
        path: Option<PathBuf>,
        kb: KnowledgeBase,
        settings: Settings,
        today: Date,
    ) -> Self {
        theme::install(ctx, settings.is_dark);
        let report = rules::evaluate(&assessment, &kb, today);
        let mut state = UiState::default();
        if let Some(recovery) = path.as_deref().and_then(autosave::pending_recovery) {
            state.prompt = Some(Prompt::Recovery { path: recovery });
        }
        state.export_path = default_export_path(path.as_deref());
        let mut app = Self {
            saved: assessment.clone(),
            evaluated: assessment.clone(),
            assessment,
            path,
            report,
            kb,
            today,
            settings,
            state,
            undoer: Undoer::default(),
            data_dir: eframe::storage_dir("gardefou"),
            pending: Vec::new(),
            dialogs: Arc::new(file_dialog::SystemDialogs),
            picker: file_dialog::PendingPick::default(),
        };
        if let Some(path) = app.path.clone() {
            app.warn_if_open_elsewhere(&path);
            storage::lock::acquire(&path);
        }
        app.check_evidence();
        app
    }

    /// The same app asking for paths through `dialogs` (tests pass `NoDialogs`).
    pub fn with_dialogs(mut self, dialogs: Arc<dyn file_dialog::FileDialogs>) -> Self {
        self.dialogs = dialogs;
        self
    }

    /// The UI language.
    pub fn lang(&self) -> Lang {
        self.settings.lang.unwrap_or_default()
    }

    /// True when the assessment differs from the file.
    pub fn is_dirty(&self) -> bool {
        self.assessment != self.saved
    }

    fn set_status(&mut self, message: String, is_error: bool) {
        self.state.status = Some((message, is_error));
    }

    /// Applies one action.
    pub fn apply(&mut self, ctx: &egui::Context, action: Action) {
        let lang = self.lang();
        let discard = std::mem::take(&mut self.state.is_discard_confirmed);
        // Asking for a path is harmless; replacing the assessment is what needs the prompt.
        let needs_clean = matches!(action, Action::New | Action::OpenPath(_) | Action::Quit);
        if needs_clean && self.is_dirty() && !discard {
            self.state.prompt = Some(Prompt::Unsaved { then: action });
            return;
        }
        match action {
            Action::New => {
                self.replace(Assessment::default(), None);
                self.state.step = Step::Project;
            }
            Action::Open => {
                self.state.prompt = Some(Prompt::Path {
                    is_open: true,
                    text: String::new(),
                });
            }
            Action::OpenPath(path) => match crate::open::open_with_warnings(&path) {
                Ok((assessment, warnings)) => {
                    // A dossier PDF or a PIA export re-opens untitled, so it is never overwritten.
                    let is_project = is_project_file(&path);
                    self.settings.remember(&path);
                    self.replace(assessment, is_project.then(|| path.clone()));
                    if let Some(recovery) = is_project
                        .then(|| autosave::pending_recovery(&path))
                        .flatten()
                    {
                        self.state.prompt = Some(Prompt::Recovery { path: recovery });
                    }
                    self.set_status(
                        tr_with(lang, "ui.opened", &[("path", &path.display().to_string())]),
                        false,
                    );
                    if !warnings.is_empty() {
                        self.state.prompt = Some(Prompt::ImportWarnings {
                            messages: warnings
                                .iter()
                                .map(|w| i18n::pia_warning_message(w, lang))
                                .collect(),
                        });
                    }
                }
                Err(error) => self.set_status(i18n::open_error_message(&error, lang), true),
            },
            Action::Save => match self.path.clone() {
                Some(path) => self.save_to(&path),
                None => {
                    self.state.prompt = Some(Prompt::Path {
                        is_open: false,
                        text: String::new(),
                    })
                }
            },
            Action::SaveAs => {
                let text = self
                    .path
                    .as_ref()
                    .map(|p| p.display().to_string())
                    .unwrap_or_default();
                self.state.prompt = Some(Prompt::Path {
                    is_open: false,
                    text,
                });
            }
            Action::SavePath(path) => {
                let path = with_extension(path);
                self.save_to(&path);
            }
            Action::Export => self.start_export(ctx),
            Action::ExportDocument(kind) => self.export_document(kind),
            Action::CopyDocument(kind) => self.copy_document(ctx, kind),
            Action::ExportPia => self.export_pia(),
            Action::Undo => {
                if let Some(previous) = self.undoer.undo(&self.assessment) {
                    self.assessment = previous.clone();
                }
            }
            Action::Redo => {
                if let Some(next) = self.undoer.redo(&self.assessment) {
                    self.assessment = next.clone();
                }
            }
            Action::GoTo(step, field) => {
                self.state.step = step;
                let now = ctx.input(|i| i.time);
                self.state.highlight = field.map(|f| (f, now));
                self.state.should_scroll = self.state.highlight.is_some();
            }
            Action::SetLang(new) => self.settings.lang = Some(new),
            Action::SetDark(is_dark) => {
                self.settings.is_dark = is_dark;
                theme::set_dark(ctx, is_dark);
            }
            Action::Edit(edit) => edit::apply(&mut self.assessment, &self.kb, &edit),
            Action::RestoreRecovery => {
                if let Some(path) = self.path.clone() {
                    match storage::load(&autosave::recovery_path(&path)) {
                        Ok(recovered) => self.assessment = recovered,
                        Err(error) => self.set_status(i18n::load_error_message(&error, lang), true),
                    }
                }
            }
            Action::DiscardRecovery => {
                if let Some(path) = &self.path {
                    autosave::discard(path);
                }
            }
            Action::AttachEvidence(file, kind, description) => {
                let Some(project) = self.path.clone() else {
                    self.set_status(tr(lang, "ui.save_before_attaching").to_owned(), true);
                    return;
                };
                match storage::evidence::attach(&project, &file, kind, &description, self.today) {
                    Ok(evidence) => {
                        edit::apply(
                            &mut self.assessment,
                            &self.kb,
                            &edit::Edit::AddEvidence(evidence),
                        );
                        self.state.evidence_form = steps::EvidenceForm::default();
                        self.check_evidence();
                    }
                    Err(error) => self.set_status(format!("{}: {error}", file.display()), true),
                }
            }
            Action::Browse(purpose) => {
                self.picker
                    .start(Arc::clone(&self.dialogs), purpose, ctx.clone());
            }
            Action::Quit => {
                self.state.is_close_confirmed = true;
                ctx.send_viewport_cmd(egui::ViewportCommand::Close);
            }
        }
    }

    /// Warns when another Garde-fou window holds the project open.
    fn warn_if_open_elsewhere(&mut self, path: &Path) {
        if let Some(pid) = storage::lock::held_by_other(path) {
            let message = tr_with(
                self.lang(),
                "ui.open_elsewhere",
                &[("pid", &pid.to_string())],
            );
            self.set_status(message, true);
        }
    }

    /// Checks every attached document on disk (hash and presence) and refreshes the findings.
    fn check_evidence(&mut self) {
        self.state.evidence_statuses = match &self.path {
            Some(path) => storage::evidence::verify(path, &self.assessment.evidence),
            None => Vec::new(),
        };
        self.refresh_report();
    }

    /// Recomputes the engine's report on the current assessment.
    fn refresh_report(&mut self) {
        self.report = rules::evaluate(&self.assessment, &self.kb, self.today).with_evidence(
            &self.assessment,
            &self.kb,
            &self.state.evidence_statuses,
        );
        self.evaluated = self.assessment.clone();
    }

    /// Puts the path a background dialog chose where it belongs.
    fn take_picked_path(&mut self) {
        let Some((purpose, Some(path))) = self.picker.take() else {
            return;
        };
        let text = path.display().to_string();
        match (purpose, &mut self.state.prompt) {
            (file_dialog::DialogPurpose::SavePdf, _) => self.state.export_path = text,
            (_, Some(Prompt::Path { text: typed, .. })) => *typed = text,
            _ => {}
        }
    }

    fn replace(&mut self, assessment: Assessment, path: Option<PathBuf>) {
        if let Some(old) = &self.path {
            storage::lock::release(old);
        }
        if let Some(new) = &path {
            self.warn_if_open_elsewhere(new);
            storage::lock::acquire(new);
        }
        self.saved = assessment.clone();
        self.assessment = assessment;
        self.state.export_path = default_export_path(path.as_deref());
        self.path = path;
        self.undoer = Undoer::default();
        self.state.highlight = None;
        self.state.inventory = steps::inventory::InventoryState::default();
        self.check_evidence();
    }

    fn save_to(&mut self, path: &Path) {
        let lang = self.lang();
        // Never overwrite a file that is not (or no longer) a project Garde-fou can read: it
        // may be someone's edits made outside the app, or another file altogether.
        if path.is_file() {
            if let Err(error) = storage::load(path) {
                self.state.pending_after_save = None;
                self.set_status(
                    format!(
                        "{} {}",
                        tr(lang, "ui.refuse_overwrite"),
                        i18n::load_error_message(&error, lang)
                    ),
                    true,
                );
                return;
            }
        }
        match storage::save(path, &self.assessment) {
            Ok(()) => {
                self.saved = self.assessment.clone();
                if self.path.as_deref() != Some(path) {
                    self.state.export_path = default_export_path(Some(path));
                }
                if self.path.as_deref() != Some(path) {
                    if let Some(old) = &self.path {
                        storage::lock::release(old);
                    }
                    storage::lock::acquire(path);
                }
                self.path = Some(path.to_owned());
                self.settings.remember(path);
                autosave::discard(path);
                self.check_evidence();
                self.set_status(
                    tr_with(
                        lang,
                        "ui.saved_to",
                        &[("path", &path.display().to_string())],
                    ),
                    false,
                );
                if let Some(then) = self.state.pending_after_save.take() {
                    self.state.prompt = None;
                    self.state.is_discard_confirmed = true;
                    self.state.pending_after_save = None;
                    self.pending.push(then);
                }
            }
            Err(error) => {
                // The work stays in memory; the old file is untouched.
                self.state.pending_after_save = None;
                self.set_status(i18n::save_error_message(&error, lang), true);
            }
        }
    }

    fn start_export(&mut self, ctx: &egui::Context) {
        let lang = self.lang();
        let output = with_pdf_extension(PathBuf::from(self.state.export_path.trim()));
        if output.as_os_str().is_empty() {
            self.set_status(tr(lang, "ui.export_path_missing").to_owned(), true);
            return;
        }
        if let Ok(mut state) = self.state.export.lock() {
            if *state == ExportState::Running {
                return;
            }
            *state = ExportState::Running;
        }
        let assessment = self.assessment.clone();
        let report = self.report.clone();
        let kb = self.kb.clone();
        let options = dossier::DossierOptions {
            lang: assessment.project.dossier_language,
            is_public: self.state.export_public,
            today: self.today,
            source_text: storage::to_text(&assessment).ok(),
        };
        let shared = Arc::clone(&self.state.export);
        let ctx = ctx.clone();
        std::thread::spawn(move || {
            let built = dossier::build(&assessment, &kb, &report, &options);
            let result = pdf::render(&built)
                .map_err(|e| e.to_string())
                .and_then(|bytes| {
                    storage::write_atomic(&output, &bytes)
                        .map(|()| bytes)
                        .map_err(|e| format!("{}: {e}", output.display()))
                });
            let done = match result {
                Ok(bytes) => ExportState::Done {
                    pages: pdf::reopen::page_count(&bytes).unwrap_or(0),
                    path: output,
                    bytes: bytes.len(),
                },
                Err(message) => ExportState::Failed(message),
            };
            if let Ok(mut state) = shared.lock() {
                *state = done;
            }
            ctx.request_repaint();
        });
    }

    /// Writes the recovery copy every 30 s while there are unsaved changes.
    fn autosave(&mut self, now: f64) {
        if !self.is_dirty() {
            return;
        }
        let due = self
            .state
            .last_autosave
            .is_none_or(|t| now - t >= autosave::INTERVAL_SECONDS);
        if !due {
            return;
        }
        self.state.last_autosave = Some(now);
        let target = match (&self.path, &self.data_dir) {
            (Some(path), _) => autosave::recovery_path(path),
            (None, Some(dir)) => autosave::untitled_recovery_path(dir),
            (None, None) => return,
        };
        match autosave::write_recovery(&target, &self.assessment) {
            Ok(()) => {
                let now = time::OffsetDateTime::now_local()
                    .unwrap_or_else(|_| time::OffsetDateTime::now_utc());
                self.state.last_autosave_label =
                    Some(format!("{:02}:{:02}", now.hour(), now.minute()));
            }
            Err(error) => self.set_status(i18n::save_error_message(&error, self.lang()), true),
        }
    }

    fn shortcuts(&self, ctx: &egui::Context, actions: &mut Vec<Action>) {
        if self.state.prompt.is_some() {
            return;
        }
        ctx.input_mut(|input| {
            for action in Action::WITH_SHORTCUTS {
                if let Some(shortcut) = action.shortcut() {
                    if input.consume_shortcut(&shortcut) {
                        actions.push(action);
                    }
                }
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

    fn central_ui(&mut self, ui: &mut egui::Ui, actions: &mut Vec<Action>) {
        let lang = self.lang();
        let step = self.state.step;
        ui.horizontal(|ui| {
            ui.heading(
                egui::RichText::new(format!(
                    "{}. {}",
                    Step::ALL.iter().position(|s| *s == step).unwrap_or(0),
                    step.title(lang)
                ))
                .strong(),
            );
        });
        ui.separator();
        let now = ui.input(|i| i.time);
        if self
            .state
            .highlight
            .as_ref()
            .is_some_and(|(_, at)| now - at > 6.0)
        {
            self.state.highlight = None;
        }
        let export = self
            .state
            .export
            .lock()
            .map(|s| s.clone())
            .unwrap_or_default();
        let highlight = self.state.highlight.as_ref().map(|(path, _)| path.clone());
        let should_scroll = std::mem::take(&mut self.state.should_scroll);
        egui::ScrollArea::vertical()
            .id_salt(("step", step))
            .auto_shrink([false, false])
            .show(ui, |ui| {
                ui.set_max_width(ui.available_width().min(900.0));
                let mut cx = StepCtx {
                    lang,
                    kb: &self.kb,
                    report: &self.report,
                    highlight: highlight.as_deref(),
                    should_scroll,
                    actions,
                    export: &export,
                    export_path: &mut self.state.export_path,
                    export_public: &mut self.state.export_public,
                    inventory: &mut self.state.inventory,
                    evidence_form: &mut self.state.evidence_form,
                    evidence_statuses: &self.state.evidence_statuses,
                };
                steps::step_ui(ui, step, &mut cx, &mut self.assessment);
                ui.add_space(16.0);
                ui.horizontal(|ui| {
                    if let Some(previous) = step.previous() {
                        if ui.button(format!("← {}", previous.title(lang))).clicked() {
                            cx.actions.push(Action::GoTo(previous, None));
                        }
                    }
                    if let Some(next) = step.next() {
                        if ui.button(format!("{} →", next.title(lang))).clicked() {
                            cx.actions.push(Action::GoTo(next, None));
                        }
                    }
                });
                ui.add_space(24.0);
            });
    }

    /// One frame, without the window (used by the tests through egui_kittest).
    pub fn frame_ui(&mut self, ui: &mut egui::Ui) {
        let ctx = ui.ctx().clone();
        let mut actions = std::mem::take(&mut self.pending);
        self.shortcuts(&ctx, &mut actions);
        if ctx.input(|i| i.viewport().close_requested())
            && self.is_dirty()
            && !self.state.is_close_confirmed
        {
            ctx.send_viewport_cmd(egui::ViewportCommand::CancelClose);
            self.state.prompt = Some(Prompt::Unsaved { then: Action::Quit });
        }
        egui::Panel::top("top_bar").show(ui, |ui| {
            ui.add_space(4.0);
            self.top_bar_ui(ui, &mut actions);
            ui.add_space(4.0);
        });
        egui::Panel::bottom("status_bar").show(ui, |ui| self.status_bar_ui(ui));
        egui::Panel::left("steps")
            .resizable(true)
            .default_size(250.0)
            .min_size(210.0)
            .show(ui, |ui| {
                self.navigator_ui(ui, &mut actions);
            });
        egui::Panel::right("findings")
            .resizable(true)
            .default_size(340.0)
            .min_size(260.0)
            .show(ui, |ui| {
                self.findings_ui(ui, &mut actions);
            });
        egui::CentralPanel::default().show(ui, |ui| self.central_ui(ui, &mut actions));
        self.prompt_ui(&ctx, &mut actions);

        for action in actions {
            self.apply(&ctx, action);
        }
        self.take_picked_path();
        let now = ctx.input(|i| i.time);
        self.undoer.feed_state(now, &self.assessment);
        if self.assessment != self.evaluated {
            self.refresh_report();
        }
        self.autosave(now);
        if self.is_dirty() {
            ctx.request_repaint_after(std::time::Duration::from_secs(5));
        }
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
        if let Some(path) = &self.path {
            storage::lock::release(path);
        }
    }
}

/// True for a project file; a dossier PDF or a PIA export opens as an untitled project, so
/// saving never writes RON over it.
fn is_project_file(path: &Path) -> bool {
    !path
        .extension()
        .is_some_and(|e| e.eq_ignore_ascii_case("pdf") || e.eq_ignore_ascii_case("json"))
}

/// `dossier.pdf` beside the project file, or in the current folder.
fn default_export_path(project: Option<&Path>) -> String {
    match project {
        Some(path) => {
            let name = path
                .file_name()
                .map(|n| n.to_string_lossy().into_owned())
                .unwrap_or_default();
            let stem = name.strip_suffix(".aipd.ron").unwrap_or(&name).to_owned();
            path.with_file_name(format!("{stem}.pdf"))
                .display()
                .to_string()
        }
        None => "dossier-aipd.pdf".to_owned(),
    }
}

fn with_extension(path: PathBuf) -> PathBuf {
    if path.to_string_lossy().ends_with(".aipd.ron") {
        path
    } else {
        PathBuf::from(format!("{}.{}", path.display(), storage::EXTENSION))
    }
}

fn with_pdf_extension(path: PathBuf) -> PathBuf {
    if path.as_os_str().is_empty()
        || path
            .extension()
            .is_some_and(|e| e.eq_ignore_ascii_case("pdf"))
    {
        path
    } else {
        path.with_extension("pdf")
    }
}

/// Opens the window on `file`, or on the bundled sample when `None`.
pub fn run(file: Option<PathBuf>, lang: Option<Lang>, today: Date) -> anyhow::Result<()> {
    let kb = KnowledgeBase::bundled().context("the bundled knowledge base is damaged")?;
    let message_lang = lang.unwrap_or_else(i18n::lang_from_env);
    let (assessment, path) = match &file {
        Some(path) => {
            let assessment = crate::open::open(path)
                .map_err(|error| anyhow::anyhow!(i18n::open_error_message(&error, message_lang)))?;
            (assessment, is_project_file(path).then(|| path.clone()))
        }
        None => (
            sample::sample()
                .map_err(|error| anyhow::anyhow!(i18n::load_error_message(&error, message_lang)))?,
            None,
        ),
    };
    let title = format!("Garde-fou — {}", assessment.project.title);
    let options = eframe::NativeOptions {
        viewport: egui::ViewportBuilder::default()
            .with_title(title)
            .with_app_id("gardefou")
            .with_inner_size([1366.0, 768.0])
            .with_min_inner_size([1000.0, 600.0])
            .with_drag_and_drop(true),
        renderer: eframe::Renderer::Glow,
        ..Default::default()
    };
    eframe::run_native(
        "gardefou",
        options,
        Box::new(move |cc| {
            let mut settings: Settings = cc
                .storage
                .and_then(|s| eframe::get_value(s, SETTINGS_KEY))
                .unwrap_or_default();
            if lang.is_some() || settings.lang.is_none() {
                settings.lang = Some(message_lang);
            }
            Ok(Box::new(GardefouApp::new(
                &cc.egui_ctx,
                assessment,
                path,
                kb,
                settings,
                today,
            )))
        }),
    )
    .map_err(|error| anyhow::anyhow!("cannot open a window: {error}"))
}
