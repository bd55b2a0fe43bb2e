//! Issue #17: the /claims page offers our bundled seed article, and the API
//! checks it with the designation caveat shown next to the verdict.

use crate::common::{demo_app, get, post, real_app};

const SEED: &str = include_str!("../../../examples/seed-article-kazakhstan-abraham-accords-de.txt");

#[tokio::test]
async fn claims_page_has_the_seed_article_button() {
    let page = get(&demo_app(), "/claims").await.text();
    assert!(page.contains("Load and check the seed article"), "{page}");
    assert!(page.contains("USA wirbt Kasachstan von Russland ab"));
    assert!(page.contains("not SIPRI data"));
}

#[tokio::test]
async fn seed_article_checked_through_the_api() {
    let Some(app) = real_app("seed_article_checked_through_the_api") else {
        return;
    };
    let j = post(&app, "/api/claims", "text/plain; charset=utf-8", SEED)
        .await
        .json();
    let claims = j["claims"].as_array().expect("claims");
    assert!(
        claims
            .iter()
            .any(|c| c["verdict_text"] == "supported, designation differs"),
        "{j}"
    );
    assert!(
        claims.iter().all(|c| c["verdict"] != "not_supported"),
        "{j}"
    );
    assert!(
        claims.iter().any(
            |c| c["structured"] == "group \"Abraham Accords\" will-join KAZ"
                && c["verdict"] == "cannot_be_checked"
        ),
        "{j}"
    );
}

/// Issue #14: a German claim gets a German verdict and explanation, through
/// the API (stable English codes beside the localized text) and the page.
#[tokio::test]
async fn german_claims_get_german_explanations() {
    let Some(app) = real_app("german_claims_get_german_explanations") else {
        return;
    };
    let j = post(&app, "/api/claims", "text/plain; charset=utf-8", SEED)
        .await
        .json();
    let claims = j["claims"].as_array().expect("claims");
    let share = claims
        .iter()
        .find(|c| c["structured"] == "share imports KAZ from RUS 2020-2024 = 88%")
        .expect("the 88 % claim");
    assert_eq!(share["verdict"], "supported", "{share}");
    assert_eq!(share["lang"], "de", "{share}");
    assert_eq!(share["verdict_localized"], "belegt", "{share}");
    let e = share["explanation_localized"].as_str().unwrap_or("");
    assert!(e.contains("88,4 %") && e.contains("Russland"), "{e}");
    assert!(!e.contains("supported") && !e.contains("because"), "{e}");
    let skipped = j["skipped"].as_array().expect("skipped");
    assert!(
        skipped
            .iter()
            .all(|s| s["lang"] == "de" && s["reason_localized"].is_string()),
        "{j}"
    );

    let r = post(
        &app,
        "/claims",
        "application/x-www-form-urlencoded",
        "text=Von+2020+bis+2024+entfielen+88+Prozent+aller+Waffenimporte+Kasachstans+auf+Russland.",
    )
    .await;
    let page = r.text();
    assert!(
        page.contains("88,4 %") && page.contains("Russland"),
        "{page}"
    );
    assert!(page.contains("lang=\"de\""), "{page}");
    assert!(page.contains(">belegt<"), "{page}");
}
