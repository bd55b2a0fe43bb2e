//! Periods written as a length and one end: "the five years to 2024", "the
//! five years from 2020", "a five-year span from 2020", "im
//! Fünfjahreszeitraum ab 2020", "in den fünf Jahren bis 2024".
//!
//! Claims probe 14: the start-anchored forms were read as their first year
//! alone, the length dropped ("In the five years from 2020, Russia supplied
//! 88 % of Kazakhstan's arms imports" not supported at 2020's 99.1 %; 2020-24
//! is 88.4 %), and "the two years from 2024" was supported on 2024 although
//! it means 2024-25, past the data. One reader serves the share and rank
//! periods ([`crate::features`]), the delivery windows ([`crate::when`]), the
//! open-period words ([`crate::phrases`]) and the unread-number rule
//! ([`crate::numbers`]), so that a length is either in the window read or the
//! sentence is refused for it, never silently dropped.
//!
//! Not read (each stays refused): "since" / "seit" and "after" ("the five
//! years since 2020" may start in 2020 or 2021), "the next five years", and a
//! bare "five years from 2020" (also "the year 2025", as in "five years from
//! now").

use crate::lex::{Kind, Token};
use crate::lexicon::small_number;
use model::Window;

/// A period read from a length and one end year.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Span {
    pub window: Window,
    /// Index of the end year's token (the anchor the text names).
    pub year: usize,
    /// One past the last token of the phrase.
    pub end: usize,
    /// Named by its first year ("from 2020"), not its last ("to 2024").
    pub from_start: bool,
}

fn norm(t: &[Token], i: usize) -> &str {
    t.get(i).map_or("", |x| x.norm.as_str())
}

fn year(t: &[Token], i: usize) -> Option<u16> {
    crate::features::year_of(t.get(i)?)
}

/// Nouns that make "a five-year …" a period: "period", "span", "Zeitraum".
fn period_noun(w: &str) -> bool {
    matches!(
        w,
        "period" | "span" | "window" | "stretch" | "zeitraum" | "periode" | "zeitspanne"
    )
}

/// The prefix of `w` before one of `suffixes` (and an optional hyphen), as a
/// number of years: "five-year" → 5, "funfjahreszeitraum" → 5.
fn prefixed(w: &str, suffixes: &[&str]) -> Option<u16> {
    suffixes.iter().find_map(|s| {
        let head = w.strip_suffix(s)?;
        small_number(head.strip_suffix('-').unwrap_or(head))
    })
}

/// The number of years and the index after a length phrase at `i`, and
/// whether it names itself a period (so a start year cannot be a date five
/// years on, as "five years from 2020" can).
fn length(t: &[Token], i: usize) -> Option<(u16, usize, bool)> {
    let w = norm(t, i);
    // "five years", "5 years", "fünf Jahren".
    if let Some(n) = small_number(w)
        && matches!(norm(t, i + 1), "years" | "jahren" | "jahre")
    {
        let det = i > 0 && matches!(norm(t, i - 1), "the" | "den" | "die" | "these" | "diesen");
        return Some((n, i + 2, det));
    }
    // "five-year period", "5-year span", "fünfjährigen Zeitraum".
    if let Some(n) = prefixed(w, &["year", "jahrigen", "jahrige", "jahriger", "jahrigem"])
        && period_noun(norm(t, i + 1))
    {
        return Some((n, i + 2, true));
    }
    // "Fünfjahreszeitraum", "5-Jahres-Zeitraum".
    let compound = [
        "jahreszeitraum",
        "jahreszeitraums",
        "jahreszeitraumes",
        "jahres-zeitraum",
        "jahres-zeitraums",
        "jahresperiode",
        "jahreszeitspanne",
    ];
    prefixed(w, &compound).map(|n| (n, i + 1, true))
}

/// The period of a length phrase starting at token `i`, when it has one end
/// year: "the five years to 2024" → 2020-2024, "the five years from 2020" →
/// 2020-2024, "the five years from 2020 to 2024" → 2020-2024. A range whose
/// length is not the one stated ("the five years from 2015 to 2020") is
/// none: the sentence's number is then unread and the sentence refused.
pub fn span_at(t: &[Token], i: usize) -> Option<Span> {
    let (n, j, named) = length(t, i)?;
    if n == 0 || !t[i].is_word() && !matches!(t[i].kind, Kind::Number { .. }) {
        return None;
    }
    let link = norm(t, j);
    if matches!(link, "to" | "through" | "until" | "bis" | "ending") {
        let y = year(t, j + 1)?;
        let win = Window::new(y.checked_sub(n - 1)?, y).ok()?;
        return Some(Span {
            window: win,
            year: j + 1,
            end: j + 2,
            from_start: false,
        });
    }
    // "from 2020", "ab 2020", "beginning (in) 2020", "starting (in) 2020".
    let from = match link {
        "from" | "ab" | "von" => j + 1,
        "beginning" | "starting" | "commencing" if matches!(norm(t, j + 1), "in" | "im") => j + 2,
        "beginning" | "starting" | "commencing" => j + 1,
        _ => return None,
    };
    if !named {
        return None;
    }
    let y = year(t, from)?;
    let last = y.checked_add(n - 1)?;
    let dash = matches!(
        t.get(from + 1).map(|x| &x.kind),
        Some(Kind::Punct('-' | '–' | '—'))
    );
    let ranged = dash
        || matches!(
            norm(t, from + 1),
            "to" | "through" | "until" | "bis" | "thru"
        );
    if ranged && let Some(z) = year(t, from + 2) {
        return (z == last).then_some(Span {
            window: Window { start: y, end: z },
            year: from,
            end: from + 3,
            from_start: true,
        });
    }
    // "von 2020" alone is "of 2020"; "von 2020 an" is open.
    if link == "von" {
        return None;
    }
    Some(Span {
        window: Window::new(y, last).ok()?,
        year: from,
        end: from + 1,
        from_start: true,
    })
}

/// Whether the year at `k` is the end named by a length phrase read as a
/// period: it bounds that period, it opens none ("to 2024", "ab 2020").
pub fn anchors(t: &[Token], k: usize) -> bool {
    (k.saturating_sub(5)..k).any(|i| span_at(t, i).is_some_and(|s| s.year == k))
}

/// Whether token `k` is the length of a phrase read as a period.
pub fn is_length(t: &[Token], k: usize) -> bool {
    span_at(t, k).is_some()
}

/// A length that names itself a period ("five-year period", "Fünfjahres-
/// zeitraum") but is not read as one, with a single year after it: the
/// year alone would be checked, the length dropped, so the length is an
/// unread number. Not before a written range ("the five-year period
/// 2020-24"), which is the period.
pub fn unread_length(t: &[Token], k: usize) -> bool {
    let Some((_, j, true)) = length(t, k) else {
        return false;
    };
    !is_length(t, k) && (j..j + 3).any(|i| year(t, i).is_some())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::lex::{detect, lex};

    fn read(s: &str) -> Vec<String> {
        let t = lex(s, detect(s));
        (0..t.len())
            .filter_map(|i| span_at(&t, i))
            .map(|s| s.window.to_string())
            .collect()
    }

    #[test]
    fn lengths_and_ends() {
        for (s, want) in [
            ("in the five years from 2020, Russia", "2020-2024"),
            ("in the 5 years to 2024, Russia", "2020-2024"),
            ("in the five-year period from 2020", "2020-2024"),
            ("over a five-year span from 2020", "2020-2024"),
            ("in the two years from 2024", "2024-2025"),
            ("in the five years from 2020 to 2024", "2020-2024"),
            ("in the five years beginning in 2020", "2020-2024"),
            ("in den fünf Jahren ab 2020 lieferte", "2020-2024"),
            ("im Fünfjahreszeitraum ab 2020 lieferte", "2020-2024"),
            ("im fünfjährigen Zeitraum bis 2024", "2020-2024"),
            ("in den fünf Jahren bis 2024", "2020-2024"),
            ("in den fünf Jahren von 2020 bis 2024", "2020-2024"),
        ] {
            assert_eq!(read(s), [want], "{s}");
        }
        for s in [
            "five years from 2020, Russia",
            "in the five years since 2020",
            "in the three years after 2021",
            "over the next five years after 2019",
            "in the five years from 2015 to 2020",
            "in den fünf Jahren seit 2020",
            "in den fünf Jahren von 2020 an",
            "for five years from 2020, Russia",
        ] {
            assert!(read(s).is_empty(), "{s}");
        }
    }
}
