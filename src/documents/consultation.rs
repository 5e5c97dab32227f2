//! The prior-consultation letter to the CNIL, required when the AIPD leaves a residual risk in
//! the high band (GDPR art. 36; LIL art. 90 for Police-Justice purposes): who asks, the risks
//! that stay high and why, the items art. 36(3) lists, the signature and the list of annexes
//! (the AIPD, the DPO's opinion, the register entry, the public notice and every document of the
//! evidence locker).

use super::common::{self, actors, dpo, in_regime, list_or_none};
use super::{high_residual_risks, ConsultationGround, LetterGround};
use crate::dossier::{Block, Column, Ctx, SignatureLine};
use crate::model::camera::summarise;
use crate::model::{ActorRole, LegalRefId, MeasureStatus, Regime};

/// The letter.
pub fn letter(ctx: &Ctx, ground: LetterGround) -> Vec<Block> {
    let a = ctx.a;
    let project = &a.project;
    let has_lil = a
        .processing
        .purposes
        .iter()
        .any(|p| in_regime(p, Regime::PoliceJustice));
    let is_voluntary = ground == LetterGround::Voluntary;
    let is_lil_only = ground == LetterGround::Required(ConsultationGround::InnovativePoliceJustice);
    let (legal, articles, under) = match (is_lil_only, has_lil) {
        (true, _) => (
            vec![LegalRefId::new("LIL-90")],
            ctx.t("doc.consultation.articles_lil"),
            ctx.t("doc.consultation.under_lil"),
        ),
        (false, true) if !is_voluntary => (
            vec![LegalRefId::new("RGPD-36"), LegalRefId::new("LIL-90")],
            ctx.t("doc.consultation.articles_both"),
            ctx.t("doc.consultation.under_both"),
        ),
        (false, _) => (
            vec![LegalRefId::new("RGPD-36")],
            ctx.t("doc.consultation.articles_gdpr"),
            ctx.t("doc.consultation.under_gdpr"),
        ),
    };
    let count = high_residual_risks(a).len();
    let opening = match (is_voluntary, is_lil_only, count) {
        (true, _, _) => "doc.consultation.opening_voluntary",
        (false, true, _) => "doc.consultation.opening_innovative",
        (false, false, 1) => "doc.consultation.opening_one",
        (false, false, _) => "doc.consultation.opening_many",
    };
    // A system already in service is not « about to start »: the request regularises it.
    let when = ctx.t(
        if a.project.deployment_stage == crate::model::DeploymentStage::InOperation {
            "doc.consultation.regularisation"
        } else {
            "doc.consultation.before_start"
        },
    );
    let severe: Vec<String> = crate::rules::consultation::severe_residual_risks(a)
        .iter()
        .map(|r| format!("{} — {}", r.risk_id, r.title.trim()))
        .collect();

    let mut out = vec![
        Block::Heading {
            level: 1,
            text: ctx.t("doc.consultation.title"),
        },
        Block::Note(common::provenance(ctx)),
        Block::KeyValues(vec![
            (
                ctx.t("doc.consultation.from"),
                [
                    ctx.text_or_blank(&project.organisation),
                    project.organisation_contact.trim().to_owned(),
                    ctx.tw("doc.consultation.dpo_line", &[("dpo", &dpo(ctx))]),
                ]
                .iter()
                .filter(|line| !line.is_empty())
                .cloned()
                .collect::<Vec<_>>()
                .join("\n"),
            ),
            (
                ctx.t("doc.consultation.to"),
                ctx.t("doc.consultation.cnil_address"),
            ),
            (ctx.t("dossier.date"), ctx.date(Some(ctx.today))),
            (
                ctx.t("doc.consultation.subject"),
                ctx.tw("doc.consultation.subject_text", &[("articles", &articles)]),
            ),
        ]),
        Block::Paragraph(ctx.t("doc.consultation.salutation")),
        Block::Paragraph(ctx.tw(
            opening,
            &[
                ("controller", &ctx.text_or_blank(&project.organisation)),
                ("title", &project.title),
                ("version", &ctx.text_or_blank(&project.version)),
                ("under", &under),
                ("count", &count.to_string()),
                ("when", &when),
                ("risks", &severe.join(", ")),
            ],
        )),
    ];

    if is_lil_only {
        out.push(Block::Paragraph(
            ctx.t("doc.consultation.innovative_reason"),
        ));
    } else if !is_voluntary {
        out.extend(high_risks(ctx));
    }
    // Every risk with its levels: the letter never says « no high risk » without showing them.
    out.extend(all_risks(ctx));

    out.push(Block::Heading {
        level: 2,
        // Art. 36(3) lists these items; art. 90 LIL has no such list, the same items serve.
        text: ctx.t(if is_lil_only {
            "doc.consultation.items_plain"
        } else {
            "doc.consultation.items"
        }),
    });
    out.push(Block::KeyValues(items(ctx)));
    out.push(Block::Heading {
        level: 3,
        text: ctx.t("doc.consultation.measures"),
    });
    out.push(Block::Bullets(measures(ctx)));

    out.push(Block::Paragraph(ctx.t("doc.consultation.closing")));
    out.push(Block::Signatures(vec![SignatureLine {
        who: signatory(ctx),
        date: ctx.date(Some(ctx.today)),
        sign_here: ctx.t("dossier.sign_here"),
    }]));

    out.push(Block::Heading {
        level: 2,
        text: ctx.t("doc.consultation.annexes"),
    });
    out.push(Block::Bullets(annexes(ctx)));
    out.push(Block::Note(ctx.citations(&legal)));
    out
}

/// The residual risks that stay high, with their levels and why.
fn high_risks(ctx: &Ctx) -> Vec<Block> {
    let mut out = vec![Block::Heading {
        level: 2,
        text: ctx.t("doc.consultation.high_risks"),
    }];
    out.push(Block::Table {
        columns: risk_columns(ctx, 3.0, "doc.consultation.why_high", 4.0),
        rows: high_residual_risks(ctx.a)
            .into_iter()
            .map(|risk| {
                let mut row = risk_cells(risk);
                row.push(ctx.text_or_blank(&risk.justification));
                row
            })
            .collect(),
    });
    out.push(Block::Note(ctx.t("doc.consultation.levels_note")));
    out
}

/// Every risk of the assessment with its levels before and after the measures, and where its
/// residual level stands (high band, maximum severity).
fn all_risks(ctx: &Ctx) -> Vec<Block> {
    if ctx.a.risks.is_empty() {
        return Vec::new();
    }
    vec![
        Block::Heading {
            level: 2,
            text: ctx.t("doc.consultation.all_risks"),
        },
        Block::Table {
            columns: risk_columns(ctx, 4.0, "doc.consultation.col_band", 1.8),
            rows: ctx
                .a
                .risks
                .iter()
                .map(|risk| {
                    let band = if risk.is_residual_high() {
                        "doc.consultation.residual_high"
                    } else if risk.residual_severity == Some(crate::model::Level::Maximum) {
                        "doc.consultation.residual_severe"
                    } else {
                        "doc.consultation.residual_other"
                    };
                    let mut row = risk_cells(risk);
                    row.push(ctx.t(band));
                    row
                })
                .collect(),
        },
        Block::Note(ctx.t("doc.consultation.levels_note")),
    ]
}

/// A risk table's columns: the risk (`risk_weight` wide), its levels before and after the
/// measures, then one more column titled by `last`.
fn risk_columns(ctx: &Ctx, risk_weight: f32, last: &str, last_weight: f32) -> Vec<Column> {
    vec![
        Column {
            title: ctx.t("doc.consultation.col_risk"),
            weight: risk_weight,
            lang: None,
        },
        Column {
            title: ctx.t("dossier.map.before"),
            weight: 1.4,
            lang: None,
        },
        Column {
            title: ctx.t("dossier.map.after"),
            weight: 1.4,
            lang: None,
        },
        Column {
            title: ctx.t(last),
            weight: last_weight,
            lang: None,
        },
    ]
}

/// A risk's first cells: its id and title, then severity / likelihood before and after the
/// measures.
fn risk_cells(risk: &crate::model::Risk) -> Vec<String> {
    let number = |level: Option<crate::model::Level>| {
        level.map_or_else(|| "—".to_owned(), |l| l.number().to_string())
    };
    let cell = |s, l| format!("{} / {}", number(s), number(l));
    vec![
        format!("{} — {}", risk.risk_id, risk.title.trim()),
        cell(risk.severity, risk.likelihood),
        cell(risk.residual_severity, risk.residual_likelihood),
    ]
}

/// Every measure with its status (and deadline when planned).
fn measures(ctx: &Ctx) -> Vec<String> {
    let lines: Vec<String> = ctx
        .a
        .measures
        .iter()
        .map(|m| {
            let status = match m.status {
                MeasureStatus::Existing => ctx.t("doc.consultation.in_place"),
                MeasureStatus::Planned => ctx.tw(
                    "doc.consultation.planned_by",
                    &[("date", &ctx.date(m.deadline))],
                ),
            };
            format!("{} — {} ({status})", m.measure_id, m.title.trim())
        })
        .collect();
    if lines.is_empty() {
        vec![ctx.t("doc.none")]
    } else {
        lines
    }
}

/// The items art. 36(3) GDPR asks the controller to provide.
fn items(ctx: &Ctx) -> Vec<(String, String)> {
    let a = ctx.a;
    let summary = summarise(&a.cameras);
    let mut responsibilities = vec![ctx.text_or_blank(&a.project.organisation)];
    responsibilities.extend(actors(ctx, ActorRole::JointController));
    responsibilities.extend(actors(ctx, ActorRole::Processor));
    let purposes = common::purpose_labels(ctx);
    let means = ctx.tw(
        "doc.consultation.means",
        &[
            ("total", &summary.total.to_string()),
            ("coupled", &summary.analytics_coupled.to_string()),
            ("software", &common::software_name(ctx)),
        ],
    );
    let existing = a
        .measures
        .iter()
        .filter(|m| m.status == MeasureStatus::Existing)
        .count();
    let planned = a.measures.len() - existing;
    vec![
        (
            ctx.t("doc.consultation.item_responsibilities"),
            list_or_none(ctx, &responsibilities),
        ),
        (
            ctx.t("doc.consultation.item_purposes"),
            [list_or_none(ctx, &purposes), means].join(ctx.separator()),
        ),
        (
            ctx.t("doc.consultation.item_measures"),
            ctx.tw(
                "doc.consultation.measures_count",
                &[
                    ("existing", &existing.to_string()),
                    ("planned", &planned.to_string()),
                ],
            ),
        ),
        (ctx.t("doc.consultation.item_dpo"), dpo(ctx)),
        (
            ctx.t("doc.consultation.item_dpia"),
            ctx.t("doc.consultation.annex_1_short"),
        ),
    ]
}

/// Who signs: the first signatory who is not the DPO, else the controller's representative.
fn signatory(ctx: &Ctx) -> String {
    let dpo_name = ctx.a.project.dpo_name.trim();
    ctx.a
        .opinions
        .signatures
        .iter()
        .find(|s| !s.name.trim().is_empty() && s.name.trim() != dpo_name)
        .map_or_else(
            || ctx.t("doc.consultation.representative"),
            |s| {
                if s.role.trim().is_empty() {
                    s.name.trim().to_owned()
                } else {
                    format!("{} — {}", s.name.trim(), s.role.trim())
                }
            },
        )
}

/// The last part of a document's path: the letter does not reveal the controller's folders.
fn file_name(path: &str) -> &str {
    path.rsplit(['/', '\\']).next().unwrap_or(path)
}

/// The annexes: the AIPD and the documents derived from it, then every attached document.
fn annexes(ctx: &Ctx) -> Vec<String> {
    let a = ctx.a;
    let mut out = vec![
        ctx.tw(
            "doc.consultation.annex_dpia",
            &[
                ("title", &a.project.title),
                ("version", &ctx.text_or_blank(&a.project.version)),
            ],
        ),
        ctx.tw(
            "doc.consultation.annex_dpo",
            &[("date", &ctx.date(a.opinions.dpo_opinion_on))],
        ),
        ctx.t("doc.consultation.annex_register"),
        ctx.t("doc.consultation.annex_notice"),
    ];
    out.extend(a.evidence.iter().map(|e| {
        format!(
            "{} — {}{}{} ({})",
            e.evidence_id,
            ctx.variant("evidence_kind", e.kind),
            if e.description.trim().is_empty() {
                ""
            } else {
                common::colon(ctx)
            },
            e.description.trim(),
            file_name(&e.path)
        )
    }));
    out.iter()
        .enumerate()
        .map(|(index, line)| {
            ctx.tw(
                "doc.consultation.annex_n",
                &[("n", &(index + 1).to_string()), ("text", line)],
            )
        })
        .collect()
}
