//! The glossary as TSV and CSV, for spreadsheets.
//!
//! One header row naming the columns, then one row per entry:
//!
//! ```text
//! ar      en      kind    variants        note
//! توكاييف Tokayev person  قاسم جومارت توكاييف|جومارت توكاييف      President since 2019
//! ```
//!
//! - Export writes the columns `ar, en, kind, variants, note` in that order; variants are
//!   joined by `|`, an absent kind or note is an empty field.
//! - Import needs the header row. Its names are matched case-insensitively, in any order;
//!   `ar` and `en` are required, `kind`, `variants` and `note` optional. An unknown,
//!   duplicated or unnamed column is an error at its place in line 1. Every row needs a
//!   non-empty `ar` and `en`; a row shorter than the header has empty trailing fields
//!   (editors that strip trailing tabs do this), a longer one is an error. A UTF-8 BOM at
//!   the start and blank rows (including rows of empty fields, such as `,,,,`) are skipped.
//! - `ar`, `en`, `kind` and each variant are trimmed of surrounding whitespace; the note is
//!   kept exactly as written. An empty `kind` or `note` is none; empty pieces between `|`
//!   are dropped.
//! - CSV is RFC 4180: fields separated by `,`, rows ended by CRLF (written) or CRLF or LF
//!   (read). A field holding `,`, `"`, CR or LF is written between double quotes with `"`
//!   doubled, and such a field keeps its line breaks exactly. A `"` inside an unquoted
//!   field, text after a closing quote and an unterminated quote are errors.
//! - TSV (IANA `text/tab-separated-values`) has no quoting at all: fields are separated by
//!   tabs, rows by LF (CRLF is read too). A field cannot hold a tab or a line break, so
//!   export replaces each tab, CR or LF inside a field by a space; this is the one lossy
//!   step, and it only touches notes written over several lines.
//! - Limitations of both: a variant containing `|` cannot be represented (it would read
//!   back as two variants; Arabic spellings do not contain it), and neither can `[meta]`:
//!   an imported TSV or CSV glossary has no meta.

use super::{error_at, non_blank, non_empty};
use crate::error::Result;
use crate::glossary::{ENTRY_FIELDS, Entry, Glossary};
use std::path::Path;

/// Which delimited format: tabs and no quoting, or commas with RFC 4180 quoting.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Dialect {
    Tsv,
    Csv,
}

/// Write a glossary as TSV or CSV, with a header row.
pub fn write(glossary: &Glossary, dialect: Dialect) -> String {
    match dialect {
        Dialect::Tsv => export_tsv(glossary),
        Dialect::Csv => export_csv(glossary),
    }
}

/// Read a glossary from TSV or CSV; `path` names the text in errors.
pub fn read(text: &str, dialect: Dialect, path: &Path) -> Result<Glossary> {
    let text = text.strip_prefix('\u{FEFF}').unwrap_or(text);
    match dialect {
        Dialect::Tsv => from_rows(text, read_tsv(text), path),
        Dialect::Csv => from_rows(text, read_csv(text, path)?, path),
    }
}

/// The five fields of an entry, in the exported column order.
fn entry_fields(entry: &Entry) -> [String; 5] {
    [
        entry.ar.clone(),
        entry.en.clone(),
        entry.kind.clone().unwrap_or_default(),
        entry.variants.join("|"),
        entry.note.clone().unwrap_or_default(),
    ]
}

fn export_tsv(glossary: &Glossary) -> String {
    let mut out = String::new();
    let mut row = |fields: &[String]| {
        let fields: Vec<String> = fields
            .iter()
            .map(|f| f.replace(['\t', '\r', '\n'], " "))
            .collect();
        out.push_str(&fields.join("\t"));
        out.push('\n');
    };
    row(&ENTRY_FIELDS
        .iter()
        .map(|f| f.to_string())
        .collect::<Vec<_>>());
    for entry in &glossary.terms {
        row(&entry_fields(entry));
    }
    out
}

fn export_csv(glossary: &Glossary) -> String {
    let mut out = String::new();
    let mut row = |fields: &[String]| {
        for (i, field) in fields.iter().enumerate() {
            if i > 0 {
                out.push(',');
            }
            if field.contains([',', '"', '\r', '\n']) {
                out.push('"');
                out.push_str(&field.replace('"', "\"\""));
                out.push('"');
            } else {
                out.push_str(field);
            }
        }
        out.push_str("\r\n");
    };
    row(&ENTRY_FIELDS
        .iter()
        .map(|f| f.to_string())
        .collect::<Vec<_>>());
    for entry in &glossary.terms {
        row(&entry_fields(entry));
    }
    out
}

/// One field of a row, with the byte offset where it starts.
#[derive(Debug)]
struct Field {
    value: String,
    offset: usize,
}

/// One row: its fields and the byte offset of its end (before the line break).
#[derive(Debug)]
struct Row {
    fields: Vec<Field>,
    end: usize,
}

impl Row {
    fn is_blank(&self) -> bool {
        self.fields.iter().all(|f| f.value.trim().is_empty())
    }
}

/// TSV rows: no quoting, tabs between fields, LF or CRLF between rows.
fn read_tsv(text: &str) -> Vec<Row> {
    let mut rows = Vec::new();
    let mut offset = 0;
    for raw in text.split_inclusive('\n') {
        let line = raw.strip_suffix('\n').unwrap_or(raw);
        let line = line.strip_suffix('\r').unwrap_or(line);
        let mut fields = Vec::new();
        let mut field_offset = offset;
        for value in line.split('\t') {
            fields.push(Field {
                value: value.to_string(),
                offset: field_offset,
            });
            field_offset += value.len() + 1;
        }
        rows.push(Row {
            fields,
            end: offset + line.len(),
        });
        offset += raw.len();
    }
    rows
}

/// CSV rows (RFC 4180), rows ended by CRLF or LF.
fn read_csv(text: &str, path: &Path) -> Result<Vec<Row>> {
    let bytes = text.as_bytes();
    let len = bytes.len();
    let line_break_at =
        |i: usize| bytes[i] == b'\n' || (bytes[i] == b'\r' && bytes.get(i + 1) == Some(&b'\n'));
    let mut rows = Vec::new();
    let mut i = 0;
    while i < len {
        let mut fields = Vec::new();
        loop {
            let start = i;
            let mut value = String::new();
            if i < len && bytes[i] == b'"' {
                i += 1;
                loop {
                    let Some(quote) = text[i..].find('"').map(|q| q + i) else {
                        return Err(error_at(
                            path,
                            text,
                            start,
                            "bad quoting: this quoted field is never closed (no closing '\"' \
                             before the end of the file)",
                        ));
                    };
                    value.push_str(&text[i..quote]);
                    if bytes.get(quote + 1) == Some(&b'"') {
                        value.push('"');
                        i = quote + 2;
                    } else {
                        i = quote + 1;
                        break;
                    }
                }
                if i < len && bytes[i] != b',' && !line_break_at(i) {
                    let c = text[i..].chars().next().unwrap_or_default();
                    return Err(error_at(
                        path,
                        text,
                        i,
                        format!(
                            "bad quoting: '{}' after the closing quote of a field (inside a \
                             quoted field, write a quote as \"\")",
                            c.escape_debug()
                        ),
                    ));
                }
            } else {
                while i < len && bytes[i] != b',' && !line_break_at(i) {
                    if bytes[i] == b'"' {
                        return Err(error_at(
                            path,
                            text,
                            i,
                            "bad quoting: '\"' inside an unquoted field (put the whole field \
                             in quotes and write the quote as \"\")",
                        ));
                    }
                    i += 1;
                }
                value.push_str(&text[start..i]);
            }
            fields.push(Field {
                value,
                offset: start,
            });
            if i < len && bytes[i] == b',' {
                i += 1;
                continue;
            }
            let end = i;
            if i < len {
                i += if bytes[i] == b'\r' { 2 } else { 1 };
            }
            rows.push(Row { fields, end });
            break;
        }
    }
    Ok(rows)
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Column {
    Ar,
    En,
    Kind,
    Variants,
    Note,
}

/// Entries from rows: the first non-blank row is the header.
fn from_rows(text: &str, rows: Vec<Row>, path: &Path) -> Result<Glossary> {
    let mut rows = rows.into_iter().filter(|r| !r.is_blank());
    let Some(header) = rows.next() else {
        return Err(error_at(
            path,
            text,
            0,
            format!(
                "no header row (expected the columns {})",
                ENTRY_FIELDS.join(", ")
            ),
        ));
    };
    let mut columns: Vec<Column> = Vec::new();
    for (i, field) in header.fields.iter().enumerate() {
        let name = field.value.trim();
        let column = match name.to_ascii_lowercase().as_str() {
            "ar" => Column::Ar,
            "en" => Column::En,
            "kind" => Column::Kind,
            "variants" => Column::Variants,
            "note" => Column::Note,
            _ => {
                let what = if name.is_empty() {
                    format!("column {} has no name", i + 1)
                } else {
                    format!("unknown column '{name}' (column {})", i + 1)
                };
                // A spreadsheet saved with `;` between fields, or TSV read as CSV.
                let hint = if name.contains([',', ';', '\t']) {
                    " (are the fields separated by another character?)"
                } else {
                    ""
                };
                return Err(error_at(
                    path,
                    text,
                    field.offset,
                    format!("{what}; expected {}{hint}", ENTRY_FIELDS.join(", ")),
                ));
            }
        };
        if columns.contains(&column) {
            return Err(error_at(
                path,
                text,
                field.offset,
                format!("duplicate column '{name}' (column {})", i + 1),
            ));
        }
        columns.push(column);
    }
    for (required, name) in [(Column::Ar, "ar"), (Column::En, "en")] {
        if !columns.contains(&required) {
            let names: Vec<&str> = header.fields.iter().map(|f| f.value.trim()).collect();
            return Err(error_at(
                path,
                text,
                header.fields[0].offset,
                format!(
                    "missing required column '{name}' (the header has {}; ar and en are required)",
                    names.join(", ")
                ),
            ));
        }
    }

    let mut terms = Vec::new();
    for row in rows {
        if let Some(extra) = row.fields.get(columns.len()) {
            return Err(error_at(
                path,
                text,
                extra.offset,
                format!(
                    "this row has {} fields but the header has {} columns",
                    row.fields.len(),
                    columns.len()
                ),
            ));
        }
        let field = |column: Column| {
            let i = columns.iter().position(|&c| c == column)?;
            Some(
                row.fields
                    .get(i)
                    .map_or((row.end, ""), |f| (f.offset, f.value.as_str())),
            )
        };
        let required = |column: Column, name: &str| {
            let (offset, value) = field(column).expect("required column is present");
            non_empty(value).ok_or_else(|| {
                error_at(
                    path,
                    text,
                    offset,
                    format!("empty '{name}' in this row (every row needs ar and en)"),
                )
            })
        };
        let ar = required(Column::Ar, "ar")?;
        let en = required(Column::En, "en")?;
        let optional = |column: Column| field(column).map_or("", |(_, value)| value);
        terms.push(Entry {
            ar,
            en,
            kind: non_empty(optional(Column::Kind)),
            variants: optional(Column::Variants)
                .split('|')
                .filter_map(non_empty)
                .collect(),
            note: non_blank(optional(Column::Note)),
        });
    }
    Ok(Glossary { meta: None, terms })
}

#[cfg(test)]
mod tests {
    use crate::glossary::{Entry, Glossary};
    use crate::interchange::testing::{err, read, sample, without_meta};
    use crate::interchange::{Format, export};

    #[test]
    fn tsv_round_trip() {
        let g = sample();
        let text = export(&g, Format::Tsv);
        assert!(text.starts_with("ar\ten\tkind\tvariants\tnote\n"), "{text}");
        assert_eq!(read(&text, Format::Tsv), without_meta(g));
    }

    #[test]
    fn csv_round_trip() {
        let g = sample();
        let text = export(&g, Format::Csv);
        assert!(text.starts_with("ar,en,kind,variants,note\r\n"), "{text}");
        assert!(
            text.contains(",\"Senate, upper house\",,,a < b && c > d\r\n"),
            "{text}"
        );
        assert_eq!(read(&text, Format::Csv), without_meta(g));
    }

    #[test]
    fn csv_keeps_line_breaks_and_quotes_in_notes() {
        let g = Glossary {
            meta: None,
            terms: vec![Entry {
                note: Some("first line\r\nsecond, \"quoted\"\nthird".into()),
                ..Entry::new("بيان", "statement")
            }],
        };
        let text = export(&g, Format::Csv);
        assert_eq!(
            text,
            "ar,en,kind,variants,note\r\nبيان,statement,,,\"first line\r\nsecond, \
             \"\"quoted\"\"\nthird\"\r\n"
        );
        assert_eq!(read(&text, Format::Csv), g);
    }

    #[test]
    fn tsv_export_flattens_tabs_and_line_breaks() {
        let g = Glossary {
            meta: None,
            terms: vec![Entry {
                note: Some("a\tb\r\nc".into()),
                ..Entry::new("بيان", "statement")
            }],
        };
        let text = export(&g, Format::Tsv);
        assert_eq!(text.lines().nth(1), Some("بيان\tstatement\t\t\ta b  c"));
    }

    #[test]
    fn columns_in_any_order_with_optional_ones_left_out() {
        let tsv = "\u{FEFF}en\tvariants\tar\n\nTokayev\tتوكايف | قاسم توكاييف\tتوكاييف\r\n\t\t\n";
        let g = read(tsv, Format::Tsv);
        assert_eq!(
            g.terms,
            [Entry {
                variants: vec!["توكايف".into(), "قاسم توكاييف".into()],
                ..Entry::new("توكاييف", "Tokayev")
            }]
        );
        let csv = "Note,EN,ar,kind\r\n\"said \"\"no\"\"\",Astana,أستانا,\r\n,,,\r\n";
        let g = read(csv, Format::Csv);
        assert_eq!(
            g.terms,
            [Entry {
                note: Some("said \"no\"".into()),
                ..Entry::new("أستانا", "Astana")
            }]
        );
    }

    #[test]
    fn short_rows_have_empty_trailing_fields() {
        let g = read("ar\ten\tkind\tnote\nتوكاييف\tTokayev\n", Format::Tsv);
        assert_eq!(g.terms, [Entry::new("توكاييف", "Tokayev")]);
    }

    #[test]
    fn unknown_column_names_it_and_its_place() {
        assert_eq!(
            err("ar,en,english\r\n", Format::Csv),
            "g.csv:1:7: unknown column 'english' (column 3); expected ar, en, kind, variants, note"
        );
        assert_eq!(
            err("ar\ten\t\tnote\n", Format::Tsv),
            "g.tsv:1:7: column 3 has no name; expected ar, en, kind, variants, note"
        );
        assert_eq!(
            err("ar;en;note\n", Format::Csv),
            "g.csv:1:1: unknown column 'ar;en;note' (column 1); expected ar, en, kind, variants, \
             note (are the fields separated by another character?)"
        );
        assert_eq!(
            err("ar,en,AR\n", Format::Csv),
            "g.csv:1:7: duplicate column 'AR' (column 3)"
        );
    }

    #[test]
    fn missing_ar_column() {
        assert_eq!(
            err("en\tkind\nTokayev\tperson\n", Format::Tsv),
            "g.tsv:1:1: missing required column 'ar' (the header has en, kind; ar and en are \
             required)"
        );
        assert_eq!(
            err("", Format::Csv),
            "g.csv:1:1: no header row (expected the columns ar, en, kind, variants, note)"
        );
    }

    #[test]
    fn empty_en_is_reported_on_its_line() {
        let csv = "ar,en,kind\nتوكاييف,Tokayev,person\nأستانا,,place\n";
        assert_eq!(
            err(csv, Format::Csv),
            "g.csv:3:8: empty 'en' in this row (every row needs ar and en)"
        );
        let tsv = "ar\ten\tkind\nتوكاييف\tTokayev\tperson\nأستانا\t \tplace\n";
        assert_eq!(
            err(tsv, Format::Tsv),
            "g.tsv:3:8: empty 'en' in this row (every row needs ar and en)"
        );
        let short = "ar\ten\nتوكاييف\tTokayev\nأستانا\n";
        assert_eq!(
            err(short, Format::Tsv),
            "g.tsv:3:7: empty 'en' in this row (every row needs ar and en)"
        );
        assert_eq!(
            err("ar,en\nأ,b,c\n", Format::Csv),
            "g.csv:2:5: this row has 3 fields but the header has 2 columns"
        );
    }

    #[test]
    fn bad_quoting_in_csv() {
        assert_eq!(
            err("ar,en\nأستانا,\"Astana\"x\n", Format::Csv),
            "g.csv:2:16: bad quoting: 'x' after the closing quote of a field (inside a quoted \
             field, write a quote as \"\")"
        );
        assert_eq!(
            err("ar,en\nأستانا,the \"capital\"\n", Format::Csv),
            "g.csv:2:12: bad quoting: '\"' inside an unquoted field (put the whole field in \
             quotes and write the quote as \"\")"
        );
        assert_eq!(
            err("ar,en\nأستانا,\"Astana\n", Format::Csv),
            "g.csv:2:8: bad quoting: this quoted field is never closed (no closing '\"' before \
             the end of the file)"
        );
    }
}
