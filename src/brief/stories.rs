//! Which articles tell the same story, so that figures are compared only where they can be
//! about the same thing: a folder on one event is one story, a week's archive is many.
//!
//! Two articles are *linked* when they report a fact together (a cluster of aligned sentences
//! spans both) or when they share at least [`SHARED_NAMES`] names (glossary entries of kind
//! person, org, place or event) that are rare in the corpus. Stories are the connected groups
//! of links, grown under a size cap so that a week's archive does not chain into one story; and
//! two figures are set against each other only when their articles are the same or linked, or
//! their sentences share rare words (`incidents.rs`).

use crate::union_find::UnionFind;

/// Names two articles must share to be linked.
pub const SHARED_NAMES: usize = 2;
/// A name found in at most this many articles, or this fraction of them if more, is rare
/// enough to link articles: "Saudi Arabia" in a Saudi archive says nothing.
const RARE_ARTICLES: usize = 10;
const RARE_FRACTION: f64 = 0.02;

/// A story holds at most this many articles, or this fraction of them if more.
const STORY_ARTICLES: usize = 10;
const STORY_FRACTION: f64 = 0.01;

/// Stories and the links they were grown from.
#[derive(Debug, Clone)]
pub struct Stories {
    /// The story of each article, numbered in order of their first article.
    pub of_article: Vec<usize>,
    links: std::collections::HashSet<(usize, usize)>,
}

impl Stories {
    /// Whether two articles are the same or linked directly.
    pub fn linked(&self, a: usize, b: usize) -> bool {
        a == b || self.links.contains(&(a.min(b), a.max(b)))
    }

    #[cfg(test)]
    fn count(&self) -> usize {
        self.of_article.iter().max().map_or(0, |s| s + 1)
    }
}

/// Stories of `articles` articles. `facts`: the articles of each fact; `names`: the distinct
/// names of each article.
pub fn stories(articles: usize, facts: &[Vec<usize>], names: &[Vec<usize>]) -> Stories {
    let cap = STORY_ARTICLES.max((articles as f64 * STORY_FRACTION) as usize);
    let mut sets = UnionFind::new(articles);
    let mut links = std::collections::HashSet::new();
    // Facts with fewer articles first: they are the more specific links.
    let mut by_size: Vec<&Vec<usize>> = facts.iter().collect();
    by_size.sort_by_key(|f| f.len());
    for fact in by_size {
        for (i, &a) in fact.iter().enumerate() {
            for &b in &fact[i + 1..] {
                links.insert((a.min(b), a.max(b)));
            }
        }
        for pair in fact.windows(2) {
            sets.union_capped(pair[0], pair[1], cap);
        }
    }
    let rare = RARE_ARTICLES.max((articles as f64 * RARE_FRACTION) as usize);
    // In name order: under the cap, the order of unions decides which articles join a story.
    let mut postings: std::collections::BTreeMap<usize, Vec<usize>> = Default::default();
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
                    links.insert((a.min(b), a.max(b)));
                    sets.union_capped(a, b, cap);
                }
            }
        }
    }
    // Number the stories by their first article, so the numbering is deterministic.
    let mut number = vec![usize::MAX; articles];
    let mut next = 0;
    let of_article = (0..articles)
        .map(|a| {
            let root = sets.find(a);
            if number[root] == usize::MAX {
                number[root] = next;
                next += 1;
            }
            number[root]
        })
        .collect();
    Stories { of_article, links }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_shared_fact_or_two_shared_names_make_one_story() {
        // 0–1 share a fact; 2–3 share two names; 4 shares one name with 3 only.
        let facts = vec![vec![0, 1]];
        let names = vec![vec![], vec![], vec![7, 8], vec![7, 8, 9], vec![9]];
        let s = stories(5, &facts, &names);
        assert_eq!(s.of_article, [0, 0, 1, 1, 2]);
        assert!(s.linked(0, 1) && s.linked(2, 3) && s.linked(4, 4));
        assert!(!s.linked(3, 4) && !s.linked(1, 2));
    }

    #[test]
    fn a_chain_of_links_does_not_grow_one_story_past_the_cap() {
        // 100 articles, each sharing a fact with the next: stories of at most 10.
        let facts: Vec<Vec<usize>> = (0..99).map(|i| vec![i, i + 1]).collect();
        let s = stories(100, &facts, &vec![vec![]; 100]);
        let mut sizes = std::collections::HashMap::new();
        for story in &s.of_article {
            *sizes.entry(story).or_insert(0) += 1;
        }
        assert!(sizes.values().all(|&n| n <= 10), "{sizes:?}");
        assert_eq!(s.count(), 10);
    }

    #[test]
    fn stories_do_not_depend_on_the_order_names_are_visited() {
        // 200 articles in a ring, each sharing two names with the next: the cap (10) decides
        // where stories are cut, so the order of unions must be fixed, run after run.
        let names: Vec<Vec<usize>> = (0..200)
            .map(|i| {
                vec![
                    2 * i,
                    2 * i + 1,
                    2 * ((i + 1) % 200),
                    2 * ((i + 1) % 200) + 1,
                ]
            })
            .collect();
        let first = stories(200, &[], &names).of_article;
        for _ in 0..20 {
            assert_eq!(stories(200, &[], &names).of_article, first);
        }
    }

    #[test]
    fn names_in_many_articles_link_nothing() {
        // Name 1 is in every one of 600 articles (over 2% of them): it links none.
        let names: Vec<Vec<usize>> = (0..600).map(|i| vec![1, 1000 + i]).collect();
        let s = stories(600, &[], &names);
        assert_eq!(s.count(), 600);
        // In a folder of five articles every name is rare enough.
        let names = vec![vec![1, 2], vec![1, 2], vec![3], vec![3, 1, 2], vec![]];
        assert_eq!(stories(5, &[], &names).of_article, [0, 0, 1, 0, 2]);
    }
}
