//! `mizan align`: the JSON-lines contract, stable pair ids, no pairs within one article.

use crate::util::{json_lines, manifest_dir, run_in};
use serde_json::Value;
use std::collections::BTreeSet;
use std::fs;

/// Align the sample corpus (or the given paths) from the crate root with the repo glossary.
fn align(paths: &[&str]) -> Vec<Value> {
    let mut args = vec!["align", "--format", "jsonl", "--glossary", "glossary.toml"];
    args.extend_from_slice(paths);
    json_lines(&run_in(&manifest_dir(), &args).success().stdout)
}

#[test]
fn jsonl_lines_have_the_contract_fields_and_real_sentences() {
    let lines = align(&["examples/kazakhstan"]);
    assert!(!lines.is_empty());
    for line in &lines {
        let o = line.as_object().unwrap();
        let keys: BTreeSet<&str> = o.keys().map(String::as_str).collect();
        assert_eq!(
            keys,
            BTreeSet::from([
                "a",
                "b",
                "cluster",
                "id",
                "relation",
                "same_outlet",
                "score"
            ]),
            "{line}"
        );
        let score = line["score"].as_f64().unwrap();
        assert!((0.0..=1.0).contains(&score));
        assert_eq!(line["id"].as_str().unwrap().len(), 16);
        for side in ["a", "b"] {
            let s = &line[side];
            let keys: BTreeSet<&str> = s.as_object().unwrap().keys().map(String::as_str).collect();
            assert_eq!(keys, BTreeSet::from(["doc", "index", "text"]));
            let text = fs::read_to_string(manifest_dir().join(s["doc"].as_str().unwrap())).unwrap();
            assert!(text.contains(s["text"].as_str().unwrap()));
        }
        assert_ne!(
            line["a"]["doc"], line["b"]["doc"],
            "pairs are across articles: {line}"
        );
        // Each sample file is its own outlet: no pair is within one.
        assert_eq!(line["same_outlet"], false, "{line}");
        assert!(["full", "partial"].contains(&line["relation"].as_str().unwrap()));
    }
}

#[test]
fn the_sample_wire_sentences_align_and_nothing_else() {
    // Six facts in the sample corpus are carried as near-copies by three outlets each
    // (examples/README.md): six clusters of three sentences, three pairs each.
    let lines = align(&["examples/kazakhstan"]);
    let clusters: BTreeSet<u64> = lines
        .iter()
        .map(|l| l["cluster"].as_u64().unwrap())
        .collect();
    assert_eq!(clusters.len(), 6, "{lines:#?}");
    assert_eq!(lines.len(), 18);
}

#[test]
fn pair_ids_survive_reruns_and_new_articles() {
    let dir = tempfile::tempdir().unwrap();
    let sample = manifest_dir().join("examples/kazakhstan");
    for name in [
        "01_caspian-wire.txt",
        "02_steppe-daily.md",
        "03_dune-evening.txt",
    ] {
        fs::copy(sample.join(name), dir.path().join(name)).unwrap();
    }
    fs::copy(
        manifest_dir().join("glossary.toml"),
        dir.path().join("glossary.toml"),
    )
    .unwrap();
    let ids = |stdout: &str| -> BTreeSet<String> {
        json_lines(stdout)
            .iter()
            .map(|l| l["id"].as_str().unwrap().to_string())
            .collect()
    };
    let args = ["align", "--format", "jsonl", "."];
    let first = ids(&run_in(dir.path(), &args).success().stdout);
    let again = ids(&run_in(dir.path(), &args).success().stdout);
    assert_eq!(first, again);
    // A new article adds pairs but keeps every id there was.
    for name in ["04_cedar-ledger.md", "05_delta-online.txt"] {
        fs::copy(sample.join(name), dir.path().join(name)).unwrap();
    }
    let more = ids(&run_in(dir.path(), &args).success().stdout);
    assert!(first.is_subset(&more), "{first:?} not in {more:?}");
    assert!(more.len() > first.len());
}

#[test]
fn text_output_lists_clusters_with_their_sentences() {
    let out = run_in(
        &manifest_dir(),
        &[
            "align",
            "--glossary",
            "glossary.toml",
            "examples/kazakhstan",
        ],
    )
    .success();
    assert!(
        out.stdout.starts_with("18 pairs in 6 clusters"),
        "{}",
        out.stdout
    );
    assert!(out.stdout.contains("cluster 0: 3 sentences, 3 articles"));
}

#[test]
fn a_threshold_outside_zero_to_one_is_a_usage_error() {
    let out = run_in(
        &manifest_dir(),
        &["align", "--threshold", "1.5", "examples/kazakhstan"],
    )
    .failure(2);
    out.stderr_has("--threshold 1.5 is outside 0 to 1");
}
