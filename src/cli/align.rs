//! `mizan align`: sentences of different articles that report the same fact.

use super::input::{self, Alignment, Articles, GlossaryFile};
use super::output::{Format, finish, stdout};
use super::progress::{self, Stages};
use mizan::align::{Relation, Side};
use mizan::glossary::Matcher;
use mizan::pipeline;
use mizan::text::bidi::{make_visible, shown_name};
use serde::Serialize;
use std::io::Write;

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

    #[command(flatten)]
    alignment: Alignment,

    #[command(flatten)]
    glossary: GlossaryFile,

    /// `text` for reading, `jsonl` for tools: {"id","score","cluster","relation",
    /// "same_outlet","a":{"doc","index","text"},"b":{...}}; relation is "full" or "partial"
    /// (one sentence all but wholly inside the other).
    #[arg(long, value_enum, default_value = "text")]
    format: Format,

    /// Also align boilerplate (contact lines, datelines, bylines, sign-offs: left out by
    /// default), with each side's `kind` in `kind_a`/`kind_b`.
    #[arg(long)]
    boilerplate: bool,

    /// Also pair sentences of two articles of the same outlet, marked `same_outlet` (they
    /// corroborate nothing, so by default they are not paired).
    #[arg(long)]
    same_outlet: bool,

    #[command(flatten)]
    progress: progress::Flags,
}

#[derive(Serialize)]
struct Line<'a> {
    id: &'a str,
    score: f64,
    cluster: usize,
    relation: Relation,
    same_outlet: bool,
    a: Side<'a>,
    b: Side<'a>,
    /// With `--boilerplate` only: "body", "headline" or "boilerplate".
    #[serde(skip_serializing_if = "Option::is_none")]
    kind_a: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    kind_b: Option<&'a str>,
}

pub fn run(args: Args) -> anyhow::Result<()> {
    args.alignment.check()?;
    let threshold = args.alignment.threshold()?;
    let desk = input::desk_files(&args.glossary, args.alignment.reviews.as_deref(), None)?;
    let glossary = desk.optional_glossary()?;
    let matcher = glossary.as_ref().map(Matcher::new);
    let options = mizan::align::Options {
        same_outlet: args.same_outlet,
        ..pipeline::align_options(threshold, &desk.reviews()?)
    };
    let stages = Stages::new(args.progress);
    let corpus = args.articles.input.read(&args.articles.paths, &stages)?;
    let include = if args.boilerplate {
        pipeline::Include::WithBoilerplate
    } else {
        pipeline::Include::Reporting
    };
    let analysis =
        pipeline::analyse_including(&corpus, matcher.as_ref(), &options, include, &stages);
    let kind = |s: usize| {
        let sentence = &analysis.sentences[s];
        args.boilerplate.then(|| {
            analysis.segmented[sentence.doc][sentence.index]
                .kind
                .as_str()
        })
    };
    let (sentences, result) = (&analysis.sentences, &analysis.alignment);
    let mut out = stdout();
    let side = |s: usize| analysis.side(s);
    match args.format {
        Format::Jsonl => {
            for p in &result.pairs {
                let mut json = serde_json::to_vec(&Line {
                    id: &p.id,
                    score: (p.score * 1000.0).round() / 1000.0,
                    cluster: p.cluster,
                    relation: p.relation,
                    same_outlet: p.same_outlet,
                    a: side(p.a),
                    b: side(p.b),
                    kind_a: kind(p.a),
                    kind_b: kind(p.b),
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
                threshold
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
                    let mark = match kind(s) {
                        Some("boilerplate") => "[boilerplate] ",
                        _ => "",
                    };
                    writeln!(
                        out,
                        "  {}#{}\t{mark}{}",
                        shown_name(sd.doc),
                        sd.index,
                        make_visible(&text)
                    )?;
                }
                for p in result.pairs.iter().filter(|p| p.cluster == c) {
                    let (a, b) = (side(p.a), side(p.b));
                    let marks = match (p.relation, p.same_outlet) {
                        (Relation::Full, false) => "",
                        (Relation::Partial, false) => "  (partial)",
                        (Relation::Full, true) => "  (same outlet)",
                        (Relation::Partial, true) => "  (partial, same outlet)",
                    };
                    writeln!(
                        out,
                        "    {:.2}  {}#{} ~ {}#{}  id {}{marks}",
                        p.score,
                        shown_name(a.doc),
                        a.index,
                        shown_name(b.doc),
                        b.index,
                        p.id
                    )?;
                }
            }
        }
    }
    finish(out)?;
    stages.report(&input::files_used(&desk, false)?);
    Ok(())
}
