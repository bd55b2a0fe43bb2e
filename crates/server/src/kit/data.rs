//! The CSV behind each chart: the rows and series the chart draws, at full
//! precision (f64's shortest exact form; the page rounds, the file does not),
//! every row naming its window, category and release, and its source — so a
//! file separated from its download still says where it comes from, and a
//! synthetic one says SYNTHETIC.

use super::Target;
use crate::error::ApiResult;
use crate::pages::Ctx;
use engine::{Direction, Filter};

/// A table: header row, then rows.
pub struct Table {
    pub header: Vec<&'static str>,
    pub rows: Vec<Vec<String>>,
}

/// The charts that have a CSV: (page kind, chart id).
const WITH_CSV: &[(&str, &str)] = &[
    ("country", "supplier-chart"),
    ("country", "concentration-chart"),
    ("country", "annual-chart"),
    ("supplier", "customers-chart"),
    ("supplier", "customers-over-time"),
    ("world", "exporters-chart"),
    ("world", "importers-chart"),
    ("pair", "pair-chart"),
];

/// Charts drawn over every five-year window of the release, whatever the
/// page's window.
const ALL_WINDOWS: &[(&str, &str)] = &[
    ("country", "supplier-chart"),
    ("country", "concentration-chart"),
];

pub fn over_all_windows(target: &Target, chart: &str) -> bool {
    ALL_WINDOWS.contains(&(kind(target), chart))
}

fn kind(t: &Target) -> &'static str {
    match t {
        Target::Country(_) => "country",
        Target::Supplier(_) => "supplier",
        Target::World => "world",
        Target::Pair(..) => "pair",
    }
}

pub fn has_csv(target: &Target, chart: &str) -> bool {
    WITH_CSV.contains(&(kind(target), chart))
}

/// Shares as percentages to 1e-6 points: past the figures' own precision,
/// without float noise (88.428703, not 88.42870300000001).
fn pct(share: f64) -> String {
    fixed(share * 100.0, 6)
}

/// TIV and indices to 1e-6 (SIPRI's TIV has two decimals).
fn num(v: f64) -> String {
    fixed(v, 6)
}

/// A year's TIV, or an empty cell for a delivery year outside the release:
/// no data is not 0 TIV (regression: the annual and pair CSVs gave 0 for
/// 2025-2027 from a release ending in 2024).
fn year_num(rel: &model::Release, f: &Filter, year: u16, tiv: f64) -> String {
    if f.no_data_in(rel, year) {
        String::new()
    } else {
        num(tiv)
    }
}

/// `v` with at most `d` decimals, trailing zeros dropped; empty if not finite.
pub fn fixed(v: f64, d: usize) -> String {
    if !v.is_finite() {
        return String::new();
    }
    let s = format!("{v:.d$}");
    let s = if s.contains('.') {
        s.trim_end_matches('0').trim_end_matches('.').to_string()
    } else {
        s
    };
    if s == "-0" { "0".to_string() } else { s }
}

/// The `source` column: SIPRI's attribution, or the SYNTHETIC notice.
fn source(ctx: &Ctx) -> String {
    ctx.rel.attribution().to_string()
}

/// The table behind chart `chart` of `target`, or `None` when the chart has
/// no CSV.
pub fn table(ctx: &Ctx, target: &Target, chart: &str) -> ApiResult<Option<Table>> {
    let rel = &ctx.rel;
    let release = rel.meta.id.clone();
    let src = source(ctx);
    let name = |id: model::EntityId| rel.entities.get(id).name.clone();
    let key = |id: model::EntityId| rel.entities.get(id).key.clone();
    let t = match (target, chart) {
        (Target::Country(k), "supplier-chart") => {
            let focus = crate::params::resolve_entity(rel, k)?;
            let windows = engine::default_windows(rel);
            let series =
                engine::concentration_series(rel, focus, Direction::Imports, &windows, None);
            let top = crate::pages::country::top_suppliers(&series);
            let mut rows = Vec::new();
            for p in &series {
                let w = p.filter.window.to_string();
                let row = |sup: String, key: String, tiv: f64, share: f64| {
                    vec![w.clone(), "all".into(), sup, key, num(tiv), pct(share)]
                };
                for id in &top {
                    let (tiv, share) = p.get(*id).map_or((0.0, 0.0), |s| (s.tiv, s.share));
                    rows.push(row(name(*id), key(*id), tiv, share));
                }
                let others: Vec<_> = p
                    .partners
                    .iter()
                    .filter(|s| !top.contains(&s.entity))
                    .collect();
                if !others.is_empty() {
                    let tiv = others.iter().map(|s| s.tiv).sum();
                    let share = others.iter().map(|s| s.share).sum();
                    rows.push(row("Others".into(), String::new(), tiv, share));
                }
            }
            Table {
                header: vec![
                    "window",
                    "category",
                    "supplier",
                    "supplier_key",
                    "tiv_millions",
                    "share_percent",
                ],
                rows,
            }
        }
        (Target::Country(k), "concentration-chart") => {
            let focus = crate::params::resolve_entity(rel, k)?;
            let windows = engine::default_windows(rel);
            let series =
                engine::concentration_series(rel, focus, Direction::Imports, &windows, None);
            let rows = series
                .iter()
                .map(|p| {
                    let c = p.concentration;
                    vec![
                        p.filter.window.to_string(),
                        "all".into(),
                        num(p.total),
                        p.ranked().to_string(),
                        c.map_or(String::new(), |c| num(c.hhi)),
                        c.map_or(String::new(), |c| num(c.n_eff)),
                        c.map_or(String::new(), |c| pct(c.cr1)),
                        c.map_or(String::new(), |c| pct(c.cr3)),
                    ]
                })
                .collect();
            Table {
                header: vec![
                    "window",
                    "category",
                    "tiv_millions",
                    "suppliers",
                    "hhi",
                    "effective_number",
                    "cr1_percent",
                    "cr3_percent",
                ],
                rows,
            }
        }
        (Target::Country(k), "annual-chart") => {
            let focus = crate::params::resolve_entity(rel, k)?;
            let period = ctx.p.window(rel, "period")?;
            let w = crate::pages::annual::window(ctx, period)?;
            let f = Filter::new(w);
            let a = engine::series::annual(rel, focus, Direction::Imports, &f);
            let drawn = crate::pages::annual::DRAWN.min(a.partners.len());
            let mut rows = Vec::new();
            for (c, y) in a.years.iter().enumerate() {
                let row = |sup: String, key: String, tiv: f64| {
                    vec![
                        y.to_string(),
                        "all".into(),
                        sup,
                        key,
                        year_num(rel, &f, *y, tiv),
                    ]
                };
                // The chart's stacks: the largest suppliers, then the rest as one.
                for p in &a.partners[..drawn] {
                    rows.push(row(name(p.entity), key(p.entity), p.tiv[c]));
                }
                if a.partners.len() > drawn {
                    let rest = a.partners[drawn..].iter().map(|p| p.tiv[c]).sum();
                    rows.push(row("Others".into(), String::new(), rest));
                }
            }
            Table {
                header: vec![
                    "year",
                    "category",
                    "supplier",
                    "supplier_key",
                    "tiv_millions",
                ],
                rows,
            }
        }
        (Target::Supplier(k), "customers-chart") => {
            let focus = crate::params::resolve_entity(rel, k)?;
            let f = Filter::new(ctx.p.window(rel, "period")?);
            let cur = engine::partners(rel, focus, Direction::Exports, &f);
            let w = f.window.to_string();
            let rows = cur
                .partners
                .iter()
                .take(crate::pages::supplier::BARS)
                .map(|s| {
                    vec![
                        w.clone(),
                        "all".into(),
                        s.rank.map_or(String::new(), |r| r.to_string()),
                        name(s.entity),
                        key(s.entity),
                        num(s.tiv),
                        pct(s.share),
                    ]
                })
                .collect();
            Table {
                header: vec![
                    "window",
                    "category",
                    "rank",
                    "recipient",
                    "recipient_key",
                    "tiv_millions",
                    "share_percent",
                ],
                rows,
            }
        }
        (Target::Supplier(k), "customers-over-time") => {
            let focus = crate::params::resolve_entity(rel, k)?;
            let f = Filter::new(ctx.p.window(rel, "period")?);
            let cur = engine::partners(rel, focus, Direction::Exports, &f);
            let windows = engine::default_windows(rel);
            let series =
                engine::concentration_series(rel, focus, Direction::Exports, &windows, None);
            let mut rows = Vec::new();
            for id in crate::pages::supplier::over_time_rows(&cur, &series) {
                for p in &series {
                    let (rank, tiv, share) = p.get(id).map_or((String::new(), 0.0, 0.0), |s| {
                        (
                            s.rank.map_or(String::new(), |r| r.to_string()),
                            s.tiv,
                            s.share,
                        )
                    });
                    rows.push(vec![
                        p.filter.window.to_string(),
                        "all".into(),
                        name(id),
                        key(id),
                        rank,
                        num(tiv),
                        pct(share),
                    ]);
                }
            }
            Table {
                header: vec![
                    "window",
                    "category",
                    "recipient",
                    "recipient_key",
                    "rank",
                    "tiv_millions",
                    "share_percent",
                ],
                rows,
            }
        }
        (Target::World, "exporters-chart" | "importers-chart") => {
            let dir = if chart == "exporters-chart" {
                Direction::Exports
            } else {
                Direction::Imports
            };
            let f =
                Filter::new(ctx.p.window(rel, "period")?).with_category(ctx.p.category_in(rel)?);
            let r = engine::ranking(rel, dir, &f);
            let w = f.window.to_string();
            let cat = f
                .category
                .map_or("all".to_string(), |c| c.sipri_name().to_string());
            let rows = r
                .rows
                .iter()
                .take(crate::pages::world::SHOWN)
                .map(|x| {
                    vec![
                        w.clone(),
                        cat.clone(),
                        x.rank.to_string(),
                        name(x.entity),
                        key(x.entity),
                        num(x.tiv),
                        pct(x.share),
                    ]
                })
                .collect();
            Table {
                header: vec![
                    "window",
                    "category",
                    "rank",
                    "country",
                    "country_key",
                    "tiv_millions",
                    "world_share_percent",
                ],
                rows,
            }
        }
        (Target::Pair(sk, rk), "pair-chart") => {
            let (s, r) = crate::pages::pair::parties(rel, sk, rk)?;
            if !crate::pages::pair::has_pairs(rel) {
                // The page draws no chart from a TIV table: neither does the file.
                return Ok(None);
            }
            let f = Filter::new(ctx.p.window(rel, "period")?);
            let pr = engine::pair(rel, s, r, &f);
            let w = f.window.to_string();
            let rows = pr
                .by_year
                .iter()
                .map(|(y, tiv)| {
                    vec![
                        w.clone(),
                        "all".into(),
                        y.to_string(),
                        name(s),
                        key(s),
                        name(r),
                        key(r),
                        year_num(rel, &f, *y, *tiv),
                    ]
                })
                .collect();
            Table {
                header: vec![
                    "window",
                    "category",
                    "year",
                    "supplier",
                    "supplier_key",
                    "recipient",
                    "recipient_key",
                    "tiv_millions",
                ],
                rows,
            }
        }
        _ => return Ok(None),
    };
    // Every row names its release and source, so a file cut loose from its
    // download still says where it comes from.
    let mut t = t;
    t.header.push("release");
    for r in &mut t.rows {
        r.push(release.clone());
    }
    with_warnings(rel, &mut t);
    t.header.push("source");
    for r in &mut t.rows {
        r.push(src.clone());
    }
    Ok(Some(t))
}

/// The `allocation_warning` and `caveats` columns the API's CSVs carry
/// ([`crate::csvout::reply`]), for a release that has them: a legacy chart's
/// file said only "Source: SIPRI", so its per-year values (armsflow's even
/// split of deal totals) read as SIPRI's (figure probe).
pub fn with_warnings(rel: &model::Release, t: &mut Table) {
    let caveats = rel.meta.caveats.join(" | ");
    let cols = [
        (
            "allocation_warning",
            rel.meta.format.allocation_warning().map(str::to_string),
        ),
        ("caveats", (!caveats.is_empty()).then_some(caveats)),
    ];
    for (name, value) in cols {
        if let Some(v) = value {
            t.header.push(name);
            for r in &mut t.rows {
                r.push(v.clone());
            }
        }
    }
}

/// RFC 4180 text of `t`, header row first.
pub fn to_csv(t: &Table) -> ApiResult<Vec<u8>> {
    let mut w = csv::Writer::from_writer(Vec::new());
    let fail = |e: csv::Error| crate::ApiError::internal(format!("csv: {e}"));
    w.write_record(&t.header).map_err(fail)?;
    for r in &t.rows {
        w.write_record(r).map_err(fail)?;
    }
    w.into_inner()
        .map_err(|e| crate::ApiError::internal(format!("csv: {e}")))
}

#[cfg(test)]
mod tests {
    #[test]
    fn fixed_trims() {
        use super::fixed;
        assert_eq!(fixed(0.6699999999999999, 6), "0.67");
        assert_eq!(fixed(88.42870300000001, 6), "88.428703");
        assert_eq!(fixed(195.0, 6), "195");
        assert_eq!(fixed(-0.0000001, 6), "0");
        assert_eq!(fixed(f64::NAN, 6), "");
    }
}
