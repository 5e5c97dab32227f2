//! The video system itself: prefectoral authorisation, retention, public information, control
//! centre, analytics software, statistics module and the rules for searching recordings.

use serde::{Deserialize, Serialize};

use super::date::Date;
use super::path::{self, FieldPath};
use super::Camera;
use super::PurposeKind;

/// The prefectoral authorisation (CSI L.252-1, five years renewable under L.252-4).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct Authorisation {
    /// Reference of the prefectoral order (arrêté), e.g. « 2019-SIDPC-0412 ».
    pub reference: String,
    /// Day the authorisation was granted or last renewed.
    pub granted_on: Option<Date>,
    /// Duration in years (five under L.252-4).
    pub duration_years: u32,
    /// Maximum retention of recordings set by the order, in days.
    pub authorised_retention_days: Option<u32>,
    /// Perimeter or list of cameras covered by the order.
    pub perimeter: String,
    /// The renewal file has been filed with the prefecture.
    pub is_renewal_filed: Option<bool>,
    /// The perimeters the order names, one per line: each camera's perimeter should be one
    /// of them. Empty when the order's perimeters were not entered.
    pub authorised_perimeters: Vec<String>,
    /// The number of cameras the order authorises; `None` when not entered.
    pub authorised_camera_count: Option<u32>,
    /// The purposes the order authorises; empty when not entered.
    pub authorised_purposes: Vec<PurposeKind>,
    /// The coupling to analytics software was declared to the prefecture; `None` until answered.
    pub is_analytics_declared: Option<bool>,
}

impl Default for Authorisation {
    fn default() -> Self {
        Self {
            reference: String::new(),
            granted_on: None,
            duration_years: 5,
            authorised_retention_days: None,
            perimeter: String::new(),
            is_renewal_filed: None,
            authorised_perimeters: Vec::new(),
            authorised_camera_count: None,
            authorised_purposes: Vec::new(),
            is_analytics_declared: None,
        }
    }
}

impl Authorisation {
    /// The longest an authorisation may run: five years, renewable (CSI L.252-4).
    pub const MAX_YEARS: u32 = 5;

    /// The order lists the camera's perimeter (names compared without case or surrounding
    /// spaces).
    pub fn covers(&self, camera: &Camera) -> bool {
        let perimeter = camera.perimeter.trim().to_lowercase();
        self.authorised_perimeters
            .iter()
            .any(|p| p.trim().to_lowercase() == perimeter)
    }

    /// The last day the authorisation is valid, if the grant date is known; never later than
    /// five years after the grant, whatever duration was entered (CSI L.252-4).
    pub fn expires_on(&self) -> Option<Date> {
        let years = self.duration_years.min(Self::MAX_YEARS);
        let years = i32::try_from(years).unwrap_or(5);
        self.granted_on.map(|granted| granted.add_years(years))
    }
}

/// How the public is told about the system (CSI L.251-3, R.253-3; EDPB 3/2019 layered notice).
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct PublicInformation {
    /// Signs are installed at the perimeters.
    pub has_signs: Option<bool>,
    /// Signs carry the camera pictogram (R.253-3).
    pub signs_have_pictogram: Option<bool>,
    /// Signs name the responsible authority and a contact for the right of access.
    pub signs_have_contact: Option<bool>,
    /// A second-layer notice (web page, town hall) gives the full information.
    pub has_second_layer_notice: Option<bool>,
    /// Where the second-layer notice is published.
    pub notice_location: String,
    /// The notice mentions the statistics use (CNIL 2024).
    pub notice_mentions_statistics: Option<bool>,
}

/// The control centre (CSU) and how access to images is governed there.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct ControlCentre {
    /// Name and location of the centre.
    pub name: String,
    /// Staffing and hours, e.g. « 7 j/7, 6 h – 2 h ».
    pub hours: String,
    /// How many operators staff the centre; `None` until answered.
    pub operator_count: Option<u32>,
    /// Operators are individually designated and habilitated (L.252-2).
    pub are_operators_habilitated: Option<bool>,
    /// Accesses to live and recorded images are logged.
    pub has_access_logs: Option<bool>,
    /// How long access and search logs are kept, in days (AI Act art. 26(6) asks deployers of a
    /// high-risk system for six months at least); `None` until answered.
    pub log_retention_days: Option<u32>,
    /// The centre's own staff are filmed, or their activity monitored constantly (CNIL list item
    /// 4); `None` until answered.
    pub films_staff: Option<bool>,
    /// Images are transmitted live to the national police or gendarmerie; `None` until answered.
    pub has_live_transmission: Option<bool>,
    /// What provides for the live transmission: the prefectoral order, a convention (CSI L.252-3,
    /// to verify).
    pub live_transmission_basis: String,
    /// The register of recordings, destructions and transmissions is kept.
    pub has_recordings_register: Option<bool>,
    /// Operators are trained to the analytics software and its limits (AI literacy, AI Act art.
    /// 4); `None` until answered.
    pub are_operators_trained: Option<bool>,
    /// Security of the premises and the network, in a few lines.
    pub security: String,
}

/// The video-analytics software coupled to the cameras.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct AnalyticsSoftware {
    /// Vendor, e.g. « BriefVision ».
    pub vendor: String,
    /// Product name, e.g. « BriefVision Suite ».
    pub product: String,
    /// Installed version.
    pub version: String,
    /// When the installed version was installed: evidence of locking older than this may no
    /// longer describe the software (the Normandy face functions arrived with an update).
    pub version_installed_on: Option<Date>,
    /// Modules covered by the licence, e.g. « Review », « Research ».
    pub licensed_modules: Vec<String>,
    /// Where it runs (on premises, vendor cloud…).
    pub hosting: String,
    /// The vendor's or integrator's contract forbids it to unlock a locked capability at
    /// anyone's request without the controller's written order; `None` until answered.
    pub does_contract_forbid_unlock: Option<bool>,
}

/// How a person exercises the right of access to images of themselves (GDPR art. 12 and 15; LIL
/// art. 104 to 107 for Police-Justice purposes).
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct AccessRights {
    /// Who receives requests, and how (service, address, e-mail).
    pub contact: String,
    /// The requester's identity is checked before images are shown or handed over.
    pub checks_identity: Option<bool>,
    /// Requests are answered within one month (and before the images are deleted).
    pub answers_within_month: Option<bool>,
    /// Third parties visible in the images are masked before they are shown or handed over.
    pub masks_third_parties: Option<bool>,
    /// The grounds on which a request may be refused or restricted are documented.
    pub documents_refusal_grounds: Option<bool>,
}

/// The statistics (counting) use, if any.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct StatisticsUse {
    /// Statistics are produced from the cameras.
    pub is_used: Option<bool>,
    /// The statistics module or its users can see images.
    pub module_has_image_access: Option<bool>,
    /// Only aggregated, anonymous figures leave the module.
    pub is_output_aggregated: Option<bool>,
    /// What is counted and why.
    pub description: String,
}

/// Who may search recordings, and on what instruction.
#[derive(
    Clone, Copy, Debug, Default, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize,
)]
pub enum SearchInitiator {
    /// Operators of the control centre (CSU).
    #[default]
    ControlCentreOperators,
    /// Officers of the commune's own municipal police (police municipale).
    MunicipalPolice,
    /// Officers of the national police or gendarmerie (OPJ/APJ).
    JudicialPoliceOfficers,
    /// Someone else.
    Other,
}

/// The rules for searching recorded images (the « search on requisition » use of CNIL 2024).
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct SearchPolicy {
    /// Who runs searches in recordings.
    pub initiators: Vec<SearchInitiator>,
    /// Searches happen only on a written judicial requisition.
    pub is_requisition_only: Option<bool>,
    /// Requisitions received in the last twelve months.
    pub requisitions_per_year: Option<u32>,
    /// Requisitions are recorded in a register (number, date, requesting officer, scope).
    pub has_requisition_register: Option<bool>,
    /// Each search is logged (who, when, which cameras, which filters).
    pub has_search_logs: Option<bool>,
    /// Attribute filters available to searchers (sex, height, clothing colour…).
    pub attribute_filters: Vec<String>,
    /// Some filter infers sensitive traits (skin colour, religion…) — AI Act 5(1)(g), GDPR 9.
    pub has_sensitive_attribute_filters: Option<bool>,
    /// Some filter is inferred from the body (sex, age, gait): categorisation in AI Act Annex III
    /// point 1(b)'s sense, which calls for the FRIA question.
    pub has_body_inferred_filters: Option<bool>,
    /// The software keeps a database of the plates it reads (vehicle passages), beyond the
    /// recordings themselves: systematic reading (CSI L.233-1), not an ad-hoc search.
    pub has_plate_database: Option<bool>,
    /// How results are extracted and handed over.
    pub handover: String,
    /// For which purposes habilitated agents consult the recordings outside any requisition
    /// (an incident to review for rescue, traffic, the protection of public buildings…):
    /// ordinary video-protection (CSI L.252-2), which the record must state.
    #[serde(skip_serializing_if = "String::is_empty")]
    pub review_purposes: String,
}

/// The video system: authorisation, retention, information, control centre, software.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct VideoSystem {
    /// The prefectoral order authorising the cameras: reference, date, duration, retention cap.
    /// With several orders (one per perimeter, as large cities hold), the first of them.
    pub authorisation: Authorisation,
    /// The other prefectoral orders of the same system, each with its own perimeters, camera
    /// count, purposes and dates; empty when one order covers the system.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub further_authorisations: Vec<Authorisation>,
    /// The requests to the prefect (new system, modification, renewal), prepared from these
    /// answers and followed to the order; empty until one is prepared.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub requests: Vec<super::AuthorisationRequest>,
    /// Actual retention of recorded images, in days.
    pub image_retention_days: Option<u32>,
    /// Actual retention of analytics metadata and indexes, in days.
    pub metadata_retention_days: Option<u32>,
    /// Hours of operation, e.g. « 24 h/24, 7 j/7 ».
    pub operating_hours: String,
    /// The area covered, in words (centre, perimeters, surface).
    pub coverage: String,
    /// How the public is told: signs at the perimeters and the second-layer notice.
    pub public_information: PublicInformation,
    /// The control centre (CSU): staffing, habilitation of operators, access logs, security.
    pub control_centre: ControlCentre,
    /// The procedure for the right of access to images.
    pub access_rights: AccessRights,
    /// Analytics software, if any.
    pub software: AnalyticsSoftware,
    /// Whether counting statistics are produced, and whether only anonymous figures leave the
    /// module.
    pub statistics: StatisticsUse,
    /// Who searches recordings, on what instruction, and how searches are registered and logged.
    pub searches: SearchPolicy,
    /// Images of cameras operated by third parties that the controller receives or indexes.
    #[serde(skip_serializing_if = "ThirdPartyImages::is_empty")]
    pub third_party: ThirdPartyImages,
}

/// One prefectoral order of the system, with the field path its answers live under.
#[derive(Clone, Copy, Debug)]
pub struct Order<'a> {
    /// The order's answers.
    pub order: &'a Authorisation,
    /// The index among the further orders (`None` for the first one).
    pub further_index: Option<usize>,
}

impl Order<'_> {
    /// The path of one of the order's answers, e.g. `video_system.further_authorisations[0].reference`.
    pub fn field(&self, name: &str) -> FieldPath {
        path::order(self.further_index, Some(name))
    }
}

impl VideoSystem {
    /// Every prefectoral order of the system: the first one, then the further ones.
    pub fn orders(&self) -> Vec<Order<'_>> {
        let first = Order {
            order: &self.authorisation,
            further_index: None,
        };
        std::iter::once(first)
            .chain(
                self.further_authorisations
                    .iter()
                    .enumerate()
                    .map(|(index, order)| Order {
                        order,
                        further_index: Some(index),
                    }),
            )
            .collect()
    }

    /// The renewal of `order` is filed: answered so, or a renewal request naming it is filed
    /// (or granted) with the prefecture.
    pub fn is_renewal_filed(&self, order: &Authorisation) -> bool {
        let reference = order.reference.trim();
        order.is_renewal_filed == Some(true)
            || (!reference.is_empty()
                && self.requests.iter().any(|r| {
                    r.kind == super::RequestKind::Renewal
                        && matches!(
                            r.status,
                            super::RequestStatus::Filed | super::RequestStatus::Granted
                        )
                        && r.current_order.trim().eq_ignore_ascii_case(reference)
                }))
    }

    /// The system holds more than one order.
    pub fn has_several_orders(&self) -> bool {
        !self.further_authorisations.is_empty()
    }
}

/// Images from cameras a third party operates (a shopping centre, a transport operator) that the
/// controller receives or indexes: who decides what, and on what basis (GDPR art. 26).
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct ThirdPartyImages {
    /// A joint-controller arrangement (GDPR art. 26) with each operator sets who answers the
    /// public and who does what; `None` until answered.
    pub has_joint_arrangement: Option<bool>,
    /// The controller's own legal basis for using those images (an order, a convention…).
    pub basis: String,
}

impl ThirdPartyImages {
    /// Nothing answered: left out of the project file.
    pub fn is_empty(&self) -> bool {
        self == &Self::default()
    }
}
