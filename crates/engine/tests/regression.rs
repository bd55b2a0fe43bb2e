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
