//! Signature boxes: two per row, each with who signs (up to three lines), the date, and a
//! « Signature » space between a top rule in the accent colour and a thin bottom rule. A row of boxes is
//! never split across pages.

use super::page::{Item, CONTENT_W, MARGIN_X};
use super::palette::{INK, MUTED, RULE};
use super::{Layouter, BLOCK_GAP};
use crate::dossier::SignatureLine;
use crate::pdf::fonts::Face;

/// Height of a signature box.
const BOX_H: f32 = 100.0;

/// How much of the signatures a heading before them keeps on its page: one row of boxes.
pub(super) const START_HEIGHT: f32 = 112.0;

impl Layouter<'_> {
    /// Lays out the signature boxes, two per row.
    pub(super) fn signatures(&mut self, lines: &[SignatureLine]) {
        let w = (CONTENT_W - 16.0) / 2.0;
        for pair in lines.chunks(2) {
            self.ensure(BOX_H + 10.0);
            for (i, line) in pair.iter().enumerate() {
                let x = MARGIN_X + i as f32 * (w + 16.0);
                let top = self.y;
                let accent = self.accent;
                self.page().items.push(Item::Line {
                    x1: x,
                    y1: top,
                    x2: x + w,
                    y2: top,
                    width: 0.8,
                    color: accent,
                });
                self.page().items.push(Item::Line {
                    x1: x,
                    y1: top + BOX_H,
                    x2: x + w,
                    y2: top + BOX_H,
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
                self.text(
                    x + 4.0,
                    top + 72.0,
                    8.5,
                    Face::Regular,
                    MUTED,
                    &line.sign_here,
                );
            }
            self.y += BOX_H + 12.0;
        }
        self.y += BLOCK_GAP;
    }
}
