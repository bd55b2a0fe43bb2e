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
