//! Characters that hide or reorder text: the one place that says which they are. And a
//! letter-or-digit test with the Arabic letters answered without the Unicode tables.
//!
//! Three sets, for three jobs: matching ignores every invisible control; displays make the
//! reordering controls visible (a reader must not be misled by them); the briefing drops the
//! invisible characters that only hide things (they split words and carry no meaning).

/// Zero-width characters, bidi embeddings, overrides and isolates, the Arabic letter mark, the
/// byte order mark, the soft hyphen and the word joiner: invisible in display, but they split
/// words for a naive matcher, so normalization deletes them.
pub const fn is_invisible_control(c: char) -> bool {
    matches!(
        c,
        '\u{200B}'..='\u{200F}'
            | '\u{202A}'..='\u{202E}'
            | '\u{2066}'..='\u{2069}'
            | '\u{061C}'
            | '\u{FEFF}'
            | '\u{00AD}'
            | '\u{2060}'
    )
}

/// `char::is_alphanumeric`, with ASCII and the Arabic letters (the common cases) answered
/// first: the standard one walks Unicode tables for every non-ASCII character, which was a
/// fifth of the archive's run time in word splitting.
#[inline]
pub fn is_alphanumeric(c: char) -> bool {
    match c {
        '\0'..='\x7f' => c.is_ascii_alphanumeric(),
        '\u{0621}'..='\u{063A}' | '\u{0641}'..='\u{064A}' => true,
        _ => c.is_alphanumeric(),
    }
}

/// Embeddings, overrides and isolates (U+202A–U+202E, U+2066–U+2069): they change the display
/// order of the text around them, so an article can show a reader something other than what it
/// says ("Trojan Source"). Marks (LRM, RLM, ALM) only nudge neutral characters and are left
/// alone.
pub const fn is_reordering_control(c: char) -> bool {
    matches!(c, '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}')
}

/// Invisible characters that only hide things in briefing text: zero-width space and joiners,
/// the word joiner, the byte order mark and the Arabic letter mark. (Reordering controls are
/// shown instead, LRM/RLM kept: they help display.)
pub const fn is_hiding_invisible(c: char) -> bool {
    matches!(
        c,
        '\u{061C}' | '\u{200B}' | '\u{200C}' | '\u{200D}' | '\u{2060}' | '\u{FEFF}'
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn alphanumeric_agrees_with_the_standard_library() {
        for c in ('\0'..='\u{2FFF}').chain('\u{FB50}'..='\u{FEFF}') {
            assert_eq!(
                is_alphanumeric(c),
                c.is_alphanumeric(),
                "{c:?} U+{:04X}",
                c as u32
            );
        }
    }

    #[test]
    fn the_sets_nest_as_their_jobs_need() {
        for c in (0..0x11_0000).filter_map(char::from_u32) {
            // What is shown or dropped is also ignored for matching.
            if is_reordering_control(c) || is_hiding_invisible(c) {
                assert!(is_invisible_control(c), "U+{:04X}", c as u32);
            }
            assert!(!(is_reordering_control(c) && is_hiding_invisible(c)));
        }
        assert!(is_invisible_control('\u{200F}') && !is_reordering_control('\u{200F}'));
        assert!(!is_invisible_control('ا') && !is_invisible_control(' '));
    }
}
