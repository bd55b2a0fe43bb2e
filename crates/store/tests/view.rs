//! Issue 16: the read-side fast paths give what a full load gives. The mapped
//! `flows.cols` view (`Store::load_view`) and the aggregation while decoding
//! (`Store::fold_years`) against `load_without_deals`, with the cache, without
//! it, with a damaged one and with one of the earlier layout (rebuilt).

use crate::store::{report, sample};
use model::FlowView;
use std::fs;
use store::Store;

/// The view's columns, TIV as bits (exact comparison).
type Columns = (Vec<u32>, Vec<u32>, Vec<u16>, Vec<u8>, Vec<u64>, Vec<u16>);

fn columns(v: &FlowView<'_>) -> Columns {
    (
        v.supplier.to_vec(),
        v.recipient.to_vec(),
        v.year.to_vec(),
        v.category.to_vec(),
        v.tiv.iter().map(|t| t.to_bits()).collect(),
        v.flags.to_vec(),
    )
}

fn stored() -> (tempfile::TempDir, Store) {
    let tmp = tempfile::tempdir().unwrap();
    let store = Store::open(tmp.path()).unwrap();
    store
        .put(&sample("a", Some("2025-01-01")), &report())
        .unwrap();
    (tmp, store)
}

#[test]
fn mapped_view_equals_a_full_load_with_or_without_a_usable_cache() {
    let (tmp, store) = stored();
    let want = store.load_without_deals("a").unwrap();
    let want_cols = columns(&want.flows.view());
    let check = |what: &str| {
        let (rel, cols) = store.load_view("a").unwrap();
        assert!(rel.flows.is_empty(), "{what}");
        assert_eq!(rel.entities, want.entities, "{what}");
        assert_eq!(columns(&cols.view()), want_cols, "{what}");
    };
    check("mapped");
    let path = tmp.path().join("releases/a/flows.cols");
    let good = fs::read(&path).unwrap();
    assert_eq!(&good[..8], b"AFCOLS03");
    for i in [0, 20, 40, 90, 100, good.len() / 2, good.len() - 1] {
        let mut bad = good.clone();
        bad[i] ^= 0x10;
        fs::write(&path, &bad).unwrap();
        check(&format!("damaged at {i}"));
    }
    fs::remove_file(&path).unwrap();
    check("no cache");
}

#[test]
fn a_cache_of_the_earlier_layout_is_rebuilt() {
    let (tmp, store) = stored();
    let want = store.load_without_deals("a").unwrap().flows;
    let path = tmp.path().join("releases/a/flows.cols");
    // Version 2 differs from 3 only in what its Parquet id covers.
    for magic in [b"AFCOLS01", b"AFCOLS02"] {
        let mut old = fs::read(&path).unwrap();
        old[..8].copy_from_slice(magic);
        fs::write(&path, &old).unwrap();
        assert!(!store.load_view("a").unwrap().1.is_mapped());
        assert_eq!(store.load_without_deals("a").unwrap().flows, want);
        let now = fs::read(&path).unwrap();
        assert_eq!(&now[..8], b"AFCOLS03", "rebuilt in the current layout");
        assert_eq!(store.load("a").unwrap().flows, want);
        let (_, cols) = store.load_view("a").unwrap();
        assert!(cols.is_mapped());
        assert_eq!(columns(&cols.view()), columns(&want.view()));
    }
}

#[test]
fn fold_years_sums_what_a_full_load_holds() {
    let (tmp, store) = stored();
    let flows = store.load_without_deals("a").unwrap().flows;
    for (a, b) in [(2015, 2025), (2020, 2020), (2021, 2022), (1900, 1910)] {
        // Count and TIV of the rows in the window, and every row seen.
        let want: (usize, f64) = (0..flows.len())
            .filter(|&i| (a..=b).contains(&flows.year[i]))
            .fold((0, 0.0), |(n, t), i| (n + 1, t + flows.tiv[i]));
        let sum = |store: &Store| -> (usize, f64) {
            let (rel, parts) = store
                .fold_years("a", (a, b), &|_| (0usize, 0.0f64), &|acc, v| {
                    for i in 0..v.len() {
                        if (a..=b).contains(&v.year[i]) {
                            acc.0 += 1;
                            acc.1 += v.tiv[i];
                        }
                    }
                })
                .unwrap();
            assert!(rel.flows.is_empty() && rel.deals.is_empty());
            parts
                .into_iter()
                .fold((0, 0.0), |x, p| (x.0 + p.0, x.1 + p.1))
        };
        assert_eq!(sum(&store), want, "{a}-{b}, cache");
        let path = tmp.path().join("releases/a/flows.cols");
        let cache = fs::read(&path).unwrap();
        fs::remove_file(&path).unwrap();
        assert_eq!(sum(&store), want, "{a}-{b}, Parquet");
        fs::write(&path, cache).unwrap();
    }
}
