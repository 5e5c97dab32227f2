//! The window itself: its icon and `run`, which opens it on what the command line asked for.

use std::path::PathBuf;
use std::sync::Arc;

use anyhow::Context as _;

use crate::i18n::{self, Lang};
use crate::knowledge::KnowledgeBase;
use crate::model::{Assessment, Date};
use crate::settings::Settings;
use crate::ui::{start, GardefouApp, SETTINGS_KEY};
use crate::{messages, sample};

/// The application's icon (the one the desktop entry installs), for the window.
fn window_icon() -> egui::IconData {
    let bytes = include_bytes!("../../../assets/packaging/gardefou-64.png");
    match image::load_from_memory_with_format(bytes, image::ImageFormat::Png) {
        Ok(picture) => {
            let rgba = picture.to_rgba8();
            egui::IconData {
                width: rgba.width(),
                height: rgba.height(),
                rgba: rgba.into_raw(),
            }
        }
        // The bundled icon always decodes; a window without an icon is still a window.
        Err(_) => egui::IconData::default(),
    }
}

/// Opens the window on what `start` says: a file, a new assessment, the example, or the start
/// screen (the last project instead, when the user's setting says so and it still reads).
pub fn run(start: crate::session::Start, lang: Option<Lang>, today: Date) -> anyhow::Result<()> {
    use crate::session::Start;
    let kb = KnowledgeBase::bundled().context("the bundled knowledge base is damaged")?;
    let message_lang = lang.unwrap_or_else(i18n::lang_from_env);
    // A file is opened by the session, as the app's « Open » does (a PIA import's warnings are
    // then asked about); one that does not open stops here, before any window.
    let mut from_file: Option<(PathBuf, crate::session::Opened)> = None;
    let opened: Option<(Assessment, Option<PathBuf>)> = match &start {
        Start::File(path) => {
            let session = crate::session::Session::open(path, Arc::new(kb.clone()), today)
                .map_err(|error| anyhow::anyhow!(messages::open_error(&error, message_lang)))?;
            from_file = Some((path.clone(), session));
            Some((Assessment::default(), None))
        }
        Start::Example => Some((
            sample::sample()
                .map_err(|error| anyhow::anyhow!(messages::load_error(&error, message_lang)))?,
            None,
        )),
        Start::New => Some((Assessment::default(), None)),
        Start::StartScreen => None,
    };
    let title = "Garde-fou";
    let options = eframe::NativeOptions {
        viewport: egui::ViewportBuilder::default()
            .with_title(title)
            .with_app_id("gardefou")
            .with_icon(window_icon())
            .with_inner_size([1366.0, 768.0])
            .with_min_inner_size([1000.0, 600.0])
            .with_drag_and_drop(true),
        renderer: eframe::Renderer::Glow,
        ..Default::default()
    };
    eframe::run_native(
        "gardefou",
        options,
        Box::new(move |cc| {
            let mut settings: Settings = cc
                .storage
                .and_then(|s| eframe::get_value(s, SETTINGS_KEY))
                .unwrap_or_default();
            if lang.is_some() || settings.lang.is_none() {
                settings.lang = Some(message_lang);
            }
            let mut from_file = from_file;
            let (assessment, path, show_start) = match opened {
                Some((assessment, path)) => (assessment, path, false),
                None => match start::last_project(&settings, &kb, today) {
                    Some(last) => {
                        from_file = Some(last);
                        (Assessment::default(), None, false)
                    }
                    None => (Assessment::default(), None, true),
                },
            };
            // No file given and a portfolio remembered: the portfolio, not the start screen.
            let portfolio = settings
                .portfolio_folder
                .clone()
                .filter(|folder| show_start && folder.is_dir());
            let mut app = GardefouApp::new(&cc.egui_ctx, assessment, path, kb, settings, today);
            if let Some((path, opened)) = from_file {
                app.took_opened(&path, opened);
            }
            let app = app
                .with_recovery_dir(eframe::storage_dir("gardefou"))
                .with_start_screen(show_start)
                .with_clock(crate::session::today_local);
            Ok(Box::new(match portfolio {
                Some(folder) => app.with_portfolio(&cc.egui_ctx, folder),
                None => app,
            }))
        }),
    )
    .map_err(|error| anyhow::anyhow!("cannot open a window: {error}"))
}
