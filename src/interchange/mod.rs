//! Exchange formats, one module per format: the glossary as TSV and CSV for spreadsheets
//! (`delimited`) and as TBX-Basic for CAT tools (`tbx`); the translation queue as XLIFF 1.2
//! and 2.0 (`xliff`) and gettext PO (`po`), the translation memory as TMX 1.4b (`tmx`), over
//! the units of `units`.
//!
//! [`export`] writes a [`Glossary`] as text; [`import`] reads it back strictly, with every
//! problem reported as one `file:line:column: message`.
//!
//! Round trips glossary → format → glossary keep every entry field, and, for TBX, every
//! `[meta]` field; a TSV or CSV export that could not (see `delimited`) is refused.

pub(crate) mod delimited;
pub mod po;
pub(crate) mod tbx;
pub mod tmx;
pub mod units;
pub mod xliff;
pub(crate) mod xml;

use crate::error::{Error, FileKind, Location, Result};
use crate::glossary::Glossary;
use delimited::Dialect;
use std::fmt;
use std::path::Path;

/// An exchange format.
#[non_exhaustive]
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Format {
    /// Tab-separated values with a header row.
    Tsv,
    /// Comma-separated values (RFC 4180) with a header row.
    Csv,
    /// TBX-Basic (ISO 30042).
    Tbx,
}

impl Format {
    /// The format a file name implies: `.tsv`, `.csv`, `.tbx` or `.xml` (TBX), in any case.
    pub fn from_path(path: &Path) -> Option<Format> {
        let extension = path.extension()?.to_str()?.to_ascii_lowercase();
        match extension.as_str() {
            "tsv" => Some(Format::Tsv),
            "csv" => Some(Format::Csv),
            "tbx" | "xml" => Some(Format::Tbx),
            _ => None,
        }
    }

    /// The format's usual file extension, also its name: `tsv`, `csv` or `tbx`.
    pub fn extension(self) -> &'static str {
        match self {
            Format::Tsv => "tsv",
            Format::Csv => "csv",
            Format::Tbx => "tbx",
        }
    }
}

impl fmt::Display for Format {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            Format::Tsv => "TSV",
            Format::Csv => "CSV",
            Format::Tbx => "TBX",
        })
    }
}

/// Write a glossary in an exchange format. Each format's module documents its mapping. An
/// entry the format cannot carry exactly (a variant holding `|` in TSV or CSV, a tab or a
/// line break in TSV) is an error naming it: the export is exact or refused.
pub fn export(glossary: &Glossary, format: Format) -> Result<String> {
    match format {
        Format::Tsv => delimited::write(glossary, Dialect::Tsv),
        Format::Csv => delimited::write(glossary, Dialect::Csv),
        Format::Tbx => Ok(tbx::write(glossary)),
    }
}

/// Read a glossary from an exchange format; `path` names the text in errors.
pub fn import(text: &str, format: Format, path: &Path) -> Result<Glossary> {
    match format {
        Format::Tsv => delimited::read(text, Dialect::Tsv, path),
        Format::Csv => delimited::read(text, Dialect::Csv, path),
        Format::Tbx => tbx::read(text, path),
    }
}

/// An error at a byte offset of `text`.
fn error_at(path: &Path, text: &str, offset: usize, message: impl Into<String>) -> Error {
    Error::invalid(
        FileKind::Interchange,
        Location::at(path, text, offset),
        message,
    )
}

/// A trimmed, non-empty string, or none.
fn non_empty(value: &str) -> Option<String> {
    let value = value.trim();
    (!value.is_empty()).then(|| value.to_string())
}

/// A string kept as written unless it is blank.
fn non_blank(value: &str) -> Option<String> {
    (!value.trim().is_empty()).then(|| value.to_string())
}

#[cfg(test)]
mod testing {
    use super::{Format, import};
    use crate::glossary::{Entry, Glossary, Meta};
    use std::path::Path;

    pub(super) fn path(format: Format) -> &'static Path {
        Path::new(match format {
            Format::Tsv => "g.tsv",
            Format::Csv => "g.csv",
            Format::Tbx => "g.tbx",
        })
    }

    pub(super) fn read(text: &str, format: Format) -> Glossary {
        import(text, format, path(format)).unwrap_or_else(|e| panic!("{e}\n{text}"))
    }

    pub(super) fn err(text: &str, format: Format) -> String {
        import(text, format, path(format)).unwrap_err().to_string()
    }

    /// Entries with everything the formats have to carry.
    pub(super) fn sample() -> Glossary {
        Glossary {
            meta: Some(Meta {
                name: Some("Kazakhstan desk <Astana & Almaty>".into()),
                description: Some("Names, \"places\", and the week's terms".into()),
                maintainer: Some("مكتب آسيا الوسطى".into()),
                updated: Some("2024-05-01".into()),
            }),
            terms: vec![
                Entry {
                    gloss: None,
                    also: Vec::new(),
                    ar: "قاسم جومارت توكاييف".into(),
                    en: "Kassym-Jomart Tokayev".into(),
                    kind: Some("person".into()),
                    variants: vec!["قاسم جومرد توكاييف".into(), "توكاييف".into()],
                    note: Some("President since 2019; \"KJT\", not <KT> & never 'Kasym'".into()),
                },
                Entry {
                    gloss: None,
                    also: Vec::new(),
                    ar: "أَسْتَانَا".into(),
                    en: "Astana".into(),
                    kind: Some("place".into()),
                    variants: vec!["آستانة".into(), "نور سلطان".into()],
                    note: Some("Nur-Sultan, 2019–2022, then Astana again".into()),
                },
                Entry::new("الحكومة", "the government"),
                Entry {
                    gloss: None,
                    also: Vec::new(),
                    ar: "مجلس الشيوخ".into(),
                    en: "Senate, upper house".into(),
                    kind: None,
                    variants: vec![],
                    note: Some("a < b && c > d".into()),
                },
            ],
        }
    }

    pub(super) fn without_meta(mut g: Glossary) -> Glossary {
        g.meta = None;
        g
    }
}

#[cfg(test)]
mod tests {
    use super::testing::{read, sample};
    use super::*;
    use crate::glossary::{Entry, Glossary, Meta};

    #[test]
    fn format_from_path() {
        assert_eq!(Format::from_path(Path::new("a/g.tsv")), Some(Format::Tsv));
        assert_eq!(Format::from_path(Path::new("g.CSV")), Some(Format::Csv));
        assert_eq!(Format::from_path(Path::new("g.tbx")), Some(Format::Tbx));
        assert_eq!(Format::from_path(Path::new("g.xml")), Some(Format::Tbx));
        assert_eq!(Format::from_path(Path::new("g.toml")), None);
        assert_eq!(Format::from_path(Path::new("tsv")), None);
    }

    #[test]
    fn fixtures_match_the_export() {
        let g = read(
            include_str!("../../tests/fixtures/glossary/exchange/sample.tbx"),
            Format::Tbx,
        );
        assert_eq!(g, sample());
        for (format, fixture) in [
            (
                Format::Tbx,
                include_str!("../../tests/fixtures/glossary/exchange/sample.tbx"),
            ),
            (
                Format::Tsv,
                include_str!("../../tests/fixtures/glossary/exchange/sample.tsv"),
            ),
            (
                Format::Csv,
                include_str!("../../tests/fixtures/glossary/exchange/sample.csv"),
            ),
        ] {
            assert_eq!(export(&g, format).unwrap(), fixture, "{format}");
        }
    }

    mod properties {
        use super::*;
        use proptest::prelude::*;

        /// Text with what the formats must escape: quotes, separators, markup, line breaks.
        const TEXT: &str = "[ابتثجحخدذرسشصضطظعغفقكلمنهوي َُِّْءأإآة a-zA-Z0-9,;\"'<>&|\t\r\n]{0,12}";

        /// A field that is trimmed on import: non-empty, no surrounding whitespace; it may
        /// hold `|`, tabs and line breaks, which TSV and CSV must then refuse.
        fn word() -> impl Strategy<Value = String> {
            TEXT.prop_map(|s| s.trim().to_string())
                .prop_filter("empty", |s| !s.is_empty())
        }

        fn entry() -> impl Strategy<Value = Entry> {
            (
                word(),
                word(),
                proptest::option::of(word()),
                proptest::collection::vec(word(), 0..3),
                proptest::option::of(TEXT.prop_filter("blank", |s| !s.trim().is_empty())),
            )
                .prop_map(|(ar, en, kind, variants, note)| Entry {
                    gloss: None,
                    also: Vec::new(),
                    ar,
                    en,
                    kind,
                    variants,
                    note,
                })
        }

        /// Whether TSV (`tsv`) or CSV can carry the entry exactly.
        fn carried(entry: &Entry, tsv: bool) -> bool {
            let flat = |s: &str| !tsv || !s.contains(['\t', '\r', '\n']);
            entry.variants.iter().all(|v| !v.contains('|') && flat(v))
                && flat(&entry.ar)
                && flat(&entry.en)
                && entry.kind.as_deref().is_none_or(flat)
                && entry.note.as_deref().is_none_or(flat)
        }

        proptest! {
            #[test]
            fn tbx_round_trips_are_lossless(
                terms in proptest::collection::vec(entry(), 0..4),
                name in proptest::option::of(TEXT.prop_filter("blank", |s| !s.trim().is_empty())),
            ) {
                let meta = name.map(|name| Meta { name: Some(name), ..Meta::default() });
                let g = Glossary { meta, terms };
                prop_assert_eq!(read(&export(&g, Format::Tbx).unwrap(), Format::Tbx), g);
            }

            #[test]
            fn tsv_and_csv_exports_are_exact_or_refused(
                terms in proptest::collection::vec(entry(), 0..4),
            ) {
                let g = Glossary { meta: None, terms };
                for (format, tsv) in [(Format::Tsv, true), (Format::Csv, false)] {
                    let carried = g.terms.iter().all(|e| carried(e, tsv));
                    match export(&g, format) {
                        Ok(text) => {
                            prop_assert!(carried);
                            prop_assert_eq!(&read(&text, format), &g);
                        }
                        Err(_) => prop_assert!(!carried),
                    }
                }
            }
        }
    }
}
