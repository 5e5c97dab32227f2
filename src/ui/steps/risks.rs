//! Step 5 — Risks: the CNIL map, and each feared event with its sources, threats, impacts,
//! linked measures, severity and likelihood before and after the planned measures.

use crate::model::path;
use egui::RichText;

use super::StepCtx;
use crate::edit::Edit;
use crate::model::{Assessment, FearedEvent, Level, MeasureId};
use crate::ui::action::Action;
use crate::ui::risk_map::{risk_map_ui, MapEvent};
use crate::ui::widgets::{field_ui, list_heading_ui, subheading_ui};

const EVENTS: [FearedEvent; 4] = [
    FearedEvent::IllegitimateAccess,
    FearedEvent::UnwantedModification,
    FearedEvent::Disappearance,
    FearedEvent::Other,
];

/// What the plans show the cameras see of sensitive places (PLAN-SENSITIVE), to weigh in the
/// risks, with a way to the plan.
fn sensitive_places_ui(ui: &mut egui::Ui, cx: &mut StepCtx) {
    let Some(finding) = cx.report.by_rule("PLAN-SENSITIVE").next() else {
        return;
    };
    let palette = crate::ui::theme::palette(ui.ctx());
    egui::Frame::group(ui.style())
        .stroke(egui::Stroke::new(1.0, palette.accent))
        .show(ui, |ui| {
            ui.label(egui::RichText::new(finding.title.get(cx.lang)).strong());
            ui.label(finding.message.get(cx.lang));
            if ui.button(cx.t("ui.plan.show_on_plan")).clicked() {
                cx.actions.push(Action::GoTo(
                    crate::ui::step::Step::VideoSystem,
                    finding.fields.first().cloned(),
                ));
            }
        });
}

/// Draws the step.
pub fn ui(ui: &mut egui::Ui, cx: &mut StepCtx, a: &mut Assessment) {
    let lang = cx.lang;
    list_heading_ui(ui, cx, &path::RISKS, &cx.t("dossier.risk_map"));
    match risk_map_ui(ui, lang, &a.risks) {
        Some(MapEvent::Open(id)) => cx.actions.push(Action::GoTo(
            crate::ui::step::Step::Risks,
            Some(path::risk(id, None)),
        )),
        Some(MapEvent::Move {
            risk,
            is_residual,
            to,
        }) => {
            if let Some(risk) = a.risks.iter_mut().find(|r| r.risk_id == risk) {
                let (severity, likelihood) = if is_residual {
                    (&mut risk.residual_severity, &mut risk.residual_likelihood)
                } else {
                    (&mut risk.severity, &mut risk.likelihood)
                };
                *severity = Some(to.severity);
                *likelihood = Some(to.likelihood);
            }
        }
        None => {}
    }
    ui.label(
        egui::RichText::new(cx.t("ui.map_click_hint"))
            .small()
            .weak(),
    );
    sensitive_places_ui(ui, cx);
    let measure_ids: Vec<(MeasureId, String)> = a
        .measures
        .iter()
        .map(|m| {
            (
                m.measure_id.clone(),
                format!("{} — {}", m.measure_id, m.title),
            )
        })
        .collect();
    let mut remove = None;
    for risk in &mut a.risks {
        let path = path::risk(&risk.risk_id, None);
        subheading_ui(ui, &format!("{} — {}", risk.risk_id, risk.title));
        let clicked = field_ui(
            ui,
            cx,
            &path,
            crate::i18n::tr(lang, "ui.risk_title"),
            |ui, label_id| {
                ui.add(
                    egui::TextEdit::singleline(&mut risk.title).desired_width(ui.available_width()),
                )
                .labelled_by(label_id);
                crate::ui::widgets::choice_combo_ui(
                    ui,
                    lang,
                    &format!("{path}.event"),
                    "feared_event",
                    &mut risk.feared_event,
                    &EVENTS,
                    label_id,
                );
                ui.button(crate::i18n::tr(lang, "ui.remove")).clicked()
            },
        );
        if clicked {
            remove = Some(risk.risk_id.clone());
        }
        crate::ui::widgets::lines_ui(
            ui,
            cx,
            &format!("{path}.sources"),
            &cx.t("dossier.risk_sources"),
            &mut risk.sources,
        );
        crate::ui::widgets::lines_ui(
            ui,
            cx,
            &format!("{path}.threats"),
            &cx.t("dossier.threats"),
            &mut risk.threats,
        );
        crate::ui::widgets::lines_ui(
            ui,
            cx,
            &format!("{path}.impacts"),
            &cx.t("dossier.impacts"),
            &mut risk.impacts,
        );
        field_ui(
            ui,
            cx,
            &format!("{path}.severity"),
            &cx.t("ui.levels_before"),
            |ui, label_id| {
                level_pair_ui(
                    ui,
                    lang,
                    &format!("{path}.before"),
                    &mut risk.severity,
                    &mut risk.likelihood,
                    label_id,
                );
            },
        );
        field_ui(
            ui,
            cx,
            &format!("{path}.residual"),
            &cx.t("ui.levels_after"),
            |ui, label_id| {
                level_pair_ui(
                    ui,
                    lang,
                    &format!("{path}.after"),
                    &mut risk.residual_severity,
                    &mut risk.residual_likelihood,
                    label_id,
                );
            },
        );
        field_ui(
            ui,
            cx,
            &format!("{path}.measure_ids"),
            &cx.t("dossier.linked_measures"),
            |ui, _label_id| {
                ui.vertical(|ui| {
                    for (id, label) in &measure_ids {
                        let mut is_linked = risk.measure_ids.contains(id);
                        if ui.checkbox(&mut is_linked, label).changed() {
                            if is_linked {
                                risk.measure_ids.push(id.clone());
                            } else {
                                risk.measure_ids.retain(|m| m != id);
                            }
                        }
                    }
                });
            },
        );
        crate::ui::widgets::evidence_ids_ui(
            ui,
            cx,
            &format!("{path}.evidence_ids"),
            &mut risk.evidence_ids,
        );
        crate::ui::widgets::multiline_ui(
            ui,
            cx,
            &format!("{path}.justification"),
            &cx.t("ui.justification"),
            &mut risk.justification,
        );
    }
    if let Some(id) = remove {
        cx.actions.push(Action::Edit(Edit::RemoveRisk(id)));
    }
    ui.add_space(8.0);
    if ui.button(cx.t("ui.add_risk")).clicked() {
        cx.actions.push(Action::Edit(Edit::AddRisk));
    }
}

fn level_combo_ui(
    ui: &mut egui::Ui,
    lang: crate::i18n::Lang,
    id: &str,
    value: &mut Option<Level>,
    label_id: egui::Id,
) {
    let name = |l: Option<Level>| match l {
        Some(l) => format!(
            "{} — {}",
            l.number(),
            crate::i18n::tr(lang, &format!("enum.level.{l:?}"))
        ),
        None => crate::i18n::tr(lang, "ui.unanswered").to_owned(),
    };
    egui::ComboBox::from_id_salt(id)
        .selected_text(name(*value))
        .width(160.0)
        .show_ui(ui, |ui| {
            ui.selectable_value(value, None, name(None));
            for level in Level::ALL {
                ui.selectable_value(value, Some(level), name(Some(level)));
            }
        })
        .response
        .labelled_by(label_id);
}

fn level_pair_ui(
    ui: &mut egui::Ui,
    lang: crate::i18n::Lang,
    id: &str,
    severity: &mut Option<Level>,
    likelihood: &mut Option<Level>,
    label_id: egui::Id,
) {
    ui.horizontal(|ui| {
        ui.label(RichText::new(crate::i18n::tr(lang, "dossier.map.severity")));
        level_combo_ui(ui, lang, &format!("{id}.severity"), severity, label_id);
        ui.label(RichText::new(crate::i18n::tr(
            lang,
            "dossier.map.likelihood",
        )));
        level_combo_ui(ui, lang, &format!("{id}.likelihood"), likelihood, label_id);
    });
}
