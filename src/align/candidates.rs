//! Candidate pairs: sentences of different documents that share one of their heaviest units.
//!
//! Each sentence is indexed under its few rarest units (prefix filtering): two sentences that
//! report the same fact share their rare words, names and figures, so they meet in some
//! posting list, while the bulk of unrelated pairs never meets. A pair that meets in several
//! lists is scored once, in the list of the first key the two share. Candidates are scored as
//! they are found, on every core, and only those that pass are kept, so memory grows with the
//! aligned pairs, not with the candidates.

/// Posting lists longer than this are skipped: a unit that many sentences count among their
/// rarest says little about any one pair, and would make candidate generation quadratic.
pub const MAX_POSTING: usize = 128;

/// Pairs `(a, b)`, `a < b`, of sentences from different documents that share at least
/// `min_shared` keys, with `score(a, b)` where it is `Some`. `keys[s]` must be sorted.
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
    let lists: Vec<u32> = (0..units as u32)
        .filter(|&u| {
            let len = (starts[u as usize + 1] - starts[u as usize]) as usize;
            (2..=MAX_POSTING).contains(&len)
        })
        .collect();
    let per_list = crate::parallel::map(&lists, |&u| {
        let list = &postings[starts[u as usize] as usize..starts[u as usize + 1] as usize];
        let mut found = Vec::new();
        for (i, &a) in list.iter().enumerate() {
            for &b in &list[i + 1..] {
                let (a, b) = (a as usize, b as usize);
                if docs[a] == docs[b] {
                    continue;
                }
                let (first, shared) = shared_keys(&keys[a], &keys[b], |k| {
                    let len = (starts[k as usize + 1] - starts[k as usize]) as usize;
                    len <= MAX_POSTING
                });
                if first != Some(u) || shared < min_shared {
                    continue;
                }
                if let Some(s) = score(a, b) {
                    found.push((a, b, s));
                }
            }
        }
        found
    });
    per_list.into_iter().flatten().collect()
}

/// The smallest value two sorted slices share among the `indexed` ones (whose posting list is
/// walked), and how many values they share in all.
fn shared_keys(x: &[u32], y: &[u32], indexed: impl Fn(u32) -> bool) -> (Option<u32>, usize) {
    let (mut i, mut j, mut first, mut count) = (0, 0, None, 0);
    while i < x.len() && j < y.len() {
        match x[i].cmp(&y[j]) {
            std::cmp::Ordering::Less => i += 1,
            std::cmp::Ordering::Greater => j += 1,
            std::cmp::Ordering::Equal => {
                if first.is_none() && indexed(x[i]) {
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
    fn a_failed_score_drops_the_pair() {
        let keys = vec![vec![7], vec![7]];
        assert!(scored_pairs(&keys, &[0, 1], 1, |_, _| None).is_empty());
        // Two keys required: one shared key is not enough.
        assert!(scored_pairs(&keys, &[0, 1], 2, |_, _| Some(1.0)).is_empty());
    }
}
