//! Writing the desk's translations (`translations.toml`): one sentence's English set, the
//! file edited through `toml_edit` so comments, order and the other entries stay as they were;
//! under a lock, written atomically.

use crate::brief::translations::{self, hash_hex};
use crate::error::{Error, FileKind, Location, Result};
use crate::files::{check_writable, lock, read_optional_utf8, resolve, write_atomically};
use std::path::Path;
use toml_edit::{ArrayOfTables, DocumentMut, Item, Table, value};

const HEADER: &str = "# The desk's translations, read by `mizan brief` and `mizan translate`.\n\
# Keyed by the sentence's hash (`mizan translate` shows it); \"ar\" is kept beside for people.\n";

/// One translation to record.
#[derive(Debug, Clone)]
pub struct Entry<'a> {
    pub hash: u64,
    pub ar: &'a str,
    pub en: &'a str,
    pub by: Option<&'a str>,
    /// Where it came from, for people (an imported file).
    pub note: Option<&'a str>,
}

/// What recording did.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Recorded {
    Added,
    /// The sentence had another English, replaced (only with `force`).
    Replaced {
        previous: String,
    },
    /// The same English was there already.
    Unchanged,
    /// The sentence has another English and `force` was not given: nothing written.
    Conflict {
        existing: String,
    },
}

/// Record `entries` in the translations file at `path` (made if missing). A sentence that
/// already has a different English is replaced only with `force`; without it, that entry is
/// a [`Recorded::Conflict`] and the others are still written.
pub fn record(path: &Path, entries: &[Entry<'_>], force: bool) -> Result<Vec<Recorded>> {
    check_writable(path)?;
    let target = resolve(path);
    let _lock = lock(&target, path)?;
    let old = read_optional_utf8(path, FileKind::Translations)?;
    let text = old.as_deref().unwrap_or(HEADER);
    let (new_text, outcomes) = record_in_text(text, path, entries, force)?;
    if old.as_deref() != Some(new_text.as_str()) {
        write_atomically(path, &new_text)?;
    }
    Ok(outcomes)
}

/// Where an entry of the file being edited is: its tables, or the ones this edit appends.
enum Place {
    File(usize),
    Added(usize),
}

/// [`record`] on the file's text.
pub fn record_in_text(
    text: &str,
    path: &Path,
    entries: &[Entry<'_>],
    force: bool,
) -> Result<(String, Vec<Recorded>)> {
    // The file is checked as `brief` reads it before it is edited.
    translations::parse(text, path)?;
    let invalid = |message: &str| {
        Error::invalid(FileKind::Translations, Location::at(path, text, 0), message)
    };
    let mut doc: DocumentMut = text.parse().map_err(|_| invalid("not a TOML document"))?;
    let mut none = ArrayOfTables::new();
    let tables = match doc.get_mut("translation") {
        None => &mut none,
        Some(item) => item.as_array_of_tables_mut().ok_or_else(|| {
            invalid(
                "the translations are not [[translation]] tables; mizan edits [[translation]] \
                 tables: rewrite them as such",
            )
        })?,
    };
    // New entries go at the end of the text, after whatever ends the file (comments too).
    let mut added = ArrayOfTables::new();
    let mut outcomes = Vec::new();
    // Where each hash is: an index, not a search per entry (an import of 10,000 units into a
    // file of 10,000 took 24 s searching).
    let mut at: std::collections::HashMap<String, Place> = tables
        .iter()
        .enumerate()
        .filter_map(|(i, t)| Some((t.get("hash")?.as_str()?.to_string(), Place::File(i))))
        .collect();
    for entry in entries {
        let hex = hash_hex(entry.hash);
        let found = match at.get(&hex) {
            Some(Place::File(i)) => tables.get_mut(*i),
            Some(Place::Added(i)) => added.get_mut(*i),
            None => None,
        };
        let outcome = match found {
            Some(table) => {
                let existing = table
                    .get("en")
                    .and_then(Item::as_str)
                    .unwrap_or("")
                    .to_string();
                if existing == entry.en {
                    Recorded::Unchanged
                } else if !force {
                    Recorded::Conflict { existing }
                } else {
                    table["en"] = value(entry.en);
                    match entry.by {
                        Some(by) => table["by"] = value(by),
                        None => {
                            table.remove("by");
                        }
                    }
                    Recorded::Replaced { previous: existing }
                }
            }
            None => {
                let mut table = Table::new();
                table["hash"] = value(&hex);
                table["ar"] = value(entry.ar);
                table["en"] = value(entry.en);
                if let Some(by) = entry.by {
                    table["by"] = value(by);
                }
                if let Some(note) = entry.note {
                    table["note"] = value(note);
                }
                at.insert(hex, Place::Added(added.len()));
                added.push(table);
                Recorded::Added
            }
        };
        outcomes.push(outcome);
    }
    let mut new_text = doc.to_string();
    if !added.is_empty() {
        let mut appended = DocumentMut::new();
        appended.insert("translation", Item::ArrayOfTables(added));
        let newline = if text.contains("\r\n") { "\r\n" } else { "\n" };
        if !new_text.is_empty() && !new_text.ends_with('\n') {
            new_text.push_str(newline);
        }
        if !new_text.trim().is_empty() {
            new_text.push_str(newline);
        }
        new_text.push_str(&appended.to_string().replace('\n', newline));
    }
    // The edit must read back as meant before anything is written.
    let check = translations::parse(&new_text, path)?;
    for (entry, outcome) in entries.iter().zip(&outcomes) {
        let want = match outcome {
            Recorded::Conflict { existing } => existing.as_str(),
            _ => entry.en,
        };
        if check.get(entry.hash).map(|t| t.en.as_str()) != Some(want) {
            return Err(invalid(
                "internal error: the edit would not give the expected translations; the file \
                 is left unchanged",
            ));
        }
    }
    Ok((new_text, outcomes))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::align::sentence_hash;

    const AR: &str = "أعلنت السلطات حالة الطوارئ في ألماتي.";

    fn entry<'a>(en: &'a str) -> Entry<'a> {
        Entry {
            hash: sentence_hash(AR),
            ar: AR,
            en,
            by: Some("RM"),
            note: None,
        }
    }

    #[test]
    fn a_new_translation_is_appended_and_comments_stay() {
        let text =
            "# our desk\n\n[[translation]] # the first\nhash = \"0123456789abcdef\"\nen = \"x\"\n";
        let (new, outcomes) = record_in_text(
            text,
            Path::new("t.toml"),
            &[entry("A state of emergency.")],
            false,
        )
        .unwrap();
        assert_eq!(outcomes, [Recorded::Added]);
        assert!(new.starts_with(text), "{new}");
        let t = translations::parse(&new, Path::new("t.toml")).unwrap();
        let got = t.get(sentence_hash(AR)).unwrap();
        assert_eq!(got.en, "A state of emergency.");
        assert_eq!(got.ar.as_deref(), Some(AR));
        assert_eq!(got.by.as_deref(), Some("RM"));
    }

    #[test]
    fn another_english_is_a_conflict_unless_forced() {
        let (text, _) =
            record_in_text(HEADER, Path::new("t.toml"), &[entry("One.")], false).unwrap();
        let (same, outcomes) =
            record_in_text(&text, Path::new("t.toml"), &[entry("Two.")], false).unwrap();
        assert_eq!(
            outcomes,
            [Recorded::Conflict {
                existing: "One.".into()
            }]
        );
        assert_eq!(same, text);
        let (forced, outcomes) =
            record_in_text(&text, Path::new("t.toml"), &[entry("Two.")], true).unwrap();
        assert_eq!(
            outcomes,
            [Recorded::Replaced {
                previous: "One.".into()
            }]
        );
        assert!(
            forced.contains("en = \"Two.\"") && forced.starts_with("# The desk"),
            "{forced}"
        );
        let (_, outcomes) =
            record_in_text(&forced, Path::new("t.toml"), &[entry("Two.")], false).unwrap();
        assert_eq!(outcomes, [Recorded::Unchanged]);
    }

    #[test]
    fn one_sentence_twice_in_one_batch_is_recorded_once() {
        let (text, outcomes) = record_in_text(
            HEADER,
            Path::new("t.toml"),
            &[entry("One."), entry("One."), entry("Two.")],
            false,
        )
        .unwrap();
        assert_eq!(
            outcomes,
            [
                Recorded::Added,
                Recorded::Unchanged,
                Recorded::Conflict {
                    existing: "One.".into()
                }
            ]
        );
        assert_eq!(text.matches("[[translation]]").count(), 1, "{text}");
    }

    #[test]
    fn a_malformed_file_is_refused_with_its_line() {
        let err = record_in_text(
            "[[translation]]\nhash = 3\n",
            Path::new("t.toml"),
            &[entry("x")],
            false,
        )
        .unwrap_err()
        .to_string();
        assert!(err.starts_with("t.toml:2:"), "{err}");
    }
}
