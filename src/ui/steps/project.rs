//! Step 0 — Project: the cover data of the dossier.

use super::StepCtx;
use crate::model::{Assessment, DeploymentStage, Lang, OrganisationKind};
use crate::ui::date_field::date_ui;
use crate::ui::widgets::{choice_ui, field_ui, lines_ui, subheading_ui, text_ui};

/// Draws the step.
pub fn ui(ui: &mut egui::Ui, cx: &mut StepCtx, a: &mut Assessment) {
    let p = &mut a.project;
    subheading_ui(ui, &cx.t("section.project"));
    text_ui(
        ui,
        cx,
        "project.title",
        &cx.t("field.project.title"),
        &mut p.title,
    );
    text_ui(
        ui,
        cx,
        "project.organisation",
        &cx.t("field.project.organisation"),
        &mut p.organisation,
    );
    choice_ui(
        ui,
        cx,
        "project.organisation_kind",
        &cx.t("field.project.organisation_kind"),
        "organisation_kind",
        &mut p.organisation_kind,
        &[
            OrganisationKind::Commune,
            OrganisationKind::Intercommunality,
            OrganisationKind::OtherPublicBody,
            OrganisationKind::PrivatePublicService,
            OrganisationKind::Private,
        ],
    );
    text_ui(
        ui,
        cx,
        "project.organisation_contact",
        &cx.t("field.project.organisation_contact"),
        &mut p.organisation_contact,
    );
    text_ui(
        ui,
        cx,
        "project.dpo_name",
        &cx.t("field.project.dpo_name"),
        &mut p.dpo_name,
    );
    text_ui(
        ui,
        cx,
        "project.dpo_contact",
        &cx.t("field.project.dpo_contact"),
        &mut p.dpo_contact,
    );
    lines_ui(
        ui,
        cx,
        "project.authors",
        &cx.t("field.project.authors"),
        &mut p.authors,
    );
    text_ui(
        ui,
        cx,
        "project.consultant",
        &cx.t("field.project.consultant"),
        &mut p.consultant,
    );

    subheading_ui(ui, &cx.t("ui.project_state"));
    text_ui(
        ui,
        cx,
        "project.version",
        &cx.t("field.project.version"),
        &mut p.version,
    );
    // The status moves through the review circuit (step 7), not by hand.
    let status = cx.t(&format!("enum.status.{:?}", p.status));
    field_ui(
        ui,
        cx,
        "project.status",
        &cx.t("field.project.status"),
        |ui, _label_id| {
            ui.label(cx.tw("circuit.status_here", &[("status", &status)]));
        },
    );
    choice_ui(
        ui,
        cx,
        "project.deployment_stage",
        &cx.t("field.project.deployment_stage"),
        "deployment_stage",
        &mut p.deployment_stage,
        &[
            DeploymentStage::Unknown,
            DeploymentStage::Planned,
            DeploymentStage::InOperation,
        ],
    );
    date_ui(
        ui,
        cx,
        "project.created_on",
        &cx.t("field.project.created_on"),
        &mut p.created_on,
    );
    date_ui(
        ui,
        cx,
        "project.updated_on",
        &cx.t("field.project.updated_on"),
        &mut p.updated_on,
    );
    date_ui(
        ui,
        cx,
        "project.last_review_on",
        &cx.t("field.project.last_review_on"),
        &mut p.last_review_on,
    );
    date_ui(
        ui,
        cx,
        "project.review_due_on",
        &cx.t("field.project.review_due_on"),
        &mut p.review_due_on,
    );
    choice_ui(
        ui,
        cx,
        "project.dossier_language",
        &cx.t("field.project.dossier_language"),
        "lang",
        &mut p.dossier_language,
        &Lang::ALL,
    );
    text_ui(
        ui,
        cx,
        "project.confidentiality",
        &cx.t("field.project.confidentiality"),
        &mut p.confidentiality,
    );
    if !p.imported_notes.is_empty() {
        subheading_ui(ui, &cx.t("dossier.imported_notes"));
        crate::ui::widgets::multiline_ui(
            ui,
            cx,
            "project.imported_notes",
            &cx.t("dossier.imported_notes"),
            &mut p.imported_notes,
        );
    }
}
