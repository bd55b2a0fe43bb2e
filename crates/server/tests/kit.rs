//! The journalist's kit (issue #13, build point 1): chart downloads as SVG,
//! PNG and CSV with their provenance, embeds that only `/embed/` may frame,
//! citations in English and German, permalinks that hold the page's state.
//! Real-data checks run on the Feb-2026 register through `testkit`; the
//! expected 88.4 % is SIPRI's published figure for Russia's share of
//! Kazakhstan's arms imports in 2020-2024.

use crate::common::{Resp, demo_app, get, real_app};
use axum::http::StatusCode;

fn header<'a>(r: &'a Resp, name: &str) -> &'a str {
    r.headers
        .get(name)
        .and_then(|v| v.to_str().ok())
        .unwrap_or("")
}

/// The release id a page or file names (`X-Armsflow-Release`).
async fn release_id(app: &axum::Router) -> String {
    get(app, "/api/health").await.json()["release"]["id"]
        .as_str()
        .or(Some(""))
        .map(str::to_string)
        .unwrap()
}

/// The text content of the first element with `id="<id>"` in `html`.
fn element_text(html: &str, id: &str) -> String {
    let at = html
        .find(&format!("id=\"{id}\""))
        .unwrap_or_else(|| panic!("no #{id}"));
    let rest = &html[at..];
    let start = rest.find('>').unwrap() + 1;
    let end = rest.find("</").unwrap();
    rest[start..end]
        .replace("&amp;", "&")
        .replace("&#39;", "'")
        .replace("&quot;", "\"")
}

#[tokio::test]
async fn svg_export_is_a_document_with_title_window_source_and_release() {
    let Some(app) = real_app("svg_export_is_a_document_with_title_window_source_and_release")
    else {
        return;
    };
    let r = get(
        &app,
        "/export/supplier/RUS/customers-chart.svg?period=2020-2024",
    )
    .await;
    assert_eq!(r.status, StatusCode::OK, "{}", r.text());
    assert!(header(&r, "content-type").starts_with("image/svg+xml"));
    assert!(header(&r, "content-disposition").starts_with("attachment; filename=\"armsflow-"));
    let id = header(&r, "x-armsflow-release").to_string();
    assert!(id.contains("register"), "{id}");
    let text = r.text();
    let doc = roxmltree::Document::parse(&text).expect("the SVG export is well-formed XML");
    assert_eq!(doc.root_element().tag_name().name(), "svg");
    let words: String = doc
        .descendants()
        .filter(|n| n.is_text())
        .filter_map(|n| n.text())
        .collect::<Vec<_>>()
        .join(" ");
    for want in [
        "Customers of Russia in 2020-2024",
        "2020-2024, all categories",
        "Source: SIPRI Arms Transfers Database",
        id.as_str(),
        "India",
    ] {
        assert!(words.contains(want), "SVG lacks {want:?}: {words}");
    }
    assert!(!words.contains("SYNTHETIC"));
    // A chart over every five-year window says its span, not the page's window.
    let r = get(&app, "/export/country/KAZ/supplier-chart.svg").await;
    let text = r.text();
    roxmltree::Document::parse(&text).expect("well-formed");
    assert!(text.contains("1995-2024 in five-year windows"), "{text}");
    assert!(text.contains("Supplier shares of Kazakhstan"));
    // A window past the release's years says so inside the file and in a header.
    let r = get(&app, "/export/world/exporters-chart.svg?period=2021-2025").await;
    assert_eq!(r.status, StatusCode::OK);
    assert!(
        header(&r, "x-armsflow-coverage").contains("2025"),
        "{:?}",
        r.headers
    );
    assert!(r.text().contains("2025 is not in it"), "{}", r.text());
}

#[tokio::test]
async fn png_export_decodes_at_the_requested_width() {
    let Some(app) = real_app("png_export_decodes_at_the_requested_width") else {
        return;
    };
    for (q, want) in [("", 1440), ("&width=800", 800)] {
        let r = get(
            &app,
            &format!("/export/country/KAZ/supplier-chart.png?period=2020-2024{q}"),
        )
        .await;
        assert_eq!(r.status, StatusCode::OK, "{}", r.text());
        assert_eq!(header(&r, "content-type"), "image/png");
        let (w, h) = server::kit::png::png_size(&r.body).expect("a PNG signature and IHDR");
        assert_eq!(w, want);
        assert!(h > w / 2 && h < w * 3, "{w}x{h}");
        assert!(
            // Every five-year window of the register, whatever `period` says.
            header(&r, "content-disposition").ends_with("supplier-chart-1995-2024.png\""),
            "{}",
            header(&r, "content-disposition")
        );
    }
    for bad in ["width=10", "width=99999", "width=wide", "width=1e3"] {
        let r = get(
            &app,
            &format!("/export/country/KAZ/supplier-chart.png?{bad}"),
        )
        .await;
        assert_eq!(r.status, StatusCode::BAD_REQUEST, "{bad}");
    }
}

#[tokio::test]
async fn csv_of_kazakhstan_supplier_chart_reads_russia_88_4() {
    let Some(app) = real_app("csv_of_kazakhstan_supplier_chart_reads_russia_88_4") else {
        return;
    };
    let r = get(
        &app,
        "/export/country/KAZ/supplier-chart.csv?period=2020-2024",
    )
    .await;
    assert_eq!(r.status, StatusCode::OK, "{}", r.text());
    assert!(header(&r, "content-type").starts_with("text/csv"));
    assert_eq!(header(&r, "x-armsflow-synthetic"), "false");
    let mut rd = csv::Reader::from_reader(r.body.as_slice());
    let head: Vec<String> = rd.headers().unwrap().iter().map(str::to_string).collect();
    let col = |n: &str| {
        head.iter()
            .position(|h| h == n)
            .unwrap_or_else(|| panic!("no {n}"))
    };
    let (w, sup, share, rel, src) = (
        col("window"),
        col("supplier"),
        col("share_percent"),
        col("release"),
        col("source"),
    );
    let rows: Vec<csv::StringRecord> = rd.records().map(|r| r.expect("a CSV row")).collect();
    let russia = rows
        .iter()
        .find(|r| &r[w] == "2020-2024" && &r[sup] == "Russia")
        .expect("Russia in 2020-2024");
    let v: f64 = russia[share].parse().unwrap();
    assert_eq!(format!("{v:.1}"), "88.4");
    // Full precision, not the page's rounding.
    assert!(russia[share].len() > 4, "{}", &russia[share]);
    assert_eq!(&russia[rel], header(&r, "x-armsflow-release"));
    assert!(russia[src].starts_with("Source: SIPRI Arms Transfers Database"));
    // Each window's shares (top suppliers plus Others) add up to 100 %.
    let sum: f64 = rows
        .iter()
        .filter(|r| &r[w] == "2020-2024")
        .map(|r| r[share].parse::<f64>().unwrap())
        .sum();
    assert!((sum - 100.0).abs() < 1e-6, "{sum}");
}

/// Regression: the year-by-year chart's exports carry its own window
/// (`from`/`to`), so a download is the years shown, not the default ones.
#[tokio::test]
async fn annual_chart_exports_keep_the_years_shown() {
    let Some(app) = real_app("annual_chart_exports_keep_the_years_shown") else {
        return;
    };
    let page = get(&app, "/country/KAZ?period=2020-2024&from=2019&to=2022")
        .await
        .text();
    let href = page
        .split("href=\"")
        .map(|s| s.split('"').next().unwrap_or(""))
        .find(|h| h.starts_with("/export/country/KAZ/annual-chart.csv"))
        .expect("the annual chart has a CSV link")
        .replace("&amp;", "&");
    assert!(
        href.contains("from=2019") && href.contains("to=2022"),
        "{href}"
    );
    let r = get(&app, &href).await;
    assert_eq!(r.status, StatusCode::OK, "{}", r.text());
    let mut rd = csv::Reader::from_reader(r.body.as_slice());
    let head: Vec<String> = rd.headers().unwrap().iter().map(str::to_string).collect();
    let col = |n: &str| head.iter().position(|h| h == n).unwrap();
    let (y, sup, tiv) = (col("year"), col("supplier"), col("tiv_millions"));
    let rows: Vec<csv::StringRecord> = rd.records().map(|r| r.unwrap()).collect();
    let years: std::collections::BTreeSet<&str> = rows.iter().map(|r| &r[y]).collect();
    assert_eq!(
        years.into_iter().collect::<Vec<_>>(),
        ["2019", "2020", "2021", "2022"]
    );
    // Russia -> Kazakhstan 2021: 195 TIV (scripts/explore_reference.py over the raw register).
    let ru21 = rows
        .iter()
        .find(|r| &r[y] == "2021" && &r[sup] == "Russia")
        .expect("Russia 2021");
    assert_eq!(ru21[tiv].parse::<f64>().unwrap(), 195.0);
    let svg = get(&app, &href.replace(".csv", ".svg")).await.text();
    assert!(
        svg.contains("2019") && svg.contains("2022"),
        "the SVG names its years"
    );
}

#[tokio::test]
async fn demo_exports_say_synthetic_and_never_credit_sipri() {
    let app = demo_app();
    for path in [
        "/export/country/KAZ/supplier-chart.svg",
        "/export/world/exporters-chart.svg?category=Aircraft",
        "/export/supplier/RUS/customers-chart.svg",
    ] {
        let r = get(&app, path).await;
        assert_eq!(r.status, StatusCode::OK, "{path}: {}", r.text());
        let t = r.text();
        roxmltree::Document::parse(&t).expect("well-formed");
        assert!(t.contains(">SYNTHETIC</text>"), "{path}: no watermark");
        assert!(t.contains("SYNTHETIC DEMO DATA"), "{path}");
        assert!(!t.contains("SIPRI Arms Transfers Database"), "{path}: {t}");
        assert!(!t.contains("(c) SIPRI"), "{path}");
        assert_eq!(header(&r, "x-armsflow-synthetic"), "true");
        assert!(header(&r, "content-disposition").contains("-SYNTHETIC.svg"));
    }
    let r = get(&app, "/export/country/KAZ/supplier-chart.csv").await;
    let t = r.text();
    assert!(
        t.lines().skip(1).all(|l| l.contains("SYNTHETIC DEMO DATA")),
        "{t}"
    );
    assert!(!t.contains("SIPRI Arms Transfers Database"));
    let png = get(&app, "/export/world/importers-chart.png?width=600").await;
    assert_eq!(
        server::kit::png::png_size(&png.body).map(|s| s.0),
        Some(600)
    );
    assert!(header(&png, "content-disposition").contains("-SYNTHETIC.png"));
}

#[tokio::test]
async fn only_embed_views_may_be_framed() {
    let app = demo_app();
    let e = get(&app, "/embed/country/KAZ/supplier-chart?period=2020-2024").await;
    assert_eq!(e.status, StatusCode::OK, "{}", e.text());
    assert!(e.headers.get("x-frame-options").is_none());
    let csp = header(&e, "content-security-policy");
    assert!(csp.contains("frame-ancestors *"), "{csp}");
    assert!(csp.contains("script-src 'self'"), "{csp}");
    let t = e.text();
    assert!(t.contains("<svg id=\"supplier-chart\""));
    assert!(t.contains("SYNTHETIC"), "demo embeds say so");
    assert!(
        t.contains("href=\"/country/KAZ?period=2020-2024&amp;release="),
        "link back"
    );
    for path in [
        "/",
        "/country/KAZ",
        "/world",
        "/claims",
        "/api/health",
        "/export/country/KAZ/supplier-chart.svg",
        "/assets/app.js",
        "/no-such-page",
        "/embedded/country/KAZ/supplier-chart",
    ] {
        let r = get(&app, path).await;
        assert_eq!(header(&r, "x-frame-options"), "DENY", "{path}");
        assert!(
            header(&r, "content-security-policy").contains("frame-ancestors 'none'"),
            "{path}"
        );
    }
    // An unknown chart is a 404 page, still framable (it is an embed view).
    let r = get(&app, "/embed/country/KAZ/no-chart").await;
    assert_eq!(r.status, StatusCode::NOT_FOUND);
    assert!(
        r.text().contains("supplier-chart"),
        "names the charts there are"
    );
}

#[tokio::test]
async fn every_chart_and_table_has_a_toolbar() {
    let app = demo_app();
    for path in ["/world", "/country/KAZ", "/supplier/RUS"] {
        let page = get(&app, path).await.text();
        let charts = page.matches("<div class=\"chart-box\"").count();
        let tables = page.matches("<table").count();
        assert!(charts > 0, "{path}");
        for (i, part) in page.split("<div class=\"chart-box\"").skip(1).enumerate() {
            let after = &part[part.find("</svg></div>").expect("chart box closes")..];
            assert!(
                after["</svg></div>".len()..].starts_with("<div class=\"kit\""),
                "{path}: chart {i} has no toolbar"
            );
        }
        assert!(
            page.matches("class=\"kit\"").count() >= charts,
            "{path}: {charts} charts, {tables} tables"
        );
        for needle in [
            "download>SVG",
            "download>PNG",
            "download>CSV",
            "<summary>Embed",
            "<summary>Cite",
            "Permalink",
        ] {
            assert!(page.contains(needle), "{path}: no {needle}");
        }
    }
    // In German the toolbar speaks German; both citations stay in their languages.
    let de = get(&app, "/country/KAZ?lang=de").await.text();
    for needle in [
        "<summary>Einbetten",
        "<summary>Zitieren",
        "abgerufen am",
        "accessed",
    ] {
        assert!(de.contains(needle), "German page lacks {needle}");
    }
    // The country page's tables: shares, deliveries, groups (CSV from the API).
    let page = get(&app, "/country/KAZ").await.text();
    for api in [
        "/api/imports?country=KAZ",
        "/api/deliveries?country=KAZ",
        "/api/groups?country=KAZ",
    ] {
        assert!(page.contains(api), "no CSV link to {api}");
    }
    // Every download link answers.
    let hrefs: Vec<String> = page
        .split("class=\"kit-dl\" href=\"")
        .skip(1)
        .map(|s| s[..s.find('"').unwrap()].replace("&amp;", "&"))
        .collect();
    assert!(hrefs.len() >= 8, "{hrefs:?}");
    for h in hrefs {
        let r = get(&app, &h).await;
        assert_eq!(r.status, StatusCode::OK, "{h}: {}", r.text());
    }
    let sup = get(&app, "/supplier/RUS").await.text();
    let h = sup
        .split("class=\"kit-dl\" href=\"")
        .skip(1)
        .map(|s| s[..s.find('"').unwrap()].replace("&amp;", "&"))
        .find(|h| h.contains("customers-over-time.csv"))
        .expect("over-time table CSV");
    let r = get(&app, &h).await;
    assert_eq!(r.status, StatusCode::OK);
    assert!(r.text().starts_with("window,category,recipient,"));
}

#[tokio::test]
async fn citations_in_english_and_german_name_database_release_and_permalink() {
    let Some(app) = real_app("citations_in_english_and_german_name_database_release_and_permalink")
    else {
        return;
    };
    let id = release_id(&app).await;
    assert!(!id.is_empty());
    let page = get(&app, "/country/KAZ?period=2020-2024").await.text();
    let en = element_text(&page, "supplier-chart-cite-en");
    let de = element_text(&page, "supplier-chart-cite-de");
    let link = format!("/country/KAZ?period=2020-2024&release={id}#supplier-chart");
    for (c, words) in [
        (
            &en,
            [
                "SIPRI Arms Transfers Database",
                "accessed",
                "data generated 12 February 2026",
            ],
        ),
        (
            &de,
            [
                "SIPRI Arms Transfers Database",
                "abgerufen am",
                "Datenstand 12. Februar 2026",
            ],
        ),
    ] {
        for w in words {
            assert!(c.contains(w), "citation lacks {w:?}: {c}");
        }
        assert!(c.contains(&format!("elease {id}")), "{c}");
        assert!(c.contains(&link), "{c}");
        assert!(c.contains("Supplier shares of Kazakhstan"), "{c}");
    }
    // The permalink holds the whole state: it opens the same window of the same release.
    let r = get(&app, &link.replace("#supplier-chart", "")).await;
    assert_eq!(r.status, StatusCode::OK);
    assert!(r.text().contains("88.4"));
    // The world page's permalink keeps the category too.
    let w = get(&app, "/world?period=2015-2019&category=Ships")
        .await
        .text();
    let c = element_text(&w, "exporters-chart-cite-en");
    assert!(
        c.contains(&format!(
            "/world?period=2015-2019&category=Ships&release={id}#exporters-chart"
        )),
        "{c}"
    );
    assert!(c.contains("2015-2019, Ships"), "{c}");
    // Synthetic data is never cited as SIPRI's.
    let demo = get(&demo_app(), "/country/KAZ").await.text();
    for lang in ["en", "de"] {
        let c = element_text(&demo, &format!("supplier-chart-cite-{lang}"));
        assert!(c.contains("SYNTHETI"), "{c}");
        assert!(!c.contains("SIPRI Arms Transfers Database"), "{c}");
    }
}
