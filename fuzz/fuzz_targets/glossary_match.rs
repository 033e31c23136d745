//! A fixed small glossary (names with variants, multi-word terms, the article, suffixes, a
//! presentation form) and any text: `Matcher::find` gives hits in text order, non-overlapping,
//! each a non-empty span on char boundaries of the text with its core inside it, naming an
//! existing entry and form; the same as `find_tokenized` of the same text.
#![no_main]

mod common;

use libfuzzer_sys::fuzz_target;
use mizan::glossary::{Glossary, Matcher};
use mizan::text::tokenize;
use std::sync::LazyLock;

static GLOSSARY: LazyLock<(Glossary, Matcher)> = LazyLock::new(|| {
    let g = common::small_glossary();
    let m = Matcher::new(&g);
    (g, m)
});

fuzz_target!(|data: &[u8]| {
    let text = common::text(data);
    let text = text.as_ref();
    let (glossary, matcher) = &*GLOSSARY;
    let hits = matcher.find(text);
    common::check_hits(glossary, text, &hits);
    assert_eq!(hits, matcher.find_tokenized(&tokenize(text)));
});
