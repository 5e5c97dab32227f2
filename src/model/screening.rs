//! Screening answers: facts the nine WP248 criteria are derived from that no other step records,
//! and the user's overrides of a derived criterion, each with its written reason.

use serde::{Deserialize, Serialize};

use super::ids::CriterionId;

/// The user's decision to set a criterion against what the app derives.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct CriterionOverride {
    /// The criterion set against its derived value (`C1`…`C9`).
    pub criterion_id: CriterionId,
    /// Met or not, in the user's judgement.
    pub is_met: bool,
    /// Why — required, kept in the file and printed in the dossier.
    pub reason: String,
}

/// Screening facts and overrides.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct Screening {
    /// Cameras film a publicly accessible area (public highway, places open to the public).
    pub films_public_space: Option<bool>,
    /// Alerts or analyses lead to decisions (fines, interventions) without meaningful human review.
    pub has_automated_decisions: Option<bool>,
    /// Data are matched with other files (watch-lists, plate files, other controllers' data).
    pub has_data_matching: Option<bool>,
    /// Places where vulnerable people are filmed (schools, hospitals, shelters), or staff are monitored.
    pub films_vulnerable_people: Option<bool>,
    /// The controller declares the processing involves no biometric data.
    pub declares_no_biometrics: Option<bool>,
    /// Sound is captured or analysed.
    pub captures_audio: Option<bool>,
    /// The processing started before an AIPD was carried out.
    pub started_before_dpia: Option<bool>,
    /// An AIPD under loi 78-17 art. 90 has been carried out for the Police-Justice purposes.
    pub has_art90_dpia: Option<bool>,
    /// A fundamental-rights impact assessment (AI Act art. 27) has been carried out.
    pub has_fria: Option<bool>,
    /// The controller's own judgement that the processing is on a large scale (WP248: number of
    /// people concerned, volume of data, duration, geographical extent). It takes precedence
    /// over the app's camera-count heuristic for criterion C5; `None` until answered.
    pub is_large_scale: Option<bool>,
    /// WP248 scale factor: how many people are concerned (e.g. « 40 000 passants par jour »).
    pub scale_people: String,
    /// WP248 scale factor: the geographical extent (e.g. « centre-ville et entrées de ville »).
    pub scale_extent: String,
    /// WP248 scale factor: the duration or permanence (e.g. « 24 h/24, permanent »).
    pub scale_duration: String,
    /// The existing CCTV system the analytics are coupled to has its own AIPD; `None` until
    /// answered.
    pub has_existing_cctv_dpia: Option<bool>,
    /// Overrides of derived criteria.
    pub overrides: Vec<CriterionOverride>,
}
