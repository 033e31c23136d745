//! Stories: articles grouped by the event they cover, over days (the Asir bombing, its
//! follow-ups and the condolences), the way news-monitoring systems cluster a stream.
//!
//! Each article is a weighted bag of terms (its title and lead count more than the rest of
//! it; see [`terms`]), weighted by how rare each term is in the corpus (tf·idf) and cut to its
//! strongest [`Options::top_terms`]. Articles are then taken in date order, and each joins the
//! story whose centroid it is most similar to (cosine), if that story has an article within
//! [`Options::window_days`] and the similarity reaches [`Options::threshold`]; otherwise it
//! starts a story. Two articles that report an aligned fact together make it easier for one
//! to join the other's story ([`Options::fact_bonus`]). This is single-pass clustering with
//! centroids, as in topic detection and tracking: unlike linking pairs, a story cannot chain
//! from weather reports to stock reports through one article that mentions both, because an
//! article must resemble the story as a whole.
//!
//! Stories are ranked by distinct outlets, then articles, then their first article.

pub mod dates;
pub mod select;
pub mod summary;
pub mod terms;

use rustc_hash::{FxHashMap, FxHashSet};

/// A term of an article: a glossary entry or a word's light stem, as a hash (see
/// [`terms::Term`]).
pub type TermId = u64;

/// What clustering needs of one article.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct ArticleTerms {
    /// The article's outlet, as an index; articles of one outlet count once.
    pub outlet: usize,
    /// Days since 1970-01-01 ([`dates::day_number`]); `None` when the article has no date.
    pub day: Option<i32>,
    /// Term weights before idf (counts, the title's and lead's weighed up).
    pub terms: Vec<(TermId, f32)>,
}

#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Options {
    /// Cosine similarity to a story's centroid an article needs to join it.
    pub threshold: f32,
    /// An article joins a story only if the story has an article this many days before it
    /// (or after; articles without a date are never kept out by it).
    pub window_days: i32,
    /// The strongest terms of an article kept for comparison.
    pub top_terms: usize,
    /// Terms of an article used to find candidate stories.
    pub probe_terms: usize,
    /// Added to the similarity when the story holds an article that reports an aligned fact
    /// with this one.
    pub fact_bonus: f32,
    /// A term in more than this fraction of the articles (at least [`MIN_COMMON`]) finds no
    /// candidates: it is in every story.
    pub common_fraction: f32,
    /// Two stories whose centroids are this similar are one story told in fragments (the
    /// attack, the condemnations, the funerals) and are merged.
    pub merge_threshold: f32,
    /// A term this many times more frequent on its busiest day than on an average one counts
    /// in full when an article joins a story of other days (see [`burstiness`]).
    pub full_burst: f32,
}

/// See [`Options::common_fraction`].
pub const MIN_COMMON: usize = 50;

impl Default for Options {
    fn default() -> Self {
        Options {
            threshold: 0.18,
            window_days: 3,
            top_terms: 40,
            probe_terms: 12,
            fact_bonus: 0.15,
            common_fraction: 0.02,
            full_burst: 4.0,
            merge_threshold: 0.25,
        }
    }
}

/// One story.
#[derive(Debug, Clone, PartialEq)]
pub struct Story {
    /// Its articles, in the order they were given.
    pub articles: Vec<usize>,
    /// Distinct outlets.
    pub outlets: usize,
    pub first_day: Option<i32>,
    pub last_day: Option<i32>,
    /// The article closest to the story's centroid: the one that best says what it is about.
    pub central: usize,
    /// The story's most characteristic terms, strongest first.
    pub terms: Vec<TermId>,
}

/// The stories of a corpus, ranked; `of_article[a]` is the rank of article `a`'s story.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Stories {
    pub stories: Vec<Story>,
    pub of_article: Vec<usize>,
}

impl Stories {
    pub fn same(&self, a: usize, b: usize) -> bool {
        self.of_article[a] == self.of_article[b]
    }
}

/// How many characteristic terms a story keeps.
const STORY_TERMS: usize = 12;

/// Group `articles` into stories. `facts`: pairs of articles that report an aligned fact
/// together (any order, duplicates allowed).
pub fn cluster(articles: &[ArticleTerms], facts: &[(usize, usize)], options: &Options) -> Stories {
    let n = articles.len();
    if n == 0 {
        return Stories::default();
    }
    let vectors = weigh(articles, options);
    let burst = burstiness(articles, options.full_burst);
    let common = MIN_COMMON.max((n as f32 * options.common_fraction) as usize);
    let mut fact_links: Vec<Vec<usize>> = vec![Vec::new(); n];
    for &(a, b) in facts {
        if a != b && a < n && b < n {
            fact_links[a].push(b);
            fact_links[b].push(a);
        }
    }

    let mut order: Vec<usize> = (0..n).collect();
    order.sort_by_key(|&a| (articles[a].day.unwrap_or(i32::MIN), a));

    let mut growing: Vec<Growing> = Vec::new();
    let mut story_of: Vec<Option<usize>> = vec![None; n];
    // Term → stories holding an article with it among its probe terms.
    let mut postings: FxHashMap<TermId, Vec<usize>> = FxHashMap::default();
    let mut df_seen: FxHashMap<TermId, usize> = FxHashMap::default();
    for &a in &order {
        let vector = &vectors[a];
        let day = articles[a].day;
        let mut candidates: FxHashSet<usize> = FxHashSet::default();
        for &(term, _) in vector.iter().take(options.probe_terms) {
            if let Some(stories) = postings.get(&term) {
                candidates.extend(stories.iter().copied());
            }
        }
        let linked: FxHashSet<usize> = fact_links[a].iter().filter_map(|&b| story_of[b]).collect();
        candidates.extend(linked.iter().copied());
        let mut best: Option<(f32, usize)> = None;
        let mut sorted: Vec<usize> = candidates.into_iter().collect();
        sorted.sort_unstable();
        for s in sorted {
            let story = &growing[s];
            if !story.within(day, options.window_days) {
                continue;
            }
            let mut score = if day.is_some_and(|d| !story.days.contains(&d)) {
                story.cosine_weighted(vector, &burst)
            } else {
                story.cosine(vector)
            };
            if linked.contains(&s) {
                score += options.fact_bonus;
            }
            if score >= options.threshold && best.is_none_or(|(b, _)| score > b) {
                best = Some((score, s));
            }
        }
        let s = match best {
            Some((_, s)) => s,
            None => {
                growing.push(Growing::default());
                growing.len() - 1
            }
        };
        growing[s].add(a, vector, day);
        story_of[a] = Some(s);
        for &(term, _) in vector.iter().take(options.probe_terms) {
            let seen = df_seen.entry(term).or_default();
            *seen += 1;
            if *seen > common {
                continue;
            }
            let list = postings.entry(term).or_default();
            if list.last() != Some(&s) && !list.contains(&s) {
                list.push(s);
            }
        }
    }

    let growing = merge_fragments(growing, &burst, options);
    let mut stories: Vec<Story> = growing
        .into_iter()
        .map(|g| g.finish(articles, &vectors))
        .collect();
    stories.sort_by(|x, y| {
        y.outlets
            .cmp(&x.outlets)
            .then(y.articles.len().cmp(&x.articles.len()))
            .then(x.articles[0].cmp(&y.articles[0]))
    });
    let mut of_article = vec![0; n];
    for (rank, story) in stories.iter().enumerate() {
        for &a in &story.articles {
            of_article[a] = rank;
        }
    }
    Stories {
        stories,
        of_article,
    }
}

/// Each article's terms weighted by tf·idf, strongest first, cut to `top_terms`, of unit
/// length. A term in one article only links nothing and is dropped.
fn weigh(articles: &[ArticleTerms], options: &Options) -> Vec<Vec<(TermId, f32)>> {
    let mut df: FxHashMap<TermId, u32> = FxHashMap::default();
    for article in articles {
        for &(term, _) in &article.terms {
            *df.entry(term).or_default() += 1;
        }
    }
    let n = articles.len() as f32;
    crate::parallel::map(articles, |article| {
        let mut weighted: Vec<(TermId, f32)> = article
            .terms
            .iter()
            .filter_map(|&(term, tf)| {
                let df = *df.get(&term)? as f32;
                (df >= 2.0 && tf > 0.0).then(|| (term, (1.0 + tf.ln()) * (n / df).ln()))
            })
            .filter(|&(_, w)| w > 0.0)
            .collect();
        weighted.sort_by(|x, y| y.1.total_cmp(&x.1).then(x.0.cmp(&y.0)));
        weighted.truncate(options.top_terms);
        let norm = weighted.iter().map(|(_, w)| w * w).sum::<f32>().sqrt();
        if norm > 0.0 {
            for (_, w) in &mut weighted {
                *w /= norm;
            }
        }
        weighted
    })
}

/// A corpus needs this many dated days and articles for burstiness (see [`burstiness`]).
const BURST_DAYS: usize = 4;
const BURST_ARTICLES: usize = 200;

/// Terms of a story's centroid compared when merging fragments.
const CENTROID_TERMS: usize = 60;
/// Terms of a story's centroid that find merge candidates.
const CENTROID_PROBES: usize = 15;

/// Merge stories that are fragments of one: single-pass clustering splits an event whose
/// articles say different things about it (the attack, the reactions), while their centroids
/// still share the event's own terms. Pairs are merged most similar first, each story's
/// centroid cut to its [`CENTROID_TERMS`] strongest terms and of unit length; stories of
/// different days compare through their bursty terms only, as articles do.
fn merge_fragments(
    stories: Vec<Growing>,
    burst: &FxHashMap<TermId, f32>,
    options: &Options,
) -> Vec<Growing> {
    let n = stories.len();
    let ranked: Vec<Vec<(TermId, f32)>> = stories.iter().map(Growing::ranked_terms).collect();
    let common = MIN_COMMON.max((n as f32 * options.common_fraction) as usize);
    let mut postings: FxHashMap<TermId, Vec<usize>> = FxHashMap::default();
    for (s, terms) in ranked.iter().enumerate() {
        for &(t, _) in terms.iter().take(CENTROID_PROBES) {
            postings.entry(t).or_default().push(s);
        }
    }
    let tops: Vec<Vec<(TermId, f32)>> = ranked
        .into_iter()
        .map(|mut top| {
            top.truncate(CENTROID_TERMS);
            let norm = top
                .iter()
                .map(|(_, w)| w * w)
                .sum::<f32>()
                .sqrt()
                .max(f32::MIN_POSITIVE);
            top.iter_mut().for_each(|(_, w)| *w /= norm);
            top.sort_unstable_by_key(|&(t, _)| t);
            top
        })
        .collect();
    let mut pairs: Vec<(f32, usize, usize)> = Vec::new();
    let mut seen: FxHashSet<(usize, usize)> = FxHashSet::default();
    for list in postings.values().filter(|l| l.len() <= common) {
        for (i, &a) in list.iter().enumerate() {
            for &b in &list[i + 1..] {
                let key = (a.min(b), a.max(b));
                if !seen.insert(key) {
                    continue;
                }
                let (x, y) = (&stories[key.0], &stories[key.1]);
                if !x.overlaps(y, options.window_days) {
                    continue;
                }
                let same_day = x.days.iter().any(|d| y.days.contains(d));
                let sim = sparse_dot(&tops[key.0], &tops[key.1], |t| {
                    if same_day {
                        1.0
                    } else {
                        burst.get(&t).copied().unwrap_or(1.0)
                    }
                });
                if sim >= options.merge_threshold {
                    pairs.push((sim, key.0, key.1));
                }
            }
        }
    }
    pairs.sort_by(|x, y| y.0.total_cmp(&x.0).then(x.1.cmp(&y.1)).then(x.2.cmp(&y.2)));
    let mut sets = crate::union_find::UnionFind::new(n);
    for (_, a, b) in pairs {
        sets.union(a, b);
    }
    let mut merged: FxHashMap<usize, Growing> = FxHashMap::default();
    let mut order = Vec::new();
    for (s, g) in stories.into_iter().enumerate() {
        let root = sets.find(s);
        match merged.get_mut(&root) {
            Some(into) => into.absorb(g),
            None => {
                order.push(root);
                merged.insert(root, g);
            }
        }
    }
    order
        .into_iter()
        .filter_map(|r| merged.remove(&r))
        .collect()
}

/// The dot product of two term-sorted sparse vectors, each term's part scaled by `scale`.
fn sparse_dot(x: &[(TermId, f32)], y: &[(TermId, f32)], scale: impl Fn(TermId) -> f32) -> f32 {
    let (mut i, mut j, mut dot) = (0, 0, 0.0);
    while i < x.len() && j < y.len() {
        match x[i].0.cmp(&y[j].0) {
            std::cmp::Ordering::Less => i += 1,
            std::cmp::Ordering::Greater => j += 1,
            std::cmp::Ordering::Equal => {
                dot += x[i].1 * y[j].1 * scale(x[i].0);
                i += 1;
                j += 1;
            }
        }
    }
    dot
}

/// How much each term says about *when*: 0 for a term used alike every day (the words of a
/// weather report or a market report), 1 for one at least `full` times more frequent on its
/// busiest day than on an average day (the name of a bombed mosque). An article joins a story
/// of other days through such terms only: a daily report shares every word with yesterday's
/// and is another day's news, a follow-up shares the event's own words. Terms of articles
/// without dates count in full, and so does every term of a corpus too small to say what an
/// average day is (fewer than [`BURST_DAYS`] dated days or [`BURST_ARTICLES`] dated articles):
/// a folder on one event is not a stream.
fn burstiness(articles: &[ArticleTerms], full: f32) -> FxHashMap<TermId, f32> {
    let dated: FxHashSet<i32> = articles.iter().filter_map(|a| a.day).collect();
    let dated_articles = articles.iter().filter(|a| a.day.is_some()).count();
    if dated.len() < BURST_DAYS || dated_articles < BURST_ARTICLES {
        return FxHashMap::default();
    }
    let mut per_day: FxHashMap<i32, f32> = FxHashMap::default();
    let mut counts: FxHashMap<TermId, FxHashMap<i32, f32>> = FxHashMap::default();
    for article in articles {
        let Some(day) = article.day else { continue };
        *per_day.entry(day).or_default() += 1.0;
        for &(term, _) in &article.terms {
            *counts.entry(term).or_default().entry(day).or_default() += 1.0;
        }
    }
    let total: f32 = per_day.values().sum();
    let full = full.max(1.0 + f32::EPSILON).ln();
    counts
        .into_iter()
        .map(|(term, days)| {
            let df: f32 = days.values().sum();
            let peak = days
                .iter()
                .map(|(d, &n)| (n / df) / (per_day[d] / total))
                .fold(0.0f32, f32::max);
            (term, (peak.max(1.0).ln() / full).min(1.0))
        })
        .collect()
}

/// A story while articles are added: the sum of its members' vectors and its days.
#[derive(Debug, Default)]
struct Growing {
    articles: Vec<usize>,
    /// The distinct days of its articles.
    days: Vec<i32>,
    centroid: FxHashMap<TermId, f32>,
    /// The centroid's squared length, kept as articles are added.
    norm2: f32,
    first_day: Option<i32>,
    last_day: Option<i32>,
}

impl Growing {
    fn within(&self, day: Option<i32>, window: i32) -> bool {
        match (day, self.first_day, self.last_day) {
            (Some(d), Some(first), Some(last)) => d >= first - window && d <= last + window,
            _ => true,
        }
    }

    /// The centroid's terms, strongest first (ties by term, so the order is the same every run).
    fn ranked_terms(&self) -> Vec<(TermId, f32)> {
        let mut terms: Vec<(TermId, f32)> = self.centroid.iter().map(|(&t, &w)| (t, w)).collect();
        terms.sort_by(|x, y| y.1.total_cmp(&x.1).then(x.0.cmp(&y.0)));
        terms
    }

    /// Whether the two stories' days come within `window` days of each other.
    fn overlaps(&self, other: &Growing, window: i32) -> bool {
        match (
            self.first_day,
            self.last_day,
            other.first_day,
            other.last_day,
        ) {
            (Some(f1), Some(l1), Some(f2), Some(l2)) => f1 <= l2 + window && f2 <= l1 + window,
            _ => true,
        }
    }

    /// Take in another story's articles.
    fn absorb(&mut self, other: Growing) {
        for (t, w) in other.centroid {
            *self.centroid.entry(t).or_default() += w;
        }
        self.norm2 = self.centroid.values().map(|w| w * w).sum();
        self.articles.extend(other.articles);
        for d in other.days {
            if !self.days.contains(&d) {
                self.days.push(d);
            }
        }
        self.first_day = match (self.first_day, other.first_day) {
            (Some(a), Some(b)) => Some(a.min(b)),
            (a, b) => a.or(b),
        };
        self.last_day = match (self.last_day, other.last_day) {
            (Some(a), Some(b)) => Some(a.max(b)),
            (a, b) => a.or(b),
        };
    }

    fn dot(&self, vector: &[(TermId, f32)]) -> f32 {
        vector
            .iter()
            .filter_map(|(t, w)| self.centroid.get(t).map(|c| c * w))
            .sum()
    }

    fn cosine(&self, vector: &[(TermId, f32)]) -> f32 {
        if self.norm2 <= 0.0 {
            return 0.0;
        }
        self.dot(vector) / self.norm2.sqrt()
    }

    /// The cosine with each term's part scaled by its weight in `weights` (1 when absent).
    fn cosine_weighted(&self, vector: &[(TermId, f32)], weights: &FxHashMap<TermId, f32>) -> f32 {
        if self.norm2 <= 0.0 {
            return 0.0;
        }
        let dot: f32 = vector
            .iter()
            .filter_map(|(t, w)| {
                let c = self.centroid.get(t)?;
                Some(c * w * weights.get(t).copied().unwrap_or(1.0))
            })
            .sum();
        dot / self.norm2.sqrt()
    }

    fn add(&mut self, article: usize, vector: &[(TermId, f32)], day: Option<i32>) {
        // |c + v|² = |c|² + 2 c·v + |v|²
        let dot = self.dot(vector);
        let own: f32 = vector.iter().map(|(_, w)| w * w).sum();
        self.norm2 += 2.0 * dot + own;
        for &(t, w) in vector {
            *self.centroid.entry(t).or_default() += w;
        }
        self.articles.push(article);
        if let Some(d) = day {
            if !self.days.contains(&d) {
                self.days.push(d);
            }
            self.first_day = Some(self.first_day.map_or(d, |f| f.min(d)));
            self.last_day = Some(self.last_day.map_or(d, |l| l.max(d)));
        }
    }

    fn finish(mut self, articles: &[ArticleTerms], vectors: &[Vec<(TermId, f32)>]) -> Story {
        self.articles.sort_unstable();
        let outlets: FxHashSet<usize> = self.articles.iter().map(|&a| articles[a].outlet).collect();
        let central = self
            .articles
            .iter()
            .copied()
            .max_by(|&x, &y| {
                self.dot(&vectors[x])
                    .total_cmp(&self.dot(&vectors[y]))
                    .then(y.cmp(&x))
            })
            .unwrap_or(0);
        let terms = self.ranked_terms();
        Story {
            outlets: outlets.len(),
            first_day: self.first_day,
            last_day: self.last_day,
            central,
            terms: terms
                .into_iter()
                .take(STORY_TERMS)
                .map(|(t, _)| t)
                .collect(),
            articles: self.articles,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn article(outlet: usize, day: i32, terms: &[(u64, f32)]) -> ArticleTerms {
        ArticleTerms {
            outlet,
            day: Some(day),
            terms: terms.to_vec(),
        }
    }

    /// Two events of three articles each (terms 1–3 and 10–12), plus background terms every
    /// article has, and a third, unrelated article pair.
    fn week() -> Vec<ArticleTerms> {
        vec![
            article(0, 100, &[(1, 3.0), (2, 2.0), (3, 1.0), (99, 1.0)]),
            article(1, 100, &[(1, 2.0), (2, 2.0), (99, 1.0)]),
            article(2, 101, &[(1, 1.0), (3, 2.0), (2, 1.0), (99, 1.0)]),
            article(0, 100, &[(10, 3.0), (11, 2.0), (99, 1.0)]),
            article(1, 101, &[(10, 2.0), (12, 2.0), (11, 1.0), (99, 1.0)]),
            article(1, 102, &[(11, 2.0), (12, 1.0), (10, 1.0), (99, 1.0)]),
            article(2, 100, &[(20, 1.0), (21, 1.0), (99, 1.0)]),
            article(2, 100, &[(20, 1.0), (21, 1.0), (99, 1.0)]),
        ]
    }

    #[test]
    fn articles_on_one_event_form_one_story_and_others_stay_apart() {
        let stories = cluster(&week(), &[], &Options::default());
        assert!(stories.same(0, 1) && stories.same(1, 2));
        assert!(stories.same(3, 4) && stories.same(4, 5));
        assert!(!stories.same(0, 3));
        assert!(!stories.same(0, 6) && !stories.same(3, 6));
    }

    #[test]
    fn stories_rank_by_outlets_then_articles() {
        let stories = cluster(&week(), &[], &Options::default());
        let sizes: Vec<(usize, usize)> = stories
            .stories
            .iter()
            .map(|s| (s.outlets, s.articles.len()))
            .collect();
        assert_eq!(sizes[0], (3, 3));
        assert_eq!(sizes[1], (2, 3), "{sizes:?}");
        assert_eq!(sizes.last(), Some(&(1, 2)));
    }

    #[test]
    fn an_article_outside_the_window_starts_its_own_story() {
        let mut articles = week();
        articles[2].day = Some(110);
        let stories = cluster(&articles, &[], &Options::default());
        assert!(stories.same(0, 1));
        assert!(!stories.same(0, 2), "ten days later is another story");
    }

    #[test]
    fn a_shared_fact_helps_a_weakly_similar_article_join() {
        // Article 2 shares two weak terms and a background one with the first story.
        let mut articles = week();
        articles[2].terms = vec![
            (1, 1.0),
            (3, 1.0),
            (30, 3.0),
            (31, 3.0),
            (32, 3.0),
            (33, 3.0),
            (99, 1.0),
        ];
        articles[2].day = Some(100);
        articles.push(article(
            3,
            100,
            &[(30, 1.0), (31, 1.0), (32, 1.0), (33, 1.0)],
        ));
        let strict = Options {
            fact_bonus: 0.0,
            ..Options::default()
        };
        let apart = cluster(&articles, &[], &strict);
        assert!(!apart.same(0, 2));
        let with_fact = cluster(&articles, &[(2, 0), (2, 1)], &Options::default());
        assert!(with_fact.same(0, 2));
    }

    #[test]
    fn the_central_article_and_terms_say_what_the_story_is_about() {
        let stories = cluster(&week(), &[], &Options::default());
        let first = &stories.stories[0];
        assert!(first.articles.contains(&first.central));
        assert!(first.terms.iter().take(3).all(|t| [1, 2, 3].contains(t)));
        assert!(!first.terms.contains(&99) || first.terms[0] != 99);
    }

    #[test]
    fn a_daily_report_is_a_story_each_day_and_an_event_spans_days() {
        // The same report words every day (1, 2, 3), and an event (40, 41) on days 2 and 3
        // beside unrelated news that makes each day's baseline (enough of it for burstiness).
        let mut articles = Vec::new();
        for day in 0..6 {
            articles.push(article(
                day as usize % 3,
                100 + day,
                &[(1, 2.0), (2, 2.0), (3, 1.0)],
            ));
            articles.push(article(1, 100 + day, &[(1, 2.0), (2, 1.0), (3, 2.0)]));
            for k in 0..40 {
                let t = 1000 + (day * 100 + k) as u64;
                articles.push(article(2, 100 + day, &[(t, 1.0), (t + 500, 1.0)]));
                articles.push(article(0, 100 + day, &[(t, 1.0), (t + 500, 1.0)]));
            }
        }
        let event_a = articles.len();
        articles.push(article(0, 102, &[(40, 2.0), (41, 2.0), (1, 1.0)]));
        articles.push(article(1, 103, &[(40, 2.0), (41, 1.0), (2, 1.0)]));
        let stories = cluster(&articles, &[], &Options::default());
        let report = |day: usize| day * 82;
        assert!(
            stories.same(report(0), report(0) + 1),
            "one day's reports are one story"
        );
        assert!(
            !stories.same(report(0), report(1)),
            "the next day's report is another story"
        );
        assert!(
            stories.same(event_a, event_a + 1),
            "the event's follow-up joins it"
        );
    }

    #[test]
    fn fragments_of_one_event_are_merged() {
        // Two stories of one day that share the event's terms (50, 51), and a third that does not.
        let grow = |members: &[(usize, &[(u64, f32)])]| {
            let mut g = Growing::default();
            for (a, v) in members {
                g.add(*a, v, Some(100));
            }
            g
        };
        let stories = vec![
            grow(&[
                (0, &[(50, 0.6), (51, 0.5), (60, 0.6)]),
                (1, &[(50, 0.7), (61, 0.7)]),
            ]),
            grow(&[
                (2, &[(50, 0.6), (51, 0.6), (70, 0.5)]),
                (3, &[(51, 0.7), (71, 0.7)]),
            ]),
            grow(&[(4, &[(80, 0.7), (81, 0.7)])]),
        ];
        let merged = merge_fragments(stories, &FxHashMap::default(), &Options::default());
        let sizes: Vec<usize> = merged.iter().map(|g| g.articles.len()).collect();
        assert_eq!(sizes, [4, 1]);
        assert!(merged[0].days == [100] && merged[0].centroid.contains_key(&70));
    }

    #[test]
    fn every_article_is_in_the_story_its_rank_names() {
        let stories = cluster(&week(), &[], &Options::default());
        for (a, &rank) in stories.of_article.iter().enumerate() {
            assert!(stories.stories[rank].articles.contains(&a));
        }
        let total: usize = stories.stories.iter().map(|s| s.articles.len()).sum();
        assert_eq!(total, week().len());
    }
}
