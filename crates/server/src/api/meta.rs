//! Releases (list, detail, admin import), search, health and the OpenAPI document.

use super::compute;
use crate::error::{ApiError, ApiResult};
use crate::harden::check_admin;
use crate::params::{Params, search as search_entities};
use crate::present;
use crate::state::AppState;
use axum::Json;
use axum::body::Body;
use axum::extract::{Path, State};
use axum::http::{HeaderMap, StatusCode};
use axum::response::{IntoResponse, Response};
use serde_json::{Value, json};
use std::sync::{Arc, OnceLock};

pub async fn health(State(st): State<Arc<AppState>>) -> ApiResult<Json<Value>> {
    let id = st.resolve_id(None)?;
    Ok(Json(json!({
        "status": "ok",
        "release": {"id": id},
        "synthetic_demo": st.demo().is_some() && st.releases().is_empty(),
        "read_only": st.admin_token.is_none(),
    })))
}

pub async fn releases(State(st): State<Arc<AppState>>) -> ApiResult<Json<Value>> {
    let metas = st.releases();
    let mut list: Vec<Value> = metas.iter().map(present::release_meta).collect();
    if let Some(d) = st.demo() {
        list.push(present::release_meta(&d.meta));
    }
    Ok(Json(json!({
        "default": st.resolve_id(None).ok(),
        "releases": list,
        "attribution": model::SIPRI_ATTRIBUTION,
    })))
}

pub async fn release(
    State(st): State<Arc<AppState>>,
    Path(id): Path<String>,
) -> ApiResult<Json<Value>> {
    compute(move || {
        let id = st.resolve_id(Some(&id))?;
        let rel = st.release(&id)?;
        let report = if rel.meta.synthetic {
            Value::Null
        } else {
            st.import_report(&id).map_or(Value::Null, |r| {
                serde_json::to_value(r).unwrap_or(Value::Null)
            })
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
    headers: HeaderMap,
    p: Params,
    body: Body,
) -> Response {
    match import_inner(st, headers, p, body).await {
        Ok(r) => r,
        Err(e) => e.into_response(),
    }
}

async fn import_inner(
    st: Arc<AppState>,
    headers: HeaderMap,
    p: Params,
    body: Body,
) -> ApiResult<Response> {
    // Authorise before reading a byte of the body.
    check_admin(st.admin_token.as_deref(), &headers)?;
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
    let (meta, report, created) = compute(move || st.import(&name, &bytes)).await?;
    let status = if created {
        StatusCode::CREATED
    } else {
        StatusCode::OK
    };
    let body = json!({
        "created": created,
        "release": present::release_meta(&meta),
        "import_report": report,
    });
    Ok((status, Json(body)).into_response())
}

pub async fn search(State(st): State<Arc<AppState>>, p: Params) -> ApiResult<Json<Value>> {
    let rel = st.pick(p.release())?;
    let q = p.require("q")?;
    let limit = p.limit("limit", 10, 50)?;
    let hits = search_entities(&rel, q, limit);
    let hits: Vec<Value> = hits
        .into_iter()
        .map(|h| {
            let url = format!("/country/{}", h.key);
            let mut v = serde_json::to_value(&h).unwrap_or(Value::Null);
            v["url"] = json!(url);
            v
        })
        .collect();
    Ok(Json(present::envelope(
        &rel,
        json!({"query": q, "hits": hits}),
    )))
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
