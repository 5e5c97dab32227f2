//! One builder per chapter of the dossier, in the order they appear.

pub mod annexes;
pub mod changes;
pub mod context;
pub mod cover;
pub mod measures;
pub mod necessity;
pub mod opinions;
pub mod plans;
pub mod risks;
pub mod screening;
pub mod summary;
pub mod versions;
pub mod video_system;

use super::blocks::{Block, RiskMap, RiskPoint, Tone};
use super::Ctx;
use crate::rules::{Finding, Severity};

/// A level-1 heading: a chapter, on a new page, in the contents and bookmarks.
pub fn chapter(text: String) -> Block {
    Block::Heading { level: 1, text }
}

/// A level-2 heading.
pub fn section(text: String) -> Block {
    Block::Heading { level: 2, text }
}

/// The callout tone of a severity.
pub fn tone(severity: Severity) -> Tone {
    match severity {
        Severity::Blocking => Tone::Blocking,
        Severity::High => Tone::High,
        Severity::Medium => Tone::Medium,
        Severity::Info => Tone::Info,
    }
}

/// A finding as a callout: severity and title, message, sources.
pub fn finding_callout(ctx: &Ctx, finding: &Finding) -> Block {
    Block::Callout {
        tone: tone(finding.severity),
        title: format!(
            "{} · {} — {}",
            ctx.severity(finding.severity).to_uppercase(),
            finding.rule_id,
            ctx.b(&finding.title)
        ),
        body: ctx.b(&finding.message),
        footer: format!(
            "{} {}",
            ctx.t("dossier.sources"),
            ctx.citations(&finding.sources)
        ),
    }
}

/// The risk map of the assessment's risks.
pub fn risk_map(ctx: &Ctx) -> Block {
    let cell = |s: Option<crate::model::Level>, l: Option<crate::model::Level>| {
        Some((s?.number(), l?.number()))
    };
    let level = |n: u8| {
        crate::model::Level::from_number(n).map_or_else(String::new, |l| ctx.variant("level", l))
    };
    Block::RiskMap(RiskMap {
        points: ctx
            .a
            .risks
            .iter()
            .map(|r| RiskPoint {
                // The public version's legend gives the title alone (its number is the rank).
                label: if r.title.trim().is_empty() {
                    ctx.risk_ref(&r.risk_id)
                } else if ctx.is_public {
                    r.title.trim().to_owned()
                } else {
                    format!("{} — {}", r.risk_id, r.title.trim())
                },
                before: cell(r.severity, r.likelihood),
                after: cell(r.residual_severity, r.residual_likelihood),
            })
            .collect(),
        severity_axis: ctx.t("dossier.map.severity"),
        likelihood_axis: ctx.t("dossier.map.likelihood"),
        level_labels: [level(1), level(2), level(3), level(4)],
        before_label: ctx.t("dossier.map.before"),
        after_label: ctx.t("dossier.map.after"),
    })
}
