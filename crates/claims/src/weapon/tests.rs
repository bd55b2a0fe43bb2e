use super::*;

#[test]
fn families_and_designations() {
    assert_eq!(family("Su-30SM"), "SU30");
    assert_eq!(family("Su-30MK"), "SU30");
    assert!(same_family("Su-30SM", "Su-30MK"));
    assert!(!same_designation("Su-30SM", "Su-30MK"));
    assert!(same_designation("Su-30", "Su-30MK"));
    assert!(same_family("F-16", "F-16C Block-50"));
    assert!(same_designation("F-16C", "F-16C Block-50"));
    assert!(!same_family("F-16", "F-15E"));
    assert!(same_family("TB2", "Bayraktar TB2"));
    assert!(same_family("Patriot", "Patriot PAC-3"));
    assert!(same_family("Patriot", "Patriot-3 SAMS"));
    assert!(same_family("TB2", "Bayraktar TB-2"));
    assert!(!same_family("Su-30", "Su-35"));
    assert_eq!(
        designation_of("Su-30SM-Kampfflugzeuge"),
        Some(("Su-30SM".into(), Some("Kampfflugzeuge".into())))
    );
    assert_eq!(designation_of("F-16s"), Some(("F-16".into(), None)));
    assert_eq!(designation_of("S-400"), Some(("S-400".into(), None)));
    assert_eq!(designation_of("third-largest"), None);
    assert_eq!(designation_of("Abraham-Abkommen"), None);
    assert_eq!(
        designation_of("Bayraktar-TB2-Drohnen"),
        Some(("TB2".into(), Some("Drohnen".into())))
    );
    assert_eq!(designation_of("COVID-19"), None);
}

#[test]
fn kinds() {
    assert_eq!(
        WeaponKind::of_word("kampfflugzeuge"),
        Some(WeaponKind::CombatAircraft)
    );
    assert_eq!(WeaponKind::of_word("panzer"), Some(WeaponKind::Tank));
    assert!(WeaponKind::Tank.matches("tank", Category::ArmouredVehicles));
    assert!(!WeaponKind::Tank.matches("anti-tank missile", Category::Missiles));
    assert!(WeaponKind::CombatAircraft.matches("FGA aircraft", Category::Aircraft));
    let torpedo = "anti-ship/anti-submarine torpedo";
    assert!(!WeaponKind::Submarine.matches(torpedo, Category::NavalWeapons));
    assert!(WeaponKind::Submarine.matches("submarine", Category::Ships));
    assert!(!WeaponKind::Ship.matches("submarine", Category::Ships));
}
