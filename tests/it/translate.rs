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

/// Give the first `n` units of an exported XLIFF 1.2 file a translated target.
fn fill_xliff(text: &str, n: usize) -> String {
    let mut out = String::new();
    let mut filled = 0;
    for line in text.lines() {
        out.push_str(line);
        out.push('\n');
        if line.trim_start().starts_with("<source xml:lang=\"ar\">") && filled < n {
            filled += 1;
            out.push_str(&format!(
                "        <target xml:lang=\"en\" state=\"translated\">English {filled}.</target>\n"
            ));
        }
    }
    out
}

#[test]
fn an_exported_xliff_comes_back_as_the_desks_translations_with_stale_and_conflicts_listed() {
    let dir = desk();
    run_in(dir.path(), &["translate", ".", "--export", "q.xlf"]).success();
    let exported = fs::read_to_string(dir.path().join("q.xlf")).unwrap();
    assert!(exported.contains("<xliff version=\"1.2\""));
    let items = queue(dir.path());
    assert_eq!(exported.matches("<trans-unit ").count(), items.len());
    // Three units translated, the second one's source edited by someone meanwhile.
    let mut filled = fill_xliff(&exported, 3);
    let second = items[1]["ar"].as_str().unwrap();
    filled = filled.replacen(second, &format!("{second} تعديل"), 1);
    fs::write(dir.path().join("t.xlf"), &filled).unwrap();
    // No articles are needed: each unit carries its source.
    let run = run_in(dir.path(), &["translate", "--import", "t.xlf"]).success();
    assert!(
        run.stderr.contains("2 added") && run.stderr.contains("1 stale"),
        "{}",
        run.stderr
    );
    assert!(run.stderr.contains(&format!(
        "stale: unit {}",
        items[1]["reference"].as_str().unwrap()
    )));
    // The briefing shows them as the desk's.
    let lines = brief_lines(dir.path());
    let desk: Vec<&str> = lines
        .iter()
        .filter(|(_, l)| l["english"]["origin"] == "desk")
        .map(|(_, l)| l["english"]["text"].as_str().unwrap())
        .collect();
    assert!(
        desk.contains(&"English 1.") && desk.contains(&"English 3."),
        "{desk:?}"
    );
    // The same unit translated otherwise is a conflict, replaced only with --force.
    fs::write(
        dir.path().join("t.xlf"),
        filled.replace("English 1.", "Another 1."),
    )
    .unwrap();
    let run = run_in(dir.path(), &["translate", "--import", "t.xlf"]).success();
    assert!(run.stderr.contains("1 conflict(s)"), "{}", run.stderr);
    let run = run_in(dir.path(), &["translate", "--import", "t.xlf", "--force"]).success();
    assert!(run.stderr.contains("1 replaced"), "{}", run.stderr);
    assert!(
        fs::read_to_string(dir.path().join("translations.toml"))
            .unwrap()
            .contains("Another 1.")
    );
}

#[test]
fn copy_source_gives_every_unit_a_target_and_a_copy_that_comes_back_is_untranslated() {
    let dir = desk();
    run_in(
        dir.path(),
        &["translate", ".", "--export", "q.xlf", "--copy-source"],
    )
    .success();
    let exported = fs::read_to_string(dir.path().join("q.xlf")).unwrap();
    let units = exported.matches("<trans-unit ").count();
    assert_eq!(exported.matches("<target xml:lang=\"en\">").count(), units);
    // As OmegaT writes it back: one target translated, the others still the source.
    let items = queue(dir.path());
    let first = items[0]["ar"].as_str().unwrap();
    let target = format!("<target xml:lang=\"en\">{}</target>", xml_escaped(first));
    assert!(exported.contains(&target), "{exported}");
    let translated = exported.replacen(&target, "<target xml:lang=\"en\">Done.</target>", 1);
    fs::write(dir.path().join("t.xlf"), translated).unwrap();
    let run = run_in(dir.path(), &["translate", "--import", "t.xlf"]).success();
    assert!(
        run.stderr.contains("1 added")
            && run.stderr.contains(&format!("{} untranslated", units - 1)),
        "{}",
        run.stderr
    );
}

fn xml_escaped(text: &str) -> String {
    text.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('"', "&quot;")
        .replace('\'', "&apos;")
}

#[test]
fn xliff_2_and_po_exports_round_trip_and_the_memory_goes_out_as_tmx() {
    let dir = desk();
    for (file, format) in [("q2.xlf", Some("xliff2")), ("q.po", None)] {
        let mut args = vec!["translate", ".", "--export", file];
        if let Some(f) = format {
            args.extend(["--format", f]);
        }
        run_in(dir.path(), &args).success();
    }
    let po = fs::read_to_string(dir.path().join("q.po")).unwrap();
    let first = &queue(dir.path())[0];
    let reference = first["reference"].as_str().unwrap();
    assert!(po.contains(&format!("msgctxt \"{reference}\"")), "{po}");
    // Translate the first entry in the PO file and take it back.
    let translated = po;
    let at = translated
        .find(&format!("msgctxt \"{reference}\""))
        .unwrap();
    let msgstr = at + translated[at..].find("msgstr \"\"").unwrap();
    let translated = format!(
        "{}msgstr \"From Poedit.\"{}",
        &translated[..msgstr],
        &translated[msgstr + "msgstr \"\"".len()..]
    );
    fs::write(dir.path().join("t.po"), translated).unwrap();
    run_in(dir.path(), &["translate", "--import", "t.po"])
        .success()
        .stderr_has("1 added");
    let xliff2 = fs::read_to_string(dir.path().join("q2.xlf")).unwrap();
    assert!(
        xliff2.contains("<xliff version=\"2.0\"")
            && xliff2.contains(&format!("<unit id=\"{reference}\""))
    );
    // The memory as TMX: the translation and the near-copies it serves.
    run_in(dir.path(), &["translate", ".", "--export-tm", "m.tmx"]).success();
    let tmx = fs::read_to_string(dir.path().join("m.tmx")).unwrap();
    assert!(
        tmx.contains("From Poedit.") && tmx.contains(&format!("tuid=\"{reference}\"")),
        "{tmx}"
    );
    // Seeding a fresh desk from that TMX gives it the translation.
    let other = desk();
    fs::copy(dir.path().join("m.tmx"), other.path().join("m.tmx")).unwrap();
    run_in(other.path(), &["translate", ".", "--import-tm", "m.tmx"]).success();
    let text = fs::read_to_string(other.path().join("translations.toml")).unwrap();
    assert!(
        text.contains("From Poedit.") && text.contains("imported from m.tmx"),
        "{text}"
    );
}
