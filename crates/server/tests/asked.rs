//! Chart files, embeds and breakdowns answer the question asked or refuse
//! it: a parameter a chart does not take, a download scoped to other
//! countries, SIPRI's unknown pool, an event window the release does not
//! hold. Regressions of the API probe of 28 Nov (evening); each assertion
//! failed before its fix.
//!
//! The hand-made register (common::handmade_dir) covers 2016-2022:
//! Kazakhstan from Russia 50 (2016), 88 (2020), 88 (2022), from Spain 12 (2021).

use crate::common::{get, handmade_dir, handmade_dir_titled, state_at};
use axum::Router;
use axum::http::StatusCode;
use server::Limits;

fn app(dir: &std::path::Path) -> Router {
    server::app(state_at(dir, None, Limits::default()))
}

/// `customers-chart.csv?category=ships` gave all categories under the name;
/// `pair-chart.csv?from=2010&to=2014` gave the page's window.
#[tokio::test]
async fn a_chart_refuses_parameters_it_does_not_take() {
    let tmp = handmade_dir();
    let app = app(tmp.path());
    for uri in [
        "/export/supplier/RUS/customers-chart.csv?period=2018-2022&category=aircraft",
        "/export/country/KAZ/supplier-chart.svg?category=aircraft",
        "/export/pair/RUS/KAZ/pair-chart.csv?period=2018-2022&from=2016&to=2018",
        "/embed/supplier/RUS/customers-chart?period=2018-2022&category=aircraft",
    ] {
        let r = get(&app, uri).await;
        assert_eq!(r.status, StatusCode::BAD_REQUEST, "{uri}: {}", r.text());
    }
    // Where they apply, they are taken.
    let r = get(
        &app,
        "/export/world/exporters-chart.csv?period=2018-2022&category=aircraft",
    )
    .await;
    assert_eq!(r.status, StatusCode::OK, "{}", r.text());
    let r = get(
        &app,
        "/export/country/KAZ/annual-chart.csv?from=2016&to=2018",
    )
    .await;
    assert_eq!(r.status, StatusCode::OK, "{}", r.text());
    // Named after the chart's own window, not the page's.
    let cd = r.headers["content-disposition"]
        .to_str()
        .unwrap()
        .to_string();
    assert!(cd.contains("2016-2018"), "{cd}");
}

/// A window without rows says why in the file, as the API's CSVs do: a
/// header-only file read as "no customers".
#[tokio::test]
async fn an_empty_chart_file_says_why() {
    let tmp = handmade_dir();
    let app = app(tmp.path());
    let r = get(
        &app,
        "/export/supplier/RUS/customers-chart.csv?period=2025-2029",
    )
    .await;
    assert_eq!(r.status, StatusCode::OK, "{}", r.text());
    let t = r.text();
    assert!(t.starts_with("note,source"), "{t}");
    assert!(t.contains("2025"), "{t}");
}

/// On a download of transfers to Kazakhstan only, the chart files, the map
/// embed and file, the category breakdown and the delivery list gave
/// Kazakhstan 100 % of Russia's exports; the pages already refused.
#[tokio::test]
async fn files_and_breakdowns_refuse_what_a_scoped_download_lacks() {
    let tmp = handmade_dir_titled(
        "Transfers of major conventional arms from All countries  to Kazakhstan  . Deals with deliveries made for the year range '2016' to '2022'",
    );
    let app = app(tmp.path());
    for uri in [
        "/export/supplier/RUS/customers-chart.csv?period=2018-2022",
        "/export/world/exporters-chart.csv?period=2018-2022",
        "/export/world/importers-chart.csv?period=2018-2022",
        "/embed/map?period=2018-2022",
        "/export/map/world-map.svg?period=2018-2022",
        "/api/categories?country=RUS&direction=exports&period=2018-2022",
        "/api/deliveries?country=RUS&direction=exports&period=2018-2022",
    ] {
        let r = get(&app, uri).await;
        assert_eq!(
            r.status,
            StatusCode::UNPROCESSABLE_ENTITY,
            "{uri}: {}",
            r.text()
        );
        assert!(
            r.text().contains("transfers to Kazakhstan only"),
            "{uri}: {}",
            r.text()
        );
    }
    // Kazakhstan's own imports are whole.
    let r = get(&app, "/api/categories?country=KAZ&period=2018-2022").await;
    assert_eq!(r.status, StatusCode::OK, "{}", r.text());
    let r = get(
        &app,
        "/export/country/KAZ/annual-chart.csv?period=2018-2022",
    )
    .await;
    assert_eq!(r.status, StatusCode::OK, "{}", r.text());
}

/// SIPRI's unknown pools have no breakdown, no chart file and no map row
/// other than their volume (regression: the pool's HHI and ranked customers).
#[tokio::test]
async fn the_unknown_pool_has_no_breakdown_or_chart_file() {
    let tmp = tempfile::tempdir().unwrap();
    let csv = "Transfers of major conventional arms: test file made by armsflow tests\n\
               n2\nn3\nn4\nn5\nn6\nn7\nn8\n\nSource: armsflow test suite.\n\
               Data generated: 3 Jan 2025 9:15:00 AM\n\
               SIPRI AT Database ID,Supplier,Recipient,Designation,Description,Armament category,\
               Order date,Order date is estimate,Numbers delivered,Numbers delivered is estimate,\
               Delivery year,Delivery year is estimate,Status,SIPRI estimate,TIV deal unit,\
               TIV delivery values,Local production\n\
               1,unknown supplier(s),Kazakhstan,T-1,test,Armoured vehicles,2015,No,4,No,2020,No,New,1,1,10,No\n\
               2,Russia,Kazakhstan,T-2,test,Armoured vehicles,2015,No,4,No,2020,No,New,1,1,30,No\n\
               3,Russia,unknown recipient(s),T-3,test,Armoured vehicles,2015,No,4,No,2020,No,New,1,1,5,No\n";
    let opts = sipri::ReadOptions {
        file_name: "pool.csv".into(),
        ..Default::default()
    };
    let (rel, report) = sipri::read(csv.as_bytes(), &opts).unwrap();
    store::Store::open(tmp.path())
        .unwrap()
        .put(&rel, &report)
        .unwrap();
    let app = app(tmp.path());
    let pool = rel
        .entities
        .iter()
        .find(|(_, e)| e.name == "unknown supplier(s)")
        .map(|(_, e)| e.key.clone())
        .unwrap();
    for uri in [
        format!("/api/categories?country={pool}&direction=exports&period=2020"),
        format!("/export/supplier/{pool}/customers-chart.csv?period=2020"),
    ] {
        let r = get(&app, &uri).await;
        assert_eq!(
            r.status,
            StatusCode::UNPROCESSABLE_ENTITY,
            "{uri}: {}",
            r.text()
        );
    }
    let v = get(&app, "/api/map?metric=hhi&period=2020").await.json();
    let names: Vec<&str> = v["rows"]
        .as_array()
        .unwrap()
        .iter()
        .map(|r| r["name"].as_str().unwrap())
        .collect();
    assert!(!names.iter().any(|n| n.starts_with("unknown")), "{names:?}");
}
