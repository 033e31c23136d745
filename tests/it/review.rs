//! `mizan review`: word diffs in three formats, and decisions that survive re-runs and new
//! articles.

use crate::util::{json_lines, manifest_dir, run_in};
use serde_json::Value;
use std::collections::BTreeSet;
use std::fs;
use std::path::Path;

/// A folder with some of the sample articles and the repo glossary.
fn desk(articles: &[&str]) -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    let sample = manifest_dir().join("examples/kazakhstan");
    for name in articles {
        fs::copy(sample.join(name), dir.path().join(name)).unwrap();
    }
    fs::copy(
        manifest_dir().join("glossary.toml"),
        dir.path().join("glossary.toml"),
    )
    .unwrap();
    dir
}

fn add(dir: &Path, name: &str) {
    let sample = manifest_dir().join("examples/kazakhstan");
    fs::copy(sample.join(name), dir.join(name)).unwrap();
}

/// (id, a, b) of each aligned pair, by `mizan align`.
fn aligned(dir: &Path) -> BTreeSet<String> {
    run_in(dir, &["align", "--format", "jsonl", "."])
        .success()
        .stdout
        .lines()
        .map(|l| {
            let v: Value = serde_json::from_str(l).unwrap();
            v["id"].as_str().unwrap().to_string()
        })
        .collect()
}

fn review_jsonl(dir: &Path) -> Vec<Value> {
    json_lines(
        &run_in(dir, &["review", "--format", "jsonl", "."])
            .success()
            .stdout,
    )
}

#[test]
fn decisions_round_trip_through_reruns_and_new_articles() {
    let dir = desk(&[
        "01_caspian-wire.txt",
        "02_steppe-daily.md",
        "03_dune-evening.txt",
    ]);
    let before = aligned(dir.path());
    assert!(before.len() >= 3, "{before:?}");
    let mut ids = before.iter();
    let (rejected, accepted) = (ids.next().unwrap().clone(), ids.next().unwrap().clone());

    // Reject one aligned pair, accept another with a note; --accept of a pair below the
    // threshold comes from `align --threshold`.
    run_in(dir.path(), &["review", "--reject", &rejected, "."]).success();
    run_in(
        dir.path(),
        &[
            "review",
            "--accept",
            &accepted,
            "--note",
            &accepted,
            "same wire copy",
        ],
    )
    .success();
    let low: Vec<Value> = run_in(
        dir.path(),
        &["align", "--format", "jsonl", "--threshold", "0.2", "."],
    )
    .success()
    .stdout
    .lines()
    .map(|l| serde_json::from_str(l).unwrap())
    .collect();
    let below = low
        .iter()
        .find(|p| p["score"].as_f64().unwrap() < 0.45)
        .map(|p| p["id"].as_str().unwrap().to_string());
    if let Some(id) = &below {
        run_in(dir.path(), &["review", "--accept", id]).success();
    }

    let reviews = fs::read_to_string(dir.path().join("reviews.toml")).unwrap();
    assert!(reviews.contains(&rejected) && reviews.contains("same wire copy"));

    let expected = |set: &BTreeSet<String>| {
        assert!(!set.contains(&rejected), "a rejected pair is never aligned");
        assert!(set.contains(&accepted));
        if let Some(id) = &below {
            assert!(
                set.contains(id),
                "an accepted pair is aligned below the threshold"
            );
        }
    };
    let after = aligned(dir.path());
    expected(&after);
    assert_eq!(after, aligned(dir.path()), "re-runs give the same result");

    // New articles: the decisions still hold, and the earlier pairs keep their ids.
    add(dir.path(), "05_delta-online.txt");
    add(dir.path(), "04_cedar-ledger.md");
    let grown = aligned(dir.path());
    expected(&grown);
    assert!(after.is_subset(&grown));

    // Review shows the decisions.
    let lines = review_jsonl(dir.path());
    let mine = lines.iter().find(|l| l["id"] == accepted.as_str()).unwrap();
    assert_eq!(mine["verdict"], "accept");
    assert_eq!(mine["note"], "same wire copy");
    assert!(lines.iter().all(|l| l["id"] != rejected.as_str()));
}

#[test]
fn a_decision_recorded_with_the_articles_keeps_both_sentences_even_for_a_rejected_pair() {
    let dir = desk(&["01_caspian-wire.txt", "02_steppe-daily.md"]);
    let pairs = json_lines(
        &run_in(dir.path(), &["align", "--format", "jsonl", "."])
            .success()
            .stdout,
    );
    let pair = &pairs[0];
    let id = pair["id"].as_str().unwrap();
    let (a, b) = (
        pair["a"]["text"].as_str().unwrap(),
        pair["b"]["text"].as_str().unwrap(),
    );
    let decision = |dir: &Path| {
        let text = fs::read_to_string(dir.join("reviews.toml")).unwrap();
        let reviews = mizan::review::decisions::parse(&text, Path::new("reviews.toml")).unwrap();
        reviews.get(id).cloned().unwrap()
    };
    run_in(dir.path(), &["review", "--reject", id, "."]).success();
    let d = decision(dir.path());
    assert_eq!((d.a.as_deref(), d.b.as_deref()), (Some(a), Some(b)));
    // Rejected, the pair is no longer aligned; a note on it still finds its two sentences.
    fs::write(
        dir.path().join("reviews.toml"),
        format!("[[decision]]\nid = \"{id}\"\nverdict = \"reject\"\n"),
    )
    .unwrap();
    run_in(dir.path(), &["review", "--note", id, "checked", "."]).success();
    let d = decision(dir.path());
    assert_eq!((d.a.as_deref(), d.b.as_deref()), (Some(a), Some(b)));
    assert_eq!(d.note.as_deref(), Some("checked"));
    assert!(
        !aligned(dir.path()).contains(id),
        "the note keeps the rejection"
    );
}

#[test]
fn review_reads_articles_with_the_same_flags_as_the_other_commands() {
    let dir = desk(&["01_caspian-wire.txt", "02_steppe-daily.md"]);
    fs::write(dir.path().join("03_scan.txt"), b"PK\x03\x04\x00binary").unwrap();
    run_in(dir.path(), &["review", "."])
        .success()
        .stderr_has("03_scan.txt: binary file");
    run_in(dir.path(), &["review", "--strict", "."])
        .failure(1)
        .stderr_has("03_scan.txt: binary file");
    run_in(dir.path(), &["review", "--ext", "csv", "."])
        .failure(1)
        .stderr_has("no articles found (looked for files ending in .csv)");
}

#[test]
fn a_note_alone_and_bad_ids() {
    let dir = desk(&["01_caspian-wire.txt", "02_steppe-daily.md"]);
    let id = aligned(dir.path()).into_iter().next().unwrap();
    run_in(dir.path(), &["review", "--note", &id, "check the figures"]).success();
    let line = review_jsonl(dir.path())
        .into_iter()
        .find(|l| l["id"] == id.as_str())
        .unwrap();
    assert_eq!(line["note"], "check the figures");
    assert!(line["verdict"].is_null());
    run_in(dir.path(), &["review", "--accept", "not-an-id"])
        .failure(2)
        .stderr_has("is not a pair id");
    fs::write(dir.path().join("reviews.toml"), "[[decision]]\nid = 1\n").unwrap();
    run_in(dir.path(), &["review", "."])
        .failure(2)
        .stderr_has("reviews.toml:2:");
}

#[test]
fn review_formats_snapshots() {
    let dir = desk(&[
        "01_caspian-wire.txt",
        "06_minaret-weekly.md",
        "02_steppe-daily.md",
    ]);
    for format in ["text", "markdown", "jsonl"] {
        let out = run_in(dir.path(), &["review", "--format", format, "."]).success();
        assert!(!out.stdout.contains('\u{1b}'), "no colour when piped");
        insta::assert_snapshot!(format!("review_{format}"), out.stdout);
    }
}

#[test]
fn no_color_and_terminal_rules() {
    // Piped output is plain, with [-…-] and {+…+} marking what differs.
    let dir = desk(&["01_caspian-wire.txt", "02_steppe-daily.md"]);
    let out = run_in(dir.path(), &["review", "."]).success();
    assert!(
        out.stdout.contains("[-") && out.stdout.contains("{+"),
        "{}",
        out.stdout
    );
    assert!(
        out.stdout.contains("! spelling: سالتانات | سلطانة"),
        "{}",
        out.stdout
    );
}

#[test]
fn twenty_concurrent_decisions_all_land_and_leave_no_temp_file() {
    let dir = desk(&["01_caspian-wire.txt"]);
    let ids: Vec<String> = (0..20u64).map(|i| format!("{:016x}", 0xabc0 + i)).collect();
    let children: Vec<_> = ids
        .iter()
        .enumerate()
        .map(|(i, id)| {
            let verdict = if i % 2 == 0 { "--accept" } else { "--reject" };
            std::process::Command::new(env!("CARGO_BIN_EXE_mizan"))
                .current_dir(dir.path())
                .args(["review", verdict, id])
                .stdout(std::process::Stdio::piped())
                .stderr(std::process::Stdio::piped())
                .spawn()
                .expect("spawn mizan")
        })
        .collect();
    for child in children {
        let output = child.wait_with_output().expect("wait for mizan");
        let stderr = String::from_utf8_lossy(&output.stderr);
        assert!(output.status.success(), "a decision failed: {stderr}");
    }
    let text = fs::read_to_string(dir.path().join("reviews.toml")).unwrap();
    let reviews = mizan::review::decisions::parse(&text, Path::new("reviews.toml")).unwrap();
    let recorded: BTreeSet<&str> = reviews.decisions.iter().map(|d| d.id.as_str()).collect();
    assert_eq!(recorded.len(), 20, "{text}");
    let leftovers: Vec<String> = fs::read_dir(dir.path())
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|n| n.ends_with(".tmp"))
        .collect();
    assert!(leftovers.is_empty(), "{leftovers:?}");
}
