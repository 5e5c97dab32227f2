//! Merging two copies of a 10,000-camera assessment edited apart, 500 changes each (issue 31):
//! cameras relocated, coupled, added and removed on each side, and answers changed.

use std::time::Duration;

use crate::common::{median, times, with_cameras, Row};
use gardefou::model::merge::{merge, Side};
use gardefou::model::{Assessment, Camera, CameraId};

/// The target.
const TARGET: Duration = Duration::from_millis(200);

/// `base` with 500 changes of side `side` (`X` on the even cameras, `Y` on the odd): 400
/// cameras relocated, 50 added, 50 removed.
fn edited(base: &Assessment, side: char) -> Assessment {
    let mut a = base.clone();
    let parity = usize::from(side == 'Y');
    let mut owned = a
        .cameras
        .iter_mut()
        .enumerate()
        .filter(|(i, _)| i % 2 == parity)
        .map(|(_, c)| c);
    for _ in 0..400 {
        if let Some(camera) = owned.next() {
            camera.location = format!("relocated by {side}");
        }
    }
    let removed: Vec<CameraId> = a
        .cameras
        .iter()
        .enumerate()
        .filter(|(i, _)| i % 2 == parity && *i > 9_000)
        .take(50)
        .map(|(_, c)| c.camera_id.clone())
        .collect();
    a.cameras.retain(|c| !removed.contains(&c.camera_id));
    for n in 0..50 {
        a.cameras.push(Camera {
            camera_id: CameraId::new(format!("{side}-{n}")),
            perimeter: "Nouveau".into(),
            ..Camera::default()
        });
    }
    a
}

/// Measures and returns the row.
pub fn rows() -> Vec<Row> {
    let sample =
        gardefou::storage::parse_text(gardefou::sample::TEXT, std::path::Path::new("sample"))
            .unwrap_or_else(|e| panic!("{e}"));
    let base = with_cameras(&sample, 10_000);
    let x = edited(&base, 'X');
    let y = edited(&base, 'Y');
    let mut conflicts = 0;
    let mut cameras = 0;
    let runs = times(Duration::ZERO, 9, || {
        let merged = merge(Some(&base), &x, &y, &|_| Side::Mine).unwrap_or_else(|e| panic!("{e}"));
        conflicts = merged.conflicts.len();
        cameras = merged.assessment.cameras.len();
    });
    vec![Row {
        area: "merge",
        case: "merge two copies of 10,000 cameras, 500 changes each".to_owned(),
        median: median(&runs),
        worst: runs.last().copied(),
        target: Some(TARGET),
        note: format!("{cameras} cameras after, {conflicts} conflicts"),
    }]
}
