//! `mizan glossary`: list, edit, check, suggest, import and export the desk's glossary.

use super::input::{Articles, GlossaryFile, desk, glossary_path, load_glossary};
use super::output::{choose_format, finish, output_file, say, stdout, wrote};
use anyhow::Context;
use clap::{Subcommand, ValueEnum};
use mizan::FileKind;
use mizan::files::Inputs;
use mizan::glossary::check::check;
use mizan::glossary::edit::{self, AddOptions, Added};
use mizan::glossary::layout::term_lines;
use mizan::glossary::{Glossary, Matcher};
use mizan::interchange::{self, Format as Exchange};
use mizan::suggest::{SuggestOptions, suggest};
use mizan::text::bidi::make_visible;
use mizan::text::bidi::shown_path;
use serde::Serialize;
use std::io::Write;
use std::path::{Path, PathBuf};

/// The desk's glossary (glossary.toml): list, add, rm, check, suggest, import, export.
///
/// Edits keep the file's comments, blank lines and order, and are written atomically under a
/// lock, so the file can also be edited by hand.
#[derive(Debug, clap::Args)]
pub struct Args {
    #[command(subcommand)]
    command: Command,
}

#[derive(Debug, Subcommand)]
enum Command {
    /// Print the entries.
    List {
        #[command(flatten)]
        file: GlossaryFile,
        /// `text` for reading, `jsonl` for tools (one entry per line).
        #[arg(long, value_enum, default_value = "text")]
        format: ListFormat,
    },
    /// Add an entry, or a spelling of an existing entry (--variant-of).
    #[command(
        after_help = "Examples:\n  mizan glossary add بنغازي Benghazi --kind place\n  \
        mizan glossary add \"ألما آتا\" \"\" --variant-of ألماتي\n  \
        mizan glossary add منظمة_الصحة \"WHO\" --variant \"منظمة الصحة العالمية\" --glossary my.toml"
    )]
    Add {
        /// The Arabic headword, as usually written.
        ar: String,
        /// The English used in briefings (may be empty with --variant-of).
        en: String,
        /// person, place, org, event, term (or any word the desk uses).
        #[arg(long)]
        kind: Option<String>,
        /// Another spelling of the same entry (repeat for several).
        #[arg(long = "variant", value_name = "SPELLING")]
        variants: Vec<String>,
        /// A note for the desk.
        #[arg(long)]
        note: Option<String>,
        /// Add AR as a spelling of this existing entry (found by any of its spellings).
        #[arg(long, value_name = "ENTRY")]
        variant_of: Option<String>,
        #[command(flatten)]
        file: GlossaryFile,
    },
    /// Remove the entry with this headword (or spelling).
    Rm {
        ar: String,
        #[command(flatten)]
        file: GlossaryFile,
    },
    /// Report colliding spellings, spellings shared by two entries, empty fields, hidden or
    /// reordering characters, separators the exchange formats cannot carry (exits 1 when
    /// there is any), and note unknown kinds and redundant variants.
    Check {
        #[command(flatten)]
        file: GlossaryFile,
    },
    /// Rank words and phrases the glossary does not cover by how many articles use them, and
    /// group spellings that look like variants of one name.
    Suggest {
        #[command(flatten)]
        articles: Articles,
        #[command(flatten)]
        file: GlossaryFile,
        /// Only phrases used by at least this many articles.
        #[arg(long, default_value_t = 2)]
        min_articles: usize,
        /// How many phrases to list.
        #[arg(long, default_value_t = 50)]
        limit: usize,
    },
    /// Add the entries of a TSV, CSV or TBX file (entries whose spelling is already in the
    /// glossary are skipped and listed).
    Import {
        /// The file to read (format from its extension unless --format).
        input: PathBuf,
        #[arg(long, value_enum)]
        format: Option<ExchangeFormat>,
        #[command(flatten)]
        file: GlossaryFile,
    },
    /// Write the glossary as TSV, CSV or TBX-Basic (for CAT tools such as OmegaT).
    Export {
        /// [default: from -o FILE's extension (.tsv, .csv, .tbx), else tsv]
        #[arg(long, value_enum)]
        format: Option<ExchangeFormat>,
        /// Write to this file (atomically; `-` is stdout) instead of stdout; the glossary
        /// itself is refused.
        #[arg(short, long, value_name = "FILE")]
        output: Option<PathBuf>,
        /// Do not say on stderr which file was written.
        #[arg(short, long)]
        quiet: bool,
        #[command(flatten)]
        file: GlossaryFile,
    },
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
enum ListFormat {
    Text,
    Jsonl,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
enum ExchangeFormat {
    Tsv,
    Csv,
    Tbx,
}

impl From<ExchangeFormat> for Exchange {
    fn from(f: ExchangeFormat) -> Exchange {
        match f {
            ExchangeFormat::Tsv => Exchange::Tsv,
            ExchangeFormat::Csv => Exchange::Csv,
            ExchangeFormat::Tbx => Exchange::Tbx,
        }
    }
}

/// Problems found by `glossary check`, for the exit code.
#[derive(Debug)]
pub struct CheckFailed(pub usize);

impl std::fmt::Display for CheckFailed {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "the glossary has {} problem(s)", self.0)
    }
}

impl std::error::Error for CheckFailed {}

pub fn run(args: Args) -> anyhow::Result<()> {
    match args.command {
        Command::List { file, format } => list(file.glossary.as_deref(), format),
        Command::Add {
            ar,
            en,
            kind,
            variants,
            note,
            variant_of,
            file,
        } => {
            let path = glossary_path(file.glossary.as_deref())?;
            let options = AddOptions {
                kind,
                variants,
                note,
                variant_of,
            };
            match edit::add(&path, &ar, &en, &options)? {
                Added::Entry => say!("{}: added '{ar}' ({en})", shown_path(&path)),
                Added::VariantOf { headword } => {
                    say!(
                        "{}: added '{ar}' as a spelling of '{headword}'",
                        shown_path(&path)
                    )
                }
            }
            Ok(())
        }
        Command::Rm { ar, file } => {
            let path = glossary_path(file.glossary.as_deref())?;
            let removed = edit::rm(&path, &ar)?;
            say!(
                "{}: removed '{}' ({})",
                shown_path(&path),
                removed.ar,
                removed.en
            );
            Ok(())
        }
        Command::Check { file } => run_check(file.glossary.as_deref()),
        Command::Suggest {
            articles,
            file,
            min_articles,
            limit,
        } => run_suggest(&articles, file.glossary.as_deref(), min_articles, limit),
        Command::Import {
            input,
            format,
            file,
        } => {
            let format = exchange_format(format, &input)?;
            let text = std::fs::read_to_string(&input)
                .with_context(|| format!("cannot read {}", shown_path(&input)))?;
            let imported = interchange::import(&text, format, &input)?;
            let path = glossary_path(file.glossary.as_deref())?;
            if let Some(meta) = &imported.meta
                && !path.exists()
            {
                // A new glossary takes the imported description too (TBX carries one).
                #[derive(Serialize)]
                struct Header<'a> {
                    meta: &'a mizan::glossary::Meta,
                }
                let text = format!(
                    "{}\n{}",
                    edit::NEW_FILE_HEADER,
                    toml::to_string(&Header { meta })?
                );
                edit::write_atomically(&path, &text)?;
            }
            let (added, skipped) = edit::add_many(&path, &imported.terms)?;
            // One line per entry, whatever its fields hold.
            let one_line = |s: &str| {
                make_visible(&s.replace('\t', "\\t").replace(['\r', '\n'], "\\n")).into_owned()
            };
            for (entry, reason) in &skipped {
                say!(
                    "skipped '{}' ({}): {reason}",
                    one_line(&entry.ar),
                    one_line(&entry.en)
                );
            }
            say!(
                "{}: {added} entr{} added from {}, {} skipped",
                shown_path(&path),
                if added == 1 { "y" } else { "ies" },
                shown_path(&input),
                skipped.len()
            );
            Ok(())
        }
        Command::Export {
            format,
            output,
            quiet,
            file,
        } => {
            let output = output_file(output.as_deref());
            let format = choose_format(
                format,
                output,
                |file| {
                    let named = Exchange::from_path(file)?;
                    ExchangeFormat::value_variants()
                        .iter()
                        .copied()
                        .find(|f| Exchange::from(*f) == named)
                },
                ExchangeFormat::Tsv,
            )?;
            let (path, glossary) = load_glossary(file.glossary.as_deref())?;
            if let Some(output) = output {
                mizan::files::check_writable(output)?;
                let mut inputs = Inputs::default();
                if let Some(config) = desk()?.and_then(|d| d.config_file.as_ref()) {
                    inputs.add(config, FileKind::DeskConfig);
                }
                inputs.add(&path, FileKind::Glossary);
                inputs.check(output)?;
            }
            let text = interchange::export(&glossary, format.into())?;
            match output {
                Some(path) => {
                    edit::write_atomically(path, &text)?;
                    wrote(path, quiet);
                }
                None => {
                    let mut out = stdout();
                    out.write_all(text.as_bytes())?;
                    finish(out)?;
                }
            }
            Ok(())
        }
    }
}

fn exchange_format(flag: Option<ExchangeFormat>, input: &Path) -> anyhow::Result<Exchange> {
    match flag {
        Some(f) => Ok(f.into()),
        None => Exchange::from_path(input).with_context(|| {
            format!(
                "{}: cannot tell the format from the extension; pass --format tsv, csv or tbx",
                shown_path(input)
            )
        }),
    }
}

#[derive(Serialize)]
struct ListLine<'a> {
    ar: &'a str,
    en: &'a str,
    kind: Option<&'a str>,
    variants: &'a [String],
    note: Option<&'a str>,
}

fn list(flag: Option<&Path>, format: ListFormat) -> anyhow::Result<()> {
    let (_, glossary) = load_glossary(flag)?;
    let mut out = stdout();
    for e in &glossary.terms {
        match format {
            ListFormat::Jsonl => {
                let line = ListLine {
                    ar: &e.ar,
                    en: &e.en,
                    kind: e.kind.as_deref(),
                    variants: &e.variants,
                    note: e.note.as_deref(),
                };
                let mut json = serde_json::to_vec(&line)?;
                json.push(b'\n');
                out.write_all(&json)?;
            }
            ListFormat::Text => {
                let kind = e
                    .kind
                    .as_deref()
                    .map(|k| format!(" [{k}]"))
                    .unwrap_or_default();
                let variants = if e.variants.is_empty() {
                    String::new()
                } else {
                    format!("  (also: {})", e.variants.join("، "))
                };
                writeln!(out, "{} → {}{kind}{variants}", e.ar, e.en)?;
            }
        }
    }
    finish(out)
}

fn run_check(flag: Option<&Path>) -> anyhow::Result<()> {
    let (path, glossary) = load_glossary(flag)?;
    let text = std::fs::read_to_string(&path).unwrap_or_default();
    let lines = term_lines(&text);
    let problems = check(&glossary);
    let mut errors = 0;
    for p in &problems {
        let entry_lines: Vec<usize> = p
            .entries()
            .iter()
            .filter_map(|&e| lines.get(e).copied())
            .collect();
        let line = entry_lines.first().copied().unwrap_or(1);
        let also = if entry_lines.len() > 1 {
            let rest: Vec<String> = entry_lines[1..].iter().map(|l| l.to_string()).collect();
            format!(" (see also line {})", rest.join(", "))
        } else {
            String::new()
        };
        let level = if p.is_error() {
            errors += 1;
            "error"
        } else {
            "note"
        };
        say!(
            "{}:{line}:1: {level}: {}{also}",
            shown_path(&path),
            p.describe(&glossary)
        );
    }
    if errors > 0 {
        return Err(CheckFailed(errors).into());
    }
    say!(
        "{}: {} entr{}, no problems{}",
        shown_path(&path),
        glossary.terms.len(),
        if glossary.terms.len() == 1 {
            "y"
        } else {
            "ies"
        },
        if problems.is_empty() {
            ""
        } else {
            " (see the notes)"
        }
    );
    Ok(())
}

fn run_suggest(
    articles: &Articles,
    flag: Option<&Path>,
    min_articles: usize,
    limit: usize,
) -> anyhow::Result<()> {
    let glossary = match load_glossary(flag) {
        Ok((_, g)) => g,
        Err(e)
            if e.downcast_ref::<mizan::Error>()
                .is_some_and(|e| e.kind() == &mizan::error::ErrorKind::NoGlossary) =>
        {
            Glossary::default()
        }
        Err(e) => return Err(e),
    };
    let corpus = articles.load()?;
    let matcher = Matcher::new(&glossary);
    let options = SuggestOptions {
        min_articles,
        limit,
        ..SuggestOptions::default()
    };
    let found = suggest(&corpus.documents, &glossary, &matcher, &options);
    let mut out = stdout();
    writeln!(
        out,
        "Uncovered words and phrases, by the number of articles using them:"
    )?;
    for s in &found.phrases {
        writeln!(
            out,
            "  {:3} articles  {:3}×  {}",
            s.articles, s.occurrences, s.phrase
        )?;
    }
    if !found.variant_groups.is_empty() {
        writeln!(out, "\nSpellings that may be variants of one name:")?;
        for g in &found.variant_groups {
            let spellings = g
                .spellings
                .iter()
                .map(|(s, n)| format!("{s} ({n})"))
                .collect::<Vec<_>>()
                .join(" / ");
            let covered = g
                .covered_by
                .map(|e| {
                    format!(
                        "  — in the glossary as '{}' ({})",
                        glossary.terms[e].ar, glossary.terms[e].en
                    )
                })
                .unwrap_or_default();
            writeln!(out, "  {spellings}{covered}")?;
        }
    }
    finish(out)
}
