//! `armsflow diff A B`: what changed between two stored releases. Deals added,
//! removed and revised (by SIPRI AT Database ID, register vs register) and TIV
//! revised per supplier, recipient and year above a threshold.

use crate::common::{self, UserError};
use crate::output::{self, Cell, Format, OutputArgs, Table};
use engine::diff::{DiffLevel, DiffOptions, ReleaseDiff, Revision, RevisionKind, diff};
use model::{Release, Window};
use std::path::PathBuf;
use store::Store;

/// Rows the terminal table shows per section unless `--limit` says otherwise.
const TABLE_LIMIT: usize = 40;

#[derive(clap::Args)]
pub struct Args {
    /// The older release: an id from `armsflow releases`, or a unique prefix of one
    #[arg(value_name = "A")]
    pub a: String,
    /// The newer release (id or unique prefix)
    #[arg(value_name = "B")]
    pub b: String,
    /// Smallest change to list, in TIV millions
    #[arg(long, value_name = "TIV", default_value_t = 1.0)]
    pub threshold: f64,
    /// Smallest relative change to list, in percent of the larger value (0: any)
    #[arg(long, value_name = "PCT", default_value_t = 0.0)]
    pub min_change: f64,
    /// Only deals and values involving this country (name, alias or ISO3)
    #[arg(long, value_name = "COUNTRY")]
    pub country: Option<String>,
    /// Only these delivery years, e.g. 2015-2024
    #[arg(long, value_name = "YEARS")]
    pub period: Option<String>,
    /// Show deal changes (added/removed/revised) instead of value revisions in
    /// csv and parquet output; the table shows both, JSON everything
    #[arg(long)]
    pub deals: bool,
    /// Rows per section [default: 40 in the table, all otherwise]
    #[arg(long, value_name = "N")]
    pub limit: Option<usize>,
    /// Data directory [default: $XDG_DATA_HOME/armsflow or ~/.local/share/armsflow]
    #[arg(long, value_name = "DIR", env = store::DATA_DIR_ENV)]
    pub data_dir: Option<PathBuf>,
    #[command(flatten)]
    pub out: OutputArgs,
}

/// The two releases and their differences, as `args` select them.
fn prepare(args: &Args) -> anyhow::Result<(ReleaseDiff, Release, Release)> {
    if !(args.threshold >= 0.0 && args.min_change >= 0.0 && args.min_change <= 100.0) {
        return Err(
            UserError("--threshold must be ≥ 0 and --min-change between 0 and 100".into()).into(),
        );
    }
    let years = match &args.period {
        Some(p) => Some(Window::parse(p).map_err(|e| UserError(e.to_string()))?),
        None => None,
    };
    let store = common::open_existing_at(args.data_dir.as_deref())?;
    // Once, for the warnings about damaged entries; `load` lists silently.
    common::list_releases(&store)?;
    let a = load(&store, &args.a)?;
    let b = load(&store, &args.b)?;
    let country = match &args.country {
        Some(c) => Some(country_key(&a, &b, c)?),
        None => None,
    };
    let opts = DiffOptions {
        threshold: args.threshold,
        min_relative: args.min_change / 100.0,
        country,
        years,
    };
    Ok((diff(&a, &b, &opts), a, b))
}

/// The machine-format table (values, or deals with `--deals`); shared with
/// the Python package.
pub fn compute(args: &Args) -> anyhow::Result<Table> {
    let (d, a, b) = prepare(args)?;
    machine_table(args, &d, &a, &b)
}

pub fn run(args: Args) -> anyhow::Result<()> {
    let (d, a, b) = prepare(&args)?;
    let format = args.out.format();
    if format == Format::Json {
        let mut value = serde_json::json!({
            "diff": d,
            "citation_a": a.citation(),
            "citation_b": b.citation(),
            // Never SIPRI's when either side is our generator's.
            "attribution": if a.meta.synthetic { a.attribution() } else { b.attribution() },
        });
        tidy_numbers(&mut value, "");
        let t = serde_json::to_string_pretty(&value)? + "\n";
        return write_text(&args.out, &t);
    }
    if matches!(format, Format::Table | Format::Markdown) {
        let limit = args.limit.unwrap_or(TABLE_LIMIT);
        let mut values = values_table(&d, limit);
        let mut deals = deals_table(&d, limit);
        // Values first (the question most users bring), deals after; the
        // notes go under whichever table comes last.
        let text = match deals.as_mut() {
            Some(t) => {
                add_notes(t, &d, &a, &b);
                output::render(&values, format)? + "\n" + &output::render(t, format)?
            }
            None => {
                add_notes(&mut values, &d, &a, &b);
                output::render(&values, format)?
            }
        };
        return write_text(&args.out, &text);
    }
    output::emit(&machine_table(&args, &d, &a, &b)?, &args.out)
}

fn machine_table(args: &Args, d: &ReleaseDiff, a: &Release, b: &Release) -> anyhow::Result<Table> {
    let limit = args.limit.unwrap_or(usize::MAX);
    let values = values_table(d, limit);
    let mut t = match (args.deals, deals_table(d, limit)) {
        (true, Some(t)) => t,
        (true, None) => {
            return Err(UserError(
                "--deals needs two current-layout registers (the only releases with SIPRI AT \
                 Database IDs)"
                    .into(),
            )
            .into());
        }
        (false, _) => values,
    };
    add_notes(&mut t, d, a, b);
    Ok(t)
}

/// The JSON's numbers at the precision CSV uses (README "Exact numbers"):
/// TIV values (`a`, `b`, `change`, `tiv`, `tiv_a`) to hundredths, fractions
/// (`relative`, `min_relative`) to six decimals, so no float noise such as
/// `900.6666666666665` reaches a user.
fn tidy_numbers(v: &mut serde_json::Value, key: &str) {
    use serde_json::Value;
    match v {
        Value::Object(m) => m.iter_mut().for_each(|(k, x)| tidy_numbers(x, k)),
        Value::Array(a) => a.iter_mut().for_each(|x| tidy_numbers(x, key)),
        Value::Number(n) if n.is_f64() => {
            let d = match key {
                "a" | "b" | "change" | "tiv" | "tiv_a" | "threshold" => output::TIV_DECIMALS,
                _ => output::PCT_DECIMALS + 2,
            };
            let rounded = n.as_f64().map(|x| output::round_to(x, d));
            if let Some(r) = rounded.and_then(serde_json::Number::from_f64) {
                *n = r;
            }
        }
        _ => {}
    }
}

fn write_text(out: &OutputArgs, text: &str) -> anyhow::Result<()> {
    match &out.output {
        Some(p) => std::fs::write(p, text)
            .map_err(|e| UserError(format!("cannot write {}: {e}", p.display())).into()),
        None => {
            use std::io::Write;
            let mut o = std::io::stdout().lock();
            match o.write_all(text.as_bytes()).and_then(|_| o.flush()) {
                Err(e) if e.kind() == std::io::ErrorKind::BrokenPipe => Ok(()),
                r => Ok(r?),
            }
        }
    }
}

/// A stored release by exact id or unique prefix.
fn load(store: &Store, query: &str) -> anyhow::Result<Release> {
    let ids: Vec<String> = store.list()?.into_iter().map(|m| m.id).collect();
    let id = if ids.iter().any(|i| i == query) {
        query.to_string()
    } else {
        let hits: Vec<&String> = ids.iter().filter(|i| i.starts_with(query)).collect();
        match hits.as_slice() {
            [one] => (*one).clone(),
            [] => {
                let known = if ids.is_empty() {
                    format!("the store is empty: {}", common::EMPTY_STORE_HINT)
                } else {
                    format!("stored releases: {}", ids.join(", "))
                };
                return Err(UserError(format!("no release '{query}'; {known}")).into());
            }
            many => {
                let list: Vec<&str> = many.iter().map(|s| s.as_str()).collect();
                return Err(UserError(format!(
                    "'{query}' matches several releases: {}",
                    list.join(", ")
                ))
                .into());
            }
        }
    };
    // Damage said as the queries say it, naming no path (hostile-files
    // probe 4: diff printed the full path of a corrupt file).
    common::release_or_user_error(store, &id, store.load(&id))
}

/// The country's cross-release key, resolved in B (else A).
fn country_key(a: &Release, b: &Release, query: &str) -> anyhow::Result<String> {
    match common::resolve_country(b, query) {
        Ok(id) => Ok(b.entities.get(id).key.clone()),
        Err(e) => match common::resolve_country(a, query) {
            Ok(id) => Ok(a.entities.get(id).key.clone()),
            Err(_) => Err(e),
        },
    }
}

fn party_cell(p: &Option<engine::diff::Party>) -> Cell {
    p.as_ref().map_or(Cell::Empty, |p| Cell::text(&p.name))
}

fn opt_tiv(v: Option<f64>) -> Cell {
    v.map_or(Cell::Empty, Cell::tiv)
}

fn allocation(r: &Revision) -> &'static str {
    match (r.allocated_a, r.allocated_b) {
        (true, true) => "A+B",
        (true, false) => "A",
        (false, true) => "B",
        (false, false) => "",
    }
}

/// "revised" claims SIPRI changed the value; where either side is our even
/// split of a legacy deal total, the difference may be the split's alone
/// (published-figures probe: all 5,332 "revisions" between the 2025 legacy
/// and the Feb-2026 register, the same database version, were such).
fn kind(r: &Revision) -> &'static str {
    match r.kind {
        RevisionKind::Changed if r.allocated_a || r.allocated_b => "differs (allocation)",
        RevisionKind::Changed => "revised",
        RevisionKind::New => "new in B",
        RevisionKind::Dropped => "gone in B",
    }
}

fn values_table(d: &ReleaseDiff, limit: usize) -> Table {
    let (title, lead): (&str, &[&str]) = match d.level {
        Some(DiffLevel::Pair) => (
            "TIV changes by supplier, recipient and year",
            &["supplier", "recipient"],
        ),
        Some(DiffLevel::Recipient) => (
            "TIV changes by recipient and year (imports)",
            &["recipient"],
        ),
        Some(DiffLevel::Supplier) => ("TIV changes by supplier and year (exports)", &["supplier"]),
        None => ("No comparable TIV values", &[]),
    };
    let mut cols: Vec<&str> = lead.to_vec();
    cols.extend([
        "year",
        "TIV in A",
        "TIV in B",
        "change",
        "change %",
        "what",
        "rests on allocation",
    ]);
    let mut t = Table::new(format!("{title}: {} → {}", d.a.id, d.b.id), &cols);
    for r in d.revisions.iter().take(limit) {
        let mut row = Vec::new();
        if lead.contains(&"supplier") {
            row.push(party_cell(&r.supplier));
        }
        if lead.contains(&"recipient") {
            row.push(party_cell(&r.recipient));
        }
        row.extend([
            Cell::Int(i64::from(r.year)),
            opt_tiv(r.a),
            opt_tiv(r.b),
            Cell::tiv(r.change),
            Cell::opt_pct(r.relative),
            Cell::text(kind(r)),
            Cell::text(allocation(r)),
        ]);
        t.row(row);
    }
    if d.revisions.len() > limit {
        t.note(format!(
            "showing the {limit} largest of {} changes (--limit N to see more)",
            d.revisions.len()
        ));
    }
    t
}

fn deals_table(d: &ReleaseDiff, limit: usize) -> Option<Table> {
    let deals = d.deals.as_ref()?;
    let cols = [
        "change",
        "SIPRI id",
        "supplier",
        "recipient",
        "designation",
        "field",
        "in A",
        "in B",
    ];
    let mut t = Table::new(
        format!(
            "Deals: {} added, {} removed, {} revised, {} unchanged",
            deals.added.len(),
            deals.removed.len(),
            deals.revised.len(),
            deals.unchanged
        ),
        &cols,
    );
    let row = |what: &str, s: &engine::diff::DealSummary, field: &str, a: Cell, b: Cell| {
        vec![
            Cell::text(what),
            Cell::Int(s.sipri_id as i64),
            Cell::text(&s.supplier.name),
            Cell::text(&s.recipient.name),
            Cell::text(&s.designation),
            Cell::text(field),
            a,
            b,
        ]
    };
    for s in deals.added.iter().take(limit) {
        t.row(row(
            "added",
            s,
            "tiv_delivered",
            Cell::Empty,
            Cell::tiv(s.tiv),
        ));
    }
    for s in deals.removed.iter().take(limit) {
        t.row(row(
            "removed",
            s,
            "tiv_delivered",
            Cell::tiv(s.tiv),
            Cell::Empty,
        ));
    }
    for r in deals.revised.iter().take(limit) {
        for c in &r.changes {
            t.row(row(
                "revised",
                &r.deal,
                c.field,
                Cell::text(&c.a),
                Cell::text(&c.b),
            ));
        }
    }
    let longest = deals
        .added
        .len()
        .max(deals.removed.len())
        .max(deals.revised.len());
    if longest > limit {
        t.note(format!(
            "showing up to {limit} deals per kind (--limit N to see more)"
        ));
    }
    Some(t)
}

fn add_notes(t: &mut Table, d: &ReleaseDiff, a: &Release, b: &Release) {
    let years = d
        .years
        .map_or("none".to_string(), |(x, y)| format!("{x}-{y}"));
    t.note(format!(
        "compared delivery years {years}: {} values, {} differ by at least {} TIV{}, {} smaller \
         changes not listed",
        d.compared,
        d.revisions.len(),
        d.threshold,
        if d.min_relative > 0.0 {
            format!(" and {}%", d.min_relative * 100.0)
        } else {
            String::new()
        },
        d.below_threshold
    ));
    if d.allocated_revisions > 0 {
        t.note(format!(
            "{} of {} differences rest on allocated values (column 'rests on allocation', \
             'differs (allocation)'): not necessarily SIPRI revisions",
            d.allocated_revisions,
            d.revisions.len()
        ));
    }
    for n in &d.notes {
        t.note(n.clone());
    }
    t.note(format!("A: {} ({})", a.citation(), a.meta.format.as_str()));
    t.note(format!("B: {} ({})", b.citation(), b.meta.format.as_str()));
    t.set_meta("release_a", a.meta.id.clone());
    t.release_meta(b);
    t.set_meta("release_b", b.meta.id.clone());
}
