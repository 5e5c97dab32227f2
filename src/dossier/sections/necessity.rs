//! Chapters « Necessity and proportionality » and « Rights of data subjects »: every question of
//! the CNIL method with its answer, the evaluator's assessment and comment.

use super::chapter;
use super::context::paragraphs;
use crate::dossier::blocks::Block;
use crate::dossier::Ctx;
use crate::model::necessity::find_answer;
use crate::model::Evaluation;

/// Both chapters.
pub fn necessity(ctx: &Ctx) -> Vec<Block> {
    let mut out = Vec::new();
    for (step, title) in [
        ("necessity", "dossier.ch.necessity"),
        ("rights", "dossier.ch.rights"),
    ] {
        out.push(chapter(ctx.t(title)));
        for question in ctx.kb.answer_questions(step) {
            out.push(Block::Heading {
                level: 3,
                text: ctx.b(&question.label),
            });
            let answer = find_answer(&ctx.a.answers, &question.id);
            let text = answer.map_or("", |a| a.text.as_str());
            out.extend(paragraphs(ctx, text));
            let evaluation = answer.map_or(Evaluation::Pending, |a| a.evaluation);
            let mut rows = vec![(
                ctx.t("dossier.evaluation"),
                ctx.variant("evaluation", evaluation),
            )];
            if let Some(comment) = answer.map(|a| a.comment.trim()).filter(|c| !c.is_empty()) {
                rows.push((ctx.t("dossier.evaluator_comment"), comment.to_owned()));
            }
            out.push(Block::KeyValues(rows));
        }
    }
    out
}
