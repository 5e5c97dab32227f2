//! A site plan's background: a PNG or JPEG picture (a GIS export, a scanned plan) kept in the
//! evidence locker like any other document — path, SHA-256, size. It is read here within caps
//! (`picture`), for the editor as pixels scaled to what a graphics card takes, and for the
//! dossier scaled to print resolution and re-encoded as JPEG. A background whose file is
//! missing, or no longer has the SHA-256 recorded when it was attached, is not drawn: the
//! dossier says so under the plan, as the evidence locker flags the document.

use std::collections::BTreeMap;
use std::io::Cursor;
use std::path::{Path, PathBuf};
use std::sync::Arc;

use sha2::{Digest as _, Sha256};

use crate::dossier::Picture;
use crate::model::{Assessment, EvidenceId};
use crate::picture::{self, Caps, PictureError};
use crate::storage::evidence;

/// The largest background file read (a 16,000-pixel scan compresses to far less).
pub const MAX_BYTES: u64 = 64 * 1024 * 1024;

/// What a background may be: up to `model::site_plan::MAX_SIDE` a side and 120 million
/// pixels (an 8,000 × 8,000 GIS export is 64 million), decoded in at most 1 GiB.
pub const CAPS: Caps = Caps {
    max_bytes: MAX_BYTES,
    max_side: crate::model::site_plan::MAX_SIDE,
    max_pixels: 120_000_000,
    max_alloc: 1024 * 1024 * 1024,
};

/// The longest side of a background in the dossier: a full-width figure at about 350 dpi.
pub const PAGE_SIDE: u32 = 2400;

/// The dossier's JPEG quality: plans' lines and labels stay sharp.
const JPEG_QUALITY: u8 = 85;

/// Why a background cannot be shown.
#[derive(Clone, Debug, thiserror::Error, PartialEq, Eq)]
pub enum BackgroundError {
    /// The file cannot be read or decoded, or is over the caps.
    #[error(transparent)]
    Picture(#[from] PictureError),
    /// The file is no longer the one attached.
    #[error("{}: the file has changed since it was attached", path.display())]
    Changed {
        /// The file.
        path: PathBuf,
    },
    /// The plan names a document the evidence locker does not hold.
    #[error("{0}: not in the evidence locker")]
    NotInLocker(EvidenceId),
}

/// A background for the screen: RGBA pixels, at most the side asked for, and what the file is.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ScreenPicture {
    /// The file's own width, in pixels (the plan's width).
    pub source_width: u32,
    /// The file's own height, in pixels.
    pub source_height: u32,
    /// The width of `rgba`.
    pub width: u32,
    /// The height of `rgba`.
    pub height: u32,
    /// `width × height × 4` bytes, row by row.
    pub rgba: Vec<u8>,
    /// The SHA-256 of the file read, lower-case hex.
    pub sha256: String,
}

/// The bytes of the file at `path`, checked against the SHA-256 recorded when it was attached
/// (`None`: not attached yet, nothing to check).
pub fn read(
    path: &Path,
    expected_sha256: Option<&str>,
) -> Result<(Vec<u8>, String), BackgroundError> {
    let bytes = picture::read_capped(path, MAX_BYTES)?;
    let digest = Sha256::digest(&bytes);
    let sha256: String = digest.iter().map(|b| format!("{b:02x}")).collect();
    if let Some(expected) = expected_sha256 {
        if !expected.eq_ignore_ascii_case(&sha256) {
            return Err(BackgroundError::Changed {
                path: path.to_owned(),
            });
        }
    }
    Ok((bytes, sha256))
}

/// The background at `path` for the editor, at most `max_side` pixels a side.
pub fn for_screen(
    path: &Path,
    expected_sha256: Option<&str>,
    max_side: u32,
) -> Result<ScreenPicture, BackgroundError> {
    let (bytes, sha256) = read(path, expected_sha256)?;
    let (source_width, source_height) = picture::dimensions(&bytes, &CAPS)?;
    let scaled = picture::decode(&bytes, &CAPS, max_side.max(1))?.to_rgba8();
    let (width, height) = scaled.dimensions();
    Ok(ScreenPicture {
        source_width,
        source_height,
        width,
        height,
        rgba: scaled.into_raw(),
        sha256,
    })
}

/// A background's bytes ready for a page: decoded within the caps, scaled to [`PAGE_SIDE`],
/// flattened on white and re-encoded as JPEG. Pure: what the fuzz target drives.
pub fn for_page(bytes: &[u8]) -> Result<Picture, PictureError> {
    let rgb = picture::flatten_on_white(&picture::decode(bytes, &CAPS, PAGE_SIDE)?);
    let (width, height) = rgb.dimensions();
    let mut jpeg = Vec::new();
    image::codecs::jpeg::JpegEncoder::new_with_quality(&mut Cursor::new(&mut jpeg), JPEG_QUALITY)
        .encode_image(&rgb)
        .map_err(|e| PictureError::Corrupt(e.to_string()))?;
    Ok(Picture {
        width,
        height,
        jpeg,
    })
}

/// Every plan background of `assessment` that can be drawn in a document, by plan id; a
/// background that cannot (missing, changed, broken) is left out with why.
pub fn for_pages(
    project_file: Option<&Path>,
    assessment: &Assessment,
) -> (BTreeMap<String, Arc<Picture>>, Vec<BackgroundError>) {
    let mut pictures = BTreeMap::new();
    let mut errors = Vec::new();
    for plan in &assessment.plans {
        let Some(id) = &plan.background else {
            continue;
        };
        let loaded = locate(project_file, assessment, id).and_then(|(path, sha256)| {
            let (bytes, _) = read(&path, Some(&sha256))?;
            Ok(for_page(&bytes)?)
        });
        match loaded {
            Ok(picture) => {
                pictures.insert(plan.plan_id.to_string(), Arc::new(picture));
            }
            Err(error) => errors.push(error),
        }
    }
    (pictures, errors)
}

/// Where the document `id` of the locker is on disk, and the SHA-256 it was attached with.
pub fn locate(
    project_file: Option<&Path>,
    assessment: &Assessment,
    id: &EvidenceId,
) -> Result<(PathBuf, String), BackgroundError> {
    let document = assessment
        .evidence_by_id(id)
        .ok_or_else(|| BackgroundError::NotInLocker(id.clone()))?;
    let path = match project_file {
        Some(project) => evidence::resolve(project, &document.path),
        None => PathBuf::from(&document.path),
    };
    Ok((path, document.sha256.clone()))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn png(width: u32, height: u32) -> Vec<u8> {
        let mut out = Vec::new();
        image::RgbImage::from_fn(width, height, |x, y| {
            image::Rgb([(x % 256) as u8, (y % 256) as u8, 128])
        })
        .write_to(&mut Cursor::new(&mut out), image::ImageFormat::Png)
        .expect("encode");
        out
    }

    #[test]
    fn a_large_plan_becomes_a_print_sized_jpeg() {
        let page = for_page(&png(4800, 1200)).expect("a picture");
        assert_eq!((page.width, page.height), (PAGE_SIDE, 600));
        assert!(page.jpeg.starts_with(&[0xFF, 0xD8]), "a JPEG file");
        let back = image::load_from_memory(&page.jpeg).expect("decodes");
        assert_eq!((back.width(), back.height()), (PAGE_SIDE, 600));
    }

    #[test]
    fn the_screen_copy_is_scaled_and_a_changed_file_is_refused() {
        let dir = tempfile::tempdir().expect("dir");
        let path = dir.path().join("plan.png");
        std::fs::write(&path, png(3000, 2000)).expect("write");
        let screen = for_screen(&path, None, 1500).expect("read");
        assert_eq!((screen.source_width, screen.source_height), (3000, 2000));
        assert_eq!((screen.width, screen.height), (1500, 1000));
        assert_eq!(screen.rgba.len(), 1500 * 1000 * 4);
        let (hash, _) = evidence::hash_file(&path).expect("hash");
        assert_eq!(screen.sha256, hash);
        std::fs::write(&path, png(300, 200)).expect("rewrite");
        assert_eq!(
            for_screen(&path, Some(&hash), 1500),
            Err(BackgroundError::Changed { path: path.clone() })
        );
    }
}
