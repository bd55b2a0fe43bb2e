use super::*;
use crate::lex::{Lang, lex, sentences};

fn feats(text: &str, lang: Lang) -> Features {
    let s = sentences(text, lex(text, lang));
    analyse(&s[0], Names::builtin())
}

#[test]
fn seed_sentence_features() {
    let f = feats(
        "Von 2020 bis 2024 entfielen 88 Prozent aller Waffenimporte auf Russland, somit war Kasachstan \
             in diesem Zeitraum der drittgrößte Abnehmer russischer Waffen.",
        Lang::German,
    );
    let m: Vec<(&str, Form, Option<Prep>, usize)> = f
        .mentions
        .iter()
        .map(|m| (m.party.key.as_str(), m.form, m.prep, m.clause))
        .collect();
    assert_eq!(
        m,
        vec![
            ("RUS", Form::Noun, Some(Prep::From), 0),
            ("KAZ", Form::Noun, None, 1),
            ("RUS", Form::Adjective, None, 1)
        ]
    );
    assert_eq!(f.percents.len(), 1);
    assert_eq!(f.percents[0].stated, Stated::exact(88.0, 0));
    assert_eq!(f.ordinals.len(), 1);
    assert_eq!(
        (f.ordinals[0].n, f.ordinals[0].role),
        (3, RoleNoun::Recipient)
    );
    assert_eq!(f.periods.len(), 2);
    assert_eq!(
        f.periods[0].0,
        PeriodRef::Given(Period::Fixed(Window::new(2020, 2024).unwrap()))
    );
    assert_eq!(f.periods[1].0, PeriodRef::Anaphor);
}

#[test]
fn dates_are_not_periods() {
    let f = feats(
        "Kasachstan wird dem am 15. September 2020 erstmalig unterzeichneten Abkommen beitreten.",
        Lang::German,
    );
    assert!(f.periods.is_empty());
    let f = feats(
        "In the past five years, Kazakhstan's imports rose.",
        Lang::English,
    );
    assert_eq!(f.periods[0].0, PeriodRef::Given(Period::LastYears(5)));
}

#[test]
fn possessives_and_genitives() {
    let f = feats(
        "Kazakhstan was Russia's third-largest customer, ahead of der Türkei.",
        Lang::English,
    );
    assert_eq!(f.mentions[1].form, Form::Possessive);
    let f = feats(
        "Drittgrößter Abnehmer Russlands und der Vereinigten Arabischen Emiraten",
        Lang::German,
    );
    assert_eq!(f.mentions[0].party.key, "RUS");
    assert_eq!(f.mentions[0].form, Form::Possessive);
    assert_eq!(f.mentions[1].party.key, "ARE");
}

/// Regression: "2024-2020" was read as 2024 alone, "2020-19" as 2020,
/// and "-88 %" as 88 %: each answered another question.
#[test]
fn backwards_periods_and_negative_figures_are_not_read() {
    for (text, lang) in [
        (
            "Russia supplied 88% of Kazakhstan's arms imports in 2024-2020.",
            Lang::English,
        ),
        (
            "Russia supplied 88% of Kazakhstan's arms imports between 2024 and 2020.",
            Lang::English,
        ),
        (
            "Russland lieferte 2020–19 88 Prozent der Waffenimporte.",
            Lang::German,
        ),
    ] {
        let f = feats(text, lang);
        assert!(
            f.periods.len() == 1 && matches!(f.periods[0].0, PeriodRef::Backwards(..)),
            "{text}: {:?}",
            f.periods
        );
    }
    let f = feats(
        "Russia supplied -88% of Kazakhstan's arms imports in 2020-24.",
        Lang::English,
    );
    assert!(f.percents[0].negative);
    // A dash between words is no sign: "2020 - 88 %", "imports -- 88 %".
    let f = feats(
        "In 2020-24 - 88% of Kazakhstan's arms imports came from Russia.",
        Lang::English,
    );
    assert!(!f.percents[0].negative);
}
