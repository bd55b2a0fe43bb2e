//! Hedges written after a figure ("88 % or less", "90 % at most", "89
//! Prozent oder weniger", "86 % or so").
//!
//! Claims probe 21: these were not read, so the figure was checked as exact
//! and verdicts flipped both ways ("88 % or less" supported at 88.43 %).
//! They mean what their pre-number forms mean (docs/claims.md
//! "Tolerance"); a word that could qualify the figure but has no reading
//! here makes the claim uncheckable, never exact.

use crate::lex::{Kind, Token};
use crate::stated::Qualifier;

/// What follows a figure's percent sign at `after`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PostHedge {
    /// No hedge: the figure stands as written.
    None,
    Read(Qualifier),
    /// A qualifying word with no reading here, at this token.
    Unread(usize),
}

const AT_MOST: &[&str] = &[
    "less",
    "fewer",
    "lower",
    "below",
    "under",
    "weniger",
    "niedriger",
];
const AT_LEAST: &[&str] = &[
    "more", "higher", "above", "over", "mehr", "hoher", "daruber",
];
const ABOUT: &[&str] = &["so", "thereabouts", "thereabout"];

pub fn post_hedge(t: &[Token], after: usize) -> PostHedge {
    let open = match t.get(after).map(|x| &x.kind) {
        Some(Kind::Punct(c @ ('(' | '[' | '-' | '–' | '—'))) => Some(*c),
        _ => None,
    };
    let Some(open) = open else {
        return bare(t, after);
    };
    // Claims probe 22: "88 % – or less –", "88 % (or less)", "88 % [at
    // most]" dropped the hedge and checked the figure as exact.
    let k = after + 1;
    let closes = |j: usize| match t.get(j).map(|x| &x.kind) {
        None | Some(Kind::Break) => open != '(' && open != '[',
        Some(Kind::Punct(c)) => match open {
            '(' => *c == ')',
            '[' => *c == ']',
            _ => matches!(c, '-' | '–' | '—' | '.' | ';' | ',' | '!' | '?'),
        },
        _ => false,
    };
    match hedge_at(t, k) {
        Some((q, n)) if closes(k + n) => PostHedge::Read(q),
        Some(_) => PostHedge::Unread(k),
        None if unread_at(t, k, false) => PostHedge::Unread(k),
        // "74 Prozent (2015–19)", "(in 2020–24, SIPRI)": a period or the
        // source in brackets qualifies nothing.
        None if (k..t.len().min(k + 6))
            .find(|&e| closes(e))
            .is_some_and(|e| e > k && (k..e).all(|j| period_or_source(&t[j]))) =>
        {
            PostHedge::None
        }
        // Anything else in brackets right after the figure may qualify it
        // in a way not read here.
        None if open == '(' || open == '[' => PostHedge::Unread(k),
        None => PostHedge::None,
    }
}

/// A hedge with no bracket or dash before it ("88 % or less", "88 %, or
/// more,").
fn bare(t: &[Token], after: usize) -> PostHedge {
    // "88 %, or more," as "88 % or more".
    let comma = matches!(t.get(after).map(|x| &x.kind), Some(Kind::Punct(',')));
    let k = after + comma as usize;
    if let Some((q, _)) = hedge_at(t, k) {
        return PostHedge::Read(q);
    }
    let plus_sign = matches!(t.get(after).map(|x| &x.kind), Some(Kind::Punct('+')));
    if plus_sign {
        PostHedge::Unread(after)
    } else if unread_at(t, k, comma) {
        PostHedge::Unread(k)
    } else {
        PostHedge::None
    }
}

fn word(t: &[Token], k: usize) -> &str {
    t.get(k)
        .filter(|x| x.is_word())
        .map_or("", |x| x.norm.as_str())
}

/// Whether the phrase ends at `k`, so that "at most" before it bounds the
/// figure: "88 % at most.", "88 % at most of …", "at most in 2020–24".
/// Claims probe 22: "88 % at most times" was read as a bound and a true
/// claim came out not supported.
fn phrase_ends(t: &[Token], k: usize) -> bool {
    let year = |j: usize| match t.get(j).map(|x| &x.kind) {
        Some(Kind::YearRange(_)) => true,
        Some(Kind::Number { value, decimals: 0 }) => (1900.0..=2100.0).contains(value),
        _ => false,
    };
    match t.get(k).map(|x| &x.kind) {
        None | Some(Kind::Break | Kind::Punct(_)) => true,
        _ if year(k) => true,
        Some(Kind::Word) => match t[k].norm.as_str() {
            "of" | "der" | "des" | "von" => true,
            "in" | "im" | "during" | "between" | "from" | "zwischen" => year(k + 1),
            _ => false,
        },
        _ => false,
    }
}

/// A hedge read at `k` and how many words it takes.
fn hedge_at(t: &[Token], k: usize) -> Option<(Qualifier, usize)> {
    let (w1, w2, w3) = (word(t, k), word(t, k + 1), word(t, k + 2));
    let q = match (w1, w2) {
        ("or" | "oder", x) if AT_MOST.contains(&x) => (Qualifier::AtMost, 2),
        ("or" | "oder", x) if AT_LEAST.contains(&x) => (Qualifier::AtLeast, 2),
        // "and over the period" goes on; these do not.
        ("and" | "und", "less" | "fewer" | "below" | "weniger") => (Qualifier::AtMost, 2),
        ("and" | "und", "more" | "above" | "mehr" | "daruber") => (Qualifier::AtLeast, 2),
        ("or" | "oder", x) if ABOUT.contains(&x) => (Qualifier::About, 2),
        ("give", "or") if w3 == "take" => (Qualifier::About, 3),
        ("at", "most") if phrase_ends(t, k + 2) => (Qualifier::AtMost, 2),
        ("at", "least") if phrase_ends(t, k + 2) => (Qualifier::AtLeast, 2),
        ("at", "the") if w3 == "most" && phrase_ends(t, k + 3) => (Qualifier::AtMost, 3),
        ("at", "the") if w3 == "least" && phrase_ends(t, k + 3) => (Qualifier::AtLeast, 3),
        ("hochstens", _) => (Qualifier::AtMost, 1),
        ("mindestens" | "wenigstens", _) => (Qualifier::AtLeast, 1),
        _ => return None,
    };
    Some(q)
}

/// A word at `k` that could qualify the figure but has no reading here.
fn unread_at(t: &[Token], k: usize, comma: bool) -> bool {
    let (w1, w2, w3) = (word(t, k), word(t, k + 1), word(t, k + 2));
    // Forms with no reading here: "88 % plus", "88 % odd", "88 % and up",
    // "88 % or even more", "at a minimum", "max", "88 % at most times".
    let unread_one = matches!(
        w1,
        "plus"
            | "odd"
            | "ish"
            | "max"
            | "maximum"
            | "min"
            | "minimum"
            | "tops"
            | "approx"
            | "approximately"
            | "roughly"
    );
    match (w1, w2) {
        _ if unread_one => true,
        ("and" | "und", x) => matches!(
            x,
            "up" | "upwards"
                | "upward"
                | "beyond"
                | "greater"
                | "bigger"
                | "larger"
                | "even"
                | "sogar"
                | "darunter"
        ),
        ("at", "minimum" | "maximum" | "most" | "least") => true,
        // Not "at a time when".
        ("at", "a") => matches!(w3, "minimum" | "maximum"),
        ("at", "the") => matches!(w3, "most" | "least"),
        // Right after the figure, "or" offers another figure or a hedge; a
        // comma may open an apposition ("43 %, or almost half,"), which the
        // claim's own figure reading handles.
        ("or" | "oder", _) => !comma && !w2.is_empty(),
        _ => false,
    }
}

fn period_or_source(x: &Token) -> bool {
    match &x.kind {
        Kind::YearRange(_) => true,
        Kind::Number { value, decimals: 0 } => (1900.0..=2100.0).contains(value),
        Kind::Punct(',') => true,
        Kind::Word => matches!(
            x.norm.as_str(),
            "in" | "im" | "between" | "zwischen" | "and" | "und" | "sipri" | "data" | "daten"
        ),
        _ => false,
    }
}
