//! The cover page: title, controller and its contact details, DPO, authors, version, status, date and the
//! confidentiality marking (or the public-version notice).

use crate::dossier::blocks::{Block, Cover};
use crate::dossier::Ctx;
use crate::model::path;

/// The cover block.
pub fn cover(ctx: &Ctx) -> Block {
    let p = &ctx.a.project;
    // Only what is known: an empty fact is left off the cover rather than shown « not filled ».
    let mut lines: Vec<(String, String)> = Vec::new();
    if !p.organisation_contact.trim().is_empty() {
        lines.push((
            ctx.label(&path::project::ORGANISATION_CONTACT),
            p.organisation_contact.trim().to_owned(),
        ));
    }
    if !p.dpo_name.trim().is_empty() {
        lines.push((ctx.label(&path::project::DPO_NAME), ctx.person(&p.dpo_name)));
    }
    if !p.authors.iter().all(|a| a.trim().is_empty()) {
        let authors = if ctx.hides_names() {
            ctx.t("dossier.hidden")
        } else {
            p.authors.join(", ")
        };
        lines.push((ctx.label(&path::project::AUTHORS), authors));
    }
    if !p.consultant.trim().is_empty() {
        lines.push((ctx.label(&path::project::CONSULTANT), p.consultant.clone()));
    }
    if !p.version.trim().is_empty() {
        lines.push((
            ctx.label(&path::project::VERSION),
            p.version.trim().to_owned(),
        ));
    }
    lines.push((
        ctx.label(&path::project::STATUS),
        ctx.variant("status", p.status),
    ));
    lines.push((ctx.t("dossier.date"), ctx.date(Some(ctx.today))));
    // Which content this printed dossier is: its SHA-256, and whether it is a validated version.
    if let Ok(text) = crate::model::history::content_text(ctx.a) {
        let sha = crate::model::history::sha256_hex(&text);
        let which = match ctx.a.history.versions.iter().find(|v| v.sha256 == sha) {
            Some(v) => ctx.tw("dossier.fingerprint_version", &[("number", &v.number)]),
            None => ctx.t("dossier.fingerprint_unvalidated"),
        };
        lines.push((ctx.t("dossier.fingerprint"), format!("{}\n{which}", sha)));
    }
    let marking = if ctx.is_public {
        ctx.t("dossier.public_notice")
    } else {
        p.confidentiality.trim().to_owned()
    };
    Block::Cover(Cover {
        kicker: ctx.t("dossier.kicker"),
        title: ctx.text_or_blank(&p.title),
        organisation: p.organisation.clone(),
        lines,
        marking,
    })
}
