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
    /// Recipients whose supplier mix moved most between two windows
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
    quiet_on_closed_pipe();
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
        if is_broken_pipe(&e) {
            std::process::exit(CLOSED_PIPE_EXIT);
        }
        let msg = format!("armsflow: {e:#}\n");
        // Messages quote file content (names, cells): never let it drive the terminal.
        let _ =
            std::io::Write::write_all(&mut std::io::stderr(), common::term_safe(&msg).as_bytes());
        std::process::exit(exit_code(&e));
    }
}

/// What a process killed by SIGPIPE reports to the shell (128 + 13), so that
/// `set -o pipefail` still sees that output was cut short, as with `ls | head`.
const CLOSED_PIPE_EXIT: i32 = 141;

/// `armsflow releases | head -1` must end quietly when the reader goes away.
/// Rust ignores SIGPIPE, so a write to a closed pipe fails with `EPIPE` and
/// `println!` panics with "failed printing to stdout: Broken pipe"; rather than
/// route every subcommand's output through a fallible writer, such panics end
/// the process quietly with the conventional code; other output errors (e.g.
/// a full disk) end with one line and status 1. Every other panic keeps the
/// default report.
fn quiet_on_closed_pipe() {
    let default = std::panic::take_hook();
    std::panic::set_hook(Box::new(move |info| {
        let payload = info
            .payload()
            .downcast_ref::<String>()
            .map(String::as_str)
            .or_else(|| info.payload().downcast_ref::<&str>().copied())
            .unwrap_or("");
        if payload.starts_with("failed printing to std") {
            if payload.contains("Broken pipe") {
                std::process::exit(CLOSED_PIPE_EXIT);
            }
            // Any other output error (a full disk, a revoked terminal): one
            // line, not a panic report.
            let msg = format!("armsflow: cannot write output: {payload}\n");
            let _ = std::io::Write::write_all(&mut std::io::stderr(), msg.as_bytes());
            std::process::exit(1);
        }
        default(info);
    }));
}

/// Whether `e` comes from writing to a closed pipe (fallible writers).
fn is_broken_pipe(e: &anyhow::Error) -> bool {
    e.chain().any(|c| {
        c.downcast_ref::<std::io::Error>()
            .is_some_and(|io| io.kind() == std::io::ErrorKind::BrokenPipe)
            || c.downcast_ref::<serde_json::Error>()
                .and_then(|j| j.io_error_kind())
                .is_some_and(|k| k == std::io::ErrorKind::BrokenPipe)
    })
}

/// 2 for bad input (usage, unknown country, malformed file), 1 otherwise.
fn exit_code(e: &anyhow::Error) -> i32 {
    if e.downcast_ref::<common::UserError>().is_some() {
        2
    } else {
        1
    }
}
