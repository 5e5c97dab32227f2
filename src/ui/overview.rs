//! The read-only overview of an assessment: cover data, purposes, video system, capabilities and
//! camera inventory, each in a collapsible section.

use egui::RichText;

use super::theme;
use crate::i18n::{tr, tr_with, Lang};
use crate::knowledge::KnowledgeBase;
use crate::model::camera::summarise;
use crate::model::{Assessment, CapabilityState, Date, Presence};

/// Draws the overview.
pub fn overview_ui(ui: &mut egui::Ui, assessment: &Assessment, kb: &KnowledgeBase, lang: Lang) {
    egui::ScrollArea::vertical()
        .auto_shrink([false, false])
        .show(ui, |ui| {
            ui.heading(&assessment.project.title);
            ui.label(RichText::new(&assessment.project.organisation).strong());
            ui.add_space(8.0);
            project_ui(ui, assessment, lang);
            purposes_ui(ui, assessment, kb, lang);
            video_system_ui(ui, assessment, lang);
            capabilities_ui(ui, assessment, kb, lang);
            cameras_ui(ui, assessment, lang);
        });
}

fn kv(ui: &mut egui::Ui, lang: Lang, key: &str, value: impl Into<String>) {
    ui.label(RichText::new(tr(lang, key)).weak());
    let value = value.into();
    if value.trim().is_empty() {
        ui.label(RichText::new(tr(lang, "ui.not_filled")).italics().weak());
    } else {
        ui.label(value);
    }
    ui.end_row();
}

fn date(lang: Lang, date: Option<Date>) -> String {
    date.map(|d| match lang {
        Lang::Fr => d.french(),
        Lang::En => d.iso(),
    })
    .unwrap_or_default()
}

fn yes_no(lang: Lang, value: Option<bool>) -> String {
    match value {
        Some(true) => tr(lang, "ui.yes").to_owned(),
        Some(false) => tr(lang, "ui.no").to_owned(),
        None => String::new(),
    }
}

/// The label of an enum value, from the key `enum.<kind>.<Variant>`.
fn variant(lang: Lang, kind: &str, value: impl std::fmt::Debug) -> String {
    tr(lang, &format!("enum.{kind}.{value:?}")).to_owned()
}

fn section(ui: &mut egui::Ui, lang: Lang, key: &str, body: impl FnOnce(&mut egui::Ui)) {
    egui::CollapsingHeader::new(RichText::new(tr(lang, key)).size(17.0).strong())
        .id_salt(key)
        .default_open(true)
        .show(ui, body);
    ui.add_space(6.0);
}

fn project_ui(ui: &mut egui::Ui, a: &Assessment, lang: Lang) {
    let p = &a.project;
    section(ui, lang, "section.project", |ui| {
        egui::Grid::new("project_grid")
            .num_columns(2)
            .spacing([24.0, 6.0])
            .show(ui, |ui| {
                kv(
                    ui,
                    lang,
                    "field.project.organisation_kind",
                    variant(lang, "organisation_kind", p.organisation_kind),
                );
                kv(ui, lang, "field.project.dpo_name", &p.dpo_name);
                kv(ui, lang, "field.project.authors", p.authors.join(" ; "));
                kv(ui, lang, "field.project.consultant", &p.consultant);
                kv(ui, lang, "field.project.version", &p.version);
                kv(
                    ui,
                    lang,
                    "field.project.status",
                    variant(lang, "status", p.status),
                );
                kv(
                    ui,
                    lang,
                    "field.project.deployment_stage",
                    variant(lang, "deployment_stage", p.deployment_stage),
                );
                kv(
                    ui,
                    lang,
                    "field.project.updated_on",
                    date(lang, p.updated_on),
                );
                kv(
                    ui,
                    lang,
                    "field.project.review_due_on",
                    date(lang, p.review_due_on),
                );
                kv(
                    ui,
                    lang,
                    "field.project.dossier_language",
                    variant(lang, "lang", p.dossier_language),
                );
            });
    });
}

fn purposes_ui(ui: &mut egui::Ui, a: &Assessment, kb: &KnowledgeBase, lang: Lang) {
    section(ui, lang, "section.purposes", |ui| {
        for purpose in &a.processing.purposes {
            let label = kb.purpose(purpose.kind).map_or_else(
                || format!("{:?}", purpose.kind),
                |p| p.label.get(lang).to_owned(),
            );
            ui.add(egui::Label::new(RichText::new(label).strong()).wrap());
            ui.label(
                RichText::new(format!(
                    "{} — {}",
                    variant(lang, "regime", purpose.regime),
                    variant(lang, "legal_basis", purpose.legal_basis)
                ))
                .weak(),
            );
            if !purpose.description.is_empty() {
                ui.add(egui::Label::new(&purpose.description).wrap());
            }
            ui.add_space(6.0);
        }
    });
}

fn video_system_ui(ui: &mut egui::Ui, a: &Assessment, lang: Lang) {
    let v = &a.video_system;
    section(ui, lang, "section.video_system", |ui| {
        egui::Grid::new("video_grid")
            .num_columns(2)
            .spacing([24.0, 6.0])
            .show(ui, |ui| {
                kv(
                    ui,
                    lang,
                    "field.authorisation.reference",
                    &v.authorisation.reference,
                );
                kv(
                    ui,
                    lang,
                    "field.authorisation.granted_on",
                    date(lang, v.authorisation.granted_on),
                );
                kv(
                    ui,
                    lang,
                    "field.authorisation.expires_on",
                    date(lang, v.authorisation.expires_on()),
                );
                let days = |d: Option<u32>| {
                    d.map(|d| format!("{d} {}", tr(lang, "ui.days")))
                        .unwrap_or_default()
                };
                kv(
                    ui,
                    lang,
                    "field.authorisation.authorised_retention_days",
                    days(v.authorisation.authorised_retention_days),
                );
                kv(
                    ui,
                    lang,
                    "field.video_system.image_retention_days",
                    days(v.image_retention_days),
                );
                kv(
                    ui,
                    lang,
                    "field.video_system.metadata_retention_days",
                    days(v.metadata_retention_days),
                );
                kv(
                    ui,
                    lang,
                    "field.video_system.operating_hours",
                    &v.operating_hours,
                );
                kv(
                    ui,
                    lang,
                    "field.public_information.has_signs",
                    yes_no(lang, v.public_information.has_signs),
                );
                kv(
                    ui,
                    lang,
                    "field.public_information.notice_mentions_statistics",
                    yes_no(lang, v.public_information.notice_mentions_statistics),
                );
                kv(
                    ui,
                    lang,
                    "field.control_centre.name",
                    &v.control_centre.name,
                );
                let software = format!(
                    "{} {} {}",
                    v.software.vendor, v.software.product, v.software.version
                );
                kv(ui, lang, "field.software", software.trim());
                kv(
                    ui,
                    lang,
                    "field.software.licensed_modules",
                    v.software.licensed_modules.join(" ; "),
                );
                kv(
                    ui,
                    lang,
                    "field.searches.is_requisition_only",
                    yes_no(lang, v.searches.is_requisition_only),
                );
            });
    });
}

fn capabilities_ui(ui: &mut egui::Ui, a: &Assessment, kb: &KnowledgeBase, lang: Lang) {
    section(ui, lang, "section.capabilities", |ui| {
        egui::Grid::new("capabilities_grid")
            .num_columns(4)
            .striped(true)
            .spacing([18.0, 6.0])
            .show(ui, |ui| {
                for key in [
                    "column.capability",
                    "column.presence",
                    "column.state",
                    "column.unlock_holder",
                ] {
                    ui.label(RichText::new(tr(lang, key)).strong());
                }
                ui.end_row();
                for def in &kb.capabilities {
                    let record = a.capability(def.id.as_str());
                    ui.label(format!("{} — {}", def.id, def.label.get(lang)))
                        .on_hover_text(def.status_note.get(lang));
                    let Some(record) = record else {
                        ui.label(RichText::new(tr(lang, "ui.not_examined")).italics().weak());
                        ui.label("");
                        ui.label("");
                        ui.end_row();
                        continue;
                    };
                    ui.label(variant(lang, "presence", record.presence));
                    if record.presence == Presence::Present {
                        let colour = match record.state {
                            CapabilityState::Enabled => theme::WARN,
                            CapabilityState::LockedByVendor => theme::GOOD,
                            CapabilityState::DisabledByConfig | CapabilityState::Unknown => {
                                theme::BAD
                            }
                        };
                        ui.label(
                            RichText::new(variant(lang, "capability_state", record.state))
                                .color(colour),
                        );
                        ui.label(variant(lang, "unlock_holder", record.unlock_holder));
                    } else {
                        ui.label("—");
                        ui.label("—");
                    }
                    ui.end_row();
                }
            });
    });
}

fn cameras_ui(ui: &mut egui::Ui, a: &Assessment, lang: Lang) {
    let summary = summarise(&a.cameras);
    section(ui, lang, "section.cameras", |ui| {
        ui.label(tr_with(
            lang,
            "ui.cameras_summary",
            &[
                ("total", &summary.total.to_string()),
                ("coupled", &summary.analytics_coupled.to_string()),
            ],
        ));
        for (perimeter, count) in &summary.per_perimeter {
            ui.label(format!("• {perimeter} — {count}"));
        }
        ui.add_space(6.0);
        egui::Grid::new("cameras_grid")
            .num_columns(4)
            .striped(true)
            .spacing([18.0, 4.0])
            .show(ui, |ui| {
                for key in [
                    "column.camera_id",
                    "column.location",
                    "column.perimeter",
                    "column.analytics",
                ] {
                    ui.label(RichText::new(tr(lang, key)).strong());
                }
                ui.end_row();
                for camera in &a.cameras {
                    ui.label(camera.camera_id.as_str());
                    ui.label(&camera.location);
                    ui.label(&camera.perimeter);
                    ui.label(if camera.is_analytics_coupled {
                        tr(lang, "ui.yes")
                    } else {
                        ""
                    });
                    ui.end_row();
                }
            });
    });
}
