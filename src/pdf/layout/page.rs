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
    /// The content of structure element `Layout::nodes[id]` starts here (a tagged PDF's
    /// reading order: what follows, up to its `End`, is that element's).
    Begin(usize),
    /// The element opened last ends.
    End,
    /// What follows is decoration — running header and footer, watermark — until
    /// `Artifact(false)`: never read out.
    Artifact(bool),
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

impl Item {
    /// A structure mark, which draws nothing.
    pub fn is_mark(&self) -> bool {
        matches!(self, Item::Begin(_) | Item::End | Item::Artifact(_))
    }
}

/// What a structure element is, by the standard structure types of PDF 1.7 (ISO 32000-1,
/// 14.8.4) that PDF/UA reads.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Role {
    /// A heading, level 1 to 3.
    H(u8),
    /// A paragraph (also a callout, the cover's lines, a signature box).
    P,
    /// A list.
    L,
    /// A list item.
    Li,
    /// A list item's label (its bullet).
    Lbl,
    /// A list item's body.
    LBody,
    /// A table.
    Table,
    /// A table row.
    Tr,
    /// A header cell, of its column (`false`) or of its row (`true`).
    Th(bool),
    /// A data cell.
    Td,
    /// A figure: a plan, the risk map (read by its alternative text).
    Figure,
    /// The table of contents.
    Toc,
    /// An entry of the table of contents.
    Toci,
    /// A link: an address's words, with the annotation a reader follows.
    Link,
}

impl Role {
    /// Its standard structure type.
    pub fn name(self) -> &'static str {
        match self {
            Role::H(1) => "H1",
            Role::H(2) => "H2",
            Role::H(_) => "H3",
            Role::P => "P",
            Role::L => "L",
            Role::Li => "LI",
            Role::Lbl => "Lbl",
            Role::LBody => "LBody",
            Role::Table => "Table",
            Role::Tr => "TR",
            Role::Th(_) => "TH",
            Role::Td => "TD",
            Role::Figure => "Figure",
            Role::Toc => "TOC",
            Role::Toci => "TOCI",
            Role::Link => "Link",
        }
    }

    /// It holds content itself (marked in the pages), not other elements.
    pub fn holds_content(self) -> bool {
        !matches!(
            self,
            Role::L | Role::Li | Role::Table | Role::Tr | Role::Toc
        )
    }
}

/// An element of the document's structure.
#[derive(Clone, Debug, PartialEq)]
pub struct Node {
    /// What it is.
    pub role: Role,
    /// The element it belongs to (`None`: the document).
    pub parent: Option<usize>,
    /// Its alternative text (a figure's description in words).
    pub alt: String,
    /// The language it is written in, when not the document's.
    pub lang: Option<crate::model::Lang>,
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
    /// The structure elements the pages' `Item::Begin` marks open, in reading order.
    pub nodes: Vec<Node>,
    /// The links: where each can be followed, in reading order.
    pub links: Vec<LinkArea>,
}

/// A link's area on a page, which a reader can follow: the words of an address (a web page,
/// an e-mail address), or an entry of the contents.
#[derive(Clone, Debug, PartialEq)]
pub struct LinkArea {
    /// The page's index.
    pub page: usize,
    /// Its `Link` structure element.
    pub node: usize,
    /// Left, top, width and height, in points from the page's top-left corner.
    pub area: [f32; 4],
    /// Where it leads.
    pub target: LinkTarget,
    /// What a reader hears of it: the address, the chapter's title.
    pub description: String,
}

/// Where a link leads.
#[derive(Clone, Debug, PartialEq)]
pub enum LinkTarget {
    /// An address outside the document (`https://…`, `mailto:…`).
    Uri(String),
    /// A page of the document, by its index.
    Page(usize),
}
