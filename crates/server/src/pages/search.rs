//! `/search?q=`: the search box's target without script. A query that names one
//! party (by name, alias or code) redirects to its page; otherwise the matches
//! are listed.

use super::{Ctx, Page, render};
use crate::params::{resolve_entity, search};
use crate::query::*;
use crate::state::AppState;
use axum::extract::State;
use axum::response::{IntoResponse, Redirect, Response};
use maud::html;
use std::sync::Arc;

pub async fn page(State(st): State<Arc<AppState>>, Q(p, _): Q<SearchPage>) -> Response {
    // Resolving needs the release: loaded off the async workers, as pages are.
    let (st2, p2) = (st.clone(), p.clone());
    let target = st
        .light
        .run(move |_| {
            let q = p2
                .get("q")
                .ok_or_else(|| crate::ApiError::bad_request("no query"))?;
            let rel = st2.pick(p2.release())?;
            let id = resolve_entity(&rel, q)?;
            let key = rel.entities.get(id).key.clone();
            let mut to = format!("/country/{}", crate::html::url_enc(&key));
            if let Some(r) = p2.release() {
                to.push_str(&format!("?release={}", crate::html::url_enc(r)));
            }
            Ok(to)
        })
        .await;
    if let Ok(to) = target {
        return Redirect::to(&to).into_response();
    }
    render(st, p, "/search".into(), build).await
}

fn build(ctx: &Ctx) -> Result<Page, crate::ApiError> {
    let q = ctx.p.get("q").unwrap_or("");
    let hits = search(&ctx.rel, q, 30);
    let body = html! {
        h1 { (ctx.t("search.title")) }
        p { (ctx.tf("search.results", &[("query", &q)])) }
        @if hits.is_empty() {
            p { (ctx.t("search.none")) }
        } @else {
            ul.hits {
                @for h in &hits {
                    li {
                        a href=(ctx.country_href(&h.key)) {
                            (ctx.name_by_key(&h.key, &h.name))
                        }
                        " "
                        span.muted { (h.key) }
                        @if let Some(m) = &h.matched {
                            " "
                            span.muted { (ctx.tf("search.matched", &[("spelling", m)])) }
                        }
                    }
                }
            }
        }
    };
    Ok(Page {
        title: ctx.t("search.title").into(),
        body: body.into_string(),
    })
}
