//! How well the alignment score tracks human similarity judgements: SemEval-2017 STS Track 1
//! (Arabic–Arabic, 250 pairs, gold 0–5, `../shared/data/sts2017-ar-ar/`), compared with
//! three baselines computed here on the same pairs: word Jaccard on the raw text, character
//! trigram Jaccard on the raw text, and word Jaccard on normalized text.
//!
//! For each method: Spearman correlation with gold, and precision, recall and F1 with gold >= 4.0
//! as positives, at the alignment threshold for mizan and at each baseline's own best threshold
//! (their scales differ), plus the best F1 over thresholds 0.00..=1.00.
//!
//! `cargo run --release --example align_sts -- [--shared DIR] [--glossary FILE] [--threshold X]`
//!
//! The sentences are short image captions, not news: no glossary is used unless one is given.

use mizan::align::{DEFAULT_THRESHOLD, Scorer, Sentence};
use mizan::glossary::{self, Matcher};
use mizan::text::normalize_str;
use std::collections::HashSet;
use std::path::PathBuf;

/// Gold scores at or above this are the pairs that should align.
const POSITIVE: f64 = 4.0;

/// Thresholds at which mizan's precision and recall are also shown.
const MIZAN_THRESHOLDS: &[f64] = &[0.3, 0.4, 0.45, 0.5, 0.6];

struct Pair {
    gold: f64,
    a: String,
    b: String,
}

fn usage(message: &str) -> ! {
    eprintln!("align_sts: {message}");
    eprintln!("usage: align_sts [--shared DIR] [--glossary FILE] [--threshold X]");
    std::process::exit(2);
}

fn main() {
    let mut shared = PathBuf::from(concat!(env!("CARGO_MANIFEST_DIR"), "/../shared"));
    let mut glossary_path: Option<PathBuf> = None;
    let mut threshold = DEFAULT_THRESHOLD;
    let mut args = std::env::args().skip(1);
    while let Some(arg) = args.next() {
        let mut value = || {
            args.next()
                .unwrap_or_else(|| usage(&format!("{arg} needs a value")))
        };
        match arg.as_str() {
            "--shared" => shared = value().into(),
            "--glossary" => glossary_path = Some(value().into()),
            "--threshold" => {
                let v = value();
                threshold = match v.parse::<f64>() {
                    Ok(t) if (0.0..=1.0).contains(&t) => t,
                    _ => usage(&format!("--threshold {v}: expected a number from 0 to 1")),
                };
            }
            _ => usage(&format!("unknown argument {arg}")),
        }
    }

    let path = shared.join("data/sts2017-ar-ar/sts2017_track1_ar_ar.tsv");
    let tsv = std::fs::read_to_string(&path).unwrap_or_else(|e| {
        eprintln!(
            "align_sts: {}: {e} (the shared data folder is needed; pass --shared DIR)",
            path.display()
        );
        std::process::exit(2);
    });
    let pairs = parse(&tsv);
    if pairs.is_empty() {
        eprintln!("align_sts: {}: no pairs", path.display());
        std::process::exit(2);
    }

    let matcher = glossary_path.as_ref().map(|p| match glossary::load(p) {
        Ok(g) => Matcher::new(&g),
        Err(e) => {
            eprintln!("align_sts: {e}");
            std::process::exit(2);
        }
    });

    // Every sentence its own document; one scorer, so IDF is over all of them.
    let sentences: Vec<Sentence<'_>> = pairs
        .iter()
        .enumerate()
        .flat_map(|(k, p)| {
            [
                Sentence {
                    doc: 2 * k,
                    outlet: 2 * k,
                    day: None,
                    index: 0,
                    text: p.a.as_str(),
                },
                Sentence {
                    doc: 2 * k + 1,
                    outlet: 2 * k + 1,
                    day: None,
                    index: 0,
                    text: p.b.as_str(),
                },
            ]
        })
        .collect();
    let scorer = Scorer::new(&sentences, matcher.as_ref());

    let gold: Vec<f64> = pairs.iter().map(|p| p.gold).collect();
    let positive: Vec<bool> = gold.iter().map(|&g| g >= POSITIVE).collect();
    let mizan: Vec<f64> = (0..pairs.len())
        .map(|k| scorer.score(2 * k, 2 * k + 1))
        .collect();
    let raw_words: Vec<f64> = pairs
        .iter()
        .map(|p| jaccard(&words(&p.a), &words(&p.b)))
        .collect();
    let trigrams: Vec<f64> = pairs
        .iter()
        .map(|p| jaccard(&char_trigrams(&p.a), &char_trigrams(&p.b)))
        .collect();
    let norm_words: Vec<f64> = pairs
        .iter()
        .map(|p| jaccard(&words(&normalize_str(&p.a)), &words(&normalize_str(&p.b))))
        .collect();

    let n_pos = positive.iter().filter(|&&p| p).count();
    println!(
        "STS 2017 ar-ar: {} pairs, {} positive (gold >= {POSITIVE:.1}); glossary: {}",
        pairs.len(),
        n_pos,
        glossary_path
            .as_ref()
            .map_or("none".to_string(), |p| p.display().to_string())
    );
    println!();
    println!(
        "{:<22} {:>8} {:>6} {:>6} {:>6} {:>6}   {:>14}",
        "method", "spearman", "thr", "P", "R", "F1", "best F1 (thr)"
    );
    let methods: [(&str, &[f64], bool); 4] = [
        ("mizan (weighted Dice)", &mizan, true),
        ("word Jaccard, raw", &raw_words, false),
        ("char-3gram Jaccard", &trigrams, false),
        ("word Jaccard, norm.", &norm_words, false),
    ];
    for (name, scores, is_mizan) in methods {
        let rho = spearman(scores, &gold);
        let (best_t, best) = best_f1(scores, &positive);
        let (t, at) = if is_mizan {
            (threshold, prf(scores, &positive, threshold))
        } else {
            (best_t, best)
        };
        let mark = if is_mizan { ' ' } else { '*' };
        println!(
            "{:<22} {:>8.3} {:>5.2}{mark} {:>6.3} {:>6.3} {:>6.3}   {:>6.3} ({:.2})",
            name, rho, t, at.p, at.r, at.f1, best.f1, best_t
        );
    }
    println!("thr: mizan at --threshold; * = the baseline's own best-F1 threshold (scales differ)");
    println!();
    println!("mizan at other thresholds:");
    println!(
        "{:>6} {:>5} {:>6} {:>6} {:>6}",
        "thr", "pred", "P", "R", "F1"
    );
    let mut shown: Vec<f64> = MIZAN_THRESHOLDS.to_vec();
    if !shown.iter().any(|&t| (t - threshold).abs() < 1e-9) {
        shown.push(threshold);
        shown.sort_by(f64::total_cmp);
    }
    for t in shown {
        let m = prf(&mizan, &positive, t);
        println!(
            "{:>6.2} {:>5} {:>6.3} {:>6.3} {:>6.3}",
            t, m.predicted, m.p, m.r, m.f1
        );
    }
}

/// The TSV's rows: pair_id, gold_score, sentence1, sentence2, after a header.
fn parse(tsv: &str) -> Vec<Pair> {
    tsv.lines()
        .skip(1)
        .filter(|l| !l.trim().is_empty())
        .enumerate()
        .map(|(i, line)| {
            let cols: Vec<&str> = line.split('\t').collect();
            let gold = cols.get(1).and_then(|g| g.trim().parse::<f64>().ok());
            match (gold, cols.get(2), cols.get(3)) {
                (Some(gold), Some(a), Some(b)) => Pair {
                    gold,
                    a: a.to_string(),
                    b: b.to_string(),
                },
                _ => {
                    eprintln!(
                        "align_sts: line {}: expected 4 tab-separated columns",
                        i + 2
                    );
                    std::process::exit(2);
                }
            }
        })
        .collect()
}

/// Whitespace tokens, lowercased, with punctuation (anything not a letter, mark or digit)
/// removed; tokens left empty are dropped.
fn words(text: &str) -> HashSet<String> {
    text.split_whitespace()
        .map(|w| {
            w.chars()
                .filter(|c| c.is_alphanumeric())
                .flat_map(char::to_lowercase)
                .collect::<String>()
        })
        .filter(|w| !w.is_empty())
        .collect()
}

/// The string's character trigrams, spaces included.
fn char_trigrams(text: &str) -> HashSet<String> {
    let chars: Vec<char> = text.chars().collect();
    chars.windows(3).map(|w| w.iter().collect()).collect()
}

fn jaccard(a: &HashSet<String>, b: &HashSet<String>) -> f64 {
    let union = a.union(b).count();
    if union == 0 {
        0.0
    } else {
        a.intersection(b).count() as f64 / union as f64
    }
}

/// 1-based ranks, ties given the average of the ranks they span.
fn ranks(values: &[f64]) -> Vec<f64> {
    let mut order: Vec<usize> = (0..values.len()).collect();
    order.sort_by(|&i, &j| values[i].total_cmp(&values[j]).then(i.cmp(&j)));
    let mut ranks = vec![0.0; values.len()];
    let mut start = 0;
    while start < order.len() {
        let mut end = start + 1;
        while end < order.len() && values[order[end]] == values[order[start]] {
            end += 1;
        }
        // Positions start..end hold ranks start+1 ..= end.
        let average = (start + 1 + end) as f64 / 2.0;
        for &i in &order[start..end] {
            ranks[i] = average;
        }
        start = end;
    }
    ranks
}

/// Spearman's rho: Pearson correlation of the average ranks.
fn spearman(x: &[f64], y: &[f64]) -> f64 {
    let (rx, ry) = (ranks(x), ranks(y));
    let n = rx.len() as f64;
    let (mx, my) = (rx.iter().sum::<f64>() / n, ry.iter().sum::<f64>() / n);
    let (mut sxy, mut sxx, mut syy) = (0.0, 0.0, 0.0);
    for (a, b) in rx.iter().zip(&ry) {
        sxy += (a - mx) * (b - my);
        sxx += (a - mx) * (a - mx);
        syy += (b - my) * (b - my);
    }
    if sxx == 0.0 || syy == 0.0 {
        0.0
    } else {
        sxy / (sxx * syy).sqrt()
    }
}

#[derive(Clone, Copy)]
struct Prf {
    predicted: usize,
    p: f64,
    r: f64,
    f1: f64,
}

/// Precision, recall and F1 of `score >= threshold` against `positive`. Precision is 0 when
/// nothing is predicted.
fn prf(scores: &[f64], positive: &[bool], threshold: f64) -> Prf {
    let (mut tp, mut predicted) = (0usize, 0usize);
    for (&s, &pos) in scores.iter().zip(positive) {
        if s >= threshold {
            predicted += 1;
            tp += usize::from(pos);
        }
    }
    let actual = positive.iter().filter(|&&p| p).count();
    let p = if predicted == 0 {
        0.0
    } else {
        tp as f64 / predicted as f64
    };
    let r = if actual == 0 {
        0.0
    } else {
        tp as f64 / actual as f64
    };
    let f1 = if p + r == 0.0 {
        0.0
    } else {
        2.0 * p * r / (p + r)
    };
    Prf {
        predicted,
        p,
        r,
        f1,
    }
}

/// The best F1 over thresholds 0.00, 0.01, ..., 1.00, and the lowest threshold that reaches it.
fn best_f1(scores: &[f64], positive: &[bool]) -> (f64, Prf) {
    let mut best: Option<(f64, Prf)> = None;
    for step in 0..=100u32 {
        let t = f64::from(step) / 100.0;
        let m = prf(scores, positive, t);
        if best.is_none_or(|(_, b)| m.f1 > b.f1) {
            best = Some((t, m));
        }
    }
    best.expect("at least one threshold")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ties_get_average_ranks() {
        assert_eq!(ranks(&[3.0, 1.0, 3.0, 2.0]), [3.5, 1.0, 3.5, 2.0]);
    }

    #[test]
    fn spearman_of_monotone_data_is_one() {
        let x = [0.1, 0.5, 0.2, 0.9];
        let y = [1.0, 3.0, 2.0, 5.0];
        assert!((spearman(&x, &y) - 1.0).abs() < 1e-12);
    }
}
