//! The plan editor's background pictures: each read and decoded on a thread of its own (a
//! large scan takes a moment), scaled to a texture the graphics card takes, then kept by its
//! SHA-256 so that switching plans or steps never reads it again. A picture being attached is
//! read the same way first; only a picture that decodes joins the evidence locker.

use std::collections::HashMap;
use std::path::PathBuf;
use std::sync::{Arc, Mutex};

use crate::model::PlanId;
use crate::session::plan_background::{self, BackgroundError, ScreenPicture, Source};

/// The longest side of a background texture: sharp enough at the editor's zoom, and taken by
/// every graphics card (an 8,000-pixel plan is shown at half its resolution).
const SCREEN_SIDE: u32 = 4096;

/// A picture chosen as a background, once read: the plan, the file and its sides.
pub type Attached = (PlanId, PathBuf, (u32, u32));

/// What a reading thread hands back.
type Slot = Arc<Mutex<Option<Result<ScreenPicture, BackgroundError>>>>;

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

/// Reads `source` on a thread into a new slot; the editor is repainted when it is done.
fn read_in_background(ctx: &egui::Context, source: Source) -> Slot {
    let slot: Slot = Arc::new(Mutex::new(None));
    let side =
        SCREEN_SIDE.min(u32::try_from(ctx.input(|i| i.max_texture_side)).unwrap_or(u32::MAX));
    let (filled, ctx) = (Arc::clone(&slot), ctx.clone());
    std::thread::spawn(move || {
        let read = plan_background::for_screen(&source, side);
        if let Ok(mut slot) = filled.lock() {
            *slot = Some(read);
        }
        ctx.request_repaint();
    });
    slot
}

/// The slot's result once the thread is done (taken out of it).
fn take(slot: &Slot) -> Option<Result<ScreenPicture, BackgroundError>> {
    slot.lock().ok().and_then(|mut s| s.take())
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
