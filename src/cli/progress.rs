//! Stages of a long run: a progress bar each on stderr when it is a terminal (none when piped
//! or with `--quiet`), and with `--timings` the time and peak memory of each stage.

use super::output::say;
use indicatif::{ProgressBar, ProgressDrawTarget, ProgressStyle};
use mizan::corpus::Warning;
use mizan::pipeline::{Reporter, Stage};
use std::io::IsTerminal;
use std::sync::Mutex;
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

struct Record {
    name: &'static str,
    seconds: f64,
    peak_kb: Option<u64>,
}

/// The stage running now: its bar and when it began.
struct Current {
    bar: ProgressBar,
    started: Instant,
}

/// The library's [`Progress`], shown as bars on a terminal and kept for `--timings`.
pub struct Stages {
    show: bool,
    timings: bool,
    current: Mutex<Option<Current>>,
    records: Mutex<Vec<Record>>,
    started: Instant,
}

impl Stages {
    pub fn new(flags: Flags) -> Stages {
        Stages {
            show: !flags.quiet && std::io::stderr().is_terminal(),
            timings: flags.timings,
            current: Mutex::new(None),
            records: Mutex::new(Vec::new()),
            started: Instant::now(),
        }
    }

    /// No bars and no timings; warnings are still printed.
    pub fn quiet() -> Stages {
        Stages::new(Flags {
            quiet: true,
            timings: false,
        })
    }

    /// With `--timings`: the files the run used, one line per stage, then the total.
    pub fn report(&self, files: &[String]) {
        if !self.timings {
            return;
        }
        for line in files {
            say!("{line}");
        }
        let records = lock(&self.records);
        say!("{:<10} {:>9} {:>12}", "stage", "seconds", "peak memory");
        for r in records.iter() {
            let peak = r.peak_kb.map_or_else(
                || "?".to_string(),
                |kb| format!("{:.0} MiB", kb as f64 / 1024.0),
            );
            say!("{:<10} {:>9.3} {:>12}", r.name, r.seconds, peak);
        }
        let peak = records.iter().filter_map(|r| r.peak_kb).max();
        let peak = peak.map_or_else(
            || "?".to_string(),
            |kb| format!("{:.0} MiB", kb as f64 / 1024.0),
        );
        say!(
            "{:<10} {:>9.3} {:>12}",
            "total",
            self.started.elapsed().as_secs_f64(),
            peak
        );
    }

    fn bar(&self, name: &'static str, total: Option<u64>) -> ProgressBar {
        if !self.show {
            return ProgressBar::hidden();
        }
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
    }
}

impl Reporter for Stages {
    fn begin(&self, stage: Stage, total: Option<u64>) {
        reset_peak_memory();
        *lock(&self.current) = Some(Current {
            bar: self.bar(stage.name(), total),
            started: Instant::now(),
        });
    }

    fn advance(&self, items: u64) {
        if let Some(current) = lock(&self.current).as_ref() {
            current.bar.inc(items);
        }
    }

    fn end(&self, stage: Stage) {
        if let Some(current) = lock(&self.current).take() {
            current.bar.finish_and_clear();
            lock(&self.records).push(Record {
                name: stage.name(),
                seconds: current.started.elapsed().as_secs_f64(),
                peak_kb: peak_memory_kb(),
            });
        }
    }

    fn warn(&self, warning: &Warning) {
        say!("warning: {warning}");
    }
}

/// A lock that a panicked holder did not spoil: progress is only ever display state.
fn lock<T>(mutex: &Mutex<T>) -> std::sync::MutexGuard<'_, T> {
    mutex
        .lock()
        .unwrap_or_else(|poisoned| poisoned.into_inner())
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
