//! `GET /export/<page>/<chart>.<svg|png|csv>`: a chart of the dashboard as a
//! file. The page is rebuilt with the same state (window, category, release)
//! and the chart cut out of it by id, so the file is the chart as shown.

use super::{Target, data, document, png};
use crate::error::{ApiError, ApiResult};
use crate::pages::Ctx;
use crate::params::Params;
use crate::query::*;
use crate::state::AppState;
use axum::extract::{Path, State};
use axum::http::{HeaderValue, StatusCode, header};
use axum::response::{IntoResponse, Response};
use std::sync::Arc;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    Svg,
    Png,
    Csv,
}

/// `supplier-chart.png` to (`supplier-chart`, PNG).
pub fn split_file(file: &str) -> ApiResult<(String, Format)> {
    let bad = || {
        ApiError::not_found(format!(
            "no such export '{file}': use <chart id>.svg, .png or .csv"
        ))
    };
    let (id, ext) = file.rsplit_once('.').ok_or_else(bad)?;
    let fmt = match ext.to_ascii_lowercase().as_str() {
        "svg" => Format::Svg,
        "png" => Format::Png,
        "csv" => Format::Csv,
        _ => return Err(bad()),
    };
    if id.is_empty() || id.len() > 64 || !id.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'-')
    {
        return Err(bad());
    }
    Ok((id.to_string(), fmt))
}

pub async fn country(
    State(st): State<Arc<AppState>>,
    Path((key, file)): Path<(String, String)>,
    Q(p, _): Q<ExportQuery>,
) -> Response {
    answer(st, p, Target::Country(key), file).await
}

pub async fn supplier(
    State(st): State<Arc<AppState>>,
    Path((key, file)): Path<(String, String)>,
    Q(p, _): Q<ExportQuery>,
) -> Response {
    answer(st, p, Target::Supplier(key), file).await
}

pub async fn world(
    State(st): State<Arc<AppState>>,
    Path(file): Path<String>,
    Q(p, _): Q<ExportQuery>,
) -> Response {
    answer(st, p, Target::World, file).await
}

pub async fn pair(
    State(st): State<Arc<AppState>>,
    Path((supplier, recipient, file)): Path<(String, String, String)>,
    Q(p, _): Q<ExportQuery>,
) -> Response {
    answer(st, p, Target::Pair(supplier, recipient), file).await
}

/// Runs `f` over a context for `target`'s page (release resolved and
/// loaded) on the light queue.
pub async fn with_ctx<T: Send + 'static>(
    st: Arc<AppState>,
    p: Params,
    target: &Target,
    f: impl FnOnce(&Ctx) -> ApiResult<T> + Send + 'static,
) -> ApiResult<T> {
    with_ctx_at(st, p, target.page_path(), f).await
}

/// [`with_ctx`] for a page that is not a [`Target`] (the map): `path` is
/// the page's path, as its links are made relative to.
pub async fn with_ctx_at<T: Send + 'static>(
    st: Arc<AppState>,
    p: Params,
    path: String,
    f: impl FnOnce(&Ctx) -> ApiResult<T> + Send + 'static,
) -> ApiResult<T> {
    p.refused()?;
    let st2 = st.clone();
    st.light
        .run(move |cancel| {
            let pinned = p.release().map(str::to_string);
            let rel = st2.pick(pinned.as_deref())?;
            let ctx = Ctx {
                lang: p.lang(),
                st: st2,
                rel,
                pinned,
                p,
                path,
                cancel: cancel.clone(),
            };
            f(&ctx)
        })
        .await
}

/// The chart `id` of `target`'s page: its SVG and its title.
pub fn find_chart(ctx: &Ctx, target: &Target, id: &str) -> ApiResult<(String, String, String)> {
    let page = target.build(ctx)?;
    let Some((svg, boxed)) = super::chart_fragment(&page.body, id) else {
        let ids = super::chart_ids(&page.body);
        return Err(ApiError::not_found(format!(
            "this page has no chart '{id}'; its charts: {}",
            if ids.is_empty() {
                "none".to_string()
            } else {
                ids.join(", ")
            }
        ))
        .with_suggestions(ids));
    };
    let title = super::chart_title(svg, id);
    Ok((svg.to_string(), boxed.to_string(), title))
}

/// What the chart covers, in the page's language ("2020-2024, all categories").
pub fn scope_of(ctx: &Ctx, target: &Target, chart: &str) -> String {
    super::scope(ctx, target, chart, ctx.lang)
}

/// A chart as a file, with what its response headers say.
pub struct File {
    pub bytes: Vec<u8>,
    pub ctype: &'static str,
    pub name: String,
    pub window: String,
    /// The window reaches past the release's years: what is missing.
    pub coverage: Option<String>,
    /// The legacy register's split, as the API's CSVs say it in a header.
    pub allocation_warning: Option<&'static str>,
}

/// Chart `id` of `target`'s page as a file: the page rebuilt with the
/// context's state, the chart cut out, framed, and for PNG rendered.
pub fn make(ctx: &Ctx, target: &Target, id: &str, fmt: Format) -> ApiResult<File> {
    super::check_chart_params(ctx, target, id)?;
    // A bad window is a 400 here, as on the page.
    let w = super::chart_window(ctx, target, id)?;
    let coverage = ctx.rel.coverage(w).note();
    let window = w.to_string();
    let ext = match fmt {
        Format::Svg => "svg",
        Format::Png => "png",
        Format::Csv => "csv",
    };
    let name = super::file_name(ctx, target, id, ext);
    if fmt == Format::Csv {
        // The page's own refusals first (a scoped download, an unknown
        // pool, a category on a release without them): the CSV is cut from
        // the same page (regression: `customers-chart.csv` on the Ukraine
        // download gave Ukraine 100 % of US exports; the page said 422).
        target.build(ctx)?;
        let t = data::table(ctx, target, id)?.ok_or_else(|| {
            ApiError::not_found(format!(
                "chart '{id}' has no CSV download; its figures are in the page's tables"
            ))
        })?;
        // No rows: say why in the file itself, as the API's CSVs do
        // (regression: a header-only file read as "no customers" for a
        // window past the release).
        let t = if t.rows.is_empty() {
            let mut t = data::Table {
                header: vec!["note"],
                rows: vec![vec![
                    coverage
                        .clone()
                        .unwrap_or_else(|| format!("no deliveries in {window}")),
                ]],
            };
            data::with_warnings(&ctx.rel, &mut t);
            t.header.push("source");
            t.rows[0].push(ctx.rel.attribution().to_string());
            t
        } else {
            t
        };
        return Ok(File {
            bytes: data::to_csv(&t)?,
            ctype: "text/csv; charset=utf-8",
            name,
            window,
            coverage,
            allocation_warning: ctx.rel.meta.format.allocation_warning(),
        });
    }
    let width = png_width(ctx, fmt)?;
    let (svg, _, title) = find_chart(ctx, target, id)?;
    let scope = scope_of(ctx, target, id);
    let doc = document::standalone(
        &ctx.rel,
        ctx.lang,
        &svg,
        &document::Frame {
            title: &title,
            scope: &scope,
        },
    )
    .ok_or_else(|| ApiError::internal(format!("chart '{id}' has no viewBox")))?;
    if fmt == Format::Svg {
        return Ok(File {
            bytes: doc.into_bytes(),
            ctype: "image/svg+xml; charset=utf-8",
            name,
            window,
            coverage,
            allocation_warning: ctx.rel.meta.format.allocation_warning(),
        });
    }
    let bytes = to_png(&doc, width)?;
    Ok(File {
        bytes,
        ctype: "image/png",
        name,
        window,
        coverage,
        allocation_warning: ctx.rel.meta.format.allocation_warning(),
    })
}

/// The PNG width asked for (`width`, bounded), or the default.
pub fn png_width(ctx: &Ctx, fmt: Format) -> ApiResult<u32> {
    Ok(match (fmt, ctx.p.get("width")) {
        (Format::Png, Some(s)) => match s.parse::<u32>() {
            Ok(n) if (png::MIN_WIDTH..=png::MAX_WIDTH).contains(&n) => n,
            _ => {
                return Err(ApiError::bad_request(format!(
                    "'width' must be a whole number of pixels from {} to {}, not '{s}'",
                    png::MIN_WIDTH,
                    png::MAX_WIDTH
                )));
            }
        },
        _ => png::DEFAULT_WIDTH,
    })
}

/// A standalone SVG document as a PNG `width` pixels wide.
pub fn to_png(doc: &str, width: u32) -> ApiResult<Vec<u8>> {
    png::render(doc, width).map_err(|e| match e {
        png::PngError::TooLarge { .. } => {
            ApiError::new(StatusCode::UNPROCESSABLE_ENTITY, "too_large", e.to_string())
        }
        e => ApiError::internal(e.to_string()),
    })
}

async fn answer(st: Arc<AppState>, p: Params, target: Target, file: String) -> Response {
    let (id, fmt) = match split_file(&file) {
        Ok(x) => x,
        Err(e) => return e.into_response(),
    };
    let t = target.clone();
    let res = with_ctx(st, p, &target, move |ctx| {
        let f = make(ctx, &t, &id, fmt)?;
        Ok((
            f,
            ctx.rel.meta.id.clone(),
            ctx.rel.attribution(),
            ctx.rel.meta.synthetic,
        ))
    })
    .await;
    match res {
        Ok((f, release, attribution, synthetic)) => respond(f, &release, attribution, synthetic),
        Err(e) => e.into_response(),
    }
}

/// A file as a download, with its provenance in `X-Armsflow-*` headers.
pub fn respond(f: File, release: &str, attribution: &str, synthetic: bool) -> Response {
    let mut r = f.bytes.into_response();
    let h = r.headers_mut();
    h.insert(header::CONTENT_TYPE, HeaderValue::from_static(f.ctype));
    let mut set = |k: &'static str, v: &str| {
        // Header values are plain ASCII: dashes become '-', anything else '?'.
        let v: String = v
            .chars()
            .map(|c| match c {
                '\u{2013}' | '\u{2014}' => '-',
                c if c.is_ascii() && !c.is_ascii_control() => c,
                _ => '?',
            })
            .collect();
        if let Ok(v) = HeaderValue::from_str(&v) {
            h.insert(k, v);
        }
    };
    set("x-armsflow-release", release);
    set("x-armsflow-attribution", attribution);
    set(
        "x-armsflow-synthetic",
        if synthetic { "true" } else { "false" },
    );
    if let Some(n) = &f.coverage {
        set("x-armsflow-coverage", n);
    }
    if let Some(w) = f.allocation_warning {
        set("x-armsflow-allocation-warning", w);
    }
    // Titles and source lines are in the negotiated language.
    set("vary", "Accept-Language, Cookie");
    if !f.window.is_empty() {
        set("x-armsflow-window", &f.window);
    }
    set(
        "content-disposition",
        &format!("attachment; filename=\"{}\"", f.name),
    );
    r
}
