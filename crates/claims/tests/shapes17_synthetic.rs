//! Shapes (f)-(h) of issue #17 on hand-built releases, with hand-computed
//! answers: the designation caveat, counts, months, never/no longer, and the
//! main/dominant thresholds at their edges. Plus: no text over their
//! vocabulary makes extraction or checking panic.

use claims::{Checked, Names, Verdict, check, check_text, extract};
use engine::testkit::ReleaseBuilder;
use model::{Category, Flags, Release};
use proptest::prelude::*;

/// KAZ imports: RUS Su-30MK 4 in 2019 (firm), 8 in 2024 (number estimated);
/// ESP C-295 1 in 2020 (100 TIV); ISR SandCat 10 in 2010.
fn release() -> Release {
    let mut b = ReleaseBuilder::new();
    let kaz = b.state("KAZ", "Kazakhstan");
    let rus = b.state("RUS", "Russia");
    let esp = b.state("ESP", "Spain");
    let isr = b.state("ISR", "Israel");
    let d0 = b.deal(rus, kaz, Some(2018));
    let d1 = b.deal(esp, kaz, Some(2019));
    let d2 = b.deal(isr, kaz, Some(2009));
    b.flow_full(rus, kaz, 2019, 220.0, Category::Aircraft, 0, d0);
    b.flow_full(
        rus,
        kaz,
        2024,
        440.0,
        Category::Aircraft,
        Flags::EST_NUMBER,
        d0,
    );
    b.flow_full(esp, kaz, 2020, 100.0, Category::Aircraft, 0, d1);
    b.flow_full(isr, kaz, 2010, 10.0, Category::ArmouredVehicles, 0, d2);
    let mut rel = b.build();
    for (i, (des, desc)) in [
        ("Su-30MK", "FGA aircraft"),
        ("C-295", "transport aircraft"),
        ("SandCat", "armoured personnel carrier"),
    ]
    .iter()
    .enumerate()
    {
        rel.deals[i].designation = des.to_string();
        rel.deals[i].description = desc.to_string();
    }
    rel.flows.units = vec![4, 8, 1, 10];
    rel
}

fn one(rel: &Release, s: &str) -> Checked {
    let ex = extract(s, Names::builtin());
    assert_eq!(ex.claims.len(), 1, "{s}: {:?}", ex.claims);
    check(&ex.claims[0].claim, rel)
}

#[test]
fn deliveries_designation_count_month() {
    let rel = release();
    let c = one(
        &rel,
        "Kazakhstan received Su-30SM fighters from Russia in August 2024.",
    );
    assert_eq!(c.verdict_label(), "supported, designation differs");
    assert_eq!(c.computed, Some(8.0));
    assert_eq!(c.estimated_share, Some(1.0));
    assert!(c.explanation.contains("number estimated") && c.explanation.contains("not months"));
    let c = one(
        &rel,
        "Kazakhstan received Su-30 fighters from Russia in 2024.",
    );
    assert_eq!(c.verdict_label(), "supported");
    let c = one(
        &rel,
        "Russia delivered 8 Su-30MK fighters to Kazakhstan in 2024.",
    );
    assert_eq!(c.verdict_label(), "supported");
    let c = one(
        &rel,
        "Russia delivered 9 Su-30MK fighters to Kazakhstan in 2024.",
    );
    assert_eq!(c.verdict, Verdict::NotSupported);
    let c = one(
        &rel,
        "Russia delivered 12 Su-30 fighters to Kazakhstan in 2019-2024.",
    );
    assert_eq!(c.verdict, Verdict::Supported, "{}", c.explanation);
    let c = one(
        &rel,
        "Russia delivered Su-30 fighters to Kazakhstan in 2021.",
    );
    assert_eq!(c.verdict, Verdict::NotSupported);
    assert!(c.explanation.contains("2019, 2024"), "{}", c.explanation);
    let c = one(
        &rel,
        "Russia delivered Su-35 fighters to Kazakhstan in 2024.",
    );
    assert_eq!(c.verdict, Verdict::NotSupported);
    let c = one(&rel, "Spain delivered helicopters to Kazakhstan in 2020.");
    assert_eq!(c.verdict, Verdict::NotSupported);
    let c = one(&rel, "Spain delivered aircraft to Kazakhstan in 2020.");
    assert_eq!(c.verdict, Verdict::Supported);
    let c = one(
        &rel,
        "Russia delivered Su-30 fighters to Kazakhstan in 2025.",
    );
    assert_eq!(c.verdict, Verdict::CannotBeChecked);
}

/// Legacy register: per-year numbers are our allocation of a deal total, so a
/// stated count for one year cannot be checked against them.
#[test]
fn allocated_numbers_do_not_decide_a_count() {
    let mut rel = release();
    rel.flows.flags[0] |= Flags::ALLOCATED;
    let c = one(
        &rel,
        "Russia delivered 4 Su-30 fighters to Kazakhstan in 2019.",
    );
    assert_eq!(c.verdict, Verdict::CannotBeChecked, "{}", c.explanation);
    assert!(c.explanation.contains("allocation"), "{}", c.explanation);
    let c = one(
        &rel,
        "Russia delivered Su-30 fighters to Kazakhstan in 2019.",
    );
    assert_eq!(c.verdict, Verdict::Supported);
    assert!(
        c.explanation.contains("allocated by armsflow"),
        "{}",
        c.explanation
    );
}

#[test]
fn past_never_no_longer() {
    let rel = release();
    let v = |s: &str| one(&rel, s).verdict;
    assert_eq!(
        v("Kazakhstan has bought Israeli weapons in the past."),
        Verdict::Supported
    );
    assert_eq!(
        v("Kazakhstan has never bought Israeli weapons."),
        Verdict::NotSupported
    );
    assert_eq!(
        v("Kazakhstan has never bought Israeli tanks."),
        Verdict::Supported
    );
    assert_eq!(
        v("Kazakhstan has never bought weapons from Türkiye."),
        Verdict::Supported
    );
    // Loitering munitions are not "drones" to SIPRI, but are to the press.
    let mut loit = release();
    loit.deals[2].description = "loitering munition".into();
    let c = one(&loit, "Kazakhstan has never bought Israeli drones.");
    assert_eq!(c.verdict, Verdict::CannotBeChecked, "{}", c.explanation);
    // Window 2020-2024: Israel last delivered in 2010; Russia in 2024.
    assert_eq!(
        v("Kazakhstan no longer buys Israeli weapons."),
        Verdict::Supported
    );
    assert_eq!(
        v("Kazakhstan no longer buys Russian weapons."),
        Verdict::NotSupported
    );
    // Spain delivered only inside the latest window: not "no longer".
    assert_eq!(
        v("Kazakhstan no longer buys Spanish weapons."),
        Verdict::NotSupported
    );
}

/// RUS `a`, ESP `b`, ISR `c` TIV to KAZ in 2024.
fn shares(a: f64, b: f64, c: f64) -> Release {
    let mut r = ReleaseBuilder::new();
    let kaz = r.state("KAZ", "Kazakhstan");
    for (key, name, tiv) in [
        ("RUS", "Russia", a),
        ("ESP", "Spain", b),
        ("ISR", "Israel", c),
    ] {
        let s = r.state(key, name);
        r.flow(s, kaz, 2024, tiv);
    }
    r.build()
}

#[test]
fn dominant_thresholds_at_their_edges() {
    let s = "Russia remained Kazakhstan's dominant arms supplier in 2024.";
    // 50 % exactly and exactly twice the second: supported.
    assert_eq!(
        one(&shares(50.0, 25.0, 25.0), s).verdict,
        Verdict::Supported
    );
    // 50 %, but the second has 26: 1.92x.
    assert_eq!(
        one(&shares(50.0, 26.0, 24.0), s).verdict,
        Verdict::NotSupported
    );
    // Rank 1 with 49 % and 4.9x the second: below the share threshold.
    assert_eq!(
        one(&shares(49.0, 10.0, 41.0), s).verdict,
        Verdict::NotSupported
    );
    // Not rank 1.
    let c = one(&shares(30.0, 60.0, 10.0), s);
    assert_eq!(c.verdict, Verdict::NotSupported);
    assert_eq!(c.computed_rank, Some(2));
    assert!(
        c.explanation.contains("the largest was Spain"),
        "{}",
        c.explanation
    );
    let main = "Russia was Kazakhstan's main supplier in 2024.";
    assert_eq!(
        one(&shares(90.0, 5.0, 5.0), main).verdict,
        Verdict::Supported
    );
}

proptest! {
    #[test]
    fn new_shape_noise_never_panics(parts in proptest::collection::vec(prop_oneof![
        Just("Su-30SM-Kampfflugzeuge"), Just("F-16s"), Just("Leopard"), Just("2"), Just("tanks"), Just("Patriot"),
        Just("air"), Just("defence"), Just("received"), Just("erhielt"), Just("lieferte"), Just("never"), Just("nie"),
        Just("no"), Just("longer"), Just("in the past"), Just("dominant"), Just("main"), Just("supplier"),
        Just("Waffenlieferant"), Just("NATO"), Just("NATO's"), Just("Abraham-Abkommen"), Just("joined"),
        Just("beitreten"), Just("wird"), Just("trat"), Just("bei"), Just("erstmals"), Just("signed"), Just("founded"),
        Just("beginnend mit"), Just("15."), Just("September"), Just("2020"), Just("im August 2024"), Just("seit"),
        Just("Mitglied"), Just("vermuten"), Just("könnte"), Just("announced"), Just("Russia"), Just("Kasachstan"),
        Just("Israeli"), Just("from"), Just("to"), Just("."), Just(","), Just("\n"), Just("12"), Just("drones")
    ], 0..40)) {
        let text = parts.join(" ");
        let rel = release();
        let _ = check_text(&text, &rel, Names::builtin());
    }
}
