//! Regressions found by claims probe 30
//! (/work/bigtmp/claimprobe30/findings.md): kind words SIPRI's rows do
//! describe, "Name-M1" designations, "a single", money and collective
//! quantities, counts of units of organisation, forecasts.
//!
//! Expected values come from pandas over the raw Feb-2026 register,
//! independent of armsflow (`Numbers delivered` summed over inclusive
//! delivery years): Tor-M1 Russia→Kazakhstan 2022–23 4 + 4 = 8, Russia→
//! Belarus 2022 6, none USA→Ukraine; Buk-M2 Russia→Algeria 2017 1; BTR-82A
//! ("infantry fighting vehicle") Russia→Kazakhstan 2015–17 30 × 3 = 90;
//! S-400 Triumf ("SAM system") Russia→India 2021–23 6; tanks USA→Poland
//! 2022–24 28 + 40 + 76 = 144; Su-30MK Russia→Kazakhstan 2024 8, 2015 4
//! (none before). The legacy register (Mar 2025) lists Su-30MK ("FGA
//! aircraft", no armament category) Russia→Kazakhstan in 2016.

use crate::common;
use claims::Verdict;

use Verdict::CannotBeChecked as Cant;
use Verdict::NotSupported as No;
use Verdict::Supported as Yes;

use common::VerdictCase as Case;

/// Refused before any claim is built: no check, only the reason.
const NONE: &[(&str, Verdict)] = &[];

/// A kind word that names what SIPRI's description or category says fits;
/// a clear mismatch still refuses.
#[rustfmt::skip]
const KINDS: &[Case] = &[
    ("Russia delivered 6 S-400 missile systems to India in 2021-2023.",
        &[("delivery RUS to IND weapon 6 \"S-400\" 2021-2023", Yes)], None),
    ("Russia delivered 6 S-400 surface-to-air missile systems to India in 2021-2023.",
        &[("delivery RUS to IND weapon 6 \"S-400\" 2021-2023", Yes)], None),
    ("Russia delivered 90 BTR-82A infantry fighting vehicles to Kazakhstan in 2015-2017.",
        &[("delivery RUS to KAZ weapon 90 \"BTR-82A\" 2015-2017", Yes)], None),
    ("Russland lieferte 2015 bis 2017 90 BTR-82A-Schützenpanzer an Kasachstan.",
        &[("delivery RUS to KAZ weapon 90 \"BTR-82A\" 2015-2017", Yes)], None),
    ("Die USA lieferten 2022 bis 2024 144 Kampfpanzer an Polen.",
        &[("delivery USA to POL weapon 144 \"tank\" 2022-2024", Yes)], None),
    ("Die USA lieferten 2022 bis 2024 116 Kampfpanzer an Polen.",
        &[("delivery USA to POL weapon 116 \"tank\" 2022-2024", No)], None),
    // The phrase is checked against the description: Abrams are tanks.
    ("The United States delivered 144 Abrams armoured personnel carriers to Poland between 2022 and 2024.",
        &[("delivery USA to POL weapon 144 \"Abrams\" 2022-2024", Cant)], None),
    // Without a designation an IFV is not told apart from armoured vehicles.
    ("Russland lieferte 2015 bis 2017 90 Schützenpanzer an Kasachstan.",
        &[("delivery RUS to KAZ weapon 90 \"armoured vehicle\" 2015-2017", Cant)], None),
    // Still a mismatch: missiles of a SAM system.
    ("Russia delivered 6 S-400 surface-to-air missiles to India in 2021-2023.",
        &[("delivery RUS to IND weapon 6 \"S-400\" 2021-2023", Cant)], Some("surface-to-air missile")),
];

#[test]
fn kinds_sipri_describes_fit() {
    common::assert_verdicts(common::register_or_skip(), KINDS);
}

/// The legacy register has no armament category: "aircraft" is read from
/// the description (the CLI's alignment_real test, red after round 29).
#[rustfmt::skip]
const LEGACY_KINDS: &[Case] = &[
    ("Russia delivered Su-30 aircraft to Kazakhstan in 2016.",
        &[("delivery RUS to KAZ weapon \"Su-30\" 2016", Yes)], None),
    ("Russia delivered Su-30 helicopters to Kazakhstan in 2016.",
        &[("delivery RUS to KAZ weapon \"Su-30\" 2016", Cant)], Some("FGA aircraft")),
];

#[test]
fn legacy_kinds_read_the_description() {
    common::assert_verdicts(common::legacy_2025(), LEGACY_KINDS);
}

/// "Tor-M1" is one designation, not "M1" (which matched M-1A1 Abrams).
#[rustfmt::skip]
const LETTERED_MODELS: &[Case] = &[
    ("Russia delivered 8 Tor-M1 air defence systems to Kazakhstan in 2022-2023.",
        &[("delivery RUS to KAZ weapon 8 \"Tor-M1\" 2022-2023", Yes)], None),
    ("Russia delivered 6 Tor-M1 systems to Belarus in 2022.",
        &[("delivery RUS to BLR weapon 6 \"Tor-M1\" 2022", Yes)], None),
    ("Russia delivered 1 Buk-M2 system to Algeria in 2017.",
        &[("delivery RUS to DZA weapon 1 \"Buk-M2\" 2017", Yes)], None),
    ("The United States delivered 31 Tor-M1 air defence systems to Ukraine in 2023.",
        &[("delivery USA to UKR weapon 31 \"Tor-M1\" 2023", No)], None),
];

#[test]
fn lettered_model_numbers_stay_in_the_name() {
    common::assert_verdicts(common::register_or_skip(), LETTERED_MODELS);
}

/// "a single" is 1; collective and vague quantities, units of organisation
/// and "the first two" are not counts of weapons delivered.
#[rustfmt::skip]
const COUNTS: &[Case] = &[
    ("Russia delivered a single Su-30SM fighter jet to Kazakhstan in 2024.",
        &[("delivery RUS to KAZ weapon 1 \"Su-30SM\" 2024", No)], None),
    ("Kazakhstan received just a single Su-30SM from Russia in 2024.",
        &[("delivery RUS to KAZ weapon 1 \"Su-30SM\" 2024", No)], None),
    ("Poland received a score of Bayraktar TB2 drones from Turkey in 2022-2024.", NONE, Some("a score of")),
    ("Russia delivered a handful of S-400 systems to India in 2021-2023.", NONE, Some("a handful of")),
    ("Russland lieferte 2021 bis 2023 eine Handvoll S-400-Systeme an Indien.", NONE, Some("Handvoll")),
    ("Russia delivered a squadron of Su-30SM fighter jets to Kazakhstan in 2024.", NONE, Some("a squadron of")),
    ("Russland lieferte 2024 eine Reihe von Su-30SM an Kasachstan.", NONE, Some("eine Reihe von")),
    ("Russia delivered one Su-30SM squadron to Kazakhstan in 2024.", NONE, Some("'one'")),
    ("Kasachstan erhielt 2024 einen von drei Su-30SM-Verbänden aus Russland.", NONE, Some("drei")),
    ("Russia delivered the first two Su-30SM fighter jets to Kazakhstan in 2015.", NONE, Some("'two'")),
];

#[test]
fn collective_and_unit_counts_are_refused() {
    common::assert_verdicts(common::register_or_skip(), COUNTS);
}

/// Money in glued and compound forms, and a forecast.
#[rustfmt::skip]
const MONEY_AND_FUTURE: &[Case] = &[
    ("Russia delivered 12 Su-30SM fighter jets worth USD1bn to Kazakhstan in 2019-2022.",
        &[("delivery RUS to KAZ weapon 12 \"Su-30SM\" 2019-2022", Cant)], Some("money")),
    ("Russia delivered 2 S-400 systems worth Rs2000cr to India in 2021.",
        &[("delivery RUS to IND weapon 2 \"S-400\" 2021", Cant)], Some("money")),
    ("Russland lieferte 2019 bis 2022 im Rahmen eines 1,2-Milliarden-Euro-Auftrags zwölf Su-30SM an Kasachstan.",
        &[("delivery RUS to KAZ weapon 12 \"Su-30SM\" 2019-2022", Cant)], Some("Geldbetrag")),
    ("Russland lieferte 2019 bis 2022 im Rahmen eines Milliardenauftrags zwölf Su-30SM an Kasachstan.",
        &[("delivery RUS to KAZ weapon 12 \"Su-30SM\" 2019-2022", Cant)], Some("Geldbetrag")),
    ("Kazakhstan is set to receive 8 Su-30SM fighter jets from Russia in 2024.",
        &[("delivery RUS to KAZ weapon 8 \"Su-30SM\" 2024", Cant)], Some("forecast")),
];

#[test]
fn money_forms_and_forecasts_are_refused() {
    common::assert_verdicts(common::register_or_skip(), MONEY_AND_FUTURE);
}
