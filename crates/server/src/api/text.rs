//! The two POST queries: scenarios (TOML or JSON, the CLI's file format) and
//! claims (a sentence, an article, or the structured claim form).

use super::analysis::named;
use crate::error::{ApiError, ApiResult};
use crate::present;
use crate::query::{Q, ReleaseQuery};
use crate::state::AppState;
use crate::work::{Cancel, cancelled};
use axum::Json;
use axum::body::{Body, Bytes};
use axum::extract::State;
use axum::http::StatusCode;
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
        let text = utf8(body)?;
        toml::from_str(text).map_err(|e| {
            // A JSON object sent without its content type (robustness probe
            // 19: a TOML error with no word of why TOML was read).
            let hint = if text.trim_start().starts_with('{') {
                " (the body looks like JSON: send it with Content-Type: application/json)"
            } else {
                ""
            };
            ApiError::bad_request(format!("scenario TOML: {}{hint}", e.to_string().trim_end()))
        })
    }
}

/// Scenario names → entities: the resolver's spellings, then the release's names.
fn resolver(rel: &Release) -> impl Fn(&str) -> Option<EntityId> + '_ {
    |q: &str| crate::params::resolve_entity(rel, q).ok()
}

pub async fn scenario(
    State(st): State<Arc<AppState>>,
    Q(p, _): Q<ReleaseQuery>,
    headers: HeaderMap,
    body: Body,
) -> Out {
    let body = super::read_body(body, st.limits.max_body).await?;
    let st2 = st.clone();
    st.heavy
        .run(move |_| {
            let st = st2;
            let rel = st.pick(p.release())?;
            let spec = parse_scenario(&headers, &body)?;
            let resolve = resolver(&rel);
            let res = run_spec(&rel, &spec, &resolve).map_err(|e| {
                let msg = format!("{e}{}", e.alignment_hint());
                if msg.contains("unknown country") {
                    ApiError::not_found(msg)
                } else {
                    ApiError::bad_request(msg)
                }
            })?;
            let mut v = named(&rel, &res)?;
            v["spec"] = serde_json::to_value(&spec).unwrap_or(Value::Null);
            v["coverage"] = present::coverage(&rel, res.filter.window);
            // Regression (alignment probe 12): the answer carried SIPRI's
            // attribution and no word that its scenario figures are ours.
            v["projection"] = json!(true);
            let mut v = present::envelope(&rel, v);
            present::add_note(
                &mut v,
                "The scenario figures are a projection, not SIPRI data: arithmetic on the \
                 baseline mix by the shifts given, not a forecast; other recipients' deliveries \
                 are held fixed."
                    .into(),
            );
            // As the CLI says it (alignment probe 17: "to NATO" went to NATO** unsaid).
            for note in sipri::country::organisation_notes(&rel, &spec.names(), &resolve) {
                present::add_note(&mut v, note);
            }
            for note in engine::scenario::no_exports_notes(&rel, &res) {
                present::add_note(&mut v, note);
            }
            Ok(Json(v))
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

/// Longest sentence the extractor is given. Real sentences are a few hundred
/// bytes; a run-on "sentence" of 250 KB once produced thousands of claims that
/// each repeated it. Longer ones are listed as skipped, never checked.
pub const MAX_SENTENCE: usize = 2_000;

/// Checks every claim in `text` against `rel`; the shared core of the API and
/// the page. Each sentence is printed once (`sentences`); claims and skipped
/// near-misses refer to it by index, so the answer grows linearly with the text.
/// Over `max_claims` claims is a 422 before any is checked; `cancel` is checked
/// between claims.
pub fn check(rel: &Release, text: &str, max_claims: usize, cancel: &Cancel) -> ApiResult<Value> {
    if let Some(why) = claims::refusal_for(rel, text) {
        // Synthetic data: no verdict at all, and a status no client mistakes for one.
        return Err(ApiError::limit(
            StatusCode::UNPROCESSABLE_ENTITY,
            "needs_sipri_release",
            why,
        ));
    }
    let names = claims::Names::builtin();
    let mut sentences = Sentences::default();
    let mut skipped: Vec<Value> = Vec::new();
    let mut rows: Vec<Value> = Vec::new();
    let mut supported = 0;
    let mut push =
        |sentences: &mut Sentences, c: &claims::Checked, sentence: &str, offset: usize| {
            let i = sentences.index(offset, sentence);
            let mut v = serde_json::to_value(c).unwrap_or(Value::Null);
            v["sentence"] = json!(i);
            v["offset"] = json!(offset);
            v["verdict_text"] = json!(c.verdict_label());
            if c.verdict == claims::Verdict::Supported {
                supported += 1;
            }
            rows.push(v);
        };
    if claims::looks_structured(text) {
        let c = claims::parse(text, names).map_err(|e| ApiError::bad_request(e.to_string()))?;
        push(&mut sentences, &claims::check(&c, rel), text.trim(), 0);
    } else {
        let clean = blank_long_sentences(text, &mut sentences, &mut skipped)?;
        cancel.check()?;
        let ex = claims::extract(&clean, names);
        let n = ex.claims.len() + ex.blocked.len();
        if n > max_claims {
            return Err(ApiError::limit(
                StatusCode::UNPROCESSABLE_ENTITY,
                "too_many_claims",
                format!(
                    "the text holds {n} claims; the limit is {max_claims} per request: split the text"
                ),
            ));
        }
        // The claims crate's own pipeline (every shape, blocked claims as
        // cannot-be-checked), asked before each claim whether to go on.
        let groups = claims::shapes::builtin_groups();
        let Some((checks, near)) = claims::check_found(ex, rel, groups, || !cancel.is_cancelled())
        else {
            return Err(cancel.check().err().unwrap_or_else(cancelled));
        };
        for c in &checks {
            push(&mut sentences, &c.checked, &c.sentence, c.offset);
        }
        for s in &near {
            let i = sentences.index(s.offset, &s.sentence);
            skipped.push(json!({
                "sentence": i,
                "offset": s.offset,
                "reason": s.reason,
                "lang": s.lang,
                "reason_localized": s.reason_localized,
            }));
        }
    }
    Ok(json!({
        "sentences": sentences.list,
        "claims": rows,
        "found": rows.len(),
        "supported": supported,
        "skipped": skipped,
        "limits": {"max_claims": max_claims, "max_sentence_bytes": MAX_SENTENCE},
    }))
}

/// Sentences by byte offset, each stored once.
#[derive(Default)]
struct Sentences {
    list: Vec<Value>,
    at: std::collections::HashMap<usize, usize>,
}

impl Sentences {
    fn index(&mut self, offset: usize, text: &str) -> usize {
        *self.at.entry(offset).or_insert_with(|| {
            self.list.push(json!({"offset": offset, "text": text}));
            self.list.len() - 1
        })
    }
}

/// `text` with every sentence over [`MAX_SENTENCE`] bytes replaced by spaces
/// (offsets stay valid), each listed as skipped with the reason.
fn blank_long_sentences(
    text: &str,
    sentences: &mut Sentences,
    skipped: &mut Vec<Value>,
) -> ApiResult<String> {
    use claims::lex::{detect, lex, sentences as split};
    let mut out = text.to_string();
    for s in split(text, lex(text, detect(text))) {
        if s.text.len() <= MAX_SENTENCE {
            continue;
        }
        let end = s.start + s.text.len();
        match out.get(s.start..end) {
            Some(_) if text.is_char_boundary(s.start) && text.is_char_boundary(end) => {
                out.replace_range(s.start..end, &" ".repeat(end - s.start));
            }
            _ => {
                return Err(ApiError::limit(
                    StatusCode::UNPROCESSABLE_ENTITY,
                    "sentence_too_long",
                    format!("a sentence is over the limit of {MAX_SENTENCE} bytes"),
                ));
            }
        }
        let head: String = s.text.chars().take(200).collect();
        let i = sentences.index(s.start, &format!("{head}…"));
        let why: claims::i18n::Msg = claims::i18n::Reason::TooLong {
            bytes: s.text.len(),
            limit: MAX_SENTENCE,
        }
        .into();
        let lang = claims::lex::detect_or(&head, detect(text));
        skipped.push(json!({
            "sentence": i,
            "offset": s.start,
            "reason": why.english(),
            "lang": lang,
            "reason_localized": why.render(lang),
        }));
    }
    Ok(out)
}

pub async fn claims(
    State(st): State<Arc<AppState>>,
    Q(p, _): Q<ReleaseQuery>,
    headers: HeaderMap,
    body: Body,
) -> Out {
    let body = super::read_body(body, st.limits.max_body).await?;
    let st2 = st.clone();
    st.heavy
        .run(move |cancel| {
            let rel = st2.pick(p.release())?;
            let text = claim_text(&headers, &body)?;
            let v = check(&rel, &text, st2.limits.max_claims, cancel)?;
            Ok(Json(present::envelope(&rel, v)))
        })
        .await
}
