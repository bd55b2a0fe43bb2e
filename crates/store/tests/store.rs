//! Store behaviour on hand-built releases: round trips, ordering, idempotence,
//! concurrency and damage.

use model::{
    Category, Deal, Entity, EntityKind, EntityTable, Flags, Flows, ImportReport, NO_DEAL, Release,
    ReleaseMeta, SourceFormat,
};
use std::fs;
use std::path::Path;
use store::{PutOutcome, Store, StoreError};

fn entity(key: &str, name: &str, kind: EntityKind) -> Entity {
    Entity {
        key: key.into(),
        name: name.into(),
        kind,
        iso3: (kind == EntityKind::State).then(|| key.to_string()),
    }
}

fn meta(id: &str, generated: Option<&str>, sha: &str) -> ReleaseMeta {
    ReleaseMeta {
        id: id.into(),
        format: SourceFormat::Register,
        title: "test title".into(),
        generated_raw: "12 Feb 2026 12:26:12 PM".into(),
        generated: generated.map(str::to_string),
        source_line: "Source: test".into(),
        source_file: "x.csv".into(),
        sha256: sha.into(),
        synthetic: true,
        first_year: Some(2020),
        last_year: Some(2022),
        imported_at: String::new(),
        caveats: Vec::new(),
        digests: false,
        last_complete_year: None,
    }
}

pub(crate) fn sample(id: &str, generated: Option<&str>) -> Release {
    let entities = EntityTable::from_vec(vec![
        entity("RUS", "Russia", EntityKind::State),
        entity("KAZ", "Kazakhstan", EntityKind::State),
        entity("org:nato", "NATO**", EntityKind::Organisation),
        entity("unresolved:foo", "Foo, Land of", EntityKind::Unresolved),
    ]);
    let deals = vec![
        Deal {
            sipri_id: Some(55238),
            supplier: 0,
            recipient: 1,
            designation: "Su-30SM".into(),
            description: "FGA aircraft".into(),
            category: Category::Aircraft as u8,
            order_year: Some(2015),
            order_year_estimated: Some(false),
            number_ordered: Some(12),
            number_ordered_estimated: None,
            number_delivered: Some(8),
            number_delivered_estimated: Some(true),
            delivery_years: vec![2020, 2022],
            status: "New".into(),
            comments: "Wärtsilä; ±7200hp".into(),
            tiv_unit_new: Some(30.0),
            tiv_unit: Some(30.0),
            tiv_order: Some(360.0),
            tiv_delivered: Some(240.0),
            local_production: Some(false),
            line: 13,
        },
        Deal {
            supplier: 2,
            recipient: 3,
            category: Category::Unspecified as u8,
            line: 14,
            ..Deal::default()
        },
    ];
    let mut flows = Flows::default();
    type Row = (u32, u32, u16, u8, f64, u32, u16, u32);
    let rows: [Row; 4] = [
        (0, 1, 2020, 0, 120.5, 4, Flags::EST_YEAR, 0),
        (
            0,
            1,
            2022,
            0,
            119.5,
            4,
            Flags::EST_UNKNOWN | Flags::SECOND_HAND,
            0,
        ),
        (
            2,
            3,
            2021,
            255,
            0.0,
            0,
            Flags::BELOW_HALF | Flags::ALLOCATED,
            1,
        ),
        (3, 0, 2021, 10, 1e-9, 1, 0, NO_DEAL),
    ];
    for (s, r, y, c, t, u, f, d) in rows {
        flows.supplier.push(s);
        flows.recipient.push(r);
        flows.year.push(y);
        flows.category.push(c);
        flows.tiv.push(t);
        flows.units.push(u);
        flows.flags.push(f);
        flows.deal.push(d);
    }
    Release {
        meta: meta(id, generated, &format!("sha-of-{id}")),
        entities,
        deals,
        flows,
        world_totals: vec![(2020, 1000.25), (2021, 0.0)],
    }
}

pub(crate) fn report() -> ImportReport {
    ImportReport {
        file: "x.csv".into(),
        rows_read: 4,
        rows_imported: 4,
        tiv_total: 240.0,
        ..ImportReport::default()
    }
}

fn tree(dir: &Path) -> Vec<(String, Vec<u8>)> {
    let mut out = Vec::new();
    let mut stack = vec![dir.to_path_buf()];
    while let Some(d) = stack.pop() {
        for e in fs::read_dir(&d).unwrap().flatten() {
            let p = e.path();
            if p.is_dir() {
                stack.push(p);
            } else {
                out.push((p.display().to_string(), fs::read(&p).unwrap()));
            }
        }
    }
    out.sort();
    out
}

#[test]
fn round_trip_is_exact() {
    let tmp = tempfile::tempdir().unwrap();
    let store = Store::open(tmp.path()).unwrap();
    let r = sample("2026-02-12-register-aaaaaaaa", Some("2026-02-12"));
    let out = store.put(&r, &report()).unwrap();
    assert_eq!(out, PutOutcome::Created(r.meta.id.clone()));
    let loaded = store.load(&r.meta.id).unwrap();
    assert!(
        loaded.meta.imported_at.ends_with('Z'),
        "{}",
        loaded.meta.imported_at
    );
    assert_eq!(loaded.meta.imported_at.len(), 20);
    let mut expected = r.clone();
    expected.meta.imported_at = loaded.meta.imported_at.clone();
    // The store records that it wrote SHA256SUMS.
    expected.meta.digests = true;
    assert_eq!(loaded.entities.as_slice(), expected.entities.as_slice());
    assert_eq!(loaded.deals, expected.deals);
    // Flows come back in year order (stable): the store's on-disk layout.
    assert_eq!(
        loaded.flows,
        expected.flows.gather(&expected.flows.year_order())
    );
    assert_eq!(loaded.flows.year, vec![2020, 2021, 2021, 2022]);
    assert_eq!(loaded.world_totals, expected.world_totals);
    assert_eq!(loaded.meta, expected.meta);
    assert_eq!(loaded.entities.by_key("KAZ"), Some(1));
    assert_eq!(store.report(&r.meta.id).unwrap(), report());
    let dir = tmp.path().join("releases").join(&r.meta.id);
    for f in [
        "flows.parquet",
        "deals.parquet",
        "entities.parquet",
        "world_totals.parquet",
    ] {
        assert!(dir.join(f).is_file(), "{f}");
    }
}

#[test]
fn empty_release_round_trips_without_world_totals() {
    let tmp = tempfile::tempdir().unwrap();
    let store = Store::open(tmp.path()).unwrap();
    let mut r = sample("empty", None);
    r.flows = Flows::default();
    r.deals.clear();
    r.world_totals.clear();
    store.put(&r, &report()).unwrap();
    let loaded = store.load("empty").unwrap();
    assert!(loaded.flows.is_empty() && loaded.deals.is_empty());
    assert!(
        !tmp.path()
            .join("releases/empty/world_totals.parquet")
            .exists()
    );
}

#[test]
fn second_put_is_a_no_op() {
    let tmp = tempfile::tempdir().unwrap();
    let store = Store::open(tmp.path()).unwrap();
    let r = sample("same", Some("2025-03-13"));
    assert!(store.put(&r, &report()).unwrap().is_created());
    let before = tree(tmp.path());
    assert_eq!(
        store.put(&r, &report()).unwrap(),
        PutOutcome::AlreadyPresent("same".into())
    );
    assert_eq!(tree(tmp.path()), before);
    // Same id from different bytes is refused, not overwritten.
    let mut other = r.clone();
    other.meta.sha256 = "different".into();
    assert!(matches!(
        store.put(&other, &report()),
        Err(StoreError::Conflict { .. })
    ));
    assert_eq!(tree(tmp.path()), before);
}

#[test]
fn listing_is_oldest_first_and_ignores_dot_dirs() {
    let tmp = tempfile::tempdir().unwrap();
    let store = Store::open(tmp.path()).unwrap();
    assert!(store.list().unwrap().is_empty());
    assert!(store.latest().unwrap().is_none());
    for (id, g) in [
        ("b", Some("2026-02-12")),
        ("a", Some("2024-10-13")),
        ("c", None),
    ] {
        store.put(&sample(id, g), &report()).unwrap();
    }
    fs::create_dir(tmp.path().join("releases/.tmp-x-1-2")).unwrap();
    let ids: Vec<String> = store.list().unwrap().into_iter().map(|m| m.id).collect();
    assert_eq!(ids, ["c", "a", "b"]);
    assert_eq!(store.latest().unwrap().unwrap().id, "b");
}

#[test]
fn concurrent_puts_of_one_release_agree() {
    let tmp = tempfile::tempdir().unwrap();
    let r = sample("race", Some("2026-01-01"));
    let outcomes: Vec<PutOutcome> = std::thread::scope(|s| {
        let hs: Vec<_> = (0..4)
            .map(|_| s.spawn(|| Store::open(tmp.path()).unwrap().put(&r, &report()).unwrap()))
            .collect();
        hs.into_iter().map(|h| h.join().unwrap()).collect()
    });
    assert_eq!(
        outcomes.iter().filter(|o| o.is_created()).count(),
        1,
        "{outcomes:?}"
    );
    let store = Store::open(tmp.path()).unwrap();
    assert_eq!(store.list().unwrap().len(), 1);
    store.load("race").unwrap();
    let leftovers = fs::read_dir(tmp.path().join("releases")).unwrap().count();
    assert_eq!(leftovers, 1, "temp dirs left behind");
}

#[test]
fn stale_temp_dirs_of_dead_writers_are_swept() {
    let tmp = tempfile::tempdir().unwrap();
    let store = Store::open(tmp.path()).unwrap();
    // pid 0x7ffffffe cannot be alive (above pid_max); our own pid is.
    let dead = tmp.path().join("releases/.tmp-x-2147483646-5");
    let ours = tmp
        .path()
        .join(format!("releases/.tmp-y-{}-5", std::process::id()));
    fs::create_dir_all(&dead).unwrap();
    fs::create_dir_all(&ours).unwrap();
    store.put(&sample("r", None), &report()).unwrap();
    assert!(!dead.exists());
    assert!(ours.exists());
}

#[test]
fn bad_ids_are_refused() {
    let tmp = tempfile::tempdir().unwrap();
    let store = Store::open(tmp.path()).unwrap();
    for id in ["", ".hidden", "../escape", "a/b", "a b"] {
        assert!(
            matches!(
                store.put(&sample(id, None), &report()),
                Err(StoreError::InvalidId(_))
            ),
            "{id}"
        );
        assert!(store.load(id).is_err());
    }
    assert!(matches!(
        store.load("nope"),
        Err(StoreError::NotFound { .. })
    ));
}

#[test]
fn inconsistent_releases_are_not_written() {
    let tmp = tempfile::tempdir().unwrap();
    let store = Store::open(tmp.path()).unwrap();
    let mut r = sample("bad", None);
    r.flows.supplier[0] = 99;
    assert!(store.put(&r, &report()).is_err());
    let mut r = sample("bad", None);
    r.flows.year.pop();
    assert!(store.put(&r, &report()).is_err());
    // Deals are checked on their own writer thread, beside the flows being
    // written: a bad deal still fails the whole import, and a bad flow wins
    // the message when both are bad.
    let mut r = sample("bad", None);
    r.deals[1].recipient = 99;
    let err = store.put(&r, &report()).unwrap_err().to_string();
    assert!(err.contains("outside the entity table"), "{err}");
    r.flows.tiv[0] = f64::INFINITY;
    let err = store.put(&r, &report()).unwrap_err().to_string();
    assert!(err.contains("implausible TIV"), "{err}");
    let mut r = sample("bad", None);
    r.world_totals.push((2020, f64::NAN));
    let err = store.put(&r, &report()).unwrap_err().to_string();
    assert!(err.contains("world total"), "{err}");
    assert!(store.list().unwrap().is_empty());
    assert_eq!(
        fs::read_dir(tmp.path().join("releases")).unwrap().count(),
        0
    );
}

/// Every kind of damage gives an error naming the file, never a panic.
#[test]
fn corrupt_releases_error_instead_of_panicking() {
    let tmp = tempfile::tempdir().unwrap();
    let store = Store::open(tmp.path()).unwrap();
    let good = sample("good", None);
    store.put(&good, &report()).unwrap();
    let dir = tmp.path().join("releases/good");
    let files = [
        "flows.parquet",
        "deals.parquet",
        "entities.parquet",
        "world_totals.parquet",
        "release.json",
    ];
    for f in files {
        let orig = fs::read(dir.join(f)).unwrap();
        let damages: [Vec<u8>; 4] = [
            Vec::new(),
            orig[..orig.len() / 2].to_vec(),
            b"garbage".to_vec(),
            orig.iter().map(|b| b ^ 0x5a).collect(),
        ];
        for (i, bad) in damages.iter().enumerate() {
            fs::write(dir.join(f), bad).unwrap();
            let err = store
                .load("good")
                .expect_err(&format!("{f} damage {i} loaded"));
            let msg = err.to_string();
            assert!(msg.contains("good"), "{f}: {msg}");
        }
        fs::remove_file(dir.join(f)).unwrap();
        assert!(store.load("good").is_err() || f == "world_totals.parquet");
        fs::write(dir.join(f), orig).unwrap();
        store.load("good").unwrap();
    }
}

/// A flows file that parses but points outside the entity table.
#[test]
fn out_of_range_ids_are_corruption() {
    let tmp = tempfile::tempdir().unwrap();
    let store = Store::open(tmp.path()).unwrap();
    let big = sample("big", None);
    store.put(&big, &report()).unwrap();
    let mut small = sample("small", None);
    small.entities = EntityTable::from_vec(small.entities.as_slice()[..2].to_vec());
    small.flows = Flows::default();
    small.deals.clear();
    store.put(&small, &report()).unwrap();
    // Swap in the big release's flows: ids 2 and 3 do not exist in "small".
    let rel = tmp.path().join("releases");
    fs::copy(
        rel.join("big/flows.parquet"),
        rel.join("small/flows.parquet"),
    )
    .unwrap();
    // The digests recorded at import see the swap first...
    let err = store.load("small").unwrap_err().to_string();
    assert!(
        err.contains("flows.parquet") && err.contains("SHA-256"),
        "{err}"
    );
    // ...and without them (a release imported before they were recorded)
    // the value checks do.
    fs::remove_file(rel.join("small/SHA256SUMS")).unwrap();
    let meta = fs::read_to_string(rel.join("small/release.json")).unwrap();
    fs::write(
        rel.join("small/release.json"),
        meta.replace(",\n  \"digests\": true", ""),
    )
    .unwrap();
    let err = store.load("small").unwrap_err().to_string();
    assert!(
        err.contains("flows.parquet") && err.contains("outside"),
        "{err}"
    );
}

#[test]
fn default_dir_follows_env() {
    // Only checks the shape; env is process-global so we don't mutate it here.
    if let Some(d) = Store::default_dir() {
        assert!(d.is_absolute() || std::env::var_os(store::DATA_DIR_ENV).is_some());
    }
}

#[test]
fn windowed_load_holds_exactly_the_window() {
    let tmp = tempfile::tempdir().unwrap();
    let store = Store::open(tmp.path()).unwrap();
    let r = sample("2026-02-12-register-bbbbbbbb", Some("2026-02-12"));
    store.put(&r, &report()).unwrap();
    let full = store.load(&r.meta.id).unwrap();
    for (first, last) in [(2021, 2021), (2020, 2021), (2022, 2030), (1990, 2019)] {
        let w = store.load_years(&r.meta.id, first, last).unwrap();
        let rows: Vec<u32> = (0..full.flows.len() as u32)
            .filter(|&i| (first..=last).contains(&full.flows.year[i as usize]))
            .collect();
        assert_eq!(w.flows, full.flows.gather(&rows), "{first}-{last}");
        assert!(w.deals.is_empty());
        assert_eq!(w.entities.as_slice(), full.entities.as_slice());
    }
}
