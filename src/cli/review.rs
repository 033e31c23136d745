//! `mizan review`: aligned pairs as word diffs, and the desk's decisions about them.

use super::input::{self, Alignment, GlossaryFile, Input};
use super::output::{finish, stdout};
use super::progress::Stages;
use clap::ValueEnum;
use mizan::glossary::Matcher;
use mizan::pipeline::{self, Side};
use mizan::review::{self, Callout, CalloutKind, Change, Op, Verdict};
use mizan::text::bidi::make_visible;
use serde::Serialize;
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
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
enum ReviewFormat {
    Text,
    Markdown,
    Jsonl,
}

pub fn run(args: Args) -> anyhow::Result<()> {
    args.alignment.check()?;
    let desk = input::desk_files(&args.glossary, args.alignment.reviews.as_deref(), None);
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

fn check_id(id: &str) -> anyhow::Result<()> {
    if id.len() != 16 || !id.bytes().all(|b| b.is_ascii_hexdigit()) {
        anyhow::bail!(super::UsageError(format!(
            "'{id}' is not a pair id (16 hex digits, as `mizan align` prints them)"
        )));
    }
    Ok(())
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
    for (id, _) in &changes {
        check_id(id)?;
    }
    // With the articles at hand, the two sentences are written beside the id for people: the
    // articles are aligned as `review` shows them, with the ids being decided neither
    // rejected nor accepted, and the pairs with those ids are looked up.
    let path = desk.reviews_path();
    let texts: Vec<Option<(String, String)>> = if args.paths.is_empty() {
        vec![None; changes.len()]
    } else {
        let glossary = desk.optional_glossary()?;
        let matcher = glossary.as_ref().map(Matcher::new);
        let corpus = args.input.read(&args.paths, &Stages::quiet())?;
        let mut options = pipeline::align_options(args.alignment.threshold, &desk.reviews()?);
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
            .collect()
    };
    for ((id, mut change), texts) in changes.into_iter().zip(texts) {
        change.texts = texts;
        review::decisions::record(&path, &id, change.clone())?;
        let what = match (change.verdict, &change.note) {
            (Some(Verdict::Accept), _) => "accepted",
            (Some(Verdict::Reject), _) => "rejected",
            (None, _) => "noted",
        };
        eprintln!("{}: {what} {id}", path.display());
    }
    Ok(())
}

#[derive(Serialize)]
struct Line<'a> {
    id: &'a str,
    score: f64,
    cluster: usize,
    verdict: Option<Verdict>,
    note: Option<&'a str>,
    a: Side<'a>,
    b: Side<'a>,
    diff: &'a [Op],
    callouts: &'a [Callout],
}

/// Show every aligned pair as a word diff.
fn show(args: &Args, desk: &pipeline::DeskFiles) -> anyhow::Result<()> {
    let reviews = desk.reviews()?;
    let glossary = desk.optional_glossary()?;
    let matcher = glossary.as_ref().map(Matcher::new);
    let corpus = args.input.read(&args.paths, &Stages::quiet())?;
    let options = pipeline::align_options(args.alignment.threshold, &reviews);
    let analysis = pipeline::analyse(&corpus, matcher.as_ref(), &options, &pipeline::Silent);
    let result = &analysis.alignment;
    let reviewed = analysis.reviewed(matcher.as_ref(), &reviews);
    let color = args.format == ReviewFormat::Text
        && std::io::stdout().is_terminal()
        && std::env::var_os("NO_COLOR").is_none_or(|v| v.is_empty());
    let mut out = stdout();
    if args.format == ReviewFormat::Markdown {
        writeln!(out, "# Review: {} aligned pairs\n", result.pairs.len())?;
    }
    for r in &reviewed {
        let (p, d, verdict, note) = (r.pair, &r.diff, r.verdict, r.note);
        let (a, b) = (r.a, r.b);
        let score = (p.score * 1000.0).round() / 1000.0;
        match args.format {
            ReviewFormat::Jsonl => {
                let mut json = serde_json::to_vec(&Line {
                    id: &p.id,
                    score,
                    cluster: p.cluster,
                    verdict,
                    note,
                    a,
                    b,
                    diff: &d.ops,
                    callouts: &d.callouts,
                })?;
                json.push(b'\n');
                out.write_all(&json)?;
            }
            ReviewFormat::Text => {
                let status = status(verdict, note);
                writeln!(
                    out,
                    "pair {} · cluster {} · score {score:.2}{status}",
                    p.id, p.cluster
                )?;
                writeln!(
                    out,
                    "  A {}#{}: {}",
                    a.doc,
                    a.index,
                    render_text(&d.ops, true, color)
                )?;
                writeln!(
                    out,
                    "  B {}#{}: {}",
                    b.doc,
                    b.index,
                    render_text(&d.ops, false, color)
                )?;
                for c in &d.callouts {
                    writeln!(out, "  ! {}", describe(c))?;
                }
                writeln!(out)?;
            }
            ReviewFormat::Markdown => {
                let status = status(verdict, note);
                writeln!(
                    out,
                    "## Pair `{}` · cluster {} · score {score:.2}{}\n",
                    p.id,
                    p.cluster,
                    escape_html(&status)
                )?;
                for (label, s, is_a) in [("A", &a, true), ("B", &b, false)] {
                    writeln!(
                        out,
                        "<p dir=\"rtl\" lang=\"ar\"><b>{label}</b> <code>{}#{}</code>: {}</p>\n",
                        escape_html(s.doc),
                        s.index,
                        render_html(&d.ops, is_a)
                    )?;
                }
                for c in &d.callouts {
                    writeln!(out, "- {}", escape_html(&describe(c)))?;
                }
                if !d.callouts.is_empty() {
                    writeln!(out)?;
                }
            }
        }
    }
    finish(out)
}

fn status(verdict: Option<Verdict>, note: Option<&str>) -> String {
    let mut s = match verdict {
        Some(Verdict::Accept) => " · accepted".to_string(),
        Some(Verdict::Reject) => " · rejected".to_string(),
        None => String::new(),
    };
    if let Some(note) = note {
        s.push_str(&format!(" · note: {note}"));
    }
    s
}

fn describe(c: &Callout) -> String {
    let or_none = |s: &str| {
        if s.is_empty() {
            "—".to_string()
        } else {
            s.to_string()
        }
    };
    match c.kind {
        CalloutKind::Figure => format!("figure: {} | {}", or_none(&c.a), or_none(&c.b)),
        CalloutKind::Spelling => format!("spelling: {} | {}", c.a, c.b),
        CalloutKind::Clause if c.a.is_empty() => format!("only in B: {}", c.b),
        CalloutKind::Clause if c.b.is_empty() => format!("only in A: {}", c.a),
        CalloutKind::Clause => format!("clause: {} | {}", c.a, c.b),
    }
}

/// One side of the diff for a terminal: what the other side lacks is marked `[-…-]` (A) or
/// `{+…+}` (B), in red or green when colour is on.
fn render_text(ops: &[Op], side_a: bool, color: bool) -> String {
    let mark = |s: &str| -> String {
        let s = make_visible(s);
        match (side_a, color) {
            (true, true) => format!("\u{1b}[31m{s}\u{1b}[0m"),
            (false, true) => format!("\u{1b}[32m{s}\u{1b}[0m"),
            (true, false) => format!("[-{s}-]"),
            (false, false) => format!("{{+{s}+}}"),
        }
    };
    let mut parts: Vec<String> = Vec::new();
    for op in ops {
        match (op, side_a) {
            (Op::Equal { a, .. }, true) | (Op::Equal { b: a, .. }, false) => {
                parts.push(make_visible(a).into_owned())
            }
            (Op::Delete { a }, true) | (Op::Replace { a, .. }, true) => parts.push(mark(a)),
            (Op::Insert { b }, false) | (Op::Replace { b, .. }, false) => parts.push(mark(b)),
            _ => {}
        }
    }
    parts.join(" ")
}

/// One side of the diff as HTML: `<del>` on A, `<ins>` on B.
fn render_html(ops: &[Op], side_a: bool) -> String {
    let mut parts: Vec<String> = Vec::new();
    for op in ops {
        match (op, side_a) {
            (Op::Equal { a, .. }, true) | (Op::Equal { b: a, .. }, false) => {
                parts.push(escape_html(a))
            }
            (Op::Delete { a }, true) | (Op::Replace { a, .. }, true) => {
                parts.push(format!("<del>{}</del>", escape_html(a)))
            }
            (Op::Insert { b }, false) | (Op::Replace { b, .. }, false) => {
                parts.push(format!("<ins>{}</ins>", escape_html(b)))
            }
            _ => {}
        }
    }
    parts.join(" ")
}

/// Article text in HTML: markup characters escaped, bidi controls made visible.
fn escape_html(s: &str) -> String {
    make_visible(s)
        .replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('"', "&quot;")
        .replace('*', "&#42;")
        .replace('_', "&#95;")
        .replace('|', "&#124;")
}
