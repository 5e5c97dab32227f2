//! Step 3 — Video system: authorisation, retention, public information, control centre,
//! analytics software, statistics, searches, the camera inventory and the capabilities.

pub mod inventory;

use egui::RichText;

use super::StepCtx;
use crate::model::{
    Assessment, CapabilityId, CapabilityRecord, CapabilityState, Presence, SearchInitiator,
    UnlockHolder, UsageMode, UseScope,
};
use crate::ui::action::Action;
use crate::ui::theme;
use crate::ui::widgets::{
    choice_combo_ui, date_ui, field_ui, lines_ui, multiline_ui, number_ui, subheading_ui, text_ui,
    yes_no_ui,
};

/// Draws the step.
pub fn ui(ui: &mut egui::Ui, cx: &mut StepCtx, a: &mut Assessment) {
    let days = cx.t("ui.days");
    let v = &mut a.video_system;
    subheading_ui(ui, &cx.t("dossier.authorisation"));
    let auth = &mut v.authorisation;
    text_ui(
        ui,
        cx,
        "video_system.authorisation.reference",
        &cx.t("field.authorisation.reference"),
        &mut auth.reference,
    );
    date_ui(
        ui,
        cx,
        "video_system.authorisation.granted_on",
        &cx.t("field.authorisation.granted_on"),
        &mut auth.granted_on,
    );
    let mut years = Some(auth.duration_years);
    number_ui(
        ui,
        cx,
        "video_system.authorisation.duration_years",
        &cx.t("dossier.duration"),
        &mut years,
        &cx.t("ui.years"),
    );
    auth.duration_years = years.unwrap_or(5);
    if let Some(expiry) = auth.expires_on() {
        let date = expiry.display(cx.lang);
        ui.label(RichText::new(cx.tw("ui.expires_on", &[("date", &date)])).weak());
    }
    number_ui(
        ui,
        cx,
        "video_system.authorisation.authorised_retention_days",
        &cx.t("field.authorisation.authorised_retention_days"),
        &mut auth.authorised_retention_days,
        &days,
    );
    yes_no_ui(
        ui,
        cx,
        "video_system.authorisation.is_renewal_filed",
        &cx.t("dossier.renewal_filed"),
        &mut auth.is_renewal_filed,
    );
    text_ui(
        ui,
        cx,
        "video_system.authorisation.perimeter",
        &cx.t("dossier.perimeter"),
        &mut auth.perimeter,
    );

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

    subheading_ui(ui, &cx.t("dossier.public_information"));
    let info = &mut v.public_information;
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

    subheading_ui(ui, &cx.t("field.control_centre.name"));
    let centre = &mut v.control_centre;
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
    yes_no_ui(
        ui,
        cx,
        "video_system.control_centre.has_recordings_register",
        &cx.t("dossier.register"),
        &mut centre.has_recordings_register,
    );
    multiline_ui(
        ui,
        cx,
        "video_system.control_centre.security",
        &cx.t("dossier.security"),
        &mut centre.security,
    );

    subheading_ui(ui, &cx.t("field.software"));
    let software = &mut v.software;
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

    subheading_ui(ui, &cx.t("dossier.statistics"));
    let stats = &mut v.statistics;
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

    subheading_ui(ui, &cx.t("dossier.searches"));
    let searches = &mut v.searches;
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
    yes_no_ui(
        ui,
        cx,
        "video_system.searches.is_requisition_only",
        &cx.t("field.searches.is_requisition_only"),
        &mut searches.is_requisition_only,
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
    text_ui(
        ui,
        cx,
        "video_system.searches.handover",
        &cx.t("dossier.handover"),
        &mut searches.handover,
    );

    inventory::inventory_ui(ui, cx, a);
    capabilities_ui(ui, cx, a);
    evidence_ui(ui, cx, a);
}

/// The evidence locker: documents with their hash and what became of them on disk, and the
/// form to attach one (hashed when the action is applied, outside the frame).
fn evidence_ui(ui: &mut egui::Ui, cx: &mut StepCtx, a: &mut Assessment) {
    use crate::model::evidence::EvidenceStatus;
    use crate::model::EvidenceKind;
    let lang = cx.lang;
    let t = |key: &str| crate::i18n::tr(lang, key).to_owned();
    subheading_ui(ui, &t("dossier.annex.evidence"));
    let mut remove = None;
    egui::Grid::new("evidence")
        .striped(true)
        .num_columns(5)
        .spacing([12.0, 4.0])
        .show(ui, |ui| {
            for key in [
                "dossier.col.id",
                "dossier.col.document",
                "ui.file",
                "SHA-256",
                "ui.status",
            ] {
                ui.label(
                    RichText::new(if key.contains('.') {
                        t(key)
                    } else {
                        key.to_owned()
                    })
                    .strong(),
                );
            }
            ui.end_row();
            for evidence in &a.evidence {
                let status = cx
                    .evidence_statuses
                    .iter()
                    .find(|(id, _)| id == &evidence.evidence_id)
                    .map(|(_, s)| *s);
                ui.label(evidence.evidence_id.as_str());
                ui.label(format!(
                    "{}\n{}",
                    crate::i18n::tr(lang, &format!("enum.evidence_kind.{:?}", evidence.kind)),
                    evidence.description
                ));
                ui.label(&evidence.path);
                ui.label(
                    RichText::new(evidence.sha256.chars().take(16).collect::<String>() + "…")
                        .monospace()
                        .small(),
                );
                let (text, colour) = match status {
                    Some(EvidenceStatus::Intact) => (t("ui.evidence_intact"), theme::GOOD),
                    Some(EvidenceStatus::Changed) => (t("ui.evidence_changed"), theme::BAD),
                    Some(EvidenceStatus::Missing) => (t("ui.evidence_missing"), theme::BAD),
                    None => (t("ui.evidence_unchecked"), theme::MUTED),
                };
                ui.horizontal(|ui| {
                    ui.label(RichText::new(text).color(colour));
                    if ui.small_button(t("ui.remove")).clicked() {
                        remove = Some(evidence.evidence_id.clone());
                    }
                });
                ui.end_row();
            }
        });
    if let Some(id) = remove {
        cx.actions
            .push(Action::Edit(crate::edit::Edit::RemoveEvidence(id)));
    }
    let form = &mut *cx.evidence_form;
    egui::Frame::group(ui.style()).show(ui, |ui| {
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
                    &[
                        EvidenceKind::PrefectoralOrder,
                        EvidenceKind::VendorAttestation,
                        EvidenceKind::BailiffReport,
                        EvidenceKind::CnilControl,
                        EvidenceKind::SignagePhoto,
                        EvidenceKind::Contract,
                        EvidenceKind::Configuration,
                        EvidenceKind::Other,
                    ],
                    label.id,
                );
                ui.end_row();
                let label = ui.label(t("dossier.description"));
                ui.add(egui::TextEdit::singleline(&mut form.description).desired_width(340.0))
                    .labelled_by(label.id);
                ui.end_row();
            });
        if ui.button(t("ui.attach")).clicked() && !form.path.trim().is_empty() {
            cx.actions.push(Action::AttachEvidence(
                std::path::PathBuf::from(form.path.trim()),
                form.kind,
                form.description.clone(),
            ));
        }
    });
}

/// The capability checklist: presence, state, unlock holder, usage and declared use, with the
/// legal status from the knowledge base beside each.
fn capabilities_ui(ui: &mut egui::Ui, cx: &mut StepCtx, a: &mut Assessment) {
    subheading_ui(ui, &cx.t("section.capabilities"));
    let lang = cx.lang;
    ui.horizontal_wrapped(|ui| {
        ui.label(cx.t("ui.presets"));
        for preset in crate::knowledge::presets::Preset::ALL {
            let text = crate::i18n::tr(lang, &format!("ui.preset.{preset:?}")).to_owned();
            if ui
                .button(text)
                .on_hover_text(crate::i18n::tr(lang, "ui.preset_hint"))
                .clicked()
            {
                cx.actions
                    .push(Action::Edit(crate::edit::Edit::ApplyPreset(preset)));
            }
        }
    });
    let defs = cx.kb.capabilities.clone();
    for def in &defs {
        let id = def.id.as_str();
        // Edit a copy, so that merely showing an unexamined capability changes nothing.
        let original = a.capability(id).cloned();
        let mut copy = original.clone().unwrap_or_else(|| CapabilityRecord {
            capability_id: CapabilityId::new(id),
            ..CapabilityRecord::default()
        });
        let record = &mut copy;
        let path = format!("capabilities[{id}]");
        let title = format!("{} — {}", def.id, def.label.get(lang));
        field_ui(ui, cx, &path, &title, |ui, label_id| {
            let status =
                crate::i18n::tr(lang, &format!("enum.legal_status.{:?}", def.status)).to_owned();
            ui.label(RichText::new(status).strong().color(theme::ACCENT))
                .on_hover_text(def.status_note.get(lang));
            egui::Grid::new(("capability", id))
                .num_columns(2)
                .spacing([12.0, 4.0])
                .show(ui, |ui| {
                    let t = |key: &str| crate::i18n::tr(lang, key).to_owned();
                    ui.label(t("column.presence"));
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
                        ui.label(t("column.state"));
                        choice_combo_ui(
                            ui,
                            lang,
                            &format!("{path}.state"),
                            "capability_state",
                            &mut record.state,
                            &[
                                CapabilityState::Unknown,
                                CapabilityState::Enabled,
                                CapabilityState::DisabledByConfig,
                                CapabilityState::LockedByVendor,
                            ],
                            label_id,
                        );
                        ui.end_row();
                        ui.label(t("column.unlock_holder"));
                        choice_combo_ui(
                            ui,
                            lang,
                            &format!("{path}.unlock_holder"),
                            "unlock_holder",
                            &mut record.unlock_holder,
                            &[
                                UnlockHolder::Unknown,
                                UnlockHolder::Controller,
                                UnlockHolder::Vendor,
                                UnlockHolder::Integrator,
                                UnlockHolder::NoOne,
                            ],
                            label_id,
                        );
                        ui.end_row();
                        ui.label(t("dossier.usage_mode"));
                        choice_combo_ui(
                            ui,
                            lang,
                            &format!("{path}.usage_mode"),
                            "usage_mode",
                            &mut record.usage_mode,
                            &[
                                UsageMode::Unknown,
                                UsageMode::RealTime,
                                UsageMode::OnRecordings,
                                UsageMode::Both,
                            ],
                            label_id,
                        );
                        ui.end_row();
                        ui.label(t("dossier.use_scope"));
                        choice_combo_ui(
                            ui,
                            lang,
                            &format!("{path}.use_scope"),
                            "use_scope",
                            &mut record.use_scope,
                            &[
                                UseScope::Unspecified,
                                UseScope::ParkingPaymentControl,
                                UseScope::AnonymousStatistics,
                                UseScope::JudicialRequisitions,
                                UseScope::OperationalDetection,
                            ],
                            label_id,
                        );
                        ui.end_row();
                    }
                    ui.label(t("dossier.evidence"));
                    let mut evidence = record
                        .evidence_ids
                        .iter()
                        .map(|e| e.to_string())
                        .collect::<Vec<_>>()
                        .join(", ");
                    if ui
                        .add(
                            egui::TextEdit::singleline(&mut evidence)
                                .hint_text("EV-01, EV-02")
                                .desired_width(220.0),
                        )
                        .labelled_by(label_id)
                        .changed()
                    {
                        record.evidence_ids = evidence
                            .split(',')
                            .map(str::trim)
                            .filter(|e| !e.is_empty())
                            .map(crate::model::EvidenceId::new)
                            .collect();
                    }
                    ui.end_row();
                });
            ui.add(
                egui::TextEdit::multiline(&mut record.notes)
                    .hint_text(crate::i18n::tr(lang, "dossier.notes"))
                    .desired_rows(1)
                    .desired_width(ui.available_width()),
            )
            .labelled_by(label_id);
        });
        if original.as_ref() != Some(&copy)
            && (original.is_some()
                || copy
                    != CapabilityRecord {
                        capability_id: CapabilityId::new(id),
                        ..CapabilityRecord::default()
                    })
        {
            match a
                .capabilities
                .iter_mut()
                .find(|r| r.capability_id.as_str() == id)
            {
                Some(existing) => *existing = copy,
                None => a.capabilities.push(copy),
            }
        }
    }
}
