use super::*;

#[test]
fn lookup_builtin_agrees_with_the_full_resolver() {
    let r = Resolver::builtin();
    let mut queries: Vec<String> = vec![
        "".into(),
        " ".into(),
        "kaz".into(),
        "Kazakstan".into(),
        "zzz".into(),
        "CHE".into(),
        "cze".into(),
        "USR".into(),
        "d'Ivoire".into(),
        "N.A.T.O.".into(),
        "org:nato".into(),
        " KAZ ".into(),
        "Türkei".into(),
        "U.S.".into(),
        "usa".into(),
    ];
    for e in r.entities() {
        let k = e.key.clone();
        queries.push(k.clone());
        queries.push(k.to_lowercase());
        for a in r.aliases(&k).into_iter().chain(r.codes(&k)) {
            queries.push(a.to_string());
            queries.push(a.to_uppercase());
            queries.push(format!(" {}* ", a.to_lowercase()));
            queries.push(a.replace(' ', "-"));
        }
        if let Some(i) = &e.iso3 {
            queries.push(i.to_lowercase());
        }
    }
    for q in &queries {
        let (fast, full) = (lookup_builtin(q), r.lookup(q));
        assert_eq!(
            fast.as_ref().map(|e| (&e.key, &e.name, e.kind, &e.iso3)),
            full.as_ref().map(|e| (&e.key, &e.name, e.kind, &e.iso3)),
            "{q:?}"
        );
    }
}

#[test]
fn loose_is_matches_loose() {
    for s in [
        "Côte d'Ivoire",
        "  a  ' b ",
        "NATO**",
        "HoR (Libya)*",
        "x--y",
        "'",
        "",
        "A`b",
        "1 2",
    ] {
        for q in [loose(s), String::new(), "a b".into(), "hor libya".into()] {
            assert_eq!(loose_is(s, &q), loose(s) == q, "{s:?} {q:?}");
        }
    }
}

#[test]
fn levenshtein_cases() {
    assert_eq!(levenshtein("", ""), 0);
    assert_eq!(levenshtein("abc", ""), 3);
    assert_eq!(levenshtein("kitten", "sitting"), 3);
    assert_eq!(levenshtein("türkei", "turkei"), 1);
}

#[test]
fn folding() {
    assert_eq!(fold("  Türkiye  "), "turkiye");
    assert_eq!(fold("Unknown   supplier(s)"), "unknown supplier(s)");
    assert_eq!(loose("Côte d'Ivoire"), "cote divoire");
    assert_eq!(loose("NATO**"), "nato");
    assert_eq!(loose("HoR (Libya)*"), "hor libya");
}

#[test]
fn builtin_parses() {
    let r = Resolver::builtin();
    assert!(r.entities().count() > 250);
    assert_eq!(r.resolve("Türkiye").unwrap().key, "TUR");
}

#[test]
fn parse_errors() {
    let h = "key,kind,iso3,name,aliases,codes\n";
    assert!(Resolver::parse("bad header\n").is_err());
    assert!(Resolver::parse(&format!("{h}A,state\n")).is_err());
    assert!(Resolver::parse(&format!("{h}AAA,planet,AAA,A,,\n")).is_err());
    let dup = format!("{h}AAA,state,AAA,A,,\nBBB,state,BBB,B,A,\n");
    assert_eq!(Resolver::parse(&dup).unwrap_err().line, 3);
    // Line numbers count comments, blank and quoted lines (one reader
    // for the whole table, not one per line).
    let t =
        format!("# c\r\n{h}\n  \nKOR,state,KOR,South Korea,\"Korea, Republic of\",\r\nBAD,state\n");
    let t2 = format!("{h}\n  \nBAD,state\n");
    assert_eq!(Resolver::parse(&t2).unwrap_err().line, 4, "blank");
    let t3 = format!("#c\n{h}BAD,state\n");
    assert_eq!(Resolver::parse(&t3).unwrap_err().line, 3, "comment");
    let t4 = format!("#c\r\n{h}BAD,state\n");
    assert_eq!(Resolver::parse(&t4).unwrap_err().line, 3, "comment crlf");
    let t5 = format!("{h}KOR,state,KOR,South Korea,,\r\nBAD,state\n");
    assert_eq!(Resolver::parse(&t5).unwrap_err().line, 3, "crlf");
    assert_eq!(Resolver::parse(&t).unwrap_err().line, 6);
    let ok = Resolver::parse(&format!(
        "{h}KOR,state,KOR,South Korea,\"Korea, Republic of\",\n"
    ));
    assert_eq!(
        ok.unwrap().resolve("korea,  republic of").unwrap().key,
        "KOR"
    );
    let spans = format!("{h}KOR,state,KOR,South Korea,\"Korea,\nRepublic of\",\n");
    assert!(
        Resolver::parse(&spans)
            .unwrap_err()
            .reason
            .contains("spans lines")
    );
}
