//! Edges of input and output that a hostile or careless user meets: pipes closed early, input
//! through stdin or a FIFO, odd archives, dangling links, file names with control characters.

use crate::util::temp;
use std::fs;
use std::io::{BufRead, BufReader, Read};
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
