//! Server-rendered dashboard pages. Each page is plain HTML with inline SVG
//! charts; the small script in `assets/app.js` only adds search suggestions
//! and in-place form results, so every page works without it.

pub mod annual;
pub mod claims;
pub mod country;
pub mod deals;
pub mod diff;
pub mod layout;
pub mod map;
pub mod pair;
pub mod scenario;
pub mod search;
pub mod supplier;
pub mod world;

use crate::error::ApiError;
use crate::params::Params;
use crate::state::AppState;
use axum::http::{StatusCode, Uri, header};
use axum::response::{Html, IntoResponse, Response};
use model::Release;
use std::sync::Arc;

/// What a page handler gets: the release it shows and how to link back to it.
pub struct Ctx {
    pub st: Arc<AppState>,
    pub rel: Arc<Release>,
    /// `Some(id)` when the URL named a release; links then keep it.
    pub pinned: Option<String>,
    pub p: Params,
    /// Path of this page, for forms that re-submit to it.
    pub path: String,
    /// Set when the request is abandoned; long page builds check it.
    pub cancel: crate::work::Cancel,
    /// The language the page is written in ([`crate::i18n`]).
    pub lang: model::Lang,
}

/// Writing in the page's language: messages from the catalogue, numbers,
/// percentages, dates and country names by [`model::locale`]'s conventions.
impl Ctx {
    pub fn t(&self, key: &'static str) -> &'static str {
        crate::i18n::t(self.lang, key)
    }

    pub fn tf(&self, key: &'static str, args: &[(&str, &dyn std::fmt::Display)]) -> String {
        crate::i18n::tf(self.lang, key, args)
    }

    /// A share as "88.4 %" / "88,4 %" (one decimal).
    pub fn pct(&self, share: f64) -> String {
        crate::numfmt::percent(share, 1, self.lang)
    }

    /// A change of share in percentage points, signed.
    pub fn pp(&self, delta: f64) -> String {
        crate::numfmt::points(delta, 1, self.lang)
    }

    /// A number with `digits` decimals and the language's separators.
    pub fn num(&self, x: f64, digits: usize) -> String {
        crate::numfmt::decimal(x, digits, self.lang)
    }

    /// TIV in millions as pages show it: whole numbers, grouped ("1,234" /
    /// "1.234"); one decimal below 10, where rounding would hide the value.
    pub fn tiv(&self, v: f64) -> String {
        let digits = if v.abs() < 10.0 { 1 } else { 0 };
        crate::numfmt::decimal(v, digits, self.lang)
    }

    /// An ISO date in words ("12. Februar 2026"); other text unchanged.
    pub fn date(&self, iso: &str) -> String {
        model::locale::iso_date(iso, self.lang)
    }

    /// An armament category in the page's language (SIPRI's name in English).
    pub fn category(&self, c: model::Category) -> &'static str {
        use model::Category as C;
        match c {
            C::Aircraft => self.t("category.aircraft"),
            C::AirDefence => self.t("category.air_defence"),
            C::ArmouredVehicles => self.t("category.armoured_vehicles"),
            C::Artillery => self.t("category.artillery"),
            C::Engines => self.t("category.engines"),
            C::Missiles => self.t("category.missiles"),
            C::NavalWeapons => self.t("category.naval_weapons"),
            C::Other => self.t("category.other"),
            C::Satellites => self.t("category.satellites"),
            C::Sensors => self.t("category.sensors"),
            C::Ships => self.t("category.ships"),
            C::Unspecified => self.t("category.unspecified"),
        }
    }

    /// An entity's name in the page's language.
    pub fn name(&self, id: model::EntityId) -> &str {
        model::locale::entity_name(self.rel.entities.get(id), self.lang)
    }

    /// The name of the party with `key` in the page's language; `fallback`
    /// (SIPRI's spelling) where none is known.
    pub fn name_by_key<'a>(&self, key: &str, fallback: &'a str) -> &'a str {
        model::locale::name_of_key(key, self.lang).unwrap_or(fallback)
    }

    /// This page (its declared parameters kept) in another language.
    pub fn lang_href(&self, lang: model::Lang) -> String {
        let mut pairs: Vec<String> = self
            .p
            .pairs()
            .filter(|(k, _)| *k != "lang")
            .map(|(k, v)| format!("{}={}", crate::html::url_enc(k), crate::html::url_enc(v)))
            .collect();
        pairs.push(format!("lang={}", lang.code()));
        format!("{}?{}", self.path, pairs.join("&"))
    }
}

impl Ctx {
    /// `path` with `extra` query pairs, plus `release=` when pinned.
    pub fn href(&self, path: &str, extra: &[(&str, &str)]) -> String {
        let mut pairs: Vec<String> = extra
            .iter()
            .filter(|(_, v)| !v.is_empty())
            .map(|(k, v)| format!("{k}={}", crate::html::url_enc(v)))
            .collect();
        if let Some(r) = &self.pinned {
            pairs.push(format!("release={}", crate::html::url_enc(r)));
        }
        if pairs.is_empty() {
            path.to_string()
        } else {
            format!("{path}?{}", pairs.join("&"))
        }
    }

    /// Whether the release can answer for one armament category: only a
    /// current register carries SIPRI's categories. Elsewhere a category
    /// select offers only choices that are refused (dashboard crawl 22:
    /// eleven 422s on the legacy release's world, map and deals pages).
    pub fn has_categories(&self) -> bool {
        self.rel.meta.format == model::SourceFormat::Register
    }

    pub fn country_href(&self, key: &str) -> String {
        self.href(&format!("/country/{}", crate::html::url_enc(key)), &[])
    }

    pub fn supplier_href(&self, key: &str) -> String {
        self.href(&format!("/supplier/{}", crate::html::url_enc(key)), &[])
    }
}

/// A rendered page body and its title.
pub struct Page {
    pub title: String,
    pub body: String,
}

/// Resolves and loads the release and runs `build` through the light queue
/// (off the async workers), then wraps the result in the layout. Errors become
/// an HTML page with the API error's status.
pub async fn render(
    st: Arc<AppState>,
    p: Params,
    path: String,
    build: impl FnOnce(&Ctx) -> Result<Page, ApiError> + Send + 'static,
) -> Response {
    render_in(false, st, p, path, build).await
}

/// [`render`] through the heavy queue (diffs, claims).
pub async fn render_heavy(
    st: Arc<AppState>,
    p: Params,
    path: String,
    build: impl FnOnce(&Ctx) -> Result<Page, ApiError> + Send + 'static,
) -> Response {
    render_in(true, st, p, path, build).await
}

async fn render_in(
    heavy: bool,
    st: Arc<AppState>,
    p: Params,
    path: String,
    build: impl FnOnce(&Ctx) -> Result<Page, ApiError> + Send + 'static,
) -> Response {
    let st2 = st.clone();
    let lang = p.lang();
    let error_path = path.clone();
    if let Err(e) = p.refused() {
        return error_page(&st, lang, None, &error_path, e);
    }
    let job = move |cancel: &crate::work::Cancel| {
        let pinned = p.release().map(str::to_string);
        let rel = st2.pick(pinned.as_deref())?;
        let lang = p.lang();
        let ctx = Ctx {
            lang,
            st: st2,
            rel,
            pinned,
            p,
            path,
            cancel: cancel.clone(),
        };
        let out = build(&ctx);
        Ok((ctx, out))
    };
    let res = if heavy {
        st.heavy.run(job).await
    } else {
        st.light.run(job).await
    };
    match res {
        Ok((ctx, Ok(page))) => {
            // Every chart of an exportable page gets its toolbar (downloads, embed, citation).
            let body = crate::kit::attach(&ctx, &page.body);
            Html(layout::layout(&ctx, &page.title, &body)).into_response()
        }
        Ok((ctx, Err(e))) => error_page(&st, lang, Some(&ctx), &error_path, e),
        Err(e) => error_page(&st, lang, None, &error_path, e),
    }
}

fn error_page(
    st: &Arc<AppState>,
    lang: model::Lang,
    ctx: Option<&Ctx>,
    path: &str,
    e: ApiError,
) -> Response {
    use crate::i18n::t;
    // A suggested release id links to this page on that release (server
    // probe 33: it led to a search for the id, which found nothing).
    let release_ids = st.releases();
    let is_release = |s: &str| {
        release_ids.iter().any(|m| m.id == s) || st.demo().is_some_and(|d| d.meta.id == s)
    };
    let href = |s: &str| match ctx {
        _ if is_release(s) => {
            let lang_q = if lang == model::Lang::En {
                String::new()
            } else {
                format!("&lang={}", lang.code())
            };
            format!("{path}?release={}{lang_q}", crate::html::url_enc(s))
        }
        Some(c) => c.href("/search", &[("q", s)]),
        None => format!("/search?q={}", crate::html::url_enc(s)),
    };
    // The status and what it means come from the catalogue; the detail is
    // the API's message, which stays English (marked so on other pages).
    let (title, meaning) = status_text(lang, e.status);
    let body = maud::html! {
        h1 { (title) }
        @if let Some(m) = meaning {
            p { (m) }
        }
        p lang=[(lang != model::Lang::En).then_some("en")] { (e.message) }
        @if let Some(id) = &e.error_id {
            p.note { (t(lang, "error.reference")) " " code { (id) } }
        }
        @if !e.suggestions.is_empty() {
            p { (t(lang, "error.did_you_mean")) }
            ul {
                @for s in &e.suggestions {
                    li { a href=(href(s)) { (s) } }
                }
            }
        }
        p { a href="/" { (t(lang, "error.back")) } }
    }
    .into_string();
    let html = match ctx {
        Some(c) => layout::layout(c, t(lang, "error.title"), &body),
        None => layout::bare(st, lang, path, t(lang, "error.title"), &body),
    };
    let mut r = (e.status, Html(html)).into_response();
    r.headers_mut().insert(
        header::CACHE_CONTROL,
        header::HeaderValue::from_static("no-store"),
    );
    if e.status == StatusCode::SERVICE_UNAVAILABLE || e.status == StatusCode::TOO_MANY_REQUESTS {
        r.headers_mut().insert(
            header::RETRY_AFTER,
            header::HeaderValue::from(crate::work::RETRY_AFTER_SECS),
        );
    }
    r
}

/// The title of an error page and, in languages other than English, a
/// sentence saying what the status means.
fn status_text(lang: model::Lang, status: StatusCode) -> (&'static str, Option<&'static str>) {
    use crate::i18n::t;
    let (title, meaning) = match status.as_u16() {
        400 => ("error.400", "error.400.text"),
        404 => ("error.404", "error.404.text"),
        413 => ("error.413", "error.413.text"),
        422 => ("error.422", "error.422.text"),
        429 => ("error.429", "error.429.text"),
        503 => ("error.503", "error.503.text"),
        500 => ("error.500", "error.500.text"),
        _ => ("error.title", "error.other.text"),
    };
    let meaning = (lang != model::Lang::En).then(|| t(lang, meaning));
    (t(lang, title), meaning)
}

/// 404: JSON under `/api/`, a page elsewhere.
pub async fn not_found(
    axum::extract::State(st): axum::extract::State<Arc<AppState>>,
    lang: Option<axum::Extension<model::Lang>>,
    uri: Uri,
) -> Response {
    let lang = lang.map(|l| l.0).unwrap_or_default();
    let e = ApiError::not_found(format!("no such page: {}", uri.path()));
    if uri.path().starts_with("/api/") || uri.path() == "/api" {
        return e.into_response();
    }
    let mut r = error_page(&st, lang, None, uri.path(), e);
    *r.status_mut() = StatusCode::NOT_FOUND;
    r
}
