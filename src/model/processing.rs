//! The processing under study: its purposes (the CSI L.251-2 list), the regime and legal basis of
//! each, the actors around it, and the data it handles.

use serde::{Deserialize, Serialize};

use super::project::OrganisationKind;

/// A purpose of the system. `Csi1`…`Csi11` are the purposes CSI art. L.251-2 allows on the public
/// highway; `AnonymousStatistics` is the statistics use the CNIL accepts without a specific law.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub enum PurposeKind {
    /// 1° protection of public buildings and installations and their surroundings.
    Csi1,
    /// 2° safeguarding installations useful to national defence.
    Csi2,
    /// 3° regulation of transport flows.
    Csi3,
    /// 4° recording of traffic offences.
    Csi4,
    /// 5° prevention of attacks on persons and property in exposed places.
    Csi5,
    /// 6° prevention of acts of terrorism.
    Csi6,
    /// 7° prevention of natural or technological risks.
    Csi7,
    /// 8° rescue of persons and fire defence.
    Csi8,
    /// 9° safety of installations open to the public in amusement parks.
    Csi9,
    /// 10° compulsory motor insurance.
    Csi10,
    /// 11° prevention of illegal dumping.
    Csi11,
    /// Security of persons and property in places and establishments open to the public that are
    /// particularly exposed to assault or theft (L.251-2, second-to-last paragraph): a shopping
    /// centre, a stadium, a station, a town hall's reception.
    OpenToPublic,
    /// A shopkeeper's immediate surroundings, exposed to assault or theft, after informing the
    /// mayor (L.251-2, last paragraph).
    ShopSurroundings,
    /// The immediate surroundings of buildings exposed to acts of terrorism (L.223-1).
    TerrorismSurroundings,
    /// Production of anonymous statistics with no operational use.
    AnonymousStatistics,
    /// Anything else, described in free text — in neither L.251-2 nor L.223-1.
    Other,
}

impl PurposeKind {
    /// Every purpose, in the order of the law.
    pub const ALL: [PurposeKind; 16] = [
        PurposeKind::Csi1,
        PurposeKind::Csi2,
        PurposeKind::Csi3,
        PurposeKind::Csi4,
        PurposeKind::Csi5,
        PurposeKind::Csi6,
        PurposeKind::Csi7,
        PurposeKind::Csi8,
        PurposeKind::Csi9,
        PurposeKind::Csi10,
        PurposeKind::Csi11,
        PurposeKind::OpenToPublic,
        PurposeKind::ShopSurroundings,
        PurposeKind::TerrorismSurroundings,
        PurposeKind::AnonymousStatistics,
        PurposeKind::Other,
    ];

    /// The number of the purpose in CSI L.251-2, if it is one of the eleven.
    pub fn csi_number(self) -> Option<u8> {
        let index = PurposeKind::ALL.iter().position(|p| *p == self)?;
        (index < 11).then_some(index as u8 + 1)
    }

    /// The short code the camera table and the CSV files use: `5°`, `erp`, `com`, `l223`,
    /// `stat`, `autre`.
    pub fn short_code(self) -> String {
        match (self.csi_number(), self) {
            (Some(n), _) => format!("{n}°"),
            (None, PurposeKind::OpenToPublic) => "erp".to_owned(),
            (None, PurposeKind::ShopSurroundings) => "com".to_owned(),
            (None, PurposeKind::TerrorismSurroundings) => "l223".to_owned(),
            (None, PurposeKind::AnonymousStatistics) => "stat".to_owned(),
            (None, _) => "autre".to_owned(),
        }
    }

    /// True when images are used to establish offences (traffic offences, the insurance
    /// obligation, dumping): data relating to offences (GDPR art. 10), WP248's criterion 4.
    pub fn records_offences(self) -> bool {
        matches!(
            self,
            PurposeKind::Csi4 | PurposeKind::Csi10 | PurposeKind::Csi11
        )
    }

    /// True when the law or the CNIL doctrine allows this purpose (everything but `Other`).
    pub fn is_allowed_purpose(self) -> bool {
        self != PurposeKind::Other
    }

    /// True when a controller of this kind may pursue this purpose: L.251-2's 1° to 11° belong
    /// to the competent public authorities (on the public highway, R.251-1); the shopkeeper's
    /// surroundings to a private shop; places open to the public, the surroundings exposed to
    /// terrorism (L.223-1), anonymous statistics and « other » (flagged anyway) to anyone.
    pub fn is_open_to(self, organisation: OrganisationKind) -> bool {
        let is_public_authority = matches!(
            organisation,
            OrganisationKind::Commune
                | OrganisationKind::Intercommunality
                | OrganisationKind::OtherPublicBody
        );
        match self {
            _ if self.csi_number().is_some() => is_public_authority,
            PurposeKind::ShopSurroundings => organisation == OrganisationKind::Private,
            _ => true,
        }
    }
}

/// Which body of law governs a purpose.
#[derive(
    Clone, Copy, Debug, Default, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize,
)]
pub enum Regime {
    /// Not decided yet.
    #[default]
    Undetermined,
    /// GDPR (Regulation 2016/679).
    Gdpr,
    /// Loi 78-17 Title III « Police-Justice » (Directive 2016/680).
    PoliceJustice,
}

/// The lawful ground relied on for a purpose.
#[derive(
    Clone, Copy, Debug, Default, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize,
)]
pub enum LegalBasis {
    /// Not decided yet.
    #[default]
    Undetermined,
    /// GDPR art. 6(1)(e): task carried out in the public interest.
    PublicTask,
    /// GDPR art. 6(1)(c): legal obligation.
    LegalObligation,
    /// GDPR art. 6(1)(f): legitimate interest (not open to public authorities for their tasks).
    LegitimateInterest,
    /// GDPR art. 6(1)(a): consent.
    Consent,
    /// Loi 78-17 art. 87: necessary for a competent authority's mission (Title III).
    TitleIIIMission,
}

/// One purpose of the system with its regime and legal basis.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct Purpose {
    /// The purpose: an item of the CSI L.251-2 list, anonymous statistics, or another one described
    /// in `description`.
    pub kind: PurposeKind,
    /// Free text: what it means here (required for `Other`).
    pub description: String,
    /// GDPR or Police-Justice.
    pub regime: Regime,
    /// The legal basis relied on.
    pub legal_basis: LegalBasis,
}

impl Default for Purpose {
    fn default() -> Self {
        Self {
            kind: PurposeKind::Csi1,
            description: String::new(),
            regime: Regime::Undetermined,
            legal_basis: LegalBasis::Undetermined,
        }
    }
}

/// The role an actor plays in the processing.
#[derive(
    Clone, Copy, Debug, Default, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize,
)]
pub enum ActorRole {
    /// The controller (responsable de traitement).
    #[default]
    Controller,
    /// A joint controller (art. 26 GDPR).
    JointController,
    /// A processor: software vendor, integrator, maintainer (art. 28 GDPR).
    Processor,
    /// A recipient of images: municipal police, national police or gendarmerie on requisition, judicial authorities.
    Recipient,
}

/// A person or body involved in the processing.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct Actor {
    /// Controller, joint controller, processor or recipient.
    pub role: ActorRole,
    /// Name of the body, e.g. « BriefVision SAS (éditeur) ».
    pub name: String,
    /// What it does in the processing.
    pub description: String,
    /// For processors: a contract with the art. 28 GDPR clauses is signed.
    pub has_art28_contract: Option<bool>,
    /// For processors: where data are hosted or reachable from (e.g. « France », « UE », « hors UE »).
    pub hosting_location: String,
    /// For processors: hosting or remote access outside the EU is documented with its safeguards.
    pub is_transfer_documented: Option<bool>,
    /// For processors: data are hosted outside the EU or reachable from there (remote
    /// maintenance, support); `None` until answered.
    pub is_outside_eu: Option<bool>,
}

/// The processing as a whole.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct Processing {
    /// What the processing does, in a few paragraphs.
    pub description: String,
    /// Purposes with regime and legal basis.
    pub purposes: Vec<Purpose>,
    /// Controller, joint controllers, processors and recipients.
    pub actors: Vec<Actor>,
    /// Categories of personal data (images of persons, plates, metadata, access logs…).
    pub data_categories: Vec<String>,
    /// Categories of data subjects (passers-by, residents, drivers, operators…).
    pub data_subjects: Vec<String>,
    /// The data life cycle: capture, viewing, recording, extraction, deletion.
    pub lifecycle: String,
    /// Supporting assets: cameras, network, servers, software, premises.
    pub supporting_assets: Vec<String>,
    /// The processing is entered in the controller's record of processing activities (GDPR art.
    /// 30, LIL art. 100); `None` until answered.
    pub has_register_entry: Option<bool>,
    /// Why processing sensitive data (inferred traits, biometric templates) is absolutely
    /// necessary for the Police-Justice purposes (LIL art. 88, to verify); empty until written.
    pub sensitive_data_necessity: String,
}
