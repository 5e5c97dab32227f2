//! The styles part (`styles.xml`): paragraph styles (« Heading 1-3 » with outline levels, title,
//! notes, table text) in the document's accent, the bullet list and outline styles, the A4 page
//! layout, and the page styles with their running header, footer and draft watermark.

use super::*;

/// A named paragraph style: size (pt), bold, colour; `paragraph_style_with` adds the margins
/// above and below (cm) and more paragraph properties.
pub(super) fn paragraph_style(
    x: &mut Xml,
    name: &str,
    display: &str,
    size: f32,
    bold: bool,
    ink: Rgb,
) {
    paragraph_style_with(x, name, display, size, bold, ink, (0.0, 0.2), &[]);
}

#[allow(clippy::too_many_arguments)]
pub(super) fn paragraph_style_with(
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

pub(super) fn styles(
    meta: &Meta,
    backgrounds: &[(String, &crate::dossier::Picture, usize)],
) -> String {
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
    // The plans' backgrounds, each the area of its plan's frame (body.rs, `plan_frame`).
    for (part, _, n) in backgrounds {
        x.empty(
            "draw:fill-image",
            &[
                ("draw:name", &background_fill_name(*n)),
                ("xlink:href", part),
                ("xlink:type", "simple"),
                ("xlink:show", "embed"),
                ("xlink:actuate", "onLoad"),
            ],
        );
    }
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
pub(super) fn watermark(x: &mut Xml, mark: &str) {
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
