//! What every field widget needs, and nothing of any step's own state: the language, the
//! knowledge base, the engine's report, the highlighted field, the actions to apply after the
//! frame, today and the evidence locker's documents. A step's own state travels beside it in
//! `steps::StepCtx`, which hands this on (`Deref`), so widgets never see the inventory, the plan
//! editor or the review circuit.

use crate::i18n::{tr, Lang};
use crate::knowledge::KnowledgeBase;
use crate::rules::Report;
use crate::ui::action::Action;

/// The widgets' context for one frame.
pub struct Ctx<'a> {
    /// UI language.
    pub lang: Lang,
    /// The knowledge base.
    pub kb: &'a KnowledgeBase,
    /// The engine's report on the current assessment.
    pub report: &'a Report,
    /// The field a finding pointed at, if any.
    pub highlight: Option<&'a str>,
    /// The field whose help is shown under it (the last one a finding went to).
    pub explained: Option<&'a str>,
    /// Scroll to the highlighted field this frame.
    pub should_scroll: bool,
    /// Structural edits and commands, applied after the frame.
    pub actions: &'a mut Vec<Action>,
    /// Today, for the date fields' calendar.
    pub today: crate::model::Date,
    /// The documents of the evidence locker, as the evidence pickers list them: id and words.
    pub evidence_choices: &'a [(crate::model::EvidenceId, String)],
}

impl Ctx<'_> {
    /// A UI string.
    pub fn t(&self, key: &str) -> String {
        tr(self.lang, key).to_owned()
    }

    /// A field's label (`templates/fields.ron`).
    pub fn label(&self, path: &str) -> String {
        self.kb.field_label(path, self.lang)
    }

    /// A UI string with `{name}` placeholders filled.
    pub fn tw(&self, key: &str, values: &[(&str, &str)]) -> String {
        crate::i18n::tr_with(self.lang, key, values)
    }

    /// Brings `response` into view when it shows the highlighted field (or contains it) on the
    /// frame « go to the field » asked for, and notes where it landed
    /// ([`crate::ui::windows::LANDED_FIELD`], what a test reads).
    pub fn land_on(&self, response: &egui::Response, path: &str, align: egui::Align) {
        if self.should_scroll && self.is_highlighted(path) {
            response.scroll_to_me(Some(align));
            crate::ui::windows::note_landed(&response.ctx, path);
        }
    }

    /// True when `path` is the highlighted field or contains it.
    pub fn is_highlighted(&self, path: &str) -> bool {
        self.highlight.is_some_and(|h| is_within(h, path))
    }

    /// True when `path` is the field whose help stays shown, or contains it.
    pub fn is_explained(&self, path: &str) -> bool {
        self.explained.is_some_and(|e| is_within(e, path))
    }
}

/// True when `field` is `path` or lies inside it.
fn is_within(field: &str, path: &str) -> bool {
    field == path
        || field.starts_with(&format!("{path}."))
        || field.starts_with(&format!("{path}["))
}
