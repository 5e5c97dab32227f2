//! The contribution window (« Demander une contribution… »): who is asked, the parts they are to
//! fill (or a role's usual parts), a message, where the copy goes and, for a contributor without
//! Garde-fou, a questionnaire beside it. The copy is written by the session; the assessment and
//! its file are left as they are. The banner a contributor's copy opens with is here too.

use egui::RichText;

use super::action::Action;
use super::file_dialog::DialogPurpose;
use super::state::ContributionForm;
use super::{theme, GardefouApp};
use crate::i18n::{tr, tr_with, Lang};
use crate::model::Part;
use crate::session::Format;

/// Usual contributors and the parts they know: the police (inventory, searches), the IT
/// department (hosting, logs, security), the integrator (modules, locks), the mayor's office
/// (the decision).
const ROLES: [(&str, &[Part]); 4] = [
    ("contribution.role.police", &[Part::System, Part::Inventory]),
    (
        "contribution.role.it",
        &[Part::System, Part::Evidence, Part::Measures],
    ),
    (
        "contribution.role.integrator",
        &[Part::Capabilities, Part::Evidence],
    ),
    ("contribution.role.mayor", &[Part::Opinions]),
];

impl GardefouApp {
    /// Writes the copy the window describes, and its questionnaire when asked.
    pub(super) fn write_contribution(&mut self) {
        let lang = self.lang();
        let Some(form) = self.state.contribution.as_ref() else {
            return;
        };
        let path = crate::session::save::with_project_extension(std::path::PathBuf::from(
            form.path.trim(),
        ));
        let request = crate::model::Contribution {
            contributor: form.contributor.clone(),
            parts: form.parts.iter().copied().collect(),
            asked_by: self.settings.user_name.clone(),
            message: form.message.clone(),
            ..Default::default()
        };
        let questionnaire = form.questionnaire.map(|format| {
            let suffix = crate::documents::DocumentKind::Questionnaire.file_suffix(lang);
            crate::session::export::sibling_path(&path, suffix, format.extension())
        });
        match self
            .session
            .write_contribution(&path, &request, questionnaire.as_deref())
        {
            Ok(written) => {
                let mut message = tr_with(
                    lang,
                    "contribution.written",
                    &[
                        ("path", &written.copy.display().to_string()),
                        ("contributor", request.contributor.trim()),
                    ],
                );
                if let Some(q) = &written.questionnaire {
                    message.push(' ');
                    message.push_str(&tr_with(
                        lang,
                        "contribution.questionnaire_written",
                        &[("path", &q.path.display().to_string())],
                    ));
                }
                self.set_status(message, false);
                self.state.contribution = None;
            }
            Err(error) => {
                let message = crate::messages::contribution_failure(&error, lang);
                self.set_status(message, true);
            }
        }
    }

    /// Draws the window while it is open.
    pub(super) fn contribution_ui(&mut self, ctx: &egui::Context, actions: &mut Vec<Action>) {
        let Some(mut form) = self.state.contribution.take() else {
            return;
        };
        let lang = self.lang();
        let kb = std::sync::Arc::clone(self.session.kb());
        let mut is_open = true;
        egui::Window::new(tr(lang, "contribution.title"))
            .id(egui::Id::unique("gardefou.contribution"))
            .default_pos(super::windows::beside_content(ctx))
            .open(&mut is_open)
            .default_width(560.0)
            .show(ctx, |ui| {
                ui.label(RichText::new(tr(lang, "contribution.intro")).small());
                ui.add_space(4.0);
                form_ui(ui, &kb, lang, &mut form, actions);
            });
        if is_open {
            self.state.contribution = Some(form);
        }
    }

    /// The banner of a contributor's copy: who asked whom for what, and what to do with it.
    pub(super) fn contribution_banner_ui(&self, ui: &mut egui::Ui) {
        let Some(request) = &self.session.assessment.project.contribution else {
            return;
        };
        let lang = self.lang();
        let kb = self.session.kb();
        let on = request
            .asked_on
            .map(|d| d.display(lang))
            .unwrap_or_default();
        let parts: Vec<String> = request
            .parts
            .iter()
            .map(|p| crate::documents::part_name(kb, lang, *p))
            .collect();
        let asked_by = if request.asked_by.trim().is_empty() {
            tr(lang, "contribution.author_unnamed").to_owned()
        } else {
            request.asked_by.clone()
        };
        let palette = theme::palette(ui.ctx());
        egui::Frame::group(ui.style())
            .stroke(egui::Stroke::new(1.5, palette.accent))
            .show(ui, |ui| {
                ui.set_width(ui.available_width());
                ui.label(
                    RichText::new(tr_with(
                        lang,
                        "contribution.banner.title",
                        &[("contributor", &request.contributor)],
                    ))
                    .strong(),
                );
                ui.label(tr_with(
                    lang,
                    "contribution.banner.asked",
                    &[("by", &asked_by), ("on", &on), ("parts", &parts.join(", "))],
                ));
                if !request.message.trim().is_empty() {
                    ui.label(RichText::new(request.message.trim()).italics());
                }
                ui.label(
                    RichText::new(tr_with(
                        lang,
                        "contribution.banner.how",
                        &[("by", &asked_by)],
                    ))
                    .small()
                    .color(palette.muted),
                );
            });
        ui.add_space(6.0);
    }
}

/// The window's fields and its button.
fn form_ui(
    ui: &mut egui::Ui,
    kb: &crate::knowledge::KnowledgeBase,
    lang: Lang,
    form: &mut ContributionForm,
    actions: &mut Vec<Action>,
) {
    ui.horizontal(|ui| {
        let label = ui.label(tr(lang, "contribution.contributor"));
        ui.add(
            egui::TextEdit::singleline(&mut form.contributor)
                .hint_text(tr(lang, "contribution.contributor_hint"))
                .desired_width(340.0),
        )
        .labelled_by(label.id);
    });
    ui.add_space(4.0);
    ui.label(RichText::new(tr(lang, "contribution.parts")).strong());
    ui.horizontal_wrapped(|ui| {
        ui.label(RichText::new(tr(lang, "contribution.roles")).small());
        for (key, parts) in ROLES {
            if ui.small_button(tr(lang, key)).clicked() {
                form.parts = parts.iter().copied().collect();
            }
        }
    });
    egui::Grid::new("gardefou.contribution.parts")
        .num_columns(2)
        .show(ui, |ui| {
            for (index, part) in Part::ALL.into_iter().enumerate() {
                let mut asked = form.parts.contains(&part);
                let name = crate::documents::part_name(kb, lang, part);
                if ui.checkbox(&mut asked, name).changed() {
                    if asked {
                        form.parts.insert(part);
                    } else {
                        form.parts.remove(&part);
                    }
                }
                if index % 2 == 1 {
                    ui.end_row();
                }
            }
        });
    ui.add_space(4.0);
    let label = ui.label(tr(lang, "contribution.message"));
    ui.add(
        egui::TextEdit::multiline(&mut form.message)
            .desired_rows(3)
            .desired_width(f32::INFINITY),
    )
    .labelled_by(label.id);
    ui.add_space(4.0);
    ui.horizontal_wrapped(|ui| {
        let label = ui.label(tr(lang, "contribution.path"));
        ui.add(egui::TextEdit::singleline(&mut form.path).desired_width(300.0))
            .labelled_by(label.id);
        if ui.button(tr(lang, "ui.browse")).clicked() {
            actions.push(Action::Browse(DialogPurpose::SaveContribution));
        }
    });
    ui.horizontal_wrapped(|ui| {
        let mut wanted = form.questionnaire.is_some();
        if ui
            .checkbox(&mut wanted, tr(lang, "contribution.questionnaire"))
            .on_hover_text(tr(lang, "contribution.questionnaire_help"))
            .changed()
        {
            form.questionnaire = wanted.then_some(Format::Odt);
        }
        if let Some(format) = form.questionnaire.as_mut() {
            for choice in [Format::Odt, Format::Docx, Format::Pdf] {
                ui.radio_value(format, choice, tr(lang, choice.choice_key()));
            }
        }
    });
    ui.separator();
    let ready = !form.contributor.trim().is_empty()
        && !form.parts.is_empty()
        && !form.path.trim().is_empty();
    let button = ui
        .add_enabled(
            ready,
            egui::Button::new(RichText::new(tr(lang, "contribution.write")).strong()),
        )
        .on_disabled_hover_text(tr(lang, "contribution.write_missing"));
    if button.clicked() {
        actions.push(Action::WriteContribution);
    }
}
