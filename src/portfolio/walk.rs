//! Finding the files below a folder that may hold an assessment: project files (`.aipd.ron`),
//! PDFs (a dossier carries its project) and JSON files (a CNIL PIA export). Symbolic links are
//! followed, but a folder is entered once: a link back to a folder already scanned (a loop)
//! becomes a problem row, as does a folder that cannot be listed, a broken link and a special
//! file (a pipe, a device) with an assessment's name. Hidden folders (`.git`) are left out.
//! Nothing is opened here but folders; nothing is ever written.

use std::collections::HashSet;
use std::path::{Path, PathBuf};

/// Folders deeper than this below the root are not entered (a problem row says so).
pub const MAX_DEPTH: usize = 32;

/// A file that may hold an assessment.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Candidate {
    /// Where it is.
    pub path: PathBuf,
    /// Its path below the root, with `/` separators (what the table shows).
    pub relative: String,
}

/// Why a place below the root could not be scanned.
#[derive(Debug, thiserror::Error)]
pub enum WalkProblem {
    /// A folder could not be listed, or a link could not be followed.
    #[error("{path}: {source}")]
    Unreadable {
        /// The folder or link.
        path: PathBuf,
        /// What the system said.
        source: std::io::Error,
    },
    /// A symbolic link leads to a folder already scanned (a loop, or a second way in).
    #[error("{path}: link to a folder already scanned ({target})")]
    Loop {
        /// The link.
        path: PathBuf,
        /// The folder it leads to.
        target: PathBuf,
    },
    /// A file with an assessment's name is not a regular file (a pipe, a socket, a device).
    #[error("{path}: not a regular file")]
    NotAFile {
        /// The file.
        path: PathBuf,
    },
    /// The folder is more than [`MAX_DEPTH`] levels below the root.
    #[error("{path}: more than {MAX_DEPTH} folders deep")]
    TooDeep {
        /// The folder.
        path: PathBuf,
    },
}

/// A problem met on the way, with the path below the root it concerns.
#[derive(Debug)]
pub struct Blocked {
    /// The path below the root.
    pub relative: String,
    /// What went wrong.
    pub problem: WalkProblem,
}

/// What the walk found.
#[derive(Debug, Default)]
pub struct Walk {
    /// The files to read, by relative path.
    pub candidates: Vec<Candidate>,
    /// The places that could not be scanned, by relative path.
    pub blocked: Vec<Blocked>,
}

/// True when a file of this name may hold an assessment.
pub fn is_candidate(name: &str) -> bool {
    let name = name.to_lowercase();
    [".aipd.ron", ".pdf", ".json"]
        .iter()
        .any(|ext| name.ends_with(ext))
}

/// Walks the folder `root`. Fails only when `root` itself cannot be listed.
pub fn walk(root: &Path) -> std::io::Result<Walk> {
    let mut out = Walk::default();
    let start = root.canonicalize()?;
    // Listing the root first, so an unreadable root is an error and not a row.
    let first = std::fs::read_dir(root)?;
    let mut seen = HashSet::from([start]);
    let mut stack = vec![(root.to_owned(), 0usize, Some(first))];
    while let Some((dir, depth, listing)) = stack.pop() {
        let listing = match listing.map_or_else(|| std::fs::read_dir(&dir), Ok) {
            Ok(listing) => listing,
            Err(source) => {
                out.blocked
                    .push(blocked(root, &dir, |path| WalkProblem::Unreadable {
                        path,
                        source,
                    }));
                continue;
            }
        };
        let mut entries: Vec<_> = listing.collect();
        entries.sort_by_key(|e| e.as_ref().ok().map(std::fs::DirEntry::file_name));
        for entry in entries {
            let entry = match entry {
                Ok(entry) => entry,
                Err(source) => {
                    out.blocked
                        .push(blocked(root, &dir, |path| WalkProblem::Unreadable {
                            path,
                            source,
                        }));
                    continue;
                }
            };
            let path = entry.path();
            let name = entry.file_name().to_string_lossy().into_owned();
            if name.starts_with('.') {
                continue;
            }
            let Ok(link_type) = entry.file_type() else {
                continue;
            };
            // Follow links: a broken one matters only when it has an assessment's name.
            let file_type = if link_type.is_symlink() {
                match std::fs::metadata(&path) {
                    Ok(meta) => meta.file_type(),
                    Err(source) => {
                        if is_candidate(&name) {
                            out.blocked.push(blocked(root, &path, |path| {
                                WalkProblem::Unreadable { path, source }
                            }));
                        }
                        continue;
                    }
                }
            } else {
                link_type
            };
            if file_type.is_dir() {
                if depth + 1 > MAX_DEPTH {
                    out.blocked
                        .push(blocked(root, &path, |path| WalkProblem::TooDeep { path }));
                    continue;
                }
                match path.canonicalize() {
                    Ok(target) if seen.contains(&target) => {
                        out.blocked
                            .push(blocked(root, &path, |path| WalkProblem::Loop {
                                path,
                                target,
                            }));
                    }
                    Ok(target) => {
                        seen.insert(target);
                        stack.push((path, depth + 1, None));
                    }
                    Err(source) => {
                        out.blocked
                            .push(blocked(root, &path, |path| WalkProblem::Unreadable {
                                path,
                                source,
                            }));
                    }
                }
            } else if is_candidate(&name) {
                if file_type.is_file() {
                    out.candidates.push(Candidate {
                        relative: relative(root, &path),
                        path,
                    });
                } else {
                    out.blocked
                        .push(blocked(root, &path, |path| WalkProblem::NotAFile { path }));
                }
            }
        }
    }
    out.candidates.sort_by(|a, b| a.relative.cmp(&b.relative));
    out.blocked.sort_by(|a, b| a.relative.cmp(&b.relative));
    Ok(out)
}

fn blocked(root: &Path, path: &Path, problem: impl FnOnce(PathBuf) -> WalkProblem) -> Blocked {
    Blocked {
        relative: relative(root, path),
        problem: problem(path.to_owned()),
    }
}

/// `path` below `root`, with `/` separators; the whole path when it is not below `root`.
pub fn relative(root: &Path, path: &Path) -> String {
    let below = path.strip_prefix(root).unwrap_or(path);
    let parts: Vec<String> = below
        .components()
        .map(|c| c.as_os_str().to_string_lossy().into_owned())
        .collect();
    if parts.is_empty() {
        ".".to_owned()
    } else {
        parts.join("/")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn candidates_are_projects_pdfs_and_json_whatever_the_case() {
        assert!(is_candidate("a.aipd.ron"));
        assert!(is_candidate("Dossier.PDF"));
        assert!(is_candidate("pia.json"));
        assert!(!is_candidate("a.aipd.ron.bak"));
        assert!(!is_candidate("a.aipd.ron.recovery"));
        assert!(!is_candidate("video.mp4"));
    }

    #[cfg(unix)]
    #[test]
    fn a_link_back_up_the_tree_is_a_row_not_an_endless_walk() {
        let dir = tempfile::tempdir().expect("tempdir");
        let sub = dir.path().join("a/b");
        std::fs::create_dir_all(&sub).expect("mkdir");
        std::fs::write(sub.join("x.aipd.ron"), "()").expect("write");
        std::os::unix::fs::symlink(dir.path(), sub.join("up")).expect("link");
        std::os::unix::fs::symlink(dir.path().join("gone.pdf"), dir.path().join("broken.pdf"))
            .expect("link");
        let walk = walk(dir.path()).expect("walk");
        let found: Vec<_> = walk
            .candidates
            .iter()
            .map(|c| c.relative.as_str())
            .collect();
        assert_eq!(found, vec!["a/b/x.aipd.ron"]);
        let problems: Vec<_> = walk.blocked.iter().map(|b| b.relative.as_str()).collect();
        assert_eq!(problems, vec!["a/b/up", "broken.pdf"]);
        assert!(matches!(walk.blocked[0].problem, WalkProblem::Loop { .. }));
    }
}
