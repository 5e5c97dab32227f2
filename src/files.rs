//! Reading a file someone handed us — a project, a dossier PDF, an evidence document, a plan's
//! background, a logo, a CSV — only when it is a regular file, and never past a cap.
//!
//! A path in a received project can name `/dev/zero`, a FIFO, a socket, a folder or a huge file.
//! Each of them would hang a reader that reads to the end, or fill the memory: here the kind is
//! checked before opening (a FIFO is opened without blocking, then refused), the size before
//! reading, and the reading itself stops one byte past the cap, so a file growing meanwhile is
//! refused too.

use std::fs::File;
use std::io::Read as _;
use std::path::Path;

/// What kind of thing a path names when it is not a regular file.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum NotRegular {
    /// A folder.
    Directory,
    /// A named pipe (FIFO): reading it waits for a writer, possibly for ever.
    Fifo,
    /// A character or block device (`/dev/zero`, a disk): endless or huge.
    Device,
    /// A Unix socket.
    Socket,
    /// Anything else the system reports.
    Other,
}

impl NotRegular {
    /// The kind in a few English words (the interface translates by variant).
    pub fn describe(self) -> &'static str {
        match self {
            NotRegular::Directory => "a folder",
            NotRegular::Fifo => "a named pipe (FIFO)",
            NotRegular::Device => "a device",
            NotRegular::Socket => "a socket",
            NotRegular::Other => "not a regular file",
        }
    }
}

/// Why a file was not read.
#[derive(Debug, thiserror::Error)]
pub enum Refusal {
    /// The system could not open or read it (missing, permission…).
    #[error("{0}")]
    Io(#[from] std::io::Error),
    /// The path names something other than a regular file.
    #[error("it is {}, not a regular file", .0.describe())]
    NotRegular(NotRegular),
    /// The file is larger than the cap.
    #[error("it is {size} bytes, over the {max} bytes allowed")]
    TooLarge {
        /// Its size (or the bytes read before stopping).
        size: u64,
        /// The cap.
        max: u64,
    },
}

impl Refusal {
    /// The refusal as a system error (for readers whose errors carry one): a non-regular file is
    /// `InvalidInput` naming its kind, a file over the cap `FileTooLarge`.
    pub fn into_io(self) -> std::io::Error {
        match self {
            Refusal::Io(error) => error,
            other @ Refusal::NotRegular(_) => {
                std::io::Error::new(std::io::ErrorKind::InvalidInput, other.to_string())
            }
            other @ Refusal::TooLarge { .. } => {
                std::io::Error::new(std::io::ErrorKind::FileTooLarge, other.to_string())
            }
        }
    }
}

fn kind_of(metadata: &std::fs::Metadata) -> Option<NotRegular> {
    let kind = metadata.file_type();
    if kind.is_file() {
        return None;
    }
    if kind.is_dir() {
        return Some(NotRegular::Directory);
    }
    #[cfg(unix)]
    {
        use std::os::unix::fs::FileTypeExt as _;
        if kind.is_fifo() {
            return Some(NotRegular::Fifo);
        }
        if kind.is_char_device() || kind.is_block_device() {
            return Some(NotRegular::Device);
        }
        if kind.is_socket() {
            return Some(NotRegular::Socket);
        }
    }
    Some(NotRegular::Other)
}

/// Opens `path` for reading when it is a regular file of at most `max` bytes (links followed).
/// The kind is checked on the path before opening and on the open file after, so a path swapped
/// for a pipe in between is refused too; the open itself never waits on a pipe.
pub fn open_regular(path: &Path, max: u64) -> Result<File, Refusal> {
    if let Some(kind) = kind_of(&std::fs::metadata(path)?) {
        return Err(Refusal::NotRegular(kind));
    }
    let mut options = std::fs::OpenOptions::new();
    options.read(true);
    #[cfg(target_os = "linux")]
    {
        use std::os::unix::fs::OpenOptionsExt as _;
        // O_NONBLOCK: opening a FIFO returns at once instead of waiting for a writer; on a
        // regular file it changes nothing.
        options.custom_flags(0o4000);
    }
    let file = options.open(path)?;
    let metadata = file.metadata()?;
    if let Some(kind) = kind_of(&metadata) {
        return Err(Refusal::NotRegular(kind));
    }
    if metadata.len() > max {
        return Err(Refusal::TooLarge {
            size: metadata.len(),
            max,
        });
    }
    Ok(file)
}

/// The bytes of `path` when it is a regular file of at most `max` bytes.
pub fn read_capped(path: &Path, max: u64) -> Result<Vec<u8>, Refusal> {
    let file = open_regular(path, max)?;
    let mut bytes = Vec::new();
    file.take(max.saturating_add(1)).read_to_end(&mut bytes)?;
    if bytes.len() as u64 > max {
        return Err(Refusal::TooLarge {
            size: bytes.len() as u64,
            max,
        });
    }
    Ok(bytes)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_regular_file_is_read_and_everything_else_refused_at_once() {
        let dir = tempfile::tempdir().expect("temp dir");
        let file = dir.path().join("a.txt");
        std::fs::write(&file, b"hello").expect("write");
        assert_eq!(read_capped(&file, 5).expect("read"), b"hello");
        assert!(matches!(
            read_capped(&file, 4),
            Err(Refusal::TooLarge { size: 5, max: 4 })
        ));
        assert!(matches!(
            read_capped(dir.path(), 100),
            Err(Refusal::NotRegular(NotRegular::Directory))
        ));
        assert!(matches!(
            read_capped(&dir.path().join("missing"), 100),
            Err(Refusal::Io(_))
        ));
    }

    #[cfg(target_os = "linux")]
    #[test]
    fn devices_and_pipes_are_refused_without_waiting() {
        assert!(matches!(
            read_capped(Path::new("/dev/zero"), 1 << 30),
            Err(Refusal::NotRegular(NotRegular::Device))
        ));
        let dir = tempfile::tempdir().expect("temp dir");
        let fifo = dir.path().join("pipe");
        let made = std::process::Command::new("mkfifo")
            .arg(&fifo)
            .status()
            .is_ok_and(|s| s.success());
        if made {
            assert!(matches!(
                read_capped(&fifo, 100),
                Err(Refusal::NotRegular(NotRegular::Fifo))
            ));
        }
    }
}
