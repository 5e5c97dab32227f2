//! Phrases the derived documents share: where the document comes from, the purposes with their
//! legal bases, the retention periods, the actors of one role.

use crate::dossier::Ctx;
use crate::model::{ActorRole, Purpose, Regime};

/// The running footer: organisation — « derived from the AIPD, version V ».
pub fn footer(ctx: &Ctx) -> String {
    let project = &ctx.a.project;
    let mut parts = vec![project.organisation.clone()];
    parts.push(ctx.tw(
        "doc.derived_from",
        &[("version", &ctx.text_or_blank(&project.version))],
    ));
    parts.retain(|p| !p.trim().is_empty());
    parts.join(" — ")
}

/// The note under each document's title: which AIPD it comes from, and when.
pub fn provenance(ctx: &Ctx) -> String {
    let project = &ctx.a.project;
    ctx.tw(
        "doc.provenance",
        &[
            ("title", &project.title),
            ("version", &ctx.text_or_blank(&project.version)),
            ("date", &ctx.date(Some(ctx.today))),
        ],
    )
}

/// The knowledge base's name of a purpose (`5° Prévention des atteintes…`).
pub fn purpose_label(ctx: &Ctx, purpose: &Purpose) -> String {
    ctx.kb.purpose(purpose.kind).map_or_else(
        || format!("{:?}", purpose.kind),
        |d| d.label.get(ctx.lang).to_owned(),
    )
}

/// The names of every purpose of the processing.
pub fn purpose_labels(ctx: &Ctx) -> Vec<String> {
    ctx.a
        .processing
        .purposes
        .iter()
        .map(|p| purpose_label(ctx, p))
        .collect()
}

/// The purpose's name and what it means here.
pub fn purpose_line(ctx: &Ctx, purpose: &Purpose) -> String {
    let label = purpose_label(ctx, purpose);
    let description = purpose.description.trim();
    if description.is_empty() {
        label
    } else {
        format!("{label} — {description}")
    }
}

/// Purposes under one regime, with their legal basis.
pub fn purposes_with_basis(ctx: &Ctx, regime: Regime) -> Vec<String> {
    ctx.a
        .processing
        .purposes
        .iter()
        .filter(|p| in_regime(p, regime))
        .map(|p| {
            format!(
                "{} ({})",
                purpose_line(ctx, p),
                ctx.variant("legal_basis", p.legal_basis)
            )
        })
        .collect()
}

/// True when `purpose` falls under `regime` (an undetermined one stays apart: the documents
/// never guess which rules apply to it).
pub fn in_regime(purpose: &Purpose, regime: Regime) -> bool {
    purpose.regime == regime
}

/// The regimes the purposes fall under, in the order the documents list them.
pub fn regimes(ctx: &Ctx) -> Vec<Regime> {
    [Regime::Gdpr, Regime::PoliceJustice, Regime::Undetermined]
        .into_iter()
        .filter(|regime| {
            ctx.a
                .processing
                .purposes
                .iter()
                .any(|p| in_regime(p, *regime))
        })
        .collect()
}

/// The names of the actors with `role`, each with what they do.
pub fn actors(ctx: &Ctx, role: ActorRole) -> Vec<String> {
    ctx.a
        .processing
        .actors
        .iter()
        .filter(|a| a.role == role && !a.name.trim().is_empty())
        .map(|a| {
            let mut line = a.name.trim().to_owned();
            if !a.description.trim().is_empty() {
                line.push_str(" — ");
                line.push_str(a.description.trim());
            }
            if role == ActorRole::Processor && !a.hosting_location.trim().is_empty() {
                line.push_str(&ctx.tw("doc.hosted_in", &[("where", a.hosting_location.trim())]));
            }
            line
        })
        .collect()
}

/// Items joined for one cell, or « none ».
pub fn list_or_none(ctx: &Ctx, items: &[String]) -> String {
    let items: Vec<&str> = items
        .iter()
        .map(|i| i.trim())
        .filter(|i| !i.is_empty())
        .collect();
    if items.is_empty() {
        ctx.t("doc.none")
    } else {
        items.join(ctx.separator())
    }
}

/// The DPO's name and contact, as one line.
pub fn dpo(ctx: &Ctx) -> String {
    let project = &ctx.a.project;
    let parts: Vec<&str> = [project.dpo_name.trim(), project.dpo_contact.trim()]
        .into_iter()
        .filter(|p| !p.is_empty())
        .collect();
    if parts.is_empty() {
        ctx.t("dossier.not_filled")
    } else {
        parts.join(" — ")
    }
}

/// « : » after a label: a no-break space before it in French.
pub fn colon(ctx: &Ctx) -> &'static str {
    match ctx.lang {
        crate::model::Lang::Fr => "\u{a0}: ",
        crate::model::Lang::En => ": ",
    }
}

/// `Product version (Vendor)`, or « not filled ».
pub fn software_name(ctx: &Ctx) -> String {
    let software = &ctx.a.video_system.software;
    let product = format!("{} {}", software.product.trim(), software.version.trim());
    let product = product.trim();
    match (product.is_empty(), software.vendor.trim()) {
        (true, "") => ctx.t("dossier.not_filled"),
        (true, vendor) => vendor.to_owned(),
        (false, "") => product.to_owned(),
        (false, vendor) => format!("{product} ({vendor})"),
    }
}

/// The text with a full stop at its end if it has no closing punctuation.
pub fn sentence(text: &str) -> String {
    let text = text.trim();
    if text.ends_with(['.', '!', '?', '…', ')']) || text.is_empty() {
        text.to_owned()
    } else {
        format!("{text}.")
    }
}

/// The controller's name, with its contact details when the analysis gives them.
pub fn controller(ctx: &Ctx) -> String {
    let project = &ctx.a.project;
    let name = ctx.text_or_blank(&project.organisation);
    match project.organisation_contact.trim() {
        "" => name,
        contact => format!("{name} — {contact}"),
    }
}

/// Each prefectoral order as « reference, du date, valable 5 ans », leaving out the orders with
/// neither a reference nor a date.
pub fn orders(ctx: &Ctx) -> Vec<String> {
    ctx.a
        .video_system
        .orders()
        .iter()
        .map(|o| o.order)
        .filter(|order| !order.reference.trim().is_empty() || order.granted_on.is_some())
        .map(|order| {
            ctx.tw(
                "doc.register.authorisation_value",
                &[
                    ("reference", &ctx.text_or_blank(&order.reference)),
                    ("date", &ctx.date(order.granted_on)),
                    (
                        "years",
                        &ctx.count("doc.years", u64::from(order.duration_years)),
                    ),
                ],
            )
        })
        .collect()
}
