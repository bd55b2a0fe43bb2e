//! The core queries: imports, exports, top lists, concentration, pairs,
//! category breakdowns and the largest deliveries.

use super::light;
use crate::csvout::reply;
use crate::error::ApiResult;
use crate::params::Params;
use crate::present;
use crate::query::*;
use crate::state::AppState;
use axum::extract::State;
use axum::response::Response;
use engine::{Direction, Filter};
use model::{EntityId, Flags, Release};
use serde_json::{Value, json};
use std::sync::Arc;

type Out = ApiResult<Response>;

async fn partners_of(st: Arc<AppState>, p: Params, dir: Direction) -> Out {
    light(st.clone(), move |_| {
        let rel = st.pick(p.release())?;
        let focus = p.entity(&rel, "country")?;
        crate::error::ApiError::one_sided(&rel, dir, Some(focus))?;
        let f = p.filter(&rel)?;
        let r = engine::partners(&rel, focus, dir, &f);
        reply(
            &p,
            &rel,
            present::partners(&rel, &r),
            "partners",
            dir.as_str(),
        )
    })
    .await
}

pub async fn imports(State(st): State<Arc<AppState>>, Q(p, _): Q<PartnersQuery>) -> Out {
    partners_of(st, p, Direction::Imports).await
}

pub async fn exports(State(st): State<Arc<AppState>>, Q(p, _): Q<PartnersQuery>) -> Out {
    partners_of(st, p, Direction::Exports).await
}

pub async fn top(State(st): State<Arc<AppState>>, Q(p, _): Q<TopQuery>) -> Out {
    light(st.clone(), move |_| {
        let rel = st.pick(p.release())?;
        let dir = match p.get("direction") {
            None => Direction::Exports,
            Some(_) => p.direction(Direction::Exports)?,
        };
        let f = p.filter(&rel)?;
        let limit = p.limit("limit", 25, 500)?;
        crate::error::ApiError::one_sided(&rel, dir, None)?;
        let r = engine::ranking(&rel, dir, &f);
        reply(&p, &rel, present::ranking(&rel, &r, limit), "rows", "top")
    })
    .await
}

pub async fn concentration(State(st): State<Arc<AppState>>, Q(p, _): Q<ConcentrationQuery>) -> Out {
    light(st.clone(), move |_| {
        let rel = st.pick(p.release())?;
        let focus = p.entity(&rel, "country")?;
        let dir = p.direction(Direction::Imports)?;
        crate::error::ApiError::one_sided(&rel, dir, Some(focus))?;
        let category = p.category_in(&rel)?;
        let windows = engine::default_windows(&rel);
        let s = engine::concentration_series(&rel, focus, dir, &windows, category);
        reply(
            &p,
            &rel,
            present::series(&rel, focus, dir, &s),
            "windows",
            "concentration",
        )
    })
    .await
}

pub async fn pair(State(st): State<Arc<AppState>>, Q(p, _): Q<PairQuery>) -> Out {
    light(st.clone(), move |_| {
        let rel = st.pick(p.release())?;
        let s = p.entity(&rel, "supplier")?;
        let r = p.entity(&rel, "recipient")?;
        crate::pages::pair::check_pair(&rel, s, r)?;
        let f = p.filter(&rel)?;
        let v = present::pair(&rel, &engine::pair(&rel, s, r, &f));
        // CSV: the summary line (both shares, both ranks); years are in /api/series.
        crate::csvout::reply_with(
            &p,
            &rel,
            v,
            |v| {
                let mut line = v.clone();
                if let Some(m) = line.as_object_mut() {
                    for k in [
                        "by_year",
                        "release",
                        "attribution",
                        "citation",
                        "warning",
                        "coverage",
                    ] {
                        m.remove(k);
                    }
                }
                vec![line]
            },
            // Both parties in the download's name, as the country of the
            // other answers' files.
            &format!(
                "pair-{}-{}",
                rel.entities.get(s).key,
                rel.entities.get(r).key
            ),
        )
    })
    .await
}

pub async fn categories(State(st): State<Arc<AppState>>, Q(p, _): Q<CategoriesQuery>) -> Out {
    light(st.clone(), move |_| {
        let rel = st.pick(p.release())?;
        let focus = p.entity(&rel, "country")?;
        let dir = p.direction(Direction::Imports)?;
        crate::error::ApiError::needs_register(
            &rel,
            "a category breakdown or the largest deliveries",
        )?;
        // The focus's whole side, by category: not from a download scoped
        // to other countries, not of an unknown pool, not from a register
        // without categories (regressions: Ukraine 100 % of US exports in
        // every category on the Ukraine download; the pool's HHI).
        crate::error::ApiError::one_sided(&rel, dir, Some(focus))?;
        crate::error::ApiError::needs_categories(&rel)?;
        let f = Filter::new(p.window(&rel, "period")?).with_basis(p.basis_in(&rel)?);
        let b = engine::category_breakdown(&rel, focus, dir, &f);
        let rows: Vec<Value> = b
            .iter()
            .map(|(c, part)| {
                let mut v = present::partners(&rel, part);
                v["category"] = json!(c.sipri_name());
                v
            })
            .collect();
        // CSV: one line per category and partner (the JSON nests them).
        let lines: Vec<Value> = rows
            .iter()
            .flat_map(|c| {
                let cat = c["category"].clone();
                c["partners"]
                    .as_array()
                    .cloned()
                    .unwrap_or_default()
                    .into_iter()
                    .map(move |mut r| {
                        r["category"] = cat.clone();
                        r
                    })
            })
            .collect();
        let v = present::envelope(
            &rel,
            json!({
                "focus": present::entity(&rel, focus),
                "direction": dir.as_str(),
                "filter": present::filter(&f),
                "coverage": present::coverage(&rel, f.window),
                "categories": rows,
                "csv_rows": lines,
            }),
        );
        let v = if crate::csvout::wants_csv(&p)? {
            v
        } else {
            let mut v = v;
            if let Some(m) = v.as_object_mut() {
                m.remove("csv_rows");
            }
            v
        };
        reply(&p, &rel, v, "csv_rows", "categories")
    })
    .await
}

pub async fn deliveries(State(st): State<Arc<AppState>>, Q(p, _): Q<DeliveriesQuery>) -> Out {
    light(st.clone(), move |_| {
        let rel = st.pick(p.release())?;
        let focus = p.entity(&rel, "country")?;
        let dir = p.direction(Direction::Imports)?;
        crate::error::ApiError::needs_register(
            &rel,
            "a category breakdown or the largest deliveries",
        )?;
        // The largest of the focus's deliveries: all of them must be in the
        // release (regression: the Ukraine download listed US deliveries to
        // Ukraine alone as "United States exports").
        crate::error::ApiError::one_sided(&rel, dir, Some(focus))?;
        let f = p.filter(&rel)?;
        let limit = p.limit("limit", 20, 500)?;
        let rows: Vec<Value> = largest_deliveries(&rel, focus, dir, &f, limit)
            .into_iter()
            .map(|i| delivery(&rel, i))
            .collect();
        let v = present::envelope(
            &rel,
            json!({
                "focus": present::entity(&rel, focus),
                "direction": dir.as_str(),
                "filter": present::filter(&f),
                "coverage": present::coverage(&rel, f.window),
                "deliveries": rows,
            }),
        );
        reply(&p, &rel, v, "deliveries", "deliveries")
    })
    .await
}

/// Indexes of `focus`'s flows in the window (delivery year), largest TIV first.
/// A listing of rows as SIPRI gives them, not a metric.
pub fn largest_deliveries(
    rel: &Release,
    focus: EntityId,
    dir: Direction,
    f: &Filter,
    limit: usize,
) -> Vec<usize> {
    let col = match dir {
        Direction::Imports => &rel.flows.recipient,
        Direction::Exports => &rel.flows.supplier,
    };
    let mut idx: Vec<usize> = (0..rel.flows.len())
        .filter(|&i| {
            col[i] == focus
                && f.window.contains(rel.flows.year[i])
                && f.category.is_none_or(|c| rel.flows.category[i] == c as u8)
        })
        .collect();
    idx.sort_by(|&a, &b| {
        rel.flows.tiv[b]
            .total_cmp(&rel.flows.tiv[a])
            .then(rel.flows.year[a].cmp(&rel.flows.year[b]))
            .then(a.cmp(&b))
    });
    idx.truncate(limit);
    idx
}

/// The flag bits of a flow as named booleans.
pub fn flag_names(flags: u16) -> Vec<&'static str> {
    [
        (Flags::EST_YEAR, "estimated_year"),
        (Flags::EST_NUMBER, "estimated_number"),
        (Flags::EST_ORDER, "estimated_order_year"),
        (Flags::EST_UNKNOWN, "estimate_unknown"),
        (Flags::ALLOCATED, "allocated"),
        (Flags::BELOW_HALF, "below_half"),
        (Flags::SECOND_HAND, "second_hand"),
        (Flags::LOCAL_PRODUCTION, "local_production"),
    ]
    .into_iter()
    .filter(|(b, _)| flags & b != 0)
    .map(|(_, n)| n)
    .collect()
}

fn delivery(rel: &Release, i: usize) -> Value {
    let fl = rel.flows.get(i);
    let deal = rel.deal(i);
    json!({
        "supplier": present::entity(rel, fl.supplier),
        "recipient": present::entity(rel, fl.recipient),
        "year": fl.year,
        "category": fl.category.sipri_name(),
        "designation": deal.map(|d| d.designation.as_str()),
        "description": deal.map(|d| d.description.as_str()),
        "order_year": deal.and_then(|d| d.order_year),
        "sipri_id": deal.and_then(|d| d.sipri_id),
        "status": deal.map(|d| d.status.as_str()),
        "units": fl.units,
        "tiv": fl.tiv,
        "flags": flag_names(fl.flags),
    })
}
