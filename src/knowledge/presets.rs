//! Presets of the capability checklist for common analytics suites, so a DPO starts from what the
//! product is known to contain and then corrects what differs on site. A preset records presence
//! only where the suite is known to ship the module, and leaves state and unlock holder to be
//! established (except where the preset says the module is outside the licence).

use crate::model::{
    CapabilityId, CapabilityRecord, CapabilityState, Presence, UnlockHolder, UsageMode,
};

/// A preset.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Preset {
    /// A BriefCam-type suite licensed with its after-the-fact search (« Review ») and statistics
    /// (« Research ») modules, its real-time module (« Respond ») and face module not licensed.
    ReviewResearchSuite,
    /// The same suite with every module licensed, face recognition included.
    FullSuite,
}

impl Preset {
    /// Every preset.
    pub const ALL: [Preset; 2] = [Preset::ReviewResearchSuite, Preset::FullSuite];
}

fn record(
    id: &str,
    presence: Presence,
    state: CapabilityState,
    holder: UnlockHolder,
    mode: UsageMode,
) -> CapabilityRecord {
    CapabilityRecord {
        capability_id: CapabilityId::new(id),
        presence,
        state,
        unlock_holder: holder,
        usage_mode: mode,
        ..CapabilityRecord::default()
    }
}

/// The checklist a preset fills in.
pub fn records(preset: Preset) -> Vec<CapabilityRecord> {
    use CapabilityState::{Enabled, LockedByVendor, Unknown as StateUnknown};
    use Presence::{Absent, Present};
    use UnlockHolder::{Unknown as HolderUnknown, Vendor};
    use UsageMode::{OnRecordings, RealTime};
    let licensed = |id: &str, mode| record(id, Present, StateUnknown, HolderUnknown, mode);
    let outside_licence = |id: &str, mode| record(id, Present, LockedByVendor, Vendor, mode);
    match preset {
        Preset::ReviewResearchSuite => vec![
            outside_licence("K01", RealTime),
            outside_licence("K02", OnRecordings),
            licensed("K03", OnRecordings),
            licensed("K04", OnRecordings),
            outside_licence("K05", RealTime),
            outside_licence("K06", RealTime),
            record(
                "K07",
                Absent,
                StateUnknown,
                HolderUnknown,
                UsageMode::Unknown,
            ),
            outside_licence("K08", OnRecordings),
            licensed("K09", RealTime),
            licensed("K10", RealTime),
            outside_licence("K11", RealTime),
            licensed("K12", OnRecordings),
            licensed("K13", UsageMode::Both),
            record(
                "K14",
                Absent,
                StateUnknown,
                HolderUnknown,
                UsageMode::Unknown,
            ),
            outside_licence("K15", OnRecordings),
            record(
                "K16",
                Present,
                Enabled,
                UnlockHolder::Controller,
                UsageMode::Both,
            ),
        ],
        Preset::FullSuite => vec![
            licensed("K01", RealTime),
            licensed("K02", OnRecordings),
            licensed("K03", OnRecordings),
            licensed("K04", OnRecordings),
            licensed("K05", RealTime),
            licensed("K06", RealTime),
            record(
                "K07",
                Absent,
                StateUnknown,
                HolderUnknown,
                UsageMode::Unknown,
            ),
            licensed("K08", OnRecordings),
            licensed("K09", RealTime),
            licensed("K10", RealTime),
            licensed("K11", RealTime),
            licensed("K12", OnRecordings),
            licensed("K13", UsageMode::Both),
            record(
                "K14",
                Absent,
                StateUnknown,
                HolderUnknown,
                UsageMode::Unknown,
            ),
            licensed("K15", OnRecordings),
            record(
                "K16",
                Present,
                Enabled,
                UnlockHolder::Controller,
                UsageMode::Both,
            ),
        ],
    }
}
