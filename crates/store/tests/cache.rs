//! The `flows.cols` cache beside `flows.parquet`: loads give the same flows,
//! bit for bit and in the same order, with or without it, and a damaged or
//! stale cache is never used.

use crate::store::{report, sample};
use model::Release;
use std::fs;
use std::path::Path;
use store::Store;

fn bits(r: &Release) -> Vec<u64> {
    r.flows.tiv.iter().map(|t| t.to_bits()).collect()
}

/// Loads `id` both ways (as stored, then with the cache removed) and asserts
/// they agree exactly; returns the cache bytes.
fn both_ways(dir: &Path, store: &Store, id: &str) -> Vec<u8> {
    let cols = dir.join("releases").join(id).join("flows.cols");
    let bytes = fs::read(&cols).expect("import writes flows.cols");
    let (full, lean) = (
        store.load(id).unwrap(),
        store.load_without_deals(id).unwrap(),
    );
    fs::remove_file(&cols).unwrap();
    let (pfull, plean) = (
        store.load(id).unwrap(),
        store.load_without_deals(id).unwrap(),
    );
    assert_eq!(full.flows, pfull.flows);
    assert_eq!(lean.flows, plean.flows);
    assert_eq!(bits(&full), bits(&pfull));
    assert_eq!(full.flows, lean.flows);
    fs::write(&cols, &bytes).unwrap();
    // The entity cache, the same way.
    let ents = dir.join("releases").join(id).join("entities.cols");
    let ent_bytes = fs::read(&ents).expect("import writes entities.cols");
    fs::remove_file(&ents).unwrap();
    assert_eq!(
        store.load(id).unwrap().entities.as_slice(),
        full.entities.as_slice()
    );
    for i in [0, 8, 20, 33, ent_bytes.len() / 2, ent_bytes.len() - 1] {
        let mut bad = ent_bytes.clone();
        bad[i] ^= 0x21;
        fs::write(&ents, &bad).unwrap();
        assert_eq!(
            store.load(id).unwrap().entities.as_slice(),
            full.entities.as_slice(),
            "entities.cols damaged at {i}"
        );
    }
    fs::write(&ents, &ent_bytes).unwrap();
    bytes
}

#[test]
fn cached_and_parquet_loads_are_identical() {
    let tmp = tempfile::tempdir().unwrap();
    let store = Store::open(tmp.path()).unwrap();
    let rel = sample("a", Some("2025-01-01"));
    store.put(&rel, &report()).unwrap();
    both_ways(tmp.path(), &store, "a");
    // Same multiset of flows as the release that was stored.
    let mut got: Vec<_> = {
        let f = store.load("a").unwrap().flows;
        (0..f.len())
            .map(|i| format!("{:?}", f.get(i)))
            .collect::<Vec<_>>()
    }
    .into_iter()
    .collect();
    let mut want: Vec<_> = (0..rel.flows.len())
        .map(|i| format!("{:?}", rel.flows.get(i)))
        .collect();
    got.sort();
    want.sort();
    assert_eq!(got, want);
}

#[test]
fn damaged_or_stale_cache_falls_back_to_parquet() {
    let tmp = tempfile::tempdir().unwrap();
    let store = Store::open(tmp.path()).unwrap();
    store
        .put(&sample("a", Some("2025-01-01")), &report())
        .unwrap();
    let good = both_ways(tmp.path(), &store, "a");
    let want = store.load("a").unwrap().flows;
    let cols = tmp.path().join("releases/a/flows.cols");
    let mut cases: Vec<Vec<u8>> = vec![
        good[..good.len() - 1].to_vec(),
        good[..10].to_vec(),
        Vec::new(),
        [good.clone(), vec![0]].concat(),
    ];
    for i in [0, 9, 20, 30, good.len() / 2, good.len() - 9, good.len() - 1] {
        let mut b = good.clone();
        b[i] ^= 0x40;
        cases.push(b);
    }
    for (n, bad) in cases.iter().enumerate() {
        fs::write(&cols, bad).unwrap();
        assert_eq!(store.load("a").unwrap().flows, want, "case {n}");
        assert_eq!(
            store.load_without_deals("a").unwrap().flows,
            want,
            "case {n}"
        );
    }
    // A cache written for other Parquet bytes is stale; damaged Parquet bytes
    // are reported, not hidden behind a good cache.
    let mut stale = good.clone();
    stale[8] ^= 1;
    fs::write(&cols, &stale).unwrap();
    assert_eq!(store.load("a").unwrap().flows, want);
    fs::write(&cols, &good).unwrap();
    let pq = tmp.path().join("releases/a/flows.parquet");
    let orig = fs::read(&pq).unwrap();
    let mut bad = orig.clone();
    let mid = bad.len() / 2;
    bad[mid] ^= 0x5a;
    fs::write(&pq, &bad).unwrap();
    let lean = store.load_without_deals("a");
    assert!(lean.is_err() || lean.unwrap().flows == want);
    fs::write(&pq, &orig).unwrap();
    assert_eq!(store.load("a").unwrap().flows, want);
}
