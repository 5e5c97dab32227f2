//! Re-opening a dossier on arbitrary bytes: find the attached project, parse it.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    if let Ok(project) = gardefou::pdf::reopen::attached_project(data, gardefou::dossier::ATTACHMENT_NAME) {
        let _ = gardefou::storage::parse_bytes(&project, std::path::Path::new("attached.aipd.ron"));
    }
});
