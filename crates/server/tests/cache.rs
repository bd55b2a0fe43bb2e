//! Regressions of issue 12 in the response cache: the key follows what
//! handlers read, ETags carry the program version, `If-None-Match: *` needs
//! the resource, identical misses compute once, answers are bounded.

use crate::common::{assert_error, get, send, state_at};
use axum::Router;
use axum::body::Body;
use axum::http::{Request, StatusCode};
use server::{AppState, Limits};
use std::sync::Arc;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::Duration;

fn demo_with(limits: Limits) -> (tempfile::TempDir, Arc<AppState>) {
    let tmp = tempfile::tempdir().unwrap();
    let st = state_at(tmp.path(), None, limits);
    (tmp, st)
}

fn demo() -> (tempfile::TempDir, Arc<AppState>, Router) {
    let (tmp, st) = demo_with(Limits::default());
    let app = server::app(st.clone());
    (tmp, st, app)
}

#[tokio::test]
async fn cache_key_follows_the_parameters_handlers_read() {
    let (_t, _st, app) = demo();
    let a = get(&app, "/api/top?period=2000-2004&limit=5").await;
    let b = get(&app, "/api/top?limit=5&period=2020-2024").await;
    assert_eq!(a.status, StatusCode::OK);
    assert_eq!(
        a.json()["filter"]["period"]["label"],
        "2000-2004",
        "{}",
        a.text()
    );
    assert_eq!(b.json()["filter"]["period"]["label"], "2020-2024");
    assert_ne!(a.headers["etag"], b.headers["etag"]);
    // Two different values of one parameter are refused, not cached.
    let twice = get(&app, "/api/top?period=2000-2004&period=2020-2024").await;
    assert_error(&twice, StatusCode::BAD_REQUEST);
    // Blank repeats and padding do not change the answer (one entry).
    let c = get(&app, "/api/top?limit=5&period=&period=%202000-2004").await;
    assert_eq!(c.headers["etag"], a.headers["etag"]);
}

#[tokio::test]
async fn etag_carries_the_program_version() {
    let (_t, _st, app) = demo();
    let r = get(&app, "/api/top").await;
    let etag = r.headers["etag"].to_str().unwrap();
    assert!(etag.contains(env!("CARGO_PKG_VERSION")), "{etag}");
}

#[tokio::test]
async fn if_none_match_star_for_an_unknown_country_is_404() {
    let (_t, _st, app) = demo();
    let req = |uri: &str| {
        Request::get(uri)
            .header("if-none-match", "*")
            .body(Body::empty())
            .unwrap()
    };
    assert_eq!(
        send(&app, req("/api/imports?country=Atlantis"))
            .await
            .status,
        StatusCode::NOT_FOUND
    );
    assert_eq!(
        send(&app, req("/api/imports?country=KAZ")).await.status,
        StatusCode::NOT_MODIFIED
    );
}

#[tokio::test]
async fn identical_concurrent_misses_compute_once() {
    let (_t, st) = demo_with(Limits::default());
    let calls = Arc::new(AtomicUsize::new(0));
    let c2 = calls.clone();
    let app: Router = Router::new()
        .route(
            "/api/slow",
            axum::routing::get(move || {
                let c = c2.clone();
                async move {
                    c.fetch_add(1, Ordering::SeqCst);
                    tokio::time::sleep(Duration::from_millis(200)).await;
                    "done"
                }
            }),
        )
        .layer(axum::middleware::from_fn_with_state(
            st,
            server::cache::conditional_get,
        ));
    let mut hs = Vec::new();
    for _ in 0..8 {
        let app = app.clone();
        hs.push(tokio::spawn(async move {
            get(&app, "/api/slow?x=1").await.status
        }));
    }
    for h in hs {
        assert_eq!(h.await.unwrap(), StatusCode::OK);
    }
    assert_eq!(calls.load(Ordering::SeqCst), 1);
}

#[tokio::test]
async fn oversized_answer_is_a_422_naming_the_limit() {
    let (_t, st) = demo_with(Limits {
        max_response: 2_000,
        ..Limits::default()
    });
    let app = server::app(st);
    let j = assert_error(
        &get(&app, "/api/top?limit=500").await,
        StatusCode::UNPROCESSABLE_ENTITY,
    );
    assert_eq!(j["error"], "response_too_large");
}

#[tokio::test]
async fn undeclared_parameters_share_the_cached_answer() {
    // Page handlers never see undeclared parameters (tracking tags of a
    // shared link), so they must not split (or flood) the cache either. The
    // API refuses them.
    let (_t, _st, app) = demo();
    let a = get(&app, "/world?period=2020-2024").await;
    let b = get(&app, "/world?period=2020-2024&junk=1&x=2").await;
    assert_eq!(a.status, StatusCode::OK);
    assert_eq!(a.headers["etag"], b.headers["etag"]);
    let c = get(&app, "/world?period=2015-2019").await;
    assert_ne!(a.headers["etag"], c.headers["etag"]);
    let r = get(&app, "/api/top?limit=3&junk=1").await;
    assert_error(&r, StatusCode::BAD_REQUEST);
}
