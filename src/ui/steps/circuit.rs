//! The review circuit in the Opinions step: who is acting (a setting of this computer), the
//! current status and the steps it may take, validating a version (with the reason when a
//! blocking finding is open), and the timeline of every step and version.

use egui::RichText;

use super::StepCtx;
use crate::model::path;
use crate::model::{Assessment, ProjectStatus};
use crate::ui::action::Action;
use crate::ui::theme;
use crate::ui::widgets::{field_ui, list_heading_ui};

/// What is being typed in the circuit's form, kept between frames.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct CircuitForm {
    /// The comment of the next step.
    pub comment: String,
    /// The number of the version to validate.
    pub number: String,
    /// Why validate with a blocking finding open.
    pub reason: String,
}

/// Draws the circuit section.
pub fn circuit_ui(ui: &mut egui::Ui, cx: &mut StepCtx, a: &Assessment) {
    // Typed values are taken out of the context while the form borrows it, and put back.
    let mut name = std::mem::take(cx.user_name);
    let mut form = std::mem::take(cx.circuit_form);
    list_heading_ui(ui, cx, &path::HISTORY, &cx.t("circuit.title"));
    field_ui(
        ui,
        cx,
        "circuit.user_name",
        &cx.t("circuit.user_name"),
        |ui, label_id| {
            ui.add(egui::TextEdit::singleline(&mut name).desired_width(260.0))
                .labelled_by(label_id);
        },
    );
    let status = a.project.status;
    ui.label(
        RichText::new(cx.tw(
            "circuit.current",
            &[("status", &cx.t(&format!("enum.status.{status:?}")))],
        ))
        .strong(),
    );
    field_ui(
        ui,
        cx,
        "circuit.comment",
        &cx.t("circuit.comment"),
        |ui, label_id| {
            ui.add(
                egui::TextEdit::singleline(&mut form.comment).desired_width(ui.available_width()),
            )
            .labelled_by(label_id);
        },
    );
    ui.horizontal_wrapped(|ui| {
        for next in status.next() {
            if *next == ProjectStatus::Validated {
                continue;
            }
            let text = cx.tw(
                "circuit.go_to",
                &[("status", &cx.t(&format!("enum.status.{next:?}")))],
            );
            if ui.button(text).clicked() {
                cx.actions
                    .push(Action::ChangeStatus(*next, form.comment.clone()));
                form.comment.clear();
            }
        }
    });
    if status.next().contains(&ProjectStatus::Validated) {
        validate_ui(ui, cx, a, &mut form);
    }
    ui.horizontal_wrapped(|ui| {
        if let Some(last) = a.history.versions.last() {
            let text = cx.tw("changes.open", &[("number", &last.number)]);
            if ui.button(text).clicked() {
                cx.actions.push(Action::ShowChanges);
            }
        }
        // A copy sent out for contributions comes back here.
        let merge = crate::ui::command::Command::Merge;
        if ui
            .button(cx.t("ui.merge_copy"))
            .on_hover_text(merge.tooltip(cx.lang))
            .clicked()
        {
            cx.actions.push(Action::Command(merge));
        }
        // A copy for a contributor, with the parts they are to fill.
        let contribute = crate::ui::command::Command::Contribute;
        if ui
            .button(cx.t("ui.contribute"))
            .on_hover_text(contribute.tooltip(cx.lang))
            .clicked()
        {
            cx.actions.push(Action::Command(contribute));
        }
    });
    timeline_ui(ui, cx, a);
    *cx.user_name = name;
    *cx.circuit_form = form;
}

/// The version number, the reason for open blocking findings, and « Validate ».
fn validate_ui(ui: &mut egui::Ui, cx: &mut StepCtx, a: &Assessment, form: &mut CircuitForm) {
    let blocking = cx
        .report
        .findings
        .iter()
        .filter(|f| f.severity == crate::rules::Severity::Blocking)
        .count();
    if form.number.is_empty() {
        form.number = next_number(a);
    }
    field_ui(
        ui,
        cx,
        "circuit.number",
        &cx.t("circuit.number"),
        |ui, label_id| {
            ui.add(egui::TextEdit::singleline(&mut form.number).desired_width(120.0))
                .labelled_by(label_id);
        },
    );
    if blocking > 0 {
        ui.label(
            RichText::new(crate::i18n::tr_count(
                cx.lang,
                "circuit.blocking",
                blocking,
                &[],
            ))
            .color(theme::palette(ui.ctx()).bad),
        );
        field_ui(
            ui,
            cx,
            "circuit.reason",
            &cx.t("circuit.reason"),
            |ui, label_id| {
                let reason = &mut form.reason;
                crate::ui::text_area::text_area_ui(ui, "circuit.reason", reason, 2, None)
                    .labelled_by(label_id);
            },
        );
    }
    if ui
        .button(RichText::new(cx.t("circuit.validate")).strong())
        .clicked()
    {
        cx.actions.push(Action::Validate(
            form.number.trim().to_owned(),
            form.reason.trim().to_owned(),
        ));
    }
}

/// The number after the last version's (« 1.0 » → « 1.1 »), or « 1.0 ».
fn next_number(a: &Assessment) -> String {
    let Some(last) = a.history.versions.last() else {
        return "1.0".to_owned();
    };
    match last.number.rsplit_once('.') {
        Some((major, minor)) => match minor.parse::<u32>() {
            Ok(minor) => format!("{major}.{}", minor + 1),
            Err(_) => format!("{}.1", last.number),
        },
        None => format!("{}.1", last.number),
    }
}

/// Every step and version, newest first.
fn timeline_ui(ui: &mut egui::Ui, cx: &StepCtx, a: &Assessment) {
    ui.add_space(6.0);
    ui.label(RichText::new(cx.t("circuit.timeline")).strong());
    let muted = theme::palette(ui.ctx()).muted;
    let step_line = |t: &crate::model::history::Transition| {
        let mut line = format!(
            "{} — {} : {} → {}",
            t.on.map_or_else(String::new, |d| d.display(cx.lang)),
            t.by,
            cx.t(&format!("enum.status.{:?}", t.from)),
            cx.t(&format!("enum.status.{:?}", t.to)),
        );
        if !t.comment.is_empty() {
            line.push_str(&format!(" — {}", t.comment));
        }
        line
    };
    if a.history.versions.is_empty() && a.history.transitions.is_empty() {
        ui.label(RichText::new(cx.t("circuit.empty")).color(muted));
    }
    for t in a.history.transitions.iter().rev() {
        ui.label(step_line(t));
    }
    for version in a.history.versions.iter().rev() {
        ui.label(
            RichText::new(
                cx.tw(
                    "circuit.version_line",
                    &[
                        ("number", &version.number),
                        (
                            "date",
                            &version
                                .validated_on
                                .map_or_else(String::new, |d| d.display(cx.lang)),
                        ),
                        ("by", &version.validated_by),
                    ],
                ),
            )
            .strong(),
        );
        ui.label(
            RichText::new(format!("SHA-256 {}", version.sha256))
                .small()
                .monospace()
                .color(muted),
        );
        if !version.blocking_reason.is_empty() {
            ui.label(cx.tw(
                "circuit.version_reason",
                &[("reason", &version.blocking_reason)],
            ));
        }
        for t in version.circuit.iter().rev() {
            ui.label(RichText::new(step_line(t)).color(muted));
        }
    }
}
