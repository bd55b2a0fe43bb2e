//! Regressions found by claims probe 34
//! (/work/bigtmp/claimprobe34/findings.md): a category's part of a pair's
//! flow escaping round 33's refusal with "deliveries" instead of
//! "exports", a bound from "a third" shown rounded against its verdict,
//! and streak words ("in a row", "running") and German streak sentences
//! without their reason in their language.
//!
//! Expected values come from pandas over the raw Feb-2026 register
//! (`TIV delivery values` summed over inclusive windows, log.tsv of the
//! probe): aircraft are 937.50 of the 1175.20 TIV Russia→Kazakhstan in
//! 2020-24 (79.77 %; Kazakhstan takes 937.50 of Russia's 4744.33 TIV of
//! aircraft exports, 19.76 %), ships 83.68 % of Germany→Egypt; Russia
//! supplied 90.39 % of Kazakhstan's aircraft imports, Spain 8.24 %, Germany
//! 41.20 % of Egypt's ship imports; Türkiye's imports 2449.08 → 1635.10 TIV
//! from 2015-19 to 2020-24 (-33.24 %).

use crate::common;
use claims::Verdict;

use Verdict::CannotBeChecked as Cant;
use Verdict::Supported as Yes;

use common::VerdictCase as Case;

const WITHIN: &str = "within a flow";

/// Any flow noun of a pair, not only "exports": before the fix the 20 %
/// sentences were supported (19.76 %) and the true 84 % one refuted
/// (37.93 %), each checked as the recipient's share of the supplier's
/// category exports.
#[rustfmt::skip]
const DELIVERIES: &[Case] = &[
    ("20 % of Russia's arms deliveries to Kazakhstan in 2020-24 were aircraft.",
        &[("share exports RUS to KAZ 2020-2024 = 20%", Cant)], Some(WITHIN)),
    ("80 % of Russia's arms deliveries to Kazakhstan in 2020-24 were aircraft.",
        &[("share exports RUS to KAZ 2020-2024 = 80%", Cant)], Some(WITHIN)),
    ("20 % of Russian arms deliveries to Kazakhstan in 2020-24 were aircraft.",
        &[("share exports RUS to KAZ 2020-2024 = 20%", Cant)], Some(WITHIN)),
    ("The aircraft share of Russia's arms deliveries to Kazakhstan was 20 % in 2020-24.",
        &[("share exports RUS to KAZ 2020-2024 = 20%", Cant)], Some(WITHIN)),
    ("In 2020-24, 20 % of Russia's arms deliveries to Kazakhstan were aircraft.",
        &[("share exports RUS to KAZ 2020-2024 = 20%", Cant)], Some(WITHIN)),
    ("Russia's arms deliveries to Kazakhstan in 2020-24 consisted 20 % of aircraft.",
        &[("share exports RUS to KAZ 2020-2024 = 20%", Cant)], Some(WITHIN)),
    ("84 % of Germany's arms deliveries to Egypt in 2020-24 were ships.",
        &[("share exports DEU to EGY 2020-2024 = 84%", Cant)], Some(WITHIN)),
    // Not read as a share at all: refused either way, never checked.
    ("38 % of Germany's arms transfers to Egypt in 2020-24 were ships.",
        &[], Some("could not be tied")),
    ("20 % of Russia's arms sales to Kazakhstan in 2020-24 were aircraft.",
        &[], Some("could not be tied")),
    // A category on the whole the figure is of: the supplier's share.
    ("Russia supplied 90 % of Kazakhstan's aircraft imports from abroad in 2020-24.",
        &[("share imports KAZ from RUS 2020-2024 aircraft = 90%", Yes)], None),
    ("Spain supplied 8 % of Kazakhstan's aircraft imports in 2020-24.",
        &[("share imports KAZ from ESP 2020-2024 aircraft = 8%", Yes)], None),
    ("Of Egypt's ship imports in 2020-24, 41 % came from Germany.",
        &[("share imports EGY from DEU 2020-2024 ships = 41%", Yes)], None),
];

#[test]
fn category_within_any_flow_noun_is_refused() {
    common::assert_verdicts(common::register_or_skip(), DELIVERIES);
}

/// "More than a third lower" is tested below -33.33…; shown as "under
/// -33%" it read as contradicting "not supported" on -33.24 %.
#[test]
fn a_third_bound_is_shown_as_tested() {
    let Some(rel) = common::register_or_skip() else {
        return;
    };
    #[rustfmt::skip]
    let cases = [
        ("Turkiye's arms imports were more than a third lower in 2020-24 than in 2015-19.", "under -33.33%"),
        ("Die türkischen Waffenimporte waren 2020–24 um mehr als ein Drittel niedriger als 2015–19.", "weniger als −33,33 %"),
    ];
    for (text, want) in cases {
        let (checks, _) = claims::check_text(text, rel, claims::Names::builtin());
        assert_eq!(checks.len(), 1, "{text}");
        let c = &checks[0].checked;
        assert_eq!(c.verdict, Verdict::NotSupported, "{text}");
        assert!(
            c.explanation.contains("under -33.33%") && c.explanation_localized.contains(want),
            "{text}: {} / {}",
            c.explanation,
            c.explanation_localized
        );
    }
}

/// "In a row", "running" are streaks; a German streak sentence gets its
/// reason in German (before: "rank 'third' … not what is ranked", and an
/// English note for "Erstmals seit 2019 …").
#[test]
fn streaks_in_a_row_and_in_german() {
    let Some(rel) = common::register_or_skip() else {
        return;
    };
    #[rustfmt::skip]
    let cases = [
        ("Ukraine's arms imports rose for the third year in a row in 2024.", "'row': a streak"),
        ("For the third year in a row, Russia was Kazakhstan's largest arms supplier in 2024.", "'row': a streak"),
        ("Ukraine's arms imports rose for the third year running in 2024.", "'running': a streak"),
        ("Erstmals seit 2019 lieferte Russland 2024 keine Waffen an Armenien.", "„Erstmals“: Eine Serie"),
        ("Kasachstan importierte 2024 erstmals seit 2015 mehr als 500 TIV an Waffen.", "„erstmals“: Eine Serie"),
    ];
    for (text, want) in cases {
        let (checks, skipped) = claims::check_text(text, rel, claims::Names::builtin());
        let why: Vec<String> = checks
            .iter()
            .map(|c| {
                assert_eq!(c.checked.verdict, Cant, "{text}");
                c.checked.explanation_localized.clone()
            })
            .chain(skipped.iter().map(|s| s.reason_localized.clone()))
            .collect();
        assert!(why.iter().any(|w| w.contains(want)), "{text}: {why:?}");
        assert!(
            !why.iter().any(|w| w.contains("not what is ranked")),
            "{text}: {why:?}"
        );
    }
}

/// A named owner of "deliveries" with a taking verb is the deliverer, as
/// with "exports" (pandas: Russia→Kazakhstan 1175.20 of Russia's 11102.04
/// TIV in 2020-24, 10.59 %; Russia→India 4272.69, 38.49 %). Before: "no
/// supplier named". "Its … from Russia" stays the taker's imports (88.43 %).
#[rustfmt::skip]
const OWNED_DELIVERIES: &[Case] = &[
    ("Kazakhstan received 10.6 % of Russia's arms deliveries in 2020-24.",
        &[("share exports RUS to KAZ 2020-2024 = 10.6%", Yes)], None),
    ("Kazakhstan received 88 % of Russia's arms deliveries in 2020-24.",
        &[("share exports RUS to KAZ 2020-2024 = 88%", Verdict::NotSupported)], None),
    ("India received 38 % of Russia's arms deliveries in 2020-24.",
        &[("share exports RUS to IND 2020-2024 = 38%", Yes)], None),
    ("Kazakhstan received 88 % of its arms deliveries from Russia in 2020-24.",
        &[("share imports KAZ from RUS 2020-2024 = 88%", Yes)], None),
];

#[test]
fn owned_deliveries_are_the_owners_exports() {
    common::assert_verdicts(common::register_or_skip(), OWNED_DELIVERIES);
}

/// A change in one pair's flow is refused for what it is (pandas: Russia →
/// China 5408.20 → 1869.25 TIV, ×0.346; USA → UAE ×0.516), not as "'China'
/// is named but is not a party" with China the recipient.
#[test]
fn pair_change_says_why() {
    let Some(rel) = common::register_or_skip() else {
        return;
    };
    #[rustfmt::skip]
    let cases = [
        ("Russian arms exports to China more than halved between 2015-19 and 2020-24.", "with 'China'"),
        ("US arms exports to the UAE more than halved between 2015-19 and 2020-24.", "with 'UAE'"),
    ];
    for (text, want) in cases {
        let (checks, skipped) = claims::check_text(text, rel, claims::Names::builtin());
        assert!(
            checks.iter().all(|c| c.checked.verdict == Cant),
            "{text}: checked"
        );
        let why: Vec<&str> = checks
            .iter()
            .map(|c| c.checked.explanation.as_str())
            .chain(skipped.iter().map(|s| s.reason.as_str()))
            .collect();
        assert!(
            why.iter()
                .any(|w| w.starts_with("a change in one pair's flow") && w.contains(want)),
            "{text}: {why:?}"
        );
        assert!(
            !why.iter().any(|w| w.contains("not a party")),
            "{text}: {why:?}"
        );
    }
}
