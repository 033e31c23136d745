//! The queue: the sentences that need English, the most valuable first. A fact's
//! representative serves the near-copies it can honestly be reused for, so one translation
//! covers several articles; then the fact's other wordings; then single-source sentences with
//! glossary terms.

use super::memory::{MIN_FUZZY_PERCENT, Memory, Unit};
use super::reuse::{Reuse, judge_prepared};
use crate::brief::translations::{Translations, hash_hex};
use crate::figures;
use crate::glossary::{Glossary, Matcher};
use crate::pipeline::Analysis;
use crate::review::{Callout, Op, Prepared, prepare, prepare_tokenized};
use crate::text::{TokenKind, Tokenized, tokenize};
use rustc_hash::{FxHashMap, FxHashSet};
use serde::Serialize;

#[derive(Debug, Clone)]
pub struct Options {
    /// Items given in full (terms, figures, memory matches); `None` for all.
    pub top: Option<usize>,
    pub min_fuzzy: u8,
    /// Memory matches per item.
    pub matches: usize,
}

impl Default for Options {
    fn default() -> Self {
        Options {
            top: None,
            min_fuzzy: MIN_FUZZY_PERCENT,
            matches: 3,
        }
    }
}

/// Pairs scoring below this are not judged for reuse: on the 14,565-article archive none of
/// the 5,416 pairs below 0.5 (and 5 of 3,655 from 0.5 to 0.6) could reuse one translation, and
/// judging is a word diff per pair.
const MIN_REUSE_SCORE: f64 = 0.5;

/// Where a sentence's English comes from, before anything is queued.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Served {
    /// The desk translated this very sentence.
    Desk,
    /// The desk's translation of another sentence (its hash) says the same thing.
    Reuse(u64),
    /// No English yet.
    Needed,
}

/// A sentence as the queue cites it.
#[derive(Debug, Clone, Serialize)]
pub struct SentenceRef {
    /// The sentence's hash: what `translate --set` takes.
    pub reference: String,
    /// The article, as `mizan segment` names it, and the sentence's index there (`FILE#N`).
    pub doc: String,
    pub index: usize,
}

#[derive(Debug, Clone, Serialize)]
pub struct Term {
    pub ar: String,
    pub en: String,
    pub surface: String,
}

#[derive(Debug, Clone, Serialize)]
pub struct FigureRef {
    pub amount: String,
    pub label: String,
    pub arabic: String,
}

/// A unit of the memory offered for a sentence.
#[derive(Debug, Clone, Serialize)]
pub struct Suggestion {
    /// `fuzzy`: a suggestion to edit, never the sentence's English.
    pub kind: &'static str,
    pub percent: u8,
    pub reference: String,
    pub ar: String,
    pub en: String,
    pub by: Option<String>,
    /// The word diff from the memory's Arabic (A) to this sentence (B).
    pub diff: Vec<Op>,
    /// What the translation would get wrong: figures, clauses, terms.
    pub differences: Vec<Callout>,
}

/// One sentence to translate.
#[derive(Debug, Clone, Serialize)]
pub struct Item {
    /// 1-based place in the queue.
    pub rank: usize,
    #[serde(flatten)]
    pub sentence: SentenceRef,
    pub ar: String,
    /// The fact it stands for, by its rank among the facts (distinct outlets, articles,
    /// glossary entries, as the briefing ranks them), if aligned.
    pub fact: Option<usize>,
    /// Which of the fact's wordings still to translate: 1 for its representative, 2 and on
    /// for sentences its translation cannot serve.
    pub wording: usize,
    /// Distinct outlets reporting the fact (1 for a single-source sentence).
    pub sources: usize,
    /// The near-copies its translation serves as well (honest reuse), itself not included.
    pub covers: Vec<SentenceRef>,
    pub terms: Vec<Term>,
    pub figures: Vec<FigureRef>,
    pub matches: Vec<Suggestion>,
    /// Index into the analysis's sentences.
    #[serde(skip)]
    pub at: usize,
}

#[derive(Debug, Clone, Serialize)]
pub struct Queue {
    pub items: Vec<Item>,
    /// Reporting sentences of the articles.
    pub sentences: usize,
    /// Of them: translated by the desk, served by exact reuse, needing English (aligned ones
    /// and single-source ones with glossary terms; other single-source sentences are not
    /// queued).
    pub desk: usize,
    pub reused: usize,
    pub needing: usize,
}

/// What the queue is built from.
pub struct Inputs<'a> {
    pub analysis: &'a Analysis<'a>,
    pub glossary: &'a Glossary,
    pub matcher: &'a Matcher,
    pub translations: &'a Translations,
    pub memory: &'a Memory,
}

/// How sentence `s` is served: the desk's own translation, else a memory unit that says the
/// same thing (the translated sentences of its fact first, then the memory's best matches).
pub fn served(
    (text, hash): (&str, u64),
    prepared: Option<&Prepared<'_>>,
    fact_units: &[&Unit],
    memory: &Memory,
    matcher: Option<&Matcher>,
    min_fuzzy: u8,
) -> Served {
    if memory.exact(hash).is_some() {
        return Served::Desk;
    }
    if memory.is_empty() {
        return Served::Needed;
    }
    let mut own: Option<Prepared<'_>> = None;
    let mut tried: FxHashSet<u64> = FxHashSet::default();
    let fuzzy = memory.fuzzy(text, min_fuzzy, 3);
    for unit in fact_units
        .iter()
        .copied()
        .chain(fuzzy.iter().map(|m| m.unit))
    {
        if !tried.insert(unit.hash) {
            continue;
        }
        let target = match prepared {
            Some(p) => p,
            None => own.get_or_insert_with(|| prepare(text, matcher)),
        };
        if judge_prepared(&prepare(&unit.ar, matcher), target)
            .0
            .is_exact()
        {
            return Served::Reuse(unit.hash);
        }
    }
    Served::Needed
}

/// Build the queue.
pub fn queue(inputs: &Inputs<'_>, options: &Options) -> Queue {
    let Inputs {
        analysis,
        matcher,
        memory,
        ..
    } = *inputs;
    let sentences = &analysis.sentences;
    let alignment = &analysis.alignment;
    let hashes = analysis.sentence_hashes();
    let fact_of = alignment.fact_of(sentences.len());
    // Scores of the pairs of each fact, for its most central sentence and direct copies.
    let mut partners: FxHashMap<usize, Vec<(usize, f64)>> = FxHashMap::default();
    for p in &alignment.pairs {
        partners.entry(p.a).or_default().push((p.b, p.score));
        partners.entry(p.b).or_default().push((p.a, p.score));
    }

    // One tokenization per sentence: its glossary hits, how many of its words write a number
    // (part of a single-source sentence's weight), and for an aligned one, the sentence
    // prepared for diffing, which judging reuse within its fact needs.
    type Scanned<'t> = (Vec<crate::glossary::Hit>, usize, Option<Prepared<'t>>);
    let scanned: Vec<Scanned<'_>> =
        crate::parallel::map(&(0..sentences.len()).collect::<Vec<_>>(), |&s| {
            let text = sentences[s].text;
            let tokenized = tokenize(text);
            let hits = matcher.find_tokenized(&tokenized);
            let prepared = fact_of[s].map(|_| prepare_tokenized(text, &tokenized, &hits));
            (hits, number_words(&tokenized), prepared)
        });
    let mut hits = Vec::with_capacity(sentences.len());
    let mut number_counts = Vec::with_capacity(sentences.len());
    let mut prepared_list = Vec::with_capacity(sentences.len());
    for (h, n, p) in scanned {
        hits.push(h);
        number_counts.push(n);
        prepared_list.push(p);
    }
    let prepared: FxHashMap<usize, &Prepared<'_>> = prepared_list
        .iter()
        .enumerate()
        .filter_map(|(s, p)| Some((s, p.as_ref()?)))
        .collect();
    let context = GroupContext {
        hashes,
        sentences,
        partners: &partners,
        prepared: &prepared,
        memory,
        matcher,
        options,
    };
    let facts: Vec<(usize, FactGroups)> = crate::parallel::map(
        &alignment.clusters.iter().enumerate().collect::<Vec<_>>(),
        |&(c, members)| (c, fact_groups(members, &context)),
    );
    let mut desk = 0;
    let mut reused = 0;
    let mut needing = 0;
    for (_, f) in &facts {
        desk += f.desk;
        reused += f.reused;
        needing += f.groups.iter().map(|g| 1 + g.1.len()).sum::<usize>();
    }
    // Rank facts as the briefing does: distinct outlets, articles, glossary entries.
    let rank_key = |members: &[usize]| {
        let outlets: FxHashSet<usize> = members.iter().map(|&s| sentences[s].outlet).collect();
        let docs: FxHashSet<usize> = members.iter().map(|&s| sentences[s].doc).collect();
        let entries: FxHashSet<usize> = members
            .iter()
            .flat_map(|&s| hits[s].iter().map(|h| h.entry))
            .collect();
        (outlets.len(), docs.len(), entries.len())
    };
    let mut ranked: Vec<(usize, (usize, usize, usize))> = facts
        .iter()
        .map(|(c, _)| (*c, rank_key(&alignment.clusters[*c])))
        .collect();
    ranked.sort_by(|x, y| y.1.cmp(&x.1).then(x.0.cmp(&y.0)));
    let groups_of: FxHashMap<usize, &FactGroups> = facts.iter().map(|(c, f)| (*c, f)).collect();

    // (sentence, fact rank, wording, sources, covers), in queue order.
    type Queued = (usize, Option<usize>, usize, usize, Vec<usize>);
    let mut order: Vec<Queued> = Vec::new();
    // Then the other wordings (of facts with a translated wording already, or the second and
    // later ones), those serving the most outlets first.
    let mut later: Vec<(usize, Queued)> = Vec::new();
    for (rank, &(c, (sources, ..))) in ranked.iter().enumerate() {
        let fact = groups_of[&c];
        let translated = usize::from(fact.desk + fact.reused > 0);
        for (k, (rep, covers)) in fact.groups.iter().enumerate() {
            let wording = k + 1 + translated;
            let queued = (*rep, Some(rank + 1), wording, sources, covers.clone());
            if wording == 1 {
                order.push(queued);
            } else {
                let outlets: FxHashSet<usize> = std::iter::once(rep)
                    .chain(covers)
                    .map(|&s| sentences[s].outlet)
                    .collect();
                later.push((outlets.len(), queued));
            }
        }
    }
    later.sort_by_key(|x| std::cmp::Reverse(x.0)); // stable: fact order on ties
    order.extend(later.into_iter().map(|(_, q)| q));

    // Single-source sentences with glossary terms, by distinct entries and figures.
    let singles: Vec<usize> = (0..sentences.len())
        .filter(|&s| fact_of[s].is_none() && !hits[s].is_empty())
        .collect();
    let single_served: Vec<(usize, Served, usize)> = crate::parallel::map(&singles, |&s| {
        let text = sentences[s].text;
        let how = served(
            (text, hashes[s]),
            None,
            &[],
            memory,
            Some(matcher),
            options.min_fuzzy,
        );
        let entries: FxHashSet<usize> = hits[s].iter().map(|h| h.entry).collect();
        // Figures by the words that write numbers: the figure scanner is for the shown items.
        let weight = if how == Served::Needed {
            entries.len() + number_counts[s]
        } else {
            0
        };
        (s, how, weight)
    });
    let mut single_order: Vec<(usize, usize)> = Vec::new();
    for (s, how, weight) in single_served {
        match how {
            Served::Desk => desk += 1,
            Served::Reuse(_) => reused += 1,
            Served::Needed => {
                needing += 1;
                single_order.push((s, weight));
            }
        }
    }
    single_order.sort_by_key(|a| std::cmp::Reverse(a.1)); // stable: reading order on ties
    order.extend(
        single_order
            .into_iter()
            .map(|(s, _)| (s, None, 1, 1, Vec::new())),
    );

    let cite = |s: usize| SentenceRef {
        reference: hash_hex(hashes[s]),
        doc: analysis.corpus.documents[sentences[s].doc].id.clone(),
        index: sentences[s].index,
    };
    let full = options.top.unwrap_or(usize::MAX);
    let items = order
        .into_iter()
        .enumerate()
        .map(|(i, (s, fact, wording, sources, covers))| {
            let mut item = Item {
                rank: i + 1,
                sentence: cite(s),
                ar: sentences[s].text.to_string(),
                fact,
                wording,
                sources,
                covers: covers.iter().map(|&o| cite(o)).collect(),
                terms: Vec::new(),
                figures: Vec::new(),
                matches: Vec::new(),
                at: s,
            };
            if i < full {
                detail(&mut item, &hits[s], inputs, options);
            }
            item
        })
        .collect();
    Queue {
        items,
        sentences: sentences.len(),
        desk,
        reused,
        needing,
    }
}

/// How many tokens of a sentence write a number (digits of any script, number words).
fn number_words(tokenized: &Tokenized) -> usize {
    tokenized
        .tokens
        .iter()
        .filter(|t| {
            t.kind == TokenKind::Number || crate::text::numbers::is_number_word(tokenized.norm(t))
        })
        .count()
}

/// A fact's sentences by how they are served: counts, and the groups still to translate
/// (representative, the near-copies its translation would serve), most central first.
struct FactGroups {
    desk: usize,
    reused: usize,
    groups: Vec<(usize, Vec<usize>)>,
}

/// What [`fact_groups`] reads.
struct GroupContext<'a, 'p> {
    hashes: &'a [u64],
    sentences: &'a [crate::align::Sentence<'a>],
    partners: &'a FxHashMap<usize, Vec<(usize, f64)>>,
    prepared: &'a FxHashMap<usize, &'a Prepared<'p>>,
    memory: &'a Memory,
    matcher: &'a Matcher,
    options: &'a Options,
}

fn fact_groups(members: &[usize], context: &GroupContext<'_, '_>) -> FactGroups {
    let GroupContext {
        hashes,
        sentences,
        partners,
        prepared,
        memory,
        matcher,
        options,
    } = *context;
    let units: Vec<&Unit> = members
        .iter()
        .filter_map(|&s| memory.exact(hashes[s]))
        .collect();
    let (mut desk, mut reused) = (0, 0);
    let mut open: Vec<usize> = Vec::new();
    for &s in members {
        match served(
            (sentences[s].text, hashes[s]),
            Some(prepared[&s]),
            &units,
            memory,
            Some(matcher),
            options.min_fuzzy,
        ) {
            Served::Desk => desk += 1,
            Served::Reuse(_) => reused += 1,
            Served::Needed => open.push(s),
        }
    }
    // Each open sentence's centrality: the summed scores of its pairs with open sentences,
    // kept current as groups leave (a fact of a wire sentence has hundreds of members, so
    // recomputing it for every group was cubic).
    let mut is_open: FxHashSet<usize> = open.iter().copied().collect();
    let pairs_of = |s: usize| partners.get(&s).map_or(&[][..], Vec::as_slice);
    let mut centrality: FxHashMap<usize, f64> = open
        .iter()
        .map(|&s| {
            let sum = pairs_of(s)
                .iter()
                .filter(|(o, _)| is_open.contains(o))
                .map(|(_, score)| score)
                .sum();
            (s, sum)
        })
        .collect();
    let mut groups = Vec::new();
    while !open.is_empty() {
        let mut rep = open[0];
        let mut best = centrality[&rep];
        for &s in &open[1..] {
            let c = centrality[&s];
            if c > best + 1e-9 {
                (rep, best) = (s, c);
            }
        }
        // Only sentences paired with the representative can be its near-copies.
        let mut covers: Vec<usize> = pairs_of(rep)
            .iter()
            .filter(|&&(o, score)| {
                is_open.contains(&o)
                    && (hashes[o] == hashes[rep]
                        || (score >= MIN_REUSE_SCORE
                            && prepared[&rep].same_figures_and_entries(prepared[&o])
                            && judge_prepared(prepared[&rep], prepared[&o]).0.is_exact()))
            })
            .map(|&(o, _)| o)
            .collect();
        covers.sort_unstable();
        covers.dedup();
        let leaving: Vec<usize> = std::iter::once(rep).chain(covers.iter().copied()).collect();
        for s in &leaving {
            is_open.remove(s);
        }
        for &s in &leaving {
            for &(o, score) in pairs_of(s) {
                if is_open.contains(&o) {
                    *centrality
                        .get_mut(&o)
                        .expect("open sentences have a centrality") -= score;
                }
            }
        }
        open.retain(|s| is_open.contains(s));
        groups.push((rep, covers));
    }
    FactGroups {
        desk,
        reused,
        groups,
    }
}

/// An item's terms, figures and memory matches.
fn detail(item: &mut Item, hits: &[crate::glossary::Hit], inputs: &Inputs<'_>, options: &Options) {
    let text = item.ar.as_str();
    let mut seen = FxHashSet::default();
    item.terms = hits
        .iter()
        .filter(|h| seen.insert(h.entry))
        .map(|h| {
            let entry = &inputs.glossary.terms[h.entry];
            Term {
                ar: entry.ar.clone(),
                en: entry.en.clone(),
                surface: h.span.slice(text).to_string(),
            }
        })
        .collect();
    item.figures = figures::extract(text)
        .iter()
        .map(|f| FigureRef {
            amount: f.amount(),
            label: f.label(),
            arabic: f.span.slice(text).to_string(),
        })
        .collect();
    item.matches = suggestions(text, inputs.memory, Some(inputs.matcher), options);
}

/// The memory's fuzzy matches for `text`, each with its diff and what differs.
pub fn suggestions(
    text: &str,
    memory: &Memory,
    matcher: Option<&Matcher>,
    options: &Options,
) -> Vec<Suggestion> {
    memory
        .fuzzy(text, options.min_fuzzy, options.matches)
        .into_iter()
        .map(|m| {
            let (reuse, word_diff) =
                judge_prepared(&prepare(&m.unit.ar, matcher), &prepare(text, matcher));
            let differences = match reuse {
                Reuse::Exact => Vec::new(),
                Reuse::Fuzzy(why) => why,
            };
            Suggestion {
                kind: "fuzzy",
                percent: m.percent,
                reference: m.unit.reference(),
                ar: m.unit.ar.clone(),
                en: m.unit.en.clone(),
                by: m.unit.by.clone(),
                diff: word_diff.ops,
                differences,
            }
        })
        .collect()
}
