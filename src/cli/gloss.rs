//! `mizan gloss`: glossary terms found in articles.

use super::input::{Articles, GlossaryFile, load_glossary};
use super::output::{finish, stdout};
use clap::ValueEnum;
use mizan::glossary::{Form, Matcher};
use mizan::pipeline;
use mizan::text::bidi::{make_visible, shown_name};
use mizan::text::span::LineIndex;
use serde::Serialize;
use std::io::Write;

/// Find the glossary's terms in articles: through clitics (و ف ب ك ل ال لل), spelling
/// variants and multi-word names, each with its English.
#[derive(Debug, clap::Args)]
#[command(after_help = "Examples:\n  mizan gloss examples/kazakhstan\n  \
    mizan gloss --format explain article.txt      how each term matched: و+ال[إمارات] → ...\n  \
    mizan gloss --format jsonl --glossary desk.toml articles/")]
pub struct Args {
    #[command(flatten)]
    articles: Articles,

    #[command(flatten)]
    glossary: GlossaryFile,

    /// `text` for reading, `explain` to see clitics and variants, `jsonl` for tools:
    /// {"doc","sentence","start","end","surface","ar","en","kind"}.
    #[arg(long, value_enum, default_value = "text")]
    format: GlossFormat,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
enum GlossFormat {
    Text,
    Jsonl,
    Explain,
}

#[derive(Serialize)]
struct Line<'a> {
    doc: &'a str,
    sentence: usize,
    start: usize,
    end: usize,
    surface: &'a str,
    ar: &'a str,
    en: &'a str,
    kind: Option<&'a str>,
}

pub fn run(args: Args) -> anyhow::Result<()> {
    let (_, glossary) = load_glossary(args.glossary.glossary.as_deref())?;
    let corpus = args.articles.load()?;
    let matcher = Matcher::new(&glossary);
    let mut out = stdout();
    let mut json = Vec::new();
    for (doc, terms) in corpus
        .documents
        .iter()
        .zip(pipeline::gloss(&corpus, &matcher))
    {
        let hits = &terms.hits;
        let lines = LineIndex::new(&doc.text);
        if args.format != GlossFormat::Jsonl {
            let plural = if hits.len() == 1 { "" } else { "s" };
            writeln!(out, "{} ({} term{plural})", shown_name(&doc.id), hits.len())?;
        }
        for hit in hits {
            let entry = &glossary.terms[hit.entry];
            let surface = hit.span.slice(&doc.text);
            let sentence = terms.sentence_of(hit.span.start);
            match args.format {
                GlossFormat::Jsonl => {
                    json.clear();
                    serde_json::to_writer(
                        &mut json,
                        &Line {
                            doc: &doc.id,
                            sentence,
                            start: hit.span.start,
                            end: hit.span.end,
                            surface,
                            ar: &entry.ar,
                            en: &entry.en,
                            kind: entry.kind.as_deref(),
                        },
                    )?;
                    json.push(b'\n');
                    out.write_all(&json)?;
                }
                GlossFormat::Text => {
                    let (line, column) = lines.line_column(&doc.text, hit.span.start);
                    let kind = entry
                        .kind
                        .as_deref()
                        .map(|k| format!("  [{k}]"))
                        .unwrap_or_default();
                    writeln!(
                        out,
                        "  {line}:{column}\t{} → {}{kind}",
                        make_visible(surface),
                        entry.en
                    )?;
                }
                GlossFormat::Explain => {
                    let (line, column) = lines.line_column(&doc.text, hit.span.start);
                    let form = match hit.form {
                        Form::Headword => String::new(),
                        Form::Variant(v) => {
                            format!("  (variant '{}' of '{}')", entry.variants[v], entry.ar)
                        }
                    };
                    writeln!(
                        out,
                        "  {line}:{column}\t{} → {}{form}",
                        make_visible(&hit.explain(&doc.text)),
                        entry.en
                    )?;
                }
            }
        }
    }
    finish(out)
}
