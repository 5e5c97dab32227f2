//! The content part (`content.xml`): the cover (on the « Cover » page style, with the firm's
//! logo and name when branded), the table of contents, every block of the model as ODF
//! paragraphs, headings, lists and tables, and the automatic styles those need (table widths,
//! cell fills of callouts and of the risk map).

use super::*;

/// Styles made while writing the body (table widths), and the fixed ones the body uses.
pub(super) struct Automatic {
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
            Tone::Sign,
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

    /// The graphic style of plan `n`'s frame, whose area is its background picture (the fill
    /// image `PlanBackground{n}` of styles.xml) at `[x, y, w, h]` points in the frame: the sheet,
    /// at the top of the frame and centred, as the drawing lays it out. Returns its name.
    fn plan_frame(&mut self, n: usize, [_, _, w, h]: [f32; 4]) -> String {
        let cm = |points: f32| format!("{:.3}cm", points / 72.0 * 2.54);
        let name = format!("PlanFrame{n}");
        self.styles.open(
            "style:style",
            &[("style:name", &name), ("style:family", "graphic")],
        );
        self.styles.empty(
            "style:graphic-properties",
            &[
                ("draw:stroke", "none"),
                ("draw:fill", "bitmap"),
                ("draw:fill-image-name", &super::background_fill_name(n)),
                ("style:repeat", "no-repeat"),
                ("draw:fill-image-ref-point", "top"),
                ("draw:fill-image-width", &cm(w)),
                ("draw:fill-image-height", &cm(h)),
            ],
        );
        self.styles.close();
        name
    }

    /// A table style and its column styles; returns the table's name.
    fn table(&mut self, weights: &[f32]) -> String {
        self.table_kept(weights, false)
    }

    /// A table style; `is_whole` keeps the table on one page and with the paragraph after it
    /// (the risk map and its legend).
    fn table_kept(&mut self, weights: &[f32], is_whole: bool) -> String {
        self.tables += 1;
        let name = format!("Table{}", self.tables);
        self.styles.open(
            "style:style",
            &[("style:name", name.as_str()), ("style:family", "table")],
        );
        let mut properties = vec![("style:width", "17cm"), ("table:align", "margins")];
        if is_whole {
            properties.push(("style:may-break-between-rows", "false"));
            properties.push(("fo:keep-with-next", "always"));
        }
        self.styles.empty("style:table-properties", &properties);
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

pub(super) fn content(
    dossier: &Dossier,
    plans: &[Option<crate::office::plan_picture::PlanPicture>],
) -> String {
    let mut auto = Automatic::new();
    let mut body = Xml::fragment();
    let blocks = &dossier.blocks;
    let mut plan_number = 0;
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
            Block::Plan(figure) => {
                plan_number += 1;
                match plans.get(plan_number - 1).and_then(Option::as_ref) {
                    Some(picture) => {
                        // The text width (17 cm), and at most 600 points tall.
                        let (w, h) = picture.fit(17.0 / 2.54 * 72.0, 600.0);
                        body.open("text:p", &[("text:style-name", "Standard")]);
                        // The background file itself fills the frame's sheet, under the
                        // drawing: the frame's area is that picture (styles.xml names it).
                        let style = picture
                            .background_place(w)
                            .map(|place| auto.plan_frame(plan_number, place));
                        let alt = format!("{}\n{}", figure.caption, figure.alt);
                        frame(
                            &mut body,
                            (&format!("Plan {plan_number}"), style.as_deref(), alt.trim()),
                            &plan_part(plan_number),
                            (w, h),
                        );
                        body.close();
                    }
                    None => paragraph(&mut body, "Note", &figure.elsewhere),
                }
                if let crate::dossier::FigureBackground::Missing(note) = &figure.background {
                    paragraph(&mut body, "Note", note);
                }
                paragraph(&mut body, "Note", &figure.caption);
                let unlabelled = plans
                    .get(plan_number - 1)
                    .and_then(Option::as_ref)
                    .map_or(0, |picture| picture.unlabelled);
                if let Some(note) = figure.crowded_note(unlabelled) {
                    paragraph(&mut body, "Note", &note);
                }
            }
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
pub(super) fn inline(x: &mut Xml, text: &str) {
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
pub(super) fn flush(x: &mut Xml, pending: &mut String, spaces: &mut usize) {
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

pub(super) fn paragraph(x: &mut Xml, style: &str, text: &str) {
    x.open("text:p", &[("text:style-name", style)]);
    inline(x, text);
    x.close();
}

pub(super) fn bold_paragraph(x: &mut Xml, style: &str, text: &str) {
    x.open("text:p", &[("text:style-name", style)]);
    x.open("text:span", &[("text:style-name", "Strong_20_Emphasis")]);
    inline(x, text);
    x.close().close();
}

/// A picture of the package at `href`, `w × h` points, as a character of the paragraph being
/// written.
fn frame(
    x: &mut Xml,
    (name, style, descr): (&str, Option<&str>, &str),
    href: &str,
    (w, h): (f32, f32),
) {
    let cm = |points: f32| format!("{:.2}cm", points / 72.0 * 2.54);
    let (width, height) = (cm(w), cm(h));
    let mut attributes = vec![
        ("draw:name", name),
        ("text:anchor-type", "as-char"),
        ("svg:width", width.as_str()),
        ("svg:height", height.as_str()),
    ];
    if let Some(style) = style {
        attributes.push(("draw:style-name", style));
    }
    x.open("draw:frame", &attributes);
    x.empty(
        "draw:image",
        &[
            ("xlink:href", href),
            ("xlink:type", "simple"),
            ("xlink:show", "embed"),
            ("xlink:actuate", "onLoad"),
        ],
    );
    // The picture's alternative text, read out in its place.
    if !descr.is_empty() {
        x.element("svg:desc", &[], descr);
    }
    x.close();
}

/// The consultant's logo and firm name at the top of the cover, when the document is branded.
pub(super) fn write_firm(x: &mut Xml, meta: &Meta) {
    if meta.branding.is_none() {
        return;
    }
    x.open("text:p", &[("text:style-name", "CoverFirm")]);
    if let Some(logo) = meta.logo() {
        // The logo fits 170 × 70 points, as in the PDF.
        frame(
            x,
            ("Logo", None, meta.firm_name().unwrap_or("Logo")),
            &super::logo_part(logo),
            logo.fit(170.0, 70.0),
        );
    }
    x.close();
    if let Some(firm) = meta.firm_name() {
        paragraph(x, "Organisation", firm);
    }
}

pub(super) fn write_cover(x: &mut Xml, auto: &mut Automatic, cover: &Cover, is_branded: bool) {
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

pub(super) fn write_toc(x: &mut Xml, title: &str, entries: &[&str]) {
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

pub(super) fn open_table(x: &mut Xml, auto: &mut Automatic, weights: &[f32]) {
    let name = auto.table(weights);
    open_named_table(x, &name, weights);
}

/// A table that stays whole on one page, with the paragraph after it.
fn open_whole_table(x: &mut Xml, auto: &mut Automatic, weights: &[f32]) {
    let name = auto.table_kept(weights, true);
    open_named_table(x, &name, weights);
}

fn open_named_table(x: &mut Xml, name: &str, weights: &[f32]) {
    x.open(
        "table:table",
        &[("table:name", name), ("table:style-name", name)],
    );
    for i in 0..weights.len() {
        x.empty(
            "table:table-column",
            &[("table:style-name", &format!("{name}.C{i}"))],
        );
    }
}

pub(super) fn cell(x: &mut Xml, style: &str, text: &str, paragraph_style: &str, is_bold: bool) {
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

pub(super) fn write_table(
    x: &mut Xml,
    auto: &mut Automatic,
    columns: &[Column],
    rows: &[Vec<String>],
) {
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

pub(super) fn write_key_values(x: &mut Xml, auto: &mut Automatic, pairs: &[(String, String)]) {
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

pub(super) fn write_callout(
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

pub(super) fn write_risk_map(x: &mut Xml, auto: &mut Automatic, map: &RiskMap) {
    open_whole_table(x, auto, &[1.4, 1.0, 1.0, 1.0, 1.0]);
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

pub(super) fn write_signatures(x: &mut Xml, auto: &mut Automatic, lines: &[SignatureLine]) {
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
