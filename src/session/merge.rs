//! Merging two copies of an assessment, the shells' side: their common ancestor found in their
//! histories (the newest validated version both hold, by its SHA-256, rebuilt from my copy),
//! and the guard that the merged copy is never written over one of the copies merged. The
//! merge itself is `model::merge`; the result is saved like any project (`Session::save_as`).

use std::path::Path;

use crate::model::Assessment;
use crate::storage;

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

/// `output` is one of `inputs` (by identity, not by name): the merge would write over a copy
/// it reads.
pub fn is_an_input(output: &Path, inputs: &[&Path]) -> bool {
    inputs.iter().any(|input| storage::same_file(input, output))
}
