//! Chapter « Risks »: the map, then each risk with its sources, threats, impacts, measures, and
//! its severity and likelihood before and after the planned measures.

use super::context::bullet_text;
use super::{chapter, risk_map};
use crate::dossier::blocks::Block;
use crate::dossier::Ctx;

/// The risks chapter.
pub fn risks(ctx: &Ctx) -> Vec<Block> {
    let mut out = vec![chapter(ctx.t("dossier.ch.risks"))];
    if ctx.a.risks.is_empty() {
        out.push(Block::Note(ctx.t("dossier.no_risks")));
        return out;
    }
    out.push(risk_map(ctx));
    // What the plans show the cameras see weighs in the risks: children, beliefs, health.
    if !ctx.hides_locations() {
        out.extend(
            ctx.report
                .by_rule("PLAN-SENSITIVE")
                .map(|finding| super::finding_callout(ctx, finding)),
        );
    }
    for risk in &ctx.a.risks {
        out.push(Block::Heading {
            level: 2,
            text: format!(
                "{} — {}",
                ctx.risk_ref(&risk.risk_id),
                ctx.text_or_blank(&risk.title)
            ),
        });
        let measures: Vec<String> = risk
            .measure_ids
            .iter()
            .map(|id| {
                ctx.a.measure_by_id(id).map_or_else(
                    || ctx.measure_ref(id),
                    |m| format!("{} — {}", ctx.measure_ref(id), m.title),
                )
            })
            .collect();
        out.push(Block::KeyValues(vec![
            (
                ctx.t("dossier.feared_event"),
                ctx.variant("feared_event", risk.feared_event),
            ),
            (ctx.t("dossier.risk_sources"), bullet_text(&risk.sources)),
            (ctx.t("dossier.threats"), bullet_text(&risk.threats)),
            (ctx.t("dossier.impacts"), bullet_text(&risk.impacts)),
            (ctx.t("dossier.linked_measures"), bullet_text(&measures)),
            (ctx.t("dossier.severity_before"), ctx.level(risk.severity)),
            (
                ctx.t("dossier.likelihood_before"),
                ctx.level(risk.likelihood),
            ),
            (
                ctx.t("dossier.severity_after"),
                ctx.level(risk.residual_severity),
            ),
            (
                ctx.t("dossier.likelihood_after"),
                ctx.level(risk.residual_likelihood),
            ),
        ]));
        if !risk.justification.trim().is_empty() {
            out.push(Block::Paragraph(risk.justification.clone()));
        }
    }
    out
}
