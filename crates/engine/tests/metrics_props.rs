//! Properties on random releases.

use engine::testkit::ReleaseBuilder;
use engine::*;
use model::{Category, EntityKind, Flags, NO_DEAL, Release, Window};
use proptest::prelude::*;

/// (supplier, recipient, year, category, tiv, estimated) over 6 entities, one
/// of them an unknown supplier, years 2000-2011.
fn flows() -> impl Strategy<Value = Vec<(u32, u32, u16, u8, f64, bool)>> {
    prop::collection::vec(
        (
            0u32..6,
            0u32..6,
            2000u16..2012,
            0u8..11,
            0.01f64..500.0,
            any::<bool>(),
        ),
        0..60,
    )
}

fn release(rows: &[(u32, u32, u16, u8, f64, bool)]) -> Release {
    let mut b = ReleaseBuilder::new();
    for i in 0..5 {
        b.state(&format!("S{i}"), &format!("State {i}"));
    }
    b.entity(
        "unknown:supplier",
        "unknown supplier(s)",
        EntityKind::Unknown,
    );
    for &(s, r, y, c, t, e) in rows {
        let fl = if e { Flags::EST_NUMBER } else { 0 };
        b.flow_full(s, r, y, t, Category::from_u8(c), fl, NO_DEAL);
    }
    b.build()
}

fn window() -> impl Strategy<Value = Window> {
    (2000u16..2012, 0u16..6).prop_map(|(a, l)| Window::new(a, a + l).unwrap())
}

fn dir() -> impl Strategy<Value = Direction> {
    prop_oneof![Just(Direction::Imports), Just(Direction::Exports)]
}

proptest! {
    #[test]
    fn shares_sum_to_one_and_hhi_bounds(rows in flows(), w in window(), focus in 0u32..6, d in dir()) {
        let rel = release(&rows);
        let p = partners(&rel, focus, d, &Filter::new(w));
        prop_assert!(p.total.is_finite() && p.estimated_share.is_finite());
        if p.partners.is_empty() {
            prop_assert_eq!(p.total, 0.0);
            prop_assert!(p.concentration.is_none());
        } else {
            let s: f64 = p.partners.iter().map(|x| x.share).sum();
            prop_assert!((s - 1.0).abs() <= 1e-9, "shares sum {}", s);
            let c = p.concentration.unwrap();
            let n = p.partners.len();
            prop_assert_eq!(c.n, n);
            prop_assert!(c.hhi >= 1.0 / n as f64 - 1e-12 && c.hhi <= 1.0 + 1e-12);
            prop_assert!((c.n_eff - 1.0 / c.hhi).abs() <= 1e-9);
            prop_assert!((0.0..=1.0).contains(&c.hhi_normalized));
            prop_assert!(c.cr1 <= c.cr3 + 1e-12 && c.cr3 <= 1.0 + 1e-12);
            prop_assert!((c.cr1 - p.partners[0].share).abs() <= 1e-12);
            // Sorted descending; named partners ranked from 1, non-decreasing.
            let ranked: Vec<u32> = p.partners.iter().filter_map(|x| x.rank).collect();
            prop_assert_eq!(ranked.first().copied(), (!ranked.is_empty()).then_some(1));
            prop_assert!(ranked.windows(2).all(|r| r[0] <= r[1]));
            for pair in p.partners.windows(2) {
                prop_assert!(pair[0].tiv >= pair[1].tiv);
            }
            prop_assert!((0.0..=1.0 + 1e-12).contains(&p.estimated_share));
        }
    }

    #[test]
    fn windows_inclusive_at_both_ends(rows in flows(), w in window(), focus in 0u32..6) {
        let rel = release(&rows);
        let expect: f64 = rows.iter()
            .filter(|r| r.1 == focus && r.2 >= w.start && r.2 <= w.end)
            .map(|r| r.4).sum();
        let p = partners(&rel, focus, Direction::Imports, &Filter::new(w));
        prop_assert!((p.total - expect).abs() <= 1e-9 * expect.max(1.0));
        // Splitting a window at any year partitions the total.
        if w.len() > 1 {
            let mid = w.start + w.len() / 2;
            let a = partners(&rel, focus, Direction::Imports, &Filter::new(Window::new(w.start, mid - 1).unwrap()));
            let b = partners(&rel, focus, Direction::Imports, &Filter::new(Window::new(mid, w.end).unwrap()));
            prop_assert!((a.total + b.total - p.total).abs() <= 1e-9 * p.total.max(1.0));
        }
    }

    #[test]
    fn category_totals_sum_to_overall(rows in flows(), w in window(), focus in 0u32..6, d in dir()) {
        let rel = release(&rows);
        let f = Filter::new(w);
        let all = partners(&rel, focus, d, &f);
        let br = category_breakdown(&rel, focus, d, &f);
        let s: f64 = br.iter().map(|c| c.1.total).sum();
        prop_assert!((s - all.total).abs() <= 1e-9 * all.total.max(1.0));
        for (c, p) in &br {
            prop_assert_eq!(p.filter.category, Some(*c));
            prop_assert!(p.total > 0.0);
        }
    }

    #[test]
    fn rankings_and_matrix_agree_with_partners(rows in flows(), w in window()) {
        let rel = release(&rows);
        let f = Filter::new(w);
        let m = all_pairs(&rel, &f);
        let ex = ranking(&rel, Direction::Exports, &f);
        let im = ranking(&rel, Direction::Imports, &f);
        let tol = 1e-9 * m.total.max(1.0);
        prop_assert!((ex.total - m.total).abs() <= tol && (im.total - m.total).abs() <= tol);
        let shares: f64 = ex.rows.iter().map(|r| r.share).sum::<f64>() + engine_ratio(ex.unknown_tiv, ex.total);
        if ex.total > 0.0 { prop_assert!((shares - 1.0).abs() <= 1e-9); }
        for r in &m.recipients {
            let p = partners(&rel, r.recipient, Direction::Imports, &f);
            prop_assert!((p.total - r.total).abs() <= tol);
            let (a, b) = (p.concentration.unwrap().hhi, r.concentration.unwrap().hhi);
            prop_assert!((a - b).abs() <= 1e-9);
            // Entity 5 is the unknown placeholder: in the total, without a row.
            match im.rank_of(r.recipient) {
                Some(row) => prop_assert!((row.tiv - r.total).abs() <= tol),
                None => prop_assert_eq!(r.recipient, 5),
            }
        }
    }

    #[test]
    fn pair_consistent_with_partners(rows in flows(), w in window(), s in 0u32..6, r in 0u32..6) {
        let rel = release(&rows);
        let f = Filter::new(w);
        let pr = pair(&rel, s, r, &f);
        let imp = partners(&rel, r, Direction::Imports, &f);
        let exp = partners(&rel, s, Direction::Exports, &f);
        let by_year: f64 = pr.by_year.iter().map(|y| y.1).sum();
        prop_assert!((by_year - pr.total).abs() <= 1e-9 * pr.total.max(1.0));
        prop_assert_eq!(pr.supplier_rank, imp.get(s).and_then(|x| x.rank));
        prop_assert_eq!(pr.recipient_rank, exp.get(r).and_then(|x| x.rank));
        // "rank k of n": n counts the partners that take a rank.
        if pr.total > 0.0 {
            prop_assert_eq!(pr.recipient_suppliers, imp.ranked());
            prop_assert_eq!(pr.supplier_customers, exp.ranked());
        }
        if let Some(sh) = pr.share_of_recipient_imports {
            prop_assert!((sh - imp.get(s).map_or(0.0, |x| x.share)).abs() <= 1e-9);
        }
    }
}

fn engine_ratio(a: f64, b: f64) -> f64 {
    if b > 0.0 { a / b } else { 0.0 }
}
