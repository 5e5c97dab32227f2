//! Annexes: camera inventory, capability inventory with evidence, evidence list with SHA-256,
//! every finding with its sources, and the legal references cited.

use std::collections::BTreeSet;

use super::{chapter, finding_callout};
use crate::dossier::blocks::{Block, Column};
use crate::dossier::Ctx;
use crate::model::LegalRefId;

/// The annexes.
pub fn annexes(ctx: &Ctx) -> Vec<Block> {
    let mut out = Vec::new();
    out.extend(cameras(ctx));
    out.extend(capabilities(ctx));
    out.extend(evidence(ctx));
    out.extend(findings(ctx));
    out.extend(legal_references(ctx));
    out.extend(comments(ctx));
    out.extend(super::changes::changes(ctx));
    out
}

/// The reviewers' comments, when the project asks for them — never in the public version.
fn comments(ctx: &Ctx) -> Vec<Block> {
    let history = &ctx.a.history;
    if !history.print_comments || ctx.is_public || history.comments.is_empty() {
        return Vec::new();
    }
    let mut out = vec![chapter(ctx.t("dossier.annex.comments"))];
    let rows = history
        .comments
        .iter()
        .map(|c| {
            let field = ctx
                .kb
                .question_text(&c.field)
                .map_or_else(|| c.field.clone(), |q| ctx.b(q));
            vec![
                field,
                format!("{}\n{}", c.author, ctx.date(c.on)),
                c.text.clone(),
                ctx.t(if c.is_resolved {
                    "dossier.comment_resolved"
                } else {
                    "dossier.comment_open"
                }),
            ]
        })
        .collect();
    out.push(Block::Table {
        columns: vec![
            Column {
                title: ctx.t("dossier.col.field"),
                weight: 2.2,
                lang: None,
            },
            Column {
                title: ctx.t("dossier.col.author"),
                weight: 1.5,
                lang: None,
            },
            Column {
                title: ctx.t("dossier.col.comment"),
                weight: 3.5,
                lang: None,
            },
            Column {
                title: ctx.t("dossier.col.state"),
                weight: 1.0,
                lang: None,
            },
        ],
        rows,
    });
    out
}

fn cameras(ctx: &Ctx) -> Vec<Block> {
    let mut out = vec![chapter(ctx.t("dossier.annex.cameras"))];
    // The commissioning dates get a column when the inventory gives any.
    let has_dates = ctx.a.cameras.iter().any(|c| c.commissioned_on.is_some());
    if ctx.hides_locations() {
        out.push(Block::Note(ctx.t("dossier.locations_hidden")));
    }
    let mut cameras: Vec<_> = ctx.a.cameras.iter().collect();
    // Natural order: 2 before 10 before 100, as a reader counts.
    cameras
        .sort_by(|a, b| crate::model::ids::natural_cmp(a.camera_id.as_str(), b.camera_id.as_str()));
    let rows = cameras
        .iter()
        .map(|c| {
            let purposes: Vec<String> = c
                .purposes
                .iter()
                .map(|p| {
                    p.csi_number()
                        .map_or_else(|| ctx.variant("purpose_short", p), |n| format!("{n}°"))
                })
                .collect();
            let dwellings = match (c.views_dwellings, c.has_privacy_masking) {
                (false, _) => "—".to_owned(),
                (true, true) => ctx.t("dossier.masked"),
                (true, false) => ctx.t("dossier.unmasked"),
            };
            let mut row = vec![
                c.camera_id.to_string(),
                if ctx.hides_locations() {
                    ctx.t("dossier.hidden")
                } else {
                    c.location.clone()
                },
                if c.is_third_party() {
                    let operated =
                        ctx.tw("dossier.operated_by", &[("operator", c.operator.trim())]);
                    format!("{} — {operated}", c.perimeter)
                } else {
                    c.perimeter.clone()
                },
                ctx.variant("camera_kind", c.kind),
                if c.is_analytics_coupled {
                    ctx.t("ui.yes")
                } else {
                    ctx.t("ui.no")
                },
                purposes.join(", "),
                dwellings,
            ];
            if has_dates {
                row.push(
                    c.commissioned_on
                        .map_or_else(|| ctx.t("dossier.not_filled"), |d| ctx.date(Some(d))),
                );
            }
            row
        })
        .collect();
    let mut columns = vec![
        Column {
            title: ctx.t("column.camera_id"),
            weight: 1.2,
            lang: None,
        },
        Column {
            title: ctx.t("column.location"),
            weight: 3.4,
            lang: None,
        },
        Column {
            title: ctx.t("column.perimeter"),
            weight: 2.2,
            lang: None,
        },
        Column {
            title: ctx.t("dossier.col.kind"),
            weight: 1.3,
            lang: None,
        },
        Column {
            title: ctx.t("column.analytics"),
            weight: 1.1,
            lang: None,
        },
        Column {
            title: ctx.t("dossier.col.purposes"),
            weight: 1.5,
            lang: None,
        },
        Column {
            title: ctx.t("dossier.col.dwellings"),
            weight: 1.3,
            lang: None,
        },
    ];
    if has_dates {
        columns.push(Column {
            title: ctx.t("column.commissioned_on"),
            weight: 1.4,
            lang: None,
        });
    }
    out.push(Block::Table { columns, rows });
    out
}

fn capabilities(ctx: &Ctx) -> Vec<Block> {
    let mut out = vec![chapter(ctx.t("dossier.annex.capabilities"))];
    for def in &ctx.kb.capabilities {
        out.push(Block::Heading {
            level: 3,
            text: format!("{} — {}", def.id, ctx.b(&def.label)),
        });
        let mut rows = vec![(
            ctx.t("dossier.col.legal_status"),
            format!(
                "{} — {}",
                ctx.variant("legal_status", def.status),
                ctx.b(&def.status_note)
            ),
        )];
        match ctx.a.capability(def.id.as_str()) {
            None => rows.push((
                ctx.t("column.presence"),
                ctx.variant("presence", crate::model::Presence::Unknown),
            )),
            Some(r) => {
                rows.push((
                    ctx.t("column.presence"),
                    ctx.variant("presence", r.presence),
                ));
                if r.is_present() {
                    rows.push((
                        ctx.t("column.state"),
                        ctx.variant("capability_state", r.state),
                    ));
                    rows.push((
                        ctx.t("column.unlock_holder"),
                        ctx.variant("unlock_holder", r.unlock_holder),
                    ));
                    rows.push((
                        ctx.t("dossier.usage_mode"),
                        ctx.variant("usage_mode", r.usage_mode),
                    ));
                    rows.push((
                        ctx.t("dossier.use_scope"),
                        ctx.variant("use_scope", r.use_scope),
                    ));
                }
                let evidence: Vec<String> = r
                    .evidence_ids
                    .iter()
                    .map(|id| {
                        ctx.a.evidence_by_id(id).map_or_else(
                            || format!("{id} ({})", ctx.t("dossier.missing_evidence")),
                            |e| format!("{id} — {}", e.description),
                        )
                    })
                    .collect();
                if !evidence.is_empty() {
                    rows.push((ctx.t("dossier.evidence"), evidence.join("\n")));
                }
                if !r.notes.trim().is_empty() {
                    rows.push((ctx.t("dossier.notes"), r.notes.clone()));
                }
            }
        }
        out.push(Block::KeyValues(rows));
    }
    out
}

fn evidence(ctx: &Ctx) -> Vec<Block> {
    let mut out = vec![chapter(ctx.t("dossier.annex.evidence"))];
    if ctx.a.evidence.is_empty() {
        out.push(Block::Note(ctx.t("dossier.no_evidence")));
        return out;
    }
    let rows = ctx
        .a
        .evidence
        .iter()
        .map(|e| {
            let mut what = format!(
                "{}\n{}",
                ctx.variant("evidence_kind", e.kind),
                e.description
            );
            if !ctx.hides_internal() {
                what.push_str(&format!("\n{}", e.path));
            }
            vec![
                e.evidence_id.to_string(),
                what,
                ctx.date(e.dated_on()),
                e.sha256.clone(),
            ]
        })
        .collect();
    out.push(Block::Table {
        columns: vec![
            Column {
                title: ctx.t("dossier.col.id"),
                weight: 1.0,
                lang: None,
            },
            Column {
                title: ctx.t("dossier.col.document"),
                weight: 4.4,
                lang: None,
            },
            Column {
                title: ctx.t("dossier.col.date"),
                weight: 1.3,
                lang: None,
            },
            Column {
                title: "SHA-256".to_owned(),
                weight: 3.6,
                lang: None,
            },
        ],
        rows,
    });
    out
}

fn findings(ctx: &Ctx) -> Vec<Block> {
    let mut out = vec![chapter(ctx.t("dossier.annex.findings"))];
    if ctx.report.findings.is_empty() {
        out.push(Block::Note(ctx.t("dossier.no_findings")));
    }
    for finding in &ctx.report.findings {
        out.push(finding_callout(ctx, finding));
        // The answers' paths in the project file are for the team, not for a public reader.
        if !finding.fields.is_empty() && !ctx.is_public {
            let fields: Vec<String> = finding.fields.iter().map(|p| ctx.field_label(p)).collect();
            out.push(Block::Note(format!(
                "{} {}",
                ctx.t("cli.check.fields"),
                fields.join(" ; ")
            )));
        }
    }
    out
}

fn legal_references(ctx: &Ctx) -> Vec<Block> {
    let mut cited: BTreeSet<&LegalRefId> = BTreeSet::new();
    for finding in &ctx.report.findings {
        cited.extend(finding.sources.iter());
    }
    for def in &ctx.kb.criteria {
        cited.extend(def.sources.iter());
    }
    for record in ctx.a.capabilities.iter().filter(|r| r.is_present()) {
        if let Some(def) = ctx.kb.capability(&record.capability_id) {
            cited.extend(def.sources.iter());
        }
    }
    for purpose in &ctx.a.processing.purposes {
        if let Some(def) = ctx.kb.purpose(purpose.kind) {
            cited.extend(def.sources.iter());
        }
    }
    let mut refs: Vec<_> = cited
        .into_iter()
        .filter_map(|id| ctx.kb.legal_ref(id))
        .collect();
    refs.sort_by(|a, b| a.citation.cmp(&b.citation));
    let rows = refs
        .iter()
        .map(|r| {
            let mut title = ctx.b(&r.title);
            if !r.url.is_empty() {
                title.push('\n');
                title.push_str(&r.url);
            }
            // A public document never says « à vérifier »: its tag reads « non vérifiée », and the
            // reference's own words lose their « (… à vérifier) ».
            let (citation, title, tag) = if ctx.is_public {
                (
                    crate::dossier::unverified::take_points(&r.citation, "").0,
                    crate::dossier::unverified::take_points(&title, "").0,
                    ctx.variant("verification_public", r.verification),
                )
            } else {
                (
                    r.citation.clone(),
                    title,
                    ctx.variant("verification", r.verification),
                )
            };
            vec![citation, title, tag, ctx.date(Some(r.reviewed_on))]
        })
        .collect();
    vec![
        chapter(ctx.t("dossier.annex.legal")),
        Block::Note(ctx.t(if ctx.is_public {
            "dossier.verification_legend_public"
        } else {
            "dossier.verification_legend"
        })),
        Block::Table {
            columns: vec![
                // A reference is cited as its source writes it: in French.
                Column {
                    title: ctx.t("dossier.col.citation"),
                    weight: 2.6,
                    lang: (ctx.lang != crate::model::Lang::Fr).then_some(crate::model::Lang::Fr),
                },
                Column {
                    title: ctx.t("dossier.col.title"),
                    weight: 5.0,
                    lang: None,
                },
                Column {
                    title: ctx.t("dossier.col.verification"),
                    weight: 1.4,
                    lang: None,
                },
                Column {
                    title: ctx.t("dossier.col.reviewed"),
                    weight: 1.3,
                    lang: None,
                },
            ],
            rows,
        },
    ]
}
