//! Kind words read against SIPRI's descriptions: the category a description
//! names (the legacy register has none) and the kind a phrase after a
//! designation names (claims probe 30).

use super::WeaponKind;
use model::Category;

/// The armament category a SIPRI description names, where its words say it.
pub(super) fn described_category(description: &str) -> Option<Category> {
    let d = description.to_lowercase();
    let words: Vec<&str> = d
        .split(|c: char| !c.is_alphanumeric() && c != '-')
        .filter(|w| !w.is_empty())
        .collect();
    let has = |xs: &[&str]| words.iter().any(|w| xs.contains(w));
    Some(
        if d.contains("sam system") || d.contains("air defence system") {
            Category::AirDefence
        } else if has(&["aircraft", "helicopter", "uav", "ucav", "ac"]) {
            Category::Aircraft
        } else if has(&["missile", "sam", "aam", "asm", "ssm", "bvraam", "sraam"]) {
            Category::Missiles
        } else if has(&["vehicle", "apc", "ifv", "tank", "afv"]) {
            Category::ArmouredVehicles
        } else if has(&["gun", "mrl", "mortar", "howitzer"]) {
            Category::Artillery
        } else if has(&[
            "ship",
            "frigate",
            "corvette",
            "submarine",
            "boat",
            "vessel",
            "destroyer",
        ]) {
            Category::Ships
        } else {
            return None;
        },
    )
}

/// The kind a phrase after a designation names: "missile systems",
/// "Raketensysteme" are SAM systems, not missiles, and "infantry fighting
/// vehicles" are armoured vehicles (claims probe 30: "S-400 missile systems"
/// refused as missiles).
pub(super) fn after_designation(
    k: Option<WeaponKind>,
    next: &[crate::lex::Token],
) -> Option<WeaponKind> {
    let words: Vec<&str> = next
        .iter()
        .take(4)
        .take_while(|x| x.is_word() && !matches!(x.norm.as_str(), "and" | "und" | "or" | "oder"))
        .map(|x| x.norm.as_str())
        .collect();
    let system = |w: &str| w.starts_with("system");
    let missile_system = words
        .windows(2)
        .any(|p| p[0].starts_with("missile") && system(p[1]))
        || words.iter().any(|w| w.contains("raketensystem"));
    let joined = words.join(" ");
    match k {
        Some(WeaponKind::Missile) if missile_system => Some(WeaponKind::AirDefence),
        Some(WeaponKind::ArmouredVehicle) => {
            Some(refine_armoured(WeaponKind::ArmouredVehicle, &joined))
        }
        None => Some(refine_armoured(WeaponKind::ArmouredVehicle, &joined))
            .filter(|k| *k != WeaponKind::ArmouredVehicle),
        k => k,
    }
}

/// An armoured vehicle phrase SIPRI's description names: IFVs and APCs.
pub(super) fn refine_armoured(k: WeaponKind, phrase: &str) -> WeaponKind {
    let has = |xs: &[&str]| xs.iter().any(|x| phrase.contains(x));
    if has(&["infantry fighting", "schutzenpanzer", "ifv"]) {
        WeaponKind::Ifv
    } else if has(&["personnel carrier", "transportpanzer", "apc"]) {
        WeaponKind::Apc
    } else {
        k
    }
}
