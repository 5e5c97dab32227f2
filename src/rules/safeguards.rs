//! Safeguards a careful DPO checks around the system, beyond the CSI red flags: the procedure for
//! the right of access, the basis of a live transmission to the national police, the contract
//! that keeps a vendor or integrator from unlocking a capability on request, and the absolute
//! necessity of sensitive data for Police-Justice purposes.

use super::finding::{Finding, Severity};
use super::text::{self, Texts};
use crate::knowledge::KnowledgeBase;
use crate::model::path;
use crate::model::{Assessment, Regime, UnlockHolder};

/// Safeguard findings: RIGHTS-ACCESS, R05-TRANSMISSION, R25-CONTRACT and R14-NECESSITY.
pub fn safeguards(a: &Assessment, kb: &KnowledgeBase) -> Vec<Finding> {
    let texts = Texts { kb };
    let mut out = Vec::new();
    access_rights(a, texts, &mut out);
    live_transmission(a, texts, &mut out);
    unlock_contract(a, texts, &mut out);
    sensitive_data_necessity(a, kb, texts, &mut out);
    out
}

/// Emits RIGHTS-ACCESS: an element of the access procedure answered « no », listed by name.
fn access_rights(a: &Assessment, texts: Texts, out: &mut Vec<Finding>) {
    let rights = &a.video_system.access_rights;
    let rights_path = path::video_system::ACCESS_RIGHTS;
    let mut missing = Vec::new();
    let mut fields = Vec::new();
    for (value, phrase, field) in [
        (
            rights.checks_identity,
            "access_request.identity",
            "checks_identity",
        ),
        (
            rights.answers_within_month,
            "access_request.deadline",
            "answers_within_month",
        ),
        (
            rights.masks_third_parties,
            "access_request.masking",
            "masks_third_parties",
        ),
        (
            rights.documents_refusal_grounds,
            "access_request.refusal",
            "documents_refusal_grounds",
        ),
    ] {
        if value == Some(false) {
            missing.push(texts.phrase(phrase, &[]));
            fields.push(rights_path.field(field));
        }
    }
    let is_answered = [
        rights.checks_identity,
        rights.answers_within_month,
        rights.masks_third_parties,
        rights.documents_refusal_grounds,
    ]
    .iter()
    .any(Option::is_some);
    if is_answered && rights.contact.trim().is_empty() {
        missing.insert(0, texts.phrase("access_request.contact", &[]));
        fields.insert(0, rights_path.field("contact"));
    }
    if !missing.is_empty() {
        out.push(texts.finding(
            "RIGHTS-ACCESS",
            Severity::High,
            &[("missing", text::join(&missing))],
            fields,
        ));
    }
}

/// Emits R05-TRANSMISSION: images transmitted live to the national police or gendarmerie with
/// nothing recorded that provides for it (CSI L.252-3, to verify — never blocking).
fn live_transmission(a: &Assessment, texts: Texts, out: &mut Vec<Finding>) {
    let centre = &a.video_system.control_centre;
    if centre.has_live_transmission == Some(true)
        && centre.live_transmission_basis.trim().is_empty()
    {
        out.push(texts.finding(
            "R05-TRANSMISSION",
            Severity::High,
            &[],
            vec![path::video_system::control_centre::LIVE_TRANSMISSION_BASIS],
        ));
    }
}

/// Capabilities locked by a vendor or an integrator who keeps the unlock account: the controller
/// depends on the contract to keep them locked.
pub fn held_by_third_party(a: &Assessment) -> Vec<&crate::model::CapabilityRecord> {
    a.capabilities
        .iter()
        .filter(|r| {
            r.is_present()
                && r.is_locked_out()
                && matches!(
                    r.unlock_holder,
                    UnlockHolder::Vendor | UnlockHolder::Integrator
                )
        })
        .collect()
}

/// Emits R25-CONTRACT: a capability locked by a vendor or integrator who holds the unlock
/// account, and a contract that does not forbid unlocking it on request (the Normandy functions
/// came back with an update; CNIL 2024).
fn unlock_contract(a: &Assessment, texts: Texts, out: &mut Vec<Finding>) {
    let held = held_by_third_party(a);
    if held.is_empty() || a.video_system.software.does_contract_forbid_unlock != Some(false) {
        return;
    }
    let names: Vec<_> = held
        .iter()
        .map(|r| texts.capability(&r.capability_id))
        .collect();
    out.push(texts.finding(
        "R25-CONTRACT",
        Severity::High,
        &[("capabilities", text::join(&names))],
        vec![path::video_system::software::DOES_CONTRACT_FORBID_UNLOCK],
    ));
}

/// True when sensitive data are processed for Police-Justice purposes: traits inferred by the
/// search filters, or a usable biometric capability that is not to be locked first (a capability
/// the engine says must be locked gets no « absolute necessity » question), alongside a
/// Police-Justice purpose.
pub fn needs_sensitive_necessity(a: &Assessment, kb: &KnowledgeBase) -> bool {
    let police_justice = a
        .processing
        .purposes
        .iter()
        .any(|p| p.regime == Regime::PoliceJustice);
    let sensitive_filters = a.video_system.searches.has_sensitive_attribute_filters == Some(true);
    let biometric = a.capabilities.iter().any(|r| {
        r.is_usable()
            && kb
                .capability(&r.capability_id)
                .is_some_and(|def| def.is_biometric)
            && !super::capabilities::must_be_locked(r, kb)
    });
    police_justice && (sensitive_filters || biometric)
}

/// Emits R14-NECESSITY: sensitive data for Police-Justice purposes without the written reason
/// why they are absolutely necessary (LIL art. 88, to verify — never blocking).
fn sensitive_data_necessity(
    a: &Assessment,
    kb: &KnowledgeBase,
    texts: Texts,
    out: &mut Vec<Finding>,
) {
    if needs_sensitive_necessity(a, kb) && a.processing.sensitive_data_necessity.trim().is_empty() {
        out.push(texts.finding(
            "R14-NECESSITY",
            Severity::High,
            &[],
            vec![path::processing::SENSITIVE_DATA_NECESSITY],
        ));
    }
}
