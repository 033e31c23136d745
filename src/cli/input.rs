//! Flags shared by the commands, defined once and flattened into each command's arguments,
//! and turned here into the library's option types.

use super::progress::Stages;
use mizan::align::DEFAULT_THRESHOLD;
use mizan::corpus::{self, Corpus, Encoding, JsonFields, LoadOptions};
use mizan::glossary::Glossary;
use mizan::pipeline::{self, DeskFiles, Reporter};
use std::path::{Path, PathBuf};

/// How to read articles: encoding, which files, how strict, how much, and archive fields.
#[derive(Debug, Clone, clap::Args)]
pub struct Input {
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

impl Input {
    pub fn load_options(&self) -> mizan::Result<LoadOptions> {
        Ok(LoadOptions {
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
        })
    }

    /// Read the articles under `paths`; `reporter` prints the warnings met on the way.
    pub fn read(&self, paths: &[PathBuf], reporter: &dyn Reporter) -> anyhow::Result<Corpus> {
        Ok(pipeline::read(paths, &self.load_options()?, reporter)?)
    }
}

/// Articles to read: the paths and how to read them.
#[derive(Debug, Clone, clap::Args)]
pub struct Articles {
    /// Article files or folders (folders are searched for .txt, .md and .jsonl files).
    #[arg(required = true, value_name = "PATH")]
    pub paths: Vec<PathBuf>,

    #[command(flatten)]
    pub input: Input,
}

impl Articles {
    pub fn load(&self) -> anyhow::Result<Corpus> {
        self.input.read(&self.paths, &Stages::quiet())
    }
}

/// `--glossary FILE`.
#[derive(Debug, Clone, clap::Args)]
pub struct GlossaryFile {
    /// Glossary file (default: ./glossary.toml).
    #[arg(long, value_name = "FILE")]
    pub glossary: Option<PathBuf>,
}

/// How sentences are aligned: the threshold and the desk's decisions.
#[derive(Debug, Clone, clap::Args)]
pub struct Alignment {
    /// Align pairs scoring at least this (0 to 1; see docs/alignment.md).
    #[arg(long, default_value_t = DEFAULT_THRESHOLD, value_name = "X")]
    pub threshold: f64,

    /// Decisions file (default: reviews.toml beside the glossary): rejected pairs are never
    /// aligned, accepted ones always are.
    #[arg(long, value_name = "FILE")]
    pub reviews: Option<PathBuf>,
}

impl Alignment {
    /// `--threshold` must be a similarity, 0 to 1.
    pub fn check(&self) -> anyhow::Result<()> {
        if !(0.0..=1.0).contains(&self.threshold) {
            anyhow::bail!(super::UsageError(format!(
                "--threshold {} is outside 0 to 1",
                self.threshold
            )));
        }
        Ok(())
    }
}

/// The desk's files named by the flags.
pub fn desk_files(
    glossary: &GlossaryFile,
    reviews: Option<&Path>,
    translations: Option<&Path>,
) -> DeskFiles {
    DeskFiles {
        glossary: glossary.glossary.clone(),
        reviews: reviews.map(Path::to_path_buf),
        translations: translations.map(Path::to_path_buf),
    }
}

/// The glossary file: `--glossary FILE`, else `./glossary.toml`.
pub fn glossary_path(flag: Option<&Path>) -> PathBuf {
    glossary_files(flag).glossary_path()
}

/// Load the glossary the command needs, with an error that says how to get one when there is
/// none.
pub fn load_glossary(flag: Option<&Path>) -> anyhow::Result<(PathBuf, Glossary)> {
    let files = glossary_files(flag);
    Ok((files.glossary_path(), files.glossary()?))
}

fn glossary_files(flag: Option<&Path>) -> DeskFiles {
    DeskFiles {
        glossary: flag.map(Path::to_path_buf),
        ..DeskFiles::default()
    }
}
