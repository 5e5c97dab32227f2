//! The entry of the record of processing activities: one record for the purposes under the
//! GDPR (art. 30(1)) and one for those under Title III of the Loi Informatique et Libertés
//! (art. 100), each with the items those articles list, filled from the AIPD's answers.

use super::common::{self, actors, dpo, list_or_none, purposes_with_basis};
use crate::dossier::{Block, Ctx};
use crate::model::{ActorRole, LegalRefId, MeasureKind, MeasureStatus, Regime};

/// The register document.
pub fn register(ctx: &Ctx) -> Vec<Block> {
    let mut out = vec![
        Block::Heading {
            level: 1,
            text: ctx.t("doc.register.title"),
        },
        Block::Note(common::provenance(ctx)),
    ];
    let regimes = common::regimes(ctx);
    if regimes.is_empty() {
        out.push(Block::Paragraph(ctx.t("doc.register.no_purpose")));
        return out;
    }
    for regime in regimes {
        out.extend(entry(ctx, regime));
    }
    out
}

/// One record: the GDPR one or the Police-Justice one.
fn entry(ctx: &Ctx, regime: Regime) -> Vec<Block> {
    let a = ctx.a;
    let (heading, legal) = match regime {
        Regime::PoliceJustice => ("doc.register.entry_lil", "LIL-100"),
        Regime::Gdpr => ("doc.register.entry_gdpr", "RGPD-30"),
        Regime::Undetermined => ("doc.register.entry_undetermined", ""),
    };
    let mut out = vec![Block::Heading {
        level: 2,
        text: ctx.t(heading),
    }];
    out.push(Block::Note(if legal.is_empty() {
        ctx.t("doc.register.undetermined_note")
    } else {
        ctx.citations(&[LegalRefId::new(legal)])
    }));

    let controllers: Vec<String> = a
        .processing
        .actors
        .iter()
        .filter(|actor| actor.role == ActorRole::Controller && !actor.name.trim().is_empty())
        .map(|actor| actor.name.trim().to_owned())
        .collect();
    let mut pairs = vec![
        (ctx.t("doc.register.name"), a.project.title.clone()),
        (
            ctx.t("doc.register.controller"),
            match (
                controllers.is_empty(),
                a.project.organisation_contact.trim(),
            ) {
                (true, _) => common::controller(ctx),
                (false, "") => list_or_none(ctx, &controllers),
                (false, contact) => format!("{} — {contact}", list_or_none(ctx, &controllers)),
            },
        ),
        (
            ctx.t("doc.register.joint_controllers"),
            list_or_none(ctx, &actors(ctx, ActorRole::JointController)),
        ),
        (ctx.t("doc.register.dpo"), dpo(ctx)),
        (
            ctx.t("doc.register.subjects"),
            list_or_none(ctx, &a.processing.data_subjects),
        ),
        (
            ctx.t("doc.register.data"),
            list_or_none(ctx, &a.processing.data_categories),
        ),
        (
            ctx.t("doc.register.recipients"),
            list_or_none(ctx, &actors(ctx, ActorRole::Recipient)),
        ),
        (
            ctx.t("doc.register.processors"),
            list_or_none(ctx, &actors(ctx, ActorRole::Processor)),
        ),
        (ctx.t("doc.register.transfers"), transfers(ctx)),
        (
            ctx.t("doc.register.retention_images"),
            retention_images(ctx),
        ),
        (
            ctx.t("doc.register.retention_metadata"),
            ctx.days(a.video_system.metadata_retention_days),
        ),
        (ctx.t("doc.register.authorisation"), authorisation(ctx)),
        (ctx.t("doc.register.software"), software(ctx)),
        (ctx.t("doc.register.cameras"), cameras(ctx)),
    ];
    if regime == Regime::PoliceJustice {
        let searches = &a.video_system.searches;
        pairs.push((
            ctx.t("doc.register.logs"),
            ctx.yes_no(
                match (
                    a.video_system.control_centre.has_access_logs,
                    searches.has_search_logs,
                ) {
                    (Some(true), Some(true)) => Some(true),
                    (Some(false), _) | (_, Some(false)) => Some(false),
                    _ => None,
                },
            ),
        ));
        pairs.push((
            ctx.t("doc.register.requisition_only"),
            ctx.yes_no(searches.is_requisition_only),
        ));
    }
    pairs.push((ctx.t("doc.register.drawn_up"), ctx.date(Some(ctx.today))));

    out.push(Block::Heading {
        level: 3,
        text: ctx.t("doc.register.purposes"),
    });
    out.push(Block::Bullets(purposes_with_basis(ctx, regime)));
    out.push(Block::KeyValues(pairs));
    out.push(Block::Heading {
        level: 3,
        text: ctx.t("doc.register.security"),
    });
    let measures: Vec<String> = a
        .measures
        .iter()
        .filter(|m| m.kind != MeasureKind::Legal && m.status == MeasureStatus::Existing)
        // A register entry is published: the measure by its title, not the team's id.
        .map(|m| {
            let title = m.title.trim();
            if title.is_empty() {
                m.measure_id.to_string()
            } else {
                title.to_owned()
            }
        })
        .collect();
    if measures.is_empty() {
        out.push(Block::Paragraph(ctx.t("doc.register.no_security")));
    } else {
        out.push(Block::Bullets(measures));
    }
    out
}

/// Where processors host the data, and the transfers outside the EU whose safeguards are not
/// documented.
fn transfers(ctx: &Ctx) -> String {
    let processors = || {
        ctx.a
            .processing
            .actors
            .iter()
            .filter(|a| a.role == ActorRole::Processor && !a.name.trim().is_empty())
    };
    let hosting: Vec<String> = processors()
        .filter(|a| !a.hosting_location.trim().is_empty())
        .map(|a| {
            format!(
                "{}{}{}",
                a.name.trim(),
                common::colon(ctx),
                a.hosting_location.trim()
            )
        })
        .collect();
    let undocumented: Vec<String> = processors()
        .filter(|a| a.is_transfer_documented == Some(false))
        .map(|a| a.name.trim().to_owned())
        .collect();
    let mut parts = vec![if hosting.is_empty() {
        ctx.t("dossier.not_filled")
    } else {
        ctx.tw(
            "doc.register.hosting",
            &[("where", &list_or_none(ctx, &hosting))],
        )
    }];
    if !undocumented.is_empty() {
        parts.push(ctx.tw(
            "doc.register.transfer_to_check",
            &[("who", &list_or_none(ctx, &undocumented))],
        ));
    }
    parts.join(" ")
}

/// The images' retention, with the ceiling set by the prefectoral authorisation.
fn retention_images(ctx: &Ctx) -> String {
    let video = &ctx.a.video_system;
    let kept = ctx.days(video.image_retention_days);
    let strictest = video
        .orders()
        .iter()
        .filter_map(|o| o.order.authorised_retention_days)
        .min();
    match strictest {
        Some(max) => ctx.tw(
            "doc.register.retention_with_max",
            &[("kept", &kept), ("max", &ctx.days(Some(max)))],
        ),
        None => kept,
    }
}

/// Reference and date of the prefectoral authorisation, or of each order when the system holds
/// several.
fn authorisation(ctx: &Ctx) -> String {
    let orders = common::orders(ctx);
    if orders.is_empty() {
        return ctx.t("dossier.not_filled");
    }
    orders.join(" ; ")
}

/// The analytics software and the capabilities the controller can use.
/// How many cameras, and since when: the span of their commissioning dates (issue 33: the date
/// an open-data inventory gives), with how many have none.
fn cameras(ctx: &Ctx) -> String {
    let cameras = &ctx.a.cameras;
    if cameras.is_empty() {
        return ctx.t("doc.register.cameras_none");
    }
    let count = ctx.count("doc.cameras", cameras.len() as u64);
    let dates: Vec<_> = cameras.iter().filter_map(|c| c.commissioned_on).collect();
    let (Some(first), Some(last)) = (dates.iter().min(), dates.iter().max()) else {
        return ctx.tw("doc.register.cameras_undated", &[("cameras", &count)]);
    };
    let (first, last) = (ctx.date(Some(*first)), ctx.date(Some(*last)));
    let dated = if first == last {
        ctx.tw(
            "doc.register.cameras_dated_once",
            &[("cameras", &count), ("first", &first)],
        )
    } else {
        ctx.tw(
            "doc.register.cameras_dated",
            &[("cameras", &count), ("first", &first), ("last", &last)],
        )
    };
    let unknown = cameras.len() - dates.len();
    if unknown == 0 {
        return dated;
    }
    ctx.tw(
        "doc.register.cameras_some_unknown",
        &[("text", &dated), ("unknown", &unknown.to_string())],
    )
}

fn software(ctx: &Ctx) -> String {
    let software = &ctx.a.video_system.software;
    if software.vendor.trim().is_empty() && software.product.trim().is_empty() {
        return ctx.t("doc.none");
    }
    let name = common::software_name(ctx);
    let usable: Vec<String> = ctx
        .a
        .capabilities
        .iter()
        .filter(|c| c.is_usable())
        // A register entry is published: capabilities by name, not by the engine's ids.
        .map(|c| ctx.capability_name(&c.capability_id))
        .collect();
    if usable.is_empty() {
        name
    } else {
        ctx.tw(
            "doc.register.software_value",
            &[
                ("name", &name),
                ("capabilities", &list_or_none(ctx, &usable)),
            ],
        )
    }
}
