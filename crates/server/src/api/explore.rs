//! Year by year and the deals explorer: the tables a reader takes away
//! (`/api/series`, `/api/deals`), in JSON or, with `format=csv`, CSV.

use super::light;
use crate::csvout::{reply, wants_csv};
use crate::error::{ApiError, ApiResult};
use crate::params::Params;
use crate::present;
use crate::query::*;
use crate::state::AppState;
use axum::extract::State;
use axum::response::Response;
use engine::deals::{DealQuery, search};
use engine::series::annual;
use engine::{Direction, Filter};
use model::{Category, Release, Window};
use serde_json::{Value, json};
use std::sync::Arc;

/// Most years one series may span (one column per year).
pub(crate) const MAX_YEARS: u16 = 100;

pub(crate) fn year(p: &Params, name: &str, default: u16) -> ApiResult<u16> {
    match p.get(name) {
        None => Ok(default),
        Some(s) => match s.parse::<u16>() {
            Ok(y) if (1900..=2100).contains(&y) => Ok(y),
            _ => Err(ApiError::bad_request(format!(
                "'{name}' must be a year from 1900 to 2100, not '{s}'"
            ))),
        },
    }
}

/// The window of a series: `from`..=`to`, defaulting to the latest
/// five-year window; bounded to [`MAX_YEARS`].
fn series_window(p: &Params, rel: &Release) -> ApiResult<Window> {
    let def = engine::default_window(rel);
    let (from, to) = match (def, p.get("from"), p.get("to")) {
        (Some(w), _, _) => {
            let from = year(p, "from", w.start)?;
            (from, year(p, "to", w.end.max(from))?)
        }
        (None, Some(_), Some(_)) => (year(p, "from", 0)?, year(p, "to", 0)?),
        (None, _, _) => {
            return Err(ApiError::bad_request(
                "the release has no deliveries, so 'from' and 'to' have no default",
            ));
        }
    };
    span(from, to)
}

/// `from..=to` as a series window: in order, at most [`MAX_YEARS`] long.
pub(crate) fn span(from: u16, to: u16) -> ApiResult<Window> {
    if from > to {
        return Err(ApiError::bad_request(format!(
            "'from' ({from}) is after 'to' ({to})"
        )));
    }
    if to - from >= MAX_YEARS {
        return Err(ApiError::bad_request(format!(
            "a series spans at most {MAX_YEARS} years, not {from}-{to}"
        )));
    }
    Ok(Window {
        start: from,
        end: to,
    })
}

pub async fn series(
    State(st): State<Arc<AppState>>,
    Q(p, _): Q<SeriesQuery>,
) -> ApiResult<Response> {
    light(st.clone(), move |_| {
        let rel = st.pick(p.release())?;
        let focus = p.entity(&rel, "country")?;
        let dir = p.direction(Direction::Imports)?;
        crate::error::ApiError::one_sided(&rel, dir, Some(focus))?;
        let w = series_window(&p, &rel)?;
        let f = Filter::new(w)
            .with_category(p.category_in(&rel)?)
            .with_basis(p.basis_in(&rel)?);
        let a = annual(&rel, focus, dir, &f);
        let by_year = |v: &[f64]| -> Vec<Value> {
            a.years
                .iter()
                .zip(v)
                .map(|(y, t)| present::year_tiv(&rel, &f, *y, *t))
                .collect()
        };
        let partners: Vec<Value> = a
            .partners
            .iter()
            .map(|r| {
                json!({"partner": present::entity(&rel, r.entity), "total_tiv": r.total, "tiv": by_year(&r.tiv)})
            })
            .collect();
        let mut v = present::envelope(
            &rel,
            json!({
                "focus": present::entity(&rel, focus),
                "direction": dir.as_str(),
                "filter": present::filter(&f),
                "coverage": present::coverage(&rel, w),
                "years": a.years,
                "partners": partners,
                "total_tiv": by_year(&a.totals),
                "undated_tiv": a.undated_tiv,
            }),
        );
        if wants_csv(&p)? {
            // Long form, one line per partner and year: what charting tools read.
            let lines: Vec<Value> = a
                .partners
                .iter()
                .flat_map(|r| {
                    let e = present::entity(&rel, r.entity);
                    a.years
                        .iter()
                        .zip(by_year(&r.tiv))
                        .map(move |(y, t)| json!({"partner": e.clone(), "year": y, "tiv": t}))
                })
                .collect();
            v["csv_rows"] = json!(lines);
        }
        reply(&p, &rel, v, "csv_rows", &format!("series-{}", dir.as_str()))
    })
    .await
}

fn deal(rel: &Release, i: usize) -> Value {
    let d = &rel.deals[i];
    json!({
        "sipri_id": d.sipri_id,
        "supplier": present::entity(rel, d.supplier),
        "recipient": present::entity(rel, d.recipient),
        "designation": d.designation,
        "description": d.description,
        "category": Category::from_u8(d.category).sipri_name(),
        "order_year": d.order_year,
        "order_year_estimated": d.order_year_estimated,
        "number_ordered": d.number_ordered,
        "number_ordered_estimated": d.number_ordered_estimated,
        "number_delivered": d.number_delivered,
        "number_delivered_estimated": d.number_delivered_estimated,
        "delivery_years": d.delivery_years,
        "status": d.status,
        "tiv_unit": d.tiv_unit,
        "tiv_delivered": d.tiv_delivered,
        "local_production": d.local_production,
        "comments": d.comments,
    })
}

pub async fn deals(State(st): State<Arc<AppState>>, Q(p, _): Q<DealsQuery>) -> ApiResult<Response> {
    light(st.clone(), move |_| {
        let rel = st.pick(p.release())?;
        let years = match p.get("years") {
            Some(s) => Some(crate::params::parse_window(s, "years")?),
            None => None,
        };
        let q = DealQuery {
            supplier: p.entity_opt(&rel, "supplier")?,
            recipient: p.entity_opt(&rel, "recipient")?,
            category: p.category_in(&rel)?,
            years,
            status: p.get("status").map(str::to_string),
            text: p.get("q").map(str::to_string),
        };
        let limit = p.limit("limit", 50, 1000)?;
        let offset = p.number("offset", 0.0, 0.0, 1_000_000.0)?;
        if offset.fract() != 0.0 {
            return Err(ApiError::bad_request("'offset' must be a whole number"));
        }
        let offset = offset as usize;
        let hits = search(&rel, &q);
        let page: Vec<usize> = hits.iter().skip(offset).take(limit).copied().collect();
        // With `years`, each deal's part delivered in them beside its
        // all-years `tiv_delivered` (see [`engine::deals::tiv_in_window`]).
        let in_window = years.map(|w| engine::deals::tiv_in_window(&rel, &page, w));
        let rows: Vec<Value> = page
            .iter()
            .enumerate()
            .map(|(k, &i)| {
                let mut v = deal(&rel, i);
                if let (Some(t), Some(w)) = (&in_window, years) {
                    v["tiv_in_window"] = json!(t[k]);
                    v["delivery_years_in_window"] = json!(
                        rel.deals[i]
                            .delivery_years
                            .iter()
                            .filter(|&&y| w.contains(y))
                            .collect::<Vec<_>>()
                    );
                }
                v
            })
            .collect();
        let note = rel.deals.is_empty().then_some(
            "this release has no deal records (a TIV table): load a trade register to search deals",
        );
        let mut v = present::envelope(
            &rel,
            json!({
                "total": hits.len(),
                "offset": offset,
                "limit": limit,
                "returned": rows.len(),
                "note": note,
                // The selection asked for, echoed: a supplier or recipient
                // filter is part of what an empty answer means.
                "query": {
                    "supplier": q.supplier.map(|e| present::entity(&rel, e)),
                    "recipient": q.recipient.map(|e| present::entity(&rel, e)),
                    "category": q.category.map(|c| c.sipri_name()),
                    "years": years.map(|w| present::window(&w)),
                    "status": q.status,
                    "q": q.text,
                },
                "tiv_note": years.map(|_| {
                    "tiv_delivered is each deal's delivered TIV over all its delivery years; \
                     tiv_in_window is its part delivered in `years` (by delivery year), which \
                     adds up to the country's imports or exports in them"
                }),
                "deals": rows,
            }),
        );
        // Only with years: the documented `coverage` is an object, never null.
        if let Some(w) = years {
            v["coverage"] = present::coverage(&rel, w);
        }
        reply(&p, &rel, v, "deals", "deals")
    })
    .await
}
