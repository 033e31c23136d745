//! The desk's translation memory: every sentence the desk translated, found again exactly (the
//! same normalized sentence, by its hash) or fuzzily (a match percentage over normalized words,
//! as CAT tools offer them).

use crate::align::sentence_hash;
use crate::brief::translations::{Translations, hash_hex};
use crate::text::function_words::says_little;
use crate::text::normalize_str;
use rustc_hash::FxHashMap;
use similar::{Algorithm, capture_diff_slices, diff_ratio};

/// Fuzzy matches below this percentage are not offered (memoQ's and Trados's default floor;
/// OmegaT shows from 30%, which on news copy is mostly shared frames).
pub const MIN_FUZZY_PERCENT: u8 = 50;

/// One translated sentence of the memory.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Unit {
    /// The sentence's hash (the reference `translations.toml` keys it by).
    pub hash: u64,
    /// The Arabic: the entry's `ar`, else the sentence of the articles with that hash.
    pub ar: String,
    pub en: String,
    pub by: Option<String>,
    /// Normalized words, for the match percentage.
    words: Vec<String>,
}

impl Unit {
    pub fn reference(&self) -> String {
        hash_hex(self.hash)
    }
}

/// A fuzzy match: a unit of the memory and how much of it is this sentence.
#[derive(Debug, Clone, Copy)]
pub struct Match<'m> {
    pub unit: &'m Unit,
    /// 0–100: the share of words the two have in common, in order (2·matches / total words).
    pub percent: u8,
}

/// The memory, with an index of its content words for fuzzy look-ups.
#[derive(Debug, Default)]
pub struct Memory {
    units: Vec<Unit>,
    by_hash: FxHashMap<u64, usize>,
    /// Content word → units that have it.
    postings: FxHashMap<String, Vec<u32>>,
}

/// A sentence's words as the memory compares them: normalized, without punctuation.
pub fn words(text: &str) -> Vec<String> {
    text.split_whitespace()
        .map(|w| normalize_str(w.trim_matches(|c: char| !crate::text::chars::is_alphanumeric(c))))
        .filter(|w| !w.is_empty())
        .collect()
}

impl Memory {
    /// The memory of `translations`; `arabic_of` finds the Arabic of an entry that does not
    /// keep it beside (a sentence of the articles at hand with that hash).
    pub fn new<'a>(
        translations: &Translations,
        arabic_of: impl Fn(u64) -> Option<&'a str>,
    ) -> Memory {
        let mut memory = Memory::default();
        for (hash, t) in translations.iter() {
            let ar = match t.ar.as_deref().filter(|ar| sentence_hash(ar) == hash) {
                Some(ar) => ar.to_string(),
                None => match arabic_of(hash) {
                    Some(ar) => ar.to_string(),
                    // Neither kept nor in these articles: found by hash only.
                    None => t.ar.clone().unwrap_or_default(),
                },
            };
            memory.push(Unit {
                hash,
                words: words(&ar),
                ar,
                en: t.en.clone(),
                by: t.by.clone(),
            });
        }
        memory
    }

    fn push(&mut self, unit: Unit) {
        let at = self.units.len() as u32;
        let mut seen: Vec<&str> = Vec::new();
        for w in &unit.words {
            if !says_little(w) && !seen.contains(&w.as_str()) {
                seen.push(w);
                self.postings.entry(w.clone()).or_default().push(at);
            }
        }
        self.by_hash.insert(unit.hash, self.units.len());
        self.units.push(unit);
    }

    pub fn len(&self) -> usize {
        self.units.len()
    }

    pub fn is_empty(&self) -> bool {
        self.units.is_empty()
    }

    pub fn units(&self) -> &[Unit] {
        &self.units
    }

    /// The unit of this very sentence (the same normalized text).
    pub fn exact(&self, hash: u64) -> Option<&Unit> {
        self.by_hash.get(&hash).map(|&i| &self.units[i])
    }

    /// Up to `limit` units like `text` (itself excluded), best first, at `min_percent` or
    /// more. Only units sharing a content word are compared, the ones sharing most first.
    pub fn fuzzy(&self, text: &str, min_percent: u8, limit: usize) -> Vec<Match<'_>> {
        const COMPARED: usize = 32;
        let query = words(text);
        let hash = sentence_hash(text);
        let mut shared: FxHashMap<u32, u32> = FxHashMap::default();
        let mut seen: Vec<&str> = Vec::new();
        for w in &query {
            if says_little(w) || seen.contains(&w.as_str()) {
                continue;
            }
            seen.push(w);
            for &u in self.postings.get(w).map_or(&[][..], Vec::as_slice) {
                *shared.entry(u).or_default() += 1;
            }
        }
        let mut candidates: Vec<(u32, u32)> = shared.into_iter().collect();
        candidates.sort_unstable_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(&b.0)));
        // The words in common, in any order, bound the percentage from above: a unit that
        // cannot reach `min_percent` is not diffed.
        let mut bag: FxHashMap<&str, u32> = FxHashMap::default();
        for w in &query {
            *bag.entry(w.as_str()).or_default() += 1;
        }
        let reachable = |unit: &Unit| {
            let mut left = bag.clone();
            let common = unit
                .words
                .iter()
                .filter(|w| match left.get_mut(w.as_str()) {
                    Some(n) if *n > 0 => {
                        *n -= 1;
                        true
                    }
                    _ => false,
                })
                .count();
            let total = query.len() + unit.words.len();
            total > 0 && 200 * common >= usize::from(min_percent) * total
        };
        let mut matches: Vec<Match<'_>> = candidates
            .into_iter()
            .take(COMPARED)
            .map(|(u, _)| &self.units[u as usize])
            .filter(|unit| unit.hash != hash && reachable(unit))
            .map(|unit| Match {
                unit,
                percent: percent(&unit.words, &query),
            })
            .filter(|m| m.percent >= min_percent)
            .collect();
        matches.sort_by(|a, b| {
            b.percent
                .cmp(&a.percent)
                .then(a.unit.hash.cmp(&b.unit.hash))
        });
        matches.truncate(limit);
        matches
    }
}

/// The match percentage of two word sequences: 2·(words in common, in order) / (all words),
/// rounded down, so 100 means the same words.
pub fn percent(a: &[String], b: &[String]) -> u8 {
    if a.is_empty() && b.is_empty() {
        return 100;
    }
    let ops = capture_diff_slices(Algorithm::Myers, a, b);
    (diff_ratio(&ops, a.len(), b.len()) * 100.0).floor() as u8
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::brief::translations::parse;
    use std::path::Path;

    const AR: &str =
        "وكان توكاييف قد فرض حالة الطوارئ في ألماتي ومنطقة مانغيستاو من 5 إلى 19 يناير.";

    fn memory() -> Memory {
        let text = format!(
            "[[translation]]\nhash = \"{}\"\nar = \"{AR}\"\nen = \"Tokayev had declared a state of emergency.\"\n",
            hash_hex(sentence_hash(AR))
        );
        Memory::new(&parse(&text, Path::new("t.toml")).unwrap(), |_| None)
    }

    #[test]
    fn the_same_sentence_respelled_is_the_exact_unit() {
        let m = memory();
        let respelled =
            "وكان توكاييف قد فرض حالة الطوارئ في الماتي ومنطقة مانغيستاو من 5 الى 19 يناير.";
        assert_eq!(
            m.exact(sentence_hash(respelled)).unwrap().hash,
            sentence_hash(AR)
        );
    }

    #[test]
    fn a_near_copy_is_a_fuzzy_match_with_its_percentage() {
        let m = memory();
        let other = "وكان توكاييف قد فرض حالة الطوارئ في ألماتي من 5 إلى 19 يناير، قبل أن يوسعها لتشمل البلاد.";
        let found = m.fuzzy(other, MIN_FUZZY_PERCENT, 3);
        assert_eq!(found.len(), 1);
        // 13 words in common, in order, of 15 and 18: 26/33.
        assert_eq!(found[0].percent, 78, "{found:?}");
        // An unrelated sentence is no match, and a sentence is not its own fuzzy match.
        assert!(m.fuzzy("فاز الهلال بكأس السوبر في لندن", 50, 3).is_empty());
        assert!(m.fuzzy(AR, 50, 3).is_empty());
    }
}
