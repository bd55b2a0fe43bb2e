//! Two claims coordinated in one sentence: "India was the second-largest
//! arms importer in 2020–24 and the largest in 2015–19", "Saudi-Arabien war
//! 2015–19 der größte Waffenimporteur, 2020–24 der viertgrößte", "… in 2024
//! as well as in 2022", "… in 2020–24, as it had in 2015–19", "genau wie
//! 2015–19". The readers build one claim per figure or rank phrase, so the
//! second clause either left no claim or lent its period to the first
//! (claims probe 10: "India was the second-largest arms importer in 2020–24
//! and the largest in 2015–19" was supported from 2020-24 alone; the
//! German "Indien war 2020–24 der zweitgrößte …, 2015–19 der größte" was
//! checked as rank 2 in 2015-19). A period the sentence states that no claim
//! built from it is for means a claim was dropped: the sentence cannot be
//! checked, never checked by the half that was read.

use crate::claim::{Claim, Period, Rank};
use crate::features::{Features, Ordinal, PeriodRef};
use crate::i18n::{Msg, Reason};
use crate::lex::{Kind, Token};
use crate::lexicon as lx;
use crate::rule::Built;

/// The windows the sentence states that none of the built claims is for, as
/// a reason; `None` when every stated window has a claim, or when a claim
/// was built whose shape does not carry its window where this can see it
/// (deliveries, group facts: their years are read by their own rules).
pub(crate) fn unseparated(f: &Features, built: &[Built]) -> Option<Msg> {
    let mut windows: Vec<(Period, Option<Period>)> = Vec::new();
    for b in built {
        match &b.claim {
            Claim::ImportShare { period, .. }
            | Claim::ExportShare { period, .. }
            | Claim::Global { period, .. }
            | Claim::Largest { period, .. }
            | Claim::Compare { period, .. } => windows.push((*period, None)),
            Claim::MainSupplier(m) => windows.push((m.period, None)),
            Claim::Change { from, to, .. } => windows.push((*from, Some(*to))),
            _ => return None,
        }
    }
    if windows.is_empty() {
        return None;
    }
    let used = |w: &Period| {
        windows.iter().any(|(a, b)| {
            a == w
                || b.as_ref() == Some(w)
                // "between 2020 and 2024" read as the two years 2020 and 2024.
                || matches!((a, b, w), (Period::Fixed(x), Some(Period::Fixed(y)), Period::Fixed(z))
                    if x.start == z.start && y.end == z.end)
        })
    };
    let mut stated: Vec<Period> = Vec::new();
    for (p, _) in &f.periods {
        if let PeriodRef::Given(p @ Period::Fixed(_)) = p
            && !stated.contains(p)
        {
            stated.push(*p);
        }
    }
    if stated.len() < 2 || stated.iter().all(used) {
        return None;
    }
    let label = |p: &Period| match p {
        Period::Fixed(w) => (w.start, w.end),
        Period::LastYears(_) => (0, 0),
    };
    Some(Reason::ClaimsNotSeparated(stated.iter().map(label).collect()).into())
}

/// The rank claim `c` read from the rank phrase `o`, and the rank the
/// sentence coordinates with it, each with its own period: "India was the
/// second-largest arms importer in 2020–24 and the largest in 2015–19"
/// (rank 2 in 2020-24, rank 1 in 2015-19), "Saudi-Arabien war 2015–19 der
/// größte Waffenimporteur, 2020–24 der viertgrößte", "Egypt was Germany's
/// second-largest customer in 2020–24 and its largest in 2015–19". Read only
/// in that plain form: the first rank phrase and one period before an "and",
/// "und" or comma, then only a period, an article or possessive, "noch" and
/// the bare second ordinal. `None` for anything else; a second period then
/// leaves [`unseparated`] to refuse the sentence.
pub(crate) fn coordinated_rank(
    f: &Features,
    t: &[Token],
    o: &Ordinal,
    c: &Claim,
) -> Option<Vec<Claim>> {
    let first_end = o.idx.max(o.role_idx);
    let cut = (first_end + 1..t.len()).find(|&k| {
        matches!(t[k].kind, Kind::Punct(','))
            || (t[k].is_word() && matches!(t[k].norm.as_str(), "and" | "und"))
    })?;
    // The second, bare ordinal: the only rank word after the cut, with
    // nothing after it but its period and the sentence's end.
    let (second, n2) = (cut + 1..t.len()).find_map(|k| {
        let n = t[k]
            .is_word()
            .then(|| lx::ordinal_largest(&t[k].norm))
            .flatten()?;
        Some((k, n))
    })?;
    if f.ordinals.iter().any(|x| x.idx == second) {
        return None;
    }
    let is_period = |k: usize| f.periods.iter().any(|(_, i)| *i == k);
    let plain = |k: usize| match &t[k].kind {
        Kind::YearRange(_) => true,
        Kind::Number { .. } => is_period(k),
        Kind::Punct(c) => matches!(c, '.' | '–' | '-'),
        Kind::Word => matches!(
            t[k].norm.as_str(),
            "the"
                | "der"
                | "its"
                | "sein"
                | "seiner"
                | "noch"
                | "nur"
                | "only"
                | "in"
                | "im"
                | "and"
                | "und"
        ),
        _ => false,
    };
    if !(cut + 1..t.len()).filter(|&k| k != second).all(plain) {
        return None;
    }
    // One period on each side of the cut, two different ones.
    let fixed = |range: std::ops::Range<usize>| {
        let mut v: Vec<Period> = Vec::new();
        for (p, i) in &f.periods {
            if let PeriodRef::Given(p @ Period::Fixed(_)) = p
                && range.contains(i)
                && !v.contains(p)
            {
                v.push(*p);
            }
        }
        v
    };
    let (before, after) = (fixed(0..cut), fixed(cut..t.len()));
    let (&[p1], &[p2]) = (before.as_slice(), after.as_slice()) else {
        return None;
    };
    if p1 == p2 || f.periods.len() != 2 {
        return None;
    }
    let with = |period: Period, n: Option<u32>| -> Option<Claim> {
        let mut c = c.clone();
        let exact = |r: &mut Rank, want: u32| {
            if r.top || r.n != o.n {
                return false;
            }
            r.n = want;
            true
        };
        let want = n.unwrap_or(o.n);
        let ok = match &mut c {
            Claim::Global {
                period: p,
                rank: Some(r),
                share: None,
                ..
            }
            | Claim::ExportShare {
                period: p,
                rank: Some(r),
                share: None,
                ..
            } => {
                *p = period;
                exact(r, want)
            }
            Claim::Largest { period: p, nth, .. } => {
                *p = period;
                exact(nth, want)
            }
            _ => false,
        };
        ok.then_some(c)
    };
    Some(vec![with(p1, None)?, with(p2, Some(n2))?])
}

/// Words of a tail that repeats the claim for another period: "…, as it
/// had (been) in 2015–19", "… as well as in 2022", "…, genau wie 2015–19",
/// "… und 2015–19 ebenfalls".
fn repeat_word(norm: &str) -> bool {
    matches!(
        norm,
        "as" | "it"
            | "had"
            | "been"
            | "did"
            | "was"
            | "well"
            | "in"
            | "im"
            | "genau"
            | "wie"
            | "ebenfalls"
            | "and"
            | "und"
    )
}

/// The one claim of a sentence said again for a second period in a tail
/// ("Russia supplied 36 per cent of India's arms imports in 2020–24, as it
/// had in 2015–19"): the claim for the period before the tail, and the same
/// claim for the tail's period, so both are checked (the 2015-19 half was
/// dropped, and in "…, genau wie 2015–19" the figure was moved to 2015-19).
/// Only a tail of [`repeat_word`]s with "as", "wie" or "ebenfalls" in it and
/// exactly one period, after a head with exactly one other period; anything
/// else is left for [`unseparated`] to refuse.
pub(crate) fn repeated(f: &Features, t: &[Token], built: &mut Vec<Built>) {
    let [only] = built.as_slice() else {
        return;
    };
    let end = match t.last() {
        Some(x) if matches!(x.kind, Kind::Punct('.')) => t.len() - 1,
        _ => t.len(),
    };
    // The tail starts at the comma or word after which everything is a
    // repeat word or the one period.
    let tail_ok = |k: usize| {
        (k..end).all(|j| match &t[j].kind {
            Kind::Word => repeat_word(&t[j].norm),
            Kind::Punct(',') => j == k,
            Kind::YearRange(_) => true,
            // A single year ("as well as in 2022").
            Kind::Number { .. } => f.periods.iter().any(|(_, i)| *i == j),
            _ => false,
        })
    };
    let fixed = |range: std::ops::Range<usize>| {
        let mut v: Vec<Period> = Vec::new();
        for (p, i) in &f.periods {
            if let PeriodRef::Given(p @ Period::Fixed(_)) = p
                && range.contains(i)
                && !v.contains(p)
            {
                v.push(*p);
            }
        }
        v
    };
    // The first cut with one period before it and one in the tail.
    let Some((cut, p1, p2)) = (only.source + 1..end).find_map(|k| {
        let starts = matches!(t[k].kind, Kind::Punct(',')) || t[k].is_word();
        if !(starts && tail_ok(k)) {
            return None;
        }
        match (fixed(0..k).as_slice(), fixed(k..end).as_slice()) {
            (&[a], &[b]) => Some((k, a, b)),
            _ => None,
        }
    }) else {
        return;
    };
    let says_same = t[cut..end]
        .iter()
        .any(|x| matches!(x.norm.as_str(), "as" | "wie" | "ebenfalls"));
    if !says_same || p1 == p2 || f.periods.len() != 2 {
        return;
    }
    let mut first = only.clone();
    let mut second = only.clone();
    if !(set_period(&mut first.claim, p1) && set_period(&mut second.claim, p2)) {
        return;
    }
    *built = vec![first, second];
}

/// Sets the window of a share or rank claim; `false` for other shapes.
fn set_period(c: &mut Claim, to: Period) -> bool {
    match c {
        Claim::ImportShare { period, .. }
        | Claim::ExportShare { period, .. }
        | Claim::Global { period, .. }
        | Claim::Largest { period, .. } => {
            *period = to;
            true
        }
        _ => false,
    }
}
