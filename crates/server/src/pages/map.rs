//! The world map page (`/map`): a choropleth of one per-country figure (share
//! from a supplier or a group, HHI, TIV, or its change between windows) with
//! a legend, a focusable link per country named "Kazakhstan 88.4 %", arcs
//! from the supplier to its customers, and every value again as a table.
//! Works without script; `assets/app.js` adds the hover label, the arc
//! toggle without reload and "play through the windows".

use super::{Ctx, Page, render};
use crate::html::table;
use crate::map::data::{self, MapData, Place, Row, Spec, Unit};
use crate::map::metric::Kind;
use crate::map::render;
use crate::query::*;
use crate::state::AppState;
use axum::extract::State;
use axum::response::Response;
use engine::Direction;
use maud::{Markup, PreEscaped, html};
use model::Window;
use std::sync::Arc;

pub async fn page(State(st): State<Arc<AppState>>, Q(p, _): Q<MapPage>) -> Response {
    render(st, p, "/map".to_string(), build).await
}

fn build(ctx: &Ctx) -> Result<Page, crate::ApiError> {
    let rel = &ctx.rel;
    crate::error::ApiError::needs_whole(rel, "the map")?;
    let spec = Spec::parse(rel, &ctx.p, false)?;
    let map = data::compute(rel, spec);
    let spec = &map.spec;
    let href = |k: &str| ctx.country_href(k);
    let svg = render::inline_svg(&map, rel, &href);
    let body = html! {
        h1 { (ctx.t("map.h1")) " " span.sub { (ctx.t("map.h1.sub")) } }
        (controls(ctx, spec))
        p #map-status.visually-hidden aria-live="polite" {}
        div #map-live {
            (PreEscaped(super::layout::coverage_banner(ctx.lang, rel, spec.filter.window)))
            @if let Some(f) = spec.from {
                (PreEscaped(super::layout::coverage_banner(ctx.lang, rel, f)))
            }
            p.lede { (spec.title()) "." }
            @if spec.defaulted {
                p.note {
                    (ctx.tf("map.defaulted", &[("who", &spec.subject.as_deref().unwrap_or(""))]))
                }
            }
            figure.map-figure {
                a.skip-map href="#map-table-h" { (ctx.t("map.skip")) }
                div.map-box {
                    (PreEscaped(&svg))
                    div #map-tip.map-tip hidden aria-hidden="true" {}
                }
                (legend(ctx, &map))
                figcaption { (caption(ctx, &map)) }
            }
            (crate::kit::map::tools(ctx, spec))
            (window_steps(ctx, spec))
            section aria-labelledby="map-table-h" {
                h2 #map-table-h tabindex="-1" { (ctx.t("map.table.h")) }
                (values_table(ctx, &map))
            }
            (not_drawn(ctx, &map))
            (downloads(ctx, spec))
        }
    };
    Ok(Page {
        title: ctx.tf("map.page_title", &[("title", &spec.title())]),
        body: body.into_string(),
    })
}

/// The query as it stands, for links that change one thing; a supplier or
/// group that does not apply to the metric shown is left out (the API
/// refuses the mix).
fn pairs(ctx: &Ctx, spec: &Spec, skip: &str) -> Vec<(&'static str, String)> {
    let mut out = Vec::new();
    for k in [
        "metric",
        "supplier",
        "group",
        "direction",
        "period",
        "from",
        "category",
        "arcs",
    ] {
        let applies = match k {
            "supplier" => matches!(spec.kind, Kind::Share(_)),
            "group" => matches!(spec.kind, Kind::Group(_)),
            _ => true,
        };
        if k == skip || !applies {
            continue;
        }
        if let Some(v) = ctx.p.get(k) {
            out.push((k, v.to_string()));
        }
    }
    out
}

fn link_with(ctx: &Ctx, spec: &Spec, path: &str, skip: &str, extra: &[(&str, &str)]) -> String {
    let base = pairs(ctx, spec, skip);
    let mut all: Vec<(&str, &str)> = base.iter().map(|(k, v)| (*k, v.as_str())).collect();
    all.extend_from_slice(extra);
    ctx.href(path, &all)
}

fn controls(ctx: &Ctx, spec: &Spec) -> Markup {
    let mut windows = engine::default_windows(&ctx.rel);
    if !windows.contains(&spec.filter.window) {
        windows.push(spec.filter.window);
        windows.sort_by_key(|w| (w.start, w.end));
    }
    let metric = spec.kind.slug();
    let supplier = ctx.p.get("supplier").unwrap_or_default();
    let group = match &spec.kind {
        Kind::Group(_) => spec.subject.clone().unwrap_or_default(),
        _ => String::new(),
    };
    let groups = engine::groups::GroupSet::builtin();
    html! {
        form.controls.map-controls #map-form method="get" action="/map" {
            label for="map-metric" { (ctx.t("map.form.show")) }
            select #map-metric name="metric" {
                option value="share" selected[metric == "share"] { (ctx.t("map.form.metric.share")) }
                option value="group" selected[metric == "group"] { (ctx.t("map.form.metric.group")) }
                option value="hhi" selected[metric == "hhi"] { (ctx.t("map.form.metric.hhi")) }
                option value="tiv" selected[metric == "tiv"] { (ctx.t("map.form.metric.tiv")) }
            }
            label for="map-supplier" { (ctx.t("map.form.supplier")) }
            input #map-supplier type="text" name="supplier" value=(supplier)
                placeholder=(ctx.t("map.form.supplier.placeholder")) size="10" autocomplete="off";
            label for="map-group" { (ctx.t("map.form.group")) }
            select #map-group name="group" {
                option value="" { "—" }
                @for g in groups.names() {
                    option value=(g) selected[g.eq_ignore_ascii_case(&group)] { (g) }
                }
            }
            label for="map-direction" { (ctx.t("map.form.side")) }
            select #map-direction name="direction" {
                option value="imports" selected[spec.dir == Direction::Imports] { (ctx.t("map.form.imports")) }
                option value="exports" selected[spec.dir == Direction::Exports] { (ctx.t("map.form.exports")) }
            }
            label for="map-period" { (ctx.t("map.form.window")) }
            select #map-period name="period" {
                @for w in &windows {
                    option value=(w) selected[*w == spec.filter.window] { (w) }
                }
            }
            label for="map-from" { (ctx.t("map.form.from")) }
            select #map-from name="from" {
                option value="" { (ctx.t("map.form.no_change")) }
                @for w in &windows {
                    option value=(w) selected[Some(*w) == spec.from] { (w) }
                }
            }
            @if ctx.has_categories() {
                label for="map-category" { (ctx.t("map.form.category")) }
                select #map-category name="category" {
                    option value="all" { (ctx.t("map.form.all_categories")) }
                    @for c in model::Category::ALL {
                        option value=(c.sipri_name()) selected[spec.filter.category == Some(c)] { (ctx.category(c)) }
                    }
                }
            }
            span.check {
                input #map-arcs type="checkbox" name="arcs" value="1" checked[spec.arcs];
                label for="map-arcs" { (ctx.t("map.form.arcs")) }
            }
            @if let Some(r) = &ctx.pinned {
                input type="hidden" name="release" value=(r);
            }
            @if ctx.lang != model::Lang::En {
                input type="hidden" name="lang" value=(ctx.lang.code());
            }
            button type="submit" { (ctx.t("map.form.update")) }
            span.map-slider hidden {
                label for="map-slider" { (ctx.t("map.form.slider")) }
                input #map-slider type="range" min="0" max=(windows.len().saturating_sub(1))
                    step="1" value=(windows.iter().position(|w| *w == spec.filter.window).unwrap_or(0));
                output #map-slider-value for="map-slider" { (spec.filter.window) }
            }
            button #map-play type="button" hidden aria-pressed="false"
                data-play=(ctx.t("map.form.play")) data-pause=(ctx.t("map.form.pause")) { (ctx.t("map.form.play")) }
        }
    }
}

/// Earlier / later window links (the no-script way to step through time).
fn window_steps(ctx: &Ctx, spec: &Spec) -> Markup {
    let w = spec.filter.window;
    let len = w.len();
    let earlier = w.previous();
    let later = Window {
        start: w.end.saturating_add(1),
        end: w.end.saturating_add(len),
    };
    let span = ctx.rel.year_span();
    let has = |x: Window| span.is_some_and(|(a, b)| x.end >= a && x.start <= b);
    html! {
        p.map-steps {
            @if has(earlier) {
                a rel="prev" href=(link_with(ctx, spec, "/map", "period", &[("period", &earlier.to_string())])) {
                    (ctx.tf("map.steps.earlier", &[("window", &earlier)]))
                }
            }
            " "
            @if has(later) {
                a rel="next" href=(link_with(ctx, spec, "/map", "period", &[("period", &later.to_string())])) {
                    (ctx.tf("map.steps.later", &[("window", &later)]))
                }
            }
        }
    }
}

pub(crate) fn legend(ctx: &Ctx, map: &MapData) -> Markup {
    let p = if map.scale.diverging { "d" } else { "m" };
    let share = matches!(map.spec.kind, Kind::Share(_));
    let who = map.spec.subject.as_deref().unwrap_or("");
    html! {
        ul.map-legend aria-label=(ctx.t("map.legend.label")) {
            @for (i, l) in map.scale.labels().iter().enumerate() {
                li { span class={ "sw " (p) (i + 1) } aria-hidden="true" {} (l) }
            }
            li { span.sw.nd aria-hidden="true" {} (ctx.t("map.legend.none")) }
            @if share {
                li { span.sw.subject aria-hidden="true" {} (ctx.tf("map.legend.subject", &[("who", &who)])) }
                li.arc-key { span.sw.arc-sw aria-hidden="true" {} (ctx.t("map.legend.arcs")) }
            }
            li { span.sw.outline-sw aria-hidden="true" {} (ctx.t("map.legend.former")) }
        }
    }
}

fn caption(ctx: &Ctx, map: &MapData) -> Markup {
    let with = map.rows.iter().filter(|r| r.value.is_some()).count();
    html! {
        (ctx.tf("map.caption.count", &[("n", &with)]))
        @match map.scale.unit {
            Unit::Points => { " " (ctx.t("map.caption.points")) }
            Unit::Relative => { " " (ctx.t("map.caption.relative")) }
            _ => {}
        }
        " " (ctx.t("map.caption.former"))
    }
}

fn values_table(ctx: &Ctx, map: &MapData) -> Markup {
    let spec = &map.spec;
    let lang = spec.lang;
    let base = match spec.kind {
        Kind::Share(_) | Kind::Group(_) => Unit::Share,
        Kind::Hhi => Unit::Hhi,
        Kind::Tiv => Unit::Tiv,
    };
    let who = spec.subject.as_deref().unwrap_or("");
    let part_head = match &spec.kind {
        Kind::Share(_) => Some(ctx.tf("map.table.part_supplier", &[("who", &who)])),
        Kind::Group(_) => Some(ctx.tf("map.table.part_group", &[("who", &who)])),
        _ => None,
    };
    let total_head = match (&spec.kind, spec.dir) {
        (Kind::Share(_), Direction::Exports) => {
            ctx.tf("map.table.total_supplier", &[("who", &who)])
        }
        (_, Direction::Imports) => ctx.t("map.table.total_imports").to_string(),
        (_, Direction::Exports) => ctx.t("map.table.total_exports").to_string(),
    };
    let mut headers: Vec<String> = vec![ctx.t("map.table.country").into()];
    match spec.from {
        Some(f) => {
            headers.push(f.to_string());
            headers.push(spec.filter.window.to_string());
            headers.push(ctx.t("map.table.change").into());
        }
        None => headers.push(metric_head(ctx, spec)),
    }
    if let Some(h) = &part_head {
        headers.push(h.clone());
    }
    headers.push(total_head);
    headers.push(ctx.t("map.table.on_map").into());
    let na = ctx.t("map.table.na");
    let show = |c: Option<crate::map::metric::Cell>| -> String {
        match c {
            Some(c) => c.value.map_or(na.into(), |v| base.show(v, lang)),
            None => "–".into(),
        }
    };
    let tiv = |v: f64| Unit::Tiv.show(v, lang);
    let rows: Vec<Vec<Markup>> = map
        .rows
        .iter()
        .map(|r| {
            let mut row = vec![name_cell(ctx, r)];
            if spec.from.is_some() {
                row.push(html! { (show(r.before)) });
                row.push(html! { (show(r.now)) });
            }
            row.push(value_cell(ctx, map, r));
            if part_head.is_some() {
                row.push(html! { (r.now.map_or("–".into(), |c| tiv(c.part))) });
            }
            row.push(html! { (r.now.map_or("–".into(), |c| tiv(c.total))) });
            row.push(html! { (place_text(ctx, &r.place)) });
            row
        })
        .collect();
    let hdr: Vec<&str> = headers.iter().map(String::as_str).collect();
    let numeric: Vec<bool> = (0..hdr.len()).map(|i| i > 0 && i + 1 < hdr.len()).collect();
    table(&spec.title(), &hdr, &numeric, &rows)
}

fn metric_head(ctx: &Ctx, spec: &Spec) -> String {
    ctx.t(match (&spec.kind, spec.dir) {
        (Kind::Share(_), Direction::Imports) => "map.table.share_imports",
        (Kind::Share(_), Direction::Exports) => "map.table.share_supplier",
        (Kind::Group(_), Direction::Imports) => "map.table.share_imports",
        (Kind::Group(_), Direction::Exports) => "map.table.share_exports",
        (Kind::Hhi, _) => "map.table.hhi",
        (Kind::Tiv, _) => "map.table.tiv",
    })
    .to_string()
}

/// A party's name, linked to its page; SIPRI's unknown pool has none (it is
/// no country: its page is refused).
fn name_cell(ctx: &Ctx, r: &Row) -> Markup {
    if is_pool(r) {
        return html! { (r.name) };
    }
    html! { a href=(ctx.country_href(&r.key)) { (r.name) } }
}

fn is_pool(r: &Row) -> bool {
    matches!(
        r.kind,
        model::EntityKind::Unknown | model::EntityKind::Aggregate
    )
}

fn value_cell(ctx: &Ctx, map: &MapData, r: &Row) -> Markup {
    match r.value {
        Some(v) => html! { (map.scale.unit.show(v, ctx.lang)) },
        None => html! { span.muted title=(r.why_none(&map.spec)) { (ctx.t("map.table.na")) } },
    }
}

/// The localised name of a drawn parent (Germany for East Germany).
fn parent_name(ctx: &Ctx, key: &str) -> String {
    ctx.rel
        .entities
        .by_key(key)
        .map_or(key.to_string(), |id| ctx.name(id).to_string())
}

fn place_text(ctx: &Ctx, p: &Place) -> String {
    match p {
        Place::Shape => ctx.t("map.place.shape").into(),
        Place::Point => ctx.t("map.place.point").into(),
        Place::Outline => ctx.t("map.place.outline").into(),
        Place::Inside(k) => ctx.tf("map.place.inside", &[("parent", &parent_name(ctx, k))]),
        Place::Nowhere => ctx.t("map.place.none").into(),
    }
}

/// Parties with a value that the map cannot show on their own, and why.
fn not_drawn(ctx: &Ctx, map: &MapData) -> Markup {
    let inside: Vec<&Row> = map
        .rows
        .iter()
        .filter(|r| matches!(r.place, Place::Inside(_) | Place::Nowhere))
        .collect();
    if inside.is_empty() {
        return html! {};
    }
    html! {
        section aria-labelledby="map-missing-h" {
            h2 #map-missing-h { (ctx.t("map.missing.h")) }
            p { (ctx.t("map.missing.intro")) }
            ul.map-missing {
                @for r in inside {
                    li {
                        @if is_pool(r) { (render::label(map, r)) } @else {
                            a href=(ctx.country_href(&r.key)) { (render::label(map, r)) }
                        }
                        " — "
                        @match &r.place {
                            Place::Inside(k) => {
                                (ctx.tf("map.missing.inside", &[("parent", &parent_name(ctx, k))]))
                            }
                            _ => {
                                (ctx.t(match r.kind {
                                    model::EntityKind::NonState => "map.missing.non_state",
                                    model::EntityKind::Organisation => "map.missing.organisation",
                                    model::EntityKind::Unknown => "map.missing.unknown",
                                    model::EntityKind::FormerState => "map.missing.former",
                                    _ => "map.missing.geometry",
                                }))
                            }
                        }
                    }
                }
            }
        }
    }
}

fn downloads(ctx: &Ctx, spec: &Spec) -> Markup {
    html! {
        p.map-downloads {
            (ctx.t("map.downloads")) " "
            a href=(link_with(ctx, spec, "/api/map", "", &[("format", "csv")])) { "CSV" } ", "
            a href=(link_with(ctx, spec, "/api/map", "", &[])) { "JSON" } ", "
            a href=(link_with(ctx, spec, "/api/map", "", &[("format", "svg")])) { (ctx.t("map.downloads.svg")) }
        }
    }
}
