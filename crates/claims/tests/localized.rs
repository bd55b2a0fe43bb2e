//! Issue #14: a claim's verdict and explanation in the sentence's language,
//! on the Feb-2026 register. Reference figures as in seed_full.rs (Russia's
//! share of Kazakhstan's imports 2020-24: 88.43 %, published 88.4 %).

use crate::common;
use claims::lex::Lang;
use claims::{Names, Verdict, check_text};

/// English words that must not appear in a German explanation.
const ENGLISH: [&str; 8] = [
    "supported",
    "because",
    "cannot be checked",
    " the ",
    " of ",
    "stated",
    "imports",
    "release",
];

#[test]
fn german_seed_sentences_get_german_explanations() {
    let Some(rel) = common::register_or_skip() else {
        return;
    };
    let Some(path) = testkit::shared_path(
        "german_seed_sentences_get_german_explanations",
        testkit::SEED_ARTICLE,
    ) else {
        return;
    };
    let text = std::fs::read_to_string(path).expect("seed article reads");
    let (checks, skipped) = check_text(&text, rel, Names::builtin());
    assert!(checks.len() >= 15, "{}", checks.len());
    for c in &checks {
        let k = &c.checked;
        assert_eq!(k.lang, Lang::German, "{}", c.sentence);
        for w in ENGLISH {
            assert!(
                !k.explanation_localized.contains(w),
                "English '{w}' in: {}",
                k.explanation_localized
            );
        }
        // The stable fields stay English.
        assert!(matches!(
            k.verdict,
            Verdict::Supported | Verdict::CannotBeChecked
        ));
        assert!(
            [
                "belegt",
                "nicht überprüfbar",
                "belegt, Bezeichnung weicht ab"
            ]
            .contains(&k.verdict_localized.as_str())
        );
    }
    let share = checks
        .iter()
        .find(|c| c.checked.structured == "share imports KAZ from RUS 2020-2024 = 88%")
        .expect("the 88 % sentence");
    let e = &share.checked.explanation_localized;
    assert!(e.contains("88,4 %") && e.contains("88,43 %"), "{e}");
    assert!(e.contains("Russland") && e.contains("Kasachstan"), "{e}");
    assert_eq!(share.checked.verdict_localized, "belegt");
    assert_eq!(share.checked.tolerance.as_deref(), Some("[87.5, 88.5)"));
    assert_eq!(
        share.checked.tolerance_localized.as_deref(),
        Some("[87,5; 88,5)")
    );
    assert!(share.checked.explanation.contains("88.43 %"));
    let json = serde_json::to_value(&share.checked).unwrap();
    assert_eq!(json["verdict"], "supported");
    assert_eq!(json["lang"], "de");
    assert_eq!(json["verdict_localized"], "belegt");
    for s in &skipped {
        assert_eq!(s.lang, Lang::German);
        assert!(
            s.reason_localized.starts_with("kein Zeitraum"),
            "{}",
            s.reason_localized
        );
    }
}

#[test]
fn english_sentences_stay_english_and_mixed_texts_follow_each_sentence() {
    let Some(rel) = common::register_or_skip() else {
        return;
    };
    let text = "Russia accounted for 88 percent of Kazakhstan's arms imports in 2020-24.\n\n\
Von 2020 bis 2024 entfielen 88 Prozent aller Waffenimporte Kasachstans auf Russland.";
    let (checks, _) = check_text(text, rel, Names::builtin());
    assert_eq!(checks.len(), 2, "{checks:?}");
    let (en, de) = (&checks[0].checked, &checks[1].checked);
    assert_eq!(en.lang, Lang::English);
    assert_eq!(en.verdict_localized, "supported");
    assert_eq!(en.explanation_localized, en.explanation);
    assert!(
        en.explanation.contains("Russia supplied"),
        "{}",
        en.explanation
    );
    assert_eq!(de.lang, Lang::German);
    assert_eq!(de.verdict_localized, "belegt");
    assert!(de.explanation_localized.contains("88,4 %"));
}

#[test]
fn german_reasons_for_not_checkable_sentences() {
    let Some(rel) = common::register_or_skip() else {
        return;
    };
    // Money: blocked, cannot be checked, the reason in German.
    let (checks, _) = check_text(
        "Russland lieferte 2020 bis 2024 Waffen im Wert von 2 Milliarden Euro an Kasachstan, 88 Prozent seiner Importe.",
        rel,
        Names::builtin(),
    );
    assert!(!checks.is_empty());
    for c in &checks {
        assert_eq!(c.checked.verdict, Verdict::CannotBeChecked);
        assert_eq!(c.checked.verdict_localized, "nicht überprüfbar");
        assert!(
            c.checked.explanation_localized.contains("kein Geld"),
            "{}",
            c.checked.explanation_localized
        );
    }
    // A window past the release: the coverage note in German.
    let (checks, _) = check_text(
        "Von 2021 bis 2025 entfielen 88 Prozent aller Waffenimporte Kasachstans auf Russland.",
        rel,
        Names::builtin(),
    );
    let e = &checks[0].checked.explanation_localized;
    assert!(e.contains("nicht vollständig abgedeckt"), "{e}");
}

/// No verdict on synthetic data, said in the language of the text.
#[test]
fn synthetic_refusal_in_the_language_of_the_text() {
    let rel = engine::testkit::ReleaseBuilder::new().build();
    assert!(rel.meta.synthetic);
    let de = claims::refusal_for(
        &rel,
        "Von 2020 bis 2024 entfielen 88 Prozent aller Waffenimporte Kasachstans auf Russland.",
    )
    .expect("refused");
    assert!(de.contains("SYNTHETISCHE DEMODATEN"), "{de}");
    let en = claims::refusal_for(
        &rel,
        "From 2020 to 2024, 88 % of Kazakhstan's arms imports came from Russia.",
    );
    assert_eq!(en, claims::refusal(&rel));
}
