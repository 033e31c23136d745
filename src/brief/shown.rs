//! Article text as the briefing shows it, in every format.

use crate::text::bidi::make_visible;
use crate::text::chars::is_hiding_invisible;

/// Article text as shown: white space collapsed (a sentence is one table cell), bidi
/// reordering controls made visible (`⟨U+202E⟩`), so no input can reorder what the reader
/// sees, and invisible characters that only hide things (zero-width space, joiners, word
/// joiner, BOM, the Arabic letter mark) dropped.
pub fn shown(text: &str) -> String {
    let visible = make_visible(text);
    let mut out = String::with_capacity(visible.len());
    for word in visible.split_whitespace() {
        let mut kept = word.chars().filter(|c| !is_hiding_invisible(*c)).peekable();
        if kept.peek().is_none() {
            continue;
        }
        if !out.is_empty() {
            out.push(' ');
        }
        out.extend(kept);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn shown_text_is_one_line_and_cannot_reorder() {
        assert_eq!(
            shown("قال\n  المتحدث\t\u{202E}سرا"),
            "قال المتحدث ⟨U+202E⟩سرا"
        );
    }
}
