//! What the surfaces probe of round 21 found, as regressions (the same
//! question on the CLI, the API, the dashboard and in Python).

use crate::common::{demo_app, get};
use axum::http::StatusCode;

/// A page that does not read a parameter another page or the API reads
/// refuses it, as the API does: `/country/KAZ?category=aircraft` showed all
/// categories with a 200 (Russia 88.4 % of Kazakhstan's imports 2020-24;
/// aircraft only is 90.39 %), and a misspelt `categroy` was dropped too.
#[tokio::test]
async fn a_page_refuses_a_parameter_it_would_drop() {
    let app = demo_app();
    for (uri, says) in [
        ("/country/KAZ?category=aircraft", "all armament categories"),
        ("/supplier/RUS?category=ships", "all armament categories"),
        ("/pair/RUS/KAZ?category=aircraft", "all armament categories"),
        ("/country/IND?basis=order", "by delivery year"),
        ("/country/KAZ?categroy=aircraft", "did you mean 'category'?"),
        ("/world?categroy=aircraft", "did you mean 'category'?"),
        (
            "/embed/country/KAZ/suppliers?categroy=aircraft",
            "did you mean 'category'?",
        ),
    ] {
        let r = get(&app, uri).await;
        assert_eq!(r.status, StatusCode::BAD_REQUEST, "{uri}: {}", r.text());
        let page = r.text();
        assert!(
            page.contains("<html"),
            "{uri}: an error page, not JSON: {page}"
        );
        assert!(page.contains(says), "{uri}: {page}");
    }
    // On the world page `category` is its own: a slip names it, and does not
    // claim the page shows all categories.
    let page = get(&app, "/world?categroy=aircraft").await.text();
    assert!(!page.contains("all armament categories"), "{page}");
    // German pages say it in their layout.
    let r = get(&app, "/country/KAZ?category=aircraft&lang=de").await;
    assert_eq!(r.status, StatusCode::BAD_REQUEST);
    assert!(r.text().contains("Referenz:"), "{}", r.text());
}

/// Names that mean nothing to armsflow, as shared links carry them, stay
/// harmless: the page answers.
#[tokio::test]
async fn a_page_ignores_tracking_parameters() {
    let app = demo_app();
    for uri in [
        "/country/KAZ?utm_source=newsletter&utm_medium=email&fbclid=x1&gclid=y2&ref=tw",
        "/world?period=2015-2019&category=aircraft&utm_campaign=z",
        "/supplier/RUS?mc_cid=abc&igshid=q",
    ] {
        let r = get(&app, uri).await;
        assert_eq!(r.status, StatusCode::OK, "{uri}: {}", r.text());
    }
}

/// The same-origin links of a page (`href`, `src`, `data-kit-path`), with
/// `&amp;` undone.
fn links(page: &str) -> Vec<String> {
    let mut out = Vec::new();
    for attr in ["href=\"", "src=\"", "data-kit-path=\""] {
        for part in page.split(attr).skip(1) {
            if let Some(end) = part.find('"') {
                let l = part[..end].replace("&amp;", "&");
                if l.starts_with('/') {
                    out.push(l);
                }
            }
        }
    }
    out
}

/// After "Show years" a country page's chart downloads and embed codes
/// carried `from`/`to`, which only the year-by-year chart reads: 8 of them
/// answered 400 on every country page (dashboard crawl 22).
#[tokio::test]
async fn every_chart_link_of_a_country_page_answers_after_show_years() {
    let app = demo_app();
    let page = get(&app, "/country/KAZ?from=2020&to=2024").await.text();
    let charts: Vec<String> = links(&page)
        .into_iter()
        .filter(|l| l.starts_with("/export/") || l.starts_with("/embed/"))
        .collect();
    assert!(charts.len() > 8, "{charts:?}");
    for l in &charts {
        let r = get(&app, l).await;
        assert_eq!(r.status, StatusCode::OK, "{l}: {}", r.text());
        if !l.contains("annual-chart") {
            assert!(!l.contains("from="), "{l}");
        }
    }
    // The year-by-year chart keeps the years shown.
    assert!(
        charts
            .iter()
            .any(|l| l.contains("annual-chart") && l.contains("from=2020"))
    );
}

/// SIPRI's "unknown supplier(s)" pools many suppliers: a deal row names it
/// without a link to a page it does not have (the links gave 422/400).
#[tokio::test]
async fn deal_rows_do_not_link_the_unknown_pools() {
    let app = demo_app();
    let page = get(&app, "/deals?recipient=KAZ&years=2000-2004")
        .await
        .text();
    assert!(
        page.contains("unknown supplier"),
        "the demo has such a deal"
    );
    for l in links(&page) {
        assert!(!l.contains("unknown%3A") && !l.contains("unknown:"), "{l}");
    }
}

/// A release without categories (the legacy register) offers no category
/// select: each of its choices answered 422.
#[tokio::test]
async fn a_release_without_categories_offers_no_category_select() {
    let tmp = tempfile::tempdir().unwrap();
    let store = store::Store::open(tmp.path()).unwrap();
    let header = "Recipient,Supplier,Year of order, ,Number ordered, ,Weapon designation,\
                  Weapon description,Number delivered, ,Year(s) of delivery,status,Comments,\
                  SIPRI TIV per unit,SIPRI TIV for total order,SIPRI TIV of delivered weapons";
    let text = format!(
        "Transfers\nData generated: 13 Mar 2025 10:02:49 AM\n{header}\n\
         Kazakhstan,Russia,2019,,4,,Mi-35M,combat helicopter,4,,2020,New,,11.5,46,46\n\
         India,France,2016,,2,,Rafale,FGA aircraft,2,,2021,New,,50,100,100\n"
    );
    let (rel, report) = sipri::read(text.as_bytes(), &sipri::ReadOptions::default()).unwrap();
    store.put(&rel, &report).unwrap();
    let app = server::app(crate::common::state_at(
        tmp.path(),
        None,
        server::Limits::default(),
    ));
    for uri in ["/world", "/map?metric=tiv", "/deals"] {
        let r = get(&app, uri).await;
        assert_eq!(r.status, StatusCode::OK, "{uri}: {}", r.text());
        assert!(!r.text().contains("name=\"category\""), "{uri}");
    }
    // The demo register keeps its select.
    let page = get(&demo_app(), "/world").await.text();
    assert!(page.contains("name=\"category\""));
}
