//! Properties of the year-by-year series and its parts (the country page's
//! percentage-point changes, issue #13) on random releases.

use engine::series::{annual, halves};
use engine::testkit::ReleaseBuilder;
use engine::*;
use model::{Category, NO_DEAL, Release, Window};
use proptest::prelude::*;

fn release(rows: &[(u32, u32, u16, f64)]) -> Release {
    let mut b = ReleaseBuilder::new();
    for i in 0..5 {
        b.state(&format!("S{i}"), &format!("State {i}"));
    }
    for &(s, r, y, t) in rows {
        b.flow_full(s, r, y, t, Category::Aircraft, 0, NO_DEAL);
    }
    b.build()
}

fn rows() -> impl Strategy<Value = Vec<(u32, u32, u16, f64)>> {
    prop::collection::vec((0u32..5, 0u32..5, 2000u16..2012, 0.01f64..500.0), 0..60)
}

fn window() -> impl Strategy<Value = Window> {
    (1998u16..2012, 0u16..12).prop_map(|(a, l)| Window::new(a, a + l).unwrap())
}

proptest! {
    #[test]
    fn halves_are_equal_disjoint_and_inside(w in window()) {
        match halves(w) {
            None => prop_assert_eq!(w.len(), 1),
            Some((a, b)) => {
                prop_assert_eq!(a.len(), b.len());
                prop_assert_eq!(a.start, w.start);
                prop_assert_eq!(b.end, w.end);
                prop_assert!(a.end < b.start);
                // At most the middle year is left out.
                prop_assert!(b.start - a.end <= 2);
            }
        }
    }

    #[test]
    fn annual_matches_partners_and_part_shares_sum_to_one(
        rs in rows(), w in window(), focus in 0u32..5,
    ) {
        let rel = release(&rs);
        let f = Filter::new(w);
        let a = annual(&rel, focus, Direction::Imports, &f);
        let p = partners(&rel, focus, Direction::Imports, &f);
        // The series adds up to the window's table, partner by partner.
        let total: f64 = a.totals.iter().sum();
        prop_assert!((total - p.total).abs() <= 1e-6 * (1.0 + p.total));
        for s in &p.partners {
            let t = a.partners.iter().find(|x| x.entity == s.entity).map_or(0.0, |x| x.total);
            prop_assert!((t - s.tiv).abs() <= 1e-6 * (1.0 + s.tiv));
        }
        if let Some((first, last)) = halves(w) {
            for part in [first, last] {
                let shares: Vec<Option<f64>> =
                    (0..a.partners.len()).map(|k| a.share_in(k, part)).collect();
                if a.total_in(part) > 0.0 {
                    let sum: f64 = shares.iter().map(|s| s.unwrap()).sum();
                    prop_assert!((sum - 1.0).abs() <= 1e-9, "shares in {} sum {}", part, sum);
                } else {
                    prop_assert!(shares.iter().all(Option::is_none));
                }
            }
        }
    }
}
