//! One case per message family: the English text is the stable wording, the
//! German one follows German conventions and names.

use super::*;
use crate::claim::Rank;
use crate::stated::{Qualifier, Stated};
use crate::weapon::Weapon;
use crate::when::Date;
use model::{Category, Window};

fn p(key: &str, name: &str) -> Party {
    Party::new(key, name)
}

fn w(a: u16, b: u16) -> Window {
    Window { start: a, end: b }
}

fn stated(v: f64) -> Stated {
    Stated {
        value: v,
        decimals: 0,
        qualifier: Qualifier::Exact,
    }
}

fn both<M: Clone + Into<Msg>>(m: &M) -> (String, String) {
    let m: Msg = m.clone().into();
    (m.render(Lang::English), m.render(Lang::German))
}

#[test]
fn verdict_words() {
    use Verdict::*;
    assert_eq!(verdict_label(Lang::German, Supported, None), "belegt");
    assert_eq!(
        verdict_label(Lang::German, NotSupported, None),
        "nicht belegt"
    );
    assert_eq!(
        verdict_label(Lang::German, CannotBeChecked, None),
        "nicht überprüfbar"
    );
    assert_eq!(
        verdict_label(Lang::German, Supported, Some(Caveat::DesignationDiffers)),
        "belegt, Bezeichnung weicht ab"
    );
    assert_eq!(
        verdict_label(Lang::English, Supported, Some(Caveat::DesignationDiffers)),
        "supported, designation differs"
    );
}

#[test]
fn import_share() {
    let m = FigureMsg::ImportShare {
        supplier: p("RUS", "Russia"),
        recipient: p("KAZ", "Kazakhstan"),
        tiv: 1175.2,
        total: 1328.98,
        cat: None,
        window: w(2020, 2024),
        pct: 88.4295,
        stated: stated(88.0),
    };
    let (en, de) = both(&m);
    assert_eq!(
        en,
        "Russia supplied 1175.20 of Kazakhstan's 1328.98 TIV of imports in 2020-2024 = 88.43 % \
(denominator: Kazakhstan's imports); stated 88%"
    );
    assert!(de.contains("Russland → Kasachstan 2020–2024"), "{de}");
    assert!(de.contains("1.175,20 TIV von 1.328,98 TIV"), "{de}");
    assert!(de.contains("88,43 % (gerundet 88,4 %)"), "{de}");
    assert!(de.contains("angegeben: 88 %"), "{de}");
}

#[test]
fn tolerances() {
    let t = stated(88.0).tolerance();
    assert_eq!(Tol::Interval(t).render(Lang::English), "[87.5, 88.5)");
    assert_eq!(Tol::Interval(t).render(Lang::German), "[87,5; 88,5)");
    let r = Rank { n: 3, top: false };
    assert_eq!(Tol::Rank(r).render(Lang::English), "rank exactly 3");
    assert_eq!(Tol::Rank(r).render(Lang::German), "genau Rang 3");
    let m = Tol::MainRule {
        min_pct: 50.0,
        min_lead: 2.0,
    };
    assert_eq!(m.render(Lang::English), "rank 1, ≥ 50 %, ≥ 2× the second");
    assert_eq!(
        m.render(Lang::German),
        "Rang 1, ≥ 50 %, ≥ das 2-Fache des Zweiten"
    );
    assert_eq!(
        Tol::SameDate.render(Lang::German),
        "dasselbe Datum in der angegebenen Genauigkeit"
    );
}

#[test]
fn category_and_direction() {
    let m = FigureMsg::ImportedNothing {
        who: p("TUR", "Türkiye"),
        cat: Some(Category::Ships),
        window: w(2020, 2024),
    };
    let (en, de) = both(&m);
    assert_eq!(
        en,
        "Türkiye imported nothing (ships only) in 2020-2024: no share to take"
    );
    assert!(
        de.starts_with("Türkei: keine Importe (nur Schiffe) im Zeitraum 2020–2024"),
        "{de}"
    );
}

#[test]
fn coverage_note() {
    let m = FigureMsg::NotCovered {
        window: w(2021, 2025),
        release_years: Some((1995, 2024)),
        missing: vec![2025],
    };
    let (en, de) = both(&m);
    assert_eq!(
        en,
        "the release covers 1995–2024; 2025 is not in it, so 2021-2025 is not fully covered"
    );
    assert_eq!(
        de,
        "Die Datenversion umfasst 1995–2024; 2025 fehlt darin, daher ist 2021–2025 nicht vollständig abgedeckt"
    );
}

#[test]
fn dates_in_words() {
    let d = GroupDate {
        year: 2020,
        month: 9,
        day: Some(15),
    };
    let m = GroupMsg::FirstDate {
        group: "Abraham Accords".into(),
        first: d,
        who: vec![p("ISR", "Israel"), p("ARE", "UAE")],
        stated: Date {
            year: None,
            month: Some(11),
            day: Some(6),
        },
    };
    let (en, de) = both(&m);
    assert!(
        en.contains("2020-09-15 (Israel, UAE); stated --11-06 (year not stated)"),
        "{en}"
    );
    assert!(
        de.contains("15. September 2020 (Israel, Vereinigte Arabische Emirate)"),
        "{de}"
    );
    assert!(
        de.contains("angegeben: 6. November (ohne Jahresangabe)"),
        "{de}"
    );
}

#[test]
fn reasons_and_markers() {
    let (en, de) = both(&Reason::NoPeriodStated);
    assert_eq!(
        en,
        "no period stated (a figure without a period cannot be checked)"
    );
    assert!(de.starts_with("kein Zeitraum angegeben"), "{de}");
    let (en, de) = both(&Reason::Marker(
        crate::meaning::MarkerKind::Money,
        "Euro".into(),
    ));
    assert!(en.contains("SIPRI TIV is not money"), "{en}");
    assert!(de.contains("SIPRIs TIV sind kein Geld"), "{de}");
    let (en, de) = both(&Reason::NamedNotParty(p("USA", "United States")));
    assert_eq!(
        en,
        "'United States' is named but is not a party of the claim read from the sentence"
    );
    assert!(de.contains("„Vereinigte Staaten“"), "{de}");
    let (_, de) = both(&Msg::join(vec![
        Reason::NoSupplierNamed,
        Reason::NoRecipientNamed,
    ]));
    assert_eq!(de, "kein Lieferant genannt; kein Empfänger genannt");
}

#[test]
fn speech_and_weapons() {
    let (en, de) = both(&Reason::Speech {
        marker: "könnte".into(),
        why: SpeechWhy::Forecast,
    });
    assert!(en.starts_with("\"könnte\" marks a forecast"), "{en}");
    assert!(
        de.starts_with("„könnte“ kennzeichnet eine Prognose"),
        "{de}"
    );
    let weapon = Weapon {
        text: "arms".into(),
        designation: None,
        kind: None,
    };
    let (en, de) = both(&DeliveryMsg::NoRecordInSpan {
        supplier: None,
        recipient: p("KAZ", "Kazakhstan"),
        what: weapon,
        span: w(1995, 2024),
    });
    assert!(
        en.contains("no record of arms deliveries from any supplier to Kazakhstan"),
        "{en}"
    );
    assert!(
        de.contains("keine Waffenlieferungen alle Lieferanten → Kasachstan"),
        "{de}"
    );
}

#[test]
fn no_english_verdict_words_in_german_texts() {
    let msgs: [Msg; 5] = [
        Reason::NoClaimFound.into(),
        DeliveryMsg::MonthNotChecked.into(),
        Reason::MainPastNoPeriod.into(),
        Reason::Synthetic("r1".into()).into(),
        Reason::TooLong {
            bytes: 12000,
            limit: 10000,
        }
        .into(),
    ];
    for m in msgs {
        let de = m.render(Lang::German);
        for w in ["supported", "because", " cannot ", " the "] {
            assert!(!de.contains(w), "{de}");
        }
    }
    let long: Msg = Reason::TooLong {
        bytes: 12000,
        limit: 10000,
    }
    .into();
    assert!(long.render(Lang::German).contains("12.000"));
}

/// A rounding band shows the decimals that tell its ends apart (claims
/// probe 36: Saudi Arabia's −27.749 % to −27.696 % read "-27.7 % to -27.7 %").
#[test]
fn rounding_bands_show_their_ends_apart() {
    assert_eq!(super::band_decimals(-27.749, -27.696), 2);
    assert_eq!(super::band_decimals(6496.0, 6832.0), 1);
    let (en, _) = both(&FigureMsg::RoundedCells {
        lo: -27.749,
        hi: -27.696,
    });
    assert!(en.contains("from -27.75 % to -27.70 %"), "{en}");
}
