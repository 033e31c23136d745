//! The glossary as TSV and CSV, for spreadsheets.
//!
//! One header row naming the columns, then one row per entry:
//!
//! ```text
//! ar      en      kind    variants        note
//! توكاييف Tokayev person  قاسم جومارت توكاييف|جومارت توكاييف      President since 2019
//! ```
//!
//! - Export writes the columns `ar, en, kind, variants, note` in that order, and `also` (the
//!   other accepted English renderings) when an entry has some; variants and renderings are
//!   joined by `|`, an absent kind or note is an empty field.
//! - Import needs the header row. Its names are matched case-insensitively, in any order;
//!   `ar` and `en` are required, `kind`, `variants`, `note` and `also` optional. An unknown,
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
//!   tabs, rows by LF (CRLF is read too). A field cannot hold a tab or a line break, so the
//!   export of an entry with one (a note over several lines, most often) is refused, naming
//!   the entry and suggesting CSV or TBX.
//! - Limitations of both: a variant containing `|` cannot be represented (it would read
//!   back as two variants), so its export is refused; `glossary add` and `import` refuse such
//!   spellings and `glossary check` reports them. `[meta]` is not carried: an imported TSV or
//!   CSV glossary has no meta.
//! - Export is exact or refused: the text is read back and compared with the glossary (meta
//!   aside), so what the rules above do not name (white space around a trimmed field, an
//!   empty variant) is refused too.
//!
//! Both are read and written with the `csv` crate. It is lenient where this format is strict
//! (quoting) and does not say where a field starts, so those checks are made here, on the
//! text beside the crate's records.

use super::{error_at, non_blank, non_empty};
use crate::error::{Error, ErrorKind, FileKind, Result};
use crate::glossary::{ENTRY_FIELDS, Entry, Glossary};
use crate::text::bidi::make_visible;
use std::path::Path;

/// Which delimited format: tabs and no quoting, or commas with RFC 4180 quoting.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Dialect {
    /// Tab-separated, no quoting, rows ended by LF.
    Tsv,
    /// Comma-separated, RFC 4180 quoting, rows ended by CRLF.
    Csv,
}

impl Dialect {
    fn name(self) -> &'static str {
        match self {
            Dialect::Tsv => "tsv",
            Dialect::Csv => "csv",
        }
    }

    fn delimiter(self) -> u8 {
        match self {
            Dialect::Tsv => b'\t',
            Dialect::Csv => b',',
        }
    }
}

/// Write a glossary as TSV or CSV, with a header row; refused, naming the entry, when it
/// would not read back exactly.
pub fn write(glossary: &Glossary, dialect: Dialect) -> Result<String> {
    for entry in &glossary.terms {
        refuse_separators(entry, dialect)?;
    }
    let text = write_unchecked(glossary, dialect);
    // What the checks above do not name (white space around a trimmed field, an empty
    // variant...) is caught by reading the text back: the export is exact or refused.
    let without_meta = Glossary {
        meta: None,
        terms: glossary.terms.clone(),
    };
    let back = read(&text, dialect, Path::new(dialect.name())).ok();
    if back.as_ref() != Some(&without_meta) {
        let differs = back.as_ref().map_or(0, |back| {
            (0..glossary.terms.len())
                .find(|&i| back.terms.get(i) != Some(&glossary.terms[i]))
                .unwrap_or(0)
        });
        let entry = &glossary.terms[differs];
        return Err(refused(
            dialect,
            format!(
                "{} would not read back as it is (white space around a field, an empty \
                 variant, kind or note?); glossary check reports empty fields; export as TBX",
                name(entry)
            ),
        ));
    }
    Ok(text)
}

/// An entry as messages name it: `'ألماتي' (Almaty)`, controls shown.
fn name(entry: &Entry) -> String {
    let shown = |s: &str| make_visible(&s.replace(['\t', '\r', '\n'], " ")).into_owned();
    format!("'{}' ({})", shown(&entry.ar), shown(&entry.en))
}

fn refused(dialect: Dialect, message: String) -> Error {
    Error::new(ErrorKind::Invalid(format!(
        "cannot export as {}: {message}",
        dialect.name().to_ascii_uppercase()
    )))
    .in_file(FileKind::Glossary)
}

/// A variant holding `|` (TSV and CSV), a field holding a tab or a line break (TSV): named,
/// with the format that would carry it.
fn refuse_separators(entry: &Entry, dialect: Dialect) -> Result<()> {
    if let Some(variant) = entry
        .variants
        .iter()
        .chain(&entry.also)
        .find(|v| v.contains('|'))
    {
        return Err(refused(
            dialect,
            format!(
                "variant '{}' of {} contains '|', which separates variants in TSV and CSV; \
                 change the variant, or export as TBX",
                make_visible(variant),
                name(entry)
            ),
        ));
    }
    if dialect == Dialect::Tsv {
        let fields = [
            ("the Arabic", Some(entry.ar.as_str())),
            ("the English", Some(entry.en.as_str())),
            ("the kind", entry.kind.as_deref()),
            ("the note", entry.note.as_deref()),
        ]
        .into_iter()
        .chain(
            entry
                .variants
                .iter()
                .map(|v| ("a variant", Some(v.as_str()))),
        );
        for (what, value) in fields {
            let Some(c) = value.and_then(|v| v.chars().find(|c| matches!(c, '\t' | '\r' | '\n')))
            else {
                continue;
            };
            let c = if c == '\t' { "a tab" } else { "a line break" };
            return Err(refused(
                dialect,
                format!(
                    "{what} of {} contains {c}, which a TSV field cannot hold; export as CSV \
                     or TBX, which keep it",
                    name(entry)
                ),
            ));
        }
    }
    Ok(())
}

fn write_unchecked(glossary: &Glossary, dialect: Dialect) -> String {
    let mut writer = csv::WriterBuilder::new()
        .delimiter(dialect.delimiter())
        .terminator(match dialect {
            Dialect::Tsv => csv::Terminator::Any(b'\n'),
            Dialect::Csv => csv::Terminator::CRLF,
        })
        // TSV has no quoting: `write` refuses the fields that would need it.
        .quote_style(match dialect {
            Dialect::Tsv => csv::QuoteStyle::Never,
            Dialect::Csv => csv::QuoteStyle::Necessary,
        })
        .from_writer(Vec::new());
    write_rows(&mut writer, glossary).expect("writing to memory does not fail");
    let bytes = writer
        .into_inner()
        .expect("writing to memory does not fail");
    String::from_utf8(bytes).expect("UTF-8 fields with ASCII separators are UTF-8")
}

fn write_rows(writer: &mut csv::Writer<Vec<u8>>, glossary: &Glossary) -> csv::Result<()> {
    // `also` and `gloss` only when an entry needs them: the five columns of the format stay
    // as other tools know them.
    let columns = if glossary.terms.iter().any(|e| e.gloss.is_some()) {
        ENTRY_FIELDS.len()
    } else if glossary.terms.iter().any(|e| !e.also.is_empty()) {
        ENTRY_FIELDS.len() - 1
    } else {
        ENTRY_FIELDS.len() - 2
    };
    writer.write_record(&ENTRY_FIELDS[..columns])?;
    for entry in &glossary.terms {
        writer.write_record(&entry_fields(entry)[..columns])?;
    }
    Ok(())
}

/// Read a glossary from TSV or CSV; `path` names the text in errors.
pub fn read(text: &str, dialect: Dialect, path: &Path) -> Result<Glossary> {
    // The csv crate skips one UTF-8 BOM at the start of its input; positions in messages
    // count from after it, so a second BOM is text of the first field.
    let body = text.strip_prefix('\u{FEFF}').unwrap_or(text);
    let rows = read_rows(text, body, dialect, path)?;
    from_rows(body, rows, path)
}

/// The seven fields of an entry, in the exported column order.
fn entry_fields(entry: &Entry) -> [String; 7] {
    [
        entry.ar.clone(),
        entry.en.clone(),
        entry.kind.clone().unwrap_or_default(),
        entry.variants.join("|"),
        entry.note.clone().unwrap_or_default(),
        entry.also.join("|"),
        entry.gloss.map(|g| g.to_string()).unwrap_or_default(),
    ]
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

/// The records the csv crate reads from `text`, each field placed in `body` (`text` after
/// its BOM).
///
/// The crate gives a record's values but not where each one starts, which messages need, and
/// it lets loose CSV quoting through (see [`csv_field_end`]); so the fields are followed
/// through the text as they come. The crate ends rows at LF only, so that a lone CR stays
/// inside its field as before; the CR of a CRLF is then taken off the row's last field here.
/// TSV also drops a CR at the very end of the text; CSV keeps it.
fn read_rows(text: &str, body: &str, dialect: Dialect, path: &Path) -> Result<Vec<Row>> {
    let mut reader = csv::ReaderBuilder::new()
        .has_headers(false)
        .flexible(true)
        .delimiter(dialect.delimiter())
        .quoting(dialect == Dialect::Csv)
        .terminator(csv::Terminator::Any(b'\n'))
        .from_reader(text.as_bytes());
    let bytes = body.as_bytes();
    let mut rows = Vec::new();
    let mut at = 0;
    for record in reader.records() {
        // Empty lines give no record.
        while bytes.get(at) == Some(&b'\n') {
            at += 1;
        }
        let record = record.map_err(|e| error_at(path, body, at, e.to_string()))?;
        let mut fields: Vec<Field> = Vec::with_capacity(record.len());
        for value in record.iter() {
            if !fields.is_empty() {
                debug_assert_eq!(bytes.get(at), Some(&dialect.delimiter()));
                at += 1;
            }
            let offset = at;
            at = match dialect {
                Dialect::Tsv => at + value.len(),
                Dialect::Csv => csv_field_end(body, at, value, path)?,
            };
            fields.push(Field {
                value: value.to_string(),
                offset,
            });
        }
        debug_assert!(at == bytes.len() || bytes[at] == b'\n', "row ends at {at}");
        let mut end = at;
        if let Some(last) = fields.last_mut() {
            let ends_in_cr = end > last.offset && bytes[end - 1] == b'\r';
            let line_end = end < bytes.len() || dialect == Dialect::Tsv;
            if ends_in_cr && line_end {
                last.value.pop();
                end -= 1;
            }
        }
        rows.push(Row { fields, end });
        at += 1;
    }
    Ok(rows)
}

/// The end of the CSV field that starts at `start` and that the crate read as `value`.
///
/// The crate takes a `"` inside an unquoted field as text, appends text after a closing quote
/// to the field, and ends an unclosed quoted field at the end of the file. Each is an error
/// here, at its place.
fn csv_field_end(body: &str, start: usize, value: &str, path: &Path) -> Result<usize> {
    let bytes = body.as_bytes();
    if bytes.get(start) != Some(&b'"') {
        if let Some(quote) = value.find('"') {
            return Err(error_at(
                path,
                body,
                start + quote,
                "bad quoting: '\"' inside an unquoted field (put the whole field in quotes and \
                 write the quote as \"\")",
            ));
        }
        return Ok(start + value.len());
    }
    // The closing quote is the first one that is not doubled.
    let mut from = start + 1;
    let close = loop {
        let Some(quote) = body[from..].find('"').map(|q| from + q) else {
            return Err(error_at(
                path,
                body,
                start,
                "bad quoting: this quoted field is never closed (no closing '\"' before the end \
                 of the file)",
            ));
        };
        if bytes.get(quote + 1) == Some(&b'"') {
            from = quote + 2;
        } else {
            break quote;
        }
    };
    let after = &body[close + 1..];
    if after.is_empty() || after.starts_with([',', '\n']) {
        Ok(close + 1)
    } else if after.starts_with("\r\n") {
        // The crate keeps this CR in the value; `read_rows` takes it off with the row's end.
        Ok(close + 2)
    } else {
        let c = after.chars().next().unwrap_or_default();
        Err(error_at(
            path,
            body,
            close + 1,
            format!(
                "bad quoting: '{}' after the closing quote of a field (inside a quoted field, \
                 write a quote as \"\")",
                c.escape_debug()
            ),
        ))
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Column {
    Ar,
    En,
    Kind,
    Variants,
    Note,
    Also,
    Gloss,
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
            "also" => Column::Also,
            "gloss" => Column::Gloss,
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
            also: optional(Column::Also)
                .split('|')
                .filter_map(non_empty)
                .collect(),
            gloss: match optional(Column::Gloss).trim() {
                "" => None,
                "false" | "no" => Some(false),
                "true" | "yes" => Some(true),
                other => {
                    let (at, _) = field(Column::Gloss).expect("a value was read");
                    return Err(error_at(
                        path,
                        text,
                        at,
                        format!("gloss '{other}' is not true or false"),
                    ));
                }
            },
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
        let text = export(&g, Format::Tsv).unwrap();
        assert!(text.starts_with("ar\ten\tkind\tvariants\tnote\n"), "{text}");
        assert_eq!(read(&text, Format::Tsv), without_meta(g));
    }

    #[test]
    fn other_renderings_and_gloss_false_get_their_columns_and_read_back() {
        let mut g = sample();
        g.terms[0].also = vec!["head".into(), "chairman".into()];
        g.terms[0].gloss = Some(false);
        for format in [Format::Tsv, Format::Csv] {
            let text = export(&g, format).unwrap();
            let header = text.lines().next().unwrap();
            assert!(
                header.ends_with("also\tgloss") || header.ends_with("also,gloss"),
                "{text}"
            );
            assert_eq!(read(&text, format), without_meta(g.clone()));
        }
    }

    #[test]
    fn csv_round_trip() {
        let g = sample();
        let text = export(&g, Format::Csv).unwrap();
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
        let text = export(&g, Format::Csv).unwrap();
        assert_eq!(
            text,
            "ar,en,kind,variants,note\r\nبيان,statement,,,\"first line\r\nsecond, \
             \"\"quoted\"\"\nthird\"\r\n"
        );
        assert_eq!(read(&text, Format::Csv), g);
    }

    #[test]
    fn exports_that_would_not_read_back_are_refused_naming_the_entry() {
        let g = |entry: Entry| Glossary {
            meta: None,
            terms: vec![Entry::new("أستانا", "Astana"), entry],
        };
        let err = |g: &Glossary, format: Format| export(g, format).unwrap_err().to_string();
        let note = g(Entry {
            note: Some("a\tb\r\nc".into()),
            ..Entry::new("بيان", "statement")
        });
        assert_eq!(
            err(&note, Format::Tsv),
            "cannot export as TSV: the note of 'بيان' (statement) contains a tab, which a TSV \
             field cannot hold; export as CSV or TBX, which keep it"
        );
        assert_eq!(
            read(&export(&note, Format::Csv).unwrap(), Format::Csv),
            note
        );
        let bar = g(Entry {
            variants: vec!["ألما آتا|آلماتا".into()],
            ..Entry::new("ألماتي", "Almaty")
        });
        for format in [Format::Tsv, Format::Csv] {
            assert!(
                err(&bar, format)
                    .contains("variant 'ألما آتا|آلماتا' of 'ألماتي' (Almaty) contains '|'"),
                "{format}"
            );
        }
        let spaced = g(Entry {
            variants: vec![" آلماتا".into()],
            ..Entry::new("ألماتي", "Almaty")
        });
        assert!(
            err(&spaced, Format::Csv)
                .starts_with("cannot export as CSV: 'ألماتي' (Almaty) would not read back"),
            "{}",
            err(&spaced, Format::Csv)
        );
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
            "g.csv:1:7: unknown column 'english' (column 3); expected ar, en, kind, variants, note, also, gloss"
        );
        assert_eq!(
            err("ar\ten\t\tnote\n", Format::Tsv),
            "g.tsv:1:7: column 3 has no name; expected ar, en, kind, variants, note, also, gloss"
        );
        assert_eq!(
            err("ar;en;note\n", Format::Csv),
            "g.csv:1:1: unknown column 'ar;en;note' (column 1); expected ar, en, kind, variants, \
             note, also, gloss (are the fields separated by another character?)"
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
            "g.csv:1:1: no header row (expected the columns ar, en, kind, variants, note, also, gloss)"
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
    #[test]
    fn byte_order_marks_and_carriage_returns() {
        // One BOM is skipped; a second one is text of the first column's name.
        assert_eq!(
            err("\u{FEFF}\u{FEFF}ar,en\nأ,b\n", Format::Csv),
            "g.csv:1:1: unknown column '\u{FEFF}ar' (column 1); expected ar, en, kind, variants, \
             note, also, gloss"
        );
        // A CR ends a row only before LF; elsewhere it is text, and CSV keeps one at the end.
        let note = |text: &str, format: Format| read(text, format).terms[0].note.clone();
        let csv = "ar,en,note\r\nأ,b,x\ry\r\n";
        assert_eq!(note(csv, Format::Csv), Some("x\ry".into()));
        assert_eq!(note("ar,en,note\nأ,b,x\r", Format::Csv), Some("x\r".into()));
        assert_eq!(
            note("ar\ten\tnote\nأ\tb\tx\r", Format::Tsv),
            Some("x".into())
        );
        assert_eq!(
            note("ar,en,note\nأ,b,\"x\"\r\n", Format::Csv),
            Some("x".into())
        );
        assert_eq!(
            err("ar,en,note\nأ,b,\"x\"\r", Format::Csv),
            "g.csv:2:8: bad quoting: '\\r' after the closing quote of a field (inside a quoted \
             field, write a quote as \"\")"
        );
    }
}
