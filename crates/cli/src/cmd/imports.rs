//! `armsflow imports COUNTRY`: who supplied a country's arms imports. Also home
//! of the query arguments and notes the other metric subcommands share.

use crate::common::{self, DataArgs, UserError};
use crate::output::{self, Cell, OutputArgs, Table};
use engine::{Basis, Direction, Filter, Partners};
use model::{Category, EntityId, Release, Window};

pub use super::provenance::{coverage_notes, legacy_warning, provenance, provenance_for};

/// `--period`, `--category`, `--basis`: what every metric query selects.
#[derive(clap::Args, Debug, Clone, Default)]
pub struct QueryArgs {
    /// Inclusive period: 2020-2024, 2020-24 or one year [default: the release's last complete five-year window]
    #[arg(long, short = 'p', value_name = "YEARS", value_parser = parse_window)]
    pub period: Option<Window>,
    /// Only one armament category, e.g. aircraft, air-defence, ships, missiles
    #[arg(long, short = 'c', value_name = "CATEGORY", value_parser = parse_category)]
    pub category: Option<Category>,
    /// Place deliveries in the window by delivery year or by the deal's order year
    #[arg(long, value_enum, default_value_t = BasisArg::Delivery)]
    pub basis: BasisArg,
}

#[derive(clap::ValueEnum, Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum BasisArg {
    /// Year the weapons were delivered (SIPRI's published figures)
    #[default]
    Delivery,
    /// Year the deal was ordered
    Order,
}

fn parse_window(s: &str) -> Result<Window, String> {
    Window::parse(s).map_err(|e| e.to_string())
}

fn parse_category(s: &str) -> Result<Category, String> {
    Category::parse_filter(s)
}

impl QueryArgs {
    /// Loads the release; the deal table only when the order basis needs it.
    pub fn load(&self, data: &DataArgs) -> anyhow::Result<Release> {
        common::load_release_with(data, self.basis == BasisArg::Order)
    }

    /// The filter these arguments select in `rel`.
    pub fn filter(&self, rel: &Release) -> anyhow::Result<Filter> {
        self.filter_in(rel, &rel.flows.view())
    }

    /// [`QueryArgs::filter`] for a release whose flows are `flows`.
    pub fn filter_in(&self, rel: &Release, flows: &model::FlowView<'_>) -> anyhow::Result<Filter> {
        let window = match self.period {
            Some(w) => w,
            None => engine::default_window(rel)
                .ok_or_else(|| UserError(format!("release {} holds no deliveries", rel.meta.id)))?,
        };
        let basis = match self.basis {
            BasisArg::Delivery => Basis::Delivery,
            BasisArg::Order => Basis::Order,
        };
        crate::common::require_categories_in(rel, flows, self.category)?;
        crate::common::require_basis(rel, basis)?;
        let f = Filter::new(window)
            .with_category(self.category)
            .with_basis(basis);
        require_data(rel, &f)?;
        Ok(f)
    }
}

/// A window with no year in the release is a question this release cannot
/// answer, not an empty answer: in CSV it was a bare header and exit 0, the
/// same as "no deliveries" (CLI probe 17).
pub fn require_data(rel: &Release, f: &Filter) -> anyhow::Result<()> {
    if f.no_data(rel) {
        return Err(UserError(format!(
            "{} Ask a window the release covers, or another release (armsflow releases).",
            empty_note(rel, f, String::new())
        ))
        .into());
    }
    Ok(())
}

/// Display name of an entity.
pub fn name(rel: &Release, id: EntityId) -> &str {
    rel.entities.try_get(id).map_or("?", |e| e.name.as_str())
}

/// "2020-2024 by delivery year, aircraft only".
pub fn describe(f: &Filter) -> String {
    let basis = match f.basis {
        Basis::Delivery => "by delivery year",
        Basis::Order => "by order year",
    };
    match f.category {
        Some(c) => format!("{} {basis}, {c} only", f.window),
        None => format!("{} {basis}, all categories", f.window),
    }
}

/// Title prefix that makes synthetic data impossible to miss.
pub fn title(rel: &Release, s: String) -> String {
    if rel.meta.synthetic {
        format!("SYNTHETIC DEMO DATA (not SIPRI) — {s}")
    } else {
        s
    }
}

/// " (107 states, 2 organisations)": SIPRI counts states, and a reader
/// takes a bare count of partners for one (published-figures probe: the US
/// "109 recipients" against SIPRI's 107 states, NATO** and the UN** among
/// them). Empty when every partner is a state.
fn kinds(rel: &Release, p: &Partners) -> String {
    let ranked = p.partners.iter().filter(|x| x.rank.is_some());
    party_kinds(rel, ranked.map(|x| x.entity))
}

/// " (161 states, 5 non-state groups, 2 organisations)" for `ids`; empty when
/// every one is a state.
pub(super) fn party_kinds(rel: &Release, ids: impl Iterator<Item = EntityId>) -> String {
    let c = rel.entities.count_kinds(ids);
    if c.non_state + c.organisations + c.other == 0 {
        return String::new();
    }
    let plural = |n: usize, one: &str, many: &str| match n {
        0 => None,
        1 => Some(format!("1 {one}")),
        n => Some(format!("{n} {many}")),
    };
    let parts: Vec<String> = [
        plural(c.states, "state", "states"),
        plural(c.non_state, "non-state group", "non-state groups"),
        plural(c.organisations, "organisation", "organisations"),
        plural(c.other, "unidentified party", "unidentified parties"),
    ]
    .into_iter()
    .flatten()
    .collect();
    format!(" ({})", parts.join(", "))
}

fn pct(x: f64) -> String {
    format!("{:.1}%", x * 100.0)
}

/// The note for an empty result: "No data" when no year of the window is in
/// the release (by delivery year), so that an absence of data is never
/// printed as an absence of deliveries ("Kazakhstan imported nothing in
/// 1990-1994" was printed for a release that starts in 1995); else
/// `nothing`, the command's own "No deliveries" sentence.
pub fn empty_note(rel: &Release, f: &Filter, nothing: String) -> String {
    if f.no_data(rel) {
        format!(
            "No data: {}, so nothing can be said about {} from it.",
            rel.coverage(f.window).note().unwrap_or_default(),
            describe(f)
        )
    } else {
        nothing
    }
}

/// Notes on totals, change, concentration, estimates and unknown partners.
pub fn partner_notes(t: &mut Table, rel: &Release, p: &Partners) {
    let (verb, side) = match p.direction {
        Direction::Imports => ("imported", "suppliers"),
        Direction::Exports => ("exported", "recipients"),
    };
    let who = name(rel, p.focus);
    if p.is_empty() {
        let nothing = format!(
            "No deliveries: {who} {verb} nothing in {} in this release.",
            describe(&p.filter)
        );
        t.note(empty_note(rel, &p.filter, nothing));
    } else {
        // The unknown pool is not one more partner: it is named, not counted.
        let pool = p
            .partners
            .iter()
            .find(|x| x.rank.is_none())
            .map(|x| format!(" and {} ({:.2} TIV, unranked)", name(rel, x.entity), x.tiv))
            .unwrap_or_default();
        if p.ranked() == 0 && p.aggregate_tiv > 0.0 {
            t.note(format!(
                "Total: {:.2} TIV; the source names no {side}.",
                p.total
            ));
        } else {
            t.note(format!(
                "Total: {:.2} TIV, {} {side}{}{pool}.",
                p.total,
                p.ranked(),
                kinds(rel, p)
            ));
        }
    }
    if let Some(prev) = &p.previous {
        let like = model::comparison_note(
            &rel.coverage(p.filter.window),
            &rel.coverage(prev.filter.window),
        );
        // By order year the later window's orders have had less time to be
        // delivered: its total is cut off at the release's last year
        // (regression: India "change -87.1%" by order year, unmarked).
        let like = match (p.filter.basis, like, rel.year_span()) {
            (Basis::Order, None, Some((_, last))) => Some(format!(
                "not like for like: by order year, orders placed in {} count only their \
                 deliveries up to {last}, so the later window is less complete",
                p.filter.window
            )),
            (_, like, _) => like,
        };
        let change = match (p.change, like) {
            (Some(c), None) => format!("change {:+.1}%", c * 100.0),
            (Some(c), Some(n)) => format!("change {:+.1}% ({n})", c * 100.0),
            (None, Some(n)) => format!("change not given ({n})"),
            (None, None) => "change not defined (nothing in the previous window)".into(),
        };
        if prev.filter.no_data(rel) {
            t.note(format!(
                "Previous window {}: no data ({}); no change given.",
                prev.filter.window,
                rel.coverage(prev.filter.window).note().unwrap_or_default()
            ));
        } else {
            t.note(format!(
                "Previous window {}: {:.2} TIV; {change}.",
                prev.filter.window, prev.total
            ));
        }
    }
    if let Some(c) = &p.concentration {
        t.note(format!(
            "Concentration: HHI {:.3} ({:.0} on the 0-10,000 scale), normalised {:.3}, \
             effective number of {side} {:.2}, CR1 {}, CR3 {}.",
            c.hhi,
            c.hhi_10000,
            c.hhi_normalized,
            c.n_eff,
            pct(c.cr1),
            pct(c.cr3)
        ));
    } else if p.aggregate_tiv > 0.0 {
        t.note(format!(
            "This release's source does not name the {side} ({:.2} TIV under an aggregate), \
             so shares and concentration are not meaningful.",
            p.aggregate_tiv
        ));
    }
    if !p.is_empty() {
        // None where the layout flags no estimates: a TIV table's "0" was
        // read as "no estimates" (other-formats probe 35).
        if !matches!(
            rel.meta.format.estimate_flags(),
            model::EstimateFlags::Absent
        ) {
            t.set_meta("estimated_share", p.estimated_share.to_string());
        }
        t.note(format!(
            "{} Allocations of per-deal totals to years: {}.",
            common::estimates_note(rel.meta.format, p.estimated_share, "the total"),
            pct(p.allocated_share)
        ));
        t.note(format!(
            "Unknown {side}: {:.2} TIV ({}), kept in the denominator.",
            p.unknown_tiv,
            pct(p.unknown_tiv / p.total)
        ));
    }
    if p.undated_tiv > 0.0 {
        t.note(format!(
            "{:.2} TIV belongs to deals without an order year and is not counted (order basis).",
            p.undated_tiv
        ));
    }
}

/// The partner table shared by `imports` and `exports`.
pub fn partners_table(rel: &Release, p: &Partners) -> Table {
    let (noun, side) = match p.direction {
        Direction::Imports => ("imports", "supplier"),
        Direction::Exports => ("exports", "recipient"),
    };
    let prev = p.previous.as_deref();
    let pw = prev.map_or(String::new(), |q| q.filter.window.to_string());
    let (c_prev, c_prev_share) = (format!("TIV {pw}"), format!("share {pw} %"));
    let mut t = Table::new(
        title(
            rel,
            format!(
                "Arms {noun} of {}, {}",
                name(rel, p.focus),
                describe(&p.filter)
            ),
        ),
        &[
            "rank",
            side,
            "TIV",
            "share %",
            "estimated %",
            &c_prev,
            &c_prev_share,
        ],
    );
    // A previous window wholly before the release has no figures, not zeros
    // (regression: "TIV 1988-1992 0.00" beside a 1993-1997 query).
    let prev_known = prev.filter(|q| !q.filter.no_data(rel));
    for x in &p.partners {
        let before = prev_known.and_then(|q| q.get(x.entity));
        t.row(vec![
            x.rank.map_or(Cell::Empty, |r| Cell::Int(r.into())),
            Cell::text(name(rel, x.entity)),
            Cell::tiv(x.tiv),
            Cell::pct(x.share),
            common::estimated_cell(rel.meta.format, x.estimated_tiv / x.tiv),
            match (before, prev_known) {
                (Some(b), _) => Cell::tiv(b.tiv),
                (None, Some(_)) => Cell::tiv(0.0),
                (None, None) => Cell::Empty,
            },
            match (before, prev_known) {
                (Some(b), _) => Cell::pct(b.share),
                (None, Some(q)) if q.total > 0.0 => Cell::pct(0.0),
                _ => Cell::Empty,
            },
        ]);
    }
    // Partners of the previous window only, unranked and at 0 now: without
    // them its columns did not add up to its total (regression: Kazakhstan's
    // 2015-19 column summed to 1,396.65 of 1,416.65 TIV, without China, the
    // US and Israel).
    let gone: Vec<_> = prev_known
        .map(|q| {
            q.partners
                .iter()
                .filter(|b| p.get(b.entity).is_none())
                .collect()
        })
        .unwrap_or_default();
    // A window the release holds no year of has no figures, not zeros
    // (regression: "Russia 0.00 0.0 %" for 2025-2029 in CSV and JSON).
    let now_known = !p.filter.no_data(rel);
    let zero = |c: Cell| if now_known { c } else { Cell::Empty };
    for b in &gone {
        t.row(vec![
            Cell::Empty,
            Cell::text(name(rel, b.entity)),
            zero(Cell::tiv(0.0)),
            zero(Cell::pct(0.0)),
            Cell::Empty,
            Cell::tiv(b.tiv),
            Cell::pct(b.share),
        ]);
    }
    if let (false, Some(q)) = (gone.is_empty(), prev_known) {
        t.note(if now_known {
            format!(
                "Unranked rows: {side}s of {} only, with nothing in {}.",
                q.filter.window, p.filter.window
            )
        } else {
            format!(
                "Unranked rows: {side}s of {}; {} has no data, so its cells are empty.",
                q.filter.window, p.filter.window
            )
        });
    }
    partner_notes(&mut t, rel, p);
    provenance(&mut t, rel, &p.filter);
    t
}

/// One row per armament category: total, share of all categories, top partner.
pub fn categories_table(rel: &Release, focus: EntityId, dir: Direction, f: &Filter) -> Table {
    let all = engine::partners(rel, focus, dir, &f.with_category(None));
    let rows = engine::category_breakdown(rel, focus, dir, f);
    let side = match dir {
        Direction::Imports => "supplier",
        Direction::Exports => "recipient",
    };
    let top = format!("top {side}");
    let top_share = format!("top {side} share %");
    let mut t = Table::new(
        title(
            rel,
            format!(
                "Arms {dir} of {} by armament category, {}",
                name(rel, focus),
                describe(&f.with_category(None))
            ),
        ),
        &[
            "category",
            "TIV",
            "share %",
            &top,
            &top_share,
            "HHI",
            "estimated %",
        ],
    );
    for (c, p) in &rows {
        let first = p.partners.first();
        t.row(vec![
            Cell::text(c.sipri_name()),
            Cell::tiv(p.total),
            Cell::pct(p.total / all.total),
            first.map_or(Cell::Empty, |x| Cell::text(name(rel, x.entity))),
            first.map_or(Cell::Empty, |x| Cell::pct(x.share)),
            p.concentration.map_or(Cell::Empty, |c| Cell::num(c.hhi, 3)),
            common::estimated_cell(rel.meta.format, p.estimated_share),
        ]);
    }
    let mut all_f = all.clone();
    all_f.previous = None;
    partner_notes(&mut t, rel, &all_f);
    provenance(&mut t, rel, &f.with_category(None));
    t
}

#[derive(clap::Args)]
#[command(after_help = "Examples:\n  \
armsflow imports Kazakhstan --period 2020-2024\n  \
armsflow imports KAZ --period 2020-24 --category aircraft\n  \
armsflow imports 'Saudi Arabia' --by-category --format markdown\n  \
armsflow imports India --format parquet -o india.parquet\n\n\
Shares are of the country's total imports in the window, unknown suppliers included.")]
pub struct Args {
    /// Recipient: SIPRI name, alias or ISO3 code (case-insensitive)
    pub country: String,
    #[command(flatten)]
    pub query: QueryArgs,
    /// One row per armament category instead of one per supplier
    #[arg(long)]
    pub by_category: bool,
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
    compute_direction(
        Direction::Imports,
        &args.country,
        &args.query,
        args.by_category,
        &args.data,
    )
}

/// `imports` and `exports` differ only in direction.
pub fn compute_direction(
    dir: Direction,
    country: &str,
    query: &QueryArgs,
    by_category: bool,
    data: &DataArgs,
) -> anyhow::Result<Table> {
    // The breakdown lists every category: a --category beside it was
    // silently dropped, the table titled "all categories" (parameter probe:
    // `imports India --by-category --category ships`, exit 0).
    if let (true, Some(c)) = (by_category, query.category) {
        return Err(UserError(format!(
            "--by-category lists every armament category, so it takes no --category ({c}): drop \
             --category for the breakdown, or drop --by-category for {c} by {}",
            match dir {
                Direction::Imports => "supplier",
                Direction::Exports => "recipient",
            }
        ))
        .into());
    }
    if query.basis == BasisArg::Delivery && !by_category {
        // One window and its previous by delivery year: the flows' columns
        // are read where they lie (mapped cache), nothing copied.
        if let Some((rel, flows)) = common::load_view(data)? {
            let v = flows.view();
            let focus = common::resolve_country_in(&rel, &v, country)?;
            common::require_side_in(&rel, &v, dir, Some(focus))?;
            let f = query.filter_in(&rel, &v)?;
            if let Some(p) = engine::partners_in(&rel, &v, focus, dir, &f) {
                return Ok(partners_table(&rel, &p));
            }
        }
    }
    let rel = query.load(data)?;
    let focus = common::resolve_country(&rel, country)?;
    common::require_side(&rel, dir, Some(focus))?;
    let f = query.filter(&rel)?;
    let t = if by_category {
        common::require_breakdown_in(&rel, &rel.flows.view())?;
        categories_table(&rel, focus, dir, &f)
    } else {
        partners_table(&rel, &engine::partners(&rel, focus, dir, &f))
    };
    Ok(t)
}
