//! Which articles tell the same story, so that figures are compared only where they can be
//! about the same thing: a folder on one event is one story, a week's archive is many.
//!
//! Two articles are in one story when they report a fact together (a cluster of aligned
//! sentences spans both) or when they share at least [`SHARED_NAMES`] names (glossary entries
//! of kind person, org, place or event) that are rare in the corpus; stories are the connected
//! groups of that relation.

/// Names two articles must share to be linked.
pub const SHARED_NAMES: usize = 2;
/// A name found in at most this many articles, or this fraction of them if more, is rare
/// enough to link articles: "Saudi Arabia" in a Saudi archive says nothing.
const RARE_ARTICLES: usize = 10;
const RARE_FRACTION: f64 = 0.02;

/// The story of each article (`0..articles`), numbered in order of their first article.
/// `facts`: the articles of each fact; `names`: the distinct names of each article.
pub fn stories(articles: usize, facts: &[Vec<usize>], names: &[Vec<usize>]) -> Vec<usize> {
    let mut sets = DisjointSets::new(articles);
    for fact in facts {
        for pair in fact.windows(2) {
            sets.union(pair[0], pair[1]);
        }
    }
    let rare = RARE_ARTICLES.max((articles as f64 * RARE_FRACTION) as usize);
    let mut postings: std::collections::HashMap<usize, Vec<usize>> = Default::default();
    for (article, names) in names.iter().enumerate() {
        for &name in names {
            postings.entry(name).or_default().push(article);
        }
    }
    let mut shared: std::collections::HashMap<(usize, usize), usize> = Default::default();
    for posting in postings.values().filter(|p| p.len() <= rare) {
        for (i, &a) in posting.iter().enumerate() {
            for &b in &posting[i + 1..] {
                let count = shared.entry((a.min(b), a.max(b))).or_default();
                *count += 1;
                if *count == SHARED_NAMES {
                    sets.union(a, b);
                }
            }
        }
    }
    // Number the stories by their first article, so the numbering is deterministic.
    let mut number = vec![usize::MAX; articles];
    let mut next = 0;
    (0..articles)
        .map(|a| {
            let root = sets.find(a);
            if number[root] == usize::MAX {
                number[root] = next;
                next += 1;
            }
            number[root]
        })
        .collect()
}

struct DisjointSets {
    parent: Vec<usize>,
}

impl DisjointSets {
    fn new(n: usize) -> Self {
        DisjointSets {
            parent: (0..n).collect(),
        }
    }

    fn find(&mut self, mut x: usize) -> usize {
        while self.parent[x] != x {
            self.parent[x] = self.parent[self.parent[x]];
            x = self.parent[x];
        }
        x
    }

    fn union(&mut self, a: usize, b: usize) {
        let (ra, rb) = (self.find(a), self.find(b));
        if ra != rb {
            self.parent[ra.max(rb)] = ra.min(rb);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_shared_fact_or_two_shared_names_make_one_story() {
        // 0–1 share a fact; 2–3 share two names; 4 shares one name with 3 only.
        let facts = vec![vec![0, 1]];
        let names = vec![vec![], vec![], vec![7, 8], vec![7, 8, 9], vec![9]];
        assert_eq!(stories(5, &facts, &names), [0, 0, 1, 1, 2]);
    }

    #[test]
    fn names_in_many_articles_link_nothing() {
        // Name 1 is in every one of 600 articles (over 2% of them): it links none.
        let names: Vec<Vec<usize>> = (0..600).map(|i| vec![1, 1000 + i]).collect();
        let s = stories(600, &[], &names);
        assert_eq!(
            s.iter().collect::<std::collections::HashSet<_>>().len(),
            600
        );
        // In a folder of five articles every name is rare enough.
        let names = vec![vec![1, 2], vec![1, 2], vec![3], vec![3, 1, 2], vec![]];
        assert_eq!(stories(5, &[], &names), [0, 0, 1, 0, 2]);
    }
}
