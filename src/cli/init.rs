//! `mizan init`: make a folder a desk.

use super::output::say;
use mizan::text::bidi::shown_path;
use std::path::PathBuf;

/// Make a folder a mizan desk: write a starter mizan.toml (which files the desk uses, default
/// flags) and, when there is none, a starter glossary.toml. Every command run in the folder or
/// below it then finds them.
#[derive(Debug, clap::Args)]
#[command(after_help = "Examples:\n  mizan init\n  mizan init desks/kazakhstan")]
pub struct Args {
    /// The folder (default: the current one).
    #[arg(value_name = "DIR", default_value = ".")]
    dir: PathBuf,
}

pub fn run(args: Args) -> anyhow::Result<()> {
    for path in mizan::desk::init(&args.dir)? {
        say!("wrote {}", shown_path(&path));
    }
    Ok(())
}
