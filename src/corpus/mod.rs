//! Finding and reading articles: files and folders in, decoded documents out.
//!
//! Folders are walked in sorted order, so every run sees the same documents in the same order.
//! Bad files get errors that name them; an empty file is skipped with a warning.

use crate::error::{Error, ErrorKind, FileKind, Location, Result};
use crate::text::bidi::shown_path;
use crate::text::chars::is_invisible_control;
use crate::text::chars::is_reordering_control;
use crate::text::header::leading_date;
use crate::text::span::line_column;
use std::io::Read;
use std::path::{Path, PathBuf};
use std::str::FromStr;
use walkdir::WalkDir;

pub(crate) mod jsonl;

pub use crate::error::Warning;
pub use jsonl::JsonFields;

/// One article, decoded.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Document {
    /// The path as found (as given, or as walked from a given folder).
    pub id: String,
    /// The decoded text; a byte order mark is dropped, line endings are kept.
    pub text: String,
    /// Where the article text begins (after front matter, if any).
    pub body_start: usize,
    pub meta: Metadata,
}

impl Document {
    /// The outlet that published it, or, when the metadata names none, the article itself:
    /// an article of unknown outlet corroborates no other.
    pub fn outlet(&self) -> &str {
        self.meta.outlet.as_deref().unwrap_or(&self.id)
    }

    pub fn body(&self) -> &str {
        &self.text[self.body_start..]
    }
}

/// What the article says about itself: front matter, or a stray `date` header.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Metadata {
    pub date: Option<String>,
    pub title: Option<String>,
    pub outlet: Option<String>,
}

/// Text encodings mizan reads.
#[non_exhaustive]
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Encoding {
    #[default]
    Utf8,
    /// The legacy Arabic Windows code page.
    Windows1256,
    Iso8859_6,
    /// UTF-8 if the file is valid UTF-8, else windows-1256 (with a warning saying so).
    Auto,
}

impl FromStr for Encoding {
    type Err = Error;

    fn from_str(name: &str) -> Result<Self> {
        match name.to_ascii_lowercase().replace('_', "-").as_str() {
            "utf-8" | "utf8" => Ok(Encoding::Utf8),
            "windows-1256" | "cp1256" => Ok(Encoding::Windows1256),
            "iso-8859-6" | "latin-arabic" => Ok(Encoding::Iso8859_6),
            "auto" => Ok(Encoding::Auto),
            _ => Err(Error::new(ErrorKind::UnknownEncoding {
                name: name.to_string(),
            })),
        }
    }
}

#[derive(Debug, Clone)]
pub struct LoadOptions {
    pub encoding: Encoding,
    /// File extensions (without the dot, lower case) taken from folders. Files named
    /// explicitly are read whatever their extension; `.jsonl` files are archives.
    pub extensions: Vec<String>,
    /// Fields of JSON-lines archives.
    pub fields: JsonFields,
    /// Stop at the first bad file found in a folder or bad archive line, instead of skipping it
    /// with a warning.
    pub strict: bool,
    /// The most bytes of input read in one run (files and archives together); more is refused
    /// before it is read, with an error that says how to proceed.
    pub max_corpus_bytes: u64,
    /// Where an article's outlet comes from.
    pub outlet_from: OutletFrom,
}

/// Where an article's outlet (the source that corroborates, or not, another's fact) comes from.
#[non_exhaustive]
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum OutletFrom {
    /// The archive's outlet field or the front matter's `outlet:`; an article with neither is
    /// its own outlet (it corroborates every other article, and none of its own sentences).
    #[default]
    Metadata,
    /// The folder the file is in (an archive's lines: the archive's folder), whatever the
    /// metadata says: for a desk that files each outlet's articles in a folder of its own.
    Folder,
}

impl Default for LoadOptions {
    fn default() -> Self {
        LoadOptions {
            encoding: Encoding::Utf8,
            extensions: vec!["txt".into(), "md".into(), "jsonl".into()],
            fields: JsonFields::default(),
            strict: false,
            max_corpus_bytes: DEFAULT_MAX_CORPUS_BYTES,
            outlet_from: OutletFrom::Metadata,
        }
    }
}

/// The documents found, in a deterministic order, and the warnings met on the way.
#[derive(Debug, Default)]
pub struct Corpus {
    pub documents: Vec<Document>,
    pub warnings: Vec<Warning>,
}

/// Largest article read whole; larger files are refused rather than risking memory (a real
/// article is a few kilobytes; 64 MiB is ten million words).
pub const MAX_ARTICLE_BYTES: u64 = 64 * 1024 * 1024;

/// Default for [`LoadOptions::max_corpus_bytes`]: every stage after reading holds the text and
/// per-sentence records in memory (about 3 bytes for each byte of text when aligning), so 2 GiB
/// of articles stay well within a desk machine's memory.
pub const DEFAULT_MAX_CORPUS_BYTES: u64 = 2 * 1024 * 1024 * 1024;

/// Load every article under `paths` (files, or folders walked recursively).
pub fn load<P: AsRef<Path>>(paths: &[P], options: &LoadOptions) -> Result<Corpus> {
    let mut corpus = Corpus::default();
    let mut budget = Budget {
        used: 0,
        limit: options.max_corpus_bytes,
    };
    for path in paths {
        let path = path.as_ref();
        let meta = std::fs::metadata(path).map_err(|source| Error::reading(path, source))?;
        if meta.is_dir() {
            let found = article_files(path, &options.extensions)?;
            if found.is_empty() {
                return Err(Error::new(ErrorKind::NoArticles {
                    extensions: options
                        .extensions
                        .iter()
                        .map(|e| format!(".{e}"))
                        .collect::<Vec<_>>()
                        .join(", "),
                })
                .at(Location::file(path)));
            }
            for entry in found {
                let file = match entry {
                    Found::Article(file) => file,
                    Found::Note(warning) => {
                        corpus.warnings.push(warning);
                        continue;
                    }
                    Found::Bad(error) if options.strict => return Err(error),
                    Found::Bad(error) => {
                        corpus.warnings.push(Warning::Skipped(error));
                        continue;
                    }
                };
                // Over the run's limit is never a file to skip: the run stops.
                budget.take(&file)?;
                // A file of a folder is read into a corpus of its own, so that one that
                // fails part way (an archive's over-long line) is left out whole.
                let mut one = Corpus::default();
                match read_into(&file, options, &mut budget, &mut one) {
                    Ok(()) => corpus.append(one),
                    // One bad file in a folder does not stop the others.
                    Err(error)
                        if !options.strict
                            && !matches!(error.kind(), ErrorKind::CorpusTooLarge { .. }) =>
                    {
                        corpus.warnings.push(Warning::Skipped(error))
                    }
                    Err(error) => return Err(error),
                }
            }
        } else {
            budget.take(path)?;
            read_into(path, options, &mut budget, &mut corpus)?;
        }
    }
    Ok(corpus)
}

/// Input bytes a run may still read. A regular file is counted by its size before it is
/// read; a pipe or device (`/dev/stdin`, a FIFO), which has no size, as it is read, and never
/// read past the limit.
struct Budget {
    used: u64,
    limit: u64,
}

impl Budget {
    /// Count a regular file's size, or refuse it (before reading it) when it would go over the
    /// limit. Anything else is counted by [`Budget::count`] as it is read.
    fn take(&mut self, path: &Path) -> Result<()> {
        let meta = std::fs::metadata(path).map_err(|source| Error::reading(path, source))?;
        if !meta.is_file() {
            return Ok(());
        }
        let size = meta.len();
        if self.used + size > self.limit {
            return Err(Error::new(ErrorKind::CorpusTooLarge {
                total: Some(self.used + size),
                limit: self.limit,
            })
            .at(Location::file(path)));
        }
        self.used += size;
        Ok(())
    }

    fn remaining(&self) -> u64 {
        self.limit.saturating_sub(self.used)
    }

    /// Count `read` bytes of a stream at `path`, or refuse them when they go over the limit.
    fn count(&mut self, path: &Path, read: u64) -> Result<()> {
        if read > self.remaining() {
            return Err(self.over(path));
        }
        self.used += read;
        Ok(())
    }

    /// The error for a stream at `path` that goes on past the limit.
    fn over(&self, path: &Path) -> Error {
        Error::new(ErrorKind::CorpusTooLarge {
            total: None,
            limit: self.limit,
        })
        .at(Location::file(path))
    }
}

impl Corpus {
    /// The documents at `docs` (indices, in the order given): the articles of one story,
    /// briefed alone. Warnings stay with the whole corpus (they were reported when it was read).
    pub fn subset(&self, docs: &[usize]) -> Corpus {
        Corpus {
            documents: docs.iter().map(|&d| self.documents[d].clone()).collect(),
            warnings: Vec::new(),
        }
    }

    /// The error for a run in which every file was empty (each is named in a warning).
    pub fn nothing_to_read<P: AsRef<Path>>(paths: &[P]) -> Error {
        Error::new(ErrorKind::NothingToRead {
            paths: paths
                .iter()
                .map(|p| shown_path(p.as_ref()))
                .collect::<Vec<_>>()
                .join(", "),
        })
    }

    fn append(&mut self, mut other: Corpus) {
        self.documents.append(&mut other.documents);
        self.warnings.append(&mut other.warnings);
    }
}

/// Whether `path` is a JSON-lines archive (by its extension).
pub fn is_archive(path: &Path) -> bool {
    path.extension()
        .is_some_and(|e| e.eq_ignore_ascii_case("jsonl") || e.eq_ignore_ascii_case("ndjson"))
}

fn read_into(
    path: &Path,
    options: &LoadOptions,
    budget: &mut Budget,
    corpus: &mut Corpus,
) -> Result<()> {
    let first = corpus.documents.len();
    if is_archive(path) {
        jsonl::read_archive(path, &options.fields, options.strict, budget, corpus)?;
    } else if let Some(doc) = read_article(path, options.encoding, budget, &mut corpus.warnings)? {
        corpus.documents.push(doc);
    }
    if options.outlet_from == OutletFrom::Folder {
        let folder = folder_outlet(path);
        for doc in &mut corpus.documents[first..] {
            doc.meta.outlet = Some(folder.clone());
        }
    }
    Ok(())
}

/// The outlet named by the folder `path` is in, as the user would write it (`.` for a file
/// given without a folder).
fn folder_outlet(path: &Path) -> String {
    match path.parent() {
        Some(dir) if !dir.as_os_str().is_empty() => shown_path(dir),
        _ => ".".to_string(),
    }
}

/// What a folder holds, in walking order.
enum Found {
    /// A file to read (or a link to one).
    Article(PathBuf),
    /// Something with an article's name that cannot be read: skipped with a warning, an
    /// error under `--strict`.
    Bad(Error),
    /// Worth saying, but nothing to read (a link to a folder).
    Note(Warning),
}

/// What is under `dir`: files with one of `extensions` (and links to such files), sorted,
/// hidden files and folders skipped; with the things named like articles that cannot be read
/// (dangling links, FIFOs), and links to folders, which are not followed.
fn article_files(dir: &Path, extensions: &[String]) -> Result<Vec<Found>> {
    let mut found = Vec::new();
    let walker = WalkDir::new(dir)
        .sort_by_file_name()
        .into_iter()
        .filter_entry(|e| e.depth() == 0 || !e.file_name().to_string_lossy().starts_with('.'));
    for entry in walker {
        let entry = entry.map_err(|e| {
            let path = e.path().unwrap_or(dir).to_path_buf();
            let source = e
                .into_io_error()
                .unwrap_or_else(|| std::io::Error::other("file system loop"));
            Error::new(ErrorKind::Read)
                .caused_by(source)
                .at(Location::file(path))
        })?;
        let named_like_an_article = entry
            .path()
            .extension()
            .and_then(|e| e.to_str())
            .is_some_and(|e| extensions.iter().any(|x| x.eq_ignore_ascii_case(e)));
        let path = entry.path();
        let kind = entry.file_type();
        let bad = |kind: ErrorKind| Found::Bad(Error::new(kind).at(Location::file(path)));
        if kind.is_dir() {
            continue;
        }
        if kind.is_symlink() {
            match std::fs::metadata(path) {
                Ok(meta) if meta.is_dir() => found.push(Found::Note(Warning::FolderLink {
                    path: path.to_path_buf(),
                })),
                _ if !named_like_an_article => {}
                Ok(meta) if meta.is_file() => found.push(Found::Article(path.to_path_buf())),
                Ok(_) => found.push(bad(ErrorKind::NotRegularFile)),
                Err(e) if e.kind() == std::io::ErrorKind::NotFound => {
                    found.push(bad(ErrorKind::DanglingLink {
                        target: std::fs::read_link(path).unwrap_or_default(),
                    }))
                }
                Err(e) => found.push(Found::Bad(Error::reading(path, e))),
            }
        } else if named_like_an_article {
            found.push(if kind.is_file() {
                Found::Article(entry.into_path())
            } else {
                bad(ErrorKind::NotRegularFile)
            });
        }
    }
    Ok(found)
}

/// Read and decode one file. `Ok(None)` for an empty file (a warning is pushed).
pub fn read_document(
    path: &Path,
    encoding: Encoding,
    warnings: &mut Vec<Warning>,
) -> Result<Option<Document>> {
    let mut budget = Budget {
        used: 0,
        limit: u64::MAX,
    };
    read_article(path, encoding, &mut budget, warnings)
}

/// [`read_document`], within the run's `budget`.
fn read_article(
    path: &Path,
    encoding: Encoding,
    budget: &mut Budget,
    warnings: &mut Vec<Warning>,
) -> Result<Option<Document>> {
    let bytes = read_bytes(path, budget)?;
    let text = decode(&bytes, path, encoding, warnings)?;
    if text
        .chars()
        .all(|c| c.is_whitespace() || is_invisible_control(c))
    {
        warnings.push(Warning::Empty {
            path: path.to_path_buf(),
        });
        return Ok(None);
    }
    if let Some(w) = bidi_warning(&text, path) {
        warnings.push(w);
    }
    let (meta, body_start) = metadata(&text);
    Ok(Some(Document {
        id: path.display().to_string(),
        text,
        body_start,
        meta,
    }))
}

/// The bytes of one article, never more than [`MAX_ARTICLE_BYTES`]: a regular file is refused
/// by its size before it is read; a pipe or device is read up to the limit (and the run's
/// budget), and refused if it goes on.
fn read_bytes(path: &Path, budget: &mut Budget) -> Result<Vec<u8>> {
    let file = std::fs::File::open(path).map_err(|source| Error::reading(path, source))?;
    let meta = file
        .metadata()
        .map_err(|source| Error::reading(path, source))?;
    let too_large = |size| {
        Error::new(ErrorKind::TooLarge {
            size,
            limit: MAX_ARTICLE_BYTES,
        })
        .in_file(FileKind::Article)
        .at(Location::file(path))
    };
    let regular = meta.is_file();
    if regular && meta.len() > MAX_ARTICLE_BYTES {
        return Err(too_large(Some(meta.len())));
    }
    // A regular file was counted by its size already; it is read up to the limit all the
    // same, in case it grew since.
    let cap = if regular {
        MAX_ARTICLE_BYTES
    } else {
        MAX_ARTICLE_BYTES.min(budget.remaining())
    };
    let mut bytes = Vec::new();
    file.take(cap + 1)
        .read_to_end(&mut bytes)
        .map_err(|source| Error::reading(path, source))?;
    let read = bytes.len() as u64;
    if !regular {
        budget.count(path, read)?;
    }
    if read > MAX_ARTICLE_BYTES {
        return Err(too_large(None));
    }
    Ok(bytes)
}

/// Decode file bytes to text. A UTF-8 BOM is dropped; a UTF-16 BOM selects UTF-16.
pub fn decode(
    bytes: &[u8],
    path: &Path,
    encoding: Encoding,
    warnings: &mut Vec<Warning>,
) -> Result<String> {
    // A UTF-16 BOM says what the file is: a bad unit in it (a lone surrogate) is reported as
    // such, not taken for a binary file because UTF-16 has NUL bytes.
    if let Some((enc, bom_len)) = encoding_rs::Encoding::for_bom(bytes)
        && enc != encoding_rs::UTF_8
    {
        return decode_legacy(&bytes[bom_len..], bom_len, path, enc);
    }
    if let Some(offset) = bytes.iter().position(|&b| b == 0) {
        return Err(Error::new(ErrorKind::Binary { offset })
            .in_file(FileKind::Article)
            .at(Location::file(path)));
    }
    let bom_len = if bytes.starts_with(b"\xEF\xBB\xBF") {
        3
    } else {
        0
    };
    let bytes = &bytes[bom_len..];
    // A UTF-8 BOM says the file is UTF-8, whatever the flag.
    let encoding = if bom_len > 0 {
        Encoding::Utf8
    } else {
        encoding
    };
    match encoding {
        Encoding::Utf8 | Encoding::Auto => match std::str::from_utf8(bytes) {
            Ok(s) => Ok(s.to_string()),
            Err(_) if encoding == Encoding::Auto => {
                warnings.push(Warning::GuessedEncoding {
                    path: path.to_path_buf(),
                });
                decode_legacy(bytes, 0, path, encoding_rs::WINDOWS_1256)
            }
            Err(e) => {
                let offset = e.valid_up_to();
                let valid = std::str::from_utf8(&bytes[..offset]).expect("valid prefix");
                Err(Error::new(ErrorKind::NotUtf8 {
                    offset: offset + bom_len,
                })
                .in_file(FileKind::Article)
                .at(Location::at(path, valid, offset)))
            }
        },
        Encoding::Windows1256 => decode_legacy(bytes, 0, path, encoding_rs::WINDOWS_1256),
        Encoding::Iso8859_6 => decode_legacy(bytes, 0, path, encoding_rs::ISO_8859_6),
    }
}

/// Decode `bytes`, which begin at byte `base` of the file (after a BOM), as `enc`.
fn decode_legacy(
    bytes: &[u8],
    base: usize,
    path: &Path,
    enc: &'static encoding_rs::Encoding,
) -> Result<String> {
    let mut decoder = enc.new_decoder_without_bom_handling();
    let capacity = decoder
        .max_utf8_buffer_length_without_replacement(bytes.len())
        .unwrap_or(bytes.len() * 3);
    let mut out = String::with_capacity(capacity);
    let (result, read) = decoder.decode_to_string_without_replacement(bytes, &mut out, true);
    match result {
        encoding_rs::DecoderResult::InputEmpty => Ok(out),
        encoding_rs::DecoderResult::Malformed(bad, _) => {
            let offset = base + read - bad as usize;
            Err(Error::new(ErrorKind::Undecodable {
                encoding: enc.name(),
                offset,
            })
            .in_file(FileKind::Article)
            .at(Location::at(path, &out, out.len())))
        }
        encoding_rs::DecoderResult::OutputFull => {
            unreachable!("buffer sized by max_utf8_buffer_length")
        }
    }
}

fn bidi_warning(text: &str, path: &Path) -> Option<Warning> {
    let first = text.find(is_reordering_control)?;
    let count = text.chars().filter(|&c| is_reordering_control(c)).count();
    let (line, column) = line_column(text, first);
    Some(Warning::BidiControls {
        path: path.to_path_buf(),
        line,
        column,
        count,
    })
}

/// Front matter (`---` / `key: value` lines / `---`) at the very start, then a stray `date`
/// header; returns the metadata and where the article body begins.
pub fn metadata(text: &str) -> (Metadata, usize) {
    let mut meta = Metadata::default();
    let mut body_start = 0;
    if let Some(rest) = text
        .strip_prefix("---\n")
        .or_else(|| text.strip_prefix("---\r\n"))
    {
        let mut offset = text.len() - rest.len();
        let mut fields = Vec::new();
        for line in rest.split_inclusive('\n') {
            offset += line.len();
            let line = line.trim_end();
            if line == "---" {
                for (key, value) in fields {
                    match key {
                        "date" => meta.date = Some(value),
                        "title" => meta.title = Some(value),
                        "outlet" | "source" => meta.outlet = Some(value),
                        _ => {}
                    }
                }
                body_start = offset;
                break;
            }
            match line.split_once(':') {
                Some((k, v)) if !k.contains(' ') => {
                    fields.push((k.trim(), v.trim().trim_matches('"').to_string()))
                }
                _ => break, // not front matter after all: the whole file is the article
            }
        }
    }
    if meta.date.is_none() {
        meta.date = leading_date(text, body_start).map(|(_, d)| d.to_string());
    }
    (meta, body_start)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn dec(bytes: &[u8], enc: Encoding) -> (Result<String>, Vec<Warning>) {
        let mut w = Vec::new();
        (decode(bytes, Path::new("a.txt"), enc, &mut w), w)
    }

    #[test]
    fn utf8_bom_is_dropped() {
        assert_eq!(
            dec("\u{FEFF}نص".as_bytes(), Encoding::Utf8).0.unwrap(),
            "نص"
        );
    }

    #[test]
    fn invalid_utf8_names_offset_line_and_column() {
        let err = dec(b"ab\ncd\xC7\xE1", Encoding::Utf8).0.unwrap_err();
        assert_eq!(err.kind(), &ErrorKind::NotUtf8 { offset: 5 });
        let at = err.location().unwrap();
        assert_eq!((at.line, at.column), (Some(2), Some(3)));
        assert!(
            err.to_string()
                .starts_with("a.txt:2:3: not valid UTF-8 (byte offset 5)")
        );
        assert!(err_text(b"\xC7").contains("--encoding windows-1256"));
    }

    fn err_text(bytes: &[u8]) -> String {
        dec(bytes, Encoding::Utf8).0.unwrap_err().to_string()
    }

    #[test]
    fn windows_1256_decodes_arabic() {
        // "سلام" in windows-1256.
        let bytes = [0xD3, 0xE1, 0xC7, 0xE3];
        assert_eq!(dec(&bytes, Encoding::Windows1256).0.unwrap(), "سلام");
        let (auto, warnings) = dec(&bytes, Encoding::Auto);
        assert_eq!(auto.unwrap(), "سلام");
        assert!(matches!(warnings[0], Warning::GuessedEncoding { .. }));
    }

    #[test]
    fn iso_8859_6_reports_unmapped_bytes() {
        assert!(matches!(
            dec(&[0xD3, 0xA1], Encoding::Iso8859_6).0,
            Err(e) if matches!(e.kind(), ErrorKind::Undecodable { offset: 1, .. })
        ));
    }

    #[test]
    fn nul_bytes_mean_binary() {
        assert!(matches!(
            dec(b"PK\x03\x04\x00", Encoding::Utf8).0,
            Err(e) if e.kind() == &ErrorKind::Binary { offset: 4 }
        ));
    }

    #[test]
    fn utf16_with_bom_is_decoded() {
        let mut bytes = vec![0xFF, 0xFE];
        for u in "نص".encode_utf16() {
            bytes.extend(u.to_le_bytes());
        }
        assert_eq!(dec(&bytes, Encoding::Utf8).0.unwrap(), "نص");
    }

    #[test]
    fn a_lone_surrogate_is_not_valid_utf16_at_its_offset() {
        let mut bytes = vec![0xFF, 0xFE];
        for u in "نص".encode_utf16().chain([0xDC00]) {
            bytes.extend(u.to_le_bytes());
        }
        let err = dec(&bytes, Encoding::Utf8).0.unwrap_err();
        assert_eq!(
            err.kind(),
            &ErrorKind::Undecodable {
                encoding: "UTF-16LE",
                offset: 6
            }
        );
    }

    #[test]
    fn encoding_names_parse() {
        assert_eq!("CP1256".parse::<Encoding>().unwrap(), Encoding::Windows1256);
        assert_eq!("utf8".parse::<Encoding>().unwrap(), Encoding::Utf8);
        assert!("latin1".parse::<Encoding>().is_err());
    }

    #[test]
    fn front_matter_gives_metadata_and_body_start() {
        let text = "---\noutlet: Steppe Daily\ndate: 2022-01-06\ntitle: \"عنوان\"\n---\nنص الخبر.";
        let (meta, start) = metadata(text);
        assert_eq!(meta.outlet.as_deref(), Some("Steppe Daily"));
        assert_eq!(meta.date.as_deref(), Some("2022-01-06"));
        assert_eq!(meta.title.as_deref(), Some("عنوان"));
        assert_eq!(&text[start..], "نص الخبر.");
    }

    #[test]
    fn a_stray_date_header_gives_the_date() {
        let (meta, start) = metadata(" date 2022-01 أعلنت الشرطة.");
        assert_eq!(meta.date.as_deref(), Some("2022-01"));
        assert_eq!(start, 0);
    }

    #[test]
    fn dashes_without_front_matter_are_text() {
        let (meta, start) = metadata("---\nهذا ليس ترويسة\n---\n");
        assert_eq!(start, 0);
        assert_eq!(meta, Metadata::default());
    }

    #[test]
    fn bidi_overrides_are_reported_with_line_and_column() {
        let w = bidi_warning("سطر\nكلمة \u{202E}مقلوبة\u{202C}", Path::new("x.txt")).unwrap();
        assert!(
            matches!(
                &w,
                Warning::BidiControls { path, line: 2, column: 6, count: 2 } if path == Path::new("x.txt")
            ),
            "{w:?}"
        );
        assert!(bidi_warning("نص \u{200F}عادي", Path::new("x.txt")).is_none());
    }
}
