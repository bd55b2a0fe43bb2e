//! The map as SVG: [`inline_svg`] for the page (themed by the stylesheet,
//! each country a focusable link named "Kazakhstan 88.4 %") and
//! [`standalone_svg`] for downloads and embeds (its own colours, title,
//! window, source line, release id and, on demo data, a SYNTHETIC mark).

use super::data::{MapData, Row};
use super::geo::{self, World};
use super::metric::Kind;
use crate::html::esc;
use crate::i18n::{t, tf};
use model::Release;
use std::fmt::Write;

/// Fill colours of the five classes in the standalone SVG (the page's come
/// from the stylesheet, per theme). Sequential: part of viridis, every class
/// at least 3:1 against white. Diverging: orange (fall), grey, blue (rise).
pub const SEQUENTIAL: [&str; 5] = ["#3e9a8a", "#2b7d8e", "#32628f", "#433e85", "#440154"];
pub const DIVERGING: [&str; 5] = ["#a6490e", "#c9782e", "#767676", "#3f7fbf", "#1f4e99"];
const NO_DATA: &str = "#c9ced4";
const ARC: &str = "#b35900";

/// The accessible name of a country on the map: "Kazakhstan 88.4 %".
pub fn label(data: &MapData, r: &Row) -> String {
    match r.value {
        Some(v) => format!("{} {}", r.name, data.scale.unit.show(v, data.spec.lang)),
        None => format!("{}: {}", r.name, r.why_none(&data.spec)),
    }
}

fn class_name(data: &MapData, class: usize) -> String {
    let p = if data.scale.diverging { "d" } else { "m" };
    format!("{p}{}", class + 1)
}

/// How one polygon is drawn: CSS class, accessible name, link target.
struct Look {
    class: String,
    label: String,
    key: Option<String>,
}

fn look(data: &MapData, rel: &Release, w: &World, key: &str, ne_name: &str) -> Look {
    let lang = data.spec.lang;
    let local = |key: &str| {
        rel.entities.by_key(key).map_or(ne_name.to_string(), |id| {
            model::locale::entity_name(rel.entities.get(id), lang).to_string()
        })
    };
    if data.spec.subject_key.as_deref() == Some(key) && matches!(data.spec.kind, Kind::Share(_)) {
        let name = local(key);
        return Look {
            class: "subject".into(),
            label: tf(lang, "map.label.supplier", &[("name", &name)]),
            key: Some(key.to_string()),
        };
    }
    if let Some(r) = data.row(key) {
        return Look {
            class: r
                .class
                .map_or_else(|| "nd".to_string(), |c| class_name(data, c)),
            label: label(data, r),
            key: Some(key.to_string()),
        };
    }
    if let Some(f) = data.former_fill(w, key) {
        let value = data.scale.unit.show(f.value.unwrap_or_default(), lang);
        return Look {
            class: f
                .class
                .map_or_else(|| "nd".to_string(), |c| class_name(data, c)),
            label: tf(
                lang,
                "map.label.former_part",
                &[
                    ("name", &local(key)),
                    ("former", &f.name),
                    ("window", &data.spec.filter.window),
                    ("value", &value),
                ],
            ),
            key: Some(f.key.clone()),
        };
    }
    match rel.entities.by_key(key) {
        Some(_) => {
            let why = t(
                lang,
                if data.spec.change() {
                    "map.why.both"
                } else if data.spec.no_data_now {
                    "map.why.no_data"
                } else {
                    "map.why.none"
                },
            );
            Look {
                class: "nd".into(),
                label: format!("{}: {why}", local(key)),
                key: Some(key.to_string()),
            }
        }
        None => Look {
            class: "nd".into(),
            label: tf(lang, "map.label.not_listed", &[("name", &ne_name)]),
            key: None,
        },
    }
}

/// The map's shapes, points, outlines and arcs (the inside of an `<svg>`).
/// `href` links a key to its country page; `None` draws no links.
fn body(s: &mut String, data: &MapData, rel: &Release, href: Option<&dyn Fn(&str) -> String>) {
    let w = geo::world();
    s.push_str("<g class=\"countries\">");
    for f in &w.features {
        let l = look(data, rel, w, &f.key, &f.name);
        let attrs = format!(
            "class=\"cty {}\" data-key=\"{}\" d=\"{}\"",
            l.class,
            esc(&f.key),
            f.d
        );
        shape(s, &l, "path", &attrs, href);
    }
    for p in &w.points {
        let Some(r) = data.row(&p.key) else { continue };
        let l = Look {
            class: r
                .class
                .map_or_else(|| "nd".to_string(), |c| class_name(data, c)),
            label: label(data, r),
            key: Some(p.key.clone()),
        };
        let attrs = format!(
            "class=\"dot {}\" data-key=\"{}\" cx=\"{}\" cy=\"{}\" r=\"9\"",
            l.class,
            esc(&p.key),
            p.at.0,
            p.at.1
        );
        shape(s, &l, "circle", &attrs, href);
    }
    s.push_str("</g><g class=\"former\">");
    for f in &w.former {
        let Some(r) = data.row(&f.key) else { continue };
        let l = Look {
            class: "outline".into(),
            label: tf(
                data.spec.lang,
                "map.label.former_state",
                &[("label", &label(data, r))],
            ),
            key: Some(f.key.clone()),
        };
        let attrs = format!(
            "class=\"outline\" data-key=\"{}\" d=\"{}\"",
            esc(&f.key),
            f.d
        );
        shape(s, &l, "path", &attrs, href);
    }
    s.push_str("</g>");
    arcs(s, data, w);
}

/// One shape (`<path>` or `<circle>` with `attrs`) with its label as tooltip,
/// inside a link to its country page when there is one.
fn shape(s: &mut String, l: &Look, tag: &str, attrs: &str, href: Option<&dyn Fn(&str) -> String>) {
    let label = esc(&l.label);
    let inner = format!("<{tag} {attrs}><title>{label}</title></{tag}>");
    match (href, &l.key) {
        (Some(h), Some(k)) => {
            let _ = write!(
                s,
                "<a href=\"{}\" aria-label=\"{label}\">{inner}</a>",
                esc(&h(k))
            );
        }
        _ => s.push_str(&inner),
    }
}

/// Deliveries of the supplier as curves to each customer, thicker for more
/// TIV; decorative (the table lists the same pairs), hence `aria-hidden`.
fn arcs(s: &mut String, data: &MapData, w: &World) {
    if !matches!(data.spec.kind, Kind::Share(_)) {
        return;
    }
    let Some(from) = data.spec.subject_key.as_deref().and_then(|k| w.anchor(k)) else {
        return;
    };
    let parts: Vec<(&Row, f64)> = data
        .rows
        .iter()
        .filter_map(|r| Some((r, r.now?.part)))
        .filter(|(_, p)| *p > 0.0)
        .collect();
    let max = parts.iter().map(|p| p.1).fold(0.0, f64::max);
    s.push_str("<g class=\"arcs\" aria-hidden=\"true\">");
    for (r, part) in parts {
        let Some(to) = w.anchor(&r.key) else { continue };
        let (dx, dy) = (to.0 - from.0, to.1 - from.1);
        let len = (dx * dx + dy * dy).sqrt();
        if len < 1.0 {
            continue;
        }
        // Bend to the left of the direction of travel, by a fifth of the length.
        let (cx, cy) = (from.0 + dx / 2.0 + dy * 0.2, from.1 + dy / 2.0 - dx * 0.2);
        let wc = match part / max {
            x if x >= 0.25 => "w3",
            x if x >= 0.05 => "w2",
            _ => "w1",
        };
        let _ = write!(
            s,
            "<path class=\"arc {wc}\" d=\"M{:.0} {:.0}Q{cx:.0} {cy:.0} {:.0} {:.0}\"/>",
            from.0, from.1, to.0, to.1
        );
    }
    s.push_str("</g>");
}

/// The page's map: an `<svg>` themed by the stylesheet, with a focusable link
/// per country (its name and value as accessible name and tooltip).
pub fn inline_svg(data: &MapData, rel: &Release, href: &dyn Fn(&str) -> String) -> String {
    let w = geo::world();
    let mut s = String::with_capacity(80_000);
    let title = data.spec.title();
    let arcs_on = if data.spec.arcs { " show-arcs" } else { "" };
    let _ = write!(
        s,
        "<svg id=\"world-map\" class=\"map{arcs_on}\" viewBox=\"0 0 {} {}\" width=\"100%\" role=\"group\" \
aria-labelledby=\"world-map-title\" aria-describedby=\"world-map-desc\" xmlns=\"http://www.w3.org/2000/svg\">\
<title id=\"world-map-title\">{}</title><desc id=\"world-map-desc\">{}</desc>",
        w.width,
        w.height,
        esc(&title),
        esc(&describe(data))
    );
    body(&mut s, data, rel, Some(href));
    if rel.meta.synthetic {
        watermark(&mut s, data, w.width / 2, w.height / 2);
    }
    s.push_str("</svg>");
    s
}

/// A one-sentence summary for screen readers (the table has every value).
fn describe(data: &MapData) -> String {
    let with: Vec<&Row> = data.rows.iter().filter(|r| r.value.is_some()).collect();
    let top: Vec<String> = with.iter().take(3).map(|r| label(data, r)).collect();
    let lang = data.spec.lang;
    let top = if top.is_empty() {
        t(lang, "map.desc.none").to_string()
    } else {
        top.join(", ")
    };
    tf(lang, "map.desc", &[("n", &with.len()), ("top", &top)])
}

fn watermark(s: &mut String, data: &MapData, x: u32, y: u32) {
    let _ = write!(
        s,
        "<text class=\"wm\" x=\"{x}\" y=\"{y}\" text-anchor=\"middle\" dominant-baseline=\"middle\" \
font-size=\"150\" font-weight=\"bold\" fill=\"#C00000\" fill-opacity=\"0.3\" aria-hidden=\"true\">{}</text>",
        esc(t(data.spec.lang, "map.watermark"))
    );
}

/// The map as a self-contained SVG document (for the chart toolbar's
/// download, PNG rendering and embeds): its own colours, the title and
/// window on top, the legend and "Source: SIPRI Arms Transfers Database" with
/// the release id below, and on demo data a SYNTHETIC watermark and no
/// attribution to SIPRI.
pub fn standalone_svg(data: &MapData, rel: &Release) -> String {
    let w = geo::world();
    let lang = data.spec.lang;
    let (top, bottom) = (150u32, 240u32);
    // The legacy register's split and the release's caveats, as on the page
    // (figure probe: a saved legacy chart said only "Source: SIPRI").
    let warnings: Vec<String> = crate::kit::document::warning_lines(rel, lang)
        .iter()
        .flat_map(|l| crate::kit::document::wrap(l, ((w.width - 60) / 16) as usize))
        .collect();
    const WARN_LINE: u32 = 40;
    let base = w.height + top + bottom;
    let (width, height) = (w.width, base + WARN_LINE * warnings.len() as u32);
    let pal = if data.scale.diverging {
        DIVERGING
    } else {
        SEQUENTIAL
    };
    let p = if data.scale.diverging { "d" } else { "m" };
    let mut css = format!(
        "text{{font-family:'DejaVu Sans',Verdana,sans-serif;fill:#1b1f24}}\
.cty,.dot{{stroke:#fff;stroke-width:1}}.nd{{fill:{NO_DATA}}}.subject{{fill:#1b1f24}}\
.outline{{fill:none;stroke:#1b1f24;stroke-width:3;stroke-dasharray:10 6}}\
.wm{{fill:#C00000;fill-opacity:.3}}.arc{{fill:none;stroke:{ARC};stroke-opacity:.85}}.w1{{stroke-width:2}}.w2{{stroke-width:4}}.w3{{stroke-width:7}}"
    );
    if !data.spec.arcs {
        css.push_str(".arcs{display:none}");
    }
    for (i, c) in pal.iter().enumerate() {
        let _ = write!(css, ".{p}{}{{fill:{c}}}", i + 1);
    }
    let mut s = String::with_capacity(90_000);
    let _ = write!(
        s,
        "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 {width} {height}\" width=\"{width}\" height=\"{height}\" \
role=\"img\" aria-labelledby=\"t\"><title id=\"t\">{}</title><style>{css}</style>\
<rect width=\"100%\" height=\"100%\" fill=\"#fff\"/>\
<text x=\"30\" y=\"70\" font-size=\"42\" font-weight=\"bold\">{}</text>\
<text x=\"30\" y=\"125\" font-size=\"32\" fill=\"#5b6570\">{}</text><g transform=\"translate(0 {top})\">",
        esc(&data.spec.title()),
        esc(&truncate(
            &if data.spec.change() {
                data.spec.title()
            } else {
                data.spec.what()
            },
            80
        )),
        esc(&subtitle(data))
    );
    body(&mut s, data, rel, None);
    s.push_str("</g>");
    // Legend.
    let y0 = top + w.height + 30;
    for (i, l) in data.scale.labels().iter().enumerate() {
        let x = 30 + i as u32 * 330;
        let _ = write!(
            s,
            "<rect class=\"{p}{}\" x=\"{x}\" y=\"{y0}\" width=\"40\" height=\"40\"/>\
<text x=\"{}\" y=\"{}\" font-size=\"30\">{}</text>",
            i + 1,
            x + 52,
            y0 + 32,
            esc(l)
        );
    }
    let _ = write!(
        s,
        "<rect class=\"nd\" x=\"1680\" y=\"{y0}\" width=\"40\" height=\"40\"/>\
<text x=\"1732\" y=\"{}\" font-size=\"30\">{}</text>",
        y0 + 32,
        esc(t(lang, "map.legend.none"))
    );
    if let (Kind::Share(_), Some(who)) = (&data.spec.kind, &data.spec.subject) {
        let y1 = y0 + 58;
        let _ = write!(
            s,
            "<rect class=\"subject\" x=\"30\" y=\"{y1}\" width=\"40\" height=\"40\"/>\
<text x=\"82\" y=\"{}\" font-size=\"30\">{}</text>",
            y1 + 32,
            esc(&tf(lang, "map.legend.subject", &[("who", who)]))
        );
    }
    let source = t(
        lang,
        if rel.meta.synthetic {
            "map.svg.synthetic"
        } else {
            "map.svg.source"
        },
    );
    for (i, line) in warnings.iter().enumerate() {
        let _ = write!(
            s,
            "<text class=\"kit-warning\" x=\"30\" y=\"{}\" font-size=\"28\" style=\"fill:#9a3412\">{}</text>",
            base - 35 + WARN_LINE * i as u32,
            esc(line)
        );
    }
    let _ = write!(
        s,
        "<text x=\"30\" y=\"{}\" font-size=\"28\" fill=\"#5b6570\">{} · {} · {}</text>",
        height - 35,
        esc(source),
        esc(&tf(lang, "map.svg.release", &[("id", &rel.meta.id)])),
        esc(t(lang, "map.svg.geometry"))
    );
    if rel.meta.synthetic {
        watermark(&mut s, data, width / 2, top + w.height / 2);
    }
    s.push_str("</svg>");
    s
}

fn subtitle(data: &MapData) -> String {
    let mut parts = vec![match data.spec.from {
        Some(f) => format!("{f} to {}", data.spec.filter.window),
        None => data.spec.filter.window.to_string(),
    }];
    if let Some(c) = data.spec.filter.category {
        parts.push(c.sipri_name().to_string());
    }
    parts.push(t(data.spec.lang, "map.svg.tiv").to_string());
    parts.join(" · ")
}

fn truncate(s: &str, n: usize) -> String {
    if s.chars().count() <= n {
        s.to_string()
    } else {
        let t: String = s.chars().take(n - 1).collect();
        format!("{t}…")
    }
}

/// Drawn places: how many countries the map colours or names (for tests and
/// the page's summary line).
pub fn drawn_countries(svg: &str) -> usize {
    svg.matches("<a href=").count()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn palettes_reach_3_to_1_on_white() {
        fn lum(h: &str) -> f64 {
            let c: Vec<f64> = (0..3)
                .map(|i| u8::from_str_radix(&h[1 + 2 * i..3 + 2 * i], 16).unwrap() as f64 / 255.0)
                .map(|v| {
                    if v <= 0.03928 {
                        v / 12.92
                    } else {
                        ((v + 0.055) / 1.055).powf(2.4)
                    }
                })
                .collect();
            0.2126 * c[0] + 0.7152 * c[1] + 0.0722 * c[2]
        }
        for c in SEQUENTIAL.iter().chain(&DIVERGING).chain(&[ARC]) {
            let r = 1.05 / (lum(c) + 0.05);
            assert!(r >= 3.0, "{c}: {r:.2}:1");
        }
    }
}
