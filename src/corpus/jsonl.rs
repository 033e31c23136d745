//! JSON-lines archives: one article per line, as scrapers and news datasets ship them.
//!
//! The article's fields are found by their common names (`content`/`text`/`body`, `title`,
//! `source`/`outlet`, `date`/`published`/`date_extracted`, `id`/`url`) or named with
//! [`JsonFields`]. A line that is not a JSON object, or has no text (or text that is not a
//! string), is reported with its line number and skipped; a blank line is ignored. An article
//! is cited as `FILE#ID`; a later line with an id already seen as `FILE#ID@LINE`, with a
//! warning; one without an id as `FILE:LINE`.

use super::{Budget, Corpus, Document, Metadata, Warning, bidi_warning};
use crate::error::{Error, ErrorKind, FileKind, LineProblem, Location, Result};
use crate::text::chars::is_invisible_control;
use rustc_hash::FxHashMap;
use serde_json::{Map, Value};
use std::collections::hash_map::Entry;
use std::io::{BufRead, BufReader, Read};
use std::path::Path;

/// Which JSON field holds what; `None` looks for the common names.
#[derive(Debug, Clone, Default)]
pub struct JsonFields {
    pub text: Option<String>,
    pub title: Option<String>,
    pub outlet: Option<String>,
    pub date: Option<String>,
    pub id: Option<String>,
}

const TEXT_FIELDS: &[&str] = &["content", "text", "body", "article", "maintext"];
const TITLE: &[&str] = &["title", "headline"];
const OUTLET: &[&str] = &["source", "outlet", "publisher", "site", "source_domain"];
const DATE: &[&str] = &[
    "date",
    "published",
    "date_published",
    "published_at",
    "date_publish",
    "date_extracted",
];
const ID: &[&str] = &["id", "url", "guid"];

/// The longest line read: one article, as large as a file may be. The limit keeps a file
/// without line breaks from being read whole into memory.
pub const MAX_LINE_BYTES: usize = super::MAX_ARTICLE_BYTES as usize;

/// Read every article of the archive at `path` into `corpus`. `strict`: a bad line is an
/// error instead of a warning. A regular file was counted against `budget` by its size; a
/// pipe or FIFO is counted as it is read, and never read past the budget.
pub(super) fn read_archive(
    path: &Path,
    fields: &JsonFields,
    strict: bool,
    budget: &mut Budget,
    corpus: &mut Corpus,
) -> Result<()> {
    let file = std::fs::File::open(path).map_err(|e| Error::reading(path, e))?;
    let regular = file
        .metadata()
        .map_err(|e| Error::reading(path, e))?
        .is_file();
    let cap = if regular {
        u64::MAX
    } else {
        budget.remaining()
    };
    let mut reader = BufReader::with_capacity(1 << 20, file.take(cap.saturating_add(1)));
    let mut line = Vec::new();
    let mut number = 0;
    let mut read_so_far = 0u64;
    // Each id and the line that first had it: a later line with the same id is cited apart.
    let mut ids: FxHashMap<String, usize> = FxHashMap::default();
    loop {
        line.clear();
        let read = Read::by_ref(&mut reader)
            .take(MAX_LINE_BYTES as u64 + 1)
            .read_until(b'\n', &mut line)
            .map_err(|e| Error::reading(path, e))?;
        if read == 0 {
            break;
        }
        read_so_far += read as u64;
        if read_so_far > cap {
            return Err(budget.over(path));
        }
        number += 1;
        if line.len() > MAX_LINE_BYTES {
            return Err(Error::new(ErrorKind::LineTooLong {
                limit: MAX_LINE_BYTES as u64,
            })
            .in_file(FileKind::Article)
            .at(Location::line(path, number)));
        }
        // A UTF-8 BOM begins the file, not its first article.
        let bytes = match line.strip_prefix(b"\xEF\xBB\xBF") {
            Some(rest) if number == 1 => rest,
            _ => &line[..],
        };
        let bad = |problem: LineProblem| Warning::BadLine {
            path: path.to_path_buf(),
            line: number,
            problem,
        };
        let warning = match std::str::from_utf8(bytes) {
            Err(e) => bad(LineProblem::NotUtf8 {
                byte: e.valid_up_to() + 1,
            }),
            Ok(text) if text.trim().is_empty() => continue,
            Ok(text) => match article(text.trim(), fields) {
                Ok((mut doc, id)) => {
                    doc.id = match id {
                        None => format!("{}:{number}", path.display()),
                        Some(id) => match ids.entry(id) {
                            Entry::Vacant(e) => {
                                let cited = format!("{}#{}", path.display(), e.key());
                                e.insert(number);
                                cited
                            }
                            Entry::Occupied(e) => {
                                corpus.warnings.push(Warning::DuplicateId {
                                    path: path.to_path_buf(),
                                    line: number,
                                    first: *e.get(),
                                    id: e.key().clone(),
                                });
                                format!("{}#{}@{number}", path.display(), e.key())
                            }
                        },
                    };
                    if let Some(w) = bidi_warning(&doc.text, Path::new(&doc.id)) {
                        corpus.warnings.push(w);
                    }
                    corpus.documents.push(doc);
                    continue;
                }
                Err(problem) => bad(problem),
            },
        };
        // Under `strict`, the first bad line ends the run.
        if strict {
            return Err(warning.into_strict_error().expect("a bad line skips input"));
        }
        corpus.warnings.push(warning);
    }
    if !regular {
        budget.count(path, read_so_far)?;
    }
    Ok(())
}

/// One line's article (its id still to be given) and the value of its id field, or what is
/// wrong with it.
fn article(
    line: &str,
    fields: &JsonFields,
) -> std::result::Result<(Document, Option<String>), LineProblem> {
    let value: Value = serde_json::from_str(line)
        .map_err(|e| LineProblem::NotJson(e.to_string().replace(" at line 1", " at")))?;
    let Value::Object(object) = value else {
        return Err(LineProblem::NotAnObject);
    };
    let text = text_field(&object, fields.text.as_deref())?;
    if text
        .chars()
        .all(|c| c.is_whitespace() || is_invisible_control(c))
    {
        return Err(LineProblem::EmptyText);
    }
    let meta = Metadata {
        title: field(&object, fields.title.as_deref(), TITLE),
        outlet: field(&object, fields.outlet.as_deref(), OUTLET),
        date: field(&object, fields.date.as_deref(), DATE),
    };
    let id = field(&object, fields.id.as_deref(), ID);
    let doc = Document {
        id: String::new(),
        text: text.clone(),
        body_start: 0,
        meta,
    };
    Ok((doc, id))
}

/// The article's text: the named field, or the first of the common names present (a null is
/// absent). It must be a string: a number or a list there is not an article's text.
fn text_field<'a>(
    object: &'a Map<String, Value>,
    named: Option<&str>,
) -> std::result::Result<&'a String, LineProblem> {
    let names: Vec<&str> = match named {
        Some(name) => vec![name],
        None => TEXT_FIELDS.to_vec(),
    };
    for name in names {
        let found = match object.get(name) {
            None | Some(Value::Null) => continue,
            Some(Value::String(text)) => return Ok(text),
            Some(Value::Number(_)) => "a number",
            Some(Value::Bool(_)) => "true or false",
            Some(Value::Array(_)) => "a list",
            Some(Value::Object(_)) => "an object",
        };
        return Err(LineProblem::TextNotString {
            field: name.to_string(),
            found,
        });
    }
    Err(LineProblem::NoTextField {
        named: named.map(str::to_string),
        common: TEXT_FIELDS,
    })
}

/// The named field, or the first of `common` present, as text (numbers are written out);
/// missing, null, blank and non-scalar values count as absent.
fn field(object: &Map<String, Value>, named: Option<&str>, common: &[&str]) -> Option<String> {
    let names: Vec<&str> = match named {
        Some(name) => vec![name],
        None => common.to_vec(),
    };
    names.into_iter().find_map(|name| {
        let value = match object.get(name)? {
            Value::String(s) => s.clone(),
            Value::Number(n) => n.to_string(),
            _ => return None,
        };
        (!value.trim().is_empty()).then_some(value)
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::io::Write;

    fn unlimited() -> Budget {
        Budget {
            used: 0,
            limit: u64::MAX,
        }
    }

    fn read(lines: &str, fields: &JsonFields) -> Corpus {
        let mut file = tempfile::NamedTempFile::new().unwrap();
        file.write_all(lines.as_bytes()).unwrap();
        let mut corpus = Corpus::default();
        read_archive(file.path(), fields, false, &mut unlimited(), &mut corpus).unwrap();
        corpus
    }

    #[test]
    fn fields_are_found_by_their_common_names() {
        let corpus = read(
            concat!(
                r#"{"id": "a-1", "source": "was", "date_extracted": "2015-08-02 10:00:00", "#,
                r#""title": "عنوان", "content": "نص الخبر."}"#,
                "\n",
                r#"{"url": "http://x/2", "outlet": "okaz", "published": "2015-08-03", "body": "خبر آخر."}"#,
                "\n\n",
            ),
            &JsonFields::default(),
        );
        assert!(corpus.warnings.is_empty(), "{:?}", corpus.warnings);
        let [a, b] = &corpus.documents[..] else {
            panic!("two articles")
        };
        assert!(a.id.ends_with("#a-1"));
        assert_eq!(a.text, "نص الخبر.");
        assert_eq!(a.meta.outlet.as_deref(), Some("was"));
        assert_eq!(a.meta.date.as_deref(), Some("2015-08-02 10:00:00"));
        assert_eq!(a.meta.title.as_deref(), Some("عنوان"));
        assert!(b.id.ends_with("#http://x/2"));
        assert_eq!(b.meta.outlet.as_deref(), Some("okaz"));
        assert_eq!(b.meta.date.as_deref(), Some("2015-08-03"));
    }

    #[test]
    fn fields_can_be_named() {
        let fields = JsonFields {
            text: Some("matn".into()),
            outlet: Some("paper".into()),
            ..JsonFields::default()
        };
        let corpus = read(
            r#"{"matn": "نص.", "paper": "P", "content": "غير هذا."}"#,
            &fields,
        );
        assert_eq!(corpus.documents[0].text, "نص.");
        assert_eq!(corpus.documents[0].meta.outlet.as_deref(), Some("P"));
    }

    #[test]
    fn bad_lines_are_reported_with_their_number_and_skipped() {
        let corpus = read(
            "{\"content\": \"أول.\"}\n{not json\n[1, 2]\n{\"title\": \"بلا نص\"}\n{\"content\": \"  \"}\n{\"content\": \"أخير.\"}\n",
            &JsonFields::default(),
        );
        assert_eq!(corpus.documents.len(), 2);
        let messages: Vec<String> = corpus.warnings.iter().map(|w| w.to_string()).collect();
        assert_eq!(messages.len(), 4, "{messages:?}");
        assert!(messages[0].contains(":2: not JSON"), "{}", messages[0]);
        assert!(
            messages[1].contains(":3: not a JSON object"),
            "{}",
            messages[1]
        );
        assert!(
            messages[2].contains(":4: no text field (looked for content"),
            "{}",
            messages[2]
        );
        assert!(
            messages[3].contains(":5: the article's text is empty"),
            "{}",
            messages[3]
        );
        // Without an id field, the line number names the article.
        assert!(corpus.documents[1].id.ends_with(":6"));
    }

    #[test]
    fn invalid_utf8_on_one_line_does_not_lose_the_others() {
        let mut bytes = b"{\"content\": \"\xC7\xE1\"}\n".to_vec();
        bytes.extend_from_slice("{\"content\": \"سليم.\"}\n".as_bytes());
        let mut file = tempfile::NamedTempFile::new().unwrap();
        file.write_all(&bytes).unwrap();
        let mut corpus = Corpus::default();
        read_archive(
            file.path(),
            &JsonFields::default(),
            false,
            &mut unlimited(),
            &mut corpus,
        )
        .unwrap();
        assert_eq!(corpus.documents.len(), 1);
        assert!(
            corpus.warnings[0]
                .to_string()
                .contains(":1: not valid UTF-8")
        );
    }
}
