//! A chart as a standalone SVG document: the page's chart, scaled into a
//! frame that carries its title, window, source line and release id, so the
//! file says where it comes from wherever it travels. On synthetic data the
//! source line is the SYNTHETIC notice and a watermark crosses the chart;
//! nothing credits SIPRI.
//!
//! Text is set in DejaVu Sans, the font bundled for PNG rendering
//! ([`super::png`]), with plain attributes and one small style sheet (the
//! page's CSS variables do not travel with a file).

use crate::html::esc;
use crate::i18n::{t, tf};
use model::{Lang, Release};
use std::fmt::Write;

/// Narrowest chart area in SVG units (titles need room).
const MIN_CHART_W: f64 = 480.0;
const PAD: f64 = 24.0;
const TITLE_SIZE: f64 = 19.0;
const SUB_SIZE: f64 = 13.0;
const FOOT_SIZE: f64 = 11.5;

/// The font every standalone chart names (and the PNG renderer bundles).
pub const FONT: &str = "DejaVu Sans";

/// Light-theme colours of the page's chart classes (style.css), for files.
const STYLE: &str = "text{fill:#1b1f24}.axis{font-size:12px;fill:#5b6570}.legend{font-size:13px}\
.grid{stroke:#e3e7eb;stroke-width:1}a text{fill:#0b5d8c}rect[class^=s]{stroke:#ffffff;stroke-width:1}\
.synthetic-mark{display:none}";

/// Colour of the warning lines (over 4.5:1 on white, as the page's text).
const WARN: &str = "#9a3412";

/// What frames a chart.
pub struct Frame<'a> {
    pub title: &'a str,
    /// "2020-2024, all categories".
    pub scope: &'a str,
}

/// `(width, height)` of an SVG's `viewBox="0 0 W H"`.
pub fn view_box(svg: &str) -> Option<(f64, f64)> {
    let i = svg.find("viewBox=\"")? + 9;
    let rest = &svg[i..];
    let v: Vec<f64> = rest[..rest.find('"')?]
        .split_whitespace()
        .filter_map(|x| x.parse().ok())
        .collect();
    match v[..] {
        [_, _, w, h] if w > 0.0 && h > 0.0 && w.is_finite() && h.is_finite() => Some((w, h)),
        _ => None,
    }
}

/// Splits `text` into lines of at most about `max` characters, at spaces.
pub(crate) fn wrap(text: &str, max: usize) -> Vec<String> {
    let mut lines: Vec<String> = Vec::new();
    let mut cur = String::new();
    for word in text.split_whitespace() {
        if !cur.is_empty() && cur.chars().count() + 1 + word.chars().count() > max {
            lines.push(std::mem::take(&mut cur));
        }
        if !cur.is_empty() {
            cur.push(' ');
        }
        cur.push_str(word);
    }
    if !cur.is_empty() {
        lines.push(cur);
    }
    lines
}

/// The source lines under the chart: SIPRI's attribution with the release
/// id and generation date, or the SYNTHETIC notice.
pub fn source_lines(rel: &Release, lang: Lang) -> Vec<String> {
    let m = &rel.meta;
    if m.synthetic {
        vec![
            model::SYNTHETIC_ATTRIBUTION.to_string(),
            tf(lang, "kit.source.synthetic", &[("release", &m.id)]),
        ]
    } else {
        let generated = if m.generated_raw.is_empty() {
            t(lang, "kit.cite.unknown_date").to_string()
        } else {
            m.generated_raw.clone()
        };
        vec![
            format!("{}.", model::SIPRI_ATTRIBUTION),
            tf(
                lang,
                "kit.source.release",
                &[("release", &m.id), ("generated", &generated)],
            ),
        ]
    }
}

/// What every figure of the file rests on, beyond its source: the legacy
/// register's even split of deal totals over years (armsflow's allocation,
/// not SIPRI's per-year values) and the caveats its import recorded. A chart
/// saved or embedded from a page must keep them as the page's banners do
/// (figure probe: a legacy Russia→Kazakhstan chart said "Source: SIPRI" and
/// nothing else, so 250 TIV in 2021 read as SIPRI's figure; SIPRI's is 195).
pub fn warning_lines(rel: &Release, lang: Lang) -> Vec<String> {
    let mut v = Vec::new();
    if rel.meta.format.allocation_warning().is_some() {
        v.push(format!(
            "{} {}",
            t(lang, "layout.legacy.title"),
            t(lang, "layout.legacy.text")
        ));
    }
    if !rel.meta.caveats.is_empty() {
        v.push(tf(
            lang,
            "kit.caveats",
            &[("caveats", &rel.meta.caveats.join(" | "))],
        ));
    }
    v
}

/// How much larger than on the page the chart is drawn.
const CHART_SCALE: f64 = 1.35;

/// Characters of `size`-unit DejaVu Sans that fit in `width` units (about).
fn fits(width: f64, size: f64) -> usize {
    (width / (size * 0.56)).floor().max(20.0) as usize
}

/// The standalone document around `chart` (the page's `<svg id=…>…</svg>`).
pub fn standalone(rel: &Release, lang: Lang, chart: &str, frame: &Frame) -> Option<String> {
    let (cw, ch) = view_box(chart)?;
    let inner_start = chart.find('>')? + 1;
    let inner_end = chart.rfind("</svg>")?;
    let inner = chart.get(inner_start..inner_end)?;
    let chart_w = (cw * CHART_SCALE).max(MIN_CHART_W);
    let width = (chart_w + 2.0 * PAD).ceil();
    let chart_h = ch * chart_w / cw;
    let synthetic = rel.meta.synthetic;
    // Explicit `style` on our own text: it wins over the sheet's `text` rule.
    let mut head = String::new();
    let mut y = PAD;
    if synthetic {
        y += SUB_SIZE;
        let _ = write!(
            head,
            "<text x=\"{PAD}\" y=\"{y:.1}\" font-size=\"{SUB_SIZE}\" style=\"fill:#C00000\">{}</text>",
            esc(t(lang, "layout.banner.title"))
        );
        y += 8.0;
    }
    y += TITLE_SIZE;
    for line in wrap(frame.title, fits(width - 2.0 * PAD, TITLE_SIZE)) {
        let _ = write!(
            head,
            "<text x=\"{PAD}\" y=\"{y:.1}\" font-size=\"{TITLE_SIZE}\" font-weight=\"bold\">{}</text>",
            esc(&line)
        );
        y += TITLE_SIZE * 1.3;
    }
    let _ = write!(
        head,
        "<text x=\"{PAD}\" y=\"{y:.1}\" font-size=\"{SUB_SIZE}\" style=\"fill:#5b6570\">{}</text>",
        esc(frame.scope)
    );
    for line in warning_lines(rel, lang) {
        y += 6.0;
        for part in wrap(&line, fits(width - 2.0 * PAD, FOOT_SIZE)) {
            y += FOOT_SIZE * 1.45;
            let _ = write!(
                head,
                "<text class=\"kit-warning\" x=\"{PAD}\" y=\"{y:.1}\" font-size=\"{FOOT_SIZE}\" \
style=\"fill:{WARN}\">{}</text>",
                esc(&part)
            );
        }
    }
    let chart_y = y + 14.0;
    let mut foot = String::new();
    let mut fy = chart_y + chart_h + 22.0;
    for (i, line) in source_lines(rel, lang).iter().enumerate() {
        for part in wrap(line, fits(width - 2.0 * PAD, FOOT_SIZE)) {
            let weight = if i == 0 { " font-weight=\"bold\"" } else { "" };
            let _ = write!(
                foot,
                "<text x=\"{PAD}\" y=\"{fy:.1}\" font-size=\"{FOOT_SIZE}\"{weight}>{}</text>",
                esc(&part)
            );
            fy += FOOT_SIZE * 1.45;
        }
    }
    let height = (fy + PAD - FOOT_SIZE).ceil();
    let title = if synthetic {
        format!("SYNTHETIC DEMO DATA, not SIPRI: {}", frame.title)
    } else {
        frame.title.to_string()
    };
    let mut s = String::with_capacity(chart.len() + 2048);
    let _ = write!(
        s,
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n\
<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"{width}\" height=\"{height}\" viewBox=\"0 0 {width} {height}\" \
font-family=\"{FONT}, sans-serif\" role=\"img\" aria-labelledby=\"doc-title\">\
<title id=\"doc-title\">{}</title><style>{STYLE}</style>\
<rect width=\"{width}\" height=\"{height}\" style=\"fill:#ffffff\"/>{head}\
<svg x=\"{PAD}\" y=\"{chart_y:.1}\" width=\"{chart_w:.1}\" height=\"{chart_h:.1}\" viewBox=\"0 0 {cw} {ch}\">{inner}</svg>{foot}",
        esc(&title),
    );
    if synthetic {
        let (cx, cy) = (width / 2.0, chart_y + chart_h / 2.0);
        let _ = write!(
            s,
            "<text class=\"watermark\" x=\"{cx:.1}\" y=\"{cy:.1}\" text-anchor=\"middle\" dominant-baseline=\"middle\" \
font-size=\"{:.0}\" font-weight=\"bold\" style=\"fill:#C00000;fill-opacity:0.3\" transform=\"rotate(-24 {cx:.1} {cy:.1})\">SYNTHETIC</text>",
            chart_w / 6.5
        );
    }
    s.push_str("</svg>\n");
    if synthetic {
        s = model::without_sipri_credit(&s);
    }
    Some(s)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn wraps_at_spaces() {
        assert_eq!(wrap("aa bb cc", 5), vec!["aa bb", "cc"]);
        assert_eq!(wrap("", 5), Vec::<String>::new());
    }

    #[test]
    fn reads_view_box() {
        assert_eq!(
            view_box("<svg viewBox=\"0 0 370 300\">"),
            Some((370.0, 300.0))
        );
        assert_eq!(view_box("<svg viewBox=\"0 0 0 300\">"), None);
        assert_eq!(view_box("<svg>"), None);
    }
}
