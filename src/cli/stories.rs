//! `mizan stories`: the articles grouped by the event they cover, most outlets first.

use super::input::{self, Alignment, Articles, GlossaryFile};
use super::output::{Format, finish, stdout};
use super::progress::{self, Stages};
use mizan::glossary::Matcher;
use mizan::pipeline;
use mizan::stories::Options;
use mizan::text::bidi::make_visible;
use std::io::Write;

/// Group articles into stories: one event over days (a bombing, its follow-ups and the
/// reactions), found from the terms the articles share, their dates and the facts they report
/// together; ranked by distinct outlets, then articles.
///
/// Each story has an id that stays the same while its first article does (`mizan brief
/// --story ID`), a title (the headline most of its outlets print, else its most central article's), its outlets, dates and
/// most characteristic terms.
#[derive(Debug, clap::Args)]
#[command(after_help = "Examples:\n  mizan stories week.jsonl\n  \
    mizan stories --format jsonl --top 50 archive/")]
pub struct Args {
    #[command(flatten)]
    articles: Articles,

    #[command(flatten)]
    alignment: Alignment,

    #[command(flatten)]
    glossary: GlossaryFile,

    /// `text` for reading, `jsonl` for tools: {"id","rank","title","outlets","articles",
    /// "first_date","last_date","terms","docs"} per story.
    #[arg(long, value_enum, default_value = "text")]
    format: Format,

    /// Show this many stories [default: 20 in text, all in jsonl].
    #[arg(long, value_name = "N")]
    top: Option<usize>,

    #[command(flatten)]
    progress: progress::Flags,
}

pub fn run(args: Args) -> anyhow::Result<()> {
    args.alignment.check()?;
    let threshold = args.alignment.threshold()?;
    let desk = input::desk_files(&args.glossary, args.alignment.reviews.as_deref(), None)?;
    let glossary = desk.optional_glossary()?;
    let matcher = glossary.as_ref().map(Matcher::new);
    let options = pipeline::align_options(threshold, &desk.reviews()?);
    let stages = Stages::new(args.progress);
    let corpus = args.articles.input.read(&args.articles.paths, &stages)?;
    let analysis = pipeline::analyse(&corpus, matcher.as_ref(), &options, &stages);
    let report = analysis.stories(glossary.as_ref(), matcher.as_ref(), &Options::default());
    let shown = match (args.top, args.format) {
        (Some(n), _) => n,
        (None, Format::Text) => 20,
        (None, Format::Jsonl) => usize::MAX,
    };
    let mut out = stdout();
    match args.format {
        Format::Jsonl => {
            for summary in report.summaries.iter().take(shown) {
                let mut json = serde_json::to_vec(summary)?;
                json.push(b'\n');
                out.write_all(&json)?;
            }
        }
        Format::Text => {
            let outlets: std::collections::BTreeSet<&str> = report
                .summaries
                .iter()
                .flat_map(|s| s.outlets.iter().map(String::as_str))
                .collect();
            writeln!(
                out,
                "{} stories of {} articles ({} outlets); the first {} by outlets, then articles",
                report.summaries.len(),
                corpus.documents.len(),
                outlets.len(),
                shown.min(report.summaries.len())
            )?;
            for s in report.summaries.iter().take(shown) {
                let dates = match (&s.first_date, &s.last_date) {
                    (Some(a), Some(b)) if a != b => format!(", {a} to {b}"),
                    (Some(a), _) => format!(", {a}"),
                    _ => String::new(),
                };
                writeln!(
                    out,
                    "\n{}. {}  [story {}]",
                    s.rank,
                    make_visible(&s.title),
                    s.id
                )?;
                writeln!(
                    out,
                    "   {} outlets, {} articles{dates}",
                    s.outlets.len(),
                    s.articles
                )?;
                writeln!(out, "   outlets: {}", make_visible(&s.outlets.join(", ")))?;
                writeln!(out, "   terms: {}", make_visible(&s.terms.join(" · ")))?;
            }
        }
    }
    finish(out)?;
    stages.report(&input::files_used(&desk, false)?);
    Ok(())
}
