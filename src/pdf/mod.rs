//! The PDF dossier: any `Dossier` → PDF bytes, in three typed phases — `layout` (blocks → pages
//! of positioned items), `decorate` (headers, footers, watermark), `emit` (printpdf, with the
//! fonts cut down to the glyphs used by `subset`). `fonts` (parsed once per process) serves
//! all three. Plus `reopen`, which finds the project file attached to a dossier so the app can
//! open it again.

pub mod decorate;
pub mod emit;
pub mod fonts;
pub mod layout;
pub mod reopen;
mod subset;
pub mod wrap;

use crate::dossier::Dossier;

/// Why a dossier could not be rendered.
#[derive(Debug, thiserror::Error)]
pub enum RenderError {
    /// The embedded fonts did not parse (a damaged build).
    #[error(transparent)]
    Font(#[from] fonts::FontError),
    /// Writing the PDF failed.
    #[error(transparent)]
    Emit(#[from] emit::EmitError),
}

/// Lays out and decorates the dossier's pages (the second phase, useful to tests).
pub fn pages(dossier: &Dossier) -> Result<layout::Layout, RenderError> {
    let fonts = fonts::Fonts::get()?;
    Ok(lay_out(dossier, fonts.metrics()))
}

/// Renders the dossier to PDF bytes, tagged (the structure a screen reader reads).
pub fn render(dossier: &Dossier) -> Result<Vec<u8>, RenderError> {
    render_as(dossier, emit::Tagging::Tagged)
}

/// Renders the dossier to the same pages without their structure: what the benchmark weighs
/// tagging's cost against. Every document Garde-fou writes is tagged.
pub fn render_untagged(dossier: &Dossier) -> Result<Vec<u8>, RenderError> {
    render_as(dossier, emit::Tagging::Untagged)
}

fn render_as(dossier: &Dossier, tagging: emit::Tagging) -> Result<Vec<u8>, RenderError> {
    let fonts = fonts::Fonts::get()?;
    let laid = lay_out(dossier, fonts.metrics());
    Ok(emit::emit(
        &laid,
        &dossier.meta,
        dossier.source_attachment.as_ref(),
        fonts,
        tagging,
    )?)
}

/// The layout and decoration phases.
fn lay_out(dossier: &Dossier, metrics: &fonts::Metrics) -> layout::Layout {
    let mut laid = layout::layout_for(&dossier.blocks, metrics, Some(&dossier.meta));
    decorate::decorate(&mut laid, &dossier.meta, metrics);
    laid
}
