//! Whatever the user typed, a saved project loads back equal: generated assessments with
//! arbitrary text (quotes, backslashes, newlines, control characters, any Unicode), extreme
//! numbers, dates at the ends of the calendar and every enum value go through save → load and
//! through the text form, and come back unchanged.

mod common;

use gardefou::model::*;
use gardefou::storage;
use proptest::prelude::*;

fn date() -> impl Strategy<Value = Date> {
    (1i32..=9999, 1u8..=12, 1u8..=28)
        .prop_map(|(y, m, d)| Date::from_ymd(y, m, d).unwrap_or_else(|| panic!("{y}-{m}-{d}")))
}

fn text() -> impl Strategy<Value = String> {
    prop_oneof![
        any::<String>(),
        "[\"\\\\\n\r\t ()\\[\\]{}:,«»’éœ/*#-]{0,12}",
        Just(String::new()),
    ]
}

fn texts() -> impl Strategy<Value = Vec<String>> {
    proptest::collection::vec(text(), 0..3)
}

fn level() -> impl Strategy<Value = Option<Level>> {
    proptest::option::of(1u8..=4).prop_map(|n| n.and_then(Level::from_number))
}

fn camera() -> impl Strategy<Value = Camera> {
    (
        text(),
        text(),
        text(),
        0usize..4,
        any::<(bool, bool, bool)>(),
        proptest::collection::vec(0usize..PurposeKind::ALL.len(), 0..3),
        text(),
        (
            text(),
            proptest::option::of(date()),
            proptest::option::of(geo()),
            proptest::option::of(0usize..3),
        ),
    )
        .prop_map(
            |(
                id,
                location,
                perimeter,
                kind,
                flags,
                purposes,
                notes,
                (operator, commissioned_on, geo, setting),
            )| Camera {
                camera_id: CameraId::new(id),
                location,
                perimeter,
                kind: [
                    CameraKind::Fixed,
                    CameraKind::Ptz,
                    CameraKind::Panoramic,
                    CameraKind::Nomadic,
                ][kind],
                is_analytics_coupled: flags.0,
                views_dwellings: flags.1,
                has_privacy_masking: flags.2,
                purposes: purposes.into_iter().map(|k| PurposeKind::ALL[k]).collect(),
                notes,
                operator,
                commissioned_on,
                geo,
                setting: setting.map(|s| gardefou::model::CameraSetting::ALL[s]),
            },
        )
}

/// A position on Earth in either system (any digits: the file must keep them all).
fn geo() -> impl Strategy<Value = GeoPoint> {
    prop_oneof![
        (-180.0f64..180.0, -90.0f64..90.0).prop_map(|(longitude, latitude)| GeoPoint::Wgs84 {
            longitude,
            latitude
        }),
        (100_000.0f64..1_200_000.0, 6_100_000.0f64..7_100_000.0)
            .prop_map(|(x, y)| GeoPoint::Lambert93 { x, y }),
    ]
}

fn risk() -> impl Strategy<Value = Risk> {
    (
        text(),
        text(),
        texts(),
        texts(),
        (level(), level(), level(), level()),
        text(),
    )
        .prop_map(
            |(id, title, sources, threats, (s, l, rs, rl), justification)| Risk {
                risk_id: RiskId::new(id),
                title,
                sources,
                threats,
                severity: s,
                likelihood: l,
                residual_severity: rs,
                residual_likelihood: rl,
                justification,
                ..Risk::default()
            },
        )
}

fn measure() -> impl Strategy<Value = Measure> {
    (
        text(),
        text(),
        text(),
        any::<bool>(),
        text(),
        proptest::option::of(date()),
    )
        .prop_map(
            |(id, title, description, is_planned, owner, deadline)| Measure {
                measure_id: MeasureId::new(id),
                title,
                description,
                status: if is_planned {
                    MeasureStatus::Planned
                } else {
                    MeasureStatus::Existing
                },
                owner,
                deadline,
                ..Measure::default()
            },
        )
}

fn evidence() -> impl Strategy<Value = Evidence> {
    (
        text(),
        text(),
        "[0-9a-f]{64}",
        any::<u64>(),
        proptest::option::of(date()),
        text(),
    )
        .prop_map(
            |(id, path, sha256, size_bytes, added_on, description)| Evidence {
                evidence_id: EvidenceId::new(id),
                path,
                sha256,
                size_bytes,
                added_on,
                description,
                ..Evidence::default()
            },
        )
}

prop_compose! {
    fn assessment()(
        project in (text(), text(), text(), text(), texts(), text(), proptest::option::of(date()), proptest::option::of(date())),
        description in text(),
        data in texts(),
        retention in (proptest::option::of(any::<u32>()), proptest::option::of(any::<u32>()), any::<u32>()),
        software in (text(), text(), text(), texts()),
        cameras in proptest::collection::vec(camera(), 0..6),
        answers in proptest::collection::vec((text(), text(), 0usize..3, text()), 0..4),
        risks in proptest::collection::vec(risk(), 0..3),
        measures in proptest::collection::vec(measure(), 0..3),
        opinions in (text(), text(), proptest::option::of(any::<bool>()), proptest::collection::vec((text(), text(), proptest::option::of(date())), 0..3)),
        evidence in proptest::collection::vec(evidence(), 0..3),
    ) -> Assessment {
        let mut a = Assessment::default();
        let p = &mut a.project;
        (p.title, p.organisation, p.dpo_name, p.dpo_contact, p.authors, p.imported_notes, p.created_on, p.review_due_on) = project;
        a.processing.description = description;
        a.processing.data_categories = data;
        let v = &mut a.video_system;
        (v.image_retention_days, v.metadata_retention_days, v.authorisation.duration_years) = retention;
        (v.software.vendor, v.software.product, v.software.version, v.software.licensed_modules) = software;
        a.cameras = cameras.into();
        a.answers = answers.into_iter().map(|(id, text, evaluation, comment)| Answer {
            question_id: QuestionId::new(id),
            text,
            evaluation: [Evaluation::Pending, Evaluation::Acceptable, Evaluation::ToImprove][evaluation],
            comment,
        }).collect();
        a.risks = risks;
        a.measures = measures;
        let o = &mut a.opinions;
        (o.dpo_opinion, o.data_subjects_views, o.prior_consultation.is_filed) = (opinions.0, opinions.1, opinions.2);
        o.signatures = opinions.3.into_iter().map(|(name, role, signed_on)| Signature { name, role, signed_on }).collect();
        a.evidence = evidence;
        a
    }
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 400, ..ProptestConfig::default() })]

    #[test]
    fn the_text_form_reads_back_equal(a in assessment()) {
        let text = storage::to_text(&a).map_err(|e| TestCaseError::fail(e.to_string()))?;
        let back = storage::parse_text(&text, std::path::Path::new("generated.aipd.ron"))
            .map_err(|e| TestCaseError::fail(format!("{e}\n{text}")))?;
        prop_assert_eq!(back, a);
    }
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 60, ..ProptestConfig::default() })]

    #[test]
    fn a_saved_file_loads_back_equal(a in assessment()) {
        let dir = tempfile::tempdir().map_err(|e| TestCaseError::fail(e.to_string()))?;
        let path = dir.path().join("generated.aipd.ron");
        storage::save(&path, &a).map_err(|e| TestCaseError::fail(e.to_string()))?;
        let back = storage::load(&path).map_err(|e| TestCaseError::fail(e.to_string()))?;
        prop_assert_eq!(back, a);
    }
}

#[test]
fn the_sample_survives_a_save_and_load() {
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join("sample.aipd.ron");
    let sample = common::sample();
    storage::save(&path, &sample).expect("save");
    assert_eq!(storage::load(&path).expect("load"), sample);
}
