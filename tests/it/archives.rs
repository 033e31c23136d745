//! JSON-lines archives: one article per line, fields found by common names or named by flags,
//! bad lines reported with their line number and skipped.

use crate::util::{self, run_in};
use std::fs;

const ARCHIVE: &str = concat!(
    r#"{"id": "w-1", "source": "wire", "date": "2022-01-06", "title": "عنوان", "content": "أعلنت الشرطة اعتقال 200 شخص. وقالت إن الوضع هادئ."}"#,
    "\n",
    "{\"content\": \"سطر مقطوع\n",
    r#"{"id": "w-2", "source": "daily", "text": "أعلنت الشرطة اعتقال 200 شخص في ألماتي."}"#,
    "\n",
    r#"{"id": "w-3", "title": "بلا نص"}"#,
    "\n",
);

#[test]
fn an_archive_is_read_one_article_per_line_and_bad_lines_are_named() {
    let dir = tempfile::tempdir().unwrap();
    fs::write(dir.path().join("day.jsonl"), ARCHIVE).unwrap();
    let out = run_in(dir.path(), &["segment", "--format", "jsonl", "day.jsonl"]).success();
    let docs: Vec<String> = out.jsonl().into_iter().map(|s| s.doc).collect();
    assert_eq!(docs, ["day.jsonl#w-1", "day.jsonl#w-1", "day.jsonl#w-2"]);
    out.stderr_has("day.jsonl:2: not JSON");
    out.stderr_has("day.jsonl:4: no text field (looked for content, text, body");
}

#[test]
fn archives_in_a_folder_are_found_and_fields_can_be_named() {
    let dir = tempfile::tempdir().unwrap();
    fs::create_dir(dir.path().join("in")).unwrap();
    fs::write(
        dir.path().join("in/a.jsonl"),
        "{\"matn\": \"نص أول.\", \"key\": 7}\n{\"matn\": \"نص ثان.\", \"key\": 8}\n",
    )
    .unwrap();
    let out = run_in(
        dir.path(),
        &[
            "segment",
            "--format",
            "jsonl",
            "--text-field",
            "matn",
            "--id-field",
            "key",
            "in",
        ],
    )
    .success();
    let docs: Vec<String> = out.jsonl().into_iter().map(|s| s.doc).collect();
    assert_eq!(docs, ["in/a.jsonl#7", "in/a.jsonl#8"]);
}

#[test]
fn a_briefing_cites_archive_articles_by_outlet_and_id() {
    let dir = tempfile::tempdir().unwrap();
    fs::write(dir.path().join("day.jsonl"), ARCHIVE).unwrap();
    fs::copy(
        util::manifest_dir().join("glossary.toml"),
        dir.path().join("glossary.toml"),
    )
    .unwrap();
    let out = run_in(dir.path(), &["brief", "--format", "json", "day.jsonl"]).success();
    let json: serde_json::Value = serde_json::from_str(&out.stdout).unwrap();
    let articles = json["articles"].as_array().unwrap();
    assert_eq!(articles.len(), 2);
    assert_eq!(articles[0]["id"], "day.jsonl#w-1");
    assert_eq!(articles[0]["source"], "wire");
    assert_eq!(articles[0]["date"], "2022-01-06");
    assert_eq!(json["facts"][0]["sources"], 2);
}

#[test]
fn the_briefing_is_the_same_on_one_thread_and_on_all() {
    let sample = util::manifest_dir().join("examples/kazakhstan");
    let args = [
        "brief",
        sample.to_str().unwrap(),
        "--format",
        "json",
        "--quiet",
    ];
    let one = util::mizan_in(&util::manifest_dir())
        .env("RAYON_NUM_THREADS", "1")
        .args(args)
        .output()
        .unwrap();
    let all = util::mizan_in(&util::manifest_dir())
        .env("RAYON_NUM_THREADS", "4")
        .args(args)
        .output()
        .unwrap();
    assert!(one.status.success() && all.status.success());
    assert_eq!(one.stdout, all.stdout);
}

#[test]
fn timings_name_every_stage_and_piped_runs_draw_no_bars() {
    let out = util::run(&["brief", "examples/kazakhstan", "--timings"]).success();
    for stage in [
        "read", "segment", "align", "brief", "render", "write", "total",
    ] {
        assert!(
            out.stderr.lines().any(|l| l.starts_with(stage)),
            "no {stage} line in:\n{}",
            out.stderr
        );
    }
    assert!(out.stderr.contains("MiB"));
    // stderr is a pipe here: no bar, no terminal escape.
    assert!(!out.stderr.contains('\u{1b}') && !out.stderr.contains('\r'));
    let quiet = util::run(&["brief", "examples/kazakhstan", "--quiet"]).success();
    assert!(quiet.stderr.is_empty(), "{}", quiet.stderr);
}

#[test]
fn figures_are_compared_within_a_story_not_across_unrelated_ones() {
    // Two stories a week apart in one archive: a flood (two outlets) and a fire (one); each
    // gives a death toll. Only the flood's two tolls are a disagreement.
    let archive = [
        r#"{"id": "f1", "source": "A", "content": "قالت السلطات في بنغازي إن الفيضانات أسفرت عن مقتل 120 شخصا في درنة."}"#,
        r#"{"id": "f2", "source": "B", "content": "أعلن الهلال الأحمر في بنغازي أن فيضانات درنة أسفرت عن مقتل 150 شخصا على الأقل."}"#,
        r#"{"id": "x1", "source": "C", "content": "أدى حريق في مصنع بمدينة جدة إلى مقتل 7 عمال."}"#,
    ]
    .join("\n");
    let dir = tempfile::tempdir().unwrap();
    fs::write(dir.path().join("week.jsonl"), archive).unwrap();
    fs::copy(
        util::manifest_dir().join("glossary.toml"),
        dir.path().join("glossary.toml"),
    )
    .unwrap();
    let out = run_in(dir.path(), &["brief", "--format", "json", "week.jsonl"]).success();
    let json: serde_json::Value = serde_json::from_str(&out.stdout).unwrap();
    let differ = json["figures_differ"].as_array().unwrap();
    let amounts: Vec<&str> = differ
        .iter()
        .flat_map(|d| d["amounts"].as_array().unwrap())
        .map(|a| a["amount"].as_str().unwrap())
        .collect();
    assert!(
        amounts.contains(&"120") && amounts.contains(&"at least 150"),
        "{differ:#?}"
    );
    assert!(!amounts.contains(&"7"), "{differ:#?}");
}

#[test]
fn strict_stops_at_the_first_bad_line_with_its_number() {
    let dir = tempfile::tempdir().unwrap();
    fs::write(dir.path().join("day.jsonl"), ARCHIVE).unwrap();
    run_in(dir.path(), &["segment", "--strict", "day.jsonl"])
        .failure(1)
        .stderr_has("day.jsonl:2: not JSON");
}
