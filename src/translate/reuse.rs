//! Honest reuse, the memory's discipline: a translation serves another sentence as its English
//! only when the two say the same thing. Same figures by value, same glossary entries, no
//! words added, left out or said otherwise beyond spelling, clitics, agreement and attribution
//! (what [`crate::review::diff`] reports as clauses). Anything else is a fuzzy match: a
//! suggestion with what differs, never the sentence's English.

use crate::glossary::Matcher;
use crate::review::{Callout, CalloutKind, Prepared, WordDiff, diff_prepared, prepare};
use std::collections::BTreeSet;

/// Whether the translation of `source` can be the English of `target`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Reuse {
    /// They say the same thing: the translation serves as it is.
    Exact,
    /// They differ in what the callouts say (figures, clauses, glossary terms): a suggestion.
    Fuzzy(Vec<Callout>),
}

impl Reuse {
    pub fn is_exact(&self) -> bool {
        matches!(self, Reuse::Exact)
    }
}

/// Judge reusing the translation of `source` (the memory's Arabic) for `target`, from their
/// word diff (`source` as A).
pub fn judge(source: &str, target: &str, matcher: Option<&Matcher>) -> Reuse {
    judge_prepared(&prepare(source, matcher), &prepare(target, matcher)).0
}

/// [`judge`] on prepared sentences; the word diff is returned beside the verdict.
pub fn judge_prepared(source: &Prepared<'_>, target: &Prepared<'_>) -> (Reuse, WordDiff) {
    let word_diff = diff_prepared(source, target);
    let mut differences: Vec<Callout> = word_diff
        .callouts
        .iter()
        .filter(|c| c.kind != CalloutKind::Spelling)
        .cloned()
        .collect();
    if differences.is_empty() {
        // One term for another that the words did not show (two entries spelled alike).
        let (a, b) = (source.entries(), target.entries());
        let set = |e: &[(usize, String)]| -> BTreeSet<usize> { e.iter().map(|x| x.0).collect() };
        let (set_a, set_b) = (set(&a), set(&b));
        if set_a != set_b {
            let only = |e: &[(usize, String)], other: &BTreeSet<usize>| {
                e.iter()
                    .filter(|x| !other.contains(&x.0))
                    .map(|x| x.1.as_str())
                    .collect::<Vec<_>>()
                    .join("، ")
            };
            differences.push(Callout {
                kind: CalloutKind::Clause,
                a: only(&a, &set_b),
                b: only(&b, &set_a),
            });
        }
    }
    let reuse = if differences.is_empty() {
        Reuse::Exact
    } else {
        Reuse::Fuzzy(differences)
    };
    (reuse, word_diff)
}

#[cfg(test)]
mod tests {
    use super::*;

    const TRANSLATED: &str = "وكان الرئيس قاسم جومارت توكاييف قد فرض حالة الطوارئ في آلماتا ومنطقة مانغيستاو من 5 إلى 19 يناير، مع حظر تجول ليلي وقيود على التنقل من المدينة وإليها.";

    #[test]
    fn spelling_and_attribution_do_not_stop_reuse() {
        let respelled = "وكان الرئيس قاسم جومارت توكاييف قد فرض حالة الطوارئ في ألماتي ومنطقة مانغيستاو من 5 الى 19 يناير، مع حظر تجول ليلي وقيود على التنقل من المدينة وإليها";
        assert_eq!(judge(TRANSLATED, respelled, None), Reuse::Exact);
    }

    #[test]
    fn a_clause_added_or_left_out_makes_it_a_suggestion() {
        // Sample fact 4, row [6]: extends the emergency to the whole country, and has no
        // restrictions on travel.
        let row6 = "وكان توكاييف قد فرض حالة الطوارئ في ألماتي ومنطقة مانغيستاو من 5 إلى 19 يناير، قبل أن يوسعها لتشمل البلاد كلها، مع حظر تجول ليلي.";
        let Reuse::Fuzzy(why) = judge(TRANSLATED, row6, None) else {
            panic!("reused")
        };
        let added: Vec<&str> = why
            .iter()
            .filter(|c| c.a.is_empty())
            .map(|c| c.b.as_str())
            .collect();
        assert_eq!(added, ["قبل أن يوسعها لتشمل البلاد كلها،"]);
        assert!(why.iter().any(|c| c.a.starts_with("وقيود")), "{why:?}");
    }

    #[test]
    fn a_different_figure_makes_it_a_suggestion() {
        let a = "قتل 8 من أفراد قوات الأمن في ألماتي";
        let b = "قتل 16 من أفراد قوات الأمن في ألماتي";
        let Reuse::Fuzzy(why) = judge(a, b, None) else {
            panic!("reused")
        };
        assert_eq!(why[0].kind, CalloutKind::Figure);
        // The same figure in words is the same figure.
        assert!(judge(a, "قتل ثمانية من أفراد قوات الأمن في ألماتي", None).is_exact());
    }

    #[test]
    fn one_agency_for_three_is_not_the_same_attribution() {
        let three = "ونقلت وكالات إنترفاكس-كازاخستان وتاس ونوفوستي عن الشرطة أن الوضع هادئ";
        let one = "ونقلت وكالة إنترفاكس عن الشرطة أن الوضع هادئ";
        assert!(!judge(three, one, None).is_exact());
    }
}
