//! The English of a sentence: the desk's translation; else one of another sentence that says
//! the same thing (exact reuse, judged by `translate::reuse`); else a fuzzy suggestion with
//! what differs; else a gloss of its terms.

use super::build::{Builder, round3};
use super::context::{English, EnglishDifference, Origin};
use super::shown::shown;
use super::translations::hash_hex;
use crate::review::CalloutKind;
use crate::translate::Reuse;
use crate::translate::reuse::judge;

/// A translation offered for a sentence: the translated sentence (when in these articles),
/// its pair score with this one (when aligned), the memory's match percentage, the unit.
type Offer<'m> = (
    Option<usize>,
    Option<f64>,
    Option<u8>,
    &'m crate::translate::Unit,
);

impl Builder<'_> {
    /// Best first: the desk's translation, exact reuse, a fuzzy suggestion, a gloss.
    pub(super) fn english(&self, s: usize, cluster: &[usize]) -> English {
        let translations = self.inputs.translations;
        let none = English {
            text: String::new(),
            origin: Origin::None,
            similarity: None,
            percent: None,
            from: None,
            reference: None,
            by: None,
            differences: Vec::new(),
        };
        if let Some(t) = translations.get(self.found[s].hash) {
            return English {
                text: t.en.clone(),
                origin: Origin::Desk,
                by: t.by.clone(),
                ..none
            };
        }
        let text = self.inputs.sentences[s].text;
        let matcher = Some(self.inputs.matcher);
        // The translated sentences of its fact, closest first, then the memory's matches.
        let mut offers: Vec<Offer<'_>> = cluster
            .iter()
            .filter(|&&o| o != s)
            .filter_map(|&o| {
                let unit = self.memory.exact(self.found[o].hash)?;
                Some((Some(o), self.score(s, o), None, unit))
            })
            .collect();
        offers.sort_by(|x, y| {
            y.1.unwrap_or(0.0)
                .total_cmp(&x.1.unwrap_or(0.0))
                .then(x.0.cmp(&y.0))
        });
        for m in self
            .memory
            .fuzzy(text, crate::translate::memory::MIN_FUZZY_PERCENT, 3)
        {
            if offers.iter().all(|o| o.3.hash != m.unit.hash) {
                let at = self.by_hash.get(&m.unit.hash).copied();
                offers.push((at, None, Some(m.percent), m.unit));
            }
        }
        let mut suggestion: Option<English> = None;
        for (at, score, percent, unit) in offers {
            let percent = percent.or_else(|| Some(self.memory.percent(unit, text)));
            let offer = English {
                text: unit.en.clone(),
                similarity: score.map(round3),
                percent,
                from: at.map(|o| self.citation(o)),
                reference: Some(hash_hex(unit.hash)),
                by: unit.by.clone(),
                ..none.clone()
            };
            match judge(&unit.ar, text, matcher) {
                Reuse::Exact => {
                    return English {
                        origin: Origin::ExactReuse,
                        ..offer
                    };
                }
                Reuse::Fuzzy(why) if suggestion.is_none() => {
                    suggestion = Some(English {
                        origin: Origin::Fuzzy,
                        differences: why
                            .into_iter()
                            .map(|c| EnglishDifference {
                                kind: match c.kind {
                                    CalloutKind::Figure => "figure",
                                    _ => "clause",
                                },
                                memory: shown(&c.a),
                                this: shown(&c.b),
                            })
                            .collect(),
                        ..offer
                    });
                }
                Reuse::Fuzzy(_) => {}
            }
        }
        if let Some(suggestion) = suggestion {
            return suggestion;
        }
        let gloss = self.gloss(s);
        English {
            origin: if gloss.is_empty() {
                Origin::None
            } else {
                Origin::Gloss
            },
            text: gloss,
            ..none
        }
    }

    /// The glossary's English for the terms found, in the sentence's order (a term found
    /// twice in a row is said once), shown as article text is (the glossary is text too).
    fn gloss(&self, s: usize) -> String {
        let mut words: Vec<String> = Vec::new();
        for h in &self.found[s].hits {
            let entry = &self.inputs.glossary.terms[h.entry];
            // A word whose English depends on its context is left out, not guessed.
            if entry.gloss == Some(false) {
                continue;
            }
            let en = shown(&entry.en);
            if words.last() != Some(&en) {
                words.push(en);
            }
        }
        words.join(" · ")
    }
}
