//! The camera inventory's structural edits: add, duplicate, delete, bulk changes over a
//! selection, an import, a vendor preset.

use std::collections::BTreeSet;

use super::{fresh_id, Edit};
use crate::model::{Assessment, Camera, CameraId};

/// Applies one of the inventory's edits (any other edit is not this module's).
pub(super) fn apply(a: &mut Assessment, edit: &Edit) {
    match edit {
        Edit::AddCamera => {
            let id = fresh_id(
                |n| format!("CAM-{n:03}"),
                a.cameras.iter().map(|c| c.camera_id.as_str()),
            );
            a.cameras.push(Camera {
                camera_id: CameraId::new(id),
                ..Camera::default()
            });
        }
        Edit::DuplicateCameras(ids) => {
            for id in ids {
                let Some(original) = a.cameras.iter().find(|c| &c.camera_id == id).cloned() else {
                    continue;
                };
                let copy_id = fresh_id(
                    |n| format!("{id}-{n}"),
                    a.cameras.iter().map(|c| c.camera_id.as_str()),
                );
                a.cameras.push(Camera {
                    camera_id: CameraId::new(copy_id),
                    ..original
                });
            }
        }
        Edit::DeleteCameras(ids) => {
            let ids: BTreeSet<&CameraId> = ids.iter().collect();
            a.cameras.retain(|c| !ids.contains(&c.camera_id));
        }
        Edit::SetCoupled(ids, value) => {
            each_camera(a, ids, |camera| camera.is_analytics_coupled = *value);
        }
        Edit::AddCameraPurpose(ids, kind) => each_camera(a, ids, |camera| {
            if !camera.purposes.contains(kind) {
                camera.purposes.push(*kind);
                camera.purposes.sort();
            }
        }),
        Edit::RemoveCameraPurpose(ids, kind) => {
            each_camera(a, ids, |camera| camera.purposes.retain(|p| p != kind));
        }
        Edit::SetMasking(ids, value) => {
            each_camera(a, ids, |camera| camera.has_privacy_masking = *value);
        }
        Edit::SetSetting(ids, value) => {
            each_camera(a, ids, |camera| camera.setting = *value);
        }
        Edit::ImportCameras(cameras) => a.cameras.extend(cameras.iter().cloned()),
        Edit::UpdateCameras(cameras) => {
            let by_id: std::collections::HashMap<&CameraId, &Camera> =
                cameras.iter().map(|c| (&c.camera_id, c)).collect();
            for camera in a.cameras.iter_mut() {
                if let Some(new) = by_id.get(&camera.camera_id) {
                    *camera = (*new).clone();
                }
            }
        }
        _ => {}
    }
}

/// Applies `change` to the cameras named in `ids` (a set, so a bulk edit of 10,000 selected
/// cameras stays linear).
fn each_camera(a: &mut Assessment, ids: &[CameraId], mut change: impl FnMut(&mut Camera)) {
    let ids: BTreeSet<&CameraId> = ids.iter().collect();
    for camera in a.cameras.iter_mut().filter(|c| ids.contains(&c.camera_id)) {
        change(camera);
    }
}
