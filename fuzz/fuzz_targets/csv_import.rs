//! The camera CSV import on arbitrary bytes: read, guess the mapping, preview.
#![no_main]

use gardefou::storage::camera_csv;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    if let Ok(table) = camera_csv::read(data) {
        let mapping = camera_csv::guess_mapping(&table.header);
        let _ = camera_csv::preview(&table, &mapping, &[]);
    }
});
