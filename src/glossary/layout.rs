//! Where each `[[term]]` table is in the glossary's text, from toml_edit's spans: for messages
//! that point at an entry (`glossary check`) and for edits that change one entry and leave
//! every other byte of the file as it was (`glossary add`, `rm`).

use crate::text::span::LineIndex;
use std::ops::Range;

/// Where the parts of one `[[term]]` table are in the text.
#[derive(Debug)]
pub(crate) struct TermLayout {
    /// The `[[term]]` header.
    pub(crate) header: Range<usize>,
    /// Start of the `ar` key: where messages about the entry point.
    pub(crate) ar_key: usize,
    /// End of the table's last value.
    pub(crate) end: usize,
    /// Start of the key and end of the value of `ar`, `en` and `kind`.
    pub(crate) fields: Vec<(usize, usize)>,
    pub(crate) variants: Option<ArrayLayout>,
}

/// A `variants = [...]` array: its brackets and its elements.
#[derive(Debug)]
pub(crate) struct ArrayLayout {
    pub(crate) span: Range<usize>,
    pub(crate) items: Vec<Range<usize>>,
}

/// Why the term tables could not be located.
#[derive(Debug)]
pub(crate) enum Unlocated {
    /// The text is not TOML.
    NotToml { offset: usize, message: String },
    /// The terms are an inline array (`term = [...]`) at this offset, not `[[term]]` tables.
    InlineArray { offset: usize },
    /// A table without the spans the layout needs.
    Unknown,
}

/// Every `[[term]]` table of `text`, in file order.
pub(crate) fn term_tables(text: &str) -> Result<Vec<TermLayout>, Unlocated> {
    let doc = toml_edit::Document::parse(text).map_err(|e| Unlocated::NotToml {
        offset: e.span().map_or(0, |s| s.start),
        message: e.message().trim().to_string(),
    })?;
    match doc.as_table().get_key_value("term") {
        None => Ok(Vec::new()),
        Some((key, item)) => match item.as_array_of_tables() {
            Some(tables) => tables
                .iter()
                .map(layout)
                .collect::<Option<Vec<_>>>()
                .ok_or(Unlocated::Unknown),
            None => Err(Unlocated::InlineArray {
                offset: key.span().map_or(0, |s| s.start),
            }),
        },
    }
}

/// Line (1-based) of each entry's `[[term]]` header, by entry index; empty when the text's
/// terms cannot be located.
pub fn term_lines(text: &str) -> Vec<usize> {
    let text = text.strip_prefix('\u{FEFF}').unwrap_or(text);
    let lines = LineIndex::new(text);
    term_tables(text)
        .map(|tables| {
            tables
                .iter()
                .map(|t| lines.line_column(text, t.header.start).0)
                .collect()
        })
        .unwrap_or_default()
}

/// Where a `[[term]]` table's parts are; `None` if a span is missing.
fn layout(table: &toml_edit::Table) -> Option<TermLayout> {
    let header = table.span()?;
    let mut end = header.end;
    for (name, _) in table.iter() {
        let (_, item) = table.get_key_value(name)?;
        end = end.max(item.span()?.end);
    }
    let field = |name: &str| -> Option<Option<(usize, usize)>> {
        match table.get_key_value(name) {
            None => Some(None),
            Some((key, item)) => Some(Some((key.span()?.start, item.span()?.end))),
        }
    };
    let ar = field("ar")??;
    let fields = [Some(ar), field("en")?, field("kind")?]
        .into_iter()
        .flatten()
        .collect();
    let variants = match table.get("variants") {
        None => None,
        Some(item) => {
            let array = item.as_array()?;
            Some(ArrayLayout {
                span: array.span()?,
                items: array.iter().map(|v| v.span()).collect::<Option<_>>()?,
            })
        }
    };
    Some(TermLayout {
        header,
        ar_key: ar.0,
        end,
        fields,
        variants,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn term_lines_count_headers_not_the_word_in_comments_or_strings() {
        let text = "# x [[term]]\n[[term]]\nar = \"[[term]]\"\nen = \"a\"\n\n[[term]] # second\nar = \"b\"\n";
        assert_eq!(term_lines(text), [2, 6]);
        assert_eq!(term_lines("term = [{ ar = \"a\" }]\n"), Vec::<usize>::new());
    }
}
