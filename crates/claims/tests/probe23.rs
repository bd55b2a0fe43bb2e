//! Regressions found by claims probe 23
//! (/work/bigtmp/claimprobe23/findings.md).
//!
//! Expected values come from pandas over the raw Feb-2026 register,
//! independent of armsflow. Shares of world imports 2020-24: France 0.54 %,
//! China 1.83 %, USA 3.11 %, India 8.31 %, Ukraine 8.75 % (rank 1), Japan
//! 3.88 %, Australia 3.51 %, Saudi Arabia 6.77 %; Ukraine 2024 18.07 %.
//! Shares of world exports 2020-24: France 9.63 %, USA 42.64 %. China is the
//! fourth-largest exporter of 2020-24.

use crate::common;
use claims::Verdict;

use Verdict::NotSupported as No;
use Verdict::Supported as Yes;

use common::VerdictCase as Case;

/// "entfielen … auf X" with world imports is X's share of world imports
/// (finding 1: checked as X's share of world exports; France's 9.63 % of
/// exports supported a false 9.6 % of imports).
#[rustfmt::skip]
const FALLS_TO_WORLD_IMPORTS: &[Case] = &[
    ("Auf Frankreich entfielen 2020–2024 9,6 Prozent der weltweiten Waffenimporte.",
        &[("global-share imports FRA 2020-2024 = 9.6%", No)], None),
    ("Auf China entfielen 2020–2024 5,9 Prozent der weltweiten Waffenimporte.",
        &[("global-share imports CHN 2020-2024 = 5.9%", No)], None),
    ("Von 2020 bis 2024 entfielen 43 Prozent der weltweiten Waffenimporte auf die USA.",
        &[("global-share imports USA 2020-2024 = 43%", No)], None),
    ("Auf Italien entfielen 2020–2024 4,8 Prozent der weltweiten Importe von Großwaffen.",
        &[("global-share imports ITA 2020-2024 = 4.8%", No)], None),
    ("Auf Indien entfielen 2020–2024 8,3 Prozent der weltweiten Waffenimporte.",
        &[("global-share imports IND 2020-2024 = 8.3%", Yes)], None),
    ("Auf die Ukraine entfielen 2020–2024 8,8 Prozent der weltweiten Waffenimporte.",
        &[("global-share imports UKR 2020-2024 = 8.8%", Yes)], None),
    ("Im Jahr 2024 entfielen 18 Prozent der weltweiten Waffenimporte auf die Ukraine.",
        &[("global-share imports UKR 2024 = 18%", Yes)], None),
    ("Von 2020 bis 2024 entfielen 3,1 Prozent der weltweiten Waffenimporte auf die USA.",
        &[("global-share imports USA 2020-2024 = 3.1%", Yes)], None),
    ("Auf Japan entfielen 2020–2024 3,9 Prozent der weltweiten Waffenimporte, auf Australien 3,5 Prozent.",
        &[("global-share imports JPN 2020-2024 = 3.9%", Yes), ("global-share imports AUS 2020-2024 = 3.5%", Yes)], None),
    ("Der größte Anteil der weltweiten Waffenimporte entfiel 2020–2024 mit 8,8 Prozent auf die Ukraine.",
        &[("global-share imports UKR 2020-2024 = 8.8%", Yes)], None),
    // A pair share keeps "auf X" as the supplier (Russia 35.97 % of India's
    // imports 2020-24).
    ("Auf Russland entfielen 2020–2024 36 Prozent der indischen Waffenimporte.",
        &[("share imports IND from RUS 2020-2024 = 36%", Yes)], None),
    ("India accounted for 8.3 per cent of global arms imports in 2020–24.",
        &[("global-share imports IND 2020-2024 = 8.3%", Yes)], None),
    // Exports stay exports.
    ("Auf Frankreich entfielen 2020–2024 9,6 Prozent der weltweiten Waffenexporte.",
        &[("global-share exports FRA 2020-2024 = 9.6%", Yes)], None),
    ("Von 2020 bis 2024 entfielen 43 Prozent der weltweiten Rüstungsexporte auf die USA.",
        &[("global-share exports USA 2020-2024 = 43%", Yes)], None),
];

#[test]
fn falls_to_with_world_imports_is_the_importers_share() {
    common::assert_verdicts(common::register_or_skip(), FALLS_TO_WORLD_IMPORTS);
}

/// "Of global arms imports in 2020–24, N per cent fell to X" is X's share,
/// never a change of -N % (finding 2: Saudi Arabia's -40.94 % change
/// supported a false 41 % share).
#[rustfmt::skip]
const FELL_TO_IS_A_SHARE: &[Case] = &[
    ("Of all global arms imports in 2020–24, 41 per cent fell to Saudi Arabia.",
        &[("global-share imports SAU 2020-2024 = 41%", No)], None),
    ("Of global arms imports in 2020–24, 64 per cent fell to China.",
        &[("global-share imports CHN 2020-2024 = 64%", No)], None),
    ("Of all global arms imports in 2020–24, 8.8 per cent fell to Ukraine.",
        &[("global-share imports UKR 2020-2024 = 8.8%", Yes)], None),
    ("Of global arms exports in 2020–24, 9.6 per cent fell to France.",
        &[("global-share exports FRA 2020-2024 = 9.6%", Yes)], None),
    // A pair share: India took 38.49 % of Russia's exports 2020-24.
    ("Of Russia's arms exports in 2020–24, 38 per cent fell to India.",
        &[("share exports RUS to IND 2020-2024 = 38%", Yes)], None),
    ("In 2020–24, 6.8 per cent of global arms imports fell to Saudi Arabia.",
        &[("global-share imports SAU 2020-2024 = 6.8%", Yes)], None),
];

#[test]
fn fell_to_after_a_figure_is_a_share() {
    common::assert_verdicts(common::register_or_skip(), FELL_TO_IS_A_SHARE);
}

/// "zuletzt, im Zeitraum …," is "most recently", not a last delivery
/// (finding 3).
#[rustfmt::skip]
const RECENTLY: &[Case] = &[
    ("China war zuletzt, im Zeitraum 2020–2024, der viertgrößte Rüstungsexporteur.",
        &[("global-rank exports CHN 2020-2024 = 4", Yes)], None),
    ("Zuletzt, im Jahr 2024, entfielen 18 Prozent aller weltweiten Waffenimporte auf die Ukraine.",
        &[("global-share imports UKR 2024 = 18%", Yes)], None),
];

#[test]
fn zuletzt_as_an_aside_is_a_time_word() {
    common::assert_verdicts(common::register_or_skip(), RECENTLY);
}
