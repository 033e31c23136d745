//! The `mizan` binary: parse arguments, run, report errors once, map them to exit codes.

// Output goes through `cli::output` (stdout, `say!`), where a closed pipe ends the run quietly;
// `println!`/`eprintln!` would panic on it.
#![warn(clippy::print_stdout, clippy::print_stderr)]

mod cli;

use std::process::ExitCode;

fn main() -> ExitCode {
    cli::main()
}
