//! Chapter « Screening »: the screening answers, each criterion with the facts that met it (or
//! the user's reason for overriding it), and the verdict with its grounds.

use super::{chapter, section};
use crate::dossier::blocks::Block;
use crate::dossier::Ctx;
use crate::model::path;

/// The screening chapter.
pub fn screening(ctx: &Ctx) -> Vec<Block> {
    let s = &ctx.a.screening;
    let mut out = vec![chapter(ctx.t("dossier.ch.screening"))];
    out.push(section(ctx.t("dossier.screening_answers")));
    let answers = [
        (
            ctx.label(&path::screening::FILMS_PUBLIC_SPACE),
            s.films_public_space,
        ),
        (
            ctx.label(&path::screening::HAS_AUTOMATED_DECISIONS),
            s.has_automated_decisions,
        ),
        (
            ctx.label(&path::screening::HAS_DATA_MATCHING),
            s.has_data_matching,
        ),
        (
            ctx.label(&path::screening::FILMS_VULNERABLE_PEOPLE),
            s.films_vulnerable_people,
        ),
        (
            ctx.t("label.uses_biometrics"),
            s.declares_no_biometrics.map(|declares_none| !declares_none),
        ),
        (
            ctx.label(&path::screening::CAPTURES_AUDIO),
            s.captures_audio,
        ),
        (
            ctx.label(&path::screening::STARTED_BEFORE_DPIA),
            s.started_before_dpia,
        ),
        (
            ctx.label(&path::screening::HAS_ART90_DPIA),
            s.has_art90_dpia,
        ),
        (ctx.label(&path::screening::HAS_FRIA), s.has_fria),
        (
            ctx.label(&path::screening::HAS_EXISTING_CCTV_DPIA),
            s.has_existing_cctv_dpia,
        ),
    ];
    let mut rows: Vec<(String, String)> = answers
        .into_iter()
        .map(|(label, value)| (label, ctx.yes_no(value)))
        .collect();
    rows.push((
        ctx.label(&path::screening::IS_LARGE_SCALE),
        ctx.yes_no(s.is_large_scale),
    ));
    for (label, value) in [
        (ctx.label(&path::screening::SCALE_PEOPLE), &s.scale_people),
        (ctx.label(&path::screening::SCALE_EXTENT), &s.scale_extent),
        (
            ctx.label(&path::screening::SCALE_DURATION),
            &s.scale_duration,
        ),
    ] {
        rows.push((label, ctx.text_or_blank(value)));
    }
    out.push(Block::KeyValues(rows));

    out.push(section(ctx.t("dossier.criteria")));
    for c in &ctx.report.screening.criteria {
        let def = ctx.kb.criterion(&c.criterion_id);
        let label = def.map_or_else(String::new, |d| ctx.b(&d.label));
        out.push(Block::Heading {
            level: 3,
            text: ctx.tw(
                "dossier.criterion_heading",
                &[
                    ("id", c.criterion_id.as_str()),
                    ("label", &label),
                    (
                        "met",
                        &if c.is_met {
                            ctx.t("dossier.met")
                        } else {
                            ctx.t("dossier.not_met")
                        },
                    ),
                ],
            ),
        });
        if let Some(def) = def {
            out.push(Block::Note(ctx.b(&def.summary)));
        }
        if !c.because.is_empty() {
            out.push(Block::Bullets(c.because.iter().map(|b| ctx.b(b)).collect()));
        }
        if let Some(reason) = &c.override_reason {
            let derived = if c.is_met_derived {
                ctx.t("dossier.met")
            } else {
                ctx.t("dossier.not_met")
            };
            out.push(Block::Paragraph(ctx.tw(
                "dossier.override",
                &[
                    ("derived", &derived),
                    ("reason", &ctx.text_or_blank(reason)),
                ],
            )));
        }
    }

    out.push(section(ctx.t("dossier.verdict")));
    let verdict = &ctx.report.screening;
    out.push(Block::Paragraph(
        ctx.t(&format!("verdict.{}", verdict.verdict.code())),
    ));
    out.push(Block::Bullets(
        verdict.reasons.iter().map(|r| ctx.b(r)).collect(),
    ));
    out.push(Block::Paragraph(ctx.b(&verdict.art90_reason)));
    if !verdict.art90_purposes.is_empty() {
        out.push(Block::Bullets(
            verdict
                .art90_purposes
                .iter()
                .map(|p| ctx.b(&p.reason))
                .collect(),
        ));
    }
    out
}
