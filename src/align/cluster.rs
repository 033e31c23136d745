//! Grouping aligned pairs into facts without chaining.
//!
//! Single linkage would join A and C because both resemble a long sentence B that carries two
//! facts. Here clusters grow from the strongest pairs down, and two clusters merge only if
//! every sentence of one is still linked (above a floor) to every sentence of the other.

/// A sentence joins a cluster only if it scores at least this share of the threshold with
/// every member.
pub const LINK_FLOOR: f64 = 0.6;

/// Clusters (sentence indices, ascending) of at least two sentences, ordered by their first
/// sentence. `pairs` are sorted strongest first; `linked(a, b)` says whether two sentences may
/// share a cluster.
pub fn cluster(
    n: usize,
    pairs: &[(usize, usize, f64)],
    linked: impl Fn(usize, usize) -> bool,
) -> Vec<Vec<usize>> {
    let mut cluster_of: Vec<usize> = (0..n).collect();
    let mut members: Vec<Vec<usize>> = (0..n).map(|s| vec![s]).collect();
    for &(a, b, _) in pairs {
        let (ca, cb) = (cluster_of[a], cluster_of[b]);
        if ca == cb {
            continue;
        }
        let compatible = members[ca]
            .iter()
            .all(|&x| members[cb].iter().all(|&y| linked(x, y)));
        if !compatible {
            continue;
        }
        let (keep, gone) = if members[ca].len() >= members[cb].len() {
            (ca, cb)
        } else {
            (cb, ca)
        };
        let moved = std::mem::take(&mut members[gone]);
        for &s in &moved {
            cluster_of[s] = keep;
        }
        members[keep].extend(moved);
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
        assert_eq!(cluster(3, &pairs, linked), [vec![0, 1]]);
    }

    #[test]
    fn mutually_similar_sentences_form_one_cluster() {
        let pairs = [(0, 1, 0.9), (1, 2, 0.8), (0, 2, 0.7), (3, 4, 0.6)];
        assert_eq!(cluster(5, &pairs, |_, _| true), [vec![0, 1, 2], vec![3, 4]]);
    }
}
