//! Alignment groups: the membership table, the 1-July rule and group shares,
//! on hand-built releases with hand-computed figures.

use engine::groups::{Group, GroupDate, GroupSet, group_share, group_share_series, split_adhoc};
use engine::testkit::ReleaseBuilder;
use engine::{Direction, Filter};
use model::Window;
use proptest::prelude::*;

fn w(a: u16, b: u16) -> Window {
    Window::new(a, b).unwrap()
}

fn close(a: f64, b: f64) -> bool {
    (a - b).abs() < 1e-9
}

const HEADER: &str = "group,member,joined,left,note\n";

fn parse(body: &str) -> GroupSet {
    GroupSet::parse(&format!("{HEADER}{body}")).unwrap()
}

fn parse_err(body: &str) -> (usize, String) {
    let e = GroupSet::parse(&format!("# comment\n{HEADER}{body}")).unwrap_err();
    (e.line, e.reason)
}

#[test]
fn builtin_table_has_the_six_groups() {
    let set = GroupSet::builtin();
    assert_eq!(
        set.names(),
        ["Abraham Accords", "CSTO", "NATO", "SCO", "EAEU", "EU"]
    );
    let eu = set.get("eu").unwrap();
    assert_eq!(eu.members().len(), 28);
    assert!(eu.is_member("GBR", 2019) && !eu.is_member("GBR", 2020));
    // Croatia joined on 1 July 2013: a member on 1 July counts.
    assert!(!eu.is_member("HRV", 2012) && eu.is_member("HRV", 2013));
    assert!(eu.is_member("DEU", 1958) && !eu.is_member("DEU", 1957));
    assert_eq!(set.get("nato").unwrap().members().len(), 32);
    assert_eq!(set.get("Abraham-Accords").unwrap().members().len(), 6);
    assert!(set.get("Warsaw Pact").is_none());
}

#[test]
fn uzbekistan_left_and_rejoined_the_csto() {
    let csto = GroupSet::builtin().get("CSTO").unwrap().clone();
    // 1992-05-15 .. 1999-04 and 2006-06-23 .. 2012-06-28.
    let member: Vec<u16> = (1990..2015).filter(|&y| csto.is_member("UZB", y)).collect();
    let expected: Vec<u16> = (1992..=1998).chain(2006..=2011).collect();
    assert_eq!(member, expected);
    assert!(
        csto.members_on(GroupDate::ymd(2006, 6, 23))
            .contains(&"UZB")
    );
    assert!(
        !csto
            .members_on(GroupDate::ymd(2012, 6, 28))
            .contains(&"UZB")
    );
    assert!(!csto.members_on(GroupDate::ymd(2003, 1, 1)).contains(&"UZB"));
    // Armenia froze its participation but never left.
    assert!(csto.is_member("ARM", 2024));
}

#[test]
fn kazakhstan_belongs_to_several_groups() {
    let set = GroupSet::builtin();
    assert_eq!(set.groups_of("KAZ", 2024), ["CSTO", "SCO", "EAEU"]);
    // Joined the Abraham Accords on 2025-11-06: not on 1 July 2025, so from 2026.
    assert_eq!(set.groups_of("KAZ", 2025), ["CSTO", "SCO", "EAEU"]);
    assert_eq!(
        set.groups_of("KAZ", 2026),
        ["Abraham Accords", "CSTO", "SCO", "EAEU"]
    );
    assert_eq!(set.groups_of("KAZ", 2000), ["CSTO"]);
}

#[test]
fn the_first_of_july_decides_partial_years() {
    let set = parse(
        "G,AAA,2000-07-01,,joins on the day\n\
         G,BBB,2000-07-02,,joins a day late\n\
         G,CCC,1990-01-01,2005-07-01,leaves on the day\n\
         G,DDD,1990-01-01,2005-07-02,leaves a day late\n\
         G,EEE,2000-07,,month only: read as the 1st\n\
         G,FFF,1990-01-01,1999-04,month-only leaving\n\
         G,GGG,2001-02-01,2001-06-30,a spell without a 1 July\n",
    );
    let g = set.get("G").unwrap();
    assert!(g.is_member("AAA", 2000) && !g.is_member("AAA", 1999));
    assert!(!g.is_member("BBB", 2000) && g.is_member("BBB", 2001));
    assert!(g.is_member("CCC", 2004) && !g.is_member("CCC", 2005));
    assert!(g.is_member("DDD", 2005) && !g.is_member("DDD", 2006));
    assert!(g.is_member("EEE", 2000));
    assert!(g.is_member("FFF", 1998) && !g.is_member("FFF", 1999));
    assert!(!(1990..2010).any(|y| g.is_member("GGG", y)));
    assert_eq!(g.spells[6].years(), None);
    assert_eq!(g.members_in(2000), ["AAA", "CCC", "DDD", "EEE"]);
}

#[test]
fn parses_quotes_comments_and_blank_lines() {
    let set = GroupSet::parse(
        "\u{feff}# header comment\n\ngroup,member,joined,left,note\n\
         # another\nG,AAA,2001-01-01,,\"a note, with a comma and \"\"quotes\"\"\"\n\
         G,BBB,2001-01-01,\n",
    )
    .unwrap();
    let g = set.get("g").unwrap();
    assert_eq!(g.spells[0].note, "a note, with a comma and \"quotes\"");
    assert_eq!(g.spells[0].line, 5);
    assert_eq!(g.spells[1].note, "");
    assert_eq!(g.spells[0].joined.unwrap().to_string(), "2001-01-01");
}

#[test]
fn malformed_files_say_line_and_reason() {
    let cases: [(&str, usize, &str); 10] = [
        ("G,AAA,2001-13-01,,\n", 3, "month 13"),
        ("G,AAA,2001-02-30,,\n", 3, "day 30"),
        ("G,AAA,2001,,\n", 3, "not a date"),
        ("G,AAA,2001-01-01,2000-01-01,\n", 3, "not after joined"),
        ("G,AAA,2001-01-01,,\nG,AAA,2003-01-01,,\n", 4, "overlapping"),
        ("G,AAA\n", 3, "expected 4 or 5 fields"),
        ("G,,2001-01-01,,\n", 3, "not an entity key"),
        (",AAA,2001-01-01,,\n", 3, "empty group"),
        ("G,AAA,2001-01-01,,\"open\n", 3, "unterminated"),
        ("G,AAA,2001-01-01,,x\"y\n", 3, "quote inside"),
    ];
    for (body, line, reason) in cases {
        let (l, r) = parse_err(body);
        assert_eq!(l, line, "{body}");
        assert!(r.contains(reason), "{body}: {r}");
    }
    let e = GroupSet::parse("bloc,country,joined\n").unwrap_err();
    assert_eq!(e.line, 1);
    assert!(e.to_string().starts_with("line 1: expected the header"));
    assert!(GroupSet::parse("# only comments\n").is_err());
    assert!(GroupSet::parse("").is_err());
    // A leap day exists in 2024 only.
    assert!(GroupSet::parse(&format!("{HEADER}G,AAA,2024-02-29,,\n")).is_ok());
    assert!(GroupSet::parse(&format!("{HEADER}G,AAA,2023-02-29,,\n")).is_err());
}

#[test]
fn user_groups_replace_builtin_ones_by_name() {
    let mut set = GroupSet::builtin();
    set.extend(parse("nato,USA,2000-01-01,,\nMine,ISR,2000-01-01,,\n"));
    assert_eq!(set.get("NATO").unwrap().members(), ["USA"]);
    assert!(set.get("mine").is_some());
    assert_eq!(set.groups.len(), 7);
}

#[test]
fn ad_hoc_groups() {
    let (name, members) = split_adhoc(" Partners = ISR, TUR ,ESP,ZAF,").unwrap();
    assert_eq!(name, "Partners");
    assert_eq!(members, ["ISR", "TUR", "ESP", "ZAF"]);
    assert!(split_adhoc("ISR,TUR").is_err());
    assert!(split_adhoc("=ISR").is_err());
    assert!(split_adhoc("X=").is_err());
    let g = Group::all_years("Partners", &["ISR".into(), "TUR".into(), "ISR".into()]);
    assert_eq!(g.members(), ["ISR", "TUR"]);
    assert!(g.is_member("ISR", 1950) && g.is_member("TUR", 2024));
}

/// Kazakhstan's imports: Russia (CSTO all along), Uzbekistan (CSTO 2006-2011),
/// Türkiye (never), X joining G on 2018-09-01 (counts from 2019).
fn release() -> model::Release {
    let mut b = ReleaseBuilder::new();
    let kaz = b.state("KAZ", "Kazakhstan");
    let rus = b.state("RUS", "Russia");
    let uzb = b.state("UZB", "Uzbekistan");
    let tur = b.state("TUR", "Turkiye");
    let xxx = b.state("XXX", "Xland");
    b.flow(rus, kaz, 2010, 100.0)
        .flow(uzb, kaz, 2010, 30.0)
        .flow(uzb, kaz, 2012, 20.0)
        .flow(tur, kaz, 2012, 50.0)
        .flow(xxx, kaz, 2017, 10.0)
        .flow(xxx, kaz, 2018, 10.0)
        .flow(xxx, kaz, 2019, 10.0)
        .flow(xxx, kaz, 2020, 10.0)
        .flow(rus, kaz, 2020, 60.0)
        .flow(rus, uzb, 2010, 40.0)
        .flow(rus, tur, 2010, 60.0);
    b.build()
}

#[test]
fn left_and_rejoined_member_counts_only_in_its_years() {
    let rel = release();
    let kaz = rel.entities.by_key("KAZ").unwrap();
    let csto = GroupSet::builtin().get("CSTO").unwrap().index(&rel);
    let s = group_share(
        &rel,
        kaz,
        Direction::Imports,
        &csto,
        &Filter::new(w(2010, 2014)),
    );
    // total 100 + 30 + 20 + 50 = 200; CSTO: Russia 100 + Uzbekistan 30 (2010 only).
    assert!(close(s.total, 200.0));
    assert!(close(s.group_tiv, 130.0));
    assert!(close(s.share.unwrap(), 0.65));
    assert!(close(s.outside_membership_tiv, 20.0));
    assert_eq!(s.members.len(), 2);
    assert_eq!(rel.entities.get(s.members[0].entity).key, "RUS");
    assert!(close(s.members[1].share, 0.15));
    assert_eq!(s.members[1].years, [2010]);
    // Members the release does not know are listed, not dropped.
    assert!(csto.absent.contains(&"ARM".to_string()));
}

#[test]
fn member_joining_mid_window() {
    let rel = release();
    let kaz = rel.entities.by_key("KAZ").unwrap();
    let g = parse("G,XXX,2018-09-01,,\n").groups.remove(0).index(&rel);
    let s = group_share(
        &rel,
        kaz,
        Direction::Imports,
        &g,
        &Filter::new(w(2016, 2020)),
    );
    // 2016-20 imports: X 40, Russia 60 = 100. X counts in 2019 and 2020 only.
    assert!(close(s.total, 100.0));
    assert!(close(s.group_tiv, 20.0));
    assert!(close(s.outside_membership_tiv, 20.0));
    assert_eq!(s.members[0].years, [2019, 2020]);
}

#[test]
fn one_supplier_in_several_groups_counts_for_each() {
    let rel = release();
    let kaz = rel.entities.by_key("KAZ").unwrap();
    let set = GroupSet::builtin();
    let f = Filter::new(w(2020, 2020));
    for name in ["CSTO", "SCO", "EAEU"] {
        let g = set.get(name).unwrap().index(&rel);
        let s = group_share(&rel, kaz, Direction::Imports, &g, &f);
        // 2020: Russia 60 of 70.
        assert!(close(s.share.unwrap(), 60.0 / 70.0), "{name}");
    }
}

#[test]
fn group_without_deliveries_and_window_without_imports() {
    let rel = release();
    let kaz = rel.entities.by_key("KAZ").unwrap();
    let nato = GroupSet::builtin().get("NATO").unwrap().index(&rel);
    // Türkiye is in NATO: 2012 50 of 70. In 2010-11 NATO supplied nothing.
    let series = group_share_series(
        &rel,
        kaz,
        Direction::Imports,
        &nato,
        &Filter::new(w(2010, 2010)),
        &[w(2010, 2011), w(2012, 2012), w(2013, 2015)],
    );
    assert_eq!(series[0].share, Some(0.0));
    assert!(series[0].members.is_empty());
    assert!(close(series[1].share.unwrap(), 50.0 / 70.0));
    assert_eq!(series[2].share, None, "no deliveries is not 0 %");
    assert_eq!(series[2].total, 0.0);
    let ab = GroupSet::builtin()
        .get("Abraham Accords")
        .unwrap()
        .index(&rel);
    let s = group_share(
        &rel,
        kaz,
        Direction::Imports,
        &ab,
        &Filter::new(w(2010, 2020)),
    );
    assert_eq!(s.share, Some(0.0));
    assert_eq!(s.group_tiv, 0.0);
}

#[test]
fn exports_to_a_group() {
    let rel = release();
    let rus = rel.entities.by_key("RUS").unwrap();
    let csto = GroupSet::builtin().get("CSTO").unwrap().index(&rel);
    let s = group_share(
        &rel,
        rus,
        Direction::Exports,
        &csto,
        &Filter::new(w(2010, 2010)),
    );
    // 2010 exports: KAZ 100 (CSTO), UZB 40 (CSTO in 2010), TUR 60 = 200.
    assert!(close(s.total, 200.0));
    assert!(close(s.share.unwrap(), 0.7));
}

proptest! {
    #[test]
    fn group_share_is_a_fraction_of_the_total(
        flows in prop::collection::vec((0usize..4, 2000u16..2010, 0.1f64..100.0), 1..40),
        joined in 2000u16..2012,
    ) {
        let mut b = ReleaseBuilder::new();
        let r = b.state("REC", "Recipient");
        let sup: Vec<_> = ["AAA", "BBB", "CCC", "DDD"].iter().map(|k| b.state(k, k)).collect();
        for (s, y, t) in &flows {
            b.flow(sup[*s], r, *y, *t);
        }
        let rel = b.build();
        let set = GroupSet::parse(&format!(
            "{HEADER}G,AAA,{joined}-03-01,,\nG,BBB,2000-01-01,{joined}-09-01,\n"
        )).unwrap();
        let g = set.get("G").unwrap().index(&rel);
        let all = Group::all_years("All", &["AAA".into(), "BBB".into(), "CCC".into(), "DDD".into()])
            .index(&rel);
        let f = Filter::new(w(2000, 2009));
        let s = group_share(&rel, r, Direction::Imports, &g, &f);
        let total: f64 = flows.iter().map(|x| x.2).sum();
        prop_assert!((s.total - total).abs() < 1e-6);
        let sh = s.share.unwrap();
        prop_assert!((0.0..=1.0 + 1e-12).contains(&sh));
        // Members in their years + members outside them + non-members = total.
        let non: f64 = flows.iter().filter(|x| x.0 >= 2).map(|x| x.2).sum();
        prop_assert!((s.group_tiv + s.outside_membership_tiv + non - total).abs() < 1e-6);
        let a = group_share(&rel, r, Direction::Imports, &all, &f);
        prop_assert!((a.share.unwrap() - 1.0).abs() < 1e-12);
    }
}

#[test]
fn a_name_given_twice_is_found() {
    use engine::groups::{Group, repeated_name};
    let g = |n: &str| Group::all_years(n, &["ESP".to_string()]);
    assert_eq!(repeated_name(&[g("NATO"), g("EU")]), None);
    assert_eq!(
        repeated_name(&[g("NATO"), g("EU"), g("nato")]),
        Some("nato")
    );
    assert_eq!(
        repeated_name(&[g("Abraham Accords"), g("abraham-accords")]),
        Some("abraham-accords")
    );
}
