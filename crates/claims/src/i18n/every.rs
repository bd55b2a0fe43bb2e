//! Every message, in both languages: the German text is written (not English
//! left over), the English one has no German in it, and both carry the data.

use super::*;
use crate::claim::{Rank, Role};
use crate::meaning::MarkerKind;
use crate::stated::{Qualifier, Stated};
use crate::weapon::{Weapon, WeaponKind};
use crate::when::Date;
use engine::Direction;
use model::{Category, Window};

mod figures;
use figures::figures;

fn p(key: &str, name: &str) -> Party {
    Party::new(key, name)
}

fn rus() -> Party {
    p("RUS", "Russia")
}

fn kaz() -> Party {
    p("KAZ", "Kazakhstan")
}

fn w(a: u16, b: u16) -> Window {
    Window { start: a, end: b }
}

fn st(v: f64) -> Stated {
    Stated {
        value: v,
        decimals: 0,
        qualifier: Qualifier::About,
    }
}

fn gd() -> GroupDate {
    GroupDate {
        year: 2020,
        month: 9,
        day: Some(15),
    }
}

fn date() -> Date {
    Date {
        year: Some(2020),
        month: Some(9),
        day: Some(15),
    }
}

fn drones() -> Weapon {
    Weapon {
        text: "drones".into(),
        designation: None,
        kind: Some(WeaponKind::Drone),
    }
}

fn deal() -> DealText {
    DealText {
        from: Some(rus()),
        designation: "Su-30MK".into(),
        description: "FGA".into(),
        years: vec![(2024, 8, model::Flags::EST_NUMBER)],
        tiv: 1175.2,
    }
}

fn rec() -> Record {
    Record {
        joined: Some(gd()),
        announced: Some(gd()),
        uncertain: None,
    }
}

fn deliveries() -> Vec<Msg> {
    use DeliveryMsg::*;
    let (s, r) = (Some(rus()), kaz());
    let near = vec![("Lancet".to_string(), "FGA".to_string(), 2023)];
    let v = vec![
        NoPairInRelease {
            supplier: s.clone(),
            recipient: r.clone(),
            span: w(1995, 2024),
        },
        NoRecord {
            what: drones(),
            supplier: None,
            recipient: r.clone(),
            window: w(2020, 2024),
        },
        Listed {
            supplier: s.clone(),
            recipient: r.clone(),
            window: w(2024, 2024),
            deals: vec![deal()],
            more: 2,
        },
        ButNear {
            base: Box::new(MonthNotChecked.into()),
            near: near.clone(),
            what: drones(),
        },
        FirstBefore {
            supplier: s.clone(),
            recipient: r.clone(),
            what: drones(),
            year: 2015,
            window: w(2020, 2024),
        },
        FirstInFirstYear {
            supplier: s.clone(),
            recipient: r.clone(),
            what: drones(),
            year: 1995,
        },
        NoneButNear {
            supplier: s.clone(),
            recipient: r.clone(),
            what: drones(),
            window: w(2020, 2024),
            near,
        },
        NoneInRelease {
            supplier: s.clone(),
            recipient: r.clone(),
            what: drones(),
            span: w(1995, 2024),
        },
        NoneInWindow {
            supplier: s.clone(),
            recipient: r.clone(),
            what: drones(),
            window: w(2020, 2024),
            years: vec![2010, 2012],
            deals: vec![deal()],
        },
        KindDiffers {
            stated: "Patriot".into(),
            kind: "missile".into(),
            sipri: vec!["Patriot-3 SAMS (SAM system)".into()],
        },
        DesignationDiffers {
            sipri: vec!["Su-30MK".into()],
            stated: "Su-30SM".into(),
            family: "SU30".into(),
        },
        UnitsAllocated {
            stated: 8,
            units: 7,
            window: w(2024, 2024),
        },
        UnitsDiffer {
            stated: 8,
            units: 7,
            window: w(2024, 2024),
        },
        MonthNotChecked,
        ListedWorth {
            supplier: s.clone(),
            recipient: r.clone(),
            what: drones(),
            tiv: 48.8,
            years: vec![2008, 2009],
            deals: vec![deal()],
            more: 0,
        },
        NoRecordInSpan {
            supplier: s,
            recipient: r,
            what: drones(),
            span: w(1995, 2024),
        },
    ];
    v.into_iter().map(Msg::from).collect()
}

fn groups() -> Vec<Msg> {
    use GroupMsg::*;
    let g = || "Abraham Accords".to_string();
    let v = vec![
        NoGroup(g()),
        NoDatedMembership(g()),
        FirstDateAmbiguous {
            group: g(),
            first: gd(),
            who: vec![p("ISR", "Israel")],
            stated: date(),
            note: "2020-08-13".into(),
        },
        FirstDate {
            group: g(),
            first: gd(),
            who: vec![p("ISR", "Israel")],
            stated: date(),
        },
        FirstMembers {
            group: g(),
            first: gd(),
            who: vec![p("ISR", "Israel")],
            missing: vec![(p("MAR", "Morocco"), Some(gd())), (kaz(), None)],
        },
        AnnouncementRecorded {
            member: kaz(),
            group: g(),
            on: gd(),
            stated: date(),
            uncertain: Some("2025-11-06".into()),
        },
        NoAnnouncement {
            member: kaz(),
            group: g(),
        },
        FutureAccession {
            member: kaz(),
            group: g(),
            future: true,
            records: vec![rec()],
        },
        FutureAccession {
            member: kaz(),
            group: g(),
            future: false,
            records: vec![],
        },
        NoMembership {
            member: kaz(),
            group: g(),
        },
        OnlyAnnounced {
            member: kaz(),
            group: g(),
            dated: true,
            records: vec![rec()],
        },
        MemberRecords {
            member: kaz(),
            group: g(),
            records: vec![rec()],
            stated: Some(date()),
        },
    ];
    let mut out: Vec<Msg> = v.into_iter().map(Msg::from).collect();
    out.push(Msg::WithSource(
        Box::new(GroupMsg::NoGroup(g()).into()),
        GroupSource::File("my.csv".into()),
    ));
    out
}

fn reasons() -> Vec<Msg> {
    use Reason::*;
    let mut v = vec![
        Speech {
            marker: "Quellen".into(),
            why: SpeechWhy::ReportedSpeech,
        },
        Speech {
            marker: "erwartet".into(),
            why: SpeechWhy::Forecast,
        },
        Speech {
            marker: "scheint".into(),
            why: SpeechWhy::Interpretation,
        },
        NoPeriodStated,
        PublishedYear(2024),
        FigureForSeveral(vec![p("RUS", "Russia"), p("FRA", "France")]),
        BothWays("China".into(), "Russia".into()),
        BackwardsPeriod(2024, 2020),
        SeveralPeriods,
        ClaimsNotSeparated(vec![(2020, 2024), (2015, 2019)]),
        ChangeNeedsFixedPeriods,
        ChangeWithoutPeriod,
        ChangeFromOnly,
        ChangeOverSpan(2020, 2024),
        NotationUnclear("9,627".into()),
        MoreThanTwoPeriods,
        NoCountryNamed,
        NoSupplierNamed,
        SupplierInOtherClause(p("RUS", "Russia")),
        ImporterAsSupplier(p("RUS", "Russia")),
        MakerFlowUnclear(p("CHN", "China")),
        RankHolderUnclear(p("IND", "India"), p("RUS", "Russia")),
        NoRecipientNamed,
        PeriodAnaphorUnclear {
            phrase: "in that period".into(),
            claim: Some("2020-2024".into()),
            other: "2024".into(),
        },
        PeriodAnaphorUnclear {
            phrase: "in that period".into(),
            claim: None,
            other: "2024".into(),
        },
        PeriodAnaphorTwo {
            phrase: "in that period".into(),
            first: "2020-2024".into(),
            second: "2015-2019".into(),
        },
        DescribedCountry("The former colony".into()),
        SubjectNotCountry("Tehran".into()),
        SubjectNotCountryAlone("Moscow".into()),
        PronounGender("Sie".into(), p("DEU", "Germany")),
        AntecedentUnclear(
            "the latter".into(),
            vec![p("IND", "India"), p("PAK", "Pakistan")],
        ),
        FirstEverNeedsYear,
        SameParty,
        NoCompareFocus,
        ShareWithoutOwnPeriod(st(36.0)),
        FigureNotTied(st(36.0)),
        NegativeFigure(st(36.0)),
        NotRead("Haupt".into()),
        UnreadNumber("5".into()),
        TwoFigures("share imports KAZ from ESP 2020-2024".into()),
        MakersTwoFigures(p("RUS", "Russia"), p("ESP", "Spain")),
        RankUnread("second-largest".into()),
        PluralRanking("largest suppliers".into()),
        DirectionContradicts(st(3.0), st(6.0)),
        TwoCategories(Category::Aircraft, Category::Ships),
        CategoryWithinFlow(Category::Aircraft),
        GapBetweenParties("more".into()),
        NamedNotParty(p("USA", "United States")),
        PairChange(p("CHN", "China")),
        BaseWithoutFigure("2015-19".into()),
        WorldSubjectAsPartner(p("USA", "United States")),
        DeliveryNoRecipient,
        DeliveryOwnerNotRecipient(p("KAZ", "Kazakhstan")),
        DeliveryNoSupplier,
        NegatedCountOrFirst,
        HedgedCount("more than 5".into()),
        RankMove("dropped".into()),
        RestsOnAllocation(48.4),
        ImportsAndExports,
        NegatedNoPeriod,
        NegatedSince,
        DeliveryNoYear,
        MainOneWeapon("S-400".into()),
        MainNegated,
        MainNoSupplier,
        MainNoRecipient,
        MainPeriodUnread,
        MainPastNoPeriod,
        GroupNegated("NATO".into()),
        NoClaimFound,
        Synthetic("r1".into()),
        TooLong {
            bytes: 12000,
            limit: 10000,
        },
    ];
    use MarkerKind as K;
    for k in [
        K::Category(Category::Ships),
        K::Money,
        K::Negation,
        K::Comparison,
        K::ShareWord,
        K::Points,
        K::NotDeliveries,
        K::OpenPeriod,
        K::Rate,
        K::Group,
        K::Scope,
        K::PartOf,
        K::Aside,
        K::AsideOnly,
        K::FormerName,
        K::AmbiguousName,
        K::OpenRange,
        K::Multiple,
        K::SubYear,
        K::Earlier,
        K::FigureRange,
        K::FigurePair,
        K::Vague,
        K::NotCovered,
        K::Volume,
        K::LastEver,
        K::Streak,
        K::Record,
        K::Rank,
        K::Possibility,
        K::Denial,
        K::Question,
        K::FiscalYear,
        K::Subtype(Category::Ships),
        K::SubtypeOnly(Category::Ships),
        K::Degree,
        K::Hedge,
        K::Anaphor,
    ] {
        v.push(Marker(k, "Wort".into()));
    }
    v.into_iter().map(Msg::from).collect()
}

/// English left in a German text: words German prose does not use.
const ENGLISH: [&str; 12] = [
    " the ",
    " of ",
    " and ",
    " is ",
    " are ",
    " with ",
    "supported",
    "because",
    "cannot",
    "not ",
    "deliveries",
    " release",
];

/// German in an English text.
const GERMAN: [&str; 8] = [
    " der ",
    " die ",
    " und ",
    "nicht",
    " ist ",
    "Lieferung",
    "Datenversion",
    " keine ",
];

#[test]
fn every_message_in_both_languages() {
    let all: Vec<Msg> = [figures(), deliveries(), groups(), reasons()].concat();
    assert!(all.len() > 100, "{}", all.len());
    for m in &all {
        let (en, de) = (m.render(Lang::English), m.render(Lang::German));
        assert!(!en.is_empty() && !de.is_empty(), "{m:?}");
        assert_ne!(en, de, "{m:?}");
        for w in ENGLISH {
            assert!(!de.contains(w), "English '{w}' in German: {de}");
        }
        for w in GERMAN {
            assert!(!en.contains(w), "German '{w}' in English: {en}");
        }
        // German numbers: no English decimal point before two digits and " %".
        assert!(!de.contains(".43 %") && !de.contains(".59 %"), "{de}");
    }
}

#[test]
fn every_tolerance_in_both_languages() {
    let all = [
        Tol::Interval(st(88.0).tolerance()),
        Tol::Rank(Rank { n: 5, top: true }),
        Tol::FirstYear,
        Tol::MoreTiv,
        Tol::NoRecordIn(w(2020, 2024)),
        Tol::DeliveryIn {
            family: Some("SU30".into()),
            what: drones(),
            window: w(2024, 2024),
            units: Some(8),
        },
        Tol::DeliveryIn {
            family: None,
            what: drones(),
            window: w(2024, 2024),
            units: None,
        },
        Tol::AnyRecordIn(w(1995, 2024)),
        Tol::NoRecordAtAll(w(1995, 2024)),
        Tol::NoLonger {
            before: 2020,
            recent: w(2020, 2024),
        },
        Tol::MainRule {
            min_pct: 50.0,
            min_lead: 2.0,
        },
        Tol::SameDate,
        Tol::AmongFirstMembers,
    ];
    for t in &all {
        let (en, de) = (t.render(Lang::English), t.render(Lang::German));
        assert_ne!(en, de, "{t:?}");
        for w in ENGLISH {
            assert!(!de.contains(w), "English '{w}' in German: {de}");
        }
    }
    assert_eq!(all[0].render(Lang::German), "[85,5; 90,5]");
}
