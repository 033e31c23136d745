//! CAT exchange at a desk's scale: 10,000 units of real news out as XLIFF 1.2, XLIFF 2.0, PO
//! and TMX and read back, then `mizan translate --import` (the binary, as a desk runs it) of
//! 10,000 translated units into a translations file.
//!
//! ```text
//! cargo bench --bench exchange -- [--shared DIR] [--units N] [--runs R]
//! ```
//!
//! The units are the first N distinct sentences (by `align::sentence_key`) of at least six
//! words of the SaudiNewsNet sample (`../shared/data/saudinewsnet-sample`, test data that is
//! never shipped), each with a location note and a terms note as the queue writes them. Format
//! times are the fastest of R runs (default 3) of the library's writer and reader; the import is
//! timed three ways, each from a fresh copy: into an empty translations file (all added), the
//! same file again (all unchanged), and with other English and `--force` (all replaced). One
//! JSON line per measure. Fails when the data is missing.

use mizan::interchange::units::{ExportUnit, TmUnit};
use mizan::interchange::{po, tmx, xliff};
use serde_json::Value;
use std::io::{BufRead, BufReader};
use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::Instant;

fn main() {
    let mut shared = PathBuf::from(concat!(env!("CARGO_MANIFEST_DIR"), "/../shared"));
    let mut wanted = 10_000;
    let mut runs = 3;
    let mut args = std::env::args().skip(1);
    while let Some(arg) = args.next() {
        match arg.as_str() {
            "--shared" => shared = PathBuf::from(args.next().expect("--shared DIR")),
            "--units" => wanted = args.next().expect("--units N").parse().expect("a number"),
            "--runs" => runs = args.next().expect("--runs R").parse().expect("a number"),
            "--bench" => {}
            other => panic!("unknown argument {other}"),
        }
    }
    let archive = shared.join("data/saudinewsnet-sample/saudinewsnet_2015-08-02_to_08-11.jsonl");
    let file = std::fs::File::open(&archive).unwrap_or_else(|e| {
        eprintln!("exchange bench: cannot open {}: {e}", archive.display());
        std::process::exit(2);
    });
    let units = units_of(BufReader::new(file), wanted);
    if units.len() < wanted {
        eprintln!("exchange bench: only {} sentences found", units.len());
        std::process::exit(2);
    }

    let path = Path::new("bench.xlf");
    let timed = |what: &str, bytes: usize, f: &dyn Fn()| {
        let best = (0..runs)
            .map(|_| {
                let start = Instant::now();
                f();
                start.elapsed().as_secs_f64()
            })
            .fold(f64::INFINITY, f64::min);
        println!(
            "{}",
            serde_json::json!({"measure": what, "units": units.len(), "bytes": bytes, "best_s": round(best)})
        );
    };
    for (name, version) in [
        ("xliff1.2", xliff::Version::V12),
        ("xliff2.0", xliff::Version::V20),
    ] {
        let doc = xliff::write(&units, version, "archive", false);
        timed(&format!("{name} write"), doc.len(), &|| {
            std::hint::black_box(xliff::write(&units, version, "archive", false));
        });
        timed(&format!("{name} read"), doc.len(), &|| {
            let back = xliff::read(&doc, path).expect("reads back");
            assert_eq!(back.len(), units.len());
            assert!(back.iter().all(|u| same_sentence(&u.id, &u.source)));
        });
    }
    let doc = po::write(&units);
    timed("po write", doc.len(), &|| {
        std::hint::black_box(po::write(&units));
    });
    timed("po read", doc.len(), &|| {
        let back = po::read(&doc, Path::new("bench.po")).expect("reads back");
        assert_eq!(back.len(), units.len());
        assert!(back.iter().all(|u| same_sentence(&u.id, &u.source)));
    });
    let memory: Vec<TmUnit> = units
        .iter()
        .map(|u| TmUnit {
            id: Some(u.id.clone()),
            source: u.source.clone(),
            target: u.target.clone().unwrap_or_default(),
            props: Vec::new(),
        })
        .collect();
    let doc = tmx::write(&memory);
    timed("tmx write", doc.len(), &|| {
        std::hint::black_box(tmx::write(&memory));
    });
    timed("tmx read", doc.len(), &|| {
        let back = tmx::read(&doc, Path::new("bench.tmx")).expect("reads back");
        assert_eq!(back.len(), units.len());
        assert!(
            back.iter()
                .all(|u| same_sentence(u.id.as_deref().unwrap_or(""), &u.source))
        );
    });

    // The binary: import into a fresh translations file, again, and replacing with --force.
    let dir = tempfile::tempdir().expect("a temporary folder");
    let filled = xliff::write(&units, xliff::Version::V12, "archive", false);
    std::fs::write(dir.path().join("filled.xlf"), &filled).expect("writable");
    let other = filled.replace(">Desk English ", ">Other English ");
    std::fs::write(dir.path().join("other.xlf"), &other).expect("writable");
    std::fs::copy(
        Path::new(env!("CARGO_MANIFEST_DIR")).join("glossary.toml"),
        dir.path().join("glossary.toml"),
    )
    .expect("the repo glossary");
    let import = |file: &str, force: bool, expect: &str| {
        let mut cmd = Command::new(env!("CARGO_BIN_EXE_mizan"));
        cmd.current_dir(dir.path())
            .args(["translate", "--import", file]);
        if force {
            cmd.arg("--force");
        }
        let start = Instant::now();
        let out = cmd.output().expect("mizan runs");
        let seconds = start.elapsed().as_secs_f64();
        let stderr = String::from_utf8_lossy(&out.stderr);
        assert!(
            out.status.success() && stderr.contains(expect),
            "import {file}: {stderr}"
        );
        println!(
            "{}",
            serde_json::json!({"measure": format!("mizan translate --import ({expect})"), "units": units.len(), "wall_s": round(seconds)})
        );
    };
    let n = units.len();
    import("filled.xlf", false, &format!("{n} added"));
    import("filled.xlf", false, &format!("{n} unchanged"));
    import("other.xlf", true, &format!("{n} replaced"));
}

/// The first `wanted` distinct sentences of six words or more, as units with a translation.
fn units_of(reader: impl BufRead, wanted: usize) -> Vec<ExportUnit> {
    let mut seen = std::collections::HashSet::new();
    let mut units = Vec::new();
    for line in reader.lines() {
        let article: Value = serde_json::from_str(&line.expect("readable")).expect("a JSON line");
        let content = article["content"].as_str().unwrap_or("");
        for sentence in mizan::text::segment(content) {
            let text = sentence.span.slice(content).trim();
            if text.split_whitespace().count() < 6 || text.contains('\n') {
                continue;
            }
            let hash = mizan::align::sentence_hash(text);
            if !seen.insert(hash) {
                continue;
            }
            let id = mizan::brief::translations::hash_hex(hash);
            units.push(ExportUnit {
                target: Some(format!("Desk English {} for {id}.", units.len())),
                context: format!("archive#{}", units.len()),
                notes: vec![format!("terms: {} words", text.split_whitespace().count())],
                alternatives: Vec::new(),
                source: text.to_string(),
                id,
            });
            if units.len() == wanted {
                return units;
            }
        }
    }
    units
}

/// Whether a unit read back is still the sentence its id names (what import checks).
fn same_sentence(id: &str, source: &str) -> bool {
    mizan::brief::translations::hash_hex(mizan::align::sentence_hash(source)) == id
}

fn round(seconds: f64) -> f64 {
    (seconds * 1000.0).round() / 1000.0
}
