//! The camera inventory as a shared, copy-on-write list with a revision number.
//!
//! An inventory can hold 10,000 cameras, and the app keeps several copies of the assessment
//! (as saved, as evaluated, the undo history) and compares them every frame. Cloning this list
//! shares it; comparing two lists of the same revision is immediate. Every mutable access takes
//! a new revision (and copies the cameras only if another copy shares them), so a revision names
//! one content: two lists with the same revision are equal. On disk it is a plain list.

use std::cell::RefCell;
use std::ops::{Deref, DerefMut};
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::Arc;

use serde::{Deserialize, Deserializer, Serialize, Serializer};

use super::camera::Camera;

/// The source of revision numbers, shared by every list of the process.
static NEXT_REVISION: AtomicU64 = AtomicU64::new(1);

/// How many recent comparisons of lists with different revisions are remembered.
const REMEMBERED_COMPARISONS: usize = 8;

thread_local! {
    /// Outcomes of recent deep comparisons, by pair of revisions (a revision's content never
    /// changes, so the outcome never goes stale).
    static COMPARISONS: RefCell<Vec<((u64, u64), bool)>> = const { RefCell::new(Vec::new()) };
}

fn next_revision() -> u64 {
    NEXT_REVISION.fetch_add(1, Ordering::Relaxed)
}

/// The cameras of an inventory.
#[derive(Clone, Debug)]
pub struct CameraList {
    cameras: Arc<Vec<Camera>>,
    revision: u64,
}

impl CameraList {
    /// The revision of this content: it changes with every mutable access.
    pub fn revision(&self) -> u64 {
        self.revision
    }
}

impl Default for CameraList {
    fn default() -> Self {
        Vec::new().into()
    }
}

impl From<Vec<Camera>> for CameraList {
    fn from(cameras: Vec<Camera>) -> Self {
        Self {
            cameras: Arc::new(cameras),
            revision: next_revision(),
        }
    }
}

impl FromIterator<Camera> for CameraList {
    fn from_iter<I: IntoIterator<Item = Camera>>(iter: I) -> Self {
        iter.into_iter().collect::<Vec<_>>().into()
    }
}

impl<'a> IntoIterator for &'a CameraList {
    type Item = &'a Camera;
    type IntoIter = std::slice::Iter<'a, Camera>;

    fn into_iter(self) -> Self::IntoIter {
        self.cameras.iter()
    }
}

impl Deref for CameraList {
    type Target = Vec<Camera>;

    fn deref(&self) -> &Vec<Camera> {
        &self.cameras
    }
}

impl DerefMut for CameraList {
    /// Takes a new revision, and copies the cameras first if another list shares them.
    fn deref_mut(&mut self) -> &mut Vec<Camera> {
        self.revision = next_revision();
        Arc::make_mut(&mut self.cameras)
    }
}

impl PartialEq for CameraList {
    fn eq(&self, other: &Self) -> bool {
        if self.revision == other.revision || Arc::ptr_eq(&self.cameras, &other.cameras) {
            return true;
        }
        if self.cameras.len() != other.cameras.len() {
            return false;
        }
        let key = (
            self.revision.min(other.revision),
            self.revision.max(other.revision),
        );
        let remembered = COMPARISONS.with(|c| {
            c.borrow()
                .iter()
                .find(|(k, _)| *k == key)
                .map(|(_, equal)| *equal)
        });
        if let Some(equal) = remembered {
            return equal;
        }
        let equal = self.cameras == other.cameras;
        COMPARISONS.with(|c| {
            let mut c = c.borrow_mut();
            if c.len() == REMEMBERED_COMPARISONS {
                c.remove(0);
            }
            c.push((key, equal));
        });
        equal
    }
}

impl Serialize for CameraList {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        self.cameras.serialize(serializer)
    }
}

impl<'de> Deserialize<'de> for CameraList {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        Vec::<Camera>::deserialize(deserializer).map(Self::from)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::CameraId;

    fn list(ids: &[&str]) -> CameraList {
        ids.iter()
            .map(|id| Camera {
                camera_id: CameraId::new(*id),
                ..Camera::default()
            })
            .collect()
    }

    #[test]
    fn a_clone_shares_the_cameras_until_one_side_changes() {
        let original = list(&["A", "B"]);
        let mut copy = original.clone();
        assert_eq!(copy, original);
        copy[1].location = "Place du marché".into();
        assert_ne!(copy, original);
        assert_eq!(original[1].location, "");
        assert_ne!(copy.revision(), original.revision());
    }

    #[test]
    fn lists_built_apart_compare_by_content() {
        assert_eq!(list(&["A", "B"]), list(&["A", "B"]));
        assert_ne!(list(&["A", "B"]), list(&["A", "C"]));
        assert_ne!(list(&["A"]), list(&["A", "B"]));
    }

    #[test]
    fn a_change_undone_by_hand_compares_equal_again() {
        let original = list(&["A", "B"]);
        let mut copy = original.clone();
        copy[0].notes = "x".into();
        assert_ne!(copy, original);
        copy[0].notes.clear();
        // Same content, new revision: the comparison is by content and stays right.
        assert_eq!(copy, original);
        assert_eq!(copy, original);
    }

    #[test]
    fn it_is_a_plain_list_on_disk() {
        let cameras = list(&["A"]);
        let text = ron::to_string(&cameras).unwrap_or_default();
        assert!(text.starts_with('['), "{text}");
        let back: CameraList = ron::from_str(&text).unwrap_or_default();
        assert_eq!(back, cameras);
    }
}
