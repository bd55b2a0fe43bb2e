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
    let spec = Spec::parse(rel, &ctx.p)?;
    let map = data::compute(rel, spec);
    let spec = &map.spec;
    let href = |k: &str| ctx.country_href(k);
    let svg = render::inline_svg(&map, rel, &href);
    let body = html! {
        h1 { "World map " span.sub { "arms transfers by country" } }
        (PreEscaped(super::layout::coverage_banner(rel, spec.filter.window)))
        @if let Some(f) = spec.from {
            (PreEscaped(super::layout::coverage_banner(rel, f)))
        }
        p.lede { (spec.title()) "." }
        @if spec.defaulted {
            p.note {
                "No supplier chosen: the map shows the window's largest exporter, "
                strong { (spec.subject.as_deref().unwrap_or("")) } ". Choose another below."
            }
        }
        (controls(ctx, spec))
        div #map-live {
            p #map-status.visually-hidden aria-live="polite" { (spec.title()) }
            figure.map-figure {
                a.skip-map href="#map-table-h" { "Skip the map's country links to the table" }
                div.map-box {
                    (PreEscaped(&svg))
                    div #map-tip.map-tip hidden {}
                }
                (legend(&map))
                figcaption { (caption(&map)) }
            }
            (window_steps(ctx, spec))
            section aria-labelledby="map-table-h" {
                h2 #map-table-h tabindex="-1" { "The same values as a table" }
                (values_table(ctx, &map))
            }
            (not_drawn(&map))
            (downloads(ctx))
        }
    };
    Ok(Page {
        title: format!("World map: {}", spec.title()),
        body: body.into_string(),
    })
}

/// The query as it stands, for links that change one thing.
fn pairs(ctx: &Ctx, skip: &str) -> Vec<(&'static str, String)> {
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
        if k == skip {
            continue;
        }
        if let Some(v) = ctx.p.get(k) {
            out.push((k, v.to_string()));
        }
    }
    out
}

fn link_with(ctx: &Ctx, path: &str, skip: &str, extra: &[(&str, &str)]) -> String {
    let base = pairs(ctx, skip);
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
            label for="map-metric" { "Show" }
            select #map-metric name="metric" {
                option value="share" selected[metric == "share"] { "Share from a supplier" }
                option value="group" selected[metric == "group"] { "Share from a group" }
                option value="hhi" selected[metric == "hhi"] { "Concentration (HHI)" }
                option value="tiv" selected[metric == "tiv"] { "Volume (TIV)" }
            }
            label for="map-supplier" { "Supplier" }
            input #map-supplier type="text" name="supplier" value=(supplier) placeholder="RUS, France…"
                size="10" autocomplete="off";
            label for="map-group" { "Group" }
            select #map-group name="group" {
                option value="" { "—" }
                @for g in groups.names() {
                    option value=(g) selected[g.eq_ignore_ascii_case(&group)] { (g) }
                }
            }
            label for="map-direction" { "Side" }
            select #map-direction name="direction" {
                option value="imports" selected[spec.dir == Direction::Imports] { "Imports" }
                option value="exports" selected[spec.dir == Direction::Exports] { "Exports" }
            }
            label for="map-period" { "Window" }
            select #map-period name="period" {
                @for w in &windows {
                    option value=(w) selected[*w == spec.filter.window] { (w) }
                }
            }
            label for="map-from" { "Change since" }
            select #map-from name="from" {
                option value="" { "— (no change)" }
                @for w in &windows {
                    option value=(w) selected[Some(*w) == spec.from] { (w) }
                }
            }
            label for="map-category" { "Category" }
            select #map-category name="category" {
                option value="all" { "All categories" }
                @for c in model::Category::ALL {
                    option value=(c.sipri_name()) selected[spec.filter.category == Some(c)] { (c.sipri_name()) }
                }
            }
            span.check {
                input #map-arcs type="checkbox" name="arcs" value="1" checked[spec.arcs];
                label for="map-arcs" { "Arcs to customers" }
            }
            @if let Some(r) = &ctx.pinned {
                input type="hidden" name="release" value=(r);
            }
            button type="submit" { "Update" }
            button #map-play type="button" hidden aria-pressed="false" { "Play through the windows" }
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
                a rel="prev" href=(link_with(ctx, "/map", "period", &[("period", &earlier.to_string())])) {
                    "← Earlier window (" (earlier) ")"
                }
            }
            " "
            @if has(later) {
                a rel="next" href=(link_with(ctx, "/map", "period", &[("period", &later.to_string())])) {
                    "Later window (" (later) ") →"
                }
            }
        }
    }
}

fn legend(map: &MapData) -> Markup {
    let p = if map.scale.diverging { "d" } else { "m" };
    let share = matches!(map.spec.kind, Kind::Share(_));
    html! {
        ul.map-legend aria-label="Legend" {
            @for (i, l) in map.scale.labels().iter().enumerate() {
                li { span class={ "sw " (p) (i + 1) } aria-hidden="true" {} (l) }
            }
            li { span.sw.nd aria-hidden="true" {} "no value" }
            @if share {
                li { span.sw.subject aria-hidden="true" {} (map.spec.subject.as_deref().unwrap_or("")) " (the supplier)" }
                li.arc-key { span.sw.arc-sw aria-hidden="true" {} "deliveries (arcs)" }
            }
            li { span.sw.outline-sw aria-hidden="true" {} "former state (outline)" }
        }
    }
}

fn caption(map: &MapData) -> Markup {
    let with = map.rows.iter().filter(|r| r.value.is_some()).count();
    let unit = match map.scale.unit {
        Unit::Points => " Changes are in percentage points.",
        Unit::Relative => " Changes are relative to the earlier window's TIV.",
        _ => "",
    };
    html! {
        (with) " countries and parties have a value." (unit)
        " Former states SIPRI lists (Soviet Union, Yugoslavia, Czechoslovakia) are outlined over their successors \
          and, in windows before their break-up, fill them; East Germany, North and South Yemen and South Vietnam \
          lie inside today's borders and are listed below the table. SIPRI's Germany is West Germany before 1990. \
          Small states are dots. Map: Natural Earth 1:110m (public domain), Equal Earth projection."
    }
}

fn values_table(ctx: &Ctx, map: &MapData) -> Markup {
    let spec = &map.spec;
    let base = match spec.kind {
        Kind::Share(_) | Kind::Group(_) => Unit::Share,
        Kind::Hhi => Unit::Hhi,
        Kind::Tiv => Unit::Tiv,
    };
    let side = match spec.dir {
        Direction::Imports => "Imports (TIV)",
        Direction::Exports => "Exports (TIV)",
    };
    let part_head = match (&spec.kind, spec.dir) {
        (Kind::Share(_), _) => Some(format!(
            "TIV from {}",
            spec.subject.as_deref().unwrap_or("")
        )),
        (Kind::Group(_), _) => Some(format!(
            "TIV with {} members",
            spec.subject.as_deref().unwrap_or("")
        )),
        _ => None,
    };
    let total_head = match (&spec.kind, spec.dir) {
        (Kind::Share(_), Direction::Exports) => format!(
            "{}'s exports (TIV)",
            spec.subject.as_deref().unwrap_or("")
        ),
        _ => side.to_string(),
    };
    let mut headers: Vec<String> = vec!["Country or party".into()];
    match spec.from {
        Some(f) => {
            headers.push(f.to_string());
            headers.push(spec.filter.window.to_string());
            headers.push("Change".into());
        }
        None => headers.push(metric_head(spec)),
    }
    if let Some(h) = &part_head {
        headers.push(h.clone());
    }
    headers.push(total_head);
    headers.push("On the map".into());
    let show = |c: Option<crate::map::metric::Cell>| -> String {
        match c {
            Some(c) => c.value.map_or("n/a".into(), |v| base.show(v)),
            None => "–".into(),
        }
    };
    let rows: Vec<Vec<Markup>> = map
        .rows
        .iter()
        .map(|r| {
            let mut row = vec![name_cell(ctx, r)];
            match spec.from {
                Some(_) => {
                    row.push(html! { (show(r.before)) });
                    row.push(html! { (show(r.now)) });
                    row.push(value_cell(map, r));
                }
                None => row.push(value_cell(map, r)),
            }
            if part_head.is_some() {
                row.push(html! { (r.now.map_or("–".into(), |c| crate::present::tiv(c.part))) });
            }
            row.push(html! { (r.now.map_or("–".into(), |c| crate::present::tiv(c.total))) });
            row.push(html! { (place_text(&r.place)) });
            row
        })
        .collect();
    let hdr: Vec<&str> = headers.iter().map(String::as_str).collect();
    let numeric: Vec<bool> = (0..hdr.len()).map(|i| i > 0 && i + 1 < hdr.len()).collect();
    html! {
        (table(&spec.title(), &hdr, &numeric, &rows))
    }
}

fn metric_head(spec: &Spec) -> String {
    match (&spec.kind, spec.dir) {
        (Kind::Share(_), Direction::Imports) => "Share of imports".into(),
        (Kind::Share(_), Direction::Exports) => "Share of the supplier's exports".into(),
        (Kind::Group(_), Direction::Imports) => "Share of imports".into(),
        (Kind::Group(_), Direction::Exports) => "Share of exports".into(),
        (Kind::Hhi, _) => "HHI (0–10,000)".into(),
        (Kind::Tiv, _) => "TIV (millions)".into(),
    }
}

fn name_cell(ctx: &Ctx, r: &Row) -> Markup {
    html! { a href=(ctx.country_href(&r.key)) { (r.name) } }
}

fn value_cell(map: &MapData, r: &Row) -> Markup {
    match r.value {
        Some(v) => html! { (map.scale.unit.show(v)) },
        None => html! { span.muted title=(r.why_none(&map.spec)) { "n/a" } },
    }
}

fn place_text(p: &Place) -> String {
    match p {
        Place::Shape => "yes".into(),
        Place::Point => "dot".into(),
        Place::Outline => "outline".into(),
        Place::Inside(k) => format!("inside {k}"),
        Place::Nowhere => "not drawn".into(),
    }
}

/// Parties with a value that the map cannot show on their own, and why.
fn not_drawn(map: &MapData) -> Markup {
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
            h2 #map-missing-h { "Not drawn on the map" }
            p { "These parties have a value in the table above but no shape of their own at this scale:" }
            ul.map-missing {
                @for r in inside {
                    li {
                        (render::label(map, r)) " — "
                        @match &r.place {
                            Place::Inside(k) => { "a former state inside today's " (k) "; not drawn separately" }
                            _ => {
                                @match r.kind {
                                    model::EntityKind::NonState => "a non-state armed group",
                                    model::EntityKind::Organisation => "an international organisation",
                                    model::EntityKind::Unknown => "an unknown party",
                                    model::EntityKind::FormerState => "a former state",
                                    _ => "not in the 1:110m or 1:50m geometry",
                                }
                            }
                        }
                    }
                }
            }
        }
    }
}

fn downloads(ctx: &Ctx) -> Markup {
    html! {
        p.map-downloads {
            "Data: "
            a href=(link_with(ctx, "/api/map", "", &[("format", "csv")])) { "CSV" } ", "
            a href=(link_with(ctx, "/api/map", "", &[])) { "JSON" } ", "
            a href=(link_with(ctx, "/api/map", "", &[("format", "svg")])) { "SVG image" }
        }
    }
}
