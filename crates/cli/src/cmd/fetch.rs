//! Placeholder until its issue lands: fails loudly rather than pretending.

#[derive(clap::Args)]
pub struct Args {}

pub fn run(_args: Args) -> anyhow::Result<()> {
    anyhow::bail!("this subcommand is not implemented yet")
}
