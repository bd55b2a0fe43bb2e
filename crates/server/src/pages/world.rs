//! The world page (also `/`): top exporters and importers for a window, as
//! ranked bars with the same figures in tables. Markup via maud (escaped by
//! default); charts and tables come from their own builders.

use super::{Ctx, Page, render};
use crate::charts::{self, Bar};
use crate::html::table;
use crate::query::*;
use crate::state::AppState;
use axum::extract::State;
use axum::http::Uri;
use axum::response::Response;
use engine::{Direction, Filter};
use maud::{Markup, PreEscaped, html};
use std::sync::Arc;

pub(crate) const SHOWN: usize = 15;

pub async fn page(State(st): State<Arc<AppState>>, uri: Uri, Q(p, _): Q<WorldPage>) -> Response {
    let path = if uri.path() == "/" {
        "/".to_string()
    } else {
        "/world".to_string()
    };
    render(st, p, path, build).await
}

pub(crate) fn build(ctx: &Ctx) -> Result<Page, crate::ApiError> {
    let rel = &ctx.rel;
    crate::error::ApiError::needs_whole(rel, "the world page")?;
    let f = Filter::new(ctx.p.window(rel, "period")?).with_category(ctx.p.category_in(rel)?);
    // English writes a category inside a sentence in lower case; German
    // nouns keep their capital.
    let cat = match f.category {
        None => ctx.t("category.all_lower").to_string(),
        Some(c) if ctx.lang == model::Lang::En => ctx.category(c).to_lowercase(),
        Some(c) => ctx.category(c).to_string(),
    };
    let sides = [
        (
            Direction::Exports,
            ctx.t("world.top_exporters"),
            "exporters-chart",
            charts::PALETTE[0],
        ),
        (
            Direction::Imports,
            ctx.t("world.top_importers"),
            "importers-chart",
            charts::PALETTE[1],
        ),
    ];
    let body = html! {
        h1 { (ctx.tf("world.h1", &[("window", &f.window)])) }
        p.lede { (ctx.tf("world.lede", &[("window", &f.window), ("category", &cat)])) }
        (PreEscaped(super::layout::coverage_banner(ctx.lang, rel, f.window)))
        (PreEscaped(window_form(ctx, &f, true)))
        div.two-col {
            @for (dir, title, id, color) in sides {
                (side(ctx, &f, dir, title, id, color))
            }
        }
    };
    Ok(Page {
        title: ctx.tf("world.title", &[("window", &f.window)]),
        body: body.into_string(),
    })
}

/// One ranking (exporters or importers): bars, the same figures as a table,
/// and the unranked TIV of unknown parties.
fn side(ctx: &Ctx, f: &Filter, dir: Direction, title: &str, id: &str, color: &str) -> Markup {
    let rel = &ctx.rel;
    let r = engine::ranking(rel, dir, f);
    let href = |key: &str| match dir {
        Direction::Exports => ctx.supplier_href(key),
        Direction::Imports => ctx.country_href(key),
    };
    let bars: Vec<Bar> = r
        .rows
        .iter()
        .take(SHOWN)
        .map(|x| {
            let e = rel.entities.get(x.entity);
            Bar {
                label: ctx.name(x.entity).to_string(),
                value: x.tiv,
                shown: ctx.pct(x.share),
                href: Some(href(&e.key)),
            }
        })
        .collect();
    let rows: Vec<Vec<Markup>> = r
        .rows
        .iter()
        .take(SHOWN)
        .map(|x| {
            let e = rel.entities.get(x.entity);
            vec![
                html! { (x.rank) },
                html! { a href=(href(&e.key)) { (ctx.name(x.entity)) } },
                html! { (ctx.tiv(x.tiv)) },
                html! { (ctx.pct(x.share)) },
            ]
        })
        .collect();
    html! {
        section aria-labelledby={ (id) "-h" } {
            h2 id={ (id) "-h" } { (title) }
            (PreEscaped(charts::ranked_bars(
                id,
                &ctx.tf("world.chart_title", &[("title", &title), ("window", &f.window)]),
                &bars,
                color,
                ctx.lang,
            )))
            details {
                summary { (ctx.t("common.as_table")) }
                (table(
                    &ctx.tf(
                        "world.table_caption",
                        &[("title", &title), ("window", &f.window), ("total", &ctx.tiv(r.total))],
                    ),
                    &[
                        ctx.t("col.rank"),
                        ctx.t("col.country"),
                        ctx.t("col.tiv"),
                        ctx.t("col.world_share"),
                    ],
                    &[true, false, true, true],
                    &rows,
                ))
            }
            @if r.unknown_tiv > 0.0 {
                p.note { (ctx.tf("world.unknown", &[("tiv", &ctx.tiv(r.unknown_tiv))])) }
            }
            // The CLI's `top` says it; the country and pair pages did, the
            // world page did not (figure probe: 59.1 % of 2020-24).
            @if let Some(key) = estimated_key(rel.meta.format).filter(|_| r.estimated_share > 0.0) {
                p.note { (ctx.tf(key, &[("share", &ctx.pct(r.estimated_share))])) }
            }
        }
    }
}

/// How the estimated share of the world total is worded for a release's
/// layout (as the CLI's estimates note): `None` where nothing is flagged.
fn estimated_key(format: model::SourceFormat) -> Option<&'static str> {
    match format.estimate_flags() {
        model::EstimateFlags::Recorded => Some("world.estimated"),
        model::EstimateFlags::OrderAndNumbers => Some("world.estimated.legacy"),
        model::EstimateFlags::Absent => None,
    }
}

/// Period (and, if `with_category`, category) selector that re-submits to this page.
pub fn window_form(ctx: &Ctx, f: &Filter, with_category: bool) -> String {
    let mut windows = engine::default_windows(&ctx.rel);
    windows.reverse();
    if !windows.contains(&f.window) {
        windows.insert(0, f.window);
    }
    html! {
        form.controls method="get" action=(ctx.path) {
            label for="period" { (ctx.t("form.window")) }
            select #period name="period" {
                @for w in &windows {
                    option value=(w) selected[*w == f.window] { (w) }
                }
            }
            @if with_category && ctx.has_categories() {
                label for="category" { (ctx.t("form.category")) }
                select #category name="category" {
                    option value="all" { (ctx.t("category.all")) }
                    @for c in model::Category::ALL {
                        option value=(c.sipri_name()) selected[f.category == Some(c)] { (ctx.category(c)) }
                    }
                }
            }
            @if let Some(r) = &ctx.pinned {
                input type="hidden" name="release" value=(r);
            }
            button type="submit" { (ctx.t("form.update")) }
        }
    }
    .into_string()
}
