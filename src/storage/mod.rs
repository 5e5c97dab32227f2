//! Project files (`.aipd.ron`): RON text with a `format_version`.
//!
//! Loading reports `path:line:column: what is wrong`, refuses files of a newer format and
//! migrates older ones. Saving is atomic: the new text goes to a temporary file in the same
//! folder, is flushed to disk, and only then renamed over the old file, whose previous content
//! is kept beside it as `.bak`. A failed save leaves the old file as it was.

pub mod autosave;
pub mod camera_columns;
pub mod camera_csv;
pub mod camera_export;
pub mod camera_geojson;
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
    /// The path names a folder, a pipe, a device or a socket: refused without reading it.
    #[error("{path}: {}, not a regular file; it was not read", kind.describe())]
    NotAFile {
        /// The path.
        path: PathBuf,
        /// What it names.
        kind: crate::files::NotRegular,
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
    /// A zone or a mask of a site plan has more points than a plan can need
    /// ([`crate::model::site_plan::MAX_POLYGON_POINTS`]).
    #[error("{path}: plan {plan}: {} {what} has {points} points, over the {max} a zone or a mask may have", if *is_mask { "the mask of camera" } else { "zone" })]
    TooManyPoints {
        /// The file.
        path: PathBuf,
        /// The plan.
        plan: String,
        /// The zone's id, or the masked camera's.
        what: String,
        /// A camera's mask, not a zone.
        is_mask: bool,
        /// Its points.
        points: usize,
        /// The cap.
        max: usize,
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

/// True when `a` and `b` name the same file on disk (the same device and inode, whatever the
/// names, links or `..` used); false when either does not exist.
pub fn same_file(a: &Path, b: &Path) -> bool {
    let (Ok(ma), Ok(mb)) = (fs::metadata(a), fs::metadata(b)) else {
        return false;
    };
    #[cfg(unix)]
    {
        use std::os::unix::fs::MetadataExt as _;
        ma.dev() == mb.dev() && ma.ino() == mb.ino()
    }
    #[cfg(not(unix))]
    {
        let _ = (ma, mb);
        matches!((fs::canonicalize(a), fs::canonicalize(b)), (Ok(x), Ok(y)) if x == y)
    }
}

/// True when the file at `path` opens as a Garde-fou project does: `(` then `format_version: N`
/// (after an optional BOM, blanks and comments). Only its first 4 KiB are read, and only from a
/// regular file.
pub fn looks_like_project(path: &Path) -> bool {
    use std::io::Read as _;
    let Ok(file) = crate::files::open_regular(path, u64::MAX) else {
        return false;
    };
    let mut head = Vec::new();
    if file.take(4096).read_to_end(&mut head).is_err() {
        return false;
    }
    let text = match std::str::from_utf8(&head) {
        Ok(text) => text,
        // Cut in the middle of a character: the valid part is enough.
        Err(error) => std::str::from_utf8(&head[..error.valid_up_to()]).unwrap_or(""),
    };
    leading_version(text).is_some()
}

/// Reads and parses a project file.
pub fn load(path: &Path) -> Result<Assessment, LoadError> {
    let bytes = read_file(path, MAX_FILE_BYTES)?;
    parse_bytes(&bytes, path)
}

/// The bytes of the file at `path`, a regular file of at most `max` bytes: a folder, pipe or
/// device is refused without waiting, a larger file before (or while) it is read.
pub fn read_file(path: &Path, max: u64) -> Result<Vec<u8>, LoadError> {
    crate::files::read_capped(path, max).map_err(|refusal| load_refusal(path, refusal))
}

/// A refused read as a load error naming `path`.
pub fn load_refusal(path: &Path, refusal: crate::files::Refusal) -> LoadError {
    use crate::files::Refusal;
    match refusal {
        Refusal::Io(source) => LoadError::Io {
            path: path.to_owned(),
            source,
        },
        Refusal::NotRegular(kind) => LoadError::NotAFile {
            path: path.to_owned(),
            kind,
        },
        Refusal::TooLarge { size, max } => LoadError::TooLarge {
            path: path.to_owned(),
            size,
            max,
        },
    }
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

/// Parses the text of a project file; `path` only names the file in messages. A file whose
/// plans hold a zone or a mask of absurd size is refused, naming it.
pub fn parse_text(text: &str, path: &Path) -> Result<Assessment, LoadError> {
    let assessment = parse_shape(text, path)?;
    let oversized = crate::model::site_plan::oversized_polygon(&assessment);
    if let Some((plan, what, is_mask, points)) = oversized {
        return Err(LoadError::TooManyPoints {
            path: path.to_owned(),
            plan: plan.to_string(),
            what,
            is_mask,
            points,
            max: crate::model::site_plan::MAX_POLYGON_POINTS,
        });
    }
    Ok(assessment)
}

/// The assessment the text holds, upgraded from an older format if need be.
fn parse_shape(text: &str, path: &Path) -> Result<Assessment, LoadError> {
    // A byte-order mark (an editor on Windows saved the file) is not part of the RON text.
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
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

/// The lock file that orders the saves of one project file: `.name.aipd.ron.lock`, hidden
/// beside it.
fn save_lock_path(path: &Path) -> PathBuf {
    let mut name = std::ffi::OsString::from(".");
    name.push(path.file_name().unwrap_or_default());
    name.push(".lock");
    path.with_file_name(name)
}

/// The exclusive lock on saving one project file, held while it lives.
struct SaveLock {
    /// The open lock file: closing it releases the lock (the system does if the process dies).
    file: fs::File,
    /// Where it is.
    path: PathBuf,
}

impl Drop for SaveLock {
    fn drop(&mut self) {
        // Removed while still held, so no folder keeps a stray lock file; a save that was
        // waiting on it sees it gone and takes a fresh one (`lock_saves`). Where open files
        // cannot be removed, the hidden file stays.
        #[cfg(unix)]
        fs::remove_file(&self.path).ok();
        self.file.unlock().ok();
    }
}

/// Waits for, then holds, the exclusive lock on saving `path`. Two saves of one file at once —
/// two windows, two processes — then run one after the other, so the `.bak` always holds the
/// version just before the current one, never an older one both read.
fn lock_saves(path: &Path) -> std::io::Result<SaveLock> {
    let lock_path = save_lock_path(path);
    loop {
        let file = fs::OpenOptions::new()
            .create(true)
            .truncate(false)
            .write(true)
            .open(&lock_path)?;
        file.lock()?;
        // The holder we waited for removes its lock file as it lets go: the lock is good only
        // if the file locked is still the one at that path (else another save may hold the
        // new one); otherwise try again.
        #[cfg(unix)]
        {
            use std::os::unix::fs::MetadataExt as _;
            let held = file.metadata()?;
            let is_current = fs::metadata(&lock_path)
                .is_ok_and(|now| now.ino() == held.ino() && now.dev() == held.dev());
            if !is_current {
                continue;
            }
        }
        return Ok(SaveLock {
            file,
            path: lock_path,
        });
    }
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
    let _lock = lock_saves(path).map_err(io)?;
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
    let path = &write_target(path)?;
    let folder = match path.parent() {
        Some(parent) if !parent.as_os_str().is_empty() => parent.to_owned(),
        _ => PathBuf::from("."),
    };
    let name = path.file_name().ok_or_else(|| {
        std::io::Error::new(std::io::ErrorKind::InvalidInput, "the path names no file")
    })?;
    remove_stale_temps(&folder, name);
    let (temp, file) = create_temp(&folder, name)?;
    let result = write_then_replace(file, &temp, path, bytes);
    if result.is_err() {
        // The temporary file may not exist; nothing else to undo.
        fs::remove_file(&temp).ok();
    }
    result
}

/// Where a write to `path` really goes: `path` itself when nothing is there or a regular file
/// is; the file a symbolic link points to (written through knowingly, the link kept); refused
/// for a folder, a pipe, a device or a socket, which a rename would silently replace.
fn write_target(path: &Path) -> std::io::Result<PathBuf> {
    let Ok(link) = fs::symlink_metadata(path) else {
        return Ok(path.to_owned());
    };
    let target = if link.file_type().is_symlink() {
        match fs::canonicalize(path) {
            Ok(target) => target,
            // A dangling link: refused rather than replaced by a regular file.
            Err(_) => {
                return Err(std::io::Error::new(
                    std::io::ErrorKind::InvalidInput,
                    "the path is a symbolic link to nothing; not written",
                ))
            }
        }
    } else {
        path.to_owned()
    };
    let metadata = fs::metadata(&target)?;
    if !metadata.file_type().is_file() {
        return Err(std::io::Error::new(
            std::io::ErrorKind::InvalidInput,
            "the path is not a regular file (a folder, a pipe or a device); not written",
        ));
    }
    Ok(target)
}

/// The prefix of this app's temporary files for `name`: `.name.tmp-`.
fn temp_prefix(name: &std::ffi::OsStr) -> String {
    format!(".{}.tmp-", name.to_string_lossy())
}

/// A new temporary file beside the target, created exclusively (`O_EXCL`: a file or link
/// planted under that name makes it fail, never followed) under a name no other writer uses:
/// the process id, then a number from the clock and a counter.
fn create_temp(folder: &Path, name: &std::ffi::OsStr) -> std::io::Result<(PathBuf, fs::File)> {
    use std::sync::atomic::{AtomicU64, Ordering};
    static COUNTER: AtomicU64 = AtomicU64::new(0);
    let mut last_error = None;
    for _ in 0..16 {
        let nanos = std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .map_or(0, |d| d.as_nanos() as u64);
        let unique = nanos
            ^ COUNTER
                .fetch_add(1, Ordering::Relaxed)
                .wrapping_mul(0x9e37_79b9_7f4a_7c15);
        let temp = folder.join(format!(
            "{}{}-{unique:016x}",
            temp_prefix(name),
            std::process::id()
        ));
        match fs::OpenOptions::new()
            .write(true)
            .create_new(true)
            .open(&temp)
        {
            Ok(file) => return Ok((temp, file)),
            Err(error) if error.kind() == std::io::ErrorKind::AlreadyExists => {
                last_error = Some(error);
            }
            Err(error) => return Err(error),
        }
    }
    Err(last_error.unwrap_or_else(|| std::io::Error::other("no temporary name was free")))
}

/// Removes temporary files of ours for `name` left by a process that was killed mid-write
/// (their process is gone); a live writer's temporary file is left alone.
fn remove_stale_temps(folder: &Path, name: &std::ffi::OsStr) {
    let prefix = temp_prefix(name);
    let Ok(entries) = fs::read_dir(folder) else {
        return;
    };
    for entry in entries.filter_map(Result::ok) {
        let file_name = entry.file_name();
        let Some(rest) = file_name.to_str().and_then(|n| n.strip_prefix(&prefix)) else {
            continue;
        };
        let pid = rest.split('-').next().and_then(|p| p.parse::<u32>().ok());
        let alive = match pid {
            Some(pid) if pid == std::process::id() => true,
            Some(pid) => {
                Path::new("/proc").join(pid.to_string()).exists()
                    || !Path::new("/proc/self").exists()
            }
            None => false,
        };
        let is_file = entry.file_type().is_ok_and(|t| t.is_file());
        if !alive && is_file {
            fs::remove_file(entry.path()).ok();
        }
    }
}

fn write_then_replace(
    mut file: fs::File,
    temp: &Path,
    path: &Path,
    bytes: &[u8],
) -> std::io::Result<()> {
    // The new file keeps the old one's permissions (a 0600 project stays private).
    if let Ok(previous) = fs::metadata(path) {
        file.set_permissions(previous.permissions())?;
    }
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
    use super::{leading_version, parse_text};
    use std::path::Path;

    #[test]
    fn a_project_saved_with_a_byte_order_mark_reads_as_without() {
        let sample = crate::sample::TEXT;
        let with_bom = format!("\u{feff}{sample}");
        let read = parse_text(&with_bom, Path::new("bom.aipd.ron")).expect("reads");
        let plain = parse_text(sample, Path::new("plain.aipd.ron")).expect("reads");
        assert!(read == plain);
    }

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
