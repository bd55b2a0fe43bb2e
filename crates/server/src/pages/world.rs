//! The world page (also `/`): top exporters and importers for a window, as
//! ranked bars with the same figures in tables.

use super::{Ctx, Page, render};
use crate::charts::{self, Bar};
use crate::html::{esc, table};
use crate::params::Params;
use crate::present::{pct, tiv};
use crate::state::AppState;
use axum::extract::State;
use axum::http::Uri;
use axum::response::Response;
use engine::{Direction, Filter};
use std::fmt::Write;
use std::sync::Arc;

const SHOWN: usize = 15;

pub async fn page(State(st): State<Arc<AppState>>, uri: Uri, p: Params) -> Response {
    let path = if uri.path() == "/" {
        "/".to_string()
    } else {
        "/world".to_string()
    };
    render(st, p, path, build).await
}

fn build(ctx: &Ctx) -> Result<Page, crate::ApiError> {
    let rel = &ctx.rel;
    let f = Filter::new(ctx.p.window(rel, "period")?).with_category(ctx.p.category()?);
    let mut body = String::new();
    let cat = f.category.map_or("all categories".to_string(), |c| {
        c.sipri_name().to_lowercase()
    });
    let _ = write!(
        body,
        "<h1>Who sells and who buys, {}</h1><p class=\"lede\">The largest exporters and importers of major \
conventional arms in {}, {}, by SIPRI trend-indicator value. Select a country for its suppliers and customers.</p>",
        esc(&f.window.to_string()),
        esc(&f.window.to_string()),
        esc(&cat)
    );
    body.push_str(&super::layout::coverage_banner(rel, f.window));
    body.push_str(&window_form(ctx, &f, true));
    body.push_str("<div class=\"two-col\">");
    for (dir, title, id, color) in [
        (
            Direction::Exports,
            "Top exporters",
            "exporters-chart",
            charts::PALETTE[0],
        ),
        (
            Direction::Imports,
            "Top importers",
            "importers-chart",
            charts::PALETTE[1],
        ),
    ] {
        let r = engine::ranking(rel, dir, &f);
        let bars: Vec<Bar> = r
            .rows
            .iter()
            .take(SHOWN)
            .map(|x| {
                let e = rel.entities.get(x.entity);
                let href = match dir {
                    Direction::Exports => ctx.supplier_href(&e.key),
                    Direction::Imports => ctx.country_href(&e.key),
                };
                Bar {
                    label: e.name.clone(),
                    value: x.tiv,
                    shown: pct(x.share),
                    href: Some(href),
                }
            })
            .collect();
        let _ = write!(
            body,
            "<section aria-labelledby=\"{id}-h\"><h2 id=\"{id}-h\">{title}</h2>"
        );
        body.push_str(&charts::ranked_bars(
            id,
            &format!("{title}, {}: share of world total", f.window),
            &bars,
            color,
        ));
        let rows: Vec<Vec<String>> = r
            .rows
            .iter()
            .take(SHOWN)
            .map(|x| {
                let e = rel.entities.get(x.entity);
                let href = match dir {
                    Direction::Exports => ctx.supplier_href(&e.key),
                    Direction::Imports => ctx.country_href(&e.key),
                };
                vec![
                    x.rank.to_string(),
                    format!("<a href=\"{}\">{}</a>", esc(&href), esc(&e.name)),
                    tiv(x.tiv),
                    pct(x.share),
                ]
            })
            .collect();
        body.push_str("<details><summary>As a table</summary>");
        body.push_str(&table(
            &format!("{title}, {} (world total {} TIV)", f.window, tiv(r.total)),
            &["Rank", "Country", "TIV (m)", "World share"],
            &[true, false, true, true],
            &rows,
        ));
        body.push_str("</details>");
        if r.unknown_tiv > 0.0 {
            let _ = write!(
                body,
                "<p class=\"note\">{} TIV with an unknown party is in the world total but not ranked.</p>",
                tiv(r.unknown_tiv)
            );
        }
        body.push_str("</section>");
    }
    body.push_str("</div>");
    Ok(Page {
        title: format!("World {}", f.window),
        body,
    })
}

/// Period (and, if `with_category`, category) selector that re-submits to this page.
pub fn window_form(ctx: &Ctx, f: &Filter, with_category: bool) -> String {
    let mut opts = String::new();
    let mut windows = engine::default_windows(&ctx.rel);
    windows.reverse();
    if !windows.contains(&f.window) {
        windows.insert(0, f.window);
    }
    for w in windows {
        let sel = if w == f.window { " selected" } else { "" };
        let _ = write!(opts, "<option value=\"{w}\"{sel}>{w}</option>");
    }
    let mut cats = String::new();
    if with_category {
        cats.push_str("<label for=\"category\">Category</label><select id=\"category\" name=\"category\"><option value=\"all\">All categories</option>");
        for c in model::Category::ALL {
            let sel = if f.category == Some(c) {
                " selected"
            } else {
                ""
            };
            let _ = write!(
                cats,
                "<option value=\"{}\"{sel}>{}</option>",
                esc(c.sipri_name()),
                esc(c.sipri_name())
            );
        }
        cats.push_str("</select>");
    }
    let keep = ctx
        .pinned
        .as_ref()
        .map(|r| {
            format!(
                "<input type=\"hidden\" name=\"release\" value=\"{}\">",
                esc(r)
            )
        })
        .unwrap_or_default();
    format!(
        "<form class=\"controls\" method=\"get\" action=\"{}\">\
<label for=\"period\">Window</label><select id=\"period\" name=\"period\">{opts}</select>\
{cats}{keep}\
<button type=\"submit\">Update</button></form>",
        esc(&ctx.path)
    )
}
