//! The French video-law red flags (the brief's R01-R30, AI Act ones aside): retention, purposes,
//! authorisation, requisitions, real-time detection, biometric capabilities and their locking,
//! plate reading, statistics, information, traceability, review, processors. Facts the brief
//! marks unverified never make a blocking finding.

use super::capabilities::is_prohibited_detection;
use super::deadlines::REVIEW_YEARS;
use super::finding::{Finding, Severity};
use super::text::{self, Texts};
use crate::knowledge::ids::capability::{
    K01_LIVE_FACE_RECOGNITION, K02_FACE_SEARCH, K03_ATTRIBUTE_SEARCH, K04_CROSS_CAMERA_TRACKING,
    K08_PLATE_READING, K09_COUNTING, K12_INDEXING, K14_AUDIO, K15_CATEGORISATION,
};
use crate::knowledge::{Bilingual, KnowledgeBase, LegalStatus};
use crate::model::path;
use crate::model::{
    ActorRole, Assessment, CapabilityRecord, CapabilityState, Date, Evidence, EvidenceKind,
    Presence, PurposeKind, SearchInitiator, UsageMode, UseScope,
};

/// The legal cap on retention of recordings, in days (CSI L.252-5: one month).
pub const MAX_RETENTION_DAYS: u32 = 30;

/// Capabilities that search recordings (face, attributes, tracking, plates, object index).
const SEARCH_CAPABILITIES: [&str; 5] = [
    K02_FACE_SEARCH,
    K03_ATTRIBUTE_SEARCH,
    K04_CROSS_CAMERA_TRACKING,
    K08_PLATE_READING,
    K12_INDEXING,
];

/// All red flags of an assessment, in rule order; emits R28 (sound capture) and R30 (automated
/// decision without human review) itself.
pub fn red_flags(a: &Assessment, kb: &KnowledgeBase, today: Date) -> Vec<Finding> {
    let texts = Texts { kb };
    let mut out = Vec::new();
    retention(a, texts, &mut out);
    purposes(a, kb, texts, &mut out);
    super::orders::orders(a, texts, today, &mut out);
    searches(a, texts, &mut out);
    real_time(a, kb, texts, &mut out);
    biometrics(a, kb, texts, &mut out);
    plate_reading(a, texts, &mut out);
    statistics(a, texts, &mut out);
    information(a, texts, &mut out);
    governance(a, kb, texts, today, &mut out);
    traceability(a, texts, &mut out);
    restricted_capabilities(a, kb, texts, &mut out);
    processors(a, texts, &mut out);
    organisation(a, texts, &mut out);
    if a.screening.captures_audio == Some(true)
        || a.capability(K14_AUDIO).is_some_and(|r| r.is_enabled())
    {
        // Unverified ground: never blocking.
        out.push(texts.finding(
            "R28",
            Severity::Medium,
            &[],
            vec![path::screening::CAPTURES_AUDIO],
        ));
    }
    if a.screening.has_automated_decisions == Some(true) {
        out.push(texts.finding(
            "R30",
            Severity::Blocking,
            &[],
            vec![path::screening::HAS_AUTOMATED_DECISIONS],
        ));
    }
    out
}

/// Emits R01 (retention over a month), R02 (over the prefectoral order), R02-ORDER (an order that
/// itself sets more than a month), R03 (metadata kept longer than images) and R03-UNKNOWN
/// (metadata retention set while image retention is unknown).
fn retention(a: &Assessment, texts: Texts, out: &mut Vec<Finding>) {
    let v = &a.video_system;
    let orders = v.orders();
    for o in &orders {
        if let Some(authorised) = o.order.authorised_retention_days {
            if authorised > MAX_RETENTION_DAYS {
                out.push(texts.finding(
                    "R02-ORDER",
                    Severity::High,
                    &[("authorised", text::number(authorised))],
                    vec![o.field("authorised_retention_days")],
                ));
            }
        }
    }
    // With several orders, the images are judged against the strictest one.
    let strictest = orders
        .iter()
        .filter_map(|o| o.order.authorised_retention_days.map(|days| (days, o)))
        .min_by_key(|(days, _)| *days);
    if let (None, Some(metadata)) = (v.image_retention_days, v.metadata_retention_days) {
        out.push(texts.finding(
            "R03-UNKNOWN",
            Severity::Medium,
            &[("metadata", text::number(metadata))],
            vec![
                path::video_system::IMAGE_RETENTION_DAYS,
                path::video_system::METADATA_RETENTION_DAYS,
            ],
        ));
    }
    if let Some(days) = v.image_retention_days {
        if days > MAX_RETENTION_DAYS {
            out.push(texts.finding(
                "R01",
                Severity::Blocking,
                &[("days", text::number(days))],
                vec![path::video_system::IMAGE_RETENTION_DAYS],
            ));
        }
        if let Some((authorised, order)) = strictest {
            if days > authorised {
                out.push(texts.finding(
                    "R02",
                    Severity::Blocking,
                    &[
                        ("days", text::number(days)),
                        ("authorised", text::number(authorised)),
                    ],
                    vec![
                        path::video_system::IMAGE_RETENTION_DAYS,
                        order.field("authorised_retention_days"),
                    ],
                ));
            }
        }
        if let Some(metadata) = v.metadata_retention_days {
            if metadata > days {
                out.push(texts.finding(
                    "R03",
                    Severity::High,
                    &[
                        ("metadata", text::number(metadata)),
                        ("images", text::number(days)),
                    ],
                    vec![
                        path::video_system::METADATA_RETENTION_DAYS,
                        path::video_system::IMAGE_RETENTION_DAYS,
                    ],
                ));
            }
        }
    }
}

/// Emits R04 (a purpose in neither CSI L.251-2 nor L.223-1) and R04-CONTROLLER (a purpose the
/// controller's kind cannot pursue: 1° to 11° for a private company, the shopkeeper's
/// surroundings for a commune).
fn purposes(a: &Assessment, kb: &KnowledgeBase, texts: Texts, out: &mut Vec<Finding>) {
    let organisation = a.project.organisation_kind;
    let mut misplaced = Vec::new();
    let mut misplaced_fields = Vec::new();
    for (index, purpose) in a.processing.purposes.iter().enumerate() {
        if purpose.kind.is_allowed_purpose() && !purpose.kind.is_open_to(organisation) {
            misplaced_fields.push(path::purpose(index, None));
            misplaced.push(
                kb.purpose(purpose.kind)
                    .map_or_else(|| Bilingual::same("?"), |d| d.label.clone()),
            );
        }
    }
    if !misplaced.is_empty() {
        misplaced_fields.push(path::project::ORGANISATION_KIND.to_owned());
        out.push(texts.finding(
            "R04-CONTROLLER",
            Severity::High,
            &[
                ("kind", texts.variant("organisation_kind", organisation)),
                ("purposes", text::join(&misplaced)),
            ],
            misplaced_fields,
        ));
    }
    let mut fields = Vec::new();
    let mut labels = Vec::new();
    for (index, purpose) in a.processing.purposes.iter().enumerate() {
        if !purpose.kind.is_allowed_purpose() {
            fields.push(path::purpose(index, None));
            let label = kb
                .purpose(purpose.kind)
                .map_or_else(|| Bilingual::same("?"), |d| d.label.clone());
            labels.push(if purpose.description.trim().is_empty() {
                label
            } else {
                Bilingual {
                    fr: format!(
                        "{} («\u{a0}{}\u{a0}»)",
                        label.fr,
                        purpose.description.trim()
                    ),
                    en: format!("{} (“{}”)", label.en, purpose.description.trim()),
                }
            });
        }
    }
    for camera in &a.cameras {
        if camera.purposes.contains(&PurposeKind::Other) {
            fields.push(crate::model::path::camera(
                &camera.camera_id,
                Some("purposes"),
            ));
        }
    }
    if labels.is_empty() && !fields.is_empty() {
        labels.push(
            kb.purpose(PurposeKind::Other)
                .map_or_else(|| Bilingual::same("?"), |d| d.label.clone()),
        );
    }
    if !fields.is_empty() {
        out.push(texts.finding(
            "R04",
            Severity::Blocking,
            &[("purposes", text::join(&labels))],
            fields,
        ));
    }
}

/// Emits R07 (searches in recordings outside a judicial requisition: a search capability of the
/// analysis software usable outside requisitions, or the municipal police searching on their
/// own), R07-REVIEW (recordings consulted outside requisitions without analysis software, the
/// purposes not stated: ordinary video-protection, CSI L.252-2, to be described),
/// R07-UNANSWERED (a search capability enabled, the requisition framework not recorded),
/// R07-REGISTER (no requisition register) and R07-OPJ (judicial police officers searching the
/// commune's software themselves).
///
/// The CNIL's « searches only on requisition » doctrine concerns analysis software (deferred
/// automated analysis); habilitated agents reviewing recordings for the authorised purposes is
/// ordinary video-protection, never blocking by itself (brief §8(e)).
fn searches(a: &Assessment, texts: Texts, out: &mut Vec<Finding>) {
    let s = &a.video_system.searches;
    let search_tools: Vec<Bilingual> = a
        .capabilities
        .iter()
        .filter(|r| r.is_enabled() && SEARCH_CAPABILITIES.contains(&r.capability_id.as_str()))
        .filter(|r| r.use_scope != UseScope::ParkingPaymentControl)
        .map(|r| texts.capability(&r.capability_id))
        .collect();
    let mut who = Vec::new();
    let municipal = s.initiators.contains(&SearchInitiator::MunicipalPolice);
    if municipal && s.is_requisition_only != Some(true) {
        who.push(texts.phrase("r07.municipal_police", &[]));
    }
    if s.is_requisition_only == Some(false) && !search_tools.is_empty() {
        who.push(texts.phrase(
            "r07.not_requisition_only",
            &[("capabilities", text::join(&search_tools))],
        ));
    }
    if who.is_empty() && s.is_requisition_only == Some(false) && s.review_purposes.trim().is_empty()
    {
        out.push(texts.finding(
            "R07-REVIEW",
            Severity::Medium,
            &[],
            vec![path::video_system::searches::REVIEW_PURPOSES],
        ));
    }
    if !who.is_empty() {
        out.push(texts.finding(
            "R07",
            Severity::Blocking,
            &[("who", text::join(&who))],
            vec![
                path::video_system::searches::IS_REQUISITION_ONLY,
                path::video_system::searches::INITIATORS,
            ],
        ));
    }
    if !search_tools.is_empty() && s.is_requisition_only.is_none() && who.is_empty() {
        out.push(texts.finding(
            "R07-UNANSWERED",
            Severity::High,
            &[("capabilities", text::join(&search_tools))],
            vec![path::video_system::searches::IS_REQUISITION_ONLY],
        ));
    }
    let answers_requisitions = s.is_requisition_only == Some(true) || !search_tools.is_empty();
    if answers_requisitions && s.has_requisition_register == Some(false) {
        out.push(texts.finding(
            "R07-REGISTER",
            Severity::High,
            &[],
            vec![path::video_system::searches::HAS_REQUISITION_REGISTER],
        ));
    }
    if s.initiators
        .contains(&SearchInitiator::JudicialPoliceOfficers)
    {
        out.push(texts.finding(
            "R07-OPJ",
            Severity::High,
            &[],
            vec![path::video_system::searches::INITIATORS],
        ));
    }
}

/// Emits R08 (real-time automated detection, or a law-only capability — attributes, tracking,
/// categorisation — used live or for operational detection) and R08-SCOPE (an enabled law-only
/// capability whose use is not stated).
fn real_time(a: &Assessment, kb: &KnowledgeBase, texts: Texts, out: &mut Vec<Finding>) {
    let mut names = Vec::new();
    let mut fields = Vec::new();
    let mut unstated = Vec::new();
    let mut unstated_fields = Vec::new();
    for record in a.capabilities.iter().filter(|r| r.is_enabled()) {
        let id = record.capability_id.as_str();
        let detects = is_prohibited_detection(record);
        // Biometric capabilities have R10, sound has R28 (its ground unverified): not here.
        let is_law_only = kb.capability(&record.capability_id).is_some_and(|def| {
            def.status == LegalStatus::LawOnly && !def.is_biometric && id != K14_AUDIO
        });
        if detects {
            names.push(texts.capability(&record.capability_id));
            fields.push(path::capability(id, Some("state")));
            fields.push(path::capability(id, Some("usage_mode")));
        } else if is_law_only && record.use_scope == UseScope::Unspecified {
            unstated.push(texts.capability(&record.capability_id));
            unstated_fields.push(path::capability(id, Some("use_scope")));
        }
    }
    if !names.is_empty() {
        out.push(texts.finding(
            "R08",
            Severity::Blocking,
            &[("capabilities", text::join(&names))],
            fields,
        ));
    }
    if !unstated.is_empty() {
        out.push(texts.finding(
            "R08-SCOPE",
            Severity::High,
            &[("capabilities", text::join(&unstated))],
            unstated_fields,
        ));
    }
}

fn capability_values(texts: Texts, record: &CapabilityRecord) -> Vec<(&'static str, Bilingual)> {
    vec![
        ("capability", texts.capability(&record.capability_id)),
        ("state", texts.variant("capability_state", record.state)),
        (
            "holder",
            texts.variant("unlock_holder", record.unlock_holder),
        ),
    ]
}

/// Emits R09 (biometric capability present without proof of locking), R09-DOCUMENTED (locked
/// by the vendor with evidence), R09-STALE (that evidence predates the installed version),
/// R09-UNKNOWN (presence not established), R09-ABSENT (said absent without proof) and R10
/// (biometric capability enabled).
fn biometrics(a: &Assessment, kb: &KnowledgeBase, texts: Texts, out: &mut Vec<Finding>) {
    let installed_on = a.video_system.software.version_installed_on;
    for record in &a.capabilities {
        let is_biometric = kb
            .capability(&record.capability_id)
            .is_some_and(|def| def.is_biometric);
        if !is_biometric || !record.is_present() {
            continue;
        }
        let id = record.capability_id.as_str();
        let fields = vec![
            path::capability(id, Some("state")),
            path::capability(id, Some("unlock_holder")),
            path::capability(id, Some("evidence_ids")),
        ];
        let mut values = capability_values(texts, record);
        if record.is_enabled() {
            // Categorisation is not identification: its own wording, and for anonymous
            // statistics (the only use the CNIL considers) a check, not a block.
            if id == K15_CATEGORISATION && record.use_scope == UseScope::AnonymousStatistics {
                out.push(texts.finding("R10-STATISTICS", Severity::High, &values, fields));
                continue;
            }
            let detail = match id {
                K01_LIVE_FACE_RECOGNITION => "r10.live_identification",
                K15_CATEGORISATION => "r10.categorisation",
                _ => "r10.post_event_search",
            };
            values.push(("detail", texts.phrase(detail, &[])));
            out.push(texts.finding("R10", Severity::Blocking, &values, fields));
            continue;
        }
        let proofs = locking_proofs(a, record);
        if record.is_locked_out() && !proofs.is_empty() {
            let names: Vec<String> = proofs.iter().map(|e| e.evidence_id.to_string()).collect();
            values.push(("evidence", Bilingual::same(names.join(", "))));
            out.push(texts.finding("R09-DOCUMENTED", Severity::Medium, &values, fields));
            stale_proofs(&proofs, installed_on, record, texts, out);
        } else {
            values.push(("missing", missing_locking(a, record, texts)));
            out.push(texts.finding("R09", Severity::Blocking, &values, fields));
        }
    }
    biometric_presence(a, kb, texts, out);
}

/// Which of R09's three conditions fail — locked by the vendor, an unlock account the controller
/// does not hold, a document of a kind that proves it — in words.
fn missing_locking(a: &Assessment, record: &CapabilityRecord, texts: Texts) -> Bilingual {
    let mut missing = Vec::new();
    if record.state != CapabilityState::LockedByVendor {
        missing.push(texts.phrase(
            "r09.not_locked",
            &[("state", texts.variant("capability_state", record.state))],
        ));
    }
    if !record.is_locked_out() && record.state == CapabilityState::LockedByVendor {
        missing.push(texts.phrase(
            "r09.holder",
            &[(
                "holder",
                texts.variant("unlock_holder", record.unlock_holder),
            )],
        ));
    }
    let attached: Vec<&Evidence> = record
        .evidence_ids
        .iter()
        .filter_map(|id| a.evidence_by_id(id))
        .collect();
    if attached.is_empty() {
        missing.push(texts.phrase("r09.no_evidence", &[]));
    } else if locking_proofs(a, record).is_empty() {
        let names: Vec<String> = attached.iter().map(|e| e.evidence_id.to_string()).collect();
        missing.push(texts.phrase(
            "r09.wrong_kind",
            &[("evidence", Bilingual::same(names.join(", ")))],
        ));
    }
    text::join(&missing)
}

/// The evidence that can prove a capability locked or absent: a vendor attestation, a bailiff's
/// report, the licence or configuration, a CNIL control — not a photograph of signs.
fn locking_proofs<'a>(a: &'a Assessment, record: &CapabilityRecord) -> Vec<&'a Evidence> {
    record
        .evidence_ids
        .iter()
        .filter_map(|id| a.evidence_by_id(id))
        .filter(|e| {
            matches!(
                e.kind,
                EvidenceKind::VendorAttestation
                    | EvidenceKind::BailiffReport
                    | EvidenceKind::Configuration
                    | EvidenceKind::CnilControl
            )
        })
        .collect()
}

/// R09-STALE: every proof predates the installed version, so it may not describe it.
fn stale_proofs(
    proofs: &[&Evidence],
    installed_on: Option<Date>,
    record: &CapabilityRecord,
    texts: Texts,
    out: &mut Vec<Finding>,
) {
    let Some(installed_on) = installed_on else {
        return;
    };
    let all_older = proofs
        .iter()
        .all(|e| e.dated_on().is_some_and(|dated| dated < installed_on));
    if all_older {
        let id = record.capability_id.as_str();
        out.push(texts.finding(
            "R09-STALE",
            Severity::Medium,
            &[
                ("capability", texts.capability(&record.capability_id)),
                ("installed_on", text::date(installed_on)),
            ],
            vec![
                path::capability(id, Some("evidence_ids")),
                path::video_system::software::VERSION_INSTALLED_ON,
            ],
        ));
    }
}

/// R09-UNKNOWN: analytics software is recorded but whether it has a biometric capability is not
/// established; R09-ABSENT: said absent without a licence or attestation to show it.
fn biometric_presence(a: &Assessment, kb: &KnowledgeBase, texts: Texts, out: &mut Vec<Finding>) {
    let software = &a.video_system.software;
    let has_analytics = !software.vendor.trim().is_empty()
        || !software.product.trim().is_empty()
        || a.cameras.iter().any(|c| c.is_analytics_coupled);
    if !has_analytics {
        return;
    }
    let mut unknown = Vec::new();
    let mut unknown_fields = Vec::new();
    let mut undocumented = Vec::new();
    let mut undocumented_fields = Vec::new();
    for def in kb.capabilities.iter().filter(|d| d.is_biometric) {
        let id = def.id.as_str();
        match a.capability(id) {
            None => {
                unknown.push(texts.capability(&def.id));
                unknown_fields.push(path::capability(id, Some("presence")));
            }
            Some(record) if record.presence == Presence::Unknown => {
                unknown.push(texts.capability(&def.id));
                unknown_fields.push(path::capability(id, Some("presence")));
            }
            Some(record)
                if record.presence == Presence::Absent && locking_proofs(a, record).is_empty() =>
            {
                undocumented.push(texts.capability(&def.id));
                undocumented_fields.push(path::capability(id, Some("evidence_ids")));
            }
            Some(_) => {}
        }
    }
    if !unknown.is_empty() {
        out.push(texts.finding(
            "R09-UNKNOWN",
            Severity::High,
            &[("capabilities", text::join(&unknown))],
            unknown_fields,
        ));
    }
    if !undocumented.is_empty() {
        out.push(texts.finding(
            "R09-ABSENT",
            Severity::Medium,
            &[("capabilities", text::join(&undocumented))],
            undocumented_fields,
        ));
    }
}

/// Emits R11 (systematic plate reading or a database of passages by a local authority, blocking),
/// R11-REQUISITION (an ad-hoc plate search in recordings on requisition: to verify, high) and
/// R11-SCOPE (plate reading enabled for an unstated use).
fn plate_reading(a: &Assessment, texts: Texts, out: &mut Vec<Finding>) {
    let Some(record) = a.capability(K08_PLATE_READING) else {
        return;
    };
    if !record.is_usable()
        || record.state == CapabilityState::Unknown
        || record.use_scope == UseScope::ParkingPaymentControl
    {
        return;
    }
    let database = a.video_system.searches.has_plate_database;
    // A module that is only switched off is R25's business — unless a database of passages
    // exists, which is a fact whatever the module's state.
    if record.state != CapabilityState::Enabled && database != Some(true) {
        return;
    }
    let mut systematic = Vec::new();
    if matches!(record.usage_mode, UsageMode::RealTime | UsageMode::Both) {
        systematic.push(texts.phrase("r11.real_time", &[]));
    }
    if record.use_scope == UseScope::OperationalDetection {
        systematic.push(texts.phrase("r11.operational", &[]));
    }
    if record.use_scope == UseScope::AnonymousStatistics {
        systematic.push(texts.phrase("r11.statistics", &[]));
    }
    if database == Some(true) {
        systematic.push(texts.phrase("r11.database", &[]));
    }
    let fields = vec![
        path::capability(K08_PLATE_READING, Some("use_scope")),
        path::capability(K08_PLATE_READING, Some("usage_mode")),
        path::video_system::searches::HAS_PLATE_DATABASE,
    ];
    if !systematic.is_empty() {
        out.push(texts.finding(
            "R11",
            Severity::Blocking,
            &[("why", text::join(&systematic))],
            fields,
        ));
        return;
    }
    if record.use_scope == UseScope::JudicialRequisitions {
        let database_note = if database.is_none() {
            texts.phrase("r11.database_unknown", &[])
        } else {
            Bilingual::same("")
        };
        out.push(texts.finding(
            "R11-REQUISITION",
            Severity::High,
            &[("database", database_note)],
            fields,
        ));
    } else {
        out.push(texts.finding(
            "R11-SCOPE",
            Severity::Medium,
            &[],
            vec![path::capability(K08_PLATE_READING, Some("use_scope"))],
        ));
    }
}

/// Emits R12 (statistics without public information), R13 (statistics module with access to
/// images), R13-OUTPUT (individual, not aggregated, output) and R14 (filters inferring sensitive
/// traits).
fn statistics(a: &Assessment, texts: Texts, out: &mut Vec<Finding>) {
    let v = &a.video_system;
    let counting = a.capability(K09_COUNTING).is_some_and(|r| r.is_enabled());
    if (v.statistics.is_used == Some(true) || counting)
        && v.public_information.notice_mentions_statistics != Some(true)
    {
        out.push(texts.finding(
            "R12",
            Severity::High,
            &[],
            vec![path::video_system::public_information::NOTICE_MENTIONS_STATISTICS],
        ));
    }
    if v.statistics.module_has_image_access == Some(true) {
        out.push(texts.finding(
            "R13",
            Severity::High,
            &[],
            vec![path::video_system::statistics::MODULE_HAS_IMAGE_ACCESS],
        ));
    }
    if v.statistics.is_used == Some(true) && v.statistics.is_output_aggregated == Some(false) {
        out.push(texts.finding(
            "R13-OUTPUT",
            Severity::High,
            &[],
            vec![path::video_system::statistics::IS_OUTPUT_AGGREGATED],
        ));
    }
    if v.searches.has_sensitive_attribute_filters == Some(true) {
        out.push(texts.finding(
            "R14",
            Severity::Blocking,
            &[],
            vec![path::video_system::searches::HAS_SENSITIVE_ATTRIBUTE_FILTERS],
        ));
    }
}

/// Emits R15 (insufficient public information).
fn information(a: &Assessment, texts: Texts, out: &mut Vec<Finding>) {
    let info = &a.video_system.public_information;
    let mut missing = Vec::new();
    let mut fields = Vec::new();
    if info.has_signs == Some(false) {
        missing.push(texts.phrase("r15.no_signs", &[]));
        fields.push(path::video_system::public_information::HAS_SIGNS.to_owned());
    } else {
        if info.signs_have_pictogram == Some(false) {
            missing.push(texts.phrase("r15.no_pictogram", &[]));
            fields.push(path::video_system::public_information::SIGNS_HAVE_PICTOGRAM.to_owned());
        }
        if info.signs_have_contact == Some(false) {
            missing.push(texts.phrase("r15.no_contact", &[]));
            fields.push(path::video_system::public_information::SIGNS_HAVE_CONTACT.to_owned());
        }
    }
    if info.has_second_layer_notice == Some(false) {
        missing.push(texts.phrase("r15.no_second_layer", &[]));
        fields.push(path::video_system::public_information::HAS_SECOND_LAYER_NOTICE.to_owned());
    }
    if !missing.is_empty() {
        out.push(texts.finding(
            "R15",
            Severity::High,
            &[("missing", text::join(&missing))],
            fields,
        ));
    }
}

/// Emits R16 (started before the DPIA), R17 (art. 90 assessment missing), R19 (DPO's opinion
/// missing), R20 (review due), R23 (operators not
/// habilitated) and R24 (no recordings register).
fn governance(
    a: &Assessment,
    kb: &KnowledgeBase,
    texts: Texts,
    today: Date,
    out: &mut Vec<Finding>,
) {
    let s = &a.screening;
    if s.started_before_dpia == Some(true) {
        out.push(texts.finding(
            "R16",
            Severity::High,
            &[],
            vec![path::screening::STARTED_BEFORE_DPIA],
        ));
    }
    let police_justice = super::criteria::police_justice_purposes(a, kb);
    if !police_justice.is_empty() && s.has_art90_dpia == Some(false) {
        out.push(texts.finding(
            "R17",
            Severity::High,
            &[("purposes", text::join(&police_justice))],
            vec![path::screening::HAS_ART90_DPIA],
        ));
    }
    if a.opinions.dpo_opinion.trim().is_empty() {
        out.push(texts.finding(
            "R19",
            Severity::High,
            &[],
            vec![path::opinions::DPO_OPINION],
        ));
    }
    let project = &a.project;
    // Without a last review entered, the last validated version stands for it (as the calendar
    // counts it, `deadlines::next_review`).
    let last_review = project.last_review_on.or_else(|| {
        a.history
            .versions
            .iter()
            .filter_map(|v| v.validated_on)
            .max()
    });
    let reason = match (project.review_due_on, last_review) {
        (Some(due), _) if due < today => Some((
            texts.phrase("r20.overdue", &[("due", text::date(due))]),
            path::project::REVIEW_DUE_ON,
        )),
        (_, Some(last)) if last.add_years(REVIEW_YEARS) <= today => Some((
            texts.phrase("r20.old", &[("last", text::date(last))]),
            path::project::LAST_REVIEW_ON,
        )),
        // A new version of the software since the last review: the configuration the review
        // judged may no longer be the one in service (GDPR art. 35(11)).
        (_, Some(last)) if software_updated_since(a, last) => Some((
            texts.phrase(
                "r20.version",
                &[
                    ("last", text::date(last)),
                    (
                        "installed",
                        a.video_system
                            .software
                            .version_installed_on
                            .map_or_else(|| Bilingual::same(String::new()), text::date),
                    ),
                ],
            ),
            path::video_system::software::VERSION_INSTALLED_ON,
        )),
        _ => None,
    };
    if let Some((reason, field)) = reason {
        out.push(texts.finding("R20", Severity::Medium, &[("reason", reason)], vec![field]));
    }
    changed_since_validation(a, texts, out);
    let centre = &a.video_system.control_centre;
    if centre.are_operators_habilitated == Some(false) {
        out.push(texts.finding(
            "R23",
            Severity::High,
            &[],
            vec![path::video_system::control_centre::ARE_OPERATORS_HABILITATED],
        ));
    }
    if centre.has_recordings_register == Some(false) {
        out.push(texts.finding(
            "R24",
            Severity::Medium,
            &[],
            vec![path::video_system::control_centre::HAS_RECORDINGS_REGISTER],
        ));
    }
}

/// Emits R20-CHANGED: since the last validated version, what the AIPD rests on changed
/// (software, modules, cameras, coupling, perimeters, purposes, retention, processors,
/// capabilities) — a review is due (GDPR art. 35(11)).
fn changed_since_validation(a: &Assessment, texts: Texts, out: &mut Vec<Finding>) {
    let Some(version) = a.history.versions.last() else {
        return;
    };
    let then = &version.watched;
    let now = crate::model::history::WatchedFacts::of(a);
    let mut changes = Vec::new();
    let mut fields = Vec::new();
    let mut note =
        |changed: bool, phrase: &str, values: &[(&str, Bilingual)], field: path::FieldPath| {
            if changed {
                changes.push(texts.phrase(phrase, values));
                fields.push(field);
            }
        };
    note(
        then.software != now.software,
        "r20.changed.software",
        &[
            ("old", Bilingual::same(then.software.clone())),
            ("new", Bilingual::same(now.software.clone())),
        ],
        path::video_system::software::VERSION,
    );
    note(
        then.modules != now.modules,
        "r20.changed.modules",
        &[],
        path::video_system::software::LICENSED_MODULES,
    );
    note(
        then.cameras != now.cameras,
        "r20.changed.cameras",
        &[
            ("old", text::number(then.cameras)),
            ("new", text::number(now.cameras)),
        ],
        path::CAMERAS,
    );
    note(
        then.coupled != now.coupled,
        "r20.changed.coupled",
        &[
            ("old", text::number(then.coupled)),
            ("new", text::number(now.coupled)),
        ],
        path::CAMERAS,
    );
    note(
        then.perimeters != now.perimeters,
        "r20.changed.perimeters",
        &[],
        path::CAMERAS,
    );
    note(
        then.purposes != now.purposes,
        "r20.changed.purposes",
        &[],
        path::processing::PURPOSES,
    );
    note(
        then.retention != now.retention,
        "r20.changed.retention",
        &[],
        path::video_system::IMAGE_RETENTION_DAYS,
    );
    note(
        then.processors != now.processors,
        "r20.changed.processors",
        &[],
        path::processing::ACTORS,
    );
    note(
        then.capabilities != now.capabilities,
        "r20.changed.capabilities",
        &[],
        path::CAPABILITIES,
    );
    if !changes.is_empty() {
        out.push(texts.finding(
            "R20-CHANGED",
            Severity::High,
            &[
                ("version", Bilingual::same(version.number.clone())),
                ("changes", text::join(&changes)),
            ],
            fields,
        ));
    }
}

/// True when the installed software version was installed after the last review.
fn software_updated_since(a: &Assessment, last_review: Date) -> bool {
    a.video_system
        .software
        .version_installed_on
        .is_some_and(|installed| installed > last_review)
}

/// Emits R22 (insufficient access traceability).
fn traceability(a: &Assessment, texts: Texts, out: &mut Vec<Finding>) {
    let mut missing = Vec::new();
    let mut fields = Vec::new();
    if a.video_system.control_centre.has_access_logs == Some(false) {
        missing.push(texts.phrase("r22.access", &[]));
        fields.push(path::video_system::control_centre::HAS_ACCESS_LOGS.to_owned());
    }
    if a.video_system.searches.has_search_logs == Some(false) {
        missing.push(texts.phrase("r22.search", &[]));
        fields.push(path::video_system::searches::HAS_SEARCH_LOGS.to_owned());
    }
    if !missing.is_empty() {
        out.push(texts.finding(
            "R22",
            Severity::High,
            &[("missing", text::join(&missing))],
            fields,
        ));
    }
}

/// R25: a prohibited or law-only capability (not biometric: R09 covers those) that is only
/// switched off, or locked with the unlock account in the controller's hands.
fn restricted_capabilities(
    a: &Assessment,
    kb: &KnowledgeBase,
    texts: Texts,
    out: &mut Vec<Finding>,
) {
    for record in &a.capabilities {
        let Some(def) = kb.capability(&record.capability_id) else {
            continue;
        };
        let restricted = matches!(def.status, LegalStatus::Prohibited | LegalStatus::LawOnly);
        let switchable = record.is_present()
            && match record.state {
                CapabilityState::DisabledByConfig => true,
                CapabilityState::LockedByVendor => !record.is_locked_out(),
                CapabilityState::Enabled | CapabilityState::Unknown => false,
            };
        if restricted && !def.is_biometric && record.is_locked_out() {
            let has_proof = !locking_proofs(a, record).is_empty();
            if !has_proof {
                let id = record.capability_id.as_str();
                out.push(texts.finding(
                    "R25-UNDOCUMENTED",
                    Severity::Medium,
                    &capability_values(texts, record),
                    vec![path::capability(id, Some("evidence_ids"))],
                ));
            }
        }
        if restricted && !def.is_biometric && switchable {
            let id = record.capability_id.as_str();
            out.push(texts.finding(
                "R25",
                Severity::High,
                &capability_values(texts, record),
                vec![
                    path::capability(id, Some("state")),
                    path::capability(id, Some("unlock_holder")),
                ],
            ));
        }
    }
}

/// Emits R27 (processing or transfer not framed).
fn processors(a: &Assessment, texts: Texts, out: &mut Vec<Finding>) {
    let mut problems = Vec::new();
    let mut fields = Vec::new();
    for (index, actor) in a.processing.actors.iter().enumerate() {
        if actor.role != ActorRole::Processor {
            continue;
        }
        let name = Bilingual::same(actor.name.clone());
        if actor.has_art28_contract == Some(false) {
            problems.push(texts.phrase("r27.contract", &[("name", name.clone())]));
            fields.push(path::actor(index, Some("has_art28_contract")));
        }
        if actor.is_transfer_documented == Some(false) {
            problems.push(texts.phrase("r27.transfer", &[("name", name)]));
            fields.push(path::actor(index, Some("is_transfer_documented")));
        } else if actor.is_outside_eu == Some(true) && actor.is_transfer_documented.is_none() {
            problems.push(texts.phrase("r27.outside_eu", &[("name", name)]));
            fields.push(path::actor(index, Some("is_transfer_documented")));
        }
    }
    if !problems.is_empty() {
        out.push(texts.finding(
            "R27",
            Severity::High,
            &[("actors", text::join(&problems))],
            fields,
        ));
    }
}

/// Emits REG-ENTRY (not in the record of processing activities), AIA-4 (operators of analytics
/// software not trained, AI literacy) and CCTV-DPIA (the CCTV the analytics are coupled to has no
/// AIPD of its own).
fn organisation(a: &Assessment, texts: Texts, out: &mut Vec<Finding>) {
    if a.processing.has_register_entry == Some(false) {
        out.push(texts.finding(
            "REG-ENTRY",
            Severity::Medium,
            &[],
            vec![path::processing::HAS_REGISTER_ENTRY],
        ));
    }
    let coupled = a.cameras.iter().any(|c| c.is_analytics_coupled);
    if coupled && a.video_system.control_centre.are_operators_trained == Some(false) {
        out.push(texts.finding(
            "AIA-4",
            Severity::Medium,
            &[],
            vec![path::video_system::control_centre::ARE_OPERATORS_TRAINED],
        ));
    }
    if coupled && a.screening.has_existing_cctv_dpia == Some(false) {
        out.push(texts.finding(
            "CCTV-DPIA",
            Severity::Medium,
            &[],
            vec![path::screening::HAS_EXISTING_CCTV_DPIA],
        ));
    }
}
