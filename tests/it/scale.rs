//! Scale: a long sentence costs time in proportion to its length (not its square), and a
//! sentence copied into many articles is one fact however many copies there are.

use crate::util::{json_lines, run_in, temp};
use serde_json::Value;
use std::collections::HashSet;
use std::fs;
use std::path::Path;
use std::time::{Duration, Instant};

const GLOSSARY: &str = "[[term]]\nar = \"كازاخستان\"\nen = \"Kazakhstan\"\nkind = \"place\"\n\n\
                        [[term]]\nar = \"ألماتي\"\nen = \"Almaty\"\nkind = \"place\"\n";

/// One sentence of `clauses` clauses, each with its own figure and two glossary terms, joined
/// by و and no full stop; `changed` adds one to every hundredth figure.
fn long_sentence(clauses: usize, changed: bool) -> String {
    let parts: Vec<String> = (0..clauses)
        .map(|k| {
            let figure = k + 1 + usize::from(changed && k % 100 == 99);
            format!("قتل {figure} من عناصر شرطة كازاخستان في ألماتي")
        })
        .collect();
    parts.join(" و") + ".\n"
}

fn long_pair(dir: &Path, clauses: usize) {
    fs::write(dir.join("glossary.toml"), GLOSSARY).unwrap();
    fs::write(dir.join("a.txt"), long_sentence(clauses, false)).unwrap();
    fs::write(dir.join("b.txt"), long_sentence(clauses, true)).unwrap();
}

#[test]
fn a_long_sentence_pair_briefs_in_time_linear_in_its_length() {
    // 0.6 MB a sentence, 8,000 figures and 16,000 glossary hits each: the word diff looked up
    // every hit for every word, and every figure's excerpt rescanned the sentence before it
    // (47 s in a release build before the fix, 1.4 s after). The bound is generous for a
    // debug build on a busy machine, and still under what the release build took before.
    let dir = temp();
    long_pair(dir.path(), 8_000);
    let start = Instant::now();
    let out = run_in(dir.path(), &["brief", "a.txt", "b.txt", "--format", "json"]).success();
    let took = start.elapsed();
    assert!(
        took < Duration::from_secs(40),
        "briefing a 0.6 MB sentence pair took {took:?}"
    );
    let brief: Value = serde_json::from_str(&out.stdout).unwrap();
    let facts = brief["facts"].as_array().unwrap();
    assert_eq!(facts.len(), 1, "one fact, the two sentences");
    // The 80 changed figures are one figure difference between the two sentences.
    let differences = facts[0]["differences"].as_array().unwrap();
    let figures: Vec<&Value> = differences
        .iter()
        .filter(|d| d["kind"] == "figure")
        .collect();
    assert_eq!(figures.len(), 1, "{differences:?}");
}

#[test]
fn a_long_sentence_pair_is_diffed_word_for_word() {
    // Correctness on long input (review's own cost is measured in scripts/bench_scale.py):
    // the diff covers every word of both sentences, in order, and calls out the figures that
    // differ, the last of them near the end of the sentence.
    let dir = temp();
    long_pair(dir.path(), 2_000);
    let out = run_in(
        dir.path(),
        &["review", "a.txt", "b.txt", "--format", "jsonl"],
    )
    .success();
    let pairs = json_lines(&out.stdout);
    assert_eq!(pairs.len(), 1);
    let (mut a, mut b) = (Vec::new(), Vec::new());
    for op in pairs[0]["diff"].as_array().unwrap() {
        for (side, words) in [("a", &mut a), ("b", &mut b)] {
            if let Some(text) = op[side].as_str() {
                words.extend(text.split_whitespace().map(str::to_string));
            }
        }
    }
    let words = |changed| -> Vec<String> {
        long_sentence(2_000, changed)
            .split_whitespace()
            .map(str::to_string)
            .collect()
    };
    assert_eq!(a, words(false));
    assert_eq!(b, words(true));
    let figure = pairs[0]["callouts"]
        .as_array()
        .unwrap()
        .iter()
        .find(|c| c["kind"] == "figure")
        .expect("a figure callout");
    let only_a: Vec<&str> = figure["a"].as_str().unwrap().split(", ").collect();
    // Figure k + 1 (k = 99, 199, ...) became k + 2 in B, which B also has as its next clause's
    // figure: A alone has the hundreds, B alone the last one plus one.
    let hundreds: Vec<String> = (1..=20).map(|h| (h * 100).to_string()).collect();
    assert_eq!(only_a, hundreds);
    assert_eq!(figure["b"], "2001");
}

#[test]
fn segment_and_gloss_text_output_on_one_long_line_take_linear_time() {
    // 5.6 MB on one line, 80,000 sentences: the column of each row was counted from the start
    // of the line (for 4 MB: segment 27 s in a debug build before, 3 s after).
    let dir = temp();
    fs::write(dir.path().join("glossary.toml"), GLOSSARY).unwrap();
    let line: Vec<String> = (0..80_000)
        .map(|k| format!("قتل {k} من عناصر شرطة كازاخستان في ألماتي أمس."))
        .collect();
    let text = line.join(" ") + "\n";
    fs::write(dir.path().join("line.txt"), &text).unwrap();
    for command in ["segment", "gloss"] {
        let start = Instant::now();
        let out = run_in(dir.path(), &[command, "line.txt"]).success();
        let took = start.elapsed();
        assert!(
            took < Duration::from_secs(20),
            "{command} of a 5.6 MB line took {took:?}"
        );
        // The last row is the last sentence, or the last term, on line 1 at the column that
        // counts the characters before it.
        let last = out.stdout.lines().last().unwrap();
        let needle = if command == "gloss" {
            "ألماتي"
        } else {
            line.last().unwrap().as_str()
        };
        let column = text[..text.rfind(needle).unwrap()].chars().count() + 1;
        assert!(
            last.contains(&format!(" 1:{column}\t")),
            "{command}: {last} (expected column {column})"
        );
    }
}

/// An archive of `articles` articles from `outlets` outlets, each with the same wire sentence
/// and `filler` sentences of its own.
fn copies_archive(dir: &Path, articles: usize, outlets: usize, filler: usize) {
    near_copies_archive(dir, articles, outlets, filler, false);
}

/// As [`copies_archive`]; with `edited`, each article's copy of the wire sentence ends with a
/// word of its own, so no two copies are the same (a near-copy, as outlets edit wire copy).
fn near_copies_archive(dir: &Path, articles: usize, outlets: usize, filler: usize, edited: bool) {
    fs::write(dir.join("glossary.toml"), GLOSSARY).unwrap();
    let wire = "وأعلنت وزارة الداخلية في بيان اليوم أن قوات الأمن اعتقلت 17 شخصا في مدينة ألماتي \
                بعد مواجهات عنيفة.";
    let mut lines = String::new();
    for i in 0..articles {
        let mut content = String::new();
        for f in 0..filler {
            content.push_str(&own_sentence(i * filler + f));
            content.push(' ');
        }
        content.push_str(wire);
        if edited {
            let own = own_sentence(1_000_000 + i);
            content.truncate(content.len() - '.'.len_utf8());
            content.push(' ');
            content.push_str(own.split(' ').next().unwrap());
            content.push('.');
        }
        let line = serde_json::json!({
            "id": format!("a{i}"),
            "source": format!("outlet-{}", i % outlets),
            // One day's wire story: an outlet that runs it in several articles that day is
            // not repeating boilerplate (a line repeated on several days would be).
            "date": "2015-08-06",
            "content": content,
        });
        lines.push_str(&line.to_string());
        lines.push('\n');
    }
    fs::write(dir.join("copies.jsonl"), lines).unwrap();
}

/// A sentence no other sentence shares a word with: six words spelled from the digits of `n`.
fn own_sentence(n: usize) -> String {
    const LETTERS: [char; 20] = [
        'ب', 'ت', 'ث', 'ج', 'ح', 'خ', 'د', 'ذ', 'ر', 'ز', 'س', 'ش', 'ص', 'ض', 'ط', 'ظ', 'ع', 'غ',
        'ف', 'ق',
    ];
    let word = |k: usize| -> String {
        let mut v = n * 6 + k;
        let mut w = String::from("م");
        for _ in 0..5 {
            w.push(LETTERS[v % 20]);
            v /= 20;
        }
        w
    };
    let words: Vec<String> = (0..6).map(word).collect();
    format!("{}.", words.join(" "))
}

#[track_caller]
fn check_copies(articles: usize, outlets: usize, filler: usize) {
    let dir = temp();
    copies_archive(dir.path(), articles, outlets, filler);
    // align: the copies are one cluster of every article, joined by n - 1 pairs (a star from
    // the first copy), not n² pairs.
    let out = run_in(dir.path(), &["align", "copies.jsonl", "--format", "jsonl"]).success();
    let pairs = json_lines(&out.stdout);
    assert_eq!(pairs.len(), articles - 1, "{articles} copies");
    let clusters: HashSet<u64> = pairs
        .iter()
        .map(|p| p["cluster"].as_u64().unwrap())
        .collect();
    assert_eq!(clusters.len(), 1);
    let docs: HashSet<&str> = pairs
        .iter()
        .flat_map(|p| {
            [
                p["a"]["doc"].as_str().unwrap(),
                p["b"]["doc"].as_str().unwrap(),
            ]
        })
        .collect();
    assert_eq!(docs.len(), articles);
    assert!(pairs.iter().all(|p| p["score"].as_f64() == Some(1.0)));
    // brief: the most-reported fact, counted over every outlet and article.
    let out = run_in(dir.path(), &["brief", "copies.jsonl", "--format", "json"]).success();
    let brief: Value = serde_json::from_str(&out.stdout).unwrap();
    let facts = brief["facts"].as_array().unwrap();
    assert_eq!(facts.len(), 1);
    assert_eq!(facts[0]["sources"].as_u64(), Some(outlets as u64));
    assert_eq!(facts[0]["articles"].as_u64(), Some(articles as u64));
    // review: the same pairs.
    let out = run_in(dir.path(), &["review", "copies.jsonl", "--format", "jsonl"]).success();
    assert_eq!(json_lines(&out.stdout).len(), articles - 1);
}

#[test]
fn a_sentence_copied_into_129_articles_of_129_outlets_is_one_fact() {
    check_copies(129, 129, 1);
}

#[test]
fn a_sentence_copied_into_200_articles_of_50_outlets_is_one_fact() {
    check_copies(200, 50, 2);
}

#[test]
fn a_sentence_copied_into_1000_articles_is_one_fact_in_a_large_corpus() {
    // 6,000 sentences: over the size where every pair sharing a unit is scored, so the copies
    // meet through the candidate index like an archive's.
    check_copies(1_000, 100, 5);
}

#[test]
fn a_sentence_edited_in_each_of_300_articles_is_still_one_fact() {
    // No two copies alike, so none is collapsed as an exact copy; each copy's rare words are
    // in 300 sentences, past the posting-list cap, and its own word is in none.
    let dir = temp();
    near_copies_archive(dir.path(), 300, 60, 1, true);
    let out = run_in(dir.path(), &["brief", "copies.jsonl", "--format", "json"]).success();
    let brief: Value = serde_json::from_str(&out.stdout).unwrap();
    let facts = brief["facts"].as_array().unwrap();
    assert_eq!(facts.len(), 1, "one fact");
    assert_eq!(facts[0]["sources"].as_u64(), Some(60));
    assert_eq!(facts[0]["articles"].as_u64(), Some(300));
    let out = run_in(dir.path(), &["align", "copies.jsonl", "--format", "jsonl"]).success();
    let pairs = json_lines(&out.stdout);
    assert!(
        pairs.len() >= 299 && pairs.len() <= 300 * 8,
        "{} pairs",
        pairs.len()
    );
}
