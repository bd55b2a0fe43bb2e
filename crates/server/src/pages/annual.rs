//! The country page's year-by-year section: TIV per supplier per year for
//! any window (`from=`/`to=`, not only five-year blocks), and how each
//! supplier's share moved, in percentage points, between the window's first
//! and last part and against the window before it.

use super::Ctx;
use super::deals::tiv;
use crate::api::explore::year;
use crate::charts::{self, Stack};
use crate::error::ApiError;
use crate::html::table;
use engine::series::{Annual, annual, halves};
use engine::{Direction, Filter};
use maud::{Markup, PreEscaped, html};
use model::{EntityId, Window};

/// Suppliers drawn individually; the rest are "Others".
pub(crate) const DRAWN: usize = 7;

/// The chart's window: `from`/`to`, defaulting to the page's window.
pub fn window(ctx: &Ctx, period: Window) -> Result<Window, ApiError> {
    let from = year(&ctx.p, "from", period.start)?;
    let to = year(&ctx.p, "to", period.end.max(from))?;
    crate::api::explore::span(from, to)
}

/// Share of partner `id` over all of `a`'s years.
fn share_all(a: &Annual, id: EntityId) -> Option<f64> {
    let total: f64 = a.totals.iter().sum();
    if total <= 0.0 {
        return None;
    }
    Some(
        a.partners
            .iter()
            .find(|p| p.entity == id)
            .map_or(0.0, |p| p.total)
            / total,
    )
}

fn share_part(a: &Annual, id: EntityId, part: Window) -> Option<f64> {
    match a.partners.iter().position(|p| p.entity == id) {
        Some(k) => a.share_in(k, part),
        None => (a.total_in(part) > 0.0).then_some(0.0),
    }
}

pub fn section(ctx: &Ctx, focus: EntityId, period: Window, w: Window) -> Markup {
    let rel = &ctx.rel;
    let a = annual(rel, focus, Direction::Imports, &Filter::new(w));
    let prev_w = w.previous();
    let prev = annual(rel, focus, Direction::Imports, &Filter::new(prev_w));
    let name = ctx.name(focus);
    let columns: Vec<String> = a.years.iter().map(|y| y.to_string()).collect();
    let mut stacks: Vec<Stack> = a
        .partners
        .iter()
        .take(DRAWN)
        .map(|p| Stack {
            name: ctx.name(p.entity).to_string(),
            shares: p.tiv.clone(),
            color: charts::color_of(rel, p.entity),
        })
        .collect();
    if a.partners.len() > DRAWN {
        let others: Vec<f64> = (0..a.years.len())
            .map(|c| a.partners[DRAWN..].iter().map(|p| p.tiv[c]).sum())
            .collect();
        stacks.push(Stack {
            name: ctx.t("annual.others").to_string(),
            shares: others,
            color: charts::OTHERS,
        });
    }
    // A year outside the release has no figure, not 0 TIV.
    let f = Filter::new(w);
    let shown = |y: u16, t: f64| {
        if f.no_data_in(rel, y) {
            ctx.t("common.no_data").to_string()
        } else {
            tiv(ctx, t)
        }
    };
    let desc: Vec<String> = a
        .years
        .iter()
        .zip(&a.totals)
        .map(|(y, t)| format!("{y}: {}", shown(*y, *t)))
        .collect();
    let title = ctx.tf("annual.chart.title", &[("name", &name), ("window", &w)]);
    let chart = charts::stacked_values(
        "annual-chart",
        &title,
        &ctx.tf("annual.chart.desc", &[("years", &desc.join("; "))]),
        &columns,
        &stacks,
        &|v| tiv(ctx, v),
    );
    let parts = halves(w);
    let key = &rel.entities.get(focus).key;
    // Every supplier of this window, then any of the previous one that is gone.
    let mut ids: Vec<EntityId> = a.partners.iter().map(|p| p.entity).collect();
    for p in &prev.partners {
        if !ids.contains(&p.entity) {
            ids.push(p.entity);
        }
    }
    let dash = || "–".to_string();
    let rows: Vec<Vec<Markup>> = ids
        .iter()
        .map(|&id| {
            let e = rel.entities.get(id);
            let t = a.partners.iter().find(|p| p.entity == id).map_or(0.0, |p| p.total);
            let now = share_all(&a, id);
            let before = share_all(&prev, id);
            let mut row = vec![
                html! {
                    @if super::pair::is_party(rel, id) {
                        a href=(super::pair::href(ctx, &e.key, key, None)) { (ctx.name(id)) }
                    } @else { (ctx.name(id)) }
                },
                html! { (tiv(ctx, t)) },
                html! { strong { (now.map_or_else(dash, |s| ctx.pct(s))) } },
            ];
            if let Some((first, last)) = parts {
                let (f, l) = (share_part(&a, id, first), share_part(&a, id, last));
                row.push(html! { (f.map_or_else(dash, |s| ctx.pct(s))) });
                row.push(html! { (l.map_or_else(dash, |s| ctx.pct(s))) });
                row.push(html! { (match (f, l) { (Some(f), Some(l)) => ctx.pp(l - f), _ => dash() }) });
            }
            row.push(html! { (before.map_or_else(dash, |s| ctx.pct(s))) });
            row.push(html! { (match (now, before) { (Some(n), Some(b)) => ctx.pp(n - b), _ => dash() }) });
            row
        })
        .collect();
    let mut headers: Vec<String> = vec![
        ctx.t("annual.h.supplier").into(),
        ctx.t("annual.h.tiv").into(),
        ctx.tf("annual.h.share", &[("window", &w)]),
    ];
    if let Some((first, last)) = parts {
        headers.push(ctx.tf("annual.h.share", &[("window", &first)]));
        headers.push(ctx.tf("annual.h.share", &[("window", &last)]));
        headers.push(ctx.tf(
            "annual.h.change_within",
            &[("first", &first), ("last", &last)],
        ));
    }
    headers.push(ctx.tf("annual.h.share_prev", &[("window", &prev_w)]));
    headers.push(ctx.tf("annual.h.change_prev", &[("window", &prev_w)]));
    let hdr: Vec<&str> = headers.iter().map(String::as_str).collect();
    let numeric: Vec<bool> = (0..hdr.len()).map(|i| i > 0).collect();
    let cmp_note = model::comparison_note(&rel.coverage(w), &rel.coverage(prev_w));
    // The halves can be unequal in coverage too (a window past the release).
    let within_note =
        parts.and_then(|(a, b)| model::comparison_note(&rel.coverage(a), &rel.coverage(b)));
    let year_rows: Vec<Vec<Markup>> = a
        .partners
        .iter()
        .map(|p| {
            let mut r = vec![html! { (ctx.name(p.entity)) }];
            r.extend(
                a.years
                    .iter()
                    .zip(&p.tiv)
                    .map(|(y, t)| html! { (shown(*y, *t)) }),
            );
            r
        })
        .collect();
    let mut year_hdr: Vec<&str> = vec![ctx.t("annual.h.supplier")];
    year_hdr.extend(columns.iter().map(String::as_str));
    let year_num: Vec<bool> = (0..year_hdr.len()).map(|i| i > 0).collect();
    html! {
        section aria-labelledby="annual-h" {
            h2 #annual-h { (ctx.tf("annual.h", &[("window", &w)])) }
            @if w != period {
                (PreEscaped(super::layout::coverage_banner(ctx.lang, rel, w)))
            }
            (year_form(ctx, w))
            @if a.partners.is_empty() && engine::Filter::new(w).no_data(rel) {
                p { (ctx.tf("common.no_data_window", &[("window", &w)])) }
            } @else if a.partners.is_empty() {
                p { (ctx.tf("annual.none", &[("name", &name), ("window", &w)])) }
            } @else {
                // The chart builder escapes its own text (charts.rs).
                (PreEscaped(chart))
            }
            @if !rows.is_empty() {
                (table(&ctx.tf("annual.table.caption", &[("name", &name), ("window", &w), ("previous", &prev_w)]), &hdr, &numeric, &rows))
                p.note {
                    (ctx.t("annual.pp.note"))
                    @if let Some(n) = within_note { " " strong { (n) } }
                    @if let Some(n) = cmp_note { " " strong { (n) } }
                }
            }
            @if !year_rows.is_empty() {
                details {
                    summary { (ctx.t("annual.years.table")) }
                    (table(&title, &year_hdr, &year_num, &year_rows))
                }
            }
        }
    }
}

fn year_form(ctx: &Ctx, w: Window) -> Markup {
    html! {
        form.controls method="get" action=(ctx.path) {
            label for="annual-from" { (ctx.t("annual.from")) }
            input #annual-from type="number" name="from" min="1900" max="2100" step="1" value=(w.start);
            label for="annual-to" { (ctx.t("annual.to")) }
            input #annual-to type="number" name="to" min="1900" max="2100" step="1" value=(w.end);
            @if let Some(p) = ctx.p.get("period") {
                input type="hidden" name="period" value=(p);
            }
            @if let Some(r) = &ctx.pinned {
                input type="hidden" name="release" value=(r);
            }
            button type="submit" { (ctx.t("annual.show")) }
        }
    }
}
