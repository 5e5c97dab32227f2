//! Step 8 — Dossier: the verdict and the findings in figures, and the export of the PDF (full or
//! public version), which runs in the background.

use egui::RichText;

use super::StepCtx;
use crate::model::Assessment;
use crate::rules::Severity;
use crate::ui::action::Action;
use crate::ui::state::ExportState;
use crate::ui::theme;
use crate::ui::widgets::{field_ui, subheading_ui};

/// Draws the step.
pub fn ui(ui: &mut egui::Ui, cx: &mut StepCtx, a: &mut Assessment) {
    subheading_ui(ui, &cx.t("dossier.summary"));
    let report = cx.report;
    let verdict = cx.t(&format!("verdict.{}", report.screening.verdict.code()));
    ui.label(RichText::new(verdict).size(18.0).strong());
    for severity in Severity::ALL {
        let count = report.with_severity(severity).count();
        let name = cx.t(&format!("severity.{}", severity.code()));
        ui.label(cx.tw(
            "cli.check.count",
            &[("severity", &name), ("count", &count.to_string())],
        ));
    }
    ui.label(
        cx.tw(
            "dossier.percent",
            &[("n", &report.completeness.percent().to_string())],
        ) + " — "
            + &cx.t("dossier.completeness"),
    );

    subheading_ui(ui, &cx.t("ui.export"));
    let lang = cx.lang;
    let languages = crate::model::Lang::ALL;
    crate::ui::widgets::choice_ui(
        ui,
        cx,
        "project.dossier_language",
        &cx.t("field.project.dossier_language"),
        "lang",
        &mut a.project.dossier_language,
        &languages,
    );
    let mut path = std::mem::take(cx.export_path);
    let mut public = *cx.export_public;
    let clicked = field_ui(
        ui,
        cx,
        "export.path",
        crate::i18n::tr(lang, "ui.export_path"),
        |ui, label_id| {
            ui.add(egui::TextEdit::singleline(&mut path).desired_width(ui.available_width()))
                .labelled_by(label_id);
            ui.checkbox(&mut public, crate::i18n::tr(lang, "ui.public_version"));
            ui.button(RichText::new(crate::i18n::tr(lang, "action.export")).strong())
                .clicked()
        },
    );
    *cx.export_path = path;
    *cx.export_public = public;
    if clicked {
        cx.actions.push(Action::Export);
    }
    ui.label(RichText::new(cx.t("ui.public_leaves_out")).strong());
    ui.indent("public_version", |ui| {
        let public = &mut a.project.public_version;
        ui.checkbox(
            &mut public.hides_camera_locations,
            cx.t("ui.hide_locations"),
        );
        ui.checkbox(&mut public.hides_people_names, cx.t("ui.hide_names"));
        ui.checkbox(
            &mut public.hides_internal_references,
            cx.t("ui.hide_internal"),
        );
    });
    if ui.button(cx.t("ui.browse")).clicked() {
        cx.actions.push(Action::Browse(
            crate::ui::file_dialog::DialogPurpose::SavePdf,
        ));
    }
    match cx.export {
        ExportState::Idle => {}
        ExportState::Running => {
            ui.horizontal(|ui| {
                ui.spinner();
                ui.label(cx.t("ui.exporting"));
            });
        }
        ExportState::Done { path, pages, bytes } => {
            ui.label(
                RichText::new(cx.tw(
                    "ui.exported",
                    &[
                        ("path", &path.display().to_string()),
                        ("pages", &pages.to_string()),
                        ("kb", &(bytes / 1024).to_string()),
                    ],
                ))
                .color(theme::GOOD),
            );
            if ui.button(cx.t("ui.open_pdf")).clicked() {
                // Hand the file to the desktop's viewer; failing to find one is not an error of ours.
                std::process::Command::new("xdg-open")
                    .arg(path)
                    .spawn()
                    .ok();
            }
        }
        ExportState::Failed(message) => {
            ui.label(RichText::new(message).color(theme::BAD));
        }
    }
}
