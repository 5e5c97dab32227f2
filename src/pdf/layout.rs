//! Blocks → pages of positioned items. A y cursor runs down each page; paragraphs, table rows,
//! key/value rows and callouts break across pages line by line, so nothing is ever cut off or
//! lost; table headers repeat on every page; headings keep their next lines with them; chapters
//! start a page and get a bookmark; the table of contents gets its page numbers once every
//! chapter is placed. Coordinates are points from the top-left corner of an A4 page.

use super::fonts::{Face, Metrics};
use super::wrap::wrap;
use crate::dossier::map_geometry::{self, MapPoint};
use crate::dossier::{Block, Column, Cover, RiskMap, SignatureLine, Tone};
use crate::model::{Band, Level, MatrixCell};

/// A4 width in points.
pub const PAGE_W: f32 = 595.28;
/// A4 height in points.
pub const PAGE_H: f32 = 841.89;
/// Left and right margin.
pub const MARGIN_X: f32 = 62.0;
/// Top of the text area.
pub const TOP: f32 = 74.0;
/// Bottom of the text area.
pub const BOTTOM: f32 = PAGE_H - 70.0;
/// Width of the text area.
pub const CONTENT_W: f32 = PAGE_W - 2.0 * MARGIN_X;

/// A colour, components 0-1.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Rgb(pub f32, pub f32, pub f32);

/// Text colour.
pub const INK: Rgb = Rgb(0.13, 0.15, 0.19);
/// Secondary text.
pub const MUTED: Rgb = Rgb(0.40, 0.43, 0.48);
/// Headings and rules.
pub const ACCENT: Rgb = Rgb(0.11, 0.27, 0.45);
/// Thin rules.
pub const RULE: Rgb = Rgb(0.80, 0.83, 0.87);
/// Table header background.
pub const HEADER_FILL: Rgb = Rgb(0.90, 0.93, 0.96);
/// Zebra rows.
pub const ZEBRA: Rgb = Rgb(0.97, 0.975, 0.98);

/// Something drawn on a page.
#[derive(Clone, Debug, PartialEq)]
pub enum Item {
    /// Text with its baseline at `y`.
    Text {
        /// Left edge.
        x: f32,
        /// Baseline, from the top of the page.
        y: f32,
        /// Font size in points.
        size: f32,
        /// Face.
        face: Face,
        /// Colour.
        color: Rgb,
        /// The text.
        text: String,
    },
    /// Text rotated by `angle` degrees around its start.
    Rotated {
        /// Start, from the left.
        x: f32,
        /// Start, from the top.
        y: f32,
        /// Font size.
        size: f32,
        /// Angle, counter-clockwise, in degrees.
        angle: f32,
        /// Face.
        face: Face,
        /// Colour.
        color: Rgb,
        /// The text.
        text: String,
    },
    /// A filled rectangle; `y` is its top.
    Rect {
        /// Left.
        x: f32,
        /// Top.
        y: f32,
        /// Width.
        w: f32,
        /// Height.
        h: f32,
        /// Fill.
        color: Rgb,
    },
    /// A circle, filled and/or outlined.
    Circle {
        /// Centre x.
        x: f32,
        /// Centre y, from the top.
        y: f32,
        /// Radius.
        r: f32,
        /// Fill colour, if filled.
        fill: Option<Rgb>,
        /// Outline colour, if outlined (0.9 pt wide).
        stroke: Option<Rgb>,
    },
    /// A straight line.
    Line {
        /// Start x.
        x1: f32,
        /// Start y.
        y1: f32,
        /// End x.
        x2: f32,
        /// End y.
        y2: f32,
        /// Thickness.
        width: f32,
        /// Colour.
        color: Rgb,
    },
}

/// One page.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Page {
    /// What is drawn, back to front.
    pub items: Vec<Item>,
    /// The cover gets no running header or footer.
    pub is_cover: bool,
}

/// The laid-out document.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Layout {
    /// The pages.
    pub pages: Vec<Page>,
    /// Chapter titles and the index of the page they start on.
    pub bookmarks: Vec<(String, usize)>,
}

/// A line of text ready to place.
struct TextLine {
    text: String,
    face: Face,
    size: f32,
    color: Rgb,
    indent: f32,
    leading: f32,
}

/// Where a table-of-contents page number goes once it is known.
struct TocSlot {
    page: usize,
    item: usize,
    right: f32,
    chapter: usize,
}

struct Layouter<'m> {
    metrics: &'m Metrics,
    pages: Vec<Page>,
    y: f32,
    bookmarks: Vec<(String, usize)>,
    toc_slots: Vec<TocSlot>,
    chapters_after_toc: Vec<usize>,
    is_after_toc: bool,
}

const BLOCK_GAP: f32 = 8.0;
const BODY: f32 = 9.5;
const SMALL: f32 = 8.5;
const CELL_PAD: f32 = 4.0;

/// Lays out the blocks of a dossier.
pub fn layout(blocks: &[Block], metrics: &Metrics) -> Layout {
    let mut l = Layouter {
        metrics,
        pages: Vec::new(),
        y: TOP,
        bookmarks: Vec::new(),
        toc_slots: Vec::new(),
        chapters_after_toc: Vec::new(),
        is_after_toc: false,
    };
    let chapter_titles: Vec<String> = blocks
        .iter()
        .skip_while(|b| !matches!(b, Block::Toc { .. }))
        .filter_map(|b| match b {
            Block::Heading { level: 1, text } => Some(text.clone()),
            _ => None,
        })
        .collect();
    for (index, block) in blocks.iter().enumerate() {
        if let Block::Heading { level, .. } = block {
            // Keep a heading with the start of what follows it.
            let keep = blocks
                .get(index + 1)
                .map_or(0.0, |next| l.start_height(next));
            if *level > 1 {
                l.ensure(keep + 30.0);
            }
        }
        l.block(block, &chapter_titles);
    }
    l.fill_toc();
    Layout {
        pages: l.pages,
        bookmarks: l.bookmarks,
    }
}

impl Layouter<'_> {
    fn page(&mut self) -> &mut Page {
        if self.pages.is_empty() {
            self.pages.push(Page::default());
        }
        let last = self.pages.len() - 1;
        &mut self.pages[last]
    }

    fn new_page(&mut self) {
        self.pages.push(Page::default());
        self.y = TOP;
    }

    fn is_page_fresh(&self) -> bool {
        self.pages.last().is_some_and(|p| p.items.is_empty()) || self.pages.is_empty()
    }

    /// Starts a new page unless `height` fits below the cursor.
    fn ensure(&mut self, height: f32) {
        if self.y + height > BOTTOM && self.y > TOP {
            self.new_page();
        }
    }

    fn width(&self, text: &str, face: Face, size: f32) -> f32 {
        self.metrics.width(text, face, size)
    }

    fn wrap(&self, text: &str, face: Face, size: f32, max: f32) -> Vec<String> {
        let measure = |s: &str| self.metrics.width(s, face, size);
        wrap(text, max, &measure)
    }

    fn text(&mut self, x: f32, y: f32, size: f32, face: Face, color: Rgb, text: &str) {
        if text.is_empty() {
            return;
        }
        self.page().items.push(Item::Text {
            x,
            y,
            size,
            face,
            color,
            text: text.to_owned(),
        });
    }

    fn rect(&mut self, x: f32, y: f32, w: f32, h: f32, color: Rgb) {
        self.page().items.push(Item::Rect { x, y, w, h, color });
    }

    fn rule(&mut self, x1: f32, x2: f32, y: f32, width: f32, color: Rgb) {
        self.page().items.push(Item::Line {
            x1,
            y1: y,
            x2,
            y2: y,
            width,
            color,
        });
    }

    fn lines(
        &self,
        text: &str,
        face: Face,
        size: f32,
        color: Rgb,
        indent: f32,
        max: f32,
    ) -> Vec<TextLine> {
        self.wrap(text, face, size, max)
            .into_iter()
            .map(|t| TextLine {
                text: t,
                face,
                size,
                color,
                indent,
                leading: size * 1.4,
            })
            .collect()
    }

    /// Places lines one by one, breaking pages between lines.
    fn flow(&mut self, lines: &[TextLine], x: f32) {
        for line in lines {
            if self.y + line.leading > BOTTOM {
                self.new_page();
            }
            let baseline = self.y + line.size;
            self.text(
                x + line.indent,
                baseline,
                line.size,
                line.face,
                line.color,
                &line.text,
            );
            self.y += line.leading;
        }
    }

    /// Places lines inside a tinted box with a coloured bar, split across pages if needed.
    fn flow_boxed(&mut self, lines: &[TextLine], fill: Rgb, bar: Rgb) {
        const PAD: f32 = 7.0;
        let x = MARGIN_X;
        let mut start_item = self.page().items.len();
        let mut top = self.y;
        self.y += PAD;
        let close = |l: &mut Self, start: usize, top: f32| {
            let h = l.y + PAD - top;
            let page = l.page();
            page.items.insert(
                start,
                Item::Rect {
                    x,
                    y: top,
                    w: CONTENT_W,
                    h,
                    color: fill,
                },
            );
            page.items.insert(
                start + 1,
                Item::Rect {
                    x,
                    y: top,
                    w: 3.5,
                    h,
                    color: bar,
                },
            );
            l.y += PAD;
        };
        for line in lines {
            if self.y + line.leading + PAD > BOTTOM {
                close(self, start_item, top);
                self.new_page();
                start_item = 0;
                top = self.y;
                self.y += PAD;
            }
            let baseline = self.y + line.size;
            self.text(
                x + 12.0 + line.indent,
                baseline,
                line.size,
                line.face,
                line.color,
                &line.text,
            );
            self.y += line.leading;
        }
        close(self, start_item, top);
    }

    fn block(&mut self, block: &Block, chapter_titles: &[String]) {
        match block {
            Block::Cover(cover) => self.cover(cover),
            Block::Toc { title } => self.toc(title, chapter_titles),
            Block::Heading { level, text } => self.heading(*level, text),
            Block::Paragraph(text) => {
                let lines = self.lines(text, Face::Regular, BODY, INK, 0.0, CONTENT_W);
                self.flow(&lines, MARGIN_X);
                self.y += BLOCK_GAP * 0.6;
            }
            Block::Note(text) => {
                let lines = self.lines(text, Face::Italic, SMALL, MUTED, 0.0, CONTENT_W);
                self.flow(&lines, MARGIN_X);
                self.y += BLOCK_GAP * 0.6;
            }
            Block::Bullets(items) => {
                for item in items {
                    let mut lines =
                        self.lines(item, Face::Regular, BODY, INK, 12.0, CONTENT_W - 12.0);
                    if let Some(first) = lines.first_mut() {
                        if self.y + first.leading > BOTTOM {
                            self.new_page();
                        }
                        self.text(
                            MARGIN_X + 2.0,
                            self.y + BODY,
                            BODY,
                            Face::Regular,
                            ACCENT,
                            "•",
                        );
                        first.indent = 12.0;
                    }
                    self.flow(&lines, MARGIN_X);
                }
                self.y += BLOCK_GAP * 0.6;
            }
            Block::KeyValues(pairs) => {
                let rows: Vec<Vec<String>> = pairs
                    .iter()
                    .map(|(k, v)| vec![k.clone(), v.clone()])
                    .collect();
                self.grid(&[0.36, 0.64], None, &rows, GridStyle::key_values());
            }
            Block::Table { columns, rows } => {
                let total: f32 = columns.iter().map(|c| c.weight).sum::<f32>().max(0.001);
                let widths: Vec<f32> = columns.iter().map(|c| c.weight / total).collect();
                let header: Vec<String> =
                    columns.iter().map(|c: &Column| c.title.clone()).collect();
                self.grid(&widths, Some(&header), rows, GridStyle::table());
            }
            Block::Callout {
                tone,
                title,
                body,
                footer,
            } => self.callout(*tone, title, body, footer),
            Block::RiskMap(map) => self.risk_map(map),
            Block::Signatures(lines) => self.signatures(lines),
            Block::PageBreak => {
                if !self.is_page_fresh() {
                    self.new_page();
                }
            }
        }
    }

    /// How much of a block must follow a heading on the same page.
    fn start_height(&self, block: &Block) -> f32 {
        match block {
            Block::RiskMap(map) => risk_map_height(map),
            Block::Signatures(_) => 112.0,
            Block::Callout { title, body, .. } => {
                let lines = self.wrap(title, Face::Bold, 9.5, CONTENT_W - 24.0).len()
                    + self
                        .wrap(body, Face::Regular, 9.0, CONTENT_W - 24.0)
                        .len()
                        .min(4);
                lines as f32 * 13.0 + 14.0
            }
            Block::Table { .. } => 48.0,
            _ => 34.0,
        }
    }

    fn cover(&mut self, cover: &Cover) {
        if !self.is_page_fresh() {
            self.new_page();
        }
        self.page().is_cover = true;
        self.rect(0.0, 0.0, PAGE_W, 14.0, ACCENT);
        self.y = 190.0;
        let kicker = self.lines(&cover.kicker, Face::Bold, 11.0, ACCENT, 0.0, CONTENT_W);
        self.flow(&kicker, MARGIN_X);
        self.y += 10.0;
        let title = self.lines(&cover.title, Face::Bold, 24.0, INK, 0.0, CONTENT_W);
        self.flow(&title, MARGIN_X);
        self.y += 6.0;
        let organisation = self.lines(
            &cover.organisation,
            Face::Regular,
            15.0,
            ACCENT,
            0.0,
            CONTENT_W,
        );
        self.flow(&organisation, MARGIN_X);
        self.y += 16.0;
        self.rule(MARGIN_X, MARGIN_X + CONTENT_W, self.y, 1.2, ACCENT);
        self.y += 18.0;
        let rows: Vec<Vec<String>> = cover
            .lines
            .iter()
            .map(|(k, v)| vec![k.clone(), v.clone()])
            .collect();
        self.grid(&[0.36, 0.64], None, &rows, GridStyle::cover());
        let marking = self.lines(
            &cover.marking,
            Face::Italic,
            9.5,
            INK,
            0.0,
            CONTENT_W - 24.0,
        );
        let height: f32 = marking.iter().map(|l| l.leading).sum::<f32>() + 14.0;
        self.y = (BOTTOM - height - 10.0).max(self.y + 20.0);
        self.flow_boxed(&marking, HEADER_FILL, ACCENT);
        self.new_page();
    }

    fn toc(&mut self, title: &str, chapters: &[String]) {
        if !self.is_page_fresh() {
            self.new_page();
        }
        self.heading_text(title);
        self.is_after_toc = true;
        for (chapter, name) in chapters.iter().enumerate() {
            let lines = self.wrap(name, Face::Regular, 10.5, CONTENT_W - 50.0);
            let height = lines.len() as f32 * 15.0 + 6.0;
            self.ensure(height);
            let first_baseline = self.y + 10.5;
            for line in &lines {
                self.text(MARGIN_X, self.y + 10.5, 10.5, Face::Regular, INK, line);
                self.y += 15.0;
            }
            let page = self.pages.len() - 1;
            let item = self.page().items.len();
            self.text(
                MARGIN_X + CONTENT_W,
                first_baseline,
                10.5,
                Face::Bold,
                ACCENT,
                "?",
            );
            self.toc_slots.push(TocSlot {
                page,
                item,
                right: MARGIN_X + CONTENT_W,
                chapter,
            });
            self.rule(MARGIN_X, MARGIN_X + CONTENT_W, self.y + 1.0, 0.4, RULE);
            self.y += 6.0;
        }
    }

    fn fill_toc(&mut self) {
        for slot in &self.toc_slots {
            let Some(&page_index) = self.chapters_after_toc.get(slot.chapter) else {
                continue;
            };
            let number = (page_index + 1).to_string();
            let width = self.metrics.width(&number, Face::Bold, 10.5);
            if let Some(Item::Text { x, text, .. }) = self
                .pages
                .get_mut(slot.page)
                .and_then(|p| p.items.get_mut(slot.item))
            {
                *x = slot.right - width;
                *text = number;
            }
        }
    }

    fn heading_text(&mut self, text: &str) {
        let lines = self.lines(text, Face::Bold, 17.0, ACCENT, 0.0, CONTENT_W);
        self.flow(&lines, MARGIN_X);
        self.y += 4.0;
        self.rule(MARGIN_X, MARGIN_X + CONTENT_W, self.y, 1.0, ACCENT);
        self.y += 14.0;
    }

    fn heading(&mut self, level: u8, text: &str) {
        match level {
            1 => {
                if !self.is_page_fresh() {
                    self.new_page();
                }
                let page = self.pages.len().saturating_sub(1);
                self.bookmarks.push((text.to_owned(), page));
                if self.is_after_toc {
                    self.chapters_after_toc.push(page);
                }
                self.heading_text(text);
            }
            2 => {
                self.y += 6.0;
                let lines = self.lines(text, Face::Bold, 12.5, ACCENT, 0.0, CONTENT_W);
                let height: f32 = lines.iter().map(|l| l.leading).sum();
                self.ensure(height + 48.0);
                self.flow(&lines, MARGIN_X);
                self.y += 3.0;
            }
            _ => {
                self.y += 3.0;
                let lines = self.lines(text, Face::Bold, 10.5, INK, 0.0, CONTENT_W);
                let height: f32 = lines.iter().map(|l| l.leading).sum();
                self.ensure(height + 36.0);
                self.flow(&lines, MARGIN_X);
                self.y += 1.0;
            }
        }
    }

    fn callout(&mut self, tone: Tone, title: &str, body: &str, footer: &str) {
        let (fill, bar) = tone_colors(tone);
        let max = CONTENT_W - 24.0;
        let mut lines = self.lines(title, Face::Bold, 9.5, INK, 0.0, max);
        if !body.trim().is_empty() {
            lines.extend(self.lines(body, Face::Regular, 9.0, INK, 0.0, max));
        }
        if !footer.trim().is_empty() {
            lines.extend(self.lines(footer, Face::Italic, 7.5, MUTED, 0.0, max));
        }
        // Keep a short callout whole on one page.
        let height: f32 = lines.iter().map(|l| l.leading).sum::<f32>() + 14.0;
        if height < (BOTTOM - TOP) / 3.0 {
            self.ensure(height);
        } else {
            self.ensure(60.0);
        }
        self.flow_boxed(&lines, fill, bar);
        self.y += BLOCK_GAP * 0.75;
    }

    /// A grid of cells: tables (with a repeated header) and key/value lists.
    fn grid(
        &mut self,
        widths: &[f32],
        header: Option<&[String]>,
        rows: &[Vec<String>],
        style: GridStyle,
    ) {
        let col_w = self.fit_columns(widths, header, rows, style);
        let leading = style.size * 1.38;
        let wrap_cells =
            |l: &Self, cells: &[String], face_of: &dyn Fn(usize) -> Face| -> Vec<Vec<String>> {
                col_w
                    .iter()
                    .enumerate()
                    .map(|(i, w)| {
                        let text = cells.get(i).map_or("", String::as_str);
                        l.wrap(text, face_of(i), style.size, w - 2.0 * CELL_PAD)
                    })
                    .collect()
            };
        let header_cells = header.map(|h| wrap_cells(self, h, &|_| Face::Bold));
        let header_height = header_cells.as_ref().map_or(0.0, |c| {
            c.iter().map(Vec::len).max().unwrap_or(1) as f32 * leading + 2.0 * CELL_PAD
        });
        let draw_header = |l: &mut Self| {
            if let Some(cells) = &header_cells {
                l.rect(MARGIN_X, l.y, CONTENT_W, header_height, HEADER_FILL);
                let mut x = MARGIN_X;
                for (i, lines) in cells.iter().enumerate() {
                    for (n, line) in lines.iter().enumerate() {
                        let baseline = l.y + CELL_PAD + n as f32 * leading + style.size;
                        l.text(x + CELL_PAD, baseline, style.size, Face::Bold, ACCENT, line);
                    }
                    x += col_w[i];
                }
                l.y += header_height;
            }
        };
        self.ensure(header_height + leading + 2.0 * CELL_PAD);
        draw_header(self);
        for (row_index, row) in rows.iter().enumerate() {
            let cells = wrap_cells(self, row, &|i| style.face(i));
            let line_count = cells.iter().map(Vec::len).max().unwrap_or(1).max(1);
            let row_height = line_count as f32 * leading + 2.0 * CELL_PAD;
            let room = BOTTOM - TOP - header_height;
            if self.y + row_height > BOTTOM && row_height <= room {
                self.new_page();
                draw_header(self);
            }
            // Place the row line by line, continuing on the next page when it is taller than
            // what remains (only for rows taller than a page).
            let mut start_line = 0;
            while start_line < line_count {
                let available = ((BOTTOM - self.y - 2.0 * CELL_PAD) / leading)
                    .floor()
                    .max(0.0) as usize;
                if available == 0 {
                    self.new_page();
                    draw_header(self);
                    continue;
                }
                let end_line = (start_line + available).min(line_count);
                let height = (end_line - start_line) as f32 * leading + 2.0 * CELL_PAD;
                if style.zebra && row_index % 2 == 1 {
                    self.rect(MARGIN_X, self.y, CONTENT_W, height, ZEBRA);
                }
                let mut x = MARGIN_X;
                for (i, lines) in cells.iter().enumerate() {
                    for (n, line) in lines.iter().enumerate().take(end_line).skip(start_line) {
                        let baseline =
                            self.y + CELL_PAD + (n - start_line) as f32 * leading + style.size;
                        let face = style.face(i);
                        let color = if i == 0 { style.first_color } else { INK };
                        self.text(x + CELL_PAD, baseline, style.size, face, color, line);
                    }
                    x += col_w[i];
                }
                self.y += height;
                if style.rules {
                    self.rule(MARGIN_X, MARGIN_X + CONTENT_W, self.y, 0.4, RULE);
                }
                start_line = end_line;
                if start_line < line_count {
                    self.new_page();
                    draw_header(self);
                }
            }
        }
        self.y += BLOCK_GAP;
    }

    /// Column widths from their weights, widened where a column's longest word would not fit
    /// (taking the room from columns that have some to spare), so words are not split.
    fn fit_columns(
        &self,
        weights: &[f32],
        header: Option<&[String]>,
        rows: &[Vec<String>],
        style: GridStyle,
    ) -> Vec<f32> {
        let mut widths: Vec<f32> = weights.iter().map(|w| w * CONTENT_W).collect();
        let longest_word = |column: usize, text: &str, face: Face| {
            text.split_whitespace()
                .map(|word| self.width(word, face, style.size))
                .fold(0.0_f32, f32::max)
                .min(CONTENT_W * 0.4)
                + 2.0 * CELL_PAD
                + if column == 0 { 0.0 } else { 0.5 }
        };
        let minimum: Vec<f32> = (0..widths.len())
            .map(|i| {
                let head = header
                    .and_then(|h| h.get(i))
                    .map_or(0.0, |t| longest_word(i, t, Face::Bold));
                rows.iter()
                    .filter_map(|r| r.get(i))
                    .map(|t| longest_word(i, t, style.face(i)))
                    .fold(head, f32::max)
            })
            .collect();
        let need: f32 = widths
            .iter()
            .zip(&minimum)
            .map(|(w, m)| (m - w).max(0.0))
            .sum();
        let slack: f32 = widths
            .iter()
            .zip(&minimum)
            .map(|(w, m)| (w - m).max(0.0))
            .sum();
        if need > 0.0 && slack >= need {
            for (w, m) in widths.iter_mut().zip(&minimum) {
                if *w < *m {
                    *w = *m;
                } else {
                    *w -= (*w - m) / slack * need;
                }
            }
        }
        widths
    }

    /// The CNIL 4×4 map as the app draws it (`dossier::map_geometry`): one grid in colour
    /// bands, each risk's number hollow before measures and filled after, an arrow between them,
    /// the risks listed on the right.
    fn risk_map(&mut self, map: &RiskMap) {
        let grid = 4.0 * CELL;
        let legend_h = map.points.len() as f32 * 11.0 + 30.0;
        self.ensure(risk_map_height(map));
        let top = self.y + 14.0;
        let left = MARGIN_X + 34.0;
        let at = |p: MapPoint| (left + p.x * CELL, top + p.y * CELL);
        for severity in 1..=4u8 {
            for likelihood in 1..=4u8 {
                let (x, y) = at(map_geometry::cell_origin((severity, likelihood)));
                let band = match (Level::from_number(severity), Level::from_number(likelihood)) {
                    (Some(s), Some(l)) => MatrixCell {
                        severity: s,
                        likelihood: l,
                    }
                    .band(),
                    _ => Band::Low,
                };
                self.rect(x, y, CELL - 1.5, CELL - 1.5, band_color(band));
            }
            let (_, y) = at(map_geometry::cell_origin((severity, 1)));
            self.text(
                left - 10.0,
                y + CELL / 2.0 + 3.0,
                8.0,
                Face::Regular,
                MUTED,
                &severity.to_string(),
            );
            let (x, _) = at(map_geometry::cell_origin((1, severity)));
            self.text(
                x + CELL / 2.0 - 2.0,
                top + grid + 10.0,
                8.0,
                Face::Regular,
                MUTED,
                &severity.to_string(),
            );
        }
        self.text(
            left,
            top + grid + 22.0,
            8.0,
            Face::Italic,
            MUTED,
            &format!("{} →", map.likelihood_axis),
        );
        self.page().items.push(Item::Rotated {
            x: left - 18.0,
            y: top + grid,
            size: 8.0,
            angle: 90.0,
            face: Face::Italic,
            color: MUTED,
            text: format!("{} →", map.severity_axis),
        });

        let cells: Vec<_> = map.points.iter().map(|p| (p.before, p.after)).collect();
        let marks = map_geometry::marks(&cells);
        let center = |index: usize, is_residual: bool| {
            marks
                .iter()
                .find(|m| m.index == index && m.is_residual == is_residual)
                .map(|m| m.center)
        };
        for index in 0..map.points.len() {
            if let (Some(from), Some(to)) = (center(index, false), center(index, true)) {
                if let Some((start, end)) = map_geometry::arrow(from, to) {
                    let [wing_a, wing_b] = map_geometry::arrow_head(start, end);
                    let (x1, y1) = at(start);
                    let (x2, y2) = at(end);
                    for (xa, ya) in [(x1, y1), at(wing_a), at(wing_b)] {
                        self.page().items.push(Item::Line {
                            x1: xa,
                            y1: ya,
                            x2,
                            y2,
                            width: 0.9,
                            color: INK,
                        });
                    }
                }
            }
        }
        let radius = map_geometry::MARK_RADIUS * CELL;
        for mark in &marks {
            let (x, y) = at(mark.center);
            let (fill, stroke, ink) = if mark.is_residual {
                (INK, None, Rgb(1.0, 1.0, 1.0))
            } else {
                (Rgb(1.0, 1.0, 1.0), Some(INK), INK)
            };
            self.page().items.push(Item::Circle {
                x,
                y,
                r: radius,
                fill: Some(fill),
                stroke,
            });
            let number = (mark.index + 1).to_string();
            let w = self.width(&number, Face::Bold, 7.0);
            self.text(x - w / 2.0, y + 2.5, 7.0, Face::Bold, ink, &number);
        }

        // The legend, right of the grid.
        let legend_x = left + grid + 18.0;
        let mut y = top + 8.0;
        for (index, point) in map.points.iter().enumerate() {
            self.text(
                legend_x,
                y,
                8.0,
                Face::Regular,
                INK,
                &format!("{} — {}", index + 1, point.label),
            );
            y += 11.0;
        }
        y += 6.0;
        self.text(
            legend_x,
            y,
            8.0,
            Face::Regular,
            MUTED,
            &format!("○ {}   ● {}", map.before_label, map.after_label),
        );
        self.y = top + grid.max(legend_h) + 30.0;
        let scale = map
            .level_labels
            .iter()
            .enumerate()
            .map(|(i, l)| format!("{} {}", i + 1, l))
            .collect::<Vec<_>>()
            .join(" · ");
        let scale_lines = self.lines(&scale, Face::Regular, 7.5, MUTED, 0.0, CONTENT_W);
        self.flow(&scale_lines, MARGIN_X);
        self.y += BLOCK_GAP;
    }

    fn signatures(&mut self, lines: &[SignatureLine]) {
        const H: f32 = 100.0;
        let w = (CONTENT_W - 16.0) / 2.0;
        for pair in lines.chunks(2) {
            self.ensure(H + 10.0);
            for (i, line) in pair.iter().enumerate() {
                let x = MARGIN_X + i as f32 * (w + 16.0);
                let top = self.y;
                self.page().items.push(Item::Line {
                    x1: x,
                    y1: top,
                    x2: x + w,
                    y2: top,
                    width: 0.8,
                    color: ACCENT,
                });
                self.page().items.push(Item::Line {
                    x1: x,
                    y1: top + H,
                    x2: x + w,
                    y2: top + H,
                    width: 0.4,
                    color: RULE,
                });
                let who = self.wrap(&line.who, Face::Bold, 9.5, w - 8.0);
                for (n, text) in who.iter().enumerate().take(3) {
                    self.text(
                        x + 4.0,
                        top + 14.0 + n as f32 * 12.5,
                        9.5,
                        Face::Bold,
                        INK,
                        text,
                    );
                }
                self.text(x + 4.0, top + 56.0, 8.5, Face::Regular, MUTED, &line.date);
            }
            self.y += H + 12.0;
        }
        self.y += BLOCK_GAP;
    }
}

/// The side of a risk-map cell.
const CELL: f32 = 52.0;

/// Height of the risk map block: the grid or the legend beside it, whichever is taller, then
/// the axis and the scale.
fn risk_map_height(map: &RiskMap) -> f32 {
    let legend = map.points.len() as f32 * 11.0 + 30.0;
    14.0 + (4.0 * CELL).max(legend) + 48.0
}

/// How a grid draws.
#[derive(Clone, Copy)]
struct GridStyle {
    size: f32,
    first_face: Face,
    first_color: Rgb,
    zebra: bool,
    rules: bool,
}

impl GridStyle {
    fn table() -> Self {
        Self {
            size: SMALL,
            first_face: Face::Regular,
            first_color: INK,
            zebra: true,
            rules: true,
        }
    }

    fn key_values() -> Self {
        Self {
            size: 9.0,
            first_face: Face::Bold,
            first_color: MUTED,
            zebra: false,
            rules: true,
        }
    }

    fn cover() -> Self {
        Self {
            size: 10.5,
            first_face: Face::Bold,
            first_color: MUTED,
            zebra: false,
            rules: false,
        }
    }

    fn face(&self, column: usize) -> Face {
        if column == 0 {
            self.first_face
        } else {
            Face::Regular
        }
    }
}

fn tone_colors(tone: Tone) -> (Rgb, Rgb) {
    match tone {
        Tone::Blocking => (Rgb(0.99, 0.92, 0.92), Rgb(0.69, 0.12, 0.18)),
        Tone::High => (Rgb(1.0, 0.95, 0.89), Rgb(0.85, 0.45, 0.05)),
        Tone::Medium => (Rgb(1.0, 0.98, 0.88), Rgb(0.80, 0.65, 0.05)),
        Tone::Info => (Rgb(0.93, 0.95, 0.98), Rgb(0.35, 0.50, 0.70)),
        Tone::Good => (Rgb(0.91, 0.97, 0.93), Rgb(0.12, 0.48, 0.30)),
    }
}

/// The colour of a band of the risk map.
pub fn band_color(band: Band) -> Rgb {
    match band {
        Band::Low => Rgb(0.80, 0.92, 0.82),
        Band::Moderate => Rgb(1.0, 0.86, 0.62),
        Band::High => Rgb(0.96, 0.66, 0.64),
    }
}
