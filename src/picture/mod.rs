//! Pictures from the user's files — a firm's logo, a site plan's background — read and decoded
//! with every limit set before a pixel is decoded: the file's size, the picture's sides and
//! pixel count, and the decoder's memory. A hostile or broken file (a decompression bomb, a
//! truncated PNG, a GIF renamed `.png`) is then a clear error, never a crash or a memory spike.
//! For a document page, `page` carries the file as it is whenever a PDF can show it so.

mod jpeg;
pub mod page;
mod png;

pub use page::{for_page, Encoding};

use std::io::Cursor;
use std::path::{Path, PathBuf};

use image::metadata::Orientation;
use image::{DynamicImage, ImageDecoder as _, ImageFormat, ImageReader, Limits};

/// What a reader accepts.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Caps {
    /// The largest file read, in bytes.
    pub max_bytes: u64,
    /// The longest side, in pixels.
    pub max_side: u32,
    /// The most pixels (width × height).
    pub max_pixels: u64,
    /// The most memory the decoder may take, in bytes.
    pub max_alloc: u64,
}

/// Why a picture cannot be used.
#[derive(Clone, Debug, thiserror::Error, PartialEq, Eq)]
pub enum PictureError {
    /// The file cannot be read.
    #[error("{path}: cannot read the picture: {reason}")]
    Unreadable {
        /// The file.
        path: PathBuf,
        /// The system's reason.
        reason: String,
    },
    /// The path names a folder, a pipe, a device or a socket: refused without reading it.
    #[error("{path}: {}, not a regular file", kind.describe())]
    NotAFile {
        /// The path.
        path: PathBuf,
        /// What it names.
        kind: crate::files::NotRegular,
    },
    /// Over the caps' `max_bytes`.
    #[error("{path}: the picture is {bytes} bytes, over the {max} bytes allowed")]
    TooLarge {
        /// The file.
        path: PathBuf,
        /// Its size.
        bytes: u64,
        /// The most allowed.
        max: u64,
    },
    /// Neither PNG nor JPEG.
    #[error("the picture is not a PNG or JPEG picture")]
    NotPngOrJpeg,
    /// Sides or pixel count over the caps.
    #[error("the picture is {width} × {height} pixels, over {max_side} on a side or {max_pixels} pixels")]
    TooManyPixels {
        /// Width.
        width: u32,
        /// Height.
        height: u32,
        /// The longest side allowed.
        max_side: u32,
        /// The most pixels allowed.
        max_pixels: u64,
    },
    /// The picture is damaged.
    #[error("the picture cannot be decoded: {0}")]
    Corrupt(String),
}

/// The bytes of the file at `path`, a regular file refused when over `max_bytes` (checked
/// before reading and while reading, so a file growing meanwhile is refused too); a folder, pipe
/// or device is refused without waiting.
pub fn read_capped(path: &Path, max_bytes: u64) -> Result<Vec<u8>, PictureError> {
    use crate::files::Refusal;
    crate::files::read_capped(path, max_bytes).map_err(|refusal| match refusal {
        Refusal::Io(error) => PictureError::Unreadable {
            path: path.to_owned(),
            reason: error.to_string(),
        },
        Refusal::NotRegular(kind) => PictureError::NotAFile {
            path: path.to_owned(),
            kind,
        },
        Refusal::TooLarge { size, .. } => PictureError::TooLarge {
            path: path.to_owned(),
            bytes: size,
            max: max_bytes,
        },
    })
}

/// The sides of a PNG or JPEG picture, read from its header only, checked against `caps`.
pub fn dimensions(bytes: &[u8], caps: &Caps) -> Result<(u32, u32), PictureError> {
    let probe = reader(bytes)?;
    if !matches!(probe.format(), Some(ImageFormat::Png | ImageFormat::Jpeg)) {
        return Err(PictureError::NotPngOrJpeg);
    }
    let (width, height) = probe
        .into_dimensions()
        .map_err(|e| PictureError::Corrupt(e.to_string()))?;
    if width > caps.max_side
        || height > caps.max_side
        || u64::from(width) * u64::from(height) > caps.max_pixels
    {
        return Err(PictureError::TooManyPixels {
            width,
            height,
            max_side: caps.max_side,
            max_pixels: caps.max_pixels,
        });
    }
    if width == 0 || height == 0 {
        return Err(PictureError::Corrupt("empty picture".to_owned()));
    }
    Ok((width, height))
}

/// Decodes a PNG or JPEG picture within `caps`, then scales it down (proportions kept) so that
/// its longest side is at most `kept_side`, turned upright as its EXIF orientation says (a
/// photographed or scanned plan, a logo from a phone). Pure: what the fuzz targets drive.
pub fn decode(bytes: &[u8], caps: &Caps, kept_side: u32) -> Result<DynamicImage, PictureError> {
    decode_upright(bytes, caps, kept_side).map(|(picture, _)| picture)
}

/// [`decode`], with the picture's own sides once turned upright (before scaling down).
pub fn decode_upright(
    bytes: &[u8],
    caps: &Caps,
    kept_side: u32,
) -> Result<(DynamicImage, (u32, u32)), PictureError> {
    let (width, height) = dimensions(bytes, caps)?;
    let corrupt = |e: image::ImageError| PictureError::Corrupt(e.to_string());
    let mut limits = Limits::default();
    limits.max_image_width = Some(caps.max_side);
    limits.max_image_height = Some(caps.max_side);
    limits.max_alloc = Some(caps.max_alloc);
    let mut reader = reader(bytes)?;
    reader.limits(limits);
    let mut decoder = reader.into_decoder().map_err(corrupt)?;
    // A broken orientation tag is no reason to refuse the picture.
    let orientation = decoder.orientation().unwrap_or(Orientation::NoTransforms);
    let picture = DynamicImage::from_decoder(decoder).map_err(corrupt)?;
    let mut picture = if picture.width() > kept_side || picture.height() > kept_side {
        picture.thumbnail(kept_side, kept_side)
    } else {
        picture
    };
    picture.apply_orientation(orientation);
    let is_turned = matches!(
        orientation,
        Orientation::Rotate90
            | Orientation::Rotate270
            | Orientation::Rotate90FlipH
            | Orientation::Rotate270FlipH
    );
    Ok((
        picture,
        if is_turned {
            (height, width)
        } else {
            (width, height)
        },
    ))
}

/// 8-bit RGB pixels of `picture`, transparent parts flattened on white as on paper.
pub fn flatten_on_white(picture: &DynamicImage) -> image::RgbImage {
    if !picture.color().has_alpha() {
        return picture.to_rgb8();
    }
    let rgba = picture.to_rgba8();
    let (width, height) = rgba.dimensions();
    let rgb: Vec<u8> = rgba
        .pixels()
        .flat_map(|p| {
            let alpha = u16::from(p[3]);
            let blend = |c: u8| ((u16::from(c) * alpha + 255 * (255 - alpha)) / 255) as u8;
            [blend(p[0]), blend(p[1]), blend(p[2])]
        })
        .collect();
    image::RgbImage::from_raw(width, height, rgb).unwrap_or_else(|| image::RgbImage::new(1, 1))
}

fn reader(bytes: &[u8]) -> Result<ImageReader<Cursor<&[u8]>>, PictureError> {
    ImageReader::new(Cursor::new(bytes))
        .with_guessed_format()
        .map_err(|e| PictureError::Corrupt(e.to_string()))
}

#[cfg(test)]
pub(crate) mod tests {
    use super::*;

    const CAPS: Caps = Caps {
        max_bytes: 1 << 20,
        max_side: 4000,
        max_pixels: 4_000_000,
        max_alloc: 64 << 20,
    };

    /// A fully transparent red PNG (the branding's tests use it too).
    pub(crate) fn png(width: u32, height: u32) -> Vec<u8> {
        let mut out = Vec::new();
        image::RgbaImage::from_pixel(width, height, image::Rgba([200, 10, 10, 0]))
            .write_to(&mut Cursor::new(&mut out), ImageFormat::Png)
            .expect("encode");
        out
    }

    #[test]
    fn a_picture_is_decoded_and_scaled_down_to_the_side_kept() {
        let picture = decode(&png(1600, 400), &CAPS, 800).expect("a picture");
        assert_eq!((picture.width(), picture.height()), (800, 200));
        let flat = flatten_on_white(&picture);
        assert_eq!(
            &flat.as_raw()[..3],
            &[255, 255, 255],
            "transparent is white"
        );
    }

    #[test]
    fn a_photo_tagged_as_turned_is_turned_upright_with_its_sides() {
        let mut jpeg = Vec::new();
        image::RgbImage::from_pixel(40, 20, image::Rgb([10, 120, 200]))
            .write_to(&mut Cursor::new(&mut jpeg), ImageFormat::Jpeg)
            .expect("encode");
        // An APP1 Exif segment after the SOI marker: one IFD entry, Orientation = 6 (turn 90°).
        let mut exif = b"\xFF\xE1\x00\x22Exif\x00\x00II*\x00\x08\x00\x00\x00".to_vec();
        exif.extend_from_slice(b"\x01\x00\x12\x01\x03\x00\x01\x00\x00\x00\x06\x00\x00\x00");
        exif.extend_from_slice(b"\x00\x00\x00\x00");
        jpeg.splice(2..2, exif);
        let (picture, sides) = decode_upright(&jpeg, &CAPS, 4000).expect("decodes");
        assert_eq!((picture.width(), picture.height()), (20, 40));
        assert_eq!(sides, (20, 40));
    }

    #[test]
    fn the_pixel_count_is_capped_as_well_as_the_sides() {
        // 3,000 × 3,000 is under 4,000 a side but over 4 million pixels.
        let error = dimensions(&png(3000, 3000), &CAPS).expect_err("too many pixels");
        assert!(matches!(
            error,
            PictureError::TooManyPixels {
                width: 3000,
                height: 3000,
                ..
            }
        ));
    }

    #[test]
    fn a_file_over_the_size_cap_is_refused_before_it_is_read() {
        let dir = tempfile::tempdir().expect("dir");
        let path = dir.path().join("big.png");
        std::fs::write(&path, vec![0u8; 2 << 20]).expect("write");
        assert!(matches!(
            read_capped(&path, 1 << 20),
            Err(PictureError::TooLarge { bytes, .. }) if bytes == 2 << 20
        ));
        assert!(matches!(
            read_capped(&dir.path().join("none.png"), 1 << 20),
            Err(PictureError::Unreadable { .. })
        ));
    }
}
