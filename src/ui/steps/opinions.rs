//! Step 7 — Opinions and validation: the DPO's opinion, data subjects' views, the controller's
//! decision, prior consultation, signatures and the next review.

use super::StepCtx;
use crate::edit::Edit;
use crate::model::path;
use crate::model::{Assessment, Decision, DpoConclusion};
use crate::ui::action::Action;
use crate::ui::date_field::date_ui;
use crate::ui::widgets::{
    field_ui, list_heading_ui, multiline_ui, subheading_ui, text_ui, yes_no_ui,
};

fn optional_choice_ui<T: Copy + PartialEq + std::fmt::Debug>(
    ui: &mut egui::Ui,
    cx: &StepCtx,
    path: &str,
    label: &str,
    kind: &str,
    value: &mut Option<T>,
    choices: &[T],
) {
    let lang = cx.lang;
    field_ui(ui, cx, path, label, |ui, label_id| {
        let name = |v: Option<T>| match v {
            Some(v) => crate::i18n::tr(lang, &format!("enum.{kind}.{v:?}")).to_owned(),
            None => crate::i18n::tr(lang, "ui.unanswered").to_owned(),
        };
        egui::ComboBox::from_id_salt(path)
            .selected_text(name(*value))
            .width(260.0)
            .show_ui(ui, |ui| {
                ui.selectable_value(value, None, name(None));
                for choice in choices {
                    ui.selectable_value(value, Some(*choice), name(Some(*choice)));
                }
            })
            .response
            .labelled_by(label_id);
    });
}

/// Draws the step.
pub fn ui(ui: &mut egui::Ui, cx: &mut StepCtx, a: &mut Assessment) {
    // The circuit (validation, versions, merges) stays the author's, never a contributor's.
    if a.project.contribution.is_none() {
        super::circuit::circuit_ui(ui, cx, a);
    }
    let o = &mut a.opinions;
    subheading_ui(ui, &cx.t("dossier.dpo_opinion"));
    multiline_ui(
        ui,
        cx,
        &path::opinions::DPO_OPINION,
        &cx.label(&path::opinions::DPO_OPINION),
        &mut o.dpo_opinion,
    );
    optional_choice_ui(
        ui,
        cx,
        &path::opinions::DPO_CONCLUSION,
        &cx.label(&path::opinions::DPO_CONCLUSION),
        "dpo_conclusion",
        &mut o.dpo_conclusion,
        &[
            DpoConclusion::Favourable,
            DpoConclusion::FavourableWithReservations,
            DpoConclusion::Unfavourable,
        ],
    );
    date_ui(
        ui,
        cx,
        &path::opinions::DPO_OPINION_ON,
        &cx.label(&path::opinions::DPO_OPINION_ON),
        &mut o.dpo_opinion_on,
    );

    subheading_ui(ui, &cx.t("dossier.data_subjects_views"));
    yes_no_ui(
        ui,
        cx,
        &path::opinions::WERE_DATA_SUBJECTS_CONSULTED,
        &cx.label(&path::opinions::WERE_DATA_SUBJECTS_CONSULTED),
        &mut o.were_data_subjects_consulted,
    );
    text_ui(
        ui,
        cx,
        &path::opinions::CONSULTED_PEOPLE,
        &cx.label(&path::opinions::CONSULTED_PEOPLE),
        &mut o.consulted_people,
    );
    yes_no_ui(
        ui,
        cx,
        &path::opinions::DATA_SUBJECTS_FAVOURABLE,
        &cx.label(&path::opinions::DATA_SUBJECTS_FAVOURABLE),
        &mut o.data_subjects_favourable,
    );
    multiline_ui(
        ui,
        cx,
        &path::opinions::DATA_SUBJECTS_VIEWS,
        &cx.label(&path::opinions::DATA_SUBJECTS_VIEWS),
        &mut o.data_subjects_views,
    );

    subheading_ui(ui, &cx.t("dossier.decision"));
    optional_choice_ui(
        ui,
        cx,
        &path::opinions::DECISION,
        &cx.label(&path::opinions::DECISION),
        "decision",
        &mut o.decision,
        &[
            Decision::Proceed,
            Decision::ProceedWithActionPlan,
            Decision::DoNotProceed,
        ],
    );
    multiline_ui(
        ui,
        cx,
        &path::opinions::DECISION_REASONS,
        &cx.label(&path::opinions::DECISION_REASONS),
        &mut o.decision_reasons,
    );
    yes_no_ui(
        ui,
        cx,
        &path::opinions::PRIOR_CONSULTATION,
        &cx.label(&path::opinions::PRIOR_CONSULTATION),
        &mut o.prior_consultation.is_filed,
    );
    date_ui(
        ui,
        cx,
        &path::opinions::prior_consultation::FILED_ON,
        &cx.label(&path::opinions::prior_consultation::FILED_ON),
        &mut o.prior_consultation.filed_on,
    );
    text_ui(
        ui,
        cx,
        &path::opinions::prior_consultation::REFERENCE,
        &cx.label(&path::opinions::prior_consultation::REFERENCE),
        &mut o.prior_consultation.reference,
    );
    crate::ui::widgets::checkbox_ui(
        ui,
        cx,
        &path::opinions::prior_consultation::IS_NOT_NEEDED,
        &cx.label(&path::opinions::prior_consultation::IS_NOT_NEEDED),
        &mut o.prior_consultation.is_not_needed,
    );
    multiline_ui(
        ui,
        cx,
        &path::opinions::prior_consultation::NOT_NEEDED_REASON,
        &cx.label(&path::opinions::prior_consultation::NOT_NEEDED_REASON),
        &mut o.prior_consultation.not_needed_reason,
    );
    date_ui(
        ui,
        cx,
        &path::project::REVIEW_DUE_ON,
        &cx.label(&path::project::REVIEW_DUE_ON),
        &mut a.project.review_due_on,
    );

    list_heading_ui(
        ui,
        cx,
        &path::opinions::SIGNATURES,
        &cx.t("dossier.signatures"),
    );
    let mut remove = None;
    for (index, signature) in a.opinions.signatures.iter_mut().enumerate() {
        let path = path::signature(index);
        let title = if signature.role.trim().is_empty() {
            cx.t("dossier.signatures")
        } else {
            signature.role.clone()
        };
        let lang = cx.lang;
        let clicked = field_ui(ui, cx, &path, &title, |ui, label_id| {
            ui.add(
                egui::TextEdit::singleline(&mut signature.name)
                    .hint_text(crate::i18n::tr(lang, "dossier.col.name"))
                    .desired_width(260.0),
            )
            .labelled_by(label_id);
            ui.add(
                egui::TextEdit::singleline(&mut signature.role)
                    .hint_text(crate::i18n::tr(lang, "dossier.col.role"))
                    .desired_width(260.0),
            )
            .labelled_by(label_id);
            ui.button(crate::i18n::tr(lang, "ui.remove")).clicked()
        });
        date_ui(
            ui,
            cx,
            &format!("{path}.signed_on"),
            &cx.t("ui.signed_on"),
            &mut signature.signed_on,
        );
        if clicked {
            remove = Some(index);
        }
    }
    if let Some(index) = remove {
        cx.actions.push(Action::Edit(Edit::RemoveSignature(index)));
    }
    if ui.button(cx.t("ui.add_signature")).clicked() {
        cx.actions.push(Action::Edit(Edit::AddSignature));
    }
}
