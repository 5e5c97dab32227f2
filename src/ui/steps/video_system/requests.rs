//! The video-system step's requests to the prefect: each request's kind and the order it
//! follows, what it asks (perimeters, purposes, retention, coupling), what only the request
//! holds (installer, maintainer, police contact, the site's risks, the instructions to
//! operators), and where it stands — filed, granted with its order (recorded among the orders
//! with a click), refused. The request's file itself is a document of the Dossier step.

use egui::RichText;

use crate::edit::Edit;
use crate::model::{path, AuthorisationRequest, RequestKind, RequestStatus, VideoSystem};
use crate::ui::action::Action;
use crate::ui::ctx::Ctx;
use crate::ui::date_field::date_ui;
use crate::ui::widgets::{
    choice_ui, field_ui, lines_ui, multiline_ui, number_ui, subheading_ui, text_ui, yes_no_ui,
};

/// Every request, each removable, with what its entry sheet still lacks (`missing`, per
/// request), and a button to prepare one from the AIPD.
pub(super) fn requests_ui(
    ui: &mut egui::Ui,
    cx: &mut Ctx,
    v: &mut VideoSystem,
    missing: &[Vec<String>],
) {
    subheading_ui(ui, &cx.t("ui.request.heading"));
    ui.label(RichText::new(cx.t("ui.request.intro")).small().weak());
    let mut removed = None;
    let mut recorded = None;
    for (index, request) in v.requests.iter_mut().enumerate() {
        ui.separator();
        ui.horizontal(|ui| {
            let number = (index + 1).to_string();
            let kind = cx.t(&format!("enum.request_kind.{:?}", request.kind));
            let title = cx.tw("ui.request.title", &[("number", &number), ("kind", &kind)]);
            ui.label(RichText::new(title).strong());
            if ui.button(cx.t("ui.request.remove")).clicked() {
                removed = Some(index);
            }
        });
        ui.push_id(("request", index), |ui| {
            if request_ui(ui, cx, request, index) {
                recorded = Some(index);
            }
        });
        missing_ui(ui, cx, missing.get(index).map_or(&[], Vec::as_slice));
    }
    if let Some(index) = removed {
        cx.actions.push(Action::Edit(Edit::RemoveRequest(index)));
    }
    if let Some(index) = recorded {
        cx.actions.push(Action::Edit(Edit::RecordOrder(index)));
    }
    if ui
        .button(cx.t("ui.request.add"))
        .on_hover_text(cx.t("ui.request.add_help"))
        .clicked()
    {
        cx.actions.push(Action::Edit(Edit::AddRequest));
    }
}

/// What the request's entry sheet still lacks (from the last evaluation), or that it is
/// complete; the file itself is written at step 8.
fn missing_ui(ui: &mut egui::Ui, cx: &Ctx, missing: &[String]) {
    let separator = match cx.lang {
        crate::model::Lang::Fr => "\u{a0}; ",
        crate::model::Lang::En => "; ",
    };
    let text = if missing.is_empty() {
        cx.t("ui.request.complete")
    } else {
        crate::i18n::tr_count(
            cx.lang,
            "ui.request.missing",
            missing.len(),
            &[("items", &missing.join(separator))],
        )
    };
    ui.label(RichText::new(text).small().weak());
}

/// One request's answers; true when « record the order » was clicked.
fn request_ui(ui: &mut egui::Ui, cx: &Ctx, r: &mut AuthorisationRequest, index: usize) -> bool {
    let field = |name: &str| path::request(index, Some(name));
    let label = |name: &str| cx.label(&field(name));
    choice_ui(
        ui,
        cx,
        &field("kind"),
        &label("kind"),
        "request_kind",
        &mut r.kind,
        &RequestKind::ALL,
    );
    if r.kind.follows_an_order() {
        text_ui(
            ui,
            cx,
            &field("current_order"),
            &label("current_order"),
            &mut r.current_order,
        );
    }
    lines_ui(
        ui,
        cx,
        &field("perimeters"),
        &label("perimeters"),
        &mut r.perimeters,
    );
    field_ui(ui, cx, &field("purposes"), &label("purposes"), |ui, id| {
        super::orders::csi_purposes_ui(ui, cx, id, &mut r.purposes);
    });
    text_ui(
        ui,
        cx,
        &field("other_purposes"),
        &label("other_purposes"),
        &mut r.other_purposes,
    );
    number_ui(
        ui,
        cx,
        &field("retention_days"),
        &label("retention_days"),
        &mut r.retention_days,
        &cx.t("ui.days"),
    );
    multiline_ui(
        ui,
        cx,
        &field("retention_reason"),
        &label("retention_reason"),
        &mut r.retention_reason,
    );
    yes_no_ui(
        ui,
        cx,
        &field("declares_analytics"),
        &label("declares_analytics"),
        &mut r.declares_analytics,
    );
    for (name, value) in [
        ("installer", &mut r.installer),
        ("installer_certification", &mut r.installer_certification),
        ("maintainer", &mut r.maintainer),
        ("police_contact", &mut r.police_contact),
    ] {
        text_ui(ui, cx, &field(name), &label(name), value);
    }
    multiline_ui(
        ui,
        cx,
        &field("site_risks"),
        &label("site_risks"),
        &mut r.site_risks,
    );
    multiline_ui(
        ui,
        cx,
        &field("operator_instructions"),
        &label("operator_instructions"),
        &mut r.operator_instructions,
    );
    if r.operator_instructions.trim().is_empty()
        && ui
            .button(cx.t("ui.request.model_instructions"))
            .on_hover_text(cx.t("ui.request.model_instructions_help"))
            .clicked()
    {
        r.operator_instructions = crate::documents::model_instructions(cx.kb);
    }
    lifecycle_ui(ui, cx, r, index)
}

/// Where the request stands; true when « record the order » was clicked.
fn lifecycle_ui(ui: &mut egui::Ui, cx: &Ctx, r: &mut AuthorisationRequest, index: usize) -> bool {
    let field = |name: &str| path::request(index, Some(name));
    let label = |name: &str| cx.label(&field(name));
    choice_ui(
        ui,
        cx,
        &field("status"),
        &label("status"),
        "request_status",
        &mut r.status,
        &RequestStatus::ALL,
    );
    date_ui(
        ui,
        cx,
        &field("filed_on"),
        &label("filed_on"),
        &mut r.filed_on,
    );
    date_ui(
        ui,
        cx,
        &field("decided_on"),
        &label("decided_on"),
        &mut r.decided_on,
    );
    text_ui(
        ui,
        cx,
        &field("granted_order"),
        &label("granted_order"),
        &mut r.granted_order,
    );
    let can_record = r.status == RequestStatus::Granted && !r.granted_order.trim().is_empty();
    ui.add_enabled(
        can_record,
        egui::Button::new(cx.t("ui.request.record_order")),
    )
    .on_hover_text(cx.t("ui.request.record_order_help"))
    .on_disabled_hover_text(cx.t("ui.request.record_order_disabled"))
    .clicked()
}
