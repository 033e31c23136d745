//! Facts (clusters of aligned sentences, ranked by how many sources report them, with their
//! variants and what the variants change) and the single-source sentences worth a look.

use super::build::{Builder, round3};
use super::context::*;
use super::shown::shown;
use super::translations::hash_hex;
use crate::review::{CalloutKind, Verdict};
use std::collections::{HashMap, HashSet};

/// Words of a clause shown in a difference before it is cut with "…".
const CLAUSE_WORDS: usize = 12;

/// A fact's cluster, distinct sources, articles and glossary entries: what ranks it.
pub(super) type Ranked = (usize, usize, usize, usize);

impl Builder<'_> {
    /// A sentence as the briefing shows it: Arabic, its terms and figures, its English.
    pub(super) fn line(&self, s: usize, cluster: &[usize]) -> Line {
        let text = self.inputs.sentences[s].text;
        let found = &self.found[s];
        let terms = found
            .hits
            .iter()
            .map(|h| {
                let entry = &self.inputs.glossary.terms[h.entry];
                TermRef {
                    ar: shown(&entry.ar),
                    en: shown(&entry.en),
                    kind: entry.kind.as_deref().map(shown),
                    surface: shown(h.span.slice(text)),
                }
            })
            .collect();
        let figures = found
            .figures
            .iter()
            .map(|f| FigureRef {
                label: f.label(),
                amount: f.amount(),
                arabic: shown(f.span.slice(text)),
            })
            .collect();
        Line {
            citation: self.citation(s),
            arabic: shown(text),
            hash: hash_hex(found.hash),
            english: self.english(s, cluster),
            terms,
            figures,
        }
    }

    /// What a fact is about, for its heading: the people, organisations, places and events
    /// its main sentence names (at most three), else its first terms.
    fn topics(&self, s: usize) -> Vec<String> {
        let glossary = self.inputs.glossary;
        let named = |wanted: bool| {
            let mut topics: Vec<String> = Vec::new();
            for h in &self.found[s].hits {
                let entry = &glossary.terms[h.entry];
                let is_name = entry.is_name();
                let en = shown(&entry.en);
                if is_name == wanted && !topics.contains(&en) {
                    topics.push(en);
                }
            }
            topics
        };
        let mut topics = named(true);
        if topics.is_empty() {
            topics = named(false);
        }
        topics.truncate(3);
        topics
    }

    fn source_key(&self, s: usize) -> &str {
        let article = &self.articles[self.inputs.sentences[s].doc];
        article.outlet.as_deref().unwrap_or(&article.id)
    }

    fn distinct_entries(&self, members: &[usize]) -> usize {
        members
            .iter()
            .flat_map(|&s| self.found[s].hits.iter().map(|h| h.entry))
            .collect::<HashSet<_>>()
            .len()
    }

    /// Every fact (cluster), ranked, as (cluster, sources, articles, weight).
    pub(super) fn ranked_facts(&self) -> Vec<Ranked> {
        let alignment = self.inputs.alignment;
        let mut ranked: Vec<Ranked> = alignment
            .clusters
            .iter()
            .enumerate()
            .map(|(c, members)| {
                let sources: HashSet<&str> = members.iter().map(|&s| self.source_key(s)).collect();
                let articles: HashSet<usize> = members
                    .iter()
                    .map(|&s| self.inputs.sentences[s].doc)
                    .collect();
                (
                    c,
                    sources.len(),
                    articles.len(),
                    self.distinct_entries(members),
                )
            })
            .collect();
        // Clusters come in order of their first sentence, so a stable sort keeps ties in
        // reading order.
        ranked.sort_by(|x, y| y.1.cmp(&x.1).then(y.2.cmp(&x.2)).then(y.3.cmp(&x.3)));
        ranked
    }

    /// The facts of `ranked` (each with its 1-based rank among all facts), built.
    pub(super) fn build_facts(&self, ranked: impl Iterator<Item = (usize, Ranked)>) -> Vec<Fact> {
        let alignment = self.inputs.alignment;
        let reviews = self.inputs.reviews;
        let mut pairs_of: HashMap<usize, Vec<&crate::align::Pair>> = HashMap::new();
        for p in &alignment.pairs {
            pairs_of.entry(p.cluster).or_default().push(p);
        }
        ranked
            .map(|(rank, (c, sources, articles, weight))| {
                let members = &alignment.clusters[c];
                let main = self.main_sentence(members);
                let main_text = self.inputs.sentences[main].text;
                let mut differences = Vec::new();
                let variants: Vec<Variant> = members
                    .iter()
                    .filter(|&&s| s != main)
                    .map(|&s| {
                        let diff = crate::review::diff(
                            main_text,
                            self.inputs.sentences[s].text,
                            Some(self.inputs.matcher),
                        );
                        for callout in diff.callouts {
                            differences.push(Difference {
                                kind: match callout.kind {
                                    CalloutKind::Figure => "figure",
                                    CalloutKind::Spelling => "spelling",
                                    CalloutKind::Clause => "clause",
                                },
                                main: shown(&clip(&callout.a, CLAUSE_WORDS)),
                                other: shown(&clip(&callout.b, CLAUSE_WORDS)),
                                source: self.citation(s),
                            });
                        }
                        Variant {
                            line: self.line(s, members),
                            similarity: self.score(main, s).map(round3),
                            partial: self.is_partial(main, s),
                        }
                    })
                    .collect();
                let pairs = pairs_of.get(&c).map_or(&[][..], Vec::as_slice);
                let accepted = pairs
                    .iter()
                    .filter(|p| reviews.get(&p.id).and_then(|d| d.verdict) == Some(Verdict::Accept))
                    .count();
                let pending = pairs
                    .iter()
                    .filter(|p| reviews.get(&p.id).and_then(|d| d.verdict).is_none())
                    .count();
                let mut cited = vec![self.citation(main)];
                cited.extend(variants.iter().map(|v| v.line.citation.clone()));
                Fact {
                    rank,
                    topics: self.topics(main),
                    sources,
                    articles,
                    weight,
                    main: self.line(main, members),
                    variants,
                    cited,
                    differences,
                    review: FactReview {
                        pairs: pairs.len(),
                        accepted,
                        pending,
                        pair_ids: pairs.iter().map(|p| p.id.clone()).collect(),
                    },
                }
            })
            .collect()
    }

    /// The sentence that stands for a fact: the first with a desk translation, else the one
    /// with the highest total similarity to the others (the earliest on a tie).
    fn main_sentence(&self, members: &[usize]) -> usize {
        if let Some(&s) = members
            .iter()
            .find(|&&s| self.inputs.translations.get(self.found[s].hash).is_some())
        {
            return s;
        }
        let total = |s: usize| -> f64 {
            members
                .iter()
                .filter_map(|&o| (o != s).then(|| self.score(s, o)).flatten())
                .sum()
        };
        let mut best = members[0];
        let mut best_total = total(best);
        for &s in &members[1..] {
            let t = total(s);
            if t > best_total + 1e-9 {
                best = s;
                best_total = t;
            }
        }
        best
    }

    /// The `top` single-source sentences with glossary terms (lines built only for those),
    /// and how many there are.
    pub(super) fn single_source(&self, top: usize) -> (Vec<Line>, usize) {
        let clustered: HashSet<usize> = self
            .inputs
            .alignment
            .clusters
            .iter()
            .flatten()
            .copied()
            .collect();
        let mut candidates: Vec<(usize, usize)> = (0..self.inputs.sentences.len())
            .filter(|s| !clustered.contains(s) && !self.found[*s].hits.is_empty())
            .map(|s| (s, self.distinct_entries(&[s]) + self.found[s].figures.len()))
            .collect();
        candidates.sort_by_key(|c| std::cmp::Reverse(c.1));
        let total = candidates.len();
        let lines = candidates
            .into_iter()
            .take(top)
            .map(|(s, _)| self.line(s, &[]))
            .collect();
        (lines, total)
    }
}

fn clip(text: &str, words: usize) -> String {
    let mut parts = text.split_whitespace();
    let head: Vec<&str> = parts.by_ref().take(words).collect();
    let mut out = head.join(" ");
    if parts.next().is_some() {
        out.push_str(" …");
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn clauses_are_clipped() {
        assert_eq!(clip("a b c d", 2), "a b …");
        assert_eq!(clip("a b", 2), "a b");
    }
}
