//! The kit for the world map (issue #14: "It has the kit of the take-away
//! issue"): the standalone map as SVG and PNG (`/export/map/world-map.*`,
//! rendered by the kit's `resvg` renderer with the bundled font), its values
//! as CSV (`/api/map?format=csv`, what the page's table shows), a framable
//! `/embed/map` view, a citation and a permalink that hold the whole state
//! (metric, supplier or group, side, window, change window, category, arcs,
//! release), made explicit so the link shows the same map after a new
//! release is imported or the default supplier changes.

use super::export::{self, File, Format, with_ctx_at};
use super::{Links, query};
use crate::error::ApiError;
use crate::map::data::{self, Spec};
use crate::map::metric::Kind;
use crate::map::render;
use crate::pages::Ctx;
use crate::query::*;
use crate::state::AppState;
use axum::extract::{Path, State};
use axum::response::{IntoResponse, Response};
use engine::Direction;
use maud::Markup;
use model::Lang;
use std::sync::Arc;

/// The map's chart id: its `<svg id>` on the page and its file name.
pub const CHART: &str = "world-map";

/// The map's state, every default made explicit (the largest exporter a
/// `share` map picked, the latest window, the release).
pub fn state_pairs(ctx: &Ctx, spec: &Spec) -> Vec<(&'static str, String)> {
    let mut v = vec![("metric", spec.kind.slug().to_string())];
    match &spec.kind {
        Kind::Share(_) => {
            if let Some(k) = &spec.subject_key {
                v.push(("supplier", k.clone()));
            }
        }
        Kind::Group(_) => {
            if let Some(g) = ctx.p.get("group") {
                v.push(("group", g.to_string()));
            }
        }
        Kind::Hhi | Kind::Tiv => {}
    }
    if spec.dir == Direction::Exports {
        v.push(("direction", "exports".into()));
    }
    v.push(("period", spec.filter.window.to_string()));
    if let Some(f) = spec.from {
        v.push(("from", f.to_string()));
    }
    if let Some(c) = spec.filter.category {
        v.push(("category", c.sipri_name().to_string()));
    }
    if spec.arcs {
        v.push(("arcs", "1".into()));
    }
    v.push(("release", ctx.rel.meta.id.clone()));
    v
}

pub fn permalink(ctx: &Ctx, spec: &Spec) -> String {
    format!("/map?{}#{CHART}", query(&state_pairs(ctx, spec)))
}

pub fn links(ctx: &Ctx, spec: &Spec) -> Links {
    let q = query(&state_pairs(ctx, spec));
    Links {
        svg: format!("/export/map/{CHART}.svg?{q}"),
        png: format!("/export/map/{CHART}.png?{q}"),
        csv: Some(format!("/api/map?{q}&format=csv")),
        embed: format!("/embed/map?{q}"),
    }
}

/// What the map covers: "2020-2024, all categories", "change from 2015-2019
/// to 2020-2024, Aircraft", with the coverage note of a window past the data.
pub fn scope(ctx: &Ctx, spec: &Spec, lang: Lang) -> String {
    let w = spec.filter.window;
    let mut s = match spec.from {
        Some(f) => crate::i18n::tf(
            lang,
            "kit.map.change",
            &[("from", &f.to_string()), ("window", &w.to_string())],
        ),
        None => w.to_string(),
    };
    for win in std::iter::once(w).chain(spec.from) {
        if let Some(n) = ctx.rel.coverage(win).note() {
            s = format!("{s} ({n})");
        }
    }
    let cat = match spec.filter.category {
        Some(c) => c.sipri_name().to_string(),
        None => crate::i18n::t(lang, "kit.scope.all_categories").to_string(),
    };
    format!("{s}, {cat}")
}

/// The toolbar under the map on `/map`.
pub fn tools(ctx: &Ctx, spec: &Spec) -> Markup {
    let title = spec.title();
    let link = permalink(ctx, spec);
    let cite = super::cite_panel_at(ctx, CHART, &title, &link, &|lang| scope(ctx, spec, lang));
    super::tools_with(ctx, CHART, &title, &links(ctx, spec), cite)
}

/// The standalone map document; on synthetic data nothing in it credits SIPRI.
fn document(ctx: &Ctx, map: &data::MapData) -> String {
    let svg = render::standalone_svg(map, &ctx.rel);
    if ctx.rel.meta.synthetic {
        model::without_sipri_credit(&svg)
    } else {
        svg
    }
}

/// `GET /export/map/world-map.{svg,png}`: the standalone map as a file.
pub async fn export(
    State(st): State<Arc<AppState>>,
    Path(file): Path<String>,
    Q(p, _): Q<MapExportQuery>,
) -> Response {
    let fmt = match export::split_file(&file) {
        Ok((id, fmt)) if id == CHART && fmt != Format::Csv => fmt,
        Ok((id, Format::Csv)) if id == CHART => {
            return ApiError::not_found(
                "the map's values as CSV are at /api/map?format=csv (same parameters)",
            )
            .into_response();
        }
        Ok(_) | Err(_) => {
            return ApiError::not_found(format!(
                "no such export '{file}': the map is {CHART}.svg or {CHART}.png"
            ))
            .with_suggestions(vec![format!("{CHART}.svg"), format!("{CHART}.png")])
            .into_response();
        }
    };
    let res = with_ctx_at(st, p, "/map".into(), move |ctx| {
        let width = export::png_width(ctx, fmt)?;
        let spec = Spec::parse(&ctx.rel, &ctx.p, true)?;
        let map = data::compute(&ctx.rel, spec);
        let spec = &map.spec;
        let doc = document(ctx, &map);
        let (bytes, ctype, ext) = match fmt {
            Format::Png => (export::to_png(&doc, width)?, "image/png", "png"),
            _ => (doc.into_bytes(), "image/svg+xml; charset=utf-8", "svg"),
        };
        let mut coverage: Vec<String> = std::iter::once(spec.filter.window)
            .chain(spec.from)
            .filter_map(|w| ctx.rel.coverage(w).note())
            .collect();
        coverage.dedup();
        let name = file_name(&format!(
            "armsflow-map-{}-{}{}.{ext}",
            spec.kind.slug(),
            spec.filter.window,
            if ctx.rel.meta.synthetic {
                "-SYNTHETIC"
            } else {
                ""
            }
        ));
        let f = File {
            bytes,
            ctype,
            name,
            window: spec.filter.window.to_string(),
            coverage: (!coverage.is_empty()).then(|| coverage.join("; ")),
            allocation_warning: ctx.rel.meta.format.allocation_warning(),
        };
        Ok((
            f,
            ctx.rel.meta.id.clone(),
            ctx.rel.attribution(),
            ctx.rel.meta.synthetic,
        ))
    })
    .await;
    match res {
        Ok((f, release, attribution, synthetic)) => {
            export::respond(f, &release, attribution, synthetic)
        }
        Err(e) => e.into_response(),
    }
}

/// ASCII letters, digits, `-`, `_` and `.` only.
fn file_name(raw: &str) -> String {
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

/// `GET /embed/map`: the map, its legend and source on a framable page.
pub async fn embed(State(st): State<Arc<AppState>>, Q(p, _): Q<MapEmbedQuery>) -> Response {
    let res = with_ctx_at(st, p, "/map".into(), move |ctx| {
        // As the page: a supplier left in the form under another metric is ignored.
        let spec = Spec::parse(&ctx.rel, &ctx.p, false)?;
        let map = data::compute(&ctx.rel, spec);
        let href = |k: &str| ctx.country_href(k);
        let svg = render::inline_svg(&map, &ctx.rel, &href);
        // Links open the dashboard outside the frame (it may not be framed).
        let svg = svg.replace("<a href=", "<a target=\"_blank\" rel=\"noopener\" href=");
        let legend = crate::pages::map::legend(ctx, &map).into_string();
        let content = format!(
            "<figure class=\"map-figure\"><div class=\"map-box\">{svg}</div>{legend}</figure>"
        );
        let content = if ctx.rel.meta.synthetic {
            crate::pages::layout::mark_synthetic(&content, ctx.lang)
        } else {
            content
        };
        let title = map.spec.title();
        let scope = scope(ctx, &map.spec, ctx.lang);
        let link = permalink(ctx, &map.spec);
        Ok(super::embed::view(ctx, &title, &scope, &content, &link))
    })
    .await;
    super::embed::respond(res)
}

#[cfg(test)]
mod tests {
    #[test]
    fn file_names_are_plain() {
        assert_eq!(
            super::file_name("armsflow-map-share-2020–2024 x.png"),
            "armsflow-map-share-2020_2024_x.png"
        );
    }
}
