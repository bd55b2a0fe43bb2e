//! The supplier page: a country's customers, with their shares of its exports
//! and their ranks, window by window, and its place among the world's exporters.

use super::{Ctx, Page, render};
use crate::charts::{self, Bar};
use crate::html::{esc, table, url_enc};
use crate::params::{Params, resolve_entity};
use crate::present::{pct, tiv};
use crate::state::AppState;
use axum::extract::{Path, State};
use axum::response::Response;
use engine::{Direction, Filter};
use model::EntityId;
use std::fmt::Write;
use std::sync::Arc;

/// Customers listed in the over-time table.
const ROWS: usize = 20;

pub async fn page(State(st): State<Arc<AppState>>, Path(key): Path<String>, p: Params) -> Response {
    let path = format!("/supplier/{}", url_enc(&key));
    render(st, p, path, move |ctx| build(ctx, &key)).await
}

fn build(ctx: &Ctx, key: &str) -> Result<Page, crate::ApiError> {
    let rel = &ctx.rel;
    let focus = resolve_entity(rel, key)?;
    let ent = rel.entities.get(focus);
    let f = Filter::new(ctx.p.window(rel, "period")?);
    let cur = engine::partners(rel, focus, Direction::Exports, &f);
    let world = engine::ranking(rel, Direction::Exports, &f);
    let windows = engine::default_windows(rel);
    let series = engine::concentration_series(rel, focus, Direction::Exports, &windows, None);

    let mut b = String::new();
    let _ = write!(
        b,
        "<h1>{} <span class=\"sub\">arms exports</span></h1>",
        esc(&ent.name)
    );
    b.push_str(&super::layout::coverage_banner(rel, f.window));
    b.push_str("<p class=\"lede\">");
    match world.rank_of(focus) {
        Some(r) => {
            let _ = write!(
                b,
                "In {}, {} was the world's <strong>number {}</strong> exporter with {} of world arms exports \
({} TIV, millions) to {} recipients.",
                f.window,
                esc(&ent.name),
                r.rank,
                pct(r.share),
                tiv(r.tiv),
                cur.partners.len()
            );
        }
        None => {
            let _ = write!(
                b,
                "No exports by {} are recorded in {}.",
                esc(&ent.name),
                f.window
            );
        }
    }
    let _ = write!(
        b,
        " <a href=\"{}\">Its imports →</a></p>",
        esc(&ctx.country_href(&ent.key))
    );
    b.push_str(&super::world::window_form(ctx, &f, false));

    let bars: Vec<Bar> = cur
        .partners
        .iter()
        .take(15)
        .map(|s| {
            let e = rel.entities.get(s.entity);
            Bar {
                label: e.name.clone(),
                value: s.tiv,
                shown: pct(s.share),
                href: Some(ctx.country_href(&e.key)),
            }
        })
        .collect();
    let _ = write!(
        b,
        "<section aria-labelledby=\"cust-h\"><h2 id=\"cust-h\">Largest customers, {}</h2>",
        f.window
    );
    b.push_str(&charts::ranked_bars(
        "customers-chart",
        &format!(
            "Customers of {} in {}: share of its exports",
            ent.name, f.window
        ),
        &bars,
        charts::PALETTE[0],
    ));
    b.push_str("</section>");

    // Customers over windows: the current window's largest first, then any
    // customer that was in the top of an earlier window.
    let mut ids: Vec<EntityId> = cur.partners.iter().take(ROWS).map(|s| s.entity).collect();
    for p in &series {
        for s in p.partners.iter().take(5) {
            if !ids.contains(&s.entity) && ids.len() < ROWS + 10 {
                ids.push(s.entity);
            }
        }
    }
    let mut headers: Vec<String> = vec!["Customer".into()];
    headers.extend(series.iter().map(|p| p.filter.window.to_string()));
    let rows: Vec<Vec<String>> = ids
        .iter()
        .map(|id| {
            let e = rel.entities.get(*id);
            let mut row = vec![format!(
                "<a href=\"{}\">{}</a>",
                esc(&ctx.country_href(&e.key)),
                esc(&e.name)
            )];
            for p in &series {
                row.push(match p.get(*id) {
                    Some(s) => format!("{} <span class=\"rank\">#{}</span>", pct(s.share), s.rank),
                    None => "–".into(),
                });
            }
            row
        })
        .collect();
    let hdr: Vec<&str> = headers.iter().map(String::as_str).collect();
    let numeric: Vec<bool> = (0..hdr.len()).map(|i| i > 0).collect();
    b.push_str("<section aria-labelledby=\"over-h\"><h2 id=\"over-h\">Customers over time</h2>");
    if series.is_empty() {
        b.push_str("<p>No five-year windows in this release.</p>");
    } else {
        b.push_str(&table(
            &format!(
                "Share of {}'s arms exports and rank among its customers, per five-year window",
                ent.name
            ),
            &hdr,
            &numeric,
            &rows,
        ));
        let totals: Vec<String> = series
            .iter()
            .map(|p| format!("{}: {} TIV", p.filter.window, tiv(p.total)))
            .collect();
        let _ = write!(
            b,
            "<p class=\"note\">Export totals — {}.</p>",
            esc(&totals.join("; "))
        );
    }
    b.push_str("</section>");
    Ok(Page {
        title: format!("{} arms exports", ent.name),
        body: b,
    })
}
