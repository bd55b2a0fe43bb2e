//! The two POST queries: scenarios (TOML or JSON, the CLI's file format) and
//! claims (a sentence, an article, or the structured claim form).

use super::analysis::named;
use super::compute;
use crate::error::{ApiError, ApiResult};
use crate::params::Params;
use crate::present;
use crate::state::AppState;
use axum::Json;
use axum::body::{Body, Bytes};
use axum::extract::State;
use axum::http::{HeaderMap, header};
use engine::scenario::{ScenarioSpec, run_spec};
use model::{EntityId, Release};
use serde_json::{Value, json};
use std::sync::Arc;

type Out = ApiResult<Json<Value>>;

fn is_json(headers: &HeaderMap) -> bool {
    headers
        .get(header::CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
        .is_some_and(|v| v.trim_start().starts_with("application/json"))
}

fn utf8(body: &Bytes) -> ApiResult<&str> {
    std::str::from_utf8(body).map_err(|_| ApiError::bad_request("the body is not UTF-8 text"))
}

/// A scenario from a JSON body (`application/json`) or TOML (anything else).
pub fn parse_scenario(headers: &HeaderMap, body: &Bytes) -> ApiResult<ScenarioSpec> {
    if body.is_empty() {
        return Err(ApiError::bad_request(
            "empty body: send a scenario as TOML or JSON",
        ));
    }
    if is_json(headers) {
        serde_json::from_slice(body)
            .map_err(|e| ApiError::bad_request(format!("scenario JSON: {e}")))
    } else {
        toml::from_str(utf8(body)?).map_err(|e| {
            ApiError::bad_request(format!("scenario TOML: {}", e.to_string().trim_end()))
        })
    }
}

/// Scenario names → entities: the resolver's spellings, then the release's names.
fn resolver(rel: &Release) -> impl Fn(&str) -> Option<EntityId> + '_ {
    |q: &str| crate::params::resolve_entity(rel, q).ok()
}

pub async fn scenario(
    State(st): State<Arc<AppState>>,
    p: Params,
    headers: HeaderMap,
    body: Body,
) -> Out {
    let body = super::read_body(body, st.limits.max_body).await?;
    compute(move || {
        let rel = st.pick(p.release())?;
        let spec = parse_scenario(&headers, &body)?;
        let res = run_spec(&rel, &spec, &resolver(&rel)).map_err(|e| {
            let msg = e.to_string();
            if msg.contains("unknown country") {
                ApiError::not_found(msg)
            } else {
                ApiError::bad_request(msg)
            }
        })?;
        let mut v = named(&rel, &res)?;
        v["spec"] = serde_json::to_value(&spec).unwrap_or(Value::Null);
        v["coverage"] = present::coverage(&rel, res.filter.window);
        Ok(Json(present::envelope(&rel, v)))
    })
    .await
}

/// The text of a claims request: a JSON `{"text": …}` or the raw body.
fn claim_text(headers: &HeaderMap, body: &Bytes) -> ApiResult<String> {
    let text = if is_json(headers) {
        let v: Value = serde_json::from_slice(body)
            .map_err(|e| ApiError::bad_request(format!("JSON body: {e}")))?;
        v.get("text")
            .and_then(Value::as_str)
            .ok_or_else(|| ApiError::bad_request("JSON body needs a string field 'text'"))?
            .to_string()
    } else {
        utf8(body)?.to_string()
    };
    if text.trim().is_empty() {
        return Err(ApiError::bad_request(
            "empty text: send a sentence, an article or a structured claim",
        ));
    }
    Ok(text)
}

/// Checks every claim in `text` against `rel`; the shared core of the API and the page.
pub fn check(rel: &Release, text: &str) -> Value {
    if let Some(why) = claims::refusal(rel) {
        return json!({"claims": [], "skipped": [], "error": why, "refused": true});
    }
    let names = claims::Names::builtin();
    let (checks, skipped) = if claims::looks_structured(text) {
        match claims::check_input(text, rel, names) {
            Ok(c) => (c, Vec::new()),
            Err(e) => {
                return json!({"claims": [], "skipped": [], "error": e.to_string()});
            }
        }
    } else {
        claims::check_text(text, rel, names)
    };
    let rows: Vec<Value> = checks
        .iter()
        .map(|c| {
            let mut v = serde_json::to_value(&c.checked).unwrap_or(Value::Null);
            v["sentence"] = json!(c.sentence);
            v["offset"] = json!(c.offset);
            v["verdict_text"] = json!(c.checked.verdict_label());
            v
        })
        .collect();
    let supported = checks
        .iter()
        .filter(|c| c.checked.verdict == claims::Verdict::Supported)
        .count();
    json!({
        "claims": rows,
        "found": checks.len(),
        "supported": supported,
        "skipped": serde_json::to_value(&skipped).unwrap_or(Value::Null),
    })
}

pub async fn claims(
    State(st): State<Arc<AppState>>,
    p: Params,
    headers: HeaderMap,
    body: Body,
) -> Out {
    let body = super::read_body(body, st.limits.max_body).await?;
    compute(move || {
        let rel = st.pick(p.release())?;
        let text = claim_text(&headers, &body)?;
        let v = check(&rel, &text);
        if let Some(e) = v.get("error").and_then(Value::as_str) {
            if v["refused"] == true {
                // Synthetic data: no verdict at all, and a status no client mistakes for one.
                return Err(ApiError::new(
                    axum::http::StatusCode::UNPROCESSABLE_ENTITY,
                    "needs_sipri_release",
                    e.to_string(),
                ));
            }
            return Err(ApiError::bad_request(e.to_string()));
        }
        Ok(Json(present::envelope(&rel, v)))
    })
    .await
}
