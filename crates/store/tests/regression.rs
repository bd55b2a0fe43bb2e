//! Regression tests for issue #12 (the store against its surroundings), one per
//! finding, keyed by a short description.

use crate::store::{report, sample};
use std::fs;
use store::{PutOutcome, Store};

/// `mkdir releases/backup` made `list` (and so every query and `serve`) fail.
#[test]
fn stray_folder_in_releases_is_listed_as_damaged_not_fatal() {
    let tmp = tempfile::tempdir().unwrap();
    let store = Store::open(tmp.path()).unwrap();
    store
        .put(&sample("a", Some("2025-01-01")), &report())
        .unwrap();
    let rel = tmp.path().join("releases");
    fs::create_dir(rel.join("backup")).unwrap();
    fs::create_dir(rel.join("not a valid id")).unwrap();
    fs::write(rel.join("notes.txt"), "hello").unwrap();
    let ids: Vec<String> = store.list().unwrap().into_iter().map(|m| m.id).collect();
    assert_eq!(ids, ["a"]);
    assert_eq!(store.latest().unwrap().unwrap().id, "a");
    let scan = store.scan().unwrap();
    assert_eq!(scan.releases.len(), 1);
    let names: Vec<&str> = scan.damaged.iter().map(|d| d.name.as_str()).collect();
    assert_eq!(names, ["backup", "not a valid id", "notes.txt"]);
    for d in &scan.damaged {
        assert!(!d.reason.is_empty());
        assert!(
            !d.reason.contains(tmp.path().to_str().unwrap()),
            "reason leaks the path: {}",
            d.reason
        );
    }
    store.load("a").unwrap();
}

/// A release whose import report cannot be read (e.g. `"tiv_total": null`
/// written by an old version) made `releases` fail for every release.
#[test]
fn unreadable_import_report_damages_one_release_only() {
    let tmp = tempfile::tempdir().unwrap();
    let store = Store::open(tmp.path()).unwrap();
    store
        .put(&sample("a", Some("2025-01-01")), &report())
        .unwrap();
    store
        .put(&sample("b", Some("2026-01-01")), &report())
        .unwrap();
    let path = tmp.path().join("releases/b/import-report.json");
    let text = fs::read_to_string(&path).unwrap();
    let text = text.replace("\"tiv_total\": 240.0", "\"tiv_total\": null");
    assert!(text.contains("null"));
    fs::write(&path, text).unwrap();
    let scan = store.scan().unwrap();
    assert_eq!(scan.releases.len(), 1);
    assert_eq!(scan.releases[0].id, "a");
    assert_eq!(scan.damaged[0].name, "b");
    assert!(
        scan.damaged[0].reason.contains("import-report.json"),
        "{}",
        scan.damaged[0].reason
    );
}

/// Importing the original file again said "already present" and left the
/// damaged release in place.
#[test]
fn importing_the_original_repairs_a_damaged_release() {
    let tmp = tempfile::tempdir().unwrap();
    let store = Store::open(tmp.path()).unwrap();
    let r = sample("a", Some("2025-01-01"));
    store.put(&r, &report()).unwrap();
    let whole = store.load("a").unwrap().flows;
    let dir = tmp.path().join("releases/a");
    for (file, damage) in [
        ("flows.parquet", Some(b"garbage".to_vec())),
        ("deals.parquet", None),
        ("release.json", Some(b"{".to_vec())),
        ("import-report.json", None),
    ] {
        match damage {
            Some(bytes) => fs::write(dir.join(file), bytes).unwrap(),
            None => fs::remove_file(dir.join(file)).unwrap(),
        }
        assert!(store.list().unwrap().is_empty(), "{file}");
        let out = store.put(&r, &report()).unwrap();
        assert_eq!(out, PutOutcome::Repaired("a".into()), "{file}");
        assert!(out.is_created());
        assert_eq!(store.load("a").unwrap().flows, whole, "{file}");
        assert!(store.scan().unwrap().damaged.is_empty(), "{file}");
    }
    // A whole release is left as it is.
    assert_eq!(
        store.put(&r, &report()).unwrap(),
        PutOutcome::AlreadyPresent("a".into())
    );
    // A stray file under the release's own name is replaced too.
    fs::remove_dir_all(&dir).unwrap();
    fs::write(&dir, "not a release").unwrap();
    assert!(store.put(&r, &report()).unwrap().is_created());
    store.load("a").unwrap();
    // Nothing left behind but the release.
    let left: Vec<String> = fs::read_dir(tmp.path().join("releases"))
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    assert_eq!(left, ["a"]);
}

/// Read-only commands created a mistyped `--data-dir`.
#[test]
fn open_existing_creates_nothing() {
    let tmp = tempfile::tempdir().unwrap();
    let missing = tmp.path().join("typo");
    assert!(Store::open_existing(&missing).is_err());
    assert!(!missing.exists());
    let file = tmp.path().join("file");
    fs::write(&file, "x").unwrap();
    assert!(Store::open_existing(&file).is_err());
    // An existing dir without releases/ is an empty store, left as it was.
    let empty = tmp.path().join("empty");
    fs::create_dir(&empty).unwrap();
    let store = Store::open_existing(&empty).unwrap();
    assert!(store.list().unwrap().is_empty());
    assert!(store.latest().unwrap().is_none());
    assert!(store.load("x").is_err());
    assert_eq!(fs::read_dir(&empty).unwrap().count(), 0);
}

/// `latest_whole` checks only what it passes over: a damaged newest release
/// falls back to the previous one and is reported, never chosen; a damaged
/// older one is not looked at; an unreadable `release.json` is reported.
#[test]
fn latest_whole_skips_and_reports_a_damaged_newest_release() {
    let tmp = tempfile::tempdir().unwrap();
    let store = Store::open(tmp.path()).unwrap();
    for (id, date) in [
        ("a", "2024-01-01"),
        ("b", "2025-01-01"),
        ("c", "2026-01-01"),
    ] {
        store.put(&sample(id, Some(date)), &report()).unwrap();
    }
    let rel = tmp.path().join("releases");
    fs::write(rel.join("c/import-report.json"), "{").unwrap();
    fs::create_dir(rel.join("backup")).unwrap();
    let (latest, damaged) = store.latest_whole().unwrap();
    assert_eq!(latest.unwrap().id, "b");
    let names: Vec<&str> = damaged.iter().map(|d| d.name.as_str()).collect();
    assert_eq!(names, ["backup", "c"]);
    assert!(damaged[1].reason.contains("import-report.json"));
    // Same choice as the full scan.
    assert_eq!(store.latest().unwrap().unwrap().id, "b");
    // Every release damaged: none chosen, all reported.
    for id in ["a", "b"] {
        fs::remove_file(rel.join(id).join("flows.parquet")).unwrap();
    }
    let (latest, damaged) = store.latest_whole().unwrap();
    assert!(latest.is_none());
    assert_eq!(damaged.len(), 4);
}

/// A register downloaded for one recipient ("… to Ukraine", SIPRI's title)
/// and generated after the whole register became the default release, so
/// every question outside Ukraine was refused. The newest whole release is
/// the default; a scoped one only when nothing else is stored.
#[test]
fn a_scoped_download_is_not_the_default_while_a_whole_register_is_stored() {
    let tmp = tempfile::tempdir().unwrap();
    let store = Store::open(tmp.path()).unwrap();
    let mut scoped = sample("b", Some("2025-02-17"));
    scoped.meta.title = "Transfers of major conventional arms from All countries  to Ukraine  . \
                         Deals with deliveries made for the year range '2000' to '2024' "
        .into();
    store.put(&scoped, &report()).unwrap();
    assert_eq!(store.latest().unwrap().unwrap().id, "b");
    assert_eq!(store.latest_whole().unwrap().0.unwrap().id, "b");
    store
        .put(&sample("a", Some("2024-03-11")), &report())
        .unwrap();
    assert_eq!(store.latest().unwrap().unwrap().id, "a");
    assert_eq!(store.latest_whole().unwrap().0.unwrap().id, "a");
    // Listed oldest first all the same.
    let ids: Vec<String> = store.list().unwrap().into_iter().map(|m| m.id).collect();
    assert_eq!(ids, ["a", "b"]);
}
