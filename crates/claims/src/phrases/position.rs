//! Rank positions and counts as written ("third", "No. 3", "dritten",
//! "ten", "zehn"), and open rank ranges ("one of the largest", "einer der
//! größten").

use super::{before, w};
use crate::lex::{Kind, Token};
use crate::lexicon as lx;
use crate::meaning as mn;

/// A count written as a numeral or a word ("ten", "zehn", "10"); articles
/// ("a", "ein") do not count.
pub(super) fn count(t: &[Token], i: usize) -> Option<u32> {
    let tok = t.get(i)?;
    match tok.kind {
        Kind::Number { value, decimals: 0 } if (1.0..=200.0).contains(&value) => Some(value as u32),
        Kind::Word
            if !matches!(
                tok.norm.as_str(),
                "a" | "an" | "ein" | "eine" | "einer" | "einem"
            ) =>
        {
            mn::number_word(&tok.norm)
        }
        _ => None,
    }
}

/// A rank position: a count, an English ordinal word, a German ordinal dot.
pub(super) fn position(t: &[Token], i: usize) -> Option<u32> {
    match t.get(i)?.kind {
        Kind::Ordinal(n) => Some(n),
        _ => count(t, i)
            .or_else(|| lx::english_ordinal(w(t, i)))
            .or_else(|| german_ordinal(w(t, i))),
    }
}

/// "dritter", "dritten", "fünfte": German ordinal words.
pub(super) fn german_ordinal(norm: &str) -> Option<u32> {
    const STEMS: [&str; 20] = [
        "erst",
        "zweit",
        "dritt",
        "viert",
        "funft",
        "sechst",
        "siebt",
        "acht",
        "neunt",
        "zehnt",
        "elft",
        "zwolft",
        "dreizehnt",
        "vierzehnt",
        "funfzehnt",
        "sechzehnt",
        "siebzehnt",
        "achtzehnt",
        "neunzehnt",
        "zwanzigst",
    ];
    STEMS.iter().enumerate().find_map(|(k, stem)| {
        let rest = norm.strip_prefix(stem)?;
        matches!(rest, "e" | "er" | "en" | "es" | "em").then_some(k as u32 + 1)
    })
}

/// "one of the largest", "among the leading", "einer der größten": a rank
/// range whose size is not stated.
pub(super) fn open_range_before(t: &[Token], i: usize) -> bool {
    let p1 = before(t, i, 1);
    let p2 = before(t, i, 2);
    let p3 = before(t, i, 3);
    matches!((p2, p1), ("among" | "unter" | "zu", "the" | "den"))
        || matches!(p1, "among")
        || matches!((p3, p2), ("one", "of") | ("some", "of"))
        || matches!(p2, "einer" | "eines" | "eine" | "einem") && matches!(p1, "der" | "den" | "des")
        || matches!((p2, p1), ("a" | "an" | "ein" | "eine" | "einer", _))
            && lx::ordinal_largest(w(t, i)) == Some(1)
            && matches!(w(t, i), "leading" | "major" | "main" | "top")
}
