//! The camera CSV import on arbitrary bytes: read, guess the mapping, preview.
#![no_main]

use gardefou::storage::csv_import;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    if let Ok(table) = csv_import::read(data) {
        let mapping = csv_import::guess_mapping(&table.header);
        let _ = csv_import::preview(&table, &mapping, &[]);
    }
});
