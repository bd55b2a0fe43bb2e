//! Hardening (issue 8, item 4): no path traversal through asset routes, body
//! and query size limits, request timeouts, writes refused without the admin
//! token, loopback by default, no endpoint that reads arbitrary files.

use crate::common::{assert_error, demo_app, get, post, send, state_at};
use axum::Router;
use axum::body::Body;
use axum::http::{Request, StatusCode};
use axum::routing::get as route_get;
use server::Limits;
use std::time::Duration;

#[test]
fn default_bind_is_loopback() {
    let c = server::ServeConfig::new("/tmp/x");
    assert!(c.bind.ip().is_loopback());
    assert_eq!(c.bind.port(), 8080);
    assert!(c.admin_token.is_none(), "read-only by default");
}

#[tokio::test]
async fn assets_come_from_a_fixed_map() {
    let app = demo_app();
    let css = get(&app, "/assets/style.css").await;
    assert_eq!(css.status, StatusCode::OK);
    assert!(
        css.headers["content-type"]
            .to_str()
            .unwrap()
            .starts_with("text/css")
    );
    assert_eq!(get(&app, "/assets/app.js").await.status, StatusCode::OK);
    for uri in [
        "/assets/../../Cargo.toml",
        "/assets/..%2f..%2fCargo.toml",
        "/assets/%2e%2e%2f%2e%2e%2fetc%2fpasswd",
        "/assets/..%5c..%5cCargo.toml",
        "/assets/style.css/../../../etc/passwd",
        "/assets/",
        "/assets/STYLE.CSS",
        "/assets/lib.rs",
        "/assets/%00",
        "/../../etc/passwd",
        "/%2e%2e/%2e%2e/etc/passwd",
    ] {
        let r = get(&app, uri).await;
        assert!(
            r.status == StatusCode::NOT_FOUND || r.status == StatusCode::BAD_REQUEST,
            "{uri}: {}",
            r.status
        );
        let t = r.text();
        assert!(
            !t.contains("root:x:0") && !t.contains("[workspace]") && !t.contains("[package]"),
            "{uri} leaked a file"
        );
    }
}

#[tokio::test]
async fn no_endpoint_reads_arbitrary_files() {
    let app = demo_app();
    let evil = [
        "/etc/passwd",
        "../../../../etc/passwd",
        "..%2F..%2F..%2Fetc%2Fpasswd",
        "file:///etc/passwd",
    ];
    for e in server::routes::ENDPOINTS
        .iter()
        .filter(|e| e.method == "get")
    {
        for v in evil {
            let path = e.path.replace("{key}", v).replace("{id}", v);
            let q: Vec<String> = (e.params)()
                .iter()
                .filter(|p| p.parameter_in == utoipa::openapi::path::ParameterIn::Query)
                .map(|p| format!("{}={}", p.name, v))
                .collect();
            let uri = format!("{path}?{}", q.join("&"));
            let r = get(&app, &uri).await;
            assert!(!r.status.is_server_error(), "{uri}: {}", r.status);
            assert!(!r.text().contains("root:x:0"), "{uri} leaked /etc/passwd");
        }
    }
    // A release id is never a path.
    for id in ["..", "../..", ".hidden", "a/b"] {
        let r = get(&app, &format!("/api/releases/{}", id.replace('/', "%2F"))).await;
        assert!(
            r.status == StatusCode::NOT_FOUND || r.status == StatusCode::BAD_REQUEST,
            "{id}: {}",
            r.status
        );
    }
}

#[tokio::test]
async fn query_and_body_limits() {
    let app = demo_app();
    let long = format!("/api/imports?country=KAZ&x={}", "a".repeat(3000));
    let j = assert_error(&get(&app, &long).await, StatusCode::URI_TOO_LONG);
    assert_eq!(j["error"], "uri_too_long");
    let long_path = format!("/country/{}", "A".repeat(600));
    assert_eq!(get(&app, &long_path).await.status, StatusCode::URI_TOO_LONG);
    let big = "x".repeat(Limits::default().max_body + 1);
    assert_error(
        &post(&app, "/api/claims", "text/plain", big.clone()).await,
        StatusCode::PAYLOAD_TOO_LARGE,
    );
    assert_error(
        &post(&app, "/api/scenario", "application/toml", big.clone()).await,
        StatusCode::PAYLOAD_TOO_LARGE,
    );
    assert_error(
        &post(&app, "/claims", "application/x-www-form-urlencoded", big).await,
        StatusCode::PAYLOAD_TOO_LARGE,
    );
}

#[tokio::test]
async fn slow_requests_time_out() {
    // The middleware itself, around a handler that sleeps.
    let limits = Limits {
        timeout: Duration::from_millis(50),
        ..Limits::default()
    };
    let slow: Router = Router::new()
        .route(
            "/slow",
            route_get(|| async {
                tokio::time::sleep(Duration::from_secs(5)).await;
                "late"
            }),
        )
        .route("/fast", route_get(|| async { "ok" }))
        .layer(axum::middleware::from_fn(move |req, next| {
            server::harden::timeout(limits.clone(), req, next)
        }));
    let t = std::time::Instant::now();
    let r = get(&slow, "/slow").await;
    assert_eq!(r.status, StatusCode::SERVICE_UNAVAILABLE);
    assert_eq!(r.json()["error"], "timeout");
    assert!(t.elapsed() < Duration::from_secs(2));
    assert_eq!(get(&slow, "/fast").await.status, StatusCode::OK);
    // And wired into the app: a zero budget times out engine work.
    let tmp = tempfile::tempdir().unwrap();
    let st = state_at(
        tmp.path(),
        None,
        Limits {
            timeout: Duration::ZERO,
            ..Limits::default()
        },
    );
    let app = server::app(st);
    let r = get(&app, "/api/imports?country=KAZ").await;
    assert_eq!(r.status, StatusCode::SERVICE_UNAVAILABLE, "{}", r.text());
}

#[tokio::test]
async fn security_headers_everywhere() {
    let app = demo_app();
    for uri in ["/", "/api/top", "/assets/style.css", "/api/nope"] {
        let r = get(&app, uri).await;
        assert_eq!(r.headers["x-content-type-options"], "nosniff", "{uri}");
        assert!(
            r.headers["content-security-policy"]
                .to_str()
                .unwrap()
                .contains("default-src 'none'"),
            "{uri}"
        );
    }
    let r = send(
        &app,
        Request::delete("/api/releases")
            .body(Body::empty())
            .unwrap(),
    )
    .await;
    assert_eq!(r.status, StatusCode::METHOD_NOT_ALLOWED);
}

fn synthetic_file(seed: u64) -> Vec<u8> {
    let mut buf = Vec::new();
    sipri::synth::write_register(&mut buf, 1, seed).unwrap();
    buf
}

fn import_req(token: Option<&str>, body: Vec<u8>) -> Request<Body> {
    let mut b = Request::post("/api/releases?file_name=../../evil/demo.csv")
        .header("content-type", "text/csv");
    if let Some(t) = token {
        b = b.header("authorization", format!("Bearer {t}"));
    }
    b.body(Body::from(body)).unwrap()
}

#[tokio::test]
async fn imports_need_the_admin_token() {
    // Read-only server: every import is refused, token or not.
    let tmp = tempfile::tempdir().unwrap();
    let ro = server::app(state_at(tmp.path(), None, Limits::default()));
    let j = assert_error(
        &send(&ro, import_req(Some("x"), synthetic_file(7))).await,
        StatusCode::FORBIDDEN,
    );
    assert_eq!(j["error"], "read_only");

    let tmp = tempfile::tempdir().unwrap();
    let limits = Limits {
        max_upload: 8 * 1024 * 1024,
        ..Limits::default()
    };
    let st = state_at(tmp.path(), Some("s3cret-s3cret-s3cret"), limits);
    let app = server::app(st);
    let r = send(&app, import_req(None, synthetic_file(7))).await;
    assert_error(&r, StatusCode::UNAUTHORIZED);
    assert!(r.headers.get("www-authenticate").is_some());
    assert_error(
        &send(&app, import_req(Some("wrong"), synthetic_file(7))).await,
        StatusCode::FORBIDDEN,
    );
    assert_eq!(
        std::fs::read_dir(tmp.path().join("releases"))
            .unwrap()
            .count(),
        0,
        "nothing written"
    );
    assert_error(
        &send(
            &app,
            import_req(
                Some("s3cret-s3cret-s3cret"),
                b"not a sipri file\n1,2,3\n".to_vec(),
            ),
        )
        .await,
        StatusCode::UNPROCESSABLE_ENTITY,
    );
    assert_error(
        &send(&app, import_req(Some("s3cret-s3cret-s3cret"), Vec::new())).await,
        StatusCode::BAD_REQUEST,
    );
    assert_error(
        &send(
            &app,
            import_req(Some("s3cret-s3cret-s3cret"), vec![b'x'; 9 * 1024 * 1024]),
        )
        .await,
        StatusCode::PAYLOAD_TOO_LARGE,
    );

    let before = get(&app, "/api/health").await.json()["release"].clone();
    let r = send(
        &app,
        import_req(Some("s3cret-s3cret-s3cret"), synthetic_file(7)),
    )
    .await;
    assert_eq!(r.status, StatusCode::CREATED, "{}", r.text());
    let j = r.json();
    let id = j["release"]["id"].as_str().unwrap().to_string();
    assert_eq!(
        j["release"]["source_file"], "demo.csv",
        "directories stripped from the name"
    );
    let r = send(
        &app,
        import_req(Some("s3cret-s3cret-s3cret"), synthetic_file(7)),
    )
    .await;
    assert_eq!(r.status, StatusCode::OK, "second import is a no-op");
    assert_eq!(r.json()["created"], false);
    // The stored release is now the default, ahead of the demo.
    let h = get(&app, "/api/health").await.json();
    assert_eq!(h["release"]["id"], id.as_str());
    assert_ne!(h["release"], before);
    let list = get(&app, "/api/releases").await.json();
    assert!(
        list["releases"]
            .as_array()
            .unwrap()
            .iter()
            .any(|r| r["id"] == id.as_str())
    );

    // A second, different release: diff works between the two.
    let r = send(
        &app,
        import_req(Some("s3cret-s3cret-s3cret"), synthetic_file(8)),
    )
    .await;
    assert_eq!(r.status, StatusCode::CREATED, "{}", r.text());
    let id2 = r.json()["release"]["id"].as_str().unwrap().to_string();
    let d = get(&app, &format!("/api/diff?a={id}&b={id2}&limit=5")).await;
    assert_eq!(d.status, StatusCode::OK, "{}", d.text());
    let d = d.json();
    assert!(d["diff"]["revisions"].as_array().unwrap().len() <= 5);
    assert_eq!(d["attribution"], model::SYNTHETIC_ATTRIBUTION);
    let d = get(
        &app,
        &format!("/api/diff?a={id}&b={id2}&country=KAZ&threshold=abc"),
    )
    .await;
    assert_error(&d, StatusCode::BAD_REQUEST);
}
