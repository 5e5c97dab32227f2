//! The questionnaire of a contribution: for a contributor without Garde-fou, the parts of the
//! assessment they are asked to fill, as a document to read — what is still to answer in each
//! part, what the engine found there, then what the AIPD already holds on those parts. A
//! reference only: the contributor answers by mail or on paper and the author types the answers
//! back (the document says so; word-processor files are never read back).

use super::common;
use crate::dossier::sections;
use crate::dossier::{Block, Ctx, Tone};
use crate::model::{Contribution, Part};

/// The questionnaire's blocks, for the request `contribution`.
pub fn questionnaire(ctx: &Ctx, contribution: &Contribution) -> Vec<Block> {
    let asked_on = contribution
        .asked_on
        .map(|d| ctx.date(Some(d)))
        .unwrap_or_else(|| ctx.date(Some(ctx.today)));
    let asked_by = if contribution.asked_by.trim().is_empty() {
        ctx.t("doc.questionnaire.author_unnamed")
    } else {
        contribution.asked_by.trim().to_owned()
    };
    let mut out = vec![
        Block::Heading {
            level: 1,
            text: ctx.t("doc.questionnaire.title"),
        },
        Block::Note(common::provenance(ctx)),
        Block::Paragraph(ctx.tw(
            "doc.questionnaire.asked",
            &[
                ("contributor", &ctx.text_or_blank(&contribution.contributor)),
                ("by", &asked_by),
                ("date", &asked_on),
            ],
        )),
    ];
    if !contribution.message.trim().is_empty() {
        out.extend(sections::context::paragraphs(ctx, &contribution.message));
    }
    out.push(Block::Callout {
        tone: Tone::Info,
        title: ctx.t("doc.questionnaire.how_title"),
        body: ctx.tw("doc.questionnaire.how", &[("by", &asked_by)]),
        footer: String::new(),
    });
    out.push(Block::Paragraph(ctx.t("doc.questionnaire.parts")));
    out.push(Block::Bullets(
        contribution
            .parts
            .iter()
            .map(|p| ctx.variant("part", p))
            .collect(),
    ));
    let missing = ctx.report.completeness.missing();
    for part in &contribution.parts {
        out.push(Block::Heading {
            level: 2,
            text: ctx.variant("part", part),
        });
        let in_part = |path: &str| {
            crate::model::path::Section::of(path).is_some_and(|s| part.sections().contains(&s))
        };
        let to_answer: Vec<String> = missing
            .iter()
            .filter(|p| in_part(p.as_str()))
            .map(|p| ctx.field_label(p.as_str()))
            .collect();
        out.push(Block::Paragraph(ctx.t("doc.questionnaire.to_answer")));
        out.push(if to_answer.is_empty() {
            Block::Note(ctx.t("doc.questionnaire.nothing_missing"))
        } else {
            Block::Bullets(to_answer)
        });
        let found: Vec<String> = ctx
            .report
            .findings
            .iter()
            .filter(|f| f.fields.iter().any(|p| in_part(p.as_str())))
            .map(|f| format!("{} — {}", ctx.b(&f.title), ctx.b(&f.message)))
            .collect();
        if !found.is_empty() {
            out.push(Block::Paragraph(ctx.t("doc.questionnaire.findings")));
            out.push(Block::Bullets(found));
        }
    }
    // What the AIPD holds on those parts, each chapter once (each starts its own page).
    out.push(Block::Callout {
        tone: Tone::Info,
        title: ctx.t("doc.questionnaire.already"),
        body: ctx.t("doc.questionnaire.already_note"),
        footer: String::new(),
    });
    let has = |parts: &[Part]| contribution.parts.iter().any(|p| parts.contains(p));
    if has(&[Part::Project, Part::Processing]) {
        out.extend(sections::context::context(ctx));
    }
    if has(&[Part::Screening]) {
        out.extend(sections::screening::screening(ctx));
    }
    if has(&[
        Part::System,
        Part::Inventory,
        Part::Capabilities,
        Part::Evidence,
    ]) {
        out.extend(sections::video_system::video_system(ctx));
    }
    if has(&[Part::Inventory]) {
        out.extend(sections::plans::plans(ctx));
    }
    if has(&[Part::Necessity]) {
        out.extend(sections::necessity::necessity(ctx));
    }
    if has(&[Part::Risks]) {
        out.extend(sections::risks::risks(ctx));
    }
    if has(&[Part::Measures]) {
        out.extend(sections::measures::measures(ctx));
    }
    if has(&[Part::Opinions]) {
        out.extend(sections::opinions::opinions(ctx));
    }
    out
}
