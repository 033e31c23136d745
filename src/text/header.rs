//! Stray metadata headers that scrapers leave in front of an article (`date 2022-01`).

use super::span::Span;

/// A `date YYYY-MM[-DD]` header (also `Date:`) at `from`, after white space: its span and the
/// date it gives. It must be followed by white space or the end of the text.
pub fn leading_date(text: &str, from: usize) -> Option<(Span, &str)> {
    let rest = &text[from..];
    let start = from + (rest.len() - rest.trim_start().len());
    let s = &text[start..];
    if !s
        .get(..4)
        .is_some_and(|key| key.eq_ignore_ascii_case("date"))
    {
        return None;
    }
    let after_key = s[4..].strip_prefix(':').unwrap_or(&s[4..]);
    let value = after_key.trim_start_matches([' ', '\t']);
    if value.len() == after_key.len() && !s[4..].starts_with(':') {
        return None; // `datexyz`: not a header
    }
    let date_len = iso_date_len(value)?;
    let after = &value[date_len..];
    if !(after.is_empty() || after.starts_with(char::is_whitespace)) {
        return None;
    }
    let date_start = text.len() - value.len();
    let end = date_start + date_len;
    Some((Span::new(start, end), &text[date_start..end]))
}

/// Length of an ISO `YYYY-MM` or `YYYY-MM-DD` prefix.
fn iso_date_len(s: &str) -> Option<usize> {
    let b = s.as_bytes();
    let digits =
        |r: std::ops::Range<usize>| b.len() >= r.end && b[r].iter().all(u8::is_ascii_digit);
    if !(digits(0..4) && b.get(4) == Some(&b'-') && digits(5..7)) {
        return None;
    }
    if b.get(7) == Some(&b'-') && digits(8..10) {
        Some(10)
    } else {
        Some(7)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_a_date_header_before_the_first_sentence() {
        let text = " date 2022-01 أعلنت الشرطة";
        let (span, date) = leading_date(text, 0).unwrap();
        assert_eq!(span.slice(text), "date 2022-01");
        assert_eq!(date, "2022-01");
    }

    #[test]
    fn accepts_a_colon_and_a_full_date() {
        let text = "Date: 2022-01-05\nنص";
        assert_eq!(leading_date(text, 0).unwrap().1, "2022-01-05");
    }

    #[test]
    fn ignores_text_that_only_starts_like_a_header() {
        assert!(leading_date("dated 2022-01 نص", 0).is_none());
        assert!(leading_date("date 2022-0 نص", 0).is_none());
        assert!(leading_date("date 2022-01x نص", 0).is_none());
        assert!(leading_date("أعلنت date 2022-01", 0).is_none());
    }
}
