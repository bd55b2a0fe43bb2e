//! Acceptance: the seed article, checked against the Feb-2026 register, yields
//! exactly the 88 % claim and the third-largest claim, both supported, citing
//! the release.

use crate::common;

use claims::{Names, Verdict, check_text, extract};

#[test]
fn seed_article_extraction_needs_no_data() {
    let Some(text) = common::seed_article() else {
        common::missing("seed article");
        return;
    };
    let ex = extract(&text, Names::builtin());
    // The shapes of issue #17 (f-j) are pinned in seed_full.rs.
    let forms: Vec<String> = ex
        .claims
        .iter()
        .filter(|f| f.claim.shape() <= "e")
        .map(|f| f.claim.to_string())
        .collect();
    assert_eq!(
        forms,
        vec![
            "share imports KAZ from RUS 2020-2024 = 88%",
            "rank exports RUS recipient KAZ 2020-2024 = 3"
        ]
    );
    for f in ex.claims.iter().filter(|f| f.claim.shape() <= "e") {
        assert!(
            f.sentence
                .starts_with("Von 2020 bis 2024 entfielen 88 Prozent"),
            "{}",
            f.sentence
        );
    }
    // The heading states the rank without a period: reported as skipped, not checked.
    assert_eq!(ex.skipped.len(), 1);
    assert_eq!(
        ex.skipped[0].sentence,
        "Kasachstan: Drittgrößter Abnehmer Russlands"
    );
}

#[test]
fn seed_article_on_feb_2026_register() {
    let Some(rel) = common::register_or_skip() else {
        return;
    };
    let text = common::seed_article().expect("seed article next to the register");
    let (mut checks, _) = check_text(&text, rel, Names::builtin());
    checks.retain(|c| c.checked.claim.shape() <= "e");
    assert_eq!(checks.len(), 2);
    let share = &checks[0].checked;
    assert_eq!(share.verdict, Verdict::Supported);
    assert!((share.computed.unwrap() - 100.0 * 1175.20 / 1328.98).abs() < 1e-9);
    assert_eq!(share.tolerance.as_deref(), Some("[87.5, 88.5)"));
    let rank = &checks[1].checked;
    assert_eq!(rank.verdict, Verdict::Supported);
    assert_eq!(rank.computed_rank, Some(3));
    assert!((rank.computed.unwrap() - 100.0 * 1175.20 / 11102.04).abs() < 1e-9);
    assert!(
        rank.explanation
            .contains("after India 4272.69, China 1869.25; ahead of Algeria 814.50"),
        "{}",
        rank.explanation
    );
    for c in [share, rank] {
        assert_eq!(c.release, rel.meta.id);
        assert!(
            c.release.starts_with("2026-02-12-register-"),
            "{}",
            c.release
        );
        assert!(
            c.citation.contains("12 Feb 2026") && c.citation.contains("SIPRI"),
            "{}",
            c.citation
        );
        assert!(!c.synthetic);
        let est = c.estimated_share.expect("estimate share computed");
        assert!((0.0..=1.0).contains(&est));
    }
}
