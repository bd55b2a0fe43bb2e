//! Conditional GETs and the response cache.
//!
//! A GET's answer depends only on the release it is computed over, its path and
//! its query (plus the release listing, for pages that show the picker), so the
//! ETag is the release id plus a hash of those, `If-None-Match` is answered
//! with 304 before any work, and a computed 200 body is kept for the next hit.
//! `Cache-Control` follows the release: a pinned `?release=ID` API answer or
//! chart never changes (immutable); "latest" may move on the next import, and
//! a page lists the stored releases (both revalidate after a minute).

use crate::error::ApiError;
use crate::params::Params;
use crate::state::AppState;
use crate::strict::MULTI;
use axum::body::{Body, Bytes};
use axum::extract::{Request, State};
use axum::http::{HeaderMap, HeaderValue, Method, StatusCode, header};
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};
use std::sync::Arc;

/// Bytes of response bodies kept (quick_cache evicts the coldest entries
/// when full, instead of emptying itself).
const MAX_BYTES: u64 = 32 * 1024 * 1024;
/// Expected entries, for sizing the cache's tables.
const EXPECTED_ENTRIES: usize = 8_000;
/// Larger bodies are served but not cached.
const MAX_ENTRY_BYTES: usize = 4 * 1024 * 1024;

/// Part of every key and ETag: a new program version may compute differently.
pub const VERSION: &str = env!("CARGO_PKG_VERSION");

#[derive(Clone)]
pub struct Entry {
    body: Bytes,
    content_type: HeaderValue,
    etag: HeaderValue,
    /// Headers that are part of the answer (a CSV's provenance and file
    /// name): a cache hit must carry them as the first answer did.
    extra: Vec<(axum::http::HeaderName, HeaderValue)>,
}

#[derive(Clone)]
struct Weigh;

impl quick_cache::Weighter<String, Entry> for Weigh {
    fn weight(&self, key: &String, val: &Entry) -> u64 {
        (key.len() + val.body.len() + 64) as u64
    }
}

/// Computed GET bodies by key. Identical concurrent misses compute once: the
/// first holds a placeholder, the others wait for its value.
pub struct ResponseCache {
    inner: quick_cache::sync::Cache<String, Entry, Weigh>,
}

impl Default for ResponseCache {
    fn default() -> Self {
        ResponseCache {
            inner: quick_cache::sync::Cache::with_weighter(EXPECTED_ENTRIES, MAX_BYTES, Weigh),
        }
    }
}

impl ResponseCache {
    pub fn len(&self) -> usize {
        self.inner.len()
    }

    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// Bytes held (keys and bodies).
    pub fn weight(&self) -> u64 {
        self.inner.weight()
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

/// The query as handlers see it: per name (sorted), the first non-blank
/// trimmed value, or every value for list parameters. Two queries with the
/// same canonical form get the same answer, and no others do.
pub fn canonical_query(q: &str) -> String {
    canonical_query_of(q, None)
}

/// [`canonical_query`] restricted to `declared` names (the parameters the
/// route's query struct declares; the handler sees no others), so junk
/// parameters neither split nor flood the cache.
pub fn canonical_query_of(q: &str, declared: Option<&[String]>) -> String {
    let p = Params::parse(q);
    let mut names = p.names();
    if let Some(d) = declared {
        names.retain(|n| d.iter().any(|x| x == n));
    }
    names.sort_unstable();
    names.dedup();
    let mut out = form_urlencoded::Serializer::new(String::new());
    for n in names {
        if MULTI.contains(&n) {
            for v in p.get_all(n) {
                out.append_pair(n, v);
            }
        } else if let Some(v) = p.get(n) {
            out.append_pair(n, v);
        }
    }
    out.finish()
}

fn cache_control(pinned: bool) -> HeaderValue {
    if pinned {
        HeaderValue::from_static("public, max-age=86400, immutable")
    } else {
        HeaderValue::from_static("public, max-age=60, must-revalidate")
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Cond {
    /// No `If-None-Match`, or no tag of it matches.
    None,
    /// `*`: matches only if the resource exists, which needs the answer.
    Any,
    Match,
}

fn if_none_match(headers: &HeaderMap, etag: &HeaderValue) -> Cond {
    let Some(v) = headers
        .get(header::IF_NONE_MATCH)
        .and_then(|v| v.to_str().ok())
    else {
        return Cond::None;
    };
    // Weak comparison (RFC 9110 §13.1.2), as If-None-Match asks.
    let want = etag.to_str().unwrap_or("").trim_start_matches("W/");
    let tags: Vec<&str> = v.split(',').map(str::trim).collect();
    if tags.iter().any(|t| t.trim_start_matches("W/") == want) {
        Cond::Match
    } else if tags.contains(&"*") {
        Cond::Any
    } else {
        Cond::None
    }
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
    // Health reports the state of the data dir now (a load that found damage
    // a moment ago, seconds since the last re-read): never from the cache
    // (API probe 14: "ok" for a minute after a 409).
    if path.starts_with("/assets/") || path == "/api/health" {
        return next.run(req).await;
    }
    let query = req.uri().query().unwrap_or("").to_string();
    let requested = Params::parse(&query).release().map(str::to_string);
    // An unknown release is the handler's error to report; don't cache it.
    let Ok(release_id) = state.resolve_id(requested.as_deref()) else {
        return next.run(req).await;
    };
    let pinned = requested.is_some();
    let declared = req
        .extensions()
        .get::<axum::extract::MatchedPath>()
        .and_then(|m| declared_params(m.as_str()));
    // Pages are written in the negotiated language; API answers are not.
    let lang = if path.starts_with("/api/") {
        "-"
    } else {
        req.extensions()
            .get::<model::Lang>()
            .copied()
            .unwrap_or_default()
            .code()
    };
    // Checked before the cache, which keys on the declared parameters only:
    // a misspelt one must not be answered from an entry without it.
    if crate::strict::strict(&path)
        && let Some(d) = &declared
        && let Err(e) = crate::strict::check_api_query(&query, d.iter().map(String::as_str))
    {
        return e.into_response();
    }
    // A page refuses such a parameter itself, in its layout and language.
    if !crate::strict::strict(&path)
        && let Some(d) = &declared
        && crate::strict::check_page_query(&query, d.iter().map(String::as_str)).is_err()
    {
        return next.run(req).await;
    }
    let key = format!(
        "{VERSION}|{}|{}|{}|{}?{}",
        state.generation(),
        release_id,
        lang,
        path,
        canonical_query_of(&query, declared.as_deref().map(Vec::as_slice))
    );
    // Weak: the same tag is sent for the gzip, brotli and identity
    // encodings of one answer (compression runs outside this layer).
    let etag_str = format!(
        "W/\"{}.{VERSION}.{:016x}\"",
        release_id,
        fnv1a(key.as_bytes())
    );
    let Ok(etag) = HeaderValue::from_str(&etag_str) else {
        return next.run(req).await;
    };
    // A page pinned to a release still changes with the store: its release
    // picker and damage banners list the stored releases (server probe 33:
    // a day-long immutable page showed a stale picker). Its figures do not,
    // so it revalidates cheaply through the ETag, which follows the listing.
    let page = !path.starts_with("/api/") && !path.starts_with("/export/");
    let cc = cache_control(pinned && !page);
    let cond = if_none_match(req.headers(), &etag);
    if cond == Cond::Match {
        return not_modified(etag, cc);
    }
    let guard = match state.cache.inner.get_value_or_guard_async(&key).await {
        // `If-None-Match: *` matches any current representation: one exists.
        Ok(_) if cond == Cond::Any => return not_modified(etag, cc),
        Ok(e) => return respond(e, cc),
        Err(g) => g,
    };
    let resp = next.run(req).await;
    if resp.status() != StatusCode::OK {
        return resp;
    }
    if cond == Cond::Any {
        return not_modified(etag, cc);
    }
    let (parts, body) = resp.into_parts();
    let max = state.limits.max_response;
    let Ok(bytes) = axum::body::to_bytes(body, max).await else {
        return ApiError::new(
            StatusCode::UNPROCESSABLE_ENTITY,
            "response_too_large",
            format!(
                "the answer is over the limit of {max} bytes (max_response): narrow the query (a smaller 'limit', a country or a period)"
            ),
        )
        .into_response();
    };
    let content_type = parts
        .headers
        .get(header::CONTENT_TYPE)
        .cloned()
        .unwrap_or(HeaderValue::from_static("application/octet-stream"));
    let extra = parts
        .headers
        .iter()
        .filter(|(k, _)| k.as_str().starts_with("x-armsflow-") || *k == header::CONTENT_DISPOSITION)
        .map(|(k, v)| (k.clone(), v.clone()))
        .collect();
    let entry = Entry {
        body: bytes,
        content_type,
        etag,
        extra,
    };
    if entry.body.len() <= MAX_ENTRY_BYTES {
        let _ = guard.insert(entry.clone());
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

/// The query parameters the GET route `route` declares (from the route
/// table), computed once per route.
fn declared_params(route: &str) -> Option<Arc<Vec<String>>> {
    use std::collections::HashMap;
    use std::sync::{OnceLock, RwLock};
    static TABLE: OnceLock<RwLock<HashMap<String, Arc<Vec<String>>>>> = OnceLock::new();
    let t = TABLE.get_or_init(Default::default);
    if let Some(v) = t.read().unwrap_or_else(|e| e.into_inner()).get(route) {
        return Some(v.clone());
    }
    let e = crate::routes::ENDPOINTS
        .iter()
        .find(|e| e.method == "get" && e.path == route)?;
    let names: Arc<Vec<String>> = Arc::new((e.params)().into_iter().map(|p| p.name).collect());
    t.write()
        .unwrap_or_else(|e| e.into_inner())
        .insert(route.to_string(), names.clone());
    Some(names)
}

fn not_modified(etag: HeaderValue, cc: HeaderValue) -> Response {
    let mut r = StatusCode::NOT_MODIFIED.into_response();
    r.headers_mut().insert(header::ETAG, etag);
    r.headers_mut().insert(header::CACHE_CONTROL, cc);
    r
}

fn respond(e: Entry, cc: HeaderValue) -> Response {
    let mut r = Response::new(Body::from(e.body));
    let h = r.headers_mut();
    h.insert(header::CONTENT_TYPE, e.content_type);
    h.insert(header::ETAG, e.etag);
    h.insert(header::CACHE_CONTROL, cc);
    for (k, v) in e.extra {
        h.insert(k, v);
    }
    r
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn canonical_query_is_what_handlers_read() {
        assert_eq!(canonical_query("b=2&a=1&"), "a=1&b=2");
        assert_eq!(canonical_query(""), "");
        // Handlers take the first non-blank value: order matters, blanks don't.
        assert_ne!(
            canonical_query("period=2000-2004&period=2020-2024"),
            canonical_query("period=2020-2024&period=2000-2004")
        );
        assert_eq!(
            canonical_query("period=&period=2020-2024"),
            canonical_query("period=2020-2024")
        );
        assert_eq!(
            canonical_query("country=%20KAZ"),
            canonical_query("country=KAZ")
        );
        // List parameters keep every value.
        assert_ne!(
            canonical_query("group=A&group=B"),
            canonical_query("group=A")
        );
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
        assert_eq!(if_none_match(&h, &etag), Cond::Match);
        h.insert(header::IF_NONE_MATCH, HeaderValue::from_static("\"x\""));
        assert_eq!(if_none_match(&h, &etag), Cond::None);
        h.insert(header::IF_NONE_MATCH, HeaderValue::from_static("*"));
        assert_eq!(if_none_match(&h, &etag), Cond::Any);
    }
}
