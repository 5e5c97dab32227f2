//! The evidence locker: documents that prove what the assessment says. Files stay where they are;
//! the project keeps their path relative to the project file, their SHA-256 and size.

use serde::{Deserialize, Serialize};

use super::date::Date;
use super::ids::EvidenceId;

/// What kind of document it is.
#[derive(
    Clone, Copy, Debug, Default, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize,
)]
pub enum EvidenceKind {
    /// Prefectoral order (arrêté).
    PrefectoralOrder,
    /// Vendor or reseller attestation.
    VendorAttestation,
    /// Bailiff's report (constat de commissaire de justice).
    BailiffReport,
    /// CNIL control record.
    CnilControl,
    /// Photograph of signs.
    SignagePhoto,
    /// Contract (e.g. art. 28 clauses).
    Contract,
    /// Licence file or screenshot of the configuration.
    Configuration,
    /// A site plan's background (a GIS export, a scanned plan).
    SitePlan,
    /// The logo the project's documents carry (its branding).
    Logo,
    /// Anything else.
    #[default]
    Other,
}

/// An attached document.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct Evidence {
    /// Unique id in the assessment.
    pub evidence_id: EvidenceId,
    /// What kind of document.
    pub kind: EvidenceKind,
    /// Path relative to the project file.
    pub path: String,
    /// SHA-256 of the file when attached, lowercase hex.
    pub sha256: String,
    /// Size in bytes when attached.
    pub size_bytes: u64,
    /// Day it was attached.
    pub added_on: Option<Date>,
    /// The date of the document itself (the attestation's, the report's, the order's); `None`
    /// when not entered.
    pub issued_on: Option<Date>,
    /// What it shows.
    pub description: String,
}

impl Evidence {
    /// The date the document speaks from: its own date when entered, else the day it was
    /// attached.
    pub fn dated_on(&self) -> Option<Date> {
        self.issued_on.or(self.added_on)
    }
}

/// What became of an attached document when it was last checked on disk.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum EvidenceStatus {
    /// Present with the recorded hash.
    Intact,
    /// Present, but its content changed since it was attached.
    Changed,
    /// Not found where the project says it is.
    Missing,
    /// The path names a folder, a pipe, a device or a socket: never read.
    NotAFile,
    /// Larger than a document of the locker may be: not read.
    TooLarge,
    /// Not checked: the time allowed for checking documents ran out (or the user stopped).
    NotChecked,
}
