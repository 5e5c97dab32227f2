//! The firm's branding made ready for a document: the user's and the project's settings
//! resolved, the accent colour parsed, and the logo file read and decoded through `picture`
//! (PNG or JPEG only, everything capped before a pixel is decoded). The decoded logo is scaled
//! down to what a cover needs and flattened on white.

use std::path::{Path, PathBuf};

use crate::picture::{self, Caps, Encoding, PictureError};

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
    /// The path names a folder, a pipe, a device or a socket: refused without reading it.
    #[error("{path}: {}, not a regular file", kind.describe())]
    NotAFile {
        /// The path.
        path: PathBuf,
        /// What it names.
        kind: crate::files::NotRegular,
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
    /// The logo of the evidence locker is no longer the file attached (its SHA-256 differs).
    #[error("{path}: the logo changed since it was attached to the evidence locker")]
    Changed {
        /// The logo file.
        path: PathBuf,
    },
}

/// What a logo file may be.
const CAPS: Caps = Caps {
    max_bytes: MAX_LOGO_BYTES,
    max_side: MAX_SIDE,
    max_pixels: MAX_SIDE as u64 * MAX_SIDE as u64,
    max_alloc: MAX_DECODER_BYTES,
};

impl From<PictureError> for LogoError {
    fn from(error: PictureError) -> LogoError {
        match error {
            PictureError::Unreadable { path, reason } => LogoError::Unreadable { path, reason },
            PictureError::NotAFile { path, kind } => LogoError::NotAFile { path, kind },
            PictureError::TooLarge { path, bytes, .. } => LogoError::TooLarge { path, bytes },
            PictureError::NotPngOrJpeg => LogoError::NotPngOrJpeg,
            PictureError::TooManyPixels { width, height, .. } => {
                LogoError::TooManyPixels { width, height }
            }
            PictureError::Corrupt(reason) => LogoError::Corrupt(reason),
        }
    }
}

/// Reads and decodes a logo file.
pub fn load(path: &Path) -> Result<Logo, LogoError> {
    decode(&picture::read_capped(path, MAX_LOGO_BYTES)?)
}

/// A PNG or JPEG logo from memory, ready for the documents: the file as it is when a document
/// can carry it (`picture::for_page`: within twice the side kept, upright, no transparency),
/// else decoded, flattened on white, scaled to the side kept and encoded as PNG — lossless, for
/// a logo's flat colours and sharp edges. Pure: what the fuzz target drives.
pub fn decode(bytes: &[u8]) -> Result<Logo, LogoError> {
    let picture = picture::for_page(bytes, &CAPS, KEPT_SIDE, Encoding::Png)?;
    // The word processors do not turn a picture as its EXIF orientation says: decode it upright.
    let picture = if picture.orientation == 1 {
        picture
    } else {
        picture::page::decoded(bytes, &CAPS, KEPT_SIDE, Encoding::Png)?
    };
    Ok(Logo { picture })
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
    Ok(with_logo(branding, logo))
}

/// The branding of a document: `branding`'s texts and colour with `logo` (already read, its
/// `logo_path` not read again); `None` when there is nothing to show.
pub fn with_logo(branding: &Branding, logo: Option<Logo>) -> Option<dossier::Branding> {
    if branding.is_empty() && logo.is_none() {
        return None;
    }
    Some(dossier::Branding {
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
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::picture::tests::png;

    #[test]
    fn a_png_is_decoded_flattened_on_white_and_scaled_down() {
        let logo = decode(&png(1600, 400)).expect("a logo");
        let picture = &logo.picture;
        assert_eq!((picture.width, picture.height), (800, 200));
        assert!(picture.file.starts_with(b"\x89PNG"));
        let back = image::load_from_memory(&picture.file)
            .expect("decodes")
            .to_rgb8();
        assert_eq!(
            back.get_pixel(0, 0).0,
            [255, 255, 255],
            "transparent is white"
        );
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
