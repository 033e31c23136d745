//! `mizan review`: aligned pairs as word diffs, and the desk's decisions about them.

use super::align::{check_threshold, optional_glossary, reporting_sentences, segment_all};
use super::input::{Articles, glossary_path};
use super::output::{finish, stdout};
use clap::ValueEnum;
use mizan::align::{self, DEFAULT_THRESHOLD, Options, Sentence, combine, sentence_hash};
use mizan::glossary::Matcher;
use mizan::review::{self, Change, ReviewedPair, Reviews, Side, Verdict};
use std::io::{IsTerminal, Write};
use std::path::{Path, PathBuf};

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

    #[arg(long, default_value = "utf-8", value_name = "NAME", hide = true)]
    encoding: String,

    #[arg(
        long,
        default_value = "txt,md,jsonl",
        value_delimiter = ',',
        hide = true
    )]
    ext: Vec<String>,

    /// `text` (coloured on a terminal unless NO_COLOR), `markdown` (right-to-left safe HTML
    /// blocks), `jsonl` for tools.
    #[arg(long, value_enum, default_value = "text")]
    format: ReviewFormat,

    /// Align pairs scoring at least this.
    #[arg(long, default_value_t = DEFAULT_THRESHOLD, value_name = "X")]
    threshold: f64,

    /// Glossary file (default: ./glossary.toml if there is one).
    #[arg(long, value_name = "FILE")]
    glossary: Option<PathBuf>,

    /// Decisions file (default: reviews.toml beside the glossary).
    #[arg(long, value_name = "FILE")]
    reviews: Option<PathBuf>,

    /// Accept the pair with this id: it is aligned whatever its score.
    #[arg(long, value_name = "ID", conflicts_with = "reject")]
    accept: Option<String>,

    /// Reject the pair with this id: it is never aligned.
    #[arg(long, value_name = "ID")]
    reject: Option<String>,

    /// Attach a note to the pair with this id.
    #[arg(long, num_args = 2, value_names = ["ID", "TEXT"])]
    note: Vec<String>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
enum ReviewFormat {
    Text,
    Markdown,
    Jsonl,
}

/// The reviews file for a glossary flag: beside the glossary.
pub fn reviews_path(reviews: Option<&Path>, glossary: Option<&Path>) -> PathBuf {
    if let Some(path) = reviews {
        return path.to_path_buf();
    }
    let glossary = glossary_path(glossary);
    match glossary.parent() {
        Some(dir) if !dir.as_os_str().is_empty() => dir.join("reviews.toml"),
        _ => PathBuf::from("reviews.toml"),
    }
}

pub fn run(args: Args) -> anyhow::Result<()> {
    check_threshold(args.threshold)?;
    let path = reviews_path(args.reviews.as_deref(), args.glossary.as_deref());
    let recording = args.accept.is_some() || args.reject.is_some() || !args.note.is_empty();
    if recording {
        return record(&args, &path);
    }
    if args.paths.is_empty() {
        anyhow::bail!(super::UsageError(
            "give the articles to review (PATH...), or --accept/--reject/--note ID".into()
        ));
    }
    show(&args, &path)
}

fn articles(args: &Args) -> Articles {
    Articles {
        paths: args.paths.clone(),
        encoding: args.encoding.clone(),
        ext: args.ext.clone(),
        strict: false,
        max_input: mizan::corpus::DEFAULT_MAX_CORPUS_BYTES / 1_000_000,
        text_field: None,
        title_field: None,
        outlet_field: None,
        date_field: None,
        id_field: None,
    }
}

fn check_id(id: &str) -> anyhow::Result<()> {
    if id.len() != 16 || !id.bytes().all(|b| b.is_ascii_hexdigit()) {
        anyhow::bail!(super::UsageError(format!(
            "'{id}' is not a pair id (16 hex digits, as `mizan align` prints them)"
        )));
    }
    Ok(())
}

/// Record --accept, --reject and --note.
fn record(args: &Args, path: &Path) -> anyhow::Result<()> {
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
    // With the articles at hand, the two sentences are written beside the id for people.
    let corpus = if args.paths.is_empty() {
        None
    } else {
        Some(articles(args).load()?)
    };
    let segmented = corpus.as_ref().map(|c| segment_all(c, None));
    let sentences: Vec<Sentence> = match (&corpus, &segmented) {
        (Some(c), Some(s)) => reporting_sentences(c, s),
        _ => Vec::new(),
    };
    let hashes: Vec<u64> = sentences.iter().map(|s| sentence_hash(s.text)).collect();
    for (id, mut change) in changes {
        check_id(&id)?;
        change.texts = find_pair(&sentences, &hashes, &id)
            .map(|(a, b)| (sentences[a].text.to_string(), sentences[b].text.to_string()));
        review::decisions::record(path, &id, change.clone())?;
        let what = match (change.verdict, &change.note) {
            (Some(Verdict::Accept), _) => "accepted",
            (Some(Verdict::Reject), _) => "rejected",
            (None, _) => "noted",
        };
        eprintln!("{}: {what} {id}", path.display());
    }
    Ok(())
}

/// The two sentences (of different articles) whose pair has this id.
fn find_pair(sentences: &[Sentence], hashes: &[u64], id: &str) -> Option<(usize, usize)> {
    (0..sentences.len()).find_map(|a| {
        (a + 1..sentences.len())
            .find(|&b| sentences[a].doc != sentences[b].doc && combine(hashes[a], hashes[b]) == id)
            .map(|b| (a, b))
    })
}

/// Show every aligned pair as a word diff.
fn show(args: &Args, path: &Path) -> anyhow::Result<()> {
    let reviews: Reviews = review::decisions::load(path)?;
    let glossary = optional_glossary(args.glossary.as_deref())?;
    let matcher = glossary.as_ref().map(Matcher::new);
    let corpus = articles(args).load()?;
    let segmented = segment_all(&corpus, None);
    let sentences = reporting_sentences(&corpus, &segmented);
    let options = Options {
        threshold: args.threshold,
        accepted: reviews.with_verdict(Verdict::Accept),
        rejected: reviews.with_verdict(Verdict::Reject),
        ..Options::default()
    };
    let result = align::align(&sentences, matcher.as_ref(), &options);
    let diffs = mizan::parallel::map(&result.pairs, |p| {
        review::diff(sentences[p.a].text, sentences[p.b].text, matcher.as_ref())
    });
    let color = args.format == ReviewFormat::Text
        && std::io::stdout().is_terminal()
        && std::env::var_os("NO_COLOR").is_none_or(|v| v.is_empty());
    let mut out = stdout();
    let side = |s: usize| {
        let sentence = &sentences[s];
        Side {
            doc: &corpus.documents[sentence.doc].id,
            index: sentence.index,
            text: sentence.text,
        }
    };
    let markdown = review::render::Markdown::new();
    if args.format == ReviewFormat::Markdown {
        out.write_all(markdown.heading(result.pairs.len())?.as_bytes())?;
    }
    for (p, d) in result.pairs.iter().zip(&diffs) {
        let decision = reviews.get(&p.id);
        let pair = ReviewedPair {
            id: &p.id,
            score: (p.score * 1000.0).round() / 1000.0,
            cluster: p.cluster,
            verdict: decision.and_then(|d| d.verdict),
            note: decision.and_then(|d| d.note.as_deref()),
            a: side(p.a),
            b: side(p.b),
            diff: &d.ops,
            callouts: &d.callouts,
        };
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
