//! The fixed field paths the code names, one constant each, in modules that follow the project
//! file: `video_system::IMAGE_RETENTION_DAYS` is `video_system.image_retention_days`. A path
//! with a record id in it comes from a builder of [`super`] instead.

use super::FieldPath;

/// `cameras`: the inventory.
pub const CAMERAS: FieldPath = FieldPath::fixed("cameras");
/// `capabilities`: the software's capabilities.
pub const CAPABILITIES: FieldPath = FieldPath::fixed("capabilities");
/// `evidence`: the evidence locker.
pub const EVIDENCE: FieldPath = FieldPath::fixed("evidence");
/// `plans`: the site plans.
pub const PLANS: FieldPath = FieldPath::fixed("plans");
/// `risks`: the risks.
pub const RISKS: FieldPath = FieldPath::fixed("risks");
/// `measures`: the measures.
pub const MEASURES: FieldPath = FieldPath::fixed("measures");
/// `screening`: the screening as a whole (its nine criteria).
pub const SCREENING: FieldPath = FieldPath::fixed("screening");
/// `history`: the validated versions and the review circuit.
pub const HISTORY: FieldPath = FieldPath::fixed("history");
/// `answers`.
pub const ANSWERS: FieldPath = FieldPath::fixed("answers");

/// The history's lists.
pub mod history {
    use crate::model::path::FieldPath;
    /// `history.comments`.
    pub const COMMENTS: FieldPath = FieldPath::fixed("history.comments");
    /// `history.transitions`.
    pub const TRANSITIONS: FieldPath = FieldPath::fixed("history.transitions");
    /// `history.versions`.
    pub const VERSIONS: FieldPath = FieldPath::fixed("history.versions");
    /// `history.authors`.
    pub const AUTHORS: FieldPath = FieldPath::fixed("history.authors");
}

/// Paths under `opinions`.
pub mod opinions {
    use super::FieldPath;
    /// `opinions.consulted_people`.
    pub const CONSULTED_PEOPLE: FieldPath = FieldPath::fixed("opinions.consulted_people");
    /// `opinions.data_subjects_favourable`.
    pub const DATA_SUBJECTS_FAVOURABLE: FieldPath =
        FieldPath::fixed("opinions.data_subjects_favourable");
    /// `opinions.data_subjects_views`.
    pub const DATA_SUBJECTS_VIEWS: FieldPath = FieldPath::fixed("opinions.data_subjects_views");
    /// `opinions.decision`.
    pub const DECISION: FieldPath = FieldPath::fixed("opinions.decision");
    /// `opinions.decision_reasons`.
    pub const DECISION_REASONS: FieldPath = FieldPath::fixed("opinions.decision_reasons");
    /// `opinions.dpo_conclusion`.
    pub const DPO_CONCLUSION: FieldPath = FieldPath::fixed("opinions.dpo_conclusion");
    /// `opinions.dpo_opinion`.
    pub const DPO_OPINION: FieldPath = FieldPath::fixed("opinions.dpo_opinion");
    /// `opinions.dpo_opinion_on`.
    pub const DPO_OPINION_ON: FieldPath = FieldPath::fixed("opinions.dpo_opinion_on");
    /// `opinions.prior_consultation`.
    pub const PRIOR_CONSULTATION: FieldPath = FieldPath::fixed("opinions.prior_consultation");
    /// `opinions.signatures`.
    pub const SIGNATURES: FieldPath = FieldPath::fixed("opinions.signatures");
    /// `opinions.were_data_subjects_consulted`.
    pub const WERE_DATA_SUBJECTS_CONSULTED: FieldPath =
        FieldPath::fixed("opinions.were_data_subjects_consulted");
    /// Paths under `opinions.prior_consultation`.
    pub mod prior_consultation {
        use crate::model::path::FieldPath;
        /// `opinions.prior_consultation.filed_on`.
        pub const FILED_ON: FieldPath = FieldPath::fixed("opinions.prior_consultation.filed_on");
        /// `opinions.prior_consultation.is_not_needed`.
        pub const IS_NOT_NEEDED: FieldPath =
            FieldPath::fixed("opinions.prior_consultation.is_not_needed");
        /// `opinions.prior_consultation.not_needed_reason`.
        pub const NOT_NEEDED_REASON: FieldPath =
            FieldPath::fixed("opinions.prior_consultation.not_needed_reason");
        /// `opinions.prior_consultation.reference`.
        pub const REFERENCE: FieldPath = FieldPath::fixed("opinions.prior_consultation.reference");
    }
}
/// Paths under `processing`.
pub mod processing {
    use super::FieldPath;
    /// `processing.actors`.
    pub const ACTORS: FieldPath = FieldPath::fixed("processing.actors");
    /// `processing.data_categories`.
    pub const DATA_CATEGORIES: FieldPath = FieldPath::fixed("processing.data_categories");
    /// `processing.data_subjects`.
    pub const DATA_SUBJECTS: FieldPath = FieldPath::fixed("processing.data_subjects");
    /// `processing.description`.
    pub const DESCRIPTION: FieldPath = FieldPath::fixed("processing.description");
    /// `processing.has_register_entry`.
    pub const HAS_REGISTER_ENTRY: FieldPath = FieldPath::fixed("processing.has_register_entry");
    /// `processing.lifecycle`.
    pub const LIFECYCLE: FieldPath = FieldPath::fixed("processing.lifecycle");
    /// `processing.purposes`.
    pub const PURPOSES: FieldPath = FieldPath::fixed("processing.purposes");
    /// `processing.sensitive_data_necessity`.
    pub const SENSITIVE_DATA_NECESSITY: FieldPath =
        FieldPath::fixed("processing.sensitive_data_necessity");
    /// `processing.supporting_assets`.
    pub const SUPPORTING_ASSETS: FieldPath = FieldPath::fixed("processing.supporting_assets");
}
/// Paths under `project`.
pub mod project {
    /// `project.trusted_files`.
    pub const TRUSTED_FILES: crate::model::path::FieldPath =
        crate::model::path::FieldPath::fixed("project.trusted_files");
    use super::FieldPath;
    /// `project.authors`.
    pub const AUTHORS: FieldPath = FieldPath::fixed("project.authors");
    /// `project.contribution`: the request a contributor's copy carries.
    pub const CONTRIBUTION: FieldPath = FieldPath::fixed("project.contribution");
    /// `project.confidentiality`.
    pub const CONFIDENTIALITY: FieldPath = FieldPath::fixed("project.confidentiality");
    /// `project.consultant`.
    pub const CONSULTANT: FieldPath = FieldPath::fixed("project.consultant");
    /// `project.created_on`.
    pub const CREATED_ON: FieldPath = FieldPath::fixed("project.created_on");
    /// `project.deployment_stage`.
    pub const DEPLOYMENT_STAGE: FieldPath = FieldPath::fixed("project.deployment_stage");
    /// `project.dossier_language`.
    pub const DOSSIER_LANGUAGE: FieldPath = FieldPath::fixed("project.dossier_language");
    /// `project.dpo_contact`.
    pub const DPO_CONTACT: FieldPath = FieldPath::fixed("project.dpo_contact");
    /// `project.dpo_name`.
    pub const DPO_NAME: FieldPath = FieldPath::fixed("project.dpo_name");
    /// `project.imported_notes`.
    pub const IMPORTED_NOTES: FieldPath = FieldPath::fixed("project.imported_notes");
    /// `project.last_review_on`.
    pub const LAST_REVIEW_ON: FieldPath = FieldPath::fixed("project.last_review_on");
    /// `project.organisation`.
    pub const ORGANISATION: FieldPath = FieldPath::fixed("project.organisation");
    /// `project.organisation_contact`.
    pub const ORGANISATION_CONTACT: FieldPath = FieldPath::fixed("project.organisation_contact");
    /// `project.organisation_kind`.
    pub const ORGANISATION_KIND: FieldPath = FieldPath::fixed("project.organisation_kind");
    /// `project.review_due_on`.
    pub const REVIEW_DUE_ON: FieldPath = FieldPath::fixed("project.review_due_on");
    /// `project.status`.
    pub const STATUS: FieldPath = FieldPath::fixed("project.status");
    /// `project.title`.
    pub const TITLE: FieldPath = FieldPath::fixed("project.title");
    /// `project.updated_on`.
    pub const UPDATED_ON: FieldPath = FieldPath::fixed("project.updated_on");
    /// `project.version`.
    pub const VERSION: FieldPath = FieldPath::fixed("project.version");
}
/// Paths under `screening`.
pub mod screening {
    use super::FieldPath;
    /// `screening.captures_audio`.
    pub const CAPTURES_AUDIO: FieldPath = FieldPath::fixed("screening.captures_audio");
    /// `screening.declares_no_biometrics`.
    pub const DECLARES_NO_BIOMETRICS: FieldPath =
        FieldPath::fixed("screening.declares_no_biometrics");
    /// `screening.films_public_space`.
    pub const FILMS_PUBLIC_SPACE: FieldPath = FieldPath::fixed("screening.films_public_space");
    /// `screening.films_vulnerable_people`.
    pub const FILMS_VULNERABLE_PEOPLE: FieldPath =
        FieldPath::fixed("screening.films_vulnerable_people");
    /// `screening.has_art90_dpia`.
    pub const HAS_ART90_DPIA: FieldPath = FieldPath::fixed("screening.has_art90_dpia");
    /// `screening.has_automated_decisions`.
    pub const HAS_AUTOMATED_DECISIONS: FieldPath =
        FieldPath::fixed("screening.has_automated_decisions");
    /// `screening.has_data_matching`.
    pub const HAS_DATA_MATCHING: FieldPath = FieldPath::fixed("screening.has_data_matching");
    /// `screening.has_existing_cctv_dpia`.
    pub const HAS_EXISTING_CCTV_DPIA: FieldPath =
        FieldPath::fixed("screening.has_existing_cctv_dpia");
    /// `screening.has_fria`.
    pub const HAS_FRIA: FieldPath = FieldPath::fixed("screening.has_fria");
    /// `screening.is_large_scale`.
    pub const IS_LARGE_SCALE: FieldPath = FieldPath::fixed("screening.is_large_scale");
    /// `screening.overrides`.
    pub const OVERRIDES: FieldPath = FieldPath::fixed("screening.overrides");
    /// `screening.scale_duration`.
    pub const SCALE_DURATION: FieldPath = FieldPath::fixed("screening.scale_duration");
    /// `screening.scale_extent`.
    pub const SCALE_EXTENT: FieldPath = FieldPath::fixed("screening.scale_extent");
    /// `screening.scale_people`.
    pub const SCALE_PEOPLE: FieldPath = FieldPath::fixed("screening.scale_people");
    /// `screening.started_before_dpia`.
    pub const STARTED_BEFORE_DPIA: FieldPath = FieldPath::fixed("screening.started_before_dpia");
}
/// Paths under `video_system`.
pub mod video_system {
    use super::FieldPath;
    /// `video_system.access_rights`.
    pub const ACCESS_RIGHTS: FieldPath = FieldPath::fixed("video_system.access_rights");
    /// `video_system.authorisation`.
    pub const AUTHORISATION: FieldPath = FieldPath::fixed("video_system.authorisation");
    /// `video_system.coverage`.
    pub const COVERAGE: FieldPath = FieldPath::fixed("video_system.coverage");
    /// `video_system.further_authorisations`.
    pub const FURTHER_AUTHORISATIONS: FieldPath =
        FieldPath::fixed("video_system.further_authorisations");
    /// `video_system.requests`.
    pub const REQUESTS: FieldPath = FieldPath::fixed("video_system.requests");
    /// `video_system.image_retention_days`.
    pub const IMAGE_RETENTION_DAYS: FieldPath =
        FieldPath::fixed("video_system.image_retention_days");
    /// `video_system.metadata_retention_days`.
    pub const METADATA_RETENTION_DAYS: FieldPath =
        FieldPath::fixed("video_system.metadata_retention_days");
    /// `video_system.operating_hours`.
    pub const OPERATING_HOURS: FieldPath = FieldPath::fixed("video_system.operating_hours");
    /// `video_system.software`.
    pub const SOFTWARE: FieldPath = FieldPath::fixed("video_system.software");
    /// Paths under `video_system.access_rights`.
    pub mod access_rights {
        use crate::model::path::FieldPath;
        /// `video_system.access_rights.answers_within_month`.
        pub const ANSWERS_WITHIN_MONTH: FieldPath =
            FieldPath::fixed("video_system.access_rights.answers_within_month");
        /// `video_system.access_rights.checks_identity`.
        pub const CHECKS_IDENTITY: FieldPath =
            FieldPath::fixed("video_system.access_rights.checks_identity");
        /// `video_system.access_rights.contact`.
        pub const CONTACT: FieldPath = FieldPath::fixed("video_system.access_rights.contact");
        /// `video_system.access_rights.documents_refusal_grounds`.
        pub const DOCUMENTS_REFUSAL_GROUNDS: FieldPath =
            FieldPath::fixed("video_system.access_rights.documents_refusal_grounds");
        /// `video_system.access_rights.masks_third_parties`.
        pub const MASKS_THIRD_PARTIES: FieldPath =
            FieldPath::fixed("video_system.access_rights.masks_third_parties");
    }
    /// Paths under `video_system.authorisation`.
    pub mod authorisation {
        use crate::model::path::FieldPath;
        /// `video_system.authorisation.authorised_camera_count`.
        pub const AUTHORISED_CAMERA_COUNT: FieldPath =
            FieldPath::fixed("video_system.authorisation.authorised_camera_count");
        /// `video_system.authorisation.authorised_perimeters`.
        pub const AUTHORISED_PERIMETERS: FieldPath =
            FieldPath::fixed("video_system.authorisation.authorised_perimeters");
        /// `video_system.authorisation.authorised_purposes`.
        pub const AUTHORISED_PURPOSES: FieldPath =
            FieldPath::fixed("video_system.authorisation.authorised_purposes");
        /// `video_system.authorisation.authorised_retention_days`.
        pub const AUTHORISED_RETENTION_DAYS: FieldPath =
            FieldPath::fixed("video_system.authorisation.authorised_retention_days");
        /// `video_system.authorisation.granted_on`.
        pub const GRANTED_ON: FieldPath = FieldPath::fixed("video_system.authorisation.granted_on");
        /// `video_system.authorisation.is_analytics_declared`.
        pub const IS_ANALYTICS_DECLARED: FieldPath =
            FieldPath::fixed("video_system.authorisation.is_analytics_declared");
        /// `video_system.authorisation.reference`.
        pub const REFERENCE: FieldPath = FieldPath::fixed("video_system.authorisation.reference");
    }
    /// Paths under `video_system.control_centre`.
    pub mod control_centre {
        use crate::model::path::FieldPath;
        /// `video_system.control_centre.are_operators_habilitated`.
        pub const ARE_OPERATORS_HABILITATED: FieldPath =
            FieldPath::fixed("video_system.control_centre.are_operators_habilitated");
        /// `video_system.control_centre.are_operators_trained`.
        pub const ARE_OPERATORS_TRAINED: FieldPath =
            FieldPath::fixed("video_system.control_centre.are_operators_trained");
        /// `video_system.control_centre.films_staff`.
        pub const FILMS_STAFF: FieldPath =
            FieldPath::fixed("video_system.control_centre.films_staff");
        /// `video_system.control_centre.has_access_logs`.
        pub const HAS_ACCESS_LOGS: FieldPath =
            FieldPath::fixed("video_system.control_centre.has_access_logs");
        /// `video_system.control_centre.has_live_transmission`.
        pub const HAS_LIVE_TRANSMISSION: FieldPath =
            FieldPath::fixed("video_system.control_centre.has_live_transmission");
        /// `video_system.control_centre.has_recordings_register`.
        pub const HAS_RECORDINGS_REGISTER: FieldPath =
            FieldPath::fixed("video_system.control_centre.has_recordings_register");
        /// `video_system.control_centre.hours`.
        pub const HOURS: FieldPath = FieldPath::fixed("video_system.control_centre.hours");
        /// `video_system.control_centre.live_transmission_basis`.
        pub const LIVE_TRANSMISSION_BASIS: FieldPath =
            FieldPath::fixed("video_system.control_centre.live_transmission_basis");
        /// `video_system.control_centre.log_retention_days`.
        pub const LOG_RETENTION_DAYS: FieldPath =
            FieldPath::fixed("video_system.control_centre.log_retention_days");
        /// `video_system.control_centre.name`.
        pub const NAME: FieldPath = FieldPath::fixed("video_system.control_centre.name");
        /// `video_system.control_centre.operator_count`.
        pub const OPERATOR_COUNT: FieldPath =
            FieldPath::fixed("video_system.control_centre.operator_count");
        /// `video_system.control_centre.security`.
        pub const SECURITY: FieldPath = FieldPath::fixed("video_system.control_centre.security");
    }
    /// Paths under `video_system.public_information`.
    pub mod public_information {
        use crate::model::path::FieldPath;
        /// `video_system.public_information.has_second_layer_notice`.
        pub const HAS_SECOND_LAYER_NOTICE: FieldPath =
            FieldPath::fixed("video_system.public_information.has_second_layer_notice");
        /// `video_system.public_information.has_signs`.
        pub const HAS_SIGNS: FieldPath =
            FieldPath::fixed("video_system.public_information.has_signs");
        /// `video_system.public_information.notice_location`.
        pub const NOTICE_LOCATION: FieldPath =
            FieldPath::fixed("video_system.public_information.notice_location");
        /// `video_system.public_information.notice_mentions_statistics`.
        pub const NOTICE_MENTIONS_STATISTICS: FieldPath =
            FieldPath::fixed("video_system.public_information.notice_mentions_statistics");
        /// `video_system.public_information.signs_have_contact`.
        pub const SIGNS_HAVE_CONTACT: FieldPath =
            FieldPath::fixed("video_system.public_information.signs_have_contact");
        /// `video_system.public_information.signs_have_pictogram`.
        pub const SIGNS_HAVE_PICTOGRAM: FieldPath =
            FieldPath::fixed("video_system.public_information.signs_have_pictogram");
    }
    /// Paths under `video_system.searches`.
    pub mod searches {
        use crate::model::path::FieldPath;
        /// `video_system.searches.attribute_filters`.
        pub const ATTRIBUTE_FILTERS: FieldPath =
            FieldPath::fixed("video_system.searches.attribute_filters");
        /// `video_system.searches.handover`.
        pub const HANDOVER: FieldPath = FieldPath::fixed("video_system.searches.handover");
        /// `video_system.searches.has_body_inferred_filters`.
        pub const HAS_BODY_INFERRED_FILTERS: FieldPath =
            FieldPath::fixed("video_system.searches.has_body_inferred_filters");
        /// `video_system.searches.has_plate_database`.
        pub const HAS_PLATE_DATABASE: FieldPath =
            FieldPath::fixed("video_system.searches.has_plate_database");
        /// `video_system.searches.has_requisition_register`.
        pub const HAS_REQUISITION_REGISTER: FieldPath =
            FieldPath::fixed("video_system.searches.has_requisition_register");
        /// `video_system.searches.has_search_logs`.
        pub const HAS_SEARCH_LOGS: FieldPath =
            FieldPath::fixed("video_system.searches.has_search_logs");
        /// `video_system.searches.has_sensitive_attribute_filters`.
        pub const HAS_SENSITIVE_ATTRIBUTE_FILTERS: FieldPath =
            FieldPath::fixed("video_system.searches.has_sensitive_attribute_filters");
        /// `video_system.searches.initiators`.
        pub const INITIATORS: FieldPath = FieldPath::fixed("video_system.searches.initiators");
        /// `video_system.searches.is_requisition_only`.
        pub const IS_REQUISITION_ONLY: FieldPath =
            FieldPath::fixed("video_system.searches.is_requisition_only");
        /// `video_system.searches.requisitions_per_year`.
        pub const REQUISITIONS_PER_YEAR: FieldPath =
            FieldPath::fixed("video_system.searches.requisitions_per_year");
        /// `video_system.searches.review_purposes`.
        pub const REVIEW_PURPOSES: FieldPath =
            FieldPath::fixed("video_system.searches.review_purposes");
    }
    /// Paths under `video_system.software`.
    pub mod software {
        use crate::model::path::FieldPath;
        /// `video_system.software.does_contract_forbid_unlock`.
        pub const DOES_CONTRACT_FORBID_UNLOCK: FieldPath =
            FieldPath::fixed("video_system.software.does_contract_forbid_unlock");
        /// `video_system.software.hosting`.
        pub const HOSTING: FieldPath = FieldPath::fixed("video_system.software.hosting");
        /// `video_system.software.licensed_modules`.
        pub const LICENSED_MODULES: FieldPath =
            FieldPath::fixed("video_system.software.licensed_modules");
        /// `video_system.software.product`.
        pub const PRODUCT: FieldPath = FieldPath::fixed("video_system.software.product");
        /// `video_system.software.version`.
        pub const VERSION: FieldPath = FieldPath::fixed("video_system.software.version");
        /// `video_system.software.version_installed_on`.
        pub const VERSION_INSTALLED_ON: FieldPath =
            FieldPath::fixed("video_system.software.version_installed_on");
    }
    /// Paths under `video_system.statistics`.
    pub mod statistics {
        use crate::model::path::FieldPath;
        /// `video_system.statistics.description`.
        pub const DESCRIPTION: FieldPath = FieldPath::fixed("video_system.statistics.description");
        /// `video_system.statistics.is_output_aggregated`.
        pub const IS_OUTPUT_AGGREGATED: FieldPath =
            FieldPath::fixed("video_system.statistics.is_output_aggregated");
        /// `video_system.statistics.is_used`.
        pub const IS_USED: FieldPath = FieldPath::fixed("video_system.statistics.is_used");
        /// `video_system.statistics.module_has_image_access`.
        pub const MODULE_HAS_IMAGE_ACCESS: FieldPath =
            FieldPath::fixed("video_system.statistics.module_has_image_access");
    }
    /// Paths under `video_system.third_party`.
    pub mod third_party {
        use crate::model::path::FieldPath;
        /// `video_system.third_party.basis`.
        pub const BASIS: FieldPath = FieldPath::fixed("video_system.third_party.basis");
        /// `video_system.third_party.has_joint_arrangement`.
        pub const HAS_JOINT_ARRANGEMENT: FieldPath =
            FieldPath::fixed("video_system.third_party.has_joint_arrangement");
    }
}
