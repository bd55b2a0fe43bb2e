//! The journalist's kit in real Chromium (issue #13 acceptance): from
//! `/country/KAZ` a reader downloads the supplier chart as SVG, PNG and CSV
//! (the page's own links, fetched by the page) and opens its embed code's
//! `<iframe>` on another page, where it shows; the dashboard itself refuses
//! to be framed. Screenshots go to the artifacts dir; on the SYNTHETIC demo
//! the same run writes the README's pictures (docs/img/) when
//! `ARMSFLOW_README_SHOTS=1`.

use crate::browser::spawn_server;
use crate::common;
use crate::webdriver::{Browser, CHROMEDRIVER, CHROMIUM, artifacts_dir};
use serde_json::{Value, json};
use std::path::Path;

/// Chromium and chromedriver, or `None` after a loud skip (a panic when
/// `ARMSFLOW_REQUIRE_BROWSER=1`).
fn have_browser(test: &str) -> bool {
    if Path::new(CHROMIUM).is_file() && Path::new(CHROMEDRIVER).is_file() {
        return true;
    }
    let msg = format!(
        "SKIPPED {test}: needs {CHROMIUM} and {CHROMEDRIVER} (apt-get install chromium chromium-driver)"
    );
    if std::env::var("ARMSFLOW_REQUIRE_BROWSER").as_deref() == Ok("1") {
        panic!("{msg} and ARMSFLOW_REQUIRE_BROWSER=1");
    }
    testkit::say(&msg);
    false
}

/// Fetches `href` from inside the page (as a click on the link would) and
/// reports status, content type, disposition, size, the first bytes and, for
/// text, the body.
const FETCH: &str = r#"
var done = arguments[arguments.length - 1], href = arguments[0];
fetch(href).then(function (r) {
  return r.arrayBuffer().then(function (b) {
    var u = new Uint8Array(b), head = Array.prototype.slice.call(u, 0, 24);
    var text = /^(text|image\/svg)/.test(r.headers.get("content-type") || "") ? new TextDecoder().decode(u) : "";
    done({ status: r.status, type: r.headers.get("content-type"), disposition: r.headers.get("content-disposition"),
           size: u.length, head: head, text: text });
  });
}, function (e) { done({ error: String(e) }); });
"#;

fn wait_for(b: &Browser, js_condition: &str) -> bool {
    b.exec_async(
        &format!(
            "var done = arguments[arguments.length - 1], n = 0; (function w() {{ \
               try {{ if ({js_condition}) return done(true); }} catch (e) {{}} \
               if (++n > 300) return done(false); setTimeout(w, 50); }})();"
        ),
        json!([]),
    ) == true
}

/// The supplier chart's download links on the country page.
fn download(b: &Browser, ext: &str) -> Value {
    let href = b.exec(
        &format!(
            "var a = document.querySelector('a.kit-dl[href*=\"/supplier-chart.{ext}\"]'); \
             return a && a.hasAttribute('download') ? a.href : null;"
        ),
        json!([]),
    );
    let href = href
        .as_str()
        .unwrap_or_else(|| panic!("no {ext} download link under the supplier chart"));
    b.exec_async(FETCH, json!([href]))
}

/// Runs the reader's path over the server at `base`; `real` selects the
/// checks that need SIPRI's figures. Returns the embed code's iframe URL.
fn reader_path(b: &Browser, base: &str, real: bool, slug: &str) -> String {
    let shots = artifacts_dir();
    b.goto(&format!("{base}country/KAZ"));
    let svg = download(b, "svg");
    assert_eq!(svg["status"], 200, "{svg}");
    assert!(
        svg["type"].as_str().unwrap().starts_with("image/svg+xml"),
        "{svg}"
    );
    let text = svg["text"].as_str().unwrap();
    assert!(text.starts_with("<?xml") && text.contains("Supplier shares of Kazakhstan"));
    let png = download(b, "png");
    assert_eq!(png["status"], 200, "{}", png["error"]);
    assert_eq!(png["type"], "image/png");
    let head: Vec<u8> = png["head"]
        .as_array()
        .unwrap()
        .iter()
        .map(|v| v.as_u64().unwrap() as u8)
        .collect();
    assert_eq!(
        server::kit::png::png_size(&head).map(|s| s.0),
        Some(1440),
        "PNG signature and width"
    );
    let csv = download(b, "csv");
    assert_eq!(csv["status"], 200);
    assert!(csv["type"].as_str().unwrap().starts_with("text/csv"));
    assert!(
        csv["disposition"]
            .as_str()
            .unwrap()
            .starts_with("attachment")
    );
    let body = csv["text"].as_str().unwrap();
    assert!(body.starts_with("window,category,supplier,"), "{body}");
    if real {
        let russia = body
            .lines()
            .find(|l| l.starts_with("2020-2024,all,Russia,"))
            .expect("Russia 2020-2024 row");
        assert!(russia.contains(",88.428"), "{russia}");
        assert!(text.contains("Source: SIPRI Arms Transfers Database"));
    } else {
        assert!(
            text.contains(">SYNTHETIC</text>") && !text.contains("SIPRI Arms Transfers Database")
        );
        assert!(body.contains("SYNTHETIC DEMO DATA"));
    }
    // Open the panels as a reader would: the script has written the site's
    // address into the embed code and the citation.
    let code = b.exec(
        "var kit = document.querySelector('.chart-box + .kit');\
         kit.querySelectorAll('details').forEach(function (d) { d.open = true; });\
         kit.scrollIntoView({ block: 'start' }); window.scrollBy(0, -420);\
         return { embed: document.getElementById('supplier-chart-embed').value,\
                  cite: document.getElementById('supplier-chart-cite-en').textContent,\
                  copy: !document.querySelector('.kit-copy').hidden };",
        json!([]),
    );
    let embed = code["embed"].as_str().unwrap();
    let src = embed
        .split("src=\"")
        .nth(1)
        .and_then(|s| s.split('"').next())
        .unwrap_or_else(|| panic!("no src in {embed}"))
        .replace("&amp;", "&");
    assert!(
        src.starts_with(&format!("{base}embed/country/KAZ/supplier-chart?")),
        "{src}"
    );
    assert!(
        code["cite"]
            .as_str()
            .unwrap()
            .contains(&format!("{base}country/KAZ?period=")),
        "{code}"
    );
    assert_eq!(code["copy"], true, "copy buttons shown with script");
    b.screenshot(&shots.join(format!("kit-{slug}-country-toolbar.png")));
    // The embed inside an <iframe> on another site's page (another port: another origin).
    let page = format!(
        "<!doctype html><title>Embed test</title><h1>A newspaper page</h1>\
         <iframe src=\"{src}\" title=\"armsflow chart\" width=\"720\" height=\"760\" style=\"border:1px solid #999\"></iframe>\
         <iframe src=\"{base}country/KAZ\" title=\"dashboard\" width=\"300\" height=\"200\"></iframe>"
    );
    let other = serve_once_more(page);
    b.goto(&other);
    assert!(wait_for(b, "document.readyState === 'complete'"));
    b.frame(Some(0));
    let ok = wait_for(b, "document.querySelector('svg#supplier-chart') !== null");
    let loc = b.exec("return location.href + ' | ' + document.title + ' | ' + document.body.innerHTML.slice(0, 300);", json!([]));
    assert!(ok, "the embed did not render inside the iframe: {loc}");
    let inside = b.exec(
        "return document.querySelector('.embed-source').textContent;",
        json!([]),
    );
    let inside = inside.as_str().unwrap_or_default();
    if real {
        assert!(
            inside.contains("Source: SIPRI Arms Transfers Database"),
            "{inside}"
        );
    } else {
        assert!(
            inside.contains("SYNTHETIC") && !inside.contains("SIPRI Arms Transfers Database"),
            "{inside}"
        );
    }
    b.frame(None);
    // The dashboard page itself is refused in a frame (X-Frame-Options: DENY).
    b.frame(Some(1));
    let framed = b.exec(
        "return document.querySelector('svg#supplier-chart') !== null;",
        json!([]),
    );
    assert_eq!(framed, false, "the dashboard page rendered inside a frame");
    b.frame(None);
    b.screenshot(&shots.join(format!("kit-{slug}-embed-iframe.png")));
    src
}

/// A one-page web site on another loopback port (so another origin than
/// the dashboard): answers every request with `html`, for as long as the
/// test binary runs.
fn serve_once_more(html: String) -> String {
    use std::io::{Read, Write};
    let l = std::net::TcpListener::bind("127.0.0.1:0").expect("bind a loopback port");
    let url = format!("http://{}/", l.local_addr().unwrap());
    std::thread::spawn(move || {
        for mut c in l.incoming().flatten() {
            let mut buf = [0u8; 4096];
            let _ = c.read(&mut buf);
            let _ = write!(
                c,
                "HTTP/1.1 200 OK\r\ncontent-type: text/html; charset=utf-8\r\ncontent-length: {}\r\nconnection: close\r\n\r\n{html}",
                html.len()
            );
        }
    });
    url
}

#[test]
fn reader_takes_the_supplier_chart_away_on_real_data() {
    let test = "reader_takes_the_supplier_chart_away_on_real_data";
    if !have_browser(test) {
        return;
    }
    let Some(dir) = common::real_data_dir(test) else {
        return;
    };
    let (url, stop, h) = spawn_server(&dir);
    let b = Browser::start();
    reader_path(&b, &url, true, "real");
    drop(b);
    let _ = stop.send(());
    h.join().unwrap();
}

#[test]
fn reader_takes_the_supplier_chart_away_on_synthetic_demo() {
    let test = "reader_takes_the_supplier_chart_away_on_synthetic_demo";
    if !have_browser(test) {
        return;
    }
    let tmp = tempfile::tempdir().unwrap();
    let (url, stop, h) = spawn_server(tmp.path());
    let b = Browser::start();
    let src = reader_path(&b, &url, false, "demo");
    // The README's pictures: synthetic data only, never SIPRI's.
    if std::env::var("ARMSFLOW_README_SHOTS").as_deref() == Ok("1") {
        let img = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../docs/img");
        std::fs::create_dir_all(&img).unwrap();
        // Tall enough for the banner, summary, first chart and its toolbar.
        b.cdp(
            "Emulation.setDeviceMetricsOverride",
            json!({"width": 1100, "height": 1250, "deviceScaleFactor": 1, "mobile": false}),
        );
        b.goto(&format!("{url}country/KAZ"));
        b.exec(
            "document.querySelector('.chart-box + .kit details:last-of-type').open = true; return 1;",
            json!([]),
        );
        b.screenshot(&img.join("country.png"));
        b.viewport(Some(760));
        b.goto(&src);
        b.screenshot(&img.join("embed.png"));
        b.viewport(None);
    }
    drop(b);
    let _ = stop.send(());
    h.join().unwrap();
}
