//! `SHA256SUMS`: damage that still decodes is found, and a re-import repairs it.

use crate::store::{report, sample};
use std::fs;
use store::{Integrity, PutOutcome, Store};

fn sums(dir: &std::path::Path) -> Vec<String> {
    fs::read_to_string(dir.join("SHA256SUMS"))
        .unwrap()
        .lines()
        .map(|l| l.split_once("  ").unwrap().1.to_string())
        .collect()
}

#[test]
fn every_source_file_is_listed_and_verifies() {
    let tmp = tempfile::tempdir().unwrap();
    let store = Store::open(tmp.path()).unwrap();
    store
        .put(&sample("a", Some("2025-01-01")), &report())
        .unwrap();
    let dir = tmp.path().join("releases/a");
    // Caches (`*.cols`) are rebuilt when stale, so they are not listed.
    assert_eq!(
        sums(&dir),
        [
            "deals.parquet",
            "entities.parquet",
            "flows.parquet",
            "import-report.json",
            "release.json",
            "world_totals.parquet"
        ]
    );
    let bytes: u64 = sums(&dir)
        .iter()
        .map(|f| fs::metadata(dir.join(f)).unwrap().len())
        .sum();
    assert_eq!(
        store.verify_files("a").unwrap(),
        Integrity::Verified { files: 6, bytes }
    );
}

/// A byte changed inside a text the release still reads (its title): the
/// footers and value checks pass, so only the digests see it. Regression
/// of the hostile-files probe, where a flipped bit in a data page went
/// undetected and re-importing said "already present".
#[test]
fn damage_that_decodes_is_found_and_a_reimport_repairs_it() {
    let tmp = tempfile::tempdir().unwrap();
    let store = Store::open(tmp.path()).unwrap();
    let r = sample("a", Some("2025-01-01"));
    store.put(&r, &report()).unwrap();
    let dir = tmp.path().join("releases/a");
    for file in ["release.json", "deals.parquet"] {
        let path = dir.join(file);
        let mut b = fs::read(&path).unwrap();
        // In release.json a letter of the id's date stays valid JSON; in
        // the deal table the designation's text is stored as written.
        let needle: &[u8] = if file == "release.json" {
            b"2025-01-01"
        } else {
            b"Su-30SM"
        };
        let at = b
            .windows(needle.len())
            .position(|w| w == needle)
            .unwrap_or_else(|| panic!("{file} holds {needle:?}"));
        b[at + 1] ^= 1;
        fs::write(&path, &b).unwrap();
        let err = store.verify_files("a").unwrap_err().reason();
        assert!(err.starts_with(file) && err.contains("SHA-256"), "{err}");
        assert!(!err.contains(tmp.path().to_str().unwrap()), "{err}");
        assert_eq!(
            store.put(&r, &report()).unwrap(),
            PutOutcome::Repaired("a".into()),
            "{file}"
        );
        assert!(matches!(
            store.verify_files("a").unwrap(),
            Integrity::Verified { .. }
        ));
    }
}

#[test]
fn a_release_without_digests_still_reads_and_is_not_replaced() {
    let tmp = tempfile::tempdir().unwrap();
    let store = Store::open(tmp.path()).unwrap();
    let r = sample("a", Some("2025-01-01"));
    store.put(&r, &report()).unwrap();
    fs::remove_file(tmp.path().join("releases/a/SHA256SUMS")).unwrap();
    assert_eq!(store.verify_files("a").unwrap(), Integrity::NoDigests);
    assert_eq!(store.list().unwrap().len(), 1);
    assert_eq!(
        store.put(&r, &report()).unwrap(),
        PutOutcome::AlreadyPresent("a".into())
    );
}

#[test]
fn a_listed_file_that_is_missing_or_a_path_outside_is_damage() {
    let tmp = tempfile::tempdir().unwrap();
    let store = Store::open(tmp.path()).unwrap();
    store
        .put(&sample("a", Some("2025-01-01")), &report())
        .unwrap();
    let dir = tmp.path().join("releases/a");
    let text = fs::read_to_string(dir.join("SHA256SUMS")).unwrap();
    fs::write(
        dir.join("SHA256SUMS"),
        text.replace("flows.parquet", "gone.parquet"),
    )
    .unwrap();
    let err = store.verify_files("a").unwrap_err().reason();
    assert!(err.starts_with("gone.parquet: missing"), "{err}");
    fs::write(
        dir.join("SHA256SUMS"),
        text.replace("flows.parquet", "../../x"),
    )
    .unwrap();
    let err = store.verify_files("a").unwrap_err().reason();
    assert!(err.contains("not a file of this release"), "{err}");
}
