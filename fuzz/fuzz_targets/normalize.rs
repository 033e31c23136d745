//! `mizan::text::normalize` on any text: the offset map gives char boundaries of the original,
//! never going backwards, and ends at the original's end; the fast path equals the
//! character-by-character reference; normalizing twice changes nothing.
#![no_main]

mod common;

use libfuzzer_sys::fuzz_target;
use mizan::text::normalize::normalize_reference;
use mizan::text::{normalize, normalize_str};

fuzz_target!(|data: &[u8]| {
    let text = common::text(data);
    let text = text.as_ref();
    let norm = normalize(text);
    let reference = normalize_reference(text);
    assert_eq!(
        norm.text, reference.text,
        "fast path differs from the reference"
    );

    let mut previous = 0;
    let boundaries = norm.text.char_indices().map(|(i, _)| i);
    for i in boundaries.chain([norm.text.len()]) {
        let o = norm.map.to_original(i);
        assert!(o <= text.len(), "offset {i} maps to {o}, past the text");
        assert!(
            text.is_char_boundary(o),
            "offset {i} maps to {o}, off a boundary"
        );
        assert!(o >= previous, "map goes backwards at {i}: {o} < {previous}");
        previous = o;
        assert_eq!(
            o,
            reference.map.to_original(i),
            "fast and reference maps differ at {i}"
        );
    }
    assert_eq!(norm.map.to_original(norm.text.len()), text.len());

    assert_eq!(normalize_str(&norm.text), norm.text, "not idempotent");
});
