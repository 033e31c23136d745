//! JSON-lines archives: one article per line, as scrapers and news datasets ship them.
//!
//! The article's fields are found by their common names (`content`/`text`/`body`, `title`,
//! `source`/`outlet`, `date`/`published`/`date_extracted`, `id`/`url`) or named with
//! [`JsonFields`]. A line that is not a JSON object, or has no text, is reported with its line
//! number and skipped; a blank line is ignored.

use super::{Corpus, Document, Metadata, Warning, bidi_warning};
use crate::error::{Error, ErrorKind, FileKind, LineProblem, Location, Result};
use crate::text::chars::is_invisible_control;
use serde_json::{Map, Value};
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

/// The longest line read: an article of this size is far beyond any real one, and the limit
/// keeps a file without line breaks from being read whole into memory.
pub const MAX_LINE_BYTES: usize = 64 * 1024 * 1024;

/// Read every article of the archive at `path` into `corpus`. `strict`: a bad line is an
/// error instead of a warning.
pub fn read_archive(
    path: &Path,
    fields: &JsonFields,
    strict: bool,
    corpus: &mut Corpus,
) -> Result<()> {
    let file = std::fs::File::open(path).map_err(|e| Error::reading(path, e))?;
    let mut reader = BufReader::with_capacity(1 << 20, file);
    let mut line = Vec::new();
    let mut number = 0;
    loop {
        line.clear();
        let read = Read::by_ref(&mut reader)
            .take(MAX_LINE_BYTES as u64 + 1)
            .read_until(b'\n', &mut line)
            .map_err(|e| Error::reading(path, e))?;
        if read == 0 {
            break;
        }
        number += 1;
        if line.len() > MAX_LINE_BYTES {
            return Err(Error::new(ErrorKind::TooLarge {
                size: line.len() as u64,
                limit: MAX_LINE_BYTES as u64,
            })
            .in_file(FileKind::Article)
            .at(Location::file(path)));
        }
        let bad = |problem: LineProblem| Warning::BadLine {
            path: path.to_path_buf(),
            line: number,
            problem,
        };
        let warning = match std::str::from_utf8(&line) {
            Err(e) => bad(LineProblem::NotUtf8 {
                byte: e.valid_up_to() + 1,
            }),
            Ok(text) if text.trim().is_empty() => continue,
            Ok(text) => match article(text.trim(), path, number, fields) {
                Ok(doc) => {
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
    Ok(())
}

/// One line's article, or what is wrong with it.
fn article(
    line: &str,
    path: &Path,
    number: usize,
    fields: &JsonFields,
) -> std::result::Result<Document, LineProblem> {
    let value: Value = serde_json::from_str(line)
        .map_err(|e| LineProblem::NotJson(e.to_string().replace(" at line 1", " at")))?;
    let Value::Object(object) = value else {
        return Err(LineProblem::NotAnObject);
    };
    let (_, text) =
        field_or_blank(&object, fields.text.as_deref(), TEXT_FIELDS).ok_or_else(|| {
            LineProblem::NoTextField {
                named: fields.text.clone(),
                common: TEXT_FIELDS,
            }
        })?;
    if text
        .chars()
        .all(|c| c.is_whitespace() || is_invisible_control(c))
    {
        return Err(LineProblem::EmptyText);
    }
    let meta = Metadata {
        title: field(&object, fields.title.as_deref(), TITLE).map(|(_, v)| v),
        outlet: field(&object, fields.outlet.as_deref(), OUTLET).map(|(_, v)| v),
        date: field(&object, fields.date.as_deref(), DATE).map(|(_, v)| v),
    };
    let id = match field(&object, fields.id.as_deref(), ID) {
        Some((_, id)) => format!("{}#{}", path.display(), id),
        None => format!("{}:{number}", path.display()),
    };
    Ok(Document {
        id,
        text,
        body_start: 0,
        meta,
    })
}

/// The named field, or the first of `common` present, as text (numbers are written out);
/// missing, null, blank and non-scalar values count as absent.
fn field(
    object: &Map<String, Value>,
    named: Option<&str>,
    common: &[&str],
) -> Option<(String, String)> {
    field_or_blank(object, named, common).filter(|(_, v)| !v.trim().is_empty())
}

/// Like [`field`], but a blank string counts as present (an article whose text is empty is
/// not one without a text field).
fn field_or_blank(
    object: &Map<String, Value>,
    named: Option<&str>,
    common: &[&str],
) -> Option<(String, String)> {
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
        Some((name.to_string(), value))
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::io::Write;

    fn read(lines: &str, fields: &JsonFields) -> Corpus {
        let mut file = tempfile::NamedTempFile::new().unwrap();
        file.write_all(lines.as_bytes()).unwrap();
        let mut corpus = Corpus::default();
        read_archive(file.path(), fields, false, &mut corpus).unwrap();
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
        read_archive(file.path(), &JsonFields::default(), false, &mut corpus).unwrap();
        assert_eq!(corpus.documents.len(), 1);
        assert!(
            corpus.warnings[0]
                .to_string()
                .contains(":1: not valid UTF-8")
        );
    }
}
