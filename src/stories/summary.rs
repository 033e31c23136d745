//! A story as people and tools see it: an id that stays while its articles do, a title, its
//! outlets, dates and terms.

use super::Story;
use serde::Serialize;

/// One story, ready to print.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Summary {
    /// Twelve hex digits from the story's first article (by id): the same story of the same
    /// articles has the same id in every run, whatever else is in the input.
    pub id: String,
    /// 1 for the story most outlets report.
    pub rank: usize,
    pub title: String,
    /// Distinct outlets, most articles first.
    pub outlets: Vec<String>,
    pub articles: usize,
    pub first_date: Option<String>,
    pub last_date: Option<String>,
    /// Its most characteristic terms, strongest first.
    pub terms: Vec<String>,
    /// The articles' ids, as `mizan segment` gives them.
    pub docs: Vec<String>,
}

/// What a summary needs to know of each article.
#[derive(Debug, Clone, Copy)]
pub struct ArticleFacts<'a> {
    pub id: &'a str,
    pub outlet: &'a str,
    pub date: Option<&'a str>,
    /// The title, or failing that the first headline or sentence.
    pub title: &'a str,
}

/// The story's summary; `terms` are already named.
pub fn summarize(
    rank: usize,
    story: &Story,
    articles: &[ArticleFacts<'_>],
    terms: Vec<String>,
) -> Summary {
    let mut counts: Vec<(&str, usize)> = Vec::new();
    for &a in &story.articles {
        match counts.iter_mut().find(|(o, _)| *o == articles[a].outlet) {
            Some((_, n)) => *n += 1,
            None => counts.push((articles[a].outlet, 1)),
        }
    }
    counts.sort_by(|x, y| y.1.cmp(&x.1).then(x.0.cmp(y.0)));
    let mut dates: Vec<&str> = story
        .articles
        .iter()
        .filter_map(|&a| articles[a].date)
        .map(|d| d.get(..10).unwrap_or(d))
        .collect();
    dates.sort_unstable();
    let first_id = story
        .articles
        .iter()
        .map(|&a| articles[a].id)
        .min()
        .unwrap_or_default();
    Summary {
        id: story_id(first_id),
        rank,
        title: most_reported_title(story, articles),
        outlets: counts.into_iter().map(|(o, _)| o.to_string()).collect(),
        articles: story.articles.len(),
        first_date: dates.first().map(|d| d.to_string()),
        last_date: dates.last().map(|d| d.to_string()),
        terms,
        docs: story
            .articles
            .iter()
            .map(|&a| articles[a].id.to_string())
            .collect(),
    }
}

/// A story's id from its first article's id: FNV-1a, then mixed (SplitMix64's finalizer) so
/// that ids of similar names (`day#w4`, `day#w5`) do not look alike; 48 bits.
pub fn story_id(first_article: &str) -> String {
    let mut hash: u64 = 0xcbf2_9ce4_8422_2325;
    for b in first_article.bytes() {
        hash ^= u64::from(b);
        hash = hash.wrapping_mul(0x0000_0100_0000_01b3);
    }
    hash = (hash ^ (hash >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
    hash = (hash ^ (hash >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
    hash ^= hash >> 31;
    format!("{:012x}", hash >> 16)
}

/// The headline most of the story's outlets (then articles) print, compared on normalized
/// text; when no headline is shared by two outlets, the central article's. Wire copy is
/// re-published under the same headline, so the shared one is what the story is known by.
pub fn most_reported_title(story: &Story, articles: &[ArticleFacts<'_>]) -> String {
    let mut seen: Vec<(String, Vec<&str>, usize, usize)> = Vec::new();
    for &a in &story.articles {
        let title = articles[a].title;
        let key = one_line(&crate::text::normalize::normalize_str(title));
        if key.is_empty() {
            continue;
        }
        match seen.iter_mut().find(|(k, ..)| *k == key) {
            Some((_, outlets, count, _)) => {
                if !outlets.contains(&articles[a].outlet) {
                    outlets.push(articles[a].outlet);
                }
                *count += 1;
            }
            None => seen.push((key, vec![articles[a].outlet], 1, a)),
        }
    }
    // Most outlets, then most articles, then the first seen (article order).
    let best = seen
        .iter()
        .enumerate()
        .max_by(|(i, x), (j, y)| x.1.len().cmp(&y.1.len()).then(x.2.cmp(&y.2)).then(j.cmp(i)))
        .map(|(_, b)| b);
    match best {
        Some((_, outlets, _, first)) if outlets.len() >= 2 => one_line(articles[*first].title),
        _ => one_line(articles[story.central].title),
    }
}

fn one_line(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ids_are_stable_and_differ_by_first_article() {
        assert_eq!(story_id("a.jsonl#1"), story_id("a.jsonl#1"));
        assert_ne!(story_id("a.jsonl#1"), story_id("a.jsonl#2"));
        assert_eq!(story_id("x").len(), 12);
    }

    #[test]
    fn a_summary_counts_outlets_and_spans_its_dates() {
        let articles = [
            ArticleFacts {
                id: "d#2",
                outlet: "sabq",
                date: Some("2015-08-07 10:00"),
                title: "ب",
            },
            ArticleFacts {
                id: "d#1",
                outlet: "okaz",
                date: Some("2015-08-06"),
                title: "أ\nعنوان",
            },
            ArticleFacts {
                id: "d#3",
                outlet: "sabq",
                date: None,
                title: "ج",
            },
        ];
        let story = Story {
            articles: vec![0, 1, 2],
            outlets: 2,
            first_day: None,
            last_day: None,
            central: 1,
            terms: vec![],
        };
        let s = summarize(1, &story, &articles, vec!["مسجد".into()]);
        assert_eq!(s.outlets, ["sabq", "okaz"]);
        assert_eq!(
            (s.first_date.as_deref(), s.last_date.as_deref()),
            (Some("2015-08-06"), Some("2015-08-07"))
        );
        assert_eq!(s.title, "أ عنوان");
        assert_eq!(s.id, story_id("d#1"));
        assert_eq!(s.articles, 3);
    }

    fn titled<'a>(outlet: &'a str, title: &'a str) -> ArticleFacts<'a> {
        ArticleFacts {
            id: "x",
            outlet,
            date: None,
            title,
        }
    }

    fn story_of(n: usize, central: usize) -> Story {
        Story {
            articles: (0..n).collect(),
            outlets: n,
            first_day: None,
            last_day: None,
            central,
            terms: vec![],
        }
    }

    #[test]
    fn the_title_is_the_headline_most_outlets_share() {
        // Two outlets print one headline (spelt with and without hamza), one another twice.
        let articles = [
            titled("okaz", "أمير عسير يزور المصابين"),
            titled("sabq", "امير  عسير يزور المصابين"),
            titled("alyaum", "تفجير مسجد الطوارئ"),
            titled("alyaum", "تفجير مسجد الطوارئ"),
        ];
        assert_eq!(
            most_reported_title(&story_of(4, 2), &articles),
            "أمير عسير يزور المصابين"
        );
    }

    #[test]
    fn without_a_shared_headline_the_central_article_names_the_story() {
        let articles = [
            titled("okaz", "أ"),
            titled("sabq", "ب"),
            titled("sabq", "ب"),
            titled("was", "ج"),
        ];
        // "ب" is printed twice but by one outlet: not shared.
        assert_eq!(most_reported_title(&story_of(4, 3), &articles), "ج");
    }
}
