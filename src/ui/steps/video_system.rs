//! Step 3 — Video system: authorisation, retention, public information, control centre,
//! analytics software, statistics, searches, the camera inventory and the capabilities.

use egui::RichText;

use super::StepCtx;
use crate::model::camera::summarise;
use crate::model::{
    Assessment, CapabilityId, CapabilityRecord, CapabilityState, Presence, SearchInitiator,
    UnlockHolder, UsageMode, UseScope,
};
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
        ui.label(
            RichText::new(format!(
                "{} : {}",
                cx.t("field.authorisation.expires_on"),
                expiry.french()
            ))
            .weak(),
        );
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

    cameras_ui(ui, cx, a);
    capabilities_ui(ui, cx, a);
}

/// The camera inventory in figures, and its rows (only the visible ones are laid out).
fn cameras_ui(ui: &mut egui::Ui, cx: &mut StepCtx, a: &mut Assessment) {
    subheading_ui(ui, &cx.t("section.cameras"));
    let summary = summarise(&a.cameras);
    let is_highlighted = cx.is_highlighted("cameras");
    let text = cx.tw(
        "ui.cameras_summary",
        &[
            ("total", &summary.total.to_string()),
            ("coupled", &summary.analytics_coupled.to_string()),
        ],
    );
    let label = ui.label(RichText::new(text).strong());
    if is_highlighted && cx.should_scroll {
        label.scroll_to_me(Some(egui::Align::Center));
    }
    for (perimeter, count) in &summary.per_perimeter {
        ui.label(format!("• {perimeter} — {count}"));
    }
    ui.add_space(4.0);
    let row_height = 20.0;
    egui::Frame::group(ui.style()).show(ui, |ui| {
        ui.horizontal(|ui| {
            for (key, width) in [
                ("column.camera_id", 80.0),
                ("column.location", 300.0),
                ("column.perimeter", 180.0),
                ("column.analytics", 90.0),
            ] {
                ui.add_sized(
                    [width, row_height],
                    egui::Label::new(RichText::new(cx.t(key)).strong()),
                );
            }
        });
        egui::ScrollArea::vertical()
            .id_salt("cameras_table")
            .max_height(240.0)
            .show_rows(ui, row_height, a.cameras.len(), |ui, rows| {
                for camera in &a.cameras[rows] {
                    let highlight = cx
                        .highlight
                        .is_some_and(|h| h.starts_with(&format!("cameras[{}]", camera.camera_id)));
                    ui.horizontal(|ui| {
                        let id = RichText::new(camera.camera_id.as_str());
                        let id = if highlight {
                            id.color(theme::BAD).strong()
                        } else {
                            id
                        };
                        ui.add_sized([80.0, row_height], egui::Label::new(id));
                        ui.add_sized(
                            [300.0, row_height],
                            egui::Label::new(&camera.location).truncate(),
                        );
                        ui.add_sized(
                            [180.0, row_height],
                            egui::Label::new(&camera.perimeter).truncate(),
                        );
                        let coupled = if camera.is_analytics_coupled {
                            cx.t("ui.yes")
                        } else {
                            String::new()
                        };
                        ui.add_sized([90.0, row_height], egui::Label::new(coupled));
                    });
                }
            });
    });
    ui.label(
        RichText::new(cx.t("ui.inventory_editor_note"))
            .small()
            .weak(),
    );
}

/// The capability checklist: presence, state, unlock holder, usage and declared use, with the
/// legal status from the knowledge base beside each.
fn capabilities_ui(ui: &mut egui::Ui, cx: &mut StepCtx, a: &mut Assessment) {
    subheading_ui(ui, &cx.t("section.capabilities"));
    let lang = cx.lang;
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
