//! How complete the assessment is: per wizard step, the required answers and which are missing
//! (as field paths the UI can jump to), and an overall percentage. Some answers are required only
//! when another makes them relevant (the art. 90 analysis only with Police-Justice purposes).

use super::criteria::ScreeningResult;
use crate::knowledge::KnowledgeBase;
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
    pub missing: Vec<String>,
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
    pub fn missing(&self) -> Vec<String> {
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

    fn need(&mut self, path: impl Into<String>, is_answered: bool) {
        self.step.required += 1;
        if is_answered {
            self.step.answered += 1;
        } else {
            self.step.missing.push(path.into());
        }
    }

    fn text(&mut self, path: &str, value: &str) {
        self.need(path, !value.trim().is_empty());
    }

    fn some<T>(&mut self, path: &str, value: &Option<T>) {
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
    t.text("project.title", &p.title);
    t.text("project.organisation", &p.organisation);
    t.text("project.dpo_name", &p.dpo_name);
    t.need(
        "project.authors",
        p.authors.iter().any(|s| !s.trim().is_empty()),
    );
    t.text("project.version", &p.version);
    t.some("project.review_due_on", &p.review_due_on);
    t.step
}

fn screening(a: &Assessment, kb: &KnowledgeBase) -> StepCompleteness {
    let s = &a.screening;
    let mut t = Tally::new("screening");
    t.some("screening.films_public_space", &s.films_public_space);
    t.some("screening.is_large_scale", &s.is_large_scale);
    t.some(
        "screening.has_automated_decisions",
        &s.has_automated_decisions,
    );
    t.some("screening.has_data_matching", &s.has_data_matching);
    t.some(
        "screening.films_vulnerable_people",
        &s.films_vulnerable_people,
    );
    t.some(
        "screening.declares_no_biometrics",
        &s.declares_no_biometrics,
    );
    t.some("screening.captures_audio", &s.captures_audio);
    t.some("screening.started_before_dpia", &s.started_before_dpia);
    if a.processing
        .purposes
        .iter()
        .any(|p| p.regime == Regime::PoliceJustice)
    {
        t.some("screening.has_art90_dpia", &s.has_art90_dpia);
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
        t.some("screening.has_fria", &s.has_fria);
    }
    for over in &s.overrides {
        t.text(
            &format!("screening.overrides[{}]", over.criterion_id),
            &over.reason,
        );
    }
    t.step
}

fn processing(a: &Assessment, kb: &KnowledgeBase) -> StepCompleteness {
    let p = &a.processing;
    let mut t = Tally::new("processing");
    t.text("processing.description", &p.description);
    t.need("processing.purposes", !p.purposes.is_empty());
    t.some("processing.has_register_entry", &p.has_register_entry);
    for (index, purpose) in p.purposes.iter().enumerate() {
        t.need(
            format!("processing.purposes[{index}].regime"),
            purpose.regime != Regime::Undetermined,
        );
        t.need(
            format!("processing.purposes[{index}].legal_basis"),
            purpose.legal_basis != crate::model::LegalBasis::Undetermined,
        );
    }
    t.need(
        "processing.actors",
        p.actors.iter().any(|a| a.role == ActorRole::Controller),
    );
    for (index, actor) in p.actors.iter().enumerate() {
        if actor.role == ActorRole::Processor {
            t.need(
                format!("processing.actors[{index}].is_outside_eu"),
                actor.is_outside_eu.is_some(),
            );
        }
    }
    if super::safeguards::needs_sensitive_necessity(a, kb) {
        t.text(
            "processing.sensitive_data_necessity",
            &p.sensitive_data_necessity,
        );
    }
    t.need("processing.data_categories", !p.data_categories.is_empty());
    t.need("processing.data_subjects", !p.data_subjects.is_empty());
    t.text("processing.lifecycle", &p.lifecycle);
    t.need(
        "processing.supporting_assets",
        !p.supporting_assets.is_empty(),
    );
    t.step
}

fn video_system(a: &Assessment, kb: &KnowledgeBase) -> StepCompleteness {
    let v = &a.video_system;
    let mut t = Tally::new("video_system");
    let coupled = a.cameras.iter().any(|c| c.is_analytics_coupled);
    t.text(
        "video_system.authorisation.reference",
        &v.authorisation.reference,
    );
    t.some(
        "video_system.authorisation.granted_on",
        &v.authorisation.granted_on,
    );
    t.some(
        "video_system.authorisation.authorised_retention_days",
        &v.authorisation.authorised_retention_days,
    );
    for o in v.orders().into_iter().skip(1) {
        t.need(o.field("reference"), !o.order.reference.trim().is_empty());
        t.need(o.field("granted_on"), o.order.granted_on.is_some());
    }
    if a.cameras.iter().any(|c| c.is_third_party()) {
        t.some(
            "video_system.third_party.has_joint_arrangement",
            &v.third_party.has_joint_arrangement,
        );
        t.text("video_system.third_party.basis", &v.third_party.basis);
    }
    t.some("video_system.image_retention_days", &v.image_retention_days);
    if coupled {
        t.some(
            "video_system.metadata_retention_days",
            &v.metadata_retention_days,
        );
        t.need(
            "video_system.software",
            !v.software.vendor.trim().is_empty() && !v.software.product.trim().is_empty(),
        );
        t.some(
            "video_system.searches.has_search_logs",
            &v.searches.has_search_logs,
        );
        t.some(
            "video_system.searches.has_sensitive_attribute_filters",
            &v.searches.has_sensitive_attribute_filters,
        );
        t.some(
            "video_system.authorisation.is_analytics_declared",
            &v.authorisation.is_analytics_declared,
        );
        t.some(
            "video_system.software.version_installed_on",
            &v.software.version_installed_on,
        );
        t.some(
            "video_system.control_centre.are_operators_trained",
            &v.control_centre.are_operators_trained,
        );
        t.some(
            "screening.has_existing_cctv_dpia",
            &a.screening.has_existing_cctv_dpia,
        );
    }
    let attributes_usable = a
        .capability(crate::knowledge::ids::capability::K03_ATTRIBUTE_SEARCH)
        .is_some_and(|r| r.is_usable());
    if attributes_usable {
        t.some(
            "video_system.searches.has_body_inferred_filters",
            &v.searches.has_body_inferred_filters,
        );
    }
    if !super::safeguards::held_by_third_party(a).is_empty() {
        t.some(
            "video_system.software.does_contract_forbid_unlock",
            &v.software.does_contract_forbid_unlock,
        );
    }
    let centre = &v.control_centre;
    if centre.has_access_logs == Some(true) || v.searches.has_search_logs == Some(true) {
        t.some(
            "video_system.control_centre.log_retention_days",
            &centre.log_retention_days,
        );
    }
    t.some(
        "video_system.control_centre.films_staff",
        &centre.films_staff,
    );
    t.some(
        "video_system.control_centre.has_live_transmission",
        &centre.has_live_transmission,
    );
    if centre.has_live_transmission == Some(true) {
        t.text(
            "video_system.control_centre.live_transmission_basis",
            &centre.live_transmission_basis,
        );
    }
    let rights = &v.access_rights;
    t.text("video_system.access_rights.contact", &rights.contact);
    t.some(
        "video_system.access_rights.checks_identity",
        &rights.checks_identity,
    );
    t.some(
        "video_system.access_rights.answers_within_month",
        &rights.answers_within_month,
    );
    t.some(
        "video_system.access_rights.masks_third_parties",
        &rights.masks_third_parties,
    );
    t.some(
        "video_system.access_rights.documents_refusal_grounds",
        &rights.documents_refusal_grounds,
    );
    if v.statistics.is_used == Some(true) {
        t.some(
            "video_system.statistics.is_output_aggregated",
            &v.statistics.is_output_aggregated,
        );
    }
    if v.searches.is_requisition_only == Some(true) {
        t.some(
            "video_system.searches.has_requisition_register",
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
            "video_system.searches.has_plate_database",
            &v.searches.has_plate_database,
        );
    }
    t.text("video_system.operating_hours", &v.operating_hours);
    t.text("video_system.coverage", &v.coverage);
    let info = &v.public_information;
    t.some("video_system.public_information.has_signs", &info.has_signs);
    if info.has_signs == Some(true) {
        t.some(
            "video_system.public_information.signs_have_pictogram",
            &info.signs_have_pictogram,
        );
        t.some(
            "video_system.public_information.signs_have_contact",
            &info.signs_have_contact,
        );
    }
    t.some(
        "video_system.public_information.has_second_layer_notice",
        &info.has_second_layer_notice,
    );
    t.some("video_system.statistics.is_used", &v.statistics.is_used);
    if v.statistics.is_used == Some(true) {
        t.some(
            "video_system.public_information.notice_mentions_statistics",
            &info.notice_mentions_statistics,
        );
        t.some(
            "video_system.statistics.module_has_image_access",
            &v.statistics.module_has_image_access,
        );
    }
    let centre = &v.control_centre;
    t.some(
        "video_system.control_centre.are_operators_habilitated",
        &centre.are_operators_habilitated,
    );
    t.some(
        "video_system.control_centre.has_access_logs",
        &centre.has_access_logs,
    );
    t.some(
        "video_system.control_centre.has_recordings_register",
        &centre.has_recordings_register,
    );
    t.some(
        "video_system.searches.is_requisition_only",
        &v.searches.is_requisition_only,
    );
    t.need("cameras", !a.cameras.is_empty());
    for def in &kb.capabilities {
        let id = def.id.as_str();
        let record = a.capability(id);
        let presence = record.map_or(Presence::Unknown, |r| r.presence);
        t.need(
            format!("capabilities[{id}].presence"),
            presence != Presence::Unknown,
        );
        if let Some(record) = record.filter(|r| r.is_present()) {
            t.need(
                format!("capabilities[{id}].state"),
                record.state != CapabilityState::Unknown,
            );
            if record.state != CapabilityState::Enabled {
                t.need(
                    format!("capabilities[{id}].unlock_holder"),
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
            format!("risks[{id}].severity"),
            risk.initial_cell().is_some(),
        );
        t.need(
            format!("risks[{id}].residual"),
            risk.residual_cell().is_some(),
        );
        t.text(&format!("risks[{id}].justification"), &risk.justification);
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
        t.text(&format!("measures[{id}].owner"), &measure.owner);
        t.some(&format!("measures[{id}].deadline"), &measure.deadline);
    }
    t.step
}

fn opinions(a: &Assessment, screening: &ScreeningResult) -> StepCompleteness {
    let o = &a.opinions;
    let mut t = Tally::new("opinions");
    t.text("opinions.dpo_opinion", &o.dpo_opinion);
    t.some("opinions.dpo_conclusion", &o.dpo_conclusion);
    t.some(
        "opinions.were_data_subjects_consulted",
        &o.were_data_subjects_consulted,
    );
    t.text("opinions.data_subjects_views", &o.data_subjects_views);
    t.some("opinions.decision", &o.decision);
    t.need("opinions.signatures", !o.signatures.is_empty());
    // The consultation is answered once it is filed (or said not filed), or, where the law
    // leaves it to the controller (LIL art. 90 2°, a maximum residual severity), reasoned away.
    let is_asked = super::consultation::ground(a, screening).is_some()
        || !super::consultation::severe_residual_risks(a).is_empty();
    if is_asked {
        let c = &o.prior_consultation;
        t.need(
            "opinions.prior_consultation",
            c.is_filed.is_some() || c.is_decided_not_needed(),
        );
    }
    t.step
}
