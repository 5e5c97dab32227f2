//! The cursor's primitives, shared by every painter: the current page and page breaks,
//! placing text, rectangles and rules, wrapping text into lines, and flowing lines down the
//! page — plain, or inside a tinted box that splits across pages.

use super::links::{self, LinkPiece};
use super::page::{Item, LinkArea, LinkTarget, Page, Role, BOTTOM, CONTENT_W, MARGIN_X, TOP};
use super::palette::Rgb;
use super::Layouter;
use crate::pdf::fonts::Face;
use crate::pdf::wrap::wrap;

/// A line of text ready to place.
pub(super) struct TextLine {
    pub(super) text: String,
    pub(super) face: Face,
    pub(super) size: f32,
    pub(super) color: Rgb,
    /// Offset from the left of the flow.
    pub(super) indent: f32,
    /// Height the line takes: the distance to the next line's top.
    pub(super) leading: f32,
    /// The pieces of addresses it shows.
    pub(super) links: Vec<LinkPiece>,
}

impl Layouter<'_> {
    /// The page being filled (the first one is created on demand).
    pub(super) fn page(&mut self) -> &mut Page {
        if self.pages.is_empty() {
            self.pages.push(Page::default());
        }
        let last = self.pages.len() - 1;
        &mut self.pages[last]
    }

    /// Starts a page and puts the cursor at the top of its text area.
    pub(super) fn new_page(&mut self) {
        // Elements opened on the last page with nothing drawn yet open on the new one.
        let mut carried = Vec::new();
        if let Some(last) = self.pages.last_mut() {
            while matches!(last.items.last(), Some(Item::Begin(_))) {
                carried.extend(last.items.pop());
            }
        }
        carried.reverse();
        self.pages.push(Page {
            items: carried,
            ..Page::default()
        });
        self.y = TOP;
    }

    /// True when nothing has been drawn on the current page yet (or there is none).
    pub(super) fn is_page_fresh(&self) -> bool {
        self.pages
            .last()
            .is_none_or(|p| p.items.iter().all(Item::is_mark))
    }

    /// Starts a new page unless `height` fits below the cursor.
    pub(super) fn ensure(&mut self, height: f32) {
        if self.y + height > BOTTOM && self.y > TOP {
            self.new_page();
        }
    }

    /// Width of `text` in points.
    pub(super) fn width(&self, text: &str, face: Face, size: f32) -> f32 {
        self.metrics.width(text, face, size)
    }

    /// `text` broken into lines no wider than `max` points.
    pub(super) fn wrap(&self, text: &str, face: Face, size: f32, max: f32) -> Vec<String> {
        let measure = |s: &str| self.metrics.width(s, face, size);
        wrap(text, max, &measure)
    }

    /// Draws a run of text with its baseline at `y`; empty text draws nothing.
    pub(super) fn text(&mut self, x: f32, y: f32, size: f32, face: Face, color: Rgb, text: &str) {
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

    /// Draws a line of text (baseline at `y`) whose `pieces` are addresses: each a `Link`
    /// element over its words, its area noted for the link annotation.
    pub(super) fn text_linked(
        &mut self,
        (x, y): (f32, f32),
        (face, size, color): (Face, f32, Rgb),
        text: &str,
        pieces: &[LinkPiece],
    ) {
        let mut at = 0;
        for piece in pieces {
            let (Some(before), Some(words)) = (
                text.get(at..piece.range.start),
                text.get(piece.range.clone()),
            ) else {
                continue;
            };
            self.text(
                x + self.width(&text[..at], face, size),
                y,
                size,
                face,
                color,
                before,
            );
            let left = x + self.width(&text[..piece.range.start], face, size);
            // The address's words are read as one: no space where a long one is split; one
            // (invisible) after it where it ends the line, as between the words of a line.
            let is_line_end = text[piece.range.end..].trim().is_empty();
            let node = self.open(Role::Link);
            if is_line_end && !piece.continues {
                self.text(left, y, size, face, color, &format!("{words} "));
            } else {
                self.text(left, y, size, face, color, words);
            }
            self.close();
            let page = self.pages.len().saturating_sub(1);
            let width = self.width(words, face, size);
            self.links.push(LinkArea {
                page,
                node,
                area: [left, y - size, width, size * 1.25],
                target: LinkTarget::Uri(piece.uri.clone()),
                description: piece
                    .uri
                    .strip_prefix("mailto:")
                    .unwrap_or(&piece.uri)
                    .to_owned(),
            });
            at = piece.range.end;
        }
        let rest = text.get(at..).unwrap_or_default();
        let left = x + self.width(text.get(..at).unwrap_or_default(), face, size);
        self.text(left, y, size, face, color, rest);
    }

    /// Draws a filled rectangle whose top is at `y`.
    pub(super) fn rect(&mut self, x: f32, y: f32, w: f32, h: f32, color: Rgb) {
        self.page().items.push(Item::Rect { x, y, w, h, color });
    }

    /// Draws a horizontal rule at `y` from `x1` to `x2`.
    pub(super) fn rule(&mut self, x1: f32, x2: f32, y: f32, width: f32, color: Rgb) {
        self.page().items.push(Item::Line {
            x1,
            y1: y,
            x2,
            y2: y,
            width,
            color,
        });
    }

    /// `text` wrapped to `max` points, as lines ready to flow (leading 1.4 × the size).
    pub(super) fn lines(
        &self,
        text: &str,
        face: Face,
        size: f32,
        color: Rgb,
        indent: f32,
        max: f32,
    ) -> Vec<TextLine> {
        let wrapped = self.wrap(text, face, size, max);
        let pieces = links::in_lines(text, &wrapped);
        wrapped
            .into_iter()
            .zip(pieces)
            .map(|(t, links)| TextLine {
                text: t,
                face,
                size,
                color,
                indent,
                leading: size * 1.4,
                links,
            })
            .collect()
    }

    /// Places lines one by one, breaking pages between lines.
    pub(super) fn flow(&mut self, lines: &[TextLine], x: f32) {
        for line in lines {
            if self.y + line.leading > BOTTOM {
                self.new_page();
            }
            let baseline = self.y + line.size;
            self.text_linked(
                (x + line.indent, baseline),
                (line.face, line.size, line.color),
                &line.text,
                &line.links,
            );
            self.y += line.leading;
        }
    }

    /// Places lines inside a tinted box with a coloured bar, split across pages if needed.
    pub(super) fn flow_boxed(&mut self, lines: &[TextLine], fill: Rgb, bar: Rgb) {
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
            self.text_linked(
                (x + 12.0 + line.indent, baseline),
                (line.face, line.size, line.color),
                &line.text,
                &line.links,
            );
            self.y += line.leading;
        }
        close(self, start_item, top);
    }
}
