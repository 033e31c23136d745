//! `glossary check`: entries that would confuse matching or the briefing.

use super::matcher::canonical;
use super::{Field, Glossary, KINDS, escaped, separator, separator_name, separator_reason};
use crate::text::chars::{is_invisible_control, is_reordering_control};
use std::collections::BTreeMap;

/// Something wrong with the glossary. Entries are given by index (file order).
#[non_exhaustive]
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Problem {
    /// A required or given field is empty.
    EmptyField { entry: usize, field: &'static str },
    /// Different spellings in different entries that normalize to the same form: the matcher
    /// cannot tell which entry is meant.
    Collision {
        form: String,
        spellings: Vec<(usize, String)>,
    },
    /// The same spelling listed by two or more entries.
    SharedSpelling {
        spelling: String,
        entries: Vec<usize>,
    },
    /// A variant that normalizes like another form of the same entry: harmless, but noise.
    RedundantVariant { entry: usize, variant: String },
    /// Invisible or reordering control characters in a field (`U+202E` and the like, see
    /// `text::chars`), each once, in order. Reordering controls (embeddings, overrides,
    /// isolates) can make the entry display as something it does not say: an error. The
    /// others (zero-width characters, marks, soft hyphen) only hide: a note.
    HiddenCharacters {
        entry: usize,
        field: &'static str,
        characters: Vec<char>,
    },
    /// A character the field may not hold if the glossary is to travel exactly through the
    /// exchange formats: `|` in a spelling, a tab or a line break in a spelling, the English
    /// or the kind (`glossary add` refuses them; a note may span lines).
    Separator {
        entry: usize,
        field: &'static str,
        value: String,
        character: char,
    },
    /// A kind that is none of person, place, org, event, term (allowed, treated as
    /// vocabulary): a note, with the nearest known kind when one is near (a typo, a capital,
    /// a word such as "city").
    UnknownKind {
        entry: usize,
        kind: String,
        nearest: Option<&'static str>,
    },
}

impl Problem {
    /// Problems that make `glossary check` fail; redundant variants are only reported.
    pub fn is_error(&self) -> bool {
        match self {
            Problem::RedundantVariant { .. } | Problem::UnknownKind { .. } => false,
            Problem::HiddenCharacters { characters, .. } => {
                characters.iter().any(|&c| is_reordering_control(c))
            }
            _ => true,
        }
    }

    /// The entries concerned, first one first.
    pub fn entries(&self) -> Vec<usize> {
        match self {
            Problem::EmptyField { entry, .. }
            | Problem::RedundantVariant { entry, .. }
            | Problem::HiddenCharacters { entry, .. }
            | Problem::Separator { entry, .. }
            | Problem::UnknownKind { entry, .. } => vec![*entry],
            Problem::Collision { spellings, .. } => spellings.iter().map(|(e, _)| *e).collect(),
            Problem::SharedSpelling { entries, .. } => entries.clone(),
        }
    }

    /// A sentence for the user, naming entries by headword and English (reordering
    /// controls in them shown as `⟨U+202E⟩`, tabs and line breaks as `\t`, `\n`, so the
    /// message reads as written, on one line).
    pub fn describe(&self, glossary: &Glossary) -> String {
        let name = |e: &usize| {
            let t = &glossary.terms[*e];
            format!("'{}' ({})", escaped(&t.ar), escaped(&t.en))
        };
        match self {
            Problem::EmptyField { entry, field } => {
                format!("entry {} has an empty '{field}'", name(entry))
            }
            Problem::Collision { form, spellings } => format!(
                "{} normalize to the same form '{form}', so matches cannot tell these entries apart: {}",
                spellings
                    .iter()
                    .map(|(_, s)| format!("'{s}'"))
                    .collect::<Vec<_>>()
                    .join(", "),
                spellings
                    .iter()
                    .map(|(e, _)| name(e))
                    .collect::<Vec<_>>()
                    .join(", ")
            ),
            Problem::SharedSpelling { spelling, entries } => format!(
                "'{spelling}' is a spelling of {} entries: {}",
                entries.len(),
                entries.iter().map(name).collect::<Vec<_>>().join(", ")
            ),
            Problem::RedundantVariant { entry, variant } => format!(
                "variant '{variant}' of {} already matches through normalization and clitics; it can go",
                name(entry)
            ),
            Problem::HiddenCharacters {
                entry,
                field,
                characters,
            } => {
                let codes: Vec<String> = characters
                    .iter()
                    .map(|&c| format!("U+{:04X}", c as u32))
                    .collect();
                let why = if self.is_error() {
                    "they can make the entry display as something it does not say"
                } else {
                    "they are invisible and ignored for matching"
                };
                format!(
                    "'{field}' of {} holds invisible or reordering control characters ({}): \
                     {why}; remove them",
                    name(entry),
                    codes.join(", ")
                )
            }
            Problem::Separator {
                entry,
                field,
                value,
                character,
            } => {
                let what = match *field {
                    "variants" => format!("variant '{}' of", escaped(value)),
                    field => format!("'{field}' of"),
                };
                format!(
                    "{what} {} contains {}, which {}; TSV and CSV exports refuse it",
                    name(entry),
                    separator_name(*character),
                    separator_reason(*character)
                )
            }
            Problem::UnknownKind {
                entry,
                kind,
                nearest,
            } => {
                let hint = nearest
                    .map(|k| format!("did you mean '{k}'? "))
                    .unwrap_or_default();
                format!(
                    "kind '{}' of {} is not one of {}; {hint}(other kinds are allowed; \
                     matching and the briefing treat them as vocabulary, like 'term')",
                    escaped(kind),
                    name(entry),
                    KINDS.join(", ")
                )
            }
        }
    }
}

/// The known kind nearest to `kind`: the same but for case, the kind of a word desks use
/// for one (city → place), else one at most two edits away.
fn nearest_kind(kind: &str) -> Option<&'static str> {
    const WORDS: &[(&str, &str)] = &[
        ("people", "person"),
        ("name", "person"),
        ("official", "person"),
        ("politician", "person"),
        ("city", "place"),
        ("town", "place"),
        ("village", "place"),
        ("country", "place"),
        ("region", "place"),
        ("province", "place"),
        ("capital", "place"),
        ("location", "place"),
        ("area", "place"),
        ("district", "place"),
        ("organisation", "org"),
        ("organization", "org"),
        ("company", "org"),
        ("party", "org"),
        ("ministry", "org"),
        ("agency", "org"),
        ("institution", "org"),
        ("group", "org"),
        ("union", "org"),
        ("incident", "event"),
        ("vocabulary", "term"),
        ("word", "term"),
        ("concept", "term"),
        ("phrase", "term"),
    ];
    let lower = kind.trim().to_lowercase();
    let singular = lower.strip_suffix('s').unwrap_or(&lower);
    for word in [lower.as_str(), singular] {
        if let Some(&known) = KINDS.iter().find(|&&k| k == word) {
            return Some(known);
        }
        if let Some(&(_, known)) = WORDS.iter().find(|(w, _)| *w == word) {
            return Some(known);
        }
    }
    KINDS
        .iter()
        .map(|&k| (edit_distance(&lower, k), k))
        .filter(|&(d, _)| d <= 2)
        .min_by_key(|&(d, _)| d)
        .map(|(_, k)| k)
}

/// Levenshtein distance in characters (for short words).
fn edit_distance(a: &str, b: &str) -> usize {
    let b: Vec<char> = b.chars().collect();
    let mut row: Vec<usize> = (0..=b.len()).collect();
    for (i, ca) in a.chars().enumerate() {
        let mut diagonal = row[0];
        row[0] = i + 1;
        for (j, &cb) in b.iter().enumerate() {
            let substituted = diagonal + usize::from(ca != cb);
            diagonal = row[j + 1];
            row[j + 1] = substituted.min(row[j] + 1).min(row[j + 1] + 1);
        }
    }
    row[b.len()]
}

/// The invisible and reordering control characters of `value`, each once, in order.
fn hidden_characters(value: &str) -> Vec<char> {
    let mut found = Vec::new();
    for c in value.chars().filter(|&c| is_invisible_control(c)) {
        if !found.contains(&c) {
            found.push(c);
        }
    }
    found
}

/// Every problem, in the order of the first entry concerned.
pub fn check(glossary: &Glossary) -> Vec<Problem> {
    let mut problems = Vec::new();
    // canonical form -> (entry, spelling) of every form that has it
    let mut by_form: BTreeMap<String, Vec<(usize, String)>> = BTreeMap::new();
    for (i, term) in glossary.terms.iter().enumerate() {
        let mut fields = vec![("ar", term.ar.as_str()), ("en", term.en.as_str())];
        if let Some(kind) = &term.kind {
            fields.push(("kind", kind));
            if !kind.trim().is_empty() && !KINDS.contains(&kind.as_str()) {
                problems.push(Problem::UnknownKind {
                    entry: i,
                    kind: kind.clone(),
                    nearest: nearest_kind(kind),
                });
            }
        }
        if let Some(note) = &term.note {
            fields.push(("note", note));
        }
        fields.extend(term.variants.iter().map(|v| ("variants", v.as_str())));
        for (field, value) in fields {
            let room = match field {
                "ar" | "variants" => Field::Spelling,
                "note" => Field::Text,
                _ => Field::Line,
            };
            if let Some(character) = separator(value, room) {
                problems.push(Problem::Separator {
                    entry: i,
                    field,
                    value: value.to_string(),
                    character,
                });
            }
            if value.trim().is_empty() {
                problems.push(Problem::EmptyField { entry: i, field });
            }
            let characters = hidden_characters(value);
            if !characters.is_empty() {
                problems.push(Problem::HiddenCharacters {
                    entry: i,
                    field,
                    characters,
                });
            }
        }
        let mut seen = Vec::new();
        for form in term.forms() {
            let canon = canonical(form);
            if canon.is_empty() {
                continue;
            }
            if seen.contains(&canon) {
                problems.push(Problem::RedundantVariant {
                    entry: i,
                    variant: form.to_string(),
                });
                continue;
            }
            seen.push(canon.clone());
            by_form
                .entry(canon)
                .or_default()
                .push((i, form.to_string()));
        }
    }
    for (form, spellings) in by_form {
        if spellings.iter().all(|(e, _)| *e == spellings[0].0) {
            continue;
        }
        let first = &spellings[0].1;
        if spellings.iter().all(|(_, s)| s == first) {
            problems.push(Problem::SharedSpelling {
                spelling: first.clone(),
                entries: spellings.iter().map(|(e, _)| *e).collect(),
            });
        } else {
            problems.push(Problem::Collision { form, spellings });
        }
    }
    problems.sort_by_key(|p| p.entries().first().copied());
    problems
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::glossary::Entry;

    fn g(entries: &[(&str, &str, &[&str])]) -> Glossary {
        Glossary {
            meta: None,
            terms: entries
                .iter()
                .map(|(ar, en, v)| Entry {
                    variants: v.iter().map(|s| s.to_string()).collect(),
                    ..Entry::new(*ar, *en)
                })
                .collect(),
        }
    }

    #[test]
    fn a_clean_glossary_has_no_problems() {
        assert!(
            check(&g(&[
                ("ألماتي", "Almaty", &["آلماتا"]),
                ("كازاخستان", "Kazakhstan", &[])
            ]))
            .is_empty()
        );
    }

    #[test]
    fn colliding_normalized_forms_are_reported() {
        let problems = check(&g(&[
            ("ألماتي", "Almaty", &[]),
            ("الماتى", "Alma-Ata", &[]),
        ]));
        assert_eq!(problems.len(), 1);
        assert!(matches!(&problems[0], Problem::Collision { form, .. } if form == "الماتي"));
        assert!(problems[0].is_error());
    }

    #[test]
    fn shared_spellings_are_reported() {
        let problems = check(&g(&[
            ("نور سلطان", "Nur-Sultan", &[]),
            (
                "نور سلطان نزارباييف",
                "Nursultan Nazarbayev",
                &["نور سلطان"],
            ),
        ]));
        assert_eq!(
            problems,
            [Problem::SharedSpelling {
                spelling: "نور سلطان".into(),
                entries: vec![0, 1]
            }]
        );
    }

    #[test]
    fn empty_fields_are_reported() {
        let mut glossary = g(&[("توكاييف", " ", &[""])]);
        glossary.terms[0].note = Some(String::new());
        let fields: Vec<_> = check(&glossary)
            .into_iter()
            .filter_map(|p| match p {
                Problem::EmptyField { field, .. } => Some(field),
                _ => None,
            })
            .collect();
        assert_eq!(fields, ["en", "note", "variants"]);
    }

    #[test]
    fn hidden_characters_are_reported_by_field_reordering_ones_as_errors() {
        let mut glossary = g(&[("شرطة", "po\u{202E}lice", &["شر\u{200C}طة"])]);
        glossary.terms[0].note = Some("\u{2067}x\u{2069}\u{2067}".into());
        let problems: Vec<_> = check(&glossary)
            .into_iter()
            .filter(|p| matches!(p, Problem::HiddenCharacters { .. }))
            .collect();
        assert_eq!(
            problems,
            [
                Problem::HiddenCharacters {
                    entry: 0,
                    field: "en",
                    characters: vec!['\u{202E}']
                },
                Problem::HiddenCharacters {
                    entry: 0,
                    field: "note",
                    characters: vec!['\u{2067}', '\u{2069}']
                },
                Problem::HiddenCharacters {
                    entry: 0,
                    field: "variants",
                    characters: vec!['\u{200C}']
                },
            ]
        );
        let errors: Vec<bool> = problems.iter().map(Problem::is_error).collect();
        assert_eq!(errors, [true, true, false]);
        assert!(!problems[0].describe(&glossary).contains('\u{202E}'));
    }

    #[test]
    fn unknown_kinds_are_noted_with_the_nearest_known_one() {
        for (kind, nearest) in [
            ("city", Some("place")),
            ("Person", Some("person")),
            ("places", Some("place")),
            ("orgs", Some("org")),
            ("Organisation", Some("org")),
            ("evnt", Some("event")),
            ("weather", None),
        ] {
            assert_eq!(nearest_kind(kind), nearest, "{kind}");
        }
        let mut glossary = g(&[("ألماتي", "Almaty", &[])]);
        glossary.terms[0].kind = Some("city".into());
        let problems = check(&glossary);
        assert_eq!(
            problems,
            [Problem::UnknownKind {
                entry: 0,
                kind: "city".into(),
                nearest: Some("place")
            }]
        );
        assert!(!problems[0].is_error());
        glossary.terms[0].kind = Some("place".into());
        assert!(check(&glossary).is_empty());
        assert_eq!(edit_distance("peron", "person"), 1);
    }

    #[test]
    fn a_variant_equal_to_the_headword_after_normalization_is_redundant_not_an_error() {
        let problems = check(&g(&[("الشرطة", "police", &["الشرطه"])]));
        assert_eq!(problems.len(), 1);
        assert!(!problems[0].is_error());
    }
}
