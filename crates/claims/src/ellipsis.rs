//! Elliptic second figures: "the US accounted for 43 % of global arms exports
//! and France for 9.6 %", "88 Prozent … auf Russland und 1,5 Prozent auf die
//! Türkei", "34 Prozent … an Indien, 13 Prozent an die USA". The second figure
//! repeats the first claim with one country swapped — only when exactly one
//! new country stands next to it and it matches exactly one party of the
//! first claim by its grammatical role (same preposition, same form).

use crate::claim::{Claim, Party};
use crate::features::{Features, Form, Mention, Percent};
use crate::lex::{Kind, Token};
use crate::lexicon::{self as lx, Prep};
use crate::rule::{Built, parties};

/// A mention's role for matching: "and France" counts as a bare noun.
fn role(m: &Mention) -> (Form, Option<Prep>) {
    let prep = match m.prep {
        Some(Prep::Other) => None,
        p => p,
    };
    (m.form, prep)
}

/// The claim the figure `p` states by ellipsis, if any.
pub(crate) fn elliptic(f: &Features, t: &[Token], built: &[Built], p: &Percent) -> Option<Claim> {
    // The last share claim before the figure, in the same sentence.
    let first = built
        .iter()
        .filter(|b| b.source < p.idx)
        .max_by_key(|b| b.source)?;
    if !matches!(
        first.claim,
        Claim::ImportShare { .. }
            | Claim::ExportShare {
                share: Some(_),
                rank: None,
                ..
            }
            | Claim::Global {
                share: Some(_),
                rank: None,
                ..
            }
    ) {
        return None;
    }
    // No change word between the figures: "…, while French exports rose by 11 %" is no ellipsis.
    if f.change
        .iter()
        .any(|(_, i)| *i > first.source && *i < p.idx + 4)
        || p.level
        || p.from_level
        || p.by
    {
        return None;
    }
    let used = parties(&first.claim);
    let new: Vec<&Mention> = f
        .mentions
        .iter()
        .filter(|m| !used.contains(&&m.party))
        .collect();
    let [m] = new.as_slice() else { return None };
    // The country stands right next to the figure: "France for 9.6 %",
    // "Germany 12 %", "Frankreich (33 Prozent)", "1,5 Prozent auf die Türkei".
    let glue = |k: usize| {
        let x = &t[k];
        matches!(x.kind, Kind::Percent | Kind::Punct('(' | ')' | ','))
            || lx::is_article(&x.norm)
            || lx::qualifier("", &x.norm) != crate::stated::Qualifier::Exact
            || matches!(
                x.norm.as_str(),
                "for"
                    | "with"
                    | "at"
                    | "mit"
                    | "bei"
                    | "to"
                    | "from"
                    | "an"
                    | "nach"
                    | "aus"
                    | "auf"
                    | "von"
                    | "into"
            )
    };
    let before = m.idx > first.source && m.end <= p.idx && p.idx - m.end <= 3;
    let after = m.idx > p.idx && m.idx <= p.idx + 4;
    let glued = if before {
        (m.end..p.idx).all(glue)
    } else if after {
        (p.idx + 1..m.idx).all(glue)
    } else {
        false
    };
    if !glued {
        return None;
    }
    // The party of the first claim written in the same role.
    let matching: Vec<&Party> = used
        .iter()
        .copied()
        .filter(|party| {
            f.mentions
                .iter()
                .any(|x| &x.party == *party && role(x) == role(m))
        })
        .collect();
    let [old] = matching.as_slice() else {
        return None;
    };
    let (old, new) = ((*old).clone(), m.party.clone());
    let swap = |x: &mut Party| {
        if *x == old {
            *x = new.clone();
        }
    };
    let mut c = first.claim.clone();
    match &mut c {
        Claim::ImportShare {
            recipient,
            supplier,
            share,
            ..
        } => {
            swap(recipient);
            swap(supplier);
            *share = p.stated;
        }
        Claim::ExportShare {
            supplier,
            recipient,
            share,
            ..
        } => {
            swap(supplier);
            swap(recipient);
            *share = Some(p.stated);
        }
        Claim::Global { focus, share, .. } => {
            swap(focus);
            *share = Some(p.stated);
        }
        _ => return None,
    }
    Some(c)
}
