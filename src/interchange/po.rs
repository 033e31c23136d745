//! gettext PO, for Poedit, Lokalize and Weblate: one entry per sentence, `msgctxt` the
//! sentence's hash (so two identical sources stay two entries), the location as a `#:`
//! reference, terms, figures and memory matches as `#.` comments. On import an entry is a
//! translation when its `msgstr` is not empty and it is not marked `#, fuzzy`.
//!
//! A small strict reader: `msgctxt`, `msgid`, `msgstr` with continuation lines, the C escapes
//! gettext writes (`\"`, `\\`, `\n`, `\t`, `\r`), comments; plural forms are refused (a
//! sentence has none); anything else is an error at its line.

use super::error_at;
use super::units::{ExportUnit, ImportUnit};
use crate::error::Result;
use std::path::Path;

fn quote(s: &str) -> String {
    let mut out = String::with_capacity(s.len() + 2);
    out.push('"');
    for c in s.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\t' => out.push_str("\\t"),
            '\r' => out.push_str("\\r"),
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

/// A comment's text on one line.
fn one_line(s: &str) -> String {
    s.replace(['\r', '\n'], " ")
}

/// Write `units` as a PO file.
pub fn write(units: &[ExportUnit]) -> String {
    let mut out = String::new();
    out.push_str("msgid \"\"\nmsgstr \"\"\n");
    out.push_str("\"Content-Type: text/plain; charset=UTF-8\\n\"\n");
    out.push_str("\"Language: en\\n\"\n");
    out.push_str(&format!(
        "\"X-Generator: mizan {}\\n\"\n",
        env!("CARGO_PKG_VERSION")
    ));
    for unit in units {
        out.push('\n');
        for note in &unit.notes {
            out.push_str(&format!("#. {}\n", one_line(note)));
        }
        for alt in &unit.alternatives {
            out.push_str(&format!(
                "#. memory {}%: {} = {}\n",
                alt.percent,
                one_line(&alt.source),
                one_line(&alt.target)
            ));
        }
        // A reference holds no spaces in gettext's syntax.
        out.push_str(&format!("#: {}\n", unit.context.replace(' ', "_")));
        out.push_str(&format!("msgctxt {}\n", quote(&unit.id)));
        out.push_str(&format!("msgid {}\n", quote(&unit.source)));
        out.push_str(&format!(
            "msgstr {}\n",
            quote(unit.target.as_deref().unwrap_or(""))
        ));
    }
    out
}

fn unquote(s: &str, at: usize, text: &str, path: &Path) -> Result<String> {
    let bad = |m: &str| error_at(path, text, at, m.to_string());
    let inner = s
        .strip_prefix('"')
        .and_then(|r| r.strip_suffix('"'))
        .filter(|_| s.len() >= 2)
        .ok_or_else(|| bad("expected a quoted string"))?;
    let mut out = String::new();
    let mut chars = inner.chars();
    while let Some(c) = chars.next() {
        match c {
            '\\' => match chars.next() {
                Some('"') => out.push('"'),
                Some('\\') => out.push('\\'),
                Some('n') => out.push('\n'),
                Some('t') => out.push('\t'),
                Some('r') => out.push('\r'),
                _ => return Err(bad("unknown escape in a quoted string")),
            },
            '"' => return Err(bad("an unescaped '\"' inside a quoted string")),
            c => out.push(c),
        }
    }
    Ok(out)
}

#[derive(Default)]
struct Entry {
    ctxt: Option<String>,
    id: Option<String>,
    strs: Option<String>,
    fuzzy: bool,
    line: usize,
}

/// Read the entries of a PO file (the header entry left out).
pub fn read(text: &str, path: &Path) -> Result<Vec<ImportUnit>> {
    let text_body = text.strip_prefix('\u{FEFF}').unwrap_or(text);
    let mut units = Vec::new();
    let mut entry = Entry::default();
    let mut current: Option<&'static str> = None;
    let mut offset = 0;
    let finish = |entry: &mut Entry, units: &mut Vec<ImportUnit>| {
        let done = std::mem::take(entry);
        if let Some(id) = done.id
            && !id.is_empty()
        {
            units.push(ImportUnit {
                id: done.ctxt.unwrap_or_default(),
                source: id,
                target: done.strs.filter(|s| !s.trim().is_empty() && !done.fuzzy),
                line: done.line,
            });
        }
    };
    for (n, raw) in text_body.split_inclusive('\n').enumerate() {
        let at = offset;
        offset += raw.len();
        let line = raw.trim_end_matches(['\n', '\r']).trim();
        if line.is_empty() {
            continue;
        }
        if let Some(flags) = line.strip_prefix("#,") {
            if entry.id.is_some() {
                finish(&mut entry, &mut units);
            }
            entry.fuzzy |= flags.split(',').any(|f| f.trim() == "fuzzy");
            continue;
        }
        if line.starts_with('#') {
            if entry.id.is_some() && entry.strs.is_some() {
                finish(&mut entry, &mut units);
            }
            continue;
        }
        let (keyword, rest) = if line.starts_with('"') {
            ("", line)
        } else {
            match line.split_once(char::is_whitespace) {
                Some((k, r)) => (k, r.trim()),
                None => (line, ""),
            }
        };
        let value = unquote(
            if keyword.is_empty() { line } else { rest },
            at,
            text_body,
            path,
        )?;
        match keyword {
            "" => {
                let field = match current {
                    Some("msgctxt") => entry.ctxt.as_mut(),
                    Some("msgid") => entry.id.as_mut(),
                    Some("msgstr") => entry.strs.as_mut(),
                    _ => None,
                };
                match field {
                    Some(f) => f.push_str(&value),
                    None => {
                        return Err(error_at(
                            path,
                            text_body,
                            at,
                            "a continuation line with nothing to continue",
                        ));
                    }
                }
            }
            "msgctxt" => {
                if entry.id.is_some() {
                    finish(&mut entry, &mut units);
                }
                entry.ctxt = Some(value);
                entry.line = entry.line.max(n + 1);
                current = Some("msgctxt");
            }
            "msgid" => {
                if entry.id.is_some() {
                    finish(&mut entry, &mut units);
                }
                if entry.line == 0 {
                    entry.line = n + 1;
                }
                entry.id = Some(value);
                current = Some("msgid");
            }
            "msgstr" => {
                entry.strs = Some(value);
                current = Some("msgstr");
            }
            "msgid_plural" => {
                return Err(error_at(
                    path,
                    text_body,
                    at,
                    "plural forms are not sentences mizan exported",
                ));
            }
            other => {
                return Err(error_at(
                    path,
                    text_body,
                    at,
                    format!("unknown keyword '{other}'"),
                ));
            }
        }
    }
    finish(&mut entry, &mut units);
    Ok(units)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::interchange::units::Alternative;

    fn unit(target: Option<&str>) -> ExportUnit {
        ExportUnit {
            id: "44b042084c8294ab".into(),
            source: "قال \"المتحدث\"\\ إن\n8".into(),
            target: target.map(str::to_string),
            context: "./02 steppe.md#4".into(),
            notes: vec!["terms: a = b".into()],
            alternatives: vec![Alternative {
                percent: 67,
                source: "x\ny".into(),
                target: "z".into(),
            }],
        }
    }

    #[test]
    fn entries_read_back_as_written() {
        let doc = write(&[unit(None), unit(Some("He said \"8\"."))]);
        let back = read(&doc, Path::new("q.po")).unwrap();
        assert_eq!(back.len(), 2, "{doc}");
        assert_eq!(back[0].source, unit(None).source);
        assert_eq!(back[0].id, "44b042084c8294ab");
        assert_eq!(back[0].target, None);
        assert_eq!(back[1].target.as_deref(), Some("He said \"8\"."));
    }

    #[test]
    fn fuzzy_entries_are_not_translations_and_bad_lines_are_located() {
        let doc = "msgid \"\"\nmsgstr \"\"\n\n#, fuzzy\nmsgctxt \"a\"\nmsgid \"س\"\nmsgstr \"x\"\n\nmsgctxt \"b\"\nmsgid \"ص\"\nmsgstr \"\"\n\"Done.\"\n";
        let back = read(doc, Path::new("q.po")).unwrap();
        assert_eq!(back[0].target, None);
        assert_eq!(back[1].target.as_deref(), Some("Done."));
        let err = read("msgid \"a\nmsgstr \"\"\n", Path::new("q.po"))
            .unwrap_err()
            .to_string();
        assert!(err.starts_with("q.po:1:"), "{err}");
    }
}
