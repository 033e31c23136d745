//! Choosing stories for a briefing of one story: by id (`mizan brief --story ID`) or by a word
//! of the title or terms (`--match WORD`).

use super::summary::Summary;
use crate::text::clitics::light_stem;
use crate::text::normalize::normalize_str;

/// The rank (index) of the story with this id.
pub fn by_id(summaries: &[Summary], id: &str) -> Option<usize> {
    let id = id.trim().to_ascii_lowercase();
    summaries.iter().position(|s| s.id == id)
}

/// The stories whose title or terms hold `word`, in rank order. Arabic is compared normalized
/// and without proclitics (`بعسير` finds `عسير`); a Latin word is found, without regard to
/// case, in the English of a glossary term (`asir` finds `عسير (Asir)`).
pub fn by_word(summaries: &[Summary], word: &str) -> Vec<usize> {
    let wanted = stem(word);
    let latin = word.trim().to_lowercase();
    if wanted.is_empty() {
        return Vec::new();
    }
    summaries
        .iter()
        .enumerate()
        .filter(|(_, s)| {
            std::iter::once(s.title.as_str())
                .chain(s.terms.iter().map(String::as_str))
                .any(|text| {
                    words(text).any(|w| stem(w) == wanted)
                        || (latin.is_ascii() && words(&text.to_lowercase()).any(|w| w == latin))
                })
        })
        .map(|(rank, _)| rank)
        .collect()
}

fn words(text: &str) -> impl Iterator<Item = &str> {
    text.split(|c: char| !crate::text::chars::is_alphanumeric(c))
        .filter(|w| !w.is_empty())
}

fn stem(word: &str) -> String {
    let norm = normalize_str(word.trim());
    light_stem(&norm).to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn summary(id: &str, title: &str, terms: &[&str]) -> Summary {
        Summary {
            id: id.into(),
            rank: 1,
            title: title.into(),
            outlets: vec![],
            articles: 1,
            first_date: None,
            last_date: None,
            terms: terms.iter().map(|t| t.to_string()).collect(),
            docs: vec![],
        }
    }

    #[test]
    fn words_match_through_clitics_hamza_and_english_glosses() {
        let stories = [
            summary("aaa", "تفجير مسجد الطوارئ بعسير", &["مسجد"]),
            summary("bbb", "مهرجان سوق عكاظ", &["الطائف (Taif)"]),
        ];
        assert_eq!(by_word(&stories, "عسير"), [0]);
        assert_eq!(by_word(&stories, "والمسجد"), [0]);
        assert_eq!(by_word(&stories, "taif"), [1]);
        assert!(by_word(&stories, "الذهب").is_empty());
        assert_eq!(by_id(&stories, "BBB"), Some(1));
        assert_eq!(by_id(&stories, "ccc"), None);
    }
}
