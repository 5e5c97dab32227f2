//! The findings panel, grouped by severity; a card's click goes to its field. The panel holds
//! still under the pointer: while the pointer is over it, the cards stay as they were when it
//! came in — a finding the user settles meanwhile (typing in a field, Ctrl+Z) stays as a greyed
//! card marked settled, so the next card never slides under the pointer, and new findings wait
//! below, counted, until the pointer leaves.

use egui::RichText;

use super::action::Action;
use super::step::Step;
use super::{theme, GardefouApp};
use crate::i18n::{tr, tr_count, Lang};
use crate::rules::{Finding, Severity};

impl GardefouApp {
    /// Draws the panel.
    pub(super) fn findings_ui(&mut self, ui: &mut egui::Ui, actions: &mut Vec<Action>) {
        let lang = self.lang();
        let current = &self.session.report().findings;
        let is_pointer_over = ui.rect_contains_pointer(ui.max_rect());
        if !is_pointer_over {
            self.state.findings_held = None;
        } else if self.state.findings_held.is_none() {
            self.state.findings_held = Some(current.clone());
        }
        let shown = self.state.findings_held.as_ref().unwrap_or(current);
        let waiting = crate::rules::finding::only_in(current, shown).len();
        // A contributor's copy: the findings of the parts asked only.
        let request = self.session.assessment.project.contribution.as_ref();
        let is_asked = |f: &crate::rules::Finding| {
            request.is_none_or(|c| f.fields.iter().any(|p| c.covers(p.as_str())))
        };
        ui.add_space(6.0);
        ui.label(
            RichText::new(tr(lang, "ui.findings"))
                .size(16.0)
                .strong()
                .color(theme::palette(ui.ctx()).accent),
        );
        let kb = std::sync::Arc::clone(self.session.kb());
        egui::ScrollArea::vertical()
            .id_salt("findings")
            .auto_shrink([false, false])
            .show(ui, |ui| {
                for severity in Severity::ALL {
                    let findings: Vec<_> = shown
                        .iter()
                        .filter(|f| f.severity == severity && is_asked(f))
                        .collect();
                    if findings.is_empty() {
                        continue;
                    }
                    ui.add_space(6.0);
                    let header = format!(
                        "{} ({})",
                        tr(lang, &format!("severity.{}", severity.code())),
                        findings.len()
                    );
                    ui.label(
                        RichText::new(header.to_uppercase())
                            .small()
                            .strong()
                            .color(theme::severity(ui.ctx(), severity)),
                    );
                    for finding in findings {
                        let is_settled = !current
                            .iter()
                            .any(|f| f.rule_id == finding.rule_id && f.fields == finding.fields);
                        finding_card_ui(ui, &kb, finding, is_settled, lang, actions);
                    }
                }
                if !shown.iter().any(is_asked) {
                    ui.label(tr(lang, "dossier.no_findings"));
                }
                if waiting > 0 {
                    ui.add_space(6.0);
                    ui.label(
                        RichText::new(tr_count(lang, "ui.findings_waiting", waiting, &[]))
                            .small()
                            .italics(),
                    );
                }
            });
    }
}

/// One finding: the whole card goes to the field it points at; its sources open the legal
/// references. A settled one (held while the pointer is over the panel) is greyed, its title
/// struck through, and does nothing.
fn finding_card_ui(
    ui: &mut egui::Ui,
    kb: &crate::knowledge::KnowledgeBase,
    finding: &Finding,
    is_settled: bool,
    lang: Lang,
    actions: &mut Vec<Action>,
) {
    let field = finding.fields.first().cloned();
    // A finding with no field, or a field of no known section, opens the screening.
    let step = field
        .as_deref()
        .and_then(Step::of_field)
        .unwrap_or(Step::Screening);
    let mut builder = egui::UiBuilder::new()
        .id_salt(("finding", &finding.rule_id, &finding.fields))
        .sense(egui::Sense::click());
    if is_settled {
        builder = builder.disabled();
    }
    let card = ui.scope_builder(builder, |ui| {
        egui::Frame::new()
            .fill(ui.visuals().faint_bg_color)
            .inner_margin(egui::Margin::same(6))
            .corner_radius(4.0)
            .stroke(egui::Stroke::new(
                1.0,
                theme::severity(ui.ctx(), finding.severity),
            ))
            .show(ui, |ui| {
                ui.set_width(ui.available_width());
                let title = format!("{} — {}", finding.rule_id, finding.title.get(lang));
                let mut title = RichText::new(title).strong();
                if is_settled {
                    title = title.strikethrough();
                }
                let button = ui.add(egui::Button::new(title).frame(false).wrap());
                ui.add(
                    egui::Label::new(RichText::new(finding.message.get(lang)).small())
                        .selectable(false),
                );
                if !finding.sources.is_empty() {
                    super::legal::sources_ui(ui, kb, &finding.sources, lang, actions);
                }
                button.on_hover_text(tr(lang, "ui.go_to_field")).clicked()
            })
            .inner
    });
    if is_settled {
        card.response
            .on_disabled_hover_text(tr(lang, "ui.finding_settled"));
        return;
    }
    let card_response = card.response.on_hover_text(tr(lang, "ui.go_to_field"));
    if card_response.hovered() {
        ui.ctx().set_cursor_icon(egui::CursorIcon::PointingHand);
    }
    if card.inner || card_response.clicked() {
        actions.push(Action::GoTo(step, field));
    }
}
