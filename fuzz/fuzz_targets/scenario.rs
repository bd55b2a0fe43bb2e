//! Scenario files (TOML, `armsflow scenario FILE` and the API), run against a
//! small SYNTHETIC release. A scenario either fails with a message or gives
//! finite, non-negative TIVs whose shares add up.
#![no_main]

use engine::scenario::{ScenarioSpec, run_spec};
use libfuzzer_sys::fuzz_target;
use sipri::names::Resolver;

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    let Ok(spec) = toml::from_str::<ScenarioSpec>(text) else {
        return;
    };
    let rel = armsflow_fuzz::synthetic_release();
    let resolve = |name: &str| {
        let e = Resolver::builtin().lookup(name).ok()?;
        rel.entities.by_key(&e.key)
    };
    let Ok(res) = run_spec(rel, &spec, &resolve) else {
        return;
    };
    for mix in [&res.baseline, &res.scenario] {
        assert!(
            mix.total.is_finite() && mix.total >= 0.0,
            "total {}",
            mix.total
        );
        if let Some(c) = &mix.concentration {
            assert!(
                c.hhi.is_finite() && (0.0..=1.0 + 1e-9).contains(&c.hhi),
                "hhi {}",
                c.hhi
            );
        }
    }
    let mut share = 0.0;
    for r in &res.rows {
        assert!(
            r.scenario_tiv.is_finite() && r.scenario_tiv >= -1e-9,
            "{r:?}"
        );
        assert!(r.scenario_share.is_finite(), "{r:?}");
        share += r.scenario_share;
    }
    if res.scenario.total > 0.0 {
        assert!((share - 1.0).abs() < 1e-6, "scenario shares sum to {share}");
    }
    for k in &res.knock_on {
        assert!(
            k.scenario_share.is_finite() && k.scenario_exports.is_finite(),
            "{k:?}"
        );
    }
});
