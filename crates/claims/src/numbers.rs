//! Numbers a sentence states that no claim read from it represents. The
//! rule of [`crate::rule`] names unread meaning-bearing *words*; a number
//! left out is as much a reduced claim: "delivered arms to Kazakhstan in 3
//! of the 5 years" checked as "delivered arms" is supported whatever the 3,
//! and so was "5,000 TIV of arms" before its unit was known.

use crate::claim::Claim;
use crate::features::{Features, year_of};
use crate::lex::{Kind, MONTHS, Token};
use crate::rule::Built;

/// Why the numbers of `t` that no reading used make the sentence not
/// checkable: one reason per unread number.
pub(crate) fn unread(f: &Features, t: &[Token], built: &[Built]) -> Vec<String> {
    let mut out = Vec::new();
    for (k, tok) in t.iter().enumerate() {
        let number = matches!(tok.kind, Kind::Number { .. })
            || count_word(&tok.norm)
            || crate::durations::unread_length(t, k);
        if number && !used(f, t, built, k) && !period_words(t, k) {
            out.push(tok.text.clone());
        }
    }
    out
}

/// A number written as a word ("three of the five years" checked as "a
/// delivery in 2020-24" was supported), compound too ("thirty-one").
fn count_word(norm: &str) -> bool {
    crate::weapon::number_like(norm)
}

/// "the past five years", "the five years to 2024", "den letzten fünf
/// Jahren bis 2024": a span of years the period reader takes
/// ([`crate::durations`]). Not "in five
/// years between 2015 and 2024", which counts years (it was supported
/// whatever the count).
fn period_words(t: &[Token], k: usize) -> bool {
    let w = |i: usize| t.get(i).map_or("", |x| x.norm.as_str());
    if !matches!(w(k + 1), "years" | "jahre" | "jahren") || k == 0 {
        return false;
    }
    let before = w(k - 1);
    let recent = matches!(
        before,
        "past" | "last" | "previous" | "preceding" | "recent" | "letzten" | "vergangenen"
    );
    // Not "the five years from 2015 to 2020" (six years) nor "the five years
    // since 2020": the length is in no period read (claims probe 14: it was
    // taken as read and 2020 checked alone).
    recent || crate::durations::is_length(t, k)
}

fn used(f: &Features, t: &[Token], built: &[Built], k: usize) -> bool {
    let word = |i: usize| t.get(i).map_or("", |x| x.norm.as_str());
    let prev = if k > 0 { word(k - 1) } else { "" };
    let glued_before = k > 0 && t[k - 1].end == t[k].start;
    // Years belong to periods and dates (a stray one is the periods' rule's).
    year_of(&t[k]).is_some()
        // A figure ("88 %"), also one no claim could be tied to (that has its
        // own reason), and the numbers of a fraction ("9 out of 10").
        || matches!(t.get(k + 1).map(|x| &x.kind), Some(Kind::Percent))
        || f.percents.iter().any(|p| p.idx >= k && p.idx <= k + 3)
        // "top 10", "No. 3", "Platz 9", "the 30 largest".
        || f.rank_tokens.contains(&k)
        // A date: "15 September 2020", "September 15".
        || MONTHS.contains(&word(k + 1))
        || MONTHS.contains(&prev)
        // Part of a name: "Su-30", "F-16", "S-400", "T-72B3".
        || (glued_before && (matches!(t[k - 1].kind, Kind::Punct('-')) || t[k - 1].is_word()))
        || t.get(k + 1).is_some_and(|n| n.start == t[k].end && n.is_word())
        // A count of a weapon delivered, within two tokens before the weapon
        // (only when the claim took a count: "1.5 aircraft" or a German
        // "1.000" read as 1.0 is none), or part of its name ("Leopard 2 tanks").
        || built.iter().any(|b| {
            let counted = matches!(&b.claim, Claim::Delivery(d) if d.number.is_some());
            let named = matches!(b.claim, Claim::Delivery(_) | Claim::Presence(_))
                && k == b.source + 1
                && t.get(b.source).is_some_and(Token::capitalized);
            counted && b.source > k && b.source <= k + 3 || named
        })
        // A count phrase a delivery claim read ("one hundred and fifty Abrams").
        || built.iter().any(|b| {
            matches!(&b.claim, Claim::Delivery(d) if d.number.is_some())
                && crate::weapon::count_span(t, b.source).is_some_and(|c| c.start <= k && k <= c.end)
        })
        // A multiple or count that a change or rank reading consumed.
        || built.iter().any(|b| b.source == k)
}
