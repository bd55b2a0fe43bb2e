//! Regressions found by claims probe 25
//! (/work/bigtmp/claimprobe25/findings.md): supplier and recipient swapped.
//!
//! Expected values come from pandas over the raw Feb-2026 register,
//! independent of armsflow. USA→Ukraine 2022: 5.68 % of US exports (29.78 %
//! of Ukraine's imports); 2020-24: 9.27 % (45.16 %). USA→Qatar 2020-24:
//! 7.71 % of US exports, 48.06 % of Qatar's imports. Russia→Kazakhstan
//! 2020-24: 88.43 % of Kazakhstan's imports; Russia→India 35.97 %;
//! China→Pakistan 81.14 %. Every reverse flow is 0.

use crate::common;
use claims::Verdict;

use Verdict::NotSupported as No;
use Verdict::Supported as Yes;

use common::VerdictCase as Case;

/// "der US-Waffenexporte" after a fronted time phrase is the share of US
/// exports (finding 1: read as the recipient's imports from the USA).
#[rustfmt::skip]
const US_EXPORTS_AFTER_FRONTED_TIME: &[Case] = &[
    ("Im Jahr 2022 gingen 30 Prozent der US-Waffenexporte an die Ukraine.",
        &[("share exports USA to UKR 2022 = 30%", No)], None),
    ("2022 gingen 30 Prozent der US-Waffenexporte an die Ukraine.",
        &[("share exports USA to UKR 2022 = 30%", No)], None),
    ("Im Zeitraum 2020–2024 gingen 45 Prozent der US-Waffenexporte an die Ukraine.",
        &[("share exports USA to UKR 2020-2024 = 45%", No)], None),
    ("Im Zeitraum 2020–2024 flossen 45 Prozent der US-Waffenexporte an die Ukraine.",
        &[("share exports USA to UKR 2020-2024 = 45%", No)], None),
    ("Im Jahr 2022 gingen 30 Prozent der US-Rüstungsexporte an die Ukraine.",
        &[("share exports USA to UKR 2022 = 30%", No)], None),
    ("Im Zeitraum 2020–2024 gingen 48 Prozent der US-Waffenexporte nach Katar.",
        &[("share exports USA to QAT 2020-2024 = 48%", No)], None),
    ("Im Jahr 2022 ging fast ein Drittel der US-Waffenexporte an die Ukraine.",
        &[("share exports USA to UKR 2022 = almost 33%", No)], None),
    ("Im Jahr 2022 gingen 5,7 Prozent der US-Waffenexporte an die Ukraine.",
        &[("share exports USA to UKR 2022 = 5.7%", Yes)], None),
    ("Im Zeitraum 2020–2024 gingen 7,7 Prozent der US-Waffenexporte an Katar.",
        &[("share exports USA to QAT 2020-2024 = 7.7%", Yes)], None),
];

#[test]
fn us_exports_compound_after_a_fronted_time_phrase() {
    common::assert_verdicts(common::register_or_skip(), US_EXPORTS_AFTER_FRONTED_TIME);
}

/// "X wurden <Zeit> N Prozent seiner Waffenimporte von Y geliefert": Y is
/// the supplier (finding 2: read as Y's imports from X).
#[rustfmt::skip]
const DATIVE_PASSIVE: &[Case] = &[
    ("Russland wurden 2020–2024 88 Prozent seiner Waffenimporte von Kasachstan geliefert.",
        &[("share imports RUS from KAZ 2020-2024 = 88%", No)], None),
    ("Russland wurden 2020–2024 36 Prozent seiner Waffenimporte von Indien geliefert.",
        &[("share imports RUS from IND 2020-2024 = 36%", No)], None),
    ("Den USA wurden 2020–2024 48 Prozent ihrer Waffenimporte von Katar geliefert.",
        &[("share imports USA from QAT 2020-2024 = 48%", No)], None),
    ("Kasachstan wurden 2020–2024 88 Prozent seiner Waffenimporte von Russland geliefert.",
        &[("share imports KAZ from RUS 2020-2024 = 88%", Yes)], None),
    ("Indien wurden 2020–2024 36 Prozent seiner Waffenimporte von Russland verkauft.",
        &[("share imports IND from RUS 2020-2024 = 36%", Yes)], None),
    ("Katar wurden 2020–2024 48 Prozent seiner Waffenimporte von den USA geliefert.",
        &[("share imports QAT from USA 2020-2024 = 48%", Yes)], None),
];

#[test]
fn dative_passive_with_von_names_the_supplier() {
    common::assert_verdicts(common::register_or_skip(), DATIVE_PASSIVE);
}

/// "X belieferte Y mit N Prozent seiner Waffenimporte": a supplier never
/// supplies its own imports, so they are Y's (finding 3).
#[rustfmt::skip]
const SUPPLIED_WITH: &[Case] = &[
    ("Katar belieferte die USA 2020–2024 mit 48 Prozent seiner Waffenimporte.",
        &[("share imports USA from QAT 2020-2024 = 48%", No)], None),
    ("Kasachstan belieferte Russland 2020–2024 mit 88 Prozent seiner Waffenimporte.",
        &[("share imports RUS from KAZ 2020-2024 = 88%", No)], None),
    ("Russland belieferte Kasachstan 2020–2024 mit 88 Prozent seiner Waffenimporte.",
        &[("share imports KAZ from RUS 2020-2024 = 88%", Yes)], None),
    ("Die USA belieferten Katar 2020–2024 mit 48 Prozent seiner Waffenimporte.",
        &[("share imports QAT from USA 2020-2024 = 48%", Yes)], None),
    ("China versorgte Pakistan 2020–2024 mit 81 Prozent seiner Waffenimporte.",
        &[("share imports PAK from CHN 2020-2024 = 81%", Yes)], None),
    ("China stattete Pakistan 2020–2024 mit 81 Prozent seiner Waffenimporte aus.",
        &[("share imports PAK from CHN 2020-2024 = 81%", Yes)], None),
    ("Russland belieferte Indien 2020–2024 mit 38 Prozent seiner Waffenimporte.",
        &[("share imports IND from RUS 2020-2024 = 38%", No)], None),
];

#[test]
fn supplied_with_its_imports_are_the_recipients() {
    common::assert_verdicts(common::register_or_skip(), SUPPLIED_WITH);
}
