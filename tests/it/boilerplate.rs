//! Boilerplate: the lines an outlet prints around its news are marked by `mizan segment`, never
//! aligned (unless `mizan align --boilerplate`, with each side's kind), never facts, and
//! counted in the briefing's notes. The fixture is a JSON-lines archive written for these
//! tests: one outlet's columns that all end with the same contact line, on several days, and a
//! wire sentence three outlets carry.

use crate::util::{json_lines, run_in, temp};
use serde_json::Value;
use std::fs;
use std::path::Path;

const CONTACT: &str = "أرسل رأيك في هذا المقال إلى بريد الصفحة";
const WIRE: &str = "وأعلنت وزارة الداخلية مقتل 13 من رجال الأمن في تفجير انتحاري استهدف مسجد قوات الطوارئ في منطقة عسير.";

fn archive(dir: &Path) {
    let mut lines = String::new();
    let mut push = |id: &str, source: &str, date: &str, content: String| {
        let line =
            serde_json::json!({"id": id, "source": source, "date": date, "content": content});
        lines.push_str(&line.to_string());
        lines.push('\n');
    };
    let topics = [
        "زحام المرور في الصيف",
        "غلاء الإيجارات",
        "مواعيد المدارس",
        "أسعار الخضار",
        "حدائق الأحياء",
    ];
    for (k, topic) in topics.iter().enumerate() {
        push(
            &format!("col-{k}"),
            "almadina",
            &format!("2015-08-0{}", 2 + k),
            format!("يكتب الكاتب اليوم عن {topic} وما يعنيه لسكان المدينة.\n{CONTACT}\n"),
        );
    }
    for (k, source) in ["okaz", "sabq", "alriyadh"].iter().enumerate() {
        push(
            &format!("wire-{k}"),
            source,
            "2015-08-06",
            format!("الرياض – واس\n{WIRE}\n"),
        );
    }
    fs::write(dir.join("week.jsonl"), lines).unwrap();
    fs::write(
        dir.join("glossary.toml"),
        "[[term]]\nar = \"عسير\"\nen = \"Asir\"\nkind = \"place\"\n",
    )
    .unwrap();
}

fn segments(dir: &Path) -> Vec<Value> {
    json_lines(
        &run_in(dir, &["segment", "week.jsonl", "--format", "jsonl"])
            .success()
            .stdout,
    )
}

#[test]
fn segment_marks_the_repeated_contact_line_and_the_dateline_not_the_wire() {
    let dir = temp();
    archive(dir.path());
    let kinds = |needle: &str| -> Vec<String> {
        segments(dir.path())
            .iter()
            .filter(|s| s["text"].as_str().unwrap().contains(needle))
            .map(|s| s["kind"].as_str().unwrap().to_string())
            .collect()
    };
    assert_eq!(kinds("أرسل رأيك"), vec!["boilerplate"; 5]);
    assert_eq!(kinds("واس"), vec!["boilerplate"; 3]);
    assert_eq!(kinds("وزارة الداخلية"), vec!["body"; 3]);
    assert_eq!(kinds("يكتب الكاتب"), vec!["body"; 5]);
}

#[test]
fn align_leaves_boilerplate_out_unless_asked_and_then_says_which_side_is() {
    let dir = temp();
    archive(dir.path());
    let align = |extra: &[&str]| {
        let mut args = vec!["align", "week.jsonl", "--format", "jsonl"];
        args.extend_from_slice(extra);
        json_lines(&run_in(dir.path(), &args).success().stdout)
    };
    let plain = align(&[]);
    assert_eq!(
        plain.len(),
        3,
        "the wire sentence, three outlets: {plain:#?}"
    );
    assert!(plain.iter().all(|p| p.get("kind_a").is_none()));
    assert!(
        plain
            .iter()
            .all(|p| p["a"]["text"].as_str().unwrap().contains("وزارة الداخلية"))
    );
    let all = align(&["--boilerplate"]);
    let boilerplate: Vec<&Value> = all
        .iter()
        .filter(|p| p["kind_a"] == "boilerplate")
        .collect();
    assert!(!boilerplate.is_empty(), "{all:#?}");
    assert!(boilerplate.iter().all(|p| p["kind_b"] == "boilerplate"));
    assert!(
        all.iter()
            .any(|p| p["kind_a"] == "body" && p["kind_b"] == "body")
    );
}

#[test]
fn the_briefing_has_no_boilerplate_fact_and_counts_what_it_left_out() {
    let dir = temp();
    archive(dir.path());
    let out = run_in(
        dir.path(),
        &[
            "brief",
            "week.jsonl",
            "--format",
            "json",
            "--reviews",
            "none.toml",
            "--translations",
            "none.toml",
        ],
    )
    .success()
    .stdout;
    let brief: Value = serde_json::from_str(&out).unwrap();
    let text = brief.to_string();
    let facts = brief["facts"].as_array().unwrap();
    assert_eq!(facts.len(), 1, "{text}");
    assert!(
        !text.contains("أرسل رأيك في هذا المقال إلى بريد الصفحة\""),
        "{text}"
    );
    let notes: Vec<&str> = brief["notes"]
        .as_array()
        .unwrap()
        .iter()
        .map(|n| n.as_str().unwrap())
        .collect();
    assert!(
        notes
            .iter()
            .any(|n| n.starts_with("8 sentences left out as boilerplate")),
        "{notes:?}"
    );
}
