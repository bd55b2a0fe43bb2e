//! The route table: one list that both the router and the OpenAPI document are
//! built from, so the document cannot miss an endpoint; each entry's
//! parameters come from the typed query struct its handler extracts.

use crate::state::AppState;
use crate::{assets, cache, harden, pages};
use axum::Router;
use axum::extract::DefaultBodyLimit;
use axum::middleware;
use axum::routing::{MethodRouter, get};

mod table;
use std::sync::Arc;
pub use table::*;

pub type Route = MethodRouter<Arc<AppState>>;

/// A request body.
#[derive(Debug, Clone, Copy)]
pub struct BodyDoc {
    /// Media types accepted, first is the main one.
    pub media: &'static [&'static str],
    pub doc: &'static str,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Produces {
    Json,
    Html,
    /// A chart as a file: SVG, PNG or CSV (journalist's kit).
    File,
}

pub struct Endpoint {
    pub method: &'static str,
    pub path: &'static str,
    pub id: &'static str,
    pub tag: &'static str,
    pub summary: &'static str,
    /// The parameters, derived from the handler's query struct ([`crate::query`]).
    pub params: fn() -> Vec<utoipa::openapi::path::Parameter>,
    pub body: Option<BodyDoc>,
    pub produces: Produces,
    /// Builds the axum method router for this path.
    pub route: fn() -> Route,
}

/// The router: the table's routes, embedded assets, limits and caching.
/// Layers, innermost first: cache, language negotiation (outside the cache,
/// which keys on it), timeout (cancels the handler, so its work
/// is flagged), URI and body limits, JSON bodies for layer errors, a panic
/// turned into a logged 500 with an error id, the `Host`
/// allow-list, security headers, compression, one log line per request, and
/// the request id (set outermost so every log line and response carries it).
pub fn router(state: Arc<AppState>) -> Router {
    use tower_http::compression::CompressionLayer;
    use tower_http::limit::RequestBodyLimitLayer;
    use tower_http::request_id::{MakeRequestUuid, PropagateRequestIdLayer, SetRequestIdLayer};
    use tower_http::timeout::RequestBodyTimeoutLayer;
    use tower_http::trace::TraceLayer;
    let limits = state.limits.clone();
    let mut r: Router<Arc<AppState>> = Router::new();
    for e in ENDPOINTS {
        r = r.route(e.path, (e.route)());
    }
    let (l1, l2, l3) = (limits.clone(), limits.clone(), limits.clone());
    r.route("/assets/{name}", get(assets::serve))
        .fallback(pages::not_found)
        .layer(DefaultBodyLimit::max(limits.max_body))
        .layer(middleware::from_fn_with_state(
            state.clone(),
            cache::conditional_get,
        ))
        .layer(middleware::from_fn(crate::i18n::negotiate))
        .layer(middleware::from_fn(move |req, next| {
            harden::timeout(l1.clone(), req, next)
        }))
        .layer(middleware::from_fn(move |req, next| {
            harden::limit_uri(l2.clone(), req, next)
        }))
        .layer(RequestBodyLimitLayer::new(limits.max_upload))
        .layer(RequestBodyTimeoutLayer::new(limits.body_timeout))
        .layer(middleware::from_fn(move |req, next| {
            harden::json_errors(l3.clone(), req, next)
        }))
        .layer(tower_http::catch_panic::CatchPanicLayer::custom(harden::panic_response))
        .layer(middleware::from_fn_with_state(
            state.clone(),
            harden::check_host,
        ))
        .layer(middleware::from_fn(harden::security_headers))
        .layer(middleware::from_fn(harden::error_ids))
        .layer(CompressionLayer::new().gzip(true).br(true))
        .layer(
            TraceLayer::new_for_http()
                .make_span_with(|req: &axum::http::Request<_>| {
                    let id = req
                        .headers()
                        .get("x-request-id")
                        .and_then(|v| v.to_str().ok())
                        .unwrap_or("-");
                    tracing::info_span!("request", id = %id, method = %req.method(), path = %req.uri().path())
                })
                .on_request(())
                .on_response(
                    tower_http::trace::DefaultOnResponse::new()
                        .level(tracing::Level::INFO)
                        .latency_unit(tower_http::LatencyUnit::Millis),
                )
                .on_failure(()),
        )
        .layer(PropagateRequestIdLayer::x_request_id())
        .layer(SetRequestIdLayer::x_request_id(MakeRequestUuid))
        .with_state(state)
}
