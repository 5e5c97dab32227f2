//! Step 3 — Video system: the system's answers (authorisation, retention, public information,
//! right of access, control centre, analytics software, statistics, searches), one function per section here;
//! then its camera inventory, the site plans, the capability checklist and the evidence locker,
//! each in its own module.

mod capabilities;
mod evidence;
pub mod inventory;
mod inventory_csv;
mod inventory_table;
pub mod plan_background;
pub mod plan_canvas;
pub mod plans;

use egui::RichText;

use super::StepCtx;
use crate::model::{
    AccessRights, AnalyticsSoftware, Assessment, Authorisation, ControlCentre, PublicInformation,
    SearchInitiator, SearchPolicy, StatisticsUse, ThirdPartyImages, VideoSystem,
};
use crate::ui::date_field::date_ui;
use crate::ui::widgets::{
    field_ui, lines_ui, multiline_ui, number_ui, subheading_ui, text_ui, yes_no_ui,
};

/// Draws the step: the system's answers section by section, then the camera inventory, the
/// capabilities and the evidence locker.
pub fn ui(ui: &mut egui::Ui, cx: &mut StepCtx, a: &mut Assessment) {
    let v = &mut a.video_system;
    orders_ui(ui, cx, v);
    retention_ui(ui, cx, v);
    public_information_ui(ui, cx, &mut v.public_information);
    access_rights_ui(ui, cx, &mut v.access_rights);
    control_centre_ui(ui, cx, &mut v.control_centre);
    software_ui(ui, cx, &mut v.software);
    statistics_ui(ui, cx, &mut v.statistics);
    searches_ui(ui, cx, &mut v.searches);
    if a.cameras.iter().any(|c| c.is_third_party()) {
        third_party_ui(ui, cx, &mut a.video_system.third_party);
    }
    inventory::inventory_ui(ui, cx, a);
    plans::plans_ui(ui, cx, a);
    capabilities::capabilities_ui(ui, cx, a);
    evidence::evidence_ui(ui, cx, a);
}

/// Every prefectoral order of the system: the first one, then the further ones (one per
/// perimeter in large cities), each removable, and a button to add one.
fn orders_ui(ui: &mut egui::Ui, cx: &StepCtx, v: &mut VideoSystem) {
    subheading_ui(ui, &cx.t("dossier.authorisation"));
    let several = !v.further_authorisations.is_empty();
    if several {
        ui.label(RichText::new(cx.tw("dossier.order_number", &[("number", "1")])).strong());
    }
    authorisation_ui(ui, cx, &mut v.authorisation, "video_system.authorisation");
    let mut removed = None;
    for (index, order) in v.further_authorisations.iter_mut().enumerate() {
        ui.separator();
        ui.horizontal(|ui| {
            let number = (index + 2).to_string();
            ui.label(RichText::new(cx.tw("dossier.order_number", &[("number", &number)])).strong());
            if ui.button(cx.t("ui.order_remove")).clicked() {
                removed = Some(index);
            }
        });
        let prefix = format!("video_system.further_authorisations[{index}]");
        ui.push_id(&prefix, |ui| authorisation_ui(ui, cx, order, &prefix));
    }
    if let Some(index) = removed {
        v.further_authorisations.remove(index);
    }
    if ui
        .button(cx.t("ui.order_add"))
        .on_hover_text(cx.t("ui.order_add_help"))
        .clicked()
    {
        v.further_authorisations.push(Authorisation::default());
    }
}

/// The prefectoral authorisation: its expiry, the retention and the perimeter it allows.
///
/// `prefix` is where the order's answers live: `video_system.authorisation` for the first one,
/// `video_system.further_authorisations[N]` for the others.
fn authorisation_ui(ui: &mut egui::Ui, cx: &StepCtx, auth: &mut Authorisation, prefix: &str) {
    let days = cx.t("ui.days");
    text_ui(
        ui,
        cx,
        &format!("{prefix}.reference"),
        &cx.t("field.authorisation.reference"),
        &mut auth.reference,
    );
    date_ui(
        ui,
        cx,
        &format!("{prefix}.granted_on"),
        &cx.t("field.authorisation.granted_on"),
        &mut auth.granted_on,
    );
    let mut years = Some(auth.duration_years);
    number_ui(
        ui,
        cx,
        &format!("{prefix}.duration_years"),
        &cx.t("dossier.duration"),
        &mut years,
        &cx.t("ui.years"),
    );
    auth.duration_years = years.unwrap_or(5);
    // Always one line here, so the fields below do not move when the date is typed.
    let expiry = match auth.expires_on() {
        Some(expiry) => cx.tw("ui.expires_on", &[("date", &expiry.display(cx.lang))]),
        None => cx.t("ui.expires_unknown"),
    };
    ui.label(RichText::new(expiry).weak());
    number_ui(
        ui,
        cx,
        &format!("{prefix}.authorised_retention_days"),
        &cx.t("field.authorisation.authorised_retention_days"),
        &mut auth.authorised_retention_days,
        &days,
    );
    yes_no_ui(
        ui,
        cx,
        &format!("{prefix}.is_renewal_filed"),
        &cx.t("dossier.renewal_filed"),
        &mut auth.is_renewal_filed,
    );
    text_ui(
        ui,
        cx,
        &format!("{prefix}.perimeter"),
        &cx.t("dossier.perimeter"),
        &mut auth.perimeter,
    );
    authorisation_scope_ui(ui, cx, auth, prefix);
}

/// What the order covers, to compare with the system: perimeters, camera count, purposes, and
/// whether the analytics coupling was declared.
fn authorisation_scope_ui(ui: &mut egui::Ui, cx: &StepCtx, auth: &mut Authorisation, prefix: &str) {
    lines_ui(
        ui,
        cx,
        &format!("{prefix}.authorised_perimeters"),
        &cx.t("field.video_system.authorisation.authorised_perimeters"),
        &mut auth.authorised_perimeters,
    );
    number_ui(
        ui,
        cx,
        &format!("{prefix}.authorised_camera_count"),
        &cx.t("field.video_system.authorisation.authorised_camera_count"),
        &mut auth.authorised_camera_count,
        &cx.t("ui.camera_unit"),
    );
    let lang = cx.lang;
    field_ui(
        ui,
        cx,
        &format!("{prefix}.authorised_purposes"),
        &cx.t("field.video_system.authorisation.authorised_purposes"),
        |ui, label_id| {
            ui.vertical(|ui| {
                // An order lists the CSI purposes (1° to 11°).
                let csi = crate::model::PurposeKind::ALL
                    .into_iter()
                    .filter(|k| k.csi_number().is_some());
                for kind in csi {
                    let label = cx
                        .kb
                        .purpose(kind)
                        .map_or_else(|| format!("{kind:?}"), |d| d.label.get(lang).to_owned());
                    let mut is_authorised = auth.authorised_purposes.contains(&kind);
                    if ui
                        .checkbox(&mut is_authorised, label)
                        .labelled_by(label_id)
                        .changed()
                    {
                        if is_authorised {
                            auth.authorised_purposes.push(kind);
                        } else {
                            auth.authorised_purposes.retain(|k| *k != kind);
                        }
                    }
                }
            });
        },
    );
    yes_no_ui(
        ui,
        cx,
        &format!("{prefix}.is_analytics_declared"),
        &cx.t("field.video_system.authorisation.is_analytics_declared"),
        &mut auth.is_analytics_declared,
    );
}

/// Cameras a third party operates (named in the inventory): the joint-controller arrangement
/// and the controller's own basis for those images. Shown once the inventory names an operator.
fn third_party_ui(ui: &mut egui::Ui, cx: &StepCtx, answers: &mut ThirdPartyImages) {
    subheading_ui(ui, &cx.t("dossier.third_party"));
    yes_no_ui(
        ui,
        cx,
        "video_system.third_party.has_joint_arrangement",
        &cx.t("field.video_system.third_party.has_joint_arrangement"),
        &mut answers.has_joint_arrangement,
    );
    multiline_ui(
        ui,
        cx,
        "video_system.third_party.basis",
        &cx.t("field.video_system.third_party.basis"),
        &mut answers.basis,
    );
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
