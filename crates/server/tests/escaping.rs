//! Hostile text echoed by the maud-built pages stays text: no raw `<script>`
//! and no attribute broken out of by a quote, on every page that echoes input.

use crate::common;

const EVIL: &str = "\"'><script>alert(1)</script>";
const EVIL_Q: &str = "%22%27%3E%3Cscript%3Ealert(1)%3C%2Fscript%3E";

fn assert_escaped(page: &str, what: &str) {
    assert!(!page.contains("<script>alert(1)"), "{what}: raw script");
    assert!(!page.contains("\"'>"), "{what}: attribute broken out of");
    assert!(page.contains("<!DOCTYPE html>"), "{what}: not a page");
}

#[tokio::test]
async fn claims_page_escapes_the_text_and_its_claims() {
    let app = common::demo_app();
    let text = format!(
        "From 2020 to 2024, 88 % of Kazakhstan's arms imports came from Russia {EVIL}. \
         Germany {EVIL} was the third-largest exporter."
    );
    let body = format!("text={}", form_encode(&text));
    let r = common::post(&app, "/claims", "application/x-www-form-urlencoded", body).await;
    let page = r.text();
    assert_escaped(&page, "/claims");
    // The text comes back escaped, in the textarea and in the claims found.
    assert!(
        page.contains("&lt;script&gt;alert(1)&lt;/script&gt;"),
        "{page}"
    );
    assert!(page.contains("claim-results"), "{page}");
}

#[tokio::test]
async fn country_and_scenario_escape_what_they_echo() {
    let app = common::demo_app();
    for uri in [
        format!("/country/KAZ?shift_from=RUS&shift_to={EVIL_Q}&shift_pct=30"),
        format!("/country/KAZ?shift_from={EVIL_Q}&shift_to=CHN&shift_pct=30"),
        format!("/country/KAZ?shift_from=RUS&shift_to=CHN&shift_pct={EVIL_Q}"),
        format!("/country/KAZ?period={EVIL_Q}"),
        format!("/country/KAZ?category={EVIL_Q}"),
        format!("/country/{EVIL_Q}"),
    ] {
        let page = common::get(&app, &uri).await.text();
        assert_escaped(&page, &uri);
    }
}

#[tokio::test]
async fn diff_page_escapes_what_it_echoes() {
    let app = common::demo_app();
    for uri in [
        format!("/diff?country={EVIL_Q}"),
        format!("/diff?period={EVIL_Q}"),
        format!("/diff?threshold={EVIL_Q}"),
        format!("/diff?a={EVIL_Q}"),
    ] {
        let page = common::get(&app, &uri).await.text();
        assert_escaped(&page, &uri);
    }
}

fn form_encode(s: &str) -> String {
    form_urlencoded::byte_serialize(s.as_bytes()).collect()
}
