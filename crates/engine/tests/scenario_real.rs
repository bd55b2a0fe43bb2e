//! The scenario on the Feb-2026 register (read at run time from
//! `shared/`, never committed): shift 30 % of Russia's share of Kazakhstan's
//! 2020-24 imports to Israel and Türkiye equally.
//!
//! Expected values recomputed independently with a python csv script over the
//! shared file (TIV summed by supplier, recipient, delivery year):
//! baseline Russia 1175.20 of 1328.98 (88.43 %), HHI 0.786644, N_eff 1.27122,
//! CR3 0.963860. Moved: 352.56 TIV, 176.28 each. Scenario: Russia 822.64
//! (61.90 %), Türkiye 196.53 (14.79 %), Israel 176.28 (13.26 %), HHI 0.427073,
//! N_eff 2.34152, CR1 0.619001, CR3 0.899524. Knock-on: Kazakhstan stays
//! Russia's 3rd recipient (822.64 vs Algeria 814.50; behind China 1869.25),
//! becomes Israel's 7th of 44 named recipients (45 with "unknown
//! recipient(s)", which takes no rank; after UAE 187.50) and Türkiye's 5th of 46
//! (was 24th; after Ukraine 224.70, ahead of Turkmenistan 158.45).

use engine::scenario::{ChangeSpec, ScenarioSpec, run_spec};
use model::Release;

const REGISTER_2026: &str = "data/sipri/nagehanrdogan-trade-register-2026/trade_register.csv";

fn register() -> Option<Release> {
    let bytes = testkit::shared_bytes(module_path!(), REGISTER_2026)?;
    let opts = sipri::ReadOptions {
        file_name: "trade_register.csv".into(),
        skip_bad_rows: false,
    };
    Some(
        sipri::read(&bytes, &opts)
            .expect("Feb-2026 register reads")
            .0,
    )
}

fn close(a: f64, b: f64, tol: f64) -> bool {
    (a - b).abs() < tol
}

#[test]
fn kazakhstan_shifts_30_percent_of_russia_to_israel_and_turkiye() {
    let Some(rel) = register() else { return };
    let names = sipri::names::Resolver::builtin();
    let resolve = |n: &str| {
        names
            .lookup(n)
            .ok()
            .and_then(|e| rel.entities.by_key(&e.key))
    };
    let spec = ScenarioSpec {
        name: None,
        description: None,
        recipient: "Kasachstan".into(),
        period: Some("2020-24".into()),
        category: None,
        changes: vec![ChangeSpec::Shift {
            from: "Russland".into(),
            to: vec!["Israel".into(), "Türkiye".into()],
            percent: 30.0,
            weights: None,
        }],
    };
    let res = run_spec(&rel, &spec, &resolve).unwrap();
    let name = |id| rel.entities.get(id).name.as_str();
    assert!(close(res.baseline.total, 1328.98, 1e-6) && close(res.scenario.total, 1328.98, 1e-6));
    let b = res.baseline.concentration.unwrap();
    assert!(
        close(b.hhi, 0.786644, 1e-6)
            && close(b.n_eff, 1.27122, 1e-5)
            && close(b.cr3, 0.963860, 1e-6)
    );
    let top: Vec<(&str, f64, f64)> = res
        .rows
        .iter()
        .take(4)
        .map(|r| (name(r.supplier), r.scenario_tiv, r.scenario_share))
        .collect();
    let want = [
        ("Russia", 822.64, 0.619001),
        ("Turkiye", 196.53, 0.147880),
        ("Israel", 176.28, 0.132643),
        ("Spain", 85.5, 0.064335),
    ];
    for (g, w) in top.iter().zip(want) {
        assert_eq!(g.0, w.0);
        assert!(
            close(g.1, w.1, 1e-6) && close(g.2, w.2, 1e-6),
            "{g:?} vs {w:?}"
        );
    }
    // 26.5 points moved off Russia: 88.43 % → 61.90 %.
    assert!(close(
        res.rows[0].baseline_share - res.rows[0].scenario_share,
        0.265287,
        1e-6
    ));
    let s = res.scenario.concentration.unwrap();
    assert!(
        close(s.hhi, 0.427073, 1e-6)
            && close(s.hhi_10000, 4270.73, 1e-2)
            && close(s.n_eff, 2.34152, 1e-5)
    );
    assert!(close(s.cr1, 0.619001, 1e-6) && close(s.cr3, 0.899524, 1e-6));

    let k = |n: &str| res.knock_on.iter().find(|k| name(k.supplier) == n).unwrap();
    let rus = k("Russia");
    assert_eq!((rus.baseline_rank, rus.scenario_rank), (Some(3), Some(3)));
    assert_eq!(rus.above.map(|a| name(a.0)), Some("China"));
    assert_eq!(
        rus.below.map(|b| (name(b.0), b.1)),
        Some(("Algeria", 814.5))
    );
    assert!(
        close(rus.scenario_exports, 10749.48, 1e-6) && close(rus.scenario_share, 0.076528, 1e-6)
    );
    let isr = k("Israel");
    assert_eq!(
        (isr.baseline_rank, isr.scenario_rank, isr.scenario_customers),
        (None, Some(7), 44)
    );
    assert_eq!(isr.above.map(|a| name(a.0)), Some("UAE"));
    let tur = k("Turkiye");
    assert_eq!(
        (tur.baseline_rank, tur.scenario_rank, tur.scenario_customers),
        (Some(24), Some(5), 46)
    );
    assert_eq!(tur.below.map(|b| name(b.0)), Some("Turkmenistan"));
    assert_eq!(res.knock_on.len(), 3);
}
