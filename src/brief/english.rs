//! The English of a sentence: the desk's translation, else that of an aligned near-duplicate,
//! else a gloss of its terms.

use super::build::{Builder, round3};
use super::context::{English, Origin};
use super::shown::shown;

impl Builder<'_> {
    /// Best first: the desk's translation, one of an aligned near-duplicate, a gloss.
    pub(super) fn english(&self, s: usize, cluster: &[usize]) -> English {
        let translations = self.inputs.translations;
        if let Some(t) = translations.get(self.found[s].hash) {
            return English {
                text: t.en.clone(),
                origin: Origin::Desk,
                similarity: None,
                from: None,
                by: t.by.clone(),
            };
        }
        let nearest = cluster
            .iter()
            .filter(|&&o| o != s)
            .filter_map(|&o| Some((o, self.score(s, o)?, translations.get(self.found[o].hash)?)))
            .max_by(|x, y| x.1.total_cmp(&y.1).then(y.0.cmp(&x.0)));
        if let Some((o, score, t)) = nearest {
            return English {
                text: t.en.clone(),
                origin: Origin::NearDuplicate,
                similarity: Some(round3(score)),
                from: Some(self.citation(o)),
                by: t.by.clone(),
            };
        }
        let gloss = self.gloss(s);
        English {
            origin: if gloss.is_empty() {
                Origin::None
            } else {
                Origin::Gloss
            },
            text: gloss,
            similarity: None,
            from: None,
            by: None,
        }
    }

    /// The glossary's English for the terms found, in the sentence's order (a term found
    /// twice in a row is said once), shown as article text is (the glossary is text too).
    fn gloss(&self, s: usize) -> String {
        let mut words: Vec<String> = Vec::new();
        for h in &self.found[s].hits {
            let en = shown(&self.inputs.glossary.terms[h.entry].en);
            if words.last() != Some(&en) {
                words.push(en);
            }
        }
        words.join(" · ")
    }
}
