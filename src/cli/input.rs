//! Flags shared by the commands, defined once and flattened into each command's arguments,
//! and turned here into the library's option types.

use super::progress::Stages;
use mizan::FileKind;
use mizan::align::DEFAULT_THRESHOLD;
use mizan::corpus::{self, Corpus, Encoding, JsonFields, LoadOptions, OutletFrom};
use mizan::desk::Desk;
use mizan::files::Inputs;
use mizan::glossary::Glossary;
use mizan::pipeline::{self, DeskFiles, Reporter};
use mizan::text::bidi::shown_path;
use std::path::{Path, PathBuf};
use std::sync::OnceLock;

/// How to read articles: encoding, which files, how strict, how much, and archive fields.
#[derive(Debug, Clone, clap::Args)]
pub struct Input {
    /// Encoding of the articles: utf-8, windows-1256, iso-8859-6, or auto (UTF-8, else
    /// windows-1256).
    /// [default: the desk's mizan.toml, else utf-8]
    #[arg(long, value_name = "NAME")]
    pub encoding: Option<String>,

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

    /// Where an article's outlet comes from: `metadata` (the archive's outlet field or the
    /// front matter's `outlet:`; an article with neither is its own outlet) or `folder` (the
    /// folder it is in). Facts count outlets, and pairs within one outlet corroborate nothing.
    #[arg(long, value_enum, default_value = "metadata", value_name = "FROM")]
    pub outlet_from: OutletSource,

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
    pub fn load_options(&self) -> anyhow::Result<LoadOptions> {
        Ok(LoadOptions {
            encoding: match &self.encoding {
                Some(name) => name.parse::<Encoding>()?,
                None => match desk()
                    .ok()
                    .flatten()
                    .and_then(|d| d.config.defaults.encoding.clone())
                {
                    Some(name) => name.parse::<Encoding>()?,
                    None => Encoding::Utf8,
                },
            },
            extensions: self
                .ext
                .iter()
                .map(|e| e.trim_start_matches('.').to_ascii_lowercase())
                .collect(),
            strict: self.strict,
            max_corpus_bytes: self.max_input.saturating_mul(1_000_000),
            outlet_from: match self.outlet_from {
                OutletSource::Metadata => OutletFrom::Metadata,
                OutletSource::Folder => OutletFrom::Folder,
            },
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

/// `--outlet-from`'s values.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum OutletSource {
    Metadata,
    Folder,
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
    /// Glossary file (default: the desk's, found by walking up to a mizan.toml or
    /// glossary.toml; else ./glossary.toml).
    #[arg(long, value_name = "FILE")]
    pub glossary: Option<PathBuf>,
}

/// How sentences are aligned: the threshold and the desk's decisions.
#[derive(Debug, Clone, clap::Args)]
pub struct Alignment {
    /// Align pairs scoring at least this (0 to 1; see docs/alignment.md) [default: the desk's
    /// mizan.toml, else 0.45].
    #[arg(long, value_name = "X")]
    pub threshold: Option<f64>,

    /// Decisions file (default: reviews.toml beside the glossary): rejected pairs are never
    /// aligned, accepted ones always are.
    #[arg(long, value_name = "FILE")]
    pub reviews: Option<PathBuf>,
}

impl Alignment {
    /// `--threshold` must be a similarity, 0 to 1.
    pub fn check(&self) -> anyhow::Result<()> {
        if let Some(t) = self.threshold
            && !(0.0..=1.0).contains(&t)
        {
            anyhow::bail!(super::UsageError(format!(
                "--threshold {t} is outside 0 to 1"
            )));
        }
        Ok(())
    }

    /// The threshold: the flag, else the desk's default, else mizan's.
    pub fn threshold(&self) -> anyhow::Result<f64> {
        Ok(match self.threshold {
            Some(t) => t,
            None => desk()?
                .and_then(|d| d.config.defaults.threshold)
                .unwrap_or(DEFAULT_THRESHOLD),
        })
    }
}

/// The desk folder this run works in (`mizan.toml` or `glossary.toml` at or above the
/// current folder), found once.
pub fn desk() -> anyhow::Result<Option<&'static Desk>> {
    static DESK: OnceLock<Option<Desk>> = OnceLock::new();
    if let Some(desk) = DESK.get() {
        return Ok(desk.as_ref());
    }
    let here = std::env::current_dir()?;
    let found = mizan::desk::find(&here)?.map(|mut desk| {
        // As the user sees paths: `glossary.toml` here, `../../glossary.toml` above.
        let up = here.components().count() - desk.root.components().count();
        desk.root = std::iter::repeat_n("..", up).collect();
        desk.config_file = desk
            .config_file
            .map(|f| desk.root.join(f.file_name().unwrap_or_default()));
        desk
    });
    Ok(DESK.get_or_init(|| found).as_ref())
}

/// The desk's files: those named by the flags, else by the desk's `mizan.toml`, else the
/// defaults in the desk's folder.
pub fn desk_files(
    glossary: &GlossaryFile,
    reviews: Option<&Path>,
    translations: Option<&Path>,
) -> anyhow::Result<DeskFiles> {
    let mut files = desk()?.map(Desk::files).unwrap_or_default();
    if let Some(g) = &glossary.glossary {
        files.glossary = Some(g.clone());
    }
    if let Some(r) = reviews {
        files.reviews = Some(r.to_path_buf());
    }
    if let Some(t) = translations {
        files.translations = Some(t.to_path_buf());
    }
    Ok(files)
}

/// The desk's files a run reads, for refusing an `-o` that names one: its configuration,
/// glossary, decisions and translations (those not there yet too, by path).
pub fn desk_inputs(files: &DeskFiles) -> anyhow::Result<Inputs> {
    let mut inputs = Inputs::default();
    if let Some(config) = desk()?.and_then(|d| d.config_file.as_ref()) {
        inputs.add(config, FileKind::DeskConfig);
    }
    inputs.add(&files.glossary_path(), FileKind::Glossary);
    inputs.add(&files.reviews_path(), FileKind::Reviews);
    inputs.add(&files.translations_path(), FileKind::Translations);
    Ok(inputs)
}

/// The files a run used, for `--timings`: the desk's folder and config, glossary, decisions
/// and translations (each marked when it does not exist yet).
pub fn files_used(files: &DeskFiles, translations: bool) -> anyhow::Result<Vec<String>> {
    let mark = |p: PathBuf| {
        let missing = if p.exists() { "" } else { " (none)" };
        format!("{}{missing}", shown_path(&p))
    };
    let mut lines = Vec::new();
    match desk()? {
        Some(d) => lines.push(format!(
            "desk: {}",
            shown_path(d.config_file.as_ref().unwrap_or(&d.root))
        )),
        None => lines.push("desk: none found (no mizan.toml or glossary.toml above here)".into()),
    }
    lines.push(format!("glossary: {}", mark(files.glossary_path())));
    lines.push(format!("reviews: {}", mark(files.reviews_path())));
    if translations {
        lines.push(format!("translations: {}", mark(files.translations_path())));
    }
    Ok(lines)
}

/// The glossary file: `--glossary FILE`, else the desk's.
pub fn glossary_path(flag: Option<&Path>) -> anyhow::Result<PathBuf> {
    Ok(glossary_files(flag)?.glossary_path())
}

/// Load the glossary the command needs, with an error that says how to get one when there is
/// none.
pub fn load_glossary(flag: Option<&Path>) -> anyhow::Result<(PathBuf, Glossary)> {
    let files = glossary_files(flag)?;
    Ok((files.glossary_path(), files.glossary()?))
}

fn glossary_files(flag: Option<&Path>) -> anyhow::Result<DeskFiles> {
    desk_files(
        &GlossaryFile {
            glossary: flag.map(Path::to_path_buf),
        },
        None,
        None,
    )
}
