//! Issue #17 acceptance: the seed article checked end to end against the
//! Feb-2026 register and the built-in group table. Reference figures
//! (scripts/claims_reference_shapes.py, see shapes17.rs): Russia → Kazakhstan Su-30MK
//! "FGA aircraft", 8 delivered in 2024 (number estimated); Kazakhstan's imports
//! 2020-24: Russia 88.43 %, Spain 6.43 %; Israel → Kazakhstan 48.80 TIV
//! (2008-2019); group table: Abraham Accords first signed 2020-09-15 by Israel,
//! UAE, Bahrain; Kazakhstan announced 2025-11-06.

use crate::common;
use claims::{Names, TextCheck, Verdict, check_text};

fn find<'a>(checks: &'a [TextCheck], structured: &str) -> &'a TextCheck {
    checks
        .iter()
        .find(|c| c.checked.structured == structured)
        .unwrap_or_else(|| panic!("no claim {structured}"))
}

#[test]
fn seed_article_every_row_of_issue_17() {
    let Some(rel) = common::register_or_skip() else {
        return;
    };
    let Some(path) =
        testkit::shared_path("seed_article_every_row_of_issue_17", testkit::SEED_ARTICLE)
    else {
        return;
    };
    let text = std::fs::read_to_string(path).expect("seed article reads");
    let (checks, _) = check_text(&text, rel, Names::builtin());

    // Deliveries of a named weapon: supported, but SIPRI names the variant differently.
    let su = find(
        &checks,
        "delivery RUS to KAZ weapon \"Su-30SM\" 2024 month 08",
    );
    assert!(su.sentence.contains("Su-30SM-Kampfflugzeuge"));
    assert_eq!(su.checked.verdict, Verdict::Supported);
    assert_eq!(su.checked.verdict_label(), "supported, designation differs");
    assert_eq!(su.checked.verdict_label(), "supported, designation differs");
    assert_eq!(su.checked.computed, Some(8.0));
    let e = &su.checked.explanation;
    for part in [
        "Su-30MK (FGA aircraft): 8 in 2024",
        "number estimated",
        "not months",
        "440.00 TIV",
    ] {
        assert!(e.contains(part), "{part}: {e}");
    }

    // Dominant supplier: rank 1 with 88.43 %, far ahead of Spain.
    let dom = find(&checks, "dominant-supplier KAZ last-5-years = RUS");
    assert_eq!(dom.checked.verdict, Verdict::Supported);
    assert_eq!(dom.checked.computed_rank, Some(1));
    assert!((dom.checked.computed.unwrap() - 100.0 * 1175.20 / 1328.98).abs() < 1e-9);
    assert!(dom.checked.explanation.contains("2020-2024"));

    // Past purchases from Israel.
    let past = find(&checks, "deliveries-ever ISR to KAZ weapon \"arms\"");
    assert_eq!(past.checked.verdict, Verdict::Supported);
    assert!((past.checked.computed.unwrap() - 48.8).abs() < 1e-9);

    // Group facts, sourced from the group table.
    let signed = find(
        &checks,
        "group \"Abraham Accords\" first-signed = 2020-09-15",
    );
    assert_eq!(signed.checked.verdict, Verdict::Supported);
    assert!(signed.checked.citation.contains("group table"));
    let first = find(&checks, "group \"Abraham Accords\" first-members = ARE,BHR");
    assert_eq!(first.checked.verdict, Verdict::Supported);

    // The future accession: not checkable, with its announcement date.
    let will = find(&checks, "group \"Abraham Accords\" will-join KAZ");
    assert_eq!(will.checked.verdict, Verdict::CannotBeChecked);
    assert!(
        will.checked.explanation.contains("announced 2025-11-06"),
        "{}",
        will.checked.explanation
    );
    let ann = find(&checks, "group \"Abraham Accords\" announced KAZ = --11-06");
    assert_eq!(ann.checked.verdict, Verdict::Supported);

    // The two claims found before issue #17 stay supported.
    for s in [
        "share imports KAZ from RUS 2020-2024 = 88%",
        "rank exports RUS recipient KAZ 2020-2024 = 3",
    ] {
        assert_eq!(find(&checks, s).checked.verdict, Verdict::Supported, "{s}");
    }

    // Reported speech and forecasts are listed, as not checkable.
    let speech: Vec<&str> = checks
        .iter()
        .filter(|c| c.checked.claim.shape() == "j")
        .map(|c| c.checked.structured.as_str())
        .collect();
    assert!(
        speech.contains(&"reported-speech \"Quellen … vermuten\""),
        "{speech:?}"
    );
    assert!(speech.contains(&"forecast \"erwartet\""), "{speech:?}");
    assert!(
        speech.contains(&"reported-speech \"Laut israelischen Quellen\""),
        "{speech:?}"
    );
    assert!(
        checks
            .iter()
            .filter(|c| c.checked.claim.shape() == "j")
            .all(|c| c.checked.verdict == Verdict::CannotBeChecked)
    );

    // No sentence of the article is "not supported".
    let bad: Vec<&str> = checks
        .iter()
        .filter(|c| c.checked.verdict == Verdict::NotSupported)
        .map(|c| c.checked.structured.as_str())
        .collect();
    assert!(bad.is_empty(), "{bad:?}");
    assert_eq!(checks.len(), 19);
}
