//! What changed between two states of an assessment: every answer by its path in the project
//! file (lists of records keyed by their ids, lists of words compared whole), and the cameras by
//! id — added, removed, and for a changed one which columns. The history is left out: it is not
//! content.

use std::collections::{BTreeMap, BTreeSet};

use serde_json::Value;

use super::{Assessment, Camera};

/// One answer that changed.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Change {
    /// Its path, e.g. `video_system.software.version` or `capabilities[K02].state`.
    pub path: String,
    /// Its value before (empty when it did not exist).
    pub old: String,
    /// Its value after (empty when it no longer exists).
    pub new: String,
}

/// A camera present on both sides whose row changed.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct CameraChange {
    /// The camera.
    pub camera_id: String,
    /// The columns that changed.
    pub fields: Vec<String>,
}

/// Everything that changed.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Diff {
    /// Answers, in path order.
    pub changes: Vec<Change>,
    /// Cameras only on the new side, by id.
    pub cameras_added: Vec<String>,
    /// Cameras only on the old side, by id.
    pub cameras_removed: Vec<String>,
    /// Cameras on both sides whose row changed.
    pub cameras_changed: Vec<CameraChange>,
}

impl Diff {
    /// True when nothing changed.
    pub fn is_empty(&self) -> bool {
        self.changes.is_empty()
            && self.cameras_added.is_empty()
            && self.cameras_removed.is_empty()
            && self.cameras_changed.is_empty()
    }
}

/// Which enum of the interface and dossier catalogues (`enum.<kind>.<Variant>`) the value at
/// `path` belongs to, when it is one.
pub fn enum_kind(path: &str) -> Option<&'static str> {
    const KINDS: [(&str, &str); 16] = [
        ("status", "status"),
        ("presence", "presence"),
        ("state", "capability_state"),
        ("unlock_holder", "unlock_holder"),
        ("usage_mode", "usage_mode"),
        ("use_scope", "use_scope"),
        ("regime", "regime"),
        ("legal_basis", "legal_basis"),
        ("role", "actor_role"),
        ("deployment_stage", "deployment_stage"),
        ("organisation_kind", "organisation_kind"),
        ("dpo_conclusion", "dpo_conclusion"),
        ("decision", "decision"),
        ("evaluation", "evaluation"),
        ("feared_event", "feared_event"),
        ("dossier_language", "lang"),
    ];
    let field = path.rsplit('.').next().unwrap_or(path);
    // Measures' status and kind have enums of their own.
    match (
        crate::model::path::record_of(path, &crate::model::path::MEASURES).is_some(),
        field,
    ) {
        (true, "kind") => Some("measure_kind"),
        (true, "status") => Some("measure_status"),
        _ => KINDS.iter().find(|(f, _)| *f == field).map(|(_, k)| *k),
    }
}

/// What changed from `old` to `new`.
pub fn diff(old: &Assessment, new: &Assessment) -> Diff {
    let mut out = Diff::default();
    let (before, after) = (flatten(old), flatten(new));
    let paths: BTreeSet<&String> = before.keys().chain(after.keys()).collect();
    for path in paths {
        let (o, n) = (before.get(path), after.get(path));
        if o != n {
            out.changes.push(Change {
                path: path.clone(),
                old: o.cloned().unwrap_or_default(),
                new: n.cloned().unwrap_or_default(),
            });
        }
    }
    let by_id = |a: &Assessment| -> BTreeMap<String, Camera> {
        a.cameras
            .iter()
            .map(|c| (c.camera_id.to_string(), c.clone()))
            .collect()
    };
    let (old_cameras, new_cameras) = (by_id(old), by_id(new));
    for (id, camera) in &new_cameras {
        match old_cameras.get(id) {
            None => out.cameras_added.push(id.clone()),
            Some(previous) if previous != camera => out.cameras_changed.push(CameraChange {
                camera_id: id.clone(),
                fields: changed_fields(previous, camera),
            }),
            Some(_) => {}
        }
    }
    out.cameras_removed = old_cameras
        .keys()
        .filter(|id| !new_cameras.contains_key(*id))
        .cloned()
        .collect();
    out
}

/// The columns of a camera that differ.
fn changed_fields(old: &Camera, new: &Camera) -> Vec<String> {
    let (Ok(Value::Object(o)), Ok(Value::Object(n))) =
        (serde_json::to_value(old), serde_json::to_value(new))
    else {
        return Vec::new();
    };
    o.keys()
        .filter(|k| o.get(*k) != n.get(*k))
        .cloned()
        .collect()
}

/// Every answer of `a` but its cameras and history, by path.
fn flatten(a: &Assessment) -> BTreeMap<String, String> {
    let mut content = a.clone();
    content.cameras = Default::default();
    content.history = Default::default();
    let mut out = BTreeMap::new();
    if let Ok(value) = serde_json::to_value(&content) {
        walk(&value, String::new(), &mut out);
    }
    out.remove("cameras");
    out
}

/// The keys that identify a record in a list.
const ID_KEYS: [&str; 6] = [
    "capability_id",
    "measure_id",
    "risk_id",
    "evidence_id",
    "question_id",
    "criterion_id",
];

fn walk(value: &Value, path: String, out: &mut BTreeMap<String, String>) {
    match value {
        Value::Object(map) => {
            for (key, value) in map {
                let child = if path.is_empty() {
                    key.clone()
                } else {
                    format!("{path}.{key}")
                };
                walk(value, child, out);
            }
        }
        Value::Array(items) if items.iter().all(|v| !v.is_object() && !v.is_array()) => {
            let words: Vec<String> = items.iter().map(scalar).collect();
            out.insert(path, words.join("; "));
        }
        Value::Array(items) => {
            for (index, item) in items.iter().enumerate() {
                let id = ID_KEYS
                    .iter()
                    .find_map(|k| item.get(*k).and_then(Value::as_str))
                    .map_or_else(|| index.to_string(), str::to_owned);
                walk(item, format!("{path}[{id}]"), out);
            }
        }
        other => {
            out.insert(path, scalar(other));
        }
    }
}

fn scalar(value: &Value) -> String {
    match value {
        Value::Null => String::new(),
        Value::String(s) => s.clone(),
        other => other.to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{CameraId, CapabilityRecord, Presence};

    #[test]
    fn answers_records_and_cameras_are_told_apart() {
        let mut old = Assessment::default();
        old.video_system.software.version = "5.7.2".into();
        old.capabilities.push(CapabilityRecord {
            capability_id: "K02".into(),
            ..CapabilityRecord::default()
        });
        old.cameras = (0..3)
            .map(|n| Camera {
                camera_id: CameraId::new(format!("C{n}")),
                ..Camera::default()
            })
            .collect();
        let mut new = old.clone();
        assert!(diff(&old, &new).is_empty());
        new.video_system.software.version = "5.8.0".into();
        new.capabilities[0].presence = Presence::Present;
        new.cameras.retain(|c| c.camera_id.as_str() != "C0");
        new.cameras[0].is_analytics_coupled = true;
        new.cameras.push(Camera {
            camera_id: CameraId::new("C9"),
            ..Camera::default()
        });
        let d = diff(&old, &new);
        let paths: Vec<&str> = d.changes.iter().map(|c| c.path.as_str()).collect();
        assert_eq!(
            paths,
            [
                "capabilities[K02].presence",
                "video_system.software.version"
            ]
        );
        assert_eq!(d.changes[1].old, "5.7.2");
        assert_eq!(d.changes[1].new, "5.8.0");
        assert_eq!(d.cameras_added, ["C9"]);
        assert_eq!(d.cameras_removed, ["C0"]);
        assert_eq!(
            d.cameras_changed,
            [CameraChange {
                camera_id: "C1".into(),
                fields: vec!["is_analytics_coupled".into()]
            }]
        );
    }
}
