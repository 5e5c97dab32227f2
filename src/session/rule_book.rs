//! The rule book as a file: Markdown, HTML, plain text or PDF by the output's extension (Markdown
//! without one), for `gardefou rules`.

use crate::documents::rule_book::rule_book;
use crate::knowledge::KnowledgeBase;
use crate::model::{Date, Lang};

/// The rule book in the form `extension` names (`md`, `html`/`htm`, `txt`, `pdf`; anything else
/// is Markdown); the error is the PDF renderer's.
pub fn rule_book_bytes(
    kb: &KnowledgeBase,
    lang: Lang,
    today: Date,
    extension: &str,
) -> Result<Vec<u8>, String> {
    let book = rule_book(kb, lang, today);
    Ok(match extension {
        "html" | "htm" => crate::dossier::web::page(&book).into_bytes(),
        "txt" => crate::dossier::text::plain_text(&book).into_bytes(),
        "pdf" => crate::pdf::render(&book).map_err(|e| e.to_string())?,
        _ => crate::dossier::markup::markdown(&book).into_bytes(),
    })
}
