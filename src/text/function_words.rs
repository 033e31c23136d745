//! Function words: particles, pronouns, auxiliary and reporting verbs, days, which say little
//! about what an article reports. Alignment weighs them low; suggest keeps them off the edges
//! of phrases. Each stage asks its own question, over a core both share.
//!
//! Every word is stored normalized (`normalize_str`: ى → ي, ة → ه, أ إ آ → ا), as the stages
//! look words up.

use rustc_hash::FxHashSet;
use std::sync::OnceLock;

/// Both stages.
#[rustfmt::skip]
const CORE: &[&str] = &[
    // Prepositions and particles.
    "في", "من", "علي", "الي", "عن", "مع", "بعد", "قبل", "حتي", "عند", "بين", "خلال", "حيث", "منذ",
    "نحو", "بحسب", "حسب", "وفق", "وفقا", "ان", "او", "ثم", "قد", "لم", "لا", "ما", "اي", "غير", "كل",
    "بعض", "عدد", "ايضا",
    // Pronouns, demonstratives, relatives.
    "هو", "هي", "هم", "انه", "انها", "هذا", "هذه", "ذلك", "تلك", "الذي", "التي", "الذين", "له", "لها",
    "به", "بها", "فيه", "فيها", "منه", "منها", "عليه", "عليها",
    // Auxiliaries and reporting verbs.
    "كان", "كانت", "قال", "قالت", "اضاف", "اضافت", "اعلن", "اعلنت", "ذكر", "ذكرت", "اكد", "اكدت",
    "اشار", "اشارت", "تابع", "اوضح", "اوضحت", "افاد", "افادت",
];

/// Days: light for alignment and phrase edges, but a day one report gives and another does
/// not is a difference a reader must see.
#[rustfmt::skip]
const DAYS: &[&str] = &[
    "اليوم", "السبت", "الاحد", "الاثنين", "الثلاثاء", "الاربعاء", "الخميس", "الجمعه",
];

/// Alignment only: attribution boilerplate (agencies, statements, sources, more reporting
/// verbs) and "day", which two reports of different facts share.
#[rustfmt::skip]
const ALIGNMENT: &[&str] = &[
    "نقل", "نقلت", "صرح", "وكاله", "وكالات", "الانباء", "انباء", "بيان", "مصادر", "يوم",
];

/// The other particles and pronouns: phrase edges, and words whose adding or leaving out
/// says little (see [`says_little`]).
#[rustfmt::skip]
const MORE_PARTICLES: &[&str] = &[
    // Prepositions and particles.
    "لدي", "حول", "ضد", "عبر", "دون", "سوي", "تحت", "فوق", "امام", "خلف", "وراء", "اثناء", "ضمن",
    "تجاه", "جراء", "بسبب", "اثر", "عقب", "مثل", "كما", "لكن", "لكنه", "لكنها", "بل", "ام", "اذ",
    "اذا", "انهم", "انما", "لان", "لانه", "كي", "لكي", "حين", "بينما", "فيما", "كلما", "عندما",
    "لما", "ليس", "ليست", "لقد", "لن", "ماذا", "متي", "كيف", "اين", "هل", "الا", "اما", "ايه",
    "كذلك", "جدا", "فقط", "كافه", "جميع", "عده", "اكثر", "اقل", "يا", "بان", "الان", "سواء",
    // Pronouns, demonstratives, relatives.
    "هما", "هن", "انا", "نحن", "انت", "انتم", "هذان", "هاتان", "هؤلاء", "اولئك", "اللذين", "اللتين",
    "اللواتي", "اللاتي", "هناك", "هنا", "لهم", "لهما", "بهم", "فيهم", "منهم", "عليهم", "اليه",
    "اليها", "اليهم", "عنه", "عنها", "عنهم", "معه", "معها", "بينهم", "لديه", "لديها", "نفسه",
    "نفسها",
];

/// Negations and exceptions: particles, but one more or less turns a report around.
const NEGATIONS: &[&str] = &["لا", "لم", "لن", "ليس", "ليست", "غير", "الا", "ما"];

/// Phrase edges only: verb forms, months and times of day, which begin or end no term;
/// English function words, for quotes embedded in Arabic.
#[rustfmt::skip]
const PHRASE_EDGES: &[&str] = &[
    // Auxiliaries and reporting verbs.
    "كانوا", "يكون", "تكون", "يكن", "اصبح", "اصبحت", "وقال", "وقالت", "يقول", "تقول", "قالوا",
    "تابعت", "مشيرا", "مشيره", "مضيفا", "مضيفه",
    // Days, months, times of day.
    "امس", "غدا", "يناير", "فبراير", "مارس", "ابريل", "مايو", "يونيو", "يوليو", "اغسطس", "سبتمبر",
    "اكتوبر", "نوفمبر", "ديسمبر", "كانون", "شباط", "اذار", "نيسان", "ايار", "حزيران", "تموز", "اب",
    "ايلول", "تشرين", "صباح", "مساء", "ليله",
    // English.
    "the", "a", "an", "of", "in", "on", "at", "to", "and", "or", "for", "is", "are", "was", "were",
    "be", "been", "by", "with", "from", "that", "this", "it", "its", "as", "has", "have", "had",
    "not", "but", "will", "after", "their", "our", "we", "they", "he", "she", "you", "i", "http",
    "https", "www",
];

/// Whether alignment weighs this normalized word low: two sentences do not report the same
/// fact because both say "وقال" or "بحسب".
pub fn is_light_for_alignment(norm: &str) -> bool {
    static SET: OnceLock<FxHashSet<&'static str>> = OnceLock::new();
    cell_with(&SET, &[ALIGNMENT]).contains(norm)
}

/// Whether this normalized word, added or left out, changes nothing a reader must know: a
/// particle, a pronoun, a reporting verb or attribution word ("وقال", "بحسب", "وكالة"), with
/// or without a leading و or ف. Days and months are not (they date the fact), nor negations.
pub fn says_little(norm: &str) -> bool {
    static SET: OnceLock<FxHashSet<&'static str>> = OnceLock::new();
    let set = SET.get_or_init(|| {
        CORE.iter()
            .chain(MORE_PARTICLES)
            .chain(ALIGNMENT.iter().filter(|w| **w != "يوم"))
            .filter(|w| !NEGATIONS.contains(w))
            .copied()
            .collect()
    });
    let bare = norm
        .strip_prefix('و')
        .or_else(|| norm.strip_prefix('ف'))
        .filter(|rest| set.contains(rest));
    set.contains(norm) || bare.is_some()
}

/// Whether a suggested phrase may not begin or end with this normalized word.
pub fn is_phrase_stopword(norm: &str) -> bool {
    static SET: OnceLock<FxHashSet<&'static str>> = OnceLock::new();
    cell_with(&SET, &[MORE_PARTICLES, PHRASE_EDGES]).contains(norm)
}

fn cell_with(
    cell: &'static OnceLock<FxHashSet<&'static str>>,
    lists: &[&'static [&'static str]],
) -> &'static FxHashSet<&'static str> {
    cell.get_or_init(|| {
        CORE.iter()
            .chain(DAYS)
            .chain(lists.iter().flat_map(|l| l.iter()))
            .copied()
            .collect()
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::text::normalize::normalize_str;

    #[test]
    fn words_are_stored_normalized_and_once() {
        let mut seen = FxHashSet::default();
        for &w in CORE
            .iter()
            .chain(DAYS)
            .chain(ALIGNMENT)
            .chain(MORE_PARTICLES)
            .chain(PHRASE_EDGES)
        {
            assert_eq!(normalize_str(w), w, "{w} is not normalized");
            assert!(seen.insert(w), "{w} is listed twice");
        }
    }

    #[test]
    fn each_stage_sees_the_core_and_its_own_extras_only() {
        for w in ["الي", "علي", "ان", "الخميس", "قال"] {
            assert!(is_light_for_alignment(w) && is_phrase_stopword(w), "{w}");
        }
        assert!(is_light_for_alignment("بيان") && !is_phrase_stopword("بيان"));
        assert!(is_phrase_stopword("the") && !is_light_for_alignment("the"));
        assert!(!is_phrase_stopword("كازاخستان") && !is_light_for_alignment("كازاخستان"));
        // Natural spellings are not looked up: callers normalize first.
        assert!(!is_phrase_stopword("إلى"));
    }

    #[test]
    fn attribution_says_little_but_a_day_or_a_name_says_something() {
        for w in ["وقال", "بحسب", "وكاله", "في", "فقد"] {
            assert!(says_little(w) || w == "فقد", "{w}");
        }
        assert!(says_little("اثناء"));
        for w in ["الاربعاء", "يوم", "المتصاعده", "كازاخستان", "لم", "ولا"]
        {
            assert!(!says_little(w), "{w}");
        }
    }
}
