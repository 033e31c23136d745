//! Frequent phrases the glossary does not cover: counted by article, ranked, and kept only
//! where maximal.

use super::reading::{CorpusWords, NONE, add_surface, best_surface};
use super::{SuggestOptions, Suggestion};
use crate::text::span::Span;
use rustc_hash::FxHashMap;

struct Phrase {
    /// Key of the first word, then the other words as written.
    words: Box<[u32]>,
    docs: Vec<u32>,
    /// (document, first token).
    occurrences: Vec<(u32, u32)>,
    surfaces: Vec<(String, u32)>,
}

pub(super) fn phrases(corpus: &CorpusWords<'_>, options: &SuggestOptions) -> Vec<Suggestion> {
    let max = options.max_ngram.max(1);
    let mut ids: FxHashMap<Box<[u32]>, u32> = FxHashMap::default();
    let mut phrases: Vec<Phrase> = Vec::new();
    // index[doc][token * max + n - 1]: the phrase of n words starting at token, or NONE.
    let mut index: Vec<Vec<u32>> = Vec::with_capacity(corpus.docs.len());
    let mut key: Vec<u32> = Vec::with_capacity(max);
    for (doc, d) in corpus.docs.iter().enumerate() {
        let mut at = vec![NONE; d.words.len() * max];
        for run in &d.runs {
            for i in run.clone() {
                if d.covered[i] != NONE || !corpus.at_edge(d.words[i]) {
                    continue;
                }
                key.clear();
                key.push(corpus.word(d.words[i]).key);
                for n in 1..=max {
                    let last = i + n - 1;
                    if last >= run.end || d.covered[last] != NONE {
                        break;
                    }
                    if n > 1 {
                        key.push(d.words[last]);
                        if !corpus.at_edge(d.words[last]) {
                            continue;
                        }
                    } else if corpus.word(key[0]).letters < 3 {
                        continue;
                    }
                    let id = match ids.get(key.as_slice()) {
                        Some(&id) => id,
                        None => {
                            let id = phrases.len() as u32;
                            ids.insert(key.clone().into_boxed_slice(), id);
                            phrases.push(Phrase {
                                words: key.clone().into_boxed_slice(),
                                docs: Vec::new(),
                                occurrences: Vec::new(),
                                surfaces: Vec::new(),
                            });
                            id
                        }
                    };
                    let p = &mut phrases[id as usize];
                    if p.docs.last() != Some(&(doc as u32)) {
                        p.docs.push(doc as u32);
                    }
                    p.occurrences.push((doc as u32, i as u32));
                    add_surface(&mut p.surfaces, corpus.display(doc, i, n));
                    at[i * max + n - 1] = id;
                }
            }
        }
        index.push(at);
    }

    let min_articles = options.min_articles.max(1);
    let normalized = |p: &Phrase| {
        p.words
            .iter()
            .map(|&w| corpus.vocab.text(w))
            .collect::<Vec<_>>()
            .join(" ")
    };
    let mut ranked: Vec<(&Phrase, String)> = phrases
        .iter()
        .filter(|p| p.docs.len() >= min_articles)
        .filter(|p| !inside_one_longer(p, &index, max))
        .map(|p| (p, normalized(p)))
        .collect();
    ranked.sort_by(|(a, an), (b, bn)| {
        b.docs
            .len()
            .cmp(&a.docs.len())
            .then(b.occurrences.len().cmp(&a.occurrences.len()))
            .then(b.words.len().cmp(&a.words.len()))
            .then(an.cmp(bn))
    });
    ranked.truncate(options.limit);
    ranked
        .into_iter()
        .map(|(p, normalized)| Suggestion {
            phrase: best_surface(&p.surfaces),
            normalized,
            articles: p.docs.len(),
            occurrences: p.occurrences.len(),
            examples: examples(corpus, p),
        })
        .collect()
}

/// Whether every occurrence of `p` lies inside an occurrence of one and the same longer phrase.
fn inside_one_longer(p: &Phrase, index: &[Vec<u32>], max: usize) -> bool {
    let n = p.words.len();
    if n >= max {
        return false;
    }
    let mut common: Option<Vec<u32>> = None;
    let mut around = Vec::new();
    for &(doc, i) in &p.occurrences {
        let (doc, i) = (doc as usize, i as usize);
        let at = &index[doc];
        let tokens = at.len() / max;
        around.clear();
        for start in i.saturating_sub(max - 1)..=i {
            for m in (n + 1)..=max {
                if start + m < i + n || start + m > tokens {
                    continue;
                }
                let id = at[start * max + m - 1];
                if id != NONE {
                    around.push(id);
                }
            }
        }
        around.sort_unstable();
        around.dedup();
        common = Some(match common {
            None => around.clone(),
            Some(mut c) => {
                c.retain(|id| around.binary_search(id).is_ok());
                c
            }
        });
        if common.as_ref().is_some_and(Vec::is_empty) {
            return false;
        }
    }
    common.is_some_and(|c| !c.is_empty())
}

/// Up to three occurrences, one per article first.
fn examples(corpus: &CorpusWords<'_>, p: &Phrase) -> Vec<(String, Span)> {
    let n = p.words.len();
    let mut picked: Vec<(u32, u32)> = Vec::new();
    for &(doc, i) in &p.occurrences {
        if picked.len() < 3 && !picked.iter().any(|&(d, _)| d == doc) {
            picked.push((doc, i));
        }
    }
    for &occ in &p.occurrences {
        if picked.len() < 3 && !picked.contains(&occ) {
            picked.push(occ);
        }
    }
    picked.sort_unstable();
    picked
        .into_iter()
        .map(|(doc, i)| {
            let d = &corpus.docs[doc as usize];
            (
                corpus.documents[doc as usize].id.clone(),
                d.span(i as usize, n),
            )
        })
        .collect()
}
