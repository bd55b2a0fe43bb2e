//! The supplier page: a country's customers, with their shares of its exports
//! and their ranks, window by window, and its place among the world's exporters.

use super::{Ctx, Page, render};
use crate::charts::{self, Bar};
use crate::html::{table, url_enc};
use crate::params::resolve_entity;
use crate::query::*;
use crate::state::AppState;
use axum::extract::{Path, State};
use axum::response::Response;
use engine::{Direction, Filter};
use maud::{Markup, PreEscaped, html};
use model::EntityId;
use std::sync::Arc;

/// Customers listed in the over-time table.
const ROWS: usize = 20;

/// Customers drawn in the bar chart (and in its CSV).
pub(crate) const BARS: usize = 15;

pub async fn page(
    State(st): State<Arc<AppState>>,
    Path(key): Path<String>,
    Q(p, _): Q<SupplierPage>,
) -> Response {
    let path = format!("/supplier/{}", url_enc(&key));
    render(st, p, path, move |ctx| build(ctx, &key)).await
}

/// Customers in the over-time table: the current window's largest first,
/// then any customer that was in the top of an earlier window.
pub(crate) fn over_time_rows(cur: &engine::Partners, series: &[engine::Partners]) -> Vec<EntityId> {
    let mut ids: Vec<EntityId> = cur.partners.iter().take(ROWS).map(|s| s.entity).collect();
    for p in series {
        for s in p.partners.iter().take(5) {
            if !ids.contains(&s.entity) && ids.len() < ROWS + 10 {
                ids.push(s.entity);
            }
        }
    }
    ids
}

pub(crate) fn build(ctx: &Ctx, key: &str) -> Result<Page, crate::ApiError> {
    let rel = &ctx.rel;
    // The page ranks the supplier among the world's exporters.
    crate::error::ApiError::needs_whole(rel, "the supplier page")?;
    let focus = resolve_entity(rel, key)?;
    // Not SIPRI's unknown pool: its "exports" are many suppliers'.
    crate::error::ApiError::one_sided(rel, Direction::Exports, Some(focus))?;
    let ent = rel.entities.get(focus);
    let f = Filter::new(ctx.p.window(rel, "period")?);
    let cur = engine::partners(rel, focus, Direction::Exports, &f);
    let world = engine::ranking(rel, Direction::Exports, &f);
    let windows = engine::default_windows(rel);
    let series = engine::concentration_series(rel, focus, Direction::Exports, &windows, None);
    let name = ctx.name(focus);

    let bars: Vec<Bar> = cur
        .partners
        .iter()
        .take(BARS)
        .map(|s| {
            let e = rel.entities.get(s.entity);
            Bar {
                label: ctx.name(s.entity).to_string(),
                value: s.tiv,
                shown: ctx.pct(s.share),
                href: super::pair::is_party(rel, s.entity).then(|| ctx.country_href(&e.key)),
            }
        })
        .collect();

    let ids = over_time_rows(&cur, &series);
    let mut headers: Vec<String> = vec![ctx.t("supplier.col.customer").into()];
    headers.extend(series.iter().map(|p| p.filter.window.to_string()));
    headers.push(ctx.t("country.h.pair").to_string());
    let rows: Vec<Vec<Markup>> = ids
        .iter()
        .map(|id| {
            let e = rel.entities.get(*id);
            let mut row = vec![html! {
                @if super::pair::is_party(rel, *id) {
                    a href=(ctx.country_href(&e.key)) { (ctx.name(*id)) }
                } @else { (ctx.name(*id)) }
            }];
            for p in &series {
                row.push(match p.get(*id) {
                    Some(s) => {
                        html! { (ctx.pct(s.share)) @if let Some(r) = s.rank { " " span.rank { "#" (r) } } }
                    }
                    None => html! { "–" },
                });
            }
            row.push(html! {
                @if super::pair::is_party(rel, *id) {
                    a href=(super::pair::href(ctx, &ent.key, &e.key, ctx.p.get("period"))) {
                        (ctx.tf("country.pair_link", &[("supplier", &ctx.name(focus)), ("recipient", &ctx.name(*id))]))
                    }
                } @else { "–" }
            });
            row
        })
        .collect();
    let hdr: Vec<&str> = headers.iter().map(String::as_str).collect();
    let numeric: Vec<bool> = (0..hdr.len()).map(|i| i > 0 && i + 1 < hdr.len()).collect();
    let totals: Vec<String> = series
        .iter()
        .map(|p| format!("{}: {} TIV", p.filter.window, ctx.tiv(p.total)))
        .collect();

    let body = html! {
        h1 { (name) " " span.sub { (ctx.t("supplier.sub")) } }
        (PreEscaped(super::layout::coverage_banner(ctx.lang, rel, f.window)))
        p.lede {
            @match world.rank_of(focus) {
                Some(r) => {
                    // The rank is set in bold where the message says {rank}.
                    @let msg = ctx.tf(
                        "supplier.lede",
                        &[
                            ("window", &f.window),
                            ("name", &name),
                            ("share", &ctx.pct(r.share)),
                            ("tiv", &ctx.tiv(r.tiv)),
                            ("n", &cur.ranked()),
                            ("states", &states_note(ctx, &cur)),
                        ],
                    );
                    @let (a, b) = msg.split_once("{rank}").unwrap_or((msg.as_str(), ""));
                    (a) strong { (ctx.tf("supplier.rank", &[("rank", &r.rank)])) } (b)
                }
                None if f.no_data(rel) => { (ctx.tf("common.no_data_window", &[("window", &f.window)])) }
                None => { (ctx.tf("supplier.none", &[("name", &name), ("window", &f.window)])) }
            }
            " "
            a href=(ctx.country_href(&ent.key)) { (ctx.t("supplier.its_imports")) }
        }
        (PreEscaped(super::world::window_form(ctx, &f, false)))
        section aria-labelledby="cust-h" {
            h2 #cust-h { (ctx.tf("supplier.cust_h", &[("window", &f.window)])) }
            (PreEscaped(charts::ranked_bars(
                "customers-chart",
                &ctx.tf("supplier.chart_title", &[("name", &name), ("window", &f.window)]),
                &bars,
                charts::color_of(rel, focus),
                ctx.lang,
            )))
            p {
                a href=(ctx.href("/deals", &[("supplier", &ent.key)])) {
                    (ctx.tf("supplier.deals_link", &[("name", &ctx.name(focus))]))
                }
            }
        }
        section aria-labelledby="over-h" {
            h2 #over-h { (ctx.t("supplier.over_h")) }
            @if series.is_empty() {
                p { (ctx.t("common.no_windows")) }
            } @else {
                (table(
                    &ctx.tf("supplier.over_caption", &[("name", &name)]),
                    &hdr,
                    &numeric,
                    &rows,
                ))
                (crate::kit::table_tools(ctx, "over-h", ctx.t("kit.table.over_time"), crate::kit::TableCsv::Kit("customers-over-time")))
                p.note { (ctx.tf("supplier.totals", &[("totals", &totals.join("; "))])) }
            }
        }
    };
    Ok(Page {
        title: ctx.tf("supplier.title", &[("name", &name)]),
        body: body.into_string(),
    })
}

/// " (107 of them states)" after the count of recipients when some are
/// organisations or non-state groups: SIPRI counts states, and a reader
/// takes "109 recipient countries" for its figure (it was "109
/// Empfängerländer" for the US in 2020-24, NATO** and the UN** among them).
fn states_note(ctx: &Ctx, p: &engine::Partners) -> String {
    let ranked = p.partners.iter().filter(|x| x.rank.is_some());
    let states = ctx
        .rel
        .entities
        .count_kinds(ranked.map(|x| x.entity))
        .states;
    if states == p.ranked() {
        return String::new();
    }
    format!(" {}", ctx.tf("supplier.states", &[("states", &states)]))
}
