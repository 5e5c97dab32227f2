//! Step 3 — Video system: the system's answers (authorisation, retention, public information,
//! right of access, control centre, analytics software, statistics, searches), one function per section here;
//! then its camera inventory, the site plans, the capability checklist and the evidence locker,
//! each in its own module.

use crate::model::path;
mod camera_form;
mod capabilities;
pub(super) mod evidence;
pub mod inventory;
mod inventory_csv;
pub mod inventory_sort;
mod inventory_table;
mod orders;
pub mod plan_background;
pub mod plan_canvas;
mod plan_georef;
mod plan_tools;
pub mod plans;
mod requests;

use super::StepCtx;
use crate::model::{
    AccessRights, AnalyticsSoftware, Assessment, ControlCentre, Part, PublicInformation,
    SearchInitiator, SearchPolicy, StatisticsUse, VideoSystem,
};
use crate::ui::date_field::date_ui;
use crate::ui::widgets::{
    field_ui, lines_ui, multiline_ui, number_ui, subheading_ui, text_ui, yes_no_ui,
};

/// Draws the step: the system's answers section by section, then the camera inventory, the
/// capabilities, the evidence locker and the requests to the prefect.
pub fn ui(ui: &mut egui::Ui, cx: &mut StepCtx, a: &mut Assessment) {
    // The form's width before the wide tables and the plan widen the layout.
    let column = ui.available_width();
    // A contributor's copy shows the parts asked only.
    let request = a.project.contribution.clone();
    let asked = |part: Part| request.as_ref().is_none_or(|c| c.parts.contains(&part));
    if asked(Part::System) {
        let v = &mut a.video_system;
        orders::orders_ui(ui, cx, v);
        retention_ui(ui, cx, v);
        public_information_ui(ui, cx, &mut v.public_information);
        access_rights_ui(ui, cx, &mut v.access_rights);
        control_centre_ui(ui, cx, &mut v.control_centre);
        software_ui(ui, cx, &mut v.software);
        statistics_ui(ui, cx, &mut v.statistics);
        searches_ui(ui, cx, &mut v.searches);
        if a.cameras.iter().any(|c| c.is_third_party()) {
            orders::third_party_ui(ui, cx, &mut a.video_system.third_party);
        }
    }
    if asked(Part::Inventory) {
        inventory::inventory_ui(ui, cx, a);
        plans::plans_ui(ui, cx, a);
    }
    if asked(Part::Capabilities) {
        capabilities::capabilities_ui(ui, cx, a);
    }
    if asked(Part::Evidence) {
        evidence::evidence_ui(ui, cx, a);
    }
    if !asked(Part::System) {
        return;
    }
    // Last: a request gathers the answers above. What each request's entry sheet lacks is read
    // before the answers are borrowed for editing.
    let missing: Vec<Vec<String>> = (0..a.video_system.requests.len())
        .map(|index| {
            crate::documents::authorisation_missing(a, cx.kb, cx.report, cx.lang, cx.today, index)
        })
        .collect();
    ui.scope(|ui| {
        ui.set_max_width(column);
        requests::requests_ui(ui, cx, &mut a.video_system, &missing);
    });
}

/// How long images and metadata are kept, and when and where the cameras film.
fn retention_ui(ui: &mut egui::Ui, cx: &StepCtx, v: &mut VideoSystem) {
    let days = cx.t("ui.days");
    subheading_ui(ui, &cx.t("dossier.retention"));
    number_ui(
        ui,
        cx,
        &path::video_system::IMAGE_RETENTION_DAYS,
        &cx.label(&path::video_system::IMAGE_RETENTION_DAYS),
        &mut v.image_retention_days,
        &days,
    );
    number_ui(
        ui,
        cx,
        &path::video_system::METADATA_RETENTION_DAYS,
        &cx.label(&path::video_system::METADATA_RETENTION_DAYS),
        &mut v.metadata_retention_days,
        &days,
    );
    text_ui(
        ui,
        cx,
        &path::video_system::OPERATING_HOURS,
        &cx.label(&path::video_system::OPERATING_HOURS),
        &mut v.operating_hours,
    );
    text_ui(
        ui,
        cx,
        &path::video_system::COVERAGE,
        &cx.label(&path::video_system::COVERAGE),
        &mut v.coverage,
    );
}

/// Signs and the second-layer notice that tell the public about cameras and analytics.
fn public_information_ui(ui: &mut egui::Ui, cx: &StepCtx, info: &mut PublicInformation) {
    subheading_ui(ui, &cx.t("dossier.public_information"));
    yes_no_ui(
        ui,
        cx,
        &path::video_system::public_information::HAS_SIGNS,
        &cx.label(&path::video_system::public_information::HAS_SIGNS),
        &mut info.has_signs,
    );
    yes_no_ui(
        ui,
        cx,
        &path::video_system::public_information::SIGNS_HAVE_PICTOGRAM,
        &cx.label(&path::video_system::public_information::SIGNS_HAVE_PICTOGRAM),
        &mut info.signs_have_pictogram,
    );
    yes_no_ui(
        ui,
        cx,
        &path::video_system::public_information::SIGNS_HAVE_CONTACT,
        &cx.label(&path::video_system::public_information::SIGNS_HAVE_CONTACT),
        &mut info.signs_have_contact,
    );
    yes_no_ui(
        ui,
        cx,
        &path::video_system::public_information::HAS_SECOND_LAYER_NOTICE,
        &cx.label(&path::video_system::public_information::HAS_SECOND_LAYER_NOTICE),
        &mut info.has_second_layer_notice,
    );
    text_ui(
        ui,
        cx,
        &path::video_system::public_information::NOTICE_LOCATION,
        &cx.label(&path::video_system::public_information::NOTICE_LOCATION),
        &mut info.notice_location,
    );
    yes_no_ui(
        ui,
        cx,
        &path::video_system::public_information::NOTICE_MENTIONS_STATISTICS,
        &cx.label(&path::video_system::public_information::NOTICE_MENTIONS_STATISTICS),
        &mut info.notice_mentions_statistics,
    );
}

/// The control centre: who watches, when, with which access logs, register and security.
fn control_centre_ui(ui: &mut egui::Ui, cx: &StepCtx, centre: &mut ControlCentre) {
    subheading_ui(ui, &cx.label(&path::video_system::control_centre::NAME));
    text_ui(
        ui,
        cx,
        &path::video_system::control_centre::NAME,
        &cx.label(&path::video_system::control_centre::NAME),
        &mut centre.name,
    );
    text_ui(
        ui,
        cx,
        &path::video_system::control_centre::HOURS,
        &cx.label(&path::video_system::control_centre::HOURS),
        &mut centre.hours,
    );
    number_ui(
        ui,
        cx,
        &path::video_system::control_centre::OPERATOR_COUNT,
        &cx.label(&path::video_system::control_centre::OPERATOR_COUNT),
        &mut centre.operator_count,
        "",
    );
    yes_no_ui(
        ui,
        cx,
        &path::video_system::control_centre::ARE_OPERATORS_HABILITATED,
        &cx.label(&path::video_system::control_centre::ARE_OPERATORS_HABILITATED),
        &mut centre.are_operators_habilitated,
    );
    yes_no_ui(
        ui,
        cx,
        &path::video_system::control_centre::HAS_ACCESS_LOGS,
        &cx.label(&path::video_system::control_centre::HAS_ACCESS_LOGS),
        &mut centre.has_access_logs,
    );
    number_ui(
        ui,
        cx,
        &path::video_system::control_centre::LOG_RETENTION_DAYS,
        &cx.label(&path::video_system::control_centre::LOG_RETENTION_DAYS),
        &mut centre.log_retention_days,
        &cx.t("ui.days"),
    );
    yes_no_ui(
        ui,
        cx,
        &path::video_system::control_centre::HAS_RECORDINGS_REGISTER,
        &cx.label(&path::video_system::control_centre::HAS_RECORDINGS_REGISTER),
        &mut centre.has_recordings_register,
    );
    yes_no_ui(
        ui,
        cx,
        &path::video_system::control_centre::ARE_OPERATORS_TRAINED,
        &cx.label(&path::video_system::control_centre::ARE_OPERATORS_TRAINED),
        &mut centre.are_operators_trained,
    );
    yes_no_ui(
        ui,
        cx,
        &path::video_system::control_centre::FILMS_STAFF,
        &cx.label(&path::video_system::control_centre::FILMS_STAFF),
        &mut centre.films_staff,
    );
    yes_no_ui(
        ui,
        cx,
        &path::video_system::control_centre::HAS_LIVE_TRANSMISSION,
        &cx.label(&path::video_system::control_centre::HAS_LIVE_TRANSMISSION),
        &mut centre.has_live_transmission,
    );
    if centre.has_live_transmission == Some(true) {
        text_ui(
            ui,
            cx,
            &path::video_system::control_centre::LIVE_TRANSMISSION_BASIS,
            &cx.label(&path::video_system::control_centre::LIVE_TRANSMISSION_BASIS),
            &mut centre.live_transmission_basis,
        );
    }
    multiline_ui(
        ui,
        cx,
        &path::video_system::control_centre::SECURITY,
        &cx.label(&path::video_system::control_centre::SECURITY),
        &mut centre.security,
    );
}

/// The procedure for the right of access to images: who receives requests, identity check,
/// deadline, masking of third parties, refusal grounds.
fn access_rights_ui(ui: &mut egui::Ui, cx: &StepCtx, rights: &mut AccessRights) {
    subheading_ui(ui, &cx.label(&path::video_system::ACCESS_RIGHTS));
    text_ui(
        ui,
        cx,
        &path::video_system::access_rights::CONTACT,
        &cx.label(&path::video_system::access_rights::CONTACT),
        &mut rights.contact,
    );
    use path::video_system::access_rights::{
        ANSWERS_WITHIN_MONTH, CHECKS_IDENTITY, DOCUMENTS_REFUSAL_GROUNDS, MASKS_THIRD_PARTIES,
    };
    for (path, value) in [
        (CHECKS_IDENTITY, &mut rights.checks_identity),
        (ANSWERS_WITHIN_MONTH, &mut rights.answers_within_month),
        (MASKS_THIRD_PARTIES, &mut rights.masks_third_parties),
        (
            DOCUMENTS_REFUSAL_GROUNDS,
            &mut rights.documents_refusal_grounds,
        ),
    ] {
        let label = cx.label(&path);
        yes_no_ui(ui, cx, &path, &label, value);
    }
}

/// The analytics software: vendor, product, version, licensed modules and hosting.
fn software_ui(ui: &mut egui::Ui, cx: &StepCtx, software: &mut AnalyticsSoftware) {
    subheading_ui(ui, &cx.label(&path::video_system::SOFTWARE));
    text_ui(
        ui,
        cx,
        &path::video_system::SOFTWARE,
        &cx.label(&path::video_system::SOFTWARE),
        &mut software.vendor,
    );
    text_ui(
        ui,
        cx,
        &path::video_system::software::PRODUCT,
        &cx.label(&path::video_system::software::PRODUCT),
        &mut software.product,
    );
    text_ui(
        ui,
        cx,
        &path::video_system::software::VERSION,
        &cx.label(&path::video_system::software::VERSION),
        &mut software.version,
    );
    date_ui(
        ui,
        cx,
        &path::video_system::software::VERSION_INSTALLED_ON,
        &cx.label(&path::video_system::software::VERSION_INSTALLED_ON),
        &mut software.version_installed_on,
    );
    lines_ui(
        ui,
        cx,
        &path::video_system::software::LICENSED_MODULES,
        &cx.label(&path::video_system::software::LICENSED_MODULES),
        &mut software.licensed_modules,
    );
    text_ui(
        ui,
        cx,
        &path::video_system::software::HOSTING,
        &cx.label(&path::video_system::software::HOSTING),
        &mut software.hosting,
    );
    yes_no_ui(
        ui,
        cx,
        &path::video_system::software::DOES_CONTRACT_FORBID_UNLOCK,
        &cx.label(&path::video_system::software::DOES_CONTRACT_FORBID_UNLOCK),
        &mut software.does_contract_forbid_unlock,
    );
}

/// Statistics use: whether the module sees images and gives aggregated output only.
fn statistics_ui(ui: &mut egui::Ui, cx: &StepCtx, stats: &mut StatisticsUse) {
    subheading_ui(ui, &cx.t("dossier.statistics"));
    yes_no_ui(
        ui,
        cx,
        &path::video_system::statistics::IS_USED,
        &cx.label(&path::video_system::statistics::IS_USED),
        &mut stats.is_used,
    );
    yes_no_ui(
        ui,
        cx,
        &path::video_system::statistics::MODULE_HAS_IMAGE_ACCESS,
        &cx.label(&path::video_system::statistics::MODULE_HAS_IMAGE_ACCESS),
        &mut stats.module_has_image_access,
    );
    yes_no_ui(
        ui,
        cx,
        &path::video_system::statistics::IS_OUTPUT_AGGREGATED,
        &cx.label(&path::video_system::statistics::IS_OUTPUT_AGGREGATED),
        &mut stats.is_output_aggregated,
    );
    multiline_ui(
        ui,
        cx,
        &path::video_system::statistics::DESCRIPTION,
        &cx.label(&path::video_system::statistics::DESCRIPTION),
        &mut stats.description,
    );
}

/// Searches in recordings: on requisition or not, their logs, attribute filters and handover.
fn searches_ui(ui: &mut egui::Ui, cx: &StepCtx, searches: &mut SearchPolicy) {
    subheading_ui(ui, &cx.t("dossier.searches"));
    search_initiators_ui(ui, cx, searches);
    yes_no_ui(
        ui,
        cx,
        &path::video_system::searches::IS_REQUISITION_ONLY,
        &cx.label(&path::video_system::searches::IS_REQUISITION_ONLY),
        &mut searches.is_requisition_only,
    );
    // Always shown (nothing moves when « no » is ticked above); answered when recordings are
    // viewed outside requisitions.
    multiline_ui(
        ui,
        cx,
        &path::video_system::searches::REVIEW_PURPOSES,
        &cx.label(&path::video_system::searches::REVIEW_PURPOSES),
        &mut searches.review_purposes,
    );
    number_ui(
        ui,
        cx,
        &path::video_system::searches::REQUISITIONS_PER_YEAR,
        &cx.label(&path::video_system::searches::REQUISITIONS_PER_YEAR),
        &mut searches.requisitions_per_year,
        "",
    );
    yes_no_ui(
        ui,
        cx,
        &path::video_system::searches::HAS_REQUISITION_REGISTER,
        &cx.label(&path::video_system::searches::HAS_REQUISITION_REGISTER),
        &mut searches.has_requisition_register,
    );
    yes_no_ui(
        ui,
        cx,
        &path::video_system::searches::HAS_SEARCH_LOGS,
        &cx.label(&path::video_system::searches::HAS_SEARCH_LOGS),
        &mut searches.has_search_logs,
    );
    lines_ui(
        ui,
        cx,
        &path::video_system::searches::ATTRIBUTE_FILTERS,
        &cx.label(&path::video_system::searches::ATTRIBUTE_FILTERS),
        &mut searches.attribute_filters,
    );
    yes_no_ui(
        ui,
        cx,
        &path::video_system::searches::HAS_SENSITIVE_ATTRIBUTE_FILTERS,
        &cx.label(&path::video_system::searches::HAS_SENSITIVE_ATTRIBUTE_FILTERS),
        &mut searches.has_sensitive_attribute_filters,
    );
    yes_no_ui(
        ui,
        cx,
        &path::video_system::searches::HAS_BODY_INFERRED_FILTERS,
        &cx.label(&path::video_system::searches::HAS_BODY_INFERRED_FILTERS),
        &mut searches.has_body_inferred_filters,
    );
    yes_no_ui(
        ui,
        cx,
        &path::video_system::searches::HAS_PLATE_DATABASE,
        &cx.label(&path::video_system::searches::HAS_PLATE_DATABASE),
        &mut searches.has_plate_database,
    );
    text_ui(
        ui,
        cx,
        &path::video_system::searches::HANDOVER,
        &cx.label(&path::video_system::searches::HANDOVER),
        &mut searches.handover,
    );
}

/// Who may start a search in the recordings, one checkbox each.
fn search_initiators_ui(ui: &mut egui::Ui, cx: &StepCtx, searches: &mut SearchPolicy) {
    let lang = cx.lang;
    field_ui(
        ui,
        cx,
        &path::video_system::searches::INITIATORS,
        &cx.label(&path::video_system::searches::INITIATORS),
        |ui, _label_id| {
            ui.horizontal_wrapped(|ui| {
                for initiator in [
                    SearchInitiator::ControlCentreOperators,
                    SearchInitiator::MunicipalPolice,
                    SearchInitiator::JudicialPoliceOfficers,
                    SearchInitiator::Other,
                ] {
                    let mut is_on = searches.initiators.contains(&initiator);
                    let text =
                        crate::i18n::tr(lang, &format!("enum.search_initiator.{initiator:?}"))
                            .to_owned();
                    if ui.checkbox(&mut is_on, text).changed() {
                        if is_on {
                            searches.initiators.push(initiator);
                            searches.initiators.sort();
                        } else {
                            searches.initiators.retain(|i| *i != initiator);
                        }
                    }
                }
            });
        },
    );
}
