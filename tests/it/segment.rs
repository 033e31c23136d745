//! `mizan segment`: the sample corpus (byte spans, document order, kinds, snapshots), one
//! fixture per segmentation rule, every bad input (encodings, BOM, CRLF, empty and binary
//! files, missing paths, bidi controls), a closed pipe, and the help text. Reading input is
//! shared by every command; it is tested here, through `mizan segment`.

use crate::util::{self, Sentence, check_spans, manifest_dir, run, run_in, sample_dir, temp};
use std::collections::BTreeMap;
use std::fs;
use std::io::{BufRead, BufReader, Read};
use std::path::Path;
use std::process::Stdio;

/// The six articles of the sample corpus, in sorted path order.
const SAMPLE_ARTICLES: [&str; 6] = [
    "01_caspian-wire.txt",
    "02_steppe-daily.md",
    "03_dune-evening.txt",
    "04_cedar-ledger.md",
    "05_delta-online.txt",
    "06_minaret-weekly.md",
];

/// "قتلى في ألماتي." in windows-1256.
const CP1256_ARABIC: &[u8] = &[
    0xDE, 0xCA, 0xE1, 0xEC, 0x20, 0xDD, 0xED, 0x20, 0xC3, 0xE1, 0xE3, 0xC7, 0xCA, 0xED, 0x2E,
];
const CP1256_ARABIC_DECODED: &str = "قتلى في ألماتي.";

fn write(dir: &Path, name: &str, bytes: impl AsRef<[u8]>) {
    let path = dir.join(name);
    if let Some(parent) = path.parent() {
        fs::create_dir_all(parent).expect("create folder");
    }
    fs::write(path, bytes).expect("write fixture");
}

/// Sentences grouped by document, in the order the documents first appear.
fn by_doc(sentences: &[Sentence]) -> Vec<(String, Vec<&Sentence>)> {
    let mut docs: Vec<(String, Vec<&Sentence>)> = Vec::new();
    for s in sentences {
        match docs.last_mut() {
            Some((doc, list)) if *doc == s.doc => list.push(s),
            _ => {
                assert!(
                    docs.iter().all(|(d, _)| *d != s.doc),
                    "sentences of {} are not contiguous",
                    s.doc
                );
                docs.push((s.doc.clone(), vec![s]));
            }
        }
    }
    docs
}

fn file_name(doc: &str) -> &str {
    doc.rsplit('/').next().unwrap_or(doc)
}

// ---------------------------------------------------------------------------------------------
// 1. The sample corpus
// ---------------------------------------------------------------------------------------------

#[test]
fn sample_corpus_jsonl_spans_are_byte_slices_of_each_document() {
    let out = run(&["segment", "--format", "jsonl", "examples/kazakhstan"]).success();
    assert!(out.stderr.is_empty(), "no warnings: {}", out.stderr);
    let sentences = out.jsonl();
    let docs = by_doc(&sentences);
    assert_eq!(
        docs.len(),
        SAMPLE_ARTICLES.len(),
        "every article is segmented"
    );
    for (doc, list) in &docs {
        let text = fs::read_to_string(manifest_dir().join(doc)).expect("read the document");
        check_spans(doc, &text, list);
        for s in list {
            assert!(
                ["body", "headline", "byline", "meta"].contains(&s.kind.as_str()),
                "{doc}: unknown kind {:?}",
                s.kind
            );
        }
    }
}

#[test]
fn sample_corpus_documents_come_in_sorted_path_order() {
    let out = run(&["segment", "--format", "jsonl", "examples/kazakhstan"]).success();
    let sentences = out.jsonl();
    let ids: Vec<String> = by_doc(&sentences).into_iter().map(|(d, _)| d).collect();
    // Both .txt and .md files are read; ids are the paths as walked from the given folder.
    let expected: Vec<String> = SAMPLE_ARTICLES
        .iter()
        .map(|name| format!("examples/kazakhstan/{name}"))
        .collect();
    assert_eq!(ids, expected);
    // The order is the file system's sorted order, not the order of creation.
    let mut on_disk: Vec<String> = fs::read_dir(sample_dir())
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|n| n.ends_with(".txt") || n.ends_with(".md"))
        .collect();
    on_disk.sort();
    assert_eq!(
        on_disk, SAMPLE_ARTICLES,
        "the folder holds the six articles only"
    );
}

#[test]
fn a_folder_is_walked_recursively_in_sorted_order() {
    let tmp = temp();
    write(tmp.path(), "in/b.md", "خبر ب.\n");
    write(tmp.path(), "in/a/z.txt", "خبر أ ز.\n");
    write(tmp.path(), "in/a/y.txt", "خبر أ ي.\n");
    write(tmp.path(), "in/c.txt", "خبر ج.\n");
    write(tmp.path(), "in/notes.csv", "ليس خبرا.\n");
    let out = run_in(tmp.path(), &["segment", "--format", "jsonl", "in"]).success();
    let docs: Vec<String> = out.jsonl().into_iter().map(|s| s.doc).collect();
    assert_eq!(docs, ["in/a/y.txt", "in/a/z.txt", "in/b.md", "in/c.txt"]);
    // A file named on the command line is read whatever its extension.
    let named = run_in(
        tmp.path(),
        &["segment", "--format", "jsonl", "in/notes.csv"],
    )
    .success();
    assert_eq!(named.jsonl()[0].text, "ليس خبرا.");
}

#[test]
fn front_matter_of_md_articles_is_not_segmented() {
    for name in [
        "02_steppe-daily.md",
        "04_cedar-ledger.md",
        "06_minaret-weekly.md",
    ] {
        let rel = format!("examples/kazakhstan/{name}");
        let out = run(&["segment", "--format", "jsonl", &rel]).success();
        let sentences = out.jsonl();
        let text = fs::read_to_string(sample_dir().join(name)).unwrap();
        let body = util::body_start(&text);
        assert!(body > 0, "{name} has front matter");
        let first = sentences.first().expect("sentences");
        assert_eq!(
            first.start, body,
            "{name}: the first sentence opens the body"
        );
        for s in &sentences {
            for key in ["outlet:", "date:", "title:", "---"] {
                assert!(
                    !s.text.contains(key),
                    "{name}: front matter in {:?}",
                    s.text
                );
            }
        }
    }
}

#[test]
fn sample_corpus_kinds_of_headlines_and_bylines() {
    let out = run(&["segment", "--format", "jsonl", "examples/kazakhstan"]).success();
    let sentences = out.jsonl();
    let kinds_of = |name: &str| -> Vec<(String, String)> {
        sentences
            .iter()
            .filter(|s| file_name(&s.doc) == name)
            .filter(|s| s.kind != "body")
            .map(|s| (s.kind.clone(), s.text.clone()))
            .collect()
    };
    let dune = kinds_of("03_dune-evening.txt");
    let pairs: Vec<(&str, &str)> = dune.iter().map(|(k, t)| (k.as_str(), t.as_str())).collect();
    assert_eq!(
        pairs,
        [
            (
                "headline",
                "طلائع قوات حفظ السلام تصل إلى كازاخستان وسط انقطاع شامل للإنترنت"
            ),
            ("byline", "إعداد: ريم الخطيب"),
            ("byline", "تحرير: سامر الحداد"),
        ]
    );
    // Front matter articles have no headline line: the title is metadata.
    assert!(kinds_of("02_steppe-daily.md").is_empty());
}

#[test]
fn ext_option_limits_the_files_read_from_folders() {
    let out = run(&[
        "segment",
        "--format",
        "jsonl",
        "--ext",
        "txt",
        "examples/kazakhstan",
    ])
    .success();
    let sentences = out.jsonl();
    let ids: Vec<String> = by_doc(&sentences).into_iter().map(|(d, _)| d).collect();
    assert_eq!(
        ids,
        [
            "examples/kazakhstan/01_caspian-wire.txt",
            "examples/kazakhstan/03_dune-evening.txt",
            "examples/kazakhstan/05_delta-online.txt",
        ]
    );
}

// ---------------------------------------------------------------------------------------------
// 2. Snapshots of the sample corpus
// ---------------------------------------------------------------------------------------------

#[test]
fn snapshot_text_caspian_wire() {
    let out = run(&[
        "segment",
        "--format",
        "text",
        "examples/kazakhstan/01_caspian-wire.txt",
    ])
    .success();
    assert!(out.stderr.is_empty(), "no warnings: {}", out.stderr);
    insta::assert_snapshot!("segment_text_01_caspian_wire", out.stdout);
}

#[test]
fn snapshot_jsonl_steppe_daily() {
    let out = run(&[
        "segment",
        "--format",
        "jsonl",
        "examples/kazakhstan/02_steppe-daily.md",
    ])
    .success();
    assert!(out.stderr.is_empty(), "no warnings: {}", out.stderr);
    insta::assert_snapshot!("segment_jsonl_02_steppe_daily", out.stdout);
}

// ---------------------------------------------------------------------------------------------
// 3. One fixture per segmentation rule
// ---------------------------------------------------------------------------------------------

#[test]
fn segmentation_fixtures() {
    let dir = manifest_dir().join("tests/fixtures/segment");
    let mut names: Vec<String> = fs::read_dir(&dir)
        .expect("fixture folder")
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|n| n.ends_with(".txt"))
        .collect();
    names.sort();
    assert!(names.len() >= 8, "fixtures found: {names:?}");
    for name in &names {
        let rel = format!("tests/fixtures/segment/{name}");
        let text_out = run(&["segment", "--format", "text", &rel]).success();
        assert!(text_out.stderr.is_empty(), "{name}: {}", text_out.stderr);

        // The spans behind the text view are right, whatever the boundaries.
        let jsonl_out = run(&["segment", "--format", "jsonl", &rel]).success();
        let sentences = jsonl_out.jsonl();
        let text = fs::read_to_string(dir.join(name)).unwrap();
        check_spans(name, &text, &sentences.iter().collect::<Vec<_>>());
        let header = format!("{rel} ({} sentences)", sentences.len());
        assert_eq!(text_out.stdout.lines().next(), Some(header.as_str()));
        assert_eq!(text_out.stdout.lines().count(), sentences.len() + 1);

        let stem = name.trim_end_matches(".txt");
        insta::assert_snapshot!(format!("fixture_{stem}"), text_out.stdout);
    }
}

// ---------------------------------------------------------------------------------------------
// 4. Bad input
// ---------------------------------------------------------------------------------------------

/// An ASCII first line, then windows-1256 Arabic: the first bad byte is at offset 9, line 2,
/// column 7.
fn write_legacy(dir: &Path) {
    let mut bytes = b"AP\n12:30 ".to_vec();
    bytes.extend_from_slice(CP1256_ARABIC);
    bytes.push(b'\n');
    write(dir, "legacy.txt", bytes);
}

#[test]
fn non_utf8_file_names_position_and_suggests_windows_1256() {
    let tmp = temp();
    write_legacy(tmp.path());
    let out = run_in(tmp.path(), &["segment", "legacy.txt"]).failure(1);
    out.stderr_has("legacy.txt:2:7:")
        .stderr_has("not valid UTF-8")
        .stderr_has("byte offset 9")
        .stderr_has("--encoding windows-1256");
    assert!(out.stdout.is_empty(), "nothing printed for a failed run");
}

#[test]
fn encoding_windows_1256_decodes_a_legacy_file() {
    let tmp = temp();
    write_legacy(tmp.path());
    let out = run_in(
        tmp.path(),
        &[
            "segment",
            "--format",
            "jsonl",
            "--encoding",
            "windows-1256",
            "legacy.txt",
        ],
    )
    .success();
    assert!(out.stderr.is_empty(), "no warning: {}", out.stderr);
    let texts: Vec<String> = out.jsonl().into_iter().map(|s| s.text).collect();
    assert_eq!(texts, ["AP", &format!("12:30 {CP1256_ARABIC_DECODED}")]);
    // Names are case-insensitive, and cp1256 is an alias.
    let alias = run_in(
        tmp.path(),
        &["segment", "--encoding", "CP1256", "legacy.txt"],
    )
    .success();
    assert!(alias.stdout.contains(CP1256_ARABIC_DECODED));
}

#[test]
fn encoding_auto_guesses_windows_1256_and_says_so() {
    let tmp = temp();
    write_legacy(tmp.path());
    let out = run_in(tmp.path(), &["segment", "--encoding", "auto", "legacy.txt"]).success();
    assert!(out.stdout.contains(CP1256_ARABIC_DECODED), "{}", out.stdout);
    out.stderr_has("warning: legacy.txt:")
        .stderr_has("decoded as windows-1256");
    // A UTF-8 file is read as UTF-8, without a warning.
    write(tmp.path(), "utf8.txt", "أعلنت الشرطة الخميس حصيلة جديدة.\n");
    let utf8 = run_in(tmp.path(), &["segment", "--encoding", "auto", "utf8.txt"]).success();
    assert!(utf8.stderr.is_empty(), "{}", utf8.stderr);
    assert!(utf8.stdout.contains("أعلنت الشرطة الخميس حصيلة جديدة."));
}

#[test]
fn iso_8859_6_reports_an_unmapped_byte_with_its_position() {
    let tmp = temp();
    write_legacy(tmp.path());
    // 0xDE (ق in windows-1256) is unmapped in ISO-8859-6: byte 9, line 2, column 7.
    let out = run_in(
        tmp.path(),
        &["segment", "--encoding", "iso-8859-6", "legacy.txt"],
    )
    .failure(1);
    out.stderr_has("legacy.txt:2:7:")
        .stderr_has("not valid ISO-8859-6")
        .stderr_has("byte offset 9");
}

#[test]
fn utf8_bom_is_dropped() {
    let tmp = temp();
    let mut bytes = b"\xEF\xBB\xBF".to_vec();
    bytes.extend_from_slice("أعلنت الحكومة حالة الطوارئ. وأغلقت المطار.\n".as_bytes());
    write(tmp.path(), "bom.txt", bytes);
    let out = run_in(tmp.path(), &["segment", "--format", "jsonl", "bom.txt"]).success();
    let sentences = out.jsonl();
    assert_eq!(sentences.len(), 2);
    assert_eq!(
        sentences[0].start, 0,
        "offsets are into the text without the BOM"
    );
    assert_eq!(sentences[0].text, "أعلنت الحكومة حالة الطوارئ.");
    let decoded = "أعلنت الحكومة حالة الطوارئ. وأغلقت المطار.\n";
    check_spans("bom.txt", decoded, &sentences.iter().collect::<Vec<_>>());
    assert!(!out.stdout.contains('\u{FEFF}'), "no BOM in the output");
    let text_out = run_in(tmp.path(), &["segment", "bom.txt"]).success();
    assert!(!text_out.stdout.contains('\u{FEFF}'));
    assert!(
        text_out.stdout.contains("   0  1:1\tأعلنت"),
        "{}",
        text_out.stdout
    );
}

#[test]
fn non_utf8_after_bom_reports_the_file_offset() {
    let tmp = temp();
    let mut bytes = b"\xEF\xBB\xBFAP\n12:30 ".to_vec();
    bytes.extend_from_slice(CP1256_ARABIC);
    write(tmp.path(), "bom-legacy.txt", bytes);
    let out = run_in(tmp.path(), &["segment", "bom-legacy.txt"]).failure(1);
    out.stderr_has("bom-legacy.txt:2:7:")
        .stderr_has("byte offset 12");
}

#[test]
fn crlf_line_endings_stay_out_of_sentences() {
    let tmp = temp();
    let text = "طلائع القوات تصل إلى ألماتي\r\n\
                وصلت أولى الطائرات الروسية صباح الجمعة. وتلتها طائرات أخرى.\r\n\
                \r\n\
                وقال الناطق باسم الحلف:\r\n\
                «المهمة مؤقتة».\r\n";
    write(tmp.path(), "crlf.txt", text);
    let out = run_in(tmp.path(), &["segment", "--format", "jsonl", "crlf.txt"]).success();
    let sentences = out.jsonl();
    check_spans("crlf.txt", text, &sentences.iter().collect::<Vec<_>>());
    let view: Vec<(&str, &str)> = sentences
        .iter()
        .map(|s| (s.kind.as_str(), s.text.as_str()))
        .collect();
    assert_eq!(
        view,
        [
            ("headline", "طلائع القوات تصل إلى ألماتي"),
            ("body", "وصلت أولى الطائرات الروسية صباح الجمعة."),
            ("body", "وتلتها طائرات أخرى."),
            ("body", "وقال الناطق باسم الحلف:\r\n«المهمة مؤقتة»."),
        ]
    );
    for s in &sentences {
        assert!(!s.text.ends_with('\r'), "{:?} ends with CR", s.text);
    }
    let text_out = run_in(tmp.path(), &["segment", "crlf.txt"]).success();
    assert!(
        !text_out.stdout.contains('\r'),
        "text view is one line per sentence"
    );
}

#[test]
fn empty_and_blank_files_in_a_folder_are_skipped_with_a_warning() {
    let tmp = temp();
    write(tmp.path(), "news/a_empty.txt", "");
    write(tmp.path(), "news/b_blank.md", " \n\t\r\n\n");
    write(
        tmp.path(),
        "news/c_article.txt",
        "أعادت السلطات الإنترنت جزئيا. وفتحت المصارف.\n",
    );
    let out = run_in(tmp.path(), &["segment", "--format", "jsonl", "news"]).success();
    out.stderr_has("warning: news/a_empty.txt: empty file")
        .stderr_has("warning: news/b_blank.md: empty file");
    assert!(!out.stderr.contains("c_article"), "{}", out.stderr);
    let sentences = out.jsonl();
    let docs: Vec<&str> = sentences.iter().map(|s| s.doc.as_str()).collect();
    assert_eq!(docs, ["news/c_article.txt", "news/c_article.txt"]);
    assert_eq!(sentences[1].text, "وفتحت المصارف.");
}

#[test]
fn nothing_but_empty_files_is_an_error() {
    // Each empty file is named in a warning, and a run with no article text at all fails, as a
    // folder without articles does.
    let tmp = temp();
    write(tmp.path(), "empty.txt", "");
    write(tmp.path(), "blank.txt", " \n\t\n");
    let out = run_in(tmp.path(), &["segment", "empty.txt", "blank.txt"]).failure(1);
    out.stderr_has("empty.txt: empty file, skipped")
        .stderr_has("blank.txt: empty file, skipped")
        .stderr_has("no article text to read in empty.txt, blank.txt");
    assert!(out.stdout.is_empty(), "{}", out.stdout);
}

#[test]
fn binary_file_is_refused() {
    let tmp = temp();
    write(
        tmp.path(),
        "photo.txt",
        b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR",
    );
    let out = run_in(tmp.path(), &["segment", "photo.txt"]).failure(1);
    out.stderr_has("photo.txt").stderr_has("binary");
    assert!(out.stdout.is_empty());
}

#[test]
fn a_bad_file_in_a_folder_is_skipped_and_named_unless_strict() {
    let tmp = temp();
    write(tmp.path(), "in/a.txt", "خبر سليم.\n");
    write(tmp.path(), "in/b.txt", b"PK\x03\x04\x00\x00");
    write(tmp.path(), "in/c.txt", b"\xC7\xE1\xCE\xC8\xD1\n");
    let out = run_in(tmp.path(), &["segment", "in"]).success();
    out.stderr_has("in/b.txt: binary file")
        .stderr_has("in/c.txt:1:1: not valid UTF-8");
    assert!(
        out.stdout.contains("in/a.txt") && !out.stdout.contains("in/b.txt"),
        "{}",
        out.stdout
    );
    let out = run_in(tmp.path(), &["segment", "--strict", "in"]).failure(1);
    out.stderr_has("in/b.txt").stderr_has("binary");
    // A file named on the command line is never skipped.
    run_in(tmp.path(), &["segment", "in/a.txt", "in/b.txt"])
        .failure(1)
        .stderr_has("in/b.txt: binary file");
}

#[test]
fn missing_path_is_named() {
    let tmp = temp();
    let out = run_in(tmp.path(), &["segment", "no-such-article.txt"]).failure(1);
    out.stderr_has("no-such-article.txt")
        .stderr_has("no such file or directory");
}

#[test]
fn folder_without_articles_names_folder_and_extensions() {
    let tmp = temp();
    write(tmp.path(), "data/figures.csv", "a,b\n1,2\n");
    write(tmp.path(), "data/.hidden.txt", "نص مخفي.\n");
    let out = run_in(tmp.path(), &["segment", "data"]).failure(1);
    out.stderr_has("data: no articles found")
        .stderr_has(".txt")
        .stderr_has(".md");
    let custom = run_in(tmp.path(), &["segment", "--ext", "html", "data"]).failure(1);
    custom.stderr_has("data").stderr_has(".html");
}

#[test]
fn unknown_encoding_is_a_usage_error_listing_valid_names() {
    let tmp = temp();
    write(tmp.path(), "a.txt", "نص.\n");
    let out = run_in(tmp.path(), &["segment", "--encoding", "latin1", "a.txt"]).failure(2);
    out.stderr_has("latin1");
    for name in ["utf-8", "windows-1256", "iso-8859-6", "auto"] {
        out.stderr_has(name);
    }
    assert!(out.stdout.is_empty());
}

#[test]
fn missing_path_argument_is_a_usage_error() {
    let tmp = temp();
    let out = run_in(tmp.path(), &["segment"]).failure(2);
    out.stderr_has("<PATH>");
}

#[test]
fn bidi_override_is_reported_with_line_and_column() {
    let tmp = temp();
    let text = "أعلنت الشرطة توقيف مشتبه بهم.\nونشر حساب \u{202E}مجهول\u{202C} صورا من الساحة.\n";
    write(tmp.path(), "bidi.txt", text);
    let out = run_in(tmp.path(), &["segment", "--format", "jsonl", "bidi.txt"]).success();
    out.stderr_has("warning: bidi.txt:2:11:")
        .stderr_has("2 bidi control character(s)");
    let sentences = out.jsonl();
    assert_eq!(sentences.len(), 2);
    check_spans("bidi.txt", text, &sentences.iter().collect::<Vec<_>>());
}

#[test]
fn bidi_override_is_neutralized_in_the_text_view() {
    let tmp = temp();
    write(
        tmp.path(),
        "bidi.txt",
        "ونشر حساب \u{202E}مجهول\u{202C} صورا.\n",
    );
    let out = run_in(tmp.path(), &["segment", "bidi.txt"]).success();
    assert!(
        !out.stdout.contains('\u{202E}'),
        "an override in the output reorders what the reader sees"
    );
}

/// Spawn `mizan segment` on a large article, read one line of stdout, close the pipe.
fn read_one_line_then_close(format: &str) -> (std::process::ExitStatus, String) {
    let tmp = temp();
    // Long sentences, so that the output is far larger than the pipe and mizan's buffer.
    let sentence =
        "وقالت الشرطة إن الوضع في ألماتي هادئ، ".repeat(40) + "وإن الحياة تعود إلى طبيعتها.\n";
    write(tmp.path(), "long.txt", sentence.repeat(500));
    let mut child = std::process::Command::new(assert_cmd::cargo::cargo_bin("mizan"))
        .current_dir(tmp.path())
        .args(["segment", "--format", format, "long.txt"])
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("spawn mizan");
    let stdout = child.stdout.take().unwrap();
    let mut line = String::new();
    BufReader::new(stdout).read_line(&mut line).unwrap();
    assert!(!line.is_empty(), "mizan printed something");
    // The reader (and the pipe) are dropped here, like `| head -n1`.
    let mut stderr = String::new();
    child
        .stderr
        .take()
        .unwrap()
        .read_to_string(&mut stderr)
        .unwrap();
    let status = child.wait().unwrap();
    (status, stderr)
}

#[test]
fn closing_stdout_early_is_not_an_error_text() {
    let (status, stderr) = read_one_line_then_close("text");
    assert!(!stderr.contains("panicked"), "{stderr}");
    assert!(!stderr.contains("error"), "{stderr}");
    assert!(status.success(), "{status:?}: {stderr}");
}

#[test]
fn closing_stdout_early_is_not_an_error_jsonl() {
    let (status, stderr) = read_one_line_then_close("jsonl");
    assert!(!stderr.contains("panicked"), "{stderr}");
    assert!(!stderr.contains("error"), "{stderr}");
    assert!(status.success(), "{status:?}: {stderr}");
}

// ---------------------------------------------------------------------------------------------
// 5. Help
// ---------------------------------------------------------------------------------------------

#[test]
fn top_level_help_lists_the_segment_command() {
    let tmp = temp();
    let out = run_in(tmp.path(), &["--help"]).success();
    assert!(
        out.stdout.contains("Usage: mizan <COMMAND>"),
        "{}",
        out.stdout
    );
    assert!(out.stdout.contains("segment"), "{}", out.stdout);
    assert!(
        out.stdout.contains("mizan <COMMAND> --help"),
        "{}",
        out.stdout
    );
}

#[test]
fn segment_help_names_formats_encodings_and_extensions() {
    let tmp = temp();
    for flag in ["--help", "-h"] {
        let out = run_in(tmp.path(), &["segment", flag]).success();
        let mut seen = BTreeMap::new();
        for word in [
            "--format",
            "text",
            "jsonl",
            "--encoding",
            "utf-8",
            "windows-1256",
            "iso-8859-6",
            "auto",
            "--ext",
            "txt,md",
        ] {
            seen.insert(word, out.stdout.contains(word));
        }
        assert!(
            seen.values().all(|&v| v),
            "{flag}: {seen:?}\n{}",
            out.stdout
        );
    }
}
