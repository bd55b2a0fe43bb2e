//! Defensive middleware: query-size limit, request timeout, security headers
//! and the admin-token check. Body limits are axum's `DefaultBodyLimit`, set in
//! [`crate::routes::router`].

use crate::Limits;
use crate::error::ApiError;
use axum::extract::Request;
use axum::http::{HeaderMap, HeaderValue, StatusCode, header};
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};

/// Longest request path accepted (our paths are short; a long one is an attack or a mistake).
pub const MAX_PATH: usize = 512;

/// 414 for an oversized query string or path, before any parsing.
pub async fn limit_uri(limits: Limits, req: Request, next: Next) -> Response {
    let q = req.uri().query().map_or(0, str::len);
    if q > limits.max_query || req.uri().path().len() > MAX_PATH {
        return ApiError::new(
            StatusCode::URI_TOO_LONG,
            "uri_too_long",
            format!(
                "query string of {q} bytes is over the limit of {} bytes",
                limits.max_query
            ),
        )
        .into_response();
    }
    next.run(req).await
}

/// 503 when a request takes longer than the limit. Engine work runs on the
/// blocking pool, so the timer fires even while a computation is busy.
pub async fn timeout(limits: Limits, req: Request, next: Next) -> Response {
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
                "the request took longer than {} ms",
                limits.timeout.as_millis()
            ),
        )
        .into_response(),
    }
}

/// Content-Security-Policy: our own scripts and styles only, no inline script,
/// no framing. Inline SVG needs nothing more.
const CSP: &str = "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; \
connect-src 'self'; form-action 'self'; base-uri 'none'; frame-ancestors 'none'";

pub async fn security_headers(req: Request, next: Next) -> Response {
    let mut r = next.run(req).await;
    let h = r.headers_mut();
    h.insert(
        header::X_CONTENT_TYPE_OPTIONS,
        HeaderValue::from_static("nosniff"),
    );
    h.insert(header::X_FRAME_OPTIONS, HeaderValue::from_static("DENY"));
    h.insert(
        header::REFERRER_POLICY,
        HeaderValue::from_static("no-referrer"),
    );
    h.insert(
        header::CONTENT_SECURITY_POLICY,
        HeaderValue::from_static(CSP),
    );
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

/// Compares without an early exit, so timing does not leak the token's prefix.
fn constant_time_eq(a: &[u8], b: &[u8]) -> bool {
    if a.len() != b.len() {
        return false;
    }
    a.iter().zip(b).fold(0u8, |acc, (x, y)| acc | (x ^ y)) == 0
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
    fn ct_eq() {
        assert!(constant_time_eq(b"abc", b"abc"));
        assert!(!constant_time_eq(b"abc", b"abd"));
        assert!(!constant_time_eq(b"abc", b"ab"));
    }
}
