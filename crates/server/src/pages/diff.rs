//! The release diff page: what SIPRI revised between two releases. SIPRI
//! rewrites its whole history every spring, so a figure quoted last year may
//! no longer hold; this page shows which values moved and by how much.
//!
//! Release B is the page's release (the picker); `a` names the older one,
//! defaulting to the release stored just before B.

use super::{Ctx, Page};
use crate::api::analysis::{diff_options, release_before};
use crate::error::ApiError;
use crate::html::{table, url_enc};
use crate::query::*;
use crate::state::AppState;
use axum::extract::State;
use axum::response::Response;
use engine::diff::{DealSummary, Party, ReleaseDiff, RevisionKind};
use maud::{Markup, html};
use std::sync::Arc;

/// Revisions and deals listed on the page; the API returns more.
const ROWS: usize = 100;

pub async fn page(State(st): State<Arc<AppState>>, Q(p, _): Q<DiffPage>) -> Response {
    super::render_heavy(st, p, "/diff".into(), build).await
}

fn build(ctx: &Ctx) -> Result<Page, ApiError> {
    let b = &ctx.rel;
    let a_id = match ctx.p.get("a").filter(|s| !s.trim().is_empty()) {
        Some(a) => Some(ctx.st.resolve_id(Some(a))?),
        None => release_before(&ctx.st, &b.meta.id),
    };
    let intro = html! {
        h1 { (ctx.t("diff.h1")) }
        p.lede { (ctx.t("diff.lede")) }
        (form(ctx, a_id.as_deref()))
    };
    let Some(a_id) = a_id else {
        // Several releases but none older than B: say so, not "only one"
        // (diff probe 14: the oldest of two releases chosen as B).
        let body = if ctx.st.releases().len() > 1 {
            html! {
                (intro)
                p.note { (ctx.tf("diff.none_before", &[("id", &b.meta.id)])) }
            }
        } else {
            html! {
                (intro)
                p.note {
                    (ctx.t("diff.only_one")) " "
                    code { "armsflow import FILE" } ", " code { "armsflow fetch" } "."
                }
            }
        };
        return Ok(Page {
            title: ctx.t("layout.nav.diff").into(),
            body: body.into_string(),
        });
    };
    let a = ctx.st.release(&a_id)?;
    let opts = diff_options(&ctx.p, &a, b)?;
    crate::api::analysis::diff_size_bound(ctx.st.limits.max_diff_flows, &a, b, &opts)?;
    let d = engine::diff::diff(&a, b, &opts);
    let body = html! {
        (intro)
        (summary(ctx, &d))
        (revisions(ctx, &d))
        (deals(ctx, &d))
        p.note { "A: " (a.citation()) br; "B: " (b.citation()) }
    };
    Ok(Page {
        title: ctx.t("layout.nav.diff").into(),
        body: body.into_string(),
    })
}

/// The options form; it echoes the user's values, so it is built with maud
/// (escaped by default).
fn form(ctx: &Ctx, a: Option<&str>) -> Markup {
    let val = |k: &str| ctx.p.get(k).unwrap_or("").to_string();
    html! {
        @let (before, after) = ctx.t("diff.newer").split_once("{id}").unwrap_or((ctx.t("diff.newer"), ""));
        p { (before) code { (ctx.rel.meta.id) } (after) }
        form.controls method="get" action="/diff" aria-label=(ctx.t("diff.options")) {
            input type="hidden" name="release" value=(ctx.rel.meta.id);
            label for="diff-a" { (ctx.t("diff.older")) }
            select #diff-a name="a" {
                @for m in ctx.st.releases().iter().rev() {
                    option value=(m.id) selected[Some(m.id.as_str()) == a] { (m.id) }
                }
            }
            label for="diff-country" { (ctx.t("diff.country")) }
            input #diff-country name="country" value=(val("country")) placeholder=(ctx.t("diff.country_example"));
            label for="diff-period" { (ctx.t("diff.years")) }
            input #diff-period name="period" value=(val("period")) placeholder="2015-2024";
            label for="diff-threshold" { (ctx.t("diff.threshold")) }
            input #diff-threshold name="threshold" type="number" min="0" step="any"
                value=(val("threshold")) placeholder="1";
            button type="submit" { (ctx.t("diff.compare")) }
        }
    }
}

fn summary(ctx: &Ctx, d: &ReleaseDiff) -> Markup {
    let years = match d.years {
        Some((x, y)) => format!("{x}–{y}"),
        None => ctx.t("diff.no_common_years").into(),
    };
    let level = match d.level {
        Some(engine::diff::DiffLevel::Pair) => ctx.t("diff.level.pair"),
        Some(engine::diff::DiffLevel::Recipient) => ctx.t("diff.level.recipient"),
        Some(engine::diff::DiffLevel::Supplier) => ctx.t("diff.level.supplier"),
        None => ctx.t("diff.level.none"),
    };
    // Release ids are set as code where the message says {a} and {b}.
    let compared = ctx.tf("diff.compared", &[("years", &years), ("level", &level)]);
    let (c0, rest) = compared
        .split_once("{a}")
        .unwrap_or((compared.as_str(), ""));
    let (c1, c2) = rest.split_once("{b}").unwrap_or((rest, ""));
    let revised = ctx.tf(
        "diff.revised",
        &[
            ("threshold", &ctx.tiv(d.threshold)),
            ("below", &d.below_threshold),
            ("compared", &d.compared),
        ],
    );
    let (r0, r1) = revised.split_once("{n}").unwrap_or((revised.as_str(), ""));
    html! {
        section aria-labelledby="sum-h" {
            h2 #sum-h { (ctx.t("diff.summary")) }
            ul {
                li { (c0) code { (d.a.id) } (c1) code { (d.b.id) } (c2) }
                li { (r0) strong { (ctx.num(d.revisions.len() as f64, 0)) } (r1) }
                @if d.allocated_revisions > 0 {
                    li { (ctx.tf("diff.allocated", &[("n", &d.allocated_revisions)])) }
                }
                @if let Some(deals) = &d.deals {
                    li {
                        (ctx.tf(
                            "diff.deals_matched",
                            &[
                                ("added", &ctx.num(deals.added.len() as f64, 0)),
                                ("removed", &ctx.num(deals.removed.len() as f64, 0)),
                                ("revised", &ctx.num(deals.revised.len() as f64, 0)),
                                ("unchanged", &deals.unchanged),
                            ],
                        ))
                    }
                }
                // The engine's notes are English.
                @for n in &d.notes {
                    li.note lang=[(ctx.lang != model::Lang::En).then_some("en")] { (n) }
                }
            }
        }
    }
}

fn party(ctx: &Ctx, p: &Option<Party>) -> Markup {
    match p {
        Some(p) => {
            html! { a href=(ctx.country_href(&p.key)) { (ctx.name_by_key(&p.key, &p.name)) } }
        }
        None => html! { (ctx.t("diff.all")) },
    }
}

fn revisions(ctx: &Ctx, d: &ReleaseDiff) -> Markup {
    if d.revisions.is_empty() {
        return html! {
            section aria-labelledby="rev-h" {
                h2 #rev-h { (ctx.t("diff.rev_h")) }
                p { (ctx.t("diff.no_revisions")) }
            }
        };
    }
    let val = |v: Option<f64>, alloc: bool| match v {
        Some(v) => format!("{}{}", ctx.tiv(v), if alloc { " †" } else { "" }),
        None => "–".into(),
    };
    let rows: Vec<Vec<Markup>> = d
        .revisions
        .iter()
        .take(ROWS)
        .map(|r| {
            vec![
                party(ctx, &r.supplier),
                party(ctx, &r.recipient),
                html! { (r.year) },
                html! { (val(r.a, r.allocated_a)) },
                html! { (val(r.b, r.allocated_b)) },
                html! { (signed(ctx, r.change, 1, "")) },
                html! {
                    (r.relative
                        .map(|x| signed(ctx, x * 100.0, 0, " %"))
                        .unwrap_or_else(|| "–".into()))
                },
                html! {
                    (match r.kind {
                        RevisionKind::Changed => ctx.t("diff.kind.changed"),
                        RevisionKind::New => ctx.t("diff.kind.new"),
                        RevisionKind::Dropped => ctx.t("diff.kind.dropped"),
                    })
                },
            ]
        })
        .collect();
    let json = format!(
        "/api/diff?a={}&b={}{}&threshold={}&limit=100000",
        url_enc(&d.a.id),
        url_enc(&d.b.id),
        d.country
            .as_deref()
            .map(|c| format!("&country={}", url_enc(c)))
            .unwrap_or_default(),
        d.threshold
    );
    html! {
        section aria-labelledby="rev-h" {
            h2 #rev-h { (ctx.t("diff.rev_h")) }
            (table(
                &ctx.tf("diff.rev_caption", &[("shown", &ctx.num(rows.len() as f64, 0)), ("total", &ctx.num(d.revisions.len() as f64, 0))]),
                &[
                    ctx.t("col.supplier"),
                    ctx.t("col.recipient"),
                    ctx.t("col.year"),
                    "A",
                    "B",
                    ctx.t("diff.col.change"),
                    ctx.t("diff.col.change_pct"),
                    ctx.t("diff.col.kind"),
                ],
                &[false, false, true, true, true, true, true, false],
                &rows,
            ))
            p.note { (ctx.t("diff.json")) " " a href=(json) { "/api/diff" } "." }
        }
    }
}

fn deal_rows(ctx: &Ctx, list: &[DealSummary]) -> Vec<Vec<Markup>> {
    list.iter()
        .take(ROWS)
        .map(|x| {
            vec![
                html! { (x.sipri_id) },
                html! { (ctx.name_by_key(&x.supplier.key, &x.supplier.name)) },
                html! { (ctx.name_by_key(&x.recipient.key, &x.recipient.name)) },
                html! { (x.designation) },
                html! { @if let Some(y) = x.order_year { (y) } },
                html! { (ctx.tiv(x.tiv)) },
            ]
        })
        .collect()
}

/// A signed number ("+3.2", "−12") in the page's language, with `unit`.
fn signed(ctx: &Ctx, x: f64, digits: usize, unit: &str) -> String {
    let s = ctx.num(x, digits);
    let nonzero = s.bytes().any(|b| (b'1'..=b'9').contains(&b));
    let plus = if x > 0.0 && nonzero { "+" } else { "" };
    format!("{plus}{s}{unit}")
}

fn deals(ctx: &Ctx, d: &ReleaseDiff) -> Markup {
    let Some(deals) = &d.deals else {
        return html! { p.note { (ctx.t("diff.no_deal_ids")) } };
    };
    let hdr = [
        ctx.t("diff.col.sipri_id"),
        ctx.t("col.supplier"),
        ctx.t("col.recipient"),
        ctx.t("country.col.designation"),
        ctx.t("diff.col.ordered"),
        ctx.t("diff.col.tiv_delivered"),
    ];
    let num = [true, false, false, false, true, true];
    let revised: Vec<Vec<Markup>> = deals
        .revised
        .iter()
        .take(ROWS)
        .map(|r| {
            vec![
                html! { (r.deal.sipri_id) },
                html! { (ctx.name_by_key(&r.deal.supplier.key, &r.deal.supplier.name)) },
                html! { (ctx.name_by_key(&r.deal.recipient.key, &r.deal.recipient.name)) },
                html! { (r.deal.designation) },
                html! {
                    @for (i, c) in r.changes.iter().enumerate() {
                        @if i > 0 { "; " }
                        (c.field) ": " (c.a) " → " (c.b)
                    }
                },
            ]
        })
        .collect();
    html! {
        section aria-labelledby="deals-h" {
            h2 #deals-h { (ctx.t("diff.deals_h")) }
            @for (title, list) in [(ctx.t("diff.added"), &deals.added), (ctx.t("diff.removed"), &deals.removed)] {
                h3 { (title) }
                @if list.is_empty() {
                    p { (ctx.t("common.none")) }
                } @else {
                    (table(
                        &ctx.tf("diff.deals_caption", &[("title", &title), ("n", &ctx.num(list.len() as f64, 0))]),
                        &hdr,
                        &num,
                        &deal_rows(ctx, list),
                    ))
                }
            }
            h3 { (ctx.t("diff.revised_h")) }
            @if revised.is_empty() {
                p { (ctx.t("common.none")) }
            } @else {
                (table(
                    &ctx.tf("diff.revised_caption", &[("n", &ctx.num(deals.revised.len() as f64, 0))]),
                    &[
                        ctx.t("diff.col.sipri_id"),
                        ctx.t("col.supplier"),
                        ctx.t("col.recipient"),
                        ctx.t("country.col.designation"),
                        ctx.t("diff.col.changes"),
                    ],
                    &[true, false, false, false, false],
                    &revised,
                ))
            }
        }
    }
}
