//! Word-level differences between two aligned sentences, with what matters called out: a
//! figure that differs, a name spelled another way, a clause only one source has.

use crate::align::features::stem;
use crate::glossary::Matcher;
use crate::text::function_words::says_little;
use crate::text::normalize_str;
use crate::text::numbers::{is_number_word, parse_digits};
use serde::Serialize;
use similar::{Algorithm, DiffOp, capture_diff_slices};
use std::collections::HashSet;

/// One step of the word diff; the strings are original words joined by spaces.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(tag = "op", rename_all = "lowercase")]
pub enum Op {
    Equal { a: String, b: String },
    Delete { a: String },
    Insert { b: String },
    Replace { a: String, b: String },
}

#[non_exhaustive]
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum CalloutKind {
    /// A figure one source gives and the other gives otherwise (or not at all).
    Figure,
    /// The same word or name spelled differently.
    Spelling,
    /// Words only one source has (added or left out), or that it says otherwise: every such
    /// run with a word that says something (not only particles or attribution, see
    /// [`says_little`]), however short.
    Clause,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Callout {
    pub kind: CalloutKind,
    /// What sentence A has ("" when it has nothing there).
    pub a: String,
    pub b: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct WordDiff {
    pub ops: Vec<Op>,
    pub callouts: Vec<Callout>,
}

/// Words shorter than this that differ are not called spelling variants.
const MIN_VARIANT_LETTERS: usize = 5;
/// Nor words longer than this.
const MAX_VARIANT_LETTERS: usize = 40;

/// A sentence made ready for diffing: its words, their comparison keys, the glossary entry of
/// each word and its figures. A caller diffing one sentence against many prepares it once.
#[derive(Debug, Clone)]
pub struct Prepared<'a> {
    words: Vec<&'a str>,
    keys: Vec<String>,
    entries: Vec<Option<usize>>,
    figures: Vec<String>,
}

impl Prepared<'_> {
    /// Whether the two have the same figures by value and the same glossary entries (as sets,
    /// as the figure callout and honest reuse compare them): a cheap test before a diff, since
    /// two sentences that differ in either cannot share a translation.
    pub fn same_figures_and_entries(&self, other: &Prepared<'_>) -> bool {
        fn figures(f: &[String]) -> HashSet<&str> {
            f.iter().map(String::as_str).collect()
        }
        fn entries(e: &[Option<usize>]) -> HashSet<usize> {
            e.iter().flatten().copied().collect()
        }
        (self.figures == other.figures || figures(&self.figures) == figures(&other.figures))
            && entries(&self.entries) == entries(&other.entries)
    }

    /// The glossary entries the sentence names, each with the words that name it.
    pub fn entries(&self) -> Vec<(usize, String)> {
        let mut out: Vec<(usize, String)> = Vec::new();
        for (k, entry) in self.entries.iter().enumerate() {
            let Some(e) = *entry else { continue };
            match out.last_mut() {
                Some((last, words)) if *last == e && k > 0 && self.entries[k - 1] == Some(e) => {
                    words.push(' ');
                    words.push_str(bare(self.words[k]));
                }
                _ => out.push((e, bare(self.words[k]).to_string())),
            }
        }
        out
    }
}

/// Prepare `text` for [`diff_prepared`].
pub fn prepare<'a>(text: &'a str, matcher: Option<&Matcher>) -> Prepared<'a> {
    match matcher {
        Some(m) => prepare_with_hits(text, &m.find(text)),
        None => {
            let mut prepared = prepare_with_hits(text, &[]);
            prepared.entries.clear();
            prepared
        }
    }
}

/// [`prepare`], with the sentence's glossary hits found already (`matcher.find(text)`).
pub fn prepare_with_hits<'a>(text: &'a str, hits: &[crate::glossary::Hit]) -> Prepared<'a> {
    prepare_tokenized(text, &crate::text::tokenize(text), hits)
}

/// [`prepare_with_hits`] of a sentence tokenized already (`tokenize(text)`).
pub fn prepare_tokenized<'a>(
    text: &'a str,
    tokenized: &crate::text::Tokenized,
    hits: &[crate::glossary::Hit],
) -> Prepared<'a> {
    let words: Vec<&str> = text.split_whitespace().collect();
    let figures = crate::align::features::figure_units_tokenized(tokenized, hits)
        .into_iter()
        .filter_map(|u| u.strip_prefix("n:").map(str::to_string))
        .collect();
    Prepared {
        keys: words.iter().map(|w| key(w)).collect(),
        words,
        entries: entries_of_words(text, hits),
        figures,
    }
}

/// Diff two sentences word by word. Words are compared in normalized form (so أ/ا, ة/ه and
/// diacritics do not count as differences) and shown as written.
pub fn diff(a: &str, b: &str, matcher: Option<&Matcher>) -> WordDiff {
    diff_prepared(&prepare(a, matcher), &prepare(b, matcher))
}

/// [`diff`] of two prepared sentences.
pub fn diff_prepared(a: &Prepared<'_>, b: &Prepared<'_>) -> WordDiff {
    let (words_a, words_b) = (&a.words, &b.words);
    let (entries_a, entries_b) = (&a.entries, &b.entries);
    let (keys_a, keys_b) = (&a.keys, &b.keys);
    let join = |words: &[&str]| words.join(" ");
    let mut ops = Vec::new();
    let mut callouts = Vec::new();
    for op in capture_diff_slices(Algorithm::Patience, keys_a, keys_b) {
        match op {
            DiffOp::Equal {
                old_index,
                new_index,
                len,
            } => ops.push(Op::Equal {
                a: join(&words_a[old_index..old_index + len]),
                b: join(&words_b[new_index..new_index + len]),
            }),
            DiffOp::Delete {
                old_index, old_len, ..
            } => {
                let words = &words_a[old_index..old_index + old_len];
                if tells(&keys_a[old_index..old_index + old_len]) {
                    callouts.push(Callout {
                        kind: CalloutKind::Clause,
                        a: join(words),
                        b: String::new(),
                    });
                }
                ops.push(Op::Delete { a: join(words) });
            }
            DiffOp::Insert {
                new_index, new_len, ..
            } => {
                let words = &words_b[new_index..new_index + new_len];
                if tells(&keys_b[new_index..new_index + new_len]) {
                    callouts.push(Callout {
                        kind: CalloutKind::Clause,
                        a: String::new(),
                        b: join(words),
                    });
                }
                ops.push(Op::Insert { b: join(words) });
            }
            DiffOp::Replace {
                old_index,
                old_len,
                new_index,
                new_len,
            } => {
                let old = &words_a[old_index..old_index + old_len];
                let new = &words_b[new_index..new_index + new_len];
                let old_keys = &keys_a[old_index..old_index + old_len];
                let new_keys = &keys_b[new_index..new_index + new_len];
                if old.len() == new.len() {
                    // Word by word: a spelling variant is called out as such; a run of other
                    // words said otherwise is a clause.
                    let mut run: Option<usize> = None;
                    let close = |run: &mut Option<usize>, end: usize, callouts: &mut Vec<_>| {
                        if let Some(start) = run.take()
                            && (tells(&old_keys[start..end]) || tells(&new_keys[start..end]))
                        {
                            callouts.push(Callout {
                                kind: CalloutKind::Clause,
                                a: join(&old[start..end]),
                                b: join(&new[start..end]),
                            });
                        }
                    };
                    for k in 0..old.len() {
                        let same_entry = match (
                            entries_a.get(old_index + k).copied().flatten(),
                            entries_b.get(new_index + k).copied().flatten(),
                        ) {
                            (Some(x), Some(y)) => Some(x == y),
                            _ => None,
                        };
                        let (ka, kb) = (&old_keys[k], &new_keys[k]);
                        if is_spelling_variant(old[k], new[k], same_entry) {
                            close(&mut run, k, &mut callouts);
                            callouts.push(Callout {
                                kind: CalloutKind::Spelling,
                                a: bare(old[k]).to_string(),
                                b: bare(new[k]).to_string(),
                            });
                        } else if stem(ka) == stem(kb)
                            || same_entry == Some(true)
                            || inflected(ka, kb)
                        {
                            // The same word through a clitic or an ending, or one entry.
                            close(&mut run, k, &mut callouts);
                        } else if run.is_none() {
                            run = Some(k);
                        }
                    }
                    close(&mut run, old.len(), &mut callouts);
                } else if is_spelling_variant(&old.join(""), &new.join(""), None)
                    || old_keys.concat() == new_keys.concat()
                {
                    // One name written as one word or two (ألما آتا, آلماتا; نت بلوكس).
                    callouts.push(Callout {
                        kind: CalloutKind::Spelling,
                        a: bare(&join(old)).to_string(),
                        b: bare(&join(new)).to_string(),
                    });
                } else if tells(old_keys) || tells(new_keys) {
                    callouts.push(Callout {
                        kind: CalloutKind::Clause,
                        a: join(old),
                        b: join(new),
                    });
                }
                ops.push(Op::Replace {
                    a: join(old),
                    b: join(new),
                });
            }
        }
    }
    callouts.extend(figure_callouts(&a.figures, &b.figures));
    WordDiff { ops, callouts }
}

/// Whether a run of words one source has and the other does not (or says otherwise) tells the
/// reader something: a word that is not a particle, attribution or part of a figure (figures
/// are compared by value, [`figure_callouts`]). Takes the words' [`key`]s.
fn tells(keys: &[String]) -> bool {
    keys.iter().any(|k| {
        let k = k.as_str();
        !k.is_empty()
            && !says_little(k)
            && !is_number_word(k)
            && parse_digits(k).is_none()
            && !k.chars().any(|c| c.is_ascii_digit())
    })
}

/// Endings of agreement (gender, number): أرسل / أرسلت, مسؤول / مسؤولون.
const AGREEMENT_ENDINGS: &[&str] = &["ت", "ه", "ا", "ي", "ن", "ون", "ين", "ان", "ات", "وا"];

/// Two forms of one word that differ only by an ending of agreement, on a stem of three
/// letters or more.
fn inflected(a: &str, b: &str) -> bool {
    let (short, long) = if a.len() <= b.len() { (a, b) } else { (b, a) };
    short.chars().count() >= 3
        && long
            .strip_prefix(short)
            .is_some_and(|ending| AGREEMENT_ENDINGS.contains(&ending))
}

/// A word without the punctuation around it.
fn bare(word: &str) -> &str {
    word.trim_matches(|c: char| !crate::text::chars::is_alphanumeric(c))
}

/// A word's comparison key: normalized, without the punctuation around it.
fn key(word: &str) -> String {
    normalize_str(bare(word))
}

/// For each white-space word of `text`, the glossary entry a hit covering it belongs to.
fn entries_of_words(text: &str, hits: &[crate::glossary::Hit]) -> Vec<Option<usize>> {
    // Hits come in text order and do not overlap, so one cursor walks them beside the words:
    // linear in the sentence, not words × hits.
    let mut next = 0;
    let mut offset = 0;
    text.split_whitespace()
        .map(|word| {
            let start = offset + text[offset..].find(word).unwrap_or(0);
            offset = start + word.len();
            while next < hits.len() && hits[next].span.end <= start {
                next += 1;
            }
            hits.get(next)
                .filter(|h| h.span.start < offset)
                .map(|h| h.entry)
        })
        .collect()
}

/// Two words that name the same thing: one glossary entry, or (for words the glossary does not
/// know) spellings of five letters or more that begin alike and are a letter or two apart.
/// Words that differ only by a clitic (لمكافحة / مكافحة) are the same word, not a variant.
fn is_spelling_variant(x: &str, y: &str, same_entry: Option<bool>) -> bool {
    let (kx, ky) = (key(x), key(y));
    if kx == ky || kx.chars().any(|c| c.is_ascii_digit()) || ky.chars().any(|c| c.is_ascii_digit())
    {
        return false;
    }
    if stem(&kx) == stem(&ky) {
        return false;
    }
    if let Some(same) = same_entry {
        return same;
    }
    let (lx, ly) = (kx.chars().count(), ky.chars().count());
    // Lengths more than two apart are more than two edits apart; a "word" longer than any
    // name (a run of text without spaces) is no spelling variant, and would cost length².
    lx >= MIN_VARIANT_LETTERS
        && ly >= MIN_VARIANT_LETTERS
        && lx.max(ly) <= MAX_VARIANT_LETTERS
        && lx.abs_diff(ly) <= 2
        && kx.chars().next() == ky.chars().next()
        && edit_distance(&kx, &ky) <= 2
}

/// Figures (by value) that one sentence has and the other does not.
fn figure_callouts(fa: &[String], fb: &[String]) -> Vec<Callout> {
    // Sets for the look-ups (a long sentence has thousands of figures); the lists keep order.
    let (set_a, set_b): (HashSet<&String>, HashSet<&String>) =
        (fa.iter().collect(), fb.iter().collect());
    let only_a: Vec<&String> = fa.iter().filter(|f| !set_b.contains(f)).collect();
    let only_b: Vec<&String> = fb.iter().filter(|f| !set_a.contains(f)).collect();
    if only_a.is_empty() && only_b.is_empty() {
        return Vec::new();
    }
    let list = |v: &[&String]| v.iter().map(|s| s.as_str()).collect::<Vec<_>>().join(", ");
    vec![Callout {
        kind: CalloutKind::Figure,
        a: list(&only_a),
        b: list(&only_b),
    }]
}

fn edit_distance(a: &str, b: &str) -> usize {
    let a: Vec<char> = a.chars().collect();
    let b: Vec<char> = b.chars().collect();
    let mut row: Vec<usize> = (0..=b.len()).collect();
    for (i, ca) in a.iter().enumerate() {
        let mut previous = row[0];
        row[0] = i + 1;
        for (j, cb) in b.iter().enumerate() {
            let substitution = previous + usize::from(ca != cb);
            previous = row[j + 1];
            row[j + 1] = substitution.min(row[j] + 1).min(row[j + 1] + 1);
        }
    }
    row[b.len()]
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_cheap_pre_test_sees_figures_by_value_in_any_order() {
        let a = prepare("قتل 8 وأصيب 16 في ألماتي", None);
        let b = prepare("أصيب ستة عشر وقتل ثمانية في ألماتي", None);
        let c = prepare("قتل 9 وأصيب 16 في ألماتي", None);
        assert!(a.same_figures_and_entries(&b));
        assert!(!a.same_figures_and_entries(&c));
        assert!(
            diff_prepared(&a, &c)
                .callouts
                .iter()
                .any(|x| x.kind == CalloutKind::Figure)
        );
    }

    #[test]
    fn a_figure_that_differs_is_called_out() {
        let d = diff(
            "قتل 8 من أفراد قوات الأمن",
            "قتل 16 من أفراد قوات الأمن",
            None,
        );
        assert!(d.callouts.contains(&Callout {
            kind: CalloutKind::Figure,
            a: "8".into(),
            b: "16".into()
        }));
    }

    #[test]
    fn the_same_figure_in_other_digits_or_words_is_not_a_difference() {
        let d = diff("قتل 8 من عناصر الأمن", "قتل ثمانية من عناصر الأمن", None);
        assert!(
            d.callouts.iter().all(|c| c.kind != CalloutKind::Figure),
            "{d:?}"
        );
        let d = diff("قتل ٨ عناصر", "قتل 8 عناصر", None);
        assert!(
            d.ops.iter().all(|op| matches!(op, Op::Equal { .. })),
            "{d:?}"
        );
    }

    #[test]
    fn a_spelling_variant_is_called_out() {
        let d = diff(
            "قال المتحدث سالتانات أزيربك إن الوضع هادئ",
            "قال المتحدث سلطانات أزيربك إن الوضع هادئ",
            None,
        );
        assert_eq!(
            d.callouts,
            [Callout {
                kind: CalloutKind::Spelling,
                a: "سالتانات".into(),
                b: "سلطانات".into()
            }]
        );
    }

    #[test]
    fn a_clause_only_one_source_has_is_called_out() {
        let d = diff(
            "تعيش كازاخستان انقطاعا شاملا للإنترنت",
            "تعيش كازاخستان انقطاعا شاملا للإنترنت منذ مساء يوم الأربعاء",
            None,
        );
        assert!(d.callouts.contains(&Callout {
            kind: CalloutKind::Clause,
            a: String::new(),
            b: "منذ مساء يوم الأربعاء".into()
        }));
    }

    #[test]
    fn every_word_only_one_source_has_is_called_out_however_short() {
        let only_b = |a: &str, b: &str| -> Vec<String> {
            diff(a, b, None)
                .callouts
                .into_iter()
                .filter(|c| c.kind == CalloutKind::Clause)
                .map(|c| format!("{}|{}", c.a, c.b))
                .collect()
        };
        assert_eq!(
            only_b(
                "وسط الاحتجاجات في ألماتي",
                "وسط الاحتجاجات المتصاعدة في ألماتي"
            ),
            ["|المتصاعدة"]
        );
        assert_eq!(
            only_b(
                "أعلنت السلطات حالة الطوارئ في ألماتي",
                "أعلنت السلطات مساء الأربعاء حالة الطوارئ في ألماتي"
            ),
            ["|مساء الأربعاء"]
        );
        // A word said otherwise is a clause too; a clitic or a particle is not.
        assert_eq!(
            only_b("الطوارئ في ألماتي", "الطوارئ في أستانا"),
            ["ألماتي|أستانا"]
        );
        assert!(only_b("وقال المتحدث إن الوضع هادئ", "قال المتحدث الوضع هادئ").is_empty());
        assert!(only_b("وأعلن أنه أرسل قوات", "وأعلنت أنها أرسلت قوات").is_empty());
        // A name written as one word or two is a spelling.
        let d = diff("من ألماتي أمس", "من ألما آتا أمس", None);
        assert_eq!(d.callouts[0].kind, CalloutKind::Spelling, "{d:?}");
        // A figure is compared by value, not as words.
        assert!(only_b("قتل 8 أشخاص", "قتل ثمانية أشخاص").is_empty());
    }

    #[test]
    fn folded_spellings_are_equal_words() {
        let d = diff("أعلنت الشرطة", "اعلنت الشرطه", None);
        assert_eq!(
            d.ops,
            [Op::Equal {
                a: "أعلنت الشرطة".into(),
                b: "اعلنت الشرطه".into()
            }]
        );
    }
}
