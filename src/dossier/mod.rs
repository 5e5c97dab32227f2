//! The dossier: from the assessment, the engine's report and the knowledge base, build the
//! document a DPO signs — cover, summary, contents, every answer, risks, measures, opinions,
//! signatures and annexes — in the chosen language, as semantic blocks (`blocks`). The `pdf`
//! module turns them into pages. Pure: no IO, no clock.

pub mod addresses;
pub mod blocks;
mod ctx;
pub mod map_geometry;
pub mod markup;
pub mod names;
pub mod palette;
pub mod plan_drawing;
pub mod plan_labels;
pub(crate) mod sections;
pub mod text;
pub mod unverified;
pub mod web;

pub use blocks::{
    Attachment, Block, Branding, Column, Cover, Dossier, FigureBackground, FigureShape, Logo, Meta,
    Picture, PictureColours, PictureStream, PlanFigure, RiskMap, RiskPoint, SignatureLine, Tone,
};
pub use ctx::Ctx;

use crate::knowledge::KnowledgeBase;
use crate::model::{Assessment, Date, Lang, ProjectStatus};
use crate::rules::Report;

/// What to build.
#[derive(Clone, Debug, PartialEq)]
pub struct DossierOptions {
    /// Language of the dossier.
    pub lang: Lang,
    /// The public version: confidential fields left out, no attached source.
    pub is_public: bool,
    /// The dossier's date.
    pub today: Date,
    /// The project file's text, attached to the full version so the PDF re-opens in the app.
    pub source_text: Option<String>,
}

/// The file name of the attached project inside the PDF.
pub const ATTACHMENT_NAME: &str = "projet.aipd.ron";

/// Gives each plan figure of `dossier` whose background was read its picture, by plan id; a
/// figure whose background is not among `pictures` keeps its « missing » note.
pub fn attach_backgrounds(
    dossier: &mut Dossier,
    pictures: &std::collections::BTreeMap<String, std::sync::Arc<Picture>>,
) {
    for block in &mut dossier.blocks {
        if let Block::Plan(figure) = block {
            if let (FigureBackground::Missing(_), Some(picture)) =
                (&figure.background, pictures.get(&figure.plan_id))
            {
                figure.background = FigureBackground::Picture(std::sync::Arc::clone(picture));
            }
        }
    }
}

/// Builds the dossier.
pub fn build(
    assessment: &Assessment,
    kb: &KnowledgeBase,
    report: &Report,
    options: &DossierOptions,
) -> Dossier {
    let ctx = Ctx {
        a: assessment,
        kb,
        report,
        lang: options.lang,
        is_public: options.is_public,
        today: options.today,
    };
    let mut blocks = vec![sections::cover::cover(&ctx)];
    blocks.extend(sections::summary::summary(&ctx));
    blocks.extend(sections::versions::versions(&ctx));
    blocks.push(Block::Toc {
        title: ctx.t("dossier.toc"),
    });
    blocks.extend(sections::context::context(&ctx));
    blocks.extend(sections::screening::screening(&ctx));
    blocks.extend(sections::video_system::video_system(&ctx));
    blocks.extend(sections::plans::plans(&ctx));
    blocks.extend(sections::necessity::necessity(&ctx));
    blocks.extend(sections::risks::risks(&ctx));
    blocks.extend(sections::measures::measures(&ctx));
    blocks.extend(sections::opinions::opinions(&ctx));
    blocks.extend(sections::annexes::annexes(&ctx));
    // The unverified points of law leave the body for their own annex (the references annex,
    // where each source's tag belongs, is left as it is).
    let legal_annex = ctx.t("dossier.annex.legal");
    let body_end = blocks
        .iter()
        .position(|b| matches!(b, Block::Heading { level: 1, text } if *text == legal_annex))
        .unwrap_or(blocks.len());
    let points = unverified::gather(&mut blocks[..body_end], &ctx);
    blocks.extend(unverified::annex(&points, &ctx));
    if ctx.is_public {
        // Documents by their title, never by where they sit on the author's disk.
        let paths: Vec<(String, String)> = assessment
            .evidence
            .iter()
            .map(|e| {
                let title = if e.description.trim().is_empty() {
                    ctx.variant("evidence_kind", e.kind)
                } else {
                    e.description.trim().to_owned()
                };
                (e.path.clone(), title)
            })
            .collect();
        let ids: Vec<(String, String)> = assessment
            .risks
            .iter()
            .map(|r| (r.risk_id.to_string(), ctx.risk_ref(&r.risk_id)))
            .chain(
                assessment
                    .measures
                    .iter()
                    .map(|m| (m.measure_id.to_string(), ctx.measure_ref(&m.measure_id))),
            )
            .collect();
        unverified::scrub_ids(&mut blocks, &paths, &ids);
    }
    if ctx.hides_names() {
        let known = names::known_names(assessment);
        let hidden = ctx.t("dossier.hidden");
        blocks::map_texts(&mut blocks, |text| names::mask(text, &known, &hidden));
    }

    let is_draft = assessment.project.status != ProjectStatus::Validated || report.has_blocking();
    let project = &assessment.project;
    let mut meta = ctx.meta(
        project.title.clone(),
        ctx.t("dossier.kicker"),
        &[
            "AIPD",
            "DPIA",
            "RGPD",
            "GDPR",
            "vidéoprotection",
            "video analytics",
        ],
        ctx.footer(),
    );
    if !(options.is_public && project.public_version.hides_people_names) {
        meta.author = project.authors.join(", ");
    }
    meta.watermark = is_draft.then(|| ctx.t("dossier.watermark"));
    let source_attachment = match (&options.source_text, options.is_public) {
        (Some(text), false) => Some(Attachment {
            file_name: ATTACHMENT_NAME.to_owned(),
            description: ctx.t("dossier.attachment"),
            bytes: text.as_bytes().to_vec(),
        }),
        _ => None,
    };
    Dossier {
        meta,
        blocks,
        source_attachment,
    }
}
