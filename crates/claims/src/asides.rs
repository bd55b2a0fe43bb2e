//! Asides about a country ("India, a major buyer of French jets, got 33 % of
//! its arms imports from France"; "Armenia, which relied on Russian weapons,
//! got 63 % …"): a category or a country adjective inside one describes the
//! country, not the figure. The readers would attach it to the claim
//! (regressions: the India sentence checked against aircraft, 51.6 %, where
//! 32.98 % of all arms is true; the Armenia one read as Russia's imports), so
//! it is marked and the claim is not checked.

use crate::features::{Features, Form};
use crate::lex::{Kind, Token};
use crate::meaning::MarkerKind;

/// Words that open an aside right after a country and its comma.
const OPENERS: &[&str] = &[
    "a", "an", "the", "one", "which", "who", "whose", "once", "long", "ein", "eine", "einer",
    "eines", "der", "die", "das", "welche", "welcher", "welches", "einst", "lange",
];

pub fn markers(t: &[Token], f: &mut Features) {
    let mut found = Vec::new();
    for (c, tok) in t.iter().enumerate() {
        if tok.kind != Kind::Punct(',') || !f.mentions.iter().any(|m| m.end == c) {
            continue;
        }
        let opens = t
            .get(c + 1)
            .is_some_and(|n| OPENERS.contains(&n.norm.as_str()));
        if !opens {
            continue;
        }
        let end = (c + 1..t.len())
            .find(|&k| matches!(t[k].kind, Kind::Punct(',' | '—' | '–' | ';' | '(' | ')')))
            .unwrap_or(t.len());
        let inside = |k: usize| c < k && k < end;
        for &(_, k) in &f.categories {
            if inside(k) {
                found.push(k);
            }
        }
        for m in &f.mentions {
            if m.form == Form::Adjective && inside(m.idx) {
                found.push(m.idx);
            }
        }
    }
    if let Some(k) = only_in_asides(t, f) {
        f.mark(MarkerKind::AsideOnly, k, t);
    }
    found.sort_unstable();
    found.dedup();
    for k in found {
        f.mark(MarkerKind::Aside, k, t);
    }
}

/// The first country when every country of the sentence is named inside an
/// aside: between a pair of dashes, in brackets, or between commas after an
/// opener ("Global arms exports – a market Russia once led – fell by 64 %").
/// Claims probe 22: that country became the claim's party, and a world
/// figure (−0.59 %) was checked, and supported, as Russia's −63.90 %.
fn only_in_asides(t: &[Token], f: &Features) -> Option<usize> {
    let mut spans: Vec<(usize, usize)> = Vec::new();
    let dashes: Vec<usize> = (0..t.len())
        .filter(|&k| matches!(t[k].kind, Kind::Punct('-' | '–' | '—')))
        .collect();
    // Only an even count of dashes pairs up.
    if dashes.len().is_multiple_of(2) {
        spans.extend(dashes.chunks(2).map(|p| (p[0], p[1])));
    }
    for (k, x) in t.iter().enumerate() {
        let close = match x.kind {
            Kind::Punct('(') => ')',
            Kind::Punct('[') => ']',
            Kind::Punct(',')
                if t.get(k + 1)
                    .is_some_and(|n| OPENERS.contains(&n.norm.as_str())) =>
            {
                ','
            }
            _ => continue,
        };
        if let Some(e) = (k + 1..t.len()).find(|&e| t[e].kind == Kind::Punct(close)) {
            spans.push((k, e));
        }
    }
    // An aside holds no figure: "In 2020–24, the US supplied 43 %, …" is
    // the claim itself.
    spans.retain(|&(a, b)| {
        !t[a..b]
            .iter()
            .any(|x| matches!(x.kind, Kind::Percent | Kind::Number { .. } | Kind::Points))
    });
    let inside = |i: usize| spans.iter().any(|&(a, b)| a < i && i < b);
    let first = f.mentions.iter().min_by_key(|m| m.idx)?;
    f.mentions
        .iter()
        .all(|m| inside(m.idx))
        .then_some(first.idx)
}
