//! Pages of positioned items → PDF bytes: printpdf builds the document (embedded Noto Sans
//! faces with their widths and `/ToUnicode` maps, metadata, bookmarks), lopdf (which printpdf
//! builds on) holds it for the finishing touches — the pages' content streams, written by
//! `content`, the fonts cut down to the glyphs used (`pdf::subset`), the project file attached
//! as an embedded file — and writes it. The only place that knows the PDF libraries.
//!
//! Where the time went, for a 57-page dossier: printpdf turning one operation object per
//! number and string into content streams, and lopdf compressing 2 MB at its best, slowest
//! level. So the content streams are written directly and are half the size (literal strings
//! rather than hexadecimal, each state set only when it changes), the fonts are subset before
//! compression, and the streams are compressed on every core.
//!
//! printpdf makes each font's widths and `/ToUnicode` map from the text its pages show. The
//! pages it is given are blank but for the first, which shows each face's glyphs once, one
//! character per glyph; every page's content is then replaced by the real one.

mod content;
mod structure;

use std::num::NonZeroUsize;

use lopdf::{dictionary, Object, Stream};
use printpdf::{FontId, Mm, Op, PdfDocument, PdfFontHandle, PdfPage, PdfSaveOptions, Pt, TextItem};

use super::fonts::{Face, Fonts};
use super::layout::{Layout, PAGE_H, PAGE_W};
use super::subset::subset;
use crate::dossier::{Attachment, Meta};
use crate::model::Date;
use content::ContentWriter;

/// Most threads compressing streams: beyond that the largest stream alone sets the pace.
const MAX_COMPRESSORS: usize = 4;

/// Why the PDF could not be written.
#[derive(Debug, thiserror::Error)]
pub enum EmitError {
    /// Writing the bytes failed.
    #[error("cannot write the PDF: {0}")]
    Write(String),
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

/// Whether the PDF carries its structure.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Tagging {
    /// The structure tree and marked content: what every document gets.
    Tagged,
    /// The same pages without: what tagging's cost is measured against.
    Untagged,
}

/// Turns the laid-out pages into a PDF, embedding the `fonts` the layout measured with.
pub fn emit(
    layout: &Layout,
    meta: &Meta,
    attachment: Option<&Attachment>,
    fonts: &Fonts,
    tagging: Tagging,
) -> Result<Vec<u8>, EmitError> {
    let mut doc = PdfDocument::new(&meta.title);
    let font_ids = Face::ALL.map(|face| doc.add_font(fonts.parsed(face)));
    let mut writer =
        ContentWriter::new(fonts.metrics(), font_ids.each_ref().map(|id| id.0.as_str()));
    if tagging == Tagging::Tagged {
        writer = writer.with_structure(&layout.nodes);
    }
    let contents: Vec<Vec<u8>> = layout.pages.iter().map(|page| writer.page(page)).collect();
    let mut pages: Vec<PdfPage> = contents
        .iter()
        .map(|_| PdfPage::new(Mm::from(Pt(PAGE_W)), Mm::from(Pt(PAGE_H)), Vec::new()))
        .collect();
    if let Some(first) = pages.first_mut() {
        first.ops = glyph_inventory(&writer, &font_ids);
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
    set_contents(&mut lo, contents)?;
    add_resources(&mut lo, layout, meta.logo())?;
    if let Some(file) = attachment {
        attach(&mut lo, file);
    }
    let mut bytes = Vec::new();
    let first = lo.max_id + 1;
    let pages: Vec<lopdf::ObjectId> = lo.get_pages().into_values().collect();
    subset_fonts(&mut lo, &writer);
    if tagging == Tagging::Tagged {
        structure::mark_document(&mut lo, first, (&pages, &layout.links), meta)?;
    }
    compress(&mut lo);
    // The file's size, about: written into one buffer of that size, it is never copied.
    let objects: usize = lo
        .objects
        .values()
        .map(|object| match object {
            Object::Stream(stream) => stream.content.len() + 256,
            _ => 256,
        })
        .sum();
    let tree = match tagging {
        Tagging::Tagged => structure::size(&layout.nodes, writer.marks()),
        Tagging::Untagged => 0,
    };
    bytes.reserve(objects + tree);
    lo.save_to(&mut bytes)
        .map_err(|e| EmitError::Write(e.to_string()))?;
    if tagging == Tagging::Tagged {
        let tree = structure::Tree {
            pages: &pages,
            nodes: &layout.nodes,
            marks: writer.marks(),
            links: &layout.links,
        };
        structure::append(&mut bytes, &lo, first, &tree, meta)?;
    }
    Ok(bytes)
}

/// Operations showing every glyph the pages use, once, with the character it stands for:
/// what printpdf makes each font's widths and `/ToUnicode` map from.
fn glyph_inventory(writer: &ContentWriter, font_ids: &[FontId; 3]) -> Vec<Op> {
    let mut ops = Vec::new();
    for face in Face::ALL {
        let text: String = writer.glyphs(face).map(|(_, c)| c).collect();
        if text.is_empty() {
            continue;
        }
        ops.push(Op::StartTextSection);
        ops.push(Op::SetFont {
            font: PdfFontHandle::External(font_ids[face.index()].clone()),
            size: Pt(1.0),
        });
        ops.push(Op::ShowText {
            items: vec![TextItem::Text(text)],
        });
        ops.push(Op::EndTextSection);
    }
    ops
}

/// Gives each page, in order, its content stream.
fn set_contents(doc: &mut lopdf::Document, contents: Vec<Vec<u8>>) -> Result<(), EmitError> {
    let pages = doc.get_pages();
    if pages.len() != contents.len() {
        return Err(EmitError::Write(format!(
            "{} pages written for {} laid out",
            pages.len(),
            contents.len()
        )));
    }
    for (page_id, content) in pages.into_values().zip(contents) {
        let stream = Object::Stream(Stream::new(dictionary! {}, content));
        let existing = doc
            .get_dictionary(page_id)
            .and_then(|page| page.get(b"Contents"))
            .and_then(Object::as_reference);
        match existing {
            // Replace printpdf's stream in place, so no orphan is left behind.
            Ok(id) => {
                doc.objects.insert(id, stream);
            }
            Err(_) => {
                let id = doc.add_object(stream);
                doc.get_dictionary_mut(page_id)
                    .map_err(|e| EmitError::Write(e.to_string()))?
                    .set("Contents", id);
            }
        }
    }
    Ok(())
}

/// Adds the logo and the layout's pictures as images (each picture as it came, see
/// [`picture_stream`]),
/// the graphics states of translucent fills, and gives each page the ones it draws with.
fn add_resources(
    doc: &mut lopdf::Document,
    layout: &Layout,
    logo: Option<&crate::dossier::Logo>,
) -> Result<(), EmitError> {
    use super::layout::Item;
    let logo_id = logo.map(|logo| doc.add_object(picture_stream(&logo.picture)));
    let picture_ids: Vec<lopdf::ObjectId> = layout
        .pictures
        .iter()
        .map(|picture| doc.add_object(picture_stream(picture)))
        .collect();
    let mut states = None;
    let pages: Vec<lopdf::ObjectId> = doc.get_pages().into_values().collect();
    for (page_id, laid) in pages.into_iter().zip(&layout.pages) {
        let mut images: Vec<(String, lopdf::ObjectId)> = Vec::new();
        let mut is_translucent = false;
        for item in &laid.items {
            match item {
                Item::Image { .. } => {
                    if let Some(id) = logo_id {
                        images.push((content::LOGO_NAME.to_owned(), id));
                    }
                }
                Item::Picture { index, .. } => {
                    if let Some(id) = picture_ids.get(*index) {
                        images.push((content::picture_name(*index), *id));
                    }
                }
                Item::Translucent(_) => is_translucent = true,
                _ => {}
            }
        }
        if images.is_empty() && !is_translucent {
            continue;
        }
        let mut resources = match doc
            .get_dictionary(page_id)
            .and_then(|page| page.get(b"Resources"))
        {
            Ok(Object::Reference(id)) => doc.get_dictionary(*id).cloned().unwrap_or_default(),
            Ok(Object::Dictionary(dict)) => dict.clone(),
            _ => lopdf::Dictionary::new(),
        };
        if !images.is_empty() {
            let mut xobjects = sub_dictionary(doc, &resources, b"XObject");
            for (name, id) in images {
                xobjects.set(name, id);
            }
            resources.set("XObject", xobjects);
        }
        if is_translucent {
            let (translucent, opaque) = *states.get_or_insert_with(|| {
                (
                    doc.add_object(
                        dictionary! { "Type" => "ExtGState", "ca" => 0.45, "CA" => 0.9 },
                    ),
                    doc.add_object(dictionary! { "Type" => "ExtGState", "ca" => 1.0, "CA" => 1.0 }),
                )
            });
            let mut graphics = sub_dictionary(doc, &resources, b"ExtGState");
            graphics.set(content::TRANSLUCENT_NAME, translucent);
            graphics.set(content::OPAQUE_NAME, opaque);
            resources.set("ExtGState", graphics);
        }
        doc.get_dictionary_mut(page_id)
            .map_err(|e| EmitError::Write(e.to_string()))?
            .set("Resources", resources);
    }
    Ok(())
}

/// The image of `picture` as the PDF holds it: a JPEG file as it is (`DCTDecode`), a PNG's
/// image data as it is (`FlateDecode` with the PNG predictors, a palette as an indexed colour
/// space). Never compressed again: it already is.
fn picture_stream(picture: &crate::dossier::Picture) -> Stream {
    use crate::dossier::{PictureColours, PictureStream};
    let mut dict = dictionary! {
        "Type" => "XObject",
        "Subtype" => "Image",
        "Width" => i64::from(picture.width),
        "Height" => i64::from(picture.height),
    };
    let content = match &picture.stream {
        PictureStream::Jpeg { components } => {
            dict.set("BitsPerComponent", 8);
            dict.set(
                "ColorSpace",
                if *components == 1 {
                    "DeviceGray"
                } else {
                    "DeviceRGB"
                },
            );
            dict.set("Filter", "DCTDecode");
            picture.file.clone()
        }
        PictureStream::Png {
            data,
            bits,
            colours,
        } => {
            let (space, samples): (Object, i64) = match colours {
                PictureColours::Grey => ("DeviceGray".into(), 1),
                PictureColours::Rgb => ("DeviceRGB".into(), 3),
                PictureColours::Indexed(palette) => (
                    vec![
                        Object::Name(b"Indexed".to_vec()),
                        Object::Name(b"DeviceRGB".to_vec()),
                        Object::Integer((palette.len() / 3).saturating_sub(1) as i64),
                        Object::String(palette.clone(), lopdf::StringFormat::Hexadecimal),
                    ]
                    .into(),
                    1,
                ),
            };
            dict.set("BitsPerComponent", i64::from(*bits));
            dict.set("ColorSpace", space);
            dict.set("Filter", "FlateDecode");
            dict.set(
                "DecodeParms",
                dictionary! {
                    "Predictor" => 15,
                    "Colors" => samples,
                    "BitsPerComponent" => i64::from(*bits),
                    "Columns" => i64::from(picture.width),
                },
            );
            data.clone()
        }
    };
    Stream::new(dict, content).with_compression(false)
}

/// The dictionary `key` of a page's resources (direct or referenced), or a new one.
fn sub_dictionary(
    doc: &lopdf::Document,
    resources: &lopdf::Dictionary,
    key: &[u8],
) -> lopdf::Dictionary {
    match resources.get(key) {
        Ok(Object::Dictionary(dict)) => dict.clone(),
        Ok(Object::Reference(id)) => doc.get_dictionary(*id).cloned().unwrap_or_default(),
        _ => lopdf::Dictionary::new(),
    }
}

/// Replaces each embedded face with its subset for the glyphs the pages show (`subset`: same
/// glyph ids, so nothing else in the PDF changes) and names it as a subset. A face that cannot
/// be subset stays whole.
fn subset_fonts(doc: &mut lopdf::Document, writer: &ContentWriter) {
    for face in Face::ALL {
        let used: Vec<u16> = writer.glyphs(face).map(|(glyph, _)| glyph).collect();
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
            deflate(stream);
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

/// Compresses `stream` with Flate at zlib's default level, when that makes it smaller. (Its
/// best level, lopdf's, took twice the time for a few per cent: on a tagged 10,000-camera
/// dossier, most of the export's time.) A stream that fails to compress stays as it is.
fn deflate(stream: &mut Stream) {
    use std::io::Write as _;
    if stream.dict.get(b"Filter").is_ok() {
        return;
    }
    let mut encoder = flate2::write::ZlibEncoder::new(Vec::new(), flate2::Compression::default());
    if encoder.write_all(&stream.content).is_err() {
        return;
    }
    if let Ok(compressed) = encoder.finish() {
        if compressed.len() + 19 < stream.content.len() {
            stream.dict.set("Filter", "FlateDecode");
            stream.set_content(compressed);
        }
    }
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
