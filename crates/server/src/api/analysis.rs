//! Alignment groups, switching, event studies, the orders pipeline and
//! release diffs. The engine's results are serialised as they are, then
//! [`named`] swaps entity ids for `{key, name, kind, iso3}`.

use super::heavy;
use crate::error::{ApiError, ApiResult};
use crate::params::Params;
use crate::present;
use crate::query::*;
use crate::state::AppState;
use axum::Json;
use axum::extract::State;
use axum::response::IntoResponse;
use engine::groups::{Group, GroupSet, group_share_series, split_adhoc};
use engine::{Direction, Filter};
use model::{Release, Window};
use serde::Serialize;
use serde_json::{Value, json};
use std::sync::{Arc, OnceLock};

type Out = ApiResult<axum::response::Response>;

/// Fields of engine results that hold an entity id.
const ID_FIELDS: &[&str] = &[
    "entity",
    "focus",
    "supplier",
    "recipient",
    "partner",
    "member",
    "away_from",
];

/// Serialises `v`, replacing integer ids in [`ID_FIELDS`] (and the `[id, tiv]`
/// pairs of `above`/`below`) with entity objects.
pub fn named<T: Serialize>(rel: &Release, v: &T) -> ApiResult<Value> {
    let mut j = serde_json::to_value(v).map_err(|e| ApiError::internal(e.to_string()))?;
    expand(rel, &mut j);
    Ok(j)
}

fn expand(rel: &Release, v: &mut Value) {
    match v {
        Value::Object(m) => {
            for (k, x) in m.iter_mut() {
                if ID_FIELDS.contains(&k.as_str())
                    && let Some(id) = x.as_u64()
                    && id <= u32::MAX as u64
                {
                    *x = present::entity(rel, id as u32);
                    continue;
                }
                if (k == "above" || k == "below")
                    && let Some([id, tiv]) = x.as_array().map(Vec::as_slice)
                    && let Some(id) = id.as_u64()
                {
                    *x = json!({"entity": present::entity(rel, id as u32), "tiv": tiv});
                    continue;
                }
                expand(rel, x);
            }
        }
        Value::Array(a) => a.iter_mut().for_each(|x| expand(rel, x)),
        _ => {}
    }
}

fn builtin_groups() -> &'static GroupSet {
    static G: OnceLock<GroupSet> = OnceLock::new();
    G.get_or_init(GroupSet::builtin)
}

/// A group by name (case-insensitive), or ad-hoc `Name=A,B,C`.
pub fn pick_group(spec: &str) -> ApiResult<Group> {
    let set = builtin_groups();
    if spec.contains('=') {
        let (name, members) = split_adhoc(spec).map_err(ApiError::bad_request)?;
        // Answered under a built-in group's name, it would read as that group
        // (API probe 14: "NATO=USA" gave "NATO 0.0 %" for Kazakhstan).
        if set.get(&name).is_some() {
            return Err(ApiError::bad_request(format!(
                "'{name}' is a built-in group: give your group a name of its own \
                 ('My {name}=...')"
            )));
        }
        let mut keys = Vec::new();
        for m in members {
            match sipri::names::Resolver::builtin().lookup(&m) {
                Ok(e) => keys.push(e.key),
                Err(s) => {
                    return Err(ApiError::not_found(format!(
                        "unknown country '{m}' in group '{name}'"
                    ))
                    .with_suggestions(s));
                }
            }
        }
        return Ok(Group::all_years(&name, &keys));
    }
    let found = set.get(spec).or_else(|| {
        set.groups
            .iter()
            .find(|g| g.name.eq_ignore_ascii_case(spec))
    });
    found.cloned().ok_or_else(|| {
        ApiError::not_found(format!(
            "unknown group '{spec}' (or define one: Name=ISR,TUR)"
        ))
        .with_suggestions(set.names().iter().map(|s| s.to_string()).collect())
    })
}

/// Groups and members, for listings and the country page.
pub fn group_list() -> Value {
    let groups: Vec<Value> = builtin_groups()
        .groups
        .iter()
        .map(|g| {
            let spells: Vec<Value> = g
                .spells
                .iter()
                .map(|s| {
                    json!({
                        "member": s.member,
                        "name": sipri::names::Resolver::builtin().by_key(&s.member).map(|e| e.name.clone()),
                        "joined": s.joined.map(|d| d.to_string()),
                        "left": s.left.map(|d| d.to_string()),
                        "note": s.note,
                    })
                })
                .collect();
            json!({"name": g.name, "members": g.members().len(), "spells": spells})
        })
        .collect();
    json!({
        "groups": groups,
        "rule": "A member counts toward its group for delivery year Y iff it was a member on 1 July of Y.",
    })
}

pub async fn groups(State(st): State<Arc<AppState>>, Q(p, _): Q<GroupsQuery>) -> Out {
    heavy(st.clone(), move |_| {
        if p.get("country").is_none() {
            if crate::csvout::wants_csv(&p)? {
                return Err(ApiError::bad_request(
                    "format=csv needs 'country': the group listing is JSON only",
                ));
            }
            // The listing takes no other parameter: one given is refused,
            // not silently dropped (regression: group=NOSUCH, period=garbage
            // answered 200 with all six groups).
            let other: Vec<&str> = ["group", "period", "category", "direction", "basis"]
                .into_iter()
                .filter(|k| p.get(k).is_some())
                .collect();
            if !other.is_empty() {
                return Err(ApiError::bad_request(format!(
                    "without 'country', /api/groups lists the groups and takes no {}; \
                     pass 'country' for a country's group shares",
                    other.join(", ")
                )));
            }
            return Ok(Json(group_list()).into_response());
        }
        let rel = st.pick(p.release())?;
        let focus = p.entity(&rel, "country")?;
        let dir = p.direction(Direction::Imports)?;
        ApiError::needs_register(&rel, "group shares")?;
        ApiError::one_sided(&rel, dir, Some(focus))?;
        let chosen: Vec<Group> = match p.get_all("group").as_slice() {
            [] => builtin_groups().groups.clone(),
            specs => specs
                .iter()
                .map(|s| pick_group(s))
                .collect::<ApiResult<_>>()?,
        };
        if let Some(name) = engine::groups::repeated_name(&chosen) {
            return Err(ApiError::bad_request(format!(
                "two groups named '{name}': each group may be asked for once, and a group of \
                 your own needs a name of its own ('{name} subset=ESP,FRA')"
            )));
        }
        let windows: Vec<Window> = match p.get("period") {
            Some(_) => vec![p.window(&rel, "period")?],
            None => engine::default_windows(&rel),
        };
        let Some(last) = windows.last().copied() else {
            return Err(ApiError::bad_request(
                "the release covers fewer than five years: pass 'period'",
            ));
        };
        let f = Filter::new(last)
            .with_category(p.category_in(&rel)?)
            .with_basis(p.basis_in(&rel)?);
        let mut out = Vec::new();
        for g in &chosen {
            let idx = g.index(&rel);
            let s = group_share_series(&rel, focus, dir, &idx, &f, &windows);
            let mut w = named(&rel, &s)?;
            // A window with no year in the release has no figures, not zeros
            // (regression: total 0.0, group_tiv 0.0 for 1990-1994).
            if let Some(rows) = w.as_array_mut() {
                for (row, x) in rows.iter_mut().zip(&s) {
                    let none = x.filter.no_data(&rel);
                    row["no_data"] = json!(none);
                    if none {
                        row["total"] = Value::Null;
                        row["group_tiv"] = Value::Null;
                    }
                }
            }
            out.push(json!({"group": g.name, "windows": w}));
        }
        let v = present::envelope(
            &rel,
            json!({"focus": present::entity(&rel, focus), "direction": dir.as_str(), "groups": out,
                   "coverage": present::coverage_of(&rel, &windows)}),
        );
        // CSV: one line per group and window.
        crate::csvout::reply_with(
            &p,
            &rel,
            v,
            |v| nested(v, "groups", "group", "windows"),
            "groups",
        )
    })
    .await
}

pub async fn switching(State(st): State<Arc<AppState>>, Q(p, _): Q<SwitchingQuery>) -> Out {
    heavy(st.clone(), move |_| {
        let rel = st.pick(p.release())?;
        ApiError::needs_whole(&rel, "switching")?;
        let windows = engine::default_windows(&rel);
        let n = windows.len();
        let from = match p.get("from") {
            Some(s) => crate::params::parse_window(s, "from")?,
            None => *windows.get(n.wrapping_sub(2)).ok_or_else(|| {
                ApiError::bad_request(
                    "the release has fewer than two five-year windows: pass 'from' and 'to'",
                )
            })?,
        };
        let to = match p.get("to") {
            Some(s) => crate::params::parse_window(s, "to")?,
            None => *windows
                .last()
                .ok_or_else(|| ApiError::bad_request("pass 'to'"))?,
        };
        let opts = engine::switching::SwitchOptions {
            min_tiv: p.number(
                "min_tiv",
                engine::switching::SwitchOptions::default().min_tiv,
                0.0,
                1e9,
            )?,
            away_from: match p.entity_opt(&rel, "away_from")? {
                Some(id) => match engine::placeholder(&rel, id) {
                    Some(why) => return Err(ApiError::bad_request(format!("away_from: {why}"))),
                    None => Some(id),
                },
                None => None,
            },
            recipient: p.entity_opt(&rel, "country")?,
        };
        if let (Some(a), Some(r)) = (opts.away_from, opts.recipient)
            && a == r
        {
            return Err(ApiError::bad_request(
                "'away_from' and 'country' are the same: a country's share of its own imports \
                 is always 0",
            ));
        }
        let limit = p.limit("limit", 25, 500)?;
        let f = Filter::new(from)
            .with_category(p.category_in(&rel)?)
            .with_basis(p.basis_in(&rel)?);
        if let Some(why) = engine::switching::no_data_window(&rel, &f, to) {
            return Err(ApiError::bad_request(why));
        }
        let mut s = engine::switching::switching(&rel, &f, to, &opts);
        // Overlapping windows share their common years (the CLI says so too).
        let (lo, hi) = (from.start.max(to.start), from.end.min(to.end));
        let overlap = (lo <= hi).then(|| {
            let both = if lo == hi {
                lo.to_string()
            } else {
                format!("{lo}-{hi}")
            };
            format!(
                "the windows {from} and {to} overlap ({both} in both): the two mixes share \
                 those years' deliveries, so moves are damped"
            )
        });
        let ranked = s.rows.len();
        s.rows.truncate(limit);
        let mut v = named(&rel, &s)?;
        v["ranked"] = json!(ranked);
        v["coverage"] =
            json!({"from": present::coverage(&rel, from), "to": present::coverage(&rel, to)});
        v["overlap_warning"] = json!(overlap);
        crate::csvout::reply(&p, &rel, present::envelope(&rel, v), "rows", "switching")
    })
    .await
}

pub async fn event_study(State(st): State<Arc<AppState>>, Q(p, _): Q<EventStudyQuery>) -> Out {
    heavy(st.clone(), move |_| {
        let rel = st.pick(p.release())?;
        ApiError::needs_whole(&rel, "an event study")?;
        let group = pick_group(p.require("group")?)?;
        let member = match p.get("member") {
            None => None,
            Some(m) => {
                let key = sipri::names::Resolver::builtin()
                    .lookup(m)
                    .map_err(|s| {
                        ApiError::not_found(format!("unknown country '{m}'")).with_suggestions(s)
                    })?
                    .key;
                if !group.members().contains(&key.as_str()) {
                    return Err(ApiError::bad_request(format!(
                        "{m} is not a member of {}",
                        group.name
                    ))
                    .with_suggestions(group.members().iter().map(|s| s.to_string()).collect()));
                }
                Some(key)
            }
        };
        let years = p.limit("years", 5, 30)? as u16;
        let filter = Filter::new(Window {
            start: 2000,
            end: 2000,
        })
        .with_category(p.category_in(&rel)?)
        .with_basis(p.basis_in(&rel)?);
        let opts = engine::event::EventOptions {
            years,
            partner: p.entity_opt(&rel, "partner")?,
            filter,
        };
        if let (Some(p), Some(m)) = (opts.partner, member.as_deref())
            && rel.entities.get(p).key == m
        {
            return Err(ApiError::bad_request(format!(
                "'partner' and 'member' are both {m}: a country's share of its own imports is \
                 always 0"
            )));
        }
        let studies = engine::event::event_studies(&rel, &group, member.as_deref(), &opts);
        if studies.is_empty() {
            return Err(ApiError::bad_request(format!(
                "{} has no dated accessions to study",
                group.name
            )));
        }
        let mut named = named(&rel, &studies)?;
        // Each window's coverage, as every windowed answer carries it (a
        // before window reaching before the release was only `before_clipped`).
        if let Some(list) = named.as_array_mut() {
            for (v, s) in list.iter_mut().zip(&studies) {
                v["before_coverage"] = present::coverage(&rel, s.before);
                v["after_coverage"] = present::coverage(&rel, s.after);
                // The mixes of a window the release holds no year of are
                // no data, not zero imports.
                let before_none = !s.before_measured() || opts.filter.at(s.before).no_data(&rel);
                let after_none = opts.filter.at(s.after).no_data(&rel);
                v["before_no_data"] = json!(before_none);
                v["after_no_data"] = json!(after_none);
                // No data is not zero imports (regression: Belgium joining
                // the EU, "before_mix.total 0.0, status complete").
                for (none, mix, group) in [
                    (before_none, "before_mix", "group_before"),
                    (after_none, "after_mix", "group_after"),
                ] {
                    if none {
                        if v[mix].is_object() {
                            // Nor are its estimated and aggregate parts 0
                            // (metrics probe: estimated_share 0.0 there).
                            for k in [
                                "total",
                                "estimated_share",
                                "allocated_share",
                                "aggregate_tiv",
                            ] {
                                if v[mix].get(k).is_some() {
                                    v[mix][k] = Value::Null;
                                }
                            }
                        }
                        v[group] = Value::Null;
                    }
                }
                // The partner's figures of such a window too (alignment
                // probe 27: "tiv_after: 0.0" past the data).
                for (none, keys) in [
                    (before_none, ["tiv_before", "share_before"]),
                    (after_none, ["tiv_after", "share_after"]),
                ] {
                    if none && v["partner"].is_object() {
                        for k in keys {
                            v["partner"][k] = Value::Null;
                        }
                    }
                }
            }
        }
        let v = present::envelope(
            &rel,
            json!({"group": group.name, "years": years, "studies": named}),
        );
        crate::csvout::reply(&p, &rel, v, "studies", "event-study")
    })
    .await
}

pub async fn pipeline(State(st): State<Arc<AppState>>, Q(p, _): Q<PipelineQuery>) -> Out {
    heavy(st.clone(), move |_| {
        // As the CLI: without `release`, the newest legacy register (the
        // latest release is usually a current register, which has no
        // orders; surfaces probe 21: the API refused what the CLI answered).
        let legacy = st
            .releases()
            .iter()
            .filter(|m| m.format == model::SourceFormat::LegacyRegister)
            .map(|m| m.id.clone())
            .max();
        let requested = p.release().map(str::to_string).or(legacy);
        let rel = st.pick(requested.as_deref())?;
        let focus = p.entity(&rel, "country")?;
        let dir = p.direction(Direction::Imports)?;
        let pl = engine::pipeline::pipeline(&rel, focus, dir).map_err(|e| {
            ApiError::new(
                axum::http::StatusCode::BAD_REQUEST,
                "unsupported_release",
                e.to_string(),
            )
        })?;
        let mut v = named(&rel, &pl)?;
        v["caveats"] = json!(pl.caveats());
        // CSV: outstanding TIV by partner (the table the pipeline chart shows).
        crate::csvout::reply(
            &p,
            &rel,
            present::envelope(&rel, v),
            "by_partner",
            "pipeline",
        )
    })
    .await
}

/// `v[outer][..][inner][..]` as lines, each tagged with its parent's `label`.
fn nested(v: &Value, outer: &str, label: &str, inner: &str) -> Vec<Value> {
    let mut out = Vec::new();
    for o in v[outer].as_array().into_iter().flatten() {
        for mut row in o[inner].as_array().cloned().unwrap_or_default() {
            if let Some(m) = row.as_object_mut() {
                m.insert(label.to_string(), o[label].clone());
            }
            out.push(row);
        }
    }
    out
}

/// The release stored just before `b_id`, the default older side of a diff.
pub fn release_before(st: &AppState, b_id: &str) -> Option<String> {
    let metas = st.releases();
    metas
        .iter()
        .position(|m| m.id == b_id)
        .and_then(|i| i.checked_sub(1))
        .and_then(|i| metas.get(i))
        .map(|m| m.id.clone())
}

/// [`crate::Limits::max_diff_flows`] against the flows `opts` would compare.
pub fn diff_size_bound(
    max: usize,
    a: &Release,
    b: &Release,
    opts: &engine::diff::DiffOptions,
) -> ApiResult<()> {
    let count = |r: &Release| match &opts.country {
        None => r.flows.len(),
        Some(k) => match r.entities.by_key(k) {
            None => 0,
            Some(id) => (0..r.flows.len())
                .filter(|&i| r.flows.supplier[i] == id || r.flows.recipient[i] == id)
                .count(),
        },
    };
    let n = count(a) + count(b);
    if n > max {
        return Err(ApiError::limit(
            axum::http::StatusCode::UNPROCESSABLE_ENTITY,
            "diff_too_large",
            format!(
                "these releases hold {n} flows to compare, over this server's bound of \
                 {max}: narrow the diff to one country (country=…), or run \
                 `armsflow diff` on your own machine"
            ),
        ));
    }
    Ok(())
}

/// Diff options from the query, shared by `/api/diff` and the `/diff` page. A
/// country may exist in only one of the releases, so it is resolved in B, then A.
pub fn diff_options(p: &Params, a: &Release, b: &Release) -> ApiResult<engine::diff::DiffOptions> {
    let given = |k: &str| p.get(k).filter(|s| !s.trim().is_empty());
    let country = match given("country") {
        None => None,
        Some(c) => Some(match crate::params::resolve_entity(b, c) {
            Ok(id) => b.entities.get(id).key.clone(),
            Err(e) => match crate::params::resolve_entity(a, c) {
                Ok(id) => a.entities.get(id).key.clone(),
                Err(_) => return Err(e),
            },
        }),
    };
    let years = match given("period") {
        Some(s) => Some(crate::params::parse_window(s, "period")?),
        None => None,
    };
    Ok(engine::diff::DiffOptions {
        threshold: p.number("threshold", 1.0, 0.0, 1e9)?,
        min_relative: p.number("min_change", 0.0, 0.0, 100.0)? / 100.0,
        country,
        years,
    })
}

pub async fn diff(State(st): State<Arc<AppState>>, Q(p, _): Q<DiffQuery>) -> Out {
    heavy(st.clone(), move |_| {
        let b_id = st.resolve_id(p.get("b"))?;
        let a_id = match p.get("a") {
            Some(a) => st.resolve_id(Some(a))?,
            None => release_before(&st, &b_id).ok_or_else(|| {
                ApiError::bad_request(
                    "no earlier release to compare with: pass 'a' (see /api/releases)",
                )
            })?,
        };
        let (a, b) = (st.release(&a_id)?, st.release(&b_id)?);
        let opts = diff_options(&p, &a, &b)?;
        let limit = p.limit("limit", 200, 100_000)?;
        diff_size_bound(st.limits.max_diff_flows, &a, &b, &opts)?;
        let mut d = engine::diff::diff(&a, &b, &opts);
        let total = d.revisions.len();
        d.revisions.truncate(limit);
        // The deal lists obey `limit` too (robustness probe 19: `limit=1`
        // answered 9.8 MB, all 12,600 revised deals); their sizes are kept.
        let deals_total = d.deals.as_mut().map(|x| {
            let n = json!({"added": x.added.len(), "removed": x.removed.len(), "revised": x.revised.len()});
            x.added.truncate(limit);
            x.removed.truncate(limit);
            x.revised.truncate(limit);
            n
        });
        // Each side's import caveats, named by release: the diff is of both
        // (API probe 14: a renamed release's caveat was in no diff answer).
        let caveats: Vec<String> = [&a, &b]
            .iter()
            .flat_map(|r| {
                r.meta
                    .caveats
                    .iter()
                    .map(move |c| format!("release {}: {c}", r.meta.id))
            })
            .collect();
        // The engine's warnings (a newer release given as A) head the answer's
        // notes too, where a client reads them (diff probe 14).
        let warnings: Vec<String> = d
            .notes
            .iter()
            .filter(|n| n.starts_with("WARNING"))
            .cloned()
            .collect();
        let mut v = json!({
            "diff": d,
            "revisions_total": total,
            "deals_total": deals_total,
            "citation_a": a.citation(),
            "citation_b": b.citation(),
            "coverage": opts.years.map(|w| json!({"a": present::coverage(&a, w), "b": present::coverage(&b, w)})),
            "attribution": if a.meta.synthetic || b.meta.synthetic {
                model::SYNTHETIC_ATTRIBUTION
            } else {
                model::SIPRI_ATTRIBUTION
            },
        });
        if !caveats.is_empty() {
            v["caveats"] = json!(caveats);
            for c in caveats {
                present::add_note(&mut v, format!("WARNING: {c}."));
            }
        }
        for w in warnings {
            present::add_note(&mut v, w);
        }
        // CSV: the value revisions; the header names the synthetic side if any.
        let side = if a.meta.synthetic { &a } else { &b };
        crate::csvout::reply_with(&p, side, v, |v| {
            v["diff"]["revisions"].as_array().cloned().unwrap_or_default()
        }, "diff")
    })
    .await
}
