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

/// A release imported before digests were recorded (no `digests` in its
/// meta, no `SHA256SUMS`) still reads; one imported with them that lost the
/// file is damaged, and a re-import repairs it (hostile-files probe 2:
/// deleting the file turned every check off, and a flipped bit answered).
#[test]
fn a_release_without_digests_reads_only_if_it_never_had_them() {
    let tmp = tempfile::tempdir().unwrap();
    let store = Store::open(tmp.path()).unwrap();
    let r = sample("a", Some("2025-01-01"));
    store.put(&r, &report()).unwrap();
    let dir = tmp.path().join("releases/a");
    fs::remove_file(dir.join("SHA256SUMS")).unwrap();
    let err = store.verify_files("a").unwrap_err().reason();
    assert!(err.starts_with("SHA256SUMS: missing"), "{err}");
    assert!(store.list().unwrap().is_empty());
    assert_eq!(
        store.put(&r, &report()).unwrap(),
        PutOutcome::Repaired("a".into())
    );
    // An old release: its meta says nothing of digests.
    fs::remove_file(dir.join("SHA256SUMS")).unwrap();
    let meta = fs::read_to_string(dir.join("release.json")).unwrap();
    assert!(meta.contains("\"digests\": true"), "{meta}");
    fs::write(
        dir.join("release.json"),
        meta.replace(",\n  \"digests\": true", ""),
    )
    .unwrap();
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

/// Regressions of the hostile-files probe (round 2): each of these answered
/// with wrong figures and status 0. Now the load that would have used the
/// damaged file refuses, naming it.
#[test]
fn answers_refuse_a_damaged_or_foreign_file() {
    let tmp = tempfile::tempdir().unwrap();
    let store = Store::open(tmp.path()).unwrap();
    let r = sample("a", Some("2025-01-01"));
    store.put(&r, &report()).unwrap();
    // Another release, whose entity table differs in one name.
    let mut other = sample("b", Some("2024-01-01"));
    let mut ents = other.entities.as_slice().to_vec();
    ents[0].name = "Guyana".into();
    other.entities = model::EntityTable::from_vec(ents);
    store.put(&other, &report()).unwrap();
    let (a, b) = (tmp.path().join("releases/a"), tmp.path().join("releases/b"));
    let fresh = |f: &str| {
        fs::remove_dir_all(&a).unwrap();
        store.put(&r, &report()).unwrap();
        a.join(f)
    };

    // A bit of the deal table (a designation): the deals load refuses.
    let p = fresh("deals.parquet");
    let mut bytes = fs::read(&p).unwrap();
    let at = bytes.windows(7).position(|w| w == b"Su-30SM").unwrap();
    bytes[at + 2] ^= 1;
    fs::write(&p, &bytes).unwrap();
    let err = store.load("a").unwrap_err().reason();
    assert!(
        err.starts_with("deals.parquet") && err.contains("SHA-256"),
        "{err}"
    );

    // Another release's entity table, alone or with its cache.
    for with_cache in [false, true] {
        let p = fresh("entities.parquet");
        fs::copy(b.join("entities.parquet"), &p).unwrap();
        if with_cache {
            fs::copy(b.join("entities.cols"), a.join("entities.cols")).unwrap();
        }
        let err = store.load_without_deals("a").unwrap_err().reason();
        assert!(err.starts_with("entities.parquet"), "{err}");
    }

    // Another release's import report: the listing no longer shows it as whole.
    let p = fresh("import-report.json");
    let mut text = fs::read_to_string(&p).unwrap();
    text = text.replace("\"rows_read\": 4", "\"rows_read\": 29515");
    fs::write(&p, text).unwrap();
    assert!(store.report("a").is_err());
    assert_eq!(store.list().unwrap().len(), 1, "only b is whole");

    // A flipped bit in flows.parquet once the cache is gone.
    let p = fresh("flows.parquet");
    let _ = fs::remove_file(a.join("flows.cols"));
    let mut bytes = fs::read(&p).unwrap();
    let mid = bytes.len() / 2;
    bytes[mid] ^= 0x04;
    fs::write(&p, &bytes).unwrap();
    let err = store.load_without_deals("a").unwrap_err().reason();
    assert!(err.starts_with("flows.parquet"), "{err}");
}

/// Another release's `flows.parquet` copied in together with its cache: the
/// cache matched that Parquet file's footer, so answers came from it without
/// the Parquet file being hashed (recheck probe). The cache is bound to the
/// digest `SHA256SUMS` records, so every load path now refuses.
#[test]
fn another_releases_flows_copied_with_their_cache_are_refused() {
    let tmp = tempfile::tempdir().unwrap();
    let store = Store::open(tmp.path()).unwrap();
    store
        .put(&sample("a", Some("2025-01-01")), &report())
        .unwrap();
    let mut other = sample("b", Some("2024-01-01"));
    other.flows.tiv[0] += 1000.0;
    store.put(&other, &report()).unwrap();
    let (a, b) = (tmp.path().join("releases/a"), tmp.path().join("releases/b"));
    // Both caches are usable for their own release.
    assert!(store.load_view("a").unwrap().1.is_mapped());
    assert!(store.load_view("b").unwrap().1.is_mapped());
    for f in ["flows.parquet", "flows.cols"] {
        fs::copy(b.join(f), a.join(f)).unwrap();
    }
    let refused = |err: String| {
        assert!(
            err.starts_with("flows.parquet") && err.contains("SHA-256"),
            "{err}"
        )
    };
    refused(store.load("a").unwrap_err().reason());
    refused(store.load_without_deals("a").unwrap_err().reason());
    refused(store.load_view("a").err().unwrap().reason());
    let fold = store.fold_years("a", (1950, 2030), &|_| 0.0, &|s: &mut f64, v| {
        *s += v.tiv.iter().sum::<f64>()
    });
    refused(fold.unwrap_err().reason());
    assert!(matches!(
        store.verify_files("a"),
        Err(store::StoreError::Corrupt { .. })
    ));
    // Release b's own answers are untouched.
    assert!(store.load("b").is_ok());
}
