//! Capitals and seats of government. In arms-trade prose a capital heading
//! the sentence stands for its state ("Moscow sold …"); anywhere else it
//! may be a place, and as the first word of a longer name ("The Washington
//! Post", "the Paris Club", "London-based analysts") it is no state at all
//! (claims probe 13: "its imports" after "The Moscow Times reported" was
//! checked on Russia). Either way a sentence about one is not about the
//! previous sentence's country, so every entry blocks that fallback.

use crate::claim::Party;
use crate::lex::Token;
use crate::names::Names;

/// Read as their state when they head the sentence (folded, words joined by
/// one space). Only capitals whose name is unambiguous in this prose.
const METONYMS: &[(&str, &str)] = &[
    ("moscow", "RUS"),
    ("moskau", "RUS"),
    ("kremlin", "RUS"),
    ("kreml", "RUS"),
    ("beijing", "CHN"),
    ("peking", "CHN"),
    ("washington", "USA"),
    ("kyiv", "UKR"),
    ("kiev", "UKR"),
    ("kiew", "UKR"),
    ("islamabad", "PAK"),
    ("tehran", "IRN"),
    ("teheran", "IRN"),
    ("riyadh", "SAU"),
    ("riad", "SAU"),
    ("ankara", "TUR"),
    ("paris", "FRA"),
    ("london", "GBR"),
    ("berlin", "DEU"),
    ("tokyo", "JPN"),
    ("tokio", "JPN"),
    ("seoul", "KOR"),
    ("pyongyang", "PRK"),
    ("canberra", "AUS"),
    ("ottawa", "CAN"),
    ("cairo", "EGY"),
    ("kairo", "EGY"),
    ("warsaw", "POL"),
    ("warschau", "POL"),
    ("athens", "GRC"),
    ("athen", "GRC"),
    ("doha", "QAT"),
    ("rome", "ITA"),
    ("rom", "ITA"),
    ("madrid", "ESP"),
    ("new delhi", "IND"),
    ("neu-delhi", "IND"),
    ("abu dhabi", "ARE"),
    ("baghdad", "IRQ"),
    ("bagdad", "IRQ"),
    ("damascus", "SYR"),
    ("damaskus", "SYR"),
    ("hanoi", "VNM"),
    ("manila", "PHL"),
    ("jakarta", "IDN"),
    ("dhaka", "BGD"),
    ("bangkok", "THA"),
    ("taipei", "TWN"),
    ("minsk", "BLR"),
    ("baku", "AZE"),
    ("yerevan", "ARM"),
    ("eriwan", "ARM"),
    ("tbilisi", "GEO"),
    ("tiflis", "GEO"),
    ("kabul", "AFG"),
    ("algiers", "DZA"),
    ("algier", "DZA"),
    ("rabat", "MAR"),
    ("khartoum", "SDN"),
    ("khartum", "SDN"),
    ("nairobi", "KEN"),
    ("abuja", "NGA"),
    ("pretoria", "ZAF"),
    ("amman", "JOR"),
    ("muscat", "OMN"),
    ("maskat", "OMN"),
    ("manama", "BHR"),
    ("stockholm", "SWE"),
    ("oslo", "NOR"),
    ("helsinki", "FIN"),
    ("copenhagen", "DNK"),
    ("kopenhagen", "DNK"),
    ("vienna", "AUT"),
    ("wien", "AUT"),
    ("bern", "CHE"),
    ("budapest", "HUN"),
    ("prague", "CZE"),
    ("prag", "CZE"),
    ("bucharest", "ROU"),
    ("bukarest", "ROU"),
    ("brasilia", "BRA"),
];

/// Seats and places that are no one state's name for itself (an alliance's
/// seat, a contested capital, a ministry): they only block the fallback.
const SEATS: &[&str] = &[
    "pentagon",
    "white house",
    "weisses haus",
    "downing street",
    "whitehall",
    "elysee",
    "quai d'orsay",
    "jerusalem",
    "tel aviv",
    "brussels",
    "brussel",
    "hague",
    "haag",
    "kuala lumpur",
    "buenos aires",
    "addis ababa",
    "addis abeba",
];

/// A capital or seat written at token `i`.
#[derive(Debug, Clone)]
pub(crate) struct Capital {
    /// The state it is read as at the head of a sentence.
    pub key: Option<&'static str>,
    /// One past its last token.
    pub end: usize,
    /// "Moscow's", "Moskaus".
    pub possessive: bool,
    /// The first word of a longer name ("Washington Post", "London-based").
    pub longer: bool,
    /// As written, the longer name included.
    pub text: String,
}

fn entry(folded: &str) -> Option<Option<&'static str>> {
    if let Some((_, k)) = METONYMS.iter().find(|(w, _)| *w == folded) {
        return Some(Some(*k));
    }
    SEATS.contains(&folded).then_some(None)
}

/// Whether `folded` (lower case, words joined by one space) is a capital or
/// seat: a title-case one before a dash is a dateline (`normalize`).
pub(crate) fn is_capital(folded: &str) -> bool {
    entry(folded).is_some()
}

/// The entry a folded word sequence names, also as a possessive ("Moscow's")
/// or German genitive ("Moskaus"): (key, possessive).
fn lookup(folded: &str) -> Option<(Option<&'static str>, bool)> {
    if let Some(k) = entry(folded) {
        return Some((k, false));
    }
    let stem = folded
        .strip_suffix("'s")
        .or_else(|| folded.strip_suffix("’s"))
        .or_else(|| folded.strip_suffix('s'))?;
    entry(stem).map(|k| (k, true))
}

/// The capital or seat at token `i`, if one is written there (capitalised).
pub(crate) fn capital_at(t: &[Token], i: usize) -> Option<Capital> {
    let x = t.get(i)?;
    if !x.is_word() || !x.capitalized() {
        return None;
    }
    let mut found = None;
    if let Some(y) = t.get(i + 1).filter(|y| y.is_word() && y.capitalized()) {
        found = lookup(&format!("{} {}", x.norm, y.norm)).map(|k| (k, i + 2));
    }
    let mut hyphen = false;
    if found.is_none() {
        found = lookup(&x.norm).map(|k| (k, i + 1));
    }
    if found.is_none()
        && let Some((head, _)) = x.norm.split_once('-')
    {
        // "London-based", "Moskau-treue": a compound on a capital.
        found = entry(head).map(|k| ((k, false), i + 1));
        hyphen = true;
    }
    let ((key, possessive), end) = found?;
    let mut stop = end;
    while t
        .get(stop)
        .is_some_and(|y| y.is_word() && y.capitalized() && !possessive)
    {
        stop += 1;
    }
    let text = t[i..stop]
        .iter()
        .map(|y| y.text.as_str())
        .collect::<Vec<_>>()
        .join(" ");
    Some(Capital {
        key,
        end,
        possessive,
        longer: hyphen || stop > end,
        text,
    })
}

/// The country a capital at the head of the sentence (after articles only)
/// stands for: (party, first token, end). Not a possessive, not part of a
/// longer name.
pub(crate) fn head_metonym(t: &[Token], names: &Names) -> Option<(Party, usize, usize)> {
    let i = t
        .iter()
        .position(|x| !(x.is_word() && crate::lexicon::is_article(&x.norm)))?;
    let c = capital_at(t, i)?;
    if c.possessive || c.longer {
        return None;
    }
    names.lookup(c.key?).ok().map(|p| (p, i, c.end))
}
