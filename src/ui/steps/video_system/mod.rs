//! Step 3 — Video system: the system's answers (authorisation, retention, public information,
//! right of access, control centre, analytics software, statistics, searches), one function per section here;
//! then its camera inventory, the site plans, the capability checklist and the evidence locker,
//! each in its own module.

mod capabilities;
mod evidence;
pub mod inventory;
mod inventory_csv;
mod inventory_table;
mod orders;
pub mod plan_background;
pub mod plan_canvas;
mod plan_tools;
pub mod plans;

use super::StepCtx;
use crate::model::{
    AccessRights, AnalyticsSoftware, Assessment, ControlCentre, PublicInformation, SearchInitiator,
    SearchPolicy, StatisticsUse, VideoSystem,
};
use crate::ui::date_field::date_ui;
use crate::ui::widgets::{
    field_ui, lines_ui, multiline_ui, number_ui, subheading_ui, text_ui, yes_no_ui,
};

/// Draws the step: the system's answers section by section, then the camera inventory, the
/// capabilities and the evidence locker.
pub fn ui(ui: &mut egui::Ui, cx: &mut StepCtx, a: &mut Assessment) {
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
    inventory::inventory_ui(ui, cx, a);
    plans::plans_ui(ui, cx, a);
    capabilities::capabilities_ui(ui, cx, a);
    evidence::evidence_ui(ui, cx, a);
}

/// How long images and metadata are kept, and when and where the cameras film.
fn retention_ui(ui: &mut egui::Ui, cx: &StepCtx, v: &mut VideoSystem) {
    let days = cx.t("ui.days");
    subheading_ui(ui, &cx.t("dossier.retention"));
    number_ui(
        ui,
        cx,
        "video_system.image_retention_days",
        &cx.t("field.video_system.image_retention_days"),
        &mut v.image_retention_days,
        &days,
    );
    number_ui(
        ui,
        cx,
        "video_system.metadata_retention_days",
        &cx.t("field.video_system.metadata_retention_days"),
        &mut v.metadata_retention_days,
        &days,
    );
    text_ui(
        ui,
        cx,
        "video_system.operating_hours",
        &cx.t("field.video_system.operating_hours"),
        &mut v.operating_hours,
    );
    text_ui(
        ui,
        cx,
        "video_system.coverage",
        &cx.t("dossier.coverage"),
        &mut v.coverage,
    );
}

/// Signs and the second-layer notice that tell the public about cameras and analytics.
fn public_information_ui(ui: &mut egui::Ui, cx: &StepCtx, info: &mut PublicInformation) {
    subheading_ui(ui, &cx.t("dossier.public_information"));
    yes_no_ui(
        ui,
        cx,
        "video_system.public_information.has_signs",
        &cx.t("field.public_information.has_signs"),
        &mut info.has_signs,
    );
    yes_no_ui(
        ui,
        cx,
        "video_system.public_information.signs_have_pictogram",
        &cx.t("dossier.signs_pictogram"),
        &mut info.signs_have_pictogram,
    );
    yes_no_ui(
        ui,
        cx,
        "video_system.public_information.signs_have_contact",
        &cx.t("dossier.signs_contact"),
        &mut info.signs_have_contact,
    );
    yes_no_ui(
        ui,
        cx,
        "video_system.public_information.has_second_layer_notice",
        &cx.t("dossier.second_layer"),
        &mut info.has_second_layer_notice,
    );
    text_ui(
        ui,
        cx,
        "video_system.public_information.notice_location",
        &cx.t("dossier.notice_location"),
        &mut info.notice_location,
    );
    yes_no_ui(
        ui,
        cx,
        "video_system.public_information.notice_mentions_statistics",
        &cx.t("field.public_information.notice_mentions_statistics"),
        &mut info.notice_mentions_statistics,
    );
}

/// The control centre: who watches, when, with which access logs, register and security.
fn control_centre_ui(ui: &mut egui::Ui, cx: &StepCtx, centre: &mut ControlCentre) {
    subheading_ui(ui, &cx.t("field.control_centre.name"));
    text_ui(
        ui,
        cx,
        "video_system.control_centre.name",
        &cx.t("dossier.centre"),
        &mut centre.name,
    );
    text_ui(
        ui,
        cx,
        "video_system.control_centre.hours",
        &cx.t("dossier.hours"),
        &mut centre.hours,
    );
    number_ui(
        ui,
        cx,
        "video_system.control_centre.operator_count",
        &cx.t("dossier.operators"),
        &mut centre.operator_count,
        "",
    );
    yes_no_ui(
        ui,
        cx,
        "video_system.control_centre.are_operators_habilitated",
        &cx.t("dossier.habilitated"),
        &mut centre.are_operators_habilitated,
    );
    yes_no_ui(
        ui,
        cx,
        "video_system.control_centre.has_access_logs",
        &cx.t("dossier.access_logs"),
        &mut centre.has_access_logs,
    );
    number_ui(
        ui,
        cx,
        "video_system.control_centre.log_retention_days",
        &cx.t("field.video_system.control_centre.log_retention_days"),
        &mut centre.log_retention_days,
        &cx.t("ui.days"),
    );
    yes_no_ui(
        ui,
        cx,
        "video_system.control_centre.has_recordings_register",
        &cx.t("dossier.register"),
        &mut centre.has_recordings_register,
    );
    yes_no_ui(
        ui,
        cx,
        "video_system.control_centre.are_operators_trained",
        &cx.t("field.video_system.control_centre.are_operators_trained"),
        &mut centre.are_operators_trained,
    );
    yes_no_ui(
        ui,
        cx,
        "video_system.control_centre.films_staff",
        &cx.t("field.video_system.control_centre.films_staff"),
        &mut centre.films_staff,
    );
    yes_no_ui(
        ui,
        cx,
        "video_system.control_centre.has_live_transmission",
        &cx.t("field.video_system.control_centre.has_live_transmission"),
        &mut centre.has_live_transmission,
    );
    if centre.has_live_transmission == Some(true) {
        text_ui(
            ui,
            cx,
            "video_system.control_centre.live_transmission_basis",
            &cx.t("field.video_system.control_centre.live_transmission_basis"),
            &mut centre.live_transmission_basis,
        );
    }
    multiline_ui(
        ui,
        cx,
        "video_system.control_centre.security",
        &cx.t("dossier.security"),
        &mut centre.security,
    );
}

/// The procedure for the right of access to images: who receives requests, identity check,
/// deadline, masking of third parties, refusal grounds.
fn access_rights_ui(ui: &mut egui::Ui, cx: &StepCtx, rights: &mut AccessRights) {
    subheading_ui(ui, &cx.t("field.video_system.access_rights"));
    text_ui(
        ui,
        cx,
        "video_system.access_rights.contact",
        &cx.t("field.video_system.access_rights.contact"),
        &mut rights.contact,
    );
    for (path, value) in [
        ("checks_identity", &mut rights.checks_identity),
        ("answers_within_month", &mut rights.answers_within_month),
        ("masks_third_parties", &mut rights.masks_third_parties),
        (
            "documents_refusal_grounds",
            &mut rights.documents_refusal_grounds,
        ),
    ] {
        let path = format!("video_system.access_rights.{path}");
        let label = cx.t(&format!("field.{path}"));
        yes_no_ui(ui, cx, &path, &label, value);
    }
}

/// The analytics software: vendor, product, version, licensed modules and hosting.
fn software_ui(ui: &mut egui::Ui, cx: &StepCtx, software: &mut AnalyticsSoftware) {
    subheading_ui(ui, &cx.t("field.software"));
    text_ui(
        ui,
        cx,
        "video_system.software",
        &cx.t("dossier.vendor"),
        &mut software.vendor,
    );
    text_ui(
        ui,
        cx,
        "video_system.software.product",
        &cx.t("ui.product"),
        &mut software.product,
    );
    text_ui(
        ui,
        cx,
        "video_system.software.version",
        &cx.t("ui.version"),
        &mut software.version,
    );
    date_ui(
        ui,
        cx,
        "video_system.software.version_installed_on",
        &cx.t("field.video_system.software.version_installed_on"),
        &mut software.version_installed_on,
    );
    lines_ui(
        ui,
        cx,
        "video_system.software.licensed_modules",
        &cx.t("field.software.licensed_modules"),
        &mut software.licensed_modules,
    );
    text_ui(
        ui,
        cx,
        "video_system.software.hosting",
        &cx.t("dossier.hosting"),
        &mut software.hosting,
    );
    yes_no_ui(
        ui,
        cx,
        "video_system.software.does_contract_forbid_unlock",
        &cx.t("field.video_system.software.does_contract_forbid_unlock"),
        &mut software.does_contract_forbid_unlock,
    );
}

/// Statistics use: whether the module sees images and gives aggregated output only.
fn statistics_ui(ui: &mut egui::Ui, cx: &StepCtx, stats: &mut StatisticsUse) {
    subheading_ui(ui, &cx.t("dossier.statistics"));
    yes_no_ui(
        ui,
        cx,
        "video_system.statistics.is_used",
        &cx.t("dossier.statistics_used"),
        &mut stats.is_used,
    );
    yes_no_ui(
        ui,
        cx,
        "video_system.statistics.module_has_image_access",
        &cx.t("dossier.statistics_image_access"),
        &mut stats.module_has_image_access,
    );
    yes_no_ui(
        ui,
        cx,
        "video_system.statistics.is_output_aggregated",
        &cx.t("dossier.statistics_aggregated"),
        &mut stats.is_output_aggregated,
    );
    multiline_ui(
        ui,
        cx,
        "video_system.statistics.description",
        &cx.t("dossier.description"),
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
        "video_system.searches.is_requisition_only",
        &cx.t("field.searches.is_requisition_only"),
        &mut searches.is_requisition_only,
    );
    // Always shown (nothing moves when « no » is ticked above); answered when recordings are
    // viewed outside requisitions.
    multiline_ui(
        ui,
        cx,
        "video_system.searches.review_purposes",
        &cx.t("field.searches.review_purposes"),
        &mut searches.review_purposes,
    );
    number_ui(
        ui,
        cx,
        "video_system.searches.requisitions_per_year",
        &cx.t("dossier.requisitions_per_year"),
        &mut searches.requisitions_per_year,
        "",
    );
    yes_no_ui(
        ui,
        cx,
        "video_system.searches.has_requisition_register",
        &cx.t("dossier.requisition_register"),
        &mut searches.has_requisition_register,
    );
    yes_no_ui(
        ui,
        cx,
        "video_system.searches.has_search_logs",
        &cx.t("dossier.search_logs"),
        &mut searches.has_search_logs,
    );
    lines_ui(
        ui,
        cx,
        "video_system.searches.attribute_filters",
        &cx.t("dossier.attribute_filters"),
        &mut searches.attribute_filters,
    );
    yes_no_ui(
        ui,
        cx,
        "video_system.searches.has_sensitive_attribute_filters",
        &cx.t("dossier.sensitive_filters"),
        &mut searches.has_sensitive_attribute_filters,
    );
    yes_no_ui(
        ui,
        cx,
        "video_system.searches.has_body_inferred_filters",
        &cx.t("field.video_system.searches.has_body_inferred_filters"),
        &mut searches.has_body_inferred_filters,
    );
    yes_no_ui(
        ui,
        cx,
        "video_system.searches.has_plate_database",
        &cx.t("field.video_system.searches.has_plate_database"),
        &mut searches.has_plate_database,
    );
    text_ui(
        ui,
        cx,
        "video_system.searches.handover",
        &cx.t("dossier.handover"),
        &mut searches.handover,
    );
}

/// Who may start a search in the recordings, one checkbox each.
fn search_initiators_ui(ui: &mut egui::Ui, cx: &StepCtx, searches: &mut SearchPolicy) {
    let lang = cx.lang;
    field_ui(
        ui,
        cx,
        "video_system.searches.initiators",
        &cx.t("dossier.search_initiators"),
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
