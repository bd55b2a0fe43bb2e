//! Regressions of the query-parameter probe on the API: CSV bodies that
//! named neither the country, the category nor the basis (nor, on a legacy
//! register, the even split), `/api/deals?years=` with whole-deal TIV only,
//! and the "Congo" note missing from answers. Real data is read at run time
//! from the shared directory.

use crate::common::{self, get, real_app};
use axum::http::StatusCode;
use serde_json::Value;

fn parse(body: &[u8]) -> (csv::StringRecord, Vec<csv::StringRecord>) {
    let mut rd = csv::Reader::from_reader(body);
    let h = rd.headers().unwrap().clone();
    let rows = rd.records().map(|r| r.unwrap()).collect();
    (h, rows)
}

/// Every row's value in column `name`.
fn column(body: &[u8], name: &str) -> Vec<String> {
    let (h, rows) = parse(body);
    let i = h
        .iter()
        .position(|c| c == name)
        .unwrap_or_else(|| panic!("no column {name} in {h:?}"));
    rows.iter().map(|r| r[i].to_string()).collect()
}

fn file_name(r: &common::Resp) -> String {
    r.headers["content-disposition"]
        .to_str()
        .unwrap()
        .to_string()
}

/// India's aircraft imports by order year were saved as
/// "armsflow-imports-2020-2024.csv" with no column naming India, aircraft or
/// the order year; /api/exports and /api/top alike.
#[tokio::test]
async fn real_csv_names_the_question() {
    let Some(app) = real_app("real_csv_names_the_question") else {
        return;
    };
    let r = get(
        &app,
        "/api/imports?country=India&period=2020-2024&format=csv&category=aircraft&basis=order",
    )
    .await;
    assert_eq!(r.status, StatusCode::OK, "{}", r.text());
    for (col, want) in [
        ("focus", "India"),
        ("focus_key", "IND"),
        ("direction", "imports"),
        ("filter.category", "Aircraft"),
        ("filter.basis", "order"),
    ] {
        let got = column(&r.body, col);
        assert!(
            !got.is_empty() && got.iter().all(|v| v == want),
            "{col}: {got:?}"
        );
    }
    let f = file_name(&r);
    assert!(
        f.contains("armsflow-imports-IND-Aircraft-2020-2024-by-order-year.csv"),
        "{f}"
    );
    // The US row is the order-year aircraft figure pandas gives (256 TIV).
    assert_eq!(column(&r.body, "tiv")[0], "256");

    let r = get(
        &app,
        "/api/exports?country=France&period=2020-2024&category=ships&format=csv",
    )
    .await;
    assert!(column(&r.body, "focus_key").iter().all(|v| v == "FRA"));
    assert!(
        column(&r.body, "filter.category")
            .iter()
            .all(|v| v == "Ships")
    );
    assert!(column(&r.body, "direction").iter().all(|v| v == "exports"));
    assert!(
        file_name(&r).contains("exports-FRA-Ships-2020-2024"),
        "{}",
        file_name(&r)
    );

    let r = get(
        &app,
        "/api/top?direction=exporters&category=ships&basis=order&period=2020-2024&format=csv",
    )
    .await;
    assert_eq!(column(&r.body, "entity_key")[0], "ITA");
    assert_eq!(column(&r.body, "share_pct")[0], "35.3075");
    assert!(
        column(&r.body, "filter.category")
            .iter()
            .all(|v| v == "Ships")
    );
    assert!(column(&r.body, "filter.basis").iter().all(|v| v == "order"));
    assert!(
        column(&r.body, "direction")
            .iter()
            .all(|v| v == "exporters")
    );
    // Concentration and series name their country too.
    for uri in [
        "/api/concentration?country=KAZ&format=csv",
        "/api/series?country=KAZ&format=csv",
    ] {
        let r = get(&app, uri).await;
        assert!(
            column(&r.body, "focus_key").iter().all(|v| v == "KAZ"),
            "{uri}"
        );
        assert!(file_name(&r).contains("-KAZ-"), "{uri}: {}", file_name(&r));
    }
}

/// On the legacy register the JSON said `allocation_warning`; the CSV said
/// nothing, and top's CSV had no `allocated_tiv` (the US 42.15 %).
#[tokio::test]
async fn real_legacy_csv_carries_the_allocation_warning() {
    let test = "real_legacy_csv_carries_the_allocation_warning";
    let Some(src) = testkit::shared_path(test, testkit::LEGACY_2025) else {
        return;
    };
    let opts = sipri::ReadOptions {
        file_name: "trade-register.csv".into(),
        ..Default::default()
    };
    let (rel, report) = sipri::read(&std::fs::read(src).unwrap(), &opts).unwrap();
    let tmp = tempfile::tempdir().unwrap();
    store::Store::open(tmp.path())
        .unwrap()
        .put(&rel, &report)
        .unwrap();
    let app = server::app(common::state_at(
        tmp.path(),
        None,
        server::Limits::default(),
    ));
    for uri in [
        "/api/imports?country=Kazakhstan&period=2020-2024&format=csv",
        "/api/top?period=2020-2024&format=csv",
    ] {
        let r = get(&app, uri).await;
        assert_eq!(r.status, StatusCode::OK, "{uri}: {}", r.text());
        let w = column(&r.body, "allocation_warning");
        assert!(w.iter().all(|x| x.contains("even split")), "{uri}: {w:?}");
        let h = r.headers["x-armsflow-allocation-warning"].to_str().unwrap();
        assert!(h.contains("even split"), "{uri}: {h}");
    }
    let r = get(&app, "/api/top?period=2020-2024&format=csv").await;
    assert_eq!(column(&r.body, "entity_key")[0], "USA");
    let alloc: f64 = column(&r.body, "allocated_tiv")[0].parse().unwrap();
    let tiv: f64 = column(&r.body, "tiv")[0].parse().unwrap();
    assert!(alloc > 0.0 && alloc <= tiv, "{alloc} of {tiv}");
    // The JSON rows carry it too.
    let v = get(&app, "/api/top?period=2020-2024").await.json();
    assert!(v["rows"][0]["allocated_tiv"].as_f64().unwrap() > 0.0, "{v}");
}

/// `/api/deals?recipient=Kazakhstan&years=2020-2024` gave whole-deal
/// `tiv_delivered` (1,556.33 TIV over the 19 deals) under the window's
/// label; the CLI's "TIV in window" sums to the imports, 1,328.98.
#[tokio::test]
async fn real_deals_give_the_tiv_in_their_window() {
    let Some(app) = real_app("real_deals_give_the_tiv_in_their_window") else {
        return;
    };
    let v = get(
        &app,
        "/api/deals?recipient=Kazakhstan&years=2020-2024&limit=1000",
    )
    .await
    .json();
    let deals = v["deals"].as_array().unwrap();
    assert_eq!(deals.len(), 19, "{v}");
    let sum: f64 = deals
        .iter()
        .map(|d| d["tiv_in_window"].as_f64().unwrap())
        .sum();
    let imports = get(&app, "/api/imports?country=Kazakhstan&period=2020-2024")
        .await
        .json();
    let total = imports["total_tiv"].as_f64().unwrap();
    assert!((sum - total).abs() < 1e-6, "{sum} vs {total}");
    assert!((total - 1328.98).abs() < 1e-6, "{total}");
    // The Su-30MK deal: 660 TIV in 2019-2022, 440 of it in 2020-2024.
    let su = deals.iter().find(|d| d["sipri_id"] == 61383).unwrap();
    assert_eq!(su["tiv_delivered"], 660.0);
    assert_eq!(su["tiv_in_window"], 440.0);
    assert_eq!(
        su["delivery_years_in_window"],
        serde_json::json!([2020, 2021, 2022])
    );
    assert!(
        v["tiv_note"].as_str().unwrap().contains("tiv_in_window"),
        "{v}"
    );
    // CSV alike.
    let r = get(
        &app,
        "/api/deals?recipient=Kazakhstan&years=2020-2024&limit=1000&format=csv",
    )
    .await;
    let csv_sum: f64 = column(&r.body, "tiv_in_window")
        .iter()
        .map(|x| x.parse::<f64>().unwrap())
        .sum();
    assert!((csv_sum - total).abs() < 0.01, "{csv_sum}");
    // The selection is echoed: a supplier filter is part of an empty answer.
    let v = get(
        &app,
        "/api/deals?recipient=Kazakhstan&supplier=Israel&years=2020-2024",
    )
    .await
    .json();
    assert_eq!(v["total"], 0, "{v}");
    assert_eq!(v["query"]["supplier"]["key"], "ISR", "{v}");
    assert_eq!(v["query"]["years"]["label"], "2020-2024", "{v}");
}

/// The OpenAPI document gave `years` of /api/deals no description.
#[tokio::test]
async fn deals_years_is_documented() {
    let app = common::demo_app();
    let doc = get(&app, "/api/openapi.json").await.json();
    let ps = doc["paths"]["/api/deals"]["get"]["parameters"]
        .as_array()
        .unwrap();
    let years = ps.iter().find(|p| p["name"] == "years").unwrap();
    let d = years["description"].as_str().unwrap_or("");
    assert!(
        d.contains("tiv_in_window") && d.contains("tiv_delivered"),
        "{years}"
    );
    assert!(years["schema"]["pattern"].is_string(), "{years}");
    // Without `years` a deal has no window part.
    let v: Value = get(&app, "/api/deals?recipient=KAZ&limit=1").await.json();
    assert!(v["deals"][0].get("tiv_in_window").is_none(), "{v}");
}

/// A breakdown by category takes no category: refused, not ignored.
#[tokio::test]
async fn categories_refuse_a_category() {
    let app = common::demo_app();
    let r = get(&app, "/api/categories?country=KAZ&category=ships").await;
    let j = common::assert_error(&r, StatusCode::BAD_REQUEST);
    assert!(j["message"].as_str().unwrap().contains("'category'"), "{j}");
}

/// "Congo" is Congo-Brazzaville: the CLI said so on standard error only,
/// the API not at all.
#[tokio::test]
async fn real_congo_note_is_in_the_answer() {
    let Some(app) = real_app("real_congo_note_is_in_the_answer") else {
        return;
    };
    let v = get(&app, "/api/imports?country=Congo&period=2020-2024")
        .await
        .json();
    assert_eq!(v["focus"]["key"], "COG");
    assert!(
        v["notes"][0].as_str().unwrap().contains("Brazzaville"),
        "{v}"
    );
    let r = get(
        &app,
        "/api/imports?country=Congo&period=2020-2024&format=csv",
    )
    .await;
    assert!(
        column(&r.body, "name_note")
            .iter()
            .all(|x| x.contains("Brazzaville")),
        "{}",
        r.text()
    );
    let v = get(&app, "/api/pair?supplier=Russia&recipient=congo")
        .await
        .json();
    assert!(v["notes"].to_string().contains("Brazzaville"), "{v}");
    let v = get(&app, "/api/imports?country=DR%20Congo&period=2020-2024")
        .await
        .json();
    assert!(v.get("notes").is_none(), "{v}");
}

/// A release's import caveats travel with every API answer, JSON and CSV,
/// and in /api/releases (regression of the hostile-files probe: a world
/// table cut before its total row answered as complete).
#[tokio::test]
async fn caveats_travel_with_answers() {
    let tmp = tempfile::tempdir().unwrap();
    let store = store::Store::open(tmp.path()).unwrap();
    let text = "Volume\nData generated: 13 Oct 2024 12:33:29 PM\nExports by,2021,2022,2023,2024,2021-2024\n\
                United States,10,20,30,,60\nFrance,1,2,3,,6\n";
    let opts = sipri::ReadOptions {
        file_name: "cut.csv".into(),
        ..Default::default()
    };
    let (rel, report) = sipri::read(text.as_bytes(), &opts).unwrap();
    assert_eq!(rel.meta.caveats.len(), 1);
    store.put(&rel, &report).unwrap();
    let app = server::app(common::state_at(
        tmp.path(),
        None,
        server::Limits::default(),
    ));
    let r = get(&app, "/api/top?direction=exporters&period=2021-2023").await;
    assert_eq!(r.status, StatusCode::OK, "{}", r.text());
    let v: Value = r.json();
    assert!(
        v["caveats"][0]
            .as_str()
            .is_some_and(|c| c.contains("no 'Total world' row")),
        "{v}"
    );
    let r = get(
        &app,
        "/api/top?direction=exporters&period=2021-2023&format=csv",
    )
    .await;
    assert_eq!(r.status, StatusCode::OK, "{}", r.text());
    assert!(
        column(&r.body, "caveats")
            .iter()
            .all(|c| c.contains("no 'Total world' row")),
        "{}",
        r.text()
    );
    let r = get(&app, "/api/releases").await;
    assert!(r.text().contains("no 'Total world' row"), "{}", r.text());
    // The dashboard: a banner on every page (a TIV table answers the world
    // page with a 422 that names the register it needs; banner included).
    let r = get(&app, "/world?period=2021-2023").await;
    assert!(
        r.text().contains("Release caveats") && r.text().contains("Total world"),
        "{}",
        r.text()
    );
}

/// A successor state on a release listing its predecessor apart: the API's
/// notes and CSV say where the earlier years are (regression of the
/// query-parameter probe: Russia "0.0 %" of India's 1985-89 imports on the
/// legacy register, where the Soviet Union supplied ~75 %).
#[tokio::test]
async fn a_successor_state_names_its_predecessor() {
    let tmp = tempfile::tempdir().unwrap();
    let store = store::Store::open(tmp.path()).unwrap();
    let text = "Title\nData generated: 13 Mar 2025 10:02:49 AM\n\
         Recipient,Supplier,Year of order, ,Number ordered, ,Weapon designation,Weapon description,Number delivered, ,Year(s) of delivery,status,Comments,SIPRI TIV per unit,SIPRI TIV for total order,SIPRI TIV of delivered weapons\n\
         India,Soviet Union,1984,,10,,MiG-29,fighter aircraft,10,,1986; 1987,New,,10,100,100\n\
         India,Russia,1995,,5,,Su-30MK,FGA aircraft,5,,1997,New,,20,100,100\n";
    let opts = sipri::ReadOptions {
        file_name: "legacy.csv".into(),
        ..Default::default()
    };
    let (rel, report) = sipri::read(text.as_bytes(), &opts).unwrap();
    store.put(&rel, &report).unwrap();
    let app = server::app(common::state_at(
        tmp.path(),
        None,
        server::Limits::default(),
    ));
    let r = get(&app, "/api/exports?country=Russia&period=1985-1989").await;
    assert_eq!(r.status, StatusCode::OK, "{}", r.text());
    assert!(
        r.text()
            .contains("SIPRI lists transfers up to 1991 under 'Soviet Union'"),
        "{}",
        r.text()
    );
    let r = get(&app, "/api/exports?country=Soviet%20Union&period=1985-1989").await;
    assert_eq!(r.status, StatusCode::OK, "{}", r.text());
    assert!(
        !r.text().contains("SIPRI lists transfers up to"),
        "{}",
        r.text()
    );
}
