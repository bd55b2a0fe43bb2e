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
    // The example is a claim in the page's language: the checker reads both.
    let example = ctx.t("claims.example");
    let body = html! {
        h1 { (ctx.t("claims.h1")) }
        p.lede { (ctx.t("claims.lede")) }
        @if let Some(why) = claims::refusal(&ctx.rel) {
            p.note role="note" { strong { (ctx.t("claims.demo")) } " " span lang="en" { (why) } }
        }
        form method="post" action=(action) data-fragment="claim-results" {
            label for="claim-text" { strong { (ctx.t("claims.text_label")) } }
            textarea #claim-text name="text" required placeholder=(example) { (text.unwrap_or("")) }
            div.form-row {
                button type="submit" { (ctx.t("claims.check")) }
                span.note { (ctx.t("claims.example_label")) " " (example) }
            }
        }
        form.form-row method="post" action=(action) {
            input type="hidden" name="text" value=(SEED_ARTICLE);
            button type="submit" { (ctx.t("claims.seed")) }
            span.note { (ctx.t("claims.seed_note")) }
        }
        section #claim-results tabindex="-1" aria-live="polite" {
            @if let Some(t) = text.filter(|t| !t.trim().is_empty()) {
                @match crate::api::text::check(&ctx.rel, t, ctx.st.limits.max_claims, &ctx.cancel) {
                    Ok(v) => (results_html(ctx, &v)),
                    // The checker's messages are English (as in the API).
                    Err(e) => p role="alert" lang="en" { (e.message) },
                }
            }
        }
    };
    Page {
        title: ctx.t("claims.h1").into(),
        body: body.into_string(),
    }
}

/// The language a text is written in, as the claim checker reads it.
fn text_lang(text: &str) -> model::Lang {
    match claims::lex::detect(text) {
        claims::lex::Lang::German => model::Lang::De,
        claims::lex::Lang::English => model::Lang::En,
    }
}

/// `lang` for an element whose text is in `l`, when that differs from the page's.
fn lang_attr(ctx: &Ctx, l: model::Lang) -> Option<&'static str> {
    (l != ctx.lang).then(|| l.code())
}

fn verdict_class(v: &str) -> &'static str {
    match v {
        "supported" => "supported",
        "not_supported" => "not_supported",
        _ => "cannot_check",
    }
}

/// The verdict list. Each sentence, and each text the checker wrote about
/// it, carries `lang` where its language is not the page's.
fn results_html(ctx: &Ctx, v: &Value) -> Markup {
    if let Some(e) = v.get("error").and_then(Value::as_str) {
        return html! { p role="alert" lang=[lang_attr(ctx, text_lang(e))] { (e) } };
    }
    let claims = v["claims"].as_array().cloned().unwrap_or_default();
    let sentence = |i: &Value| {
        v["sentences"][i.as_u64().unwrap_or(0) as usize]["text"]
            .as_str()
            .unwrap_or("")
            .to_string()
    };
    let s = |c: &Value, k: &str| c[k].as_str().unwrap_or("").to_string();
    // The language of a text from the checker: its own `lang` field where it
    // gives one, else as read from the words.
    let lang_of = |c: &Value, text: &str| {
        c["lang"]
            .as_str()
            .and_then(model::Lang::parse)
            .unwrap_or_else(|| text_lang(text))
    };
    let skipped = v["skipped"].as_array().cloned().unwrap_or_default();
    let n = claims.len();
    html! {
        h2 { (if n == 1 { ctx.t("claims.found.one").to_string() } else { ctx.tf("claims.found", &[("n", &n)]) }) }
        @if claims.is_empty() {
            p { (ctx.t("claims.none")) }
        }
        @for c in &claims {
            @let verdict = c["verdict"].as_str().unwrap_or("");
            @let said = sentence(&c["sentence"]);
            @let label = c["verdict_localized"].as_str().or(c["verdict_text"].as_str()).unwrap_or(verdict);
            @let explanation = c["explanation_localized"].as_str().map(str::to_string).unwrap_or_else(|| s(c, "explanation"));
            div.result {
                p {
                    span class={ "verdict " (verdict_class(verdict)) } lang=[lang_attr(ctx, lang_of(c, &explanation))] {
                        (label)
                    }
                    " " span lang=[lang_attr(ctx, text_lang(&said))] { (said) }
                }
                p.muted { (ctx.t("claims.claim")) " " code { (s(c, "structured")) } }
                p lang=[lang_attr(ctx, lang_of(c, &explanation))] { (explanation) }
                @if let Some(t) = c["tolerance_localized"].as_str().or(c["tolerance"].as_str()) {
                    p.note { (ctx.t("claims.interval")) " " span lang=[lang_attr(ctx, lang_of(c, &explanation))] { (t) } }
                }
                @if let Some(e) = c["estimated_share"].as_f64() {
                    p.note { (ctx.tf("claims.estimated", &[("share", &ctx.pct(e))])) }
                }
                @let citation = s(c, "citation");
                p.note lang=[lang_attr(ctx, text_lang(&citation))] { (citation) }
            }
        }
        // Claim-like sentences that were not checked, with the reason.
        @if !skipped.is_empty() {
            h3 { (ctx.tf("claims.skipped", &[("n", &skipped.len())])) }
            ul.skipped {
                @for k in &skipped {
                    @let said = sentence(&k["sentence"]);
                    @let reason = k["reason_localized"].as_str().map(str::to_string).unwrap_or_else(|| s(k, "reason"));
                    li {
                        span lang=[lang_attr(ctx, text_lang(&said))] { (said) } " "
                        span.note lang=[lang_attr(ctx, lang_of(k, &reason))] { "(" (reason) ")" }
                    }
                }
            }
        }
    }
}
