//! The side windows' own state — the legal references (selection, filter), the search (its
//! text), the « changes since version N » (computed once) — and the keys of egui's temporary data
//! through which a field asks for its help, records its keyboard focus or opens the evidence
//! locker. A leaf: the windows are drawn by `panels`, the fields by `widgets`.

use crate::model::LegalRefId;

/// The references window: which entry is selected, and the filter typed.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct ReferencesView {
    /// The entry a finding or a help pointed at.
    pub selected: Option<LegalRefId>,
    /// Scroll to the selected entry on the next frame.
    pub should_scroll: bool,
    /// Only entries whose citation, title or id contain this.
    pub filter: String,
    /// Shows the rule book (every rule of the engine) in place of the legal texts.
    pub shows_rules: bool,
}

/// The search window's text and its last results.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct SearchView {
    /// What is searched.
    pub text: String,
    /// Give the text box the keyboard focus on the next frame.
    pub should_focus: bool,
    /// The results for a text, an evaluation of the assessment (`Session::revision`) and a
    /// language: searched again only when one of them changes, not at every frame.
    pub results: Option<((String, u64, crate::i18n::Lang), Vec<SearchHit>)>,
}

/// One result of the search window: what it says, and the step and field it goes to.
#[derive(Clone, Debug, PartialEq)]
pub struct SearchHit {
    /// The line shown.
    pub text: String,
    /// The step it opens.
    pub step: super::step::Step,
    /// The field it goes to.
    pub field: Option<crate::model::path::FieldPath>,
}

/// Where a field asks for its help, and where the focused field is recorded, between the form
/// and the app (the form's widgets only see the step context).
pub const HELP_REQUEST: &str = "gardefou.help_request";
/// See [`HELP_REQUEST`].
pub const FOCUSED_FIELD: &str = "gardefou.focused_field";
/// An evidence picker asks to show the evidence locker.
pub const LOCKER_REQUEST: &str = "gardefou.locker_request";

/// The « changes since version N » window's content, computed once when it opens (and on
/// « Refresh »), so drawing it costs nothing.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct ChangesView {
    /// The version compared with the current content.
    pub version: String,
    /// What changed.
    pub diff: crate::model::diff::Diff,
    /// Findings that appeared since (id — title).
    pub appeared: Vec<String>,
    /// Findings that disappeared since.
    pub disappeared: Vec<String>,
}

/// Where « go to the field » last landed: the path of the widget that was brought into view
/// (egui temporary data, read by the tests that every path a finding names lands somewhere).
pub const LANDED_FIELD: &str = "gardefou.landed_field";

/// Notes that the view was brought to the widget of `path` ([`LANDED_FIELD`]).
pub fn note_landed(ctx: &egui::Context, path: &str) {
    ctx.data_mut(|d| d.insert_temp(egui::Id::unique(LANDED_FIELD), path.to_owned()));
}

/// Where « go to the field » last landed, if anywhere.
pub fn landed(ctx: &egui::Context) -> Option<String> {
    ctx.data(|d| d.get_temp::<String>(egui::Id::unique(LANDED_FIELD)))
}

/// Where the form was drawn this frame (egui temporary data): the side windows open over it,
/// never over the top bar or the step list ([`beside_content`]).
const CONTENT_RECT: &str = "gardefou.content_rect";

/// Notes where the form (the central panel) is, for [`beside_content`].
pub fn note_content(ctx: &egui::Context, rect: egui::Rect) {
    ctx.data_mut(|d| d.insert_temp(egui::Id::unique(CONTENT_RECT), rect));
}

/// Where a side window (help, search, review, changes, legal texts) first opens: inside the
/// form's area, a little in from its top-left corner, so it covers neither the top bar nor the
/// step list (a window the user moved stays where it was put).
pub fn beside_content(ctx: &egui::Context) -> egui::Pos2 {
    let content: Option<egui::Rect> = ctx.data(|d| d.get_temp(egui::Id::unique(CONTENT_RECT)));
    content.map_or(egui::pos2(270.0, 70.0), |rect| {
        rect.left_top() + egui::vec2(16.0, 12.0)
    })
}
