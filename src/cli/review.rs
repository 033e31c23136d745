//! `mizan review`: aligned pairs as word diffs, and the desk's decisions about them.

use super::input::{self, Alignment, GlossaryFile, Input};
use super::output::{finish, say, stdout};
use super::progress::Stages;
use clap::ValueEnum;
use mizan::glossary::Matcher;
use mizan::pipeline;
use mizan::review::{self, Change, Verdict};
use mizan::text::bidi::make_visible;
use mizan::text::bidi::shown_path;
use std::io::{IsTerminal, Write};
use std::path::PathBuf;

/// Review aligned pairs as word-level diffs, with what differs called out (a figure, a
/// spelling, a clause only one source has), and record decisions: --accept, --reject, --note.
///
/// Decisions are kept in the reviews file (default: reviews.toml beside the glossary) and
/// honoured by align and brief: a rejected pair is never paired, an accepted pair always is.
#[derive(Debug, clap::Args)]
#[command(after_help = "Examples:\n  mizan review examples/kazakhstan\n  \
    mizan review --format markdown examples/kazakhstan > review.md\n  \
    mizan review --accept 32bb62cedd221d6a examples/kazakhstan\n  \
    mizan review --note 32bb62cedd221d6a \"same Interfax quote\"")]
pub struct Args {
    /// Article files or folders (needed to show pairs; optional when only recording).
    #[arg(value_name = "PATH")]
    paths: Vec<PathBuf>,

    #[command(flatten)]
    input: Input,

    /// `text` (coloured on a terminal unless NO_COLOR), `markdown` (right-to-left safe HTML
    /// blocks), `jsonl` for tools.
    #[arg(long, value_enum, default_value = "text")]
    format: ReviewFormat,

    #[command(flatten)]
    alignment: Alignment,

    #[command(flatten)]
    glossary: GlossaryFile,

    /// Accept the pair with this id: it is aligned whatever its score.
    #[arg(long, value_name = "ID", conflicts_with = "reject")]
    accept: Option<String>,

    /// Reject the pair with this id: it is never aligned.
    #[arg(long, value_name = "ID")]
    reject: Option<String>,

    /// Attach a note to the pair with this id.
    #[arg(long, num_args = 2, value_names = ["ID", "TEXT"])]
    note: Vec<String>,

    /// Record the decision even when the id is not among the pairs of the articles given.
    #[arg(long)]
    force: bool,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
enum ReviewFormat {
    Text,
    Markdown,
    Jsonl,
}

pub fn run(args: Args) -> anyhow::Result<()> {
    args.alignment.check()?;
    let desk = input::desk_files(&args.glossary, args.alignment.reviews.as_deref(), None)?;
    let recording = args.accept.is_some() || args.reject.is_some() || !args.note.is_empty();
    if recording {
        return record(&args, &desk);
    }
    if args.paths.is_empty() {
        anyhow::bail!(super::UsageError(
            "give the articles to review (PATH...), or --accept/--reject/--note ID".into()
        ));
    }
    show(&args, &desk)
}

/// The id as `mizan align` prints it (lowercase), or a usage error.
fn check_id(id: &str) -> anyhow::Result<String> {
    if id.len() != 16 || !id.bytes().all(|b| b.is_ascii_hexdigit()) {
        anyhow::bail!(super::UsageError(format!(
            "'{id}' is not a pair id (16 hex digits, as `mizan align` prints them)"
        )));
    }
    Ok(id.to_ascii_lowercase())
}

/// Record --accept, --reject and --note.
fn record(args: &Args, desk: &pipeline::DeskFiles) -> anyhow::Result<()> {
    let mut changes: Vec<(String, Change)> = Vec::new();
    for (id, verdict) in [
        (&args.accept, Verdict::Accept),
        (&args.reject, Verdict::Reject),
    ] {
        if let Some(id) = id {
            changes.push((
                id.clone(),
                Change {
                    verdict: Some(verdict),
                    ..Change::default()
                },
            ));
        }
    }
    if let [id, text] = args.note.as_slice() {
        match changes.iter_mut().find(|(i, _)| i == id) {
            Some((_, change)) => change.note = Some(text.clone()),
            None => changes.push((
                id.clone(),
                Change {
                    note: Some(text.clone()),
                    ..Change::default()
                },
            )),
        }
    }
    for (id, _) in &mut changes {
        *id = check_id(id)?;
    }
    // `--accept X --note x ...` is one change to one pair.
    let mut merged: Vec<(String, Change)> = Vec::new();
    for (id, change) in changes {
        match merged.iter_mut().find(|(i, _)| *i == id) {
            Some((_, existing)) => {
                existing.verdict = existing.verdict.or(change.verdict);
                existing.note = existing.note.take().or(change.note);
            }
            None => merged.push((id, change)),
        }
    }
    let changes = merged;
    // With the articles at hand, the id is checked and the two sentences are written beside
    // it for people: the articles are aligned as `review` shows them, with the ids being
    // decided counted as accepted, and the pairs with those ids are looked up. An id that is
    // none of them is most likely a typo or another desk's pair: refused unless --force.
    let path = desk.reviews_path();
    let texts: Vec<Option<(String, String)>> = if args.paths.is_empty() {
        for (id, _) in &changes {
            say!("note: pair {id} could not be checked (no articles given); recorded as given");
        }
        vec![None; changes.len()]
    } else {
        let glossary = desk.optional_glossary()?;
        let matcher = glossary.as_ref().map(Matcher::new);
        let corpus = args.input.read(&args.paths, &Stages::quiet())?;
        let mut options = pipeline::align_options(args.alignment.threshold()?, &desk.reviews()?);
        for (id, _) in &changes {
            options.rejected.remove(id);
            options.accepted.insert(id.clone());
        }
        let analysis = pipeline::analyse(&corpus, matcher.as_ref(), &options, &pipeline::Silent);
        changes
            .iter()
            .map(|(id, _)| {
                analysis.pair(id).map(|p| {
                    (
                        analysis.sentences[p.a].text.to_string(),
                        analysis.sentences[p.b].text.to_string(),
                    )
                })
            })
            .collect::<Vec<_>>()
    };
    for ((id, _), texts) in changes.iter().zip(&texts) {
        if texts.is_some() || args.paths.is_empty() {
            continue;
        }
        if !args.force {
            anyhow::bail!(super::UsageError(format!(
                "pair {id} is not among the pairs of these articles; check the id (`mizan \
                 align` prints them), or pass --force to record it anyway"
            )));
        }
        say!("note: pair {id} is not among the pairs of these articles; recorded (--force)");
    }
    for ((id, mut change), texts) in changes.into_iter().zip(texts) {
        change.texts = texts;
        let before = review::decisions::record(&path, &id, change.clone())?;
        let what = match change.verdict {
            Some(Verdict::Accept) => "accepted",
            Some(Verdict::Reject) => "rejected",
            Some(_) => "decided",
            None => "noted",
        };
        // A pair has one note; the one it replaces is said, so it is not lost unseen.
        let replaced = before
            .and_then(|d| d.note)
            .filter(|old| change.note.as_ref().is_some_and(|new| new != old))
            .map(|old| {
                format!(
                    " (this note replaces the earlier note \"{}\")",
                    make_visible(&old)
                )
            })
            .unwrap_or_default();
        say!("{}: {what} {id}{replaced}", shown_path(&path));
    }
    Ok(())
}

/// Show every aligned pair as a word diff.
fn show(args: &Args, desk: &pipeline::DeskFiles) -> anyhow::Result<()> {
    let reviews = desk.reviews()?;
    let glossary = desk.optional_glossary()?;
    let matcher = glossary.as_ref().map(Matcher::new);
    let corpus = args.input.read(&args.paths, &Stages::quiet())?;
    let options = pipeline::align_options(args.alignment.threshold()?, &reviews);
    let analysis = pipeline::analyse(&corpus, matcher.as_ref(), &options, &pipeline::Silent);
    let diffs = analysis.diffs(matcher.as_ref());
    let color = args.format == ReviewFormat::Text
        && std::io::stdout().is_terminal()
        && std::env::var_os("NO_COLOR").is_none_or(|v| v.is_empty());
    let mut out = stdout();
    let markdown = review::render::Markdown::new();
    if args.format == ReviewFormat::Markdown {
        out.write_all(markdown.heading(diffs.len())?.as_bytes())?;
    }
    for pair in analysis.reviewed(&diffs, &reviews) {
        match args.format {
            ReviewFormat::Jsonl => {
                let mut json = serde_json::to_vec(&pair)?;
                json.push(b'\n');
                out.write_all(&json)?;
            }
            ReviewFormat::Text => out.write_all(review::render::text(&pair, color).as_bytes())?,
            ReviewFormat::Markdown => out.write_all(markdown.pair(&pair)?.as_bytes())?,
        }
    }
    finish(out)
}
