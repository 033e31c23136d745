//! Every figure found in a folder of articles, per file and sentence:
//! `cargo run --release --example figures_seeds -- /work/shared/seeds [--check]`.
//!
//! Prints one tab-separated line per figure: file, sentence index, byte start and end in the
//! file, label, amount, and the Arabic as written. Exits 2 when the folder is missing or
//! unreadable. With `--check`, also checks the figures the seeds must give (and must not
//! give) and exits 1 when one is wrong: the acceptance list of docs/figures.md.

use mizan::figures::{Figure, extract};
use mizan::text::segment;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

/// (file name prefix, label, amount) the seeds must give.
const EXPECTED: &[(&str, &str, &str)] = &[
    ("003", "killed", "160"),
    ("003", "killed", "at least 164"),
    ("001", "security forces killed", "at least 8"),
    ("002", "security forces killed", "8"),
    ("003", "security forces killed", "16"),
    ("000", "arrested", "more than 200"),
    ("003", "arrested", "about 6,000"),
    ("003", "arrested", "5,800"),
    ("001", "wounded", "more than 1,000"),
    ("002", "wounded", "more than 1,000"),
    ("003", "wounded", "more than 2,000"),
    ("000", "police injured", "about 95"),
    ("000", "vehicles damaged", "37"),
    ("003", "vehicles damaged", "more than 400"),
    ("001", "hospitalised", "400"),
    ("001", "in intensive care", "62"),
    ("003", "losses (EUR)", "EUR 175 million"),
];

/// Numbers that must never be a figure (years, a date range, an age, a channel, a count of
/// investigations, a typo), except 19 million as a population.
const NOT_FIGURES: &[&str] = &["1989", "2019", "2022", "5", "19", "81", "24", "125", "60"];

struct Found {
    file: String,
    sentence: usize,
    start: usize,
    end: usize,
    figure: Figure,
    surface: String,
}

fn main() -> ExitCode {
    let mut args = std::env::args().skip(1);
    let mut folder = None;
    let mut check = false;
    for arg in args.by_ref() {
        if arg == "--check" {
            check = true;
        } else {
            folder = Some(PathBuf::from(arg));
        }
    }
    let Some(folder) = folder else {
        eprintln!("usage: figures_seeds SEEDS_FOLDER [--check]");
        return ExitCode::from(2);
    };
    let found = match scan(&folder) {
        Ok(found) => found,
        Err(message) => {
            eprintln!("figures_seeds: {message}");
            return ExitCode::from(2);
        }
    };
    for f in &found {
        println!(
            "{}\t{}\t{}\t{}\t{}\t{}\t{}",
            f.file,
            f.sentence,
            f.start,
            f.end,
            f.figure.label(),
            f.figure.amount(),
            f.surface
        );
    }
    if !check {
        return ExitCode::SUCCESS;
    }
    let mut failures = 0;
    for &(prefix, label, amount) in EXPECTED {
        let hit = found.iter().any(|f| {
            f.file.starts_with(prefix) && f.figure.label() == label && f.figure.amount() == amount
        });
        if !hit {
            eprintln!("missing: {prefix} {label} {amount}");
            failures += 1;
        }
    }
    for f in &found {
        let digits: String = f.surface.chars().filter(|c| c.is_ascii_digit()).collect();
        let population = f.figure.label() == "population";
        if NOT_FIGURES.contains(&digits.as_str()) && !f.surface.contains("ألف") && !population {
            eprintln!(
                "not a figure: {} {} {}",
                f.file,
                f.figure.label(),
                f.surface
            );
            failures += 1;
        }
        if f.figure.value == Some(19e6) && f.figure.label() != "population" {
            eprintln!("population as {}: {}", f.figure.label(), f.file);
            failures += 1;
        }
    }
    if failures > 0 {
        eprintln!("{failures} check(s) failed");
        return ExitCode::from(1);
    }
    eprintln!("all {} checks passed", EXPECTED.len() + found.len());
    ExitCode::SUCCESS
}

fn scan(folder: &Path) -> Result<Vec<Found>, String> {
    let entries = std::fs::read_dir(folder)
        .map_err(|e| format!("cannot read seeds folder {}: {e}", folder.display()))?;
    let mut paths: Vec<PathBuf> = entries
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|x| x == "txt" || x == "md"))
        .collect();
    paths.sort();
    if paths.is_empty() {
        return Err(format!("no .txt or .md files in {}", folder.display()));
    }
    let mut found = Vec::new();
    for path in paths {
        let text = std::fs::read_to_string(&path)
            .map_err(|e| format!("cannot read {}: {e}", path.display()))?;
        let file = path
            .file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_default();
        for (index, sentence) in segment(&text).iter().enumerate() {
            let sentence_text = sentence.span.slice(&text);
            for figure in extract(sentence_text) {
                let start = sentence.span.start + figure.span.start;
                let end = sentence.span.start + figure.span.end;
                found.push(Found {
                    file: file.clone(),
                    sentence: index,
                    start,
                    end,
                    surface: text[start..end].to_string(),
                    figure,
                });
            }
        }
    }
    Ok(found)
}
