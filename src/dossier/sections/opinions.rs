//! Chapter « Opinions and validation »: the DPO's opinion, the data subjects' views, the
//! controller's decision, prior consultation, and the signature block.

use super::context::paragraphs;
use super::{chapter, section};
use crate::dossier::blocks::{Block, SignatureLine};
use crate::dossier::Ctx;
use crate::model::path;

/// The opinions chapter.
pub fn opinions(ctx: &Ctx) -> Vec<Block> {
    let o = &ctx.a.opinions;
    let mut out = vec![chapter(ctx.t("dossier.ch.opinions"))];
    out.push(section(ctx.t("dossier.dpo_opinion")));
    out.push(Block::KeyValues(vec![
        (
            ctx.label(&path::project::DPO_NAME),
            ctx.person(&ctx.a.project.dpo_name),
        ),
        (ctx.t("dossier.date"), ctx.date(o.dpo_opinion_on)),
        (
            ctx.t("dossier.dpo_conclusion"),
            o.dpo_conclusion.map_or_else(
                || ctx.t("dossier.not_filled"),
                |c| ctx.variant("dpo_conclusion", c),
            ),
        ),
    ]));
    out.extend(paragraphs(ctx, &o.dpo_opinion));

    out.push(section(ctx.t("dossier.data_subjects_views")));
    let mut consulted = vec![(
        ctx.t("dossier.consulted"),
        ctx.yes_no(o.were_data_subjects_consulted),
    )];
    if o.were_data_subjects_consulted != Some(false) {
        consulted.push((
            ctx.t("dossier.consulted_people"),
            ctx.text_or_blank(&o.consulted_people),
        ));
        consulted.push((
            ctx.t("dossier.data_subjects_favourable"),
            ctx.yes_no(o.data_subjects_favourable),
        ));
    }
    out.push(Block::KeyValues(consulted));
    out.extend(paragraphs(ctx, &o.data_subjects_views));

    out.push(section(ctx.t("dossier.decision")));
    out.push(Block::KeyValues(vec![
        (
            ctx.t("dossier.controller_decision"),
            o.decision.map_or_else(
                || ctx.t("dossier.not_filled"),
                |d| ctx.variant("decision", d),
            ),
        ),
        (
            ctx.t("dossier.prior_consultation"),
            ctx.yes_no(o.prior_consultation.is_filed),
        ),
        (
            ctx.t("dossier.prior_consultation_date"),
            ctx.date(o.prior_consultation.filed_on),
        ),
        (
            ctx.t("dossier.consultation_decision"),
            // The decision as taken: « not required » only when chosen, with its reason; a
            // reason without the choice is printed as a note, not as a decision.
            if o.prior_consultation.is_decided_not_needed() {
                ctx.tw(
                    "dossier.consultation_not_needed",
                    &[("reason", o.prior_consultation.not_needed_reason.trim())],
                )
            } else {
                ctx.text_or_blank(&o.prior_consultation.not_needed_reason)
            },
        ),
        (
            ctx.label(&path::project::REVIEW_DUE_ON),
            ctx.date(ctx.a.project.review_due_on),
        ),
    ]));
    out.extend(paragraphs(ctx, &o.decision_reasons));

    out.push(section(ctx.t("dossier.signatures")));
    // Without recorded signatories, a block each for those who sign an AIPD: the controller
    // and the DPO (names from the project when known), to fill by hand.
    let default_signatories = [
        crate::model::Signature {
            name: ctx.a.project.organisation.trim().to_owned(),
            role: ctx.t("dossier.signatory.controller"),
            signed_on: None,
        },
        crate::model::Signature {
            name: ctx.a.project.dpo_name.trim().to_owned(),
            role: ctx.t("dossier.signatory.dpo"),
            signed_on: None,
        },
    ];
    let signatories: &[crate::model::Signature] = if o.signatures.is_empty() {
        &default_signatories
    } else {
        &o.signatures
    };
    let lines = signatories
        .iter()
        .map(|s| SignatureLine {
            who: if ctx.hides_names() {
                s.role.clone()
            } else {
                format!("{}\n{}", s.name, s.role).trim().to_owned()
            },
            date: match s.signed_on {
                Some(d) => ctx.tw("dossier.signed_on", &[("date", &ctx.date(Some(d)))]),
                None => ctx.t("dossier.date_blank"),
            },
            sign_here: ctx.t("dossier.sign_here"),
        })
        .collect();
    out.push(Block::Signatures(lines));
    out
}
