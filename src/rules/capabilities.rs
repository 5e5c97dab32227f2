//! What the engine says of one capability record, which several families of rules ask: whether
//! it must be locked before anything else (R09, R10, and so no FRIA nor « absolute necessity »
//! reasoning for it), and whether its use is a detection the law prohibits (R08). A leaf of the
//! rules: it imports none of them.

use crate::knowledge::ids::capability::{
    K03_ATTRIBUTE_SEARCH, K04_CROSS_CAMERA_TRACKING, K05_BEHAVIOUR_DETECTION, K06_REAL_TIME_ALERTS,
    K07_OFFENCE_DETECTION, K10_CROWD_DENSITY, K11_ABANDONED_OBJECTS, K15_CATEGORISATION,
};
use crate::knowledge::KnowledgeBase;
use crate::model::{CapabilityRecord, UsageMode, UseScope};

/// Law-only capabilities whose live or operational use is prohibited (cross-camera tracking in
/// real time, attribute search and categorisation on live streams): R08.
const LIVE_USE_PROHIBITED: [&str; 3] = [
    K03_ATTRIBUTE_SEARCH,
    K04_CROSS_CAMERA_TRACKING,
    K15_CATEGORISATION,
];

/// Capabilities that detect events in real time, outside statistics (R08).
const REAL_TIME_DETECTION: [&str; 4] = [
    K05_BEHAVIOUR_DETECTION,
    K06_REAL_TIME_ALERTS,
    K07_OFFENCE_DETECTION,
    K11_ABANDONED_OBJECTS,
];

/// True when the engine says this capability must be locked before anything else: a biometric
/// capability usable by the controller (R09, R10), except categorisation used for anonymous
/// statistics (R10-STATISTICS). Nothing else — a FRIA, an « absolute necessity » reasoning — is
/// asked for such a capability: it is to be locked first.
pub fn must_be_locked(record: &CapabilityRecord, kb: &KnowledgeBase) -> bool {
    let is_biometric = kb
        .capability(&record.capability_id)
        .is_some_and(|def| def.is_biometric);
    let is_statistics_categorisation = record.capability_id.as_str() == K15_CATEGORISATION
        && record.use_scope == UseScope::AnonymousStatistics;
    is_biometric && record.is_usable() && !is_statistics_categorisation
}

/// True when an enabled capability is used in a way R08 prohibits: real-time detection, crowd
/// density outside statistics, or tracking, attribute search or categorisation used live or for
/// operational detection.
pub fn is_prohibited_detection(record: &CapabilityRecord) -> bool {
    let id = record.capability_id.as_str();
    let is_live = matches!(record.usage_mode, UsageMode::RealTime | UsageMode::Both);
    let is_operational = record.use_scope == UseScope::OperationalDetection;
    // Anonymous statistics is the one use the CNIL admits for these (aggregated, anonymous
    // output): R08's ground (« apart from anonymous statistics… ») does not apply to it.
    let is_statistics = record.use_scope == UseScope::AnonymousStatistics;
    REAL_TIME_DETECTION.contains(&id)
        || (id == K10_CROWD_DENSITY && !is_statistics)
        || (LIVE_USE_PROHIBITED.contains(&id) && (is_live || is_operational) && !is_statistics)
}
