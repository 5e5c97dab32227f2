//! The assessment model: everything a video-analytics AIPD records, as plain serde data.
//!
//! No egui, no IO, no clock here. `Assessment::default()` is an empty, valid assessment of the
//! current format version. Every struct takes `#[serde(default)]`, so a file written by an older
//! build that lacks a newer field still loads.

pub mod branding;
pub mod camera;
pub mod camera_list;
pub mod capability;
pub mod contribution;
pub mod date;
pub mod date_input;
pub mod diff;
pub mod evidence;
pub mod geo;
pub mod geometry;
pub mod history;
pub mod ids;
pub mod integrity;
pub mod measure;
pub mod merge;
pub mod necessity;
pub mod opinion;
pub mod path;
pub mod processing;
pub mod project;
pub mod request;
pub mod risk;
pub mod screening;
pub mod site_plan;
pub mod text_search;
pub mod video_system;

use serde::{Deserialize, Serialize};

pub use branding::{Branding, TrustedFile};
pub use camera::{Camera, CameraKind, CameraSetting, InventorySummary};
pub use camera_list::CameraList;
pub use capability::{
    CapabilityRecord, CapabilityState, Presence, UnlockHolder, UsageMode, UseScope,
};
pub use contribution::{Contribution, Part};
pub use date::Date;
pub use evidence::{Evidence, EvidenceKind};
pub use geo::{GeoPoint, GeoSystem, Georef};
pub use ids::{
    CameraId, CapabilityId, CriterionId, EvidenceId, LegalRefId, MeasureId, PlanId, QuestionId,
    RiskId, ZoneId,
};
pub use measure::{Measure, MeasureKind, MeasureStatus};
pub use necessity::{Answer, Evaluation};
pub use opinion::{Decision, DpoConclusion, Opinions, PriorConsultation, Signature};
pub use processing::{Actor, ActorRole, LegalBasis, Processing, Purpose, PurposeKind, Regime};
pub use project::{DeploymentStage, Lang, OrganisationKind, Project, ProjectStatus, PublicVersion};
pub use request::{AuthorisationRequest, RequestKind, RequestStatus};
pub use risk::{Band, FearedEvent, Level, MatrixCell, Risk};
pub use screening::{CriterionOverride, Screening};
pub use site_plan::{Placement, SitePlan, ViewCheck, Zone, ZoneKind};
pub use video_system::{
    AccessRights, AnalyticsSoftware, Authorisation, ControlCentre, Order, PublicInformation,
    SearchInitiator, SearchPolicy, StatisticsUse, ThirdPartyImages, VideoSystem,
};

/// The version of the project-file format this build writes. Files of a newer version are
/// refused; older ones are migrated by `storage::migrate`.
pub const FORMAT_VERSION: u32 = 2;

/// The root of a project file: one AIPD.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct Assessment {
    /// Format version of the file (see [`FORMAT_VERSION`]).
    pub format_version: u32,
    /// Cover data.
    pub project: Project,
    /// Purposes, actors, data.
    pub processing: Processing,
    /// Authorisation, retention, information, control centre, software, searches.
    pub video_system: VideoSystem,
    /// The camera inventory, one row per camera (a copy-on-write list: see `CameraList`).
    pub cameras: CameraList,
    /// One record per capability of the catalogue that has been examined.
    pub capabilities: Vec<CapabilityRecord>,
    /// Screening facts and criterion overrides.
    pub screening: Screening,
    /// Answers to the necessity, proportionality and rights questions.
    pub answers: Vec<Answer>,
    /// Risks to the data subjects, each rated before and after measures on the CNIL 4×4 scale.
    pub risks: Vec<Risk>,
    /// Measures, existing and planned.
    pub measures: Vec<Measure>,
    /// Opinions, decision, signatures.
    pub opinions: Opinions,
    /// Attached documents.
    pub evidence: Vec<Evidence>,
    /// The review circuit and the validated versions (format 2).
    pub history: history::History,
    /// Site plans: cameras placed with their fields of view, zones drawn (none: not written).
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub plans: Vec<SitePlan>,
}

impl Default for Assessment {
    fn default() -> Self {
        Self {
            format_version: FORMAT_VERSION,
            project: Project::default(),
            processing: Processing::default(),
            video_system: VideoSystem::default(),
            cameras: CameraList::default(),
            capabilities: Vec::new(),
            screening: Screening::default(),
            answers: Vec::new(),
            risks: Vec::new(),
            measures: Vec::new(),
            opinions: Opinions::default(),
            evidence: Vec::new(),
            history: history::History::default(),
            plans: Vec::new(),
        }
    }
}

impl Assessment {
    /// The record of a capability, if it has been examined.
    pub fn capability(&self, capability_id: &str) -> Option<&CapabilityRecord> {
        self.capabilities
            .iter()
            .find(|c| c.capability_id.as_str() == capability_id)
    }

    /// The attached document with that id.
    pub fn evidence_by_id(&self, evidence_id: &EvidenceId) -> Option<&Evidence> {
        self.evidence.iter().find(|e| &e.evidence_id == evidence_id)
    }

    /// The measure with that id.
    pub fn measure_by_id(&self, measure_id: &MeasureId) -> Option<&Measure> {
        self.measures.iter().find(|m| &m.measure_id == measure_id)
    }
}
