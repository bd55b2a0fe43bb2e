//! `armsflow concentration COUNTRY`: how concentrated a country's suppliers (or
//! customers) are, over consecutive five-year windows.

use super::imports::{BasisArg, describe, name, provenance, title};
use crate::common::{self, DataArgs, UserError};
use crate::output::{self, Cell, OutputArgs, Table};
use engine::metrics::rank_key;
use engine::{Basis, Direction, Filter};
use model::{Category, EntityId, EntityKind, Release, Window};

#[derive(clap::ValueEnum, Clone, Copy, Debug, PartialEq, Eq, Default)]
pub enum DirArg {
    /// The country's arms imports (from its suppliers)
    #[default]
    Imports,
    /// The country's arms exports (to its customers)
    Exports,
}

#[derive(clap::Args)]
#[command(after_help = "Examples:\n  \
armsflow concentration Kazakhstan\n  \
armsflow concentration Russia --direction exports\n  \
armsflow concentration India --periods 2000-2009,2010-2019 --category aircraft\n  \
armsflow concentration --all --period 2020-2024\n\n\
HHI is the sum of squared partner shares (1 = a single partner). Normalised HHI rescales \
it to 0 (even split) .. 1; the effective number of partners is 1/HHI; CR1/CR3 are the \
shares of the largest one/three partners. An unknown-supplier entry counts as one partner.")]
pub struct Args {
    /// Country: SIPRI name, alias or ISO3 code (case-insensitive)
    #[arg(required_unless_present = "all")]
    pub country: Option<String>,
    /// Every country in one window instead: supplier (or customer) concentration
    /// of all of them, most concentrated first
    #[arg(long, conflicts_with = "periods")]
    pub all: bool,
    /// With --all: the window [default: the release's last complete five-year window]
    #[arg(long, short = 'p', value_name = "YEARS", value_parser = parse_window, requires = "all")]
    pub period: Option<Window>,
    /// Suppliers of its imports or recipients of its exports
    #[arg(long, short = 'd', value_enum, default_value_t = DirArg::Imports)]
    pub direction: DirArg,
    /// Comma-separated windows [default: consecutive five-year windows ending at the release's last year]
    #[arg(long, value_name = "YEARS,...", value_delimiter = ',', value_parser = parse_window)]
    pub periods: Vec<Window>,
    /// Only one armament category
    #[arg(long, short = 'c', value_name = "CATEGORY", value_parser = parse_category)]
    pub category: Option<Category>,
    /// Place deliveries in windows by delivery year or by the deal's order year
    #[arg(long, value_enum, default_value_t = BasisArg::Delivery)]
    pub basis: BasisArg,
    #[command(flatten)]
    pub data: DataArgs,
    #[command(flatten)]
    pub out: OutputArgs,
}

fn parse_window(s: &str) -> Result<Window, String> {
    Window::parse(s).map_err(|e| e.to_string())
}

fn parse_category(s: &str) -> Result<Category, String> {
    Category::parse_filter(s)
}

/// What `--all` asks, for its refusal on a release that holds one side of
/// each transfer (hostile-files probe 2: every importer of the import table
/// got "suppliers 1" and a blank HHI, with no note).
const ALL: &str = "concentration for every country";

pub fn run(args: Args) -> anyhow::Result<()> {
    output::emit(&compute(&args)?, &args.out)
}

/// Runs the query; `run` renders it, the Python package hands it to pandas.
pub fn compute(args: &Args) -> anyhow::Result<Table> {
    // A one-window survey of every country by delivery year needs only that
    // window's flows: on a 25M-row release that is most of the speed.
    let dir = match args.direction {
        DirArg::Imports => Direction::Imports,
        DirArg::Exports => Direction::Exports,
    };
    let basis = match args.basis {
        BasisArg::Delivery => Basis::Delivery,
        BasisArg::Order => Basis::Order,
    };
    // `--all` is every country: a COUNTRY beside it was silently dropped,
    // even an unknown one (parameter probe: `concentration Atlantis --all`
    // printed the every-importer table, exit 0).
    if let (true, Some(c)) = (args.all, &args.country) {
        return Err(UserError(format!(
            "--all ranks every country, so it takes no COUNTRY ('{c}'): drop '{c}' for every \
             country, or drop --all (and use --periods) for {c}'s windows"
        ))
        .into());
    }
    if let (true, Some(w), Basis::Delivery) = (args.all, args.period, basis) {
        // The window's pairs are summed while the flows are decoded (two
        // threads, aggregation columns only), the parts merged in file order.
        let f = Filter::new(w).with_category(args.category);
        let (rel, parts) = common::fold_years(
            &args.data,
            (w.start, w.end),
            &engine::PairSums::new,
            &|sums: &mut engine::PairSums, v| sums.add_view(v, &f),
        )?;
        let mut parts = parts.into_iter();
        let mut sums = parts.next().unwrap_or_default();
        for p in parts {
            sums.merge(&p);
        }
        common::require_side(&rel, dir, None)?;
        common::require_whole(&rel, ALL)?;
        let m = engine::pair_matrix(&rel, &f, sums);
        return Ok(all_table(&rel, dir, &f, m));
    }
    let what = match args.basis {
        BasisArg::Order => common::Load::Full,
        BasisArg::Delivery => common::Load::NoDeals,
    };
    let rel = common::load(&args.data, what)?;
    let Some(country) = args.country.as_deref() else {
        let window = match args.period.or_else(|| engine::default_window(&rel)) {
            Some(w) => w,
            None => {
                return Err(
                    UserError(format!("release {} holds no deliveries", rel.meta.id)).into(),
                );
            }
        };
        let f = Filter::new(window)
            .with_category(args.category)
            .with_basis(basis);
        common::require_side(&rel, dir, None)?;
        common::require_whole(&rel, ALL)?;
        common::require_categories(&rel, args.category)?;
        common::require_basis(&rel, basis)?;
        return Ok(all_table(&rel, dir, &f, engine::all_pairs(&rel, &f)));
    };
    let focus = common::resolve_country(&rel, country)?;
    common::require_side(&rel, dir, Some(focus))?;
    common::require_categories(&rel, args.category)?;
    common::require_basis(&rel, basis)?;
    let windows = if args.periods.is_empty() {
        engine::default_windows(&rel)
    } else {
        args.periods.clone()
    };
    if windows.is_empty() {
        return Err(UserError(format!(
            "release {} covers fewer than five years; pass --periods",
            rel.meta.id
        ))
        .into());
    }
    let side = if dir == Direction::Imports {
        "supplier"
    } else {
        "recipient"
    };
    let top = format!("top {side}");
    let n = format!("{side}s");
    let mut t = Table::new(
        title(
            &rel,
            format!(
                "Concentration of {}'s arms {dir} by window",
                name(&rel, focus)
            ),
        ),
        &[
            "window",
            "TIV",
            "change %",
            &n,
            "HHI",
            "HHI 0-10000",
            "normalised HHI",
            "effective n",
            "CR1 %",
            &top,
            "CR3 %",
            "unknown TIV",
            "estimated %",
        ],
    );
    let mut empty = Vec::new();
    let mut no_data = Vec::new();
    let mut last = None;
    for w in &windows {
        let f = Filter::new(*w)
            .with_category(args.category)
            .with_basis(basis);
        // A window with no year in the release has no figures, not zeros
        // (regression: "1990-1994,0,,0,…" and "No deliveries in: 1990-1994").
        if f.no_data(&rel) {
            let mut cells = vec![Cell::text(w.to_string())];
            cells.resize(t.columns.len(), Cell::Empty);
            t.row(cells);
            no_data.push(w.to_string());
            last = Some(f);
            continue;
        }
        let p = engine::partners(&rel, focus, dir, &f);
        let c = p.concentration;
        let num = |g: fn(&engine::Concentration) -> f64, d| {
            c.as_ref().map_or(Cell::Empty, |c| Cell::num(g(c), d))
        };
        t.row(vec![
            Cell::text(w.to_string()),
            Cell::tiv(p.total),
            p.change.map_or(Cell::Empty, |x| Cell::num(x * 100.0, 1)),
            Cell::Int(p.ranked() as i64),
            num(|c| c.hhi, 3),
            num(|c| c.hhi_10000, 0),
            num(|c| c.hhi_normalized, 3),
            num(|c| c.n_eff, 2),
            c.as_ref().map_or(Cell::Empty, |c| Cell::pct(c.cr1)),
            p.partners
                .first()
                .map_or(Cell::Empty, |x| Cell::text(name(&rel, x.entity))),
            c.as_ref().map_or(Cell::Empty, |c| Cell::pct(c.cr3)),
            Cell::tiv(p.unknown_tiv),
            common::estimated_cell(rel.meta.format, p.estimated_share),
        ]);
        if p.is_empty() {
            empty.push(w.to_string());
        }
        if let Some(n) = model::comparison_note(&rel.coverage(*w), &rel.coverage(w.previous())) {
            t.note(format!("{w}: change % is {n}."));
        }
        if p.aggregate_tiv > 0.0 {
            t.note(format!(
                "{w}: the source does not name the {side}s; concentration is not defined."
            ));
        }
        last = Some(f);
    }
    if !empty.is_empty() {
        t.note(format!("No deliveries in: {}.", empty.join(", ")));
    }
    if !no_data.is_empty() {
        let span = rel.year_span().map_or(String::new(), |(a, b)| {
            format!(" (the release covers {a}-{b})")
        });
        t.note(format!("No data in: {}{span}.", no_data.join(", ")));
    }
    t.note("Change % compares each window's total with the window of equal length before it.");
    // As `imports` marks it (metrics probe: India's 2020-24 "-87.1 %" by
    // order year, unmarked here).
    if basis == Basis::Order
        && let Some((_, last)) = rel.year_span()
    {
        t.note(format!(
            "By order year, change % is not like for like: a later window's orders count only \
             their deliveries up to {last}, so it is less complete than the window before it."
        ));
    }
    t.note(format!(
        "The {side}s column counts named {side}s; HHI, effective n and CR1/CR3 count SIPRI's \
         unknown {side}(s) as one more partner (column unknown TIV)."
    ));
    if let Some(f) = last {
        let span = Filter {
            // From the earliest start to the latest end, whatever order the
            // windows were given in (regression: "Window 2016-1994").
            window: Window {
                start: windows
                    .iter()
                    .map(|w| w.start)
                    .min()
                    .unwrap_or(f.window.start),
                end: windows.iter().map(|w| w.end).max().unwrap_or(f.window.end),
            },
            ..f
        };
        t.note(format!(
            "Windows: {}.",
            windows
                .iter()
                .map(|w| w.to_string())
                .collect::<Vec<_>>()
                .join(", ")
        ));
        super::imports::provenance_for(&mut t, &rel, &span, &windows);
    }
    Ok(t)
}

/// (focus, total, concentration, (top partner, its share), partners)
type AllRow = (
    EntityId,
    f64,
    Option<engine::Concentration>,
    Option<(EntityId, f64)>,
    usize,
);

/// Every focus country's concentration in one window, from the full pair
/// matrix (one pass over the flows).
fn all_table(rel: &Release, dir: Direction, f: &Filter, m: engine::PairMatrix) -> Table {
    // The matrix is by recipient; for exports, regroup its cells by supplier.
    let mut rows: Vec<AllRow> = match dir {
        Direction::Imports => m
            .recipients
            .iter()
            .map(|r| {
                let cells = m.cells_of(r.recipient);
                let top = cells.first().map(|c| (c.supplier, c.share_of_recipient));
                // Named suppliers: the unknown pool is in the HHI, not the count.
                let named = cells
                    .iter()
                    .filter(|c| !is_kind(rel, c.supplier, EntityKind::Unknown))
                    .count();
                (r.recipient, r.total, r.concentration, top, named)
            })
            .collect(),
        Direction::Exports => {
            let mut by: std::collections::BTreeMap<EntityId, (Vec<f64>, bool, usize)> =
                Default::default();
            for c in &m.cells {
                let e = by.entry(c.supplier).or_default();
                e.0.push(c.tiv);
                e.1 |= is_kind(rel, c.recipient, EntityKind::Aggregate);
                e.2 += usize::from(!is_kind(rel, c.recipient, EntityKind::Unknown));
            }
            let mut top: std::collections::HashMap<EntityId, (EntityId, f64)> = Default::default();
            for c in &m.cells {
                let e = top
                    .entry(c.supplier)
                    .or_insert((c.recipient, c.share_of_supplier));
                // As rankings order partners: by value, ties by name.
                let (k, best) = (rank_key(c.share_of_supplier), rank_key(e.1));
                let name = |id: EntityId| rel.entities.get(id).name.as_str();
                if k > best || (k == best && name(c.recipient) < name(e.0)) {
                    *e = (c.recipient, c.share_of_supplier);
                }
            }
            by.into_iter()
                .map(|(s, (v, agg, named))| {
                    let total = v.iter().fold(0.0, |a, b| a + b);
                    let c = if agg { None } else { engine::concentration(&v) };
                    (s, total, c, top.get(&s).copied(), named)
                })
                .collect()
        }
    };
    rows.retain(|r| {
        !is_kind(rel, r.0, EntityKind::Aggregate) && !is_kind(rel, r.0, EntityKind::Unknown)
    });
    rows.sort_by(|a, b| {
        let h = |x: &Option<engine::Concentration>| x.map_or(-1.0, |c| c.hhi);
        h(&b.2).total_cmp(&h(&a.2)).then(b.1.total_cmp(&a.1))
    });
    let (focus, side) = match dir {
        Direction::Imports => ("importer", "supplier"),
        Direction::Exports => ("exporter", "recipient"),
    };
    let top = format!("top {side}");
    let n = format!("{side}s");
    let mut t = Table::new(
        title(
            rel,
            format!(
                "Concentration of every {focus}'s arms {dir}, {}",
                describe(f)
            ),
        ),
        &[
            focus,
            "TIV",
            &n,
            "HHI",
            "effective n",
            &top,
            "CR1 %",
            "CR3 %",
        ],
    );
    for (id, total, c, top, k) in &rows {
        t.row(vec![
            Cell::text(name(rel, *id)),
            Cell::tiv(*total),
            Cell::Int(*k as i64),
            c.map_or(Cell::Empty, |c| Cell::num(c.hhi, 3)),
            c.map_or(Cell::Empty, |c| Cell::num(c.n_eff, 2)),
            top.map_or(Cell::Empty, |x| Cell::text(name(rel, x.0))),
            c.map_or(Cell::Empty, |c| Cell::pct(c.cr1)),
            c.map_or(Cell::Empty, |c| Cell::pct(c.cr3)),
        ]);
    }
    if rows.is_empty() {
        let nothing = format!("No deliveries in {}.", describe(f));
        t.note(super::imports::empty_note(rel, f, nothing));
    } else {
        // Said, as `top` says it (query probe 15: "HoR (Libya)*" listed as
        // an importer without a word).
        let kinds = super::imports::party_kinds(rel, rows.iter().map(|r| r.0));
        t.note(format!(
            "{} {focus}s{kinds}; world total {:.2} TIV. Unknown partners count as one partner; \
             unknown and aggregate entities get no row of their own.",
            rows.len(),
            m.total
        ));
    }
    provenance(&mut t, rel, f);
    t
}

fn is_kind(rel: &Release, id: EntityId, kind: EntityKind) -> bool {
    rel.entities.try_get(id).is_some_and(|e| e.kind == kind)
}
