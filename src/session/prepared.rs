//! Pictures made ready for a page, kept for the life of the app by the SHA-256 of their file
//! (and what they were made for): a second export from the Dossier step, or the same background
//! behind several plans, does no picture work. The file is still read and its SHA-256 checked
//! on every export by the caller — only the preparation is skipped. At most [`MAX_ENTRIES`]
//! pictures and [`MAX_BYTES`] are kept; the oldest go first.

use std::collections::VecDeque;
use std::sync::{Arc, Mutex};

use crate::dossier::{Picture, PictureStream};

/// The most pictures kept.
pub const MAX_ENTRIES: usize = 24;

/// The most bytes kept (files and image data).
pub const MAX_BYTES: usize = 192 * 1024 * 1024;

type Entry = ((&'static str, String), Arc<Picture>);

static PREPARED: Mutex<VecDeque<Entry>> = Mutex::new(VecDeque::new());

/// The picture of the file whose SHA-256 is `sha256`, prepared for `purpose` (a plan's
/// background, a logo): the one kept from an earlier call, else `make`'s, then kept.
pub fn picture<E>(
    purpose: &'static str,
    sha256: &str,
    make: impl FnOnce() -> Result<Picture, E>,
) -> Result<Arc<Picture>, E> {
    let key = (purpose, sha256.to_ascii_lowercase());
    if let Some(kept) = lock()
        .iter()
        .find(|(k, _)| *k == key)
        .map(|(_, picture)| Arc::clone(picture))
    {
        return Ok(kept);
    }
    let made = Arc::new(make()?);
    let mut kept = lock();
    if !kept.iter().any(|(k, _)| *k == key) {
        kept.push_back((key, Arc::clone(&made)));
    }
    while kept.len() > MAX_ENTRIES || kept.iter().map(|(_, p)| size(p)).sum::<usize>() > MAX_BYTES {
        if kept.pop_front().is_none() {
            break;
        }
    }
    Ok(made)
}

fn lock() -> std::sync::MutexGuard<'static, VecDeque<Entry>> {
    // A panic while holding it cannot leave it inconsistent: each change is one push or pop.
    PREPARED
        .lock()
        .unwrap_or_else(std::sync::PoisonError::into_inner)
}

fn size(picture: &Picture) -> usize {
    picture.file.len()
        + match &picture.stream {
            PictureStream::Jpeg { .. } => 0,
            PictureStream::Png { data, .. } => data.len(),
        }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn made(n: u8) -> Picture {
        Picture {
            width: 1,
            height: 1,
            orientation: 1,
            stream: PictureStream::Jpeg { components: 3 },
            file: vec![n],
        }
    }

    #[test]
    fn a_picture_is_prepared_once_per_content_and_purpose() {
        let mut calls = 0;
        let sha = "ab".repeat(31) + "01";
        for _ in 0..3 {
            let picture = picture::<()>("test-once", &sha, || {
                calls += 1;
                Ok(made(1))
            })
            .expect("made");
            assert_eq!(picture.file, vec![1]);
        }
        assert_eq!(calls, 1);
        // The same content for another purpose is prepared apart; a failure is not kept.
        assert!(picture("test-other", &sha, || Err::<Picture, _>("broken")).is_err());
        let again = picture::<()>("test-other", &sha, || Ok(made(2))).expect("made");
        assert_eq!(again.file, vec![2]);
    }

    #[test]
    fn the_oldest_pictures_go_past_the_bound() {
        for n in 0..(MAX_ENTRIES + 5) {
            picture::<()>("test-bound", &format!("{n:064}"), || Ok(made(0))).expect("made");
        }
        assert!(lock().len() <= MAX_ENTRIES);
        let first = format!("{:064}", 0);
        assert!(!lock().iter().any(|((_, sha), _)| *sha == first));
    }
}
