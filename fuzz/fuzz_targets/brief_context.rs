//! The whole briefing pipeline in memory, as `mizan brief` runs it (`mizan::pipeline`): any
//! bytes split on 0xFF (never in UTF-8) into 1–4 articles, each with optional front matter
//! (`---` lines of `outlet:`, `date:`, `title:`), blank ones dropped as the loaders drop them;
//! each segmented, the reporting sentences aligned with a small glossary, built into a briefing
//! with no reviews or translations, and rendered as Markdown and HTML. Rendering succeeds;
//! neither output has a raw bidi reordering control (U+202A–U+202E, U+2066–U+2069) or a
//! `<script` (in any case); every Markdown table row has as many unescaped `|` as its header
//! (the check of tests/it/brief.rs).
#![no_main]

mod common;

use libfuzzer_sys::fuzz_target;
use mizan::align::DEFAULT_THRESHOLD;
use mizan::brief::{self, Format, Renderer, Translations};
use mizan::corpus::{Corpus, Document, metadata};
use mizan::glossary::{Glossary, Matcher};
use mizan::pipeline;
use mizan::review::Reviews;
use mizan::text::chars::is_reordering_control;
use mizan::text::chars::is_invisible_control;
use std::sync::LazyLock;

static GLOSSARY: LazyLock<(Glossary, Matcher)> = LazyLock::new(|| {
    let g = common::small_glossary();
    let m = Matcher::new(&g);
    (g, m)
});

/// `brief::render(&briefing, format, None)` is `Renderer::new(format, None)?.render(..)`:
/// the renderers are made once, as `mizan brief` does, not once per input.
static RENDERERS: LazyLock<[Renderer; 2]> = LazyLock::new(|| {
    [Format::Markdown, Format::Html].map(|f| Renderer::new(f, None).expect("built-in templates"))
});

fuzz_target!(|data: &[u8]| {
    let documents: Vec<Document> = data
        .splitn(4, |&b| b == 0xFF)
        .enumerate()
        .map(|(i, bytes)| document(i, String::from_utf8_lossy(bytes).into_owned()))
        // The loaders skip (with a warning) an article with nothing visible in it; a folder of
        // such articles still gets a (empty) briefing.
        .filter(|d| {
            !d.text
                .chars()
                .all(|c| c.is_whitespace() || is_invisible_control(c))
        })
        .collect();
    let corpus = Corpus {
        documents,
        warnings: Vec::new(),
    };
    let (glossary, matcher) = &*GLOSSARY;
    let reviews = Reviews::default();
    let translations = Translations::default();
    let options = pipeline::align_options(DEFAULT_THRESHOLD, &reviews);
    let analysis = pipeline::analyse(&corpus, Some(matcher), &options, &pipeline::Silent);
    let briefing = analysis.brief(
        &pipeline::BriefDesk {
            glossary,
            matcher,
            reviews: &reviews,
            translations: &translations,
        },
        &brief::Options {
            title: None,
            top: 20,
            threshold: DEFAULT_THRESHOLD,
            ..brief::Options::default()
        },
        &pipeline::Silent,
    );
    let [markdown, html] = &*RENDERERS;
    let md = markdown.render(&briefing).expect("Markdown renders");
    let page = html.render(&briefing).expect("HTML renders");
    for (name, out) in [("Markdown", &md), ("HTML", &page)] {
        if let Some(c) = out.chars().find(|&c| is_reordering_control(c)) {
            panic!("{name} has a raw U+{:04X}", c as u32);
        }
        assert!(
            !out.to_ascii_lowercase().contains("<script"),
            "{name} has a <script"
        );
    }
    assert_tables_are_rectangular(&md);
});

/// An article as the corpus loader makes one: its front matter or stray date header read by
/// `corpus::metadata`, the loader's own function.
fn document(i: usize, text: String) -> Document {
    let (meta, body_start) = metadata(&text);
    Document {
        id: format!("articles/{i}.md"),
        text,
        body_start,
        meta,
    }
}

/// Every table row has as many cells as its header (tests/it/brief.rs).
fn assert_tables_are_rectangular(md: &str) {
    let mut header: Option<usize> = None;
    for (n, line) in md.lines().enumerate() {
        if !line.starts_with('|') {
            header = None;
            continue;
        }
        let cells = cells(line);
        match header {
            None => header = Some(cells),
            Some(h) => assert_eq!(cells, h, "line {}: {line}", n + 1),
        }
    }
}

/// Cells of a GFM table row: `|` separates, `\|` does not (tests/it/brief.rs).
fn cells(line: &str) -> usize {
    let mut separators = 0;
    let mut escaped = false;
    for c in line.chars() {
        match c {
            '\\' if !escaped => escaped = true,
            '|' if !escaped => separators += 1,
            _ => escaped = false,
        }
        if c != '\\' {
            escaped = false;
        }
    }
    separators - 1
}
