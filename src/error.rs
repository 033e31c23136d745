//! The library's errors: each names the file, and the line and column where there is one.

use std::path::PathBuf;

pub type Result<T, E = Error> = std::result::Result<T, E>;

#[derive(Debug, thiserror::Error)]
pub enum Error {
    #[error("{}: no such file or directory", path.display())]
    NotFound { path: PathBuf },

    #[error("{}: cannot read: {source}", path.display())]
    Io {
        path: PathBuf,
        #[source]
        source: std::io::Error,
    },

    #[error("{}: cannot write: {source}", path.display())]
    Write {
        path: PathBuf,
        #[source]
        source: std::io::Error,
    },

    #[error(
        "{}:{line}:{column}: not valid UTF-8 (byte offset {offset}); if this is a legacy \
         Arabic file, try --encoding windows-1256 (or --encoding auto)",
        path.display()
    )]
    NotUtf8 {
        path: PathBuf,
        offset: usize,
        line: usize,
        column: usize,
    },

    #[error(
        "{}:{line}:{column}: not valid {encoding} (byte offset {offset})",
        path.display()
    )]
    Undecodable {
        path: PathBuf,
        encoding: &'static str,
        offset: usize,
        line: usize,
        column: usize,
    },

    #[error(
        "{}: binary file (NUL byte at offset {offset}), not a text article",
        path.display()
    )]
    Binary { path: PathBuf, offset: usize },

    #[error(
        "{}: file of {size} bytes is over the limit of {limit} bytes for one article",
        path.display()
    )]
    TooLarge {
        path: PathBuf,
        size: u64,
        limit: u64,
    },

    /// A line of a JSON-lines archive that is not an article, under `--strict`.
    #[error("{}:{line}: {message}", path.display())]
    BadLine {
        path: PathBuf,
        line: usize,
        message: String,
    },

    #[error(
        "{}: the input comes to {total} bytes with this file, over the limit of {limit} bytes \
         read in one run; brief the archive in parts (a day or an outlet at a time), or raise \
         --max-input if this machine has the memory (about three times the input)",
        path.display()
    )]
    CorpusTooLarge {
        path: PathBuf,
        total: u64,
        limit: u64,
    },

    #[error("{}: no articles found (looked for files ending in {extensions})", path.display())]
    NoArticles { path: PathBuf, extensions: String },

    #[error("no article text to read in {paths} (every file was empty or skipped)")]
    NothingToRead { paths: String },

    #[error("{}:{line}:{column}: {message}", path.display())]
    Glossary {
        path: std::path::PathBuf,
        line: usize,
        column: usize,
        message: String,
    },

    #[error("{}:{line}:{column}: {message}", path.display())]
    Reviews {
        path: PathBuf,
        line: usize,
        column: usize,
        message: String,
    },

    #[error("{}:{line}:{column}: {message}", path.display())]
    Translations {
        path: PathBuf,
        line: usize,
        column: usize,
        message: String,
    },

    /// A briefing template that does not parse or fails to render; `template` is the file
    /// (or the built-in template's name), `line` its line where minijinja knows it.
    #[error("{template}{}: {message}", line.map(|l| format!(":{l}")).unwrap_or_default())]
    Template {
        template: String,
        line: Option<usize>,
        message: String,
    },

    #[error("unknown encoding '{name}' (expected utf-8, windows-1256, iso-8859-6 or auto)")]
    UnknownEncoding { name: String },
}

impl Error {
    /// A failed read of `path`: a missing file is [`Error::NotFound`], anything else
    /// [`Error::Io`].
    pub fn reading(path: &std::path::Path, source: std::io::Error) -> Error {
        if source.kind() == std::io::ErrorKind::NotFound {
            Error::NotFound {
                path: path.to_path_buf(),
            }
        } else {
            Error::Io {
                path: path.to_path_buf(),
                source,
            }
        }
    }
}
