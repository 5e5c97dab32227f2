//! Project load and save and the rule engine, on the sample and on 10,000 cameras. Run with
//! `cargo bench --bench engine`; `cargo bench --bench all` prints every area in one table.

#[path = "support/common.rs"]
mod common;
#[path = "support/engine.rs"]
mod engine;

fn main() {
    common::print_table(&engine::rows());
}
