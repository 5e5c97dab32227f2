//! The video-system step's capability checklist: for each capability of the knowledge base
//! (K01–K16), its legal status, then presence and — when present — state, unlock holder, usage
//! and declared use, the evidence linked and notes. Presets of common suites fill it in a click.

use crate::model::path;
use egui::RichText;

use crate::edit::Edit;
use crate::i18n::{tr, Lang};
use crate::knowledge::presets::Preset;
use crate::knowledge::types::CapabilityDef;
use crate::model::{
    Assessment, CapabilityId, CapabilityRecord, CapabilityState, Presence, UnlockHolder, UsageMode,
    UseScope,
};
use crate::ui::action::Action;
use crate::ui::steps::StepCtx;
use crate::ui::theme;
use crate::ui::widgets::{choice_combo_ui, field_ui, subheading_ui};

/// Draws the presets and one field per capability of the knowledge base.
pub fn capabilities_ui(ui: &mut egui::Ui, cx: &mut StepCtx, a: &mut Assessment) {
    subheading_ui(ui, &cx.t("section.capabilities"));
    presets_ui(ui, cx);
    let kb = cx.kb;
    for def in &kb.capabilities {
        capability_ui(ui, cx, a, def);
    }
}

/// One button per preset of a common suite; a click sends the preset to the update.
fn presets_ui(ui: &mut egui::Ui, cx: &mut StepCtx) {
    let lang = cx.lang;
    ui.horizontal_wrapped(|ui| {
        ui.label(cx.t("ui.presets"));
        for preset in Preset::ALL {
            let text = tr(lang, &format!("ui.preset.{preset:?}")).to_owned();
            if ui
                .button(text)
                .on_hover_text(tr(lang, "ui.preset_hint"))
                .clicked()
            {
                cx.actions.push(Action::Edit(Edit::ApplyPreset(preset)));
            }
        }
    });
}

/// One capability, edited on a copy written back only when it changed: merely showing an
/// unexamined capability adds nothing to the assessment.
fn capability_ui(ui: &mut egui::Ui, cx: &StepCtx, a: &mut Assessment, def: &CapabilityDef) {
    let lang = cx.lang;
    let id = def.id.as_str();
    let original = a.capability(id).cloned();
    let mut copy = original.clone().unwrap_or_else(|| unexamined(id));
    let path = path::capability(id, None);
    let title = format!("{} — {}", def.id, def.label.get(lang));
    field_ui(ui, cx, &path, &title, |ui, label_id| {
        let status = tr(lang, &format!("enum.legal_status.{:?}", def.status)).to_owned();
        ui.label(
            RichText::new(status)
                .strong()
                .color(theme::palette(ui.ctx()).accent),
        )
        .on_hover_text(def.status_note.get(lang));
        egui::Grid::new(("capability", id))
            .num_columns(2)
            .spacing([12.0, 4.0])
            .show(ui, |ui| {
                capability_rows_ui(ui, lang, &path, &mut copy, label_id, cx.evidence_choices)
            });
        let name = format!("{path}.notes");
        let hint = Some(tr(lang, "dossier.notes"));
        crate::ui::text_area::text_area_ui(ui, &name, &mut copy.notes, 1, hint)
            .labelled_by(label_id);
    });
    if original.as_ref() != Some(&copy) && (original.is_some() || copy != unexamined(id)) {
        store(a, copy);
    }
}

/// The record of a capability nobody has examined yet.
fn unexamined(id: &str) -> CapabilityRecord {
    CapabilityRecord {
        capability_id: CapabilityId::new(id),
        ..CapabilityRecord::default()
    }
}

/// Puts `record` in place of the assessment's record of the same capability, or adds it.
fn store(a: &mut Assessment, record: CapabilityRecord) {
    match a
        .capabilities
        .iter_mut()
        .find(|r| r.capability_id == record.capability_id)
    {
        Some(existing) => *existing = record,
        None => a.capabilities.push(record),
    }
}

/// The grid rows of a capability: presence, what a present one does, the evidence linked.
fn capability_rows_ui(
    ui: &mut egui::Ui,
    lang: Lang,
    path: &str,
    record: &mut CapabilityRecord,
    label_id: egui::Id,
    choices: &[(crate::model::EvidenceId, String)],
) {
    ui.label(tr(lang, "column.presence"));
    choice_combo_ui(
        ui,
        lang,
        &format!("{path}.presence"),
        "presence",
        &mut record.presence,
        &[Presence::Unknown, Presence::Absent, Presence::Present],
        label_id,
    );
    ui.end_row();
    if record.presence == Presence::Present {
        use_rows_ui(ui, lang, path, record, label_id);
    }
    evidence_row_ui(ui, lang, record, label_id, choices);
}

/// The rows asked of a present capability: state, unlock holder, usage mode, declared use.
fn use_rows_ui(
    ui: &mut egui::Ui,
    lang: Lang,
    path: &str,
    record: &mut CapabilityRecord,
    label_id: egui::Id,
) {
    ui.label(tr(lang, "column.state"));
    choice_combo_ui(
        ui,
        lang,
        &format!("{path}.state"),
        "capability_state",
        &mut record.state,
        &STATES,
        label_id,
    );
    ui.end_row();
    ui.label(tr(lang, "column.unlock_holder"));
    choice_combo_ui(
        ui,
        lang,
        &format!("{path}.unlock_holder"),
        "unlock_holder",
        &mut record.unlock_holder,
        &UNLOCK_HOLDERS,
        label_id,
    );
    ui.end_row();
    ui.label(tr(lang, "dossier.usage_mode"));
    choice_combo_ui(
        ui,
        lang,
        &format!("{path}.usage_mode"),
        "usage_mode",
        &mut record.usage_mode,
        &USAGE_MODES,
        label_id,
    );
    ui.end_row();
    ui.label(tr(lang, "dossier.use_scope"));
    choice_combo_ui(
        ui,
        lang,
        &format!("{path}.use_scope"),
        "use_scope",
        &mut record.use_scope,
        &USE_SCOPES,
        label_id,
    );
    ui.end_row();
}

/// The states a present capability can be in, in the order the combo box lists them.
const STATES: [CapabilityState; 4] = [
    CapabilityState::Unknown,
    CapabilityState::Enabled,
    CapabilityState::DisabledByConfig,
    CapabilityState::LockedByVendor,
];

/// Who can turn a capability on, in the order the combo box lists them.
const UNLOCK_HOLDERS: [UnlockHolder; 5] = [
    UnlockHolder::Unknown,
    UnlockHolder::Controller,
    UnlockHolder::Vendor,
    UnlockHolder::Integrator,
    UnlockHolder::NoOne,
];

/// When a capability is used, in the order the combo box lists them.
const USAGE_MODES: [UsageMode; 4] = [
    UsageMode::Unknown,
    UsageMode::RealTime,
    UsageMode::OnRecordings,
    UsageMode::Both,
];

/// What a capability is declared to be used for, in the order the combo box lists them.
const USE_SCOPES: [UseScope; 5] = [
    UseScope::Unspecified,
    UseScope::ParkingPaymentControl,
    UseScope::AnonymousStatistics,
    UseScope::JudicialRequisitions,
    UseScope::OperationalDetection,
];

/// The documents linked to a capability, picked from the locker.
fn evidence_row_ui(
    ui: &mut egui::Ui,
    lang: Lang,
    record: &mut CapabilityRecord,
    label_id: egui::Id,
    choices: &[(crate::model::EvidenceId, String)],
) {
    ui.label(tr(lang, "dossier.evidence"));
    let id_salt = path::capability(&record.capability_id, Some("evidence_ids"));
    crate::ui::widgets::evidence_picker_ui(
        ui,
        lang,
        &id_salt,
        label_id,
        &mut record.evidence_ids,
        choices,
    );
    ui.end_row();
}
