//! The languages armsflow speaks and their writing conventions: names,
//! numbers, percentages and dates. Pure functions, shared by the dashboard,
//! the claim checker and the CLI, so "88,4 %" is written one way everywhere.
//! Rounding happens only here, at presentation.

use crate::entity::Entity;
use serde::{Deserialize, Serialize};
use std::collections::HashMap;
use std::sync::OnceLock;

/// A language of the interface. English is the default (and the language of
/// SIPRI's own names).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Lang {
    #[default]
    En,
    De,
}

impl Lang {
    pub const ALL: [Lang; 2] = [Lang::En, Lang::De];

    /// BCP 47 primary tag, as in `<html lang>` and `?lang=`.
    pub fn code(self) -> &'static str {
        match self {
            Lang::En => "en",
            Lang::De => "de",
        }
    }

    /// The language's own name, for a language switch.
    pub fn native_name(self) -> &'static str {
        match self {
            Lang::En => "English",
            Lang::De => "Deutsch",
        }
    }

    /// `en`, `de`, `de-AT`, `EN_gb` …; anything else is `None`.
    pub fn parse(tag: &str) -> Option<Lang> {
        let primary = tag
            .trim()
            .split(['-', '_'])
            .next()
            .unwrap_or("")
            .to_ascii_lowercase();
        match primary.as_str() {
            "en" => Some(Lang::En),
            "de" => Some(Lang::De),
            _ => None,
        }
    }

    /// The best language of an `Accept-Language` header (RFC 9110 §12.5.4):
    /// highest q first, ties in header order; `None` if none is spoken here.
    pub fn from_accept_language(header: &str) -> Option<Lang> {
        let mut best: Option<(f32, Lang)> = None;
        for item in header.split(',').take(32) {
            let mut parts = item.split(';');
            let tag = parts.next().unwrap_or("").trim();
            let mut q = 1.0f32;
            for p in parts {
                if let Some(v) = p.trim().strip_prefix("q=") {
                    q = v.trim().parse().unwrap_or(0.0);
                }
            }
            if !(q > 0.0 && q <= 1.0) {
                continue;
            }
            if let Some(l) = Lang::parse(tag)
                && best.is_none_or(|(bq, _)| q > bq)
            {
                best = Some((q, l));
            }
        }
        best.map(|(_, l)| l)
    }

    fn separators(self) -> (char, char) {
        match self {
            Lang::En => ('.', ','),
            Lang::De => (',', '.'),
        }
    }
}

fn german_names() -> &'static HashMap<&'static str, &'static str> {
    static T: OnceLock<HashMap<&'static str, &'static str>> = OnceLock::new();
    T.get_or_init(|| {
        include_str!("../data/names_de.tsv")
            .lines()
            .filter(|l| !l.starts_with('#'))
            .filter_map(|l| l.split_once('\t'))
            .collect()
    })
}

/// The name of a party in `lang`: CLDR's name for states and a reviewed one
/// for former states; SIPRI's spelling where no translation is known (non-state
/// groups, organisations), never an invented one.
pub fn entity_name(e: &Entity, lang: Lang) -> &str {
    match lang {
        Lang::En => &e.name,
        Lang::De => german_names()
            .get(e.key.as_str())
            .copied()
            .unwrap_or(&e.name),
    }
}

/// The name of the party with key `key` (ISO alpha-3 …) in `lang`, if known.
pub fn name_of_key(key: &str, lang: Lang) -> Option<&'static str> {
    match lang {
        Lang::En => None,
        Lang::De => german_names().get(key).copied(),
    }
}

/// `x` with `digits` decimals and grouped thousands: `1,234.5` / `1.234,5`.
/// Negative zero after rounding is written as zero.
pub fn decimal(x: f64, digits: usize, lang: Lang) -> String {
    if !x.is_finite() {
        return "–".to_string();
    }
    let s = format!("{:.*}", digits, x.abs());
    let (int, frac) = match s.split_once('.') {
        Some((i, f)) => (i, Some(f)),
        None => (s.as_str(), None),
    };
    let (dec, group) = lang.separators();
    let mut out = String::with_capacity(s.len() + 4);
    let is_zero = s.bytes().all(|b| b == b'0' || b == b'.');
    if x < 0.0 && !is_zero {
        out.push('−');
    }
    let n = int.len();
    for (i, c) in int.chars().enumerate() {
        if i > 0 && (n - i) % 3 == 0 {
            out.push(group);
        }
        out.push(c);
    }
    if let Some(f) = frac {
        out.push(dec);
        out.push_str(f);
    }
    out
}

/// A share (0..=1) as a percentage with `digits` decimals: "88.4 %" /
/// "88,4 %" (ISO 80000 and German style: a space before the sign).
pub fn percent(share: f64, digits: usize, lang: Lang) -> String {
    format!("{} %", decimal(share * 100.0, digits, lang))
}

/// A change in percentage points, signed: "+3.2 pp" / "+3,2 Pp.".
pub fn points(delta_share: f64, digits: usize, lang: Lang) -> String {
    let v = delta_share * 100.0;
    let s = decimal(v, digits, lang);
    let nonzero = s.bytes().any(|b| (b'1'..=b'9').contains(&b));
    let sign = if v > 0.0 && nonzero { "+" } else { "" };
    let unit = match lang {
        Lang::En => "pp",
        Lang::De => "Pp.",
    };
    format!("{sign}{s} {unit}")
}

const MONTHS_EN: [&str; 12] = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
];
const MONTHS_DE: [&str; 12] = [
    "Januar",
    "Februar",
    "März",
    "April",
    "Mai",
    "Juni",
    "Juli",
    "August",
    "September",
    "Oktober",
    "November",
    "Dezember",
];

/// A calendar date in words: "12 February 2026" / "12. Februar 2026".
/// `None` for an impossible month or day.
pub fn date(year: i32, month: u32, day: u32, lang: Lang) -> Option<String> {
    if !(1..=12).contains(&month) || !(1..=31).contains(&day) {
        return None;
    }
    let m = month as usize - 1;
    Some(match lang {
        Lang::En => format!("{day} {} {year}", MONTHS_EN[m]),
        Lang::De => format!("{day}. {} {year}", MONTHS_DE[m]),
    })
}

/// Days since 1970-01-01 to a proleptic Gregorian (year, month, day), by
/// Howard Hinnant's era-based method (exact for every day in range). One
/// copy for the store's timestamps and the dashboard's citation dates.
pub fn civil_from_days(z: i64) -> (i64, u32, u32) {
    let z = z + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z.rem_euclid(146_097);
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let d = (doy - (153 * mp + 2) / 5 + 1) as u32;
    let m = if mp < 10 { mp + 3 } else { mp - 9 } as u32;
    (yoe + era * 400 + i64::from(m <= 2), m, d)
}

/// An ISO date (`2026-02-12`, optionally followed by a time) in words; other
/// text is returned unchanged, so a date SIPRI wrote oddly is still shown.
pub fn iso_date(s: &str, lang: Lang) -> String {
    let d = s.get(..10).unwrap_or("");
    let mut it = d.split('-');
    let parsed = (|| {
        let y: i32 = it.next()?.parse().ok()?;
        let m: u32 = it.next()?.parse().ok()?;
        let dd: u32 = it.next()?.parse().ok()?;
        date(y, m, dd, lang)
    })();
    match parsed {
        Some(words) if d.len() == 10 && d.as_bytes()[4] == b'-' => words,
        _ => s.to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::EntityKind;

    fn ent(key: &str, name: &str) -> Entity {
        Entity {
            key: key.into(),
            name: name.into(),
            kind: EntityKind::State,
            iso3: Some(key.into()),
        }
    }

    #[test]
    fn percent_both_languages() {
        assert_eq!(percent(0.884_39, 1, Lang::En), "88.4 %");
        assert_eq!(percent(0.884_39, 1, Lang::De), "88,4 %");
        assert_eq!(percent(0.106, 1, Lang::De), "10,6 %");
        assert_eq!(percent(1.0, 0, Lang::En), "100 %");
    }

    #[test]
    fn decimals_group_thousands() {
        assert_eq!(decimal(1234.5, 1, Lang::En), "1,234.5");
        assert_eq!(decimal(1234.5, 1, Lang::De), "1.234,5");
        assert_eq!(decimal(1_234_567.0, 0, Lang::De), "1.234.567");
        assert_eq!(decimal(999.0, 0, Lang::En), "999");
        assert_eq!(decimal(-12.25, 1, Lang::En), "−12.2");
        assert_eq!(decimal(-0.01, 1, Lang::En), "0.0");
        assert_eq!(decimal(f64::NAN, 1, Lang::En), "–");
    }

    #[test]
    fn points_are_signed() {
        assert_eq!(points(0.032, 1, Lang::En), "+3.2 pp");
        assert_eq!(points(-0.032, 1, Lang::De), "−3,2 Pp.");
        assert_eq!(points(0.0, 1, Lang::En), "0.0 pp");
    }

    #[test]
    fn dates_in_words() {
        assert_eq!(
            date(2026, 2, 12, Lang::De).as_deref(),
            Some("12. Februar 2026")
        );
        assert_eq!(
            date(2026, 2, 12, Lang::En).as_deref(),
            Some("12 February 2026")
        );
        assert_eq!(iso_date("2026-03-09", Lang::De), "9. März 2026");
        assert_eq!(iso_date("March 2026", Lang::De), "March 2026");
        assert_eq!(date(2026, 13, 1, Lang::En), None);
    }

    #[test]
    fn civil_dates() {
        assert_eq!(civil_from_days(0), (1970, 1, 1));
        assert_eq!(civil_from_days(20_419), (2025, 11, 27));
        assert_eq!(civil_from_days(11_016), (2000, 2, 29));
        assert_eq!(civil_from_days(-1), (1969, 12, 31));
    }

    #[test]
    fn german_names_from_cldr() {
        assert_eq!(entity_name(&ent("RUS", "Russia"), Lang::De), "Russland");
        assert_eq!(entity_name(&ent("TUR", "Türkiye"), Lang::De), "Türkei");
        assert_eq!(
            entity_name(&ent("ARE", "UAE"), Lang::De),
            "Vereinigte Arabische Emirate"
        );
        assert_eq!(
            entity_name(&ent("SUHH", "Soviet Union"), Lang::De),
            "Sowjetunion"
        );
        assert_eq!(entity_name(&ent("RUS", "Russia"), Lang::En), "Russia");
        // armsflow's own party for an unknown supplier.
        assert_eq!(
            name_of_key("unknown:supplier", Lang::De),
            Some("unbekannte Lieferländer")
        );
        // No translation: SIPRI's spelling, never an invented one.
        assert_eq!(
            entity_name(&ent("ns:houthi", "Houthi rebels (Yemen)*"), Lang::De),
            "Houthi rebels (Yemen)*"
        );
    }

    #[test]
    fn accept_language() {
        assert_eq!(
            Lang::from_accept_language("de-DE,de;q=0.9,en;q=0.8"),
            Some(Lang::De)
        );
        assert_eq!(
            Lang::from_accept_language("fr, en;q=0.5, de;q=0.7"),
            Some(Lang::De)
        );
        assert_eq!(Lang::from_accept_language("en-GB"), Some(Lang::En));
        assert_eq!(Lang::from_accept_language("fr, es"), None);
        assert_eq!(
            Lang::from_accept_language("de;q=0, en;q=0.1"),
            Some(Lang::En)
        );
        assert_eq!(Lang::from_accept_language(""), None);
        assert_eq!(Lang::parse("DE_at"), Some(Lang::De));
    }
}
