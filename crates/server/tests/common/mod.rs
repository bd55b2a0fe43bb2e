//! Test helpers: apps over the SYNTHETIC demo and over the shared Feb-2026
//! register, and one-shot requests against the router (no socket needed).
#![allow(dead_code)]

use axum::Router;
use axum::body::Body;
use axum::http::{HeaderMap, Request, StatusCode};
use http_body_util::BodyExt;
use server::{AppState, Limits};
use std::path::PathBuf;
use std::sync::{Arc, OnceLock};
use tower::ServiceExt;

/// `$ARMSFLOW_SHARED_DIR`, else the `shared` dir found walking up from this crate.
pub fn shared_dir() -> Option<PathBuf> {
    testkit::shared_dir()
}

/// The Feb-2026 register, or `None` after a LOUD skip message (a panic when
/// `ARMSFLOW_REQUIRE_SHARED=1`).
pub fn register_2026(test: &str) -> Option<PathBuf> {
    testkit::shared_path(test, testkit::REGISTER_2026)
}

/// A data dir holding the imported Feb-2026 register, made once per test binary.
pub fn real_data_dir(test: &str) -> Option<PathBuf> {
    static DIR: OnceLock<Option<tempfile::TempDir>> = OnceLock::new();
    let src = register_2026(test)?;
    let dir = DIR.get_or_init(|| {
        let bytes = std::fs::read(&src).expect("read register");
        let opts = sipri::ReadOptions {
            file_name: "trade_register.csv".into(),
            ..Default::default()
        };
        let (rel, report) = sipri::read(&bytes, &opts).expect("register reads");
        let tmp = tempfile::tempdir().expect("tempdir");
        store::Store::open(tmp.path())
            .unwrap()
            .put(&rel, &report)
            .expect("store put");
        Some(tmp)
    });
    dir.as_ref().map(|d| d.path().to_path_buf())
}

pub fn state_at(dir: &std::path::Path, token: Option<&str>, limits: Limits) -> Arc<AppState> {
    Arc::new(AppState::open(dir, token.map(str::to_string), limits).expect("state opens"))
}

/// The app over an empty data dir: the SYNTHETIC demo. Shared per test binary.
pub fn demo_app() -> Router {
    static ST: OnceLock<(tempfile::TempDir, Arc<AppState>)> = OnceLock::new();
    let (_, st) = ST.get_or_init(|| {
        let tmp = tempfile::tempdir().unwrap();
        let st = state_at(tmp.path(), None, Limits::default());
        (tmp, st)
    });
    server::app(st.clone())
}

/// The app over the Feb-2026 register, if the shared data is there.
pub fn real_app(test: &str) -> Option<Router> {
    static ST: OnceLock<Arc<AppState>> = OnceLock::new();
    let dir = real_data_dir(test)?;
    let st = ST.get_or_init(|| state_at(&dir, None, Limits::default()));
    Some(server::app(st.clone()))
}

pub struct Resp {
    pub status: StatusCode,
    pub headers: HeaderMap,
    pub body: Vec<u8>,
}

impl Resp {
    pub fn json(&self) -> serde_json::Value {
        serde_json::from_slice(&self.body)
            .unwrap_or_else(|e| panic!("not JSON ({e}): {}", String::from_utf8_lossy(&self.body)))
    }
    pub fn text(&self) -> String {
        String::from_utf8_lossy(&self.body).into_owned()
    }
}

pub async fn send(app: &Router, req: Request<Body>) -> Resp {
    let r = app.clone().oneshot(req).await.expect("infallible");
    let status = r.status();
    let headers = r.headers().clone();
    let body = r
        .into_body()
        .collect()
        .await
        .expect("body")
        .to_bytes()
        .to_vec();
    Resp {
        status,
        headers,
        body,
    }
}

pub async fn get(app: &Router, uri: &str) -> Resp {
    send(app, Request::get(uri).body(Body::empty()).unwrap()).await
}

/// `uri` answers 422 with a message containing `says` (a question the
/// release cannot answer whole).
pub async fn refused(app: &Router, uri: &str, says: &str) {
    let r = get(app, uri).await;
    assert_eq!(
        r.status,
        StatusCode::UNPROCESSABLE_ENTITY,
        "{uri}: {}",
        r.text()
    );
    assert!(r.text().contains(says), "{uri}: {}", r.text());
}

pub async fn post(app: &Router, uri: &str, ctype: &str, body: impl Into<Body>) -> Resp {
    send(
        app,
        Request::post(uri)
            .header("content-type", ctype)
            .body(body.into())
            .unwrap(),
    )
    .await
}

/// Asserts a JSON error with this status and returns its body.
pub fn assert_error(r: &Resp, status: StatusCode) -> serde_json::Value {
    assert_eq!(r.status, status, "body: {}", r.text());
    let j = r.json();
    assert!(j["error"].is_string() && j["message"].is_string(), "{j}");
    j
}

/// A data dir holding a small hand-made register (made-up rows, not SIPRI's
/// and not the generator's): a non-synthetic release for tests that need claim
/// verdicts, which synthetic releases never get.
pub fn handmade_dir() -> tempfile::TempDir {
    handmade_dir_titled("Transfers of major conventional arms: test file made by armsflow tests")
}

/// [`handmade_dir`] with another title line (e.g. a download for one country).
pub fn handmade_dir_titled(title: &str) -> tempfile::TempDir {
    let tmp = tempfile::tempdir().expect("tempdir");
    handmade_put(tmp.path(), title, "3 Jan 2025");
    tmp
}

/// Stores the hand-made register with `title`, generated on `date` (SIPRI's
/// "3 Jan 2025" form), in data dir `dir`.
pub fn handmade_put(dir: &std::path::Path, title: &str, date: &str) {
    let rows = [
        (1, "Russia", 2020, "88"),
        (1, "Russia", 2022, "88"),
        (2, "Spain", 2021, "12"),
        (3, "Russia", 2016, "50"),
    ];
    handmade_put_rows(dir, title, date, &rows);
}

/// [`handmade_put`] with other rows: (deal id, supplier, delivery year, TIV),
/// all to Kazakhstan.
pub fn handmade_put_rows(
    dir: &std::path::Path,
    title: &str,
    date: &str,
    rows: &[(u32, &str, u16, &str)],
) {
    let mut csv = format!("{title}\n");
    for i in 2..=8 {
        csv.push_str(&format!("Note {i}.\n"));
    }
    csv.push_str(&format!(
        "\nSource: armsflow test suite.\nData generated: {date} 9:15:00 AM\n"
    ));
    csv.push_str(
        "SIPRI AT Database ID,Supplier,Recipient,Designation,Description,Armament category,\
         Order date,Order date is estimate,Numbers delivered,Numbers delivered is estimate,\
         Delivery year,Delivery year is estimate,Status,SIPRI estimate,TIV deal unit,\
         TIV delivery values,Local production\n",
    );
    for &(id, supplier, year, tiv) in rows {
        csv.push_str(&format!(
            "{id},{supplier},Kazakhstan,TEST-{id},test vehicle,Armoured vehicles,2015,No,4,No,\
             {year},No,New,1,1,{tiv},No\n"
        ));
    }
    let opts = sipri::ReadOptions {
        file_name: "handmade.csv".into(),
        ..Default::default()
    };
    let (rel, report) = sipri::read(csv.as_bytes(), &opts).expect("hand-made register reads");
    store::Store::open(dir)
        .unwrap()
        .put(&rel, &report)
        .expect("store put");
}
