//! Arabic clitics, peeled and never stemmed: what may stand before and after a known word.
//!
//! Stemmers mangle names (فلسطين → لسط), so mizan only ever peels a closed set of clitics, and
//! only where what remains is a known form (the glossary decides). All strings here are in
//! normalized form (see `normalize.rs`).

/// How the letters before a known word split into clitics.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Proclitics {
    /// In order, e.g. `["و", "ب", "ال"]`; `لل` is given as `["ل", "ال"]`.
    pub parts: Vec<&'static str>,
    /// The definite article is among them.
    pub article: bool,
}

/// Split `prefix` into proclitics: at most one of و ف, then at most one of ب ك ل س, then at
/// most the article ال; `لل` is ل + ال (للمنظمة = ل + المنظمة). `None` when `prefix` is not
/// such a chain.
pub fn proclitics(prefix: &str) -> Option<Proclitics> {
    let mut rest = prefix;
    let mut out = Proclitics::default();
    for conj in ["و", "ف"] {
        if let Some(r) = rest.strip_prefix(conj) {
            out.parts.push(conj);
            rest = r;
            break;
        }
    }
    if rest == "لل" {
        out.parts.extend(["ل", "ال"]);
        out.article = true;
        return Some(out);
    }
    for prep in ["ب", "ك", "ل", "س"] {
        if let Some(r) = rest.strip_prefix(prep) {
            out.parts.push(prep);
            rest = r;
            break;
        }
    }
    if rest == "ال" {
        out.parts.push("ال");
        out.article = true;
        rest = "";
    }
    rest.is_empty().then_some(out)
}

/// Attached pronouns that may follow a noun: his, her, their (m., dual, f.), your (sg., pl.),
/// our, my.
pub const PRONOUN_SUFFIXES: &[&str] = &["ه", "ها", "هم", "هما", "هن", "ك", "كم", "كن", "نا", "ي"];

pub fn is_pronoun_suffix(suffix: &str) -> bool {
    PRONOUN_SUFFIXES.contains(&suffix)
}

/// The definite article, as it begins a normalized word.
pub const ARTICLE: &str = "ال";

/// A word without its article, if it has one and something word-like remains (`الامارات` →
/// `امارات`; `الي` is not split).
pub fn strip_article(word: &str) -> Option<&str> {
    word.strip_prefix(ARTICLE)
        .filter(|rest| rest.chars().count() >= 2)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parts(prefix: &str) -> Option<(Vec<&'static str>, bool)> {
        proclitics(prefix).map(|p| (p.parts, p.article))
    }

    #[test]
    fn chains_of_conjunction_preposition_and_article() {
        assert_eq!(parts(""), Some((vec![], false)));
        assert_eq!(parts("و"), Some((vec!["و"], false)));
        assert_eq!(parts("وال"), Some((vec!["و", "ال"], true)));
        assert_eq!(parts("بال"), Some((vec!["ب", "ال"], true)));
        assert_eq!(parts("وبال"), Some((vec!["و", "ب", "ال"], true)));
        assert_eq!(parts("فس"), Some((vec!["ف", "س"], false)));
        assert_eq!(parts("كال"), Some((vec!["ك", "ال"], true)));
    }

    #[test]
    fn lam_lam_is_preposition_and_article() {
        assert_eq!(parts("لل"), Some((vec!["ل", "ال"], true)));
        assert_eq!(parts("فلل"), Some((vec!["ف", "ل", "ال"], true)));
    }

    #[test]
    fn other_letters_are_not_clitics() {
        for prefix in ["ت", "وو", "بب", "الو", "ا", "لب", "مال"] {
            assert_eq!(proclitics(prefix), None, "{prefix}");
        }
    }

    #[test]
    fn suffixes_are_a_closed_set() {
        assert!(is_pronoun_suffix("هم"));
        assert!(!is_pronoun_suffix("ات"));
        assert!(!is_pronoun_suffix("ين"));
    }

    #[test]
    fn article_is_stripped_only_before_a_word() {
        assert_eq!(strip_article("الامارات"), Some("امارات"));
        assert_eq!(strip_article("الي"), None);
        assert_eq!(strip_article("امارات"), None);
    }
}
