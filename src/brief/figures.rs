//! The figures of the briefing: every figure found, and those that differ about the same thing
//! within one story (compared by `crate::figures`).

use super::build::Builder;
use super::context::*;
use super::shown::shown;
use super::stories::Stories;
use crate::figures::{self, Figure};
use crate::text::span::Span;
use std::collections::{BTreeMap, HashSet};

/// Articles a story may have and still be taken as one event, its linked articles as reports of
/// one incident.
const SMALL_STORY: usize = 10;

/// Words on each side of a figure in its excerpt.
const EXCERPT_WORDS: usize = 4;

impl Builder<'_> {
    /// Every figure found, in sentence order.
    pub(super) fn figure_rows(&self) -> Vec<FigureRow> {
        let mut rows = Vec::new();
        for (s, found) in self.found.iter().enumerate() {
            let text = self.inputs.sentences[s].text;
            for f in &found.figures {
                rows.push(FigureRow {
                    citation: self.citation(s),
                    label: f.label(),
                    amount: f.amount(),
                    value: f.value,
                    arabic: shown(f.span.slice(text)),
                    excerpt: shown(&excerpt(text, f.span, EXCERPT_WORDS)),
                });
            }
        }
        rows
    }

    /// Figures that differ about one question: the same story, what is counted and whose,
    /// and the same incident (`incidents`); the questions with the most articles first. A
    /// part of a total never takes part, nor do the figures of a sentence that gives several
    /// joined into one toll (a breakdown: "10 of the forces and 3 workers" is no rival to "13").
    pub(super) fn figures_differ(
        &self,
        rows: &[FigureRow],
        story_of: &[usize],
        stories: &Stories,
    ) -> Vec<FigureDisagreement> {
        let sentences = self.inputs.sentences;
        let fact_of = self.inputs.alignment.fact_of(sentences.len());
        // (story, topic) → (sentence, figure, row) of the figures that can be compared.
        type Compared<'f> = Vec<(usize, &'f Figure, usize)>;
        let mut by_question: BTreeMap<(usize, figures::Topic), Compared<'_>> = BTreeMap::new();
        let mut row = 0;
        for (s, found) in self.found.iter().enumerate() {
            let story = story_of[sentences[s].doc];
            // The parts of a breakdown, and the figure each is joined to.
            let mut in_breakdown = vec![false; found.figures.len()];
            for (k, g) in found.figures.iter().enumerate() {
                if g.joined {
                    in_breakdown[k] = true;
                    if let Some(p) = k.checked_sub(1)
                        && found.figures[p].topic() == g.topic()
                    {
                        in_breakdown[p] = true;
                    }
                }
            }
            for (k, f) in found.figures.iter().enumerate() {
                if !f.sub && !in_breakdown[k] {
                    by_question
                        .entry((story, f.topic()))
                        .or_default()
                        .push((s, f, row));
                }
                row += 1;
            }
        }
        let texts: Vec<&str> = sentences.iter().map(|s| s.text).collect();
        let wanted: Vec<usize> = {
            let mut w: Vec<usize> = by_question
                .values()
                .filter(|figures| figures.len() >= 2)
                .flat_map(|figures| figures.iter().map(|&(s, _, _)| s))
                .collect();
            w.sort_unstable();
            w.dedup();
            w
        };
        let rare = super::incidents::rare_words(&texts, &wanted);
        let empty = Default::default();
        let mut story_articles: BTreeMap<usize, usize> = BTreeMap::new();
        for &story in story_of {
            *story_articles.entry(story).or_default() += 1;
        }
        let mut differ: Vec<FigureDisagreement> = Vec::new();
        for ((story, _), compared) in &by_question {
            if compared.len() < 2 {
                continue;
            }
            // Incidents are found between sentences: the figures of one sentence are of one.
            let mut giving: Vec<usize> = compared.iter().map(|&(s, _, _)| s).collect();
            giving.sort_unstable();
            giving.dedup();
            let reported: Vec<super::incidents::Reported<'_>> = giving
                .iter()
                .map(|&s| super::incidents::Reported {
                    fact: fact_of[s],
                    article: sentences[s].doc,
                    day: sentences[s].day,
                    rare: rare.get(&s).unwrap_or(&empty),
                })
                .collect();
            // In a story of a few articles (a folder on one event), articles that report a
            // fact together are of one incident; a week's big story holds many.
            let small = story_articles.get(story).is_some_and(|&n| n <= SMALL_STORY);
            let linked = |a: usize, b: usize| small && stories.linked(a, b);
            for sentence_group in super::incidents::incidents(&reported, linked) {
                // One sentence giving two figures is mostly a range or a before-and-after
                // ("from 2.3 to 1.3"), not two answers.
                if sentence_group.len() < 2 {
                    continue;
                }
                let group_sentences: Vec<usize> =
                    sentence_group.iter().map(|&i| giving[i]).collect();
                let in_group: HashSet<usize> = group_sentences.iter().copied().collect();
                let group: Vec<usize> = (0..compared.len())
                    .filter(|&i| in_group.contains(&compared[i].0))
                    .collect();
                let figures: Vec<Figure> = group.iter().map(|&i| compared[i].1.clone()).collect();
                let Some(d) = figures::disagreements(&figures).into_iter().next() else {
                    continue;
                };
                let amounts: Vec<FigureAmount> = d
                    .amounts
                    .iter()
                    .map(|(amount, at)| FigureAmount {
                        amount: amount.clone(),
                        cited: at
                            .iter()
                            .map(|&i| rows[compared[group[i]].2].clone())
                            .collect(),
                    })
                    .collect();
                if rounded_alike(&amounts) {
                    continue;
                }
                let articles = amounts
                    .iter()
                    .flat_map(|a| a.cited.iter().map(|r| r.citation.article))
                    .collect::<HashSet<_>>()
                    .len();
                let names = self.shared_names(&group_sentences);
                let words = if names.is_empty() {
                    shared_words(sentence_group.iter().map(|&i| reported[i].rare))
                } else {
                    names
                };
                let (question, revision) = question(&d.label, &amounts, &words);
                differ.push(FigureDisagreement {
                    label: d.label,
                    question,
                    revision,
                    story: story + 1,
                    articles,
                    amounts,
                });
            }
        }
        // Stable: ties keep story order, then the topic order of `disagreements`.
        differ.sort_by_key(|d| std::cmp::Reverse(d.articles));
        differ
    }

    /// The English of the names (people, organisations, places, events of the glossary) that
    /// most of `sentences` mention, up to three, the most mentioned first: what a desk calls
    /// the incident ("Almaty", "Interior Ministry").
    fn shared_names(&self, sentences: &[usize]) -> Vec<String> {
        let mut counts: BTreeMap<usize, usize> = BTreeMap::new();
        for &s in sentences {
            let entries: std::collections::BTreeSet<usize> = self.found[s]
                .hits
                .iter()
                .map(|h| h.entry)
                .filter(|&e| self.inputs.glossary.terms[e].is_name())
                .collect();
            for e in entries {
                *counts.entry(e).or_default() += 1;
            }
        }
        let mut names: Vec<(usize, usize)> = counts
            .into_iter()
            .filter(|&(_, c)| 2 * c >= sentences.len())
            .collect();
        names.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(&b.0)));
        names
            .into_iter()
            .take(3)
            .map(|(e, _)| self.inputs.glossary.terms[e].en.clone())
            .collect()
    }
}

/// Amounts that differ only by rounding or by how they are qualified (945 million and 945.4
/// million riyals; 140,000 and about 140,000): one figure, no disagreement.
fn rounded_alike(amounts: &[FigureAmount]) -> bool {
    let values: Option<Vec<f64>> = amounts
        .iter()
        .map(|a| a.cited.first().and_then(|r| r.value))
        .collect();
    match values {
        Some(v) if !v.is_empty() => {
            let (lo, hi) = v
                .iter()
                .fold((f64::MAX, f64::MIN), |(lo, hi), &x| (lo.min(x), hi.max(x)));
            lo > 0.0 && hi <= lo * 1.01
        }
        _ => false,
    }
}

/// The rare words most of a question's sentences share (up to three, the most shared first),
/// which say which incident it is.
fn shared_words<'w>(sets: impl Iterator<Item = &'w rustc_hash::FxHashSet<String>>) -> Vec<String> {
    let mut counts: BTreeMap<&str, usize> = BTreeMap::new();
    let mut n = 0;
    for set in sets {
        n += 1;
        for w in set {
            *counts.entry(w.as_str()).or_default() += 1;
        }
    }
    let mut words: Vec<(&str, usize)> = counts.into_iter().filter(|&(_, c)| 2 * c >= n).collect();
    words.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(b.0)));
    words
        .into_iter()
        .take(3)
        .map(|(w, _)| w.to_string())
        .collect()
}

/// The question a row answers, in English ("killed — Almaty, Health Ministry (2022-01-09 to
/// 2022-01-10)"; where the glossary names nothing, the incident's rare words in Arabic), and
/// whether its amounts read as a toll revised over the days: each amount first given on a
/// later day than the one before, and larger.
fn question(label: &str, amounts: &[FigureAmount], words: &[String]) -> (String, bool) {
    let day = |r: &FigureRow| {
        r.citation
            .date
            .as_deref()
            .and_then(|d| d.get(..10))
            .map(str::to_string)
    };
    let days: Vec<String> = amounts
        .iter()
        .flat_map(|a| a.cited.iter().filter_map(day))
        .collect();
    let span = match (days.iter().min(), days.iter().max()) {
        (Some(a), Some(b)) if a == b => format!(" ({a})"),
        (Some(a), Some(b)) => format!(" ({a} to {b})"),
        _ => String::new(),
    };
    let mut firsts: Vec<(String, Option<f64>)> = amounts
        .iter()
        .filter_map(|a| {
            let first = a.cited.iter().filter_map(day).min()?;
            Some((first, a.cited.first().and_then(|r| r.value)))
        })
        .collect();
    firsts.sort_by(|a, b| a.0.cmp(&b.0));
    let revision = firsts.len() == amounts.len()
        && firsts
            .windows(2)
            .all(|w| w[0].0 < w[1].0 && matches!((w[0].1, w[1].1), (Some(x), Some(y)) if y > x));
    let about = if words.is_empty() {
        String::new()
    } else {
        format!(" — {}", words.join(", "))
    };
    let revised = if revision {
        " (revised upward day by day)"
    } else {
        ""
    };
    (format!("{label}{about}{span}{revised}"), revision)
}

/// The figure with up to `words` words on each side, as written, with "…" where the sentence
/// goes on.
fn excerpt(text: &str, span: Span, words: usize) -> String {
    let before = &text[..span.start];
    let after = &text[span.end..];
    // Walk back from the figure to the start of the `words`-th word before it (0 when there
    // are fewer), and on from it to the end of the `words`-th word after: an excerpt costs
    // its own length, not the sentence's.
    let mut from = 0;
    let mut seen = 0;
    let mut back = before.char_indices().rev().peekable();
    while let Some((i, c)) = back.next() {
        if !c.is_whitespace() && back.peek().is_none_or(|&(_, p)| p.is_whitespace()) {
            seen += 1;
            if seen == words {
                from = i;
                break;
            }
        }
    }
    let mut to = after.len();
    let mut seen = 0;
    let mut in_word = false;
    for (i, c) in after.char_indices() {
        if c.is_whitespace() {
            if in_word {
                seen += 1;
                if seen == words {
                    to = i;
                    break;
                }
            }
            in_word = false;
        } else {
            in_word = true;
        }
    }
    let mut out = String::new();
    if !before[..from].trim().is_empty() {
        out.push_str("… ");
    }
    out.push_str(before[from..].trim_start());
    out.push_str(span.slice(text));
    out.push_str(after[..to].trim_end());
    if !after[to..].trim().is_empty() {
        out.push_str(" …");
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn amount(amount: &str, value: f64, dates: &[&str]) -> FigureAmount {
        FigureAmount {
            amount: amount.to_string(),
            cited: dates
                .iter()
                .map(|d| FigureRow {
                    citation: Citation {
                        article: 1,
                        source: "s".into(),
                        date: Some(d.to_string()),
                        doc: "d".into(),
                        sentence: 0,
                    },
                    label: "killed".into(),
                    amount: amount.to_string(),
                    value: Some(value),
                    arabic: String::new(),
                    excerpt: String::new(),
                })
                .collect(),
        }
    }

    #[test]
    fn a_toll_rising_day_by_day_is_a_revision_and_the_question_names_it() {
        let rising = [
            amount("12", 12.0, &["2015-08-06 10:00"]),
            amount("15", 15.0, &["2015-08-07 09:00", "2015-08-08"]),
        ];
        let (asked, revision) = question("killed", &rising, &["Abha".to_string()]);
        assert!(revision);
        assert_eq!(
            asked,
            "killed — Abha (2015-08-06 to 2015-08-08) (revised upward day by day)"
        );
        // Two sources on one day disagree; a later smaller toll is no revision either.
        let same_day = [
            amount("12", 12.0, &["2015-08-06"]),
            amount("15", 15.0, &["2015-08-06"]),
        ];
        assert!(!question("killed", &same_day, &[]).1);
        let falling = [
            amount("15", 15.0, &["2015-08-06"]),
            amount("12", 12.0, &["2015-08-07"]),
        ];
        assert!(!question("killed", &falling, &[]).1);
    }

    #[test]
    fn amounts_apart_only_by_rounding_or_qualifier_are_one_figure() {
        let rounding = [
            amount("945 million", 945e6, &["2015-08-02"]),
            amount("945.4 million", 945.4e6, &["2015-08-03"]),
        ];
        assert!(rounded_alike(&rounding));
        let qualified = [
            amount("140,000", 140e3, &["2015-08-03"]),
            amount("about 140,000", 140e3, &["2015-08-04"]),
        ];
        assert!(rounded_alike(&qualified));
        let apart = [
            amount("160", 160.0, &["2022-01-10"]),
            amount("at least 164", 164.0, &["2022-01-09"]),
        ];
        assert!(!rounded_alike(&apart));
    }

    #[test]
    fn excerpts_keep_a_few_words_around_the_figure() {
        let text = "أعلنت الوزارة اليوم في بيان رسمي اعتقال 200 شخص في المدينة خلال الليلة الماضية";
        let start = text.find("200").unwrap();
        let e = excerpt(text, Span::new(start, start + 3), 2);
        assert_eq!(e, "… رسمي اعتقال 200 شخص في …");
        let text = "وجرح 317.";
        let start = text.find("317").unwrap();
        assert_eq!(excerpt(text, Span::new(start, start + 3), 4), "وجرح 317.");
    }
}
