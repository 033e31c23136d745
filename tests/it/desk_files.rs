//! The desk's own files as the commands that edit and check them treat them: `reviews.toml`
//! edited in place (comments kept, a replaced note said), pair ids checked against the
//! articles, a `--reviews` that is a folder, and what `glossary check`, `add`, `import` and
//! `export` say about characters a glossary field should not hold.

use crate::util::{json_lines, manifest_dir, run_in};
use std::fs;
use std::path::Path;

/// A folder with some of the sample articles and the repository's glossary.
fn desk(articles: &[&str]) -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    let sample = manifest_dir().join("examples/kazakhstan");
    for name in articles {
        fs::copy(sample.join(name), dir.path().join(name)).unwrap();
    }
    fs::copy(
        manifest_dir().join("glossary.toml"),
        dir.path().join("glossary.toml"),
    )
    .unwrap();
    dir
}

/// The ids of the pairs `mizan align` aligns in `dir`, in its order.
fn pair_ids(dir: &Path) -> Vec<String> {
    json_lines(
        &run_in(dir, &["align", "--format", "jsonl", "."])
            .success()
            .stdout,
    )
    .iter()
    .map(|p| p["id"].as_str().unwrap().to_string())
    .collect()
}

fn read(dir: &Path, name: &str) -> String {
    fs::read_to_string(dir.join(name)).unwrap_or_else(|e| panic!("read {name}: {e}"))
}

// ---------------------------------------------------------------------------------------------
// reviews.toml
// ---------------------------------------------------------------------------------------------

#[test]
fn a_reviews_flag_naming_a_folder_is_a_configuration_error() {
    let dir = desk(&["01_caspian-wire.txt", "02_steppe-daily.md"]);
    fs::create_dir(dir.path().join("decisions")).unwrap();
    run_in(dir.path(), &["review", "--reviews", "decisions", "."])
        .failure(2)
        .stderr_has("decisions");
    run_in(dir.path(), &["align", "--reviews", "decisions", "."])
        .failure(2)
        .stderr_has("decisions");
    run_in(
        dir.path(),
        &[
            "review",
            "--reviews",
            "decisions",
            "--accept",
            "00000000000000aa",
        ],
    )
    .failure(2)
    .stderr_has("decisions");
}

#[test]
fn pair_ids_are_case_insensitive_on_the_command_line_and_in_the_file() {
    let dir = desk(&["01_caspian-wire.txt", "02_steppe-daily.md"]);
    let ids = pair_ids(dir.path());
    assert!(ids.len() >= 2, "{ids:?}");
    run_in(
        dir.path(),
        &["review", "--reject", &ids[0].to_uppercase(), "."],
    )
    .success()
    .stderr_has(&format!("rejected {}", ids[0]));
    let after = pair_ids(dir.path());
    assert!(!after.contains(&ids[0]), "the rejected pair is not aligned");
    // An id written by hand in capitals is honoured too.
    fs::write(
        dir.path().join("reviews.toml"),
        format!(
            "[[decision]]\nid = \"{}\"\nverdict = \"reject\"\n",
            ids[1].to_uppercase()
        ),
    )
    .unwrap();
    assert!(!pair_ids(dir.path()).contains(&ids[1]));
    let reviewed = json_lines(
        &run_in(
            dir.path(),
            &["review", "--format", "jsonl", "--threshold", "0.01", "."],
        )
        .success()
        .stdout,
    );
    assert!(reviewed.iter().all(|p| p["id"] != ids[1].as_str()));
}

#[test]
fn an_id_that_is_no_pair_of_the_articles_is_refused_unless_forced() {
    let dir = desk(&["01_caspian-wire.txt", "02_steppe-daily.md"]);
    run_in(dir.path(), &["review", "--accept", "deadbeefdeadbeef", "."])
        .failure(2)
        .stderr_has("deadbeefdeadbeef is not among the pairs of these articles")
        .stderr_has("--force");
    assert!(
        !dir.path().join("reviews.toml").exists(),
        "nothing recorded"
    );
    run_in(
        dir.path(),
        &["review", "--accept", "deadbeefdeadbeef", "--force", "."],
    )
    .success()
    .stderr_has("accepted deadbeefdeadbeef");
    assert!(read(dir.path(), "reviews.toml").contains("deadbeefdeadbeef"));
    // Without articles there is nothing to check against: recorded, and said so.
    run_in(dir.path(), &["review", "--reject", "00000000000000ab"])
        .success()
        .stderr_has("could not be checked");
    assert!(read(dir.path(), "reviews.toml").contains("00000000000000ab"));
}

/// A reviews file as a desk keeps it by hand: comments, its own order of keys, blank lines.
const HAND_WRITTEN: &str = "\
# Kazakhstan desk: decisions on the January 2022 pairs.

[[decision]]
# checked against the Interfax original
id = \"00000000000000aa\"   # the wire quote
note = \"same Interfax quote\"
verdict = \"accept\"

# Rejected after the call with the Almaty office.
[[decision]]
verdict = \"reject\"
id = \"00000000000000bb\"
";

#[test]
fn review_edits_keep_the_comments_order_and_formatting_of_reviews_toml() {
    let dir = desk(&[]);
    fs::write(dir.path().join("reviews.toml"), HAND_WRITTEN).unwrap();
    // A new decision goes at the end; a verdict changes in place; nothing else moves.
    run_in(dir.path(), &["review", "--reject", "00000000000000cc"]).success();
    run_in(dir.path(), &["review", "--reject", "00000000000000AA"]).success();
    let expected = HAND_WRITTEN.replace(
        "note = \"same Interfax quote\"\nverdict = \"accept\"",
        "note = \"same Interfax quote\"\nverdict = \"reject\"",
    ) + "\n[[decision]]\nid = \"00000000000000cc\"\nverdict = \"reject\"\n";
    assert_eq!(read(dir.path(), "reviews.toml"), expected);
    // A note added to a decision without one is a new line in its table.
    run_in(
        dir.path(),
        &["review", "--note", "00000000000000bb", "see the call notes"],
    )
    .success();
    let expected = expected.replace(
        "verdict = \"reject\"\nid = \"00000000000000bb\"\n",
        "verdict = \"reject\"\nid = \"00000000000000bb\"\nnote = \"see the call notes\"\n",
    );
    assert_eq!(read(dir.path(), "reviews.toml"), expected);
    let leftovers: Vec<String> = fs::read_dir(dir.path())
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|n| n.ends_with(".tmp"))
        .collect();
    assert!(leftovers.is_empty(), "{leftovers:?}");
}

#[test]
fn a_note_that_replaces_another_says_so_and_quotes_the_old_one() {
    let dir = desk(&[]);
    fs::write(dir.path().join("reviews.toml"), HAND_WRITTEN).unwrap();
    run_in(
        dir.path(),
        &[
            "review",
            "--note",
            "00000000000000aa",
            "Reuters, not Interfax",
        ],
    )
    .success()
    .stderr_has("replaces the earlier note \"same Interfax quote\"");
    let text = read(dir.path(), "reviews.toml");
    assert!(text.contains("note = \"Reuters, not Interfax\""), "{text}");
    assert!(!text.contains("same Interfax quote"), "{text}");
    // The same note again replaces nothing.
    let again = run_in(
        dir.path(),
        &[
            "review",
            "--note",
            "00000000000000aa",
            "Reuters, not Interfax",
        ],
    )
    .success();
    assert!(!again.stderr.contains("replaces"), "{}", again.stderr);
}

// ---------------------------------------------------------------------------------------------
// What a glossary field may hold
// ---------------------------------------------------------------------------------------------

/// The repository glossary with the English of "police" carrying a right-to-left override.
fn glossary_with_a_bidi_override(dir: &Path) {
    let text = read(dir, "glossary.toml");
    assert!(text.contains("en = \"police\"\n"));
    let text = text.replace("en = \"police\"\n", "en = \"po\\u202Elice\"\n");
    fs::write(dir.join("glossary.toml"), text).unwrap();
}

#[test]
fn bidi_controls_in_the_glossary_english_are_shown_not_obeyed_in_the_briefing() {
    let dir = desk(&[
        "01_caspian-wire.txt",
        "02_steppe-daily.md",
        "03_dune-evening.txt",
    ]);
    glossary_with_a_bidi_override(dir.path());
    for format in ["md", "html", "json"] {
        let out = run_in(dir.path(), &["brief", "--format", format, "."]).success();
        assert!(
            out.stdout.contains("po⟨U+202E⟩lice"),
            "{format}: the override is shown"
        );
        assert!(
            !out.stdout.contains('\u{202E}'),
            "{format}: no raw override reaches the briefing"
        );
    }
}

#[test]
fn glossary_check_reports_bidi_controls_in_any_field_with_the_entry() {
    let dir = desk(&[]);
    glossary_with_a_bidi_override(dir.path());
    let out = run_in(dir.path(), &["glossary", "check"]).failure(1);
    out.stderr_has("'en' of 'شرطة' (po⟨U+202E⟩lice)")
        .stderr_has("U+202E");
    assert!(!out.stderr.contains('\u{202E}'), "{}", out.stderr);
    // Reported on the entry's [[term]] line, two lines above its `en` (0-based index here).
    let en_index = read(dir.path(), "glossary.toml")
        .lines()
        .position(|l| l.contains("\\u202E"))
        .unwrap();
    out.stderr_has(&format!("glossary.toml:{}:1: error:", en_index - 1));
}

/// A glossary as a desk might write it by hand, with a variant holding `|` (entry 2) and a
/// note over two lines (entry 3).
const SEPARATORS: &str = "\
[[term]]
ar = \"كازاخستان\"
en = \"Kazakhstan\"
kind = \"place\"

[[term]]
ar = \"ألماتي\"
en = \"Almaty\"
variants = [\"ألما آتا|آلماتا\"]

[[term]]
ar = \"أستانا\"
en = \"Astana\"
note = \"\"\"Nur-Sultan 2019-2022,
then Astana again\"\"\"
";

#[test]
fn add_refuses_separators_in_a_spelling() {
    let dir = desk(&[]);
    let before = read(dir.path(), "glossary.toml");
    for args in [
        &["glossary", "add", "ألما آتا|آلماتا", "Almaty"][..],
        &[
            "glossary",
            "add",
            "بنغازي",
            "Benghazi",
            "--variant",
            "بنغازى|بنغازي",
        ],
        &[
            "glossary",
            "add",
            "بنغازي",
            "Benghazi",
            "--variant",
            "بن\tغازي",
        ],
        &["glossary", "add", "بنغازي", "Ben\tghazi"],
    ] {
        run_in(dir.path(), args).failure(2).stderr_has("TSV");
    }
    run_in(
        dir.path(),
        &[
            "glossary",
            "add",
            "بنغازي",
            "Benghazi",
            "--variant",
            "بنغازى|x",
        ],
    )
    .failure(2)
    .stderr_has("'بنغازى|x' contains '|'");
    assert_eq!(read(dir.path(), "glossary.toml"), before, "nothing written");
}

#[test]
fn import_refuses_entries_with_separators_and_adds_the_rest() {
    let dir = desk(&[]);
    fs::remove_file(dir.path().join("glossary.toml")).unwrap();
    fs::write(
        dir.path().join("terms.csv"),
        "ar,en\r\n\"ألما\tآتا\",Almaty\r\nبنغازي,Benghazi\r\n",
    )
    .unwrap();
    run_in(dir.path(), &["glossary", "import", "terms.csv"])
        .success()
        .stderr_has("skipped 'ألما\\tآتا' (Almaty): the Arabic 'ألما\\tآتا' contains a tab")
        .stderr_has("contains a tab")
        .stderr_has("1 entry added");
    let tbx = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<martif type=\"TBX-Basic\" \
        xml:lang=\"en\"><martifHeader><fileDesc><sourceDesc><p>t</p></sourceDesc></fileDesc>\
        </martifHeader><text><body><termEntry id=\"c1\"><langSet xml:lang=\"ar\"><tig>\
        <term>ألماتي</term><termNote type=\"termType\">fullForm</termNote></tig><tig>\
        <term>ألما آتا|آلماتا</term><termNote type=\"termType\">variant</termNote></tig>\
        </langSet><langSet xml:lang=\"en\"><tig><term>Almaty</term></tig></langSet>\
        </termEntry></body></text></martif>\n";
    fs::write(dir.path().join("terms.tbx"), tbx).unwrap();
    run_in(dir.path(), &["glossary", "import", "terms.tbx"])
        .success()
        .stderr_has("skipped 'ألماتي' (Almaty)")
        .stderr_has("contains '|'");
    let glossary = read(dir.path(), "glossary.toml");
    assert!(
        glossary.contains("بنغازي") && !glossary.contains("ألماتي"),
        "{glossary}"
    );
}

#[test]
fn check_reports_separators_in_spellings_and_one_line_fields() {
    let dir = desk(&[]);
    fs::write(
        dir.path().join("glossary.toml"),
        SEPARATORS.replace("en = \"Kazakhstan\"", "en = \"Kazakh\\tstan\""),
    )
    .unwrap();
    let out = run_in(dir.path(), &["glossary", "check"]).failure(1);
    out.stderr_has("glossary.toml:1:1: error: 'en' of 'كازاخستان'")
        .stderr_has("a tab")
        .stderr_has(
            "glossary.toml:6:1: error: variant 'ألما آتا|آلماتا' of 'ألماتي' (Almaty) contains '|'",
        );
    assert!(
        !out.stderr.contains("أستانا"),
        "a note may span lines: {}",
        out.stderr
    );
}

#[test]
fn export_refuses_what_the_format_cannot_carry_and_names_the_entry() {
    let dir = desk(&[]);
    fs::write(dir.path().join("glossary.toml"), SEPARATORS).unwrap();
    for format in ["tsv", "csv"] {
        run_in(
            dir.path(),
            &["glossary", "export", "--format", format, "-o", "out.txt"],
        )
        .failure(2)
        .stderr_has("variant 'ألما آتا|آلماتا' of 'ألماتي' (Almaty) contains '|'");
        assert!(!dir.path().join("out.txt").exists(), "nothing written");
    }
    // Without the `|`: CSV keeps the note's line break and reads back exactly; TSV cannot
    // hold it and says so rather than turn it into a space.
    fs::write(
        dir.path().join("glossary.toml"),
        SEPARATORS.replace("ألما آتا|آلماتا", "ألما آتا"),
    )
    .unwrap();
    run_in(
        dir.path(),
        &["glossary", "export", "--format", "tsv", "-o", "out.tsv"],
    )
    .failure(2)
    .stderr_has("the note of 'أستانا' (Astana) contains a line break");
    assert!(!dir.path().join("out.tsv").exists());
    run_in(
        dir.path(),
        &["glossary", "export", "--format", "csv", "-o", "out.csv"],
    )
    .success();
    let back = run_in(
        dir.path(),
        &["glossary", "import", "out.csv", "--glossary", "back.toml"],
    )
    .success();
    back.stderr_has("3 entries added");
    let list = |name: &str| {
        run_in(
            dir.path(),
            &["glossary", "list", "--format", "jsonl", "--glossary", name],
        )
        .success()
        .stdout
    };
    assert_eq!(list("back.toml"), list("glossary.toml"));
}

#[test]
fn check_notes_unknown_kinds_with_the_nearest_known_one() {
    let dir = desk(&[]);
    fs::write(
        dir.path().join("glossary.toml"),
        "[[term]]\nar = \"ألماتي\"\nen = \"Almaty\"\nkind = \"city\"\n\n\
         [[term]]\nar = \"توكاييف\"\nen = \"Tokayev\"\nkind = \"peron\"\n\n\
         [[term]]\nar = \"حظر التجول\"\nen = \"curfew\"\nkind = \"weather\"\n\n\
         [[term]]\nar = \"كازاخستان\"\nen = \"Kazakhstan\"\nkind = \"place\"\n",
    )
    .unwrap();
    run_in(dir.path(), &["glossary", "check"])
        .success()
        .stderr_has("glossary.toml:1:1: note: kind 'city' of 'ألماتي' (Almaty) is not one of person, place, org, event, term; did you mean 'place'?")
        .stderr_has("glossary.toml:6:1: note: kind 'peron' of 'توكاييف' (Tokayev) is not one of person, place, org, event, term; did you mean 'person'?")
        .stderr_has("glossary.toml:11:1: note: kind 'weather'")
        .stderr_has("4 entries, no problems (see the notes)");
}
