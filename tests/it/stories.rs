//! `mizan stories`: articles grouped by the event they cover, ranked by outlets; ids that stay.

use crate::util::{json_lines, run_in, temp};
use serde_json::{Value, json};
use std::fs;
use std::path::Path;

/// A week of four outlets: a bombing reported on day 6 and followed up on day 7 by three
/// outlets, a festival covered by two, and a day's unrelated items.
fn week(dir: &Path, extra: bool) {
    let bombing = [
        (
            "okaz",
            "2015-08-06",
            "انتحاري يفجر نفسه في مسجد قوات الطوارئ بعسير",
            "فجر انتحاري نفسه في مسجد قوات الطوارئ الخاصة بمنطقة عسير أثناء صلاة الظهر. وأسفر التفجير عن استشهاد عشرة من منسوبي القوات.",
        ),
        (
            "sabq",
            "2015-08-06",
            "تفجير مسجد قوات الطوارئ في عسير",
            "استهدف تفجير انتحاري مسجد قوات الطوارئ الخاصة في عسير. وأعلنت وزارة الداخلية استشهاد عشرة من منسوبي القوات.",
        ),
        (
            "alyaum",
            "2015-08-07",
            "أمير عسير يزور مصابي تفجير مسجد الطوارئ",
            "زار أمير منطقة عسير مصابي تفجير مسجد قوات الطوارئ في المستشفى. واطمأن على صحة المصابين في التفجير الانتحاري.",
        ),
    ];
    let festival = [
        (
            "okaz",
            "2015-08-06",
            "انطلاق مهرجان سوق عكاظ في الطائف",
            "تنطلق فعاليات مهرجان سوق عكاظ في محافظة الطائف بمشاركة الشعراء والحرفيين.",
        ),
        (
            "alriyadh",
            "2015-08-07",
            "الشعراء والحرفيون في مهرجان سوق عكاظ",
            "يشارك الشعراء والحرفيون في فعاليات مهرجان سوق عكاظ بالطائف هذا العام.",
        ),
    ];
    let others = [
        (
            "alriyadh",
            "2015-08-06",
            "ارتفاع أسعار الذهب",
            "ارتفعت أسعار الذهب في التعاملات الآسيوية صباح اليوم.",
        ),
        (
            "sabq",
            "2015-08-07",
            "افتتاح مكتبة جديدة في جدة",
            "افتتحت أمانة جدة مكتبة عامة جديدة في حي الروضة.",
        ),
    ];
    let mut lines = String::new();
    let mut n = 0;
    let all: Vec<_> = bombing.iter().chain(&festival).chain(&others).collect();
    for (outlet, date, title, content) in all {
        n += 1;
        let line = json!({"id": format!("w{n}"), "source": outlet, "date": date, "title": title, "content": content});
        lines.push_str(&line.to_string());
        lines.push('\n');
    }
    if extra {
        let line = json!({"id": "w99", "source": "alwatan", "date": "2015-08-07", "title": "مباراة ودية",
                          "content": "فاز الفريق في مباراة ودية على ملعبه."});
        lines.push_str(&line.to_string());
        lines.push('\n');
    }
    fs::write(dir.join("week.jsonl"), lines).unwrap();
    fs::write(
        dir.join("glossary.toml"),
        "[[term]]\nar = \"عسير\"\nen = \"Asir\"\nkind = \"place\"\n",
    )
    .unwrap();
}

fn stories(dir: &Path) -> Vec<Value> {
    let out = run_in(dir, &["stories", "week.jsonl", "--format", "jsonl"]).success();
    json_lines(&out.stdout)
}

fn ids(story: &Value) -> Vec<String> {
    story["docs"]
        .as_array()
        .unwrap()
        .iter()
        .map(|d| d.as_str().unwrap().rsplit('#').next().unwrap().to_string())
        .collect()
}

#[test]
fn articles_on_one_event_are_one_story_ranked_by_outlets() {
    let dir = temp();
    week(dir.path(), false);
    let stories = stories(dir.path());
    assert_eq!(ids(&stories[0]), ["w1", "w2", "w3"], "{stories:#?}");
    assert_eq!(stories[0]["outlets"].as_array().unwrap().len(), 3);
    assert_eq!(stories[0]["rank"], 1);
    assert_eq!(
        (
            stories[0]["first_date"].as_str(),
            stories[0]["last_date"].as_str()
        ),
        (Some("2015-08-06"), Some("2015-08-07"))
    );
    assert_eq!(ids(&stories[1]), ["w4", "w5"]);
    // The unrelated items are stories of their own.
    assert_eq!(stories.len(), 4);
    let terms: Vec<&str> = stories[0]["terms"]
        .as_array()
        .unwrap()
        .iter()
        .map(|t| t.as_str().unwrap())
        .collect();
    assert!(terms.contains(&"عسير (Asir)"), "{terms:?}");
}

#[test]
fn a_story_keeps_its_id_when_other_articles_join_the_input() {
    let dir = temp();
    week(dir.path(), false);
    let before = stories(dir.path());
    week(dir.path(), true);
    let after = stories(dir.path());
    for story in &before {
        let same = after
            .iter()
            .find(|s| ids(s) == ids(story))
            .expect("the same story");
        assert_eq!(story["id"], same["id"]);
    }
    assert_ne!(before[0]["id"], before[1]["id"]);
}

#[test]
fn text_output_names_each_story_with_its_outlets_and_dates() {
    let dir = temp();
    week(dir.path(), false);
    let out = run_in(dir.path(), &["stories", "week.jsonl", "--top", "2"]).success();
    assert!(
        out.stdout
            .starts_with("4 stories of 7 articles (4 outlets); the first 2"),
        "{}",
        out.stdout
    );
    assert!(
        out.stdout
            .contains("3 outlets, 3 articles, 2015-08-06 to 2015-08-07"),
        "{}",
        out.stdout
    );
    assert_eq!(out.stdout.matches("[story ").count(), 2);
}
