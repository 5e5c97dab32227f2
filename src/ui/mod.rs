//! The desktop app. For now a read-only overview of an assessment — cover data, purposes, video
//! system, capabilities and camera inventory — in French or English, switchable at run time.
//! The wizard that edits each step replaces the overview in its own issue.

mod overview;
mod theme;

use std::path::PathBuf;

use anyhow::Context as _;

use crate::i18n::{self, tr, Lang};
use crate::knowledge::KnowledgeBase;
use crate::model::Assessment;
use crate::sample;

/// The application state.
pub struct GardefouApp {
    /// The assessment shown.
    pub assessment: Assessment,
    /// The file it came from; `None` for the bundled sample.
    pub path: Option<PathBuf>,
    /// The UI language.
    pub lang: Lang,
    /// The knowledge base.
    pub kb: KnowledgeBase,
}

impl GardefouApp {
    /// An app showing `assessment`; installs the fonts and theme on the context.
    pub fn with_assessment(
        ctx: &egui::Context,
        assessment: Assessment,
        path: Option<PathBuf>,
        lang: Lang,
        kb: KnowledgeBase,
    ) -> Self {
        theme::install(ctx);
        Self {
            assessment,
            path,
            lang,
            kb,
        }
    }

    fn top_bar_ui(&mut self, ui: &mut egui::Ui) {
        ui.horizontal(|ui| {
            ui.heading("Garde-fou");
            ui.separator();
            let file = self.path.as_ref().map_or_else(
                || tr(self.lang, "ui.sample_file").to_owned(),
                |p| p.display().to_string(),
            );
            ui.label(file);
            ui.with_layout(egui::Layout::right_to_left(egui::Align::Center), |ui| {
                for lang in Lang::ALL.iter().rev() {
                    let text = lang.code().to_ascii_uppercase();
                    let button = ui
                        .selectable_label(self.lang == *lang, text)
                        .on_hover_text(tr(*lang, "ui.switch_language"));
                    if button.clicked() {
                        self.lang = *lang;
                    }
                }
                ui.label(tr(self.lang, "ui.language"));
            });
        });
    }
}

impl eframe::App for GardefouApp {
    fn ui(&mut self, ui: &mut egui::Ui, _frame: &mut eframe::Frame) {
        egui::Panel::top("top_bar").show(ui, |ui| {
            ui.add_space(4.0);
            self.top_bar_ui(ui);
            ui.add_space(4.0);
        });
        egui::CentralPanel::default().show(ui, |ui| {
            overview::overview_ui(ui, &self.assessment, &self.kb, self.lang);
        });
    }
}

/// Opens the window on `file`, or on the bundled sample when `None`.
pub fn run(file: Option<PathBuf>, lang: Lang) -> anyhow::Result<()> {
    let kb = KnowledgeBase::bundled().context("the bundled knowledge base is damaged")?;
    let assessment = match &file {
        Some(path) => crate::open::open(path)
            .map_err(|error| anyhow::anyhow!(i18n::open_error_message(&error, lang)))?,
        None => sample::sample()
            .map_err(|error| anyhow::anyhow!(i18n::load_error_message(&error, lang)))?,
    };
    let title = format!("Garde-fou — {}", assessment.project.title);
    let options = eframe::NativeOptions {
        viewport: egui::ViewportBuilder::default()
            .with_title(title)
            .with_app_id("gardefou")
            .with_inner_size([1280.0, 800.0])
            .with_min_inner_size([900.0, 600.0]),
        renderer: eframe::Renderer::Glow,
        ..Default::default()
    };
    eframe::run_native(
        "Garde-fou",
        options,
        Box::new(move |cc| {
            Ok(Box::new(GardefouApp::with_assessment(
                &cc.egui_ctx,
                assessment,
                file,
                lang,
                kb,
            )))
        }),
    )
    .map_err(|error| anyhow::anyhow!("cannot open a window: {error}"))
}
