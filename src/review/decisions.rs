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

use crate::error::{Error, FileKind, Location, Result, toml_error};
use crate::files::{lock, resolve, write_atomically};
use serde::{Deserialize, Serialize};
use std::collections::HashSet;
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

/// Record a decision (or a note) for pair `id`, under a lock, written atomically.
pub fn record(path: &Path, id: &str, change: Change) -> Result<()> {
    let id = id.to_ascii_lowercase();
    let target = resolve(path);
    let _lock = lock(&target, path)?;
    let mut reviews = load(path)?;
    let decision = match reviews.decisions.iter_mut().position(|d| d.id == id) {
        Some(i) => &mut reviews.decisions[i],
        None => {
            reviews.decisions.push(Decision {
                id: id.to_string(),
                verdict: None,
                note: None,
                a: None,
                b: None,
            });
            reviews.decisions.last_mut().expect("just pushed")
        }
    };
    if change.verdict.is_some() {
        decision.verdict = change.verdict;
    }
    if change.note.is_some() {
        decision.note = change.note;
    }
    if let Some((a, b)) = change.texts {
        decision.a = Some(a);
        decision.b = Some(b);
    }
    let body = toml::to_string(&reviews).map_err(|e| {
        Error::invalid(
            FileKind::Reviews,
            Location::line_column(path, 1, 1),
            e.to_string(),
        )
    })?;
    write_atomically(path, &format!("{HEADER}\n{body}"))
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
