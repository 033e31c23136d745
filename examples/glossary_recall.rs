//! Glossary recall on real names: every term of CLDR's Arabic–English list
//! (`../shared/data/glossary-cldr-isocodes/glossary_cldr_ar_en.tsv`) is embedded in generated
//! sentences, with each proclitic combination, and must be found with the right English; the
//! same terms glued inside longer words must not be found.
//!
//! `cargo run --release --example glossary_recall -- [--shared DIR]`; exits 1 when recall is
//! under 99.5% or any hit lies inside a longer word. Run by `.ci/run`.

use mizan::glossary::matcher::canonical;
use mizan::glossary::{Entry, Glossary, Matcher};
use std::collections::{BTreeMap, BTreeSet};
use std::path::PathBuf;

/// Proclitic chains. For a term written with the article (الأرجنتين), a chain with ال replaces
/// the term's own article (و + ال + أرجنتين), and ل + ال contracts to لل.
const CHAINS: &[&str] = &[
    "", "و", "ف", "ب", "ل", "ك", "وب", "ول", "فب", "فل", "وك", "ال", "وال", "فال", "بال", "كال",
    "لل", "وبال", "فبال", "ولل", "فلل", "وكال",
];

/// Sentence frames: the term stands where `{}` is.
const FRAMES: &[&str] = &[
    "وقال مسؤول إن {} شهدت تطورات مهمة خلال الأسبوع الماضي.",
    "{} في صدارة الأخبار اليوم.",
    "أشار التقرير إلى {}، بحسب مصادر مطلعة.",
];

/// Letters that are not clitics, to glue a term inside a longer word.
const GLUE_BEFORE: &[&str] = &["ت", "مت", "نت"];
const GLUE_AFTER: &[&str] = &["ات", "ين", "يون"];

fn main() {
    let mut shared = PathBuf::from(concat!(env!("CARGO_MANIFEST_DIR"), "/../shared"));
    let mut args = std::env::args().skip(1);
    while let Some(arg) = args.next() {
        if arg == "--shared" {
            shared = args.next().expect("--shared DIR").into();
        }
    }
    let path = shared.join("data/glossary-cldr-isocodes/glossary_cldr_ar_en.tsv");
    let tsv = std::fs::read_to_string(&path).unwrap_or_else(|e| {
        eprintln!(
            "glossary_recall: {}: {e} (the shared data folder is needed)",
            path.display()
        );
        std::process::exit(2);
    });
    let mut terms = Vec::new();
    for line in tsv.lines().skip(1) {
        let cols: Vec<&str> = line.split('\t').collect();
        if cols.len() < 3 {
            continue;
        }
        let kind = cols[2].split(':').nth(1).unwrap_or("");
        let kind = match kind {
            "territory" | "exemplar_city" => "place",
            _ => "term",
        };
        let mut entry = Entry::new(cols[0], cols[1]);
        entry.kind = Some(kind.to_string());
        terms.push(entry);
    }
    // A spelling shared by several entries (الجزائر: Algeria and Algiers) may be found as any.
    let mut english: BTreeMap<String, BTreeSet<String>> = BTreeMap::new();
    for t in &terms {
        english
            .entry(canonical(&t.ar))
            .or_default()
            .insert(t.en.clone());
    }
    let glossary = Glossary { meta: None, terms };
    let matcher = Matcher::new(&glossary);

    let (mut cases, mut found) = (0usize, 0usize);
    let mut misses: Vec<String> = Vec::new();
    let mut inside = 0usize;
    let mut inside_examples: Vec<String> = Vec::new();
    for entry in &glossary.terms {
        let expected = &english[&canonical(&entry.ar)];
        for chain in CHAINS {
            let Some(word) = attach(chain, &entry.ar) else {
                continue;
            };
            for frame in FRAMES {
                let (before, after) = frame.split_once("{}").expect("frame has a slot");
                let sentence = format!("{before}{word}{after}");
                // Hits are whole words: punctuation at the ends of a term, as in
                // "جزر كوكوس (كيلينغ)", is not part of the span.
                let lead = word.len()
                    - word
                        .trim_start_matches(|c: char| !c.is_alphanumeric())
                        .len();
                let trail =
                    word.len() - word.trim_end_matches(|c: char| !c.is_alphanumeric()).len();
                let span = before.len() + lead..before.len() + word.len() - trail;
                cases += 1;
                let ok = matcher.find(&sentence).iter().any(|h| {
                    h.span.start == span.start
                        && h.span.end == span.end
                        && expected.contains(&glossary.terms[h.entry].en)
                });
                if ok {
                    found += 1;
                } else if misses.len() < 25 {
                    misses.push(format!("{word}  ({})", entry.en));
                }
            }
        }
        // Glued inside longer words: no hit may touch the glued first or last word.
        for (glue_before, glue_after) in GLUE_BEFORE.iter().zip(GLUE_AFTER) {
            // Glue only where the term begins or ends with a letter (after "(كيلينغ)" a
            // suffix is a word of its own), and only where the glued word is not itself a term.
            let letter_first = entry.ar.starts_with(char::is_alphabetic);
            let letter_last = entry.ar.ends_with(char::is_alphabetic);
            for (pre, post) in [
                (*glue_before, ""),
                ("", *glue_after),
                (*glue_before, *glue_after),
            ] {
                if (!pre.is_empty() && !letter_first) || (!post.is_empty() && !letter_last) {
                    continue;
                }
                let word = format!("{pre}{}{post}", entry.ar);
                if english.contains_key(&canonical(&word)) {
                    continue;
                }
                let sentence = format!("قال إن {word} شهدت تطورات.");
                let start = "قال إن ".len();
                let end = start + word.len();
                let first_end = start + word.find(' ').unwrap_or(word.len());
                let last_start = start + word.rfind(' ').map_or(0, |p| p + 1);
                let bad = matcher.find(&sentence).into_iter().find(|h| {
                    let glued_first =
                        !pre.is_empty() && h.span.start < first_end && h.span.end > start;
                    let glued_last =
                        !post.is_empty() && h.span.start < end && h.span.end > last_start;
                    glued_first || glued_last
                });
                if let Some(h) = bad {
                    inside += 1;
                    if inside_examples.len() < 25 {
                        inside_examples.push(format!(
                            "{word}: found '{}' ({})",
                            &sentence[h.span.start..h.span.end],
                            glossary.terms[h.entry].en
                        ));
                    }
                }
            }
        }
    }
    let recall = found as f64 / cases as f64;
    println!(
        "CLDR terms: {}, sentences: {cases}, found with the right English: {found} (recall {:.4})",
        glossary.terms.len(),
        recall
    );
    for m in &misses {
        println!("  missed: {m}");
    }
    println!("hits inside longer words: {inside}");
    for e in &inside_examples {
        println!("  inside: {e}");
    }
    let pass = recall >= 0.995 && inside == 0;
    println!(
        "glossary recall: {} (gate: recall >= 0.995, no hit inside a longer word)",
        if pass { "PASS" } else { "FAIL" }
    );
    if !pass {
        std::process::exit(1);
    }
}

/// The term with a proclitic chain attached, as Arabic writes it. A definite term keeps its own
/// article (و + الأرجنتين), a chain ending in the article uses the term's (وال + أرجنتين), and
/// the preposition ل before the article contracts: ل + الأرجنتين = للأرجنتين.
fn attach(chain: &str, term: &str) -> Option<String> {
    let Some(stem) = term.strip_prefix("ال") else {
        return Some(format!("{chain}{term}"));
    };
    if let Some(before) = chain.strip_suffix("لل") {
        return Some(format!("{before}لل{stem}"));
    }
    if let Some(before) = chain.strip_suffix("ال") {
        return Some(format!("{before}ال{stem}"));
    }
    if let Some(before) = chain.strip_suffix('ل') {
        return Some(format!("{before}لل{stem}"));
    }
    Some(format!("{chain}{term}"))
}
