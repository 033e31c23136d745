//! The `mizan` binary: parse arguments, run, report errors once, map them to exit codes.

mod cli;

use std::process::ExitCode;

fn main() -> ExitCode {
    cli::main()
}
