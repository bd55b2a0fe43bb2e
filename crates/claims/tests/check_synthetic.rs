//! Verdicts on a small hand-built release (SYNTHETIC). Expected values by hand:
//!
//! 2020-24: Kazakhstan imports Russia 70 (30 of it estimated), Spain 20,
//! Türkiye 10 = 100. Russia exports India 200, China 100, Kazakhstan 70,
//! Algeria 30 = 400 (Kazakhstan 17.5 %, 3rd). Israel → India 5.
//! World exports 2020-24 = 435: Russia 400 (91.95 %, 1st).
//! 2015-19: Russia exports India 450, Kazakhstan 50 = 500 → change -20 %.
//! Israel → Kazakhstan first in 2018; Russia → Kazakhstan first in 2015, the
//! release's first year.

use claims::{Checked, Names, Verdict, check, parse};
use engine::testkit::ReleaseBuilder;
use model::{Category, Flags, NO_DEAL, Release, SourceFormat};

fn release() -> Release {
    let mut b = ReleaseBuilder::new();
    let kaz = b.state("KAZ", "Kazakhstan");
    let rus = b.state("RUS", "Russia");
    let esp = b.state("ESP", "Spain");
    let tur = b.state("TUR", "Turkiye");
    let isr = b.state("ISR", "Israel");
    let ind = b.state("IND", "India");
    let chn = b.state("CHN", "China");
    let dza = b.state("DZA", "Algeria");
    b.flow_full(
        rus,
        kaz,
        2020,
        30.0,
        Category::Aircraft,
        Flags::EST_NUMBER,
        NO_DEAL,
    );
    b.flow(rus, kaz, 2023, 40.0)
        .flow(esp, kaz, 2021, 20.0)
        .flow(tur, kaz, 2024, 10.0);
    b.flow(rus, ind, 2022, 200.0)
        .flow(rus, chn, 2021, 100.0)
        .flow(rus, dza, 2020, 30.0);
    b.flow(isr, ind, 2021, 5.0);
    b.flow(rus, ind, 2016, 450.0)
        .flow(rus, kaz, 2015, 50.0)
        .flow(isr, kaz, 2018, 1.0);
    b.build()
}

fn run(rel: &Release, s: &str) -> Checked {
    check(
        &parse(s, Names::builtin()).unwrap_or_else(|e| panic!("{s}: {e}")),
        rel,
    )
}

fn verdict(rel: &Release, s: &str) -> Verdict {
    run(rel, s).verdict
}

use Verdict::{CannotBeChecked as Cannot, NotSupported as No, Supported as Yes};

#[test]
fn import_shares_and_tolerances() {
    let rel = release();
    let c = run(&rel, "share imports KAZ from RUS 2020-2024 = 70%");
    assert_eq!(c.verdict, Yes);
    assert_eq!(c.computed, Some(70.0));
    assert_eq!(c.tolerance.as_deref(), Some("[69.5, 70.5)"));
    assert_eq!(c.estimated_share, Some(30.0 / 70.0));
    assert_eq!(c.release, "test-register-00000000");
    assert!(c.synthetic && c.citation.starts_with("SYNTHETIC"));
    assert_eq!(
        verdict(&rel, "share imports KAZ from RUS 2020-2024 = 71%"),
        No
    );
    assert_eq!(
        verdict(&rel, "share imports KAZ from RUS 2020-2024 = 70.4%"),
        No
    );
    assert_eq!(
        verdict(&rel, "share imports KAZ from RUS 2020-2024 = about 72%"),
        Yes
    );
    assert_eq!(
        verdict(&rel, "share imports KAZ from RUS 2020-2024 = almost 70%"),
        No
    );
    assert_eq!(
        verdict(&rel, "share imports KAZ from RUS 2020-2024 = almost 72%"),
        Yes
    );
    assert_eq!(
        verdict(&rel, "share imports KAZ from RUS 2020-2024 = over 65%"),
        Yes
    );
    assert_eq!(
        verdict(&rel, "share imports KAZ from RUS 2020-2024 = under 65%"),
        No
    );
    assert_eq!(
        verdict(&rel, "share imports KAZ from RUS last-5-years = 70%"),
        Yes
    );
    assert_eq!(
        verdict(&rel, "share imports KAZ from ISR 2020-2024 = 0%"),
        Yes
    );
    assert_eq!(
        verdict(&rel, "share imports KAZ from TUR 2020-2024 = 10%"),
        Yes
    );
}

#[test]
fn export_share_and_rank() {
    let rel = release();
    let c = run(&rel, "share exports RUS to KAZ 2020-2024 = 17.5% rank 3");
    assert_eq!(
        (c.verdict, c.computed, c.computed_rank),
        (Yes, Some(17.5), Some(3))
    );
    assert!(
        c.explanation
            .contains("after India 200.00, China 100.00; ahead of Algeria 30.00"),
        "{}",
        c.explanation
    );
    assert_eq!(
        verdict(&rel, "share exports RUS to KAZ 2020-2024 = 17.5% rank 2"),
        No
    );
    assert_eq!(
        verdict(&rel, "share exports RUS to KAZ 2020-2024 = 70%"),
        No
    );
    assert_eq!(
        verdict(&rel, "rank exports RUS recipient KAZ 2020-2024 = 3"),
        Yes
    );
    assert_eq!(
        verdict(&rel, "rank exports RUS recipient KAZ 2015-2019 = 2"),
        Yes
    );
    assert_eq!(
        verdict(&rel, "rank exports RUS recipient ISR 2020-2024 = 5"),
        No
    );
}

#[test]
fn change_global_largest() {
    let rel = release();
    let c = run(&rel, "change exports RUS 2015-2019..2020-2024 = -20%");
    assert_eq!(c.verdict, Yes);
    assert!((c.computed.unwrap() + 20.0).abs() < 1e-9);
    assert_eq!(
        verdict(&rel, "change exports RUS 2015-2019..2020-2024 = +20%"),
        No
    );
    let c = run(&rel, "global-share exports RUS 2020-2024 = 92% rank 1");
    assert_eq!((c.verdict, c.computed_rank), (Yes, Some(1)));
    assert!((c.computed.unwrap() - 40000.0 / 435.0).abs() < 1e-9);
    assert_eq!(verdict(&rel, "global-rank exports ESP 2020-2024 = 2"), Yes);
    assert_eq!(verdict(&rel, "global-rank exports TUR 2020-2024 = 2"), No);
    assert_eq!(verdict(&rel, "largest supplier KAZ 2020-2024 = RUS"), Yes);
    assert_eq!(
        verdict(&rel, "second-largest supplier KAZ 2020-2024 = TUR"),
        No
    );
    assert_eq!(verdict(&rel, "largest recipient RUS 2020-2024 = IND"), Yes);
    let c = run(&rel, "second-largest supplier KAZ 2020-2024 = TUR");
    assert!(
        c.explanation.contains("Spain (20.00 TIV, 20.00 %)"),
        "{}",
        c.explanation
    );
}

#[test]
fn first_ever() {
    let rel = release();
    // The release starts after 1950 (SIPRI's first year): a first delivery
    // after its start cannot be confirmed; an earlier one refutes it.
    assert_eq!(verdict(&rel, "first-ever ISR to KAZ = 2018"), Cannot);
    assert_eq!(verdict(&rel, "first-ever ISR to KAZ = 2019"), No);
    assert_eq!(verdict(&rel, "first-ever ESP to KAZ = 2019"), No);
    assert_eq!(verdict(&rel, "first-ever CHN to KAZ = 2020"), No);
    // The release starts in 2015: an earlier delivery would not show.
    assert_eq!(verdict(&rel, "first-ever RUS to KAZ = 2015"), Cannot);
    assert_eq!(verdict(&rel, "first-ever RUS to KAZ = 2030"), Cannot);
}

#[test]
fn cannot_be_checked() {
    let rel = release();
    let c = run(&rel, "share imports KAZ from RUS 2025 = 70%");
    assert_eq!(c.verdict, Cannot);
    assert!(
        c.explanation.contains("covers 2015–2024"),
        "{}",
        c.explanation
    );
    assert_eq!(
        verdict(&rel, "share imports KAZ from RUS 2022-2026 = 70%"),
        Cannot
    );
    // Israel imports nothing: no denominator.
    assert_eq!(
        verdict(&rel, "share imports ISR from RUS 2020-2024 = 0%"),
        Cannot
    );
    // A country absent from the release.
    assert_eq!(
        verdict(&rel, "share imports FRA from RUS 2020-2024 = 0%"),
        Cannot
    );
    assert_eq!(
        verdict(&rel, "change imports ISR 2015-2019..2020-2024 = +5%"),
        Cannot
    );
    // One-sided TIV tables cannot give pair figures.
    let mut table = release();
    table.meta.format = SourceFormat::ImportTable;
    let c = run(&table, "share imports KAZ from RUS 2020-2024 = 70%");
    assert_eq!(c.verdict, Cannot);
    assert!(
        c.explanation.contains("table of arms imports"),
        "{}",
        c.explanation
    );
}
