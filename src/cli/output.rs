//! Shared output helpers: formats, stdout handling, messages on stderr.
//!
//! Every byte mizan prints goes through [`stdout`] or [`say!`], so that a closed pipe on either
//! stream (`mizan segment dir 2>&1 | head -2`) ends the run quietly with exit code 0 instead of
//! a panic. (Progress bars are drawn by indicatif, which draws only on a terminal and ignores
//! its write errors.)

use clap::ValueEnum;
use mizan::text::bidi::shown_path;
use std::io::{self, BufWriter, Write};
use std::path::Path;

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum Format {
    /// For people: one line per item.
    Text,
    /// One JSON object per line, for tools.
    Jsonl,
}

pub fn stdout() -> BufWriter<io::StdoutLock<'static>> {
    BufWriter::with_capacity(64 * 1024, io::stdout().lock())
}

/// A closed pipe (`mizan segment ... | head`) is not a failure.
pub fn is_broken_pipe(err: &anyhow::Error) -> bool {
    err.chain().any(|e| {
        e.downcast_ref::<io::Error>()
            .is_some_and(|e| e.kind() == io::ErrorKind::BrokenPipe)
    })
}

/// Print one line on stderr, as `eprintln!` would. A closed stderr ends the run at once with
/// exit code 0, as a closed stdout does: whoever closed it wants nothing more (output not yet
/// written is not written). Other write errors are ignored: a message must not fail a run.
pub fn say_line(line: std::fmt::Arguments<'_>) {
    let mut err = io::stderr().lock();
    if let Err(e) = writeln!(err, "{line}")
        && e.kind() == io::ErrorKind::BrokenPipe
    {
        std::process::exit(0);
    }
}

/// `eprintln!` through [`say_line`].
macro_rules! say {
    ($($arg:tt)*) => {
        $crate::cli::output::say_line(format_args!($($arg)*))
    };
}
pub(crate) use say;

pub fn finish(mut out: impl Write) -> anyhow::Result<()> {
    out.flush()?;
    Ok(())
}

/// The file `-o` names: `None` for standard output (no `-o`, or `-o -`; `./-` is a file).
pub fn output_file(flag: Option<&Path>) -> Option<&Path> {
    flag.filter(|path| *path != Path::new("-"))
}

/// The output format: `--format`, else the one `file`'s extension names, else `default`. A
/// `--format` that contradicts a known extension is a usage error naming both; a name
/// `from_name` does not know leaves the choice to `--format` or the default.
pub fn choose_format<F: ValueEnum + Copy + PartialEq>(
    flag: Option<F>,
    file: Option<&Path>,
    from_name: impl Fn(&Path) -> Option<F>,
    default: F,
) -> anyhow::Result<F> {
    let named = file.and_then(|f| from_name(f).map(|format| (format, f)));
    let name = |f: F| {
        f.to_possible_value()
            .map(|v| v.get_name().to_string())
            .unwrap_or_default()
    };
    match (flag, named) {
        (Some(flag), Some((format, file))) if flag != format => {
            anyhow::bail!(super::UsageError(format!(
                "--format {} contradicts -o {}, the name of a {} file; drop --format or rename \
                 the file",
                name(flag),
                shown_path(file),
                name(format)
            )))
        }
        (Some(flag), _) => Ok(flag),
        (None, Some((format, _))) => Ok(format),
        (None, None) => Ok(default),
    }
}

/// After `-o FILE` was written: one line on stderr, unless `--quiet`.
pub fn wrote(file: &Path, quiet: bool) {
    if !quiet {
        say!("wrote {}", shown_path(file));
    }
}
