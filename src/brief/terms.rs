//! The term index: the glossary entries found, how widely and how they are spelled, and the
//! default title made from them.

use super::build::Builder;
use super::context::Term;
use super::shown::shown;
use crate::glossary::Glossary;
use std::collections::{BTreeMap, BTreeSet};

impl Builder<'_> {
    /// Glossary entries found, most widely reported first.
    pub(super) fn terms(&self) -> Vec<Term> {
        struct Seen {
            articles: BTreeSet<usize>,
            occurrences: usize,
            spellings: BTreeSet<String>,
        }
        let mut seen: BTreeMap<usize, Seen> = BTreeMap::new();
        for (s, found) in self.found.iter().enumerate() {
            let sentence = &self.inputs.sentences[s];
            for h in &found.hits {
                let entry = seen.entry(h.entry).or_insert_with(|| Seen {
                    articles: BTreeSet::new(),
                    occurrences: 0,
                    spellings: BTreeSet::new(),
                });
                entry.articles.insert(self.articles[sentence.doc].number);
                entry.occurrences += 1;
                entry.spellings.insert(shown(h.core.slice(sentence.text)));
            }
        }
        let glossary = self.inputs.glossary;
        let mut terms: Vec<Term> = seen
            .into_iter()
            .map(|(e, seen)| {
                let entry = &glossary.terms[e];
                Term {
                    ar: shown(&entry.ar),
                    en: shown(&entry.en),
                    kind: entry.kind.as_deref().map(shown),
                    note: entry.note.as_deref().map(shown),
                    articles: seen.articles.into_iter().collect(),
                    occurrences: seen.occurrences,
                    spellings: seen.spellings.into_iter().collect(),
                }
            })
            .collect();
        terms.sort_by(|x, y| {
            y.articles
                .len()
                .cmp(&x.articles.len())
                .then(y.occurrences.cmp(&x.occurrences))
                .then_with(|| x.en.cmp(&y.en))
        });
        terms
    }
}

/// "Briefing: Kazakhstan, Almaty": the places and events most articles name.
pub(super) fn default_title(terms: &[Term], _glossary: &Glossary) -> String {
    let names: Vec<&str> = terms
        .iter()
        .filter(|t| matches!(t.kind.as_deref(), Some("place" | "event")))
        .take(2)
        .map(|t| t.en.as_str())
        .collect();
    if names.is_empty() {
        "Briefing".to_string()
    } else {
        format!("Briefing: {}", names.join(", "))
    }
}
