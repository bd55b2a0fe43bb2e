//! Issue #13: the coverage rule (model::Coverage) on a release's span, and
//! the change against a window outside the release.

use engine::testkit::ReleaseBuilder;
use engine::*;
use model::{Coverage, Window, comparison_note};
use proptest::prelude::*;

fn w(a: u16, b: u16) -> Window {
    Window::new(a, b).unwrap()
}

/// RUS→KAZ 100 TIV a year, 2015-2024.
fn release() -> (model::Release, u32) {
    let mut b = ReleaseBuilder::new();
    let rus = b.state("RUS", "Russia");
    let kaz = b.state("KAZ", "Kazakhstan");
    for y in 2015..=2024 {
        b.flow(rus, kaz, y, 100.0);
    }
    (b.build(), kaz)
}

#[test]
fn span_comes_from_the_release() {
    let (rel, _) = release();
    assert_eq!(year_span(&rel), Some((2015, 2024)));
    let c = rel.coverage(w(2021, 2025));
    assert_eq!(c.missing_years, vec![2025]);
    assert_eq!(
        c.note().unwrap(),
        "the release covers 2015–2024; 2025 is not in it"
    );
    assert!(rel.coverage(w(2020, 2024)).is_complete());
}

#[test]
fn change_against_a_partial_window_is_kept_but_marked() {
    let (rel, kaz) = release();
    // 2021-2025 holds 4 years (400), 2016-2020 holds 5 (500): "-20 %" is the
    // data's answer, but not like for like, and every output must say so.
    let p = partners(&rel, kaz, Direction::Imports, &Filter::new(w(2021, 2025)));
    assert!((p.change.unwrap() + 0.2).abs() < 1e-12);
    let note = comparison_note(
        &rel.coverage(p.filter.window),
        &rel.coverage(p.filter.window.previous()),
    );
    assert!(note.unwrap().contains("2021-2025 has 4 of 5 years"));
}

#[test]
fn no_change_from_a_window_wholly_outside() {
    let (rel, kaz) = release();
    // 2025-2029 holds nothing: a "-100 %" would be a confident wrong answer.
    let p = partners(&rel, kaz, Direction::Imports, &Filter::new(w(2025, 2029)));
    assert!(p.change.is_none());
    // Its previous window (2020-2024) is complete and has its own total.
    assert_eq!(p.previous.as_ref().unwrap().total, 500.0);
}

proptest! {
    /// Covered and missing years partition the window; partial iff any is missing.
    #[test]
    fn coverage_partitions_the_window(a in 1900u16..2100, l in 0u16..40, s in 1900u16..2100, n in 0u16..60) {
        let win = w(a, (a + l).min(2100));
        let span = (s, (s + n).min(2100));
        let c = Coverage::of(win, Some(span));
        prop_assert_eq!(c.covered_years as usize + c.missing_years.len(), win.len() as usize);
        prop_assert_eq!(c.partial, !c.missing_years.is_empty());
        for y in &c.missing_years {
            prop_assert!(win.contains(*y) && (*y < span.0 || *y > span.1));
        }
        let inside = win.years().filter(|y| span.0 <= *y && *y <= span.1).count();
        prop_assert_eq!(inside, c.covered_years as usize);
        prop_assert_eq!(c.note().is_some(), c.partial);
    }
}

/// A delivery year outside the release has no value (not 0 TIV); an order
/// year outside it can have deliveries inside, so it has one. Boundaries
/// inclusive; a window has no data only when none of its years is inside.
#[test]
fn no_data_is_by_delivery_year_outside_the_release() {
    let (rel, _) = release();
    let f = Filter::new(w(2013, 2016));
    assert!(f.no_data_in(&rel, 2014) && !f.no_data_in(&rel, 2015));
    assert!(!f.no_data_in(&rel, 2024) && f.no_data_in(&rel, 2025));
    assert!(!f.no_data(&rel));
    assert!(Filter::new(w(2025, 2029)).no_data(&rel));
    assert!(Filter::new(w(2010, 2014)).no_data(&rel));
    let order = Filter::new(w(2010, 2014)).with_basis(Basis::Order);
    assert!(!order.no_data(&rel) && !order.no_data_in(&rel, 2010));
    // An order placed after the release's last year has no delivery in it
    // (query probe 15: "imported nothing in 2025-2029 by order year").
    let late = Filter::new(w(2025, 2029)).with_basis(Basis::Order);
    assert!(late.no_data(&rel) && late.no_data_in(&rel, 2025));
    let edge = Filter::new(w(2023, 2026)).with_basis(Basis::Order);
    assert!(!edge.no_data(&rel) && !edge.no_data_in(&rel, 2024) && edge.no_data_in(&rel, 2025));
}
