//! Regression tests for issue 12 (a server that holds against hostile
//! input), one per finding, keyed by a short description. Each failed on the
//! code before the fix.

use crate::common::{assert_error, get, post, send, state_at};
use axum::Router;
use axum::body::Body;
use axum::http::{Request, StatusCode};
use server::{AppState, Limits};
use std::sync::Arc;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::{Duration, Instant};

const CLAIM: &str = "From 2020 to 2024, 88 % of Kazakhstan's arms imports came from Russia.";

/// A server over a hand-made, non-synthetic release: claims on synthetic data
/// get no verdict at all (422), and these tests need claims checked.
fn demo_with(limits: Limits) -> (tempfile::TempDir, Arc<AppState>) {
    let tmp = crate::common::handmade_dir();
    let st = state_at(tmp.path(), None, limits);
    (tmp, st)
}

fn demo() -> (tempfile::TempDir, Arc<AppState>, Router) {
    let (tmp, st) = demo_with(Limits::default());
    let app = server::app(st.clone());
    (tmp, st, app)
}

#[tokio::test]
async fn run_on_sentence_does_not_multiply_the_answer() {
    // A 250 KB run-on sentence once answered 675 MB: every claim repeated it.
    let (_t, _st, app) = demo();
    // One claim per clause, all in one sentence (as the attack's 2,629 claims).
    let text = (0..300)
        .map(|i| {
            format!(
                "in 2020-2024 Russia supplied {}.{} % of Kazakhstan's arms imports",
                i % 100,
                i % 10
            )
        })
        .collect::<Vec<_>>()
        .join(", ");
    let r = post(&app, "/api/claims", "text/plain", text.clone()).await;
    assert_eq!(
        r.status,
        StatusCode::OK,
        "{}",
        &r.text()[..200.min(r.body.len())]
    );
    assert!(
        r.body.len() < 16 * 1024,
        "answer of {} bytes for {} bytes of text",
        r.body.len(),
        text.len()
    );
    let j = r.json();
    let skipped = j["skipped"].as_array().unwrap();
    assert!(
        skipped
            .iter()
            .any(|s| s["reason"].as_str().unwrap().contains("over the limit")),
        "{j}"
    );
}

#[tokio::test]
async fn claims_answer_prints_each_sentence_once() {
    let (_t, _st, app) = demo();
    let text = vec![CLAIM; 150].join(" ");
    let r = post(&app, "/api/claims", "text/plain", text.clone()).await;
    assert_eq!(r.status, StatusCode::OK, "{}", r.text());
    let j = r.json();
    let claims = j["claims"].as_array().unwrap();
    let sentences = j["sentences"].as_array().unwrap();
    assert_eq!(claims.len(), 150);
    assert_eq!(sentences.len(), 150);
    for c in claims {
        let i = c["sentence"]
            .as_u64()
            .expect("claims refer to sentences by index") as usize;
        assert_eq!(sentences[i]["text"], CLAIM);
    }
    // Linear: the sentences' text appears once in the answer.
    let n = r.text().matches("came from Russia.").count();
    assert_eq!(n, 150, "each sentence printed once");
}

#[tokio::test]
async fn too_many_claims_is_a_422_naming_the_limit() {
    let (_t, _st, app) = demo();
    let text = vec![CLAIM; 250].join(" ");
    let j = assert_error(
        &post(&app, "/api/claims", "text/plain", text).await,
        StatusCode::UNPROCESSABLE_ENTITY,
    );
    assert_eq!(j["error"], "too_many_claims");
    assert!(j["message"].as_str().unwrap().contains("200"), "{j}");
    // The form says so too, keeping the text.
    let form = format!("text={}", vec![CLAIM; 250].join(" ").replace(' ', "+"));
    let r = post(&app, "/claims", "application/x-www-form-urlencoded", form).await;
    assert!(r.text().contains("limit is 200"), "{}", r.status);
}

#[tokio::test]
async fn skipped_claim_like_sentences_are_listed_with_their_reason() {
    let (_t, _st, app) = demo();
    let text = format!("{CLAIM} Russia supplied 88 % of Kazakhstan's arms imports.");
    let j = post(&app, "/api/claims", "text/plain", text).await.json();
    let skipped = j["skipped"].as_array().unwrap();
    assert!(!skipped.is_empty(), "{j}");
    let i = skipped[0]["sentence"].as_u64().unwrap() as usize;
    assert!(
        j["sentences"][i]["text"]
            .as_str()
            .unwrap()
            .starts_with("Russia supplied")
    );
    assert!(!skipped[0]["reason"].as_str().unwrap().is_empty());
}

#[tokio::test]
async fn full_heavy_queue_answers_503_with_retry_after() {
    let (_t, st) = demo_with(Limits {
        heavy_running: 1,
        heavy_waiting: 0,
        ..Limits::default()
    });
    let app = server::app(st.clone());
    let (tx, rx) = std::sync::mpsc::channel::<()>();
    let st2 = st.clone();
    let busy = tokio::spawn(async move {
        st2.heavy
            .run(move |_| {
                let _ = rx.recv_timeout(Duration::from_secs(10));
                Ok(())
            })
            .await
    });
    while st.heavy.in_flight() == 0 {
        tokio::time::sleep(Duration::from_millis(5)).await;
    }
    let r = post(&app, "/api/claims", "text/plain", CLAIM).await;
    let j = assert_error(&r, StatusCode::SERVICE_UNAVAILABLE);
    assert_eq!(j["error"], "busy");
    assert!(r.headers.get("retry-after").is_some());
    let r = get(&app, "/api/switching").await;
    assert_eq!(r.status, StatusCode::SERVICE_UNAVAILABLE);
    // Light work is not starved by heavy work.
    assert_eq!(
        get(&app, "/api/imports?country=KAZ").await.status,
        StatusCode::OK
    );
    tx.send(()).unwrap();
    busy.await.unwrap().unwrap();
    assert_eq!(
        post(&app, "/api/claims", "text/plain", CLAIM).await.status,
        StatusCode::OK
    );
}

#[tokio::test]
async fn timed_out_request_cancels_its_work() {
    // The heavy slot is given back once the abandoned work sees its flag.
    let (_t, st) = demo_with(Limits::default());
    let seen = Arc::new(AtomicUsize::new(0));
    let s2 = seen.clone();
    let st2 = st.clone();
    let fut = async move {
        st2.heavy
            .run(move |c| {
                while !c.is_cancelled() {
                    std::thread::sleep(Duration::from_millis(2));
                }
                s2.fetch_add(1, Ordering::SeqCst);
                c.check()
            })
            .await
    };
    assert!(
        tokio::time::timeout(Duration::from_millis(50), fut)
            .await
            .is_err()
    );
    let t = Instant::now();
    while st.heavy.in_flight() > 0 && t.elapsed() < Duration::from_secs(5) {
        tokio::time::sleep(Duration::from_millis(5)).await;
    }
    assert_eq!(seen.load(Ordering::SeqCst), 1);
    assert_eq!(st.heavy.in_flight(), 0);
}

fn with_host(uri: &str, host: &str) -> Request<Body> {
    Request::get(uri)
        .header("host", host)
        .body(Body::empty())
        .unwrap()
}

#[tokio::test]
async fn loopback_server_refuses_foreign_host_headers() {
    let tmp = tempfile::tempdir().unwrap();
    let st = AppState::open(tmp.path(), None, Limits::default())
        .unwrap()
        .with_allowed_hosts(Some(server::harden::loopback_hosts(&[
            "armsflow.example.org".into(),
        ])));
    let app = server::app(Arc::new(st));
    for h in ["evil.example", "evil.example:8080", "127.0.0.1.nip.io"] {
        let j = assert_error(
            &send(&app, with_host("/api/health", h)).await,
            StatusCode::FORBIDDEN,
        );
        assert_eq!(j["error"], "host_not_allowed");
    }
    for h in [
        "localhost:8080",
        "127.0.0.1:9",
        "[::1]:8080",
        "armsflow.example.org",
    ] {
        assert_eq!(
            send(&app, with_host("/api/health", h)).await.status,
            StatusCode::OK,
            "{h}"
        );
    }
}

#[test]
fn short_admin_token_is_refused_at_start() {
    let tmp = tempfile::tempdir().unwrap();
    let e = AppState::open(tmp.path(), Some("x".into()), Limits::default())
        .err()
        .expect("refused");
    assert!(e.contains("16"), "{e}");
    assert!(
        AppState::open(
            tmp.path(),
            Some("0123456789abcdef".into()),
            Limits::default()
        )
        .is_ok()
    );
}

#[tokio::test]
async fn wrong_admin_tokens_are_rate_limited() {
    let tmp = tempfile::tempdir().unwrap();
    let token = "correct-horse-battery-staple";
    let app = server::app(state_at(tmp.path(), Some(token), Limits::default()));
    let try_token = |t: &str| {
        Request::post("/api/releases")
            .header("authorization", format!("Bearer {t}"))
            .body(Body::from("x"))
            .unwrap()
    };
    for _ in 0..server::harden::AUTH_FAILURES {
        assert_eq!(
            send(&app, try_token("guess-guess-guess")).await.status,
            StatusCode::FORBIDDEN
        );
    }
    let r = send(&app, try_token("guess-guess-guess")).await;
    let j = assert_error(&r, StatusCode::TOO_MANY_REQUESTS);
    assert_eq!(j["error"], "too_many_attempts");
    assert!(r.headers.get("retry-after").is_some());
    // While throttled, even the right token is not checked (no oracle).
    assert_eq!(
        send(&app, try_token(token)).await.status,
        StatusCode::TOO_MANY_REQUESTS
    );
}

/// A data dir holding one synthetic release imported from an absolute path.
fn stored_from_absolute_path(seed: u64) -> (tempfile::TempDir, String) {
    let tmp = tempfile::tempdir().unwrap();
    let mut buf = Vec::new();
    sipri::synth::write_register(&mut buf, 1, seed).unwrap();
    let opts = sipri::ReadOptions {
        file_name: "/home/someone/secret-folder/trade_register.csv".into(),
        ..Default::default()
    };
    let (rel, report) = sipri::read(&buf, &opts).unwrap();
    let id = store::Store::open(tmp.path())
        .unwrap()
        .put(&rel, &report)
        .unwrap()
        .id()
        .to_string();
    (tmp, id)
}

#[tokio::test]
async fn api_never_shows_server_paths() {
    let (tmp, id) = stored_from_absolute_path(5);
    let app = server::app(state_at(tmp.path(), None, Limits::default()));
    let dir = tmp.path().to_string_lossy().to_string();
    for uri in ["/api/releases".to_string(), format!("/api/releases/{id}")] {
        let r = get(&app, &uri).await;
        assert_eq!(r.status, StatusCode::OK);
        let t = r.text();
        assert!(
            !t.contains("secret-folder") && !t.contains(&dir),
            "{uri}: {t}"
        );
        assert!(t.contains("trade_register.csv"));
    }

    // A release damaged after the listing was read: the error says it is
    // damaged and which file (hostile-files probe: a 500 said nothing a
    // reader could act on), with an id for the server log, never the data
    // dir.
    let (tmp, id) = stored_from_absolute_path(6);
    let st = state_at(tmp.path(), None, Limits::default());
    let app = server::app(st.clone());
    let dir = tmp.path().to_string_lossy().to_string();
    for f in std::fs::read_dir(tmp.path().join("releases").join(&id)).unwrap() {
        let p = f.unwrap().path();
        if p.extension().is_some_and(|e| e == "parquet") {
            std::fs::write(&p, b"garbage").unwrap();
        }
    }
    // Health loads the default release, so it finds the damage before any
    // query (hostile-files probe 4); it was "ok" here, and must never be
    // answered from the cache (API probe 14: "ok" for a minute after a 409).
    assert_eq!(get(&app, "/api/health").await.json()["status"], "degraded");
    let r = get(&app, &format!("/api/imports?country=KAZ&release={id}")).await;
    let j = assert_error(&r, StatusCode::CONFLICT);
    assert_eq!(j["error"], "release_damaged", "{j}");
    assert!(j["error_id"].is_string(), "{j}");
    let t = r.text();
    assert!(!t.contains(&dir) && !t.contains("secret-folder"), "{t}");
    assert!(t.contains(".parquet") && t.contains("repairs it"), "{t}");
    // And the server's health says so from then on (store recheck: "ok"
    // after a 409), in /api/releases too.
    // Before and after the listing is re-read (which then finds the damage
    // itself and leaves no whole release): regression, the CI run where the
    // re-read came first answered "no release stored".
    for reread in [false, true] {
        if reread {
            st.refresh_listing();
        }
        let h = get(&app, "/api/health").await.json();
        assert_eq!(h["status"], "degraded", "{h}");
        assert_eq!(h["damaged"][0]["name"], id.as_str(), "{h}");
        let l = get(&app, "/api/releases").await.json();
        assert_eq!(l["damaged"][0]["name"], id.as_str(), "{l}");
    }
    assert!(get(&app, "/api/health").await.json()["release"].is_null());
}

#[tokio::test]
async fn long_path_error_names_the_path() {
    let (_t, _st, app) = demo();
    let r = get(&app, &format!("/country/{}", "A".repeat(600))).await;
    let j = assert_error(&r, StatusCode::URI_TOO_LONG);
    let m = j["message"].as_str().unwrap();
    assert!(
        m.contains("path") && !m.contains("query string of 0"),
        "{m}"
    );
}

#[tokio::test]
async fn oversized_upload_is_a_json_413_before_reading_it() {
    let tmp = tempfile::tempdir().unwrap();
    let st = state_at(
        tmp.path(),
        Some("0123456789abcdef0123"),
        Limits {
            max_upload: 1024,
            ..Limits::default()
        },
    );
    let app = server::app(st);
    let req = Request::post("/api/releases")
        .header("content-length", "4096")
        .header("authorization", "Bearer 0123456789abcdef0123")
        .body(Body::from(vec![b'x'; 4096]))
        .unwrap();
    let j = assert_error(&send(&app, req).await, StatusCode::PAYLOAD_TOO_LARGE);
    assert!(j["message"].as_str().unwrap().contains("1024"), "{j}");
}

#[tokio::test]
async fn responses_carry_request_ids_and_compress() {
    let (_t, _st, app) = demo();
    for enc in ["gzip", "br"] {
        let r = send(
            &app,
            Request::get("/api/top")
                .header("accept-encoding", enc)
                .body(Body::empty())
                .unwrap(),
        )
        .await;
        assert_eq!(r.status, StatusCode::OK);
        assert_eq!(r.headers["content-encoding"], enc);
        assert!(r.headers.get("x-request-id").is_some());
    }
}

#[tokio::test]
async fn health_reports_damaged_entries_and_new_releases() {
    let tmp = tempfile::tempdir().unwrap();
    let st = state_at(tmp.path(), None, Limits::default());
    let app = server::app(st.clone());
    let h = get(&app, "/api/health").await.json();
    assert_eq!(h["status"], "ok");
    assert_eq!(h["releases"], 0);
    // A release imported and a stray folder made while the server runs.
    let mut buf = Vec::new();
    sipri::synth::write_register(&mut buf, 1, 9).unwrap();
    let (rel, report) = sipri::read(&buf, &sipri::ReadOptions::default()).unwrap();
    store::Store::open(tmp.path())
        .unwrap()
        .put(&rel, &report)
        .unwrap();
    std::fs::create_dir_all(tmp.path().join("releases").join("backup")).unwrap();
    let t = Instant::now();
    let mut h = get(&app, "/api/health").await.json();
    while h["releases"] != 1 && t.elapsed() < Duration::from_secs(10) {
        tokio::time::sleep(Duration::from_millis(200)).await;
        h = get(&app, "/api/health").await.json();
    }
    assert_eq!(h["releases"], 1, "{h}");
    assert_eq!(h["status"], "degraded", "{h}");
    assert_eq!(h["damaged"][0]["name"], "backup", "{h}");
    assert!(!h.to_string().contains(&*tmp.path().to_string_lossy()));
}

#[tokio::test]
async fn cli_and_server_resolve_names_with_one_function() {
    let (_t, st) = demo_with(Limits::default());
    let rel = st.pick(None).unwrap();
    let app = server::app(st.clone());
    for q in [
        "KAZ",
        "kaz",
        "Kazakhstan",
        "Kasachstan",
        "Turkey",
        "Türkiye",
        "USA",
    ] {
        let want =
            sipri::country::resolve_country(&rel, q).map(|id| rel.entities.get(id).key.clone());
        let r = get(
            &app,
            &format!("/api/imports?country={}", q.replace('ü', "%C3%BC")),
        )
        .await;
        match want {
            Ok(key) => {
                assert_eq!(r.status, StatusCode::OK, "{q}: {}", r.text());
                assert_eq!(r.json()["focus"]["key"], key.as_str(), "{q}");
            }
            Err(_) => assert_eq!(r.status, StatusCode::NOT_FOUND, "{q}"),
        }
    }
}

#[tokio::test]
async fn a_panicking_handler_is_a_logged_500_with_an_error_id() {
    let (_t, st) = demo_with(Limits::default());
    let app: Router = Router::new()
        .route(
            "/boom",
            axum::routing::get(|| async {
                if true {
                    panic!("secret internal detail");
                }
                "never"
            }),
        )
        .layer(tower_http::catch_panic::CatchPanicLayer::custom(
            server::harden::panic_response,
        ))
        .with_state(st);
    let r = get(&app, "/boom").await;
    let j = assert_error(&r, StatusCode::INTERNAL_SERVER_ERROR);
    assert!(j["error_id"].is_string());
    assert!(!r.text().contains("secret internal detail"));
}

#[tokio::test]
async fn handlers_read_only_the_parameters_the_document_lists() {
    // The country page read its scenario-form parameters (shift_from, shift_to,
    // shift_pct) although the document did not list them; now every handler
    // extracts its typed query struct, from which the document is derived.
    let (_t, _st, app) = demo();
    let doc = get(&app, "/api/openapi.json").await.json();
    let names = |path: &str| -> Vec<String> {
        doc["paths"][path]["get"]["parameters"]
            .as_array()
            .unwrap()
            .iter()
            .map(|p| p["name"].as_str().unwrap().to_string())
            .collect()
    };
    let country = names("/country/{key}");
    for n in [
        "key",
        "period",
        "shift_from",
        "shift_to",
        "shift_pct",
        "release",
    ] {
        assert!(country.contains(&n.to_string()), "{n}: {country:?}");
    }
    // An undeclared parameter never reaches the handler: the API refuses it
    // (see `unknown_and_repeated_api_parameters_are_refused`).
    let r = get(&app, "/api/top?limit=3&direction_typo=importers").await;
    assert_error(&r, StatusCode::BAD_REQUEST);
    // A required one missing is a 400 naming it, before any work.
    let j = assert_error(
        &get(&app, "/api/pair?supplier=RUS").await,
        StatusCode::BAD_REQUEST,
    );
    assert!(j["message"].as_str().unwrap().contains("recipient"), "{j}");
}

#[tokio::test]
async fn page_shell_escapes_what_it_echoes() {
    // The shell is built with maud (escaping by default); hostile values the
    // release picker carries over stay text.
    let (_t, _st, app) = demo();
    let evil = "%22%3E%3Cscript%3Ealert(1)%3C%2Fscript%3E";
    for uri in [
        format!("/world?category={evil}"),
        format!("/search?q={evil}"),
        format!("/world?period={evil}"),
    ] {
        let t = get(&app, &uri).await.text();
        assert!(!t.contains("<script>alert(1)"), "{uri}");
        assert!(
            t.contains("<!DOCTYPE html>") && t.contains("Skip to content"),
            "{uri}"
        );
    }
}

#[tokio::test]
async fn busy_pages_also_say_when_to_retry() {
    let (_t, st) = demo_with(Limits {
        heavy_running: 1,
        heavy_waiting: 0,
        ..Limits::default()
    });
    let app = server::app(st.clone());
    let (tx, rx) = std::sync::mpsc::channel::<()>();
    let st2 = st.clone();
    let busy = tokio::spawn(async move {
        st2.heavy
            .run(move |_| {
                let _ = rx.recv_timeout(Duration::from_secs(10));
                Ok(())
            })
            .await
    });
    while st.heavy.in_flight() == 0 {
        tokio::time::sleep(Duration::from_millis(5)).await;
    }
    let r = get(&app, "/diff").await;
    assert_eq!(r.status, StatusCode::SERVICE_UNAVAILABLE);
    assert!(r.headers.get("retry-after").is_some());
    assert!(r.text().contains("busy"), "{}", r.text());
    tx.send(()).unwrap();
    busy.await.unwrap().unwrap();
}

/// Regression: a misspelt parameter (`categroy=aircraft`) was dropped and the
/// answer covered every category; a repeated one was answered for its first
/// value only. Both are a 400 naming the parameter, also when the valid form
/// of the query is already in the response cache. Pages stay lenient about
/// names armsflow never reads.
#[tokio::test]
async fn unknown_and_repeated_api_parameters_are_refused() {
    let (_t, _st, app) = demo();
    let base = "/api/imports?country=KAZ&period=2020-2024";
    assert_eq!(get(&app, base).await.status, StatusCode::OK);
    let r = get(&app, &format!("{base}&categroy=aircraft")).await;
    let j = assert_error(&r, StatusCode::BAD_REQUEST);
    let msg = j["message"].as_str().unwrap();
    assert!(msg.starts_with("unknown parameter 'categroy'"), "{msg}");
    assert!(msg.contains("category, country, format, period"), "{msg}");
    assert_eq!(j["suggestions"], serde_json::json!(["category"]));
    let r = get(&app, &format!("{base}&category=aircraft&category=ships")).await;
    let j = assert_error(&r, StatusCode::BAD_REQUEST);
    assert_eq!(
        j["message"],
        "'category' is given twice ('aircraft', 'ships'); it takes one value"
    );
    // The same value twice, or a blank one beside it, says one thing.
    for q in [
        "&category=ships&category=Ships",
        "&category=&category=ships",
    ] {
        assert_eq!(
            get(&app, &format!("{base}{q}")).await.status,
            StatusCode::OK,
            "{q}"
        );
    }
    // Groups are a list.
    let r = get(&app, "/api/groups?country=KAZ&group=CSTO&group=NATO").await;
    assert_eq!(r.status, StatusCode::OK, "{}", r.text());
    assert_eq!(
        get(&app, "/country/KAZ?utm_source=x").await.status,
        StatusCode::OK
    );
    // Chart downloads go to print: a slip is refused; a shared link's
    // tracking tags are not (dashboard crawl 22).
    let csv = "/export/world/exporters-chart.csv?period=2020-2024";
    assert_eq!(get(&app, csv).await.status, StatusCode::OK);
    let r = get(&app, &format!("{csv}&categroy=aircraft")).await;
    assert_error(&r, StatusCode::BAD_REQUEST);
    let r = get(&app, &format!("{csv}&utm_source=x&fbclid=y")).await;
    assert_eq!(r.status, StatusCode::OK, "{}", r.text());
}

/// A diff is of two releases: each one's import caveats are in its answer,
/// whichever side it is on (API probe 14: a renamed release's caveat was in
/// no `/api/diff` JSON).
#[tokio::test]
async fn diff_carries_both_releases_caveats() {
    let tmp = tempfile::tempdir().unwrap();
    let store = store::Store::open(tmp.path()).unwrap();
    let mut ids = Vec::new();
    for (seed, caveat) in [(11u64, None), (12, Some("a caveat of the second file"))] {
        let mut buf = Vec::new();
        sipri::synth::write_register(&mut buf, 1, seed).unwrap();
        let (mut rel, report) = sipri::read(&buf, &sipri::ReadOptions::default()).unwrap();
        rel.meta.caveats.extend(caveat.map(str::to_string));
        ids.push(store.put(&rel, &report).unwrap().id().to_string());
    }
    let app = server::app(state_at(tmp.path(), None, Limits::default()));
    for (a, b) in [(&ids[0], &ids[1]), (&ids[1], &ids[0])] {
        let j = get(&app, &format!("/api/diff?a={a}&b={b}")).await.json();
        let want = format!("release {}: a caveat of the second file", ids[1]);
        assert_eq!(j["caveats"], serde_json::json!([want]), "{j}");
        assert!(
            j["notes"]
                .as_array()
                .unwrap()
                .iter()
                .any(|n| n.as_str().unwrap().contains(&want)),
            "{j}"
        );
    }
}
