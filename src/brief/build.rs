//! From the stages' outputs to the briefing's context: facts ranked, English chosen, figures
//! compared, terms indexed.

use super::context::*;
use super::translations::{Translations, hash_hex};
use crate::align::{Alignment, Sentence, sentence_hash};
use crate::corpus::Corpus;
use crate::figures::{self, Figure};
use crate::glossary::{Glossary, Hit, Matcher};
use crate::review::{CalloutKind, Reviews, Verdict};
use crate::text::bidi::make_visible;
use crate::text::span::Span;
use std::collections::{BTreeMap, BTreeSet, HashMap, HashSet};

/// What the briefing is built from: every stage's output, computed by the caller.
pub struct Inputs<'a> {
    pub corpus: &'a Corpus,
    /// Sentences per document, as `text::segment_from` gives them (for counts).
    pub segmented: &'a [Vec<crate::text::Sentence>],
    /// The sentences that were aligned (headlines and body), as `align::align` saw them.
    pub sentences: &'a [Sentence<'a>],
    pub alignment: &'a Alignment,
    pub glossary: &'a Glossary,
    pub matcher: &'a Matcher,
    pub reviews: &'a Reviews,
    pub translations: &'a Translations,
}

#[derive(Debug, Clone)]
pub struct Options {
    /// The title; `None` for one made from the most reported places and events.
    pub title: Option<String>,
    /// How many facts (and single-source sentences) to show.
    pub top: usize,
    pub threshold: f64,
}

/// Words of a clause shown in a difference before it is cut with "…".
const CLAUSE_WORDS: usize = 12;
/// Words on each side of a figure in its excerpt.
const EXCERPT_WORDS: usize = 4;

/// What each aligned sentence carries, found once.
struct Found {
    hits: Vec<Hit>,
    figures: Vec<Figure>,
    hash: u64,
}

pub fn build(inputs: &Inputs<'_>, options: &Options) -> Briefing {
    build_with_progress(inputs, options, &|| {})
}

/// [`build`], calling `sentence_done` (from any thread) as each sentence's terms and figures
/// are found: the long part, for a progress bar.
pub fn build_with_progress(
    inputs: &Inputs<'_>,
    options: &Options,
    sentence_done: &(dyn Fn() + Sync),
) -> Briefing {
    let Inputs {
        corpus,
        sentences,
        alignment,
        glossary,
        matcher,
        reviews,
        translations,
        ..
    } = *inputs;
    let found: Vec<Found> = crate::parallel::map(sentences, |s| {
        let found = Found {
            hits: matcher.find(s.text),
            figures: figures::extract(s.text),
            hash: sentence_hash(s.text),
        };
        sentence_done();
        found
    });
    let articles = self::articles(inputs);
    let builder = Builder {
        inputs,
        articles: &articles,
        found: &found,
        scores: alignment
            .pairs
            .iter()
            .map(|p| ((p.a.min(p.b), p.a.max(p.b)), p.score))
            .collect(),
    };

    let mut translations_used = HashSet::new();
    let (mut facts, total_facts) = builder.facts(options.top);
    for (i, fact) in facts.iter_mut().enumerate() {
        fact.rank = i + 1;
    }
    let (single, total_single) = builder.single_source(options.top);
    for line in facts
        .iter()
        .flat_map(|f| std::iter::once(&f.main).chain(f.variants.iter().map(|v| &v.line)))
        .chain(&single)
    {
        if line.english.origin == "desk" {
            translations_used.insert(line.hash.clone());
        }
    }

    let figure_rows = builder.figure_rows();
    let stories = builder.stories();
    let mut figures_differ = builder.figures_differ(&figure_rows, &stories);
    let total_differ = figures_differ.len();
    figures_differ.truncate(options.top);
    let cited = facts
        .iter()
        .flat_map(|f| f.cited.iter())
        .chain(single.iter().map(|l| &l.citation))
        .chain(figures_differ.iter().flat_map(|d| {
            d.amounts
                .iter()
                .flat_map(|a| a.cited.iter().map(|r| &r.citation))
        }))
        .map(|c| c.article)
        .collect::<HashSet<usize>>();
    let terms = builder.terms();
    let review = review_summary(alignment, reviews, &found);
    let mut articles = articles;
    for article in &mut articles {
        article.cited = cited.contains(&article.number);
        article.story = stories.of_article[article.number - 1] + 1;
    }
    let mut notes: Vec<String> = corpus.warnings.iter().map(|w| w.to_string()).collect();
    notes.extend(translations.warnings.iter().map(|w| w.to_string()));

    Briefing {
        title: options
            .title
            .clone()
            .unwrap_or_else(|| default_title(&terms, glossary)),
        period: period(&articles),
        generator: format!("mizan {}", env!("CARGO_PKG_VERSION")),
        threshold: options.threshold,
        counts: Counts {
            articles: articles.len(),
            sentences: sentences.len(),
            facts: total_facts,
            single_source: total_single,
            pairs: alignment.pairs.len(),
            terms: terms.len(),
            figures: figure_rows.len(),
            figures_differ: total_differ,
            stories: stories.count(),
            translations: translations.len(),
            translations_used: translations_used.len(),
        },
        outlets: outlets(&articles),
        articles,
        facts,
        single_source: single,
        figures_differ,
        figures: figure_rows,
        terms,
        review,
        notes,
    }
}

struct Builder<'a> {
    inputs: &'a Inputs<'a>,
    articles: &'a [Article],
    found: &'a [Found],
    /// Direct pair scores by (smaller, larger) sentence index.
    scores: HashMap<(usize, usize), f64>,
}

impl Builder<'_> {
    fn citation(&self, s: usize) -> Citation {
        let sentence = &self.inputs.sentences[s];
        let article = &self.articles[sentence.doc];
        Citation {
            article: article.number,
            source: article.source.clone(),
            date: article.date.clone(),
            doc: article.id.clone(),
            sentence: sentence.index,
        }
    }

    fn score(&self, a: usize, b: usize) -> Option<f64> {
        self.scores.get(&(a.min(b), a.max(b))).copied()
    }

    fn line(&self, s: usize, cluster: &[usize]) -> Line {
        let text = self.inputs.sentences[s].text;
        let found = &self.found[s];
        let terms = found
            .hits
            .iter()
            .map(|h| {
                let entry = &self.inputs.glossary.terms[h.entry];
                TermRef {
                    ar: shown(&entry.ar),
                    en: entry.en.clone(),
                    kind: entry.kind.clone(),
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

    /// Best first: the desk's translation, one of an aligned near-duplicate, a gloss.
    fn english(&self, s: usize, cluster: &[usize]) -> English {
        let translations = self.inputs.translations;
        if let Some(t) = translations.get(self.found[s].hash) {
            return English {
                text: t.en.clone(),
                origin: "desk",
                similarity: None,
                from: None,
                by: t.by.clone(),
            };
        }
        let nearest = cluster
            .iter()
            .filter(|&&o| o != s)
            .filter_map(|&o| Some((o, self.score(s, o)?, translations.get(self.found[o].hash)?)))
            .max_by(|x, y| x.1.total_cmp(&y.1).then(y.0.cmp(&x.0)));
        if let Some((o, score, t)) = nearest {
            return English {
                text: t.en.clone(),
                origin: "near_duplicate",
                similarity: Some(round3(score)),
                from: Some(self.citation(o)),
                by: t.by.clone(),
            };
        }
        let gloss = self.gloss(s);
        English {
            origin: if gloss.is_empty() { "none" } else { "gloss" },
            text: gloss,
            similarity: None,
            from: None,
            by: None,
        }
    }

    /// The glossary's English for the terms found, in the sentence's order (a term found
    /// twice in a row is said once).
    fn gloss(&self, s: usize) -> String {
        let mut words: Vec<&str> = Vec::new();
        for h in &self.found[s].hits {
            let en = self.inputs.glossary.terms[h.entry].en.as_str();
            if words.last() != Some(&en) {
                words.push(en);
            }
        }
        words.join(" · ")
    }

    /// What a fact is about, for its heading: the people, organisations, places and events
    /// its main sentence names (at most three), else its first terms.
    fn topics(&self, s: usize) -> Vec<String> {
        let glossary = self.inputs.glossary;
        let named = |wanted: bool| {
            let mut topics: Vec<String> = Vec::new();
            for h in &self.found[s].hits {
                let entry = &glossary.terms[h.entry];
                let is_name = matches!(
                    entry.kind.as_deref(),
                    Some("person" | "org" | "place" | "event")
                );
                if is_name == wanted && !topics.contains(&entry.en) {
                    topics.push(entry.en.clone());
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

    /// The `top` facts, ranked (facts are built only for those shown), and how many there are.
    fn facts(&self, top: usize) -> (Vec<Fact>, usize) {
        let alignment = self.inputs.alignment;
        let reviews = self.inputs.reviews;
        let mut ranked: Vec<(usize, usize, usize, usize)> = alignment
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
        let total = ranked.len();
        ranked.truncate(top);
        let mut pairs_of: HashMap<usize, Vec<&crate::align::Pair>> = HashMap::new();
        for p in &alignment.pairs {
            pairs_of.entry(p.cluster).or_default().push(p);
        }
        let facts = ranked
            .into_iter()
            .map(|(c, sources, articles, weight)| {
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
                    rank: 0,
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
            .collect();
        (facts, total)
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
    fn single_source(&self, top: usize) -> (Vec<Line>, usize) {
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

    fn figure_rows(&self) -> Vec<FigureRow> {
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

    /// The story of each article (stories.rs): facts and shared rare names link articles.
    fn stories(&self) -> super::stories::Stories {
        let sentences = self.inputs.sentences;
        let facts: Vec<Vec<usize>> = self
            .inputs
            .alignment
            .clusters
            .iter()
            .map(|members| {
                let docs: BTreeSet<usize> = members.iter().map(|&s| sentences[s].doc).collect();
                docs.into_iter().collect()
            })
            .collect();
        let mut names: Vec<BTreeSet<usize>> = vec![BTreeSet::new(); self.articles.len()];
        for (s, found) in self.found.iter().enumerate() {
            for h in &found.hits {
                let kind = self.inputs.glossary.terms[h.entry].kind.as_deref();
                if matches!(kind, Some("person" | "org" | "place" | "event")) {
                    names[sentences[s].doc].insert(h.entry);
                }
            }
        }
        let names: Vec<Vec<usize>> = names.into_iter().map(|n| n.into_iter().collect()).collect();
        super::stories::stories(self.articles.len(), &facts, &names)
    }

    /// Figures that differ about the same thing within one story, the stories with the most
    /// articles involved first.
    fn figures_differ(
        &self,
        rows: &[FigureRow],
        stories: &super::stories::Stories,
    ) -> Vec<FigureDisagreement> {
        let mut by_story: BTreeMap<usize, (Vec<Figure>, Vec<usize>)> = BTreeMap::new();
        let mut row = 0;
        for (s, found) in self.found.iter().enumerate() {
            let story = stories.of_article[self.inputs.sentences[s].doc];
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

    fn terms(&self) -> Vec<Term> {
        struct Seen {
            articles: BTreeSet<usize>,
            occurrences: usize,
            spellings: BTreeSet<String>,
        }
        let mut seen: BTreeMap<usize, Seen> = BTreeMap::new();
        for (s, found) in self.found.iter().enumerate() {
            let sentence = &self.inputs.sentences[s];
            for h in &found.hits {
                let entry = seen.entry(h.entry).or_insert_with(|| Seen {
                    articles: BTreeSet::new(),
                    occurrences: 0,
                    spellings: BTreeSet::new(),
                });
                entry.articles.insert(self.articles[sentence.doc].number);
                entry.occurrences += 1;
                entry.spellings.insert(shown(h.core.slice(sentence.text)));
            }
        }
        let glossary = self.inputs.glossary;
        let mut terms: Vec<Term> = seen
            .into_iter()
            .map(|(e, seen)| {
                let entry = &glossary.terms[e];
                Term {
                    ar: shown(&entry.ar),
                    en: entry.en.clone(),
                    kind: entry.kind.clone(),
                    note: entry.note.clone(),
                    articles: seen.articles.into_iter().collect(),
                    occurrences: seen.occurrences,
                    spellings: seen.spellings.into_iter().collect(),
                }
            })
            .collect();
        terms.sort_by(|x, y| {
            y.articles
                .len()
                .cmp(&x.articles.len())
                .then(y.occurrences.cmp(&x.occurrences))
                .then_with(|| x.en.cmp(&y.en))
        });
        terms
    }
}

fn articles(inputs: &Inputs<'_>) -> Vec<Article> {
    inputs
        .corpus
        .documents
        .iter()
        .zip(inputs.segmented)
        .enumerate()
        .map(|(i, (doc, segments))| {
            let file = std::path::Path::new(&doc.id)
                .file_name()
                .map_or_else(|| doc.id.clone(), |n| n.to_string_lossy().into_owned());
            let outlet = doc.meta.outlet.as_deref().map(shown);
            Article {
                number: i + 1,
                id: shown(&doc.id),
                source: outlet.clone().unwrap_or_else(|| shown(&file)),
                file: shown(&file),
                outlet,
                date: doc.meta.date.as_deref().map(shown),
                title: doc.meta.title.as_deref().map(shown),
                sentences: segments.len(),
                cited: false,
                story: 0,
            }
        })
        .collect()
}

/// Articles per outlet, most first.
fn outlets(articles: &[Article]) -> Vec<Outlet> {
    let mut counts: BTreeMap<&str, usize> = BTreeMap::new();
    for a in articles {
        *counts.entry(a.outlet.as_deref().unwrap_or("")).or_default() += 1;
    }
    let mut outlets: Vec<Outlet> = counts
        .into_iter()
        .map(|(name, articles)| Outlet {
            name: (!name.is_empty()).then(|| name.to_string()),
            articles,
        })
        .collect();
    outlets.sort_by_key(|o| std::cmp::Reverse(o.articles));
    outlets
}

fn period(articles: &[Article]) -> Option<Period> {
    let dates: BTreeSet<&str> = articles.iter().filter_map(|a| a.date.as_deref()).collect();
    Some(Period {
        from: (*dates.first()?).to_string(),
        to: (*dates.last()?).to_string(),
    })
}

/// "Briefing: Kazakhstan, Almaty": the places and events most articles name.
fn default_title(terms: &[Term], _glossary: &Glossary) -> String {
    let names: Vec<&str> = terms
        .iter()
        .filter(|t| matches!(t.kind.as_deref(), Some("place" | "event")))
        .take(2)
        .map(|t| t.en.as_str())
        .collect();
    if names.is_empty() {
        "Briefing".to_string()
    } else {
        format!("Briefing: {}", names.join(", "))
    }
}

fn review_summary(alignment: &Alignment, reviews: &Reviews, found: &[Found]) -> ReviewSummary {
    let verdict = |id: &str| reviews.get(id).and_then(|d| d.verdict);
    let accepted = alignment
        .pairs
        .iter()
        .filter(|p| verdict(&p.id) == Some(Verdict::Accept))
        .count();
    let pending = alignment
        .pairs
        .iter()
        .filter(|p| verdict(&p.id).is_none())
        .count();
    let present: HashSet<u64> = found.iter().map(|f| f.hash).collect();
    let rejected = reviews
        .decisions
        .iter()
        .filter(|d| d.verdict == Some(Verdict::Reject))
        .filter(|d| match (&d.a, &d.b) {
            (Some(a), Some(b)) => {
                present.contains(&sentence_hash(a)) && present.contains(&sentence_hash(b))
            }
            _ => false,
        })
        .count();
    ReviewSummary {
        pairs: alignment.pairs.len(),
        accepted,
        rejected,
        pending,
        decisions: reviews.decisions.len(),
    }
}

/// Article text as shown: white space collapsed (a sentence is one table cell), bidi
/// reordering controls made visible (`⟨U+202E⟩`), so no input can reorder what the reader
/// sees, and invisible characters that only hide things (zero-width space, joiners, word
/// joiner, BOM, the Arabic letter mark) dropped.
pub fn shown(text: &str) -> String {
    let visible = make_visible(text);
    let mut out = String::with_capacity(visible.len());
    for word in visible.split_whitespace() {
        let mut kept = word.chars().filter(|c| !is_hiding_invisible(*c)).peekable();
        if kept.peek().is_none() {
            continue;
        }
        if !out.is_empty() {
            out.push(' ');
        }
        out.extend(kept);
    }
    out
}

fn is_hiding_invisible(c: char) -> bool {
    matches!(
        c,
        '\u{061C}' | '\u{200B}' | '\u{200C}' | '\u{200D}' | '\u{2060}' | '\u{FEFF}'
    )
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

/// The figure with up to `words` words on each side, as written, with "…" where the sentence
/// goes on.
fn excerpt(text: &str, span: Span, words: usize) -> String {
    let before = &text[..span.start];
    let after = &text[span.end..];
    // Word starts before the figure, nearest first; word ends after it, nearest first.
    let starts: Vec<usize> = before
        .char_indices()
        .filter(|&(i, c)| {
            !c.is_whitespace()
                && before[..i]
                    .chars()
                    .next_back()
                    .is_none_or(char::is_whitespace)
        })
        .map(|(i, _)| i)
        .collect();
    let from = starts
        .len()
        .checked_sub(words)
        .map_or(0, |k| starts.get(k).copied().unwrap_or(0));
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

fn round3(x: f64) -> f64 {
    (x * 1000.0).round() / 1000.0
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn shown_text_is_one_line_and_cannot_reorder() {
        assert_eq!(
            shown("قال\n  المتحدث\t\u{202E}سرا"),
            "قال المتحدث ⟨U+202E⟩سرا"
        );
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

    #[test]
    fn clauses_are_clipped() {
        assert_eq!(clip("a b c d", 2), "a b …");
        assert_eq!(clip("a b", 2), "a b");
    }
}
