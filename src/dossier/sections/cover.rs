//! The cover page: title, controller and its contact details, DPO, authors, version, status, date and the
//! confidentiality marking (or the public-version notice).

use crate::dossier::blocks::{Block, Cover};
use crate::dossier::Ctx;

/// The cover block.
pub fn cover(ctx: &Ctx) -> Block {
    let p = &ctx.a.project;
    let mut lines = vec![
        (ctx.t("field.project.dpo_name"), ctx.person(&p.dpo_name)),
        (
            ctx.t("field.project.authors"),
            if ctx.hides_names() {
                ctx.t("dossier.hidden")
            } else {
                ctx.text_or_blank(&p.authors.join(", "))
            },
        ),
    ];
    if !p.organisation_contact.trim().is_empty() {
        lines.insert(
            0,
            (
                ctx.t("field.project.organisation_contact"),
                p.organisation_contact.trim().to_owned(),
            ),
        );
    }
    if !p.consultant.trim().is_empty() {
        lines.push((ctx.t("field.project.consultant"), p.consultant.clone()));
    }
    lines.push((
        ctx.t("field.project.version"),
        ctx.text_or_blank(&p.version),
    ));
    lines.push((
        ctx.t("field.project.status"),
        ctx.variant("status", p.status),
    ));
    lines.push((ctx.t("dossier.date"), ctx.date(Some(ctx.today))));
    let marking = if ctx.is_public {
        ctx.t("dossier.public_notice")
    } else {
        ctx.text_or_blank(&p.confidentiality)
    };
    Block::Cover(Cover {
        kicker: ctx.t("dossier.kicker"),
        title: ctx.text_or_blank(&p.title),
        organisation: p.organisation.clone(),
        lines,
        marking,
    })
}
