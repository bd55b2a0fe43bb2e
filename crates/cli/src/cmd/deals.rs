//! `armsflow deals COUNTRY`: the register's deals behind a country's imports
//! or exports in a window, largest first, with the TIV each contributes.

use super::concentration::DirArg;
use super::imports::{QueryArgs, describe, name, provenance, title};
use crate::common::{self, DataArgs};
use crate::output::{self, Cell, OutputArgs, Table};
use engine::Direction;
use engine::deals::deals;
use model::{Category, Release};

#[derive(clap::Args)]
#[command(after_help = "Examples:\n  \
armsflow deals Kazakhstan --period 2020-2024\n  \
armsflow deals Russia --direction exports --partner India --period 2020-24\n  \
armsflow deals Kazakhstan --category aircraft --format csv > kaz-aircraft.csv\n\n\
'TIV in window' is the part of each deal delivered in the window (by delivery year), so \
the column adds up to the country's total in `armsflow imports`; register sources only \
(TIV tables have no deals).")]
pub struct Args {
    /// Recipient (imports) or supplier (exports): SIPRI name, alias or ISO3 code
    pub country: String,
    /// The country's imports or its exports
    #[arg(long, short = 'd', value_enum, default_value_t = DirArg::Imports)]
    pub direction: DirArg,
    /// Only deals with this supplier (imports) or recipient (exports)
    #[arg(long, value_name = "COUNTRY")]
    pub partner: Option<String>,
    /// Show only the first N deals (0 = all)
    #[arg(long, short = 'n', default_value_t = 0)]
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
    // Deals are the point here: always load the deal table.
    let rel = common::load_release(&args.data)?;
    // A TIV table has no deals: "No deals: nothing delivered" beside its
    // 900 TIV read as an answer (hostile-files probe 2).
    common::require_register(&rel, "a list of deals")?;
    let focus = common::resolve_country(&rel, &args.country)?;
    let partner = match &args.partner {
        Some(p) => Some(common::resolve_country(&rel, p)?),
        None => None,
    };
    let dir = match args.direction {
        DirArg::Imports => Direction::Imports,
        DirArg::Exports => Direction::Exports,
    };
    let f = args.query.filter(&rel)?;
    let d = deals(&rel, focus, dir, partner, &f);
    Ok(table(&rel, focus, partner, dir, &f, &d, args.limit))
}

fn opt_int<T: Into<i64>>(v: Option<T>) -> Cell {
    v.map_or(Cell::Empty, |x| Cell::Int(x.into()))
}

fn table(
    rel: &Release,
    focus: model::EntityId,
    partner: Option<model::EntityId>,
    dir: Direction,
    f: &engine::Filter,
    d: &engine::deals::Deals,
    limit: usize,
) -> Table {
    // The partner is part of the question: without it in the title and the
    // empty note, "nothing delivered" read as a statement about the whole
    // country (regression: `deals Kazakhstan --partner Israel` said
    // "No deals: nothing delivered in 2020-2024" of a country that imported
    // 1,328.98 TIV then).
    let with = partner.map_or(String::new(), |p| format!(" with {}", name(rel, p)));
    let who = name(rel, focus);
    let mut t = Table::new(
        title(
            rel,
            format!("Arms {dir} deals of {who}{with}, {}", describe(f)),
        ),
        &[
            "rank",
            "supplier",
            "recipient",
            "designation",
            "description",
            "category",
            "order year",
            "order year estimated",
            "number ordered",
            "number delivered (all years)",
            "delivery years in window",
            "TIV in window",
            "estimated %",
            "TIV delivered (all years)",
            "status",
            "SIPRI deal id",
        ],
    );
    let take = if limit == 0 { d.rows.len() } else { limit };
    for (i, r) in d.rows.iter().take(take).enumerate() {
        let deal = &rel.deals[r.deal];
        t.row(vec![
            Cell::Int(i as i64 + 1),
            Cell::text(name(rel, deal.supplier)),
            Cell::text(name(rel, deal.recipient)),
            Cell::text(&deal.designation),
            Cell::text(&deal.description),
            Cell::text(Category::from_u8(deal.category).sipri_name()),
            opt_int(deal.order_year),
            deal.order_year_estimated.map_or(Cell::Empty, Cell::Bool),
            opt_int(deal.number_ordered),
            opt_int(deal.number_delivered),
            Cell::list(r.years.iter().map(|y| y.to_string()).collect(), usize::MAX),
            Cell::tiv(r.tiv),
            Cell::pct(r.estimated_tiv / r.tiv),
            deal.tiv_delivered.map_or(Cell::Empty, Cell::tiv),
            Cell::text(&deal.status),
            deal.sipri_id
                .map_or(Cell::Empty, |id| Cell::Int(id.min(i64::MAX as u64) as i64)),
        ]);
    }
    if let Some(p) = partner {
        let side = match dir {
            Direction::Imports => "supplier",
            Direction::Exports => "recipient",
        };
        t.set_meta("partner", name(rel, p));
        t.note(format!(
            "Only deals of {who} with {} (--partner); {who}'s deals with any other {side} are \
             not listed.",
            name(rel, p)
        ));
    }
    if d.rows.is_empty() {
        let nothing = match partner {
            Some(_) => format!(
                "No deals of {who}{with} delivered in {} in this release.",
                describe(f)
            ),
            None => format!(
                "No deals: nothing delivered in {} in this release.",
                describe(f)
            ),
        };
        t.note(super::imports::empty_note(rel, f, nothing));
    } else {
        t.note(format!(
            "{} deals, {:.2} TIV in the window{}.",
            d.rows.len(),
            d.total,
            if take < d.rows.len() {
                format!("; showing {take} (--limit)")
            } else {
                String::new()
            }
        ));
    }
    // SIPRI's legacy register gives each deal's delivered TIV once, with the
    // delivery years listed: a window's part of it is our even split, not a
    // SIPRI figure (regression: Su-30MK "495.00" in 2020-24 shown as exact;
    // the per-year register gives 440.00).
    if rel.meta.format == model::SourceFormat::LegacyRegister && !d.rows.is_empty() {
        // The WARNING of every windowed output (`legacy_warning`) says the
        // split; this says what in the table is still SIPRI's.
        t.note(
            "Legacy register: each deal's TIV in the window is armsflow's even split of its \
             delivered TIV over the delivery years SIPRI lists; the all-years TIV is SIPRI's.",
        );
    }
    if d.without_deal_tiv > 0.0 {
        t.note(format!(
            "{:.2} TIV comes from a source without deals (TIV table) and is not listed.",
            d.without_deal_tiv
        ));
    }
    if d.undated_tiv > 0.0 {
        t.note(format!(
            "{:.2} TIV belongs to deals without an order year and is not counted (order basis).",
            d.undated_tiv
        ));
    }
    provenance(&mut t, rel, f);
    t
}
