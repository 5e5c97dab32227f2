//! The wizard's steps, in order. `Step` is the single source of their order, names and the
//! mapping from a finding's field path to the step that holds the field.

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

use super::action::Action;
use super::state::ExportState;
use crate::i18n::{tr, Lang};
use crate::knowledge::KnowledgeBase;
use crate::model::Assessment;
use crate::rules::Report;

/// A step of the wizard.
#[derive(
    Clone,
    Copy,
    Debug,
    Default,
    PartialEq,
    Eq,
    PartialOrd,
    Ord,
    Hash,
    serde::Serialize,
    serde::Deserialize,
)]
pub enum Step {
    /// 0 Cover data.
    #[default]
    Project,
    /// 1 The nine criteria and the verdict.
    Screening,
    /// 2 Purposes, actors, data.
    Processing,
    /// 3 Authorisation, retention, information, control centre, cameras, software, capabilities.
    VideoSystem,
    /// 4 Necessity, proportionality and rights.
    Necessity,
    /// 5 Risks.
    Risks,
    /// 6 Measures and action plan.
    Measures,
    /// 7 Opinions and validation.
    Opinions,
    /// 8 Summary and export.
    Dossier,
}

impl Step {
    /// Every step, in order.
    pub const ALL: [Step; 9] = [
        Step::Project,
        Step::Screening,
        Step::Processing,
        Step::VideoSystem,
        Step::Necessity,
        Step::Risks,
        Step::Measures,
        Step::Opinions,
        Step::Dossier,
    ];

    /// Its name in the UI.
    pub fn title(self, lang: Lang) -> String {
        let key = match self {
            Step::Project => "step.project",
            Step::Screening => "step.screening",
            Step::Processing => "step.processing",
            Step::VideoSystem => "step.video_system",
            Step::Necessity => "step.necessity",
            Step::Risks => "step.risks",
            Step::Measures => "step.measures",
            Step::Opinions => "step.opinions",
            Step::Dossier => "step.dossier",
        };
        tr(lang, key).to_owned()
    }

    /// The completeness sections (`rules::completeness`) this step covers.
    pub fn completeness_keys(self) -> &'static [&'static str] {
        match self {
            Step::Project => &["project"],
            Step::Screening => &["screening"],
            Step::Processing => &["processing"],
            Step::VideoSystem => &["video_system"],
            Step::Necessity => &["necessity", "rights"],
            Step::Risks => &["risks"],
            Step::Measures => &["measures"],
            Step::Opinions => &["opinions"],
            Step::Dossier => &[],
        }
    }

    /// The step that holds a field, from the field's path.
    pub fn of_field(path: &str) -> Step {
        let head = path.split(['.', '[']).next().unwrap_or("");
        match head {
            "project" => Step::Project,
            "screening" => Step::Screening,
            "processing" => Step::Processing,
            "video_system" | "cameras" | "capabilities" | "evidence" | "plans" => Step::VideoSystem,
            "necessity" | "rights" => Step::Necessity,
            "risks" => Step::Risks,
            "measures" => Step::Measures,
            "opinions" => Step::Opinions,
            _ => Step::Dossier,
        }
    }

    /// The next step, if any.
    pub fn next(self) -> Option<Step> {
        Step::ALL
            .iter()
            .position(|s| *s == self)
            .and_then(|i| Step::ALL.get(i + 1))
            .copied()
    }

    /// The previous step, if any.
    pub fn previous(self) -> Option<Step> {
        Step::ALL
            .iter()
            .position(|s| *s == self)
            .and_then(|i| i.checked_sub(1))
            .map(|i| Step::ALL[i])
    }
}

/// What a step's UI needs besides the assessment it edits.
pub struct StepCtx<'a> {
    /// UI language.
    pub lang: Lang,
    /// The knowledge base.
    pub kb: &'a KnowledgeBase,
    /// The engine's report on the current assessment.
    pub report: &'a Report,
    /// The field a finding pointed at, if any.
    pub highlight: Option<&'a str>,
    /// Scroll to the highlighted field this frame.
    pub should_scroll: bool,
    /// Structural edits and commands, applied after the frame.
    pub actions: &'a mut Vec<Action>,
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
    /// Today, for the date fields' calendar.
    pub today: crate::model::Date,
    /// The documents of the evidence locker, as the evidence pickers list them: id and words.
    pub evidence_choices: &'a [(crate::model::EvidenceId, String)],
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

impl StepCtx<'_> {
    /// A UI string.
    pub fn t(&self, key: &str) -> String {
        tr(self.lang, key).to_owned()
    }

    /// A UI string with `{name}` placeholders filled.
    pub fn tw(&self, key: &str, values: &[(&str, &str)]) -> String {
        crate::i18n::tr_with(self.lang, key, values)
    }

    /// True when `path` is the highlighted field or contains it.
    pub fn is_highlighted(&self, path: &str) -> bool {
        self.highlight.is_some_and(|h| {
            h == path || h.starts_with(&format!("{path}.")) || h.starts_with(&format!("{path}["))
        })
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn field_paths_map_to_their_step() {
        assert_eq!(
            Step::of_field("video_system.image_retention_days"),
            Step::VideoSystem
        );
        assert_eq!(Step::of_field("capabilities[K02].state"), Step::VideoSystem);
        assert_eq!(Step::of_field("rights.access.evaluation"), Step::Necessity);
        assert_eq!(Step::of_field("risks[RISK-1].residual"), Step::Risks);
        assert_eq!(Step::of_field("screening"), Step::Screening);
    }
}
