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
use model::Release;
use std::fmt::Write;

/// Width of the document in SVG units (the PNG's width scales from this).
pub const WIDTH: f64 = 720.0;
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
fn wrap(text: &str, max: usize) -> Vec<String> {
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
pub fn source_lines(rel: &Release) -> Vec<String> {
    let m = &rel.meta;
    if m.synthetic {
        vec![
            model::SYNTHETIC_ATTRIBUTION.to_string(),
            format!("Synthetic release {}; no figure here comes from SIPRI.", m.id),
        ]
    } else {
        let generated = if m.generated_raw.is_empty() {
            "unknown date"
        } else {
            m.generated_raw.as_str()
        };
        vec![
            format!("{}.", model::SIPRI_ATTRIBUTION),
            format!(
                "Release {} (SIPRI data generated {generated}). TIV: SIPRI trend-indicator values, millions. Computed with armsflow.",
                m.id
            ),
        ]
    }
}

/// The standalone document around `chart` (the page's `<svg id=…>…</svg>`).
pub fn standalone(rel: &Release, chart: &str, frame: &Frame) -> Option<String> {
    let (cw, ch) = view_box(chart)?;
    let inner_start = chart.find('>')? + 1;
    let inner_end = chart.rfind("</svg>")?;
    let inner = chart.get(inner_start..inner_end)?;
    let scale = (WIDTH - 2.0 * PAD) / cw;
    let title_lines = wrap(frame.title, 62);
    let mut y = PAD + TITLE_SIZE;
    let mut s = String::with_capacity(chart.len() + 2048);
    let mut head = String::new();
    for line in &title_lines {
        let _ = write!(
            head,
            "<text x=\"{PAD}\" y=\"{y:.1}\" font-size=\"{TITLE_SIZE}\" font-weight=\"bold\">{}</text>",
            esc(line)
        );
        y += TITLE_SIZE * 1.3;
    }
    let _ = write!(
        head,
        "<text x=\"{PAD}\" y=\"{y:.1}\" font-size=\"{SUB_SIZE}\" fill=\"#5b6570\">{}</text>",
        esc(frame.scope)
    );
    let chart_y = y + 14.0;
    let chart_h = ch * scale;
    let mut foot = String::new();
    let mut fy = chart_y + chart_h + 22.0;
    let lines = source_lines(rel);
    for (i, line) in lines.iter().enumerate() {
        for part in wrap(line, 104) {
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
    let title = if rel.meta.synthetic {
        format!("SYNTHETIC DEMO DATA, not SIPRI: {}", frame.title)
    } else {
        frame.title.to_string()
    };
    let _ = write!(
        s,
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n\
<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"{WIDTH}\" height=\"{height}\" viewBox=\"0 0 {WIDTH} {height}\" \
font-family=\"{FONT}, sans-serif\" role=\"img\" aria-labelledby=\"doc-title\">\
<title id=\"doc-title\">{}</title><style>{STYLE}</style>\
<rect width=\"{WIDTH}\" height=\"{height}\" fill=\"#ffffff\"/>{head}\
<svg x=\"{PAD}\" y=\"{chart_y:.1}\" width=\"{:.1}\" height=\"{chart_h:.1}\" viewBox=\"0 0 {cw} {ch}\">{inner}</svg>{foot}",
        esc(&title),
        WIDTH - 2.0 * PAD,
    );
    if rel.meta.synthetic {
        let (cx, cy) = (WIDTH / 2.0, chart_y + chart_h / 2.0);
        let _ = write!(
            s,
            "<text class=\"watermark\" x=\"{cx:.1}\" y=\"{cy:.1}\" text-anchor=\"middle\" dominant-baseline=\"middle\" \
font-size=\"64\" font-weight=\"bold\" fill=\"#C00000\" fill-opacity=\"0.3\" transform=\"rotate(-24 {cx:.1} {cy:.1})\">SYNTHETIC</text>\
<text x=\"{:.1}\" y=\"{:.1}\" text-anchor=\"end\" font-size=\"13\" font-weight=\"bold\" fill=\"#C00000\">SYNTHETIC DEMO DATA — not SIPRI</text>",
            WIDTH - PAD,
            PAD + SUB_SIZE
        );
    }
    s.push_str("</svg>\n");
    if rel.meta.synthetic {
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
