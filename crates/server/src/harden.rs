//! Defensive middleware: URI limits, the `Host` allow-list, request timeout,
//! security headers, JSON bodies for the errors of tower-http's layers, and
//! the admin-token check with its rate limit. Body limits are tower-http's
//! `RequestBodyLimitLayer` (the largest, uploads) plus per-handler limits.

use crate::Limits;
use crate::error::ApiError;
use crate::state::AppState;
use axum::extract::{Request, State};
use axum::http::{HeaderMap, HeaderValue, StatusCode, header};
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};
use std::net::SocketAddr;
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

/// The client's address, added to each request by the connection loop.
#[derive(Debug, Clone, Copy)]
pub struct Peer(pub SocketAddr);

/// Longest request path accepted (our paths are short; a long one is an attack or a mistake).
pub const MAX_PATH: usize = 512;

/// 414 for an oversized query string or path, before any parsing; the
/// message names the part that is too long.
pub async fn limit_uri(limits: Limits, req: Request, next: Next) -> Response {
    let q = req.uri().query().map_or(0, str::len);
    let p = req.uri().path().len();
    let msg = if p > MAX_PATH {
        format!("the path of {p} bytes is over the limit of {MAX_PATH} bytes")
    } else if q > limits.max_query {
        format!(
            "the query string of {q} bytes is over the limit of {} bytes",
            limits.max_query
        )
    } else {
        return next.run(req).await;
    };
    ApiError::new(StatusCode::URI_TOO_LONG, "uri_too_long", msg).into_response()
}

/// The `Host` values a loopback server answers (any port), plus `public`:
/// a page on another site that rebinds its DNS name to 127.0.0.1 still sends
/// its own name as `Host`, and is refused.
pub fn loopback_hosts(public: &[String]) -> Vec<String> {
    let mut v: Vec<String> = ["localhost", "127.0.0.1", "[::1]"]
        .iter()
        .map(|s| s.to_string())
        .collect();
    v.extend(public.iter().map(|h| h.trim().to_ascii_lowercase()));
    v
}

/// `host[:port]` without the port; IPv6 literals keep their brackets.
fn host_name(h: &str) -> &str {
    if h.starts_with('[') {
        return h.find(']').map_or(h, |i| &h[..=i]);
    }
    match h.rsplit_once(':') {
        Some((name, port)) if port.bytes().all(|b| b.is_ascii_digit()) => name,
        _ => h,
    }
}

/// Whether `host` (a `Host` header value) is in `allowed`: by name with any
/// port, or exactly as listed.
pub fn host_allowed(allowed: &[String], host: &str) -> bool {
    let host = host.trim().trim_end_matches('.').to_ascii_lowercase();
    let name = host_name(&host).trim_end_matches('.');
    allowed.iter().any(|a| a == name || *a == host)
}

/// 403 for a `Host` not on the allow-list (when the server has one).
pub async fn check_host(State(st): State<Arc<AppState>>, req: Request, next: Next) -> Response {
    if let Some(allowed) = &st.allowed_hosts {
        let host = req
            .headers()
            .get(header::HOST)
            .map(|v| v.to_str().unwrap_or("\u{fffd}").to_string())
            .or_else(|| req.uri().authority().map(|a| a.as_str().to_string()));
        if let Some(h) = host
            && !host_allowed(allowed, &h)
        {
            tracing::warn!(host = %h.escape_debug(), "refused request for a host not on the allow-list");
            return ApiError::new(
                StatusCode::FORBIDDEN,
                "host_not_allowed",
                "this server answers only for localhost, 127.0.0.1, [::1] and the names given with --public-host",
            )
            .into_response();
        }
    }
    next.run(req).await
}

/// A handler that panicked: logged with an error id (by [`ApiError::internal`]),
/// answered with a 500 carrying the id; the connection and server live on.
pub fn panic_response(err: Box<dyn std::any::Any + Send + 'static>) -> Response {
    let what = err
        .downcast_ref::<String>()
        .map(String::as_str)
        .or_else(|| err.downcast_ref::<&str>().copied())
        .unwrap_or("(no message)");
    ApiError::internal(format!("handler panicked: {what}")).into_response()
}

/// A response's `Content-Type`, empty if none.
fn content_type(r: &Response) -> &str {
    r.headers()
        .get(header::CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
        .unwrap_or("")
}

/// Gives the bodyless (or plain-text) errors of tower-http's layers and
/// hyper a JSON body naming the limit, like every other API error.
pub async fn json_errors(limits: Limits, req: Request, next: Next) -> Response {
    let r = next.run(req).await;
    let st = r.status();
    if !(st.is_client_error() || st.is_server_error()) {
        return r;
    }
    let ct = content_type(&r);
    if ct.starts_with("application/json") || ct.starts_with("text/html") {
        return r;
    }
    let e = match st {
        StatusCode::PAYLOAD_TOO_LARGE => ApiError::new(
            st,
            "body_too_large",
            format!(
                "the request body is over the limit of {} bytes (max_upload)",
                limits.max_upload
            ),
        ),
        StatusCode::REQUEST_TIMEOUT => ApiError::new(
            st,
            "body_timeout",
            format!(
                "the request body was not received within {} s",
                limits.body_timeout.as_secs()
            ),
        ),
        _ => ApiError::new(
            st,
            "error",
            st.canonical_reason().unwrap_or("error").to_string(),
        ),
    };
    let mut out = e.into_response();
    for (k, v) in r.headers() {
        if k != header::CONTENT_TYPE
            && k != header::CONTENT_LENGTH
            && !out.headers().contains_key(k)
        {
            out.headers_mut().insert(k.clone(), v.clone());
        }
    }
    out
}

/// Largest error body [`error_ids`] reads back to add the id (error
/// answers are a few hundred bytes; anything larger passes unchanged).
const MAX_ERROR_BODY: usize = 256 << 10;

/// Every error answer carries an id a user can quote and the operator can
/// find in the log: the request id (`x-request-id`, on every log line). JSON
/// errors get `error_id`, error pages a "Reference:" line (dashboard probe
/// 18: only internal errors had one; a 400 or 404 had nothing to quote).
/// An id already set (a logged internal error) is kept.
pub async fn error_ids(req: Request, next: Next) -> Response {
    let id = req
        .headers()
        .get("x-request-id")
        .and_then(|v| v.to_str().ok())
        .map(str::to_string);
    let r = next.run(req).await;
    let st = r.status();
    let Some(id) = id else {
        return r;
    };
    if !(st.is_client_error() || st.is_server_error()) {
        return r;
    }
    let ct = content_type(&r).to_string();
    let (json, html) = (
        ct.starts_with("application/json"),
        ct.starts_with("text/html"),
    );
    if !(json || html) || r.headers().contains_key(header::CONTENT_ENCODING) {
        return r;
    }
    let (mut parts, body) = r.into_parts();
    let Ok(bytes) = axum::body::to_bytes(body, MAX_ERROR_BODY).await else {
        // Only an over-long or broken body; nothing to add to.
        return (parts.status, "").into_response();
    };
    let out = if json {
        match serde_json::from_slice::<serde_json::Value>(&bytes) {
            Ok(serde_json::Value::Object(mut m)) if !m.contains_key("error_id") => {
                m.insert("error_id".into(), serde_json::Value::String(id));
                serde_json::to_vec(&m).ok()
            }
            _ => None,
        }
    } else {
        let lang = parts
            .headers
            .get(header::CONTENT_LANGUAGE)
            .and_then(|v| v.to_str().ok())
            .and_then(model::Lang::parse)
            .unwrap_or_default();
        let label = crate::i18n::t(lang, "error.reference");
        let page = String::from_utf8_lossy(&bytes);
        match page.rfind("</main>") {
            Some(at) if !page.contains(label) => {
                let line = format!(
                    "<p class=\"note\">{label} <code>{}</code></p>",
                    crate::html::esc(&id)
                );
                Some(format!("{}{line}{}", &page[..at], &page[at..]).into_bytes())
            }
            _ => None,
        }
    };
    let body = out.unwrap_or_else(|| bytes.to_vec());
    parts.headers.remove(header::CONTENT_LENGTH);
    Response::from_parts(parts, axum::body::Body::from(body))
}

/// 503 when a request takes longer than the limit. Engine work runs on the
/// blocking pool, so the timer fires even while a computation is busy.
pub async fn timeout(limits: Limits, req: Request, next: Next) -> Response {
    // The time includes receiving the body: a client whose upload trickles
    // is told so, not only that the server was slow (robustness probe 19).
    let has_body = req
        .headers()
        .get(header::CONTENT_LENGTH)
        .and_then(|v| v.to_str().ok())
        .is_some_and(|v| v.trim() != "0")
        || req.headers().contains_key(header::TRANSFER_ENCODING);
    // A zero budget refuses all work up front: tokio's timer only fires on its
    // next tick, so fast work could otherwise slip through a zero deadline.
    let out = if limits.timeout.is_zero() {
        Err(())
    } else {
        tokio::time::timeout(limits.timeout, next.run(req))
            .await
            .map_err(|_| ())
    };
    match out {
        Ok(r) => r,
        Err(()) => ApiError::new(
            StatusCode::SERVICE_UNAVAILABLE,
            "timeout",
            format!(
                "the request took longer than {} ms{}",
                limits.timeout.as_millis(),
                if has_body {
                    " (receiving its body included: a slow upload counts)"
                } else {
                    ""
                }
            ),
        )
        .into_response(),
    }
}

/// Content-Security-Policy: our own scripts and styles only, no inline script,
/// no framing. Inline SVG needs nothing more.
const CSP: &str = "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; \
connect-src 'self'; form-action 'self'; base-uri 'none'; frame-ancestors 'none'";

/// The same policy for the `/embed/…` views, which any site may frame: the
/// only difference is `frame-ancestors *` (and no `X-Frame-Options`).
const CSP_EMBED: &str = "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; \
connect-src 'self'; form-action 'self'; base-uri 'none'; frame-ancestors *";

/// Whether a response to `path` may be shown inside another site's frame:
/// only the embed views (journalist's kit), never a page with forms or the API.
pub fn framable(path: &str) -> bool {
    path.starts_with(crate::kit::embed::PREFIX) && !path.contains("/../")
}

pub async fn security_headers(req: Request, next: Next) -> Response {
    let embed = framable(req.uri().path());
    let mut r = next.run(req).await;
    let h = r.headers_mut();
    h.insert(
        header::X_CONTENT_TYPE_OPTIONS,
        HeaderValue::from_static("nosniff"),
    );
    if embed {
        h.remove(header::X_FRAME_OPTIONS);
    } else {
        h.insert(header::X_FRAME_OPTIONS, HeaderValue::from_static("DENY"));
    }
    h.insert(
        header::REFERRER_POLICY,
        HeaderValue::from_static("no-referrer"),
    );
    h.insert(
        header::CONTENT_SECURITY_POLICY,
        HeaderValue::from_static(if embed { CSP_EMBED } else { CSP }),
    );
    r
}

/// Failed admin-token attempts allowed per [`AUTH_WINDOW`]; beyond that every
/// attempt gets 429 until the window ends (a guesser gets a few tries a
/// minute instead of 55,000 a second).
pub const AUTH_FAILURES: u32 = 5;
pub const AUTH_WINDOW: Duration = Duration::from_secs(60);

/// Counts failed token attempts in the current window (server-wide: the
/// token is server-wide too).
#[derive(Default)]
pub struct AuthThrottle {
    inner: Mutex<Option<(Instant, u32)>>,
}

impl AuthThrottle {
    fn blocked(&self) -> bool {
        let g = self.inner.lock().unwrap_or_else(|e| e.into_inner());
        matches!(*g, Some((start, n)) if start.elapsed() < AUTH_WINDOW && n >= AUTH_FAILURES)
    }

    fn failed(&self) -> u32 {
        let mut g = self.inner.lock().unwrap_or_else(|e| e.into_inner());
        let n = match *g {
            Some((start, n)) if start.elapsed() < AUTH_WINDOW => n + 1,
            _ => 1,
        };
        let start = match *g {
            Some((start, _)) if start.elapsed() < AUTH_WINDOW => start,
            _ => Instant::now(),
        };
        *g = Some((start, n));
        n
    }
}

/// [`check_admin`] with the rate limit and a log line per failed attempt.
pub fn authorize(
    st: &AppState,
    headers: &HeaderMap,
    peer: Option<SocketAddr>,
) -> Result<(), ApiError> {
    let peer = peer.map_or_else(|| "unknown".to_string(), |a| a.to_string());
    if st.admin_token.is_some() && st.auth.blocked() {
        tracing::warn!(%peer, "admin request refused: too many failed token attempts");
        return Err(ApiError::new(
            StatusCode::TOO_MANY_REQUESTS,
            "too_many_attempts",
            format!(
                "more than {AUTH_FAILURES} wrong admin tokens in {} s; try again later",
                AUTH_WINDOW.as_secs()
            ),
        ));
    }
    let r = check_admin(st.admin_token.as_deref(), headers);
    if let Err(e) = &r
        && st.admin_token.is_some()
    {
        let n = st.auth.failed();
        tracing::warn!(%peer, error = e.error, failures = n, "admin token check failed");
    }
    r
}

/// Checks `Authorization: Bearer <token>` against the configured admin token.
/// No token configured: 403 (the server is read-only). Missing or malformed
/// header: 401. Wrong token: 403.
pub fn check_admin(configured: Option<&str>, headers: &HeaderMap) -> Result<(), ApiError> {
    let Some(expected) = configured else {
        return Err(ApiError::new(
            StatusCode::FORBIDDEN,
            "read_only",
            "this server is read-only: start it with --admin-token (or ARMSFLOW_ADMIN_TOKEN) to allow imports",
        ));
    };
    let given = headers
        .get(header::AUTHORIZATION)
        .and_then(|v| v.to_str().ok())
        .and_then(|v| v.strip_prefix("Bearer "))
        .map(str::trim);
    match given {
        None => Err(ApiError::new(
            StatusCode::UNAUTHORIZED,
            "unauthorized",
            "send the admin token as `Authorization: Bearer <token>`",
        )),
        Some(t) if constant_time_eq(t.as_bytes(), expected.as_bytes()) => Ok(()),
        Some(_) => Err(ApiError::new(
            StatusCode::FORBIDDEN,
            "forbidden",
            "wrong admin token",
        )),
    }
}

/// Compares SHA-256 digests without an early exit, so timing leaks neither
/// the token's prefix nor its length.
fn constant_time_eq(a: &[u8], b: &[u8]) -> bool {
    use sha2::{Digest, Sha256};
    let (x, y) = (Sha256::digest(a), Sha256::digest(b));
    std::hint::black_box(
        x.iter()
            .zip(y.iter())
            .fold(0u8, |acc, (p, q)| acc | (p ^ q)),
    ) == 0
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn admin_check() {
        let mut h = HeaderMap::new();
        assert_eq!(
            check_admin(None, &h).unwrap_err().status,
            StatusCode::FORBIDDEN
        );
        assert_eq!(
            check_admin(Some("s3cret"), &h).unwrap_err().status,
            StatusCode::UNAUTHORIZED
        );
        h.insert(
            header::AUTHORIZATION,
            HeaderValue::from_static("Bearer nope"),
        );
        assert_eq!(
            check_admin(Some("s3cret"), &h).unwrap_err().status,
            StatusCode::FORBIDDEN
        );
        h.insert(
            header::AUTHORIZATION,
            HeaderValue::from_static("Bearer s3cret"),
        );
        assert!(check_admin(Some("s3cret"), &h).is_ok());
        h.insert(
            header::AUTHORIZATION,
            HeaderValue::from_static("Basic s3cret"),
        );
        assert_eq!(
            check_admin(Some("s3cret"), &h).unwrap_err().status,
            StatusCode::UNAUTHORIZED
        );
    }

    #[test]
    fn hosts() {
        let a = loopback_hosts(&["armsflow.example.org".into()]);
        for ok in [
            "localhost",
            "localhost:8080",
            "127.0.0.1:1",
            "[::1]:8080",
            "[::1]",
            "LOCALHOST",
            "armsflow.example.org",
            "armsflow.example.org:443",
        ] {
            assert!(host_allowed(&a, ok), "{ok}");
        }
        for bad in [
            "evil.example",
            "evil.example:8080",
            "127.0.0.2",
            "localhost.evil",
            "",
            "[::2]:80",
        ] {
            assert!(!host_allowed(&a, bad), "{bad}");
        }
    }

    #[test]
    fn ct_eq() {
        assert!(constant_time_eq(b"abc", b"abc"));
        assert!(!constant_time_eq(b"abc", b"abd"));
        assert!(!constant_time_eq(b"abc", b"ab"));
    }
}
