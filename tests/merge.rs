//! Two copies of one assessment edited apart, merged by meaning: the changes of each side are
//! taken, a field changed on both sides is a conflict settled as chosen, and — on random edit
//! sequences — no change made on one side only is ever lost.

mod common;

use gardefou::model::merge::{merge, merge_within, Conflict, Side};
use gardefou::model::path::Section;
use gardefou::model::{Assessment, Camera, CameraId, Risk, RiskId};
use proptest::prelude::*;

fn mine(_: &Conflict) -> Side {
    Side::Mine
}

fn theirs(_: &Conflict) -> Side {
    Side::Theirs
}

/// The sample edited apart: the inventory by the police chief, the risks by the DPO, and both
/// changed the retention.
#[test]
fn two_copies_of_the_sample_merge_with_both_sets_of_changes_and_the_conflict_as_chosen() {
    let base = common::sample();
    let mut police = base.clone();
    police.cameras.push(Camera {
        camera_id: CameraId::new("CAM-125"),
        location: "Parvis de la gare, côté nord".into(),
        perimeter: "Gare et pôle d'échanges".into(),
        ..Camera::default()
    });
    police.cameras[3].location = "Rue Nationale, angle rue du Marché".into();
    police.video_system.image_retention_days = Some(14);
    let mut dpo = base.clone();
    dpo.risks[0].title = "Détournement des recherches à des fins de surveillance".into();
    dpo.risks[1].residual_likelihood = Some(gardefou::model::Level::Negligible);
    dpo.video_system.image_retention_days = Some(10);

    let merged = merge(Some(&base), &police, &dpo, &theirs).expect("merged");
    let a = &merged.assessment;
    assert!(a.cameras.iter().any(|c| c.camera_id.as_str() == "CAM-125"));
    assert_eq!(a.cameras[3].location, "Rue Nationale, angle rue du Marché");
    assert_eq!(a.risks[0].title, dpo.risks[0].title);
    assert_eq!(
        a.risks[1].residual_likelihood,
        dpo.risks[1].residual_likelihood
    );
    assert_eq!(merged.conflicts.len(), 1, "{:?}", merged.conflicts);
    let conflict = &merged.conflicts[0];
    assert_eq!(conflict.path, "video_system.image_retention_days");
    assert_eq!(
        (
            conflict.base.clone(),
            conflict.mine.clone(),
            conflict.theirs.clone()
        ),
        (
            Some(serde_json::json!(21)),
            Some(serde_json::json!(14)),
            Some(serde_json::json!(10))
        )
    );
    assert_eq!(
        a.video_system.image_retention_days,
        Some(10),
        "theirs chosen"
    );
    // Chosen the other way, mine.
    let merged = merge(Some(&base), &police, &dpo, &mine).expect("merged");
    assert_eq!(
        merged.assessment.video_system.image_retention_days,
        Some(14)
    );
    // And the merged copy saves and reads back as any project.
    let text = gardefou::storage::to_text(&merged.assessment).expect("text");
    let again = gardefou::storage::parse_text(&text, std::path::Path::new("fusion.aipd.ron"))
        .expect("read");
    assert_eq!(again, merged.assessment);
}

/// A camera removed on one side and changed on the other is a conflict, not a silent loss.
#[test]
fn a_record_removed_on_one_side_and_changed_on_the_other_is_a_conflict() {
    let base = common::compliant();
    let mut x = base.clone();
    x.cameras.retain(|c| c.camera_id.as_str() != "CAM-02");
    let mut y = base.clone();
    y.cameras[1].location = "Place du marché".into();
    let merged = merge(Some(&base), &x, &y, &theirs).expect("merged");
    assert_eq!(merged.conflicts.len(), 1);
    assert_eq!(merged.conflicts[0].path, "cameras[CAM-02]");
    assert_eq!(merged.conflicts[0].mine, None, "removed on my side");
    let kept = merged
        .assessment
        .cameras
        .iter()
        .find(|c| c.camera_id.as_str() == "CAM-02")
        .expect("theirs chosen: the camera stays");
    assert_eq!(kept.location, "Place du marché");
    // Removed on one side, untouched on the other: removed.
    let merged = merge(Some(&base), &x, &base, &theirs).expect("merged");
    assert!(merged.conflicts.is_empty());
    assert_eq!(merged.assessment.cameras.len(), base.cameras.len() - 1);
}

/// Without a common ancestor, every difference is a conflict: nothing is taken silently.
#[test]
fn without_a_common_ancestor_every_difference_is_a_conflict() {
    let base = common::compliant();
    let mut x = base.clone();
    x.project.title = "AIPD — version du DPD".into();
    let mut y = base.clone();
    y.cameras[0].location = "Mairie".into();
    let merged = merge(None, &x, &y, &mine).expect("merged");
    let paths: Vec<&str> = merged.conflicts.iter().map(|c| c.path.as_str()).collect();
    assert!(paths.contains(&"project.title"), "{paths:?}");
    assert!(paths.contains(&"cameras[CAM-01].location"), "{paths:?}");
    assert_eq!(merged.assessment, x, "all mine");
}

/// One edit a contributor may make.
#[derive(Clone, Debug)]
enum Change {
    /// Add a camera of this side (`X-n` or `Y-n`).
    AddCamera(usize),
    /// Remove the camera at this rank among the side's own.
    RemoveCamera(usize),
    /// Move the camera at this rank among the side's own.
    Relocate(usize, String),
    /// Couple or uncouple it.
    Couple(usize, bool),
    /// Add a risk of this side.
    AddRisk(usize, String),
}

fn change() -> impl Strategy<Value = Change> {
    prop_oneof![
        (0usize..50).prop_map(Change::AddCamera),
        (0usize..12).prop_map(Change::RemoveCamera),
        (0usize..12, "[a-zé ]{1,12}").prop_map(|(i, s)| Change::Relocate(i, s)),
        (0usize..12, any::<bool>()).prop_map(|(i, b)| Change::Couple(i, b)),
        (0usize..20, "[a-z ]{1,12}").prop_map(|(i, s)| Change::AddRisk(i, s)),
    ]
}

/// Applies `changes` as side `side` (`'X'` or `'Y'`), which owns the base's cameras of its
/// parity (X the even numbers, Y the odd) and its own new cameras and risks: the two sides'
/// changes never touch the same thing.
fn apply(base: &Assessment, side: char, changes: &[Change]) -> Assessment {
    let mut a = base.clone();
    let parity = u32::from(side == 'Y');
    // The base's cameras by the parity of their number, so a removal never changes who owns
    // the others.
    let is_owned = |id: &str| {
        id.starts_with(side)
            || id
                .strip_prefix("CAM-")
                .and_then(|n| n.parse::<u32>().ok())
                .is_some_and(|n| n % 2 == parity)
    };
    let owned = |a: &Assessment| -> Vec<CameraId> {
        a.cameras
            .iter()
            .filter(|c| is_owned(c.camera_id.as_str()))
            .map(|c| c.camera_id.clone())
            .collect()
    };
    for change in changes {
        let ids = owned(&a);
        match change {
            Change::AddCamera(n) => {
                let id = CameraId::new(format!("{side}-{n}"));
                if !a.cameras.iter().any(|c| c.camera_id == id) {
                    a.cameras.push(Camera {
                        camera_id: id,
                        perimeter: "Centre".into(),
                        ..Camera::default()
                    });
                }
            }
            Change::RemoveCamera(i) => {
                if let Some(id) = ids.get(*i) {
                    a.cameras.retain(|c| &c.camera_id != id);
                }
            }
            Change::Relocate(i, place) => {
                if let Some(id) = ids.get(*i) {
                    if let Some(c) = a.cameras.iter_mut().find(|c| &c.camera_id == id) {
                        c.location = place.clone();
                    }
                }
            }
            Change::Couple(i, coupled) => {
                if let Some(id) = ids.get(*i) {
                    if let Some(c) = a.cameras.iter_mut().find(|c| &c.camera_id == id) {
                        c.is_analytics_coupled = *coupled;
                    }
                }
            }
            Change::AddRisk(n, title) => {
                let id = RiskId::new(format!("RISK-{side}{n}"));
                if !a.risks.iter().any(|r| r.risk_id == id) {
                    a.risks.push(Risk {
                        risk_id: id,
                        title: title.clone(),
                        ..Risk::default()
                    });
                }
            }
        }
    }
    a
}

/// A camera's content, by id, whatever the order.
fn cameras_by_id(a: &Assessment) -> std::collections::BTreeMap<String, Camera> {
    a.cameras
        .iter()
        .map(|c| (c.camera_id.to_string(), c.clone()))
        .collect()
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(64))]

    #[test]
    fn a_change_on_one_side_only_is_taken_whole(changes in proptest::collection::vec(change(), 0..12)) {
        let base = common::compliant();
        let x = apply(&base, 'X', &changes);
        let merged = merge(Some(&base), &x, &base, &theirs).expect("merged");
        prop_assert!(merged.conflicts.is_empty());
        prop_assert_eq!(&merged.assessment, &x);
        let merged = merge(Some(&base), &base, &x, &mine).expect("merged");
        prop_assert!(merged.conflicts.is_empty());
        prop_assert_eq!(&merged.assessment, &x);
    }

    #[test]
    fn disjoint_changes_from_both_sides_are_all_kept(
        xs in proptest::collection::vec(change(), 0..12),
        ys in proptest::collection::vec(change(), 0..12),
    ) {
        let base = common::compliant();
        let x = apply(&base, 'X', &xs);
        let y = apply(&base, 'Y', &ys);
        let merged = merge(Some(&base), &x, &y, &mine).expect("merged");
        prop_assert!(merged.conflicts.is_empty(), "{:?}", merged.conflicts);
        // What both sides' edits give when made one after the other.
        let both = apply(&x, 'Y', &ys);
        prop_assert_eq!(cameras_by_id(&merged.assessment), cameras_by_id(&both));
        let risks = |a: &Assessment| {
            a.risks.iter().map(|r| r.risk_id.to_string()).collect::<std::collections::BTreeSet<_>>()
        };
        prop_assert_eq!(risks(&merged.assessment), risks(&both));
    }

    #[test]
    fn merging_is_symmetric_up_to_the_choice_on_conflicts(
        xs in proptest::collection::vec(change(), 0..8),
        ys in proptest::collection::vec(change(), 0..8),
        retention in (1u32..30, 1u32..30),
    ) {
        let base = common::compliant();
        let mut x = apply(&base, 'X', &xs);
        let mut y = apply(&base, 'Y', &ys);
        x.video_system.image_retention_days = Some(retention.0);
        y.video_system.image_retention_days = Some(retention.1);
        let one = merge(Some(&base), &x, &y, &mine).expect("merged");
        let other = merge(Some(&base), &y, &x, &theirs).expect("merged");
        prop_assert_eq!(cameras_by_id(&one.assessment), cameras_by_id(&other.assessment));
        prop_assert_eq!(
            one.assessment.video_system.image_retention_days,
            other.assessment.video_system.image_retention_days
        );
        prop_assert_eq!(one.conflicts.len(), other.conflicts.len());
    }

    /// A contributor asked for the inventory: their camera changes are all taken, their risks
    /// never, each risk they added named as left out; my own changes all stay.
    #[test]
    fn a_contributor_s_changes_are_taken_in_the_parts_asked_only(
        xs in proptest::collection::vec(change(), 0..12),
        ys in proptest::collection::vec(change(), 0..12),
    ) {
        let base = common::compliant();
        let mine = apply(&base, 'X', &xs);
        let contributor = apply(&base, 'Y', &ys);
        let merged = merge_within(
            Some(&base),
            &mine,
            &contributor,
            &[Section::Cameras, Section::Plans],
            &theirs,
        )
        .expect("merged");
        prop_assert!(merged.conflicts.is_empty(), "{:?}", merged.conflicts);
        let both = apply(&mine, 'Y', &ys);
        prop_assert_eq!(cameras_by_id(&merged.assessment), cameras_by_id(&both));
        prop_assert_eq!(&merged.assessment.risks, &mine.risks);
        let added: std::collections::BTreeSet<String> = contributor
            .risks
            .iter()
            .filter(|r| !base.risks.iter().any(|b| b.risk_id == r.risk_id))
            .map(|r| format!("risks[{}]", r.risk_id))
            .collect();
        let listed: std::collections::BTreeSet<String> = merged.protected.iter().cloned().collect();
        prop_assert_eq!(listed, added);
    }
}
