//! Desk translations (`translations.toml`): English the desk wrote for a sentence, keyed by
//! the sentence's hash so that it survives re-runs, re-segmentation of other articles and
//! small differences of spelling, diacritics or white space.
//!
//! ```toml
//! [[translation]]
//! hash = "5f0c3a9e1b2d4c68"   # the sentence's hash (`mizan brief --format json` shows it)
//! ar = "..."                  # the Arabic, kept beside for people; checked, not matched
//! en = "..."                  # the English the briefing shows
//! by = "RM"                   # optional: who translated it
//! note = "..."                # optional
//! ```

use crate::align::sentence_hash;
use crate::error::{Error, FileKind, Location, Result, Warning, toml_error};
use crate::text::span::LineIndex;
use serde::{Deserialize, Serialize};
use std::collections::HashMap;
use std::path::Path;

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Translation {
    pub hash: String,
    #[serde(default)]
    pub ar: Option<String>,
    pub en: String,
    #[serde(default)]
    pub by: Option<String>,
    #[serde(default)]
    pub note: Option<String>,
}

#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
struct File {
    #[serde(default, rename = "translation")]
    translations: Vec<Translation>,
}

/// The desk's translations, found by sentence hash, in file order.
#[derive(Debug, Default)]
pub struct Translations {
    entries: Vec<(u64, Translation)>,
    /// The line of each entry (of its hash), for messages.
    lines: Vec<usize>,
    by_hash: HashMap<u64, usize>,
    /// Entries whose `ar` is not the sentence their hash names (a copy-paste slip); the entry
    /// is still used, by its hash.
    pub warnings: Vec<Warning>,
}

impl Translations {
    pub fn get(&self, hash: u64) -> Option<&Translation> {
        self.by_hash.get(&hash).map(|&i| &self.entries[i].1)
    }

    /// Every translation with its hash, in file order.
    pub fn iter(&self) -> impl Iterator<Item = (u64, &Translation)> {
        self.entries.iter().map(|(h, t)| (*h, t))
    }

    /// The line of the file where the translation of `hash` is.
    pub fn line(&self, hash: u64) -> Option<usize> {
        self.by_hash.get(&hash).map(|&i| self.lines[i])
    }

    pub fn len(&self) -> usize {
        self.entries.len()
    }

    pub fn is_empty(&self) -> bool {
        self.by_hash.is_empty()
    }
}

/// A sentence's hash as written in `translations.toml`: 16 hex digits.
pub fn hash_hex(hash: u64) -> String {
    format!("{hash:016x}")
}

/// Load translations; a file that does not exist is no translations.
pub fn load(path: &Path) -> Result<Translations> {
    let text = crate::files::read_optional_utf8(path, FileKind::Translations)?;
    match text {
        Some(text) => parse(&text, path),
        None => Ok(Translations::default()),
    }
}

/// Parse translations text strictly; `path` names it in errors and warnings.
pub fn parse(text: &str, path: &Path) -> Result<Translations> {
    let error = |offset: usize, message: String| {
        Error::invalid(
            FileKind::Translations,
            Location::at(path, text, offset),
            message,
        )
    };
    let file: File =
        toml::from_str(text).map_err(|e| toml_error(FileKind::Translations, path, text, &e))?;
    let mut translations = Translations::default();
    let mut from = 0;
    // Offsets come in file order: one index, not a count from the start per entry.
    let lines = LineIndex::new(text);
    for t in file.translations {
        // Where the entry is in the file, for messages: the next occurrence of its hash.
        let offset = text[from..].find(&t.hash).map_or(0, |i| from + i);
        from = offset.max(from);
        let hash = parse_hash(&t.hash).ok_or_else(|| {
            error(
                offset,
                format!("hash '{}' is not 16 hex digits", t.hash.replace('\n', " ")),
            )
        })?;
        let (line, _) = lines.line_column(text, offset);
        if let Some(ar) = &t.ar
            && sentence_hash(ar) != hash
        {
            translations.warnings.push(Warning::TranslationMismatch {
                path: path.to_path_buf(),
                line,
                hash: t.hash.clone(),
                actual: hash_hex(sentence_hash(ar)),
            });
        }
        if translations
            .by_hash
            .insert(hash, translations.entries.len())
            .is_some()
        {
            return Err(error(
                offset,
                format!("hash {} is translated twice", t.hash),
            ));
        }
        translations.entries.push((hash, t));
        translations.lines.push(line);
    }
    Ok(translations)
}

fn parse_hash(hex: &str) -> Option<u64> {
    (hex.len() == 16 && hex.bytes().all(|b| b.is_ascii_hexdigit()))
        .then(|| u64::from_str_radix(hex, 16).ok())
        .flatten()
}

#[cfg(test)]
mod tests {
    use super::*;

    const SENTENCE: &str = "أعلنت السلطات حالة الطوارئ في ألماتي.";

    fn file(hash: &str, ar: &str) -> String {
        format!(
            "[[translation]]\nhash = \"{hash}\"\nar = \"{ar}\"\nen = \"A state of emergency.\"\n"
        )
    }

    #[test]
    fn a_translation_is_found_by_the_hash_of_any_spelling_of_its_sentence() {
        let hash = hash_hex(sentence_hash(SENTENCE));
        let t = parse(&file(&hash, SENTENCE), Path::new("t.toml")).unwrap();
        assert!(t.warnings.is_empty());
        // Diacritics, hamza forms and spacing do not change the hash.
        let respelled = "أَعلنت  السلطات حالة الطوارئ في الماتي.";
        let found = t.get(sentence_hash(respelled)).map(|t| t.en.as_str());
        assert_eq!(found, Some("A state of emergency."), "{respelled}");
    }

    #[test]
    fn arabic_that_is_not_the_hashed_sentence_is_a_warning_with_its_line() {
        let text = format!("# desk\n{}", file("0123456789abcdef", SENTENCE));
        let t = parse(&text, Path::new("t.toml")).unwrap();
        assert_eq!(t.len(), 1);
        assert!(
            t.warnings[0]
                .to_string()
                .starts_with("t.toml:3: the Arabic"),
            "{:?}",
            t.warnings
        );
    }

    #[test]
    fn malformed_files_name_line_and_column() {
        let err = parse(
            "[[translation]]\nhash = \"zz\"\nen = \"x\"\n",
            Path::new("t.toml"),
        )
        .unwrap_err()
        .to_string();
        assert!(err.starts_with("t.toml:2:"), "{err}");
        let err = parse(
            "[[translation]]\nhash = \"0123456789abcdef\"\nenglish = \"x\"\n",
            Path::new("t.toml"),
        )
        .unwrap_err()
        .to_string();
        assert!(err.starts_with("t.toml:3:1: unknown field"), "{err}");
        let twice = format!(
            "{}{}",
            file("0123456789abcdef", "x"),
            file("0123456789abcdef", "y")
        );
        let err = parse(&twice, Path::new("t.toml")).unwrap_err().to_string();
        assert!(err.contains("translated twice"), "{err}");
    }
}
