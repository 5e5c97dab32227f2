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
    let parts = [
        (
            "META-INF/manifest.xml",
            manifest(dossier.meta.logo().is_some()),
        ),
        ("content.xml", content(dossier)),
        ("styles.xml", styles(&dossier.meta)),
        ("meta.xml", meta(&dossier.meta)),
    ];
    let pictures: Vec<(&str, &[u8])> = dossier
        .meta
        .logo()
        .map(|logo| (LOGO_PART, logo.png.as_slice()))
        .into_iter()
        .collect();
    super::package::zip_parts(Some(("mimetype", MIMETYPE)), &parts, &pictures)
}

/// Where the logo goes in the package.
const LOGO_PART: &str = "Pictures/logo.png";

fn manifest(has_logo: bool) -> String {
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
    if has_logo {
        x.empty(
            "manifest:file-entry",
            &[
                ("manifest:full-path", LOGO_PART),
                ("manifest:media-type", "image/png"),
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

/// A named paragraph style: size (pt), bold, colour; `paragraph_style_with` adds the margins
/// above and below (cm) and more paragraph properties.
fn paragraph_style(x: &mut Xml, name: &str, display: &str, size: f32, bold: bool, ink: Rgb) {
    paragraph_style_with(x, name, display, size, bold, ink, (0.0, 0.2), &[]);
}

#[allow(clippy::too_many_arguments)]
fn paragraph_style_with(
    x: &mut Xml,
    name: &str,
    display: &str,
    size: f32,
    bold: bool,
    ink: Rgb,
    (above, below): (f32, f32),
    extra: &[(&str, &str)],
) {
    let mut attributes = vec![
        ("style:name", name),
        ("style:display-name", display),
        ("style:family", "paragraph"),
    ];
    if name != "Standard" {
        attributes.push(("style:parent-style-name", "Standard"));
    }
    x.open("style:style", &attributes);
    let (above, below) = (format!("{above}cm"), format!("{below}cm"));
    let mut properties = vec![
        ("fo:margin-top", above.as_str()),
        ("fo:margin-bottom", below.as_str()),
    ];
    properties.extend_from_slice(extra);
    x.empty("style:paragraph-properties", &properties);
    let size = format!("{size}pt");
    let weight = if bold { "bold" } else { "normal" };
    x.empty(
        "style:text-properties",
        &[
            ("fo:font-size", &size),
            ("fo:font-weight", weight),
            ("fo:color", &color(ink)),
        ],
    );
    x.close();
}

fn styles(meta: &Meta) -> String {
    let mut x = Xml::new();
    root(&mut x, "office:document-styles");
    x.open("office:font-face-decls", &[]);
    x.empty(
        "style:font-face",
        &[
            ("style:name", "Arial"),
            ("svg:font-family", "Arial"),
            ("style:font-family-generic", "swiss"),
        ],
    );
    x.close();
    x.open("office:styles", &[]);
    let (language, country) = language_tag(meta).split_once('-').unwrap_or(("fr", "FR"));
    x.open("style:default-style", &[("style:family", "paragraph")]);
    x.empty(
        "style:text-properties",
        &[
            ("style:font-name", "Arial"),
            ("fo:font-size", "10pt"),
            ("fo:language", language),
            ("fo:country", country),
            ("fo:hyphenate", "false"),
        ],
    );
    x.close();
    paragraph_style(&mut x, "Standard", "Standard", 10.0, false, INK);
    for (level, size, above) in [(1u8, 16.0, 0.0), (2, 13.0, 0.45), (3, 11.0, 0.35)] {
        let name = format!("Heading_20_{level}");
        let display = format!("Heading {level}");
        let outline = level.to_string();
        let mut extra = vec![
            ("style:default-outline-level", outline.as_str()),
            ("style:next-style-name", "Standard"),
        ];
        extra.push(("style:class", "text"));
        x.open(
            "style:style",
            &[
                &[
                    ("style:name", name.as_str()),
                    ("style:display-name", display.as_str()),
                    ("style:family", "paragraph"),
                    ("style:parent-style-name", "Standard"),
                ][..],
                &extra[..],
            ]
            .concat(),
        );
        let mut properties = vec![
            ("fo:margin-top", format!("{above}cm")),
            ("fo:margin-bottom", "0.2cm".to_owned()),
            ("fo:keep-with-next", "always".to_owned()),
        ];
        if level == 1 {
            properties.push(("fo:break-before", "page".to_owned()));
        }
        let properties: Vec<(&str, &str)> =
            properties.iter().map(|(k, v)| (*k, v.as_str())).collect();
        x.empty("style:paragraph-properties", &properties);
        x.empty(
            "style:text-properties",
            &[
                ("fo:font-size", &format!("{size}pt")),
                ("fo:font-weight", "bold"),
                ("fo:color", &color(meta.accent())),
            ],
        );
        x.close();
    }
    paragraph_style_with(
        &mut x,
        "Title",
        "Title",
        22.0,
        true,
        meta.accent(),
        (0.4, 0.4),
        &[],
    );
    paragraph_style_with(
        &mut x,
        "Subtitle",
        "Subtitle",
        12.0,
        false,
        MUTED,
        (3.0, 0.2),
        &[],
    );
    paragraph_style_with(
        &mut x,
        "Organisation",
        "Organisation",
        14.0,
        true,
        INK,
        (0.0, 0.8),
        &[],
    );
    paragraph_style(&mut x, "Note", "Note", 8.0, false, MUTED);
    paragraph_style(&mut x, "Note_20_Bold", "Note Bold", 8.0, true, MUTED);
    paragraph_style_with(
        &mut x,
        "Contents_20_Heading",
        "Contents Heading",
        16.0,
        true,
        meta.accent(),
        (0.0, 0.4),
        &[("fo:break-before", "page")],
    );
    paragraph_style_with(
        &mut x,
        "Contents_20_1",
        "Contents 1",
        10.0,
        false,
        INK,
        (0.1, 0.1),
        &[],
    );
    paragraph_style_with(
        &mut x,
        "Table_20_Contents",
        "Table Contents",
        8.5,
        false,
        INK,
        (0.0, 0.0),
        &[],
    );
    paragraph_style_with(
        &mut x,
        "Table_20_Heading",
        "Table Heading",
        8.5,
        true,
        INK,
        (0.0, 0.0),
        &[],
    );
    paragraph_style_with(
        &mut x,
        "List_20_Bullet",
        "List Bullet",
        10.0,
        false,
        INK,
        (0.0, 0.1),
        &[],
    );
    paragraph_style(&mut x, "Header", "Header", 7.5, false, MUTED);
    paragraph_style(&mut x, "Footer", "Footer", 7.5, false, MUTED);
    x.open(
        "style:style",
        &[
            ("style:name", "Strong_20_Emphasis"),
            ("style:display-name", "Strong Emphasis"),
            ("style:family", "text"),
        ],
    );
    x.empty("style:text-properties", &[("fo:font-weight", "bold")]);
    x.close();
    // Bullets.
    x.open("text:list-style", &[("style:name", "Bullets")]);
    x.open(
        "text:list-level-style-bullet",
        &[("text:level", "1"), ("text:bullet-char", "•")],
    );
    x.open(
        "style:list-level-properties",
        &[("text:list-level-position-and-space-mode", "label-alignment")],
    );
    x.empty(
        "style:list-level-label-alignment",
        &[
            ("text:label-followed-by", "listtab"),
            ("text:list-tab-stop-position", "0.6cm"),
            ("fo:text-indent", "-0.6cm"),
            ("fo:margin-left", "0.6cm"),
        ],
    );
    x.close().close().close();
    // Headings are the outline, unnumbered.
    x.open("text:outline-style", &[("style:name", "Outline")]);
    for level in 1..=3 {
        x.empty(
            "text:outline-level-style",
            &[("text:level", &level.to_string()), ("style:num-format", "")],
        );
    }
    x.close();
    x.close();

    x.open("office:automatic-styles", &[]);
    x.open("style:page-layout", &[("style:name", "A4")]);
    x.empty(
        "style:page-layout-properties",
        &[
            ("fo:page-width", "21cm"),
            ("fo:page-height", "29.7cm"),
            ("style:print-orientation", "portrait"),
            ("fo:margin-top", "1cm"),
            ("fo:margin-bottom", "1cm"),
            ("fo:margin-left", "2cm"),
            ("fo:margin-right", "2cm"),
        ],
    );
    x.open("style:header-style", &[]);
    x.empty(
        "style:header-footer-properties",
        &[("fo:min-height", "0.6cm"), ("fo:margin-bottom", "0.4cm")],
    );
    x.close();
    x.open("style:footer-style", &[]);
    x.empty(
        "style:header-footer-properties",
        &[("fo:min-height", "0.6cm"), ("fo:margin-top", "0.4cm")],
    );
    x.close();
    x.close();
    x.open(
        "style:style",
        &[
            ("style:name", "HeaderRule"),
            ("style:family", "paragraph"),
            ("style:parent-style-name", "Header"),
        ],
    );
    x.open(
        "style:paragraph-properties",
        &[
            ("fo:border-bottom", &format!("0.5pt solid {}", color(RULE))),
            ("fo:padding-bottom", "0.1cm"),
        ],
    );
    x.open("style:tab-stops", &[]);
    x.empty(
        "style:tab-stop",
        &[("style:position", "17cm"), ("style:type", "right")],
    );
    x.close().close();
    x.close();
    x.open(
        "style:style",
        &[
            ("style:name", "FooterTabs"),
            ("style:family", "paragraph"),
            ("style:parent-style-name", "Footer"),
        ],
    );
    x.open("style:paragraph-properties", &[])
        .open("style:tab-stops", &[]);
    x.empty(
        "style:tab-stop",
        &[("style:position", "17cm"), ("style:type", "right")],
    );
    x.close().close().close();
    x.open(
        "style:style",
        &[("style:name", "Watermark"), ("style:family", "graphic")],
    );
    x.empty(
        "style:graphic-properties",
        &[
            ("draw:stroke", "none"),
            ("draw:fill", "solid"),
            ("draw:fill-color", &color(WATERMARK)),
            ("draw:auto-grow-height", "false"),
            ("draw:auto-grow-width", "false"),
            ("style:run-through", "background"),
            ("style:wrap", "run-through"),
            ("style:number-wrapped-paragraphs", "no-limit"),
            ("style:vertical-pos", "middle"),
            ("style:vertical-rel", "page-content"),
            ("style:horizontal-pos", "center"),
            ("style:horizontal-rel", "page-content"),
            ("style:flow-with-text", "false"),
        ],
    );
    x.close();
    x.close();

    x.open("office:master-styles", &[]);
    x.open(
        "style:master-page",
        &[("style:name", "Standard"), ("style:page-layout-name", "A4")],
    );
    x.open("style:header", &[]);
    x.open("text:p", &[("text:style-name", "HeaderRule")]);
    x.text(&meta.title);
    if let Some(firm) = meta.firm_name() {
        x.empty("text:tab", &[]);
        x.open("text:span", &[("text:style-name", "Strong_20_Emphasis")]);
        x.text(firm);
        x.close();
    }
    x.close();
    if let Some(mark) = &meta.watermark {
        watermark(&mut x, mark);
    }
    x.close();
    x.open("style:footer", &[]);
    x.open("text:p", &[("text:style-name", "FooterTabs")]);
    x.text(&meta.footer_text());
    x.empty("text:tab", &[]);
    for part in page_label_parts(meta) {
        match part {
            PagePart::Text(text) => {
                x.text(text);
            }
            PagePart::Number => {
                x.element("text:page-number", &[("text:select-page", "current")], "1");
            }
            PagePart::Count => {
                x.element("text:page-count", &[], "1");
            }
        }
    }
    x.close().close().close();
    // The cover: no running header or footer, the watermark still.
    x.open(
        "style:master-page",
        &[
            ("style:name", "Cover"),
            ("style:page-layout-name", "A4"),
            ("style:next-style-name", "Standard"),
        ],
    );
    if let Some(mark) = &meta.watermark {
        x.open("style:header", &[]);
        watermark(&mut x, mark);
        x.close();
    }
    x.finish()
}

/// The draft mark: a fontwork text shape across the page's diagonal, behind the text — the
/// shape LibreOffice's own « Watermark » command makes, so it can be edited or removed there.
fn watermark(x: &mut Xml, mark: &str) {
    x.open("text:p", &[("text:style-name", "Header")]);
    x.open(
        "draw:custom-shape",
        &[
            ("text:anchor-type", "char"),
            ("draw:z-index", "0"),
            ("draw:name", "PowerPlusWaterMarkObject1"),
            ("draw:style-name", "Watermark"),
            ("svg:width", "16.2cm"),
            ("svg:height", "2.8cm"),
            // 45°, then placed so the shape's centre is the page's.
            (
                "draw:transform",
                "rotate (0.785398163397448) translate (1.76cm 18.08cm)",
            ),
        ],
    );
    x.element("text:p", &[], mark);
    x.open(
        "draw:enhanced-geometry",
        &[
            ("draw:text-path", "true"),
            ("draw:text-path-mode", "shape"),
            ("draw:text-path-scale", "path"),
            ("draw:text-path-same-letter-heights", "false"),
            ("svg:viewBox", "0 0 21600 21600"),
            ("draw:text-areas", "0 0 21600 21600"),
            ("draw:type", "fontwork-plain-text"),
            ("draw:modifiers", "10800"),
            (
                "draw:enhanced-path",
                "M ?f3 0 L ?f5 0 N M ?f6 21600 L ?f7 21600 N",
            ),
        ],
    );
    // The plain-text fontwork's geometry: the adjustment value centres both baselines.
    for (name, formula) in [
        ("f0", "$0 -10800"),
        ("f1", "?f0 *2"),
        ("f2", "abs(?f1 )"),
        ("f3", "if(?f1 ,0,?f2 )"),
        ("f4", "21600-?f2 "),
        ("f5", "if(?f1 ,?f4 ,21600)"),
        ("f6", "if(?f1 ,?f2 ,0)"),
        ("f7", "if(?f1 ,21600,?f4 )"),
    ] {
        x.empty(
            "draw:equation",
            &[("draw:name", name), ("draw:formula", formula)],
        );
    }
    x.close().close().close();
}

/// Styles made while writing the body (table widths), and the fixed ones the body uses.
struct Automatic {
    styles: Xml,
    tables: usize,
}

impl Automatic {
    fn new() -> Automatic {
        let mut styles = Xml::fragment();
        let mut fixed_cell = |name: &str, fill: Option<Rgb>, left: Option<Rgb>, border: bool| {
            styles.open(
                "style:style",
                &[("style:name", name), ("style:family", "table-cell")],
            );
            let mut properties = vec![("fo:padding", "0.08cm".to_owned())];
            if let Some(fill) = fill {
                properties.push(("fo:background-color", color(fill)));
            }
            if border {
                properties.push(("fo:border", format!("0.5pt solid {}", color(RULE))));
            }
            if let Some(bar) = left {
                properties.push(("fo:border-left", format!("2.5pt solid {}", color(bar))));
                properties.push(("fo:padding-left", "0.2cm".to_owned()));
            }
            let properties: Vec<(&str, &str)> =
                properties.iter().map(|(k, v)| (*k, v.as_str())).collect();
            styles.empty("style:table-cell-properties", &properties);
            styles.close();
        };
        fixed_cell("Cell", None, None, true);
        fixed_cell("CellPlain", None, None, false);
        fixed_cell("CellHead", Some(HEADER_FILL), None, true);
        for band in [
            crate::model::Band::Low,
            crate::model::Band::Moderate,
            crate::model::Band::High,
        ] {
            let name = format!("Band{band:?}");
            fixed_cell(
                &name,
                Some(crate::dossier::palette::band_color(band)),
                None,
                true,
            );
        }
        for tone in [
            Tone::Blocking,
            Tone::High,
            Tone::Medium,
            Tone::Info,
            Tone::Good,
        ] {
            let (fill, bar) = tone_colors(tone);
            fixed_cell(&format!("Tone{tone:?}"), Some(fill), Some(bar), false);
        }
        for (name, height) in [("RowMap", "1.2cm"), ("RowSign", "2.4cm")] {
            styles.open(
                "style:style",
                &[("style:name", name), ("style:family", "table-row")],
            );
            styles.empty(
                "style:table-row-properties",
                &[
                    ("style:min-row-height", height),
                    ("fo:keep-together", "always"),
                ],
            );
            styles.close();
        }
        // The cover's first paragraph starts the « Cover » page style (no running header): the
        // kicker, or the firm's logo when the document is branded.
        for (name, extra) in [
            ("PageBreak", ("fo:break-before", "page")),
            ("CoverStart", ("fo:margin-top", "3cm")),
            ("CoverFirm", ("fo:margin-top", "0.3cm")),
            ("CoverKicker", ("fo:margin-top", "2cm")),
        ] {
            let mut attributes = vec![
                ("style:name", name),
                ("style:family", "paragraph"),
                ("style:parent-style-name", "Subtitle"),
            ];
            if name == "CoverStart" || name == "CoverFirm" {
                attributes.push(("style:master-page-name", "Cover"));
            }
            styles.open("style:style", &attributes);
            styles.empty("style:paragraph-properties", &[extra]);
            styles.close();
        }
        Automatic { styles, tables: 0 }
    }

    /// A table style and its column styles; returns the table's name.
    fn table(&mut self, weights: &[f32]) -> String {
        self.tables += 1;
        let name = format!("Table{}", self.tables);
        self.styles.open(
            "style:style",
            &[("style:name", name.as_str()), ("style:family", "table")],
        );
        self.styles.empty(
            "style:table-properties",
            &[("style:width", "17cm"), ("table:align", "margins")],
        );
        self.styles.close();
        let total: f32 = weights.iter().map(|w| w.max(0.01)).sum();
        for (i, weight) in weights.iter().enumerate() {
            let column = format!("{name}.C{i}");
            let relative = format!("{}*", (weight.max(0.01) / total * 10000.0).round() as u32);
            self.styles.open(
                "style:style",
                &[
                    ("style:name", column.as_str()),
                    ("style:family", "table-column"),
                ],
            );
            self.styles.empty(
                "style:table-column-properties",
                &[("style:rel-column-width", relative.as_str())],
            );
            self.styles.close();
        }
        name
    }
}

fn content(dossier: &Dossier) -> String {
    let mut auto = Automatic::new();
    let mut body = Xml::fragment();
    let blocks = &dossier.blocks;
    for (index, block) in blocks.iter().enumerate() {
        let page_break_after = !next_starts_page(blocks, index);
        match block {
            Block::Cover(cover) => {
                write_firm(&mut body, &dossier.meta);
                write_cover(&mut body, &mut auto, cover, dossier.meta.branding.is_some());
                if page_break_after {
                    body.empty("text:p", &[("text:style-name", "PageBreak")]);
                }
            }
            Block::Toc { title } => {
                write_toc(&mut body, title, &chapters(blocks));
                if page_break_after {
                    body.empty("text:p", &[("text:style-name", "PageBreak")]);
                }
            }
            Block::Heading { level, text } => {
                let level = (*level).clamp(1, 3).to_string();
                let style = format!("Heading_20_{level}");
                body.open(
                    "text:h",
                    &[("text:style-name", &style), ("text:outline-level", &level)],
                );
                inline(&mut body, text);
                body.close();
            }
            Block::Paragraph(text) => paragraph(&mut body, "Standard", text),
            Block::Note(text) => paragraph(&mut body, "Note", text),
            Block::Bullets(items) => {
                body.open("text:list", &[("text:style-name", "Bullets")]);
                for item in items.iter().filter(|i| !i.trim().is_empty()) {
                    body.open("text:list-item", &[]);
                    paragraph(&mut body, "List_20_Bullet", item);
                    body.close();
                }
                body.close();
            }
            Block::KeyValues(pairs) => write_key_values(&mut body, &mut auto, pairs),
            Block::Table { columns, rows } => write_table(&mut body, &mut auto, columns, rows),
            Block::Callout {
                tone,
                title,
                body: text,
                footer,
            } => write_callout(&mut body, &mut auto, *tone, title, text, footer),
            Block::RiskMap(map) => write_risk_map(&mut body, &mut auto, map),
            Block::Signatures(lines) => write_signatures(&mut body, &mut auto, lines),
            Block::PageBreak => {
                if page_break_after {
                    body.empty("text:p", &[("text:style-name", "PageBreak")]);
                }
            }
        }
    }
    let mut x = Xml::new();
    root(&mut x, "office:document-content");
    x.open("office:automatic-styles", &[]);
    x.raw(&auto.styles.finish());
    x.close();
    x.open("office:body", &[]).open("office:text", &[]);
    x.raw(&body.finish());
    x.finish()
}

/// Text with its line breaks, runs of spaces and tabs kept (ODF collapses white space).
fn inline(x: &mut Xml, text: &str) {
    for (i, line) in text.split('\n').enumerate() {
        if i > 0 {
            x.empty("text:line-break", &[]);
        }
        let mut pending = String::new();
        let mut spaces = 0usize;
        for c in line.chars() {
            match c {
                ' ' => spaces += 1,
                '\t' => {
                    flush(x, &mut pending, &mut spaces);
                    x.empty("text:tab", &[]);
                }
                _ => {
                    if spaces > 0 {
                        flush(x, &mut pending, &mut spaces);
                    }
                    pending.push(c);
                }
            }
        }
        flush(x, &mut pending, &mut spaces);
    }
}

/// Writes the pending text and then the pending spaces: one as a character, more as `text:s`.
fn flush(x: &mut Xml, pending: &mut String, spaces: &mut usize) {
    if !pending.is_empty() {
        x.text(pending);
        pending.clear();
    }
    if *spaces == 1 {
        x.text(" ");
    } else if *spaces > 1 {
        x.text(" ");
        x.empty("text:s", &[("text:c", &(*spaces - 1).to_string())]);
    }
    *spaces = 0;
}

fn paragraph(x: &mut Xml, style: &str, text: &str) {
    x.open("text:p", &[("text:style-name", style)]);
    inline(x, text);
    x.close();
}

fn bold_paragraph(x: &mut Xml, style: &str, text: &str) {
    x.open("text:p", &[("text:style-name", style)]);
    x.open("text:span", &[("text:style-name", "Strong_20_Emphasis")]);
    inline(x, text);
    x.close().close();
}

/// The consultant's logo and firm name at the top of the cover, when the document is branded.
fn write_firm(x: &mut Xml, meta: &Meta) {
    if meta.branding.is_none() {
        return;
    }
    x.open("text:p", &[("text:style-name", "CoverFirm")]);
    if let Some(logo) = meta.logo() {
        // Points to centimetres; the logo fits 170 × 70 points, as in the PDF.
        let (w, h) = logo.fit(170.0, 70.0);
        let cm = |points: f32| format!("{:.2}cm", points / 72.0 * 2.54);
        x.open(
            "draw:frame",
            &[
                ("draw:name", "Logo"),
                ("text:anchor-type", "as-char"),
                ("svg:width", &cm(w)),
                ("svg:height", &cm(h)),
            ],
        );
        x.empty(
            "draw:image",
            &[
                ("xlink:href", LOGO_PART),
                ("xlink:type", "simple"),
                ("xlink:show", "embed"),
                ("xlink:actuate", "onLoad"),
            ],
        );
        x.close();
    }
    x.close();
    if let Some(firm) = meta.firm_name() {
        paragraph(x, "Organisation", firm);
    }
}

fn write_cover(x: &mut Xml, auto: &mut Automatic, cover: &Cover, is_branded: bool) {
    let first = if is_branded {
        "CoverKicker"
    } else {
        "CoverStart"
    };
    paragraph(x, first, &cover.kicker);
    paragraph(x, "Title", &cover.title);
    paragraph(x, "Organisation", &cover.organisation);
    write_key_values(x, auto, &cover.lines);
    paragraph(x, "Standard", "");
    paragraph(x, "Note_20_Bold", &cover.marking);
}

fn write_toc(x: &mut Xml, title: &str, entries: &[&str]) {
    x.open(
        "text:table-of-content",
        &[("text:protected", "true"), ("text:name", "Contents")],
    );
    x.open(
        "text:table-of-content-source",
        &[("text:outline-level", "1")],
    );
    x.element(
        "text:index-title-template",
        &[("text:style-name", "Contents_20_Heading")],
        title,
    );
    x.open(
        "text:table-of-content-entry-template",
        &[
            ("text:outline-level", "1"),
            ("text:style-name", "Contents_20_1"),
        ],
    );
    x.empty("text:index-entry-link-start", &[]);
    x.empty("text:index-entry-text", &[]);
    x.empty(
        "text:index-entry-tab-stop",
        &[("style:type", "right"), ("style:leader-char", ".")],
    );
    x.empty("text:index-entry-page-number", &[]);
    x.empty("text:index-entry-link-end", &[]);
    x.close().close();
    x.open("text:index-body", &[]);
    x.open("text:index-title", &[("text:name", "Contents_Head")]);
    paragraph(x, "Contents_20_Heading", title);
    x.close();
    for entry in entries {
        paragraph(x, "Contents_20_1", entry);
    }
    x.close().close();
}

fn open_table(x: &mut Xml, auto: &mut Automatic, weights: &[f32]) {
    let name = auto.table(weights);
    x.open(
        "table:table",
        &[("table:name", &name), ("table:style-name", &name)],
    );
    for i in 0..weights.len() {
        x.empty(
            "table:table-column",
            &[("table:style-name", &format!("{name}.C{i}"))],
        );
    }
}

fn cell(x: &mut Xml, style: &str, text: &str, paragraph_style: &str, is_bold: bool) {
    x.open(
        "table:table-cell",
        &[("table:style-name", style), ("office:value-type", "string")],
    );
    if is_bold {
        bold_paragraph(x, paragraph_style, text);
    } else {
        paragraph(x, paragraph_style, text);
    }
    x.close();
}

fn write_table(x: &mut Xml, auto: &mut Automatic, columns: &[Column], rows: &[Vec<String>]) {
    let weights: Vec<f32> = columns.iter().map(|c| c.weight).collect();
    open_table(x, auto, &weights);
    x.open("table:table-header-rows", &[])
        .open("table:table-row", &[]);
    for column in columns {
        cell(x, "CellHead", &column.title, "Table_20_Heading", false);
    }
    x.close().close();
    for row in rows {
        x.open("table:table-row", &[]);
        for i in 0..columns.len() {
            let text = row.get(i).map(String::as_str).unwrap_or("");
            cell(x, "Cell", text, "Table_20_Contents", false);
        }
        x.close();
    }
    x.close();
}

fn write_key_values(x: &mut Xml, auto: &mut Automatic, pairs: &[(String, String)]) {
    if pairs.is_empty() {
        return;
    }
    open_table(x, auto, &[0.36, 0.64]);
    for (label, value) in pairs {
        x.open("table:table-row", &[]);
        cell(x, "CellPlain", label, "Table_20_Heading", false);
        cell(x, "CellPlain", value, "Table_20_Contents", false);
        x.close();
    }
    x.close();
}

fn write_callout(
    x: &mut Xml,
    auto: &mut Automatic,
    tone: Tone,
    title: &str,
    body: &str,
    footer: &str,
) {
    open_table(x, auto, &[1.0]);
    x.open("table:table-row", &[]);
    x.open(
        "table:table-cell",
        &[
            ("table:style-name", &format!("Tone{tone:?}")),
            ("office:value-type", "string"),
        ],
    );
    paragraph(x, "Table_20_Heading", title);
    if !body.trim().is_empty() {
        paragraph(x, "Table_20_Contents", body);
    }
    if !footer.trim().is_empty() {
        paragraph(x, "Note", footer);
    }
    x.close().close().close();
    paragraph(x, "Standard", "");
}

fn write_risk_map(x: &mut Xml, auto: &mut Automatic, map: &RiskMap) {
    open_table(x, auto, &[1.4, 1.0, 1.0, 1.0, 1.0]);
    for (label, cells) in risk_grid::rows(map) {
        x.open("table:table-row", &[("table:style-name", "RowMap")]);
        cell(x, "Cell", &label, "Table_20_Heading", false);
        for grid_cell in &cells {
            cell(
                x,
                &format!("Band{:?}", grid_cell.band),
                &grid_cell.text,
                "Table_20_Contents",
                true,
            );
        }
        x.close();
    }
    x.open("table:table-row", &[]);
    cell(x, "CellPlain", "", "Table_20_Contents", false);
    for label in risk_grid::likelihood_labels(map) {
        cell(x, "Cell", &label, "Table_20_Heading", false);
    }
    x.close().close();
    paragraph(x, "Note", &risk_grid::legend(map));
    for line in risk_grid::key(map) {
        paragraph(x, "Note", &line);
    }
}

fn write_signatures(x: &mut Xml, auto: &mut Automatic, lines: &[SignatureLine]) {
    open_table(x, auto, &[1.0, 1.0]);
    for line in lines {
        x.open("table:table-row", &[("table:style-name", "RowSign")]);
        cell(
            x,
            "Cell",
            &format!("{}\n{}", line.who, line.date),
            "Table_20_Contents",
            false,
        );
        cell(x, "Cell", &line.sign_here, "Note", false);
        x.close();
    }
    x.close();
    paragraph(x, "Standard", "");
}
