//! A site plan's background on arbitrary bytes, read as the dossier reads it (PNG or JPEG within
//! `session::plan_background::CAPS`, scaled to print size, re-encoded as JPEG): an error or a
//! picture within the page's side whose JPEG decodes to its size — never a panic, a hang or a
//! memory spike.
#![no_main]

use gardefou::session::plan_background::{for_page, PAGE_SIDE};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    if let Ok(picture) = for_page(data) {
        assert!(picture.width <= PAGE_SIDE && picture.height <= PAGE_SIDE);
        let decoded = image::load_from_memory(&picture.jpeg).expect("our own JPEG decodes");
        assert_eq!((decoded.width(), decoded.height()), (picture.width, picture.height));
    }
});
