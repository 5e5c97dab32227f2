//! A site plan's background: a PNG or JPEG picture (a GIS export, a scanned plan) kept in the
//! evidence locker like any other document — path, SHA-256, size. It is read here within caps
//! (`picture`), for the editor as pixels scaled to what a graphics card takes, and for the
//! dossier scaled to print resolution and re-encoded as JPEG. A background whose file is
//! missing, or no longer has the SHA-256 recorded when it was attached, is not drawn: the
//! dossier says so under the plan, as the evidence locker flags the document.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::sync::Arc;

use sha2::{Digest as _, Sha256};

use crate::dossier::Picture;
use crate::model::{Assessment, EvidenceId};
use crate::picture::{self, Caps, Encoding, PictureError};
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
    let sha256 = sha256_hex(&bytes);
    if let Some(expected) = expected_sha256 {
        if !expected.eq_ignore_ascii_case(&sha256) {
            return Err(BackgroundError::Changed {
                path: path.to_owned(),
            });
        }
    }
    Ok((bytes, sha256))
}

/// The bytes of an attached background: its file, checked against `sha256`; for untitled work
/// (the bundled example, which has no folder to find its documents in) a file that cannot be
/// read is the bundled sample document with that SHA-256, when there is one.
pub fn read_attached(
    path: &Path,
    sha256: &str,
    is_untitled: bool,
) -> Result<Vec<u8>, BackgroundError> {
    match read(path, Some(sha256)) {
        Ok((bytes, _)) => Ok(bytes),
        Err(error @ BackgroundError::Picture(PictureError::Unreadable { .. })) if is_untitled => {
            crate::sample::EVIDENCE_FILES
                .iter()
                .find(|(_, bytes)| sha256_hex(bytes).eq_ignore_ascii_case(sha256))
                .map(|(_, bytes)| bytes.to_vec())
                .ok_or(error)
        }
        Err(error) => Err(error),
    }
}

fn sha256_hex(bytes: &[u8]) -> String {
    Sha256::digest(bytes)
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect()
}

/// A picture to read: a file chosen to become a background, or one attached with its SHA-256.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Source {
    /// A file not attached yet: nothing to check it against.
    Chosen(PathBuf),
    /// An attached background (see [`read_attached`]).
    Attached {
        /// Where it is.
        path: PathBuf,
        /// The SHA-256 it was attached with.
        sha256: String,
        /// True for untitled work.
        is_untitled: bool,
    },
}

/// The background `source` for the editor, at most `max_side` pixels a side.
pub fn for_screen(source: &Source, max_side: u32) -> Result<ScreenPicture, BackgroundError> {
    let (bytes, sha256) = match source {
        Source::Chosen(path) => read(path, None)?,
        Source::Attached {
            path,
            sha256,
            is_untitled,
        } => (
            read_attached(path, sha256, *is_untitled)?,
            sha256.to_ascii_lowercase(),
        ),
    };
    let (scaled, (source_width, source_height)) =
        picture::decode_upright(&bytes, &CAPS, max_side.max(1))?;
    let scaled = scaled.to_rgba8();
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

/// A background's bytes ready for a page (`picture::for_page`): the file as it is when a PDF can
/// carry it, else decoded within the caps, scaled to [`PAGE_SIDE`], flattened on white and
/// re-encoded as JPEG. Pure: what the fuzz target drives.
pub fn for_page(bytes: &[u8]) -> Result<Picture, PictureError> {
    picture::for_page(bytes, &CAPS, PAGE_SIDE, Encoding::Jpeg(JPEG_QUALITY))
}

/// Every plan background of `assessment` that can be drawn in a document, by plan id; a
/// background that cannot (missing, changed, broken) is left out with why. The pictures are
/// read on every core, each file once however many plans it backs, and prepared once for the
/// life of the app (`prepared`).
pub fn for_pages(
    project_file: Option<&Path>,
    assessment: &Assessment,
) -> (BTreeMap<String, Arc<Picture>>, Vec<BackgroundError>) {
    let mut files: BTreeMap<&EvidenceId, Vec<String>> = BTreeMap::new();
    for plan in &assessment.plans {
        if let Some(id) = &plan.background {
            files.entry(id).or_default().push(plan.plan_id.to_string());
        }
    }
    let files: Vec<(&EvidenceId, Vec<String>)> = files.into_iter().collect();
    let load = |id: &EvidenceId| {
        locate(project_file, assessment, id).and_then(|(path, sha256)| {
            let bytes = read_attached(&path, &sha256, project_file.is_none())?;
            super::prepared::picture("background", &sha256, || for_page(&bytes))
                .map_err(BackgroundError::from)
        })
    };
    let threads = std::thread::available_parallelism()
        .map_or(1, std::num::NonZeroUsize::get)
        .clamp(1, files.len().max(1));
    let next = std::sync::atomic::AtomicUsize::new(0);
    let loaded: Vec<(usize, Result<Arc<Picture>, BackgroundError>)> = std::thread::scope(|scope| {
        let workers: Vec<_> = (0..threads)
            .map(|_| {
                scope.spawn(|| {
                    let mut done = Vec::new();
                    loop {
                        let index = next.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
                        let Some((id, _)) = files.get(index) else {
                            return done;
                        };
                        done.push((index, load(id)));
                    }
                })
            })
            .collect();
        workers
            .into_iter()
            .flat_map(|worker| worker.join().unwrap_or_default())
            .collect()
    });
    let mut loaded = loaded;
    loaded.sort_by_key(|(index, _)| *index);
    let mut pictures = BTreeMap::new();
    let mut errors = Vec::new();
    for (index, result) in loaded {
        match result {
            Ok(picture) => {
                for plan in files
                    .get(index)
                    .map(|(_, plans)| plans.as_slice())
                    .unwrap_or_default()
                {
                    pictures.insert(plan.clone(), Arc::clone(&picture));
                }
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

    #[test]
    fn the_untitled_example_finds_its_plan_picture_among_the_bundled_documents() {
        let sample = crate::sample::sample().expect("sample");
        let (path, sha256) = locate(None, &sample, &"EV-07".into()).expect("in the locker");
        assert!(!path.exists(), "no file beside untitled work");
        let bytes = read_attached(&path, &sha256, true).expect("the bundled document");
        assert_eq!(sha256_hex(&bytes), sha256);
        assert!(matches!(
            read_attached(&path, &sha256, false),
            Err(BackgroundError::Picture(PictureError::Unreadable { .. }))
        ));
        let (pictures, errors) = for_pages(None, &sample);
        assert!(errors.is_empty(), "{errors:?}");
        assert_eq!(pictures.keys().collect::<Vec<_>>(), ["PLAN-1"]);
    }

    fn png(width: u32, height: u32) -> Vec<u8> {
        let mut out = Vec::new();
        image::RgbImage::from_fn(width, height, |x, y| {
            image::Rgb([(x % 256) as u8, (y % 256) as u8, 128])
        })
        .write_to(&mut std::io::Cursor::new(&mut out), image::ImageFormat::Png)
        .expect("encode");
        out
    }

    #[test]
    fn a_large_plan_becomes_a_print_sized_jpeg() {
        // Over twice the printed side: scaled down and re-encoded.
        let page = for_page(&png(4801, 1200)).expect("a picture");
        assert_eq!((page.width, page.height), (PAGE_SIDE, 600));
        assert!(page.file.starts_with(&[0xFF, 0xD8]), "a JPEG file");
        let back = image::load_from_memory(&page.file).expect("decodes");
        assert_eq!((back.width(), back.height()), (PAGE_SIDE, 600));
    }

    #[test]
    fn the_screen_copy_is_scaled_and_a_changed_file_is_refused() {
        let dir = tempfile::tempdir().expect("dir");
        let path = dir.path().join("plan.png");
        std::fs::write(&path, png(3000, 2000)).expect("write");
        let screen = for_screen(&Source::Chosen(path.clone()), 1500).expect("read");
        assert_eq!((screen.source_width, screen.source_height), (3000, 2000));
        assert_eq!((screen.width, screen.height), (1500, 1000));
        assert_eq!(screen.rgba.len(), 1500 * 1000 * 4);
        let (hash, _) = evidence::hash_file(&path).expect("hash");
        assert_eq!(screen.sha256, hash);
        std::fs::write(&path, png(300, 200)).expect("rewrite");
        let attached = Source::Attached {
            path: path.clone(),
            sha256: hash,
            is_untitled: false,
        };
        assert_eq!(
            for_screen(&attached, 1500),
            Err(BackgroundError::Changed { path: path.clone() })
        );
    }
}
