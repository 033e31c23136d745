//! `mizan completions SHELL` and `mizan man [COMMAND]`: generated from the same clap
//! definitions as the parser, so they cannot drift from the options mizan takes.

use super::output::{finish, stdout};
use clap::CommandFactory;
use clap_complete::Shell;

/// Print a completion script for SHELL on stdout.
///
/// bash: `mizan completions bash > ~/.local/share/bash-completion/completions/mizan`;
/// zsh: into a folder on `$fpath` as `_mizan`; fish: `~/.config/fish/completions/mizan.fish`.
#[derive(Debug, clap::Args)]
pub struct CompletionsArgs {
    #[arg(value_enum)]
    shell: Shell,
}

/// Print the man page (roff) on stdout: mizan's, or one command's.
///
/// `mizan man > mizan.1 && man ./mizan.1`; `mizan man brief` for `mizan-brief(1)`.
#[derive(Debug, clap::Args)]
pub struct ManArgs {
    /// A command (brief, segment, glossary...).
    command: Option<String>,
}

pub fn completions(args: CompletionsArgs) -> anyhow::Result<()> {
    let mut command = super::Cli::command();
    let mut out = stdout();
    clap_complete::generate(args.shell, &mut command, "mizan", &mut out);
    finish(out)
}

pub fn man(args: ManArgs) -> anyhow::Result<()> {
    let mut command = super::Cli::command();
    command.build();
    let page = match &args.command {
        None => command,
        Some(name) => {
            let Some(sub) = command.find_subcommand(name) else {
                anyhow::bail!(super::UsageError(format!(
                    "no command '{name}'; `mizan --help` lists them"
                )));
            };
            // Built, a command's display name is `mizan-brief`, as git-commit(1) is named.
            sub.clone()
        }
    };
    let mut out = stdout();
    clap_mangen::Man::new(page)
        .source(format!("mizan {}", env!("CARGO_PKG_VERSION")))
        .render(&mut out)?;
    finish(out)
}
