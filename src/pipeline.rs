//! The pipeline: the stages in their order, as every command runs them.
//!
//! ```text
//!  DeskFiles ──▶ Glossary, Matcher, Reviews, Translations        (the desk's own files)
//!  paths ──read──▶ Corpus ──segment──▶ sentences of each document
//!                          (boilerplate marked across the corpus: boilerplate::mark)
//!                                        │ reporting_sentences (body and headlines)
//!                                        ▼
//!                        align, with the desk's decisions ──▶ Analysis
//!                                        │
//!          ├─ Analysis::stories ──▶ StoryReport (mizan stories)
//!          ├─ Analysis::brief  ──▶ stories, then Briefing (rendered by brief::Renderer)
//!          ├─ Analysis::diffs, reviewed ──▶ ReviewedPair (rendered by review::render)
//!          └─ gloss ──▶ the terms of each document
//! ```
//!
//! A command builds its options once, calls these functions in this order and prints what
//! they return; the library never prints. Stages and warnings are reported through [`Reporter`], which the
//! command line implements with progress bars and timings.

use crate::align::{self, Alignment, Pair, Side};
use crate::boilerplate;
use crate::brief::{self, Briefing, Translations};
use crate::corpus::{self, Corpus, LoadOptions};
use crate::error::{Error, ErrorKind, FileKind, Result, Warning};
use crate::glossary::{self, Glossary, Hit, Matcher};
use crate::review::{self, ReviewedPair, Reviews, Verdict, WordDiff};
use crate::stories::{
    self, ArticleTerms, Stories,
    summary::{ArticleFacts, Summary},
};
use crate::text::{self, Sentence, SentenceKind};
use crate::translate;
use std::path::PathBuf;

/// The stages a run reports on, in their order.
#[non_exhaustive]
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Stage {
    Read,
    Segment,
    Align,
    Stories,
    Brief,
    Translate,
    Render,
    Write,
}

impl Stage {
    pub fn name(self) -> &'static str {
        match self {
            Stage::Read => "read",
            Stage::Segment => "segment",
            Stage::Align => "align",
            Stage::Stories => "stories",
            Stage::Brief => "brief",
            Stage::Translate => "translate",
            Stage::Render => "render",
            Stage::Write => "write",
        }
    }
}

/// Told what a run meets: when a stage begins and ends, as its items are done (from any
/// thread), and each warning. Every method does nothing by default.
pub trait Reporter: Sync {
    /// `total`: how many items the stage has, when known.
    fn begin(&self, _stage: Stage, _total: Option<u64>) {}
    fn advance(&self, _items: u64) {}
    fn end(&self, _stage: Stage) {}
    /// Something the user should know that does not stop the run.
    fn warn(&self, _warning: &Warning) {}
}

/// Reports nothing.
#[derive(Debug, Clone, Copy, Default)]
pub struct Silent;

impl Reporter for Silent {}

/// Run `work` as `stage`, reporting its beginning and end.
pub fn stage<T>(
    reporter: &dyn Reporter,
    stage: Stage,
    total: Option<u64>,
    work: impl FnOnce() -> T,
) -> T {
    reporter.begin(stage, total);
    let out = work();
    reporter.end(stage);
    out
}

/// Where the desk keeps its files: each as the user (or the desk's `mizan.toml`) named it,
/// else the default — the glossary `glossary.toml` in the desk's folder (see [`crate::desk`];
/// the current folder when there is none), the decisions `reviews.toml` and the translations
/// `translations.toml` beside the glossary.
#[derive(Debug, Clone, Default)]
pub struct DeskFiles {
    pub glossary: Option<PathBuf>,
    pub reviews: Option<PathBuf>,
    pub translations: Option<PathBuf>,
    /// The desk's folder, where the default glossary is looked for.
    pub folder: Option<PathBuf>,
}

impl DeskFiles {
    pub fn glossary_path(&self) -> PathBuf {
        self.glossary.clone().unwrap_or_else(|| match &self.folder {
            Some(folder) => folder.join("glossary.toml"),
            None => PathBuf::from("glossary.toml"),
        })
    }

    pub fn reviews_path(&self) -> PathBuf {
        self.reviews
            .clone()
            .unwrap_or_else(|| self.beside_glossary("reviews.toml"))
    }

    pub fn translations_path(&self) -> PathBuf {
        self.translations
            .clone()
            .unwrap_or_else(|| self.beside_glossary("translations.toml"))
    }

    fn beside_glossary(&self, name: &str) -> PathBuf {
        match self.glossary_path().parent() {
            Some(dir) if !dir.as_os_str().is_empty() => dir.join(name),
            _ => PathBuf::from(name),
        }
    }

    /// The glossary, which the run needs: without `--glossary` and `./glossary.toml`, an error
    /// that says how to make one.
    pub fn glossary(&self) -> Result<Glossary> {
        let path = self.glossary_path();
        if self.glossary.is_none() && !path.exists() {
            return Err(Error::new(ErrorKind::NoGlossary).in_file(FileKind::Glossary));
        }
        glossary::load(&path)
    }

    /// The glossary if there is one (a named file must exist; the default may not).
    pub fn optional_glossary(&self) -> Result<Option<Glossary>> {
        match self.glossary() {
            Ok(glossary) => Ok(Some(glossary)),
            Err(e) if e.kind() == &ErrorKind::NoGlossary => Ok(None),
            Err(e) => Err(e),
        }
    }

    /// The desk's decisions (none yet when the file does not exist).
    pub fn reviews(&self) -> Result<Reviews> {
        review::decisions::load(&self.reviews_path())
    }

    /// The desk's translations (none yet when the file does not exist).
    pub fn translations(&self) -> Result<Translations> {
        brief::translations::load(&self.translations_path())
    }
}

/// Read the articles under `paths`. Warnings (files skipped, bidi controls) are reported and
/// kept in the corpus; a run with no article text at all is an error.
pub fn read(paths: &[PathBuf], options: &LoadOptions, reporter: &dyn Reporter) -> Result<Corpus> {
    let corpus = stage(reporter, Stage::Read, None, || corpus::load(paths, options))?;
    for warning in &corpus.warnings {
        reporter.warn(warning);
    }
    if corpus.documents.is_empty() {
        return Err(Corpus::nothing_to_read(paths));
    }
    Ok(corpus)
}

/// Every document's sentences, segmented on every core, in document order, with the
/// boilerplate the corpus shows marked (see [`crate::boilerplate`]).
pub fn segment(corpus: &Corpus, reporter: &dyn Reporter) -> Vec<Vec<Sentence>> {
    let total = corpus.documents.len() as u64;
    stage(reporter, Stage::Segment, Some(total), || {
        let mut segmented = crate::parallel::map(&corpus.documents, |doc| {
            let sentences = text::segment_from(&doc.text, doc.body_start);
            reporter.advance(1);
            sentences
        });
        let outlets = outlet_numbers(corpus);
        let articles: Vec<boilerplate::Article> = corpus
            .documents
            .iter()
            .zip(outlets)
            .map(|(doc, outlet)| boilerplate::Article {
                text: &doc.text,
                outlet,
                day: day_of(doc),
            })
            .collect();
        boilerplate::mark(&articles, &mut segmented);
        segmented
    })
}

fn day_of(doc: &corpus::Document) -> Option<i32> {
    doc.meta
        .date
        .as_deref()
        .and_then(stories::dates::day_number)
}

/// The sentences that report something (body and headlines, not bylines or metadata): what
/// is aligned, reviewed and briefed.
pub fn reporting_sentences<'c>(
    corpus: &'c Corpus,
    segmented: &[Vec<Sentence>],
) -> Vec<align::Sentence<'c>> {
    sentences_of(corpus, segmented, Include::Reporting)
}

/// Which sentences are aligned.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Include {
    /// Body and headlines: what reports something.
    #[default]
    Reporting,
    /// Boilerplate as well (`mizan align --boilerplate`, to see what was left out).
    WithBoilerplate,
}

fn sentences_of<'c>(
    corpus: &'c Corpus,
    segmented: &[Vec<Sentence>],
    include: Include,
) -> Vec<align::Sentence<'c>> {
    let outlets = outlet_numbers(corpus);
    let mut sentences = Vec::new();
    for (d, (doc, segs)) in corpus.documents.iter().zip(segmented).enumerate() {
        let day = day_of(doc);
        for (index, s) in segs.iter().enumerate() {
            let included = match s.kind {
                SentenceKind::Body | SentenceKind::Headline => true,
                SentenceKind::Boilerplate => include == Include::WithBoilerplate,
                _ => false,
            };
            if included {
                sentences.push(align::Sentence {
                    doc: d,
                    index,
                    text: s.span.slice(&doc.text),
                    outlet: outlets[d],
                    day,
                });
            }
        }
    }
    sentences
}

/// Each document's outlet as a number, in order of first appearance.
pub fn outlet_numbers(corpus: &Corpus) -> Vec<usize> {
    let mut index: std::collections::HashMap<&str, usize> = Default::default();
    corpus
        .documents
        .iter()
        .map(|d| {
            let next = index.len();
            *index.entry(d.outlet()).or_insert(next)
        })
        .collect()
}

/// Alignment options with the desk's decisions: rejected pairs never align, accepted ones do.
pub fn align_options(threshold: f64, reviews: &Reviews) -> align::Options {
    align::Options {
        threshold,
        accepted: reviews.with_verdict(Verdict::Accept),
        rejected: reviews.with_verdict(Verdict::Reject),
        ..align::Options::default()
    }
}

/// The articles segmented and aligned: what brief, review and translate start from.
#[derive(Debug)]
pub struct Analysis<'c> {
    pub corpus: &'c Corpus,
    /// Every document's sentences, in document order.
    pub segmented: Vec<Vec<Sentence>>,
    /// The reporting sentences, as aligned; pairs and clusters index into these.
    pub sentences: Vec<align::Sentence<'c>>,
    pub alignment: Alignment,
    /// Every sentence's hash, found once when first asked for (translate asks three times).
    hashes: std::sync::OnceLock<Vec<u64>>,
}

/// Segment and align `corpus` with `options` (see [`align_options`]).
pub fn analyse<'c>(
    corpus: &'c Corpus,
    matcher: Option<&Matcher>,
    options: &align::Options,
    reporter: &dyn Reporter,
) -> Analysis<'c> {
    analyse_including(corpus, matcher, options, Include::Reporting, reporter)
}

/// [`analyse`], aligning the sentences `include` names.
pub fn analyse_including<'c>(
    corpus: &'c Corpus,
    matcher: Option<&Matcher>,
    options: &align::Options,
    include: Include,
    reporter: &dyn Reporter,
) -> Analysis<'c> {
    let segmented = segment(corpus, reporter);
    let sentences = sentences_of(corpus, &segmented, include);
    let alignment = stage(reporter, Stage::Align, None, || {
        align::align(&sentences, matcher, options)
    });
    Analysis {
        corpus,
        segmented,
        sentences,
        alignment,
        hashes: std::sync::OnceLock::new(),
    }
}

impl<'c> Analysis<'c> {
    /// Aligned sentence `s` (an index into [`Analysis::sentences`]).
    pub fn side(&self, s: usize) -> Side<'_> {
        let sentence = &self.sentences[s];
        Side {
            doc: &self.corpus.documents[sentence.doc].id,
            index: sentence.index,
            text: sentence.text,
        }
    }

    /// The aligned pair with this id.
    pub fn pair(&self, id: &str) -> Option<&Pair> {
        self.alignment.pairs.iter().find(|p| p.id == id)
    }

    /// Every aligned pair's word diff, in pair order, found on every core.
    pub fn diffs(&self, matcher: Option<&Matcher>) -> Vec<WordDiff> {
        crate::parallel::map(&self.alignment.pairs, |p| {
            review::diff(self.sentences[p.a].text, self.sentences[p.b].text, matcher)
        })
    }

    /// Every aligned pair with its diff (from [`Analysis::diffs`]) and the desk's decision,
    /// as review renders it.
    pub fn reviewed<'s>(
        &'s self,
        diffs: &'s [WordDiff],
        reviews: &'s Reviews,
    ) -> impl Iterator<Item = ReviewedPair<'s>> {
        self.alignment.pairs.iter().zip(diffs).map(move |(p, d)| {
            let decision = reviews.get(&p.id);
            ReviewedPair {
                id: &p.id,
                score: (p.score * 1000.0).round() / 1000.0,
                cluster: p.cluster,
                relation: p.relation,
                verdict: decision.and_then(|d| d.verdict),
                note: decision.and_then(|d| d.note.as_deref()),
                a: self.side(p.a),
                b: self.side(p.b),
                diff: &d.ops,
                callouts: &d.callouts,
            }
        })
    }

    /// The articles grouped into stories (see [`crate::stories`]), ranked, with a summary of
    /// each: the stories of a week's archive, or one story for a folder on one event.
    pub fn stories(
        &self,
        glossary: Option<&Glossary>,
        matcher: Option<&Matcher>,
        options: &stories::Options,
    ) -> StoryReport {
        let docs = &self.corpus.documents;
        let outlet_names: Vec<&str> = docs.iter().map(|d| d.outlet()).collect();
        let outlets = outlet_numbers(self.corpus);
        let mut by_doc: Vec<Vec<&str>> = vec![Vec::new(); docs.len()];
        for s in &self.sentences {
            by_doc[s.doc].push(s.text);
        }
        let titles: Vec<&str> = docs
            .iter()
            .zip(&by_doc)
            .map(|(d, sentences)| {
                d.meta
                    .title
                    .as_deref()
                    .filter(|t| !t.trim().is_empty())
                    .or_else(|| sentences.first().copied())
                    .unwrap_or("")
            })
            .collect();
        let articles: Vec<ArticleTerms> =
            crate::parallel::map(&(0..docs.len()).collect::<Vec<_>>(), |&d| ArticleTerms {
                outlet: outlets[d],
                day: docs[d]
                    .meta
                    .date
                    .as_deref()
                    .and_then(stories::dates::day_number),
                terms: stories::terms::article_terms(
                    docs[d].meta.title.as_deref(),
                    &by_doc[d],
                    matcher,
                ),
            });
        let facts = self.fact_links(&articles);
        let stories = stories::cluster(&articles, &facts, options);
        let facts_of: Vec<ArticleFacts<'_>> = (0..docs.len())
            .map(|d| ArticleFacts {
                id: &docs[d].id,
                outlet: outlet_names[d],
                date: docs[d].meta.date.as_deref(),
                title: titles[d],
            })
            .collect();
        // Naming terms reads a story's articles again: on every core (the same summaries).
        let ranked: Vec<(usize, &stories::Story)> = stories.stories.iter().enumerate().collect();
        let summaries = crate::parallel::map(&ranked, |&(rank, story)| {
            let terms = name_terms(story, &by_doc, glossary, matcher);
            stories::summary::summarize(rank + 1, story, &facts_of, terms)
        });
        StoryReport { stories, summaries }
    }

    /// Pairs of articles of different outlets that report an aligned fact together: each
    /// fact's articles in a chain (a wire sentence in 200 articles links them without 20,000
    /// pairs).
    fn fact_links(&self, articles: &[ArticleTerms]) -> Vec<(usize, usize)> {
        let mut links = Vec::new();
        for members in &self.alignment.clusters {
            let mut docs: Vec<usize> = members.iter().map(|&s| self.sentences[s].doc).collect();
            docs.sort_unstable();
            docs.dedup();
            for w in docs.windows(2) {
                if articles[w[0]].outlet != articles[w[1]].outlet {
                    links.push((w[0], w[1]));
                }
            }
        }
        // Every pair that passed, fact or not (a frame told of two subjects, a pair clustering
        // kept apart), links two articles of one story.
        for &(a, b) in &self.alignment.links {
            let (x, y) = (self.sentences[a].doc, self.sentences[b].doc);
            if articles[x].outlet != articles[y].outlet {
                links.push((x.min(y), x.max(y)));
            }
        }
        links
    }

    /// The briefing of the analysed articles: story-first when they hold several stories
    /// (see [`brief::STORY_OUTLETS`]).
    pub fn brief(
        &self,
        desk: &BriefDesk<'_>,
        options: &brief::Options,
        reporter: &dyn Reporter,
    ) -> Briefing {
        let report = stage(reporter, Stage::Stories, None, || {
            self.stories(
                Some(desk.glossary),
                Some(desk.matcher),
                &stories::Options::default(),
            )
        });
        self.brief_with_stories(desk, options, Some(&report), reporter)
    }

    /// The briefing with these stories (`None`: briefed as one story, as for the articles of
    /// one story chosen by `mizan brief --story`).
    pub fn brief_with_stories(
        &self,
        desk: &BriefDesk<'_>,
        options: &brief::Options,
        report: Option<&StoryReport>,
        reporter: &dyn Reporter,
    ) -> Briefing {
        let total = self.sentences.len() as u64;
        stage(reporter, Stage::Brief, Some(total), || {
            brief::build_with_progress(
                &brief::Inputs {
                    corpus: self.corpus,
                    segmented: &self.segmented,
                    sentences: &self.sentences,
                    alignment: &self.alignment,
                    glossary: desk.glossary,
                    matcher: desk.matcher,
                    reviews: desk.reviews,
                    translations: desk.translations,
                    stories: report.map(|r| (&r.stories, r.summaries.as_slice())),
                },
                options,
                &|| reporter.advance(1),
            )
        })
    }
}

/// The stories of a run and what is shown of each, in rank order.
#[derive(Debug, Clone)]
pub struct StoryReport {
    pub stories: Stories,
    pub summaries: Vec<Summary>,
}

/// Articles of a story read to name its word terms.
const TERM_ARTICLES: usize = 20;

/// A story's terms as the desk reads them: a glossary entry as its Arabic headword with the
/// English, a word as its articles most often write it.
fn name_terms(
    story: &stories::Story,
    by_doc: &[Vec<&str>],
    glossary: Option<&Glossary>,
    matcher: Option<&Matcher>,
) -> Vec<String> {
    let wanted: rustc_hash::FxHashSet<stories::TermId> = story.terms.iter().copied().collect();
    let mut readers: Vec<usize> = vec![story.central];
    readers.extend(
        story
            .articles
            .iter()
            .copied()
            .filter(|&a| a != story.central)
            .take(TERM_ARTICLES),
    );
    let texts = readers.iter().flat_map(|&a| by_doc[a].iter().copied());
    let surfaces = stories::terms::surfaces(texts, &wanted, matcher);
    story
        .terms
        .iter()
        .filter_map(|&t| match stories::terms::entry_of(t) {
            Some(e) => glossary
                .and_then(|g| g.terms.get(e))
                .map(|entry| format!("{} ({})", entry.ar, entry.en)),
            None => surfaces.get(&t).cloned(),
        })
        .collect()
}

/// What the translation stage takes from the desk's files.
#[derive(Debug, Clone, Copy)]
pub struct TranslateDesk<'a> {
    pub glossary: &'a Glossary,
    pub matcher: &'a Matcher,
    pub translations: &'a Translations,
}

impl Analysis<'_> {
    /// Every sentence's [`align::sentence_hash`], in sentence order (found once, on every core).
    pub fn sentence_hashes(&self) -> &[u64] {
        self.hashes
            .get_or_init(|| crate::parallel::map(&self.sentences, |s| align::sentence_hash(s.text)))
    }

    /// The desk's translation memory; an entry that does not keep its Arabic beside takes it
    /// from the sentence of these articles with its hash.
    pub fn memory(&self, translations: &Translations) -> translate::Memory {
        let by_hash: std::collections::HashMap<u64, &str> = self
            .sentence_hashes()
            .iter()
            .copied()
            .zip(self.sentences.iter().map(|s| s.text))
            .collect();
        translate::Memory::new(translations, |h| by_hash.get(&h).copied())
    }

    /// The translation queue of these articles (`mizan translate`).
    pub fn translation_queue(
        &self,
        desk: TranslateDesk<'_>,
        memory: &translate::Memory,
        options: &translate::queue::Options,
        reporter: &dyn Reporter,
    ) -> translate::Queue {
        stage(reporter, Stage::Translate, None, || {
            translate::queue(
                &translate::queue::Inputs {
                    analysis: self,
                    glossary: desk.glossary,
                    matcher: desk.matcher,
                    translations: desk.translations,
                    memory,
                },
                options,
            )
        })
    }

    /// QA of the desk's translations against these articles (`mizan translate --check`).
    pub fn translation_qa(&self, desk: TranslateDesk<'_>) -> Vec<translate::qa::Finding> {
        let by_hash: std::collections::HashMap<u64, &str> = self
            .sentence_hashes()
            .iter()
            .copied()
            .zip(self.sentences.iter().map(|s| s.text))
            .collect();
        translate::qa::check(
            desk.translations,
            &|h| by_hash.get(&h).map(|s| s.to_string()),
            desk.glossary,
            desk.matcher,
        )
    }

    /// The sentence (an index into [`Analysis::sentences`]) a user's reference names: its
    /// hash or a prefix of it, or `FILE#N`.
    pub fn find_sentence(
        &self,
        reference: &str,
    ) -> std::result::Result<usize, translate::reference::Unresolved> {
        let named: Vec<translate::reference::Named<'_>> = self
            .sentences
            .iter()
            .zip(self.sentence_hashes())
            .map(|(s, &hash)| translate::reference::Named {
                hash,
                doc: &self.corpus.documents[s.doc].id,
                index: s.index,
            })
            .collect();
        translate::reference::resolve(reference, &named)
    }
}

/// What the briefing takes from the desk's files.
#[derive(Debug, Clone, Copy)]
pub struct BriefDesk<'a> {
    pub glossary: &'a Glossary,
    pub matcher: &'a Matcher,
    pub reviews: &'a Reviews,
    pub translations: &'a Translations,
}

/// The glossary terms of one document.
#[derive(Debug, Clone)]
pub struct Terms {
    /// Where each sentence starts, to give a hit its sentence index.
    pub sentence_starts: Vec<usize>,
    /// Hits in the body, with offsets into the whole document text.
    pub hits: Vec<Hit>,
}

impl Terms {
    /// The index of the sentence a hit starting at `offset` is in.
    pub fn sentence_of(&self, offset: usize) -> usize {
        self.sentence_starts
            .partition_point(|&s| s <= offset)
            .saturating_sub(1)
    }
}

/// Every document's glossary terms, found on every core, in document order.
pub fn gloss(corpus: &Corpus, matcher: &Matcher) -> Vec<Terms> {
    crate::parallel::map(&corpus.documents, |doc| Terms {
        sentence_starts: text::segment_from(&doc.text, doc.body_start)
            .iter()
            .map(|s| s.span.start)
            .collect(),
        hits: matcher
            .find(doc.body())
            .into_iter()
            .map(|h| h.shifted(doc.body_start))
            .collect(),
    })
}
