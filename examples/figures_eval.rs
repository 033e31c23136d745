//! Figures against a judged set: `cargo run --release --example figures_eval -- [--shared DIR]
//! [--gold FILE] [--min-precision P] [--min-recall R] [--errors]`.
//!
//! The gold (`scripts/gold/figures_archive.tsv`, README beside it) names sentences of the
//! SaudiNewsNet sample by article id and byte offsets, and each in-scope count in them by byte
//! span, value, category (killed, wounded, casualties, arrested, detained, hospitalised,
//! missing, displaced, evacuated, cases, population...), group, qualifier and whether it is a
//! sub-count; a sentence with none has one row of category `none`. No text is stored: the
//! sentences are read from `../shared` through mizan's own corpus reader.
//!
//! `mizan::figures::extract` runs on each judged sentence. A figure found is right when its
//! span overlaps a gold count's and both its value (a vague count by its kind: dozens,
//! hundreds...) and its category agree; precision is right / found, recall is gold counts
//! found right / gold counts. Prints both, per category, and with `--errors` every miss and
//! every wrong figure (article, offset, what was found, what was judged). Exits 1 below the
//! given floors, 2 when the data is missing.

use mizan::corpus::{LoadOptions, load};
use mizan::figures::{Figure, Qualifier, extract};
use std::collections::{BTreeMap, HashMap};
use std::path::PathBuf;
use std::process::ExitCode;

const ARCHIVE: &str = "data/saudinewsnet-sample/saudinewsnet_2015-08-02_to_08-11.jsonl";

struct Gold {
    start: usize,
    end: usize,
    value: String,
    category: String,
}

fn main() -> ExitCode {
    let root = PathBuf::from(env!("CARGO_MANIFEST_DIR"));
    let mut shared = root.join("../shared");
    let mut gold_path = root.join("scripts/gold/figures_archive.tsv");
    let (mut min_precision, mut min_recall, mut errors) = (0.0, 0.0, false);
    let mut args = std::env::args().skip(1);
    while let Some(arg) = args.next() {
        let mut next = |what: &str| args.next().unwrap_or_else(|| panic!("{arg} {what}"));
        match arg.as_str() {
            "--shared" => shared = PathBuf::from(next("DIR")),
            "--gold" => gold_path = PathBuf::from(next("FILE")),
            "--min-precision" => min_precision = next("P").parse().expect("a number"),
            "--min-recall" => min_recall = next("R").parse().expect("a number"),
            "--errors" => errors = true,
            other => panic!("unknown argument {other}"),
        }
    }
    let Ok(gold_text) = std::fs::read_to_string(&gold_path) else {
        eprintln!("figures eval: cannot read {}", gold_path.display());
        return ExitCode::from(2);
    };
    let archive = shared.join(ARCHIVE);
    let corpus = match load(&[&archive], &LoadOptions::default()) {
        Ok(c) => c,
        Err(e) => {
            eprintln!("figures eval: {e}");
            return ExitCode::from(2);
        }
    };
    let by_id: HashMap<&str, &str> = corpus
        .documents
        .iter()
        .filter_map(|d| Some((d.id.rsplit_once('#')?.1, d.text.as_str())))
        .collect();

    // Judged sentences, in file order, each with its gold counts (sentence-relative spans).
    let mut sentences: Vec<((String, usize, usize), Vec<Gold>)> = Vec::new();
    for (n, line) in gold_text.lines().enumerate() {
        if line.starts_with('#') || line.trim().is_empty() {
            continue;
        }
        let f: Vec<&str> = line.split('\t').collect();
        assert_eq!(f.len(), 11, "{}:{}: 11 columns", gold_path.display(), n + 1);
        let key = (
            f[1].to_string(),
            f[2].parse().expect("a sentence start"),
            f[3].parse().expect("a sentence end"),
        );
        if sentences.last().map(|s| &s.0) != Some(&key) {
            sentences.push((key.clone(), Vec::new()));
        }
        if f[7] != "none" {
            let at = |s: &str| s.parse::<usize>().expect("an offset") - key.1;
            sentences.last_mut().expect("pushed").1.push(Gold {
                start: at(f[4]),
                end: at(f[5]),
                value: f[6].to_string(),
                category: f[7].to_string(),
            });
        }
    }

    #[derive(Default)]
    struct Tally {
        gold: usize,
        found_right: usize,
        found: usize,
        right: usize,
    }
    let mut tally: BTreeMap<String, Tally> = BTreeMap::new();
    let mut missing_docs = 0;
    for ((doc, start, end), gold) in &sentences {
        let Some(text) = by_id.get(doc.as_str()) else {
            missing_docs += 1;
            continue;
        };
        let Some(sentence) = text.get(*start..*end) else {
            eprintln!("figures eval: {doc} has no sentence at {start}..{end}");
            return ExitCode::from(2);
        };
        let found = extract(sentence);
        let agrees = |f: &Figure, g: &Gold| {
            f.span.start < g.end
                && g.start < f.span.end
                && category(f) == g.category
                && value(f) == g.value
        };
        for g in gold {
            let t = tally.entry(g.category.clone()).or_default();
            t.gold += 1;
            if found.iter().any(|f| agrees(f, g)) {
                t.found_right += 1;
            } else if errors {
                let got: Vec<String> = found
                    .iter()
                    .filter(|f| f.span.start < g.end && g.start < f.span.end)
                    .map(|f| format!("{} {}", category(f), value(f)))
                    .collect();
                println!(
                    "miss  {doc}@{}: judged {} {}, found {}  «{}»",
                    start + g.start,
                    g.category,
                    g.value,
                    if got.is_empty() {
                        "nothing".to_string()
                    } else {
                        got.join(", ")
                    },
                    &sentence[g.start..g.end]
                );
            }
        }
        for f in &found {
            let t = tally.entry(category(f)).or_default();
            t.found += 1;
            if gold.iter().any(|g| agrees(f, g)) {
                t.right += 1;
            } else if errors {
                println!(
                    "wrong {doc}@{}: found {} {}  «{}»",
                    start + f.span.start,
                    category(f),
                    value(f),
                    f.span.slice(sentence)
                );
            }
        }
    }
    if missing_docs > 0 {
        eprintln!("figures eval: {missing_docs} judged sentence(s) name articles not in {ARCHIVE}");
        return ExitCode::from(2);
    }
    let sum = |f: fn(&Tally) -> usize| tally.values().map(f).sum::<usize>();
    let (gold, found_right, found, right) = (
        sum(|t| t.gold),
        sum(|t| t.found_right),
        sum(|t| t.found),
        sum(|t| t.right),
    );
    let ratio = |a: usize, b: usize| if b == 0 { 1.0 } else { a as f64 / b as f64 };
    println!("category              gold  recall   found  precision");
    for (c, t) in &tally {
        println!(
            "{c:<20} {:>5}  {:>6.3}  {:>6}  {:>9.3}",
            t.gold,
            ratio(t.found_right, t.gold),
            t.found,
            ratio(t.right, t.found)
        );
    }
    let (precision, recall) = (ratio(right, found), ratio(found_right, gold));
    println!(
        "figures: {} judged sentences, {gold} in-scope counts; found {found}, {right} right: \
         precision {precision:.3}, recall {recall:.3} (issue 15 asks >= 0.95 and >= 0.90)",
        sentences.len()
    );
    if precision + 1e-9 < min_precision || recall + 1e-9 < min_recall {
        eprintln!(
            "figures eval: below the floor (precision >= {min_precision}, recall >= {min_recall})"
        );
        return ExitCode::from(1);
    }
    ExitCode::SUCCESS
}

/// A figure's category as the gold names it: its measure's serialized name (`losses` for any
/// currency).
fn category(f: &Figure) -> String {
    match serde_json::to_value(f.measure).expect("a measure serializes") {
        serde_json::Value::String(s) => s,
        serde_json::Value::Object(o) => o.keys().next().cloned().unwrap_or_default(),
        other => other.to_string(),
    }
}

/// A figure's value as the gold writes it: the number, or a vague count's kind.
fn value(f: &Figure) -> String {
    match (f.value, f.qualifier) {
        (Some(v), _) => {
            if v.fract() == 0.0 {
                format!("{}", v as i64)
            } else {
                format!("{v}")
            }
        }
        (None, Qualifier::Vague(kind)) => serde_json::to_value(kind)
            .ok()
            .and_then(|v| v.as_str().map(str::to_string))
            .unwrap_or_default(),
        (None, _) => String::new(),
    }
}
