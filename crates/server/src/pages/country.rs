//! The country page: who supplied a country's arms imports, window by window;
//! how concentrated that supply is; its largest deliveries with SIPRI's
//! estimate flags; its groups; and a scenario form.

use super::{Ctx, Page, render};
use crate::charts::{self, Line, Stack};
use crate::html::{table, url_enc};
use crate::params::resolve_entity;
use crate::query::*;
use crate::state::AppState;
use axum::extract::{Path, State};
use axum::response::Response;
use engine::{Direction, Filter, Partners};
use maud::{Markup, PreEscaped, html};
use model::{EntityId, Flags};
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
    crate::error::ApiError::needs_register(rel, "the country page")?;
    let focus = resolve_entity(rel, key)?;
    crate::error::ApiError::one_sided(rel, Direction::Imports, Some(focus))?;
    let ent = rel.entities.get(focus);
    let f = Filter::new(ctx.p.window(rel, "period")?);
    let cur = engine::partners(rel, focus, Direction::Imports, &f);
    let windows = engine::default_windows(rel);
    let series = engine::concentration_series(rel, focus, Direction::Imports, &windows, None);
    let years = super::annual::window(ctx, f.window)?;

    let body = html! {
        h1 { (ctx.name(focus)) " " span.sub { (ctx.t("country.sub")) } }
        (PreEscaped(super::layout::coverage_banner(ctx.lang, rel, f.window)))
        (summary(ctx, &cur))
        (PreEscaped(super::world::window_form(ctx, &f, false)))
        section aria-labelledby="mix-h" {
            h2 #mix-h { (ctx.t("country.mix_h")) }
            (stacked_chart(ctx, &series))
        }
        (super::annual::section(ctx, focus, f.window, years))
        (shares_section(ctx, &cur))
        (concentration_section(ctx, &series))
        (deliveries_section(ctx, focus, &f))
        (groups_section(ctx, focus, &ent.key, &f))
        (PreEscaped(super::scenario::section(ctx, &ent.key, &cur)))
    };
    Ok(Page {
        title: ctx.tf("country.title", &[("name", &ctx.name(focus))]),
        body: body.into_string(),
    })
}

fn summary(ctx: &Ctx, cur: &Partners) -> Markup {
    let rel = &ctx.rel;
    let name = ctx.name(cur.focus);
    let w = cur.filter.window;
    // The unknown pool is no supplier: it is not counted, nor "the largest".
    let n = cur.ranked();
    let named_top = cur.partners.iter().find(|p| p.rank.is_some());
    // Text around the figures comes from the catalogue; the figures and the
    // link stay markup, so a placeholder splits a message into its parts.
    let split = |msg: String, at: &str| -> (String, String) {
        match msg.split_once(at) {
            Some((a, b)) => (a.to_string(), b.to_string()),
            None => (msg, String::new()),
        }
    };
    html! {
        p.lede {
            @match cur.partners.first() {
                // No year of the window in the release: no data, not "no
                // deliveries" (regression: the banner said so, the lede not).
                None if cur.filter.no_data(rel) => { (ctx.tf("common.no_data_window", &[("window", &w)])) }
                None => { (ctx.tf("country.none", &[("name", &name), ("window", &w)])) }
                // Only SIPRI's unknown pool: no supplier to count and no
                // concentration (regression: "from 0 suppliers … HHI 1.00,
                // like 1.0 equal-sized suppliers" for Niger 2003-2005).
                Some(_) if n == 0 => {
                    @let (a, b) = split(
                        ctx.tf("country.imported.unknown_only", &[("window", &w), ("name", &name)]),
                        "{tiv}",
                    );
                    (a) strong { (ctx.tiv(cur.total)) } (b)
                }
                Some(_) => {
                    @let suppliers = if n == 1 {
                        ctx.t("country.imported.one")
                    } else {
                        ctx.t("country.imported.many")
                    };
                    @let (a, b) = split(
                        ctx.tf(
                            "country.imported",
                            &[("window", &w), ("name", &name), ("n", &n), ("suppliers", &suppliers)],
                        ),
                        "{tiv}",
                    );
                    (a) strong { (ctx.tiv(cur.total)) } (b) " "
                    @if let Some(top) = named_top {
                        @let (a, b) = split(ctx.t("country.largest").to_string(), "{supplier}");
                        @let (b, c) = split(b, "{share}");
                        (a)
                        a href=(ctx.supplier_href(&rel.entities.get(top.entity).key)) {
                            (ctx.name(top.entity))
                        }
                        (b) strong { (ctx.pct(top.share)) } (c)
                    }
                    // Said where the shares are, not only under the charts
                    // (dashboard probe 18: Libya "1 supplier … Turkiye
                    // 12.7 %, HHI 0.78" of a total 87 % unidentified).
                    @if cur.total > 0.0 && cur.unknown_tiv / cur.total >= 0.01 {
                        " " (ctx.tf("country.unknown_share", &[("share", &ctx.pct(cur.unknown_tiv / cur.total))]))
                    }
                    @if let Some(c) = &cur.concentration {
                        " " (ctx.tf("country.hhi", &[("hhi", &ctx.num(c.hhi, 2)), ("n_eff", &ctx.num(c.n_eff, 1))]))
                    }
                    @if let Some(ch) = cur.change {
                        " "
                        (ctx.tf(
                            if ch >= 0.0 { "country.volume_up" } else { "country.volume_down" },
                            &[("change", &crate::numfmt::percent(ch.abs(), 0, ctx.lang)), ("previous", &w.previous())],
                        ))
                        // A window partly outside the release: say the change is not like for like.
                        @match model::comparison_note_in(&rel.coverage(w), &rel.coverage(w.previous()), ctx.lang) {
                            Some(n) => { " " strong { "(" (n) ")" } "." }
                            None => { "." }
                        }
                    }
                    // Worded for the release's layout, as the world page and
                    // the CLI word it (dashboard probe 18: the legacy page
                    // said "not counted: … left empty" of a register that
                    // flags no delivery year or value at all).
                    @if cur.estimated_share > 0.0 {
                        @let key = if rel.meta.format.estimate_flags() == model::EstimateFlags::OrderAndNumbers {
                            "country.estimated.legacy"
                        } else {
                            "country.estimated"
                        };
                        " " (ctx.tf(key, &[("share", &ctx.pct(cur.estimated_share))]))
                    }
                    // The legacy register's per-deal totals split over years
                    // by armsflow (regression: the page did not say so; the
                    // API gave allocated_share 0.484).
                    @if cur.allocated_share > 0.0 {
                        " " (ctx.tf("country.allocated", &[("share", &ctx.pct(cur.allocated_share))]))
                    }
                }
            }
            " " a href=(ctx.supplier_href(&rel.entities.get(cur.focus).key)) { (ctx.t("country.as_supplier")) }
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

fn stacked_chart(ctx: &Ctx, series: &[Partners]) -> Markup {
    if series.is_empty() {
        return html! { p { (ctx.t("country.short_release")) } };
    }
    let top = top_suppliers(series);
    let columns: Vec<String> = series.iter().map(|p| p.filter.window.to_string()).collect();
    let mut stacks: Vec<Stack> = top
        .iter()
        .map(|id| Stack {
            name: ctx.name(*id).to_string(),
            shares: series
                .iter()
                .map(|p| p.get(*id).map_or(0.0, |s| s.share))
                .collect(),
            color: charts::color_of(&ctx.rel, *id),
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
            name: ctx.t("country.others").into(),
            shares: others,
            color: charts::OTHERS,
        });
    }
    let name = ctx.name(series[0].focus);
    // The chart builder escapes its own text (charts.rs).
    PreEscaped(charts::stacked_shares(
        "supplier-chart",
        &ctx.tf("country.mix_title", &[("name", &name)]),
        &columns,
        &stacks,
        ctx.lang,
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
                .map_or("–".to_string(), |x| ctx.pct(x.share));
            // A TIV table flags no estimates: "–", not a 0 that reads as exact.
            let est = if s.tiv > 0.0
                && rel.meta.format.estimate_flags() != model::EstimateFlags::Absent
            {
                ctx.pct(s.estimated_tiv / s.tiv)
            } else {
                "–".into()
            };
            vec![
                html! { (s.rank.map_or_else(|| "–".to_string(), |r| r.to_string())) },
                // SIPRI's unknown pool has no page of its own.
                html! {
                    @if super::pair::is_party(rel, s.entity) {
                        a href=(ctx.supplier_href(&e.key)) { (ctx.name(s.entity)) }
                    } @else { (ctx.name(s.entity)) }
                },
                html! { (ctx.tiv(s.tiv)) },
                html! { strong { (ctx.pct(s.share)) } },
                html! { (before) },
                html! { (est) },
                html! {
                    @if super::pair::is_party(rel, s.entity)
                    { a href=(super::pair::href(ctx, &e.key, &rel.entities.get(cur.focus).key, ctx.p.get("period"))) {
                        (ctx.tf("country.pair_link", &[("supplier", &ctx.name(s.entity)), ("recipient", &ctx.name(cur.focus))]))
                    } } @else { "–" }
                },
            ]
        })
        .collect();
    let w = cur.filter.window;
    html! {
        section aria-labelledby="shares-h" {
            h2 #shares-h { (ctx.tf("country.shares_h", &[("window", &w)])) }
            @if rows.is_empty() {
                p { (ctx.tf("country.no_deliveries_in", &[("window", &w)])) }
            } @else {
                (table(
                    &ctx.tf(
                        "country.shares_caption",
                        &[("name", &ctx.name(cur.focus)), ("window", &w), ("total", &ctx.tiv(cur.total))],
                    ),
                    &[
                        ctx.t("col.rank"),
                        ctx.t("col.supplier"),
                        ctx.t("col.tiv"),
                        ctx.t("col.share"),
                        &ctx.tf("country.col.share_in", &[("window", &w.previous())]),
                        ctx.t("country.col.estimated"),
                        ctx.t("country.h.pair"),
                    ],
                    &[true, false, true, true, true, true, false],
                    &rows,
                ))
                (crate::kit::table_tools(ctx, "shares-h", &ctx.tf("kit.table.shares", &[("window", &w)]), crate::kit::TableCsv::Api(format!("/api/imports?country={}&period={w}", url_enc(&rel.entities.get(cur.focus).key)))))
            }
            @if cur.unknown_tiv > 0.0 {
                p.note { (ctx.tf("country.unknown", &[("tiv", &ctx.tiv(cur.unknown_tiv))])) }
            }
        }
    }
}

fn concentration_section(ctx: &Ctx, series: &[Partners]) -> Markup {
    if series.is_empty() {
        return html! {
            section aria-labelledby="conc-h" {
                h2 #conc-h { (ctx.t("country.conc_h")) }
                p { (ctx.t("common.no_windows")) }
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
    let desc: Vec<String> = columns
        .iter()
        .zip(&hhi)
        .zip(&neff)
        .map(|((c, h), n)| match (h, n) {
            (Some(h), Some(n)) => ctx.tf(
                "country.conc_point",
                &[
                    ("window", c),
                    ("hhi", &ctx.num(*h, 2)),
                    ("n_eff", &ctx.num(*n, 1)),
                ],
            ),
            _ => format!("{c}: {}", ctx.t("chart.no_deliveries")),
        })
        .collect();
    let chart = charts::lines(
        "concentration-chart",
        ctx.t("conc.chart.title"),
        &desc.join("; "),
        &columns,
        &[
            // One axis: N_eff is 1/HHI, so it is in the table, not a second scale.
            Line {
                name: ctx.t("conc.chart.line").into(),
                color: charts::PALETTE[5],
                values: hhi,
                right_axis: false,
                fmt: |v, l| crate::numfmt::decimal(v, 3, l),
            },
        ],
        1.0,
        1.0,
        ctx.lang,
    );
    let rows: Vec<Vec<Markup>> = series
        .iter()
        .map(|p| {
            let c = p.concentration;
            let f = |v: Option<f64>, d: usize| v.map_or("–".to_string(), |x| ctx.num(x, d));
            [
                p.filter.window.to_string(),
                ctx.tiv(p.total),
                p.ranked().to_string(),
                f(c.map(|c| c.hhi), 3),
                f(c.map(|c| c.n_eff), 2),
                c.map_or("–".into(), |c| ctx.pct(c.cr1)),
                c.map_or("–".into(), |c| ctx.pct(c.cr3)),
            ]
            .into_iter()
            .map(|x| html! { (x) })
            .collect()
        })
        .collect();
    let t = table(
        ctx.t("country.conc_caption"),
        &[
            ctx.t("col.window"),
            ctx.t("col.tiv"),
            ctx.t("country.col.suppliers"),
            "HHI",
            ctx.t("country.col.effective"),
            "CR1",
            "CR3",
        ],
        &[false, true, true, true, true, true, true],
        &rows,
    );
    html! {
        section aria-labelledby="conc-h" {
            h2 #conc-h { (ctx.t("country.conc_h")) }
            // The chart builder escapes its own text (charts.rs).
            (PreEscaped(chart))
            (t)
        }
    }
}

/// Short markers for a flow's flags, with full names for screen readers.
pub fn flag_markers(ctx: &Ctx, flags: u16) -> Markup {
    let mut out = Vec::new();
    for (bit, short, long) in [
        (
            Flags::EST_YEAR,
            ctx.t("flag.est_year"),
            ctx.t("flag.est_year.long"),
        ),
        (
            Flags::EST_NUMBER,
            ctx.t("flag.est_number"),
            ctx.t("flag.est_number.long"),
        ),
        (
            Flags::EST_ORDER,
            ctx.t("flag.est_order"),
            ctx.t("flag.est_order.long"),
        ),
        (
            Flags::EST_UNKNOWN,
            ctx.t("flag.est_unknown"),
            ctx.t("flag.est_unknown.long"),
        ),
        (
            Flags::ALLOCATED,
            ctx.t("flag.allocated"),
            ctx.t("flag.allocated.long"),
        ),
        (
            Flags::SECOND_HAND,
            ctx.t("flag.second_hand"),
            ctx.t("flag.second_hand.long"),
        ),
        (
            Flags::LOCAL_PRODUCTION,
            ctx.t("flag.local_production"),
            ctx.t("flag.local_production.long"),
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
                h2 #deliv-h { (ctx.tf("country.deliv_h", &[("window", &f.window)])) }
                p { (ctx.t("common.no_deliveries_window")) }
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
                html! {
                    @if super::pair::is_party(rel, fl.supplier) {
                        a href=(ctx.supplier_href(&sup.key)) { (ctx.name(fl.supplier)) }
                    } @else { (ctx.name(fl.supplier)) }
                },
                html! {
                    @if let Some(d) = d {
                        (d.designation) " " span.muted { (d.description) }
                    }
                },
                html! { (ctx.category(fl.category)) },
                html! {
                    @if fl.units > 0 { (fl.units) } @else { "–" }
                },
                html! { (ctx.tiv(fl.tiv)) },
                flag_markers(ctx, fl.flags),
            ]
        })
        .collect();
    html! {
        section aria-labelledby="deliv-h" {
            h2 #deliv-h { (ctx.tf("country.deliv_h", &[("window", &f.window)])) }
            (table(
                &ctx.tf(
                    "country.deliv_caption",
                    &[("n", &rows.len()), ("name", &ctx.name(focus)), ("window", &f.window)],
                ),
                &[
                    ctx.t("col.year"),
                    ctx.t("col.supplier"),
                    ctx.t("country.col.designation"),
                    ctx.t("form.category"),
                    ctx.t("country.col.units"),
                    ctx.t("col.tiv"),
                    ctx.t("country.col.flags"),
                ],
                &[false, false, false, false, true, true, false],
                &rows,
            ))
            (crate::kit::table_tools(ctx, "deliv-h", &ctx.tf("kit.table.deliveries", &[("window", &f.window)]), crate::kit::TableCsv::Api(format!("/api/deliveries?country={}&period={}&limit={}", url_enc(&rel.entities.get(focus).key), f.window, rows.len()))))
            p {
                a href=(ctx.href("/deals", &[("recipient", &rel.entities.get(focus).key)])) {
                    (ctx.tf("country.deals_link", &[("name", &ctx.name(focus))]))
                }
            }
            p.note { (ctx.t("country.flags_note")) }
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
                html! { (gs.share.map_or("–".into(), |s| ctx.pct(s))) },
                html! { (ctx.tiv(gs.group_tiv)) },
                // What the group's TIV rests on, as every figure says
                // (alignment probe 27: group shares did not).
                html! { (gs.estimated_share.map_or("–".into(), |s| ctx.pct(s))) },
                html! {
                    @for (i, m) in gs.members.iter().take(3).enumerate() {
                        @if i > 0 { ", " }
                        (ctx.name(m.entity)) " " (ctx.pct(m.share))
                    }
                },
            ]
        })
        .collect();
    html! {
        section aria-labelledby="groups-h" {
            h2 #groups-h { (ctx.t("country.groups_h")) }
            @if member_of.is_empty() {
                p { (ctx.tf("country.groups_none", &[("year", &year)])) }
            } @else {
                p { (ctx.tf("country.groups_member", &[("year", &year)])) }
                ul.groups {
                    @for g in member_of {
                        li { (g) }
                    }
                }
            }
            (table(
                &ctx.tf("country.groups_caption", &[("window", &f.window)]),
                &[
                    ctx.t("country.col.group"),
                    ctx.t("country.col.import_share"),
                    ctx.t("col.tiv"),
                    ctx.t("country.col.group_estimated"),
                    ctx.t("country.col.members"),
                ],
                &[false, true, true, true, false],
                &rows,
            ))
            (crate::kit::table_tools(ctx, "groups-h", &ctx.tf("kit.table.groups", &[("window", &f.window)]), crate::kit::TableCsv::Api(format!("/api/groups?country={}&period={}", url_enc(key), f.window))))
        }
    }
}
