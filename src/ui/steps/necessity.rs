//! Step 4 — Necessity, proportionality and rights: each question of the CNIL method with the
//! answer, the evaluator's assessment (acceptable / to improve) and comment.

use egui::RichText;

use super::StepCtx;
use crate::model::{Answer, Assessment, Evaluation};
use crate::ui::text_area::text_area_ui;
use crate::ui::widgets::{choice_combo_ui, field_ui, subheading_ui};

/// Draws the step.
pub fn ui(ui: &mut egui::Ui, cx: &mut StepCtx, a: &mut Assessment) {
    let lang = cx.lang;
    for (step, title) in [
        ("necessity", "dossier.ch.necessity"),
        ("rights", "dossier.ch.rights"),
    ] {
        subheading_ui(ui, &cx.t(title));
        let questions: Vec<_> = cx.kb.answer_questions(step).cloned().collect();
        for question in questions {
            let id = question.id.clone();
            let original = a.answers.iter().find(|x| x.question_id == id).cloned();
            let mut answer = original.clone().unwrap_or_else(|| Answer {
                question_id: id.clone(),
                ..Answer::default()
            });
            field_ui(
                ui,
                cx,
                id.as_str(),
                question.label.get(lang),
                |ui, label_id| {
                    ui.label(RichText::new(question.help.get(lang)).small().weak());
                    text_area_ui(ui, id.as_str(), &mut answer.text, 3, None).labelled_by(label_id);
                    ui.horizontal(|ui| {
                        ui.label(crate::i18n::tr(lang, "dossier.evaluation"));
                        choice_combo_ui(
                            ui,
                            lang,
                            &format!("{id}.evaluation"),
                            "evaluation",
                            &mut answer.evaluation,
                            &[
                                Evaluation::Pending,
                                Evaluation::Acceptable,
                                Evaluation::ToImprove,
                            ],
                            label_id,
                        );
                    });
                    text_area_ui(
                        ui,
                        &format!("{id}.comment"),
                        &mut answer.comment,
                        1,
                        Some(crate::i18n::tr(lang, "dossier.evaluator_comment")),
                    )
                    .labelled_by(label_id);
                },
            );
            let is_blank = answer.text.is_empty()
                && answer.comment.is_empty()
                && answer.evaluation == Evaluation::Pending;
            if original.as_ref() != Some(&answer) && !(original.is_none() && is_blank) {
                match a.answers.iter_mut().find(|x| x.question_id == id) {
                    Some(existing) => *existing = answer,
                    None => a.answers.push(answer),
                }
            }
        }
    }
}
