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

const W: &str = "http://schemas.openxmlformats.org/wordprocessingml/2006/main";
const R: &str = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
const REL: &str = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
/// Width of the text between the margins, in twentieths of a point (A4, 2 cm margins).
const TEXT_WIDTH: u32 = 9638;

/// The dossier as DOCX bytes.
pub fn docx(dossier: &Dossier) -> Result<Vec<u8>, OfficeError> {
    let meta = &dossier.meta;
    let parts = [
        ("[Content_Types].xml", content_types(meta.logo().is_some())),
        ("_rels/.rels", package_rels()),
        ("docProps/core.xml", core_properties(meta)),
        ("docProps/app.xml", app_properties()),
        (
            "word/_rels/document.xml.rels",
            document_rels(meta.logo().is_some()),
        ),
        ("word/document.xml", document(dossier)),
        ("word/styles.xml", styles(meta)),
        ("word/numbering.xml", numbering()),
        ("word/settings.xml", settings(meta)),
        ("word/header1.xml", header(meta, true)),
        ("word/header2.xml", header(meta, false)),
        ("word/footer1.xml", footer(meta)),
        ("word/footer2.xml", empty_footer()),
    ];
    let pictures: Vec<(&str, &[u8])> = meta
        .logo()
        .map(|logo| ("word/media/logo.png", logo.png.as_slice()))
        .into_iter()
        .collect();
    super::package::zip_parts(None, &parts, &pictures)
}

fn content_types(has_logo: bool) -> String {
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
    if has_logo {
        x.empty(
            "Default",
            &[("Extension", "png"), ("ContentType", "image/png")],
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

fn document_rels(has_logo: bool) -> String {
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
    if has_logo {
        entries.push((LOGO_REL, image.as_str(), "media/logo.png"));
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

fn settings(meta: &Meta) -> String {
    let mut x = Xml::new();
    x.open("w:settings", &[("xmlns:w", W)]);
    // Word recomputes the contents (with page numbers) when the document opens.
    x.empty("w:updateFields", &[("w:val", "true")]);
    x.empty("w:defaultTabStop", &[("w:val", "709")]);
    x.empty("w:themeFontLang", &[("w:val", language_tag(meta))]);
    x.finish()
}

fn numbering() -> String {
    let mut x = Xml::new();
    x.open("w:numbering", &[("xmlns:w", W)]);
    x.open("w:abstractNum", &[("w:abstractNumId", "0")]);
    x.empty("w:multiLevelType", &[("w:val", "singleLevel")]);
    x.open("w:lvl", &[("w:ilvl", "0")]);
    x.empty("w:start", &[("w:val", "1")]);
    x.empty("w:numFmt", &[("w:val", "bullet")]);
    x.empty("w:lvlText", &[("w:val", "•")]);
    x.empty("w:lvlJc", &[("w:val", "left")]);
    x.open("w:pPr", &[]);
    x.empty("w:ind", &[("w:left", "360"), ("w:hanging", "360")]);
    x.close().close().close();
    x.open("w:num", &[("w:numId", "1")]);
    x.empty("w:abstractNumId", &[("w:val", "0")]);
    x.finish()
}

/// One paragraph style: id, name, size in half-points, bold, colour, space before/after (twips).
struct Style<'a> {
    id: &'a str,
    name: &'a str,
    size: u32,
    bold: bool,
    color: Rgb,
    before: u32,
    after: u32,
    starts_page: bool,
}

impl<'a> Style<'a> {
    fn plain(id: &'a str, name: &'a str, size: u32, color: Rgb, before: u32, after: u32) -> Self {
        Style {
            id,
            name,
            size,
            bold: false,
            color,
            before,
            after,
            starts_page: false,
        }
    }

    fn bold(id: &'a str, name: &'a str, size: u32, color: Rgb, before: u32, after: u32) -> Self {
        Style {
            bold: true,
            ..Style::plain(id, name, size, color, before, after)
        }
    }
}

fn styles(meta: &Meta) -> String {
    let mut x = Xml::new();
    x.open("w:styles", &[("xmlns:w", W)]);
    x.open("w:docDefaults", &[]);
    x.open("w:rPrDefault", &[]).open("w:rPr", &[]);
    x.empty(
        "w:rFonts",
        &[
            ("w:ascii", "Arial"),
            ("w:hAnsi", "Arial"),
            ("w:cs", "Arial"),
            ("w:eastAsia", "Arial"),
        ],
    );
    x.empty("w:sz", &[("w:val", "20")]);
    x.empty("w:lang", &[("w:val", language_tag(meta))]);
    x.close().close();
    x.open("w:pPrDefault", &[]).open("w:pPr", &[]);
    x.empty(
        "w:spacing",
        &[
            ("w:after", "120"),
            ("w:line", "264"),
            ("w:lineRule", "auto"),
        ],
    );
    x.close().close();
    x.close();

    paragraph_style(
        &mut x,
        &Style::plain("Normal", "Normal", 20, INK, 0, 120),
        None,
    );
    for (level, size, before) in [(1u8, 32, 0), (2, 26, 240), (3, 22, 180)] {
        let id = format!("Heading{level}");
        let name = format!("heading {level}");
        let style = Style {
            starts_page: level == 1,
            ..Style::bold(&id, &name, size, meta.accent(), before, 120)
        };
        paragraph_style(&mut x, &style, Some(level));
    }
    paragraph_style(
        &mut x,
        &Style::bold("Title", "Title", 44, meta.accent(), 240, 240),
        None,
    );
    paragraph_style(
        &mut x,
        &Style::plain("Subtitle", "Subtitle", 24, MUTED, 1800, 120),
        None,
    );
    paragraph_style(
        &mut x,
        &Style::bold("Organisation", "Organisation", 28, INK, 0, 480),
        None,
    );
    paragraph_style(
        &mut x,
        &Style::plain("Note", "Note", 16, MUTED, 0, 120),
        None,
    );
    paragraph_style(
        &mut x,
        &Style {
            starts_page: true,
            ..Style::bold("TOCHeading", "TOC Heading", 32, meta.accent(), 0, 240)
        },
        None,
    );
    for style in [
        Style::plain("TOC1", "toc 1", 20, INK, 60, 60),
        Style::plain("TableText", "Table Text", 17, INK, 0, 0),
        Style::bold("TableHeading", "Table Heading", 17, INK, 0, 0),
        Style::plain("Header", "header", 15, MUTED, 0, 0),
        Style::plain("Footer", "footer", 15, MUTED, 0, 0),
    ] {
        paragraph_style(&mut x, &style, None);
    }
    // Bulleted list: Normal with the bullet numbering.
    x.open(
        "w:style",
        &[("w:type", "paragraph"), ("w:styleId", "ListBullet")],
    );
    x.empty("w:name", &[("w:val", "List Bullet")]);
    x.empty("w:basedOn", &[("w:val", "Normal")]);
    x.empty("w:qFormat", &[]);
    x.open("w:pPr", &[]).open("w:numPr", &[]);
    x.empty("w:numId", &[("w:val", "1")]);
    x.close();
    x.empty("w:spacing", &[("w:after", "60")]);
    x.close().close();
    // The grid every table uses.
    x.open(
        "w:style",
        &[("w:type", "table"), ("w:styleId", "TableGrid")],
    );
    x.empty("w:name", &[("w:val", "Table Grid")]);
    x.open("w:tblPr", &[]);
    borders(&mut x, "w:tblBorders", &RULE.hex(), 4, true);
    x.open("w:tblCellMar", &[]);
    for side in ["w:top", "w:bottom"] {
        x.empty(side, &[("w:w", "40"), ("w:type", "dxa")]);
    }
    for side in ["w:left", "w:right"] {
        x.empty(side, &[("w:w", "80"), ("w:type", "dxa")]);
    }
    x.finish()
}

fn paragraph_style(x: &mut Xml, style: &Style, heading: Option<u8>) {
    x.open(
        "w:style",
        &[("w:type", "paragraph"), ("w:styleId", style.id)],
    );
    x.empty("w:name", &[("w:val", style.name)]);
    if style.id != "Normal" {
        x.empty("w:basedOn", &[("w:val", "Normal")]);
        x.empty("w:next", &[("w:val", "Normal")]);
    }
    x.empty("w:qFormat", &[]);
    x.open("w:pPr", &[]);
    if heading.is_some() {
        x.empty("w:keepNext", &[]);
    }
    if style.starts_page {
        x.empty("w:pageBreakBefore", &[]);
    }
    x.empty(
        "w:spacing",
        &[
            ("w:before", &style.before.to_string()),
            ("w:after", &style.after.to_string()),
        ],
    );
    if let Some(level) = heading {
        x.empty("w:outlineLvl", &[("w:val", &(level - 1).to_string())]);
    }
    x.close();
    x.open("w:rPr", &[]);
    if style.bold {
        x.empty("w:b", &[]);
    }
    x.empty("w:color", &[("w:val", &style.color.hex())]);
    x.empty("w:sz", &[("w:val", &style.size.to_string())]);
    x.close();
    x.close();
}

/// `<w:tblBorders>` or `<w:tcBorders>`: single lines of `size` eighths of a point.
fn borders(x: &mut Xml, element: &str, color: &str, size: u32, inside: bool) {
    x.open(element, &[]);
    let sides: &[&str] = if inside {
        &[
            "w:top",
            "w:left",
            "w:bottom",
            "w:right",
            "w:insideH",
            "w:insideV",
        ]
    } else {
        &["w:top", "w:left", "w:bottom", "w:right"]
    };
    for side in sides {
        x.empty(
            side,
            &[
                ("w:val", "single"),
                ("w:sz", &size.to_string()),
                ("w:space", "0"),
                ("w:color", color),
            ],
        );
    }
    x.close();
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

fn document(dossier: &Dossier) -> String {
    let mut x = Xml::new();
    part_root(&mut x, "w:document");
    x.open("w:body", &[]);
    let blocks = &dossier.blocks;
    for (index, block) in blocks.iter().enumerate() {
        match block {
            Block::Cover(cover) => {
                write_firm(&mut x, &dossier.meta);
                write_cover(&mut x, cover);
                if !next_starts_page(blocks, index) {
                    page_break(&mut x);
                }
            }
            Block::Toc { title } => {
                write_toc(&mut x, title, &chapters(blocks));
                if !next_starts_page(blocks, index) {
                    page_break(&mut x);
                }
            }
            Block::Heading { level, text } => {
                paragraph(&mut x, &format!("Heading{}", level.clamp(&1, &3)), text)
            }
            Block::Paragraph(text) => paragraph(&mut x, "Normal", text),
            Block::Note(text) => paragraph(&mut x, "Note", text),
            Block::Bullets(items) => {
                for item in items.iter().filter(|i| !i.trim().is_empty()) {
                    paragraph(&mut x, "ListBullet", item);
                }
            }
            Block::KeyValues(pairs) => write_key_values(&mut x, pairs),
            Block::Table { columns, rows } => write_table(&mut x, columns, rows),
            Block::Callout {
                tone,
                title,
                body,
                footer,
            } => {
                let (fill, bar) = tone_colors(*tone);
                write_callout(&mut x, fill, bar, title, body, footer);
            }
            Block::RiskMap(map) => write_risk_map(&mut x, map),
            Block::Signatures(lines) => write_signatures(&mut x, lines),
            Block::PageBreak => {
                if !next_starts_page(blocks, index) {
                    page_break(&mut x);
                }
            }
        }
    }
    section_properties(&mut x);
    x.finish()
}

fn section_properties(x: &mut Xml) {
    x.open("w:sectPr", &[]);
    for (kind, id) in [("default", "rId4"), ("first", "rId5")] {
        x.empty("w:headerReference", &[("w:type", kind), ("r:id", id)]);
    }
    for (kind, id) in [("default", "rId6"), ("first", "rId7")] {
        x.empty("w:footerReference", &[("w:type", kind), ("r:id", id)]);
    }
    x.empty("w:pgSz", &[("w:w", "11906"), ("w:h", "16838")]);
    x.empty(
        "w:pgMar",
        &[
            ("w:top", "1134"),
            ("w:right", "1134"),
            ("w:bottom", "1134"),
            ("w:left", "1134"),
            ("w:header", "567"),
            ("w:footer", "567"),
            ("w:gutter", "0"),
        ],
    );
    // The cover has its own (empty) header and footer.
    x.empty("w:titlePg", &[]);
    x.close();
}

#[derive(Clone, Copy)]
enum RunStyle {
    Plain,
    Bold,
}

/// A run of text; line breaks in the text become `w:br`.
fn run(x: &mut Xml, text: &str, style: RunStyle) {
    x.open("w:r", &[]);
    if let RunStyle::Bold = style {
        x.open("w:rPr", &[]).empty("w:b", &[]).close();
    }
    for (i, line) in text.split('\n').enumerate() {
        if i > 0 {
            x.empty("w:br", &[]);
        }
        x.element("w:t", &[("xml:space", "preserve")], line);
    }
    x.close();
}

fn paragraph(x: &mut Xml, style: &str, text: &str) {
    styled_paragraph(x, style, text, RunStyle::Plain);
}

fn styled_paragraph(x: &mut Xml, style: &str, text: &str, run_style: RunStyle) {
    x.open("w:p", &[]).open("w:pPr", &[]);
    x.empty("w:pStyle", &[("w:val", style)]);
    x.close();
    if !text.is_empty() {
        run(x, text, run_style);
    }
    x.close();
}

fn page_break(x: &mut Xml) {
    x.open("w:p", &[]).open("w:r", &[]);
    x.empty("w:br", &[("w:type", "page")]);
    x.close().close();
}

/// The consultant's logo and firm name at the top of the cover, when the document is branded.
fn write_firm(x: &mut Xml, meta: &Meta) {
    if let Some(logo) = meta.logo() {
        // EMU: 12,700 per point; the logo fits 170 × 70 points, as in the PDF.
        let (w, h) = logo.fit(170.0, 70.0);
        let (cx, cy) = (
            ((w * 12_700.0) as u64).to_string(),
            ((h * 12_700.0) as u64).to_string(),
        );
        x.open("w:p", &[]).open("w:r", &[]).open("w:drawing", &[]);
        x.open(
            "wp:inline",
            &[
                ("distT", "0"),
                ("distB", "0"),
                ("distL", "0"),
                ("distR", "0"),
            ],
        );
        x.empty("wp:extent", &[("cx", &cx), ("cy", &cy)]);
        x.empty("wp:docPr", &[("id", "1"), ("name", "Logo")]);
        x.open(
            "a:graphic",
            &[(
                "xmlns:a",
                "http://schemas.openxmlformats.org/drawingml/2006/main",
            )],
        );
        x.open(
            "a:graphicData",
            &[(
                "uri",
                "http://schemas.openxmlformats.org/drawingml/2006/picture",
            )],
        );
        x.open(
            "pic:pic",
            &[(
                "xmlns:pic",
                "http://schemas.openxmlformats.org/drawingml/2006/picture",
            )],
        );
        x.open("pic:nvPicPr", &[]);
        x.empty("pic:cNvPr", &[("id", "0"), ("name", "logo.png")]);
        x.empty("pic:cNvPicPr", &[]);
        x.close();
        x.open("pic:blipFill", &[]);
        x.empty("a:blip", &[("r:embed", LOGO_REL)]);
        x.open("a:stretch", &[]).empty("a:fillRect", &[]).close();
        x.close();
        x.open("pic:spPr", &[]).open("a:xfrm", &[]);
        x.empty("a:off", &[("x", "0"), ("y", "0")]);
        x.empty("a:ext", &[("cx", &cx), ("cy", &cy)]);
        x.close();
        x.open("a:prstGeom", &[("prst", "rect")])
            .empty("a:avLst", &[])
            .close();
        x.close();
        // pic:pic, a:graphicData, a:graphic, wp:inline, w:drawing, w:r, w:p
        for _ in 0..7 {
            x.close();
        }
    }
    if let Some(firm) = meta.firm_name() {
        styled_paragraph(x, "Organisation", firm, RunStyle::Bold);
    }
}

fn write_cover(x: &mut Xml, cover: &Cover) {
    paragraph(x, "Subtitle", &cover.kicker);
    paragraph(x, "Title", &cover.title);
    paragraph(x, "Organisation", &cover.organisation);
    write_key_values(x, &cover.lines);
    paragraph(x, "Normal", "");
    styled_paragraph(x, "Note", &cover.marking, RunStyle::Bold);
}

fn write_toc(x: &mut Xml, title: &str, entries: &[&str]) {
    paragraph(x, "TOCHeading", title);
    x.open("w:p", &[]).open("w:pPr", &[]);
    x.empty("w:pStyle", &[("w:val", "TOC1")]);
    x.close();
    x.open("w:r", &[]);
    x.empty(
        "w:fldChar",
        &[("w:fldCharType", "begin"), ("w:dirty", "true")],
    );
    x.close();
    x.open("w:r", &[]);
    x.element(
        "w:instrText",
        &[("xml:space", "preserve")],
        " TOC \\o \"1-1\" \\h \\z \\u ",
    );
    x.close();
    x.open("w:r", &[]);
    x.empty("w:fldChar", &[("w:fldCharType", "separate")]);
    x.close();
    for (i, entry) in entries.iter().enumerate() {
        if i > 0 {
            x.close();
            x.open("w:p", &[]).open("w:pPr", &[]);
            x.empty("w:pStyle", &[("w:val", "TOC1")]);
            x.close();
        }
        run(x, entry, RunStyle::Plain);
    }
    x.open("w:r", &[]);
    x.empty("w:fldChar", &[("w:fldCharType", "end")]);
    x.close();
    x.close();
}

/// Starts a table of the given relative column widths, full text width.
fn open_table(x: &mut Xml, weights: &[f32], with_borders: bool) -> Vec<u32> {
    x.open("w:tbl", &[]).open("w:tblPr", &[]);
    x.empty("w:tblStyle", &[("w:val", "TableGrid")]);
    x.empty(
        "w:tblW",
        &[("w:w", &TEXT_WIDTH.to_string()), ("w:type", "dxa")],
    );
    x.empty("w:tblLayout", &[("w:type", "fixed")]);
    if !with_borders {
        x.open("w:tblBorders", &[]);
        for side in [
            "w:top",
            "w:left",
            "w:bottom",
            "w:right",
            "w:insideH",
            "w:insideV",
        ] {
            x.empty(side, &[("w:val", "nil")]);
        }
        x.close();
    }
    x.close();
    let total: f32 = weights.iter().map(|w| w.max(0.01)).sum();
    let widths: Vec<u32> = weights
        .iter()
        .map(|w| (TEXT_WIDTH as f32 * w.max(0.01) / total).round() as u32)
        .collect();
    x.open("w:tblGrid", &[]);
    for width in &widths {
        x.empty("w:gridCol", &[("w:w", &width.to_string())]);
    }
    x.close();
    widths
}

/// One table cell: width, optional background, paragraphs of text.
fn cell(x: &mut Xml, width: u32, fill: Option<Rgb>, text: &str, style: &str, run: RunStyle) {
    x.open("w:tc", &[]).open("w:tcPr", &[]);
    x.empty("w:tcW", &[("w:w", &width.to_string()), ("w:type", "dxa")]);
    if let Some(fill) = fill {
        x.empty(
            "w:shd",
            &[
                ("w:val", "clear"),
                ("w:color", "auto"),
                ("w:fill", &fill.hex()),
            ],
        );
    }
    x.close();
    styled_paragraph(x, style, text, run);
    x.close();
}

fn write_table(x: &mut Xml, columns: &[Column], rows: &[Vec<String>]) {
    let weights: Vec<f32> = columns.iter().map(|c| c.weight).collect();
    let widths = open_table(x, &weights, true);
    x.open("w:tr", &[]).open("w:trPr", &[]);
    x.empty("w:tblHeader", &[]);
    x.empty("w:cantSplit", &[]);
    x.close();
    for (column, width) in columns.iter().zip(&widths) {
        cell(
            x,
            *width,
            Some(HEADER_FILL),
            &column.title,
            "TableHeading",
            RunStyle::Bold,
        );
    }
    x.close();
    for row in rows {
        x.open("w:tr", &[]);
        for (i, width) in widths.iter().enumerate() {
            let text = row.get(i).map(String::as_str).unwrap_or("");
            cell(x, *width, None, text, "TableText", RunStyle::Plain);
        }
        x.close();
    }
    x.close();
    paragraph(x, "Normal", "");
}

fn write_key_values(x: &mut Xml, pairs: &[(String, String)]) {
    if pairs.is_empty() {
        return;
    }
    let widths = open_table(x, &[0.36, 0.64], false);
    for (label, value) in pairs {
        x.open("w:tr", &[]);
        cell(x, widths[0], None, label, "TableText", RunStyle::Bold);
        cell(x, widths[1], None, value, "TableText", RunStyle::Plain);
        x.close();
    }
    x.close();
    paragraph(x, "Normal", "");
}

fn write_callout(x: &mut Xml, fill: Rgb, bar: Rgb, title: &str, body: &str, footer: &str) {
    open_table(x, &[1.0], false);
    x.open("w:tr", &[]).open("w:trPr", &[]);
    x.empty("w:cantSplit", &[]);
    x.close();
    x.open("w:tc", &[]).open("w:tcPr", &[]);
    x.empty(
        "w:tcW",
        &[("w:w", &TEXT_WIDTH.to_string()), ("w:type", "dxa")],
    );
    x.open("w:tcBorders", &[]);
    x.empty(
        "w:left",
        &[
            ("w:val", "single"),
            ("w:sz", "24"),
            ("w:space", "0"),
            ("w:color", &bar.hex()),
        ],
    );
    x.close();
    x.empty(
        "w:shd",
        &[
            ("w:val", "clear"),
            ("w:color", "auto"),
            ("w:fill", &fill.hex()),
        ],
    );
    x.close();
    styled_paragraph(x, "TableText", title, RunStyle::Bold);
    if !body.trim().is_empty() {
        paragraph(x, "TableText", body);
    }
    if !footer.trim().is_empty() {
        paragraph(x, "Note", footer);
    }
    x.close().close().close();
    paragraph(x, "Normal", "");
}

fn write_risk_map(x: &mut Xml, map: &RiskMap) {
    let widths = open_table(x, &[1.4, 1.0, 1.0, 1.0, 1.0], true);
    for (label, cells) in risk_grid::rows(map) {
        x.open("w:tr", &[]).open("w:trPr", &[]);
        x.empty("w:trHeight", &[("w:val", "700")]);
        x.empty("w:cantSplit", &[]);
        x.close();
        cell(x, widths[0], None, &label, "TableHeading", RunStyle::Bold);
        for (grid_cell, width) in cells.iter().zip(&widths[1..]) {
            cell(
                x,
                *width,
                Some(grid_cell.fill),
                &grid_cell.text,
                "TableText",
                RunStyle::Bold,
            );
        }
        x.close();
    }
    x.open("w:tr", &[]);
    cell(x, widths[0], None, "", "TableText", RunStyle::Plain);
    for (label, width) in risk_grid::likelihood_labels(map).iter().zip(&widths[1..]) {
        cell(x, *width, None, label, "TableHeading", RunStyle::Bold);
    }
    x.close();
    x.close();
    paragraph(x, "Note", &risk_grid::legend(map));
    for line in risk_grid::key(map) {
        paragraph(x, "Note", &line);
    }
}

fn write_signatures(x: &mut Xml, lines: &[SignatureLine]) {
    let widths = open_table(x, &[1.0, 1.0], true);
    for line in lines {
        x.open("w:tr", &[]).open("w:trPr", &[]);
        x.empty("w:trHeight", &[("w:val", "1400")]);
        x.empty("w:cantSplit", &[]);
        x.close();
        cell(
            x,
            widths[0],
            None,
            &format!("{}\n{}", line.who, line.date),
            "TableText",
            RunStyle::Plain,
        );
        cell(x, widths[1], None, &line.sign_here, "Note", RunStyle::Plain);
        x.close();
    }
    x.close();
    paragraph(x, "Normal", "");
}
