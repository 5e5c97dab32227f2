//! Grids of cells: tables (header row in bold, repeated at the top of every page they run
//! onto; zebra rows) and key/value lists (the cover's facts, the project's details). Column
//! widths come from the columns' weights, widened where a column's longest word would not fit;
//! each cell wraps inside its column; a row moves to the next page whole when it fits on one,
//! and only a row taller than a page is split line by line. A table starts with its header and
//! two rows together, and never leaves its last row alone on a page.
//!
//! Limitations: a header taller than a page keeps only the lines that leave room for a row.

use super::links;
use super::page::{Role, BOTTOM, CONTENT_W, MARGIN_X, TOP};
use super::palette::{Rgb, HEADER_FILL, INK, MUTED, RULE, ZEBRA};
use super::{Layouter, BLOCK_GAP, SMALL};
use crate::dossier::Column;
use crate::model::Lang;
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
    /// How the grid is tagged: a table whose first row heads the columns, one whose first
    /// column heads the rows (key/value lists), or not at all (the cover's facts, inside the
    /// cover's paragraph).
    tags: GridTags,
}

/// How a grid is tagged for a screen reader.
#[derive(Clone, Copy, PartialEq, Eq)]
pub(super) enum GridTags {
    /// A table; its header row's cells head their columns.
    Columns,
    /// A table whose first column's cells head their rows.
    Rows,
    /// Not a table: its text belongs to the element around it.
    None,
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
            tags: GridTags::Columns,
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
            tags: GridTags::Rows,
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
            tags: GridTags::None,
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
        let langs: Vec<Option<Lang>> = columns.iter().map(|c| c.lang).collect();
        self.grid(&widths, Some(&header), rows, GridStyle::table(), &langs);
    }

    /// A grid of cells: tables (with a header repeated on every page) and key/value lists.
    /// `widths` are the columns' shares of the text width; `langs` the language of each
    /// column's cells when not the document's.
    pub(super) fn grid(
        &mut self,
        widths: &[f32],
        header: Option<&[String]>,
        rows: &[Vec<String>],
        style: GridStyle,
        langs: &[Option<Lang>],
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
        // A header taller than a page would leave no room for a row under it on any page: keep
        // the header lines that leave room for one line of a row (a page holds dozens).
        let room_lines = ((BOTTOM - TOP - 4.0 * CELL_PAD) / leading).floor() as usize;
        let max_header_lines = room_lines.saturating_sub(1).max(1);
        let header_cells = header.map(|h| {
            let mut cells = wrap_cells(self, h, &|_| Face::Bold);
            for lines in &mut cells {
                lines.truncate(max_header_lines);
            }
            cells
        });
        let header_height = header_cells.as_ref().map_or(0.0, |c| {
            c.iter().map(Vec::len).max().unwrap_or(1) as f32 * leading + 2.0 * CELL_PAD
        });
        let is_tagged = style.tags != GridTags::None;
        // The header row is the table's first row where it starts; where it repeats on the
        // next pages, it is decoration (left unmarked, so an artifact).
        let draw_header = |l: &mut Self, is_first: bool| {
            if let Some(cells) = &header_cells {
                l.rect(MARGIN_X, l.y, CONTENT_W, header_height, HEADER_FILL);
                let tag = is_first && is_tagged;
                if tag {
                    l.open(Role::Tr);
                }
                let mut x = MARGIN_X;
                for (i, lines) in cells.iter().enumerate() {
                    if tag {
                        l.open(Role::Th(false));
                    }
                    for (n, line) in lines.iter().enumerate() {
                        let baseline = l.y + CELL_PAD + n as f32 * leading + style.size;
                        l.text(
                            x + CELL_PAD,
                            baseline,
                            style.size,
                            Face::Bold,
                            l.accent,
                            line,
                        );
                    }
                    if tag {
                        l.close();
                    }
                    x += col_w[i];
                }
                if tag {
                    l.close();
                }
                l.y += header_height;
            }
        };
        let wrapped: Vec<Vec<Vec<String>>> = rows
            .iter()
            .map(|row| wrap_cells(self, row, &|i| style.face(i)))
            .collect();
        let height_of = |cells: &[Vec<String>]| {
            cells.iter().map(Vec::len).max().unwrap_or(1).max(1) as f32 * leading + 2.0 * CELL_PAD
        };
        let heights: Vec<f32> = wrapped.iter().map(|cells| height_of(cells)).collect();
        let room = BOTTOM - TOP - header_height;
        // No header alone, nor with a single row, at the foot of a page: the header and the
        // first two rows start together when they fit on a page.
        let opening = match heights.as_slice() {
            [first, second, ..] if first + second <= room => first + second,
            [first, ..] if *first <= room => *first,
            _ => leading + 2.0 * CELL_PAD,
        };
        self.ensure(header_height + opening);
        if is_tagged {
            self.open(Role::Table);
        }
        draw_header(self, true);
        for (row_index, cells) in wrapped.iter().enumerate() {
            let line_count = cells.iter().map(Vec::len).max().unwrap_or(1).max(1);
            let row_height = heights[row_index];
            // No last row alone under a repeated header: when the second-to-last row fits here
            // but the last would not, both go to the next page.
            let is_second_to_last = rows.len() >= 3 && row_index + 2 == rows.len();
            let last_alone = is_second_to_last
                && self.y + row_height <= BOTTOM
                && self.y + row_height + heights[row_index + 1] > BOTTOM
                && row_height + heights[row_index + 1] <= room;
            if (self.y + row_height > BOTTOM && row_height <= room) || last_alone {
                self.new_page();
                draw_header(self, false);
            }
            if is_tagged {
                self.open(Role::Tr);
            }
            // Each cell's element, opened again on each page a split row runs over.
            let mut cell_ids: Vec<Option<usize>> = vec![None; cells.len()];
            // Place the row line by line, continuing on the next page when it is taller than
            // what remains (only for rows taller than a page).
            let mut start_line = 0;
            while start_line < line_count {
                let available = ((BOTTOM - self.y - 2.0 * CELL_PAD) / leading)
                    .floor()
                    .max(0.0) as usize;
                if available == 0 {
                    self.new_page();
                    draw_header(self, false);
                    continue;
                }
                let end_line = (start_line + available).min(line_count);
                let height = (end_line - start_line) as f32 * leading + 2.0 * CELL_PAD;
                if style.zebra && row_index % 2 == 1 {
                    self.rect(MARGIN_X, self.y, CONTENT_W, height, ZEBRA);
                }
                let mut x = MARGIN_X;
                for (i, lines) in cells.iter().enumerate() {
                    if is_tagged {
                        match cell_ids[i] {
                            Some(id) => self.reopen(id),
                            None => {
                                let role = if i == 0 && style.tags == GridTags::Rows {
                                    Role::Th(true)
                                } else {
                                    Role::Td
                                };
                                let id = self.open(role);
                                if let Some(node) = self.nodes.get_mut(id) {
                                    node.lang = langs.get(i).copied().flatten();
                                }
                                cell_ids[i] = Some(id);
                            }
                        }
                    }
                    // A tagged cell's addresses are links.
                    let pieces = match is_tagged {
                        true => links::in_lines(rows[row_index].get(i).map_or("", |t| t), lines),
                        false => Vec::new(),
                    };
                    for (n, line) in lines.iter().enumerate().take(end_line).skip(start_line) {
                        let baseline =
                            self.y + CELL_PAD + (n - start_line) as f32 * leading + style.size;
                        let face = style.face(i);
                        let color = if i == 0 { style.first_color } else { INK };
                        let line_pieces = pieces.get(n).map_or(&[][..], Vec::as_slice);
                        self.text_linked(
                            (x + CELL_PAD, baseline),
                            (face, style.size, color),
                            line,
                            line_pieces,
                        );
                    }
                    if is_tagged {
                        self.close();
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
                    draw_header(self, false);
                }
            }
            if is_tagged {
                self.close();
            }
        }
        if is_tagged {
            self.close();
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::dossier::Block;
    use crate::pdf::fonts::Metrics;
    use crate::pdf::layout::{layout, Item, Layout};

    const SIZE: f32 = SMALL;

    fn metrics() -> &'static Metrics {
        Metrics::load().expect("the embedded fonts parse")
    }

    fn column(title: &str, weight: f32) -> Column {
        Column {
            title: title.to_owned(),
            weight,
            lang: None,
        }
    }

    fn table(columns: Vec<Column>, rows: Vec<Vec<String>>) -> Layout {
        layout(&[Block::Table { columns, rows }], metrics())
    }

    /// Every text item: (page index, x, baseline, right edge, text).
    fn texts(layout: &Layout) -> Vec<(usize, f32, f32, f32, String)> {
        let metrics = metrics();
        let mut out = Vec::new();
        for (index, page) in layout.pages.iter().enumerate() {
            for item in &page.items {
                if let Item::Text {
                    x,
                    y,
                    size,
                    face,
                    text,
                    ..
                } = item
                {
                    let right = x + metrics.width(text, *face, *size);
                    out.push((index, *x, *y, right, text.clone()));
                }
            }
        }
        out
    }

    /// The left edge of the text of the column whose header is `title`.
    fn column_x(layout: &Layout, title: &str) -> f32 {
        texts(layout)
            .into_iter()
            .find(|t| t.4 == title)
            .map(|t| t.1)
            .expect("header present")
    }

    #[test]
    fn a_narrow_column_wraps_its_words_inside_its_width() {
        let text = "alpha beta gamma delta epsilon zeta eta theta iota kappa lambda";
        let laid = table(
            vec![column("A", 1.0), column("B", 9.0)],
            vec![vec![text.to_owned(), "b".to_owned()]],
        );
        let a_x = column_x(&laid, "A");
        let b_x = column_x(&laid, "B");
        let a_lines: Vec<_> = texts(&laid)
            .into_iter()
            .filter(|t| t.1 == a_x && t.4 != "A")
            .collect();
        assert!(a_lines.len() > 3, "not wrapped: {a_lines:?}");
        for (_, _, _, right, line) in &a_lines {
            assert!(
                *right <= b_x - 2.0 * CELL_PAD + 0.01,
                "« {line} » ends at {right}, past its column (next starts at {b_x})"
            );
        }
        let joined: Vec<&str> = a_lines.iter().map(|t| t.4.as_str()).collect();
        assert_eq!(joined.join(" "), text, "words lost or split");
    }

    #[test]
    fn a_column_is_widened_so_its_longest_word_is_not_split() {
        let word = "vidéoprotection";
        let laid = table(
            vec![column("A", 1.0), column("B", 9.0)],
            vec![vec![word.to_owned(), "b".to_owned()]],
        );
        let a_x = column_x(&laid, "A");
        let b_x = column_x(&laid, "B");
        let all = texts(&laid);
        let cell = all.iter().find(|t| t.4 == word).expect("the word is whole");
        assert!(
            cell.3 <= b_x - 2.0 * CELL_PAD + 0.01,
            "{cell:?}, B at {b_x}"
        );
        // The room came from the wide column, and the table still spans the text width.
        let weighted = 0.1 * CONTENT_W;
        assert!(b_x - a_x > weighted, "A kept its weighted width {weighted}");
    }

    #[test]
    fn a_word_wider_than_any_column_may_be_is_split_and_still_fits() {
        let hash = "d066d1a54272e19b076c55edaa596f9bd066d1a54272e19b076c55edaa596f9b";
        let laid = table(
            vec![column("A", 1.0), column("B", 9.0)],
            vec![vec![hash.to_owned(), "b".to_owned()]],
        );
        let a_x = column_x(&laid, "A");
        let b_x = column_x(&laid, "B");
        let pieces: Vec<_> = texts(&laid)
            .into_iter()
            .filter(|t| t.1 == a_x && t.4 != "A")
            .collect();
        assert!(pieces.len() > 1, "{pieces:?}");
        for piece in &pieces {
            assert!(piece.3 <= b_x - 2.0 * CELL_PAD + 0.01, "{piece:?}");
        }
        let joined: String = pieces.iter().map(|t| t.4.as_str()).collect();
        assert_eq!(joined, hash);
    }

    #[test]
    fn column_widths_fill_the_text_width_and_give_way_to_long_words() {
        let l = Layouter::new(metrics());
        let rows = vec![vec!["Anticonstitutionnellement".to_owned(), "x".to_owned()]];
        let widths = l.fit_columns(&[0.05, 0.95], None, &rows, GridStyle::table());
        let word = metrics().width("Anticonstitutionnellement", Face::Regular, SIZE);
        assert!(
            widths[0] >= word + 2.0 * CELL_PAD,
            "{widths:?}, word {word}"
        );
        assert!(
            (widths.iter().sum::<f32>() - CONTENT_W).abs() < 0.01,
            "{widths:?}"
        );
        // When no column has room to spare, the weights stand.
        let crowded = vec![vec![
            "Anticonstitutionnellement".repeat(3),
            "Anticonstitutionnellement".repeat(3),
        ]];
        let widths = l.fit_columns(&[0.5, 0.5], None, &crowded, GridStyle::table());
        assert_eq!(widths, [0.5 * CONTENT_W, 0.5 * CONTENT_W]);
    }

    #[test]
    fn a_row_that_does_not_fit_moves_whole_to_the_next_page_under_a_repeated_header() {
        let rows: Vec<Vec<String>> = (0..120)
            .map(|n| vec![format!("r{n}"), format!("r{n}-a\nr{n}-b\nr{n}-c")])
            .collect();
        let laid = table(vec![column("Id", 1.0), column("Lignes", 4.0)], rows);
        assert!(laid.pages.len() >= 3, "{} pages", laid.pages.len());
        let all = texts(&laid);
        for n in 0..120 {
            let pages: Vec<usize> = all
                .iter()
                .filter(|t| t.4 == format!("r{n}") || t.4.starts_with(&format!("r{n}-")))
                .map(|t| t.0)
                .collect();
            assert_eq!(pages.len(), 4, "row {n}: {pages:?}");
            assert!(
                pages.iter().all(|p| *p == pages[0]),
                "row {n} split: {pages:?}"
            );
        }
        for page in 0..laid.pages.len() {
            let on_page: Vec<_> = all.iter().filter(|t| t.0 == page).collect();
            let header = on_page.iter().find(|t| t.4 == "Lignes").expect("header");
            assert!(
                on_page.iter().all(|t| t.2 >= header.2),
                "page {page}: a row above the header"
            );
            assert!(
                on_page.iter().all(|t| t.2 <= BOTTOM),
                "page {page} overflows"
            );
        }
    }

    #[test]
    fn no_page_holds_a_single_row_of_a_table_alone() {
        // Whatever the number of rows, every page the table runs onto holds two rows or more,
        // under the repeated header.
        for count in 40..130 {
            let rows: Vec<Vec<String>> = (0..count)
                .map(|n| vec![format!("row{n}"), format!("value {n}")])
                .collect();
            let laid = table(vec![column("Id", 1.0), column("Valeur", 3.0)], rows);
            let all = texts(&laid);
            for page in 0..laid.pages.len() {
                let rows_here = all
                    .iter()
                    .filter(|t| t.0 == page && t.4.starts_with("row"))
                    .count();
                assert!(
                    rows_here >= 2,
                    "{count} rows: page {page} holds {rows_here} row(s)"
                );
            }
        }
    }

    #[test]
    fn a_table_starting_low_on_a_page_takes_its_header_and_two_rows_along() {
        // A paragraph fills the page to every height near the bottom; then the table.
        for filler_lines in 30..80 {
            let filler = Block::Paragraph("ligne\n".repeat(filler_lines));
            let rows: Vec<Vec<String>> = (0..5)
                .map(|n| vec![format!("row{n}"), "x".into()])
                .collect();
            let laid = layout(
                &[
                    filler,
                    Block::Table {
                        columns: vec![column("Id", 1.0), column("Valeur", 3.0)],
                        rows,
                    },
                ],
                metrics(),
            );
            let all = texts(&laid);
            let page_of = |text: &str| all.iter().find(|t| t.4 == text).expect(text).0;
            assert_eq!(page_of("Valeur"), page_of("row0"), "{filler_lines} lines");
            assert_eq!(page_of("row0"), page_of("row1"), "{filler_lines} lines");
        }
    }

    #[test]
    fn a_row_taller_than_a_page_is_split_line_by_line_and_the_table_goes_on() {
        let long: Vec<String> = (1..=200).map(|n| format!("ligne-{n:03}")).collect();
        let laid = table(
            vec![column("A", 1.0), column("B", 1.0)],
            vec![
                vec!["court".to_owned(), long.join("\n")],
                vec!["après".to_owned(), "fin".to_owned()],
            ],
        );
        let all = texts(&laid);
        let lines: Vec<&str> = all
            .iter()
            .filter(|t| t.4.starts_with("ligne-"))
            .map(|t| t.4.as_str())
            .collect();
        assert_eq!(lines, long, "lines lost or reordered");
        let last_line_page = all.iter().find(|t| t.4 == "ligne-200").map(|t| t.0);
        let after_page = all.iter().find(|t| t.4 == "après").map(|t| t.0);
        assert!(after_page >= last_line_page, "the next row jumped ahead");
        for page in 0..laid.pages.len() {
            assert!(
                all.iter().any(|t| t.0 == page && t.4 == "A"),
                "page {page} has no header"
            );
            assert!(all.iter().filter(|t| t.0 == page).all(|t| t.2 <= BOTTOM));
        }
    }

    #[test]
    fn a_header_taller_than_a_page_is_cut_and_the_rows_still_get_placed() {
        let tall = (1..=150)
            .map(|n| format!("titre-{n}"))
            .collect::<Vec<_>>()
            .join("\n");
        let (sender, receiver) = std::sync::mpsc::channel();
        std::thread::spawn(move || {
            let laid = table(
                vec![column(&tall, 1.0), column("B", 1.0)],
                vec![vec!["a".to_owned(), "b".to_owned()]; 3],
            );
            sender.send(laid).ok();
        });
        let laid = receiver
            .recv_timeout(std::time::Duration::from_secs(20))
            .expect("the layout never ends");
        let all = texts(&laid);
        assert_eq!(all.iter().filter(|t| t.4 == "a").count(), 3, "rows lost");
        assert!(laid.pages.len() <= 4, "{} pages", laid.pages.len());
        assert!(
            all.iter().all(|t| t.2 <= BOTTOM),
            "text below the text area"
        );
    }
}
