//! Any bytes as the text of glossary.toml: `mizan::glossary::parse` never panics, and an error
//! names a line and column inside the text. On success the matcher builds, `glossary::check`
//! runs (every problem names entries of the glossary and can be described), and the matcher
//! finds terms in a text made of the glossary's own forms with the invariants of
//! `Matcher::find`.
#![no_main]

mod common;

use libfuzzer_sys::fuzz_target;
use mizan::error::{FileKind, Location};
use mizan::glossary::{self, Matcher};
use std::path::Path;

fuzz_target!(|data: &[u8]| {
    // `glossary::load` refuses invalid UTF-8 before parsing; decode lossily so every input
    // reaches the parser.
    let text = common::text(data);
    let text = text.as_ref();
    let path = Path::new("glossary.toml");
    let g = match glossary::parse(text, path) {
        Ok(g) => g,
        Err(e) => {
            assert_eq!(e.file(), Some(FileKind::Glossary), "{e}");
            if let Some(Location {
                line: Some(line),
                column,
                ..
            }) = e.location()
            {
                let lines = text.split('\n').count().max(1);
                assert!(
                    (1..=lines).contains(line),
                    "error line {line} outside 1..={lines}"
                );
                assert!(column.is_none_or(|c| c >= 1), "error column {column:?}");
            }
            let _ = e.to_string();
            return;
        }
    };
    let matcher = Matcher::new(&g);
    for problem in glossary::check::check(&g) {
        for entry in problem.entries() {
            assert!(entry < g.terms.len(), "problem names entry {entry}");
        }
        let _ = (problem.is_error(), problem.describe(&g));
    }
    let _ = glossary::layout::term_lines(text);
    // Every form once, with a proclitic, separated by punctuation and white space.
    let mut article = String::new();
    for entry in &g.terms {
        for form in entry.forms() {
            article.push_str(form);
            article.push_str("، و");
            article.push_str(form);
            article.push_str(".\n");
        }
    }
    let hits = matcher.find(&article);
    common::check_hits(&g, &article, &hits);
});
