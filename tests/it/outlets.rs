//! Sources are outlets: `mizan align` pairs sentences of different outlets only (unless
//! `--same-outlet`, marked), takes the outlet from the front matter or, with `--outlet-from
//! folder`, from the folder; the template guard and partial pairs as the user sees them.

use crate::util::{json_lines, run_in, temp};
use serde_json::Value;
use std::fs;
use std::path::Path;

const WIRE: &str = "وأعلنت وزارة الداخلية مقتل 13 من رجال الأمن في تفجير انتحاري استهدف مسجد قوات الطوارئ في منطقة عسير أثناء صلاة الظهر.";

/// A file with front matter naming its outlet (or none), holding `body`.
fn article(dir: &Path, name: &str, outlet: Option<&str>, body: &str) {
    let path = dir.join(name);
    fs::create_dir_all(path.parent().unwrap()).unwrap();
    let text = match outlet {
        Some(o) => format!("---\noutlet: {o}\ndate: 2015-08-06\n---\n{body}\n"),
        None => format!("{body}\n"),
    };
    fs::write(path, text).unwrap();
}

/// A glossary of one word that none of the articles has: no entries in play.
const GLOSSARY: &str = "[[term]]\nar = \"قطار\"\nen = \"train\"\n";

fn align(dir: &Path, extra: &[&str]) -> Vec<Value> {
    fs::write(dir.join("glossary.toml"), GLOSSARY).unwrap();
    let mut args = vec![
        "align",
        "in",
        "--format",
        "jsonl",
        "--glossary",
        "glossary.toml",
    ];
    args.extend_from_slice(extra);
    json_lines(&run_in(dir, &args).success().stdout)
}

fn docs(pair: &Value) -> (String, String) {
    let name = |side: &str| {
        let doc = pair[side]["doc"].as_str().unwrap();
        doc.rsplit('/').next().unwrap().to_string()
    };
    (name("a"), name("b"))
}

#[test]
fn two_articles_of_one_outlet_are_not_paired_unless_asked_and_then_marked() {
    let dir = temp();
    let input = dir.path().join("in");
    article(&input, "okaz_1.txt", Some("okaz"), WIRE);
    article(&input, "okaz_2.txt", Some("okaz"), WIRE);
    article(&input, "sabq_1.txt", Some("sabq"), WIRE);
    let pairs = align(dir.path(), &[]);
    let found: Vec<(String, String)> = pairs.iter().map(docs).collect();
    assert_eq!(found.len(), 2, "{found:?}");
    assert!(
        found
            .iter()
            .all(|(a, b)| a.starts_with("okaz") && b == "sabq_1.txt")
    );
    assert!(pairs.iter().all(|p| p["same_outlet"] == false));

    let all = align(dir.path(), &["--same-outlet"]);
    assert_eq!(all.len(), 3);
    let marked: Vec<(String, String)> = all
        .iter()
        .filter(|p| p["same_outlet"] == true)
        .map(docs)
        .collect();
    assert_eq!(marked, [("okaz_1.txt".into(), "okaz_2.txt".into())]);
    let text = run_in(
        dir.path(),
        &[
            "align",
            "in",
            "--same-outlet",
            "--glossary",
            "glossary.toml",
        ],
    )
    .success()
    .stdout;
    assert!(text.contains("(same outlet)"), "{text}");
}

#[test]
fn plain_files_are_each_their_own_outlet_and_folders_can_be_outlets() {
    let dir = temp();
    let input = dir.path().join("in");
    article(&input, "okaz/a.txt", None, WIRE);
    article(&input, "okaz/b.txt", None, WIRE);
    article(&input, "sabq/c.txt", None, WIRE);
    // Without metadata every file corroborates every other.
    assert_eq!(align(dir.path(), &[]).len(), 3);
    // One outlet a folder: a ~ b is within okaz.
    let by_folder = align(dir.path(), &["--outlet-from", "folder"]);
    let found: Vec<(String, String)> = by_folder.iter().map(docs).collect();
    assert_eq!(
        found,
        [
            ("a.txt".into(), "c.txt".into()),
            ("b.txt".into(), "c.txt".into())
        ]
    );
}

#[test]
fn a_stock_sentence_about_another_person_is_not_one_fact() {
    let dir = temp();
    let input = dir.path().join("in");
    let jordan = "وأعرب خادم الحرمين الشريفين عن شكره وتقديره للملك عبدالله الثاني على مشاعره الطيبة وتعازيه في شهداء الواجب.";
    let bahrain = "وأعرب خادم الحرمين الشريفين عن شكره وتقديره للملك حمد بن عيسى آل خليفة على مشاعره الطيبة وتعازيه في شهداء الواجب.";
    article(&input, "spa.txt", Some("spa"), jordan);
    article(&input, "okaz.txt", Some("okaz"), bahrain);
    article(&input, "sabq.txt", Some("sabq"), jordan);
    let pairs = align(dir.path(), &[]);
    let found: Vec<(String, String)> = pairs.iter().map(docs).collect();
    assert_eq!(found, [("sabq.txt".into(), "spa.txt".into())], "{found:?}");
}

#[test]
fn a_sentence_that_another_outlet_extends_is_a_partial_pair() {
    let dir = temp();
    let input = dir.path().join("in");
    let extended = format!(
        "{} وأضافت الوزارة أن الانتحاري فجر حزامه الناسف داخل المسجد، وأن الجرحى نقلوا إلى مستشفيات أبها وخميس مشيط، فيما تواصل الجهات الأمنية التحقيق لكشف من يقف وراء الهجوم الآثم ومن ساعد منفذه.",
        WIRE.trim_end_matches('.')
    );
    article(&input, "spa.txt", Some("spa"), WIRE);
    article(&input, "okaz.txt", Some("okaz"), &extended);
    // Unrelated articles, so that word weights are those of a corpus.
    for (k, other) in [
        "ارتفعت أسعار النفط في التعاملات الآسيوية مع تراجع المخزونات الأمريكية.",
        "افتتح وزير التعليم مدرسة جديدة للبنات في حي الملز بالرياض.",
        "فاز الهلال على النصر بهدفين مقابل هدف في نهائي كأس السوبر بلندن.",
    ]
    .iter()
    .enumerate()
    {
        article(&input, &format!("other_{k}.txt"), Some("other"), other);
    }
    let pairs = align(dir.path(), &[]);
    assert_eq!(pairs.len(), 1, "{pairs:#?}");
    assert_eq!(pairs[0]["relation"], "partial");
    let text = run_in(dir.path(), &["align", "in", "--glossary", "glossary.toml"])
        .success()
        .stdout;
    assert!(text.contains("(partial)"), "{text}");
}
