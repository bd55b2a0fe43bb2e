//! Regressions found by claims probe 35
//! (/work/bigtmp/claimprobe35/findings.md): a figure on "more … than"
//! between two parties checked as the first one's share, and compound
//! number words and a glued "pc" not read as figures.
//!
//! Expected values come from pandas over the raw Feb-2026 register
//! (`TIV delivery values` summed over inclusive windows, log.tsv of the
//! probe): Russia supplied 1175.20 of Kazakhstan's 1328.98 TIV in 2020-24
//! (88.43 %), Spain 85.50 (Russia +1274 % over Spain); India took 4272.69
//! from Russia and 3917.26 from France (+9.07 %, Russia's share 35.97 %);
//! Egypt 1492.85 from Germany and 1243.25 from Italy (+20.1 %, Germany's
//! share 32.06 %); France sent 3917.26 to India and 1330.60 to Qatar
//! (India's share of French exports 28.46 %); Russia's exports fell by
//! 63.90 % from 2015-19 to 2020-24.

use crate::common;
use claims::Verdict;

use Verdict::CannotBeChecked as Cant;
use Verdict::NotSupported as No;
use Verdict::Supported as Yes;

use common::VerdictCase as Case;

const GAP: &str = "difference between two parties";
const GAP_DE: &str = "Unterschied zwischen zwei Beteiligten";

/// The figure is the gap, not a share: before the fix each false sentence
/// was supported (its figure matched the first party's share) and the true
/// 9 % and 20 % ones were not supported.
#[rustfmt::skip]
const GAPS: &[Case] = &[
    ("Kazakhstan imported 88 % more arms from Russia than from Spain in 2020-24.",
        &[("share imports KAZ from RUS 2020-2024 = 88%", Cant),
          ("compare imports KAZ from RUS > ESP 2020-2024", Cant)], Some(GAP)),
    ("India imported 36 per cent more weapons from Russia than from France in 2020-24.",
        &[("share imports IND from RUS 2020-2024 = 36%", Cant),
          ("compare imports IND from RUS > FRA 2020-2024", Cant)], Some(GAP)),
    ("India imported 33 % fewer arms from France than from Russia in 2020-24.",
        &[("share imports IND from FRA 2020-2024 = 33%", Cant),
          ("compare imports IND from RUS > FRA 2020-2024", Cant)], Some(GAP)),
    ("France exported 28 % more arms to India than to Qatar in 2020-24.",
        &[("share exports FRA to IND 2020-2024 = 28%", Cant),
          ("compare exports FRA to IND > QAT 2020-2024", Cant)], Some(GAP)),
    ("Egypt bought about 32 % more arms from Germany than from Italy in 2020-24.",
        &[("share imports EGY from DEU 2020-2024 = about 32%", Cant),
          ("compare imports EGY from DEU > ITA 2020-2024", Cant)], Some(GAP)),
    ("India imported 9 % more arms from Russia than from France in 2020-24.",
        &[("share imports IND from RUS 2020-2024 = 9%", Cant),
          ("compare imports IND from RUS > FRA 2020-2024", Cant)], Some(GAP)),
    ("Indien importierte 2020–24 36 Prozent mehr Waffen aus Russland als aus Frankreich.",
        &[("share imports IND from RUS 2020-2024 = 36%", Cant),
          ("compare imports IND from RUS > FRA 2020-2024", Cant)], Some(GAP_DE)),
    ("Ägypten importierte 2020–24 27 Prozent weniger Waffen aus Italien als aus Deutschland.",
        &[("share imports EGY from ITA 2020-2024 = 27%", Cant),
          ("compare imports EGY from DEU > ITA 2020-2024", Cant)], Some(GAP_DE)),
    // Without a figure the comparison is still checked (85.50 vs 20.25 TIV).
    ("Kazakhstan imported more from Spain than from Türkiye in 2020-24.",
        &[("compare imports KAZ from ESP > TUR 2020-2024", Yes)], None),
];

#[test]
fn a_gap_in_per_cent_is_never_a_share() {
    common::assert_verdicts(common::register_or_skip(), GAPS);
}

/// Compound number words and a glued "pc" are figures (before: refused,
/// with reasons such as "named only as an owner").
#[rustfmt::skip]
const WORDS: &[Case] = &[
    ("Russia supplied eighty-eight per cent of Kazakhstan's arms imports in 2020-24.",
        &[("share imports KAZ from RUS 2020-2024 = 88%", Yes)], None),
    ("Russia supplied eighty-five per cent of Kazakhstan's arms imports in 2020-24.",
        &[("share imports KAZ from RUS 2020-2024 = 85%", No)], None),
    ("Russland lieferte 2020–24 achtundachtzig Prozent der kasachischen Waffenimporte.",
        &[("share imports KAZ from RUS 2020-2024 = 88%", Yes)], None),
    ("Fünfundachtzig Prozent der kasachischen Waffenimporte kamen 2020–24 aus Russland.",
        &[("share imports KAZ from RUS 2020-2024 = 85%", No)], None),
    ("Russia's arms exports fell by sixty-four per cent between 2015-19 and 2020-24.",
        &[("change exports RUS 2015-2019..2020-2024 = -64%", Yes)], None),
    ("Russia's arms exports fell by sixty four per cent between 2015-19 and 2020-24.",
        &[("change exports RUS 2015-2019..2020-2024 = -64%", Yes)], None),
    ("Russia's arms exports fell by sixty three per cent between 2015-19 and 2020-24.",
        &[("change exports RUS 2015-2019..2020-2024 = -63%", No)], None),
    ("Russlands Waffenexporte sanken zwischen 2015–19 und 2020–24 um vierundsechzig Prozent.",
        &[("change exports RUS 2015-2019..2020-2024 = -64%", Yes)], None),
    ("Russia supplied 88pc of Kazakhstan's arms imports in 2020-24.",
        &[("share imports KAZ from RUS 2020-2024 = 88%", Yes)], None),
    ("Russia supplied 88.4pc of Kazakhstan's arms imports in 2020-24.",
        &[("share imports KAZ from RUS 2020-2024 = 88.4%", Yes)], None),
    ("Russia supplied 88.5pc of Kazakhstan's arms imports in 2020-24.",
        &[("share imports KAZ from RUS 2020-2024 = 88.5%", No)], None),
    ("Russia supplied 85pc of Kazakhstan's arms imports in 2020-24.",
        &[("share imports KAZ from RUS 2020-2024 = 85%", No)], None),
];

#[test]
fn compound_number_words_and_glued_pc_are_figures() {
    common::assert_verdicts(common::register_or_skip(), WORDS);
}
