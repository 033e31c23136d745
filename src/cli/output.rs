//! Shared output helpers: formats, stdout handling, warnings.

use clap::ValueEnum;
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
                file.display(),
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
        eprintln!("wrote {}", file.display());
    }
}
