//! Pages of positioned items → PDF bytes, with printpdf: embedded Noto Sans faces (subset to
//! the glyphs the pages use), metadata, bookmarks, and the project file attached as an
//! embedded file (through lopdf, which printpdf builds on). The only place that knows the PDF
//! libraries' drawing API.
//!
//! Where the time goes, for a 57-page dossier: writing the content streams (printpdf turns
//! each operation into text) and compressing them (lopdf deflates at its best, slowest level).
//! So each page says as little as it can — one text object per run of text, the font and
//! colours set only when they change — the fonts are subset before compression, and the
//! streams are compressed on every core.

use std::num::NonZeroUsize;

use lopdf::{dictionary, Object, Stream};
use printpdf::{
    Color, FontId, Line, LinePoint, Mm, Op, PaintMode, PdfDocument, PdfFontHandle, PdfPage,
    PdfSaveOptions, Point, Polygon, PolygonRing, Pt, Rect, TextItem, TextMatrix, WindingOrder,
};

use super::fonts::{Face, Fonts, Metrics};
use super::layout::{Item, Layout, Page, Rgb, PAGE_H, PAGE_W};
use super::subset::subset;
use crate::dossier::{Attachment, Meta};
use crate::model::Date;

/// How many sides the polygon drawing a circle has: round to the eye at the sizes we draw.
const CIRCLE_SIDES: usize = 28;

/// Most threads compressing streams: beyond that the largest stream alone sets the pace.
const MAX_COMPRESSORS: usize = 4;

/// Why the PDF could not be written.
#[derive(Debug, thiserror::Error)]
pub enum EmitError {
    /// Writing the bytes failed.
    #[error("cannot write the PDF: {0}")]
    Write(String),
}

fn color(c: Rgb) -> Color {
    Color::Rgb(printpdf::Rgb {
        r: c.0,
        g: c.1,
        b: c.2,
        icc_profile: None,
    })
}

fn point(x: f32, y: f32) -> LinePoint {
    LinePoint {
        p: Point {
            x: Pt(x),
            y: Pt(PAGE_H - y),
        },
        bezier: false,
    }
}

fn pdf_date(date: Date) -> printpdf::OffsetDateTime {
    printpdf::OffsetDateTime {
        date: printpdf::date::Date {
            year: date.year(),
            month: date.month(),
            day: date.day(),
        },
        time: printpdf::date::Time {
            hour: 12,
            minute: 0,
            second: 0,
            millisecond: 0,
        },
        offset: printpdf::date::Offset {
            hours: 0,
            minutes: 0,
            seconds: 0,
            milliseconds: 0,
        },
    }
}

/// The operations of one page, and the graphics state they leave, so that a state already in
/// force is not set again: text runs share one text object, and the font, the fill and stroke
/// colours and the line width are written only when they change. (The state starts afresh on
/// every page: each page's content stream is read on its own.)
struct PageOps<'f> {
    ops: Vec<Op>,
    /// The document's font for each face, by `Face::index`.
    fonts: &'f [FontId; 3],
    is_in_text: bool,
    font: Option<(Face, f32)>,
    fill: Option<Rgb>,
    stroke: Option<Rgb>,
    line_width: Option<f32>,
}

impl<'f> PageOps<'f> {
    fn new(fonts: &'f [FontId; 3], capacity: usize) -> Self {
        PageOps {
            ops: Vec::with_capacity(capacity),
            fonts,
            is_in_text: false,
            font: None,
            fill: None,
            stroke: None,
            line_width: None,
        }
    }

    fn fill(&mut self, c: Rgb) {
        if self.fill != Some(c) {
            self.fill = Some(c);
            self.ops.push(Op::SetFillColor { col: color(c) });
        }
    }

    fn stroke(&mut self, c: Rgb, width: f32) {
        if self.stroke != Some(c) {
            self.stroke = Some(c);
            self.ops.push(Op::SetOutlineColor { col: color(c) });
        }
        if self.line_width != Some(width) {
            self.line_width = Some(width);
            self.ops.push(Op::SetOutlineThickness { pt: Pt(width) });
        }
    }

    /// Shows `text` at `at` (its own text matrix), inside the current text object.
    fn text(&mut self, face: Face, size: f32, c: Rgb, at: TextMatrix, text: &str) {
        if !self.is_in_text {
            self.is_in_text = true;
            self.ops.push(Op::StartTextSection);
        }
        if self.font != Some((face, size)) {
            self.font = Some((face, size));
            self.ops.push(Op::SetFont {
                font: PdfFontHandle::External(self.fonts[face.index()].clone()),
                size: Pt(size),
            });
        }
        self.fill(c);
        self.ops.push(Op::SetTextMatrix { matrix: at });
        self.ops.push(Op::ShowText {
            items: vec![TextItem::Text(text.to_owned())],
        });
    }

    /// Closes the text object, if one is open: shapes cannot be drawn inside one.
    fn end_text(&mut self) {
        if self.is_in_text {
            self.is_in_text = false;
            self.ops.push(Op::EndTextSection);
        }
    }

    fn rect(&mut self, x: f32, y: f32, w: f32, h: f32, c: Rgb) {
        self.end_text();
        self.fill(c);
        self.ops.push(Op::DrawRectangle {
            rectangle: Rect {
                x: Pt(x),
                y: Pt(PAGE_H - y - h),
                width: Pt(w),
                height: Pt(h),
                mode: Some(PaintMode::Fill),
                winding_order: None,
            },
        });
    }

    /// A circle centred on (`x`, `y`) (from the page's top), drawn as a polygon.
    fn circle(&mut self, x: f32, y: f32, r: f32, fill: Option<Rgb>, stroke: Option<Rgb>) {
        let mode = match (fill, stroke) {
            (Some(_), Some(_)) => PaintMode::FillStroke,
            (None, Some(_)) => PaintMode::Stroke,
            (Some(_), None) => PaintMode::Fill,
            (None, None) => return,
        };
        self.end_text();
        if let Some(c) = fill {
            self.fill(c);
        }
        if let Some(c) = stroke {
            self.stroke(c, 0.9);
        }
        let points = (0..CIRCLE_SIDES)
            .map(|n| {
                let angle = n as f32 / CIRCLE_SIDES as f32 * std::f32::consts::TAU;
                point(x + r * angle.cos(), y - r * angle.sin())
            })
            .collect();
        self.ops.push(Op::DrawPolygon {
            polygon: Polygon {
                rings: vec![PolygonRing { points }],
                mode,
                winding_order: WindingOrder::NonZero,
            },
        });
    }

    fn line(&mut self, (x1, y1): (f32, f32), (x2, y2): (f32, f32), width: f32, c: Rgb) {
        self.end_text();
        self.stroke(c, width);
        self.ops.push(Op::DrawLine {
            line: Line {
                points: vec![point(x1, y1), point(x2, y2)],
                is_closed: false,
            },
        });
    }

    fn item(&mut self, item: &Item) {
        match item {
            Item::Text {
                x,
                y,
                size,
                face,
                color: c,
                text,
            } => {
                let at = TextMatrix::Translate(Pt(*x), Pt(PAGE_H - y));
                self.text(*face, *size, *c, at, text);
            }
            Item::Rotated {
                x,
                y,
                size,
                angle,
                face,
                color: c,
                text,
            } => {
                let at = TextMatrix::TranslateRotate(Pt(*x), Pt(PAGE_H - y), *angle);
                self.text(*face, *size, *c, at, text);
            }
            Item::Rect {
                x,
                y,
                w,
                h,
                color: c,
            } => self.rect(*x, *y, *w, *h, *c),
            Item::Circle {
                x,
                y,
                r,
                fill,
                stroke,
            } => self.circle(*x, *y, *r, *fill, *stroke),
            Item::Line {
                x1,
                y1,
                x2,
                y2,
                width,
                color: c,
            } => self.line((*x1, *y1), (*x2, *y2), *width, *c),
        }
    }

    fn page(fonts: &'f [FontId; 3], page: &Page) -> PdfPage {
        let mut ops = PageOps::new(fonts, page.items.len() * 3);
        for item in &page.items {
            ops.item(item);
        }
        ops.end_text();
        PdfPage::new(Mm::from(Pt(PAGE_W)), Mm::from(Pt(PAGE_H)), ops.ops)
    }
}

/// Turns the laid-out pages into a PDF, embedding the `fonts` the layout measured with.
pub fn emit(
    layout: &Layout,
    meta: &Meta,
    attachment: Option<&Attachment>,
    fonts: &Fonts,
) -> Result<Vec<u8>, EmitError> {
    let mut doc = PdfDocument::new(&meta.title);
    let font_ids = Face::ALL.map(|face| doc.add_font(fonts.parsed(face)));
    let pages = layout
        .pages
        .iter()
        .map(|page| PageOps::page(&font_ids, page))
        .collect();
    doc.with_pages(pages);
    for (title, page) in &layout.bookmarks {
        doc.add_bookmark(title, page + 1);
    }
    let info = &mut doc.metadata.info;
    info.document_title = meta.title.clone();
    info.author = meta.author.clone();
    info.subject = meta.subject.clone();
    info.keywords = meta.keywords.clone();
    info.creator = "Garde-fou".to_owned();
    info.producer = format!("Garde-fou {}", env!("CARGO_PKG_VERSION"));
    info.creation_date = pdf_date(meta.date);
    info.modification_date = pdf_date(meta.date);
    info.metadata_date = pdf_date(meta.date);

    let options = PdfSaveOptions {
        subset_fonts: false,
        ..PdfSaveOptions::default()
    };
    let mut warnings = Vec::new();
    let mut lo = doc.to_lopdf_document(&options, &mut warnings);
    subset_fonts(&mut lo, layout, fonts.metrics());
    if let Some(file) = attachment {
        attach(&mut lo, file);
    }
    compress(&mut lo);
    let mut bytes = Vec::new();
    lo.save_to(&mut bytes)
        .map_err(|e| EmitError::Write(e.to_string()))?;
    Ok(bytes)
}

/// Replaces each embedded face with its subset for the glyphs the pages show (`subset`: same
/// glyph ids, so nothing else in the PDF changes) and names it as a subset. A face that cannot
/// be subset stays whole.
fn subset_fonts(doc: &mut lopdf::Document, layout: &Layout, metrics: &Metrics) {
    let mut is_used = [(); 3].map(|()| vec![false; usize::from(u16::MAX) + 1]);
    for item in layout.pages.iter().flat_map(|page| &page.items) {
        if let Item::Text { face, text, .. } | Item::Rotated { face, text, .. } = item {
            let flags = &mut is_used[face.index()];
            for c in text.chars() {
                flags[usize::from(metrics.glyph(*face, c))] = true;
            }
        }
    }
    for face in Face::ALL {
        let used: Vec<u16> = (0..=u16::MAX)
            .filter(|glyph| is_used[face.index()][usize::from(*glyph)])
            .collect();
        let whole = face.bytes();
        let Some(small) = subset(whole, &used) else {
            continue;
        };
        let length = i64::try_from(small.len()).unwrap_or(i64::MAX);
        let mut program = None;
        for (id, object) in doc.objects.iter_mut() {
            if let Object::Stream(stream) = object {
                if stream.content == whole && stream.dict.has(b"Length1") {
                    stream.dict.set("Length1", length);
                    stream.set_content(small.clone());
                    program = Some(*id);
                }
            }
        }
        if let Some(program) = program {
            let name = format!("{}+{}", subset_tag(face, &used), face.postscript_name());
            rename_font(doc, program, name.as_bytes());
        }
    }
}

/// The six capital letters that start a subset font's name (ISO 32000-1, 9.6.4), derived from
/// the face and the glyphs kept so that different subsets get different tags.
fn subset_tag(face: Face, used: &[u16]) -> String {
    // FNV-1a: a stable hash, the same for the same subset in every build.
    let mut hash: u64 = 0xcbf2_9ce4_8422_2325;
    let bytes = std::iter::once(face.index() as u16).chain(used.iter().copied());
    for byte in bytes.flat_map(u16::to_be_bytes) {
        hash = (hash ^ u64::from(byte)).wrapping_mul(0x0100_0000_01b3);
    }
    (0..6)
        .map(|n| char::from(b'A' + ((hash >> (n * 8)) % 26) as u8))
        .collect()
}

/// Gives the font whose program is the stream `program` the name `name`: in its descriptor's
/// `FontName` and wherever a font dictionary calls it by its old name (`BaseFont`).
fn rename_font(doc: &mut lopdf::Document, program: lopdf::ObjectId, name: &[u8]) {
    let mut old = None;
    for object in doc.objects.values_mut() {
        if let Object::Dictionary(dict) = object {
            let is_descriptor = dict
                .get(b"FontFile2")
                .is_ok_and(|file| file.as_reference().ok() == Some(program));
            if is_descriptor {
                old = dict
                    .get(b"FontName")
                    .and_then(Object::as_name)
                    .ok()
                    .map(<[u8]>::to_vec);
                dict.set("FontName", Object::Name(name.to_vec()));
            }
        }
    }
    let Some(old) = old else {
        return;
    };
    for object in doc.objects.values_mut() {
        rename_base_font(object, &old, name);
    }
}

/// Renames `BaseFont /old` to `name` in `object` and the dictionaries and arrays inside it.
fn rename_base_font(object: &mut Object, old: &[u8], name: &[u8]) {
    match object {
        Object::Dictionary(dict) => {
            if dict.get(b"BaseFont").and_then(Object::as_name).ok() == Some(old) {
                dict.set("BaseFont", Object::Name(name.to_vec()));
            }
            for (_, value) in dict.iter_mut() {
                rename_base_font(value, old, name);
            }
        }
        Object::Array(items) => {
            for item in items {
                rename_base_font(item, old, name);
            }
        }
        _ => {}
    }
}

/// Compresses every stream that allows it, as `lopdf::Document::compress` does, with the
/// streams shared out between threads (largest first, each to the least loaded thread).
fn compress(doc: &mut lopdf::Document) {
    let mut streams: Vec<&mut Stream> = doc
        .objects
        .values_mut()
        .filter_map(|object| match object {
            Object::Stream(stream) if stream.allows_compression => Some(stream),
            _ => None,
        })
        .collect();
    streams.sort_by_key(|stream| std::cmp::Reverse(stream.content.len()));
    let threads = std::thread::available_parallelism()
        .map_or(1, NonZeroUsize::get)
        .clamp(1, MAX_COMPRESSORS);
    let mut shares: Vec<(usize, Vec<&mut Stream>)> =
        (0..threads).map(|_| (0, Vec::new())).collect();
    for stream in streams {
        if let Some(share) = shares.iter_mut().min_by_key(|(load, _)| *load) {
            share.0 += stream.content.len();
            share.1.push(stream);
        }
    }
    let compress_all = |share: Vec<&mut Stream>| {
        for stream in share {
            // A stream that fails to compress stays as it is: still a valid PDF.
            stream.compress().ok();
        }
    };
    let mut shares = shares.into_iter().map(|(_, share)| share);
    let own = shares.next().unwrap_or_default();
    std::thread::scope(|scope| {
        for share in shares {
            scope.spawn(move || compress_all(share));
        }
        compress_all(own);
    });
}

/// Adds `file` to the document's embedded files (catalog → Names → EmbeddedFiles).
fn attach(doc: &mut lopdf::Document, file: &Attachment) {
    let size = i64::try_from(file.bytes.len()).unwrap_or(i64::MAX);
    let stream = Stream::new(
        dictionary! {
            "Type" => "EmbeddedFile",
            "Subtype" => Object::Name(b"application/x-ron".to_vec()),
            "Params" => dictionary! { "Size" => size },
        },
        file.bytes.clone(),
    );
    let stream_id = doc.add_object(stream);
    let spec_id = doc.add_object(dictionary! {
        "Type" => "Filespec",
        "F" => Object::string_literal(file.file_name.clone()),
        "UF" => Object::string_literal(file.file_name.clone()),
        "Desc" => Object::string_literal(file.description.clone()),
        "AFRelationship" => "Source",
        "EF" => dictionary! { "F" => stream_id, "UF" => stream_id },
    });
    let names_id = doc.add_object(dictionary! {
        "EmbeddedFiles" => dictionary! {
            "Names" => vec![Object::string_literal(file.file_name.clone()), spec_id.into()],
        },
    });
    if let Ok(catalog) = doc.catalog_mut() {
        catalog.set("Names", names_id);
        catalog.set("AF", vec![Object::Reference(spec_id)]);
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::pdf::layout::{ACCENT, INK, RULE};

    /// Replays a page's operations and checks that every drawing happens in the state its item
    /// asked for: text inside a text object with its face, size and colour; shapes outside one
    /// with their colours. Returns how many times the font and the fill colour were set.
    fn replay(ops: &[Op], items: &[Item], font_ids: &[FontId; 3]) -> (usize, usize) {
        let mut is_in_text = false;
        let mut font = None;
        let mut fill = None;
        let mut stroke = None;
        let (mut font_sets, mut fill_sets) = (0, 0);
        let mut items = items.iter();
        for op in ops {
            match op {
                Op::StartTextSection => {
                    assert!(!is_in_text, "nested text object");
                    is_in_text = true;
                }
                Op::EndTextSection => {
                    assert!(is_in_text, "ET without BT");
                    is_in_text = false;
                }
                Op::SetFont { font: f, size } => {
                    font_sets += 1;
                    font = Some((f.clone(), size.0));
                }
                Op::SetFillColor { col } => {
                    fill_sets += 1;
                    fill = Some(col.clone());
                }
                Op::SetOutlineColor { col } => stroke = Some(col.clone()),
                Op::ShowText { .. } => {
                    assert!(is_in_text, "text outside a text object");
                    match items.next() {
                        Some(Item::Text {
                            face,
                            size,
                            color: c,
                            ..
                        }) => {
                            let expected = PdfFontHandle::External(font_ids[face.index()].clone());
                            assert_eq!(font, Some((expected, *size)));
                            assert_eq!(fill, Some(color(*c)));
                        }
                        other => panic!("text drawn for {other:?}"),
                    }
                }
                Op::DrawRectangle { .. } => {
                    assert!(!is_in_text, "a shape inside a text object");
                    match items.next() {
                        Some(Item::Rect { color: c, .. }) => assert_eq!(fill, Some(color(*c))),
                        other => panic!("rectangle drawn for {other:?}"),
                    }
                }
                Op::DrawLine { .. } => {
                    assert!(!is_in_text, "a shape inside a text object");
                    match items.next() {
                        Some(Item::Line { color: c, .. }) => assert_eq!(stroke, Some(color(*c))),
                        other => panic!("line drawn for {other:?}"),
                    }
                }
                _ => {}
            }
        }
        assert!(!is_in_text, "text object left open");
        assert_eq!(items.next(), None, "items not drawn");
        (font_sets, fill_sets)
    }

    fn text(face: Face, size: f32, c: Rgb, text: &str) -> Item {
        Item::Text {
            x: 70.0,
            y: 100.0,
            size,
            face,
            color: c,
            text: text.to_owned(),
        }
    }

    fn ops_of(page: &Page, font_ids: &[FontId; 3]) -> Vec<Op> {
        let mut ops = PageOps::new(font_ids, 0);
        for item in &page.items {
            ops.item(item);
        }
        ops.end_text();
        ops.ops
    }

    #[test]
    fn text_runs_share_a_text_object_and_state_is_set_only_when_it_changes() {
        let font_ids = ["R", "B", "I"].map(|id| FontId(id.to_owned()));
        let page = Page {
            items: vec![
                text(Face::Regular, 9.5, INK, "un"),
                text(Face::Regular, 9.5, INK, "deux"),
                text(Face::Regular, 9.5, INK, "trois"),
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
                text(Face::Italic, 7.5, INK, "fin"),
            ],
            is_cover: false,
        };
        let ops = ops_of(&page, &font_ids);
        let (font_sets, fill_sets) = replay(&ops, &page.items, &font_ids);
        assert_eq!(font_sets, 3, "regular, bold, italic");
        // INK, ACCENT, RULE (the frame), ACCENT again after it, INK.
        assert_eq!(fill_sets, 5);
        let text_objects = ops
            .iter()
            .filter(|op| matches!(op, Op::StartTextSection))
            .count();
        assert_eq!(text_objects, 3, "one per run of text between shapes");
        let widths = ops
            .iter()
            .filter(|op| matches!(op, Op::SetOutlineThickness { .. }))
            .count();
        assert_eq!(widths, 1, "the second rule reuses the first one's width");
    }

    #[test]
    fn every_page_of_a_dossier_draws_each_item_in_its_own_state() {
        let sample = crate::sample::sample().expect("sample");
        let kb = crate::knowledge::KnowledgeBase::bundled().expect("knowledge base");
        let today = Date::from_ymd(2026, 11, 23).expect("date");
        let report = crate::rules::evaluate(&sample, &kb, today);
        let options = crate::dossier::DossierOptions {
            lang: crate::model::Lang::Fr,
            is_public: false,
            today,
            source_text: None,
        };
        let built = crate::dossier::build(&sample, &kb, &report, &options);
        let layout = crate::pdf::pages(&built).expect("layout");
        let font_ids = ["R", "B", "I"].map(|id| FontId(id.to_owned()));
        for page in &layout.pages {
            // Circles and rotated text are checked by the images, not here.
            let page = Page {
                items: page
                    .items
                    .iter()
                    .filter(|i| !matches!(i, Item::Circle { .. } | Item::Rotated { .. }))
                    .cloned()
                    .collect(),
                is_cover: page.is_cover,
            };
            replay(&ops_of(&page, &font_ids), &page.items, &font_ids);
        }
    }
}
