//! Transient UI state: where the user is and what is open. Never saved.

pub use super::export_state::ExportState;
use super::step::Step;

/// The field a finding or a search pointed at, highlighted for a few seconds.
#[derive(Clone, Debug, PartialEq)]
pub struct Highlight {
    /// The field's path.
    pub path: crate::model::path::FieldPath,
    /// When it was pointed at (app time, seconds).
    pub since: f64,
}

/// The merge window's state.
#[derive(Clone, Debug, Default)]
pub struct MergeForm {
    /// The copy's path, as typed.
    pub path: String,
    /// The copy read and compared, once « Compare » was pressed.
    pub prepared: Option<crate::session::merge::PreparedMerge>,
    /// The side chosen for each conflict, by path (mine when absent).
    pub choices: std::collections::HashMap<String, crate::model::merge::Side>,
}

/// The contribution window's state.
#[derive(Clone, Debug, Default)]
pub struct ContributionForm {
    /// Who is asked.
    pub contributor: String,
    /// The parts asked.
    pub parts: std::collections::BTreeSet<crate::model::Part>,
    /// The message to the contributor.
    pub message: String,
    /// Where the copy goes, as typed.
    pub path: String,
    /// The questionnaire's format, when one is written beside the copy.
    pub questionnaire: Option<crate::session::Format>,
}

/// The status bar's message.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Status {
    /// What it says.
    pub message: String,
    /// It reports a failure (shown in the error colour).
    pub is_error: bool,
}

/// What fills the window.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Mode {
    /// The start screen: recent files, new, open, the example.
    Start,
    /// The wizard on the open assessment.
    #[default]
    Wizard,
    /// The portfolio, opened from the start screen (`over_start`) or from the wizard; closing
    /// it goes back there.
    Portfolio {
        /// The start screen was showing when the portfolio opened.
        over_start: bool,
    },
}

impl Mode {
    /// The start screen is showing, or lies under the portfolio: no assessment is being worked
    /// on (the title names none, the commands on one are off).
    pub fn on_start(self) -> bool {
        matches!(self, Mode::Start | Mode::Portfolio { over_start: true })
    }

    /// The portfolio is showing.
    pub fn is_portfolio(self) -> bool {
        matches!(self, Mode::Portfolio { .. })
    }

    /// The portfolio, opened from this mode.
    pub fn with_portfolio(self) -> Mode {
        Mode::Portfolio {
            over_start: self.on_start(),
        }
    }

    /// What closing the portfolio goes back to.
    pub fn without_portfolio(self) -> Mode {
        match self {
            Mode::Portfolio { over_start: true } => Mode::Start,
            Mode::Portfolio { over_start: false } => Mode::Wizard,
            other => other,
        }
    }
}

/// A question that needs an answer before anything else.
#[derive(Clone, Debug, PartialEq)]
pub enum Prompt {
    /// Unsaved changes: what to do before `then`.
    Unsaved {
        /// The action waiting for the answer.
        then: super::action::Action,
    },
    /// Type a path: to open, or to save.
    Path {
        /// Open (true) or save (false).
        is_open: bool,
        /// The path typed so far.
        text: String,
        /// What waits for the save to succeed (the unsaved-changes prompt's « Save »).
        then: Option<Box<super::action::Action>>,
    },
    /// A recovery copy left by a crash was found.
    Recovery {
        /// The copy, its project and when it was written.
        offer: crate::session::RecoveryOffer,
    },
    /// What a PIA import could not take over cleanly.
    ImportWarnings {
        /// The warnings, in the UI language.
        messages: Vec<String>,
    },
    /// The dossier's path names a file already there: replace it, or not.
    ReplaceDossier {
        /// What the file holds (full / public, pages, date), in the UI language.
        message: String,
        /// True when a public version would replace a full dossier: said in red.
        replaces_full_with_public: bool,
        /// The export's choice about the logo, kept for when it goes on.
        without_logo: bool,
    },
    /// The project's logo lies outside its folder: allow it for this project, export without it,
    /// or not at all.
    OutsideLogo {
        /// Which file, and why it was not read, in the UI language.
        message: String,
        /// What allowing it records in the project.
        trust: crate::model::TrustedFile,
        /// The export waiting for the answer.
        target: super::action::ExportTarget,
    },
    /// The branding's logo cannot be used: export without it, or not at all.
    LogoProblem {
        /// What is wrong with the logo, in the UI language.
        message: String,
        /// The export waiting for the answer.
        target: super::action::ExportTarget,
    },
}

/// Transient state.
#[derive(Debug, Default)]
pub struct UiState {
    /// The step shown.
    pub step: Step,
    /// The field a finding pointed at, and when (seconds of app time).
    pub highlight: Option<Highlight>,
    /// The field a finding or search last went to: its help stays shown under it after the
    /// highlight fades, until the user goes elsewhere (its going would move the rows below).
    pub explained: Option<crate::model::path::FieldPath>,
    /// Scroll to the highlighted field on the next frame.
    pub should_scroll: bool,
    /// The widget that had the keyboard focus on the last frame: when it changes (Tab), the
    /// form scrolls the newly focused field into view.
    pub last_focus: Option<egui::Id>,
    /// The step and project the form last drew: when they change, text areas take their text's
    /// height again.
    pub drawn_form: Option<(Step, u64)>,
    /// The findings as they were when the pointer came over the findings panel: shown until it
    /// leaves, so no card moves under it.
    pub findings_held: Option<Vec<crate::rules::Finding>>,
    /// The merge window: the copy's path as typed, the copy compared, the side chosen for
    /// each conflict.
    pub merge: Option<MergeForm>,
    /// The contribution window, while open.
    pub contribution: Option<ContributionForm>,
    /// An open prompt.
    pub prompt: Option<Prompt>,
    /// A message for the status bar (error or confirmation).
    pub status: Option<Status>,
    /// Where the last dossier export stands.
    pub export: ExportState,
    /// The dossier export running in the background, until its result is taken.
    pub export_task: Option<crate::ui::task::Task<ExportState>>,
    /// The end of the last export was said in the status bar (from whatever step it started).
    pub export_announced: bool,
    /// Where to export.
    pub export_path: String,
    /// Export the public version.
    pub export_public: bool,
    /// The format of the dossier and the derived documents (the export path's extension
    /// follows it, and it follows an extension typed or chosen).
    pub export_format: crate::session::Format,
    /// When the recovery copy was last written (app time).
    pub last_autosave: Option<f64>,
    /// When the assessment last changed (app time): the recovery copy follows a few seconds
    /// later.
    pub last_edit: Option<f64>,
    /// The wall-clock label of the last autosave, for the status bar.
    pub last_autosave_label: Option<String>,
    /// The camera inventory editor.
    pub inventory: super::steps::video_system::inventory::InventoryState,
    /// The site plan editor: the plan shown, its view, the tool, the selection.
    pub plans: super::steps::video_system::plans::PlanEditorState,
    /// The « attach a document » form.
    pub evidence_form: super::steps::EvidenceForm,
    /// The legal references window, when open.
    pub references: Option<super::windows::ReferencesView>,
    /// The help window, when open: the field path whose help it shows.
    pub help: Option<String>,
    /// Counts the projects this window has shown (new, opened): the form's scroll position
    /// is kept per project, so a new one starts at the top.
    pub project_number: u64,
    /// The search window, when open.
    pub search: Option<super::windows::SearchView>,
    /// What fills the window: the start screen, the wizard or the portfolio.
    pub mode: Mode,
    /// The portfolio's folder, rows, sort, filter and scan (kept while an assessment is open).
    pub portfolio: super::portfolio_view::PortfolioView,
    /// The window title last sent, so it is sent again only when it changes.
    pub window_title: String,
    /// The « changes since the last version » window, when open.
    pub changes: Option<super::windows::ChangesView>,
    /// The review window, when open: the comment being typed.
    pub review: Option<String>,
    /// What is being typed in the review circuit's form.
    pub circuit_form: super::steps::circuit::CircuitForm,
    /// The app's own file picker, when the system dialog could not be shown.
    pub file_picker: Option<super::file_picker::InAppPicker>,
    /// The desktop's viewer opening a document: its failure, if any, for the status bar.
    pub viewer: Option<crate::ui::task::Task<Option<String>>>,
}

impl UiState {
    /// Forgets everything that belonged to the previous assessment — the inventory's filters and
    /// selection, the plan shown and its tool and selection, the half-filled forms, the open
    /// « changes », review and search windows, the highlighted field, the status line, the
    /// public-version choice — so a new, opened or restored assessment never shows the last
    /// one's state (a plan editor offering « 75001 » over an empty sheet). What belongs to the
    /// user (format, portfolio, references, help) stays.
    pub fn forget_project(&mut self) {
        self.project_number += 1;
        self.highlight = None;
        self.explained = None;
        self.findings_held = None;
        self.merge = None;
        self.contribution = None;
        self.should_scroll = false;
        self.status = None;
        self.inventory = Default::default();
        self.plans = Default::default();
        self.evidence_form = Default::default();
        self.changes = None;
        self.review = None;
        self.circuit_form = Default::default();
        self.search = None;
        self.export_public = false;
    }
}
