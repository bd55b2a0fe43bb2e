//! `armsflow pipeline COUNTRY`: arms ordered but not yet delivered, by supplier
//! and order year, from a legacy-register release.

use super::concentration::DirArg;
use super::imports::{name, title};
use crate::common::{self, DataArgs, UserError};
use crate::output::{self, Cell, OutputArgs, Table};
use engine::Direction;
use engine::pipeline::{Pipeline, pipeline};
use model::{Release, SourceFormat};

#[derive(clap::ValueEnum, Clone, Copy, Debug, PartialEq, Eq, Default)]
pub enum By {
    /// One row per supplier (per recipient with --direction exports)
    #[default]
    Supplier,
    /// One row per order year
    Year,
    /// One row per supplier and order year
    SupplierYear,
    /// One row per open deal
    Deal,
}

#[derive(clap::Args)]
#[command(after_help = "Examples:\n  \
armsflow pipeline Kazakhstan\n  \
armsflow pipeline Kazakhstan --by deal\n  \
armsflow pipeline Russia --direction exports --by year\n\n\
Needs a legacy-register release (SIPRI's one-row-per-deal register with number ordered \
and TIV for the total order). Without --release the newest stored one is used.")]
pub struct Args {
    /// Country: SIPRI name, alias or ISO3 code (case-insensitive)
    pub country: String,
    /// Its orders as a recipient (by supplier) or as a supplier (by recipient)
    #[arg(long, short = 'd', value_enum, default_value_t = DirArg::Imports)]
    pub direction: DirArg,
    /// Breakdown
    #[arg(long, value_enum, default_value_t = By::Supplier)]
    pub by: By,
    #[command(flatten)]
    pub data: DataArgs,
    #[command(flatten)]
    pub out: OutputArgs,
}

/// The release to use: `--release` if given (it must be a legacy register),
/// else the newest stored legacy-register release.
fn legacy_release(data: &DataArgs) -> anyhow::Result<Release> {
    let store = common::open_store(data)?;
    let legacy: Vec<String> = common::list_releases(&store)?
        .into_iter()
        .filter(|m| m.format == SourceFormat::LegacyRegister)
        .map(|m| m.id)
        .collect();
    let stored = if legacy.is_empty() {
        "no legacy-register release is stored: import SIPRI's legacy trade register \
         (one row per deal, with 'SIPRI TIV for total order') with `armsflow import FILE`"
            .to_string()
    } else {
        format!("stored legacy-register releases: {}", legacy.join(", "))
    };
    let id = match &data.release {
        Some(id) => id.clone(),
        // Ids start with SIPRI's generation date, so the greatest is the newest.
        None => match legacy.iter().max() {
            Some(id) => id.clone(),
            None => {
                return Err(UserError(format!(
                    "the orders pipeline needs a legacy-register release; {stored}"
                ))
                .into());
            }
        },
    };
    let rel = common::load_release(&DataArgs {
        data_dir: data.data_dir.clone(),
        release: Some(id),
    })?;
    if rel.meta.format != SourceFormat::LegacyRegister {
        return Err(UserError(format!(
            "release {} is a {} release; the orders pipeline needs a legacy-register release \
             (number ordered and TIV of the whole order per deal); {stored}",
            rel.meta.id,
            rel.meta.format.as_str()
        ))
        .into());
    }
    Ok(rel)
}

pub fn run(args: Args) -> anyhow::Result<()> {
    let rel = legacy_release(&args.data)?;
    let focus = common::resolve_country(&rel, &args.country)?;
    let dir = match args.direction {
        DirArg::Imports => Direction::Imports,
        DirArg::Exports => Direction::Exports,
    };
    let p = pipeline(&rel, focus, dir).map_err(|e| UserError(e.to_string()))?;
    output::emit(&table(&rel, &p, args.by), &args.out)
}

fn year(y: Option<u16>) -> Cell {
    y.map_or(Cell::text("unknown"), |y| Cell::Int(y as i64))
}

fn table(rel: &Release, p: &Pipeline, by: By) -> Table {
    let side = match p.direction {
        Direction::Imports => "supplier",
        Direction::Exports => "recipient",
    };
    let as_of = p
        .as_of
        .map_or("the release's end".into(), |y| format!("end of {y}"));
    let heading = match p.direction {
        Direction::Imports => format!(
            "Arms on order for {}, not yet delivered ({as_of})",
            name(rel, p.focus)
        ),
        Direction::Exports => format!(
            "Arms {} has on order, not yet delivered ({as_of})",
            name(rel, p.focus)
        ),
    };
    let mut t = Table::new(title(rel, heading), &[]);
    let cols: Vec<String> = match by {
        By::Supplier => vec![
            side.into(),
            "outstanding TIV".into(),
            "share %".into(),
            "deals".into(),
        ],
        By::Year => vec![
            "order year".into(),
            "outstanding TIV".into(),
            "share %".into(),
        ],
        By::SupplierYear => vec![
            side.into(),
            "order year".into(),
            "outstanding TIV".into(),
            "share %".into(),
        ],
        By::Deal => [
            side,
            "designation",
            "description",
            "order year",
            "number ordered",
            "number delivered",
            "order TIV",
            "delivered TIV",
            "outstanding TIV",
            "last delivery",
            "note",
        ]
        .iter()
        .map(|s| s.to_string())
        .collect(),
    };
    t.columns = cols;
    let share = |x: f64| Cell::pct(if p.total > 0.0 { x / p.total } else { 0.0 });
    match by {
        By::Supplier => {
            for x in &p.by_partner {
                t.row(vec![
                    Cell::text(name(rel, x.partner)),
                    Cell::tiv(x.outstanding),
                    Cell::pct(x.share),
                    Cell::Int(x.deals as i64),
                ]);
            }
        }
        By::Year => {
            for (y, v) in &p.by_order_year {
                t.row(vec![year(*y), Cell::tiv(*v), share(*v)]);
            }
        }
        By::SupplierYear => {
            for c in &p.cells {
                t.row(vec![
                    Cell::text(name(rel, c.partner)),
                    year(c.order_year),
                    Cell::tiv(c.outstanding),
                    share(c.outstanding),
                ]);
            }
        }
        By::Deal => {
            for d in &p.open {
                let est = |e: Option<bool>| if e == Some(true) { " (est.)" } else { "" };
                t.row(vec![
                    Cell::text(name(rel, d.partner)),
                    Cell::text(&d.designation),
                    Cell::text(&d.description),
                    Cell::text(d.order_year.map_or("unknown".into(), |y| {
                        format!("{y}{}", est(d.order_year_estimated))
                    })),
                    Cell::text(d.number_ordered.map_or("unknown".into(), |n| {
                        format!("{n}{}", est(d.number_ordered_estimated))
                    })),
                    d.number_delivered
                        .map_or(Cell::Empty, |n| Cell::Int(n as i64)),
                    d.tiv_order.map_or(Cell::Empty, Cell::tiv),
                    Cell::tiv(d.tiv_delivered),
                    d.outstanding.map_or(Cell::Empty, Cell::tiv),
                    d.last_delivery
                        .map_or(Cell::text("none"), |y| Cell::Int(y as i64)),
                    Cell::text(if d.stale { "possibly stale" } else { "" }),
                ]);
            }
        }
    }
    if p.open.is_empty() {
        t.note("Nothing on order with a known value.");
    } else {
        t.note(format!(
            "Total outstanding: {:.2} TIV in {} open deal(s).",
            p.total,
            p.open.len()
        ));
    }
    if !p.unknown_size.is_empty() {
        let list: Vec<String> = p
            .unknown_size
            .iter()
            .map(|d| {
                format!(
                    "{} {} ({}, ordered {})",
                    name(rel, d.partner),
                    d.designation,
                    d.description,
                    d.order_year.map_or("?".into(), |y| y.to_string())
                )
            })
            .collect();
        t.note(format!(
            "Number ordered not yet known: {}.",
            list.join("; ")
        ));
    }
    for c in p.caveats() {
        t.note(c);
    }
    t.note(format!(
        "Release {} (legacy register, one row per deal). Values in millions of SIPRI trend-indicator values (TIV).",
        rel.meta.id
    ));
    t.note(rel.citation());
    t
}
