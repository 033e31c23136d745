//! Integration tests of the glossary commands of the `mizan` binary: `mizan gloss` and
//! `mizan glossary list|add|rm|check|suggest|import|export`, as a user sees them (stdout,
//! stderr, exit code, the files left in the folder).
//!
//! Every test works in its own temporary folder, with fixtures copied from
//! `tests/fixtures/glossary/cli/`; every Arabic sentence and term there was written for these
//! tests (the January 2022 unrest in Kazakhstan).

use crate::util::{
    Run, Sentence, body_start, json_lines, manifest_dir, parse_jsonl, run, run_in, temp,
};
use serde_json::Value;
use std::fs;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use tempfile::TempDir;

// ---------------------------------------------------------------------------------------------
// Helpers
// ---------------------------------------------------------------------------------------------

fn fixture_path(name: &str) -> PathBuf {
    manifest_dir()
        .join("tests/fixtures/glossary/cli")
        .join(name)
}

fn fixture(name: &str) -> String {
    fs::read_to_string(fixture_path(name)).unwrap_or_else(|e| panic!("fixture {name}: {e}"))
}

fn put(dir: &Path, name: &str, bytes: impl AsRef<[u8]>) {
    fs::write(dir.join(name), bytes).expect("write a test file");
}

/// Copy a fixture into `dir` under `name`.
fn copy_fixture(dir: &Path, fixture_name: &str, name: &str) {
    put(dir, name, fixture(fixture_name));
}

fn read(dir: &Path, name: &str) -> String {
    fs::read_to_string(dir.join(name)).unwrap_or_else(|e| panic!("read {name}: {e}"))
}

/// The names in `dir` (hidden ones included), sorted.
fn files_in(dir: &Path) -> Vec<String> {
    let mut names: Vec<String> = fs::read_dir(dir)
        .expect("list the folder")
        .map(|e| e.expect("entry").file_name().to_string_lossy().into_owned())
        .collect();
    names.sort();
    names
}

/// Assert the folder holds exactly these files: no temporary file left behind.
#[track_caller]
fn assert_files(dir: &Path, expected: &[&str]) {
    let mut expected: Vec<String> = expected.iter().map(|s| s.to_string()).collect();
    expected.sort();
    assert_eq!(files_in(dir), expected, "files left in the folder");
}

/// `mizan glossary list --format jsonl` of a glossary: one JSON value per entry.
fn list_jsonl(dir: &Path, glossary: &str) -> Vec<Value> {
    let out = run_in(
        dir,
        &[
            "glossary",
            "list",
            "--format",
            "jsonl",
            "--glossary",
            glossary,
        ],
    )
    .success();
    json_lines(&out.stdout)
}

/// The headwords of a glossary, in file order.
fn headwords(dir: &Path, glossary: &str) -> Vec<String> {
    list_jsonl(dir, glossary)
        .iter()
        .map(|v| v["ar"].as_str().expect("ar is a string").to_string())
        .collect()
}

/// Assert stderr is one `error: ...` line (the message, not a panic or a backtrace).
#[track_caller]
fn assert_one_error_line(out: &Run) {
    out.assert_no_panic();
    let lines: Vec<&str> = out.stderr.lines().collect();
    assert_eq!(lines.len(), 1, "one error line; stderr:\n{}", out.stderr);
    assert!(lines[0].starts_with("error: "), "stderr: {}", out.stderr);
}

/// One line of `mizan gloss --format jsonl`.
#[derive(Debug, Clone, PartialEq, Eq)]
struct GlossHit {
    doc: String,
    sentence: usize,
    start: usize,
    end: usize,
    surface: String,
    ar: String,
    en: String,
    kind: Option<String>,
}

/// Parse `mizan gloss --format jsonl`, checking each line has exactly the eight contract fields.
#[track_caller]
fn parse_gloss(stdout: &str) -> Vec<GlossHit> {
    const FIELDS: [&str; 8] = [
        "ar", "doc", "en", "end", "kind", "sentence", "start", "surface",
    ];
    stdout
        .lines()
        .map(|line| {
            let value: Value =
                serde_json::from_str(line).unwrap_or_else(|e| panic!("not JSON ({e}): {line}"));
            let object = value.as_object().expect("each line is a JSON object");
            let mut keys: Vec<&str> = object.keys().map(String::as_str).collect();
            keys.sort_unstable();
            assert_eq!(keys, FIELDS, "fields of {line}");
            let string = |k: &str| {
                object[k]
                    .as_str()
                    .unwrap_or_else(|| panic!("{k} is a string: {line}"))
                    .to_string()
            };
            let number = |k: &str| {
                usize::try_from(
                    object[k]
                        .as_u64()
                        .unwrap_or_else(|| panic!("{k} is a number: {line}")),
                )
                .expect("fits")
            };
            let kind = match &object["kind"] {
                Value::Null => None,
                Value::String(s) => Some(s.clone()),
                other => panic!("kind is a string or null, not {other}: {line}"),
            };
            GlossHit {
                doc: string("doc"),
                sentence: number("sentence"),
                start: number("start"),
                end: number("end"),
                surface: string("surface"),
                ar: string("ar"),
                en: string("en"),
                kind,
            }
        })
        .collect()
}

/// A folder with the test article and the gloss glossary.
fn gloss_dir() -> TempDir {
    let dir = temp();
    copy_fixture(dir.path(), "article.txt", "article.txt");
    copy_fixture(dir.path(), "gloss.toml", "glossary.toml");
    dir
}

fn gloss_jsonl(dir: &Path) -> Vec<GlossHit> {
    let out = run_in(
        dir,
        &[
            "gloss",
            "article.txt",
            "--glossary",
            "glossary.toml",
            "--format",
            "jsonl",
        ],
    )
    .success();
    assert!(out.stderr.is_empty(), "no warnings: {}", out.stderr);
    parse_gloss(&out.stdout)
}

// ---------------------------------------------------------------------------------------------
// 1. Malformed glossaries: one message with file:line:column, exit code 2
// ---------------------------------------------------------------------------------------------

/// A well-formed first entry (lines 1–6); each bad glossary adds its problem from line 7 on.
const GOOD_START: &str = "# desk\n\n[[term]]\nar = \"ألماتي\"\nen = \"Almaty\"\n\n";

/// `bad.toml` is refused by `gloss`, `glossary check` and `glossary add` alike, with exit code
/// 2 and the message `expected` (which starts with `bad.toml:line:column: `), and is left as it
/// was.
#[track_caller]
fn assert_malformed(bad: &[u8], expected: &str) {
    let dir = temp();
    copy_fixture(dir.path(), "article.txt", "article.txt");
    put(dir.path(), "bad.toml", bad);
    let commands: [&[&str]; 3] = [
        &["gloss", "article.txt", "--glossary", "bad.toml"],
        &["glossary", "check", "--glossary", "bad.toml"],
        &[
            "glossary",
            "add",
            "بنغازي",
            "Benghazi",
            "--glossary",
            "bad.toml",
        ],
    ];
    for args in commands {
        let out = run_in(dir.path(), args).failure(2);
        assert_one_error_line(&out);
        out.stderr_has(expected);
        assert!(out.stdout.is_empty(), "{args:?}: stdout: {}", out.stdout);
        assert_eq!(
            fs::read(dir.path().join("bad.toml")).unwrap(),
            bad,
            "{args:?} left the file as it was"
        );
    }
    assert_files(dir.path(), &["article.txt", "bad.toml", "bad.toml.lock"]);
}

fn with_good_start(rest: &str) -> Vec<u8> {
    format!("{GOOD_START}{rest}").into_bytes()
}

#[test]
fn malformed_bad_toml_unterminated_string() {
    // The closing quote is missing at the end of line 8 (after `ar = "` and 7 letters).
    assert_malformed(
        &with_good_start("[[term]]\nar = \"جاناوزن\nen = \"Zhanaozen\"\n"),
        "bad.toml:8:14: invalid basic string, expected '\"'",
    );
}

#[test]
fn malformed_missing_en() {
    assert_malformed(
        &with_good_start("[[term]]\nar = \"جاناوزن\"\nkind = \"place\"\n"),
        "bad.toml:7:1: missing required key 'en' in this [[term]]",
    );
}

#[test]
fn malformed_missing_ar() {
    assert_malformed(
        &with_good_start("[[term]]\nen = \"Zhanaozen\"\nkind = \"place\"\n"),
        "bad.toml:7:1: missing required key 'ar' in this [[term]]",
    );
}

#[test]
fn malformed_wrong_type() {
    assert_malformed(
        &with_good_start("[[term]]\nar = \"جاناوزن\"\nen = \"Zhanaozen\"\nvariants = \"x\"\n"),
        "bad.toml:10:12: invalid type: string \"x\", expected a sequence",
    );
}

#[test]
fn malformed_unknown_key_lists_the_expected_keys() {
    assert_malformed(
        &with_good_start(
            "[[term]]\nar = \"جاناوزن\"\nen = \"Zhanaozen\"\nenglish = \"Zhanaozen\"\n",
        ),
        "bad.toml:10:1: unknown key 'english' (expected ar, en, kind, variants, note, also, gloss)",
    );
}

#[test]
fn malformed_unknown_top_level_table() {
    // The column is that of the table's name, inside the brackets.
    assert_malformed(
        &with_good_start("[terms]\nar = \"جاناوزن\"\n"),
        "bad.toml:7:2: unknown key 'terms' (expected meta, term)",
    );
}

#[test]
fn malformed_meta_after_the_terms() {
    assert_malformed(
        &with_good_start("[meta]\nname = \"Kazakhstan desk\"\n"),
        "bad.toml:7:1: [meta] must come before the first [[term]]",
    );
}

#[test]
fn malformed_not_utf8() {
    // "ألماتي" in windows-1256: the first bad byte is column 7 of line 8.
    let mut bad = with_good_start("[[term]]\nar = \"");
    bad.extend_from_slice(&[0xC3, 0xE1, 0xE3, 0xC7, 0xCA, 0xED]);
    bad.extend_from_slice(b"\"\nen = \"Almaty\"\n");
    assert_malformed(&bad, "bad.toml:8:7: not valid UTF-8");
}

#[test]
fn no_glossary_at_all_says_how_to_create_one() {
    let dir = temp();
    copy_fixture(dir.path(), "article.txt", "article.txt");
    let commands: [&[&str]; 4] = [
        &["gloss", "article.txt"],
        &["glossary", "check"],
        &["glossary", "list"],
        &["glossary", "export"],
    ];
    for args in commands {
        let out = run_in(dir.path(), args).failure(2);
        assert_one_error_line(&out);
        out.stderr_has("no glossary: pass --glossary FILE, or create ./glossary.toml")
            .stderr_has("mizan glossary add كازاخستان Kazakhstan --kind place");
        assert!(out.stdout.is_empty(), "{args:?}: {}", out.stdout);
    }
    // Nothing was created while failing.
    assert_files(dir.path(), &["article.txt"]);

    // The command the message suggests works, and then so does gloss, with ./glossary.toml.
    let out = run_in(
        dir.path(),
        &[
            "glossary",
            "add",
            "كازاخستان",
            "Kazakhstan",
            "--kind",
            "place",
        ],
    )
    .success();
    out.stderr_has("glossary.toml: added 'كازاخستان' (Kazakhstan)");
    let out = run_in(dir.path(), &["gloss", "article.txt", "--format", "jsonl"]).success();
    let hits = parse_gloss(&out.stdout);
    assert_eq!(hits.len(), 1, "{hits:?}");
    assert_eq!(hits[0].en, "Kazakhstan");
}

#[test]
fn a_named_glossary_that_does_not_exist_is_named_in_the_error() {
    let dir = temp();
    copy_fixture(dir.path(), "article.txt", "article.txt");
    for args in [
        &["gloss", "article.txt", "--glossary", "desk.toml"][..],
        &["glossary", "check", "--glossary", "desk.toml"],
        &["glossary", "rm", "ألماتي", "--glossary", "desk.toml"],
    ] {
        let out = run_in(dir.path(), args);
        out.assert_no_panic();
        // A missing glossary is a configuration error for every command, edits included.
        assert_eq!(out.code, Some(2), "{args:?} must fail with exit code 2");
        assert_one_error_line(&out);
        out.stderr_has("desk.toml: no such file or directory");
    }
    // rm of a missing file takes no lock, so it leaves nothing behind either.
    assert_files(dir.path(), &["article.txt"]);
}

#[test]
fn a_named_glossary_that_does_not_exist_is_exit_code_2() {
    let dir = temp();
    copy_fixture(dir.path(), "article.txt", "article.txt");
    run_in(
        dir.path(),
        &["gloss", "article.txt", "--glossary", "desk.toml"],
    )
    .failure(2);
    run_in(
        dir.path(),
        &["glossary", "check", "--glossary", "desk.toml"],
    )
    .failure(2);
}

// ---------------------------------------------------------------------------------------------
// 2. mizan gloss
// ---------------------------------------------------------------------------------------------

#[test]
fn gloss_jsonl_spans_are_whole_word_byte_slices_in_the_right_sentence() {
    let dir = gloss_dir();
    let text = read(dir.path(), "article.txt");
    let hits = gloss_jsonl(dir.path());
    assert!(!hits.is_empty());

    let out = run_in(dir.path(), &["segment", "--format", "jsonl", "article.txt"]).success();
    let sentences: Vec<Sentence> = parse_jsonl(&out.stdout);

    let mut previous_end = 0;
    for hit in &hits {
        assert_eq!(hit.doc, "article.txt");
        let slice = text
            .get(hit.start..hit.end)
            .unwrap_or_else(|| panic!("span {}..{} is not in the text", hit.start, hit.end));
        assert_eq!(hit.surface, slice, "surface is the byte slice [start, end)");
        assert!(hit.start >= previous_end, "hits overlap: {hit:?}");
        previous_end = hit.end;

        // Whole words: no letter right before or right after the span.
        let before = text[..hit.start].chars().next_back();
        let after = text[hit.end..].chars().next();
        assert!(
            !before.is_some_and(char::is_alphabetic) && !after.is_some_and(char::is_alphabetic),
            "{hit:?} is not whole words: {before:?} / {after:?}"
        );

        let sentence = sentences
            .iter()
            .find(|s| s.start <= hit.start && hit.end <= s.end)
            .unwrap_or_else(|| panic!("{hit:?} is in no sentence"));
        assert_eq!(
            hit.sentence, sentence.index,
            "{hit:?} is in sentence {}: {}",
            sentence.index, sentence.text
        );
    }
}

#[test]
fn gloss_finds_terms_through_clitics_variants_and_quotes() {
    let dir = gloss_dir();
    let hits = gloss_jsonl(dir.path());
    let found: Vec<(usize, &str, &str, &str)> = hits
        .iter()
        .map(|h| (h.sentence, h.surface.as_str(), h.ar.as_str(), h.en.as_str()))
        .collect();
    let expected: Vec<(usize, &str, &str, &str)> = vec![
        (0, "ألماتي", "ألماتي", "Almaty"),
        (1, "جاناوزن", "جاناوزن", "Zhanaozen"),
        (1, "كازاخستان", "كازاخستان", "Kazakhstan"),
        // و + a variant of the entry.
        (2, "وآلماتا", "ألماتي", "Almaty"),
        // No hamza, final ى: the same spelling once normalized.
        (2, "الماتى", "ألماتي", "Almaty"),
        // An entry written without the article matches with it.
        (3, "الرئيس", "رئيس", "president"),
        (
            3,
            "قاسم جومارت توكاييف",
            "قاسم جومارت توكاييف",
            "Kassym-Jomart Tokayev",
        ),
        (3, "حالة الطوارئ", "حالة الطوارئ", "state of emergency"),
        // A pronoun suffix on vocabulary, the ة written ت before it.
        (3, "حكومته", "حكومة", "government"),
        (4, "توكاييف", "قاسم جومارت توكاييف", "Kassym-Jomart Tokayev"),
        (
            4,
            "منظمة معاهدة الأمن الجماعي",
            "منظمة معاهدة الأمن الجماعي",
            "Collective Security Treaty Organization",
        ),
        // A multi-word term across an opening quote; the span ends with the last word.
        (
            4,
            "قوات «حفظ السلام",
            "قوات حفظ السلام",
            "peacekeeping forces",
        ),
        // و + ال on an entry written with the article; شرطة ألماتي has no article, so
        // only ألماتي is found there.
        (5, "والشرطة", "الشرطة", "police"),
        (5, "ألماتي", "ألماتي", "Almaty"),
        (6, "بألماتي", "ألماتي", "Almaty"),
        (7, "الحكومة", "حكومة", "government"),
        (7, "النفط", "نفط", "oil"),
        // لل = ل + ال.
        (7, "للرئيس", "رئيس", "president"),
    ];
    assert_eq!(found, expected);
    for hit in &hits {
        let kind = hit.kind.as_deref().expect("every test entry has a kind");
        assert!(
            ["place", "person", "org", "term"].contains(&kind),
            "{hit:?}"
        );
    }
}

#[test]
fn gloss_never_finds_a_term_inside_a_longer_word() {
    let dir = gloss_dir();
    let text = read(dir.path(), "article.txt");
    let hits = gloss_jsonl(dir.path());
    // نفط in النفطية, أمن in الأمنية, شرطة (the entry needs the article) in شرطة ألماتي.
    for word in ["النفطية", "الأمنية", "شرطة ألماتي"] {
        let at = text.find(word).expect("the word is in the article");
        let word_end = at + word.find(' ').unwrap_or(word.len());
        assert!(
            hits.iter().all(|h| h.end <= at || h.start >= word_end),
            "a hit inside {word}: {hits:#?}"
        );
    }
    assert!(
        hits.iter().all(|h| h.en != "security"),
        "أمن is only inside الأمنية and the CSTO's name: {hits:#?}"
    );
}

#[test]
fn gloss_explain_snapshot() {
    let dir = gloss_dir();
    let out = run_in(
        dir.path(),
        &[
            "gloss",
            "--format",
            "explain",
            "article.txt",
            "--glossary",
            "glossary.toml",
        ],
    )
    .success();
    assert!(out.stderr.is_empty(), "no warnings: {}", out.stderr);
    for clitics in ["و+ال[شرطة] → police", "ل+ال[رئيس] → president", "ب[ألماتي]"]
    {
        assert!(out.stdout.contains(clitics), "{clitics}:\n{}", out.stdout);
    }
    insta::assert_snapshot!("gloss_explain", out.stdout);
}

#[test]
fn gloss_text_snapshot() {
    let dir = gloss_dir();
    let out = run_in(
        dir.path(),
        &["gloss", "article.txt", "--glossary", "glossary.toml"],
    )
    .success();
    assert!(out.stderr.is_empty(), "no warnings: {}", out.stderr);
    assert_eq!(out.stdout.lines().next(), Some("article.txt (18 terms)"));
    insta::assert_snapshot!("gloss_text", out.stdout);
}

/// The spellings of Almaty in the sample articles.
const ALMATY_SPELLINGS: [&str; 5] = ["ألماتي", "ألما آتا", "آلماتا", "ألماتا", "آلمآتا"];

/// Whether `prefix` is a chain of proclitics that may precede a name: at most one of و ف, then
/// at most one of ب ك ل.
fn is_name_proclitic_chain(prefix: &str) -> bool {
    let mut chars = prefix.chars().peekable();
    if chars.peek().is_some_and(|c| "وف".contains(*c)) {
        chars.next();
    }
    if chars.peek().is_some_and(|c| "بكل".contains(*c)) {
        chars.next();
    }
    chars.next().is_none()
}

/// Byte spans (clitics included) of the whole-word occurrences of the Almaty spellings in the
/// body of `text` (front matter is metadata, not glossed).
fn almaty_occurrences(text: &str) -> Vec<(usize, usize)> {
    let body = body_start(text);
    let mut found = Vec::new();
    for spelling in ALMATY_SPELLINGS {
        for (at, _) in text[body..].match_indices(spelling) {
            let at = body + at;
            let end = at + spelling.len();
            if text[end..].chars().next().is_some_and(char::is_alphabetic) {
                continue;
            }
            let word_start = text[..at]
                .char_indices()
                .rev()
                .take_while(|(_, c)| c.is_alphabetic())
                .last()
                .map_or(at, |(i, _)| i);
            if is_name_proclitic_chain(&text[word_start..at]) {
                found.push((word_start, end));
            }
        }
    }
    found.sort_unstable();
    found
}

#[test]
fn gloss_sample_corpus_finds_every_spelling_of_almaty() {
    let out = run(&[
        "gloss",
        "examples/kazakhstan",
        "--glossary",
        "glossary.toml",
        "--format",
        "jsonl",
    ])
    .success();
    let hits = parse_gloss(&out.stdout);
    let articles: Vec<PathBuf> = {
        let mut paths: Vec<PathBuf> = fs::read_dir(manifest_dir().join("examples/kazakhstan"))
            .unwrap()
            .map(|e| e.unwrap().path())
            .collect();
        paths.sort();
        paths
    };
    let mut total = 0;
    let mut spellings_seen = std::collections::BTreeSet::new();
    for path in &articles {
        let doc = format!(
            "examples/kazakhstan/{}",
            path.file_name().unwrap().to_string_lossy()
        );
        let text = fs::read_to_string(path).unwrap();
        let doc_hits: Vec<&GlossHit> = hits.iter().filter(|h| h.doc == doc).collect();
        for hit in &doc_hits {
            assert_eq!(text.get(hit.start..hit.end), Some(hit.surface.as_str()));
        }
        let occurrences = almaty_occurrences(&text);
        for &(start, end) in &occurrences {
            total += 1;
            let surface = &text[start..end];
            spellings_seen.insert(
                ALMATY_SPELLINGS
                    .iter()
                    .find(|s| surface.ends_with(*s))
                    .copied()
                    .unwrap(),
            );
            let exact = doc_hits.iter().find(|h| h.start == start && h.end == end);
            match exact {
                Some(hit) => assert_eq!(hit.en, "Almaty", "{doc}: {hit:?}"),
                None => {
                    // The longest term wins: the name may be part of a longer entry that
                    // contains it (مطار ألماتي الدولي).
                    let covering = doc_hits
                        .iter()
                        .find(|h| h.start <= start && end <= h.end)
                        .unwrap_or_else(|| {
                            panic!("{doc}: '{surface}' at {start}..{end} is not found")
                        });
                    assert!(
                        covering.end - covering.start > end - start
                            && ALMATY_SPELLINGS.iter().any(|s| covering.ar.contains(s))
                            && covering.en.contains("Almaty"),
                        "{doc}: '{surface}' at {start}..{end} is found as {covering:?}"
                    );
                }
            }
        }
        // And no Almaty hit that is not one of those occurrences.
        for hit in doc_hits.iter().filter(|h| h.en == "Almaty") {
            assert!(
                occurrences.contains(&(hit.start, hit.end)),
                "{doc}: unexpected Almaty hit {hit:?}"
            );
        }
    }
    assert!(total >= 15, "occurrences found by the test: {total}");
    assert!(
        spellings_seen.len() >= 4,
        "the samples use four of the spellings at least: {spellings_seen:?}"
    );
}

// ---------------------------------------------------------------------------------------------
// 3. glossary add / rm
// ---------------------------------------------------------------------------------------------

/// A folder with desk.toml (comments, blank lines, [meta], 3 entries) as glossary.toml.
fn desk_dir() -> TempDir {
    let dir = temp();
    copy_fixture(dir.path(), "desk.toml", "glossary.toml");
    dir
}

#[test]
fn add_then_rm_leaves_the_file_byte_identical() {
    let dir = desk_dir();
    let original = fixture("desk.toml");
    let out = run_in(
        dir.path(),
        &[
            "glossary",
            "add",
            "عسكر مامين",
            "Askar Mamin",
            "--kind",
            "person",
            "--variant",
            "مامين",
            "--note",
            "Prime minister until his government resigned on 5 January",
        ],
    )
    .success();
    out.stderr_has("glossary.toml: added 'عسكر مامين' (Askar Mamin)");
    assert_ne!(read(dir.path(), "glossary.toml"), original);
    assert_files(dir.path(), &["glossary.toml", "glossary.toml.lock"]);

    let out = run_in(dir.path(), &["glossary", "rm", "عسكر مامين"]).success();
    out.stderr_has("glossary.toml: removed 'عسكر مامين' (Askar Mamin)");
    assert_eq!(read(dir.path(), "glossary.toml"), original);
    assert_files(dir.path(), &["glossary.toml", "glossary.toml.lock"]);
}

#[test]
fn add_keeps_comments_and_order_and_appends_the_entry() {
    let dir = desk_dir();
    let original = fixture("desk.toml");
    run_in(
        dir.path(),
        &[
            "glossary",
            "add",
            "جاناوزن",
            "Zhanaozen",
            "--kind",
            "place",
            "--variant",
            "جانا أوزن",
            "--note",
            "Oil town where the protests began on 2 January",
            "--glossary",
            "glossary.toml",
        ],
    )
    .success();
    let text = read(dir.path(), "glossary.toml");
    let expected = format!(
        "{original}\n[[term]]\nar = \"جاناوزن\"\nen = \"Zhanaozen\"\nkind = \"place\"\n\
         variants = [\"جانا أوزن\"]\nnote = \"Oil town where the protests began on 2 January\"\n"
    );
    assert_eq!(text, expected, "everything kept, the new entry at the end");
    assert_eq!(
        headwords(dir.path(), "glossary.toml"),
        ["ألماتي", "قاسم جومارت توكاييف", "حالة الطوارئ", "جاناوزن"]
    );
    run_in(dir.path(), &["glossary", "check"]).success();
    assert_files(dir.path(), &["glossary.toml", "glossary.toml.lock"]);
}

#[test]
fn add_refuses_a_spelling_already_present_after_normalization() {
    let dir = desk_dir();
    let original = fixture("desk.toml");
    // (arguments, the message, which names the existing entry at its `ar` line)
    let almaty = "glossary.toml:11:1: ";
    let tokayev = "glossary.toml:19:1: ";
    let emergency = "glossary.toml:30:1: ";
    let cases: Vec<(Vec<&str>, String)> = vec![
        // أ / ا
        (
            vec!["الماتي", "Almaty"],
            format!(
                "{almaty}'الماتي' is already in the glossary as 'ألماتي' (Almaty), the same \
                 once normalized"
            ),
        ),
        // ى / ي
        (
            vec!["ألماتى", "Alma-Ata"],
            format!(
                "{almaty}'ألماتى' is already in the glossary as 'ألماتي' (Almaty), the same \
                 once normalized"
            ),
        ),
        // ة / ه
        (
            vec!["حاله الطوارئ", "emergency"],
            format!(
                "{emergency}'حاله الطوارئ' is already in the glossary as 'حالة الطوارئ' (state \
                 of emergency), the same once normalized"
            ),
        ),
        // diacritics, on a variant
        (
            vec!["تُوكاييف", "Tokayev"],
            format!(
                "{tokayev}'تُوكاييف' is already in the glossary as 'توكاييف', a spelling of \
                 'قاسم جومارت توكاييف' (Kassym-Jomart Tokayev)"
            ),
        ),
        // the very same spelling, as a variant
        (
            vec!["آلماتا", "Almaty"],
            format!(
                "{almaty}'آلماتا' is already in the glossary as a spelling of 'ألماتي' (Almaty)"
            ),
        ),
        // a new headword whose --variant is known
        (
            vec!["ألما آتا", "Alma-Ata", "--variant", "آلماتا"],
            format!(
                "{almaty}'آلماتا' is already in the glossary as a spelling of 'ألماتي' (Almaty)"
            ),
        ),
    ];
    for (args, message) in cases {
        let mut full = vec!["glossary", "add"];
        full.extend(&args);
        let out = run_in(dir.path(), &full).failure(2);
        assert_one_error_line(&out);
        out.stderr_has(&message);
        out.stderr_has("use --variant-of to add a spelling");
        assert_eq!(
            read(dir.path(), "glossary.toml"),
            original,
            "{args:?}: unchanged"
        );
        assert_files(dir.path(), &["glossary.toml", "glossary.toml.lock"]);
    }
}

#[test]
fn add_variant_of_adds_a_spelling_to_an_existing_entry() {
    let dir = desk_dir();
    let original = fixture("desk.toml");
    // Found by a variant; a one-line array.
    run_in(
        dir.path(),
        &["glossary", "add", "ألما آتا", "", "--variant-of", "آلماتا"],
    )
    .success()
    .stderr_has("glossary.toml: added 'ألما آتا' as a spelling of 'ألماتي'");
    // Found by its normalized headword; a multi-line array with a comment.
    run_in(
        dir.path(),
        &[
            "glossary",
            "add",
            "قاسم جومرد توكاييف",
            "Kassym-Jomart Tokayev",
            "--variant-of",
            "قاسم جومارت توكاييف",
        ],
    )
    .success()
    .stderr_has("added 'قاسم جومرد توكاييف' as a spelling of 'قاسم جومارت توكاييف'");
    // An entry without variants gets a `variants` line.
    run_in(
        dir.path(),
        &[
            "glossary",
            "add",
            "حالة طوارئ",
            "",
            "--variant-of",
            "حاله الطوارئ",
        ],
    )
    .success();

    let expected = original
        .replace(
            "variants = [\"آلماتا\"]",
            "variants = [\"آلماتا\", \"ألما آتا\"]",
        )
        .replace(
            "    \"توكاييف\",   # the short form used in headlines\n",
            "    \"توكاييف\",   # the short form used in headlines\n    \"قاسم جومرد توكاييف\",\n",
        )
        .replace(
            "kind = \"term\"\n",
            "kind = \"term\"\nvariants = [\"حالة طوارئ\"]\n",
        );
    assert_eq!(read(dir.path(), "glossary.toml"), expected);

    let entries = list_jsonl(dir.path(), "glossary.toml");
    assert_eq!(entries.len(), 3);
    assert_eq!(
        entries[0]["variants"],
        serde_json::json!(["آلماتا", "ألما آتا"])
    );
    assert_eq!(
        entries[1]["variants"],
        serde_json::json!(["توكاييف", "قاسم جومرد توكاييف"])
    );

    // The new spelling is found by gloss.
    put(
        dir.path(),
        "a.txt",
        "عاد الهدوء إلى ألما آتا بعد أسبوع من الاضطرابات.\n",
    );
    let out = run_in(dir.path(), &["gloss", "a.txt", "--format", "jsonl"]).success();
    let hits = parse_gloss(&out.stdout);
    assert_eq!(hits.len(), 1, "{hits:?}");
    assert_eq!(
        (hits[0].surface.as_str(), hits[0].en.as_str()),
        ("ألما آتا", "Almaty")
    );

    // A different English is refused, and so is a spelling of another entry.
    let before = read(dir.path(), "glossary.toml");
    let out = run_in(
        dir.path(),
        &[
            "glossary",
            "add",
            "ألمآتا",
            "Tokyo",
            "--variant-of",
            "ألماتي",
        ],
    )
    .failure(2);
    assert_one_error_line(&out);
    out.stderr_has("glossary.toml:11:1: 'ألماتي' is 'Almaty' in the glossary, not 'Tokyo'");
    let out = run_in(
        dir.path(),
        &["glossary", "add", "توكاييف", "", "--variant-of", "ألماتي"],
    )
    .failure(2);
    out.stderr_has(
        "'توكاييف' is already in the glossary as a spelling of 'قاسم جومارت توكاييف' \
         (Kassym-Jomart Tokayev); a spelling can belong to one entry only",
    );
    let out = run_in(
        dir.path(),
        &["glossary", "add", "بنغازي", "", "--variant-of", "طرابلس"],
    )
    .failure(2);
    out.stderr_has("'طرابلس' is not in the glossary (as a headword or a variant)");
    assert_eq!(read(dir.path(), "glossary.toml"), before);
    assert_files(
        dir.path(),
        &["a.txt", "glossary.toml", "glossary.toml.lock"],
    );
}

#[test]
fn glossary_flag_is_accepted_after_every_subcommand() {
    let dir = temp();
    copy_fixture(dir.path(), "desk.toml", "desk.toml");
    copy_fixture(dir.path(), "article.txt", "article.txt");
    let g = ["--glossary", "desk.toml"];
    let with = |args: &[&str]| -> Vec<String> {
        args.iter().chain(g.iter()).map(|s| s.to_string()).collect()
    };
    let commands: Vec<Vec<String>> = vec![
        with(&["glossary", "list"]),
        with(&["glossary", "check"]),
        with(&["glossary", "add", "شيمكنت", "Shymkent", "--kind", "place"]),
        with(&["glossary", "rm", "شيمكنت"]),
        with(&["glossary", "export", "--format", "csv", "-o", "desk.csv"]),
        with(&["glossary", "import", "desk.csv"]),
        with(&["glossary", "suggest", "article.txt", "--min-articles", "1"]),
        with(&["gloss", "article.txt"]),
    ];
    for args in &commands {
        let args: Vec<&str> = args.iter().map(String::as_str).collect();
        run_in(dir.path(), &args).success();
    }
    // The flag may also come before the positional arguments.
    run_in(
        dir.path(),
        &[
            "glossary",
            "add",
            "--glossary",
            "desk.toml",
            "أقتاو",
            "Aktau",
        ],
    )
    .success();
    assert_eq!(
        headwords(dir.path(), "desk.toml"),
        ["ألماتي", "قاسم جومارت توكاييف", "حالة الطوارئ", "أقتاو"]
    );
    // ./glossary.toml was never touched or created.
    assert_files(
        dir.path(),
        &["article.txt", "desk.csv", "desk.toml", "desk.toml.lock"],
    );
}

#[test]
fn add_creates_a_missing_glossary() {
    let dir = temp();
    let out = run_in(
        dir.path(),
        &[
            "glossary",
            "add",
            "كازاخستان",
            "Kazakhstan",
            "--kind",
            "place",
            "--glossary",
            "new.toml",
        ],
    )
    .success();
    out.stderr_has("new.toml: added 'كازاخستان' (Kazakhstan)");
    let text = read(dir.path(), "new.toml");
    assert!(text.starts_with('#'), "a header comment first:\n{text}");
    assert!(
        text.ends_with("[[term]]\nar = \"كازاخستان\"\nen = \"Kazakhstan\"\nkind = \"place\"\n"),
        "{text}"
    );
    run_in(dir.path(), &["glossary", "check", "--glossary", "new.toml"]).success();
    let entries = list_jsonl(dir.path(), "new.toml");
    assert_eq!(
        entries,
        [
            serde_json::json!({"ar": "كازاخستان", "en": "Kazakhstan", "kind": "place",
                            "variants": [], "note": null})
        ]
    );
    assert_files(dir.path(), &["new.toml", "new.toml.lock"]);
}

#[test]
fn rm_of_an_entry_not_in_the_glossary_fails_clearly() {
    let dir = desk_dir();
    let original = fixture("desk.toml");
    let out = run_in(dir.path(), &["glossary", "rm", "بنغازي"]).failure(2);
    assert_one_error_line(&out);
    out.stderr_has(
        "glossary.toml:1:1: 'بنغازي' is not in the glossary (as a headword or a variant)",
    );
    assert_eq!(read(dir.path(), "glossary.toml"), original);
    assert_files(dir.path(), &["glossary.toml", "glossary.toml.lock"]);

    // rm by a variant removes its entry.
    run_in(dir.path(), &["glossary", "rm", "آلماتا"])
        .success()
        .stderr_has("removed 'ألماتي' (Almaty)");
    assert_eq!(
        headwords(dir.path(), "glossary.toml"),
        ["قاسم جومارت توكاييف", "حالة الطوارئ"]
    );
}

#[cfg(unix)]
#[test]
fn add_to_a_read_only_glossary_is_refused_and_leaves_nothing_behind() {
    use std::os::unix::fs::PermissionsExt;
    let dir = desk_dir();
    let path = dir.path().join("glossary.toml");
    fs::set_permissions(&path, fs::Permissions::from_mode(0o444)).unwrap();
    let out = run_in(dir.path(), &["glossary", "add", "شيمكنت", "Shymkent"]).failure(1);
    assert_one_error_line(&out);
    out.stderr_has("glossary.toml: cannot write: the file is read-only");
    assert_eq!(read(dir.path(), "glossary.toml"), fixture("desk.toml"));
    assert_files(dir.path(), &["glossary.toml", "glossary.toml.lock"]);
}

#[cfg(unix)]
#[test]
fn io_error_messages_say_their_cause_once() {
    use std::os::unix::fs::PermissionsExt;
    let dir = desk_dir();
    let path = dir.path().join("glossary.toml");
    fs::set_permissions(&path, fs::Permissions::from_mode(0o444)).unwrap();
    let out = run_in(dir.path(), &["glossary", "add", "شيمكنت", "Shymkent"]).failure(1);
    assert_eq!(
        out.stderr.matches("make it writable").count(),
        1,
        "{}",
        out.stderr
    );
}

// ---------------------------------------------------------------------------------------------
// 4. Concurrent edits
// ---------------------------------------------------------------------------------------------

/// Twenty towns of Kazakhstan and their English names.
const TOWNS: [(&str, &str); 20] = [
    ("أستانا", "Astana"),
    ("شيمكنت", "Shymkent"),
    ("أقتاو", "Aktau"),
    ("أقتوبي", "Aktobe"),
    ("أتيراو", "Atyrau"),
    ("تاراز", "Taraz"),
    ("قاراغاندا", "Karaganda"),
    ("كوستاناي", "Kostanay"),
    ("بافلودار", "Pavlodar"),
    ("سيميي", "Semey"),
    ("أورالسك", "Oral"),
    ("قيزيلوردا", "Kyzylorda"),
    ("تالديكورغان", "Taldykorgan"),
    ("جيزقازغان", "Zhezkazgan"),
    ("إكيباستوز", "Ekibastuz"),
    ("بايكونور", "Baikonur"),
    ("تركستان", "Turkistan"),
    ("كوكشيتاو", "Kokshetau"),
    ("بتروبافلوفسك", "Petropavl"),
    ("جاناوزن", "Zhanaozen"),
];

#[test]
fn twenty_concurrent_adds_all_land() {
    let dir = desk_dir();
    let original = fixture("desk.toml");
    let children: Vec<_> = TOWNS
        .iter()
        .map(|(ar, en)| {
            Command::new(env!("CARGO_BIN_EXE_mizan"))
                .current_dir(dir.path())
                .args([
                    "glossary",
                    "add",
                    ar,
                    en,
                    "--kind",
                    "place",
                    "--glossary",
                    "glossary.toml",
                ])
                .stdout(Stdio::piped())
                .stderr(Stdio::piped())
                .spawn()
                .expect("spawn mizan")
        })
        .collect();
    for child in children {
        let output = child.wait_with_output().expect("wait for mizan");
        let stderr = String::from_utf8_lossy(&output.stderr);
        assert!(!stderr.contains("panicked"), "{stderr}");
        assert!(output.status.success(), "an add failed: {stderr}");
    }
    let text = read(dir.path(), "glossary.toml");
    assert!(text.starts_with(&original), "the hand-written part is kept");
    run_in(dir.path(), &["glossary", "check"])
        .success()
        .stderr_has("glossary.toml: 23 entries, no problems");
    let entries = list_jsonl(dir.path(), "glossary.toml");
    assert_eq!(entries.len(), 23);
    let mut added: Vec<(String, String)> = entries[3..]
        .iter()
        .map(|e| {
            (
                e["ar"].as_str().unwrap().to_string(),
                e["en"].as_str().unwrap().to_string(),
            )
        })
        .collect();
    added.sort();
    let mut expected: Vec<(String, String)> = TOWNS
        .iter()
        .map(|(a, e)| (a.to_string(), e.to_string()))
        .collect();
    expected.sort();
    assert_eq!(added, expected);
    assert_files(dir.path(), &["glossary.toml", "glossary.toml.lock"]);
}

// ---------------------------------------------------------------------------------------------
// 5. glossary check
// ---------------------------------------------------------------------------------------------

#[test]
fn check_reports_collisions_shared_spellings_and_empty_fields_with_lines() {
    let dir = temp();
    copy_fixture(dir.path(), "problems.toml", "problems.toml");
    let out = run_in(
        dir.path(),
        &["glossary", "check", "--glossary", "problems.toml"],
    )
    .failure(1);
    assert!(out.stdout.is_empty());
    let expected = [
        "problems.toml:3:1: error: 'ألماتي', 'الماتى' normalize to the same form 'الماتي', so \
         matches cannot tell these entries apart: 'ألماتي' (Almaty), 'الماتى' (Alma-Ata) \
         (see also line 9)",
        "problems.toml:14:1: error: 'نور سلطان' is a spelling of 2 entries: 'نور سلطان' \
         (Nur-Sultan), 'نور سلطان نزارباييف' (Nursultan Nazarbayev) (see also line 20)",
        "problems.toml:26:1: error: entry 'جاناوزن' () has an empty 'en'",
        "error: the glossary has 3 problem(s)",
    ];
    assert_eq!(out.stderr.lines().collect::<Vec<_>>(), expected);
}

#[test]
fn check_passes_a_clean_glossary() {
    let dir = temp();
    copy_fixture(dir.path(), "exchange.toml", "glossary.toml");
    let out = run_in(dir.path(), &["glossary", "check"]).success();
    assert_eq!(out.stderr, "glossary.toml: 5 entries, no problems\n");
    assert!(out.stdout.is_empty());
}

#[test]
fn check_passes_the_repository_glossary() {
    let out = run(&["glossary", "check"]).success();
    out.stderr_has("glossary.toml: ")
        .stderr_has(" entries, no problems");
    run(&["glossary", "check", "--glossary", "glossary.toml"]).success();
}

// ---------------------------------------------------------------------------------------------
// 6. import / export
// ---------------------------------------------------------------------------------------------

/// Export exchange.toml in `format`, import the file into a new glossary, and compare.
fn round_trip(format: &str) -> TempDir {
    let dir = temp();
    copy_fixture(dir.path(), "exchange.toml", "desk.toml");
    let file = format!("desk.{format}");
    let out = run_in(
        dir.path(),
        &[
            "glossary",
            "export",
            "--format",
            format,
            "-o",
            &file,
            "--glossary",
            "desk.toml",
        ],
    )
    .success();
    assert!(out.stdout.is_empty(), "-o writes the file, not stdout");
    let out = run_in(
        dir.path(),
        &["glossary", "import", &file, "--glossary", "fresh.toml"],
    )
    .success();
    out.stderr_has(&format!(
        "fresh.toml: 5 entries added from {file}, 0 skipped"
    ));
    assert_eq!(
        list_jsonl(dir.path(), "fresh.toml"),
        list_jsonl(dir.path(), "desk.toml"),
        "{format}: every entry field survives the round trip"
    );
    run_in(
        dir.path(),
        &["glossary", "check", "--glossary", "fresh.toml"],
    )
    .success();
    assert_files(
        dir.path(),
        &[&file, "desk.toml", "fresh.toml", "fresh.toml.lock"],
    );
    dir
}

#[test]
fn round_trip_tsv() {
    let dir = round_trip("tsv");
    let tsv = read(dir.path(), "desk.tsv");
    assert_eq!(tsv.lines().next(), Some("ar\ten\tkind\tvariants\tnote"));
    assert!(
        tsv.contains("ألماتي\tAlmaty\tplace\tآلماتا|ألما آتا\tLargest city, capital until 1997\n")
    );
}

#[test]
fn round_trip_csv() {
    let dir = round_trip("csv");
    let csv = read(dir.path(), "desk.csv");
    assert!(csv.starts_with("ar,en,kind,variants,note\r\n"));
    assert!(csv.contains(
        ",org,معاهدة الأمن الجماعي,\"Sent \"\"peacekeepers\"\" on 6 January, began withdrawing on 13 January\"\r\n"
    ));
}

#[test]
fn round_trip_tbx() {
    let dir = round_trip("tbx");
    let tbx = read(dir.path(), "desk.tbx");
    for part in [
        "<martif type=\"TBX-Basic\"",
        "<title>Kazakhstan desk</title>",
        "<descrip type=\"subjectField\">person</descrip>",
        "<term>سالتانات أزيربك</term>",
        "<termNote type=\"termType\">variant</termNote>",
    ] {
        assert!(tbx.contains(part), "{part} in:\n{tbx}");
    }
}

#[test]
fn round_trip_tbx_keeps_meta() {
    let dir = round_trip("tbx");
    let fresh = read(dir.path(), "fresh.toml");
    for line in [
        "[meta]",
        "name = \"Kazakhstan desk\"",
        "description = \"The January 2022 unrest in Kazakhstan\"",
        "maintainer = \"night shift\"",
        "updated = \"2022-01-11\"",
    ] {
        assert!(fresh.contains(line), "{line} in fresh.toml:\n{fresh}");
    }
    let original = run_in(
        dir.path(),
        &[
            "glossary",
            "export",
            "--format",
            "tbx",
            "--glossary",
            "desk.toml",
        ],
    )
    .success();
    let again = run_in(
        dir.path(),
        &[
            "glossary",
            "export",
            "--format",
            "tbx",
            "--glossary",
            "fresh.toml",
        ],
    )
    .success();
    assert_eq!(again.stdout, original.stdout);
}

#[test]
fn export_to_stdout_and_to_a_file_agree() {
    let dir = temp();
    copy_fixture(dir.path(), "exchange.toml", "glossary.toml");
    for format in ["tsv", "csv", "tbx"] {
        let out = run_in(dir.path(), &["glossary", "export", "--format", format]).success();
        assert!(out.stderr.is_empty(), "{}", out.stderr);
        let file = format!("out.{format}");
        run_in(
            dir.path(),
            &["glossary", "export", "--format", format, "--output", &file],
        )
        .success();
        assert_eq!(read(dir.path(), &file), out.stdout, "{format}");
    }
    // The default format is TSV.
    let out = run_in(dir.path(), &["glossary", "export"]).success();
    assert_eq!(out.stdout, read(dir.path(), "out.tsv"));
    assert_files(
        dir.path(),
        &["glossary.toml", "out.csv", "out.tbx", "out.tsv"],
    );
}

#[test]
fn import_skips_entries_already_present_and_adds_the_rest() {
    let dir = temp();
    copy_fixture(dir.path(), "exchange.toml", "full.toml");
    run_in(
        dir.path(),
        &[
            "glossary",
            "export",
            "--format",
            "csv",
            "-o",
            "desk.csv",
            "--glossary",
            "full.toml",
        ],
    )
    .success();
    // Two of the five entries are here already, spelled a little differently.
    let part = "# part of the desk glossary\n\n[[term]]\nar = \"الماتى\"\nen = \"Almaty\"\n\
                kind = \"place\"\n\n[[term]]\nar = \"حاله الطوارئ\"\nen = \"state of emergency\"\n";
    put(dir.path(), "part.toml", part);
    let out = run_in(
        dir.path(),
        &["glossary", "import", "desk.csv", "--glossary", "part.toml"],
    )
    .success();
    out.stderr_has(
        "skipped 'ألماتي' (Almaty): 'ألماتي' is already in the glossary as 'الماتى' (Almaty)",
    )
    .stderr_has(
        "skipped 'حالة الطوارئ' (state of emergency): 'حالة الطوارئ' is already in the \
         glossary as 'حاله الطوارئ' (state of emergency)",
    )
    .stderr_has("part.toml: 3 entries added from desk.csv, 2 skipped");
    let text = read(dir.path(), "part.toml");
    assert!(text.starts_with(part), "the existing file is kept");
    assert_eq!(
        headwords(dir.path(), "part.toml"),
        [
            "الماتى",
            "حاله الطوارئ",
            "منظمة معاهدة الأمن الجماعي",
            "سلطانات أزيربك",
            "جاناوزن"
        ]
    );
    // Importing again adds nothing and changes nothing.
    let out = run_in(
        dir.path(),
        &["glossary", "import", "desk.csv", "--glossary", "part.toml"],
    )
    .success();
    out.stderr_has("part.toml: 0 entries added from desk.csv, 5 skipped");
    assert_eq!(read(dir.path(), "part.toml"), text);
    assert_files(
        dir.path(),
        &["desk.csv", "full.toml", "part.toml", "part.toml.lock"],
    );
}

#[test]
fn import_of_a_malformed_csv_is_refused_with_its_place() {
    let dir = temp();
    copy_fixture(dir.path(), "desk.toml", "glossary.toml");
    let original = fixture("desk.toml");
    // An unknown column in the header.
    put(dir.path(), "bad.csv", "ar,en,type\nشيمكنت,Shymkent,place\n");
    let out = run_in(dir.path(), &["glossary", "import", "bad.csv"]).failure(2);
    assert_one_error_line(&out);
    out.stderr_has(
        "bad.csv:1:7: unknown column 'type' (column 3); expected ar, en, kind, variants, note",
    );
    // A stray quote on line 3.
    put(
        dir.path(),
        "quote.csv",
        "ar,en\nشيمكنت,Shymkent\nأقتاو,\"Aktau\"x\n",
    );
    let out = run_in(dir.path(), &["glossary", "import", "quote.csv"]).failure(2);
    assert_one_error_line(&out);
    out.stderr_has("quote.csv:3:14: bad quoting: 'x' after the closing quote of a field");
    // Nothing was added, and a missing glossary is not created by a failed import.
    assert_eq!(read(dir.path(), "glossary.toml"), original);
    run_in(
        dir.path(),
        &["glossary", "import", "bad.csv", "--glossary", "none.toml"],
    )
    .failure(2);
    assert_files(dir.path(), &["bad.csv", "glossary.toml", "quote.csv"]);
}

// ---------------------------------------------------------------------------------------------
// 7. glossary suggest
// ---------------------------------------------------------------------------------------------

#[test]
fn suggest_lists_uncovered_phrases_of_the_sample_corpus() {
    let out = run(&[
        "glossary",
        "suggest",
        "examples/kazakhstan",
        "--glossary",
        "glossary.toml",
    ])
    .success();
    let mut lines = out.stdout.lines();
    assert_eq!(
        lines.next(),
        Some("Uncovered words and phrases, by the number of articles using them:")
    );
    // `  N articles  M×  phrase`, with N at least --min-articles (2) and never increasing.
    let mut rows = Vec::new();
    for line in lines.by_ref() {
        if line.is_empty() {
            break;
        }
        let (articles, rest) = line
            .trim_start()
            .split_once(" articles")
            .unwrap_or_else(|| panic!("a phrase row: {line:?}"));
        let articles: usize = articles.parse().expect("an article count");
        let (_, phrase) = rest
            .split_once('×')
            .unwrap_or_else(|| panic!("a phrase row: {line:?}"));
        rows.push((articles, phrase.trim().to_string()));
    }
    assert!(!rows.is_empty(), "some phrases:\n{}", out.stdout);
    assert!(rows.len() <= 50, "--limit defaults to 50");
    assert!(rows.iter().all(|(n, _)| (2..=6).contains(n)), "{rows:?}");
    assert!(
        rows.windows(2).all(|w| w[0].0 >= w[1].0),
        "ranked: {rows:?}"
    );
    // Covered names are not suggested.
    for (_, phrase) in &rows {
        assert!(
            !ALMATY_SPELLINGS.contains(&phrase.as_str()),
            "{phrase} is in the glossary"
        );
    }
    // The second section, when present, has its heading.
    if let Some(heading) = lines.next() {
        assert_eq!(heading, "Spellings that may be variants of one name:");
    }
}

// ---------------------------------------------------------------------------------------------
// 8. glossary list
// ---------------------------------------------------------------------------------------------

#[test]
fn list_text_snapshot() {
    let dir = temp();
    copy_fixture(dir.path(), "exchange.toml", "glossary.toml");
    let out = run_in(dir.path(), &["glossary", "list"]).success();
    assert!(out.stderr.is_empty(), "{}", out.stderr);
    assert_eq!(out.stdout.lines().count(), 5);
    insta::assert_snapshot!("list_text", out.stdout);
}

#[test]
fn list_jsonl_has_every_field_of_every_entry() {
    let dir = temp();
    copy_fixture(dir.path(), "exchange.toml", "glossary.toml");
    let entries = list_jsonl(dir.path(), "glossary.toml");
    assert_eq!(entries.len(), 5);
    for entry in &entries {
        let mut keys: Vec<&str> = entry
            .as_object()
            .expect("an object")
            .keys()
            .map(String::as_str)
            .collect();
        keys.sort_unstable();
        assert_eq!(keys, ["ar", "en", "kind", "note", "variants"]);
    }
    assert_eq!(
        entries[0],
        serde_json::json!({
            "ar": "ألماتي", "en": "Almaty", "kind": "place",
            "variants": ["آلماتا", "ألما آتا"], "note": "Largest city, capital until 1997"
        })
    );
    assert_eq!(
        entries[1]["note"],
        "Sent \"peacekeepers\" on 6 January, began withdrawing on 13 January"
    );
    assert_eq!(
        entries[2],
        serde_json::json!({
            "ar": "حالة الطوارئ", "en": "state of emergency", "kind": null,
            "variants": [], "note": null
        })
    );
}
