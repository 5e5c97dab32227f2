//! Opinions and validation: the DPO's advice (GDPR art. 35(2)), data subjects' views (35(9)), the
//! controller's decision, prior consultation of the CNIL (art. 36 / LIL art. 90) and signatures.

use serde::{Deserialize, Serialize};

use super::date::Date;

/// The DPO's conclusion.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub enum DpoConclusion {
    /// The processing can be implemented.
    Favourable,
    /// It can be implemented once the listed reservations are lifted.
    FavourableWithReservations,
    /// It should not be implemented.
    Unfavourable,
}

/// The controller's decision.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub enum Decision {
    /// Implement (or keep) the processing as assessed.
    Proceed,
    /// Implement it with the action plan.
    ProceedWithActionPlan,
    /// Do not implement it (or stop it).
    DoNotProceed,
}

/// A signature line of the dossier.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct Signature {
    /// Who signs.
    pub name: String,
    /// In which capacity, e.g. « Maire », « DPD ».
    pub role: String,
    /// Day of signing; `None` leaves a blank « Date : » line in the dossier, to date by hand.
    pub signed_on: Option<Date>,
}

/// Prior consultation of the supervisory authority.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct PriorConsultation {
    /// The CNIL has been consulted.
    pub is_filed: Option<bool>,
    /// Day the consultation was sent.
    pub filed_on: Option<Date>,
    /// The CNIL's reference or answer.
    pub reference: String,
    /// Why the controller decided the consultation is not needed, where the law leaves it to
    /// its judgement (LIL art. 90 2°, a maximum residual severity): the reasoning is kept and
    /// printed; empty when none was given.
    pub not_needed_reason: String,
    /// The controller's explicit decision that the consultation is not required (where the law
    /// leaves it to its judgement). Only this choice, with its reason, stands for R18-ART90 and
    /// R18-SEVERE: a note in the reason field alone (« à déposer au T1 2027 ») is no decision.
    #[serde(skip_serializing_if = "std::ops::Not::not")]
    pub is_not_needed: bool,
}

impl PriorConsultation {
    /// True when the controller decided, with a reason, that the consultation is not required.
    pub fn is_decided_not_needed(&self) -> bool {
        self.is_not_needed && !self.not_needed_reason.trim().is_empty()
    }
}

/// Opinions, decision and signatures.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct Opinions {
    /// The DPO's written opinion.
    pub dpo_opinion: String,
    /// Favourable, favourable with reservations or unfavourable; `None` until the DPO concludes.
    pub dpo_conclusion: Option<DpoConclusion>,
    /// Day the DPO gave the opinion.
    pub dpo_opinion_on: Option<Date>,
    /// Data subjects or their representatives were consulted.
    pub were_data_subjects_consulted: Option<bool>,
    /// Their views, or why they were not sought.
    pub data_subjects_views: String,
    /// Who was consulted (a neighbourhood council, an association…); the CNIL PIA tool's
    /// « people names ».
    #[serde(skip_serializing_if = "String::is_empty")]
    pub consulted_people: String,
    /// Whether their views were favourable on the whole; `None` until said (the CNIL PIA
    /// tool's « concerned people status »).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub data_subjects_favourable: Option<bool>,
    /// The controller's decision.
    pub decision: Option<Decision>,
    /// Reasons for the decision, especially where it departs from the DPO's opinion.
    pub decision_reasons: String,
    /// Whether, when and under which reference the CNIL was consulted before the processing (GDPR
    /// art. 36, LIL art. 90).
    pub prior_consultation: PriorConsultation,
    /// Who signs the dossier and in which capacity: one signature box each, in this order.
    pub signatures: Vec<Signature>,
}
