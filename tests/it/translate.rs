//! `mizan translate`: the queue, recording translations, honest reuse in the briefing, the
//! interactive loop over a pipe, QA.

use crate::util::{json_lines, manifest_dir, mizan_in, run_in};
use serde_json::Value;
use std::fs;
use std::path::Path;

/// The sample articles and the repo glossary, without the sample's translations.
fn desk() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    let sample = manifest_dir().join("examples/kazakhstan");
    for entry in fs::read_dir(&sample).unwrap() {
        let path = entry.unwrap().path();
        fs::copy(&path, dir.path().join(path.file_name().unwrap())).unwrap();
    }
    fs::copy(
        manifest_dir().join("glossary.toml"),
        dir.path().join("glossary.toml"),
    )
    .unwrap();
    dir
}

fn queue(dir: &Path) -> Vec<Value> {
    json_lines(
        &run_in(dir, &["translate", "--format", "jsonl", "."])
            .success()
            .stdout,
    )
}

fn brief_lines(dir: &Path) -> Vec<(usize, Value)> {
    let out = run_in(dir, &["brief", "--format", "json", "."])
        .success()
        .stdout;
    let json: Value = serde_json::from_str(&out).unwrap();
    let mut lines = Vec::new();
    for (k, fact) in json["facts"].as_array().unwrap().iter().enumerate() {
        lines.push((k + 1, fact["main"].clone()));
        for v in fact["variants"].as_array().unwrap() {
            lines.push((k + 1, v["line"].clone()));
        }
    }
    lines
}

#[test]
fn the_queue_puts_each_facts_representative_first_with_a_reference() {
    let dir = desk();
    let items = queue(dir.path());
    assert!(items.len() > 10, "{} items", items.len());
    // Facts first (most outlets first), then single-source sentences.
    let first_single = items.iter().position(|i| i["fact"].is_null()).unwrap();
    assert!(items[..first_single].iter().all(|i| i["fact"].is_u64()));
    assert!(items[first_single..].iter().all(|i| i["fact"].is_null()));
    assert_eq!(items[0]["wording"], 1);
    assert_eq!(items[0]["sources"], 3);
    for item in &items {
        let reference = item["reference"].as_str().unwrap();
        assert_eq!(reference.len(), 16, "{item}");
        assert!(item["terms"].as_array().is_some() && item["ar"].is_string());
    }
    // A representative whose near-copy says the same covers it.
    assert!(
        items
            .iter()
            .any(|i| !i["covers"].as_array().unwrap().is_empty()),
        "no item covers a near-copy"
    );
    // Text for people: the reference, FILE#N and the Arabic.
    let text = run_in(dir.path(), &["translate", "--top", "3", "."]).success();
    assert!(text.stdout.starts_with("[1] "), "{}", text.stdout);
    assert!(text.stdout.contains(".txt#") || text.stdout.contains(".md#"));
    assert!(text.stderr.contains("need English"), "{}", text.stderr);
}

#[test]
fn one_translation_per_representative_serves_exact_copies_and_only_suggests_for_the_rest() {
    let dir = desk();
    let items = queue(dir.path());
    let representatives: Vec<&Value> = items
        .iter()
        .filter(|i| i["fact"].is_u64() && i["wording"] == 1)
        .collect();
    assert!(representatives.len() >= 6);
    for (k, item) in representatives.iter().enumerate() {
        let english = format!("Translation number {k} of the desk.");
        let reference = item["reference"].as_str().unwrap();
        run_in(
            dir.path(),
            &["translate", "--set", reference, &english, "--by", "T", "."],
        )
        .success();
    }
    let lines = brief_lines(dir.path());
    let origin = |l: &Value| l["english"]["origin"].as_str().unwrap().to_string();
    let mut reused = 0;
    let mut fuzzy = 0;
    for (fact, line) in &lines {
        match origin(line).as_str() {
            "desk" => assert!(
                line["english"]["text"]
                    .as_str()
                    .unwrap()
                    .starts_with("Translation number")
            ),
            "exact_reuse" => {
                reused += 1;
                assert!(line["english"]["from"].is_object(), "fact {fact}: {line}");
                assert!(
                    line["english"]["differences"]
                        .as_array()
                        .unwrap()
                        .is_empty()
                );
            }
            "fuzzy" => {
                fuzzy += 1;
                let why = line["english"]["differences"].as_array().unwrap();
                assert!(
                    !why.is_empty(),
                    "fact {fact}: a suggestion says what differs: {line}"
                );
            }
            other => panic!("fact {fact}: a line of a translated fact has origin {other}: {line}"),
        }
    }
    assert!(reused >= 2 && fuzzy >= 3, "reused {reused}, fuzzy {fuzzy}");
    // Sample fact 4's row from Minaret Weekly extends the emergency to the whole country: it is
    // offered the translation as a suggestion, saying so, never given it as its English.
    let minaret = lines
        .iter()
        .map(|(_, l)| l)
        .find(|l| {
            l["arabic"]
                .as_str()
                .unwrap()
                .contains("قبل أن يوسعها لتشمل البلاد كلها")
        })
        .expect("the Minaret Weekly row");
    assert_eq!(origin(minaret), "fuzzy");
    let added: Vec<&str> = minaret["english"]["differences"]
        .as_array()
        .unwrap()
        .iter()
        .map(|d| d["this"].as_str().unwrap())
        .collect();
    assert!(added.iter().any(|a| a.contains("يوسعها")), "{added:?}");
    // The header says how much is in English.
    let md = run_in(dir.path(), &["brief", "."]).success().stdout;
    assert!(
        md.contains("English: 6 of 6 facts translated by the desk"),
        "{}",
        &md[..400]
    );
    // What is left of the facts are their other wordings, each offered a fuzzy match.
    let after = queue(dir.path());
    let facts: Vec<&Value> = after.iter().filter(|i| i["fact"].is_u64()).collect();
    assert!(!facts.is_empty());
    for item in facts {
        assert!(item["wording"].as_u64().unwrap() > 1, "{item}");
        let matches = item["matches"].as_array().unwrap();
        assert!(!matches.is_empty(), "no suggestion for {item}");
        assert_eq!(matches[0]["kind"], "fuzzy");
        assert!(matches[0]["percent"].as_u64().unwrap() >= 50);
    }
}

#[test]
fn set_refuses_to_overwrite_another_english_without_force_and_keeps_comments() {
    let dir = desk();
    let path = dir.path().join("translations.toml");
    fs::write(&path, "# our desk's translations\n").unwrap();
    let item = &queue(dir.path())[0];
    let reference = &item["reference"].as_str().unwrap()[..8];
    run_in(
        dir.path(),
        &["translate", "--set", reference, "First.", "."],
    )
    .success();
    let run = run_in(
        dir.path(),
        &["translate", "--set", reference, "Second.", "."],
    )
    .failure(2);
    assert!(run.stderr.contains("--force"), "{}", run.stderr);
    let text = fs::read_to_string(&path).unwrap();
    assert!(text.starts_with("# our desk's translations\n") && text.contains("First."));
    run_in(
        dir.path(),
        &["translate", "--set", reference, "Second.", "--force", "."],
    )
    .success()
    .stderr_has("it was: First.");
    let text = fs::read_to_string(&path).unwrap();
    assert!(
        text.contains("en = \"Second.\"") && !text.contains("First."),
        "{text}"
    );
    // The Arabic is kept beside for people.
    assert!(text.contains(item["ar"].as_str().unwrap()), "{text}");
    // An unknown reference is a usage error.
    run_in(
        dir.path(),
        &["translate", "--set", "ffffffffffffffff", "x", "."],
    )
    .failure(2)
    .stderr_has("no sentence");
}

#[test]
fn the_interactive_loop_works_over_a_pipe() {
    let dir = desk();
    let items = queue(dir.path());
    // Save the first, skip the second, go back to it, save it, quit.
    let out = mizan_in(dir.path())
        .args(["translate", "-i", "."])
        .write_stdin("The first one.\n:skip\n:back\nThe second one.\n:quit\n")
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let text = fs::read_to_string(dir.path().join("translations.toml")).unwrap();
    assert!(
        text.contains(items[0]["reference"].as_str().unwrap()),
        "{text}"
    );
    assert!(
        text.contains(items[1]["reference"].as_str().unwrap()),
        "{text}"
    );
    assert!(text.contains("The first one.") && text.contains("The second one."));
    assert!(String::from_utf8_lossy(&out.stderr).contains("2 translation(s) saved"));
}

#[test]
fn check_fails_on_a_planted_wrong_number_and_passes_the_samples_translations() {
    run_in(
        &manifest_dir(),
        &["translate", "--check", "examples/kazakhstan"],
    )
    .success()
    .stderr_has("0 error(s), 0 warning(s)");
    let dir = desk();
    let sample = fs::read_to_string(manifest_dir().join("translations.toml")).unwrap();
    // 160 killed, written as 16.
    assert!(sample.contains("160 people had been killed"));
    fs::write(
        dir.path().join("translations.toml"),
        sample.replace("160 people had been killed", "16 people had been killed"),
    )
    .unwrap();
    let run = run_in(dir.path(), &["translate", "--check", "."]).failure(1);
    assert!(
        run.stdout.contains("[number]") && run.stdout.contains("160"),
        "{}",
        run.stdout
    );
}
