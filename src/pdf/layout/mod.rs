//! Blocks → pages of positioned items. A y cursor runs down each page; paragraphs, table rows,
//! key/value rows and callouts break across pages line by line, so nothing is ever cut off or
//! lost; table headers repeat on every page; headings keep their next lines with them; chapters
//! start a page and get a bookmark; the table of contents gets its page numbers once every
//! chapter is placed. Coordinates are points from the top-left corner of an A4 page.
//!
//! The files follow the phases and the kinds of block:
//! - `page` — the result: pages of `Item`s and the page geometry;
//! - the colours come from `dossier::palette`, shared with the DOCX and ODT writers;
//! - `flow` — the cursor: page breaks, placing items, wrapping and flowing lines, boxed text;
//! - one painter per block kind: `cover`, `toc`, `text` (headings, paragraphs, notes,
//!   bullets), `table` (tables and key/value lists), `callout`, `risk_map`, `signature`.
//!
//! This file holds the `Layouter` state they share and the dispatch from block to painter.

mod callout;
mod cover;
mod flow;
mod links;
mod page;
use crate::dossier::palette;
mod plan;
mod risk_map;
mod signature;
mod table;
mod text;
mod toc;

pub use page::{
    Item, Layout, LinkArea, LinkTarget, Node, Page, Role, BOTTOM, CONTENT_W, MARGIN_X, PAGE_H,
    PAGE_W, TOP,
};
pub use palette::{band_color, Rgb, ACCENT, HEADER_FILL, INK, MUTED, RULE, WATERMARK, ZEBRA};

use super::fonts::Metrics;
use crate::dossier::Block;
use table::GridStyle;

/// Space after a block.
const BLOCK_GAP: f32 = 8.0;
/// Body text size.
const BODY: f32 = 9.5;
/// Small text: notes, table cells.
const SMALL: f32 = 8.5;

/// The layout in progress: finished pages, the cursor on the last one, and what the table of
/// contents still needs once every chapter is placed.
struct Layouter<'m> {
    metrics: &'m Metrics,
    /// Headings and rules: the default blue or the branding's colour.
    accent: Rgb,
    /// The branding's firm name and logo size, for the cover.
    branding: Option<&'m crate::dossier::Branding>,
    pages: Vec<Page>,
    /// The cursor: top of the next thing placed, from the top of the last page.
    y: f32,
    bookmarks: Vec<(String, usize)>,
    toc_slots: Vec<toc::TocSlot>,
    /// The page index of each chapter that follows the table of contents, in order.
    chapters_after_toc: Vec<usize>,
    is_after_toc: bool,
    /// The pictures drawn so far (plans' backgrounds).
    pictures: Vec<std::sync::Arc<crate::dossier::Picture>>,
    /// The structure elements opened so far, and those still open (innermost last).
    nodes: Vec<Node>,
    open: Vec<usize>,
    /// The links placed so far, each over its words.
    links: Vec<LinkArea>,
}

/// Lays out the blocks of a dossier, unbranded.
pub fn layout(blocks: &[Block], metrics: &Metrics) -> Layout {
    layout_for(blocks, metrics, None)
}

/// Lays out the blocks of a dossier, in the accent colour and with the branding of `meta`.
pub fn layout_for(
    blocks: &[Block],
    metrics: &Metrics,
    meta: Option<&crate::dossier::Meta>,
) -> Layout {
    let mut l = Layouter::new(metrics);
    if let Some(meta) = meta {
        l.accent = meta.accent();
        l.branding = meta.branding.as_ref();
    }
    let chapter_titles: Vec<String> = blocks
        .iter()
        .skip_while(|b| !matches!(b, Block::Toc { .. }))
        .filter_map(|b| match b {
            Block::Heading { level: 1, text } => Some(text.clone()),
            _ => None,
        })
        .collect();
    for (index, block) in blocks.iter().enumerate() {
        if let Block::PageBreak = block {
            // A section that asks for its own page starts on this one when its opening fits:
            // a plan's heading, its facts and its least height, after a chapter's introduction
            // or the end of the last plan's camera table, instead of leaving those alone.
            let opening = l.opening_height(&blocks[index + 1..]);
            l.ensure(opening);
            continue;
        }
        if let Block::Heading { level, .. } = block {
            // Keep a heading with the start of what follows it: down to its figure's least
            // height when a figure (a plan) opens its section, so a plan's facts never stay
            // alone at the foot of a page.
            let rest = &blocks[index + 1..];
            let keep = match l.figure_opening(rest) {
                Some(opening) => opening,
                None => rest.first().map_or(0.0, |next| l.start_height(next)),
            };
            if *level > 1 {
                l.ensure(keep + 30.0);
            }
        }
        l.tagged_block(block, &chapter_titles);
    }
    l.fill_toc();
    Layout {
        pages: l.pages,
        bookmarks: l.bookmarks,
        pictures: l.pictures,
        nodes: l.nodes,
        links: l.links,
    }
}

impl<'m> Layouter<'m> {
    /// An empty layout, the cursor at the top of the (not yet created) first page.
    fn new(metrics: &'m Metrics) -> Self {
        Layouter {
            metrics,
            accent: ACCENT,
            branding: None,
            pages: Vec::new(),
            y: TOP,
            bookmarks: Vec::new(),
            toc_slots: Vec::new(),
            chapters_after_toc: Vec::new(),
            is_after_toc: false,
            pictures: Vec::new(),
            nodes: Vec::new(),
            open: Vec::new(),
            links: Vec::new(),
        }
    }

    /// Opens a structure element inside the one open (the document when none is): what is
    /// drawn until `close` is its content, or its children's.
    fn open(&mut self, role: Role) -> usize {
        self.open_described(role, String::new())
    }

    /// Opens a structure element with its alternative text.
    fn open_described(&mut self, role: Role, alt: String) -> usize {
        let id = self.nodes.len();
        self.nodes.push(Node {
            role,
            parent: self.open.last().copied(),
            alt,
            lang: None,
        });
        self.reopen(id);
        id
    }

    /// Opens again an element opened before (a table cell continued on the next page).
    fn reopen(&mut self, id: usize) {
        self.page().items.push(Item::Begin(id));
        self.open.push(id);
    }

    /// Closes the element opened last.
    fn close(&mut self) {
        if self.open.pop().is_some() {
            self.page().items.push(Item::End);
        }
    }

    /// Lays out one block as the structure element(s) it is.
    fn tagged_block(&mut self, block: &Block, chapter_titles: &[String]) {
        let role = match block {
            Block::Heading { level, .. } => Some(Role::H(*level)),
            Block::Paragraph(_)
            | Block::Note(_)
            | Block::Callout { .. }
            | Block::Cover(_)
            | Block::Signatures(_) => Some(Role::P),
            Block::Plan(figure) => {
                let alt = format!("{}\n{}", figure.caption, figure.alt);
                self.open_described(Role::Figure, alt.trim().to_owned());
                self.block(block, chapter_titles);
                self.close();
                return;
            }
            Block::RiskMap(map) => {
                self.open_described(Role::Figure, risk_map::in_words(map));
                self.block(block, chapter_titles);
                self.close();
                return;
            }
            // Lists, tables and the contents tag their own parts.
            Block::Bullets(_)
            | Block::KeyValues(_)
            | Block::Table { .. }
            | Block::Toc { .. }
            | Block::PageBreak => None,
        };
        match role {
            Some(role) => {
                self.open(role);
                self.block(block, chapter_titles);
                self.close();
            }
            None => self.block(block, chapter_titles),
        }
    }

    /// Lays out one block at the cursor (`chapter_titles`: what the contents page lists).
    fn block(&mut self, block: &Block, chapter_titles: &[String]) {
        match block {
            Block::Cover(cover) => self.cover(cover),
            Block::Toc { title } => self.toc(title, chapter_titles),
            Block::Heading { level, text } => self.heading(*level, text),
            Block::Paragraph(text) => self.paragraph(text),
            Block::Note(text) => self.note(text),
            Block::Bullets(items) => self.bullets(items),
            Block::KeyValues(pairs) => {
                let rows: Vec<Vec<String>> = pairs
                    .iter()
                    .map(|(k, v)| vec![k.clone(), v.clone()])
                    .collect();
                self.grid(&[0.36, 0.64], None, &rows, GridStyle::key_values(), &[]);
            }
            Block::Table { columns, rows } => self.table(columns, rows),
            Block::Callout {
                tone,
                title,
                body,
                footer,
            } => self.callout(*tone, title, body, footer),
            Block::RiskMap(map) => self.risk_map(map),
            Block::Plan(figure) => self.plan_figure(figure),
            Block::Signatures(lines) => self.signatures(lines),
            Block::PageBreak => {
                if !self.is_page_fresh() {
                    self.new_page();
                }
            }
        }
    }

    /// The opening of a section whose figure comes before any other heading: its height down
    /// to the figure's least height; `None` when no figure opens it.
    fn figure_opening(&self, blocks: &[Block]) -> Option<f32> {
        let figure = blocks
            .iter()
            .take_while(|b| !matches!(b, Block::Heading { .. } | Block::PageBreak))
            .any(|b| matches!(b, Block::Plan(_) | Block::RiskMap(_)));
        figure.then(|| self.opening_height(blocks))
    }

    /// The height the start of `blocks` takes, down to and including the least height of its
    /// first figure (a plan, the risk map): what must fit for the section to start on this
    /// page. Unbounded when it fills more than a page.
    fn opening_height(&self, blocks: &[Block]) -> f32 {
        let mut scratch = Layouter::new(self.metrics);
        scratch.new_page();
        for block in blocks {
            match block {
                Block::Plan(_) | Block::RiskMap(_) => {
                    return scratch.y - TOP + self.start_height(block);
                }
                Block::Heading { level: 1, .. } | Block::PageBreak => break,
                _ => scratch.block(block, &[]),
            }
            if scratch.pages.len() > 1 {
                return f32::INFINITY;
            }
        }
        scratch.y - TOP
    }

    /// How much of a block must follow a heading on the same page.
    fn start_height(&self, block: &Block) -> f32 {
        match block {
            Block::RiskMap(map) => self.risk_map_height(map),
            Block::Plan(figure) => plan::start_height(figure),
            Block::Signatures(_) => signature::START_HEIGHT,
            Block::Callout { title, body, .. } => self.callout_start_height(title, body),
            Block::Table { .. } => 48.0,
            _ => 34.0,
        }
    }
}
