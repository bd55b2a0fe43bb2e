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
    let word = |k: usize| {
        t.get(k)
            .filter(|x| x.is_word())
            .map_or("", |x| x.norm.as_str())
    };
    // "88 %, or more," as "88 % or more".
    let comma = matches!(t.get(after).map(|x| &x.kind), Some(Kind::Punct(',')));
    let k = after + comma as usize;
    let (w1, w2, w3) = (word(k), word(k + 1), word(k + 2));
    let read = |q| PostHedge::Read(q);
    match (w1, w2) {
        ("or" | "oder", x) if AT_MOST.contains(&x) => return read(Qualifier::AtMost),
        ("or" | "oder", x) if AT_LEAST.contains(&x) => return read(Qualifier::AtLeast),
        // "and over the period" goes on; these do not.
        ("and" | "und", "less" | "fewer" | "below" | "weniger") => {
            return read(Qualifier::AtMost);
        }
        ("and" | "und", "more" | "above" | "mehr" | "daruber") => {
            return read(Qualifier::AtLeast);
        }
        ("or" | "oder", x) if ABOUT.contains(&x) => return read(Qualifier::About),
        ("give", "or") if w3 == "take" => return read(Qualifier::About),
        ("at", "most") => return read(Qualifier::AtMost),
        ("at", "least") => return read(Qualifier::AtLeast),
        ("at", "the") if w3 == "most" => return read(Qualifier::AtMost),
        ("at", "the") if w3 == "least" => return read(Qualifier::AtLeast),
        ("hochstens", _) => return read(Qualifier::AtMost),
        ("mindestens" | "wenigstens", _) => return read(Qualifier::AtLeast),
        _ => {}
    }
    // Forms with no reading here: "88 % plus", "88 %+", "88 % odd",
    // "88 % and up", "88 % or even more", "at a minimum", "max".
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
    let unread_pair = match (w1, w2) {
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
        ("at", "minimum" | "maximum") => true,
        // Not "at a time when".
        ("at", "a") => matches!(w3, "minimum" | "maximum"),
        // Right after the figure, "or" offers another figure or a hedge; a
        // comma may open an apposition ("43 %, or almost half,"), which the
        // claim's own figure reading handles.
        ("or" | "oder", _) => !comma && !w2.is_empty(),
        _ => false,
    };
    let plus_sign = matches!(t.get(after).map(|x| &x.kind), Some(Kind::Punct('+')));
    if plus_sign {
        PostHedge::Unread(after)
    } else if unread_one || unread_pair {
        PostHedge::Unread(k)
    } else {
        PostHedge::None
    }
}
