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
    found.sort_unstable();
    found.dedup();
    for k in found {
        f.mark(MarkerKind::Aside, k, t);
    }
}
