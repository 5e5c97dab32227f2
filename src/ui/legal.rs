//! How the legal sources and the rules are drawn wherever they appear: a source's entry in the
//! « Legal references » window (citation, title, review date, verification tag in its colour),
//! the rule book's tab, the « Sources: » buttons under a finding, and a field's label from its
//! path (the changes window, the search).

use egui::RichText;

use super::action::Action;
use super::theme;
use crate::i18n::{tr, tr_with, Lang};
use crate::knowledge::{KnowledgeBase, LegalRef, Verification};
use crate::model::LegalRefId;

/// One reference: citation, tag, review date, title, address (shown, never opened) and the
/// rules that cite it; framed when selected.
/// The rule book in the window: each rule of the engine with what triggers it, its severity, its
/// tag and sources, and the tests that hold it (the same data as `gardefou rules`).
pub(super) fn rule_book_ui(ui: &mut egui::Ui, kb: &KnowledgeBase, lang: Lang, needle: &str) {
    let muted = theme::palette(ui.ctx()).muted;
    let t = |key: &str| kb.texts.get(lang, key).to_owned();
    for rule in &kb.rule_texts {
        let matches = needle.is_empty()
            || [
                rule.id.as_str(),
                rule.title.get(lang),
                rule.condition.get(lang),
            ]
            .iter()
            .any(|text| text.to_lowercase().contains(needle));
        if !matches {
            continue;
        }
        egui::CollapsingHeader::new(format!("{} — {}", rule.id, rule.title.get(lang)))
            .id_salt(("rule", &rule.id))
            .show(ui, |ui| {
                let severities = crate::documents::rule_book::severities_text(kb, rule, lang);
                ui.label(format!(
                    "{}{} {}",
                    t("rulebook.condition"),
                    colon(lang),
                    rule.condition.get(lang)
                ));
                ui.label(format!(
                    "{}{} {severities}",
                    t("rulebook.severity"),
                    colon(lang)
                ));
                let tag = kb.rule_verification(&rule.id);
                ui.label(format!(
                    "{}{} {}",
                    t("rulebook.tag"),
                    colon(lang),
                    t(&format!("enum.verification.{tag:?}"))
                ));
                if rule.tag.is_some() {
                    ui.label(RichText::new(rule.tag_reason.get(lang)).color(muted));
                }
                if let Some(text) = crate::documents::rule_book::police_justice_text(kb, rule, lang)
                {
                    ui.label(format!(
                        "{}{} {text}",
                        t("rulebook.police_justice"),
                        colon(lang)
                    ));
                }
                for id in &rule.sources {
                    if let Some(source) = kb.legal_ref(id) {
                        ui.label(
                            RichText::new(format!(
                                "• {} — {}",
                                source.citation,
                                source.title.get(lang)
                            ))
                            .small(),
                        );
                    }
                }
                let tests = kb.rule_tests.get(&rule.id).map_or(0, Vec::len);
                ui.label(
                    RichText::new(tr_with(
                        lang,
                        "ui.references_rule_tests",
                        &[("count", &tests.to_string())],
                    ))
                    .small()
                    .color(muted),
                );
            });
    }
}

/// The colon of `lang` (« : » has a no-break space before it in French).
fn colon(lang: Lang) -> &'static str {
    match lang {
        Lang::Fr => "\u{a0}:",
        Lang::En => ":",
    }
}

pub(super) fn reference_ui(
    ui: &mut egui::Ui,
    kb: &KnowledgeBase,
    reference: &LegalRef,
    lang: Lang,
    is_selected: bool,
) -> egui::Response {
    let stroke = if is_selected {
        egui::Stroke::new(2.0, theme::palette(ui.ctx()).accent)
    } else {
        egui::Stroke::new(1.0, ui.visuals().widgets.noninteractive.bg_stroke.color)
    };
    egui::Frame::group(ui.style())
        .stroke(stroke)
        .show(ui, |ui| {
            ui.set_width(ui.available_width());
            ui.horizontal_wrapped(|ui| {
                ui.label(RichText::new(&reference.citation).strong());
                ui.label(
                    RichText::new(tr(
                        lang,
                        &format!("enum.verification.{:?}", reference.verification),
                    ))
                    .color(verification_colour(ui.ctx(), reference.verification)),
                );
                ui.label(
                    RichText::new(tr_with(
                        lang,
                        "ui.reviewed_on",
                        &[("date", &reference.reviewed_on.display(lang))],
                    ))
                    .color(theme::palette(ui.ctx()).muted),
                );
            });
            ui.label(reference.title.get(lang));
            if !reference.url.is_empty() {
                ui.label(RichText::new(&reference.url).monospace().small())
                    .on_hover_text(tr(lang, "ui.reference_url"));
            }
            let citing: Vec<&str> = kb
                .rule_texts
                .iter()
                .filter(|r| r.sources.contains(&reference.id))
                .map(|r| r.id.as_str())
                .collect();
            if !citing.is_empty() {
                ui.label(
                    RichText::new(tr_with(
                        lang,
                        "ui.cited_by",
                        &[("rules", &citing.join(", "))],
                    ))
                    .small()
                    .color(theme::palette(ui.ctx()).muted),
                );
            }
        })
        .response
}

/// A field's label: its question, else its label, else its path.
pub fn field_label(kb: &KnowledgeBase, path: &str, lang: Lang) -> String {
    // A further order's answer: the first order's label, after the order's number.
    if let Some((index, field)) = crate::model::path::further_order(path) {
        let number = (index + 2).to_string();
        let order = crate::i18n::tr(lang, "dossier.order_number").replace("{number}", &number);
        let first = crate::model::path::order(None, Some(field));
        return format!("{order} — {}", field_label(kb, &first, lang));
    }
    kb.question_text(path)
        .map_or_else(|| path.to_owned(), |q| q.get(lang).to_owned())
}

/// How the search window names a field: its label, else for a record's field the record's id
/// and the column (« CAM-001 — Emplacement »), else its path.
pub fn field_name(kb: &KnowledgeBase, path: &str, lang: Lang) -> String {
    use crate::model::path::{self as paths, record_of};
    if let Some(field) = kb.field(path) {
        return field.label.get(lang).to_owned();
    }
    if let Some(question) = kb.question_text(path) {
        return question.get(lang).to_owned();
    }
    for list in [
        paths::CAMERAS,
        paths::CAPABILITIES,
        paths::RISKS,
        paths::MEASURES,
        paths::EVIDENCE,
        paths::PLANS,
    ] {
        if let Some((id, rest)) = record_of(path, &list) {
            let part = rest.rsplit('.').next().unwrap_or_default();
            let key = format!("column.{part}");
            let column = tr(lang, &key);
            let part = if column == key {
                part.replace('_', " ")
            } else {
                column.to_owned()
            };
            return format!("{id} — {part}");
        }
    }
    path.to_owned()
}

/// The colour of a verification tag.
fn verification_colour(ctx: &egui::Context, verification: Verification) -> egui::Color32 {
    let palette = theme::palette(ctx);
    match verification {
        Verification::Verified => palette.good,
        Verification::Secondary => palette.accent,
        Verification::Unverified => palette.warn,
    }
}

/// « Sources: » and one button per source, each opening it in the references window.
pub fn sources_ui(
    ui: &mut egui::Ui,
    kb: &KnowledgeBase,
    sources: &[LegalRefId],
    lang: Lang,
    actions: &mut Vec<Action>,
) {
    ui.horizontal_wrapped(|ui| {
        ui.label(RichText::new(tr(lang, "ui.sources")).small().strong());
        for id in sources {
            let citation = kb
                .legal_ref(id)
                .map_or_else(|| id.to_string(), |r| r.citation.clone());
            let tag = kb.legal_ref(id).map(|r| r.verification);
            let text = match tag {
                Some(Verification::Unverified) => {
                    format!("{citation} ({})", tr(lang, "enum.verification.Unverified"))
                }
                _ => citation,
            };
            if ui
                .add(egui::Link::new(RichText::new(text).small()))
                .on_hover_text(tr(lang, "ui.open_reference"))
                .clicked()
            {
                actions.push(Action::ShowReference(Some(id.clone())));
            }
        }
    });
}
