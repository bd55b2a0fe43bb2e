//! Regressions of claims probe 20 (/work/bigtmp/claimprobe20/findings.md).
//!
//! Expected values come from the probe's log.tsv (pandas over the raw
//! Feb-2026 register), independent of armsflow: world exports 2015-19 →
//! 2020-24 −0.59 % (Sweden +72.58 %, Germany −2.62 %); Türkiye's exports
//! +102.72 %; the USA 45.16 % of Ukraine's imports 2020-24; Ukraine 9.50 % of
//! Türkiye's exports 2020-24; Israel 14.87 % of India's imports 2015-19;
//! India's imports −9.32 %, Israel's −2.25 %; Russia 35.97 % of India's
//! imports 2020-24.

use crate::common;
use claims::Verdict;

use Verdict::Supported as Yes;

use common::VerdictCase as Case;

/// A wire dateline names where the story was filed, never a party (finding
/// 1: "STOCKHOLM –" made world exports Sweden's, and supported +73 %).
#[rustfmt::skip]
const DATELINES: &[Case] = &[
    ("STOCKHOLM, March 10 (Wire) – Global arms exports rose by 73 per cent between 2015–19 and 2020–24.", &[], Some("no country named")),
    ("STOCKHOLM, March 10 (Wire) – Exports rose by 73 per cent between 2015–19 and 2020–24, SIPRI said.", &[], Some("no country named")),
    ("STOCKHOLM, March 10 (Wire) – Arms exports fell by 25 per cent between 2015–19 and 2020–24.", &[], Some("no country named")),
    ("BERLIN (dpa) – Die Exporte sanken zwischen 2015–19 und 2020–24 um 3 Prozent.", &[], Some("kein Land genannt")),
    ("Stockholm (dpa) – Die Waffenexporte sanken zwischen 2015–19 und 2020–24 um 25 Prozent.", &[], Some("kein Land genannt")),
    ("Stockholm (Agentur) – Die Türkei hat ihre Rüstungsexporte zwischen 2015–19 und 2020–24 mehr als verdoppelt.",
        &[("change exports TUR 2015-2019..2020-2024 = over +100%", Yes)], None),
    ("STOCKHOLM (Wire) – The United States supplied 45 per cent of Ukraine's arms imports in 2020–24.",
        &[("share imports UKR from USA 2020-2024 = 45%", Yes)], None),
    // Sweden is not carried into the next sentence either.
    ("Stockholm (Agentur) – Die Türkei hat ihre Rüstungsexporte zwischen 2015–19 und 2020–24 mehr als verdoppelt. Auf die Ukraine entfielen 2020–24 rund 9 Prozent der türkischen Waffenexporte.",
        &[("change exports TUR 2015-2019..2020-2024 = over +100%", Yes), ("share exports TUR to UKR 2020-2024 = about 9%", Yes)], None),
    // A capital inside the sentence is still its country.
    ("Moscow supplied 36 per cent of India's arms imports in 2020–24.", &[("share imports IND from RUS 2020-2024 = 36%", Yes)], None),
];

/// A possessive after two countries that both fit it is refused, not
/// guessed (finding 2: "Seine" was read as Israel; India, also neuter, was
/// meant). A partner after "from"/"an" is no candidate.
#[rustfmt::skip]
const POSSESSIVES: &[Case] = &[
    ("Israel lieferte 2015–19 15 Prozent der indischen Importe. Seine Importe sanken zwischen 2015–19 und 2020–24 um 9 Prozent.",
        &[("share imports IND from ISR 2015-2019 = 15%", Yes)], Some("unklar, welches gemeint ist")),
    ("Israel supplied 15 per cent of India's imports in 2015–19. Its imports fell by 9 per cent between 2015–19 and 2020–24.",
        &[("share imports IND from ISR 2015-2019 = 15%", Yes)], Some("which one it refers to is unclear")),
    ("Kazakhstan got 88 % of its arms from Russia in 2020-24. Its imports fell by 6.2 per cent between 2015–19 and 2020–24.",
        &[("share imports KAZ from RUS 2020-2024 = 88%", Yes), ("change imports KAZ 2015-2019..2020-2024 = -6.2%", Yes)], None),
];

#[test]
fn a_dateline_is_no_party() {
    common::assert_verdicts(common::register_or_skip(), DATELINES);
}

#[test]
fn a_possessive_after_two_fitting_countries_is_refused() {
    common::assert_verdicts(common::register_or_skip(), POSSESSIVES);
}
