//! Candidate pairs: sentences of different documents that share one of their heaviest units.
//!
//! Each sentence is indexed under its few rarest units (prefix filtering): two sentences that
//! report the same fact share their rare words, names and figures, so they meet in some
//! posting list, while the bulk of unrelated pairs never meets. Only candidates get scored.

use rustc_hash::FxHashMap;

/// Posting lists longer than this are skipped: a unit that many sentences count among their
/// rarest says little about any one pair, and would make candidate generation quadratic.
pub const MAX_POSTING: usize = 2000;

/// Pairs `(a, b)`, `a < b`, of sentences from different documents that share a key.
pub fn candidates(keys: &[Vec<u32>], docs: &[usize]) -> Vec<(usize, usize)> {
    let mut postings: FxHashMap<u32, Vec<u32>> = FxHashMap::default();
    for (s, units) in keys.iter().enumerate() {
        for &u in units {
            postings.entry(u).or_default().push(s as u32);
        }
    }
    let mut pairs: Vec<(usize, usize)> = Vec::new();
    for list in postings.values() {
        if list.len() < 2 || list.len() > MAX_POSTING {
            continue;
        }
        for (i, &a) in list.iter().enumerate() {
            for &b in &list[i + 1..] {
                let (a, b) = (a as usize, b as usize);
                if docs[a] != docs[b] {
                    pairs.push((a.min(b), a.max(b)));
                }
            }
        }
    }
    pairs.sort_unstable();
    pairs.dedup();
    pairs
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn shared_keys_across_documents_make_candidates() {
        let keys = vec![vec![1, 2], vec![2, 3], vec![3, 4], vec![2]];
        let docs = vec![0, 1, 1, 0];
        // 0–1 share 2, 1–2 share 3 but are one document, 0–3 one document, 1–3 share 2.
        assert_eq!(candidates(&keys, &docs), [(0, 1), (1, 3)]);
    }
}
