//! Escaping article text for Markdown, so that it shows as written on GitHub, in pandoc and
//! in CommonMark renderers: no table cell split by a `|`, no emphasis from `*` or `_`, no
//! link (not even a bare URL), no HTML tag, no math (pandoc's `$`), no line that turns into a
//! heading or list. [`markdown`] is for Markdown text (the briefing); [`html_in_markdown`] for
//! HTML inside a Markdown document (the review's blocks).

/// `text` escaped for any inline position of a Markdown document, table cells included.
/// Runs of white space, line breaks included, become one space (a cell is one line).
pub fn markdown(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + 8);
    let mut at_start = true;
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            c if c.is_whitespace() => {
                if !out.ends_with(' ') && !out.is_empty() {
                    out.push(' ');
                }
                continue;
            }
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            // "://" and "www." would make a bare URL a live link (GFM's extended autolinks):
            // a briefing shows an article's URL, it does not link to it.
            ':' if chars.clone().take(2).eq("//".chars()) => out.push_str("\\:"),
            '.' if out.len() >= 3
                && out.as_bytes()[out.len() - 3..].eq_ignore_ascii_case(b"www")
                && out[..out.len() - 3]
                    .chars()
                    .next_back()
                    .is_none_or(|c| !c.is_alphanumeric()) =>
            {
                out.push_str("\\.")
            }
            '\\' | '`' | '*' | '_' | '[' | ']' | '|' | '~' | '$' | '^' | '@' => {
                out.push('\\');
                out.push(c);
            }
            // Only at the start of a line do these begin a heading, list or rule.
            '#' | '+' | '-' | '=' if at_start => {
                out.push('\\');
                out.push(c);
            }
            '0'..='9' if at_start => {
                out.push(c);
                // "12. " or "12) " at the start of a line is an ordered list item.
                while let Some(&d) = chars.peek().filter(|d| d.is_ascii_digit()) {
                    out.push(d);
                    chars.next();
                }
                if let Some(&p @ ('.' | ')')) = chars.peek() {
                    chars.next();
                    // Only a marker followed by a space (or nothing) starts a list item.
                    if chars.peek().is_none_or(|c| c.is_whitespace()) {
                        out.push('\\');
                    }
                    out.push(p);
                }
            }
            _ => out.push(c),
        }
        at_start = false;
    }
    out
}

/// `text` for HTML that sits in a Markdown document (review's `<p>` blocks, and the heading
/// and list lines around them): HTML's markup characters, and the `*`, `_` and `|` that
/// Markdown would read as emphasis or a table cell's end, as character references, which
/// both read as the character itself.
pub fn html_in_markdown(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + 8);
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '*' => out.push_str("&#42;"),
            '_' => out.push_str("&#95;"),
            '|' => out.push_str("&#124;"),
            _ => out.push(c),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn html_in_markdown_escapes_markup_and_markdown_characters() {
        assert_eq!(
            html_in_markdown(r#"<b a="1">x & *y* _z_ | w</b> 'q'"#),
            "&lt;b a=&quot;1&quot;&gt;x &amp; &#42;y&#42; &#95;z&#95; &#124; w&lt;/b&gt; 'q'"
        );
        assert_eq!(html_in_markdown("&amp;"), "&amp;amp;");
    }

    #[test]
    fn table_breaking_and_markup_characters_are_escaped() {
        assert_eq!(markdown("a | b"), r"a \| b");
        assert_eq!(markdown("*bold* _it_ `code`"), r"\*bold\* \_it\_ \`code\`");
        assert_eq!(
            markdown("<script>x</script>"),
            "&lt;script&gt;x&lt;/script&gt;"
        );
        assert_eq!(markdown("[link](http://x)"), r"\[link\](http\://x)");
        assert_eq!(markdown("$5 & $6"), r"\$5 &amp; \$6");
        assert_eq!(markdown("a\\b"), r"a\\b");
    }

    #[test]
    fn line_starts_that_would_make_blocks_are_escaped() {
        assert_eq!(markdown("# title"), r"\# title");
        assert_eq!(markdown("- item"), r"\- item");
        assert_eq!(markdown("2022. year"), r"2022\. year");
        assert_eq!(markdown("0.929"), "0.929");
        assert_eq!(markdown("in 2022. then"), "in 2022. then");
        assert_eq!(markdown("a # b - c"), "a # b - c");
    }

    #[test]
    fn bare_urls_do_not_become_links() {
        assert_eq!(markdown("https://t.co/x"), r"https\://t.co/x");
        assert_eq!(markdown("see www.example.org"), r"see www\.example.org");
        assert_eq!(markdown("awww.x"), "awww.x");
    }

    #[test]
    fn line_breaks_become_spaces() {
        assert_eq!(markdown("سطر\nآخر\r\n"), "سطر آخر ");
    }

    #[test]
    fn arabic_passes_through() {
        let text = "قال المتحدث، في بيان: «انتهى الأمر».";
        assert_eq!(markdown(text), text);
    }

    /// The text of the one cell of a one-column table, as a CommonMark + GFM tables renderer
    /// reads it.
    fn rendered_cell(cell: &str) -> Option<String> {
        use pulldown_cmark::{Event, Options, Parser, Tag, TagEnd};
        let md = format!("| h |\n|---|\n| {cell} |\n");
        let mut text = String::new();
        let (mut cells, mut in_body) = (0, false);
        for event in Parser::new_ext(&md, Options::ENABLE_TABLES) {
            match event {
                Event::Start(Tag::TableRow) => in_body = true,
                Event::Start(Tag::TableCell) if in_body => cells += 1,
                Event::End(TagEnd::TableCell) => {}
                Event::Text(t) | Event::Code(t) if in_body => text.push_str(&t),
                Event::Start(Tag::TableCell | Tag::TableHead | Tag::Table(_)) | Event::End(_) => {}
                Event::Start(_) | Event::Html(_) | Event::InlineHtml(_) if in_body => return None,
                _ => {}
            }
        }
        (cells == 1).then_some(text)
    }

    proptest::proptest! {
        /// One pass gives what review's chain of `replace` calls gave (`&` first).
        #[test]
        fn html_in_markdown_is_the_chain_of_replacements(text in "[a-z &<>\"*_|#;0-9\u{627}-\u{64a}]{0,40}") {
            let chained = text
                .replace('&', "&amp;")
                .replace('<', "&lt;")
                .replace('>', "&gt;")
                .replace('"', "&quot;")
                .replace('*', "&#42;")
                .replace('_', "&#95;")
                .replace('|', "&#124;");
            proptest::prop_assert_eq!(html_in_markdown(&text), chained);
        }

        /// Whatever an article holds, it stays one cell, with no markup, and reads as written
        /// (white space collapsed).
        #[test]
        fn any_text_renders_as_itself_in_one_table_cell(
            text in "[a-z0-9 |*_`<>\\[\\]()!#&;:./~$^@=+\\-\\\\\n\u{627}-\u{64a}]{0,40}"
        ) {
            let escaped = markdown(&text);
            let cell = rendered_cell(&escaped);
            let expected = text.split_whitespace().collect::<Vec<_>>().join(" ");
            proptest::prop_assert_eq!(cell.map(|c| c.trim().to_string()), Some(expected), "{}", escaped);
        }
    }
}
