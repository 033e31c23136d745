//! `mizan align`: sentences of different articles that report the same fact.

use super::input::{Articles, NoGlossary, load_glossary};
use super::output::{Format, finish, stdout};
use super::progress::{self, Stage, Stages};
use mizan::align::{self, DEFAULT_THRESHOLD, Options, Sentence};
use mizan::corpus::Corpus;
use mizan::glossary::Matcher;
use mizan::text::bidi::make_visible;
use mizan::text::{SentenceKind, segment_from};
use serde::Serialize;
use std::io::Write;
use std::path::PathBuf;

/// Find sentences of different articles that report the same fact (near-duplicates), scored
/// and grouped into clusters.
///
/// Figures compare by value (٨ = 8 = ثمانية), spellings of one glossary entry are one word,
/// clitics are peeled, rare words weigh more than common ones and attribution ("وقال",
/// "بحسب") weighs little. Each pair has an id that stays the same across runs, for review.
#[derive(Debug, clap::Args)]
#[command(after_help = "Examples:\n  mizan align examples/kazakhstan\n  \
    mizan align --format jsonl --threshold 0.5 articles/")]
pub struct Args {
    #[command(flatten)]
    articles: Articles,

    /// Align pairs scoring at least this (0 to 1; see docs/alignment.md).
    #[arg(long, default_value_t = DEFAULT_THRESHOLD, value_name = "X")]
    threshold: f64,

    /// Glossary file (default: ./glossary.toml if there is one): its spellings count as one.
    #[arg(long, value_name = "FILE")]
    glossary: Option<PathBuf>,

    /// Decisions file (default: reviews.toml beside the glossary): rejected pairs are never
    /// aligned, accepted ones always are.
    #[arg(long, value_name = "FILE")]
    reviews: Option<PathBuf>,

    /// `text` for reading, `jsonl` for tools:
    /// {"id","score","cluster","a":{"doc","index","text"},"b":{...}}.
    #[arg(long, value_enum, default_value = "text")]
    format: Format,

    #[command(flatten)]
    progress: progress::Flags,
}

/// One sentence of a pair, as the JSON-lines contract gives it.
#[derive(Serialize)]
pub(super) struct Side<'a> {
    pub doc: &'a str,
    pub index: usize,
    pub text: &'a str,
}

/// `--threshold` must be a similarity, 0 to 1.
pub(super) fn check_threshold(threshold: f64) -> anyhow::Result<()> {
    if !(0.0..=1.0).contains(&threshold) {
        anyhow::bail!(super::UsageError(format!(
            "--threshold {threshold} is outside 0 to 1"
        )));
    }
    Ok(())
}

#[derive(Serialize)]
struct Line<'a> {
    id: &'a str,
    score: f64,
    cluster: usize,
    a: Side<'a>,
    b: Side<'a>,
}

/// Every article's sentences, segmented on every core; `stage` counts the articles done.
pub(super) fn segment_all(
    corpus: &Corpus,
    stage: Option<&Stage>,
) -> Vec<Vec<mizan::text::Sentence>> {
    mizan::parallel::map(&corpus.documents, |doc| {
        let sentences = segment_from(&doc.text, doc.body_start);
        if let Some(stage) = stage {
            stage.inc(1);
        }
        sentences
    })
}

/// The sentences that report something (not bylines or metadata), for aligning.
pub(super) fn reporting_sentences<'c>(
    corpus: &'c Corpus,
    segmented: &[Vec<mizan::text::Sentence>],
) -> Vec<Sentence<'c>> {
    let mut sentences = Vec::new();
    for (d, (doc, segs)) in corpus.documents.iter().zip(segmented).enumerate() {
        for (index, s) in segs.iter().enumerate() {
            if matches!(s.kind, SentenceKind::Body | SentenceKind::Headline) {
                sentences.push(Sentence {
                    doc: d,
                    index,
                    text: s.span.slice(&doc.text),
                });
            }
        }
    }
    sentences
}

/// The glossary's matcher, if there is a glossary (`--glossary`, or `./glossary.toml`).
pub(super) fn optional_glossary(
    flag: Option<&std::path::Path>,
) -> anyhow::Result<Option<mizan::glossary::Glossary>> {
    match load_glossary(flag) {
        Ok((_, g)) => Ok(Some(g)),
        Err(e) if e.downcast_ref::<NoGlossary>().is_some() => Ok(None),
        Err(e) => Err(e),
    }
}

pub fn run(args: Args) -> anyhow::Result<()> {
    check_threshold(args.threshold)?;
    let glossary = optional_glossary(args.glossary.as_deref())?;
    let matcher = glossary.as_ref().map(Matcher::new);
    let mut stages = Stages::new(args.progress);
    let corpus = stages.run("read", None, |_| args.articles.load())?;
    let segmented = stages.run("segment", Some(corpus.documents.len() as u64), |stage| {
        segment_all(&corpus, Some(stage))
    });
    let sentences = reporting_sentences(&corpus, &segmented);
    let reviews = mizan::review::decisions::load(&super::review::reviews_path(
        args.reviews.as_deref(),
        args.glossary.as_deref(),
    ))?;
    let options = Options {
        threshold: args.threshold,
        accepted: reviews.with_verdict(mizan::review::Verdict::Accept),
        rejected: reviews.with_verdict(mizan::review::Verdict::Reject),
        ..Options::default()
    };
    let result = stages.run("align", None, |_| {
        align::align(&sentences, matcher.as_ref(), &options)
    });
    let mut out = stdout();
    let side = |s: usize| {
        let sentence = &sentences[s];
        Side {
            doc: &corpus.documents[sentence.doc].id,
            index: sentence.index,
            text: sentence.text,
        }
    };
    match args.format {
        Format::Jsonl => {
            for p in &result.pairs {
                let mut json = serde_json::to_vec(&Line {
                    id: &p.id,
                    score: (p.score * 1000.0).round() / 1000.0,
                    cluster: p.cluster,
                    a: side(p.a),
                    b: side(p.b),
                })?;
                json.push(b'\n');
                out.write_all(&json)?;
            }
        }
        Format::Text => {
            writeln!(
                out,
                "{} pairs in {} clusters ({} sentences of {} articles, threshold {})",
                result.pairs.len(),
                result.clusters.len(),
                sentences.len(),
                corpus.documents.len(),
                args.threshold
            )?;
            for (c, members) in result.clusters.iter().enumerate() {
                let articles: std::collections::BTreeSet<usize> =
                    members.iter().map(|&s| sentences[s].doc).collect();
                writeln!(
                    out,
                    "\ncluster {c}: {} sentences, {} articles",
                    members.len(),
                    articles.len()
                )?;
                for &s in members {
                    let sd = side(s);
                    let text = sd.text.split_whitespace().collect::<Vec<_>>().join(" ");
                    writeln!(out, "  {}#{}\t{}", sd.doc, sd.index, make_visible(&text))?;
                }
                for p in result.pairs.iter().filter(|p| p.cluster == c) {
                    let (a, b) = (side(p.a), side(p.b));
                    writeln!(
                        out,
                        "    {:.2}  {}#{} ~ {}#{}  id {}",
                        p.score, a.doc, a.index, b.doc, b.index, p.id
                    )?;
                }
            }
        }
    }
    finish(out)?;
    stages.report();
    Ok(())
}
