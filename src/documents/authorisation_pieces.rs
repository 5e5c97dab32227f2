//! The attachments of a request to the prefect, in the order CSI R.252-3 lists them: the
//! presentation report (purposes, techniques, the site's risks), the site map and the detail
//! plans (fields of view, masks), then, without numbers (their numbering in the current
//! version was not read), the camera list, transmission and recording, security, public
//! information, retention, the persons responsible, the instructions to operators, the right
//! of access and the technical conformity.

use super::authorisation::{
    camera_table, covered_cameras, perimeters_of, plan_blocks, transmission, viewers,
};
use super::common;
use crate::dossier::{Block, Ctx};
use crate::model::{AuthorisationRequest, LegalRefId, MeasureStatus};

/// Every attachment.
pub fn pieces(ctx: &Ctx, request: &AuthorisationRequest) -> Vec<Block> {
    let mut out = vec![
        Block::Heading {
            level: 1,
            text: ctx.t("doc.authorisation.pieces"),
        },
        Block::Note(format!(
            "{} {}",
            ctx.t("doc.authorisation.pieces_note"),
            ctx.citations(&[LegalRefId::new("CSI-R252-3")])
        )),
    ];
    out.extend(report(ctx, request));
    out.push(heading(ctx, "doc.authorisation.p.plans"));
    let plans = plan_blocks(ctx, request);
    if plans.is_empty() {
        out.push(Block::Paragraph(ctx.t("doc.authorisation.no_plan")));
    } else {
        out.push(Block::Paragraph(ctx.t("doc.authorisation.plans_intro")));
        out.extend(plans);
    }
    let cameras = covered_cameras(ctx, request);
    out.push(heading(ctx, "doc.authorisation.p.cameras"));
    if cameras.is_empty() {
        out.push(Block::Paragraph(ctx.t("doc.authorisation.no_camera")));
    } else {
        out.push(camera_table(ctx, &cameras));
    }
    out.extend(system(ctx, request));
    out.extend(people(ctx, request));
    out
}

/// Who asks: the organisation's name, else the controller as the documents name it.
fn declarant(ctx: &Ctx) -> String {
    let name = ctx.a.project.organisation.trim();
    if name.is_empty() {
        common::controller(ctx)
    } else {
        name.to_owned()
    }
}

fn heading(ctx: &Ctx, key: &str) -> Block {
    Block::Heading {
        level: 2,
        text: ctx.t(key),
    }
}

/// A text the user writes, or what is missing.
fn written(ctx: &Ctx, text: &str) -> Block {
    if text.trim().is_empty() {
        Block::Paragraph(ctx.t("doc.authorisation.to_fill"))
    } else {
        Block::Paragraph(text.trim().to_owned())
    }
}

/// 1° The presentation report: the purposes, the techniques used, the site's risks.
fn report(ctx: &Ctx, request: &AuthorisationRequest) -> Vec<Block> {
    let a = ctx.a;
    let perimeters = perimeters_of(ctx, request);
    let mut out = vec![
        heading(ctx, "doc.authorisation.p.report"),
        Block::Paragraph(ctx.tw(
            "doc.authorisation.report_intro",
            &[
                ("controller", &declarant(ctx)),
                ("perimeters", &common::list_or_none(ctx, &perimeters)),
            ],
        )),
        Block::Heading {
            level: 3,
            text: ctx.t("doc.authorisation.purposes"),
        },
    ];
    let mut purposes: Vec<String> = a
        .processing
        .purposes
        .iter()
        .filter(|p| request.purposes.contains(&p.kind))
        .map(|p| common::purpose_line(ctx, p))
        .collect();
    for kind in &request.purposes {
        if !a.processing.purposes.iter().any(|p| p.kind == *kind) {
            if let Some(def) = ctx.kb.purpose(*kind) {
                purposes.push(def.label.get(ctx.lang).to_owned());
            }
        }
    }
    if !request.other_purposes.trim().is_empty() {
        purposes.push(request.other_purposes.trim().to_owned());
    }
    out.push(if purposes.is_empty() {
        Block::Paragraph(ctx.t("doc.authorisation.to_fill"))
    } else {
        Block::Bullets(purposes)
    });
    out.push(Block::Heading {
        level: 3,
        text: ctx.t("doc.authorisation.techniques"),
    });
    let cameras = covered_cameras(ctx, request);
    let coupled = cameras.iter().filter(|c| c.is_analytics_coupled).count();
    let mut techniques = vec![ctx.tw(
        "doc.authorisation.techniques_cameras",
        &[
            ("cameras", &ctx.count("doc.cameras", cameras.len() as u64)),
            ("hours", &ctx.text_or_blank(&a.video_system.operating_hours)),
        ],
    )];
    if coupled > 0 {
        techniques.push(ctx.tw(
            "doc.authorisation.techniques_analytics",
            &[
                ("software", &common::software_name(ctx)),
                ("cameras", &ctx.count("doc.cameras", coupled as u64)),
            ],
        ));
    }
    if !a.video_system.coverage.trim().is_empty() {
        techniques.push(a.video_system.coverage.trim().to_owned());
    }
    out.push(Block::Bullets(techniques));
    out.push(Block::Heading {
        level: 3,
        text: ctx.t("doc.authorisation.risks"),
    });
    out.push(written(ctx, &request.site_risks));
    // The AIPD's necessity answers say why cameras, and why here.
    let answers: Vec<(String, String)> = ctx
        .kb
        .answer_questions("necessity")
        .filter_map(|q| {
            let answer = a.answers.iter().find(|x| x.question_id == q.id)?;
            let text = answer.text.trim();
            (!text.is_empty()).then(|| (q.label.get(ctx.lang).to_owned(), text.to_owned()))
        })
        .collect();
    if !answers.is_empty() {
        out.push(Block::Note(ctx.t("doc.authorisation.necessity_intro")));
        out.push(Block::KeyValues(answers));
    }
    out
}

/// Transmission and recording, security, public information, retention.
fn system(ctx: &Ctx, request: &AuthorisationRequest) -> Vec<Block> {
    let v = &ctx.a.video_system;
    let centre = &v.control_centre;
    let mut out = vec![heading(ctx, "doc.authorisation.p.transmission")];
    let mut pairs = vec![
        (
            ctx.t("doc.authorisation.f.recording_site"),
            ctx.text_or_blank(&centre.name),
        ),
        (
            ctx.t("doc.authorisation.f.transmission"),
            centre.has_live_transmission.map_or_else(
                || ctx.t("doc.authorisation.to_fill"),
                |is_live| transmission(ctx, is_live),
            ),
        ),
        (
            ctx.t("doc.authorisation.f.hours"),
            ctx.text_or_blank(&v.operating_hours),
        ),
        (
            ctx.t("doc.authorisation.f.searches"),
            ctx.yes_no(v.searches.is_requisition_only),
        ),
    ];
    let software = common::software_name(ctx);
    if !v.software.vendor.trim().is_empty() || !v.software.product.trim().is_empty() {
        pairs.push((ctx.t("doc.authorisation.f.software"), software));
    }
    out.push(Block::KeyValues(pairs));

    out.push(heading(ctx, "doc.authorisation.p.security"));
    out.push(written(ctx, &centre.security));
    let measures: Vec<String> = ctx
        .a
        .measures
        .iter()
        .filter(|m| m.status == MeasureStatus::Existing && !m.title.trim().is_empty())
        .map(|m| m.title.trim().to_owned())
        .collect();
    out.push(Block::KeyValues(vec![(
        ctx.t("doc.authorisation.f.access_logs"),
        ctx.yes_no(centre.has_access_logs),
    )]));
    if !measures.is_empty() {
        out.push(Block::Note(ctx.t("doc.authorisation.measures_intro")));
        out.push(Block::Bullets(measures));
    }

    out.push(heading(ctx, "doc.authorisation.p.information"));
    out.push(Block::Paragraph(
        ctx.t("doc.authorisation.information_intro"),
    ));
    out.extend(super::notice::sign(ctx));

    out.push(heading(ctx, "doc.authorisation.p.retention"));
    out.push(Block::KeyValues(vec![
        (
            ctx.t("doc.authorisation.f.retention"),
            request
                .retention_days
                .map_or_else(|| ctx.t("doc.authorisation.to_fill"), |d| ctx.days(Some(d))),
        ),
        (
            ctx.t("doc.authorisation.f.retention_reason"),
            if request.retention_reason.trim().is_empty() {
                ctx.t("doc.authorisation.to_fill")
            } else {
                request.retention_reason.trim().to_owned()
            },
        ),
    ]));
    out
}

/// The persons responsible, the instructions to operators, the right of access, the technical
/// conformity.
fn people(ctx: &Ctx, request: &AuthorisationRequest) -> Vec<Block> {
    let a = ctx.a;
    let access = &a.video_system.access_rights;
    let or_fill = |text: &str| {
        if text.trim().is_empty() {
            ctx.t("doc.authorisation.to_fill")
        } else {
            text.trim().to_owned()
        }
    };
    let viewers = viewers(ctx).unwrap_or_else(|| ctx.t("doc.authorisation.to_fill"));
    vec![
        heading(ctx, "doc.authorisation.p.people"),
        Block::KeyValues(vec![
            (
                ctx.t("doc.authorisation.f.responsible"),
                common::controller(ctx),
            ),
            (ctx.t("doc.authorisation.f.dpo"), common::dpo(ctx)),
            (
                ctx.t("doc.authorisation.f.maintainer"),
                or_fill(&request.maintainer),
            ),
            (ctx.t("doc.authorisation.f.viewers"), viewers),
        ]),
        heading(ctx, "doc.authorisation.p.instructions"),
        written(ctx, &request.operator_instructions),
        heading(ctx, "doc.authorisation.p.access"),
        Block::KeyValues(vec![
            (
                ctx.t("doc.authorisation.f.access"),
                or_fill(&access.contact),
            ),
            (
                ctx.t("doc.authorisation.f.checks_identity"),
                ctx.yes_no(access.checks_identity),
            ),
            (
                ctx.t("doc.authorisation.f.within_month"),
                ctx.yes_no(access.answers_within_month),
            ),
            (
                ctx.t("doc.authorisation.f.masks_others"),
                ctx.yes_no(access.masks_third_parties),
            ),
        ]),
        heading(ctx, "doc.authorisation.p.conformity"),
        Block::KeyValues(vec![
            (
                ctx.t("doc.authorisation.f.installer"),
                or_fill(&request.installer),
            ),
            (
                ctx.t("doc.authorisation.f.certification"),
                or_fill(&request.installer_certification),
            ),
        ]),
        Block::Note(ctx.citations(&[LegalRefId::new("ARR-2011-01-05")])),
    ]
}
