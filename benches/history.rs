//! Versions inside the project file on 10,000 cameras with 20 versions: save, open, diff. Run
//! with `cargo bench --bench history`; `cargo bench --bench all` prints every area in one table.

#[path = "support/common.rs"]
mod common;
#[path = "support/history.rs"]
mod history;

fn main() {
    common::print_table(&history::rows());
}
