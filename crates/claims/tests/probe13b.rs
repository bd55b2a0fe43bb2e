//! Regressions of claims probe 13, second part: capitals and seats that
//! block the fallback to the previous country, "in that period" after a
//! sentence with two periods, coordinated subjects, and German names.
//! Reference figures: see `probe13.rs` (pandas over the Feb-2026 register).

use crate::probe11::read;
use crate::probe13::{IND_RUS, assert_cases};

/// B1: capitals that were not on the list, and a subject after a fronted
/// adverbial, fell back to the previous sentence's India/Pakistan.
#[test]
fn capitals_and_seats_block_the_previous_country() {
    assert_cases(&[
        // UAE from France 17.10 %: false (was "belegt" on India, 32.98 %).
        (
            "Indien bezog 2020–24 36 Prozent seiner Waffenimporte aus Russland. Abu Dhabi bezog im selben Zeitraum 33 Prozent seiner Waffen aus Frankreich.",
            &[IND_RUS, "share imports ARE from FRA 2020-2024 = 33%"],
            None,
        ),
        // India from Russia 35.97 %: true (was "nicht belegt" on Pakistan).
        (
            "Pakistan bezog 2020–24 81 Prozent seiner Waffenimporte aus China. Neu-Delhi bezog im selben Zeitraum 36 Prozent seiner Waffen aus Russland.",
            &["share imports PAK from CHN 2020-2024 = 81%", IND_RUS],
            None,
        ),
        // US from France 14.55 % (was "supported" on India, 32.98 %).
        (
            "India received 36 per cent of its arms imports from Russia in 2020–24. In that period, the Pentagon also bought 33 per cent of its arms from France.",
            &[IND_RUS],
            Some("'Pentagon' is not read as a country"),
        ),
        (
            "India received 36 per cent of its arms imports from Russia in 2020–24. In that period, Abu Dhabi bought 33 per cent of its arms from France.",
            &[IND_RUS],
            Some("'Abu Dhabi'"),
        ),
        (
            "Indien bezog 2020–24 36 Prozent seiner Waffenimporte aus Russland. Im selben Zeitraum bezog Abu Dhabi 33 Prozent seiner Waffen aus Frankreich.",
            &[IND_RUS],
            Some("'Abu Dhabi' is not read as a country"),
        ),
        // An unlisted name after the adverbial blocks too.
        (
            "India received 36 per cent of its arms imports from Russia in 2020–24. In that period, Prime Minister Modi said its imports fell by 9.3 per cent.",
            &[IND_RUS],
            Some("'Prime Minister Modi'"),
        ),
        // At the head of the sentence, "New Delhi" is India (35.97 %, true).
        (
            "New Delhi received 36 per cent of its arms imports from Russia in 2020–24.",
            &[IND_RUS],
            None,
        ),
    ]);
}

/// B4, B6: "in that period" takes the period the claim before was about; a
/// date in its side clause is no such period, and two claim periods are
/// ambiguous.
#[test]
fn that_period_is_the_period_of_the_claim_before() {
    let two = "the sentence before states two (2020-2024 and 2015-2019)";
    assert_cases(&[
        // France 32.98 % in 2020-24: false (was "supported" on 2023, 17.20 %).
        // The first sentence is refused, so its claim does not tell which
        // of its two periods is the claim's: refused as well.
        (
            "Russia supplied 36 per cent of India's arms imports in 2020–24, although Modi visited Washington in 2023. France supplied 17 per cent of India's arms imports in that period.",
            &[],
            Some("the sentence before states two (2020-2024 and 2023)"),
        ),
        (
            "Russia supplied 36 per cent of India's arms imports in 2020–24, although Modi visited Washington in 2023. France supplied 33 per cent of India's arms imports in that period.",
            &[],
            Some("the sentence before states two (2020-2024 and 2023)"),
        ),
        // With the first sentence checkable, its claim's period is the one.
        (
            "Russia supplied 36 per cent of India's arms imports in 2020–24 after a visit in 2023. France supplied 17 per cent of India's arms imports in that period.",
            &[IND_RUS, "share imports IND from FRA 2020-2024 = 17%"],
            None,
        ),
        // Was "supported" on 2015-19 (11.86 %); on 2020-24 it is false.
        (
            "Russia supplied 36 per cent of India's arms imports in 2020–24, down from 55 per cent in 2015–19. France supplied 12 per cent of India's arms imports in that period.",
            &[IND_RUS, "share imports IND from RUS 2015-2019 = 55%"],
            Some(two),
        ),
        (
            "Russia supplied 36 per cent of India's arms imports in 2020–24, down from 55 per cent in 2015–19. France supplied 33 per cent of India's arms imports in that period.",
            &[IND_RUS, "share imports IND from RUS 2015-2019 = 55%"],
            Some(two),
        ),
        // A change's period is its later window (France 32.98 %, true).
        (
            "India's arms imports fell by 9.3 per cent between 2015–19 and 2020–24. France supplied 33 per cent of India's arms imports in that period.",
            &[
                "change imports IND 2015-2019..2020-2024 = -9.3%",
                "share imports IND from FRA 2020-2024 = 33%",
            ],
            None,
        ),
    ]);
    // German: the first sentence's own reading is not at issue here.
    let (checked, why) = read(
        "Russland lieferte 2020–24 36 Prozent der indischen Waffenimporte, nach 55 Prozent in 2015–19. Frankreich lieferte im selben Zeitraum 12 Prozent der indischen Waffenimporte.",
    );
    assert!(
        !checked.iter().any(|c| c.contains("FRA"))
            && why
                .iter()
                .any(|w| w.contains("the sentence before states two")),
        "{checked:?} {why:?}"
    );
}

/// B5: "Both India and Pakistan" is a coordinated subject ("Its" is true of
/// Pakistan, 81.14 %, and was checked on India, 0 %).
#[test]
fn both_x_and_y_is_a_coordinated_subject() {
    for text in [
        "Both India and Pakistan were among the five largest arms importers in 2020–24. Its imports from China made up 81 per cent of the total in that period.",
        "Neither India nor Pakistan produces its main combat aircraft. Its imports from China made up 81 per cent of the total in 2020–24.",
        "India's and Pakistan's imports were high in 2020–24. Its imports from China made up 81 per cent of the total in that period.",
        "Sowohl Indien als auch Pakistan gehörten 2020–24 zu den größten Waffenimporteuren. Seine Importe aus China machten im selben Zeitraum 81 Prozent aus.",
    ] {
        let (checked, why) = read(text);
        assert!(
            checked.is_empty()
                && why
                    .iter()
                    .any(|w| w.contains("India, Pakistan") || w.contains("Indien, Pakistan")),
            "{text}\n{checked:?}\n{why:?}"
        );
    }
}

/// C5: a single sentence has no earlier country to speak of.
#[test]
fn a_single_sentence_reason_names_no_earlier_country() {
    let (checked, why) = read("In 2020–24, Moscow sold 38 per cent of its arms exports to India.");
    assert!(
        checked.is_empty()
            && why.iter().any(|w| w.contains(
                "'Moscow' is not read as a country, and the sentence's pronoun has no country"
            ))
            && !why.iter().any(|w| w.contains("earlier sentence")),
        "{checked:?} {why:?}"
    );
}

/// C2: "Das Vereinigte Königreich" is the UK (UK -> Qatar 28.41 %, UK from
/// the US 86.05 %).
#[test]
fn das_vereinigte_koenigreich_is_the_uk() {
    assert_cases(&[(
        "Das Vereinigte Königreich lieferte 2020–24 28 Prozent seiner Waffenexporte an Katar. Es bezog im selben Zeitraum 86 Prozent seiner Waffenimporte aus den USA.",
        &[
            "share exports GBR to QAT 2020-2024 = 28%",
            "share imports GBR from USA 2020-2024 = 86%",
        ],
        None,
    )]);
}
