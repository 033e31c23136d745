//! The figures of the briefing: every figure found, and those that differ about the same thing
//! within one story (compared by `crate::figures`).

use super::build::Builder;
use super::context::*;
use super::shown::shown;
use super::stories::Stories;
use crate::figures::{self, Figure};
use crate::text::span::Span;
use std::collections::{BTreeMap, HashSet};

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

    /// Figures that differ about the same thing within one story, the stories with the most
    /// articles involved first.
    pub(super) fn figures_differ(
        &self,
        rows: &[FigureRow],
        story_of: &[usize],
        stories: &Stories,
    ) -> Vec<FigureDisagreement> {
        let mut by_story: BTreeMap<usize, (Vec<Figure>, Vec<usize>)> = BTreeMap::new();
        let mut row = 0;
        for (s, found) in self.found.iter().enumerate() {
            let story = story_of[self.inputs.sentences[s].doc];
            for f in &found.figures {
                let (figures, indices) = by_story.entry(story).or_default();
                figures.push(f.clone());
                indices.push(row);
                row += 1;
            }
        }
        let mut differ: Vec<FigureDisagreement> = Vec::new();
        for (story, (figures, indices)) in by_story {
            for d in figures::disagreements(&figures) {
                let article_of = |i: usize| rows[indices[i]].citation.article - 1;
                // An amount stays when an article giving it is the same as, or linked to, one
                // giving another amount: two figures are set against each other only then.
                let kept: Vec<&(String, Vec<usize>)> = d
                    .amounts
                    .iter()
                    .enumerate()
                    .filter(|(k, (_, at))| {
                        d.amounts.iter().enumerate().any(|(j, (_, other))| {
                            j != *k
                                && at.iter().any(|&x| {
                                    other
                                        .iter()
                                        .any(|&y| stories.linked(article_of(x), article_of(y)))
                                })
                        })
                    })
                    .map(|(_, amount)| amount)
                    .collect();
                if kept.len() < 2 {
                    continue;
                }
                let amounts: Vec<FigureAmount> = kept
                    .into_iter()
                    .map(|(amount, at)| FigureAmount {
                        amount: amount.clone(),
                        cited: at.iter().map(|&i| rows[indices[i]].clone()).collect(),
                    })
                    .collect();
                let articles = amounts
                    .iter()
                    .flat_map(|a| a.cited.iter().map(|r| r.citation.article))
                    .collect::<HashSet<_>>()
                    .len();
                differ.push(FigureDisagreement {
                    label: d.label,
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
