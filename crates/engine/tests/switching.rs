//! Switching between two windows, hand-computed on small releases.

use engine::Filter;
use engine::switching::{DEFAULT_MIN_TIV, SwitchOptions, switching, tv_distance};
use engine::testkit::ReleaseBuilder;
use model::{Release, Window};
use proptest::prelude::*;

fn w(a: u16, b: u16) -> Window {
    Window::new(a, b).unwrap()
}

fn close(a: f64, b: f64) -> bool {
    (a - b).abs() < 1e-9
}

/// AAA: Russia 80 + France 20 → Russia 30 + Israel 50 + Türkiye 20.
/// BBB: Russia 100 → Russia 100. CCC: France 50 + US 50 → France 20 + US 80.
/// DDD: tiny (Russia 10 → France 10). EEE: imports in the first window only.
fn release() -> Release {
    let mut b = ReleaseBuilder::new();
    let rus = b.state("RUS", "Russia");
    let fra = b.state("FRA", "France");
    let isr = b.state("ISR", "Israel");
    let tur = b.state("TUR", "Turkiye");
    let usa = b.state("USA", "United States");
    let [aaa, bbb, ccc, ddd, eee] =
        ["AAA", "BBB", "CCC", "DDD", "EEE"].map(|k| b.state(k, &format!("{k} land")));
    b.flow(rus, aaa, 2016, 80.0)
        .flow(fra, aaa, 2019, 20.0)
        .flow(rus, aaa, 2021, 30.0)
        .flow(isr, aaa, 2022, 50.0)
        .flow(tur, aaa, 2024, 20.0)
        .flow(rus, bbb, 2015, 100.0)
        .flow(rus, bbb, 2020, 100.0)
        .flow(fra, ccc, 2017, 50.0)
        .flow(usa, ccc, 2018, 50.0)
        .flow(fra, ccc, 2020, 20.0)
        .flow(usa, ccc, 2023, 80.0)
        .flow(rus, ddd, 2015, 10.0)
        .flow(fra, ddd, 2020, 10.0)
        .flow(usa, eee, 2015, 100.0);
    b.build()
}

fn key(rel: &Release, id: u32) -> &str {
    &rel.entities.get(id).key
}

#[test]
fn tv_distance_hand_computed() {
    // p = (0.8, 0.2, 0, 0), q = (0.3, 0, 0.5, 0.2): ½(0.5 + 0.2 + 0.5 + 0.2) = 0.7.
    let p = [(0, 80.0), (1, 20.0)];
    let q = [(0, 30.0), (2, 50.0), (3, 20.0)];
    assert!(close(tv_distance(&p, &q).unwrap(), 0.7));
    assert!(close(tv_distance(&p, &p).unwrap(), 0.0));
    assert!(close(tv_distance(&[(0, 5.0)], &[(1, 7.0)]).unwrap(), 1.0));
    assert_eq!(tv_distance(&[], &q), None);
    assert_eq!(tv_distance(&p, &[(1, 0.0)]), None);
}

#[test]
fn ranks_by_distance_with_entries_exits_and_hhi() {
    let rel = release();
    let s = switching(
        &rel,
        &Filter::new(w(2015, 2019)),
        w(2020, 2024),
        &SwitchOptions::default(),
    );
    let order: Vec<&str> = s.rows.iter().map(|r| key(&rel, r.recipient)).collect();
    // AAA 0.7, CCC 0.3, BBB 0. DDD is below the 50-TIV floor; EEE stopped importing.
    assert_eq!(order, ["AAA", "CCC", "BBB"]);
    assert_eq!(s.below_min, 1);
    assert_eq!(s.one_window_only, 1);
    let a = &s.rows[0];
    assert!(close(a.tv_distance, 0.7));
    assert!(close(a.from_total, 100.0) && close(a.to_total, 100.0));
    assert_eq!(key(&rel, a.top_from.supplier), "RUS");
    assert_eq!(key(&rel, a.top_to.supplier), "ISR");
    assert!(a.top_changed);
    let entered: Vec<&str> = a.entered.iter().map(|c| key(&rel, c.supplier)).collect();
    assert_eq!(entered, ["ISR", "TUR"]);
    assert_eq!(a.left.len(), 1);
    assert_eq!(key(&rel, a.left[0].supplier), "FRA");
    // HHI 0.64 + 0.04 = 0.68 → 0.09 + 0.25 + 0.04 = 0.38.
    assert!(close(a.hhi_from.unwrap(), 0.68));
    assert!(close(a.hhi_to.unwrap(), 0.38));
    assert!(close(a.hhi_change.unwrap(), -0.30));
    assert_eq!(key(&rel, a.changes[0].supplier), "ISR");
    assert!(close(a.changes.last().unwrap().change, -0.5));
    let c = &s.rows[1];
    assert!(close(c.tv_distance, 0.3));
    // A 50/50 tie goes to the first name: France, then the US leads.
    assert_eq!(key(&rel, c.top_from.supplier), "FRA");
    assert_eq!(key(&rel, c.top_to.supplier), "USA");
    assert!(c.top_changed);
    assert!(!s.rows[2].top_changed);
    assert!(c.entered.is_empty() && c.left.is_empty());
    assert!(close(s.rows[2].tv_distance, 0.0));
}

#[test]
fn away_from_ranks_by_the_drop() {
    let rel = release();
    let rus = rel.entities.by_key("RUS").unwrap();
    let opts = SwitchOptions {
        away_from: Some(rus),
        min_tiv: 0.0,
        ..SwitchOptions::default()
    };
    let s = switching(&rel, &Filter::new(w(2015, 2019)), w(2020, 2024), &opts);
    let order: Vec<&str> = s.rows.iter().map(|r| key(&rel, r.recipient)).collect();
    // DDD −1.0, AAA −0.5, BBB 0; CCC never took Russian arms.
    assert_eq!(order, ["DDD", "AAA", "BBB"]);
    assert_eq!(s.never_supplied, 1);
    let away = s.rows[1].away.unwrap();
    assert!(close(away.share_from, 0.8) && close(away.share_to, 0.3));
    assert!(close(away.change, -0.5));
}

#[test]
fn a_single_recipient_ignores_the_floor() {
    let rel = release();
    let ddd = rel.entities.by_key("DDD").unwrap();
    let opts = SwitchOptions {
        recipient: Some(ddd),
        ..SwitchOptions::default()
    };
    assert_eq!(opts.min_tiv, DEFAULT_MIN_TIV);
    let s = switching(&rel, &Filter::new(w(2015, 2019)), w(2020, 2024), &opts);
    assert_eq!(s.rows.len(), 1);
    assert!(close(s.rows[0].tv_distance, 1.0));
}

proptest! {
    #[test]
    fn distance_is_a_metric_on_mixes(
        p in prop::collection::vec((0u32..6, 0.0f64..100.0), 1..8),
        q in prop::collection::vec((0u32..6, 0.0f64..100.0), 1..8),
        r in prop::collection::vec((0u32..6, 0.0f64..100.0), 1..8),
    ) {
        let (Some(pq), Some(qp)) = (tv_distance(&p, &q), tv_distance(&q, &p)) else {
            return Ok(());
        };
        prop_assert!((0.0..=1.0).contains(&pq));
        prop_assert!((pq - qp).abs() < 1e-12);
        prop_assert!(tv_distance(&p, &p).unwrap() < 1e-12);
        if let (Some(pr), Some(rq)) = (tv_distance(&p, &r), tv_distance(&r, &q)) {
            prop_assert!(pq <= pr + rq + 1e-12);
        }
        // Scaling a side does not move its mix.
        let p2: Vec<(u32, f64)> = p.iter().map(|&(i, v)| (i, v * 3.5)).collect();
        prop_assert!((tv_distance(&p2, &q).unwrap() - pq).abs() < 1e-9);
    }
}

/// SIPRI's `unknown recipient(s)` imported in both windows: not ranked, but
/// counted (alignment probe 12: 87 ranked + 72 + 22 left out = 181 of 182).
#[test]
fn the_unknown_recipient_is_counted_not_dropped() {
    let mut b = ReleaseBuilder::new();
    let rus = b.state("RUS", "Russia");
    let aaa = b.state("AAA", "AAA land");
    let unk = b.entity(
        "unknown:recipient",
        "unknown recipient(s)",
        model::EntityKind::Unknown,
    );
    b.flow(rus, aaa, 2016, 80.0)
        .flow(rus, aaa, 2021, 80.0)
        .flow(rus, unk, 2016, 60.0)
        .flow(rus, unk, 2022, 60.0);
    let rel = b.build();
    let s = switching(
        &rel,
        &Filter::new(w(2015, 2019)),
        w(2020, 2024),
        &SwitchOptions::default(),
    );
    assert_eq!(s.rows.len(), 1);
    assert_eq!(s.unknown_recipient, 1);
    assert_eq!(
        s.rows.len() + s.below_min + s.one_window_only + s.unknown_recipient,
        2
    );
}
