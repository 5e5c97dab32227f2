//! The public information notice in two layers, as the CNIL and the EDPB recommend: the text of
//! the signs (who, why, how long, how to exercise one's rights, where to read more) and the full
//! notice for the website (GDPR art. 13; LIL art. 104 for Police-Justice purposes), including the
//! statistics produced from the cameras and the analytics features that are not used.

use super::common::{self, actors, dpo, in_regime, list_or_none, purposes_with_basis};
use crate::dossier::{Block, Ctx, Tone};
use crate::model::camera::summarise;
use crate::model::{ActorRole, LegalRefId, Regime};

/// The notice document.
pub fn notice(ctx: &Ctx) -> Vec<Block> {
    let mut out = vec![
        Block::Heading {
            level: 1,
            text: ctx.t("doc.notice.title"),
        },
        Block::Note(common::provenance(ctx)),
    ];
    out.extend(first_layer(ctx));
    out.extend(second_layer(ctx));
    out
}

/// The first layer: the text of the signs.
fn first_layer(ctx: &Ctx) -> Vec<Block> {
    let mut out = vec![
        Block::Heading {
            level: 2,
            text: ctx.t("doc.notice.first_layer"),
        },
        Block::Paragraph(ctx.t("doc.notice.first_layer_intro")),
        Block::Note(ctx.t("doc.notice.sign_legibility")),
    ];
    out.extend(sign(ctx));
    out
}

/// The text of the signs, in its box.
pub(super) fn sign(ctx: &Ctx) -> Vec<Block> {
    let a = ctx.a;
    let mut lines = vec![ctx.tw(
        "doc.notice.sign_controller",
        &[("controller", &ctx.text_or_blank(&a.project.organisation))],
    )];
    let purposes = common::purpose_labels(ctx);
    lines.push(ctx.tw(
        "doc.notice.sign_purposes",
        &[("purposes", &list_or_none(ctx, &purposes))],
    ));
    // A sign states facts: what the analysis has not fixed yet is left out, not printed blank.
    if let Some(kept) = a.video_system.image_retention_days {
        lines.push(ctx.tw(
            "doc.notice.sign_retention",
            &[("days", &ctx.days(Some(kept)))],
        ));
    }
    if uses_analytics(ctx) {
        lines.push(ctx.t("doc.notice.sign_analytics"));
    }
    if uses_statistics(ctx) {
        lines.push(ctx.t("doc.notice.sign_statistics"));
    }
    lines.push(ctx.tw(
        "doc.notice.sign_rights",
        &[("contact", &rights_contact(ctx))],
    ));
    let more = a.video_system.public_information.notice_location.trim();
    if !more.is_empty() {
        lines.push(ctx.tw("doc.notice.sign_more", &[("where", more)]));
    }
    vec![Block::Callout {
        tone: Tone::Sign,
        title: ctx.t("doc.notice.sign_title"),
        body: lines.join("\n"),
        footer: ctx.citations(&[LegalRefId::new("CSI-L251-3"), LegalRefId::new("CSI-R253-3")]),
    }]
}

/// The full notice.
fn second_layer(ctx: &Ctx) -> Vec<Block> {
    let a = ctx.a;
    let video = &a.video_system;
    let heading = |text: String| Block::Heading { level: 3, text };
    let mut out = vec![Block::Heading {
        level: 2,
        text: ctx.t("doc.notice.second_layer"),
    }];

    out.push(heading(ctx.t("doc.notice.who")));
    out.push(Block::KeyValues(vec![
        (ctx.t("doc.register.controller"), common::controller(ctx)),
        (ctx.t("doc.register.dpo"), dpo(ctx)),
    ]));

    out.push(heading(ctx.t("doc.notice.why")));
    for regime in common::regimes(ctx) {
        let key = match regime {
            Regime::PoliceJustice => "doc.notice.purposes_lil",
            Regime::Gdpr => "doc.notice.purposes_gdpr",
            Regime::Undetermined => "doc.notice.purposes_undetermined",
        };
        out.push(Block::Paragraph(ctx.t(key)));
        out.push(Block::Bullets(purposes_with_basis(ctx, regime)));
    }

    out.push(heading(ctx.t("doc.notice.where")));
    let summary = summarise(&a.cameras);
    let perimeters = summary
        .per_perimeter
        .keys()
        .filter(|p| !p.trim().is_empty())
        .count();
    let mut place = vec![ctx.tw(
        "doc.notice.cameras",
        &[
            ("total", &ctx.count("doc.cameras", count(summary.total))),
            (
                "perimeters",
                &ctx.count("doc.perimeters", count(perimeters)),
            ),
        ],
    )];
    if !video.coverage.trim().is_empty() {
        place.push(common::sentence(&video.coverage));
    }
    if !video.operating_hours.trim().is_empty() {
        place.push(ctx.tw(
            "doc.notice.hours",
            &[("hours", video.operating_hours.trim())],
        ));
    }
    out.push(Block::Paragraph(place.join(" ")));

    out.push(heading(ctx.t("doc.notice.analytics")));
    out.extend(analytics(ctx, summary.analytics_coupled));

    if uses_statistics(ctx) {
        out.push(heading(ctx.t("doc.notice.statistics")));
        // Say that the figures are aggregated and image-free only when the analysis says so.
        let statistics = &video.statistics;
        let key = if statistics.is_output_aggregated == Some(true)
            && statistics.module_has_image_access == Some(false)
        {
            "doc.notice.statistics_aggregated"
        } else {
            "doc.notice.statistics_text"
        };
        let mut text = vec![ctx.t(key)];
        if !statistics.description.trim().is_empty() {
            text.push(common::sentence(&statistics.description));
        }
        out.push(Block::Paragraph(text.join(" ")));
    }

    out.push(heading(ctx.t("doc.notice.recipients")));
    let recipients: Vec<String> = actors(ctx, ActorRole::Recipient)
        .into_iter()
        .chain(actors(ctx, ActorRole::Processor))
        .collect();
    if recipients.is_empty() {
        out.push(Block::Paragraph(ctx.t("doc.notice.no_recipient")));
    } else {
        out.push(Block::Bullets(recipients));
    }

    out.push(heading(ctx.t("doc.notice.retention")));
    let mut retention = vec![match video.image_retention_days {
        Some(kept) => ctx.tw(
            "doc.notice.retention_text",
            &[("images", &ctx.days(Some(kept)))],
        ),
        None => ctx.t("doc.notice.retention_missing"),
    }];
    if let (true, Some(kept)) = (uses_analytics(ctx), video.metadata_retention_days) {
        retention.push(ctx.tw(
            "doc.notice.metadata_text",
            &[("metadata", &ctx.days(Some(kept)))],
        ));
    }
    out.push(Block::Paragraph(retention.join(" ")));

    out.push(heading(ctx.t("doc.notice.rights")));
    out.push(Block::Paragraph(ctx.tw(
        "doc.notice.rights_text",
        &[("contact", &rights_contact(ctx))],
    )));
    // The right to object is not told to citizens until the rights article of décret 2023-1102
    // is read (the question stays in the AIPD): access, erasure, restriction and a complaint only.
    let purposes = &a.processing.purposes;
    if purposes.iter().any(|p| in_regime(p, Regime::PoliceJustice)) {
        out.push(Block::Paragraph(ctx.t("doc.notice.rights_lil")));
    }
    out.push(Block::Paragraph(ctx.t("doc.notice.complaint")));

    let orders = common::orders(ctx);
    if !orders.is_empty() {
        out.push(heading(ctx.t("doc.notice.authorisation")));
        if orders.len() == 1 {
            out.extend(orders.into_iter().map(Block::Paragraph));
        } else {
            out.push(Block::Bullets(orders));
        }
    }
    out.push(Block::Note(ctx.citations(&[
        LegalRefId::new("RGPD-13"),
        LegalRefId::new("LIL-104"),
        LegalRefId::new("CSI-L251-3"),
        LegalRefId::new("CSI-L252-5"),
    ])));
    out
}

/// What the analytics software does, what it could do and does not, and the searches policy.
fn analytics(ctx: &Ctx, coupled: usize) -> Vec<Block> {
    let a = ctx.a;
    if !uses_analytics(ctx) {
        return vec![Block::Paragraph(ctx.t("doc.notice.no_analytics"))];
    }
    let software = &a.video_system.software;
    let has_name = !(software.vendor.trim().is_empty() && software.product.trim().is_empty());
    let coupled = ctx.count("doc.cameras", count(coupled));
    let mut out = vec![Block::Paragraph(if has_name {
        ctx.tw(
            "doc.notice.analytics_text",
            &[
                ("coupled", &coupled),
                ("product", &common::software_name(ctx)),
            ],
        )
    } else {
        ctx.tw("doc.notice.analytics_unnamed", &[("coupled", &coupled)])
    })];
    // Citizens read plain names, never an internal id; and only what the controller has
    // established: a capability whose state is still « to establish » is stated neither way.
    let name = |c: &crate::model::CapabilityRecord| ctx.capability_name(&c.capability_id);
    let enabled: Vec<String> = a
        .capabilities
        .iter()
        .filter(|c| c.is_enabled())
        .map(name)
        .collect();
    if !enabled.is_empty() {
        out.push(Block::Paragraph(ctx.t("doc.notice.features_used")));
        out.push(Block::Bullets(enabled));
    }
    let not_used: Vec<String> = a
        .capabilities
        .iter()
        .filter(|c| {
            c.is_present() && !c.is_enabled() && c.state != crate::model::CapabilityState::Unknown
        })
        .map(|c| {
            format!(
                "{} ({})",
                name(c),
                ctx.variant("capability_state", c.state).to_lowercase()
            )
        })
        .collect();
    if !not_used.is_empty() {
        out.push(Block::Paragraph(ctx.t("doc.notice.features_not_used")));
        out.push(Block::Bullets(not_used));
    }
    if a.video_system.searches.is_requisition_only == Some(true) {
        out.push(Block::Paragraph(ctx.t("doc.notice.requisition_only")));
    }
    out
}

/// True when cameras feed an analytics software.
fn uses_analytics(ctx: &Ctx) -> bool {
    ctx.a.cameras.iter().any(|c| c.is_analytics_coupled)
}

/// Where the public exercises its rights: the DPO's contact, else the controller's.
fn rights_contact(ctx: &Ctx) -> String {
    let project = &ctx.a.project;
    [
        project.dpo_contact.trim(),
        project.dpo_name.trim(),
        project.organisation.trim(),
    ]
    .into_iter()
    .find(|c| !c.is_empty())
    .map_or_else(|| ctx.t("doc.notice.the_controller"), str::to_owned)
}

/// A count for a phrase, saturating.
fn count(n: usize) -> u64 {
    u64::try_from(n).unwrap_or(u64::MAX)
}

/// True when statistics are produced from the cameras.
fn uses_statistics(ctx: &Ctx) -> bool {
    ctx.a.video_system.statistics.is_used == Some(true)
}
