//! Alignment: the same fact reported by several articles, found as near-duplicate sentences.
//!
//! 1. Each sentence becomes a set of weighted units (`features`): content words without
//!    clitics, glossary entries, figures by value; weights are inverse document frequencies
//!    over the sentences aligned, and function words and attribution boilerplate weigh little.
//! 2. Candidates (`candidates`): sentences of different articles that share one of their
//!    rarest units (an inverted index over each sentence's few heaviest units), so the work
//!    grows with the number of true neighbours, not with the square of the corpus.
//! 3. Every candidate gets the exact score: weighted Dice over units.
//! 4. Pairs at or above the threshold are grouped into clusters (`cluster`) without chaining
//!    unrelated sentences through a long one.
//!
//! Pair ids ([`pair_id`]) come from the two sentences' normalized texts alone, so review
//! decisions survive re-runs and new articles. Rationale and calibration: docs/alignment.md.

pub(crate) mod candidates;
pub(crate) mod cluster;
pub(crate) mod features;
pub mod template;

use crate::glossary::Matcher;
use crate::text::normalize_str;
use rustc_hash::FxHashMap;
use std::collections::HashSet;
use template::Slot;

/// A sentence to align: which document, its index there, its original text, and the
/// document's outlet and day.
#[derive(Debug, Clone, Copy)]
pub struct Sentence<'a> {
    pub doc: usize,
    pub index: usize,
    pub text: &'a str,
    /// The document's outlet, as a number: two sentences of one outlet corroborate nothing.
    pub outlet: usize,
    /// The document's day (days since 1970-01-01), if it has a date: figures that differ
    /// across days are the next day's report, not the same fact.
    pub day: Option<i32>,
}

/// One sentence of a pair, as people and tools see it: the article's path (as `mizan segment`
/// gives it), the sentence's index there, its original text.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize)]
pub struct Side<'a> {
    pub doc: &'a str,
    pub index: usize,
    pub text: &'a str,
}

#[derive(Debug, Clone)]
pub struct Options {
    /// Pairs scoring at least this are aligned.
    pub threshold: f64,
    /// How many of its heaviest units index a sentence for candidate generation.
    pub keys_per_sentence: usize,
    /// Pair ids the desk accepted: aligned whatever their score (if the two sentences share
    /// anything at all).
    pub accepted: HashSet<String>,
    /// Pair ids the desk rejected: never paired, never in one cluster.
    pub rejected: HashSet<String>,
    /// Also pair sentences of two articles of the same outlet (marked
    /// [`Pair::same_outlet`]); by default only outlets corroborate each other.
    pub same_outlet: bool,
}

impl Default for Options {
    fn default() -> Self {
        Options {
            threshold: DEFAULT_THRESHOLD,
            keys_per_sentence: 8,
            accepted: HashSet::new(),
            rejected: HashSet::new(),
            same_outlet: false,
        }
    }
}

/// Calibrated on the seeds and STS 2017 (docs/alignment.md).
pub const DEFAULT_THRESHOLD: f64 = 0.45;

/// Up to this many sentences, every pair that shares any unit is scored.
const EXHAUSTIVE_UP_TO: usize = 5_000;

/// More exact copies of a sentence than this are indexed once and joined to the first copy
/// (n - 1 pairs); up to this many, every pair of them is scored and listed.
const COLLAPSE_OVER: usize = 16;

/// Function words weigh this much of their inverse document frequency.
const LIGHT_WEIGHT: f64 = 0.1;

/// Two sentences reported as the same fact.
#[derive(Debug, Clone, PartialEq)]
pub struct Pair {
    /// Indices into the input sentences, `a < b`.
    pub a: usize,
    pub b: usize,
    pub score: f64,
    pub id: String,
    /// Index into [`Alignment::clusters`].
    pub cluster: usize,
    pub relation: Relation,
    /// Both sentences are of one outlet (only with [`Options::same_outlet`]).
    pub same_outlet: bool,
}

/// How the two sentences of a pair tell the fact.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Relation {
    /// Both tell it whole: their similarity passes the threshold, and neither tells clearly
    /// more than the other.
    Full,
    /// One sentence is (nearly) wholly contained in the other, which tells clearly more: a
    /// headline and its lead, a sentence an outlet merged with the next. Paired whatever the
    /// score.
    Partial,
}

/// Sentences of articles this many days apart or more…
const LATER_DAYS: u32 = 2;
/// …pair only as close copies, at this score or above (partial or not): retold days later, a
/// looser match is mostly the next report of a recurring kind (the weather, the markets) or
/// another statement of the story. On the judged archive pairs two or more days apart, 11 of
/// 29 under 0.7 were the same fact, 8 of 9 from 0.7 to 0.9.
const LATER_THRESHOLD: f64 = 0.7;

/// A sentence of fewer content units than this is short…
const SHORT_UNITS: u32 = 4;
/// …and pairs with another only at this score or above.
const SHORT_THRESHOLD: f64 = 0.9;

/// Two sentences are a partial pair when at least this share of the shorter
/// sentence's weight is in the longer one…
pub const PARTIAL_CONTAINMENT: f64 = 0.8;
/// …and the shorter sentence has at least this many units (a byline or a fragment of a few
/// words is contained in many sentences and is no fact).
const PARTIAL_MIN_UNITS: usize = 5;
/// …and the longer tells clearly more: the shorter's weight is at most this share of it (a
/// near-copy with a few words changed is a full pair or none, not a partial one).
const PARTIAL_MAX_SHARE: f32 = 0.8;

#[derive(Debug, Clone, Default)]
pub struct Alignment {
    /// Sorted by cluster, then by the sentences' positions.
    pub pairs: Vec<Pair>,
    /// Each cluster's sentences (input indices, ascending); clusters in order of their first
    /// sentence.
    pub clusters: Vec<Vec<usize>>,
    /// Every pair that passed the threshold, whether or not it became a pair of a fact: the
    /// ones clustering kept apart, and the ones the template guard split (one frame told of
    /// two subjects: two officials' stock condolences on one bombing). Not the same fact, but
    /// usually the same story, which is what the stories stage reads them for. Sentence
    /// indices, each pair ascending, sorted.
    pub links: Vec<(usize, usize)>,
}

impl Alignment {
    /// The fact (cluster) each of `sentences` sentences belongs to, if any.
    pub fn fact_of(&self, sentences: usize) -> Vec<Option<usize>> {
        let mut fact_of = vec![None; sentences];
        for (c, members) in self.clusters.iter().enumerate() {
            for &s in members {
                fact_of[s] = Some(c);
            }
        }
        fact_of
    }
}

/// Sentences as weighted unit sets, ready to score against each other.
///
/// Stored compactly for a million sentences: every sentence's distinct unit ids, sorted, in
/// one flat array (`units[offsets[s]..offsets[s + 1]]`), and one weight per unit id.
pub struct Scorer {
    units: Vec<u32>,
    offsets: Vec<u32>,
    /// Per unit id: its weight (inverse document frequency; a tenth for function words).
    weights: Vec<f32>,
    /// Per sentence: the sum of its units' weights.
    totals: Vec<f32>,
    /// Per sentence: how many of its distinct units are not function words.
    content: Vec<u32>,
}

/// Sentences are turned into units this many at a time (on every core), so the transient
/// per-sentence vectors never exist for the whole corpus at once.
const BLOCK: usize = 50_000;

impl Scorer {
    /// Build the unit sets and weights of `sentences`.
    pub fn new(sentences: &[Sentence<'_>], matcher: Option<&Matcher>) -> Scorer {
        let mut ids: FxHashMap<u64, u32> = FxHashMap::default();
        let mut df: Vec<u32> = Vec::new();
        let mut light: Vec<bool> = Vec::new();
        let mut units: Vec<u32> = Vec::new();
        let mut offsets: Vec<u32> = Vec::with_capacity(sentences.len() + 1);
        offsets.push(0);
        for block in sentences.chunks(BLOCK) {
            let hashed: Vec<Vec<(u64, bool)>> = crate::parallel::map(block, |s| {
                let mut v = Vec::new();
                features::walk_units(s.text, matcher, |u, l| v.push((u.hash(), l)));
                v
            });
            for sentence in hashed {
                let start = units.len();
                for (hash, is_light) in sentence {
                    let next = df.len() as u32;
                    let id = *ids.entry(hash).or_insert(next);
                    if id == next {
                        df.push(0);
                        light.push(is_light);
                    }
                    units.push(id);
                }
                let set = &mut units[start..];
                set.sort_unstable();
                let distinct = dedup_sorted(set);
                units.truncate(start + distinct);
                for &id in &units[start..] {
                    df[id as usize] += 1;
                }
                offsets.push(u32::try_from(units.len()).expect("under 4 billion units"));
            }
        }
        let n = sentences.len() as f64;
        let weights: Vec<f32> = df
            .iter()
            .zip(&light)
            .map(|(&d, &is_light)| {
                let idf = ((n + 1.0) / (f64::from(d) + 0.5)).ln().max(0.1);
                (if is_light { idf * LIGHT_WEIGHT } else { idf }) as f32
            })
            .collect();
        let totals = offsets
            .windows(2)
            .map(|w| {
                units[w[0] as usize..w[1] as usize]
                    .iter()
                    .map(|&u| weights[u as usize])
                    .sum()
            })
            .collect();
        let content = offsets
            .windows(2)
            .map(|w| {
                let set = &units[w[0] as usize..w[1] as usize];
                set.iter().filter(|&&u| !light[u as usize]).count() as u32
            })
            .collect();
        Scorer {
            units,
            offsets,
            weights,
            totals,
            content,
        }
    }

    /// Whether a pair's score is enough for a full pair: the threshold, or more when one of
    /// the two is short (a fragment of two or three words, such as "the situation cannot go
    /// on", matches many sentences it has nothing to do with).
    pub fn passes(&self, a: usize, b: usize, score: f64, threshold: f64) -> bool {
        let shortest = self.content[a].min(self.content[b]);
        score >= threshold && (shortest >= SHORT_UNITS || score >= SHORT_THRESHOLD)
    }

    /// A sentence's distinct unit ids, ascending.
    pub fn set(&self, s: usize) -> &[u32] {
        &self.units[self.offsets[s] as usize..self.offsets[s + 1] as usize]
    }

    /// Weighted Dice: twice the weight the two sentences share over their total weight.
    pub fn score(&self, a: usize, b: usize) -> f64 {
        let shared = self.shared(a, b);
        let total = self.totals[a] + self.totals[b];
        if total == 0.0 {
            0.0
        } else {
            f64::from(2.0 * shared / total)
        }
    }

    /// Weighted containment: the share of the lighter sentence's weight that the other has.
    pub fn containment(&self, a: usize, b: usize) -> f64 {
        let lighter = self.totals[a].min(self.totals[b]);
        if lighter == 0.0 {
            0.0
        } else {
            f64::from(self.shared(a, b) / lighter)
        }
    }

    /// Whether two sentences make a partial pair (whatever their score): the shorter (of at least
    /// [`PARTIAL_MIN_UNITS`] units) is all but wholly in the longer, which tells clearly more.
    fn partial(&self, a: usize, b: usize) -> bool {
        let (shorter, longer) = if self.totals[a] <= self.totals[b] {
            (a, b)
        } else {
            (b, a)
        };
        self.set(shorter).len() >= PARTIAL_MIN_UNITS
            && self.totals[shorter] <= PARTIAL_MAX_SHARE * self.totals[longer]
            && self.containment(a, b) >= PARTIAL_CONTAINMENT
    }

    /// The weight of the units two sentences share.
    fn shared(&self, a: usize, b: usize) -> f32 {
        let (x, y) = (self.set(a), self.set(b));
        let (mut i, mut j, mut shared) = (0, 0, 0.0f32);
        while i < x.len() && j < y.len() {
            match x[i].cmp(&y[j]) {
                std::cmp::Ordering::Less => i += 1,
                std::cmp::Ordering::Greater => j += 1,
                std::cmp::Ordering::Equal => {
                    shared += self.weights[x[i] as usize];
                    i += 1;
                    j += 1;
                }
            }
        }
        shared
    }

    pub fn len(&self) -> usize {
        self.totals.len()
    }

    pub fn is_empty(&self) -> bool {
        self.totals.is_empty()
    }

    /// A sentence's `k` heaviest units (rarest first, ties by id), returned sorted by id.
    fn heaviest(&self, s: usize, k: usize) -> Vec<u32> {
        let mut units = self.set(s).to_vec();
        if units.len() > k {
            units.sort_by(|a, b| {
                self.weights[*b as usize]
                    .total_cmp(&self.weights[*a as usize])
                    .then(a.cmp(b))
            });
            units.truncate(k);
            units.sort_unstable();
        }
        units
    }
}

impl Scorer {
    /// For each sentence, the first sentence with the same (non-empty) unit set when more than
    /// `over` sentences have it; else itself. Two such sentences score 1.0.
    fn first_copies(&self, over: usize) -> Vec<usize> {
        let mut first: FxHashMap<&[u32], usize> = FxHashMap::default();
        let mut copies = vec![0usize; self.len()];
        let mut of: Vec<usize> = (0..self.len())
            .map(|s| {
                let set = self.set(s);
                let f = if set.is_empty() {
                    s
                } else {
                    *first.entry(set).or_insert(s)
                };
                copies[f] += 1;
                f
            })
            .collect();
        for f in of.iter_mut() {
            if copies[*f] <= over {
                // Few copies are aligned like any sentences: every pair of them is listed.
                *f = usize::MAX;
            }
        }
        of.iter()
            .enumerate()
            .map(|(s, &f)| if f == usize::MAX { s } else { f })
            .collect()
    }
}

/// Pairs `(a, b, 1.0)` joining each copy to the first copy of its set, or, when the two are in
/// one document, to the first copy in another document (none when all are in one): a star,
/// so `n` copies make `n - 1` pairs, not `n²`. `keep` may refuse a pair (a rejected id).
fn copy_pairs(
    first_copy: &[usize],
    docs: &[usize],
    keep: impl Fn(usize, usize) -> bool,
) -> Vec<(usize, usize, f64)> {
    let mut copies: FxHashMap<usize, Vec<usize>> = FxHashMap::default();
    for (s, &f) in first_copy.iter().enumerate() {
        if f != s {
            copies.entry(f).or_default().push(s);
        }
    }
    let mut pairs = Vec::new();
    for (first, rest) in copies {
        // The hub of the copies in the first copy's document.
        let other = rest.iter().copied().find(|&o| docs[o] != docs[first]);
        for &c in &rest {
            let hub = if docs[first] != docs[c] {
                Some(first)
            } else {
                other
            };
            if let Some(h) = hub {
                let (a, b) = (h.min(c), h.max(c));
                if keep(a, b) {
                    pairs.push((a, b, 1.0));
                }
            }
        }
    }
    pairs
}

/// Remove repeats from a sorted slice in place; returns how many distinct values lead it.
fn dedup_sorted(set: &mut [u32]) -> usize {
    if set.is_empty() {
        return 0;
    }
    let mut write = 1;
    for read in 1..set.len() {
        if set[read] != set[write - 1] {
            set[write] = set[read];
            write += 1;
        }
    }
    write
}

/// Align sentences of different outlets (with [`Options::same_outlet`], of different
/// documents).
pub fn align(
    sentences: &[Sentence<'_>],
    matcher: Option<&Matcher>,
    options: &Options,
) -> Alignment {
    let scorer = Scorer::new(sentences, matcher);
    // Sentences of one group are never paired: one outlet's (corroboration comes only from
    // another outlet), or with `same_outlet`, one document's.
    let groups: Vec<usize> = sentences
        .iter()
        .map(|s| if options.same_outlet { s.doc } else { s.outlet })
        .collect();
    // A small corpus is indexed under every unit: exhaustive, and still cheap.
    let keys_per_sentence = if sentences.len() <= EXHAUSTIVE_UP_TO {
        usize::MAX
    } else {
        options.keys_per_sentence
    };
    // Many exact copies (the same unit set) are indexed once, under their first sentence, so
    // a wire sentence republished by hundreds of outlets is not lost to the posting-list cap.
    let first_copy = scorer.first_copies(COLLAPSE_OVER);
    let keys: Vec<Vec<u32>> = crate::parallel::map(&(0..scorer.len()).collect::<Vec<_>>(), |&s| {
        if first_copy[s] == s {
            scorer.heaviest(s, keys_per_sentence)
        } else {
            Vec::new()
        }
    });
    let decided = !options.accepted.is_empty() || !options.rejected.is_empty();
    // Sentence hashes, for pair ids (needed here only when the desk has decided some pairs).
    let hashes: Vec<u64> = if decided {
        crate::parallel::map(sentences, |s| sentence_hash(s.text))
    } else {
        Vec::new()
    };
    let id_of = |a: usize, b: usize| combine(hashes[a], hashes[b]);
    // How many days apart two sentences' articles are, when both are dated.
    let days_apart = |a: usize, b: usize| match (sentences[a].day, sentences[b].day) {
        (Some(p), Some(q)) => Some(p.abs_diff(q)),
        _ => None,
    };
    // Whether a pair passes whatever the days: a story's link.
    let links_story = |a: usize, b: usize, score: f64| {
        scorer.passes(a, b, score, options.threshold) || scorer.partial(a, b)
    };
    // Whether it passes as a fact: days apart, only as a close copy.
    let passes = |a: usize, b: usize, score: f64| {
        if days_apart(a, b).is_some_and(|d| d >= LATER_DAYS) {
            scorer.passes(a, b, score, LATER_THRESHOLD.max(options.threshold))
        } else {
            links_story(a, b, score)
        }
    };
    // Candidates are scored as they are found; only pairs that link a story are kept.
    let keep = |a: usize, b: usize, score: f64| {
        if !decided {
            return links_story(a, b, score);
        }
        let id = id_of(a, b);
        !options.rejected.contains(&id)
            && (links_story(a, b, score) || options.accepted.contains(&id))
    };
    // A large corpus is indexed under few keys; a pair must then share two of them (near
    // duplicates share most of theirs), which keeps the candidates few.
    let min_shared = if keys_per_sentence == usize::MAX {
        1
    } else {
        2
    };
    let mut scored: Vec<(usize, usize, f64)> =
        candidates::scored_pairs(&keys, &groups, min_shared, |a, b| {
            let score = scorer.score(a, b);
            keep(a, b, score).then_some(score)
        });
    scored.extend(copy_pairs(&first_copy, &groups, |a, b| keep(a, b, 1.0)));
    // The candidate index is done with: freed before the guard's slots are found.
    drop(keys);
    drop(first_copy);
    // The template guard, on the sentences that passed: a frame with other content in a slot
    // is another fact (template.rs). The desk's accepted pairs stand.
    let slots = template_slots(sentences, &scored, matcher);
    let accepted = |a: usize, b: usize| decided && options.accepted.contains(&id_of(a, b));
    let other_content = |a: usize, b: usize| {
        let (Some(x), Some(y)) = (slots.get(&a), slots.get(&b)) else {
            return None;
        };
        template::differing_slot(x, y, days_apart(a, b)).filter(|_| !accepted(a, b))
    };
    let mut links: Vec<(usize, usize)> = scored
        .iter()
        .map(|&(a, b, _)| (a.min(b), a.max(b)))
        .collect();
    links.sort_unstable();
    links.dedup();
    scored.retain(|&(a, b, score)| {
        (passes(a, b, score) || accepted(a, b)) && other_content(a, b).is_none()
    });
    scored.sort_by(|x, y| y.2.total_cmp(&x.2).then((x.0, x.1).cmp(&(y.0, y.1))));
    let link_floor = options.threshold * cluster::LINK_FLOOR;
    let groups = cluster::cluster(&scored, |a, b| {
        if decided && sentences[a].doc != sentences[b].doc {
            let id = id_of(a, b);
            if options.rejected.contains(&id) {
                return false;
            }
            if options.accepted.contains(&id) {
                return true;
            }
        }
        // Another day's figure does not keep two sentences out of one fact when each is
        // paired with a third (the toll of day 1 told again on day 2, beside an outlet that
        // gave another toll on day 1): the fact then shows the figures that differ. Another
        // name or date does.
        (scorer.score(a, b) >= link_floor || scorer.partial(a, b))
            && !matches!(other_content(a, b), Some(Slot::Name | Slot::Date))
    });
    let mut cluster_of = vec![usize::MAX; sentences.len()];
    for (c, members) in groups.iter().enumerate() {
        for &s in members {
            cluster_of[s] = c;
        }
    }
    // Ids for the pairs kept: each clustered sentence is hashed once.
    let hashes = if decided {
        hashes
    } else {
        let clustered: Vec<usize> = (0..sentences.len())
            .filter(|&s| cluster_of[s] != usize::MAX)
            .collect();
        let mut all = vec![0u64; sentences.len()];
        for (s, h) in clustered.iter().zip(crate::parallel::map(&clustered, |&s| {
            sentence_hash(sentences[s].text)
        })) {
            all[*s] = h;
        }
        all
    };
    let id_of = |a: usize, b: usize| combine(hashes[a], hashes[b]);
    let mut pairs: Vec<Pair> = scored
        .iter()
        .filter_map(|&(a, b, score)| {
            let cluster = cluster_of[a];
            (cluster != usize::MAX && cluster_of[b] == cluster).then(|| Pair {
                a,
                b,
                score,
                id: id_of(a, b),
                cluster,
                relation: if scorer.partial(a, b) {
                    Relation::Partial
                } else {
                    Relation::Full
                },
                same_outlet: sentences[a].outlet == sentences[b].outlet,
            })
        })
        .collect();
    pairs.sort_by_key(|p| (p.cluster, p.a, p.b));
    Alignment {
        pairs,
        clusters: groups,
        links,
    }
}

/// The slots (template.rs) of every sentence in `pairs`, found on every core.
fn template_slots(
    sentences: &[Sentence<'_>],
    pairs: &[(usize, usize, f64)],
    matcher: Option<&Matcher>,
) -> FxHashMap<usize, template::Slots> {
    let mut paired: Vec<usize> = pairs.iter().flat_map(|&(a, b, _)| [a, b]).collect();
    paired.sort_unstable();
    paired.dedup();
    let found = crate::parallel::map(&paired, |&s| template::slots(sentences[s].text, matcher));
    paired.into_iter().zip(found).collect()
}

/// A pair's id: from the two sentences' normalized texts, in either order, so it is the same
/// on every run and machine and whatever other articles are aligned. 16 hex digits.
pub fn pair_id(a: &str, b: &str) -> String {
    combine(sentence_hash(a), sentence_hash(b))
}

/// FNV-1a (64 bits) of a sentence's key: a hash that never changes between runs or machines.
pub fn sentence_hash(text: &str) -> u64 {
    // The hash of `sentence_key(text)`, without building it.
    let mut hash = 0xcbf2_9ce4_8422_2325;
    for (k, word) in key_words(&normalize_str(text)).enumerate() {
        if k > 0 {
            hash = fnv1a(b" ", hash);
        }
        hash = fnv1a(word.as_bytes(), hash);
    }
    hash
}

/// The words of a normalized text as a sentence's identity takes them: without control
/// characters, noncharacters and U+FFFD, which say nothing and which XML cannot carry (a
/// CAT tool's file gives them back as U+FFFD or not at all), so a sentence keeps its hash
/// through an XLIFF or TMX round trip.
fn key_words(norm: &str) -> impl Iterator<Item = std::borrow::Cow<'_, str>> {
    let ignorable = |c: char| {
        (c.is_control() && !c.is_whitespace()) || matches!(c, '\u{FFFD}' | '\u{FFFE}' | '\u{FFFF}')
    };
    norm.split_whitespace().filter_map(move |word| {
        // Bytes that can start one of them: C0 and DEL, C1 (U+0080–U+009F), U+FFFx.
        let may_have = word
            .bytes()
            .any(|b| b < 0x20 || b == 0x7F || b == 0xC2 || b == 0xEF);
        if !may_have || !word.chars().any(ignorable) {
            return Some(std::borrow::Cow::Borrowed(word));
        }
        let kept: String = word.chars().filter(|&c| !ignorable(c)).collect();
        (!kept.is_empty()).then_some(std::borrow::Cow::Owned(kept))
    })
}

/// The id of the pair of sentences with these [`sentence_hash`]es.
pub fn combine(a: u64, b: u64) -> String {
    let (first, second) = (a.min(b), a.max(b));
    let mut bytes = [0u8; 16];
    bytes[..8].copy_from_slice(&first.to_le_bytes());
    bytes[8..].copy_from_slice(&second.to_le_bytes());
    format!("{:016x}", fnv1a(&bytes, 0xcbf2_9ce4_8422_2325))
}

fn fnv1a(bytes: &[u8], mut hash: u64) -> u64 {
    for &byte in bytes {
        hash ^= u64::from(byte);
        hash = hash.wrapping_mul(0x0100_0000_01b3);
    }
    hash
}

/// A sentence's normalized text with white space collapsed: what its identity rests on.
pub fn sentence_key(text: &str) -> String {
    key_words(&normalize_str(text))
        .collect::<Vec<_>>()
        .join(" ")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn s(doc: usize, index: usize, text: &str) -> Sentence<'_> {
        Sentence {
            doc,
            index,
            text,
            outlet: doc,
            day: None,
        }
    }

    #[test]
    fn a_sentence_hash_is_the_hash_of_its_key() {
        for text in ["", "  ", "أعلنت  الشرطة\tمقتل العشرات. ", "وأَعلنت الشرطة"]
        {
            assert_eq!(
                sentence_hash(text),
                fnv1a(sentence_key(text).as_bytes(), 0xcbf2_9ce4_8422_2325)
            );
        }
    }

    #[test]
    fn control_characters_are_not_part_of_a_sentences_identity() {
        // What an XML writer must do with them (U+FFFD, or drop) keeps the hash.
        let raw = "\u{1a}\u{1a} مشاركة فاعلة في المحافل\u{7} العلمية";
        for carried in [
            "\u{fffd}\u{fffd} مشاركة فاعلة في المحافل\u{fffd} العلمية",
            " مشاركة فاعلة في المحافل العلمية",
        ] {
            assert_eq!(sentence_hash(raw), sentence_hash(carried));
        }
        assert_ne!(sentence_hash(raw), sentence_hash("مشاركة فاعلة في المحافل"));
    }

    #[test]
    fn pair_ids_are_stable_and_symmetric() {
        let a = "أعلنت الشرطة مقتل العشرات.";
        let b = "وأعلنت الشرطة مقتل عشرات.";
        assert_eq!(pair_id(a, b), pair_id(b, a));
        // Spelling differences that normalization folds do not change the id.
        assert_eq!(pair_id(a, b), pair_id("اعلنت  الشرطه مقتل العشرات.", b));
        assert_ne!(pair_id(a, b), pair_id(a, "خبر آخر."));
        assert_eq!(pair_id(a, b).len(), 16);
    }

    #[test]
    fn decisions_override_the_threshold() {
        let sentences = [
            s(0, 0, "أعلنت وزارة الصحة مقتل 164 شخصا في أعمال العنف."),
            s(1, 0, "قالت السلطات الصحية إن حصيلة القتلى بلغت 164."),
            s(
                0,
                1,
                "وقالت الشرطة إن مجموعات متطرفة حاولت اقتحام مبان إدارية في ألماتي.",
            ),
            s(
                1,
                1,
                "وقالت الشرطة إن مجموعات متطرفة حاولت ليلا اقتحام مبان إدارية في ألماتي.",
            ),
        ];
        let plain = align(&sentences, None, &Options::default());
        let found =
            |a: &Alignment, x: usize, y: usize| a.pairs.iter().any(|p| (p.a, p.b) == (x, y));
        assert!(!found(&plain, 0, 1) && found(&plain, 2, 3));
        let options = Options {
            accepted: [pair_id(sentences[0].text, sentences[1].text)].into(),
            rejected: [pair_id(sentences[3].text, sentences[2].text)].into(),
            ..Options::default()
        };
        let decided = align(&sentences, None, &options);
        assert!(found(&decided, 0, 1), "accepted below the threshold");
        assert!(!found(&decided, 2, 3), "rejected above it");
        assert_eq!(decided.clusters, [vec![0, 1]]);
    }

    #[test]
    fn near_copies_across_documents_align_and_same_document_does_not() {
        let sentences = [
            s(
                0,
                0,
                "وقالت الشرطة إن مجموعات متطرفة حاولت اقتحام مبان إدارية في ألماتي.",
            ),
            s(
                1,
                0,
                "وقالت الشرطة إن مجموعات متطرفة حاولت ليلا اقتحام مبان إدارية في آلماتا.",
            ),
            s(
                0,
                1,
                "وقالت الشرطة إن مجموعات متطرفة حاولت اقتحام مبان إدارية في ألماتي أمس.",
            ),
            s(
                1,
                1,
                "ارتفعت أسعار الغاز المسال في البلاد بشكل حاد مطلع العام.",
            ),
        ];
        let result = align(&sentences, None, &Options::default());
        let pairs: Vec<(usize, usize)> = result.pairs.iter().map(|p| (p.a, p.b)).collect();
        assert!(pairs.contains(&(0, 1)), "{pairs:?}");
        assert!(pairs.contains(&(1, 2)), "{pairs:?}");
        assert!(!pairs.contains(&(0, 2)), "same document: {pairs:?}");
        assert!(pairs.iter().all(|&(a, b)| a != 3 && b != 3));
        assert_eq!(result.clusters, [vec![0, 1, 2]]);
    }

    fn at(outlet: usize, doc: usize, day: Option<i32>, text: &str) -> Sentence<'_> {
        Sentence {
            doc,
            index: 0,
            text,
            outlet,
            day,
        }
    }

    #[test]
    fn two_articles_of_one_outlet_corroborate_nothing_unless_asked() {
        let text = "وقالت الشرطة إن مجموعات متطرفة حاولت اقتحام مبان إدارية في ألماتي.";
        let sentences = [
            at(0, 0, None, text),
            at(0, 1, None, text),
            at(1, 2, None, text),
        ];
        let outlets = align(&sentences, None, &Options::default());
        let pairs: Vec<(usize, usize)> = outlets.pairs.iter().map(|p| (p.a, p.b)).collect();
        assert_eq!(pairs, [(0, 2), (1, 2)]);
        assert!(outlets.pairs.iter().all(|p| !p.same_outlet));
        let all = Options {
            same_outlet: true,
            ..Options::default()
        };
        let with_same = align(&sentences, None, &all);
        let marked: Vec<bool> = with_same.pairs.iter().map(|p| p.same_outlet).collect();
        assert_eq!(with_same.pairs.len(), 3);
        assert_eq!(marked.iter().filter(|&&m| m).count(), 1);
    }

    /// Unrelated sentences of other outlets, so that word weights are those of a corpus.
    const OTHER_NEWS: &[&str] = &[
        "ارتفعت أسعار النفط في التعاملات الآسيوية مع تراجع المخزونات الأمريكية.",
        "افتتح وزير التعليم مدرسة جديدة للبنات في حي الملز بالرياض.",
        "هطلت أمطار غزيرة على مرتفعات الطائف وسط تحذيرات الدفاع المدني.",
        "فاز الهلال على النصر بهدفين مقابل هدف في نهائي كأس السوبر بلندن.",
        "وقعت الحكومة اتفاقية لتطوير شبكة القطارات بين المدن الكبرى.",
        "أعلنت الجامعة بدء التسجيل في برامج الدراسات العليا للعام الجديد.",
    ];

    fn in_corpus<'a>(mut sentences: Vec<Sentence<'a>>) -> Vec<Sentence<'a>> {
        let next = sentences.len();
        for (k, text) in OTHER_NEWS.iter().enumerate() {
            sentences.push(at(100 + k, next + k, None, text));
        }
        sentences
    }

    #[test]
    fn a_sentence_inside_a_longer_one_is_a_partial_pair() {
        let short = "أعلنت وزارة الداخلية مقتل 13 من رجال الأمن في تفجير مسجد قوات الطوارئ بعسير.";
        let long = "أعلنت وزارة الداخلية مقتل 13 من رجال الأمن في تفجير مسجد قوات الطوارئ بعسير، \
                    مؤكدة أن الانتحاري فجر حزامه الناسف داخل المسجد أثناء صلاة الظهر، وأن \
                    التحقيقات جارية لكشف من يقف وراءه، وأن الجرحى نقلوا إلى مستشفيات أبها \
                    وخميس مشيط، فيما دانت دول الخليج والجامعة العربية ومنظمة التعاون \
                    الإسلامي الهجوم الآثم، وعبرت عن تضامنها الكامل مع المملكة وشعبها.";
        let sentences = in_corpus(vec![at(0, 0, None, short), at(1, 1, None, long)]);
        let scorer = Scorer::new(&sentences, None);
        assert!(
            scorer.score(0, 1) < DEFAULT_THRESHOLD,
            "too unlike to be a full pair"
        );
        let result = align(&sentences, None, &Options::default());
        let relations: Vec<(usize, usize, Relation)> = result
            .pairs
            .iter()
            .map(|p| (p.a, p.b, p.relation))
            .collect();
        assert_eq!(relations, [(0, 1, Relation::Partial)]);
    }

    #[test]
    fn a_near_copy_is_never_called_partial() {
        let a = "أعلنت وزارة الداخلية مقتل 13 من رجال الأمن في تفجير مسجد قوات الطوارئ بعسير.";
        let b = "وأعلنت وزارة الداخلية مقتل 13 من رجال الأمن في تفجير مسجد الطوارئ بمنطقة عسير.";
        let sentences = in_corpus(vec![at(0, 0, None, a), at(1, 1, None, b)]);
        for threshold in [DEFAULT_THRESHOLD, 0.99] {
            let options = Options {
                threshold,
                ..Options::default()
            };
            let result = align(&sentences, None, &options);
            assert!(
                result.pairs.iter().all(|p| p.relation == Relation::Full),
                "{:?}",
                result.pairs
            );
        }
    }

    #[test]
    fn a_stock_sentence_about_another_region_is_not_paired() {
        let jazan =
            "وأكد أمير منطقة جازان أن الحادث الإرهابي الآثم لن ينال من وحدة الوطن وتماسك أبنائه.";
        let baha =
            "وأكد أمير منطقة الباحة أن الحادث الإرهابي الآثم لن ينال من وحدة الوطن وتماسك أبنائه.";
        let sentences = in_corpus(vec![at(0, 0, None, jazan), at(1, 1, None, baha)]);
        let scorer = Scorer::new(&sentences, None);
        assert!(
            scorer.score(0, 1) > 0.8,
            "the frame is most of the sentence"
        );
        let result = align(&sentences, None, &Options::default());
        assert!(result.pairs.is_empty());
        // Still one story's link: the same frame, told of two emirs of one event.
        assert_eq!(result.links, [(0, 1)]);
    }

    #[test]
    fn a_short_fragment_pairs_only_when_nearly_identical() {
        let sentences = [
            at(0, 0, None, "والمتابعة الكبيرة."),
            at(1, 1, None, "متابعة الخوارج في التكفير بالكبيرة."),
            at(2, 2, None, "والمتابعة الكبيرة."),
        ];
        let result = align(&sentences, None, &Options::default());
        let pairs: Vec<(usize, usize)> = result.pairs.iter().map(|p| (p.a, p.b)).collect();
        assert_eq!(pairs, [(0, 2)]);
    }

    #[test]
    fn another_days_toll_joins_the_fact_through_a_third_outlet() {
        // Day 1: one outlet says 10, another 12; day 2 repeats 10. The day-2 sentence and the
        // 12 are not a pair (another day's figure), but all three are one fact.
        let ten = "وأعلنت وزارة الداخلية مقتل 10 من منسوبي القوات في التفجير الإرهابي.";
        let twelve = "وأعلنت وزارة الداخلية مقتل 12 من منسوبي القوات في التفجير الإرهابي.";
        let sentences = [
            at(0, 0, Some(1), ten),
            at(1, 1, Some(1), twelve),
            at(2, 2, Some(2), ten),
        ];
        let result = align(&sentences, None, &Options::default());
        let pairs: Vec<(usize, usize)> = result.pairs.iter().map(|p| (p.a, p.b)).collect();
        assert_eq!(pairs, [(0, 1), (0, 2)]);
        assert_eq!(result.clusters, [vec![0, 1, 2]]);
    }

    #[test]
    fn a_loose_match_days_later_is_not_a_pair_and_a_close_copy_is() {
        let monday = "توقعت الأرصاد هطول أمطار رعدية على مرتفعات عسير والباحة وجازان مع رياح نشطة.";
        let thursday =
            "توقعت الأرصاد هطول أمطار غزيرة على مرتفعات الطائف ومكة مع رياح نشطة مثيرة للغبار.";
        let pair_at = |day_b: i32| {
            let sentences = in_corpus(vec![
                at(0, 0, Some(10), monday),
                at(1, 1, Some(day_b), thursday),
            ]);
            let scorer = Scorer::new(&sentences, None);
            let score = scorer.score(0, 1);
            let paired = !align(&sentences, None, &Options::default())
                .pairs
                .is_empty();
            (score, paired)
        };
        let (score, same_day) = pair_at(10);
        assert!(
            (DEFAULT_THRESHOLD..LATER_THRESHOLD).contains(&score),
            "{score}"
        );
        assert!(same_day, "the same day: a pair");
        assert!(!pair_at(13).1, "three days later: another day's report");
        // A close copy days later (wire background retold) still pairs.
        let sentences = in_corpus(vec![at(0, 0, Some(10), monday), at(1, 1, Some(13), monday)]);
        assert_eq!(align(&sentences, None, &Options::default()).pairs.len(), 1);
    }
}
