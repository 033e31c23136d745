//! `mizan::figures::extract` on any sentence: every figure's span lies within the sentence, on
//! char boundaries, start not after end, figures in text order; disagreements index them.
#![no_main]

mod common;

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let text = common::text(data);
    let sentence = text.as_ref();
    let figures = mizan::figures::extract(sentence);
    let mut previous_start = 0;
    for (k, f) in figures.iter().enumerate() {
        let (start, end) = (f.span.start, f.span.end);
        assert!(start <= end, "figure {k}: span {start}..{end} reversed");
        assert!(
            end <= sentence.len(),
            "figure {k}: span {start}..{end} past the sentence"
        );
        assert!(
            sentence.is_char_boundary(start) && sentence.is_char_boundary(end),
            "figure {k}: span {start}..{end} off a char boundary"
        );
        assert!(start >= previous_start, "figure {k}: out of order");
        previous_start = start;
        // What the briefing shows of a figure: its words, label and amount.
        let _ = (f.span.slice(sentence), f.label(), f.amount());
    }
    for d in mizan::figures::disagreements(&figures) {
        for (_, indices) in &d.amounts {
            assert!(indices.iter().all(|&i| i < figures.len()));
        }
    }
});
