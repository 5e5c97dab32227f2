//! What the layout produces: A4 pages of positioned items (text runs, rectangles, circles,
//! lines), in points from the page's top-left corner, plus the chapter bookmarks. The page
//! geometry (size, margins, text area) lives here too, since every phase after the layout —
//! decoration and emission — draws in the same coordinates.

use super::palette::Rgb;
use crate::pdf::fonts::Face;

/// A4 width in points.
pub const PAGE_W: f32 = 595.28;
/// A4 height in points.
pub const PAGE_H: f32 = 841.89;
/// Left and right margin.
pub const MARGIN_X: f32 = 62.0;
/// Top of the text area.
pub const TOP: f32 = 74.0;
/// Bottom of the text area.
pub const BOTTOM: f32 = PAGE_H - 70.0;
/// Width of the text area.
pub const CONTENT_W: f32 = PAGE_W - 2.0 * MARGIN_X;

/// Something drawn on a page.
#[derive(Clone, Debug, PartialEq)]
pub enum Item {
    /// Text with its baseline at `y`.
    Text {
        /// Left edge.
        x: f32,
        /// Baseline, from the top of the page.
        y: f32,
        /// Font size in points.
        size: f32,
        /// Face.
        face: Face,
        /// Colour.
        color: Rgb,
        /// The text.
        text: String,
    },
    /// Text rotated by `angle` degrees around its start.
    Rotated {
        /// Start, from the left.
        x: f32,
        /// Start, from the top.
        y: f32,
        /// Font size.
        size: f32,
        /// Angle, counter-clockwise, in degrees.
        angle: f32,
        /// Face.
        face: Face,
        /// Colour.
        color: Rgb,
        /// The text.
        text: String,
    },
    /// A plan's background picture, `index` in `Layout::pictures`, `y` its top.
    Picture {
        /// Which picture.
        index: usize,
        /// Left.
        x: f32,
        /// Top.
        y: f32,
        /// Width.
        w: f32,
        /// Height.
        h: f32,
        /// How the stored picture is turned to stand upright: an EXIF orientation, 1 to 8
        /// (1: as stored).
        orientation: u8,
        /// Only this part of it shows: left, top, width, height (a detail of a plan).
        clip: Option<[f32; 4]>,
    },
    /// From here on, fills are translucent (`true`, so a background shows through the fields
    /// of view and zones drawn over it) or opaque again (`false`).
    Translucent(bool),
    /// The branding's logo, `y` its top.
    Image {
        /// Left.
        x: f32,
        /// Top.
        y: f32,
        /// Width.
        w: f32,
        /// Height.
        h: f32,
    },
    /// A filled rectangle; `y` is its top.
    Rect {
        /// Left.
        x: f32,
        /// Top.
        y: f32,
        /// Width.
        w: f32,
        /// Height.
        h: f32,
        /// Fill.
        color: Rgb,
    },
    /// A circle, filled and/or outlined.
    Circle {
        /// Centre x.
        x: f32,
        /// Centre y, from the top.
        y: f32,
        /// Radius.
        r: f32,
        /// Fill colour, if filled.
        fill: Option<Rgb>,
        /// Outline colour, if outlined (0.9 pt wide).
        stroke: Option<Rgb>,
    },
    /// A closed outline, filled and outlined (a zone or a field of view on a plan).
    Polygon {
        /// The corners, from the top-left of the page.
        points: Vec<(f32, f32)>,
        /// Fill colour.
        fill: Rgb,
        /// Outline colour and width.
        stroke: (Rgb, f32),
    },
    /// A straight line.
    Line {
        /// Start x.
        x1: f32,
        /// Start y.
        y1: f32,
        /// End x.
        x2: f32,
        /// End y.
        y2: f32,
        /// Thickness.
        width: f32,
        /// Colour.
        color: Rgb,
    },
}

/// One page.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Page {
    /// What is drawn, back to front.
    pub items: Vec<Item>,
    /// The cover gets no running header or footer.
    pub is_cover: bool,
}

/// The laid-out document.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Layout {
    /// The pages.
    pub pages: Vec<Page>,
    /// Chapter titles and the index of the page they start on.
    pub bookmarks: Vec<(String, usize)>,
    /// The pictures the pages draw (`Item::Picture`), each once.
    pub pictures: Vec<std::sync::Arc<crate::dossier::Picture>>,
}
