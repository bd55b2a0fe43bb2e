//! Labels of figures that leave the dashboard (figure probe and hostile-files
//! probe, round 2): a legacy register's split in every download and embed,
//! one rounding rule, the world page's estimated share, German TIV wording,
//! and damaged releases named instead of silently skipped. Expected figures
//! are hand computations over the hand-made files below.

use crate::common::{get, state_at};
use axum::Router;
use axum::http::StatusCode;
use server::Limits;

fn app(dir: &std::path::Path) -> Router {
    server::app(state_at(dir, None, Limits::default()))
}

/// Stores `text` (a SIPRI export) read as `file_name` in data dir `dir`.
fn put(dir: &std::path::Path, text: &str, file_name: &str) {
    let opts = sipri::ReadOptions {
        file_name: file_name.into(),
        ..Default::default()
    };
    let (rel, report) = sipri::read(text.as_bytes(), &opts).expect("file reads");
    store::Store::open(dir)
        .unwrap()
        .put(&rel, &report)
        .expect("store put");
}

/// A legacy register (one delivered TIV per deal, years listed): Russia's
/// 500 TIV to Kazakhstan over 2020 and 2021 is 250 a year by armsflow's
/// even split; the US's 25,025 TIV to Ukraine over 2019 and 2020 puts
/// 12,512.5 in 2020-2024, a tie when rounded to whole TIV.
fn legacy_dir() -> tempfile::TempDir {
    let tmp = tempfile::tempdir().unwrap();
    let text = "Title\nData generated: 13 Mar 2025 10:02:49 AM\n\
         Recipient,Supplier,Year of order, ,Number ordered, ,Weapon designation,Weapon description,Number delivered, ,Year(s) of delivery,status,Comments,SIPRI TIV per unit,SIPRI TIV for total order,SIPRI TIV of delivered weapons\n\
         Kazakhstan,Russia,2018,,10,,Su-30MK,FGA aircraft,10,,2020; 2021,New,,50,500,500\n\
         Ukraine,United States,2018,,1001,,M-777,towed gun,1001,,2019; 2020,New,,25,25025,25025\n";
    put(tmp.path(), text, "legacy.csv");
    tmp
}

const SPLIT_EN: &str = "Legacy register: per-year values are armsflow's split.";

#[tokio::test]
async fn legacy_downloads_and_embeds_say_the_years_are_a_split() {
    let tmp = legacy_dir();
    let app = app(tmp.path());
    let q = "period=2020-2024";
    // CSVs: the API's `allocation_warning` column on every row.
    for uri in [
        "/export/pair/RUS/KAZ/pair-chart.csv",
        "/export/world/importers-chart.csv",
        "/export/country/KAZ/supplier-chart.csv",
        "/export/country/KAZ/annual-chart.csv",
        "/export/supplier/RUS/customers-chart.csv",
        "/export/supplier/RUS/customers-over-time.csv",
    ] {
        let r = get(&app, &format!("{uri}?{q}")).await;
        assert_eq!(r.status, StatusCode::OK, "{uri}: {}", r.text());
        let mut rd = csv::Reader::from_reader(&r.body[..]);
        let h = rd.headers().unwrap().clone();
        let col = h.iter().position(|c| c == "allocation_warning");
        let col = col.unwrap_or_else(|| panic!("{uri}: no allocation_warning in {h:?}"));
        let rows: Vec<csv::StringRecord> = rd.records().map(Result::unwrap).collect();
        assert!(!rows.is_empty(), "{uri}");
        for row in &rows {
            assert!(row[col].contains("even split"), "{uri}: {row:?}");
        }
        assert!(
            r.headers.contains_key("x-armsflow-allocation-warning"),
            "{uri}"
        );
    }
    // The split itself: 500 TIV over two years is 250 in 2021.
    let r = get(&app, &format!("/export/pair/RUS/KAZ/pair-chart.csv?{q}")).await;
    assert!(
        r.text().contains("2021,Russia,RUS,Kazakhstan,KAZ,250,"),
        "{}",
        r.text()
    );
    // SVG (and so PNG, rendered from it): a visible line in the image.
    for uri in [
        "/export/pair/RUS/KAZ/pair-chart.svg",
        "/export/world/importers-chart.svg",
        "/export/country/KAZ/annual-chart.svg",
        "/export/supplier/RUS/customers-chart.svg",
        "/export/map/world-map.svg",
    ] {
        let r = get(&app, &format!("{uri}?{q}")).await;
        assert_eq!(r.status, StatusCode::OK, "{uri}: {}", r.text());
        let text = r.text();
        let doc = roxmltree::Document::parse(&text).expect("well-formed SVG");
        let said: String = doc
            .descendants()
            .filter(|n| n.has_tag_name("text") && n.attribute("class") == Some("kit-warning"))
            .filter_map(|n| n.text())
            .collect::<Vec<_>>()
            .join(" ");
        assert!(
            said.contains("per-year values are armsflow's split"),
            "{uri}: {said}"
        );
    }
    let r = get(&app, &format!("/export/pair/RUS/KAZ/pair-chart.png?{q}")).await;
    assert_eq!(r.status, StatusCode::OK);
    // Embeds: visible text, in the page's language.
    for uri in [
        "/embed/pair/RUS/KAZ/pair-chart",
        "/embed/country/KAZ/annual-chart",
        "/embed/supplier/RUS/customers-chart",
        "/embed/world/importers-chart",
        "/embed/map",
    ] {
        let r = get(&app, &format!("{uri}?{q}")).await;
        assert_eq!(r.status, StatusCode::OK, "{uri}: {}", r.text());
        assert!(r.text().contains(SPLIT_EN), "{uri}");
        let de = get(&app, &format!("{uri}?{q}&lang=de")).await.text();
        assert!(de.contains("Jahreswerte sind eine Aufteilung"), "{uri}");
    }
}

/// A register with SIPRI's per-year values carries no such warning.
#[tokio::test]
async fn register_downloads_carry_no_split_warning() {
    let tmp = crate::common::handmade_dir();
    let app = app(tmp.path());
    let csv = get(&app, "/export/pair/RUS/KAZ/pair-chart.csv?period=2020-2024").await;
    assert_eq!(csv.status, StatusCode::OK, "{}", csv.text());
    assert!(!csv.text().contains("allocation_warning"), "{}", csv.text());
    let svg = get(&app, "/export/pair/RUS/KAZ/pair-chart.svg?period=2020-2024").await;
    assert!(
        !svg.text().contains("armsflow&#39;s split"),
        "{}",
        svg.text()
    );
    let embed = get(&app, "/embed/pair/RUS/KAZ/pair-chart?period=2020-2024").await;
    assert!(!embed.text().contains(SPLIT_EN));
}

/// 12,512.5 TIV rounds to 12,513 on every page (it was 12,512 on /world,
/// 12,513 on /country/UKR).
#[tokio::test]
async fn one_rounding_rule_on_every_page() {
    let tmp = legacy_dir();
    let app = app(tmp.path());
    for uri in ["/world?period=2020-2024", "/country/UKR?period=2020-2024"] {
        let t = get(&app, uri).await.text();
        assert!(t.contains("12,513"), "{uri}");
        assert!(!t.contains("12,512"), "{uri}");
    }
}

/// A register whose numbers delivered are flagged as estimated on Russia's
/// row only: 88 of the world's 100 TIV in 2021 rest on estimates (88.0 %),
/// as the CLI's `top` says.
#[tokio::test]
async fn the_world_page_gives_the_estimated_share() {
    let tmp = tempfile::tempdir().unwrap();
    let mut text =
        String::from("Transfers of major conventional arms: test file made by armsflow tests\n");
    for i in 2..=8 {
        text.push_str(&format!("Note {i}.\n"));
    }
    text.push_str("\nSource: armsflow test suite.\nData generated: 3 Jan 2025 9:15:00 AM\n");
    text.push_str(
        "SIPRI AT Database ID,Supplier,Recipient,Designation,Description,Armament category,\
         Order date,Order date is estimate,Numbers delivered,Numbers delivered is estimate,\
         Delivery year,Delivery year is estimate,Status,SIPRI estimate,TIV deal unit,\
         TIV delivery values,Local production\n",
    );
    text.push_str("1,Russia,Kazakhstan,TEST-1,test vehicle,Armoured vehicles,2015,No,4,Yes,2021,No,New,1,1,88,No\n");
    text.push_str("2,Spain,Kazakhstan,TEST-2,test vehicle,Armoured vehicles,2015,No,4,No,2021,No,New,1,1,12,No\n");
    put(tmp.path(), &text, "handmade.csv");
    let app = app(tmp.path());
    let t = get(&app, "/world?period=2020-2024").await.text();
    assert!(
        t.contains("At least 88.0 % of the world total rests on SIPRI estimates"),
        "{t}"
    );
    let de = get(&app, "/world?period=2020-2024&lang=de").await.text();
    assert!(de.contains("Mindestens 88,0 % der Weltsumme"), "{de}");
}

/// TIV is a volume, not a price: "im Wert von" read as money.
#[tokio::test]
async fn german_tiv_is_a_volume_not_a_worth() {
    let tmp = crate::common::handmade_dir();
    let app = app(tmp.path());
    for uri in ["/country/KAZ?lang=de", "/pair/RUS/KAZ?lang=de"] {
        let t = get(&app, uri).await.text();
        assert!(t.contains("im Umfang von"), "{uri}");
        assert!(!t.contains("im Wert von"), "{uri}");
    }
}

/// The newest release damaged (its flows file cut short): answers say the
/// default passed over it, the listing names it, and asking for it by id
/// says it is damaged — never a path (hostile-files probe: a silent
/// fallback to the older release, and 404 "no release").
#[tokio::test]
async fn a_damaged_newest_release_is_named_not_skipped_silently() {
    let tmp = tempfile::tempdir().unwrap();
    let (old, new) = two_releases(tmp.path());
    let flows = tmp.path().join("releases").join(&new).join("flows.parquet");
    let len = std::fs::metadata(&flows).unwrap().len();
    std::fs::OpenOptions::new()
        .write(true)
        .open(&flows)
        .unwrap()
        .set_len(len / 2)
        .unwrap();
    let app = app(tmp.path());
    let dir = tmp.path().to_string_lossy().to_string();

    let r = get(&app, "/api/releases").await;
    assert_eq!(r.status, StatusCode::OK);
    let v = r.json();
    assert_eq!(v["default"], old.as_str(), "{v}");
    assert_eq!(v["damaged"][0]["name"], new.as_str(), "{v}");
    assert!(
        v["damaged"][0]["reason"]
            .as_str()
            .is_some_and(|s| s.starts_with("flows.parquet")),
        "{v}"
    );
    assert!(!r.text().contains(&dir), "{}", r.text());

    let r = get(&app, "/api/imports?country=KAZ&period=2020-2024").await;
    assert_eq!(r.status, StatusCode::OK, "{}", r.text());
    let v = r.json();
    assert_eq!(v["release"]["id"], old.as_str());
    let said = format!("The stored release {new} is damaged and was skipped");
    assert!(
        v["notes"].as_array().is_some_and(|n| n
            .iter()
            .any(|x| x.as_str().is_some_and(|s| s.contains(&said)))),
        "{v}"
    );
    let r = get(&app, "/api/imports?country=KAZ&period=2020-2024&format=csv").await;
    assert!(
        r.text().contains("release_note") && r.text().contains(&said),
        "{}",
        r.text()
    );
    // Named explicitly, the older release answers without the note.
    let r = get(
        &app,
        &format!("/api/imports?country=KAZ&period=2020-2024&release={old}"),
    )
    .await;
    assert!(!r.text().contains("damaged"), "{}", r.text());

    let r = get(&app, &format!("/api/imports?country=KAZ&release={new}")).await;
    let v = crate::common::assert_error(&r, StatusCode::CONFLICT);
    assert_eq!(v["error"], "release_damaged", "{v}");
    let m = v["message"].as_str().unwrap();
    assert!(
        m.contains(&format!("release {new} is damaged (flows.parquet")) && m.contains("repairs it"),
        "{m}"
    );
    assert!(!r.text().contains(&dir), "{}", r.text());
    let r = get(&app, &format!("/api/releases/{new}")).await;
    assert_eq!(r.status, StatusCode::CONFLICT, "{}", r.text());
    // The dashboard on the default release says so too.
    let page = get(&app, "/country/KAZ").await.text();
    assert!(
        page.contains("Stored releases that could not be read were skipped") && page.contains(&new),
        "{page}"
    );
}

/// The OpenAPI document lists the damaged entries and the 409.
#[tokio::test]
async fn the_openapi_document_knows_damaged_releases() {
    let tmp = crate::common::handmade_dir();
    let app = app(tmp.path());
    let v = get(&app, "/api/openapi.json").await.json();
    assert!(
        v["components"]["schemas"]["ReleaseList"]["properties"]["damaged"].is_object(),
        "{}",
        v["components"]["schemas"]["ReleaseList"]
    );
    assert!(v["paths"]["/api/imports"]["get"]["responses"]["409"].is_object());
}

/// `basis=order` on a TIV table (no orders recorded) selected nothing and
/// answered "imported nothing" (hostile-files probe 2): now a 422 saying why.
#[tokio::test]
async fn order_basis_on_a_tiv_table_is_refused() {
    let tmp = tempfile::tempdir().unwrap();
    put(
        tmp.path(),
        "Volume\nData generated: 13 Oct 2024 12:33:29 PM\nExports by,2021,2022,2023,2021-2023\n\
         United States,10,20,30,60\nFrance,1,2,3,6\nTotal world export,11,22,33,66\n",
        "exports.csv",
    );
    let app = app(tmp.path());
    for uri in [
        "/api/top?direction=exports&period=2021-2023&basis=order",
        "/api/exports?country=USA&period=2021-2023&basis=order",
    ] {
        crate::common::refused(&app, uri, "records deliveries by year and no orders").await;
    }
    let ok = get(&app, "/api/top?direction=exports&period=2021-2023").await;
    assert_eq!(ok.status, StatusCode::OK, "{}", ok.text());
}

/// The newest release damaged behind an intact footer (bytes flipped in the
/// middle of its flows files), which only a load sees: default answers pass
/// over it for the older release and say so, and the listing's default
/// follows (server probe 33: every default answer was a 409 until the file
/// was imported again).
#[tokio::test]
async fn damage_only_a_load_sees_moves_the_default_to_the_next_release() {
    let tmp = tempfile::tempdir().unwrap();
    let (old, new) = two_releases(tmp.path());
    let dir = tmp.path().join("releases").join(&new);
    for f in ["flows.parquet", "flows.cols"] {
        let mut bytes = std::fs::read(dir.join(f)).unwrap();
        // Past the magic number, before the footer: data only a load reads.
        bytes[12] ^= 0xff;
        bytes[13] ^= 0xff;
        std::fs::write(dir.join(f), bytes).unwrap();
    }
    assert!(store::Store::open(tmp.path()).unwrap().check(&new).is_ok());
    let app = app(tmp.path());
    for _ in 0..2 {
        let r = get(&app, "/api/imports?country=KAZ&period=2020-2024").await;
        assert_eq!(r.status, StatusCode::OK, "{}", r.text());
        let v = r.json();
        assert_eq!(v["release"]["id"], old.as_str(), "{v}");
        let said = format!("The stored release {new} is damaged and was skipped");
        assert!(r.text().contains(&said), "{v}");
    }
    let v = get(&app, "/api/releases").await.json();
    assert_eq!(v["default"], old.as_str(), "{v}");
    let r = get(&app, &format!("/api/imports?country=KAZ&release={new}")).await;
    let v = crate::common::assert_error(&r, StatusCode::CONFLICT);
    assert_eq!(v["error"], "release_damaged", "{v}");
    let page = get(&app, "/country/KAZ").await;
    assert_eq!(page.status, StatusCode::OK, "{}", page.text());
}

/// The only release damaged where only a load sees it: default answers
/// name the damage (409), not "no release stored".
#[tokio::test]
async fn the_only_release_damaged_by_load_is_named() {
    let tmp = crate::common::handmade_dir();
    let id = store::Store::open(tmp.path()).unwrap().list().unwrap()[0]
        .id
        .clone();
    for f in ["flows.parquet", "flows.cols"] {
        let f = tmp.path().join("releases").join(&id).join(f);
        let mut bytes = std::fs::read(&f).unwrap();
        bytes[12] ^= 0xff;
        std::fs::write(&f, bytes).unwrap();
    }
    let app = app(tmp.path());
    for _ in 0..2 {
        let r = get(&app, "/api/imports?country=KAZ&period=2020-2024").await;
        let v = crate::common::assert_error(&r, StatusCode::CONFLICT);
        assert_eq!(v["error"], "release_damaged", "{v}");
    }
}

/// An unknown release on a page suggests the stored ones, each a link to
/// the same page on that release (server probe 33: the links searched for
/// the id as a country, and found nothing).
#[tokio::test]
async fn suggested_releases_link_to_the_page_on_that_release() {
    let tmp = crate::common::handmade_dir();
    let id = store::Store::open(tmp.path()).unwrap().list().unwrap()[0]
        .id
        .clone();
    let app = app(tmp.path());
    let r = get(&app, "/country/KAZ?release=nope").await;
    assert_eq!(r.status, StatusCode::NOT_FOUND);
    let want = format!("href=\"/country/KAZ?release={id}\"");
    assert!(r.text().contains(&want), "{}", r.text());
    assert!(
        !r.text().contains(&format!("/search?q={id}")),
        "{}",
        r.text()
    );
}

/// The hand-made register stored twice, generated a year apart: the ids of
/// the older and the newer release.
fn two_releases(dir: &std::path::Path) -> (String, String) {
    for (title, date) in [("old", "3 Jan 2025"), ("new", "3 Jan 2026")] {
        crate::common::handmade_put(
            dir,
            &format!("Transfers of major conventional arms: {title}"),
            date,
        );
    }
    let ids: Vec<String> = store::Store::open(dir)
        .unwrap()
        .list()
        .unwrap()
        .into_iter()
        .map(|m| m.id)
        .collect();
    assert_eq!(ids.len(), 2, "{ids:?}");
    assert!(ids[1].starts_with("2026-01-03"), "{ids:?}");
    (ids[0].clone(), ids[1].clone())
}
