//! Normalize + segment throughput on one core.
//!
//! `cargo bench --bench throughput -- [--input FILE] [--runs N]` prints one JSON line:
//! `{"bytes","normalize_s","segment_s","total_s","sentences","peak_rss_kb"}` (best of N runs,
//! default 3). Without `--input` it uses the sample corpus repeated to 50 MB.
//! `scripts/bench_segment.py` runs it beside sentencex on the same text.

mod common;

use common::peak_rss_kb;
use mizan::text::{normalize, segment};
use std::hint::black_box;
use std::time::Instant;

fn main() {
    let mut input = None;
    let mut runs = 3;
    let mut args = std::env::args().skip(1);
    while let Some(arg) = args.next() {
        match arg.as_str() {
            "--input" => input = args.next(),
            "--runs" => runs = args.next().and_then(|n| n.parse().ok()).unwrap_or(3),
            _ => {} // cargo bench passes --bench
        }
    }
    let text = match input {
        Some(path) => {
            std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("cannot read {path}: {e}"))
        }
        None => sample_text(50_000_000),
    };
    let mut best = (f64::MAX, f64::MAX);
    let mut sentences = 0;
    for _ in 0..runs {
        let t = Instant::now();
        let normalized = black_box(normalize(black_box(&text)));
        let normalize_s = t.elapsed().as_secs_f64();
        drop(normalized);
        let t = Instant::now();
        sentences = black_box(segment(black_box(&text))).len();
        let segment_s = t.elapsed().as_secs_f64();
        best = (best.0.min(normalize_s), best.1.min(segment_s));
    }
    println!(
        "{{\"bytes\": {}, \"normalize_s\": {:.6}, \"segment_s\": {:.6}, \"total_s\": {:.6}, \
         \"sentences\": {}, \"peak_rss_kb\": {}}}",
        text.len(),
        best.0,
        best.1,
        best.0 + best.1,
        sentences,
        peak_rss_kb()
    );
}

fn sample_text(min_len: usize) -> String {
    let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/examples/kazakhstan");
    let mut files: Vec<_> = std::fs::read_dir(dir)
        .expect("sample corpus")
        .map(|e| e.expect("entry").path())
        .filter(|p| p.extension().is_some_and(|e| e == "txt" || e == "md"))
        .collect();
    files.sort();
    let one: String = files
        .iter()
        .map(|p| std::fs::read_to_string(p).expect("sample article") + "\n\n")
        .collect();
    one.repeat(min_len / one.len() + 1)
}
