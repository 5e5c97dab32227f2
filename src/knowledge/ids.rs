//! The ids of the knowledge base that rule code names: one constant per capability and
//! criterion of `templates/capabilities.ron` and `templates/criteria.ron`, so a rule reads
//! `K08_PLATE_READING`, not `"K08"`. A test checks each constant exists in the templates.

/// Capability ids (K01-K16).
pub mod capability {
    /// Live facial recognition.
    pub const K01_LIVE_FACE_RECOGNITION: &str = "K01";
    /// Post-event face search (« appearance similarity »).
    pub const K02_FACE_SEARCH: &str = "K02";
    /// Attribute search (sex, height, clothing, colour, direction).
    pub const K03_ATTRIBUTE_SEARCH: &str = "K03";
    /// Re-identification and cross-camera tracking.
    pub const K04_CROSS_CAMERA_TRACKING: &str = "K04";
    /// Abnormal behaviour or event detection.
    pub const K05_BEHAVIOUR_DETECTION: &str = "K05";
    /// Real-time alerts on rules.
    pub const K06_REAL_TIME_ALERTS: &str = "K06";
    /// Automated offence detection.
    pub const K07_OFFENCE_DETECTION: &str = "K07";
    /// Automated licence-plate reading (LAPI) and plate search.
    pub const K08_PLATE_READING: &str = "K08";
    /// Counting and flow statistics.
    pub const K09_COUNTING: &str = "K09";
    /// Crowd density measurement.
    pub const K10_CROWD_DENSITY: &str = "K10";
    /// Abandoned-object detection.
    pub const K11_ABANDONED_OBJECTS: &str = "K11";
    /// Object-metadata indexing at ingest and video synopsis.
    pub const K12_INDEXING: &str = "K12";
    /// Blurring and privacy masks.
    pub const K13_MASKING: &str = "K13";
    /// Sound capture or audio analytics.
    pub const K14_AUDIO: &str = "K14";
    /// Demographic categorisation (age, gender).
    pub const K15_CATEGORISATION: &str = "K15";
    /// Plain human viewing and recording.
    pub const K16_PLAIN_VIEWING: &str = "K16";

    /// Every capability constant, for the test that checks them against the templates.
    pub const ALL: [&str; 16] = [
        K01_LIVE_FACE_RECOGNITION,
        K02_FACE_SEARCH,
        K03_ATTRIBUTE_SEARCH,
        K04_CROSS_CAMERA_TRACKING,
        K05_BEHAVIOUR_DETECTION,
        K06_REAL_TIME_ALERTS,
        K07_OFFENCE_DETECTION,
        K08_PLATE_READING,
        K09_COUNTING,
        K10_CROWD_DENSITY,
        K11_ABANDONED_OBJECTS,
        K12_INDEXING,
        K13_MASKING,
        K14_AUDIO,
        K15_CATEGORISATION,
        K16_PLAIN_VIEWING,
    ];
}

/// Criterion ids of the EDPB/WP248 list (C1-C9).
pub mod criterion {
    /// Evaluation or scoring, including profiling.
    pub const C1_SCORING: &str = "C1";
    /// Automated decision-making with legal or similarly significant effect.
    pub const C2_AUTOMATED_DECISIONS: &str = "C2";
    /// Systematic monitoring.
    pub const C3_SYSTEMATIC_MONITORING: &str = "C3";
    /// Sensitive data or data of a highly personal nature.
    pub const C4_SENSITIVE_DATA: &str = "C4";
    /// Data processed on a large scale.
    pub const C5_LARGE_SCALE: &str = "C5";
    /// Matching or combining datasets.
    pub const C6_MATCHING: &str = "C6";
    /// Data concerning vulnerable data subjects.
    pub const C7_VULNERABLE: &str = "C7";
    /// Innovative use or new technological or organisational solutions.
    pub const C8_INNOVATIVE: &str = "C8";
    /// Processing that prevents data subjects from exercising a right or using a service.
    pub const C9_PREVENTS_RIGHTS: &str = "C9";

    /// Every criterion constant, for the test that checks them against the templates.
    pub const ALL: [&str; 9] = [
        C1_SCORING,
        C2_AUTOMATED_DECISIONS,
        C3_SYSTEMATIC_MONITORING,
        C4_SENSITIVE_DATA,
        C5_LARGE_SCALE,
        C6_MATCHING,
        C7_VULNERABLE,
        C8_INNOVATIVE,
        C9_PREVENTS_RIGHTS,
    ];
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::knowledge::KnowledgeBase;
    use crate::model::{CapabilityId, CriterionId};

    #[test]
    fn every_named_id_exists_in_the_templates() {
        let kb = KnowledgeBase::bundled().expect("knowledge base");
        for id in capability::ALL {
            assert!(kb.capability(&CapabilityId::new(id)).is_some(), "{id}");
        }
        for id in criterion::ALL {
            assert!(kb.criterion(&CriterionId::new(id)).is_some(), "{id}");
        }
        assert_eq!(kb.capabilities.len(), capability::ALL.len());
        assert_eq!(kb.criteria.len(), criterion::ALL.len());
    }
}
