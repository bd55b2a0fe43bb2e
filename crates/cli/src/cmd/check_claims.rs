//! `armsflow check-claims FILE`: every claim in an English or German text,
//! with its sentence, structured form and verdict.

use crate::cmd::check::verdict_table;
use crate::common::{self, DataArgs, UserError};
use crate::output::{self, OutputArgs, Table};
use claims::{Names, check_text_with};
use std::io::Read;
use std::path::PathBuf;

#[derive(clap::Args)]
#[command(after_help = "Example:\n  \
armsflow check-claims examples/seed-article-kazakhstan-abraham-accords-de.txt\n\n\
Sentences without a checkable claim produce nothing; --verbose lists claim-like sentences that \
were skipped and why. Beyond shares, ranks and changes, it checks deliveries of a weapon \
(\"received Su-30SM fighters from Russia in 2024\"), past or absent deliveries (\"never\", \
\"in the past\", \"no longer\"), main or dominant suppliers, and group facts (founding dates, \
first members, accessions) against the group table; reported speech and forecasts are listed \
as not checkable (docs/claims.md).")]
pub struct Args {
    /// Text file (UTF-8 or Latin-1); `-` reads standard input
    pub file: PathBuf,
    /// Also list sentences that looked like claims but could not be pinned down
    #[arg(long, short = 'v')]
    pub verbose: bool,
    /// Membership file(s) in the groups.csv format for group facts (founding dates,
    /// accessions); a group named like a built-in one replaces it
    #[arg(long = "groups", value_name = "FILE")]
    pub groups: Vec<PathBuf>,
    #[command(flatten)]
    pub data: DataArgs,
    #[command(flatten)]
    pub out: OutputArgs,
}

fn read_text(path: &PathBuf) -> anyhow::Result<String> {
    let mut bytes = Vec::new();
    if path.as_os_str() == "-" {
        std::io::stdin().read_to_end(&mut bytes)?;
    } else {
        bytes = std::fs::read(path)
            .map_err(|e| UserError(format!("{}: cannot read: {e}", path.display())))?;
    }
    if bytes.contains(&0) {
        return Err(UserError(format!("{}: binary data, not a text file", path.display())).into());
    }
    Ok(match String::from_utf8(bytes) {
        Ok(s) => s,
        // Latin-1: every byte is the code point of the same value.
        Err(e) => e.into_bytes().iter().map(|&b| b as char).collect(),
    })
}

pub fn run(args: Args) -> anyhow::Result<()> {
    let text = read_text(&args.file)?;
    let label = args.file.display().to_string();
    let t = compute(&text, &label, args.verbose, &args.groups, &args.data)?;
    output::emit(&t, &args.out)
}

/// Checks every claim in `text` (read from `label`) against the built-in group
/// table plus the `groups` files; shared with the Python package.
pub fn compute(
    text: &str,
    label: &str,
    verbose: bool,
    groups: &[PathBuf],
    data: &DataArgs,
) -> anyhow::Result<Table> {
    let rel = common::load_release(data)?;
    if let Some(why) = claims::refusal_for(&rel, text) {
        return Err(UserError(why).into());
    }
    let mut table = claims::shapes::GroupTable::builtin();
    for f in groups {
        let set = super::groups::read_file(f)?;
        table.add(&f.display().to_string(), set);
    }
    let (checks, skipped) = check_text_with(text, &rel, Names::builtin(), &table);
    let heading = format!("Claims in {label}");
    let mut t = verdict_table(&rel, &heading, &checks, true);
    let n = checks.len();
    let supported = checks
        .iter()
        .filter(|c| c.checked.verdict == claims::Verdict::Supported)
        .count();
    t.notes
        .insert(0, format!("{n} claim(s) found, {supported} supported."));
    if !skipped.is_empty() {
        if verbose {
            for s in &skipped {
                t.note(format!(
                    "Skipped: \"{}\" — {}.",
                    s.sentence, s.reason_localized
                ));
            }
        } else {
            t.note(format!(
                "{} claim-like sentence(s) skipped (no period, no party, or a word the claim cannot represent); --verbose lists each with its reason.",
                skipped.len()
            ));
        }
    }
    Ok(t)
}
