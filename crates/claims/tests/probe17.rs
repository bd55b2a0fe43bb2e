//! Regressions of claims probe 17 (/work/bigtmp/claimprobe17/findings.md):
//! a fronted "Von/Bei <country>" read as the recipient (supplier and
//! recipient swapped), and a year that dates a SIPRI publication read as the
//! claim's period.
//!
//! Expected verdicts come from the probe's log.tsv and its ref.py (pandas
//! over the raw Feb-2026 register), independent of armsflow. 2020-24:
//! Russia 1175.20 of Kazakhstan's 1328.98 TIV of imports = 88.43 %;
//! Kazakhstan 0.00 of Russia's 766.65 TIV = 0 %; China 81.14 % of
//! Pakistan's imports, Pakistan 0 of China's 2610.20 TIV; India 0 of
//! Russia's imports.

use crate::common;
use claims::Verdict;

use Verdict::{CannotBeChecked as Cannot, NotSupported as No, Supported as Yes};

use common::VerdictCase as Case;

const KAZ_RUS: &str = "share imports KAZ from RUS 2020-2024 = 88%";
const RUS_KAZ: &str = "share imports RUS from KAZ 2020-2024 = 88%";

/// A fronted "Von"/"Bei" names the source, as "Aus" does; "seiner" is the
/// subject's.
#[rustfmt::skip]
const FRONTED_SOURCE: &[Case] = &[
    // V09: F (0 %), was belegt as KAZ from RUS
    ("Von Kasachstan bezog Russland 2020 bis 2024 88 Prozent seiner Waffen.", &[(RUS_KAZ, No)], Some("0,00 %")),
    // V08: T (88.43), was nicht belegt
    ("Von Russland bezog Kasachstan 2020 bis 2024 88 Prozent seiner Waffen.", &[(KAZ_RUS, Yes)], None),
    // W09: F
    ("Von Kasachstan erhielt Russland 2020 bis 2024 88 Prozent seiner Rüstungsimporte.", &[(RUS_KAZ, No)], None),
    ("Von Russland erhielt Kasachstan 2020 bis 2024 88 Prozent seiner Rüstungsimporte.", &[(KAZ_RUS, Yes)], None),
    // W05: F
    ("Bei Kasachstan kaufte Russland 2020 bis 2024 88 Prozent seiner Waffen.", &[(RUS_KAZ, No)], None),
    ("Bei Russland kaufte Kasachstan 2020 bis 2024 88 Prozent seiner Waffen.", &[(KAZ_RUS, Yes)], None),
    ("Von Kasachstan importierte Russland 2020 bis 2024 88 Prozent seiner Waffenimporte.", &[(RUS_KAZ, No)], None),
    ("Von Russland importierte Kasachstan 2020 bis 2024 88 Prozent seiner Waffen.", &[(KAZ_RUS, Yes)], None),
    ("Von Russland bezog Kasachstan 2020 bis 2024 88 Prozent seiner Waffenimporte.", &[(KAZ_RUS, Yes)], None),
    // W01: F; W02: T (81.14)
    ("Von Pakistan bezog China 2020 bis 2024 81 Prozent seiner Waffen.", &[("share imports CHN from PAK 2020-2024 = 81%", No)], None),
    ("Von China bezog Pakistan 2020 bis 2024 81 Prozent seiner Waffen.", &[("share imports PAK from CHN 2020-2024 = 81%", Yes)], None),
    // W08: F (India supplied 0 % of Russia's imports; 35.97 % is Russia's share of India's)
    ("Von Indien bezog Russland 2020 bis 2024 36 Prozent seiner Waffen.", &[("share imports RUS from IND 2020-2024 = 36%", No)], None),
    // W03, W04: "Aus" stays right
    ("Aus Kasachstan bezog Russland 2020 bis 2024 88 Prozent seiner Waffenimporte.", &[(RUS_KAZ, No)], None),
    ("Aus Russland bezog Kasachstan 2020 bis 2024 88 Prozent seiner Waffenimporte.", &[(KAZ_RUS, Yes)], None),
    // English: "From X" fronted, without a comma, names the source too
    ("From Kazakhstan Russia bought 88 % of its arms in 2020-24.", &[(RUS_KAZ, No)], None),
    ("From Russia Kazakhstan bought 88 % of its arms in 2020-24.", &[(KAZ_RUS, Yes)], None),
    // W06, W07: with a comma, refused (safe)
    ("From Kazakhstan, Russia got 88 % of its arms imports in 2020-24.", &[(RUS_KAZ, Cannot)], None),
    ("From Russia, Kazakhstan got 88 % of its arms imports in 2020-24.", &[(KAZ_RUS, Cannot)], None),
    // True with 0 % (Kazakhstan supplied none of Russia's imports); was nicht belegt on KAZ from RUS
    ("Von Kasachstan erhielt Russland 2020 bis 2024 0 Prozent seiner Waffen.", &[("share imports RUS from KAZ 2020-2024 = 0%", Yes)], None),
    // A fronted "Von X" before a participle and a noun is still the importer
    ("Von Kasachstan importierte Waffen kamen 2020 bis 2024 zu 88 Prozent aus Russland.", &[(KAZ_RUS, Yes)], None),
    // The agent reading stays: "der von X importierten Waffen"
    ("Russland lieferte 2020 bis 2024 88 Prozent der von Kasachstan importierten Waffen.", &[(KAZ_RUS, Yes)], None),
];

/// Two bare countries around an import verb: which is the source is not
/// said. W10: was belegt as KAZ from RUS.
#[rustfmt::skip]
const BARE_OBJECT: &[Case] = &[
    ("Kasachstan bezog Russland 2020 bis 2024 88 Prozent seiner Waffen.", &[(KAZ_RUS, Cannot)], Some("Richtung")),
    ("Kazakhstan bought Russia 88 % of its arms in 2020-24.", &[(KAZ_RUS, Cannot)], Some("which way")),
    // Subject first with a preposition, and a supply verb with a dative, stay
    ("Kasachstan bezog 2020 bis 2024 88 Prozent seiner Waffen aus Russland.", &[(KAZ_RUS, Yes)], None),
    ("Russland lieferte Kasachstan 2020 bis 2024 88 Prozent seiner Waffenimporte.", &[(KAZ_RUS, Yes)], None),
];

const PUB_EN: &str = "is when SIPRI published";
const PUB_DE: &str = "in dem SIPRI veröffentlichte";

/// A year that dates a publication is no period; with no other period the
/// sentence cannot be checked (log.tsv expects U for each).
#[rustfmt::skip]
const PUBLICATION_YEAR: &[Case] = &[
    // Q03 (was supported on 2020, 99.10)
    ("SIPRI data published in 2020 show that Russia supplied 99 % of Kazakhstan's arms imports.", &[], Some(PUB_EN)),
    // P11, Q02, Q01 (was not supported on 2024; 69 % is the 2023 figure, 69.37)
    ("According to SIPRI data released in 2020, Russia supplied 99 % of Kazakhstan's arms imports.", &[("reported-speech \"According\"", Cannot)], None),
    ("According to SIPRI data released in 2024, Russia supplied 80 % of Kazakhstan's arms imports.", &[("reported-speech \"According\"", Cannot)], None),
    ("According to SIPRI data released in 2024, Russia supplied 69 % of Kazakhstan's arms imports.", &[("reported-speech \"According\"", Cannot)], None),
    // Q12: F in the log (no period), was supported
    ("Russia supplied 80 % of Kazakhstan's arms imports, according to SIPRI data released in 2024.", &[("reported-speech \"according\"", Cannot)], None),
    // Q08
    ("Laut SIPRI-Bericht aus dem Jahr 2020 lieferte Russland 99 Prozent der Waffenimporte Kasachstans.", &[("reported-speech \"Laut\"", Cannot)], None),
    // Q09
    ("A SIPRI report from 2020 found that Russia supplied 99 % of Kazakhstan's arms imports.", &[], Some(PUB_EN)),
    // Q04
    ("Die 2024 veröffentlichten SIPRI-Daten zeigen, dass Russland 80 Prozent der Waffenimporte Kasachstans lieferte.", &[], Some(PUB_DE)),
    // Q05, P07
    ("Im SIPRI-Jahrbuch 2024 heißt es, Russland habe 80 Prozent der Waffenimporte Kasachstans geliefert.", &[], Some(PUB_DE)),
    ("Im SIPRI-Bericht 2024 heißt es, Russland habe 80 Prozent der Waffenimporte Kasachstans geliefert.", &[], Some(PUB_DE)),
    // Q06
    ("In SIPRI's 2024 yearbook, Russia supplied 80 % of Kazakhstan's arms imports.", &[], Some(PUB_EN)),
    // Q11 (was nicht belegt on 2024; SIPRI's 2024 report had India first)
    ("Im SIPRI-Bericht 2024 war Indien der größte Waffenimporteur der Welt.", &[], Some(PUB_DE)),
    ("The SIPRI fact sheet 2024 shows Russia supplied 80 % of Kazakhstan's arms imports.", &[], Some(PUB_EN)),
    // Already refused: P02, P06, Q10, Q13, Q14
    ("According to SIPRI data published in March 2024, Russia supplied 80 % of Kazakhstan's arms imports.", &[("reported-speech \"According\"", Cannot)], None),
    ("In its 2024 report, SIPRI said Russia supplied 80 % of Kazakhstan's arms imports.", &[], None),
    ("SIPRI's 2024 report found that India was the world's largest arms importer.", &[], None),
    ("Der 2020 erschienene SIPRI-Bericht nennt 99 Prozent russische Lieferungen an Kasachstan.", &[], None),
];

/// With a stated period the figure is checked on it, and the verdict says
/// the release checked is the citation's (P01, Q15: T, 88.43; Q15 was
/// refused, P01 supported without a word on the release).
#[rustfmt::skip]
const PUBLICATION_AND_PERIOD: &[Case] = &[
    ("According to SIPRI data published in March 2025, Russia supplied 88 % of Kazakhstan's arms imports in 2020-24.", &[(KAZ_RUS, Yes)], Some("release named in the citation")),
    ("According to SIPRI data released in 2025, Russia supplied 88 % of Kazakhstan's arms imports in 2020-24.", &[(KAZ_RUS, Yes)], Some("release named in the citation")),
    ("According to SIPRI data released in 2025, Russia supplied 99 % of Kazakhstan's arms imports in 2020-24.", &[("share imports KAZ from RUS 2020-2024 = 99%", No)], Some("88.43")),
    ("Die 2025 veröffentlichten SIPRI-Daten zeigen, dass Russland 2020 bis 2024 88 Prozent der Waffenimporte Kasachstans lieferte.", &[(KAZ_RUS, Yes)], Some("Quellenangabe")),
];

#[test]
fn fronted_von_and_bei_name_the_supplier() {
    common::assert_verdicts(common::register_or_skip(), FRONTED_SOURCE);
}

#[test]
fn two_bare_countries_around_an_import_verb_are_refused() {
    common::assert_verdicts(common::register_or_skip(), BARE_OBJECT);
}

#[test]
fn a_publication_year_is_no_period() {
    common::assert_verdicts(common::register_or_skip(), PUBLICATION_YEAR);
}

#[test]
fn a_publication_year_beside_a_period_is_checked_on_the_period() {
    common::assert_verdicts(common::register_or_skip(), PUBLICATION_AND_PERIOD);
}
