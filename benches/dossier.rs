//! The dossier export: sample, 470 cameras, 10,000 cameras, the whole `gardefou export`
//! process, and LibreOffice converting the same dossier when it is installed. Run with
//! `cargo bench --bench dossier`; `cargo bench --bench all` prints every area in one table.

#[path = "support/common.rs"]
mod common;
#[path = "support/dossier.rs"]
mod dossier;
#[path = "support/office.rs"]
mod office;

fn main() {
    common::print_table(&dossier::rows());
}
