//! Limits: an article or an archive too large to hold is refused before it is read, with a
//! message that says the limit and what to do, never an out-of-memory kill.

use crate::util::run_in;
use std::fs;

#[test]
fn an_article_over_64_mib_is_refused_before_it_is_read() {
    let dir = tempfile::tempdir().unwrap();
    // A sparse file: 500 MB on paper, nothing on disk; mizan must refuse it by its size.
    let file = fs::File::create(dir.path().join("huge.txt")).unwrap();
    file.set_len(500_000_000).unwrap();
    let out = run_in(dir.path(), &["segment", "huge.txt"]).failure(1);
    out.stderr_has("huge.txt: file of 500000000 bytes is over the limit of 67108864 bytes");
}

#[test]
fn input_over_the_run_limit_is_refused_with_what_to_do() {
    let dir = tempfile::tempdir().unwrap();
    // A 5 GB archive on paper (sparse): refused before a byte is read.
    let file = fs::File::create(dir.path().join("week.jsonl")).unwrap();
    file.set_len(5_000_000_000).unwrap();
    let out = run_in(dir.path(), &["segment", "week.jsonl"]).failure(1);
    out.stderr_has("week.jsonl: the input comes to 5000000000 bytes")
        .stderr_has("brief the archive in parts")
        .stderr_has("--max-input");
    // The limit counts every file of the run, and can be set.
    fs::create_dir(dir.path().join("in")).unwrap();
    for name in ["a.txt", "b.txt"] {
        fs::write(
            dir.path().join("in").join(name),
            "خبر قصير. ".repeat(35_000),
        )
        .unwrap();
    }
    run_in(dir.path(), &["segment", "--max-input", "1", "in"])
        .failure(1)
        .stderr_has("in/b.txt: the input comes to");
    run_in(
        dir.path(),
        &[
            "segment",
            "--max-input",
            "1",
            "--format",
            "jsonl",
            "in/a.txt",
        ],
    )
    .success();
}
