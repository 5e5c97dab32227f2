//! Real city data: a 10,000-row open-data import, a 2,000-camera city's dossier, and the request
//! to the prefect of that city and of the sample. Run with
//! `cargo bench --bench city`; `cargo bench --bench all` prints every area in one table.

#[path = "support/city.rs"]
mod city;
#[path = "support/common.rs"]
mod common;

fn main() {
    common::print_table(&city::rows());
}
