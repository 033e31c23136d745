//! What a sentence is made of, for comparing it with others: content words without clitics,
//! glossary entries (two spellings of one name are one unit), and figures by value.

use crate::glossary::{Hit, Matcher};
use crate::text::function_words::is_light_for_alignment;
use crate::text::numbers::{Quantity, QuantityMatch, quantity_at};
use crate::text::tokens::{TokenKind, Tokenized, tokenize};

/// A unit of meaning, as a string key: `w:<stem>`, `g:<entry>`, `n:<value>`.
pub type Unit = String;

/// The units of one sentence, in order, with whether each is a low-weight function word.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Features {
    pub units: Vec<(Unit, bool)>,
}

/// A unit as the walker finds it, before it is named or hashed.
#[derive(Debug, Clone, Copy)]
pub enum UnitRef<'a> {
    Word(&'a str),
    Entry(usize),
    Number(f64),
}

impl UnitRef<'_> {
    /// The unit's key: `w:<stem>`, `g:<entry>`, `n:<value>`.
    pub fn key(&self) -> Unit {
        match self {
            UnitRef::Word(w) => format!("w:{w}"),
            UnitRef::Entry(e) => format!("g:{e}"),
            UnitRef::Number(v) => number_unit(*v),
        }
    }

    /// A 64-bit hash of [`UnitRef::key`], computed without building the string: the aligner
    /// counts units of a million sentences by hash.
    pub fn hash(&self) -> u64 {
        use std::hash::Hasher;
        let mut h = rustc_hash::FxHasher::default();
        match self {
            UnitRef::Word(w) => {
                h.write_u8(b'w');
                h.write(w.as_bytes());
            }
            UnitRef::Entry(e) => {
                h.write_u8(b'g');
                h.write_usize(*e);
            }
            UnitRef::Number(v) => {
                h.write_u8(b'n');
                h.write_u64(v.to_bits());
            }
        }
        h.finish()
    }
}

/// The units of `text`. Glossary hits replace the words they cover with their entry.
pub fn features(text: &str, matcher: Option<&Matcher>) -> Features {
    let mut units = Vec::new();
    walk_units(text, matcher, |unit, light| units.push((unit.key(), light)));
    Features { units }
}

/// Call `emit(unit, light)` for each unit of `text`, in order.
pub fn walk_units(text: &str, matcher: Option<&Matcher>, mut emit: impl FnMut(UnitRef<'_>, bool)) {
    walk_units_as_written(text, matcher, |unit, light, _| emit(unit, light));
}

/// [`walk_units`], with each word unit's normalized form as written (clitics and article
/// kept; empty for entries and figures), for readers that need to see the article.
pub fn walk_units_as_written(
    text: &str,
    matcher: Option<&Matcher>,
    emit: impl FnMut(UnitRef<'_>, bool, &str),
) {
    let tokenized = tokenize(text);
    let hits = matcher
        .map(|m| m.find_tokenized(&tokenized))
        .unwrap_or_default();
    walk_tokenized(&tokenized, &hits, true, emit);
}

/// The figures of a tokenized sentence by value (its `n:<value>` units, as [`features`] names
/// them), from its glossary hits found already: the word diff needs only these, not every stem.
pub fn figure_units_tokenized(tokenized: &Tokenized, hits: &[Hit]) -> Vec<Unit> {
    let mut out = Vec::new();
    walk_tokenized(tokenized, hits, false, |unit, _, _| out.push(unit.key()));
    out
}

/// The walk of [`walk_units_as_written`] over tokens and hits; words are emitted only when
/// `words` is set (entries and figures always).
fn walk_tokenized(
    tokenized: &Tokenized,
    hits: &[Hit],
    words: bool,
    mut emit: impl FnMut(UnitRef<'_>, bool, &str),
) {
    let mut hit = hits.iter().peekable();
    let tokens = &tokenized.tokens;
    let mut i = 0;
    while i < tokens.len() {
        let token = &tokens[i];
        // A glossary hit covering this token: one unit for the whole term.
        while hit.peek().is_some_and(|h| h.span.end <= token.span.start) {
            hit.next();
        }
        if let Some(h) = hit.peek()
            && h.span.start <= token.span.start
            && token.span.end <= h.span.end
        {
            emit(UnitRef::Entry(h.entry), false, "");
            while i < tokens.len() && tokens[i].span.end <= h.span.end {
                i += 1;
            }
            hit.next();
            continue;
        }
        // A figure, by value however written: 3,958, ٣٩٥٨, ثمانية, 6 آلاف, ستة آلاف.
        if let Some(QuantityMatch {
            quantity: Quantity::Exact(value),
            end,
            ..
        }) = quantity_at(tokenized, i)
        {
            emit(UnitRef::Number(value), false, "");
            i = end.max(i + 1);
            continue;
        }
        if !words {
            i += 1;
            continue;
        }
        let norm = tokenized.norm(token);
        match token.kind {
            // Digits that are not one number (06.01.2022) compare as written.
            TokenKind::Number => emit(UnitRef::Word(norm), false, norm),
            TokenKind::Word => {
                let stem = stem(norm);
                let light = is_light_for_alignment(stem) || is_light_for_alignment(norm);
                // Single letters (leftover clitics, initials) say nothing.
                if stem.chars().nth(1).is_some() {
                    emit(UnitRef::Word(stem), light, norm);
                }
            }
        }
        i += 1;
    }
}

pub use crate::text::clitics::light_stem as stem;

fn number_unit(value: f64) -> Unit {
    if value.fract() == 0.0 && value.abs() < 1e15 {
        format!("n:{}", value as i64)
    } else {
        format!("n:{value}")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn units(text: &str) -> Vec<String> {
        features(text, None)
            .units
            .into_iter()
            .map(|u| u.0)
            .collect()
    }

    #[test]
    fn figures_compare_by_value_in_any_script_and_in_words() {
        assert!(units("قتل ٣٩٥٨ شخصا").contains(&"n:3958".to_string()));
        assert!(units("قتل 3,958 شخصا").contains(&"n:3958".to_string()));
        assert!(units("قتل ثمانية من عناصر الأمن").contains(&"n:8".to_string()));
        assert!(units("اعتقال 6 آلاف شخص").contains(&"n:6000".to_string()));
        assert!(units("أكثر من ألف جريح").contains(&"n:1000".to_string()));
        assert!(units("بلغ ٧٫٥ بالمئة").contains(&"n:7.5".to_string()));
    }

    #[test]
    fn clitics_are_peeled_for_comparison() {
        assert_eq!(units("والمتظاهرين"), units("المتظاهرين"));
        assert_eq!(units("بالشرطة"), units("للشرطة"));
    }

    #[test]
    fn figure_units_are_the_number_units_of_features() {
        let text = "قتل ٣٩٥٨ شخصا وأصيب أكثر من ألف في 12 مدينة";
        let from_features: Vec<String> = units(text)
            .into_iter()
            .filter(|u| u.starts_with("n:"))
            .collect();
        assert_eq!(figure_units_tokenized(&tokenize(text), &[]), from_features);
        assert_eq!(from_features, ["n:3958", "n:1000", "n:12"]);
    }

    #[test]
    fn attribution_words_are_light() {
        let f = features("وقال المتحدث", None);
        assert!(f.units[0].1, "{:?}", f.units);
        assert!(!f.units[1].1);
    }
}
