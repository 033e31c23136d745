//! Shared by the fuzz targets: input decoding, a small glossary, and the invariants of a
//! matcher's hits.
#![allow(dead_code)] // each target uses part of this

use mizan::glossary::{Entry, Form, Glossary, Hit};
use std::borrow::Cow;

/// The fuzzer's bytes as text. Invalid UTF-8 becomes U+FFFD, so every input is used.
pub fn text(data: &[u8]) -> Cow<'_, str> {
    String::from_utf8_lossy(data)
}

/// A few entries of the desk's kind: names with spelling variants, multi-word terms, a term
/// written with the article, vocabulary that takes pronoun suffixes, a Latin variant, and a
/// variant written with a presentation form (ﷲ, which normalizes to several letters).
pub fn small_glossary() -> Glossary {
    let entry = |ar: &str, en: &str, kind: &str, variants: &[&str]| Entry {
        kind: Some(kind.to_string()),
        variants: variants.iter().map(|v| v.to_string()).collect(),
        ..Entry::new(ar, en)
    };
    Glossary {
        meta: None,
        terms: vec![
            entry(
                "قاسم جومارت توكاييف",
                "Kassym-Jomart Tokayev",
                "person",
                &["قاسم جومرد توكاييف", "توكاييف"],
            ),
            entry("ألماتي", "Almaty", "place", &["ألما آتا", "آلماتا"]),
            entry("كازاخستان", "Kazakhstan", "place", &["قازاقستان"]),
            entry("الإمارات", "United Arab Emirates", "place", &[]),
            entry(
                "منظمة معاهدة الأمن الجماعي",
                "CSTO",
                "org",
                &["CSTO", "منظمة الأمن الجماعي"],
            ),
            entry("منظمة", "organization", "term", &[]),
            entry("العاصفة دانيال", "Storm Daniel", "event", &[]),
            entry("حكومة", "government", "term", &["الحكومة"]),
            entry("رئيس", "president", "term", &[]),
            entry("الشرطة", "police", "term", &["شرطة"]),
            entry("حالة الطوارئ", "state of emergency", "term", &[]),
            entry("عبد الله", "Abdullah", "person", &["عبدالله", "عبد ﷲ"]),
        ],
    }
}

/// What `Matcher::find` promises (src/glossary/matcher.rs): hits in text order,
/// non-overlapping, each a non-empty span of whole words on char boundaries of `text`, its
/// core (the term without clitics) inside it, naming an entry and form of `glossary`.
pub fn check_hits(glossary: &Glossary, text: &str, hits: &[Hit]) {
    let mut previous_end = 0;
    for (k, hit) in hits.iter().enumerate() {
        let (start, end) = (hit.span.start, hit.span.end);
        assert!(start < end, "hit {k}: empty span {start}..{end}");
        assert!(
            end <= text.len(),
            "hit {k}: span {start}..{end} past the text"
        );
        assert!(
            text.is_char_boundary(start) && text.is_char_boundary(end),
            "hit {k}: span {start}..{end} off a char boundary"
        );
        assert!(
            start >= previous_end,
            "hit {k}: {start}..{end} overlaps or precedes the previous hit (ends {previous_end})"
        );
        previous_end = end;
        let core = hit.core;
        assert!(
            start <= core.start && core.start <= core.end && core.end <= end,
            "hit {k}: core {}..{} not inside span {start}..{end}",
            core.start,
            core.end
        );
        assert!(
            text.is_char_boundary(core.start) && text.is_char_boundary(core.end),
            "hit {k}: core {}..{} off a char boundary",
            core.start,
            core.end
        );
        let entry = glossary
            .terms
            .get(hit.entry)
            .unwrap_or_else(|| panic!("hit {k}: entry {} out of range", hit.entry));
        if let Form::Variant(v) = hit.form {
            assert!(
                v < entry.variants.len(),
                "hit {k}: variant {v} out of range"
            );
        }
    }
}
