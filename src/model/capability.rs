//! What the analytics software can do, per entry of the capability catalogue (K01-K16): whether
//! it is present, whether it is enabled, who could unlock it, and what proves it. The Roubaix and
//! Normandy cases turned on exactly these facts.

use serde::{Deserialize, Serialize};

use super::ids::{CapabilityId, EvidenceId};

/// Whether the software has the capability at all.
#[derive(
    Clone, Copy, Debug, Default, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize,
)]
pub enum Presence {
    /// Not yet established.
    #[default]
    Unknown,
    /// The installed version does not have it (or the licence does not include it).
    Absent,
    /// The software has it, whatever its state.
    Present,
}

/// The state of a present capability.
#[derive(
    Clone, Copy, Debug, Default, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize,
)]
pub enum CapabilityState {
    /// Not yet established.
    #[default]
    Unknown,
    /// Usable now.
    Enabled,
    /// Switched off in the configuration; whoever administers it can switch it on.
    DisabledByConfig,
    /// Locked by the vendor (licence or vendor-held administrator account).
    LockedByVendor,
}

/// Who holds the account that can unlock or enable the capability.
#[derive(
    Clone, Copy, Debug, Default, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize,
)]
pub enum UnlockHolder {
    /// Not yet established.
    #[default]
    Unknown,
    /// The controller itself (a local administrator account).
    Controller,
    /// The software vendor, through its licence or an administrator account it keeps.
    Vendor,
    /// The integrator or reseller.
    Integrator,
    /// No one: the feature cannot be unlocked without a new licence.
    NoOne,
}

/// When the capability works on images.
#[derive(
    Clone, Copy, Debug, Default, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize,
)]
pub enum UsageMode {
    /// Not applicable or not established.
    #[default]
    Unknown,
    /// On live streams.
    RealTime,
    /// On recordings, after the fact.
    OnRecordings,
    /// On live streams and on recordings alike.
    Both,
}

/// What the capability is used for, where the law distinguishes uses.
#[derive(
    Clone, Copy, Debug, Default, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize,
)]
pub enum UseScope {
    /// Not stated.
    #[default]
    Unspecified,
    /// Only control of paid parking (a separate regime from CSI L.233-1 for plate readers).
    ParkingPaymentControl,
    /// Only anonymous statistics.
    AnonymousStatistics,
    /// Only searches on written judicial requisition.
    JudicialRequisitions,
    /// Detection of offences or events for operational use.
    OperationalDetection,
}

/// The assessment's record for one capability of the catalogue.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct CapabilityRecord {
    /// Which capability (K01-K16).
    pub capability_id: CapabilityId,
    /// Present or absent.
    pub presence: Presence,
    /// Enabled, disabled or locked.
    pub state: CapabilityState,
    /// Who can unlock it.
    pub unlock_holder: UnlockHolder,
    /// Real time or on recordings.
    pub usage_mode: UsageMode,
    /// What it is used for.
    pub use_scope: UseScope,
    /// Documents that prove presence, state and unlock holder.
    pub evidence_ids: Vec<EvidenceId>,
    /// The user's notes (how it was checked, by whom).
    pub notes: String,
}

impl CapabilityRecord {
    /// True when the software has the capability (whatever its state).
    pub fn is_present(&self) -> bool {
        self.presence == Presence::Present
    }

    /// True when the capability is present and usable now.
    pub fn is_enabled(&self) -> bool {
        self.is_present() && self.state == CapabilityState::Enabled
    }

    /// True when locked by the vendor and the unlock account is out of the controller's hands
    /// (vendor, integrator or no one) — the Roubaix and Normandy configuration.
    pub fn is_locked_out(&self) -> bool {
        self.state == CapabilityState::LockedByVendor
            && matches!(
                self.unlock_holder,
                UnlockHolder::Vendor | UnlockHolder::Integrator | UnlockHolder::NoOne
            )
    }

    /// True when the controller can use it now or switch it on: present and not locked out.
    pub fn is_usable(&self) -> bool {
        self.is_present() && !self.is_locked_out()
    }
}
