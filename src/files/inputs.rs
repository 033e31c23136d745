//! The files a run reads, so that its `-o` never writes over one of them: `mizan brief
//! articles -o glossary.toml` would otherwise destroy the glossary it just read.

use super::folder;
use crate::error::{Error, ErrorKind, FileKind, Location, Result, Unwritable};
use std::io::ErrorKind as IoErrorKind;
use std::path::{Path, PathBuf};
use walkdir::WalkDir;

/// The files one run reads: the desk's files, its templates and its articles.
#[derive(Debug, Default)]
pub struct Inputs {
    files: Vec<Input>,
}

#[derive(Debug)]
struct Input {
    path: PathBuf,
    kind: FileKind,
    identity: Identity,
}

/// What makes two paths the same file.
#[derive(Debug, PartialEq, Eq)]
enum Identity {
    /// An existing file: device and inode, so a hard link or a symbolic link to it is it.
    #[cfg(unix)]
    Inode(u64, u64),
    /// A file that does not exist yet (a desk's `reviews.toml` before the first decision),
    /// or any file where there are no inodes: the absolute path, its folder's links resolved.
    Place(PathBuf),
}

impl Inputs {
    /// A file the run reads (or would read, were it there).
    pub fn add(&mut self, path: &Path, kind: FileKind) {
        if let Some(identity) = identity(path) {
            self.files.push(Input {
                path: path.to_path_buf(),
                kind,
                identity,
            });
        }
    }

    /// The articles under `paths` as the corpus reads them: a file as given; in a folder,
    /// every regular file with one of `extensions`, hidden files and folders skipped.
    pub fn add_articles(&mut self, paths: &[PathBuf], extensions: &[String]) {
        for path in paths {
            if path.is_dir() {
                self.walk(path, FileKind::Article, true, |p| {
                    p.extension()
                        .and_then(|e| e.to_str())
                        .is_some_and(|e| extensions.iter().any(|x| x.eq_ignore_ascii_case(e)))
                });
            } else {
                self.add(path, FileKind::Article);
            }
        }
    }

    /// Every file under `dir` (a templates folder: any of them may be included).
    pub fn add_folder(&mut self, dir: &Path, kind: FileKind) {
        self.walk(dir, kind, false, |_| true);
    }

    fn walk(
        &mut self,
        dir: &Path,
        kind: FileKind,
        skip_hidden: bool,
        wanted: impl Fn(&Path) -> bool,
    ) {
        let walker = WalkDir::new(dir).into_iter().filter_entry(|e| {
            !skip_hidden || e.depth() == 0 || !e.file_name().to_string_lossy().starts_with('.')
        });
        // A folder that cannot be walked is reported by the read itself.
        for entry in walker.flatten() {
            if entry.file_type().is_file() && wanted(entry.path()) {
                self.add(entry.path(), kind);
            }
        }
    }

    /// Refuse `output` when it is one of the inputs: the same file under any name (hard or
    /// symbolic link), or, for a file not there yet, the same path. A device or FIFO has
    /// nothing to lose and is not compared.
    pub fn check(&self, output: &Path) -> Result<()> {
        if std::fs::metadata(output).is_ok_and(|m| !m.is_file()) {
            return Ok(());
        }
        let Some(identity) = identity(output) else {
            return Ok(());
        };
        match self.files.iter().find(|input| input.identity == identity) {
            Some(input) => Err(Error::new(ErrorKind::Unwritable(Unwritable::Input {
                kind: input.kind,
                input: input.path.clone(),
            }))
            .at(Location::file(output))),
            None => Ok(()),
        }
    }
}

fn identity(path: &Path) -> Option<Identity> {
    match std::fs::metadata(path) {
        #[cfg(unix)]
        Ok(meta) => {
            use std::os::unix::fs::MetadataExt;
            Some(Identity::Inode(meta.dev(), meta.ino()))
        }
        #[cfg(not(unix))]
        Ok(_) => std::fs::canonicalize(path).ok().map(Identity::Place),
        Err(e) if e.kind() == IoErrorKind::NotFound => {
            let name = path.file_name()?;
            let dir = std::fs::canonicalize(folder(path)).ok()?;
            Some(Identity::Place(dir.join(name)))
        }
        Err(_) => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_hard_link_and_a_missing_desk_file_are_inputs_and_a_new_name_is_not() {
        let dir = tempfile::tempdir().unwrap();
        let glossary = dir.path().join("glossary.toml");
        std::fs::write(&glossary, "").unwrap();
        std::fs::hard_link(&glossary, dir.path().join("same.toml")).unwrap();
        let mut inputs = Inputs::default();
        inputs.add(&glossary, FileKind::Glossary);
        inputs.add(&dir.path().join("reviews.toml"), FileKind::Reviews);
        let refused = inputs.check(&dir.path().join("same.toml")).unwrap_err();
        assert!(refused.is_configuration());
        assert!(refused.to_string().contains("would overwrite the glossary"));
        let refused = inputs
            .check(&dir.path().join("./reviews.toml"))
            .unwrap_err();
        assert!(refused.to_string().contains("the review decisions"));
        inputs.check(&dir.path().join("brief.md")).unwrap();
    }
}
