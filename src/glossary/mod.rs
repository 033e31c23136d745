//! The desk's Arabic–English glossary: the file, strict loading, matching in articles, checks,
//! editing that keeps the user's formatting. Its exchange formats (TSV, CSV, TBX) are in
//! [`crate::interchange`]; suggestions from articles in [`crate::suggest`].
//!
//! ```toml
//! [meta]                             # optional, first
//! name = "Kazakhstan desk"
//!
//! [[term]]
//! ar = "قاسم جومارت توكاييف"          # headword, as usually written (required)
//! en = "Kassym-Jomart Tokayev"        # English used in briefings (required)
//! kind = "person"                     # person | place | org | event | term (optional, free)
//! variants = ["قاسم جومرد توكاييف", "توكاييف"]  # other spellings of the same entry
//! note = "President since 2019"       # for the desk (optional)
//! ```

pub mod check;
pub mod edit;
pub(crate) mod file;
pub mod layout;
pub mod matcher;

pub use file::{load, parse};
pub use matcher::{Form, Hit, Matcher};

use serde::{Deserialize, Serialize};

/// The whole glossary, in file order.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Glossary {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub meta: Option<Meta>,
    #[serde(default, rename = "term")]
    pub terms: Vec<Entry>,
}

/// Optional description of the glossary.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Meta {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub description: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub maintainer: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub updated: Option<String>,
}

/// One term: a headword, its English, and the other spellings that mean the same.
#[derive(Debug, Clone, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Entry {
    pub ar: String,
    pub en: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub kind: Option<String>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub variants: Vec<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
    /// Other English renderings the desk accepts in a translation ("spokeswoman" for
    /// "spokesperson"): `translate --check` takes them as the term's English; the gloss and
    /// the term index use `en`.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub also: Vec<String>,
    /// `false` for a word whose English depends on context (رئيس: president, chairman, head):
    /// the briefing's gloss leaves it out rather than guess; QA and the term index still use
    /// `en`. Longer entries (رئيس الوزراء) are matched first and keep their English.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub gloss: Option<bool>,
}

impl Entry {
    pub fn new(ar: impl Into<String>, en: impl Into<String>) -> Self {
        Entry {
            ar: ar.into(),
            en: en.into(),
            ..Entry::default()
        }
    }

    /// The headword, then the variants: every spelling that matches this entry.
    pub fn forms(&self) -> impl Iterator<Item = &str> {
        std::iter::once(self.ar.as_str()).chain(self.variants.iter().map(String::as_str))
    }

    /// Whether the entry names someone or something (a person, an organisation, a place, an
    /// event), as the briefing's headings and the stories' links read them.
    pub fn is_name(&self) -> bool {
        matches!(
            self.kind.as_deref(),
            Some("person" | "org" | "place" | "event")
        )
    }

    /// Names (people, places, organisations) do not take pronoun suffixes: `مصري` is not
    /// "my Egypt". Other entries, the news vocabulary, do (`حكومته`).
    pub fn takes_suffixes(&self) -> bool {
        !matches!(self.kind.as_deref(), Some("person" | "place" | "org"))
    }
}

/// What a field is, for what it may hold (see [`separator`]).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Field {
    /// The headword or a variant.
    Spelling,
    /// The English or the kind: one line.
    Line,
    /// The note: any text.
    Text,
}

/// The first character of `value` that a field of this kind may not hold, so that the
/// glossary travels exactly through every exchange format: `|` separates variants in TSV and
/// CSV, so a spelling cannot hold it; a TSV field has no quoting, so a spelling, the English
/// and the kind hold no tab or line break. (A note may: CSV and TBX keep it, and TSV export
/// refuses it.)
pub(crate) fn separator(value: &str, field: Field) -> Option<char> {
    value.chars().find(|&c| match field {
        Field::Spelling => matches!(c, '|' | '\t' | '\r' | '\n'),
        Field::Line => matches!(c, '\t' | '\r' | '\n'),
        Field::Text => false,
    })
}

/// A separator as a message names it: `'|'`, `a tab`, `a line break`.
pub(crate) fn separator_name(c: char) -> &'static str {
    match c {
        '|' => "'|'",
        '\t' => "a tab",
        _ => "a line break",
    }
}

/// Why a separator cannot be in a field, as a clause after "which": `'|', which separates
/// variants in TSV and CSV`.
pub(crate) fn separator_reason(c: char) -> &'static str {
    match c {
        '|' => "separates variants in TSV and CSV",
        _ => "a TSV field cannot hold",
    }
}

/// The kinds mizan knows: names (`person`, `place`, `org`) take no pronoun suffixes, names
/// and events head the briefing's facts, places and events make its default title. Other
/// kinds are allowed and treated as vocabulary (`term`); `glossary check` notes them.
pub(crate) const KINDS: &[&str] = &["person", "place", "org", "event", "term"];

/// `value` on one line, its control characters visible: tabs and line breaks as `\t`, `\n`.
pub(crate) fn escaped(value: &str) -> String {
    let flat = value
        .replace('\t', "\\t")
        .replace('\r', "\\r")
        .replace('\n', "\\n");
    crate::text::bidi::make_visible(&flat).into_owned()
}

/// The fields an entry may have, for error messages.
pub const ENTRY_FIELDS: &[&str] = &["ar", "en", "kind", "variants", "note", "also", "gloss"];
/// The fields `[meta]` may have.
pub const META_FIELDS: &[&str] = &["name", "description", "maintainer", "updated"];
