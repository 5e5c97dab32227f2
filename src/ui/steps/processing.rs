//! Step 2 — Processing: description, purposes (CSI L.251-2) with regime and legal basis per
//! purpose, actors, data, subjects, life cycle and supporting assets.

use super::StepCtx;
use crate::edit::Edit;
use crate::model::path;
use crate::model::{ActorRole, Assessment, LegalBasis, Purpose, PurposeKind, Regime};
use crate::ui::action::Action;
use crate::ui::widgets::{
    choice_combo_ui, field_ui, lines_ui, list_heading_ui, multiline_ui, subheading_ui, yes_no_ui,
};

const REGIMES: [Regime; 3] = [Regime::Undetermined, Regime::Gdpr, Regime::PoliceJustice];
const BASES: [LegalBasis; 6] = [
    LegalBasis::Undetermined,
    LegalBasis::PublicTask,
    LegalBasis::LegalObligation,
    LegalBasis::LegitimateInterest,
    LegalBasis::Consent,
    LegalBasis::TitleIIIMission,
];
const ROLES: [ActorRole; 4] = [
    ActorRole::Controller,
    ActorRole::JointController,
    ActorRole::Processor,
    ActorRole::Recipient,
];

/// Draws the step.
pub fn ui(ui: &mut egui::Ui, cx: &mut StepCtx, a: &mut Assessment) {
    let lang = cx.lang;
    let organisation = a.project.organisation_kind;
    let p = &mut a.processing;
    subheading_ui(ui, &cx.t("dossier.processing_description"));
    multiline_ui(
        ui,
        cx,
        &path::processing::DESCRIPTION,
        &cx.label(&path::processing::DESCRIPTION),
        &mut p.description,
    );

    list_heading_ui(
        ui,
        cx,
        &path::processing::PURPOSES,
        &cx.t("section.purposes"),
    );
    // The checklist first: ticking a purpose adds its block below, never above what is being
    // clicked (four clicks used to tick the wrong items as the list moved down).
    purposes_checklist_ui(ui, cx, &p.purposes, organisation);
    let mut remove = None;
    for (index, purpose) in p.purposes.iter_mut().enumerate() {
        let path = path::purpose(index, None);
        let label = cx.kb.purpose(purpose.kind).map_or_else(
            || format!("{:?}", purpose.kind),
            |d| d.label.get(lang).to_owned(),
        );
        let clicked = field_ui(ui, cx, &path, &label, |ui, label_id| {
            ui.horizontal(|ui| {
                ui.label(crate::i18n::tr(lang, "column.regime"));
                choice_combo_ui(
                    ui,
                    lang,
                    &path.field("regime"),
                    "regime",
                    &mut purpose.regime,
                    &REGIMES,
                    label_id,
                );
            });
            ui.horizontal(|ui| {
                ui.label(crate::i18n::tr(lang, "column.legal_basis"));
                choice_combo_ui(
                    ui,
                    lang,
                    &path.field("legal_basis"),
                    "legal_basis",
                    &mut purpose.legal_basis,
                    &BASES,
                    label_id,
                );
            });
            ui.add(
                egui::TextEdit::singleline(&mut purpose.description)
                    .hint_text(crate::i18n::tr(lang, "dossier.col.details"))
                    .desired_width(ui.available_width()),
            )
            .labelled_by(label_id);
            ui.button(crate::i18n::tr(lang, "ui.remove")).clicked()
        });
        if clicked {
            remove = Some(index);
        }
    }
    if let Some(index) = remove {
        cx.actions.push(Action::Edit(Edit::RemovePurpose(index)));
    }

    list_heading_ui(ui, cx, &path::processing::ACTORS, &cx.t("dossier.actors"));
    let mut remove = None;
    for (index, actor) in p.actors.iter_mut().enumerate() {
        let path = path::actor(index, None);
        let title = if actor.name.trim().is_empty() {
            cx.t("ui.new_actor")
        } else {
            actor.name.clone()
        };
        let clicked = field_ui(ui, cx, &path, &title, |ui, label_id| {
            choice_combo_ui(
                ui,
                lang,
                &path.field("role"),
                "actor_role",
                &mut actor.role,
                &ROLES,
                label_id,
            );
            ui.add(
                egui::TextEdit::singleline(&mut actor.name)
                    .hint_text(crate::i18n::tr(lang, "dossier.col.name"))
                    .desired_width(ui.available_width()),
            )
            .labelled_by(label_id);
            ui.add(
                egui::TextEdit::singleline(&mut actor.description)
                    .hint_text(crate::i18n::tr(lang, "dossier.col.details"))
                    .desired_width(ui.available_width()),
            )
            .labelled_by(label_id);
            ui.button(crate::i18n::tr(lang, "ui.remove")).clicked()
        });
        if actor.role == ActorRole::Processor {
            yes_no_ui(
                ui,
                cx,
                &path.field("has_art28_contract"),
                &cx.label(&path.field("has_art28_contract")),
                &mut actor.has_art28_contract,
            );
            yes_no_ui(
                ui,
                cx,
                &path.field("is_transfer_documented"),
                &cx.label(&path.field("is_transfer_documented")),
                &mut actor.is_transfer_documented,
            );
            yes_no_ui(
                ui,
                cx,
                &path.field("is_outside_eu"),
                &cx.label(&path.field("is_outside_eu")),
                &mut actor.is_outside_eu,
            );
        }
        if clicked {
            remove = Some(index);
        }
    }
    if let Some(index) = remove {
        cx.actions.push(Action::Edit(Edit::RemoveActor(index)));
    }
    if ui.button(cx.t("ui.add_actor")).clicked() {
        cx.actions.push(Action::Edit(Edit::AddActor));
    }

    subheading_ui(ui, &cx.t("dossier.data"));
    lines_ui(
        ui,
        cx,
        &path::processing::DATA_CATEGORIES,
        &cx.label(&path::processing::DATA_CATEGORIES),
        &mut p.data_categories,
    );
    lines_ui(
        ui,
        cx,
        &path::processing::DATA_SUBJECTS,
        &cx.label(&path::processing::DATA_SUBJECTS),
        &mut p.data_subjects,
    );
    multiline_ui(
        ui,
        cx,
        &path::processing::LIFECYCLE,
        &cx.label(&path::processing::LIFECYCLE),
        &mut p.lifecycle,
    );
    lines_ui(
        ui,
        cx,
        &path::processing::SUPPORTING_ASSETS,
        &cx.label(&path::processing::SUPPORTING_ASSETS),
        &mut p.supporting_assets,
    );
    yes_no_ui(
        ui,
        cx,
        &path::processing::HAS_REGISTER_ENTRY,
        &cx.label(&path::processing::HAS_REGISTER_ENTRY),
        &mut p.has_register_entry,
    );
    if crate::rules::safeguards::needs_sensitive_necessity(a, cx.kb)
        || !a.processing.sensitive_data_necessity.trim().is_empty()
    {
        multiline_ui(
            ui,
            cx,
            &path::processing::SENSITIVE_DATA_NECESSITY,
            &cx.label(&path::processing::SENSITIVE_DATA_NECESSITY),
            &mut a.processing.sensitive_data_necessity,
        );
    }
}

/// Every purpose the law and the CNIL allow this kind of controller, each with its label: ticking
/// one adds it (its regime and basis are then set above), unticking removes it — both undoable
/// edits. A purpose already recorded stays listed even when the controller's kind cannot pursue
/// it (R04-CONTROLLER says why), so nothing is hidden.
fn purposes_checklist_ui(
    ui: &mut egui::Ui,
    cx: &mut StepCtx,
    purposes: &[Purpose],
    organisation: crate::model::OrganisationKind,
) {
    let lang = cx.lang;
    ui.label(egui::RichText::new(cx.t("ui.purposes_checklist")).strong());
    for kind in PurposeKind::ALL {
        let recorded = purposes.iter().position(|p| p.kind == kind);
        if recorded.is_none() && !kind.is_open_to(organisation) {
            continue;
        }
        let mut is_ticked = recorded.is_some();
        let label = cx
            .kb
            .purpose(kind)
            .map_or_else(|| format!("{kind:?}"), |d| d.label.get(lang).to_owned());
        let help = cx
            .kb
            .purpose(kind)
            .map(|d| {
                let key = format!("enum.regime.{:?}", d.usual_regime);
                let regime = crate::i18n::tr(lang, &key);
                crate::i18n::tr_with(lang, "ui.purpose_usual_regime", &[("regime", regime)])
            })
            .unwrap_or_default();
        let response = ui.checkbox(&mut is_ticked, label);
        let response = if help.is_empty() {
            response
        } else {
            response.on_hover_text(help)
        };
        if response.changed() {
            let edit = match recorded {
                Some(index) => Edit::RemovePurpose(index),
                None => Edit::AddPurpose(kind),
            };
            cx.actions.push(Action::Edit(edit));
        }
    }
}
