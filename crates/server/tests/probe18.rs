//! What the dashboard probe of round 18 found, as regressions. Expected
//! figures: the probe's pandas over the raw Feb-2026 register (Libya
//! 2020-24: 34.00 of 38.94 TIV from unknown suppliers, 87.3 %).

use crate::common::{demo_app, get, real_app};
use axum::http::StatusCode;

/// Every error answer carries an id to quote, the request id of the log
/// line: only internal errors had one.
#[tokio::test]
async fn errors_carry_the_request_id() {
    let app = demo_app();
    let r = get(&app, "/api/imports?country=Narnia").await;
    assert_eq!(r.status, StatusCode::NOT_FOUND, "{}", r.text());
    let id = r.headers["x-request-id"].to_str().unwrap().to_string();
    assert_eq!(r.json()["error_id"], id.as_str(), "{}", r.text());
    let r = get(&app, "/country/Narnia").await;
    assert_eq!(r.status, StatusCode::NOT_FOUND);
    let id = r.headers["x-request-id"].to_str().unwrap().to_string();
    let page = r.text();
    assert!(page.contains("Reference:") && page.contains(&id), "{page}");
    let r = get(&app, "/country/Narnia?lang=de").await;
    let page = r.text();
    assert!(page.contains("Referenz:"), "{page}");
    // A success has none.
    let r = get(&app, "/api/health").await;
    assert_eq!(r.status, StatusCode::OK);
    assert!(r.json().get("error_id").is_none());
}

/// A download names its category and basis (a Ships chart was saved under
/// the all-categories chart's name); the deals page with a years filter
/// shows each deal's part in those years.
#[tokio::test]
async fn downloads_name_the_category_and_deals_their_window_part() {
    let app = demo_app();
    for ext in ["csv", "svg"] {
        let uri = format!("/export/world/exporters-chart.{ext}?period=2010-2014&category=Ships");
        let r = get(&app, &uri).await;
        assert_eq!(r.status, StatusCode::OK, "{uri}");
        let cd = r.headers["content-disposition"]
            .to_str()
            .unwrap()
            .to_string();
        assert!(cd.contains("exporters-chart-Ships-2010-2014"), "{cd}");
    }
    let page = get(&app, "/deals?years=2020-2024").await.text();
    assert!(
        page.contains("TIV delivered in 2020-2024"),
        "deals page lacks the window column"
    );
}

/// A country's headline says how much came from unidentified suppliers
/// (Libya: "1 supplier … Turkiye 12.7 %, HHI 0.78" of a total 87 % unknown).
#[tokio::test]
async fn the_headline_names_the_unknown_suppliers_share() {
    let Some(app) = real_app(module_path!()) else {
        return;
    };
    let page = get(&app, "/country/LBY?period=2020-2024").await.text();
    let lede = page.split("class=\"lede\"").nth(1).unwrap_or("");
    let lede = &lede[..lede.find("</p>").unwrap_or(lede.len())];
    assert!(
        lede.contains("87.3") && lede.contains("suppliers SIPRI could not identify"),
        "{lede}"
    );
}

/// A diff on the server is bounded by the flows it compares, and its deal
/// lists obey `limit` (robustness probe 19: two SYNTHETIC releases of a
/// million rows took 24 GB; `limit=1` answered all 12,600 revised deals).
#[tokio::test]
async fn a_diff_is_bounded_and_its_deal_lists_obey_the_limit() {
    use crate::common::{handmade_put, handmade_put_rows, state_at};
    let tmp = tempfile::tempdir().unwrap();
    let title = "Transfers of major conventional arms: test file made by armsflow tests";
    handmade_put(tmp.path(), title, "3 Jan 2025");
    let revised = [
        (1, "Russia", 2020, "90"),
        (1, "Russia", 2022, "90"),
        (2, "Spain", 2021, "13"),
        (3, "Russia", 2016, "51"),
    ];
    handmade_put_rows(tmp.path(), title, "3 Jan 2026", &revised);
    let limits = server::Limits {
        max_diff_flows: 5,
        ..Default::default()
    };
    let app = server::app(state_at(tmp.path(), None, limits));
    let ids: Vec<String> = get(&app, "/api/releases").await.json()["releases"]
        .as_array()
        .unwrap()
        .iter()
        .map(|r| r["id"].as_str().unwrap().to_string())
        .collect();
    let (old, new) = if ids[0] < ids[1] {
        (&ids[0], &ids[1])
    } else {
        (&ids[1], &ids[0])
    };
    // 4 + 4 flows against a bound of 5.
    let r = get(&app, &format!("/api/diff?a={old}&b={new}")).await;
    assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY, "{}", r.text());
    assert_eq!(r.json()["error"], "diff_too_large", "{}", r.text());
    let page = get(&app, &format!("/diff?a={old}&release={new}")).await;
    assert_eq!(page.status, StatusCode::UNPROCESSABLE_ENTITY);
    // The page names its newer side `release`: the API's `b` is refused
    // there, not dropped (surfaces probe 21).
    let page = get(&app, &format!("/diff?a={old}&b={new}")).await;
    assert_eq!(page.status, StatusCode::BAD_REQUEST);
    assert!(
        page.text()
            .contains("It takes: a, country, period, release"),
        "{}",
        page.text()
    );
    // Spain's flows alone (1 + 1) are within it.
    let r = get(&app, &format!("/api/diff?a={old}&b={new}&country=ESP")).await;
    assert_eq!(r.status, StatusCode::OK, "{}", r.text());
    let limits = server::Limits::default();
    let app = server::app(state_at(tmp.path(), None, limits));
    let r = get(&app, &format!("/api/diff?a={old}&b={new}&limit=1")).await;
    assert_eq!(r.status, StatusCode::OK, "{}", r.text());
    let v = r.json();
    assert_eq!(v["deals_total"]["revised"], 3, "{v}");
    assert_eq!(
        v["diff"]["deals"]["revised"].as_array().unwrap().len(),
        1,
        "{v}"
    );
}

/// A stalled upload meets the body timeout before the request timeout, so
/// it is told it stalled (408), not that the server was slow (robustness
/// probe 19: at 30 s against 15 s, the 408 could never be reached).
#[test]
fn the_body_timeout_fires_before_the_request_timeout() {
    let l = server::Limits::default();
    assert!(l.body_timeout < l.timeout, "{l:?}");
}

/// A JSON scenario sent without its content type is read as TOML; the error
/// says what to send (robustness probe 19: a bare TOML parse error).
#[tokio::test]
async fn a_json_scenario_without_its_content_type_gets_a_hint() {
    let app = demo_app();
    let body = r#"{"recipient":"KAZ","change":[]}"#;
    let r = crate::common::post(&app, "/api/scenario", "text/plain", body).await;
    assert_eq!(r.status, StatusCode::BAD_REQUEST);
    assert!(
        r.text().contains("Content-Type: application/json"),
        "{}",
        r.text()
    );
}
