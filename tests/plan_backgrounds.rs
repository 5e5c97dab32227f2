//! A site plan drawn on a picture: the picture joins the evidence locker with its SHA-256, the
//! sheet takes its size, and the dossier prints it under the cameras and zones — the file's own
//! data in the PDF, pixel for pixel, when a PDF can carry it (a JPEG, a plain PNG), else scaled
//! to print size and re-encoded; a file changed or removed since is not printed and the dossier says so under
//! the plan. Hostile pictures — a GIF renamed, a truncated PNG, a header claiming a billion
//! pixels, a 144-megapixel single-colour PNG that compresses to nothing — are refused before a
//! pixel is decoded, with nothing attached.

mod common;

use std::io::Cursor;
use std::path::Path;
use std::sync::Arc;

use gardefou::model::{EvidenceKind, SitePlan};
use gardefou::picture::PictureError;
use gardefou::session::plan_background::{self, BackgroundError};
use gardefou::session::{ExportKind, Session};

fn png(width: u32, height: u32) -> Vec<u8> {
    let mut out = Vec::new();
    image::RgbImage::from_fn(width, height, |x, y| {
        image::Rgb([(x / 7 % 256) as u8, (y / 5 % 256) as u8, 90])
    })
    .write_to(&mut Cursor::new(&mut out), image::ImageFormat::Png)
    .expect("encode");
    out
}

/// The sample written with its evidence into `dir`, opened as a titled session.
fn sample_in(dir: &Path) -> Session {
    let project = common::sample_with_documents(dir);
    Session::open(&project, Arc::new(common::kb()), common::day("2026-11-23"))
        .expect("open")
        .session
}

/// The images of a PDF: (width, height, filter).
fn images(pdf: &[u8]) -> Vec<(i64, i64, String)> {
    let doc = lopdf::Document::load_mem(pdf).expect("a PDF");
    doc.objects
        .values()
        .filter_map(|object| match object {
            lopdf::Object::Stream(stream)
                if stream
                    .dict
                    .get(b"Subtype")
                    .and_then(lopdf::Object::as_name)
                    .is_ok_and(|n| n == b"Image") =>
            {
                let number = |key: &[u8]| {
                    stream
                        .dict
                        .get(key)
                        .and_then(lopdf::Object::as_i64)
                        .unwrap_or(0)
                };
                let filter = stream
                    .dict
                    .get(b"Filter")
                    .and_then(lopdf::Object::as_name)
                    .map(|n| String::from_utf8_lossy(n).into_owned())
                    .unwrap_or_default();
                Some((number(b"Width"), number(b"Height"), filter))
            }
            _ => None,
        })
        .collect()
}

fn pdf_text(pdf: &[u8], dir: &Path) -> String {
    let path = dir.join("check.pdf");
    std::fs::write(&path, pdf).expect("write");
    let out = std::process::Command::new("pdftotext")
        .arg(&path)
        .arg("-")
        .output()
        .expect("pdftotext (poppler-utils) is installed");
    String::from_utf8_lossy(&out.stdout).into_owned()
}

#[test]
fn the_sample_s_centre_plan_prints_on_its_gis_extract_and_a_changed_file_is_said_not_printed() {
    let dir = tempfile::tempdir().expect("dir");
    let session = sample_in(dir.path());
    let output = dir.path().join("dossier.pdf");
    let pdf = session
        .export_job(ExportKind::Dossier { is_public: false }, &output)
        .bytes()
        .expect("dossier");
    // The 2,400 × 1,700 GIS extract (a palette PNG), carried as its own image data: the PDF's
    // image shows exactly the file's pixels.
    assert_eq!(
        images(&pdf),
        vec![(2400, 1700, "FlateDecode".to_owned())],
        "{:?}",
        images(&pdf)
    );
    let (_, centre) = gardefou::sample::EVIDENCE_FILES
        .iter()
        .find(|(name, _)| name.ends_with("plan-centre-ville.png"))
        .expect("the sample's plan");
    assert_same_pixels(&pdf, centre);
    assert!(!pdf_text(&pdf, dir.path()).contains("non reproduit"));

    // The public version shows no plan drawing, so no background either.
    let public = session
        .export_job(ExportKind::Dossier { is_public: true }, &output)
        .bytes()
        .expect("public dossier");
    assert!(images(&public).is_empty(), "{:?}", images(&public));

    // The file replaced by another picture: not printed, and the page says why.
    std::fs::write(
        dir.path().join("preuves/plan-centre-ville.png"),
        png(300, 200),
    )
    .expect("replace");
    let pdf = session
        .export_job(ExportKind::Dossier { is_public: false }, &output)
        .bytes()
        .expect("dossier");
    assert!(images(&pdf).is_empty(), "{:?}", images(&pdf));
    let text = pdf_text(&pdf, dir.path());
    assert!(
        text.contains("Fond de plan EV-07 non reproduit : son fichier est absent ou a changé depuis qu’il a été joint."),
        "{text}"
    );
}

#[test]
fn a_picture_set_as_background_joins_the_locker_and_gives_the_sheet_its_size() {
    let dir = tempfile::tempdir().expect("dir");
    let mut session = sample_in(dir.path());
    session.assessment.plans.push(SitePlan {
        plan_id: "PLAN-9".into(),
        title: "Zone d'activités".to_owned(),
        metres_per_pixel: Some(0.5),
        ..SitePlan::default()
    });
    let picture = dir.path().join("preuves/zone-activites.png");
    std::fs::write(&picture, png(3000, 2000)).expect("write");
    let read = plan_background::for_screen(&plan_background::Source::Chosen(picture.clone()), 1024)
        .expect("read");
    assert_eq!((read.source_width, read.source_height), (3000, 2000));
    assert_eq!((read.width, read.height), (1024, 683));
    let id = session
        .set_plan_background(&"PLAN-9".into(), &picture, (3000, 2000))
        .expect("attached");
    let document = session
        .assessment
        .evidence_by_id(&id)
        .expect("in the locker")
        .clone();
    assert_eq!(document.kind, EvidenceKind::SitePlan);
    assert_eq!(document.path, "preuves/zone-activites.png");
    assert_eq!(document.sha256, read.sha256);
    assert_eq!(document.description, "Zone d'activités");
    let plan = session.assessment.plans.last().expect("plan");
    assert_eq!(plan.background.as_ref(), Some(&id));
    assert_eq!((plan.width, plan.height), (3000, 2000));
    assert_eq!(
        plan.metres_per_pixel, None,
        "a scale drawn on another sheet no longer holds"
    );
    // Within twice the printed side, an RGB PNG: carried as it is, pixel for pixel.
    let pdf = session
        .export_job(
            ExportKind::Dossier { is_public: false },
            &dir.path().join("d.pdf"),
        )
        .bytes()
        .expect("dossier");
    assert!(images(&pdf).contains(&(3000, 2000, "FlateDecode".to_owned())));
    assert_same_pixels(&pdf, &png(3000, 2000));
}

#[test]
fn a_jpeg_background_goes_in_as_its_bytes_and_a_huge_one_is_re_encoded() {
    let dir = tempfile::tempdir().expect("dir");
    let mut session = sample_in(dir.path());
    // A JPEG: its very bytes are the PDF's image.
    let mut jpeg = Vec::new();
    image::DynamicImage::ImageRgb8(image::RgbImage::from_fn(1200, 800, |x, y| {
        image::Rgb([(x / 5) as u8, (y / 4) as u8, 60])
    }))
    .write_to(&mut Cursor::new(&mut jpeg), image::ImageFormat::Jpeg)
    .expect("jpeg");
    let pdf = drawn_on(&mut session, dir.path(), "photo.jpg", &jpeg, (1200, 800));
    assert!(
        holds_stream(&pdf, &jpeg),
        "the JPEG's own bytes: {:?}",
        images(&pdf)
    );
    // A photograph stored turned (EXIF orientation 6, as phones write): still its own bytes,
    // turned by the matrix that places it — the PDF draws it rotated, not as stored.
    let mut turned = jpeg.clone();
    let mut exif = b"\xFF\xE1\x00\x22Exif\x00\x00II*\x00\x08\x00\x00\x00".to_vec();
    exif.extend_from_slice(b"\x01\x00\x12\x01\x03\x00\x01\x00\x00\x00\x06\x00\x00\x00");
    exif.extend_from_slice(b"\x00\x00\x00\x00");
    turned.splice(2..2, exif);
    let pdf = drawn_on(
        &mut session,
        dir.path(),
        "photo-tournee.jpg",
        &turned,
        (800, 1200),
    );
    assert!(holds_stream(&pdf, &turned));
    let doc = lopdf::Document::load_mem(&pdf).expect("a PDF");
    let placed = doc.get_pages().values().find_map(|page| {
        let content = doc.get_page_content(*page);
        let operations = lopdf::content::Content::decode(&content).ok()?.operations;
        let at = operations.iter().position(|op| {
            op.operator == "Do"
                && op.operands.first().and_then(|o| o.as_name().ok())
                    == Some(b"GfPicture0".as_slice())
        })?;
        operations[..at]
            .iter()
            .rev()
            .find(|op| op.operator == "cm")
            .map(|op| {
                op.operands
                    .iter()
                    .map(|o| o.as_float().unwrap_or(f32::NAN))
                    .collect::<Vec<_>>()
            })
    });
    let matrix = placed.expect("the picture is drawn");
    assert!(
        matrix[0].abs() < 1e-3 && matrix[1].abs() > 1.0,
        "a quarter turn: {matrix:?}"
    );
    // Over twice the printed side (2,400 pixels): scaled to it and re-encoded as JPEG.
    let pdf = drawn_on(
        &mut session,
        dir.path(),
        "grand.png",
        &png(6000, 1000),
        (6000, 1000),
    );
    assert!(images(&pdf).contains(&(2400, 400, "DCTDecode".to_owned())));
}

#[test]
fn grey_sub_byte_palette_and_split_pngs_are_carried_pixel_for_pixel() {
    let dir = tempfile::tempdir().expect("dir");
    let mut session = sample_in(dir.path());
    // The fuzz seeds: 8-bit grey, a 2-bit palette, RGB data split over two IDAT chunks.
    let seeds: [(&str, &[u8]); 3] = [
        (
            "grey",
            include_bytes!("../fuzz/corpus/plan_background/seed-grey.png"),
        ),
        (
            "palette",
            include_bytes!("../fuzz/corpus/plan_background/seed-palette-2bit.png"),
        ),
        (
            "rgb",
            include_bytes!("../fuzz/corpus/plan_background/seed-rgb-two-idat.png"),
        ),
    ];
    for (name, bytes) in seeds {
        let pdf = drawn_on(
            &mut session,
            dir.path(),
            &format!("{name}.png"),
            bytes,
            (48, 32),
        );
        assert!(
            images(&pdf).contains(&(48, 32, "FlateDecode".to_owned())),
            "{name}: {:?}",
            images(&pdf)
        );
        assert_same_pixels(&pdf, bytes);
    }
}

/// The dossier's PDF once `bytes` is written into the documents' folder as `name` and set as
/// the background (of `sides` pixels) of the sample's first plan.
fn drawn_on(
    session: &mut Session,
    dir: &Path,
    name: &str,
    bytes: &[u8],
    sides: (u32, u32),
) -> Vec<u8> {
    let file = dir.join("preuves").join(name);
    std::fs::write(&file, bytes).expect("write");
    session
        .set_plan_background(&"PLAN-1".into(), &file, sides)
        .expect("attached");
    session
        .export_job(ExportKind::Dossier { is_public: false }, &dir.join("d.pdf"))
        .bytes()
        .expect("dossier")
}

/// True when one of the streams of `pdf` is exactly `bytes` (a file carried as it is).
fn holds_stream(pdf: &[u8], bytes: &[u8]) -> bool {
    let doc = lopdf::Document::load_mem(pdf).expect("a PDF");
    doc.objects.values().any(|object| {
        object
            .as_stream()
            .is_ok_and(|stream| stream.content == bytes)
    })
}

/// Checks that the image of `pdf` as large as `file` shows the pixels of the PNG or JPEG file `file`: the
/// image's stream is put back into a PNG file (its data is a PNG's when it is `FlateDecode`
/// with the PNG predictors) or read as the JPEG it is, then both are decoded and compared.
fn assert_same_pixels(pdf: &[u8], file: &[u8]) {
    let original = image::load_from_memory(file).expect("the file").to_rgb8();
    let doc = lopdf::Document::load_mem(pdf).expect("a PDF");
    let sides = |stream: &lopdf::Stream| {
        let side = |key: &[u8]| stream.dict.get(key).and_then(lopdf::Object::as_i64).ok();
        (side(b"Width"), side(b"Height"))
    };
    let wanted = (
        Some(i64::from(original.width())),
        Some(i64::from(original.height())),
    );
    let stream = doc
        .objects
        .values()
        .filter_map(|object| object.as_stream().ok())
        .find(|stream| {
            stream
                .dict
                .get(b"Subtype")
                .and_then(lopdf::Object::as_name)
                .is_ok_and(|n| n == b"Image")
                && sides(stream) == wanted
        })
        .expect("an image of the file's sides");
    let number = |key: &[u8]| {
        stream
            .dict
            .get(key)
            .and_then(lopdf::Object::as_i64)
            .expect("a number")
    };
    let parms = stream
        .dict
        .get(b"DecodeParms")
        .and_then(lopdf::Object::as_dict)
        .expect("PNG predictors");
    assert_eq!(
        parms.get(b"Predictor").and_then(lopdf::Object::as_i64).ok(),
        Some(15)
    );
    let (colour_type, palette) = match stream.dict.get(b"ColorSpace").expect("a colour space") {
        lopdf::Object::Name(name) if name == b"DeviceRGB" => (2u8, None),
        lopdf::Object::Name(name) if name == b"DeviceGray" => (0, None),
        lopdf::Object::Array(indexed) => match indexed.get(3) {
            Some(lopdf::Object::String(palette, _)) => (3, Some(palette.clone())),
            other => panic!("an indexed palette, got {other:?}"),
        },
        other => panic!("unexpected colour space {other:?}"),
    };
    let chunk = |kind: &[u8], body: &[u8]| {
        let mut crc = flate2::Crc::new();
        crc.update(kind);
        crc.update(body);
        let mut out = (body.len() as u32).to_be_bytes().to_vec();
        out.extend_from_slice(kind);
        out.extend_from_slice(body);
        out.extend_from_slice(&crc.sum().to_be_bytes());
        out
    };
    let mut header = (number(b"Width") as u32).to_be_bytes().to_vec();
    header.extend_from_slice(&(number(b"Height") as u32).to_be_bytes());
    header.extend_from_slice(&[number(b"BitsPerComponent") as u8, colour_type, 0, 0, 0]);
    let mut rebuilt = b"\x89PNG\r\n\x1a\n".to_vec();
    rebuilt.extend(chunk(b"IHDR", &header));
    if let Some(palette) = palette {
        rebuilt.extend(chunk(b"PLTE", &palette));
    }
    rebuilt.extend(chunk(b"IDAT", &stream.content));
    rebuilt.extend(chunk(b"IEND", b""));
    let shown = image::load_from_memory(&rebuilt)
        .expect("the PDF's image")
        .to_rgb8();
    assert_eq!(shown.dimensions(), original.dimensions());
    assert!(shown == original, "the PDF shows the file's pixels");
}

#[test]
fn hostile_pictures_are_refused_before_decoding_with_what_is_wrong() {
    let dir = tempfile::tempdir().expect("dir");
    let write = |name: &str, bytes: &[u8]| {
        let path = dir.path().join(name);
        std::fs::write(&path, bytes).expect("write");
        path
    };
    let refused = |path: &Path| {
        plan_background::for_screen(&plan_background::Source::Chosen(path.to_owned()), 1024)
            .expect_err(path.to_string_lossy().as_ref())
    };

    let gif = write("plan.png", b"GIF89a\x01\x00\x01\x00\x00\x00\x00;");
    assert_eq!(
        refused(&gif),
        BackgroundError::Picture(PictureError::NotPngOrJpeg)
    );

    let mut truncated = png(400, 300);
    truncated.truncate(truncated.len() / 2);
    let truncated = write("truncated.png", &truncated);
    assert!(matches!(
        refused(&truncated),
        BackgroundError::Picture(PictureError::Corrupt(_))
    ));

    // A header claiming 50,000 × 50,000 pixels.
    let mut liar = png(10, 10);
    liar[16..20].copy_from_slice(&50_000u32.to_be_bytes());
    liar[20..24].copy_from_slice(&50_000u32.to_be_bytes());
    let liar = write("liar.png", &liar);
    assert!(matches!(
        refused(&liar),
        BackgroundError::Picture(
            PictureError::TooManyPixels { width: 50_000, .. } | PictureError::Corrupt(_)
        )
    ));

    // A real decompression bomb: 12,000 × 12,000 pixels of one colour, a few hundred kilobytes.
    let mut bomb = Vec::new();
    image::GrayImage::new(12_000, 12_000)
        .write_to(&mut Cursor::new(&mut bomb), image::ImageFormat::Png)
        .expect("encode");
    assert!(bomb.len() < 1024 * 1024, "{} bytes", bomb.len());
    let bomb = write("bomb.png", &bomb);
    assert_eq!(
        refused(&bomb),
        BackgroundError::Picture(PictureError::TooManyPixels {
            width: 12_000,
            height: 12_000,
            max_side: 16_384,
            max_pixels: 120_000_000,
        })
    );
    let message = gardefou::messages::background_error(&refused(&bomb), gardefou::model::Lang::Fr);
    assert_eq!(
        message,
        "Le fond de plan mesure 12000 × 12000 pixels\u{a0}: au plus 16384 sur un côté et 120 millions de pixels."
    );
}
