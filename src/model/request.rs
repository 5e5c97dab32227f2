//! A request to the prefect for the system's authorisation (CSI L.252-1): a new system, a
//! modification (new perimeter, new cameras, analytics coupling) or the renewal of an order
//! before its five years end (L.252-4). The request is prepared from the AIPD's answers — it
//! holds only what the AIPD does not (the kind, the order it follows, the installer, the
//! instructions to operators…) and what it may ask differently (perimeters, purposes, retention),
//! so the engine can check the two agree — then followed: filed, granted with its order, refused.

use serde::{Deserialize, Serialize};

use super::date::Date;
use super::{Assessment, PurposeKind};

/// What the request asks.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum RequestKind {
    /// Authorisation of a new system.
    #[default]
    New,
    /// Modification of an authorised system (perimeter, cameras, coupling to analytics).
    Modification,
    /// Renewal of an order reaching its end.
    Renewal,
}

impl RequestKind {
    /// Every kind, in the order the app offers them.
    pub const ALL: [RequestKind; 3] = [
        RequestKind::New,
        RequestKind::Modification,
        RequestKind::Renewal,
    ];

    /// A modification or a renewal follows an order already granted.
    pub fn follows_an_order(self) -> bool {
        self != RequestKind::New
    }
}

/// Where the request stands.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum RequestStatus {
    /// Being prepared: nothing sent yet.
    #[default]
    InPreparation,
    /// Filed with the prefecture, waiting for the order.
    Filed,
    /// Granted: the order is recorded among the system's orders.
    Granted,
    /// Refused (an explicit refusal, or the prefect's silence past four months).
    Refused,
}

impl RequestStatus {
    /// Every status, in the order the app offers them.
    pub const ALL: [RequestStatus; 4] = [
        RequestStatus::InPreparation,
        RequestStatus::Filed,
        RequestStatus::Granted,
        RequestStatus::Refused,
    ];
}

/// One request to the prefect.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct AuthorisationRequest {
    /// New system, modification or renewal.
    pub kind: RequestKind,
    /// The reference of the order modified or renewed (none for a new system).
    pub current_order: String,
    /// The perimeters the request covers, one per line; empty: the whole system.
    pub perimeters: Vec<String>,
    /// The purposes requested (the CSI's list); empty until chosen.
    pub purposes: Vec<PurposeKind>,
    /// Purposes the list does not name (« autres : … »).
    pub other_purposes: String,
    /// The retention requested, in days.
    pub retention_days: Option<u32>,
    /// Why that retention.
    pub retention_reason: String,
    /// The request declares the coupling to analytics software; `None` until answered.
    pub declares_analytics: Option<bool>,
    /// The installer: name and address.
    pub installer: String,
    /// The installer's certification (or its attestation of conformity to the technical
    /// standards of the order of 3 August 2007).
    pub installer_certification: String,
    /// Who maintains the system.
    pub maintainer: String,
    /// The person to contact to hand images to the police or gendarmerie.
    pub police_contact: String,
    /// The risks of the site that justify the cameras (the presentation report).
    pub site_risks: String,
    /// The general instructions to the operators who view images.
    pub operator_instructions: String,
    /// Where the request stands.
    pub status: RequestStatus,
    /// The day it was filed.
    pub filed_on: Option<Date>,
    /// The day the prefect decided.
    pub decided_on: Option<Date>,
    /// The reference of the order granted.
    pub granted_order: String,
}

impl AuthorisationRequest {
    /// A request filled from the AIPD: a renewal of the first order when it is dated (a new
    /// system otherwise), for the whole system, the AIPD's purposes and retention, the coupling
    /// declared when cameras are coupled to analytics.
    pub fn prepared_from(a: &Assessment) -> AuthorisationRequest {
        let order = &a.video_system.authorisation;
        let follows = !order.reference.trim().is_empty() && order.granted_on.is_some();
        let mut purposes: Vec<PurposeKind> = Vec::new();
        // The request ticks the CSI's purposes (1° to 11°) the AIPD records.
        for purpose in &a.processing.purposes {
            if purpose.kind.csi_number().is_some() && !purposes.contains(&purpose.kind) {
                purposes.push(purpose.kind);
            }
        }
        let is_coupled = a.cameras.iter().any(|c| c.is_analytics_coupled);
        AuthorisationRequest {
            kind: if follows {
                RequestKind::Renewal
            } else {
                RequestKind::New
            },
            current_order: if follows {
                order.reference.trim().to_owned()
            } else {
                String::new()
            },
            purposes,
            retention_days: a.video_system.image_retention_days,
            declares_analytics: Some(is_coupled),
            ..Self::default()
        }
    }

    /// The request covers a camera of `perimeter`: it names that perimeter, or none (the whole
    /// system). Names compared without case or surrounding spaces.
    pub fn covers_perimeter(&self, perimeter: &str) -> bool {
        let perimeter = perimeter.trim().to_lowercase();
        self.perimeters.iter().all(|p| p.trim().is_empty())
            || self
                .perimeters
                .iter()
                .any(|p| p.trim().to_lowercase() == perimeter)
    }

    /// Still to act on: being prepared or waiting for the prefect.
    pub fn is_open(&self) -> bool {
        matches!(
            self.status,
            RequestStatus::InPreparation | RequestStatus::Filed
        )
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_request_naming_no_perimeter_covers_the_whole_system() {
        let whole = AuthorisationRequest::default();
        assert!(whole.covers_perimeter("Centre-ville"));
        let one = AuthorisationRequest {
            perimeters: vec![" centre-ville ".to_owned()],
            ..AuthorisationRequest::default()
        };
        assert!(one.covers_perimeter("Centre-Ville"));
        assert!(!one.covers_perimeter("Gare"));
    }
}
