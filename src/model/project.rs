//! The cover data of an assessment: who assesses what, for whom, in which state and language.

use serde::{Deserialize, Serialize};

use super::date::Date;

/// A language the app speaks and writes dossiers in.
#[derive(
    Clone, Copy, Debug, Default, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize,
)]
pub enum Lang {
    /// Français (the default: the law applied is French).
    #[default]
    Fr,
    /// English (the law applied is still French).
    En,
}

impl Lang {
    /// True when `n` takes the singular in this language: 0 and 1 in French (« 0 caméra »,
    /// « 1 caméra »), 1 only in English.
    pub fn is_singular(self, n: u64) -> bool {
        match self {
            Lang::Fr => n <= 1,
            Lang::En => n == 1,
        }
    }

    /// Both languages, French first.
    pub const ALL: [Lang; 2] = [Lang::Fr, Lang::En];

    /// `value` with `places` decimals as the language writes it: « 487,0 » in French,
    /// « 487.0 » in English.
    pub fn decimal(self, value: f64, places: usize) -> String {
        let text = format!("{value:.places$}");
        match self {
            Lang::Fr => text.replace('.', ","),
            Lang::En => text,
        }
    }

    /// The ISO 639-1 code, `"fr"` or `"en"`.
    pub fn code(self) -> &'static str {
        match self {
            Lang::Fr => "fr",
            Lang::En => "en",
        }
    }

    /// Parses `"fr"` or `"en"` (any case).
    pub fn from_code(code: &str) -> Option<Lang> {
        match code.trim().to_ascii_lowercase().as_str() {
            "fr" => Some(Lang::Fr),
            "en" => Some(Lang::En),
            _ => None,
        }
    }
}

/// Where the assessment stands in its life.
#[derive(
    Clone, Copy, Debug, Default, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize,
)]
pub enum ProjectStatus {
    /// Being written.
    #[default]
    Draft,
    /// Submitted to the DPO or the controller.
    InReview,
    /// The DPO has given an opinion.
    DpoOpinionGiven,
    /// Validated by the controller after the DPO's opinion.
    Validated,
    /// A validated assessment reopened for changes (GDPR art. 35(11)).
    UnderRevision,
}

impl ProjectStatus {
    /// `draft`, `in_review`, `dpo_opinion_given`, `validated` or `under_revision`, as in
    /// `portfolio --json`.
    pub fn code(self) -> &'static str {
        match self {
            ProjectStatus::Draft => "draft",
            ProjectStatus::InReview => "in_review",
            ProjectStatus::DpoOpinionGiven => "dpo_opinion_given",
            ProjectStatus::Validated => "validated",
            ProjectStatus::UnderRevision => "under_revision",
        }
    }

    /// The statuses the circuit may go to from this one: Draft → In review → DPO opinion given
    /// → Validated → Under revision → In review…; any status may go back to the draft.
    pub fn next(self) -> &'static [ProjectStatus] {
        match self {
            ProjectStatus::Draft => &[ProjectStatus::InReview],
            ProjectStatus::InReview => &[ProjectStatus::DpoOpinionGiven, ProjectStatus::Draft],
            ProjectStatus::DpoOpinionGiven => &[ProjectStatus::Validated, ProjectStatus::InReview],
            ProjectStatus::Validated => &[ProjectStatus::UnderRevision],
            ProjectStatus::UnderRevision => &[ProjectStatus::InReview, ProjectStatus::Draft],
        }
    }
}

/// What kind of body the controller is; public bodies owe an AI Act art. 27 FRIA.
#[derive(
    Clone, Copy, Debug, Default, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize,
)]
pub enum OrganisationKind {
    /// A commune (municipality).
    #[default]
    Commune,
    /// An inter-municipal body (EPCI, syndicat).
    Intercommunality,
    /// Another body governed by public law.
    OtherPublicBody,
    /// A private entity providing a public service.
    PrivatePublicService,
    /// A private organisation that provides no public service: the one kind that owes no FRIA.
    Private,
}

impl OrganisationKind {
    /// True for bodies governed by public law and private providers of public services (AI Act art. 27(1)).
    pub fn owes_fria(self) -> bool {
        !matches!(self, OrganisationKind::Private)
    }
}

/// Whether the system is still a project or already runs.
#[derive(
    Clone, Copy, Debug, Default, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize,
)]
pub enum DeploymentStage {
    /// Not said yet: never read as « planned » (a missing authorisation would then look like one
    /// still to obtain rather than an offence).
    #[default]
    Unknown,
    /// Not yet in operation: the AIPD comes first, as it should.
    Planned,
    /// Already in operation.
    InOperation,
}

/// What the public version of the dossier leaves out (CADA 20234820: these AIPDs are
/// communicable to citizens). Everything is left out unless the user decides otherwise.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct PublicVersion {
    /// Leave out the exact location of each camera.
    pub hides_camera_locations: bool,
    /// Leave out people's names (authors, DPO, signatories).
    pub hides_people_names: bool,
    /// Leave out internal references (evidence files, control-centre address and security).
    pub hides_internal_references: bool,
}

impl Default for PublicVersion {
    fn default() -> Self {
        Self {
            hides_camera_locations: true,
            hides_people_names: true,
            hides_internal_references: true,
        }
    }
}

/// Cover data of the assessment.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct Project {
    /// Title of the assessment, e.g. « AIPD — vidéoprotection augmentée du centre-ville ».
    pub title: String,
    /// The controller (responsable de traitement), e.g. « Commune de Saint-Aubin-sur-Lys ».
    pub organisation: String,
    /// Kind of body the controller is.
    pub organisation_kind: OrganisationKind,
    /// How to reach the controller (postal address, e-mail): the register entry, the public
    /// notice and the letter to the CNIL print it.
    pub organisation_contact: String,
    /// Name of the data protection officer (DPD).
    pub dpo_name: String,
    /// How to reach the DPO (address or e-mail) — also printed on signs.
    pub dpo_contact: String,
    /// People who wrote the assessment.
    pub authors: Vec<String>,
    /// Consulting firm or consultant, if any.
    pub consultant: String,
    /// Version label of the assessment, e.g. « 1.2 ».
    pub version: String,
    /// Draft, in review or validated.
    pub status: ProjectStatus,
    /// Planned or in operation.
    pub deployment_stage: DeploymentStage,
    /// Day the assessment was started.
    pub created_on: Option<Date>,
    /// Day of the last substantive update.
    pub updated_on: Option<Date>,
    /// Day the assessment was last reviewed as a whole (GDPR art. 35(11)).
    pub last_review_on: Option<Date>,
    /// Day the next review is due.
    pub review_due_on: Option<Date>,
    /// Language of the dossier, independent of the UI language.
    pub dossier_language: Lang,
    /// Confidentiality marking printed on the cover, e.g. « Diffusion restreinte ».
    pub confidentiality: String,
    /// What the public version leaves out.
    pub public_version: PublicVersion,
    /// What an import brought that the model has no place for (kept, shown, printed).
    pub imported_notes: String,
    /// The CNIL PIA export this assessment was imported from, as read (compact JSON): an export
    /// to the PIA format gives back what the user has not changed since. Empty otherwise.
    #[serde(skip_serializing_if = "String::is_empty")]
    pub imported_pia: String,
    /// This project's branding of the documents, over the user's own (empty: the user's).
    #[serde(skip_serializing_if = "super::Branding::is_empty")]
    pub branding: super::Branding,
    /// Files outside the project's folder the user allowed into this project's documents.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub trusted_files: Vec<super::TrustedFile>,
    /// In a copy written for a contributor: who is asked to fill which parts (the app then
    /// shows only those). Never in the author's own file.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub contribution: Option<super::Contribution>,
}

#[cfg(test)]
mod tests {
    use super::Lang;

    #[test]
    fn decimals_are_written_as_each_language_writes_them() {
        assert_eq!(Lang::Fr.decimal(487.04, 1), "487,0");
        assert_eq!(Lang::En.decimal(487.04, 1), "487.0");
        assert_eq!(Lang::Fr.decimal(0.25, 2), "0,25");
    }
}
