//! Pages and answers over several stored releases (diff probe 14).

use crate::common::{get, state_at};
use server::Limits;

/// A data dir with one SYNTHETIC release per `(seed, generated)`; their ids.
fn store_with(dates: &[(u64, &str)]) -> (tempfile::TempDir, Vec<String>) {
    let tmp = tempfile::tempdir().unwrap();
    let store = store::Store::open(tmp.path()).unwrap();
    let mut ids = Vec::new();
    for &(seed, date) in dates {
        let mut buf = Vec::new();
        sipri::synth::write_register(&mut buf, 1, seed).unwrap();
        let (mut rel, report) = sipri::read(&buf, &sipri::ReadOptions::default()).unwrap();
        rel.meta.generated = Some(date.to_string());
        ids.push(store.put(&rel, &report).unwrap().id().to_string());
    }
    (tmp, ids)
}

/// The oldest of two releases chosen as B: there is no release before it,
/// but there are two releases (the page said "Only one release is stored").
#[tokio::test]
async fn diff_page_with_the_oldest_release_as_b_does_not_say_only_one() {
    let (tmp, ids) = store_with(&[(21, "2025-03-13"), (22, "2026-02-12")]);
    let app = server::app(state_at(tmp.path(), None, Limits::default()));
    let old = &ids[0];
    let page = get(&app, &format!("/diff?release={old}")).await.text();
    assert!(!page.contains("Only one release is stored"));
    assert!(page.contains("No stored release is older than"));
    let (one, ids) = store_with(&[(23, "2025-03-13")]);
    let app = server::app(state_at(one.path(), None, Limits::default()));
    let page = get(&app, &format!("/diff?release={}", ids[0])).await.text();
    assert!(page.contains("Only one release is stored"));
}

/// A diff given newer-first reads every revision backwards: the API and the
/// page say so, as the CLI did alone.
#[tokio::test]
async fn backwards_diffs_are_warned_everywhere() {
    let (tmp, ids) = store_with(&[(21, "2025-03-13"), (22, "2026-02-12")]);
    let app = server::app(state_at(tmp.path(), None, Limits::default()));
    let (old, new) = (&ids[0], &ids[1]);
    let warning = "A (2026-02-12) is newer than B (2025-03-13)";
    let j = get(&app, &format!("/api/diff?a={new}&b={old}"))
        .await
        .json();
    for notes in [&j["notes"], &j["diff"]["notes"]] {
        assert!(notes.to_string().contains(warning), "{notes}");
    }
    let page = get(&app, &format!("/diff?release={old}&a={new}"))
        .await
        .text();
    assert!(page.contains(warning), "the page has no warning");
    let j = get(&app, &format!("/api/diff?a={old}&b={new}"))
        .await
        .json();
    let notes = format!("{}{}", j["notes"], j["diff"]["notes"]);
    assert!(!notes.contains("is newer than B"), "{notes}");
}

/// A store whose only release is a generated file: health says SYNTHETIC
/// (`synthetic_demo` is about the embedded demo, shown when nothing is
/// stored).
#[tokio::test]
async fn health_names_a_synthetic_default_release() {
    let (tmp, ids) = store_with(&[(24, "2025-03-13")]);
    let app = server::app(state_at(tmp.path(), None, Limits::default()));
    let h = get(&app, "/api/health").await.json();
    assert_eq!(h["release"]["id"], ids[0].as_str(), "{h}");
    assert_eq!(h["release"]["synthetic"], true, "{h}");
    assert_eq!(h["synthetic_demo"], false, "{h}");
}

/// Damage that only a load sees (a whole file of another release) in the
/// default release: health says degraded at once, not after a query met it.
#[tokio::test]
async fn health_sees_damage_in_the_default_release_before_any_query() {
    let (tmp, ids) = store_with(&[(25, "2025-03-13"), (26, "2026-02-12")]);
    let rel = |i: usize| tmp.path().join("releases").join(&ids[i]);
    std::fs::copy(rel(0).join("flows.parquet"), rel(1).join("flows.parquet")).unwrap();
    let app = server::app(state_at(tmp.path(), None, Limits::default()));
    let h = get(&app, "/api/health").await.json();
    assert_eq!(h["status"], "degraded", "{h}");
    assert!(h["damaged"].to_string().contains(&ids[1]), "{h}");
}
