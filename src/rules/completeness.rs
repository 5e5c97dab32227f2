//! How complete the assessment is: per wizard step, the required answers and which are missing
//! (as field paths the UI can jump to), and an overall percentage. Some answers are required only
//! when another makes them relevant (the art. 90 analysis only with Police-Justice purposes).

use super::criteria::ScreeningResult;
use crate::knowledge::KnowledgeBase;
use crate::model::path::{self, FieldPath};
use crate::model::{
    ActorRole, Assessment, CapabilityState, Evaluation, MeasureStatus, Presence, Regime,
    UnlockHolder,
};

/// Completeness of one step.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct StepCompleteness {
    /// The step: project, screening, processing, video_system, necessity, rights, risks,
    /// measures, opinions.
    pub step: &'static str,
    /// Required answers given.
    pub answered: usize,
    /// Required answers in all.
    pub required: usize,
    /// Paths of the missing ones.
    pub missing: Vec<FieldPath>,
}

impl StepCompleteness {
    /// Percent answered, rounded down (100 only when nothing is missing).
    pub fn percent(&self) -> u8 {
        percent(self.answered, self.required)
    }
}

/// Completeness of the whole assessment.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Completeness {
    /// Step by step, in wizard order.
    pub steps: Vec<StepCompleteness>,
}

impl Completeness {
    /// Percent answered over all steps, rounded down.
    pub fn percent(&self) -> u8 {
        let answered = self.steps.iter().map(|s| s.answered).sum();
        let required = self.steps.iter().map(|s| s.required).sum();
        percent(answered, required)
    }

    /// Every missing answer, step by step.
    pub fn missing(&self) -> Vec<FieldPath> {
        self.steps
            .iter()
            .flat_map(|s| s.missing.iter().cloned())
            .collect()
    }

    /// The completeness of one step.
    pub fn step(&self, step: &str) -> Option<&StepCompleteness> {
        self.steps.iter().find(|s| s.step == step)
    }
}

fn percent(answered: usize, required: usize) -> u8 {
    if required == 0 {
        return 100;
    }
    u8::try_from(answered * 100 / required).unwrap_or(100)
}

struct Tally {
    step: StepCompleteness,
}

impl Tally {
    fn new(step: &'static str) -> Self {
        Self {
            step: StepCompleteness {
                step,
                answered: 0,
                required: 0,
                missing: Vec::new(),
            },
        }
    }

    fn need(&mut self, path: impl Into<FieldPath>, is_answered: bool) {
        self.step.required += 1;
        if is_answered {
            self.step.answered += 1;
        } else {
            self.step.missing.push(path.into());
        }
    }

    fn text(&mut self, path: FieldPath, value: &str) {
        self.need(path, !value.trim().is_empty());
    }

    fn some<T>(&mut self, path: FieldPath, value: &Option<T>) {
        self.need(path, value.is_some());
    }
}

/// Computes the completeness of an assessment.
pub fn completeness(a: &Assessment, kb: &KnowledgeBase, result: &ScreeningResult) -> Completeness {
    Completeness {
        steps: vec![
            project(a),
            screening(a, kb),
            processing(a, kb),
            video_system(a, kb),
            answers(a, kb, "necessity"),
            answers(a, kb, "rights"),
            risks(a),
            measures(a),
            opinions(a, result),
        ],
    }
}

fn project(a: &Assessment) -> StepCompleteness {
    let p = &a.project;
    let mut t = Tally::new("project");
    t.text(path::project::TITLE, &p.title);
    t.text(path::project::ORGANISATION, &p.organisation);
    t.text(path::project::DPO_NAME, &p.dpo_name);
    t.need(
        path::project::AUTHORS,
        p.authors.iter().any(|s| !s.trim().is_empty()),
    );
    t.text(path::project::VERSION, &p.version);
    t.some(path::project::REVIEW_DUE_ON, &p.review_due_on);
    t.step
}

fn screening(a: &Assessment, kb: &KnowledgeBase) -> StepCompleteness {
    let s = &a.screening;
    let mut t = Tally::new("screening");
    t.some(path::screening::FILMS_PUBLIC_SPACE, &s.films_public_space);
    t.some(path::screening::IS_LARGE_SCALE, &s.is_large_scale);
    t.some(
        path::screening::HAS_AUTOMATED_DECISIONS,
        &s.has_automated_decisions,
    );
    t.some(path::screening::HAS_DATA_MATCHING, &s.has_data_matching);
    t.some(
        path::screening::FILMS_VULNERABLE_PEOPLE,
        &s.films_vulnerable_people,
    );
    t.some(
        path::screening::DECLARES_NO_BIOMETRICS,
        &s.declares_no_biometrics,
    );
    t.some(path::screening::CAPTURES_AUDIO, &s.captures_audio);
    t.some(path::screening::STARTED_BEFORE_DPIA, &s.started_before_dpia);
    if a.processing
        .purposes
        .iter()
        .any(|p| p.regime == Regime::PoliceJustice)
    {
        t.some(path::screening::HAS_ART90_DPIA, &s.has_art90_dpia);
    }
    let biometric_present = a.capabilities.iter().any(|r| {
        r.is_present()
            && kb
                .capability(&r.capability_id)
                .is_some_and(|d| d.is_biometric)
    });
    // Attribute search inferred from the body is categorisation too (Annex III 1(b)): R26.
    let body_categorisation = a.video_system.searches.has_body_inferred_filters == Some(true)
        && a.capability(crate::knowledge::ids::capability::K03_ATTRIBUTE_SEARCH)
            .is_some_and(|r| r.is_usable());
    if (biometric_present || body_categorisation) && a.project.organisation_kind.owes_fria() {
        t.some(path::screening::HAS_FRIA, &s.has_fria);
    }
    for over in &s.overrides {
        t.text(path::screening_override(&over.criterion_id), &over.reason);
    }
    t.step
}

fn processing(a: &Assessment, kb: &KnowledgeBase) -> StepCompleteness {
    let p = &a.processing;
    let mut t = Tally::new("processing");
    t.text(path::processing::DESCRIPTION, &p.description);
    t.need(path::processing::PURPOSES, !p.purposes.is_empty());
    t.some(path::processing::HAS_REGISTER_ENTRY, &p.has_register_entry);
    for (index, purpose) in p.purposes.iter().enumerate() {
        t.need(
            path::purpose(index, Some("regime")),
            purpose.regime != Regime::Undetermined,
        );
        t.need(
            path::purpose(index, Some("legal_basis")),
            purpose.legal_basis != crate::model::LegalBasis::Undetermined,
        );
    }
    t.need(
        path::processing::ACTORS,
        p.actors.iter().any(|a| a.role == ActorRole::Controller),
    );
    for (index, actor) in p.actors.iter().enumerate() {
        if actor.role == ActorRole::Processor {
            t.need(
                path::actor(index, Some("is_outside_eu")),
                actor.is_outside_eu.is_some(),
            );
        }
    }
    if super::safeguards::needs_sensitive_necessity(a, kb) {
        t.text(
            path::processing::SENSITIVE_DATA_NECESSITY,
            &p.sensitive_data_necessity,
        );
    }
    t.need(
        path::processing::DATA_CATEGORIES,
        !p.data_categories.is_empty(),
    );
    t.need(path::processing::DATA_SUBJECTS, !p.data_subjects.is_empty());
    t.text(path::processing::LIFECYCLE, &p.lifecycle);
    t.need(
        path::processing::SUPPORTING_ASSETS,
        !p.supporting_assets.is_empty(),
    );
    t.step
}

fn video_system(a: &Assessment, kb: &KnowledgeBase) -> StepCompleteness {
    let v = &a.video_system;
    let mut t = Tally::new("video_system");
    let coupled = a.cameras.iter().any(|c| c.is_analytics_coupled);
    t.text(
        path::video_system::authorisation::REFERENCE,
        &v.authorisation.reference,
    );
    t.some(
        path::video_system::authorisation::GRANTED_ON,
        &v.authorisation.granted_on,
    );
    t.some(
        path::video_system::authorisation::AUTHORISED_RETENTION_DAYS,
        &v.authorisation.authorised_retention_days,
    );
    for o in v.orders().into_iter().skip(1) {
        t.need(o.field("reference"), !o.order.reference.trim().is_empty());
        t.need(o.field("granted_on"), o.order.granted_on.is_some());
    }
    if a.cameras.iter().any(|c| c.is_third_party()) {
        t.some(
            path::video_system::third_party::HAS_JOINT_ARRANGEMENT,
            &v.third_party.has_joint_arrangement,
        );
        t.text(path::video_system::third_party::BASIS, &v.third_party.basis);
    }
    t.some(
        path::video_system::IMAGE_RETENTION_DAYS,
        &v.image_retention_days,
    );
    if coupled {
        t.some(
            path::video_system::METADATA_RETENTION_DAYS,
            &v.metadata_retention_days,
        );
        t.need(
            path::video_system::SOFTWARE,
            !v.software.vendor.trim().is_empty() && !v.software.product.trim().is_empty(),
        );
        t.some(
            path::video_system::searches::HAS_SEARCH_LOGS,
            &v.searches.has_search_logs,
        );
        t.some(
            path::video_system::searches::HAS_SENSITIVE_ATTRIBUTE_FILTERS,
            &v.searches.has_sensitive_attribute_filters,
        );
        t.some(
            path::video_system::authorisation::IS_ANALYTICS_DECLARED,
            &v.authorisation.is_analytics_declared,
        );
        t.some(
            path::video_system::software::VERSION_INSTALLED_ON,
            &v.software.version_installed_on,
        );
        t.some(
            path::video_system::control_centre::ARE_OPERATORS_TRAINED,
            &v.control_centre.are_operators_trained,
        );
        t.some(
            path::screening::HAS_EXISTING_CCTV_DPIA,
            &a.screening.has_existing_cctv_dpia,
        );
    }
    let attributes_usable = a
        .capability(crate::knowledge::ids::capability::K03_ATTRIBUTE_SEARCH)
        .is_some_and(|r| r.is_usable());
    if attributes_usable {
        t.some(
            path::video_system::searches::HAS_BODY_INFERRED_FILTERS,
            &v.searches.has_body_inferred_filters,
        );
    }
    if !super::safeguards::held_by_third_party(a).is_empty() {
        t.some(
            path::video_system::software::DOES_CONTRACT_FORBID_UNLOCK,
            &v.software.does_contract_forbid_unlock,
        );
    }
    let centre = &v.control_centre;
    if centre.has_access_logs == Some(true) || v.searches.has_search_logs == Some(true) {
        t.some(
            path::video_system::control_centre::LOG_RETENTION_DAYS,
            &centre.log_retention_days,
        );
    }
    t.some(
        path::video_system::control_centre::FILMS_STAFF,
        &centre.films_staff,
    );
    t.some(
        path::video_system::control_centre::HAS_LIVE_TRANSMISSION,
        &centre.has_live_transmission,
    );
    if centre.has_live_transmission == Some(true) {
        t.text(
            path::video_system::control_centre::LIVE_TRANSMISSION_BASIS,
            &centre.live_transmission_basis,
        );
    }
    let rights = &v.access_rights;
    t.text(path::video_system::access_rights::CONTACT, &rights.contact);
    t.some(
        path::video_system::access_rights::CHECKS_IDENTITY,
        &rights.checks_identity,
    );
    t.some(
        path::video_system::access_rights::ANSWERS_WITHIN_MONTH,
        &rights.answers_within_month,
    );
    t.some(
        path::video_system::access_rights::MASKS_THIRD_PARTIES,
        &rights.masks_third_parties,
    );
    t.some(
        path::video_system::access_rights::DOCUMENTS_REFUSAL_GROUNDS,
        &rights.documents_refusal_grounds,
    );
    if v.statistics.is_used == Some(true) {
        t.some(
            path::video_system::statistics::IS_OUTPUT_AGGREGATED,
            &v.statistics.is_output_aggregated,
        );
    }
    if v.searches.is_requisition_only == Some(true) {
        t.some(
            path::video_system::searches::HAS_REQUISITION_REGISTER,
            &v.searches.has_requisition_register,
        );
    }
    // Plate reading: whether a database of passages is kept decides between the prohibited
    // systematic reading and an ad-hoc search on requisition (R11).
    let plates_usable = a
        .capability(crate::knowledge::ids::capability::K08_PLATE_READING)
        .is_some_and(|r| r.is_usable());
    if plates_usable {
        t.some(
            path::video_system::searches::HAS_PLATE_DATABASE,
            &v.searches.has_plate_database,
        );
    }
    t.text(path::video_system::OPERATING_HOURS, &v.operating_hours);
    t.text(path::video_system::COVERAGE, &v.coverage);
    let info = &v.public_information;
    t.some(
        path::video_system::public_information::HAS_SIGNS,
        &info.has_signs,
    );
    if info.has_signs == Some(true) {
        t.some(
            path::video_system::public_information::SIGNS_HAVE_PICTOGRAM,
            &info.signs_have_pictogram,
        );
        t.some(
            path::video_system::public_information::SIGNS_HAVE_CONTACT,
            &info.signs_have_contact,
        );
    }
    t.some(
        path::video_system::public_information::HAS_SECOND_LAYER_NOTICE,
        &info.has_second_layer_notice,
    );
    t.some(
        path::video_system::statistics::IS_USED,
        &v.statistics.is_used,
    );
    if v.statistics.is_used == Some(true) {
        t.some(
            path::video_system::public_information::NOTICE_MENTIONS_STATISTICS,
            &info.notice_mentions_statistics,
        );
        t.some(
            path::video_system::statistics::MODULE_HAS_IMAGE_ACCESS,
            &v.statistics.module_has_image_access,
        );
    }
    let centre = &v.control_centre;
    t.some(
        path::video_system::control_centre::ARE_OPERATORS_HABILITATED,
        &centre.are_operators_habilitated,
    );
    t.some(
        path::video_system::control_centre::HAS_ACCESS_LOGS,
        &centre.has_access_logs,
    );
    t.some(
        path::video_system::control_centre::HAS_RECORDINGS_REGISTER,
        &centre.has_recordings_register,
    );
    t.some(
        path::video_system::searches::IS_REQUISITION_ONLY,
        &v.searches.is_requisition_only,
    );
    t.need("cameras", !a.cameras.is_empty());
    for def in &kb.capabilities {
        let id = def.id.as_str();
        let record = a.capability(id);
        let presence = record.map_or(Presence::Unknown, |r| r.presence);
        t.need(
            path::capability(id, Some("presence")),
            presence != Presence::Unknown,
        );
        if let Some(record) = record.filter(|r| r.is_present()) {
            t.need(
                path::capability(id, Some("state")),
                record.state != CapabilityState::Unknown,
            );
            if record.state != CapabilityState::Enabled {
                t.need(
                    path::capability(id, Some("unlock_holder")),
                    record.unlock_holder != UnlockHolder::Unknown,
                );
            }
        }
    }
    t.step
}

fn answers(a: &Assessment, kb: &KnowledgeBase, step: &'static str) -> StepCompleteness {
    let mut t = Tally::new(step);
    for question in kb.answer_questions(step) {
        let answer = a.answers.iter().find(|x| x.question_id == question.id);
        let id = question.id.as_str();
        t.need(
            id.to_owned(),
            answer.is_some_and(|x| !x.text.trim().is_empty()),
        );
        t.need(
            format!("{id}.evaluation"),
            answer.is_some_and(|x| x.evaluation != Evaluation::Pending),
        );
    }
    t.step
}

fn risks(a: &Assessment) -> StepCompleteness {
    let mut t = Tally::new("risks");
    t.need("risks", !a.risks.is_empty());
    for risk in &a.risks {
        let id = risk.risk_id.as_str();
        t.need(
            path::risk(id, Some("severity")),
            risk.initial_cell().is_some(),
        );
        t.need(
            path::risk(id, Some("residual")),
            risk.residual_cell().is_some(),
        );
        t.text(path::risk(id, Some("justification")), &risk.justification);
    }
    t.step
}

fn measures(a: &Assessment) -> StepCompleteness {
    let mut t = Tally::new("measures");
    t.need("measures", !a.measures.is_empty());
    for measure in a
        .measures
        .iter()
        .filter(|m| m.status == MeasureStatus::Planned)
    {
        let id = measure.measure_id.as_str();
        t.text(path::measure(id, Some("owner")), &measure.owner);
        t.some(path::measure(id, Some("deadline")), &measure.deadline);
    }
    t.step
}

fn opinions(a: &Assessment, screening: &ScreeningResult) -> StepCompleteness {
    let o = &a.opinions;
    let mut t = Tally::new("opinions");
    t.text(path::opinions::DPO_OPINION, &o.dpo_opinion);
    t.some(path::opinions::DPO_CONCLUSION, &o.dpo_conclusion);
    t.some(
        path::opinions::WERE_DATA_SUBJECTS_CONSULTED,
        &o.were_data_subjects_consulted,
    );
    t.text(path::opinions::DATA_SUBJECTS_VIEWS, &o.data_subjects_views);
    t.some(path::opinions::DECISION, &o.decision);
    t.need(path::opinions::SIGNATURES, !o.signatures.is_empty());
    // The consultation is answered once it is filed (or said not filed), or, where the law
    // leaves it to the controller (LIL art. 90 2°, a maximum residual severity), reasoned away.
    let is_asked = super::consultation::ground(a, screening).is_some()
        || !super::consultation::severe_residual_risks(a).is_empty();
    if is_asked {
        let c = &o.prior_consultation;
        t.need(
            path::opinions::PRIOR_CONSULTATION,
            c.is_filed.is_some() || c.is_decided_not_needed(),
        );
    }
    t.step
}
