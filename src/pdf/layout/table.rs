//! Grids of cells: tables (header row in bold, repeated at the top of every page they run
//! onto; zebra rows) and key/value lists (the cover's facts, the project's details). Column
//! widths come from the columns' weights, widened where a column's longest word would not fit;
//! each cell wraps inside its column; a row moves to the next page whole when it fits on one,
//! and only a row taller than a page is split line by line.

use super::page::{BOTTOM, CONTENT_W, MARGIN_X, TOP};
use super::palette::{Rgb, ACCENT, HEADER_FILL, INK, MUTED, RULE, ZEBRA};
use super::{Layouter, BLOCK_GAP, SMALL};
use crate::dossier::Column;
use crate::pdf::fonts::Face;

/// Space between a cell's border and its text, on every side.
const CELL_PAD: f32 = 4.0;

/// How a grid draws.
#[derive(Clone, Copy)]
pub(super) struct GridStyle {
    /// Text size of every cell.
    size: f32,
    /// Face of the first column (the others are regular).
    first_face: Face,
    /// Colour of the first column (the others are in ink).
    first_color: Rgb,
    /// Tint every other row.
    zebra: bool,
    /// A thin rule under every row.
    rules: bool,
}

impl GridStyle {
    /// A data table: small regular text, zebra rows, rules.
    pub(super) fn table() -> Self {
        Self {
            size: SMALL,
            first_face: Face::Regular,
            first_color: INK,
            zebra: true,
            rules: true,
        }
    }

    /// A key/value list: keys in bold secondary colour, rules.
    pub(super) fn key_values() -> Self {
        Self {
            size: 9.0,
            first_face: Face::Bold,
            first_color: MUTED,
            zebra: false,
            rules: true,
        }
    }

    /// The cover's facts: larger text, no rules.
    pub(super) fn cover() -> Self {
        Self {
            size: 10.5,
            first_face: Face::Bold,
            first_color: MUTED,
            zebra: false,
            rules: false,
        }
    }

    /// The face of a cell in `column`.
    fn face(&self, column: usize) -> Face {
        if column == 0 {
            self.first_face
        } else {
            Face::Regular
        }
    }
}

impl Layouter<'_> {
    /// A table with a header row; columns share the width in proportion to their weights.
    pub(super) fn table(&mut self, columns: &[Column], rows: &[Vec<String>]) {
        let total: f32 = columns.iter().map(|c| c.weight).sum::<f32>().max(0.001);
        let widths: Vec<f32> = columns.iter().map(|c| c.weight / total).collect();
        let header: Vec<String> = columns.iter().map(|c| c.title.clone()).collect();
        self.grid(&widths, Some(&header), rows, GridStyle::table());
    }

    pub(super) fn grid(
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
}
