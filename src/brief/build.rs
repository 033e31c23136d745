//! From the stages' outputs to the briefing's context: every sentence's terms and figures
//! found once, then the parts built from them (facts.rs, english.rs, figures.rs, terms.rs) and
//! put together with the articles, outlets and review counts.

use super::context::*;
use super::shown::shown;
use super::terms::default_title;
use super::translations::Translations;
use crate::align::{Alignment, Sentence, sentence_hash};
use crate::corpus::Corpus;
use crate::figures::{self, Figure};
use crate::glossary::{Glossary, Hit, Matcher};
use crate::review::{Reviews, Verdict};
use crate::text::bidi::shown_name;
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
    /// The stories stage's stories of these articles and their summaries, in rank order
    /// (`None`: the input is briefed as one story, as before stories existed).
    pub stories: Option<(
        &'a crate::stories::Stories,
        &'a [crate::stories::summary::Summary],
    )>,
}

#[derive(Debug, Clone)]
pub struct Options {
    /// The title; `None` for one made from the most reported places and events.
    pub title: Option<String>,
    /// How many facts (and single-source sentences) to show.
    pub top: usize,
    pub threshold: f64,
    /// At most this many stories open the briefing (see [`STORY_OUTLETS`]).
    pub top_stories: usize,
    /// Facts, and figure topics that differ, shown under each story.
    pub story_facts: usize,
}

/// A story is worth opening the briefing with when this many distinct outlets report it; the
/// briefing is story-first when at least two are. Fewer, and the input is one story (a folder
/// on one event), briefed as before: a clustering of four articles is no news.
pub const STORY_OUTLETS: usize = 3;

impl Default for Options {
    fn default() -> Self {
        Options {
            title: None,
            top: 20,
            threshold: crate::align::Options::default().threshold,
            top_stories: 10,
            story_facts: 5,
        }
    }
}

/// What each aligned sentence carries, found once.
pub(super) struct Found {
    pub(super) hits: Vec<Hit>,
    pub(super) figures: Vec<Figure>,
    pub(super) hash: u64,
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
    let by_hash: HashMap<u64, usize> = found
        .iter()
        .enumerate()
        .rev()
        .map(|(s, f)| (f.hash, s))
        .collect();
    let memory = crate::translate::Memory::new(translations, |h| {
        by_hash.get(&h).map(|&s| sentences[s].text)
    });
    let builder = Builder {
        inputs,
        articles: &articles,
        found: &found,
        memory: &memory,
        by_hash: &by_hash,
        scores: alignment
            .pairs
            .iter()
            .map(|p| ((p.a.min(p.b), p.a.max(p.b)), p.score))
            .collect(),
        partials: alignment
            .pairs
            .iter()
            .filter(|p| p.relation == crate::align::Relation::Partial)
            .map(|p| (p.a.min(p.b), p.a.max(p.b)))
            .collect(),
    };

    let mut translations_used = HashSet::new();
    let ranked = builder.ranked_facts();
    let total_facts = ranked.len();
    let facts = builder.build_facts(
        ranked
            .iter()
            .take(options.top)
            .enumerate()
            .map(|(i, r)| (i + 1, *r)),
    );
    let shown_stories = builder.shown_stories(options);
    let (single, total_single) = builder.single_source(options.top);
    let figure_rows = builder.figure_rows();
    let stories = builder.stories();
    // Story-first, figures are compared within the stories stage's stories; else within the
    // briefing's own linked groups, as before stories existed.
    let story_of: Vec<usize> = match (inputs.stories, shown_stories.is_empty()) {
        (Some((found, _)), false) => found.of_article.clone(),
        _ => stories.of_article.clone(),
    };
    let story_count = story_of.iter().max().map_or(0, |s| s + 1);
    let all_differ = builder.figures_differ(&figure_rows, &story_of, &stories);
    let total_differ = all_differ.len();
    let mut figures_differ = all_differ.clone();
    figures_differ.truncate(options.top);
    let (story_briefs, other_facts, total_other) =
        builder.story_briefs(&shown_stories, &ranked, &all_differ, options);
    for line in facts
        .iter()
        .chain(story_briefs.iter().flat_map(|s| s.facts.iter()))
        .chain(&other_facts)
        .flat_map(|f| std::iter::once(&f.main).chain(f.variants.iter().map(|v| &v.line)))
        .chain(&single)
    {
        if line.english.origin == Origin::Desk {
            translations_used.insert(line.hash.clone());
        }
    }

    let cited = facts
        .iter()
        .chain(story_briefs.iter().flat_map(|s| s.facts.iter()))
        .chain(&other_facts)
        .flat_map(|f| f.cited.iter())
        .chain(single.iter().map(|l| &l.citation))
        .chain(
            figures_differ
                .iter()
                .chain(story_briefs.iter().flat_map(|s| s.figures_differ.iter()))
                .flat_map(|d| {
                    d.amounts
                        .iter()
                        .flat_map(|a| a.cited.iter().map(|r| &r.citation))
                }),
        )
        .map(|c| c.article)
        .collect::<HashSet<usize>>();
    let terms = builder.terms();
    let review = review_summary(alignment, reviews, &found);
    let mut articles = articles;
    for article in &mut articles {
        article.cited = cited.contains(&article.number);
        article.story = story_of[article.number - 1] + 1;
    }
    let mut notes: Vec<String> = corpus.warnings.iter().map(|w| w.to_string()).collect();
    notes.extend(translations.warnings.iter().map(|w| w.to_string()));
    let boilerplate = crate::boilerplate::count(inputs.segmented);
    if boilerplate > 0 {
        let plural = if boilerplate == 1 {
            "sentence"
        } else {
            "sentences"
        };
        notes.push(format!(
            "{boilerplate} {plural} left out as boilerplate (contact, share and \"read also\" \
             lines, datelines, bylines, sign-offs, stock lines an outlet repeats across its \
             articles): `mizan segment` marks them, `mizan align --boilerplate` shows them aligned."
        ));
    }

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
            stories: story_count,
            other_facts: total_other,
            translations: translations.len(),
            translations_used: translations_used.len(),
            english: english_counts(
                facts
                    .iter()
                    .chain(story_briefs.iter().flat_map(|s| s.facts.iter()))
                    .chain(&other_facts)
                    .map(|f| f.main.english.origin),
            ),
        },
        outlets: outlets(&articles),
        articles,
        stories: story_briefs,
        facts,
        other_facts,
        single_source: single,
        figures_differ,
        figures: figure_rows,
        terms,
        review,
        notes,
    }
}

/// The shown facts by the origin of their main sentence's English.
fn english_counts(origins: impl Iterator<Item = Origin>) -> EnglishCounts {
    let mut counts = EnglishCounts::default();
    for origin in origins {
        counts.facts += 1;
        match origin {
            Origin::Desk => counts.translated += 1,
            Origin::ExactReuse => {
                counts.translated += 1;
                counts.exact_reuse += 1;
            }
            Origin::Fuzzy => counts.fuzzy += 1,
            Origin::Gloss => counts.gloss += 1,
            _ => counts.none += 1,
        }
    }
    counts
}

/// The stages' outputs and what was found in each sentence, shared by the parts of the
/// briefing (facts.rs, english.rs, figures.rs, terms.rs).
pub(super) struct Builder<'a> {
    /// The desk's translation memory, for exact reuse and fuzzy suggestions.
    pub(super) memory: &'a crate::translate::Memory,
    /// The first sentence with each hash.
    pub(super) by_hash: &'a HashMap<u64, usize>,
    pub(super) inputs: &'a Inputs<'a>,
    pub(super) articles: &'a [Article],
    pub(super) found: &'a [Found],
    /// Direct pair scores by (smaller, larger) sentence index.
    pub(super) scores: HashMap<(usize, usize), f64>,
    /// The pairs among them where one sentence is wholly in the other (align's `partial`).
    pub(super) partials: HashSet<(usize, usize)>,
}

impl Builder<'_> {
    pub(super) fn citation(&self, s: usize) -> Citation {
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

    pub(super) fn score(&self, a: usize, b: usize) -> Option<f64> {
        self.scores.get(&(a.min(b), a.max(b))).copied()
    }

    pub(super) fn is_partial(&self, a: usize, b: usize) -> bool {
        self.partials.contains(&(a.min(b), a.max(b)))
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
                if self.inputs.glossary.terms[h.entry].is_name() {
                    names[sentences[s].doc].insert(h.entry);
                }
            }
        }
        let names: Vec<Vec<usize>> = names.into_iter().map(|n| n.into_iter().collect()).collect();
        super::stories::stories(self.articles.len(), &facts, &names)
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
            // Names of files are shown, not obeyed: a newline or ESC in one is made visible.
            let file = std::path::Path::new(&doc.id)
                .file_name()
                .map_or_else(|| doc.id.clone(), |n| n.to_string_lossy().into_owned());
            let file = shown_name(&file).into_owned();
            let outlet = doc.meta.outlet.as_deref().map(shown);
            Article {
                number: i + 1,
                id: shown_name(&doc.id).into_owned(),
                source: outlet.clone().unwrap_or_else(|| file.clone()),
                file,
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

pub(super) fn round3(x: f64) -> f64 {
    (x * 1000.0).round() / 1000.0
}
