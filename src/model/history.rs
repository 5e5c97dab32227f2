//! The life of an assessment: the review circuit's transitions (who, when, why) and the
//! validated versions, each kept in the one project file as the edit script that rebuilds its
//! text from the next newer state — the current content for the last version — so twenty
//! versions of a 10,000-camera inventory cost little more than one. Rebuilding and checking the
//! versions is `storage::history`'s job; the model only holds them.

use serde::{Deserialize, Serialize};
use sha2::{Digest as _, Sha256};

use super::date::Date;
use super::project::ProjectStatus;

/// One step of the review circuit.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct Transition {
    /// The status left.
    pub from: ProjectStatus,
    /// The status reached.
    pub to: ProjectStatus,
    /// Who made the step (the user's name, from their settings).
    pub by: String,
    /// When.
    pub on: Option<Date>,
    /// Why, or anything worth keeping.
    pub comment: String,
}

/// One operation of an edit script over lines of text.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum PatchOp {
    /// The next lines are kept.
    Keep(u32),
    /// The next lines are dropped.
    Delete(u32),
    /// These lines are inserted.
    Insert(Vec<String>),
}

/// What the re-assessment rule watches, as it stood when a version was validated: a change to
/// any of it after validation calls for a review (GDPR art. 35(11)).
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct WatchedFacts {
    /// Analytics software: vendor, product and version.
    pub software: String,
    /// Licensed modules.
    pub modules: Vec<String>,
    /// Cameras in the inventory.
    pub cameras: usize,
    /// Cameras coupled to the analytics software.
    pub coupled: usize,
    /// Perimeters of the inventory.
    pub perimeters: Vec<String>,
    /// Purposes, as their short codes.
    pub purposes: Vec<String>,
    /// Retention of images and metadata, in days.
    pub retention: (Option<u32>, Option<u32>),
    /// Processors by name.
    pub processors: Vec<String>,
    /// Each examined capability: id, presence, state, unlock holder.
    pub capabilities: Vec<String>,
}

impl WatchedFacts {
    /// What the re-assessment rule watches, taken from `a`.
    pub fn of(a: &super::Assessment) -> WatchedFacts {
        let software = &a.video_system.software;
        let mut perimeters: Vec<String> = a.cameras.iter().map(|c| c.perimeter.clone()).collect();
        perimeters.sort();
        perimeters.dedup();
        let mut purposes: Vec<String> = a
            .processing
            .purposes
            .iter()
            .map(|p| p.kind.short_code())
            .collect();
        purposes.sort();
        let mut processors: Vec<String> = a
            .processing
            .actors
            .iter()
            .filter(|x| x.role == super::ActorRole::Processor)
            .map(|x| x.name.trim().to_owned())
            .collect();
        processors.sort();
        let mut capabilities: Vec<String> = a
            .capabilities
            .iter()
            .map(|r| {
                format!(
                    "{} {:?} {:?} {:?}",
                    r.capability_id, r.presence, r.state, r.unlock_holder
                )
            })
            .collect();
        capabilities.sort();
        WatchedFacts {
            software: format!(
                "{} {} {}",
                software.vendor, software.product, software.version
            )
            .trim()
            .to_owned(),
            modules: software.licensed_modules.clone(),
            cameras: a.cameras.len(),
            coupled: a.cameras.iter().filter(|c| c.is_analytics_coupled).count(),
            perimeters,
            purposes,
            retention: (
                a.video_system.image_retention_days,
                a.video_system.metadata_retention_days,
            ),
            processors,
            capabilities,
        }
    }
}

/// A validated version.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct Version {
    /// Its number, e.g. « 1.0 ».
    pub number: String,
    /// Day of validation.
    pub validated_on: Option<Date>,
    /// Who validated.
    pub validated_by: String,
    /// Why it was validated although a blocking finding was open (printed in the dossier);
    /// empty when none was.
    pub blocking_reason: String,
    /// SHA-256 of the version's canonical content (the project text without its history).
    pub sha256: String,
    /// The transitions that led to it, from the previous version on.
    pub circuit: Vec<Transition>,
    /// What the re-assessment rule compares the current content with.
    pub watched: WatchedFacts,
    /// The edit script turning the text of the next newer state (the next version, or the
    /// current content for the last one) into this version's text.
    pub patch: Vec<PatchOp>,
}

/// A reviewer's comment on a question or field.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct Comment {
    /// The field's path, as findings name fields (`video_system.image_retention_days`).
    pub field: String,
    /// Who wrote it.
    pub author: String,
    /// When.
    pub on: Option<Date>,
    /// What it says.
    pub text: String,
    /// Dealt with.
    pub is_resolved: bool,
}

/// The circuit since the last version, and the validated versions, oldest first.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct History {
    /// Transitions since the last validated version (they move into the next version).
    pub transitions: Vec<Transition>,
    /// Validated versions, oldest first.
    pub versions: Vec<Version>,
    /// Reviewers' comments on questions and fields.
    pub comments: Vec<Comment>,
    /// Print the comments in an annex of the full dossier (never in the public version).
    pub print_comments: bool,
    /// Who last changed each answer, and when, by its path (`cameras[CAM-004].location`):
    /// recorded at each save from what the save carries, with the name set on this computer.
    #[serde(skip_serializing_if = "std::collections::BTreeMap::is_empty")]
    pub authors: std::collections::BTreeMap<String, Authorship>,
}

/// Who last changed an answer, and when.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct Authorship {
    /// The name set on the computer it was changed on.
    pub by: String,
    /// The day of the save that carried the change.
    pub on: Option<Date>,
}

impl History {
    /// Records `by` on `on` as the last author of every answer that differs between `before`
    /// and `after` (a camera added or removed as a whole, a changed one column by column).
    pub fn record_authors(
        &mut self,
        before: &super::Assessment,
        after: &super::Assessment,
        by: &str,
        on: Date,
    ) {
        let by = by.trim();
        if by.is_empty() {
            return;
        }
        let changed = super::diff::diff(before, after);
        let camera = |id: &str, field: Option<&str>| super::path::camera(id, field).to_string();
        let paths = changed
            .changes
            .iter()
            .map(|c| c.path.clone())
            .chain(changed.cameras_added.iter().map(|id| camera(id, None)))
            .chain(changed.cameras_removed.iter().map(|id| camera(id, None)))
            .chain(changed.cameras_changed.iter().flat_map(|c| {
                c.fields
                    .iter()
                    .map(|f| camera(&c.camera_id, Some(f)))
                    .collect::<Vec<_>>()
            }));
        for path in paths {
            self.authors.insert(
                path,
                Authorship {
                    by: by.to_owned(),
                    on: Some(on),
                },
            );
        }
    }

    /// The last author of `path`, or of the record or section holding it.
    pub fn author_of(&self, path: &str) -> Option<&Authorship> {
        let mut probe = path;
        loop {
            if let Some(found) = self.authors.get(probe) {
                return Some(found);
            }
            let cut = probe.rfind(['.', '['])?;
            probe = &probe[..cut];
        }
    }
}

/// The RON text of an assessment as project files hold it (4-space indents, one field a line):
/// `storage` saves this text, and versions are hashed and diffed on it.
pub fn ron_text(a: &super::Assessment) -> Result<String, ron::Error> {
    let config = ron::ser::PrettyConfig::new()
        .indentor("    ".to_owned())
        .separate_tuple_members(false)
        .enumerate_arrays(false)
        .escape_strings(false);
    let mut text = ron::ser::to_string_pretty(a, config)?;
    text.push('\n');
    Ok(text)
}

/// The canonical text of an assessment's content: its project text without the history. Its
/// SHA-256 identifies a version.
pub fn content_text(a: &super::Assessment) -> Result<String, ron::Error> {
    let mut content = a.clone();
    content.history = History::default();
    ron_text(&content)
}

/// Lowercase hex SHA-256 of a text.
pub fn sha256_hex(text: &str) -> String {
    Sha256::digest(text.as_bytes())
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect()
}

/// Applies an edit script to `from`; `None` when it does not fit.
pub fn apply(from: &str, ops: &[PatchOp]) -> Option<String> {
    let lines: Vec<&str> = from.split_inclusive('\n').collect();
    let mut at = 0usize;
    let mut out = String::with_capacity(from.len());
    for op in ops {
        match op {
            PatchOp::Keep(n) => {
                let end = at.checked_add(*n as usize)?;
                out.extend(lines.get(at..end)?.iter().copied());
                at = end;
            }
            PatchOp::Delete(n) => {
                let end = at.checked_add(*n as usize)?;
                lines.get(at..end)?;
                at = end;
            }
            PatchOp::Insert(new) => new.iter().for_each(|l| out.push_str(l)),
        }
    }
    (at == lines.len()).then_some(out)
}

/// An assessment back from a version's canonical text (the current format's).
pub fn parse_content(text: &str) -> Option<super::Assessment> {
    ron::from_str(text).ok()
}
