//! Every figure message (split from `every.rs` to keep files short).

use super::*;

pub(super) fn figures() -> Vec<Msg> {
    use FigureMsg::*;
    let cat = Some(Category::Aircraft);
    let v = vec![
        NoDataForRelative,
        NoDeliveriesAtAll,
        NotCovered {
            window: w(2021, 2025),
            release_years: Some((1995, 2024)),
            missing: vec![2025],
        },
        OneSided {
            release: "r1".into(),
            format: "tiv_table".into(),
        },
        OneSided {
            release: "r1".into(),
            format: "import_table".into(),
        },
        OneSided {
            release: "r1".into(),
            format: "export_table".into(),
        },
        Scoped {
            release: "r1".into(),
            scope: " to Ukraine".into(),
        },
        RoundedCells {
            lo: 6496.0,
            hi: 6832.0,
        },
        RoundedShare {
            lo: 10.543,
            hi: 10.549,
        },
        RoundedRank {
            best: 37,
            worst: 38,
        },
        Organisation {
            who: Party::new("nato", "NATO**"),
        },
        BeforeFirstRecord {
            who: Party::new("RUS", "Russia"),
            first: 1992,
        },
        NoCategories {
            release: "r1".into(),
        },
        Attributed("according to".into()),
        PublishedIn(2025),
        Revised {
            release: "r1".into(),
            date: "2026-02-12".into(),
        },
        CombatReadings {
            aircraft: Some(25.97),
            combat: Some(33.55),
        },
        ReleaseCaveat {
            release: "r1".into(),
            caveat: "x".into(),
        },
        NotAShape,
        NoPeriodResolved,
        NoDeliveriesOf(kaz()),
        ImportedNothing {
            who: kaz(),
            cat,
            window: w(2020, 2024),
        },
        ExportedNothing {
            who: kaz(),
            cat,
            window: w(2020, 2024),
        },
        ImportShare {
            supplier: rus(),
            recipient: kaz(),
            tiv: 1175.2,
            total: 1328.98,
            cat,
            window: w(2020, 2024),
            pct: 88.43,
            stated: st(88.0),
        },
        ExportShare {
            supplier: rus(),
            recipient: kaz(),
            tiv: 1175.2,
            total: 11102.04,
            cat,
            window: w(2020, 2024),
            pct: 10.59,
        },
        RankAmongRecipients {
            rank: 3,
            of: 35,
            before: vec![(p("IND", "India"), 4272.69)],
            after: vec![(p("DZA", "Algeria"), 814.5)],
        },
        NotAmongRecipients,
        ChangeFromZero {
            focus: kaz(),
            dir: Direction::Imports,
            cat,
            window: w(2015, 2019),
        },
        Change {
            focus: rus(),
            dir: Direction::Exports,
            cat,
            from: (w(2015, 2019), 30755.12),
            to: (w(2020, 2024), 11102.04),
            pct: -63.9,
            stated: st(-64.0),
        },
        NothingRecorded {
            dir: Direction::Exports,
            window: w(2020, 2024),
        },
        Global {
            focus: p("USA", "United States"),
            tiv: 60949.25,
            total: 142948.11,
            dir: Direction::Exports,
            cat,
            window: w(2020, 2024),
            pct: 42.64,
            rank: Some(1),
            of: 64,
        },
        NoPartners {
            focus: kaz(),
            dir: Direction::Imports,
            cat,
            window: w(2020, 2024),
        },
        OrganisationItself { party: kaz() },
        UnknownPool {
            focus: kaz(),
            dir: Direction::Imports,
            tiv: 34.0,
            pct: 87.3,
            window: w(2020, 2024),
        },
        Largest {
            nth: Rank { n: 3, top: false },
            role: Role::Recipient,
            focus: rus(),
            cat,
            window: w(2020, 2024),
            at_n: vec![Ranked {
                party: kaz(),
                tiv: 1175.2,
                pct: 10.59,
            }],
            answer: kaz(),
            rank: Some(3),
        },
        Compare {
            focus: kaz(),
            dir: Direction::Imports,
            cat,
            more: (p("ESP", "Spain"), 85.5),
            less: (p("TUR", "Türkiye"), 20.25),
            window: w(2020, 2024),
        },
        YearOutside {
            span: (1995, 2024),
            year: 2025,
        },
        FirstYearOfData {
            span: (1995, 2024),
            year: 1995,
        },
        FirstDelivery {
            supplier: rus(),
            recipient: kaz(),
            span: (1995, 2024),
            year: 2008,
            tiv: 48.8,
        },
        AlreadyDelivered {
            supplier: rus(),
            recipient: kaz(),
            year: 2008,
        },
        FirstLater {
            supplier: rus(),
            recipient: kaz(),
            year: 2008,
            first: 2010,
        },
        NoPairDeliveries {
            supplier: rus(),
            recipient: kaz(),
        },
        MainRank {
            supplier: rus(),
            recipient: kaz(),
            rank: 1,
            of: 9,
            cat,
            window: w(2020, 2024),
            tiv: 1175.2,
            total: 1328.98,
            pct: 88.43,
        },
        DeliveredNothing {
            supplier: rus(),
            recipient: kaz(),
            cat,
            window: w(2020, 2024),
        },
        LargestWas(rus(), 88.43),
        SecondWas {
            party: p("ESP", "Spain"),
            pct: 6.43,
            lead: 13.7,
        },
        MainRule {
            word: MainWord::Dominant,
            min_pct: 50.0,
            min_lead: 2.0,
        },
        MainReadings {
            pct: 63.55,
            lead: 1.7,
            min_pct: 50.0,
            min_lead: 2.0,
        },
        PresentTenseWindow(w(2020, 2024)),
        RelativeWindow(1, w(2024, 2024)),
        RelativeWindow(5, w(2020, 2024)),
    ];
    v.into_iter().map(Msg::from).collect()
}
