//! Every benchmark of the project in one table, with the targets the issues set: load and save
//! (sample, 10,000 cameras), the rule engine, the dossier export (sample, 470, 10,000 cameras,
//! the whole `gardefou export` process, LibreOffice on the same dossier when installed)
//! the portfolio (500 assessments), a city's open data (10,000-row import, 2,000-camera
//! dossier, requests to the prefect), the merge of two 10,000-camera copies and frame times of
//! the app. Run with `cargo bench --bench all` (about two minutes).

#[path = "support/city.rs"]
mod city;
#[path = "support/common.rs"]
mod common;
#[path = "support/dossier.rs"]
mod dossier;
#[path = "support/engine.rs"]
mod engine;
#[path = "support/frame.rs"]
mod frame;
#[path = "support/history.rs"]
mod history;
#[path = "support/merge.rs"]
mod merge;
#[path = "support/office.rs"]
mod office;
#[path = "support/portfolio.rs"]
mod portfolio;

fn main() {
    // Frames first: measured after the 10,000-camera PDF export, the same frames run up to twice
    // slower (a heap left fragmented by the export), which is not what a user's session sees.
    let mut rows = frame::rows();
    rows.extend(engine::rows());
    rows.extend(portfolio::rows());
    rows.extend(history::rows());
    rows.extend(dossier::rows());
    rows.extend(city::rows());
    rows.extend(merge::rows());
    common::print_table(&rows);
}
