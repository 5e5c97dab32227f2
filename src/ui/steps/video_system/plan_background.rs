//! The plan editor's background pictures: the row that says what a plan is drawn on and takes
//! a picture to attach, and the pictures themselves — each read and decoded on a thread of its
//! own (a large scan takes a moment), scaled to a texture the graphics card takes, then kept by
//! its SHA-256 so that switching plans or steps never reads it again. A picture being attached
//! is read the same way first; only a picture that decodes joins the evidence locker.

use std::collections::HashMap;
use std::path::PathBuf;

use egui::RichText;

use super::plans::PlanEditorState;
use crate::edit::Edit;
use crate::i18n::{tr, tr_with, Lang};
use crate::model::{PlanId, SitePlan};
use crate::session::plan_background::{self, BackgroundError, ScreenPicture, Source};
use crate::ui::action::Action;
use crate::ui::task::Task;
use crate::ui::theme;

/// The longest side of a background texture: sharp enough at the editor's zoom, and taken by
/// every graphics card (an 8,000-pixel plan is shown at half its resolution).
const SCREEN_SIDE: u32 = 4096;

/// A picture chosen as a background, once read: the plan, the file and its sides.
pub type Attached = (PlanId, PathBuf, (u32, u32));

/// What a reading thread hands back.
type Slot = Task<Result<ScreenPicture, BackgroundError>>;

/// A background on its way to the screen.
#[derive(Clone)]
enum Shown {
    /// Being read.
    Reading(Slot),
    /// Ready to draw.
    Ready(egui::TextureHandle),
    /// Cannot be shown, and why.
    Failed(BackgroundError),
}

/// A picture chosen as a plan's background, being read before it is attached.
#[derive(Clone, Debug)]
struct Attaching {
    plan: PlanId,
    path: PathBuf,
    slot: Slot,
}

/// What `Backgrounds::texture` has for a plan.
pub enum Texture<'a> {
    /// Not read yet: the editor shows the blank sheet and says so.
    Reading,
    /// Draw this.
    Ready(&'a egui::TextureHandle),
    /// Cannot be shown.
    Failed(&'a BackgroundError),
}

/// The backgrounds read so far, by SHA-256, and the one being attached.
#[derive(Clone, Default)]
pub struct Backgrounds {
    shown: HashMap<String, Shown>,
    attaching: Option<Attaching>,
}

impl std::fmt::Debug for Backgrounds {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Backgrounds")
            .field("shown", &self.shown.keys().collect::<Vec<_>>())
            .field("attaching", &self.attaching)
            .finish()
    }
}

/// Reads `source` on a thread; the editor is repainted when it is done.
fn read_in_background(ctx: &egui::Context, source: Source) -> Slot {
    let side =
        SCREEN_SIDE.min(u32::try_from(ctx.input(|i| i.max_texture_side)).unwrap_or(u32::MAX));
    Task::spawn(ctx, move |_| plan_background::for_screen(&source, side))
}

/// The reading's result once the thread is done (taken out of it).
fn take(slot: &Slot) -> Option<Result<ScreenPicture, BackgroundError>> {
    slot.take()
}

fn texture_of(ctx: &egui::Context, picture: &ScreenPicture) -> egui::TextureHandle {
    let image = egui::ColorImage::from_rgba_unmultiplied(
        [picture.width as usize, picture.height as usize],
        &picture.rgba,
    );
    ctx.load_texture(
        format!("gardefou-plan-{}", picture.sha256),
        image,
        egui::TextureOptions::LINEAR,
    )
}

impl Backgrounds {
    /// The background at `path` (attached with `sha256`; `is_untitled` for work without a
    /// file) for drawing; the first call starts reading it.
    pub fn texture(
        &mut self,
        ctx: &egui::Context,
        path: PathBuf,
        sha256: &str,
        is_untitled: bool,
    ) -> Texture<'_> {
        let key = sha256.to_ascii_lowercase();
        let shown = self.shown.entry(key.clone()).or_insert_with(|| {
            Shown::Reading(read_in_background(
                ctx,
                Source::Attached {
                    path,
                    sha256: key.clone(),
                    is_untitled,
                },
            ))
        });
        if let Shown::Reading(slot) = shown {
            match take(slot) {
                Some(Ok(picture)) => *shown = Shown::Ready(texture_of(ctx, &picture)),
                Some(Err(error)) => *shown = Shown::Failed(error),
                None => {}
            }
        }
        match shown {
            Shown::Reading(_) => Texture::Reading,
            Shown::Ready(texture) => Texture::Ready(texture),
            Shown::Failed(error) => Texture::Failed(error),
        }
    }

    /// Starts reading `path` to make it `plan`'s background.
    pub fn start_attaching(&mut self, ctx: &egui::Context, plan: PlanId, path: PathBuf) {
        let slot = read_in_background(ctx, Source::Chosen(path.clone()));
        self.attaching = Some(Attaching { plan, path, slot });
    }

    /// True while a picture chosen as a background is being read.
    pub fn is_attaching(&self) -> bool {
        self.attaching.is_some()
    }

    /// The picture being attached, once read: the plan, the file and its sides, or why it
    /// cannot be a background. A picture read is kept for drawing.
    pub fn attached(&mut self, ctx: &egui::Context) -> Option<Result<Attached, BackgroundError>> {
        let attaching = self.attaching.as_ref()?;
        let read = take(&attaching.slot)?;
        let Attaching { plan, path, .. } = self.attaching.take()?;
        Some(read.map(|picture| {
            let sides = (picture.source_width, picture.source_height);
            self.shown.insert(
                picture.sha256.clone(),
                Shown::Ready(texture_of(ctx, &picture)),
            );
            (plan, path, sides)
        }))
    }
}

/// Where a plan's background file is and the SHA-256 it was attached with (`None`: a blank
/// sheet; an error: the plan names a document the locker does not hold).
pub(super) type Located = Option<Result<(std::path::PathBuf, String), BackgroundError>>;

/// The plan's background: what it is drawn on (a picture of the evidence locker, or a blank
/// sheet), a path to attach a picture, and « remove »; returns the texture to draw when ready.
pub(super) fn background_ui(
    ui: &mut egui::Ui,
    lang: Lang,
    plan: &SitePlan,
    located: Located,
    is_untitled: bool,
    state: &mut PlanEditorState,
    actions: &mut Vec<Action>,
) -> Option<egui::TextureHandle> {
    let palette = theme::palette(ui.ctx());
    let mut texture = None;
    ui.horizontal_wrapped(|ui| {
        let label = ui.label(tr(lang, "ui.plan.background"));
        let (status, colour) = match (&plan.background, located) {
            (None, _) | (_, None) => (
                tr(lang, "ui.plan.background_blank").to_owned(),
                palette.muted,
            ),
            (Some(_), Some(Err(error))) => {
                (crate::messages::background_error(&error, lang), palette.bad)
            }
            (Some(id), Some(Ok((path, sha256)))) => {
                let name = path
                    .file_name()
                    .map(|n| n.to_string_lossy().into_owned())
                    .unwrap_or_default();
                match state
                    .backgrounds
                    .texture(ui.ctx(), path, &sha256, is_untitled)
                {
                    Texture::Reading => (
                        tr_with(lang, "ui.plan.background_reading", &[("file", &name)]),
                        palette.muted,
                    ),
                    Texture::Ready(handle) => {
                        texture = Some(handle.clone());
                        (
                            tr_with(
                                lang,
                                "ui.plan.background_shown",
                                &[("evidence", id.as_str()), ("file", &name)],
                            ),
                            palette.good,
                        )
                    }
                    Texture::Failed(error) => {
                        (crate::messages::background_error(error, lang), palette.bad)
                    }
                }
            }
        };
        ui.label(RichText::new(status).color(colour))
            .labelled_by(label.id);
        if plan.background.is_some() && ui.button(tr(lang, "ui.plan.background_remove")).clicked() {
            actions.push(Action::Edit(Edit::SetPlanBackground(
                plan.plan_id.clone(),
                None,
                plan.width,
                plan.height,
            )));
        }
    });
    let field_width = super::plans::path_field_width(ui);
    ui.horizontal_wrapped(|ui| {
        let label = ui.label(tr(lang, "ui.plan.background_file"));
        ui.add(egui::TextEdit::singleline(&mut state.background_path).desired_width(field_width))
            .labelled_by(label.id);
        let is_reading = state.backgrounds.is_attaching();
        let button = ui
            .add_enabled(
                !is_reading && !state.background_path.trim().is_empty(),
                egui::Button::new(tr(lang, "ui.plan.background_set")),
            )
            .on_hover_text(tr(lang, "ui.plan.background_hint"));
        if button.clicked() {
            state.background_error = None;
            let path = std::path::PathBuf::from(state.background_path.trim());
            state
                .backgrounds
                .start_attaching(ui.ctx(), plan.plan_id.clone(), path);
        }
        if is_reading {
            ui.spinner();
            ui.label(tr(lang, "ui.plan.background_checking"));
        }
    });
    if let Some(message) = &state.background_error {
        ui.label(RichText::new(message).color(palette.bad));
    }
    texture
}
