//! Camera positions from arbitrary bytes read as a GIS's GeoJSON export, projected onto a
//! sheet, placed on a plan of the sample and evaluated; the same bytes read as the inventory's
//! table of features and previewed as an import: no panic, no unbounded memory.
#![no_main]

use std::sync::OnceLock;

use gardefou::edit::{apply, Edit};
use gardefou::knowledge::KnowledgeBase;
use gardefou::model::{Assessment, SitePlan};
use libfuzzer_sys::fuzz_target;

fn kb() -> &'static KnowledgeBase {
    static KB: OnceLock<KnowledgeBase> = OnceLock::new();
    KB.get_or_init(|| KnowledgeBase::bundled().unwrap_or_default())
}

fuzz_target!(|data: &[u8]| {
    if let Ok(table) = gardefou::interop::geojson::feature_table(data) {
        let table = gardefou::storage::camera_csv::CsvTable::of_features(table.header, table.rows);
        let mapping = gardefou::storage::camera_csv::guess_mapping(&table.header);
        let _ = gardefou::storage::camera_csv::preview(&table, &mapping, &[]);
    }
    let Ok(read) = gardefou::interop::geojson::read(data) else {
        return;
    };
    let Some(projected) = gardefou::interop::geojson::project(&read.cameras, 2000) else {
        return;
    };
    let mut a = Assessment::default();
    a.plans.push(SitePlan {
        plan_id: "PLAN-1".into(),
        ..SitePlan::default()
    });
    apply(&mut a, kb(), &Edit::ImportPositions("PLAN-1".into(), projected.sheet()));
    if let Some(today) = gardefou::model::Date::from_ymd(2026, 11, 23) {
        let _ = gardefou::rules::evaluate(&a, kb(), today);
    }
});
