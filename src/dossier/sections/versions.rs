//! The versions table near the front of the dossier: each validated version with its date, who
//! validated it, the steps of the circuit that led to it and its SHA-256 — and the reason when it
//! was validated despite a blocking finding. Absent until a version is validated.

use super::section;
use crate::dossier::blocks::{Block, Column};
use crate::dossier::Ctx;

/// The versions section, or nothing.
pub fn versions(ctx: &Ctx) -> Vec<Block> {
    let versions = &ctx.a.history.versions;
    if versions.is_empty() {
        return Vec::new();
    }
    let mut out = vec![section(ctx.t("dossier.versions"))];
    let rows = versions
        .iter()
        .rev()
        .map(|v| {
            let circuit: Vec<String> = v
                .circuit
                .iter()
                .map(|t| {
                    let who = if ctx.hides_names() {
                        String::new()
                    } else {
                        format!(" ({})", t.by)
                    };
                    format!("{} → {}{who}", ctx.date(t.on), ctx.variant("status", t.to))
                })
                .collect();
            vec![
                v.number.clone(),
                ctx.date(v.validated_on),
                if ctx.hides_names() {
                    ctx.t("dossier.hidden")
                } else {
                    v.validated_by.clone()
                },
                circuit.join("\n"),
                v.sha256.chars().take(16).collect::<String>() + "…",
            ]
        })
        .collect();
    out.push(Block::Table {
        columns: vec![
            Column {
                title: ctx.t("dossier.col.version"),
                weight: 0.8,
                lang: None,
            },
            Column {
                title: ctx.t("dossier.col.date"),
                weight: 1.1,
                lang: None,
            },
            Column {
                title: ctx.t("dossier.col.validated_by"),
                weight: 1.6,
                lang: None,
            },
            Column {
                title: ctx.t("dossier.col.circuit"),
                weight: 3.0,
                lang: None,
            },
            Column {
                title: "SHA-256".to_owned(),
                weight: 1.8,
                lang: None,
            },
        ],
        rows,
    });
    for v in versions.iter().filter(|v| !v.blocking_reason.is_empty()) {
        out.push(Block::Note(ctx.tw(
            "dossier.version_blocking_reason",
            &[("number", &v.number), ("reason", &v.blocking_reason)],
        )));
    }
    out
}
