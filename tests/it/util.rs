//! Helpers shared by the integration tests: running the `mizan` binary, reading its output,
//! temporary folders.

use assert_cmd::Command;
use serde_json::Value;
use std::path::{Path, PathBuf};
use tempfile::TempDir;

/// The crate root: sample corpus, fixtures and snapshots are found from here.
pub fn manifest_dir() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

/// The sample corpus shipped with the crate.
pub fn sample_dir() -> PathBuf {
    manifest_dir().join("examples").join("kazakhstan")
}

/// A fresh temporary folder, removed when dropped.
pub fn temp() -> TempDir {
    TempDir::new().expect("a temporary directory")
}

/// The `mizan` binary, run from `dir` so that relative paths (and so document ids) are stable.
pub fn mizan_in(dir: &Path) -> Command {
    let mut cmd = Command::cargo_bin("mizan").expect("the mizan binary is built");
    cmd.current_dir(dir);
    cmd
}

/// What one run produced.
pub struct Run {
    pub code: Option<i32>,
    pub stdout: String,
    pub stderr: String,
}

impl Run {
    /// Assert the run succeeded and did not panic; returns itself for further checks.
    #[track_caller]
    pub fn success(self) -> Self {
        self.assert_no_panic();
        assert_eq!(
            self.code,
            Some(0),
            "expected success; stderr:\n{}",
            self.stderr
        );
        self
    }

    /// Assert the run failed with `code` (and did not panic).
    #[track_caller]
    pub fn failure(self, code: i32) -> Self {
        self.assert_no_panic();
        assert_eq!(
            self.code,
            Some(code),
            "expected exit code {code}; stdout:\n{}\nstderr:\n{}",
            self.stdout,
            self.stderr
        );
        self
    }

    #[track_caller]
    pub fn assert_no_panic(&self) {
        assert!(
            !self.stderr.contains("panicked"),
            "mizan panicked:\n{}",
            self.stderr
        );
    }

    #[track_caller]
    pub fn stderr_has(&self, needle: &str) -> &Self {
        assert!(
            self.stderr.contains(needle),
            "stderr should contain {needle:?}; it was:\n{}",
            self.stderr
        );
        self
    }

    /// The jsonl output, one value per line.
    #[track_caller]
    pub fn jsonl(&self) -> Vec<Sentence> {
        parse_jsonl(&self.stdout)
    }
}

/// Run `mizan` with `args` in `dir`.
pub fn run_in(dir: &Path, args: &[&str]) -> Run {
    let output = mizan_in(dir).args(args).output().expect("mizan runs");
    Run {
        code: output.status.code(),
        stdout: String::from_utf8(output.stdout).expect("stdout is UTF-8"),
        stderr: String::from_utf8(output.stderr).expect("stderr is UTF-8"),
    }
}

/// Run `mizan` with `args` from the crate root.
pub fn run(args: &[&str]) -> Run {
    run_in(&manifest_dir(), args)
}

/// JSON-lines output, one JSON value per line (any fields).
#[track_caller]
pub fn json_lines(stdout: &str) -> Vec<Value> {
    stdout
        .lines()
        .map(|l| serde_json::from_str(l).unwrap_or_else(|e| panic!("not JSON ({e}): {l}")))
        .collect()
}

/// One line of `mizan segment --format jsonl`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Sentence {
    pub doc: String,
    pub index: usize,
    pub start: usize,
    pub end: usize,
    pub text: String,
    pub kind: String,
}

/// Parse jsonl output, checking every line has exactly the documented fields.
#[track_caller]
pub fn parse_jsonl(stdout: &str) -> Vec<Sentence> {
    const FIELDS: [&str; 6] = ["doc", "end", "index", "kind", "start", "text"];
    stdout
        .lines()
        .map(|line| {
            let value: Value =
                serde_json::from_str(line).unwrap_or_else(|e| panic!("not JSON ({e}): {line}"));
            let object = value.as_object().expect("each line is a JSON object");
            let mut keys: Vec<&str> = object.keys().map(String::as_str).collect();
            keys.sort_unstable();
            assert_eq!(keys, FIELDS, "fields of {line}");
            let string = |k: &str| object[k].as_str().expect("a string field").to_string();
            let number = |k: &str| {
                usize::try_from(object[k].as_u64().expect("a number field")).expect("fits")
            };
            Sentence {
                doc: string("doc"),
                index: number("index"),
                start: number("start"),
                end: number("end"),
                text: string("text"),
                kind: string("kind"),
            }
        })
        .collect()
}

/// Where the article body begins: after a `---` front matter block at the very start, if any.
/// Written independently of mizan, from the documented format.
pub fn body_start(text: &str) -> usize {
    let Some(rest) = text.strip_prefix("---\n") else {
        return 0;
    };
    let mut offset = text.len() - rest.len();
    for line in rest.split_inclusive('\n') {
        offset += line.len();
        if line.trim_end() == "---" {
            return offset;
        }
    }
    0
}

/// Check the documented span invariants of one document's sentences against its text:
/// each text is the byte slice `[start, end)`, indices count from 0, spans are trimmed,
/// ordered, non-overlapping, start in the body, and cover every non-white-space character
/// of the body.
#[track_caller]
pub fn check_spans(doc: &str, text: &str, sentences: &[&Sentence]) {
    let body = body_start(text);
    let mut covered_to = body;
    for (k, s) in sentences.iter().enumerate() {
        assert_eq!(s.index, k, "{doc}: index counts from 0");
        assert!(s.start < s.end, "{doc}: empty span {s:?}");
        assert!(
            s.start >= body,
            "{doc}: sentence {k} starts in the front matter"
        );
        let slice = text
            .get(s.start..s.end)
            .unwrap_or_else(|| panic!("{doc}: span {}..{} is not in the text", s.start, s.end));
        assert_eq!(
            slice, s.text,
            "{doc}: text of sentence {k} is its byte slice"
        );
        assert_eq!(
            slice.trim(),
            slice,
            "{doc}: sentence {k} has surrounding space"
        );
        assert!(
            s.start >= covered_to,
            "{doc}: sentence {k} overlaps the previous one"
        );
        let gap = &text[covered_to..s.start];
        assert!(
            gap.chars().all(char::is_whitespace),
            "{doc}: text before sentence {k} is in no sentence: {gap:?}"
        );
        covered_to = s.end;
    }
    let tail = &text[covered_to..];
    assert!(
        tail.chars().all(char::is_whitespace),
        "{doc}: text after the last sentence is in no sentence: {tail:?}"
    );
}
