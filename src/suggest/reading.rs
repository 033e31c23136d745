//! Reading the corpus into what suggest knows about its words: each document's tokens as
//! interned words, which glossary entry covers each, where phrases may run, and, for every
//! word, how it reads without its proclitics and whether it is a function word.

use crate::corpus::Document;
use crate::glossary::Glossary;
use crate::glossary::matcher::{Matcher, canonical};
use crate::text::clitics::{ARTICLE, readings};
use crate::text::function_words::is_phrase_stopword;
use crate::text::segment::{SentenceKind, segment_from};
use crate::text::span::Span;
use crate::text::tokens::{Tokenized, tokenize};
use rustc_hash::{FxHashMap, FxHashSet};
use std::ops::Range;

/// No entry, no phrase: the empty value of `u32` indices.
pub(super) const NONE: u32 = u32::MAX;

/// Every distinct normalized word, interned.
#[derive(Default)]
pub(super) struct Vocab {
    pub(super) ids: FxHashMap<String, u32>,
    texts: Vec<String>,
}

impl Vocab {
    fn intern(&mut self, word: &str) -> u32 {
        if let Some(&id) = self.ids.get(word) {
            return id;
        }
        let id = self.texts.len() as u32;
        self.texts.push(word.to_string());
        self.ids.insert(word.to_string(), id);
        id
    }

    pub(super) fn text(&self, id: u32) -> &str {
        &self.texts[id as usize]
    }
}

/// One document's tokens, what covers them, and where phrases may run.
pub(super) struct DocTokens {
    /// Offset of the body in the document's text (token spans are into the body).
    pub(super) body_start: usize,
    pub(super) tokenized: Tokenized,
    /// Interned normalized form of each token (ASCII lower-cased).
    pub(super) words: Vec<u32>,
    /// Entry of the glossary hit covering each token, or `NONE`.
    pub(super) covered: Vec<u32>,
    /// Token ranges a phrase may span: within a reporting sentence, between words joined only
    /// by spaces, quotes or hyphens.
    pub(super) runs: Vec<Range<usize>>,
}

impl DocTokens {
    fn read(doc: &Document, matcher: &Matcher, vocab: &mut Vocab) -> DocTokens {
        let body_start = doc.body_start.min(doc.text.len());
        let tokenized = tokenize(&doc.text[body_start..]);
        let tokens = &tokenized.tokens;
        let hits = matcher.find_tokenized(&tokenized);
        let mut covered = vec![NONE; tokens.len()];
        let mut h = 0;
        for (i, t) in tokens.iter().enumerate() {
            while h < hits.len() && hits[h].span.end <= t.span.start {
                h += 1;
            }
            if h < hits.len() && hits[h].span.start < t.span.end {
                covered[i] = hits[h].entry as u32;
            }
        }
        let words = tokens
            .iter()
            .map(|t| {
                let w = tokenized.norm(t);
                if w.bytes().any(|b| b.is_ascii_uppercase()) {
                    vocab.intern(&w.to_ascii_lowercase())
                } else {
                    vocab.intern(w)
                }
            })
            .collect();
        let addresses = address_spans(&doc.text[body_start..]);
        let mut a = 0;
        let excluded: Vec<bool> = tokens
            .iter()
            .map(|t| {
                while a < addresses.len() && addresses[a].end <= t.span.start {
                    a += 1;
                }
                a < addresses.len() && addresses[a].start < t.span.end
            })
            .collect();
        let norm = &tokenized.normalized.text;
        let mut runs = Vec::new();
        let mut t = 0;
        for sentence in segment_from(&doc.text, body_start) {
            if matches!(sentence.kind, SentenceKind::Meta | SentenceKind::Byline) {
                continue;
            }
            let start = sentence.span.start.saturating_sub(body_start);
            let end = sentence.span.end.saturating_sub(body_start);
            while t < tokens.len() && tokens[t].span.start < start {
                t += 1;
            }
            let mut run_start = t;
            while t < tokens.len() && tokens[t].span.end <= end {
                if excluded[t] {
                    if t > run_start {
                        runs.push(run_start..t);
                    }
                    t += 1;
                    run_start = t;
                    continue;
                }
                let joined = t > run_start
                    && norm[tokens[t - 1].norm.end..tokens[t].norm.start]
                        .chars()
                        .all(joins_words);
                if t > run_start && !joined {
                    runs.push(run_start..t);
                    run_start = t;
                }
                t += 1;
            }
            if t > run_start {
                runs.push(run_start..t);
            }
        }
        DocTokens {
            body_start,
            tokenized,
            words,
            covered,
            runs,
        }
    }

    /// Span in the document's text of tokens `i..i + n`, whole words.
    pub(super) fn span(&self, i: usize, n: usize) -> Span {
        let tokens = &self.tokenized.tokens;
        Span::new(
            self.body_start + tokens[i].span.start,
            self.body_start + tokens[i + n - 1].span.end,
        )
    }
}

/// Byte ranges of web and e-mail addresses and @handles: not words of the article.
fn address_spans(text: &str) -> Vec<Range<usize>> {
    let mut out = Vec::new();
    let mut start = None;
    for (i, c) in text.char_indices().chain([(text.len(), ' ')]) {
        if c.is_whitespace() {
            if let Some(s) = start.take() {
                let chunk = &text[s..i];
                if chunk.contains("://") || chunk.starts_with("www.") || chunk.contains('@') {
                    out.push(s..i);
                }
            }
        } else if start.is_none() {
            start = Some(i);
        }
    }
    out
}

/// What may stand between two words of one phrase.
fn joins_words(c: char) -> bool {
    c.is_whitespace()
        || matches!(
            c,
            '"' | '\'' | '«' | '»' | '“' | '”' | '‘' | '’' | '-' | '\u{2010}' | '\u{2011}'
        )
}

/// What is known of one interned word.
#[derive(Debug, Clone, Default)]
pub(super) struct Word {
    /// Digits (a number token).
    pub(super) number: bool,
    pub(super) letters: usize,
    /// Only Arabic letters.
    pub(super) arabic: bool,
    /// A function word (as is, with the accusative alef, or after its clitics).
    pub(super) stop: bool,
    /// The corpus uses this word after the article.
    pub(super) definite: bool,
    /// The word without its proclitics (itself when none are peeled).
    pub(super) key: u32,
    /// Normalized bytes of proclitics before the displayed part.
    skip: usize,
    /// The display must be prefixed with the article (the text wrote لل).
    add_article: bool,
}

/// How a word reads without its proclitics.
struct Peel {
    key: String,
    skip: usize,
    add_article: bool,
}

/// Decide, for every word of the corpus, its peeled key and what kind of word it is. A rest is
/// attested when the corpus uses it alone, the glossary or the function-word list has it, or
/// (four letters or more) two different clitics stand before it in the corpus.
fn analyse(vocab: &mut Vocab, known: &FxHashSet<String>) -> Vec<Word> {
    // Every rest of a reading with a clitic, with the clitics seen right before it (ال for the
    // article); and the rests seen after the article.
    let mut markers: FxHashMap<&str, Vec<&str>> = FxHashMap::default();
    let mut definite: FxHashSet<String> = FxHashSet::default();
    for w in &vocab.texts {
        for (len, clitics) in readings(w) {
            if len == 0 {
                continue;
            }
            let rest = &w[len..];
            // The clitic next to the rest: وكازاخستان and كازاخستان both put ك before
            // ازاخستان, which is one piece of evidence, not two.
            let next_to_rest = if clitics.article {
                definite.insert(rest.to_string());
                ARTICLE
            } else {
                &w[w[..len].char_indices().last().map_or(0, |(i, _)| i)..len]
            };
            let seen = markers.entry(rest).or_default();
            if !seen.contains(&next_to_rest) {
                seen.push(next_to_rest);
            }
        }
    }
    let attested = |s: &str| {
        vocab.ids.contains_key(s)
            || known.contains(s)
            || is_phrase_stopword(s)
            || (s.chars().count() >= 4 && markers.get(s).is_some_and(|c| c.len() >= 2))
    };
    let supported = |s: &str| markers.contains_key(s);
    let peels: Vec<Option<Peel>> = vocab
        .texts
        .iter()
        .map(|w| peel(w, &attested, &supported))
        .collect();
    drop(markers);
    let count = vocab.texts.len();
    let mut keys = Vec::with_capacity(count);
    let mut out: Vec<Word> = Vec::with_capacity(count);
    for (id, p) in peels.into_iter().enumerate() {
        keys.push(match p {
            Some(p) => {
                let key = vocab.intern(&p.key);
                (key, p.skip, p.add_article)
            }
            None => (id as u32, 0, false),
        });
    }
    for (id, text) in vocab.texts.iter().enumerate() {
        let (key, skip, add_article) = keys.get(id).copied().unwrap_or((id as u32, 0, false));
        out.push(Word {
            number: text.starts_with(|c: char| c.is_ascii_digit()),
            letters: text.chars().count(),
            arabic: text.chars().all(is_arabic_letter),
            // With its accusative alef (عددًا) a function word is still one.
            stop: is_phrase_stopword(text)
                || (text.chars().count() >= 4
                    && text.strip_suffix('ا').is_some_and(is_phrase_stopword)),
            definite: definite.contains(text),
            key,
            skip,
            add_article,
        });
    }
    // A word is a function word if its peeled key is one (وفي, لكن).
    for id in 0..out.len() {
        let key = out[id].key as usize;
        if out[key].stop {
            out[id].stop = true;
        }
    }
    out
}

/// The reading of `word` with the most proclitics peeled whose rest the corpus attests; `None`
/// when nothing is peeled. Besides attested rests: لل is always ل + ال, and و ف ب before the
/// article are peeled (والمحتجين, بالمحتجين) unless the whole word is itself seen after a
/// clitic (a name such as فالنسيا).
fn peel(
    word: &str,
    attested: &dyn Fn(&str) -> bool,
    supported: &dyn Fn(&str) -> bool,
) -> Option<Peel> {
    let mut options: Vec<_> = readings(word).filter(|(len, _)| *len > 0).collect();
    options.sort_by_key(|(len, _)| std::cmp::Reverse(*len));
    for (len, clitics) in options {
        let rest = &word[len..];
        if clitics.article {
            // Two letters after ال are more likely a name's own letters (ألما آتا) than an
            // article before a two-letter noun.
            if rest.chars().count() < 3 {
                continue;
            }
            // لل: the text has no alef of the article to show.
            let lam_lam = !word[..len].ends_with(ARTICLE);
            let (skip, add_article) = if lam_lam {
                (len, true)
            } else {
                (len - ARTICLE.len(), false)
            };
            if attested(rest) {
                return Some(Peel {
                    key: rest.to_string(),
                    skip,
                    add_article,
                });
            }
            if lam_lam {
                return Some(Peel {
                    key: format!("{ARTICLE}{rest}"),
                    skip,
                    add_article,
                });
            }
        } else {
            let before_article = matches!(clitics.parts().last(), Some(&("و" | "ف" | "ب")))
                && rest.starts_with(ARTICLE)
                && rest.chars().count() >= 5
                && !supported(word);
            if before_article || attested(rest) {
                return Some(Peel {
                    key: rest.to_string(),
                    skip: len,
                    add_article: false,
                });
            }
        }
    }
    None
}

/// The Arabic letters, and the Persian ones used in transliteration (پ چ ژ ڤ گ).
fn is_arabic_letter(c: char) -> bool {
    matches!(
        c,
        '\u{0621}'..='\u{063A}'
            | '\u{0641}'..='\u{064A}'
            | '\u{067E}'
            | '\u{0686}'
            | '\u{0698}'
            | '\u{06A4}'
            | '\u{06AF}'
    )
}

/// The corpus's words: each document's tokens as interned words, and what is known of every
/// word. The documents themselves are borrowed, for displaying spellings.
pub(super) struct CorpusWords<'a> {
    pub(super) documents: &'a [Document],
    pub(super) docs: Vec<DocTokens>,
    pub(super) vocab: Vocab,
    words: Vec<Word>,
}

impl<'a> CorpusWords<'a> {
    /// Read `documents`: tokens, glossary hits (`matcher` compiled from `glossary`), and the
    /// analysis of every word.
    pub(super) fn read(
        documents: &'a [Document],
        glossary: &Glossary,
        matcher: &Matcher,
    ) -> CorpusWords<'a> {
        let mut vocab = Vocab::default();
        let docs: Vec<DocTokens> = documents
            .iter()
            .map(|d| DocTokens::read(d, matcher, &mut vocab))
            .collect();
        // The words of the glossary's forms are words the desk knows, whatever the corpus says.
        let known: FxHashSet<String> = glossary
            .terms
            .iter()
            .flat_map(|e| e.forms())
            .flat_map(|f| {
                canonical(f)
                    .split(' ')
                    .map(str::to_string)
                    .collect::<Vec<_>>()
            })
            .collect();
        let words = analyse(&mut vocab, &known);
        CorpusWords {
            documents,
            docs,
            vocab,
            words,
        }
    }
}

impl CorpusWords<'_> {
    pub(super) fn word(&self, id: u32) -> &Word {
        &self.words[id as usize]
    }

    /// Whether a phrase may begin or end with this word.
    pub(super) fn at_edge(&self, id: u32) -> bool {
        let w = self.word(id);
        !w.number && !w.stop && w.letters >= 2 && self.word(w.key).letters >= 2
    }

    /// Original text of token `i` of document `doc` without its peeled proclitics (with the
    /// article where the text wrote لل).
    pub(super) fn display_first(&self, doc: usize, i: usize) -> String {
        let d = &self.docs[doc];
        let body = &self.documents[doc].text[d.body_start..];
        let token = &d.tokenized.tokens[i];
        let w = self.word(d.words[i]);
        let start = d
            .tokenized
            .normalized
            .map
            .to_original(token.norm.start + w.skip)
            .clamp(token.span.start, token.span.end);
        let core = &body[start..token.span.end];
        if w.add_article {
            format!("{ARTICLE}{core}")
        } else {
            core.to_string()
        }
    }

    /// The original spelling of tokens `i..i + n`, the first without its proclitics, words
    /// separated by one space.
    pub(super) fn display(&self, doc: usize, i: usize, n: usize) -> String {
        let d = &self.docs[doc];
        let body = &self.documents[doc].text[d.body_start..];
        let mut out = self.display_first(doc, i);
        for t in &d.tokenized.tokens[i + 1..i + n] {
            out.push(' ');
            out.push_str(t.span.slice(body));
        }
        out
    }
}

/// Count one occurrence of a spelling (in first-seen order, for ties).
pub(super) fn add_surface(surfaces: &mut Vec<(String, u32)>, surface: String) {
    match surfaces.iter_mut().find(|(s, _)| *s == surface) {
        Some((_, n)) => *n += 1,
        None => surfaces.push((surface, 1)),
    }
}

/// The most frequent spelling, the first seen among equals.
pub(super) fn best_surface(surfaces: &[(String, u32)]) -> String {
    let mut best: Option<&(String, u32)> = None;
    for s in surfaces {
        if best.is_none_or(|b| s.1 > b.1) {
            best = Some(s);
        }
    }
    best.map(|b| b.0.clone()).unwrap_or_default()
}
