//! The project-file reader on arbitrary bytes: it may refuse them, never panic or hang.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    if let Ok(assessment) = gardefou::storage::parse_bytes(data, std::path::Path::new("fuzz.aipd.ron")) {
        // A history, however broken, is rebuilt or refused — never a panic.
        let _ = gardefou::storage::history::latest(&assessment);
        let _ = gardefou::storage::history::rebuild(&assessment);
        // Whatever loads must also be writable and read back the same.
        if let Ok(text) = gardefou::storage::to_text(&assessment) {
            let again = gardefou::storage::parse_text(&text, std::path::Path::new("again.aipd.ron"));
            assert_eq!(again.ok().as_ref(), Some(&assessment));
        }
    }
});
