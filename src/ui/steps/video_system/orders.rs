//! The video-system step's prefectoral orders — the first one and the further ones (one per
//! perimeter in large cities), each with its dates, retention, perimeters, camera count, purposes
//! and declared coupling — and the questions on third parties' cameras.

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
fn authorisation_ui(ui: &mut egui::Ui, cx: &Ctx, auth: &mut Authorisation, prefix: &str) {
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
fn authorisation_scope_ui(ui: &mut egui::Ui, cx: &Ctx, auth: &mut Authorisation, prefix: &str) {
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
pub(super) fn third_party_ui(ui: &mut egui::Ui, cx: &Ctx, answers: &mut ThirdPartyImages) {
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
