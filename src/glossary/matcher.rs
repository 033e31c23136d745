//! Finding glossary terms in article text: through clitics, spelling variants and multi-word
//! terms, leftmost-longest, never inside a longer word.
//!
//! Glossary forms and articles are compared as sequences of normalized tokens. Every form is
//! indexed by its first token (without the article, when the form is written with one), in a
//! hash map. At each token of the article, the matcher peels what may be proclitics (و ف, then
//! ب ك ل س, then ال; لل = ل + ال) and, for vocabulary, a pronoun suffix, and looks the rest up;
//! a peel is accepted only when the rest is a glossary form. Multi-word forms then compare their
//! following tokens, across white space, quotes, brackets and dashes (`العاصفة «دانيال»`) but not
//! across other punctuation or a line break. The longest match at the leftmost token wins.

use super::{Entry, Glossary};
use crate::text::clitics::{
    ARTICLE, Proclitics, for_each_reading, pronoun_suffixes, strip_article,
};
use crate::text::span::Span;
use crate::text::tokens::{Tokenized, tokenize};
use rustc_hash::FxHashMap;
use serde::Serialize;

/// A compiled glossary, ready to search articles: a trie over normalized tokens.
#[derive(Debug, Clone)]
pub struct Matcher {
    /// Every token of every form → its id, looked up by a 64-bit hash and confirmed against
    /// `words` (no string comparison for the many article words that are not in the glossary).
    vocab: FxHashMap<u64, u32>,
    words: Vec<Box<str>>,
    /// Tokens whose hash collided with another's (practically never).
    collided: FxHashMap<Box<str>, u32>,
    /// One bit per value of a hash's top bits, set for the glossary's tokens: most words of an
    /// article are not in the glossary, and this answers for them without a map look-up.
    present: Vec<u64>,
    /// (node, token id) → child node; node 0 is the root.
    edges: FxHashMap<(u32, u32), u32>,
    /// The root's child for each token id (`NONE` if no form starts with it): most look-ups
    /// are of first words, and this saves the second hash look-up for them.
    roots: Vec<u32>,
    /// Patterns that end at each node.
    ends: Vec<Vec<u32>>,
    patterns: Vec<Pattern>,
    /// Per entry: whether it names someone or something (kind person, place, org or event),
    /// as opposed to general vocabulary: what fills a template's slot.
    names: Vec<bool>,
    /// Per entry: a person or a place (a name that fills its slot wherever it stands).
    persons_and_places: Vec<bool>,
    /// For each entry, the name entries a form of it holds (إنترفاكس in إنترفاكس كازاخستان).
    names_within: Vec<Vec<usize>>,
}

#[derive(Debug, Clone)]
struct Pattern {
    entry: usize,
    /// 0 for the headword, k for variant k − 1.
    form: usize,
    /// The form was written with the article, which its first token leaves out (`الامارات` →
    /// `امارات`): the text must supply it (`ال`, or `لل`).
    needs_article: bool,
    /// The form's final teh marbuta is written ت, as before a suffix (`حكومت` of `حكومته`):
    /// a suffix must follow.
    needs_suffix: bool,
    takes_suffixes: bool,
}

/// Which spelling of the entry matched.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Form {
    Headword,
    Variant(usize),
}

/// One occurrence of a glossary term.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Hit {
    /// Whole words in the original text, clitics included.
    pub span: Span,
    /// Index of the entry in the glossary.
    pub entry: usize,
    pub form: Form,
    /// Proclitics peeled from the first word, e.g. `["و", "ال"]`.
    pub proclitics: Vec<&'static str>,
    /// Pronoun suffix peeled from the last word (normalized), if any.
    pub suffix: Option<&'static str>,
    /// The part of the original text that is the term itself, without clitics.
    pub core: Span,
}

impl Hit {
    /// The same hit in a longer text that has `by` bytes before the one it was found in.
    pub fn shifted(mut self, by: usize) -> Hit {
        self.span.start += by;
        self.span.end += by;
        self.core.start += by;
        self.core.end += by;
        self
    }

    /// How the hit matched, in `text` (the text its spans are into): `و+ال[إمارات]` for the
    /// clitics, the term as written, and a pronoun suffix (`[حكومة]+ه`).
    pub fn explain(&self, text: &str) -> String {
        let mut s = self.proclitics.join("+");
        s.push('[');
        s.push_str(self.core.slice(text));
        s.push(']');
        if let Some(suffix) = self.suffix {
            s.push('+');
            s.push_str(suffix);
        }
        s
    }
}

/// The reading of the first word being tried, and the best match so far.
struct Found<'a> {
    clitics: &'a Proclitics,
    prefix_len: usize,
    best: &'a mut Option<Candidate>,
}

/// A match found at one token, before the longest is chosen.
struct Candidate {
    pattern: u32,
    tokens: usize,
    /// Letters of the term itself (without clitics), to prefer the least peeled reading.
    core_len: usize,
    prefix_len: usize,
    clitics: Proclitics,
    suffix: Option<&'static str>,
}

impl Matcher {
    /// Compile every form of every entry.
    pub fn new(glossary: &Glossary) -> Matcher {
        let mut matcher = Matcher {
            vocab: FxHashMap::default(),
            words: Vec::new(),
            collided: FxHashMap::default(),
            present: vec![0; PRESENT_WORDS],
            edges: FxHashMap::default(),
            roots: Vec::new(),
            ends: vec![Vec::new()],
            patterns: Vec::new(),
            names: glossary
                .terms
                .iter()
                .map(|e| {
                    matches!(
                        e.kind.as_deref(),
                        Some("person" | "place" | "org" | "event")
                    )
                })
                .collect(),
            names_within: Vec::new(),
            persons_and_places: glossary
                .terms
                .iter()
                .map(|e| matches!(e.kind.as_deref(), Some("person" | "place")))
                .collect(),
        };
        matcher.names_within = names_within(glossary, &matcher.names);
        for (entry_index, entry) in glossary.terms.iter().enumerate() {
            for (form_index, form) in entry.forms().enumerate() {
                matcher.add(entry_index, form_index, entry, form);
            }
        }
        matcher
    }

    fn add(&mut self, entry: usize, form: usize, e: &Entry, text: &str) {
        let tokenized = tokenize(text);
        let mut tokens: Vec<&str> = tokenized.tokens.iter().map(|t| tokenized.norm(t)).collect();
        if tokens.is_empty() {
            return;
        }
        // The article is written with a bare alef: the أل of ألماتي is part of the name.
        let written_with_article = text.trim_start().starts_with(ARTICLE);
        let needs_article = match strip_article(tokens[0]) {
            Some(stem) if written_with_article => {
                tokens[0] = stem;
                true
            }
            _ => false,
        };
        let pattern = Pattern {
            entry,
            form,
            needs_article,
            needs_suffix: false,
            takes_suffixes: e.takes_suffixes(),
        };
        self.insert(&tokens, pattern.clone());
        let last = tokens.len() - 1;
        if pattern.takes_suffixes
            && let Some(stem) = tokens[last].strip_suffix('ه')
        {
            let before_suffix = format!("{stem}ت");
            tokens[last] = &before_suffix;
            self.insert(
                &tokens,
                Pattern {
                    needs_suffix: true,
                    ..pattern
                },
            );
        }
    }

    fn insert(&mut self, tokens: &[&str], pattern: Pattern) {
        let mut node = 0;
        for token in tokens {
            let id = self.intern(token);
            let next_node = self.ends.len() as u32;
            let parent = node;
            node = *self.edges.entry((node, id)).or_insert(next_node);
            if node == next_node {
                self.ends.push(Vec::new());
            }
            if parent == 0 {
                if self.roots.len() <= id as usize {
                    self.roots.resize(id as usize + 1, NONE);
                }
                self.roots[id as usize] = node;
            }
        }
        self.ends[node as usize].push(self.patterns.len() as u32);
        self.patterns.push(pattern);
    }

    /// Whether glossary entry `entry` is a name (kind person, place, org or event).
    pub fn is_name(&self, entry: usize) -> bool {
        self.names.get(entry).copied().unwrap_or(false)
    }

    /// Whether glossary entry `entry` is a person or a place.
    pub fn is_person_or_place(&self, entry: usize) -> bool {
        self.persons_and_places.get(entry).copied().unwrap_or(false)
    }

    /// The name entries that entry `entry` holds in one of its forms: the shorter names a
    /// mention of it also makes (إنترفاكس كازاخستان mentions إنترفاكس).
    pub fn names_within(&self, entry: usize) -> &[usize] {
        self.names_within.get(entry).map_or(&[], Vec::as_slice)
    }

    /// All term occurrences in `text`, in text order, non-overlapping, leftmost-longest.
    pub fn find(&self, text: &str) -> Vec<Hit> {
        self.find_tokenized(&tokenize(text))
    }

    /// [`Matcher::find`] on a text already tokenized (spans are into that text).
    pub fn find_tokenized(&self, tokenized: &Tokenized) -> Vec<Hit> {
        let norm = &tokenized.normalized.text;
        let words: Vec<&str> = tokenized.tokens.iter().map(|t| tokenized.norm(t)).collect();
        // joined[i]: token i + 1 may continue a term begun at token i.
        let joined: Vec<bool> = tokenized
            .tokens
            .windows(2)
            .map(|w| {
                norm[w[0].norm.end..w[1].norm.start]
                    .chars()
                    .all(spans_terms)
            })
            .collect();
        let mut hits = Vec::new();
        let mut t = 0;
        while t < words.len() {
            match self.best_at(&words, &joined, t) {
                Some(c) => {
                    let next = t + c.tokens;
                    hits.push(self.hit(tokenized, t, c));
                    t = next;
                }
                None => t += 1,
            }
        }
        hits
    }

    fn intern(&mut self, token: &str) -> u32 {
        if let Some(id) = self.token_id(token) {
            return id;
        }
        let id = self.words.len() as u32;
        self.words.push(Box::from(token));
        let h = hash(token);
        let bit = presence_bit(h);
        self.present[bit / 64] |= 1 << (bit % 64);
        match self.vocab.entry(h) {
            std::collections::hash_map::Entry::Vacant(slot) => {
                slot.insert(id);
            }
            std::collections::hash_map::Entry::Occupied(_) => {
                self.collided.insert(Box::from(token), id);
            }
        }
        id
    }

    fn token_id(&self, token: &str) -> Option<u32> {
        let h = hash(token);
        let bit = presence_bit(h);
        if self.present[bit / 64] & (1 << (bit % 64)) == 0 {
            return None;
        }
        match self.vocab.get(&h) {
            Some(&id) if *self.words[id as usize] == *token => Some(id),
            Some(_) => self.collided.get(token).copied(),
            None => None,
        }
    }

    fn child(&self, node: u32, token: &str) -> Option<u32> {
        let id = self.token_id(token)?;
        if node == 0 {
            return self.roots.get(id as usize).copied().filter(|&n| n != NONE);
        }
        self.edges.get(&(node, id)).copied()
    }

    /// The longest match that starts at token `t`.
    fn best_at(&self, words: &[&str], joined: &[bool], t: usize) -> Option<Candidate> {
        let word = words[t];
        let mut best: Option<Candidate> = None;
        for_each_reading(word, |prefix_len, clitics| {
            let rest = &word[prefix_len..];
            let mut found = Found {
                clitics: &clitics,
                prefix_len,
                best: &mut best,
            };
            if let Some(node) = self.child(0, rest) {
                self.walk(node, rest.len(), words, joined, t, &mut found);
            }
            // A pronoun suffix on a one-word term (suffixes never follow the article).
            if !clitics.article {
                for (stem, suffix) in pronoun_suffixes(rest) {
                    if let Some(node) = self.child(0, stem) {
                        self.consider(node, 1, stem.len(), Some(suffix), &mut found);
                    }
                }
            }
        });
        best
    }

    /// From the node reached by the first word, follow the next words as far as the trie goes.
    fn walk(
        &self,
        mut node: u32,
        mut core_len: usize,
        words: &[&str],
        joined: &[bool],
        t: usize,
        found: &mut Found<'_>,
    ) {
        let mut n = 1;
        loop {
            self.consider(node, n, core_len, None, found);
            if t + n >= words.len() || !joined[t + n - 1] {
                return;
            }
            let word = words[t + n];
            // The last word of a term may carry a pronoun suffix.
            if !found.clitics.article {
                for (stem, suffix) in pronoun_suffixes(word) {
                    if let Some(child) = self.child(node, stem) {
                        self.consider(child, n + 1, core_len + stem.len(), Some(suffix), found);
                    }
                }
            }
            match self.child(node, word) {
                Some(child) => {
                    node = child;
                    core_len += word.len();
                    n += 1;
                }
                None => return,
            }
        }
    }

    /// Patterns ending at `node`, `tokens` words long, checked against clitics and suffix.
    fn consider(
        &self,
        node: u32,
        tokens: usize,
        core_len: usize,
        suffix: Option<&'static str>,
        found: &mut Found<'_>,
    ) {
        for &id in &self.ends[node as usize] {
            let p = &self.patterns[id as usize];
            if p.needs_article && !found.clitics.article {
                continue;
            }
            if suffix.is_some() && (!p.takes_suffixes || found.clitics.article) {
                // A pronoun suffix on a definite noun is not Arabic: والمصري is not "and my Egypt".
                continue;
            }
            if p.needs_suffix && suffix.is_none() {
                continue;
            }
            let better = found.best.as_ref().is_none_or(|b| {
                (tokens, core_len, std::cmp::Reverse(id))
                    > (b.tokens, b.core_len, std::cmp::Reverse(b.pattern))
            });
            if better {
                *found.best = Some(Candidate {
                    pattern: id,
                    tokens,
                    core_len,
                    prefix_len: found.prefix_len,
                    clitics: *found.clitics,
                    suffix,
                });
            }
        }
    }

    fn hit(&self, tokenized: &Tokenized, t: usize, c: Candidate) -> Hit {
        let p = &self.patterns[c.pattern as usize];
        let first = &tokenized.tokens[t];
        let last = &tokenized.tokens[t + c.tokens - 1];
        let map = &tokenized.normalized.map;
        let core_start = map.to_original(first.norm.start + c.prefix_len);
        let core_end = map.to_original(last.norm.end - c.suffix.map_or(0, str::len));
        Hit {
            span: Span::new(first.span.start, last.span.end),
            entry: p.entry,
            form: if p.form == 0 {
                Form::Headword
            } else {
                Form::Variant(p.form - 1)
            },
            proclitics: c.clitics.parts(),
            suffix: c.suffix,
            core: Span::new(
                core_start.clamp(first.span.start, last.span.end),
                core_end.clamp(first.span.start, last.span.end),
            ),
        }
    }

    /// Number of patterns compiled (forms, and forms whose teh marbuta may stand before a
    /// suffix).
    pub fn pattern_count(&self) -> usize {
        self.patterns.len()
    }
}

const NONE: u32 = u32::MAX;
/// 2^20 presence bits (128 KiB).
const PRESENCE_BITS: u32 = 20;
const PRESENT_WORDS: usize = (1 << PRESENCE_BITS) / 64;

fn presence_bit(hash: u64) -> usize {
    (hash >> (64 - PRESENCE_BITS)) as usize
}

fn hash(token: &str) -> u64 {
    use std::hash::Hasher;
    let mut h = rustc_hash::FxHasher::default();
    h.write(token.as_bytes());
    h.finish()
}

/// For each entry, the name entries whose form is a run of words inside one of its forms.
fn names_within(glossary: &Glossary, names: &[bool]) -> Vec<Vec<usize>> {
    let mut by_form: FxHashMap<String, Vec<usize>> = FxHashMap::default();
    for (index, entry) in glossary.terms.iter().enumerate() {
        if names[index] {
            for form in entry.forms() {
                by_form.entry(canonical(form)).or_default().push(index);
            }
        }
    }
    glossary
        .terms
        .iter()
        .enumerate()
        .map(|(index, entry)| {
            let mut within: Vec<usize> = Vec::new();
            for form in entry.forms() {
                let form = canonical(form);
                let words: Vec<&str> = form.split(' ').collect();
                for start in 0..words.len() {
                    for end in start + 1..=words.len() {
                        let run = words[start..end].join(" ");
                        for &other in by_form.get(&run).into_iter().flatten() {
                            if other != index && !within.contains(&other) {
                                within.push(other);
                            }
                        }
                    }
                }
            }
            within
        })
        .collect()
}

/// The canonical shape of a form: its normalized tokens joined by spaces (for comparing
/// spellings, as `glossary check` does).
pub fn canonical(text: &str) -> String {
    let tokenized = tokenize(text);
    tokenized
        .tokens
        .iter()
        .map(|t| tokenized.norm(t))
        .collect::<Vec<_>>()
        .join(" ")
}

/// Characters a multi-word term may have between its words: spaces, quotes, brackets, dashes.
fn spans_terms(c: char) -> bool {
    (c.is_whitespace() && c != '\n' && c != '\r')
        || matches!(
            c,
            '"' | '\''
                | '«'
                | '»'
                | '“'
                | '”'
                | '‘'
                | '’'
                | '('
                | ')'
                | '['
                | ']'
                | '-'
                | '–'
                | '—'
        )
}

#[cfg(test)]
mod tests {
    use super::*;

    fn glossary(entries: &[(&str, &str, Option<&str>, &[&str])]) -> Glossary {
        Glossary {
            meta: None,
            terms: entries
                .iter()
                .map(|(ar, en, kind, variants)| Entry {
                    gloss: None,
                    also: Vec::new(),
                    ar: ar.to_string(),
                    en: en.to_string(),
                    kind: kind.map(str::to_string),
                    variants: variants.iter().map(|v| v.to_string()).collect(),
                    note: None,
                })
                .collect(),
        }
    }

    /// (surface, english, clitics) of each hit.
    fn found(g: &Glossary, text: &str) -> Vec<(String, String, String)> {
        Matcher::new(g)
            .find(text)
            .iter()
            .map(|h| {
                (
                    h.span.slice(text).to_string(),
                    g.terms[h.entry].en.clone(),
                    h.proclitics.join("+"),
                )
            })
            .collect()
    }

    fn hit(surface: &str, en: &str, clitics: &str) -> (String, String, String) {
        (surface.into(), en.into(), clitics.into())
    }

    #[test]
    fn proclitics_are_peeled_where_the_rest_is_a_term() {
        let g = glossary(&[("الإمارات", "United Arab Emirates", Some("place"), &[])]);
        assert_eq!(
            found(&g, "زار والإمارات وبالإمارات للإمارات"),
            [
                hit("والإمارات", "United Arab Emirates", "و+ال"),
                hit("وبالإمارات", "United Arab Emirates", "و+ب+ال"),
                hit("للإمارات", "United Arab Emirates", "ل+ال"),
            ]
        );
    }

    #[test]
    fn entries_without_the_article_match_with_it() {
        let g = glossary(&[("رئيس", "president", Some("term"), &[])]);
        assert_eq!(
            found(&g, "قال للرئيس والرئيس ورئيس"),
            [
                hit("للرئيس", "president", "ل+ال"),
                hit("والرئيس", "president", "و+ال"),
                hit("ورئيس", "president", "و"),
            ]
        );
    }

    #[test]
    fn entries_with_the_article_need_it() {
        let g = glossary(&[("الجزائر", "Algeria", Some("place"), &[])]);
        assert!(found(&g, "جزائر كثيرة").is_empty());
        assert_eq!(found(&g, "بالجزائر").len(), 1);
    }

    #[test]
    fn never_inside_a_longer_word() {
        let g = glossary(&[
            ("مصر", "Egypt", Some("place"), &[]),
            ("بغداد", "Baghdad", Some("place"), &[]),
        ]);
        assert!(found(&g, "مصرف المصري ومصريون تمصر").is_empty());
        // A name that begins with a clitic letter is itself, not ب + غداد.
        assert_eq!(found(&g, "في بغداد"), [hit("بغداد", "Baghdad", "")]);
    }

    #[test]
    fn spelling_variants_and_normalization_match() {
        let g = glossary(&[("ألماتي", "Almaty", Some("place"), &["ألما آتا", "آلماتا"])]);
        let hits = found(&g, "في الماتي وفي ألما آتا وبآلماتا وألماتى");
        let surfaces: Vec<_> = hits.iter().map(|h| h.0.as_str()).collect();
        assert_eq!(surfaces, ["الماتي", "ألما آتا", "وبآلماتا", "وألماتى"]);
    }

    #[test]
    fn multi_word_terms_span_quotes_but_not_commas() {
        let g = glossary(&[("العاصفة دانيال", "Storm Daniel", Some("event"), &[])]);
        assert_eq!(found(&g, "ضربت العاصفة «دانيال» درنة").len(), 1);
        assert!(found(&g, "العاصفة، دانيال").is_empty());
        assert!(found(&g, "العاصفة.\nدانيال").is_empty());
    }

    #[test]
    fn longest_match_wins_and_hits_do_not_overlap() {
        let g = glossary(&[
            ("منظمة", "organization", Some("term"), &[]),
            ("منظمة معاهدة الأمن الجماعي", "CSTO", Some("org"), &["CSTO"]),
        ]);
        assert_eq!(
            found(&g, "قوات لمنظمة معاهدة الأمن الجماعي (CSTO) ومنظمة"),
            [
                hit("لمنظمة معاهدة الأمن الجماعي", "CSTO", "ل"),
                hit("CSTO", "CSTO", ""),
                hit("ومنظمة", "organization", "و"),
            ]
        );
    }

    #[test]
    fn pronoun_suffixes_only_on_vocabulary_and_never_after_the_article() {
        let g = glossary(&[
            ("حكومة", "government", Some("term"), &[]),
            ("مصر", "Egypt", Some("place"), &[]),
        ]);
        let hits = Matcher::new(&g).find("حكومته وحكومتنا والحكومتها مصري");
        assert_eq!(hits.len(), 2);
        assert_eq!(hits[0].suffix, Some("ه"));
        assert_eq!(hits[1].suffix, Some("نا"));
    }

    #[test]
    fn hits_carry_the_core_span_and_form() {
        let g = glossary(&[("كازاخستان", "Kazakhstan", Some("place"), &["قازاقستان"])]);
        let text = "وفي بقازاقستان";
        let hits = Matcher::new(&g).find(text);
        assert_eq!(hits[0].core.slice(text), "قازاقستان");
        assert_eq!(hits[0].span.slice(text), "بقازاقستان");
        assert_eq!(hits[0].form, Form::Variant(0));
    }

    #[test]
    fn diacritics_and_tatweel_in_the_text_still_match() {
        let g = glossary(&[("الشرطة", "police", Some("term"), &[])]);
        let text = "وقالت الشُّرطـة";
        let hits = Matcher::new(&g).find(text);
        assert_eq!(hits.len(), 1);
        assert_eq!(hits[0].span.slice(text), "الشُّرطـة");
    }

    #[test]
    fn a_longer_name_holds_the_shorter_names_it_is_made_of() {
        let g = glossary(&[
            ("إنترفاكس", "Interfax", Some("org"), &[]),
            (
                "إنترفاكس كازاخستان",
                "Interfax-Kazakhstan",
                Some("org"),
                &[],
            ),
            ("كازاخستان", "Kazakhstan", Some("place"), &[]),
            ("وكالة", "agency", None, &[]),
        ]);
        let m = Matcher::new(&g);
        let mut within = m.names_within(1).to_vec();
        within.sort();
        assert_eq!(within, [0, 2]);
        assert!(m.names_within(0).is_empty());
        // Only names count: a word of the news vocabulary is not a name held.
        assert!(m.names_within(3).is_empty());
    }
}
