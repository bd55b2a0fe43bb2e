//! Regression tests for issue #12 (values validated at the door).

use crate::scenario::{release, resolver, shift, spec};
use engine::scenario::{ChangeSpec, ScenarioError, run_spec};

/// Weights of 1e308 summed to infinity: each normalised weight became 0 and
/// the shifted TIV silently vanished from the mix.
#[test]
fn huge_scenario_weights_are_rejected() {
    let rel = release();
    let r = resolver(&rel);
    for w in [1e308, f64::INFINITY, f64::NAN, -1.0, 1e10] {
        let s = spec(vec![shift("R", &["S", "I"], 50.0, Some(vec![w, w]))]);
        match run_spec(&rel, &s, &r) {
            Err(ScenarioError::Invalid { change: 1, reason }) => {
                assert!(reason.contains("weights"), "{w}: {reason}")
            }
            other => panic!("{w}: {other:?}"),
        }
    }
    // Large but bounded weights still conserve TIV.
    let s = spec(vec![shift("R", &["S", "I"], 50.0, Some(vec![1e9, 1e9]))]);
    let res = run_spec(&rel, &s, &r).unwrap();
    let total: f64 = res.rows.iter().map(|x| x.scenario_tiv).sum();
    assert!((total - 100.0).abs() < 1e-9, "{total}");
}

#[test]
fn huge_scenario_tiv_is_rejected() {
    let rel = release();
    let r = resolver(&rel);
    for tiv in [1e308, -1e308, 2e6] {
        let add = ChangeSpec::Add {
            supplier: "S".into(),
            tiv,
        };
        let e = run_spec(&rel, &spec(vec![add.clone(), add]), &r).unwrap_err();
        assert!(
            matches!(e, ScenarioError::Invalid { change: 1, .. }),
            "{tiv}: {e}"
        );
    }
}

/// Equal totals summed in different orders share a rank, listed by name
/// (regression: 2.4 against 0.35 + 0.7 + 1.05 + 0.3 ranked 1st and 2nd, and
/// the all-pairs path named a different top supplier than the ranking).
#[test]
fn equal_totals_share_a_rank_whatever_the_order_of_summing() {
    use engine::testkit::ReleaseBuilder;
    use engine::{Direction, Filter, all_pairs, ranking};
    use model::Window;
    let mut b = ReleaseBuilder::new();
    let pak = b.state("PAK", "Pakistan");
    let nga = b.state("NGA", "Nigeria");
    let aze = b.state("AZE", "Azerbaijan");
    let bgd = b.state("BGD", "Bangladesh");
    b.flow(pak, nga, 2018, 2.4);
    for v in [0.35, 0.7, 1.05, 0.3] {
        b.flow(pak, aze, 2018, v);
    }
    // Not equal as floats, equal as TIV.
    assert_ne!(0.35 + 0.7 + 1.05 + 0.3, 2.4);
    b.flow(pak, bgd, 2018, 1.0);
    let rel = b.build();
    let f = Filter::new(Window::new(2018, 2018).unwrap());
    let r = ranking(&rel, Direction::Imports, &f);
    let ranks: Vec<(&str, u32)> = r
        .rows
        .iter()
        .map(|x| (rel.entities.get(x.entity).name.as_str(), x.rank))
        .collect();
    assert_eq!(
        ranks,
        [("Azerbaijan", 1), ("Nigeria", 1), ("Bangladesh", 3)]
    );
    // Suppliers of one recipient in the all-pairs matrix: ties by name too.
    let mut c = ReleaseBuilder::new();
    let nato = c.state("XNA", "NATO");
    // Ukraine first: a lower id than Russia's.
    let ukr = c.state("UKR", "Ukraine");
    let rus = c.state("RUS", "Russia");
    c.flow(ukr, nato, 2006, 58.0);
    for v in [20.1, 37.9] {
        c.flow(rus, nato, 2006, v);
    }
    let rel = c.build();
    let m = all_pairs(&rel, &Filter::new(Window::new(2006, 2006).unwrap()));
    let top = m.cells_of(nato)[0].supplier;
    assert_eq!(rel.entities.get(top).name, "Russia");
}
