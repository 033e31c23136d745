//! Editing `glossary.toml` from the CLI while keeping the desk's comments, blank lines, order and
//! formatting: `add` appends a `[[term]]` (or a spelling to an entry's `variants`), `rm` removes
//! one entry's table.
//!
//! Edits are made on the text, at places located by parsing it with `toml_edit` (which keeps
//! byte spans), so every byte outside the edit is left alone. Each edit:
//!
//! 1. reads the file under an exclusive lock on the sibling `<glossary>.lock` (created on first
//!    use and left in place: deleting a lock file that another process may be waiting on would
//!    let two processes hold "the" lock at once);
//! 2. parses it with the strict loader ([`super::file::parse`]), so a malformed glossary is
//!    refused with the loader's `file:line:column` message before anything is changed;
//! 3. edits the text and parses the result again, checking that it is exactly the old glossary
//!    with the one change, so an edit never writes an invalid or surprising file;
//! 4. writes it with [`write_atomically`] (a temporary file in the same folder, fsync, rename),
//!    so a reader sees the old file or the new one, never half of one, and no temporary file is
//!    left behind.
//!
//! Layout. `add` puts the new table at the end of the file, after exactly one blank line, and
//! ends the file with a newline; `rm` removes the table (from its `[[term]]` line to the line of
//! its last value, with any comments between) and one blank line next to it, the one before if
//! there is one, else the one after. Comments outside the table (a section heading above it, a
//! note below its last value) are kept. So `add` then `rm` of the same entry gives back the file
//! byte for byte when it ended with a single newline, the usual case. When it did not, `add` has
//! tidied its end, and `rm` does not undo that: a missing final newline stays added, and trailing
//! blank lines stay collapsed into the one blank line before the new table.

use super::layout::{TermLayout, Unlocated, term_tables};
use super::matcher::canonical;
use super::{Entry, Field, Glossary, escaped, file, separator, separator_name, separator_reason};
use crate::error::{Error, ErrorKind, FileKind, Location, Result};
use crate::text::chars::is_invisible_control;
use crate::text::span::line_column;
use std::io::ErrorKind as IoErrorKind;
use std::ops::Range;
use std::path::Path;

pub use crate::files::write_atomically;
use crate::files::{lock, resolve};

/// The start of a glossary created by `add`.
pub const NEW_FILE_HEADER: &str = "\
# mizan glossary: the desk's Arabic headwords and the English used in briefings.
# One [[term]] per entry: ar and en are required; kind, variants and note are optional.
";

/// What `add` adds besides the headword and its English.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct AddOptions {
    pub kind: Option<String>,
    pub variants: Vec<String>,
    pub note: Option<String>,
    /// Add `ar` (and `variants`) as spellings of this existing entry, found by its headword or
    /// any of its variants (normalized), instead of adding a new entry. `kind` and `note` must
    /// then be absent, and the English must be empty or the entry's.
    pub variant_of: Option<String>,
}

/// What `add` did.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Added {
    /// A new entry at the end of the file.
    Entry,
    /// New spellings in the `variants` of the entry with this headword.
    VariantOf { headword: String },
}

/// Add an entry (or, with `variant_of`, add `ar` as a variant of that entry) to the glossary file
/// at `path`, keeping comments, blank lines, order and formatting. Creates the file, with a short
/// header comment, when it does not exist. Refuses an `ar` (or any given variant) whose
/// normalized form already exists in any entry, naming that entry's headword and English.
/// Written atomically under a lock.
pub fn add(path: &Path, ar: &str, en: &str, options: &AddOptions) -> Result<Added> {
    edit(path, true, |text| add_to_text(text, path, ar, en, options))
}

/// Add many entries in one locked edit (`glossary import`): each entry as [`add`] would, and
/// an entry that `add` refuses (a spelling already in the glossary) is skipped, with the
/// reason. Returns how many were added and the skipped ones.
pub fn add_many(path: &Path, entries: &[Entry]) -> Result<(usize, Vec<(Entry, String)>)> {
    edit(path, true, |text| {
        let mut text = text.to_string();
        let mut added = 0;
        let mut skipped = Vec::new();
        for entry in entries {
            let options = AddOptions {
                kind: entry.kind.clone(),
                variants: entry.variants.clone(),
                note: entry.note.clone(),
                variant_of: None,
            };
            match add_to_text(&text, path, &entry.ar, &entry.en, &options) {
                Ok((new_text, _)) => {
                    text = new_text;
                    added += 1;
                }
                Err(e) => match e.kind() {
                    ErrorKind::Invalid(message) => skipped.push((entry.clone(), message.clone())),
                    _ => return Err(e),
                },
            }
        }
        Ok((text, (added, skipped)))
    })
}

/// Remove the entry whose headword (or, if none, a variant) normalizes to the same form as `ar`.
/// Error if none. Returns the removed entry.
pub fn rm(path: &Path, ar: &str) -> Result<Entry> {
    edit(path, false, |text| rm_from_text(text, path, ar))
}

/// [`add`] on text: the new text and what was added. `path` names the file in errors.
pub fn add_to_text(
    text: &str,
    path: &Path,
    ar: &str,
    en: &str,
    options: &AddOptions,
) -> Result<(String, Added)> {
    let doc = Doc::parse(text, path)?;
    let ar = doc.field("the Arabic", ar, Field::Spelling)?;
    let mut forms = vec![ar];
    for variant in &options.variants {
        let variant = doc.field("a variant", variant, Field::Spelling)?;
        if let Some(same) = forms.iter().find(|f| **f == variant) {
            return Err(doc.error(0, format!("'{same}' is given twice")));
        }
        forms.push(variant);
    }
    for form in &forms {
        if key(form).is_empty() {
            return Err(doc.error(
                0,
                format!("'{form}' has no letters left once normalized (only marks or tatweel?)"),
            ));
        }
    }

    let (new_text, added, expected) = match &options.variant_of {
        None => {
            let en = doc.field("the English", en, Field::Line)?;
            let kind = options
                .kind
                .as_deref()
                .map(|k| doc.field("the kind", k, Field::Line))
                .transpose()?;
            let note = options
                .note
                .as_deref()
                .map(|n| doc.field("the note", n, Field::Text))
                .transpose()?;
            doc.refuse_known(&forms, None)?;
            let mut forms = forms.into_iter();
            let entry = Entry {
                ar: forms.next().expect("the headword"),
                en,
                kind,
                variants: forms.collect(),
                note,
                also: Vec::new(),
                gloss: None,
            };
            let new_text = doc.append(&entry);
            let mut expected = doc.glossary.clone();
            expected.terms.push(entry);
            (new_text, Added::Entry, expected)
        }
        Some(headword) => {
            let target = doc.find(headword)?;
            let entry = &doc.glossary.terms[target];
            if options.kind.is_some() || options.note.is_some() {
                return Err(doc.error(
                    0,
                    "a kind or a note cannot be given with a new spelling: they belong to the \
                     entry; edit the entry itself to change them",
                ));
            }
            let en = en.trim();
            if !en.is_empty() && !en.eq_ignore_ascii_case(&entry.en) {
                return Err(doc.error(
                    doc.terms[target].ar_key,
                    format!(
                        "'{}' is '{}' in the glossary, not '{en}'; leave the English out to add a \
                         spelling",
                        entry.ar, entry.en
                    ),
                ));
            }
            doc.refuse_known(&forms, Some(target))?;
            let new_text = doc.add_variants(target, &forms);
            let mut expected = doc.glossary.clone();
            expected.terms[target].variants.extend(forms);
            let headword = entry.ar.clone();
            (new_text, Added::VariantOf { headword }, expected)
        }
    };
    doc.verify(&new_text, &expected)?;
    Ok((format!("{}{new_text}", doc.bom), added))
}

/// [`rm`] on text: the new text and the removed entry. `path` names the file in errors.
pub fn rm_from_text(text: &str, path: &Path, ar: &str) -> Result<(String, Entry)> {
    let doc = Doc::parse(text, path)?;
    let index = doc.find(ar)?;
    let new_text = doc.remove(index);
    let mut expected = doc.glossary.clone();
    let entry = expected.terms.remove(index);
    doc.verify(&new_text, &expected)?;
    Ok((format!("{}{new_text}", doc.bom), entry))
}

/// Read-modify-write of the glossary at `path` under the lock. `create`: a missing file is
/// edited as [`NEW_FILE_HEADER`] instead of being an error.
fn edit<T>(
    path: &Path,
    create: bool,
    change: impl FnOnce(&str) -> Result<(String, T)>,
) -> Result<T> {
    // A dangling link or a folder is refused before a lock file is made beside it.
    crate::files::check_writable(path)?;
    let target = resolve(path);
    if !create && !target.exists() {
        // Checked before taking the lock, so no lock file is left beside a missing glossary.
        return Err(missing(path));
    }
    let _lock = lock(&target, path)?;
    let text = match read(&target, path)? {
        Some(text) => text,
        None if create => NEW_FILE_HEADER.to_string(),
        None => {
            return Err(missing(path));
        }
    };
    let (new_text, value) = change(&text)?;
    if new_text != text {
        write_atomically(path, &new_text)?;
    }
    Ok(value)
    // `_lock` is dropped here, closing the lock file and releasing the lock.
}

fn missing(path: &Path) -> Error {
    Error::new(ErrorKind::NotFound)
        .in_file(FileKind::Glossary)
        .at(Location::file(path))
}

/// The file's text, or `None` if it does not exist.
fn read(target: &Path, path: &Path) -> Result<Option<String>> {
    let bytes = match std::fs::read(target) {
        Ok(bytes) => bytes,
        Err(e) if e.kind() == IoErrorKind::NotFound => return Ok(None),
        Err(source) => {
            return Err(Error::reading(path, source).in_file(FileKind::Glossary));
        }
    };
    super::file::utf8(bytes, path).map(Some)
}

/// A spelling's identity for duplicate checks: the matcher's canonical form (normalized
/// tokens), so `add` refuses exactly what `glossary check` would flag.
fn key(form: &str) -> String {
    canonical(form)
}

/// A TOML basic string, with invisible and control characters escaped so the file shows them
/// (also what review decisions are written with).
pub(crate) fn quote(value: &str) -> String {
    let mut out = String::with_capacity(value.len() + 2);
    out.push('"');
    for c in value.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push_str("\\t"),
            c if c.is_control() || is_invisible_control(c) => {
                out.push_str(&format!("\\u{:04X}", c as u32));
            }
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

/// A glossary's text (without a byte order mark), what it says, and where its terms are.
struct Doc<'a> {
    path: &'a Path,
    bom: &'a str,
    text: &'a str,
    newline: &'static str,
    glossary: Glossary,
    terms: Vec<TermLayout>,
}

impl<'a> Doc<'a> {
    fn parse(text: &'a str, path: &'a Path) -> Result<Self> {
        let (bom, text) = match text.strip_prefix('\u{FEFF}') {
            Some(rest) => ("\u{FEFF}", rest),
            None => ("", text),
        };
        let glossary = file::parse(text, path)?;
        let at = |offset: usize, message: String| {
            Error::invalid(
                FileKind::Glossary,
                Location::at(path, text, offset),
                message,
            )
        };
        let terms = term_tables(text).map_err(|problem| match problem {
            Unlocated::NotToml { offset, message } => at(offset, message),
            Unlocated::InlineArray { offset } => at(
                offset,
                "the terms are written as an inline array (term = [...]); glossary editing \
                 works on [[term]] tables: rewrite them as [[term]] tables"
                    .into(),
            ),
            Unlocated::Unknown => at(0, "cannot locate the [[term]] tables in the text".into()),
        })?;
        if terms.len() != glossary.terms.len() {
            return Err(at(
                0,
                "cannot locate the [[term]] tables in the text".into(),
            ));
        }
        let newline = match text.find('\n') {
            Some(i) if i > 0 && text.as_bytes()[i - 1] == b'\r' => "\r\n",
            _ => "\n",
        };
        Ok(Doc {
            path,
            bom,
            text,
            newline,
            glossary,
            terms,
        })
    }

    fn error(&self, offset: usize, message: impl Into<String>) -> Error {
        Error::invalid(
            FileKind::Glossary,
            Location::at(self.path, self.text, offset),
            message,
        )
    }

    /// A value given on the command line, trimmed; refused if empty or if it holds what its
    /// field may not (a line break or a tab in a one-line field, `|` in a spelling: see
    /// [`separator`]).
    fn field(&self, what: &str, value: &str, field: Field) -> Result<String> {
        let value = value.trim();
        if value.is_empty() {
            return Err(self.error(0, format!("{what} is empty")));
        }
        if let Some(c) = separator(value, field) {
            return Err(self.error(
                0,
                format!(
                    "{what} '{}' contains {}, which {}",
                    escaped(value),
                    separator_name(c),
                    separator_reason(c)
                ),
            ));
        }
        Ok(value.to_string())
    }

    /// Refuse forms whose normalized form is already a headword or variant of any entry.
    /// `target`: the entry the forms are being added to, for the message.
    fn refuse_known(&self, forms: &[String], target: Option<usize>) -> Result<()> {
        for form in forms {
            let wanted = key(form);
            for (index, entry) in self.glossary.terms.iter().enumerate() {
                let Some((position, existing)) =
                    entry.forms().enumerate().find(|(_, f)| key(f) == wanted)
                else {
                    continue;
                };
                let (ar, en) = (&entry.ar, &entry.en);
                let mut message = match (position, existing == form) {
                    (0, true) => format!("'{form}' is already in the glossary ({en})"),
                    (0, false) => format!(
                        "'{form}' is already in the glossary as '{ar}' ({en}), the same once \
                         normalized"
                    ),
                    (_, true) => format!(
                        "'{form}' is already in the glossary as a spelling of '{ar}' ({en})"
                    ),
                    (_, false) => format!(
                        "'{form}' is already in the glossary as '{existing}', a spelling of \
                         '{ar}' ({en})"
                    ),
                };
                message.push_str(match target {
                    None => "; use --variant-of to add a spelling, or rm it first",
                    Some(t) if t == index => "; nothing to add",
                    Some(_) => {
                        "; a spelling can belong to one entry only: rm that entry first, or edit \
                         it by hand"
                    }
                });
                return Err(self.error(self.terms[index].ar_key, message));
            }
        }
        Ok(())
    }

    /// The entry whose headword normalizes like `form`, else the one with such a variant.
    fn find(&self, form: &str) -> Result<usize> {
        let form = form.trim();
        let wanted = key(form);
        let terms = &self.glossary.terms;
        let mut found: Vec<usize> = (0..terms.len())
            .filter(|&i| key(&terms[i].ar) == wanted)
            .collect();
        if found.is_empty() {
            found = (0..terms.len())
                .filter(|&i| terms[i].variants.iter().any(|v| key(v) == wanted))
                .collect();
        }
        if found.len() > 1 {
            // Entries that collide after normalization: the exact spelling decides, if it can.
            let exact: Vec<usize> = found
                .iter()
                .copied()
                .filter(|&i| terms[i].forms().any(|f| f == form))
                .collect();
            if exact.len() == 1 {
                found = exact;
            }
        }
        match found[..] {
            [index] => Ok(index),
            [] => Err(self.error(
                0,
                format!("'{form}' is not in the glossary (as a headword or a variant)"),
            )),
            [first, ..] => {
                let list = found
                    .iter()
                    .map(|&i| {
                        let (line, _) = line_column(self.text, self.terms[i].ar_key);
                        format!("'{}' ({}) on line {line}", terms[i].ar, terms[i].en)
                    })
                    .collect::<Vec<_>>()
                    .join(", ");
                Err(self.error(
                    self.terms[first].ar_key,
                    format!(
                        "'{form}' matches {} entries: {list}; edit the file by hand",
                        found.len()
                    ),
                ))
            }
        }
    }

    /// The text with `entry` appended as a new `[[term]]`, one blank line after what precedes.
    fn append(&self, entry: &Entry) -> String {
        let nl = self.newline;
        let content_end = lines(self.text)
            .filter(|line| !self.text[line.clone()].trim().is_empty())
            .last()
            .map_or(0, |line| line.end);
        let mut out = String::with_capacity(content_end + 256);
        out.push_str(&self.text[..content_end]);
        if !out.is_empty() {
            if !out.ends_with('\n') {
                out.push_str(nl);
            }
            out.push_str(nl);
        }
        out.push_str("[[term]]");
        out.push_str(nl);
        let mut line = |k: &str, v: String| {
            out.push_str(&format!("{k} = {v}{nl}"));
        };
        line("ar", quote(&entry.ar));
        line("en", quote(&entry.en));
        if let Some(kind) = &entry.kind {
            line("kind", quote(kind));
        }
        if !entry.variants.is_empty() {
            let list: Vec<String> = entry.variants.iter().map(|v| quote(v)).collect();
            line("variants", format!("[{}]", list.join(", ")));
        }
        if let Some(note) = &entry.note {
            line("note", quote(note));
        }
        out
    }

    /// The text with `forms` added at the end of the `variants` of entry `index`, written the
    /// way the array already is (one line, or one element per line); a `variants` line is
    /// added after `ar`, `en` and `kind` if the entry has none.
    fn add_variants(&self, index: usize, forms: &[String]) -> String {
        let text = self.text;
        let nl = self.newline;
        let layout = &self.terms[index];
        let quoted: Vec<String> = forms.iter().map(|f| quote(f)).collect();
        let mut edits: Vec<(Range<usize>, String)> = Vec::new();
        match &layout.variants {
            None => {
                let &(key_start, value_end) = layout
                    .fields
                    .iter()
                    .max_by_key(|(_, end)| *end)
                    .expect("ar and en are required");
                let indent = indentation(text, key_start);
                let new_line = format!("{indent}variants = [{}]", quoted.join(", "));
                match text[value_end..].find('\n') {
                    Some(i) => {
                        let at = value_end + i + 1;
                        edits.push((at..at, format!("{new_line}{nl}")));
                    }
                    None => edits.push((text.len()..text.len(), format!("{nl}{new_line}"))),
                }
            }
            Some(array) => {
                let open = array.span.start;
                let close = array.span.end - 1;
                let multiline = text[array.span.clone()].contains('\n');
                match array.items.last() {
                    None if !multiline => edits.push((open + 1..close, quoted.join(", "))),
                    None => {
                        // `[` … `]` over several lines with only comments inside.
                        let line = line_start(text, close);
                        if text[line..close].trim().is_empty() {
                            let new: String =
                                quoted.iter().map(|q| format!("    {q},{nl}")).collect();
                            edits.push((line..line, new));
                        } else {
                            edits.push((open + 1..open + 1, format!("{}, ", quoted.join(", "))));
                        }
                    }
                    Some(last) if !multiline => {
                        let separator = match &array.items[..] {
                            [.., before, last] if text[before.end..last.start].trim() == "," => {
                                &text[before.end..last.start]
                            }
                            _ => ", ",
                        };
                        let new: String =
                            quoted.iter().map(|q| format!("{separator}{q}")).collect();
                        edits.push((last.end..last.end, new));
                    }
                    Some(last) => {
                        let indent = indentation(text, last.start);
                        let bytes = text.as_bytes();
                        let skip_blanks = |mut i: usize| {
                            while matches!(bytes.get(i), Some(b' ' | b'\t')) {
                                i += 1;
                            }
                            i
                        };
                        let mut i = skip_blanks(last.end);
                        let comma = bytes.get(i) == Some(&b',');
                        if comma {
                            i = skip_blanks(i + 1);
                        }
                        if bytes.get(i) == Some(&b']') {
                            // The array closes on the last element's line: `"b"]` or `"b",]`.
                            let new: String =
                                quoted.iter().map(|q| format!(",{nl}{indent}{q}")).collect();
                            edits.push((last.end..last.end, new));
                        } else {
                            // New lines after the last element's line (and its comment).
                            let eol = text[i..].find('\n').map_or(text.len(), |n| i + n);
                            let eol = if eol > 0 && bytes[eol - 1] == b'\r' {
                                eol - 1
                            } else {
                                eol
                            };
                            let count = quoted.len();
                            let new: String = quoted
                                .iter()
                                .enumerate()
                                .map(|(k, q)| {
                                    let comma = if comma || k + 1 < count { "," } else { "" };
                                    format!("{nl}{indent}{q}{comma}")
                                })
                                .collect();
                            if !comma {
                                edits.push((last.end..last.end, ",".into()));
                            }
                            edits.push((eol..eol, new));
                        }
                    }
                }
            }
        }
        apply(text, edits)
    }

    /// The text without entry `index`: its table and one blank line beside it.
    fn remove(&self, index: usize) -> String {
        let text = self.text;
        let layout = &self.terms[index];
        let mut start = line_start(text, layout.header.start);
        let mut end = text[layout.end..]
            .find('\n')
            .map_or(text.len(), |i| layout.end + i + 1);
        let before = start
            .checked_sub(1)
            .map(|last| line_start(text, last)..start);
        let after = text[end..].find('\n').map_or(text.len(), |i| end + i + 1);
        if let Some(before) = before.filter(|b| text[b.clone()].trim().is_empty()) {
            start = before.start;
        } else if end < text.len() && text[end..after].trim().is_empty() {
            end = after;
        }
        apply(text, vec![(start..end, String::new())])
    }

    /// Parse the edited text and check it says exactly what was meant, before anything is
    /// written.
    fn verify(&self, new_text: &str, expected: &Glossary) -> Result<()> {
        match file::parse(new_text, self.path) {
            Ok(glossary) if glossary == *expected => Ok(()),
            Ok(_) => Err(self.error(
                0,
                "internal error: the edit would not give the expected glossary; the file is \
                 left unchanged",
            )),
            Err(e) => Err(self.error(
                0,
                format!("internal error: the edit would make the glossary invalid ({e}); the file is left unchanged"),
            )),
        }
    }
}

/// The byte ranges of the text's lines, each with its line ending.
fn lines(text: &str) -> impl Iterator<Item = Range<usize>> + '_ {
    let mut start = 0;
    std::iter::from_fn(move || {
        if start >= text.len() {
            return None;
        }
        let end = text[start..]
            .find('\n')
            .map_or(text.len(), |i| start + i + 1);
        let line = start..end;
        start = end;
        Some(line)
    })
}

/// Start of the line that holds `offset`.
fn line_start(text: &str, offset: usize) -> usize {
    text[..offset].rfind('\n').map_or(0, |i| i + 1)
}

/// The white space that starts the line holding `offset`.
fn indentation(text: &str, offset: usize) -> &str {
    let start = line_start(text, offset);
    let line = &text[start..offset];
    &line[..line.len() - line.trim_start_matches([' ', '\t']).len()]
}

/// Apply non-overlapping replacements.
fn apply(text: &str, mut edits: Vec<(Range<usize>, String)>) -> String {
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

#[cfg(test)]
mod tests {
    use super::*;
    use tempfile::TempDir;

    const GLOSSARY: &str = r#"# Desk glossary: Kazakhstan, January 2022
[meta]
name = "Kazakhstan desk"

# People
[[term]]
ar = "قاسم جومارت توكاييف"   # the president
en = "Kassym-Jomart Tokayev"
kind = "person"
variants = ["قاسم جومرد توكاييف", "توكاييف"]

[[term]]
ar = "سالتانات أزيربك"
en = "Saltanat Azirbek"
kind = "person"
# the spokesperson, spelled three ways in the seeds
variants = [
  "سلطانة أزيربك",
  "سلطانات أزيربك", # in 002
]

# Places
[[term]]
ar = "ألماتي"
en = "Almaty"
kind = "place"
variants = ["ألما آتا", "آلماتا"]
note = "Largest city; capital until 1997"

[[term]]
ar = "نور سلطان"
en = "Nur-Sultan"
kind = "place"
"#;

    fn p() -> &'static Path {
        Path::new("glossary.toml")
    }

    fn opts() -> AddOptions {
        AddOptions::default()
    }

    fn variant_of(headword: &str) -> AddOptions {
        AddOptions {
            variant_of: Some(headword.into()),
            ..AddOptions::default()
        }
    }

    fn add_err(text: &str, ar: &str, en: &str, options: &AddOptions) -> String {
        add_to_text(text, p(), ar, en, options)
            .unwrap_err()
            .to_string()
    }

    fn terms(text: &str) -> Vec<Entry> {
        file::parse(text, p()).unwrap().terms
    }

    /// Files in `dir` other than the glossary and its lock file.
    fn strays(dir: &TempDir) -> Vec<String> {
        std::fs::read_dir(dir.path())
            .unwrap()
            .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
            .filter(|n| n != "glossary.toml" && n != "glossary.toml.lock")
            .collect()
    }

    #[test]
    fn add_appends_a_formatted_table_and_keeps_everything_else() {
        let options = AddOptions {
            kind: Some("place".into()),
            variants: vec!["بنغازى".into()],
            note: Some("Libya's second city".into()),
            variant_of: None,
        };
        let (text, added) = add_to_text(GLOSSARY, p(), "بنغازي", "Benghazi", &options).unwrap();
        assert_eq!(added, Added::Entry);
        let expected = format!(
            "{GLOSSARY}\n[[term]]\nar = \"بنغازي\"\nen = \"Benghazi\"\nkind = \"place\"\n\
             variants = [\"بنغازى\"]\nnote = \"Libya's second city\"\n"
        );
        assert_eq!(text, expected);
        assert_eq!(terms(&text).len(), 5);
    }

    #[test]
    fn add_leaves_out_absent_keys_and_quotes_what_needs_it() {
        let (text, _) =
            add_to_text(GLOSSARY, p(), " الحكومة ", "the \"government\"", &opts()).unwrap();
        assert!(
            text.ends_with(
                "kind = \"place\"\n\n[[term]]\nar = \"الحكومة\"\nen = \"the \\\"government\\\"\"\n"
            ),
            "{text}"
        );
        let zwnj = "ميزان\u{200C}ية";
        let (text, _) = add_to_text(GLOSSARY, p(), zwnj, "budget", &opts()).unwrap();
        assert!(text.contains("ar = \"ميزان\\u200Cية\"\n"), "{text}");
        assert_eq!(terms(&text)[4].ar, zwnj);
    }

    #[test]
    fn add_keeps_crlf_line_endings_and_a_byte_order_mark() {
        let crlf = format!("\u{FEFF}{}", GLOSSARY.replace('\n', "\r\n"));
        let (text, _) = add_to_text(&crlf, p(), "بنغازي", "Benghazi", &opts()).unwrap();
        assert_eq!(
            text,
            format!("{crlf}\r\n[[term]]\r\nar = \"بنغازي\"\r\nen = \"Benghazi\"\r\n")
        );
        let (back, _) = rm_from_text(&text, p(), "بنغازي").unwrap();
        assert_eq!(back, crlf);
    }

    #[test]
    fn add_then_rm_is_byte_identical() {
        let options = AddOptions {
            kind: Some("place".into()),
            variants: vec!["بنغازى".into(), "بن غازي".into()],
            note: Some("Libya".into()),
            variant_of: None,
        };
        let (added, _) = add_to_text(GLOSSARY, p(), "بنغازي", "Benghazi", &options).unwrap();
        let (back, entry) = rm_from_text(&added, p(), "بنغازي").unwrap();
        assert_eq!(back, GLOSSARY);
        assert_eq!(entry.en, "Benghazi");
        assert_eq!(entry.variants.len(), 2);
        // Also when the glossary has only [meta], or nothing at all.
        for original in ["[meta]\nname = \"x\"\n", "# just a comment\n", ""] {
            let (added, _) = add_to_text(original, p(), "بنغازي", "Benghazi", &opts()).unwrap();
            let (back, _) = rm_from_text(&added, p(), "بنغازي").unwrap();
            assert_eq!(back, original);
        }
    }

    #[test]
    fn add_tidies_the_end_of_the_file_and_rm_keeps_it_tidy() {
        // No final newline: add supplies it, and rm leaves it.
        let bare = GLOSSARY.trim_end();
        let (added, _) = add_to_text(bare, p(), "بنغازي", "Benghazi", &opts()).unwrap();
        assert!(added.starts_with(GLOSSARY), "{added}");
        assert!(added[GLOSSARY.len()..].starts_with("\n[[term]]\n"));
        assert_eq!(rm_from_text(&added, p(), "بنغازي").unwrap().0, GLOSSARY);
        // Trailing blank lines: collapsed into the one blank line before the new table.
        let padded = format!("{GLOSSARY}\n\n  \n");
        let (added, _) = add_to_text(&padded, p(), "بنغازي", "Benghazi", &opts()).unwrap();
        assert!(
            added[GLOSSARY.len()..].starts_with("\n[[term]]\n"),
            "{added}"
        );
        assert_eq!(rm_from_text(&added, p(), "بنغازي").unwrap().0, GLOSSARY);
    }

    #[test]
    fn duplicates_are_refused_naming_the_entry() {
        // The headword itself, on line 24 where its `ar` is.
        assert_eq!(
            add_err(GLOSSARY, "ألماتي", "Almaty", &opts()),
            "glossary.toml:24:1: 'ألماتي' is already in the glossary (Almaty); use --variant-of \
             to add a spelling, or rm it first"
        );
        // A variant, as typed.
        assert_eq!(
            add_err(GLOSSARY, "آلماتا", "Almaty", &opts()),
            "glossary.toml:24:1: 'آلماتا' is already in the glossary as a spelling of 'ألماتي' \
             (Almaty); use --variant-of to add a spelling, or rm it first"
        );
        // Through normalization: hamza on alef, diacritics and tatweel, teh marbuta.
        assert!(add_err(GLOSSARY, "الماتي", "Almaty", &opts()).contains(
            "'الماتي' is already in the glossary as 'ألماتي' (Almaty), the same once normalized"
        ),);
        assert!(
            add_err(GLOSSARY, "أَلْمـاتا", "Almaty", &opts())
                .contains("as 'آلماتا', a spelling of 'ألماتي' (Almaty)")
        );
        let e = add_err(GLOSSARY, "سلطانه أزيربك", "Azirbek", &opts());
        assert!(e.starts_with("glossary.toml:13:1: "), "{e}");
        assert!(
            e.contains("as 'سلطانة أزيربك', a spelling of 'سالتانات أزيربك' (Saltanat Azirbek)")
        );
        // A given variant is checked too.
        let options = AddOptions {
            variants: vec!["توكاييف".into()],
            ..opts()
        };
        let e = add_err(GLOSSARY, "جومارت", "Jomart", &options);
        assert!(e.starts_with("glossary.toml:7:1: 'توكاييف' is already in the glossary as a spelling of 'قاسم جومارت توكاييف'"), "{e}");
    }

    #[test]
    fn bad_input_is_refused() {
        assert!(add_err(GLOSSARY, "  ", "x", &opts()).ends_with("the Arabic is empty"));
        assert!(add_err(GLOSSARY, "بنغازي", "", &opts()).ends_with("the English is empty"));
        assert!(add_err(GLOSSARY, "ـــ", "x", &opts()).contains("no letters"));
        assert!(add_err(GLOSSARY, "بنغ\nازي", "x", &opts()).contains("line break"));
        let twice = AddOptions {
            variants: vec!["بنغازي".into()],
            ..opts()
        };
        assert!(add_err(GLOSSARY, "بنغازي", "x", &twice).contains("given twice"));
    }

    #[test]
    fn variant_of_appends_to_a_one_line_array() {
        let (text, added) =
            add_to_text(GLOSSARY, p(), "ألما آطا", "", &variant_of("الماتي")).unwrap();
        assert_eq!(
            added,
            Added::VariantOf {
                headword: "ألماتي".into()
            }
        );
        assert_eq!(
            text,
            GLOSSARY.replace(
                "variants = [\"ألما آتا\", \"آلماتا\"]",
                "variants = [\"ألما آتا\", \"آلماتا\", \"ألما آطا\"]"
            )
        );
        // Found through a variant, with the English given and matching.
        let (text, added) = add_to_text(
            GLOSSARY,
            p(),
            "توكايف",
            "kassym-jomart tokayev",
            &variant_of("توكاييف"),
        )
        .unwrap();
        assert_eq!(
            added,
            Added::VariantOf {
                headword: "قاسم جومارت توكاييف".into()
            }
        );
        assert!(text.contains("variants = [\"قاسم جومرد توكاييف\", \"توكاييف\", \"توكايف\"]\n"));
    }

    #[test]
    fn variant_of_keeps_a_multiline_array_multiline() {
        let (text, _) = add_to_text(
            GLOSSARY,
            p(),
            "سلطنات ازيربيك",
            "",
            &variant_of("سالتانات أزيربك"),
        )
        .unwrap();
        assert_eq!(
            text,
            GLOSSARY.replace(
                "  \"سلطانات أزيربك\", # in 002\n]",
                "  \"سلطانات أزيربك\", # in 002\n  \"سلطنات ازيربيك\",\n]"
            )
        );
        // Without a trailing comma, and closing on the last element's line.
        let no_comma = GLOSSARY.replace(
            "\"سلطانات أزيربك\", # in 002",
            "\"سلطانات أزيربك\" # in 002",
        );
        let (text, _) = add_to_text(
            &no_comma,
            p(),
            "سلطنات ازيربيك",
            "",
            &variant_of("سالتانات أزيربك"),
        )
        .unwrap();
        assert!(
            text.contains("  \"سلطانات أزيربك\", # in 002\n  \"سلطنات ازيربيك\"\n]"),
            "{text}"
        );
        let closing = GLOSSARY.replace("\"سلطانات أزيربك\", # in 002\n]", "\"سلطانات أزيربك\"]");
        let (text, _) = add_to_text(
            &closing,
            p(),
            "سلطنات ازيربيك",
            "",
            &variant_of("سالتانات أزيربك"),
        )
        .unwrap();
        assert!(
            text.contains("  \"سلطانات أزيربك\",\n  \"سلطنات ازيربيك\"]"),
            "{text}"
        );
    }

    #[test]
    fn variant_of_adds_a_variants_line_when_there_is_none() {
        let (text, _) =
            add_to_text(GLOSSARY, p(), "نورسلطان", "", &variant_of("نور سلطان")).unwrap();
        assert!(
            text.ends_with("kind = \"place\"\nvariants = [\"نورسلطان\"]\n"),
            "{text}"
        );
        let empty = GLOSSARY.replace("variants = [\"ألما آتا\", \"آلماتا\"]", "variants = []");
        let (text, _) = add_to_text(&empty, p(), "آلماتا", "", &variant_of("ألماتي")).unwrap();
        assert!(text.contains("variants = [\"آلماتا\"]\n"));
        assert_eq!(terms(&text)[2].variants, ["آلماتا"]);
    }

    #[test]
    fn variant_of_refuses_known_spellings_and_unknown_entries() {
        let e = add_err(GLOSSARY, "آلماتا", "", &variant_of("ألماتي"));
        assert!(
            e.ends_with("a spelling of 'ألماتي' (Almaty); nothing to add"),
            "{e}"
        );
        let e = add_err(GLOSSARY, "توكاييف", "", &variant_of("ألماتي"));
        assert!(e.contains("a spelling of 'قاسم جومارت توكاييف'"), "{e}");
        assert!(e.contains("one entry only"), "{e}");
        let e = add_err(GLOSSARY, "بنغازى", "", &variant_of("بنغازي"));
        assert_eq!(
            e,
            "glossary.toml:1:1: 'بنغازي' is not in the glossary (as a headword or a variant)"
        );
        let e = add_err(GLOSSARY, "ألما اتا", "Alma-Ata", &variant_of("ألماتي"));
        assert!(
            e.contains("'ألماتي' is 'Almaty' in the glossary, not 'Alma-Ata'"),
            "{e}"
        );
        let with_kind = AddOptions {
            kind: Some("place".into()),
            ..variant_of("ألماتي")
        };
        assert!(add_err(GLOSSARY, "ألما اتا", "", &with_kind).contains("cannot be given"));
    }

    #[test]
    fn rm_by_headword_keeps_comments_around_the_entry() {
        let (text, entry) = rm_from_text(GLOSSARY, p(), "ألماتي").unwrap();
        assert_eq!(entry.en, "Almaty");
        assert_eq!(
            entry.note.as_deref(),
            Some("Largest city; capital until 1997")
        );
        // The "# Places" heading above it stays, now above the next entry.
        assert!(
            text.contains("]\n\n# Places\n[[term]]\nar = \"نور سلطان\""),
            "{text}"
        );
        assert_eq!(terms(&text).len(), 3);
    }

    #[test]
    fn rm_by_variant_takes_the_comments_inside_the_table() {
        let (text, entry) = rm_from_text(GLOSSARY, p(), "سلطانه ازيربك").unwrap();
        assert_eq!(entry.ar, "سالتانات أزيربك");
        assert!(!text.contains("spokesperson"));
        assert!(!text.contains("in 002"));
        assert!(text.contains("\"توكاييف\"]\n\n# Places\n"), "{text}");
        // The first entry, right under its heading: the blank line after it goes.
        let (text, _) = rm_from_text(GLOSSARY, p(), "توكاييف").unwrap();
        assert!(
            text.contains("# People\n[[term]]\nar = \"سالتانات أزيربك\""),
            "{text}"
        );
    }

    #[test]
    fn edits_cope_with_awkward_but_valid_layouts() {
        let text = "[[term]]\nar = \"ا\"\nen = \"a\"\nvariants = [\n  \"ب\", # see [1]\n]\n\
                    [[term]]\nar = \"ت\"\nen = \"t\"\nnote = \"\"\"\nline one\n[[term]]\n\"\"\"\n\
                    [[term]]\nar = \"ث\"\nen = \"th\"\nvariants = [ # none yet\n]\n";
        // A comment with a bracket after the last element stays with it.
        let (added, _) = add_to_text(text, p(), "ج", "", &variant_of("ا")).unwrap();
        assert!(
            added.contains("  \"ب\", # see [1]\n  \"ج\",\n]\n"),
            "{added}"
        );
        // A multi-line note, with a fake header inside it, goes with its entry; no blank
        // line beside it to take.
        let (removed, entry) = rm_from_text(text, p(), "ت").unwrap();
        assert_eq!(entry.note.as_deref(), Some("line one\n[[term]]\n"));
        assert_eq!(
            removed,
            text.replace(
                "[[term]]\nar = \"ت\"\nen = \"t\"\nnote = \"\"\"\nline one\n[[term]]\n\"\"\"\n",
                ""
            )
        );
        // An empty array spread over lines, with only a comment in it.
        let (added, _) = add_to_text(text, p(), "ح", "", &variant_of("ث")).unwrap();
        assert!(
            added.ends_with("variants = [ # none yet\n    \"ح\",\n]\n"),
            "{added}"
        );
    }

    #[test]
    fn rm_of_a_missing_entry_is_an_error() {
        let e = rm_from_text(GLOSSARY, p(), "بنغازي")
            .unwrap_err()
            .to_string();
        assert_eq!(
            e,
            "glossary.toml:1:1: 'بنغازي' is not in the glossary (as a headword or a variant)"
        );
    }

    #[test]
    fn a_malformed_glossary_is_refused_with_the_loaders_message() {
        let bad = GLOSSARY.replace("en = \"Almaty\"", "english = \"Almaty\"");
        let loader = file::parse(&bad, p()).unwrap_err().to_string();
        assert_eq!(add_err(&bad, "بنغازي", "Benghazi", &opts()), loader);
        assert_eq!(
            rm_from_text(&bad, p(), "توكاييف").unwrap_err().to_string(),
            loader
        );
        let inline = "term = [{ ar = \"x\", en = \"y\" }]\n";
        assert!(add_err(inline, "بنغازي", "Benghazi", &opts()).contains("inline array"));
    }

    #[test]
    fn add_and_rm_on_files() {
        let dir = TempDir::new().unwrap();
        let path = dir.path().join("glossary.toml");
        std::fs::write(&path, GLOSSARY).unwrap();
        add(&path, "بنغازي", "Benghazi", &opts()).unwrap();
        assert_eq!(terms(&std::fs::read_to_string(&path).unwrap()).len(), 5);
        let removed = rm(&path, "بنغازى").unwrap();
        assert_eq!(removed.ar, "بنغازي");
        assert_eq!(std::fs::read_to_string(&path).unwrap(), GLOSSARY);
        assert!(strays(&dir).is_empty(), "{:?}", strays(&dir));

        // A refused add changes nothing and leaves nothing.
        let e = add(&path, "ألماتي", "Almaty", &opts()).unwrap_err();
        assert!(e.to_string().contains("already in the glossary"), "{e}");
        assert_eq!(std::fs::read_to_string(&path).unwrap(), GLOSSARY);
        assert!(strays(&dir).is_empty(), "{:?}", strays(&dir));

        // rm of a file that does not exist.
        let missing = dir.path().join("none.toml");
        assert!(matches!(rm(&missing, "x"), Err(e) if e.kind() == &ErrorKind::NotFound));
    }

    #[test]
    fn add_creates_a_missing_file_with_a_header() {
        let dir = TempDir::new().unwrap();
        let path = dir.path().join("glossary.toml");
        add(&path, "بنغازي", "Benghazi", &opts()).unwrap();
        let text = std::fs::read_to_string(&path).unwrap();
        assert_eq!(
            text,
            format!("{NEW_FILE_HEADER}\n[[term]]\nar = \"بنغازي\"\nen = \"Benghazi\"\n")
        );
        assert!(strays(&dir).is_empty());
        rm(&path, "بنغازي").unwrap();
        assert_eq!(std::fs::read_to_string(&path).unwrap(), NEW_FILE_HEADER);
        let e = add(&dir.path().join("no/such/glossary.toml"), "x", "y", &opts()).unwrap_err();
        assert!(e.kind() == &ErrorKind::NotFound, "{e}");
    }

    #[test]
    fn twenty_threads_adding_at_once_all_land() {
        let dir = TempDir::new().unwrap();
        let path = dir.path().join("glossary.toml");
        std::fs::write(&path, GLOSSARY).unwrap();
        let threads: Vec<_> = (0..20)
            .map(|i| {
                let path = path.clone();
                std::thread::spawn(move || {
                    add(&path, &format!("كلمة{i}"), &format!("word {i}"), &opts()).unwrap()
                })
            })
            .collect();
        for thread in threads {
            assert_eq!(thread.join().unwrap(), Added::Entry);
        }
        let text = std::fs::read_to_string(&path).unwrap();
        let terms = terms(&text);
        assert_eq!(terms.len(), 24);
        for i in 0..20 {
            assert!(
                terms.iter().any(|t| t.en == format!("word {i}")),
                "word {i} lost"
            );
        }
        assert!(text.starts_with(GLOSSARY));
        assert!(strays(&dir).is_empty(), "{:?}", strays(&dir));
    }

    #[test]
    fn a_failed_write_leaves_no_temporary_file() {
        let dir = TempDir::new().unwrap();
        // The target is a non-empty folder: the rename fails after the temp file was written.
        let target = dir.path().join("glossary.toml");
        std::fs::create_dir(&target).unwrap();
        std::fs::write(target.join("x"), "x").unwrap();
        assert!(write_atomically(&target, "[[term]]\n").is_err());
        assert!(strays(&dir).is_empty(), "{:?}", strays(&dir));
        let target = dir.path().join("no/such/folder/glossary.toml");
        assert!(write_atomically(&target, "x").is_err());
    }

    #[cfg(unix)]
    #[test]
    fn permissions_and_symbolic_links_are_kept() {
        use std::os::unix::fs::PermissionsExt;
        let dir = TempDir::new().unwrap();
        let path = dir.path().join("glossary.toml");
        std::fs::write(&path, GLOSSARY).unwrap();
        std::fs::set_permissions(&path, std::fs::Permissions::from_mode(0o640)).unwrap();
        add(&path, "بنغازي", "Benghazi", &opts()).unwrap();
        let mode = std::fs::metadata(&path).unwrap().permissions().mode();
        assert_eq!(mode & 0o777, 0o640);

        // A read-only glossary is refused, untouched.
        std::fs::set_permissions(&path, std::fs::Permissions::from_mode(0o444)).unwrap();
        let e = add(&path, "طرابلس", "Tripoli", &opts()).unwrap_err();
        assert!(e.to_string().contains("read-only"), "{e}");
        assert!(strays(&dir).is_empty(), "{:?}", strays(&dir));
        std::fs::set_permissions(&path, std::fs::Permissions::from_mode(0o644)).unwrap();

        let link_dir = TempDir::new().unwrap();
        let link = link_dir.path().join("glossary.toml");
        std::os::unix::fs::symlink(&path, &link).unwrap();
        add(&link, "طرابلس", "Tripoli", &opts()).unwrap();
        assert!(
            std::fs::symlink_metadata(&link)
                .unwrap()
                .file_type()
                .is_symlink()
        );
        assert!(std::fs::read_to_string(&path).unwrap().contains("Tripoli"));
    }
}
