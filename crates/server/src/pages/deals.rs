//! The deals explorer: every deal of the release, filtered (supplier,
//! recipient, category, years, status), searched by designation or
//! description ("Su-30" finds Su-30MK), paged, with the same selection as a
//! CSV from `/api/deals`. A plain GET form: works without script.

use super::{Ctx, Page, render};
use crate::error::ApiError;
use crate::html::table;
use crate::query::*;
use crate::state::AppState;
use axum::extract::State;
use axum::response::Response;
use engine::deals::{DealQuery, search};
use maud::{Markup, PreEscaped, html};
use model::{Category, Deal, EntityKind};
use std::sync::Arc;

/// Deals per page.
pub const PAGE: usize = 50;
/// Most deals in one CSV download (the API's `limit` maximum).
const CSV_MAX: usize = 1000;

/// SIPRI's deal statuses, as the filter offers them.
const STATUSES: &[&str] = &["New", "Second hand", "Second hand but modernized"];

/// A status in the page's language; `None` for text SIPRI may add that the
/// catalogue does not know (shown as written). Values sent stay SIPRI's.
fn status_label(ctx: &Ctx, s: &str) -> Option<&'static str> {
    let n = engine::deals::normalize(s);
    let key = if n == engine::deals::normalize("New") {
        "deals.status.new"
    } else if n == engine::deals::normalize("Second hand") {
        "deals.status.second_hand"
    } else if n == engine::deals::normalize("Second hand but modernized") {
        "deals.status.modernized"
    } else {
        return None;
    };
    Some(ctx.t(key))
}

/// The filters a reader may set, as the form and the links carry them.
const FILTERS: &[&str] = &["supplier", "recipient", "category", "years", "status", "q"];

pub async fn page(State(st): State<Arc<AppState>>, Q(p, _): Q<DealsPage>) -> Response {
    render(st, p, "/deals".into(), build).await
}

/// TIV in millions in the page's language: one decimal under 10.
pub fn tiv(ctx: &Ctx, v: f64) -> String {
    if v == 0.0 {
        "0".into()
    } else if v.abs() < 10.0 {
        ctx.num(v, 1)
    } else {
        ctx.num(v.round(), 0)
    }
}

fn build(ctx: &Ctx) -> Result<Page, ApiError> {
    let rel = &ctx.rel;
    let p = &ctx.p;
    let years = match p.get("years") {
        Some(s) => Some(crate::params::parse_window(s, "years")?),
        None => None,
    };
    if let Some(s) = p.get("status")
        && !STATUSES
            .iter()
            .any(|x| engine::deals::normalize(x) == engine::deals::normalize(s))
    {
        return Err(ApiError::bad_request(format!(
            "'status' must be one of: {}; not '{s}'",
            STATUSES.join(", ")
        )));
    }
    let q = DealQuery {
        supplier: p.entity_opt(rel, "supplier")?,
        recipient: p.entity_opt(rel, "recipient")?,
        category: p.category_in(rel)?,
        years,
        status: p.get("status").map(str::to_string),
        text: p.get("q").map(str::to_string),
    };
    let offset = p.number("offset", 0.0, 0.0, 1_000_000.0)?;
    if offset.fract() != 0.0 {
        return Err(ApiError::bad_request("'offset' must be a whole number"));
    }
    let offset = offset as usize;
    let hits = search(rel, &q);
    let shown: Vec<usize> = hits.iter().skip(offset).take(PAGE).copied().collect();
    let filters: Vec<(&str, &str)> = FILTERS
        .iter()
        .filter_map(|k| p.get(k).map(|v| (*k, v)))
        .collect();
    let page_href = |off: usize| {
        let o = off.to_string();
        let mut v = filters.clone();
        if off > 0 {
            v.push(("offset", &o));
        }
        ctx.href("/deals", &v)
    };
    let csv_href = {
        let (lim, off) = (CSV_MAX.to_string(), offset.to_string());
        let mut v = filters.clone();
        v.push(("format", "csv"));
        v.push(("limit", &lim));
        if offset > 0 {
            v.push(("offset", &off));
        }
        ctx.href("/api/deals", &v)
    };
    let body = html! {
        h1 { (ctx.t("deals.title")) }
        p.lede { (by_source(ctx, "deals.lede", "deals.lede.synthetic")) }
        @if let Some(w) = years {
            (PreEscaped(super::layout::coverage_banner(ctx.lang, rel, w)))
        }
        (form(ctx, &q))
        @if rel.deals.is_empty() {
            p.note { (ctx.t("deals.no_register")) }
        }
        section aria-labelledby="deals-h" {
            h2 #deals-h { (ctx.tf("deals.count", &[("n", &ctx.num(hits.len() as f64, 0))])) }
            @if !shown.is_empty() {
                p {
                    (ctx.tf("deals.showing", &[
                        ("from", &(offset + 1)),
                        ("to", &(offset + shown.len())),
                        ("n", &hits.len()),
                    ]))
                    " · "
                    a href=(csv_href) download { (ctx.t("deals.csv")) }
                    @if hits.len() > offset + CSV_MAX {
                        " " span.muted { (ctx.tf("deals.csv_limit", &[("n", &CSV_MAX)])) }
                    }
                }
                (deal_table(ctx, &shown, ctx.t("deals.caption"), true, years))
                nav.pager aria-label=(ctx.t("deals.pages")) {
                    @if offset > 0 {
                        a rel="prev" href=(page_href(offset.saturating_sub(PAGE))) { "← " (ctx.t("deals.prev")) }
                        " "
                    }
                    @if offset + PAGE < hits.len() {
                        a rel="next" href=(page_href(offset + PAGE)) { (ctx.t("deals.next")) " →" }
                    }
                }
            } @else if offset > 0 && !hits.is_empty() {
                p { a href=(page_href(0)) { (ctx.t("deals.first")) } }
            }
            (legend(ctx))
        }
    };
    // The tab and a bookmark name the selection, not only "Deals".
    let mut named: Vec<String> = Vec::new();
    match (q.supplier, q.recipient) {
        (Some(a), Some(b)) => named.push(format!("{} → {}", ctx.name(a), ctx.name(b))),
        (Some(a), None) => named.push(format!("{} →", ctx.name(a))),
        (None, Some(b)) => named.push(format!("→ {}", ctx.name(b))),
        (None, None) => {}
    }
    if let Some(t) = &q.text {
        named.push(format!("“{t}”"));
    }
    if let Some(c) = q.category {
        named.push(ctx.category(c).to_string());
    }
    if let Some(w) = years {
        named.push(w.to_string());
    }
    let title = if named.is_empty() {
        ctx.t("deals.title").to_string()
    } else {
        format!("{}: {}", ctx.t("deals.title"), named.join(" · "))
    };
    Ok(Page {
        title,
        body: body.into_string(),
    })
}

fn form(ctx: &Ctx, q: &DealQuery) -> Markup {
    let p = &ctx.p;
    let v = |k: &str| p.get(k).unwrap_or("").to_string();
    html! {
        form.controls.deal-filters method="get" action="/deals" {
            span.field {
                label for="deal-q" { (ctx.t("deals.f.q")) }
                input #deal-q type="search" name="q" value=(v("q")) placeholder="Su-30" maxlength="200";
            }
            span.field {
                label for="deal-supplier" { (ctx.t("deals.f.supplier")) }
                input #deal-supplier type="text" name="supplier" value=(v("supplier")) placeholder="RUS" maxlength="200";
            }
            span.field {
                label for="deal-recipient" { (ctx.t("deals.f.recipient")) }
                input #deal-recipient type="text" name="recipient" value=(v("recipient")) placeholder="KAZ" maxlength="200";
            }
            @if ctx.has_categories() {
                span.field {
                    label for="deal-category" { (ctx.t("deals.f.category")) }
                    select #deal-category name="category" {
                        option value="" { (ctx.t("deals.f.all")) }
                        @for c in Category::ALL {
                            option value=(c.sipri_name()) selected[q.category == Some(c)] { (ctx.category(c)) }
                        }
                    }
                }
            }
            span.field {
                label for="deal-years" { (ctx.t("deals.f.years")) }
                input #deal-years type="text" name="years" value=(v("years")) placeholder="2020-2024"
                    pattern="[0-9]{4}([-–:/]([0-9]{2}|[0-9]{4}))?" maxlength="9";
            }
            span.field {
                label for="deal-status" { (ctx.t("deals.f.status")) }
                select #deal-status name="status" {
                    option value="" { (ctx.t("deals.f.any")) }
                    @for s in STATUSES {
                        option value=(s) selected[q.status.as_deref().is_some_and(|x| engine::deals::normalize(x) == engine::deals::normalize(s))] { (status_label(ctx, s).unwrap_or(s)) }
                    }
                }
            }
            @if let Some(r) = &ctx.pinned {
                input type="hidden" name="release" value=(r);
            }
            button type="submit" { (ctx.t("deals.f.go")) }
        }
    }
}

/// "2016–2019, 2021": delivery years with runs joined.
pub fn year_runs(years: &[u16]) -> String {
    let mut out: Vec<String> = Vec::new();
    let mut i = 0;
    while i < years.len() {
        let mut j = i;
        while j + 1 < years.len() && years[j + 1] == years[j] + 1 {
            j += 1;
        }
        out.push(if j > i {
            format!("{}–{}", years[i], years[j])
        } else {
            years[i].to_string()
        });
        i = j + 1;
    }
    out.join(", ")
}

/// A value and SIPRI's estimate flag for it: "est." estimated, "est.?" flag
/// left empty by SIPRI, nothing when firm.
fn est(ctx: &Ctx, shown: String, flag: Option<bool>, has_value: bool) -> Markup {
    html! {
        (shown)
        @if has_value {
            @match flag {
                Some(true) => { " " abbr.flag title=(by_source(ctx, "deals.est.long", "deals.est.long.synthetic")) { (ctx.t("deals.est")) } }
                None => { " " abbr.flag title=(by_source(ctx, "deals.est_unknown.long", "deals.est_unknown.long.synthetic")) { (ctx.t("deals.est_unknown")) } }
                Some(false) => {}
            }
        }
    }
}

/// The deals at `idx` of the page's release, one row each.
/// `parties`: show the supplier → recipient column (not on a pair's own page).
/// `window`: the page's years filter, whose part of each deal's TIV gets a
/// column of its own (dashboard probe 18: only the all-years total was
/// shown, and the column summed to 1,100 where 880 was delivered in 2020-24).
pub fn deal_table(
    ctx: &Ctx,
    idx: &[usize],
    caption: &str,
    parties: bool,
    window: Option<model::Window>,
) -> Markup {
    let rel = &ctx.rel;
    let in_window = window.map(|w| engine::deals::tiv_in_window(rel, idx, w));
    // A register without ordered numbers (SIPRI's current one) gets no empty column.
    let ordered = rel.deals.iter().any(|d| d.number_ordered.is_some());
    let comments = rel.deals.iter().any(|d| !d.comments.is_empty());
    let flags = engine::deals::delivery_flags(rel, idx);
    let rows: Vec<Vec<Markup>> = idx
        .iter()
        .zip(&flags)
        .enumerate()
        .map(|(k, (&i, &fl))| {
            let d: &Deal = &rel.deals[i];
            let (s, r) = (rel.entities.get(d.supplier), rel.entities.get(d.recipient));
            let num = |n: Option<u32>| n.map_or("–".to_string(), |n| ctx.num(f64::from(n), 0));
            let mut row = vec![
                html! { (d.sipri_id.map_or("–".to_string(), |x| x.to_string())) },
                // SIPRI's "unknown supplier(s)/recipient(s)" pool many parties:
                // no page of their own (dashboard crawl 22: the links gave 422).
                html! {
                    @if s.kind == EntityKind::Unknown {
                        (ctx.name(d.supplier))
                    } @else {
                        a href=(ctx.supplier_href(&s.key)) { (ctx.name(d.supplier)) }
                    }
                    " → "
                    @if r.kind == EntityKind::Unknown {
                        (ctx.name(d.recipient))
                    } @else {
                        a href=(ctx.country_href(&r.key)) { (ctx.name(d.recipient)) }
                    }
                    @if s.kind != EntityKind::Unknown && r.kind != EntityKind::Unknown {
                        br;
                        a.muted href=(ctx.href(&format!("/pair/{}/{}", crate::html::url_enc(&s.key), crate::html::url_enc(&r.key)), &[])) {
                            (ctx.t("deals.pair_link"))
                        }
                    }
                },
                est(ctx, d.order_year.map_or("–".into(), |y| y.to_string()), d.order_year_estimated, d.order_year.is_some()),
                est(ctx, num(d.number_ordered), d.number_ordered_estimated, d.number_ordered.is_some()),
                html! { strong { (d.designation) } br; span.muted { (d.description) } },
                html! { (ctx.category(Category::from_u8(d.category))) },
                est(ctx, num(d.number_delivered), d.number_delivered_estimated, d.number_delivered.is_some()),
                html! {
                    (year_runs(&d.delivery_years))
                    @if fl & model::Flags::EST_YEAR != 0 {
                        " " abbr.flag title=(by_source(ctx, "deals.est.long", "deals.est.long.synthetic")) { (ctx.t("deals.est")) }
                    }
                },
                html! { (d.tiv_delivered.map_or("–".to_string(), |t| tiv(ctx, t))) },
                html! {
                    @match status_label(ctx, &d.status) {
                        Some(l) => (l),
                        None => span lang="en" { (d.status) },
                    }
                    @if d.local_production == Some(true) { br; (ctx.t("deals.local")) }
                },
                html! { span.comment { (d.comments) } },
            ];
            if let Some(t) = &in_window {
                row.insert(9, html! { (tiv(ctx, t[k])) });
            }
            if !comments {
                row.pop();
            }
            if !ordered {
                row.remove(3);
            }
            if !parties {
                row.remove(1);
            }
            row
        })
        .collect();
    let mut headers = vec![
        ctx.t("deals.h.id"),
        ctx.t("deals.h.parties"),
        ctx.t("deals.h.order_year"),
        ctx.t("deals.h.ordered"),
        ctx.t("deals.h.designation"),
        ctx.t("deals.h.category"),
        ctx.t("deals.h.delivered"),
        ctx.t("deals.h.delivery_years"),
        ctx.t("deals.h.tiv"),
        ctx.t("deals.h.status"),
        ctx.t("deals.h.comments"),
    ];
    let mut numeric = vec![
        true, false, true, true, false, false, true, false, true, false, false,
    ];
    let in_window_h = window.map(|w| ctx.tf("deals.h.tiv_window", &[("window", &w)]));
    if let Some(h) = &in_window_h {
        headers.insert(9, h.as_str());
        numeric.insert(9, true);
    }
    if !comments {
        headers.pop();
        numeric.pop();
    }
    if !ordered {
        headers.remove(3);
        numeric.remove(3);
    }
    if !parties {
        headers.remove(1);
        numeric.remove(1);
    }
    table(caption, &headers, &numeric, &rows)
}

/// What the estimate markers mean.
pub fn legend(ctx: &Ctx) -> Markup {
    html! { p.note { (by_source(ctx, "deals.legend", "deals.legend.synthetic")) } }
}

/// [`by_source`] with placeholders filled.
pub fn by_source_f(
    ctx: &Ctx,
    sipri: &'static str,
    synthetic: &'static str,
    args: &[(&str, &dyn std::fmt::Display)],
) -> String {
    ctx.tf(
        if ctx.rel.meta.synthetic {
            synthetic
        } else {
            sipri
        },
        args,
    )
}

/// A message that credits the data's source: SIPRI, or on a synthetic
/// release armsflow's generator (in every language, not only English).
pub fn by_source(ctx: &Ctx, sipri: &'static str, synthetic: &'static str) -> &'static str {
    if ctx.rel.meta.synthetic {
        ctx.t(synthetic)
    } else {
        ctx.t(sipri)
    }
}

#[cfg(test)]
mod tests {
    use super::year_runs;

    #[test]
    fn runs_of_years() {
        assert_eq!(year_runs(&[]), "");
        assert_eq!(year_runs(&[2021]), "2021");
        assert_eq!(
            year_runs(&[2016, 2017, 2018, 2019, 2021]),
            "2016–2019, 2021"
        );
        assert_eq!(year_runs(&[2010, 2012, 2013]), "2010, 2012–2013");
    }
}
