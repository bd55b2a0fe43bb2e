//! The count stated before a weapon: digits ("88 aircraft"), number words in
//! English and German, compound too ("twenty-five", "one hundred and fifty",
//! "einunddreißig", "zwei Dutzend"), and vague quantities ("dozens of",
//! "a couple of", "Dutzende"). Claims probe 29: words outside a short list
//! were dropped, and the weapon checked without its count, so "sixteen Su-30"
//! was supported on 14; "two dozen" was read as 2.

use crate::lex::{Kind, Token};
use crate::shapes::Sent;

/// A count phrase: its tokens `start..=end` and its value, `None` when it is
/// vague ("hundreds of") or a word this reader does not know as a number:
/// such a count cannot be compared, and dropping it would check another claim.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Count {
    pub value: Option<u32>,
    pub start: usize,
    pub end: usize,
}

/// Units after which a number is a measure, not a count of the weapon.
const UNITS: &[&str] = &[
    "tiv",
    "million",
    "millionen",
    "mio",
    "billion",
    "milliarden",
    "mrd",
    "usd",
    "dollar",
    "dollars",
    "euro",
    "tonnes",
    "tons",
    "tonnen",
    "percent",
    "prozent",
];

/// Quantities that name no exact number.
const VAGUE: &[&str] = &[
    "dozens",
    "hundreds",
    "thousands",
    "scores",
    "several",
    "numerous",
    "many",
    "few",
    "couple",
    "pair",
    "half",
    "dutzende",
    "hunderte",
    "tausende",
    "mehrere",
    "zahlreiche",
    "etliche",
    "einige",
    "paar",
    "handvoll",
];

/// Collective nouns before "of"/"von" ("a score of", "a handful of", "a
/// squadron of", "eine Reihe von"): a vague or unstated number of weapons
/// (claims probe 30: each was dropped and the delivery supported; "a score"
/// is 20, but in prose a rough one).
const COLLECTIVE: &[&str] = &[
    "number", "lot", "score", "handful", "batch", "squadron", "fleet", "reihe", "anzahl", "group",
    "series", "flight",
];

/// Units of organisation after a weapon ("one Su-30SM squadron", "drei
/// Su-30SM-Verbänden"): a number before them counts the units, not the
/// weapons (claims probe 30: read as 1 and 3 aircraft).
fn unit_noun(w: &str) -> bool {
    [
        "squadron",
        "batch",
        "regiment",
        "batter",
        "battalion",
        "verband",
        "verbande",
        "staffel",
        "geschwader",
        "bataillon",
        "charge",
    ]
    .iter()
    .any(|x| w.contains(x))
}

/// Words that multiply what precedes them ("two dozen", "zwei Dutzend").
fn multiplier(w: &str) -> Option<u32> {
    Some(match w {
        "dozen" | "dutzend" => 12,
        "hundred" | "hundert" => 100,
        "thousand" | "tausend" => 1000,
        _ => return None,
    })
}

fn unit_en(w: &str) -> Option<u32> {
    Some(match w {
        // "a single", "just a single" (claims probe 30: dropped, and the
        // delivery of 8 supported).
        "one" | "single" => 1,
        "two" => 2,
        "three" => 3,
        "four" => 4,
        "five" => 5,
        "six" => 6,
        "seven" => 7,
        "eight" => 8,
        "nine" => 9,
        "ten" => 10,
        "eleven" => 11,
        "twelve" => 12,
        "thirteen" => 13,
        "fourteen" => 14,
        "fifteen" => 15,
        "sixteen" => 16,
        "seventeen" => 17,
        "eighteen" => 18,
        "nineteen" => 19,
        _ => return None,
    })
}

fn tens_en(w: &str) -> Option<u32> {
    Some(match w {
        "twenty" => 20,
        "thirty" => 30,
        "forty" | "fourty" => 40,
        "fifty" => 50,
        "sixty" => 60,
        "seventy" => 70,
        "eighty" => 80,
        "ninety" => 90,
        _ => return None,
    })
}

fn unit_de(w: &str) -> Option<u32> {
    Some(match w {
        "ein" | "eins" | "einem" => 1,
        "zwei" => 2,
        "drei" => 3,
        "vier" => 4,
        "funf" => 5,
        "sechs" => 6,
        "sieben" => 7,
        "acht" => 8,
        "neun" => 9,
        "zehn" => 10,
        "elf" => 11,
        "zwolf" => 12,
        "dreizehn" => 13,
        "vierzehn" => 14,
        "funfzehn" => 15,
        "sechzehn" => 16,
        "siebzehn" => 17,
        "achtzehn" => 18,
        "neunzehn" => 19,
        _ => return None,
    })
}

fn tens_de(w: &str) -> Option<u32> {
    Some(match w {
        "zwanzig" => 20,
        "dreissig" | "dreisig" => 30,
        "vierzig" => 40,
        "funfzig" => 50,
        "sechzig" => 60,
        "siebzig" => 70,
        "achtzig" => 80,
        "neunzig" => 90,
        _ => return None,
    })
}

/// German below 100: "einunddreissig", "zwanzig", "sechzehn".
fn de_below_100(w: &str) -> Option<u32> {
    if let Some(v) = unit_de(w).or_else(|| tens_de(w)) {
        return Some(v);
    }
    let (u, t) = w.split_once("und")?;
    let u = unit_de(if u == "ein" { "eins" } else { u }).filter(|u| *u < 10)?;
    Some(u + tens_de(t)?)
}

/// German below 1000, one word: "zweihundertfunfzig", "hundert".
fn de_below_1000(w: &str) -> Option<u32> {
    match w.split_once("hundert") {
        Some((a, b)) => {
            let h = if a.is_empty() {
                1
            } else {
                unit_de(a).filter(|u| *u < 10)?
            };
            let rest = if b.is_empty() { 0 } else { de_below_100(b)? };
            Some(h * 100 + rest)
        }
        None => de_below_100(w),
    }
}

/// The value of one number word, English or German ("twenty-five",
/// "einunddreissig", "zweitausend"); not "a"/"an", nor a word that is only
/// a multiplier.
pub(crate) fn word_value(w: &str) -> Option<u32> {
    if let Some(v) = unit_en(w).or_else(|| tens_en(w)) {
        return Some(v);
    }
    if let Some((t, u)) = w.split_once('-') {
        return Some(tens_en(t)? + unit_en(u).filter(|u| *u < 10)?);
    }
    if multiplier(w).is_some() {
        return None;
    }
    match w.split_once("tausend") {
        Some((a, b)) => {
            let k = if a.is_empty() { 1 } else { de_below_1000(a)? };
            let rest = if b.is_empty() { 0 } else { de_below_1000(b)? };
            Some(k * 1000 + rest)
        }
        None => de_below_1000(w),
    }
}

/// A number word beyond one ("one" and "ein" are also a pronoun and the
/// German article): one a sentence states even where no claim reads it.
pub(crate) fn number_like(w: &str) -> bool {
    word_value(w).is_some_and(|v| v >= 2)
}

/// A two-part number word below 100 ("eighty-eight", "achtundachtzig"),
/// which the simple reader of figures does not know.
pub(crate) fn compound_word(w: &str) -> Option<u32> {
    let two = w.contains('-') || w.contains("und");
    word_value(w).filter(|v| two && (21..100).contains(v))
}

/// A word built like a number word that [`word_value`] does not read
/// ("dreihundertelf", "twenty-one-hundred"): in count position it is refused.
fn looks_numeric(w: &str) -> bool {
    [
        "hundred", "thousand", "dozen", "hundert", "tausend", "dutzend",
    ]
    .iter()
    .any(|x| w.contains(x))
        || ["teen", "zig", "ssig"].iter().any(|x| w.ends_with(x))
        || w.split_once('-')
            .is_some_and(|(a, _)| tens_en(a).is_some() || unit_en(a).is_some())
}

fn number_token(t: &Token) -> Option<u32> {
    match t.kind {
        Kind::Number { value, decimals: 0 }
            if crate::when::year(t).is_none() && (1.0..100_000.0).contains(&value) =>
        {
            Some(value as u32)
        }
        _ => None,
    }
}

/// Whether the token at `j` is part of a count phrase that goes on at `j + 1`
/// (`inner`) or ends the phrase.
fn piece(t: &[Token], j: usize, inner: bool) -> bool {
    let w = t[j].norm.as_str();
    let next = t.get(j + 1).map_or("", |x| x.norm.as_str());
    if number_token(&t[j]).is_some() {
        return !inner || multiplier(next).is_some();
    }
    if !t[j].is_word() {
        return false;
    }
    match w {
        "a" | "an" => inner && (multiplier(next).is_some() || VAGUE.contains(&next)),
        // "one hundred and fifty": "and" only after a multiplier.
        "and" | "und" => inner && j > 0 && matches!(t[j - 1].norm.as_str(), "hundred" | "thousand"),
        _ => {
            word_value(w).is_some()
                || multiplier(w).is_some()
                || VAGUE.contains(&w)
                || looks_numeric(w)
        }
    }
}

/// The count phrase ending at `end` (or at `end - 1` before "of": "dozens of").
fn phrase(t: &[Token], end: usize) -> Option<Count> {
    let mut last = end;
    if matches!(t[end].norm.as_str(), "of" | "von") {
        last = end.checked_sub(1)?;
        let w = t[last].norm.as_str();
        let collective = COLLECTIVE.contains(&w);
        if !(VAGUE.contains(&w) || multiplier(w).is_some() || collective) {
            return None;
        }
        if collective {
            return Some(Count {
                value: None,
                start: last.saturating_sub(1),
                end,
            });
        }
    }
    if !piece(t, last, false) {
        return None;
    }
    let mut start = last;
    while start > 0 && number_token(&t[start]).is_none() && piece(t, start - 1, true) {
        start -= 1;
    }
    let (mut total, mut cur, mut exact) = (0u32, 0u32, true);
    for x in &t[start..=last] {
        let w = x.norm.as_str();
        if let Some(v) = number_token(x) {
            cur = cur.saturating_add(v);
        } else if let Some(m) = multiplier(w) {
            if m == 1000 {
                total = total.saturating_add(cur.max(1).saturating_mul(m));
                cur = 0;
            } else {
                cur = cur.max(1).saturating_mul(m);
            }
        } else if let Some(v) = word_value(w) {
            cur = cur.saturating_add(v);
        } else if !matches!(w, "a" | "an" | "and" | "und") {
            exact = false;
        }
    }
    let v = total.saturating_add(cur);
    Some(Count {
        value: (exact && v > 0).then_some(v),
        start,
        end,
    })
}

/// The count before the weapon at `idx`: right before it, or with one word
/// between ("acht russische Su-30"), not after a unit ("5,000 TIV of arms").
pub(crate) fn count_span(t: &[Token], idx: usize) -> Option<Count> {
    let c = (1..=2).find_map(|k| {
        if k == 2
            && t.get(idx.checked_sub(1)?)
                .is_some_and(|x| UNITS.contains(&x.norm.as_str()))
        {
            return None;
        }
        phrase(t, idx.checked_sub(k)?)
    })?;
    // "the first two": which ones, not how many were delivered then
    // (claims probe 30: "the first two … in 2015" refuted on 4 in 2015).
    let ordinal = c
        .start
        .checked_sub(1)
        .and_then(|i| t.get(i))
        .is_some_and(|x| {
            matches!(
                x.norm.as_str(),
                "first" | "last" | "erste" | "ersten" | "letzte" | "letzten" | "next" | "nachsten"
            )
        });
    let unit = t[idx..t.len().min(idx + 4)]
        .iter()
        .take_while(|x| x.is_word())
        .any(|x| unit_noun(&x.norm));
    Some(if ordinal || unit {
        Count { value: None, ..c }
    } else {
        c
    })
}

/// A count stated right before the weapon ("88 aircraft", "acht russische Su-30").
pub(crate) fn count_before(s: &Sent, idx: usize) -> Option<u32> {
    count_span(&s.s.tokens, idx).and_then(|c| c.value)
}

/// The words that make the count before the weapon at `idx` something other
/// than an exact number: a qualifier ("more than 5", "rund 8", "up to 10"),
/// the end of a range ("8 to 10", "zwischen 8 und 10"), a vague quantity
/// ("dozens of") or a word not read as a number. A count compared as exact,
/// or dropped, would then be a different claim.
pub(crate) fn count_hedge(s: &Sent, idx: usize) -> Option<String> {
    let c = count_span(&s.s.tokens, idx)?;
    let t = &s.s.tokens;
    let text = |from: usize| {
        t[from..=c.end]
            .iter()
            .map(|x| x.text.as_str())
            .collect::<Vec<_>>()
            .join(" ")
    };
    if c.value.is_none() {
        return Some(text(c.start));
    }
    let at = c.start;
    let word = |i: Option<usize>| i.and_then(|i| t.get(i)).map_or("", |x| x.norm.as_str());
    let (p1, p2) = (word(at.checked_sub(1)), word(at.checked_sub(2)));
    let is_count = |i: Option<usize>| {
        i.and_then(|i| t.get(i)).is_some_and(|x| {
            matches!(x.kind, Kind::Number { .. })
                || crate::lexicon::small_number(&x.norm).is_some()
                || word_value(&x.norm).is_some()
        })
    };
    let linker = matches!(p1, "to" | "bis" | "or" | "oder" | "and" | "und" | "-" | "–");
    if linker && is_count(at.checked_sub(2)) {
        return Some(text(at - 2));
    }
    if crate::lexicon::qualifier(p2, p1) != crate::stated::Qualifier::Exact {
        let from = if matches!(
            crate::lexicon::qualifier("", p1),
            crate::stated::Qualifier::Exact
        ) {
            at.saturating_sub(2)
        } else {
            at.saturating_sub(1)
        };
        return Some(text(from));
    }
    None
}

#[cfg(test)]
mod tests {
    use super::word_value;

    #[test]
    fn number_words() {
        for (w, v) in [
            ("sixteen", 16),
            ("thirty-one", 31),
            ("forty", 40),
            ("einunddreissig", 31),
            ("zweiunddreissig", 32),
            ("sechzehn", 16),
            ("funfzig", 50),
            ("zweihundert", 200),
            ("hundertfunfzig", 150),
            ("zweitausend", 2000),
        ] {
            assert_eq!(word_value(w), Some(v), "{w}");
        }
        for w in ["dozen", "hundred", "jahrhundert", "leipzig", "und", "a"] {
            assert_eq!(word_value(w), None, "{w}");
        }
    }
}
