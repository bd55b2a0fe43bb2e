//! `/map` in real Chromium (issue #14 point 1): axe-core finds no critical or
//! serious violation (also run for every page by `a11y`); the map fits a
//! 390 px phone while its table scrolls in its own box; every class fill
//! reaches 3:1 against the page in light and dark; keyboard focus on a
//! country shows its label; the arc toggle and "play" work. Screenshots
//! (`map-*.png`) go to `$ARMSFLOW_ARTIFACTS`; `map-demo-wide.png` is the
//! README's picture (SYNTHETIC data only).

use crate::browser::spawn_server;
use crate::webdriver::{Browser, artifacts_dir, tools};
use serde_json::json;

const AXE_RUN: &str = r#"
var done = arguments[arguments.length - 1];
axe.run(document, { resultTypes: ["violations"] }).then(function (r) {
  done(r.violations.filter(function (v) { return v.impact === "critical" || v.impact === "serious"; })
    .map(function (v) { return v.impact + " " + v.id + ": " + v.nodes.slice(0, 3).map(function (n) { return n.target.join(" "); }).join("; "); }));
}, function (e) { done(["axe failed: " + e]); });
"#;

/// Class fills of the map below 3:1 against the page background.
const FILL_CONTRAST: &str = r##"
function rgb(s) { var m = /rgba?\(([\d.]+), ([\d.]+), ([\d.]+)/.exec(s); return m ? [+m[1], +m[2], +m[3]] : null; }
function lum(c) { var f = c.map(function (v) { v /= 255; return v <= 0.03928 ? v / 12.92 : Math.pow((v + 0.055) / 1.055, 2.4); });
  return 0.2126 * f[0] + 0.7152 * f[1] + 0.0722 * f[2]; }
var lb = lum(rgb(getComputedStyle(document.body).backgroundColor)), bad = [], n = 0;
document.querySelectorAll("#world-map .cty, #world-map .dot, .map-legend .sw").forEach(function (e) {
  var cls = Array.prototype.find.call(e.classList, function (c) { return /^[md][1-5]$|^subject$/.test(c); });
  if (!cls) return;
  n++;
  var st = getComputedStyle(e), c = rgb(e.tagName === "SPAN" ? st.backgroundColor : st.fill), l = lum(c);
  var r = (Math.max(l, lb) + 0.05) / (Math.min(l, lb) + 0.05);
  if (r < 3 && bad.indexOf(cls) < 0) bad.push(cls + " " + r.toFixed(2) + ":1");
});
return { checked: n, bad: bad };
"##;

fn axe(b: &Browser, js: &str) -> Vec<String> {
    if b.exec("return typeof window.axe;", json!([])) != "object" {
        b.exec(&format!("{js}\n;return true;"), json!([]));
    }
    b.exec_async(AXE_RUN, json!([]))
        .as_array()
        .cloned()
        .unwrap_or_default()
        .iter()
        .map(|v| v.to_string())
        .collect()
}

#[test]
fn map_page_in_chromium_is_accessible_and_fits_a_phone() {
    let test = "map_page_in_chromium_is_accessible_and_fits_a_phone";
    let Some(axe_js) = tools(test) else {
        return;
    };
    let tmp = tempfile::tempdir().unwrap();
    let (base, stop, h) = spawn_server(tmp.path());
    let b = Browser::start();
    let shots = artifacts_dir();
    let mut fails = Vec::new();
    let url = format!("{base}map?arcs=1");

    // Light and dark: axe, the fills' contrast, a screenshot each.
    for scheme in ["light", "dark"] {
        b.viewport(None);
        b.emulate(scheme, "");
        b.goto(&url);
        for v in axe(&b, &axe_js) {
            fails.push(format!("{scheme}: {v}"));
        }
        let c = b.exec(FILL_CONTRAST, json!([]));
        if c["checked"].as_u64().unwrap_or(0) < 50 {
            fails.push(format!("{scheme}: only {} coloured marks", c["checked"]));
        }
        for m in c["bad"].as_array().into_iter().flatten() {
            fails.push(format!("{scheme}: fill below 3:1: {m}"));
        }
        b.screenshot(&shots.join(format!("map-demo-{scheme}.png")));
    }
    b.emulate("light", "");

    // Keyboard: focusing a country shows its label next to it.
    let tip = b.exec(
        "var a = document.querySelector('#world-map a[href*=\"/country/\"]'); a.focus();\
         var t = document.getElementById('map-tip');\
         return { label: a.getAttribute('aria-label'), shown: !t.hidden, text: t.textContent };",
        json!([]),
    );
    if tip["shown"] != true || tip["text"] != tip["label"] || tip["label"].is_null() {
        fails.push(format!("focus label: {tip}"));
    }
    // Arcs: shown with arcs=1; the checkbox hides them without a reload.
    let arcs = b.exec(
        "var svg = document.getElementById('world-map'), n = svg.querySelectorAll('.arc').length;\
         var on = getComputedStyle(svg.querySelector('.arcs')).display !== 'none';\
         var c = document.getElementById('map-arcs'); c.click();\
         return { n: n, on: on, off: getComputedStyle(svg.querySelector('.arcs')).display === 'none' };",
        json!([]),
    );
    if arcs["n"].as_u64().unwrap_or(0) == 0 || arcs["on"] != true || arcs["off"] != true {
        fails.push(format!("arc toggle: {arcs}"));
    }
    // Play: the button appears with script and moves to another window.
    let played = b.exec_async(
        "var done = arguments[arguments.length - 1], sel = document.getElementById('map-period');\
         var p = document.getElementById('map-play'), before = sel.value;\
         if (p.hidden) return done({ hidden: true });\
         p.click(); var n = 0; (function w() {\
           var t = document.querySelector('#world-map-title').textContent;\
           if (sel.value !== before && t.indexOf(sel.value) >= 0) { p.click(); return done({ from: before, to: sel.value }); }\
           if (++n > 200) { p.click(); return done({ stuck: before }); } setTimeout(w, 50); })();",
        json!([]),
    );
    if played["to"].is_null() {
        fails.push(format!("play: {played}"));
    }
    // The window slider: shown with script, named by its window, loads it.
    let slid = b.exec_async(
        "var done = arguments[arguments.length - 1], s = document.getElementById('map-slider');\
         if (!s || s.closest('.map-slider').hidden) return done({ hidden: true });\
         s.value = 0; s.dispatchEvent(new Event('input'));\
         var want = document.getElementById('map-period').options[0].value, n = 0; (function w() {\
           var t = document.querySelector('#world-map-title').textContent;\
           if (t.indexOf(want) >= 0) return done({ to: want, text: s.getAttribute('aria-valuetext') });\
           if (++n > 200) return done({ stuck: t }); setTimeout(w, 50); })();",
        json!([]),
    );
    if slid["to"].is_null() || slid["text"] != slid["to"] {
        fails.push(format!("slider: {slid}"));
    }

    // Phone: nothing wider than 390 px; the table scrolls in its own box.
    b.viewport(Some(390));
    b.goto(&url);
    let m = b.exec(
        "var svg = document.getElementById('world-map').getBoundingClientRect();\
         var wrap = document.querySelector('#map-live .table-wrap');\
         return { scroll: document.documentElement.scrollWidth, vw: window.innerWidth, svg: svg.width,\
           wrap: wrap.getBoundingClientRect().width, table: wrap.scrollWidth };",
        json!([]),
    );
    if m["scroll"].as_f64().unwrap_or(1e9) > 390.0 || m["svg"].as_f64().unwrap_or(1e9) > 390.0 {
        fails.push(format!("phone: page or map wider than 390 px: {m}"));
    }
    if m["wrap"].as_f64().unwrap_or(1e9) > 390.0 {
        fails.push(format!("phone: table box wider than the screen: {m}"));
    }
    for v in axe(&b, &axe_js) {
        fails.push(format!("390 px: {v}"));
    }
    b.screenshot(&shots.join("map-demo-phone.png"));

    // The README's picture: a wide window on the SYNTHETIC demo.
    b.viewport(None);
    b.cdp(
        "Emulation.setDeviceMetricsOverride",
        json!({"width": 1000, "height": 760, "deviceScaleFactor": 1, "mobile": false}),
    );
    b.goto(&format!("{base}map?supplier=RUS#map-form"));
    b.screenshot(&shots.join("map-demo-wide.png"));

    drop(b);
    let _ = stop.send(());
    h.join().unwrap();
    assert!(fails.is_empty(), "{}", fails.join("\n"));
}
