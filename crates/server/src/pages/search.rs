//! `/search?q=`: the search box's target without script. A query that names one
//! party (by name, alias or code) redirects to its page; otherwise the matches
//! are listed.

use super::{Ctx, Page, render};
use crate::html::esc;
use crate::params::{resolve_entity, search};
use crate::query::*;
use crate::state::AppState;
use axum::extract::State;
use axum::response::{IntoResponse, Redirect, Response};
use std::fmt::Write;
use std::sync::Arc;

pub async fn page(State(st): State<Arc<AppState>>, Q(p, _): Q<SearchPage>) -> Response {
    if let Some(q) = p.get("q")
        && let Ok(rel) = st.pick(p.release())
        && let Ok(id) = resolve_entity(&rel, q)
    {
        let key = rel.entities.get(id).key.clone();
        let mut to = format!("/country/{}", crate::html::url_enc(&key));
        if let Some(r) = p.release() {
            let _ = write!(to, "?release={}", crate::html::url_enc(r));
        }
        return Redirect::to(&to).into_response();
    }
    render(st, p, "/search".into(), build).await
}

fn build(ctx: &Ctx) -> Result<Page, crate::ApiError> {
    let q = ctx.p.get("q").unwrap_or("");
    let mut b = format!("<h1>Search</h1><p>Results for “{}”:</p>", esc(q));
    let hits = search(&ctx.rel, q, 30);
    if hits.is_empty() {
        b.push_str("<p>No country or party matches. Try another spelling, an ISO code (KAZ) or a SIPRI name.</p>");
    } else {
        b.push_str("<ul class=\"hits\">");
        for h in hits {
            let alias = h
                .matched
                .map(|m| format!(" <span class=\"muted\">(matched “{}”)</span>", esc(&m)))
                .unwrap_or_default();
            let _ = write!(
                b,
                "<li><a href=\"{}\">{}</a> <span class=\"muted\">{}</span>{alias}</li>",
                esc(&ctx.country_href(&h.key)),
                esc(&h.name),
                esc(&h.key)
            );
        }
        b.push_str("</ul>");
    }
    Ok(Page {
        title: "Search".into(),
        body: b,
    })
}
