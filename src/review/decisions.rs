//! The desk's review decisions, kept in a TOML file (`reviews.toml` beside the glossary):
//! which aligned pairs are accepted or rejected, with notes. Align and brief honour them.
//!
//! ```toml
//! [[decision]]
//! id = "32bb62cedd221d6a"      # the pair id from `mizan align`
//! verdict = "accept"           # accept | reject (optional: a note alone is fine)
//! note = "same Interfax quote"  # optional
//! a = "..."                    # the two sentences, for whoever reads the file (optional)
//! b = "..."
//! ```
//!
//! The desk may keep the file by hand: [`record`] edits it in place, keeping its comments,
//! order and formatting, and ids are case-insensitive (kept in lowercase once read).

use crate::error::{Error, FileKind, Location, Result, toml_error};
use crate::files::{lock, resolve, write_atomically};
use crate::glossary::edit::quote;
use serde::{Deserialize, Serialize};
use std::collections::HashSet;
use std::ops::Range;
use std::path::Path;

#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Reviews {
    #[serde(default, rename = "decision")]
    pub decisions: Vec<Decision>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Decision {
    pub id: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub verdict: Option<Verdict>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub a: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub b: Option<String>,
}

#[non_exhaustive]
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Verdict {
    Accept,
    Reject,
}

/// What `mizan review --accept/--reject/--note` changes about one pair.
#[derive(Debug, Clone, Default)]
pub struct Change {
    pub verdict: Option<Verdict>,
    pub note: Option<String>,
    /// The two sentences, when known, written beside the id for people.
    pub texts: Option<(String, String)>,
}

const HEADER: &str = "\
# mizan review decisions: pairs of sentences the desk accepted or rejected as the same fact.
# Written by `mizan review --accept/--reject/--note`; align and brief honour them.
";

impl Reviews {
    pub fn get(&self, id: &str) -> Option<&Decision> {
        self.decisions.iter().find(|d| d.id == id)
    }

    pub fn with_verdict(&self, verdict: Verdict) -> HashSet<String> {
        self.decisions
            .iter()
            .filter(|d| d.verdict == Some(verdict))
            .map(|d| d.id.clone())
            .collect()
    }
}

/// Load the decisions; a file that does not exist is no decisions yet.
pub fn load(path: &Path) -> Result<Reviews> {
    let text = crate::files::read_optional_utf8(path, FileKind::Reviews)?;
    match text {
        Some(text) => parse(&text, path),
        None => Ok(Reviews::default()),
    }
}

/// Parse decisions text strictly; `path` names it in errors. Ids are case-insensitive: they
/// are kept in lowercase, as `mizan align` prints them.
pub fn parse(text: &str, path: &Path) -> Result<Reviews> {
    let mut reviews: Reviews =
        toml::from_str(text).map_err(|e| toml_error(FileKind::Reviews, path, text, &e))?;
    for decision in &mut reviews.decisions {
        decision.id.make_ascii_lowercase();
    }
    Ok(reviews)
}

/// Record a decision (or a note) for pair `id` (in any case), under a lock, written
/// atomically. The file is edited where the change is, as the glossary is
/// (`glossary::edit`): a changed value is replaced in place, a new key goes on a line after
/// the table's last value, a new decision is appended as a `[[decision]]` table after one
/// blank line; every other byte (comments, blank lines, the order of keys and tables) stays.
/// A new file starts with a short header comment. Returns the decision as it was before the
/// change (`None` for a new one), so the caller can say what was replaced.
pub fn record(path: &Path, id: &str, change: Change) -> Result<Option<Decision>> {
    let id = id.to_ascii_lowercase();
    // A dangling link or a folder is refused before a lock file is made beside it.
    crate::files::check_writable(path)?;
    let target = resolve(path);
    let _lock = lock(&target, path)?;
    let old = crate::files::read_optional_utf8(path, FileKind::Reviews)?;
    let text = old.as_deref().unwrap_or(HEADER);
    let (new_text, previous) = record_in_text(text, path, &id, &change)?;
    if old.as_deref() != Some(new_text.as_str()) {
        write_atomically(path, &new_text)?;
    }
    Ok(previous)
}

/// [`record`] on the file's text: the new text and the decision as it was.
fn record_in_text(
    text: &str,
    path: &Path,
    id: &str,
    change: &Change,
) -> Result<(String, Option<Decision>)> {
    let reviews = parse(text, path)?;
    let at = |offset: usize, message: &str| {
        Error::invalid(FileKind::Reviews, Location::at(path, text, offset), message)
    };
    let tables = decision_tables(text).map_err(|offset| {
        at(
            offset,
            "the decisions are not [[decision]] tables (an inline array, decision = [...]?); \
             mizan edits [[decision]] tables: rewrite them as such",
        )
    })?;
    if tables.len() != reviews.decisions.len() {
        return Err(at(0, "cannot locate the [[decision]] tables in the text"));
    }
    let newline = match text.find('\n') {
        Some(i) if i > 0 && text.as_bytes()[i - 1] == b'\r' => "\r\n",
        _ => "\n",
    };
    let index = reviews.decisions.iter().position(|d| d.id == id);
    let previous = index.map(|i| reviews.decisions[i].clone());
    let mut expected = reviews.clone();
    let decision = match index {
        Some(i) => &mut expected.decisions[i],
        None => {
            expected.decisions.push(Decision {
                id: id.to_string(),
                verdict: None,
                note: None,
                a: None,
                b: None,
            });
            expected.decisions.last_mut().expect("just pushed")
        }
    };
    if change.verdict.is_some() {
        decision.verdict = change.verdict;
    }
    if change.note.is_some() {
        decision.note.clone_from(&change.note);
    }
    if let Some((a, b)) = &change.texts {
        decision.a = Some(a.clone());
        decision.b = Some(b.clone());
    }
    let new_text = match (index, &previous) {
        (Some(i), Some(old)) => edit_table(text, &tables[i], old, decision, newline),
        _ => append(text, decision, newline),
    };
    // The edit must say exactly what was meant before anything is written.
    match parse(&new_text, path) {
        Ok(reviews) if reviews == expected => Ok((new_text, previous)),
        _ => Err(at(
            0,
            "internal error: the edit would not give the expected decisions; the file is left \
             unchanged",
        )),
    }
}

/// Where one `[[decision]]` table is: its keys' value spans and the end of its last value.
struct TableLayout {
    /// Start of the line that holds the `id` key, for the indentation of new keys.
    id_key: usize,
    end: usize,
    values: Vec<(String, Range<usize>)>,
}

/// Every `[[decision]]` table of `text`, in file order; `Err(offset)` when the decisions are
/// not written as such tables (or a span is missing).
fn decision_tables(text: &str) -> std::result::Result<Vec<TableLayout>, usize> {
    let doc = toml_edit::Document::parse(text).map_err(|e| e.span().map_or(0, |s| s.start))?;
    let Some((key, item)) = doc.as_table().get_key_value("decision") else {
        return Ok(Vec::new());
    };
    let offset = key.span().map_or(0, |s| s.start);
    let tables = item.as_array_of_tables().ok_or(offset)?;
    tables
        .iter()
        .map(|table| {
            let mut end = table.span()?.end;
            let mut values = Vec::new();
            let mut id_key = None;
            for (name, _) in table.iter() {
                let (key, item) = table.get_key_value(name)?;
                let span = item.span()?;
                end = end.max(span.end);
                if name == "id" {
                    id_key = Some(key.span()?.start);
                }
                values.push((name.to_string(), span));
            }
            Some(TableLayout {
                id_key: id_key?,
                end,
                values,
            })
        })
        .collect::<Option<Vec<_>>>()
        .ok_or(offset)
}

/// The fields `record` writes, in the order a new table has them.
fn fields(decision: &Decision) -> [(&'static str, Option<String>); 4] {
    [
        (
            "verdict",
            decision.verdict.map(|v| verdict_name(v).to_string()),
        ),
        ("note", decision.note.clone()),
        ("a", decision.a.clone()),
        ("b", decision.b.clone()),
    ]
}

fn verdict_name(verdict: Verdict) -> &'static str {
    match verdict {
        Verdict::Accept => "accept",
        Verdict::Reject => "reject",
    }
}

/// The text with the table at `layout` changed from `old` to `new`: changed values replaced
/// where they are, new keys on lines after the table's last value.
fn edit_table(
    text: &str,
    layout: &TableLayout,
    old: &Decision,
    new: &Decision,
    newline: &str,
) -> String {
    let line_start = |offset: usize| text[..offset].rfind('\n').map_or(0, |i| i + 1);
    let indent = {
        let line = &text[line_start(layout.id_key)..layout.id_key];
        &line[..line.len() - line.trim_start_matches([' ', '\t']).len()]
    };
    let mut edits: Vec<(Range<usize>, String)> = Vec::new();
    let mut added = String::new();
    for ((name, before), (_, after)) in fields(old).into_iter().zip(fields(new)) {
        let Some(value) = after.filter(|after| before.as_ref() != Some(after)) else {
            continue;
        };
        match layout.values.iter().find(|(key, _)| key == name) {
            Some((_, span)) => edits.push((span.clone(), quote(&value))),
            None => added.push_str(&format!("{indent}{name} = {}{newline}", quote(&value))),
        }
    }
    if !added.is_empty() {
        match text[layout.end..].find('\n') {
            Some(i) => {
                let at = layout.end + i + 1;
                edits.push((at..at, added));
            }
            None => {
                let added = format!("{newline}{}", added.trim_end_matches(['\r', '\n']));
                edits.push((text.len()..text.len(), added));
            }
        }
    }
    edits.sort_by_key(|(range, _)| range.start);
    let mut out = String::with_capacity(text.len() + 128);
    let mut at = 0;
    for (range, new) in edits {
        out.push_str(&text[at..range.start]);
        out.push_str(&new);
        at = range.end;
    }
    out.push_str(&text[at..]);
    out
}

/// The text with `decision` appended as a new `[[decision]]`, one blank line after what
/// precedes, the file ending with a newline.
fn append(text: &str, decision: &Decision, newline: &str) -> String {
    let content_end = text.trim_end().len();
    let content_end = text[content_end..]
        .find('\n')
        .map_or(text.len(), |i| content_end + i + 1);
    let mut out = String::with_capacity(content_end + 256);
    out.push_str(&text[..content_end]);
    if !out.is_empty() {
        if !out.ends_with('\n') {
            out.push_str(newline);
        }
        out.push_str(newline);
    }
    out.push_str(&format!(
        "[[decision]]{newline}id = {}{newline}",
        quote(&decision.id)
    ));
    for (name, value) in fields(decision) {
        if let Some(value) = value {
            out.push_str(&format!("{name} = {}{newline}", quote(&value)));
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn decisions_round_trip_and_update_in_place() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("reviews.toml");
        assert!(load(&path).unwrap().decisions.is_empty());
        record(
            &path,
            "00aa",
            Change {
                verdict: Some(Verdict::Accept),
                note: None,
                texts: Some(("أ".into(), "ب".into())),
            },
        )
        .unwrap();
        record(
            &path,
            "00aa",
            Change {
                note: Some("same quote".into()),
                ..Change::default()
            },
        )
        .unwrap();
        record(
            &path,
            "00bb",
            Change {
                verdict: Some(Verdict::Reject),
                ..Change::default()
            },
        )
        .unwrap();
        let reviews = load(&path).unwrap();
        assert_eq!(reviews.decisions.len(), 2);
        let first = reviews.get("00aa").unwrap();
        assert_eq!(first.verdict, Some(Verdict::Accept));
        assert_eq!(first.note.as_deref(), Some("same quote"));
        assert_eq!(first.a.as_deref(), Some("أ"));
        assert_eq!(
            reviews.with_verdict(Verdict::Reject),
            ["00bb".to_string()].into()
        );
        let names: Vec<_> = std::fs::read_dir(dir.path())
            .unwrap()
            .map(|e| e.unwrap().file_name().into_string().unwrap())
            .filter(|n| !n.ends_with(".lock"))
            .collect();
        assert_eq!(names, ["reviews.toml"], "no temporary file left");
    }

    fn edited(text: &str, id: &str, change: Change) -> Result<String> {
        record_in_text(text, Path::new("r.toml"), id, &change).map(|(text, _)| text)
    }

    fn accept() -> Change {
        Change {
            verdict: Some(Verdict::Accept),
            ..Change::default()
        }
    }

    #[test]
    fn edits_keep_line_endings_and_a_missing_final_newline() {
        let text = "# desk\r\n[[decision]]\r\nid = \"00aa\"\r\nverdict = \"reject\"";
        assert_eq!(
            edited(text, "00aa", accept()).unwrap(),
            text.replace("reject", "accept")
        );
        let noted = edited(
            text,
            "00aa",
            Change {
                note: Some("n".into()),
                ..Change::default()
            },
        )
        .unwrap();
        assert_eq!(noted, format!("{text}\r\nnote = \"n\""));
        assert_eq!(
            edited(text, "00bb", accept()).unwrap(),
            format!("{text}\r\n\r\n[[decision]]\r\nid = \"00bb\"\r\nverdict = \"accept\"\r\n")
        );
    }

    #[test]
    fn multi_line_values_are_replaced_whole_and_hidden_characters_are_escaped() {
        let text = "[[decision]]\n  id = \"00aa\"\n  a = '''\nfirst\nline'''\n";
        let out = edited(
            text,
            "00aa",
            Change {
                texts: Some(("\u{202E}قال".into(), "ب".into())),
                ..Change::default()
            },
        )
        .unwrap();
        assert_eq!(
            out,
            "[[decision]]\n  id = \"00aa\"\n  a = \"\\u202Eقال\"\n  b = \"ب\"\n"
        );
    }

    #[test]
    fn an_inline_array_of_decisions_is_refused_with_its_place() {
        let e = edited("\ndecision = [{ id = \"00aa\" }]\n", "00aa", accept())
            .unwrap_err()
            .to_string();
        assert!(
            e.starts_with("r.toml:2:1: the decisions are not [[decision]] tables"),
            "{e}"
        );
    }

    #[test]
    fn ids_are_found_and_kept_whatever_their_case() {
        let text = "[[decision]]\nid = \"00AA\"\n";
        let (out, before) = record_in_text(text, Path::new("r.toml"), "00aa", &accept()).unwrap();
        assert_eq!(out, format!("{text}verdict = \"accept\"\n"));
        assert_eq!(before.unwrap().id, "00aa");
    }

    #[test]
    fn a_malformed_file_is_an_error_with_its_place() {
        let e = parse(
            "[[decision]]\nid = \"x\"\nverdict = \"maybe\"\n",
            Path::new("r.toml"),
        )
        .unwrap_err()
        .to_string();
        assert!(e.starts_with("r.toml:3:"), "{e}");
    }
}
