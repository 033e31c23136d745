//! The desk's folder: found by walking up to a `mizan.toml` or `glossary.toml`, so every
//! command uses the same glossary, decisions and defaults from any subfolder; `mizan init`.

use crate::util::{json_lines, manifest_dir, run_in, sample_dir};
use std::fs;
use std::path::Path;

/// A desk: the repo glossary at the top, three sample articles in `in/`, a working folder
/// `work/deep` below.
fn desk() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    fs::create_dir_all(dir.path().join("in")).unwrap();
    fs::create_dir_all(dir.path().join("work/deep")).unwrap();
    for name in [
        "01_caspian-wire.txt",
        "02_steppe-daily.md",
        "03_dune-evening.txt",
    ] {
        fs::copy(sample_dir().join(name), dir.path().join("in").join(name)).unwrap();
    }
    fs::copy(
        manifest_dir().join("glossary.toml"),
        dir.path().join("glossary.toml"),
    )
    .unwrap();
    dir
}

fn pair_ids(dir: &Path, args: &[&str]) -> Vec<String> {
    json_lines(&run_in(dir, args).success().stdout)
        .iter()
        .map(|p| p["id"].as_str().unwrap().to_string())
        .collect()
}

#[test]
fn every_command_run_below_the_desk_uses_its_glossary_and_decisions() {
    let dir = desk();
    let deep = dir.path().join("work/deep");
    // The glossary is found from a subfolder: brief runs, with the glossary's English.
    let md = run_in(&deep, &["brief", "../../in"]).success().stdout;
    assert!(md.contains("Almaty"), "{md}");
    // A decision recorded from a subfolder lands in the desk's reviews.toml ...
    let ids = pair_ids(&deep, &["align", "--format", "jsonl", "../../in"]);
    run_in(&deep, &["review", "--reject", &ids[0], "../../in"]).success();
    assert!(dir.path().join("reviews.toml").is_file());
    assert!(!deep.join("reviews.toml").exists());
    // ... and every command honours it, from anywhere in the desk.
    for at in [
        dir.path().to_path_buf(),
        deep.clone(),
        dir.path().join("work"),
    ] {
        let input = dir.path().join("in");
        let ids_now = pair_ids(
            &at,
            &["align", "--format", "jsonl", input.to_str().unwrap()],
        );
        assert!(!ids_now.contains(&ids[0]), "{}", at.display());
    }
    // --timings says which files were used.
    run_in(&deep, &["align", "--timings", "--quiet", "../../in"])
        .success()
        .stderr_has(&format!(
            "glossary: {}",
            Path::new("../../glossary.toml").display()
        ))
        .stderr_has(&format!(
            "reviews: {}",
            Path::new("../../reviews.toml").display()
        ));
}

#[test]
fn mizan_toml_names_the_files_and_the_default_flags() {
    let dir = desk();
    fs::create_dir(dir.path().join("terms")).unwrap();
    fs::rename(
        dir.path().join("glossary.toml"),
        dir.path().join("terms/desk.toml"),
    )
    .unwrap();
    let deep = dir.path().join("work/deep");
    let loose = pair_ids(
        &deep,
        &[
            "align",
            "--format",
            "jsonl",
            "--threshold",
            "0.3",
            "../../in",
        ],
    );
    fs::write(
        dir.path().join("mizan.toml"),
        "glossary = \"terms/desk.toml\"\n\n[defaults]\nthreshold = 0.3\ntop = 1\n",
    )
    .unwrap();
    // The default threshold is the desk's; a flag still wins.
    assert_eq!(
        pair_ids(&deep, &["align", "--format", "jsonl", "../../in"]),
        loose
    );
    let strict = pair_ids(
        &deep,
        &[
            "align",
            "--format",
            "jsonl",
            "--threshold",
            "0.9",
            "../../in",
        ],
    );
    assert!(strict.len() < loose.len());
    // The glossary it names is used (there is no glossary.toml any more), and `top`.
    let brief = run_in(&deep, &["brief", "--format", "json", "../../in"])
        .success()
        .stdout;
    let brief: serde_json::Value = serde_json::from_str(&brief).unwrap();
    assert!(brief["facts"].as_array().unwrap().len() <= 1);
    run_in(&deep, &["brief", "--timings", "--quiet", "../../in"])
        .success()
        .stderr_has("desk: ../../mizan.toml");
    // A malformed mizan.toml is a configuration error with its line and column.
    fs::write(
        dir.path().join("mizan.toml"),
        "[defaults]\nthreshhold = 0.3\n",
    )
    .unwrap();
    run_in(&deep, &["align", "../../in"])
        .failure(2)
        .stderr_has("mizan.toml:2:1: unknown field 'threshhold'");
}

#[test]
fn init_makes_a_desk_and_refuses_to_do_it_twice() {
    let dir = tempfile::tempdir().unwrap();
    fs::create_dir(dir.path().join("in")).unwrap();
    fs::copy(
        sample_dir().join("01_caspian-wire.txt"),
        dir.path().join("in/a.txt"),
    )
    .unwrap();
    run_in(dir.path(), &["init"])
        .success()
        .stderr_has("wrote glossary.toml")
        .stderr_has("wrote mizan.toml");
    let md = run_in(&dir.path().join("in"), &["brief", "."])
        .success()
        .stdout;
    assert!(md.contains("Kazakhstan"), "{md}");
    run_in(dir.path(), &["init"])
        .failure(2)
        .stderr_has("already a desk");
}
