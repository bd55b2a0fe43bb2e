//! `armsflow scenario FILE.toml`: a diversification scenario (format in
//! `examples/scenarios/kazakhstan-diversify.toml`) run against a release.

use crate::cmd::imports::{describe, name, provenance, title};
use crate::common::{self, DataArgs, UserError};
use crate::output::{self, Cell, OutputArgs, Table};
use engine::scenario::{ScenarioResult, ScenarioSpec, run_spec};
use model::{EntityId, Release};
use std::path::{Path, PathBuf};

#[derive(clap::Args)]
#[command(after_help = "Example:\n  \
armsflow scenario examples/scenarios/kazakhstan-diversify.toml\n\n\
The file names a recipient, a baseline period and [[change]] entries (shift, add, remove, \
drop, penalise) applied in order; see examples/scenarios/ and docs/methodology.md.")]
pub struct Args {
    /// Scenario file (TOML)
    pub file: PathBuf,
    #[command(flatten)]
    pub data: DataArgs,
    #[command(flatten)]
    pub out: OutputArgs,
}

/// Reads and parses a scenario file; errors name the file (and TOML's line).
pub fn read_spec(path: &Path) -> anyhow::Result<ScenarioSpec> {
    let text = std::fs::read_to_string(path)
        .map_err(|e| UserError(format!("{}: cannot read scenario: {e}", path.display())))?;
    parse_spec(&text).map_err(|e| UserError(format!("{}: {e}", path.display())).into())
}

pub fn parse_spec(text: &str) -> Result<ScenarioSpec, String> {
    toml::from_str::<ScenarioSpec>(text).map_err(|e| e.to_string().trim_end().to_string())
}

/// A user-written name → an entity of `rel`: the resolver's spellings first,
/// then the release's own names and keys.
fn resolver(rel: &Release) -> impl Fn(&str) -> Option<EntityId> + '_ {
    |q: &str| {
        sipri::names::Resolver::builtin()
            .lookup(q)
            .ok()
            .and_then(|e| rel.entities.by_key(&e.key))
            .or_else(|| {
                let l = q.trim().to_lowercase();
                rel.entities
                    .iter()
                    .find(|(_, e)| e.name.to_lowercase() == l || e.key.to_lowercase() == l)
                    .map(|(id, _)| id)
            })
    }
}

pub fn run(args: Args) -> anyhow::Result<()> {
    let spec = read_spec(&args.file)?;
    let rel = common::load_release(&args.data)?;
    let resolve = resolver(&rel);
    let res = run_spec(&rel, &spec, &resolve).map_err(|e| {
        let text = std::fs::read_to_string(&args.file).unwrap_or_default();
        let at = change_of(&e)
            .and_then(|n| change_line(&text, n))
            .map_or(String::new(), |l| format!(":{l}"));
        UserError(format!(
            "{}{at}: {e}{}",
            args.file.display(),
            e.alignment_hint()
        ))
    })?;
    // How names were read where a reader may mean something else (alignment
    // probe 17: a shift "to NATO" went to NATO**, SIPRI's organisation, unsaid).
    for note in sipri::country::organisation_notes(&rel, &spec.names(), &resolve) {
        common::answer_note(note);
    }
    for note in engine::scenario::no_exports_notes(&rel, &res) {
        common::answer_note(note);
    }
    output::emit(&table(&rel, &spec, &res), &args.out)
}

/// The 1-based change an error is about, if any.
fn change_of(e: &engine::scenario::ScenarioError) -> Option<usize> {
    use engine::scenario::ScenarioError as E;
    match e {
        E::Percent { change, .. }
        | E::NegativeTiv { change, .. }
        | E::Invalid { change, .. }
        | E::SelfSupply { change, .. } => Some(*change),
        E::UnknownCountry { field, .. } | E::Placeholder { field, .. } => field
            .strip_prefix("change ")
            .and_then(|r| r.split(':').next())
            .and_then(|n| n.parse().ok()),
        _ => None,
    }
}

/// The line of the `n`-th `[[change]]` table in a scenario file, so that an
/// invalid change is reported as `file:line`.
fn change_line(text: &str, n: usize) -> Option<usize> {
    text.lines()
        .enumerate()
        .filter(|(_, l)| l.trim_start().starts_with("[[change]]"))
        .nth(n.checked_sub(1)?)
        .map(|(i, _)| i + 1)
}

fn pct(x: f64) -> String {
    format!("{:.1}%", 100.0 * x)
}

fn ordinal(r: Option<u32>) -> String {
    r.map_or("-".into(), |r| r.to_string())
}

/// The result as one table: suppliers before and after, with notes on the
/// steps, concentration and knock-on ranks.
pub fn table(rel: &Release, spec: &ScenarioSpec, res: &ScenarioResult) -> Table {
    let who = name(rel, res.recipient);
    let label = spec.name.clone().unwrap_or_else(|| "scenario".into());
    let mut t = Table::new(
        title(
            rel,
            format!("{label}: arms imports of {who}, {}", describe(&res.filter)),
        ),
        &[
            "supplier",
            "baseline TIV",
            "baseline %",
            "scenario TIV",
            "scenario %",
            "change (points)",
        ],
    );
    for r in &res.rows {
        t.row(vec![
            Cell::text(name(rel, r.supplier)),
            Cell::tiv(r.baseline_tiv),
            Cell::pct(r.baseline_share),
            Cell::tiv(r.scenario_tiv),
            Cell::pct(r.scenario_share),
            Cell::num(100.0 * (r.scenario_share - r.baseline_share), 1),
        ]);
    }
    if let Some(d) = &spec.description {
        t.note(format!("Scenario: {d}"));
    }
    for (i, s) in res.steps.iter().enumerate() {
        t.note(format!("Change {}: {s}.", i + 1));
    }
    t.note(format!(
        "Total: {:.2} TIV → {:.2} TIV.",
        res.baseline.total, res.scenario.total
    ));
    let conc = |c: &Option<engine::Concentration>| match c {
        Some(c) => format!(
            "HHI {:.3} ({:.0}), N_eff {:.2}, CR1 {}, CR3 {}",
            c.hhi,
            c.hhi_10000,
            c.n_eff,
            pct(c.cr1),
            pct(c.cr3)
        ),
        None => "no concentration (no imports)".into(),
    };
    t.note(format!(
        "Concentration: baseline {}; scenario {}.",
        conc(&res.baseline.concentration),
        conc(&res.scenario.concentration)
    ));
    // With a category, every figure is of that category (regression: "of
    // France's exports" for France's aircraft exports).
    let kind = res
        .filter
        .category
        .map_or(String::new(), |c| format!("{} ", c.sipri_name()));
    for k in &res.knock_on {
        let sup = name(rel, k.supplier);
        let nb = |x: Option<(EntityId, f64)>| x.map(|(id, v)| format!("{} {v:.2}", name(rel, id)));
        let mut ctx = Vec::new();
        if let Some(a) = nb(k.above) {
            ctx.push(format!("behind {a}"));
        }
        if let Some(b) = nb(k.below) {
            ctx.push(format!("ahead of {b}"));
        }
        t.note(format!(
            "Knock-on: {who} among {sup}'s {kind}recipients: rank {} of {} → {} of {} ({:.2} → {:.2} TIV, {} → {} of {sup}'s {kind}exports{}).",
            ordinal(k.baseline_rank),
            k.baseline_customers,
            ordinal(k.scenario_rank),
            k.scenario_customers,
            k.baseline_tiv,
            k.scenario_tiv,
            pct(k.baseline_share),
            pct(k.scenario_share),
            if ctx.is_empty() { String::new() } else { format!("; {}", ctx.join(", ")) }
        ));
    }
    t.note("A scenario is arithmetic on the baseline mix, not a forecast; other recipients' deliveries are held fixed.");
    provenance(&mut t, rel, &res.filter);
    // Machine formats describe these columns as projections, not SIPRI's
    // figures (regression: the data package called "scenario TIV" SIPRI
    // trend-indicator values, exactly like "baseline TIV").
    t.set_meta(
        crate::output::PROJECTED,
        "scenario TIV,scenario %,change (points)",
    );
    t
}

#[cfg(test)]
mod tests {
    use super::*;
    use engine::scenario::ChangeSpec;

    fn example(name: &str) -> String {
        let p = Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("../../examples/scenarios")
            .join(name);
        std::fs::read_to_string(p).expect("example scenario exists")
    }

    #[test]
    fn example_files_parse() {
        let s = parse_spec(&example("kazakhstan-diversify.toml")).unwrap();
        assert_eq!(s.recipient, "Kazakhstan");
        assert_eq!(s.period.as_deref(), Some("2020-2024"));
        assert_eq!(
            s.changes,
            vec![ChangeSpec::Shift {
                from: "Russia".into(),
                to: vec!["Israel".into(), "Türkiye".into()],
                percent: 30.0,
                weights: None
            }]
        );
        let s = parse_spec(&example("kazakhstan-abraham-accords.toml")).unwrap();
        assert_eq!(s.changes.len(), 2);
    }

    #[test]
    fn bad_files_fail_with_toml_position() {
        let e = parse_spec("recipient = \"KAZ\"\n[[change]]\nkind = \"teleport\"\n").unwrap_err();
        assert!(e.contains("line 2") || e.contains("teleport"), "{e}");
        let e =
            parse_spec("recipient = \"KAZ\"\n[[change]]\nkind = \"drop\"\nsupplier = \"RUS\"\n")
                .unwrap_err();
        assert!(e.contains("reallocate"), "{e}");
        let e = parse_spec("recipent = \"KAZ\"\n").unwrap_err();
        assert!(e.contains("recipent"), "{e}");
    }
}
