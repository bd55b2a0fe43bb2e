//! Regressions of published-figures probe 18
//! (/work/bigtmp/pubprobe18/findings.md): SIPRI's own figures for an earlier
//! window "not supported" on the revised register with no word of SIPRI's
//! revisions, and labels stating claims the sentence does not make.
//!
//! Expected values come from the probe's log.tsv (pandas over the raw
//! Feb-2026 register), independent of armsflow. 2019-23: US 41.18 % of world
//! exports, France +46.30 %, Russia -52.05 % against 2014-18. 2020-24:
//! India's imports Russia 35.97 / France 32.98 / Israel 12.59 %; Pakistan
//! from China 81.14 %; Italy exports +138.28 %, Qatar imports +127.17 %,
//! China imports -64.11 %.

use crate::common;
use claims::Verdict;

use Verdict::{CannotBeChecked as Cannot, NotSupported as No, Supported as Yes};

use common::VerdictCase as Case;

const REVISED_EN: &str = "SIPRI revises past years with every release";
const REVISED_DE: &str = "überarbeitet mit jeder Veröffentlichung";

/// SIPRI's March-2024 figures, right to its rounding in 2024, not on the
/// Feb-2026 register: the verdict stays and says why a published figure
/// can differ.
#[rustfmt::skip]
const REVISED: &[Case] = &[
    ("The USA accounted for 42 per cent of global arms exports in 2019–23.", &[("global-share exports USA 2019-2023 = 42%", No)], Some(REVISED_EN)),
    ("The USA accounted for 42 per cent of global arms exports in 2019–23.", &[("global-share exports USA 2019-2023 = 42%", No)], Some("2026-02-12-register")),
    ("France's arms exports increased by 47 per cent between 2014–18 and 2019–23.", &[("change exports FRA 2014-2018..2019-2023 = +47%", No)], Some(REVISED_EN)),
    ("Russia's arms exports fell by 53 per cent between 2014–18 and 2019–23.", &[("change exports RUS 2014-2018..2019-2023 = -53%", No)], Some(REVISED_EN)),
    ("Russlands Waffenexporte sanken zwischen 2014–18 und 2019–23 um 53 Prozent.", &[("change exports RUS 2014-2018..2019-2023 = -53%", No)], Some(REVISED_DE)),
];

/// Sentences whose verdicts must carry no revision note: supported, cannot
/// be checked, or on a window that ends in the release's last year.
#[rustfmt::skip]
const NO_NOTE: &[Case] = &[
    ("The USA accounted for 41 per cent of global arms exports in 2019–23.", &[("global-share exports USA 2019-2023 = 41%", Yes)], None),
    ("Russia accounted for 50 per cent of India's arms imports in 2020–24.", &[("share imports IND from RUS 2020-2024 = 50%", No)], None),
    ("Russia's arms exports to India fell by 47 per cent between 2014–18 and 2019–23.", &[("-", Cannot)], None),
];

/// A claim that reads a sentence wrongly is labelled "-", never as the
/// misread claim; each figure alone is checked (and supported).
#[rustfmt::skip]
const LABELS: &[Case] = &[
    ("Russia accounted for 36 per cent of India's arms imports in 2020–24, followed by France (33 per cent) and Israel (13 per cent).",
        &[("-", Cannot), ("-", Cannot), ("-", Cannot)], None),
    ("The USA accounted for 45 per cent of Ukraine's arms imports in 2020–24, followed by Germany (12 per cent) and Poland (11 per cent).",
        &[("-", Cannot), ("-", Cannot), ("-", Cannot)], None),
    ("Russia's arms exports to India fell by 47 per cent between 2015–19 and 2020–24.", &[("-", Cannot)], Some("one pair's flow (with 'India')")),
    ("Russlands Waffenexporte nach Indien sanken zwischen 2015–19 und 2020–24 um 41 Prozent.", &[("-", Cannot)], None),
    ("Russia accounted for 36 per cent of India's arms imports in 2020–24.", &[("share imports IND from RUS 2020-2024 = 36%", Yes)], None),
    ("France accounted for 33 per cent of India's arms imports in 2020–24.", &[("share imports IND from FRA 2020-2024 = 33%", Yes)], None),
    ("Israel accounted for 13 per cent of India's arms imports in 2020–24.", &[("share imports IND from ISR 2020-2024 = 13%", Yes)], None),
    // China is not carried into a sentence about European states.
    ("China supplied 81 per cent of Pakistan's arms imports in 2020–24. \
      Italy's arms exports rose by 138 per cent between 2015–19 and 2020–24. \
      Qatar's arms imports increased by 127 per cent between 2015–19 and 2020–24. \
      China's arms imports fell by 64 per cent between 2015–19 and 2020–24. \
      Arms imports by European states increased by 155 per cent between 2015–19 and 2020–24.",
        &[("share imports PAK from CHN 2020-2024 = 81%", Yes),
          ("change exports ITA 2015-2019..2020-2024 = +138%", Yes),
          ("change imports QAT 2015-2019..2020-2024 = +127%", Yes),
          ("change imports CHN 2015-2019..2020-2024 = -64%", Yes),
          ("-", Cannot)], Some("regions")),
];

#[test]
fn a_published_figure_of_an_earlier_window_says_sipri_revises() {
    common::assert_verdicts(common::register_or_skip(), REVISED);
}

#[test]
fn no_revision_note_where_it_does_not_apply() {
    let Some(rel) = common::register_or_skip() else {
        return;
    };
    common::assert_verdicts(Some(rel), NO_NOTE);
    for (text, _, _) in NO_NOTE {
        let (checks, _) = claims::check_text(text, rel, claims::Names::builtin());
        for c in &checks {
            assert!(
                !c.checked.explanation.contains(REVISED_EN),
                "{text}: {}",
                c.checked.explanation
            );
        }
    }
}

#[test]
fn a_misread_claim_is_not_labelled_as_a_claim() {
    common::assert_verdicts(common::register_or_skip(), LABELS);
}

/// On the legacy register the same figures are "cannot be checked" (its
/// per-year values are armsflow's split): no revision note on those.
#[test]
fn no_revision_note_on_a_verdict_the_split_made_uncheckable() {
    let Some(rel) = common::legacy_2025() else {
        return;
    };
    let (checks, _) = claims::check_text(REVISED[0].0, rel, claims::Names::builtin());
    assert_eq!(checks.len(), 1);
    assert_eq!(checks[0].checked.verdict, Cannot);
    assert!(!checks[0].checked.explanation.contains(REVISED_EN));
}

/// The structured form gets the note too (China 2019-23: 6.29 % in pandas).
#[test]
fn the_structured_form_says_sipri_revises() {
    let Some(rel) = common::register_or_skip() else {
        return;
    };
    let c = claims::parse(
        "global-share exports CHN 2019-2023 = 5.8%",
        claims::Names::builtin(),
    )
    .expect("parses");
    let v = claims::check(&c, rel);
    assert_eq!(v.verdict, No);
    assert!(
        (v.computed.unwrap() - 6.29).abs() < 0.005,
        "{:?}",
        v.computed
    );
    assert!(v.explanation.contains(REVISED_EN), "{}", v.explanation);
}
