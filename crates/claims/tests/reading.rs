//! Regression tests for the readings of issue 11 (no data needed): what a
//! sentence is read as, or why it is not checked. A verdict on a reduced
//! claim must never be possible.

use claims::{Names, extract};

/// The structured claims read, or the blocked claims with their reasons.
fn read(text: &str) -> (Vec<String>, Vec<String>, Vec<String>) {
    let ex = extract(text, Names::builtin());
    (
        ex.claims.iter().map(|f| f.claim.to_string()).collect(),
        ex.blocked
            .iter()
            .map(|b| format!("{} | {}", b.claim, b.reason))
            .collect(),
        ex.skipped.iter().map(|s| s.reason.clone()).collect(),
    )
}

fn claims_of(text: &str) -> Vec<String> {
    read(text).0
}

/// Not checked: no claim, and the reason (blocked or skipped) mentions `why`.
fn not_checked(text: &str, why: &str) {
    let (claims, blocked, skipped) = read(text);
    assert!(claims.is_empty(), "{text}: read as {claims:?}");
    assert!(
        blocked
            .iter()
            .chain(skipped.iter())
            .any(|r| r.contains(why)),
        "{text}: want a reason with '{why}', got {blocked:?} {skipped:?}"
    );
}

#[test]
fn categories_are_kept() {
    assert_eq!(
        claims_of("Russia accounted for 88 percent of Kazakhstan's aircraft imports in 2020-24."),
        ["share imports KAZ from RUS 2020-2024 aircraft = 88%"]
    );
    assert_eq!(
        claims_of(
            "81 Prozent der Flugzeuge, die Pakistan von 2020 bis 2024 importierte, stammten aus China."
        ),
        ["share imports PAK from CHN 2020-2024 aircraft = 81%"]
    );
    assert_eq!(
        claims_of("Germany was the world's second-largest exporter of ships in 2020-24."),
        ["global-rank exports DEU 2020-2024 ships = 2"]
    );
    not_checked(
        "Russia supplied 88 per cent of Kazakhstan's arms imports in 2020-24, mostly combat aircraft.",
        "mostly",
    );
}

#[test]
fn ranks_words_numerals_ranges() {
    assert_eq!(
        claims_of("Spain was among the top ten arms exporters in 2020-24."),
        ["global-rank exports ESP 2020-2024 = top-10"]
    );
    assert_eq!(
        claims_of("Spanien gehörte 2020 bis 2024 zu den fünf größten Waffenexporteuren der Welt."),
        ["global-rank exports ESP 2020-2024 = top-5"]
    );
    assert_eq!(
        claims_of("Qatar ranked 3rd among the world's arms importers in 2020-24."),
        ["global-rank imports QAT 2020-2024 = 3"]
    );
    assert_eq!(
        claims_of("Katar lag 2020–2024 auf Platz drei der größten Waffenimporteure."),
        ["global-rank imports QAT 2020-2024 = 3"]
    );
    assert_eq!(
        claims_of("Israel was the No. 8 arms exporter in 2020-24."),
        ["global-rank exports ISR 2020-2024 = 8"]
    );
    not_checked(
        "Egypt was one of the largest arms importers in 2020-24.",
        "without its size",
    );
}

#[test]
fn share_changes_are_not_volume_changes() {
    assert_eq!(
        claims_of(
            "Russia's share of India's arms imports fell from 72 percent in 2010-14 to 36 percent in 2020-24."
        ),
        [
            "share imports IND from RUS 2010-2014 = 72%",
            "share imports IND from RUS 2020-2024 = 36%"
        ]
    );
    not_checked(
        "Spain supplied 6 % of Kazakhstan's imports in 2020-24, up from 3.5 %.",
        "no period of its own",
    );
    not_checked(
        "Russia's share of India's arms imports fell by 19 percentage points between 2015-19 and 2020-24.",
        "percentage points",
    );
    assert_eq!(
        claims_of(
            "Die USA steigerten ihre Waffenexporte zwischen 2015–19 und 2020–24 um 21 Prozent, während die russischen Exporte um 54 Prozent zurückgingen."
        ),
        [
            "change exports USA 2015-2019..2020-2024 = +21%",
            "change exports RUS 2015-2019..2020-2024 = -54%"
        ]
    );
}

#[test]
fn multiples_fractions_comparisons() {
    assert_eq!(
        claims_of("Italy's arms exports more than doubled between 2015-19 and 2020-24."),
        ["change exports ITA 2015-2019..2020-2024 = over +100%"]
    );
    assert_eq!(
        claims_of("Die Waffenimporte Polens haben sich zwischen 2015–19 und 2020–24 verfünffacht."),
        ["change imports POL 2015-2019..2020-2024 = x5"]
    );
    assert_eq!(
        claims_of("Nearly half of Algeria's arms imports came from Russia in 2020-24."),
        ["share imports DZA from RUS 2020-2024 = almost 50%"]
    );
    assert_eq!(
        claims_of("Knapp ein Drittel der Waffenimporte Indiens kam 2020–24 aus Frankreich."),
        ["share imports IND from FRA 2020-2024 = almost 33%"]
    );
    assert_eq!(
        claims_of("Kazakhstan imported more arms from Spain than from Türkiye in 2020-24."),
        ["compare imports KAZ from ESP > TUR 2020-2024"]
    );
    not_checked(
        "Japan's arms imports nearly doubled between 2015–19 and 2020–24.",
        "hedged multiples",
    );
}

#[test]
fn negation_money_and_names() {
    // An absence of deliveries is a claim of its own (issue #17)…
    assert_eq!(
        claims_of("Israel did not deliver a single weapon to Azerbaijan in 2020-24."),
        ["delivery-none ISR to AZE weapon \"arms\" 2020-2024"]
    );
    // …a negated rank is not.
    not_checked(
        "Türkiye was not among the ten largest arms exporters in 2020-24.",
        "negation",
    );
    not_checked(
        "Saudi Arabia spent 74 per cent of its $50bn arms import budget on US weapons in 2020-24.",
        "not money",
    );
    assert_eq!(
        claims_of(
            "Aus den Vereinigten Staaten kamen 2020–24 rund 45 Prozent der ukrainischen Waffenimporte."
        ),
        ["share imports UKR from USA 2020-2024 = about 45%"]
    );
    assert_eq!(
        claims_of("Britain supplied 15 per cent of Qatar's arms imports in 2020-24."),
        ["share imports QAT from GBR 2020-2024 = 15%"]
    );
}

#[test]
fn no_carry_over_into_an_unrelated_sentence() {
    let text = "Kazakhstan imported most of its arms from Russia in 2020-24.\n\
                Germany approved export licences worth 1.2 billion euros in 2023, 30 per cent of them for Ukraine.";
    assert!(claims_of(text).is_empty(), "{:?}", claims_of(text));
    // A pronoun links: "it" is Kazakhstan.
    assert_eq!(
        claims_of(
            "Kazakhstan depends heavily on Russian arms. In 2020-24 it received 88 per cent of its arms imports from Russia."
        ),
        ["share imports KAZ from RUS 2020-2024 = 88%"]
    );
}

#[test]
fn normalised_input_reads_like_plain_text() {
    for text in [
        "Von 2020 bis 2024 entfielen 88 Prozent der Waffenimporte der Tu\u{308}rkei auf Spanien.",
        "Von 2020 bis 2024 entfielen \u{FF18}\u{FF18} Prozent der Waffenimporte der Türkei auf Spanien.",
        "Von 2020\u{2013}2024 entfielen 88\u{A0}Prozent der Waffen\u{AD}importe der Türkei auf Spanien.",
    ] {
        assert_eq!(
            claims_of(text),
            ["share imports TUR from ESP 2020-2024 = 88%"],
            "{text}"
        );
    }
    // Sentences are reported as written, at the original offsets.
    let text = "Vorab.  Von 2020 bis 2024 entfielen \u{FF18}\u{FF18} Prozent der Waffenimporte der Türkei auf Spanien.";
    let ex = extract(text, Names::builtin());
    let f = &ex.claims[0];
    assert_eq!(&text[f.offset..f.offset + f.sentence.len()], f.sentence);
    assert!(f.sentence.contains('\u{FF18}'));
}

#[test]
fn windows_past_the_release_are_kept() {
    assert_eq!(
        claims_of("Russia accounted for 88 per cent of Kazakhstan's arms imports in 2021–25."),
        ["share imports KAZ from RUS 2021-2025 = 88%"]
    );
}

#[test]
fn ellipses_and_lists_expand_only_when_unambiguous() {
    assert_eq!(
        claims_of(
            "The US accounted for 43 % of global arms exports in 2020-24 and France for 9.6 %."
        ),
        [
            "global-share exports USA 2020-2024 = 43%",
            "global-share exports FRA 2020-2024 = 9.6%"
        ]
    );
    assert_eq!(
        claims_of(
            "Von 2020 bis 2024 entfielen 88 Prozent der Waffenimporte Kasachstans auf Russland und 1,5 Prozent auf die Türkei."
        ),
        [
            "share imports KAZ from RUS 2020-2024 = 88%",
            "share imports KAZ from TUR 2020-2024 = 1.5%"
        ]
    );
    // A second figure about something else is never read as a share.
    assert!(
        claims_of(
            "Russia supplied 88 % of Kazakhstan's arms imports in 2020-24, while China's economy grew 5 %."
        )
        .is_empty()
    );
    assert_eq!(
        claims_of("Russia, France and Israel were India's three largest suppliers in 2020-24."),
        [
            "top-3 supplier IND 2020-2024 = RUS",
            "top-3 supplier IND 2020-2024 = FRA",
            "top-3 supplier IND 2020-2024 = ISR"
        ]
    );
}

#[test]
fn a_figure_reads_with_its_rank_phrase_parties() {
    assert_eq!(
        claims_of("In 2020–24 Ukraine was the largest recipient of US arms, taking 9.3 per cent."),
        ["share exports USA to UKR 2020-2024 = 9.3% rank 1"]
    );
    assert_eq!(
        claims_of("Saudi Arabia received 12 per cent of US arms exports in 2020-24."),
        ["share exports USA to SAU 2020-2024 = 12%"]
    );
}

/// The shapes of issue #17 under the rule of issue #11 (merge of both).
#[test]
fn weapon_and_main_supplier_shapes_under_the_rule() {
    // The category is kept, never dropped for the plain "largest" reading.
    assert_eq!(
        claims_of("Russia was Kazakhstan's main supplier of combat aircraft in 2020-2024."),
        ["main-supplier KAZ 2020-2024 aircraft = RUS"]
    );
    not_checked(
        "Russia was Kazakhstan's main supplier of Su-30s in 2020-2024.",
        "one weapon",
    );
    // A second weapon is a second claim, not the first one's description.
    not_checked(
        "Russia delivered S-400s and tanks to India in 2021.",
        "'tanks'",
    );
    assert_eq!(
        claims_of("India took delivery of S-400 air defence systems from Russia in 2021."),
        ["delivery RUS to IND weapon \"S-400\" 2021"]
    );
    not_checked(
        "Kazakhstan bought most of its weapons from Russia in 2020-24.",
        "'most'",
    );
    // "seit langem" says how long, it is no period of the claim.
    assert_eq!(
        claims_of(
            "Kasachstan ist seit langem von russischen Waffen abhängig und erhielt 2024 Su-30SM-Kampfflugzeuge."
        ),
        ["delivery RUS to KAZ weapon \"Su-30SM\" 2024"]
    );
    // "US-Präsident" names the speaker, not a party of the group fact.
    assert_eq!(
        claims_of(
            "Hierfür gab US-Präsident Donald Trump am 6. November bekannt, dass Kasachstan das Abraham-Abkommen zeitnah unterzeichnen wird."
        ),
        ["group \"Abraham Accords\" announced KAZ = --11-06"]
    );
}

#[test]
fn carry_over_across_a_blank_line_needs_a_link() {
    let first = "Kazakhstan imported arms from Russia in 2020-24.\n\n";
    assert_eq!(
        claims_of(&format!(
            "{first}Das Land erhielt 2024 Su-30SM-Kampfflugzeuge aus Russland."
        )),
        [
            "delivery RUS to KAZ weapon \"arms\" 2020-2024",
            "delivery RUS to KAZ weapon \"Su-30SM\" 2024"
        ]
    );
    // No link: the new paragraph's sentence has no recipient of its own.
    assert_eq!(
        claims_of(&format!(
            "{first}In 2024 Su-30SM fighters were delivered from Russia."
        )),
        ["delivery RUS to KAZ weapon \"arms\" 2020-2024"]
    );
}
