//! The wizard's steps: what each one draws (`step_ui`) and the context they draw with
//! (`StepCtx`). Which steps there are, in what order, is `ui::step::Step`.

pub mod circuit;
mod dossier;
mod measures;
mod necessity;
mod opinions;
mod processing;
mod project;
mod risks;
mod screening;
pub mod video_system;

use super::ctx::Ctx;
use super::export_state::ExportState;
pub use super::step::Step;
use crate::model::Assessment;

/// What a step's UI needs besides the assessment it edits: the widgets' context (`base`, which
/// `StepCtx` hands on to every widget) and the steps' own states, each read by its step alone.
pub struct StepCtx<'a> {
    /// What every widget needs.
    pub base: Ctx<'a>,
    /// Export progress, shown by the dossier step.
    pub export: &'a ExportState,
    /// Where the dossier will be written.
    pub export_path: &'a mut String,
    /// Public version or not.
    pub export_public: &'a mut bool,
    /// The export format.
    pub export_format: &'a mut crate::session::Format,
    /// The camera inventory editor's state.
    pub inventory: &'a mut video_system::inventory::InventoryState,
    /// The evidence form's state.
    pub evidence_form: &'a mut EvidenceForm,
    /// The plan editor's state.
    pub plans: &'a mut video_system::plans::PlanEditorState,
    /// What became of each attached document on disk.
    pub evidence_statuses: &'a [(
        crate::model::EvidenceId,
        crate::model::evidence::EvidenceStatus,
    )],
    /// The project file (`None`: untitled), which evidence paths are relative to.
    pub project_file: Option<&'a std::path::Path>,
    /// The user's name, a setting of this computer (the circuit records who acts).
    pub user_name: &'a mut String,
    /// The user's branding of the documents, a setting of this computer.
    pub user_branding: &'a mut crate::model::Branding,
    /// What is being typed in the review circuit's form.
    pub circuit_form: &'a mut circuit::CircuitForm,
}

/// The « attach a document » form.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct EvidenceForm {
    /// Path of the document.
    pub path: String,
    /// Its kind.
    pub kind: crate::model::EvidenceKind,
    /// What it shows.
    pub description: String,
}

impl<'a> std::ops::Deref for StepCtx<'a> {
    type Target = Ctx<'a>;

    fn deref(&self) -> &Ctx<'a> {
        &self.base
    }
}

impl std::ops::DerefMut for StepCtx<'_> {
    fn deref_mut(&mut self) -> &mut Self::Target {
        &mut self.base
    }
}

/// Draws a step.
pub fn step_ui(ui: &mut egui::Ui, step: Step, cx: &mut StepCtx, a: &mut Assessment) {
    match step {
        Step::Project => project::ui(ui, cx, a),
        Step::Screening => screening::ui(ui, cx, a),
        Step::Processing => processing::ui(ui, cx, a),
        Step::VideoSystem => video_system::ui(ui, cx, a),
        Step::Necessity => necessity::ui(ui, cx, a),
        Step::Risks => risks::ui(ui, cx, a),
        Step::Measures => measures::ui(ui, cx, a),
        Step::Opinions => opinions::ui(ui, cx, a),
        Step::Dossier => dossier::ui(ui, cx, a),
    }
}
