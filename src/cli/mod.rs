//! Command-line front end: clap types stop here; the library gets its own option types.

mod output;
mod segment;

use clap::{Parser, Subcommand};
use std::process::ExitCode;

/// mizan (ميزان): Arabic news articles in, a reviewed Arabic | English briefing out.
#[derive(Debug, Parser)]
#[command(name = "mizan", version, about, long_about = None)]
#[command(after_help = "Run `mizan <COMMAND> --help` for the options of one command.")]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Debug, Subcommand)]
enum Command {
    Segment(segment::Args),
}

/// Exit codes (docs/cli.md): 0 success, 1 bad input (an article that cannot be read),
/// 2 usage error (bad flags or values).
pub fn main() -> ExitCode {
    let cli = Cli::parse();
    let result = match cli.command {
        Command::Segment(args) => segment::run(args),
    };
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(err) if output::is_broken_pipe(&err) => ExitCode::SUCCESS,
        Err(err) => {
            eprintln!("error: {err:#}");
            ExitCode::from(exit_code(&err))
        }
    }
}

fn exit_code(err: &anyhow::Error) -> u8 {
    match err.downcast_ref::<mizan::Error>() {
        Some(mizan::Error::UnknownEncoding { .. }) => 2,
        _ => 1,
    }
}
