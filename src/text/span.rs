//! Byte spans into a document's text: what every stage cites.

use serde::Serialize;
use std::cell::Cell;
use std::ops::Range;

/// A half-open byte range `[start, end)` into a document's decoded text.
///
/// Spans always lie on `char` boundaries of the text they were made from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
pub struct Span {
    pub start: usize,
    pub end: usize,
}

impl Span {
    pub fn new(start: usize, end: usize) -> Self {
        debug_assert!(start <= end, "span {start}..{end} is reversed");
        Span { start, end }
    }

    pub fn len(&self) -> usize {
        self.end - self.start
    }

    pub fn is_empty(&self) -> bool {
        self.start == self.end
    }

    /// The text this span covers. Panics if the span is not from `text`.
    pub fn slice<'t>(&self, text: &'t str) -> &'t str {
        &text[self.start..self.end]
    }

    pub fn range(&self) -> Range<usize> {
        self.start..self.end
    }
}

/// 1-based line and column (in characters) of a byte offset, for messages a person reads.
pub fn line_column(text: &str, offset: usize) -> (usize, usize) {
    let before = &text.as_bytes()[..offset.min(text.len())];
    let line_start = before
        .iter()
        .rposition(|&b| b == b'\n')
        .map_or(0, |p| p + 1);
    let line = before.iter().filter(|&&b| b == b'\n').count() + 1;
    let column = String::from_utf8_lossy(&before[line_start..])
        .chars()
        .count()
        + 1;
    (line, column)
}

/// Line starts of a text, for many offset → line:column look-ups without rescanning: the line
/// by binary search, the column counted from the previous look-up when it was earlier on the
/// same line, so offsets asked in text order cost the text's length in all, even on one line
/// of megabytes.
#[derive(Debug, Clone)]
pub struct LineIndex {
    starts: Vec<usize>,
    /// The last offset looked up and its column.
    cursor: Cell<(usize, usize)>,
}

impl LineIndex {
    pub fn new(text: &str) -> Self {
        let starts = std::iter::once(0)
            .chain(
                text.bytes()
                    .enumerate()
                    .filter(|&(_, b)| b == b'\n')
                    .map(|(i, _)| i + 1),
            )
            .collect();
        LineIndex {
            starts,
            cursor: Cell::new((0, 1)),
        }
    }

    /// 1-based line and column (in characters) of `offset` in `text`, the text this index was
    /// built from.
    pub fn line_column(&self, text: &str, offset: usize) -> (usize, usize) {
        let offset = offset.min(text.len());
        let line = self.starts.partition_point(|&s| s <= offset);
        let start = self.starts[line - 1];
        let (from, column) = match self.cursor.get() {
            (last, column) if start <= last && last <= offset => (last, column),
            _ => (start, 1),
        };
        let column = column + text[from..offset].chars().count();
        self.cursor.set((offset, column));
        (line, column)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn line_index_agrees_with_line_column() {
        let text = "سطر أول\nثان\n\nرابع";
        let index = LineIndex::new(text);
        for (offset, _) in text.char_indices() {
            assert_eq!(index.line_column(text, offset), line_column(text, offset));
        }
        // Out of order too: the cursor only helps, it never changes the answer.
        for (offset, _) in text.char_indices().rev().step_by(3) {
            assert_eq!(index.line_column(text, offset), line_column(text, offset));
        }
    }

    #[test]
    fn line_column_counts_characters_not_bytes() {
        let text = "سطر\nكلمة ثانية";
        let offset = text.find("ثانية").unwrap();
        assert_eq!(line_column(text, offset), (2, 6));
        assert_eq!(line_column(text, 0), (1, 1));
    }

    #[test]
    fn slice_returns_covered_text() {
        let text = "أ ب";
        assert_eq!(Span::new(3, 5).slice(text), "ب");
    }
}
