//! Command-line front end: clap types stop here; the library gets its own option types.

mod align;
mod brief;
mod gloss;
mod glossary;
mod init;
mod input;
mod output;
mod progress;
mod review;
mod segment;
mod shell;
mod stories;
mod translate;

use clap::{Parser, Subcommand};
use std::io::Write;
use std::process::ExitCode;

/// mizan (ميزان): Arabic news articles in, a reviewed Arabic | English briefing out.
#[derive(Debug, Parser)]
#[command(name = "mizan", version, about, long_about = None)]
#[command(after_help = "Examples:\n  \
    mizan brief examples/kazakhstan -o brief.md  the side-by-side briefing\n  \
    mizan segment examples/kazakhstan            sentences, one per line\n  \
    mizan segment --format jsonl articles/       JSON lines for tools\n  \
    mizan segment --encoding windows-1256 old/   legacy Arabic code page\n  \
    mizan gloss --format explain examples/kazakhstan   glossary terms and how they matched\n  \
    mizan glossary add بنغازي Benghazi --kind place    edit the glossary\n\n\
    Run `mizan <COMMAND> --help` for the options of one command (formats, encodings).")]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Debug, Subcommand)]
enum Command {
    Segment(segment::Args),
    Gloss(gloss::Args),
    Glossary(glossary::Args),
    Align(align::Args),
    Review(review::Args),
    Brief(brief::Args),
    Stories(stories::Args),
    Translate(translate::Args),
    Init(init::Args),
    Completions(shell::CompletionsArgs),
    Man(shell::ManArgs),
}

/// Runs the command; exit codes are in docs/cli.md and [`exit_code`].
pub fn main() -> ExitCode {
    let cli = Cli::parse();
    let result = match cli.command {
        Command::Segment(args) => segment::run(args),
        Command::Gloss(args) => gloss::run(args),
        Command::Glossary(args) => glossary::run(args),
        Command::Align(args) => align::run(args),
        Command::Review(args) => review::run(args),
        Command::Brief(args) => brief::run(args),
        Command::Stories(args) => stories::run(args),
        Command::Translate(args) => translate::run(args),
        Command::Init(args) => init::run(args),
        Command::Completions(args) => shell::completions(args),
        Command::Man(args) => shell::man(args),
    };
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(err) if output::is_broken_pipe(&err) => ExitCode::SUCCESS,
        Err(err) => {
            // Not `say!`: with stderr closed the exit code is all that is left to tell the
            // failure, so it must stay the error's.
            let _ = writeln!(std::io::stderr(), "error: {}", report(&err));
            ExitCode::from(exit_code(&err))
        }
    }
}

/// The error and its causes, each said once (a library error's message often includes its
/// cause already).
fn report(err: &anyhow::Error) -> String {
    let mut message = err.to_string();
    for cause in err.chain().skip(1) {
        let cause = cause.to_string();
        if !message.contains(&cause) {
            message.push_str(": ");
            message.push_str(&cause);
        }
    }
    message
}

/// A bad flag value found after parsing (exit code 2, like clap's own).
#[derive(Debug)]
pub struct UsageError(pub String);

impl std::fmt::Display for UsageError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.0)
    }
}

impl std::error::Error for UsageError {}

/// The exit code an error means, decided here only: 2 for a usage or configuration error
/// (bad flags or values; a missing or malformed glossary, reviews, translations or template),
/// 1 for bad input and everything else.
fn exit_code(err: &anyhow::Error) -> u8 {
    if err.downcast_ref::<UsageError>().is_some() {
        return 2;
    }
    if err.downcast_ref::<glossary::CheckFailed>().is_some()
        || err.downcast_ref::<translate::CheckFailed>().is_some()
    {
        return 1;
    }
    match err.downcast_ref::<mizan::Error>() {
        Some(e) if e.is_configuration() => 2,
        _ => 1,
    }
}
