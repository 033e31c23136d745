//! The terms of an article for clustering: glossary entries (two spellings of one name are one
//! term) and the light stems of its content words; figures, function words and single letters
//! say nothing about which event an article covers and are left out.

use super::TermId;
use crate::glossary::Matcher;
use crate::text::clitics::light_stem;
use crate::text::function_words::is_light_for_alignment;
use crate::text::tokens::{TokenKind, Tokenized, tokenize};
use rustc_hash::{FxHashMap, FxHashSet};
use std::hash::Hasher;

/// The title counts this many times, the first [`LEAD`] sentences [`LEAD_WEIGHT`] times, the
/// rest once: a news article says what it is about first.
const TITLE_WEIGHT: f32 = 3.0;
const LEAD: usize = 3;
const LEAD_WEIGHT: f32 = 2.0;
/// Sentences read past the lead; a long article's tail is background.
const MAX_SENTENCES: usize = 40;

const ENTRY_BIT: u64 = 1 << 63;

/// The glossary entry a term stands for, if it is one (else it is a word's stem).
pub fn entry_of(id: TermId) -> Option<usize> {
    (id & ENTRY_BIT != 0).then_some((id & !ENTRY_BIT) as usize)
}

fn entry_id(entry: usize) -> TermId {
    ENTRY_BIT | entry as TermId
}

fn word_id(stem: &str) -> TermId {
    let mut h = rustc_hash::FxHasher::default();
    h.write(stem.as_bytes());
    h.finish() & !ENTRY_BIT
}

/// Term counts of an article: `title`, then its reporting `sentences` in order.
pub fn article_terms(
    title: Option<&str>,
    sentences: &[&str],
    matcher: Option<&Matcher>,
) -> Vec<(TermId, f32)> {
    let mut counts: FxHashMap<TermId, f32> = FxHashMap::default();
    let mut add = |text: &str, weight: f32| {
        each_term(text, matcher, |id, _| {
            *counts.entry(id).or_default() += weight
        });
    };
    if let Some(title) = title {
        add(title, TITLE_WEIGHT);
    }
    for (i, sentence) in sentences.iter().take(MAX_SENTENCES).enumerate() {
        add(sentence, if i < LEAD { LEAD_WEIGHT } else { 1.0 });
    }
    let mut terms: Vec<(TermId, f32)> = counts.into_iter().collect();
    terms.sort_unstable_by_key(|&(id, _)| id);
    terms
}

/// For each of `wanted`'s word terms, the way `texts` most often write it, shortest first
/// among equals (`الطوارئ` rather than `والطوارئ`); glossary entries are named by the
/// glossary and not looked for.
pub fn surfaces<'t>(
    texts: impl IntoIterator<Item = &'t str>,
    wanted: &FxHashSet<TermId>,
    matcher: Option<&Matcher>,
) -> FxHashMap<TermId, String> {
    let mut seen: FxHashMap<TermId, FxHashMap<String, usize>> = FxHashMap::default();
    for text in texts {
        each_term(text, matcher, |id, surface| {
            if let Some(surface) = surface
                && wanted.contains(&id)
            {
                *seen
                    .entry(id)
                    .or_default()
                    .entry(surface.to_string())
                    .or_default() += 1;
            }
        });
    }
    seen.into_iter()
        .filter_map(|(id, forms)| {
            let best = forms.into_iter().max_by(|(x, nx), (y, ny)| {
                nx.cmp(ny)
                    .then(y.chars().count().cmp(&x.chars().count()))
                    .then(y.cmp(x))
            })?;
            Some((id, best.0))
        })
        .collect()
}

/// Call `emit(term, surface)` for each term of `text`; `surface` is the word as written
/// (clitics included), `None` for a glossary entry.
fn each_term(text: &str, matcher: Option<&Matcher>, mut emit: impl FnMut(TermId, Option<&str>)) {
    let tokenized: Tokenized = tokenize(text);
    let hits = matcher
        .map(|m| m.find_tokenized(&tokenized))
        .unwrap_or_default();
    let mut hit = hits.iter().peekable();
    for token in &tokenized.tokens {
        while hit.peek().is_some_and(|h| h.span.end <= token.span.start) {
            hit.next();
        }
        if let Some(h) = hit.peek()
            && h.span.start <= token.span.start
            && token.span.end <= h.span.end
        {
            if h.span.start == token.span.start {
                emit(entry_id(h.entry), None);
            }
            continue;
        }
        if token.kind != TokenKind::Word {
            continue;
        }
        let norm = tokenized.norm(token);
        let stem = light_stem(norm);
        if stem.chars().nth(1).is_none()
            || is_light_for_alignment(stem)
            || is_light_for_alignment(norm)
        {
            continue;
        }
        emit(word_id(stem), Some(token.span.slice(text)));
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ids(text: &str) -> Vec<TermId> {
        article_terms(None, &[text], None)
            .into_iter()
            .map(|(id, _)| id)
            .collect()
    }

    #[test]
    fn clitics_do_not_make_another_term() {
        assert_eq!(ids("والطوارئ"), ids("الطوارئ"));
        assert_eq!(ids("بالمسجد"), ids("المسجد"));
    }

    #[test]
    fn function_words_and_figures_are_not_terms() {
        assert!(
            ids("قال إنه في 15").is_empty(),
            "{:?}",
            ids("قال إنه في 15")
        );
    }

    #[test]
    fn the_title_and_lead_weigh_more_than_the_rest() {
        let sentences = ["مسجد", "مسجد", "مسجد", "مسجد"];
        let lead_only = article_terms(None, &sentences[..1], None)[0].1;
        let fourth: f32 = article_terms(None, &sentences, None)[0].1
            - article_terms(None, &sentences[..3], None)[0].1;
        assert!(lead_only > fourth);
        let titled = article_terms(Some("مسجد"), &[], None)[0].1;
        assert!(titled > lead_only);
    }

    #[test]
    fn the_most_common_spelling_names_a_word_term() {
        let wanted: FxHashSet<TermId> = ids("الطوارئ").into_iter().collect();
        let found = surfaces(["قوات الطوارئ", "مسجد الطوارئ", "والطوارئ"], &wanted, None);
        assert_eq!(found.values().next().map(String::as_str), Some("الطوارئ"));
    }
}
