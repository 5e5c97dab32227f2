//! The desktop app: a wizard that walks a DPO through the AIPD step by step, with the rule
//! engine's findings live beside the form.
//!
//! State is kept in three kinds, apart: the `Session` (the user's document, its file, report,
//! recovery copies and exports), the `Settings` (eframe storage) and the `UiState` (transient).
//! Fields are edited in place; everything else goes through `Action`s (the user's `Command`s
//! and internal messages) applied once after the frame. Undo/redo is egui's `Undoer` over whole
//! assessment snapshots, coalesced while typing; it is never saved.

pub mod action;
pub mod command;
pub mod date_field;
mod exports;
pub mod file_dialog;
pub mod file_picker;
mod inventory_io;
pub mod panels;
pub mod portfolio;
pub mod risk_map;
mod shell;
pub mod start;
pub mod state;
pub mod steps;
pub mod theme;
pub mod viewer;
pub mod widgets;

use std::path::{Path, PathBuf};
use std::sync::Arc;

use anyhow::Context as _;
use egui::util::undoer::Undoer;

use self::action::Action;
use self::command::Command;
use self::state::{ExportState, Prompt, UiState};
use self::steps::{Step, StepCtx};
use crate::i18n::{self, tr, tr_with, Lang};
use crate::knowledge::KnowledgeBase;
use crate::model::{Assessment, Date};
use crate::session::export::default_dossier_path;
use crate::session::save::with_project_extension;
use crate::session::{ExportKind, Session};
use crate::settings::Settings;
use crate::storage::autosave;
use crate::{edit, messages, sample};

/// The digit keys that, with Alt, go to the steps in order.
const STEP_KEYS: [egui::Key; 9] = [
    egui::Key::Num0,
    egui::Key::Num1,
    egui::Key::Num2,
    egui::Key::Num3,
    egui::Key::Num4,
    egui::Key::Num5,
    egui::Key::Num6,
    egui::Key::Num7,
    egui::Key::Num8,
];

/// The key of the settings in eframe's storage.
const SETTINGS_KEY: &str = "gardefou.settings";

/// The application.
pub struct GardefouApp {
    /// The open assessment: its file, its report, its recovery copies and exports.
    pub session: Session,
    /// User settings.
    pub settings: Settings,
    /// Transient UI state.
    pub state: UiState,
    /// Undo history (never saved).
    undoer: Undoer<Assessment>,
    /// Actions to apply at the next frame (the one waiting for a save, for instance).
    pending: Vec<Action>,
    /// How to ask for a path (system dialogs; none in tests).
    dialogs: Arc<dyn file_dialog::FileDialogs>,
    /// A dialog running in the background.
    picker: file_dialog::PendingPick,
    /// Where recovery copies of untitled work go (the user's data folder; none in tests).
    recovery_dir: Option<PathBuf>,
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
        let session = Session::new(assessment, path, Arc::new(kb), today);
        let mut app = Self {
            session,
            settings,
            state: UiState::default(),
            undoer: Undoer::default(),
            pending: Vec::new(),
            dialogs: Arc::new(file_dialog::SystemDialogs),
            picker: file_dialog::PendingPick::default(),
            recovery_dir: None,
        };
        app.took_session();
        app
    }

    /// The same app keeping recovery copies of untitled work in `dir` (the real app passes the
    /// user's data folder), and offering the one a crash left there.
    pub fn with_recovery_dir(mut self, dir: Option<PathBuf>) -> Self {
        self.recovery_dir = dir.clone();
        self.session.set_untitled_recovery_dir(dir);
        if self.state.prompt.is_none() {
            if let Some(offer) = self.session.pending_recovery() {
                self.state.prompt = Some(Prompt::Recovery { offer });
            }
        }
        self
    }

    /// The same app showing the start screen (recent files, new, open, the example) until the
    /// user picks something.
    pub fn with_start_screen(mut self, show: bool) -> Self {
        self.state.show_start = show;
        self
    }

    /// The same app showing the portfolio of `folder` (scanning it) in place of the start screen.
    pub fn with_portfolio(mut self, ctx: &egui::Context, folder: PathBuf) -> Self {
        self.state.show_start = false;
        self.scan_portfolio(ctx, folder);
        self
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
        self.session.is_dirty()
    }

    fn set_status(&mut self, message: String, is_error: bool) {
        self.state.status = Some((message, is_error));
    }

    /// What follows a new session: the file marker, the warning when another window holds it,
    /// the recovery offer, the default export path, a fresh undo history.
    fn took_session(&mut self) {
        self.state.forget_project();
        if let Some(pid) = self.session.hold_marker() {
            let message = tr_with(
                self.lang(),
                "ui.open_elsewhere",
                &[("pid", &pid.to_string())],
            );
            self.set_status(message, true);
        }
        if let Some(offer) = self.session.pending_recovery() {
            self.state.prompt = Some(Prompt::Recovery { offer });
        }
        if let Some(warning) = self.session.history_warning() {
            let message = tr_with(
                self.lang(),
                "ui.history_dropped",
                &[("reason", &warning.to_string())],
            );
            self.set_status(message, true);
        }
        self.state.export_path = default_dossier_path(self.session.path())
            .display()
            .to_string();
        self.undoer = Undoer::default();
        self.state.show_start = false;
        self.state.show_portfolio = false;
    }

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
                self.state.step = step;
                let now = ctx.input(|i| i.time);
                self.state.highlight = field.map(|f| (f, now));
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
            Action::ImportCameras(preview) => {
                let placed = self.session.import_cameras(&preview);
                let message = messages::csv_imported(preview.cameras.len(), &placed, lang);
                self.state.inventory.message = Some((message, false));
            }
            Action::SetPlanBackground(plan, file, sides) => {
                if let Err(error) = self.session.set_plan_background(&plan, &file, sides) {
                    self.set_status(messages::attach_error(&error, lang), true);
                }
            }
            Action::ImportCamerasCsv(path) => self.import_cameras_csv(&path),
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
            Action::OpenInViewer(path) => viewer::open_in_background(
                path,
                lang,
                Arc::clone(&self.state.viewer_report),
                ctx.clone(),
            ),
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
                self.state.references = Some(panels::ReferencesView {
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
    fn run_command(&mut self, ctx: &egui::Context, command: Command) {
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
                self.state.search = Some(panels::SearchView {
                    text: self.state.search.take().map(|s| s.text).unwrap_or_default(),
                    should_focus: true,
                });
            }
            Command::Help => {
                let focused: Option<String> =
                    ctx.data(|d| d.get_temp(egui::Id::unique(panels::FOCUSED_FIELD)));
                self.state.help = Some(focused.unwrap_or_default());
            }
            Command::References => {
                self.state.references = Some(panels::ReferencesView::default());
            }
            Command::Review => {
                self.state.review = Some(self.state.review.take().unwrap_or_default());
            }
            Command::NextStep => {
                if let Some(next) = self.state.step.next() {
                    self.state.step = next;
                }
            }
            Command::PreviousStep => {
                if let Some(previous) = self.state.step.previous() {
                    self.state.step = previous;
                }
            }
            // The portfolio, or back from it to the assessment (or the start screen).
            Command::Portfolio => {
                if self.state.show_portfolio {
                    self.state.show_portfolio = false;
                } else {
                    self.show_portfolio(ctx);
                }
            }
        }
    }

    fn ask_path(&mut self, is_open: bool, text: String, then: Option<Box<Action>>) {
        self.state.prompt = Some(Prompt::Path {
            is_open,
            text,
            then,
        });
    }

    /// Opens a file in a new session; the current one is kept when the file cannot be read.
    fn open_path(&mut self, path: &Path) {
        let lang = self.lang();
        let kb = Arc::clone(self.session.kb());
        match Session::open(path, kb, self.session.today()) {
            Ok(opened) => {
                self.settings.remember(path);
                self.replace_session(opened.session);
                self.set_status(
                    tr_with(lang, "ui.opened", &[("path", &path.display().to_string())]),
                    false,
                );
                if !opened.warnings.is_empty() {
                    self.state.prompt = Some(Prompt::ImportWarnings {
                        messages: opened
                            .warnings
                            .iter()
                            .map(|w| messages::pia_warning(w, lang))
                            .collect(),
                    });
                }
            }
            Err(error) => self.set_status(messages::open_error(&error, lang), true),
        }
    }

    fn replace_session(&mut self, mut session: Session) {
        self.session.close();
        session.set_untitled_recovery_dir(self.recovery_dir.clone());
        self.session = session;
        self.took_session();
    }

    /// Saves to `path`, or to the session's file when `None`; true when saved.
    fn save_to(&mut self, path: Option<&Path>) -> bool {
        let lang = self.lang();
        let result = match path {
            Some(path) => self.session.save_as(path),
            None => self.session.save(),
        };
        match result {
            Ok(saved) => {
                if path.is_some() {
                    self.state.export_path =
                        default_dossier_path(Some(&saved)).display().to_string();
                }
                self.settings.remember(&saved);
                self.state.last_autosave_label = None;
                self.set_status(
                    tr_with(
                        lang,
                        "ui.saved_to",
                        &[("path", &saved.display().to_string())],
                    ),
                    false,
                );
                true
            }
            Err(error) => {
                // The work stays in memory; the old file is untouched.
                self.set_status(messages::save_failure(&error, lang), true);
                false
            }
        }
    }

    /// Puts the path a background dialog chose where it belongs.
    fn take_picked_path(&mut self) {
        let Some((purpose, outcome)) = self.picker.take() else {
            return;
        };
        let path = match outcome {
            file_dialog::PickOutcome::Picked(path) => path,
            file_dialog::PickOutcome::Cancelled => return,
            file_dialog::PickOutcome::Unavailable => {
                let start = self
                    .session
                    .path()
                    .and_then(|p| p.parent())
                    .map(Path::to_path_buf)
                    .filter(|p| p.is_dir())
                    .unwrap_or_else(file_picker::home);
                self.state.file_picker = Some(file_picker::InAppPicker::new(purpose, start));
                return;
            }
        };
        self.use_picked_path(purpose, path);
    }

    /// Puts a chosen path where its purpose wants it: the dossier's export path, or the path
    /// prompt's box.
    fn use_picked_path(&mut self, purpose: file_dialog::DialogPurpose, path: PathBuf) {
        let text = path.display().to_string();
        match (purpose, &mut self.state.prompt) {
            (file_dialog::DialogPurpose::PortfolioFolder, _) => {
                self.pending.push(Action::ScanPortfolio(path));
            }
            (file_dialog::DialogPurpose::SavePortfolio, _) => {
                self.state.portfolio.output_text = text;
            }
            (file_dialog::DialogPurpose::SavePdf, _) => {
                if let Some(format) = crate::session::Format::from_path(&path) {
                    self.state.export_format = format;
                }
                self.state.export_path = text;
            }
            (_, Some(Prompt::Path { text: typed, .. })) => *typed = text,
            _ => {}
        }
    }

    /// The branding of the documents — the project's over the user's — with its logo loaded;
    /// `None` after asking the user what to do when the logo cannot be used.
    pub(super) fn branding_for(
        &mut self,
        target: action::ExportTarget,
        without_logo: bool,
    ) -> Option<Option<crate::dossier::Branding>> {
        use crate::session::logo::BrandingProblem;
        match self
            .session
            .resolve_branding(&self.settings.branding, without_logo, false)
        {
            Ok(resolved) => Some(resolved),
            Err(BrandingProblem::Logo(error)) => {
                let message = messages::logo_error(&error, self.lang());
                self.state.prompt = Some(Prompt::LogoProblem { message, target });
                None
            }
            Err(BrandingProblem::Outside { path, trust }) => {
                let message = messages::outside_logo(&path, self.lang());
                self.state.prompt = Some(Prompt::OutsideLogo {
                    message,
                    trust,
                    target,
                });
                None
            }
        }
    }

    /// Starts the dossier export on a background thread, with the dossier step's settings.
    fn start_export(&mut self, ctx: &egui::Context, without_logo: bool, replace_ok: bool) {
        let lang = self.lang();
        let format = self.state.export_format;
        let output = with_extension_of(PathBuf::from(self.state.export_path.trim()), format);
        if output.as_os_str().is_empty() {
            self.set_status(tr(lang, "ui.export_path_missing").to_owned(), true);
            return;
        }
        let is_running = self
            .state
            .export
            .lock()
            .is_ok_and(|state| *state == ExportState::Running);
        if is_running {
            return;
        }
        // A file already there is replaced only once the user said so, knowing what it holds.
        if !replace_ok {
            if let Some(existing) = crate::session::export::existing_output(&output) {
                self.state.prompt = Some(Prompt::ReplaceDossier {
                    message: messages::existing_output(&output, &existing, lang),
                    replaces_full_with_public: self.state.export_public
                        && existing.is_full_dossier == Some(true),
                    without_logo,
                });
                return;
            }
        }
        // The logo is read before the export starts: if it cannot be used, the user decides.
        let Some(branding) = self.branding_for(action::ExportTarget::Dossier, without_logo) else {
            return;
        };
        if let Ok(mut state) = self.state.export.lock() {
            *state = ExportState::Running;
        }
        self.state.export_announced = false;
        let kind = ExportKind::Dossier {
            is_public: self.state.export_public,
        };
        let job = self
            .session
            .export_job(kind, &output)
            .in_format(format)
            .with_branding(branding);
        let shared = Arc::clone(&self.state.export);
        let ctx = ctx.clone();
        std::thread::spawn(move || {
            let done = match job.run() {
                Ok(exported) => ExportState::Done {
                    pages: exported.pages.unwrap_or(0),
                    path: exported.path,
                    bytes: exported.bytes,
                },
                Err(error) => ExportState::Failed(messages::export_error(&error, &output, lang)),
            };
            if let Ok(mut state) = shared.lock() {
                *state = done;
            }
            ctx.request_repaint();
        });
    }

    /// Says in the status bar what the last dossier export wrote, or why it failed, once it ends
    /// (Ctrl+E and the top bar export from any step, where the Dossier step's line is not seen).
    fn announce_export(&mut self) {
        if self.state.export_announced {
            return;
        }
        let done = self.state.export.lock().map(|s| s.clone()).ok();
        let lang = self.lang();
        let message = match done {
            Some(ExportState::Done { path, pages, bytes }) => {
                let path = path.display().to_string();
                let kb = (bytes / 1024).to_string();
                if pages > 0 {
                    (
                        tr_with(
                            lang,
                            "ui.exported",
                            &[("path", &path), ("pages", &pages.to_string()), ("kb", &kb)],
                        ),
                        false,
                    )
                } else {
                    (
                        tr_with(lang, "ui.exported_plain", &[("path", &path), ("kb", &kb)]),
                        false,
                    )
                }
            }
            Some(ExportState::Failed(message)) => (message, true),
            _ => return,
        };
        self.state.export_announced = true;
        self.set_status(message.0, message.1);
    }

    /// Keeps the recovery copy in step with the work: written a few seconds after the last
    /// edit (and every 30 s while edits go on), removed as soon as the assessment is back to its
    /// saved state.
    fn autosave(&mut self, now: f64) {
        if self.is_dirty() {
            let Some(edited) = self.state.last_edit else {
                return;
            };
            let written_since = self.state.last_autosave.is_some_and(|t| t >= edited);
            let quiet = now - edited >= autosave::QUIET_SECONDS;
            let overdue = self
                .state
                .last_autosave
                .is_none_or(|t| now - t >= autosave::INTERVAL_SECONDS);
            if written_since || !(quiet || overdue) {
                return;
            }
            self.state.last_autosave = Some(now);
        } else if !self.session.has_recovery_copy() {
            return;
        }
        match self.session.autosave() {
            Ok(Some(_)) => {
                let now = time::OffsetDateTime::now_local()
                    .unwrap_or_else(|_| time::OffsetDateTime::now_utc());
                self.state.last_autosave_label =
                    Some(format!("{:02}:{:02}", now.hour(), now.minute()));
            }
            Ok(None) => {
                self.state.last_autosave = None;
                self.state.last_autosave_label = None;
            }
            Err(error) => self.set_status(messages::save_error(&error, self.lang()), true),
        }
    }

    /// The app's own file picker, above the prompt that asked for it.
    fn file_picker_ui(&mut self, ctx: &egui::Context) {
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
    fn update_title(&mut self, ctx: &egui::Context) {
        let lang = self.lang();
        let name = if self.state.show_start {
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

    fn shortcuts(&self, ctx: &egui::Context, actions: &mut Vec<Action>) {
        if self.state.prompt.is_some() || self.state.file_picker.is_some() {
            return;
        }
        let on_start = self.state.show_start;
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
                let evidence_choices = evidence_choices(&self.session.assessment, lang);
                let (assessment, view) = self.session.edit_view();
                let mut cx = StepCtx {
                    lang,
                    kb: view.kb,
                    report: view.report,
                    highlight: highlight.as_deref(),
                    should_scroll,
                    actions,
                    export: &export,
                    export_path: &mut self.state.export_path,
                    export_public: &mut self.state.export_public,
                    export_format: &mut self.state.export_format,
                    inventory: &mut self.state.inventory,
                    evidence_form: &mut self.state.evidence_form,
                    plans: &mut self.state.plans,
                    evidence_statuses: view.evidence,
                    project_file: view.project_file,
                    today: view.today,
                    evidence_choices: &evidence_choices,
                    user_name: &mut self.settings.user_name,
                    user_branding: &mut self.settings.branding,
                    circuit_form: &mut self.state.circuit_form,
                };
                steps::step_ui(ui, step, &mut cx, assessment);
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
        if self.state.show_portfolio {
            egui::CentralPanel::default().show(ui, |ui| self.portfolio_ui(ui, &mut actions));
            self.prompt_ui(&ctx, &mut actions);
            self.file_picker_ui(&ctx);
            for action in actions {
                self.apply(&ctx, action);
            }
            self.take_picked_path();
            return;
        }
        if self.state.show_start {
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
        egui::CentralPanel::default().show(ui, |ui| self.central_ui(ui, &mut actions));
        self.panels_ui(&ctx, &mut actions);
        self.prompt_ui(&ctx, &mut actions);
        self.file_picker_ui(&ctx);

        for action in actions {
            self.apply(&ctx, action);
        }
        self.take_picked_path();
        let viewer_failure = self
            .state
            .viewer_report
            .lock()
            .ok()
            .and_then(|mut r| r.take());
        if let Some(message) = viewer_failure {
            self.set_status(message, true);
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
            ctx.request_repaint_after(std::time::Duration::from_secs_f64(autosave::QUIET_SECONDS));
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
        self.session.close();
    }
}

/// The locker's documents as the evidence pickers list them: « EV-02 — Vendor attestation —
/// what it shows ».
fn evidence_choices(a: &Assessment, lang: Lang) -> Vec<(crate::model::EvidenceId, String)> {
    a.evidence
        .iter()
        .map(|e| {
            let kind = tr(lang, &format!("enum.evidence_kind.{:?}", e.kind)).to_owned();
            let mut words = format!("{} — {kind}", e.evidence_id);
            if !e.description.trim().is_empty() {
                words.push_str(&format!(" — {}", e.description.trim()));
            }
            (e.evidence_id.clone(), words)
        })
        .collect()
}

/// The application's icon (the one the desktop entry installs), for the window.
fn window_icon() -> egui::IconData {
    let bytes = include_bytes!("../../assets/packaging/gardefou-64.png");
    match image::load_from_memory_with_format(bytes, image::ImageFormat::Png) {
        Ok(picture) => {
            let rgba = picture.to_rgba8();
            egui::IconData {
                width: rgba.width(),
                height: rgba.height(),
                rgba: rgba.into_raw(),
            }
        }
        // The bundled icon always decodes; a window without an icon is still a window.
        Err(_) => egui::IconData::default(),
    }
}

fn with_extension_of(path: PathBuf, format: crate::session::Format) -> PathBuf {
    if path.as_os_str().is_empty() || crate::session::Format::from_path(&path) == Some(format) {
        path
    } else {
        format.apply_to(&path)
    }
}

/// Opens the window on what `start` says: a file, a new assessment, the example, or the start
/// screen (the last project instead, when the user's setting says so and it still reads).
pub fn run(start: crate::session::Start, lang: Option<Lang>, today: Date) -> anyhow::Result<()> {
    use crate::session::Start;
    let kb = KnowledgeBase::bundled().context("the bundled knowledge base is damaged")?;
    let message_lang = lang.unwrap_or_else(i18n::lang_from_env);
    let opened: Option<(Assessment, Option<PathBuf>)> = match &start {
        Start::File(path) => {
            let read = crate::session::read(path, &kb)
                .map_err(|error| anyhow::anyhow!(messages::open_error(&error, message_lang)))?;
            Some((
                read.assessment,
                read.kind.is_project().then(|| path.clone()),
            ))
        }
        Start::Example => Some((
            sample::sample()
                .map_err(|error| anyhow::anyhow!(messages::load_error(&error, message_lang)))?,
            None,
        )),
        Start::New => Some((Assessment::default(), None)),
        Start::StartScreen => None,
    };
    let title = "Garde-fou";
    let options = eframe::NativeOptions {
        viewport: egui::ViewportBuilder::default()
            .with_title(title)
            .with_app_id("gardefou")
            .with_icon(window_icon())
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
            let (assessment, path, show_start) = match opened {
                Some((assessment, path)) => (assessment, path, false),
                None => match start::last_project(&settings, &kb) {
                    Some((assessment, path)) => (assessment, Some(path), false),
                    None => (Assessment::default(), None, true),
                },
            };
            // No file given and a portfolio remembered: the portfolio, not the start screen.
            let portfolio = settings
                .portfolio_folder
                .clone()
                .filter(|folder| show_start && folder.is_dir());
            let app = GardefouApp::new(&cc.egui_ctx, assessment, path, kb, settings, today)
                .with_recovery_dir(eframe::storage_dir("gardefou"))
                .with_start_screen(show_start);
            Ok(Box::new(match portfolio {
                Some(folder) => app.with_portfolio(&cc.egui_ctx, folder),
                None => app,
            }))
        }),
    )
    .map_err(|error| anyhow::anyhow!("cannot open a window: {error}"))
}
