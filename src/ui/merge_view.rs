//! The merge window (« Fusionner une copie… »): the path of a copy edited elsewhere, compared
//! with the assessment through their common ancestor; what is taken from each side; each
//! conflict side by side — the ancestor's value, mine, theirs — with the side to keep, or « all
//! mine » / « all theirs »; « Merge » makes the result the assessment, as an edit Ctrl+Z takes
//! back. The copy itself is never written.

use egui::RichText;

use super::action::Action;
use super::file_dialog::DialogPurpose;
use super::legal::field_name;
use super::state::MergeForm;
use super::{theme, GardefouApp};
use crate::i18n::{tr, tr_count, tr_with};
use crate::model::merge::Side;
use crate::session::merge::MergeBase;

/// The height of one conflict's row.
const ROW_HEIGHT: f32 = 44.0;

impl GardefouApp {
    /// Reads the copy at `path` and compares it with the assessment, for the window.
    pub(super) fn prepare_merge(&mut self, path: &std::path::Path) {
        let lang = self.lang();
        match self.session.prepare_merge(path) {
            Ok(prepared) => {
                if let Some(form) = self.state.merge.as_mut() {
                    form.choices.clear();
                    form.prepared = Some(prepared);
                }
            }
            Err(error) => {
                let message = match &error {
                    crate::session::merge::MergeFailure::Read(load) => {
                        crate::messages::load_error(load, lang)
                    }
                    other => tr_with(lang, "merge.failed", &[("reason", &other.to_string())]),
                };
                self.set_status(message, true);
            }
        }
    }

    /// Merges the copy compared, as chosen, and closes the window.
    pub(super) fn apply_merge(&mut self) {
        let lang = self.lang();
        let Some(form) = self.state.merge.take() else {
            return;
        };
        let Some(prepared) = form.prepared.as_ref() else {
            self.state.merge = Some(form);
            return;
        };
        match self.session.apply_merge(prepared, &form.choices) {
            Ok(()) => {
                let message = tr_count(
                    lang,
                    "merge.done",
                    prepared.conflicts.len(),
                    &[("path", &prepared.path.display().to_string())],
                );
                self.set_status(message, false);
            }
            Err(error) => {
                let message = tr_with(lang, "merge.failed", &[("reason", &error.to_string())]);
                self.set_status(message, true);
                self.state.merge = Some(form);
            }
        }
    }

    /// Draws the window while it is open.
    pub(super) fn merge_ui(&mut self, ctx: &egui::Context, actions: &mut Vec<Action>) {
        let Some(mut form) = self.state.merge.take() else {
            return;
        };
        let lang = self.lang();
        let kb = std::sync::Arc::clone(self.session.kb());
        let mut is_open = true;
        egui::Window::new(tr(lang, "merge.title"))
            .id(egui::Id::unique("gardefou.merge"))
            .default_pos(super::windows::beside_content(ctx))
            .open(&mut is_open)
            .default_size([680.0, 520.0])
            .show(ctx, |ui| {
                ui.label(RichText::new(tr(lang, "merge.intro")).small());
                ui.horizontal_wrapped(|ui| {
                    let label = ui.label(tr(lang, "merge.copy"));
                    ui.add(egui::TextEdit::singleline(&mut form.path).desired_width(320.0))
                        .labelled_by(label.id);
                    if ui.button(tr(lang, "ui.browse")).clicked() {
                        actions.push(Action::Browse(DialogPurpose::MergeCopy));
                    }
                    let path = form.path.trim();
                    if ui
                        .add_enabled(
                            !path.is_empty(),
                            egui::Button::new(tr(lang, "merge.compare")),
                        )
                        .clicked()
                    {
                        actions.push(Action::PrepareMerge(std::path::PathBuf::from(path)));
                    }
                });
                if form.prepared.is_some() {
                    ui.separator();
                    let mine = &self.session.assessment.history;
                    prepared_ui(ui, &kb, lang, mine, &mut form, actions);
                }
            });
        if is_open {
            self.state.merge = Some(form);
        }
    }
}

/// What the comparison found, the conflicts and the buttons.
fn prepared_ui(
    ui: &mut egui::Ui,
    kb: &crate::knowledge::KnowledgeBase,
    lang: crate::i18n::Lang,
    mine: &crate::model::history::History,
    form: &mut MergeForm,
    actions: &mut Vec<Action>,
) {
    let Some(prepared) = form.prepared.as_ref() else {
        return;
    };
    let base = match &prepared.base_source {
        MergeBase::Version(number) => tr_with(lang, "merge.base_version", &[("number", number)]),
        MergeBase::Contribution(request) => contribution_line(kb, lang, request),
        MergeBase::None => tr(lang, "merge.base_none").to_owned(),
    };
    ui.label(base);
    if !prepared.protected.is_empty() {
        // What the contributor changed outside the parts asked: named, left as mine.
        let names: Vec<String> = prepared
            .protected
            .iter()
            .take(12)
            .map(|p| field_name(kb, p, lang))
            .collect();
        let more = prepared.protected.len().saturating_sub(names.len());
        let mut text = names.join(" · ");
        if more > 0 {
            text.push_str(&tr_with(
                lang,
                "merge.protected_more",
                &[("count", &more.to_string())],
            ));
        }
        ui.label(
            RichText::new(tr_count(
                lang,
                "merge.protected",
                prepared.protected.len(),
                &[("fields", &text)],
            ))
            .color(theme::palette(ui.ctx()).muted),
        );
    }
    ui.label(tr_with(
        lang,
        "merge.taken",
        &[
            ("mine", &prepared.from_mine.to_string()),
            ("theirs", &prepared.from_theirs.to_string()),
        ],
    ));
    let conflicts = prepared.conflicts.clone();
    let has_base = prepared.base.is_some();
    let theirs = prepared.theirs.history.clone();
    if conflicts.is_empty() {
        ui.label(tr(lang, "merge.no_conflict"));
    } else {
        ui.label(
            RichText::new(tr_count(lang, "merge.conflicts", conflicts.len(), &[]))
                .strong()
                .color(theme::palette(ui.ctx()).warn),
        );
        ui.horizontal(|ui| {
            if ui.button(tr(lang, "merge.all_mine")).clicked() {
                for c in &conflicts {
                    form.choices.insert(c.path.clone(), Side::Mine);
                }
            }
            if ui.button(tr(lang, "merge.all_theirs")).clicked() {
                for c in &conflicts {
                    form.choices.insert(c.path.clone(), Side::Theirs);
                }
            }
        });
        let height = (ui.available_height() - 40.0).max(ROW_HEIGHT * 3.0);
        // Only the rows on screen are laid out: a thousand conflicts draw as fast as ten.
        egui::ScrollArea::vertical()
            .max_height(height)
            .auto_shrink([false, true])
            .show_rows(ui, ROW_HEIGHT, conflicts.len(), |ui, rows| {
                for index in rows {
                    let conflict = &conflicts[index];
                    let authors = (
                        mine.author_of(&conflict.path),
                        theirs.author_of(&conflict.path),
                    );
                    let row = Row {
                        conflict,
                        has_base,
                        authors,
                    };
                    conflict_row_ui(ui, kb, lang, &row, &mut form.choices);
                }
            });
    }
    ui.separator();
    ui.horizontal(|ui| {
        if ui
            .button(RichText::new(tr(lang, "merge.apply")).strong())
            .on_hover_text(tr(lang, "merge.apply_help"))
            .clicked()
        {
            actions.push(Action::ApplyMerge);
        }
    });
}

/// What one conflict's line shows.
struct Row<'r> {
    conflict: &'r crate::model::merge::Conflict,
    /// A common ancestor is known (its value is shown).
    has_base: bool,
    /// Who last changed the answer on my side and on theirs, when recorded.
    authors: (
        Option<&'r crate::model::history::Authorship>,
        Option<&'r crate::model::history::Authorship>,
    ),
}

/// « Copie de contribution de X (inventaire, système), demandée le … : ses changements sont
/// repris dans ces parties seulement. »
pub(super) fn contribution_line(
    kb: &crate::knowledge::KnowledgeBase,
    lang: crate::i18n::Lang,
    request: &crate::model::Contribution,
) -> String {
    let parts: Vec<String> = request
        .parts
        .iter()
        .map(|p| crate::documents::part_name(kb, lang, *p))
        .collect();
    let on = request
        .asked_on
        .map(|d| d.display(lang))
        .unwrap_or_default();
    tr_with(
        lang,
        "merge.base_contribution",
        &[
            ("contributor", &request.contributor),
            ("parts", &parts.join(", ")),
            ("on", &on),
        ],
    )
}

/// One conflict: the field, the ancestor's value (when there is an ancestor), mine and theirs
/// with who changed them, the side kept.
fn conflict_row_ui(
    ui: &mut egui::Ui,
    kb: &crate::knowledge::KnowledgeBase,
    lang: crate::i18n::Lang,
    row: &Row,
    choices: &mut std::collections::HashMap<String, Side>,
) {
    let (conflict, has_base) = (row.conflict, row.has_base);
    let muted = theme::palette(ui.ctx()).muted;
    ui.push_id(&conflict.path, |ui| {
        ui.set_min_height(ROW_HEIGHT - 4.0);
        ui.horizontal(|ui| {
            ui.label(RichText::new(field_name(kb, &conflict.path, lang)).strong())
                .on_hover_text(&conflict.path);
            if !has_base {
                return;
            }
            ui.label(
                RichText::new(tr_with(
                    lang,
                    "merge.base_value",
                    &[(
                        "value",
                        &conflict.base.as_ref().map_or_else(
                            || tr(lang, "merge.absent_before").to_owned(),
                            |v| shown(lang, Some(v)),
                        ),
                    )],
                ))
                .small()
                .color(muted),
            );
        });
        ui.horizontal(|ui| {
            let mut side = choices.get(&conflict.path).copied().unwrap_or(Side::Mine);
            let with_author =
                |text: String, author: Option<&crate::model::history::Authorship>| match author {
                    Some(author) => format!("{text} {}", by_line(lang, author)),
                    None => text,
                };
            let mine = with_author(
                tr_with(
                    lang,
                    "merge.mine",
                    &[("value", &shown(lang, conflict.mine.as_ref()))],
                ),
                row.authors.0,
            );
            let theirs = with_author(
                tr_with(
                    lang,
                    "merge.theirs",
                    &[("value", &shown(lang, conflict.theirs.as_ref()))],
                ),
                row.authors.1,
            );
            let a = ui.radio_value(&mut side, Side::Mine, mine);
            let b = ui.radio_value(&mut side, Side::Theirs, theirs);
            if a.changed() || b.changed() {
                choices.insert(conflict.path.clone(), side);
            }
        });
    });
}

/// « — Claire Vasseur, 03/12/2026 »: who last changed an answer, and when.
pub(super) fn by_line(
    lang: crate::i18n::Lang,
    author: &crate::model::history::Authorship,
) -> String {
    let on = author.on.map(|d| d.display(lang)).unwrap_or_default();
    tr_with(lang, "merge.by", &[("by", &author.by), ("on", &on)])
}

/// A value as the window shows it: text as typed, absent as « removed », long values cut.
fn shown(lang: crate::i18n::Lang, value: Option<&serde_json::Value>) -> String {
    let text = match value {
        None => return tr(lang, "merge.absent").to_owned(),
        Some(serde_json::Value::String(text)) => text.clone(),
        Some(serde_json::Value::Null) => tr(lang, "merge.empty").to_owned(),
        Some(other) => other.to_string(),
    };
    if text.chars().count() > 48 {
        let cut: String = text.chars().take(47).collect();
        format!("{cut}…")
    } else {
        text
    }
}
