//! `mizan segment`: sentences with byte spans.

use super::input::Articles;
use super::output::{Format, finish, stdout};
use mizan::pipeline;
use mizan::text::bidi::{make_visible, shown_name};
use mizan::text::span::LineIndex;
use serde::Serialize;
use std::io::Write;

/// Split articles into sentences, with byte offsets into each article's text.
///
/// Boundaries follow Arabic news usage: `. ! ? ؟ …` end a sentence, `، ؛ :` do not; numbers,
/// dates, URLs, handles and abbreviations such as `د.` and `أ.ف.ب` are kept whole; a line without
/// final punctuation (a headline, a byline) is a segment of its own.
#[derive(Debug, clap::Args)]
#[command(after_help = "Examples:\n  mizan segment examples/kazakhstan\n  \
    mizan segment --format jsonl article.txt | jq .text\n  \
    mizan segment --encoding windows-1256 old-archive/")]
pub struct Args {
    #[command(flatten)]
    articles: Articles,

    /// `text` for reading, `jsonl` for tools: {"doc","index","start","end","text","kind"}.
    #[arg(long, value_enum, default_value = "text")]
    format: Format,
}

#[derive(Serialize)]
struct Line<'a> {
    doc: &'a str,
    index: usize,
    start: usize,
    end: usize,
    text: &'a str,
    kind: &'a str,
}

pub fn run(args: Args) -> anyhow::Result<()> {
    let corpus = args.articles.load()?;
    let segmented = pipeline::segment(&corpus, &pipeline::Silent);
    let mut out = stdout();
    // JSON is serialized into a buffer first, so a closed pipe surfaces as a plain io::Error.
    let mut json = Vec::new();
    for (doc, sentences) in corpus.documents.iter().zip(&segmented) {
        let lines = LineIndex::new(&doc.text);
        if args.format == Format::Text {
            let plural = if sentences.len() == 1 { "" } else { "s" };
            writeln!(
                out,
                "{} ({} sentence{plural})",
                shown_name(&doc.id),
                sentences.len()
            )?;
        }
        for (index, s) in sentences.iter().enumerate() {
            let text = s.span.slice(&doc.text);
            match args.format {
                Format::Jsonl => {
                    let line = Line {
                        doc: &doc.id,
                        index,
                        start: s.span.start,
                        end: s.span.end,
                        text,
                        kind: s.kind.as_str(),
                    };
                    json.clear();
                    serde_json::to_writer(&mut json, &line)?;
                    json.push(b'\n');
                    out.write_all(&json)?;
                }
                Format::Text => {
                    let (line, column) = lines.line_column(&doc.text, s.span.start);
                    let kind = match s.kind.as_str() {
                        "body" => String::new(),
                        k => format!("[{k}] "),
                    };
                    let one_line = text.split_whitespace().collect::<Vec<_>>().join(" ");
                    let one_line = make_visible(&one_line);
                    writeln!(out, "{index:4}  {line}:{column}\t{kind}{one_line}")?;
                }
            }
        }
    }
    finish(out)
}
