//! Project files (`.aipd.ron`): RON text with a `format_version`.
//!
//! Loading reports `path:line:column: what is wrong`, refuses files of a newer format and
//! migrates older ones. Saving is atomic: the new text goes to a temporary file in the same
//! folder, is flushed to disk, and only then renamed over the old file, whose previous content
//! is kept beside it as `.bak`. A failed save leaves the old file as it was.

pub mod autosave;
pub mod camera_csv;
pub mod evidence;
pub mod history;
pub mod lock;
pub mod migrate;

use std::fs;
use std::io::Write as _;
use std::path::{Path, PathBuf};

use crate::model::{Assessment, FORMAT_VERSION};

/// The usual extension of project files.
pub const EXTENSION: &str = "aipd.ron";

/// Project files larger than this are refused before being read (a 10,000-camera project is
/// about 4 MB).
pub const MAX_FILE_BYTES: u64 = 64 * 1024 * 1024;

/// Why a project file could not be loaded. `Display` gives `path:line:column: message`.
#[derive(Debug, thiserror::Error)]
pub enum LoadError {
    /// The file could not be read.
    #[error("{path}: cannot read the file: {source}")]
    Io {
        /// The file.
        path: PathBuf,
        /// The system's error.
        source: std::io::Error,
    },
    /// The file is over [`MAX_FILE_BYTES`].
    #[error("{path}: the file is {size} bytes, over the {max} bytes a project file may have")]
    TooLarge {
        /// The file.
        path: PathBuf,
        /// Its size.
        size: u64,
        /// The cap.
        max: u64,
    },
    /// The file is not UTF-8 text.
    #[error("{path}:{line}:{column}: the file is not UTF-8 text (binary or another encoding)")]
    NotText {
        /// The file.
        path: PathBuf,
        /// Line of the first invalid byte.
        line: usize,
        /// Column of the first invalid byte.
        column: usize,
    },
    /// The text is not valid RON, or does not match the assessment's shape.
    #[error("{path}:{line}:{column}: {message}")]
    Syntax {
        /// The file.
        path: PathBuf,
        /// Line of the error.
        line: usize,
        /// Column of the error.
        column: usize,
        /// What the parser says.
        message: String,
    },
    /// The file parses but is not a Garde-fou project (no `format_version`).
    #[error("{path}:1:1: not a Garde-fou project file: it has no format_version")]
    NotAProject {
        /// The file.
        path: PathBuf,
    },
    /// The file was written by a newer version of Garde-fou.
    #[error(
        "{path}:1:1: written in project format {found}, newer than the format {supported} this \
         version of Garde-fou reads; open it with a newer Garde-fou"
    )]
    NewerVersion {
        /// The file.
        path: PathBuf,
        /// Its format version.
        found: u64,
        /// The newest version this build reads.
        supported: u32,
    },
    /// The file claims a format version that never existed.
    #[error("{path}:1:1: format_version {found} is not a version Garde-fou ever wrote")]
    UnknownVersion {
        /// The file.
        path: PathBuf,
        /// Its format version.
        found: u64,
    },
}

/// Why a project could not be saved. The previous file, if any, is untouched.
#[derive(Debug, thiserror::Error)]
pub enum SaveError {
    /// Writing, flushing or renaming failed.
    #[error("{path}: cannot save: {source}")]
    Io {
        /// The file being saved.
        path: PathBuf,
        /// The system's error.
        source: std::io::Error,
    },
    /// The assessment could not be turned into text (a bug).
    #[error("{path}: cannot write the project as RON: {message}")]
    Serialize {
        /// The file being saved.
        path: PathBuf,
        /// The serializer's message.
        message: String,
    },
}

/// The first thing read of a project file: its format version.
#[derive(serde::Deserialize)]
struct Header {
    #[serde(default)]
    format_version: Option<u64>,
}

/// The version when the text opens with `(` then `format_version: N` as its first field (only
/// blanks and `//` comments between), as every file this app writes does; `None` otherwise.
fn leading_version(text: &str) -> Option<u64> {
    let mut rest = skip_blanks(text.strip_prefix('\u{feff}').unwrap_or(text));
    rest = skip_blanks(rest.strip_prefix('(')?);
    rest = skip_blanks(rest.strip_prefix("format_version")?);
    rest = skip_blanks(rest.strip_prefix(':')?);
    let digits = rest.len() - rest.trim_start_matches(|c: char| c.is_ascii_digit()).len();
    let after = skip_blanks(&rest[digits..]);
    // The number must end the field: `1,` or `1)`, not `1.5` or `1e3`.
    if digits == 0 || !(after.starts_with(',') || after.starts_with(')')) {
        return None;
    }
    rest[..digits].parse().ok()
}

/// The text after any leading whitespace and `//` line comments.
fn skip_blanks(mut text: &str) -> &str {
    loop {
        text = text.trim_start();
        match text.strip_prefix("//") {
            Some(comment) => text = comment.split_once('\n').map_or("", |(_, next)| next),
            None => return text,
        }
    }
}

/// Reads and parses a project file.
pub fn load(path: &Path) -> Result<Assessment, LoadError> {
    let io = |source| LoadError::Io {
        path: path.to_owned(),
        source,
    };
    let size = fs::metadata(path).map_err(io)?.len();
    if size > MAX_FILE_BYTES {
        return Err(LoadError::TooLarge {
            path: path.to_owned(),
            size,
            max: MAX_FILE_BYTES,
        });
    }
    let bytes = fs::read(path).map_err(io)?;
    parse_bytes(&bytes, path)
}

/// Parses the bytes of a project file; `path` only names the file in messages.
pub fn parse_bytes(bytes: &[u8], path: &Path) -> Result<Assessment, LoadError> {
    let text = std::str::from_utf8(bytes).map_err(|error| {
        let (line, column) = line_column(&bytes[..error.valid_up_to()]);
        LoadError::NotText {
            path: path.to_owned(),
            line,
            column,
        }
    })?;
    parse_text(text, path)
}

/// Parses the text of a project file; `path` only names the file in messages.
pub fn parse_text(text: &str, path: &Path) -> Result<Assessment, LoadError> {
    let syntax = |error: ron::error::SpannedError| LoadError::Syntax {
        path: path.to_owned(),
        line: error.span.start.line,
        column: error.span.start.col,
        message: error.code.to_string(),
    };
    // The version first. Files this app writes open with it, so it is read off the first
    // line; otherwise skipping the rest still costs far less than building a value tree.
    let header = leading_version(text).or_else(|| {
        ron::from_str::<Header>(text)
            .ok()
            .and_then(|h| h.format_version)
    });
    let version = match header {
        Some(version) => version,
        None => {
            let value: ron::Value = ron::from_str(text).map_err(syntax)?;
            migrate::format_version(&value).ok_or_else(|| LoadError::NotAProject {
                path: path.to_owned(),
            })?
        }
    };
    if version > u64::from(FORMAT_VERSION) {
        return Err(LoadError::NewerVersion {
            path: path.to_owned(),
            found: version,
            supported: FORMAT_VERSION,
        });
    }
    if version == u64::from(FORMAT_VERSION) {
        // Parse the text itself (not a value) so shape errors keep their line and column.
        return ron::from_str(text).map_err(syntax);
    }
    if version == 1 {
        // Format 2 only added the history, which a version-1 file reads as empty.
        let mut assessment: Assessment = ron::from_str(text).map_err(syntax)?;
        assessment.format_version = FORMAT_VERSION;
        return Ok(assessment);
    }
    let value: ron::Value = ron::from_str(text).map_err(syntax)?;
    migrate::upgrade(value, version, path)
}

/// The RON text of an assessment, as saved.
pub fn to_text(assessment: &Assessment) -> Result<String, ron::Error> {
    crate::model::history::ron_text(assessment)
}

/// The path of the backup kept beside a project file: `name.aipd.ron.bak`.
pub fn backup_path(path: &Path) -> PathBuf {
    let mut name = path.file_name().unwrap_or_default().to_os_string();
    name.push(".bak");
    path.with_file_name(name)
}

/// Saves an assessment atomically, keeping the previous file as `.bak`.
pub fn save(path: &Path, assessment: &Assessment) -> Result<(), SaveError> {
    let text = to_text(assessment).map_err(|error| SaveError::Serialize {
        path: path.to_owned(),
        message: error.to_string(),
    })?;
    let io = |source| SaveError::Io {
        path: path.to_owned(),
        source,
    };
    if path.is_file() {
        // The backup is written atomically too, so a crash never leaves half a backup.
        let previous = fs::read(path).map_err(io)?;
        write_atomic(&backup_path(path), &previous).map_err(io)?;
    }
    write_atomic(path, text.as_bytes()).map_err(io)
}

/// Writes `bytes` to `path` through a flushed temporary file and a rename (no backup). On any
/// error the temporary file is removed and `path` keeps its old content.
pub fn write_atomic(path: &Path, bytes: &[u8]) -> std::io::Result<()> {
    let folder = match path.parent() {
        Some(parent) if !parent.as_os_str().is_empty() => parent.to_owned(),
        _ => PathBuf::from("."),
    };
    let name = path.file_name().ok_or_else(|| {
        std::io::Error::new(std::io::ErrorKind::InvalidInput, "the path names no file")
    })?;
    let mut temp_name = std::ffi::OsString::from(".");
    temp_name.push(name);
    temp_name.push(format!(".tmp-{}", std::process::id()));
    let temp = folder.join(temp_name);

    let result = write_then_replace(&temp, path, bytes);
    if result.is_err() {
        // The temporary file may not exist; nothing else to undo.
        fs::remove_file(&temp).ok();
    }
    result
}

fn write_then_replace(temp: &Path, path: &Path, bytes: &[u8]) -> std::io::Result<()> {
    let mut file = fs::OpenOptions::new()
        .write(true)
        .create(true)
        .truncate(true)
        .open(temp)?;
    file.write_all(bytes)?;
    file.sync_all()?;
    drop(file);
    fs::rename(temp, path)?;
    if let Some(folder) = path.parent().filter(|p| !p.as_os_str().is_empty()) {
        // Persist the rename itself; not all systems allow syncing a folder, so this is best effort.
        fs::File::open(folder).and_then(|f| f.sync_all()).ok();
    }
    Ok(())
}

/// 1-based line and column of the end of `prefix`.
fn line_column(prefix: &[u8]) -> (usize, usize) {
    let line = prefix.iter().filter(|b| **b == b'\n').count() + 1;
    let last_line = prefix
        .iter()
        .rposition(|b| *b == b'\n')
        .map_or(prefix, |i| &prefix[i + 1..]);
    let column = String::from_utf8_lossy(last_line).chars().count() + 1;
    (line, column)
}

#[cfg(test)]
mod tests {
    use super::leading_version;

    #[test]
    fn the_version_is_read_off_the_opening_of_the_files_we_write() {
        assert_eq!(leading_version("(\n    format_version: 1,\n"), Some(1));
        assert_eq!(leading_version("// notes\n(format_version:7)"), Some(7));
        assert_eq!(
            leading_version("\u{feff}( format_version : 12 , x: 1)"),
            Some(12)
        );
    }

    #[test]
    fn anything_else_is_left_to_the_full_parser() {
        for text in [
            "(project: (), format_version: 1)",
            "(format_version: 1.5)",
            "(format_version: -1)",
            "(format_version: 99999999999999999999999)",
            "Assessment(format_version: 1)",
            "/* c */ (format_version: 1)",
            "",
        ] {
            assert_eq!(leading_version(text), None, "{text}");
        }
    }
}
