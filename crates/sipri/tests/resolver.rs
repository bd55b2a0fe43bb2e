//! Name resolver: SIPRI spellings, aliases, codes, user input and suggestions.
use model::EntityKind;
use sipri::names::Resolver;

fn r() -> &'static Resolver {
    Resolver::builtin()
}

#[test]
fn sipri_spellings_resolve() {
    for n in ["Turkiye", "Türkiye", "Turkey"] {
        assert_eq!(r().resolve(n).unwrap().key, "TUR", "{n}");
    }
    let kaz = r().resolve("Kazakhstan").unwrap();
    assert_eq!(
        (kaz.key.as_str(), kaz.iso3.as_deref(), kaz.kind),
        ("KAZ", Some("KAZ"), EntityKind::State)
    );
    let su = r().resolve("Soviet Union").unwrap();
    assert_eq!(
        (su.key.as_str(), su.kind, su.iso3),
        ("SUHH", EntityKind::FormerState, None)
    );
    assert_eq!(
        r().resolve("NATO**").unwrap().kind,
        EntityKind::Organisation
    );
    let h = r().resolve("Houthi rebels (Yemen)*").unwrap();
    assert_eq!(
        (h.key.as_str(), h.kind),
        ("ns:houthi-rebels-yemen", EntityKind::NonState)
    );
    assert_eq!(
        r().resolve("Libya HoR*").unwrap().key,
        r().resolve("HoR (Libya)*").unwrap().key
    );
    assert_eq!(
        r().resolve("Unknown supplier(s)").unwrap().kind,
        EntityKind::Unknown
    );
    assert_eq!(
        r().resolve("unknown recipient(s)").unwrap().key,
        "unknown:recipient"
    );
    assert_eq!(
        r().resolve("unknown rebel group*").unwrap().kind,
        EntityKind::NonState
    );
    for (a, b) in [
        ("Czechia", "Czech Republic"),
        ("Viet Nam", "Vietnam"),
        ("UAE", "United Arab Emirates"),
        ("DR Congo", "Congo (DRC)"),
        ("Cote d'Ivoire", "Côte d'Ivoire"),
        ("North Macedonia", "Macedonia (FYROM)"),
        ("Cabo Verde", "Cape Verde"),
        ("Timor-Leste", "East Timor"),
        ("eSwatini", "Swaziland"),
        ("PKK (Turkiye)*", "PKK (Turkey)*"),
        (
            "Palestinian Islamic Jihad (Israel/Palestine)*",
            "PIJ (Israel/Palestine)*",
        ),
        ("Yemen Arab Republic (North Yemen)", "Yemen Arab Republic"),
    ] {
        assert_eq!(
            r().resolve(a).unwrap().key,
            r().resolve(b).unwrap().key,
            "{a} / {b}"
        );
    }
    // Distinct parties stay distinct.
    assert_ne!(
        r().resolve("Russia").unwrap().key,
        r().resolve("Soviet Union").unwrap().key
    );
    assert_ne!(
        r().resolve("Congo").unwrap().key,
        r().resolve("DR Congo").unwrap().key
    );
    assert_ne!(
        r().resolve("Germany").unwrap().key,
        r().resolve("East Germany (GDR)").unwrap().key
    );
    // Files are matched strictly: punctuation must agree.
    assert!(r().resolve("NATO").is_some()); // alias
    assert!(r().resolve("Houthi rebels Yemen").is_none());
    assert!(r().resolve("Atlantis").is_none());
}

#[test]
fn user_lookup() {
    let key = |q: &str| {
        r().lookup(q)
            .map(|e| e.key)
            .unwrap_or_else(|s| format!("ERR {s:?}"))
    };
    for (q, k) in [
        ("kaz", "KAZ"),
        ("Kasachstan", "KAZ"),
        ("KAZAKHSTAN", "KAZ"),
        ("Turkiye", "TUR"),
        ("turkei", "TUR"),
        ("Türkei", "TUR"),
        ("Russland", "RUS"),
        ("russia", "RUS"),
        ("Deutschland", "DEU"),
        ("Germany", "DEU"),
        ("FRG", "DEU"),
        ("USR", "SUHH"),
        ("KON", "PRK"),
        ("KOS", "KOR"),
        ("South Korea", "KOR"),
        ("Spanien", "ESP"),
        ("Südafrika", "ZAF"),
        ("Suedafrika", "ERR"),
        ("Frankreich", "FRA"),
        ("Vereinigte Staaten", "USA"),
        ("USA", "USA"),
        ("China", "CHN"),
        ("Indien", "IND"),
        ("Israel", "ISR"),
        ("Vereinigte Arabische Emirate", "ARE"),
        ("Marokko", "MAR"),
        ("Bahrain", "BHR"),
        ("Ukraine", "UKR"),
        ("Weißrussland", "BLR"),
        ("Belarus", "BLR"),
        ("Algerien", "DZA"),
        ("Ägypten", "EGY"),
        ("Myanmar", "MMR"),
        ("nato", "org:nato"),
        ("NATO**", "org:nato"),
        ("houthi rebels (yemen)", "ns:houthi-rebels-yemen"),
        ("cote divoire", "CIV"),
        ("Ivory Coast", "CIV"),
        // ISO codes win over SIPRI codes where they clash.
        ("CHE", "CHE"),
        ("CZE", "CZE"),
        ("org:nato", "org:nato"),
    ] {
        if k == "ERR" {
            assert!(r().lookup(q).is_err(), "{q}");
        } else {
            assert_eq!(key(q), k, "{q}");
        }
    }
}

#[test]
fn suggestions() {
    let s = r().lookup("Kazakstn").unwrap_err();
    assert_eq!(s.first().map(String::as_str), Some("Kazakhstan"));
    let s = r().lookup("Suedafrika").unwrap_err();
    assert!(s.iter().any(|n| n == "South Africa"), "{s:?}");
    let s = r().lookup("Kazak").unwrap_err();
    assert!(s.iter().any(|n| n == "Kazakhstan"), "{s:?}");
    assert!(r().lookup("zzzzzzzzzzzzzz").unwrap_err().is_empty());
    assert!(r().lookup("").unwrap_err().is_empty());
}

#[test]
fn table_invariants() {
    let mut keys = std::collections::HashSet::new();
    for e in r().entities() {
        assert!(keys.insert(e.key.clone()), "duplicate {}", e.key);
        match e.kind {
            EntityKind::State => {
                if let Some(iso) = &e.iso3 {
                    assert_eq!(iso.len(), 3);
                    assert_eq!(iso, &e.key);
                } else {
                    assert!(e.key.starts_with("state:"), "{}", e.key);
                }
            }
            EntityKind::NonState => assert!(e.key.starts_with("ns:"), "{}", e.key),
            EntityKind::Organisation => {
                assert!(
                    e.key.starts_with("org:") && e.name.ends_with("**"),
                    "{}",
                    e.key
                )
            }
            EntityKind::Unknown => assert!(e.key.starts_with("unknown:")),
            EntityKind::FormerState => assert!(e.iso3.is_none()),
            _ => panic!("unexpected kind in table: {}", e.key),
        }
        // Every alias and the canonical name resolve back to the entity.
        for a in r().aliases(&e.key) {
            assert_eq!(r().lookup(a).unwrap().key, e.key, "{a}");
        }
    }
    assert_eq!(r().aliases("TUR")[0], "Turkiye");
    assert!(r().aliases("TUR").contains(&"Türkiye"));
    assert!(r().aliases("nope").is_empty());
    assert_eq!(r().codes("SUHH"), vec!["USR"]);
}
