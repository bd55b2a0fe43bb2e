//! The kit on the pair page and the world map (issue #13 "a toolbar on every
//! chart", issue #14 "It has the kit of the take-away issue: SVG/PNG/CSV/
//! embed"). The expected 195 TIV is SIPRI's register figure for Russia's
//! deliveries to Kazakhstan in 2021 (the same figure issue #13 pins for
//! `/api/series`).

use crate::common::{Resp, demo_app, get, real_app};
use axum::http::StatusCode;

fn header<'a>(r: &'a Resp, name: &str) -> &'a str {
    r.headers
        .get(name)
        .and_then(|v| v.to_str().ok())
        .unwrap_or("")
}

/// Every `href` inside the page's kit toolbars (`<div class="kit" …>`).
fn toolbar_links(html: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut rest = html;
    while let Some(i) = rest.find("<div class=\"kit\"") {
        rest = &rest[i + 1..];
        let end = rest.find("</details></div>").unwrap_or(rest.len());
        // The toolbar ends at its permalink, after the last panel.
        let bar_end = rest[end..]
            .find("</div>")
            .map_or(rest.len(), |j| end + j + 1);
        let mut bar = &rest[..bar_end.min(rest.len())];
        while let Some(h) = bar.find("href=\"") {
            bar = &bar[h + 6..];
            let q = bar.find('"').unwrap();
            out.push(bar[..q].replace("&amp;", "&"));
            bar = &bar[q..];
        }
    }
    out
}

fn csv_rows(text: &str) -> Vec<csv::StringRecord> {
    let mut r = csv::Reader::from_reader(text.as_bytes());
    let h = r.headers().unwrap().clone();
    let mut rows = vec![h];
    rows.extend(r.records().map(|x| x.unwrap()));
    rows
}

#[tokio::test]
async fn pair_chart_csv_holds_what_the_chart_shows_rus_kaz_2021_is_195() {
    let Some(app) = real_app("pair_chart_csv_holds_what_the_chart_shows_rus_kaz_2021_is_195")
    else {
        return;
    };
    let page = get(&app, "/pair/RUS/KAZ?period=2020-2024").await;
    assert_eq!(page.status, StatusCode::OK);
    let links = toolbar_links(&page.text());
    let csv_href = links
        .iter()
        .find(|l| l.starts_with("/export/pair/RUS/KAZ/pair-chart.csv?"))
        .unwrap_or_else(|| panic!("no CSV in the pair chart's toolbar: {links:?}"));
    assert!(csv_href.contains("period=2020-2024"), "{csv_href}");
    let r = get(&app, csv_href).await;
    assert_eq!(r.status, StatusCode::OK, "{}", r.text());
    assert!(header(&r, "content-type").starts_with("text/csv"));
    let rows = csv_rows(&r.text());
    let h = &rows[0];
    let col = |name: &str| h.iter().position(|c| c == name).unwrap();
    let (year, tiv, src) = (col("year"), col("tiv_millions"), col("source"));
    let years: Vec<&str> = rows[1..].iter().map(|r| &r[year]).collect();
    assert_eq!(
        years,
        ["2020", "2021", "2022", "2023", "2024"],
        "one row a year"
    );
    let y2021 = rows[1..].iter().find(|r| &r[year] == "2021").unwrap();
    assert_eq!(y2021[tiv].parse::<f64>().unwrap(), 195.0);
    assert!(y2021[src].starts_with("Source: SIPRI Arms Transfers Database"));
    assert_eq!(&y2021[col("supplier_key")], "RUS");
    assert_eq!(&y2021[col("recipient_key")], "KAZ");
}

#[tokio::test]
async fn map_png_decodes_at_the_requested_width() {
    let Some(app) = real_app("map_png_decodes_at_the_requested_width") else {
        return;
    };
    let r = get(
        &app,
        "/export/map/world-map.png?supplier=RUS&period=2020-2024&width=800",
    )
    .await;
    assert_eq!(r.status, StatusCode::OK, "{}", r.text());
    assert_eq!(header(&r, "content-type"), "image/png");
    assert!(header(&r, "content-disposition").contains("armsflow-map-share-2020-2024.png"));
    assert_eq!(header(&r, "x-armsflow-synthetic"), "false");
    let dec = png::Decoder::new(std::io::Cursor::new(&r.body));
    let mut reader = dec.read_info().expect("a PNG");
    let mut buf = vec![0; reader.output_buffer_size().unwrap()];
    let info = reader.next_frame(&mut buf).expect("decodes");
    assert_eq!(info.width, 800);
    assert!(info.height > 300, "{}", info.height);
    // Not a blank image: the choropleth has many colours.
    let mut colours: Vec<&[u8]> = buf.chunks(3).collect();
    colours.sort();
    colours.dedup();
    assert!(colours.len() > 20, "{} colours", colours.len());
    // Width is bounded as the kit's.
    let big = get(&app, "/export/map/world-map.png?width=9000").await;
    assert_eq!(big.status, StatusCode::BAD_REQUEST);
    let svg = get(
        &app,
        "/export/map/world-map.svg?supplier=RUS&period=2020-2024",
    )
    .await;
    let t = svg.text();
    roxmltree::Document::parse(&t).expect("well-formed");
    assert!(t.contains("Source: SIPRI Arms Transfers Database"));
    assert!(t.contains(header(&svg, "x-armsflow-release")));
}

#[tokio::test]
async fn only_the_embed_views_of_map_and_pair_may_be_framed() {
    let app = demo_app();
    for path in ["/embed/map?supplier=RUS", "/embed/pair/RUS/KAZ/pair-chart"] {
        let r = get(&app, path).await;
        assert_eq!(r.status, StatusCode::OK, "{path}: {}", r.text());
        assert!(r.headers.get("x-frame-options").is_none(), "{path}");
        assert!(header(&r, "content-security-policy").contains("frame-ancestors *"));
        let t = r.text();
        assert!(t.contains("SYNTHETIC"), "{path}");
        assert!(!t.contains("SIPRI Arms Transfers Database"), "{path}");
        // Links leave the frame.
        assert!(!t.contains("<a href=\"/country/"), "{path}");
    }
    for path in ["/map", "/map?supplier=RUS", "/pair/RUS/KAZ"] {
        let r = get(&app, path).await;
        assert_eq!(r.status, StatusCode::OK, "{path}");
        assert_eq!(header(&r, "x-frame-options"), "DENY", "{path}");
        assert!(header(&r, "content-security-policy").contains("frame-ancestors 'none'"));
    }
}

#[tokio::test]
async fn demo_map_and_pair_exports_say_synthetic_and_never_credit_sipri() {
    let app = demo_app();
    for path in [
        "/export/map/world-map.svg?supplier=RUS",
        "/export/map/world-map.svg?metric=hhi&from=2015-2019",
        "/export/pair/RUS/KAZ/pair-chart.svg",
        "/api/map?supplier=RUS&format=svg",
    ] {
        let r = get(&app, path).await;
        assert_eq!(r.status, StatusCode::OK, "{path}: {}", r.text());
        let t = r.text();
        roxmltree::Document::parse(&t).expect("well-formed");
        assert!(t.contains("SYNTHETIC"), "{path}");
        assert!(!t.contains("SIPRI Arms Transfers Database"), "{path}");
        assert!(!t.contains("(c) SIPRI"), "{path}");
    }
    for path in [
        "/export/map/world-map.png?supplier=RUS&width=400",
        "/export/pair/RUS/KAZ/pair-chart.png?width=400",
    ] {
        let r = get(&app, path).await;
        assert_eq!(r.status, StatusCode::OK, "{path}: {}", r.text());
        assert_eq!(server::kit::png::png_size(&r.body).map(|s| s.0), Some(400));
        assert!(header(&r, "content-disposition").contains("-SYNTHETIC.png"));
        assert_eq!(header(&r, "x-armsflow-synthetic"), "true");
    }
    let csv = get(&app, "/export/pair/RUS/KAZ/pair-chart.csv").await;
    let t = csv.text();
    assert!(t.lines().count() > 1, "{t}");
    assert!(
        t.lines().skip(1).all(|l| l.contains("SYNTHETIC DEMO DATA")),
        "{t}"
    );
    assert!(!t.contains("SIPRI Arms Transfers Database"));
    let csv = get(&app, "/api/map?supplier=RUS&format=csv").await;
    assert!(!csv.text().contains("SIPRI Arms Transfers Database"));
    assert_eq!(header(&csv, "x-armsflow-synthetic"), "true");
}

#[tokio::test]
async fn demo_map_has_one_watermark_not_two() {
    let app = demo_app();
    let t = get(&app, "/map?supplier=RUS").await.text();
    let start = t.find("<svg id=\"world-map\"").expect("the map");
    let map = &t[start..start + t[start..].find("</svg>").unwrap()];
    assert_eq!(map.matches("class=\"wm\"").count(), 1, "the map's own mark");
    assert!(!map.contains("synthetic-mark"), "no second, small mark");
    // Other charts are still marked.
    let pair = get(&app, "/pair/RUS/KAZ").await.text();
    assert!(pair.contains("class=\"synthetic-mark\""));
}

#[tokio::test]
async fn every_toolbar_link_on_map_and_pair_answers() {
    let app = demo_app();
    for page in [
        "/map?supplier=RUS&period=2015-2019&category=Aircraft&arcs=1",
        "/map?metric=group&group=NATO",
        "/map?metric=hhi&from=2015-2019",
        "/pair/RUS/KAZ?period=2015-2019",
    ] {
        let r = get(&app, page).await;
        assert_eq!(r.status, StatusCode::OK, "{page}");
        let links = toolbar_links(&r.text());
        let kinds = ["SVG", "PNG", "CSV"];
        assert!(
            links.len() >= kinds.len() + 2,
            "{page}: svg, png, csv, embed and permalink: {links:?}"
        );
        assert!(links.iter().any(|l| l.starts_with("/embed/")), "{page}");
        for l in &links {
            let r = get(&app, l).await;
            assert_eq!(r.status, StatusCode::OK, "{page}: {l}: {}", r.text());
        }
    }
}

#[tokio::test]
async fn map_permalink_holds_the_whole_state() {
    let app = demo_app();
    let t = get(&app, "/map?metric=share&period=2015-2019&category=Aircraft")
        .await
        .text();
    let links = toolbar_links(&t);
    let perma = links
        .iter()
        .find(|l| l.starts_with("/map?"))
        .expect("a permalink");
    // The defaulted supplier is made explicit, as are window, category and release.
    for k in [
        "metric=share",
        "supplier=",
        "period=2015-2019",
        "category=Aircraft",
        "release=",
    ] {
        assert!(perma.contains(k), "{k} missing: {perma}");
    }
    assert!(perma.ends_with("#world-map"), "{perma}");
    let group = toolbar_links(&get(&app, "/map?metric=group&group=NATO").await.text());
    assert!(
        group
            .iter()
            .any(|l| l.starts_with("/map?") && l.contains("group=NATO")),
        "{group:?}"
    );
}
