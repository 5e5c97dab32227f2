//! The dossier export: sample, 470 cameras, 10,000 cameras. Run with
//! `cargo bench --bench dossier`; `cargo bench --bench all` prints every area in one table.

#[path = "support/common.rs"]
mod common;
#[path = "support/dossier.rs"]
mod dossier;

fn main() {
    common::print_table(&dossier::rows());
}
