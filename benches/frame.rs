//! Frame time of every wizard step, and of 10,000 cameras in the inventory. Run with
//! `cargo bench --bench frame`; `cargo bench --bench all` prints every area in one table.

#[path = "support/city.rs"]
mod city;
#[path = "support/common.rs"]
mod common;
#[path = "support/frame.rs"]
mod frame;
#[path = "support/portfolio.rs"]
mod portfolio;

fn main() {
    common::print_table(&frame::rows());
}
