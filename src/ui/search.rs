//! The search window (Ctrl+F): the questions and their help, the findings, the cameras, the
//! capabilities, the risks and measures, and any text typed in a field; a click goes to it.

use egui::RichText;

use super::action::Action;
use super::step::Step;
use super::windows::SearchHit;
use super::{theme, GardefouApp};
use crate::i18n::{tr, tr_with, Lang};
use crate::model::path;

impl GardefouApp {
    pub(super) fn search_ui(&mut self, ctx: &egui::Context, actions: &mut Vec<Action>) {
        let lang = self.lang();
        let Some(mut view) = self.state.search.take() else {
            return;
        };
        let mut is_open = true;
        let mut chosen = false;
        egui::Window::new(tr(lang, "ui.search"))
            .id(egui::Id::unique("gardefou.search"))
            .default_pos(super::windows::beside_content(ctx))
            .open(&mut is_open)
            .default_size([520.0, 420.0])
            .show(ctx, |ui| {
                let response = ui.horizontal(|ui| {
                    let label = ui.label(tr(lang, "ui.search_label"));
                    ui.add(
                        egui::TextEdit::singleline(&mut view.text)
                            .hint_text(tr(lang, "ui.search_hint"))
                            .desired_width(340.0),
                    )
                    .labelled_by(label.id)
                });
                if view.should_focus {
                    response.inner.request_focus();
                    view.should_focus = false;
                }
                let key = (view.text.clone(), self.session.revision(), lang);
                if view
                    .results
                    .as_ref()
                    .is_none_or(|(cached, _)| *cached != key)
                {
                    let hits = self.search_hits(&view.text, lang);
                    view.results = Some((key, hits));
                }
                let hits = view
                    .results
                    .as_ref()
                    .map_or(&[][..], |(_, hits)| hits.as_slice());
                if view.text.trim().chars().count() >= 2 && hits.is_empty() {
                    ui.label(
                        RichText::new(tr(lang, "ui.search_none"))
                            .color(theme::palette(ui.ctx()).muted),
                    );
                }
                egui::ScrollArea::vertical().show(ui, |ui| {
                    for hit in hits.iter().take(60) {
                        if ui.button(&hit.text).clicked() {
                            actions.push(Action::GoTo(hit.step, hit.field.clone()));
                            chosen = true;
                        }
                    }
                });
            });
        let escape = ctx.input(|i| i.key_pressed(egui::Key::Escape));
        if is_open && !chosen && !escape {
            self.state.search = Some(view);
        }
    }

    /// Questions, findings and cameras matching `text` (two characters at least).
    fn search_hits(&self, text: &str, lang: Lang) -> Vec<SearchHit> {
        let needle = text.trim().to_lowercase();
        if needle.chars().count() < 2 {
            return Vec::new();
        }
        let has = |t: &str| t.to_lowercase().contains(&needle);
        let mut hits = Vec::new();
        let kb = self.session.kb();
        let questions = kb
            .questions
            .iter()
            .map(|q| (q.id.as_str(), &q.label, Some(&q.help)));
        let fields = kb
            .fields
            .iter()
            .filter(|f| f.help.is_some())
            .map(|f| (f.path.as_str(), f.question(), f.help.as_ref()));
        for (id, question, help) in questions.chain(fields) {
            if has(question.get(lang)) || help.is_some_and(|h| has(h.get(lang))) || has(id) {
                let step = Step::of_field(id).unwrap_or(Step::Screening);
                hits.push(SearchHit {
                    text: format!("{} — {}", step.title(lang), question.get(lang)),
                    step,
                    field: Some(id.into()),
                });
            }
        }
        for finding in &self.session.report().findings {
            if has(&finding.rule_id)
                || has(finding.title.get(lang))
                || has(finding.message.get(lang))
            {
                let field = finding.fields.first().cloned();
                hits.push(SearchHit {
                    text: tr_with(
                        lang,
                        "ui.search_finding",
                        &[(
                            "finding",
                            &format!("{} — {}", finding.rule_id, finding.title.get(lang)),
                        )],
                    ),
                    step: field
                        .as_deref()
                        .and_then(Step::of_field)
                        .unwrap_or(Step::Screening),
                    field,
                });
            }
        }
        for camera in &self.session.assessment.cameras {
            if has(camera.camera_id.as_str()) || has(&camera.location) || has(&camera.perimeter) {
                hits.push(SearchHit {
                    text: tr_with(
                        lang,
                        "ui.search_camera",
                        &[
                            ("id", camera.camera_id.as_str()),
                            ("location", camera.location.as_str()),
                        ],
                    ),
                    step: Step::VideoSystem,
                    field: Some(path::camera(&camera.camera_id, None)),
                });
            }
        }
        let a = &self.session.assessment;
        let kb = self.session.kb();
        for record in &a.capabilities {
            let name = kb
                .capability(&record.capability_id)
                .map_or("", |d| d.label.get(lang));
            if has(record.capability_id.as_str()) || has(name) {
                hits.push(SearchHit {
                    text: tr_with(
                        lang,
                        "ui.search_capability",
                        &[("id", record.capability_id.as_str()), ("name", name)],
                    ),
                    step: Step::VideoSystem,
                    field: Some(path::capability(&record.capability_id, None)),
                });
            }
        }
        for risk in &a.risks {
            if has(risk.risk_id.as_str()) || has(&risk.title) {
                hits.push(SearchHit {
                    text: tr_with(
                        lang,
                        "ui.search_risk",
                        &[("id", risk.risk_id.as_str()), ("title", &risk.title)],
                    ),
                    step: Step::Risks,
                    field: Some(path::risk(&risk.risk_id, None)),
                });
            }
        }
        for measure in &a.measures {
            if has(measure.measure_id.as_str()) || has(&measure.title) {
                hits.push(SearchHit {
                    text: tr_with(
                        lang,
                        "ui.search_measure",
                        &[
                            ("id", measure.measure_id.as_str()),
                            ("title", &measure.title),
                        ],
                    ),
                    step: Step::Measures,
                    field: Some(path::measure(&measure.measure_id, None)),
                });
            }
        }
        // Text typed in any field, where no line above already leads to it.
        for found in crate::model::text_search::typed_text_containing(a, &needle) {
            let Some(step) = Step::of_field(&found.path) else {
                continue;
            };
            let is_listed = hits.iter().any(|h| {
                h.field.as_ref().is_some_and(|f| {
                    found.path.as_str() == f.as_str() || found.path.starts_with(&format!("{f}."))
                })
            });
            if is_listed {
                continue;
            }
            let field = super::legal::field_name(kb, &found.path, lang);
            hits.push(SearchHit {
                text: tr_with(
                    lang,
                    "ui.search_text",
                    &[("field", &field), ("text", &excerpt(&found.text, &needle))],
                ),
                step,
                field: Some(found.path),
            });
        }
        hits
    }
}

/// Some forty characters of `text` around the first place `needle` (lower case) occurs, with
/// « … » where it was cut.
fn excerpt(text: &str, needle: &str) -> String {
    let text = text.split_whitespace().collect::<Vec<_>>().join(" ");
    let lower = text.to_lowercase();
    let chars: Vec<char> = text.chars().collect();
    // Where the match starts, counted in characters (lower-casing can change byte lengths).
    let at = lower
        .find(needle)
        .map_or(0, |byte| lower[..byte].chars().count())
        .min(chars.len());
    let start = at.saturating_sub(20);
    let end = (at + needle.chars().count() + 30).min(chars.len());
    let mut out: String = chars[start..end].iter().collect();
    if start > 0 {
        out.insert(0, '…');
    }
    if end < chars.len() {
        out.push('…');
    }
    out
}
