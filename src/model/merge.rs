//! Three-way merge of two copies of one assessment edited apart, by meaning rather than by
//! lines of text: answers by their field path, records by their id (cameras, capabilities,
//! risks, measures, evidence, plans and what they hold, answers to questions, overrides),
//! purposes by their kind, lists of words and the history's comments and transitions as sets,
//! anything else (a polygon, the versions) as one value. A change made on one side only is
//! taken; the same field changed to different values on both sides is a conflict, settled by
//! the caller's choice (mine or theirs) and reported with the three values. Without a common
//! ancestor (two-way), every difference is a conflict. Pure: no IO, no clock.

use serde_json::{Map, Value};

use super::path::{self, Section};
use super::Assessment;

/// Which copy a conflict is settled from.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Side {
    /// The copy merged into (the user's own).
    Mine,
    /// The copy merged from (the one that came back).
    Theirs,
}

/// The same field changed to different values on both sides.
#[derive(Clone, Debug, PartialEq)]
pub struct Conflict {
    /// Where: a field path (`video_system.image_retention_days`, `cameras[CAM-004].location`).
    pub path: String,
    /// The common ancestor's value (`None`: absent there, or no ancestor).
    pub base: Option<Value>,
    /// Mine (`None`: removed on my side).
    pub mine: Option<Value>,
    /// Theirs (`None`: removed on their side).
    pub theirs: Option<Value>,
    /// The side taken.
    pub chosen: Side,
}

/// What a merge gives.
#[derive(Clone, Debug)]
pub struct Merged {
    /// The merged assessment.
    pub assessment: Assessment,
    /// The paths whose change came from my side alone.
    pub from_mine: Vec<String>,
    /// The paths whose change came from their side alone.
    pub from_theirs: Vec<String>,
    /// The conflicts, each settled as chosen.
    pub conflicts: Vec<Conflict>,
    /// The paths their copy changed outside the sections it could change: left as mine.
    pub protected: Vec<String>,
}

/// Why a merge could not be made.
#[derive(Debug, thiserror::Error)]
pub enum MergeError {
    /// A copy could not be read as data (never expected of an assessment).
    #[error("a copy could not be compared: {0}")]
    Value(String),
    /// The merged data is not an assessment (a record left half from each side).
    #[error("the merged copy is not a valid assessment: {0}")]
    Invalid(String),
}

/// Merges `mine` and `theirs`, changed apart from `base` (`None`: no common ancestor, every
/// difference is a conflict), settling each conflict with `choose`.
pub fn merge(
    base: Option<&Assessment>,
    mine: &Assessment,
    theirs: &Assessment,
    choose: &dyn Fn(&Conflict) -> Side,
) -> Result<Merged, MergeError> {
    run(base, mine, theirs, None, choose)
}

/// Merges a contributor's copy `theirs`, taking its changes in `sections` only: elsewhere mine
/// stays, whatever their copy holds (listed in `Merged::protected`), and never a conflict.
pub fn merge_within(
    base: Option<&Assessment>,
    mine: &Assessment,
    theirs: &Assessment,
    sections: &[Section],
    choose: &dyn Fn(&Conflict) -> Side,
) -> Result<Merged, MergeError> {
    run(base, mine, theirs, Some(sections), choose)
}

fn run(
    base: Option<&Assessment>,
    mine: &Assessment,
    theirs: &Assessment,
    sections: Option<&[Section]>,
    choose: &dyn Fn(&Conflict) -> Side,
) -> Result<Merged, MergeError> {
    let to_value = |a: &Assessment| {
        serde_json::to_value(a).map_err(|error| MergeError::Value(error.to_string()))
    };
    let base = base.map(to_value).transpose()?;
    let mine = to_value(mine)?;
    let theirs = to_value(theirs)?;
    let mut run = Run {
        has_base: base.is_some(),
        sections,
        choose,
        from_mine: Vec::new(),
        from_theirs: Vec::new(),
        conflicts: Vec::new(),
        protected: Vec::new(),
    };
    let merged = run
        .value("", base.as_ref(), Some(&mine), Some(&theirs))
        .unwrap_or(Value::Null);
    let assessment =
        serde_json::from_value(merged).map_err(|error| MergeError::Invalid(error.to_string()))?;
    Ok(Merged {
        assessment,
        from_mine: run.from_mine,
        from_theirs: run.from_theirs,
        conflicts: run.conflicts,
        protected: run.protected,
    })
}

/// The merge in progress.
struct Run<'c> {
    /// A common ancestor is known (three-way).
    has_base: bool,
    /// The sections their copy may change (`None`: all).
    sections: Option<&'c [Section]>,
    choose: &'c dyn Fn(&Conflict) -> Side,
    from_mine: Vec<String>,
    from_theirs: Vec<String>,
    conflicts: Vec<Conflict>,
    protected: Vec<String>,
}

/// The field naming a record of a list, by the list's path pattern (ids inside brackets left
/// out); `None` for a list merged another way.
fn record_key(list: &str) -> Option<&'static str> {
    static LISTS: std::sync::OnceLock<Vec<(String, &'static str)>> = std::sync::OnceLock::new();
    let pattern = strip_ids(list);
    let lists = LISTS.get_or_init(|| {
        vec![
            (path::CAMERAS.to_string(), "camera_id"),
            (path::CAPABILITIES.to_string(), "capability_id"),
            (path::RISKS.to_string(), "risk_id"),
            (path::MEASURES.to_string(), "measure_id"),
            (path::EVIDENCE.to_string(), "evidence_id"),
            (path::PLANS.to_string(), "plan_id"),
            (path::plan("", "placements").to_string(), "camera_id"),
            (path::plan("", "zones").to_string(), "zone_id"),
            (path::ANSWERS.to_string(), "question_id"),
            (path::screening::OVERRIDES.to_string(), "criterion_id"),
            (path::processing::PURPOSES.to_string(), "kind"),
            (path::project::TRUSTED_FILES.to_string(), "path"),
        ]
    });
    lists
        .iter()
        .find(|(list, _)| *list == pattern)
        .map(|(_, key)| *key)
}

/// Lists whose items are merged as a set (added on either side, removed on either side).
fn is_set(list: &str, items: &[&Value]) -> bool {
    let pattern = strip_ids(list);
    pattern == path::history::COMMENTS.as_str()
        || pattern == path::history::TRANSITIONS.as_str()
        || (!items.is_empty() && items.iter().all(|v| v.is_string()))
}

/// `plans[PLAN-1].placements` → `plans[].placements`: the path's pattern, as the knowledge base
/// names fields.
fn strip_ids(list: &str) -> String {
    path::FieldPath::from(list).pattern()
}

/// Both sides' last authors, answer by answer, the later change winning (mine on the same day).
fn latest_authors(mine: Option<&Value>, theirs: Option<&Value>) -> Value {
    let mut out = mine.and_then(Value::as_object).cloned().unwrap_or_default();
    let day = |v: &Value| v.get("on").and_then(Value::as_str).map(str::to_owned);
    for (field, author) in theirs.and_then(Value::as_object).into_iter().flatten() {
        let is_later = out.get(field).is_none_or(|kept| day(author) > day(kept));
        if is_later {
            out.insert(field.clone(), author.clone());
        }
    }
    Value::Object(out)
}

/// Two lists of validated versions that differ at most in their edit scripts.
fn same_versions(mine: Option<&Value>, theirs: Option<&Value>) -> bool {
    let without_scripts = |list: Option<&Value>| {
        list.and_then(Value::as_array).map(|versions| {
            versions
                .iter()
                .map(|v| {
                    let mut v = v.clone();
                    if let Some(object) = v.as_object_mut() {
                        object.remove("patch");
                    }
                    v
                })
                .collect::<Vec<_>>()
        })
    };
    without_scripts(mine) == without_scripts(theirs)
}

/// A list's records by their id.
fn by_id<'v>(list: &'v [Value], key: &str) -> std::collections::HashMap<String, &'v Value> {
    list.iter()
        .filter_map(|v| v.get(key).map(|i| (id_text(i), v)))
        .collect()
}

/// A record's id as the path writes it.
fn id_text(value: &Value) -> String {
    match value {
        Value::String(text) => text.clone(),
        other => other.to_string(),
    }
}

impl Run<'_> {
    /// The merged value at `path` (`None`: absent).
    fn value(
        &mut self,
        path: &str,
        base: Option<&Value>,
        mine: Option<&Value>,
        theirs: Option<&Value>,
    ) -> Option<Value> {
        if mine == theirs {
            return mine.cloned();
        }
        // Two copies holding the same validated versions differ in their edit scripts, which
        // start from each copy's own content: the same versions, mine kept (the script of the
        // last is pointed at the merged content when it is saved).
        if path == path::history::VERSIONS.as_str() && same_versions(mine, theirs) {
            return mine.cloned();
        }
        // Who last changed each answer: the later of the two, never a conflict.
        if path == path::history::AUTHORS.as_str() {
            return Some(latest_authors(mine, theirs));
        }
        // The day of the last update: the later of the two, never a conflict.
        if path == path::project::UPDATED_ON.as_str() {
            let day = |v: Option<&Value>| v.and_then(Value::as_str).map(str::to_owned);
            return if day(theirs) > day(mine) {
                theirs.cloned()
            } else {
                mine.cloned()
            };
        }
        // A contributor's request stays in the contributor's copy.
        if path == path::project::CONTRIBUTION.as_str() {
            return mine.cloned();
        }
        // Outside a contributor's parts, mine stays; what they changed there is listed.
        let is_protected = self
            .sections
            .is_some_and(|allowed| Section::of(path).is_some_and(|s| !allowed.contains(&s)));
        if is_protected {
            if self.has_base && theirs == base {
                self.from_mine.push(path.to_owned());
                return mine.cloned();
            }
            // Down to the field or record they changed, to name it.
            let descends = match (mine, theirs) {
                (Some(Value::Object(_)), Some(Value::Object(_))) => true,
                (Some(Value::Array(_)), Some(Value::Array(_))) => record_key(path).is_some(),
                _ => false,
            };
            if !descends {
                self.protected.push(path.to_owned());
                return mine.cloned();
            }
        } else if self.has_base && (self.sections.is_none() || Section::of(path).is_some()) {
            // (Above the sections, a contributor's copy is looked into: a one-sided change
            // there may lie outside the parts asked.)
            if mine == base {
                self.from_theirs.push(path.to_owned());
                return theirs.cloned();
            }
            if theirs == base {
                self.from_mine.push(path.to_owned());
                return mine.cloned();
            }
        }
        match (mine, theirs) {
            (Some(Value::Object(m)), Some(Value::Object(t))) => {
                let b = base.and_then(Value::as_object);
                Some(Value::Object(self.object(path, b, m, t)))
            }
            (Some(Value::Array(m)), Some(Value::Array(t))) => {
                let b = base.and_then(Value::as_array);
                match self.array(path, b, m, t) {
                    Some(merged) => Some(Value::Array(merged)),
                    None => self.conflict(path, base, mine, theirs),
                }
            }
            _ => self.conflict(path, base, mine, theirs),
        }
    }

    /// Both sides' fields merged one by one, in my order then theirs' new ones.
    fn object(
        &mut self,
        path: &str,
        base: Option<&Map<String, Value>>,
        mine: &Map<String, Value>,
        theirs: &Map<String, Value>,
    ) -> Map<String, Value> {
        let mut out = Map::new();
        let keys = mine
            .keys()
            .chain(theirs.keys().filter(|k| !mine.contains_key(*k)));
        let keys: Vec<String> = keys.cloned().collect();
        for key in keys {
            let child = if path.is_empty() {
                key.clone()
            } else {
                format!("{path}.{key}")
            };
            let merged = self.value(
                &child,
                base.and_then(|b| b.get(&key)),
                mine.get(&key),
                theirs.get(&key),
            );
            if let Some(value) = merged {
                out.insert(key, value);
            }
        }
        out
    }

    /// A list merged by record id or as a set; `None` when it is one value (a conflict then).
    fn array(
        &mut self,
        path: &str,
        base: Option<&Vec<Value>>,
        mine: &[Value],
        theirs: &[Value],
    ) -> Option<Vec<Value>> {
        if let Some(key) = record_key(path) {
            return Some(self.records(path, key, base, mine, theirs));
        }
        let all: Vec<&Value> = mine.iter().chain(theirs).collect();
        if !is_set(path, &all) {
            return None;
        }
        let base: &[Value] = base.map_or(&[], Vec::as_slice);
        let mut out: Vec<Value> = Vec::new();
        // Mine, less what they removed (in the base, no longer theirs)…
        for item in mine {
            let removed_by_them = self.has_base && base.contains(item) && !theirs.contains(item);
            if !removed_by_them && !out.contains(item) {
                out.push(item.clone());
            }
        }
        // …and what they added (theirs, not in the base, unless I removed it).
        for item in theirs {
            let removed_by_me = self.has_base && base.contains(item) && !mine.contains(item);
            if !removed_by_me && !out.contains(item) {
                out.push(item.clone());
            }
        }
        let changed = out.as_slice() != mine;
        if changed {
            self.from_theirs.push(path.to_owned());
        }
        if out.as_slice() != theirs {
            self.from_mine.push(path.to_owned());
        }
        Some(out)
    }

    /// Records by id: each merged with its counterparts; added on one side, kept; removed on
    /// one side and unchanged on the other, removed; removed on one side and changed on the
    /// other, a conflict.
    fn records(
        &mut self,
        path: &str,
        key: &str,
        base: Option<&Vec<Value>>,
        mine: &[Value],
        theirs: &[Value],
    ) -> Vec<Value> {
        let id = |v: &Value| v.get(key).map(id_text);
        let base_of = base.map(|b| by_id(b, key)).unwrap_or_default();
        let theirs_of = by_id(theirs, key);
        let mine_of = by_id(mine, key);
        let mut order: Vec<String> = mine.iter().filter_map(id).collect();
        let mut seen: std::collections::HashSet<String> = order.iter().cloned().collect();
        for item in theirs {
            if let Some(i) = id(item) {
                if seen.insert(i.clone()) {
                    order.push(i);
                }
            }
        }
        let mut out = Vec::with_capacity(order.len());
        for i in order {
            let child = format!("{path}[{i}]");
            let (b, m, t) = (
                base_of.get(&i).copied(),
                mine_of.get(&i).copied(),
                theirs_of.get(&i).copied(),
            );
            if let Some(value) = self.value(&child, b, m, t) {
                out.push(value);
            }
        }
        out
    }

    /// A conflict, settled by the caller's choice.
    fn conflict(
        &mut self,
        path: &str,
        base: Option<&Value>,
        mine: Option<&Value>,
        theirs: Option<&Value>,
    ) -> Option<Value> {
        let mut conflict = Conflict {
            path: path.to_owned(),
            base: base.cloned(),
            mine: mine.cloned(),
            theirs: theirs.cloned(),
            chosen: Side::Mine,
        };
        conflict.chosen = (self.choose)(&conflict);
        let taken = match conflict.chosen {
            Side::Mine => mine.cloned(),
            Side::Theirs => theirs.cloned(),
        };
        self.conflicts.push(conflict);
        taken
    }
}
