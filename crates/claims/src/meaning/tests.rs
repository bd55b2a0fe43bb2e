use super::*;

/// Regression: "88 % of Kazakhstan's oil imports", "imports of small
/// arms" and "Ölimporte" were checked as arms imports.
#[test]
fn what_sipri_does_not_record_is_marked() {
    for (prev, norm, next) in [
        ("of", "small", "arms"),
        ("and", "light", "weapons"),
        ("'s", "oil", "imports"),
        ("der", "olimporte", ""),
        ("die", "gasexporte", ""),
        ("der", "kleinwaffenexporte", ""),
        ("der", "munition", ""),
        ("of", "ammunition", ""),
    ] {
        assert_eq!(
            marker(prev, norm, next),
            Some(MarkerKind::NotCovered),
            "{norm}"
        );
    }
    for (prev, norm, next) in [
        ("usa", "waren", "von"),
        ("'s", "arms", "imports"),
        ("der", "waffenimporte", ""),
        ("a", "small", "share"),
        ("the", "light", "tanks"),
    ] {
        assert_eq!(marker(prev, norm, next), None, "{norm}");
    }
}

#[test]
fn categories_both_languages() {
    assert_eq!(
        category("", "kampfflugzeuge", ""),
        Some((Category::Aircraft, false))
    );
    assert_eq!(
        category("", "air", "defence"),
        Some((Category::AirDefence, true))
    );
    assert_eq!(
        category("", "flugzeugtrager", ""),
        Some((Category::Ships, false))
    );
    assert_eq!(category("think", "tank", ""), None);
    assert_eq!(category("", "waffen", ""), None);
    assert_eq!(category("", "arms", ""), None);
}

#[test]
fn multiples() {
    assert_eq!(multiple("verfunffacht"), Some(5.0));
    assert_eq!(multiple("100-fold"), Some(100.0));
    assert_eq!(multiple("halved"), Some(0.5));
    assert_eq!(multiple("fold"), None);
    assert_eq!(multiple("einfach"), None);
    assert_eq!(multiple("versechsfacht"), Some(6.0));
}
