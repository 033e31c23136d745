//! Which figures answer the same question: the same story and topic is not enough, since one
//! story of a war holds many battles. Two figures are of one incident when their sentences
//! were aligned (the same fact), or when they share enough rare words (the places, the
//! target, the attackers' names) and are at most a few days apart.

use crate::text::function_words::says_little;
use crate::text::normalize_str;
use rustc_hash::{FxHashMap, FxHashSet};

/// Rare words two sentences must share to be of one incident.
const SHARED_RARE: usize = 3;
/// Rare words two sentences of linked articles (a fact reported together) must share.
const LINKED_RARE: usize = 1;
/// A word is rare when at most this share of all sentences holds it (and never rarer than
/// [`RARE_FLOOR`] sentences, so that a small corpus has rare words at all).
const RARE_SHARE: f64 = 0.001;
const RARE_FLOOR: usize = 20;
/// Days between two reports of one incident.
pub(super) const DAYS_APART: i32 = 5;

/// A word as incidents compare it: normalized, without punctuation, و/ف and one of بال لل ال
/// ب ل peeled (عسير = بعسير = وعسير); `None` for short words, digits and function words.
pub(super) fn key(word: &str) -> Option<String> {
    let trimmed = word.trim_matches(|c: char| !crate::text::chars::is_alphanumeric(c));
    let norm = normalize_str(trimmed);
    if says_little(&norm) || norm.chars().any(|c| c.is_ascii_digit()) {
        return None;
    }
    let mut w = norm.as_str();
    for p in ["و", "ف"] {
        if let Some(rest) = w.strip_prefix(p)
            && rest.chars().count() >= 4
        {
            w = rest;
            break;
        }
    }
    for p in ["بال", "لل", "كال", "ال", "ب", "ل"] {
        if let Some(rest) = w.strip_prefix(p)
            && rest.chars().count() >= 3
        {
            w = rest;
            break;
        }
    }
    (w.chars().count() >= 3 && !crate::text::numbers::is_number_word(w)).then(|| w.to_string())
}

/// The rare words of each of `wanted` sentences (indices into `texts`), rare over all
/// `texts`: the words that can tell one incident from another (a district, a town, a target).
/// A big event's own words are not rare in its week (عسير is in 2% of the archive's
/// sentences, more than تعز), so its reports are linked by alignment, or not at all.
pub(super) fn rare_words(texts: &[&str], wanted: &[usize]) -> FxHashMap<usize, FxHashSet<String>> {
    let keys_of =
        |text: &str| -> FxHashSet<String> { text.split_whitespace().filter_map(key).collect() };
    let mut wanted_keys: FxHashMap<usize, FxHashSet<String>> = FxHashMap::default();
    // The wanted sentences' words, numbered, and how many sentences of all hold each.
    let mut vocabulary: FxHashMap<String, usize> = FxHashMap::default();
    for &s in wanted {
        let keys = keys_of(texts[s]);
        for k in &keys {
            let next = vocabulary.len();
            vocabulary.entry(k.clone()).or_insert(next);
        }
        wanted_keys.insert(s, keys);
    }
    if vocabulary.is_empty() {
        return wanted_keys;
    }
    let held: Vec<Vec<usize>> = crate::parallel::map(texts, |text| {
        keys_of(text)
            .iter()
            .filter_map(|k| vocabulary.get(k).copied())
            .collect()
    });
    let mut sentences_with = vec![0usize; vocabulary.len()];
    for id in held.into_iter().flatten() {
        sentences_with[id] += 1;
    }
    let cap = RARE_FLOOR.max((texts.len() as f64 * RARE_SHARE) as usize);
    for keys in wanted_keys.values_mut() {
        keys.retain(|k| {
            vocabulary
                .get(k)
                .is_some_and(|&id| sentences_with[id] <= cap)
        });
    }
    wanted_keys
}

/// One figure as incidents see it.
pub(super) struct Reported<'a> {
    pub fact: Option<usize>,
    pub article: usize,
    pub day: Option<i32>,
    pub rare: &'a FxHashSet<String>,
}

/// Whether two figures are of one incident: their sentences are one fact; or, a few days
/// apart at most, they share [`SHARED_RARE`] rare words, or their articles report a fact
/// together (`linked`) and they share a rare word.
fn same_incident(
    a: &Reported<'_>,
    b: &Reported<'_>,
    linked: &impl Fn(usize, usize) -> bool,
) -> bool {
    if a.fact.is_some() && a.fact == b.fact {
        return true;
    }
    let near = match (a.day, b.day) {
        (Some(x), Some(y)) => (x - y).abs() <= DAYS_APART,
        _ => true,
    };
    if !near {
        return false;
    }
    let shared = a.rare.intersection(b.rare).count();
    shared >= SHARED_RARE || (shared >= LINKED_RARE && linked(a.article, b.article))
}

/// Groups of reports of one incident, each as indices into `figures`: the figure with the most
/// links and the figures linked to it and to most of each other, then the same among the rest. Linking
/// through a chain (battle A shares words with B, B with C) would join separate incidents.
pub(super) fn incidents(
    figures: &[Reported<'_>],
    linked: impl Fn(usize, usize) -> bool,
) -> Vec<Vec<usize>> {
    let n = figures.len();
    let links: Vec<Vec<usize>> = (0..n)
        .map(|x| {
            (0..n)
                .filter(|&y| y != x && same_incident(&figures[x], &figures[y], &linked))
                .collect()
        })
        .collect();
    let mut open = vec![true; n];
    let mut groups = Vec::new();
    loop {
        let centre = (0..n).filter(|&x| open[x]).max_by_key(|&x| {
            (
                links[x].iter().filter(|&&y| open[y]).count(),
                std::cmp::Reverse(x),
            )
        });
        let Some(centre) = centre else {
            break;
        };
        // A member is of one incident with most of the others: a figure that shares words
        // with the centre and with no other member belongs to a neighbouring incident.
        let mut group = vec![centre];
        for &y in &links[centre] {
            let with = group
                .iter()
                .filter(|&&m| m == centre || links[y].contains(&m))
                .count();
            if open[y] && 2 * with > group.len() {
                group.push(y);
            }
        }
        for &x in &group {
            open[x] = false;
        }
        group.sort_unstable();
        groups.push(group);
    }
    groups
}

#[cfg(test)]
mod tests {
    use super::*;

    fn set(words: &[&str]) -> FxHashSet<String> {
        words.iter().map(|w| w.to_string()).collect()
    }

    #[test]
    fn words_are_compared_without_clitics_and_function_words_are_not_words() {
        assert_eq!(key("بعسير،").as_deref(), Some("عسير"));
        assert_eq!(key("وعسير").as_deref(), Some("عسير"));
        assert_eq!(key("المسجد").as_deref(), Some("مسجد"));
        assert_eq!(key("في"), None);
        assert_eq!(key("15"), None);
        assert_eq!(key("ثلاثة"), None);
    }

    #[test]
    fn rare_words_are_rare_over_all_sentences() {
        let mut texts = vec!["قتل مسلحون في تعز"; 30];
        texts.push("قتل ثلاثة في حي الروضة بمأرب");
        let rare = rare_words(&texts, &[30]);
        // قتل is in all 31 sentences, above the floor of 20: not rare; مأرب is.
        assert!(rare[&30].contains("مارب"), "{:?}", rare[&30]);
        assert!(!rare[&30].contains("قتل"));
    }

    #[test]
    fn a_chain_of_look_alikes_is_not_one_incident() {
        let a = set(&["تعز", "صبر", "مديريه"]);
        let b = set(&["تعز", "صبر", "مديريه", "مارب", "صرواح", "جبهه"]);
        let c = set(&["مارب", "صرواح", "جبهه"]);
        let figures = [
            Reported {
                fact: None,
                article: 0,
                day: Some(0),
                rare: &a,
            },
            Reported {
                fact: None,
                article: 0,
                day: Some(1),
                rare: &b,
            },
            Reported {
                fact: None,
                article: 0,
                day: Some(1),
                rare: &c,
            },
        ];
        let groups = incidents(&figures, |_, _| false);
        // b links to both, but a and c share nothing: b takes one, the other stands alone.
        assert_eq!(groups.len(), 2, "{groups:?}");
        assert!(groups.iter().all(|g| !(g.contains(&0) && g.contains(&2))));
    }

    #[test]
    fn the_same_fact_or_near_days_and_shared_words_make_one_incident() {
        let a = set(&["عسير", "مسجد", "طوارئ"]);
        let none = set(&[]);
        let figures = [
            Reported {
                fact: None,
                article: 0,
                day: Some(10),
                rare: &a,
            },
            Reported {
                fact: None,
                article: 0,
                day: Some(12),
                rare: &a,
            },
            // Two weeks later: another incident with the same words.
            Reported {
                fact: None,
                article: 0,
                day: Some(25),
                rare: &a,
            },
            // Aligned with the first: the same fact, whatever its words.
            Reported {
                fact: Some(4),
                article: 0,
                day: Some(30),
                rare: &none,
            },
            Reported {
                fact: Some(4),
                article: 0,
                day: Some(10),
                rare: &none,
            },
        ];
        let groups = incidents(&figures, |_, _| false);
        assert!(groups.contains(&vec![0, 1]), "{groups:?}");
        assert!(groups.contains(&vec![2]));
        assert!(groups.contains(&vec![3, 4]));
    }
}
