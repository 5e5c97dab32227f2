//! Step 0 — Project: the cover data of the dossier.

use super::StepCtx;
use crate::model::path;
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
        &path::project::TITLE,
        &cx.label(&path::project::TITLE),
        &mut p.title,
    );
    text_ui(
        ui,
        cx,
        &path::project::ORGANISATION,
        &cx.label(&path::project::ORGANISATION),
        &mut p.organisation,
    );
    choice_ui(
        ui,
        cx,
        &path::project::ORGANISATION_KIND,
        &cx.label(&path::project::ORGANISATION_KIND),
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
        &path::project::ORGANISATION_CONTACT,
        &cx.label(&path::project::ORGANISATION_CONTACT),
        &mut p.organisation_contact,
    );
    text_ui(
        ui,
        cx,
        &path::project::DPO_NAME,
        &cx.label(&path::project::DPO_NAME),
        &mut p.dpo_name,
    );
    text_ui(
        ui,
        cx,
        &path::project::DPO_CONTACT,
        &cx.label(&path::project::DPO_CONTACT),
        &mut p.dpo_contact,
    );
    lines_ui(
        ui,
        cx,
        &path::project::AUTHORS,
        &cx.label(&path::project::AUTHORS),
        &mut p.authors,
    );
    text_ui(
        ui,
        cx,
        &path::project::CONSULTANT,
        &cx.label(&path::project::CONSULTANT),
        &mut p.consultant,
    );

    subheading_ui(ui, &cx.t("ui.project_state"));
    text_ui(
        ui,
        cx,
        &path::project::VERSION,
        &cx.label(&path::project::VERSION),
        &mut p.version,
    );
    // The status moves through the review circuit (step 7), not by hand.
    let status = cx.t(&format!("enum.status.{:?}", p.status));
    field_ui(
        ui,
        cx,
        &path::project::STATUS,
        &cx.label(&path::project::STATUS),
        |ui, _label_id| {
            ui.label(cx.tw("circuit.status_here", &[("status", &status)]));
        },
    );
    choice_ui(
        ui,
        cx,
        &path::project::DEPLOYMENT_STAGE,
        &cx.label(&path::project::DEPLOYMENT_STAGE),
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
        &path::project::CREATED_ON,
        &cx.label(&path::project::CREATED_ON),
        &mut p.created_on,
    );
    date_ui(
        ui,
        cx,
        &path::project::UPDATED_ON,
        &cx.label(&path::project::UPDATED_ON),
        &mut p.updated_on,
    );
    date_ui(
        ui,
        cx,
        &path::project::LAST_REVIEW_ON,
        &cx.label(&path::project::LAST_REVIEW_ON),
        &mut p.last_review_on,
    );
    date_ui(
        ui,
        cx,
        &path::project::REVIEW_DUE_ON,
        &cx.label(&path::project::REVIEW_DUE_ON),
        &mut p.review_due_on,
    );
    choice_ui(
        ui,
        cx,
        &path::project::DOSSIER_LANGUAGE,
        &cx.label(&path::project::DOSSIER_LANGUAGE),
        "lang",
        &mut p.dossier_language,
        &Lang::ALL,
    );
    text_ui(
        ui,
        cx,
        &path::project::CONFIDENTIALITY,
        &cx.label(&path::project::CONFIDENTIALITY),
        &mut p.confidentiality,
    );
    if !p.imported_notes.is_empty() {
        subheading_ui(ui, &cx.t("dossier.imported_notes"));
        crate::ui::widgets::multiline_ui(
            ui,
            cx,
            &path::project::IMPORTED_NOTES,
            &cx.label(&path::project::IMPORTED_NOTES),
            &mut p.imported_notes,
        );
    }
}
