//! Arabic clitics, peeled and never stemmed: what may stand before and after a known word.
//!
//! Stemmers mangle names (فلسطين → لسط), so mizan only ever peels a closed set of clitics, and
//! only where what remains is a known form (the glossary decides). All strings here are in
//! normalized form (see `normalize.rs`).

/// How the letters before a known word split into clitics (at most three: و + ب + ال).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Proclitics {
    /// Indices into [`CLITICS`], kept small: the matcher copies readings in its inner loop.
    parts: [u8; 3],
    len: u8,
    /// The definite article is among them.
    pub article: bool,
}

/// The proclitics, as [`Proclitics::parts`] gives them.
pub const CLITICS: [&str; 7] = ["و", "ف", "ب", "ك", "ل", "س", "ال"];

impl Proclitics {
    /// In order, e.g. `["و", "ب", "ال"]`; `لل` is given as `["ل", "ال"]`.
    pub fn parts(&self) -> Vec<&'static str> {
        self.parts[..usize::from(self.len)]
            .iter()
            .map(|&i| CLITICS[usize::from(i)])
            .collect()
    }

    fn push(&mut self, part: &'static str) {
        let index = CLITICS.iter().position(|&c| c == part).expect("a clitic") as u8;
        self.parts[usize::from(self.len)] = index;
        self.len += 1;
    }
}

/// Split `prefix` into proclitics: at most one of و ف, then at most one of ب ك ل س, then at
/// most the article ال; `لل` is ل + ال (للمنظمة = ل + المنظمة). `None` when `prefix` is not
/// such a chain. (Compared as UTF-8 byte pairs: this runs for most words of every article.)
pub fn proclitics(prefix: &str) -> Option<Proclitics> {
    const WAW: &[u8] = "و".as_bytes();
    const FA: &[u8] = "ف".as_bytes();
    const LAM: &[u8] = "ل".as_bytes();
    const ALEF: &[u8] = "ا".as_bytes();
    let mut rest = prefix.as_bytes();
    let mut out = Proclitics::default();
    if rest.starts_with(WAW) {
        out.push("و");
        rest = &rest[2..];
    } else if rest.starts_with(FA) {
        out.push("ف");
        rest = &rest[2..];
    }
    if rest.len() == 4 && rest.starts_with(LAM) && rest.ends_with(LAM) {
        out.push("ل");
        out.push("ال");
        out.article = true;
        return Some(out);
    }
    if rest.len() >= 2 {
        let preposition = match &rest[..2] {
            b if b == "ب".as_bytes() => Some("ب"),
            b if b == "ك".as_bytes() => Some("ك"),
            b if b == LAM => Some("ل"),
            b if b == "س".as_bytes() => Some("س"),
            _ => None,
        };
        if let Some(p) = preposition {
            out.push(p);
            rest = &rest[2..];
        }
    }
    if rest.len() == 4 && rest.starts_with(ALEF) && rest.ends_with(LAM) {
        out.push("ال");
        out.article = true;
        rest = &[];
    }
    rest.is_empty().then_some(out)
}

/// Every way `word` can begin with proclitics, as (length of the clitics in bytes, clitics),
/// the bare word first; at least two letters remain after clitics. One pass over the
/// first letters, for the matcher's inner loop.
pub fn readings(word: &str) -> Readings {
    let b = word.as_bytes();
    // The clitic letters by their UTF-8 bytes: و D9 88, ف D9 81, ب D8 A8, ك D9 83, ل D9 84,
    // س D8 B3, ا D8 A7.
    let letter_at = |pos: usize| -> Option<&'static str> {
        match b.get(pos..pos + 2)? {
            [0xD9, 0x88] => Some("و"),
            [0xD9, 0x81] => Some("ف"),
            [0xD8, 0xA8] => Some("ب"),
            [0xD9, 0x83] => Some("ك"),
            [0xD9, 0x84] => Some("ل"),
            [0xD8, 0xB3] => Some("س"),
            [0xD8, 0xA7] => Some("ا"),
            _ => None,
        }
    };
    let mut out = Readings {
        items: [(0, Proclitics::default()); 6],
        len: 1,
        next: 0,
    };
    // Most words begin with no clitic letter: only the bare reading.
    if letter_at(0).is_none() {
        return out;
    }
    out.len = 0;
    let mut add = |len: usize, clitics: Proclitics| {
        // After clitics, two letters must remain.
        if len == 0 || word[len..].chars().nth(1).is_some() {
            out.items[out.len] = (len, clitics);
            out.len += 1;
        }
    };
    add(0, Proclitics::default());
    let mut pos = 0;
    let mut cl = Proclitics::default();
    if let Some(conj @ ("و" | "ف")) = letter_at(0) {
        cl.push(conj);
        pos = 2;
        add(pos, cl);
    }
    if letter_at(pos) == Some("ل") && letter_at(pos + 2) == Some("ل") {
        let mut lam_lam = cl;
        lam_lam.push("ل");
        lam_lam.push("ال");
        lam_lam.article = true;
        add(pos + 4, lam_lam);
    }
    if let Some(prep @ ("ب" | "ك" | "ل" | "س")) = letter_at(pos) {
        cl.push(prep);
        pos += 2;
        add(pos, cl);
    }
    if letter_at(pos) == Some("ا") && letter_at(pos + 2) == Some("ل") {
        cl.push("ال");
        cl.article = true;
        add(pos + 4, cl);
    }
    out
}

/// The readings of a word, as [`readings`] gives them.
#[derive(Debug, Clone)]
pub struct Readings {
    items: [(usize, Proclitics); 6],
    len: usize,
    next: usize,
}

impl Iterator for Readings {
    type Item = (usize, Proclitics);

    fn next(&mut self) -> Option<Self::Item> {
        let item = self.items.get(self.next).filter(|_| self.next < self.len)?;
        self.next += 1;
        Some(*item)
    }
}

/// Attached pronouns that may follow a noun: his, her, their (m., dual, f.), your (sg., pl.),
/// our. Not ي "my": in news text a final ي is nearly always the nisba adjective (أمني
/// "security-related", نفطي "oil-related"), a different word from the noun.
pub const PRONOUN_SUFFIXES: &[&str] = &["ه", "ها", "هم", "هما", "هن", "ك", "كم", "كن", "نا"];

pub fn is_pronoun_suffix(suffix: &str) -> bool {
    PRONOUN_SUFFIXES.contains(&suffix)
}

/// The pronoun suffixes `word` ends with, each with the stem before it (two letters at least).
pub fn pronoun_suffixes(word: &str) -> impl Iterator<Item = (&str, &'static str)> {
    // Decide by the last letter first: most words end in none of ه ا م ن ك ي.
    let candidates: &[&'static str] = match word.chars().next_back() {
        Some('ه') => &["ه"],
        Some('ا') => &["ها", "نا", "هما"],
        Some('م') => &["هم", "كم"],
        Some('ن') => &["هن", "كن"],
        Some('ك') => &["ك"],
        _ => &[],
    };
    candidates.iter().filter_map(move |&suffix| {
        let stem = word.strip_suffix(suffix)?;
        stem.chars().nth(1).map(|_| (stem, suffix))
    })
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
        proclitics(prefix).map(|p| (p.parts(), p.article))
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
    fn readings_agree_with_proclitics() {
        for word in [
            "والامارات",
            "للمنظمه",
            "فللرئيس",
            "بغداد",
            "الرئيس",
            "وبالامارات",
            "كتاب",
            "ولد",
            "سيارات",
            "لل",
        ] {
            let mut from_readings: Vec<_> = readings(word).collect();
            from_readings.sort_by_key(|r| r.0);
            let expected: Vec<_> = word
                .char_indices()
                .map(|(i, _)| i)
                .filter(|&i| i == 0 || word[i..].chars().nth(1).is_some())
                .filter_map(|i| proclitics(&word[..i]).map(|p| (i, p)))
                .collect();
            assert_eq!(from_readings, expected, "{word}");
        }
    }

    #[test]
    fn other_letters_are_not_clitics() {
        for prefix in ["ت", "وو", "بب", "الو", "ا", "لب", "مال"] {
            assert_eq!(proclitics(prefix), None, "{prefix}");
        }
    }

    #[test]
    fn suffixes_found_by_their_last_letter() {
        let found: Vec<_> = pronoun_suffixes("حكومتهما").collect();
        assert_eq!(found, [("حكومت", "هما")]);
        let found: Vec<_> = pronoun_suffixes("رئيسنا").collect();
        assert_eq!(found, [("رئيس", "نا")]);
        assert_eq!(pronoun_suffixes("احتجاجات").count(), 0);
        for s in PRONOUN_SUFFIXES {
            assert_eq!(pronoun_suffixes(&format!("كتاب{s}")).count(), 1, "{s}");
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
