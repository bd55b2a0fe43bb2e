//! `armsflow groups`: the alignment groups, and the share of a country's imports
//! (or exports) that involved their members, window by window. Also home of the
//! group arguments `event-study` shares.

use super::concentration::DirArg;
use super::imports::{BasisArg, describe, name, title};
use crate::common::{self, DataArgs, UserError};
use crate::output::{self, Cell, OutputArgs, Table};
use engine::groups::{Group, GroupSet, GroupShare, group_share_series, split_adhoc};
use engine::{Basis, Direction, Filter};
use model::{Category, Release, Window};
use std::path::PathBuf;

/// Where groups come from: the built-in table, user files, ad-hoc definitions.
#[derive(clap::Args, Debug, Clone, Default)]
pub struct GroupFileArgs {
    /// Membership file(s) in the groups.csv format (group,member,joined,left,note), or in the
    /// compiled blocs.csv layout (bloc,country,joined,left,source,certainty,note; countries by
    /// name); a group named like a built-in one replaces it
    #[arg(long = "groups", value_name = "FILE")]
    pub files: Vec<PathBuf>,
}

impl GroupFileArgs {
    /// The built-in table plus every `--groups FILE`.
    pub fn load(&self) -> anyhow::Result<GroupSet> {
        let builtin = GroupSet::builtin();
        let mut set = builtin.clone();
        // Which file defined each group, so a second definition is refused
        // (alignment probe 17: the later of two files silently won, and the
        // answer depended on the order of the arguments).
        let mut defined: Vec<(String, &PathBuf)> = Vec::new();
        for f in &self.files {
            let file = read_file(f)?;
            for g in &file.groups {
                let key = g.name.to_lowercase();
                if let Some((_, first)) = defined.iter().find(|(k, _)| *k == key) {
                    return Err(UserError(format!(
                        "group '{}' is defined in both {} and {}: put its members in one \
                         file, or give one of them another name",
                        g.name,
                        first.display(),
                        f.display()
                    ))
                    .into());
                }
            }
            defined.extend(file.groups.iter().map(|g| (g.name.to_lowercase(), f)));
            // Said in the answer, not only in --help (alignment probe 12: a
            // one-member `nato` silently stood in for the 32-member NATO).
            for g in &file.groups {
                if let Some(b) = builtin.get(&g.name) {
                    common::answer_note(format!(
                        "Group '{}' is the one in {} ({} member(s)), which replaces the \
                         built-in {}.",
                        g.name,
                        f.display(),
                        g.members().len(),
                        b.name
                    ));
                }
            }
            set.extend(file);
        }
        Ok(set)
    }
}

/// One membership file, in either layout (see [`crate::blocs`]); errors
/// name the file and line.
pub fn read_file(f: &std::path::Path) -> anyhow::Result<GroupSet> {
    let text = std::fs::read_to_string(f)
        .map_err(|e| UserError(format!("{}: cannot read: {e}", f.display())))?;
    let text = if crate::blocs::is_blocs(&text) {
        let builtin = GroupSet::builtin();
        crate::blocs::to_groups_csv(&text, &builtin.names(), member_key)
    } else {
        // SIPRI's unknown pool has a key too: it goes to `member_key`, which refuses it.
        let is_key = |k: &str| {
            sipri::names::Resolver::builtin()
                .by_key(k)
                .is_some_and(|e| {
                    !matches!(
                        e.kind,
                        model::EntityKind::Unknown | model::EntityKind::Aggregate
                    )
                })
        };
        crate::blocs::resolve_members(&text, is_key, member_key)
    }
    .map_err(|e| UserError(format!("{}:{e:#}", f.display())))?;
    let set = GroupSet::parse(&text)
        .map_err(|e| UserError(format!("{}:{}: {}", f.display(), e.line, e.reason)))?;
    if set.groups.is_empty() {
        return Err(UserError(format!(
            "{}: no group rows (a header and comments only): nothing to add",
            f.display()
        ))
        .into());
    }
    Ok(set)
}

/// A group by name, or an ad-hoc `Name=A,B,C` (members for all years; member
/// names go through the resolver, so `UAE`, `Türkiye` and `ISR` all work).
pub fn pick(set: &GroupSet, spec: &str) -> anyhow::Result<Group> {
    if spec.contains('=') {
        let (gname, names) = split_adhoc(spec).map_err(UserError)?;
        // Under a built-in or file group's name it would read as that group.
        if set.get(&gname).is_some() {
            return Err(UserError(format!(
                "'{gname}' is already a group: give yours a name of its own \
                 (--group \"My {gname}=...\")"
            ))
            .into());
        }
        let keys = names
            .iter()
            .map(|n| member_key(n))
            .collect::<anyhow::Result<Vec<String>>>()?;
        return Ok(Group::all_years(&gname, &keys));
    }
    set.get(spec).cloned().ok_or_else(|| {
        UserError(format!(
            "unknown group '{spec}'; known: {} (or define one: --group \"Name=ISR,TUR\")",
            set.names().join(", ")
        ))
        .into()
    })
}

/// A country name, alias or code → its entity key, whether or not the release
/// at hand has transfers for it.
pub fn member_key(query: &str) -> anyhow::Result<String> {
    match sipri::names::Resolver::builtin().lookup(query) {
        // SIPRI's unknown pool is no member (regression: an ad-hoc group
        // counted "unknown supplier(s)" as one).
        Ok(e)
            if matches!(
                e.kind,
                model::EntityKind::Unknown | model::EntityKind::Aggregate
            ) =>
        {
            Err(UserError(format!(
                "'{query}' is SIPRI's placeholder for deliveries whose other side is not known, \
                 not a country: it cannot be a group member"
            ))
            .into())
        }
        Ok(e) => Ok(e.key),
        Err(sugg) => {
            let hint = if sugg.is_empty() {
                String::new()
            } else {
                format!("; did you mean {}?", sugg.join(", "))
            };
            Err(UserError(format!("unknown country '{query}'{hint}")).into())
        }
    }
}

/// Display name of an entity key (the resolver's name, else the key).
pub fn key_name(key: &str) -> String {
    sipri::names::Resolver::builtin()
        .by_key(key)
        .map_or_else(|| key.to_string(), |e| e.name.clone())
}

#[derive(clap::Args)]
#[command(after_help = "Examples:\n  \
armsflow groups                                   (list the groups)\n  \
armsflow groups --group CSTO                      (members and dates)\n  \
armsflow groups Kazakhstan --group CSTO --group NATO\n  \
armsflow groups Russia --direction exports --group CSTO --period 2020-2024\n  \
armsflow groups Kazakhstan --group \"Partners=Israel,Turkiye,Spain,South Africa\"\n\n\
A member counts toward its group for delivery year Y iff it was a member on 1 July of Y \
(see docs/methodology.md). Ad-hoc groups (NAME=A,B,...) count their members in every year.")]
pub struct Args {
    /// Country whose imports (or exports) to split by group; omit to list groups
    pub country: Option<String>,
    /// Group name or ad-hoc NAME=A,B,... (repeatable) [default: every group]
    #[arg(long, short = 'g', value_name = "GROUP")]
    pub group: Vec<String>,
    /// Imports from members, or exports to members
    #[arg(long, short = 'd', value_enum, default_value_t = DirArg::Imports)]
    pub direction: DirArg,
    /// Comma-separated windows [default: consecutive five-year windows ending at the release's last year]
    #[arg(long, short = 'p', value_name = "YEARS,...", value_delimiter = ',', value_parser = parse_window)]
    pub period: Vec<Window>,
    /// Only one armament category
    #[arg(long, short = 'c', value_name = "CATEGORY", value_parser = parse_category)]
    pub category: Option<Category>,
    #[arg(long, value_enum, default_value_t = BasisArg::Delivery)]
    pub basis: BasisArg,
    #[command(flatten)]
    pub groups: GroupFileArgs,
    #[command(flatten)]
    pub data: DataArgs,
    #[command(flatten)]
    pub out: OutputArgs,
}

pub fn parse_window(s: &str) -> Result<Window, String> {
    Window::parse(s).map_err(|e| e.to_string())
}

fn parse_category(s: &str) -> Result<Category, String> {
    Category::parse_filter(s)
}

pub fn run(args: Args) -> anyhow::Result<()> {
    output::emit(&compute(&args)?, &args.out)
}

/// Runs the query; `run` renders it, the Python package hands it to pandas.
pub fn compute(args: &Args) -> anyhow::Result<Table> {
    // Opening the store starts a new question and clears pending notes, so
    // the release comes first and the group files' notes survive.
    let rel = match &args.country {
        Some(_) => Some(common::load_release(&args.data)?),
        None => None,
    };
    let set = args.groups.load()?;
    let chosen: Vec<Group> = if args.group.is_empty() {
        set.groups.clone()
    } else {
        args.group
            .iter()
            .map(|g| pick(&set, g))
            .collect::<anyhow::Result<_>>()?
    };
    if let Some(name) = engine::groups::repeated_name(&chosen) {
        return Err(UserError(format!(
            "two groups named '{name}': each group may be asked for once, and a group of \
             your own needs a name of its own (--group \"{name} subset=ESP,FRA\")"
        ))
        .into());
    }
    let (Some(country), Some(rel)) = (&args.country, rel) else {
        let t = if args.group.is_empty() {
            list_groups(&chosen)
        } else {
            list_members(&chosen)
        };
        return Ok(t);
    };
    let focus = common::resolve_country(&rel, country)?;
    let dir = match args.direction {
        DirArg::Imports => Direction::Imports,
        DirArg::Exports => Direction::Exports,
    };
    common::require_side(&rel, dir, Some(focus))?;
    common::require_register(&rel, "group shares")?;
    let windows = if args.period.is_empty() {
        engine::default_windows(&rel)
    } else {
        args.period.clone()
    };
    let Some(last) = windows.last().copied() else {
        return Err(UserError(format!(
            "release {} covers fewer than five years; pass --period",
            rel.meta.id
        ))
        .into());
    };
    let basis = match args.basis {
        BasisArg::Delivery => Basis::Delivery,
        BasisArg::Order => Basis::Order,
    };
    common::require_categories(&rel, args.category)?;
    common::require_basis(&rel, basis)?;
    let f = Filter::new(last)
        .with_category(args.category)
        .with_basis(basis);
    let mut series = Vec::new();
    for g in &chosen {
        let idx = g.index(&rel);
        series.push(group_share_series(&rel, focus, dir, &idx, &f, &windows));
    }
    // Ad-hoc groups (`NAME=A,B`) hold their members in every year: the
    // dated-membership rule is not theirs (figure probe: "Europe=…" printed
    // the 1 July rule, and was called an alignment group).
    let dated: Vec<bool> = chosen
        .iter()
        .map(|g| {
            g.spells
                .iter()
                .any(|s| s.joined.is_some() || s.left.is_some())
        })
        .collect();
    Ok(shares_table(&rel, dir, &f, &series, &dated))
}

fn list_groups(groups: &[Group]) -> Table {
    let mut t = Table::new(
        "Alignment groups",
        &[
            "group",
            "members",
            "spells",
            "earliest joining",
            "current members",
        ],
    );
    for g in groups {
        let earliest = g.spells.iter().filter_map(|s| s.joined).min();
        let current = g.spells.iter().filter(|s| s.left.is_none()).count();
        t.row(vec![
            Cell::text(&g.name),
            Cell::Int(g.members().len() as i64),
            Cell::Int(g.spells.len() as i64),
            earliest.map_or(Cell::Empty, |d| Cell::text(d.to_string())),
            Cell::Int(current as i64),
        ]);
    }
    t.note(
        "A member counts toward its group for delivery year Y iff it was a member on 1 July of Y.",
    );
    t.note("Built-in table: crates/engine/data/groups.csv (sources in its header); add or replace groups with --groups FILE.");
    t
}

fn list_members(groups: &[Group]) -> Table {
    let mut t = Table::new(
        "Alignment group membership",
        &[
            "group",
            "member",
            "key",
            "joined",
            "left",
            "counts for years",
            "note",
        ],
    );
    for g in groups {
        for s in &g.spells {
            let years = match s.years() {
                None => "none (no 1 July inside the spell)".to_string(),
                Some((0, u16::MAX)) => "all".to_string(),
                Some((a, u16::MAX)) => format!("{a}-"),
                // No joined date (user-files probe 34: shown as "0-1999").
                Some((0, b)) => format!("-{b}"),
                Some((a, b)) => format!("{a}-{b}"),
            };
            t.row(vec![
                Cell::text(&g.name),
                Cell::text(key_name(&s.member)),
                Cell::text(&s.member),
                s.joined
                    .map_or(Cell::text("always"), |d| Cell::text(d.to_string())),
                s.left.map_or(Cell::Empty, |d| Cell::text(d.to_string())),
                Cell::text(years),
                Cell::text(&s.note),
            ]);
        }
    }
    t.note(
        "A member counts toward its group for delivery year Y iff it was a member on 1 July of Y.",
    );
    t
}

fn shares_table(
    rel: &Release,
    dir: Direction,
    f: &Filter,
    series: &[Vec<GroupShare>],
    dated: &[bool],
) -> Table {
    let (noun, side, prep) = match dir {
        Direction::Imports => ("imports", "suppliers", "from"),
        Direction::Exports => ("exports", "recipients", "to"),
    };
    let focus = series
        .first()
        .and_then(|s| s.first())
        .map_or("?", |g| name(rel, g.focus));
    let count_col = format!("member {side}");
    let mut t = Table::new(
        title(
            rel,
            format!(
                "Share of {focus}'s arms {noun} {prep} {}",
                if dated.iter().any(|&d| d) {
                    "alignment groups"
                } else {
                    "groups"
                }
            ),
        ),
        &[
            "group",
            "window",
            "group TIV",
            "total TIV",
            "share %",
            &count_col,
            "top members",
            "estimated %",
        ],
    );
    for s in series.iter().flatten() {
        // Four in tables; every member in machine formats.
        let top: Vec<String> = s
            .members
            .iter()
            .map(|m| format!("{} {:.1}%", name(rel, m.entity), m.share * 100.0))
            .collect();
        // A window with no year in the release has no figures, not zeros
        // (regression: "CSTO 1990-1994 0.00 0.00 … no deliveries").
        if s.filter.no_data(rel) {
            let mut cells = vec![
                Cell::text(&s.group),
                Cell::text(s.filter.window.to_string()),
            ];
            cells.resize(t.columns.len(), Cell::Empty);
            t.row(cells);
            t.note(format!(
                "{} {}: no data ({}).",
                s.group,
                s.filter.window,
                rel.coverage(s.filter.window).note().unwrap_or_default()
            ));
            continue;
        }
        t.row(vec![
            Cell::text(&s.group),
            Cell::text(s.filter.window.to_string()),
            Cell::tiv(s.group_tiv),
            Cell::tiv(s.total),
            Cell::opt_pct(s.share),
            Cell::Int(s.members.len() as i64),
            Cell::list(top, 4),
            s.estimated_share
                .map_or(Cell::Empty, |e| common::estimated_cell(rel.meta.format, e)),
        ]);
        if let Some(a) = s.allocated_share.filter(|&a| a > 0.0) {
            t.note(format!(
                "{} {}: {:.1}% of the group TIV is a per-deal total spread evenly over the \
                 deal's delivery years (legacy register).",
                s.group,
                s.filter.window,
                a * 100.0
            ));
        }
        if s.outside_membership_tiv > 0.0 {
            t.note(format!(
                "{} {}: {:.2} TIV with countries that were not members of {} in the year of {} is not counted.",
                s.group,
                s.filter.window,
                s.outside_membership_tiv,
                s.group,
                match s.filter.basis {
                    Basis::Delivery => "delivery",
                    Basis::Order => "the order",
                }
            ));
        }
        if s.total == 0.0 {
            t.note(format!(
                "{} {}: no deliveries, share not defined.",
                s.group, s.filter.window
            ));
        } else if s.aggregate_tiv > 0.0 {
            t.note(format!(
                "{} {}: the source does not name the {side}; share not defined.",
                s.group, s.filter.window
            ));
        }
    }
    // By order year the flows of a year are the orders placed in it, and
    // membership is tested then (regression: the note said "by delivery
    // year" for an order-basis table).
    if dated.iter().any(|&d| d) {
        t.note(match f.basis {
            Basis::Delivery => {
                "Membership by delivery year: a member counts for year Y iff it was a member on 1 July of Y."
            }
            Basis::Order => {
                "Membership by order year: a member counts for orders placed in year Y iff it was a member on 1 July of Y (not in the years of delivery)."
            }
        });
    }
    t.note(common::estimated_column_note(rel.meta.format));
    if dated.iter().any(|&d| !d) {
        t.note(
            "Groups without dates (NAME=A,B,... on the command line, or members with neither \
             joined nor left in a file) count their members in every year.",
        );
    }
    series_notes(&mut t, rel, f);
    let mut windows: Vec<Window> = series.iter().flatten().map(|s| s.filter.window).collect();
    windows.sort_by_key(|w| (w.start, w.end));
    windows.dedup();
    super::imports::coverage_notes(&mut t, rel, &windows);
    t
}

/// Release and attribution notes for a table over several windows (the
/// windows are in the rows; `f` gives category and basis).
pub fn series_notes(t: &mut Table, rel: &Release, f: &Filter) {
    super::imports::legacy_warning(t, rel, f.basis);
    // Orders count only what has been delivered (metrics probe: Finland's
    // 2018-22 orders 5.1 % NATO without the undelivered F-35A order, 92 %
    // with it, unsaid in groups and event studies).
    if f.basis == Basis::Order
        && !t
            .notes
            .iter()
            .any(|n| n.starts_with("WARNING: by order year"))
        && let Some((_, last)) = rel.year_span()
    {
        t.notes.insert(
            0,
            format!(
                "WARNING: by order year, each order counts only its deliveries up to {last}: \
                 orders not yet delivered are missing, so recent windows undercount orders and \
                 their shares can be far from the orders' values."
            ),
        );
    }
    let d = describe(f);
    let what = d.strip_prefix(&f.window.to_string()).unwrap_or(&d).trim();
    t.note(format!(
        "Windows inclusive, {what}; release {}.",
        rel.meta.id
    ));
    t.note(
        "Values in millions of SIPRI trend-indicator values (TIV): a volume of transfers, not prices.",
    );
    t.note(rel.citation());
    t.release_meta(rel);
    t.set_meta("selection", what);
}
