//! The page shell: SYNTHETIC banner, header with search and release picker,
//! SIPRI's attribution in the footer. Built with maud, which escapes every
//! interpolated value by default; only the page body (built by each page) is
//! inserted as markup.

use super::Ctx;
use crate::assets;
use crate::state::AppState;
use maud::{DOCTYPE, Markup, PreEscaped, html};
use model::ReleaseMeta;
use std::sync::Arc;

/// The banner every page carries while it shows generated numbers.
pub fn synthetic_banner() -> &'static str {
    "<div class=\"banner\" role=\"note\" aria-label=\"Synthetic data warning\">\
<strong>SYNTHETIC DEMO DATA — not SIPRI.</strong> \
Every number on this page comes from armsflow's generator, not from SIPRI. \
To see real data, import a file downloaded from the SIPRI Arms Transfers Database: \
<code>armsflow import trade_register.csv</code>, or let armsflow download it: \
<code>armsflow fetch</code>. Then reload this page.</div>"
}

fn release_picker(ctx: &Ctx) -> Markup {
    let metas = ctx.st.releases();
    let current = &ctx.rel.meta.id;
    html! {
        form.release-picker method="get" action=(ctx.path) {
            label for="release-select" { "Release" }
            select #release-select name="release" {
                @for m in metas.iter().rev() {
                    option value=(m.id) selected[&m.id == current] {
                        (m.generated.as_deref().unwrap_or(&m.generated_raw)) " · " (m.format.as_str())
                    }
                }
                @if let Some(d) = ctx.st.demo() {
                    option value=(d.meta.id) selected[&d.meta.id == current] { "SYNTHETIC demo" }
                }
            }
            @for k in ["period", "category", "q"] {
                @if let Some(v) = ctx.p.get(k) {
                    input type="hidden" name=(k) value=(v);
                }
            }
            button type="submit" { "Show" }
        }
    }
}

fn header(search_release: Option<&str>, picker: Markup) -> Markup {
    html! {
        header.top {
            a.brand href="/" { "armsflow" }
            nav aria-label="Main" {
                a href="/world" { "World" }
                a href="/map" { "Map" }
                a href="/claims" { "Claim checker" }
                a href="/diff" { "Release diff" }
                a href="/api/openapi.json" { "API" }
            }
            form.search role="search" method="get" action="/search" {
                label for="q" { "Find a country" }
                div.combo {
                    input #q name="q" type="search" role="combobox" autocomplete="off"
                        placeholder="Kazakhstan, Türkiye, UAE…" aria-autocomplete="list"
                        aria-controls="search-results" aria-expanded="false";
                    ul #search-results role="listbox" aria-label="Matching countries" hidden {}
                }
                @if let Some(r) = search_release {
                    input type="hidden" name="release" value=(r);
                }
                button type="submit" { "Go" }
            }
            (picker)
        }
    }
}

fn footer(meta: Option<&ReleaseMeta>) -> Markup {
    html! {
        footer {
            @if let Some(m) = meta.filter(|m| m.synthetic) {
                // Generated numbers: nothing here may read as SIPRI's.
                p {
                    strong { "SYNTHETIC DEMO DATA — not SIPRI." } " "
                    (model::SYNTHETIC_ATTRIBUTION) ". Figures computed by armsflow from its own generated release "
                    code { (m.id) }
                    "; no figure on this page comes from SIPRI or may be cited as SIPRI's."
                }
            } @else if let Some(m) = meta {
                p {
                    (model::SIPRI_ATTRIBUTION) ". Figures computed by armsflow from release "
                    code { (m.id) }
                    " (SIPRI data generated "
                    (if m.generated_raw.is_empty() { "unknown date" } else { m.generated_raw.as_str() })
                    "). Values are SIPRI trend-indicator values (TIV), millions; shares are by delivery \
                     year unless stated. TIV measures the volume of transfers, not their price."
                }
            } @else {
                p { (model::SIPRI_ATTRIBUTION) }
            }
        }
    }
}

/// The document around the header, `body` (markup built by a page) and footer.
fn document(title: &str, meta: Option<&ReleaseMeta>, header: Markup, body: &str) -> String {
    let v = assets::version();
    html! {
        (DOCTYPE)
        html lang="en" {
            head {
                meta charset="utf-8";
                meta name="viewport" content="width=device-width, initial-scale=1";
                title { (title) " · armsflow" }
                link rel="stylesheet" href={ "/assets/style.css?v=" (v) };
                link rel="icon" href={ "/assets/favicon.svg?v=" (v) } type="image/svg+xml";
                // Before first paint, so a remembered dark choice never flashes light.
                script src={ "/assets/theme.js?v=" (v) } {}
                script src={ "/assets/app.js?v=" (v) } defer {}
            }
            body {
                a.skip href="#main" { "Skip to content" }
                @if meta.is_some_and(|m| m.synthetic) {
                    (PreEscaped(synthetic_banner()))
                }
                (header)
                main #main { (PreEscaped(body)) }
                (footer(meta))
            }
        }
    }
    .into_string()
}

/// The banner of a page whose window reaches outside the release's years:
/// "Window 2021-2025: the release covers 1995–2024; 2025 is not in it …".
/// Empty when the window is inside. The rule is [`model::Coverage`].
pub fn coverage_banner(rel: &model::Release, w: model::Window) -> String {
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
    html! {
        div.banner.coverage role="note" aria-label="Window outside the release" {
            strong { "Window " (w) ": " (note) "." } " " (rest)
        }
    }
    .into_string()
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
    let marked;
    let body = if ctx.rel.meta.synthetic {
        marked = mark_synthetic(body);
        marked.as_str()
    } else {
        body
    };
    document(
        title,
        Some(&ctx.rel.meta),
        header(ctx.pinned.as_deref(), release_picker(ctx)),
        body,
    )
}

/// A page when no release could be resolved (errors before a context exists).
/// Uses only the in-memory listing: no release is loaded for an error page.
pub fn bare(st: &Arc<AppState>, title: &str, body: &str) -> String {
    let metas = st.releases();
    let meta = match (metas.last(), st.demo()) {
        (Some(m), _) => Some(m.clone()),
        (None, Some(d)) => Some(d.meta.clone()),
        (None, None) => None,
    };
    document(title, meta.as_ref(), header(None, html! {}), body)
}
