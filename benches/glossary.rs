//! Glossary at scale: a 100,000-entry glossary, generated deterministically from the CLDR and
//! iso-codes names in `../shared/data/glossary-cldr-isocodes` plus synthetic multi-word terms,
//! is written as TOML, loaded (parse + compile) and matched against news text.
//!
//! `cargo bench --bench glossary -- [--shared DIR] [--entries N] [--mb M]` prints one JSON line:
//! `{"entries","patterns","load_s","compile_s","text_bytes","match_s","mb_per_s","tokenize_s",
//! "threads","parallel_mb_per_s","hits","peak_rss_kb"}` (`match_s`/`mb_per_s`: one core;
//! `tokenize_s`: the part of `match_s` spent normalizing and tokenizing; `parallel_mb_per_s`:
//! the articles split over every core).
//! Text: the UD Arabic-PUD documents (from the shared folder) repeated to M MB (default 20),
//! matched one document at a time.

mod common;

use common::peak_rss_kb;
use mizan::glossary::{self, Entry, Glossary, Matcher};
use rayon::prelude::*;
use std::hint::black_box;
use std::path::PathBuf;
use std::time::Instant;

fn main() {
    let mut shared = PathBuf::from(concat!(env!("CARGO_MANIFEST_DIR"), "/../shared"));
    let mut entries = 100_000usize;
    let mut mb = 20usize;
    let mut args = std::env::args().skip(1);
    while let Some(arg) = args.next() {
        match arg.as_str() {
            "--shared" => shared = args.next().expect("--shared DIR").into(),
            "--entries" => {
                entries = args
                    .next()
                    .and_then(|n| n.parse().ok())
                    .expect("--entries N")
            }
            "--mb" => mb = args.next().and_then(|n| n.parse().ok()).expect("--mb M"),
            _ => {}
        }
    }
    let names = shared.join("data/glossary-cldr-isocodes");
    let mut real = Vec::new();
    for file in ["glossary_cldr_ar_en.tsv", "glossary_isocodes_ar_en.tsv"] {
        let path = names.join(file);
        let text = std::fs::read_to_string(&path).unwrap_or_else(|e| {
            panic!("{}: {e} (the shared data folder is needed)", path.display())
        });
        for line in text.lines().skip(1) {
            let mut cols = line.split('\t');
            if let (Some(ar), Some(en)) = (cols.next(), cols.next()) {
                real.push((ar.to_string(), en.to_string()));
            }
        }
    }
    let glossary = generate(&real, entries);
    let toml_text = toml::to_string(&glossary).expect("serialize");
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join("glossary.toml");
    std::fs::write(&path, &toml_text).expect("write glossary");

    let t = Instant::now();
    let loaded = glossary::load(&path).expect("load generated glossary");
    let load_s = t.elapsed().as_secs_f64();
    let t = Instant::now();
    let matcher = Matcher::new(&loaded);
    let compile_s = t.elapsed().as_secs_f64();

    // Matched article by article, as `mizan gloss` does.
    let docs = news_docs(&shared, mb * 1_000_000);
    let text_len: usize = docs.iter().map(String::len).sum();
    let mut best = f64::MAX;
    let mut hits = 0;
    for _ in 0..3 {
        let t = Instant::now();
        hits = docs
            .iter()
            .map(|d| black_box(matcher.find(black_box(d))).len())
            .sum();
        best = best.min(t.elapsed().as_secs_f64());
    }
    // The same on every core: articles are independent and the matcher is shared read-only.
    let threads = std::thread::available_parallelism().map_or(1, |n| n.get());
    let mut parallel_s = f64::MAX;
    for _ in 0..3 {
        let t = Instant::now();
        let parallel_hits: usize = docs.par_iter().map(|d| matcher.find(d).len()).sum();
        assert_eq!(parallel_hits, hits, "the same hits on every core");
        parallel_s = parallel_s.min(t.elapsed().as_secs_f64());
    }
    // The share of that spent normalizing and tokenizing, which every stage pays anyway.
    let mut tokenize_s = f64::MAX;
    for _ in 0..3 {
        let t = Instant::now();
        for d in &docs {
            black_box(mizan::text::tokenize(black_box(d)));
        }
        tokenize_s = tokenize_s.min(t.elapsed().as_secs_f64());
    }
    println!(
        "{{\"entries\": {}, \"patterns\": {}, \"load_s\": {load_s:.3}, \"compile_s\": {compile_s:.3}, \
         \"text_bytes\": {}, \"match_s\": {best:.3}, \"mb_per_s\": {:.1}, \"tokenize_s\": {tokenize_s:.3}, \"threads\": {threads}, \"parallel_mb_per_s\": {:.1}, \"hits\": {hits}, \
         \"peak_rss_kb\": {}}}",
        loaded.terms.len(),
        matcher.pattern_count(),
        text_len,
        text_len as f64 / best / 1e6,
        text_len as f64 / parallel_s / 1e6,
        peak_rss_kb()
    );
}

/// The real names first, then synthetic two- and three-word terms built from their words with
/// a fixed linear congruential generator, so every run builds the same glossary.
fn generate(real: &[(String, String)], n: usize) -> Glossary {
    let mut seen = std::collections::HashSet::new();
    let mut terms = Vec::with_capacity(n);
    for (ar, en) in real {
        if seen.insert(mizan::glossary::matcher::canonical(ar)) {
            terms.push(Entry::new(ar.clone(), en.clone()));
        }
    }
    let words: Vec<&str> = real
        .iter()
        .flat_map(|(ar, _)| ar.split_whitespace())
        .collect();
    let mut state: u64 = 0x5eed;
    let mut next = |m: usize| {
        state = state
            .wrapping_mul(6364136223846793005)
            .wrapping_add(1442695040888963407);
        ((state >> 33) as usize) % m
    };
    while terms.len() < n {
        let len = 2 + next(2);
        let ar: Vec<&str> = (0..len).map(|_| words[next(words.len())]).collect();
        let ar = ar.join(" ");
        if seen.insert(mizan::glossary::matcher::canonical(&ar)) {
            let i = terms.len();
            let mut entry = Entry::new(ar, format!("Synthetic term {i}"));
            entry.kind = Some(["person", "place", "org", "term"][i % 4].to_string());
            terms.push(entry);
        }
    }
    Glossary { meta: None, terms }
}

fn news_docs(shared: &std::path::Path, min_len: usize) -> Vec<String> {
    let path = shared.join("data/ud-arabic-pud-sentences/ar_pud_docs.jsonl");
    let jsonl = std::fs::read_to_string(&path)
        .unwrap_or_else(|e| panic!("{}: {e} (the shared data folder is needed)", path.display()));
    let docs: Vec<String> = jsonl
        .lines()
        .map(|line| {
            let doc: serde_json::Value = serde_json::from_str(line).expect("PUD line is JSON");
            doc["text"].as_str().expect("text field").to_string()
        })
        .collect();
    let one: usize = docs.iter().map(String::len).sum();
    let copies = min_len / one + 1;
    (0..copies).flat_map(|_| docs.iter().cloned()).collect()
}
