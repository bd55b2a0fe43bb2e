//! `armsflow`: who depends on whom for weapons, from SIPRI's Arms Transfers Database.
//!
//! Each subcommand lives in its own file under `cmd/` and stays thin: parse
//! arguments, call the library crates, render.

use armsflow_cli::{cmd, common};
use clap::{CommandFactory, Parser, Subcommand};

#[derive(Parser)]
#[command(
    name = "armsflow",
    version,
    about = "Arms-transfer dependencies from the SIPRI Arms Transfers Database",
    long_about = "armsflow answers who depends on whom for weapons, by how much, and how that \
is changing, from SIPRI Arms Transfers Database releases stored on your machine.\n\n\
Start with `armsflow import FILE` (a SIPRI export) or `armsflow fetch`, then ask, e.g.\n  \
armsflow imports Kazakhstan --period 2020-2024\n  \
armsflow exports Russia --period 2020-2024\n  \
armsflow serve    (dashboard on http://127.0.0.1:8080)\n\n\
Source: SIPRI Arms Transfers Database (c) SIPRI"
)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Import a SIPRI export file as an immutable release
    Import(cmd::import::Args),
    /// List stored releases
    Releases(cmd::releases::Args),
    /// Write a SYNTHETIC register file from our deterministic generator
    DemoData(cmd::demo_data::Args),
    /// Who supplied a country's imports, with shares and concentration
    Imports(cmd::imports::Args),
    /// Who received a country's exports, with shares and ranks
    Exports(cmd::exports::Args),
    /// Top exporters or importers worldwide
    Top(cmd::top::Args),
    /// Supplier concentration (HHI, effective number, CR1/CR3) over five-year windows
    Concentration(cmd::concentration::Args),
    /// One supplier-recipient pair: TIV by year, both shares, rank
    Pair(cmd::pair::Args),
    /// Alignment groups and group shares of imports or exports
    Groups(cmd::groups::Args),
    /// Countries whose supplier mix moved most between two windows
    Switching(cmd::switching::Args),
    /// Supplier mix before vs after a country joined a group
    EventStudy(cmd::event_study::Args),
    /// The register's deals behind a country's imports or exports in a window
    Deals(cmd::deals::Args),
    /// Ordered but undelivered TIV by supplier (legacy register releases)
    Pipeline(cmd::pipeline::Args),
    /// Run a diversification scenario from a TOML file
    Scenario(cmd::scenario::Args),
    /// Check one structured or plain-language claim
    Check(cmd::check::Args),
    /// Find and check every claim in a text file (English or German)
    CheckClaims(cmd::check_claims::Args),
    /// Serve the HTTP API and dashboard (127.0.0.1:8080 by default)
    Serve(cmd::serve::Args),
    /// Download the current trade register from SIPRI and import it
    Fetch(cmd::fetch::Args),
    /// What changed between two releases
    Diff(cmd::diff::Args),
    /// Print shell completions: `armsflow completions bash > ~/.local/share/bash-completion/completions/armsflow`
    Completions(cmd::completions::CompletionsArgs),
    /// Print the man page (roff): `armsflow man | man -l -`
    Man(cmd::completions::ManArgs),
}

fn main() {
    let cli = Cli::parse();
    let result = match cli.command {
        Command::Import(a) => cmd::import::run(a),
        Command::Releases(a) => cmd::releases::run(a),
        Command::DemoData(a) => cmd::demo_data::run(a),
        Command::Imports(a) => cmd::imports::run(a),
        Command::Exports(a) => cmd::exports::run(a),
        Command::Top(a) => cmd::top::run(a),
        Command::Concentration(a) => cmd::concentration::run(a),
        Command::Pair(a) => cmd::pair::run(a),
        Command::Groups(a) => cmd::groups::run(a),
        Command::Switching(a) => cmd::switching::run(a),
        Command::EventStudy(a) => cmd::event_study::run(a),
        Command::Deals(a) => cmd::deals::run(a),
        Command::Pipeline(a) => cmd::pipeline::run(a),
        Command::Scenario(a) => cmd::scenario::run(a),
        Command::Check(a) => cmd::check::run(a),
        Command::CheckClaims(a) => cmd::check_claims::run(a),
        Command::Serve(a) => cmd::serve::run(a),
        Command::Fetch(a) => cmd::fetch::run(a),
        Command::Diff(a) => cmd::diff::run(a),
        Command::Completions(a) => cmd::completions::completions(Cli::command(), a),
        Command::Man(a) => cmd::completions::man(Cli::command(), a),
    };
    if let Err(e) = result {
        eprintln!("armsflow: {e:#}");
        std::process::exit(exit_code(&e));
    }
}

/// 2 for bad input (usage, unknown country, malformed file), 1 otherwise.
fn exit_code(e: &anyhow::Error) -> i32 {
    if e.downcast_ref::<common::UserError>().is_some() {
        2
    } else {
        1
    }
}
