//! The document part (`word/document.xml`): the cover with the firm's logo and name, the
//! contents field, every block of the model as Word paragraphs and tables, and the section
//! (page size, margins, headers and footers).

use super::*;

pub(super) fn document(
    dossier: &Dossier,
    plans: &[Option<crate::office::plan_picture::PlanPicture>],
) -> String {
    let mut x = Xml::new();
    part_root(&mut x, "w:document");
    x.open("w:body", &[]);
    let blocks = &dossier.blocks;
    let mut plan_number = 0;
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
            Block::Plan(figure) => {
                plan_number += 1;
                match plans.get(plan_number - 1).and_then(Option::as_ref) {
                    Some(picture) => {
                        // The text width, and at most 600 points tall.
                        let (w, h) = picture.fit(TEXT_WIDTH as f32 / 20.0, 600.0);
                        let name = format!("plan-{plan_number}.png");
                        x.open("w:p", &[]);
                        // The background file itself, behind the drawing, placed from the
                        // drawing's own top-left corner (the character and line that hold it).
                        if let Some([bx, by, bw, bh]) = picture.background_place(w) {
                            anchored_picture(
                                &mut x,
                                &plan_background_rel(plan_number),
                                (&format!("plan-{plan_number}-fond"), 101 + 2 * plan_number),
                                (bw, bh),
                                (bx, by),
                            );
                        }
                        let alt = format!("{}\n{}", figure.caption, figure.alt);
                        inline_picture(
                            &mut x,
                            &plan_rel(plan_number),
                            (&name, 100 + 2 * plan_number, alt.trim()),
                            (w, h),
                        );
                        x.close();
                    }
                    None => paragraph(&mut x, "Note", &figure.elsewhere),
                }
                if let crate::dossier::FigureBackground::Missing(note) = &figure.background {
                    paragraph(&mut x, "Note", note);
                }
                paragraph(&mut x, "Note", &figure.caption);
                let unlabelled = plans
                    .get(plan_number - 1)
                    .and_then(Option::as_ref)
                    .map_or(0, |picture| picture.unlabelled);
                if let Some(note) = figure.crowded_note(unlabelled) {
                    paragraph(&mut x, "Note", &note);
                }
            }
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

pub(super) fn section_properties(x: &mut Xml) {
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
pub(super) enum RunStyle {
    Plain,
    Bold,
}

/// A run of text; line breaks in the text become `w:br`.
pub(super) fn run(x: &mut Xml, text: &str, style: RunStyle) {
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

pub(super) fn paragraph(x: &mut Xml, style: &str, text: &str) {
    styled_paragraph(x, style, text, RunStyle::Plain);
}

pub(super) fn styled_paragraph(x: &mut Xml, style: &str, text: &str, run_style: RunStyle) {
    paragraph_kept(x, style, text, run_style, false);
}

/// A paragraph; `keeps_with_next` keeps it on the page of the next one (what holds a table's
/// rows together in Word and LibreOffice).
fn paragraph_kept(
    x: &mut Xml,
    style: &str,
    text: &str,
    run_style: RunStyle,
    keeps_with_next: bool,
) {
    x.open("w:p", &[]).open("w:pPr", &[]);
    x.empty("w:pStyle", &[("w:val", style)]);
    if keeps_with_next {
        x.empty("w:keepNext", &[]);
    }
    x.close();
    if !text.is_empty() {
        run(x, text, run_style);
    }
    x.close();
}

pub(super) fn page_break(x: &mut Xml) {
    x.open("w:p", &[]).open("w:r", &[]);
    x.empty("w:br", &[("w:type", "page")]);
    x.close().close();
}

/// A picture of the package (relationship `rel`) in the paragraph being written, `w × h`
/// points; `name` and `id` name the drawing (ids unique in the document).
/// A length in points as EMU (12,700 per point).
fn emu(points: f32) -> String {
    ((points.max(0.0) * 12_700.0) as u64).to_string()
}

fn inline_picture(
    x: &mut Xml,
    rel: &str,
    (name, id, descr): (&str, usize, &str),
    (w, h): (f32, f32),
) {
    let (cx, cy) = (emu(w), emu(h));
    x.open("w:r", &[]).open("w:drawing", &[]);
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
    // `descr`: the picture's alternative text, read out in its place.
    x.empty(
        "wp:docPr",
        &[("id", &id.to_string()), ("name", name), ("descr", descr)],
    );
    graphic(x, rel, name, (&cx, &cy));
    // wp:inline, w:drawing, w:r
    for _ in 0..3 {
        x.close();
    }
}

/// A picture behind the text, not taking room, its top-left corner `(dx, dy)` points from the
/// character and line that hold it: what lies under a plan's drawing, written just before it.
fn anchored_picture(
    x: &mut Xml,
    rel: &str,
    (name, id): (&str, usize),
    (w, h): (f32, f32),
    (dx, dy): (f32, f32),
) {
    let (cx, cy) = (emu(w), emu(h));
    x.open("w:r", &[]).open("w:drawing", &[]);
    x.open(
        "wp:anchor",
        &[
            ("distT", "0"),
            ("distB", "0"),
            ("distL", "0"),
            ("distR", "0"),
            ("simplePos", "0"),
            ("relativeHeight", "251659264"),
            ("behindDoc", "1"),
            ("locked", "1"),
            ("layoutInCell", "1"),
            ("allowOverlap", "1"),
        ],
    );
    x.empty("wp:simplePos", &[("x", "0"), ("y", "0")]);
    x.open("wp:positionH", &[("relativeFrom", "character")]);
    x.element("wp:posOffset", &[], &emu(dx));
    x.close();
    x.open("wp:positionV", &[("relativeFrom", "line")]);
    x.element("wp:posOffset", &[], &emu(dy));
    x.close();
    x.empty("wp:extent", &[("cx", &cx), ("cy", &cy)]);
    x.empty(
        "wp:effectExtent",
        &[("l", "0"), ("t", "0"), ("r", "0"), ("b", "0")],
    );
    x.empty("wp:wrapNone", &[]);
    x.empty("wp:docPr", &[("id", &id.to_string()), ("name", name)]);
    x.empty("wp:cNvGraphicFramePr", &[]);
    graphic(x, rel, name, (&cx, &cy));
    // wp:anchor, w:drawing, w:r
    for _ in 0..3 {
        x.close();
    }
}

/// The `a:graphic` of a picture: the part `rel`, stretched to `cx × cy` EMU.
fn graphic(x: &mut Xml, rel: &str, name: &str, (cx, cy): (&str, &str)) {
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
    x.empty("pic:cNvPr", &[("id", "0"), ("name", name)]);
    x.empty("pic:cNvPicPr", &[]);
    x.close();
    x.open("pic:blipFill", &[]);
    x.empty("a:blip", &[("r:embed", rel)]);
    x.open("a:stretch", &[]).empty("a:fillRect", &[]).close();
    x.close();
    x.open("pic:spPr", &[]).open("a:xfrm", &[]);
    x.empty("a:off", &[("x", "0"), ("y", "0")]);
    x.empty("a:ext", &[("cx", cx), ("cy", cy)]);
    x.close();
    x.open("a:prstGeom", &[("prst", "rect")])
        .empty("a:avLst", &[])
        .close();
    x.close();
    // pic:pic, a:graphicData, a:graphic
    for _ in 0..3 {
        x.close();
    }
}

/// The consultant's logo and firm name at the top of the cover, when the document is branded.
pub(super) fn write_firm(x: &mut Xml, meta: &Meta) {
    if let Some(logo) = meta.logo() {
        // The logo fits 170 × 70 points, as in the PDF.
        x.open("w:p", &[]);
        let name = format!("logo.{}", logo.picture.extension());
        let firm = meta.firm_name().unwrap_or("Logo");
        inline_picture(x, LOGO_REL, (&name, 1, firm), logo.fit(170.0, 70.0));
        x.close();
    }
    if let Some(firm) = meta.firm_name() {
        styled_paragraph(x, "Organisation", firm, RunStyle::Bold);
    }
}

pub(super) fn write_cover(x: &mut Xml, cover: &Cover) {
    paragraph(x, "Subtitle", &cover.kicker);
    paragraph(x, "Title", &cover.title);
    paragraph(x, "Organisation", &cover.organisation);
    write_key_values(x, &cover.lines);
    paragraph(x, "Normal", "");
    styled_paragraph(x, "Note", &cover.marking, RunStyle::Bold);
}

pub(super) fn write_toc(x: &mut Xml, title: &str, entries: &[&str]) {
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
pub(super) fn open_table(x: &mut Xml, weights: &[f32], with_borders: bool) -> Vec<u32> {
    x.open("w:tbl", &[]).open("w:tblPr", &[]);
    x.empty("w:tblStyle", &[("w:val", "TableGrid")]);
    x.empty(
        "w:tblW",
        &[("w:w", &TEXT_WIDTH.to_string()), ("w:type", "dxa")],
    );
    x.empty("w:tblLayout", &[("w:type", "fixed")]);
    if !with_borders {
        x.open("w:tblBorders", &[]);
        for side in SIDES {
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
pub(super) fn cell(
    x: &mut Xml,
    width: u32,
    fill: Option<Rgb>,
    text: &str,
    style: &str,
    run: RunStyle,
) {
    cell_kept(x, width, fill, (text, style, run), false);
}

/// A cell whose paragraph keeps with the next one when `keeps_with_next` (a row that must stay
/// on the page of the row under it).
fn cell_kept(
    x: &mut Xml,
    width: u32,
    fill: Option<Rgb>,
    (text, style, run): (&str, &str, RunStyle),
    keeps_with_next: bool,
) {
    x.open("w:tc", &[]).open("w:tcPr", &[]);
    x.empty("w:tcW", &[("w:w", &width.to_string()), ("w:type", "dxa")]);
    if let Some(fill) = fill {
        shading(x, fill);
    }
    x.close();
    paragraph_kept(x, style, text, run, keeps_with_next);
    x.close();
}

pub(super) fn write_table(x: &mut Xml, columns: &[Column], rows: &[Vec<String>]) {
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

pub(super) fn write_key_values(x: &mut Xml, pairs: &[(String, String)]) {
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

pub(super) fn write_callout(
    x: &mut Xml,
    fill: Rgb,
    bar: Rgb,
    title: &str,
    body: &str,
    footer: &str,
) {
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
    shading(x, fill);
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

/// The risk map as a table of coloured cells, kept on one page with its legend: every row
/// keeps with the next, and the last with the legend under it.
pub(super) fn write_risk_map(x: &mut Xml, map: &RiskMap) {
    let widths = open_table(x, &[1.4, 1.0, 1.0, 1.0, 1.0], true);
    for (label, cells) in risk_grid::rows(map) {
        x.open("w:tr", &[]).open("w:trPr", &[]);
        x.empty("w:trHeight", &[("w:val", "700")]);
        x.empty("w:cantSplit", &[]);
        x.close();
        let heading = (label.as_str(), "TableHeading", RunStyle::Bold);
        cell_kept(x, widths[0], None, heading, true);
        for (grid_cell, width) in cells.iter().zip(&widths[1..]) {
            let text = (grid_cell.text.as_str(), "TableText", RunStyle::Bold);
            cell_kept(x, *width, Some(grid_cell.fill), text, true);
        }
        x.close();
    }
    x.open("w:tr", &[]).open("w:trPr", &[]);
    x.empty("w:cantSplit", &[]);
    x.close();
    cell_kept(x, widths[0], None, ("", "TableText", RunStyle::Plain), true);
    for (label, width) in risk_grid::likelihood_labels(map).iter().zip(&widths[1..]) {
        cell_kept(
            x,
            *width,
            None,
            (label, "TableHeading", RunStyle::Bold),
            true,
        );
    }
    x.close();
    x.close();
    paragraph(x, "Note", &risk_grid::legend(map));
    for line in risk_grid::key(map) {
        paragraph(x, "Note", &line);
    }
}

pub(super) fn write_signatures(x: &mut Xml, lines: &[SignatureLine]) {
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

/// A cell's background colour.
fn shading(x: &mut Xml, fill: Rgb) {
    x.empty(
        "w:shd",
        &[
            ("w:val", "clear"),
            ("w:color", "auto"),
            ("w:fill", &fill.hex()),
        ],
    );
}
