//! Safe writes: every file mizan writes (glossary, reviews, briefing) goes to a temporary file
//! in the same folder and is renamed into place, so a reader never sees half a file; edits that
//! read, change and write a file hold a lock so concurrent edits are not lost. A device, FIFO
//! or socket is written straight through instead, and a path that is neither is refused.
//! [`Inputs`] keeps `-o` from writing over a file the same run reads.

mod inputs;

pub use inputs::Inputs;

use crate::error::{Error, ErrorKind, FileKind, Location, Result, Unwritable};
use std::ffi::{OsStr, OsString};
use std::fs::{File, Metadata, OpenOptions};
use std::io::{ErrorKind as IoErrorKind, Write};
use std::path::{Path, PathBuf};
use std::time::{Duration, SystemTime};

/// The longest file name most file systems take (bytes on Unix).
const NAME_MAX: usize = 255;
/// Temporary names are `.NAME.XXXXXX.tmp`: this many random characters, then this suffix.
const TEMP_RANDOM: usize = 6;
const TEMP_SUFFIX: &str = ".tmp";
/// A temporary file of ours this old is left by a writer that was killed: no writer holds one
/// longer than it takes to write and rename it.
const STALE_AFTER: Duration = Duration::from_secs(60);

/// What writing to a path means.
enum Destination {
    /// A regular file (a link's target, for a link) or a new path: replaced atomically.
    Replace {
        target: PathBuf,
        existing: Option<Metadata>,
    },
    /// A character device or a FIFO: opened and written, as a shell's `>` would.
    Stream,
    /// A Unix socket: connected to and written.
    #[cfg(unix)]
    Socket,
}

/// Check that `path` can be written by [`write_atomically`] (a regular file, a new path in an
/// existing folder's place, a device, FIFO or socket) without writing anything, so a command
/// can refuse a bad `-o` before its work.
pub fn check_writable(path: &Path) -> Result<()> {
    destination(path).map(drop)
}

/// Write `contents` to `path`. A regular file or a new path is written atomically: a
/// temporary file in the same folder, written, flushed, synced, then renamed over `path`; no
/// temporary file is left behind, on success or failure, and temporary files of the same
/// target that a killed writer left (older than a minute, of the same owner) are removed. An
/// existing file keeps its permissions (a read-only one is refused); a new one gets the usual
/// permissions for the user's umask. A symbolic link to a file is kept and its target
/// replaced; a link to nothing is refused. A character device (`/dev/null`), FIFO or socket is
/// written straight through, not replaced; a folder or block device is refused.
pub fn write_atomically(path: &Path, contents: &str) -> Result<()> {
    let io = |source| Error::writing(path, source);
    match destination(path)? {
        Destination::Replace { target, existing } => replace(path, &target, existing, contents),
        Destination::Stream => {
            // No create, no truncate: the path exists and is not a regular file.
            let mut file = OpenOptions::new().write(true).open(path).map_err(io)?;
            file.write_all(contents.as_bytes()).map_err(io)?;
            file.flush().map_err(io)
        }
        #[cfg(unix)]
        Destination::Socket => {
            let mut stream = std::os::unix::net::UnixStream::connect(path).map_err(io)?;
            stream.write_all(contents.as_bytes()).map_err(io)?;
            stream.shutdown(std::net::Shutdown::Write).map_err(io)
        }
    }
}

fn destination(path: &Path) -> Result<Destination> {
    let refuse = |why| Error::new(ErrorKind::Unwritable(why)).at(Location::file(path));
    // `metadata` follows links: the kind of file a write would reach.
    match std::fs::metadata(path) {
        Ok(meta) if meta.is_file() => {
            let is_link = std::fs::symlink_metadata(path).is_ok_and(|m| m.file_type().is_symlink());
            let target = if is_link {
                std::fs::canonicalize(path).map_err(|e| Error::writing(path, e))?
            } else {
                path.to_path_buf()
            };
            Ok(Destination::Replace {
                target,
                existing: Some(meta),
            })
        }
        Ok(meta) if meta.is_dir() => Err(refuse(Unwritable::Folder)),
        Ok(meta) => special(&meta).map_err(refuse),
        Err(e) if e.kind() == IoErrorKind::NotFound => match std::fs::read_link(path) {
            Ok(target) => Err(refuse(Unwritable::DanglingLink { target })),
            // Said here, before any work, as `lock` says it, rather than as a failed
            // temporary file.
            Err(_) if !folder(path).is_dir() => {
                Err(Error::new(ErrorKind::NotFound).at(Location::file(folder(path))))
            }
            Err(_) => Ok(Destination::Replace {
                target: path.to_path_buf(),
                existing: None,
            }),
        },
        Err(e) => Err(Error::writing(path, e)),
    }
}

/// Neither a file nor a folder: a stream written through, or refused.
fn special(meta: &Metadata) -> std::result::Result<Destination, Unwritable> {
    #[cfg(unix)]
    {
        use std::os::unix::fs::FileTypeExt;
        let kind = meta.file_type();
        if kind.is_char_device() || kind.is_fifo() {
            return Ok(Destination::Stream);
        }
        if kind.is_socket() {
            return Ok(Destination::Socket);
        }
        if kind.is_block_device() {
            return Err(Unwritable::Special("block device"));
        }
    }
    let _ = meta;
    Err(Unwritable::Special("special file"))
}

fn replace(path: &Path, target: &Path, existing: Option<Metadata>, contents: &str) -> Result<()> {
    let io = |source| Error::writing(path, source);
    if let Some(meta) = &existing
        && meta.permissions().readonly()
    {
        return Err(io(std::io::Error::new(
            IoErrorKind::PermissionDenied,
            "the file is read-only; make it writable to edit it",
        )));
    }
    let dir = folder(target);
    let prefix = temp_prefix(target.file_name().unwrap_or(OsStr::new("mizan")));
    let mut builder = tempfile::Builder::new();
    builder
        .prefix(&prefix)
        .suffix(TEMP_SUFFIX)
        .rand_bytes(TEMP_RANDOM);
    #[cfg(unix)]
    if existing.is_none() {
        use std::os::unix::fs::PermissionsExt;
        // Masked by the umask, as for any new file (tempfile's default is 0600).
        builder.permissions(std::fs::Permissions::from_mode(0o666));
    }
    // From here on, dropping `temp` (on any error) deletes the temporary file.
    let mut temp = builder.tempfile_in(dir).map_err(io)?;
    clean_stale(dir, &prefix, temp.path());
    temp.write_all(contents.as_bytes()).map_err(io)?;
    temp.flush().map_err(io)?;
    if let Some(meta) = existing {
        temp.as_file()
            .set_permissions(meta.permissions())
            .map_err(io)?;
    }
    temp.as_file().sync_all().map_err(io)?;
    temp.persist(target).map_err(|e| io(e.error))?;
    // Make the rename itself durable; best effort (not every platform can sync a folder).
    #[cfg(unix)]
    if let Ok(dir) = File::open(dir) {
        let _ = dir.sync_all();
    }
    Ok(())
}

/// `.NAME.`, with NAME cut (at a character boundary, when it is UTF-8) so that the whole
/// temporary name still fits in [`NAME_MAX`]: a legal 253-byte name must stay writable.
fn temp_prefix(name: &OsStr) -> OsString {
    let room = NAME_MAX - TEMP_RANDOM - TEMP_SUFFIX.len() - 2;
    let mut prefix = OsString::from(".");
    prefix.push(shorten(name, room));
    prefix.push(".");
    prefix
}

#[cfg(unix)]
fn shorten(name: &OsStr, room: usize) -> OsString {
    use std::os::unix::ffi::OsStrExt;
    let bytes = name.as_bytes();
    let mut end = bytes.len().min(room);
    if let Ok(text) = std::str::from_utf8(bytes) {
        while !text.is_char_boundary(end) {
            end -= 1;
        }
    }
    OsStr::from_bytes(&bytes[..end]).to_os_string()
}

#[cfg(not(unix))]
fn shorten(name: &OsStr, room: usize) -> OsString {
    let text = name.to_string_lossy();
    let mut end = text.len().min(room);
    while !text.is_char_boundary(end) {
        end -= 1;
    }
    OsString::from(&text[..end])
}

/// Whether `name` is one of our temporary names for `prefix`: the prefix, exactly
/// [`TEMP_RANDOM`] letters or digits, the suffix.
fn is_our_temp(name: &OsStr, prefix: &OsStr) -> bool {
    let (name, prefix) = (name.as_encoded_bytes(), prefix.as_encoded_bytes());
    name.len() == prefix.len() + TEMP_RANDOM + TEMP_SUFFIX.len()
        && name.starts_with(prefix)
        && name.ends_with(TEMP_SUFFIX.as_bytes())
        && name[prefix.len()..prefix.len() + TEMP_RANDOM]
            .iter()
            .all(u8::is_ascii_alphanumeric)
}

/// Remove the temporary files of this target that a killed writer (`kill -9`, Ctrl-C while
/// writing) left in `dir`: our name pattern, a regular file, older than [`STALE_AFTER`], and of
/// the same owner as `fresh`, the temporary file just made. Best effort: a failure is no
/// reason not to write.
fn clean_stale(dir: &Path, prefix: &OsStr, fresh: &Path) {
    let Ok(mine) = std::fs::symlink_metadata(fresh) else {
        return;
    };
    let Ok(entries) = std::fs::read_dir(dir) else {
        return;
    };
    let now = SystemTime::now();
    for entry in entries.flatten() {
        if !is_our_temp(&entry.file_name(), prefix) {
            continue;
        }
        // `DirEntry::metadata` does not follow a link.
        let Ok(meta) = entry.metadata() else {
            continue;
        };
        let old = meta
            .modified()
            .ok()
            .and_then(|modified| now.duration_since(modified).ok())
            .is_some_and(|age| age > STALE_AFTER);
        if meta.is_file() && old && same_owner(&meta, &mine) {
            let _ = std::fs::remove_file(entry.path());
        }
    }
}

#[cfg(unix)]
fn same_owner(a: &Metadata, b: &Metadata) -> bool {
    use std::os::unix::fs::MetadataExt;
    a.uid() == b.uid()
}

#[cfg(not(unix))]
fn same_owner(_: &Metadata, _: &Metadata) -> bool {
    true
}

/// An exclusive lock on `<target>.lock`, held until the returned file is dropped.
pub fn lock(target: &Path, path: &Path) -> Result<File> {
    let mut lock_path = target.as_os_str().to_owned();
    lock_path.push(".lock");
    let lock_path = PathBuf::from(lock_path);
    let file = OpenOptions::new()
        .read(true)
        .write(true)
        .create(true)
        .truncate(false)
        .open(&lock_path)
        .map_err(|source| {
            let dir = folder(target);
            if source.kind() == IoErrorKind::NotFound && !dir.is_dir() {
                Error::new(ErrorKind::NotFound).at(Location::file(dir))
            } else {
                Error::new(ErrorKind::Read)
                    .caused_by(source)
                    .at(Location::file(&lock_path))
            }
        })?;
    file.lock().map_err(|source| {
        Error::new(ErrorKind::Read)
            .caused_by(source)
            .at(Location::file(path))
    })?;
    Ok(file)
}

/// A symbolic link's target (so the link is kept and its file edited), else the path itself.
pub fn resolve(path: &Path) -> PathBuf {
    match std::fs::symlink_metadata(path) {
        Ok(meta) if meta.file_type().is_symlink() => {
            std::fs::canonicalize(path).unwrap_or_else(|_| path.to_path_buf())
        }
        _ => path.to_path_buf(),
    }
}

/// The folder a file is in (`.` for a bare file name).
fn folder(path: &Path) -> &Path {
    match path.parent() {
        Some(dir) if !dir.as_os_str().is_empty() => dir,
        _ => Path::new("."),
    }
}

/// The text of a file that may not exist yet (reviews, translations): `None` when it does not.
pub fn read_optional_utf8(path: &Path, file: FileKind) -> Result<Option<String>> {
    match std::fs::read(path) {
        Ok(bytes) => utf8_text(bytes, path, file).map(Some),
        Err(e) if e.kind() == IoErrorKind::NotFound => Ok(None),
        Err(e) => Err(Error::reading(path, e).in_file(file)),
    }
}

/// The text of a file that must exist (an exchange file given to import).
pub fn read_utf8(path: &Path, file: FileKind) -> Result<String> {
    let bytes = std::fs::read(path).map_err(|e| Error::reading(path, e).in_file(file))?;
    utf8_text(bytes, path, file)
}

/// Bytes as text; invalid UTF-8 is an error of a `file` at `path`, located where the text
/// stops being valid.
pub fn utf8_text(bytes: Vec<u8>, path: &Path, file: FileKind) -> Result<String> {
    String::from_utf8(bytes).map_err(|e| {
        let offset = e.utf8_error().valid_up_to();
        let valid = std::str::from_utf8(&e.as_bytes()[..offset]).expect("valid prefix");
        Error::new(ErrorKind::NotUtf8 { offset })
            .in_file(file)
            .at(Location::at(path, valid, offset))
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn temporary_names_fit_and_only_ours_match() {
        let long = "b".repeat(253);
        let prefix = temp_prefix(OsStr::new(&long));
        assert_eq!(prefix.len() + TEMP_RANDOM + TEMP_SUFFIX.len(), NAME_MAX);
        // Cut at a character boundary: still UTF-8.
        let arabic = "ب".repeat(126);
        assert!(temp_prefix(OsStr::new(&arabic)).to_str().is_some());
        let prefix = temp_prefix(OsStr::new("brief.md"));
        assert_eq!(prefix, ".brief.md.");
        assert!(is_our_temp(OsStr::new(".brief.md.a1B2c3.tmp"), &prefix));
        for other in [
            ".brief.md.a1B2c.tmp",
            ".brief.md.a1-2c3.tmp",
            ".brief.md.a1B2c3.tmp~",
            ".brief.mdx.a1B2c3.tmp",
        ] {
            assert!(!is_our_temp(OsStr::new(other), &prefix), "{other}");
        }
    }
}
