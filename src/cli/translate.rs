//! `mizan translate`: the queue of what needs English, recording translations, QA.

use super::input::{self, Alignment, GlossaryFile, Input};
use super::output::{finish, say, stdout};
use super::progress::{self, Stages};
use mizan::glossary::Matcher;
use mizan::pipeline::{self, Analysis, TranslateDesk};
use mizan::review::{Callout, CalloutKind, Op};
use mizan::text::bidi::{make_visible, shown_path};
use mizan::translate::qa::{Finding, Level};
use mizan::translate::queue::{self, Item, Queue};
use mizan::translate::record::{self, Recorded};
use mizan::translate::{Memory, Suggestion};
use std::io::{BufRead, IsTerminal, Write};
use std::path::PathBuf;

/// The sentences that need English, the most valuable first: each fact's representative (with
/// the near-copies one translation serves), then the fact's other wordings, then
/// single-source sentences with glossary terms. Each comes with its reference (the sentence's
/// hash, or FILE#N), its terms and figures, and the translation memory's fuzzy matches with
/// the word diff to edit by.
///
/// Record a translation with --set REF "English"; go through the queue with -i; check the
/// desk's translations with --check (docs/translation.md).
#[derive(Debug, clap::Args)]
#[command(after_help = "Examples:\n  mizan translate examples/kazakhstan\n  \
    mizan translate examples/kazakhstan --set 44b042084c8294ab \"President Tokayev had …\" --by RM\n  \
    mizan translate -i examples/kazakhstan\n  \
    mizan translate --check examples/kazakhstan\n  \
    mizan translate --format jsonl --top 100 week.jsonl")]
pub struct Args {
    /// Article files or folders (not needed with --import).
    #[arg(value_name = "PATH")]
    paths: Vec<PathBuf>,

    #[command(flatten)]
    input: Input,

    /// `text` for people, `jsonl` (one item per line) for tools; with --export, `xliff`
    /// (1.2), `xliff2` (2.0) or `po` [default: text; for --export, from FILE's extension:
    /// .xlf/.xliff XLIFF 1.2, .po PO].
    #[arg(long, value_enum)]
    format: Option<QueueFormat>,

    /// Write the whole queue for a CAT tool (XLIFF 1.2 or 2.0, gettext PO): the sentence's hash
    /// as the unit id, terms and figures as notes, memory matches as alternatives.
    #[arg(long, value_name = "FILE", conflicts_with_all = ["set", "check", "interactive"])]
    export: Option<PathBuf>,

    /// With --export as XLIFF 1.2: give each unit without English a target holding a copy of
    /// its source, as OmegaT's XLIFF filter needs (it translates the target element; Okapi
    /// Rainbow prepares files so). A target that comes back equal to its source is untranslated.
    #[arg(long, requires = "export")]
    copy_source: bool,

    /// Take translated units back from an XLIFF or PO file: a unit whose source no longer
    /// matches its id is stale, one whose sentence is translated otherwise is a conflict
    /// (replaced only with --force).
    #[arg(long, value_name = "FILE", conflicts_with_all = ["set", "check", "interactive", "export"])]
    import: Option<PathBuf>,

    /// Write the desk's memory as TMX 1.4b (its translations, and the near-copies each serves).
    #[arg(long, value_name = "FILE.tmx", conflicts_with_all = ["set", "check", "interactive", "import"])]
    export_tm: Option<PathBuf>,

    /// Seed the memory from a CAT tool's TMX: sentences of these articles get their
    /// translations, the other units serve as fuzzy matches.
    #[arg(long, value_name = "FILE.tmx", conflicts_with_all = ["set", "check", "interactive", "import", "export"])]
    import_tm: Option<PathBuf>,

    /// List at most N items [default: 20 for text, all for jsonl].
    #[arg(long, value_name = "N")]
    top: Option<usize>,

    /// Record the English of the sentence REF (its hash, a unique prefix of 6+ hex digits,
    /// or FILE#N).
    #[arg(long, num_args = 2, value_names = ["REF", "ENGLISH"], conflicts_with_all = ["check", "interactive"])]
    set: Vec<String>,

    /// Who translated (kept in translations.toml).
    #[arg(long, value_name = "NAME")]
    by: Option<String>,

    /// Replace a sentence's existing, different translation.
    #[arg(long)]
    force: bool,

    /// Check the desk's translations (numbers, terms, Arabic left, empty, duplicates, stale);
    /// exits 1 when an error is found.
    #[arg(long, conflicts_with = "interactive")]
    check: bool,

    /// Go through the queue one sentence at a time: type the English, Enter saves. Lines that
    /// begin with ':' are commands (:skip, :back, :use N, :quit, :help); works over a pipe,
    /// one line per answer.
    #[arg(short, long)]
    interactive: bool,

    #[command(flatten)]
    glossary: GlossaryFile,

    /// Desk translations (default: translations.toml beside the glossary).
    #[arg(long, value_name = "FILE")]
    translations: Option<PathBuf>,

    #[command(flatten)]
    alignment: Alignment,

    #[command(flatten)]
    progress: progress::Flags,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
enum QueueFormat {
    Text,
    Jsonl,
    Xliff,
    Xliff2,
    Po,
}

/// Errors found by `translate --check`, for the exit code.
#[derive(Debug)]
pub struct CheckFailed(pub usize);

impl std::fmt::Display for CheckFailed {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "the translations have {} error(s)", self.0)
    }
}

impl std::error::Error for CheckFailed {}

pub fn run(args: Args) -> anyhow::Result<()> {
    args.alignment.check()?;
    if let Some(file) = &args.import {
        return import_units(&args, file);
    }
    if args.paths.is_empty() {
        anyhow::bail!(super::UsageError(
            "give the articles to translate (PATH...)".into()
        ));
    }
    let desk = input::desk_files(
        &args.glossary,
        args.alignment.reviews.as_deref(),
        args.translations.as_deref(),
    )?;
    let glossary = desk.glossary()?;
    let reviews = desk.reviews()?;
    let translations = desk.translations()?;
    for warning in &translations.warnings {
        say!("warning: {warning}");
    }
    let stages = Stages::new(args.progress);
    let corpus = args.input.read(&args.paths, &stages)?;
    let matcher = Matcher::new(&glossary);
    let options = pipeline::align_options(args.alignment.threshold()?, &reviews);
    let analysis = pipeline::analyse(&corpus, Some(&matcher), &options, &stages);
    let translate_desk = TranslateDesk {
        glossary: &glossary,
        matcher: &matcher,
        translations: &translations,
    };
    let path = desk.translations_path();
    if let [reference, english] = args.set.as_slice() {
        let s = find(&analysis, reference)?;
        let outcome = set(&path, &analysis, s, english, args.by.as_deref(), args.force)?;
        report_set(&path, &analysis, s, &outcome)?;
        return Ok(());
    }
    let format = args.format.unwrap_or(QueueFormat::Text);
    if args.check {
        let findings = analysis.translation_qa(translate_desk);
        return print_findings(&findings, &path, format == QueueFormat::Jsonl);
    }
    let memory = analysis.memory(&translations);
    if let Some(file) = &args.import_tm {
        let units = mizan::interchange::tmx::read(&read_file(file)?, file)?;
        let note = format!("imported from {}", shown_path(file));
        let report = mizan::translate::exchange::import_memory(&units, &path, &note, args.force)?;
        let present: std::collections::HashSet<u64> =
            analysis.sentence_hashes().iter().copied().collect();
        let matched = units
            .iter()
            .filter(|u| present.contains(&mizan::align::sentence_hash(&u.source)))
            .count();
        say!(
            "{}: {} unit(s) read; {matched} are sentences of these articles, the rest serve as fuzzy matches",
            shown_path(file),
            units.len()
        );
        return report_import(&report, &path);
    }
    if let Some(file) = &args.export_tm {
        let units =
            mizan::translate::exchange::memory_units(&analysis, &translations, &memory, &matcher);
        mizan::files::write_atomically(file, &mizan::interchange::tmx::write(&units))?;
        say!(
            "{}: wrote {} translation unit(s)",
            shown_path(file),
            units.len()
        );
        return Ok(());
    }
    if let Some(file) = &args.export {
        let version = match (args.format, extension(file).as_deref()) {
            (Some(QueueFormat::Xliff), _) => {
                Exchange::Xliff(mizan::interchange::xliff::Version::V12)
            }
            (Some(QueueFormat::Xliff2), _) => {
                Exchange::Xliff(mizan::interchange::xliff::Version::V20)
            }
            (Some(QueueFormat::Po), _) | (None, Some("po" | "pot")) => Exchange::Po,
            (None, Some("xlf" | "xliff")) => {
                Exchange::Xliff(mizan::interchange::xliff::Version::V12)
            }
            _ => anyhow::bail!(super::UsageError(format!(
                "--export {}: say the format with --format xliff, xliff2 or po (or name the file .xlf, .xliff or .po)",
                shown_path(file)
            ))),
        };
        let queue = analysis.translation_queue(
            translate_desk,
            &memory,
            &queue::Options::default(),
            &stages,
        );
        let units = mizan::translate::exchange::export_units(&queue);
        let original = args
            .paths
            .iter()
            .map(|p| p.display().to_string())
            .collect::<Vec<_>>()
            .join(" ");
        let text = match version {
            Exchange::Xliff(v) => {
                mizan::interchange::xliff::write(&units, v, &original, args.copy_source)
            }
            Exchange::Po => mizan::interchange::po::write(&units),
        };
        mizan::files::write_atomically(file, &text)?;
        say!(
            "{}: wrote {} unit(s) to translate",
            shown_path(file),
            units.len()
        );
        return Ok(());
    }
    if matches!(
        format,
        QueueFormat::Xliff | QueueFormat::Xliff2 | QueueFormat::Po
    ) {
        anyhow::bail!(super::UsageError(
            "--format xliff, xliff2 and po are for --export FILE".into()
        ));
    }
    let top = args.top.or(match format {
        QueueFormat::Text => Some(20),
        _ => None,
    });
    if args.interactive {
        return interactive(
            &analysis,
            translate_desk,
            &memory,
            &path,
            args.by.as_deref(),
            &stages,
        );
    }
    let queue = analysis.translation_queue(
        translate_desk,
        &memory,
        &queue::Options {
            top,
            ..queue::Options::default()
        },
        &stages,
    );
    let mut out = stdout();
    let shown = top.unwrap_or(usize::MAX).min(queue.items.len());
    match format {
        QueueFormat::Jsonl => {
            for item in &queue.items[..shown] {
                serde_json::to_writer(&mut out, item)?;
                out.write_all(b"\n")?;
            }
        }
        _ => {
            for item in &queue.items[..shown] {
                out.write_all(render_item(item).as_bytes())?;
            }
        }
    }
    finish(out)?;
    say!("{}", summary(&queue, shown));
    stages.report(&input::files_used(&desk, true)?);
    Ok(())
}

enum Exchange {
    Xliff(mizan::interchange::xliff::Version),
    Po,
}

fn extension(file: &std::path::Path) -> Option<String> {
    Some(file.extension()?.to_str()?.to_ascii_lowercase())
}

fn read_file(file: &std::path::Path) -> anyhow::Result<String> {
    Ok(mizan::files::read_utf8(file, mizan::FileKind::Interchange)?)
}

/// `--import FILE`: translated units back into translations.toml. No articles are needed:
/// each unit carries its source, checked against its id.
fn import_units(args: &Args, file: &std::path::Path) -> anyhow::Result<()> {
    let desk = input::desk_files(
        &args.glossary,
        args.alignment.reviews.as_deref(),
        args.translations.as_deref(),
    )?;
    let text = read_file(file)?;
    let units = match (args.format, extension(file).as_deref()) {
        (Some(QueueFormat::Po), _) | (None, Some("po" | "pot")) => {
            mizan::interchange::po::read(&text, file)?
        }
        _ => mizan::interchange::xliff::read(&text, file)?,
    };
    let path = desk.translations_path();
    let report =
        mizan::translate::exchange::import(&units, &path, args.by.as_deref(), None, args.force)?;
    say!("{}: {} unit(s) read", shown_path(file), units.len());
    report_import(&report, &path)
}

fn report_import(
    report: &mizan::translate::exchange::ImportReport,
    path: &std::path::Path,
) -> anyhow::Result<()> {
    for (id, line) in &report.stale {
        say!(
            "stale: unit {id} (line {line}): its source is no longer the sentence its id names; not imported"
        );
    }
    for (id, line) in &report.conflicts {
        say!(
            "conflict: unit {id} (line {line}): the sentence is translated otherwise already; not replaced (--force replaces)"
        );
    }
    say!(
        "{}: {} added, {} replaced, {} unchanged, {} untranslated, {} stale, {} conflict(s)",
        shown_path(path),
        report.added,
        report.replaced,
        report.unchanged,
        report.untranslated,
        report.stale.len(),
        report.conflicts.len()
    );
    Ok(())
}

fn find(analysis: &Analysis<'_>, reference: &str) -> anyhow::Result<usize> {
    analysis
        .find_sentence(reference)
        .map_err(|e| super::UsageError(e.to_string()).into())
}

fn set(
    path: &std::path::Path,
    analysis: &Analysis<'_>,
    s: usize,
    english: &str,
    by: Option<&str>,
    force: bool,
) -> anyhow::Result<Recorded> {
    let english = english.trim();
    if english.is_empty() {
        anyhow::bail!(super::UsageError("the English is empty".into()));
    }
    let ar = analysis.sentences[s].text;
    let entry = record::Entry {
        hash: mizan::align::sentence_hash(ar),
        ar,
        en: english,
        by,
        note: None,
    };
    Ok(record::record(path, &[entry], force)?
        .pop()
        .expect("one outcome per entry"))
}

fn report_set(
    path: &std::path::Path,
    analysis: &Analysis<'_>,
    s: usize,
    outcome: &Recorded,
) -> anyhow::Result<()> {
    let side = analysis.side(s);
    let what = format!(
        "{} ({}#{})",
        mizan::brief::translations::hash_hex(mizan::align::sentence_hash(side.text)),
        side.doc,
        side.index
    );
    let file = shown_path(path);
    match outcome {
        Recorded::Added => say!("{file}: translated {what}"),
        Recorded::Unchanged => say!("{file}: {what} already has this English"),
        Recorded::Replaced { previous } => say!(
            "{file}: replaced the English of {what} (--force); it was: {}",
            make_visible(previous)
        ),
        Recorded::Conflict { existing } => anyhow::bail!(super::UsageError(format!(
            "{what} is translated already as \"{}\"; pass --force to replace it",
            make_visible(existing)
        ))),
    }
    Ok(())
}

fn summary(queue: &Queue, shown: usize) -> String {
    format!(
        "translate: {} sentence(s) need English in {} item(s) (shown: {shown}); {} translated \
         by the desk, {} by exact reuse; of {} reporting sentences",
        queue.needing,
        queue.items.len(),
        queue.desk,
        queue.reused,
        queue.sentences
    )
}

/// One item for people.
fn render_item(item: &Item) -> String {
    let mut out = String::new();
    let fact = match item.fact {
        Some(f) if item.wording > 1 => format!(
            "fact {f}, {} outlets; another wording, its translation cannot serve this",
            item.sources
        ),
        Some(f) => format!("fact {f}, {} outlets", item.sources),
        None => "single source".to_string(),
    };
    let covers = if item.covers.is_empty() {
        String::new()
    } else {
        format!(", covers {} sentences", item.covers.len() + 1)
    };
    out.push_str(&format!(
        "[{}] {}  {}#{}  ({fact}{covers})\n",
        item.rank, item.sentence.reference, item.sentence.doc, item.sentence.index
    ));
    out.push_str(&format!("    {}\n", make_visible(&item.ar)));
    if !item.terms.is_empty() {
        let terms: Vec<String> = item
            .terms
            .iter()
            .map(|t| format!("{} = {}", make_visible(&t.surface), t.en))
            .collect();
        out.push_str(&format!("    terms: {}\n", terms.join(" · ")));
    }
    if !item.figures.is_empty() {
        let figures: Vec<String> = item
            .figures
            .iter()
            .map(|f| format!("{} {}", f.amount, f.label))
            .collect();
        out.push_str(&format!("    figures: {}\n", figures.join(", ")));
    }
    for c in &item.covers {
        out.push_str(&format!(
            "    also serves: {}#{} ({})\n",
            c.doc, c.index, c.reference
        ));
    }
    for (k, m) in item.matches.iter().enumerate() {
        out.push_str(&render_suggestion(k + 1, m));
    }
    out.push('\n');
    out
}

fn render_suggestion(k: usize, m: &Suggestion) -> String {
    let mut out = format!(
        "    memory {k}: {}% {} \"{}\"{}\n",
        m.percent,
        m.reference,
        make_visible(&m.en),
        m.by.as_deref()
            .map(|b| format!(" ({b})"))
            .unwrap_or_default()
    );
    out.push_str(&format!(
        "      diff: {}\n",
        make_visible(&word_diff(&m.diff))
    ));
    if !m.differences.is_empty() {
        let what: Vec<String> = m.differences.iter().map(describe).collect();
        out.push_str(&format!(
            "      differs: {}\n",
            make_visible(&what.join("; "))
        ));
    }
    out
}

/// The word diff as wdiff writes it: [-memory's words-] {+this sentence's words+}.
fn word_diff(ops: &[Op]) -> String {
    let parts: Vec<String> = ops
        .iter()
        .map(|op| match op {
            Op::Equal { b, .. } => b.clone(),
            Op::Delete { a } => format!("[-{a}-]"),
            Op::Insert { b } => format!("{{+{b}+}}"),
            Op::Replace { a, b } => format!("[-{a}-] {{+{b}+}}"),
        })
        .collect();
    parts.join(" ")
}

/// What a difference means for the memory's English, said from this sentence's side.
pub fn describe(c: &Callout) -> String {
    match c.kind {
        CalloutKind::Figure => format!(
            "figures: this has {} where the memory has {}",
            if c.b.is_empty() { "none" } else { &c.b },
            if c.a.is_empty() { "none" } else { &c.a }
        ),
        _ if c.a.is_empty() => format!("adds «{}»", c.b),
        _ if c.b.is_empty() => format!("leaves out «{}»", c.a),
        _ => format!("has «{}» for «{}»", c.b, c.a),
    }
}

fn print_findings(findings: &[Finding], path: &std::path::Path, jsonl: bool) -> anyhow::Result<()> {
    let mut out = stdout();
    for f in findings {
        match jsonl {
            true => {
                serde_json::to_writer(&mut out, f)?;
                out.write_all(b"\n")?;
            }
            false => {
                let level = match f.level {
                    Level::Error => "error",
                    Level::Warning => "warning",
                    _ => "info",
                };
                let line = f.line.map(|l| format!(":{l}")).unwrap_or_default();
                writeln!(
                    out,
                    "{}{line}: {level}: {} [{}]: {}",
                    shown_path(path),
                    f.reference,
                    f.rule,
                    make_visible(&f.message)
                )?;
            }
        }
    }
    finish(out)?;
    let errors = findings.iter().filter(|f| f.level == Level::Error).count();
    let warnings = findings
        .iter()
        .filter(|f| f.level == Level::Warning)
        .count();
    say!(
        "translate --check: {errors} error(s), {warnings} warning(s), {} note(s)",
        findings.len() - errors - warnings
    );
    if errors > 0 {
        return Err(CheckFailed(errors).into());
    }
    Ok(())
}

const HELP: &str = "Type the English and press Enter to save it. Commands:\n  \
    (empty line) or :skip   next sentence, nothing saved\n  \
    :back                   the previous sentence\n  \
    :use N                  start from memory match N (edit it, Enter saves)\n  \
    :quit                   stop (what was saved stays saved)\n  \
    :help                   this help";

/// The queue one sentence at a time, reading answers from the terminal (with line editing)
/// or, over a pipe, one line per answer.
fn interactive(
    analysis: &Analysis<'_>,
    desk: TranslateDesk<'_>,
    memory: &Memory,
    path: &std::path::Path,
    by: Option<&str>,
    stages: &Stages,
) -> anyhow::Result<()> {
    let queue = analysis.translation_queue(desk, memory, &queue::Options::default(), stages);
    let terminal = std::io::stdin().is_terminal();
    let mut editor = if terminal {
        Some(rustyline::DefaultEditor::new()?)
    } else {
        None
    };
    let mut lines = std::io::stdin().lock().lines();
    let mut read = |prompt: &str, initial: &str| -> anyhow::Result<Option<String>> {
        match editor.as_mut() {
            Some(ed) => match ed.readline_with_initial(prompt, (initial, "")) {
                Ok(line) => Ok(Some(line)),
                Err(
                    rustyline::error::ReadlineError::Interrupted
                    | rustyline::error::ReadlineError::Eof,
                ) => Ok(None),
                Err(e) => Err(e.into()),
            },
            None => {
                let mut out = stdout();
                write!(out, "{prompt}")?;
                out.flush()?;
                Ok(lines.next().transpose()?)
            }
        }
    };
    let mut out = stdout();
    writeln!(
        out,
        "{} item(s) to translate; :help for the commands.\n",
        queue.items.len()
    )?;
    out.flush()?;
    drop(out);
    let (mut saved, mut at) = (0usize, 0usize);
    while at < queue.items.len() {
        let item = &queue.items[at];
        let mut out = stdout();
        out.write_all(render_item(item).as_bytes())?;
        out.flush()?;
        drop(out);
        let mut initial = String::new();
        loop {
            let Some(answer) = read("en> ", &initial)? else {
                say!(
                    "translate: {saved} translation(s) saved in {}",
                    shown_path(path)
                );
                return Ok(());
            };
            initial.clear();
            let answer = answer.trim();
            let command = answer.strip_prefix(':').map(str::trim);
            match command {
                _ if answer.is_empty() => {
                    at += 1;
                    break;
                }
                Some("skip" | "s" | "next" | "n") => {
                    at += 1;
                    break;
                }
                Some("back" | "b" | "previous" | "p") => {
                    at = at.saturating_sub(1);
                    break;
                }
                Some("quit" | "q") => {
                    say!(
                        "translate: {saved} translation(s) saved in {}",
                        shown_path(path)
                    );
                    return Ok(());
                }
                Some("help" | "h" | "?") => say!("{HELP}"),
                Some(c) if c.starts_with("use") || c.starts_with('u') => {
                    let n: usize = c
                        .trim_start_matches(|ch: char| ch.is_alphabetic())
                        .trim()
                        .parse()
                        .unwrap_or(1);
                    match item.matches.get(n.wrapping_sub(1)) {
                        Some(m) if !terminal => {
                            // Over a pipe there is nothing to edit: the next line is the English.
                            say!("memory {n}: {}", make_visible(&m.en));
                        }
                        Some(m) => initial = m.en.clone(),
                        None => say!("no memory match {n} for this sentence"),
                    }
                }
                Some(other) => say!("unknown command ':{other}'; :help lists them"),
                None => {
                    let outcome = set(path, analysis, item.at, answer, by, false)?;
                    match &outcome {
                        Recorded::Conflict { existing } => say!(
                            "already translated as \"{}\"; use --set --force to replace it",
                            make_visible(existing)
                        ),
                        _ => {
                            saved += 1;
                            say!("saved {}", item.sentence.reference);
                        }
                    }
                    at += 1;
                    break;
                }
            }
        }
    }
    say!(
        "translate: the queue is done; {saved} translation(s) saved in {}",
        shown_path(path)
    );
    Ok(())
}
