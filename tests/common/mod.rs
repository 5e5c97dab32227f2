//! Helpers shared by the integration tests.
#![allow(dead_code)]

use gardefou::knowledge::KnowledgeBase;
use gardefou::model::Assessment;

/// The bundled sample assessment.
pub fn sample() -> Assessment {
    match gardefou::sample::sample() {
        Ok(sample) => sample,
        Err(error) => panic!("the bundled sample does not load: {error}"),
    }
}

/// The bundled knowledge base.
pub fn kb() -> KnowledgeBase {
    match KnowledgeBase::bundled() {
        Ok(kb) => kb,
        Err(error) => panic!("bundled templates do not parse: {error}"),
    }
}
