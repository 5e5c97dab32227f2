//! Editable documents: the dossier model (`dossier::Dossier`) written as a Word document (DOCX,
//! Office Open XML) or an OpenDocument text (ODT, ODF 1.3) — the same blocks the PDF draws, in
//! the same order, so the three formats never say different things. Headings use the word
//! processor's own heading styles (its contents and navigation pane work), table header rows
//! repeat on every page, the draft watermark, running header and « page X / Y » footer are
//! there, and the document properties (title, author, subject, keywords) are set. Pure: bytes in
//! memory, no IO.
//!
//! - `docx` — the WordprocessingML package (`styles`, `body` the document part);
//! - `odt` — the OpenDocument package (`styles`, `body` the content part);
//! - `risk_grid` — the risk map as a coloured 4×4 table, shared by both;
//! - `plan_picture` — a site plan drawn as a PNG picture, shared by both;
//! - `xml`, `package` — the XML writer and the zip container.

mod background;
pub mod docx;
pub mod odt;
mod package;
pub mod plan_picture;
mod risk_grid;
mod xml;

use crate::dossier::{Block, Dossier, Meta};

/// Why a document could not be written.
#[derive(Debug, thiserror::Error)]
pub enum OfficeError {
    /// The zip container could not be written (out of memory, a bug).
    #[error("cannot write the document package: {0}")]
    Package(String),
}

/// The chapters (level-1 headings) after the table of contents: the entries of the contents the
/// word processor shows until it recomputes them with page numbers.
fn chapters(blocks: &[Block]) -> Vec<&str> {
    blocks
        .iter()
        .skip_while(|b| !matches!(b, Block::Toc { .. }))
        .filter_map(|b| match b {
            Block::Heading { level: 1, text } => Some(text.as_str()),
            _ => None,
        })
        .collect()
}

/// A piece of the footer's page label: text, the page number or the page count.
#[derive(Debug, PartialEq)]
enum PagePart<'a> {
    Text(&'a str),
    Number,
    Count,
}

/// The footer's « page {n} / {total} » split around its two fields.
fn page_label_parts(meta: &Meta) -> Vec<PagePart<'_>> {
    let mut parts = Vec::new();
    let mut rest = meta.page_label.as_str();
    while !rest.is_empty() {
        let next = [("{n}", PagePart::Number), ("{total}", PagePart::Count)]
            .into_iter()
            .filter_map(|(mark, part)| rest.find(mark).map(|at| (at, mark, part)))
            .min_by_key(|(at, _, _)| *at);
        match next {
            Some((at, mark, part)) => {
                if at > 0 {
                    parts.push(PagePart::Text(&rest[..at]));
                }
                parts.push(part);
                rest = &rest[at + mark.len()..];
            }
            None => {
                parts.push(PagePart::Text(rest));
                rest = "";
            }
        }
    }
    parts
}

/// The language tag of the document properties.
fn language_tag(meta: &Meta) -> &'static str {
    match meta.lang {
        crate::model::Lang::Fr => "fr-FR",
        crate::model::Lang::En => "en-GB",
    }
}

/// True when the block after `index` is a chapter heading, which starts its own page: an
/// explicit page break before it would leave a blank page.
fn next_starts_page(blocks: &[Block], index: usize) -> bool {
    matches!(
        blocks.get(index + 1),
        Some(Block::Heading { level: 1, .. } | Block::Toc { .. }) | None
    )
}

/// Each plan figure of `dossier`, in order, drawn as a picture (`None` where one could not be
/// drawn: the document then gives the caption alone). The plans are drawn on every core.
pub(crate) fn plan_pictures(dossier: &Dossier) -> Vec<Option<plan_picture::PlanPicture>> {
    let figures: Vec<&crate::dossier::PlanFigure> = dossier
        .blocks
        .iter()
        .filter_map(|block| match block {
            Block::Plan(figure) => Some(figure),
            _ => None,
        })
        .collect();
    let threads = std::thread::available_parallelism()
        .map_or(1, std::num::NonZeroUsize::get)
        .clamp(1, figures.len().max(1));
    // Each thread takes the next plan not yet drawn, so a heavy plan does not hold back the
    // ones queued behind it.
    let next = std::sync::atomic::AtomicUsize::new(0);
    let draw = || {
        let mut drawn = Vec::new();
        loop {
            let index = next.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
            let Some(figure) = figures.get(index) else {
                return drawn;
            };
            drawn.push((index, plan_picture::render(figure)));
        }
    };
    let mut pictures: Vec<Option<plan_picture::PlanPicture>> = vec![None; figures.len()];
    std::thread::scope(|scope| {
        let helpers: Vec<_> = (1..threads).map(|_| scope.spawn(draw)).collect();
        let own = draw();
        // A drawing that failed leaves its plan without a picture, never shifts the others.
        let helped = helpers
            .into_iter()
            .flat_map(|helper| helper.join().unwrap_or_default());
        for (index, picture) in own.into_iter().chain(helped) {
            if let Some(slot) = pictures.get_mut(index) {
                *slot = picture;
            }
        }
    });
    pictures
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_page_label_splits_around_its_fields() {
        let meta = Meta {
            lang: crate::model::Lang::Fr,
            title: String::new(),
            organisation: String::new(),
            author: String::new(),
            subject: String::new(),
            keywords: Vec::new(),
            version: String::new(),
            date: crate::model::Date::from_ymd(2026, 1, 1).expect("a valid date"),
            watermark: None,
            footer: String::new(),
            page_label: "page {n} / {total}".to_owned(),
            branding: None,
        };
        assert_eq!(
            page_label_parts(&meta),
            vec![
                PagePart::Text("page "),
                PagePart::Number,
                PagePart::Text(" / "),
                PagePart::Count
            ]
        );
    }
}
