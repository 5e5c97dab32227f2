//! Running text: chapter, section and sub-section headings (a chapter starts a page and gets a
//! bookmark), paragraphs, notes and bullet lists. Each flows line by line across pages.

use super::page::{Role, BOTTOM, CONTENT_W, MARGIN_X};
use super::palette::{INK, MUTED};
use super::{Layouter, BLOCK_GAP, BODY, SMALL};
use crate::pdf::fonts::Face;

/// How far a bullet's text is indented from its bullet.
const BULLET_INDENT: f32 = 12.0;

impl Layouter<'_> {
    /// A chapter-sized title with a rule under it (chapters and the contents page).
    pub(super) fn heading_text(&mut self, text: &str) {
        let lines = self.lines(text, Face::Bold, 17.0, self.accent, 0.0, CONTENT_W);
        self.flow(&lines, MARGIN_X);
        self.y += 4.0;
        self.rule(MARGIN_X, MARGIN_X + CONTENT_W, self.y, 1.0, self.accent);
        self.y += 14.0;
    }

    /// A heading: level 1 starts a page and is bookmarked; levels 2 and 3 keep some room below.
    pub(super) fn heading(&mut self, level: u8, text: &str) {
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
                let lines = self.lines(text, Face::Bold, 12.5, self.accent, 0.0, CONTENT_W);
                let height: f32 = lines.iter().map(|l| l.leading).sum();
                // Room for the heading and the start of what follows (a table header and a row).
                self.ensure(height + 72.0);
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

    /// A paragraph of body text.
    pub(super) fn paragraph(&mut self, text: &str) {
        let lines = self.lines(text, Face::Regular, BODY, INK, 0.0, CONTENT_W);
        self.flow(&lines, MARGIN_X);
        self.y += BLOCK_GAP * 0.6;
    }

    /// A note: smaller italic text in the secondary colour.
    pub(super) fn note(&mut self, text: &str) {
        let lines = self.lines(text, Face::Italic, SMALL, MUTED, 0.0, CONTENT_W);
        self.flow(&lines, MARGIN_X);
        self.y += BLOCK_GAP * 0.6;
    }

    /// A bullet list: each item's lines hang under its first, the bullet on the first line's
    /// page.
    pub(super) fn bullets(&mut self, items: &[String]) {
        self.open(Role::L);
        for item in items {
            self.open(Role::Li);
            let mut lines = self.lines(
                item,
                Face::Regular,
                BODY,
                INK,
                BULLET_INDENT,
                CONTENT_W - BULLET_INDENT,
            );
            if let Some(first) = lines.first_mut() {
                if self.y + first.leading > BOTTOM {
                    self.new_page();
                }
                self.open(Role::Lbl);
                self.text(
                    MARGIN_X + 2.0,
                    self.y + BODY,
                    BODY,
                    Face::Regular,
                    self.accent,
                    "•",
                );
                self.close();
                first.indent = BULLET_INDENT;
            }
            self.open(Role::LBody);
            self.flow(&lines, MARGIN_X);
            self.close();
            self.close();
        }
        self.close();
        self.y += BLOCK_GAP * 0.6;
    }
}
