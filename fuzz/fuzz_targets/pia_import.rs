//! The CNIL PIA JSON import on arbitrary bytes, then export of what it read.
#![no_main]

use std::sync::OnceLock;

use gardefou::knowledge::KnowledgeBase;
use libfuzzer_sys::fuzz_target;

fn kb() -> &'static KnowledgeBase {
    static KB: OnceLock<KnowledgeBase> = OnceLock::new();
    KB.get_or_init(|| KnowledgeBase::bundled().unwrap_or_default())
}

fuzz_target!(|data: &[u8]| {
    let Some(today) = gardefou::model::Date::from_ymd(2026, 11, 23) else {
        return;
    };
    if let Ok(imported) = gardefou::interop::pia::import(data, kb()) {
        let report = gardefou::rules::evaluate(&imported.assessment, kb(), today);
        let _ = gardefou::interop::pia::export(&imported.assessment, kb(), &report, gardefou::model::Lang::Fr, today);
    }
});
