//! The table of contents: one line per chapter with a placeholder for its page number, filled
//! in once every chapter has been placed (a chapter's page is only known after the layout has
//! reached it).

use super::page::{Item, LinkArea, LinkTarget, Role, CONTENT_W, MARGIN_X};
use super::palette::{INK, RULE};
use super::Layouter;
use crate::pdf::fonts::Face;

/// Where a table-of-contents page number goes once it is known.
pub(super) struct TocSlot {
    /// The page holding the entry.
    page: usize,
    /// The index, among that page's items, of the placeholder text.
    item: usize,
    /// The right edge the number is aligned to.
    right: f32,
    /// Which chapter after the contents the entry points to.
    chapter: usize,
    /// The entry's link (`Layouter::links`), to the chapter's page once known.
    link: usize,
}

impl Layouter<'_> {
    /// Lays out the contents page: its title, then each chapter with a placeholder number.
    pub(super) fn toc(&mut self, title: &str, chapters: &[String]) {
        if !self.is_page_fresh() {
            self.new_page();
        }
        self.open(Role::H(1));
        self.heading_text(title);
        self.close();
        self.is_after_toc = true;
        self.open(Role::Toc);
        for (chapter, name) in chapters.iter().enumerate() {
            let lines = self.wrap(name, Face::Regular, 10.5, CONTENT_W - 50.0);
            let height = lines.len() as f32 * 15.0 + 6.0;
            self.ensure(height);
            self.open(Role::Toci);
            // The whole entry, its words and its page number, leads to the chapter.
            let link_node = self.open(Role::Link);
            let top = self.y;
            let first_baseline = self.y + 10.5;
            for line in &lines {
                // Inside a link no space is added at the end of a line: this one says it, so
                // the words and the page number are read apart.
                let words = format!("{line} ");
                self.text(MARGIN_X, self.y + 10.5, 10.5, Face::Regular, INK, &words);
                self.y += 15.0;
            }
            let page = self.pages.len() - 1;
            let item = self.page().items.len();
            self.text(
                MARGIN_X + CONTENT_W,
                first_baseline,
                10.5,
                Face::Bold,
                self.accent,
                "?",
            );
            self.close();
            self.links.push(LinkArea {
                page,
                node: link_node,
                area: [MARGIN_X, top, CONTENT_W, self.y - top],
                target: LinkTarget::Page(page),
                description: name.clone(),
            });
            self.toc_slots.push(TocSlot {
                page,
                item,
                right: MARGIN_X + CONTENT_W,
                chapter,
                link: self.links.len() - 1,
            });
            self.close();
            self.rule(MARGIN_X, MARGIN_X + CONTENT_W, self.y + 1.0, 0.4, RULE);
            self.y += 6.0;
        }
        self.close();
    }

    /// Replaces each placeholder with the page number of its chapter, right-aligned.
    pub(super) fn fill_toc(&mut self) {
        for slot in &self.toc_slots {
            let Some(&page_index) = self.chapters_after_toc.get(slot.chapter) else {
                continue;
            };
            if let Some(link) = self.links.get_mut(slot.link) {
                link.target = LinkTarget::Page(page_index);
            }
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
}
