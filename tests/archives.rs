//! JSON-lines archives: one article per line, fields found by common names or named by flags,
//! bad lines reported with their line number and skipped.

#[allow(dead_code)]
mod util;

use std::fs;
use util::run_in;

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
