//! Step 6 — Measures and action plan: the measures of the assessment (from the catalogue or the
//! user's own), their status, owner and deadline, and the action plan by deadline.

use crate::model::path;
use egui::RichText;

use super::StepCtx;
use crate::edit::Edit;
use crate::model::measure::action_plan;
use crate::model::{Assessment, MeasureKind, MeasureStatus};
use crate::ui::action::Action;
use crate::ui::date_field::date_ui;
use crate::ui::widgets::{choice_combo_ui, field_ui, list_heading_ui, subheading_ui};

/// Draws the step.
pub fn ui(ui: &mut egui::Ui, cx: &mut StepCtx, a: &mut Assessment) {
    let lang = cx.lang;
    list_heading_ui(ui, cx, &path::MEASURES, &cx.t("dossier.ch.measures"));
    let mut remove = None;
    for measure in &mut a.measures {
        let path = path::measure(&measure.measure_id, None);
        let title = format!("{} — {}", measure.measure_id, measure.title);
        let clicked = field_ui(ui, cx, &path, &title, |ui, label_id| {
            ui.add(
                egui::TextEdit::singleline(&mut measure.title).desired_width(ui.available_width()),
            )
            .labelled_by(label_id);
            let name = format!("{path}.description");
            crate::ui::text_area::text_area_ui(ui, &name, &mut measure.description, 2, None)
                .labelled_by(label_id);
            ui.horizontal(|ui| {
                choice_combo_ui(
                    ui,
                    lang,
                    &format!("{path}.kind"),
                    "measure_kind",
                    &mut measure.kind,
                    &[
                        MeasureKind::Legal,
                        MeasureKind::Organisational,
                        MeasureKind::Technical,
                    ],
                    label_id,
                );
                choice_combo_ui(
                    ui,
                    lang,
                    &format!("{path}.status"),
                    "measure_status",
                    &mut measure.status,
                    &[MeasureStatus::Existing, MeasureStatus::Planned],
                    label_id,
                );
            });
            ui.add(
                egui::TextEdit::singleline(&mut measure.owner)
                    .hint_text(crate::i18n::tr(lang, "dossier.col.owner"))
                    .desired_width(240.0),
            )
            .labelled_by(label_id);
            ui.button(crate::i18n::tr(lang, "ui.remove")).clicked()
        });
        crate::ui::widgets::evidence_ids_ui(
            ui,
            cx,
            &format!("{path}.evidence_ids"),
            &mut measure.evidence_ids,
        );
        if measure.status == MeasureStatus::Planned {
            date_ui(
                ui,
                cx,
                &format!("{path}.deadline"),
                &cx.t("dossier.col.deadline"),
                &mut measure.deadline,
            );
        }
        if clicked {
            remove = Some(measure.measure_id.clone());
        }
    }
    if let Some(id) = remove {
        cx.actions.push(Action::Edit(Edit::RemoveMeasure(id)));
    }

    catalogue_ui(ui, cx, a);
    if ui.button(cx.t("ui.add_custom_measure")).clicked() {
        cx.actions.push(Action::Edit(Edit::AddCustomMeasure));
    }

    subheading_ui(ui, &cx.t("dossier.action_plan"));
    let plan = action_plan(&a.measures);
    if plan.is_empty() {
        ui.label(RichText::new(cx.t("dossier.no_action_plan")).weak());
    }
    egui::Grid::new("action_plan")
        .striped(true)
        .num_columns(3)
        .spacing([16.0, 4.0])
        .show(ui, |ui| {
            for measure in plan {
                ui.label(
                    measure
                        .deadline
                        .map_or_else(|| cx.t("dossier.not_filled"), |d| d.display(cx.lang)),
                );
                ui.label(format!("{} — {}", measure.measure_id, measure.title));
                ui.label(&measure.owner);
                ui.end_row();
            }
        });
}

/// The measures catalogue: every measure with its title and description, grouped by kind, with
/// a search box over ids, titles and descriptions; « Add » copies one into the assessment.
fn catalogue_ui(ui: &mut egui::Ui, cx: &mut StepCtx, a: &Assessment) {
    let lang = cx.lang;
    subheading_ui(ui, &cx.t("ui.catalogue"));
    let search_id = ui.make_persistent_id("measure_catalogue_search");
    let mut search: String = ui.data_mut(|d| d.get_temp(search_id)).unwrap_or_default();
    ui.horizontal(|ui| {
        let label = ui.label(cx.t("ui.catalogue_search"));
        ui.add(
            egui::TextEdit::singleline(&mut search)
                .hint_text(cx.t("ui.catalogue_search_hint"))
                .desired_width(320.0),
        )
        .labelled_by(label.id);
    });
    ui.data_mut(|d| d.insert_temp(search_id, search.clone()));
    let needle = search.trim().to_lowercase();
    let defs = cx.kb.measures.clone();
    let mut shown = 0;
    for kind in [
        MeasureKind::Legal,
        MeasureKind::Organisational,
        MeasureKind::Technical,
    ] {
        let matching: Vec<_> = defs
            .iter()
            .filter(|d| d.kind == kind)
            .filter(|d| {
                needle.is_empty()
                    || [d.id.as_str(), d.title.get(lang), d.description.get(lang)]
                        .iter()
                        .any(|text| text.to_lowercase().contains(&needle))
            })
            .collect();
        if matching.is_empty() {
            continue;
        }
        ui.label(RichText::new(cx.t(&format!("enum.measure_kind.{kind:?}"))).strong());
        for def in matching {
            shown += 1;
            let is_used = a
                .measures
                .iter()
                .any(|m| m.catalogue_id.as_ref() == Some(&def.id));
            egui::Frame::group(ui.style()).show(ui, |ui| {
                ui.set_width(ui.available_width());
                ui.horizontal(|ui| {
                    ui.label(
                        RichText::new(format!("{} — {}", def.id, def.title.get(lang))).strong(),
                    );
                    ui.with_layout(egui::Layout::right_to_left(egui::Align::Center), |ui| {
                        if is_used {
                            ui.label(
                                RichText::new(cx.t("ui.catalogue_in_use"))
                                    .color(crate::ui::theme::palette(ui.ctx()).good),
                            );
                        } else if ui
                            .button(cx.t("ui.add"))
                            .on_hover_text(def.title.get(lang))
                            .clicked()
                        {
                            cx.actions
                                .push(Action::Edit(Edit::AddCatalogueMeasure(def.id.clone())));
                        }
                    });
                });
                ui.label(def.description.get(lang));
            });
        }
    }
    if shown == 0 {
        ui.label(RichText::new(cx.t("ui.catalogue_no_match")).weak());
    }
}
