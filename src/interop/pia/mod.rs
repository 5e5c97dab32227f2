//! The CNIL PIA tool's JSON export (`{ pia, answers, measures, evaluations, comments }`), in and
//! out. Import maps every piece it can into the assessment, keeps the rest, visibly, in
//! `project.imported_notes`, and keeps the file itself (`project.imported_pia`); malformed
//! references give warnings, never an abort. Export (`export`) writes a file the CNIL tool imports
//! and reads as complete, with the video-specific content inside paragraphs marked
//! « [Garde-fou] », which a later import leaves out; for an imported assessment, `merge` gives
//! back every part of the original the user has not changed. Import → export → import gives the
//! same assessment, and import → export gives back the original's answers, evaluations, measures
//! and comments.
//!
//! Mapping: 111 → processing.description · 112, 113 → imported notes (written from the actors
//! and the cited texts) · 121 → data categories · 122 → lifecycle · 123 → supporting assets ·
//! 211-227 → the answers of the same CNIL number · 3.2/3.3/3.4 (x1 impacts, x2 threats, x3
//! sources, x4 measures, x5 severity, x6 likelihood) → the three feared events · measures →
//! measures `PIA-<id>` · evaluations: 2.1.x/2.2.x → answer evaluation and comment, 3.2-3.4 gauges
//! → residual levels, `3.1.<id>` « improvable » with an action plan → planned measure with owner
//! and deadline · pia.* → cover, opinions (people consulted and their stance), status · a
//! comment starting « [Garde-fou] » → the imported notes, verbatim.

use super::html;

mod export;
mod import;
mod merge;

use crate::knowledge::KnowledgeBase;
use crate::model::{Assessment, FearedEvent, MeasureId, QuestionId};
pub use export::export;
pub use import::import;

/// Marks paragraphs Garde-fou adds on export; an import leaves them out.
pub const MARK: &str = "[Garde-fou]";

/// The `reference_to` under which Garde-fou's notes travelled before they were attached to
/// question 1.1.1 (still read).
pub const NOTES_REFERENCE: &str = "garde-fou-notes";

/// Largest PIA file read.
pub const MAX_PIA_BYTES: usize = 32 * 1024 * 1024;

/// Why a file is not a PIA export.
#[derive(Debug, thiserror::Error, PartialEq, Eq)]
pub enum PiaError {
    /// Not JSON; the parser's message.
    #[error("not JSON: {0}")]
    NotJson(String),
    /// JSON, but an array: the server edition's export.
    #[error("this is an export of the PIA server edition (a list of PIAs), which Garde-fou does not read; export the PIA from the desktop or web tool instead")]
    ServerEdition,
    /// JSON without the `pia` object.
    #[error("not a CNIL PIA export: there is no « pia » object")]
    NotPia,
    /// Over the size cap ([`MAX_PIA_BYTES`]); the file's size in bytes.
    #[error("the file is {0} bytes, over the {MAX_PIA_BYTES} bytes a PIA export may have")]
    TooLarge(usize),
}

/// Something of the PIA export that could not be mapped cleanly (shown to the user through
/// `messages::pia_warning`).
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum PiaWarning {
    /// A key of the `pia` object Garde-fou does not know, ignored.
    UnknownKey(String),
    /// A measure without an id, kept in the notes.
    MeasureWithoutId,
    /// An answer without a question reference, kept in the notes.
    AnswerWithoutQuestion,
    /// An answer to a question the format does not have, kept in the notes.
    UnknownQuestion(String),
    /// A risk links a measure that is not among the measures.
    UnknownRiskMeasure {
        /// The risk's reference.
        risk: String,
        /// The measure's title.
        title: String,
    },
    /// An evaluation whose reference does not parse, skipped.
    MalformedEvaluation(String),
    /// An evaluation of a question the format does not have, skipped.
    UnknownEvaluationQuestion(String),
    /// An evaluation of a measure that is not among the measures, skipped.
    UnknownEvaluationMeasure(String),
}

/// The assessment read, and what could not be mapped cleanly.
#[derive(Clone, Debug, PartialEq)]
pub struct Imported {
    /// The assessment built from the export; what has no place in the model is kept in
    /// `project.imported_notes`.
    pub assessment: Assessment,
    /// Warnings (malformed references, unknown keys), for the user.
    pub warnings: Vec<PiaWarning>,
}

const EVENTS: [(u16, FearedEvent, &str); 3] = [
    (32, FearedEvent::IllegitimateAccess, "RISK-ACCESS"),
    (33, FearedEvent::UnwantedModification, "RISK-MODIFICATION"),
    (34, FearedEvent::Disappearance, "RISK-DISAPPEARANCE"),
];

/// The CNIL question number of one of our questions.
fn cnil_ref(kb: &KnowledgeBase, id: &QuestionId) -> Option<u16> {
    kb.question(id).and_then(|q| q.cnil_ref)
}

/// The PIA id of a measure imported from the tool (`PIA-12` → 12).
fn pia_measure_id(id: &MeasureId) -> Option<i64> {
    id.as_str().strip_prefix("PIA-")?.parse().ok()
}

/// The first id above every id a measure has in the assessment or in the original file: where
/// the measures Garde-fou adds are numbered, so they never take an imported one's id.
fn next_free_measure_id(a: &Assessment) -> i64 {
    let own = a
        .measures
        .iter()
        .filter_map(|m| pia_measure_id(&m.measure_id));
    let original: Vec<i64> = merge::original(a)
        .map(|o| merge::measure_ids(&o).collect())
        .unwrap_or_default();
    own.chain(original).max().unwrap_or(0).max(0) + 1
}

/// HTML of an answer: the user's text, then Garde-fou's marked paragraphs.
fn with_marked(own: &str, added: &[String]) -> String {
    let mut text = own.to_owned();
    for paragraph in added.iter().filter(|p| !p.trim().is_empty()) {
        push_paragraph(&mut text, &format!("{MARK} {paragraph}"));
    }
    html::from_text(&text)
}

/// Appends `paragraph` to an answer's HTML, as a paragraph of its own.
fn push_paragraph(target: &mut String, paragraph: &str) {
    if paragraph.trim().is_empty() {
        return;
    }
    if !target.is_empty() {
        target.push_str("\n\n");
    }
    target.push_str(paragraph);
}
