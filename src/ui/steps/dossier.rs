//! Step 8 — Dossier: the verdict and the findings in figures, the export of the dossier (full or
//! public version; PDF, OpenDocument, Word or plain text), which runs in the background, and the
//! documents derived from the AIPD (register entry, public notice, prior-consultation letter) in
//! the same format, and the CNIL PIA file.

use crate::model::path;
use std::path::Path;

use egui::RichText;

use super::StepCtx;
use crate::documents::{self, DocumentKind};
use crate::model::Assessment;
use crate::rules::Severity;
use crate::session::Format;
use crate::ui::action::Action;
use crate::ui::export_state::ExportState;
use crate::ui::theme;
use crate::ui::widgets::{field_ui, subheading_ui, text_ui};

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
        &path::project::DOSSIER_LANGUAGE,
        &cx.label(&path::project::DOSSIER_LANGUAGE),
        "lang",
        &mut a.project.dossier_language,
        &languages,
    );
    let mut path = std::mem::take(cx.export_path);
    let mut public = *cx.export_public;
    let browse_clicked = field_ui(
        ui,
        cx,
        "export.path",
        crate::i18n::tr(lang, "ui.export_path"),
        |ui, label_id| {
            let browse = ui
                .horizontal(|ui| {
                    let browse = ui.button(crate::i18n::tr(lang, "ui.browse")).clicked();
                    ui.add(
                        egui::TextEdit::singleline(&mut path).desired_width(ui.available_width()),
                    )
                    .labelled_by(label_id);
                    browse
                })
                .inner;
            ui.checkbox(&mut public, crate::i18n::tr(lang, "ui.public_version"));
            browse
        },
    );
    // A typed or chosen extension that names a format chooses it.
    if let Some(typed) = Format::from_path(Path::new(path.trim())) {
        *cx.export_format = typed;
    }
    let mut format = *cx.export_format;
    let format_label = cx.t("ui.export_format");
    ui.horizontal_wrapped(|ui| {
        ui.label(RichText::new(format_label).strong());
        for choice in Format::ALL {
            ui.radio_value(&mut format, choice, cx.t(choice.choice_key()));
        }
    });
    if format != *cx.export_format {
        *cx.export_format = format;
        if !path.trim().is_empty() {
            path = format
                .apply_to(Path::new(path.trim()))
                .display()
                .to_string();
        }
    }
    if format != Format::Pdf {
        ui.label(
            RichText::new(cx.t("ui.format_editable_hint"))
                .small()
                .weak(),
        );
    }
    let format_name = cx.t(format.label_key());
    let export_clicked = ui
        .button(RichText::new(cx.tw("ui.export_dossier_as", &[("format", &format_name)])).strong())
        .clicked();
    // The public version has its own name, so it never replaces the full (signed) dossier.
    if public != *cx.export_public && !path.trim().is_empty() {
        path = crate::session::export::public_path(Path::new(path.trim()), public)
            .display()
            .to_string();
    }
    *cx.export_path = path;
    *cx.export_public = public;
    if export_clicked {
        cx.actions
            .push(Action::Command(crate::ui::command::Command::ExportDossier));
    }
    if browse_clicked {
        cx.actions.push(Action::Browse(
            crate::ui::file_dialog::DialogPurpose::SavePdf,
        ));
    }
    ui.label(RichText::new(cx.t("ui.public_leaves_out")).strong());
    // What the public version leaves out matters only when it is the one exported.
    let is_public = *cx.export_public;
    // The names the project holds, masked in free text too (« DSI (J. Perrin) »).
    let names = crate::dossier::names::known_names(a).join(", ");
    ui.add_enabled_ui(is_public, |ui| {
        ui.indent("public_version", |ui| {
            let public = &mut a.project.public_version;
            ui.checkbox(
                &mut public.hides_camera_locations,
                cx.t("ui.hide_locations"),
            );
            ui.checkbox(&mut public.hides_people_names, cx.t("ui.hide_names"));
            if public.hides_people_names {
                let names = if names.is_empty() {
                    "—"
                } else {
                    names.as_str()
                };
                ui.label(
                    RichText::new(cx.tw("ui.hide_names_preview", &[("names", names)]))
                        .small()
                        .weak(),
                );
            }
            ui.checkbox(
                &mut public.hides_internal_references,
                cx.t("ui.hide_internal"),
            );
        })
    });
    match cx.export {
        ExportState::Idle => {}
        ExportState::Running => {
            ui.horizontal(|ui| {
                ui.spinner();
                ui.label(cx.t("ui.exporting"));
            });
        }
        ExportState::Done {
            path,
            pages,
            bytes,
            format,
        } => {
            let message = if *format == Format::Pdf {
                cx.tw(
                    "ui.exported",
                    &[
                        ("path", &path.display().to_string()),
                        ("pages", &pages.to_string()),
                        ("kb", &(bytes / 1024).to_string()),
                    ],
                )
            } else {
                cx.tw(
                    "ui.exported_file",
                    &[
                        ("path", &path.display().to_string()),
                        ("format", &cx.t(format.label_key())),
                        ("kb", &(bytes / 1024).to_string()),
                    ],
                )
            };
            ui.label(RichText::new(message).color(theme::palette(ui.ctx()).good));
            let open = if *format == Format::Pdf {
                "ui.open_pdf"
            } else {
                "ui.open_file"
            };
            if ui.button(cx.t(open)).clicked() {
                cx.actions.push(Action::OpenInViewer(path.clone()));
            }
        }
        ExportState::Failed(message) => {
            ui.label(RichText::new(message).color(theme::palette(ui.ctx()).bad));
        }
    }
    branding_ui(ui, cx, a);
    derived_documents_ui(ui, cx, a);
}

/// The firm's branding: this project's, over the user's own (a setting of this computer).
fn branding_ui(ui: &mut egui::Ui, cx: &mut StepCtx, a: &mut Assessment) {
    subheading_ui(ui, &cx.t("ui.branding"));
    ui.label(RichText::new(cx.t("ui.branding_hint")).weak());
    let columns = [
        ("project", cx.t("ui.branding_project")),
        ("user", cx.t("ui.branding_user")),
    ];
    for (which, title) in columns {
        ui.label(RichText::new(title).strong());
        let mut branding = if which == "project" {
            a.project.branding.clone()
        } else {
            cx.user_branding.clone()
        };
        let prefix = format!("{which}.branding");
        text_ui(
            ui,
            cx,
            &format!("{prefix}.firm_name"),
            &cx.t("ui.branding_firm"),
            &mut branding.firm_name,
        );
        if which == "project" {
            project_logo_ui(
                ui,
                cx,
                a,
                &format!("{prefix}.logo_path"),
                &mut branding.logo_path,
            );
        } else {
            text_ui(
                ui,
                cx,
                &format!("{prefix}.logo_path"),
                &cx.t("ui.branding_logo"),
                &mut branding.logo_path,
            );
        }
        text_ui(
            ui,
            cx,
            &format!("{prefix}.accent"),
            &cx.t("ui.branding_accent"),
            &mut branding.accent,
        );
        let accent = branding.accent.trim();
        if !accent.is_empty() {
            match crate::model::branding::parse_hex(accent) {
                Some((r, g, b)) => {
                    ui.horizontal(|ui| {
                        let (rect, _) =
                            ui.allocate_exact_size(egui::vec2(28.0, 14.0), egui::Sense::hover());
                        ui.painter()
                            .rect_filled(rect, 2.0, egui::Color32::from_rgb(r, g, b));
                        ui.label(RichText::new(cx.t("ui.branding_accent_ok")).small());
                    });
                }
                None => {
                    ui.label(
                        RichText::new(cx.t("ui.branding_accent_bad"))
                            .small()
                            .color(theme::palette(ui.ctx()).bad),
                    );
                }
            }
        }
        text_ui(
            ui,
            cx,
            &format!("{prefix}.footer_line"),
            &cx.t("ui.branding_footer"),
            &mut branding.footer_line,
        );
        if which == "project" {
            if branding != a.project.branding {
                a.project.branding = branding;
            }
        } else if branding != *cx.user_branding {
            *cx.user_branding = branding;
        }
    }
    ui.label(RichText::new(cx.t("ui.branding_logo_hint")).small().weak());
}

/// The project's logo: the one of the evidence locker (with its check and « remove »), else a
/// typed path and the button that attaches it to the locker.
fn project_logo_ui(
    ui: &mut egui::Ui,
    cx: &mut StepCtx,
    a: &Assessment,
    path: &str,
    typed: &mut String,
) {
    let in_locker = a
        .evidence
        .iter()
        .rev()
        .find(|e| e.kind == crate::model::EvidenceKind::Logo);
    if let Some(entry) = in_locker {
        let status = cx
            .evidence_statuses
            .iter()
            .find(|(id, _)| id == &entry.evidence_id)
            .map(|(_, s)| *s);
        let lang = cx.lang;
        let text = cx.tw(
            "ui.logo_in_locker",
            &[
                ("id", entry.evidence_id.as_str()),
                ("name", entry.description.as_str()),
            ],
        );
        let mut remove = false;
        field_ui(ui, cx, path, &cx.t("ui.branding_logo"), |ui, label_id| {
            ui.horizontal_wrapped(|ui| {
                ui.label(text).labelled_by(label_id);
                super::video_system::evidence::status_ui(ui, lang, status);
                remove = ui
                    .small_button(crate::i18n::tr(lang, "ui.logo_remove"))
                    .clicked();
            });
        });
        if remove {
            cx.actions
                .push(Action::Edit(crate::edit::Edit::RemoveEvidence(
                    entry.evidence_id.clone(),
                )));
        }
        return;
    }
    text_ui(ui, cx, path, &cx.t("ui.branding_logo"), typed);
    let written = typed.trim();
    if !written.is_empty() {
        ui.horizontal_wrapped(|ui| {
            if ui.button(cx.t("ui.logo_attach")).clicked() {
                let typed_path = std::path::Path::new(written);
                let file = match cx.project_file.and_then(std::path::Path::parent) {
                    Some(folder) if typed_path.is_relative() => folder.join(typed_path),
                    _ => typed_path.to_owned(),
                };
                cx.actions.push(Action::AttachLogo(file));
            }
            ui.label(RichText::new(cx.t("ui.logo_attach_hint")).small().weak());
        });
    }
}

/// The documents derived from the same answers, and the CNIL PIA file.
fn derived_documents_ui(ui: &mut egui::Ui, cx: &mut StepCtx, a: &Assessment) {
    let format_name = cx.t(cx.export_format.label_key());
    subheading_ui(ui, &cx.t("ui.documents"));
    ui.label(RichText::new(cx.t("ui.documents_hint")).weak());
    let is_consultation_required = documents::letter_ground(a, cx.report).is_some();
    egui::Grid::new("derived_documents")
        .num_columns(3)
        .spacing([12.0, 6.0])
        .show(ui, |ui| {
            for kind in DocumentKind::ALL {
                // The FRIA is offered where AI Act art. 27 asks for it (the command line writes
                // it in any case).
                if kind == DocumentKind::Fria && !documents::fria_applies(a, cx.report) {
                    continue;
                }
                let is_available = kind != DocumentKind::Consultation || is_consultation_required;
                if kind == DocumentKind::Authorisation {
                    // Written in French whatever the interface's language.
                    ui.label(cx.t(kind.title_key()))
                        .on_hover_text(cx.t("ui.request.french_only"));
                } else {
                    ui.label(cx.t(kind.title_key()));
                }
                let export = ui.add_enabled(
                    is_available,
                    egui::Button::new(cx.tw("ui.export_as", &[("format", &format_name)])),
                );
                let copy = ui.add_enabled(is_available, egui::Button::new(cx.t("ui.copy_text")));
                if !is_available {
                    let why = cx.t("doc.consultation.not_required");
                    export.on_disabled_hover_text(&why);
                    copy.on_disabled_hover_text(&why);
                } else {
                    if export.clicked() {
                        cx.actions.push(Action::ExportDocument(kind));
                    }
                    if copy.clicked() {
                        cx.actions.push(Action::CopyDocument(kind));
                    }
                }
                ui.end_row();
            }
            ui.label(cx.t("ui.pia_file"));
            if ui.button(cx.t("ui.export_pia")).clicked() {
                cx.actions.push(Action::ExportPia);
            }
            ui.end_row();
        });
    if !is_consultation_required {
        ui.label(
            RichText::new(cx.t("doc.consultation.not_required"))
                .small()
                .weak(),
        );
    }
}
