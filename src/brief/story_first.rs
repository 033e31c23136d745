//! The story-first briefing: when the input holds several stories reported by
//! [`STORY_OUTLETS`] outlets or more, the briefing opens with them, each with its own key
//! facts, figures that differ and terms; the facts of no shown story follow.

use super::build::{Builder, Options, STORY_OUTLETS};
use super::context::*;
use super::facts::Ranked;
use super::shown::shown;
use std::collections::{BTreeMap, HashSet};

impl Builder<'_> {
    /// The stories (indices in rank order) that open the briefing: none unless two or more
    /// are reported by [`STORY_OUTLETS`] outlets.
    pub(super) fn shown_stories(&self, options: &Options) -> Vec<usize> {
        let Some((stories, _)) = self.inputs.stories else {
            return Vec::new();
        };
        let worth: Vec<usize> = (0..stories.stories.len())
            .filter(|&s| stories.stories[s].outlets >= STORY_OUTLETS)
            .take(options.top_stories)
            .collect();
        if worth.len() >= 2 { worth } else { Vec::new() }
    }

    /// The story most of a fact's articles are in (more than half of them), if any.
    fn story_of_fact(&self, cluster: usize, of_article: &[usize]) -> Option<usize> {
        let docs: HashSet<usize> = self.inputs.alignment.clusters[cluster]
            .iter()
            .map(|&s| self.inputs.sentences[s].doc)
            .collect();
        let mut counts: BTreeMap<usize, usize> = BTreeMap::new();
        for d in &docs {
            *counts.entry(of_article[*d]).or_default() += 1;
        }
        let (&story, &n) = counts.iter().max_by_key(|(_, n)| **n)?;
        (n * 2 > docs.len()).then_some(story)
    }

    /// Each shown story with its facts and figures, then the facts of no shown story (at most
    /// `--top`) and how many of those there are.
    pub(super) fn story_briefs(
        &self,
        shown_stories: &[usize],
        ranked: &[Ranked],
        differ: &[FigureDisagreement],
        options: &Options,
    ) -> (Vec<StoryBrief>, Vec<Fact>, usize) {
        let Some((stories, summaries)) = self.inputs.stories else {
            return (Vec::new(), Vec::new(), 0);
        };
        if shown_stories.is_empty() {
            return (Vec::new(), Vec::new(), 0);
        }
        let fact_story: Vec<Option<usize>> = ranked
            .iter()
            .map(|r| self.story_of_fact(r.0, &stories.of_article))
            .collect();
        let briefs = shown_stories
            .iter()
            .map(|&s| {
                let story = &stories.stories[s];
                let summary = &summaries[s];
                let own: Vec<(usize, Ranked)> = ranked
                    .iter()
                    .enumerate()
                    .filter(|(i, _)| fact_story[*i] == Some(s))
                    .map(|(i, r)| (i + 1, *r))
                    .collect();
                let facts_total = own.len();
                let facts = self.build_facts(own.into_iter().take(options.story_facts));
                let own_differ: Vec<FigureDisagreement> = differ
                    .iter()
                    .filter(|d| d.story == s + 1)
                    .cloned()
                    .collect();
                let figures_differ_total = own_differ.len();
                let mut outlets: BTreeMap<&str, usize> = BTreeMap::new();
                for &a in &story.articles {
                    let article = &self.articles[a];
                    *outlets
                        .entry(article.outlet.as_deref().unwrap_or(&article.file))
                        .or_default() += 1;
                }
                let mut outlets: Vec<Outlet> = outlets
                    .into_iter()
                    .map(|(name, articles)| Outlet {
                        name: Some(name.to_string()),
                        articles,
                    })
                    .collect();
                outlets.sort_by_key(|o| std::cmp::Reverse(o.articles));
                StoryBrief {
                    id: summary.id.clone(),
                    rank: s + 1,
                    title: shown(&summary.title),
                    outlets,
                    articles: story.articles.len(),
                    first_date: summary.first_date.as_deref().map(shown),
                    last_date: summary.last_date.as_deref().map(shown),
                    terms: summary.terms.iter().map(|t| shown(t)).collect(),
                    facts,
                    facts_total,
                    figures_differ: own_differ.into_iter().take(options.story_facts).collect(),
                    figures_differ_total,
                    article_numbers: story.articles.iter().map(|&a| a + 1).collect(),
                }
            })
            .collect();
        let other: Vec<(usize, Ranked)> = ranked
            .iter()
            .enumerate()
            .filter(|(i, _)| fact_story[*i].is_none_or(|s| !shown_stories.contains(&s)))
            .map(|(i, r)| (i + 1, *r))
            .collect();
        let total_other = other.len();
        let other_facts = self.build_facts(other.into_iter().take(options.top));
        (briefs, other_facts, total_other)
    }
}
