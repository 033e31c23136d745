//! The library's one error type: what went wrong ([`ErrorKind`]), in which kind of file
//! ([`FileKind`]), where ([`Location`]: path, line, column, byte span) and why underneath (the
//! source, such as an I/O error). A caller matches on the kind; a person reads the message,
//! which names the file and, where there is one, the line and column:
//!
//! ```text
//! glossary.toml:7:1: unknown field 'english', expected one of 'ar', 'en', ...
//! ```
//!
//! Warnings, which do not stop a run, are typed too: [`Warning`], one enum, never a string.

use crate::text::bidi::shown_path;
use crate::text::span::line_column;
use std::fmt;
use std::ops::Range;
use std::path::{Path, PathBuf};

pub type Result<T, E = Error> = std::result::Result<T, E>;

/// The kinds of file mizan reads and writes.
#[non_exhaustive]
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum FileKind {
    /// An article, or a JSON-lines archive of them.
    Article,
    /// The desk's glossary (`glossary.toml`).
    Glossary,
    /// The desk's review decisions (`reviews.toml`).
    Reviews,
    /// The desk's translations (`translations.toml`).
    Translations,
    /// A briefing or review template.
    Template,
    /// The desk's configuration (`mizan.toml`).
    DeskConfig,
    /// A file in an exchange format of CAT tools (TSV, CSV, TBX).
    Interchange,
    /// A file mizan writes (a briefing, an export).
    Output,
}

impl FileKind {
    /// The desk's own configuration: a problem in one is a configuration error, not bad input.
    pub fn is_configuration(self) -> bool {
        matches!(
            self,
            FileKind::Glossary
                | FileKind::Reviews
                | FileKind::Translations
                | FileKind::Template
                | FileKind::DeskConfig
        )
    }
}

/// What went wrong. Its message is what follows the location (`path:line:column: `).
#[non_exhaustive]
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum ErrorKind {
    /// The path does not exist.
    #[error("no such file or directory")]
    NotFound,
    /// The file exists but cannot be read (the source says why).
    #[error("cannot read")]
    Read,
    /// The file cannot be written (the source says why).
    #[error("cannot write")]
    Write,
    /// Not valid UTF-8 at this byte offset (the location has its line and column).
    #[error("not valid UTF-8")]
    NotUtf8 { offset: usize },
    /// Not valid in the legacy encoding it was read as.
    #[error("not valid {encoding} (byte offset {offset})")]
    Undecodable {
        encoding: &'static str,
        offset: usize,
    },
    /// A NUL byte: a binary file, not a text article.
    #[error("binary file (NUL byte at offset {offset}), not a text article")]
    Binary { offset: usize },
    /// One article over the size limit. `size` is `None` for a pipe or device, which has no
    /// size until it is read: it was read up to the limit and found to go on.
    #[error("file of {} is over the limit of {limit} bytes for one article", bytes(*size, *limit))]
    TooLarge { size: Option<u64>, limit: u64 },
    /// A line of a JSON-lines archive over the size limit of one article (reading stopped at
    /// the limit).
    #[error(
        "line of more than {limit} bytes is over the limit of {limit} bytes for one article \
         (an archive has one article per line)"
    )]
    LineTooLong { limit: u64 },
    /// The run's whole input over `--max-input`, refused before reading this file (`total` is
    /// `None` for a pipe or device, read up to the limit and found to go on).
    #[error(
        "the input comes to {} with this file, over the limit of {limit} bytes read \
         in one run; brief the archive in parts (a day or an outlet at a time), or raise \
         --max-input if this machine has the memory (about three times the input)",
        bytes(*total, *limit)
    )]
    CorpusTooLarge { total: Option<u64>, limit: u64 },
    /// In a folder: a link whose target does not exist.
    #[error("a link to {}, which does not exist", shown_path(target))]
    DanglingLink { target: PathBuf },
    /// In a folder: a FIFO, device or socket, not a file to read.
    #[error("not a regular file (a FIFO, device or socket)")]
    NotRegularFile,
    /// A folder with no article files.
    #[error("no articles found (looked for files ending in {extensions})")]
    NoArticles { extensions: String },
    /// Every article was empty or skipped.
    #[error("no article text to read in {paths} (every file was empty or skipped)")]
    NothingToRead { paths: String },
    /// A line of a JSON-lines archive that is not an article (an error under `--strict`).
    #[error("{0}")]
    BadLine(LineProblem),
    /// A malformed file: what its parser or checker says is wrong.
    #[error("{0}")]
    Invalid(String),
    /// No `--glossary` and no `./glossary.toml`.
    #[error(
        "no glossary: pass --glossary FILE, or create ./glossary.toml, e.g. with `mizan \
         glossary add كازاخستان Kazakhstan --kind place`"
    )]
    NoGlossary,
    /// An `--encoding` mizan does not know.
    #[error("unknown encoding '{name}' (expected utf-8, windows-1256, iso-8859-6 or auto)")]
    UnknownEncoding { name: String },
    /// A path mizan will not write to (the location is the path).
    #[error("{0}")]
    Unwritable(Unwritable),
}

/// Why a path is not written: each a usage error, said before anything is written.
#[non_exhaustive]
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum Unwritable {
    #[error("is a folder; name a file to write")]
    Folder,
    /// A block device or another kind of file that is neither a file nor a stream.
    #[error("is a {0}, not a file mizan writes to")]
    Special(&'static str),
    /// A symbolic link whose target does not exist: replacing the link with a file would
    /// lose it, and creating the target is not what the user asked.
    #[error(
        "is a symbolic link to {}, which does not exist; create the target or remove the link",
        shown_path(target)
    )]
    DanglingLink { target: PathBuf },
    /// The same file as one this run reads (by device and inode, or by path).
    #[error(
        "would overwrite {} this run reads ({}); write to another file",
        input_kind(*kind),
        shown_path(input)
    )]
    Input { kind: FileKind, input: PathBuf },
}

fn input_kind(kind: FileKind) -> &'static str {
    match kind {
        FileKind::Article => "an article",
        FileKind::Glossary => "the glossary",
        FileKind::Reviews => "the review decisions",
        FileKind::Translations => "the translations",
        FileKind::Template => "a template",
        FileKind::DeskConfig => "the desk's configuration",
        FileKind::Interchange => "a file",
        FileKind::Output => "a file",
    }
}

/// Why a line of a JSON-lines archive is not an article.
#[non_exhaustive]
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum LineProblem {
    /// Not valid UTF-8 at this byte of the line (1-based).
    #[error("not valid UTF-8 (byte {byte} of the line)")]
    NotUtf8 { byte: usize },
    /// Not JSON; the parser's message.
    #[error("not JSON ({0})")]
    NotJson(String),
    #[error("not a JSON object")]
    NotAnObject,
    /// No text field: the one named, or none of the common names looked for.
    #[error("{}", no_text_field(named.as_deref(), common))]
    NoTextField {
        named: Option<String>,
        common: &'static [&'static str],
    },
    /// The text field is there but empty.
    #[error("the article's text is empty")]
    EmptyText,
    /// The text field holds something other than a string (`"content": 42`).
    #[error("the text field '{field}' is {found}, not a string")]
    TextNotString { field: String, found: &'static str },
}

/// A size as the messages say it: exact, or only known to be over the limit.
fn bytes(size: Option<u64>, limit: u64) -> String {
    match size {
        Some(size) => format!("{size} bytes"),
        None => format!("more than {limit} bytes (read from a pipe or device up to the limit)"),
    }
}

fn no_text_field(named: Option<&str>, common: &[&str]) -> String {
    match named {
        Some(name) => format!("no text field '{name}'"),
        None => format!("no text field (looked for {})", common.join(", ")),
    }
}

/// Where a problem is: a file, and in it a line and column (1-based, columns in characters)
/// and a byte span, where they are known.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Location {
    pub path: PathBuf,
    pub line: Option<usize>,
    pub column: Option<usize>,
    pub span: Option<Range<usize>>,
}

impl Location {
    /// The whole file.
    pub fn file(path: impl Into<PathBuf>) -> Location {
        Location {
            path: path.into(),
            line: None,
            column: None,
            span: None,
        }
    }

    /// A line of the file, without a column.
    pub fn line(path: impl Into<PathBuf>, line: usize) -> Location {
        Location {
            line: Some(line),
            ..Location::file(path)
        }
    }

    /// A byte offset into `text`, the file's contents: its line and column are computed here,
    /// the one place that turns offsets into what a person reads.
    pub fn at(path: impl Into<PathBuf>, text: &str, offset: usize) -> Location {
        let offset = offset.min(text.len());
        Location::span(path, text, offset..offset)
    }

    /// A byte span of `text`, located at its start.
    pub fn span(path: impl Into<PathBuf>, text: &str, span: Range<usize>) -> Location {
        let (line, column) = line_column(text, span.start);
        Location {
            path: path.into(),
            line: Some(line),
            column: Some(column),
            span: Some(span),
        }
    }

    /// A known line and column (from a parser that counts them itself).
    pub fn line_column(path: impl Into<PathBuf>, line: usize, column: usize) -> Location {
        Location {
            line: Some(line),
            column: Some(column),
            ..Location::file(path)
        }
    }
}

impl fmt::Display for Location {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}", shown_path(&self.path))?;
        if let Some(line) = self.line {
            write!(f, ":{line}")?;
            if let Some(column) = self.column {
                write!(f, ":{column}")?;
            }
        }
        Ok(())
    }
}

type Source = Box<dyn std::error::Error + Send + Sync + 'static>;

/// A failure: its kind, the kind of file, where, and its cause. Boxed, so that a `Result`
/// stays one word wide on the paths that succeed.
pub struct Error(Box<Inner>);

struct Inner {
    kind: ErrorKind,
    file: Option<FileKind>,
    location: Option<Location>,
    source: Option<Source>,
}

impl Error {
    pub fn new(kind: ErrorKind) -> Error {
        Error(Box::new(Inner {
            kind,
            file: None,
            location: None,
            source: None,
        }))
    }

    /// A malformed file of `file` kind at `location`.
    pub fn invalid(file: FileKind, location: Location, message: impl Into<String>) -> Error {
        Error::new(ErrorKind::Invalid(message.into()))
            .in_file(file)
            .at(location)
    }

    /// A failed read of `path`: a missing file is [`ErrorKind::NotFound`], anything else
    /// [`ErrorKind::Read`] with the I/O error as its source.
    pub fn reading(path: &Path, source: std::io::Error) -> Error {
        let error = if source.kind() == std::io::ErrorKind::NotFound {
            Error::new(ErrorKind::NotFound)
        } else {
            Error::new(ErrorKind::Read).caused_by(source)
        };
        error.at(Location::file(path))
    }

    /// A failed write of `path`.
    pub fn writing(path: &Path, source: std::io::Error) -> Error {
        Error::new(ErrorKind::Write)
            .caused_by(source)
            .at(Location::file(path))
    }

    pub fn at(mut self, location: Location) -> Error {
        self.0.location = Some(location);
        self
    }

    pub fn in_file(mut self, file: FileKind) -> Error {
        self.0.file = Some(file);
        self
    }

    pub fn caused_by(mut self, source: impl Into<Source>) -> Error {
        self.0.source = Some(source.into());
        self
    }

    pub fn kind(&self) -> &ErrorKind {
        &self.0.kind
    }

    pub fn file(&self) -> Option<FileKind> {
        self.0.file
    }

    pub fn location(&self) -> Option<&Location> {
        self.0.location.as_ref()
    }

    /// A problem with the desk's configuration or how mizan was asked to run (a malformed
    /// glossary, reviews, translations or template; an unknown encoding; no glossary), as
    /// opposed to bad input (an article that cannot be read) or a failed write.
    pub fn is_configuration(&self) -> bool {
        match self.kind() {
            ErrorKind::Invalid(_)
            | ErrorKind::NoGlossary
            | ErrorKind::UnknownEncoding { .. }
            | ErrorKind::Unwritable(_) => true,
            ErrorKind::NotUtf8 { .. } => self.file().is_some_and(FileKind::is_configuration),
            // A desk file the run needs and cannot read (a glossary that is missing, a
            // `--reviews` that names a folder).
            ErrorKind::NotFound | ErrorKind::Read => {
                self.file().is_some_and(FileKind::is_configuration)
            }
            _ => false,
        }
    }
}

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if let Some(location) = self.location() {
            write!(f, "{location}: ")?;
        }
        match self.kind() {
            // An article that is not UTF-8 is most often a legacy code page: say what to try.
            ErrorKind::NotUtf8 { offset } if self.file() == Some(FileKind::Article) => write!(
                f,
                "not valid UTF-8 (byte offset {offset}); if this is a legacy Arabic file, try \
                 --encoding windows-1256 (or --encoding auto)"
            )?,
            kind => write!(f, "{kind}")?,
        }
        // The cause of a failed read or write is part of the message, said once.
        if let Some(source) = &self.0.source {
            write!(f, ": {source}")?;
        }
        Ok(())
    }
}

impl fmt::Debug for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Error")
            .field("kind", &self.0.kind)
            .field("file", &self.0.file)
            .field("location", &self.0.location)
            .field("source", &self.0.source)
            .finish()
    }
}

impl std::error::Error for Error {
    fn source(&self) -> Option<&(dyn std::error::Error + 'static)> {
        self.0
            .source
            .as_deref()
            .map(|s| s as &(dyn std::error::Error + 'static))
    }
}

/// A TOML file that does not parse or does not fit its schema, at the parser's span, with
/// its message (backticks as quotes, which read better in a terminal).
pub(crate) fn toml_error(file: FileKind, path: &Path, text: &str, e: &toml::de::Error) -> Error {
    Error::invalid(
        file,
        Location::span(path, text, e.span().unwrap_or(0..0)),
        e.message().trim().replace('`', "'"),
    )
}

/// Something worth telling the user that does not stop the run. `--strict` turns the
/// warnings that skip input ([`Warning::skips_input`]) into errors.
#[non_exhaustive]
#[derive(Debug)]
pub enum Warning {
    /// The file has no text; it is skipped.
    Empty { path: PathBuf },
    /// `--encoding auto` decoded a file that is not UTF-8 as windows-1256.
    GuessedEncoding { path: PathBuf },
    /// A file found in a folder that cannot be read as an article (binary, not in its
    /// encoding, too large, unreadable): skipped.
    Skipped(Error),
    /// A line of a JSON-lines archive that is not an article: skipped.
    BadLine {
        path: PathBuf,
        line: usize,
        problem: LineProblem,
    },
    /// Two lines of one archive with the same id: the later is cited as `FILE#ID@LINE`.
    DuplicateId {
        path: PathBuf,
        line: usize,
        first: usize,
        id: String,
    },
    /// In a folder: a link to a folder, which is not followed (it could lead anywhere, or
    /// round in a loop).
    FolderLink { path: PathBuf },
    /// Bidi embeddings, overrides or isolates, which can reorder what a reader sees.
    BidiControls {
        path: PathBuf,
        line: usize,
        column: usize,
        count: usize,
    },
    /// A translation whose Arabic is not the sentence its hash names (a copy-paste slip); the
    /// translation is still used, by its hash.
    TranslationMismatch {
        path: PathBuf,
        line: usize,
        hash: String,
        actual: String,
    },
}

impl Warning {
    /// Whether the warning means some input was left out (what `--strict` refuses).
    pub fn skips_input(&self) -> bool {
        matches!(self, Warning::Skipped(_) | Warning::BadLine { .. })
    }

    /// The error `--strict` stops with instead of this warning, if it is one that skips input.
    pub fn into_strict_error(self) -> std::result::Result<Error, Warning> {
        match self {
            Warning::Skipped(error) => Ok(error),
            Warning::BadLine {
                path,
                line,
                problem,
            } => Ok(Error::new(ErrorKind::BadLine(problem))
                .in_file(FileKind::Article)
                .at(Location::line(path, line))),
            other => Err(other),
        }
    }
}

impl fmt::Display for Warning {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Warning::Empty { path } => write!(f, "{}: empty file, skipped", shown_path(path)),
            Warning::GuessedEncoding { path } => write!(
                f,
                "{}: not valid UTF-8, decoded as windows-1256 (--encoding auto)",
                shown_path(path)
            ),
            // An error at a line of a file (an archive's over-long line): the file is left
            // out whole, not only that line.
            Warning::Skipped(error) if error.location().is_some_and(|l| l.line.is_some()) => {
                write!(f, "{error}; the whole file skipped")
            }
            Warning::Skipped(error) => write!(f, "{error}; skipped"),
            Warning::BadLine {
                path,
                line,
                problem,
            } => write!(f, "{}:{line}: {problem}; skipped", shown_path(path)),
            Warning::DuplicateId {
                path,
                line,
                first,
                id,
            } => {
                let path = shown_path(path);
                let id = crate::text::bidi::shown_name(id);
                write!(
                    f,
                    "{path}:{line}: id '{id}' is also the id of line {first}; this article \
                     is cited as {path}#{id}@{line}"
                )
            }
            Warning::FolderLink { path } => write!(
                f,
                "{}: a link to a folder, not followed (name the folder itself to read it)",
                shown_path(path)
            ),
            Warning::BidiControls {
                path,
                line,
                column,
                count,
            } => write!(
                f,
                "{}:{line}:{column}: {count} bidi control character(s) (embedding, override or \
                 isolate); ignored for matching, shown as ⟨U+202E⟩ in text output",
                shown_path(path)
            ),
            Warning::TranslationMismatch {
                path,
                line,
                hash,
                actual,
            } => write!(
                f,
                "{}:{line}: the Arabic beside hash {hash} is not the sentence of that hash \
                 (its hash is {actual}); the translation is used for hash {hash}",
                shown_path(path)
            ),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn messages_name_the_file_line_and_column() {
        let text = "[[term]]\nar = \"x\"\nenglish = \"y\"\n";
        let offset = text.find("english").unwrap();
        let e = Error::invalid(
            FileKind::Glossary,
            Location::at("glossary.toml", text, offset),
            "unknown field 'english'",
        );
        assert_eq!(e.to_string(), "glossary.toml:3:1: unknown field 'english'");
        assert_eq!(e.location().unwrap().span, Some(offset..offset));
        assert!(e.is_configuration());
    }

    #[test]
    fn io_errors_say_their_cause_once_and_keep_it_as_the_source() {
        let e = Error::reading(
            Path::new("a.txt"),
            std::io::Error::new(std::io::ErrorKind::PermissionDenied, "denied"),
        );
        assert_eq!(e.to_string(), "a.txt: cannot read: denied");
        assert!(std::error::Error::source(&e).is_some());
        assert_eq!(e.kind(), &ErrorKind::Read);
        assert!(!e.is_configuration());
        let missing = Error::reading(
            Path::new("b.txt"),
            std::io::Error::from(std::io::ErrorKind::NotFound),
        );
        assert_eq!(missing.to_string(), "b.txt: no such file or directory");
    }

    #[test]
    fn strict_promotes_skipping_warnings_by_their_kind() {
        let w = Warning::BadLine {
            path: "a.jsonl".into(),
            line: 3,
            problem: LineProblem::NotAnObject,
        };
        assert!(w.skips_input());
        assert_eq!(w.to_string(), "a.jsonl:3: not a JSON object; skipped");
        let e = w.into_strict_error().unwrap();
        assert_eq!(e.to_string(), "a.jsonl:3: not a JSON object");
        let empty = Warning::Empty {
            path: "b.txt".into(),
        };
        assert!(!empty.skips_input());
        assert!(empty.into_strict_error().is_err());
    }
}
