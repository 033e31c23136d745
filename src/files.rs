//! Safe writes: every file mizan writes (glossary, reviews, briefing) goes to a temporary file
//! in the same folder and is renamed into place, so a reader never sees half a file; edits that
//! read, change and write a file hold a lock so concurrent edits are not lost.

use crate::error::{Error, ErrorKind, FileKind, Location, Result};
use std::fs::{File, OpenOptions};
use std::io::{ErrorKind as IoErrorKind, Write};
use std::path::{Path, PathBuf};

/// Write `contents` to `path` atomically: a temporary file in the same folder, written, flushed,
/// synced, then renamed over `path`. No temporary file is left behind, on success or failure.
/// An existing file keeps its permissions (a read-only one is refused); a new one gets the
/// usual permissions for the user's umask. A symbolic link is followed: its target is replaced.
pub fn write_atomically(path: &Path, contents: &str) -> Result<()> {
    let io = |source| Error::writing(path, source);
    let target = resolve(path);
    let dir = folder(&target);
    let existing = match std::fs::metadata(&target) {
        Ok(meta) => Some(meta),
        Err(e) if e.kind() == IoErrorKind::NotFound => None,
        Err(e) => return Err(io(e)),
    };
    if let Some(meta) = &existing
        && meta.permissions().readonly()
    {
        return Err(io(std::io::Error::new(
            IoErrorKind::PermissionDenied,
            "the file is read-only; make it writable to edit it",
        )));
    }
    let name = target
        .file_name()
        .map_or_else(|| "mizan".into(), |n| n.to_string_lossy().into_owned());
    let prefix = format!(".{name}.");
    let mut builder = tempfile::Builder::new();
    builder.prefix(&prefix).suffix(".tmp");
    #[cfg(unix)]
    if existing.is_none() {
        use std::os::unix::fs::PermissionsExt;
        // Masked by the umask, as for any new file (tempfile's default is 0600).
        builder.permissions(std::fs::Permissions::from_mode(0o666));
    }
    // From here on, dropping `temp` (on any error) deletes the temporary file.
    let mut temp = builder.tempfile_in(dir).map_err(io)?;
    temp.write_all(contents.as_bytes()).map_err(io)?;
    temp.flush().map_err(io)?;
    if let Some(meta) = existing {
        temp.as_file()
            .set_permissions(meta.permissions())
            .map_err(io)?;
    }
    temp.as_file().sync_all().map_err(io)?;
    temp.persist(&target).map_err(|e| io(e.error))?;
    // Make the rename itself durable; best effort (not every platform can sync a folder).
    #[cfg(unix)]
    if let Ok(dir) = File::open(dir) {
        let _ = dir.sync_all();
    }
    Ok(())
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
