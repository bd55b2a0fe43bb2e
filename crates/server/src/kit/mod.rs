//! The journalist's kit (issue #13): every chart and table of the dashboard
//! gets a toolbar to take it away — standalone SVG, PNG (server-rendered with
//! `resvg` and a bundled font), CSV at full precision, an embed code for a
//! framable `/embed/…` view, a citation in English and German, and a
//! permalink whose URL holds the whole state (window, category, release).
//!
//! Charts are found by id in the page body the page builders made, so a
//! standalone chart is exactly the chart on the page: [`attach`] adds a
//! toolbar after every chart box of an exportable page, and the export and
//! embed handlers rebuild the same page and cut the chart out of it
//! ([`chart_fragment`]). Only the CSV needs per-chart code ([`data`]).
//!
//! No URL in a (cached) page depends on the request's `Host`: links are
//! relative, and the small script in assets/app.js writes the site's origin
//! and the reader's date into the embed code and citations.

pub mod data;
pub mod document;
pub mod embed;
pub mod export;
pub mod map;
pub mod png;

use crate::html::{esc, url_enc};
use crate::i18n::{t, tf};
use crate::pages::{Ctx, Page};
use maud::{Markup, html};
use model::{Lang, Release};

/// A page the kit can rebuild: which builder, for which party.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Target {
    Country(String),
    Supplier(String),
    World,
    /// `/pair/{supplier}/{recipient}`.
    Pair(String, String),
}

impl Target {
    /// The target of a dashboard path, if its charts are exportable.
    pub fn of_path(path: &str) -> Option<Target> {
        if path == "/" || path == "/world" {
            return Some(Target::World);
        }
        let (kind, key) = path.trim_start_matches('/').split_once('/')?;
        if kind == "pair" {
            let (s, r) = key.split_once('/')?;
            let (s, r) = (percent_decode(s), percent_decode(r));
            if s.is_empty() || r.is_empty() || s.contains('/') || r.contains('/') {
                return None;
            }
            return Some(Target::Pair(s, r));
        }
        let key = percent_decode(key);
        if key.is_empty() || key.contains('/') {
            return None;
        }
        match kind {
            "country" => Some(Target::Country(key)),
            "supplier" => Some(Target::Supplier(key)),
            _ => None,
        }
    }

    /// The page's path, as the dashboard links it.
    pub fn page_path(&self) -> String {
        match self {
            Target::Country(k) => format!("/country/{}", url_enc(k)),
            Target::Supplier(k) => format!("/supplier/{}", url_enc(k)),
            Target::World => "/world".to_string(),
            Target::Pair(s, r) => format!("/pair/{}/{}", url_enc(s), url_enc(r)),
        }
    }

    /// Short, file-name-safe name of the page (for download names).
    fn slug(&self) -> String {
        match self {
            Target::Country(k) => format!("country-{k}"),
            Target::Supplier(k) => format!("supplier-{k}"),
            Target::World => "world".to_string(),
            Target::Pair(s, r) => format!("pair-{s}-{r}"),
        }
    }

    /// Builds the page body, as the dashboard shows it (before the layout).
    pub fn build(&self, ctx: &Ctx) -> Result<Page, crate::ApiError> {
        match self {
            Target::Country(k) => crate::pages::country::build(ctx, k),
            Target::Supplier(k) => crate::pages::supplier::build(ctx, k),
            Target::World => crate::pages::world::build(ctx),
            Target::Pair(s, r) => crate::pages::pair::build(ctx, s, r),
        }
    }

    /// Whether the page reads `category` (the world page does).
    fn has_category(&self) -> bool {
        matches!(self, Target::World)
    }
}

fn percent_decode(s: &str) -> String {
    form_urlencoded::parse(format!("k={s}").as_bytes())
        .next()
        .map(|(_, v)| v.into_owned())
        .unwrap_or_default()
}

/// What a permalink or export URL carries: the page's whole state, with the
/// window and release made explicit so the link shows the same figures after
/// a new release is imported.
pub fn state_pairs(ctx: &Ctx, target: &Target) -> Vec<(&'static str, String)> {
    let mut v = Vec::new();
    if let Ok(w) = ctx.p.window(&ctx.rel, "period") {
        v.push(("period", w.to_string()));
    }
    if target.has_category()
        && let Ok(Some(c)) = ctx.p.category()
    {
        v.push(("category", c.sipri_name().to_string()));
    }
    // The country page's year-by-year window: without it an export would
    // draw the default years, not the ones shown.
    if matches!(target, Target::Country(_)) {
        for k in ["from", "to"] {
            if let Some(y) = ctx.p.get(k) {
                v.push((k, y.to_string()));
            }
        }
    }
    v.push(("release", ctx.rel.meta.id.clone()));
    v
}

pub(crate) fn query(pairs: &[(&str, String)]) -> String {
    let mut s = form_urlencoded::Serializer::new(String::new());
    for (k, v) in pairs {
        s.append_pair(k, v);
    }
    s.finish()
}

/// The page's permalink, pointing at `anchor`.
pub fn permalink(ctx: &Ctx, target: &Target, anchor: &str) -> String {
    format!(
        "{}?{}#{}",
        target.page_path(),
        query(&state_pairs(ctx, target)),
        url_enc(anchor)
    )
}

/// [`state_pairs`] less what `chart` does not read: `from`/`to` belong to
/// the country page's year-by-year chart only, and the other charts refuse
/// them (dashboard crawl 22: after "Show years", 8 chart downloads and
/// embeds of each country page answered 400).
fn chart_pairs(ctx: &Ctx, target: &Target, chart: &str) -> Vec<(&'static str, String)> {
    let mut v = state_pairs(ctx, target);
    if chart != "annual-chart" {
        v.retain(|(k, _)| !matches!(*k, "from" | "to"));
    }
    v
}

/// `/export/<page>/<chart>.<ext>?<state>`.
pub fn export_href(ctx: &Ctx, target: &Target, chart: &str, ext: &str) -> String {
    let page = target.page_path();
    format!(
        "/export{page}/{}.{ext}?{}",
        url_enc(chart),
        query(&chart_pairs(ctx, target, chart))
    )
}

/// `/embed/<page>/<chart>?<state>`.
pub fn embed_href(ctx: &Ctx, target: &Target, chart: &str) -> String {
    format!(
        "/embed{}/{}?{}",
        target.page_path(),
        url_enc(chart),
        query(&chart_pairs(ctx, target, chart))
    )
}

/// The `<svg id="…">…</svg>` of chart `id` in a page body, and the chart box
/// around it (`<div class="chart-box" …>…</div>`). Charts never nest SVG.
pub fn chart_fragment<'a>(body: &'a str, id: &str) -> Option<(&'a str, &'a str)> {
    let open = format!("<svg id=\"{}\"", esc(id));
    let start = body.find(&open)?;
    let end = start + body[start..].find("</svg>")? + "</svg>".len();
    let svg = &body[start..end];
    let box_start = body[..start].rfind("<div class=\"chart-box\"")?;
    let box_end = end + body[end..].find("</div>")? + "</div>".len();
    Some((svg, &body[box_start..box_end]))
}

/// The chart's title (the text of its `<title id="<id>-title">`), unescaped.
pub fn chart_title(svg: &str, id: &str) -> String {
    let open = format!("<title id=\"{}-title\">", esc(id));
    svg.find(&open)
        .and_then(|i| {
            let rest = &svg[i + open.len()..];
            rest.find("</title>").map(|j| unescape(&rest[..j]))
        })
        .unwrap_or_default()
}

/// Reverses [`esc`].
pub fn unescape(s: &str) -> String {
    s.replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&quot;", "\"")
        .replace("&#39;", "'")
        .replace("&amp;", "&")
}

/// Ids of the charts in a page body, in order.
pub fn chart_ids(body: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut rest = body;
    while let Some(i) = rest.find("<div class=\"chart-box\"") {
        rest = &rest[i..];
        if let Some(j) = rest.find("<svg id=\"") {
            let after = &rest[j + 9..];
            if let Some(k) = after.find('"') {
                out.push(unescape(&after[..k]));
            }
        }
        rest = &rest[1..];
    }
    out
}

/// The page body with a toolbar after each chart box, for pages the kit can
/// rebuild (others are returned unchanged).
pub fn attach(ctx: &Ctx, body: &str) -> String {
    let Some(target) = Target::of_path(&ctx.path) else {
        return body.to_string();
    };
    let mut out = body.to_string();
    for id in chart_ids(body) {
        let Some((svg, boxed)) = chart_fragment(&out, &id) else {
            continue;
        };
        let title = chart_title(svg, &id);
        let at = out.find(boxed).map(|i| i + boxed.len());
        if let Some(at) = at {
            let bar = chart_tools(ctx, &target, &id, &title).into_string();
            out.insert_str(at, &bar);
        }
    }
    out
}

/// Today's date (UTC) as `YYYY-MM-DD`; the script replaces it with the
/// reader's own date, so a cached page never cites a stale access date.
pub fn today() -> (i64, u32, u32) {
    let secs = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0, |d| d.as_secs() as i64);
    model::locale::civil_from_days(secs.div_euclid(86_400))
}

/// A date as a citation writes it: "27 November 2026", "27. November 2026".
pub fn cite_date(lang: Lang, (y, m, d): (i64, u32, u32)) -> String {
    model::locale::date(y as i32, m, d, lang).unwrap_or_default()
}

/// What a citation names.
pub struct Cited<'a> {
    pub title: &'a str,
    /// Window and category as shown ("2020-2024, all categories").
    pub scope: &'a str,
    pub permalink: &'a str,
    pub accessed: (i64, u32, u32),
}

/// A ready citation sentence in `lang` (the catalogue's `kit.cite.*`). Real
/// data names the SIPRI Arms Transfers Database, the release id and SIPRI's
/// generation date; synthetic data is never attributed to SIPRI.
pub fn citation(rel: &Release, lang: Lang, c: &Cited) -> String {
    let date = cite_date(lang, c.accessed);
    let generated = match &rel.meta.generated {
        Some(iso) => model::locale::iso_date(iso, lang),
        None if rel.meta.generated_raw.is_empty() => t(lang, "kit.cite.unknown_date").to_string(),
        None => rel.meta.generated_raw.clone(),
    };
    let key = if rel.meta.synthetic {
        "kit.cite.synthetic"
    } else {
        "kit.cite.sipri"
    };
    tf(
        lang,
        key,
        &[
            ("title", &c.title),
            ("scope", &c.scope),
            ("release", &rel.meta.id),
            ("generated", &generated),
            ("permalink", &c.permalink),
            ("date", &date),
        ],
    )
}

/// The window chart `chart` draws: the page's, except for the country
/// page's year-by-year chart, which has its own (`from`/`to`; regression:
/// its embed and files named the page's window).
pub fn chart_window(
    ctx: &Ctx,
    target: &Target,
    chart: &str,
) -> crate::error::ApiResult<model::Window> {
    let w = ctx.p.window(&ctx.rel, "period")?;
    // Charts over every five-year window of the release cover their span,
    // whatever `period` says (metrics probe: concentration-chart.csv?
    // period=2022-2026 was named "…-2022-2026.csv" and held 1995-2024).
    if data::over_all_windows(target, chart) {
        let ws = engine::default_windows(&ctx.rel);
        if let (Some(a), Some(b)) = (ws.first(), ws.last()) {
            return Ok(model::Window {
                start: a.start,
                end: b.end,
            });
        }
    }
    match (target, chart) {
        (Target::Country(_), "annual-chart") => crate::pages::annual::window(ctx, w),
        _ => Ok(w),
    }
}

/// Parameters a chart file or embed takes only where they apply: a category
/// on the world page's charts, `from`/`to` on the country page's
/// year-by-year chart. Elsewhere they were dropped, and the file covered all
/// categories or the page's window (regression: `customers-chart.csv?
/// category=ships` gave Russia's customers for all arms).
pub fn check_chart_params(ctx: &Ctx, target: &Target, chart: &str) -> crate::error::ApiResult<()> {
    use crate::error::ApiError;
    let given = |k: &str| ctx.p.get(k).is_some_and(|v| !v.trim().is_empty());
    if given("category") && !target.has_category() {
        return Err(ApiError::bad_request(
            "'category' applies to the world page's charts only; this chart covers all \
             categories (one category's figures: /api/imports, /api/exports or /api/categories)",
        ));
    }
    let annual = matches!(target, Target::Country(_)) && chart == "annual-chart";
    if (given("from") || given("to")) && !annual {
        return Err(ApiError::bad_request(
            "'from' and 'to' apply to the country page's year-by-year chart (annual-chart) \
             only; this chart's window is 'period'",
        ));
    }
    Ok(())
}

/// What chart `chart` covers, as a citation or a file says it: "2020-2024,
/// all categories", or for charts over every five-year window of the
/// release "1995-2024 in five-year windows, all categories".
pub fn scope(ctx: &Ctx, target: &Target, chart: &str, lang: Lang) -> String {
    let span = if data::over_all_windows(target, chart) {
        let ws = engine::default_windows(&ctx.rel);
        match (ws.first(), ws.last()) {
            (Some(a), Some(b)) => Some(format!(
                "{}-{} {}",
                a.start,
                b.end,
                t(lang, "kit.scope.five_year")
            )),
            _ => None,
        }
    } else {
        None
    };
    // A window reaching past the release's years says so wherever it goes.
    let window = chart_window(ctx, target, chart).ok();
    let note = match (&span, window) {
        (None, Some(w)) => ctx.rel.coverage(w).note(),
        _ => None,
    };
    let w = span.unwrap_or_else(|| window.map(|w| w.to_string()).unwrap_or_default());
    let w = match note {
        Some(n) => format!("{w} ({n})"),
        None => w,
    };
    let cat = match ctx.p.category() {
        Ok(Some(c)) if target.has_category() => c.sipri_name().to_string(),
        _ => t(lang, "kit.scope.all_categories").to_string(),
    };
    format!("{w}, {cat}")
}

/// Citation, permalink and the two copy panels shared by chart and table tools.
fn cite_panel(ctx: &Ctx, target: &Target, id: &str, title: &str) -> Markup {
    let link = permalink(ctx, target, id);
    cite_panel_at(ctx, id, title, &link, &|lang| scope(ctx, target, id, lang))
}

/// [`cite_panel`] for any page: `link` is its permalink, `scope` what the
/// chart covers in a language.
pub fn cite_panel_at(
    ctx: &Ctx,
    id: &str,
    title: &str,
    link: &str,
    scope: &dyn Fn(Lang) -> String,
) -> Markup {
    let cite = |lang| {
        let scope = scope(lang);
        let cited = Cited {
            title,
            scope: &scope,
            permalink: link,
            accessed: today(),
        };
        citation(&ctx.rel, lang, &cited)
    };
    let (en, de) = (cite(Lang::En), cite(Lang::De));
    html! {
        details.kit-panel {
            summary { (ctx.t("kit.cite")) }
            div.kit-body {
                p.kit-cite lang="en" id={ (id) "-cite-en" } data-kit-path=(link) data-kit-date="en" { (en) }
                button.kit-copy type="button" data-copy={ (id) "-cite-en" } data-copied=(ctx.t("kit.copied")) hidden { (ctx.t("kit.cite.copy_en")) }
                p.kit-cite lang="de" id={ (id) "-cite-de" } data-kit-path=(link) data-kit-date="de" { (de) }
                button.kit-copy type="button" data-copy={ (id) "-cite-de" } data-copied=(ctx.t("kit.copied")) hidden { (ctx.t("kit.cite.copy_de")) }
            }
        }
        a.kit-link href=(link) { (ctx.t("kit.permalink")) span.visually-hidden { ": " (title) } }
    }
}

/// The toolbar under a chart: downloads, embed code, citation, permalink.
pub fn chart_tools(ctx: &Ctx, target: &Target, id: &str, title: &str) -> Markup {
    let links = Links {
        svg: export_href(ctx, target, id, "svg"),
        png: export_href(ctx, target, id, "png"),
        csv: data::has_csv(target, id).then(|| export_href(ctx, target, id, "csv")),
        embed: embed_href(ctx, target, id),
    };
    tools_with(ctx, id, title, &links, cite_panel(ctx, target, id, title))
}

/// Where a toolbar's downloads and embed view are.
pub struct Links {
    pub svg: String,
    pub png: String,
    pub csv: Option<String>,
    pub embed: String,
}

/// A chart toolbar over `links`, with `cite` (see [`cite_panel_at`]) last.
pub fn tools_with(ctx: &Ctx, id: &str, title: &str, links: &Links, cite: Markup) -> Markup {
    let embed = &links.embed;
    let code = format!(
        "<iframe src=\"{embed}\" title=\"{}\" width=\"100%\" height=\"520\" style=\"border:0\" loading=\"lazy\"></iframe>",
        esc(title)
    );
    html! {
        div.kit role="group" aria-label=(ctx.tf("kit.group", &[("title", &title)])) {
            a.kit-dl href=(links.svg) download { "SVG" span.visually-hidden { ": " (title) } }
            a.kit-dl href=(links.png) download { "PNG" span.visually-hidden { ": " (title) } }
            @if let Some(csv) = &links.csv {
                a.kit-dl href=(csv) download { "CSV" span.visually-hidden { ": " (title) } }
            }
            details.kit-panel {
                summary { (ctx.t("kit.embed")) }
                div.kit-body {
                    label for={ (id) "-embed" } { (ctx.t("kit.embed.label")) }
                    textarea.kit-code id={ (id) "-embed" } readonly rows="3" data-kit-path=(embed) { (code) }
                    button.kit-copy type="button" data-copy={ (id) "-embed" } data-copied=(ctx.t("kit.copied")) hidden { (ctx.t("kit.embed.copy")) }
                    a href=(embed) { (ctx.t("kit.embed.preview")) }
                }
            }
            (cite)
        }
    }
}

/// The toolbar under a table: its CSV at full precision, citation and
/// permalink. `anchor` is the id of the table's heading; `csv` an API query
/// (`/api/imports?country=KAZ&period=2020-2024`, answered with `format=csv`)
/// or, for tables no API query gives, the kit's own table id.
pub fn table_tools(ctx: &Ctx, anchor: &str, title: &str, csv: TableCsv) -> Markup {
    let Some(target) = Target::of_path(&ctx.path) else {
        return html! {};
    };
    let href = match csv {
        TableCsv::Api(q) => {
            let sep = if q.contains('?') { '&' } else { '?' };
            format!("{q}{sep}format=csv&release={}", url_enc(&ctx.rel.meta.id))
        }
        TableCsv::Kit(id) => export_href(ctx, &target, id, "csv"),
    };
    html! {
        div.kit role="group" aria-label=(ctx.tf("kit.group", &[("title", &title)])) {
            a.kit-dl href=(href) download { "CSV" span.visually-hidden { ": " (title) } }
            (cite_panel(ctx, &target, anchor, title))
        }
    }
}

/// Where a table's CSV comes from.
pub enum TableCsv<'a> {
    Api(String),
    Kit(&'a str),
}

/// A download's file name: `armsflow-<page>-<chart>-<window>[-SYNTHETIC].<ext>`,
/// ASCII letters, digits, `-`, `_` and `.` only.
pub fn file_name(ctx: &Ctx, target: &Target, chart: &str, ext: &str) -> String {
    // The chart's own window: the year-by-year chart's from/to (regression:
    // a 2010-2014 file was named "…-2020-2024.csv").
    let w = chart_window(ctx, target, chart)
        .map(|w| w.to_string())
        .unwrap_or_default();
    // What the chart selects, as the API's CSV names say it (dashboard probe
    // 18: a Ships chart saved under the all-categories chart's name).
    let mut select = String::new();
    if let Ok(Some(c)) = ctx.p.category() {
        select.push('-');
        select.push_str(c.sipri_name());
    }
    if matches!(ctx.p.basis(), Ok(engine::Basis::Order)) {
        select.push_str("-by-order-year");
    }
    let raw = format!(
        "armsflow-{}-{chart}{select}-{w}{}.{ext}",
        target.slug(),
        if ctx.rel.meta.synthetic {
            "-SYNTHETIC"
        } else {
            ""
        }
    );
    raw.chars()
        .map(|c| {
            if c.is_ascii_alphanumeric() || "-_.".contains(c) {
                c
            } else {
                '_'
            }
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn citation_dates() {
        assert_eq!(cite_date(Lang::De, (2026, 3, 1)), "1. März 2026");
        assert_eq!(cite_date(Lang::En, (2026, 11, 27)), "27 November 2026");
    }

    #[test]
    fn targets_of_paths() {
        assert_eq!(Target::of_path("/"), Some(Target::World));
        assert_eq!(
            Target::of_path("/country/C%C3%B4te"),
            Some(Target::Country("Côte".into()))
        );
        assert_eq!(Target::of_path("/claims"), None);
        assert_eq!(Target::of_path("/country/"), None);
        assert_eq!(
            Target::of_path("/pair/RUS/KAZ"),
            Some(Target::Pair("RUS".into(), "KAZ".into()))
        );
        assert_eq!(Target::of_path("/pair/RUS"), None);
        assert_eq!(Target::of_path("/pair/RUS/"), None);
        assert_eq!(Target::of_path("/pair/RUS/KAZ/x"), None);
    }

    #[test]
    fn fragments_by_id() {
        let body = "<p>x</p><div class=\"chart-box\" tabindex=\"0\"><svg id=\"a\" viewBox=\"0 0 1 1\">\
<title id=\"a-title\">A &amp; B</title></svg></div><div class=\"chart-box\"><svg id=\"b\"></svg></div>";
        assert_eq!(chart_ids(body), vec!["a", "b"]);
        let (svg, boxed) = chart_fragment(body, "a").unwrap();
        assert!(svg.starts_with("<svg id=\"a\"") && svg.ends_with("</svg>"));
        assert!(boxed.starts_with("<div class=\"chart-box\"") && boxed.ends_with("</svg></div>"));
        assert_eq!(chart_title(svg, "a"), "A & B");
        assert!(chart_fragment(body, "c").is_none());
    }
}
