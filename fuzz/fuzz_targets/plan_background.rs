//! A site plan's background on arbitrary bytes, read as the dossier reads it (PNG or JPEG within
//! `session::plan_background::CAPS`: carried as it is when a PDF can show it so, else scaled to
//! print size and re-encoded as JPEG): an error or a picture within twice the page's side whose
//! file decodes to its size — never a panic, a hang or a memory spike.
#![no_main]

use gardefou::session::plan_background::{for_page, PAGE_SIDE};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    if let Ok(picture) = for_page(data) {
        assert!(picture.width <= 2 * PAGE_SIDE && picture.height <= 2 * PAGE_SIDE);
        // A file carried as it is was checked as a PDF reads it (header, CRCs, image data); one
        // encoded again is ours and must decode to its sides.
        if picture.file != data {
            let decoded = image::load_from_memory(&picture.file).expect("our own file decodes");
            assert_eq!((decoded.width(), decoded.height()), (picture.width, picture.height));
        }
    }
});
