//! The fundamental-rights impact assessment of AI Act art. 27 as a companion of the AIPD: the
//! six items of art. 27(1)(a)–(f) — the deployer's processes using the system, the period and
//! frequency of use, the categories of persons affected, the specific risks of harm, human
//! oversight, and the measures if the risks materialise with governance and complaint
//! mechanisms — filled from the AIPD's answers, what is still missing listed, and art. 27(4)
//! (the FRIA complements the DPIA) stated. Available whether or not the engine finds that art. 27
//! applies; it says which.

use super::common::{self, list_or_none};
use crate::dossier::{Block, Ctx, Tone};
use crate::model::{LegalRefId, MeasureStatus};

/// The FRIA document.
pub fn fria(ctx: &Ctx) -> Vec<Block> {
    let applies = super::fria_applies(ctx.a, ctx.report);
    let mut out = vec![
        Block::Heading {
            level: 1,
            text: ctx.t("doc.fria.title"),
        },
        Block::Note(common::provenance(ctx)),
        Block::Callout {
            tone: if applies { Tone::High } else { Tone::Info },
            title: ctx.t(if applies {
                "doc.fria.applies"
            } else {
                "doc.fria.not_required"
            }),
            body: ctx.t("doc.fria.scope"),
            footer: ctx.citations(&[
                LegalRefId::new("AIA-27"),
                LegalRefId::new("AIA-ANNEX-III-1"),
            ]),
        },
        Block::Paragraph(ctx.tw(
            "doc.fria.complements",
            &[
                ("title", &ctx.a.project.title),
                ("version", &ctx.text_or_blank(&ctx.a.project.version)),
            ],
        )),
        Block::Note(ctx.t("doc.fria.wording_note")),
    ];
    // When art. 27 applies to this system (AI Act as amended by Regulation 2026/1744, secondary
    // sources): from 2 December 2027; for a system already in service, by 2 August 2030 unless
    // significantly changed.
    let when = if ctx.a.project.deployment_stage == crate::model::DeploymentStage::InOperation {
        "doc.fria.when_in_service"
    } else {
        "doc.fria.when_planned"
    };
    out.insert(3, Block::Paragraph(ctx.t(when)));
    let mut missing = Vec::new();
    for item in ITEMS {
        out.push(Block::Heading {
            level: 2,
            text: ctx.t(&format!("doc.fria.{}.title", item.key)),
        });
        out.push(Block::Note(ctx.t(&format!("doc.fria.{}.text", item.key))));
        let filled = (item.fill)(ctx);
        out.extend(filled.blocks);
        missing.extend(filled.missing.into_iter().map(|what| {
            format!(
                "{} — {what}",
                ctx.t(&format!("doc.fria.{}.short", item.key))
            )
        }));
    }
    out.push(Block::Heading {
        level: 2,
        text: ctx.t("doc.fria.missing"),
    });
    if missing.is_empty() {
        out.push(Block::Paragraph(ctx.t("doc.fria.nothing_missing")));
    } else {
        out.push(Block::Bullets(missing));
    }
    out.push(Block::Heading {
        level: 2,
        text: ctx.t("doc.fria.after"),
    });
    out.push(Block::Paragraph(ctx.t("doc.fria.notification")));
    out
}

/// One item of art. 27(1): its key in the catalogue and how it is filled.
struct Item {
    key: &'static str,
    fill: fn(&Ctx) -> Filled,
}

/// What an item says, and what it still lacks.
#[derive(Default)]
struct Filled {
    blocks: Vec<Block>,
    missing: Vec<String>,
}

impl Filled {
    fn pairs(&mut self, ctx: &Ctx, pairs: Vec<(&str, String)>) {
        self.blocks.push(Block::KeyValues(
            pairs
                .into_iter()
                .map(|(key, value)| (ctx.t(key), value))
                .collect(),
        ));
    }

    /// Notes `what` as missing when `is_missing`.
    fn need(&mut self, ctx: &Ctx, is_missing: bool, what: &str) {
        if is_missing {
            self.missing.push(ctx.t(what));
        }
    }
}

const ITEMS: [Item; 6] = [
    Item {
        key: "a",
        fill: processes,
    },
    Item {
        key: "b",
        fill: period,
    },
    Item {
        key: "c",
        fill: persons,
    },
    Item {
        key: "d",
        fill: risks,
    },
    Item {
        key: "e",
        fill: oversight,
    },
    Item {
        key: "f",
        fill: measures,
    },
];

/// The AI capabilities the commune can use (present and not locked), by name.
fn usable_capabilities(ctx: &Ctx) -> Vec<String> {
    ctx.a
        .capabilities
        .iter()
        .filter(|r| r.is_usable())
        .map(|r| ctx.capability(&r.capability_id))
        .collect()
}

/// (a) The deployer's processes in which the system is used, in line with its intended purpose.
fn processes(ctx: &Ctx) -> Filled {
    let a = ctx.a;
    let mut filled = Filled::default();
    let description = a.processing.description.trim();
    filled.need(ctx, description.is_empty(), "doc.fria.need.description");
    filled.need(
        ctx,
        a.processing.purposes.is_empty(),
        "doc.fria.need.purposes",
    );
    let purposes: Vec<String> = a
        .processing
        .purposes
        .iter()
        .map(|p| common::purpose_line(ctx, p))
        .collect();
    let capabilities = usable_capabilities(ctx);
    let searches = &a.video_system.searches;
    filled.pairs(
        ctx,
        vec![
            ("doc.fria.processing", ctx.text_or_blank(description)),
            ("doc.fria.software", common::software_name(ctx)),
            (
                "doc.fria.capabilities_usable",
                list_or_none(ctx, &capabilities),
            ),
            (
                "doc.fria.control_centre",
                ctx.text_or_blank(&a.video_system.control_centre.name),
            ),
            (
                "doc.fria.requisition_only",
                ctx.yes_no(searches.is_requisition_only),
            ),
            ("doc.fria.handover", ctx.text_or_blank(&searches.handover)),
        ],
    );
    filled.blocks.push(Block::Heading {
        level: 3,
        text: ctx.t("doc.fria.purposes"),
    });
    filled.blocks.push(if purposes.is_empty() {
        Block::Paragraph(ctx.t("dossier.not_filled"))
    } else {
        Block::Bullets(purposes)
    });
    filled
}

/// (b) The period within which, and the frequency with which, the system is used.
fn period(ctx: &Ctx) -> Filled {
    let a = ctx.a;
    let video = &a.video_system;
    let mut filled = Filled::default();
    let authorisation = &video.authorisation;
    let until = authorisation
        .granted_on
        .map(|d| d.add_years(authorisation.duration_years.min(100) as i32));
    let hours = [
        video.operating_hours.trim(),
        video.control_centre.hours.trim(),
    ]
    .into_iter()
    .filter(|h| !h.is_empty())
    .collect::<Vec<_>>()
    .join(" — ");
    filled.need(ctx, hours.is_empty(), "doc.fria.need.hours");
    filled.need(
        ctx,
        authorisation.granted_on.is_none(),
        "doc.fria.need.period",
    );
    filled.need(
        ctx,
        !usable_capabilities(ctx).is_empty() && video.searches.requisitions_per_year.is_none(),
        "doc.fria.need.frequency",
    );
    filled.pairs(
        ctx,
        vec![
            (
                "doc.fria.stage",
                ctx.variant("deployment_stage", a.project.deployment_stage),
            ),
            ("doc.fria.started", ctx.date(a.project.created_on)),
            (
                "doc.fria.authorised_period",
                match (authorisation.granted_on, until) {
                    (Some(from), Some(to)) => ctx.tw(
                        "doc.fria.from_to",
                        &[("from", &ctx.date(Some(from))), ("to", &ctx.date(Some(to)))],
                    ),
                    _ => ctx.t("dossier.not_filled"),
                },
            ),
            ("doc.fria.hours", ctx.text_or_blank(&hours)),
            (
                "doc.fria.searches_per_year",
                video
                    .searches
                    .requisitions_per_year
                    .map_or_else(|| ctx.t("dossier.not_filled"), |n| n.to_string()),
            ),
            ("doc.fria.retention", ctx.days(video.image_retention_days)),
            ("doc.fria.next_review", ctx.date(a.project.review_due_on)),
        ],
    );
    filled
}

/// (c) The categories of natural persons and groups likely to be affected.
fn persons(ctx: &Ctx) -> Filled {
    let a = ctx.a;
    let mut filled = Filled::default();
    filled.need(
        ctx,
        a.processing.data_subjects.is_empty(),
        "doc.fria.need.subjects",
    );
    filled.need(
        ctx,
        a.screening.scale_people.trim().is_empty(),
        "doc.fria.need.scale",
    );
    filled.need(
        ctx,
        a.screening.films_vulnerable_people.is_none(),
        "doc.fria.need.vulnerable",
    );
    filled.pairs(
        ctx,
        vec![
            (
                "doc.fria.subjects",
                list_or_none(ctx, &a.processing.data_subjects),
            ),
            (
                "doc.fria.scale",
                ctx.text_or_blank(&a.screening.scale_people),
            ),
            (
                "doc.fria.cameras",
                ctx.count("doc.fria.camera_count", a.cameras.len() as u64),
            ),
            (
                "doc.fria.vulnerable",
                ctx.yes_no(a.screening.films_vulnerable_people),
            ),
            (
                "doc.fria.staff",
                ctx.yes_no(a.video_system.control_centre.films_staff),
            ),
        ],
    );
    filled
}

/// (d) The specific risks of harm to those persons, with the provider's information (art. 13).
fn risks(ctx: &Ctx) -> Filled {
    let a = ctx.a;
    let mut filled = Filled::default();
    filled.need(ctx, a.risks.is_empty(), "doc.fria.need.risks");
    if !a.risks.is_empty() {
        let rows = a
            .risks
            .iter()
            .map(|risk| {
                vec![
                    risk.risk_id.to_string(),
                    risk.title.trim().to_owned(),
                    risk.impacts.join("; "),
                    format!(
                        "{} / {}",
                        ctx.level(risk.residual_severity),
                        ctx.level(risk.residual_likelihood)
                    ),
                ]
            })
            .collect();
        filled.blocks.push(Block::Table {
            columns: vec![
                column(ctx, "doc.fria.risk_id", 0.8),
                column(ctx, "doc.fria.risk", 2.2),
                column(ctx, "doc.fria.impacts", 2.4),
                column(ctx, "doc.fria.residual", 1.4),
            ],
            rows,
        });
    }
    let ai_findings: Vec<String> = ctx
        .report
        .findings
        .iter()
        .filter(|f| f.rule_id.starts_with("AIA-") || f.rule_id == "R26")
        .map(|f| format!("{} — {}", f.rule_id, f.title.get(ctx.lang)))
        .collect();
    if !ai_findings.is_empty() {
        filled.blocks.push(Block::Heading {
            level: 3,
            text: ctx.t("doc.fria.ai_findings"),
        });
        filled.blocks.push(Block::Bullets(ai_findings));
    }
    let provider: Vec<String> = a
        .evidence
        .iter()
        .filter(|e| {
            matches!(
                e.kind,
                crate::model::EvidenceKind::VendorAttestation
                    | crate::model::EvidenceKind::Contract
                    | crate::model::EvidenceKind::Configuration
            )
        })
        .map(|e| {
            let description = e.description.trim();
            if description.is_empty() {
                e.evidence_id.to_string()
            } else {
                format!("{} — {description}", e.evidence_id)
            }
        })
        .collect();
    filled.need(ctx, provider.is_empty(), "doc.fria.need.provider");
    filled.pairs(
        ctx,
        vec![(
            "doc.fria.provider_information",
            list_or_none(ctx, &provider),
        )],
    );
    filled
}

/// (e) The implementation of human oversight measures, according to the instructions for use.
fn oversight(ctx: &Ctx) -> Filled {
    let a = ctx.a;
    let centre = &a.video_system.control_centre;
    let searches = &a.video_system.searches;
    let mut filled = Filled::default();
    filled.need(
        ctx,
        centre.are_operators_trained != Some(true),
        "doc.fria.need.training",
    );
    filled.need(
        ctx,
        centre.are_operators_habilitated != Some(true),
        "doc.fria.need.habilitation",
    );
    filled.need(
        ctx,
        a.screening.has_automated_decisions.is_none(),
        "doc.fria.need.decisions",
    );
    let initiators: Vec<String> = searches
        .initiators
        .iter()
        .map(|i| ctx.variant("search_initiator", i))
        .collect();
    filled.pairs(
        ctx,
        vec![
            (
                "doc.fria.operators",
                centre
                    .operator_count
                    .map_or_else(|| ctx.t("dossier.not_filled"), |n| n.to_string()),
            ),
            ("doc.fria.trained", ctx.yes_no(centre.are_operators_trained)),
            (
                "doc.fria.habilitated",
                ctx.yes_no(centre.are_operators_habilitated),
            ),
            (
                "doc.fria.no_automated_decision",
                ctx.yes_no(a.screening.has_automated_decisions.map(|has| !has)),
            ),
            ("doc.fria.initiators", list_or_none(ctx, &initiators)),
            (
                "doc.fria.logs",
                ctx.yes_no(match (centre.has_access_logs, searches.has_search_logs) {
                    (Some(true), Some(true)) => Some(true),
                    (Some(false), _) | (_, Some(false)) => Some(false),
                    _ => None,
                }),
            ),
            (
                "doc.fria.log_retention",
                ctx.days(centre.log_retention_days),
            ),
        ],
    );
    filled
}

/// (f) The measures if the risks materialise, with internal governance and complaint mechanisms.
fn measures(ctx: &Ctx) -> Filled {
    let a = ctx.a;
    let mut filled = Filled::default();
    filled.need(ctx, a.measures.is_empty(), "doc.fria.need.measures");
    if !a.measures.is_empty() {
        let rows = a
            .measures
            .iter()
            .map(|m| {
                vec![
                    m.measure_id.to_string(),
                    m.title.trim().to_owned(),
                    ctx.variant("measure_status", m.status),
                    ctx.text_or_blank(&m.owner),
                    if m.status == MeasureStatus::Existing {
                        String::new()
                    } else {
                        ctx.date(m.deadline)
                    },
                ]
            })
            .collect();
        filled.blocks.push(Block::Table {
            columns: vec![
                column(ctx, "doc.fria.measure_id", 0.8),
                column(ctx, "doc.fria.measure", 3.0),
                column(ctx, "doc.fria.status", 1.1),
                column(ctx, "doc.fria.owner", 1.4),
                column(ctx, "doc.fria.deadline", 1.0),
            ],
            rows,
        });
    }
    let access = &a.video_system.access_rights;
    filled.need(
        ctx,
        access.contact.trim().is_empty(),
        "doc.fria.need.complaints",
    );
    filled.blocks.push(Block::Heading {
        level: 3,
        text: ctx.t("doc.fria.governance"),
    });
    filled.pairs(
        ctx,
        vec![
            ("doc.fria.dpo", common::dpo(ctx)),
            ("doc.fria.review", ctx.date(a.project.review_due_on)),
            ("doc.fria.complaints", ctx.text_or_blank(&access.contact)),
            ("doc.fria.cnil", ctx.t("doc.fria.cnil_complaint")),
        ],
    );
    filled
}

fn column(ctx: &Ctx, key: &str, weight: f32) -> crate::dossier::Column {
    crate::dossier::Column {
        title: ctx.t(key),
        weight,
        lang: None,
    }
}
