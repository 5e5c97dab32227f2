//! Helpers shared by the integration tests.
#![allow(dead_code)]

use gardefou::knowledge::KnowledgeBase;
use gardefou::model::Assessment;

/// The bundled sample assessment.
pub fn sample() -> Assessment {
    match gardefou::sample::sample() {
        Ok(sample) => sample,
        Err(error) => panic!("the bundled sample does not load: {error}"),
    }
}

/// The bundled knowledge base.
pub fn kb() -> KnowledgeBase {
    match KnowledgeBase::bundled() {
        Ok(kb) => kb,
        Err(error) => panic!("bundled templates do not parse: {error}"),
    }
}

use gardefou::model::*;
use gardefou::rules::{self, Report, Severity};

/// A date from `YYYY-MM-DD`.
pub fn day(text: &str) -> Date {
    match text.parse() {
        Ok(date) => date,
        Err(error) => panic!("{error}"),
    }
}

/// A capability record.
pub fn capability(
    id: &str,
    presence: Presence,
    state: CapabilityState,
    holder: UnlockHolder,
) -> CapabilityRecord {
    CapabilityRecord {
        capability_id: CapabilityId::new(id),
        presence,
        state,
        unlock_holder: holder,
        ..CapabilityRecord::default()
    }
}

/// A small, complete, compliant deployment: 12 cameras on the public highway, plain viewing and
/// masking only, every answer given, valid authorisation, retention within the limits. Each
/// rule test changes one fact of it.
pub fn compliant() -> Assessment {
    let mut a = Assessment::default();
    a.project.title = "AIPD".into();
    a.project.organisation = "Commune de Test".into();
    a.project.dpo_name = "DPD".into();
    a.project.authors = vec!["Auteur".into()];
    a.project.version = "1".into();
    a.project.review_due_on = Some(day("2028-01-01"));
    a.processing.purposes = vec![Purpose {
        kind: PurposeKind::Csi1,
        description: "Bâtiments publics".into(),
        regime: Regime::Gdpr,
        legal_basis: LegalBasis::PublicTask,
    }];
    a.video_system.authorisation.reference = "Arrêté 1".into();
    a.video_system.authorisation.granted_on = Some(day("2024-01-10"));
    a.video_system.authorisation.authorised_retention_days = Some(30);
    a.video_system.authorisation.is_renewal_filed = Some(false);
    a.video_system.image_retention_days = Some(15);
    a.video_system.metadata_retention_days = Some(15);
    let info = &mut a.video_system.public_information;
    info.has_signs = Some(true);
    info.signs_have_pictogram = Some(true);
    info.signs_have_contact = Some(true);
    info.has_second_layer_notice = Some(true);
    info.notice_mentions_statistics = Some(true);
    let centre = &mut a.video_system.control_centre;
    centre.are_operators_habilitated = Some(true);
    centre.has_access_logs = Some(true);
    centre.has_recordings_register = Some(true);
    a.video_system.searches.is_requisition_only = Some(true);
    a.video_system.searches.has_search_logs = Some(true);
    a.video_system.searches.has_sensitive_attribute_filters = Some(false);
    a.video_system.statistics.is_used = Some(false);
    a.cameras = (1..=12)
        .map(|n| Camera {
            camera_id: CameraId::new(format!("CAM-{n:02}")),
            perimeter: "Centre".into(),
            purposes: vec![PurposeKind::Csi1],
            ..Camera::default()
        })
        .collect();
    a.capabilities = vec![
        capability(
            "K13",
            Presence::Present,
            CapabilityState::Enabled,
            UnlockHolder::Controller,
        ),
        capability(
            "K16",
            Presence::Present,
            CapabilityState::Enabled,
            UnlockHolder::Controller,
        ),
    ];
    let s = &mut a.screening;
    s.films_public_space = Some(true);
    s.has_automated_decisions = Some(false);
    s.has_data_matching = Some(false);
    s.films_vulnerable_people = Some(false);
    s.declares_no_biometrics = Some(true);
    s.captures_audio = Some(false);
    s.started_before_dpia = Some(false);
    a.opinions.dpo_opinion = "Avis favorable.".into();
    a
}

/// The engine on an assessment, at a date.
pub fn evaluate(a: &Assessment, today: &str) -> Report {
    rules::evaluate(a, &kb(), day(today))
}

/// Severities of the findings of one rule.
pub fn severities(report: &Report, rule_id: &str) -> Vec<Severity> {
    report.by_rule(rule_id).map(|f| f.severity).collect()
}

/// The bundled knowledge base, parsed once per test binary.
pub fn shared_kb() -> &'static KnowledgeBase {
    static KB: std::sync::OnceLock<KnowledgeBase> = std::sync::OnceLock::new();
    KB.get_or_init(kb)
}

/// The sample, parsed once per test binary.
pub fn shared_sample() -> &'static Assessment {
    static SAMPLE: std::sync::OnceLock<Assessment> = std::sync::OnceLock::new();
    SAMPLE.get_or_init(sample)
}

/// The dossier of `a` dated `today`, the project attached as the full version carries it.
pub fn dossier(
    a: &Assessment,
    lang: gardefou::model::Lang,
    is_public: bool,
    today: &str,
) -> gardefou::dossier::Dossier {
    let kb = shared_kb();
    let report = gardefou::rules::evaluate(a, kb, day(today));
    let options = gardefou::dossier::DossierOptions {
        lang,
        is_public,
        today: day(today),
        source_text: Some(gardefou::storage::to_text(a).expect("serialize")),
    };
    gardefou::dossier::build(a, kb, &report, &options)
}

/// What the public version of the sample's dossier must leave out, in every format: a camera's
/// location, an author's name, the control centre's security, an evidence file's path.
pub fn public_secrets(sample: &Assessment) -> Vec<&String> {
    let mut secrets = vec![
        &sample.cameras[0].location,
        &sample.video_system.control_centre.security,
        &sample.evidence[0].path,
    ];
    // Every person's name the sample holds.
    secrets.extend(sample.project.authors.iter());
    secrets.extend(sample.opinions.signatures.iter().map(|s| &s.name));
    secrets
}

/// Takes `session` from a draft through the review circuit to a validated version 1.0, as the
/// DPO and the controller would.
pub fn validate_through_the_circuit(session: &mut gardefou::session::Session) {
    use gardefou::model::ProjectStatus;
    session.assessment.project.status = ProjectStatus::Draft;
    for to in [ProjectStatus::InReview, ProjectStatus::DpoOpinionGiven] {
        session
            .change_status(to, "Claire Vasseur", "")
            .expect("circuit step");
    }
    session.validate("1.0", "Hervé Martin", "").expect("1.0");
}

/// The bundled sample written into `dir` as `commune.aipd.ron` with its documents beside it
/// (the evidence locker's files, the town centre plan's picture); returns the project's path.
pub fn sample_with_documents(dir: &std::path::Path) -> std::path::PathBuf {
    let project = dir.join("commune.aipd.ron");
    std::fs::write(&project, gardefou::sample::TEXT).expect("write the sample");
    for (relative, bytes) in gardefou::sample::EVIDENCE_FILES {
        let target = dir.join(relative);
        std::fs::create_dir_all(target.parent().expect("folder")).expect("mkdir");
        std::fs::write(target, bytes).expect("write evidence");
    }
    project
}
