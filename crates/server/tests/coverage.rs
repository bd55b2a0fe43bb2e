//! Issue #13 (6, 7): a window past the release's years is flagged in every
//! windowed answer and page, and comparisons against it are marked; demo
//! data is never attributed to SIPRI and gets no claim verdicts.

use crate::common::{assert_error, demo_app, get, post, real_app};
use axum::http::StatusCode;
use serde_json::{Value, json};

/// The Feb-2026 register ends in 2024 (SIPRI's published years 1995-2024 in
/// this download): 2021-2025 is a four-year window.
const NOTE: &str = "the release covers 1995–2024; 2025 is not in it";

fn assert_partial(c: &Value, what: &str) {
    assert_eq!(c["partial"], true, "{what}: {c}");
    assert_eq!(c["missing_years"], json!([2025]), "{what}: {c}");
    assert_eq!(c["release_years"], json!([1995, 2024]), "{what}: {c}");
    assert_eq!(c["covered_years"], 4, "{what}: {c}");
    assert_eq!(c["note"], NOTE, "{what}: {c}");
}

#[tokio::test]
async fn window_past_the_register_is_flagged_in_every_api_answer() {
    let Some(app) = real_app("window_past_the_register_is_flagged_in_every_api_answer") else {
        return;
    };
    for uri in [
        "/api/imports?country=KAZ&period=2021-2025",
        "/api/exports?country=RUS&period=2021-2025",
        "/api/top?period=2021-2025",
        "/api/pair?supplier=RUS&recipient=KAZ&period=2021-2025",
        "/api/categories?country=KAZ&period=2021-2025",
        "/api/deliveries?country=KAZ&period=2021-2025&limit=3",
        "/api/groups?country=KAZ&group=CSTO&period=2021-2025",
    ] {
        let r = get(&app, uri).await;
        assert_eq!(r.status, StatusCode::OK, "{uri}: {}", r.text());
        assert_partial(&r.json()["coverage"], uri);
    }
    let toml = "recipient = \"KAZ\"\nperiod = \"2021-2025\"\n[[change]]\nkind = \"shift\"\nfrom = \"RUS\"\nto = [\"TUR\"]\npercent = 30\n";
    let r = post(&app, "/api/scenario", "application/toml", toml).await;
    assert_eq!(r.status, StatusCode::OK, "{}", r.text());
    assert_partial(&r.json()["coverage"], "scenario");
    let j = get(&app, "/api/switching?from=2016-2020&to=2021-2025&limit=3")
        .await
        .json();
    assert_partial(&j["coverage"]["to"], "switching to");
    assert_eq!(j["coverage"]["from"]["partial"], false);

    // "Volume down 14 %" from four years is marked as not like for like.
    let j = get(&app, "/api/imports?country=KAZ&period=2021-2025")
        .await
        .json();
    assert!(j["change"].as_f64().unwrap() < 0.0, "{j}");
    assert_eq!(j["change_coverage"]["like_for_like"], false, "{j}");
    assert!(
        j["change_coverage"]["note"]
            .as_str()
            .unwrap()
            .contains("2021-2025 has 4 of 5 years"),
        "{j}"
    );
    assert_eq!(j["previous"]["coverage"]["partial"], false);

    // Inside the release: complete, comparable.
    let j = get(&app, "/api/imports?country=KAZ&period=2020-2024")
        .await
        .json();
    assert_eq!(j["coverage"]["partial"], false, "{j}");
    assert_eq!(j["coverage"]["missing_years"], json!([]));
    assert_eq!(j["change_coverage"]["like_for_like"], true);

    // Wholly outside: no change at all rather than a "-100 %".
    let j = get(&app, "/api/imports?country=KAZ&period=2026-2030")
        .await
        .json();
    assert_eq!(j["coverage"]["covered_years"], 0, "{j}");
    assert!(j["change"].is_null(), "{j}");
    // ... and no data, which is not "no deliveries" (regression).
    assert_eq!(j["no_data"], true, "{j}");
    assert_eq!(j["no_deliveries"], false, "{j}");

    // Years outside the release are null, not 0 TIV (regression: 1993 and
    // 1994 were 0.0 for a release that starts in 1995).
    let j = get(
        &app,
        "/api/pair?supplier=RUS&recipient=KAZ&period=1993-1997",
    )
    .await
    .json();
    assert!(j["by_year"][0]["tiv"].is_null(), "{j}");
    assert!(j["by_year"][1]["tiv"].is_null(), "{j}");
    assert!(
        (j["by_year"][2]["tiv"].as_f64().unwrap() - 99.12).abs() < 1e-9,
        "{j}"
    );
    let j = get(&app, "/api/series?country=KAZ&from=1993&to=1996")
        .await
        .json();
    assert_eq!(j["total_tiv"][0], Value::Null, "{j}");
    assert!(j["total_tiv"][2].as_f64().is_some(), "{j}");
    // Event studies carry each window's coverage (Poland joined NATO in
    // 1999: its before window 1994-1998 starts before the release).
    let j = get(&app, "/api/event-study?group=NATO&member=POL")
        .await
        .json();
    let st = &j["studies"][0];
    assert_eq!(
        st["before_coverage"]["missing_years"],
        json!([1994]),
        "{st}"
    );
    assert_eq!(st["after_coverage"]["partial"], false, "{st}");
    let page = get(&app, "/pair/RUS/KAZ?period=1993-1997").await.text();
    assert!(
        page.contains("1993: no data (not in this release)"),
        "{page}"
    );
}

#[tokio::test]
async fn window_past_the_register_is_flagged_on_pages() {
    let Some(app) = real_app("window_past_the_register_is_flagged_on_pages") else {
        return;
    };
    for uri in [
        "/country/KAZ?period=2021-2025",
        "/supplier/RUS?period=2021-2025",
        "/world?period=2021-2025",
    ] {
        let t = get(&app, uri).await.text();
        assert!(t.contains("banner coverage"), "{uri}");
        assert!(t.contains(NOTE), "{uri}");
    }
    let t = get(&app, "/country/KAZ?period=2021-2025").await.text();
    assert!(t.contains("Volume down 14 % against 2016-2020"), "{t}");
    assert!(t.contains("not like for like"), "{t}");
    // Inside the release: no banner, an unmarked change.
    let t = get(&app, "/country/KAZ?period=2020-2024").await.text();
    assert!(!t.contains("banner coverage"));
    assert!(!t.contains("not like for like"));
    // Real data keeps SIPRI's attribution.
    assert!(t.contains(model::SIPRI_ATTRIBUTION));
}

#[tokio::test]
async fn demo_pages_and_charts_say_synthetic_never_sipri() {
    let app = demo_app();
    for uri in ["/country/KAZ", "/supplier/RUS", "/world", "/claims"] {
        let t = get(&app, uri).await.text();
        let footer = &t[t.find("<footer>").expect("footer")..];
        assert!(footer.contains("SYNTHETIC DEMO DATA"), "{uri}: {footer}");
        assert!(!footer.contains("SIPRI data generated"), "{uri}: {footer}");
        assert!(!t.contains(model::SIPRI_ATTRIBUTION), "{uri}");
        for credit in [
            "SIPRI estimates",
            "estimated by SIPRI",
            "SIPRI marks",
            "SIPRI left",
        ] {
            assert!(!t.contains(credit), "{uri} credits SIPRI: {credit}");
        }
    }
    let t = get(&app, "/country/KAZ").await.text();
    let charts = t.matches("<svg ").count();
    assert!(charts >= 2, "{charts} charts");
    assert_eq!(
        t.matches("SYNTHETIC — not SIPRI</text></svg>").count(),
        charts,
        "every chart carries the watermark"
    );
    assert!(t.contains("-title\">SYNTHETIC DEMO DATA, not SIPRI: "));
}

#[tokio::test]
async fn demo_claims_get_no_verdict() {
    let app = demo_app();
    let page = get(&app, "/claims").await.text();
    assert!(page.contains("No verdicts on demo data."), "{page}");
    let r = post(
        &app,
        "/api/claims",
        "text/plain",
        "From 2020 to 2024, 88 % of Kazakhstan's arms imports came from Russia.",
    )
    .await;
    let j = assert_error(&r, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(
        j["message"].as_str().unwrap().contains("needs")
            || j["message"]
                .as_str()
                .unwrap()
                .contains("only against a SIPRI release"),
        "{j}"
    );
    assert!(
        j.get("claims").is_none() && j.get("verdict").is_none(),
        "{j}"
    );
    let r = post(
        &app,
        "/claims",
        "application/x-www-form-urlencoded",
        "text=share+imports+KAZ+from+RUS+2020-2024+%3D+88%25",
    )
    .await;
    let t = r.text();
    assert!(t.contains("cannot check claims against release"), "{t}");
    for v in ["verdict supported", "verdict not_supported"] {
        assert!(!t.contains(v), "{v} shown on demo data");
    }
}
