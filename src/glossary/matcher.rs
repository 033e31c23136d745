//! Finding glossary terms in article text: through clitics, spelling variants and multi-word
//! terms, leftmost-longest, never inside a longer word.
//!
//! Both the glossary's forms and the article are brought to one *canonical* shape: normalized
//! tokens joined by a space where only white space, quotes, brackets or dashes stood between
//! them (`العاصفة «دانيال»` → `العاصفه دانيال`), and by a blocking mark where other punctuation
//! did (a comma, a full stop, a line break), so a term never spans a clause boundary. One
//! Aho–Corasick automaton over every form finds all candidate occurrences in one pass; each is
//! then accepted only if the letters before it in its first word are proclitics (و ف, ب ك ل س,
//! ال, لل) and those after it in its last word are a pronoun suffix the entry may take.

use super::{Entry, Glossary};
use crate::text::clitics::{ARTICLE, Proclitics, is_pronoun_suffix, proclitics, strip_article};
use crate::text::span::Span;
use crate::text::tokens::{Tokenized, tokenize};
use aho_corasick::{AhoCorasick, AhoCorasickBuilder, MatchKind};
use serde::Serialize;

/// Separator between tokens that a multi-word term may span.
const JOIN: char = ' ';
/// Separator that no term spans.
const BLOCK: char = '\u{1}';

/// A compiled glossary, ready to search articles.
#[derive(Debug, Clone)]
pub struct Matcher {
    automaton: AhoCorasick,
    patterns: Vec<Pattern>,
}

#[derive(Debug, Clone)]
struct Pattern {
    entry: usize,
    /// 0 for the headword, k for variant k − 1.
    form: usize,
    /// The form was written with the article, which the pattern leaves out (`الامارات` →
    /// `امارات`): the text must supply it (`ال`, or `لل`).
    needs_article: bool,
    /// The form's final teh marbuta, written as ت as before a suffix (`حكومت` of `حكومته`):
    /// a suffix must follow.
    needs_suffix: bool,
    takes_suffixes: bool,
    tokens: usize,
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
    pub suffix: Option<String>,
    /// The part of the original text that is the term itself, without clitics.
    pub core: Span,
}

impl Matcher {
    /// Compile every form of every entry.
    pub fn new(glossary: &Glossary) -> Matcher {
        let mut texts = Vec::new();
        let mut patterns = Vec::new();
        for (entry_index, entry) in glossary.terms.iter().enumerate() {
            for (form_index, form) in entry.forms().enumerate() {
                add_patterns(entry_index, form_index, entry, form, &mut texts, &mut patterns);
            }
        }
        let automaton = AhoCorasickBuilder::new()
            .match_kind(MatchKind::Standard)
            .build(&texts)
            .expect("glossary patterns fit the automaton");
        Matcher {
            automaton,
            patterns,
        }
    }

    /// All term occurrences in `text`, in text order, non-overlapping, leftmost-longest.
    pub fn find(&self, text: &str) -> Vec<Hit> {
        self.find_tokenized(text, &tokenize(text))
    }

    /// [`Matcher::find`] on a text already tokenized.
    pub fn find_tokenized(&self, text: &str, tokenized: &Tokenized) -> Vec<Hit> {
        let canon = Canonical::of_tokens(tokenized);
        let mut candidates: Vec<Candidate> = self
            .automaton
            .find_overlapping_iter(canon.text.as_str())
            .filter_map(|m| self.accept(&canon, m.pattern().as_usize(), m.start(), m.end()))
            .collect();
        // Leftmost, then longest in words, then longest in letters, then glossary order.
        candidates.sort_by_key(|c| {
            (
                c.first,
                std::cmp::Reverse(c.last),
                std::cmp::Reverse(c.end - c.start),
                c.pattern,
            )
        });
        let mut hits = Vec::new();
        let mut next_free = 0;
        for c in candidates {
            if c.first < next_free {
                continue;
            }
            next_free = c.last + 1;
            hits.push(self.hit(text, tokenized, &canon, c));
        }
        hits
    }

    /// Check a raw automaton match against word boundaries and clitics.
    fn accept(&self, canon: &Canonical, pattern: usize, start: usize, end: usize) -> Option<Candidate> {
        let p = &self.patterns[pattern];
        let first = canon.token_at(start)?;
        let last = canon.token_at(end - 1)?;
        if last - first + 1 != p.tokens {
            return None;
        }
        let prefix = &canon.text[canon.starts[first]..start];
        let suffix = &canon.text[end..canon.ends[last]];
        let clitics = proclitics(prefix)?;
        if p.needs_article && !clitics.article {
            return None;
        }
        if !suffix.is_empty() || p.needs_suffix {
            // A pronoun suffix on a definite noun is not Arabic: والمصري is not "and my Egypt".
            if !p.takes_suffixes || clitics.article || !is_pronoun_suffix(suffix) {
                return None;
            }
        }
        Some(Candidate {
            pattern,
            first,
            last,
            start,
            end,
            clitics,
        })
    }

    fn hit(&self, text: &str, tokenized: &Tokenized, canon: &Canonical, c: Candidate) -> Hit {
        let p = &self.patterns[c.pattern];
        let first = &tokenized.tokens[c.first];
        let last = &tokenized.tokens[c.last];
        let to_original = |canon_pos: usize, token: usize| {
            let tok = &tokenized.tokens[token];
            let norm = tok.norm.start + (canon_pos - canon.starts[token]);
            tokenized.normalized.map.to_original(norm).clamp(tok.span.start, tok.span.end)
        };
        let core_start = to_original(c.start, c.first);
        let core_end = to_original(c.end, c.last);
        let suffix = &canon.text[c.end..canon.ends[c.last]];
        debug_assert!(text.is_char_boundary(core_start) && text.is_char_boundary(core_end));
        Hit {
            span: Span::new(first.span.start, last.span.end),
            entry: p.entry,
            form: if p.form == 0 {
                Form::Headword
            } else {
                Form::Variant(p.form - 1)
            },
            proclitics: c.clitics.parts,
            suffix: (!suffix.is_empty()).then(|| suffix.to_string()),
            core: Span::new(core_start, core_end.max(core_start)),
        }
    }

    /// Number of patterns compiled (forms, article-less stems, teh marbuta stems).
    pub fn pattern_count(&self) -> usize {
        self.patterns.len()
    }
}

struct Candidate {
    pattern: usize,
    first: usize,
    last: usize,
    start: usize,
    end: usize,
    clitics: Proclitics,
}

fn add_patterns(
    entry: usize,
    form: usize,
    e: &Entry,
    text: &str,
    texts: &mut Vec<String>,
    patterns: &mut Vec<Pattern>,
) {
    let canon = canonical(text);
    if canon.is_empty() {
        return;
    }
    let tokens = canon.split([JOIN, BLOCK]).count();
    let first_token = canon.split([JOIN, BLOCK]).next().unwrap_or("");
    // The article is written with a bare alef: أل of ألماتي is part of the name.
    let written_with_article = text.trim_start().starts_with(ARTICLE);
    let (body, needs_article) = match strip_article(first_token) {
        Some(stem) if written_with_article => (&canon[first_token.len() - stem.len()..], true),
        _ => (canon.as_str(), false),
    };
    let base = Pattern {
        entry,
        form,
        needs_article,
        needs_suffix: false,
        takes_suffixes: e.takes_suffixes(),
        tokens,
    };
    if base.takes_suffixes
        && let Some(stem) = body.strip_suffix('ه')
    {
        texts.push(format!("{stem}ت"));
        patterns.push(Pattern {
            needs_suffix: true,
            ..base.clone()
        });
    }
    texts.push(body.to_string());
    patterns.push(base);
}

/// The canonical shape of a glossary form or any short text.
pub fn canonical(text: &str) -> String {
    Canonical::of_tokens(&tokenize(text)).text
}

/// Normalized tokens joined by [`JOIN`] or [`BLOCK`], with where each token sits.
struct Canonical {
    text: String,
    starts: Vec<usize>,
    ends: Vec<usize>,
}

impl Canonical {
    fn of_tokens(tokenized: &Tokenized) -> Canonical {
        let norm = &tokenized.normalized.text;
        let mut text = String::with_capacity(norm.len());
        let mut starts = Vec::with_capacity(tokenized.tokens.len());
        let mut ends = Vec::with_capacity(tokenized.tokens.len());
        let mut previous_end = None;
        for token in &tokenized.tokens {
            if let Some(prev) = previous_end {
                let between = &norm[prev..token.norm.start];
                text.push(if between.chars().all(spans_terms) { JOIN } else { BLOCK });
            }
            starts.push(text.len());
            text.push_str(token.norm.slice(norm));
            ends.push(text.len());
            previous_end = Some(token.norm.end);
        }
        Canonical { text, starts, ends }
    }

    /// The token whose canonical text contains byte `pos`.
    fn token_at(&self, pos: usize) -> Option<usize> {
        let i = self.starts.partition_point(|&s| s <= pos).checked_sub(1)?;
        (pos < self.ends[i]).then_some(i)
    }
}

/// Characters a multi-word term may have between its words: spaces, quotes, brackets, dashes.
fn spans_terms(c: char) -> bool {
    (c.is_whitespace() && c != '\n' && c != '\r')
        || matches!(
            c,
            '"' | '\'' | '«' | '»' | '“' | '”' | '‘' | '’' | '(' | ')' | '[' | ']' | '-' | '–' | '—'
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
        assert_eq!(hits[0].suffix.as_deref(), Some("ه"));
        assert_eq!(hits[1].suffix.as_deref(), Some("نا"));
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
}
