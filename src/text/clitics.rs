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

    #[cfg(test)]
    fn push(&mut self, part: &'static str) {
        let index = CLITICS.iter().position(|&c| c == part).expect("a clitic") as u8;
        self.push_index(index);
    }

    fn push_index(&mut self, index: u8) {
        self.parts[usize::from(self.len)] = index;
        self.len += 1;
    }
}

/// Split `prefix` into proclitics: at most one of و ف, then at most one of ب ك ل س, then at
/// most the article ال; `لل` is ل + ال (للمنظمة = ل + المنظمة). `None` when `prefix` is not
/// such a chain. (Compared as UTF-8 byte pairs: this runs for most words of every article.)
#[cfg(test)]
fn proclitics(prefix: &str) -> Option<Proclitics> {
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
pub fn readings(word: &str) -> impl Iterator<Item = (usize, Proclitics)> {
    let mut out = Vec::new();
    for_each_reading(word, |len, clitics| out.push((len, clitics)));
    out.into_iter()
}

/// [`readings`] without collecting them: `f(length of the clitics in bytes, clitics)` for each,
/// the bare word first. This is the matcher's inner loop, so it works on bytes.
#[inline(always)]
pub fn for_each_reading(word: &str, mut f: impl FnMut(usize, Proclitics)) {
    // Indices into CLITICS.
    const WAW: u8 = 0;
    const FA: u8 = 1;
    const BA: u8 = 2;
    const KAF: u8 = 3;
    const LAM: u8 = 4;
    const SIN: u8 = 5;
    const ARTICLE: u8 = 6;
    const ALEF: u8 = 7; // not a clitic by itself: the start of the article
    let b = word.as_bytes();
    // The clitic letters by their UTF-8 bytes: و D9 88, ف D9 81, ب D8 A8, ك D9 83, ل D9 84,
    // س D8 B3, ا D8 A7.
    let letter_at = |pos: usize| -> Option<u8> {
        match b.get(pos..pos + 2)? {
            [0xD9, 0x88] => Some(WAW),
            [0xD9, 0x81] => Some(FA),
            [0xD8, 0xA8] => Some(BA),
            [0xD9, 0x83] => Some(KAF),
            [0xD9, 0x84] => Some(LAM),
            [0xD8, 0xB3] => Some(SIN),
            [0xD8, 0xA7] => Some(ALEF),
            _ => None,
        }
    };
    f(0, Proclitics::default());
    if letter_at(0).is_none() {
        return; // most words: only the bare reading
    }
    // After clitics, two letters must remain.
    let two_letters_after = |pos: usize| {
        let rest = &b[pos.min(b.len())..];
        rest.first()
            .is_some_and(|&lead| rest.len() > utf8_len(lead))
    };
    let mut pos = 0;
    let mut cl = Proclitics::default();
    if let Some(conj @ (WAW | FA)) = letter_at(0) {
        cl.push_index(conj);
        pos = 2;
        if two_letters_after(pos) {
            f(pos, cl);
        }
    }
    if letter_at(pos) == Some(LAM) && letter_at(pos + 2) == Some(LAM) && two_letters_after(pos + 4)
    {
        let mut lam_lam = cl;
        lam_lam.push_index(LAM);
        lam_lam.push_index(ARTICLE);
        lam_lam.article = true;
        f(pos + 4, lam_lam);
    }
    if let Some(prep @ (BA | KAF | LAM | SIN)) = letter_at(pos) {
        cl.push_index(prep);
        pos += 2;
        if two_letters_after(pos) {
            f(pos, cl);
        }
    }
    if letter_at(pos) == Some(ALEF) && letter_at(pos + 2) == Some(LAM) && two_letters_after(pos + 4)
    {
        cl.push_index(ARTICLE);
        cl.article = true;
        f(pos + 4, cl);
    }
}

fn utf8_len(lead: u8) -> usize {
    match lead {
        0x00..=0x7F => 1,
        0xF0..=0xFF => 4,
        0xE0..=0xEF => 3,
        _ => 2,
    }
}

/// Attached pronouns that may follow a noun: his, her, their (m., dual, f.), your (sg., pl.),
/// our. Not ي "my": in news text a final ي is nearly always the nisba adjective (أمني
/// "security-related", نفطي "oil-related"), a different word from the noun.
#[cfg(test)]
const PRONOUN_SUFFIXES: &[&str] = &["ه", "ها", "هم", "هما", "هن", "ك", "كم", "كن", "نا"];

#[cfg(test)]
fn is_pronoun_suffix(suffix: &str) -> bool {
    PRONOUN_SUFFIXES.contains(&suffix)
}

/// The pronoun suffixes `word` ends with, each with the stem before it (two letters at least).
/// Decided on the UTF-8 bytes: most words end in none of ه ا م ن ك.
#[inline]
pub fn pronoun_suffixes(word: &str) -> impl Iterator<Item = (&str, &'static str)> {
    const HEH: [u8; 2] = [0xD9, 0x87];
    const ALEF: [u8; 2] = [0xD8, 0xA7];
    const MEEM: [u8; 2] = [0xD9, 0x85];
    const NOON: [u8; 2] = [0xD9, 0x86];
    const KAF: [u8; 2] = [0xD9, 0x83];
    let b = word.as_bytes();
    let letter = |from_end: usize| -> Option<[u8; 2]> {
        let end = b.len().checked_sub(2 * from_end)?;
        let start = end.checked_sub(2)?;
        Some([b[start], b[start + 1]])
    };
    let mut found: [(usize, &'static str); 2] = [(0, ""); 2];
    let mut n = 0;
    let mut add = |letters: usize, suffix: &'static str| {
        found[n] = (letters, suffix);
        n += 1;
    };
    match letter(0) {
        Some(HEH) => add(1, "ه"),
        Some(ALEF) => match letter(1) {
            Some(HEH) => add(2, "ها"),
            Some(NOON) => add(2, "نا"),
            Some(MEEM) if letter(2) == Some(HEH) => add(3, "هما"),
            _ => {}
        },
        Some(MEEM) => match letter(1) {
            Some(HEH) => add(2, "هم"),
            Some(KAF) => add(2, "كم"),
            _ => {}
        },
        Some(NOON) => match letter(1) {
            Some(HEH) => add(2, "هن"),
            Some(KAF) => add(2, "كن"),
            _ => {}
        },
        Some(KAF) => add(1, "ك"),
        _ => {}
    }
    found
        .into_iter()
        .take(n)
        .filter_map(move |(letters, suffix)| {
            let stem = &word[..word.len() - 2 * letters];
            // Two letters must remain.
            (stem.len() >= 4 && stem.is_char_boundary(stem.len())).then_some((stem, suffix))
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

/// A word without its proclitics (و ف, ب ك ل, ال), keeping at least three letters: light
/// stemming for comparison only, applied the same way to both sides (alignment, review's
/// spelling check, stories).
pub fn light_stem(norm: &str) -> &str {
    let mut best = norm;
    for_each_reading(norm, |len, _| {
        let rest = &norm[len..];
        if rest.chars().nth(2).is_some() && rest.len() < best.len() {
            best = rest;
        }
    });
    best
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
