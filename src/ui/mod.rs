//! The desktop app: a wizard that walks a DPO through the AIPD step by step, with the rule
//! engine's findings live beside the form.
//!
//! State is kept in three kinds, apart: the `Session` (the user's document, its file, report,
//! recovery copies and exports), the `Settings` (eframe storage) and the `UiState` (transient).
//! Fields are edited in place; everything else goes through `Action`s (the user's `Command`s
//! and internal messages) applied once after the frame. Undo/redo is egui's `Undoer` over whole
//! assessment snapshots, coalesced while typing; it is never saved.

pub mod action;
mod app;
pub mod command;
mod contribution_view;
pub mod ctx;
pub mod date_field;
pub mod export_state;
mod exports;
pub mod file_dialog;
pub mod file_picker;
mod findings_panel;
mod inventory_io;
pub mod legal;
mod merge_view;
pub mod panels;
pub mod portfolio;
pub mod portfolio_view;
pub mod risk_map;
mod search;
mod shell;
pub mod start;
pub mod state;
pub mod step;
pub mod steps;
pub mod task;
pub mod text_area;
pub mod theme;
mod top_bar;
pub mod viewer;
pub mod widgets;
pub mod windows;

use std::path::PathBuf;
use std::sync::Arc;

use egui::util::undoer::Undoer;

use self::action::Action;
use self::state::{Mode, Prompt, Status, UiState};
use crate::i18n::{tr, Lang};
use crate::knowledge::KnowledgeBase;
use crate::messages;
use crate::model::{Assessment, Date};
use crate::session::Session;
use crate::settings::Settings;

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
    /// Where « today » comes from while the app runs (the machine's clock in the real app, so a
    /// laptop left open over midnight judges deadlines on the new day); `None`: fixed at start.
    clock: Option<Box<dyn Fn() -> Date>>,
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
            clock: None,
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
        self.state.mode = if show { Mode::Start } else { Mode::Wizard };
        self
    }

    /// The same app showing the portfolio of `folder` (scanning it) in place of the start screen.
    pub fn with_portfolio(mut self, ctx: &egui::Context, folder: PathBuf) -> Self {
        self.state.mode = Mode::Wizard;
        self.scan_portfolio(ctx, folder);
        self
    }

    /// The same app taking « today » from `clock` at each frame (the real app passes the
    /// machine's local date): the findings and deadlines follow the day as it changes.
    pub fn with_clock(mut self, clock: impl Fn() -> Date + 'static) -> Self {
        self.clock = Some(Box::new(clock));
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
        self.state.status = Some(Status { message, is_error });
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

pub use app::run::run;
