//! Bidi controls that reorder what a reader sees, and how output keeps them harmless.

use super::chars::is_reordering_control;
use std::borrow::Cow;

/// `text` with every reordering control replaced by a visible `⟨U+202E⟩`, for displays where
/// the reader should see the control instead of being misled by it.
pub fn make_visible(text: &str) -> Cow<'_, str> {
    if !text.contains(is_reordering_control) {
        return Cow::Borrowed(text);
    }
    let mut out = String::with_capacity(text.len() + 16);
    for c in text.chars() {
        if is_reordering_control(c) {
            out.push_str(&format!("⟨U+{:04X}⟩", c as u32));
        } else {
            out.push(c);
        }
    }
    Cow::Owned(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn overrides_become_visible_and_marks_stay() {
        assert_eq!(
            make_visible("حساب \u{202E}مجهول\u{202C} \u{200F}"),
            "حساب ⟨U+202E⟩مجهول⟨U+202C⟩ \u{200F}"
        );
        assert!(matches!(make_visible("نص عادي"), Cow::Borrowed(_)));
    }
}
