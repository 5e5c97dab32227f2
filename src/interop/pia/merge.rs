//! Giving back what an imported PIA export held. Import keeps the original file
//! (`project.imported_pia`); export then compares, part by part, three renderings: the file
//! Garde-fou writes from the assessment now (`mine`), the one it writes from the original as
//! imported (`base`) and the original itself. A part the user has not changed (`mine` equals
//! `base`) is written as the original had it — every answer, evaluation (status, comments,
//! gauges, action plan, person in charge, dates), measure and comment; a changed part is written
//! from the assessment; a part Garde-fou never writes is kept; a part the user removed is left
//! out. Import → export therefore returns the original, and later edits still reach the tool.

use serde_json::{Map, Value};

use super::{import, NOTES_REFERENCE};
use crate::knowledge::KnowledgeBase;
use crate::model::Assessment;

/// The original PIA export kept by the import, when there is one and it still reads.
pub fn original(a: &Assessment) -> Option<Value> {
    let text = a.project.imported_pia.trim();
    if text.is_empty() {
        return None;
    }
    serde_json::from_str::<Value>(text)
        .ok()
        .filter(|v| v.get("pia").is_some_and(Value::is_object))
}

/// The assessment the original gives on import: what the user started from.
pub fn base(original: &Value, kb: &KnowledgeBase) -> Option<Assessment> {
    let bytes = serde_json::to_vec(original).ok()?;
    import(&bytes, kb).ok().map(|imported| imported.assessment)
}

/// The ids of the original's measures.
pub fn measure_ids(original: &Value) -> impl Iterator<Item = i64> + '_ {
    array(original, "measures")
        .iter()
        .filter_map(|m| m.get("id").and_then(Value::as_i64))
}

/// The file to write: `mine` where the user changed something since the import, the original
/// elsewhere.
pub fn merge(mine: &Value, base: &Value, original: &Value) -> Value {
    let mut root = Map::new();
    root.insert(
        "pia".to_owned(),
        merge_object(
            mine.get("pia").unwrap_or(&Value::Null),
            base.get("pia").unwrap_or(&Value::Null),
            original.get("pia").unwrap_or(&Value::Null),
        ),
    );
    for (list, key) in [
        ("answers", "reference_to"),
        ("measures", "id"),
        ("evaluations", "reference_to"),
    ] {
        root.insert(
            list.to_owned(),
            Value::Array(merge_list(
                array(mine, list),
                array(base, list),
                array(original, list),
                key,
            )),
        );
    }
    root.insert(
        "comments".to_owned(),
        Value::Array(comments(mine, base, original)),
    );
    Value::Object(root)
}

fn array<'a>(value: &'a Value, key: &str) -> &'a [Value] {
    value
        .get(key)
        .and_then(Value::as_array)
        .map_or(&[], Vec::as_slice)
}

/// Fields that say nothing of the content: ids and timestamps, the computed progress.
const VOLATILE: [&str; 5] = ["id", "pia_id", "created_at", "updated_at", "progress"];

/// The value without its volatile fields, for comparison.
fn content(value: &Value) -> Value {
    match value {
        Value::Object(object) => Value::Object(
            object
                .iter()
                .filter(|(k, _)| !VOLATILE.contains(&k.as_str()))
                .map(|(k, v)| (k.clone(), v.clone()))
                .collect(),
        ),
        other => other.clone(),
    }
}

/// One part: the original's when the user left it as imported, else the assessment's.
fn pick<'a>(
    mine: Option<&'a Value>,
    base: Option<&Value>,
    original: Option<&'a Value>,
) -> Option<&'a Value> {
    match (mine, original) {
        (Some(m), Some(o)) if base.is_some_and(|b| content(b) == content(m)) => Some(o),
        (Some(m), _) => Some(m),
        // Garde-fou never writes it: kept. It writes it from the original but no longer: removed.
        (None, Some(o)) if base.is_none() => Some(o),
        _ => None,
    }
}

fn merge_object(mine: &Value, base: &Value, original: &Value) -> Value {
    let mut out = Map::new();
    let keys: Vec<&String> = original
        .as_object()
        .into_iter()
        .flat_map(|o| o.keys())
        .chain(mine.as_object().into_iter().flat_map(|o| o.keys()))
        .collect();
    for key in keys {
        if out.contains_key(key) {
            continue;
        }
        let chosen = if key == "progress" {
            mine.get(key)
        } else {
            pick(mine.get(key), base.get(key), original.get(key))
        };
        if let Some(value) = chosen {
            out.insert(key.clone(), value.clone());
        }
    }
    Value::Object(out)
}

fn key_of(value: &Value, key: &str) -> String {
    match value.get(key) {
        Some(Value::String(s)) => s.clone(),
        Some(other) => other.to_string(),
        None => String::new(),
    }
}

/// A list keyed by `key`: the original's order first, then what Garde-fou adds.
fn merge_list(mine: &[Value], base: &[Value], original: &[Value], key: &str) -> Vec<Value> {
    let mut out = Vec::new();
    let mut seen = std::collections::HashSet::new();
    for item in original.iter().chain(mine) {
        let k = key_of(item, key);
        if !seen.insert(k.clone()) {
            continue;
        }
        let chosen = pick(
            find(mine, key, &k),
            find(base, key, &k),
            find(original, key, &k),
        );
        if let Some(chosen) = chosen {
            out.push(chosen.clone());
        }
    }
    out
}

fn find<'a>(list: &'a [Value], key: &str, wanted: &str) -> Option<&'a Value> {
    list.iter().find(|v| key_of(v, key) == wanted)
}

/// The original's comments, then Garde-fou's notes when the user changed them.
fn comments(mine: &Value, base: &Value, original: &Value) -> Vec<Value> {
    let mut out: Vec<Value> = array(original, "comments").to_vec();
    let is_notes = |c: &&Value| {
        key_of(c, "reference_to") == NOTES_REFERENCE
            || key_of(c, "description").contains(super::MARK)
    };
    let notes = |list: &Value| array(list, "comments").iter().find(is_notes).map(content);
    if let Some(mine_notes) = array(mine, "comments").iter().find(is_notes) {
        if notes(base) != Some(content(mine_notes)) {
            let next_id = out
                .iter()
                .filter_map(|c| c.get("id").and_then(Value::as_i64))
                .max()
                .unwrap_or(0)
                + 1;
            let mut notes = mine_notes.clone();
            if let Some(object) = notes.as_object_mut() {
                object.insert("id".to_owned(), Value::from(next_id));
            }
            out.push(notes);
        }
    }
    out
}
