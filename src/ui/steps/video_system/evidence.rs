//! The video-system step's evidence locker: the attached documents with their hash and what
//! became of them on disk, and the form to attach one (hashed by the update, outside the frame).

use crate::model::path;
use egui::RichText;

use crate::edit::Edit;
use crate::i18n::{tr, Lang};
use crate::model::evidence::EvidenceStatus;
use crate::model::{Assessment, EvidenceId, EvidenceKind};
use crate::ui::action::Action;
use crate::ui::steps::{EvidenceForm, StepCtx};
use crate::ui::theme;
use crate::ui::widgets::{choice_combo_ui, subheading_ui};

/// Draws the locker and the attach form; removing or attaching is sent to the update.
pub fn evidence_ui(ui: &mut egui::Ui, cx: &mut StepCtx, a: &mut Assessment) {
    let heading = ui
        .scope(|ui| subheading_ui(ui, &cx.t("dossier.annex.evidence")))
        .response;
    // Every evidence picker (capabilities, measures, risks) leads here.
    cx.land_on(&heading, &path::EVIDENCE, egui::Align::TOP);
    let palette = crate::ui::theme::palette(ui.ctx());
    let colour = if cx.is_highlighted(&path::EVIDENCE) {
        palette.accent
    } else {
        palette.muted
    };
    ui.label(RichText::new(cx.t("ui.evidence_locker_here")).color(colour));
    ui.label(
        RichText::new(cx.t("ui.evidence_cap_note"))
            .small()
            .color(palette.muted),
    );
    if let Some(id) = evidence_table_ui(ui, cx, a) {
        cx.actions.push(Action::Edit(Edit::RemoveEvidence(id)));
    }
    if let Some(action) = attach_form_ui(ui, cx.lang, cx.evidence_form) {
        cx.actions.push(action);
    }
}

/// The documents attached, one card each (a card reflows with the window where a table of six
/// columns would not); returns the one whose « remove » was clicked.
fn evidence_table_ui(ui: &mut egui::Ui, cx: &StepCtx, a: &mut Assessment) -> Option<EvidenceId> {
    let lang = cx.lang;
    let t = |key: &str| tr(lang, key).to_owned();
    let mut remove = None;
    for evidence in &mut a.evidence {
        let status = cx
            .evidence_statuses
            .iter()
            .find(|(id, _)| id == &evidence.evidence_id)
            .map(|(_, s)| *s);
        egui::Frame::group(ui.style()).show(ui, |ui| {
            ui.set_width(ui.available_width());
            ui.horizontal_wrapped(|ui| {
                let kind = t(&format!("enum.evidence_kind.{:?}", evidence.kind));
                ui.label(RichText::new(format!("{} — {kind}", evidence.evidence_id)).strong());
                status_ui(ui, lang, status);
                if ui.small_button(t("ui.remove")).clicked() {
                    remove = Some(evidence.evidence_id.clone());
                }
            });
            if !evidence.description.trim().is_empty() {
                ui.label(&evidence.description);
            }
            ui.label(
                RichText::new(format!(
                    "{} — SHA-256 {}…",
                    evidence.path,
                    evidence.sha256.chars().take(16).collect::<String>()
                ))
                .small()
                .color(crate::ui::theme::palette(ui.ctx()).muted),
            );
            ui.horizontal_wrapped(|ui| {
                let path = path::evidence(&evidence.evidence_id, Some("issued_on"));
                let label = ui.label(cx.label(&path));
                crate::ui::date_field::date_input_ui(
                    ui,
                    lang,
                    cx.today,
                    &path,
                    label.id,
                    &mut evidence.issued_on,
                );
            });
        });
    }
    remove
}

/// What became of a document on disk, coloured: intact, changed, missing or not checked.
pub(in crate::ui::steps) fn status_ui(
    ui: &mut egui::Ui,
    lang: Lang,
    status: Option<EvidenceStatus>,
) {
    let (key, colour) = match status {
        Some(EvidenceStatus::Intact) => ("ui.evidence_intact", theme::palette(ui.ctx()).good),
        Some(EvidenceStatus::Changed) => ("ui.evidence_changed", theme::palette(ui.ctx()).bad),
        Some(EvidenceStatus::Missing) => ("ui.evidence_missing", theme::palette(ui.ctx()).bad),
        Some(EvidenceStatus::NotAFile) => ("ui.evidence_not_a_file", theme::palette(ui.ctx()).bad),
        Some(EvidenceStatus::TooLarge) => ("ui.evidence_too_large", theme::palette(ui.ctx()).bad),
        Some(EvidenceStatus::NotChecked) => {
            ("ui.evidence_not_checked", theme::palette(ui.ctx()).bad)
        }
        None => ("ui.evidence_unchecked", theme::palette(ui.ctx()).muted),
    };
    ui.label(RichText::new(tr(lang, key)).color(colour));
}

/// The « attach a document » form; returns the attach action when clicked with a path.
fn attach_form_ui(ui: &mut egui::Ui, lang: Lang, form: &mut EvidenceForm) -> Option<Action> {
    let t = |key: &str| tr(lang, key).to_owned();
    egui::Frame::group(ui.style())
        .show(ui, |ui| {
            ui.label(RichText::new(t("ui.attach_document")).strong());
            egui::Grid::new("attach")
                .num_columns(2)
                .spacing([12.0, 4.0])
                .show(ui, |ui| {
                    let label = ui.label(t("ui.file"));
                    ui.add(egui::TextEdit::singleline(&mut form.path).desired_width(340.0))
                        .labelled_by(label.id);
                    ui.end_row();
                    let label = ui.label(t("dossier.col.kind"));
                    choice_combo_ui(
                        ui,
                        lang,
                        "evidence_kind",
                        "evidence_kind",
                        &mut form.kind,
                        &EVIDENCE_KINDS,
                        label.id,
                    );
                    ui.end_row();
                    let label = ui.label(t("dossier.description"));
                    ui.add(egui::TextEdit::singleline(&mut form.description).desired_width(340.0))
                        .labelled_by(label.id);
                    ui.end_row();
                });
            let is_clicked = ui.button(t("ui.attach")).clicked();
            (is_clicked && !form.path.trim().is_empty()).then(|| {
                Action::AttachEvidence(
                    std::path::PathBuf::from(form.path.trim()),
                    form.kind,
                    form.description.clone(),
                )
            })
        })
        .inner
}

/// The kinds a document can be attached as, in the order the form lists them.
const EVIDENCE_KINDS: [EvidenceKind; 9] = [
    EvidenceKind::PrefectoralOrder,
    EvidenceKind::VendorAttestation,
    EvidenceKind::BailiffReport,
    EvidenceKind::CnilControl,
    EvidenceKind::SignagePhoto,
    EvidenceKind::Contract,
    EvidenceKind::Configuration,
    EvidenceKind::SitePlan,
    EvidenceKind::Other,
];
