//! The claim checker: paste a sentence or an article, see each claim found,
//! its verdict, the computed figure and the release that decided it. The form
//! posts to this page (no script needed); with script it fills in place.

use super::{Ctx, Page, render, render_heavy};
use crate::html::esc;
use crate::query::{Q, ReleaseQuery};
use crate::state::AppState;
use axum::body::Body;
use axum::extract::State;
use axum::response::{IntoResponse, Response};
use serde_json::Value;
use std::fmt::Write;
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
    let mut b = String::from(
        "<h1>Claim checker</h1><p class=\"lede\">Paste a sentence or a whole article, in English or German. \
armsflow finds each claim about arms-transfer shares, ranks and changes and checks it against the release \
shown below; the tolerance follows the precision the claim states (\u{201c}88 %\u{201d} accepts 87.5–88.5).</p>",
    );
    if let Some(why) = claims::refusal(&ctx.rel) {
        let _ = write!(
            b,
            "<p class=\"note\" role=\"note\"><strong>No verdicts on demo data.</strong> {}</p>",
            esc(&why)
        );
    }
    let action = ctx.href("/claims", &[]);
    let _ = write!(
        b,
        "<form method=\"post\" action=\"{}\" data-api=\"/api/claims\" data-render=\"claims\" data-target=\"claim-results\">\
<label for=\"claim-text\"><strong>Text to check</strong></label>\
<textarea id=\"claim-text\" name=\"text\" required placeholder=\"{}\">{}</textarea>\
<div class=\"form-row\"><button type=\"submit\">Check claims</button>\
<span class=\"note\">Example: {}</span></div></form>\
<form method=\"post\" action=\"{}\" class=\"form-row\"><input type=\"hidden\" name=\"text\" value=\"{}\">\
<button type=\"submit\">Load and check the seed article</button>\
<span class=\"note\">Our own German test article on Kazakhstan and the Abraham Accords (not SIPRI data).</span></form>",
        esc(&action),
        esc(EXAMPLE),
        esc(text.unwrap_or("")),
        esc(EXAMPLE),
        esc(&action),
        esc(SEED_ARTICLE)
    );
    b.push_str("<section id=\"claim-results\" tabindex=\"-1\" aria-live=\"polite\">");
    if let Some(t) = text.filter(|t| !t.trim().is_empty()) {
        match crate::api::text::check(&ctx.rel, t, ctx.st.limits.max_claims, &ctx.cancel) {
            Ok(v) => b.push_str(&results_html(&v)),
            Err(e) => {
                let _ = write!(b, "<p role=\"alert\">{}</p>", esc(&e.message));
            }
        }
    }
    b.push_str("</section>");
    Page {
        title: "Claim checker".into(),
        body: b,
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
fn results_html(v: &Value) -> String {
    let mut s = String::new();
    if let Some(e) = v.get("error").and_then(Value::as_str) {
        let _ = write!(s, "<p role=\"alert\">{}</p>", esc(e));
        return s;
    }
    let claims = v["claims"].as_array().cloned().unwrap_or_default();
    let sentence =
        |c: &Value| v["sentences"][c["sentence"].as_u64().unwrap_or(0) as usize]["text"].clone();
    let _ = write!(
        s,
        "<h2>{} claim{} found</h2>",
        claims.len(),
        if claims.len() == 1 { "" } else { "s" }
    );
    if claims.is_empty() {
        s.push_str("<p>No checkable claim in this text. Claims need a number or a rank about arms imports or exports, e.g. a share, a rank or a change between periods.</p>");
    }
    for c in &claims {
        let verdict = c["verdict"].as_str().unwrap_or("");
        let _ = write!(
            s,
            "<div class=\"result\"><p><span class=\"verdict {}\">{}</span> {}</p>\
<p class=\"muted\">Claim: <code>{}</code></p><p>{}</p>",
            verdict_class(verdict),
            esc(c["verdict_text"].as_str().unwrap_or(verdict)),
            esc(sentence(c).as_str().unwrap_or("")),
            esc(c["structured"].as_str().unwrap_or("")),
            esc(c["explanation"].as_str().unwrap_or(""))
        );
        if let Some(t) = c["tolerance"].as_str() {
            let _ = write!(s, "<p class=\"note\">Accepted interval: {}</p>", esc(t));
        }
        if let Some(e) = c["estimated_share"].as_f64() {
            let _ = write!(
                s,
                "<p class=\"note\">{} of the figure rests on SIPRI estimates.</p>",
                crate::present::pct(e)
            );
        }
        let _ = write!(
            s,
            "<p class=\"note\">{}</p></div>",
            esc(c["citation"].as_str().unwrap_or(""))
        );
    }
    skipped_html(&mut s, v);
    s
}

/// Claim-like sentences that were not checked, with the reason.
fn skipped_html(s: &mut String, v: &Value) {
    let skipped = v["skipped"].as_array().cloned().unwrap_or_default();
    if skipped.is_empty() {
        return;
    }
    let _ = write!(
        s,
        "<h3>Not checked ({})</h3><ul class=\"skipped\">",
        skipped.len()
    );
    for k in &skipped {
        let i = k["sentence"].as_u64().unwrap_or(0) as usize;
        let _ = write!(
            s,
            "<li>{} <span class=\"note\">({})</span></li>",
            esc(v["sentences"][i]["text"].as_str().unwrap_or("")),
            esc(k["reason"].as_str().unwrap_or(""))
        );
    }
    s.push_str("</ul>");
}
