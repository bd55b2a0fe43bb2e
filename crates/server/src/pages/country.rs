//! The country page: who supplied a country's arms imports, window by window;
//! how concentrated that supply is; its largest deliveries with SIPRI's
//! estimate flags; its groups; and a scenario form.

use super::{Ctx, Page, render};
use crate::charts::{self, Line, Stack};
use crate::html::{table, url_enc};
use crate::params::resolve_entity;
use crate::present::{pct, tiv};
use crate::query::*;
use crate::state::AppState;
use axum::extract::{Path, State};
use axum::response::Response;
use engine::{Direction, Filter, Partners};
use maud::{Markup, PreEscaped, html};
use model::{EntityId, Flags, Release};
use std::collections::HashMap;
use std::sync::Arc;

/// Suppliers drawn individually in the stacked chart; the rest are "Others".
const STACKED: usize = 7;

pub async fn page(
    State(st): State<Arc<AppState>>,
    Path(key): Path<String>,
    Q(p, _): Q<CountryPage>,
) -> Response {
    let path = format!("/country/{}", url_enc(&key));
    render(st, p, path, move |ctx| build(ctx, &key)).await
}

pub(crate) fn build(ctx: &Ctx, key: &str) -> Result<Page, crate::ApiError> {
    let rel = &ctx.rel;
    let focus = resolve_entity(rel, key)?;
    let ent = rel.entities.get(focus);
    let f = Filter::new(ctx.p.window(rel, "period")?);
    let cur = engine::partners(rel, focus, Direction::Imports, &f);
    let windows = engine::default_windows(rel);
    let series = engine::concentration_series(rel, focus, Direction::Imports, &windows, None);

    let body = html! {
        h1 { (ent.name) " " span.sub { "arms imports" } }
        (PreEscaped(super::layout::coverage_banner(ctx.lang, rel, f.window)))
        (summary(ctx, &cur))
        (PreEscaped(super::world::window_form(ctx, &f, false)))
        section aria-labelledby="mix-h" {
            h2 #mix-h { "Suppliers by five-year window" }
            (stacked_chart(rel, &series))
        }
        (shares_section(ctx, &cur))
        (concentration_section(&series))
        (deliveries_section(ctx, focus, &f))
        (groups_section(ctx, focus, &ent.key, &f))
        (PreEscaped(super::scenario::section(ctx, &ent.key, &cur)))
    };
    Ok(Page {
        title: format!("{} arms imports", ent.name),
        body: body.into_string(),
    })
}

fn summary(ctx: &Ctx, cur: &Partners) -> Markup {
    let rel = &ctx.rel;
    let name = &rel.entities.get(cur.focus).name;
    let w = cur.filter.window;
    let n = cur.partners.len();
    html! {
        p.lede {
            @match cur.partners.first() {
                None => { "No deliveries to " (name) " are recorded in " (w) "." }
                Some(top) => {
                    "In " (w) ", " (name) " imported " strong { (tiv(cur.total)) } " TIV (millions) from "
                    (n) " supplier" @if n != 1 { "s" } ". The largest, "
                    a href=(ctx.supplier_href(&rel.entities.get(top.entity).key)) {
                        (rel.entities.get(top.entity).name)
                    }
                    ", supplied " strong { (pct(top.share)) } "."
                    @if let Some(c) = &cur.concentration {
                        (format!(
                            " Supplier concentration (HHI) is {:.2}, like {:.1} equal-sized suppliers.",
                            c.hhi, c.n_eff
                        ))
                    }
                    @if let Some(ch) = cur.change {
                        (format!(
                            " Volume {} {:.0}% against {}",
                            if ch >= 0.0 { "up" } else { "down" },
                            ch.abs() * 100.0,
                            w.previous()
                        ))
                        // A window partly outside the release: say the change is not like for like.
                        @match model::comparison_note(&rel.coverage(w), &rel.coverage(w.previous())) {
                            Some(n) => { " " strong { "(" (n) ")" } "." }
                            None => { "." }
                        }
                    }
                    @if cur.estimated_share > 0.0 {
                        " " (pct(cur.estimated_share)) " of the total rests on SIPRI estimates."
                    }
                }
            }
            " " a href=(ctx.supplier_href(&rel.entities.get(cur.focus).key)) { "As a supplier →" }
        }
    }
}

/// Supplier colours stable across windows: ranked by TIV over all windows.
pub(crate) fn top_suppliers(series: &[Partners]) -> Vec<EntityId> {
    let mut tot: HashMap<EntityId, f64> = HashMap::new();
    for p in series {
        for s in &p.partners {
            *tot.entry(s.entity).or_default() += s.share;
        }
    }
    let mut v: Vec<(EntityId, f64)> = tot.into_iter().collect();
    v.sort_by(|a, b| b.1.total_cmp(&a.1).then(a.0.cmp(&b.0)));
    v.into_iter().take(STACKED).map(|x| x.0).collect()
}

fn stacked_chart(rel: &Release, series: &[Partners]) -> Markup {
    if series.is_empty() {
        return html! { p { "This release covers fewer than five years, so there are no five-year windows to compare." } };
    }
    let top = top_suppliers(series);
    let columns: Vec<String> = series.iter().map(|p| p.filter.window.to_string()).collect();
    let mut stacks: Vec<Stack> = top
        .iter()
        .enumerate()
        .map(|(i, id)| Stack {
            name: rel.entities.get(*id).name.clone(),
            shares: series
                .iter()
                .map(|p| p.get(*id).map_or(0.0, |s| s.share))
                .collect(),
            color: charts::PALETTE[i % charts::PALETTE.len()],
        })
        .collect();
    let others: Vec<f64> = series
        .iter()
        .map(|p| {
            p.partners
                .iter()
                .filter(|s| !top.contains(&s.entity))
                .map(|s| s.share)
                .sum()
        })
        .collect();
    if others.iter().any(|v| *v > 0.0) {
        stacks.push(Stack {
            name: "Others".into(),
            shares: others,
            color: charts::OTHERS,
        });
    }
    let name = &rel.entities.get(series[0].focus).name;
    // The chart builder escapes its own text (charts.rs).
    PreEscaped(charts::stacked_shares(
        "supplier-chart",
        &format!("Supplier shares of {name}'s arms imports by five-year window"),
        &columns,
        &stacks,
    ))
}

fn shares_section(ctx: &Ctx, cur: &Partners) -> Markup {
    let rel = &ctx.rel;
    let prev = cur.previous.as_deref();
    let rows: Vec<Vec<Markup>> = cur
        .partners
        .iter()
        .map(|s| {
            let e = rel.entities.get(s.entity);
            let before = prev
                .and_then(|p| p.get(s.entity))
                .map_or("–".to_string(), |x| pct(x.share));
            let est = if s.tiv > 0.0 {
                pct(s.estimated_tiv / s.tiv)
            } else {
                "–".into()
            };
            vec![
                html! { (s.rank) },
                html! { a href=(ctx.supplier_href(&e.key)) { (e.name) } },
                html! { (tiv(s.tiv)) },
                html! { strong { (pct(s.share)) } },
                html! { (before) },
                html! { (est) },
            ]
        })
        .collect();
    let w = cur.filter.window;
    html! {
        section aria-labelledby="shares-h" {
            h2 #shares-h { "Supplier shares, " (w) }
            @if rows.is_empty() {
                p { "No deliveries in " (w) "." }
            } @else {
                (table(
                    &format!(
                        "Suppliers of {} in {w}: total {} TIV (millions)",
                        rel.entities.get(cur.focus).name,
                        tiv(cur.total)
                    ),
                    &[
                        "Rank",
                        "Supplier",
                        "TIV (m)",
                        "Share",
                        &format!("Share {}", w.previous()),
                        "Estimated",
                    ],
                    &[true, false, true, true, true, true],
                    &rows,
                ))
                (crate::kit::table_tools(ctx, "shares-h", &ctx.tf("kit.table.shares", &[("window", &w)]), crate::kit::TableCsv::Api(format!("/api/imports?country={}&period={w}", url_enc(&rel.entities.get(cur.focus).key)))))
            }
            @if cur.unknown_tiv > 0.0 {
                p.note { (tiv(cur.unknown_tiv)) " TIV from unknown suppliers is included in the total." }
            }
        }
    }
}

fn concentration_section(series: &[Partners]) -> Markup {
    if series.is_empty() {
        return html! {
            section aria-labelledby="conc-h" {
                h2 #conc-h { "Concentration of supply" }
                p { "No five-year windows in this release." }
            }
        };
    }
    let columns: Vec<String> = series.iter().map(|p| p.filter.window.to_string()).collect();
    let hhi: Vec<Option<f64>> = series
        .iter()
        .map(|p| p.concentration.map(|c| c.hhi))
        .collect();
    let neff: Vec<Option<f64>> = series
        .iter()
        .map(|p| p.concentration.map(|c| c.n_eff))
        .collect();
    let max_n = neff
        .iter()
        .flatten()
        .fold(1.0f64, |a, b| a.max(*b))
        .ceil()
        .max(2.0);
    let desc: Vec<String> = columns
        .iter()
        .zip(&hhi)
        .zip(&neff)
        .map(|((c, h), n)| match (h, n) {
            (Some(h), Some(n)) => format!("{c}: HHI {h:.2}, effective number {n:.1}"),
            _ => format!("{c}: no deliveries"),
        })
        .collect();
    let chart = charts::lines(
        "concentration-chart",
        "Herfindahl-Hirschman index (left axis) and effective number of suppliers (right axis)",
        &desc.join("; "),
        &columns,
        &[
            Line {
                name: "HHI (0–1, left)".into(),
                color: charts::PALETTE[5],
                values: hhi,
                right_axis: false,
                fmt: |v| format!("{v:.3}"),
            },
            Line {
                name: "Effective number of suppliers (right)".into(),
                color: charts::PALETTE[0],
                values: neff,
                right_axis: true,
                fmt: |v| format!("{v:.2}"),
            },
        ],
        1.0,
        max_n,
    );
    let rows: Vec<Vec<Markup>> = series
        .iter()
        .map(|p| {
            let c = p.concentration;
            let f = |v: Option<f64>, d: usize| v.map_or("–".to_string(), |x| format!("{x:.d$}"));
            [
                p.filter.window.to_string(),
                tiv(p.total),
                p.partners.len().to_string(),
                f(c.map(|c| c.hhi), 3),
                f(c.map(|c| c.n_eff), 2),
                c.map_or("–".into(), |c| pct(c.cr1)),
                c.map_or("–".into(), |c| pct(c.cr3)),
            ]
            .into_iter()
            .map(|x| html! { (x) })
            .collect()
        })
        .collect();
    let t = table(
        "Concentration by window",
        &[
            "Window",
            "TIV (m)",
            "Suppliers",
            "HHI",
            "Effective number",
            "CR1",
            "CR3",
        ],
        &[false, true, true, true, true, true, true],
        &rows,
    );
    html! {
        section aria-labelledby="conc-h" {
            h2 #conc-h { "Concentration of supply" }
            // The chart builder escapes its own text (charts.rs).
            (PreEscaped(chart))
            (t)
        }
    }
}

/// Short markers for a flow's flags, with full names for screen readers.
pub fn flag_markers(flags: u16) -> Markup {
    let mut out = Vec::new();
    for (bit, short, long) in [
        (
            Flags::EST_YEAR,
            "est. year",
            "delivery year estimated by SIPRI",
        ),
        (
            Flags::EST_NUMBER,
            "est. number",
            "number delivered estimated by SIPRI",
        ),
        (
            Flags::EST_ORDER,
            "est. order",
            "order year estimated by SIPRI",
        ),
        (
            Flags::EST_UNKNOWN,
            "est.?",
            "SIPRI left an estimate flag empty",
        ),
        (
            Flags::ALLOCATED,
            "allocated",
            "value allocated by armsflow from a per-deal total",
        ),
        (Flags::SECOND_HAND, "second-hand", "second-hand equipment"),
        (
            Flags::LOCAL_PRODUCTION,
            "local prod.",
            "licensed production in the recipient country",
        ),
    ] {
        if flags & bit != 0 {
            out.push((short, long));
        }
    }
    html! {
        @for (i, (short, long)) in out.iter().enumerate() {
            @if i > 0 { " " }
            abbr.flag title=(long) { (short) }
        }
    }
}

fn deliveries_section(ctx: &Ctx, focus: EntityId, f: &Filter) -> Markup {
    let rel = &ctx.rel;
    let idx = crate::api::core::largest_deliveries(rel, focus, Direction::Imports, f, 15);
    if idx.is_empty() {
        return html! {
            section aria-labelledby="deliv-h" {
                h2 #deliv-h { "Largest deliveries, " (f.window) }
                p { "No deliveries in this window." }
            }
        };
    }
    let rows: Vec<Vec<Markup>> = idx
        .iter()
        .map(|&i| {
            let fl = rel.flows.get(i);
            let d = rel.deal(i);
            let sup = rel.entities.get(fl.supplier);
            vec![
                html! { (fl.year) },
                html! { a href=(ctx.supplier_href(&sup.key)) { (sup.name) } },
                html! {
                    @if let Some(d) = d {
                        (d.designation) " " span.muted { (d.description) }
                    }
                },
                html! { (fl.category.sipri_name()) },
                html! {
                    @if fl.units > 0 { (fl.units) } @else { "–" }
                },
                html! { (tiv(fl.tiv)) },
                flag_markers(fl.flags),
            ]
        })
        .collect();
    html! {
        section aria-labelledby="deliv-h" {
            h2 #deliv-h { "Largest deliveries, " (f.window) }
            (table(
                &format!(
                    "The {} largest deliveries to {} in {} by TIV",
                    rows.len(),
                    rel.entities.get(focus).name,
                    f.window
                ),
                &["Year", "Supplier", "Designation", "Category", "Units", "TIV (m)", "Flags"],
                &[false, false, false, false, true, true, false],
                &rows,
            ))
            (crate::kit::table_tools(ctx, "deliv-h", &ctx.tf("kit.table.deliveries", &[("window", &f.window)]), crate::kit::TableCsv::Api(format!("/api/deliveries?country={}&period={}&limit={}", url_enc(&rel.entities.get(focus).key), f.window, rows.len()))))
            p.note {
                "est. = SIPRI marks the value as an estimate; est.? = SIPRI left the estimate flag empty; \
    allocated = armsflow split a per-deal total over delivery years."
            }
        }
    }
}

fn groups_section(ctx: &Ctx, focus: EntityId, key: &str, f: &Filter) -> Markup {
    let rel = &ctx.rel;
    let set = engine::groups::GroupSet::builtin();
    let year = f.window.end;
    let member_of = set.groups_of(key, year);
    let rows: Vec<Vec<Markup>> = set
        .groups
        .iter()
        .map(|g| {
            let gs = engine::groups::group_share(rel, focus, Direction::Imports, &g.index(rel), f);
            vec![
                html! { (g.name) },
                html! { (gs.share.map_or("–".into(), pct)) },
                html! { (tiv(gs.group_tiv)) },
                html! {
                    @for (i, m) in gs.members.iter().take(3).enumerate() {
                        @if i > 0 { ", " }
                        (rel.entities.get(m.entity).name) " " (pct(m.share))
                    }
                },
            ]
        })
        .collect();
    html! {
        section aria-labelledby="groups-h" {
            h2 #groups-h { "Alignment groups" }
            @if member_of.is_empty() {
                p { "Not a member of any built-in group in " (year) "." }
            } @else {
                p { "Member in " (year) " (on 1 July) of:" }
                ul.groups {
                    @for g in member_of {
                        li { (g) }
                    }
                }
            }
            (table(
                &format!(
                    "Share of imports in {} from each group's members (membership by year of delivery)",
                    f.window
                ),
                &["Group", "Share of imports", "TIV (m)", "Largest members"],
                &[false, true, true, false],
                &rows,
            ))
            (crate::kit::table_tools(ctx, "groups-h", &ctx.tf("kit.table.groups", &[("window", &f.window)]), crate::kit::TableCsv::Api(format!("/api/groups?country={}&period={}", url_enc(key), f.window))))
        }
    }
}
