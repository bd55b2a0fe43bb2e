//! The claim checker: paste a sentence or an article, see each claim found,
//! its verdict, the computed figure and the release that decided it. The form
//! posts to this page (no script needed); with script it fills in place.

use super::{Ctx, Page, render, render_heavy};
use crate::query::{Q, ReleaseQuery};
use crate::state::AppState;
use axum::body::Body;
use axum::extract::State;
use axum::response::{IntoResponse, Response};
use maud::{Markup, html};
use serde_json::Value;
use std::sync::Arc;

/// Our own test article (German, about Kazakhstan and the Abraham Accords; not SIPRI data),
/// checked end to end in docs/claims.md.
const SEED_ARTICLE: &str =
    include_str!("../../../../examples/seed-article-kazakhstan-abraham-accords-de.txt");

const EXAMPLE: &str = "From 2020 to 2024, 88 % of Kazakhstan's arms imports came from Russia, \
making it the third-largest buyer of Russian arms.";

pub async fn page(State(st): State<Arc<AppState>>, Q(p, _): Q<ReleaseQuery>) -> Response {
    render(st, p, "/claims".into(), |ctx| Ok(build(ctx, None))).await
}

pub async fn submit(
    State(st): State<Arc<AppState>>,
    Q(p, _): Q<ReleaseQuery>,
    body: Body,
) -> Response {
    let bytes = match crate::api::read_body(body, st.limits.max_body).await {
        Ok(b) => b,
        Err(e) => return e.into_response(),
    };
    let text = form_urlencoded::parse(&bytes)
        .find(|(k, _)| k == "text")
        .map(|(_, v)| v.into_owned())
        .unwrap_or_default();
    render_heavy(st, p, "/claims".into(), move |ctx| {
        Ok(build(ctx, Some(&text)))
    })
    .await
}

fn build(ctx: &Ctx, text: Option<&str>) -> Page {
    let action = ctx.href("/claims", &[]);
    let body = html! {
        h1 { "Claim checker" }
        p.lede {
            "Paste a sentence or a whole article, in English or German. \
    armsflow finds each claim about arms-transfer shares, ranks and changes and checks it against the release \
    shown below; the tolerance follows the precision the claim states (\u{201c}88 %\u{201d} accepts 87.5–88.5)."
        }
        @if let Some(why) = claims::refusal(&ctx.rel) {
            p.note role="note" { strong { "No verdicts on demo data." } " " (why) }
        }
        form method="post" action=(action) data-api="/api/claims" data-render="claims" data-target="claim-results" {
            label for="claim-text" { strong { "Text to check" } }
            textarea #claim-text name="text" required placeholder=(EXAMPLE) { (text.unwrap_or("")) }
            div.form-row {
                button type="submit" { "Check claims" }
                span.note { "Example: " (EXAMPLE) }
            }
        }
        form.form-row method="post" action=(action) {
            input type="hidden" name="text" value=(SEED_ARTICLE);
            button type="submit" { "Load and check the seed article" }
            span.note { "Our own German test article on Kazakhstan and the Abraham Accords (not SIPRI data)." }
        }
        section #claim-results tabindex="-1" aria-live="polite" {
            @if let Some(t) = text.filter(|t| !t.trim().is_empty()) {
                @match crate::api::text::check(&ctx.rel, t, ctx.st.limits.max_claims, &ctx.cancel) {
                    Ok(v) => (results_html(&v)),
                    Err(e) => p role="alert" { (e.message) },
                }
            }
        }
    };
    Page {
        title: "Claim checker".into(),
        body: body.into_string(),
    }
}

fn verdict_class(v: &str) -> &'static str {
    match v {
        "supported" => "supported",
        "not_supported" => "not_supported",
        _ => "cannot_check",
    }
}

/// The verdict list; `app.js` renders the same structure from the API.
fn results_html(v: &Value) -> Markup {
    if let Some(e) = v.get("error").and_then(Value::as_str) {
        return html! { p role="alert" { (e) } };
    }
    let claims = v["claims"].as_array().cloned().unwrap_or_default();
    let sentence = |i: &Value| {
        v["sentences"][i.as_u64().unwrap_or(0) as usize]["text"]
            .as_str()
            .unwrap_or("")
            .to_string()
    };
    let s = |c: &Value, k: &str| c[k].as_str().unwrap_or("").to_string();
    let skipped = v["skipped"].as_array().cloned().unwrap_or_default();
    html! {
        h2 { (claims.len()) " claim" @if claims.len() != 1 { "s" } " found" }
        @if claims.is_empty() {
            p { "No checkable claim in this text. Claims need a number or a rank about arms imports or exports, e.g. a share, a rank or a change between periods." }
        }
        @for c in &claims {
            @let verdict = c["verdict"].as_str().unwrap_or("");
            div.result {
                p {
                    // Verdict and explanation in the sentence's language (`lang`).
                    span class={ "verdict " (verdict_class(verdict)) } lang=[c["lang"].as_str()] {
                        (c["verdict_localized"].as_str().or(c["verdict_text"].as_str()).unwrap_or(verdict))
                    }
                    " " (sentence(&c["sentence"]))
                }
                p.muted { "Claim: " code { (s(c, "structured")) } }
                p lang=[c["lang"].as_str()] {
                    (c["explanation_localized"].as_str().unwrap_or(&s(c, "explanation")))
                }
                @if let Some(t) = c["tolerance_localized"].as_str().or(c["tolerance"].as_str()) {
                    p.note { "Accepted interval: " span lang=[c["lang"].as_str()] { (t) } }
                }
                @if let Some(e) = c["estimated_share"].as_f64() {
                    p.note { (crate::present::pct(e)) " of the figure rests on SIPRI estimates." }
                }
                p.note { (s(c, "citation")) }
            }
        }
        // Claim-like sentences that were not checked, with the reason.
        @if !skipped.is_empty() {
            h3 { "Not checked (" (skipped.len()) ")" }
            ul.skipped {
                @for k in &skipped {
                    li {
                        (sentence(&k["sentence"])) " "
                        span.note lang=[k["lang"].as_str()] {
                            "(" (k["reason_localized"].as_str().unwrap_or(&s(k, "reason"))) ")"
                        }
                    }
                }
            }
        }
    }
}
