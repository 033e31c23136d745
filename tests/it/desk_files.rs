//! The desk's own files as the commands that edit and check them treat them: `reviews.toml`
//! edited in place (comments kept, a replaced note said), pair ids checked against the
//! articles, a `--reviews` that is a folder, and what `glossary check`, `add`, `import` and
//! `export` say about characters a glossary field should not hold.

use crate::util::{manifest_dir, run_in};
use std::fs;

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
