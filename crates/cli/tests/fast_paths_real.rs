//! Issue 16: the fast query paths against a straightforward reference on the
//! real registers. The reference is the register read straight from its CSV
//! file by the SIPRI reader (no store, no cache), summed row by row in file
//! order with hash maps keyed by entity key. The fast paths are what the
//! `imports`/`exports` and `concentration --all` subcommands run: partner
//! shares over the store's mapped `flows.cols` columns
//! ([`engine::partners_in`]), and all pairs summed while decoding
//! ([`store::Store::fold_years`] + [`engine::PairSums`]), the world ranking
//! the same way ([`engine::RankSums`]), from the cache and
//! again from `flows.parquet` alone. Sums in another order may differ in the
//! last bits: every figure must agree to 1e-12 (relative).
//! The SIPRI files are read at run time from the shared directory.

use crate::import_support;
use engine::{Direction, Filter, PairSums, RankSums};
use model::{Category, EntityKind, Flags, Release, Window};
use std::collections::HashMap;
use store::Store;

const WINDOWS: &[(u16, u16)] = &[(2020, 2024), (2015, 2019), (1990, 1994), (2022, 2024)];
const CATEGORIES: &[Option<Category>] = &[None, Some(Category::Aircraft), Some(Category::Missiles)];

fn close(a: f64, b: f64) -> bool {
    a == b || (a - b).abs() <= 1e-12 * a.abs().max(b.abs())
}

/// (supplier key, recipient key) -> (TIV, estimated TIV) over `f`, by delivery year.
type Sums = HashMap<(String, String), (f64, f64)>;

fn reference(r: &Release, f: &Filter) -> Sums {
    let mut out = Sums::new();
    let fl = &r.flows;
    let est = Flags::EST_YEAR | Flags::EST_NUMBER;
    for i in 0..fl.len() {
        if !f.window.contains(fl.year[i]) {
            continue;
        }
        if f.category
            .is_some_and(|c| Category::from_u8(fl.category[i]) != c)
        {
            continue;
        }
        let key = (
            r.entities.get(fl.supplier[i]).key.clone(),
            r.entities.get(fl.recipient[i]).key.clone(),
        );
        let e = out.entry(key).or_default();
        e.0 += fl.tiv[i];
        if fl.flags[i] & est != 0 {
            e.1 += fl.tiv[i];
        }
    }
    out
}

/// Imports a register with the binary into a temporary store.
fn imported(file: &std::path::Path) -> (tempfile::TempDir, Store, String) {
    let tmp = tempfile::tempdir().unwrap();
    import_support::ok(&import_support::run(
        &["import", file.to_str().unwrap()],
        tmp.path(),
    ));
    let store = Store::open_existing(tmp.path()).unwrap();
    let id = store.list().unwrap().pop().unwrap().id;
    (tmp, store, id)
}

fn check_partners(store: &Store, id: &str, reference_rel: &Release) {
    let (rel, cols) = store.load_view(id).unwrap();
    let v = cols.view();
    assert!(rel.flows.is_empty() && v.len() == reference_rel.flows.len());
    let mut checked = 0;
    for &(a, b) in WINDOWS {
        for &c in CATEGORIES {
            let f = Filter::new(Window::new(a, b).unwrap()).with_category(c);
            let want = reference(reference_rel, &f);
            for dir in [Direction::Imports, Direction::Exports] {
                // By focus key: partner key -> (TIV, estimated).
                let mut by: HashMap<&str, HashMap<&str, (f64, f64)>> = HashMap::new();
                for ((s, r), x) in &want {
                    let (focus, partner) = match dir {
                        Direction::Imports => (r, s),
                        Direction::Exports => (s, r),
                    };
                    by.entry(focus).or_default().insert(partner, *x);
                }
                for (focus_key, partners) in &by {
                    let focus = rel.entities.by_key(focus_key).unwrap();
                    let p = engine::partners_in(&rel, &v, focus, dir, &f).unwrap();
                    let what = format!("{dir} of {focus_key}, {a}-{b}, {c:?}");
                    let positive: Vec<_> = partners.iter().filter(|x| x.1.0 > 0.0).collect();
                    assert_eq!(p.partners.len(), positive.len(), "{what}");
                    let total: f64 = positive.iter().map(|x| x.1.0).sum();
                    assert!(close(p.total, total), "{what}: {} vs {total}", p.total);
                    for x in &p.partners {
                        let key = rel.entities.get(x.entity).key.as_str();
                        let (tiv, est) = partners[key];
                        assert!(close(x.tiv, tiv), "{what}, {key}: {} vs {tiv}", x.tiv);
                        assert!(close(x.estimated_tiv, est), "{what}, {key} estimated");
                        assert!(close(x.share, tiv / total), "{what}, {key} share");
                    }
                    checked += 1;
                }
            }
        }
    }
    assert!(checked > 500, "only {checked} partner tables compared");
}

fn check_all_pairs(store: &Store, id: &str, reference_rel: &Release) {
    for &(a, b) in WINDOWS {
        for &c in CATEGORIES {
            let f = Filter::new(Window::new(a, b).unwrap()).with_category(c);
            let (rel, parts) = store
                .fold_years(id, (a, b), &PairSums::new, &|s: &mut PairSums, v| {
                    s.add_view(v, &f)
                })
                .unwrap();
            let mut parts = parts.into_iter();
            let mut sums = parts.next().unwrap();
            for p in parts {
                sums.merge(&p);
            }
            let m = engine::pair_matrix(&rel, &f, sums);
            let want = reference(reference_rel, &f);
            let what = format!("all pairs {a}-{b}, {c:?}");
            let positive = want.values().filter(|x| x.0 > 0.0).count();
            assert_eq!(m.cells.len(), positive, "{what}");
            let mut rec_tot: HashMap<&str, f64> = HashMap::new();
            for ((_, r), x) in &want {
                *rec_tot.entry(r).or_default() += x.0;
            }
            for cell in &m.cells {
                let s = rel.entities.get(cell.supplier).key.clone();
                let r = rel.entities.get(cell.recipient).key.clone();
                let tiv = want[&(s.clone(), r.clone())].0;
                assert!(
                    close(cell.tiv, tiv),
                    "{what}, {s}->{r}: {} vs {tiv}",
                    cell.tiv
                );
                let share = tiv / rec_tot[r.as_str()];
                assert!(
                    close(cell.share_of_recipient, share),
                    "{what}, {s}->{r} share"
                );
            }
            check_ranking(store, id, &f, &want);
            for rs in &m.recipients {
                let Some(conc) = rs.concentration else {
                    continue;
                };
                let r = rel.entities.get(rs.recipient).key.as_str();
                let hhi: f64 = want
                    .iter()
                    .filter(|((_, rr), _)| rr == r)
                    .map(|(_, x)| (x.0 / rec_tot[r]).powi(2))
                    .sum();
                assert!(
                    close(conc.hhi, hhi),
                    "{what}, HHI of {r}: {} vs {hhi}",
                    conc.hhi
                );
            }
        }
    }
}

/// `top exporters/importers` over one window: summed while decoded, against
/// the reference's per-entity sums.
fn check_ranking(store: &Store, id: &str, f: &Filter, want: &Sums) {
    for dir in [Direction::Imports, Direction::Exports] {
        let (rel, parts) = store
            .fold_years(
                id,
                (f.window.start, f.window.end),
                &|n| RankSums::new(n, dir),
                &|s: &mut RankSums, v| s.add_view(v, f),
            )
            .unwrap();
        let mut parts = parts.into_iter();
        let mut sums = parts.next().unwrap();
        for p in parts {
            sums.merge(&p);
        }
        let r = engine::ranking_of(&rel, f, sums);
        let mut by: HashMap<&str, f64> = HashMap::new();
        for ((s, rc), x) in want {
            let k = if dir == Direction::Imports { rc } else { s };
            *by.entry(k).or_default() += x.0;
        }
        let ranked = by
            .iter()
            .filter(|(k, v)| {
                let e = rel.entities.get(rel.entities.by_key(k).unwrap());
                **v > 0.0 && !matches!(e.kind, EntityKind::Aggregate | EntityKind::Unknown)
            })
            .count();
        let what = format!("ranking of {dir}, {f:?}");
        assert_eq!(r.rows.len(), ranked, "{what}");
        for x in &r.rows {
            let key = rel.entities.get(x.entity).key.as_str();
            assert!(
                close(x.tiv, by[key]),
                "{what}, {key}: {} vs {}",
                x.tiv,
                by[key]
            );
        }
    }
}

fn fast_paths_match_reference(rel_path: &str) {
    let Some(file) = testkit::shared_path(module_path!(), rel_path) else {
        return;
    };
    let bytes = std::fs::read(&file).unwrap();
    let (reference_rel, _) = sipri::read(&bytes, &sipri::ReadOptions::default()).unwrap();
    let (tmp, store, id) = imported(&file);
    let cols = tmp.path().join("releases").join(&id).join("flows.cols");
    assert!(cols.exists(), "import writes the flows cache");
    check_partners(&store, &id, &reference_rel);
    check_all_pairs(&store, &id, &reference_rel);
    // Without the cache: Parquet decoded (partners) or folded while decoded.
    std::fs::remove_file(&cols).unwrap();
    check_partners(&store, &id, &reference_rel);
    check_all_pairs(&store, &id, &reference_rel);
}

#[test]
fn register_2026_fast_paths_match_reference() {
    fast_paths_match_reference(testkit::REGISTER_2026);
}

#[test]
fn legacy_register_2025_fast_paths_match_reference() {
    fast_paths_match_reference(testkit::LEGACY_2025);
}
