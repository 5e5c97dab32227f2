//! A picture made ready for a document page. The common case does no picture work at all: a
//! JPEG goes in as its own bytes, a PNG as its own image data, once its header is within the
//! caps and its data checks (`png::check_data`). Only a picture much larger than the page
//! prints, or in a form a PDF cannot show as it is (interlaced, transparent, 16-bit, CMYK), is
//! decoded, scaled down and encoded again. A picture whose EXIF orientation says it is stored
//! turned (a phone's photograph, a scanned plan) is carried as stored, with that orientation:
//! the PDF turns it where it places it.
//!
//! Set `GARDEFOU_DEBUG` to see on standard error which way each picture went.

use std::io::Cursor;

use image::metadata::Orientation;
use image::ImageDecoder as _;

use super::{decode, dimensions, flatten_on_white, jpeg, png, reader, Caps, PictureError};
use crate::dossier::{Picture, PictureColours, PictureStream};

/// How a picture that must be decoded is encoded again.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Encoding {
    /// JPEG at this quality (a plan's background: photographs and scans).
    Jpeg(u8),
    /// PNG, lossless (a logo's flat colours and sharp edges).
    Png,
}

/// A picture larger than this is decoded and scaled down even when it could be carried as it
/// is: a document has no use for a 60 MB scan.
pub const MAX_CARRIED_BYTES: usize = 8 * 1024 * 1024;

/// `bytes` (a PNG or JPEG file) ready for a page printed at most `page_side` pixels a side:
/// carried as it is when its longest side is at most twice that and its form allows, else
/// decoded within `caps`, scaled to `page_side` and encoded as `encoding` says.
pub fn for_page(
    bytes: &[u8],
    caps: &Caps,
    page_side: u32,
    encoding: Encoding,
) -> Result<Picture, PictureError> {
    let (width, height) = dimensions(bytes, caps)?;
    let is_within =
        width.max(height) <= page_side.saturating_mul(2) && bytes.len() <= MAX_CARRIED_BYTES;
    if is_within {
        if let Some(picture) = carried(bytes)? {
            debug(&format!(
                "picture {width} × {height}, {} bytes: carried as it is ({})",
                bytes.len(),
                match picture.stream {
                    PictureStream::Jpeg { .. } => "JPEG",
                    PictureStream::Png { .. } => "PNG data",
                }
            ));
            return Ok(picture);
        }
    }
    let picture = decoded(bytes, caps, page_side, encoding)?;
    debug(&format!(
        "picture {width} × {height}, {} bytes: decoded and encoded again at {} × {}",
        bytes.len(),
        picture.width,
        picture.height
    ));
    Ok(picture)
}

/// The picture as it is, when a PDF can show it so; `None` when it must be decoded.
fn carried(bytes: &[u8]) -> Result<Option<Picture>, PictureError> {
    if let Some(parts) = png::parts(bytes) {
        let parts = parts?;
        if !parts.is_carried_as_is() {
            return Ok(None);
        }
        png::check_data(&parts)?;
        let orientation = orientation(bytes);
        let colours = match parts.colour_type {
            0 => PictureColours::Grey,
            2 => PictureColours::Rgb,
            _ => PictureColours::Indexed(parts.palette.clone()),
        };
        return Ok(Some(Picture {
            width: parts.width,
            height: parts.height,
            orientation,
            stream: PictureStream::Png {
                bits: parts.bit_depth,
                colours,
                data: parts.data,
            },
            file: bytes.to_vec(),
        }));
    }
    let Some(frame) = jpeg::frame(bytes) else {
        return Ok(None);
    };
    if !frame.is_carried_as_is() {
        return Ok(None);
    }
    Ok(Some(Picture {
        width: frame.width,
        height: frame.height,
        orientation: orientation(bytes),
        stream: PictureStream::Jpeg {
            components: frame.components,
        },
        file: bytes.to_vec(),
    }))
}

/// The picture's EXIF orientation, 1 to 8 (1 when it has none or a broken one, as the decoder
/// path reads it).
fn orientation(bytes: &[u8]) -> u8 {
    reader(bytes)
        .ok()
        .and_then(|reader| reader.into_decoder().ok())
        .and_then(|mut decoder| decoder.orientation().ok())
        .unwrap_or(Orientation::NoTransforms)
        .to_exif()
}

/// The picture decoded within `caps` (turned upright), scaled to `page_side`, flattened on
/// white and encoded.
pub fn decoded(
    bytes: &[u8],
    caps: &Caps,
    page_side: u32,
    encoding: Encoding,
) -> Result<Picture, PictureError> {
    let rgb = flatten_on_white(&decode(bytes, caps, page_side)?);
    let (width, height) = rgb.dimensions();
    let failed = |e: image::ImageError| PictureError::Corrupt(e.to_string());
    let mut file = Vec::new();
    match encoding {
        Encoding::Jpeg(quality) => {
            image::codecs::jpeg::JpegEncoder::new_with_quality(
                &mut Cursor::new(&mut file),
                quality,
            )
            .encode_image(&rgb)
            .map_err(failed)?;
            Ok(Picture {
                width,
                height,
                orientation: 1,
                stream: PictureStream::Jpeg { components: 3 },
                file,
            })
        }
        Encoding::Png => {
            rgb.write_to(&mut Cursor::new(&mut file), image::ImageFormat::Png)
                .map_err(failed)?;
            let parts = png::parts(&file)
                .ok_or_else(|| PictureError::Corrupt("PNG encoding failed".to_owned()))??;
            Ok(Picture {
                width,
                height,
                orientation: 1,
                stream: PictureStream::Png {
                    data: parts.data,
                    bits: 8,
                    colours: PictureColours::Rgb,
                },
                file,
            })
        }
    }
}

fn debug(message: &str) {
    if std::env::var_os("GARDEFOU_DEBUG").is_some() {
        eprintln!("gardefou: {message}");
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const CAPS: Caps = Caps {
        max_bytes: 1 << 24,
        max_side: 20_000,
        max_pixels: 100_000_000,
        max_alloc: 1 << 30,
    };

    fn encoded(picture: image::DynamicImage, format: image::ImageFormat) -> Vec<u8> {
        let mut bytes = Vec::new();
        picture
            .write_to(&mut Cursor::new(&mut bytes), format)
            .expect("encode");
        bytes
    }

    #[test]
    fn a_palette_png_goes_in_as_its_own_data_with_its_palette() {
        let bytes = crate::sample::EVIDENCE_FILES
            .iter()
            .find(|(name, _)| name.ends_with(".png"))
            .map(|(_, bytes)| bytes.to_vec())
            .expect("the sample's plan");
        let picture = for_page(&bytes, &CAPS, 2400, Encoding::Jpeg(85)).expect("ready");
        assert_eq!((picture.width, picture.height), (2400, 1700));
        let PictureStream::Png {
            data,
            bits,
            colours,
        } = &picture.stream
        else {
            panic!("carried as PNG data, got {:?}", picture.stream);
        };
        assert_eq!(*bits, 8);
        assert!(matches!(colours, PictureColours::Indexed(p) if !p.is_empty() && p.len() % 3 == 0));
        assert!(data.len() < bytes.len(), "the data alone, no re-encoding");
        assert_eq!(picture.file, bytes);
    }

    #[test]
    fn a_jpeg_goes_in_as_it_is_and_a_large_one_is_scaled_down() {
        let rgb = image::RgbImage::from_fn(600, 400, |x, y| image::Rgb([x as u8, y as u8, 90]));
        let bytes = encoded(
            image::DynamicImage::ImageRgb8(rgb),
            image::ImageFormat::Jpeg,
        );
        let picture = for_page(&bytes, &CAPS, 400, Encoding::Jpeg(85)).expect("ready");
        assert_eq!(picture.stream, PictureStream::Jpeg { components: 3 });
        assert_eq!(picture.file, bytes, "the very bytes");
        // Over twice the printed side: decoded and scaled to it.
        let picture = for_page(&bytes, &CAPS, 200, Encoding::Jpeg(85)).expect("ready");
        assert_eq!((picture.width, picture.height), (200, 133));
        assert_ne!(picture.file, bytes);
    }

    #[test]
    fn transparency_is_flattened_and_kept_lossless_for_a_logo() {
        let rgba =
            image::RgbaImage::from_fn(40, 20, |x, _| image::Rgba([200, 10, 10, x as u8 * 6]));
        let bytes = encoded(
            image::DynamicImage::ImageRgba8(rgba),
            image::ImageFormat::Png,
        );
        let picture = for_page(&bytes, &CAPS, 400, Encoding::Png).expect("ready");
        assert!(matches!(
            picture.stream,
            PictureStream::Png {
                colours: PictureColours::Rgb,
                bits: 8,
                ..
            }
        ));
        let back = image::load_from_memory(&picture.file)
            .expect("decodes")
            .to_rgb8();
        // Transparent on the left: white; opaque on the right: the red.
        assert_eq!(back.get_pixel(0, 0).0, [255, 255, 255]);
        assert!(back.get_pixel(39, 0).0[0] > 190 && back.get_pixel(39, 0).0[1] < 40);
    }

    #[test]
    fn a_header_over_the_caps_is_refused_on_the_carried_path_too() {
        let rgb = image::RgbImage::new(300, 10);
        let bytes = encoded(image::DynamicImage::ImageRgb8(rgb), image::ImageFormat::Png);
        let small = Caps {
            max_side: 200,
            ..CAPS
        };
        assert!(matches!(
            for_page(&bytes, &small, 400, Encoding::Png),
            Err(PictureError::TooManyPixels { .. })
        ));
    }
}
