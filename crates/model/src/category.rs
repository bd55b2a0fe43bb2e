//! SIPRI's armament categories.

use serde::{Deserialize, Serialize};

/// The 11 armament categories of the current SIPRI register, plus `Unspecified` for
/// sources that carry none (the legacy register and the TIV tables).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[repr(u8)]
pub enum Category {
    Aircraft = 0,
    AirDefence = 1,
    ArmouredVehicles = 2,
    Artillery = 3,
    Engines = 4,
    Missiles = 5,
    NavalWeapons = 6,
    Other = 7,
    Satellites = 8,
    Sensors = 9,
    Ships = 10,
    Unspecified = 255,
}

impl Category {
    pub const ALL: [Category; 11] = [
        Category::Aircraft,
        Category::AirDefence,
        Category::ArmouredVehicles,
        Category::Artillery,
        Category::Engines,
        Category::Missiles,
        Category::NavalWeapons,
        Category::Other,
        Category::Satellites,
        Category::Sensors,
        Category::Ships,
    ];

    /// SIPRI's own spelling, as in the register's `Armament category` column.
    pub fn sipri_name(self) -> &'static str {
        match self {
            Category::Aircraft => "Aircraft",
            Category::AirDefence => "Air-defence systems",
            Category::ArmouredVehicles => "Armoured vehicles",
            Category::Artillery => "Artillery",
            Category::Engines => "Engines",
            Category::Missiles => "Missiles",
            Category::NavalWeapons => "Naval weapons",
            Category::Other => "Other",
            Category::Satellites => "Satellites",
            Category::Sensors => "Sensors",
            Category::Ships => "Ships",
            Category::Unspecified => "Unspecified",
        }
    }

    /// Lenient parse: SIPRI spellings, the legacy API's spellings and short slugs
    /// (`air-defence`, `air defence systems`, `ships`), case-insensitive.
    pub fn parse(s: &str) -> Option<Category> {
        let k: String = s
            .trim()
            .to_ascii_lowercase()
            .chars()
            .filter(|c| c.is_ascii_alphanumeric())
            .collect();
        Some(match k.as_str() {
            "aircraft" => Category::Aircraft,
            "airdefencesystems" | "airdefence" | "airdefensesystems" | "airdefense" | "ad" => {
                Category::AirDefence
            }
            "armouredvehicles" | "armoredvehicles" | "armour" | "av" => Category::ArmouredVehicles,
            "artillery" => Category::Artillery,
            "engines" | "engine" => Category::Engines,
            "missiles" | "missile" => Category::Missiles,
            "navalweapons" | "naval" => Category::NavalWeapons,
            "other" => Category::Other,
            "satellites" | "satellite" => Category::Satellites,
            "sensors" | "sensor" => Category::Sensors,
            "ships" | "ship" => Category::Ships,
            "unspecified" | "" => Category::Unspecified,
            _ => return None,
        })
    }

    /// A category a user filters by: one of SIPRI's, by [`Category::parse`].
    /// Empty text and "unspecified" (the category of a TIV table's rows,
    /// none of SIPRI's) are refused: they selected nothing of a register, so
    /// an unset `$CAT` answered "India imported nothing" (regression).
    pub fn parse_filter(s: &str) -> Result<Category, String> {
        let names = || {
            Category::ALL
                .iter()
                .map(|c| c.sipri_name())
                .collect::<Vec<_>>()
                .join(", ")
        };
        if s.trim().is_empty() {
            return Err(format!(
                "empty category: leave the category out for all, or give one of: {}",
                names()
            ));
        }
        match Category::parse(s) {
            Some(Category::Unspecified) | None => Err(format!(
                "unknown category '{}'; one of: {}",
                s.trim(),
                names()
            )),
            Some(c) => Ok(c),
        }
    }

    pub fn from_u8(v: u8) -> Category {
        Category::ALL
            .get(v as usize)
            .copied()
            .unwrap_or(Category::Unspecified)
    }
}

impl std::fmt::Display for Category {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.sipri_name())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn round_trips() {
        for c in Category::ALL {
            assert_eq!(Category::parse(c.sipri_name()), Some(c));
            assert_eq!(Category::from_u8(c as u8), c);
        }
        assert_eq!(
            Category::parse("air defence systems"),
            Some(Category::AirDefence)
        );
        assert_eq!(Category::parse("tanks"), None);
        for bad in ["", " ", "unspecified", "Unspecified", "tanks"] {
            assert!(Category::parse_filter(bad).is_err(), "{bad:?}");
        }
        assert_eq!(Category::parse_filter(" Ships "), Ok(Category::Ships));
    }
}
