//! Releases (list, detail, admin import), search, health and the OpenAPI document.

use super::light;
use crate::error::{ApiError, ApiResult};
use crate::harden::Peer;
use crate::harden::authorize;
use crate::params::{Params, search as search_entities};
use crate::present;
use crate::query::*;
use crate::state::AppState;
use axum::Extension;
use axum::Json;
use axum::body::Body;
use axum::extract::{Path, State};
use axum::http::{HeaderMap, StatusCode};
use axum::response::{IntoResponse, Response};
use serde_json::{Value, json};
use std::sync::{Arc, OnceLock};

/// `/api/health`'s answer.
#[derive(serde::Serialize, utoipa::ToSchema)]
pub struct Health {
    /// `ok`, or `degraded` when `releases/` holds entries that are not valid
    /// releases or the data dir could not be re-read (the last good listing
    /// is still served)
    pub status: &'static str,
    /// The release served by default; `null` when every stored release is
    /// damaged (status `degraded`)
    pub release: Option<ReleaseRef>,
    /// Valid releases stored
    pub releases: usize,
    /// Entries of `releases/` that are not valid releases, by name
    pub damaged: Vec<DamagedEntry>,
    /// Why the last re-read of the data dir failed, if it did
    pub data_dir_error: Option<String>,
    /// Seconds since the data dir was last read
    pub checked_seconds_ago: u64,
    /// Whether the server shows the SYNTHETIC demo (no release stored)
    pub synthetic_demo: bool,
    /// Whether imports are disabled (no admin token)
    pub read_only: bool,
    /// Program version
    pub version: &'static str,
}

#[derive(serde::Serialize, utoipa::ToSchema)]
pub struct ReleaseRef {
    pub id: String,
    /// Whether it is SYNTHETIC (armsflow's generated data, not SIPRI's): a
    /// store may hold only a generated file (diff probe 14)
    pub synthetic: bool,
}

#[derive(serde::Serialize, utoipa::ToSchema)]
pub struct DamagedEntry {
    /// The entry's name inside `releases/` (a release id for a damaged release)
    pub name: String,
    /// What is wrong, naming the file inside the entry (never a path)
    pub reason: String,
}

pub async fn health(State(st): State<Arc<AppState>>) -> ApiResult<Json<Health>> {
    // The default release loaded (kept after the first time): damage only a
    // load sees is then reported here before any query meets it
    // (hostile-files probe 4: "ok" while every default query answered 409).
    // Not again once found damaged: a poll would re-read it every time.
    if let Ok(id) = st.resolve_id(None)
        && !st.health().damaged.iter().any(|d| d.0 == id)
    {
        let st2 = st.clone();
        let _ = tokio::task::spawn_blocking(move || st2.release(&id).map(drop)).await;
    }
    let h = st.health();
    let degraded = h.error.is_some() || !h.damaged.is_empty();
    // A store whose only release is damaged is degraded, not empty: the
    // health answer says so rather than "no release stored".
    let id = match st.resolve_id(None) {
        Ok(id) => Some(id),
        Err(_) if degraded => None,
        Err(e) => return Err(e),
    };
    Ok(Json(Health {
        status: if degraded { "degraded" } else { "ok" },
        release: id.map(|id| ReleaseRef {
            synthetic: st.releases().iter().any(|m| m.id == id && m.synthetic)
                || st.demo().is_some_and(|d| d.meta.id == id),
            id,
        }),
        releases: h.releases,
        damaged: damaged_entries(&h.damaged),
        data_dir_error: h.error.clone(),
        checked_seconds_ago: h.checked_secs_ago,
        synthetic_demo: st.demo().is_some() && st.releases().is_empty(),
        read_only: st.admin_token.is_none(),
        version: crate::cache::VERSION,
    }))
}

/// `/api/releases`' answer.
#[derive(serde::Serialize, utoipa::ToSchema)]
pub struct ReleaseList {
    /// The release served when a request names none
    pub default: Option<String>,
    /// Stored releases, oldest first, then the SYNTHETIC demo if shown
    pub releases: Vec<present::ReleaseInfo>,
    /// Entries of `releases/` that are not valid releases (a release with a
    /// damaged or missing file, or a stray entry), by name: left out of
    /// `releases` and of the default; importing the original file again
    /// repairs a damaged release
    pub damaged: Vec<DamagedEntry>,
    pub attribution: &'static str,
}

pub async fn releases(State(st): State<Arc<AppState>>) -> ApiResult<Json<ReleaseList>> {
    let metas = st.releases();
    let mut list: Vec<present::ReleaseInfo> = metas.iter().map(Into::into).collect();
    if let Some(d) = st.demo() {
        list.push((&d.meta).into());
    }
    Ok(Json(ReleaseList {
        default: st.resolve_id(None).ok(),
        releases: list,
        damaged: damaged_entries(&st.health().damaged),
        attribution: model::SIPRI_ATTRIBUTION,
    }))
}

fn damaged_entries(d: &[(String, String)]) -> Vec<DamagedEntry> {
    d.iter()
        .map(|(name, reason)| DamagedEntry {
            name: name.clone(),
            reason: reason.clone(),
        })
        .collect()
}

pub async fn release(
    State(st): State<Arc<AppState>>,
    Path(id): Path<String>,
) -> ApiResult<Json<Value>> {
    light(st.clone(), move |_| {
        let id = st.resolve_id(Some(&id))?;
        let rel = st.release(&id)?;
        let report = if rel.meta.synthetic {
            Value::Null
        } else {
            st.import_report(&id)
                .map_or(Value::Null, |r| present::import_report(&r))
        };
        Ok(Json(json!({
            "release": present::release_meta(&rel.meta),
            "entities": rel.entities.len(),
            "deals": rel.deals.len(),
            "flows": rel.flows.len(),
            "total_tiv": rel.flows.total_tiv(),
            "import_report": report,
            "attribution": rel.attribution(),
        })))
    })
    .await
}

/// `POST /api/releases`: the raw file as the body, admin token required.
pub async fn import(
    State(st): State<Arc<AppState>>,
    peer: Option<Extension<Peer>>,
    headers: HeaderMap,
    Q(p, _): Q<ImportQuery>,
    body: Body,
) -> Response {
    match import_inner(st, peer, headers, p, body).await {
        Ok(r) => r,
        Err(e) => e.into_response(),
    }
}

async fn import_inner(
    st: Arc<AppState>,
    peer: Option<Extension<Peer>>,
    headers: HeaderMap,
    p: Params,
    body: Body,
) -> ApiResult<Response> {
    // Authorise before reading a byte of the body.
    authorize(&st, &headers, peer.map(|p| p.0.0))?;
    let max = st.limits.max_upload;
    let bytes = axum::body::to_bytes(body, max).await.map_err(|_| {
        ApiError::new(
            StatusCode::PAYLOAD_TOO_LARGE,
            "too_large",
            format!("the file is over the upload limit of {max} bytes"),
        )
    })?;
    if bytes.is_empty() {
        return Err(ApiError::bad_request(
            "empty body: send the SIPRI file as the request body",
        ));
    }
    let name = p
        .get("file_name")
        .map(|n| n.rsplit(['/', '\\']).next().unwrap_or(n).to_string())
        .unwrap_or_else(|| "upload.csv".to_string());
    let (meta, report, created) = light(st.clone(), move |_| st.import(&name, &bytes)).await?;
    let status = if created {
        StatusCode::CREATED
    } else {
        StatusCode::OK
    };
    let body = json!({
        "created": created,
        "release": present::release_meta(&meta),
        "import_report": present::import_report(&report),
    });
    Ok((status, Json(body)).into_response())
}

pub async fn search(
    State(st): State<Arc<AppState>>,
    Q(p, _): Q<SearchQuery>,
) -> ApiResult<Json<Value>> {
    light(st.clone(), move |_| {
        let rel = st.pick(p.release())?;
        let q = p.require("q")?;
        let limit = p.limit("limit", 10, 50)?;
        let hits = search_entities(&rel, q, limit);
        let hits: Vec<Value> = hits
            .into_iter()
            .map(|h| {
                let url = format!("/country/{}", h.key);
                // The name in each interface language that has one, so the
                // search box of a German page can show "Russland".
                let names: serde_json::Map<String, Value> = model::Lang::ALL
                    .iter()
                    .filter_map(|&l| {
                        model::locale::name_of_key(&h.key, l).map(|n| (l.code().into(), json!(n)))
                    })
                    .collect();
                let mut v = serde_json::to_value(&h).unwrap_or(Value::Null);
                v["url"] = json!(url);
                v["names"] = Value::Object(names);
                v
            })
            .collect();
        Ok(Json(present::envelope(
            &rel,
            json!({"query": q, "hits": hits}),
        )))
    })
    .await
}

pub async fn openapi() -> Response {
    static DOC: OnceLock<String> = OnceLock::new();
    let doc = DOC.get_or_init(|| crate::openapi::document().to_string());
    (
        [(axum::http::header::CONTENT_TYPE, "application/json")],
        doc.as_str(),
    )
        .into_response()
}
