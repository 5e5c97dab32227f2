//! The dossier as an OpenDocument text (ODF 1.3, the format the Référentiel général
//! d'interopérabilité asks French public bodies to prefer): `mimetype` (stored first),
//! `META-INF/manifest.xml`, `content.xml`, `styles.xml` and `meta.xml`. Chapters are `text:h`
//! with the « Heading 1-3 » styles and outline levels (navigator and contents work), the contents
//! is a `text:table-of-content` the word processor updates, header rows are
//! `table:table-header-rows`, and the draft mark is a fontwork shape behind the text.

use super::risk_grid;
use super::xml::Xml;
use super::{chapters, language_tag, next_starts_page, page_label_parts, OfficeError, PagePart};
use crate::dossier::palette::{tone_colors, Rgb, HEADER_FILL, INK, MUTED, RULE, WATERMARK};
use crate::dossier::{Block, Column, Cover, Dossier, Meta, RiskMap, SignatureLine, Tone};

mod body;
mod styles;

use body::*;
use styles::*;

const MIMETYPE: &str = "application/vnd.oasis.opendocument.text";

/// The namespaces every part declares.
const NAMESPACES: [(&str, &str); 12] = [
    (
        "xmlns:office",
        "urn:oasis:names:tc:opendocument:xmlns:office:1.0",
    ),
    (
        "xmlns:style",
        "urn:oasis:names:tc:opendocument:xmlns:style:1.0",
    ),
    (
        "xmlns:text",
        "urn:oasis:names:tc:opendocument:xmlns:text:1.0",
    ),
    (
        "xmlns:table",
        "urn:oasis:names:tc:opendocument:xmlns:table:1.0",
    ),
    (
        "xmlns:draw",
        "urn:oasis:names:tc:opendocument:xmlns:drawing:1.0",
    ),
    (
        "xmlns:fo",
        "urn:oasis:names:tc:opendocument:xmlns:xsl-fo-compatible:1.0",
    ),
    (
        "xmlns:svg",
        "urn:oasis:names:tc:opendocument:xmlns:svg-compatible:1.0",
    ),
    ("xmlns:xlink", "http://www.w3.org/1999/xlink"),
    ("xmlns:dc", "http://purl.org/dc/elements/1.1/"),
    (
        "xmlns:meta",
        "urn:oasis:names:tc:opendocument:xmlns:meta:1.0",
    ),
    (
        "xmlns:loext",
        "urn:org:documentfoundation:names:experimental:office:xmlns:loext:1.0",
    ),
    ("office:version", "1.3"),
];

/// The dossier as ODT bytes.
pub fn odt(dossier: &Dossier) -> Result<Vec<u8>, OfficeError> {
    let plans = super::plan_pictures(dossier);
    let logo = dossier.meta.logo().map(|logo| (logo_part(logo), logo));
    let parts = [
        (
            "META-INF/manifest.xml",
            manifest(
                logo.as_ref()
                    .map(|(part, logo)| (part.as_str(), logo.picture.media_type())),
                &plans,
            ),
        ),
        ("content.xml", content(dossier, &plans)),
        ("styles.xml", styles(&dossier.meta, &backgrounds(&plans))),
        ("meta.xml", meta(&dossier.meta)),
    ];
    let plan_parts: Vec<String> = (1..=plans.len()).map(plan_part).collect();
    let background_parts = backgrounds(&plans);
    let pictures: Vec<(&str, &[u8])> =
        logo.as_ref()
            .map(|(part, logo)| (part.as_str(), logo.picture.file.as_slice()))
            .into_iter()
            .chain(
                plan_parts.iter().zip(&plans).filter_map(|(part, plan)| {
                    Some((part.as_str(), plan.as_ref()?.png.as_slice()))
                }),
            )
            .chain(
                background_parts
                    .iter()
                    .map(|(part, picture, _)| (part.as_str(), picture.file.as_slice())),
            )
            .collect();
    super::package::zip_parts(Some(("mimetype", MIMETYPE)), &parts, &pictures)
}

/// Where the logo goes in the package: its own file, PNG or JPEG.
pub(super) fn logo_part(logo: &crate::dossier::Logo) -> String {
    format!("Pictures/logo.{}", logo.picture.extension())
}

/// The name of the fill image that is plan `n`'s background (styles.xml).
pub(super) fn background_fill_name(n: usize) -> String {
    format!("PlanBackground{n}")
}

/// Where the `n`th plan's background file goes in the package.
pub(super) fn background_part(n: usize, picture: &crate::dossier::Picture) -> String {
    format!("Pictures/plan-{n}-fond.{}", picture.extension())
}

/// The backgrounds the plans' pictures are laid over: their part, the picture, the plan's
/// number (1-based).
fn backgrounds(
    plans: &[Option<crate::office::plan_picture::PlanPicture>],
) -> Vec<(String, &crate::dossier::Picture, usize)> {
    plans
        .iter()
        .enumerate()
        .filter_map(|(index, plan)| {
            let (picture, _) = plan.as_ref()?.background.as_ref()?;
            Some((
                background_part(index + 1, picture),
                picture.as_ref(),
                index + 1,
            ))
        })
        .collect()
}

/// Where the `n`th plan's picture goes in the package (1-based).
fn plan_part(n: usize) -> String {
    format!("Pictures/plan-{n}.png")
}

fn manifest(
    logo: Option<(&str, &str)>,
    plans: &[Option<crate::office::plan_picture::PlanPicture>],
) -> String {
    let mut x = Xml::new();
    x.open(
        "manifest:manifest",
        &[
            (
                "xmlns:manifest",
                "urn:oasis:names:tc:opendocument:xmlns:manifest:1.0",
            ),
            ("manifest:version", "1.3"),
        ],
    );
    x.empty(
        "manifest:file-entry",
        &[
            ("manifest:full-path", "/"),
            ("manifest:version", "1.3"),
            ("manifest:media-type", MIMETYPE),
        ],
    );
    for part in ["content.xml", "styles.xml", "meta.xml"] {
        x.empty(
            "manifest:file-entry",
            &[
                ("manifest:full-path", part),
                ("manifest:media-type", "text/xml"),
            ],
        );
    }
    let plan_parts: Vec<String> = plans
        .iter()
        .enumerate()
        .filter(|(_, plan)| plan.is_some())
        .map(|(index, _)| plan_part(index + 1))
        .collect();
    let pictures = logo
        .into_iter()
        .chain(plan_parts.iter().map(|part| (part.as_str(), "image/png")));
    let background_parts = backgrounds(plans);
    let pictures = pictures.chain(
        background_parts
            .iter()
            .map(|(part, picture, _)| (part.as_str(), picture.media_type())),
    );
    for (part, media_type) in pictures {
        x.empty(
            "manifest:file-entry",
            &[
                ("manifest:full-path", part),
                ("manifest:media-type", media_type),
            ],
        );
    }
    x.finish()
}

fn root(x: &mut Xml, name: &str) {
    x.open(name, &NAMESPACES);
}

fn meta(meta: &Meta) -> String {
    let mut x = Xml::new();
    root(&mut x, "office:document-meta");
    x.open("office:meta", &[]);
    x.element(
        "meta:generator",
        &[],
        &format!("Garde-fou/{}", env!("CARGO_PKG_VERSION")),
    );
    x.element("dc:title", &[], &meta.title);
    x.element("dc:subject", &[], &meta.subject);
    x.element("meta:initial-creator", &[], &meta.author);
    x.element("dc:creator", &[], &meta.author);
    for keyword in &meta.keywords {
        x.element("meta:keyword", &[], keyword);
    }
    x.element("dc:language", &[], language_tag(meta));
    let when = format!("{}T00:00:00", meta.date.iso());
    x.element("meta:creation-date", &[], &when);
    x.element("dc:date", &[], &when);
    x.finish()
}

fn color(rgb: Rgb) -> String {
    format!("#{}", rgb.hex())
}
