//! `glossary suggest`: what the articles keep saying that the glossary does not cover yet.
//!
//! Two lists for the desk to review, both deterministic.
//!
//! **Phrases.** Every run of 1 to `max_ngram` words inside one sentence (never across a sentence
//! end, nor across punctuation other than quotes and hyphens), none of whose words lies in a
//! glossary hit, counted by the articles that use it. Bylines, stray metadata headers, web and
//! e-mail addresses and @handles are skipped.
//!
//! The first word of a phrase is read through its proclitics (و ف, then ب ك ل س, then the
//! article; لل = ل + ال), so `وكازاخستان`, `لكازاخستان` and `كازاخستان` count as one phrase;
//! later words are kept as written (`منظمة الأمن` keeps its inner article). As in matching, a
//! peel is taken only where the rest is a known word: one the corpus uses on its own, a word of
//! a glossary form, a function word, or (four letters or more) a word the corpus shows after
//! two different clitics (و and ل, or ب and the article). So names that begin with a clitic
//! letter (بغداد, كازاخستان) stay whole. Besides, لل is always ل + ال, و ف ب before the article
//! are peeled (والمحتجين), and the article is peeled only before three letters or more (ألما
//! آتا keeps its أل). The most peeled reading that qualifies wins; in a small corpus a word
//! may keep its و for want of evidence (وأظهرت).
//!
//! A phrase may not begin or end with a function word ([`STOPWORDS`]: particles, pronouns,
//! auxiliary and reporting verbs, days and months, common English words; also with the
//! accusative alef, عددًا), a number or a one-letter word; a single word needs three letters.
//! Phrases are ranked by articles, then occurrences, then length (longer first), then
//! normalized text. A phrase that never occurs outside one and the same longer phrase is left
//! out, so only maximal phrases are shown. Each is shown in its most frequent original
//! spelling, without the first word's clitics.
//!
//! **Spelling-variant groups.** Name-like words and two-word names, covered or not, whose
//! spellings differ the way transliterations of one foreign name do. A word is *name-like* when
//! it has four letters or more, all Arabic, is no function word, never appears after the
//! article in the corpus (`الحكومة` makes `حكومة` a common noun), is never written with tanwin,
//! and does not end in the verb ending ـوا; a word that itself begins with ال counts only where
//! it is written with a hamza or madda (ألماتي, آلماتا), since the article has a bare alef.
//! Spellings are compared through a consonant *skeleton* of their normalized form:
//!
//! * emphatic and plain consonants fall together: ط→ت ص→س ض→د ظ→ز, and ث→س ذ→ز;
//!   ق غ → ك (G and K are written ق غ ك); Persian letters پ چ ژ ڤ گ → ب ج ز ف ك;
//! * at the end of a word, ه (teh marbuta) and د become ت (سلطانة / سلطانات, جومارت / جومرد);
//! * a doubled letter counts once (توكاييف / توكايف);
//! * the long vowels and hamza seats ا و ي ء ؤ ئ are dropped, except as the first letter;
//! * spaces are ignored, so a name written in two words meets its one-word spelling
//!   (ألما آتا / ألماتي, نت بلوكس / نتبلوكس).
//!
//! Two single-word (or run-together) spellings are variants when
//! * they are not one Arabic word in two inflections (عملية / عمليات, أصيب / أصيبوا, كثير /
//!   كثيرًا: the same stem before the endings ات ية ة ت وا ون ين ان ا), and
//! * their skeletons are equal and have five letters or more; or have three or four (where
//!   words of one Arabic root collide) and the two spellings never meet in one article (each
//!   outlet keeps its own) and one is the other with long vowels added, the final vowel aside
//!   (توكايف → توكاييف, ألماتي / آلماتا; not نشاط / ناشد, whose vowel moves); or
//! * their skeletons have five letters or more and differ by one letter swapped within a
//!   class of sounds transliterations confuse: ك خ ج, ه ح, ت د, س ز ش, ب ف
//!   (كازاخستان / قازاقستان).
//!
//! Two-word names group when one word is the same and the other's skeletons are equal or one
//! such swap apart, inflections aside (سالتانات أزيربك / سلطانة أزيربك / سلطانات أزيربك).
//! Groups are closed transitively. Where a two-word group and a single-word group say the same:
//! if the varying words occur only inside the two-word spellings, the two-word group is the name
//! and the single-word group is left out; otherwise (أحياء ألماتي / أحياء آلماتا) the two-word
//! group is. Of two-word groups varying the same words (قاسم جومارت, جومارت توكاييف) the first
//! is kept. Groups in which the glossary already matches every spelling are left out;
//! `covered_by` is the entry of the first spelling it matches (a form of the entry, a match of
//! the whole spelling, or hits around its every occurrence), so the others are candidate
//! variants for that entry. The groups are proposals for review: derived Arabic words that
//! share consonants can still meet (اعتقال / اعتقل).

use super::Glossary;
use super::matcher::{Matcher, canonical};
use crate::corpus::Document;
use crate::text::clitics::{ARTICLE, readings};
use crate::text::normalize::normalize_str;
use crate::text::segment::{SentenceKind, segment_from};
use crate::text::span::Span;
use crate::text::tokens::{Tokenized, tokenize};
use rustc_hash::{FxHashMap, FxHashSet};
use serde::Serialize;
use std::ops::Range;
use std::sync::OnceLock;

/// What to suggest.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SuggestOptions {
    /// Phrases used by fewer articles are not suggested.
    pub min_articles: usize,
    /// Longest phrase, in words.
    pub max_ngram: usize,
    /// Most phrases, and most variant groups, returned.
    pub limit: usize,
}

impl Default for SuggestOptions {
    fn default() -> Self {
        SuggestOptions {
            min_articles: 2,
            max_ngram: 3,
            limit: 50,
        }
    }
}

/// A word or phrase the glossary does not cover, used by several articles.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Suggestion {
    /// The most frequent original spelling, without the first word's proclitics.
    pub phrase: String,
    /// The normalized form counted: the first word without clitics, then the others as written.
    pub normalized: String,
    /// Distinct articles that use it.
    pub articles: usize,
    pub occurrences: usize,
    /// Up to three places (document id, span of the whole words, clitics included), from
    /// different articles first.
    pub examples: Vec<(String, Span)>,
}

/// Spellings that look like one name written several ways.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct VariantGroup {
    /// Each spelling (most frequent original form) with the number of articles using it, most
    /// used first.
    pub spellings: Vec<(String, usize)>,
    /// The glossary entry (index) that already matches one of the spellings, if any: the other
    /// spellings are candidate variants for it.
    pub covered_by: Option<usize>,
}

/// What `glossary suggest` proposes.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct Suggestions {
    pub phrases: Vec<Suggestion>,
    pub variant_groups: Vec<VariantGroup>,
}

const NONE: u32 = u32::MAX;

/// Uncovered, recurring phrases and spelling-variant groups of `documents` (see the module
/// documentation for the rules). `matcher` must be compiled from `glossary`.
pub fn suggest(
    documents: &[Document],
    glossary: &Glossary,
    matcher: &Matcher,
    options: &SuggestOptions,
) -> Suggestions {
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
    let corpus = Corpus {
        documents,
        docs: &docs,
        vocab: &vocab,
        words: &words,
    };
    Suggestions {
        phrases: phrases(&corpus, options),
        variant_groups: variant_groups(&corpus, glossary, matcher, options.limit),
    }
}

// ---------------------------------------------------------------------------------------------
// Reading the corpus

/// Every distinct normalized word, interned.
#[derive(Default)]
struct Vocab {
    ids: FxHashMap<String, u32>,
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

    fn text(&self, id: u32) -> &str {
        &self.texts[id as usize]
    }
}

/// One document's tokens, what covers them, and where phrases may run.
struct DocTokens {
    /// Offset of the body in the document's text (token spans are into the body).
    body_start: usize,
    tokenized: Tokenized,
    /// Interned normalized form of each token (ASCII lower-cased).
    words: Vec<u32>,
    /// Entry of the glossary hit covering each token, or `NONE`.
    covered: Vec<u32>,
    /// Token ranges a phrase may span: within a reporting sentence, between words joined only
    /// by spaces, quotes or hyphens.
    runs: Vec<Range<usize>>,
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
    fn span(&self, i: usize, n: usize) -> Span {
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
struct Word {
    /// Digits (a number token).
    number: bool,
    letters: usize,
    /// Only Arabic letters.
    arabic: bool,
    /// A function word (as is, with the accusative alef, or after its clitics).
    stop: bool,
    /// The corpus uses this word after the article.
    definite: bool,
    /// The word without its proclitics (itself when none are peeled).
    key: u32,
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
            || is_stopword(s)
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
            stop: is_stopword(text)
                || (text.chars().count() >= 4 && text.strip_suffix('ا').is_some_and(is_stopword)),
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

/// Function words, in natural spelling (normalized when the set is built): prepositions,
/// particles, pronouns, demonstratives and relatives, auxiliaries and reporting verbs, days and
/// months, and the commonest English function words (for embedded quotes).
#[rustfmt::skip]
const STOPWORDS: &[&str] = &[
    // Prepositions and particles.
    "في", "من", "على", "إلى", "عن", "مع", "منذ", "حتى", "عند", "لدى", "بين", "خلال", "حول", "نحو",
    "ضد", "عبر", "دون", "سوى", "تحت", "فوق", "أمام", "خلف", "وراء", "قبل", "بعد", "أثناء", "ضمن",
    "تجاه", "جراء", "بسبب", "وفق", "وفقا", "بحسب", "حسب", "إثر", "عقب", "مثل", "كما", "لكن", "لكنه",
    "لكنها", "بل", "أو", "أم", "ثم", "إذ", "إذا", "أن", "إن", "أنه", "أنها", "أنهم", "إنه", "إنها",
    "إنما", "لأن", "لأنه", "كي", "لكي", "حين", "حيث", "بينما", "فيما", "كلما", "عندما", "لما",
    "ليس", "ليست", "قد", "لقد", "لم", "لن", "لا", "ما", "ماذا", "متى", "كيف", "أين", "هل", "غير",
    "إلا", "أما", "أي", "أية", "أيضا", "كذلك", "جدا", "فقط", "كل", "كافة", "جميع", "بعض", "عدة",
    "عدد", "أكثر", "أقل", "يا", "بأن", "الآن", "سواء",
    // Pronouns, demonstratives, relatives.
    "هو", "هي", "هم", "هما", "هن", "أنا", "نحن", "أنت", "أنتم", "هذا", "هذه", "ذلك", "تلك", "هذان",
    "هاتان", "هؤلاء", "أولئك", "الذي", "التي", "الذين", "اللذين", "اللتين", "اللواتي", "اللاتي",
    "هناك", "هنا", "له", "لها", "لهم", "لهما", "به", "بها", "بهم", "فيه", "فيها", "فيهم", "منه",
    "منها", "منهم", "عليه", "عليها", "عليهم", "إليه", "إليها", "إليهم", "عنه", "عنها", "عنهم",
    "معه", "معها", "بينهم", "لديه", "لديها", "نفسه", "نفسها",
    // Auxiliaries and reporting verbs.
    "كان", "كانت", "كانوا", "يكون", "تكون", "يكن", "أصبح", "أصبحت", "قال", "قالت", "وقال", "وقالت",
    "يقول", "تقول", "قالوا", "أعلن", "أعلنت", "أضاف", "أضافت", "أوضح", "أوضحت", "ذكر", "ذكرت",
    "أكد", "أكدت", "أفاد", "أفادت", "أشار", "أشارت", "تابع", "تابعت", "مشيرا", "مشيرة", "مضيفا",
    "مضيفة",
    // Days and months.
    "اليوم", "أمس", "غدا", "السبت", "الأحد", "الاثنين", "الثلاثاء", "الأربعاء", "الخميس", "الجمعة",
    "يناير", "فبراير", "مارس", "أبريل", "إبريل", "مايو", "يونيو", "يوليو", "أغسطس", "سبتمبر",
    "أكتوبر", "نوفمبر", "ديسمبر", "كانون", "شباط", "آذار", "نيسان", "أيار", "حزيران", "تموز", "آب",
    "أيلول", "تشرين", "صباح", "مساء", "ليلة",
    // English.
    "the", "a", "an", "of", "in", "on", "at", "to", "and", "or", "for", "is", "are", "was", "were",
    "be", "been", "by", "with", "from", "that", "this", "it", "its", "as", "has", "have", "had",
    "not", "but", "will", "after", "their", "our", "we", "they", "he", "she", "you", "i", "http",
    "https", "www",
];

fn is_stopword(word: &str) -> bool {
    static SET: OnceLock<FxHashSet<String>> = OnceLock::new();
    SET.get_or_init(|| STOPWORDS.iter().map(|w| normalize_str(w)).collect())
        .contains(word)
}

/// The corpus as read, and what is known of its words.
struct Corpus<'a> {
    documents: &'a [Document],
    docs: &'a [DocTokens],
    vocab: &'a Vocab,
    words: &'a [Word],
}

impl Corpus<'_> {
    fn word(&self, id: u32) -> &Word {
        &self.words[id as usize]
    }

    /// Whether a phrase may begin or end with this word.
    fn at_edge(&self, id: u32) -> bool {
        let w = self.word(id);
        !w.number && !w.stop && w.letters >= 2 && self.word(w.key).letters >= 2
    }

    /// Original text of token `i` of document `doc` without its peeled proclitics (with the
    /// article where the text wrote لل).
    fn display_first(&self, doc: usize, i: usize) -> String {
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
    fn display(&self, doc: usize, i: usize, n: usize) -> String {
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
fn add_surface(surfaces: &mut Vec<(String, u32)>, surface: String) {
    match surfaces.iter_mut().find(|(s, _)| *s == surface) {
        Some((_, n)) => *n += 1,
        None => surfaces.push((surface, 1)),
    }
}

/// The most frequent spelling, the first seen among equals.
fn best_surface(surfaces: &[(String, u32)]) -> String {
    let mut best: Option<&(String, u32)> = None;
    for s in surfaces {
        if best.is_none_or(|b| s.1 > b.1) {
            best = Some(s);
        }
    }
    best.map(|b| b.0.clone()).unwrap_or_default()
}

// ---------------------------------------------------------------------------------------------
// Phrases

struct Phrase {
    /// Key of the first word, then the other words as written.
    words: Box<[u32]>,
    docs: Vec<u32>,
    /// (document, first token).
    occurrences: Vec<(u32, u32)>,
    surfaces: Vec<(String, u32)>,
}

fn phrases(corpus: &Corpus<'_>, options: &SuggestOptions) -> Vec<Suggestion> {
    let max = options.max_ngram.max(1);
    let mut ids: FxHashMap<Box<[u32]>, u32> = FxHashMap::default();
    let mut phrases: Vec<Phrase> = Vec::new();
    // index[doc][token * max + n - 1]: the phrase of n words starting at token, or NONE.
    let mut index: Vec<Vec<u32>> = Vec::with_capacity(corpus.docs.len());
    let mut key: Vec<u32> = Vec::with_capacity(max);
    for (doc, d) in corpus.docs.iter().enumerate() {
        let mut at = vec![NONE; d.words.len() * max];
        for run in &d.runs {
            for i in run.clone() {
                if d.covered[i] != NONE || !corpus.at_edge(d.words[i]) {
                    continue;
                }
                key.clear();
                key.push(corpus.word(d.words[i]).key);
                for n in 1..=max {
                    let last = i + n - 1;
                    if last >= run.end || d.covered[last] != NONE {
                        break;
                    }
                    if n > 1 {
                        key.push(d.words[last]);
                        if !corpus.at_edge(d.words[last]) {
                            continue;
                        }
                    } else if corpus.word(key[0]).letters < 3 {
                        continue;
                    }
                    let id = match ids.get(key.as_slice()) {
                        Some(&id) => id,
                        None => {
                            let id = phrases.len() as u32;
                            ids.insert(key.clone().into_boxed_slice(), id);
                            phrases.push(Phrase {
                                words: key.clone().into_boxed_slice(),
                                docs: Vec::new(),
                                occurrences: Vec::new(),
                                surfaces: Vec::new(),
                            });
                            id
                        }
                    };
                    let p = &mut phrases[id as usize];
                    if p.docs.last() != Some(&(doc as u32)) {
                        p.docs.push(doc as u32);
                    }
                    p.occurrences.push((doc as u32, i as u32));
                    add_surface(&mut p.surfaces, corpus.display(doc, i, n));
                    at[i * max + n - 1] = id;
                }
            }
        }
        index.push(at);
    }

    let min_articles = options.min_articles.max(1);
    let normalized = |p: &Phrase| {
        p.words
            .iter()
            .map(|&w| corpus.vocab.text(w))
            .collect::<Vec<_>>()
            .join(" ")
    };
    let mut ranked: Vec<(&Phrase, String)> = phrases
        .iter()
        .filter(|p| p.docs.len() >= min_articles)
        .filter(|p| !inside_one_longer(p, &index, max))
        .map(|p| (p, normalized(p)))
        .collect();
    ranked.sort_by(|(a, an), (b, bn)| {
        b.docs
            .len()
            .cmp(&a.docs.len())
            .then(b.occurrences.len().cmp(&a.occurrences.len()))
            .then(b.words.len().cmp(&a.words.len()))
            .then(an.cmp(bn))
    });
    ranked.truncate(options.limit);
    ranked
        .into_iter()
        .map(|(p, normalized)| Suggestion {
            phrase: best_surface(&p.surfaces),
            normalized,
            articles: p.docs.len(),
            occurrences: p.occurrences.len(),
            examples: examples(corpus, p),
        })
        .collect()
}

/// Whether every occurrence of `p` lies inside an occurrence of one and the same longer phrase.
fn inside_one_longer(p: &Phrase, index: &[Vec<u32>], max: usize) -> bool {
    let n = p.words.len();
    if n >= max {
        return false;
    }
    let mut common: Option<Vec<u32>> = None;
    let mut around = Vec::new();
    for &(doc, i) in &p.occurrences {
        let (doc, i) = (doc as usize, i as usize);
        let at = &index[doc];
        let tokens = at.len() / max;
        around.clear();
        for start in i.saturating_sub(max - 1)..=i {
            for m in (n + 1)..=max {
                if start + m < i + n || start + m > tokens {
                    continue;
                }
                let id = at[start * max + m - 1];
                if id != NONE {
                    around.push(id);
                }
            }
        }
        around.sort_unstable();
        around.dedup();
        common = Some(match common {
            None => around.clone(),
            Some(mut c) => {
                c.retain(|id| around.binary_search(id).is_ok());
                c
            }
        });
        if common.as_ref().is_some_and(Vec::is_empty) {
            return false;
        }
    }
    common.is_some_and(|c| !c.is_empty())
}

/// Up to three occurrences, one per article first.
fn examples(corpus: &Corpus<'_>, p: &Phrase) -> Vec<(String, Span)> {
    let n = p.words.len();
    let mut picked: Vec<(u32, u32)> = Vec::new();
    for &(doc, i) in &p.occurrences {
        if picked.len() < 3 && !picked.iter().any(|&(d, _)| d == doc) {
            picked.push((doc, i));
        }
    }
    for &occ in &p.occurrences {
        if picked.len() < 3 && !picked.contains(&occ) {
            picked.push(occ);
        }
    }
    picked.sort_unstable();
    picked
        .into_iter()
        .map(|(doc, i)| {
            let d = &corpus.docs[doc as usize];
            (
                corpus.documents[doc as usize].id.clone(),
                d.span(i as usize, n),
            )
        })
        .collect()
}

// ---------------------------------------------------------------------------------------------
// Spelling variants

/// One spelling seen in the corpus: a word, or two words.
#[derive(Default)]
struct Spelling {
    docs: Vec<u32>,
    occurrences: u32,
    /// Occurrences inside glossary hits, by entry.
    entries: Vec<(u32, u32)>,
    covered: u32,
    surfaces: Vec<(String, u32)>,
    /// Written with tanwin somewhere: an Arabic noun, not a foreign name.
    tanwin: bool,
}

impl Spelling {
    fn add(&mut self, doc: u32, surface: String, entry: u32) {
        if self.docs.last() != Some(&doc) {
            self.docs.push(doc);
        }
        self.occurrences += 1;
        if entry != NONE {
            self.covered += 1;
            match self.entries.iter_mut().find(|(e, _)| *e == entry) {
                Some((_, n)) => *n += 1,
                None => self.entries.push((entry, 1)),
            }
        }
        self.tanwin |= surface.contains(['\u{064B}', '\u{064C}', '\u{064D}']);
        add_surface(&mut self.surfaces, surface);
    }
}

/// A spelling ready to compare.
struct Node<'a> {
    normalized: String,
    skeleton: Vec<char>,
    spelling: &'a Spelling,
    /// For two-word spellings: the two words (key of the first, second as written).
    pair: Option<(u32, u32)>,
}

fn variant_groups(
    corpus: &Corpus<'_>,
    glossary: &Glossary,
    matcher: &Matcher,
    limit: usize,
) -> Vec<VariantGroup> {
    let (singles, pairs) = collect_spellings(corpus);
    let text = |id: u32| corpus.vocab.text(id);

    // Single words, and two words run together (ألما آتا), compared on skeletons.
    let mut single_nodes: Vec<Node<'_>> = singles
        .iter()
        .filter(|(_, s)| !s.tanwin)
        .map(|(&key, s)| Node {
            normalized: text(key).to_string(),
            skeleton: skeleton(text(key)),
            spelling: s,
            pair: None,
        })
        .collect();
    single_nodes.extend(
        pairs
            .iter()
            .filter(|((a, b), s)| {
                !s.tanwin && corpus.word(*a).letters + corpus.word(*b).letters >= 5
            })
            .map(|(&(a, b), s)| Node {
                normalized: format!("{} {}", text(a), text(b)),
                skeleton: skeleton(&format!("{}{}", text(a), text(b))),
                spelling: s,
                pair: Some((a, b)),
            }),
    );
    single_nodes.sort_by(|a, b| a.normalized.cmp(&b.normalized));
    let single_groups = group_singles(&single_nodes);

    // Two-word names: one word the same, the other a variant.
    let mut pair_nodes: Vec<Node<'_>> = pairs
        .iter()
        .filter(|((a, b), s)| {
            !s.tanwin && corpus.word(*a).letters >= 4 && corpus.word(*b).letters >= 4
        })
        .map(|(&(a, b), s)| Node {
            normalized: format!("{} {}", text(a), text(b)),
            skeleton: Vec::new(),
            spelling: s,
            pair: Some((a, b)),
        })
        .collect();
    pair_nodes.sort_by(|a, b| a.normalized.cmp(&b.normalized));
    let pair_groups = group_pairs(&pair_nodes, corpus);

    // A two-word group whose varying words also occur elsewhere repeats a single-word group
    // (أحياء ألماتي / أحياء آلماتا): the single-word group is kept. One whose varying words
    // occur only in it is a two-word name (سلطانة أزيربك): it is kept, and the group of its
    // words alone is left out.
    let single_sets: Vec<FxHashSet<&str>> = single_groups
        .iter()
        .map(|g| {
            g.iter()
                .map(|&m| single_nodes[m].normalized.as_str())
                .collect()
        })
        .collect();
    let mut explained: Vec<FxHashSet<String>> = Vec::new();
    let mut kept_pairs: Vec<&Vec<usize>> = Vec::new();
    // قاسم جومارت / قاسم جومرد and جومارت توكاييف / جومرد توكاييف vary the same words: the
    // first is enough.
    let mut seen_varying: FxHashSet<Vec<String>> = FxHashSet::default();
    for g in &pair_groups {
        let (varying, occurrences) = varying_words(g, &pair_nodes);
        if !seen_varying.insert(varying.clone()) {
            continue;
        }
        let bound = varying.iter().all(|w| {
            corpus
                .vocab
                .ids
                .get(w.as_str())
                .and_then(|id| singles.get(id))
                .is_none_or(|s| s.occurrences <= occurrences[w])
        });
        if bound {
            let mut words: FxHashSet<String> = varying.into_iter().collect();
            words.extend(g.iter().map(|&n| pair_nodes[n].normalized.clone()));
            explained.push(words);
            kept_pairs.push(g);
        } else if !single_sets
            .iter()
            .any(|set| varying.iter().all(|w| set.contains(w.as_str())))
        {
            kept_pairs.push(g);
        }
    }

    let forms = glossary_forms(glossary);
    let mut groups: Vec<(usize, String, VariantGroup)> = Vec::new();
    let mut emit = |nodes: &[Node<'_>], members: &[usize]| {
        let mut spellings: Vec<(&Node<'_>, String, Option<usize>)> = members
            .iter()
            .map(|&m| {
                let node = &nodes[m];
                let surface = best_surface(&node.spelling.surfaces);
                let entry = entry_of(&surface, node, &forms, matcher);
                (node, surface, entry)
            })
            .collect();
        if spellings.iter().all(|(_, _, e)| e.is_some()) {
            return;
        }
        spellings.sort_by(|a, b| {
            b.0.spelling
                .docs
                .len()
                .cmp(&a.0.spelling.docs.len())
                .then(a.0.normalized.cmp(&b.0.normalized))
        });
        let mut docs: Vec<u32> = spellings
            .iter()
            .flat_map(|(n, _, _)| n.spelling.docs.iter().copied())
            .collect();
        docs.sort_unstable();
        docs.dedup();
        let covered_by = spellings.iter().find_map(|(_, _, e)| *e);
        let first = spellings[0].0.normalized.clone();
        groups.push((
            docs.len(),
            first,
            VariantGroup {
                spellings: spellings
                    .into_iter()
                    .map(|(n, s, _)| (s, n.spelling.docs.len()))
                    .collect(),
                covered_by,
            },
        ));
    };
    for g in kept_pairs {
        emit(&pair_nodes, g);
    }
    for g in &single_groups {
        let repeats = explained.iter().any(|words| {
            g.iter()
                .all(|&m| words.contains(&single_nodes[m].normalized))
        });
        if !repeats {
            emit(&single_nodes, g);
        }
    }
    groups.sort_by(|a, b| {
        b.0.cmp(&a.0)
            .then(b.2.spellings.len().cmp(&a.2.spellings.len()))
            .then(a.1.cmp(&b.1))
    });
    groups.truncate(limit);
    groups.into_iter().map(|(_, _, g)| g).collect()
}

/// The words that differ between the members of a two-word group (the second words when the
/// first is shared, and so on), each with its occurrences in the group's spellings.
fn varying_words(group: &[usize], nodes: &[Node<'_>]) -> (Vec<String>, FxHashMap<String, u32>) {
    let pairs: Vec<(u32, u32)> = group
        .iter()
        .map(|&n| nodes[n].pair.expect("pair node"))
        .collect();
    let same_first = pairs.iter().all(|p| p.0 == pairs[0].0);
    let same_second = pairs.iter().all(|p| p.1 == pairs[0].1);
    let mut occurrences: FxHashMap<String, u32> = FxHashMap::default();
    for &n in group {
        let node = &nodes[n];
        let (first, second) = node.normalized.split_once(' ').expect("two-word spelling");
        if !same_first {
            *occurrences.entry(first.to_string()).or_default() += node.spelling.occurrences;
        }
        if !same_second {
            *occurrences.entry(second.to_string()).or_default() += node.spelling.occurrences;
        }
    }
    let mut words: Vec<String> = occurrences.keys().cloned().collect();
    words.sort();
    (words, occurrences)
}

type Singles = FxHashMap<u32, Spelling>;
type Pairs = FxHashMap<(u32, u32), Spelling>;

/// Name-like words and adjacent pairs of name-like words, with their counts.
fn collect_spellings(corpus: &Corpus<'_>) -> (Singles, Pairs) {
    let mut singles: Singles = FxHashMap::default();
    let mut pairs: Pairs = FxHashMap::default();
    for (doc, d) in corpus.docs.iter().enumerate() {
        let body = &corpus.documents[doc].text[d.body_start..];
        // A token's key and display, when it may be part of a name.
        let name_like = |i: usize| -> Option<(u32, String)> {
            let raw = corpus.word(d.words[i]);
            let key = raw.key;
            let k = corpus.word(key);
            let key_text = corpus.vocab.text(key);
            // ـوا ends plural verbs (اقتحموا), not names.
            if raw.stop
                || raw.number
                || !k.arabic
                || k.definite
                || k.letters < 2
                || key_text.ends_with("وا")
            {
                return None;
            }
            let display = corpus.display_first(doc, i);
            if key_text.starts_with(ARTICLE) && !display.starts_with(['أ', 'إ', 'آ', 'ٱ']) {
                return None;
            }
            Some((key, display))
        };
        for run in &d.runs {
            let mut previous: Option<(u32, String)> = None;
            for i in run.clone() {
                let current = name_like(i);
                if let Some((key, display)) = &current
                    && corpus.word(*key).letters >= 4
                {
                    singles
                        .entry(*key)
                        .or_default()
                        .add(doc as u32, display.clone(), d.covered[i]);
                }
                if let (Some((a, a_display)), Some(_)) = (&previous, &current) {
                    let b = d.words[i];
                    let both_covered = d.covered[i - 1] != NONE && d.covered[i] != NONE;
                    let entry = if both_covered { d.covered[i - 1] } else { NONE };
                    let second = d.tokenized.tokens[i].span.slice(body);
                    pairs.entry((*a, b)).or_default().add(
                        doc as u32,
                        format!("{a_display} {second}"),
                        entry,
                    );
                }
                previous = current;
            }
        }
    }
    (singles, pairs)
}

/// The consonant skeleton of a normalized spelling (see the module documentation).
fn skeleton(normalized: &str) -> Vec<char> {
    let letters: Vec<char> = normalized.chars().filter(|c| !c.is_whitespace()).collect();
    let mut out = Vec::with_capacity(letters.len());
    let mut previous = None;
    for (i, &c) in letters.iter().enumerate() {
        let mapped = skeleton_letter(c, i + 1 == letters.len());
        if previous == Some(mapped) {
            continue;
        }
        previous = Some(mapped);
        if i > 0 && is_vowel_letter(mapped) {
            continue;
        }
        out.push(mapped);
    }
    out
}

/// One letter as the skeleton reads it (`last`: at the end of the spelling).
fn skeleton_letter(c: char, last: bool) -> char {
    match c {
        'ط' => 'ت',
        'ص' | 'ث' => 'س',
        'ض' => 'د',
        'ظ' | 'ذ' | 'ژ' => 'ز',
        'ق' | 'غ' | 'گ' | 'ک' => 'ك',
        'پ' => 'ب',
        'چ' => 'ج',
        'ڤ' => 'ف',
        'ة' => 'ت',
        'ه' | 'د' if last => 'ت',
        'ى' | 'ی' => 'ي',
        'أ' | 'إ' | 'آ' | 'ٱ' => 'ا',
        c => c,
    }
}

/// Long vowels and hamza seats, which transliterations add and drop.
fn is_vowel_letter(c: char) -> bool {
    matches!(c, 'ا' | 'و' | 'ي' | 'ء' | 'ؤ' | 'ئ')
}

/// Consonants that transliterations of one sound swap beyond what the skeleton folds already:
/// K, Kh and G (ق غ are ك already), the two H, T and D, the sibilants, B and F.
fn loose_class(c: char) -> u8 {
    match c {
        'ك' | 'خ' | 'ج' => 1,
        'ه' | 'ح' => 2,
        'ت' | 'د' => 3,
        'س' | 'ز' | 'ش' => 4,
        'ب' | 'ف' => 5,
        _ => 0,
    }
}

/// Equal but for one letter swapped within its [`loose_class`] (كازاخستان / قازاقستان).
fn one_loose_swap(a: &[char], b: &[char]) -> bool {
    if a.len() != b.len() {
        return false;
    }
    let mut differences = a.iter().zip(b).filter(|(x, y)| x != y);
    match (differences.next(), differences.next()) {
        (Some((&x, &y)), None) => loose_class(x) != 0 && loose_class(x) == loose_class(y),
        _ => false,
    }
}

/// Final inflections of Arabic nouns and verbs: feminine and plural endings, the nisba, verb
/// person endings, the accusative alef.
const INFLECTIONS: &[&str] = &["ات", "يه", "ه", "ت", "وا", "ون", "ين", "ان", "ا"];

/// Two normalized spellings that are one Arabic word in two grammatical forms (عملية /
/// عمليات, أصيب / أصيبوا, كثير / كثيرا), not two spellings of a name.
fn inflections(a: &str, b: &str) -> bool {
    fn stems(w: &str) -> impl Iterator<Item = &str> {
        std::iter::once(w).chain(INFLECTIONS.iter().filter_map(move |s| w.strip_suffix(s)))
    }
    a != b && stems(a).any(|x| stems(b).any(|y| x == y))
}

/// The letters of a spelling as consonants, each with the long vowels written after it (the
/// first letter always counts as a consonant); consonants folded as in [`skeleton`], except
/// that a final ه stays ه.
fn vowelled(normalized: &str) -> Vec<(char, Vec<char>)> {
    let letters: Vec<char> = normalized.chars().filter(|c| !c.is_whitespace()).collect();
    let mut out: Vec<(char, Vec<char>)> = Vec::with_capacity(letters.len());
    let mut previous = None;
    for (i, &c) in letters.iter().enumerate() {
        let last = i + 1 == letters.len();
        let mapped = if c == 'ه' {
            'ه'
        } else {
            skeleton_letter(c, last)
        };
        if previous == Some(mapped) {
            continue;
        }
        previous = Some(mapped);
        match out.last_mut() {
            Some((_, vowels)) if is_vowel_letter(mapped) => vowels.push(mapped),
            _ => out.push((mapped, Vec::new())),
        }
    }
    out
}

/// Whether one spelling is the other with long vowels added (توكايف → توكاييف, جومرد →
/// جومارت), the final vowel aside (ألماتي / آلماتا): how transliterations of one name differ,
/// where Arabic words of one root move their vowels (نشاط / ناشد, تقييم / تقاوم).
fn vowels_added(a: &str, b: &str) -> bool {
    let (va, vb) = (vowelled(a), vowelled(b));
    if va.len() != vb.len() || va.iter().zip(&vb).any(|(x, y)| x.0 != y.0) {
        return false;
    }
    let within = |short: &[(char, Vec<char>)], long: &[(char, Vec<char>)]| {
        short.iter().zip(long).enumerate().all(|(k, (s, l))| {
            if k + 1 == short.len() {
                // The final vowel: ي and ا are one.
                let fold = |v: &[char]| -> Vec<char> {
                    v.iter().map(|&c| if c == 'ي' { 'ا' } else { c }).collect()
                };
                is_subsequence(&fold(&s.1), &fold(&l.1))
            } else {
                is_subsequence(&s.1, &l.1)
            }
        })
    };
    within(&va, &vb) || within(&vb, &va)
}

fn is_subsequence(short: &[char], long: &[char]) -> bool {
    let mut rest = long.iter();
    short.iter().all(|c| rest.any(|d| d == c))
}

/// The skeleton and its one-letter deletions: two skeletons one edit apart share one.
fn deletions(s: &[char]) -> Vec<String> {
    let mut out = vec![s.iter().collect::<String>()];
    for i in 0..s.len() {
        out.push(s[..i].iter().chain(&s[i + 1..]).collect());
    }
    out.sort();
    out.dedup();
    out
}

fn disjoint(a: &[u32], b: &[u32]) -> bool {
    a.iter().all(|d| b.binary_search(d).is_err())
}

/// Union–find over node indices.
struct Groups(Vec<usize>);

impl Groups {
    fn new(n: usize) -> Self {
        Groups((0..n).collect())
    }

    fn find(&mut self, mut x: usize) -> usize {
        while self.0[x] != x {
            self.0[x] = self.0[self.0[x]];
            x = self.0[x];
        }
        x
    }

    fn union(&mut self, a: usize, b: usize) {
        let (ra, rb) = (self.find(a), self.find(b));
        if ra != rb {
            self.0[ra.max(rb)] = ra.min(rb);
        }
    }

    /// Groups of two or more, in order of their first member.
    fn into_groups(mut self) -> Vec<Vec<usize>> {
        let mut by_root: FxHashMap<usize, Vec<usize>> = FxHashMap::default();
        for i in 0..self.0.len() {
            let r = self.find(i);
            by_root.entry(r).or_default().push(i);
        }
        let mut out: Vec<Vec<usize>> = by_root.into_values().filter(|g| g.len() >= 2).collect();
        out.sort();
        out
    }
}

/// Whether two single-word (or run-together) spellings are variants of one name.
fn single_variants(a: &Node<'_>, b: &Node<'_>) -> bool {
    let (sa, sb) = (&a.skeleton, &b.skeleton);
    if inflections(&a.normalized, &b.normalized) || sa.len() < 3 || sb.len() < 3 {
        return false;
    }
    if a.pair.is_some() && b.pair.is_some() {
        // Two two-word spellings are compared word by word (`group_pairs`).
        return false;
    }
    if sa == sb {
        // Short skeletons are shared by many Arabic words of one root: only spellings that
        // never meet in one article (each outlet keeps its own) and differ by added vowels
        // are taken for variants.
        return sa.len() >= 5
            || (disjoint(&a.spelling.docs, &b.spelling.docs)
                && vowels_added(&a.normalized, &b.normalized));
    }
    sa.len() >= 5 && one_loose_swap(sa, sb)
}

fn group_singles(nodes: &[Node<'_>]) -> Vec<Vec<usize>> {
    let mut groups = Groups::new(nodes.len());
    // Equal skeletons meet in one bucket; skeletons one swap apart share a deletion.
    let mut buckets: FxHashMap<String, Vec<usize>> = FxHashMap::default();
    for (i, n) in nodes.iter().enumerate() {
        if n.skeleton.len() < 3 {
            continue;
        }
        if n.skeleton.len() >= 5 {
            for d in deletions(&n.skeleton) {
                buckets.entry(d).or_default().push(i);
            }
        } else {
            buckets
                .entry(n.skeleton.iter().collect())
                .or_default()
                .push(i);
        }
    }
    let mut list: Vec<&Vec<usize>> = buckets.values().filter(|b| b.len() >= 2).collect();
    list.sort();
    for bucket in list {
        for (x, &a) in bucket.iter().enumerate() {
            for &b in &bucket[x + 1..] {
                if single_variants(&nodes[a], &nodes[b]) {
                    groups.union(a, b);
                }
            }
        }
    }
    groups.into_groups()
}

/// (the word that stays, whether the second word varies, a deletion of the varying word's
/// skeleton).
type PairBucket = (u32, bool, String);

fn group_pairs(nodes: &[Node<'_>], corpus: &Corpus<'_>) -> Vec<Vec<usize>> {
    let mut groups = Groups::new(nodes.len());
    let text = |id: u32| corpus.vocab.text(id);
    let skeletons: Vec<(Vec<char>, Vec<char>)> = nodes
        .iter()
        .map(|n| {
            let (a, b) = n.pair.expect("pair node");
            (skeleton(text(a)), skeleton(text(b)))
        })
        .collect();
    // (the word that stays, whether the second word varies, a deletion of the varying word's
    // skeleton).
    let mut buckets: FxHashMap<PairBucket, Vec<usize>> = FxHashMap::default();
    for (i, n) in nodes.iter().enumerate() {
        let (a, b) = n.pair.expect("pair node");
        let (sa, sb) = &skeletons[i];
        if sb.len() >= 3 {
            for d in deletions(sb) {
                buckets.entry((a, true, d)).or_default().push(i);
            }
        }
        if sa.len() >= 3 {
            for d in deletions(sa) {
                buckets.entry((b, false, d)).or_default().push(i);
            }
        }
    }
    let mut list: Vec<(&PairBucket, &Vec<usize>)> =
        buckets.iter().filter(|(_, v)| v.len() >= 2).collect();
    list.sort();
    for ((_, second_varies, _), bucket) in list {
        for (x, &i) in bucket.iter().enumerate() {
            for &j in &bucket[x + 1..] {
                let (pi, pj) = (nodes[i].pair.expect("pair"), nodes[j].pair.expect("pair"));
                let (wi, wj, si, sj) = if *second_varies {
                    (pi.1, pj.1, &skeletons[i].1, &skeletons[j].1)
                } else {
                    (pi.0, pj.0, &skeletons[i].0, &skeletons[j].0)
                };
                if wi != wj
                    && !inflections(text(wi), text(wj))
                    && (si == sj || one_loose_swap(si, sj))
                {
                    groups.union(i, j);
                }
            }
        }
    }
    groups.into_groups()
}

/// Every form of every entry, canonical, to the entry (the first, where two share one).
fn glossary_forms(glossary: &Glossary) -> FxHashMap<String, usize> {
    let mut forms = FxHashMap::default();
    for (e, entry) in glossary.terms.iter().enumerate() {
        for form in entry.forms() {
            forms.entry(canonical(form)).or_insert(e);
        }
    }
    forms
}

/// The entry that already covers a spelling: one of its forms, a glossary match of the whole
/// spelling, or the hits around every occurrence of it in the corpus.
fn entry_of(
    surface: &str,
    node: &Node<'_>,
    forms: &FxHashMap<String, usize>,
    matcher: &Matcher,
) -> Option<usize> {
    if let Some(&e) = forms.get(&node.normalized) {
        return Some(e);
    }
    let hits = matcher.find(surface);
    if let [hit] = hits.as_slice()
        && hit.span.start == 0
        && hit.span.end == surface.len()
    {
        return Some(hit.entry);
    }
    let s = node.spelling;
    if s.occurrences > 0 && s.covered == s.occurrences {
        let mut entries = s.entries.clone();
        entries.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(&b.0)));
        return entries.first().map(|&(e, _)| e as usize);
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::glossary::Entry;

    fn doc(id: &str, text: &str) -> Document {
        Document {
            id: id.to_string(),
            text: text.to_string(),
            body_start: 0,
            meta: Default::default(),
        }
    }

    fn docs(texts: &[&str]) -> Vec<Document> {
        texts
            .iter()
            .enumerate()
            .map(|(i, t)| doc(&format!("{i}.txt"), t))
            .collect()
    }

    fn glossary(entries: &[(&str, &str, &[&str])]) -> Glossary {
        Glossary {
            meta: None,
            terms: entries
                .iter()
                .map(|(ar, en, variants)| Entry {
                    variants: variants.iter().map(|v| v.to_string()).collect(),
                    kind: Some("person".into()),
                    ..Entry::new(*ar, *en)
                })
                .collect(),
        }
    }

    fn run(texts: &[&str], g: &Glossary) -> Suggestions {
        let documents = docs(texts);
        suggest(
            &documents,
            g,
            &Matcher::new(g),
            &SuggestOptions {
                limit: 1000,
                ..SuggestOptions::default()
            },
        )
    }

    fn position(s: &Suggestions, normalized: &str) -> Option<usize> {
        s.phrases.iter().position(|p| p.normalized == normalized)
    }

    #[test]
    fn a_phrase_in_three_articles_ranks_above_one_in_two() {
        let texts = [
            "افتتحت الحكومة مصفاة الشمال الجديدة. وعبر الوفد جسر النهر مساء.",
            "زار الوزير مصفاة الشمال أمس. ثم عبر الموكب جسر النهر بسرعة.",
            "توقف العمل في مصفاة الشمال بعد الحريق.",
        ];
        let s = run(&texts, &Glossary::default());
        let refinery = position(&s, "مصفاه الشمال").expect("refinery suggested");
        let bridge = position(&s, "جسر النهر").expect("bridge suggested");
        assert!(refinery < bridge, "{:#?}", s.phrases);
        assert_eq!(s.phrases[refinery].articles, 3);
        assert_eq!(s.phrases[refinery].phrase, "مصفاة الشمال");
        assert_eq!(s.phrases[refinery].examples.len(), 3);
        assert_eq!(s.phrases[bridge].articles, 2);
        let (id, span) = &s.phrases[bridge].examples[1];
        assert_eq!(id, "1.txt");
        assert_eq!(span.slice(texts[1]), "جسر النهر");
        // Single words of the refinery's name never occur without it: only the phrase is shown.
        assert!(position(&s, "مصفاه").is_none() && position(&s, "الشمال").is_none());
    }

    #[test]
    fn clitic_forms_count_together() {
        let s = run(
            &[
                "وصل وفد الأمم المتحدة إلى كازاخستان صباحا.",
                "عاد السفير من روسيا وكازاخستان بعد جولة طويلة.",
                "قدمت الصين مساعدات لكازاخستان هذا الأسبوع.",
            ],
            &Glossary::default(),
        );
        let k = position(&s, "كازاخستان").unwrap_or_else(|| panic!("{:#?}", s.phrases));
        assert_eq!(s.phrases[k].articles, 3);
        assert_eq!(s.phrases[k].occurrences, 3);
        assert_eq!(s.phrases[k].phrase, "كازاخستان");
        assert!(position(&s, "وكازاخستان").is_none());
        assert!(position(&s, "لكازاخستان").is_none());
    }

    #[test]
    fn covered_terms_are_not_suggested() {
        let g = glossary(&[("كازاخستان", "Kazakhstan", &[])]);
        let s = run(
            &[
                "وصل وفد الأمم المتحدة إلى كازاخستان صباحا.",
                "عاد وفد الأمم المتحدة من روسيا وكازاخستان بعد جولة.",
                "قدمت الصين مساعدات لكازاخستان هذا الأسبوع.",
            ],
            &g,
        );
        assert!(!s.phrases.is_empty());
        for p in &s.phrases {
            assert!(!p.normalized.contains("كازاخستان"), "{p:?}");
        }
        assert!(
            position(&s, "وفد الامم المتحده").is_some(),
            "{:#?}",
            s.phrases
        );
    }

    #[test]
    fn stopwords_never_begin_or_end_a_phrase() {
        let s = run(
            &[
                "قال المتحدث إن الوضع في المدينة هادئ منذ الصباح.",
                "وقال المتحدث إن الوضع في المدينة متوتر على الحدود.",
                "أكد المتحدث أن الوضع في المدينة يتحسن ما دام الهدوء قائما.",
            ],
            &Glossary::default(),
        );
        assert!(!s.phrases.is_empty());
        for p in &s.phrases {
            let words: Vec<&str> = p.normalized.split(' ').collect();
            for edge in [words[0], words[words.len() - 1]] {
                assert!(!is_stopword(edge), "{p:?}");
            }
        }
        // A function word may stand inside a phrase.
        assert!(
            position(&s, "الوضع في المدينه").is_some(),
            "{:#?}",
            s.phrases
        );
    }

    #[test]
    fn only_maximal_phrases_are_kept() {
        let s = run(
            &[
                "وصلت طائرة منظمة الإغاثة الدولية إلى المطار.",
                "أرسلت منظمة الإغاثة الدولية خياما إلى القرى.",
                "قالت منظمة الإغاثة الدولية إن المخزون نفد. وتعمل الإغاثة في ظروف صعبة.",
                "تواصل الإغاثة عملها رغم المطر.",
            ],
            &Glossary::default(),
        );
        let full = position(&s, "منظمه الاغاثه الدوليه").expect("maximal phrase");
        assert_eq!(s.phrases[full].articles, 3);
        // Never outside the longer phrase: left out.
        assert!(position(&s, "منظمه الاغاثه").is_none(), "{:#?}", s.phrases);
        assert!(position(&s, "الاغاثه الدوليه").is_none());
        assert!(position(&s, "منظمه").is_none());
        assert!(position(&s, "دوليه").is_none() && position(&s, "الدوليه").is_none());
        // Also used on its own: kept, under the longer phrase it shares articles with.
        let alone = s
            .phrases
            .iter()
            .position(|p| p.phrase == "الإغاثة")
            .expect("sub-phrase used alone");
        assert_eq!(s.phrases[alone].articles, 4);
    }

    #[test]
    fn the_spokespersons_three_spellings_form_one_group() {
        let g = glossary(&[("سالتانات أزيربك", "Saltanat Azirbek", &[])]);
        let s = run(
            &[
                "وقالت المتحدثة سالتانات أزيربك إن الوضع تحت السيطرة.",
                "وأوضحت المتحدثة سلطانة أزيربك أن الشرطة اعتقلت العشرات.",
                "ونفت سلطانات أزيربك سقوط ضحايا مدنيين.",
            ],
            &g,
        );
        let groups: Vec<_> = s
            .variant_groups
            .iter()
            .filter(|v| v.spellings.iter().any(|(sp, _)| sp.contains("أزيربك")))
            .collect();
        assert_eq!(groups.len(), 1, "{:#?}", s.variant_groups);
        let mut spellings: Vec<&str> = groups[0]
            .spellings
            .iter()
            .map(|(sp, _)| sp.as_str())
            .collect();
        spellings.sort();
        assert_eq!(
            spellings,
            ["سالتانات أزيربك", "سلطانات أزيربك", "سلطانة أزيربك"]
        );
        assert_eq!(groups[0].covered_by, Some(0));
        // Without the glossary the group stands alone.
        let s = run(
            &[
                "وقالت المتحدثة سالتانات أزيربك إن الوضع تحت السيطرة.",
                "وأوضحت المتحدثة سلطانة أزيربك أن الشرطة اعتقلت العشرات.",
            ],
            &Glossary::default(),
        );
        assert!(
            s.variant_groups
                .iter()
                .any(|v| v.covered_by.is_none() && v.spellings.len() == 2),
            "{:#?}",
            s.variant_groups
        );
    }

    #[test]
    fn transliterations_of_a_place_and_a_name_group() {
        let s = run(
            &[
                "اندلعت المواجهات في ألماتي ليلا. وتحدث توكاييف إلى الأمة.",
                "عاد الهدوء إلى آلماتا صباحا. وأقال توكايف الحكومة.",
                "أغلق مطار ألما آتا أبوابه.",
            ],
            &Glossary::default(),
        );
        let has = |a: &str, b: &str| {
            s.variant_groups.iter().any(|v| {
                v.spellings.iter().any(|(x, _)| x == a) && v.spellings.iter().any(|(x, _)| x == b)
            })
        };
        assert!(has("ألماتي", "آلماتا"), "{:#?}", s.variant_groups);
        assert!(has("ألماتي", "ألما آتا"), "{:#?}", s.variant_groups);
        assert!(has("توكاييف", "توكايف"), "{:#?}", s.variant_groups);
    }

    #[test]
    fn unrelated_common_words_are_not_grouped() {
        let s = run(
            &[
                "زار مدير المستشفى مدينة صغيرة. وأعلنت الحكومة خطة جديدة.",
                "قال مدير الشركة إن مدينة الميناء تضررت. وتضررت مبان حكومية.",
                "عين الوزير مديرا جديدا للمدينة.",
            ],
            &Glossary::default(),
        );
        for v in &s.variant_groups {
            let has = |w: &str| v.spellings.iter().any(|(x, _)| x == w);
            assert!(!(has("مدينة") && has("مدير")), "{v:?}");
            assert!(!(has("الحكومة") && has("حكومية")), "{v:?}");
        }
    }

    #[test]
    fn skeletons_fold_transliteration_differences() {
        let sk = |w: &str| skeleton(&normalize_str(w)).into_iter().collect::<String>();
        assert_eq!(sk("سالتانات"), sk("سلطانة"));
        assert_eq!(sk("سلطانات"), sk("سلطانة"));
        assert_eq!(sk("ألماتي"), sk("آلماتا"));
        assert_eq!(sk("ألماتا"), sk("ألما آتا"));
        assert_eq!(sk("توكاييف"), sk("توكايف"));
        assert_ne!(sk("مدينة"), sk("مدير"));
        assert!(one_loose_swap(
            &skeleton("كازاخستان"),
            &skeleton("قازاقستان")
        ));
        assert!(!one_loose_swap(&skeleton("استقالة"), &skeleton("مستقلة")));
        assert!(inflections("كثيرا", "كثير") && inflections("مسلحون", "مسلحين"));
        assert!(inflections("عمليه", "عمليات") && inflections("اصيبوا", "اصيب"));
        assert!(!inflections("الماتي", "الماتا") && !inflections("سالتانات", "سلطانه"));
        assert!(vowels_added("توكاييف", "توكايف") && vowels_added("جومارت", "جومرد"));
        assert!(vowels_added("الماتي", "الما اتا"));
        assert!(!vowels_added("نشاط", "ناشد") && !vowels_added("تقييم", "تقاوم"));
    }

    #[test]
    fn stopwords_are_stored_normalized() {
        assert!(is_stopword("الي"));
        assert!(is_stopword("علي"));
        assert!(is_stopword("ان"));
        assert!(is_stopword("الخميس"));
        assert!(!is_stopword("كازاخستان"));
    }

    #[test]
    fn the_sample_corpus_gets_suggestions_the_glossary_does_not_cover() {
        let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR"));
        let corpus = crate::corpus::load(
            &[root.join("examples/kazakhstan")],
            &crate::corpus::LoadOptions::default(),
        )
        .expect("sample corpus");
        let g = crate::glossary::load(&root.join("glossary.toml")).expect("glossary");
        let matcher = Matcher::new(&g);
        let s = suggest(&corpus.documents, &g, &matcher, &SuggestOptions::default());
        assert!(!s.phrases.is_empty());
        for p in &s.phrases {
            assert!(p.articles >= 2, "{p:?}");
            for (id, span) in &p.examples {
                let d = corpus.documents.iter().find(|d| &d.id == id).expect("doc");
                let text = span.slice(&d.text);
                assert!(matcher.find(text).is_empty(), "{p:?} covered in {text}");
            }
        }
    }

    #[test]
    fn the_sample_corpus_spellings_group_without_a_glossary() {
        let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR"));
        let corpus = crate::corpus::load(
            &[root.join("examples/kazakhstan")],
            &crate::corpus::LoadOptions::default(),
        )
        .expect("sample corpus");
        let g = Glossary::default();
        let s = suggest(
            &corpus.documents,
            &g,
            &Matcher::new(&g),
            &SuggestOptions::default(),
        );
        let groups: Vec<Vec<&str>> = s
            .variant_groups
            .iter()
            .map(|v| v.spellings.iter().map(|(sp, _)| sp.as_str()).collect())
            .collect();
        assert!(
            groups.contains(&vec!["ألماتي", "آلماتا", "ألما آتا"]),
            "{groups:?}"
        );
        assert!(groups.contains(&vec!["نت بلوكس", "نتبلوكس"]), "{groups:?}");
        assert!(
            groups.iter().any(|g| g.len() == 3
                && g.contains(&"سالتانات أزيربك")
                && g.contains(&"سلطانة أزيربك")
                && g.contains(&"سلطانات أزيربك")),
            "{groups:?}"
        );
    }
}
