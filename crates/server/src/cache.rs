//! Conditional GETs and the response cache.
//!
//! A GET's answer depends only on the release it is computed over, its path and
//! its query (plus the release listing, for pages that show the picker), so the
//! ETag is the release id plus a hash of those, `If-None-Match` is answered
//! with 304 before any work, and a computed 200 body is kept for the next hit.
//! `Cache-Control` follows the release: a pinned `?release=ID` never changes
//! (immutable), "latest" may move on the next import (revalidate after a minute).

use crate::state::AppState;
use axum::body::{Body, Bytes};
use axum::extract::{Request, State};
use axum::http::{HeaderMap, HeaderValue, Method, StatusCode, header};
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};
use std::collections::HashMap;
use std::sync::{Arc, RwLock};

/// Entries kept before the cache is cleared (a cheap, predictable bound). A
/// dashboard's hot set is a few hundred pages and queries; the bound is low so
/// that memory plateaus within minutes even under a stream of fresh queries.
const MAX_ENTRIES: usize = 8_000;
/// Bytes kept before the cache is cleared.
const MAX_BYTES: usize = 32 * 1024 * 1024;
/// Larger bodies are served but not cached.
const MAX_ENTRY_BYTES: usize = 4 * 1024 * 1024;

#[derive(Clone)]
struct Entry {
    body: Bytes,
    content_type: HeaderValue,
    etag: HeaderValue,
}

#[derive(Default)]
pub struct ResponseCache {
    inner: RwLock<Inner>,
}

#[derive(Default)]
struct Inner {
    map: HashMap<String, Entry>,
    bytes: usize,
}

impl ResponseCache {
    fn get(&self, key: &str) -> Option<Entry> {
        self.inner
            .read()
            .unwrap_or_else(|e| e.into_inner())
            .map
            .get(key)
            .cloned()
    }

    fn put(&self, key: String, e: Entry) {
        let mut g = self.inner.write().unwrap_or_else(|e| e.into_inner());
        if g.map.len() >= MAX_ENTRIES || g.bytes + e.body.len() > MAX_BYTES {
            g.map.clear();
            g.bytes = 0;
        }
        g.bytes += e.body.len();
        if let Some(old) = g.map.insert(key, e) {
            g.bytes -= old.body.len();
        }
    }

    pub fn len(&self) -> usize {
        self.inner
            .read()
            .unwrap_or_else(|e| e.into_inner())
            .map
            .len()
    }

    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }
}

/// FNV-1a, 64 bit: stable across builds and runs, unlike `DefaultHasher`, so
/// ETags survive a restart.
pub fn fnv1a(bytes: &[u8]) -> u64 {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for &b in bytes {
        h ^= b as u64;
        h = h.wrapping_mul(0x0100_0000_01b3);
    }
    h
}

/// The query with its `&`-separated pairs sorted, so `a=1&b=2` and `b=2&a=1`
/// share an entry. Empty pairs are dropped.
pub fn canonical_query(q: &str) -> String {
    let mut parts: Vec<&str> = q.split('&').filter(|p| !p.is_empty()).collect();
    parts.sort_unstable();
    parts.join("&")
}

/// The `release` parameter of a raw query, if any.
fn release_param(q: &str) -> Option<String> {
    form_urlencoded::parse(q.as_bytes())
        .find(|(k, _)| k == "release")
        .map(|(_, v)| v.into_owned())
}

fn cache_control(pinned: bool) -> HeaderValue {
    if pinned {
        HeaderValue::from_static("public, max-age=86400, immutable")
    } else {
        HeaderValue::from_static("public, max-age=60, must-revalidate")
    }
}

fn etag_matches(headers: &HeaderMap, etag: &HeaderValue) -> bool {
    let Some(v) = headers
        .get(header::IF_NONE_MATCH)
        .and_then(|v| v.to_str().ok())
    else {
        return false;
    };
    let want = etag.to_str().unwrap_or("");
    v.split(',')
        .map(str::trim)
        .any(|t| t == "*" || t.trim_start_matches("W/") == want)
}

/// Middleware for every GET except assets: ETag, 304 and the response cache.
pub async fn conditional_get(
    State(state): State<Arc<AppState>>,
    req: Request,
    next: Next,
) -> Response {
    if req.method() != Method::GET && req.method() != Method::HEAD {
        return next.run(req).await;
    }
    let path = req.uri().path().to_string();
    if path.starts_with("/assets/") {
        return next.run(req).await;
    }
    let query = req.uri().query().unwrap_or("").to_string();
    let requested = release_param(&query);
    // An unknown release is the handler's error to report; don't cache it.
    let Ok(release_id) = state.resolve_id(requested.as_deref()) else {
        return next.run(req).await;
    };
    let pinned = requested.is_some_and(|r| !r.trim().is_empty());
    let key = format!(
        "{}|{}|{}?{}",
        state.generation(),
        release_id,
        path,
        canonical_query(&query)
    );
    let etag_str = format!("\"{}.{:016x}\"", release_id, fnv1a(key.as_bytes()));
    let Ok(etag) = HeaderValue::from_str(&etag_str) else {
        return next.run(req).await;
    };
    let cc = cache_control(pinned);
    if etag_matches(req.headers(), &etag) {
        let mut r = StatusCode::NOT_MODIFIED.into_response();
        r.headers_mut().insert(header::ETAG, etag);
        r.headers_mut().insert(header::CACHE_CONTROL, cc);
        return r;
    }
    if let Some(e) = state.cache.get(&key) {
        return respond(e, cc);
    }
    let resp = next.run(req).await;
    if resp.status() != StatusCode::OK {
        return resp;
    }
    let (parts, body) = resp.into_parts();
    // Our own handlers made this body, in memory already: no limit needed here.
    let Ok(bytes) = axum::body::to_bytes(body, usize::MAX).await else {
        return crate::error::ApiError::internal("response body failed").into_response();
    };
    let content_type = parts
        .headers
        .get(header::CONTENT_TYPE)
        .cloned()
        .unwrap_or(HeaderValue::from_static("application/octet-stream"));
    let entry = Entry {
        body: bytes,
        content_type,
        etag,
    };
    if entry.body.len() <= MAX_ENTRY_BYTES {
        state.cache.put(key, entry.clone());
    }
    let mut r = respond(entry, cc);
    // Keep any other header the handler set.
    for (k, v) in parts.headers.iter() {
        if !r.headers().contains_key(k) {
            r.headers_mut().insert(k.clone(), v.clone());
        }
    }
    r
}

fn respond(e: Entry, cc: HeaderValue) -> Response {
    let mut r = Response::new(Body::from(e.body));
    let h = r.headers_mut();
    h.insert(header::CONTENT_TYPE, e.content_type);
    h.insert(header::ETAG, e.etag);
    h.insert(header::CACHE_CONTROL, cc);
    r
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn canonical_query_sorts() {
        assert_eq!(canonical_query("b=2&a=1&"), "a=1&b=2");
        assert_eq!(canonical_query(""), "");
    }

    #[test]
    fn fnv_is_stable() {
        assert_eq!(fnv1a(b""), 0xcbf2_9ce4_8422_2325);
        assert_ne!(fnv1a(b"a"), fnv1a(b"b"));
    }

    #[test]
    fn if_none_match_forms() {
        let etag = HeaderValue::from_static("\"r.1\"");
        let mut h = HeaderMap::new();
        h.insert(
            header::IF_NONE_MATCH,
            HeaderValue::from_static("W/\"r.1\", \"x\""),
        );
        assert!(etag_matches(&h, &etag));
        h.insert(header::IF_NONE_MATCH, HeaderValue::from_static("\"x\""));
        assert!(!etag_matches(&h, &etag));
    }
}
