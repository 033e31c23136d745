//! `mizan brief`: the side-by-side Arabic | English briefing.

use super::input::{self, Alignment, Articles, GlossaryFile};
use super::output::{choose_format, finish, output_file, say, stdout, wrote};
use super::progress::{self, Stages};
use mizan::FileKind;
use mizan::brief::{self, Format, Renderer};
use mizan::glossary::Matcher;
use mizan::pipeline::{self, BriefDesk, Stage};
use mizan::stories::{self, select};
use mizan::text::bidi::{make_visible, shown_path};
use std::io::Write;
use std::path::{Path, PathBuf};

/// Write the briefing: facts reported by several articles ranked by how many sources report
/// them, each Arabic sentence beside its English, the figures sources disagree on, the
/// sentences only one source has, a term index and the list of articles.
///
/// English comes, best first, from the desk's translations.toml, from the translation of an
/// aligned near-duplicate, else it is a gloss built from the glossary (marked as such).
#[derive(Debug, clap::Args)]
#[command(after_help = "Examples:\n  mizan brief examples/kazakhstan\n  \
    mizan brief examples/kazakhstan -o brief.md\n  \
    mizan brief --format html -o brief.html articles/\n  \
    mizan brief --templates my-templates/ --top 10 articles/\n  \
    mizan brief week.jsonl --story 4271232d9169\n  \
    mizan brief week.jsonl --match عسير")]
pub struct Args {
    #[command(flatten)]
    articles: Articles,

    /// Write the briefing to FILE (atomically; `-` is standard output) instead of standard
    /// output. A file the run reads (glossary, reviews, translations, template, article) is
    /// refused.
    #[arg(short, long, value_name = "FILE")]
    output: Option<PathBuf>,

    /// `md` (Markdown), `html` (one standalone page) or `json` (the templates' context, see
    /// docs/templates.md).
    /// [default: from -o FILE's extension (.md, .html, .json), else md]
    #[arg(long, value_enum)]
    format: Option<BriefFormat>,

    /// Folder of templates that replace the built-in ones of the same name
    /// (briefing.md.j2, briefing.html.j2, partials/...).
    #[arg(long, value_name = "DIR")]
    templates: Option<PathBuf>,

    #[command(flatten)]
    glossary: GlossaryFile,

    /// Desk translations (default: translations.toml beside the glossary).
    #[arg(long, value_name = "FILE")]
    translations: Option<PathBuf>,

    /// Title of the briefing (default: from the places and events most articles name).
    #[arg(long, value_name = "T")]
    title: Option<String>,

    /// Show at most N facts, and at most N single-source sentences.
    /// [default: the desk's mizan.toml, else 20]
    #[arg(long, value_name = "N")]
    top: Option<usize>,

    /// Open the briefing with at most N stories, when the articles hold two or more stories
    /// reported by three outlets or more (see docs/templates.md).
    #[arg(long, value_name = "N", default_value_t = 10)]
    top_stories: usize,

    /// Under each story, show at most N facts and N figures that differ.
    #[arg(long, value_name = "N", default_value_t = 5)]
    story_facts: usize,

    /// Brief only the articles of the story with this id (as `mizan stories` lists them),
    /// as a briefing of one story.
    #[arg(long, value_name = "ID", conflicts_with = "match_word")]
    story: Option<String>,

    /// Brief only the stories whose title or terms hold WORD (Arabic compared normalized and
    /// without proclitics; a Latin word in a glossary term's English), as one briefing.
    #[arg(long = "match", value_name = "WORD", id = "match_word")]
    match_word: Option<String>,

    #[command(flatten)]
    alignment: Alignment,

    #[command(flatten)]
    progress: progress::Flags,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
enum BriefFormat {
    Md,
    Html,
    Json,
}

impl BriefFormat {
    fn from_name(file: &Path) -> Option<BriefFormat> {
        let extension = file.extension()?.to_str()?.to_ascii_lowercase();
        match extension.as_str() {
            "md" | "markdown" => Some(BriefFormat::Md),
            "html" | "htm" => Some(BriefFormat::Html),
            "json" => Some(BriefFormat::Json),
            _ => None,
        }
    }
}

pub fn run(args: Args) -> anyhow::Result<()> {
    args.alignment.check()?;
    let threshold = args.alignment.threshold()?;
    let output = output_file(args.output.as_deref());
    let format = choose_format(args.format, output, BriefFormat::from_name, BriefFormat::Md)?;
    let desk_folder = input::desk()?;
    if let Some(dir) = &args.templates
        && !dir.is_dir()
    {
        anyhow::bail!(super::UsageError(format!(
            "--templates {}: not a folder of templates",
            shown_path(dir)
        )));
    }
    // The flag, else the desk's templates folder (mizan.toml), else the built-in templates.
    let templates = args
        .templates
        .clone()
        .or_else(|| desk_folder.and_then(|d| d.templates()));
    let top = args
        .top
        .or_else(|| desk_folder.and_then(|d| d.config.defaults.top))
        .unwrap_or(20);
    // Templates first: a template error should not wait for a whole archive to be read.
    let renderer = match format {
        BriefFormat::Md => Some(Renderer::new(Format::Markdown, templates.as_deref())?),
        BriefFormat::Html => Some(Renderer::new(Format::Html, templates.as_deref())?),
        BriefFormat::Json => None,
    };
    let desk = input::desk_files(
        &args.glossary,
        args.alignment.reviews.as_deref(),
        args.translations.as_deref(),
    )?;
    // A bad `-o` (a folder, a file this run reads) is refused before the run's work.
    if let Some(path) = output {
        mizan::files::check_writable(path)?;
        let mut inputs = input::desk_inputs(&desk)?;
        if let Some(dir) = &templates {
            inputs.add_folder(dir, FileKind::Template);
        }
        inputs.add_articles(
            &args.articles.paths,
            &args.articles.input.load_options()?.extensions,
        );
        inputs.check(path)?;
    }
    let glossary = desk.glossary()?;
    let reviews = desk.reviews()?;
    let translations = desk.translations()?;
    for warning in &translations.warnings {
        say!("warning: {warning}");
    }
    let stages = Stages::new(args.progress);
    let corpus = args.articles.input.read(&args.articles.paths, &stages)?;
    let matcher = Matcher::new(&glossary);
    let options = pipeline::align_options(threshold, &reviews);
    let analysis = pipeline::analyse(&corpus, Some(&matcher), &options, &stages);
    let brief_desk = BriefDesk {
        glossary: &glossary,
        matcher: &matcher,
        reviews: &reviews,
        translations: &translations,
    };
    let brief_options = brief::Options {
        title: args.title,
        top,
        threshold,
        top_stories: args.top_stories,
        story_facts: args.story_facts,
    };
    let chosen_corpus;
    let chosen_analysis;
    let briefing = if args.story.is_none() && args.match_word.is_none() {
        analysis.brief(&brief_desk, &brief_options, &stages)
    } else {
        let report = pipeline::stage(&stages, Stage::Stories, None, || {
            analysis.stories(
                Some(&glossary),
                Some(&matcher),
                &stories::Options::default(),
            )
        });
        let chosen = match (&args.story, &args.match_word) {
            (Some(id), _) => match select::by_id(&report.summaries, id) {
                Some(s) => vec![s],
                None => anyhow::bail!(super::UsageError(format!(
                    "--story {}: no story has this id in these articles ({} stories; \
                     `mizan stories` lists them with their ids)",
                    make_visible(id),
                    report.summaries.len()
                ))),
            },
            (None, Some(word)) => {
                let found = select::by_word(&report.summaries, word);
                if found.is_empty() {
                    anyhow::bail!(super::UsageError(format!(
                        "--match {}: no story's title or terms hold this word ({} stories; \
                         `mizan stories` lists them with their terms)",
                        make_visible(word),
                        report.summaries.len()
                    )));
                }
                found
            }
            (None, None) => unreachable!("a story was asked for"),
        };
        let mut docs: Vec<usize> = chosen
            .iter()
            .flat_map(|&s| report.stories.stories[s].articles.iter().copied())
            .collect();
        docs.sort_unstable();
        chosen_corpus = corpus.subset(&docs);
        chosen_analysis = pipeline::analyse(&chosen_corpus, Some(&matcher), &options, &stages);
        chosen_analysis.brief_with_stories(&brief_desk, &brief_options, None, &stages)
    };
    let text = pipeline::stage(&stages, Stage::Render, None, || match &renderer {
        Some(renderer) => renderer.render(&briefing).map_err(anyhow::Error::from),
        None => {
            let mut json = serde_json::to_string_pretty(&briefing)?;
            json.push('\n');
            Ok(json)
        }
    })?;
    pipeline::stage(&stages, Stage::Write, None, || -> anyhow::Result<()> {
        match output {
            Some(path) => {
                mizan::files::write_atomically(path, &text)?;
                wrote(path, args.progress.quiet);
            }
            None => {
                let mut out = stdout();
                out.write_all(text.as_bytes())?;
                finish(out)?;
            }
        }
        Ok(())
    })?;
    stages.report(&input::files_used(&desk, true)?);
    Ok(())
}
