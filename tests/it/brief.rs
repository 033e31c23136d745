//! `mizan brief`: the briefing of the sample corpus (snapshots), Markdown that renders as
//! written whatever the article contains, templates the desk can override, safe output files.

use crate::util::{manifest_dir, run, run_in};
use pulldown_cmark::{Event, Options, Parser, Tag};
use std::fs;
use std::path::Path;

/// The sample corpus briefing, with the repo's glossary and translations and no decisions.
fn sample(format: &str) -> String {
    run(&[
        "brief",
        "examples/kazakhstan",
        "--format",
        format,
        "--glossary",
        "glossary.toml",
        "--translations",
        "translations.toml",
        "--reviews",
        "tests/fixtures/brief/no-such-reviews.toml",
    ])
    .success()
    .stdout
}

#[test]
fn markdown_briefing_of_the_sample_corpus() {
    let md = sample("md");
    assert_tables_are_rectangular(&md);
    insta::assert_snapshot!("brief_sample_md", md);
}

#[test]
fn html_briefing_of_the_sample_corpus() {
    let html = sample("html");
    assert!(html.starts_with("<!DOCTYPE html>"));
    // Standalone: no external style sheet, script, font or image.
    for external in ["<link", "<script", "src=", "@import", "url("] {
        assert!(!html.contains(external), "{external} in the page");
    }
    assert!(html.contains(r#"<td class="ar" dir="rtl" lang="ar">"#));
    assert!(html.contains(r#"<td class="en" dir="ltr" lang="en">"#));
    insta::assert_snapshot!("brief_sample_html", html);
}

#[test]
fn the_sample_briefing_ranks_the_three_outlet_facts_first_and_shows_differing_figures() {
    let json: serde_json::Value = serde_json::from_str(&sample("json")).unwrap();
    let facts = json["facts"].as_array().unwrap();
    assert!(facts.len() >= 6, "{} facts", facts.len());
    let sources: Vec<u64> = facts
        .iter()
        .map(|f| f["sources"].as_u64().unwrap())
        .collect();
    assert!(sources.windows(2).all(|w| w[0] >= w[1]), "{sources:?}");
    assert_eq!(sources[0], 3);
    // The desk translated one sentence of a wire fact; a near-copy that says the same reuses
    // it, one that says more or less is offered it as a suggestion.
    let english: Vec<&str> = facts
        .iter()
        .flat_map(|f| {
            std::iter::once(&f["main"])
                .chain(f["variants"].as_array().unwrap().iter().map(|v| &v["line"]))
        })
        .map(|l| l["english"]["origin"].as_str().unwrap())
        .collect();
    assert!(english.contains(&"desk"), "{english:?}");
    assert!(english.contains(&"exact_reuse"), "{english:?}");
    assert!(english.contains(&"fuzzy"), "{english:?}");
    assert!(english.contains(&"gloss"), "{english:?}");
    // Arrests: about 6,000 against 5,800 in the sample's last article.
    let differ = json["figures_differ"].as_array().unwrap();
    let arrested = differ
        .iter()
        .find(|d| d["label"] == "arrested")
        .unwrap_or_else(|| panic!("no arrested row in {differ:#?}"));
    let amounts: Vec<&str> = arrested["amounts"]
        .as_array()
        .unwrap()
        .iter()
        .map(|a| a["amount"].as_str().unwrap())
        .collect();
    assert!(
        amounts.contains(&"about 6,000") && amounts.contains(&"5,800"),
        "{amounts:?}"
    );
    let names: Vec<&str> = json["terms"]
        .as_array()
        .unwrap()
        .iter()
        .map(|t| t["en"].as_str().unwrap())
        .collect();
    for name in ["Kazakhstan", "Almaty", "Kassym-Jomart Tokayev"] {
        assert!(names.contains(&name), "{name} not in {names:?}");
    }
}

/// A desk folder: the given articles under `articles/`, and the repo glossary.
fn desk(articles: &[(&str, &str)]) -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    fs::create_dir(dir.path().join("articles")).unwrap();
    for (name, text) in articles {
        fs::write(dir.path().join("articles").join(name), text).unwrap();
    }
    fs::copy(
        manifest_dir().join("glossary.toml"),
        dir.path().join("glossary.toml"),
    )
    .unwrap();
    dir
}

const HOSTILE: &str = "قال المتحدث باسم الشرطة في ألماتي | إن *الوضع* _هادئ_ <script>alert(1)</script> \
    و[رابط](http://example.com) `رمز` و$5 و\u{202E}مقلوب\u{202C} بعد اعتقال 200 شخص.\n\n\
    # وأعلنت وزارة الداخلية في كازاخستان أن 12 شرطيا أصيبوا | بجروح.\n";

#[test]
fn article_text_cannot_break_tables_inject_html_or_reorder_the_page() {
    let second = HOSTILE.replace("200", "300");
    let dir = desk(&[("a.txt", HOSTILE), ("b.txt", &second)]);
    let out = run_in(dir.path(), &["brief", "articles"]).success();
    out.stderr_has("articles/a.txt:1:");
    let md = out.stdout;
    assert_tables_are_rectangular(&md);
    assert!(!md.contains('\u{202E}') && !md.contains('\u{202C}'));
    assert!(md.contains("⟨U+202E⟩"));
    assert!(!md.contains("<script"), "{md}");
    // What a CommonMark/GFM renderer makes of it: the text as written, in one cell, no tag.
    let html = to_html(&md);
    assert!(!html.contains("<script"), "{html}");
    assert!(
        !html.contains("<em>") || !html.contains("<em>الوضع"),
        "{html}"
    );
    assert!(!html.contains("<a href=\"http://example.com"), "{html}");
    assert!(
        html.contains("| إن *الوضع* _هادئ_ &lt;script&gt;"),
        "{html}"
    );
    let page = run_in(dir.path(), &["brief", "--format", "html", "articles"])
        .success()
        .stdout;
    assert!(!page.contains("<script"));
    assert!(page.contains("&lt;script&gt;"));
    assert!(!page.contains('\u{202E}'));
}

#[test]
fn output_file_is_written_whole_and_nothing_is_left_beside_it() {
    let dir = desk(&[("a.txt", HOSTILE)]);
    let out = run_in(dir.path(), &["brief", "articles", "-o", "brief.md"]).success();
    assert!(out.stdout.is_empty());
    let written = fs::read_to_string(dir.path().join("brief.md")).unwrap();
    assert!(written.starts_with("# Briefing"));
    let names: Vec<String> = fs::read_dir(dir.path())
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    assert_eq!(names.len(), 3, "{names:?}"); // articles, glossary.toml, brief.md
    // A failed run (a template that does not parse) leaves the old briefing as it was.
    fs::create_dir(dir.path().join("tpl")).unwrap();
    fs::write(dir.path().join("tpl/briefing.md.j2"), "# {{ title }\n").unwrap();
    run_in(
        dir.path(),
        &["brief", "articles", "-o", "brief.md", "--templates", "tpl"],
    )
    .failure(2);
    assert_eq!(
        fs::read_to_string(dir.path().join("brief.md")).unwrap(),
        written
    );
}

#[test]
fn a_desk_template_replaces_the_default_of_the_same_name() {
    let dir = desk(&[
        ("a.txt", HOSTILE),
        ("b.txt", &HOSTILE.replace("200", "300")),
    ]);
    fs::create_dir_all(dir.path().join("tpl/partials")).unwrap();
    fs::write(
        dir.path().join("tpl/partials/fact.md.j2"),
        "FACT {{ fact.rank }} from {{ fact.sources }}: {{ fact.main.english.text }}\n",
    )
    .unwrap();
    let md = run_in(dir.path(), &["brief", "articles", "--templates", "tpl"])
        .success()
        .stdout;
    assert!(md.contains("FACT 1 from 2: "), "{md}");
    // The rest is the built-in briefing.
    assert!(md.contains("## Terms"));
}

#[test]
fn every_markdown_table_starts_after_a_blank_line() {
    // pandoc (gfm and markdown) reads a table that follows a paragraph line as more of the
    // paragraph, a paragraph of pipes.
    for md in [sample("md"), {
        let dir = desk(&[
            ("a.txt", HOSTILE),
            ("b.txt", &HOSTILE.replace("200", "300")),
        ]);
        run_in(dir.path(), &["brief", "articles"]).success().stdout
    }] {
        let lines: Vec<&str> = md.lines().collect();
        for (i, line) in lines.iter().enumerate().skip(1) {
            if line.starts_with('|') && !lines[i - 1].starts_with('|') {
                assert!(
                    lines[i - 1].trim().is_empty(),
                    "table at line {} follows {:?}",
                    i + 1,
                    lines[i - 1]
                );
            }
        }
    }
}

#[test]
fn desk_templates_cannot_read_files_outside_their_folder() {
    let dir = desk(&[("a.txt", HOSTILE)]);
    fs::create_dir(dir.path().join("tpl")).unwrap();
    fs::write(dir.path().join("secret.txt"), "SECRET-OUTSIDE").unwrap();
    let secret = dir.path().join("secret.txt");
    #[cfg(unix)]
    std::os::unix::fs::symlink(&secret, dir.path().join("tpl/link.j2")).unwrap();
    for (include, says) in [
        (secret.display().to_string(), "no absolute paths"),
        ("../secret.txt".to_string(), "no '..'"),
        ("/dev/zero".to_string(), "no absolute paths"),
        ("link.j2".to_string(), "leads outside the templates folder"),
    ] {
        fs::write(
            dir.path().join("tpl/briefing.md.j2"),
            format!("# {{{{ title }}}}\n{{% include \"{include}\" %}}\n"),
        )
        .unwrap();
        let out = run_in(dir.path(), &["brief", "articles", "--templates", "tpl"]).failure(2);
        out.stderr_has(says);
        assert!(!out.stdout.contains("SECRET-OUTSIDE"), "{include}");
    }
    // A folder, and a file past the size limit, are refused too.
    fs::create_dir(dir.path().join("tpl/sub.j2")).unwrap();
    fs::write(dir.path().join("tpl/big.j2"), "x".repeat(1024 * 1024 + 1)).unwrap();
    for (include, says) in [("sub.j2", "not a regular file"), ("big.j2", "is over")] {
        fs::write(
            dir.path().join("tpl/briefing.md.j2"),
            format!("{{% include \"{include}\" %}}\n"),
        )
        .unwrap();
        run_in(dir.path(), &["brief", "articles", "--templates", "tpl"])
            .failure(2)
            .stderr_has(says);
    }
    // Inside the folder, includes still work.
    fs::write(dir.path().join("tpl/mine.j2"), "MINE\n").unwrap();
    fs::write(
        dir.path().join("tpl/briefing.md.j2"),
        "{% include \"mine.j2\" %}",
    )
    .unwrap();
    let md = run_in(dir.path(), &["brief", "articles", "--templates", "tpl"])
        .success()
        .stdout;
    assert_eq!(md, "MINE\n");
}

#[test]
fn template_errors_name_the_file_and_line() {
    let dir = desk(&[("a.txt", HOSTILE)]);
    fs::create_dir(dir.path().join("tpl")).unwrap();
    fs::write(
        dir.path().join("tpl/briefing.md.j2"),
        "# {{ title }}\n\n{% for f in facts %}\n{{ f.rank }\n",
    )
    .unwrap();
    let out = run_in(dir.path(), &["brief", "articles", "--templates", "tpl"]).failure(2);
    out.stderr_has(&format!(
        "{}:4: syntax error",
        Path::new("tpl/briefing.md.j2").display()
    ));
    // A field that is not in the context is an error, not an empty string.
    fs::write(
        dir.path().join("tpl/briefing.md.j2"),
        "\n{{ counts.nonsense }}\n",
    )
    .unwrap();
    let out = run_in(dir.path(), &["brief", "articles", "--templates", "tpl"]).failure(2);
    out.stderr_has("tpl/briefing.md.j2:2: undefined value");
    run_in(
        dir.path(),
        &["brief", "articles", "--templates", "no-such-dir"],
    )
    .failure(2)
    .stderr_has("--templates no-such-dir");
}

#[test]
fn malformed_translations_are_a_configuration_error_with_line_and_column() {
    let dir = desk(&[("a.txt", HOSTILE)]);
    fs::write(
        dir.path().join("translations.toml"),
        "[[translation]]\nhash = \"0123456789abcdef\"\nenglish = \"x\"\n",
    )
    .unwrap();
    run_in(dir.path(), &["brief", "articles"])
        .failure(2)
        .stderr_has("translations.toml:3:1: unknown field");
}

#[test]
fn brief_without_a_glossary_says_how_to_make_one() {
    let dir = tempfile::tempdir().unwrap();
    fs::write(dir.path().join("a.txt"), HOSTILE).unwrap();
    run_in(dir.path(), &["brief", "a.txt"])
        .failure(2)
        .stderr_has("mizan glossary add");
}

/// Render Markdown as GitHub does (CommonMark + tables + strikethrough), to HTML.
fn to_html(md: &str) -> String {
    let mut options = Options::empty();
    options.insert(Options::ENABLE_TABLES);
    options.insert(Options::ENABLE_STRIKETHROUGH);
    let mut html = String::new();
    pulldown_cmark::html::push_html(&mut html, Parser::new_ext(md, options));
    html
}

/// Every table row has as many cells as its header, counted on the text (a GFM renderer
/// silently pads or drops cells, so the rendered table cannot show a broken row), and the
/// renderer sees the same tables.
#[track_caller]
fn assert_tables_are_rectangular(md: &str) {
    let mut header: Option<usize> = None;
    let mut tables = 0;
    for (n, line) in md.lines().enumerate() {
        if !line.starts_with('|') {
            header = None;
            continue;
        }
        let cells = cells(line);
        match header {
            None => {
                header = Some(cells);
                tables += 1;
            }
            Some(h) => assert_eq!(cells, h, "line {}: {line}", n + 1),
        }
    }
    let mut options = Options::empty();
    options.insert(Options::ENABLE_TABLES);
    let rendered = Parser::new_ext(md, options)
        .filter(|e| matches!(e, Event::Start(Tag::Table(_))))
        .count();
    assert_eq!(rendered, tables, "tables in the text and as rendered");
}

/// Cells of a GFM table row: `|` separates, `\|` does not.
fn cells(line: &str) -> usize {
    let mut separators = 0;
    let mut escaped = false;
    for c in line.chars() {
        match c {
            '\\' if !escaped => escaped = true,
            '|' if !escaped => separators += 1,
            _ => escaped = false,
        }
        if c != '\\' {
            escaped = false;
        }
    }
    separators - 1
}
