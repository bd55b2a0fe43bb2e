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
