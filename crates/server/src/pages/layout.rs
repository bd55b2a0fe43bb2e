//! The page shell: SYNTHETIC banner, header with search and release picker,
//! SIPRI's attribution in the footer. Built with maud, which escapes every
//! interpolated value by default; only the page body (built by each page) is
//! inserted as markup.

use super::Ctx;
use crate::assets;
use crate::i18n::{Lang, t, tf};
use crate::state::AppState;
use maud::{DOCTYPE, Markup, PreEscaped, html};
use model::ReleaseMeta;
use std::sync::Arc;

/// The banner every page carries while it shows generated numbers. `damaged`
/// names stored releases that could not be read: the demo is then shown
/// because of them, not because nothing was imported (regression: a store
/// whose only release was damaged showed the demo as if it were empty).
pub fn synthetic_banner(lang: Lang, damaged: &[String]) -> Markup {
    html! {
        div.banner role="note" aria-label=(t(lang, "layout.banner.label")) {
            strong { (t(lang, "layout.banner.title")) } " "
            @if !damaged.is_empty() {
                (tf(lang, "layout.banner.damaged", &[("names", &damaged.join(", "))])) " "
            }
            (t(lang, "layout.banner.text")) " "
            code { "armsflow import trade_register.csv" } ", " code { "armsflow fetch" } "."
        }
    }
}

/// Names of the stored entries that could not be read, when the page shows
/// the demo or the default release (they are why it shows that one).
fn damaged_names(st: &AppState, by_default: bool) -> Vec<String> {
    if !by_default {
        return Vec::new();
    }
    st.health().damaged.iter().map(|(n, _)| n.clone()).collect()
}

/// "2026-02-12 · register · 1995–2024"; with the release id when another release reads
/// the same (regression: two TIV tables of one day were indistinguishable).
fn picker_label(m: &ReleaseMeta, all: &[ReleaseMeta]) -> String {
    // The delivery years too: the date is when SIPRI generated the file,
    // and "2026-02-12" holds data up to 2024.
    let short = |m: &ReleaseMeta| {
        let years = match (m.first_year, m.last_year) {
            (Some(a), Some(b)) => format!(" · {a}–{b}"),
            _ => String::new(),
        };
        format!(
            "{} · {}{years}",
            m.generated.as_deref().unwrap_or(&m.generated_raw),
            m.format.as_str()
        )
    };
    let label = short(m);
    if all.iter().filter(|o| short(o) == label).count() > 1 {
        format!("{label} · {}", m.id)
    } else {
        label
    }
}

fn release_picker(ctx: &Ctx) -> Markup {
    let metas = ctx.st.releases();
    let current = &ctx.rel.meta.id;
    html! {
        form.release-picker method="get" action=(ctx.path) {
            label for="release-select" { (ctx.t("layout.release.label")) }
            select #release-select name="release" {
                @for m in metas.iter().rev() {
                    option value=(m.id) selected[&m.id == current] {
                        (picker_label(m, &metas))
                    }
                }
                @if let Some(d) = ctx.st.demo() {
                    option value=(d.meta.id) selected[&d.meta.id == current] { (ctx.t("layout.release.synthetic")) }
                }
            }
            @for k in ["period", "category", "q"] {
                @if let Some(v) = ctx.p.get(k) {
                    input type="hidden" name=(k) value=(v);
                }
            }
            button type="submit" { (ctx.t("layout.release.show")) }
        }
    }
}

/// Links to this page in every language; the choice is remembered (cookie).
fn lang_switch(ctx: &Ctx) -> Markup {
    switch_links(ctx.lang, |l| ctx.lang_href(l))
}

fn switch_links(lang: Lang, href: impl Fn(Lang) -> String) -> Markup {
    html! {
        nav.lang-switch aria-label=(t(lang, "layout.lang.label")) {
            @for l in Lang::ALL {
                @if l == lang {
                    span lang=(l.code()) aria-current="true" { (l.native_name()) }
                } @else {
                    a href=(href(l)) hreflang=(l.code()) lang=(l.code()) { (l.native_name()) }
                }
            }
        }
    }
}

fn header(lang: Lang, search_release: Option<&str>, picker: Markup) -> Markup {
    html! {
        header.top {
            a.brand href="/" { "armsflow" }
            nav aria-label=(t(lang, "layout.nav.label")) {
                a href="/world" { (t(lang, "layout.nav.world")) }
                a href="/map" { (t(lang, "map.nav")) }
                a href="/deals" { (t(lang, "layout.nav.deals")) }
                a href="/claims" { (t(lang, "layout.nav.claims")) }
                a href="/diff" { (t(lang, "layout.nav.diff")) }
                a href="/api/openapi.json" { (t(lang, "layout.nav.api")) }
            }
            form.search role="search" method="get" action="/search" {
                label for="q" { (t(lang, "layout.search.label")) }
                div.combo {
                    input #q name="q" type="search" role="combobox" autocomplete="off"
                        placeholder=(t(lang, "layout.search.placeholder")) aria-autocomplete="list"
                        aria-controls="search-results" aria-expanded="false";
                    ul #search-results role="listbox" aria-label=(t(lang, "layout.search.results")) hidden {}
                }
                @if let Some(r) = search_release {
                    input type="hidden" name="release" value=(r);
                }
                button type="submit" { (t(lang, "layout.search.go")) }
            }
            (picker)
        }
    }
}

fn footer(lang: Lang, meta: Option<&ReleaseMeta>) -> Markup {
    html! {
        footer {
            @if let Some(m) = meta.filter(|m| m.synthetic) {
                // Generated numbers: nothing here may read as SIPRI's.
                p {
                    strong { (t(lang, "layout.banner.title")) } " "
                    span lang=[(lang != Lang::En).then_some("en")] { (model::SYNTHETIC_ATTRIBUTION) "." } " "
                    (with_id(t(lang, "layout.footer.synthetic"), &m.id))
                }
            } @else if let Some(m) = meta {
                @let generated = match (&m.generated, m.generated_raw.is_empty()) {
                    (Some(d), _) => model::locale::iso_date(d, lang),
                    (None, true) => t(lang, "layout.footer.unknown_date").to_string(),
                    (None, false) => m.generated_raw.clone(),
                };
                p {
                    // SIPRI's attribution, verbatim in every language.
                    span lang=[(lang != Lang::En).then_some("en")] { (model::SIPRI_ATTRIBUTION) "." } " "
                    (with_id(&tf(lang, "layout.footer.release", &[("generated", &generated)]), &m.id))
                }
            } @else {
                p lang=[(lang != Lang::En).then_some("en")] { (model::SIPRI_ATTRIBUTION) }
            }
        }
    }
}

/// A message with the release id set as code where it says `{id}` (the print
/// margin line reads it from there).
fn with_id(msg: &str, id: &str) -> Markup {
    match msg.split_once("{id}") {
        Some((a, b)) => html! { (a) code { (id) } (b) },
        None => html! { (msg) " " code { (id) } },
    }
}

/// The texts `assets/app.js` writes into pages, in the page's language, as a
/// JSON block (data, not script: the CSP allows no inline script).
fn script_messages(lang: Lang, meta: Option<&ReleaseMeta>) -> String {
    let source = match meta {
        Some(m) if m.synthetic => format!(
            "{} {}",
            t(lang, "js.print_synthetic"),
            tf(lang, "js.print_release", &[("id", &m.id)])
        ),
        Some(m) => format!(
            "{} {}",
            t(lang, "js.print_source"),
            tf(lang, "js.print_release", &[("id", &m.id)])
        ),
        None => t(lang, "js.print_source").to_string(),
    };
    let v = serde_json::json!({
        "working": t(lang, "js.working"),
        "no_result": t(lang, "js.no_result"),
        "failed": t(lang, "js.failed"),
        "dark_mode": t(lang, "js.dark_mode"),
        "print_source": source,
    });
    // `<` escaped, so no text can close the script element.
    v.to_string().replace('<', "\\u003c")
}

/// The document around the header, `body` (markup built by a page) and footer.
fn document(
    lang: Lang,
    title: &str,
    meta: Option<&ReleaseMeta>,
    damaged: &[String],
    header: Markup,
    body: &str,
) -> String {
    let v = assets::version();
    html! {
        (DOCTYPE)
        html lang=(lang.code()) {
            head {
                meta charset="utf-8";
                meta name="viewport" content="width=device-width, initial-scale=1";
                title { (title) " · armsflow" }
                link rel="stylesheet" href={ "/assets/style.css?v=" (v) };
                link rel="icon" href={ "/assets/favicon.svg?v=" (v) } type="image/svg+xml";
                // Before first paint, so a remembered dark choice never flashes light.
                script src={ "/assets/theme.js?v=" (v) } {}
                script src={ "/assets/app.js?v=" (v) } defer {}
                script #messages type="application/json" { (PreEscaped(script_messages(lang, meta))) }
            }
            body {
                a.skip href="#main" { (t(lang, "layout.skip")) }
                @if meta.is_some_and(|m| m.synthetic) {
                    (synthetic_banner(lang, damaged))
                } @else if let Some(m) = meta.filter(|_| !damaged.is_empty()) {
                    div.banner.coverage role="note" aria-label=(t(lang, "layout.damaged.label")) {
                        (tf(lang, "layout.damaged.fallback", &[("names", &damaged.join(", ")), ("id", &m.id)]))
                    }
                }
                // Every figure of a legacy register's window rests on the
                // split of deal totals (metrics probe: no page but the
                // country and pair pages said so).
                @if meta.is_some_and(|m| m.format == model::SourceFormat::LegacyRegister) {
                    div.banner.coverage role="note" aria-label=(t(lang, "layout.legacy.label")) {
                        strong { (t(lang, "layout.legacy.title")) } " " (t(lang, "layout.legacy.text"))
                    }
                }
                // What the import found wrong with the release's file (a
                // table cut short, rejected rows): every figure rests on it.
                @if let Some(m) = meta.filter(|m| !m.caveats.is_empty()) {
                    div.banner.coverage role="note" aria-label=(t(lang, "layout.caveats.label")) {
                        strong { (t(lang, "layout.caveats.title")) }
                        ul { @for c in &m.caveats { li { (c) } } }
                    }
                }
                (header)
                main #main { (PreEscaped(body)) }
                (footer(lang, meta))
            }
        }
    }
    .into_string()
}

/// The banner of a page whose window reaches outside the release's years:
/// "Window 2021-2025: the release covers 1995–2024; 2025 is not in it …".
/// Empty when the window is inside. The rule is [`model::Coverage`].
pub fn coverage_banner(lang: Lang, rel: &model::Release, w: model::Window) -> String {
    let c = rel.coverage(w);
    let Some(mut note) = c.note_in(lang) else {
        return String::new();
    };
    // After the colon of the banner, a German clause starts a sentence.
    if lang == Lang::De
        && let Some(first) = note.chars().next()
    {
        note = first.to_uppercase().chain(note.chars().skip(1)).collect();
    }
    let rest = if c.is_empty() {
        t(lang, "layout.coverage.empty").to_string()
    } else {
        tf(
            lang,
            "layout.coverage.partial",
            &[
                ("window", &w),
                ("covered", &c.covered_years),
                ("years", &w.len()),
            ],
        )
    };
    html! {
        div.banner.coverage role="note" aria-label=(t(lang, "layout.coverage.label")) {
            strong { (tf(lang, "layout.coverage.window", &[("window", &w), ("note", &note)])) } " " (rest)
        }
    }
    .into_string()
}

/// A synthetic page's body: no figure credited to SIPRI, and every chart
/// marked (see [`mark_synthetic_charts`]).
pub fn mark_synthetic(body: &str, lang: Lang) -> String {
    mark_synthetic_charts(&model::without_sipri_credit(body), lang)
}

/// Marks every chart of a synthetic page: a SYNTHETIC watermark inside the
/// SVG (so a screenshot or a saved chart carries it) and in its accessible
/// title. Charts are the only inline SVG on pages.
pub fn mark_synthetic_charts(body: &str, lang: Lang) -> String {
    let text = t(lang, "layout.synthetic.mark");
    // 28 units fit 21 characters across the narrowest (370-unit) chart;
    // longer wordings (German) get a smaller size rather than being cut off.
    let chars = text.chars().count().max(1);
    let size = if chars <= 21 {
        28.0
    } else {
        28.0 * 19.0 / chars as f64
    };
    let mark = format!(
        "<text class=\"synthetic-mark\" x=\"50%\" y=\"50%\" text-anchor=\"middle\" \
dominant-baseline=\"middle\" font-size=\"{size:.0}\" font-weight=\"bold\" fill=\"#C00000\" fill-opacity=\"0.35\" \
aria-hidden=\"true\">{}</text></svg>",
        crate::html::esc(text)
    );
    let title = crate::html::esc(t(lang, "layout.synthetic.title"));
    // An SVG with its own watermark (the map's large `wm` text) is not stamped twice.
    let mut marked = String::with_capacity(body.len() + 256);
    let mut pieces = body.split("</svg>").peekable();
    while let Some(piece) = pieces.next() {
        marked.push_str(piece);
        if pieces.peek().is_none() {
            break;
        }
        let own = piece.rfind("<svg").map_or(piece, |i| &piece[i..]);
        if own.contains("<text class=\"wm\"") {
            marked.push_str("</svg>");
        } else {
            marked.push_str(&mark);
        }
    }
    // Accessible names: "<title id=\"x-title\">" starts every chart's title.
    let mut out = String::with_capacity(marked.len() + 64);
    let mut rest = marked.as_str();
    while let Some(i) = rest.find("<title id=\"") {
        let after = &rest[i..];
        let Some(close) = after.find('>') else { break };
        out.push_str(&rest[..i + close + 1]);
        out.push_str(&title);
        out.push_str(": ");
        rest = &after[close + 1..];
    }
    out.push_str(rest);
    out
}

/// A full page around `body`.
pub fn layout(ctx: &Ctx, title: &str, body: &str) -> String {
    let marked;
    let body = if ctx.rel.meta.synthetic {
        marked = mark_synthetic(body, ctx.lang);
        marked.as_str()
    } else {
        body
    };
    let picker = html! { (release_picker(ctx)) (lang_switch(ctx)) };
    document(
        ctx.lang,
        title,
        Some(&ctx.rel.meta),
        // A page on the default release also names the damaged ones it
        // passed over, as the API's notes do (hostile-files probe).
        &damaged_names(&ctx.st, ctx.rel.meta.synthetic || ctx.pinned.is_none()),
        header(ctx.lang, ctx.pinned.as_deref(), picker),
        body,
    )
}

/// A page when no release could be resolved (errors before a context exists).
/// Uses only the in-memory listing: no release is loaded for an error page.
pub fn bare(st: &Arc<AppState>, lang: Lang, path: &str, title: &str, body: &str) -> String {
    let metas = st.releases();
    let default = st.resolve_id(None).ok();
    let meta = match (
        metas.iter().find(|m| Some(&m.id) == default.as_ref()),
        st.demo(),
    ) {
        (Some(m), _) => Some(m.clone()),
        (None, Some(d)) => Some(d.meta.clone()),
        (None, None) => None,
    };
    document(
        lang,
        title,
        meta.as_ref(),
        &damaged_names(st, meta.as_ref().is_some_and(|m| m.synthetic)),
        header(
            lang,
            None,
            switch_links(lang, |l| format!("{path}?lang={}", l.code())),
        ),
        body,
    )
}
