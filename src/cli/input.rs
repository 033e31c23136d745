//! Options shared by every command that reads articles, and the glossary path.

use super::output::warn_all;
use mizan::corpus::{self, Corpus, Encoding, JsonFields, LoadOptions};
use mizan::glossary::{self, Glossary};
use std::path::{Path, PathBuf};

#[derive(Debug, clap::Args)]
pub struct Articles {
    /// Article files or folders (folders are searched for .txt and .md files).
    #[arg(required = true, value_name = "PATH")]
    pub paths: Vec<PathBuf>,

    /// Encoding of the articles: utf-8, windows-1256, iso-8859-6, or auto (UTF-8, else
    /// windows-1256).
    #[arg(long, default_value = "utf-8", value_name = "NAME")]
    pub encoding: String,

    /// File extensions to read from folders, comma-separated (.jsonl files are archives of
    /// one article per line).
    #[arg(
        long,
        default_value = "txt,md,jsonl",
        value_name = "EXT,...",
        value_delimiter = ','
    )]
    pub ext: Vec<String>,

    /// Stop at the first bad file in a folder (binary, not in its encoding, unreadable) or bad
    /// archive line, instead of skipping it with a warning.
    #[arg(long)]
    pub strict: bool,

    /// Refuse to read more than this many megabytes of input in one run (files and archives
    /// together), before reading it.
    #[arg(long, value_name = "MB", default_value_t = corpus::DEFAULT_MAX_CORPUS_BYTES / 1_000_000)]
    pub max_input: u64,

    /// JSON lines: the field with the article's text (default: content, text, body...).
    #[arg(long, value_name = "NAME", help_heading = "JSON-lines archives")]
    pub text_field: Option<String>,

    /// JSON lines: the title field (default: title, headline).
    #[arg(long, value_name = "NAME", help_heading = "JSON-lines archives")]
    pub title_field: Option<String>,

    /// JSON lines: the outlet field (default: source, outlet, publisher, site).
    #[arg(long, value_name = "NAME", help_heading = "JSON-lines archives")]
    pub outlet_field: Option<String>,

    /// JSON lines: the date field (default: date, published, date_extracted...).
    #[arg(long, value_name = "NAME", help_heading = "JSON-lines archives")]
    pub date_field: Option<String>,

    /// JSON lines: the id field, cited as FILE#ID (default: id, url; else the line number).
    #[arg(long, value_name = "NAME", help_heading = "JSON-lines archives")]
    pub id_field: Option<String>,
}

impl Articles {
    /// Load the articles, print the warnings, and fail if there is no text at all.
    pub fn load(&self) -> anyhow::Result<Corpus> {
        let options = LoadOptions {
            encoding: self.encoding.parse::<Encoding>()?,
            extensions: self
                .ext
                .iter()
                .map(|e| e.trim_start_matches('.').to_ascii_lowercase())
                .collect(),
            strict: self.strict,
            max_corpus_bytes: self.max_input.saturating_mul(1_000_000),
            fields: JsonFields {
                text: self.text_field.clone(),
                title: self.title_field.clone(),
                outlet: self.outlet_field.clone(),
                date: self.date_field.clone(),
                id: self.id_field.clone(),
            },
        };
        let corpus = corpus::load(&self.paths, &options)?;
        warn_all(&corpus.warnings);
        if corpus.documents.is_empty() {
            return Err(Corpus::nothing_to_read(&self.paths).into());
        }
        Ok(corpus)
    }
}

/// The glossary file: `--glossary FILE`, else `./glossary.toml`.
pub fn glossary_path(flag: Option<&Path>) -> PathBuf {
    flag.map_or_else(|| PathBuf::from("glossary.toml"), Path::to_path_buf)
}

/// Load the glossary, with an error that says how to get one when there is none.
pub fn load_glossary(flag: Option<&Path>) -> anyhow::Result<(PathBuf, Glossary)> {
    let path = glossary_path(flag);
    if flag.is_none() && !path.exists() {
        anyhow::bail!(NoGlossary);
    }
    let glossary = glossary::load(&path).map_err(BadGlossary)?;
    Ok((path, glossary))
}

/// The glossary could not be read or is malformed: a configuration error (exit code 2).
#[derive(Debug)]
pub struct BadGlossary(pub mizan::Error);

impl std::fmt::Display for BadGlossary {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        // The library's message already names the file (and line and column).
        self.0.fmt(f)
    }
}

impl std::error::Error for BadGlossary {}

/// No `--glossary` and no `./glossary.toml`.
#[derive(Debug)]
pub struct NoGlossary;

impl std::fmt::Display for NoGlossary {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(
            f,
            "no glossary: pass --glossary FILE, or create ./glossary.toml, e.g. with \
             `mizan glossary add كازاخستان Kazakhstan --kind place`"
        )
    }
}

impl std::error::Error for NoGlossary {}
