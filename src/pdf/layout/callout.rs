//! Callouts: a title, a body and an optional footer in a tinted box with a coloured bar on
//! the left, the colours given by the callout's tone. A short callout is kept whole on one
//! page; a long one splits across pages, its box closed and reopened at the break.

use super::page::{BOTTOM, CONTENT_W, TOP};
use super::palette::{tone_colors, INK, MUTED};
use super::{Layouter, BLOCK_GAP};
use crate::dossier::Tone;
use crate::pdf::fonts::Face;

/// Width of the text inside the box.
const TEXT_W: f32 = CONTENT_W - 24.0;

impl Layouter<'_> {
    /// Lays out a callout.
    pub(super) fn callout(&mut self, tone: Tone, title: &str, body: &str, footer: &str) {
        let (fill, bar) = tone_colors(tone);
        let mut lines = self.lines(title, Face::Bold, 9.5, INK, 0.0, TEXT_W);
        if !body.trim().is_empty() {
            lines.extend(self.lines(body, Face::Regular, 9.0, INK, 0.0, TEXT_W));
        }
        if !footer.trim().is_empty() {
            lines.extend(self.lines(footer, Face::Italic, 7.5, MUTED, 0.0, TEXT_W));
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

    /// The height of a callout's title and first lines of body, which a heading before it
    /// keeps on its page.
    pub(super) fn callout_start_height(&self, title: &str, body: &str) -> f32 {
        let lines = self.wrap(title, Face::Bold, 9.5, TEXT_W).len()
            + self.wrap(body, Face::Regular, 9.0, TEXT_W).len().min(4);
        lines as f32 * 13.0 + 14.0
    }
}
