//! Where `-o` writes: special files written through, links followed, inputs of the same run
//! refused, long names, stale temporary files, the format from the file name, the `wrote`
//! line; and the generated shell completions and man page.

use crate::util::{manifest_dir, run_in, sample_dir};
use std::fs;
use std::path::{Path, PathBuf};
use std::time::{Duration, SystemTime};

/// A desk: two sample articles in `articles/` and the repository's glossary.
fn desk() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    fs::create_dir(dir.path().join("articles")).unwrap();
    for name in ["01_caspian-wire.txt", "03_dune-evening.txt"] {
        fs::copy(
            sample_dir().join(name),
            dir.path().join("articles").join(name),
        )
        .unwrap();
    }
    fs::copy(
        manifest_dir().join("glossary.toml"),
        dir.path().join("glossary.toml"),
    )
    .unwrap();
    dir
}

fn names(dir: &Path) -> Vec<String> {
    let mut names: Vec<String> = fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    names.sort();
    names
}

#[cfg(unix)]
fn make_fifo(path: &Path) {
    let status = std::process::Command::new("mkfifo")
        .arg(path)
        .status()
        .expect("mkfifo runs");
    assert!(status.success());
}

/// A character device to write to: a private copy of /dev/null where the tests may make one
/// (as root), else /dev/null itself (which a user who is not root cannot replace anyway).
#[cfg(unix)]
fn null_device(dir: &Path) -> PathBuf {
    let own = dir.join("null");
    let made = std::process::Command::new("mknod")
        .args([own.as_os_str(), "c".as_ref(), "1".as_ref(), "3".as_ref()])
        .stderr(std::process::Stdio::null())
        .status()
        .is_ok_and(|s| s.success());
    if made {
        own
    } else {
        PathBuf::from("/dev/null")
    }
}

#[cfg(unix)]
#[test]
fn a_character_device_is_written_through_not_replaced() {
    use std::os::unix::fs::FileTypeExt;
    let dir = desk();
    let null = null_device(dir.path());
    let null_arg = null.to_str().unwrap();
    run_in(dir.path(), &["brief", "articles", "-o", null_arg]).success();
    run_in(dir.path(), &["glossary", "export", "-o", null_arg]).success();
    let meta = fs::symlink_metadata(&null).unwrap();
    assert!(
        meta.file_type().is_char_device(),
        "{null_arg} is still a device"
    );
    assert!(
        fs::read(&null).unwrap().is_empty(),
        "the briefing went nowhere"
    );
}

#[cfg(unix)]
#[test]
fn a_fifo_is_written_through_to_its_reader() {
    use std::io::Read;
    use std::os::unix::fs::FileTypeExt;
    let dir = desk();
    let fifo = dir.path().join("pipe");
    make_fifo(&fifo);
    let (sent, received) = std::sync::mpsc::channel();
    let reader_path = fifo.clone();
    // Blocks in open until mizan opens the FIFO for writing (never, if it replaces it).
    std::thread::spawn(move || {
        let mut text = String::new();
        fs::File::open(&reader_path)
            .unwrap()
            .read_to_string(&mut text)
            .unwrap();
        let _ = sent.send(text);
    });
    run_in(dir.path(), &["brief", "articles", "-o", "pipe"]).success();
    let text = received
        .recv_timeout(Duration::from_secs(20))
        .expect("the reader of the FIFO got the briefing");
    assert!(text.starts_with("# "), "{text}");
    assert!(text.contains("## "), "the whole briefing: {text}");
    assert!(
        fs::symlink_metadata(&fifo).unwrap().file_type().is_fifo(),
        "the FIFO is still a FIFO"
    );
}

#[cfg(unix)]
#[test]
fn a_unix_socket_is_connected_to_and_written() {
    use std::io::Read;
    use std::os::unix::fs::FileTypeExt;
    let dir = desk();
    let socket = dir.path().join("sock");
    let listener = std::os::unix::net::UnixListener::bind(&socket).unwrap();
    let (sent, received) = std::sync::mpsc::channel();
    std::thread::spawn(move || {
        let (mut stream, _) = listener.accept().unwrap();
        let mut text = String::new();
        stream.read_to_string(&mut text).unwrap();
        let _ = sent.send(text);
    });
    run_in(dir.path(), &["glossary", "export", "-o", "sock"]).success();
    let text = received
        .recv_timeout(Duration::from_secs(20))
        .expect("the listener got the export");
    assert!(text.starts_with("ar\ten\t"), "{text}");
    assert!(
        fs::symlink_metadata(&socket)
            .unwrap()
            .file_type()
            .is_socket()
    );
}

#[test]
fn dash_means_standard_output() {
    let dir = desk();
    let out = run_in(dir.path(), &["brief", "articles", "-o", "-"]).success();
    assert!(out.stdout.starts_with("# "), "{}", out.stdout);
    assert!(!out.stderr.contains("wrote"), "{}", out.stderr);
    let out = run_in(dir.path(), &["glossary", "export", "-o", "-"]).success();
    assert!(out.stdout.starts_with("ar\ten\t"), "{}", out.stdout);
    assert!(!dir.path().join("-").exists(), "no file named '-'");
}

#[cfg(unix)]
#[test]
fn a_link_to_a_file_replaces_the_file_and_keeps_the_link() {
    let dir = desk();
    fs::create_dir(dir.path().join("real")).unwrap();
    fs::write(dir.path().join("real/brief.md"), "old\n").unwrap();
    std::os::unix::fs::symlink("real/brief.md", dir.path().join("link.md")).unwrap();
    run_in(dir.path(), &["brief", "articles", "-o", "link.md"]).success();
    let link = fs::symlink_metadata(dir.path().join("link.md")).unwrap();
    assert!(link.file_type().is_symlink(), "the link is kept");
    let written = fs::read_to_string(dir.path().join("real/brief.md")).unwrap();
    assert!(written.starts_with("# "), "{written}");
    assert_eq!(names(&dir.path().join("real")), ["brief.md"]);
}

#[cfg(unix)]
#[test]
fn a_dangling_link_is_refused_not_replaced_by_a_file() {
    let dir = desk();
    std::os::unix::fs::symlink("gone/brief.md", dir.path().join("out.md")).unwrap();
    std::os::unix::fs::symlink("gone/glossary.toml", dir.path().join("g.toml")).unwrap();
    let is_dangling_link = |name: &str| {
        let path = dir.path().join(name);
        fs::symlink_metadata(&path)
            .unwrap()
            .file_type()
            .is_symlink()
            && !path.exists()
    };
    for args in [
        &["brief", "articles", "-o", "out.md"][..],
        &["glossary", "export", "-o", "out.md"],
    ] {
        run_in(dir.path(), args)
            .failure(2)
            .stderr_has("out.md: is a symbolic link to gone/brief.md, which does not exist");
        assert!(is_dangling_link("out.md"), "{args:?}");
    }
    run_in(
        dir.path(),
        &[
            "glossary",
            "add",
            "بنغازي",
            "Benghazi",
            "--glossary",
            "g.toml",
        ],
    )
    .failure(2)
    .stderr_has("g.toml: is a symbolic link to gone/glossary.toml, which does not exist");
    assert!(is_dangling_link("g.toml"));
    run_in(
        dir.path(),
        &[
            "review",
            "--reviews",
            "out.md",
            "--note",
            "0123456789abcdef",
            "x",
        ],
    )
    .failure(2)
    .stderr_has("which does not exist");
    assert!(is_dangling_link("out.md"));
    assert!(!dir.path().join("g.toml.lock").exists());
}

/// Each file a `brief` run reads, named as `-o`, is refused and left as it was.
#[test]
fn output_over_an_input_of_the_same_run_is_refused() {
    let dir = desk();
    let d = dir.path();
    fs::write(d.join("reviews.toml"), "# decisions\n").unwrap();
    fs::write(d.join("translations.toml"), "# translations\n").unwrap();
    fs::create_dir(d.join("tpl")).unwrap();
    fs::write(d.join("tpl/briefing.md.j2"), "# {{ title }}\n").unwrap();
    fs::write(
        d.join("lone.md"),
        fs::read(d.join("articles/01_caspian-wire.txt")).unwrap(),
    )
    .unwrap();
    let before = |name: &str| fs::read(d.join(name)).unwrap();
    let cases: Vec<(&str, &str, Vec<&str>)> = vec![
        ("glossary.toml", "the glossary", vec![]),
        ("reviews.toml", "the review decisions", vec![]),
        ("translations.toml", "the translations", vec![]),
        ("articles/01_caspian-wire.txt", "an article", vec![]),
        ("lone.md", "an article", vec!["lone.md"]),
        (
            "tpl/briefing.md.j2",
            "a template",
            vec!["--templates", "tpl"],
        ),
    ];
    for (target, kind, extra) in &cases {
        let old = before(target);
        let mut args = vec!["brief", "articles", "-o", target];
        args.extend(extra);
        let out = run_in(d, &args).failure(2);
        out.stderr_has(&format!("{target}: would overwrite {kind} this run reads"));
        assert_eq!(before(target), old, "{target} untouched");
    }
    // The same file under another name: a hard link, a symbolic link.
    fs::hard_link(d.join("articles/03_dune-evening.txt"), d.join("hard.md")).unwrap();
    let old = before("hard.md");
    run_in(d, &["brief", "articles", "-o", "hard.md"])
        .failure(2)
        .stderr_has(
            "hard.md: would overwrite an article this run reads (articles/03_dune-evening.txt)",
        );
    assert_eq!(before("hard.md"), old);
    #[cfg(unix)]
    {
        std::os::unix::fs::symlink("glossary.toml", d.join("link.toml")).unwrap();
        let old = before("glossary.toml");
        run_in(d, &["brief", "articles", "-o", "link.toml"])
            .failure(2)
            .stderr_has("link.toml: would overwrite the glossary this run reads (glossary.toml)");
        assert_eq!(before("glossary.toml"), old);
    }
    // A desk file that does not exist yet is the run's file all the same.
    fs::remove_file(d.join("reviews.toml")).unwrap();
    run_in(d, &["brief", "articles", "-o", "reviews.toml"])
        .failure(2)
        .stderr_has("reviews.toml: would overwrite the review decisions this run reads");
    assert!(!d.join("reviews.toml").exists());
    // The export's input is the glossary.
    let old = before("glossary.toml");
    run_in(d, &["glossary", "export", "-o", "glossary.toml"])
        .failure(2)
        .stderr_has("glossary.toml: would overwrite the glossary this run reads");
    assert_eq!(before("glossary.toml"), old);
    // Both read the desk's configuration.
    fs::write(d.join("mizan.toml"), "# the desk\n").unwrap();
    for args in [
        &["brief", "articles", "-o", "mizan.toml"][..],
        &["glossary", "export", "-o", "mizan.toml"],
    ] {
        run_in(d, args)
            .failure(2)
            .stderr_has("mizan.toml: would overwrite the desk's configuration this run reads");
        assert_eq!(before("mizan.toml"), b"# the desk\n");
    }
}

#[test]
fn a_folder_as_output_is_a_usage_error() {
    let dir = desk();
    fs::create_dir(dir.path().join("out")).unwrap();
    run_in(dir.path(), &["glossary", "export", "-o", "out"])
        .failure(2)
        .stderr_has("out: is a folder");
    run_in(dir.path(), &["brief", "articles", "-o", "out"])
        .failure(2)
        .stderr_has("out: is a folder");
    assert!(names(&dir.path().join("out")).is_empty());
    // A folder that is not there is said plainly, also before the run's work.
    for args in [
        &["glossary", "export", "-o", "nodir/g.tsv"][..],
        &["brief", "articles", "-o", "nodir/b.md"],
    ] {
        let out = run_in(dir.path(), args).failure(1);
        out.stderr_has("error: nodir: no such file or directory");
        assert!(!out.stderr.contains(".tmp"), "{}", out.stderr);
    }
}

#[test]
fn a_name_of_253_bytes_is_written() {
    let dir = desk();
    let name = format!("{}.md", "b".repeat(250));
    assert_eq!(name.len(), 253);
    run_in(dir.path(), &["brief", "articles", "-o", &name]).success();
    let written = fs::read_to_string(dir.path().join(&name)).unwrap();
    assert!(written.starts_with("# "));
    // An Arabic name of 252 bytes (two bytes a letter): the shortened prefix stays UTF-8.
    let name = format!("{}.tsv", "ب".repeat(124));
    assert_eq!(name.len(), 252);
    run_in(dir.path(), &["glossary", "export", "-o", &name]).success();
    assert!(dir.path().join(&name).is_file());
    assert_eq!(names(dir.path()).len(), 4, "{:?}", names(dir.path()));
}

#[test]
fn stale_temporary_files_of_the_same_target_are_cleaned() {
    let dir = desk();
    let d = dir.path();
    let old = SystemTime::now() - Duration::from_secs(120);
    let put = |name: &str, modified: SystemTime| {
        let file = fs::File::create(d.join(name)).unwrap();
        file.set_modified(modified).unwrap();
    };
    put(".brief.md.Ab12Cd.tmp", old); // ours, stale: removed
    put(".brief.md.Zz99yy.tmp", SystemTime::now()); // ours, fresh: another writer's, kept
    put(".other.md.Ab12Cd.tmp", old); // another target's
    put(".brief.md.tmp", old); // not our pattern
    put(".brief.md.Ab12Cd.tmp.keep", old); // not our pattern
    run_in(d, &["brief", "articles", "-o", "brief.md"]).success();
    assert_eq!(
        names(d),
        [
            ".brief.md.Ab12Cd.tmp.keep",
            ".brief.md.Zz99yy.tmp",
            ".brief.md.tmp",
            ".other.md.Ab12Cd.tmp",
            "articles",
            "brief.md",
            "glossary.toml",
        ]
    );
}

/// The lock file is kept by design (docs/cli.md): both edits land, and it is an empty file.
#[test]
fn edits_keep_their_lock_file_and_lose_nothing() {
    let dir = desk();
    for (ar, en) in [("بنغازي", "Benghazi"), ("طرابلس", "Tripoli")] {
        run_in(dir.path(), &["glossary", "add", ar, en, "--kind", "place"]).success();
    }
    let lock = dir.path().join("glossary.toml.lock");
    assert_eq!(fs::metadata(&lock).unwrap().len(), 0);
    let list = run_in(dir.path(), &["glossary", "list"]).success().stdout;
    assert!(list.contains("بنغازي → Benghazi") && list.contains("طرابلس → Tripoli"));
}

#[test]
fn the_format_follows_the_file_name_unless_format_is_given() {
    let dir = desk();
    let d = dir.path();
    let read = |name: &str| fs::read_to_string(d.join(name)).unwrap();
    run_in(d, &["brief", "articles", "-o", "b.html"]).success();
    assert!(read("b.html").starts_with("<!DOCTYPE html>"));
    run_in(d, &["brief", "articles", "-o", "b.json"]).success();
    let json: serde_json::Value = serde_json::from_str(&read("b.json")).unwrap();
    assert!(json.is_object());
    run_in(d, &["brief", "articles", "-o", "b.md"]).success();
    assert!(read("b.md").starts_with("# "));
    // An extension mizan does not know: the default (Markdown), or --format.
    run_in(d, &["brief", "articles", "-o", "b.txt"]).success();
    assert!(read("b.txt").starts_with("# "));
    run_in(
        d,
        &["brief", "articles", "--format", "html", "-o", "b.page"],
    )
    .success();
    assert!(read("b.page").starts_with("<!DOCTYPE html>"));
    // Agreeing is fine; contradicting is an error naming both, and nothing is written.
    run_in(
        d,
        &["brief", "articles", "--format", "html", "-o", "b.html"],
    )
    .success();
    run_in(
        d,
        &["brief", "articles", "--format", "html", "-o", "new.md"],
    )
    .failure(2)
    .stderr_has("--format html")
    .stderr_has("new.md");
    assert!(!d.join("new.md").exists());

    run_in(d, &["glossary", "export", "-o", "g.csv"]).success();
    assert!(read("g.csv").starts_with("ar,en,kind,variants,note,also,gloss\r\n"));
    run_in(d, &["glossary", "export", "-o", "g.tsv"]).success();
    assert!(read("g.tsv").starts_with("ar\ten\tkind\tvariants\tnote\talso\tgloss\n"));
    run_in(d, &["glossary", "export", "-o", "g.tbx"]).success();
    assert!(read("g.tbx").contains("<martif type=\"TBX-Basic\""));
    run_in(d, &["glossary", "export", "-o", "g.txt"]).success();
    assert!(
        read("g.txt").starts_with("ar\ten\t"),
        "unknown extension: TSV"
    );
    run_in(
        d,
        &["glossary", "export", "--format", "tsv", "-o", "new.csv"],
    )
    .failure(2)
    .stderr_has("--format tsv")
    .stderr_has("new.csv");
    assert!(!d.join("new.csv").exists());
}

#[test]
fn a_written_file_is_said_on_stderr_unless_quiet() {
    let dir = desk();
    let d = dir.path();
    let out = run_in(d, &["brief", "articles", "-o", "brief.md"]).success();
    assert_eq!(out.stderr, "wrote brief.md\n");
    let out = run_in(d, &["brief", "articles", "-o", "brief.md", "--quiet"]).success();
    assert_eq!(out.stderr, "");
    let out = run_in(d, &["glossary", "export", "-o", "g.tsv"]).success();
    assert_eq!(out.stderr, "wrote g.tsv\n");
    let out = run_in(d, &["glossary", "export", "-o", "g.tsv", "-q"]).success();
    assert_eq!(out.stderr, "");
    let out = run_in(d, &["brief", "articles"]).success();
    assert!(!out.stderr.contains("wrote"));
}

#[test]
fn completions_and_the_man_page_come_from_the_command_line_definitions() {
    let dir = desk();
    let bash = run_in(dir.path(), &["completions", "bash"])
        .success()
        .stdout;
    assert!(bash.contains("_mizan()"), "{bash}");
    for word in ["brief", "glossary", "--templates", "--threshold"] {
        assert!(bash.contains(word), "bash completion knows {word}");
    }
    let zsh = run_in(dir.path(), &["completions", "zsh"]).success().stdout;
    assert!(zsh.starts_with("#compdef mizan"), "{zsh}");
    let fish = run_in(dir.path(), &["completions", "fish"])
        .success()
        .stdout;
    assert!(fish.contains("complete -c mizan"), "{fish}");
    for shell in ["elvish", "powershell"] {
        let script = run_in(dir.path(), &["completions", shell]).success().stdout;
        assert!(
            script.contains("mizan") && script.contains("--templates"),
            "{shell}"
        );
    }
    run_in(dir.path(), &["completions", "tcsh"]).failure(2);

    let man = run_in(dir.path(), &["man"]).success().stdout;
    assert!(man.contains(".TH mizan 1"), "{man}");
    for word in ["brief", "segment", "glossary", "completions"] {
        assert!(man.contains(word), "the man page lists {word}");
    }
    let brief = run_in(dir.path(), &["man", "brief"]).success().stdout;
    assert!(brief.contains(".TH mizan-brief 1"), "{brief}");
    assert!(brief.contains("templates"), "{brief}");
    run_in(dir.path(), &["man", "nosuch"])
        .failure(2)
        .stderr_has("nosuch");
}
