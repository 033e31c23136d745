//! Edges of input and output that a hostile or careless user meets: pipes closed early, input
//! through stdin or a FIFO, odd archives, dangling links, file names with control characters.

use crate::util::{run_in, temp};
use std::fs;
use std::io::{BufRead, BufReader, Read, Write};
use std::path::Path;
use std::process::{Command, ExitStatus, Stdio};

fn mizan(dir: &Path, args: &[&str]) -> Command {
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_mizan"));
    cmd.current_dir(dir).args(args).stdin(Stdio::null());
    cmd
}

/// Which of the child's streams go to the pipe that is closed early.
#[derive(Clone, Copy, PartialEq)]
enum Closed {
    Stdout,
    Stderr,
    /// Both on one pipe, as `2>&1 | head -2`.
    Both,
}

/// Run mizan with `closed` going to a pipe whose reader reads `lines` lines and closes it; the
/// other stream (if any) goes to a file. Returns the exit status and what went to that file.
fn closed_early(dir: &Path, args: &[&str], closed: Closed, lines: usize) -> (ExitStatus, String) {
    let (reader, writer) = std::io::pipe().unwrap();
    let other = tempfile::NamedTempFile::new().unwrap();
    let mut cmd = mizan(dir, args);
    let file = || Stdio::from(other.reopen().unwrap());
    let pipe = || Stdio::from(writer.try_clone().unwrap());
    match closed {
        Closed::Stdout => cmd.stdout(pipe()).stderr(file()),
        Closed::Stderr => cmd.stdout(file()).stderr(pipe()),
        Closed::Both => cmd.stdout(pipe()).stderr(pipe()),
    };
    let mut child = cmd.spawn().unwrap();
    // Only the child may hold the writing end, or the reader never sees the end.
    drop(cmd);
    drop(writer);
    let mut reader = BufReader::new(reader);
    for _ in 0..lines {
        let mut line = String::new();
        if reader.read_line(&mut line).unwrap() == 0 {
            break;
        }
    }
    drop(reader);
    let status = child.wait().unwrap();
    let mut rest = String::new();
    other.reopen().unwrap().read_to_string(&mut rest).unwrap();
    (status, rest)
}

/// A desk whose runs say more than a pipe holds on both streams: 3,000 empty files (a warning
/// each), two articles of 600 sentences that pair one to one, and a glossary of 3,000 entries
/// whose kind `check` notes.
fn noisy_desk() -> tempfile::TempDir {
    let dir = temp();
    let articles = dir.path().join("in");
    fs::create_dir(&articles).unwrap();
    for i in 0..3000 {
        fs::write(articles.join(format!("empty-{i:04}.txt")), "").unwrap();
    }
    let (mut a, mut b) = (String::new(), String::new());
    for j in 0..600 {
        let n = arabic_digits(j);
        a.push_str(&format!(
            "أعلنت الوزارة أن {n} شخصا وصلوا إلى كلمة{n} في ألماتي أمس. "
        ));
        b.push_str(&format!(
            "وأعلنت الوزارة أن {n} شخصا وصلوا إلى كلمة{n} في ألماتي يوم أمس. "
        ));
    }
    fs::write(articles.join("a.txt"), a).unwrap();
    fs::write(articles.join("b.txt"), b).unwrap();
    let mut glossary =
        String::from("[[term]]\nar = \"ألماتي\"\nen = \"Almaty\"\nkind = \"place\"\n");
    for i in 0..3000 {
        glossary.push_str(&format!(
            "\n[[term]]\nar = \"كلمة{}\"\nen = \"word {i}\"\nkind = \"city\"\n",
            arabic_digits(i)
        ));
    }
    fs::write(dir.path().join("glossary.toml"), glossary).unwrap();
    dir
}

fn arabic_digits(n: usize) -> String {
    n.to_string()
        .chars()
        .map(|c| char::from_u32(0x0660 + c.to_digit(10).unwrap()).unwrap())
        .collect()
}

/// Every command that reads articles or the glossary, with what it prints a lot of.
const COMMANDS: &[&[&str]] = &[
    &["segment", "in"],
    &["segment", "--format", "jsonl", "in"],
    &["gloss", "in"],
    &["align", "in"],
    &["review", "in"],
    &["brief", "in"],
    &["glossary", "list"],
    &["glossary", "check"],
    &["glossary", "export"],
    &["glossary", "suggest", "in"],
];

#[test]
fn a_closed_stderr_ends_every_command_quietly() {
    let desk = noisy_desk();
    for args in COMMANDS {
        for closed in [Closed::Stderr, Closed::Both] {
            let (status, _) = closed_early(desk.path(), args, closed, 2);
            // 101 is a panic ("failed printing to stderr").
            assert_eq!(status.code(), Some(0), "mizan {}", args.join(" "));
        }
    }
}

#[test]
fn a_closed_stdout_ends_every_command_quietly() {
    let desk = noisy_desk();
    for args in COMMANDS {
        let (status, stderr) = closed_early(desk.path(), args, Closed::Stdout, 2);
        assert!(!stderr.contains("panicked"), "{stderr}");
        assert!(
            !stderr.contains("error"),
            "mizan {}: {stderr}",
            args.join(" ")
        );
        assert_eq!(status.code(), Some(0), "mizan {}", args.join(" "));
    }
}

#[test]
fn an_error_on_a_closed_stderr_keeps_its_exit_code() {
    let dir = temp();
    // Bad input, exit 1; no glossary, exit 2; the message has nowhere to go.
    for (args, code) in [
        (&["segment", "missing.txt"][..], 1),
        (&["glossary", "list"][..], 2),
    ] {
        let (status, _) = closed_early(dir.path(), args, Closed::Stderr, 0);
        assert_eq!(status.code(), Some(code), "mizan {}", args.join(" "));
    }
    // A message after the work is done: the work stays done.
    let (status, _) = closed_early(dir.path(), &["init"], Closed::Stderr, 0);
    assert_eq!(status.code(), Some(0));
    assert!(dir.path().join("mizan.toml").is_file());
}

/// Run mizan with `input` written to its stdin (a pipe, which has no size); a reader that
/// stops early is not a failure of the writer.
fn with_stdin(dir: &Path, args: &[&str], input: Vec<u8>) -> (Option<i32>, String) {
    let mut child = mizan(dir, args)
        .stdin(Stdio::piped())
        .stdout(Stdio::null())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let mut stdin = child.stdin.take().unwrap();
    let writer = std::thread::spawn(move || {
        let _ = stdin.write_all(&input);
    });
    let output = child.wait_with_output().unwrap();
    writer.join().unwrap();
    let stderr = String::from_utf8(output.stderr).unwrap();
    assert!(!stderr.contains("panicked"), "{stderr}");
    (output.status.code(), stderr)
}

/// A FIFO at `path`, fed `input` by a thread (which waits for mizan to open it).
fn fifo(path: &Path, input: Vec<u8>) {
    let made = Command::new("mkfifo").arg(path).status().unwrap();
    assert!(made.success(), "mkfifo {}", path.display());
    let path = path.to_path_buf();
    std::thread::spawn(move || {
        if let Ok(mut f) = fs::OpenOptions::new().write(true).open(&path) {
            let _ = f.write_all(&input);
        }
    });
}

#[test]
fn stdin_is_held_to_the_article_limit() {
    let dir = temp();
    // 70 MB through a pipe: refused once 64 MiB are read, with the message of a large file
    // (NUL bytes: had it been read whole, it would be called binary, not too large).
    let big = vec![0; 70_000_000];
    let (code, stderr) = with_stdin(dir.path(), &["segment", "/dev/stdin"], big);
    assert_eq!(code, Some(1), "{stderr}");
    assert!(
        stderr.contains(
            "/dev/stdin: file of more than 67108864 bytes (read from a pipe or device up to the \
             limit) is over the limit of 67108864 bytes for one article"
        ),
        "{stderr}"
    );
    // Under the limit it is read as a file is.
    let (code, stderr) = with_stdin(
        dir.path(),
        &["segment", "/dev/stdin"],
        "خبر قصير.".as_bytes().to_vec(),
    );
    assert_eq!(code, Some(0), "{stderr}");
}

#[test]
fn max_input_holds_for_stdin_and_fifos() {
    let dir = temp();
    let text = "خبر قصير. ".repeat(200_000).into_bytes(); // 3.6 MB
    let (code, stderr) = with_stdin(
        dir.path(),
        &["segment", "--max-input", "1", "/dev/stdin"],
        text.clone(),
    );
    assert_eq!(code, Some(1), "{stderr}");
    assert!(
        stderr.contains("/dev/stdin: the input comes to more than 1000000 bytes"),
        "{stderr}"
    );
    // An archive through a FIFO: counted line by line, refused before a cut line is parsed.
    let line = "{\"content\": \"خبر قصير.\"}\n"
        .repeat(100_000)
        .into_bytes(); // 2.9 MB
    fifo(&dir.path().join("day.jsonl"), line);
    let out = run_in(dir.path(), &["segment", "--max-input", "1", "day.jsonl"]).failure(1);
    out.stderr_has("day.jsonl: the input comes to more than 1000000 bytes");
    assert!(!out.stderr.contains("not JSON"), "{}", out.stderr);
    // Files and a stream share the one limit: 0.6 MB of file leaves 0.4 MB for the FIFO.
    fs::write(dir.path().join("a.txt"), &text[..600_000]).unwrap();
    fifo(&dir.path().join("more.txt"), text[..500_000].to_vec());
    run_in(
        dir.path(),
        &["segment", "--max-input", "1", "a.txt", "more.txt"],
    )
    .failure(1)
    .stderr_has("more.txt: the input comes to more than 1000000 bytes");
}

/// The `doc` of each sentence `mizan segment --format jsonl` prints, in order, once each.
fn docs(dir: &Path, args: &[&str]) -> (Vec<String>, String) {
    let mut full = vec!["segment", "--format", "jsonl"];
    full.extend_from_slice(args);
    let out = run_in(dir, &full).success();
    let mut docs: Vec<String> = Vec::new();
    for s in out.jsonl() {
        if docs.last() != Some(&s.doc) {
            docs.push(s.doc);
        }
    }
    (docs, out.stderr)
}

#[test]
fn an_archive_with_a_bom_keeps_its_first_article() {
    let dir = temp();
    fs::write(
        dir.path().join("day.jsonl"),
        "\u{FEFF}{\"id\": \"a\", \"content\": \"أول خبر.\"}\n{\"id\": \"b\", \"content\": \"ثاني خبر.\"}\n",
    )
    .unwrap();
    let (docs, stderr) = docs(dir.path(), &["day.jsonl"]);
    assert_eq!(docs, ["day.jsonl#a", "day.jsonl#b"], "{stderr}");
    assert!(stderr.is_empty(), "{stderr}");
}

#[test]
fn a_lone_surrogate_in_utf16_is_named_with_its_offset() {
    let dir = temp();
    let mut bytes = vec![0xFF, 0xFE];
    for unit in "نص\n".encode_utf16() {
        bytes.extend(unit.to_le_bytes());
    }
    let offset = bytes.len();
    bytes.extend(0xD800u16.to_le_bytes()); // a high surrogate with no low one after it
    for unit in "x".encode_utf16() {
        bytes.extend(unit.to_le_bytes());
    }
    fs::write(dir.path().join("u16.txt"), bytes).unwrap();
    let out = run_in(dir.path(), &["segment", "u16.txt"]).failure(1);
    out.stderr_has(&format!(
        "u16.txt:2:1: not valid UTF-16LE (byte offset {offset})"
    ));
    assert!(!out.stderr.contains("binary"), "{}", out.stderr);
}

#[test]
fn a_text_field_that_is_not_a_string_is_a_skipped_line() {
    let dir = temp();
    fs::write(
        dir.path().join("day.jsonl"),
        concat!(
            "{\"id\": 1, \"content\": 42}\n",
            "{\"id\": 2, \"content\": [\"خبر.\"]}\n",
            "{\"id\": 3, \"content\": \"خبر صحيح.\"}\n",
            "{\"id\": 4, \"content\": null, \"text\": \"خبر في حقل آخر.\"}\n",
        ),
    )
    .unwrap();
    let (docs, stderr) = docs(dir.path(), &["day.jsonl"]);
    // A number is an id (and still cites the article), not its text; a null is no field.
    assert_eq!(docs, ["day.jsonl#3", "day.jsonl#4"]);
    assert!(
        stderr.contains("day.jsonl:1: the text field 'content' is a number, not a string; skipped"),
        "{stderr}"
    );
    assert!(
        stderr.contains("day.jsonl:2: the text field 'content' is a list, not a string; skipped"),
        "{stderr}"
    );
    run_in(dir.path(), &["segment", "--strict", "day.jsonl"])
        .failure(1)
        .stderr_has("day.jsonl:1: the text field 'content' is a number");
}

#[test]
fn duplicate_archive_ids_are_said_and_cited_apart() {
    let dir = temp();
    fs::write(
        dir.path().join("day.jsonl"),
        concat!(
            "{\"id\": \"x\", \"content\": \"أول خبر.\"}\n",
            "{\"id\": \"y\", \"content\": \"ثاني خبر.\"}\n",
            "{\"id\": \"x\", \"content\": \"ثالث خبر.\"}\n",
        ),
    )
    .unwrap();
    let (docs, stderr) = docs(dir.path(), &["day.jsonl"]);
    assert_eq!(docs, ["day.jsonl#x", "day.jsonl#y", "day.jsonl#x@3"]);
    assert!(
        stderr.contains(
            "day.jsonl:3: id 'x' is also the id of line 1; this article is cited as day.jsonl#x@3"
        ),
        "{stderr}"
    );
}

/// An archive whose line 2 is over 64 MiB (a sparse run of NUL bytes, nothing on disk).
fn archive_with_a_huge_line(path: &Path) {
    fs::write(
        path,
        "{\"id\": \"a\", \"content\": \"خبر أول.\"}\n{\"content\": \"",
    )
    .unwrap();
    let file = fs::OpenOptions::new().write(true).open(path).unwrap();
    file.set_len(70_000_000).unwrap();
}

#[test]
fn an_over_long_archive_line_is_named_and_its_archive_skipped_whole() {
    let dir = temp();
    fs::create_dir(dir.path().join("in")).unwrap();
    archive_with_a_huge_line(&dir.path().join("in/day.jsonl"));
    fs::write(dir.path().join("in/other.txt"), "خبر آخر.").unwrap();
    let limit =
        "line of more than 67108864 bytes is over the limit of 67108864 bytes for one article";
    // Named: the run stops, at that line.
    run_in(dir.path(), &["segment", "in/day.jsonl"])
        .failure(1)
        .stderr_has(&format!("in/day.jsonl:2: {limit}"));
    // In a folder: the archive is skipped whole (its first article too), as the warning says.
    let (docs, stderr) = docs(dir.path(), &["in"]);
    assert_eq!(docs, ["in/other.txt"], "{stderr}");
    assert!(
        stderr.contains(&format!("in/day.jsonl:2: {limit}"))
            && stderr.contains("the whole file skipped"),
        "{stderr}"
    );
}

#[test]
fn links_in_a_folder_are_read_warned_or_refused_never_dropped_unsaid() {
    use std::os::unix::fs::symlink;
    let dir = temp();
    let articles = dir.path().join("in");
    fs::create_dir_all(dir.path().join("elsewhere")).unwrap();
    fs::create_dir(&articles).unwrap();
    fs::write(articles.join("a.txt"), "خبر أول.").unwrap();
    fs::write(dir.path().join("elsewhere/b.txt"), "خبر ثان.").unwrap();
    symlink("../elsewhere/b.txt", articles.join("b.txt")).unwrap();
    symlink("../missing.txt", articles.join("gone.txt")).unwrap();
    symlink("../elsewhere", articles.join("more")).unwrap();
    // Not named like an article: not read, so nothing to say.
    symlink("../missing.log", articles.join("gone.log")).unwrap();
    let (docs, stderr) = docs(dir.path(), &["in"]);
    // A link to a file is read as the file it leads to, by the link's name.
    assert_eq!(docs, ["in/a.txt", "in/b.txt"], "{stderr}");
    assert!(
        stderr.contains("in/gone.txt: a link to ../missing.txt, which does not exist; skipped"),
        "{stderr}"
    );
    assert!(
        stderr.contains("in/more: a link to a folder, not followed"),
        "{stderr}"
    );
    assert!(!stderr.contains("gone.log"), "{stderr}");
    run_in(dir.path(), &["segment", "--strict", "in"])
        .failure(1)
        .stderr_has("error: in/gone.txt: a link to ../missing.txt, which does not exist");
}

#[test]
fn a_fifo_in_a_folder_is_skipped_with_a_warning() {
    let dir = temp();
    fs::create_dir(dir.path().join("in")).unwrap();
    fs::write(dir.path().join("in/a.txt"), "خبر.").unwrap();
    let made = Command::new("mkfifo")
        .arg(dir.path().join("in/pipe.txt"))
        .status()
        .unwrap();
    assert!(made.success());
    let (docs, stderr) = docs(dir.path(), &["in"]);
    assert_eq!(docs, ["in/a.txt"]);
    assert!(
        stderr.contains("in/pipe.txt: not a regular file (a FIFO, device or socket); skipped"),
        "{stderr}"
    );
}

/// Raw bytes no message or human-readable output may carry from a file name.
fn assert_shown(what: &str, text: &str) {
    for c in ['\u{1b}', '\u{202E}', '\r'] {
        assert!(
            !text.contains(c),
            "{what} has U+{:04X} raw:\n{text}",
            c as u32
        );
    }
    assert!(
        !text.contains("a\nb.txt"),
        "{what} breaks a file name over two lines:\n{text}"
    );
}

#[test]
fn file_names_with_controls_are_shown_not_obeyed() {
    let dir = temp();
    let articles = dir.path().join("in");
    fs::create_dir(&articles).unwrap();
    let names = ["a\nb.txt", "\u{1b}[31mred.txt", "x\u{202E}txt.exe.txt"];
    for name in names {
        fs::write(
            articles.join(name),
            "أعلنت الشرطة في ألماتي مقتل ثمانية أشخاص أمس.",
        )
        .unwrap();
    }
    fs::write(articles.join("\u{1b}]0;empty.txt"), "").unwrap();
    fs::write(
        dir.path().join("glossary.toml"),
        "[[term]]\nar = \"ألماتي\"\nen = \"Almaty\"\nkind = \"place\"\n",
    )
    .unwrap();
    let shown = [
        "in/a⟨U+000A⟩b.txt",
        "in/⟨U+001B⟩[31mred.txt",
        "in/x⟨U+202E⟩txt.exe.txt",
    ];
    // Messages: a warning, an error.
    let out = run_in(dir.path(), &["segment", "in"]).success();
    out.stderr_has("in/⟨U+001B⟩]0;empty.txt: empty file, skipped");
    assert_shown("a warning", &out.stderr);
    for name in shown {
        assert!(out.stdout.contains(name), "{}", out.stdout);
    }
    assert_shown("segment's text output", &out.stdout);
    let missing = run_in(dir.path(), &["segment", "gone\u{1b}[2J.txt"]).failure(1);
    missing.stderr_has("gone⟨U+001B⟩[2J.txt: no such file or directory");
    assert_shown("an error", &missing.stderr);
    // Human-readable outputs of every command.
    for args in [
        &["gloss", "in"][..],
        &["align", "in"][..],
        &["review", "in"][..],
        &["review", "--format", "markdown", "in"][..],
        &["brief", "in"][..],
        &["brief", "--format", "html", "in"][..],
        &["brief", "--format", "json", "in"][..],
    ] {
        let out = run_in(dir.path(), args).success();
        assert_shown(&args.join(" "), &out.stdout);
        assert_shown(&args.join(" "), &out.stderr);
    }
    let brief = run_in(dir.path(), &["brief", "in"]).success();
    // (Markdown escapes the bracket.)
    for name in [
        "⟨U+001B⟩\\[31mred.txt",
        "a⟨U+000A⟩b.txt",
        "x⟨U+202E⟩txt.exe.txt",
    ] {
        assert!(brief.stdout.contains(name), "{name}:\n{}", brief.stdout);
    }
    // JSON lines keep the exact path, as a JSON string.
    let (docs, _) = docs(dir.path(), &["in"]);
    for name in names {
        assert!(docs.contains(&format!("in/{name}")), "{docs:?}");
    }
}
