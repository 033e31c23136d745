//! Stages of a long run: a progress bar each on stderr when it is a terminal (none when piped
//! or with `--quiet`), and with `--timings` the time and peak memory of each stage.

use indicatif::{ProgressBar, ProgressDrawTarget, ProgressStyle};
use std::io::IsTerminal;
use std::time::{Duration, Instant};

/// The flags every long-running command takes.
#[derive(Debug, Clone, Copy, clap::Args)]
pub struct Flags {
    /// No progress bars (they are shown only on a terminal anyway).
    #[arg(long, short)]
    pub quiet: bool,

    /// After the run, print each stage's time and peak memory on stderr.
    #[arg(long)]
    pub timings: bool,
}

/// A stage in progress: count its items with [`Stage::inc`] (from any thread).
pub struct Stage {
    bar: ProgressBar,
}

impl Stage {
    pub fn inc(&self, n: u64) {
        self.bar.inc(n);
    }
}

struct Record {
    name: &'static str,
    seconds: f64,
    peak_kb: Option<u64>,
}

pub struct Stages {
    show: bool,
    timings: bool,
    records: Vec<Record>,
    started: Instant,
}

impl Stages {
    pub fn new(flags: Flags) -> Stages {
        Stages {
            show: !flags.quiet && std::io::stderr().is_terminal(),
            timings: flags.timings,
            records: Vec::new(),
            started: Instant::now(),
        }
    }

    /// Run one stage; `total` items when known (a bar), else a spinner.
    pub fn run<T>(
        &mut self,
        name: &'static str,
        total: Option<u64>,
        work: impl FnOnce(&Stage) -> T,
    ) -> T {
        let bar = if self.show {
            let bar = match total {
                Some(n) => ProgressBar::new(n).with_style(
                    ProgressStyle::with_template(
                        "{prefix:>9} [{bar:30}] {pos}/{len} {per_sec} {elapsed}",
                    )
                    .unwrap_or_else(|_| ProgressStyle::default_bar())
                    .progress_chars("=> "),
                ),
                None => ProgressBar::new_spinner().with_style(
                    ProgressStyle::with_template("{prefix:>9} {spinner} {elapsed}")
                        .unwrap_or_else(|_| ProgressStyle::default_spinner()),
                ),
            };
            bar.set_draw_target(ProgressDrawTarget::stderr());
            bar.enable_steady_tick(Duration::from_millis(120));
            bar.with_prefix(name)
        } else {
            ProgressBar::hidden()
        };
        reset_peak_memory();
        let start = Instant::now();
        let stage = Stage { bar };
        let out = work(&stage);
        stage.bar.finish_and_clear();
        self.records.push(Record {
            name,
            seconds: start.elapsed().as_secs_f64(),
            peak_kb: peak_memory_kb(),
        });
        out
    }

    /// With `--timings`: one line per stage, then the total.
    pub fn report(&self) {
        if !self.timings {
            return;
        }
        eprintln!("{:<10} {:>9} {:>12}", "stage", "seconds", "peak memory");
        for r in &self.records {
            let peak = r.peak_kb.map_or_else(
                || "?".to_string(),
                |kb| format!("{:.0} MiB", kb as f64 / 1024.0),
            );
            eprintln!("{:<10} {:>9.3} {:>12}", r.name, r.seconds, peak);
        }
        let peak = self.records.iter().filter_map(|r| r.peak_kb).max();
        let peak = peak.map_or_else(
            || "?".to_string(),
            |kb| format!("{:.0} MiB", kb as f64 / 1024.0),
        );
        eprintln!(
            "{:<10} {:>9.3} {:>12}",
            "total",
            self.started.elapsed().as_secs_f64(),
            peak
        );
    }
}

/// Start a new peak for this process (Linux: `/proc/self/clear_refs`), so the next reading is
/// the peak of the stage that follows; elsewhere the reading stays the process's peak.
fn reset_peak_memory() {
    let _ = std::fs::write("/proc/self/clear_refs", "5");
}

/// Peak resident memory since the last reset (Linux `VmHWM`).
fn peak_memory_kb() -> Option<u64> {
    let status = std::fs::read_to_string("/proc/self/status").ok()?;
    status
        .lines()
        .find(|l| l.starts_with("VmHWM:"))?
        .split_whitespace()
        .nth(1)?
        .parse()
        .ok()
}
