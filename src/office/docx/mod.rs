//! The dossier as a Word document (Office Open XML, ISO/IEC 29500 transitional): the parts of a
//! WordprocessingML package written from the document model. Chapters use Word's built-in
//! « heading 1-3 » styles, the contents is a TOC field Word refreshes on opening (its entries are
//! written too, for readers that do not), table header rows carry `w:tblHeader`, the watermark
//! is the VML text shape Word itself uses, and `docProps/core.xml` carries the properties.

use super::risk_grid;
use super::xml::Xml;
use super::{chapters, language_tag, next_starts_page, page_label_parts, OfficeError, PagePart};
use crate::dossier::palette::{tone_colors, Rgb, HEADER_FILL, INK, MUTED, RULE, WATERMARK};
use crate::dossier::{Block, Column, Cover, Dossier, Meta, RiskMap, SignatureLine};

mod body;
mod styles;

use body::*;
use styles::*;

const W: &str = "http://schemas.openxmlformats.org/wordprocessingml/2006/main";
const R: &str = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
const REL: &str = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
/// Width of the text between the margins, in twentieths of a point (A4, 2 cm margins).
const TEXT_WIDTH: u32 = 9638;

/// The dossier as DOCX bytes.
pub fn docx(dossier: &Dossier) -> Result<Vec<u8>, OfficeError> {
    let meta = &dossier.meta;
    let plans = super::plan_pictures(dossier);
    let logo_part = meta.logo().map(|logo| format!("word/{}", logo_media(logo)));
    let parts = [
        (
            "[Content_Types].xml",
            content_types(
                meta.logo().is_some_and(|logo| !logo.picture.is_jpeg_file()) || !plans.is_empty(),
                meta.logo().is_some_and(|logo| logo.picture.is_jpeg_file())
                    || backgrounds(&plans).any(|(_, picture)| picture.is_jpeg_file()),
            ),
        ),
        ("_rels/.rels", package_rels()),
        ("docProps/core.xml", core_properties(meta)),
        ("docProps/app.xml", app_properties()),
        (
            "word/_rels/document.xml.rels",
            document_rels(meta.logo().map(logo_media).as_deref(), &plans),
        ),
        ("word/document.xml", document(dossier, &plans)),
        ("word/styles.xml", styles(meta)),
        ("word/numbering.xml", numbering()),
        ("word/settings.xml", settings(meta)),
        ("word/header1.xml", header(meta, true)),
        ("word/header2.xml", header(meta, false)),
        ("word/footer1.xml", footer(meta)),
        ("word/footer2.xml", empty_footer()),
    ];
    let plan_parts: Vec<String> = (1..=plans.len())
        .map(|n| format!("word/{}", plan_media(n)))
        .collect();
    let background_parts: Vec<(String, &[u8])> = backgrounds(&plans)
        .map(|(n, picture)| {
            (
                format!("word/{}", background_media(n, picture)),
                picture.file.as_slice(),
            )
        })
        .collect();
    let pictures: Vec<(&str, &[u8])> = logo_part
        .as_deref()
        .zip(meta.logo())
        .map(|(part, logo)| (part, logo.picture.file.as_slice()))
        .into_iter()
        .chain(
            plan_parts
                .iter()
                .zip(&plans)
                .filter_map(|(part, plan)| Some((part.as_str(), plan.as_ref()?.png.as_slice()))),
        )
        .chain(
            background_parts
                .iter()
                .map(|(part, bytes)| (part.as_str(), *bytes)),
        )
        .collect();
    super::package::zip_parts(None, &parts, &pictures)
}

/// Where the logo goes, from the `word` folder: its own file, PNG or JPEG.
fn logo_media(logo: &crate::dossier::Logo) -> String {
    format!("media/logo.{}", logo.picture.extension())
}

/// The backgrounds the plans' pictures are laid over, with their plan's number (1-based).
fn backgrounds(
    plans: &[Option<super::plan_picture::PlanPicture>],
) -> impl Iterator<Item = (usize, &crate::dossier::Picture)> {
    plans.iter().enumerate().filter_map(|(index, plan)| {
        let (picture, _) = plan.as_ref()?.background.as_ref()?;
        Some((index + 1, picture.as_ref()))
    })
}

/// Where the `n`th plan's background file goes, from the `word` folder.
fn background_media(n: usize, picture: &crate::dossier::Picture) -> String {
    format!("media/plan-{n}-fond.{}", picture.extension())
}

/// The relationship of the `n`th plan's background file.
fn plan_background_rel(n: usize) -> String {
    format!("rIdPlanBackground{n}")
}

/// Where the `n`th plan's picture goes, from the `word` folder (1-based).
fn plan_media(n: usize) -> String {
    format!("media/plan-{n}.png")
}

/// The relationship of the `n`th plan's picture (1-based).
fn plan_rel(n: usize) -> String {
    format!("rIdPlan{n}")
}

fn content_types(has_png: bool, has_jpeg: bool) -> String {
    let mut x = Xml::new();
    x.open(
        "Types",
        &[(
            "xmlns",
            "http://schemas.openxmlformats.org/package/2006/content-types",
        )],
    );
    x.empty(
        "Default",
        &[
            ("Extension", "rels"),
            (
                "ContentType",
                "application/vnd.openxmlformats-package.relationships+xml",
            ),
        ],
    );
    x.empty(
        "Default",
        &[("Extension", "xml"), ("ContentType", "application/xml")],
    );
    if has_png {
        x.empty(
            "Default",
            &[("Extension", "png"), ("ContentType", "image/png")],
        );
    }
    if has_jpeg {
        x.empty(
            "Default",
            &[("Extension", "jpeg"), ("ContentType", "image/jpeg")],
        );
    }
    let wml = "application/vnd.openxmlformats-officedocument.wordprocessingml";
    for (part, kind) in [
        ("/word/document.xml", format!("{wml}.document.main+xml")),
        ("/word/styles.xml", format!("{wml}.styles+xml")),
        ("/word/numbering.xml", format!("{wml}.numbering+xml")),
        ("/word/settings.xml", format!("{wml}.settings+xml")),
        ("/word/header1.xml", format!("{wml}.header+xml")),
        ("/word/header2.xml", format!("{wml}.header+xml")),
        ("/word/footer1.xml", format!("{wml}.footer+xml")),
        ("/word/footer2.xml", format!("{wml}.footer+xml")),
        (
            "/docProps/core.xml",
            "application/vnd.openxmlformats-package.core-properties+xml".to_owned(),
        ),
        (
            "/docProps/app.xml",
            "application/vnd.openxmlformats-officedocument.extended-properties+xml".to_owned(),
        ),
    ] {
        x.empty("Override", &[("PartName", part), ("ContentType", &kind)]);
    }
    x.finish()
}

fn relationships(entries: &[(&str, &str, &str)]) -> String {
    let mut x = Xml::new();
    x.open(
        "Relationships",
        &[(
            "xmlns",
            "http://schemas.openxmlformats.org/package/2006/relationships",
        )],
    );
    for (id, kind, target) in entries {
        x.empty(
            "Relationship",
            &[("Id", id), ("Type", kind), ("Target", target)],
        );
    }
    x.finish()
}

fn package_rels() -> String {
    relationships(&[
        (
            "rId1",
            &format!("{REL}/officeDocument"),
            "word/document.xml",
        ),
        (
            "rId2",
            "http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties",
            "docProps/core.xml",
        ),
        (
            "rId3",
            &format!("{REL}/extended-properties"),
            "docProps/app.xml",
        ),
    ])
}

fn document_rels(logo: Option<&str>, plans: &[Option<super::plan_picture::PlanPicture>]) -> String {
    let styles = format!("{REL}/styles");
    let numbering = format!("{REL}/numbering");
    let settings = format!("{REL}/settings");
    let header = format!("{REL}/header");
    let footer = format!("{REL}/footer");
    let image = format!("{REL}/image");
    let mut entries = vec![
        ("rId1", styles.as_str(), "styles.xml"),
        ("rId2", numbering.as_str(), "numbering.xml"),
        ("rId3", settings.as_str(), "settings.xml"),
        ("rId4", header.as_str(), "header1.xml"),
        ("rId5", header.as_str(), "header2.xml"),
        ("rId6", footer.as_str(), "footer1.xml"),
        ("rId7", footer.as_str(), "footer2.xml"),
    ];
    if let Some(logo) = logo {
        entries.push((LOGO_REL, image.as_str(), logo));
    }
    // Only the plans drawn have a picture in the package.
    let plan_entries: Vec<(String, String)> = plans
        .iter()
        .enumerate()
        .filter(|(_, plan)| plan.is_some())
        .map(|(index, _)| (plan_rel(index + 1), plan_media(index + 1)))
        .collect();
    let background_entries: Vec<(String, String)> = backgrounds(plans)
        .map(|(n, picture)| (plan_background_rel(n), background_media(n, picture)))
        .collect();
    for (id, target) in plan_entries.iter().chain(&background_entries) {
        entries.push((id.as_str(), image.as_str(), target.as_str()));
    }
    relationships(&entries)
}

/// The relationship of the logo picture.
const LOGO_REL: &str = "rId8";

fn core_properties(meta: &Meta) -> String {
    let mut x = Xml::new();
    x.open(
        "cp:coreProperties",
        &[
            (
                "xmlns:cp",
                "http://schemas.openxmlformats.org/package/2006/metadata/core-properties",
            ),
            ("xmlns:dc", "http://purl.org/dc/elements/1.1/"),
            ("xmlns:dcterms", "http://purl.org/dc/terms/"),
            ("xmlns:xsi", "http://www.w3.org/2001/XMLSchema-instance"),
        ],
    );
    x.element("dc:title", &[], &meta.title);
    x.element("dc:subject", &[], &meta.subject);
    x.element("dc:creator", &[], &meta.author);
    x.element("cp:keywords", &[], &meta.keywords.join(", "));
    x.element("dc:language", &[], language_tag(meta));
    let when = format!("{}T00:00:00Z", meta.date.iso());
    for name in ["dcterms:created", "dcterms:modified"] {
        x.element(name, &[("xsi:type", "dcterms:W3CDTF")], &when);
    }
    x.finish()
}

fn app_properties() -> String {
    let mut x = Xml::new();
    x.open(
        "Properties",
        &[(
            "xmlns",
            "http://schemas.openxmlformats.org/officeDocument/2006/extended-properties",
        )],
    );
    x.element(
        "Application",
        &[],
        &format!("Garde-fou {}", env!("CARGO_PKG_VERSION")),
    );
    x.finish()
}

fn header(meta: &Meta, with_title: bool) -> String {
    let mut x = Xml::new();
    part_root(&mut x, "w:hdr");
    if with_title {
        x.open("w:p", &[]).open("w:pPr", &[]);
        x.empty("w:pStyle", &[("w:val", "Header")]);
        x.open("w:pBdr", &[]);
        x.empty(
            "w:bottom",
            &[
                ("w:val", "single"),
                ("w:sz", "4"),
                ("w:space", "4"),
                ("w:color", &RULE.hex()),
            ],
        );
        x.open("w:tabs", &[]);
        x.empty(
            "w:tab",
            &[("w:val", "right"), ("w:pos", &TEXT_WIDTH.to_string())],
        );
        x.close();
        x.close().close();
        run(&mut x, &meta.title, RunStyle::Plain);
        if let Some(firm) = meta.firm_name() {
            x.open("w:r", &[]).empty("w:tab", &[]).close();
            run(&mut x, firm, RunStyle::Bold);
        }
        x.close();
    }
    if let Some(mark) = &meta.watermark {
        watermark(&mut x, mark);
    }
    if !with_title && meta.watermark.is_none() {
        x.element("w:p", &[], "");
    }
    x.finish()
}

/// The draft mark: the VML text shape Word's own « Watermark » command writes, behind the text.
fn watermark(x: &mut Xml, mark: &str) {
    x.open("w:p", &[]).open("w:pPr", &[]);
    x.empty("w:pStyle", &[("w:val", "Header")]);
    x.close();
    x.open("w:r", &[]).open("w:pict", &[]);
    x.open(
        "v:shapetype",
        &[
            ("id", "_x0000_t136"),
            ("coordsize", "21600,21600"),
            ("o:spt", "136"),
            ("adj", "10800"),
            ("path", "m@7,l@8,m@5,21600l@6,21600e"),
        ],
    );
    x.empty(
        "v:path",
        &[
            ("textpathok", "t"),
            ("o:connecttype", "custom"),
            ("o:connectlocs", "@9,0;@10,10800;@11,21600;@12,10800"),
            ("o:connectangles", "270,180,90,0"),
        ],
    );
    x.empty("v:textpath", &[("on", "t"), ("fitshape", "t")]);
    x.empty(
        "o:lock",
        &[("v:ext", "edit"), ("text", "t"), ("shapetype", "t")],
    );
    x.close();
    let width = (mark.chars().count() as f32 * 62.0).clamp(200.0, 460.0);
    let style = format!(
        "position:absolute;margin-left:0;margin-top:0;width:{width:.0}pt;height:96pt;\
         rotation:315;z-index:-251654144;mso-position-horizontal:center;\
         mso-position-horizontal-relative:margin;mso-position-vertical:center;\
         mso-position-vertical-relative:margin"
    );
    let fill = format!("#{}", WATERMARK.hex());
    x.open(
        "v:shape",
        &[
            ("id", "PowerPlusWaterMarkObject1"),
            ("o:spid", "_x0000_s1025"),
            ("type", "#_x0000_t136"),
            ("style", &style),
            ("o:allowincell", "f"),
            ("fillcolor", &fill),
            ("stroked", "f"),
        ],
    );
    x.empty(
        "v:textpath",
        &[
            (
                "style",
                "font-family:\"Arial\";font-size:1pt;font-weight:bold",
            ),
            ("string", mark),
        ],
    );
    x.close().close().close().close();
}

fn footer(meta: &Meta) -> String {
    let mut x = Xml::new();
    part_root(&mut x, "w:ftr");
    x.open("w:p", &[]).open("w:pPr", &[]);
    x.empty("w:pStyle", &[("w:val", "Footer")]);
    x.open("w:tabs", &[]);
    x.empty(
        "w:tab",
        &[("w:val", "right"), ("w:pos", &TEXT_WIDTH.to_string())],
    );
    x.close().close();
    run(&mut x, &meta.footer_text(), RunStyle::Plain);
    x.open("w:r", &[]).empty("w:tab", &[]).close();
    for part in page_label_parts(meta) {
        match part {
            PagePart::Text(text) => run(&mut x, text, RunStyle::Plain),
            PagePart::Number => simple_field(&mut x, "PAGE", "1"),
            PagePart::Count => simple_field(&mut x, "NUMPAGES", "1"),
        }
    }
    x.finish()
}

fn empty_footer() -> String {
    let mut x = Xml::new();
    part_root(&mut x, "w:ftr");
    x.element("w:p", &[], "");
    x.finish()
}

fn simple_field(x: &mut Xml, instruction: &str, shown: &str) {
    x.open("w:fldSimple", &[("w:instr", instruction)]);
    run(x, shown, RunStyle::Plain);
    x.close();
}

/// The root of a part with body content, with the namespaces the content uses.
fn part_root(x: &mut Xml, name: &str) {
    x.open(
        name,
        &[
            ("xmlns:w", W),
            ("xmlns:r", R),
            ("xmlns:v", "urn:schemas-microsoft-com:vml"),
            ("xmlns:o", "urn:schemas-microsoft-com:office:office"),
            (
                "xmlns:wp",
                "http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing",
            ),
        ],
    );
}
