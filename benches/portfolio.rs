//! The portfolio: 500 assessments scanned and evaluated on every core, and its PDF report and
//! calendar file. Run with `cargo bench --bench portfolio`; `cargo bench --bench all` prints
//! every area in one table.

#[path = "support/common.rs"]
mod common;
#[path = "support/portfolio.rs"]
mod portfolio;

fn main() {
    common::print_table(&portfolio::rows());
}
