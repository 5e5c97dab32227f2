//! The firm's branding made ready for a document: the user's and the project's settings
//! resolved, the accent colour parsed, and the logo file read and decoded — PNG or JPEG only,
//! with the file size, the picture's sides and the decoder's memory capped before any pixel is
//! decoded, so a hostile or broken file is a clear error, never a crash or a memory spike. The
//! decoded logo is scaled down to what a cover needs and flattened on white.

use std::io::{Cursor, Read};
use std::path::{Path, PathBuf};

use image::{ImageFormat, ImageReader, Limits};

use crate::dossier::palette::Rgb;
use crate::dossier::{self, Logo};
use crate::model::Branding;

/// The largest logo file read.
pub const MAX_LOGO_BYTES: u64 = 5 * 1024 * 1024;
/// The longest side a logo may have, in pixels.
pub const MAX_SIDE: u32 = 8000;
/// The most memory the decoder may take.
const MAX_DECODER_BYTES: u64 = 256 * 1024 * 1024;
/// The longest side kept: enough for 6 cm at 300 dpi.
const KEPT_SIDE: u32 = 800;

/// Why the logo cannot be used.
#[derive(Debug, thiserror::Error, PartialEq, Eq)]
pub enum LogoError {
    /// The file cannot be read.
    #[error("{path}: cannot read the logo: {reason}")]
    Unreadable {
        /// The logo file.
        path: PathBuf,
        /// The system's reason.
        reason: String,
    },
    /// Over [`MAX_LOGO_BYTES`].
    #[error("{path}: the logo is {bytes} bytes, over the {MAX_LOGO_BYTES} bytes allowed")]
    TooLarge {
        /// The logo file.
        path: PathBuf,
        /// Its size.
        bytes: u64,
    },
    /// Neither PNG nor JPEG.
    #[error("the logo is not a PNG or JPEG picture")]
    NotPngOrJpeg,
    /// Sides over [`MAX_SIDE`].
    #[error("the logo is {width} × {height} pixels, over {MAX_SIDE} on a side")]
    TooManyPixels {
        /// Width.
        width: u32,
        /// Height.
        height: u32,
    },
    /// The picture is damaged.
    #[error("the logo cannot be decoded: {0}")]
    Corrupt(String),
}

/// Reads and decodes a logo file.
pub fn load(path: &Path) -> Result<Logo, LogoError> {
    let unreadable = |error: std::io::Error| LogoError::Unreadable {
        path: path.to_owned(),
        reason: error.to_string(),
    };
    let file = std::fs::File::open(path).map_err(unreadable)?;
    let size = file.metadata().map_err(unreadable)?.len();
    if size > MAX_LOGO_BYTES {
        return Err(LogoError::TooLarge {
            path: path.to_owned(),
            bytes: size,
        });
    }
    let mut bytes = Vec::new();
    file.take(MAX_LOGO_BYTES + 1)
        .read_to_end(&mut bytes)
        .map_err(unreadable)?;
    if bytes.len() as u64 > MAX_LOGO_BYTES {
        return Err(LogoError::TooLarge {
            path: path.to_owned(),
            bytes: bytes.len() as u64,
        });
    }
    decode(&bytes)
}

/// Decodes a PNG or JPEG logo from memory. Pure: what the fuzz target drives.
pub fn decode(bytes: &[u8]) -> Result<Logo, LogoError> {
    let reader = || {
        ImageReader::new(Cursor::new(bytes))
            .with_guessed_format()
            .map_err(|e| LogoError::Corrupt(e.to_string()))
    };
    let probe = reader()?;
    if !matches!(probe.format(), Some(ImageFormat::Png | ImageFormat::Jpeg)) {
        return Err(LogoError::NotPngOrJpeg);
    }
    let (width, height) = probe
        .into_dimensions()
        .map_err(|e| LogoError::Corrupt(e.to_string()))?;
    if width > MAX_SIDE || height > MAX_SIDE {
        return Err(LogoError::TooManyPixels { width, height });
    }
    if width == 0 || height == 0 {
        return Err(LogoError::Corrupt("empty picture".to_owned()));
    }
    let mut limits = Limits::default();
    limits.max_image_width = Some(MAX_SIDE);
    limits.max_image_height = Some(MAX_SIDE);
    limits.max_alloc = Some(MAX_DECODER_BYTES);
    let mut decoder = reader()?;
    decoder.limits(limits);
    let picture = decoder
        .decode()
        .map_err(|e| LogoError::Corrupt(e.to_string()))?;
    let picture = if picture.width() > KEPT_SIDE || picture.height() > KEPT_SIDE {
        picture.thumbnail(KEPT_SIDE, KEPT_SIDE)
    } else {
        picture
    };
    let rgba = picture.to_rgba8();
    let (width, height) = rgba.dimensions();
    // Transparent parts become white, as on paper.
    let rgb: Vec<u8> = rgba
        .pixels()
        .flat_map(|p| {
            let alpha = u16::from(p[3]);
            let blend = |c: u8| ((u16::from(c) * alpha + 255 * (255 - alpha)) / 255) as u8;
            [blend(p[0]), blend(p[1]), blend(p[2])]
        })
        .collect();
    let mut png = Vec::new();
    image::RgbImage::from_raw(width, height, rgb.clone())
        .ok_or_else(|| LogoError::Corrupt("pixel buffer".to_owned()))?
        .write_to(&mut Cursor::new(&mut png), ImageFormat::Png)
        .map_err(|e| LogoError::Corrupt(e.to_string()))?;
    Ok(Logo {
        width,
        height,
        rgb,
        png,
    })
}

/// The branding of a document: `branding` with its logo loaded, or `None` when nothing is set.
/// With `without_logo`, a logo that cannot be used is left out (the user said so) instead of
/// being an error.
pub fn resolve(
    branding: &Branding,
    without_logo: bool,
) -> Result<Option<dossier::Branding>, LogoError> {
    if branding.is_empty() {
        return Ok(None);
    }
    let path = branding.logo_path.trim();
    let logo = if path.is_empty() {
        None
    } else {
        match load(Path::new(path)) {
            Ok(logo) => Some(logo),
            Err(_) if without_logo => None,
            Err(error) => return Err(error),
        }
    };
    Ok(Some(dossier::Branding {
        firm_name: branding.firm_name.trim().to_owned(),
        footer_line: branding.footer_line.trim().to_owned(),
        accent: branding.accent_rgb().map(|(r, g, b)| {
            Rgb(
                f32::from(r) / 255.0,
                f32::from(g) / 255.0,
                f32::from(b) / 255.0,
            )
        }),
        logo,
    }))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn png(width: u32, height: u32) -> Vec<u8> {
        let mut out = Vec::new();
        image::RgbaImage::from_pixel(width, height, image::Rgba([200, 10, 10, 0]))
            .write_to(&mut Cursor::new(&mut out), ImageFormat::Png)
            .expect("encode");
        out
    }

    #[test]
    fn a_png_is_decoded_flattened_on_white_and_scaled_down() {
        let logo = decode(&png(1600, 400)).expect("a logo");
        assert_eq!((logo.width, logo.height), (800, 200));
        assert_eq!(&logo.rgb[..3], &[255, 255, 255], "transparent is white");
        assert!(logo.png.starts_with(b"\x89PNG"));
    }

    #[test]
    fn what_is_not_a_usable_picture_is_a_clear_error() {
        assert_eq!(decode(b"GIF89a...."), Err(LogoError::NotPngOrJpeg));
        assert_eq!(decode(b"hello"), Err(LogoError::NotPngOrJpeg));
        let mut truncated = png(50, 50);
        truncated.truncate(60);
        assert!(matches!(decode(&truncated), Err(LogoError::Corrupt(_))));
        // A header that claims 100,000 pixels a side is refused before decoding.
        let mut bomb = png(10, 10);
        bomb[16..20].copy_from_slice(&100_000u32.to_be_bytes());
        bomb[20..24].copy_from_slice(&100_000u32.to_be_bytes());
        assert!(matches!(
            decode(&bomb),
            Err(LogoError::TooManyPixels { .. } | LogoError::Corrupt(_))
        ));
    }
}
