//! Step 1 — Screening: the screening questions, the nine criteria with their derived value and
//! « because », an override with its reason, and the verdict.

use crate::model::path;
use egui::RichText;

use super::StepCtx;
use crate::edit::Edit;
use crate::model::Assessment;
use crate::rules::{Origin, Verdict};
use crate::ui::action::Action;
use crate::ui::theme;
use crate::ui::widgets::{field_ui, list_heading_ui, subheading_ui, text_ui, yes_no_ui};

/// The WP248 scale factors and the controller's own judgement of scale (criterion C5).
fn scale_ui(ui: &mut egui::Ui, cx: &StepCtx, s: &mut crate::model::Screening) {
    yes_no_ui(
        ui,
        cx,
        &path::screening::IS_LARGE_SCALE,
        &cx.label(&path::screening::IS_LARGE_SCALE),
        &mut s.is_large_scale,
    );
    for (path, value) in [
        (path::screening::SCALE_PEOPLE, &mut s.scale_people),
        (path::screening::SCALE_EXTENT, &mut s.scale_extent),
        (path::screening::SCALE_DURATION, &mut s.scale_duration),
    ] {
        text_ui(ui, cx, &path, &cx.label(&path), value);
    }
}

/// Draws the step.
pub fn ui(ui: &mut egui::Ui, cx: &mut StepCtx, a: &mut Assessment) {
    subheading_ui(ui, &cx.t("ui.screening_questions"));
    let s = &mut a.screening;
    for (path, value) in [
        (
            path::screening::FILMS_PUBLIC_SPACE,
            &mut s.films_public_space,
        ),
        (
            path::screening::HAS_AUTOMATED_DECISIONS,
            &mut s.has_automated_decisions,
        ),
        (path::screening::HAS_DATA_MATCHING, &mut s.has_data_matching),
        (
            path::screening::FILMS_VULNERABLE_PEOPLE,
            &mut s.films_vulnerable_people,
        ),
        (path::screening::CAPTURES_AUDIO, &mut s.captures_audio),
        (
            path::screening::STARTED_BEFORE_DPIA,
            &mut s.started_before_dpia,
        ),
        (path::screening::HAS_ART90_DPIA, &mut s.has_art90_dpia),
        (path::screening::HAS_FRIA, &mut s.has_fria),
        (
            path::screening::HAS_EXISTING_CCTV_DPIA,
            &mut s.has_existing_cctv_dpia,
        ),
    ] {
        let label = cx.label(&path);
        yes_no_ui(ui, cx, &path, &label, value);
        if path == path::screening::FILMS_VULNERABLE_PEOPLE {
            // Asked positively (« does it involve biometric data? »); the file keeps the
            // controller's declaration that it does not, so the answer is the opposite.
            let mut uses = s.declares_no_biometrics.map(|declares_none| !declares_none);
            yes_no_ui(
                ui,
                cx,
                &path::screening::DECLARES_NO_BIOMETRICS,
                &cx.label(&path::screening::DECLARES_NO_BIOMETRICS),
                &mut uses,
            );
            s.declares_no_biometrics = uses.map(|uses| !uses);
        }
    }
    scale_ui(ui, cx, &mut a.screening);

    list_heading_ui(ui, cx, &path::SCREENING, &cx.t("dossier.criteria"));
    let results = cx.report.screening.criteria.clone();
    for result in &results {
        let def = cx.kb.criterion(&result.criterion_id);
        let label = def.map_or_else(String::new, |d| d.label.get(cx.lang).to_owned());
        let path = path::screening_override(&result.criterion_id);
        let title = format!("{} — {label}", result.criterion_id);
        let lang = cx.lang;
        let t = |key: &str| crate::i18n::tr(lang, key).to_owned();
        let change = field_ui(ui, cx, &path, &title, |ui, label_id| {
            let met = if result.is_met {
                t("dossier.met")
            } else {
                t("dossier.not_met")
            };
            let colour = if result.is_met {
                theme::palette(ui.ctx()).warn
            } else {
                theme::palette(ui.ctx()).good
            };
            ui.label(RichText::new(met).strong().color(colour));
            for because in &result.because {
                ui.label(RichText::new(format!("• {}", because.get(lang))).small());
            }
            if let Some(def) = def {
                ui.label(RichText::new(def.summary.get(lang)).small().weak());
            }
            let mut choice = match result.origin {
                Origin::Derived => None,
                Origin::Override => Some(result.is_met),
            };
            let before = choice;
            ui.horizontal(|ui| {
                for (value, key) in [
                    (None, "ui.derived"),
                    (Some(true), "ui.force_met"),
                    (Some(false), "ui.force_not_met"),
                ] {
                    ui.radio_value(&mut choice, value, t(key));
                }
            });
            if let Some(over) = a
                .screening
                .overrides
                .iter_mut()
                .find(|o| o.criterion_id == result.criterion_id)
            {
                let name = format!("override.{}.reason", result.criterion_id);
                let hint = t("ui.override_reason");
                crate::ui::text_area::text_area_ui(ui, &name, &mut over.reason, 2, Some(&hint))
                    .labelled_by(label_id);
            }
            (choice != before).then_some(choice)
        });
        if let Some(choice) = change {
            cx.actions.push(Action::Edit(Edit::OverrideCriterion(
                result.criterion_id.clone(),
                choice,
            )));
        }
    }

    subheading_ui(ui, &cx.t("dossier.verdict"));
    let screening = &cx.report.screening;
    let (colour, key) = match screening.verdict {
        Verdict::Required => (theme::palette(ui.ctx()).warn, "verdict.required"),
        Verdict::Recommended => (theme::palette(ui.ctx()).accent, "verdict.recommended"),
        Verdict::NotRequired => (theme::palette(ui.ctx()).good, "verdict.not_required"),
        Verdict::Undetermined => (theme::palette(ui.ctx()).warn, "verdict.undetermined"),
    };
    ui.label(RichText::new(cx.t(key)).size(18.0).strong().color(colour));
    for reason in &screening.reasons {
        ui.label(format!("• {}", reason.get(cx.lang)));
    }
    let art90 = if screening.is_art90_required {
        "cli.check.art90_required"
    } else {
        "cli.check.art90_not_required"
    };
    ui.label(RichText::new(cx.t(art90)).strong());
    ui.label(screening.art90_reason.get(cx.lang));
    for purpose in &screening.art90_purposes {
        ui.label(format!("• {}", purpose.reason.get(cx.lang)));
    }
}
