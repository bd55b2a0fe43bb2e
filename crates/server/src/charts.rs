//! Hand-drawn SVG charts, rendered on the server: no script, no library, and
//! every chart carries a title, a description and per-mark `<title>` tooltips
//! for screen readers (the same figures are also in a table on each page).

use crate::html::esc;
use crate::i18n::{Lang, t, tf};
use crate::numfmt::{decimal, percent};
use std::fmt::Write;

mod colors;
pub use colors::{COUNTRY_PALETTE, color_of, contrast, country_color, release_exporters};

/// Colour-blind-safe palette (Okabe–Ito order), darkened where needed so every
/// mark reaches 3:1 against the light page; "others" is a mid grey. These are
/// fallbacks: the stylesheet recolours marks by class (`s0`..`s7`, `s-others`)
/// for light and dark themes, so the same SVG reads well in both.
pub const PALETTE: &[&str] = &[
    "#0072B2", "#B86E00", "#007A5A", "#B0508A", "#1F7F99", "#C04F00", "#7A5E28", "#6A51A3",
];
pub const OTHERS: &str = "#707070";

/// The class that lets CSS theme a mark of this colour.
fn swatch(color: &str) -> String {
    match PALETTE.iter().position(|c| *c == color) {
        Some(i) => format!("s{i}"),
        None if color == OTHERS => "s-others".into(),
        None => "s-other-color".into(),
    }
}

/// Opens the chart: a horizontally scrollable box (so text never shrinks below
/// 11 px on a phone) around the SVG. A chart with links inside is a labelled
/// group, not an image: an image's children are hidden from screen readers
/// and cannot hold focusable links.
fn open_svg(s: &mut String, id: &str, w: u32, h: u32, title: &str, desc: &str, links: bool) {
    let role = if links { "group" } else { "img" };
    let size = if w > 400 { "wide" } else { "narrow" };
    let _ = write!(
        s,
        "<div class=\"chart-box\" tabindex=\"0\" role=\"group\" aria-labelledby=\"{id}-title\">\
<svg id=\"{id}\" class=\"chart {size}\" viewBox=\"0 0 {w} {h}\" width=\"100%\" role=\"{role}\" \
aria-labelledby=\"{id}-title {id}-desc\" xmlns=\"http://www.w3.org/2000/svg\">\
<title id=\"{id}-title\">{}</title><desc id=\"{id}-desc\">{}</desc>",
        esc(title),
        esc(desc)
    );
}

/// Closes what [`open_svg`] opened.
fn close_svg(s: &mut String) {
    s.push_str("</svg></div>");
}

/// One stacked series: a name and its share (0..1) in each column.
pub struct Stack {
    pub name: String,
    pub shares: Vec<f64>,
    pub color: &'static str,
}

/// 100 % stacked columns, one per window, with a legend on the right.
pub fn stacked_shares(
    id: &str,
    title: &str,
    columns: &[String],
    stacks: &[Stack],
    lang: Lang,
) -> String {
    // Phone-sized (see BARS_W): the legend sits below the plot, two per row.
    let rows = stacks.len().div_ceil(2) as f64;
    // Room for "100 %" (a space before the sign, in both languages).
    let (left, top, plot_h) = (48.0, 12.0, 200.0);
    let legend_y = top + plot_h + 44.0;
    let (w, h) = (BARS_W as u32, (legend_y + rows * 22.0 + 4.0) as u32);
    let plot_w = w as f64 - left - 6.0;
    let desc = describe_stacks(columns, stacks, lang);
    let mut s = String::new();
    open_svg(&mut s, id, w, h, title, &desc, false);
    for k in 0..=4 {
        let v = k as f64 * 0.25;
        let y = top + plot_h * (1.0 - v);
        let _ = write!(
            s,
            "<line class=\"grid\" x1=\"{left}\" x2=\"{:.1}\" y1=\"{y:.1}\" y2=\"{y:.1}\"/>\
<text class=\"axis\" x=\"{:.1}\" y=\"{:.1}\" text-anchor=\"end\">{}</text>",
            left + plot_w,
            left - 6.0,
            y + 4.0,
            percent(v, 0, lang)
        );
    }
    let n = columns.len().max(1) as f64;
    let slot = plot_w / n;
    let bar = (slot * 0.62).min(70.0);
    for (c, label) in columns.iter().enumerate() {
        let x = left + slot * c as f64 + (slot - bar) / 2.0;
        let mut y = top + plot_h;
        for st in stacks {
            let v = st.shares.get(c).copied().unwrap_or(0.0).clamp(0.0, 1.0);
            if v <= 0.0 {
                continue;
            }
            let hgt = v * plot_h;
            y -= hgt;
            let _ = write!(
                s,
                "<rect class=\"{}\" x=\"{x:.1}\" y=\"{y:.1}\" width=\"{bar:.1}\" height=\"{hgt:.1}\" fill=\"{}\">\
<title>{} {}: {}</title></rect>",
                swatch(st.color),
                st.color,
                esc(&st.name),
                esc(label),
                percent(v, 1, lang)
            );
        }
        column_label(&mut s, x + bar / 2.0, top + plot_h + 16.0, label);
    }
    stack_legend(&mut s, stacks, left, legend_y);
    close_svg(&mut s);
    s
}

/// A column's label under the axis; a window such as `2020-2024` is split over
/// two lines so six columns fit a phone-sized chart.
fn column_label(s: &mut String, x: f64, y: f64, label: &str) {
    match label.split_once('-') {
        Some((a, b)) if label.chars().count() > 6 => {
            let _ = write!(
                s,
                "<text class=\"axis\" x=\"{x:.1}\" y=\"{y:.1}\" text-anchor=\"middle\">{}-\
<tspan x=\"{x:.1}\" dy=\"14\">{}</tspan></text>",
                esc(a),
                esc(b)
            );
        }
        _ => {
            let _ = write!(
                s,
                "<text class=\"axis\" x=\"{x:.1}\" y=\"{y:.1}\" text-anchor=\"middle\">{}</text>",
                esc(label)
            );
        }
    }
}

fn describe_stacks(columns: &[String], stacks: &[Stack], lang: Lang) -> String {
    let mut parts = Vec::new();
    for (c, label) in columns.iter().enumerate() {
        let mut top: Vec<(&str, f64)> = stacks
            .iter()
            .map(|s| (s.name.as_str(), s.shares.get(c).copied().unwrap_or(0.0)))
            .filter(|(_, v)| *v > 0.0)
            .collect();
        top.sort_by(|a, b| b.1.total_cmp(&a.1));
        let items: Vec<String> = top
            .iter()
            .take(3)
            .map(|(n, v)| format!("{n} {}", percent(*v, 1, lang)))
            .collect();
        if items.is_empty() {
            parts.push(format!("{label}: {}", t(lang, "chart.no_deliveries")));
        } else {
            parts.push(format!("{label}: {}", items.join(", ")));
        }
    }
    tf(lang, "chart.stacks.desc", &[("windows", &parts.join("; "))])
}

fn truncate(s: &str, n: usize) -> String {
    if s.chars().count() <= n {
        s.to_string()
    } else {
        let t: String = s.chars().take(n - 1).collect();
        format!("{t}…")
    }
}

/// The legend of a stacked chart: two entries per row below the plot.
fn stack_legend(s: &mut String, stacks: &[Stack], left: f64, legend_y: f64) {
    for (i, st) in stacks.iter().enumerate() {
        let lx = left + (i % 2) as f64 * 165.0;
        let y = legend_y + (i / 2) as f64 * 22.0;
        let _ = write!(
            s,
            "<rect class=\"{}\" x=\"{lx:.1}\" y=\"{y:.1}\" width=\"14\" height=\"14\" fill=\"{}\"/>\
<text class=\"legend\" x=\"{:.1}\" y=\"{:.1}\">{}</text>",
            swatch(st.color),
            st.color,
            lx + 20.0,
            y + 12.0,
            esc(&truncate(&st.name, 20))
        );
    }
}

/// A round upper bound for an axis: 1, 2 or 5 times a power of ten, at least `max`.
pub fn nice_max(max: f64) -> f64 {
    if !(max.is_finite() && max > 0.0) {
        return 1.0;
    }
    let p = 10f64.powf(max.log10().floor());
    for m in [1.0, 2.0, 2.5, 5.0, 10.0] {
        if m * p >= max - 1e-9 {
            return m * p;
        }
    }
    10.0 * p
}

/// Stacked columns of values (TIV per partner per year): one column per
/// `columns` entry, an axis from 0 to a round maximum, tooltips through `fmt`.
pub fn stacked_values(
    id: &str,
    title: &str,
    desc: &str,
    columns: &[String],
    stacks: &[Stack],
    fmt: &dyn Fn(f64) -> String,
) -> String {
    let n = columns.len().max(1);
    let (left, top, plot_h) = (48.0, 12.0, 200.0);
    // Wide enough for every year, never wider than the page's chart (760).
    let w = (left + 8.0 + n as f64 * 26.0).clamp(BARS_W, 760.0);
    let rows = stacks.len().div_ceil(2) as f64;
    let legend_y = top + plot_h + 34.0;
    let h = legend_y + rows * 22.0 + 4.0;
    let plot_w = w - left - 8.0;
    let totals: Vec<f64> = (0..columns.len())
        .map(|c| {
            stacks
                .iter()
                .map(|st| st.shares.get(c).copied().unwrap_or(0.0).max(0.0))
                .sum()
        })
        .collect();
    let max = nice_max(totals.iter().copied().fold(0.0, f64::max));
    let mut s = String::new();
    open_svg(&mut s, id, w as u32, h as u32, title, desc, false);
    for k in 0..=4 {
        let v = max * k as f64 / 4.0;
        let y = top + plot_h * (1.0 - k as f64 / 4.0);
        let _ = write!(
            s,
            "<line class=\"grid\" x1=\"{left}\" x2=\"{:.1}\" y1=\"{y:.1}\" y2=\"{y:.1}\"/>\
<text class=\"axis\" x=\"{:.1}\" y=\"{:.1}\" text-anchor=\"end\">{}</text>",
            left + plot_w,
            left - 6.0,
            y + 4.0,
            esc(&fmt(v))
        );
    }
    let slot = plot_w / n as f64;
    let bar = (slot * 0.7).min(48.0);
    // A year label needs about 34 units; label every k-th column when narrower.
    let every = (34.0 / slot).ceil().max(1.0) as usize;
    for (c, label) in columns.iter().enumerate() {
        let x = left + slot * c as f64 + (slot - bar) / 2.0;
        let mut y = top + plot_h;
        for st in stacks {
            let v = st.shares.get(c).copied().unwrap_or(0.0);
            if v <= 0.0 {
                continue;
            }
            let hgt = v / max * plot_h;
            y -= hgt;
            let _ = write!(
                s,
                "<rect class=\"{}\" x=\"{x:.1}\" y=\"{y:.1}\" width=\"{bar:.1}\" height=\"{hgt:.1}\" fill=\"{}\">\
<title>{} {}: {}</title></rect>",
                swatch(st.color),
                st.color,
                esc(&st.name),
                esc(label),
                esc(&fmt(v))
            );
        }
        if c % every == 0 {
            column_label(&mut s, x + bar / 2.0, top + plot_h + 16.0, label);
        }
    }
    stack_legend(&mut s, stacks, left, legend_y);
    close_svg(&mut s);
    s
}

/// A line: name, colour, values per column (`None` = no data), and whether it
/// uses the right-hand axis.
pub struct Line {
    pub name: String,
    pub color: &'static str,
    pub values: Vec<Option<f64>>,
    pub right_axis: bool,
    /// A value as a tooltip shows it, in the chart's language.
    pub fmt: fn(f64, Lang) -> String,
}

/// Up to two axes: left 0..`left_max`, right 0..`right_max`.
// Each argument is one independent part of the chart; a struct would only rename them.
#[allow(clippy::too_many_arguments)]
pub fn lines(
    id: &str,
    title: &str,
    desc: &str,
    columns: &[String],
    lines: &[Line],
    left_max: f64,
    right_max: f64,
    lang: Lang,
) -> String {
    // Phone-sized (see BARS_W): one legend row per line below the plot.
    let (left, right, top, plot_h) = (44.0, 40.0, 12.0, 170.0);
    let legend_y = top + plot_h + 50.0;
    let (w, h) = (
        BARS_W as u32,
        (legend_y + lines.len() as f64 * 20.0 + 2.0) as u32,
    );
    // One axis unless a line asks for the right one: two scales on one plot
    // invite reading crossings that mean nothing.
    let two_axes = lines.iter().any(|l| l.right_axis);
    let right = if two_axes { right } else { 10.0 };
    let plot_w = w as f64 - left - right;
    let mut s = String::new();
    open_svg(&mut s, id, w, h, title, desc, false);
    for k in 0..=4 {
        let f = k as f64 / 4.0;
        let y = top + plot_h * (1.0 - f);
        let _ = write!(
            s,
            "<line class=\"grid\" x1=\"{left}\" x2=\"{:.1}\" y1=\"{y:.1}\" y2=\"{y:.1}\"/>\
<text class=\"axis\" x=\"{:.1}\" y=\"{:.1}\" text-anchor=\"end\">{}</text>",
            left + plot_w,
            left - 6.0,
            y + 4.0,
            decimal(left_max * f, 2, lang),
        );
        if two_axes {
            let _ = write!(
                s,
                "<text class=\"axis\" x=\"{:.1}\" y=\"{:.1}\">{}</text>",
                left + plot_w + 6.0,
                y + 4.0,
                decimal(right_max * f, 1, lang)
            );
        }
    }
    let n = columns.len().max(1) as f64;
    let slot = plot_w / n;
    let xs: Vec<f64> = (0..columns.len())
        .map(|c| left + slot * (c as f64 + 0.5))
        .collect();
    for (c, label) in columns.iter().enumerate() {
        column_label(&mut s, xs[c], top + plot_h + 16.0, label);
    }
    for (li, l) in lines.iter().enumerate() {
        let max = if l.right_axis { right_max } else { left_max };
        let pt = |v: f64| top + plot_h * (1.0 - (v / max).clamp(0.0, 1.0));
        let mut d = String::new();
        let mut pen_up = true;
        for (c, v) in l.values.iter().enumerate() {
            match v {
                Some(v) => {
                    let _ = write!(
                        d,
                        "{}{:.1},{:.1} ",
                        if pen_up { "M" } else { "L" },
                        xs[c],
                        pt(*v)
                    );
                    pen_up = false;
                }
                None => pen_up = true,
            }
        }
        let dash = if l.right_axis {
            " stroke-dasharray=\"6 4\""
        } else {
            ""
        };
        let _ = write!(
            s,
            "<path class=\"{}\" d=\"{}\" fill=\"none\" stroke=\"{}\" stroke-width=\"2.5\"{dash}/>",
            swatch(l.color),
            d.trim(),
            l.color
        );
        for (c, v) in l.values.iter().enumerate() {
            if let Some(v) = v {
                let _ = write!(
                    s,
                    "<circle class=\"{}\" cx=\"{:.1}\" cy=\"{:.1}\" r=\"4\" fill=\"{}\"><title>{} {}: {}</title></circle>",
                    swatch(l.color),
                    xs[c],
                    pt(*v),
                    l.color,
                    esc(&l.name),
                    esc(&columns[c]),
                    esc(&(l.fmt)(*v, lang))
                );
            }
        }
        let lx = left;
        let ly = legend_y + li as f64 * 20.0;
        let _ = write!(
            s,
            "<line class=\"{}\" x1=\"{lx:.1}\" x2=\"{:.1}\" y1=\"{:.1}\" y2=\"{:.1}\" stroke=\"{}\" stroke-width=\"2.5\"{dash}/>\
<text class=\"legend\" x=\"{:.1}\" y=\"{ly:.1}\">{}</text>",
            swatch(l.color),
            lx + 24.0,
            ly - 4.0,
            ly - 4.0,
            l.color,
            lx + 30.0,
            esc(&l.name)
        );
    }
    close_svg(&mut s);
    s
}

/// One horizontal bar: label, value, the value as shown, and a link.
pub struct Bar {
    pub label: String,
    pub value: f64,
    pub shown: String,
    pub href: Option<String>,
}

/// Width of a ranked-bar chart in SVG units, its label column, and the longest
/// label shown in full (longer ones end in "…"; the link's title has the rest).
const BARS_W: f64 = 370.0;
const LABEL_W: f64 = 128.0;
const LABEL_CHARS: usize = 18;

/// Ranked horizontal bars, largest first, scaled to the first.
pub fn ranked_bars(id: &str, title: &str, bars: &[Bar], color: &str, lang: Lang) -> String {
    let row = 24.0;
    // Narrow on purpose: at 370 units the chart fits a 360 px phone with its
    // text still at 11 px; the value column is as wide as the longest value.
    let longest = bars
        .iter()
        .map(|b| b.shown.chars().count())
        .max()
        .unwrap_or(0);
    let (label_w, value_w, top) = (LABEL_W, (longest as f64 * 7.2 + 12.0).max(48.0), 6.0);
    let plot_w = (BARS_W - label_w - value_w).max(120.0);
    let w = label_w + plot_w + value_w;
    let h = top * 2.0 + row * bars.len().max(1) as f64;
    let max = bars.iter().map(|b| b.value).fold(0.0, f64::max);
    let desc: Vec<String> = bars
        .iter()
        .take(5)
        .map(|b| format!("{} {}", b.label, b.shown))
        .collect();
    let mut s = String::new();
    open_svg(
        &mut s,
        id,
        w as u32,
        h as u32,
        title,
        &tf(lang, "chart.bars.desc", &[("bars", &desc.join(", "))]),
        bars.iter().any(|b| b.href.is_some()),
    );
    if bars.is_empty() {
        let _ = write!(
            s,
            "<text class=\"axis\" x=\"10\" y=\"20\">{}</text>",
            esc(t(lang, "chart.bars.empty"))
        );
    }
    for (i, b) in bars.iter().enumerate() {
        let y = top + row * i as f64;
        let bw = if max > 0.0 {
            (b.value / max * plot_w).max(1.0)
        } else {
            0.0
        };
        let label = esc(&truncate(&b.label, LABEL_CHARS));
        let text = format!(
            "<text class=\"legend\" x=\"{:.1}\" y=\"{:.1}\" text-anchor=\"end\">{label}</text>",
            label_w - 8.0,
            y + row * 0.68
        );
        match &b.href {
            Some(href) => {
                // The name read out starts with the visible text (WCAG 2.5.3);
                // a shortened label keeps its text and tells the rest in a title.
                let named = if truncate(&b.label, LABEL_CHARS) == b.label {
                    format!("aria-label=\"{}: {}\"", esc(&b.label), esc(&b.shown))
                } else {
                    String::new()
                };
                let _ = write!(
                    s,
                    "<a href=\"{}\" {named}><title>{}: {}</title>{text}</a>",
                    esc(href),
                    esc(&b.label),
                    esc(&b.shown)
                );
            }
            None => s.push_str(&text),
        }
        let _ = write!(
            s,
            "<rect class=\"{}\" x=\"{label_w:.1}\" y=\"{:.1}\" width=\"{bw:.1}\" height=\"{:.1}\" fill=\"{color}\"><title>{}: {}</title></rect>\
<text class=\"axis\" x=\"{:.1}\" y=\"{:.1}\">{}</text>",
            swatch(color),
            y + 4.0,
            row - 8.0,
            esc(&b.label),
            esc(&b.shown),
            label_w + bw + 6.0,
            y + row * 0.68,
            esc(&b.shown)
        );
    }
    close_svg(&mut s);
    s
}

#[cfg(test)]
mod tests;
