//! The branding's logo decoder (PNG or JPEG, capped) on arbitrary bytes: an error or a logo whose
//! pixels match its size, never a panic, a hang or a memory spike.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    if let Ok(logo) = gardefou::branding::decode(data) {
        assert_eq!(logo.rgb.len(), (logo.width * logo.height * 3) as usize);
        assert!(logo.width <= 800 && logo.height <= 800);
    }
});
