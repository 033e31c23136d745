//! QA before delivery: the desk's translations checked against their Arabic. A number missing
//! or different (by value), a glossary term whose English is absent, Arabic script left in the
//! English, an empty or untranslated target, two translations of one sentence, and
//! translations of sentences the articles do not have.

use crate::align::features::features;
use crate::align::sentence_hash;
use crate::brief::translations::{Translations, hash_hex};
use crate::glossary::{Glossary, Matcher};
use serde::Serialize;
use std::collections::{BTreeSet, HashMap};

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Level {
    /// Informational: nothing wrong in the translation itself.
    Info,
    /// Worth a look: a translator may have had a reason.
    Warning,
    /// Wrong: delivery should wait (`translate --check` exits non-zero).
    Error,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Finding {
    pub level: Level,
    /// `number`, `term`, `arabic`, `empty`, `untranslated`, `duplicate`, `stale`.
    pub rule: &'static str,
    /// The sentence's hash.
    pub reference: String,
    /// The line of translations.toml.
    pub line: Option<usize>,
    pub message: String,
}

/// Check every translation; `present` holds the hashes of the sentences of the articles.
pub fn check(
    translations: &Translations,
    present: &dyn Fn(u64) -> Option<String>,
    glossary: &Glossary,
    matcher: &Matcher,
) -> Vec<Finding> {
    let mut findings = Vec::new();
    let mut by_sentence: HashMap<u64, u64> = HashMap::new();
    for (hash, t) in translations.iter() {
        let finding = |level, rule, message: String| Finding {
            level,
            rule,
            reference: hash_hex(hash),
            line: translations.line(hash),
            message,
        };
        let arabic = match present(hash) {
            Some(ar) => Some(ar),
            None => {
                findings.push(finding(
                    Level::Info,
                    "stale",
                    "its sentence is in none of the given articles".into(),
                ));
                t.ar.clone().filter(|ar| sentence_hash(ar) == hash)
            }
        };
        if let Some(ar) = &t.ar {
            let of = sentence_hash(ar);
            if of != hash
                && let Some(other) = by_sentence.insert(of, hash)
            {
                findings.push(finding(
                    Level::Error,
                    "duplicate",
                    format!(
                        "its Arabic is the sentence {} translates too",
                        hash_hex(other)
                    ),
                ));
            }
            by_sentence.entry(hash).or_insert(hash);
        }
        let en = t.en.trim();
        if en.is_empty() {
            findings.push(finding(
                Level::Error,
                "empty",
                "the English is empty".into(),
            ));
            continue;
        }
        if let Some(run) = arabic_run(en) {
            findings.push(finding(
                Level::Error,
                if Some(en) == t.ar.as_deref().map(str::trim) {
                    "untranslated"
                } else {
                    "arabic"
                },
                format!("Arabic script left in the English: «{run}»"),
            ));
        }
        let Some(ar) = arabic else { continue };
        let (wanted, given) = (arabic_numbers(&ar), english_numbers(en));
        let missing: Vec<String> = wanted.difference(&given).map(|v| show(v.0)).collect();
        let extra: Vec<String> = given.difference(&wanted).map(|v| show(v.0)).collect();
        if !missing.is_empty() {
            let also = if extra.is_empty() {
                String::new()
            } else {
                format!(" (the English has {})", extra.join(", "))
            };
            findings.push(finding(
                Level::Error,
                "number",
                format!(
                    "{} in the Arabic, not in the English{also}",
                    missing.join(", ")
                ),
            ));
        }
        let lower = en.to_lowercase();
        let mut reported = BTreeSet::new();
        for hit in matcher.find(&ar) {
            let entry = &glossary.terms[hit.entry];
            if !reported.insert(hit.entry)
                || std::iter::once(&entry.en)
                    .chain(&entry.also)
                    .any(|en| renders(en, &lower))
            {
                continue;
            }
            findings.push(finding(
                Level::Warning,
                "term",
                format!(
                    "the glossary's English for «{}» ({}) is not in the English",
                    hit.span.slice(&ar),
                    entry.en
                ),
            ));
        }
    }
    findings
}

/// Whether the English (lowercased) renders a glossary English: the whole of it, one of its
/// alternatives (separated by `/` or `;`), or a name's last word (Tokayev for
/// Kassym-Jomart Tokayev).
fn renders(glossary_en: &str, english: &str) -> bool {
    glossary_en
        .split(['/', ';'])
        .map(|alt| alt.trim().to_lowercase())
        .filter(|alt| !alt.is_empty())
        .any(|alt| {
            english.contains(&alt)
                || alt
                    .rsplit([' ', '-'])
                    .next()
                    .is_some_and(|last| last.len() >= 4 && english.contains(last))
        })
}

/// The first run of Arabic letters in `text`.
fn arabic_run(text: &str) -> Option<&str> {
    let is_arabic =
        |c: char| ('\u{0600}'..='\u{06FF}').contains(&c) || ('\u{0750}'..='\u{077F}').contains(&c);
    let start = text.find(is_arabic)?;
    let end = text[start..]
        .find(|c: char| !is_arabic(c) && !c.is_whitespace())
        .map_or(text.len(), |i| start + i);
    Some(text[start..end].trim())
}

fn show(v: f64) -> String {
    if v.fract() == 0.0 {
        format!("{}", v as i64)
    } else {
        format!("{v}")
    }
}

/// The figures of an Arabic sentence by value, as alignment reads them (digits of any script,
/// number words, multipliers).
fn arabic_numbers(ar: &str) -> BTreeSet<OrderedValue> {
    features(ar, None)
        .units
        .iter()
        .filter_map(|(u, _)| u.strip_prefix("n:")?.parse::<f64>().ok())
        .map(OrderedValue)
        .collect()
}

/// A figure's value, ordered for sets.
#[derive(Debug, Clone, Copy, PartialEq)]
struct OrderedValue(f64);
impl Eq for OrderedValue {}
impl PartialOrd for OrderedValue {
    fn partial_cmp(&self, other: &Self) -> Option<std::cmp::Ordering> {
        Some(self.cmp(other))
    }
}
impl Ord for OrderedValue {
    fn cmp(&self, other: &Self) -> std::cmp::Ordering {
        self.0.total_cmp(&other.0)
    }
}

/// English number words below twenty and the tens.
const UNITS: &[(&str, f64)] = &[
    ("one", 1.0),
    ("two", 2.0),
    ("three", 3.0),
    ("four", 4.0),
    ("five", 5.0),
    ("six", 6.0),
    ("seven", 7.0),
    ("eight", 8.0),
    ("nine", 9.0),
    ("ten", 10.0),
    ("eleven", 11.0),
    ("twelve", 12.0),
    ("thirteen", 13.0),
    ("fourteen", 14.0),
    ("fifteen", 15.0),
    ("sixteen", 16.0),
    ("seventeen", 17.0),
    ("eighteen", 18.0),
    ("nineteen", 19.0),
    ("twenty", 20.0),
    ("thirty", 30.0),
    ("forty", 40.0),
    ("fifty", 50.0),
    ("sixty", 60.0),
    ("seventy", 70.0),
    ("eighty", 80.0),
    ("ninety", 90.0),
];
const SCALES: &[(&str, f64)] = &[
    ("hundred", 100.0),
    ("thousand", 1e3),
    ("million", 1e6),
    ("billion", 1e9),
];

/// The figures of an English text by value: digits (3,958; 7.5), number words (eight, forty-two,
/// a thousand), a figure and a scale word (6 thousand, 1.5 million).
fn english_numbers(en: &str) -> BTreeSet<OrderedValue> {
    let lower = en.to_lowercase();
    let tokens: Vec<&str> = lower
        .split(|c: char| c.is_whitespace() || c == '-' || c == '–')
        .map(|t| t.trim_matches(|c: char| !c.is_alphanumeric() && c != '.' && c != ','))
        .map(|t| t.trim_end_matches(['.', ',']))
        .filter(|t| !t.is_empty())
        .collect();
    let value_of = |t: &str| -> Option<f64> {
        if t.starts_with(|c: char| c.is_ascii_digit()) {
            let digits: String = t.chars().filter(|c| *c != ',').collect();
            let end = digits
                .find(|c: char| !c.is_ascii_digit() && c != '.')
                .unwrap_or(digits.len());
            return digits[..end].parse().ok();
        }
        UNITS.iter().find(|(w, _)| *w == t).map(|(_, v)| *v)
    };
    let scale_of = |t: &str| -> Option<f64> {
        let t = t.strip_suffix('s').unwrap_or(t);
        SCALES.iter().find(|(w, _)| *w == t).map(|(_, v)| *v)
    };
    let unit_of = |t: &str| UNITS.iter().find(|(w, _)| *w == t).map(|(_, v)| *v);
    let mut values = BTreeSet::new();
    let mut i = 0;
    while i < tokens.len() {
        let a_scale = tokens[i] == "a" && tokens.get(i + 1).and_then(|n| scale_of(n)).is_some();
        let Some(first) = (if a_scale {
            Some(1.0)
        } else {
            value_of(tokens[i])
        }) else {
            i += 1;
            continue;
        };
        // One phrase: forty two, two hundred and fifty, 6 thousand, one million five hundred.
        let (mut total, mut group, mut last_unit) = (0.0, first, unit_of(tokens[i]));
        i += 1;
        while i < tokens.len() {
            let t = tokens[i];
            if let Some(scale) = scale_of(t) {
                if scale < 1e3 {
                    group *= scale;
                } else {
                    total += group * scale;
                    group = 0.0;
                }
                last_unit = None;
            } else if let Some(u) = unit_of(t) {
                // After a tens word only a unit below ten joins it (forty two); after a scale,
                // any (five hundred twenty).
                match last_unit {
                    Some(tens) if tens >= 20.0 && u < 10.0 => {}
                    None => {}
                    _ => break,
                }
                group += u;
                last_unit = Some(u);
            } else if t == "and"
                && last_unit.is_none()
                && tokens.get(i + 1).is_some_and(|n| unit_of(n).is_some())
            {
                // two hundred and fifty
            } else {
                break;
            }
            i += 1;
        }
        values.insert(OrderedValue(total + group));
    }
    values
}

#[cfg(test)]
mod tests {
    use super::*;

    fn numbers(en: &str) -> Vec<f64> {
        english_numbers(en).into_iter().map(|v| v.0).collect()
    }

    #[test]
    fn english_figures_are_read_by_value() {
        assert_eq!(numbers("3,958 people"), [3958.0]);
        assert_eq!(
            numbers("eight officers and a thousand wounded"),
            [8.0, 1000.0]
        );
        assert_eq!(numbers("about 6 thousand detained"), [6000.0]);
        assert_eq!(numbers("from 5 to 19 January"), [5.0, 19.0]);
        assert_eq!(numbers("1.5 million"), [1_500_000.0]);
        assert_eq!(numbers("forty-two"), [42.0]);
    }

    #[test]
    fn arabic_figures_match_english_ones_in_any_form() {
        let ar = arabic_numbers("قتل ٣٩٥٨ شخصا وأصيب ثمانية وأكثر من ألف");
        let en = english_numbers("3,958 people were killed, eight hurt and more than a thousand");
        assert_eq!(ar, en);
    }

    const AR: &str = "قتل 8 من أفراد قوات الأمن في ألماتي.";

    fn findings(en: &str) -> Vec<(Level, &'static str)> {
        use crate::brief::translations::parse;
        use std::path::Path;
        let glossary = crate::glossary::parse(
            "[[term]]\nar = \"ألماتي\"\nen = \"Almaty\"\nkind = \"place\"\n\n\
             [[term]]\nar = \"قوات الأمن\"\nen = \"security forces\"\nalso = [\"police\"]\n",
            Path::new("g.toml"),
        )
        .unwrap();
        let matcher = Matcher::new(&glossary);
        let file = format!(
            "[[translation]]\nhash = \"{}\"\nar = \"{AR}\"\nen = \"{en}\"\n",
            hash_hex(sentence_hash(AR))
        );
        let translations = parse(&file, Path::new("t.toml")).unwrap();
        check(
            &translations,
            &|_| Some(AR.to_string()),
            &glossary,
            &matcher,
        )
        .into_iter()
        .map(|f| (f.level, f.rule))
        .collect()
    }

    #[test]
    fn a_faithful_translation_raises_nothing() {
        assert_eq!(
            findings("Eight members of the security forces were killed in Almaty."),
            []
        );
        // A documented alternative of a term is its English too.
        assert_eq!(findings("8 police were killed in Almaty."), []);
    }

    #[test]
    fn a_wrong_number_a_missing_term_and_arabic_left_are_caught() {
        assert_eq!(
            findings("Sixteen members of the security forces were killed in Almaty."),
            [(Level::Error, "number")]
        );
        assert_eq!(
            findings("Eight members of the security forces were killed in the city."),
            [(Level::Warning, "term")]
        );
        assert_eq!(
            findings("Eight members of the security forces were killed in ألماتي."),
            [(Level::Error, "arabic"), (Level::Warning, "term")]
        );
        assert_eq!(findings(" "), [(Level::Error, "empty")]);
    }

    #[test]
    fn a_name_renders_by_its_last_word() {
        assert!(renders("Kassym-Jomart Tokayev", "president tokayev said"));
        assert!(renders(
            "Interior Ministry / Ministry of Interior",
            "the ministry of interior"
        ));
        assert!(!renders("Almaty", "the city"));
    }
}
