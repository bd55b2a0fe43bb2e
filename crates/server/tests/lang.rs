//! Issue #14, point 2: every page in English and German, chosen by `?lang=`
//! (remembered in a cookie), the cookie, `Accept-Language`; German numbers,
//! dates and country names; no language leaking into the other through the
//! response cache; text in the other language marked with `lang`.

use crate::common::{self, demo_app, get, real_app, send};
use axum::Router;
use axum::body::Body;
use axum::http::{Request, StatusCode};

async fn get_with(app: &Router, uri: &str, headers: &[(&str, &str)]) -> common::Resp {
    let mut b = Request::get(uri);
    for (k, v) in headers {
        b = b.header(*k, *v);
    }
    send(app, b.body(Body::empty()).unwrap()).await
}

fn catalogue(src: &'static str) -> Vec<(&'static str, &'static str)> {
    src.lines()
        .map(str::trim)
        .filter(|l| !l.is_empty() && !l.starts_with('#'))
        .filter_map(|l| l.split_once('='))
        .map(|(k, v)| (k.trim(), v.trim()))
        .collect()
}

/// Pieces of the catalogue texts of `lang` that differ from the other
/// language's: what must not show on a page in the other language. Texts
/// are cut at their placeholders; short pieces (shared words, units) are
/// left out.
fn foreign_pieces(lang: &str) -> Vec<String> {
    let en = catalogue(include_str!("../i18n/en.ftl"));
    let de = catalogue(include_str!("../i18n/de.ftl"));
    let (mine, other) = if lang == "en" { (&en, &de) } else { (&de, &en) };
    let mut out = Vec::new();
    for (k, v) in mine.iter() {
        let Some((_, o)) = other.iter().find(|(ok, _)| ok == k) else {
            continue;
        };
        if o == v {
            continue;
        }
        for piece in v.split(['{', '}']).step_by(2) {
            let p = piece.trim_matches(|c: char| c == ' ' || c == ',' || c == '.' || c == ':');
            // Apostrophes and quotes are escaped in HTML; such pieces are
            // compared up to them.
            let p = p.split(['\'', '"', '&']).next().unwrap_or("").trim();
            if p.chars().count() >= 14 {
                out.push(p.to_string());
            }
        }
    }
    out.sort();
    out.dedup();
    out
}

/// `html` without the elements marked as written in `lang` (other
/// attributes stay: `title`, `aria-label` and `placeholder` are read out too).
fn without_lang(html: &str, lang: &str) -> String {
    let mark = format!(" lang=\"{lang}\"");
    let mut out = String::with_capacity(html.len());
    let mut rest = html;
    while let Some(i) = rest.find(&mark) {
        // The tag this attribute belongs to.
        let Some(open) = rest[..i].rfind('<') else {
            break;
        };
        let name: String = rest[open + 1..]
            .chars()
            .take_while(|c| c.is_ascii_alphanumeric())
            .collect();
        if name == "html" {
            out.push_str(&rest[..i + mark.len()]);
            rest = &rest[i + mark.len()..];
            continue;
        }
        out.push_str(&rest[..open]);
        let close = format!("</{name}>");
        match rest[open..].find(&close) {
            Some(j) => rest = &rest[open + j + close.len()..],
            None => {
                rest = "";
            }
        }
    }
    out.push_str(rest);
    out
}

/// `html` without `value="…"` attributes: form values are data (SIPRI's
/// category names, a query), not text of the interface.
fn without_values(html: &str) -> String {
    let mut out = String::with_capacity(html.len());
    let mut rest = html;
    while let Some(i) = rest.find(" value=\"") {
        out.push_str(&rest[..i]);
        let after = &rest[i + 8..];
        rest = after.find('"').map_or("", |j| &after[j + 1..]);
    }
    out.push_str(rest);
    out
}

/// Checks one page in one language: `<html lang>`, `Content-Language`, and
/// no text of the other language's catalogue outside elements marked as such.
fn assert_in_language(uri: &str, lang: &str, html: &str, pieces: &[String]) {
    assert!(
        html.contains(&format!("<html lang=\"{lang}\"")),
        "{uri} ({lang}): <html lang> is not {lang}"
    );
    let other = if lang == "en" { "de" } else { "en" };
    let body = without_values(&without_lang(html, other));
    let leftovers: Vec<&String> = pieces
        .iter()
        .filter(|p| body.contains(p.as_str()))
        .collect();
    assert!(
        leftovers.is_empty(),
        "{uri} in {lang} still shows {other} text: {leftovers:?}"
    );
}

const PAGES: &[&str] = &[
    "/",
    "/world",
    "/world?category=aircraft",
    "/country/KAZ",
    "/country/KAZ?period=2021-2025",
    "/country/KAZ?shift_from=RUS&shift_to=ESP&shift_pct=30",
    "/country/KAZ?shift_from=RUS&shift_to=ESP&shift_pct=abc",
    "/supplier/RUS",
    "/search?q=an",
    "/search?q=zzzz",
    "/claims",
    "/diff",
    "/no-such-page",
    "/country/NO-SUCH-PLACE",
    "/country/KAZ?from=2019&to=2024",
    "/pair/RUS/KAZ",
    "/deals",
    "/deals?q=Su-30",
    "/map",
    "/map?metric=group&group=NATO",
    "/map?metric=hhi",
    "/embed/country/KAZ/supplier-chart",
];

async fn every_page_in_both(app: &Router, name: &str) {
    for lang in ["en", "de"] {
        let other = if lang == "en" { "de" } else { "en" };
        let pieces = foreign_pieces(other);
        assert!(pieces.len() > 100, "{} pieces", pieces.len());
        for uri in PAGES {
            let sep = if uri.contains('?') { '&' } else { '?' };
            let u = format!("{uri}{sep}lang={lang}");
            let r = get(app, &u).await;
            assert!(
                r.status == StatusCode::OK || r.status == StatusCode::NOT_FOUND,
                "{name} {u}: {}",
                r.status
            );
            assert_eq!(
                r.headers["content-language"], lang,
                "{name} {u}: Content-Language"
            );
            assert_in_language(&format!("{name} {u}"), lang, &r.text(), &pieces);
        }
        // The claim checker's answer page (POST), the seed article.
        let seed = include_str!("../../../examples/seed-article-kazakhstan-abraham-accords-de.txt");
        let body: String = form_urlencoded::Serializer::new(String::new())
            .append_pair("text", seed)
            .finish();
        let r = send(
            app,
            Request::post(format!("/claims?lang={lang}"))
                .header("content-type", "application/x-www-form-urlencoded")
                .body(Body::from(body))
                .unwrap(),
        )
        .await;
        assert_in_language(&format!("{name} POST /claims"), lang, &r.text(), &pieces);
    }
}

#[tokio::test]
async fn every_demo_page_in_both_languages_without_leftovers() {
    every_page_in_both(&demo_app(), "demo").await;
}

#[tokio::test]
async fn every_real_page_in_both_languages_without_leftovers() {
    let Some(app) = real_app("every_real_page_in_both_languages_without_leftovers") else {
        return;
    };
    every_page_in_both(&app, "real").await;
}

#[tokio::test]
async fn kazakhstan_in_german_says_88_4_and_russland() {
    let Some(app) = real_app("kazakhstan_in_german_says_88_4_and_russland") else {
        return;
    };
    let t = get(&app, "/country/KAZ?lang=de").await.text();
    assert!(t.contains("<html lang=\"de\""));
    // SIPRI's 2020-2024 share of Russia in Kazakhstan's imports (SIPRI Fact
    // Sheet, March 2025: 88 %), in the chart's tooltips and the CR1 column.
    assert!(t.contains("88,4 %"), "no 88,4 %");
    // (SVG coordinates such as y="188.4" are not numbers a reader sees.)
    assert!(
        !t.contains("88.4 %") && !t.contains("88.4%"),
        "an English number on a German page"
    );
    assert!(t.contains("Russland"));
    assert!(!t.contains("Russia"), "an English country name");
    assert!(t.contains("Rüstungsimporte"));
    // The date of the release, in German words.
    assert!(t.contains("12. Februar 2026"), "release date in German");
    // The window's own sentence, with the share in bold.
    let t = get(&app, "/country/KAZ?lang=de&period=2020-2024")
        .await
        .text();
    assert!(
        t.contains(">Russland</a>, lieferte <strong>88,4 %</strong>"),
        "lede"
    );
    // Grouped thousands the German way.
    assert!(t.contains("1.329"), "TIV 1.329 in German notation");
}

#[tokio::test]
async fn accept_language_and_the_remembered_cookie() {
    let app = demo_app();
    let de = get_with(
        &app,
        "/world",
        &[("accept-language", "de-DE,de;q=0.9,en;q=0.5")],
    )
    .await;
    assert!(de.text().contains("<html lang=\"de\""));
    assert!(de.text().contains("Größte Exporteure"));
    assert_eq!(de.headers["content-language"], "de");
    assert!(
        de.headers["vary"]
            .to_str()
            .unwrap()
            .contains("Accept-Language"),
        "Vary"
    );
    let en = get_with(&app, "/world", &[("accept-language", "en-GB")]).await;
    assert!(en.text().contains("Top exporters"));
    // ?lang= sets the cookie; the cookie then wins over Accept-Language.
    let set = get_with(&app, "/world?lang=de", &[("accept-language", "en")]).await;
    let cookie = set.headers["set-cookie"].to_str().unwrap();
    assert!(cookie.starts_with("lang=de;"), "{cookie}");
    let kept = get_with(
        &app,
        "/country/KAZ",
        &[("accept-language", "en"), ("cookie", "lang=de")],
    )
    .await;
    assert!(kept.text().contains("<html lang=\"de\""));
    assert!(kept.text().contains("Rüstungsimporte"));
    // Choosing English again on a German browser is remembered too.
    let back = get_with(&app, "/world?lang=en", &[("cookie", "lang=de")]).await;
    assert!(
        back.headers["set-cookie"]
            .to_str()
            .unwrap()
            .starts_with("lang=en;")
    );
    assert!(back.text().contains("<html lang=\"en\""));
    // A search that redirects keeps the choice.
    let r = get(&app, "/search?q=Russland&lang=de").await;
    assert!(r.status.is_redirection(), "{}", r.status);
    assert!(
        r.headers["set-cookie"]
            .to_str()
            .unwrap()
            .starts_with("lang=de;")
    );
}

#[tokio::test]
async fn world_in_german() {
    let app = demo_app();
    let t = get(&app, "/world?lang=de").await.text();
    assert!(t.contains("Wer verkauft, wer kauft"));
    assert!(t.contains("Größte Importeure"));
    assert!(t.contains("Alle Kategorien"));
    assert!(t.contains("Als Tabelle"));
    // Percentages with a decimal comma inside the charts too.
    let svg = &t[t.find("<svg").unwrap()..];
    assert!(
        svg.contains(" %</text>") || svg.contains(" %\""),
        "chart values"
    );
    assert!(
        !svg.contains("Largest first"),
        "chart description in English"
    );
    assert!(svg.contains("Größte zuerst"));
}

#[tokio::test]
async fn the_cache_never_serves_one_language_for_the_other() {
    // A fresh app: the cache starts empty, so the first answer is cached.
    let tmp = tempfile::tempdir().unwrap();
    let st = common::state_at(tmp.path(), None, server::Limits::default());
    let app = server::app(st);
    for uri in ["/country/KAZ", "/world", "/supplier/RUS", "/claims"] {
        let de1 = get_with(&app, uri, &[("accept-language", "de")]).await;
        let en1 = get_with(&app, uri, &[("accept-language", "en")]).await;
        let de2 = get_with(&app, uri, &[("accept-language", "de")]).await;
        let en2 = get_with(&app, uri, &[("accept-language", "en")]).await;
        for (r, lang) in [(&de1, "de"), (&en1, "en"), (&de2, "de"), (&en2, "en")] {
            assert_eq!(r.status, StatusCode::OK, "{uri}");
            assert!(
                r.text().contains(&format!("<html lang=\"{lang}\"")),
                "{uri}: a {lang} request got another language"
            );
        }
        assert_eq!(de1.body, de2.body, "{uri}: German answer cached");
        assert_eq!(en1.body, en2.body, "{uri}: English answer cached");
        // A German ETag never validates the English page.
        let etag = de1.headers["etag"].to_str().unwrap().to_string();
        assert_ne!(Some(&de1.headers["etag"]), en1.headers.get("etag"), "{uri}");
        let r = get_with(
            &app,
            uri,
            &[("accept-language", "en"), ("if-none-match", &etag)],
        )
        .await;
        assert_eq!(r.status, StatusCode::OK, "{uri}: 304 across languages");
        assert!(r.text().contains("<html lang=\"en\""));
        // Same through the cookie and ?lang=.
        let c = get_with(
            &app,
            uri,
            &[("cookie", "lang=de"), ("accept-language", "en")],
        )
        .await;
        assert!(c.text().contains("<html lang=\"de\""), "{uri}");
    }
}

#[tokio::test]
async fn german_names_are_found() {
    let app = demo_app();
    let j = get(&app, "/api/search?q=Vereinigte%20Arabische")
        .await
        .json();
    let keys: Vec<&str> = j["hits"]
        .as_array()
        .unwrap()
        .iter()
        .filter_map(|h| h["key"].as_str())
        .collect();
    assert!(keys.contains(&"ARE"), "{j}");
    // Each hit names itself in the interface languages (the search box of a
    // German page shows these).
    let j = get(&app, "/api/search?q=Russ").await.json();
    let rus = j["hits"]
        .as_array()
        .unwrap()
        .iter()
        .find(|h| h["key"] == "RUS")
        .expect("RUS");
    assert_eq!(rus["names"]["de"], "Russland", "{rus}");
    for (q, key) in [
        ("Russland", "RUS"),
        ("T%C3%BCrkei", "TUR"),
        ("Vereinigte%20Arabische%20Emirate", "ARE"),
        ("Frankreich", "FRA"),
    ] {
        let r = get(&app, &format!("/search?q={q}")).await;
        assert!(r.status.is_redirection(), "{q}: {}", r.status);
        let to = r.headers["location"].to_str().unwrap();
        assert_eq!(to, format!("/country/{key}"), "{q}");
    }
    // The country page under its German name.
    let r = get(&app, "/country/Frankreich?lang=de").await;
    assert_eq!(r.status, StatusCode::OK);
    assert!(r.text().contains("Frankreich"));
}

#[tokio::test]
async fn german_demo_pages_credit_no_figure_to_sipri() {
    let app = demo_app();
    for uri in ["/country/KAZ", "/supplier/RUS", "/world", "/claims"] {
        let t = get(&app, &format!("{uri}?lang=de")).await.text();
        for credit in [
            "SIPRI-Schätzungen",
            "von SIPRI geschätzt",
            "von SIPRI als Schätzung",
            "SIPRI hat",
            "SIPRI estimates",
            "estimated by SIPRI",
        ] {
            assert!(!t.contains(credit), "{uri} credits SIPRI: {credit}");
        }
        assert!(t.contains("SYNTHETISCHE DEMODATEN"), "{uri}");
    }
    let t = get(&app, "/country/KAZ?lang=de").await.text();
    // armsflow's own party for unknown suppliers has a German name too.
    assert!(!t.contains("unknown supplier(s)"), "English party name");
    let charts = t.matches("<svg ").count();
    assert_eq!(
        t.matches("SYNTHETISCH – nicht SIPRI</text></svg>").count(),
        charts,
        "every chart carries the German watermark"
    );
}

#[tokio::test]
async fn german_text_on_an_english_page_is_marked() {
    let Some(app) = real_app("german_text_on_an_english_page_is_marked") else {
        return;
    };
    let text =
        "Von 2020 bis 2024 entfielen 88 Prozent aller Waffenimporte Kasachstans auf Russland.";
    let body: String = form_urlencoded::Serializer::new(String::new())
        .append_pair("text", text)
        .finish();
    let r = send(
        &app,
        Request::post("/claims?lang=en")
            .header("content-type", "application/x-www-form-urlencoded")
            .body(Body::from(body))
            .unwrap(),
    )
    .await;
    let t = r.text();
    assert!(t.contains("<html lang=\"en\""));
    assert!(
        t.contains("<span lang=\"de\">Von 2020 bis 2024 entfielen"),
        "the German sentence is marked lang=de"
    );
    // The same sentence on a German page needs no mark.
    let body: String = form_urlencoded::Serializer::new(String::new())
        .append_pair("text", text)
        .finish();
    let r = send(
        &app,
        Request::post("/claims?lang=de")
            .header("content-type", "application/x-www-form-urlencoded")
            .body(Body::from(body))
            .unwrap(),
    )
    .await;
    let t = r.text();
    assert!(t.contains("<html lang=\"de\""));
    assert!(t.contains("<span>Von 2020 bis 2024 entfielen"), "unmarked");
}

#[tokio::test]
async fn script_texts_come_from_the_page() {
    let app = demo_app();
    let js = get(&app, "/assets/app.js").await.text();
    for english in [
        "Working",
        "Request failed",
        "Dark mode",
        "claims found",
        "Source: SIPRI",
    ] {
        assert!(!js.contains(english), "app.js hard-codes {english:?}");
    }
    for (lang, dark) in [("en", "Dark mode"), ("de", "Dunkelmodus")] {
        let t = get(&app, &format!("/world?lang={lang}")).await.text();
        let i = t
            .find("<script id=\"messages\" type=\"application/json\">")
            .expect("messages");
        let block = &t[i..];
        let json = &block[block.find('>').unwrap() + 1..block.find("</script>").unwrap()];
        let v: serde_json::Value = serde_json::from_str(json).expect("messages are JSON");
        assert_eq!(v["dark_mode"], dark);
        assert!(
            v["print_source"].as_str().unwrap().contains("SYNTHETI"),
            "{v}"
        );
    }
}

#[tokio::test]
async fn error_pages_offer_the_other_language() {
    let app = demo_app();
    let r = get(&app, "/no-such-page?lang=de").await;
    assert_eq!(r.status, StatusCode::NOT_FOUND);
    let t = r.text();
    assert!(t.contains("<h1>Nicht gefunden</h1>"), "{t}");
    assert!(
        t.contains("href=\"/no-such-page?lang=en\" hreflang=\"en\""),
        "{t}"
    );
    // The API's English detail is marked as English.
    assert!(
        t.contains("<p lang=\"en\">no such page: /no-such-page</p>"),
        "{t}"
    );
    let r = get(&app, "/country/NO-SUCH-PLACE?lang=de").await;
    assert_eq!(r.status, StatusCode::NOT_FOUND);
    assert!(r.text().contains("href=\"/country/NO-SUCH-PLACE?lang=en\""));
    // API errors stay English JSON.
    let j = get(&app, "/api/imports?country=NO-SUCH-PLACE&lang=de").await;
    assert!(
        j.json()["message"]
            .as_str()
            .unwrap()
            .contains("unknown country")
    );
}

/// Regression: the map's and the deals page's filters listed SIPRI's English
/// category names (and the deals page its statuses) on German pages.
#[tokio::test]
async fn german_filters_on_map_and_deals() {
    let app = demo_app();
    for uri in ["/map?lang=de", "/deals?lang=de"] {
        let t = get(&app, uri).await.text();
        assert!(
            t.contains(">Luftfahrzeuge<"),
            "{uri}: German category names"
        );
        assert!(!t.contains(">Aircraft<"), "{uri}: an English category name");
        assert!(!t.contains(">Air-defence systems<"), "{uri}");
    }
    let t = get(&app, "/deals?lang=de").await.text();
    // The filter's labels (the table's cells show SIPRI's own status text).
    let i = t.find("id=\"deal-status\"").expect("status filter");
    let select = &t[i..i + t[i..].find("</select>").unwrap()];
    assert!(
        select.contains(">Gebraucht<") && !select.contains(">Second hand<"),
        "{select}"
    );
    // The value sent stays SIPRI's, so a German filter finds the same deals.
    assert!(select.contains("value=\"Second hand\""), "{select}");
}

/// The scenario's steps in the page's language (they were the engine's
/// English on German pages, marked `lang="en"`).
#[tokio::test]
async fn scenario_steps_follow_the_page_language() {
    let app = demo_app();
    let uri = "/country/KAZ?shift_from=RUS&shift_to=TUR,ISR&shift_pct=30&period=2020-2024";
    let de = get(&app, &format!("{uri}&lang=de")).await.text();
    assert!(
        de.contains("30 % der Lieferungen von Russland verlagert"),
        "no German step"
    );
    assert!(
        !de.contains("shift 30 % of"),
        "an English step on the German page"
    );
    let en = get(&app, &format!("{uri}&lang=en")).await.text();
    assert!(en.contains("Shift 30 % of Russia ("), "no English step");
}
