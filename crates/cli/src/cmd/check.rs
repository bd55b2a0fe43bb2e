//! `armsflow check '<claim>'`: one claim, structured or a plain English or
//! German sentence, checked against a release.

use crate::cmd::imports::title;
use crate::common::{self, DataArgs, UserError};
use crate::output::{self, Cell, OutputArgs, Table};
use claims::{Names, Skipped, TextCheck, check_input};
use model::Release;

#[derive(clap::Args)]
#[command(after_help = "Examples:\n  \
armsflow check 'share imports KAZ from RUS 2020-2024 = 88%'\n  \
armsflow check 'rank exports Russia recipient Kazakhstan 2020-24 = 3'\n  \
armsflow check 'From 2020 to 2024, 88 % of Kazakhstan'\\''s arms imports came from Russia.'\n  \
armsflow check 'Von 2020 bis 2024 war Kasachstan der drittgrößte Abnehmer russischer Waffen.'\n\n\
Claim forms, tolerances and verdicts: docs/claims.md.")]
pub struct Args {
    /// The claim: structured form or a sentence (a leading "- ", as a
    /// Markdown bullet has, is part of the text; `--` before it also works)
    #[arg(allow_hyphen_values = true)]
    pub claim: String,
    #[command(flatten)]
    pub data: DataArgs,
    #[command(flatten)]
    pub out: OutputArgs,
}

pub fn run(args: Args) -> anyhow::Result<()> {
    output::emit(&compute(&args)?, &args.out)
}

/// Checks the claim; `run` renders it, the Python package hands it to pandas.
pub fn compute(args: &Args) -> anyhow::Result<Table> {
    let rel = common::load_release(&args.data)?;
    if let Some(why) = claims::refusal_for(&rel, &args.claim) {
        return Err(UserError(why).into());
    }
    let (checks, skipped) =
        check_input(&args.claim, &rel, Names::builtin()).map_err(|e| UserError(e.to_string()))?;
    let mut t = verdict_table(&rel, "Claim check", &checks, false);
    if checks.is_empty() {
        // No claim read: a "cannot be checked" row with the reason, as for
        // any other claim the release cannot decide (exit status 0).
        not_checkable_rows(&mut t, &skipped, false);
    }
    Ok(t)
}

/// One "cannot be checked" row per sentence no claim was read from, its
/// reason (in the sentence's language) as a note.
pub fn not_checkable_rows(t: &mut Table, skipped: &[Skipped], with_sentence: bool) {
    let first = t.rows.len();
    for (k, s) in skipped.iter().enumerate() {
        let mut row = vec![Cell::Int((first + k) as i64 + 1)];
        if with_sentence {
            row.push(Cell::text(s.sentence.clone()));
        }
        row.extend([
            Cell::text("-"),
            Cell::text(claims::Verdict::CannotBeChecked.as_str()),
            Cell::Empty,
            Cell::Empty,
            Cell::Empty,
            Cell::Empty,
        ]);
        t.row(row);
        let label = claims::i18n::verdict_label(s.lang, claims::Verdict::CannotBeChecked, None);
        t.notes.insert(
            first + k,
            format!("{}. {label}: {}.", first + k + 1, s.reason_localized),
        );
    }
}

/// One row per checked claim; the explanation of each and the release's
/// citation as notes. `with_sentence` adds the sentence column (texts).
pub fn verdict_table(
    rel: &Release,
    heading: &str,
    checks: &[TextCheck],
    with_sentence: bool,
) -> Table {
    // Not "#": a header starting with '#' reads as a comment line to pandas,
    // R and many CSV sniffers.
    let mut cols = vec!["claim no."];
    if with_sentence {
        cols.push("sentence");
    }
    cols.extend([
        "claim",
        "verdict",
        "computed",
        "rank",
        "tolerance",
        "estimated %",
    ]);
    let mut t = Table::new(
        title(rel, format!("{heading} against release {}", rel.meta.id)),
        &cols,
    );
    for (i, c) in checks.iter().enumerate() {
        let k = &c.checked;
        let mut row = vec![Cell::Int(i as i64 + 1)];
        if with_sentence {
            row.push(Cell::text(c.sentence.clone()));
        }
        row.extend([
            Cell::text(k.structured.clone()),
            Cell::text(k.verdict_label()),
            k.computed.map_or(Cell::Empty, |v| Cell::num(v, 2)),
            k.computed_rank.map_or(Cell::Empty, |r| Cell::Int(r as i64)),
            Cell::text(k.tolerance.clone().unwrap_or_default()),
            Cell::opt_pct(k.estimated_share),
        ]);
        t.row(row);
    }
    for (i, c) in checks.iter().enumerate() {
        let w = c
            .checked
            .window
            .map_or(String::new(), |w| format!(" [{w}]"));
        // In the sentence's language: "12. belegt [2020-2024]: Lieferungen Russland → …".
        t.note(format!(
            "{}. {}{w}: {}.",
            i + 1,
            c.checked.verdict_localized,
            c.checked.explanation_localized
        ));
    }
    t.note(
        "computed: percentage (shares, change, main supplier), year (first-ever), units delivered (weapon \
         deliveries), TIV (past or absent deliveries); rank: position among partners or worldwide. \
         Tolerance follows the stated precision (docs/claims.md).",
    );
    t.note(rel.citation());
    t.release_meta(rel);
    t
}
