//! The page shell: SYNTHETIC banner, header with search and release picker,
//! SIPRI's attribution in the footer.

use super::Ctx;
use crate::assets;
use crate::html::esc;
use crate::state::AppState;
use model::Release;
use std::fmt::Write;
use std::sync::Arc;

fn head(title: &str) -> String {
    let v = assets::version();
    format!(
        "<!doctype html><html lang=\"en\"><head><meta charset=\"utf-8\">\
<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\
<title>{} · armsflow</title>\
<link rel=\"stylesheet\" href=\"/assets/style.css?v={v}\">\
<link rel=\"icon\" href=\"/assets/favicon.svg?v={v}\" type=\"image/svg+xml\">\
<script src=\"/assets/app.js?v={v}\" defer></script></head><body>\
<a class=\"skip\" href=\"#main\">Skip to content</a>",
        esc(title)
    )
}

/// The banner every page carries while it shows generated numbers.
pub fn synthetic_banner() -> &'static str {
    "<div class=\"banner\" role=\"note\" aria-label=\"Synthetic data warning\">\
<strong>SYNTHETIC DEMO DATA — not SIPRI.</strong> \
Every number on this page comes from armsflow's generator, not from SIPRI. \
To see real data, import a file downloaded from the SIPRI Arms Transfers Database: \
<code>armsflow import trade_register.csv</code>, or let armsflow download it: \
<code>armsflow fetch</code>. Then reload this page.</div>"
}

fn release_picker(ctx: &Ctx) -> String {
    let metas = ctx.st.releases();
    let mut opts = String::new();
    for m in metas.iter().rev() {
        let sel = if m.id == ctx.rel.meta.id {
            " selected"
        } else {
            ""
        };
        let label = format!(
            "{} · {}",
            m.generated.as_deref().unwrap_or(&m.generated_raw),
            m.format.as_str()
        );
        let _ = write!(
            opts,
            "<option value=\"{}\"{sel}>{}</option>",
            esc(&m.id),
            esc(&label)
        );
    }
    if let Some(d) = ctx.st.demo() {
        let sel = if d.meta.id == ctx.rel.meta.id {
            " selected"
        } else {
            ""
        };
        let _ = write!(
            opts,
            "<option value=\"{}\"{sel}>SYNTHETIC demo</option>",
            esc(&d.meta.id)
        );
    }
    let mut keep = String::new();
    for k in ["period", "category", "q"] {
        if let Some(v) = ctx.p.get(k) {
            let _ = write!(
                keep,
                "<input type=\"hidden\" name=\"{k}\" value=\"{}\">",
                esc(v)
            );
        }
    }
    format!(
        "<form class=\"release-picker\" method=\"get\" action=\"{}\">\
<label for=\"release-select\">Release</label>\
<select id=\"release-select\" name=\"release\">{opts}</select>{keep}\
<button type=\"submit\">Show</button></form>",
        esc(&ctx.path)
    )
}

fn header(search_release: Option<&str>, picker: &str) -> String {
    let hidden = search_release
        .map(|r| {
            format!(
                "<input type=\"hidden\" name=\"release\" value=\"{}\">",
                esc(r)
            )
        })
        .unwrap_or_default();
    format!(
        "<header class=\"top\"><a class=\"brand\" href=\"/\">armsflow</a>\
<nav aria-label=\"Main\"><a href=\"/world\">World</a><a href=\"/claims\">Claim checker</a>\
<a href=\"/diff\">Release diff</a>\
<a href=\"/api/openapi.json\">API</a></nav>\
<form class=\"search\" role=\"search\" method=\"get\" action=\"/search\">\
<label for=\"q\">Find a country</label>\
<div class=\"combo\"><input id=\"q\" name=\"q\" type=\"search\" autocomplete=\"off\" \
placeholder=\"Kazakhstan, Türkiye, UAE…\" aria-autocomplete=\"list\" aria-controls=\"search-results\" aria-expanded=\"false\">\
<ul id=\"search-results\" role=\"listbox\" aria-label=\"Matching countries\" hidden></ul></div>{hidden}\
<button type=\"submit\">Go</button></form>{picker}</header>"
    )
}

fn footer(rel: &Release) -> String {
    if rel.meta.synthetic {
        // Generated numbers: nothing here may read as SIPRI's.
        return format!(
            "<footer><p><strong>SYNTHETIC DEMO DATA — not SIPRI.</strong> {}. \
Figures computed by armsflow from its own generated release <code>{}</code>; \
no figure on this page comes from SIPRI or may be cited as SIPRI's.</p></footer>",
            esc(model::SYNTHETIC_ATTRIBUTION),
            esc(&rel.meta.id)
        );
    }
    let generated = if rel.meta.generated_raw.is_empty() {
        "unknown date".to_string()
    } else {
        rel.meta.generated_raw.clone()
    };
    format!(
        "<footer><p>{}. Figures computed by armsflow from release <code>{}</code> \
(SIPRI data generated {}). Values are SIPRI trend-indicator values (TIV), millions; \
shares are by delivery year unless stated. TIV measures the volume of transfers, not their price.</p></footer>",
        esc(model::SIPRI_ATTRIBUTION),
        esc(&rel.meta.id),
        esc(&generated)
    )
}

/// The banner of a page whose window reaches outside the release's years:
/// "Window 2021-2025: the release covers 1995–2024; 2025 is not in it …".
/// Empty when the window is inside. The rule is [`model::Coverage`].
pub fn coverage_banner(rel: &Release, w: model::Window) -> String {
    let c = rel.coverage(w);
    let Some(note) = c.note() else {
        return String::new();
    };
    let rest = if c.is_empty() {
        "No figure on this page for this window comes from data.".to_string()
    } else {
        format!(
            "Figures for {w} rest on {} of its {} years; changes against other windows are not like for like.",
            c.covered_years,
            w.len()
        )
    };
    format!(
        "<div class=\"banner coverage\" role=\"note\" aria-label=\"Window outside the release\">\
<strong>Window {w}: {}.</strong> {}</div>",
        esc(&note),
        esc(&rest)
    )
}

/// A synthetic page's body: no figure credited to SIPRI, and every chart
/// marked (see [`mark_synthetic_charts`]).
pub fn mark_synthetic(body: &str) -> String {
    mark_synthetic_charts(&model::without_sipri_credit(body))
}

/// Marks every chart of a synthetic page: a SYNTHETIC watermark inside the
/// SVG (so a screenshot or a saved chart carries it) and in its accessible
/// title. Charts are the only inline SVG on pages.
pub fn mark_synthetic_charts(body: &str) -> String {
    const MARK: &str = "<text class=\"synthetic-mark\" x=\"50%\" y=\"50%\" text-anchor=\"middle\" \
dominant-baseline=\"middle\" font-size=\"28\" font-weight=\"bold\" fill=\"#C00000\" fill-opacity=\"0.35\" \
aria-hidden=\"true\">SYNTHETIC — not SIPRI</text></svg>";
    let marked = body.replace("</svg>", MARK);
    // Accessible names: "<title id=\"x-title\">" starts every chart's title.
    let mut out = String::with_capacity(marked.len() + 64);
    let mut rest = marked.as_str();
    while let Some(i) = rest.find("<title id=\"") {
        let after = &rest[i..];
        let Some(close) = after.find('>') else { break };
        out.push_str(&rest[..i + close + 1]);
        out.push_str("SYNTHETIC DEMO DATA, not SIPRI: ");
        rest = &after[close + 1..];
    }
    out.push_str(rest);
    out
}

/// A full page around `body`.
pub fn layout(ctx: &Ctx, title: &str, body: &str) -> String {
    let mut s = head(title);
    if ctx.rel.meta.synthetic {
        s.push_str(synthetic_banner());
    }
    s.push_str(&header(ctx.pinned.as_deref(), &release_picker(ctx)));
    if ctx.rel.meta.synthetic {
        let _ = write!(s, "<main id=\"main\">{}</main>", mark_synthetic(body));
    } else {
        let _ = write!(s, "<main id=\"main\">{body}</main>");
    }
    s.push_str(&footer(&ctx.rel));
    s.push_str("</body></html>");
    s
}

/// A page when no release could be resolved (errors before a context exists).
pub fn bare(st: &Arc<AppState>, title: &str, body: &str) -> String {
    let rel = st.pick(None).ok();
    let mut s = head(title);
    if rel.as_ref().is_some_and(|r| r.meta.synthetic) {
        s.push_str(synthetic_banner());
    }
    s.push_str(&header(None, ""));
    let _ = write!(s, "<main id=\"main\">{body}</main>");
    match rel {
        Some(r) => s.push_str(&footer(&r)),
        None => {
            let _ = write!(
                s,
                "<footer><p>{}</p></footer>",
                esc(model::SIPRI_ATTRIBUTION)
            );
        }
    }
    s.push_str("</body></html>");
    s
}
