//! `mizan::text::segment` and `segment_from` on any text, the invariants of
//! tests/it/properties.rs: spans non-empty, in bounds, on char boundaries, in order and
//! non-overlapping, trimmed of white space; every visible character of the article text in
//! exactly one sentence; nothing before `body_start`.
//!
//! Input: two bytes choosing `body_start` (a fraction of the text's length, snapped back to a
//! char boundary), then the text.
#![no_main]

mod common;

use libfuzzer_sys::fuzz_target;
use mizan::text::chars::is_invisible_control;
use mizan::text::{Sentence, segment, segment_from};

fuzz_target!(|data: &[u8]| {
    let (selector, rest) = match data {
        [a, b, rest @ ..] => (u16::from_le_bytes([*a, *b]), rest),
        _ => (0, data),
    };
    let text = common::text(rest);
    let text = text.as_ref();

    let whole = segment(text);
    check(text, 0, &whole);
    assert_eq!(whole, segment_from(text, 0));

    let mut body_start = (text.len() * usize::from(selector)) / usize::from(u16::MAX);
    while !text.is_char_boundary(body_start) {
        body_start -= 1;
    }
    check(text, body_start, &segment_from(text, body_start));
});

fn check(text: &str, body_start: usize, sentences: &[Sentence]) {
    let mut previous_end = body_start;
    for s in sentences {
        let (start, end) = (s.span.start, s.span.end);
        assert!(start < end, "empty span {start}..{end}");
        assert!(end <= text.len(), "span {start}..{end} past the text");
        assert!(
            start >= previous_end,
            "span {start}..{end} overlaps, precedes the previous one or body_start {body_start}"
        );
        assert!(
            text.is_char_boundary(start) && text.is_char_boundary(end),
            "span {start}..{end} off a char boundary"
        );
        let slice = &text[start..end];
        assert_eq!(slice.trim(), slice, "span {start}..{end} keeps white space");
        previous_end = end;
    }
    // Nothing is lost: every visible character of the body lies in exactly one sentence (the
    // spans are ordered and disjoint, so one pass suffices).
    let mut next = sentences.iter().peekable();
    for (i, c) in text[body_start..].char_indices() {
        let i = body_start + i;
        while next.peek().is_some_and(|s| s.span.end <= i) {
            next.next();
        }
        if c.is_whitespace() || is_invisible_control(c) {
            continue;
        }
        assert!(
            next.peek().is_some_and(|s| s.span.start <= i),
            "character {c:?} at {i} is in no sentence"
        );
    }
}
