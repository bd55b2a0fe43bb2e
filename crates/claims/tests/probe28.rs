//! Regressions found by claims probe 28
//! (/work/bigtmp/claimprobe28/findings.md): escapes from round 27's fixes.
//!
//! Expected values come from pandas over the raw Feb-2026 register,
//! independent of armsflow (2020–24): Algeria's imports from Russia 47.94 %,
//! China 19.31 %; Kazakhstan's from Russia 88.43 %, Spain 6.43 % (2nd),
//! Türkiye 1.52 % (3rd); India's from Russia 35.97 %, France 32.98 % (2nd),
//! Israel 12.59 % (3rd); Ukraine's from the USA 45.16 %, Germany 12.30 %
//! (2nd), Poland 10.97 % (3rd); Saudi Arabia's from the USA 73.88 %, Spain
//! 10.49 %; Egypt's from Germany 32.06 %, Italy 26.70 %. China's imports from
//! Russia (71.61 %), Spain's from the USA (55.72 %) and Italy's from Germany
//! (2.04 %) are the misreadings that made false sentences supported.

use crate::common;
use claims::Verdict;

use Verdict::CannotBeChecked as Cant;
use Verdict::NotSupported as No;
use Verdict::Supported as Yes;

use common::VerdictCase as Case;

const NONE2: &[(&str, Verdict)] = &[("-", Cant), ("-", Cant)];
const NONE3: &[(&str, Verdict)] = &[("-", Cant), ("-", Cant), ("-", Cant)];

/// Two coordinated demonyms are both suppliers, whatever noun follows.
#[rustfmt::skip]
const DEMONYM_PAIRS: &[Case] = &[
    // False (Russia 47.94, China 19.31); were supported on China's imports.
    ("Russian and Chinese systems accounted for 72 % and 48 % of Algeria's arms imports in 2020–24.",
        NONE2, Some("both are suppliers")),
    ("Russian and Chinese military equipment accounted for 72 % and 48 % of Algeria's arms imports in 2020–24.",
        NONE2, Some("both are suppliers")),
    ("Russian and Chinese firms accounted for 72 % and 48 % of Algeria's arms imports in 2020–24.",
        NONE2, Some("both are suppliers")),
    ("Russian and Chinese imports accounted for 72 % and 48 % of Algeria's arms imports in 2020–24.",
        NONE2, Some("both are suppliers")),
    ("Weapons of Russian and Chinese origin accounted for 72 % and 48 % of Algeria's arms imports in 2020–24.",
        NONE2, Some("both are suppliers")),
    ("Weapons of Russian and of Chinese origin accounted for 72 % and 48 % of Algeria's arms imports in 2020–24.",
        NONE2, Some("both are suppliers")),
    ("Arms of Russian and Chinese make accounted for 72 % and 48 % of Algeria's arms imports in 2020–24.",
        NONE2, Some("both are suppliers")),
    // False (Germany 32.06, Italy 26.70); was supported on Italy's imports.
    ("German and Italian systems made up 2 % and 32 % of Egypt's arms imports in 2020–24.",
        NONE2, Some("both are suppliers")),
    // False (USA 73.88, Spain 10.49); was supported on Spain's imports.
    ("US and Spanish equipment made up 56 % and 74 % of Saudi Arabia's arms imports in 2020–24.",
        &[("share imports ESP from USA 2020-2024 = 56%", Cant),
          ("share imports SAU from USA 2020-2024 = 74%", Cant)], Some("Spain")),
    // True (47.94 / 19.31; 88.43 / 6.43); were not supported.
    ("Weapons of Russian and Chinese origin accounted for 48 % and 19 % of Algeria's arms imports in 2020–24.",
        NONE2, Some("both are suppliers")),
    ("Weapons of Russian and Spanish origin made up 88 % and 6 % of Kazakhstan's arms imports in 2020–24.",
        NONE2, Some("both are suppliers")),
    // Unchanged: one demonym is the supplier (19.31, 47.94).
    ("Chinese systems accounted for 19 % of Algeria's arms imports in 2020–24.",
        &[("share imports DZA from CHN 2020-2024 = 19%", Yes)], None),
    ("Weapons of Russian origin accounted for 48 % of Algeria's arms imports in 2020–24.",
        &[("share imports DZA from RUS 2020-2024 = 48%", Yes)], None),
];

#[test]
fn demonym_pairs_are_both_suppliers() {
    common::assert_verdicts(common::register_or_skip(), DEMONYM_PAIRS);
}

/// "A (a %) vor B (b %)" after a superlative ranks B second: refused as
/// "followed by" is, never supported on the shares alone.
#[rustfmt::skip]
const RUNNER_UP: &[Case] = &[
    // Türkiye is 3rd (Spain 6.43 is 2nd).
    ("Größter Waffenlieferant Kasachstans war 2020–24 Russland (88 %) vor der Türkei (2 %).",
        NONE3, Some("Vergleich „vor“")),
    ("Kazakhstan's largest arms supplier in 2020–24 was Russia (88 %) before Türkiye (2 %).",
        NONE3, Some("comparison 'before'")),
    // Israel is 3rd (France 32.98 is 2nd).
    ("Wichtigster Lieferant Indiens war 2020–24 Russland mit 36 Prozent vor Israel mit 13 Prozent.",
        NONE3, Some("Vergleich „vor“")),
    ("Russland war 2020–24 mit 36 Prozent vor Israel (13 Prozent) der größte Waffenlieferant Indiens.",
        NONE3, Some("Vergleich „vor“")),
];

#[test]
fn runner_up_after_vor_is_not_dropped() {
    common::assert_verdicts(common::register_or_skip(), RUNNER_UP);
}

/// "The two largest … A (a %) and B (b %)": each listed party holds the
/// top-2 rank, as without figures.
#[rustfmt::skip]
const TOP_N_LIST: &[Case] = &[
    // Poland is 3rd: false, was supported.
    ("Ukraine's two largest arms suppliers in 2020–24 were the USA (45 %) and Poland (11 %).",
        &[("share imports UKR from USA 2020-2024 = 45%", Yes),
          ("share imports UKR from POL 2020-2024 = 11%", Yes),
          ("top-2 supplier UKR 2020-2024 = USA", Yes),
          ("top-2 supplier UKR 2020-2024 = POL", No)], None),
    ("Die beiden größten Waffenlieferanten der Ukraine waren 2020–24 die USA (45 %) und Polen (11 %).",
        &[("share imports UKR from USA 2020-2024 = 45%", Yes),
          ("share imports UKR from POL 2020-2024 = 11%", Yes),
          ("top-2 supplier UKR 2020-2024 = USA", Yes),
          ("top-2 supplier UKR 2020-2024 = POL", No)], None),
    // Türkiye is 3rd.
    ("Kazakhstan's two largest arms suppliers in 2020–24 were Russia (88 %) and Türkiye (2 %).",
        &[("share imports KAZ from RUS 2020-2024 = 88%", Yes),
          ("share imports KAZ from TUR 2020-2024 = 2%", Yes),
          ("top-2 supplier KAZ 2020-2024 = RUS", Yes),
          ("top-2 supplier KAZ 2020-2024 = TUR", No)], None),
    // True: Spain is 2nd, now checked rather than supported by luck.
    ("Russia (88 %) and Spain (6 %) were Kazakhstan's two largest arms suppliers in 2020–24.",
        &[("share imports KAZ from RUS 2020-2024 = 88%", Yes),
          ("share imports KAZ from ESP 2020-2024 = 6%", Yes),
          ("top-2 supplier KAZ 2020-2024 = RUS", Yes),
          ("top-2 supplier KAZ 2020-2024 = ESP", Yes)], None),
];

#[test]
fn every_listed_party_holds_the_top_n_rank() {
    common::assert_verdicts(common::register_or_skip(), TOP_N_LIST);
}

/// A refused comparison is not labelled as a flow it does not state.
#[rustfmt::skip]
const COMPARISON_LABELS: &[Case] = &[
    ("The USA exported more arms than France, Russia and China combined in 2020–24.",
        &[("-", Cant)], Some("comparison 'than'")),
    ("China imported more arms from Russia than India did in 2020–24.",
        &[("-", Cant)], Some("comparison 'than'")),
];

#[test]
fn refused_comparisons_have_no_flow_label() {
    common::assert_verdicts(common::register_or_skip(), COMPARISON_LABELS);
}
