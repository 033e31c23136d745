//! The briefing's context: everything a template can show, as plain serializable data.
//! docs/templates.md documents every field; a desk's own templates rely on it, so fields are
//! added, not renamed. Article text in it is original text (never normalized) with white space
//! collapsed to single spaces and bidi reordering controls made visible (`⟨U+202E⟩`).

use serde::Serialize;

#[derive(Debug, Clone, Serialize)]
pub struct Briefing {
    pub title: String,
    /// Earliest and latest article date, where the articles give dates.
    pub period: Option<Period>,
    /// "mizan 0.1.0".
    pub generator: String,
    /// The alignment threshold used.
    pub threshold: f64,
    pub counts: Counts,
    /// Every article read, in the order of `articles[].number`.
    pub articles: Vec<Article>,
    /// Articles per outlet, most first (`name` none for articles without one).
    pub outlets: Vec<Outlet>,
    /// The stories that open a story-first briefing, in rank order (at most `--top-stories`);
    /// empty when the input is one story (fewer than two stories reported by
    /// [`super::STORY_OUTLETS`] outlets).
    pub stories: Vec<StoryBrief>,
    /// Facts reported by two or more articles, most sources first (at most `--top`).
    pub facts: Vec<Fact>,
    /// Story-first: the facts of no shown story (most of whose articles are in none of
    /// them), ranked as `facts` (at most `--top`); empty otherwise.
    pub other_facts: Vec<Fact>,
    /// Sentences only one article has that carry glossary terms (at most `--top`).
    pub single_source: Vec<Line>,
    /// Topics (what is counted) on which the figures of one story's articles disagree, most
    /// articles involved first (at most `--top`).
    pub figures_differ: Vec<FigureDisagreement>,
    /// Every figure found, in article order.
    pub figures: Vec<FigureRow>,
    /// Glossary entries found, most widely reported first.
    pub terms: Vec<Term>,
    pub review: ReviewSummary,
    /// Things the reader of the briefing should know (bidi controls in an article, a desk
    /// translation whose Arabic does not match its hash...).
    pub notes: Vec<String>,
}

/// A story that opens the briefing: one event over days, as `mizan stories` lists it.
#[derive(Debug, Clone, Serialize)]
pub struct StoryBrief {
    /// The stories stage's id (`mizan stories`, `mizan brief --story ID`).
    pub id: String,
    /// 1 for the story most outlets report (the rank `mizan stories` gives).
    pub rank: usize,
    /// The headline most of its outlets print, else its most central article's.
    pub title: String,
    /// Its distinct outlets with their articles in the story, most first.
    pub outlets: Vec<Outlet>,
    pub articles: usize,
    pub first_date: Option<String>,
    pub last_date: Option<String>,
    /// Its most characteristic terms, strongest first (a glossary entry as "ar (en)").
    pub terms: Vec<String>,
    /// Its facts (most of whose articles are in this story), ranked; at most `story_facts`.
    pub facts: Vec<Fact>,
    pub facts_total: usize,
    /// Figures its own articles disagree on; at most `story_facts`.
    pub figures_differ: Vec<FigureDisagreement>,
    pub figures_differ_total: usize,
    /// Numbers of its articles.
    pub article_numbers: Vec<usize>,
}

#[derive(Debug, Clone, Serialize)]
pub struct Period {
    pub from: String,
    pub to: String,
}

#[derive(Debug, Clone, Serialize)]
pub struct Counts {
    pub articles: usize,
    /// Sentences that report something (headlines and body; bylines and headers left out).
    pub sentences: usize,
    /// Facts (clusters) found in all, before `--top`.
    pub facts: usize,
    pub single_source: usize,
    /// Aligned pairs of sentences.
    pub pairs: usize,
    pub terms: usize,
    pub figures: usize,
    /// Disagreements found in all, before `--top`.
    pub figures_differ: usize,
    /// Stories: groups of articles linked by shared facts or shared rare names.
    pub stories: usize,
    /// Story-first: facts of no shown story, before `--top`.
    pub other_facts: usize,
    /// Desk translations available / used in this briefing.
    pub translations: usize,
    pub translations_used: usize,
    /// The English of the shown facts' main sentences, by origin.
    pub english: EnglishCounts,
}

/// How much of the briefing is in English: the shown facts (their main sentences) by where
/// their English comes from.
#[derive(Debug, Clone, Default, Serialize)]
pub struct EnglishCounts {
    pub facts: usize,
    /// Translated: by the desk, or by exact reuse of a desk translation.
    pub translated: usize,
    pub exact_reuse: usize,
    pub fuzzy: usize,
    pub gloss: usize,
    pub none: usize,
}

#[derive(Debug, Clone, Serialize)]
pub struct Article {
    /// 1-based; citations refer to it as `[number]`.
    pub number: usize,
    /// The path as found.
    pub id: String,
    /// The file name alone.
    pub file: String,
    pub outlet: Option<String>,
    pub date: Option<String>,
    pub title: Option<String>,
    /// How the article is named in citations: its outlet, else its file name.
    pub source: String,
    pub sentences: usize,
    /// Whether the briefing cites it (in a fact, a single-source line or a figure).
    pub cited: bool,
    /// Its story (1-based): articles linked by a shared fact or shared rare names.
    pub story: usize,
}

#[derive(Debug, Clone, Serialize)]
pub struct Outlet {
    pub name: Option<String>,
    pub articles: usize,
}

/// Where a sentence comes from.
#[derive(Debug, Clone, Serialize)]
pub struct Citation {
    pub article: usize,
    pub source: String,
    pub date: Option<String>,
    /// The article's path, as `mizan segment` gives it.
    pub doc: String,
    /// The sentence's index in its article (as in `mizan segment`), from 0.
    pub sentence: usize,
}

/// A sentence shown Arabic beside English.
#[derive(Debug, Clone, Serialize)]
pub struct Line {
    pub citation: Citation,
    pub arabic: String,
    /// The sentence's hash, the key of `translations.toml` (16 hex digits).
    pub hash: String,
    pub english: English,
    /// Glossary entries in the sentence, in order of appearance.
    pub terms: Vec<TermRef>,
    /// Figures in the sentence, in order of appearance.
    pub figures: Vec<FigureRef>,
}

/// The English of a sentence and where it comes from.
#[derive(Debug, Clone, Serialize)]
pub struct English {
    /// The English; for `fuzzy`, the translation of another sentence offered to edit.
    pub text: String,
    pub origin: Origin,
    /// `exact_reuse` and `fuzzy` from an aligned sentence: the pair's score.
    pub similarity: Option<f64>,
    /// `exact_reuse` and `fuzzy`: the translation memory's match percentage.
    pub percent: Option<u8>,
    /// `exact_reuse` and `fuzzy`: the translated sentence, when it is in these articles.
    pub from: Option<Citation>,
    /// `exact_reuse` and `fuzzy`: the translated sentence's hash.
    pub reference: Option<String>,
    /// Who translated it, where the translation says.
    pub by: Option<String>,
    /// `fuzzy`: what this sentence says otherwise than the translated one (`kind` figure or
    /// clause; `memory` what the translated sentence has, `this` what this one has).
    pub differences: Vec<EnglishDifference>,
}

/// Where a fuzzy suggestion does not fit the sentence.
#[derive(Debug, Clone, Serialize)]
pub struct EnglishDifference {
    pub kind: &'static str,
    pub memory: String,
    pub this: String,
}

/// Where the English of a sentence comes from. Templates compare it to the strings it
/// serializes to (`desk`, `exact_reuse`, `fuzzy`, `gloss`, `none`), so a variant is never
/// renamed.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum Origin {
    /// The desk's translation (translations.toml).
    Desk,
    /// The desk's translation of another sentence that says the same thing (same figures,
    /// terms and clauses; only spelling or attribution differ): see `from`.
    ExactReuse,
    /// The desk's translation of a similar sentence that says something else: a suggestion
    /// with its `differences`, never this sentence's English.
    Fuzzy,
    /// The glossary's English for the terms found, in order: not a translation.
    Gloss,
    /// No translation and no glossary term.
    None,
}

#[derive(Debug, Clone, Serialize)]
pub struct TermRef {
    pub ar: String,
    pub en: String,
    pub kind: Option<String>,
    /// As written in the sentence, clitics included.
    pub surface: String,
}

#[derive(Debug, Clone, Serialize)]
pub struct FigureRef {
    pub label: String,
    pub amount: String,
    /// The figure as written.
    pub arabic: String,
}

/// Sentences of several articles that report one fact.
#[derive(Debug, Clone, Serialize)]
pub struct Fact {
    /// 1-based position in the briefing.
    pub rank: usize,
    /// What it is about, for a heading: English names of the people, organisations, places
    /// and events of its main sentence (at most three; else its first glossary terms).
    pub topics: Vec<String>,
    /// Distinct sources (outlets; articles without an outlet count one each).
    pub sources: usize,
    pub articles: usize,
    /// Distinct glossary entries across the fact's sentences (the second ranking key).
    pub weight: usize,
    /// The sentence shown for the fact: one with a desk translation, else the one closest to
    /// all the others.
    pub main: Line,
    /// The other sentences, in article order.
    pub variants: Vec<Variant>,
    /// Every sentence's citation, the main one first.
    pub cited: Vec<Citation>,
    /// What the variants change relative to the main sentence.
    pub differences: Vec<Difference>,
    pub review: FactReview,
}

#[derive(Debug, Clone, Serialize)]
pub struct Variant {
    pub line: Line,
    /// Similarity to the main sentence, where the two were aligned directly.
    pub similarity: Option<f64>,
    /// Aligned directly as a partial pair: one of the two is wholly in the other, which tells
    /// more.
    pub partial: bool,
}

#[derive(Debug, Clone, Serialize)]
pub struct Difference {
    /// `figure`, `spelling` or `clause`.
    pub kind: &'static str,
    /// What the main sentence has there ("" for nothing).
    pub main: String,
    /// What the variant has.
    pub other: String,
    pub source: Citation,
}

#[derive(Debug, Clone, Serialize)]
pub struct FactReview {
    pub pairs: usize,
    pub accepted: usize,
    /// Pairs no one has decided on yet.
    pub pending: usize,
    pub pair_ids: Vec<String>,
}

#[derive(Debug, Clone, Serialize)]
pub struct FigureRow {
    pub citation: Citation,
    /// What is counted, in English ("killed", "security forces killed").
    pub label: String,
    /// The amount in English ("about 6,000", "more than 200").
    pub amount: String,
    pub value: Option<f64>,
    /// The figure as written.
    pub arabic: String,
    /// A few words around it, as written.
    pub excerpt: String,
}

#[derive(Debug, Clone, Serialize)]
pub struct FigureDisagreement {
    pub label: String,
    /// The one question the row answers, in English: what is counted, the words that name
    /// the incident, the days.
    pub question: String,
    /// The amounts rise from one day to the next: a toll revised, not sources in conflict.
    pub revision: bool,
    /// The story (1-based) whose articles give these figures.
    pub story: usize,
    /// Distinct articles giving them.
    pub articles: usize,
    pub amounts: Vec<FigureAmount>,
}

#[derive(Debug, Clone, Serialize)]
pub struct FigureAmount {
    pub amount: String,
    /// The figures that give this amount (rows like those of `figures`).
    pub cited: Vec<FigureRow>,
}

#[derive(Debug, Clone, Serialize)]
pub struct Term {
    pub ar: String,
    pub en: String,
    pub kind: Option<String>,
    pub note: Option<String>,
    /// Numbers of the articles it is found in.
    pub articles: Vec<usize>,
    pub occurrences: usize,
    /// Distinct spellings found (without clitics), as written.
    pub spellings: Vec<String>,
}

#[derive(Debug, Clone, Serialize)]
pub struct ReviewSummary {
    /// Aligned pairs in these articles.
    pub pairs: usize,
    pub accepted: usize,
    /// Rejected pairs whose two sentences are in these articles (kept apart).
    pub rejected: usize,
    /// Aligned pairs no one has decided on.
    pub pending: usize,
    /// Decisions in the reviews file, for any articles.
    pub decisions: usize,
}
