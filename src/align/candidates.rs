//! Candidate pairs: sentences of different documents that share one of their heaviest units.
//!
//! Each sentence is indexed under its few rarest units (prefix filtering): two sentences that
//! report the same fact share their rare words, names and figures, so they meet in some
//! posting list, while the bulk of unrelated pairs never meets. A pair is scored once however
//! many lists it meets in: in the list of the first walked key the two share (with a few keys
//! per sentence, as in an archive), or, when sentences have many keys (every unit of a long
//! sentence, which meets its partner in thousands of lists), by each sentence counting the later
//! sentences it meets ([`PER_LIST_KEYS`]).
//! Candidates are scored as they are found, on every core, and only those that pass are kept,
//! so memory grows with the aligned pairs, not with the candidates.

use rustc_hash::FxHashMap;

/// Posting lists longer than this are skipped: a unit that many sentences count among their
/// rarest says little about any one pair, and would make candidate generation quadratic.
/// (Exact copies do not count against it: the aligner indexes one sentence per set of copies.)
pub const MAX_POSTING: usize = 128;

/// Pairs `(a, b)`, `a < b`, of sentences from different documents that share at least
/// `min_shared` keys, one of them in a walked list, with `score(a, b)` where it is `Some`.
/// `keys[s]` must be sorted.
pub fn scored_pairs(
    keys: &[Vec<u32>],
    docs: &[usize],
    min_shared: usize,
    score: impl Fn(usize, usize) -> Option<f64> + Sync,
) -> Vec<(usize, usize, f64)> {
    // Posting lists by counting sort: unit id -> sentences, sentences ascending.
    let units = keys
        .iter()
        .flatten()
        .map(|&u| u as usize + 1)
        .max()
        .unwrap_or(0);
    let mut starts = vec![0u32; units + 1];
    for &u in keys.iter().flatten() {
        starts[u as usize + 1] += 1;
    }
    for u in 0..units {
        starts[u + 1] += starts[u];
    }
    let mut fill = starts.clone();
    let mut postings = vec![0u32; starts[units] as usize];
    for (s, ks) in keys.iter().enumerate() {
        for &u in ks {
            postings[fill[u as usize] as usize] = s as u32;
            fill[u as usize] += 1;
        }
    }
    let list = |u: u32| &postings[starts[u as usize] as usize..starts[u as usize + 1] as usize];
    let walked = |u: u32| list(u).len() <= MAX_POSTING;
    let short_keys = keys.iter().all(|k| k.len() <= PER_LIST_KEYS);
    let per_sentence = if short_keys {
        by_list(keys, docs, min_shared, &list, &walked, &score, units)
    } else {
        by_sentence(keys, docs, min_shared, &list, &walked, &score)
    };
    let mut pairs: Vec<(usize, usize, f64)> = per_sentence.into_iter().flatten().collect();
    let shares_a_walked_list = |s: usize| keys[s].iter().any(|&u| walked(u) && list(u).len() > 1);
    pairs.extend(orphan_pairs(
        keys,
        docs,
        &walked,
        &shares_a_walked_list,
        &score,
    ));
    pairs
}

/// Neighbours an orphan meets on each side in a sorted bucket.
const ORPHAN_NEIGHBOURS: usize = 4;

/// Pairs among *orphans*, sentences that share no walked list with any other sentence but
/// have lists too long to walk: a near-copy of a wire sentence republished by hundreds of
/// outlets, whose rare words are each in hundreds of sentences (and whose own edit, if any, in
/// none). An orphan meets no one in the walked lists. Orphans are bucketed under each of their
/// skipped keys and sorted by their whole key sets, so copies that differ in a word or two lie side by side; each is scored
/// against its [`ORPHAN_NEIGHBOURS`] next neighbours in each bucket (the sorted-neighbourhood
/// method). The clusters join the chain of pairs, so however many copies there are they group
/// in bounded work: a few scores per orphan and key.
fn orphan_pairs(
    keys: &[Vec<u32>],
    docs: &[usize],
    walked: &(impl Fn(u32) -> bool + Sync),
    shares_a_walked_list: &impl Fn(usize) -> bool,
    score: &(impl Fn(usize, usize) -> Option<f64> + Sync),
) -> Vec<(usize, usize, f64)> {
    let mut buckets: FxHashMap<u32, Vec<u32>> = FxHashMap::default();
    for (s, ks) in keys.iter().enumerate() {
        if ks.iter().any(|&u| !walked(u)) && !shares_a_walked_list(s) {
            for &u in ks.iter().filter(|&&u| !walked(u)) {
                buckets.entry(u).or_default().push(s as u32);
            }
        }
    }
    if buckets.is_empty() {
        return Vec::new();
    }
    let mut candidates: Vec<(u32, u32)> = Vec::new();
    for bucket in buckets.values_mut() {
        bucket.sort_unstable_by(|&x, &y| keys[x as usize].cmp(&keys[y as usize]).then(x.cmp(&y)));
        for (i, &a) in bucket.iter().enumerate() {
            for &b in bucket.iter().skip(i + 1).take(ORPHAN_NEIGHBOURS) {
                if docs[a as usize] != docs[b as usize] {
                    candidates.push((a.min(b), a.max(b)));
                }
            }
        }
    }
    candidates.sort_unstable();
    candidates.dedup();
    crate::parallel::map(&candidates, |&(a, b)| {
        score(a as usize, b as usize).map(|s| (a as usize, b as usize, s))
    })
    .into_iter()
    .flatten()
    .collect()
}

/// With at most this many keys per sentence (the prefix-filtering path), pairs are found list
/// by list, checking a pair's first shared walked key by merging the two short key lists; with
/// more (every unit of a long sentence is a key), each sentence counts the sentences it meets,
/// so a pair meeting in thousands of lists is not merged thousands of times.
const PER_LIST_KEYS: usize = 16;

/// Each walked list's pairs, scored in the list of the first walked key the two share.
fn by_list<'p>(
    keys: &[Vec<u32>],
    docs: &[usize],
    min_shared: usize,
    list: &(impl Fn(u32) -> &'p [u32] + Sync),
    walked: &(impl Fn(u32) -> bool + Sync),
    score: &(impl Fn(usize, usize) -> Option<f64> + Sync),
    units: usize,
) -> Vec<Vec<(usize, usize, f64)>> {
    let lists: Vec<u32> = (0..units as u32)
        .filter(|&u| list(u).len() >= 2 && walked(u))
        .collect();
    crate::parallel::map(&lists, |&u| {
        let l = list(u);
        let mut found = Vec::new();
        for (i, &a) in l.iter().enumerate() {
            for &b in &l[i + 1..] {
                let (a, b) = (a as usize, b as usize);
                if docs[a] == docs[b] {
                    continue;
                }
                let (first, shared) = shared_keys(&keys[a], &keys[b], walked);
                if first != Some(u) || shared < min_shared {
                    continue;
                }
                if let Some(s) = score(a, b) {
                    found.push((a, b, s));
                }
            }
        }
        found
    })
}

/// Each sentence's later partners met in its walked lists, counted, each scored once.
fn by_sentence<'p>(
    keys: &[Vec<u32>],
    docs: &[usize],
    min_shared: usize,
    list: &(impl Fn(u32) -> &'p [u32] + Sync),
    walked: &(impl Fn(u32) -> bool + Sync),
    score: &(impl Fn(usize, usize) -> Option<f64> + Sync),
) -> Vec<Vec<(usize, usize, f64)>> {
    let sentences: Vec<usize> = (0..keys.len()).collect();
    crate::parallel::map(&sentences, |&a| {
        // Later sentences met in `a`'s walked lists, and in how many.
        let mut met: FxHashMap<u32, u32> = FxHashMap::default();
        for &u in &keys[a] {
            if !walked(u) {
                continue;
            }
            let l = list(u);
            for &b in &l[l.partition_point(|&x| x as usize <= a)..] {
                if docs[b as usize] != docs[a] {
                    *met.entry(b).or_insert(0) += 1;
                }
            }
        }
        let mut met: Vec<(u32, u32)> = met.into_iter().collect();
        met.sort_unstable();
        let mut found = Vec::new();
        for (b, lists) in met {
            let b = b as usize;
            // Keys in skipped lists count towards `min_shared` too; count them only when the
            // walked lists are not enough.
            let shared = if lists as usize >= min_shared {
                lists as usize
            } else {
                crate::sorted::common_count(&keys[a], &keys[b])
            };
            if shared < min_shared {
                continue;
            }
            if let Some(s) = score(a, b) {
                found.push((a, b, s));
            }
        }
        found
    })
}

/// The smallest value two sorted slices share among the walked ones, and how many values they
/// share in all.
fn shared_keys(x: &[u32], y: &[u32], walked: impl Fn(u32) -> bool) -> (Option<u32>, usize) {
    let (mut i, mut j, mut first, mut count) = (0, 0, None, 0);
    while i < x.len() && j < y.len() {
        match x[i].cmp(&y[j]) {
            std::cmp::Ordering::Less => i += 1,
            std::cmp::Ordering::Greater => j += 1,
            std::cmp::Ordering::Equal => {
                if first.is_none() && walked(x[i]) {
                    first = Some(x[i]);
                }
                count += 1;
                i += 1;
                j += 1;
            }
        }
    }
    (first, count)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn shared_keys_across_documents_make_candidates_scored_once() {
        let keys = vec![vec![1, 2], vec![1, 2, 3], vec![3, 4], vec![2]];
        let docs = vec![0, 1, 1, 0];
        let calls = std::sync::atomic::AtomicUsize::new(0);
        let mut pairs = scored_pairs(&keys, &docs, 1, |a, b| {
            calls.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
            Some((a * 10 + b) as f64)
        });
        pairs.sort_by_key(|p| (p.0, p.1));
        // 0–1 share 1 and 2 (scored once), 1–2 one document, 0–3 one document, 1–3 share 2.
        assert_eq!(pairs, [(0, 1, 1.0), (1, 3, 13.0)]);
        assert_eq!(calls.load(std::sync::atomic::Ordering::Relaxed), 2);
    }

    #[test]
    fn near_copies_beyond_the_cap_pair_with_their_neighbours() {
        // 300 sentences in 300 documents, all with keys 1, 2, 3: every list is too long to
        // walk, as for a sentence republished 300 times.
        let n = 300;
        // Half of them also have a key of their own (an edit no other copy has).
        let keys: Vec<Vec<u32>> = (0..n)
            .map(|s| {
                if s % 2 == 0 {
                    vec![1, 2, 3]
                } else {
                    vec![1, 2, 3, 1000 + s as u32]
                }
            })
            .collect();
        let docs: Vec<usize> = (0..n).collect();
        let pairs = scored_pairs(&keys, &docs, 2, |_, _| Some(0.9));
        let mut sets = crate::union_find::UnionFind::new(n);
        for &(a, b, _) in &pairs {
            sets.union(a, b);
        }
        let root = sets.find(0);
        assert!(
            (0..n).all(|s| sets.find(s) == root),
            "all copies in one group"
        );
        assert!(
            pairs.len() <= n * ORPHAN_NEIGHBOURS * 3,
            "bounded: {}",
            pairs.len()
        );
    }

    #[test]
    fn a_failed_score_drops_the_pair() {
        let keys = vec![vec![7], vec![7]];
        assert!(scored_pairs(&keys, &[0, 1], 1, |_, _| None).is_empty());
        // Two keys required: one shared key is not enough.
        assert!(scored_pairs(&keys, &[0, 1], 2, |_, _| Some(1.0)).is_empty());
    }
}
