//! The windows beside the form, all offline from the knowledge base: « Legal references » (every
//! source with its citation, title, review date, verification tag and the rules that cite it),
//! a field's help (its question, explanation and sources, by F1 or the « ? » beside it) and the
//! search (Ctrl+F) over questions, findings and cameras, each result a click away from its field.

use crate::model::path;
use egui::RichText;

use super::action::Action;
use super::legal::{field_label, reference_ui, rule_book_ui, sources_ui};
use super::step::Step;
pub use super::windows::{ChangesView, ReferencesView, SearchView};
use super::windows::{FOCUSED_FIELD, HELP_REQUEST, LOCKER_REQUEST};
use super::{theme, GardefouApp};
use crate::i18n::{tr, tr_with};

impl GardefouApp {
    /// Draws the open windows.
    pub(super) fn panels_ui(&mut self, ctx: &egui::Context, actions: &mut Vec<Action>) {
        let request: Option<String> =
            ctx.data_mut(|d| d.remove_temp(egui::Id::unique(HELP_REQUEST)));
        if let Some(path) = request {
            self.state.help = Some(path);
        }
        let to_locker: Option<bool> =
            ctx.data_mut(|d| d.remove_temp(egui::Id::unique(LOCKER_REQUEST)));
        if to_locker == Some(true) {
            actions.push(Action::GoTo(
                Step::VideoSystem,
                Some(crate::model::path::EVIDENCE),
            ));
        }
        self.references_ui(ctx);
        self.help_ui(ctx, actions);
        self.search_ui(ctx, actions);
        self.review_ui(ctx, actions);
        self.changes_ui(ctx, actions);
        self.merge_ui(ctx, actions);
        self.contribution_ui(ctx, actions);
    }

    /// Computes the changes since the last validated version, for the window.
    pub(super) fn compute_changes(&self) -> Option<ChangesView> {
        let lang = self.lang();
        let version = self.session.assessment.history.versions.last()?;
        let old = self.session.latest_version()?;
        let diff = crate::model::diff::diff(&old, &self.session.assessment);
        let before = crate::rules::evaluate(&old, self.session.kb(), self.session.today()).findings;
        let after = &self.session.report().findings;
        let words = |f: &crate::rules::Finding| format!("{} — {}", f.rule_id, f.title.get(lang));
        let missing_from = |these: &[crate::rules::Finding], those: &[crate::rules::Finding]| {
            crate::rules::finding::only_in(these, those)
                .into_iter()
                .map(words)
                .collect::<Vec<_>>()
        };
        Some(ChangesView {
            version: version.number.clone(),
            appeared: missing_from(after, &before),
            disappeared: missing_from(&before, after),
            diff,
        })
    }

    /// The « changes since version N » window: answers by section (a click goes to the
    /// field), cameras added, removed and changed, findings that appeared or disappeared.
    fn changes_ui(&mut self, ctx: &egui::Context, actions: &mut Vec<Action>) {
        let lang = self.lang();
        let Some(view) = self.state.changes.take() else {
            return;
        };
        let kb = std::sync::Arc::clone(self.session.kb());
        let authors = self.session.assessment.history.clone();
        let mut is_open = true;
        let mut refresh = false;
        let title = tr_with(lang, "changes.title", &[("number", &view.version)]);
        egui::Window::new(title)
            .id(egui::Id::unique("gardefou.changes"))
            .default_pos(super::windows::beside_content(ctx))
            .open(&mut is_open)
            .default_size([620.0, 480.0])
            .show(ctx, |ui| {
                let muted = theme::palette(ui.ctx()).muted;
                if ui.button(tr(lang, "changes.refresh")).clicked() {
                    refresh = true;
                }
                let d = &view.diff;
                if d.is_empty() && view.appeared.is_empty() && view.disappeared.is_empty() {
                    ui.label(RichText::new(tr(lang, "changes.none")).color(muted));
                }
                egui::ScrollArea::vertical().show(ui, |ui| {
                    let mut section = String::new();
                    for change in &d.changes {
                        let step = Step::of_field(&change.path);
                        let title = step.map_or_else(|| "—".to_owned(), |s| s.title(lang));
                        if title != section {
                            section = title.clone();
                            ui.label(RichText::new(title).strong());
                        }
                        let text = tr_with(
                            lang,
                            "changes.line",
                            &[
                                ("field", &field_label(&kb, &change.path, lang)),
                                (
                                    "old",
                                    &crate::i18n::value_label(lang, &change.path, &change.old),
                                ),
                                (
                                    "new",
                                    &crate::i18n::value_label(lang, &change.path, &change.new),
                                ),
                            ],
                        );
                        // What the courts looked at — a capability's presence, state or unlock
                        // holder — stands out.
                        let is_capability = path::record_of(&change.path, &path::CAPABILITIES)
                            .is_some_and(|(_, rest)| {
                                ["presence", "state", "unlock_holder"]
                                    .iter()
                                    .any(|f| rest.ends_with(&format!(".{f}")))
                            });
                        let text = if is_capability {
                            RichText::new(format!("! {text}"))
                                .strong()
                                .color(theme::palette(ui.ctx()).warn)
                        } else {
                            RichText::new(text)
                        };
                        let clicked = ui
                            .horizontal_wrapped(|ui| {
                                let clicked = ui
                                    .add(egui::Link::new(text))
                                    .on_hover_text(&change.path)
                                    .clicked();
                                // Who made the change, when the saves recorded it.
                                if let Some(author) = authors.author_of(&change.path) {
                                    ui.label(
                                        RichText::new(super::merge_view::by_line(lang, author))
                                            .small()
                                            .color(muted),
                                    );
                                }
                                clicked
                            })
                            .inner;
                        if let Some(step) = step.filter(|_| clicked) {
                            actions.push(Action::GoTo(step, Some(change.path.clone().into())));
                        }
                    }
                    let cameras = [
                        ("changes.cameras_added", &d.cameras_added),
                        ("changes.cameras_removed", &d.cameras_removed),
                    ];
                    for (key, ids) in cameras {
                        if !ids.is_empty() {
                            ui.label(
                                RichText::new(crate::i18n::tr_count(lang, key, ids.len(), &[]))
                                    .strong(),
                            );
                            ui.label(ids.join(", "));
                        }
                    }
                    if !d.cameras_changed.is_empty() {
                        ui.label(
                            RichText::new(crate::i18n::tr_count(
                                lang,
                                "changes.cameras_changed",
                                d.cameras_changed.len(),
                                &[],
                            ))
                            .strong(),
                        );
                        for camera in d.cameras_changed.iter().take(200) {
                            ui.label(tr_with(
                                lang,
                                "changes.camera_line",
                                &[
                                    ("id", &camera.camera_id),
                                    ("fields", &camera.fields.join(", ")),
                                ],
                            ));
                        }
                    }
                    for (key, list) in [
                        ("changes.appeared", &view.appeared),
                        ("changes.disappeared", &view.disappeared),
                    ] {
                        if !list.is_empty() {
                            ui.label(RichText::new(tr(lang, key)).strong());
                            for line in list {
                                ui.label(line);
                            }
                        }
                    }
                });
            });
        if refresh {
            self.state.changes = self.compute_changes();
        } else if is_open && !ctx.input(|i| i.key_pressed(egui::Key::Escape)) {
            self.state.changes = Some(view);
        }
    }

    /// The « Review » window: comment the field being filled, the open comments (a click goes
    /// to the field, « Resolve »), the resolved ones (« Reopen »), and whether the full dossier
    /// prints them. Every change is an edit of the assessment, so undo takes it back.
    fn review_ui(&mut self, ctx: &egui::Context, actions: &mut Vec<Action>) {
        let lang = self.lang();
        let Some(mut text) = self.state.review.take() else {
            return;
        };
        let focused: Option<String> = ctx.data(|d| d.get_temp(egui::Id::unique(FOCUSED_FIELD)));
        let kb = std::sync::Arc::clone(self.session.kb());
        let label_of = |path: &str| field_label(&kb, path, lang);
        let mut is_open = true;
        let today = self.session.today();
        let author = self.settings.user_name.trim().to_owned();
        let history = &mut self.session.assessment.history;
        egui::Window::new(tr(lang, "review.title"))
            .id(egui::Id::unique("gardefou.review"))
            .default_pos(super::windows::beside_content(ctx))
            .open(&mut is_open)
            .default_size([520.0, 460.0])
            .show(ctx, |ui| {
                let muted = theme::palette(ui.ctx()).muted;
                match &focused {
                    Some(path) => ui.label(tr_with(
                        lang,
                        "review.on_field",
                        &[("field", &label_of(path))],
                    )),
                    None => ui.label(RichText::new(tr(lang, "review.no_field")).color(muted)),
                };
                let label = ui.label(tr(lang, "review.comment"));
                crate::ui::text_area::text_area_ui(ui, "review.comment", &mut text, 2, None)
                    .labelled_by(label.id);
                ui.horizontal(|ui| {
                    let can_add = focused.is_some() && !text.trim().is_empty();
                    if ui
                        .add_enabled(can_add, egui::Button::new(tr(lang, "review.add")))
                        .clicked()
                    {
                        if author.is_empty() {
                            actions.push(Action::Status(tr(lang, "circuit.no_name").to_owned()));
                        } else if let Some(path) = &focused {
                            history.comments.push(crate::model::history::Comment {
                                field: path.clone(),
                                author: author.clone(),
                                on: Some(today),
                                text: text.trim().to_owned(),
                                is_resolved: false,
                            });
                            text.clear();
                        }
                    }
                });
                ui.checkbox(&mut history.print_comments, tr(lang, "review.print"));
                ui.separator();
                let open = history.comments.iter().filter(|c| !c.is_resolved).count();
                ui.label(
                    RichText::new(crate::i18n::tr_count(lang, "review.open", open, &[])).strong(),
                );
                egui::ScrollArea::vertical().show(ui, |ui| {
                    for is_resolved in [false, true] {
                        if is_resolved && history.comments.iter().any(|c| c.is_resolved) {
                            ui.label(RichText::new(tr(lang, "review.resolved")).strong());
                        }
                        for comment in history
                            .comments
                            .iter_mut()
                            .filter(|c| c.is_resolved == is_resolved)
                        {
                            egui::Frame::group(ui.style()).show(ui, |ui| {
                                ui.set_width(ui.available_width());
                                ui.label(
                                    RichText::new(format!(
                                        "{} — {}, {}",
                                        label_of(&comment.field),
                                        comment.author,
                                        comment.on.map_or_else(String::new, |d| d.display(lang))
                                    ))
                                    .small()
                                    .color(muted),
                                );
                                ui.label(&comment.text);
                                ui.horizontal(|ui| {
                                    let step = Step::of_field(&comment.field);
                                    if let Some(step) =
                                        step.filter(|_| ui.button(tr(lang, "review.go")).clicked())
                                    {
                                        actions.push(Action::GoTo(
                                            step,
                                            Some(comment.field.clone().into()),
                                        ));
                                    }
                                    let toggle = if comment.is_resolved {
                                        "review.reopen"
                                    } else {
                                        "review.resolve"
                                    };
                                    if ui.button(tr(lang, toggle)).clicked() {
                                        comment.is_resolved = !comment.is_resolved;
                                    }
                                });
                            });
                        }
                    }
                });
            });
        if is_open {
            self.state.review = Some(text);
        }
    }

    fn references_ui(&mut self, ctx: &egui::Context) {
        let lang = self.lang();
        let Some(mut view) = self.state.references.take() else {
            return;
        };
        let kb = std::sync::Arc::clone(self.session.kb());
        let mut is_open = true;
        egui::Window::new(tr(lang, "ui.references"))
            .id(egui::Id::unique("gardefou.references"))
            .default_pos(super::windows::beside_content(ctx))
            .open(&mut is_open)
            .default_size([560.0, 520.0])
            .show(ctx, |ui| {
                ui.label(
                    RichText::new(tr(lang, "ui.references_intro"))
                        .color(theme::palette(ui.ctx()).muted),
                );
                ui.horizontal(|ui| {
                    ui.selectable_value(
                        &mut view.shows_rules,
                        false,
                        tr(lang, "ui.references_texts"),
                    );
                    ui.selectable_value(
                        &mut view.shows_rules,
                        true,
                        tr(lang, "ui.references_rules"),
                    );
                });
                ui.horizontal(|ui| {
                    let label = ui.label(tr(lang, "ui.catalogue_search"));
                    ui.add(egui::TextEdit::singleline(&mut view.filter).desired_width(300.0))
                        .labelled_by(label.id);
                });
                let needle = view.filter.trim().to_lowercase();
                if view.shows_rules {
                    egui::ScrollArea::vertical()
                        .show(ui, |ui| rule_book_ui(ui, &kb, lang, &needle));
                    return;
                }
                egui::ScrollArea::vertical().show(ui, |ui| {
                    for reference in kb.legal_refs.values() {
                        let is_selected = view.selected.as_ref() == Some(&reference.id);
                        let matches = needle.is_empty()
                            || [
                                reference.id.as_str(),
                                reference.citation.as_str(),
                                reference.title.get(lang),
                            ]
                            .iter()
                            .any(|t| t.to_lowercase().contains(&needle));
                        if !matches && !is_selected {
                            continue;
                        }
                        let response = reference_ui(ui, &kb, reference, lang, is_selected);
                        if is_selected && view.should_scroll {
                            response.scroll_to_me(Some(egui::Align::TOP));
                        }
                    }
                });
            });
        view.should_scroll = false;
        if is_open {
            self.state.references = Some(view);
        }
    }

    fn help_ui(&mut self, ctx: &egui::Context, actions: &mut Vec<Action>) {
        let lang = self.lang();
        let Some(path) = self.state.help.clone() else {
            return;
        };
        let kb = std::sync::Arc::clone(self.session.kb());
        let question = kb.help(&path);
        let mut is_open = true;
        egui::Window::new(tr(lang, "ui.help"))
            .id(egui::Id::unique("gardefou.help"))
            .default_pos(super::windows::beside_content(ctx))
            .open(&mut is_open)
            .default_width(460.0)
            .show(ctx, |ui| match question {
                Some(q) => {
                    ui.label(RichText::new(q.question.get(lang)).strong().size(15.0));
                    ui.add_space(4.0);
                    ui.label(q.help.get(lang));
                    if !q.sources.is_empty() {
                        ui.add_space(6.0);
                        sources_ui(ui, &kb, q.sources, lang, actions);
                    }
                    ui.add_space(6.0);
                    if let Some(step) = Step::of_field(&path) {
                        if ui.button(tr(lang, "ui.help_go_to_field")).clicked() {
                            actions.push(Action::GoTo(step, Some(path.clone().into())));
                        }
                    }
                }
                None => {
                    ui.label(tr(lang, "ui.help_none"));
                    ui.label(
                        RichText::new(tr(lang, "ui.help_keys"))
                            .color(theme::palette(ui.ctx()).muted),
                    );
                }
            });
        if !is_open || ctx.input(|i| i.key_pressed(egui::Key::Escape)) {
            self.state.help = None;
        }
    }
}
