//! Regressions of claims probe 19 (/work/bigtmp/claimprobe19/findings.md).
//!
//! Expected values come from the probe's log.tsv (pandas over the raw
//! Feb-2026 register), independent of armsflow. 2020-24: Türkiye's ship
//! imports Spain 63.55 % / Germany 36.45 %; Poland's imports USA 44.56 % /
//! South Korea 41.95 %; Azerbaijan's imports Türkiye 58.77 % (rank 1);
//! Pakistan's imports China 81.14 %; Egypt's imports Germany 32.06 % (rank
//! 1); Nigeria's imports China 39.87 % (rank 1); world exports Italy 4.84 %
//! (rank 6), China 5.87 % (rank 4), Türkiye rank 11; world imports UAE rank
//! 11, South Korea rank 12.

use crate::common;
use claims::Verdict;

use Verdict::{CannotBeChecked as Cannot, NotSupported as No, Supported as Yes};

use common::VerdictCase as Case;

/// "main" is the largest in ordinary (and SIPRI's) usage, or a dominant
/// supplier by armsflow's rule: where only the first holds, neither verdict
/// may be given for the writer (findings 1: both were "not supported").
#[rustfmt::skip]
const MAIN: &[Case] = &[
    ("Spain was Türkiye's main supplier of ships in 2020–24.", &[("main-supplier TUR 2020-2024 ships = ESP", Cannot)], Some("\"main\" may mean the largest")),
    ("The United States was Poland's main arms supplier in 2020–24.", &[("main-supplier POL 2020-2024 = USA", Cannot)], Some("\"main\" may mean the largest")),
    ("Die USA waren 2020–24 der Hauptlieferant Polens.", &[("main-supplier POL 2020-2024 = USA", Cannot)], Some("kann den größten Lieferanten meinen")),
    // Both readings hold: 81.14 % leaves the second at most 18.86 %, 4.3× less.
    ("China was Pakistan's main arms supplier in 2020–24.", &[("main-supplier PAK 2020-2024 = CHN", Yes)], None),
    // Neither holds: not rank 1.
    ("Israel was Azerbaijan's main arms supplier in 2020–24.", &[("main-supplier AZE 2020-2024 = ISR", No)], None),
    ("South Korea was Poland's main arms supplier in 2020–24.", &[("main-supplier POL 2020-2024 = KOR", No)], None),
    // "dominant" has one reading, and 44.56 % is short of it.
    ("The United States was Poland's dominant arms supplier in 2020–24.", &[("dominant-supplier POL 2020-2024 = USA", No)], None),
];

/// SIPRI's press-release form: a rank and the ranked country's share in one
/// sentence (findings 3: refused whole, with unrelated reasons).
#[rustfmt::skip]
const RANK_SHARE: &[Case] = &[
    ("Germany was Egypt's largest arms supplier in 2020–24, accounting for 32 per cent of its imports.",
        &[("share imports EGY from DEU 2020-2024 = 32%", Yes), ("largest supplier EGY 2020-2024 = DEU", Yes)], None),
    ("Germany was Egypt's largest arms supplier in 2020–24, accounting for 35 per cent of its imports.",
        &[("share imports EGY from DEU 2020-2024 = 35%", No), ("largest supplier EGY 2020-2024 = DEU", Yes)], None),
    ("China was Nigeria's largest arms supplier in 2020–24, accounting for 40 per cent of its imports.",
        &[("share imports NGA from CHN 2020-2024 = 40%", Yes), ("largest supplier NGA 2020-2024 = CHN", Yes)], None),
    ("Italy was the sixth-largest exporter of major arms in 2020–24, with 4.8 per cent of the global total.",
        &[("global-share exports ITA 2020-2024 = 4.8% rank 6", Yes)], None),
    ("Italy was the sixth-largest exporter of major arms in 2020–24, with 5.8 per cent of the global total.",
        &[("global-share exports ITA 2020-2024 = 5.8% rank 6", No)], None),
    ("China war 2020–24 der viertgrößte Waffenexporteur mit einem Anteil von 5,9 Prozent.",
        &[("global-share exports CHN 2020-2024 = 5.9% rank 4", Yes)], None),
    ("China war 2020–24 der viertgrößte Waffenexporteur mit einem Anteil von 7 Prozent.",
        &[("global-share exports CHN 2020-2024 = 7% rank 4", No)], None),
];

/// German ordinals from 11 on (findings 2: not read).
#[rustfmt::skip]
const ORDINALS: &[Case] = &[
    ("Südkorea war 2020–24 der zwölftgrößte Importeur von Großwaffen.", &[("global-rank imports KOR 2020-2024 = 12", Yes)], None),
    ("Südkorea war 2020–24 der elftgrößte Importeur von Großwaffen.", &[("global-rank imports KOR 2020-2024 = 11", No)], None),
    ("Die VAE waren 2020–24 der elftgrößte Waffenimporteur.", &[("global-rank imports ARE 2020-2024 = 11", Yes)], None),
    ("Die VAE waren 2020–24 der zwölftgrößte Waffenimporteur.", &[("global-rank imports ARE 2020-2024 = 12", No)], None),
    ("Die Türkei war 2020–24 der elftgrößte Waffenexporteur der Welt.", &[("global-rank exports TUR 2020-2024 = 11", Yes)], None),
];

#[test]
fn main_supplier_that_is_only_the_largest_cannot_be_checked() {
    common::assert_verdicts(common::register_or_skip(), MAIN);
}

#[test]
fn a_share_after_a_rank_is_the_ranked_country_share() {
    common::assert_verdicts(common::register_or_skip(), RANK_SHARE);
}

#[test]
fn german_ordinals_from_eleven() {
    common::assert_verdicts(common::register_or_skip(), ORDINALS);
}
