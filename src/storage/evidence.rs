//! The evidence locker on disk: attaching a document records its path relative to the project
//! file, its SHA-256 and size; opening a project checks each document again, so a changed or
//! missing file shows as a finding instead of silently proving something it no longer proves.

use std::io::Read as _;
use std::path::{Component, Path, PathBuf};

use sha2::{Digest as _, Sha256};

pub use crate::model::evidence::EvidenceStatus;
use crate::model::{Date, Evidence, EvidenceId, EvidenceKind};

/// The largest document the locker hashes (a scanned order, a vendor's manual, a GIS extract
/// are far below it); a larger one is refused rather than read for seconds.
pub const MAX_EVIDENCE_BYTES: u64 = 256 * 1024 * 1024;

/// SHA-256 (lower-case hex) and size of a file, read in chunks: only a regular file of at most
/// [`MAX_EVIDENCE_BYTES`], so a path naming `/dev/zero` or a pipe returns at once.
pub fn hash_file(path: &Path) -> Result<(String, u64), crate::files::Refusal> {
    // An unlimited budget never runs out, so `None` cannot come back; said as an error anyway.
    hash_within(path, &Budget::default())?.ok_or_else(|| {
        crate::files::Refusal::Io(std::io::Error::other(
            "the document was not read to its end",
        ))
    })
}

/// `target` relative to `base` (the project's folder) when it lies below it, else absolute.
pub fn relative_path(base: &Path, target: &Path) -> PathBuf {
    target
        .strip_prefix(base)
        .map_or_else(|_| target.to_owned(), Path::to_owned)
}

/// Where an evidence path points, from the project file's folder.
pub fn resolve(project_file: &Path, evidence_path: &str) -> PathBuf {
    let path = Path::new(evidence_path);
    if path.is_absolute() {
        return path.to_owned();
    }
    let folder = project_file.parent().unwrap_or(Path::new(""));
    // Keep « .. » as written: the user may keep documents beside the project folder.
    folder.join(
        path.components()
            .filter(|c| !matches!(c, Component::CurDir))
            .collect::<PathBuf>(),
    )
}

/// A new evidence entry for `file`, hashed now; its path relative to the project file's folder
/// when it lies under it, absolute otherwise (and always for untitled work, `None`).
pub fn attach(
    project_file: Option<&Path>,
    file: &Path,
    kind: EvidenceKind,
    description: &str,
    today: Date,
) -> std::io::Result<Evidence> {
    let (sha256, size_bytes) = hash_file(file).map_err(crate::files::Refusal::into_io)?;
    let absolute = std::fs::canonicalize(file).unwrap_or_else(|_| file.to_owned());
    Ok(Evidence {
        evidence_id: EvidenceId::default(),
        kind,
        path: path_from(project_file, &absolute).display().to_string(),
        sha256,
        size_bytes,
        added_on: Some(today),
        issued_on: None,
        description: description.to_owned(),
    })
}

/// How a project file at `project_file` writes the document at `absolute`: relative to its
/// folder when under it, absolute otherwise.
fn path_from(project_file: Option<&Path>, absolute: &Path) -> PathBuf {
    match project_file {
        Some(project) => {
            let base = project.parent().unwrap_or(Path::new(""));
            let base = std::fs::canonicalize(base).unwrap_or_else(|_| base.to_owned());
            relative_path(&base, absolute)
        }
        None => absolute.to_owned(),
    }
}

/// The evidence paths rewritten for a project saved at `to` (from `from`, or untitled): each
/// document keeps pointing at the same file — relative under the new folder, absolute elsewhere.
/// A relative path of untitled work (nothing to resolve it from) is left as written.
pub fn rebase(from: Option<&Path>, to: &Path, evidence: &mut [Evidence]) {
    for e in evidence {
        let written = Path::new(&e.path);
        let absolute = match (written.is_absolute(), from) {
            (true, _) => written.to_owned(),
            (false, Some(from)) => resolve(from, &e.path),
            (false, None) => continue,
        };
        let absolute = std::fs::canonicalize(&absolute).unwrap_or(absolute);
        e.path = path_from(Some(to), &absolute).display().to_string();
    }
}

/// When checking the locker must stop: a moment past which no more documents are read, and a
/// flag the caller may raise (the portfolio's « Arrêter »). Checked between documents and
/// between chunks of one document, so a slow disk or a large file cannot hold it.
#[derive(Clone, Copy, Debug, Default)]
pub struct Budget<'a> {
    /// No document is read past this moment.
    pub deadline: Option<std::time::Instant>,
    /// Raised by the caller to stop now.
    pub cancel: Option<&'a std::sync::atomic::AtomicBool>,
}

impl Budget<'_> {
    fn spent(&self) -> bool {
        self.deadline
            .is_some_and(|deadline| std::time::Instant::now() >= deadline)
            || self
                .cancel
                .is_some_and(|flag| flag.load(std::sync::atomic::Ordering::Relaxed))
    }
}

/// The status of every attached document, in the locker's order.
pub fn verify(project_file: &Path, evidence: &[Evidence]) -> Vec<(EvidenceId, EvidenceStatus)> {
    verify_within(project_file, evidence, Budget::default())
}

/// The status of every attached document, in the locker's order, each distinct file read once
/// however many entries point at it, and nothing read once `budget` is spent (those documents
/// are `NotChecked`).
pub fn verify_within(
    project_file: &Path,
    evidence: &[Evidence],
    budget: Budget<'_>,
) -> Vec<(EvidenceId, EvidenceStatus)> {
    use crate::files::Refusal;
    let mut hashed: std::collections::HashMap<PathBuf, Result<String, EvidenceStatus>> =
        std::collections::HashMap::new();
    evidence
        .iter()
        .map(|e| {
            let path = resolve(project_file, &e.path);
            let key = std::fs::canonicalize(&path).unwrap_or(path);
            let known = match hashed.get(&key) {
                Some(known) => known.clone(),
                None if budget.spent() => Err(EvidenceStatus::NotChecked),
                None => {
                    let known = match hash_within(&key, &budget) {
                        Ok(Some((hash, _))) => Ok(hash),
                        Ok(None) => Err(EvidenceStatus::NotChecked),
                        Err(Refusal::Io(_)) => Err(EvidenceStatus::Missing),
                        Err(Refusal::NotRegular(_)) => Err(EvidenceStatus::NotAFile),
                        Err(Refusal::TooLarge { .. }) => Err(EvidenceStatus::TooLarge),
                    };
                    if known != Err(EvidenceStatus::NotChecked) {
                        hashed.insert(key, known.clone());
                    }
                    known
                }
            };
            let status = match known {
                Ok(hash) if hash.eq_ignore_ascii_case(&e.sha256) => EvidenceStatus::Intact,
                Ok(_) => EvidenceStatus::Changed,
                Err(status) => status,
            };
            (e.evidence_id.clone(), status)
        })
        .collect()
}

/// [`hash_file`] that gives up (`Ok(None)`) when `budget` is spent between two chunks.
fn hash_within(
    path: &Path,
    budget: &Budget<'_>,
) -> Result<Option<(String, u64)>, crate::files::Refusal> {
    let mut file = crate::files::open_regular(path, MAX_EVIDENCE_BYTES)?;
    let mut hasher = Sha256::new();
    let mut buffer = vec![0u8; 256 * 1024];
    let mut size = 0u64;
    loop {
        if budget.spent() {
            return Ok(None);
        }
        let read = file.read(&mut buffer)?;
        if read == 0 {
            break;
        }
        size += read as u64;
        if size > MAX_EVIDENCE_BYTES {
            return Err(crate::files::Refusal::TooLarge {
                size,
                max: MAX_EVIDENCE_BYTES,
            });
        }
        hasher.update(&buffer[..read]);
    }
    let digest = hasher.finalize();
    Ok(Some((
        digest.iter().map(|b| format!("{b:02x}")).collect(),
        size,
    )))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_sample_evidence_is_intact_once_written_beside_the_project() {
        let dir = tempfile::tempdir().expect("temp dir");
        let project = dir.path().join("p.aipd.ron");
        let sample = crate::sample::sample().expect("sample");
        for (relative, bytes) in crate::sample::EVIDENCE_FILES {
            let target = dir.path().join(relative);
            std::fs::create_dir_all(target.parent().expect("folder")).expect("mkdir");
            std::fs::write(target, bytes).expect("write");
        }
        let statuses = verify(&project, &sample.evidence);
        assert!(
            statuses.iter().all(|(_, s)| *s == EvidenceStatus::Intact),
            "{statuses:?}"
        );
        std::fs::write(
            dir.path().join(crate::sample::EVIDENCE_FILES[0].0),
            b"altered",
        )
        .expect("alter");
        std::fs::remove_file(dir.path().join(crate::sample::EVIDENCE_FILES[1].0)).expect("remove");
        let statuses = verify(&project, &sample.evidence);
        assert_eq!(statuses[0].1, EvidenceStatus::Changed);
        assert_eq!(statuses[1].1, EvidenceStatus::Missing);
        assert_eq!(statuses[2].1, EvidenceStatus::Intact);
    }

    #[test]
    fn attaching_records_a_relative_path_hash_and_size() {
        let dir = tempfile::tempdir().expect("temp dir");
        let project = dir.path().join("p.aipd.ron");
        std::fs::create_dir(dir.path().join("preuves")).expect("mkdir");
        let file = dir.path().join("preuves/arrete.txt");
        std::fs::write(&file, b"abc").expect("write");
        let today = Date::from_ymd(2026, 11, 23).expect("date");
        let evidence = attach(
            Some(&project),
            &file,
            EvidenceKind::PrefectoralOrder,
            "Arrêté",
            today,
        )
        .expect("attach");
        assert_eq!(evidence.path, "preuves/arrete.txt");
        assert_eq!(evidence.size_bytes, 3);
        assert_eq!(
            evidence.sha256,
            "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"
        );
    }
}
