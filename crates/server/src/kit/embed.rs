//! `GET /embed/<page>/<chart>`: one chart of the dashboard on a minimal page
//! meant for an `<iframe>` on another site — the chart, its title, window,
//! source line and release, and a link back to the full page. These are the
//! only responses that may be framed (see [`crate::harden::security_headers`]).

use super::Target;
use super::export::{find_chart, scope_of, with_ctx};
use crate::assets;
use crate::params::Params;
use crate::query::*;
use crate::state::AppState;
use axum::extract::{Path, State};
use axum::response::{Html, IntoResponse, Response};
use maud::{DOCTYPE, PreEscaped, html};
use std::sync::Arc;

/// Path prefix of the framable views.
pub const PREFIX: &str = "/embed/";

pub async fn country(
    State(st): State<Arc<AppState>>,
    Path((key, chart)): Path<(String, String)>,
    Q(p, _): Q<EmbedQuery>,
) -> Response {
    answer(st, p, Target::Country(key), chart).await
}

pub async fn supplier(
    State(st): State<Arc<AppState>>,
    Path((key, chart)): Path<(String, String)>,
    Q(p, _): Q<EmbedQuery>,
) -> Response {
    answer(st, p, Target::Supplier(key), chart).await
}

pub async fn world(
    State(st): State<Arc<AppState>>,
    Path(chart): Path<String>,
    Q(p, _): Q<EmbedQuery>,
) -> Response {
    answer(st, p, Target::World, chart).await
}

pub async fn pair(
    State(st): State<Arc<AppState>>,
    Path((supplier, recipient, chart)): Path<(String, String, String)>,
    Q(p, _): Q<EmbedQuery>,
) -> Response {
    answer(st, p, Target::Pair(supplier, recipient), chart).await
}

async fn answer(st: Arc<AppState>, p: Params, target: Target, chart: String) -> Response {
    let t = target.clone();
    let res = with_ctx(st, p, &target, move |ctx| {
        super::check_chart_params(ctx, &t, &chart)?;
        let (_, boxed, title) = find_chart(ctx, &t, &chart)?;
        // Links inside the chart open the dashboard outside the frame (it may not be framed).
        let boxed = boxed.replace("<a href=", "<a target=\"_blank\" rel=\"noopener\" href=");
        let boxed = if ctx.rel.meta.synthetic {
            crate::pages::layout::mark_synthetic(&boxed, ctx.lang)
        } else {
            boxed
        };
        let scope = scope_of(ctx, &t, &chart);
        let link = super::permalink(ctx, &t, &chart);
        Ok(view(ctx, &title, &scope, &boxed, &link))
    })
    .await;
    respond(res)
}

/// The embed page around `content` (a chart box, already marked on
/// synthetic data): title, scope, source lines, a link to the full page.
pub fn view(
    ctx: &crate::pages::Ctx,
    title: &str,
    scope: &str,
    content: &str,
    link: &str,
) -> String {
    let synthetic = ctx.rel.meta.synthetic;
    let v = assets::version();
    let lines = super::document::source_lines(&ctx.rel, ctx.lang);
    let warnings = super::document::warning_lines(&ctx.rel, ctx.lang);
    let lang = ctx.lang;
    html! {
        (DOCTYPE)
        html lang=(lang.code()) {
            head {
                meta charset="utf-8";
                meta name="viewport" content="width=device-width, initial-scale=1";
                title { (title) " · armsflow" }
                link rel="stylesheet" href={ "/assets/style.css?v=" (v) };
                script src={ "/assets/theme.js?v=" (v) } {}
            }
            body.embed {
                main {
                    @if synthetic {
                        p.banner role="note" { strong { (ctx.t("layout.banner.title")) } " " (ctx.t("kit.embed.synthetic")) }
                    }
                    // As the full page's banners: an embedded legacy chart
                    // is otherwise quoted as SIPRI's per-year figures.
                    @for w in &warnings {
                        p.banner.coverage role="note" { (w) }
                    }
                    h1 { (title) }
                    p.sub { (scope) }
                    (PreEscaped(content))
                    footer.embed-source {
                        // The first line is SIPRI's attribution (or the synthetic notice), verbatim English.
                        @for (i, l) in lines.iter().enumerate() {
                            p lang=[(i == 0 && ctx.lang != model::Lang::En).then_some("en")] { (l) }
                        }
                        p { a href=(link) target="_blank" rel="noopener" { (ctx.t("kit.embed.full")) } }
                    }
                }
            }
        }
    }
    .into_string()
}

/// The embed page, or a minimal error page with the error's status.
pub fn respond(res: crate::error::ApiResult<String>) -> Response {
    match res {
        Ok(page) => Html(page).into_response(),
        Err(e) => {
            let status = e.status;
            let body = html! {
                (DOCTYPE)
                html lang="en" {
                    head { meta charset="utf-8"; title { "Error · armsflow" } }
                    body { main { h1 { "Chart not available" } p { (e.message) } } }
                }
            };
            (status, Html(body.into_string())).into_response()
        }
    }
}
