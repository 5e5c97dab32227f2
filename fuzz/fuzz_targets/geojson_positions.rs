//! Camera positions from arbitrary bytes read as a GIS's GeoJSON export, projected onto a
//! sheet, placed on a plan of the sample and evaluated: no panic, no unbounded memory.
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
