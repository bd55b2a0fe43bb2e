//! `armsflow top exporters|importers`: the world's largest in a window.

use super::imports::{BasisArg, QueryArgs, describe, name, provenance, title};
use crate::common::{self, DataArgs};
use crate::output::{self, Cell, OutputArgs, Table};
use engine::{Direction, Filter};

#[derive(clap::ValueEnum, Clone, Copy, Debug, PartialEq, Eq)]
pub enum Side {
    Exporters,
    Importers,
}

#[derive(clap::Args)]
#[command(after_help = "Examples:\n  \
armsflow top exporters --period 2020-2024 --limit 25\n  \
armsflow top importers --period 2015-19 --category air-defence\n\n\
Shares are of the world total in the window. Unknown suppliers/recipients count in that \
total but are not ranked (they are not one country).")]
pub struct Args {
    /// Rank exporters or importers
    #[arg(value_enum)]
    pub side: Side,
    /// Show only the first N rows (0 = all)
    #[arg(long, short = 'n', default_value_t = 25)]
    pub limit: usize,
    #[command(flatten)]
    pub query: QueryArgs,
    #[command(flatten)]
    pub data: DataArgs,
    #[command(flatten)]
    pub out: OutputArgs,
}

pub fn run(args: Args) -> anyhow::Result<()> {
    output::emit(&compute(&args)?, &args.out)
}

/// Runs the query; `run` renders it, the Python package hands it to pandas.
pub fn compute(args: &Args) -> anyhow::Result<Table> {
    let (dir, noun) = match args.side {
        Side::Exporters => (Direction::Exports, "exporters"),
        Side::Importers => (Direction::Imports, "importers"),
    };
    let (rel, f, r) = match (args.query.period, args.query.basis) {
        // One window by delivery year: summed while the flows are decoded
        // (mapped cache, or two threads over the window's row groups).
        // A category is checked against the whole release first (below).
        (Some(w), BasisArg::Delivery) if args.query.category.is_none() => {
            let f = Filter::new(w).with_category(args.query.category);
            let (rel, parts) = common::fold_years(
                &args.data,
                (w.start, w.end),
                &|n| engine::RankSums::new(n, dir),
                &|s: &mut engine::RankSums, v| s.add_view(v, &f),
            )?;
            let mut parts = parts.into_iter();
            let mut sums = parts
                .next()
                .unwrap_or_else(|| engine::RankSums::new(rel.entities.len(), dir));
            for p in parts {
                sums.merge(&p);
            }
            super::imports::require_data(&rel, &f)?;
            let r = engine::ranking_of(&rel, &f, sums);
            (rel, f, r)
        }
        _ => {
            let rel = args.query.load(&args.data)?;
            let f = args.query.filter(&rel)?;
            let r = engine::ranking(&rel, dir, &f);
            (rel, f, r)
        }
    };
    // Whatever the flows it was summed from, the format decides.
    common::require_side(&rel, dir, None)?;
    common::require_categories(&rel, args.query.category)?;
    let limit = if args.limit == 0 {
        r.rows.len()
    } else {
        args.limit
    };
    let mut t = Table::new(
        title(&rel, format!("Largest arms {noun}, {}", describe(&f))),
        &["rank", "country", "TIV", "world share %", "estimated %"],
    );
    for x in r.rows.iter().take(limit) {
        t.row(vec![
            Cell::Int(x.rank as i64),
            Cell::text(name(&rel, x.entity)),
            Cell::tiv(x.tiv),
            Cell::pct(x.share),
            common::estimated_cell(rel.meta.format, x.estimated_tiv / x.tiv),
        ]);
    }
    if r.rows.is_empty() {
        let nothing = format!(
            "No deliveries: no named {noun} in {} in this release.",
            describe(&f)
        );
        t.note(super::imports::empty_note(&rel, &f, nothing));
    } else {
        t.note(format!(
            "World total: {:.2} TIV; {} {noun} ranked{}, {} shown.",
            r.total,
            r.rows.len(),
            super::imports::party_kinds(&rel, r.rows.iter().map(|x| x.entity)),
            limit.min(r.rows.len())
        ));
        t.note(format!(
            "Unknown {}: {:.2} TIV ({:.1}% of the world total), in the total but not ranked.",
            if dir == Direction::Exports {
                "suppliers"
            } else {
                "recipients"
            },
            r.unknown_tiv,
            r.unknown_tiv / r.total * 100.0
        ));
        // None where the layout flags no estimates: a TIV table's "0" was
        // read as "no estimates" (other-formats probe 35).
        if !matches!(
            rel.meta.format.estimate_flags(),
            model::EstimateFlags::Absent
        ) {
            t.set_meta("estimated_share", r.estimated_share.to_string());
        }
        t.note(common::estimates_note(
            rel.meta.format,
            r.estimated_share,
            "the world total",
        ));
    }
    let split = r.allocated_share;
    if split > 0.0 {
        t.set_meta("allocated_share", split.to_string());
        t.note(format!(
            "Allocations: {:.1}% of the world total is armsflow's even split of SIPRI's per-deal \
             totals over delivery years (legacy register): shares can differ from SIPRI's \
             per-year figures.",
            split * 100.0
        ));
    }
    if r.aggregate_tiv > 0.0 {
        t.note(format!(
            "{:.2} TIV is reported only as an aggregate (TIV table source) and is left out.",
            r.aggregate_tiv
        ));
    }
    if r.undated_tiv > 0.0 {
        t.note(format!(
            "{:.2} TIV belongs to deals without an order year and is not counted (order basis).",
            r.undated_tiv
        ));
    }
    provenance(&mut t, &rel, &f);
    Ok(t)
}
