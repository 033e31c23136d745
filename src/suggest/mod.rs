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
//! A phrase may not begin or end with a function word (`text::function_words`: particles, pronouns,
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

mod phrases;
mod reading;
mod variants;

use crate::corpus::Document;
use crate::glossary::{Glossary, Matcher};
use crate::text::span::Span;
use reading::CorpusWords;
use serde::Serialize;

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

/// Uncovered, recurring phrases and spelling-variant groups of `documents` (see the module
/// documentation for the rules). `matcher` must be compiled from `glossary`.
pub fn suggest(
    documents: &[Document],
    glossary: &Glossary,
    matcher: &Matcher,
    options: &SuggestOptions,
) -> Suggestions {
    let corpus = CorpusWords::read(documents, glossary, matcher);
    Suggestions {
        phrases: phrases::phrases(&corpus, options),
        variant_groups: variants::variant_groups(&corpus, glossary, matcher, options.limit),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::glossary::Entry;
    use crate::text::function_words::is_phrase_stopword;

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
                assert!(!is_phrase_stopword(edge), "{p:?}");
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
