//! Regressions found by claims probe 27
//! (/work/bigtmp/claimprobe27/findings.md): several parties with several
//! figures in one sentence.
//!
//! Expected values come from pandas over the raw Feb-2026 register,
//! independent of armsflow (2020–24): Kazakhstan's imports from Russia
//! 88.43 %, Spain 6.43 % (2nd), Türkiye 1.52 % (3rd); Ukraine's from the USA
//! 45.16 %, Germany 12.30 % (2nd), Poland 10.97 % (3rd); India's from Russia
//! 35.97 %, France 32.98 % (2nd), Israel 12.59 % (3rd); Saudi Arabia's from
//! the USA 73.88 %, Spain 10.49 % (2nd), UK 2.04 %; Algeria's from Russia
//! 47.94 %, China 19.31 %; Egypt's from Germany 32.06 %, Italy 26.70 %;
//! Russia's exports to India 38.49 % (1st), China 16.84 % (2nd), Kazakhstan
//! 10.59 % (3rd). Spain's imports from the USA are 55.72 %, China's from
//! Russia 71.61 %, Italy's from Germany 2.04 %: the misreadings that made
//! false sentences supported.

use crate::common;
use claims::Verdict;

use Verdict::CannotBeChecked as Cant;
use Verdict::Supported as Yes;

use common::VerdictCase as Case;

const NONE2: &[(&str, Verdict)] = &[("-", Cant), ("-", Cant)];
const NONE3: &[(&str, Verdict)] = &[("-", Cant), ("-", Cant), ("-", Cant)];

/// Both coordinated makers are suppliers; neither becomes an importer.
#[rustfmt::skip]
const COORDINATED_MAKERS: &[Case] = &[
    // True (88.43 / 6.43), was not supported.
    ("Russian and Spanish arms made up 88 % and 6 % of Kazakhstan's arms imports in 2020–24, respectively.",
        NONE2, Some("both are suppliers")),
    ("Russian and Spanish arms made up 88 % and 6 % of Kazakhstan's arms imports in 2020–24.",
        NONE2, Some("both are suppliers")),
    // False (USA 73.88, Spain 10.49), was supported on Spain's imports.
    ("US and Spanish arms accounted for 56 % and 74 % of Saudi Arabia's arms imports in 2020–24, respectively.",
        NONE2, Some("both are suppliers")),
    // False (Russia 47.94, China 19.31), was supported on China's imports.
    ("Russian and Chinese weapons accounted for 72 % and 48 % of Algeria's arms imports in 2020–24.",
        NONE2, Some("both are suppliers")),
    // False (Germany 32.06, Italy 26.70), was supported on Italy's imports.
    ("German and Italian arms made up 2 % and 32 % of Egypt's arms imports in 2020–24, respectively.",
        NONE2, Some("both are suppliers")),
    // Unchanged: one maker's arms of another's imports (88.43).
    ("Russian arms made up 88 % of Kazakhstan's arms imports in 2020–24.",
        &[("share imports KAZ from RUS 2020-2024 = 88%", Yes)], None),
];

#[test]
fn coordinated_makers_are_both_suppliers() {
    common::assert_verdicts(common::register_or_skip(), COORDINATED_MAKERS);
}

/// A gapped rank after the second party is carried by no claim: refused,
/// never dropped.
#[rustfmt::skip]
const GAPPED_RANK: &[Case] = &[
    // Türkiye is 3rd, not 2nd; was supported.
    ("Russia (88 %) was Kazakhstan's largest arms supplier in 2020–24, Türkiye (2 %) the second-largest.",
        &[("share imports KAZ from RUS 2020-2024 = 88%", Cant),
          ("share imports KAZ from TUR 2020-2024 = 2%", Cant),
          ("largest supplier KAZ 2020-2024 = RUS", Cant)], Some("second-largest")),
    ("Russland (88 %) war 2020–24 der größte Waffenlieferant Kasachstans, die Türkei (2 %) der zweitgrößte.",
        &[("share imports KAZ from RUS 2020-2024 = 88%", Cant),
          ("share imports KAZ from TUR 2020-2024 = 2%", Cant),
          ("largest supplier KAZ 2020-2024 = RUS", Cant)], Some("zweitgrößte")),
    // Israel is 3rd (France 32.98 is 2nd).
    ("Russia (36 %) was India's largest arms supplier in 2020–24 and Israel (13 %) the second-largest.",
        &[("share imports IND from RUS 2020-2024 = 36%", Cant),
          ("share imports IND from ISR 2020-2024 = 13%", Cant),
          ("largest supplier IND 2020-2024 = RUS", Cant)], Some("second-largest")),
    // Kazakhstan is Russia's 3rd customer (China 16.84 is 2nd).
    ("India (38 %) was the largest recipient of Russian arms in 2020–24 and Kazakhstan (11 %) the second-largest.",
        &[("share exports RUS to IND 2020-2024 = 38% rank 1", Cant),
          ("share exports RUS to KAZ 2020-2024 = 11%", Cant)], Some("second-largest")),
    // The UK is not 2nd (Spain 10.49).
    ("The USA (74 %) was Saudi Arabia's largest arms supplier in 2020–24 and the UK (2 %) the second-largest.",
        &[("share imports SAU from USA 2020-2024 = 74%", Cant),
          ("share imports SAU from GBR 2020-2024 = 2%", Cant),
          ("largest supplier SAU 2020-2024 = USA", Cant)], Some("second-largest")),
];

#[test]
fn gapped_rank_is_never_dropped() {
    common::assert_verdicts(common::register_or_skip(), GAPPED_RANK);
}

/// A plural role noun names a set, not the first-named party as largest.
#[rustfmt::skip]
const PLURAL_ROLE: &[Case] = &[
    // Germany (12.30) is left out: false, was supported.
    ("Ukraine's largest arms suppliers in 2020–24 were the USA (45 %) and Poland (11 %).",
        NONE3, Some("several countries")),
    ("The USA (45 %) and Poland (11 %) were Ukraine's largest arms suppliers in 2020–24.",
        NONE3, Some("several countries")),
    ("Die USA (45 %) und Polen (11 %) waren 2020–24 die größten Waffenlieferanten der Ukraine.",
        NONE3, Some("mehrere Länder")),
    ("Ukraine's largest arms suppliers in 2020–24 were the USA, with 45 %, and Poland, with 11 %.",
        NONE3, Some("several countries")),
    // France (32.98) is left out.
    ("India's largest arms suppliers in 2020–24 were Russia (36 %) and Israel (13 %).",
        NONE3, Some("several countries")),
    // Spain (6.43) is left out.
    ("Kazakhstan's main arms suppliers, 2020–24: Russia (88 %), Türkiye (2 %).",
        NONE3, Some("several countries")),
    // True sets naming the bigger one second: were not supported.
    ("Ukraine's largest arms suppliers in 2020–24 were Germany (12 %) and the USA (45 %).",
        NONE3, Some("several countries")),
    ("Die größten Waffenlieferanten der Ukraine waren 2020–24 Deutschland (12 %) und die USA (45 %).",
        NONE3, Some("mehrere Länder")),
    ("Die wichtigsten Lieferanten Kasachstans 2020–24: Spanien (6 %), Russland (88 %).",
        NONE3, Some("mehrere Länder")),
    // Unchanged: "two largest" is top two for each (Spain 2nd, Russia 1st).
    ("Spain and Russia were Kazakhstan's two largest arms suppliers in 2020–24.",
        &[("top-2 supplier KAZ 2020-2024 = ESP", Yes),
          ("top-2 supplier KAZ 2020-2024 = RUS", Yes)], None),
];

#[test]
fn plural_role_noun_is_not_the_first_named() {
    common::assert_verdicts(common::register_or_skip(), PLURAL_ROLE);
}

/// Refusals say what was refused: a pair of figures is not a range, and
/// German reasons use German country names.
#[rustfmt::skip]
const REFUSAL_WORDING: &[Case] = &[
    ("Kazakhstan and Belarus received 88 and 100 per cent of their arms imports from Russia in 2020–24, respectively.",
        &[("-", Cant)], Some("two figures, one for each of several parties")),
    ("Russland und Spanien lieferten 2020–24 88 bzw. 6 Prozent der Waffenimporte Kasachstans.",
        &[("-", Cant)], Some("mehrere Länder (Russland, Spanien)")),
    ("Die USA und Italien lieferten 2020–24 jeweils 7 Prozent der Waffenimporte Algeriens.",
        &[("-", Cant)], Some("(Vereinigte Staaten, Italien)")),
];

#[test]
fn refusals_name_what_was_refused() {
    common::assert_verdicts(common::register_or_skip(), REFUSAL_WORDING);
}
