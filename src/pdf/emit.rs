//! Pages of positioned items → PDF bytes, with printpdf: embedded Noto Sans faces, metadata,
//! bookmarks, and the project file attached as an embedded file (through lopdf, which printpdf
//! builds on). The only place that knows the PDF libraries' drawing API.

use lopdf::{dictionary, Object, Stream};
use printpdf::{
    Color, Line, LinePoint, Mm, Op, PaintMode, PdfDocument, PdfFontHandle, PdfPage, PdfSaveOptions,
    Point, Polygon, PolygonRing, Pt, Rect, TextItem, TextMatrix, WindingOrder,
};

use super::fonts::{Face, Fonts};
use super::layout::{Item, Layout, Rgb, PAGE_H, PAGE_W};
use crate::dossier::{Attachment, Meta};
use crate::model::Date;

/// How many sides the polygon drawing a circle has: round to the eye at the sizes we draw.
const CIRCLE_SIDES: usize = 28;

/// The operations drawing a circle centred on (`x`, `y`) (from the page's top).
fn circle_ops(x: f32, y: f32, r: f32, fill: Option<Rgb>, stroke: Option<Rgb>) -> Vec<Op> {
    let points = (0..CIRCLE_SIDES)
        .map(|n| {
            let angle = n as f32 / CIRCLE_SIDES as f32 * std::f32::consts::TAU;
            LinePoint {
                p: Point {
                    x: Pt(x + r * angle.cos()),
                    y: Pt(PAGE_H - y + r * angle.sin()),
                },
                bezier: false,
            }
        })
        .collect();
    let mode = match (fill, stroke) {
        (Some(_), Some(_)) => PaintMode::FillStroke,
        (None, Some(_)) => PaintMode::Stroke,
        _ => PaintMode::Fill,
    };
    let mut ops = Vec::new();
    if let Some(c) = fill {
        ops.push(Op::SetFillColor { col: color(c) });
    }
    if let Some(c) = stroke {
        ops.push(Op::SetOutlineColor { col: color(c) });
        ops.push(Op::SetOutlineThickness { pt: Pt(0.9) });
    }
    if fill.is_some() || stroke.is_some() {
        ops.push(Op::DrawPolygon {
            polygon: Polygon {
                rings: vec![PolygonRing { points }],
                mode,
                winding_order: WindingOrder::NonZero,
            },
        });
    }
    ops
}

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

/// The operations that show one run of text at a position (and angle).
fn push_text(
    ops: &mut Vec<Op>,
    font: PdfFontHandle,
    size: f32,
    c: Rgb,
    at: TextMatrix,
    text: &str,
) {
    ops.push(Op::StartTextSection);
    ops.push(Op::SetFont {
        font,
        size: Pt(size),
    });
    ops.push(Op::SetFillColor { col: color(c) });
    ops.push(Op::SetTextMatrix { matrix: at });
    ops.push(Op::ShowText {
        items: vec![TextItem::Text(text.to_owned())],
    });
    ops.push(Op::EndTextSection);
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
    let font = |face: Face| PdfFontHandle::External(font_ids[face.index()].clone());

    let mut pages = Vec::with_capacity(layout.pages.len());
    for page in &layout.pages {
        let mut ops = Vec::new();
        for item in &page.items {
            match item {
                Item::Text {
                    x,
                    y,
                    size,
                    face,
                    color: c,
                    text,
                } => {
                    let handle = font(*face);
                    let at = TextMatrix::Translate(Pt(*x), Pt(PAGE_H - y));
                    push_text(&mut ops, handle, *size, *c, at, text);
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
                    let handle = font(*face);
                    let at = TextMatrix::TranslateRotate(Pt(*x), Pt(PAGE_H - y), *angle);
                    push_text(&mut ops, handle, *size, *c, at, text);
                }
                Item::Rect {
                    x,
                    y,
                    w,
                    h,
                    color: c,
                } => {
                    ops.push(Op::SetFillColor { col: color(*c) });
                    ops.push(Op::DrawRectangle {
                        rectangle: Rect {
                            x: Pt(*x),
                            y: Pt(PAGE_H - y - h),
                            width: Pt(*w),
                            height: Pt(*h),
                            mode: Some(PaintMode::Fill),
                            winding_order: None,
                        },
                    });
                }
                Item::Circle {
                    x,
                    y,
                    r,
                    fill,
                    stroke,
                } => ops.extend(circle_ops(*x, *y, *r, *fill, *stroke)),
                Item::Line {
                    x1,
                    y1,
                    x2,
                    y2,
                    width,
                    color: c,
                } => {
                    ops.push(Op::SetOutlineColor { col: color(*c) });
                    ops.push(Op::SetOutlineThickness { pt: Pt(*width) });
                    ops.push(Op::DrawLine {
                        line: Line {
                            points: vec![
                                LinePoint {
                                    p: Point {
                                        x: Pt(*x1),
                                        y: Pt(PAGE_H - y1),
                                    },
                                    bezier: false,
                                },
                                LinePoint {
                                    p: Point {
                                        x: Pt(*x2),
                                        y: Pt(PAGE_H - y2),
                                    },
                                    bezier: false,
                                },
                            ],
                            is_closed: false,
                        },
                    });
                }
            }
        }
        pages.push(PdfPage::new(
            Mm::from(Pt(PAGE_W)),
            Mm::from(Pt(PAGE_H)),
            ops,
        ));
    }
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
    if let Some(file) = attachment {
        attach(&mut lo, file);
    }
    lo.compress();
    let mut bytes = Vec::new();
    lo.save_to(&mut bytes)
        .map_err(|e| EmitError::Write(e.to_string()))?;
    Ok(bytes)
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
