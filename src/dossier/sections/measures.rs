//! Chapter « Measures and action plan »: every measure, existing or planned, by type, then the
//! action plan — planned measures by deadline with their owner.

use super::{chapter, section};
use crate::dossier::blocks::{Block, Column};
use crate::dossier::Ctx;
use crate::model::measure::action_plan;
use crate::model::{MeasureKind, MeasureStatus};

/// The measures chapter.
pub fn measures(ctx: &Ctx) -> Vec<Block> {
    let mut out = vec![chapter(ctx.t("dossier.ch.measures"))];
    for kind in [
        MeasureKind::Legal,
        MeasureKind::Organisational,
        MeasureKind::Technical,
    ] {
        let of_kind: Vec<_> = ctx.a.measures.iter().filter(|m| m.kind == kind).collect();
        if of_kind.is_empty() {
            continue;
        }
        out.push(section(ctx.variant("measure_kind", kind)));
        let rows = of_kind
            .iter()
            .map(|m| {
                // The catalogue's id is an internal reference too: not in the public version.
                let catalogue = m
                    .catalogue_id
                    .as_ref()
                    .filter(|c| **c != m.measure_id && !ctx.is_public)
                    .map(|c| format!(" ({c})"))
                    .unwrap_or_default();
                vec![
                    format!("{}{catalogue}", ctx.measure_ref(&m.measure_id)),
                    format!("{}\n{}", m.title, m.description).trim().to_owned(),
                    ctx.variant("measure_status", m.status),
                    ctx.person(&m.owner),
                ]
            })
            .collect();
        out.push(Block::Table {
            columns: vec![
                Column {
                    title: ctx.t("dossier.col.id"),
                    weight: 1.3,
                    lang: None,
                },
                Column {
                    title: ctx.t("dossier.col.measure"),
                    weight: 6.0,
                    lang: None,
                },
                Column {
                    title: ctx.t("dossier.col.status"),
                    weight: 1.3,
                    lang: None,
                },
                Column {
                    title: ctx.t("dossier.col.owner"),
                    weight: 2.2,
                    lang: None,
                },
            ],
            rows,
        });
    }
    out.push(section(ctx.t("dossier.action_plan")));
    let planned = action_plan(&ctx.a.measures);
    if planned.is_empty() {
        out.push(Block::Note(ctx.t("dossier.no_action_plan")));
    } else {
        let rows = planned
            .iter()
            .filter(|m| m.status == MeasureStatus::Planned)
            .map(|m| {
                vec![
                    ctx.date(m.deadline),
                    format!("{} — {}", ctx.measure_ref(&m.measure_id), m.title),
                    ctx.person(&m.owner),
                ]
            })
            .collect();
        out.push(Block::Table {
            columns: vec![
                Column {
                    title: ctx.t("dossier.col.deadline"),
                    weight: 1.5,
                    lang: None,
                },
                Column {
                    title: ctx.t("dossier.col.measure"),
                    weight: 6.0,
                    lang: None,
                },
                Column {
                    title: ctx.t("dossier.col.owner"),
                    weight: 2.5,
                    lang: None,
                },
            ],
            rows,
        });
    }
    out
}
