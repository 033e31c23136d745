//! Grouping aligned pairs into facts without chaining.
//!
//! Single linkage would join A and C because both resemble a long sentence B that carries two
//! facts. Here clusters grow from the strongest pairs down, and two clusters merge only if
//! every sentence of one is still linked (above a floor) to every sentence of the other.

use crate::union_find::UnionFind;

/// A sentence joins a cluster only if it scores at least this share of the threshold with
/// every member.
pub const LINK_FLOOR: f64 = 0.6;

/// Merging two clusters checks every cross pair up to this many; beyond, each member of the
/// smaller cluster is checked against this many members of the larger (its strongest-linked
/// core, the first to join), which keeps big clusters linear to grow.
const FULL_CHECK: usize = 256;
const SAMPLE: usize = 16;

/// Clusters (sentence indices, ascending) of at least two sentences, ordered by their first
/// sentence. `pairs` are sorted strongest first; `linked(a, b)` says whether two sentences may
/// share a cluster. Only sentences that appear in `pairs` get any memory.
pub fn cluster(
    pairs: &[(usize, usize, f64)],
    linked: impl Fn(usize, usize) -> bool,
) -> Vec<Vec<usize>> {
    use rustc_hash::FxHashMap;
    let mut cluster_of: FxHashMap<usize, usize> = FxHashMap::default();
    let mut members: Vec<Vec<usize>> = Vec::new();
    let mut cluster_for = |s: usize, members: &mut Vec<Vec<usize>>| {
        *cluster_of.entry(s).or_insert_with(|| {
            members.push(vec![s]);
            members.len() - 1
        })
    };
    // Which cluster a merged-away cluster now belongs to; grows as clusters are created.
    let mut sets = UnionFind::new(0);
    for &(a, b, _) in pairs {
        let ca = cluster_for(a, &mut members);
        let cb = cluster_for(b, &mut members);
        sets.grow(members.len());
        let (ca, cb) = (sets.find(ca), sets.find(cb));
        if ca == cb {
            continue;
        }
        let (small, large) = if members[ca].len() <= members[cb].len() {
            (&members[ca], &members[cb])
        } else {
            (&members[cb], &members[ca])
        };
        let large_checked = if small.len() * large.len() <= FULL_CHECK {
            large.len()
        } else {
            SAMPLE.min(large.len())
        };
        let compatible = small
            .iter()
            .all(|&x| large[..large_checked].iter().all(|&y| linked(x, y)));
        if !compatible {
            continue;
        }
        let (keep, gone) = if members[ca].len() >= members[cb].len() {
            (ca, cb)
        } else {
            (cb, ca)
        };
        let moved = std::mem::take(&mut members[gone]);
        members[keep].extend(moved);
        sets.attach(gone, keep);
    }
    let mut clusters: Vec<Vec<usize>> = members.into_iter().filter(|m| m.len() >= 2).collect();
    for c in &mut clusters {
        c.sort_unstable();
    }
    clusters.sort_unstable_by_key(|c| c[0]);
    clusters
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_long_sentence_does_not_chain_two_facts() {
        // 1 resembles both 0 and 2, but 0 and 2 are unrelated.
        let pairs = [(0, 1, 0.8), (1, 2, 0.7)];
        let linked = |a: usize, b: usize| !matches!((a.min(b), a.max(b)), (0, 2));
        assert_eq!(cluster(&pairs, linked), [vec![0, 1]]);
    }

    #[test]
    fn mutually_similar_sentences_form_one_cluster() {
        let pairs = [(0, 1, 0.9), (1, 2, 0.8), (0, 2, 0.7), (3, 4, 0.6)];
        assert_eq!(cluster(&pairs, |_, _| true), [vec![0, 1, 2], vec![3, 4]]);
    }
}
