//! `GET /api/map`: the map's values per country as JSON, CSV (one line per
//! country, what the page's table shows) or the standalone SVG image.

use super::light;
use crate::error::ApiResult;
use crate::map::data::{self, MapData, Place, Unit};
use crate::map::render;
use crate::present;
use crate::query::*;
use crate::state::AppState;
use axum::extract::State;
use axum::http::{HeaderValue, header};
use axum::response::{IntoResponse, Response};
use model::Release;
use serde_json::{Value, json};
use std::sync::Arc;

pub async fn map(State(st): State<Arc<AppState>>, Q(p, _): Q<MapQuery>) -> ApiResult<Response> {
    light(st.clone(), move |_| {
        let rel = st.pick(p.release())?;
        crate::error::ApiError::needs_whole(&rel, "the map")?;
        let svg = p
            .get("format")
            .is_some_and(|f| f.eq_ignore_ascii_case("svg"));
        if !svg {
            // A bad format is a 400 before any work.
            crate::csvout::wants_csv(&p)?;
        }
        let spec = data::Spec::parse(&rel, &p, true)?;
        let map = data::compute(&rel, spec);
        if svg {
            return Ok(svg_response(&map, &rel));
        }
        let unit = map.scale.unit;
        crate::csvout::reply_with(&p, &rel, to_json(&map, &rel), |v| csv_lines(v, unit), "map")
    })
    .await
}

/// The standalone SVG as a download (image/svg+xml).
pub fn svg_response(map: &MapData, rel: &Release) -> Response {
    let body = render::standalone_svg(map, rel);
    let mut r = body.into_response();
    r.headers_mut().insert(
        header::CONTENT_TYPE,
        HeaderValue::from_static("image/svg+xml; charset=utf-8"),
    );
    let name = format!(
        "armsflow-map-{}-{}{}.svg",
        map.spec.kind.slug(),
        map.spec.filter.window,
        if rel.meta.synthetic { "-SYNTHETIC" } else { "" }
    );
    if let Ok(v) = HeaderValue::from_str(&format!("inline; filename=\"{name}\"")) {
        r.headers_mut().insert(header::CONTENT_DISPOSITION, v);
    }
    r
}

/// CSV lines: the rows with `value` named by its unit, so shares come out
/// as percentages (`share_pct`) like every other CSV of the API.
fn csv_lines(v: &Value, unit: Unit) -> Vec<Value> {
    let (value, before, now) = match unit {
        Unit::Share => ("share", "share_before", "share_now"),
        Unit::Points => ("change_share", "share_before", "share_now"),
        Unit::Hhi => ("hhi", "hhi_before", "hhi_now"),
        Unit::HhiChange => ("hhi_change", "hhi_before", "hhi_now"),
        Unit::Tiv => ("tiv", "tiv_before", "tiv_now"),
        Unit::Relative => ("relative_change", "tiv_before", "tiv_now"),
    };
    v["rows"]
        .as_array()
        .into_iter()
        .flatten()
        .map(|r| {
            let mut out = serde_json::Map::new();
            for (k, x) in r.as_object().into_iter().flatten() {
                let k = match k.as_str() {
                    "value" => value,
                    "value_before" => before,
                    "value_now" => now,
                    k => k,
                };
                out.insert(k.to_string(), x.clone());
            }
            Value::Object(out)
        })
        .collect()
}

fn place(p: &Place) -> String {
    match p {
        Place::Shape => "shape".into(),
        Place::Point => "point".into(),
        Place::Outline => "outline".into(),
        Place::Inside(k) => format!("inside:{k}"),
        Place::Nowhere => "none".into(),
    }
}

/// The answer as JSON: values unrounded (shares as fractions), one flat
/// object per country so the CSV is the same table.
pub fn to_json(map: &MapData, rel: &Release) -> Value {
    let s = &map.spec;
    let labels = map.scale.labels();
    let classes: Vec<Value> = labels
        .iter()
        .enumerate()
        .map(|(i, l)| {
            json!({
                "class": i,
                "label": l,
                "from": if i == 0 { Value::Null } else { json!(map.scale.breaks[i - 1]) },
                "to": map.scale.breaks.get(i).map_or(Value::Null, |b| json!(b)),
            })
        })
        .collect();
    let rows: Vec<Value> = map
        .rows
        .iter()
        .map(|r| {
            json!({
                "key": r.key,
                // SIPRI's spelling, as every other endpoint; `label` is in the request's language.
                "name": rel.entities.get(r.id).name,
                "kind": r.kind.as_str(),
                "value": r.value,
                "class": r.class,
                "label": render::label(map, r),
                "value_before": r.before.and_then(|c| c.value),
                "value_now": r.now.and_then(|c| c.value),
                "part_tiv": r.now.map(|c| c.part),
                "total_tiv": r.now.map(|c| c.total),
                "place": place(&r.place),
                "note": if r.value.is_none() { Some(r.why_none(s)) } else { None },
            })
        })
        .collect();
    let mut coverage = vec![s.filter.window];
    coverage.extend(s.from);
    present::envelope(
        rel,
        json!({
            "title": s.title(),
            "metric": s.kind.slug(),
            "direction": s.dir.as_str(),
            "subject": s.subject,
            "subject_key": s.subject_key,
            "subject_defaulted": s.defaulted,
            "filter": present::filter(&s.filter),
            "from": s.from.map(|w| present::window(&w)),
            "coverage": present::coverage(rel, s.filter.window),
            "coverage_from": s.from.map(|w| present::coverage(rel, w)),
            "unit": map.scale.unit.slug(),
            "classes": classes,
            "rows": rows,
            "geometry": "Natural Earth 1:110m admin-0 (public domain) via world-atlas 2.0.2; see docs/map.md",
        }),
    )
}
