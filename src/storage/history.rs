//! Versions kept inside the project file (format 2): each validated version is stored as the
//! edit script (`similar`'s line diff, Myers) that turns the text of the next newer state into
//! its own — the current content for the last version. Rebuilding walks back from the current
//! content, checking each version's SHA-256; a broken history is reported, never allowed to
//! cost the current content.

use crate::model::history::{PatchOp, Version, WatchedFacts};
use crate::model::{Assessment, Date, ProjectStatus};

/// Why the versions of a file cannot be rebuilt.
#[derive(Debug, PartialEq, Eq, thiserror::Error)]
pub enum HistoryError {
    /// A version's edit script does not fit the text it applies to.
    #[error("version {0}: its stored changes do not apply")]
    Patch(String),
    /// A version rebuilt to a text whose SHA-256 is not the one recorded.
    #[error("version {0}: the rebuilt content does not match its recorded SHA-256")]
    Hash(String),
    /// The content could not be written as text.
    #[error("the content could not be written as text: {0}")]
    Text(String),
}

/// The canonical text of an assessment's content (see `model::history::content_text`).
pub fn content_text(a: &Assessment) -> Result<String, HistoryError> {
    crate::model::history::content_text(a).map_err(|e| HistoryError::Text(e.to_string()))
}

pub use crate::model::history::sha256_hex;

/// The edit script turning `from` into `to`, line by line.
pub fn patch(from: &str, to: &str) -> Vec<PatchOp> {
    // Myers' diff is quick on what people change between versions; on two texts of hundreds of
    // thousands of lines with matches everywhere it could run for minutes. Past the deadline
    // it approximates: the script is longer, never wrong (each version is checked against its
    // hash when rebuilt).
    let diff = similar::TextDiff::configure()
        .algorithm(similar::Algorithm::Myers)
        .timeout(std::time::Duration::from_secs(2))
        .diff_lines(from, to);
    let new_lines: Vec<&str> = diff.new_slices().to_vec();
    let mut ops: Vec<PatchOp> = Vec::new();
    let push = |op: PatchOp, ops: &mut Vec<PatchOp>| match (ops.last_mut(), op) {
        (Some(PatchOp::Keep(n)), PatchOp::Keep(m)) => *n += m,
        (Some(PatchOp::Delete(n)), PatchOp::Delete(m)) => *n += m,
        (Some(PatchOp::Insert(lines)), PatchOp::Insert(more)) => lines.extend(more),
        (_, op) => ops.push(op),
    };
    let count = |n: usize| u32::try_from(n).unwrap_or(u32::MAX);
    for op in diff.ops() {
        match *op {
            similar::DiffOp::Equal { len, .. } => push(PatchOp::Keep(count(len)), &mut ops),
            similar::DiffOp::Delete { old_len, .. } => {
                push(PatchOp::Delete(count(old_len)), &mut ops)
            }
            similar::DiffOp::Insert {
                new_index, new_len, ..
            } => push(
                PatchOp::Insert(
                    new_lines[new_index..new_index + new_len]
                        .iter()
                        .map(|l| (*l).to_owned())
                        .collect(),
                ),
                &mut ops,
            ),
            similar::DiffOp::Replace {
                old_len,
                new_index,
                new_len,
                ..
            } => {
                push(PatchOp::Delete(count(old_len)), &mut ops);
                push(
                    PatchOp::Insert(
                        new_lines[new_index..new_index + new_len]
                            .iter()
                            .map(|l| (*l).to_owned())
                            .collect(),
                    ),
                    &mut ops,
                );
            }
        }
    }
    ops
}

pub use crate::model::history::apply;

/// The text of every version, oldest first, rebuilt from the current content and checked
/// against the recorded hashes.
pub fn rebuild(a: &Assessment) -> Result<Vec<String>, HistoryError> {
    let mut text = content_text(a)?;
    let mut texts = Vec::with_capacity(a.history.versions.len());
    for version in a.history.versions.iter().rev() {
        text = apply(&text, &version.patch)
            .ok_or_else(|| HistoryError::Patch(version.number.clone()))?;
        if sha256_hex(&text) != version.sha256 {
            return Err(HistoryError::Hash(version.number.clone()));
        }
        texts.push(text.clone());
    }
    texts.reverse();
    Ok(texts)
}

/// The texts of the versions at `wanted` (indices, oldest first = 0), rebuilt from the current
/// content and each checked against its recorded hash on the way; only those are kept and the
/// walk stops at the oldest one asked for, so comparing two of 3,000 versions of a large file
/// holds three texts at a time, not 3,000.
pub fn rebuild_some(
    a: &Assessment,
    wanted: &[usize],
) -> Result<std::collections::BTreeMap<usize, String>, HistoryError> {
    let mut found = std::collections::BTreeMap::new();
    let Some(&oldest) = wanted.iter().min() else {
        return Ok(found);
    };
    let mut text = content_text(a)?;
    for (index, version) in a.history.versions.iter().enumerate().rev() {
        if index < oldest {
            break;
        }
        text = apply(&text, &version.patch)
            .ok_or_else(|| HistoryError::Patch(version.number.clone()))?;
        if sha256_hex(&text) != version.sha256 {
            return Err(HistoryError::Hash(version.number.clone()));
        }
        if wanted.contains(&index) {
            found.insert(index, text.clone());
        }
    }
    Ok(found)
}

/// The text of the last version, rebuilt from the current content and checked against its
/// recorded hash (`None` when there is no version). Opening a file does this much; the older
/// versions are rebuilt and checked when they are asked for (`rebuild`).
pub fn latest(a: &Assessment) -> Result<Option<String>, HistoryError> {
    let Some(version) = a.history.versions.last() else {
        return Ok(None);
    };
    let text = apply(&content_text(a)?, &version.patch)
        .ok_or_else(|| HistoryError::Patch(version.number.clone()))?;
    if sha256_hex(&text) != version.sha256 {
        return Err(HistoryError::Hash(version.number.clone()));
    }
    Ok(Some(text))
}

/// Points the last version's edit script at the current content (before a save: the content
/// changed since the script was made). `latest` is the last version's text.
pub fn refresh_last_patch(a: &mut Assessment, latest: &str) -> Result<(), HistoryError> {
    if a.history.versions.is_empty() {
        return Ok(());
    }
    let current = content_text(a)?;
    if let Some(last) = a.history.versions.last_mut() {
        last.patch = patch(&current, latest);
    }
    Ok(())
}

/// Records a validated version of the current content: the previous last version's script now
/// starts from this one; the circuit since then moves into it; the status becomes validated.
/// `latest` is the previous last version's text (`None` for the first version). Returns the new
/// version's text.
pub fn validate(
    a: &mut Assessment,
    latest: Option<&str>,
    number: &str,
    by: &str,
    today: Date,
    blocking_reason: &str,
) -> Result<String, HistoryError> {
    a.project.status = ProjectStatus::Validated;
    a.project.version = number.to_owned();
    a.project.updated_on = Some(today);
    let text = content_text(a)?;
    if let (Some(last), Some(latest)) = (a.history.versions.last_mut(), latest) {
        last.patch = patch(&text, latest);
    }
    let circuit = std::mem::take(&mut a.history.transitions);
    a.history.versions.push(Version {
        number: number.to_owned(),
        validated_on: Some(today),
        validated_by: by.to_owned(),
        blocking_reason: blocking_reason.trim().to_owned(),
        sha256: sha256_hex(&text),
        circuit,
        watched: WatchedFacts::of(a),
        patch: vec![PatchOp::Keep(
            u32::try_from(text.split_inclusive('\n').count()).unwrap_or(u32::MAX),
        )],
    });
    Ok(text)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_patch_rebuilds_the_text_it_was_made_for() {
        let from = "a\nb\nc\nd\n";
        let to = "a\nB\nc\nd\ne\n";
        let ops = patch(from, to);
        assert_eq!(apply(from, &ops).as_deref(), Some(to));
        assert_eq!(
            apply("a\nb\n", &ops),
            None,
            "a script for another text does not fit"
        );
        assert_eq!(apply(from, &patch(from, from)).as_deref(), Some(from));
    }
}
