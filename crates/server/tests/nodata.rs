//! Years the release does not hold are no data, not 0 TIV, in every file a
//! user takes away (CSV, SVG, embed, map labels); a store whose releases are
//! all damaged says so; look-alike releases are told apart. Regressions of
//! the API probe of 28 Nov: each assertion failed before its fix.
//!
//! The hand-made register (common::handmade_dir) covers 2016-2022:
//! Kazakhstan from Russia 50 (2016), 88 (2020), 88 (2022), from Spain 12 (2021).

use crate::common::{get, handmade_dir, state_at};
use axum::Router;
use axum::http::StatusCode;
use server::Limits;

fn app(dir: &std::path::Path) -> Router {
    server::app(state_at(dir, None, Limits::default()))
}

/// CSV rows as (header, rows).
fn rows(body: &[u8]) -> (Vec<String>, Vec<Vec<String>>) {
    let mut r = csv::Reader::from_reader(body);
    let h = r.headers().unwrap().iter().map(str::to_string).collect();
    let rows = r
        .records()
        .map(|x| x.unwrap().iter().map(str::to_string).collect())
        .collect();
    (h, rows)
}

fn cell<'a>(h: &[String], row: &'a [String], col: &str) -> &'a str {
    let i = h
        .iter()
        .position(|c| c == col)
        .unwrap_or_else(|| panic!("{col} in {h:?}"));
    &row[i]
}

#[tokio::test]
async fn chart_files_leave_years_outside_the_release_empty() {
    let tmp = handmade_dir();
    let app = app(tmp.path());
    let r = get(
        &app,
        "/export/country/KAZ/annual-chart.csv?from=2021&to=2024",
    )
    .await;
    assert_eq!(r.status, StatusCode::OK, "{}", r.text());
    let (h, rs) = rows(&r.body);
    let russia = |y: &str| {
        rs.iter()
            .find(|x| cell(&h, x, "year") == y && cell(&h, x, "supplier") == "Russia")
            .map(|x| cell(&h, x, "tiv_millions").to_string())
    };
    assert_eq!(russia("2022").as_deref(), Some("88"));
    assert_eq!(russia("2021").as_deref(), Some("0"), "inside: a real zero");
    assert_eq!(russia("2023").as_deref(), Some(""), "outside: no data");
    assert_eq!(russia("2024").as_deref(), Some(""));

    let r = get(&app, "/export/pair/RUS/KAZ/pair-chart.csv?period=2020-2024").await;
    assert_eq!(r.status, StatusCode::OK, "{}", r.text());
    let (h, rs) = rows(&r.body);
    let tiv: Vec<(String, String)> = rs
        .iter()
        .map(|x| {
            (
                cell(&h, x, "year").into(),
                cell(&h, x, "tiv_millions").into(),
            )
        })
        .collect();
    let want: Vec<(String, String)> = [
        ("2020", "88"),
        ("2021", "0"),
        ("2022", "88"),
        ("2023", ""),
        ("2024", ""),
    ]
    .iter()
    .map(|(a, b)| (a.to_string(), b.to_string()))
    .collect();
    assert_eq!(tiv, want);

    // The embed names the chart's own window (was the page's) and says which
    // years are missing; its description says "no data", not "0".
    let r = get(&app, "/embed/country/KAZ/annual-chart?from=2021&to=2024").await;
    let t = r.text();
    assert!(
        t.contains("2021-2024 (the release covers 2016–2022; 2023–2024 are not in it)"),
        "{t}"
    );
    assert!(t.contains("2023: no data (not in this release)"), "{t}");
    let r = get(
        &app,
        "/export/country/KAZ/annual-chart.csv?from=2021&to=2024",
    )
    .await;
    assert_eq!(
        r.headers
            .get("x-armsflow-window")
            .and_then(|v| v.to_str().ok()),
        Some("2021-2024")
    );
    // The page's year table, too.
    let t = get(&app, "/country/KAZ?from=2021&to=2024").await.text();
    assert!(t.contains("no data (not in this release)"), "{t}");
}

#[tokio::test]
async fn api_answers_without_data_say_so() {
    let tmp = handmade_dir();
    let app = app(tmp.path());
    let j = get(&app, "/api/top?direction=imports&period=2025-2029")
        .await
        .json();
    assert_eq!(j["no_data"], true, "{j}");
    assert!(j["world_total_tiv"].is_null(), "{j}");
    let j = get(&app, "/api/top?direction=imports&period=2018-2022")
        .await
        .json();
    assert_eq!(j["no_data"], false, "{j}");
    assert_eq!(j["world_total_tiv"], 188.0, "{j}");

    // No rows: a note saying why, never a 0-byte file.
    let r = get(&app, "/api/imports?country=KAZ&period=2025-2029&format=csv").await;
    assert_eq!(r.status, StatusCode::OK);
    let (h, rs) = rows(&r.body);
    assert_eq!(h, ["note", "source"]);
    assert!(
        rs[0][0].starts_with("No data for 2025-2029: the release covers 2016–2022"),
        "{rs:?}"
    );
    // Every CSV row carries its source inside the file.
    let r = get(&app, "/api/imports?country=KAZ&period=2018-2022&format=csv").await;
    let (h, rs) = rows(&r.body);
    assert_eq!(h.last().map(String::as_str), Some("source"), "{h:?}");
    assert!(
        rs.iter()
            .all(|x| x.last().is_some_and(|s| s.contains("SIPRI"))),
        "{rs:?}"
    );

    // Map labels: no data for a window the release lacks, not "no deliveries".
    let j = get(&app, "/api/map?metric=tiv&period=2018-2022&from=2005-2009")
        .await
        .json();
    let notes: Vec<&str> = j["rows"]
        .as_array()
        .unwrap()
        .iter()
        .filter_map(|r| r["note"].as_str())
        .collect();
    assert!(!notes.is_empty(), "{j}");
    assert!(
        notes
            .iter()
            .all(|n| n.contains("no data for the earlier window")),
        "{notes:?}"
    );
    let r = get(&app, "/api/map?metric=share&period=2025-2029").await;
    assert!(r.text().contains("no data for 2025-2029"), "{}", r.text());
}

#[tokio::test]
async fn a_store_of_damaged_releases_names_them_on_the_demo_banner() {
    let tmp = handmade_dir();
    let rels = tmp.path().join("releases");
    let dir = std::fs::read_dir(&rels)
        .unwrap()
        .next()
        .unwrap()
        .unwrap()
        .path();
    let id = dir.file_name().unwrap().to_string_lossy().to_string();
    std::fs::write(dir.join("flows.parquet"), b"PAR1 damaged").unwrap();
    let _ = std::fs::remove_file(dir.join("flows.cols"));
    let t = get(&app(tmp.path()), "/world").await.text();
    assert!(t.contains("SYNTHETIC DEMO DATA"), "{t}");
    assert!(
        t.contains(&format!(
            "Stored releases in the data directory that could not be read: {id}"
        )),
        "{t}"
    );
    // An empty store keeps the plain banner.
    let empty = tempfile::tempdir().unwrap();
    let t = get(&app(empty.path()), "/world").await.text();
    assert!(!t.contains("could not be read"), "{t}");
}

/// A register downloaded for one recipient answers that recipient's imports
/// and refuses the rest (regression: on the Ukraine download the map and the
/// supplier pages answered every country from Ukraine's rows alone).
#[tokio::test]
async fn a_download_for_one_recipient_answers_its_imports_only() {
    let tmp = crate::common::handmade_dir_titled(
        "Transfers of major conventional arms from All countries  to Kazakhstan  . Deals with deliveries made for the year range '2016' to '2022'",
    );
    let app = app(tmp.path());
    let r = get(&app, "/api/imports?country=KAZ&period=2018-2022").await;
    assert_eq!(r.status, StatusCode::OK, "{}", r.text());
    assert_eq!(r.json()["total_tiv"], 188.0);
    assert_eq!(
        get(&app, "/country/KAZ?period=2018-2022").await.status,
        StatusCode::OK
    );
    for uri in [
        "/api/exports?country=RUS&period=2018-2022",
        "/api/top?period=2018-2022",
        "/api/pair?supplier=RUS&recipient=KAZ&period=2018-2022",
        "/api/map?period=2018-2022",
        "/api/switching?from=2013-2017&to=2018-2022",
        "/supplier/RUS?period=2018-2022",
        "/world?period=2018-2022",
        "/map?period=2018-2022",
        "/pair/RUS/KAZ?period=2018-2022",
    ] {
        crate::common::refused(&app, uri, "transfers to Kazakhstan only").await;
    }
}

/// A download for one recipient generated after the whole register was the
/// default release, so the dashboard refused every other country.
#[tokio::test]
async fn a_later_download_for_one_recipient_is_not_the_default() {
    let tmp = tempfile::tempdir().unwrap();
    crate::common::handmade_put(
        tmp.path(),
        "Transfers of major conventional arms from All countries  to All countries . Deals",
        "3 Jan 2025",
    );
    crate::common::handmade_put(
        tmp.path(),
        "Transfers of major conventional arms from All countries  to Kazakhstan  . Deals",
        "5 Jan 2025",
    );
    let app = app(tmp.path());
    let r = get(&app, "/api/exports?country=RUS&period=2018-2022").await;
    assert_eq!(r.status, StatusCode::OK, "{}", r.text());
    assert!(
        r.json()["release"]["id"]
            .as_str()
            .unwrap()
            .starts_with("2025-01-03"),
        "{}",
        r.text()
    );
    assert_eq!(
        get(&app, "/world?period=2018-2022").await.status,
        StatusCode::OK
    );
}

/// SIPRI's unknown pool is no country: no page, no link to one, no search hit
/// (regressions of the API probe: "No exports by unknown supplier(s) are
/// recorded", though 262 TIV came from them; search linked to that page).
#[tokio::test]
async fn the_unknown_pool_has_no_page_and_no_link() {
    let app = crate::common::demo_app();
    for uri in ["/supplier/unknown:supplier", "/country/unknown:supplier"] {
        let r = get(&app, uri).await;
        assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY, "{uri}");
        assert!(r.text().contains("placeholder"), "{uri}");
    }
    let j = get(&app, "/api/search?q=unknown").await.json();
    let hits = j["hits"].as_array().unwrap();
    assert!(
        hits.iter()
            .all(|h| !h["key"].as_str().unwrap().starts_with("unknown:")),
        "{j}"
    );
    for page in ["/country/KAZ", "/supplier/RUS", "/map?supplier=RUS"] {
        let t = get(&app, page).await.text();
        assert!(
            !t.contains("/supplier/unknown") && !t.contains("/country/unknown"),
            "{page}"
        );
    }
}

/// A per-supplier TIV table (made up here) as the only release: the pages,
/// the map and the series answered from one supplier's exports as if they
/// were everything ("Russia supplied 100.0 %" of India's imports, "100 % of
/// world arms exports"). Only that supplier's exports are answered.
#[tokio::test]
async fn a_one_sided_table_is_refused_where_it_holds_part_of_the_answer() {
    let tmp = tempfile::tempdir().unwrap();
    let csv = "\"TIV of arms exports from Russia, 2019-2021\",,,,\n\
               Figures are SIPRI Trend Indicator Values (TIVs) expressed in millions.,,,,\n\
               Source: armsflow test suite,,,,\n\
               Generated: 28 July 2022,,,,\n\
               ,2019,2020,2021,Total\n\
               India,30,20,10,60\n\
               China,5,5,,10\n\
               Total,35,25,10,70\n";
    let (rel, report) = sipri::read(csv.as_bytes(), &sipri::ReadOptions::default()).unwrap();
    store::Store::open(tmp.path())
        .unwrap()
        .put(&rel, &report)
        .unwrap();
    let app = server::app(state_at(tmp.path(), None, Limits::default()));
    for uri in [
        "/country/IND",
        "/supplier/RUS",
        "/world",
        "/map",
        "/api/map",
        "/api/series?country=India",
        "/api/categories?country=India",
        "/api/imports?country=India",
        "/api/top",
        "/api/exports?country=Russia&category=aircraft",
    ] {
        let r = get(&app, uri).await;
        assert_eq!(
            r.status,
            StatusCode::UNPROCESSABLE_ENTITY,
            "{uri}: {}",
            r.text()
        );
    }
    let r = get(&app, "/api/exports?country=Russia&period=2019-2021").await;
    assert_eq!(r.status, StatusCode::OK, "{}", r.text());
}

/// A window with no year in the release: the pages said "No deliveries to
/// Kazakhstan are recorded" under a banner saying nothing there comes from
/// data, and /api/pair gave total_tiv 0.0 with no flag.
#[tokio::test]
async fn a_window_without_data_is_no_data_on_pages_and_the_pair_api() {
    let app = crate::common::demo_app();
    for uri in [
        "/country/KAZ?period=2026-2030",
        "/supplier/RUS?period=2026-2030",
        "/pair/RUS/KAZ?period=2026-2030",
    ] {
        let r = get(&app, uri).await;
        assert_eq!(r.status, StatusCode::OK, "{uri}");
        let text = r.text();
        let lede = text
            .split("lede")
            .nth(1)
            .unwrap_or("")
            .chars()
            .take(200)
            .collect::<String>();
        assert!(text.contains("No data for 2026-2030"), "{uri}: {lede}");
        assert!(!text.contains("are recorded in 2026-2030"), "{uri}");
    }
    let v = get(
        &app,
        "/api/pair?supplier=RUS&recipient=KAZ&period=2026-2030",
    )
    .await
    .json();
    assert_eq!(v["no_data"], true, "{v}");
    assert!(v["total_tiv"].is_null(), "{v}");
}

/// Two releases that read the same in the picker ("2025-01-03 · register")
/// are told apart by their ids (regression: two identical entries).
#[tokio::test]
async fn look_alike_releases_are_told_apart_in_the_picker() {
    let a = handmade_dir();
    let b = crate::common::handmade_dir_titled(
        "Transfers of major conventional arms: a second test file made by armsflow tests",
    );
    let from = std::fs::read_dir(b.path().join("releases"))
        .unwrap()
        .next()
        .unwrap()
        .unwrap()
        .path();
    let id_b = from.file_name().unwrap().to_string_lossy().to_string();
    let to = a.path().join("releases").join(&id_b);
    std::fs::create_dir_all(&to).unwrap();
    for f in std::fs::read_dir(&from).unwrap() {
        let f = f.unwrap().path();
        std::fs::copy(&f, to.join(f.file_name().unwrap())).unwrap();
    }
    let page = get(&app(a.path()), "/world").await.text();
    let t = page
        .split_once("id=\"release-select\"")
        .and_then(|x| x.1.split_once("</select>"))
        .map(|x| x.0)
        .unwrap_or_else(|| panic!("no release picker: {page}"));
    let options: Vec<&str> = t
        .split("<option value=\"")
        .skip(1)
        .filter_map(|o| o.split_once("</option>").map(|x| x.0))
        .collect();
    assert_eq!(options.len(), 2, "{options:?}");
    let labels: Vec<&str> = options
        .iter()
        .map(|o| o.rsplit_once('>').map_or(*o, |x| x.1))
        .collect();
    assert_ne!(labels[0], labels[1], "{labels:?}");
    assert!(labels.iter().any(|l| l.contains(&id_b)), "{labels:?}");
}
