//! Merging two copies of a 10,000-camera assessment edited apart. Run with
//! `cargo bench --bench merge`; `cargo bench --bench all` prints every area in one table.

#[path = "support/common.rs"]
mod common;
#[path = "support/merge.rs"]
mod merge;

fn main() {
    common::print_table(&merge::rows());
}
