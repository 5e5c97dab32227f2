//! The branding's logo reader (PNG or JPEG, capped; carried as it is when a document can, else
//! decoded and encoded again) on arbitrary bytes: an error or a logo within twice the side kept
//! whose re-encoded file decodes to its size — never a panic, a hang or a memory spike.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    if let Ok(logo) = gardefou::branding::decode(data) {
        let picture = &logo.picture;
        assert!(picture.width <= 1600 && picture.height <= 1600);
        if picture.file != data {
            let decoded = image::load_from_memory(&picture.file).expect("our own file decodes");
            assert_eq!((decoded.width(), decoded.height()), (picture.width, picture.height));
        }
    }
});
