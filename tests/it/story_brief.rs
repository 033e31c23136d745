//! `mizan brief` of an input holding several stories: the story-first layout, `--story ID`,
//! `--match WORD` and their errors. The fixture is a small week of three stories, written for
//! these tests: a bombing and a festival each reported by three outlets, gold prices by one.

use crate::util::{json_lines, run_in, temp};
use serde_json::Value;
use std::fs;
use std::path::Path;

/// (file, outlet, date, title, body)
const ARTICLES: &[(&str, &str, &str, &str, &str)] = &[
    (
        "okaz_bombing-day1.txt",
        "okaz",
        "2015-08-06",
        "تفجير انتحاري في مسجد قوات الطوارئ بعسير",
        "فجر انتحاري نفسه داخل مسجد قوات الطوارئ الخاصة في منطقة عسير أثناء صلاة الظهر. وأعلنت وزارة الداخلية مقتل 10 من منسوبي القوات في التفجير الإرهابي.",
    ),
    (
        "sabq_bombing-day1.txt",
        "sabq",
        "2015-08-06",
        "تفجير انتحاري في مسجد قوات الطوارئ بعسير",
        "استهدف انتحاري مسجد قوات الطوارئ الخاصة في عسير خلال صلاة الظهر. وأعلنت وزارة الداخلية مقتل 12 من منسوبي القوات في التفجير الإرهابي.",
    ),
    (
        "alyaum_bombing-day2.txt",
        "alyaum",
        "2015-08-07",
        "أمير عسير يزور مصابي تفجير مسجد الطوارئ",
        "زار أمير منطقة عسير مصابي تفجير مسجد قوات الطوارئ في المستشفى. وأعلنت وزارة الداخلية مقتل 10 من منسوبي القوات في التفجير الإرهابي.",
    ),
    (
        "okaz_festival.txt",
        "okaz",
        "2015-08-06",
        "انطلاق مهرجان سوق عكاظ في الطائف",
        "تنطلق فعاليات مهرجان سوق عكاظ في محافظة الطائف بمشاركة الشعراء والحرفيين من المملكة. ويستمر المهرجان عشرة أيام في موقع السوق التاريخي شمال الطائف.",
    ),
    (
        "alriyadh_festival.txt",
        "alriyadh",
        "2015-08-07",
        "الشعراء والحرفيون في مهرجان سوق عكاظ",
        "يشارك الشعراء والحرفيون في فعاليات مهرجان سوق عكاظ بالطائف هذا العام. ويستمر المهرجان عشرة أيام في موقع السوق التاريخي شمال الطائف.",
    ),
    (
        "alwatan_festival.txt",
        "alwatan",
        "2015-08-07",
        "مهرجان سوق عكاظ يستقبل زواره في الطائف",
        "استقبل مهرجان سوق عكاظ زواره من الشعراء والحرفيين في الطائف. ويستمر المهرجان عشرة أيام في موقع السوق التاريخي شمال الطائف.",
    ),
    (
        "alriyadh_gold.txt",
        "alriyadh",
        "2015-08-06",
        "ارتفاع أسعار الذهب",
        "ارتفعت أسعار الذهب في التعاملات الآسيوية صباح اليوم مع تراجع الدولار.",
    ),
];

const GLOSSARY: &str = "[[term]]\nar = \"عسير\"\nen = \"Asir\"\nkind = \"place\"\n\n\
[[term]]\nar = \"الطائف\"\nen = \"Taif\"\nkind = \"place\"\n\n\
[[term]]\nar = \"وزارة الداخلية\"\nen = \"Ministry of Interior\"\nkind = \"org\"\n";

/// The week in `dir/week/`, with a glossary beside it.
fn week(dir: &Path) {
    let folder = dir.join("week");
    fs::create_dir_all(&folder).unwrap();
    for (file, outlet, date, title, body) in ARTICLES {
        let text = format!("---\noutlet: {outlet}\ndate: {date}\ntitle: {title}\n---\n{body}\n");
        fs::write(folder.join(file), text).unwrap();
    }
    fs::write(dir.join("glossary.toml"), GLOSSARY).unwrap();
}

fn brief(dir: &Path, extra: &[&str]) -> crate::util::Run {
    let mut args = vec![
        "brief",
        "week",
        "--glossary",
        "glossary.toml",
        "--reviews",
        "none.toml",
        "--translations",
        "none.toml",
    ];
    args.extend_from_slice(extra);
    run_in(dir, &args)
}

fn json(dir: &Path, extra: &[&str]) -> Value {
    let mut args = vec!["--format", "json"];
    args.extend_from_slice(extra);
    serde_json::from_str(&brief(dir, &args).success().stdout).unwrap()
}

fn story_ids(dir: &Path) -> Vec<Value> {
    let out = run_in(
        dir,
        &[
            "stories",
            "week",
            "--format",
            "jsonl",
            "--glossary",
            "glossary.toml",
        ],
    )
    .success();
    json_lines(&out.stdout)
}

fn files(briefing: &Value) -> Vec<String> {
    briefing["articles"]
        .as_array()
        .unwrap()
        .iter()
        .map(|a| a["file"].as_str().unwrap().to_string())
        .collect()
}

#[test]
fn several_stories_open_the_briefing_each_with_its_facts_and_figures() {
    let dir = temp();
    week(dir.path());
    let b = json(dir.path(), &[]);
    let stories = b["stories"].as_array().unwrap();
    assert_eq!(
        stories.len(),
        2,
        "the one-outlet story is not shown: {stories:#?}"
    );
    let listed = story_ids(dir.path());
    for (shown, listed) in stories.iter().zip(&listed) {
        assert_eq!(
            shown["id"], listed["id"],
            "the stories stage's ids and ranks"
        );
        assert_eq!(shown["rank"], listed["rank"]);
        assert_eq!(shown["outlets"].as_array().unwrap().len(), 3);
        assert_eq!(shown["articles"], 3);
    }
    let bombing = stories
        .iter()
        .find(|s| s["title"].as_str().unwrap().contains("عسير"))
        .expect("the bombing story");
    // Two outlets print the same headline: it names the story.
    assert_eq!(bombing["title"], "تفجير انتحاري في مسجد قوات الطوارئ بعسير");
    assert_eq!(
        (
            bombing["first_date"].as_str(),
            bombing["last_date"].as_str()
        ),
        (Some("2015-08-06"), Some("2015-08-07"))
    );
    assert!(!bombing["facts"].as_array().unwrap().is_empty());
    // Its own figures: 10 against 12 killed, from its own articles.
    let differ = bombing["figures_differ"].as_array().unwrap();
    assert!(!differ.is_empty(), "{bombing:#?}");
    let numbers: Vec<u64> = bombing["article_numbers"]
        .as_array()
        .unwrap()
        .iter()
        .map(|n| n.as_u64().unwrap())
        .collect();
    for d in differ {
        for a in d["amounts"].as_array().unwrap() {
            for r in a["cited"].as_array().unwrap() {
                assert!(numbers.contains(&r["citation"]["article"].as_u64().unwrap()));
            }
        }
    }
    let festival = stories
        .iter()
        .find(|s| s["title"].as_str().unwrap().contains("عكاظ"))
        .expect("the festival story");
    assert!(festival["figures_differ"].as_array().unwrap().is_empty());
    let terms: Vec<&str> = festival["terms"]
        .as_array()
        .unwrap()
        .iter()
        .map(|t| t.as_str().unwrap())
        .collect();
    assert!(terms.contains(&"الطائف (Taif)"), "{terms:?}");
}

#[test]
fn the_markdown_and_html_open_with_the_stories() {
    let dir = temp();
    week(dir.path());
    let md = brief(dir.path(), &[]).success().stdout;
    let top = md
        .find("## Top stories")
        .expect("the stories open the briefing");
    let first_story = md.find("## Story 1: ").expect("story sections");
    let other = md.find("## Other facts").expect("facts of no story follow");
    let single = md.find("## Reported by one source").unwrap();
    assert!(top < first_story && first_story < other && other < single);
    assert!(
        !md.contains("## Key facts\n"),
        "the one-story layout is replaced"
    );
    insta::assert_snapshot!("story_brief_md", md);
    let html = brief(dir.path(), &["--format", "html"]).success().stdout;
    assert!(html.contains("<section class=\"story\" id=\"story-1\">"));
    assert!(html.contains("<thead><tr><th>Source</th><th dir=\"rtl\" lang=\"ar\">العربية</th><th>English</th></tr></thead>"));
    assert!(
        html.contains("okaz_<wbr>bombing-<wbr>day1.<wbr>txt"),
        "file names wrap after separators"
    );
    insta::assert_snapshot!("story_brief_html", html);
}

#[test]
fn top_stories_limits_the_stories_shown() {
    let dir = temp();
    week(dir.path());
    // One story worth showing is not a story-first briefing.
    let b = json(dir.path(), &["--top-stories", "1"]);
    assert!(b["stories"].as_array().unwrap().is_empty());
    assert!(b["other_facts"].as_array().unwrap().is_empty());
    assert!(!b["facts"].as_array().unwrap().is_empty());
}

#[test]
fn story_briefs_one_story_alone() {
    let dir = temp();
    week(dir.path());
    let listed = story_ids(dir.path());
    let festival = listed
        .iter()
        .find(|s| s["title"].as_str().unwrap().contains("عكاظ"))
        .unwrap();
    let id = festival["id"].as_str().unwrap();
    let b = json(dir.path(), &["--story", id]);
    assert_eq!(
        files(&b),
        [
            "alriyadh_festival.txt",
            "alwatan_festival.txt",
            "okaz_festival.txt"
        ]
    );
    assert!(
        b["stories"].as_array().unwrap().is_empty(),
        "briefed as one story"
    );
    let md = brief(dir.path(), &["--story", id]).success().stdout;
    assert!(md.contains("## Key facts") && !md.contains("## Top stories"));
}

#[test]
fn match_finds_stories_by_a_word_through_clitics_or_a_glossary_english() {
    let dir = temp();
    week(dir.path());
    let bombing = [
        "alyaum_bombing-day2.txt",
        "okaz_bombing-day1.txt",
        "sabq_bombing-day1.txt",
    ];
    assert_eq!(files(&json(dir.path(), &["--match", "بعسير"])), bombing);
    assert_eq!(files(&json(dir.path(), &["--match", "asir"])), bombing);
    let gold = json(dir.path(), &["--match", "الذهب"]);
    assert_eq!(files(&gold), ["alriyadh_gold.txt"]);
}

#[test]
fn an_unknown_story_or_word_is_an_error_that_says_how_to_find_stories() {
    let dir = temp();
    week(dir.path());
    let out = brief(dir.path(), &["--story", "000000000000"]);
    assert_ne!(out.code, Some(0));
    out.stderr_has("--story 000000000000")
        .stderr_has("mizan stories");
    let out = brief(dir.path(), &["--match", "كسوف"]);
    assert_ne!(out.code, Some(0));
    out.stderr_has("--match").stderr_has("mizan stories");
    assert!(out.stdout.is_empty());
}
