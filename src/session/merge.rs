//! Merging two copies of an assessment, the shells' side: their common ancestor — for a
//! contributor's copy, the assessment as it was sent; else the newest validated version both
//! hold, by its SHA-256, rebuilt from my copy — and the guard that the merged copy is never
//! written over one of the copies merged. The merge itself is `model::merge` (within the parts
//! asked, for a contributor's copy); the result is saved like any project (`Session::save_as`).

use std::path::Path;

use crate::model::merge::{Conflict, MergeError, Merged, Side};
use crate::model::{Assessment, Contribution};
use crate::storage;

/// Where a merge's common ancestor comes from.
#[derive(Clone, Debug, PartialEq)]
pub enum MergeBase {
    /// Their copy was written for a contributor: the assessment as sent (the request, its
    /// copy of the assessment left out).
    Contribution(Contribution),
    /// A validated version both copies hold, by its number.
    Version(String),
    /// None found: a two-way merge, every difference a conflict.
    None,
}

/// The common ancestor of `mine` (as last saved) and `theirs`, and where it comes from.
pub fn find_base(
    mine: &Assessment,
    theirs: &Assessment,
) -> Result<(MergeBase, Option<Assessment>), String> {
    if let Some(contribution) = &theirs.project.contribution {
        if !contribution.sent.is_empty() {
            let sent = storage::parse_text(&contribution.sent, Path::new("contribution"))
                .map_err(|error| error.to_string())?;
            let request = Contribution {
                sent: String::new(),
                ..contribution.clone()
            };
            return Ok((MergeBase::Contribution(request), Some(sent)));
        }
    }
    Ok(match common_version(mine, theirs)? {
        Some((number, base)) => (MergeBase::Version(number), Some(base)),
        None => (MergeBase::None, None),
    })
}

/// Merges `theirs` into `mine` from `base`: a contributor's copy within the parts it was asked
/// to fill, any other copy whole.
pub fn merge_copies(
    base: Option<&Assessment>,
    mine: &Assessment,
    theirs: &Assessment,
    choose: &dyn Fn(&Conflict) -> Side,
) -> Result<Merged, MergeError> {
    match &theirs.project.contribution {
        Some(contribution) => {
            crate::model::merge::merge_within(base, mine, theirs, &contribution.sections(), choose)
        }
        None => crate::model::merge::merge(base, mine, theirs, choose),
    }
}

/// The newest validated version `mine` and `theirs` both hold (same SHA-256): its number and
/// content, rebuilt from `mine`'s history; `None` when they share none.
pub fn common_version(
    mine: &Assessment,
    theirs: &Assessment,
) -> Result<Option<(String, Assessment)>, String> {
    let shared = mine
        .history
        .versions
        .iter()
        .enumerate()
        .rev()
        .find(|(_, v)| {
            !v.sha256.is_empty() && theirs.history.versions.iter().any(|t| t.sha256 == v.sha256)
        });
    let Some((index, version)) = shared else {
        return Ok(None);
    };
    let texts = storage::history::rebuild_some(mine, &[index]).map_err(|e| e.to_string())?;
    let text = texts
        .get(&index)
        .ok_or_else(|| format!("version {} could not be rebuilt", version.number))?;
    let base =
        storage::parse_text(text, Path::new(&version.number)).map_err(|error| error.to_string())?;
    Ok(Some((version.number.clone(), base)))
}

/// Points the merged copy's last version's edit script at its content, from the copy that
/// holds that version (its text rebuilt from that copy's own file): without it, the merged
/// file's history would not rebuild.
pub fn fresh_history(merged: &mut Assessment, copies: &[&Assessment]) -> Result<(), String> {
    let Some(last) = merged.history.versions.last() else {
        return Ok(());
    };
    let holder = copies.iter().find(|copy| {
        copy.history
            .versions
            .last()
            .is_some_and(|v| v.sha256 == last.sha256)
    });
    let Some(holder) = holder else {
        return Err(format!(
            "version {}: held by neither copy as its last",
            last.number
        ));
    };
    let text = storage::history::latest(holder)
        .map_err(|e| e.to_string())?
        .ok_or_else(|| format!("version {}: no text", last.number))?;
    storage::history::refresh_last_patch(merged, &text).map_err(|e| e.to_string())
}

/// `output` is one of `inputs` (by identity, not by name): the merge would write over a copy
/// it reads.
pub fn is_an_input(output: &Path, inputs: &[&Path]) -> bool {
    inputs.iter().any(|input| storage::same_file(input, output))
}

/// A copy read and compared with the session's assessment, before the user settles its
/// conflicts.
#[derive(Clone, Debug)]
pub struct PreparedMerge {
    /// The copy's file.
    pub path: std::path::PathBuf,
    /// The copy.
    pub theirs: Assessment,
    /// The common ancestor, when found.
    pub base: Option<Assessment>,
    /// Where the common ancestor comes from.
    pub base_source: MergeBase,
    /// The conflicts, in the order found.
    pub conflicts: Vec<crate::model::merge::Conflict>,
    /// How many changes come from my side alone.
    pub from_mine: usize,
    /// How many changes come from their side alone.
    pub from_theirs: usize,
    /// What a contributor's copy changed outside the parts asked: left out.
    pub protected: Vec<String>,
}

/// Why a copy could not be merged.
#[derive(Debug, thiserror::Error)]
pub enum MergeFailure {
    /// The copy could not be read.
    #[error("{0}")]
    Read(#[from] storage::LoadError),
    /// The histories could not be read back to their common version.
    #[error("{0}")]
    History(String),
    /// The merge itself failed.
    #[error("{0}")]
    Merge(#[from] crate::model::merge::MergeError),
}

impl super::Session {
    /// Reads the copy at `path` and compares it with the assessment being edited, through
    /// their common ancestor.
    pub fn prepare_merge(&self, path: &Path) -> Result<PreparedMerge, MergeFailure> {
        let theirs = storage::load(path)?;
        // The versions are rebuilt from the assessment as last saved or opened: its history's
        // edit scripts lead from that content, not from the edits made since.
        let (base_source, base) = find_base(&self.saved, &theirs).map_err(MergeFailure::History)?;
        let merged = merge_copies(base.as_ref(), &self.assessment, &theirs, &|_| Side::Mine)?;
        Ok(PreparedMerge {
            path: path.to_owned(),
            theirs,
            base,
            base_source,
            conflicts: merged.conflicts,
            from_mine: merged.from_mine.len(),
            from_theirs: merged.from_theirs.len(),
            protected: merged.protected,
        })
    }

    /// Merges the prepared copy into the assessment, each conflict settled as `choices` says
    /// (by path; mine when absent). The assessment changes as by any edit: unsaved until saved,
    /// undone by the app's undo.
    pub fn apply_merge(
        &mut self,
        prepared: &PreparedMerge,
        choices: &std::collections::HashMap<String, Side>,
    ) -> Result<(), MergeFailure> {
        let merged = merge_copies(
            prepared.base.as_ref(),
            &self.assessment,
            &prepared.theirs,
            &|conflict| choices.get(&conflict.path).copied().unwrap_or(Side::Mine),
        )?;
        // A version only the copy holds: its text, for the next save's edit script.
        if let Some(last) = merged.assessment.history.versions.last() {
            if !self.version_texts.contains_key(&last.sha256) {
                if let Ok(Some(text)) = storage::history::latest(&prepared.theirs) {
                    self.version_texts
                        .insert(storage::history::sha256_hex(&text), text);
                }
            }
        }
        self.assessment = merged.assessment;
        self.refresh();
        Ok(())
    }
}
