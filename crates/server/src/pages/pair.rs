//! The pair page: one supplier and one recipient. The same TIV over two
//! denominators side by side (the recipient's imports, the supplier's
//! exports), with both ranks; the pair's TIV year by year; every deal
//! between the two.

use super::deals::{by_source_f, deal_table, legend, tiv};
use super::{Ctx, Page, render};
use crate::charts::{self, Stack};
use crate::error::ApiError;
use crate::html::{table, url_enc};
use crate::params::resolve_entity;
use crate::query::*;
use crate::state::AppState;
use axum::extract::{Path, State};
use axum::response::Response;
use engine::deals::{DealQuery, search};
use engine::{Filter, Pair};
use maud::{Markup, PreEscaped, html};
use std::sync::Arc;

/// Most deals listed on the page (the output stays bounded); the explorer pages the rest.
const MAX_DEALS: usize = 500;

pub async fn page(
    State(st): State<Arc<AppState>>,
    Path((supplier, recipient)): Path<(String, String)>,
    Q(p, _): Q<PairPage>,
) -> Response {
    let path = format!("/pair/{}/{}", url_enc(&supplier), url_enc(&recipient));
    render(st, p, path, move |ctx| build(ctx, &supplier, &recipient)).await
}

/// Whether `id` can be one side of a pair: SIPRI's "unknown supplier(s)"
/// and a TIV table's "all suppliers" have no totals of their own.
pub fn is_party(rel: &model::Release, id: model::EntityId) -> bool {
    !matches!(
        rel.entities.get(id).kind,
        model::EntityKind::Unknown | model::EntityKind::Aggregate
    )
}

/// The pair page's address for `supplier` → `recipient` (entity keys).
pub fn href(ctx: &Ctx, supplier: &str, recipient: &str, period: Option<&str>) -> String {
    ctx.href(
        &format!("/pair/{}/{}", url_enc(supplier), url_enc(recipient)),
        &[("period", period.unwrap_or(""))],
    )
}

/// The pair's two parties, resolved and checked (two different countries,
/// neither a placeholder): the page and its chart's CSV ask the same.
pub fn parties(
    rel: &model::Release,
    supplier: &str,
    recipient: &str,
) -> Result<(model::EntityId, model::EntityId), ApiError> {
    let s = resolve_entity(rel, supplier)?;
    let r = resolve_entity(rel, recipient)?;
    check_parties(rel, s, r)?;
    Ok((s, r))
}

/// The engine's rule ([`engine::pair_refusal`]) as an API error: 400 for a
/// question that is not a pair, 422 for a release that cannot answer it.
pub fn check_pair(
    rel: &model::Release,
    s: model::EntityId,
    r: model::EntityId,
) -> Result<(), ApiError> {
    match engine::pair_refusal(rel, s, r) {
        None => Ok(()),
        Some(e @ (engine::PairRefusal::NotARegister | engine::PairRefusal::OutOfScope(_))) => {
            Err(ApiError::new(
                axum::http::StatusCode::UNPROCESSABLE_ENTITY,
                "needs_register",
                e.message(rel),
            ))
        }
        Some(e) => Err(ApiError::bad_request(e.message(rel))),
    }
}

/// [`check_pair`] for the page, which explains a TIV table itself instead
/// of refusing it; a register download for some countries is refused (a
/// share outside it is 100 % of a part: "100.0 % of Russia's exports").
fn check_parties(
    rel: &model::Release,
    s: model::EntityId,
    r: model::EntityId,
) -> Result<(), ApiError> {
    match engine::pair_refusal(rel, s, r) {
        Some(engine::PairRefusal::NotARegister) => Ok(()),
        _ => check_pair(rel, s, r),
    }
}

/// Whether the release holds both sides of every flow (a register): only
/// then can a pair's TIV and its two denominators be read from it.
pub fn has_pairs(rel: &model::Release) -> bool {
    matches!(
        rel.meta.format,
        model::SourceFormat::Register | model::SourceFormat::LegacyRegister
    )
}

pub fn build(ctx: &Ctx, supplier: &str, recipient: &str) -> Result<Page, ApiError> {
    let rel = &ctx.rel;
    let (s, r) = parties(rel, supplier, recipient)?;
    let f = Filter::new(ctx.p.window(rel, "period")?);
    if !has_pairs(rel) {
        // A TIV table holds one side of each flow (or one supplier's exports):
        // neither denominator nor the pair's own TIV can be read from it.
        let title = ctx.tf(
            "pair.title",
            &[("supplier", &ctx.name(s)), ("recipient", &ctx.name(r))],
        );
        let body = html! {
            h1 { (title) }
            p.note role="note" {
                (ctx.tf("pair.not_register", &[("format", &rel.meta.format.as_str())]))
            }
        };
        return Ok(Page {
            title,
            body: body.into_string(),
        });
    }
    let pr = engine::pair(rel, s, r, &f);
    let (sk, rk) = (&rel.entities.get(s).key, &rel.entities.get(r).key);
    let (sn, rn) = (ctx.name(s), ctx.name(r));
    let deals = search(
        rel,
        &DealQuery {
            supplier: Some(s),
            recipient: Some(r),
            ..Default::default()
        },
    );
    let w = f.window;
    let title = ctx.tf("pair.title", &[("supplier", &sn), ("recipient", &rn)]);
    let body = html! {
        h1 { (title) " " span.sub { (ctx.t("pair.sub")) } }
        (PreEscaped(super::layout::coverage_banner(ctx.lang, rel, w)))
        p.lede {
            @if pr.total > 0.0 {
                (ctx.tf("pair.lede", &[
                    ("window", &w), ("tiv", &tiv(ctx, pr.total)), ("supplier", &sn), ("recipient", &rn),
                ]))
                @if pr.estimated_tiv > 0.0 {
                    @if rel.meta.format.estimate_flags() == model::EstimateFlags::OrderAndNumbers {
                        " " (ctx.tf("pair.estimated.legacy", &[("share", &ctx.pct(pr.estimated_tiv / pr.total))]))
                    } @else {
                        " " (by_source_f(ctx, "pair.estimated", "pair.estimated.synthetic", &[("share", &ctx.pct(pr.estimated_tiv / pr.total))]))
                    }
                }
            } @else if pr.filter.no_data(rel) {
                (ctx.tf("common.no_data_window", &[("window", &w)]))
            } @else {
                (ctx.tf("pair.none", &[("window", &w), ("supplier", &sn), ("recipient", &rn)]))
            }
        }
        p {
            a href=(ctx.country_href(rk)) { (ctx.tf("pair.link.recipient", &[("name", &rn)])) }
            " · "
            a href=(ctx.supplier_href(sk)) { (ctx.tf("pair.link.supplier", &[("name", &sn)])) }
            " · "
            a href=(href(ctx, rk, sk, ctx.p.get("period"))) { (ctx.tf("pair.link.reverse", &[("supplier", &rn), ("recipient", &sn)])) }
        }
        (PreEscaped(super::world::window_form(ctx, &f, false)))
        (denominators(ctx, &pr, sn, rn))
        (years_section(ctx, &pr, sn, rn))
        section aria-labelledby="pair-deals-h" {
            h2 #pair-deals-h { (ctx.tf("pair.deals.h", &[("n", &deals.len())])) }
            @if rel.deals.is_empty() {
                p.note { (ctx.t("deals.no_register")) }
            } @else if deals.is_empty() {
                p { (ctx.tf("pair.deals.none", &[("supplier", &sn), ("recipient", &rn)])) }
            } @else {
                p {
                    (ctx.t("pair.deals.all_years")) " "
                    a href=(ctx.href("/deals", &[("supplier", sk), ("recipient", rk)])) { (ctx.t("pair.deals.explore")) }
                    " · "
                    a href=(ctx.href("/api/deals", &[("supplier", sk), ("recipient", rk), ("format", "csv"), ("limit", "1000")])) download {
                        (ctx.t("deals.csv"))
                    }
                }
                @if deals.len() > MAX_DEALS {
                    p.note { (ctx.tf("pair.deals.capped", &[("shown", &MAX_DEALS), ("n", &deals.len())])) }
                }
                (deal_table(ctx, &deals[..deals.len().min(MAX_DEALS)], &by_source_f(ctx, "pair.deals.caption", "pair.deals.caption.synthetic", &[("supplier", &sn), ("recipient", &rn)]), false, None))
                (legend(ctx))
            }
        }
    };
    Ok(Page {
        title,
        body: body.into_string(),
    })
}

/// The two denominators of the same TIV, side by side.
fn denominators(ctx: &Ctx, pr: &Pair, sn: &str, rn: &str) -> Markup {
    let w = pr.filter.window;
    // No year of the window in the release: no totals and no ranks
    // (regression: "not ranked (no deliveries)", "imported 0 TIV in all"
    // for 2025-2029 under the no-data banner).
    if pr.filter.no_data(&ctx.rel) {
        return html! {
            section.pair-cards aria-labelledby="denom-h" {
                h2 #denom-h { (ctx.tf("pair.denom.h", &[("window", &w)])) }
                p { (ctx.tf("common.no_data_window", &[("window", &w)])) }
            }
        };
    }
    let share = |x: Option<f64>| share_text(x, ctx.lang);
    let rank = |r: Option<u32>, n: usize| match r {
        Some(r) => ctx.tf("pair.rank", &[("rank", &r), ("n", &n)]),
        None => ctx.t("pair.rank.none").to_string(),
    };
    html! {
        section.pair-cards aria-labelledby="denom-h" {
            h2 #denom-h { (ctx.tf("pair.denom.h", &[("window", &w)])) }
            div.cards {
                div.card #share-of-imports {
                    h3 { (ctx.tf("pair.of_imports", &[("recipient", &rn)])) }
                    p.big { strong { (share(pr.share_of_recipient_imports)) } }
                    p {
                        (ctx.tf("pair.supplier_rank", &[("supplier", &sn), ("recipient", &rn)])) " "
                        strong { (rank(pr.supplier_rank, pr.recipient_suppliers)) }
                    }
                    p.muted { (ctx.tf("pair.imports_total", &[("recipient", &rn), ("tiv", &tiv(ctx, pr.recipient_imports))])) }
                }
                div.card #share-of-exports {
                    h3 { (ctx.tf("pair.of_exports", &[("supplier", &sn)])) }
                    p.big { strong { (share(pr.share_of_supplier_exports)) } }
                    p {
                        (ctx.tf("pair.recipient_rank", &[("supplier", &sn), ("recipient", &rn)])) " "
                        strong { (rank(pr.recipient_rank, pr.supplier_customers)) }
                    }
                    p.muted { (ctx.tf("pair.exports_total", &[("supplier", &sn), ("tiv", &tiv(ctx, pr.supplier_exports))])) }
                }
            }
            p.note { (ctx.tf("pair.denom.note", &[("tiv", &tiv(ctx, pr.total))])) }
        }
    }
}

fn years_section(ctx: &Ctx, pr: &Pair, sn: &str, rn: &str) -> Markup {
    let w = pr.filter.window;
    let columns: Vec<String> = pr.by_year.iter().map(|(y, _)| y.to_string()).collect();
    // A year outside the release has no figure, not 0 TIV.
    let shown = |y: u16, t: f64| match crate::present::year_tiv(&ctx.rel, &pr.filter, y, t) {
        serde_json::Value::Null => ctx.t("common.no_data").to_string(),
        _ => tiv(ctx, t),
    };
    let desc: Vec<String> = pr
        .by_year
        .iter()
        .map(|(y, t)| format!("{y}: {}", shown(*y, *t)))
        .collect();
    let chart = charts::stacked_values(
        "pair-chart",
        &ctx.tf(
            "pair.chart.title",
            &[("supplier", &sn), ("recipient", &rn), ("window", &w)],
        ),
        &desc.join("; "),
        &columns,
        &[Stack {
            name: sn.to_string(),
            shares: pr.by_year.iter().map(|(_, t)| *t).collect(),
            color: charts::color_of(&ctx.rel, pr.supplier),
        }],
        &|v| tiv(ctx, v),
    );
    let rows: Vec<Vec<Markup>> = pr
        .by_year
        .iter()
        .map(|(y, t)| vec![html! { (y) }, html! { (shown(*y, *t)) }])
        .collect();
    html! {
        section aria-labelledby="pair-years-h" {
            h2 #pair-years-h { (ctx.tf("pair.years.h", &[("window", &w)])) }
            // The chart builder escapes its own text (charts.rs).
            (PreEscaped(chart))
            details {
                summary { (ctx.t("pair.years.table")) }
                (table(
                    &ctx.tf("pair.chart.title", &[("supplier", &sn), ("recipient", &rn), ("window", &w)]),
                    &[ctx.t("pair.h.year"), ctx.t("pair.h.tiv")],
                    &[false, true],
                    &rows,
                ))
            }
        }
    }
}

/// A share for the cards: one that rounds to 0.0 % but is not nothing reads
/// "< 0.1 %"; no denominator reads "–".
pub fn share_text(x: Option<f64>, lang: model::Lang) -> String {
    match x {
        None => "–".to_string(),
        Some(v) if v > 0.0 && v < 0.0005 => {
            format!("< {}", crate::numfmt::percent(0.001, 1, lang))
        }
        Some(v) => crate::numfmt::percent(v, 1, lang),
    }
}

#[cfg(test)]
mod tests {
    use super::share_text;
    use model::Lang;

    #[test]
    fn shares_that_round_to_zero_say_so() {
        assert_eq!(share_text(None, Lang::En), "–");
        assert_eq!(share_text(Some(0.0), Lang::En), "0.0 %");
        assert_eq!(share_text(Some(0.0001), Lang::En), "< 0.1 %");
        assert_eq!(share_text(Some(0.0001), Lang::De), "< 0,1 %");
        assert_eq!(share_text(Some(0.884287), Lang::En), "88.4 %");
        assert_eq!(share_text(Some(0.0005), Lang::En), "0.1 %");
    }
}
