//! Regressions of claims probe 14 (/work/bigtmp/claimprobe14/findings.md):
//! a period written as a length and one end year, numbers read in the
//! sentence's own notation inside a text of the other language, and one
//! tolerance for "halved" and "fell by half".
//!
//! Reference figures (pandas over the raw Feb-2026 register, the probe's
//! ref.py and log.tsv, independent of armsflow): Kazakhstan's imports from
//! Russia 99.10 % in 2020, 88.43 % in 2020-24, 85.73 % in 2021-24, 78.02 %
//! in 2023-24; Kazakhstan third among Russia's recipients in 2020-24 (fifth
//! in 2020); Pakistan fifth world importer in 2020-24 (4.56 %; twelfth in
//! 2020); Ukraine's imports 128.64 -> 12513.23 TIV, +9627.32 %, 2015-19 to
//! 2020-24; India's imports 2645.89 -> 1167.96 TIV 2020 to 2024 (ratio
//! 0.441); Russia's exports 1328.50 -> 1338.75 TIV 2023 to 2024 (ratio
//! 1.008). The register's deliveries run 1995-2024.

use crate::common;
use claims::Verdict;

use Verdict::{CannotBeChecked as Cannot, NotSupported as No, Supported as Yes};

use common::VerdictCase as Case;

const KAZ_88: &str = "share imports KAZ from RUS 2020-2024 = 88%";

const SPANS: &[Case] = &[
    // F08, G05, G21, G02: the five years from 2020 are 2020-24 (88.43 %).
    (
        "In the five years from 2020, Russia supplied 88 % of Kazakhstan's arms imports.",
        &[(KAZ_88, Yes)],
        None,
    ),
    (
        "In the five-year period from 2020, Russia supplied 88 % of Kazakhstan's arms imports.",
        &[(KAZ_88, Yes)],
        None,
    ),
    (
        "Over a five-year span from 2020, Russia supplied 88 % of Kazakhstan's arms imports.",
        &[(KAZ_88, Yes)],
        None,
    ),
    (
        "In the five years beginning in 2020, Russia supplied 88 % of Kazakhstan's arms imports.",
        &[(KAZ_88, Yes)],
        None,
    ),
    // G19: "beginning" is no part of a year here.
    (
        "Russia supplied 88 % of Kazakhstan's arms imports in the five years beginning 2020.",
        &[(KAZ_88, Yes)],
        None,
    ),
    (
        "In den fünf Jahren ab 2020 lieferte Russland 88 Prozent der Waffenimporte Kasachstans.",
        &[(KAZ_88, Yes)],
        None,
    ),
    (
        "Im Fünfjahreszeitraum ab 2020 lieferte Russland 88 Prozent der Waffenimporte Kasachstans.",
        &[(KAZ_88, Yes)],
        None,
    ),
    // False over 2020-24, true of 2020 alone (99.10 %): never checked on 2020.
    (
        "In the five years from 2020, Russia supplied 99 % of Kazakhstan's arms imports.",
        &[("share imports KAZ from RUS 2020-2024 = 99%", No)],
        None,
    ),
    (
        "In den fünf Jahren ab 2020 lieferte Russland 99 Prozent der Waffenimporte Kasachstans.",
        &[("share imports KAZ from RUS 2020-2024 = 99%", No)],
        None,
    ),
    // G01, G13 (85.73 %, 78.02 %).
    (
        "In the four years from 2021, Russia supplied 86 % of Kazakhstan's arms imports.",
        &[("share imports KAZ from RUS 2021-2024 = 86%", Yes)],
        None,
    ),
    (
        "In the two years from 2023, Russia supplied 78 % of Kazakhstan's arms imports.",
        &[("share imports KAZ from RUS 2023-2024 = 78%", Yes)],
        None,
    ),
    // G16, G26: ranks over 2020-24 (3rd; 5th), not 2020 (5th; 12th).
    (
        "Kazakhstan was the third-largest buyer of Russian arms in the five years from 2020.",
        &[("rank exports RUS recipient KAZ 2020-2024 = 3", Yes)],
        None,
    ),
    (
        "Pakistan was the world's fifth-largest arms importer in the five years from 2020.",
        &[("global-rank imports PAK 2020-2024 = 5", Yes)],
        None,
    ),
    (
        "Pakistan was the world's 12th-largest arms importer in the five years from 2020.",
        &[("global-rank imports PAK 2020-2024 = 12", No)],
        None,
    ),
    // G14, F09: windows past the data.
    (
        "In the two years from 2024, Russia supplied 80 % of Kazakhstan's arms imports.",
        &[("share imports KAZ from RUS 2024-2025 = 80%", Cannot)],
        Some("2025 is not in it"),
    ),
    (
        "In the five years from 2021, Russia supplied 86 % of Kazakhstan's arms imports.",
        &[("share imports KAZ from RUS 2021-2025 = 86%", Cannot)],
        Some("2025 is not in it"),
    ),
    (
        "In den zwei Jahren ab 2024 lieferte Russland 80 Prozent der Waffenimporte Kasachstans.",
        &[("share imports KAZ from RUS 2024-2025 = 80%", Cannot)],
        Some("2025 fehlt darin"),
    ),
    // A range of another length than stated; an open start; a bare length.
    (
        "In the five years from 2015 to 2020, Russia supplied 88 % of Kazakhstan's arms imports.",
        &[("share imports KAZ from RUS 2015-2020 = 88%", Cannot)],
        Some("the number 'five'"),
    ),
    (
        "In the five years since 2020, Russia supplied 88 % of Kazakhstan's arms imports.",
        &[("share imports KAZ from RUS 2020 = 88%", Cannot)],
        Some("open-ended period"),
    ),
    (
        "For five years from 2020, Russia supplied 88 % of Kazakhstan's arms imports.",
        &[("share imports KAZ from RUS 2020 = 88%", Cannot)],
        Some("the number 'five'"),
    ),
    (
        "In the five-year period after 2019, Russia supplied 88 % of Kazakhstan's arms imports.",
        &[("share imports KAZ from RUS 2019 = 88%", Cannot)],
        Some("the number 'five-year'"),
    ),
    (
        "In den fünf Jahren seit 2020 lieferte Russland 88 Prozent der Waffenimporte Kasachstans.",
        &[("share imports KAZ from RUS 2020 = 88%", Cannot)],
        Some("offener Zeitraum"),
    ),
    // H18: a change over a span from its first year has two readings.
    (
        "Russia's arms exports dropped by almost two-thirds in the five years from 2020.",
        &[],
        Some("may run from 2020 to 2024 or from 2015-2019 to 2020-2024"),
    ),
    (
        "Die Waffenexporte Russlands sanken in den fünf Jahren ab 2020 um 64 Prozent.",
        &[],
        Some("kann von 2020 bis 2024 oder von 2015–2019 bis 2020–2024"),
    ),
];

/// F31 and t5/t11/t12: a sentence's numbers in its own notation, whatever
/// the text's majority language (+9627.32 % is true; +9.627 % is false).
const NOTATION: &[Case] = &[
    (
        "Ukraine was the largest arms importer in the world in 2020-24. The United States supplied 45 per cent of the arms imports of Ukraine in that period.\n\nDie Waffenimporte der Ukraine stiegen zwischen 2015–19 und 2020–24 um 9.627 Prozent.",
        &[
            ("global-rank imports UKR 2020-2024 = 1", Yes),
            ("share imports UKR from USA 2020-2024 = 45%", Yes),
            ("change imports UKR 2015-2019..2020-2024 = +9627%", Yes),
        ],
        None,
    ),
    (
        "Die Ukraine war von 2020 bis 2024 der größte Waffenimporteur der Welt. Die Vereinigten Staaten lieferten in diesem Zeitraum 45 Prozent der Waffenimporte der Ukraine.\n\nThe arms imports of Ukraine increased by 9,627 % from 2015–19 to 2020–24.",
        &[
            ("global-rank imports UKR 2020-2024 = 1", Yes),
            ("share imports UKR from USA 2020-2024 = 45%", Yes),
            ("change imports UKR 2015-2019..2020-2024 = +9627%", Yes),
        ],
        None,
    ),
    // A decimal in the sentence's notation is a decimal: false (+9.627 %).
    (
        "Ukraine was the largest arms importer in the world in 2020-24.\n\nDie Waffenimporte der Ukraine stiegen zwischen 2015–19 und 2020–24 um 9,627 Prozent.",
        &[
            ("global-rank imports UKR 2020-2024 = 1", Yes),
            ("change imports UKR 2015-2019..2020-2024 = +9.627%", No),
        ],
        None,
    ),
    // Neither the sentence nor the (mixed) text tells the notation.
    (
        "Ukraine was the largest arms importer in the world in 2020-24.\n\nDie Ukraine war von 2020 bis 2024 der größte Waffenimporteur der Welt.\n\nUkraine: arms imports +9,627 % 2015–19 → 2020–24.",
        &[
            ("global-rank imports UKR 2020-2024 = 1", Yes),
            ("global-rank imports UKR 2020-2024 = 1", Yes),
        ],
        Some("'9,627' is 9627 in English notation and 9.627 in German"),
    ),
];

/// A52, A53 (A51 and A45 for "halved"): one rule for one fact. India's
/// ratio 0.441 is inside x0.5's [0.4375, 0.5625); Russia's 1.008 is not.
const HALF: &[Case] = &[
    (
        "India's arms imports halved between 2020 and 2024.",
        &[("change imports IND 2020..2024 = x0.5", Yes)],
        None,
    ),
    (
        "India's arms imports fell by half between 2020 and 2024.",
        &[("change imports IND 2020..2024 = x0.5", Yes)],
        None,
    ),
    (
        "Indiens Waffenimporte gingen zwischen 2020 und 2024 um die Hälfte zurück.",
        &[("change imports IND 2020..2024 = x0.5", Yes)],
        None,
    ),
    (
        "Russian arms exports fell by half between 2023 and 2024.",
        &[("change exports RUS 2023..2024 = x0.5", No)],
        None,
    ),
    (
        "Die russischen Waffenexporte gingen zwischen 2023 und 2024 um die Hälfte zurück.",
        &[("change exports RUS 2023..2024 = x0.5", No)],
        None,
    ),
];

#[test]
fn a_length_from_a_first_year_is_the_whole_period() {
    run_cases(SPANS);
}

#[test]
fn numbers_are_read_in_the_sentences_own_notation() {
    run_cases(NOTATION);
}

#[test]
fn fell_by_half_is_halved() {
    run_cases(HALF);
}

fn run_cases(cases: &[Case]) {
    common::assert_verdicts(common::register_or_skip(), cases);
}
