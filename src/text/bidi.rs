//! Bidi controls that reorder what a reader sees, and how output keeps them harmless.

use super::chars::{is_invisible_control, is_reordering_control};
use std::borrow::Cow;
use std::path::Path;

/// `text` with every reordering control replaced by a visible `⟨U+202E⟩`, for displays where
/// the reader should see the control instead of being misled by it.
pub fn make_visible(text: &str) -> Cow<'_, str> {
    show_as_code_points(text, is_reordering_control)
}

/// `text` with every character for which `hidden` holds written as `⟨U+XXXX⟩`.
fn show_as_code_points(text: &str, hidden: impl Fn(char) -> bool) -> Cow<'_, str> {
    if !text.contains(&hidden) {
        return Cow::Borrowed(text);
    }
    let mut out = String::with_capacity(text.len() + 16);
    for c in text.chars() {
        if hidden(c) {
            out.push_str(&format!("⟨U+{:04X}⟩", c as u32));
        } else {
            out.push(c);
        }
    }
    Cow::Owned(out)
}

/// A path as shown to a person, in every message and every human-readable output: control
/// characters (a newline, ESC), bidi controls and invisible characters are shown as
/// `⟨U+001B⟩`, so a file name can neither break a line, drive the terminal, reorder the
/// text around it nor look like another name. (JSON output keeps the exact path instead.)
pub fn shown_path(path: &Path) -> String {
    shown_name(&path.to_string_lossy()).into_owned()
}

/// A name made of a path (an article's id: `FILE`, `FILE#ID`, `FILE:LINE`), shown as
/// [`shown_path`] shows a path.
pub fn shown_name(name: &str) -> Cow<'_, str> {
    show_as_code_points(name, |c| {
        c.is_control() || is_invisible_control(c) || matches!(c, '\u{2028}' | '\u{2029}')
    })
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

    #[test]
    fn paths_show_controls_and_invisibles() {
        assert_eq!(
            shown_path(Path::new("a\nb\u{1b}[31m\u{202E}c\u{200B}.txt")),
            "a⟨U+000A⟩b⟨U+001B⟩[31m⟨U+202E⟩c⟨U+200B⟩.txt"
        );
        assert!(matches!(shown_name("أخبار/خبر.txt"), Cow::Borrowed(_)));
    }
}
