//! Alignment: the same fact reported by several articles, found as near-duplicate sentences.
//!
//! 1. Each sentence becomes a set of weighted units ([`features`]): content words without
//!    clitics, glossary entries, figures by value; weights are inverse document frequencies
//!    over the sentences aligned, and function words and attribution boilerplate weigh little.
//! 2. Candidates ([`candidates`]): sentences of different articles that share one of their
//!    rarest units (an inverted index over each sentence's few heaviest units), so the work
//!    grows with the number of true neighbours, not with the square of the corpus.
//! 3. Every candidate gets the exact score: weighted Dice over units.
//! 4. Pairs at or above the threshold are grouped into clusters ([`cluster`]) without chaining
//!    unrelated sentences through a long one.
//!
//! Pair ids ([`pair_id`]) come from the two sentences' normalized texts alone, so review
//! decisions survive re-runs and new articles. Rationale and calibration: docs/alignment.md.

pub mod candidates;
pub mod cluster;
pub mod features;

use crate::glossary::Matcher;
use crate::text::normalize_str;
use rustc_hash::FxHashMap;
use std::collections::HashSet;

/// A sentence to align: which document, its index there, its original text.
#[derive(Debug, Clone, Copy)]
pub struct Sentence<'a> {
    pub doc: usize,
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
}

impl Default for Options {
    fn default() -> Self {
        Options {
            threshold: DEFAULT_THRESHOLD,
            keys_per_sentence: 8,
            accepted: HashSet::new(),
            rejected: HashSet::new(),
        }
    }
}

/// Calibrated on the seeds and STS 2017 (docs/alignment.md).
pub const DEFAULT_THRESHOLD: f64 = 0.45;

/// Up to this many sentences, every pair that shares any unit is scored.
const EXHAUSTIVE_UP_TO: usize = 20_000;

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
}

#[derive(Debug, Clone, Default)]
pub struct Alignment {
    /// Sorted by cluster, then by the sentences' positions.
    pub pairs: Vec<Pair>,
    /// Each cluster's sentences (input indices, ascending); clusters in order of their first
    /// sentence.
    pub clusters: Vec<Vec<usize>>,
}

/// Sentences as weighted unit sets, ready to score against each other.
pub struct Scorer {
    /// Per sentence: (unit id, weight), sorted by unit id.
    sets: Vec<Vec<(u32, f64)>>,
    /// Per sentence: the sum of its weights.
    totals: Vec<f64>,
}

impl Scorer {
    /// Build the unit sets and weights of `sentences`.
    pub fn new(sentences: &[Sentence<'_>], matcher: Option<&Matcher>) -> Scorer {
        let feats: Vec<_> =
            crate::parallel::map(sentences, |s| features::features(s.text, matcher));
        let mut ids: FxHashMap<String, u32> = FxHashMap::default();
        let mut df: Vec<u32> = Vec::new();
        let mut raw: Vec<Vec<(u32, bool)>> = Vec::with_capacity(feats.len());
        for f in feats {
            let mut set: Vec<(u32, bool)> = f
                .units
                .into_iter()
                .map(|(unit, light)| {
                    let next = ids.len() as u32;
                    let id = *ids.entry(unit).or_insert(next);
                    if id as usize == df.len() {
                        df.push(0);
                    }
                    (id, light)
                })
                .collect();
            set.sort_unstable();
            set.dedup_by_key(|u| u.0);
            for &(id, _) in &set {
                df[id as usize] += 1;
            }
            raw.push(set);
        }
        let n = raw.len() as f64;
        let sets: Vec<Vec<(u32, f64)>> = raw
            .into_iter()
            .map(|set| {
                set.into_iter()
                    .map(|(id, light)| {
                        let idf = ((n + 1.0) / (f64::from(df[id as usize]) + 0.5))
                            .ln()
                            .max(0.1);
                        (id, if light { idf * LIGHT_WEIGHT } else { idf })
                    })
                    .collect()
            })
            .collect();
        let totals = sets.iter().map(|s| s.iter().map(|u| u.1).sum()).collect();
        Scorer { sets, totals }
    }

    /// Weighted Dice: twice the weight the two sentences share over their total weight.
    pub fn score(&self, a: usize, b: usize) -> f64 {
        let (x, y) = (&self.sets[a], &self.sets[b]);
        let (mut i, mut j, mut shared) = (0, 0, 0.0);
        while i < x.len() && j < y.len() {
            match x[i].0.cmp(&y[j].0) {
                std::cmp::Ordering::Less => i += 1,
                std::cmp::Ordering::Greater => j += 1,
                std::cmp::Ordering::Equal => {
                    shared += x[i].1;
                    i += 1;
                    j += 1;
                }
            }
        }
        let total = self.totals[a] + self.totals[b];
        if total == 0.0 {
            0.0
        } else {
            2.0 * shared / total
        }
    }

    pub fn len(&self) -> usize {
        self.sets.len()
    }

    pub fn is_empty(&self) -> bool {
        self.sets.is_empty()
    }

    /// A sentence's units, heaviest first.
    fn heaviest(&self, s: usize, k: usize) -> Vec<u32> {
        let mut units = self.sets[s].clone();
        units.sort_by(|a, b| b.1.total_cmp(&a.1).then(a.0.cmp(&b.0)));
        units.into_iter().take(k).map(|u| u.0).collect()
    }
}

/// Align sentences of different documents.
pub fn align(
    sentences: &[Sentence<'_>],
    matcher: Option<&Matcher>,
    options: &Options,
) -> Alignment {
    let scorer = Scorer::new(sentences, matcher);
    let docs: Vec<usize> = sentences.iter().map(|s| s.doc).collect();
    // A small corpus is indexed under every unit: exhaustive, and still cheap.
    let keys_per_sentence = if sentences.len() <= EXHAUSTIVE_UP_TO {
        usize::MAX
    } else {
        options.keys_per_sentence
    };
    let keys: Vec<Vec<u32>> = (0..scorer.len())
        .map(|s| scorer.heaviest(s, keys_per_sentence))
        .collect();
    let candidates = candidates::candidates(&keys, &docs);
    let decided = !options.accepted.is_empty() || !options.rejected.is_empty();
    // Sentence hashes, for pair ids (needed here only when the desk has decided some pairs).
    let hashes: Vec<u64> = if decided {
        crate::parallel::map(sentences, |s| sentence_hash(s.text))
    } else {
        Vec::new()
    };
    let id_of = |a: usize, b: usize| combine(hashes[a], hashes[b]);
    let mut scored: Vec<(usize, usize, f64)> =
        crate::parallel::map(&candidates, |&(a, b)| (a, b, scorer.score(a, b)))
            .into_iter()
            .filter(|&(a, b, score)| {
                if !decided {
                    return score >= options.threshold;
                }
                let id = id_of(a, b);
                !options.rejected.contains(&id)
                    && (score >= options.threshold || options.accepted.contains(&id))
            })
            .collect();
    scored.sort_by(|x, y| y.2.total_cmp(&x.2).then((x.0, x.1).cmp(&(y.0, y.1))));
    let link_floor = options.threshold * cluster::LINK_FLOOR;
    let groups = cluster::cluster(sentences.len(), &scored, |a, b| {
        if decided && docs[a] != docs[b] {
            let id = id_of(a, b);
            if options.rejected.contains(&id) {
                return false;
            }
            if options.accepted.contains(&id) {
                return true;
            }
        }
        scorer.score(a, b) >= link_floor
    });
    let mut cluster_of = vec![usize::MAX; sentences.len()];
    for (c, members) in groups.iter().enumerate() {
        for &s in members {
            cluster_of[s] = c;
        }
    }
    let mut pairs: Vec<Pair> = scored
        .iter()
        .filter_map(|&(a, b, score)| {
            let cluster = cluster_of[a];
            (cluster != usize::MAX && cluster_of[b] == cluster).then(|| Pair {
                a,
                b,
                score,
                id: if decided {
                    id_of(a, b)
                } else {
                    pair_id(sentences[a].text, sentences[b].text)
                },
                cluster,
            })
        })
        .collect();
    pairs.sort_by_key(|p| (p.cluster, p.a, p.b));
    Alignment {
        pairs,
        clusters: groups,
    }
}

/// A pair's id: from the two sentences' normalized texts, in either order, so it is the same
/// on every run and machine and whatever other articles are aligned. 16 hex digits.
pub fn pair_id(a: &str, b: &str) -> String {
    combine(sentence_hash(a), sentence_hash(b))
}

/// FNV-1a (64 bits) of a sentence's key: a hash that never changes between runs or machines.
pub fn sentence_hash(text: &str) -> u64 {
    fnv1a(sentence_key(text).as_bytes(), 0xcbf2_9ce4_8422_2325)
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
    normalize_str(text)
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn s(doc: usize, index: usize, text: &str) -> Sentence<'_> {
        Sentence { doc, index, text }
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
}
