//! The style, numbering and settings parts: Word's built-in « heading 1-3 » styles (outline
//! levels, chapters starting a page), the table and text styles in the document's accent, the
//! bullet list, and the setting that makes Word refresh the contents when it opens.

use super::*;

pub(super) fn settings(meta: &Meta) -> String {
    let mut x = Xml::new();
    x.open("w:settings", &[("xmlns:w", W)]);
    // Word recomputes the contents (with page numbers) when the document opens.
    x.empty("w:updateFields", &[("w:val", "true")]);
    x.empty("w:defaultTabStop", &[("w:val", "709")]);
    x.empty("w:themeFontLang", &[("w:val", language_tag(meta))]);
    x.finish()
}

pub(super) fn numbering() -> String {
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
pub(super) struct Style<'a> {
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

pub(super) fn styles(meta: &Meta) -> String {
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

pub(super) fn paragraph_style(x: &mut Xml, style: &Style, heading: Option<u8>) {
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

/// The borders of a table: outside, then between rows and columns.
pub(super) const SIDES: [&str; 6] = [
    "w:top",
    "w:left",
    "w:bottom",
    "w:right",
    "w:insideH",
    "w:insideV",
];

/// `<w:tblBorders>` or `<w:tcBorders>`: single lines of `size` eighths of a point.
pub(super) fn borders(x: &mut Xml, element: &str, color: &str, size: u32, inside: bool) {
    x.open(element, &[]);
    let sides: &[&str] = if inside { &SIDES } else { &SIDES[..4] };
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
