//! Page content streams, written directly: a page's items as the handful of PDF operators the
//! dossier needs — text objects (`BT` `Tf` `rg` `Tm` `Tj` `ET`), filled rectangles (`re f`),
//! lines (`m l S`) and polygon circles (`m l… h f|S|b`). The operators are the ones printpdf
//! writes for the same drawing, with the same numbers, but without building an operation
//! object per value first; text is shown as literal strings of two-byte glyph ids (what the
//! `Identity-H` encoding of the embedded fonts expects), half the size of hexadecimal.
//!
//! The graphics state is tracked so nothing is set twice: consecutive runs of text share one
//! text object, and the font, colours and line width are written only when they change.
//! Each page starts from the default state, as its content stream is read on its own.
//!
//! Along the way the writer notes, per face, which glyphs are shown and with which character:
//! that is what the fonts' subsets and their `/ToUnicode` maps (text extraction) are made of.
//!
//! Tagging: what is drawn inside a structure element that holds content (a heading, a
//! paragraph, a cell…) is a marked-content sequence `/H1 <</MCID n>> BDC … EMC`, opened at its
//! first drawing on each page it runs over; what is drawn outside any (rules, zebra rows,
//! repeated table headers) and between `Artifact` marks (running header, footer, watermark) is
//! `/Artifact BMC … EMC`. The writer notes, page by page, which element each MCID belongs to:
//! the structure tree and its parent tree are made of that. Sequences and text objects nest: a
//! sequence begun inside a text object ends before it (so the cells of a row share one text
//! object, as untagged), one begun outside ends after it; an artifact runs on across elements
//! until content comes, so a row's rule and the next row's shading are one artifact.

use std::io::Write as _;

use crate::pdf::fonts::{Face, Metrics};
use crate::pdf::layout::{Item, Node, Page, Rgb, Role, PAGE_H};

/// How many sides the polygon drawing a circle has: round to the eye at the sizes we draw.
const CIRCLE_SIDES: usize = 28;

/// Width of a circle's outline, in points.
const CIRCLE_OUTLINE: f32 = 0.9;

/// The graphics state a page's operators have set so far.
#[derive(Default)]
struct State {
    is_in_text: bool,
    font: Option<(Face, f32)>,
    fill: Option<Rgb>,
    stroke: Option<Rgb>,
    line_width: Option<f32>,
}

/// The resource name of the branding's logo in the pages that draw it.
pub const LOGO_NAME: &str = "GfLogo";
/// The resource name of the graphics state that makes fills translucent.
pub const TRANSLUCENT_NAME: &str = "GfTranslucent";
/// The resource name of the graphics state that makes fills opaque again.
pub const OPAQUE_NAME: &str = "GfOpaque";

/// The matrix (`cm`) that draws a picture stored turned as the EXIF `orientation` says upright
/// in the box of width `w` and height `h` whose bottom-left corner is (`x`, `y`): the picture is
/// carried as stored, and turned here rather than decoded and turned.
pub fn placement(orientation: u8, x: f32, y: f32, w: f32, h: f32) -> [f32; 6] {
    // Where the stored picture's (u, v) — u rightwards, v upwards, in 0..1 — stands upright,
    // as (s, t) = (su·u + sv·v + s0, tu·u + tv·v + t0).
    let ((su, sv, s0), (tu, tv, t0)) = match orientation {
        2 => ((-1.0, 0.0, 1.0), (0.0, 1.0, 0.0)),
        3 => ((-1.0, 0.0, 1.0), (0.0, -1.0, 1.0)),
        4 => ((1.0, 0.0, 0.0), (0.0, -1.0, 1.0)),
        5 => ((0.0, -1.0, 1.0), (-1.0, 0.0, 1.0)),
        6 => ((0.0, 1.0, 0.0), (-1.0, 0.0, 1.0)),
        7 => ((0.0, 1.0, 0.0), (1.0, 0.0, 0.0)),
        8 => ((0.0, -1.0, 1.0), (1.0, 0.0, 0.0)),
        _ => ((1.0, 0.0, 0.0), (0.0, 1.0, 0.0)),
    };
    [w * su, h * tu, w * sv, h * tv, x + w * s0, y + h * t0]
}

/// The resource name of picture `index` of the layout in the pages that draw it.
pub fn picture_name(index: usize) -> String {
    format!("GfPicture{index}")
}

/// The marked-content sequence a drawing belongs in.
#[derive(Clone, Copy, PartialEq)]
enum Sequence {
    /// The one open (or none: untagged pages).
    Open,
    /// A new one for this content element.
    Element(usize),
    /// A new artifact sequence.
    Artifact,
}

/// Where the marked content stands, across pages.
#[derive(Default)]
struct Marking {
    /// The structure elements open, innermost last (an element may run over pages).
    open: Vec<usize>,
    /// The innermost element's marked-content sequence is open on this page.
    is_marked: bool,
    /// An artifact sequence is open.
    is_artifact: bool,
    /// The open sequence (marked or artifact) began inside the text object now open: it ends
    /// before that object does. (One begun outside ends after it.)
    is_begun_in_text: bool,
    /// Between `Artifact(true)` and `Artifact(false)`.
    is_forced_artifact: bool,
}

/// Writes the content streams of a document's pages, one after the other.
pub struct ContentWriter<'m> {
    metrics: &'m Metrics,
    /// The document's structure elements (`Layout::nodes`).
    nodes: &'m [Node],
    marking: Marking,
    /// Page by page, the element each marked-content id (its index) belongs to.
    marks: Vec<Vec<usize>>,
    /// The elements drawing a shape (not only text) on the page being written, sorted.
    drawing_shapes: Vec<usize>,
    /// The resource name of each face's font, by `Face::index`.
    font_names: [Vec<u8>; 3],
    /// For each face, by glyph id: the last character shown with that glyph, if any.
    glyph_chars: [Vec<Option<char>>; 3],
}

impl<'m> ContentWriter<'m> {
    /// A writer looking glyphs up in `metrics` and naming each face's font as in `font_names`
    /// (by `Face::index`).
    pub fn new(metrics: &'m Metrics, font_names: [&str; 3]) -> Self {
        ContentWriter {
            metrics,
            font_names: font_names.map(|name| name.as_bytes().to_vec()),
            glyph_chars: [(); 3].map(|()| vec![None; usize::from(u16::MAX) + 1]),
            nodes: &[],
            marking: Marking::default(),
            marks: Vec::new(),
            drawing_shapes: Vec::new(),
        }
    }

    /// The same writer tagging the pages' content with the structure elements `nodes`.
    pub fn with_structure(mut self, nodes: &'m [Node]) -> Self {
        self.nodes = nodes;
        self
    }

    /// Page by page, the structure element each marked-content id belongs to.
    pub fn marks(&self) -> &[Vec<usize>] {
        &self.marks
    }

    /// The content stream of `page`.
    pub fn page(&mut self, page: &Page) -> Vec<u8> {
        let mut out = Vec::with_capacity(page.items.len() * 64);
        let mut state = State::default();
        self.marks.push(Vec::new());
        self.note_shapes(page);
        for item in &page.items {
            self.item(&mut out, &mut state, item);
        }
        self.end_text(&mut out, &mut state);
        // What runs on to the next page is marked again there.
        self.end_sequence(&mut out, &mut state);
        out
    }

    /// Closes the text object, if one is open (shapes cannot be drawn inside one), and before
    /// it a sequence begun inside it.
    fn end_text(&mut self, out: &mut Vec<u8>, state: &mut State) {
        if !state.is_in_text {
            return;
        }
        if self.marking.is_begun_in_text {
            self.end_sequence(out, state);
        }
        state.is_in_text = false;
        out.extend_from_slice(b"ET\n");
    }

    /// Closes the open sequence, marked or artifact, if any: after the text object begun
    /// inside it. A text object begun before it stays open.
    fn end_sequence(&mut self, out: &mut Vec<u8>, state: &mut State) {
        if !self.marking.is_marked && !self.marking.is_artifact {
            return;
        }
        if state.is_in_text && !self.marking.is_begun_in_text {
            state.is_in_text = false;
            out.extend_from_slice(b"ET\n");
        }
        self.marking.is_marked = false;
        self.marking.is_artifact = false;
        self.marking.is_begun_in_text = false;
        out.extend_from_slice(b"EMC\n");
    }

    /// Notes which elements draw a shape on `page`. Their sequences begin outside any text
    /// object, so a shape after their text stays in the same sequence; text alone is marked
    /// inside the text object, which the next element's text then shares.
    fn note_shapes(&mut self, page: &Page) {
        self.drawing_shapes.clear();
        if self.nodes.is_empty() {
            return;
        }
        let mut open = self.marking.open.clone();
        for item in &page.items {
            match item {
                Item::Begin(id) => open.push(*id),
                Item::End => {
                    open.pop();
                }
                Item::Text { .. }
                | Item::Rotated { .. }
                | Item::Artifact(_)
                | Item::Translucent(_) => {}
                _ => self.drawing_shapes.extend(open.last()),
            }
        }
        self.drawing_shapes.sort_unstable();
        self.drawing_shapes.dedup();
    }

    /// The sequence the next drawing belongs in, if not the one open.
    fn sequence_wanted(&self) -> Sequence {
        // A writer without structure writes untagged pages.
        if self.nodes.is_empty() {
            return Sequence::Open;
        }
        if self.marking.is_forced_artifact {
            return match self.marking.is_artifact {
                true => Sequence::Open,
                false => Sequence::Artifact,
            };
        }
        if self.marking.is_marked {
            return Sequence::Open;
        }
        let leaf = self
            .marking
            .open
            .last()
            .copied()
            .filter(|id| self.nodes.get(*id).is_some_and(|n| n.role.holds_content()));
        match leaf {
            Some(id) => Sequence::Element(id),
            None if self.marking.is_artifact => Sequence::Open,
            None => Sequence::Artifact,
        }
    }

    /// Before something is drawn — text inside a text object (`is_text`), anything else
    /// outside one: inside the innermost content element's sequence (begun here at its first
    /// drawing on the page), else inside an artifact sequence.
    fn mark_drawing(&mut self, out: &mut Vec<u8>, state: &mut State, is_text: bool) {
        if !is_text {
            self.end_text(out, state);
        }
        let wanted = self.sequence_wanted();
        if wanted != Sequence::Open {
            self.end_sequence(out, state);
        }
        // An element drawing shapes too begins outside any text object; anything else inside
        // the one open.
        let is_outside = match wanted {
            Sequence::Element(id) => self.drawing_shapes.binary_search(&id).is_ok(),
            Sequence::Open | Sequence::Artifact => false,
        };
        if is_outside {
            self.end_text(out, state);
        } else if is_text && !state.is_in_text {
            state.is_in_text = true;
            out.extend_from_slice(b"BT\n");
        }
        match wanted {
            Sequence::Open => {}
            Sequence::Element(id) => {
                let Some(marks) = self.marks.last_mut() else {
                    return;
                };
                let mcid = marks.len();
                marks.push(id);
                out.push(b'/');
                out.extend_from_slice(self.nodes[id].role.name().as_bytes());
                out.extend_from_slice(b" <</MCID ");
                super::structure::integer(out, mcid as u64);
                out.extend_from_slice(b">> BDC\n");
                self.marking.is_marked = true;
                self.marking.is_begun_in_text = state.is_in_text;
            }
            Sequence::Artifact => {
                out.extend_from_slice(b"/Artifact BMC\n");
                self.marking.is_artifact = true;
                self.marking.is_begun_in_text = state.is_in_text;
            }
        }
        if is_text && !state.is_in_text {
            state.is_in_text = true;
            out.extend_from_slice(b"BT\n");
        }
    }

    /// The glyphs of `face` shown so far, in glyph order, each with the character it showed
    /// (the last one, when several characters share a glyph).
    pub fn glyphs(&self, face: Face) -> impl Iterator<Item = (u16, char)> + '_ {
        (0..=u16::MAX)
            .zip(&self.glyph_chars[face.index()])
            .filter_map(|(glyph, c)| Some((glyph, (*c)?)))
    }

    fn item(&mut self, out: &mut Vec<u8>, state: &mut State, item: &Item) {
        match item {
            // An element's sequence ends with it; an artifact runs on until content comes.
            Item::Begin(id) => {
                if self.marking.is_marked {
                    self.end_sequence(out, state);
                }
                self.marking.open.push(*id);
                return;
            }
            Item::End => {
                if self.marking.is_marked {
                    self.end_sequence(out, state);
                }
                self.marking.open.pop();
                return;
            }
            Item::Artifact(_) if self.nodes.is_empty() => return,
            Item::Artifact(is_start) => {
                if *is_start && !self.marking.is_artifact {
                    self.end_sequence(out, state);
                    out.extend_from_slice(b"/Artifact BMC\n");
                    self.marking.is_artifact = true;
                    self.marking.is_begun_in_text = state.is_in_text;
                }
                self.marking.is_forced_artifact = *is_start;
                return;
            }
            Item::Text { .. } | Item::Rotated { .. } => self.mark_drawing(out, state, true),
            Item::Translucent(_) => self.end_text(out, state),
            _ => self.mark_drawing(out, state, false),
        }
        match item {
            Item::Begin(_) | Item::End | Item::Artifact(_) => {}
            Item::Text {
                x,
                y,
                size,
                face,
                color,
                text,
            } => {
                let matrix = [1.0, 0.0, 0.0, 1.0, *x, PAGE_H - y];
                self.text(out, state, (*face, *size), *color, matrix, text);
            }
            Item::Rotated {
                x,
                y,
                size,
                angle,
                face,
                color,
                text,
            } => {
                // The matrix printpdf's `TextMatrix::TranslateRotate` gives, number for number.
                let turn = (360.0 - angle).to_radians();
                let (sin, cos) = turn.sin_cos();
                let matrix = [cos, -sin, sin, cos, *x, PAGE_H - y];
                self.text(out, state, (*face, *size), *color, matrix, text);
            }
            Item::Image { x, y, w, h } => {
                out.extend_from_slice(b"q\n");
                numbers(out, &[*w, 0.0, 0.0, *h, *x, PAGE_H - y - h]);
                out.extend_from_slice(b"cm\n");
                name(out, LOGO_NAME.as_bytes());
                out.extend_from_slice(b" Do\nQ\n");
            }
            Item::Picture {
                index,
                x,
                y,
                w,
                h,
                orientation,
                clip,
            } => {
                out.extend_from_slice(b"q\n");
                if let Some([cx, cy, cw, ch]) = clip {
                    numbers(out, &[*cx, PAGE_H - cy - ch, *cw, *ch]);
                    out.extend_from_slice(b"re W n\n");
                }
                numbers(out, &placement(*orientation, *x, PAGE_H - y - h, *w, *h));
                out.extend_from_slice(b"cm\n");
                name(out, picture_name(*index).as_bytes());
                out.extend_from_slice(b" Do\nQ\n");
            }
            Item::Translucent(is_translucent) => {
                let state_name = if *is_translucent {
                    TRANSLUCENT_NAME
                } else {
                    OPAQUE_NAME
                };
                name(out, state_name.as_bytes());
                out.extend_from_slice(b" gs\n");
            }
            Item::Rect { x, y, w, h, color } => {
                fill(out, state, *color);
                numbers(out, &[*x, PAGE_H - y - h, *w, *h]);
                out.extend_from_slice(b"re\nf\n");
            }
            Item::Line {
                x1,
                y1,
                x2,
                y2,
                width,
                color,
            } => {
                stroke(out, state, *color, *width);
                numbers(out, &[*x1, PAGE_H - y1]);
                out.extend_from_slice(b"m\n");
                numbers(out, &[*x2, PAGE_H - y2]);
                out.extend_from_slice(b"l\nS\n");
            }
            Item::Circle {
                x,
                y,
                r,
                fill: inside,
                stroke: outline,
            } => circle(out, state, (*x, *y, *r), *inside, *outline),
            Item::Polygon {
                points,
                fill: inside,
                stroke: (outline, width),
            } => {
                if points.len() < 3 {
                    return;
                }
                fill(out, state, *inside);
                stroke(out, state, *outline, *width);
                for (n, (x, y)) in points.iter().enumerate() {
                    numbers(out, &[*x, PAGE_H - y]);
                    out.extend_from_slice(if n == 0 { b"m\n" } else { b"l\n" });
                }
                out.extend_from_slice(b"h\nb\n");
            }
        }
    }

    /// Shows `text` with its own text matrix, inside the page's current text object.
    fn text(
        &mut self,
        out: &mut Vec<u8>,
        state: &mut State,
        font: (Face, f32),
        color: Rgb,
        matrix: [f32; 6],
        text: &str,
    ) {
        if !state.is_in_text {
            state.is_in_text = true;
            out.extend_from_slice(b"BT\n");
        }
        if state.font != Some(font) {
            state.font = Some(font);
            name(out, &self.font_names[font.0.index()]);
            out.push(b' ');
            numbers(out, &[font.1]);
            out.extend_from_slice(b"Tf\n");
        }
        fill(out, state, color);
        numbers(out, &matrix);
        out.extend_from_slice(b"Tm\n(");
        let face = font.0;
        let chars = &mut self.glyph_chars[face.index()];
        for c in text.chars() {
            let glyph = self.metrics.glyph(face, c);
            if glyph != 0 {
                chars[usize::from(glyph)] = Some(c);
            }
            for byte in glyph.to_be_bytes() {
                // In a literal string, parentheses and backslashes are escaped, and a carriage
                // return too: unescaped, a reader takes it for an end of line and reads a line
                // feed. Every other byte stands for itself.
                match byte {
                    b'(' | b')' | b'\\' => out.extend_from_slice(&[b'\\', byte]),
                    b'\r' => out.extend_from_slice(b"\\r"),
                    _ => out.push(byte),
                }
            }
        }
        // Inside an element read out, a line ends with a space, so the words either side of a
        // line break stay two words for a screen reader (a space draws nothing).
        let is_link = self
            .marking
            .open
            .last()
            .is_some_and(|id| self.nodes.get(*id).is_some_and(|n| n.role == Role::Link));
        if self.marking.is_marked && !is_link && !text.ends_with(char::is_whitespace) {
            let space = self.metrics.glyph(face, ' ');
            if space != 0 {
                self.glyph_chars[face.index()][usize::from(space)] = Some(' ');
            }
            for byte in space.to_be_bytes() {
                match byte {
                    b'(' | b')' | b'\\' => out.extend_from_slice(&[b'\\', byte]),
                    b'\r' => out.extend_from_slice(b"\\r"),
                    _ => out.push(byte),
                }
            }
        }
        out.extend_from_slice(b") Tj\n");
    }
}

fn fill(out: &mut Vec<u8>, state: &mut State, color: Rgb) {
    if state.fill != Some(color) {
        state.fill = Some(color);
        numbers(out, &[color.0, color.1, color.2]);
        out.extend_from_slice(b"rg\n");
    }
}

fn stroke(out: &mut Vec<u8>, state: &mut State, color: Rgb, width: f32) {
    if state.stroke != Some(color) {
        state.stroke = Some(color);
        numbers(out, &[color.0, color.1, color.2]);
        out.extend_from_slice(b"RG\n");
    }
    if state.line_width != Some(width) {
        state.line_width = Some(width);
        numbers(out, &[width]);
        out.extend_from_slice(b"w\n");
    }
}

/// A circle centred on (`x`, `y`) from the page's top, of radius `r`, as a closed polygon:
/// filled, outlined or both.
fn circle(
    out: &mut Vec<u8>,
    state: &mut State,
    (x, y, r): (f32, f32, f32),
    inside: Option<Rgb>,
    outline: Option<Rgb>,
) {
    let paint: &[u8] = match (inside, outline) {
        (Some(_), Some(_)) => b"h\nb\n",
        (Some(_), None) => b"h\nf\n",
        (None, Some(_)) => b"h\nS\n",
        (None, None) => return,
    };
    if let Some(color) = inside {
        fill(out, state, color);
    }
    if let Some(color) = outline {
        stroke(out, state, color, CIRCLE_OUTLINE);
    }
    for n in 0..CIRCLE_SIDES {
        let angle = n as f32 / CIRCLE_SIDES as f32 * std::f32::consts::TAU;
        numbers(out, &[x + r * angle.cos(), PAGE_H - (y - r * angle.sin())]);
        out.extend_from_slice(if n == 0 { b"m\n" } else { b"l\n" });
    }
    out.extend_from_slice(paint);
}

/// Writes each number followed by a space, as the shortest decimal that reads back as the same
/// `f32` (what lopdf writes for printpdf).
fn numbers(out: &mut Vec<u8>, values: &[f32]) {
    for value in values {
        // Writing to a `Vec` cannot fail.
        write!(out, "{value} ").ok();
    }
}

/// Writes a PDF name: `/` then its bytes, any that are not regular characters as `#xx`.
fn name(out: &mut Vec<u8>, bytes: &[u8]) {
    out.push(b'/');
    for &byte in bytes {
        let is_regular = byte.is_ascii_graphic() && !b"()<>[]{}/%#".contains(&byte);
        if is_regular {
            out.push(byte);
        } else {
            write!(out, "#{byte:02X}").ok();
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::pdf::fonts::Fonts;
    use crate::pdf::layout::{ACCENT, INK, RULE};

    #[test]
    fn a_turned_picture_is_placed_upright_as_its_exif_orientation_says() {
        use image::metadata::Orientation;
        // A 3 × 2 picture, every pixel its own colour.
        let stored = image::RgbImage::from_fn(3, 2, |c, r| image::Rgb([c as u8, r as u8, 9]));
        for exif in 1..=8u8 {
            let mut upright = image::DynamicImage::ImageRgb8(stored.clone());
            upright.apply_orientation(Orientation::from_exif(exif).expect("orientation"));
            let upright = upright.to_rgb8();
            let (uw, uh) = (upright.width() as f32, upright.height() as f32);
            let [a, b, c, d, e, f] = placement(exif, 0.0, 0.0, 1.0, 1.0);
            for (col, row, pixel) in stored.enumerate_pixels() {
                // The stored pixel's centre in the image's unit square (v upwards)…
                let u = (col as f32 + 0.5) / 3.0;
                let v = 1.0 - (row as f32 + 0.5) / 2.0;
                // … lands on the page here, which is this pixel of the upright picture.
                let (s, t) = (a * u + c * v + e, b * u + d * v + f);
                let (x, y) = ((s * uw) as u32, ((1.0 - t) * uh) as u32);
                assert_eq!(upright.get_pixel(x, y), pixel, "orientation {exif}");
            }
        }
    }

    fn writer() -> ContentWriter<'static> {
        let metrics = Fonts::get().expect("fonts").metrics();
        ContentWriter::new(metrics, ["FR", "FB", "FI"])
    }

    fn text(face: Face, size: f32, color: Rgb, text: &str) -> Item {
        Item::Text {
            x: 62.0,
            y: 100.0,
            size,
            face,
            color,
            text: text.to_owned(),
        }
    }

    /// The operators of a content stream, in order (operands and strings left out).
    fn operators(content: &[u8]) -> Vec<String> {
        operations(content).into_iter().map(|(op, _)| op).collect()
    }

    #[test]
    fn runs_of_text_share_a_text_object_and_state_is_set_only_when_it_changes() {
        let mut writer = writer();
        let page = Page {
            items: vec![
                text(Face::Regular, 9.5, INK, "un"),
                text(Face::Regular, 9.5, INK, "deux"),
                text(Face::Bold, 9.5, ACCENT, "titre"),
                Item::Rect {
                    x: 62.0,
                    y: 200.0,
                    w: 100.0,
                    h: 20.0,
                    color: RULE,
                },
                text(Face::Bold, 9.5, ACCENT, "après le cadre"),
                Item::Line {
                    x1: 62.0,
                    y1: 230.0,
                    x2: 500.0,
                    y2: 230.0,
                    width: 0.4,
                    color: RULE,
                },
                Item::Line {
                    x1: 62.0,
                    y1: 240.0,
                    x2: 500.0,
                    y2: 240.0,
                    width: 0.4,
                    color: RULE,
                },
                Item::Circle {
                    x: 100.0,
                    y: 300.0,
                    r: 6.0,
                    fill: Some(INK),
                    stroke: Some(ACCENT),
                },
                text(Face::Italic, 7.5, INK, "fin"),
            ],
            is_cover: false,
        };
        let content = writer.page(&page);
        let mut expected = vec!["BT", "Tf", "rg", "Tm", "Tj", "Tm", "Tj"];
        expected.extend(["Tf", "rg", "Tm", "Tj", "ET"]); // bold, accent
        expected.extend(["rg", "re", "f"]); // the frame
        expected.extend(["BT", "rg", "Tm", "Tj", "ET"]); // same font, accent again
        expected.extend(["RG", "w", "m", "l", "S", "m", "l", "S"]); // one width, two rules
        expected.extend(["rg", "RG", "w", "m"]); // ink inside, accent outline 0.9 pt
        expected.extend(["l"; CIRCLE_SIDES - 1]);
        expected.extend(["h", "b"]);
        expected.extend(["BT", "Tf", "Tm", "Tj", "ET"]); // italic, ink already set
        assert_eq!(operators(&content), expected);
        assert!(
            content.starts_with(b"BT\n/FR 9.5 Tf\n0.13 0.15 0.19 rg\n1 0 0 1 62 741.89 Tm\n("),
            "{}",
            String::from_utf8_lossy(&content[..80])
        );
    }

    #[test]
    fn text_is_shown_as_escaped_two_byte_glyph_ids_and_its_glyphs_are_noted() {
        let mut writer = writer();
        let metrics = Fonts::get().expect("fonts").metrics();
        let line = "(Délégué) \\ œuvre «\u{a0}x\u{a0}»";
        let content = writer.page(&Page {
            items: vec![text(Face::Regular, 9.5, INK, line)],
            is_cover: false,
        });
        let start = content.iter().position(|b| *b == b'(').expect("string") + 1;
        let end = content.len() - b") Tj\nET\n".len();
        // Undo the escapes; what is left is each character's glyph id, big-endian.
        let mut bytes = Vec::new();
        let mut escaped = content[start..end].iter();
        while let Some(&byte) = escaped.next() {
            if byte == b'\\' {
                match escaped.next() {
                    Some(b'r') => bytes.push(b'\r'),
                    Some(&other) => bytes.push(other),
                    None => panic!("dangling escape"),
                }
            } else {
                assert!(!matches!(byte, b'(' | b')' | b'\r'), "unescaped {byte}");
                bytes.push(byte);
            }
        }
        let glyphs: Vec<u16> = bytes
            .chunks(2)
            .map(|pair| u16::from_be_bytes([pair[0], pair[1]]))
            .collect();
        let expected: Vec<u16> = line
            .chars()
            .map(|c| metrics.glyph(Face::Regular, c))
            .collect();
        assert_eq!(glyphs, expected);
        let noted: Vec<(u16, char)> = writer.glyphs(Face::Regular).collect();
        for c in line.chars() {
            assert!(
                noted.contains(&(metrics.glyph(Face::Regular, c), c)) || c == ' ' || c == '\u{a0}'
            );
        }
        assert_eq!(writer.glyphs(Face::Bold).count(), 0);
    }

    #[test]
    fn a_page_starts_from_the_default_state() {
        let mut writer = writer();
        let page = Page {
            items: vec![text(Face::Bold, 12.0, ACCENT, "Titre")],
            is_cover: false,
        };
        let first = writer.page(&page);
        let second = writer.page(&page);
        assert_eq!(
            first, second,
            "the second page relied on the first one's state"
        );
        assert_eq!(operators(&second), ["BT", "Tf", "rg", "Tm", "Tj", "ET"]);
    }

    #[test]
    fn tagged_content_is_marked_by_element_and_decoration_as_artifacts() {
        use crate::pdf::layout::{Node, Role};
        let nodes = vec![
            Node {
                role: Role::H(1),
                parent: None,
                alt: String::new(),
                lang: None,
            },
            Node {
                role: Role::P,
                parent: None,
                alt: String::new(),
                lang: None,
            },
        ];
        let mut writer = writer().with_structure(&nodes);
        let first = writer.page(&Page {
            items: vec![
                Item::Begin(0),
                text(Face::Bold, 17.0, ACCENT, "Titre"),
                Item::End,
                Item::Begin(1),
                text(Face::Regular, 9.5, INK, "début"),
                Item::Artifact(true),
                text(Face::Regular, 7.5, INK, "page 1 / 2"),
                Item::Artifact(false),
            ],
            is_cover: false,
        });
        let ops = operators(&first);
        assert_eq!(ops.iter().filter(|o| **o == "BDC").count(), 2);
        assert_eq!(ops.iter().filter(|o| **o == "BMC").count(), 1);
        let bdc = ops.iter().filter(|o| **o == "BDC" || **o == "BMC").count();
        assert_eq!(ops.iter().filter(|o| **o == "EMC").count(), bdc, "balanced");
        let text = String::from_utf8_lossy(&first);
        assert!(text.contains("/H1 <</MCID 0>> BDC"), "{text}");
        assert!(text.contains("/P <</MCID 1>> BDC"));
        assert!(text.contains("/Artifact BMC"));
        // The paragraph runs on: marked again on the next page, with that page's first id.
        let second = writer.page(&Page {
            items: vec![text_item("suite"), Item::End],
            is_cover: false,
        });
        assert!(String::from_utf8_lossy(&second).contains("/P <</MCID 0>> BDC"));
        assert_eq!(writer.marks(), [vec![0, 1], vec![1]]);
    }

    fn text_item(words: &str) -> Item {
        text(Face::Regular, 9.5, INK, words)
    }

    /// The operations of a content stream: each operator with its numeric and name operands
    /// (strings left out).
    fn operations(content: &[u8]) -> Vec<(String, Vec<String>)> {
        let mut ops = Vec::new();
        let mut operands = Vec::new();
        let mut rest = content;
        while let Some(&byte) = rest.first() {
            if byte == b'(' {
                let mut at = 1;
                while at < rest.len() && rest[at] != b')' {
                    at += if rest[at] == b'\\' { 2 } else { 1 };
                }
                rest = &rest[(at + 1).min(rest.len())..];
                continue;
            }
            let end = rest
                .iter()
                .position(|b| b.is_ascii_whitespace())
                .unwrap_or(rest.len());
            let token = String::from_utf8_lossy(&rest[..end]).into_owned();
            if token.starts_with('/') || token.parse::<f32>().is_ok() {
                operands.push(token);
            } else if !token.is_empty() {
                ops.push((token, std::mem::take(&mut operands)));
            }
            rest = &rest[(end + 1).min(rest.len())..];
        }
        ops
    }

    fn rgb(operands: &[String]) -> Rgb {
        let n: Vec<f32> = operands
            .iter()
            .map(|o| o.parse().expect("number"))
            .collect();
        Rgb(n[0], n[1], n[2])
    }

    #[test]
    fn every_page_of_the_sample_dossier_draws_each_item_in_the_state_it_asks_for() {
        let sample = crate::sample::sample().expect("sample");
        let kb = crate::knowledge::KnowledgeBase::bundled().expect("knowledge base");
        let today = crate::model::Date::from_ymd(2026, 11, 23).expect("date");
        let report = crate::rules::evaluate(&sample, &kb, today);
        let options = crate::dossier::DossierOptions {
            lang: crate::model::Lang::Fr,
            is_public: false,
            today,
            source_text: None,
        };
        let built = crate::dossier::build(&sample, &kb, &report, &options);
        let layout = crate::pdf::pages(&built).expect("layout");
        let (mut untagged, mut tagged) = (writer(), writer().with_structure(&layout.nodes));
        let pages = layout.pages.iter().enumerate();
        for (index, page, content, is_tagged) in pages.flat_map(|(index, page)| {
            [(untagged.page(page), false), (tagged.page(page), true)]
                .map(|(content, is_tagged)| (index, page, content, is_tagged))
        }) {
            // Circles and polygons are closed paths (`h`), skipped below along with their items.
            let mut items = page.items.iter().filter(|i| {
                !matches!(
                    i,
                    Item::Circle { .. }
                        | Item::Polygon { .. }
                        | Item::Picture { .. }
                        | Item::Translucent(_)
                        | Item::Begin(_)
                        | Item::End
                        | Item::Artifact(_)
                )
            });
            let (mut is_in_text, mut font, mut fill, mut stroke) = (false, None, None, None);
            let mut is_in_circle = false;
            // Text objects and marked-content sequences, open, innermost last: they nest.
            let mut open: Vec<&str> = Vec::new();
            for (op, operands) in operations(&content) {
                // Tagged, whatever is drawn is in a sequence: an element's or an artifact.
                let draws = ["Tj", "re", "S", "f", "b", "Do"].contains(&op.as_str());
                if is_tagged && draws {
                    assert!(
                        open.contains(&"BDC"),
                        "page {index}: {op} drawn outside any marked sequence"
                    );
                }
                match op.as_str() {
                    // `h` closes a circle's path: its painting operator is not an item's.
                    "h" => is_in_circle = true,
                    "f" | "S" | "b" if is_in_circle => is_in_circle = false,
                    "BT" => {
                        assert!(!is_in_text, "page {index}: nested text objects");
                        is_in_text = true;
                        open.push("BT");
                    }
                    "ET" => {
                        assert!(is_in_text, "page {index}: ET without BT");
                        is_in_text = false;
                        assert_eq!(open.pop(), Some("BT"), "page {index}: ET across a sequence");
                    }
                    "BDC" | "BMC" => open.push("BDC"),
                    "EMC" => assert_eq!(
                        open.pop(),
                        Some("BDC"),
                        "page {index}: EMC across a text object"
                    ),
                    "Tf" => font = Some((operands[0].clone(), operands[1].parse::<f32>())),
                    "rg" => fill = Some(rgb(&operands)),
                    "RG" => stroke = Some(rgb(&operands)),
                    "Tj" => {
                        assert!(is_in_text, "page {index}: text outside a text object");
                        match items.next() {
                            Some(
                                Item::Text {
                                    face, size, color, ..
                                }
                                | Item::Rotated {
                                    face, size, color, ..
                                },
                            ) => {
                                let name = ["/FR", "/FB", "/FI"][face.index()].to_owned();
                                assert_eq!(font, Some((name, Ok(*size))), "page {index}");
                                assert_eq!(fill, Some(*color), "page {index}");
                            }
                            other => panic!("page {index}: text drawn for {other:?}"),
                        }
                    }
                    "re" => {
                        assert!(!is_in_text, "page {index}: a shape inside a text object");
                        match items.next() {
                            Some(Item::Rect { color, .. }) => {
                                assert_eq!(fill, Some(*color), "page {index}");
                            }
                            other => panic!("page {index}: rectangle drawn for {other:?}"),
                        }
                    }
                    "S" => {
                        assert!(!is_in_text, "page {index}: a shape inside a text object");
                        match items.next() {
                            Some(Item::Line { color, .. }) => {
                                assert_eq!(stroke, Some(*color), "page {index}");
                            }
                            other => panic!("page {index}: line drawn for {other:?}"),
                        }
                    }
                    _ => {}
                }
            }
            assert!(!is_in_text, "page {index}: text object left open");
            assert!(open.is_empty(), "page {index}: left open: {open:?}");
            assert_eq!(items.next(), None, "page {index}: items not drawn");
        }
    }

    #[test]
    fn names_escape_what_is_not_a_regular_character() {
        let mut out = Vec::new();
        name(&mut out, b"F1 (x)#");
        assert_eq!(out, b"/F1#20#28x#29#23");
    }
}
