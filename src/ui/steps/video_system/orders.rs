//! The video-system step's prefectoral orders — the first one and the further ones (one per
//! perimeter in large cities), each with its dates, retention, perimeters, camera count, purposes
//! and declared coupling — and the questions on third parties' cameras.

use crate::model::path;
use egui::RichText;

use crate::model::{Authorisation, ThirdPartyImages, VideoSystem};
use crate::ui::ctx::Ctx;
use crate::ui::date_field::date_ui;
use crate::ui::widgets::{
    field_ui, lines_ui, multiline_ui, number_ui, subheading_ui, text_ui, yes_no_ui,
};

/// Every prefectoral order of the system: the first one, then the further ones (one per
/// perimeter in large cities), each removable, and a button to add one.
pub(super) fn orders_ui(ui: &mut egui::Ui, cx: &Ctx, v: &mut VideoSystem) {
    subheading_ui(ui, &cx.t("dossier.authorisation"));
    let several = !v.further_authorisations.is_empty();
    if several {
        ui.label(RichText::new(cx.tw("dossier.order_number", &[("number", "1")])).strong());
    }
    authorisation_ui(ui, cx, &mut v.authorisation, None);
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
        ui.push_id(("order", index), |ui| {
            authorisation_ui(ui, cx, order, Some(index));
        });
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
/// `further` is the order's rank among the further orders, `None` for the first one: its answers
/// live under [`path::order`].
fn authorisation_ui(ui: &mut egui::Ui, cx: &Ctx, auth: &mut Authorisation, further: Option<usize>) {
    let field = |name: &str| path::order(further, Some(name));
    let days = cx.t("ui.days");
    text_ui(
        ui,
        cx,
        &field("reference"),
        &cx.label(&path::video_system::authorisation::REFERENCE),
        &mut auth.reference,
    );
    date_ui(
        ui,
        cx,
        &field("granted_on"),
        &cx.label(&path::video_system::authorisation::GRANTED_ON),
        &mut auth.granted_on,
    );
    let mut years = Some(auth.duration_years);
    number_ui(
        ui,
        cx,
        &field("duration_years"),
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
        &field("authorised_retention_days"),
        &cx.label(&path::video_system::authorisation::AUTHORISED_RETENTION_DAYS),
        &mut auth.authorised_retention_days,
        &days,
    );
    yes_no_ui(
        ui,
        cx,
        &field("is_renewal_filed"),
        &cx.t("dossier.renewal_filed"),
        &mut auth.is_renewal_filed,
    );
    text_ui(
        ui,
        cx,
        &field("perimeter"),
        &cx.t("dossier.perimeter"),
        &mut auth.perimeter,
    );
    authorisation_scope_ui(ui, cx, auth, further);
}

/// What the order covers, to compare with the system: perimeters, camera count, purposes, and
/// whether the analytics coupling was declared.
fn authorisation_scope_ui(
    ui: &mut egui::Ui,
    cx: &Ctx,
    auth: &mut Authorisation,
    further: Option<usize>,
) {
    let field = |name: &str| path::order(further, Some(name));
    lines_ui(
        ui,
        cx,
        &field("authorised_perimeters"),
        &cx.label(&path::video_system::authorisation::AUTHORISED_PERIMETERS),
        &mut auth.authorised_perimeters,
    );
    number_ui(
        ui,
        cx,
        &field("authorised_camera_count"),
        &cx.label(&path::video_system::authorisation::AUTHORISED_CAMERA_COUNT),
        &mut auth.authorised_camera_count,
        &cx.t("ui.camera_unit"),
    );
    field_ui(
        ui,
        cx,
        &field("authorised_purposes"),
        &cx.label(&path::video_system::authorisation::AUTHORISED_PURPOSES),
        |ui, label_id| csi_purposes_ui(ui, cx, label_id, &mut auth.authorised_purposes),
    );
    yes_no_ui(
        ui,
        cx,
        &field("is_analytics_declared"),
        &cx.label(&path::video_system::authorisation::IS_ANALYTICS_DECLARED),
        &mut auth.is_analytics_declared,
    );
}

/// The CSI purposes (1° to 11°) an order or a request lists, a box each.
pub(super) fn csi_purposes_ui(
    ui: &mut egui::Ui,
    cx: &Ctx,
    label_id: egui::Id,
    purposes: &mut Vec<crate::model::PurposeKind>,
) {
    let lang = cx.lang;
    ui.vertical(|ui| {
        let csi = crate::model::PurposeKind::ALL
            .into_iter()
            .filter(|k| k.csi_number().is_some());
        for kind in csi {
            let label = cx
                .kb
                .purpose(kind)
                .map_or_else(|| format!("{kind:?}"), |d| d.label.get(lang).to_owned());
            let mut is_listed = purposes.contains(&kind);
            if ui
                .checkbox(&mut is_listed, label)
                .labelled_by(label_id)
                .changed()
            {
                if is_listed {
                    purposes.push(kind);
                } else {
                    purposes.retain(|k| *k != kind);
                }
            }
        }
    });
}

/// Cameras a third party operates (named in the inventory): the joint-controller arrangement
/// and the controller's own basis for those images. Shown once the inventory names an operator.
pub(super) fn third_party_ui(ui: &mut egui::Ui, cx: &Ctx, answers: &mut ThirdPartyImages) {
    subheading_ui(ui, &cx.t("dossier.third_party"));
    yes_no_ui(
        ui,
        cx,
        &path::video_system::third_party::HAS_JOINT_ARRANGEMENT,
        &cx.label(&path::video_system::third_party::HAS_JOINT_ARRANGEMENT),
        &mut answers.has_joint_arrangement,
    );
    multiline_ui(
        ui,
        cx,
        &path::video_system::third_party::BASIS,
        &cx.label(&path::video_system::third_party::BASIS),
        &mut answers.basis,
    );
}
