//! Chapter « Context »: the processing under study, its purposes with regime and legal basis,
//! the actors, the data and its life cycle, the supporting assets.

use super::{chapter, section};
use crate::dossier::blocks::{Block, Column};
use crate::dossier::Ctx;
use crate::model::path;

/// The context chapter.
pub fn context(ctx: &Ctx) -> Vec<Block> {
    let p = &ctx.a.processing;
    let mut out = vec![chapter(ctx.t("dossier.ch.context"))];
    out.push(section(ctx.t("dossier.processing_description")));
    out.extend(paragraphs(ctx, &p.description));

    out.push(section(ctx.t("section.purposes")));
    let rows = p
        .purposes
        .iter()
        .map(|purpose| {
            vec![
                ctx.kb
                    .purpose(purpose.kind)
                    .map_or_else(|| format!("{:?}", purpose.kind), |d| ctx.b(&d.label)),
                purpose.description.clone(),
                ctx.variant("regime", purpose.regime),
                ctx.variant("legal_basis", purpose.legal_basis),
            ]
        })
        .collect();
    out.push(Block::Table {
        columns: vec![
            Column {
                title: ctx.t("column.purpose"),
                weight: 3.2,
                lang: None,
            },
            Column {
                title: ctx.t("dossier.col.details"),
                weight: 3.0,
                lang: None,
            },
            Column {
                title: ctx.t("column.regime"),
                weight: 1.6,
                lang: None,
            },
            Column {
                title: ctx.t("column.legal_basis"),
                weight: 2.0,
                lang: None,
            },
        ],
        rows,
    });

    out.push(section(ctx.t("dossier.actors")));
    let rows = p
        .actors
        .iter()
        .map(|actor| {
            vec![
                ctx.variant("actor_role", actor.role),
                actor.name.clone(),
                actor.description.clone(),
                match actor.role {
                    crate::model::ActorRole::Processor => ctx.tw(
                        "dossier.processor_terms",
                        &[
                            ("contract", &ctx.yes_no(actor.has_art28_contract)),
                            ("hosting", &ctx.text_or_blank(&actor.hosting_location)),
                            ("outside_eu", &ctx.yes_no(actor.is_outside_eu)),
                        ],
                    ),
                    _ => String::new(),
                },
            ]
        })
        .collect();
    out.push(Block::Table {
        columns: vec![
            Column {
                title: ctx.t("dossier.col.role"),
                weight: 1.4,
                lang: None,
            },
            Column {
                title: ctx.t("dossier.col.name"),
                weight: 2.2,
                lang: None,
            },
            Column {
                title: ctx.t("dossier.col.details"),
                weight: 3.6,
                lang: None,
            },
            Column {
                title: ctx.t("dossier.col.contract"),
                weight: 2.0,
                lang: None,
            },
        ],
        rows,
    });

    out.push(section(ctx.t("dossier.data")));
    out.push(Block::KeyValues(vec![
        (
            ctx.t("dossier.data_categories"),
            bullet_text(&p.data_categories),
        ),
        (
            ctx.t("dossier.data_subjects"),
            bullet_text(&p.data_subjects),
        ),
        (
            ctx.t("dossier.supporting_assets"),
            bullet_text(&p.supporting_assets),
        ),
        (
            ctx.label(&path::processing::HAS_REGISTER_ENTRY),
            ctx.yes_no(p.has_register_entry),
        ),
    ]));
    if !p.sensitive_data_necessity.trim().is_empty() {
        out.push(Block::KeyValues(vec![(
            ctx.label(&path::processing::SENSITIVE_DATA_NECESSITY),
            p.sensitive_data_necessity.trim().to_owned(),
        )]));
    }
    out.push(section(ctx.t("dossier.lifecycle")));
    out.extend(paragraphs(ctx, &p.lifecycle));
    if !ctx.a.project.imported_notes.trim().is_empty() {
        out.push(section(ctx.t("dossier.imported_notes")));
        out.extend(paragraphs(ctx, &ctx.a.project.imported_notes));
    }
    out
}

/// Paragraphs of a multi-paragraph text (blank lines separate them), or « not filled ».
pub fn paragraphs(ctx: &Ctx, text: &str) -> Vec<Block> {
    let parts: Vec<Block> = text
        .split("\n\n")
        .map(str::trim)
        .filter(|p| !p.is_empty())
        .map(|p| Block::Paragraph(p.to_owned()))
        .collect();
    if parts.is_empty() {
        vec![Block::Note(ctx.t("dossier.not_filled"))]
    } else {
        parts
    }
}

/// Items one per line with a bullet.
pub fn bullet_text(items: &[String]) -> String {
    items
        .iter()
        .filter(|i| !i.trim().is_empty())
        .map(|i| format!("• {i}"))
        .collect::<Vec<_>>()
        .join("\n")
}
