//! Invariants of normalization, tokens and segmentation on arbitrary text.

use mizan::text::chars::is_invisible_control;
use mizan::text::normalize::normalize_reference;
use mizan::text::{normalize, normalize_str, segment, tokenize};
use proptest::prelude::*;

/// Text that looks like Arabic news at the character level: letters with and without
/// diacritics, both digit sets, the punctuation that decides boundaries, quotes, line breaks,
/// bidi and zero-width controls, Latin, URLs, and presentation forms.
fn newsy_text() -> impl Strategy<Value = String> {
    let pieces = prop_oneof![
        4 => prop::sample::select(vec![
            "قال", "الشرطة", "أعلنت", "إلى", "على", "مبنى", "آلماتا", "كازاخستان", "وزارة",
            "اعتُقِلَ", "التجمّعات", "كـازاخ", "ی", "ک", "د", "ز", "أ.ف.ب", "إلخ", "ق.م", "م",
        ]),
        3 => prop::sample::select(vec![
            " ", " ", "\n", "\n\n", "\r\n", "\t", "\u{00A0}", ". ", ".", "!", "?", "؟", "…",
            "...", "؟!", "،", "؛", ":", ",", "-", "«", "»", "“", "”", "\"", "(", ")", "[", "]",
        ]),
        1 => prop::sample::select(vec![
            "7.5", "11,300", "٧٫٥", "١٢٣", "۴۵", "12:30", "2022-01", "10.09.2023", "1989م",
            "https://t.co/Op5Gw", "pic.twitter.com/x", "@netblocks", "#Kazakhstan",
            "news@example.org", "U.S.", "e.g.", "date 2022-01 ", "إعداد: فلان\n",
        ]),
        1 => prop::sample::select(vec![
            "\u{200B}", "\u{200C}", "\u{200D}", "\u{200E}", "\u{200F}", "\u{202A}", "\u{202E}",
            "\u{202C}", "\u{2066}", "\u{2069}", "\u{061C}", "\u{FEFF}", "\u{0654}", "\u{0670}",
            "\u{0640}", "\u{064B}", "\u{0651}",
        ]),
        1 => prop::sample::select(vec!["\u{FEFB}", "\u{FDF2}", "\u{FE8D}", "\u{FDFA}"]),
    ];
    prop::collection::vec(pieces, 0..60).prop_map(|v| v.concat())
}

fn check_segmentation(text: &str) -> Result<(), TestCaseError> {
    let sentences = segment(text);
    let mut previous_end = 0;
    for s in &sentences {
        let (start, end) = (s.span.start, s.span.end);
        prop_assert!(start < end, "empty span {start}..{end}");
        prop_assert!(end <= text.len());
        prop_assert!(start >= previous_end, "overlap or disorder at {start}");
        prop_assert!(text.is_char_boundary(start) && text.is_char_boundary(end));
        let slice = &text[start..end];
        prop_assert_eq!(slice.trim(), slice, "span keeps surrounding white space");
        previous_end = end;
    }
    // Nothing is lost: every visible character is inside exactly one sentence.
    for (i, c) in text.char_indices() {
        if c.is_whitespace() || is_invisible_control(c) {
            continue;
        }
        let covering = sentences
            .iter()
            .filter(|s| s.span.start <= i && i < s.span.end)
            .count();
        prop_assert_eq!(
            covering,
            1,
            "character {:?} at {} is in {} sentences",
            c,
            i,
            covering
        );
    }
    Ok(())
}

fn check_normalization(text: &str) -> Result<(), TestCaseError> {
    let norm = normalize(text);
    prop_assert_eq!(
        normalize_str(&norm.text),
        norm.text.clone(),
        "not idempotent"
    );
    let mut previous = 0;
    for (i, _) in norm.text.char_indices().chain([(norm.text.len(), ' ')]) {
        let o = norm.map.to_original(i);
        prop_assert!(
            o <= text.len() && text.is_char_boundary(o),
            "offset {o} off a boundary"
        );
        prop_assert!(o >= previous, "map goes backwards at {i}");
        previous = o;
    }
    prop_assert_eq!(norm.map.to_original(norm.text.len()), text.len());
    Ok(())
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(2000))]

    #[test]
    fn segmentation_spans_are_ordered_trimmed_and_cover_the_text(text in newsy_text()) {
        check_segmentation(&text)?;
    }

    #[test]
    fn segmentation_never_panics_on_any_string(text in any::<String>()) {
        check_segmentation(&text)?;
    }

    #[test]
    fn normalization_is_idempotent_and_maps_back(text in newsy_text()) {
        check_normalization(&text)?;
    }

    #[test]
    fn normalization_handles_any_string(text in any::<String>()) {
        check_normalization(&text)?;
    }

    #[test]
    fn fast_normalization_equals_the_character_by_character_reference(text in newsy_text()) {
        // Long enough for the 16-byte chunks of the vectorized loop.
        let text = text.repeat(3);
        let fast = normalize(&text);
        let reference = normalize_reference(&text);
        prop_assert_eq!(&fast.text, &reference.text);
        for (i, _) in fast.text.char_indices() {
            prop_assert_eq!(fast.map.to_original(i), reference.map.to_original(i));
        }
    }

    #[test]
    fn segmentation_is_deterministic(text in newsy_text()) {
        prop_assert_eq!(segment(&text), segment(&text));
    }

    #[test]
    fn tokens_point_at_their_original_words(text in newsy_text()) {
        // Presentation forms can expand into several words (ﷺ): a token may then begin inside
        // one original character, which the offset map cannot split.
        let text: String = text
            .chars()
            .filter(|c| !('\u{FB50}'..='\u{FEFE}').contains(c))
            .collect();
        let tokenized = tokenize(&text);
        let mut previous_end = 0;
        for token in &tokenized.tokens {
            prop_assert!(token.span.start >= previous_end);
            prop_assert!(text.is_char_boundary(token.span.start));
            prop_assert!(text.is_char_boundary(token.span.end));
            let original = token.span.slice(&text);
            prop_assert_eq!(normalize_str(original), tokenized.norm(token));
            previous_end = token.span.end;
        }
    }
}
