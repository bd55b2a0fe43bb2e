//! `armsflow pair SUPPLIER RECIPIENT`: one relationship from both ends, with
//! the two denominators that claims like "88 % of X's imports" and "3rd-largest
//! buyer of Y" use.

use super::imports::{QueryArgs, describe, name, provenance, title};
use crate::common::{self, DataArgs};
use crate::output::{self, Cell, OutputArgs, Table};

#[derive(clap::Args)]
#[command(after_help = "Examples:\n  \
armsflow pair Russia Kazakhstan --period 2020-2024\n  \
armsflow pair USA 'Saudi Arabia' --period 2015-24 --format json\n\n\
Prints TIV by year, the pair's share of the recipient's imports and of the supplier's \
exports, and the rank on each side.")]
pub struct Args {
    /// Supplier: SIPRI name, alias or ISO3 code
    pub supplier: String,
    /// Recipient: SIPRI name, alias or ISO3 code
    pub recipient: String,
    #[command(flatten)]
    pub query: QueryArgs,
    #[command(flatten)]
    pub data: DataArgs,
    #[command(flatten)]
    pub out: OutputArgs,
}

fn ordinal(n: u32) -> String {
    let suffix = match (n % 10, n % 100) {
        (1, x) if x != 11 => "st",
        (2, x) if x != 12 => "nd",
        (3, x) if x != 13 => "rd",
        _ => "th",
    };
    format!("{n}{suffix}")
}

pub fn run(args: Args) -> anyhow::Result<()> {
    output::emit(&compute(&args)?, &args.out)
}

/// Runs the query; `run` renders it, the Python package hands it to pandas.
pub fn compute(args: &Args) -> anyhow::Result<Table> {
    let rel = args.query.load(&args.data)?;
    let s = common::resolve_country(&rel, &args.supplier)?;
    let r = common::resolve_country(&rel, &args.recipient)?;
    if let Some(why) = engine::pair_refusal(&rel, s, r) {
        // A question this release cannot answer: the user's to change (exit 2).
        return Err(
            common::UserError(format!("cannot answer this pair: {}", why.message(&rel))).into(),
        );
    }
    let f = args.query.filter(&rel)?;
    let p = engine::pair(&rel, s, r, &f);
    let (sn, rn) = (name(&rel, s), name(&rel, r));
    let mut t = Table::new(
        title(
            &rel,
            format!("Arms transfers {sn} → {rn}, {}", describe(&f)),
        ),
        &["year", "TIV"],
    );
    // A year outside the release has no value, not 0 TIV (by delivery
    // year; an order year before the release can have deliveries in it).
    for (y, v) in &p.by_year {
        let tiv = if f.no_data_in(&rel, *y) {
            Cell::Empty
        } else {
            Cell::tiv(*v)
        };
        t.row(vec![Cell::Int(*y as i64), tiv]);
    }
    let empty = f.no_data(&rel);
    let total = if empty {
        Cell::Empty
    } else {
        Cell::tiv(p.total)
    };
    t.row(vec![Cell::text("total"), total]);
    if p.total <= 0.0 {
        let nothing = format!("No deliveries from {sn} to {rn} in {}.", describe(&f));
        t.note(super::imports::empty_note(&rel, &f, nothing));
    }
    match p.share_of_recipient_imports {
        Some(sh) => t.note(format!(
            "{sn} supplied {:.1}% of {rn}'s imports ({:.2} of {:.2} TIV){}.",
            sh * 100.0,
            p.total,
            p.recipient_imports,
            p.supplier_rank.map_or(String::new(), |k| format!(
                ", {} of {} suppliers",
                ordinal(k),
                p.recipient_suppliers
            ))
        )),
        None if empty => {}
        None => t.note(format!("{rn} imported nothing in the window.")),
    }
    match p.share_of_supplier_exports {
        Some(sh) => t.note(format!(
            "{rn} received {:.1}% of {sn}'s exports ({:.2} of {:.2} TIV){}.",
            sh * 100.0,
            p.total,
            p.supplier_exports,
            p.recipient_rank.map_or(String::new(), |k| format!(
                ", its {}-largest recipient of {}",
                ordinal(k),
                p.supplier_customers
            ))
        )),
        None if empty => {}
        None => t.note(format!("{sn} exported nothing in the window.")),
    }
    if p.total > 0.0 {
        t.note(format!(
            "{} Allocations: {:.1}%.",
            common::estimates_note(rel.meta.format, p.estimated_tiv / p.total, "the pair's TIV"),
            p.allocated_tiv / p.total * 100.0
        ));
    }
    provenance(&mut t, &rel, &f);
    Ok(t)
}
