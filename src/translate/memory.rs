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
    /// Normalized words as ids of the memory's vocabulary, in order, for the percentage.
    words: Vec<WordId>,
    /// The same ids sorted, for counting words in common in any order.
    sorted: Vec<WordId>,
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

type WordId = u32;

/// A word of a query that no unit has: equal to no unit's word, which is all a diff against
/// a unit needs.
const UNKNOWN: WordId = WordId::MAX;

/// The memory, with an index of its content words for fuzzy look-ups.
#[derive(Debug, Default)]
pub struct Memory {
    units: Vec<Unit>,
    by_hash: FxHashMap<u64, usize>,
    /// Every normalized word of the units. Words are compared as ids: the queue looks up
    /// every sentence of a week, against up to 32 units each.
    vocabulary: FxHashMap<String, WordId>,
    /// Word id → the units that have it; `None` for words that say little (function words),
    /// which make no unit a candidate.
    postings: Vec<Option<Vec<u32>>>,
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
            memory.push(hash, ar, t.en.clone(), t.by.clone());
        }
        memory
    }

    fn push(&mut self, hash: u64, ar: String, en: String, by: Option<String>) {
        let at = self.units.len() as u32;
        let ids: Vec<WordId> = words(&ar).into_iter().map(|w| self.intern(w)).collect();
        let mut sorted = ids.clone();
        sorted.sort_unstable();
        let mut distinct = sorted.clone();
        distinct.dedup();
        for id in distinct {
            if let Some(units) = &mut self.postings[id as usize] {
                units.push(at);
            }
        }
        self.by_hash.insert(hash, self.units.len());
        self.units.push(Unit {
            hash,
            ar,
            en,
            by,
            words: ids,
            sorted,
        });
    }

    fn intern(&mut self, word: String) -> WordId {
        if let Some(&id) = self.vocabulary.get(&word) {
            return id;
        }
        let id = self.vocabulary.len() as WordId;
        self.postings.push((!says_little(&word)).then(Vec::new));
        self.vocabulary.insert(word, id);
        id
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
        let query = self.word_ids(text);
        let mut candidates = self.sharing_content_words(&query);
        // Most sentences share no content word with the memory: nothing more to compute.
        if candidates.is_empty() {
            return Vec::new();
        }
        let hash = sentence_hash(text);
        let by_most_shared = |a: &(u32, u32), b: &(u32, u32)| b.1.cmp(&a.1).then(a.0.cmp(&b.0));
        if candidates.len() > COMPARED {
            candidates.select_nth_unstable_by(COMPARED - 1, by_most_shared);
            candidates.truncate(COMPARED);
        }
        candidates.sort_unstable_by(by_most_shared);
        // The words in common, in any order, bound the percentage from above: a unit that
        // cannot reach `min_percent` is not diffed.
        let mut sorted_query = query.clone();
        sorted_query.sort_unstable();
        let reachable = |unit: &Unit| {
            let total = query.len() + unit.words.len();
            let at_least =
                |common: usize| total > 0 && 200 * common >= usize::from(min_percent) * total;
            // The shorter sentence bounds the words in common before they are counted.
            at_least(query.len().min(unit.words.len()))
                && at_least(crate::sorted::common_count(&sorted_query, &unit.sorted))
        };
        let mut matches: Vec<Match<'_>> = candidates
            .into_iter()
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

    /// The match percentage of `unit` for `text` (see [`Match::percent`]).
    pub fn percent(&self, unit: &Unit, text: &str) -> u8 {
        percent(&unit.words, &self.word_ids(text))
    }

    fn word_ids(&self, text: &str) -> Vec<WordId> {
        words(text)
            .iter()
            .map(|w| self.vocabulary.get(w).copied().unwrap_or(UNKNOWN))
            .collect()
    }

    /// Every unit sharing a content word with `query`, with how many distinct ones it shares.
    /// Counted in a per-thread array the size of the memory, not a map: a common word's
    /// postings run to thousands of units and this runs for every sentence of the queue.
    fn sharing_content_words(&self, query: &[WordId]) -> Vec<(u32, u32)> {
        thread_local! {
            static COUNTS: std::cell::RefCell<Vec<u32>> = const { std::cell::RefCell::new(Vec::new()) };
        }
        let mut distinct: Vec<WordId> = query.iter().copied().filter(|&w| w != UNKNOWN).collect();
        distinct.sort_unstable();
        distinct.dedup();
        COUNTS.with_borrow_mut(|counts| {
            if counts.len() < self.units.len() {
                counts.resize(self.units.len(), 0);
            }
            let mut touched: Vec<u32> = Vec::new();
            for w in distinct {
                for &u in self.postings[w as usize].as_deref().unwrap_or_default() {
                    let n = &mut counts[u as usize];
                    if *n == 0 {
                        touched.push(u);
                    }
                    *n += 1;
                }
            }
            touched
                .into_iter()
                .map(|u| (u, std::mem::take(&mut counts[u as usize])))
                .collect()
        })
    }
}

/// The match percentage of two word sequences: 2·(words in common, in order) / (all words),
/// rounded down, so 100 means the same words.
fn percent(a: &[WordId], b: &[WordId]) -> u8 {
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

    #[test]
    fn the_shared_word_counts_start_afresh_for_every_query() {
        let other = "فاز الهلال بكأس السوبر في لندن على النصر";
        let text = format!(
            "[[translation]]\nhash = \"{}\"\nar = \"{AR}\"\nen = \"Emergency.\"\n\n[[translation]]\nhash = \"{}\"\nar = \"{other}\"\nen = \"Al-Hilal won.\"\n",
            hash_hex(sentence_hash(AR)),
            hash_hex(sentence_hash(other))
        );
        let m = Memory::new(&parse(&text, Path::new("t.toml")).unwrap(), |_| None);
        let query = "فاز الهلال بكأس السوبر في لندن";
        let shared = |q: &str| {
            let mut found = m.sharing_content_words(&m.word_ids(q));
            found.sort_unstable();
            found
        };
        let first = shared(query);
        // A query in between that touches both units must leave no count behind.
        assert_eq!(shared("الهلال في ألماتي يناير توكاييف").len(), 2);
        assert_eq!(shared(query), first);
        // Unit 1 shares فاز, الهلال, بكأس, السوبر and لندن (في says little).
        assert_eq!(first, vec![(1, 5)]);
        assert_eq!(m.fuzzy(query, 50, 3)[0].percent, 85);
        assert_eq!(m.percent(&m.units()[1], query), 85);
    }
}
