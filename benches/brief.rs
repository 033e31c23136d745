//! End to end: N real articles → `mizan brief` (the binary, as a desk runs it), Markdown and
//! HTML, with the repo glossary.
//!
//! ```text
//! cargo bench --bench brief -- [--shared DIR] [--articles N,...] [--runs R]
//! ```
//!
//! The articles are the first N of the SaudiNewsNet sample
//! (`../shared/data/saudinewsnet-sample`, test data that is never shipped), written as `.md`
//! files with front matter (outlet, date, title) into a temporary folder. Each size is run R
//! times (default 5) per format; one JSON line per size and format gives the median and the
//! fastest wall time, the facts found and the briefing's size. Fails when the data is missing.

use serde_json::Value;
use std::io::{BufRead, BufReader};
use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::Instant;

fn main() {
    let mut shared = PathBuf::from(concat!(env!("CARGO_MANIFEST_DIR"), "/../shared"));
    let mut sizes = vec![100, 1000];
    let mut runs = 5;
    let mut args = std::env::args().skip(1);
    while let Some(arg) = args.next() {
        match arg.as_str() {
            "--shared" => shared = PathBuf::from(args.next().expect("--shared DIR")),
            "--articles" => {
                sizes = args
                    .next()
                    .expect("--articles N,...")
                    .split(',')
                    .map(|n| n.parse().expect("a number of articles"))
                    .collect()
            }
            "--runs" => runs = args.next().expect("--runs R").parse().expect("a number"),
            "--bench" => {}
            other => panic!("unknown argument {other}"),
        }
    }
    let archive = shared.join("data/saudinewsnet-sample/saudinewsnet_2015-08-02_to_08-11.jsonl");
    let file = std::fs::File::open(&archive).unwrap_or_else(|e| {
        eprintln!("brief bench: cannot open {}: {e}", archive.display());
        std::process::exit(2);
    });
    let largest = sizes.iter().copied().max().unwrap_or(0);
    let articles: Vec<Value> = BufReader::new(file)
        .lines()
        .take(largest)
        .map(|l| serde_json::from_str(&l.expect("readable")).expect("a JSON line"))
        .collect();
    let glossary = Path::new(env!("CARGO_MANIFEST_DIR")).join("glossary.toml");
    for &n in &sizes {
        let dir = tempfile::tempdir().expect("a temporary folder");
        // The briefing goes beside the articles' folder, not into it: a `brief.md` there would
        // be read as an article next time, and mizan refuses to write over its own input.
        let outdir = tempfile::tempdir().expect("a temporary folder");
        let mut bytes = 0;
        for (i, a) in articles.iter().take(n).enumerate() {
            let field = |k: &str| a[k].as_str().unwrap_or("").replace('\n', " ");
            let text = format!(
                "---\noutlet: {}\ndate: {}\ntitle: {}\n---\n{}\n",
                field("source"),
                field("date_extracted"),
                field("title"),
                a["content"].as_str().unwrap_or("")
            );
            bytes += text.len();
            std::fs::write(dir.path().join(format!("{i:05}.md")), text).expect("written");
        }
        for format in ["md", "html"] {
            let out = outdir.path().join(format!("brief.{format}"));
            let mut times = Vec::new();
            for _ in 0..runs {
                let start = Instant::now();
                let status = Command::new(env!("CARGO_BIN_EXE_mizan"))
                    .arg("brief")
                    .arg(dir.path())
                    .args(["--format", format, "--glossary"])
                    .arg(&glossary)
                    .arg("-o")
                    .arg(&out)
                    .stderr(std::process::Stdio::null())
                    .status()
                    .expect("mizan runs");
                times.push(start.elapsed().as_secs_f64());
                assert!(status.success(), "mizan brief failed on {n} articles");
            }
            times.sort_by(f64::total_cmp);
            let briefing = std::fs::read_to_string(&out).expect("a briefing");
            println!(
                "{}",
                serde_json::json!({
                    "bench": "brief",
                    "articles": n,
                    "input_bytes": bytes,
                    "format": format,
                    "runs": runs,
                    "median_s": (times[times.len() / 2] * 1000.0).round() / 1000.0,
                    "fastest_s": (times[0] * 1000.0).round() / 1000.0,
                    "briefing_bytes": briefing.len(),
                })
            );
        }
    }
}
