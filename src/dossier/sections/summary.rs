//! The summary page: the verdict and why, the criteria, the blocking and high findings, the risk
//! map before and after measures, and the decision.

use super::{finding_callout, risk_map, section};
use crate::dossier::blocks::{Block, Column, Tone};
use crate::dossier::Ctx;
use crate::rules::{Severity, Verdict};

/// The summary chapter (not numbered in the contents: it comes before them).
pub fn summary(ctx: &Ctx) -> Vec<Block> {
    let s = &ctx.report.screening;
    let mut out = vec![Block::Heading {
        level: 1,
        text: ctx.t("dossier.summary"),
    }];
    let verdict = ctx.t(&format!("verdict.{}", s.verdict.code()));
    let reasons: Vec<String> = s
        .reasons
        .iter()
        .map(|r| format!("• {}", ctx.b(r)))
        .collect();
    out.push(Block::Callout {
        tone: match s.verdict {
            Verdict::Required => Tone::High,
            Verdict::Recommended => Tone::Medium,
            Verdict::NotRequired => Tone::Good,
            Verdict::Undetermined => Tone::Medium,
        },
        title: verdict,
        body: reasons.join("\n"),
        footer: format!(
            "{} — {}",
            if s.is_art90_required {
                ctx.t("cli.check.art90_required")
            } else {
                ctx.t("cli.check.art90_not_required")
            },
            ctx.b(&s.art90_reason)
        ),
    });

    out.push(section(ctx.t("dossier.criteria")));
    let rows = s
        .criteria
        .iter()
        .map(|c| {
            let label = ctx
                .kb
                .criterion(&c.criterion_id)
                .map_or_else(String::new, |d| ctx.b(&d.label));
            vec![
                c.criterion_id.to_string(),
                label,
                if c.is_met {
                    ctx.t("dossier.met")
                } else {
                    ctx.t("dossier.not_met")
                },
                ctx.t(&format!("cli.check.origin.{}", c.origin.code())),
            ]
        })
        .collect();
    out.push(Block::Table {
        columns: vec![
            Column {
                title: ctx.t("dossier.col.id"),
                weight: 0.6,
                lang: None,
            },
            Column {
                title: ctx.t("dossier.col.criterion"),
                weight: 5.0,
                lang: None,
            },
            Column {
                title: ctx.t("dossier.col.met"),
                weight: 1.3,
                lang: None,
            },
            Column {
                title: ctx.t("dossier.col.origin"),
                weight: 1.8,
                lang: None,
            },
        ],
        rows,
    });

    out.push(section(ctx.t("dossier.key_findings")));
    let serious: Vec<_> = ctx
        .report
        .findings
        .iter()
        .filter(|f| matches!(f.severity, Severity::Blocking | Severity::High))
        .collect();
    if serious.is_empty() {
        out.push(Block::Callout {
            tone: Tone::Good,
            title: ctx.t("dossier.no_serious_findings"),
            body: ctx.tw(
                "dossier.other_findings",
                &[("count", &ctx.report.findings.len().to_string())],
            ),
            footer: String::new(),
        });
    } else {
        out.extend(serious.iter().map(|f| finding_callout(ctx, f)));
    }

    if !ctx.a.risks.is_empty() {
        out.push(section(ctx.t("dossier.risk_map")));
        out.push(risk_map(ctx));
    }

    out.push(section(ctx.t("dossier.decision")));
    let o = &ctx.a.opinions;
    out.push(Block::KeyValues(vec![
        (
            ctx.t("dossier.dpo_conclusion"),
            o.dpo_conclusion.map_or_else(
                || ctx.t("dossier.not_filled"),
                |c| ctx.variant("dpo_conclusion", c),
            ),
        ),
        (
            ctx.t("dossier.controller_decision"),
            o.decision.map_or_else(
                || ctx.t("dossier.not_filled"),
                |d| ctx.variant("decision", d),
            ),
        ),
        (
            ctx.t("dossier.completeness"),
            ctx.tw(
                "dossier.percent",
                &[("n", &ctx.report.completeness.percent().to_string())],
            ),
        ),
    ]));
    out
}
