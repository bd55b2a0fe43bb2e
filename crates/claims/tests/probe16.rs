//! Regressions of claims probe 16 (/work/bigtmp/claimprobe16/findings.md):
//! superscript footnote marks glued onto a year or a figure by NFKC, years
//! taken from links and citations as the claim's period, a short line ending
//! in "that"/"dass" split off as a heading (so a denied claim was checked),
//! payment and finance words read as TIV shares, and HTML entities read as
//! numbers.
//!
//! Expected verdicts come from the probe's log_all.tsv and its ref.py
//! (pandas over the raw Feb-2026 register), independent of armsflow.
//! Kazakhstan's imports: Russia 2020-24 88.43 %, 2015-19 91.17 %, 2016-20
//! 89.97 %, 2024 79.98 % (rank 1); Spain 2020-24 6.43 %, 2024 13.27 %.
//! Russia's exports to India 2020-24 38.49 %; Russia's exports 2015-19 →
//! 2020-24 -63.90 %.

use crate::common;
use claims::Verdict;

use Verdict::{CannotBeChecked as Cannot, NotSupported as No, Supported as Yes};

use common::VerdictCase as Case;

/// A superscript digit is a footnote mark: "2020–24¹" is 2020-24, not 2020
/// alone (it became "2020–241"), and "6² %" is 6 %, not 62 %.
#[rustfmt::skip]
const FOOTNOTES: &[Case] = &[
    // F02: T (88.43)
    ("Russia supplied 88 % of Kazakhstan's arms imports in 2020–24¹.", &[("share imports KAZ from RUS 2020-2024 = 88%", Yes)], None),
    // G05: F (88.43; was supported on 2020 alone, 99.10)
    ("Russia supplied 99 % of Kazakhstan's arms imports in 2020–24¹.", &[("share imports KAZ from RUS 2020-2024 = 99%", No)], Some("88.43")),
    // G04: T (88.43)
    ("Russia supplied 88 % of Kazakhstan's arms imports in 2020–2024¹.", &[("share imports KAZ from RUS 2020-2024 = 88%", Yes)], None),
    // G01: F (91.17)
    ("Russia supplied 88 % of Kazakhstan's arms imports in 2015–19².", &[("share imports KAZ from RUS 2015-2019 = 88%", No)], Some("91.17")),
    ("Russia supplied 91 % of Kazakhstan's arms imports in 2015–19².", &[("share imports KAZ from RUS 2015-2019 = 91%", Yes)], None),
    // G02: F (91.17)
    ("Russland lieferte 2015–19³ 88 Prozent der Waffenimporte Kasachstans.", &[("share imports KAZ from RUS 2015-2019 = 88%", No)], None),
    ("Russland lieferte 2015–19³ 91 Prozent der Waffenimporte Kasachstans.", &[("share imports KAZ from RUS 2015-2019 = 91%", Yes)], None),
    // 2016-20: 89.97
    ("Russia supplied 94 % of Kazakhstan's arms imports in 2016–20¹.", &[("share imports KAZ from RUS 2016-2020 = 94%", No)], Some("89.97")),
    ("Russia supplied 90 % of Kazakhstan's arms imports in 2016–20¹.", &[("share imports KAZ from RUS 2016-2020 = 90%", Yes)], None),
    // F06: the figure is 6 (Spain 6.43), not 62
    ("Spain supplied 6² % of Kazakhstan's arms imports in 2020–24.", &[("share imports KAZ from ESP 2020-2024 = 6%", Yes)], None),
    ("Spain supplied 62 % of Kazakhstan's arms imports in 2020–24².", &[("share imports KAZ from ESP 2020-2024 = 62%", No)], None),
    // G06: T (13.27 in 2024)
    ("Spain supplied 13 % of Kazakhstan's arms imports in 2024¹.", &[("share imports KAZ from ESP 2024 = 13%", Yes)], None),
    // F03: T (Russia rank 1 in 2024); F20: F
    ("Russland war 2024² der größte Lieferant Kasachstans.", &[("largest supplier KAZ 2024 = RUS", Yes)], None),
    ("Russia was Kazakhstan's third-largest supplier in 2024³.", &[("third-largest supplier KAZ 2024 = RUS", No)], None),
    // F19: F (6.43)
    ("Spanien lieferte 2020–24 16 Prozent¹ der Waffenimporte Kasachstans.", &[("share imports KAZ from ESP 2020-2024 = 16%", No)], None),
    ("Spanien lieferte 2020–24⁴ 6 Prozent der Waffenimporte Kasachstans.", &[("share imports KAZ from ESP 2020-2024 = 6%", Yes)], None),
];

/// A year in a link or a citation is the page's or the publication's, never
/// the claim's period: with no other period the claim cannot be checked.
#[rustfmt::skip]
const REFERENCES: &[Case] = &[
    // P01 (was supported on 2024): "Laut" is reported speech, and no period
    ("Laut www.sipri.org/2024 lieferte Russland 80 Prozent der Waffenimporte Kasachstans.", &[("reported-speech \"Laut\"", Cannot)], None),
    // F22 (was supported on 2020-2024 by coincidence)
    ("Laut www.sipri.org/2020-2024 lieferte Russland 88 Prozent der Waffenimporte Kasachstans.", &[("reported-speech \"Laut\"", Cannot)], None),
    // P04
    ("See sipri.org/2024: Russia supplied 80 % of Kazakhstan's arms imports.", &[], Some("no period stated")),
    // P10, P09 (publication years; SIPRI's 2024 fact sheet covers 2019-23)
    ("Russia supplied 80 % of Kazakhstan's arms imports (SIPRI, 2024).", &[], Some("no period stated")),
    ("Russland lieferte 80 Prozent der Waffenimporte Kasachstans [SIPRI 2024].", &[], Some("kein Zeitraum angegeben")),
    // were not supported on 2021 (100 %) and 2023 (69.37 %)
    ("Russia supplied 84 % of Kazakhstan's arms imports (SIPRI, 2021).", &[], Some("no period stated")),
    ("Russia supplied 78 % of Kazakhstan's arms imports (SIPRI 2023).", &[], Some("no period stated")),
    // F07: the stated period beside a citation is checked (88.43)
    ("Russia supplied 88 % of Kazakhstan's arms imports in 2020–24 (SIPRI 2025).", &[("share imports KAZ from RUS 2020-2024 = 88%", Yes)], None),
    ("Russia supplied 99 % of Kazakhstan's arms imports in 2020–24 (SIPRI, 2025).", &[("share imports KAZ from RUS 2020-2024 = 99%", No)], None),
    ("Russland lieferte 2020–24 88 Prozent der Waffenimporte Kasachstans (SIPRI 2025).", &[("share imports KAZ from RUS 2020-2024 = 88%", Yes)], None),
    ("Russland lieferte 2020–24 16 Prozent der Waffenimporte Kasachstans [SIPRI 2025].", &[("share imports KAZ from RUS 2020-2024 = 16%", No)], None),
    // A link does not split the sentence.
    ("Russia supplied 88 % of Kazakhstan's arms imports, see www.sipri.org/databases in 2020–24.", &[("share imports KAZ from RUS 2020-2024 = 88%", Yes)], None),
    // Periods in brackets are still periods (2024: 79.98).
    ("Russia supplied 80 % of Kazakhstan's arms imports (in 2024).", &[("share imports KAZ from RUS 2024 = 80%", Yes)], None),
    ("Russia supplied 88 % of Kazakhstan's arms imports (2020–24).", &[("share imports KAZ from RUS 2020-2024 = 88%", Yes)], None),
    ("Russia supplied 70 % of Kazakhstan's arms imports (2020–24).", &[("share imports KAZ from RUS 2020-2024 = 70%", No)], None),
];

/// A short line ending in a clause opener or a comma is no heading.
#[rustfmt::skip]
const LINE_BREAKS: &[Case] = &[
    // K01, K03: F (88.43 is true, but the sentence denies it); were supported
    ("It is false that\nRussia supplied 88 % of Kazakhstan's arms imports in 2020–24.", &[("share imports KAZ from RUS 2020-2024 = 88%", Cannot)], Some("'false'")),
    ("Es stimmt nicht, dass\nRussland 2020–24 88 Prozent der Waffenimporte Kasachstans lieferte.", &[("share imports KAZ from RUS 2020-2024 = 88%", Cannot)], None),
    ("It is false that\nSpain supplied 16 % of Kazakhstan's arms imports in 2020–24.", &[("share imports KAZ from ESP 2020-2024 = 16%", Cannot)], None),
    // L03-like: a line ending in "of" continues (6.43; 88.43)
    ("Spain supplied 16 % of\nKazakhstan's arms imports in 2020–24.", &[("share imports KAZ from ESP 2020-2024 = 16%", No)], None),
    ("Russia supplied 88 % of\nKazakhstan's arms imports in 2020–24.", &[("share imports KAZ from RUS 2020-2024 = 88%", Yes)], None),
    ("Russia supplied 88 % of Kazakhstan's arms imports in 2020–24,\nSpain 6 %.", &[("share imports KAZ from RUS 2020-2024 = 88%", Yes), ("share imports KAZ from ESP 2020-2024 = 6%", Yes)], None),
];

/// Payments, loans, funds and value are money, which TIV is not; what firms
/// sell is company sales.
#[rustfmt::skip]
const MONEY: &[Case] = &[
    // M36/N14 (was supported)
    ("Kazakhstan's arms import bill was 88 % Russian in 2020-24.", &[("share imports KAZ from RUS 2020-2024 = 88%", Cannot)], Some("'bill'")),
    // M45/N11 (was not supported, read reversed)
    ("Russia received 38 % of its arms export payments from India in 2020-24.", &[("share exports IND to RUS 2020-2024 = 38%", Cannot)], Some("'payments'")),
    // N08, N09
    ("Kazakhstan paid for 88 % of its arms imports from Russia with Russian loans in 2020-24.", &[("share imports KAZ from RUS 2020-2024 = 88%", Cannot)], Some("'loans'")),
    ("Russland finanzierte 2020–24 88 Prozent der Waffenimporte Kasachstans mit Krediten.", &[("share imports KAZ from RUS 2020-2024 = 88%", Cannot)], Some("„Krediten“")),
    // N13
    ("Indien zahlte 2020–24 38 Prozent aller Zahlungen für russische Waffenexporte.", &[("share exports RUS to IND 2020-2024 = 38%", Cannot)], Some("„Zahlungen“")),
    // N17, N27 (TIV is no financial value)
    ("Russia's arms exports fell in value by 64 % between 2015-19 and 2020-24.", &[("change exports RUS 2015-2019..2020-2024 = -64%", Cannot)], Some("'value'")),
    ("Russia delivered 38 % of its arms export volume by value to India in 2020-24.", &[("share exports RUS to IND 2020-2024 = 38%", Cannot)], Some("'value'")),
    // N21, N22 (N22 was not supported, read reversed)
    ("Kazakhstan invested 88 % of its arms import funds in Russian systems in 2020-24.", &[("share imports KAZ from RUS 2020-2024 = 88%", Cannot)], Some("'funds'")),
    ("Kasachstan investierte 2020–24 88 Prozent seiner Mittel für Waffenimporte in russische Systeme.", &[("share imports RUS from KAZ 2020-2024 = 88%", Cannot)], Some("„investierte“")),
    // N31, N32
    ("Measured in money, Russia supplied 88 % of Kazakhstan's arms imports in 2020-24.", &[("share imports KAZ from RUS 2020-2024 = 88%", Cannot)], Some("'money'")),
    ("Kazakhstan's arms purchases from Russia, financially, accounted for 88 % of its imports in 2020-24.", &[("share imports KAZ from RUS 2020-2024 = 88%", Cannot)], Some("'financially'")),
    // N24, N25: company sales
    ("Russian defence firms sold 38 % of Russia's arms exports to India in 2020-24.", &[("share exports RUS to IND 2020-2024 = 38%", Cannot)], Some("'firms'")),
    ("Russische Rüstungskonzerne verkauften 2020–24 38 Prozent der russischen Waffenexporte an Indien.", &[("share exports RUS to IND 2020-2024 = 38%", Cannot)], Some("„verkauften“")),
    // Controls without money words are still checked (-63.90; 38.49).
    ("Russia's arms exports fell by 64 % between 2015-19 and 2020-24.", &[("change exports RUS 2015-2019..2020-2024 = -64%", Yes)], None),
    ("Russia's arms exports fell by 30 % between 2015-19 and 2020-24.", &[("change exports RUS 2015-2019..2020-2024 = -30%", No)], None),
    ("Russia delivered 38 % of its arms exports to India in 2020-24.", &[("share exports RUS to IND 2020-2024 = 38%", Yes)], None),
    ("Russland lieferte 2020–24 38 Prozent seiner Waffenexporte an Indien.", &[("share exports RUS to IND 2020-2024 = 38%", Yes)], None),
];

/// HTML entities are the characters they stand for (H01, H02, H06 were
/// refused with reasons naming "8211" or "'s").
#[rustfmt::skip]
const ENTITIES: &[Case] = &[
    ("<p>Russia supplied 88&nbsp;% of Kazakhstan&#39;s arms imports in 2020&ndash;24.</p>", &[("share imports KAZ from RUS 2020-2024 = 88%", Yes)], None),
    ("<li>Russland lieferte 2020&ndash;24 88&nbsp;Prozent der Waffenimporte Kasachstans.</li>", &[("share imports KAZ from RUS 2020-2024 = 88%", Yes)], None),
    ("<p>Spanien lieferte 2020&#8211;24 16&#160;Prozent der Waffenimporte Kasachstans.</p>", &[("share imports KAZ from ESP 2020-2024 = 16%", No)], None),
    ("<p>Spain supplied 16 % of Kazakhstan&rsquo;s arms imports in 2020&#x2013;24.</p>", &[("share imports KAZ from ESP 2020-2024 = 16%", No)], None),
];

#[test]
fn superscript_digits_are_footnote_marks() {
    common::assert_verdicts(common::register_or_skip(), FOOTNOTES);
}

#[test]
fn years_in_links_and_citations_are_no_period() {
    common::assert_verdicts(common::register_or_skip(), REFERENCES);
}

#[test]
fn a_line_ending_in_a_clause_opener_continues() {
    common::assert_verdicts(common::register_or_skip(), LINE_BREAKS);
}

#[test]
fn payment_and_finance_words_are_money() {
    common::assert_verdicts(common::register_or_skip(), MONEY);
}

#[test]
fn html_entities_are_decoded() {
    common::assert_verdicts(common::register_or_skip(), ENTITIES);
}
