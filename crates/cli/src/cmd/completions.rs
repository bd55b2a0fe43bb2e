//! `armsflow completions SHELL` and `armsflow man`: generated from the clap
//! definitions, so they never drift from `--help`.

use std::io::Write;
use std::path::PathBuf;

#[derive(clap::Args)]
#[command(after_help = "Install, e.g.:\n  \
armsflow completions bash > ~/.local/share/bash-completion/completions/armsflow\n  \
armsflow completions zsh > ~/.zfunc/_armsflow      (with fpath+=~/.zfunc before compinit)\n  \
armsflow completions fish > ~/.config/fish/completions/armsflow.fish")]
pub struct CompletionsArgs {
    /// Shell to generate completions for
    #[arg(value_enum)]
    pub shell: clap_complete::Shell,
}

#[derive(clap::Args)]
#[command(after_help = "Examples:\n  \
armsflow man | man -l -\n  \
armsflow man --dir ~/.local/share/man/man1      (one page per subcommand too)")]
pub struct ManArgs {
    /// Write armsflow.1 and one armsflow-SUBCOMMAND.1 page per subcommand into DIR
    /// instead of printing the main page
    #[arg(long, value_name = "DIR")]
    pub dir: Option<PathBuf>,
}

pub fn completions(mut cmd: clap::Command, args: CompletionsArgs) -> anyhow::Result<()> {
    let mut out = Vec::new();
    clap_complete::generate(args.shell, &mut cmd, "armsflow", &mut out);
    write_stdout(&out)
}

pub fn man(cmd: clap::Command, args: ManArgs) -> anyhow::Result<()> {
    match args.dir {
        Some(dir) => {
            std::fs::create_dir_all(&dir).map_err(|e| {
                crate::common::UserError(format!("cannot create {}: {e}", dir.display()))
            })?;
            clap_mangen::generate_to(cmd, &dir)?;
            eprintln!("armsflow: man pages written to {}", dir.display());
            Ok(())
        }
        None => {
            let mut out = Vec::new();
            clap_mangen::Man::new(cmd).render(&mut out)?;
            write_stdout(&out)
        }
    }
}

fn write_stdout(bytes: &[u8]) -> anyhow::Result<()> {
    let mut o = std::io::stdout().lock();
    match o.write_all(bytes).and_then(|_| o.flush()) {
        Err(e) if e.kind() == std::io::ErrorKind::BrokenPipe => Ok(()),
        r => Ok(r?),
    }
}
